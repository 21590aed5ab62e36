// Tests for include/hsct/complications/sos_vod_severity_text.hpp: adult SOS/VOD severity rendered
// from its data (the table, status, grade with its day and timing, the deciding rule and rows, the
// risk-factor upgrade, the diagnosis and first-symptom days, the criteria per column, the
// policies, the inputs missing, every row with its day and column, hsct's readings marked), for
// VOD-1 and VOD-2 under both tables, a derived first symptom and no diagnosis, in English and
// through a second catalogue.
#include <hsct/complications/sos_vod_severity_text.hpp>

#include <string>

#include "support/catch.hpp"
#include "support/sos_episode.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_sos_vod_severity_text_test {

namespace c = hsct::complications;
using hsct_test::sos_episode;
using f = c::sos_finding;

namespace {
/// VOD-1: bilirubin 2.4, painful hepatomegaly from D+11, weight +6 %, ALT 1.5 x, creatinine 1.1 x, first symptom D+11
sos_episode vod1() {
    sos_episode e(14);
    e.bilirubin(14, 2.4).sign(f::hepatomegaly, 11).sign(f::ruq_pain, 11).weight_gain(14, 6.0).alt(14, 1.5);
    e.creatinine(14, 1.1).first_symptom(11);
    return e;
}
c::sos_adult_severity_result g16(sos_episode& e) {
    const auto r = c::assess_sos_ebmt2016_severity(e.get());
    REQUIRE(r.has_value());
    return *r;
}
c::sos_adult_severity_result g23(sos_episode& e) {
    const auto r = c::assess_sos_ebmt2023_severity(e.get());
    REQUIRE(r.has_value());
    return *r;
}
// the rows VOD-1 shares under both tables, from the time since the first symptom to MOD
constexpr const char* time_row =
    ": days from the first symptom to diagnosis: 3 days <= 4 days: met [COMP-SOS-047] (severe); ";
constexpr const char* kinetics_row =
    "bilirubin doubling within 48 h: bilirubin series missing: unknown (input missing) (hsct reading, unverified) "
    "[COMP-SOS-048] (no column); ";
constexpr const char* risk_row =
    "; two or more SOS/VOD risk factors: SOS/VOD risk factors missing: unknown (input missing) [COMP-SOS-044] (no "
    "column)";

constexpr hsct::catalogue_entry german[] = {
    {"sos_severity_table", "ebmt_2016", "EBMT-2016-Schweregrad (Erwachsene)"},
    {"sos_severity_status", "graded", "eingestuft"},
    {"sos_severity", "severe", "schwer"},
    {"sos_severity", "mild", "leicht"},
    {"sos_severity_timing", "at_diagnosis", "Schweregrad bei Diagnose"},
    {"sos_vod", "diagnosis", "Diagnose"},
    {"sos_vod", "first_symptom", "erstes Symptom"},
    {"sos_vod", "no_column", "keine Spalte"},
    {"complications", "on", "am"},
    {"sos_adult_severity_row", "bilirubin", "Bilirubin"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("VOD-1: severe under EBMT 2016, two criteria in the severe column",
          "[COMP-SOS-040][COMP-SOS-042][VOD-1][EBMT-2016][text]") {
    auto e = vod1();
    // mild: bilirubin 2.4, ALT 1.5 x, creatinine 1.1 x; severe: 3 days since the first symptom, and
    // weight +6 % (the [5, 10) band, severe beside another severe criterion: hsct's reading)
    CHECK(
        c::render(g16(e)) ==
        hsct::detail::concat(
            {"EBMT 2016 adult severity: graded [COMP-SOS-040]: severe on D+14 (severity at diagnosis), two or more "
             "criteria in the column [COMP-SOS-042], rows: days from the first symptom to diagnosis, weight gain "
             "above baseline; diagnosis D+14, classical (day 21 or earlier); first symptom D+11; criteria per column: "
             "mild 3, moderate 0, severe 2, very severe 0; under weight gain 5 to 10 %: severe with another severe "
             "criterion, else moderate, no column with two: the most severe column with any criterion (missing: "
             "bilirubin series; SOS/VOD risk factors)",
             time_row, "D+14: bilirubin: 2.4 mg/dL >= 2 mg/dL: met [COMP-SOS-040] (mild); ", kinetics_row,
             "D+14: transaminases (x ULN): 1.5 x ULN <= 2 x ULN: met [COMP-SOS-040] (mild); D+14: creatinine (x "
             "baseline at transplant): 1.1 < 1.2: met [COMP-SOS-040] (mild); multi-organ dysfunction: absent: not "
             "met [COMP-SOS-043] (no column); D+14: weight gain above baseline: 6 % >= 5 %: met (hsct reading, "
             "unverified) [COMP-SOS-041] (severe)",
             risk_row}));
}

TEST_CASE("VOD-1 under EBMT 2023: the certainty, the 2023 rows and their policies",
          "[COMP-SOS-055][VOD-1][EBMT-2023][text]") {
    auto e = vod1();
    // 2023: weight >= 5 % is severe as printed; creatinine below 1.2 x is mild by the split policy (unverified)
    CHECK(
        c::render(g23(e)) ==
        hsct::detail::concat(
            {"EBMT 2023 adult severity (HB24 Table 49.3): graded [COMP-SOS-055]: severe on D+14 (severity at "
             "diagnosis), two or more criteria in the column [COMP-SOS-042], rows: days from the first symptom to "
             "diagnosis, weight gain above baseline; diagnosis D+14, classical (day 21 or earlier), clinical SOS/VOD; "
             "first symptom D+11; criteria per column: mild 3, moderate 0, severe 2, very severe 0; under weight "
             "row: as printed (blank below 5 %), creatinine row: mild below 1.2 x, moderate to 1.5 x, no column with "
             "two: the most severe column with any criterion (missing: bilirubin series; SOS/VOD risk factors)",
             time_row, "D+14: bilirubin: 2.4 mg/dL >= 2 mg/dL: met [COMP-SOS-055] (mild); ", kinetics_row,
             "D+14: transaminases (x ULN): 1.5 x ULN <= 2 x ULN: met [COMP-SOS-055] (mild); D+14: creatinine (x "
             "baseline at transplant): 1.1 < 1.2: met (hsct reading, unverified) [COMP-SOS-057] (mild); multi-organ "
             "dysfunction: absent: not met [COMP-SOS-058] (no column); D+14: weight gain above baseline: 6 % >= 5 %: "
             "met [COMP-SOS-055] (severe)",
             risk_row}));
}

TEST_CASE("VOD-2: moderate raised to severe by two risk factors; a first symptom derived; no diagnosis",
          "[COMP-SOS-044][COMP-SOS-047][VOD-2][EBMT-2016][text]") {
    sos_episode e(14);
    e.bilirubin(14, 3.5).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).first_symptom(8);
    e.alt(14, 1.5).weight_gain(14, 3.0).creatinine(14, 1.0).risk_factors(2);
    const std::string s = c::render(g16(e));
    CHECK(
        s.rfind("EBMT 2016 adult severity: graded [COMP-SOS-040]: severe on D+14 (severity at diagnosis), two or more "
                "criteria in the column [COMP-SOS-042], rows: days from the first symptom to diagnosis, bilirubin, two "
                "or more SOS/VOD risk factors; raised by two or more risk factors from moderate [COMP-SOS-044]; "
                "diagnosis D+14, classical (day 21 or earlier); first symptom D+8; criteria per column: mild 3, "
                "moderate 2, severe 0, very severe 0; ",
                0) == 0);
    CHECK(s.find("; two or more SOS/VOD risk factors: 2 >= 2: met [COMP-SOS-044] (no column)") != std::string::npos);
    // the first symptom not given: the first sign of the set (D+14), hsct's reading
    sos_episode d(14);
    d.bilirubin(14, 2.4).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14);
    const std::string derived = c::render(g16(d));
    CHECK(
        derived.find("; first symptom D+14 (the first sign of the set: hsct's reading, unverified [COMP-SOS-047]); ") !=
        std::string::npos);
    CHECK(derived.find(": days from the first symptom to diagnosis: 0 days <= 4 days: met (hsct reading, unverified) "
                       "[COMP-SOS-047] (severe); ") != std::string::npos);
    // VOD-4 is no EBMT 2016 diagnosis: nothing to grade
    sos_episode v4(18);
    v4.bilirubin(18, 1.6).sign(f::hepatomegaly, 18).sign(f::ruq_pain, 18).weight_gain(18, 3.0).sign(f::ascites, 18);
    CHECK(
        c::render(g16(v4)) ==
        "EBMT 2016 adult severity: no diagnosis to grade [COMP-SOS-040]; diagnosis none; under weight gain 5 to 10 %: "
        "severe with another severe criterion, else moderate, no column with two: the most severe column with any "
        "criterion");
}

TEST_CASE("adult severity through another catalogue", "[COMP-SOS-040][VOD-1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    auto e = vod1();
    const std::string s = c::render(g16(e), de);
    CHECK(s.rfind("EBMT-2016-Schweregrad (Erwachsene): eingestuft [COMP-SOS-040]: schwer am D+14 (Schweregrad bei "
                  "Diagnose), two or more criteria in the column [COMP-SOS-042], rows: days from the first symptom to "
                  "diagnosis, weight gain above baseline; Diagnose D+14, classical (day 21 or earlier); erstes Symptom "
                  "D+11; criteria per column: leicht 3, moderate 0, schwer 2, very severe 0; ",
                  0) == 0);
    CHECK(s.find("; D+14: Bilirubin: 2.4 mg/dL >= 2 mg/dL: erfuellt [COMP-SOS-040] (leicht); ") != std::string::npos);
    CHECK(s.find("multi-organ dysfunction: absent: not met [COMP-SOS-043] (keine Spalte)") != std::string::npos);
}

}  // namespace hsct_test_complications_sos_vod_severity_text_test
