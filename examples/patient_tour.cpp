// A patient's pre-transplant assessment with hsct::patient: age, body size, dosing weights,
// performance status, HCT-CI, Disease Risk Index and the EBMT risk score. Every result says
// which rule and policy decided it. Output is checked against patient_tour.expected in CI.
#include <hsct/hsct.hpp>
#include <hsct/io.hpp>  // operator<< and render(): opt-in

#include <chrono>
#include <iostream>

int main() {
    namespace p = hsct::patient;
    namespace u = hsct::units;
    using namespace std::chrono;

    // Who: a 45-year-old woman with AML (adverse cytogenetics) in first remission.
    const sys_days birth{1979y / April / 2};
    const sys_days hct_date{2024y / June / 10};
    const hsct::age age = hsct::age::make(birth, hct_date).value();
    std::cout << "age at HCT: " << age << "\n";

    // Body size from untrusted input, then BSA and weights.
    const auto height = p::parse_height("165 cm").value();
    const auto weight = p::body_weight::make(120.0, u::kg.info).value();
    std::cout << "BMI " << hsct::to_string(p::bmi(weight, height)) << ", BSA (Mosteller) "
              << hsct::to_string(p::bsa_mosteller(height, weight)) << "\n";
    const auto refused = p::parse_height("0 cm");
    std::cout << "refused: " << refused.error().message() << "\n";
    std::cout << p::ideal_body_weight(height, hsct::sex::female, age).value() << "\n";

    // Dosing weight for busulfan and fludarabine, by the commonly reported practice tables.
    const auto measures = p::body_measures::make(height, weight, hsct::sex::female, age).value();
    for (const auto agent : {p::agent_class::busulfan, p::agent_class::fludarabine}) {
        const auto basis = p::assess_dosing_weight(measures, p::commonly_reported_policy(agent));
        std::cout << p::to_string(agent) << ": " << basis.value() << "\n";
    }
    const auto bu =
        p::assess_dosing_weight(measures, p::commonly_reported_policy(p::agent_class::busulfan));
    std::cout << "busulfan 3.2 mg/kg -> "
              << hsct::to_string(bu->dose(hsct::dose_per_mass(3.2, u::mg_per_kg)).value()) << "\n";

    // Performance status: which scale applies, and ECOG under a named mapping.
    const auto kps = p::karnofsky_score::make(80).value();
    std::cout << p::assess_performance_scale(age).value() << "\n";
    std::cout << p::to_ecog(kps, p::kps_ecog_mapping::conventional).value() << "\n";

    // HCT-CI from measurements (Sorror 2013 definitions by default).
    p::hct_ci_input in;
    in.age_at_hct = age;
    in.pulmonary.fev1 = hsct::percent(72.0, u::pct);
    in.pulmonary.dlco = hsct::percent(84.0, u::pct);
    in.pulmonary.dlco_basis = p::dlco_correction::haemoglobin_corrected;
    in.pulmonary.dyspnoea_level = p::dyspnoea::none;
    in.pulmonary.requires_oxygen = false;
    in.renal.creatinine = hsct::from_lab<hsct::creatinine>(88.0, "umol/L").value();
    in.arrhythmia = true;
    const auto hctci = p::assess_hct_ci(in);
    std::cout << hctci.value();  // one line per item, each ending in a newline

    // Disease Risk Index and EBMT risk score.
    const auto dri = p::assess_dri(
        {hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse), hsct::disease_status::cr1});
    std::cout << dri.value() << "\n";
    const p::ebmt_input ebmt{age, hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse),
                             hsct::disease_status::cr1, sys_days{2024y / January / 10}, hct_date,
                             hsct::donor_type::unrelated, hsct::sex::female, hsct::sex::male};
    std::cout << p::assess_ebmt(ebmt).value() << "\n";
    return 0;
}
