// The HCT-CI input every HCT-CI test starts from (tests/patient/hct_ci_test.cpp,
// hct_ci_text_test.cpp): every item known and absent.
#ifndef HSCT_TESTS_SUPPORT_HCT_CI_INPUTS_HPP
#define HSCT_TESTS_SUPPORT_HCT_CI_INPUTS_HPP

#include <hsct/patient/hct_ci.hpp>

#include <vector>

namespace hsct_test {

/// Every HCT-CI item known and absent: the score is 0 and complete (age 50 years).
inline hsct::patient::hct_ci_input hct_ci_baseline() {
    namespace hp = hsct::patient;
    namespace u = hsct::units;
    const auto pct = [](double v) { return hsct::percent(v, u::pct); };
    hp::hct_ci_input in;
    in.age_at_hct = hsct::age::make(50, 0).value();
    in.pulmonary.fev1 = pct(100.0);
    in.pulmonary.dlco = pct(100.0);
    in.pulmonary.dlco_basis = hp::dlco_correction::haemoglobin_corrected;
    in.pulmonary.dyspnoea_level = hp::dyspnoea::none;
    in.pulmonary.requires_oxygen = false;
    in.hepatic.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::make(
        hsct::bilirubin(0.6, u::mg_per_dl), hsct::bilirubin(1.2, u::mg_per_dl)).value();
    in.hepatic.ast = hsct::lab_with_uln<hsct::ast>::make(hsct::ast(20.0, u::u_per_l),
                                                         hsct::ast(40.0, u::u_per_l)).value();
    in.hepatic.alt = hsct::lab_with_uln<hsct::alt>::make(hsct::alt(20.0, u::u_per_l),
                                                         hsct::alt(40.0, u::u_per_l)).value();
    in.hepatic.chronic_hepatitis = false;
    in.hepatic.hepatitis_b_or_c_history = false;
    in.hepatic.cirrhosis = false;
    in.renal.creatinine = hsct::creatinine(0.9, u::mg_per_dl);
    in.renal.on_dialysis = false;
    in.renal.prior_renal_transplant = false;
    in.cardiac.lvef = pct(60.0);
    in.cardiac.coronary_artery_disease = false;
    in.cardiac.congestive_heart_failure = false;
    in.cardiac.myocardial_infarction = false;
    in.obesity.bmi = hsct::body_mass_index(24.0, u::kg_per_m2);
    in.infection.antimicrobials_continued_after_day_0 = false;
    in.infection.infection_treated_across_conditioning_start = false;
    in.prior_tumours = std::vector<hp::prior_tumour>{};
    in.heart_valve = hp::heart_valve_finding::none;
    in.diabetes = hp::diabetes_treatment::none;
    in.psychiatric = hp::psychiatric_history::none;
    in.arrhythmia = false;
    in.inflammatory_bowel_disease = false;
    in.cerebrovascular = false;
    in.rheumatologic = false;
    in.peptic_ulcer = false;
    return in;
}

}  // namespace hsct_test

#endif  // HSCT_TESTS_SUPPORT_HCT_CI_INPUTS_HPP
