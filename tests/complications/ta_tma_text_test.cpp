// Tests for include/hsct/complications/ta_tma_text.hpp: the harmonised TA-TMA result and the
// Jodele 2014 markers rendered from their data (status, days, the pair, biopsy, LDH occasions, risk
// group, policies, each time point's criteria, every dated item and high-risk feature; the markers,
// the poor-prognosis pair, hsct's unverified count and readings marked) and the value types, for
// TMA-1 and TMA-3, in English and through a second catalogue.
#include <hsct/complications/ta_tma_text.hpp>

#include <optional>
#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/complication_points.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_ta_tma_text_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::transplant_day;

using hsct_test::bp;
using hsct_test::normal;
using hsct_test::upcr;

namespace {
// TMA-1's time point: LDH 1.5 x ULN, schistocytes, platelets 60 % below 100, BP 150/95, rUPCR 0.5, sC5b-9 0.9 x
c::ta_tma_assessment tma1_point(int day) {
    auto a = normal(day);
    a.ldh = *hsct::lab_with_uln<hsct::ldh>::from_multiple(1.5);
    a.schistocytes = true;
    a.platelets = hsct::platelets(40.0, u::giga_per_l);
    a.bp = bp(150, 95);
    a.rupcr = upcr(0.5);
    a.sc5b9 = *c::sc5b9_level::from_multiple(0.9);
    return a;
}
// TMA-3's time point (a child of 10): BP at the 97th percentile, urine protein 40 mg/dL, rUPCR 0.6,
// LDH 1.3 x, schistocytes, sC5b-9 1.5 x
c::ta_tma_assessment tma3_point(int day) {
    auto a = normal(day);
    a.bp_percentile = hsct::percent(97.0, u::pct);
    a.urine_protein = hsct::mass_concentration(40.0, u::mg_per_dl);
    a.rupcr = upcr(0.6);
    a.ldh = *hsct::lab_with_uln<hsct::ldh>::from_multiple(1.3);
    a.schistocytes = true;
    a.sc5b9 = *c::sc5b9_level::from_multiple(1.5);
    return a;
}
c::ta_tma_input input(const std::vector<c::ta_tma_assessment>& v, int years) {
    c::ta_tma_input in;
    in.assessments = v;
    in.age = *hsct::age::make(years, 0);
    in.baseline_haemoglobin = hsct::haemoglobin(10.0, u::g_per_dl);
    in.baseline_platelets = hsct::platelets(100.0, u::giga_per_l);
    in.baseline_creatinine = hsct::creatinine(1.0, u::mg_per_dl);
    in.neutrophil_engraftment_day = transplant_day::at(20);
    return in;
}
// the items of one TMA-1 time point, in the order the rule reads them
constexpr const char* tma1_items =
    "red-cell transfusion independence not achieved despite neutrophil engraftment: absent: not met [COMP-TMA-002], "
    "haemoglobin at least 1 g/dL below baseline: 0 g/dL >= 1 g/dL: not met [COMP-TMA-002], new red-cell transfusion "
    "dependence: absent: not met [COMP-TMA-002], failure to achieve platelet engraftment: absent: not met "
    "[COMP-TMA-003], higher than expected platelet transfusion needs: absent: not met [COMP-TMA-003], refractoriness "
    "to platelet transfusion: absent: not met [COMP-TMA-003], platelets at least 50 % below baseline: 60 % >= 50 %: "
    "met [COMP-TMA-003], LDH above the ULN for age: 1.5 x ULN > 1 x ULN: met [COMP-TMA-004], schistocytes present: "
    "present: met [COMP-TMA-005], systolic blood pressure at least 140 mmHg (18 years and over): 150 >= 140: met "
    "[COMP-TMA-006], diastolic blood pressure at least 90 mmHg (18 years and over): 95 >= 90: met [COMP-TMA-006], "
    "sC5b-9 elevated against the ULN: 0.9 x ULN > 1 x ULN: not met [COMP-TMA-007], random urine protein/creatinine "
    "ratio at least 1 mg/mg: 0.5 >= 1: not met [COMP-TMA-008]";
constexpr const char* tma1_policies =
    "; under sC5b-9 above the ULN (HB24), three items (Schoettler 2023 Table 3), a biopsy of any organ (HB24), at "
    "least four criteria at each time point, at most 14 days apart, two adjacent assessments, LDH above the ULN on "
    "at least two occasions (Schoettler 2023)";

constexpr hsct::catalogue_entry german[] = {
    {"ta_tma", "harmonised", "TA-TMA (harmonisiert 2023)"},
    {"ta_tma", "pair", "Zeitpunkte"},
    {"ta_tma", "and", "und"},
    {"ta_tma", "biopsy", "Biopsie"},
    {"ta_tma", "time_points", "Zeitpunkte"},
    {"ta_tma", "of_seven", "von 7"},
    {"ta_tma_status", "clinical", "TA-TMA, klinische Diagnose"},
    {"ta_tma_risk", "standard", "TA-TMA mit Standardrisiko"},
    {"ta_tma_sign", "thrombocytopenia", "Thrombozytopenie"},
    {"ta_tma_sign", "elevated_ldh", "erhoehte LDH"},
    {"ta_tma_sign", "schistocytes", "Schistozyten"},
    {"ta_tma_sign", "hypertension", "Hypertonie"},
    {"complications", "on", "am"},
    {"text", "none", "keine"},
};
}  // namespace

TEST_CASE("TMA-1: clinical TA-TMA on D+65, standard risk, every item of the pair and every high-risk feature",
          "[COMP-TMA-001][COMP-TMA-009][COMP-TMA-010][TMA-1][HB24-42][Schoettler-2023][text]") {
    const std::vector v{tma1_point(60), tma1_point(65)};
    const auto r = c::assess_ta_tma(input(v, 45));
    REQUIRE(r.has_value());
    constexpr const char* four = "4 of 7: thrombocytopenia, elevated LDH, schistocytes, hypertension";
    CHECK(
        c::render(*r) ==
        hsct::detail::concat(
            {"TA-TMA (harmonised 2023): TA-TMA, clinical diagnosis [COMP-TMA-001] on D+65; time points D+60 and D+65 "
             "[COMP-TMA-009]; biopsy: none; occasions with LDH above the ULN: 2; standard-risk TA-TMA "
             "[COMP-TMA-010]",
             tma1_policies, "; time points: D+60 (", four, "), D+65 (", four, "): D+60: ", tma1_items,
             "; D+65: ", tma1_items,
             ", LDH above the ULN on at least two occasions: 2 >= 2: met [COMP-TMA-004]; high-risk features: D+60: "
             "peak LDH at least 2 x ULN: 1.5 x ULN >= 2 x ULN: not met [COMP-TMA-010], rUPCR at least 1 mg/mg: 0.5 >= "
             "1: not met [COMP-TMA-010], creatinine at least 2 x baseline (beyond KDIGO stage 1): 1 >= 2: not met "
             "[COMP-TMA-010]; D+65: renal replacement therapy: absent: not met [COMP-TMA-010], organ dysfunction in "
             "the setting of TMA: absent: not met [COMP-TMA-010]; D+60: sC5b-9 elevated against the ULN: 0.9 x ULN > "
             "1 x ULN: not met [COMP-TMA-010]; D+65: concurrent acute GVHD grade II-IV: absent: not met "
             "[COMP-TMA-010], concurrent systemic bacterial or viral infection: absent: not met [COMP-TMA-010]"}));
    CHECK(c::render(r->time_points[0]) == hsct::detail::concat({"D+60 (", four, ")"}));
}

TEST_CASE("TMA-3: Jodele 2014 markers of a child, the poor-prognosis pair, no count by default",
          "[COMP-TMA-020][COMP-TMA-021][COMP-TMA-022][TMA-3][Jodele-2014][text]") {
    const std::vector v{tma3_point(40), tma3_point(47)};
    const auto r = c::assess_jodele_tma(input(v, 10));
    REQUIRE(r.has_value());
    constexpr const char* five =
        "5 of 7: schistocytes, elevated LDH, proteinuria (urinalysis), hypertension, elevated sC5b-9), protein above "
        "30 mg/dL with elevated sC5b-9 [COMP-TMA-022]";
    CHECK(
        c::render(*r) ==
        hsct::detail::concat(
            {"TA-TMA markers (Jodele 2014): markers reported (no count-based diagnosis) [COMP-TMA-020]; protein above "
             "30 mg/dL with elevated sC5b-9: D+40 [COMP-TMA-022]; under markers only (no count-based diagnosis), "
             "sC5b-9 above the ULN (HB24); time points: D+40 (",
             five, ", D+47 (", five,
             ": D+40: schistocytes present: present: met [COMP-TMA-020], LDH above the ULN: 1.3 x ULN > 1 x ULN: met "
             "[COMP-TMA-020], urinalysis protein at least 30 mg/dL: 40 mg/dL >= 30 mg/dL: met [COMP-TMA-020], blood "
             "pressure at least the 95th percentile (3-18 years): 97th percentile >= 95th percentile: met "
             "[COMP-TMA-020], sC5b-9 elevated against the ULN: 1.5 x ULN > 1 x ULN: met [COMP-TMA-007], platelets "
             "below 50 x10^9/L: 100 x10^9/L < 50 x10^9/L: not met [COMP-TMA-020], platelets at least 50 % below "
             "baseline: 0 % >= 50 %: not met [COMP-TMA-020], de novo anaemia (read as the harmonised anaemia "
             "criterion): absent: not met (hsct reading, unverified) [COMP-TMA-020]"}));
    // the [U] count, when asked for: met on D+40, said to be hsct's reading
    c::jodele_tma_options count;
    count.count = c::jodele_count_policy::four_of_seven;
    const std::string k = c::render(*c::assess_jodele_tma(input(v, 10), count));
    CHECK(
        k.rfind("TA-TMA markers (Jodele 2014): at least 4 markers at one time point ([U] count) [COMP-TMA-021]; 4 "
                "markers first on: D+40 [COMP-TMA-021]; protein above 30 mg/dL with elevated sC5b-9: D+40 "
                "[COMP-TMA-022]; under at least 4 of 7 markers at one time point (unverified count), sC5b-9 above the "
                "ULN (HB24) (the count is hsct's reading, unverified); time points: ",
                0) == 0);
    // the harmonised criteria read the same child as 3 of 7: not met, and not stratified
    const std::string h = c::render(*c::assess_ta_tma(input(v, 10)));
    CHECK(
        h.rfind("TA-TMA (harmonised 2023): criteria not met [COMP-TMA-001]; biopsy: none; occasions with LDH above the "
                "ULN: 2; not diagnosed [COMP-TMA-010]; ",
                0) == 0);
    CHECK(h.find("; time points: D+40 (3 of 7: elevated LDH, schistocytes, elevated sC5b-9), D+47 (3 of 7: elevated "
                 "LDH, schistocytes, elevated sC5b-9): ") != std::string::npos);
    CHECK(h.find("blood pressure above the 99th percentile for age (under 18): 97th percentile > 99th percentile: not "
                 "met [COMP-TMA-006]") != std::string::npos);
}

TEST_CASE("TA-TMA value types, and a series without assessments", "[COMP-TMA-013][COMP-TMA-001][text]") {
    CHECK(c::render(bp(150, 95)) == "150/95 mmHg");
    CHECK(c::render(*c::blood_pressure::make(20.0, 12.0, c::pressure_unit::kpa)) ==
          hsct::detail::concat({hsct::detail::format_number(20.0 * c::mmhg_per_kpa), "/",
                                hsct::detail::format_number(12.0 * c::mmhg_per_kpa), " mmHg"}));
    CHECK(c::render(upcr(0.5)) == "0.5 mg/mg");
    CHECK(c::render(*c::protein_creatinine_ratio::make(500.0, c::upcr_unit::mg_per_g)) == "0.5 mg/mg");
    CHECK(c::render(*c::sc5b9_level::from_multiple(1.5)) == "1.5 x ULN");
    const std::vector<c::ta_tma_assessment> none;
    CHECK(
        c::render(*c::assess_ta_tma(input(none, 45))) ==
        hsct::detail::concat({"TA-TMA (harmonised 2023): no assessments [COMP-TMA-001]; biopsy: none; occasions with "
                              "LDH above the ULN: 0; not diagnosed [COMP-TMA-010]",
                              tma1_policies, "; time points: none [COMP-TMA-001]; high-risk features [COMP-TMA-010]"}));
}

TEST_CASE("TA-TMA through another catalogue", "[COMP-TMA-001][TMA-1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    const std::vector v{tma1_point(60), tma1_point(65)};
    const std::string s = c::render(*c::assess_ta_tma(input(v, 45)), de);
    CHECK(s.rfind("TA-TMA (harmonisiert 2023): TA-TMA, klinische Diagnose [COMP-TMA-001] am D+65; Zeitpunkte D+60 und "
                  "D+65 [COMP-TMA-009]; Biopsie: keine; occasions with LDH above the ULN: 2; TA-TMA mit Standardrisiko "
                  "[COMP-TMA-010]; ",
                  0) == 0);
    CHECK(s.find("; Zeitpunkte: D+60 (4 von 7: Thrombozytopenie, erhoehte LDH, Schistozyten, Hypertonie), D+65 (4 von "
                 "7: Thrombozytopenie, erhoehte LDH, Schistozyten, Hypertonie): D+60: ") != std::string::npos);
}

}  // namespace hsct_test_complications_ta_tma_text_test
