// Tests for include/hsct/engraftment/neutrophil_text.hpp: neutrophil engraftment rendered from
// the result's data (status, day, definition, run, the nadir and each run day with its ANC), for
// the reference notes' EN-1..EN-3 and the other statuses, in English and through a second
// catalogue.
#include <hsct/engraftment/neutrophil_text.hpp>

#include <string>
#include <utility>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_neutrophil_text_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;

namespace {
e::neutrophil_result assess(const std::vector<std::pair<int, double>>& s, const e::neutrophil_options& o = {}) {
    std::vector<e::count_record<hsct::anc>> r;
    for (const auto& [d, v] : s) {
        r.push_back({hsct::transplant_day::at(d), hsct::anc(v, u::giga_per_l)});
    }
    const auto series = e::consolidate<hsct::anc>(r);
    REQUIRE(series.has_value());
    const auto out = e::assess_neutrophil_engraftment(*series, o);
    REQUIRE(out.has_value());
    return *out;
}
constexpr hsct::catalogue_entry german[] = {
    {"neutrophil", "title", "Neutrophilen-Engraftment"},
    {"engraftment", "on", "am"},
    {"engraftment", "under", "nach"},
    {"engraftment", "run_of", "eine Folge von"},
    {"engraftment_status", "engrafted", "angewachsen"},
    {"engraftment_status", "never_below_threshold", "nach Tag 0 nie unter der Schwelle"},
    {"neutrophil_definition", "astct_2021", "ANC >= 0,5 x10^9/L (ASTCT 2021)"},
    {"consecutive_rule", "measurement_days", "aufeinanderfolgenden Messtagen"},
    {"neutrophil_criterion", "nadir", "ANC unter der Schwelle (Nadir)"},
    {"neutrophil_criterion", "run_day", "ANC an oder ueber der Schwelle"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("EN-1: engrafted on D+12, with the nadir and each day of the run", "[ENG-NEUT-003][EN-1][CIBMTR][text]") {
    CHECK(e::render(assess({{10, 0.1}, {11, 0.3}, {12, 0.6}, {13, 0.8}, {14, 1.2}})) ==
          "neutrophil engraftment: engrafted on D+12 under ANC >= 0.5 x10^9/L (ASTCT 2021, EBMT 2024, CIBMTR), a run "
          "of 3 consecutive measurement days (CIBMTR): "
          "D+10: ANC below the threshold (the nadir reached): 0.10 x10^9/L < 0.5 x10^9/L: met [ENG-NEUT-001]; "
          "D+12: ANC at the threshold or above: 0.60 x10^9/L >= 0.5 x10^9/L: met [ENG-NEUT-001]; "
          "D+13: ANC at the threshold or above: 0.80 x10^9/L >= 0.5 x10^9/L: met [ENG-NEUT-001]; "
          "D+14: ANC at the threshold or above: 1.20 x10^9/L >= 0.5 x10^9/L: met [ENG-NEUT-001]");
}

TEST_CASE("EN-3: the definition shown, with its comparator", "[ENG-NEUT-002][EN-3][HB24][text]") {
    e::neutrophil_options ebmt_2019;
    ebmt_2019.definition = e::neutrophil_definition::ebmt_2019;
    const std::vector<std::pair<int, double>> s{{8, 0.1}, {12, 0.50}, {13, 0.55}, {14, 0.70}, {15, 0.90}};
    const std::string astct = e::render(assess(s));
    CHECK(astct.find("engrafted on D+12 under ANC >= 0.5 x10^9/L") != std::string::npos);
    CHECK(astct.find("D+12: ANC at the threshold or above: 0.50 x10^9/L >= 0.5 x10^9/L: met") != std::string::npos);
    const std::string old = e::render(assess(s, ebmt_2019));
    CHECK(old.find("engrafted on D+13 under ANC > 0.5 x10^9/L (EBMT 2019, historical)") != std::string::npos);
    CHECK(old.find("D+13: ANC at the threshold or above: 0.55 x10^9/L > 0.5 x10^9/L: met") != std::string::npos);
    CHECK(old.find("D+12") == std::string::npos);  // 0.50 is not above 0.5: not part of the run
}

TEST_CASE("not yet: the value that broke the run, shown so it never reads as at the threshold",
          "[ENG-NEUT-003][CORE-EXPLAIN-003][text]") {
    CHECK(e::render(assess({{5, 0.1}, {10, 0.6}, {11, 0.499}, {12, 0.8}})) ==
          "neutrophil engraftment: not yet engrafted under ANC >= 0.5 x10^9/L (ASTCT 2021, EBMT 2024, CIBMTR), a run "
          "of 3 consecutive measurement days (CIBMTR): "
          "D+5: ANC below the threshold (the nadir reached): 0.10 x10^9/L < 0.5 x10^9/L: met [ENG-NEUT-001]; "
          "D+11: ANC at the threshold or above (the run broke here): 0.499 x10^9/L >= 0.5 x10^9/L: not met "
          "[ENG-NEUT-001]; "
          "D+12: ANC at the threshold or above: 0.80 x10^9/L >= 0.5 x10^9/L: met [ENG-NEUT-001]");
}

TEST_CASE("statuses without evidence name the requirement; the options are shown", "[ENG-NEUT-003][ENG-NEUT-002][text]") {
    CHECK(e::render(assess({{1, 2.0}, {2, 1.5}})) ==
          "neutrophil engraftment: never below the threshold after Day 0 under ANC >= 0.5 x10^9/L (ASTCT 2021, EBMT "
          "2024, CIBMTR), a run of 3 consecutive measurement days (CIBMTR) [ENG-NEUT-003]");
    e::neutrophil_options calendar;
    calendar.consecutive = e::consecutive_rule::calendar_days;
    calendar.run_length = 2;
    CHECK(e::render(assess({{-3, 0.1}}, calendar)) ==
          "neutrophil engraftment: no values on or after Day 0 under ANC >= 0.5 x10^9/L (ASTCT 2021, EBMT 2024, "
          "CIBMTR), a run of 2 consecutive calendar days [ENG-NEUT-003]");
}

TEST_CASE("neutrophil engraftment through another catalogue", "[ENG-NEUT-003][EN-1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(e::render(assess({{10, 0.1}, {12, 0.6}, {13, 0.8}, {14, 1.2}}), de) ==
          "Neutrophilen-Engraftment: angewachsen am D+12 nach ANC >= 0,5 x10^9/L (ASTCT 2021), eine Folge von 3 "
          "aufeinanderfolgenden Messtagen: "
          "D+10: ANC unter der Schwelle (Nadir): 0.10 x10^9/L < 0.5 x10^9/L: erfuellt [ENG-NEUT-001]; "
          "D+12: ANC an oder ueber der Schwelle: 0.60 x10^9/L >= 0.5 x10^9/L: erfuellt [ENG-NEUT-001]; "
          "D+13: ANC an oder ueber der Schwelle: 0.80 x10^9/L >= 0.5 x10^9/L: erfuellt [ENG-NEUT-001]; "
          "D+14: ANC an oder ueber der Schwelle: 1.20 x10^9/L >= 0.5 x10^9/L: erfuellt [ENG-NEUT-001]");
    CHECK(e::render(assess({{1, 2.0}}), de) ==
          "Neutrophilen-Engraftment: nach Tag 0 nie unter der Schwelle nach ANC >= 0,5 x10^9/L (ASTCT 2021), eine "
          "Folge von 3 aufeinanderfolgenden Messtagen [ENG-NEUT-003]");
}

}  // namespace hsct_test_engraftment_neutrophil_text_test
