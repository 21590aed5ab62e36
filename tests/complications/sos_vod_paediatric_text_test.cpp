// Tests for include/hsct/complications/sos_vod_paediatric_text.hpp: the EBMT 2018 paediatric
// diagnosis and severity rendered from their data (status, diagnosis day, criteria counted, onset,
// policies, what held on the diagnosis day, the inputs missing, every criterion with its day; the
// grade with its day, timing, deciding rule and rows, the starred criteria, every row with its
// column, hsct's readings marked), for VOD-6, in English and through a second catalogue.
#include <hsct/complications/sos_vod_paediatric_text.hpp>

#include <string>

#include "support/catch.hpp"
#include "support/sos_episode.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_sos_vod_paediatric_text_test {

namespace c = hsct::complications;
using hsct_test::sos_episode;
using f = c::sos_finding;

namespace {
/// VOD-6: a child of 8 (20 kg) on day +30; refractory thrombocytopenia from D+26; moderate ascites
/// above baseline; bilirubin 1.2; ALT 3 x
sos_episode vod6() {
    sos_episode e(30, 20.0);
    e.age(8).sign(f::refractory_thrombocytopenia, 26).ascites(30, c::sos_ascites_extent::moderate).bilirubin(30, 1.2);
    e.alt(30, 3.0);
    return e;
}

constexpr hsct::catalogue_entry german[] = {
    {"sos_vod", "paediatric", "EBMT 2018 (Kinder)"},
    {"sos_vod", "of_five", "von 5 Kriterien"},
    {"sos_vod", "no_onset_limit", "keine Frist fuer den Beginn"},
    {"sos_vod", "paediatric_severity", "EBMT-2018-Schweregrad (Kinder)"},
    {"sos_vod", "starred_at_severe", "markierte Kriterien schwer"},
    {"sos_status", "met", "Kriterien erfuellt"},
    {"sos_onset", "late_onset", "spaeter Beginn (nach Tag 21)"},
    {"sos_severity", "moderate", "mittelschwer"},
    {"complications", "on", "am"},
    {"sos_paediatric_criterion", "refractory_thrombocytopenia", "transfusionsrefraktaere Thrombozytopenie"},
    {"sos_paediatric_severity_row", "liver_enzymes", "Leberenzyme (x ULN)"},
    {"text", "present", "vorhanden"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("VOD-6: the paediatric diagnosis on D+30, two of five, every criterion with its day",
          "[COMP-SOS-065][VOD-6][EBMT-2018][text]") {
    auto e = vod6();
    CHECK(c::render(*c::assess_sos_paediatric(e.get())) ==
          "EBMT 2018 paediatric: criteria met [COMP-SOS-065] on D+30, 2 of 5 criteria, late onset (after day 21), no "
          "onset limit under gain within 72 h, any value at least 2 mg/dL, a value stands until the next one, children "
          "below 18 years; held on D+30: transfusion-refractory thrombocytopenia, ascites above baseline (missing: "
          "weight series; exclusion of other causes): "
          "paediatric patient: 8 years < 18 years: met (hsct reading, unverified) [COMP-SOS-005]; "
          "D+26: transfusion-refractory thrombocytopenia: present: met [COMP-SOS-060]; "
          "weight rising on three consecutive days despite diuretics: weight series missing: unknown (input missing) "
          "(hsct reading, unverified) [COMP-SOS-061]; "
          "weight gain above 5 % of baseline within 72 h: weight series missing: unknown (input missing) (hsct "
          "reading, unverified) [COMP-SOS-061]; "
          "D0: bilirubin rising on three consecutive days: 0 days >= 3 days: not met (hsct reading, unverified) "
          "[COMP-SOS-062]; "
          "D+30: bilirubin at least 2 mg/dL: 1.2 mg/dL >= 2 mg/dL: not met (hsct reading, unverified) [COMP-SOS-062]; "
          "hepatomegaly above baseline: absent: not met [COMP-SOS-063]; "
          "D+30: ascites above baseline: present: met [COMP-SOS-064]; "
          "other diagnoses excluded: exclusion of other causes missing: unknown (input missing) [COMP-SOS-004]");
}

TEST_CASE("VOD-6: moderate by the most severe criterion; severe with GFR 25 mL/min/1.73 m2",
          "[COMP-SOS-070][COMP-SOS-074][VOD-6][EBMT-2018][text]") {
    auto e = vod6();
    // liver enzymes 3 x (> 2: moderate), thrombocytopenia D+26 to D+30 (5 days: moderate), moderate
    // ascites, bilirubin 1.2 (< 2: mild, hsct's reading of the doubly printed cell)
    CHECK(c::render(*c::assess_sos_paediatric_severity(e.get())) ==
          "EBMT 2018 paediatric severity: graded [COMP-SOS-070]: moderate on D+30 (severity at diagnosis), the most "
          "severe criterion met [COMP-SOS-074], rows: liver enzymes (x ULN), days of refractory thrombocytopenia, "
          "ascites; diagnosis D+30; starred criteria at severe: 0; under refractory thrombocytopenia severe at > 7 "
          "days, 2 L/min is moderate, doubling within 48 h is severe (missing: bilirubin series; GFR series; oxygen "
          "requirement): "
          "D+30: liver enzymes (x ULN): 3 x ULN > 2 x ULN: met [COMP-SOS-070] (moderate); "
          "D+30: days of refractory thrombocytopenia: 5 days >= 3 days: met [COMP-SOS-070] (moderate); "
          "D+30: bilirubin: 1.2 mg/dL < 2 mg/dL: met (hsct reading, unverified) [COMP-SOS-070] (mild); "
          "ascites: present: met [COMP-SOS-070] (moderate); "
          "bilirubin doubling within 48 h: bilirubin series missing: unknown (input missing) (hsct reading, "
          "unverified) [COMP-SOS-073] (no column); "
          "coagulation: absent: not met [COMP-SOS-070] (no column); "
          "GFR (mL/min/1.73 m2): GFR series missing: unknown (input missing) [COMP-SOS-070] (no column); "
          "oxygen requirement (L/min): oxygen requirement missing: unknown (input missing) [COMP-SOS-070] (no column); "
          "new cognitive impairment: absent: not met [COMP-SOS-070] (no column); "
          "multi-organ dysfunction: absent: not met [COMP-SOS-074] (no column); "
          "starred criteria at severe: 0 >= 2: not met [COMP-SOS-074] (no column)");
    e.gfr(30, 25.0);
    const std::string s = c::render(*c::assess_sos_paediatric_severity(e.get()));
    CHECK(s.rfind("EBMT 2018 paediatric severity: graded [COMP-SOS-070]: severe on D+30 (severity at diagnosis), the "
                  "most severe criterion met [COMP-SOS-074], rows: GFR (mL/min/1.73 m2); ",
                  0) == 0);
    CHECK(s.find("; D+30: GFR (mL/min/1.73 m2): 25 < 30: met [COMP-SOS-070] (severe); ") != std::string::npos);
}

TEST_CASE("the paediatric rules through another catalogue",
          "[COMP-SOS-065][COMP-SOS-070][VOD-6][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    auto e = vod6();
    const std::string d = c::render(*c::assess_sos_paediatric(e.get()), de);
    CHECK(d.rfind("EBMT 2018 (Kinder): Kriterien erfuellt [COMP-SOS-065] am D+30, 2 von 5 Kriterien, spaeter Beginn "
                  "(nach Tag 21), keine Frist fuer den Beginn under ",
                  0) == 0);
    CHECK(d.find("; D+26: transfusionsrefraktaere Thrombozytopenie: vorhanden: erfuellt [COMP-SOS-060]; ") !=
          std::string::npos);
    const std::string g = c::render(*c::assess_sos_paediatric_severity(e.get()), de);
    CHECK(g.rfind("EBMT-2018-Schweregrad (Kinder): graded [COMP-SOS-070]: mittelschwer am D+30 (severity at "
                  "diagnosis), the most severe criterion met [COMP-SOS-074], rows: Leberenzyme (x ULN), days of "
                  "refractory thrombocytopenia, ascites; diagnosis D+30; markierte Kriterien schwer: 0; ",
                  0) == 0);
    CHECK(g.find(": D+30: Leberenzyme (x ULN): 3 x ULN > 2 x ULN: erfuellt [COMP-SOS-070] (mittelschwer); ") !=
          std::string::npos);
}

}  // namespace hsct_test_complications_sos_vod_paediatric_text_test
