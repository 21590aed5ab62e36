// Tests for include/hsct/engraftment/graft_failure_text.hpp: primary graft failure rendered from
// the result's data (status, cut-off day, definition, pancytopenia rule, the engraftment day
// against the cut-off as transplant days, the counts, the inputs missing), for the reference
// notes' GF-1..GF-3 and a pending case, in English and through a second catalogue.
#include <hsct/engraftment/graft_failure_text.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_graft_failure_text_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::graft::product_source;
using hsct::transplant_day;

namespace {
e::neutrophil_result neutrophils(const std::vector<std::pair<int, double>>& s) {
    std::vector<e::count_record<hsct::anc>> r;
    for (const auto& [d, v] : s) {
        r.push_back({transplant_day::at(d), hsct::anc(v, u::giga_per_l)});
    }
    const auto series = e::consolidate<hsct::anc>(r);
    REQUIRE(series.has_value());
    const auto n = e::assess_neutrophil_engraftment(*series);
    REQUIRE(n.has_value());
    return *n;
}
e::primary_graft_failure_input input(product_source s, const e::neutrophil_result& n, int through,
                                     std::optional<bool> pancytopenia = true) {
    e::primary_graft_failure_input in;
    in.source = s;
    in.neutrophils = n;
    in.observed_through = transplant_day::at(through);
    in.pancytopenia = pancytopenia;
    return in;
}
std::string render(const e::primary_graft_failure_input& in, const e::primary_graft_failure_options& o = {},
                   const hsct::message_catalogue& cat = hsct::english()) {
    const auto r = e::assess_primary_graft_failure(in, o);
    REQUIRE(r.has_value());
    return e::render(*r, cat);
}
e::primary_graft_failure_options ebmt_2019() {
    e::primary_graft_failure_options o;
    o.definition = e::graft_failure_definition::ebmt_2019;
    return o;
}
// engrafted on D+29 (GF-1); no engraftment by D+31 (GF-3)
const std::vector<std::pair<int, double>> gf1{{5, 0.1}, {29, 0.6}, {30, 0.7}, {31, 0.9}};
const std::vector<std::pair<int, double>> gf3{{5, 0.1}, {14, 0.2}, {21, 0.3}, {28, 0.2}, {31, 0.3}};
constexpr hsct::catalogue_entry german[] = {
    {"graft_failure_status", "met", "primaeres Transplantatversagen"},
    {"graft_failure", "cutoff", "Stichtag"},
    {"graft_failure", "no_day", "kein Engraftment-Tag"},
    {"engraftment", "under", "nach"},
    {"engraftment", "on", "am"},
    {"engraftment_status", "engrafted", "angewachsen"},
    {"graft_failure_definition", "ebmt_2019", "EBMT 2019 (historisch): Tag +28, Nabelschnur +42"},
    {"pancytopenia_rule", "stated", "Panzytopenie laut Kliniker"},
    {"graft_failure_criterion", "no_engraftment_by_cutoff", "kein Neutrophilen-Engraftment bis zum Stichtag"},
    {"graft_failure_criterion", "pancytopenia", "Panzytopenie"},
    {"text", "present", "vorhanden"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("GF-1: engrafted on D+29, against D+30 and D+28", "[ENG-GF-001][ENG-GF-002][GF-1][HB24][text]") {
    const auto in = input(product_source::peripheral_blood, neutrophils(gf1), 40);
    CHECK(render(in) ==
          "not primary graft failure, cut-off D+30 under ASTCT 2021 / EBMT 2024: day +30, cord +42; pancytopenia as the "
          "clinician states it: no neutrophil engraftment by the cut-off day: engrafted on D+29 > D+30: not met "
          "[ENG-GF-001]");
    CHECK(render(in, ebmt_2019()) ==
          "primary graft failure, cut-off D+28 under EBMT 2019 (historical): day +28, cord +42; pancytopenia as the "
          "clinician states it: no neutrophil engraftment by the cut-off day: engrafted on D+29 > D+28: met "
          "[ENG-GF-001]; pancytopenia: present: met [ENG-GF-001]");
}

TEST_CASE("GF-2: a cord graft's cut-off, D+42", "[ENG-GF-001][GF-2][HB24][text]") {
    const auto in = input(product_source::cord_blood, neutrophils({{5, 0.1}, {40, 0.6}, {41, 0.7}, {42, 0.9}}), 60);
    CHECK(render(in).find("not primary graft failure, cut-off D+42 under") == 0);
    CHECK(render(in).find("engrafted on D+40 > D+42: not met [ENG-GF-001]") != std::string::npos);
}

TEST_CASE("GF-3: no engraftment day, pancytopenia stated or counted", "[ENG-GF-001][GF-3][HB24][text]") {
    CHECK(render(input(product_source::peripheral_blood, neutrophils(gf3), 31)) ==
          "primary graft failure, cut-off D+30 under ASTCT 2021 / EBMT 2024: day +30, cord +42; pancytopenia as the "
          "clinician states it: no neutrophil engraftment by the cut-off day: no engraftment day: met [ENG-GF-001]; "
          "pancytopenia: present: met [ENG-GF-001]");
    auto counted = input(product_source::peripheral_blood, neutrophils(gf3), 31, std::nullopt);
    counted.haemoglobin = hsct::haemoglobin(7.0, u::g_per_dl);
    counted.platelets = hsct::platelets(10.0, u::giga_per_l);
    auto o = ebmt_2019();
    o.pancytopenia = e::pancytopenia_rule::ebmt_2019_counts;
    CHECK(render(counted, o) ==
          "primary graft failure, cut-off D+28 under EBMT 2019 (historical): day +28, cord +42; Hb < 80 g/L and "
          "platelets < 20 x10^9/L (EBMT 2019): no neutrophil engraftment by the cut-off day: no engraftment day: met "
          "[ENG-GF-001]; haemoglobin below 8 g/dL: 7.0 g/dL < 8 g/dL: met [ENG-GF-001]; platelets below 20 x10^9/L: "
          "10 x10^9/L < 20 x10^9/L: met [ENG-GF-001]");
    // a count just below its limit is shown with the decimals that keep it below (CORE-EXPLAIN-003)
    counted.haemoglobin = hsct::haemoglobin(7.96, u::g_per_dl);
    counted.platelets.reset();
    CHECK(render(counted, o).find("haemoglobin below 8 g/dL: 7.96 g/dL < 8 g/dL: met [ENG-GF-001]; platelets below 20 "
                                  "x10^9/L: platelets by the cut-off missing: unknown (input missing) [ENG-GF-001]") !=
          std::string::npos);
}

TEST_CASE("unknown and pending say what is missing", "[ENG-GF-002][text]") {
    CHECK(render(input(product_source::peripheral_blood, neutrophils(gf3), 31, std::nullopt)) ==
          "unknown (pancytopenia not given), cut-off D+30 under ASTCT 2021 / EBMT 2024: day +30, cord +42; "
          "pancytopenia as the clinician states it: no neutrophil engraftment by the cut-off day: no engraftment day: "
          "met [ENG-GF-001]; pancytopenia: pancytopenia (the clinician's finding) missing: unknown (input missing) "
          "[ENG-GF-001]");
    CHECK(render(input(product_source::bone_marrow, neutrophils({{5, 0.1}, {14, 0.2}}), 30)) ==
          "pending (the cut-off day not yet passed), cut-off D+30 under ASTCT 2021 / EBMT 2024: day +30, cord +42; "
          "pancytopenia as the clinician states it: no neutrophil engraftment by the cut-off day: no engraftment day: "
          "unknown (input missing) [ENG-GF-001]");
}

TEST_CASE("primary graft failure through another catalogue", "[ENG-GF-001][GF-1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(render(input(product_source::peripheral_blood, neutrophils(gf1), 40), ebmt_2019(), de) ==
          "primaeres Transplantatversagen, Stichtag D+28 nach EBMT 2019 (historisch): Tag +28, Nabelschnur +42; "
          "Panzytopenie laut Kliniker: kein Neutrophilen-Engraftment bis zum Stichtag: angewachsen am D+29 > D+28: "
          "erfuellt [ENG-GF-001]; Panzytopenie: vorhanden: erfuellt [ENG-GF-001]");
    CHECK(render(input(product_source::peripheral_blood, neutrophils(gf3), 31), ebmt_2019(), de)
              .find("kein Neutrophilen-Engraftment bis zum Stichtag: kein Engraftment-Tag: erfuellt") != std::string::npos);
}

}  // namespace hsct_test_engraftment_graft_failure_text_test
