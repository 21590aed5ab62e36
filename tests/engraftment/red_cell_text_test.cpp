// Tests for include/hsct/engraftment/red_cell_text.hpp: red-cell recovery rendered from the
// result's data (status, day, CIBMTR's last red-cell transfusion, the threshold with its
// comparison in g/L and its source, the run, the interval and the mark that they are hsct's
// policy; what started the count, each run day's haemoglobin and its days since the last
// red-cell transfusion, what broke a run, core's mark on unverified criteria), in English and
// through a second catalogue.
#include <hsct/engraftment/red_cell_text.hpp>

#include <string>
#include <utility>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_red_cell_text_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
// day, haemoglobin in g/L; the red-cell transfusion days
e::red_cell_result recovery(const std::vector<std::pair<int, double>>& hb, const std::vector<int>& red,
                            const e::red_cell_options& o = {}) {
    std::vector<e::count_record<hsct::haemoglobin>> r;
    for (const auto& [d, v] : hb) {
        r.push_back({transplant_day::at(d), hsct::haemoglobin(v, u::g_per_l)});
    }
    std::vector<e::transfusion_record> t;
    for (const int d : red) {
        t.push_back({transplant_day::at(d), e::blood_product::red_cells});
    }
    const auto series = e::consolidate<hsct::haemoglobin>(r);
    const auto log = e::make_transfusion_log(t);
    REQUIRE(series.has_value());
    REQUIRE(log.has_value());
    const auto out = e::assess_red_cell_recovery(*series, *log, o);
    REQUIRE(out.has_value());
    return *out;
}
// D+3 at 75 g/L starts the count; D+8, D+10 and D+14 are above 80 g/L but within 7 days of a
// transfusion (D+5, D+9); D+16 is 7 days after D+9 (red_cell_test.cpp's first case)
const std::vector<std::pair<int, double>> after_transfusions{{1, 90},  {3, 75},  {8, 85},  {10, 82},
                                                             {14, 81}, {16, 84}, {17, 86}, {18, 90}};
constexpr hsct::catalogue_entry german[] = {
    {"red_cell", "title", "Erythrozyten-Erholung"},
    {"red_cell", "last_transfusion", "letzte Erythrozytentransfusion"},
    {"red_cell", "haemoglobin", "Haemoglobin"},
    {"red_cell", "cited", "EBMT 2019"},
    {"red_cell", "at_least", "jeder mindestens"},
    {"red_cell", "days_after", "Tage nach einer Erythrozytentransfusion"},
    {"red_cell", "policy", "Folge und Abstand: Festlegung von hsct"},
    {"engraftment", "on", "am"},
    {"engraftment", "under", "nach"},
    {"engraftment", "run_of", "eine Folge von"},
    {"engraftment_status", "engrafted", "angewachsen"},
    {"consecutive_rule", "measurement_days", "aufeinanderfolgenden Messtagen"},
    {"red_cell_criterion", "not_above_threshold", "Haemoglobin nicht ueber der Schwelle (Beginn der Zaehlung)"},
    {"red_cell_criterion", "run_day", "Haemoglobin ueber der Schwelle"},
    {"red_cell_criterion", "transfusion_free", "Tage seit der letzten Erythrozytentransfusion"},
    {"count_unit", "days", "Tage"},
    {"outcome", "met", "erfuellt"},
    {"text", "unverified", "Lesart von hsct, nicht verifiziert"},
};
}  // namespace

TEST_CASE("red cells after transfusions: engrafted on D+16, each run day 7 days clear of D+9",
          "[ENG-RBC-001][ENG-RBC-002][ENG-RBC-003][EBMT-2019][CIBMTR][text]") {
    CHECK(e::render(recovery(after_transfusions, {5, 9})) ==
          "red-cell recovery: engrafted on D+16 (last red-cell transfusion: D+9) under haemoglobin > 80 g/L (EBMT "
          "2019), a run of 3 consecutive measurement days (CIBMTR), each at least 7 days after a red-cell transfusion "
          "(run and interval: hsct's policy): "
          "D+3: haemoglobin not above the threshold (counting starts): 75 g/L <= 80 g/L: met [ENG-RBC-001]; "
          "D+16: haemoglobin above the threshold: 84 g/L > 80 g/L: met [ENG-RBC-001], days since the last red-cell "
          "transfusion: 7 days >= 7 days: met (hsct reading, unverified) [ENG-RBC-001]; "
          "D+17: haemoglobin above the threshold: 86 g/L > 80 g/L: met [ENG-RBC-001], days since the last red-cell "
          "transfusion: 8 days >= 7 days: met (hsct reading, unverified) [ENG-RBC-001]; "
          "D+18: haemoglobin above the threshold: 90 g/L > 80 g/L: met [ENG-RBC-001], days since the last red-cell "
          "transfusion: 9 days >= 7 days: met (hsct reading, unverified) [ENG-RBC-001]");
}

TEST_CASE("red cells under a centre's threshold: a transfusion starts the count, a run broken",
          "[ENG-RBC-001][ENG-RBC-002][ENG-RBC-003][text]") {
    // >= 90 g/L (a centre's): the D+2 transfusion starts the count; D+10 qualifies (8 days after
    // it), D+11 at 85 g/L breaks the run, D+12 starts another; every criterion under the
    // centre's threshold is unverified, the transfusion that started the count is not
    e::red_cell_options centre;
    centre.threshold = hsct::haemoglobin(90.0, u::g_per_l);
    centre.comparison = hsct::comparator::greater_equal;
    CHECK(e::render(recovery({{1, 120}, {10, 95}, {11, 85}, {12, 95}}, {2}, centre)) ==
          "red-cell recovery: not yet engrafted (last red-cell transfusion: D+2) under haemoglobin >= 90 g/L (the "
          "centre's threshold), a run of 3 consecutive measurement days (CIBMTR), each at least 7 days after a "
          "red-cell transfusion (run and interval: hsct's policy): "
          "D+2: a red-cell transfusion (counting starts): present: met [ENG-RBC-001]; "
          "D+11: haemoglobin above the threshold, transfusion-free (the run broke here): 85 g/L >= 90 g/L: not met "
          "(hsct reading, unverified) [ENG-RBC-001], haemoglobin above the threshold, transfusion-free (the run broke "
          "here): 9 days >= 7 days: met (hsct reading, unverified) [ENG-RBC-001]; "
          "D+12: haemoglobin above the threshold: 95 g/L >= 90 g/L: met (hsct reading, unverified) [ENG-RBC-001], "
          "days since the last red-cell transfusion: 10 days >= 7 days: met (hsct reading, unverified) "
          "[ENG-RBC-001]");
}

TEST_CASE("red cells at the threshold: the decimals that keep a value above 80 g/L, a centre's 82.5 g/L",
          "[ENG-RBC-001][ENG-RBC-002][CORE-EXPLAIN-003][text]") {
    // exactly 80 g/L is not above it (starts the count); 80.4 g/L is shown as 80.4, not 80; a
    // centre's 82.5 g/L is shown with its decimal, in the policy and in each comparison
    const std::string s = e::render(recovery({{2, 80}, {10, 80.4}, {11, 81}, {12, 90}}, {}));
    CHECK(s.rfind("red-cell recovery: engrafted on D+10 (last red-cell transfusion: none) under haemoglobin > 80 g/L "
                  "(EBMT 2019), ",
                  0) == 0);
    CHECK(s.find("D+2: haemoglobin not above the threshold (counting starts): 80 g/L <= 80 g/L: met [ENG-RBC-001]; "
                 "D+10: haemoglobin above the threshold: 80.4 g/L > 80 g/L: met [ENG-RBC-001]; D+11: haemoglobin above "
                 "the threshold: 81 g/L > 80 g/L: met [ENG-RBC-001]; D+12:") != std::string::npos);
    e::red_cell_options centre;
    centre.threshold = hsct::haemoglobin(82.5, u::g_per_l);
    centre.consecutive = e::consecutive_rule::calendar_days;
    centre.run_length = 2;
    centre.transfusion_free_days = 30;
    CHECK(e::render(recovery({{2, 70}, {10, 83}, {11, 85}}, {}, centre)) ==
          "red-cell recovery: engrafted on D+10 (last red-cell transfusion: none) under haemoglobin > 82.5 g/L (the "
          "centre's threshold), a run of 2 consecutive calendar days, each at least 30 days after a red-cell "
          "transfusion (run and interval: hsct's policy): "
          "D+2: haemoglobin not above the threshold (counting starts): 70.0 g/L <= 82.5 g/L: met (hsct reading, "
          "unverified) [ENG-RBC-001]; "
          "D+10: haemoglobin above the threshold: 83.0 g/L > 82.5 g/L: met (hsct reading, unverified) [ENG-RBC-001]; "
          "D+11: haemoglobin above the threshold: 85.0 g/L > 82.5 g/L: met (hsct reading, unverified) [ENG-RBC-001]");
}

TEST_CASE("red cells without evidence: never below the threshold, no values (a transfusion before Day 0)",
          "[ENG-RBC-001][ENG-RBC-003][text]") {
    CHECK(e::render(recovery({{1, 120}, {7, 110}, {14, 100}}, {})) ==
          "red-cell recovery: never below the threshold after Day 0 (last red-cell transfusion: none) under "
          "haemoglobin > 80 g/L (EBMT 2019), a run of 3 consecutive measurement days (CIBMTR), each at least 7 days "
          "after a red-cell transfusion (run and interval: hsct's policy) [ENG-RBC-003]");
    CHECK(e::render(recovery({{-3, 60}}, {-2})) ==
          "red-cell recovery: no values on or after Day 0 (last red-cell transfusion: D-2) under haemoglobin > 80 g/L "
          "(EBMT 2019), a run of 3 consecutive measurement days (CIBMTR), each at least 7 days after a red-cell "
          "transfusion (run and interval: hsct's policy) [ENG-RBC-003]");
}

TEST_CASE("red-cell recovery through another catalogue", "[ENG-RBC-001][ENG-RBC-003][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(e::render(recovery(after_transfusions, {5, 9}), de) ==
          "Erythrozyten-Erholung: angewachsen am D+16 (letzte Erythrozytentransfusion: D+9) nach Haemoglobin > 80 g/L "
          "(EBMT 2019), eine Folge von 3 aufeinanderfolgenden Messtagen, jeder mindestens 7 Tage nach einer "
          "Erythrozytentransfusion (Folge und Abstand: Festlegung von hsct): "
          "D+3: Haemoglobin nicht ueber der Schwelle (Beginn der Zaehlung): 75 g/L <= 80 g/L: erfuellt [ENG-RBC-001]; "
          "D+16: Haemoglobin ueber der Schwelle: 84 g/L > 80 g/L: erfuellt [ENG-RBC-001], Tage seit der letzten "
          "Erythrozytentransfusion: 7 Tage >= 7 Tage: erfuellt (Lesart von hsct, nicht verifiziert) [ENG-RBC-001]; "
          "D+17: Haemoglobin ueber der Schwelle: 86 g/L > 80 g/L: erfuellt [ENG-RBC-001], Tage seit der letzten "
          "Erythrozytentransfusion: 8 Tage >= 7 Tage: erfuellt (Lesart von hsct, nicht verifiziert) [ENG-RBC-001]; "
          "D+18: Haemoglobin ueber der Schwelle: 90 g/L > 80 g/L: erfuellt [ENG-RBC-001], Tage seit der letzten "
          "Erythrozytentransfusion: 9 Tage >= 7 Tage: erfuellt (Lesart von hsct, nicht verifiziert) [ENG-RBC-001]");
}

}  // namespace hsct_test_engraftment_red_cell_text_test
