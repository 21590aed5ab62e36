// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The Hematopoietic Cell Transplantation-specific Comorbidity Index (HCT-CI; Sorror et al.,
// Blood 2005;106:2912-2919) and the HCT-CI/age composite (Sorror et al., J Clin Oncol
// 2014;32:3249-3256).
//
// The caller supplies measurements and findings; hsct decides each of the 17 items under a
// named definition set, and says why:
//
//   hsct::patient::hct_ci_input in;
//   in.pulmonary.fev1 = hsct::percent(72.0, hsct::units::pct);      // % of predicted
//   in.arrhythmia = true;
//   ...                                                              // every other item
//   auto r = hsct::patient::assess_hct_ci(in);                       // result<hct_ci_result>
//   r->score.value();        // 3 (lower bound while r->unassessed is not empty)
//   r->scored[0].trigger;    // "FEV1 72 % of predicted"
//
// Missing inputs are std::optional and are never read as "normal": an item whose deciding
// inputs are missing is listed in hct_ci_result::unassessed (PAT-HCTCI-018).
#ifndef HSCT_PATIENT_HCT_CI_HPP
#define HSCT_PATIENT_HCT_CI_HPP

#include <array>
#include <cmath>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/core/analyte.hpp"
#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/detail/threshold.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/patient/vocabulary.hpp"

namespace hsct::patient {

// =========================================================================================
// Vocabulary
// =========================================================================================

/// Which published wording decides each item (PAT-HCTCI-005, PAT-HCTCI-007..013,
/// PAT-HCTCI-022). The numbers are stable and may be stored with a score.
enum class hct_ci_definition_set : std::uint8_t {
    /// Sorror et al., Blood 2005;106:2912, as adapted in the NCI PDQ table: heart valve
    /// "excluding mitral valve prolapse"; infection "requiring continuation of antimicrobial
    /// treatment after day 0"; psychiatric "requiring psychiatric consult or treatment" (scored
    /// only when current, PAT-HCTCI-012); adult BMI rule only; mild hepatic "chronic hepatitis"
    /// (a prior HBV/HCV history counts only by hct_ci_hepatitis_history_policy, PAT-HCTCI-022;
    /// the EBMT Handbook 2024 Table 11.5 reproduces this wording but adds it).
    sorror_2005 = 1,
    /// Sorror, Blood 2013;121:2854, Table 1 clarifications: only asymptomatic MVP excluded;
    /// infection "documented infection or FUO requiring antimicrobials before, during and after
    /// the start of conditioning"; psychiatric "at the time of HCT"; children obese at
    /// BMI-for-age >= 95th percentile. The hsct default.
    sorror_2013 = 2,
    /// CIBMTR Forms Instruction Manual, Appendix J. Items whose CIBMTR text the reference notes
    /// record: any diagnosed history of hepatitis B or C as mild hepatic (clarification of
    /// 20 Dec 2023), paediatric shortening fraction < 26 % as cardiac, steroid-induced
    /// hyperglycaemia on medication as diabetes, DLCO corrected for haemoglobin. Items whose
    /// Appendix J wording hsct has NOT read are decided by an hsct reading and flagged on the
    /// result (hct_ci_finding::verified == false, hct_ci_result::unverified_readings):
    /// infection uses the 2005 question (antimicrobials continued after day 0); psychiatric
    /// scores only a current disturbance; heart valve excludes only asymptomatic MVP (2013);
    /// a child's obesity is BMI-for-age >= 95th percentile (2013). Every other item uses the
    /// wording shared by the Sorror texts.
    cibmtr = 3,
};

constexpr auto hsct_enum_table(hct_ci_definition_set) noexcept {
    return make_enum_table<hct_ci_definition_set>("hct_ci_definition_set", {
        {hct_ci_definition_set::sorror_2005, "sorror_2005", "Sorror 2005 (PDQ adaptation)"},
        {hct_ci_definition_set::sorror_2013, "sorror_2013", "Sorror 2013 (Blood 2013;121:2854 Table 1)"},
        {hct_ci_definition_set::cibmtr, "cibmtr", "CIBMTR Appendix J (Dec 2023)"},
    });
}


/// The 17 comorbidity items, in the order of Sorror 2005. The numbers are stable.
enum class hct_ci_item : std::uint8_t {
    arrhythmia = 1,
    cardiac = 2,
    inflammatory_bowel_disease = 3,
    diabetes = 4,
    cerebrovascular = 5,
    psychiatric = 6,
    hepatic_mild = 7,
    obesity = 8,
    infection = 9,
    rheumatologic = 10,
    peptic_ulcer = 11,
    renal = 12,
    pulmonary_moderate = 13,
    prior_solid_tumour = 14,
    heart_valve = 15,
    pulmonary_severe = 16,
    hepatic_severe = 17,
};

constexpr auto hsct_enum_table(hct_ci_item) noexcept {
    return make_enum_table<hct_ci_item>("hct_ci_item", {
        {hct_ci_item::arrhythmia, "arrhythmia", "arrhythmia"},
        {hct_ci_item::cardiac, "cardiac", "cardiac"},
        {hct_ci_item::inflammatory_bowel_disease, "inflammatory_bowel_disease", "inflammatory bowel disease"},
        {hct_ci_item::diabetes, "diabetes", "diabetes"},
        {hct_ci_item::cerebrovascular, "cerebrovascular", "cerebrovascular disease"},
        {hct_ci_item::psychiatric, "psychiatric", "psychiatric disturbance"},
        {hct_ci_item::hepatic_mild, "hepatic_mild", "hepatic, mild"},
        {hct_ci_item::obesity, "obesity", "obesity"},
        {hct_ci_item::infection, "infection", "infection"},
        {hct_ci_item::rheumatologic, "rheumatologic", "rheumatologic"},
        {hct_ci_item::peptic_ulcer, "peptic_ulcer", "peptic ulcer"},
        {hct_ci_item::renal, "renal", "renal, moderate/severe"},
        {hct_ci_item::pulmonary_moderate, "pulmonary_moderate", "pulmonary, moderate"},
        {hct_ci_item::prior_solid_tumour, "prior_solid_tumour", "prior solid tumour"},
        {hct_ci_item::heart_valve, "heart_valve", "heart valve disease"},
        {hct_ci_item::pulmonary_severe, "pulmonary_severe", "pulmonary, severe"},
        {hct_ci_item::hepatic_severe, "hepatic_severe", "hepatic, moderate/severe"},
    });
}

/// HCT-CI points: a weight, an item's contribution, or a total.
///
/// PAT-HCTCI-021: the range is 0-30, so that every sum of distinct items' weights plus the
/// age point is representable: the 17 weights sum to 29 (max_item_weights), and 30 with the
/// HCT-CI/age point. A score under the tier rule (PAT-HCTCI-015: only the higher tier of
/// hepatic and of pulmonary counts) is at most 26 (max_score), 27 with the age point.
class hct_ci_points {
public:
    /// The sum of all 17 item weights (Sorror 2005 Table 3): 29.
    static constexpr int max_item_weights = 29;
    /// The highest HCT-CI under the tier rule: 29 - 1 (mild hepatic) - 2 (moderate pulmonary).
    static constexpr int max_score = 26;
    /// The type's range: max_item_weights + 1 age point (Sorror 2014).
    static constexpr int max_points = max_item_weights + 1;

    constexpr hct_ci_points() noexcept = default;
    /// Precondition (contract): 0 <= v <= 30.
    constexpr explicit hct_ci_points(int v) : v_(v) {
        HSCT_EXPECTS(v >= 0 && v <= max_points, "hct_ci_points: outside 0-30");
    }
    [[nodiscard]] constexpr int value() const noexcept { return v_; }

    /// Precondition (contract): the sum is at most 30, as any sum of distinct items' weights
    /// plus the age point is (summing all 17 weights gives 29).
    [[nodiscard]] friend constexpr hct_ci_points operator+(hct_ci_points a, hct_ci_points b) {
        return hct_ci_points(a.v_ + b.v_);
    }
    friend constexpr bool operator==(hct_ci_points, hct_ci_points) noexcept = default;
    friend constexpr auto operator<=>(hct_ci_points, hct_ci_points) noexcept = default;

private:
    int v_{0};
};

/// PAT-HCTCI-001: item weights, Sorror 2005 (Blood 2005;106:2912, Table 3 via the NCI PDQ
/// adaptation, pmidcalc and QxMD; confirmed by EBMT Handbook 2024 Table 11.5). One point:
/// arrhythmia, cardiac, IBD, diabetes, cerebrovascular, psychiatric, mild hepatic, obesity,
/// infection. Two: rheumatologic, peptic ulcer, renal, moderate pulmonary. Three: prior solid
/// tumour, heart valve, severe pulmonary, moderate/severe hepatic. Same in every definition set.
/// Precondition (contract): is_valid(i); read a stored item number with make_enum<hct_ci_item>.
[[nodiscard]] constexpr hct_ci_points hct_ci_weight(hct_ci_item i) noexcept {
    switch (i) {
        case hct_ci_item::arrhythmia:
        case hct_ci_item::cardiac:
        case hct_ci_item::inflammatory_bowel_disease:
        case hct_ci_item::diabetes:
        case hct_ci_item::cerebrovascular:
        case hct_ci_item::psychiatric:
        case hct_ci_item::hepatic_mild:
        case hct_ci_item::obesity:
        case hct_ci_item::infection: return hct_ci_points(1);
        case hct_ci_item::rheumatologic:
        case hct_ci_item::peptic_ulcer:
        case hct_ci_item::renal:
        case hct_ci_item::pulmonary_moderate: return hct_ci_points(2);
        case hct_ci_item::prior_solid_tumour:
        case hct_ci_item::heart_valve:
        case hct_ci_item::pulmonary_severe:
        case hct_ci_item::hepatic_severe: return hct_ci_points(3);
    }
    HSCT_EXPECTS(false, "hct_ci_weight: hct_ci_item is not a declared value");
    return hct_ci_points(0);
}

/// PAT-HCTCI-016: risk groups of Sorror 2005 (0 low, 1-2 intermediate, >= 3 high).
enum class hct_ci_risk_group : std::uint8_t { low = 1, intermediate = 2, high = 3 };

constexpr auto hsct_enum_table(hct_ci_risk_group) noexcept {
    return make_enum_table<hct_ci_risk_group>("hct_ci_risk_group", {
        {hct_ci_risk_group::low, "low", "low (0)"},
        {hct_ci_risk_group::intermediate, "intermediate", "intermediate (1-2)"},
        {hct_ci_risk_group::high, "high", "high (>= 3)"},
    });
}

[[nodiscard]] constexpr hct_ci_risk_group hct_ci_risk_group_of(hct_ci_points p) noexcept {
    return p.value() == 0 ? hct_ci_risk_group::low
           : p.value() <= 2 ? hct_ci_risk_group::intermediate
                            : hct_ci_risk_group::high;
}

/// PAT-HCTCI-017: the HCT-CI/age composite groups of Sorror 2014 (0-2, 3-4, >= 5).
enum class hct_ci_age_group : std::uint8_t { score_0_to_2 = 1, score_3_to_4 = 2, score_5_or_more = 3 };

constexpr auto hsct_enum_table(hct_ci_age_group) noexcept {
    return make_enum_table<hct_ci_age_group>("hct_ci_age_group", {
        {hct_ci_age_group::score_0_to_2, "score_0_to_2", "0-2"},
        {hct_ci_age_group::score_3_to_4, "score_3_to_4", "3-4"},
        {hct_ci_age_group::score_5_or_more, "score_5_or_more", ">= 5"},
    });
}


[[nodiscard]] constexpr hct_ci_age_group hct_ci_age_group_of(hct_ci_points p) noexcept {
    return p.value() <= 2 ? hct_ci_age_group::score_0_to_2
           : p.value() <= 4 ? hct_ci_age_group::score_3_to_4
                            : hct_ci_age_group::score_5_or_more;
}

// =========================================================================================
// Inputs
// =========================================================================================

/// Dyspnoea as the pulmonary items grade it.
enum class dyspnoea : std::uint8_t {
    none = 1,
    on_slight_activity = 2,  ///< moderate pulmonary (2 points)
    at_rest = 3,             ///< severe pulmonary (3 points)
};

constexpr auto hsct_enum_table(dyspnoea) noexcept {
    return make_enum_table<dyspnoea>("dyspnoea", {
        {dyspnoea::none, "none", "no dyspnoea"},
        {dyspnoea::on_slight_activity, "on_slight_activity", "dyspnoea on slight activity"},
        {dyspnoea::at_rest, "at_rest", "dyspnoea at rest"},
    });
}


/// Whether a DLCO value is corrected for haemoglobin (CIBMTR Appendix J requires corrected).
enum class dlco_correction : std::uint8_t {
    not_stated = 0,
    haemoglobin_corrected = 1,
    uncorrected = 2,
};

constexpr auto hsct_enum_table(dlco_correction) noexcept {
    return make_enum_table<dlco_correction>("dlco_correction", {
        {dlco_correction::not_stated, "not_stated", "haemoglobin correction not stated"},
        {dlco_correction::haemoglobin_corrected, "haemoglobin_corrected", "haemoglobin-corrected"},
        {dlco_correction::uncorrected, "uncorrected", "not corrected for haemoglobin"},
    });
}


/// Pulmonary function (items 13 and 16).
struct hct_ci_pulmonary {
    std::optional<hsct::percent> fev1;  ///< FEV1, % of predicted
    std::optional<hsct::percent> dlco;  ///< DLCO, % of predicted
    dlco_correction dlco_basis = dlco_correction::not_stated;
    std::optional<dyspnoea> dyspnoea_level;
    std::optional<bool> requires_oxygen;  ///< supplemental oxygen needed
};

/// A laboratory value with the upper limit of normal of the laboratory that measured it.
template <class A>
struct lab_with_uln {
    A value;
    A upper_limit_of_normal;
};

/// Liver (items 7 and 17).
struct hct_ci_hepatic {
    std::optional<lab_with_uln<hsct::bilirubin>> bilirubin;
    std::optional<lab_with_uln<hsct::ast>> ast;
    std::optional<lab_with_uln<hsct::alt>> alt;
    std::optional<bool> chronic_hepatitis;
    /// Any diagnosed history of hepatitis B or C. Read under CIBMTR (PAT-HCTCI-005) or when
    /// hct_ci_hepatitis_history_policy::count_as_mild_hepatic asks for it (PAT-HCTCI-022).
    std::optional<bool> hepatitis_b_or_c_history;
    std::optional<bool> cirrhosis;
};

/// Kidney (item 12).
struct hct_ci_renal {
    std::optional<hsct::creatinine> creatinine;  ///< serum creatinine, any unit
    std::optional<bool> on_dialysis;
    std::optional<bool> prior_renal_transplant;
};

/// Heart (item 2).
struct hct_ci_cardiac {
    std::optional<hsct::percent> lvef;  ///< left ventricular ejection fraction
    /// Shortening fraction; counts only under CIBMTR for patients under 18 (PAT-HCTCI-007).
    std::optional<hsct::percent> shortening_fraction;
    std::optional<bool> coronary_artery_disease;  ///< >= 1 vessel needing treatment, stent or bypass
    std::optional<bool> congestive_heart_failure;
    std::optional<bool> myocardial_infarction;
};

/// Body size (item 8).
struct hct_ci_obesity {
    std::optional<hsct::body_mass_index> bmi;
    /// BMI-for-age percentile (children; Sorror 2013 and CIBMTR), as a percent 0-100.
    std::optional<hsct::percent> bmi_for_age_percentile;
};

/// Prior tumour types (item 14).
enum class prior_tumour : std::uint8_t {
    non_melanoma_skin_cancer = 1,  ///< basal or squamous cell skin carcinoma: excluded
    melanoma = 2,
    other_solid_tumour = 3,
};

constexpr auto hsct_enum_table(prior_tumour) noexcept {
    return make_enum_table<prior_tumour>("prior_tumour", {
        {prior_tumour::non_melanoma_skin_cancer, "non_melanoma_skin_cancer", "non-melanoma skin cancer"},
        {prior_tumour::melanoma, "melanoma", "melanoma"},
        {prior_tumour::other_solid_tumour, "other_solid_tumour", "solid tumour"},
    });
}


/// Heart valve findings (item 15). Report the most significant finding.
enum class heart_valve_finding : std::uint8_t {
    none = 1,
    mitral_valve_prolapse_asymptomatic = 2,
    mitral_valve_prolapse_symptomatic = 3,
    other_valve_disease = 4,  ///< any valve disease other than mitral valve prolapse
};

constexpr auto hsct_enum_table(heart_valve_finding) noexcept {
    return make_enum_table<heart_valve_finding>("heart_valve_finding", {
        {heart_valve_finding::none, "none", "no valve finding"},
        {heart_valve_finding::mitral_valve_prolapse_asymptomatic, "mitral_valve_prolapse_asymptomatic", "asymptomatic mitral valve prolapse"},
        {heart_valve_finding::mitral_valve_prolapse_symptomatic, "mitral_valve_prolapse_symptomatic", "symptomatic mitral valve prolapse"},
        {heart_valve_finding::other_valve_disease, "other_valve_disease", "other valve disease"},
    });
}


/// Diabetes treatment in the 4 weeks before HCT (item 4).
enum class diabetes_treatment : std::uint8_t {
    none = 1,
    diet_only = 2,
    oral_agents = 3,
    insulin = 4,
    /// Steroid-induced hyperglycaemia needing insulin or oral agents (CIBMTR only).
    steroid_hyperglycaemia_on_medication = 5,
};

constexpr auto hsct_enum_table(diabetes_treatment) noexcept {
    return make_enum_table<diabetes_treatment>("diabetes_treatment", {
        {diabetes_treatment::none, "none", "no diabetes treatment"},
        {diabetes_treatment::diet_only, "diet_only", "diet only"},
        {diabetes_treatment::oral_agents, "oral_agents", "oral agents"},
        {diabetes_treatment::insulin, "insulin", "insulin"},
        {diabetes_treatment::steroid_hyperglycaemia_on_medication, "steroid_hyperglycaemia_on_medication", "steroid-induced hyperglycaemia on medication"},
    });
}


/// Depression, anxiety or other psychiatric disturbance (item 6).
enum class psychiatric_history : std::uint8_t {
    none = 1,
    /// Needed psychiatric consult or treatment in the past, not at the time of HCT.
    past_only = 2,
    /// Needs psychiatric consult or treatment at the time of HCT.
    at_time_of_hct = 3,
};

constexpr auto hsct_enum_table(psychiatric_history) noexcept {
    return make_enum_table<psychiatric_history>("psychiatric_history", {
        {psychiatric_history::none, "none", "none"},
        {psychiatric_history::past_only, "past_only", "past only"},
        {psychiatric_history::at_time_of_hct, "at_time_of_hct", "at the time of HCT"},
    });
}


/// Infection (item 9). Each definition set reads its own question.
struct hct_ci_infection {
    /// Sorror 2005 (and, in hsct's unverified reading, CIBMTR): antimicrobial treatment to be
    /// continued after day 0.
    std::optional<bool> antimicrobials_continued_after_day_0;
    /// Sorror 2013: documented infection or fever of unknown origin needing antimicrobial
    /// treatment before, during and after the start of conditioning.
    std::optional<bool> infection_treated_across_conditioning_start;
};

/// Everything the HCT-CI reads. A default-constructed input knows nothing: every item is
/// unassessed until its inputs are given.
struct hct_ci_input {
    std::optional<hsct::age> age_at_hct;  ///< for the paediatric rules and the age composite
    hct_ci_pulmonary pulmonary;
    hct_ci_hepatic hepatic;
    hct_ci_renal renal;
    hct_ci_cardiac cardiac;
    hct_ci_obesity obesity;
    hct_ci_infection infection;
    /// Tumours treated at any time before; an empty list means none.
    std::optional<std::vector<prior_tumour>> prior_tumours;
    std::optional<heart_valve_finding> heart_valve;
    std::optional<diabetes_treatment> diabetes;
    std::optional<psychiatric_history> psychiatric;
    std::optional<bool> arrhythmia;  ///< AF/flutter, sick sinus, ventricular arrhythmia
    std::optional<bool> inflammatory_bowel_disease;  ///< Crohn disease or ulcerative colitis
    std::optional<bool> cerebrovascular;  ///< TIA or stroke (CIBMTR adds intracranial haemorrhage)
    std::optional<bool> rheumatologic;  ///< SLE, RA, polymyositis, mixed CTD, PMR
    std::optional<bool> peptic_ulcer;   ///< requiring treatment
};

// =========================================================================================
// Policies
// =========================================================================================

/// PAT-HCTCI-003: whether a DLCO must be haemoglobin-corrected to be used.
enum class dlco_correction_policy : std::uint8_t {
    /// CIBMTR: corrected required; Sorror 2005/2013: any DLCO accepted. The default.
    per_definition_set = 0,
    require_haemoglobin_corrected = 1,
    accept_any = 2,
};

constexpr auto hsct_enum_table(dlco_correction_policy) noexcept {
    return make_enum_table<dlco_correction_policy>("dlco_correction_policy", {
        {dlco_correction_policy::per_definition_set, "per_definition_set", "per definition set"},
        {dlco_correction_policy::require_haemoglobin_corrected, "require_haemoglobin_corrected", "require haemoglobin-corrected"},
        {dlco_correction_policy::accept_any, "accept_any", "accept any"},
    });
}


/// PAT-HCTCI-015: how the two tiers of one organ combine. hsct implements one rule and carries
/// it on every result so it is never implicit.
enum class hct_ci_tier_rule : std::uint8_t {
    /// Score only the higher of mild/severe hepatic and of moderate/severe pulmonary.
    higher_tier_only = 1,
};

constexpr auto hsct_enum_table(hct_ci_tier_rule) noexcept {
    return make_enum_table<hct_ci_tier_rule>("hct_ci_tier_rule", {
        {hct_ci_tier_rule::higher_tier_only, "higher_tier_only",
         "higher tier only (hepatic, pulmonary)"},
    });
}

/// PAT-HCTCI-022: whether a diagnosed history of hepatitis B or C is mild hepatic. The primary
/// 2005 and 2013 texts say "chronic hepatitis" only; CIBMTR (20 Dec 2023 clarification) and the
/// EBMT Handbook 2024 Table 11.5 (which otherwise prints the 2005 wording) count a prior HBV or
/// HCV infection. Stable numbers from 1.
enum class hct_ci_hepatitis_history_policy : std::uint8_t {
    /// Counted under CIBMTR only; Sorror 2005/2013 read "chronic hepatitis" alone. The default.
    per_definition_set = 1,
    /// Counted under every definition set (EBMT Handbook 2024 Table 11.5 reading).
    count_as_mild_hepatic = 2,
    /// Never counted, even under CIBMTR (the primary papers' wording).
    not_counted = 3,
};

constexpr auto hsct_enum_table(hct_ci_hepatitis_history_policy) noexcept {
    return make_enum_table<hct_ci_hepatitis_history_policy>("hct_ci_hepatitis_history_policy", {
        {hct_ci_hepatitis_history_policy::per_definition_set, "per_definition_set", "hepatitis B/C history per definition set (CIBMTR only)"},
        {hct_ci_hepatitis_history_policy::count_as_mild_hepatic, "count_as_mild_hepatic", "hepatitis B/C history counted (EBMT Handbook 2024 Table 11.5)"},
        {hct_ci_hepatitis_history_policy::not_counted, "not_counted", "hepatitis B/C history not counted"},
    });
}


/// PAT-HCTCI-018: what an unassessable item does.
enum class hct_ci_missing_policy : std::uint8_t {
    /// Score what can be decided and list the rest in hct_ci_result::unassessed (default).
    report_unassessed = 1,
    /// Refuse the assessment (errc::missing) if any item cannot be decided.
    refuse = 2,
};

constexpr auto hsct_enum_table(hct_ci_missing_policy) noexcept {
    return make_enum_table<hct_ci_missing_policy>("hct_ci_missing_policy", {
        {hct_ci_missing_policy::report_unassessed, "report_unassessed", "report unassessed"},
        {hct_ci_missing_policy::refuse, "refuse", "refuse"},
    });
}


struct hct_ci_options {
    hct_ci_definition_set definition_set = hct_ci_definition_set::sorror_2013;
    dlco_correction_policy dlco = dlco_correction_policy::per_definition_set;
    hct_ci_missing_policy missing = hct_ci_missing_policy::report_unassessed;
    hct_ci_tier_rule tiers = hct_ci_tier_rule::higher_tier_only;
    /// PAT-AGE-002 / K6: read for the age point (>= 40 y) and the paediatric cut-off (< 18 y).
    age_resolution age_rule = age_resolution::completed_years;
    hct_ci_hepatitis_history_policy hepatitis_history =
        hct_ci_hepatitis_history_policy::per_definition_set;  ///< PAT-HCTCI-022
};

// =========================================================================================
// Result
// =========================================================================================

/// An item that scored: its weight and the measurement(s) that decided it.
struct hct_ci_finding {
    hct_ci_item item;
    hct_ci_points weight;
    std::string trigger;  ///< e.g. "FEV1 72 % of predicted"
    /// false when the rule that scored it is hsct's reading of a text not read (CIBMTR
    /// infection, psychiatric, heart valve, paediatric obesity; PAT-HCTCI-023).
    bool verified = true;
};

/// An item that met its criteria but does not add: the higher tier of its organ scored.
struct hct_ci_superseded {
    hct_ci_item item;
    hct_ci_item by;
    std::string trigger;
};

/// An item that could not be decided, and the inputs it lacks.
struct hct_ci_unassessed {
    hct_ci_item item;
    std::string missing;  ///< e.g. "DLCO; oxygen need"
};

/// PAT-HCTCI-017: the HCT-CI/age composite.
struct hct_ci_age_index {
    hct_ci_points comorbidity;  ///< the HCT-CI
    hct_ci_points age_points;   ///< 1 if age >= 40 under the resolution used
    hct_ci_points total;
    hct_ci_age_group group;
    age_resolution resolution;
    std::string age_text;  ///< e.g. "40 years (completed years) >= 40"
    bool complete;         ///< false if the HCT-CI had unassessed items
};

struct hct_ci_result {
    hct_ci_definition_set definition_set;
    hct_ci_tier_rule tiers;
    dlco_correction_policy dlco;
    hct_ci_points score;  ///< sum of the scored weights (a lower bound if not complete())
    hct_ci_risk_group risk_group;
    std::vector<hct_ci_finding> scored;
    std::vector<hct_ci_superseded> superseded;
    std::vector<hct_ci_unassessed> unassessed;
    std::optional<hct_ci_age_index> with_age;  ///< present when input.age_at_hct was given
    hct_ci_hepatitis_history_policy hepatitis_history;  ///< PAT-HCTCI-022
    /// PAT-HCTCI-023: items decided (scored or not) by an hsct reading of a definition that was
    /// not read (CIBMTR infection, psychiatric, heart valve, paediatric obesity). Empty under
    /// Sorror 2005 and 2013.
    std::vector<hct_ci_item> unverified_readings;

    /// Every decided item follows a text that was read (no hsct reading, PAT-HCTCI-023).
    [[nodiscard]] bool readings_verified() const noexcept { return unverified_readings.empty(); }

    /// Every item was decided.
    [[nodiscard]] bool complete() const noexcept { return unassessed.empty(); }
    /// The risk group cannot change whatever the unassessed items turn out to be.
    [[nodiscard]] bool risk_group_final() const noexcept {
        return complete() || risk_group == hct_ci_risk_group::high;
    }
    [[nodiscard]] bool scored_item(hct_ci_item i) const noexcept {
        for (const auto& f : scored) {
            if (f.item == i) {
                return true;
            }
        }
        return false;
    }
    [[nodiscard]] bool is_unassessed(hct_ci_item i) const noexcept {
        for (const auto& u : unassessed) {
            if (u.item == i) {
                return true;
            }
        }
        return false;
    }
};

// =========================================================================================
// Constants (each with its requirement ID and source)
// =========================================================================================

namespace detail {

/// PAT-HCTCI-002: pulmonary cut-offs, % of predicted. Severe <= 65 (Sorror 2005 and 2013; the
/// PDQ table's "< 65" is not followed); moderate 66-80. A non-integer value between 65 and 66
/// is moderate (hsct policy: the gap closes at 65).
inline constexpr double pulmonary_severe_max_pct = 65.0;
inline constexpr double pulmonary_moderate_max_pct = 80.0;
/// PAT-HCTCI-004: hepatic multiples of ULN (Sorror 2013 Table 1). Mild: > 1 to <= 1.5 x ULN
/// (bilirubin), > 1 to <= 2.5 x ULN (AST/ALT); severe above those.
inline constexpr double bilirubin_mild_max_uln = 1.5;
inline constexpr double transaminase_mild_max_uln = 2.5;
/// PAT-HCTCI-006: creatinine > 2 mg/dL (Sorror 2005), compared in mg/dL whatever the unit.
inline constexpr double creatinine_min_exclusive_mg_dl = 2.0;
/// PAT-HCTCI-007: LVEF <= 50 % (Sorror 2005, PDQ, CIBMTR); CIBMTR paediatric SF < 26 %.
inline constexpr double lvef_max_pct = 50.0;
inline constexpr double shortening_fraction_below_pct = 26.0;
/// PAT-HCTCI-008: BMI > 35 kg/m2; children (Sorror 2013, CIBMTR) BMI-for-age >= 95th
/// percentile. "Child" = under 18 years (hsct policy, CIBMTR's paediatric age), age read under
/// hct_ci_options::age_rule (PAT-HCTCI-024).
inline constexpr double bmi_min_exclusive = 35.0;
inline constexpr double bmi_for_age_min_percentile = 95.0;
inline constexpr int paediatric_below_years = 18;
/// PAT-HCTCI-017: HCT-CI/age adds 1 point at age >= 40 years (Sorror 2014).
inline constexpr double age_point_from_years = 40.0;
/// PAT-HCTCI-020: thresholds are compared through core's CORE-THRESH-001 (relative tolerance
/// 1e-9), so decimal lab values whose binary ratio lands a rounding error off the threshold
/// (1.8/1.2, 176.8 umol/L / 88.4) are read as equal to it.

/// PAT-HCTCI-019: accepted input ranges (hsct policy; zero is refused where it can only be a
/// placeholder for "missing").
inline constexpr double pft_min_pct = 1.0;
inline constexpr double pft_max_pct = 200.0;
inline constexpr double ef_min_pct = 1.0;
inline constexpr double ef_max_pct = 100.0;
inline constexpr double bmi_min = 5.0;
inline constexpr double bmi_max = 150.0;

// --- comparisons ------------------------------------------------------------------------
[[nodiscard]] inline bool gt(double v, double t) noexcept { return hsct::detail::above(v, t); }
[[nodiscard]] inline bool le(double v, double t) noexcept { return hsct::detail::at_most(v, t); }
[[nodiscard]] inline bool lt(double v, double t) noexcept { return hsct::detail::below(v, t); }
[[nodiscard]] inline bool ge(double v, double t) noexcept { return hsct::detail::at_least(v, t); }

/// A number for display: at most 2 decimals.
[[nodiscard]] inline std::string shown(double v) {
    return hsct::detail::format_number(std::round(v * 100.0) / 100.0);
}

// --- tri-state criteria -------------------------------------------------------------------
enum class tri : std::uint8_t { no, yes, unknown };

/// One item being decided: criteria add "yes" (with a trigger text), "no", or "unknown" (with
/// the name of the missing input).
struct item_eval {
    bool any_yes = false;
    bool any_unknown = false;
    std::string trigger;
    std::string missing;
    /// PAT-HCTCI-023: decided by an hsct reading of a text not read.
    bool hsct_reading = false;

    void yes(std::string_view why) {
        any_yes = true;
        if (!trigger.empty()) {
            trigger += "; ";
        }
        trigger += why;
    }
    void unknown(std::string_view what) {
        any_unknown = true;
        if (missing.find(what) != std::string::npos) {
            return;
        }
        if (!missing.empty()) {
            missing += "; ";
        }
        missing += what;
    }
    /// A flag criterion: present -> yes, absent -> nothing, missing -> unknown.
    void flag(const std::optional<bool>& f, std::string_view name) {
        if (!f) {
            unknown(name);
        } else if (*f) {
            yes(name);
        }
    }
    [[nodiscard]] tri state() const noexcept {
        return any_yes ? tri::yes : any_unknown ? tri::unknown : tri::no;
    }
};

[[nodiscard]] inline std::string pct_text(const hsct::percent& p) {
    return hsct::detail::concat({hsct::detail::format_number(p.in(hsct::units::pct)), " %"});
}

template <class A>
[[nodiscard]] std::string lab_text(std::string_view name, const lab_with_uln<A>& l) {
    using U = hsct::canonical_unit_t<A>;
    const double ratio = l.value / l.upper_limit_of_normal;
    return hsct::detail::concat({name, " ", shown(l.value.in(U{})), " ", U::info.symbol, " = ",
                                 shown(ratio), " x ULN (ULN ",
                                 shown(l.upper_limit_of_normal.in(U{})), " ", U::info.symbol,
                                 ")"});
}

// --- validation -----------------------------------------------------------------------------
// Every check builds its message text only on the error path: validating a valid input
// allocates nothing.
[[nodiscard]] inline std::optional<hsct::error> check_percent(const std::optional<hsct::percent>& p,
                                                              double lo, double hi,
                                                              std::string_view field,
                                                              std::string_view what) {
    if (!p) {
        return std::nullopt;
    }
    const double v = p->in(hsct::units::pct);
    if (std::isfinite(v) && v >= lo && v <= hi) {
        return std::nullopt;
    }
    return hsct::error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, std::string(field),
                       hsct::detail::concat({hsct::detail::format_number(v), " %"}),
                       hsct::detail::concat({hsct::detail::format_number(lo), "-",
                                             hsct::detail::format_number(hi), " %", what}));
}

/// Checks a lab value against its analyte's plausible range; the field is prefix + suffix.
template <class A>
[[nodiscard]] std::optional<hsct::error> check_lab(const A& v, std::string_view field_prefix,
                                                   std::string_view field_suffix = "") {
    using U = hsct::canonical_unit_t<A>;
    const double x = v.in(U{});
    const auto range = hsct::default_range<A>();
    if (std::isfinite(x) && range.contains(v)) {
        return std::nullopt;
    }
    return hsct::error(std::isfinite(x) ? errc::out_of_range : errc::not_finite,
                       hsct::detail::concat({field_prefix, field_suffix}),
                       hsct::detail::concat({hsct::detail::format_number(x), " ", U::info.symbol}),
                       hsct::to_string(range));
}

template <class A>
[[nodiscard]] std::optional<hsct::error> check_lab_uln(const std::optional<lab_with_uln<A>>& l,
                                                       std::string_view field) {
    if (!l) {
        return std::nullopt;
    }
    if (auto e = check_lab(l->value, field, ".value")) {
        return e;
    }
    if (auto e = check_lab(l->upper_limit_of_normal, field, ".upper_limit_of_normal")) {
        return e;
    }
    using U = hsct::canonical_unit_t<A>;
    if (!(l->upper_limit_of_normal.in(U{}) > 0.0)) {
        const auto range = hsct::default_range<A>();
        return hsct::error(
            errc::out_of_range, hsct::detail::concat({field, ".upper_limit_of_normal"}),
            hsct::detail::concat({hsct::detail::format_number(l->upper_limit_of_normal.in(U{})),
                                  " ", U::info.symbol}),
            hsct::detail::concat({"greater than 0 ", U::info.symbol, ", up to ",
                                  hsct::to_string(range.hi)}));
    }
    return std::nullopt;
}

/// PAT-ENUM-001: every stored enum of the input and options is a declared value.
[[nodiscard]] inline std::optional<hsct::error> validate_enums(const hct_ci_input& in,
                                                               const hct_ci_options& opt) {
    for (auto e : {hsct::detail::check_enum(opt.definition_set, "hct_ci.options.definition_set"),
                   hsct::detail::check_enum(opt.dlco, "hct_ci.options.dlco"),
                   hsct::detail::check_enum(opt.missing, "hct_ci.options.missing"),
                   hsct::detail::check_enum(opt.tiers, "hct_ci.options.tiers"),
                   hsct::detail::check_enum(opt.age_rule, "hct_ci.options.age_rule"),
                   hsct::detail::check_enum(opt.hepatitis_history, "hct_ci.options.hepatitis_history"),
                   hsct::detail::check_enum(in.pulmonary.dlco_basis, "hct_ci.pulmonary.dlco_basis"),
                   hsct::detail::check_enum(in.pulmonary.dyspnoea_level, "hct_ci.pulmonary.dyspnoea_level"),
                   hsct::detail::check_enum(in.heart_valve, "hct_ci.heart_valve"),
                   hsct::detail::check_enum(in.diabetes, "hct_ci.diabetes"),
                   hsct::detail::check_enum(in.psychiatric, "hct_ci.psychiatric")}) {
        if (e) {
            return e;
        }
    }
    if (in.prior_tumours) {
        for (std::size_t i = 0; i < in.prior_tumours->size(); ++i) {
            const prior_tumour t = (*in.prior_tumours)[i];
            if (!hsct::is_valid(t)) {
                return hsct::detail::check_enum(t, hsct::detail::concat({"hct_ci.prior_tumours[",
                                                           std::to_string(i), "]"}));
            }
        }
    }
    return std::nullopt;
}

[[nodiscard]] inline std::optional<hsct::error> validate(const hct_ci_input& in,
                                                         const hct_ci_options& opt) {
    if (auto e = validate_enums(in, opt)) {
        return e;
    }
    if (auto e = check_percent(in.pulmonary.fev1, pft_min_pct, pft_max_pct,
                               "hct_ci.pulmonary.fev1", " of predicted")) {
        return e;
    }
    if (auto e = check_percent(in.pulmonary.dlco, pft_min_pct, pft_max_pct,
                               "hct_ci.pulmonary.dlco", " of predicted")) {
        return e;
    }
    if (in.pulmonary.dlco) {
        const bool require =
            opt.dlco == dlco_correction_policy::require_haemoglobin_corrected ||
            (opt.dlco == dlco_correction_policy::per_definition_set &&
             opt.definition_set == hct_ci_definition_set::cibmtr);
        if (require && in.pulmonary.dlco_basis != dlco_correction::haemoglobin_corrected) {
            return hsct::error(
                errc::not_allowed, "hct_ci.pulmonary.dlco",
                hsct::detail::concat({pct_text(*in.pulmonary.dlco), " of predicted (",
                                      to_string(in.pulmonary.dlco_basis), ")"}),
                opt.definition_set == hct_ci_definition_set::cibmtr &&
                        opt.dlco == dlco_correction_policy::per_definition_set
                    ? "a DLCO corrected for haemoglobin (CIBMTR Appendix J)"
                    : "a DLCO corrected for haemoglobin (dlco_correction_policy)");
        }
    }
    if (auto e = check_percent(in.cardiac.lvef, ef_min_pct, ef_max_pct, "hct_ci.cardiac.lvef", "")) {
        return e;
    }
    if (auto e = check_percent(in.cardiac.shortening_fraction, ef_min_pct, ef_max_pct,
                               "hct_ci.cardiac.shortening_fraction", "")) {
        return e;
    }
    if (auto e = check_percent(in.obesity.bmi_for_age_percentile, 0.0, 100.0,
                               "hct_ci.obesity.bmi_for_age_percentile", " (percentile)")) {
        return e;
    }
    if (in.obesity.bmi) {
        const double b = in.obesity.bmi->in(hsct::units::kg_per_m2);
        if (!std::isfinite(b) || b < bmi_min || b > bmi_max) {
            return hsct::error(std::isfinite(b) ? errc::out_of_range : errc::not_finite,
                               "hct_ci.obesity.bmi",
                               hsct::detail::concat({hsct::detail::format_number(b), " kg/m2"}),
                               "5-150 kg/m2");
        }
    }
    if (auto e = check_lab_uln(in.hepatic.bilirubin, "hct_ci.hepatic.bilirubin")) {
        return e;
    }
    if (auto e = check_lab_uln(in.hepatic.ast, "hct_ci.hepatic.ast")) {
        return e;
    }
    if (auto e = check_lab_uln(in.hepatic.alt, "hct_ci.hepatic.alt")) {
        return e;
    }
    if (in.renal.creatinine) {
        if (auto e = check_lab(*in.renal.creatinine, "hct_ci.renal.creatinine")) {
            return e;
        }
    }
    return std::nullopt;
}

// --- the items --------------------------------------------------------------------------------
struct pulmonary_evals {
    item_eval severe;
    item_eval moderate;
};

[[nodiscard]] inline pulmonary_evals eval_pulmonary(const hct_ci_pulmonary& p) {
    pulmonary_evals r;
    const auto one = [&](const std::optional<hsct::percent>& v, std::string_view name,
                         std::string_view suffix) {
        if (!v) {
            r.severe.unknown(name);
            r.moderate.unknown(name);
            return;
        }
        const double x = v->in(hsct::units::pct);
        const std::string why =
            hsct::detail::concat({name, " ", pct_text(*v), " of predicted", suffix});
        if (le(x, pulmonary_severe_max_pct)) {
            r.severe.yes(why);
        } else if (le(x, pulmonary_moderate_max_pct)) {
            r.moderate.yes(why);
        }
    };
    one(p.fev1, "FEV1", "");
    const std::string dlco_suffix =
        p.dlco_basis == dlco_correction::not_stated
            ? std::string()
            : hsct::detail::concat({" (", to_string(p.dlco_basis), ")"});
    one(p.dlco, "DLCO", dlco_suffix);
    if (!p.dyspnoea_level) {
        r.severe.unknown("dyspnoea");
        r.moderate.unknown("dyspnoea");
    } else if (*p.dyspnoea_level == dyspnoea::at_rest) {
        r.severe.yes("dyspnoea at rest");
    } else if (*p.dyspnoea_level == dyspnoea::on_slight_activity) {
        r.moderate.yes("dyspnoea on slight activity");
    }
    r.severe.flag(p.requires_oxygen, "oxygen need");
    return r;
}

struct hepatic_evals {
    item_eval severe;
    item_eval mild;
};

template <class A>
void eval_lab_tier(const std::optional<lab_with_uln<A>>& l, std::string_view name,
                   double mild_max, hepatic_evals& r) {
    if (!l) {
        r.severe.unknown(name);
        r.mild.unknown(name);
        return;
    }
    const double ratio = l->value / l->upper_limit_of_normal;
    if (gt(ratio, mild_max)) {
        r.severe.yes(lab_text(name, *l));
    } else if (gt(ratio, 1.0)) {
        r.mild.yes(lab_text(name, *l));
    }
}

[[nodiscard]] inline hepatic_evals eval_hepatic(const hct_ci_hepatic& h,
                                                hct_ci_definition_set set,
                                                hct_ci_hepatitis_history_policy hep) {
    hepatic_evals r;
    eval_lab_tier(h.bilirubin, "bilirubin", bilirubin_mild_max_uln, r);
    eval_lab_tier(h.ast, "AST", transaminase_mild_max_uln, r);
    eval_lab_tier(h.alt, "ALT", transaminase_mild_max_uln, r);
    r.severe.flag(h.cirrhosis, "cirrhosis");
    r.mild.flag(h.chronic_hepatitis, "chronic hepatitis");
    // PAT-HCTCI-005 (CIBMTR) / PAT-HCTCI-022 (policy; HB24 Table 11.5 reading).
    if (hep == hct_ci_hepatitis_history_policy::count_as_mild_hepatic) {
        r.mild.flag(h.hepatitis_b_or_c_history,
                    set == hct_ci_definition_set::cibmtr
                        ? "history of hepatitis B or C"
                        : "history of hepatitis B or C (EBMT Handbook 2024 Table 11.5 reading)");
    } else if (hep == hct_ci_hepatitis_history_policy::per_definition_set &&
               set == hct_ci_definition_set::cibmtr) {
        r.mild.flag(h.hepatitis_b_or_c_history, "history of hepatitis B or C");
    }
    return r;
}

[[nodiscard]] inline item_eval eval_renal(const hct_ci_renal& k) {
    item_eval e;
    if (!k.creatinine) {
        e.unknown("creatinine");
    } else {
        const double mg = k.creatinine->in(hsct::units::mg_per_dl);
        if (gt(mg, creatinine_min_exclusive_mg_dl)) {
            e.yes(hsct::detail::concat({"creatinine ", shown(mg), " mg/dL (",
                                        shown(k.creatinine->in(hsct::units::umol_per_l)),
                                        " umol/L) > 2 mg/dL"}));
        }
    }
    e.flag(k.on_dialysis, "dialysis");
    e.flag(k.prior_renal_transplant, "prior renal transplant");
    return e;
}

/// PAT-HCTCI-024: under 18 years, age read under `rule` (hct_ci_options::age_rule); nullopt
/// when the age is not known. For a "below a whole number of years" cut-off both resolutions
/// agree (exact years = completed years + a fraction below 1, PAT-AGE-002): a child is a child
/// until the 18th birthday under either; the rule is still passed so the two never drift.
[[nodiscard]] inline std::optional<bool> is_child(const std::optional<hsct::age>& a,
                                                  age_resolution rule) {
    if (!a) {
        return std::nullopt;
    }
    return a->years(rule) < static_cast<double>(paediatric_below_years);
}

[[nodiscard]] inline item_eval eval_cardiac(const hct_ci_input& in, hct_ci_definition_set set,
                                            age_resolution rule) {
    const hct_ci_cardiac& c = in.cardiac;
    item_eval e;
    e.flag(c.coronary_artery_disease, "coronary artery disease");
    e.flag(c.congestive_heart_failure, "congestive heart failure");
    e.flag(c.myocardial_infarction, "myocardial infarction");
    const bool sf_rule = set == hct_ci_definition_set::cibmtr;
    const auto child = is_child(in.age_at_hct, rule);
    if (!c.lvef) {
        // A paediatric shortening fraction may stand in for the LVEF under CIBMTR.
        if (!(sf_rule && child.value_or(false) && c.shortening_fraction)) {
            e.unknown("LVEF");
        }
    } else if (le(c.lvef->in(hsct::units::pct), lvef_max_pct)) {
        e.yes(hsct::detail::concat({"LVEF ", pct_text(*c.lvef), " <= 50 %"}));
    }
    if (sf_rule && c.shortening_fraction) {
        if (!child) {
            e.unknown("age at HCT (shortening fraction applies to children)");
        } else if (*child &&
                   lt(c.shortening_fraction->in(hsct::units::pct), shortening_fraction_below_pct)) {
            e.yes(hsct::detail::concat(
                {"shortening fraction ", pct_text(*c.shortening_fraction), " < 26 % (child)"}));
        }
    }
    return e;
}

[[nodiscard]] inline item_eval eval_obesity(const hct_ci_input& in, hct_ci_definition_set set,
                                            age_resolution rule) {
    const hct_ci_obesity& o = in.obesity;
    item_eval e;
    const bool bmi_over =
        o.bmi.has_value() && gt(o.bmi->in(hsct::units::kg_per_m2), bmi_min_exclusive);
    if (bmi_over) {
        // BMI > 35 scores in every set and at every age.
        e.yes(hsct::detail::concat({"BMI ", hsct::to_string(*o.bmi), " > 35 kg/m2"}));
        return e;
    }
    if (set == hct_ci_definition_set::sorror_2005) {
        if (!o.bmi) {
            e.unknown("BMI");
        }
        return e;
    }
    // Sorror 2013 / CIBMTR: children are obese at BMI-for-age >= 95th percentile.
    const auto child = is_child(in.age_at_hct, rule);
    if (!child) {
        e.unknown("age at HCT (adult or paediatric obesity rule)");
        return e;
    }
    if (!*child) {
        if (!o.bmi) {
            e.unknown("BMI");
        }
        return e;
    }
    if (!o.bmi_for_age_percentile) {
        e.unknown("BMI-for-age percentile (child)");
        return e;
    }
    // PAT-HCTCI-023: CIBMTR's paediatric obesity wording was not read; the 2013 rule is used.
    e.hsct_reading = set == hct_ci_definition_set::cibmtr;
    const double pctl = o.bmi_for_age_percentile->in(hsct::units::pct);
    if (ge(pctl, bmi_for_age_min_percentile)) {
        e.yes(hsct::detail::concat({"BMI-for-age percentile ", hsct::detail::format_number(pctl),
                                    " >= 95th (child)"}));
    }
    return e;
}

[[nodiscard]] inline item_eval eval_tumour(const std::optional<std::vector<prior_tumour>>& t) {
    item_eval e;
    if (!t) {
        e.unknown("prior tumour history");
        return e;
    }
    for (const auto k : *t) {
        if (k != prior_tumour::non_melanoma_skin_cancer) {
            e.yes(hsct::detail::concat({"prior ", to_string(k)}));
        }
    }
    return e;
}

[[nodiscard]] inline item_eval eval_valve(const std::optional<heart_valve_finding>& v,
                                          hct_ci_definition_set set) {
    item_eval e;
    if (!v) {
        e.unknown("heart valve findings");
        return e;
    }
    // PAT-HCTCI-023: CIBMTR's valve wording was not read; the 2013 reading is used.
    e.hsct_reading = set == hct_ci_definition_set::cibmtr;
    switch (*v) {
        case heart_valve_finding::none:
        case heart_valve_finding::mitral_valve_prolapse_asymptomatic: break;
        case heart_valve_finding::mitral_valve_prolapse_symptomatic:
            if (set != hct_ci_definition_set::sorror_2005) {
                e.yes("symptomatic mitral valve prolapse");
            }
            break;
        case heart_valve_finding::other_valve_disease: e.yes("heart valve disease"); break;
    }
    return e;
}

[[nodiscard]] inline item_eval eval_diabetes(const std::optional<diabetes_treatment>& d,
                                             hct_ci_definition_set set) {
    item_eval e;
    if (!d) {
        e.unknown("diabetes treatment");
        return e;
    }
    switch (*d) {
        case diabetes_treatment::none:
        case diabetes_treatment::diet_only: break;
        case diabetes_treatment::oral_agents: e.yes("diabetes on oral agents"); break;
        case diabetes_treatment::insulin: e.yes("diabetes on insulin"); break;
        case diabetes_treatment::steroid_hyperglycaemia_on_medication:
            if (set == hct_ci_definition_set::cibmtr) {
                e.yes("steroid-induced hyperglycaemia on medication");
            }
            break;
    }
    return e;
}

[[nodiscard]] inline item_eval eval_psychiatric(const std::optional<psychiatric_history>& p,
                                                hct_ci_definition_set set) {
    item_eval e;
    if (!p) {
        e.unknown("psychiatric history");
        return e;
    }
    // Only a current disturbance scores, under every definition set: Sorror 2013 says "at the
    // time of HCT", and the EBMT Handbook 2024 (Table 11.5, 2005 wording) "ongoing treatment".
    // PAT-HCTCI-023: CIBMTR's wording was not read; this is hsct's reading of it.
    e.hsct_reading = set == hct_ci_definition_set::cibmtr;
    if (*p == psychiatric_history::at_time_of_hct) {
        e.yes("psychiatric disturbance needing consult or treatment at the time of HCT");
    }
    return e;
}

[[nodiscard]] inline item_eval eval_infection(const hct_ci_infection& i,
                                              hct_ci_definition_set set) {
    item_eval e;
    if (set == hct_ci_definition_set::sorror_2013) {
        e.flag(i.infection_treated_across_conditioning_start,
               "infection or FUO treated before, during and after the start of conditioning");
    } else {
        e.flag(i.antimicrobials_continued_after_day_0,
               "antimicrobial treatment continued after day 0");
        // PAT-HCTCI-023: CIBMTR's infection wording was not read; the 2005 question is used.
        e.hsct_reading = set == hct_ci_definition_set::cibmtr;
    }
    return e;
}

[[nodiscard]] inline item_eval eval_flag(const std::optional<bool>& f, std::string_view name) {
    item_eval e;
    e.flag(f, name);
    return e;
}

}  // namespace detail

// =========================================================================================
// Assessment
// =========================================================================================

/// PAT-HCTCI-017: the HCT-CI/age composite (Sorror, JCO 2014;32:3249): 1 point at age >= 40
/// years, read under `rule` (default completed years, K6); groups 0-2, 3-4, >= 5.
/// Errors: a rule number that is not a declared value (out_of_range, field "rule",
/// PAT-ENUM-001).
[[nodiscard]] inline result<hct_ci_age_index> hct_ci_with_age(
    const hct_ci_result& r, const age& a, age_resolution rule = age_resolution::completed_years) {
    if (auto e = hsct::detail::check_enum(rule, "rule")) {
        return *e;
    }
    const double years = a.years(rule);
    const bool point = years >= detail::age_point_from_years;
    const hct_ci_points age_pts(point ? 1 : 0);
    const hct_ci_points total = r.score + age_pts;
    std::string text = hsct::detail::concat(
        {rule == age_resolution::completed_years ? std::to_string(a.completed_years())
                                                 : detail::shown(years),
         " years (", to_string(rule), point ? ") >= 40" : ") < 40"});
    return hct_ci_age_index{r.score, age_pts, total, hct_ci_age_group_of(total), rule,
                            std::move(text), r.complete()};
}

/// Decides the 17 items under `opt.definition_set` and sums them (PAT-HCTCI-001..020).
/// Errors: an enum number in the input or options that is not a declared value (out_of_range,
/// field e.g. "hct_ci.heart_valve", "hct_ci.prior_tumours[1]", "hct_ci.options.definition_set";
/// PAT-ENUM-001); an input outside its accepted range (out_of_range / not_finite, PAT-HCTCI-019);
/// a DLCO not corrected for haemoglobin where the policy requires it (not_allowed,
/// PAT-HCTCI-003); any unassessable item under hct_ci_missing_policy::refuse (missing).
[[nodiscard]] inline result<hct_ci_result> assess_hct_ci(const hct_ci_input& in,
                                                         const hct_ci_options& opt = {}) {
    if (auto e = detail::validate(in, opt)) {
        return *e;
    }
    const auto set = opt.definition_set;
    hct_ci_result r{set,
                    opt.tiers,
                    opt.dlco,
                    hct_ci_points(0),
                    hct_ci_risk_group::low,
                    {},
                    {},
                    {},
                    std::nullopt,
                    opt.hepatitis_history,
                    {}};

    const auto add = [&](hct_ci_item item, const detail::item_eval& e) {
        if (e.hsct_reading && e.state() != detail::tri::unknown) {
            r.unverified_readings.push_back(item);
        }
        switch (e.state()) {
            case detail::tri::yes:
                r.scored.push_back({item, hct_ci_weight(item), e.trigger, !e.hsct_reading});
                r.score = r.score + hct_ci_weight(item);
                break;
            case detail::tri::unknown: r.unassessed.push_back({item, e.missing}); break;
            case detail::tri::no: break;
        }
    };
    // PAT-HCTCI-015: two tiers of one organ; the higher one, once it scores, supersedes.
    const auto add_tiers = [&](hct_ci_item lower, const detail::item_eval& lo, hct_ci_item upper,
                               const detail::item_eval& hi) {
        if (hi.state() == detail::tri::yes) {
            if (lo.state() == detail::tri::yes) {
                r.superseded.push_back({lower, upper, lo.trigger});
            }
            add(upper, hi);
        } else {
            add(lower, lo);
            add(upper, hi);
        }
    };

    add(hct_ci_item::arrhythmia, detail::eval_flag(in.arrhythmia, "arrhythmia"));
    add(hct_ci_item::cardiac, detail::eval_cardiac(in, set, opt.age_rule));
    add(hct_ci_item::inflammatory_bowel_disease,
        detail::eval_flag(in.inflammatory_bowel_disease, "inflammatory bowel disease"));
    add(hct_ci_item::diabetes, detail::eval_diabetes(in.diabetes, set));
    add(hct_ci_item::cerebrovascular,
        detail::eval_flag(in.cerebrovascular, "cerebrovascular disease"));
    add(hct_ci_item::psychiatric, detail::eval_psychiatric(in.psychiatric, set));
    const auto hep = detail::eval_hepatic(in.hepatic, set, opt.hepatitis_history);
    add(hct_ci_item::obesity, detail::eval_obesity(in, set, opt.age_rule));
    add(hct_ci_item::infection, detail::eval_infection(in.infection, set));
    add(hct_ci_item::rheumatologic, detail::eval_flag(in.rheumatologic, "rheumatologic disease"));
    add(hct_ci_item::peptic_ulcer, detail::eval_flag(in.peptic_ulcer, "peptic ulcer"));
    add(hct_ci_item::renal, detail::eval_renal(in.renal));
    const auto pul = detail::eval_pulmonary(in.pulmonary);
    add(hct_ci_item::prior_solid_tumour, detail::eval_tumour(in.prior_tumours));
    add(hct_ci_item::heart_valve, detail::eval_valve(in.heart_valve, set));
    add_tiers(hct_ci_item::pulmonary_moderate, pul.moderate, hct_ci_item::pulmonary_severe,
              pul.severe);
    add_tiers(hct_ci_item::hepatic_mild, hep.mild, hct_ci_item::hepatic_severe, hep.severe);

    if (opt.missing == hct_ci_missing_policy::refuse && !r.unassessed.empty()) {
        std::string items;
        for (const auto& u : r.unassessed) {
            if (!items.empty()) {
                items += ", ";
            }
            items += hsct::detail::concat({to_string(u.item), " (", u.missing, ")"});
        }
        return hsct::error(errc::missing, "hct_ci", items, "every item assessable");
    }
    r.risk_group = hct_ci_risk_group_of(r.score);
    if (in.age_at_hct) {
        auto w = hct_ci_with_age(r, *in.age_at_hct, opt.age_rule);
        if (!w) {
            return w.error();  // unreachable: opt.age_rule was checked by validate
        }
        r.with_age = std::move(*w);
    }
    return r;
}

/// A one-paragraph explanation, e.g. "HCT-CI 7 (high (>= 3)) under Sorror 2013 ...: arrhythmia
/// +1 (arrhythmia); ... Unassessed: none."
[[nodiscard]] inline std::string to_string(const hct_ci_result& r) {
    std::string s = hsct::detail::concat(
        {"HCT-CI ", std::to_string(r.score.value()), r.complete() ? "" : " (at least)", ", ",
         to_string(r.risk_group), ", ", to_string(r.definition_set), ", ", to_string(r.tiers),
         ":"});
    for (const auto& f : r.scored) {
        s += hsct::detail::concat({" ", to_string(f.item), " +", std::to_string(f.weight.value()),
                                   " (", f.trigger,
                                   f.verified ? "" : " [hsct reading, unverified]", ");"});
    }
    if (r.scored.empty()) {
        s += " no item scored;";
    }
    s += " unassessed:";
    if (r.unassessed.empty()) {
        s += " none";
    }
    for (std::size_t i = 0; i < r.unassessed.size(); ++i) {
        const auto& u = r.unassessed[i];
        s += hsct::detail::concat({i == 0 ? " " : "; ", to_string(u.item), " (", u.missing, ")"});
    }
    if (!r.unverified_readings.empty()) {
        s += ". Decided by an hsct reading of CIBMTR (unverified):";
        for (std::size_t i = 0; i < r.unverified_readings.size(); ++i) {
            s += hsct::detail::concat({i == 0 ? " " : ", ", to_string(r.unverified_readings[i])});
        }
    }
    if (r.with_age) {
        s += hsct::detail::concat({". HCT-CI/age ", std::to_string(r.with_age->total.value()),
                                   r.with_age->complete ? "" : " (at least)", ", group ",
                                   to_string(r.with_age->group), " (", r.with_age->age_text,
                                   ")"});
    }
    return s;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_HCT_CI_HPP
