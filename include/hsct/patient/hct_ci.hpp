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
#include <bit>
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
#include "hsct/core/explain.hpp"
#include "hsct/core/lab_with_uln.hpp"
#include "hsct/core/score.hpp"
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

/// PAT-HCTCI-021: the range of HCT-CI points is 0-30, so that every sum of distinct items' weights
/// plus the age point is representable: the 17 weights sum to 29, and 30 with the HCT-CI/age
/// point. A score under the tier rule (PAT-HCTCI-015: only the higher tier of hepatic and of
/// pulmonary counts) is at most 26 (hct_ci_max_score), 27 with the age point.
struct hct_ci_points_tag {
    static constexpr int min = 0;
    static constexpr int max = 30;
    static constexpr int step = 1;
    static constexpr std::string_view name = "hct_ci_points";
    static constexpr std::string_view requirement = "PAT-HCTCI-021";
};

/// HCT-CI points: a weight, an item's contribution, or a total (hsct::bounded_score).
using hct_ci_points = hsct::bounded_score<hct_ci_points_tag>;

/// The sum of all 17 item weights (Sorror 2005 Table 3): 29.
inline constexpr int hct_ci_max_item_weights = 29;
/// The highest HCT-CI under the tier rule: 29 - 1 (mild hepatic) - 2 (moderate pulmonary).
inline constexpr int hct_ci_max_score = 26;

namespace detail {
/// The weight of a declared item as a plain number; 0 for a number that is no item.
[[nodiscard]] constexpr int hct_ci_weight_number(hct_ci_item i) noexcept {
    switch (i) {
        case hct_ci_item::arrhythmia:
        case hct_ci_item::cardiac:
        case hct_ci_item::inflammatory_bowel_disease:
        case hct_ci_item::diabetes:
        case hct_ci_item::cerebrovascular:
        case hct_ci_item::psychiatric:
        case hct_ci_item::hepatic_mild:
        case hct_ci_item::obesity:
        case hct_ci_item::infection: return 1;
        case hct_ci_item::rheumatologic:
        case hct_ci_item::peptic_ulcer:
        case hct_ci_item::renal:
        case hct_ci_item::pulmonary_moderate: return 2;
        case hct_ci_item::prior_solid_tumour:
        case hct_ci_item::heart_valve:
        case hct_ci_item::pulmonary_severe:
        case hct_ci_item::hepatic_severe: return 3;
    }
    return 0;
}
}  // namespace detail

/// PAT-HCTCI-001: item weights, Sorror 2005 (Blood 2005;106:2912, Table 3 via the NCI PDQ
/// adaptation, pmidcalc and QxMD; confirmed by EBMT Handbook 2024 Table 11.5). One point:
/// arrhythmia, cardiac, IBD, diabetes, cerebrovascular, psychiatric, mild hepatic, obesity,
/// infection. Two: rheumatologic, peptic ulcer, renal, moderate pulmonary. Three: prior solid
/// tumour, heart valve, severe pulmonary, moderate/severe hepatic. Same in every definition set.
/// Error: a number that is not a declared item (out_of_range, CORE-ENUM-002).
[[nodiscard]] inline result<hct_ci_points> hct_ci_weight(hct_ci_item i) {
    if (auto e = hsct::detail::check_enum(i, "item")) {
        return *e;
    }
    return hct_ci_points::make(detail::hct_ci_weight_number(i));
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

/// PAT-HCTCI-016: the risk group of an HCT-CI.
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
    not_stated = 1,
    haemoglobin_corrected = 2,
    uncorrected = 3,
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

/// A laboratory value with the upper limit of normal of the laboratory that measured it, or the
/// multiple of the ULN alone (core, CORE-ULN-001).
using hsct::lab_with_uln;

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
    per_definition_set = 1,
    require_haemoglobin_corrected = 2,
    accept_any = 3,
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
enum class hct_ci_tier_policy : std::uint8_t {
    /// Score only the higher of mild/severe hepatic and of moderate/severe pulmonary.
    higher_tier_only = 1,
};

constexpr auto hsct_enum_table(hct_ci_tier_policy) noexcept {
    return make_enum_table<hct_ci_tier_policy>("hct_ci_tier_policy", {
        {hct_ci_tier_policy::higher_tier_only, "higher_tier_only",
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
    hct_ci_tier_policy tiers = hct_ci_tier_policy::higher_tier_only;
    /// PAT-AGE-002 / K6: read for the age point (>= 40 y) and the paediatric cut-off (< 18 y).
    age_resolution age_rule = age_resolution::completed_years;
    hct_ci_hepatitis_history_policy hepatitis_history =
        hct_ci_hepatitis_history_policy::per_definition_set;  ///< PAT-HCTCI-022

    friend constexpr bool operator==(const hct_ci_options&, const hct_ci_options&) noexcept = default;
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
inline constexpr double bmi_min_exclusive = 35.0;  // PAT-HCTCI-008
inline constexpr double bmi_for_age_min_percentile = 95.0;  // PAT-HCTCI-008
inline constexpr int paediatric_below_years = 18;  // PAT-HCTCI-024
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

}  // namespace detail

// =========================================================================================
// Result: explained as data (docs/conventions.md section 5)
// =========================================================================================

/// Every criterion the HCT-CI evaluates, each belonging to one item (hct_ci_item_of). The label
/// is the criterion in words; the requirement ID, threshold and comparator are on each record.
enum class hct_ci_criterion : std::uint8_t {
    arrhythmia = 1,
    coronary_artery_disease = 2,
    congestive_heart_failure = 3,
    myocardial_infarction = 4,
    lvef = 5,
    shortening_fraction = 6,
    inflammatory_bowel_disease = 7,
    diabetes_treatment = 8,
    cerebrovascular = 9,
    psychiatric = 10,
    chronic_hepatitis = 11,
    hepatitis_b_or_c_history = 12,
    bilirubin_mild = 13,
    ast_mild = 14,
    alt_mild = 15,
    bmi = 16,
    bmi_for_age = 17,
    antimicrobials_after_day_0 = 18,
    infection_across_conditioning = 19,
    rheumatologic = 20,
    peptic_ulcer = 21,
    creatinine = 22,
    dialysis = 23,
    prior_renal_transplant = 24,
    fev1_moderate = 25,
    dlco_moderate = 26,
    dyspnoea_on_slight_activity = 27,
    prior_tumour = 28,
    heart_valve = 29,
    fev1_severe = 30,
    dlco_severe = 31,
    dyspnoea_at_rest = 32,
    oxygen_need = 33,
    cirrhosis = 34,
    bilirubin_severe = 35,
    ast_severe = 36,
    alt_severe = 37,
    age_40_or_more = 38,  ///< the HCT-CI/age point (Sorror 2014), not an item
};

constexpr auto hsct_enum_table(hct_ci_criterion) noexcept {
    using c = hct_ci_criterion;
    return make_enum_table<c>("hct_ci_criterion", {
        {c::arrhythmia, "arrhythmia", "arrhythmia"},
        {c::coronary_artery_disease, "coronary_artery_disease", "coronary artery disease"},
        {c::congestive_heart_failure, "congestive_heart_failure", "congestive heart failure"},
        {c::myocardial_infarction, "myocardial_infarction", "myocardial infarction"},
        {c::lvef, "lvef", "LVEF at most 50 %"},
        {c::shortening_fraction, "shortening_fraction", "shortening fraction below 26 % (child)"},
        {c::inflammatory_bowel_disease, "inflammatory_bowel_disease", "inflammatory bowel disease"},
        {c::diabetes_treatment, "diabetes_treatment", "diabetes treated with insulin or oral agents"},
        {c::cerebrovascular, "cerebrovascular", "cerebrovascular disease"},
        {c::psychiatric, "psychiatric", "psychiatric disturbance needing treatment at HCT"},
        {c::chronic_hepatitis, "chronic_hepatitis", "chronic hepatitis"},
        {c::hepatitis_b_or_c_history, "hepatitis_b_or_c_history", "history of hepatitis B or C"},
        {c::bilirubin_mild, "bilirubin_mild", "bilirubin above the ULN"},
        {c::ast_mild, "ast_mild", "AST above the ULN"},
        {c::alt_mild, "alt_mild", "ALT above the ULN"},
        {c::bmi, "bmi", "BMI above 35 kg/m2"},
        {c::bmi_for_age, "bmi_for_age", "BMI-for-age at or above the 95th percentile (child)"},
        {c::antimicrobials_after_day_0, "antimicrobials_after_day_0",
         "antimicrobial treatment continued after day 0"},
        {c::infection_across_conditioning, "infection_across_conditioning",
         "infection or FUO treated before, during and after the start of conditioning"},
        {c::rheumatologic, "rheumatologic", "rheumatologic disease"},
        {c::peptic_ulcer, "peptic_ulcer", "peptic ulcer needing treatment"},
        {c::creatinine, "creatinine", "creatinine above 2 mg/dL"},
        {c::dialysis, "dialysis", "dialysis"},
        {c::prior_renal_transplant, "prior_renal_transplant", "prior renal transplant"},
        {c::fev1_moderate, "fev1_moderate", "FEV1 at most 80 % of predicted"},
        {c::dlco_moderate, "dlco_moderate", "DLCO at most 80 % of predicted"},
        {c::dyspnoea_on_slight_activity, "dyspnoea_on_slight_activity",
         "dyspnoea on slight activity"},
        {c::prior_tumour, "prior_tumour", "prior solid tumours other than non-melanoma skin cancer"},
        {c::heart_valve, "heart_valve", "heart valve disease"},
        {c::fev1_severe, "fev1_severe", "FEV1 at most 65 % of predicted"},
        {c::dlco_severe, "dlco_severe", "DLCO at most 65 % of predicted"},
        {c::dyspnoea_at_rest, "dyspnoea_at_rest", "dyspnoea at rest"},
        {c::oxygen_need, "oxygen_need", "supplemental oxygen needed"},
        {c::cirrhosis, "cirrhosis", "cirrhosis"},
        {c::bilirubin_severe, "bilirubin_severe", "bilirubin above 1.5 x ULN"},
        {c::ast_severe, "ast_severe", "AST above 2.5 x ULN"},
        {c::alt_severe, "alt_severe", "ALT above 2.5 x ULN"},
        {c::age_40_or_more, "age_40_or_more", "age 40 years or more"},
    });
}

namespace detail {
/// The item of each criterion, by criterion code (0: none). Checked against the enum in the
/// tests (every criterion but the age point has an item).
inline constexpr std::array<std::uint8_t, 39> hct_ci_item_by_criterion{
    0,
    1,                  // arrhythmia
    2, 2, 2, 2, 2,      // cardiac: CAD, CHF, MI, LVEF, shortening fraction
    3,                  // inflammatory bowel disease
    4,                  // diabetes
    5,                  // cerebrovascular
    6,                  // psychiatric
    7, 7, 7, 7, 7,      // hepatic, mild: chronic hepatitis, HBV/HCV history, bilirubin, AST, ALT
    8, 8,               // obesity: BMI, BMI-for-age
    9, 9,               // infection: the 2005 and the 2013 question
    10,                 // rheumatologic
    11,                 // peptic ulcer
    12, 12, 12,         // renal: creatinine, dialysis, prior renal transplant
    13, 13, 13,         // pulmonary, moderate: FEV1, DLCO, dyspnoea on slight activity
    14,                 // prior solid tumour
    15,                 // heart valve
    16, 16, 16, 16,     // pulmonary, severe: FEV1, DLCO, dyspnoea at rest, oxygen
    17, 17, 17, 17,     // hepatic, severe: cirrhosis, bilirubin, AST, ALT
    0,                  // the age point
};
}  // namespace detail

/// The item a criterion decides (hct_ci_criterion::age_40_or_more, and a number that is not a
/// criterion, decide none: nullopt).
[[nodiscard]] constexpr std::optional<hct_ci_item> hct_ci_item_of(hct_ci_criterion c) noexcept {
    const auto k = static_cast<std::size_t>(static_cast<std::uint8_t>(c));
    if (k >= detail::hct_ci_item_by_criterion.size() || detail::hct_ci_item_by_criterion[k] == 0) {
        return std::nullopt;
    }
    return static_cast<hct_ci_item>(detail::hct_ci_item_by_criterion[k]);
}

/// The requirement ID of each criterion and what it measures (CORE-EXPLAIN-001): a percentage,
/// a concentration in mg/dL, a BMI, a multiple of the ULN, a percentile, an age in years, a
/// finding, or an enumerator of the input.
[[nodiscard]] constexpr criterion_info hsct_criterion_info(hct_ci_criterion c) noexcept {
    using c_ = hct_ci_criterion;
    using d = comparator;
    constexpr auto fl = measure::kind::flag;
    constexpr auto qty = measure::kind::quantity;
    constexpr auto cnt = measure::kind::count;
    constexpr auto cod = measure::kind::code;
    namespace k = detail;
    const unit_info* pct = &hsct::units::percent_t::info;
    constexpr count_unit none = count_unit::none;
    switch (c) {
        // PAT-HCTCI-014: the caller's findings
        case c_::arrhythmia:
        case c_::inflammatory_bowel_disease:
        case c_::cerebrovascular:
        case c_::rheumatologic:
        case c_::peptic_ulcer: return {"PAT-HCTCI-014", fl, d::present, 0.0,
            nullptr, none, nullptr};
        // PAT-HCTCI-007: cardiac
        case c_::coronary_artery_disease:
        case c_::congestive_heart_failure:
        case c_::myocardial_infarction:
            return {"PAT-HCTCI-007", fl, d::present, 0.0, nullptr, none, nullptr};
        case c_::lvef: return {"PAT-HCTCI-007", qty, d::less_equal, k::lvef_max_pct,
            pct, none, nullptr};
        case c_::shortening_fraction:
            return {"PAT-HCTCI-007", qty, d::less, k::shortening_fraction_below_pct,
                pct, none, nullptr};
        case c_::diabetes_treatment:
            return {"PAT-HCTCI-013", cod, d::present, 0.0,
                nullptr, none, enum_ref::type_of<diabetes_treatment>()};
        case c_::psychiatric:
            return {"PAT-HCTCI-012", cod, d::present, 0.0,
                nullptr, none, enum_ref::type_of<psychiatric_history>()};
        // PAT-HCTCI-004, -005: hepatic
        case c_::hepatitis_b_or_c_history:
            return {"PAT-HCTCI-005", fl, d::present, 0.0, nullptr, none, nullptr};
        case c_::chronic_hepatitis:
        case c_::cirrhosis: return {"PAT-HCTCI-004", fl, d::present, 0.0, nullptr, none, nullptr};
        case c_::bilirubin_mild:
        case c_::ast_mild:
        case c_::alt_mild:
            return {"PAT-HCTCI-004", cnt, d::greater, 1.0, nullptr, count_unit::times_uln, nullptr};
        case c_::bilirubin_severe:
            return {"PAT-HCTCI-004", cnt, d::greater, k::bilirubin_mild_max_uln,
                nullptr, count_unit::times_uln, nullptr};
        case c_::ast_severe:
        case c_::alt_severe:
            return {"PAT-HCTCI-004", cnt, d::greater, k::transaminase_mild_max_uln,
                nullptr, count_unit::times_uln, nullptr};
        // PAT-HCTCI-008: obesity
        case c_::bmi:
            return {"PAT-HCTCI-008", qty, d::greater, k::bmi_min_exclusive,
                &hsct::units::kg_per_m2_t::info, none, nullptr};
        case c_::bmi_for_age:
            return {"PAT-HCTCI-008", cnt, d::greater_equal, k::bmi_for_age_min_percentile,
                nullptr, count_unit::percentile, nullptr};
        // PAT-HCTCI-011: infection
        case c_::antimicrobials_after_day_0:
        case c_::infection_across_conditioning:
            return {"PAT-HCTCI-011", fl, d::present, 0.0, nullptr, none, nullptr};
        // PAT-HCTCI-006: renal
        case c_::creatinine:
            return {"PAT-HCTCI-006", qty, d::greater, k::creatinine_min_exclusive_mg_dl,
                &hsct::units::mg_per_dl_t::info, none, nullptr};
        case c_::dialysis:
        case c_::prior_renal_transplant:
            return {"PAT-HCTCI-006", fl, d::present, 0.0, nullptr, none, nullptr};
        // PAT-HCTCI-002: pulmonary
        case c_::fev1_moderate:
        case c_::dlco_moderate:
            return {"PAT-HCTCI-002", qty, d::less_equal, k::pulmonary_moderate_max_pct,
                pct, none, nullptr};
        case c_::fev1_severe:
        case c_::dlco_severe:
            return {"PAT-HCTCI-002", qty, d::less_equal, k::pulmonary_severe_max_pct,
                pct, none, nullptr};
        case c_::oxygen_need: return {"PAT-HCTCI-002", fl, d::present, 0.0, nullptr, none, nullptr};
        case c_::dyspnoea_on_slight_activity:
        case c_::dyspnoea_at_rest:
            return {"PAT-HCTCI-002", cod, d::present, 0.0,
                nullptr, none, enum_ref::type_of<dyspnoea>()};
        case c_::prior_tumour:  // the number of tumours that count
            return {"PAT-HCTCI-009", cnt, d::greater_equal, 1.0, nullptr, none, nullptr};
        case c_::heart_valve:
            return {"PAT-HCTCI-010", cod, d::present, 0.0,
                nullptr, none, enum_ref::type_of<heart_valve_finding>()};
        // PAT-HCTCI-017: the HCT-CI/age point
        case c_::age_40_or_more:
            return {"PAT-HCTCI-017", cnt, d::greater_equal, k::age_point_from_years,
                nullptr, count_unit::years, nullptr};
    }
    return {};
}

/// The inputs of hct_ci_input, named for the set of inputs an assessment lacked.
enum class hct_ci_field : std::uint8_t {
    age_at_hct = 1,
    fev1 = 2,
    dlco = 3,
    dyspnoea = 4,
    oxygen_need = 5,
    bilirubin = 6,
    ast = 7,
    alt = 8,
    chronic_hepatitis = 9,
    hepatitis_b_or_c_history = 10,
    cirrhosis = 11,
    creatinine = 12,
    dialysis = 13,
    prior_renal_transplant = 14,
    lvef = 15,
    shortening_fraction = 16,
    coronary_artery_disease = 17,
    congestive_heart_failure = 18,
    myocardial_infarction = 19,
    bmi = 20,
    bmi_for_age_percentile = 21,
    antimicrobials_after_day_0 = 22,
    infection_across_conditioning = 23,
    prior_tumours = 24,
    heart_valve = 25,
    diabetes = 26,
    psychiatric = 27,
    arrhythmia = 28,
    inflammatory_bowel_disease = 29,
    cerebrovascular = 30,
    rheumatologic = 31,
    peptic_ulcer = 32,
};

constexpr auto hsct_enum_table(hct_ci_field) noexcept {
    using f = hct_ci_field;
    return make_enum_table<f>("hct_ci_field", {
        {f::age_at_hct, "age_at_hct", "age at HCT"},
        {f::fev1, "fev1", "FEV1"},
        {f::dlco, "dlco", "DLCO"},
        {f::dyspnoea, "dyspnoea", "dyspnoea"},
        {f::oxygen_need, "oxygen_need", "oxygen need"},
        {f::bilirubin, "bilirubin", "bilirubin"},
        {f::ast, "ast", "AST"},
        {f::alt, "alt", "ALT"},
        {f::chronic_hepatitis, "chronic_hepatitis", "chronic hepatitis"},
        {f::hepatitis_b_or_c_history, "hepatitis_b_or_c_history", "history of hepatitis B or C"},
        {f::cirrhosis, "cirrhosis", "cirrhosis"},
        {f::creatinine, "creatinine", "creatinine"},
        {f::dialysis, "dialysis", "dialysis"},
        {f::prior_renal_transplant, "prior_renal_transplant", "prior renal transplant"},
        {f::lvef, "lvef", "LVEF"},
        {f::shortening_fraction, "shortening_fraction", "shortening fraction"},
        {f::coronary_artery_disease, "coronary_artery_disease", "coronary artery disease"},
        {f::congestive_heart_failure, "congestive_heart_failure", "congestive heart failure"},
        {f::myocardial_infarction, "myocardial_infarction", "myocardial infarction"},
        {f::bmi, "bmi", "BMI"},
        {f::bmi_for_age_percentile, "bmi_for_age_percentile", "BMI-for-age percentile"},
        {f::antimicrobials_after_day_0, "antimicrobials_after_day_0",
         "antimicrobials continued after day 0"},
        {f::infection_across_conditioning, "infection_across_conditioning",
         "infection treated across the start of conditioning"},
        {f::prior_tumours, "prior_tumours", "prior tumour history"},
        {f::heart_valve, "heart_valve", "heart valve findings"},
        {f::diabetes, "diabetes", "diabetes treatment"},
        {f::psychiatric, "psychiatric", "psychiatric history"},
        {f::arrhythmia, "arrhythmia", "arrhythmia"},
        {f::inflammatory_bowel_disease, "inflammatory_bowel_disease", "inflammatory bowel disease"},
        {f::cerebrovascular, "cerebrovascular", "cerebrovascular disease"},
        {f::rheumatologic, "rheumatologic", "rheumatologic disease"},
        {f::peptic_ulcer, "peptic_ulcer", "peptic ulcer"},
    });
}

/// What became of one item.
enum class hct_ci_item_status : std::uint8_t {
    scored = 1,      ///< a criterion was met; the item's weight counts
    superseded = 2,  ///< a criterion was met, but the higher tier of its organ scored (PAT-HCTCI-015)
    not_met = 3,     ///< every criterion was decided and none was met
    unassessed = 4,  ///< none was met and an input was missing (PAT-HCTCI-018)
};

constexpr auto hsct_enum_table(hct_ci_item_status) noexcept {
    using s = hct_ci_item_status;
    return make_enum_table<s>("hct_ci_item_status", {
        {s::scored, "scored", "scored"},
        {s::superseded, "superseded", "met, superseded by the higher tier"},
        {s::not_met, "not_met", "not met"},
        {s::unassessed, "unassessed", "unassessed"},
    });
}

namespace detail {
/// The 17 items folded from the criteria's bit sets, as bit sets over item codes
/// (PAT-HCTCI-015, PAT-HCTCI-018): an item is met if any of its criteria is; the lower tier of
/// an organ does not count once its higher tier is met; an item none of whose criteria is met
/// is unassessed if one of them is unknown. The one place the tier rule is applied.
struct hct_ci_item_sets {
    std::uint32_t met = 0;
    std::uint32_t unknown = 0;
    std::uint32_t not_counted = 0;  ///< the lower tiers whose higher tier is met

    /// No item is unassessed (PAT-HCTCI-018).
    [[nodiscard]] constexpr bool complete() const noexcept {
        return (unknown & ~met & ~not_counted) == 0;
    }
    [[nodiscard]] constexpr hct_ci_item_status status(std::size_t item) const noexcept {
        const std::uint32_t bit = std::uint32_t{1} << item;
        if ((not_counted & bit) != 0) {
            return (met & bit) != 0 ? hct_ci_item_status::superseded : hct_ci_item_status::not_met;
        }
        return (met & bit) != 0       ? hct_ci_item_status::scored
               : (unknown & bit) != 0 ? hct_ci_item_status::unassessed
                                      : hct_ci_item_status::not_met;
    }
};

/// For each item code k, the bit set of its criteria (over criterion codes), from
/// hct_ci_item_by_criterion at compile time.
inline constexpr std::array<std::uint64_t, 18> hct_ci_criteria_of_item = [] {
    std::array<std::uint64_t, 18> m{};
    // `!=`, not `<`: cppcheck 2.10 reads `c < hct_ci_item_by_criterion.size()` here as the start
    // of a template argument list and stops with a syntax error (cmake/hsct_static_analysis.sh).
    for (std::size_t c = 0; c != hct_ci_item_by_criterion.size(); ++c) {
        m[hct_ci_item_by_criterion[c]] |= std::uint64_t{1} << c;
    }
    return m;
}();

template <std::size_t... K>
[[nodiscard]] HSCT_ALWAYS_INLINE constexpr std::uint32_t hct_ci_items_of(
    std::uint64_t criteria, std::index_sequence<K...>) noexcept {
    return ((static_cast<std::uint32_t>((criteria & hct_ci_criteria_of_item[K + 1]) != 0)
             << (K + 1)) |
            ...);
}

/// The items (a bit set over item codes) that have a criterion in `criteria` (a bit set over
/// criterion codes): 17 tests written out (a fold, not a loop), without a branch. A loop over
/// the set bits would mispredict on every patient whose count differs from the last.
[[nodiscard]] constexpr std::uint32_t hct_ci_items_of(std::uint64_t criteria) noexcept {
    // bit 0 (criteria of no item: the age point) is never set
    return hct_ci_items_of(criteria, std::make_index_sequence<17>{});
}

/// The met items and the tier rule alone (what the score needs; unknown left empty).
[[nodiscard]] constexpr hct_ci_item_sets fold_hct_ci_met_items(std::uint64_t met_criteria) noexcept {
    constexpr auto code = [](hct_ci_item i) { return static_cast<unsigned>(i); };
    hct_ci_item_sets s;
    s.met = hct_ci_items_of(met_criteria);
    // A met higher tier moves its lower tier to not_counted (shifts, not branches).
    s.not_counted =
        ((s.met >> code(hct_ci_item::pulmonary_severe)) & 1U) << code(hct_ci_item::pulmonary_moderate) |
        ((s.met >> code(hct_ci_item::hepatic_severe)) & 1U) << code(hct_ci_item::hepatic_mild);
    return s;
}

[[nodiscard]] constexpr hct_ci_item_sets fold_hct_ci_items(std::uint64_t met_criteria,
                                                           std::uint64_t unknown_criteria) noexcept {
    hct_ci_item_sets s = fold_hct_ci_met_items(met_criteria);
    s.unknown = hct_ci_items_of(unknown_criteria);
    return s;
}

/// The items of each weight (1, 2 or 3 points) as bit sets over item codes, from
/// hct_ci_weight_number at compile time.
inline constexpr std::array<std::uint32_t, 4> hct_ci_items_of_weight = [] {
    std::array<std::uint32_t, 4> m{};
    for (unsigned k = 1; k <= 17; ++k) {
        m[static_cast<std::size_t>(hct_ci_weight_number(static_cast<hct_ci_item>(k)))] |=
            std::uint32_t{1} << k;
    }
    return m;
}();

/// The number of bits set (std::popcount is a library call on x86-64 without -mpopcnt).
[[nodiscard]] constexpr int bit_count(std::uint32_t x) noexcept {
    x = x - ((x >> 1) & 0x55555555U);
    x = (x & 0x33333333U) + ((x >> 2) & 0x33333333U);
    x = (x + (x >> 4)) & 0x0F0F0F0FU;
    return static_cast<int>((x * 0x01010101U) >> 24);
}

/// The sum of the weights of the items in `items` (a bit set over item codes).
[[nodiscard]] constexpr int hct_ci_weight_sum(std::uint32_t items) noexcept {
    return bit_count(items & hct_ci_items_of_weight[1]) +
           2 * bit_count(items & hct_ci_items_of_weight[2]) +
           3 * bit_count(items & hct_ci_items_of_weight[3]);
}
}  // namespace detail

/// One item's outcome.
struct hct_ci_item_result {
    hct_ci_item item{};
    hct_ci_item_status status = hct_ci_item_status::unassessed;
    hct_ci_points points;  ///< the item's weight when scored, else 0
    /// false when the item was decided by an hsct reading of a text not read (CIBMTR infection,
    /// psychiatric, heart valve, paediatric obesity; PAT-HCTCI-023).
    bool verified = true;

    friend constexpr bool operator==(const hct_ci_item_result&,
                                     const hct_ci_item_result&) noexcept = default;
};

/// PAT-HCTCI-017: the HCT-CI/age composite.
struct hct_ci_age_index {
    hct_ci_points comorbidity;  ///< the HCT-CI
    hct_ci_points age_points;   ///< 1 if age >= 40 under the resolution used
    hct_ci_points total;
    hct_ci_age_group group = hct_ci_age_group::score_0_to_2;
    age_resolution resolution = age_resolution::completed_years;
    /// The age criterion: the age in years under `resolution` against 40, >=.
    hsct::criterion<hct_ci_criterion> age;
    bool complete = true;  ///< false if the HCT-CI had unassessed items

    friend constexpr bool operator==(const hct_ci_age_index&,
                                     const hct_ci_age_index&) noexcept = default;
};

struct hct_ci_result {
    /// An empty result (score 0, nothing recorded). Declared, not defaulted, so that making
    /// one per patient does not first zero the evidence (hsct::evidence).
    hct_ci_result() noexcept {}  // NOLINT(modernize-use-equals-default)

    hct_ci_points score;  ///< sum of the scored weights (a lower bound if not complete())
    hct_ci_risk_group risk_group = hct_ci_risk_group::low;
    /// Every criterion evaluated (read in criterion order; each gives a full
    /// hsct::criterion<hct_ci_criterion>), and the inputs that were missing.
    hsct::evidence<hct_ci_criterion, hct_ci_field> criteria;
    std::optional<hct_ci_age_index> with_age;  ///< present when input.age_at_hct was given
    hct_ci_options options;                    ///< what the assessment ran under

    /// The result for one item, folded from its criteria (PAT-HCTCI-015 tiers, PAT-HCTCI-018).
    /// Precondition (contract): is_valid(i); a stored item number goes through
    /// make_enum<hct_ci_item> first.
    [[nodiscard]] hct_ci_item_result item(hct_ci_item i) const {
        HSCT_EXPECTS(hsct::is_valid(i), "hct_ci_result::item: not a declared item");
        return item_of(i, folded(), detail::hct_ci_items_of(criteria.unverified_mask()));
    }
    /// The 17 items in hct_ci_item order.
    [[nodiscard]] std::array<hct_ci_item_result, 17> items() const {
        const auto sets = folded();
        const auto unverified = detail::hct_ci_items_of(criteria.unverified_mask());
        std::array<hct_ci_item_result, 17> out{};
        for (std::size_t k = 0; k < out.size(); ++k) {
            out[k] = item_of(static_cast<hct_ci_item>(k + 1), sets, unverified);
        }
        return out;
    }
    /// The inputs that were missing (each made at least one criterion unknown).
    [[nodiscard]] const hsct::enum_set<hct_ci_field>& missing() const noexcept {
        return criteria.missing_inputs();
    }
    /// Every item was decided.
    [[nodiscard]] bool complete() const noexcept { return folded().complete(); }
    /// The risk group cannot change whatever the unassessed items turn out to be.
    [[nodiscard]] bool risk_group_final() const {
        return complete() || risk_group == hct_ci_risk_group::high;
    }
    [[nodiscard]] bool scored_item(hct_ci_item i) const {
        return hsct::is_valid(i) && item(i).status == hct_ci_item_status::scored;
    }
    [[nodiscard]] bool is_unassessed(hct_ci_item i) const {
        return hsct::is_valid(i) && item(i).status == hct_ci_item_status::unassessed;
    }
    /// PAT-HCTCI-023: the items decided (scored, superseded or not met) by an hsct reading of a
    /// definition that was not read. Empty under Sorror 2005 and 2013.
    [[nodiscard]] hsct::enum_set<hct_ci_item> unverified_readings() const {
        hsct::enum_set<hct_ci_item> s;
        for (const auto& r : items()) {
            if (!r.verified && r.status != hct_ci_item_status::unassessed) {
                s.insert(r.item);
            }
        }
        return s;
    }
    /// Every decided item follows a text that was read.
    [[nodiscard]] bool readings_verified() const { return unverified_readings().empty(); }
    /// The criteria of one item, in criterion order.
    template <class F>
    void for_each_criterion(hct_ci_item i, F&& f) const {
        for (const auto& c : criteria) {
            if (hct_ci_item_of(c.id) == i) {
                f(c);
            }
        }
    }

private:
    [[nodiscard]] detail::hct_ci_item_sets folded() const noexcept {
        return detail::fold_hct_ci_items(criteria.met_mask(), criteria.unknown_mask());
    }
    [[nodiscard]] static hct_ci_item_result item_of(hct_ci_item i,
                                                    const detail::hct_ci_item_sets& sets,
                                                    std::uint32_t unverified) noexcept {
        const auto k = static_cast<std::size_t>(static_cast<std::uint8_t>(i));
        hct_ci_item_result r;
        r.item = i;
        r.status = sets.status(k);
        r.verified = (unverified & (std::uint32_t{1} << k)) == 0;
        if (r.status == hct_ci_item_status::scored) {
            r.points = hct_ci_points::make(detail::hct_ci_weight_number(i)).value_or(hct_ci_points{});
        }
        return r;
    }
};

namespace detail {

// --- validation -----------------------------------------------------------------------------
// Every check builds its message text only on the error path: validating a valid input
// allocates nothing.
/// A percentage that is absent or within [lo, hi] (false for NaN and infinity).
[[nodiscard]] inline bool percent_ok(const std::optional<hsct::percent>& p, double lo,
                                     double hi) noexcept {
    if (!p) {
        return true;
    }
    const double v = p->in(hsct::units::pct);
    return v >= lo && v <= hi;  // false for NaN
}

/// PAT-HCTCI-003: whether the DLCO must be haemoglobin-corrected under these options (CIBMTR,
/// or the policy asks for it).
[[nodiscard]] constexpr bool dlco_must_be_corrected(const hct_ci_options& opt) noexcept {
    return opt.dlco == dlco_correction_policy::require_haemoglobin_corrected ||
           (opt.dlco == dlco_correction_policy::per_definition_set &&
            opt.definition_set == hct_ci_definition_set::cibmtr);
}

[[nodiscard]] inline std::optional<hsct::error> check_percent(const std::optional<hsct::percent>& p,
                                                              double lo, double hi,
                                                              std::string_view field,
                                                              std::string_view what) {
    if (!p) {
        return std::nullopt;
    }
    if (percent_ok(p, lo, hi)) {  // the same test valid_quickly makes
        return std::nullopt;
    }
    const double v = p->in(hsct::units::pct);
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

/// CORE-ENUM-002: every stored enum of the input and options is a declared value.
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
                return hsct::detail::check_enum(t, hsct::field_ref("hct_ci", "prior_tumours").at(i));
            }
        }
    }
    return std::nullopt;
}

/// True when every check of validate() passes, by the same predicates and plain comparisons
/// (the common case: valid input costs no error objects at all).
[[nodiscard]] HSCT_ALWAYS_INLINE bool valid_quickly(const hct_ci_input& in,
                                                 const hct_ci_options& opt) noexcept {
    const auto ok = [](const auto& e) { return hsct::is_valid(e); };
    const auto ok_opt = [](const auto& e) { return !e || hsct::is_valid(*e); };
    bool good = ok(opt.definition_set) && ok(opt.dlco) && ok(opt.missing) && ok(opt.tiers) &&
                ok(opt.age_rule) && ok(opt.hepatitis_history) && ok(in.pulmonary.dlco_basis) &&
                ok_opt(in.pulmonary.dyspnoea_level) && ok_opt(in.heart_valve) &&
                ok_opt(in.diabetes) && ok_opt(in.psychiatric);
    if (in.prior_tumours) {
        for (const prior_tumour t : *in.prior_tumours) {
            good = good && hsct::is_valid(t);
        }
    }
    good = good && percent_ok(in.pulmonary.fev1, pft_min_pct, pft_max_pct) &&
           percent_ok(in.pulmonary.dlco, pft_min_pct, pft_max_pct) &&
           percent_ok(in.cardiac.lvef, ef_min_pct, ef_max_pct) &&
           percent_ok(in.cardiac.shortening_fraction, ef_min_pct, ef_max_pct) &&
           percent_ok(in.obesity.bmi_for_age_percentile, 0.0, 100.0);
    // PAT-HCTCI-019: the BMI range (a fast path only: find_input_error decides).
    if (in.obesity.bmi) {
        const double b = in.obesity.bmi->in(hsct::units::kg_per_m2);
        good = good && b >= bmi_min && b <= bmi_max;
    }
    if (in.renal.creatinine) {
        good = good && hsct::default_range<hsct::creatinine>().contains(*in.renal.creatinine) &&
               std::isfinite(in.renal.creatinine->in(hsct::units::mg_per_dl));
    }
    if (in.pulmonary.dlco) {
        const bool require = dlco_must_be_corrected(opt);
        good = good && (!require || in.pulmonary.dlco_basis == dlco_correction::haemoglobin_corrected);
    }
    return good;
}

[[nodiscard]] std::optional<hsct::error> find_input_error(const hct_ci_input& in,
                                                          const hct_ci_options& opt);

/// The input's first error, if any. Valid input (the common case) costs the plain checks of
/// valid_quickly, inlined; the error is looked for, and its text built, out of line.
[[nodiscard]] HSCT_ALWAYS_INLINE std::optional<hsct::error> validate(const hct_ci_input& in,
                                                                     const hct_ci_options& opt) {
    if (valid_quickly(in, opt)) {
        return std::nullopt;
    }
    return find_input_error(in, opt);
}

/// Something is wrong: find what, in a fixed order, and say so.
[[gnu::cold]] [[gnu::noinline]] [[nodiscard]] inline std::optional<hsct::error> find_input_error(
    const hct_ci_input& in, const hct_ci_options& opt) {
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
        const bool require = dlco_must_be_corrected(opt);
        if (require && in.pulmonary.dlco_basis != dlco_correction::haemoglobin_corrected) {
            return hsct::error(
                errc::not_allowed, "hct_ci.pulmonary.dlco",
                hsct::detail::concat({hsct::detail::format_number(in.pulmonary.dlco->in(hsct::units::pct)),
                                      " % of predicted (",
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
    // PAT-HCTCI-019: BMI 5-150 kg/m2, both bounds accepted.
    if (in.obesity.bmi) {
        const double b = in.obesity.bmi->in(hsct::units::kg_per_m2);
        if (!std::isfinite(b) || b < bmi_min || b > bmi_max) {
            return hsct::error(std::isfinite(b) ? errc::out_of_range : errc::not_finite,
                               "hct_ci.obesity.bmi",
                               hsct::detail::concat({hsct::detail::format_number(b), " kg/m2"}),
                               "5-150 kg/m2");
        }
    }
    if (in.renal.creatinine) {
        if (auto e = check_lab(*in.renal.creatinine, "hct_ci.renal.creatinine")) {
            return e;
        }
    }
    return std::nullopt;
}

// --- recording criteria ---------------------------------------------------------------------
/// The evidence being recorded (CORE-EXPLAIN-001). Comparator, threshold and requirement of each
/// criterion come from hsct_criterion_info; here only what was measured is recorded.
using hct_ci_evidence = hsct::evidence<hct_ci_criterion, hct_ci_field>;

/// A yes/no finding: present -> met, absent -> not met, missing -> unknown.
HSCT_ALWAYS_INLINE void record_flag(hct_ci_evidence& ev, hct_ci_criterion c,
                                    const std::optional<bool>& v, hct_ci_field f,
                                    bool verified = true) {
    if (v) {
        ev.flag(c, *v, verified);
    } else {
        ev.missing(c, f, verified);
    }
}

/// A percentage against the criterion's threshold.
HSCT_ALWAYS_INLINE void record_percent(hct_ci_evidence& ev, hct_ci_criterion c,
                                       const std::optional<hsct::percent>& v, hct_ci_field f,
                                       bool verified = true) {
    if (v) {
        ev.value(c, v->in(hsct::units::pct), verified);
    } else {
        ev.missing(c, f, verified);
    }
}

/// A multiple of the ULN against the criterion's threshold.
template <class A>
HSCT_ALWAYS_INLINE void record_uln(hct_ci_evidence& ev, hct_ci_criterion c,
                                   const std::optional<lab_with_uln<A>>& l, hct_ci_field f) {
    if (l) {
        ev.value(c, l->times_uln());
    } else {
        ev.missing(c, f);
    }
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

HSCT_ALWAYS_INLINE void eval_pulmonary(const hct_ci_pulmonary& p, hct_ci_evidence& ev) {
    using c = hct_ci_criterion;
    // PAT-HCTCI-002: severe <= 65 % predicted; moderate <= 80 % (the higher tier supersedes).
    record_percent(ev, c::fev1_severe, p.fev1, hct_ci_field::fev1);
    record_percent(ev, c::dlco_severe, p.dlco, hct_ci_field::dlco);
    record_percent(ev, c::fev1_moderate, p.fev1, hct_ci_field::fev1);
    record_percent(ev, c::dlco_moderate, p.dlco, hct_ci_field::dlco);
    if (p.dyspnoea_level) {
        const auto d = *p.dyspnoea_level;
        ev.code(c::dyspnoea_at_rest, d, d == dyspnoea::at_rest);
        ev.code(c::dyspnoea_on_slight_activity, d, d == dyspnoea::on_slight_activity);
    } else {
        ev.missing(c::dyspnoea_at_rest, hct_ci_field::dyspnoea);
        ev.missing(c::dyspnoea_on_slight_activity, hct_ci_field::dyspnoea);
    }
    record_flag(ev, c::oxygen_need, p.requires_oxygen, hct_ci_field::oxygen_need);
}

HSCT_ALWAYS_INLINE void eval_hepatic(const hct_ci_hepatic& h, hct_ci_definition_set set,
                         hct_ci_hepatitis_history_policy hep, hct_ci_evidence& ev) {
    using c = hct_ci_criterion;
    // PAT-HCTCI-004: mild > 1 x ULN (bilirubin up to 1.5, AST/ALT up to 2.5); severe above.
    record_uln(ev, c::bilirubin_severe, h.bilirubin, hct_ci_field::bilirubin);
    record_uln(ev, c::ast_severe, h.ast, hct_ci_field::ast);
    record_uln(ev, c::alt_severe, h.alt, hct_ci_field::alt);
    record_flag(ev, c::cirrhosis, h.cirrhosis, hct_ci_field::cirrhosis);
    record_uln(ev, c::bilirubin_mild, h.bilirubin, hct_ci_field::bilirubin);
    record_uln(ev, c::ast_mild, h.ast, hct_ci_field::ast);
    record_uln(ev, c::alt_mild, h.alt, hct_ci_field::alt);
    record_flag(ev, c::chronic_hepatitis, h.chronic_hepatitis, hct_ci_field::chronic_hepatitis);
    // PAT-HCTCI-005 (CIBMTR) / PAT-HCTCI-022 (policy; HB24 Table 11.5 reading).
    const bool counted = hep == hct_ci_hepatitis_history_policy::count_as_mild_hepatic ||
                         (hep == hct_ci_hepatitis_history_policy::per_definition_set &&
                          set == hct_ci_definition_set::cibmtr);
    if (counted) {
        record_flag(ev, c::hepatitis_b_or_c_history, h.hepatitis_b_or_c_history,
                    hct_ci_field::hepatitis_b_or_c_history);
    } else if (h.hepatitis_b_or_c_history) {
        ev.not_applicable(c::hepatitis_b_or_c_history, *h.hepatitis_b_or_c_history ? 1.0 : 0.0);
    }
}

HSCT_ALWAYS_INLINE void eval_renal(const hct_ci_renal& k, hct_ci_evidence& ev) {
    using c = hct_ci_criterion;
    if (k.creatinine) {
        // PAT-HCTCI-006: compared in mg/dL whatever the unit it was given in.
        ev.value(c::creatinine, k.creatinine->in(hsct::units::mg_per_dl));
    } else {
        ev.missing(c::creatinine, hct_ci_field::creatinine);
    }
    record_flag(ev, c::dialysis, k.on_dialysis, hct_ci_field::dialysis);
    record_flag(ev, c::prior_renal_transplant, k.prior_renal_transplant,
                hct_ci_field::prior_renal_transplant);
}

HSCT_ALWAYS_INLINE void eval_cardiac(const hct_ci_input& in, hct_ci_definition_set set, age_resolution rule,
                         hct_ci_evidence& ev) {
    using c = hct_ci_criterion;
    const hct_ci_cardiac& k = in.cardiac;
    record_flag(ev, c::coronary_artery_disease, k.coronary_artery_disease,
                hct_ci_field::coronary_artery_disease);
    record_flag(ev, c::congestive_heart_failure, k.congestive_heart_failure,
                hct_ci_field::congestive_heart_failure);
    record_flag(ev, c::myocardial_infarction, k.myocardial_infarction,
                hct_ci_field::myocardial_infarction);
    const bool sf_rule = set == hct_ci_definition_set::cibmtr;
    if (!sf_rule) {
        record_percent(ev, c::lvef, k.lvef, hct_ci_field::lvef);
        return;
    }
    const auto child = is_child(in.age_at_hct, rule);
    // A paediatric shortening fraction may stand in for a missing LVEF under CIBMTR.
    if (k.lvef || !(child.value_or(false) && k.shortening_fraction)) {
        record_percent(ev, c::lvef, k.lvef, hct_ci_field::lvef);
    }
    if (k.shortening_fraction) {
        if (!child) {
            ev.missing(c::shortening_fraction, hct_ci_field::age_at_hct);
        } else if (!*child) {
            ev.not_applicable(c::shortening_fraction, k.shortening_fraction->in(hsct::units::pct));
        } else {
            ev.value(c::shortening_fraction, k.shortening_fraction->in(hsct::units::pct));
        }
    }
}

HSCT_ALWAYS_INLINE void eval_obesity(const hct_ci_input& in, hct_ci_definition_set set, age_resolution rule,
                         hct_ci_evidence& ev) {
    using c = hct_ci_criterion;
    const hct_ci_obesity& o = in.obesity;
    // BMI > 35 scores in every set and at every age; a missing BMI matters only where the
    // paediatric percentile does not decide.
    if (o.bmi && ev.value(c::bmi, o.bmi->in(hsct::units::kg_per_m2))) {
        return;
    }
    if (set == hct_ci_definition_set::sorror_2005) {
        if (!o.bmi) {
            ev.missing(c::bmi, hct_ci_field::bmi);
        }
        return;
    }
    // Sorror 2013 / CIBMTR: children are obese at BMI-for-age >= 95th percentile.
    // PAT-HCTCI-023: CIBMTR's paediatric obesity wording was not read; the 2013 rule is used.
    const bool verified = set != hct_ci_definition_set::cibmtr;
    const auto child = is_child(in.age_at_hct, rule);
    if (!child) {
        ev.missing(c::bmi_for_age, hct_ci_field::age_at_hct, verified);
    } else if (!*child) {
        if (!o.bmi) {
            ev.missing(c::bmi, hct_ci_field::bmi);
        }
    } else if (!o.bmi_for_age_percentile) {
        ev.missing(c::bmi_for_age, hct_ci_field::bmi_for_age_percentile, verified);
    } else {
        ev.value(c::bmi_for_age, o.bmi_for_age_percentile->in(hsct::units::pct), verified);
    }
}

HSCT_ALWAYS_INLINE void eval_tumour(const std::optional<std::vector<prior_tumour>>& t, hct_ci_evidence& ev) {
    using c = hct_ci_criterion;
    if (!t) {
        ev.missing(c::prior_tumour, hct_ci_field::prior_tumours);
        return;
    }
    // The number of tumours that count: any but non-melanoma skin cancer.
    double n = 0.0;
    for (const auto k : *t) {
        n += k != prior_tumour::non_melanoma_skin_cancer ? 1.0 : 0.0;
    }
    ev.value(c::prior_tumour, n);
}

HSCT_ALWAYS_INLINE void eval_valve(const std::optional<heart_valve_finding>& v, hct_ci_definition_set set,
                       hct_ci_evidence& ev) {
    // PAT-HCTCI-023: CIBMTR's valve wording was not read; the 2013 reading is used.
    const bool verified = set != hct_ci_definition_set::cibmtr;
    if (!v) {
        ev.missing(hct_ci_criterion::heart_valve, hct_ci_field::heart_valve, verified);
        return;
    }
    const bool met = *v == heart_valve_finding::other_valve_disease ||
                     (*v == heart_valve_finding::mitral_valve_prolapse_symptomatic &&
                      set != hct_ci_definition_set::sorror_2005);
    ev.code(hct_ci_criterion::heart_valve, *v, met, verified);
}

HSCT_ALWAYS_INLINE void eval_diabetes(const std::optional<diabetes_treatment>& d, hct_ci_definition_set set,
                          hct_ci_evidence& ev) {
    if (!d) {
        ev.missing(hct_ci_criterion::diabetes_treatment, hct_ci_field::diabetes);
        return;
    }
    const bool met = *d == diabetes_treatment::oral_agents || *d == diabetes_treatment::insulin ||
                     (*d == diabetes_treatment::steroid_hyperglycaemia_on_medication &&
                      set == hct_ci_definition_set::cibmtr);
    ev.code(hct_ci_criterion::diabetes_treatment, *d, met);
}

HSCT_ALWAYS_INLINE void eval_psychiatric(const std::optional<psychiatric_history>& p,
                             hct_ci_definition_set set, hct_ci_evidence& ev) {
    // Only a current disturbance scores, under every definition set: Sorror 2013 says "at the
    // time of HCT", and the EBMT Handbook 2024 (Table 11.5, 2005 wording) "ongoing treatment".
    // PAT-HCTCI-023: CIBMTR's wording was not read; this is hsct's reading of it.
    const bool verified = set != hct_ci_definition_set::cibmtr;
    if (!p) {
        ev.missing(hct_ci_criterion::psychiatric, hct_ci_field::psychiatric, verified);
        return;
    }
    ev.code(hct_ci_criterion::psychiatric, *p, *p == psychiatric_history::at_time_of_hct,
            verified);
}

HSCT_ALWAYS_INLINE void eval_infection(const hct_ci_infection& i, hct_ci_definition_set set,
                           hct_ci_evidence& ev) {
    if (set == hct_ci_definition_set::sorror_2013) {
        record_flag(ev, hct_ci_criterion::infection_across_conditioning,
                    i.infection_treated_across_conditioning_start,
                    hct_ci_field::infection_across_conditioning);
    } else {
        // PAT-HCTCI-023: CIBMTR's infection wording was not read; the 2005 question is used.
        record_flag(ev, hct_ci_criterion::antimicrobials_after_day_0,
                    i.antimicrobials_continued_after_day_0, hct_ci_field::antimicrobials_after_day_0,
                    set != hct_ci_definition_set::cibmtr);
    }
}


}  // namespace detail

// =========================================================================================
// Assessment
// =========================================================================================

/// PAT-HCTCI-017: the HCT-CI/age composite (Sorror, JCO 2014;32:3249): 1 point at age >= 40
/// years, read under `rule` (default completed years, K6); groups 0-2, 3-4, >= 5.
/// Error: a rule number that is not a declared value (out_of_range, field "rule",
/// CORE-ENUM-002).
[[nodiscard]] inline result<hct_ci_age_index> hct_ci_with_age(
    const hct_ci_result& r, const age& a, age_resolution rule = age_resolution::completed_years) {
    if (auto e = hsct::detail::check_enum(rule, "rule")) {
        return *e;
    }
    const double years = a.years(rule);
    // PAT-HCTCI-017: a point at 40 years itself.
    const bool point = satisfies(years, comparator::greater_equal, detail::age_point_from_years);
    const auto age_pts = point ? hct_ci_points::of<1>() : hct_ci_points::of<0>();
    auto total = checked_add(r.score, age_pts);  // at most 27: never fails (PAT-HCTCI-021)
    if (!total) {
        return std::move(total).error();
    }
    hct_ci_age_index ix;
    ix.comorbidity = r.score;
    ix.age_points = age_pts;
    ix.total = *total;
    ix.group = hct_ci_age_group_of(*total);
    ix.resolution = rule;
    ix.age = criterion<hct_ci_criterion>{hct_ci_criterion::age_40_or_more,
                                         point ? outcome::met : outcome::not_met,
                                         comparator::greater_equal, true,  // PAT-HCTCI-017
                                         "PAT-HCTCI-017",
                                         measure::count(years, count_unit::years),
                                         detail::age_point_from_years};
    ix.complete = r.complete();
    return ix;
}

/// Decides the 17 items under `opt.definition_set` and sums them (PAT-HCTCI-001..024). The
/// result records every criterion evaluated (CORE-EXPLAIN-001); nothing is allocated.
/// Errors: an enum number in the input or options that is not a declared value (out_of_range,
/// field e.g. "hct_ci.heart_valve", "hct_ci.prior_tumours[1]", "hct_ci.options.definition_set";
/// CORE-ENUM-002); an input outside its accepted range (out_of_range / not_finite,
/// PAT-HCTCI-019); a DLCO not corrected for haemoglobin where the policy requires it
/// (not_allowed, PAT-HCTCI-003); any unassessable item under hct_ci_missing_policy::refuse
/// (missing, PAT-HCTCI-018).
[[nodiscard]] inline result<hct_ci_result> assess_hct_ci(const hct_ci_input& in,
                                                         const hct_ci_options& opt = {}) {
    // Built where it is returned: one object, returned from every path.
    result<hct_ci_result> out(std::in_place);
    if (auto e = detail::validate(in, opt)) {
        out = std::move(*e);
        return out;
    }
    hct_ci_result& r = *out;
    const auto set = opt.definition_set;
    r.options = opt;
    auto& ev = r.criteria;
    using c = hct_ci_criterion;
    detail::record_flag(ev, c::arrhythmia, in.arrhythmia, hct_ci_field::arrhythmia);
    detail::eval_cardiac(in, set, opt.age_rule, ev);
    detail::record_flag(ev, c::inflammatory_bowel_disease, in.inflammatory_bowel_disease,
                        hct_ci_field::inflammatory_bowel_disease);
    detail::eval_diabetes(in.diabetes, set, ev);
    detail::record_flag(ev, c::cerebrovascular, in.cerebrovascular, hct_ci_field::cerebrovascular);
    detail::eval_psychiatric(in.psychiatric, set, ev);
    detail::eval_hepatic(in.hepatic, set, opt.hepatitis_history, ev);
    detail::eval_obesity(in, set, opt.age_rule, ev);
    detail::eval_infection(in.infection, set, ev);
    detail::record_flag(ev, c::rheumatologic, in.rheumatologic, hct_ci_field::rheumatologic);
    detail::record_flag(ev, c::peptic_ulcer, in.peptic_ulcer, hct_ci_field::peptic_ulcer);
    detail::eval_renal(in.renal, ev);
    detail::eval_pulmonary(in.pulmonary, ev);
    detail::eval_tumour(in.prior_tumours, ev);
    detail::eval_valve(in.heart_valve, set, ev);

    // The score needs the met items only; the unassessed ones are folded when asked for.
    const auto scored = detail::fold_hct_ci_met_items(ev.met_mask());
    const int total = detail::hct_ci_weight_sum(scored.met & ~scored.not_counted);
    if (opt.missing == hct_ci_missing_policy::refuse && !r.complete()) {
        std::string items;
        for (const auto& it : r.items()) {
            if (it.status == hct_ci_item_status::unassessed) {
                items += hsct::detail::concat({items.empty() ? "" : ", ", id(it.item)});
            }
        }
        out = hsct::error(errc::missing, "hct_ci", std::move(items), "every item assessable",
                          "PAT-HCTCI-018");
        return out;
    }
    // at most 26 (PAT-HCTCI-021): never fails, but an error is returned rather than assumed
    if (auto score = hct_ci_points::make(total)) {
        r.score = *score;
    } else {
        out = std::move(score).error();
        return out;
    }
    r.risk_group = hct_ci_risk_group_of(r.score);
    if (in.age_at_hct) {
        if (auto w = hct_ci_with_age(r, *in.age_at_hct, opt.age_rule)) {
            r.with_age = *w;
        } else {
            out = std::move(w).error();  // unreachable: opt.age_rule was checked by validate
            return out;
        }
    }
    return out;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_HCT_CI_HPP
