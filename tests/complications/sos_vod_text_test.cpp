// Tests for include/hsct/complications/sos_vod_text.hpp: the adult SOS/VOD diagnoses rendered from
// their data (the set, status and requirement, the diagnosis day and onset, EBMT 2023's certainty
// and the first day of each, the policies, the criteria that held together, the inputs missing,
// every criterion with its day, the day windows as transplant days, hsct's readings marked), for
// VOD-1, VOD-4 and VOD-5 and a child, in English and through a second catalogue.
#include <hsct/complications/sos_vod_text.hpp>

#include <string>

#include "support/catch.hpp"
#include "support/sos_episode.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_sos_vod_text_test {

namespace c = hsct::complications;
using hsct_test::sos_episode;
using f = c::sos_finding;

namespace {
/// VOD-1: day +14; bilirubin 1.2 on D+10, 2.4 on D+14; painful hepatomegaly from D+11; weight +6 % on D+14
sos_episode vod1() {
    sos_episode e(14);
    e.bilirubin(10, 1.2).bilirubin(14, 2.4).sign(f::hepatomegaly, 11).sign(f::ruq_pain, 11).weight_gain(14, 6.0);
    return e;
}
constexpr const char* other_causes_missing =
    "other causes excluded: exclusion of other causes missing: unknown (input missing) [COMP-SOS-004]";

constexpr hsct::catalogue_entry german[] = {
    {"sos_vod", "seattle", "modifizierte Seattle-Kriterien (McDonald 1993)"},
    {"sos_vod", "bilirubin", "Bilirubin"},
    {"sos_vod", "held_on", "gemeinsam erfuellt am"},
    {"complications", "on", "am"},
    {"complications", "under", "nach"},
    {"complications", "missing", "fehlend"},
    {"sos_status", "met", "Kriterien erfuellt"},
    {"sos_seattle_liver_sign", "either", "Hepatomegalie oder Schmerz im rechten Oberbauch"},
    {"sos_seattle_weight", "over_2_percent", "Gewichtszunahme ueber 2 %"},
    {"sos_persistence", "carry_forward", "ein Wert gilt bis zum naechsten"},
    {"sos_seattle_criterion", "by_day_20", "zwei von drei gemeinsam bis Tag 20"},
    {"sos_input_field", "other_causes", "Ausschluss anderer Ursachen"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("VOD-1: EBMT 2016 classical on D+14, every criterion with its first day",
          "[COMP-SOS-030][VOD-1][EBMT-2016][text]") {
    auto e = vod1();
    CHECK(
        c::render(*c::assess_sos_ebmt2016(e.get())) ==
        hsct::detail::concat(
            {"EBMT 2016 (adults): criteria met [COMP-SOS-030] on D+14, classical (day 21 or earlier) under HVPG >= 10 "
             "mmHg, a value stands until the next one, adults from 18 years; held on D+14: bilirubin at least 2 "
             "mg/dL, painful hepatomegaly, weight gain above 5 %, classical: bilirubin and two of three by day 21 "
             "(missing: exclusion of other causes): D+14: bilirubin at least 2 mg/dL: 2.4 mg/dL >= 2 mg/dL: met "
             "[COMP-SOS-030]; D+11: painful hepatomegaly: present: met [COMP-SOS-030]; D+14: weight gain above 5 %: 6 "
             "% > 5 %: met [COMP-SOS-030]; ascites: absent: not met [COMP-SOS-030]; histologically proven SOS/VOD: "
             "absent: not met [COMP-SOS-031]; haemodynamic or ultrasound evidence: absent: not met [COMP-SOS-032]; "
             "D+14: classical: bilirubin and two of three by day 21: present: met [COMP-SOS-030]; late onset: "
             "bilirubin and two of three after day 21: absent: not met [COMP-SOS-031]; late onset: histology after "
             "day 21: absent: not met [COMP-SOS-031]; late onset: two of four with imaging evidence after day 21: "
             "absent: not met [COMP-SOS-031]; ",
             other_causes_missing}));
}

TEST_CASE("VOD-1 under modified Seattle and Baltimore: the day windows as transplant days",
          "[COMP-SOS-013][COMP-SOS-024][VOD-1][Seattle][Baltimore][text]") {
    auto e = vod1();
    CHECK(
        c::render(*c::assess_sos_seattle(e.get())) ==
        hsct::detail::concat(
            {"modified Seattle (McDonald 1993): criteria met [COMP-SOS-013] on D+14 under bilirubin >= 2 mg/dL, "
             "hepatomegaly or RUQ pain, weight gain above 2 %, a value stands until the next one; held on D+14: "
             "bilirubin at the 2 mg/dL threshold, hepatomegaly or right-upper-quadrant pain, weight gain above 2 % (or "
             "3 %) of baseline, two of three together by day 20 (missing: exclusion of other causes): D+14: bilirubin "
             "at the 2 mg/dL threshold: 2.4 mg/dL >= 2 mg/dL: met [COMP-SOS-010]; D+11: hepatomegaly or "
             "right-upper-quadrant pain: present: met [COMP-SOS-011]; D+14: weight gain above 2 % (or 3 %) of "
             "baseline: 6 % > 2 %: met [COMP-SOS-012]; D+14: two of three together by day 20: D+14 <= D+20: met "
             "[COMP-SOS-013]; ",
             other_causes_missing}));
    CHECK(
        c::render(*c::assess_sos_baltimore(e.get())) ==
        hsct::detail::concat(
            {"Baltimore (Jones 1987): criteria met [COMP-SOS-024] on D+14 under bilirubin >= 2 mg/dL, weight gain > 5 "
             "%, hepatomegaly with or without pain, a value stands until the next one; held on D+14: bilirubin at the "
             "2 mg/dL threshold (mandatory), hepatomegaly, weight gain at the 5 % threshold, bilirubin and two of "
             "three together by day 21 (missing: exclusion of other causes): D+14: bilirubin at the 2 mg/dL threshold "
             "(mandatory): 2.4 mg/dL >= 2 mg/dL: met [COMP-SOS-020]; D+11: hepatomegaly: present: met "
             "[COMP-SOS-021]; ascites: absent: not met [COMP-SOS-022]; D+14: weight gain at the 5 % threshold: 6 % > "
             "5 %: met [COMP-SOS-023]; D+14: bilirubin and two of three together by day 21: D+14 <= D+21: met "
             "[COMP-SOS-024]; ",
             other_causes_missing}));
}

TEST_CASE("VOD-4: Seattle met on D+18 with bilirubin's nearest miss; VOD-5: EBMT 2023 clinical, late onset",
          "[COMP-SOS-013][COMP-SOS-053][VOD-4][VOD-5][Seattle][EBMT-2023][text]") {
    sos_episode v4(18);
    v4.bilirubin(18, 1.6).sign(f::hepatomegaly, 18).sign(f::ruq_pain, 18).weight_gain(18, 3.0).sign(f::ascites, 18);
    v4.other_causes(c::sos_other_cause::excluded);
    CHECK(
        c::render(*c::assess_sos_seattle(v4.get())) ==
        "modified Seattle (McDonald 1993): criteria met [COMP-SOS-013] on D+18 under bilirubin >= 2 mg/dL, "
        "hepatomegaly or RUQ pain, weight gain above 2 %, a value stands until the next one; held on D+18: "
        "hepatomegaly or right-upper-quadrant pain, weight gain above 2 % (or 3 %) of baseline, two of three together "
        "by day 20: D+18: bilirubin at the 2 mg/dL threshold: 1.6 mg/dL >= 2 mg/dL: not met [COMP-SOS-010]; D+18: "
        "hepatomegaly or right-upper-quadrant pain: present: met [COMP-SOS-011]; D+18: weight gain above 2 % (or 3 "
        "%) of baseline: 3 % > 2 %: met [COMP-SOS-012]; D+18: two of three together by day 20: D+18 <= D+20: met "
        "[COMP-SOS-013]; other causes excluded: other causes excluded: met [COMP-SOS-004]");
    // VOD-5: an adult on day +35; bilirubin 2.2; ascites; weight +6 %; reversed portal flow
    sos_episode v5(35);
    v5.bilirubin(35, 2.2).sign(f::ascites, 35).weight_gain(35, 6.0).sign(f::portal_flow_abnormal, 35).age(45);
    CHECK(
        c::render(*c::assess_sos_ebmt2023(v5.get())) ==
        hsct::detail::concat(
            {"EBMT 2023 refined (adults): criteria met [COMP-SOS-053], clinical SOS/VOD on D+35, late onset (after "
             "day 21); first day: probable SOS/VOD D+35, clinical SOS/VOD D+35, proven SOS/VOD none; under HVPG >= 10 "
             "mmHg, a value stands until the next one, adults from 18 years; held on D+35: bilirubin at least 2 "
             "mg/dL, weight gain above 5 %, ascites, ultrasound and/or elastography suggestive of SOS/VOD, probable: "
             "two of five, clinical: bilirubin and two of three (missing: hepatic venous pressure gradient; exclusion "
             "of other causes): adult patient: 45 years >= 18 years: met (hsct reading, unverified) [COMP-SOS-005]; "
             "D+35: bilirubin at least 2 mg/dL: 2.2 mg/dL >= 2 mg/dL: met [COMP-SOS-051]; painful hepatomegaly: "
             "absent: not met [COMP-SOS-050]; D+35: weight gain above 5 %: 6 % > 5 %: met [COMP-SOS-050]; D+35: "
             "ascites: present: met [COMP-SOS-050]; D+35: ultrasound and/or elastography suggestive of SOS/VOD: "
             "present: met [COMP-SOS-050]; histologically proven SOS/VOD: absent: not met [COMP-SOS-052]; hepatic "
             "venous pressure gradient at the 10 mmHg threshold: hepatic venous pressure gradient missing: unknown "
             "(input missing) [COMP-SOS-052]; D+35: probable: two of five: present: met [COMP-SOS-050]; D+35: "
             "clinical: bilirubin and two of three: present: met [COMP-SOS-051]; proven: histology or HVPG: absent: "
             "not met [COMP-SOS-052]; ",
             other_causes_missing}));
}

TEST_CASE("a child under an adult set: does not apply, the age check named and marked",
          "[COMP-SOS-005][EBMT-2016][text]") {
    auto e = vod1();
    e.age(15);
    CHECK(c::render(*c::assess_sos_ebmt2016(e.get())) ==
          "EBMT 2016 (adults): not for this age group [COMP-SOS-030] under HVPG >= 10 mmHg, a value stands until the "
          "next one, adults from 18 years: adult patient: 15 years >= 18 years: not met (hsct reading, unverified) "
          "[COMP-SOS-005]");
}

TEST_CASE("Seattle through another catalogue", "[COMP-SOS-013][VOD-1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    auto e = vod1();
    const std::string s = c::render(*c::assess_sos_seattle(e.get()), de);
    CHECK(
        s.rfind("modifizierte Seattle-Kriterien (McDonald 1993): Kriterien erfuellt [COMP-SOS-013] am D+14 nach "
                "Bilirubin >= 2 mg/dL, Hepatomegalie oder Schmerz im rechten Oberbauch, Gewichtszunahme ueber 2 %, ein "
                "Wert gilt bis zum naechsten; gemeinsam erfuellt am D+14: ",
                0) == 0);
    CHECK(s.find("zwei von drei gemeinsam bis Tag 20 (fehlend: Ausschluss anderer Ursachen): ") != std::string::npos);
    CHECK(s.find("; D+14: zwei von drei gemeinsam bis Tag 20: D+14 <= D+20: erfuellt [COMP-SOS-013]; ") !=
          std::string::npos);
}

}  // namespace hsct_test_complications_sos_vod_text_test
