// Tests for include/hsct/patient/dosing_weight_text.hpp: the dosing-weight sentence rendered from
// the result's data, in English and through a second catalogue.
#include <hsct/patient/dosing_weight_text.hpp>

#include <string>
#include <string_view>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_dosing_weight_text_test {

namespace u = hsct::units;
namespace p = hsct::patient;

namespace {
bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}
p::body_measures measures(double h_cm, double w_kg, hsct::sex s) {
    return p::body_measures::make(p::height::make(h_cm, u::cm).value(),
                                  p::body_weight::make(w_kg, u::kg).value(), s,
                                  *hsct::age::make(45, 0))
        .value();
}
std::string rendered(const p::body_measures& m, const p::dosing_weight_options& o,
                     const hsct::message_catalogue& cat = hsct::english()) {
    return p::render(p::assess_dosing_weight(m, o).value(), cat);
}
p::dosing_weight_options above_120() {
    return p::policies::adjusted(p::adjustment_factor::aibw25,
                                 p::trigger_percent_ibw_above(hsct::percent(120.0, u::pct)));
}

constexpr hsct::catalogue_entry german[] = {
    {"dosing_weight_criterion", "percent_ibw_trigger", "TKG in % des IKG gegen die Schwelle"},
    {"dosing_weight_criterion", "bsa_above_cap", "KOF ueber der Obergrenze"},
    {"outcome", "met", "erfuellt"},
    {"outcome", "not_met", "nicht erfuellt"},
    {"text", "unverified", "hsct-Lesart, ungeprueft"},
    {"adjustment_factor", "aibw25", "angepasst 25% (AIBW25)"},
    {"weight_source", "actual", "tatsaechliches Koerpergewicht"},
    {"dosing_weight", "no_trigger", "keine Schwelle (gilt fuer alle)"},
    {"dosing_weight", "bsa", "KOF"},
    {"dosing_weight", "from", "aus"},
    {"dosing_weight", "capped_at", "begrenzt auf"},
    {"dosing_weight", "policy", "Regel"},
    {"dosing_weight", "ibw", "IKG"},
    {"dosing_weight", "tbw", "TKG"},
};
}  // namespace

TEST_CASE("the busulfan sentence (section 11.6)",
          "[patient][dosing_weight][text][PAT-DOSE-005][PAT-DOSE-010][CORE-EXPLAIN-003]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    CHECK(rendered(m, p::commonly_reported_policy(p::agent_class::busulfan)) ==
          "TBW as % of IBW against the trigger: 210.9 % > 120 %: met (hsct reading, unverified) "
          "[PAT-DOSE-002]: adjusted 25% (AIBW25, busulfan label) = 72.68 kg (IBW 56.91 kg, TBW "
          "120.00 kg) [policy: busulfan: commonly reported practice [unverified as normative]]");
    CHECK(rendered(m, p::commonly_reported_policy(p::agent_class::fludarabine)) ==
          "no trigger (applies to every patient): BSA (Mosteller 1987) from actual body weight "
          "120.00 kg = 2.345 m2 [policy: fludarabine: commonly reported practice [unverified as "
          "normative]]");
    CHECK(contains(rendered(m, p::commonly_reported_policy(p::agent_class::melphalan)),
                   "BSA (Mosteller 1987) from adjusted 25% (AIBW25, busulfan label) = 72.68 kg"));
}

TEST_CASE("each weight basis says which weight and why",
          "[patient][dosing_weight][text][PAT-DOSE-001][PAT-DOSE-006][PAT-ABW-003][PAT-IBW-002]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    CHECK(rendered(m, p::policies::actual_weight()) ==
          "no trigger (applies to every patient): actual body weight 120.00 kg [policy: actual "
          "body weight]");
    CHECK(contains(rendered(m, p::policies::ideal_weight()),
                   ": ideal body weight (Devine 1974) 56.91 kg [policy: ideal body weight]"));
    CHECK(contains(rendered(m, p::policies::lesser_of_ideal_and_actual()),
                   "lesser of ideal and actual: ideal body weight 56.91 kg (IBW below TBW: 56.91 kg "
                   "< 120 kg: met [PAT-DOSE-001])"));
    CHECK(contains(rendered(measures(165.0, 50.0, hsct::sex::female),
                            p::policies::lesser_of_ideal_and_actual()),
                   "lesser of ideal and actual: actual body weight 50.00 kg"));
    // PAT-ABW-003: TBW not above IBW, the factor not applied, and why
    CHECK(contains(rendered(measures(180.0, 50.0, hsct::sex::male),
                            p::policies::adjusted(p::adjustment_factor::aibw25, p::trigger_always())),
                   "actual body weight 50.00 kg (adjusted 25% (AIBW25, busulfan label) not applied: "
                   "TBW above IBW (adjustment applies): 50.00 kg > 74.99 kg: not met [PAT-ABW-003])"));
    // below 60 in, the short-stature policy is named
    CHECK(contains(rendered(measures(150.0, 70.0, hsct::sex::female), p::policies::ideal_weight()),
                   "43.33 kg [height under 60 in: extrapolate below 60 in]"));
    CHECK_FALSE(contains(rendered(measures(152.4, 70.0, hsct::sex::female), p::policies::ideal_weight()),
                         "under 60 in"));
}

TEST_CASE("a trigger value is never shown contradicting its comparison",
          "[patient][dosing_weight][text][PAT-DOSE-007][PAT-DOSE-002][CORE-EXPLAIN-003]") {
    // man 152.4 cm: IBW 50 kg; 60 kg is exactly 120 %, 60.02 kg 120.04 %, 59.98 kg 119.96 %
    CHECK(contains(rendered(measures(152.4, 60.0, hsct::sex::male), above_120()),
                   "TBW as % of IBW against the trigger: 120.0 % > 120 %: not met [PAT-DOSE-002]: "
                   "actual body weight 60.00 kg"));
    CHECK(contains(rendered(measures(152.4, 60.02, hsct::sex::male), above_120()),
                   "120.04 % > 120 %: met"));
    CHECK(contains(rendered(measures(152.4, 59.98, hsct::sex::male), above_120()),
                   "119.96 % > 120 %: not met"));
    const auto inclusive = p::policies::adjusted(
        p::adjustment_factor::aibw25, p::trigger_percent_ibw_at_least(hsct::percent(120.0, u::pct)));
    CHECK(contains(rendered(measures(152.4, 60.0, hsct::sex::male), inclusive),
                   "120.0 % >= 120 %: met"));
    // BMI 29.975 is not shown as "30.0 >= 30"
    const auto bmi30 = p::policies::ideal_weight(
        p::trigger_bmi_at_least(hsct::body_mass_index(30.0, u::kg_per_m2)));
    CHECK(contains(rendered(measures(200.0, 119.9, hsct::sex::male), bmi30),
                   "BMI against the trigger: 29.98 kg/m2 >= 30 kg/m2: not met"));
    CHECK(contains(rendered(measures(160.0, 76.8, hsct::sex::male), bmi30),
                   "30.0 kg/m2 >= 30 kg/m2: met"));
    auto either = bmi30;
    either.trigger.rule = p::trigger_rule::percent_ibw_or_bmi;
    CHECK(contains(rendered(measures(165.0, 75.0, hsct::sex::female), either),
                   "131.8 % > 120 %: met [PAT-DOSE-002]; BMI against the trigger: 27.5 kg/m2 >= 30 "
                   "kg/m2: not met"));
}

TEST_CASE("the BSA cap below and above", "[patient][dosing_weight][text][PAT-DOSE-004]") {
    CHECK(contains(rendered(measures(180.0, 81.0, hsct::sex::male), p::policies::bsa_capped_2m2()),
                   "= 2.012 m2; BSA above the cap: 2.012 m2 > 2 m2: met [PAT-DOSE-004], capped at "
                   "2.000 m2 [policy: BSA from actual body weight, capped at 2 m2]"));
    CHECK(contains(rendered(measures(180.0, 80.0, hsct::sex::male), p::policies::bsa_capped_2m2()),
                   "= 2.000 m2; BSA above the cap: 2.000 m2 > 2 m2: not met [PAT-DOSE-004] [policy"));
}

TEST_CASE("a policy that does not apply says which criterion decided it",
          "[patient][dosing_weight][text][PAT-IBW-004][PAT-IBW-002]") {
    const auto child = p::body_measures::make(p::height::make(140.0, u::cm).value(),
                                              p::body_weight::make(60.0, u::kg).value(),
                                              hsct::sex::male, *hsct::age::make(12, 3))
                           .value();
    CHECK(rendered(child, p::commonly_reported_policy(p::agent_class::busulfan)) ==
          "policy does not apply: age at least 18 years (adult IBW and BMI cut-offs): 12 years "
          ">= 18 years: not met [PAT-IBW-004] [policy: busulfan: commonly reported practice "
          "[unverified as normative]]");
    auto refuse = p::policies::ideal_weight();
    refuse.below_60_in = p::short_stature_policy::refuse;
    CHECK(rendered(measures(152.39, 70.0, hsct::sex::female), refuse) ==
          "policy does not apply: height at least 60 in (no IBW below it under this policy): "
          "152.39 cm >= 152.4 cm: not met [PAT-IBW-002] [policy: ideal body weight]");
}

TEST_CASE("the dosing sentence through a second catalogue",
          "[patient][dosing_weight][text][CORE-EXPLAIN-002]") {
    const hsct::table_catalogue de(german);
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    CHECK(rendered(m, p::commonly_reported_policy(p::agent_class::busulfan), de) ==
          "TKG in % des IKG gegen die Schwelle: 210.9 % > 120 %: erfuellt (hsct-Lesart, "
          "ungeprueft) [PAT-DOSE-002]: angepasst 25% (AIBW25) = 72.68 kg (IKG 56.91 kg, TKG "
          "120.00 kg) [Regel: busulfan: commonly reported practice [unverified as normative]]");
    CHECK(rendered(measures(180.0, 81.0, hsct::sex::male), p::policies::bsa_capped_2m2(), de) ==
          "keine Schwelle (gilt fuer alle): KOF (Mosteller 1987) aus tatsaechliches "
          "Koerpergewicht 81.00 kg = 2.012 m2; KOF ueber der Obergrenze: 2.012 m2 > 2 m2: "
          "erfuellt [PAT-DOSE-004], begrenzt auf 2.000 m2 [Regel: BSA from actual body weight, "
          "capped at 2 m2]");
}

}  // namespace hsct_test_patient_dosing_weight_text_test
