// Complication time points for tests: an engraftment-syndrome day and a TA-TMA assessment on
// which every input is given and nothing is met, shared by each rule's test and text test (the
// tests change what they need from there).
#ifndef HSCT_TESTS_SUPPORT_COMPLICATION_POINTS_HPP
#define HSCT_TESTS_SUPPORT_COMPLICATION_POINTS_HPP

#include <hsct/complications/engraftment_syndrome.hpp>
#include <hsct/complications/ta_tma.hpp>

namespace hsct_test {

inline hsct::complications::body_temperature celsius(double t) {
    return *hsct::complications::body_temperature::make(t, hsct::complications::temperature_unit::celsius);
}

inline hsct::complications::blood_pressure bp(double s, double d) {
    return *hsct::complications::blood_pressure::make(s, d, hsct::complications::pressure_unit::mmhg);
}

inline hsct::complications::protein_creatinine_ratio upcr(double mg_per_mg) {
    return *hsct::complications::protein_creatinine_ratio::make(mg_per_mg, hsct::complications::upcr_unit::mg_per_mg);
}

/// An engraftment-syndrome day on which everything is observed and nothing is met (weight 70 kg,
/// creatinine 1.0 mg/dL: the baselines the tests' inputs give).
inline hsct::complications::es_observation quiet(int day) {
    hsct::complications::es_observation o;
    o.day = hsct::transplant_day::at(day);
    o.temperature = celsius(37.0);
    o.infection_identified = false;
    o.rash_bsa = hsct::percent(0.0, hsct::units::pct);
    o.rash_drug_attributed = false;
    o.pulmonary_infiltrates = false;
    o.hypoxia = false;
    o.pulmonary_other_cause = false;
    o.weight = hsct::mass(70.0, hsct::units::kg);
    o.bilirubin = hsct::bilirubin(0.8, hsct::units::mg_per_dl);
    o.alt = *hsct::lab_with_uln<hsct::alt>::from_multiple(0.5);
    o.ast = *hsct::lab_with_uln<hsct::ast>::from_multiple(0.5);
    o.creatinine = hsct::creatinine(1.0, hsct::units::mg_per_dl);
    o.encephalopathy = false;
    o.liquid_stools = 0;
    o.stool_infection_identified = false;
    return o;
}

/// A TA-TMA time point at which every input is given and nothing is met (haemoglobin 10 g/dL,
/// platelets 100, creatinine 1.0 mg/dL: the baselines the tests' inputs give).
inline hsct::complications::ta_tma_assessment normal(int day) {
    hsct::complications::ta_tma_assessment a;
    a.day = hsct::transplant_day::at(day);
    a.haemoglobin = hsct::haemoglobin(10.0, hsct::units::g_per_dl);
    a.rbc_transfusion_independence_not_achieved = false;
    a.new_rbc_transfusion_dependence = false;
    a.platelets = hsct::platelets(100.0, hsct::units::giga_per_l);
    a.platelet_engraftment_failure = false;
    a.platelet_transfusions_above_expected = false;
    a.platelet_refractoriness = false;
    a.ldh = *hsct::lab_with_uln<hsct::ldh>::from_multiple(0.8);
    a.schistocytes = false;
    a.bp = bp(120, 70);
    a.bp_percentile = hsct::percent(50.0, hsct::units::pct);
    a.rupcr = upcr(0.1);
    a.urine_protein = hsct::mass_concentration(10.0, hsct::units::mg_per_dl);
    a.sc5b9 = *hsct::complications::sc5b9_level::from_multiple(0.5);
    a.creatinine = hsct::creatinine(1.0, hsct::units::mg_per_dl);
    a.renal_replacement_therapy = false;
    a.organ_dysfunction = hsct::enum_set<hsct::complications::tma_organ>{};
    a.acute_gvhd_grade_2_to_4 = false;
    a.systemic_infection = false;
    return a;
}

}  // namespace hsct_test

#endif  // HSCT_TESTS_SUPPORT_COMPLICATION_POINTS_HPP
