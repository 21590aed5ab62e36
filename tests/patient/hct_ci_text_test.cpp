// Tests for include/hsct/patient/hct_ci_text.hpp: an HCT-CI result rendered from its data
// (CORE-EXPLAIN-002), with numbers that never contradict their comparison (CORE-EXPLAIN-003).
#include <hsct/patient/hct_ci_text.hpp>

#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/hct_ci_inputs.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_hct_ci_text_test {

namespace hp = hsct::patient;
namespace u = hsct::units;
using hp::hct_ci_definition_set;
using hp::hct_ci_item;

namespace {

hsct::percent pct(double v) { return hsct::percent(v, u::pct); }

hp::hct_ci_input known_and_absent() { return hsct_test::hct_ci_baseline(); }

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("regression: creatinine 176.9 umol/L scores and shows 2.001 > 2, never 2 > 2",
          "[patient][hct_ci][text][CORE-EXPLAIN-003][PAT-HCTCI-006]") {
    auto in = known_and_absent();
    in.renal.creatinine = hsct::creatinine(176.9, u::umol_per_l);
    const auto r = hp::assess_hct_ci(in).value();
    REQUIRE(r.scored_item(hct_ci_item::renal));
    const std::string text = hp::render(r);
    CAPTURE(text);
    CHECK(contains(text, "creatinine above 2 mg/dL: 2.001 mg/dL > 2 mg/dL: met [PAT-HCTCI-006]"));
    CHECK_FALSE(contains(text, "2 mg/dL > 2 mg/dL"));
    CHECK_FALSE(contains(text, "2.00 mg/dL > 2 mg/dL"));
}

TEST_CASE("regression: bilirubin 1.8005 mg/dL over a ULN of 1.2 is above 1.5 x ULN and says so",
          "[patient][hct_ci][text][CORE-EXPLAIN-003][PAT-HCTCI-004]") {
    auto in = known_and_absent();
    in.hepatic.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::make(
                               hsct::bilirubin(1.8005, u::mg_per_dl),
                               hsct::bilirubin(1.2, u::mg_per_dl))
                               .value();
    const auto r = hp::assess_hct_ci(in).value();
    REQUIRE(r.scored_item(hct_ci_item::hepatic_severe));
    const std::string text = hp::render(r);
    CAPTURE(text);
    CHECK(contains(text, "bilirubin above 1.5 x ULN: 1.5004 x ULN > 1.5 x ULN: met [PAT-HCTCI-004]"));
    CHECK_FALSE(contains(text, "= 1.5 x ULN"));
    // exactly at the threshold (1.8 / 1.2): mild, shown equal, and "not met" for severe
    in.hepatic.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::make(
                               hsct::bilirubin(1.8, u::mg_per_dl), hsct::bilirubin(1.2, u::mg_per_dl))
                               .value();
    const auto at = hp::assess_hct_ci(in).value();
    CHECK(at.scored_item(hct_ci_item::hepatic_mild));
    for (const auto& c : at.criteria) {
        if (c.id == hp::hct_ci_criterion::bilirubin_severe) {
            CHECK(hp::render(c) ==
                  "bilirubin above 1.5 x ULN: 1.50 x ULN > 1.5 x ULN: not met [PAT-HCTCI-004]");
        }
    }
}

TEST_CASE("an HCT-CI renders its score, its items and their deciding criteria",
          "[patient][hct_ci][text][CORE-EXPLAIN-002][E1]") {
    auto in = known_and_absent();
    in.age_at_hct = hsct::age::make(58, 0).value();
    in.arrhythmia = true;
    in.diabetes = hp::diabetes_treatment::oral_agents;
    in.pulmonary.fev1 = pct(72.0);
    in.prior_tumours = std::vector<hp::prior_tumour>{hp::prior_tumour::other_solid_tumour};
    in.renal.creatinine.reset();
    const auto r = hp::assess_hct_ci(in).value();
    CHECK(hp::render(r) ==
          "HCT-CI 7 (at least), high (>= 3); definition set: Sorror 2013 (Blood 2013;121:2854 "
          "Table 1); tiers: higher tier only (hepatic, pulmonary)\n"
          "arrhythmia: scored +1\n"
          "  arrhythmia: present: met [PAT-HCTCI-014]\n"
          "diabetes: scored +1\n"
          "  diabetes treated with insulin or oral agents: oral agents: met [PAT-HCTCI-013]\n"
          "renal, moderate/severe: unassessed (missing: creatinine)\n"
          "pulmonary, moderate: scored +2\n"
          "  FEV1 at most 80 % of predicted: 72 % <= 80 %: met [PAT-HCTCI-002]\n"
          "prior solid tumour: scored +3\n"
          "  prior solid tumours other than non-melanoma skin cancer: 1 >= 1: met [PAT-HCTCI-009]\n"
          "HCT-CI/age 8 (at least), group >= 5 (completed years)\n"
          "  age 40 years or more: 58 years >= 40 years: met [PAT-HCTCI-017]\n");
}

TEST_CASE("a CIBMTR reading is marked unverified in the text",
          "[patient][hct_ci][text][PAT-HCTCI-023]") {
    auto in = known_and_absent();
    in.infection.antimicrobials_continued_after_day_0 = true;
    hp::hct_ci_options o;
    o.definition_set = hct_ci_definition_set::cibmtr;
    const std::string text = hp::render(hp::assess_hct_ci(in, o).value());
    CHECK(contains(text, "antimicrobial treatment continued after day 0: present: met (hsct "
                         "reading, unverified) [PAT-HCTCI-011]"));
    o.definition_set = hct_ci_definition_set::sorror_2005;
    CHECK_FALSE(contains(hp::render(hp::assess_hct_ci(in, o).value()), "unverified"));
}

TEST_CASE("the same result renders in a second language", "[patient][hct_ci][text][CORE-EXPLAIN-002]") {
    static constexpr hsct::catalogue_entry german[] = {
        {"text", "hct_ci", "HCT-CI"},
        {"text", "definition_set", "Definitionen"},
        {"text", "tiers", "Stufen"},
        {"text", "present", "vorhanden"},
        {"outcome", "met", "erfuellt"},
        {"hct_ci_risk_group", "intermediate", "mittel (1-2)"},
        {"hct_ci_item", "arrhythmia", "Arrhythmie"},
        {"hct_ci_item_status", "scored", "gezaehlt"},
        {"hct_ci_criterion", "arrhythmia", "Arrhythmie"},
        {"hct_ci_definition_set", "sorror_2013", "Sorror 2013"},
        {"hct_ci_tier_policy", "higher_tier_only", "nur die hoehere Stufe"},
    };
    const hsct::table_catalogue de(german);
    auto in = known_and_absent();
    in.age_at_hct = hsct::age::make(30, 0).value();
    in.arrhythmia = true;
    const auto r = hp::assess_hct_ci(in).value();
    CHECK(hp::render(r, de) ==
          "HCT-CI 1, mittel (1-2); Definitionen: Sorror 2013; Stufen: nur die hoehere Stufe\n"
          "Arrhythmie: gezaehlt +1\n"
          "  Arrhythmie: vorhanden: erfuellt [PAT-HCTCI-014]\n"
          "HCT-CI/age 1, group 0-2 (completed years)\n"
          "  age 40 years or more: 30 years >= 40 years: not met [PAT-HCTCI-017]\n");
    // and the data did not change with the language
    CHECK(r.score.value() == 1);
}

}  // namespace hsct_test_patient_hct_ci_text_test
