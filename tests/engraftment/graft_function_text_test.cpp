// Tests for include/hsct/engraftment/graft_function_text.hpp: the graft-function rules' results
// rendered from their data (the rule, its status, the definition, the centre's own definition for
// delayed engraftment, the findings missing, every dated criterion with core's mark on unverified
// ones), for the reference notes' GF-4 and CH-4 and a centre's delayed-engraftment policy, in
// English and through a second catalogue.
#include <hsct/engraftment/graft_function_text.hpp>

#include <string_view>
#include <utility>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_graft_function_text_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
using day_values = std::vector<std::pair<int, double>>;
template <class A, class U>
e::day_series<A> series_of(const day_values& values, U unit) {
    std::vector<e::count_record<A>> received;
    received.reserve(values.size());
    for (const auto& [d, v] : values) {
        received.push_back({transplant_day::at(d), A(v, unit)});
    }
    const auto s = e::consolidate<A>(received);
    REQUIRE(s.has_value());
    return *s;
}
e::chimerism_result whole_blood(double donor_percent) {
    const e::chimerism_measurement m[] = {{e::chimerism_lineage::whole_blood, hsct::percent(donor_percent, u::pct)}};
    const auto r = e::assess_chimerism(m);
    REQUIRE(r.has_value());
    return *r;
}

// GF-4 (graft_function_test.cpp): neutrophils engrafted D+14 (run to D+16), platelets D+20 (run to
// D+22, after a D0 transfusion); from D+90 ANC 0.3 and platelets 12 x10^9/L, a platelet
// transfusion on D+90 and G-CSF on D+91; observed to D+106.
struct gf4_case {
    e::day_series<hsct::anc> anc = series_of<hsct::anc>(
        {{1, 0.1}, {14, 0.6}, {15, 0.7}, {16, 0.8}, {60, 2.0}, {90, 0.3}, {91, 0.3}, {92, 0.35}, {100, 0.3}, {106, 0.4}},
        u::giga_per_l);
    e::day_series<hsct::platelets> platelets = series_of<hsct::platelets>(
        {{1, 10}, {20, 25}, {21, 30}, {22, 35}, {60, 150}, {90, 12}, {100, 14}, {106, 15}}, u::giga_per_l);
    e::day_series<hsct::haemoglobin> hb =
        series_of<hsct::haemoglobin>({{1, 90}, {60, 120}, {90, 100}, {106, 95}}, u::g_per_l);
    std::vector<e::transfusion_record> given{{transplant_day::at(0), e::blood_product::platelets},
                                             {transplant_day::at(90), e::blood_product::platelets}};
    std::vector<e::growth_factor_record> g_csf{{transplant_day::at(91), e::growth_factor::g_csf}};
    e::transfusion_log tx = *e::make_transfusion_log(given);
    e::growth_factor_log gf = *e::make_growth_factor_log(g_csf);

    [[nodiscard]] e::graft_function_input input() const {
        e::graft_function_input in;
        in.neutrophils = *e::assess_neutrophil_engraftment(anc);
        in.platelets = *e::assess_platelet_engraftment(platelets, tx);
        in.anc = anc.days();
        in.platelet_counts = platelets.days();
        in.haemoglobin = hb.days();
        in.transfusions = &tx;
        in.growth_factors = &gf;
        in.observed_through = transplant_day::at(106);
        in.other_cause = false;
        in.frequent_support = true;
        return in;
    }
};

e::graft_function_options ebmt_2019() {
    e::graft_function_options o;
    o.definition = e::graft_function_definition::ebmt_2019;
    return o;
}

// delayed engraftment: the centre's days D+21 (PBSC), D+28 (marrow), D+35 (cord)
const e::delayed_engraftment_policy centre{transplant_day::at(21), transplant_day::at(28), transplant_day::at(35)};
e::graft_function_result delayed(int engrafted_on) {
    const auto anc = series_of<hsct::anc>(
        {{1, 0.1}, {engrafted_on, 0.6}, {engrafted_on + 1, 0.7}, {engrafted_on + 2, 0.8}}, u::giga_per_l);
    const auto r = e::assess_delayed_engraftment(*e::assess_neutrophil_engraftment(anc),
                                                 hsct::graft::product_source::peripheral_blood,
                                                 transplant_day::at(60), centre);
    REQUIRE(r.has_value());
    return *r;
}

constexpr hsct::catalogue_entry german[] = {
    {"graft_function_rule", "secondary_graft_failure", "sekundaeres Transplantatversagen"},
    {"graft_function_rule", "delayed_engraftment", "verzoegertes Engraftment"},
    {"graft_function_status", "met", "erfuellt"},
    {"graft_function_definition", "astct_2021", "ASTCT 2021 / EBMT 2024"},
    {"graft_function", "local_policy", "der eigenen Definition des Zentrums, keiner veroeffentlichten"},
    {"graft_function_criterion", "neutrophil_recovery", "Neutrophilen-Erholung"},
    {"graft_function_criterion", "platelet_recovery", "Thrombozyten-Erholung"},
    {"graft_function_criterion", "anc_low", "ANC unter der Zytopenie-Schwelle"},
    {"graft_function_criterion", "platelets_low", "Thrombozyten unter der Zytopenie-Schwelle"},
    {"graft_function_criterion", "support_given", "Blutprodukte oder Wachstumsfaktoren gegeben"},
    {"graft_function_criterion", "chimerism_full", "vollstaendiger Spenderchimaerismus"},
    {"graft_function_criterion", "after_local_day", "Engraftment nach dem Tag des Zentrums"},
    {"graft_function_criterion", "before_cutoff", "nicht nach dem Stichtag des primaeren Transplantatversagens"},
    {"chimerism_category", "mixed", "gemischter Chimaerismus"},
    {"engraftment", "under", "nach"},
    {"text", "present", "vorhanden"},
    {"text", "unverified", "Lesart von hsct, nicht verifiziert"},
    {"outcome", "met", "erfuellt"},
    {"outcome", "not_met", "nicht erfuellt"},
};
}  // namespace

TEST_CASE("GF-4, mixed chimerism: secondary graft failure with every dated criterion",
          "[ENG-GF-003][GF-4][ASTCT-2021][HB24-41][text]") {
    const gf4_case g;
    auto in = g.input();
    in.chimerism = whole_blood(60.0);
    const auto r = e::assess_secondary_graft_failure(in);
    REQUIRE(r.has_value());
    // recovery completed on D+16 and D+22 (the last run days); the decline and the support on D+90
    constexpr std::string_view recovered_then_declined =
        "D+16: neutrophil recovery: present: met [ENG-GF-003]; "
        "D+22: platelet recovery: present: met [ENG-GF-003]; "
        "D+90: ANC below the cytopenia threshold: 0.30 x10^9/L < 0.5 x10^9/L: met [ENG-GF-003], platelets below the "
        "cytopenia threshold: 12 x10^9/L < 20 x10^9/L: met [ENG-GF-003], blood products or growth factors given: "
        "present: met [ENG-GF-003]; ";
    CHECK(e::render(*r) == hsct::detail::concat({"secondary graft failure: met under ASTCT 2021 / EBMT 2024: ",
                                                 recovered_then_declined,
                                                 "D+106: full donor chimerism: mixed chimerism: not met [ENG-GF-003]"}));
    // without chimerism the answer is unknown, and the finding is named
    in.chimerism.reset();
    const auto unknown = e::assess_secondary_graft_failure(in);
    REQUIRE(unknown.has_value());
    CHECK(e::render(*unknown) ==
          hsct::detail::concat({"secondary graft failure: unknown (a finding is missing) under ASTCT 2021 / EBMT 2024 "
                                "(missing: donor chimerism): ",
                                recovered_then_declined,
                                "D+106: full donor chimerism: donor chimerism missing: unknown (input missing) "
                                "[ENG-GF-003]"}));
}

TEST_CASE("GF-4 under EBMT 2019: three days of ANC below 0.5, hsct's readings marked",
          "[ENG-GF-003][GF-4][EBMT-2019][PMC4548938][text]") {
    const gf4_case g;
    auto in = g.input();
    in.chimerism = whole_blood(3.0);
    const auto r = e::assess_secondary_graft_failure(in, ebmt_2019());
    REQUIRE(r.has_value());
    CHECK(e::render(*r) ==
          "secondary graft failure: met under EBMT 2019 (historical): "
          "D+16: neutrophil recovery: present: met (hsct reading, unverified) [ENG-GF-003]; "
          "D+90: consecutive days with ANC below 0.5 x10^9/L: 3 days >= 3 days: met (hsct reading, unverified) "
          "[ENG-GF-003]; "
          "D+106: another explanation (relapse, drugs, infection): absent: met (hsct reading, unverified) "
          "[ENG-GF-003], full donor chimerism: donor chimerism absent (< 5 %): not met (hsct reading, unverified) "
          "[ENG-GF-003]");
}

TEST_CASE("GF-4, full chimerism: poor graft function under both definitions",
          "[ENG-GF-004][GF-4][ASTCT-2021][EBMT-2019][HB24-41][text]") {
    const gf4_case g;
    auto in = g.input();
    in.chimerism = whole_blood(98.0);
    const auto astct = e::assess_poor_graft_function(in);
    REQUIRE(astct.has_value());
    CHECK(e::render(*astct) ==
          "poor graft function: met under ASTCT 2021 / EBMT 2024: "
          "D+106: frequent transfusion or growth-factor dependence: present: met [ENG-GF-004], another explanation "
          "(relapse, drugs, infection): absent: met [ENG-GF-004], full donor chimerism: full donor chimerism: met "
          "[ENG-GF-004]");
    // ANC and platelets below their thresholds from D+90 to D+106: 16 days each, in days (no decimals)
    const auto ebmt = e::assess_poor_graft_function(in, ebmt_2019());
    REQUIRE(ebmt.has_value());
    CHECK(e::render(*ebmt) ==
          "poor graft function: met under EBMT 2019 (historical): "
          "D+90: ANC below the cytopenia threshold: 16 days > 14 days: met (hsct reading, unverified) [ENG-GF-004], "
          "platelets below the cytopenia threshold: 16 days > 14 days: met (hsct reading, unverified) [ENG-GF-004]; "
          "D+106: lineages cytopenic for more than 2 weeks after day +28: 2 >= 2: met [ENG-GF-004], full donor "
          "chimerism: full donor chimerism: met [ENG-GF-004]");
}

TEST_CASE("poor graft function with nothing stated: both findings named as missing", "[ENG-GF-004][ASTCT-2021][text]") {
    e::graft_function_input in;
    in.chimerism = whole_blood(99.0);
    in.observed_through = transplant_day::at(60);
    const auto r = e::assess_poor_graft_function(in);
    REQUIRE(r.has_value());
    CHECK(e::render(*r) ==
          "poor graft function: unknown (a finding is missing) under ASTCT 2021 / EBMT 2024 (missing: whether "
          "relapse, drugs or infection explain it; frequent transfusion or growth-factor dependence): "
          "D+60: frequent transfusion or growth-factor dependence: frequent transfusion or growth-factor dependence "
          "missing: unknown (input missing) [ENG-GF-004], another explanation (relapse, drugs, infection): whether "
          "relapse, drugs or infection explain it missing: unknown (input missing) [ENG-GF-004], full donor "
          "chimerism: full donor chimerism: met [ENG-GF-004]");
}

TEST_CASE("CH-4: autologous reconstitution, without a definition", "[ENG-GF-005][CH-4][PMC4548938][HB24-21][text]") {
    const gf4_case g;
    auto in = g.input();
    in.chimerism = whole_blood(4.0);
    const auto r = e::assess_autologous_reconstitution(in);
    REQUIRE(r.has_value());
    CHECK(e::render(*r) ==
          "graft failure with autologous reconstitution: met: "
          "D+14: neutrophil recovery: present: met [ENG-GF-005]; "
          "D+106: donor chimerism below 5 % in every lineage: donor chimerism absent (< 5 %): met [ENG-GF-005]");
}

TEST_CASE("delayed engraftment: the centre's definition is said, its days compared as transplant days",
          "[ENG-GF-006][local-policy][text]") {
    CHECK(e::render(delayed(22)) ==
          "delayed engraftment (local policy): met under the centre's own definition, not a published one: "
          "D+22: engraftment after the centre's day: D+22 > D+21: met (hsct reading, unverified) [ENG-GF-006], not "
          "after the primary graft failure cut-off: D+22 <= D+30: met (hsct reading, unverified) [ENG-GF-006]");
    CHECK(e::render(delayed(21)) ==
          "delayed engraftment (local policy): not met under the centre's own definition, not a published one: "
          "D+21: engraftment after the centre's day: D+21 > D+21: not met (hsct reading, unverified) [ENG-GF-006]");
    CHECK(e::render(delayed(31)) ==
          "delayed engraftment (local policy): does not apply under the centre's own definition, not a published "
          "one: D+31: engraftment after the centre's day: D+31 > D+21: met (hsct reading, unverified) [ENG-GF-006], "
          "not after the primary graft failure cut-off: D+31 <= D+30: not met (hsct reading, unverified) "
          "[ENG-GF-006]");
}

TEST_CASE("graft function through another catalogue", "[ENG-GF-003][ENG-GF-006][GF-4][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    const gf4_case g;
    auto in = g.input();
    in.chimerism = whole_blood(60.0);
    CHECK(e::render(*e::assess_secondary_graft_failure(in), de) ==
          "sekundaeres Transplantatversagen: erfuellt nach ASTCT 2021 / EBMT 2024: "
          "D+16: Neutrophilen-Erholung: vorhanden: erfuellt [ENG-GF-003]; "
          "D+22: Thrombozyten-Erholung: vorhanden: erfuellt [ENG-GF-003]; "
          "D+90: ANC unter der Zytopenie-Schwelle: 0.30 x10^9/L < 0.5 x10^9/L: erfuellt [ENG-GF-003], Thrombozyten "
          "unter der Zytopenie-Schwelle: 12 x10^9/L < 20 x10^9/L: erfuellt [ENG-GF-003], Blutprodukte oder "
          "Wachstumsfaktoren gegeben: vorhanden: erfuellt [ENG-GF-003]; "
          "D+106: vollstaendiger Spenderchimaerismus: gemischter Chimaerismus: nicht erfuellt [ENG-GF-003]");
    // the rule's label translated without "(local policy)": the centre's definition is still said
    CHECK(e::render(delayed(22), de) ==
          "verzoegertes Engraftment: erfuellt nach der eigenen Definition des Zentrums, keiner veroeffentlichten: "
          "D+22: Engraftment nach dem Tag des Zentrums: D+22 > D+21: erfuellt (Lesart von hsct, nicht verifiziert) "
          "[ENG-GF-006], nicht nach dem Stichtag des primaeren Transplantatversagens: D+22 <= D+30: erfuellt (Lesart "
          "von hsct, nicht verifiziert) [ENG-GF-006]");
}

}  // namespace hsct_test_engraftment_graft_function_text_test
