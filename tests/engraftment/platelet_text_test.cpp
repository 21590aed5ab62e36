// Tests for include/hsct/engraftment/platelet_text.hpp: platelet engraftment rendered from the
// result's data (status, day, milestone, run, interval; what started the count, each run day's
// count and its days since the last platelet transfusion), for the reference notes' PL-1 and PL-3
// and a broken run, in English and through a second catalogue.
#include <hsct/engraftment/platelet_text.hpp>

#include <string>
#include <utility>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_platelet_text_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
e::platelet_result assess(const std::vector<std::pair<int, double>>& s, const std::vector<int>& given,
                          const e::platelet_options& o = {}) {
    std::vector<e::count_record<hsct::platelets>> r;
    for (const auto& [d, v] : s) {
        r.push_back({transplant_day::at(d), hsct::platelets(v, u::giga_per_l)});
    }
    std::vector<e::transfusion_record> t;
    for (const int d : given) {
        t.push_back({transplant_day::at(d), e::blood_product::platelets});
    }
    const auto series = e::consolidate<hsct::platelets>(r);
    const auto log = e::make_transfusion_log(t);
    REQUIRE(series.has_value());
    REQUIRE(log.has_value());
    const auto out = e::assess_platelet_engraftment(*series, *log, o);
    REQUIRE(out.has_value());
    return *out;
}
// PL-1: a platelet transfusion on D0
const std::vector<std::pair<int, double>> pl1{{1, 30}, {2, 25}, {3, 10}, {4, 15},  {5, 19}, {6, 23},
                                              {7, 25}, {8, 40}, {9, 50}, {10, 56}, {11, 65}};
constexpr hsct::catalogue_entry german[] = {
    {"platelet", "title", "Thrombozyten-Engraftment"},
    {"platelet", "at_least", "jeder mindestens"},
    {"platelet", "days_after", "Tage nach einer Thrombozytentransfusion"},
    {"engraftment", "on", "am"},
    {"engraftment", "under", "nach"},
    {"engraftment", "run_of", "eine Folge von"},
    {"engraftment_status", "engrafted", "angewachsen"},
    {"platelet_milestone", "at_least_20", "Thrombozyten >= 20 x10^9/L"},
    {"consecutive_rule", "measurement_days", "aufeinanderfolgenden Messtagen"},
    {"platelet_criterion", "transfused", "eine Thrombozytentransfusion (Beginn der Zaehlung)"},
    {"platelet_criterion", "run_day", "Thrombozyten an oder ueber der Schwelle"},
    {"platelet_criterion", "transfusion_free", "Tage seit der letzten Thrombozytentransfusion"},
    {"count_unit", "days", "Tage"},
    {"text", "present", "vorhanden"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("PL-1 (>= 20): engrafted on D+7, each run day with its days since the transfusion",
          "[ENG-PLT-001][ENG-PLT-003][PL-1][CIBMTR][text]") {
    CHECK(e::render(assess(pl1, {0})) ==
          "platelet engraftment: engrafted on D+7 under platelets >= 20 x10^9/L (CIBMTR, ASTCT 2021, EBMT 2024), a run "
          "of 3 consecutive measurement days (CIBMTR), each at least 7 days after a platelet transfusion: "
          "D0: a platelet transfusion (counting starts): present: met [ENG-PLT-001]; "
          "D+7: platelets at the threshold or above: 25 x10^9/L >= 20 x10^9/L: met [ENG-PLT-001], days since the last "
          "platelet transfusion: 7 days >= 7 days: met [ENG-PLT-001]; "
          "D+8: platelets at the threshold or above: 40 x10^9/L >= 20 x10^9/L: met [ENG-PLT-001], days since the last "
          "platelet transfusion: 8 days >= 7 days: met [ENG-PLT-001]; "
          "D+9: platelets at the threshold or above: 50 x10^9/L >= 20 x10^9/L: met [ENG-PLT-001], days since the last "
          "platelet transfusion: 9 days >= 7 days: met [ENG-PLT-001]");
}

TEST_CASE("PL-1 (>= 50): engrafted on D+9, 50 exactly counting", "[ENG-PLT-001][ENG-PLT-002][PL-1][CIBMTR][text]") {
    e::platelet_options fifty;
    fifty.milestone = e::platelet_milestone::at_least_50;
    const std::string s = e::render(assess(pl1, {0}, fifty));
    CHECK(s.rfind("platelet engraftment: engrafted on D+9 under platelets >= 50 x10^9/L (CIBMTR), a run of 3 "
                  "consecutive measurement days (CIBMTR), each at least 7 days after a platelet transfusion: D0: ",
                  0) == 0);
    CHECK(s.find("D+9: platelets at the threshold or above: 50 x10^9/L >= 50 x10^9/L: met [ENG-PLT-001], days since "
                 "the last platelet transfusion: 9 days >= 7 days: met") != std::string::npos);
    CHECK(s.find("D+11: platelets at the threshold or above: 65 x10^9/L >= 50 x10^9/L: met") != std::string::npos);
}

TEST_CASE("a run broken by a transfusion: the interval that broke it", "[ENG-PLT-003][text]") {
    e::platelet_options o;
    o.transfusion_free_days = 5;
    CHECK(e::render(assess({{5, 5}, {20, 30}, {21, 30}, {24, 30}, {25, 30}}, {5, 22}, o)) ==
          "platelet engraftment: not yet engrafted under platelets >= 20 x10^9/L (CIBMTR, ASTCT 2021, EBMT 2024), a "
          "run of 3 consecutive measurement days (CIBMTR), each at least 5 days after a platelet transfusion: "
          "D+5: platelets below the threshold (counting starts): 5 x10^9/L < 20 x10^9/L: met [ENG-PLT-001]; "
          "D+24: platelets at the threshold or above, transfusion-free (the run broke here): 30 x10^9/L >= 20 x10^9/L: "
          "met [ENG-PLT-001], platelets at the threshold or above, transfusion-free (the run broke here): 2 days >= 5 "
          "days: not met [ENG-PLT-001]");
}

TEST_CASE("PL-3: never below 20 and never transfused", "[ENG-PLT-003][PL-3][CIBMTR][text]") {
    e::platelet_options ebmt;
    ebmt.milestone = e::platelet_milestone::above_20_ebmt_2019;
    CHECK(e::render(assess({{1, 140}, {7, 90}, {14, 60}, {21, 80}}, {}, ebmt)) ==
          "platelet engraftment: never below the threshold after Day 0 under platelets > 20 x10^9/L (EBMT 2019, "
          "historical), a run of 3 consecutive measurement days (CIBMTR), each at least 7 days after a platelet "
          "transfusion [ENG-PLT-003]");
}

TEST_CASE("platelet engraftment through another catalogue", "[ENG-PLT-003][PL-1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(e::render(assess(pl1, {0}), de) ==
          "Thrombozyten-Engraftment: angewachsen am D+7 nach Thrombozyten >= 20 x10^9/L, eine Folge von 3 "
          "aufeinanderfolgenden Messtagen, jeder mindestens 7 Tage nach einer Thrombozytentransfusion: "
          "D0: eine Thrombozytentransfusion (Beginn der Zaehlung): vorhanden: erfuellt [ENG-PLT-001]; "
          "D+7: Thrombozyten an oder ueber der Schwelle: 25 x10^9/L >= 20 x10^9/L: erfuellt [ENG-PLT-001], Tage seit "
          "der letzten Thrombozytentransfusion: 7 Tage >= 7 Tage: erfuellt [ENG-PLT-001]; "
          "D+8: Thrombozyten an oder ueber der Schwelle: 40 x10^9/L >= 20 x10^9/L: erfuellt [ENG-PLT-001], Tage seit "
          "der letzten Thrombozytentransfusion: 8 Tage >= 7 Tage: erfuellt [ENG-PLT-001]; "
          "D+9: Thrombozyten an oder ueber der Schwelle: 50 x10^9/L >= 20 x10^9/L: erfuellt [ENG-PLT-001], Tage seit "
          "der letzten Thrombozytentransfusion: 9 Tage >= 7 Tage: erfuellt [ENG-PLT-001]");
}

}  // namespace hsct_test_engraftment_platelet_text_test
