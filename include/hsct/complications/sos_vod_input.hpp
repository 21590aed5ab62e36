// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The SOS/VOD episode as every SOS/VOD rule reads it: raw dated measurements relative to Day 0
// (bilirubin, weight with its baseline, creatinine with its baseline at transplant, ALT/AST as
// multiples of the ULN, HVPG, GFR, oxygen flow, SOFA organ scores) and clinical findings with the
// day they began and the day they resolved (hepatomegaly, right-upper-quadrant pain, ascites,
// imaging, histology, refractory thrombocytopenia, ...). The rules are in sos_vod.hpp (modified
// Seattle, Baltimore, EBMT 2016 and 2023 adult diagnosis), sos_vod_paediatric.hpp (EBMT 2018
// paediatric diagnosis and severity) and sos_vod_severity.hpp (EBMT 2016 and 2023 adult severity).
//
//   using namespace hsct::complications;
//   const sos_measurement<hsct::bilirubin> bili[] = {
//       {hsct::transplant_day::at(12), hsct::bilirubin(1.4, hsct::units::mg_per_dl)},
//       {hsct::transplant_day::at(14), hsct::bilirubin(41.0, hsct::units::umol_per_l)}};
//   const sos_finding_record signs[] = {
//       sos_finding_record::from(sos_finding::hepatomegaly, hsct::transplant_day::at(11)),
//       sos_finding_record::from(sos_finding::ruq_pain, hsct::transplant_day::at(11))};
//   sos_vod_input in;
//   in.assessed_on = hsct::transplant_day::at(16);
//   in.bilirubin = bili;
//   in.findings = signs;
//
// COMP-SOS-001 (bad input, hsct's checks [P]): the assessment day is D0 or later; the episode
// starts between D-60 and D0 (default D0); every measurement and finding onset lies in
// [episode_start, assessed_on]; each series is in strictly increasing day order (one value a day:
// the caller aggregates several results of a day); bilirubin and creatinine within core's
// plausible ranges; weights above 0 and at most 500 kg; a weight series needs a baseline weight and
// a creatinine series a baseline creatinine above 0 (no default baseline); a finding resolves after
// its onset, and only ascites carries an extent; SOFA records name a declared organ, at most one a
// day per organ; at most 1,024 values a series and 256 findings or SOFA records. Errors name the
// field ("weight[3].day"), the value and the valid range.
// COMP-SOS-002 (persistence, hsct's engineering reading [U]; sos_persistence): a finding is present
// from its onset until the day it is documented resolved (exclusive); under carry_forward (default)
// a laboratory value stands until the next value of its series and an event criterion (three
// rising days, a gain within 72 h) stands from the day it happened; under same_day_only both hold
// only on the day measured. Criteria of a set are co-present when they hold on the same transplant
// day; the diagnosis day is the first such day, scanning D0 to the assessment day. A day on which
// no value of a series stands reads as not met; a criterion is unknown (input missing) only when
// its series is empty or its finding was marked not assessed, and a status is indeterminate only
// when such an unknown could have completed the set on some day.
// COMP-SOS-003: weight gain is (weight - baseline) / baseline x 100 %, the baseline being the one
// the caller states (the sources say "baseline" without defining it: admission or pre-conditioning
// weight is usual); a rule never picks a baseline itself.
#ifndef HSCT_COMPLICATIONS_SOS_VOD_INPUT_HPP
#define HSCT_COMPLICATIONS_SOS_VOD_INPUT_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/detail/three_valued.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/analyte.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/lab_with_uln.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/score.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct::complications {

// --- Value types core does not have (no pressure or flow dimension) -----------------------------

namespace detail {
/// A non-negative number in a fixed unit, checked on construction. Base of the SOS/VOD values
/// core has no quantity for; each is the size of its double.
template <class Tag>
class sos_fixed_unit_value {
public:
    /// Checked construction. Errors: not_finite, or out_of_range outside [0, Tag::max] (field, the
    /// value with its unit, the range, COMP-SOS-001).
    [[nodiscard]] static result<sos_fixed_unit_value> make(double v, field_ref field = Tag::name) {
        if (std::isfinite(v) && v >= 0.0 && v <= Tag::max) {
            return sos_fixed_unit_value(v);
        }
        return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field,
                     hsct::detail::concat({hsct::detail::format_number(v), " ", Tag::unit}),
                     hsct::detail::concat({"0-", hsct::detail::format_number(Tag::max), " ", Tag::unit}),
                     "COMP-SOS-001");
    }
    /// The number in the type's unit (Tag::unit).
    [[nodiscard]] constexpr double value() const noexcept { return v_; }
    friend constexpr bool operator==(sos_fixed_unit_value, sos_fixed_unit_value) noexcept = default;

private:
    constexpr explicit sos_fixed_unit_value(double v) noexcept : v_(v) {}
    double v_;
};
struct pressure_gradient_tag {
    static constexpr const char* name = "hvpg";
    static constexpr const char* unit = "mmHg";
    static constexpr double max = 60.0;  // [P]: far above any measured gradient
};
struct filtration_rate_tag {
    static constexpr const char* name = "gfr";
    static constexpr const char* unit = "mL/min/1.73 m2";
    static constexpr double max = 300.0;  // [P]
};
struct clearance_tag {
    static constexpr const char* name = "clearance";
    static constexpr const char* unit = "mL/min";
    static constexpr double max = 300.0;  // [P]
};
struct oxygen_flow_tag {
    static constexpr const char* name = "oxygen";
    static constexpr const char* unit = "L/min";
    static constexpr double max = 80.0;  // [P]: above high-flow nasal cannula rates
};
}  // namespace detail

/// Hepatic venous pressure gradient in mmHg (0-60), as measured by transjugular catheter.
using pressure_gradient = detail::sos_fixed_unit_value<detail::pressure_gradient_tag>;
/// Glomerular filtration rate normalised to body surface, mL/min/1.73 m2 (0-300). The paediatric
/// severity bands (90 / 60 / 30 / 15) are the normalised kidney-function categories: a child's
/// absolute clearance in mL/min (a healthy infant's is about 25) must be normalised first
/// (normalised_gfr), or a normal kidney would grade severe.
using filtration_rate = detail::sos_fixed_unit_value<detail::filtration_rate_tag>;

/// An absolute clearance in mL/min (0-300), not normalised to body surface: a measured creatinine
/// clearance or a GFR before normalisation. Its own type, so that it cannot be passed where the
/// normalised filtration_rate is read.
using clearance = detail::sos_fixed_unit_value<detail::clearance_tag>;

/// A clearance normalised to 1.73 m2 of body surface: mL/min x 1.73 / BSA. Errors: a BSA outside
/// 0.1-3.5 m2, or a result outside filtration_rate's range (field "gfr").
template <class = void>
[[nodiscard]] result<filtration_rate> normalised_gfr(clearance c, hsct::area bsa) {
    const double m2 = bsa.in(hsct::units::m2);
    if (!std::isfinite(m2) || m2 < 0.1 || m2 > 3.5) {
        return error(std::isfinite(m2) ? errc::out_of_range : errc::not_finite, "bsa",
                     hsct::detail::concat({hsct::detail::format_number(m2), " m2"}), "0.1-3.5 m2", "COMP-SOS-001");
    }
    return filtration_rate::make(c.value() * 1.73 / m2);
}
/// Supplemental oxygen flow in L/min (0-80).
using oxygen_flow = detail::sos_fixed_unit_value<detail::oxygen_flow_tag>;

/// One dated measurement of an episode.
template <class Q>
struct sos_measurement {
    hsct::transplant_day day;
    Q value;
};

// --- Findings -------------------------------------------------------------------------------------

/// A clinical, imaging or histological finding a rule reads (COMP-SOS-002: present from its onset
/// until resolved).
enum class sos_finding : std::uint8_t {
    hepatomegaly = 1,                  ///< for the paediatric criteria: above the pre-transplant baseline
    ruq_pain = 2,                      ///< right-upper-quadrant pain (hepatalgia)
    ascites = 3,                       ///< for the paediatric criteria: above the baseline; may carry an extent
    ultrasound_suggestive = 4,         ///< ultrasound and/or elastography suggestive of SOS/VOD
    portal_flow_abnormal = 5,          ///< reduced velocity or reversal of portal venous flow (Doppler)
    histology = 6,                     ///< histologically proven SOS/VOD
    refractory_thrombocytopenia = 7,   ///< unexplained consumptive, transfusion-refractory thrombocytopenia
    diuretics = 8,                     ///< diuretics given
    multi_organ_dysfunction = 9,       ///< MOD/MOF, as the clinician diagnosed it
    coagulopathy = 10,                 ///< impaired coagulation
    factor_replacement = 11,           ///< coagulopathy needing factor replacement
    cognitive_impairment = 12,         ///< new cognitive impairment
    ventilation = 13,                  ///< ventilator support, CPAP included
};

constexpr auto hsct_enum_table(sos_finding) noexcept {
    using f = sos_finding;
    return make_enum_table<sos_finding>("sos_finding", {
        {f::hepatomegaly, "hepatomegaly", "hepatomegaly"},
        {f::ruq_pain, "ruq_pain", "right-upper-quadrant pain"},
        {f::ascites, "ascites", "ascites"},
        {f::ultrasound_suggestive, "ultrasound_suggestive", "ultrasound and/or elastography suggestive of SOS/VOD"},
        {f::portal_flow_abnormal, "portal_flow_abnormal", "reduced or reversed portal venous flow"},
        {f::histology, "histology", "histologically proven SOS/VOD"},
        {f::refractory_thrombocytopenia, "refractory_thrombocytopenia", "consumptive transfusion-refractory thrombocytopenia"},
        {f::diuretics, "diuretics", "diuretics given"},
        {f::multi_organ_dysfunction, "multi_organ_dysfunction", "multi-organ dysfunction or failure"},
        {f::coagulopathy, "coagulopathy", "impaired coagulation"},
        {f::factor_replacement, "factor_replacement", "coagulopathy needing factor replacement"},
        {f::cognitive_impairment, "cognitive_impairment", "new cognitive impairment"},
        {f::ventilation, "ventilation", "ventilator support (CPAP included)"},
    });
}

/// How much ascites (the paediatric severity row); only an ascites finding carries one.
enum class sos_ascites_extent : std::uint8_t {
    not_graded = 1,
    minimal = 2,
    moderate = 3,
    needs_paracentesis = 4,
};

constexpr auto hsct_enum_table(sos_ascites_extent) noexcept {
    return make_enum_table<sos_ascites_extent>("sos_ascites_extent", {
        {sos_ascites_extent::not_graded, "not_graded", "extent not graded"},
        {sos_ascites_extent::minimal, "minimal", "minimal"},
        {sos_ascites_extent::moderate, "moderate", "moderate"},
        {sos_ascites_extent::needs_paracentesis, "needs_paracentesis", "needing paracentesis"},
    });
}

/// One finding: when it began and, if documented, the first day it was gone.
struct sos_finding_record {
    sos_finding finding = sos_finding::hepatomegaly;
    hsct::transplant_day onset;
    std::optional<hsct::transplant_day> resolved;  ///< the first day it was no longer present
    bool by_imaging = false;                       ///< documented by imaging (hepatomegaly, ascites)
    sos_ascites_extent extent = sos_ascites_extent::not_graded;

    /// A finding from `onset` (until `resolved`, when given): every member named, so that code
    /// built with -Wmissing-field-initializers need not spell the defaults.
    [[nodiscard]] static constexpr sos_finding_record from(sos_finding f, hsct::transplant_day onset,
                                                           std::optional<hsct::transplant_day> resolved = std::nullopt,
                                                           bool by_imaging = false) noexcept {
        return {f, onset, resolved, by_imaging, sos_ascites_extent::not_graded};
    }
    /// Ascites of a graded extent (the paediatric severity row).
    [[nodiscard]] static constexpr sos_finding_record ascites_of(sos_ascites_extent e, hsct::transplant_day onset,
                                                                 std::optional<hsct::transplant_day> resolved = std::nullopt,
                                                                 bool by_imaging = false) noexcept {
        return {sos_finding::ascites, onset, resolved, by_imaging, e};
    }
};

/// The SOFA organs (EBMT 2023 defines MOD with SOFA organ scores).
enum class sos_sofa_organ : std::uint8_t {
    respiration = 1,
    coagulation = 2,
    liver = 3,
    cardiovascular = 4,
    central_nervous_system = 5,
    renal = 6,
};

constexpr auto hsct_enum_table(sos_sofa_organ) noexcept {
    return make_enum_table<sos_sofa_organ>("sos_sofa_organ", {
        {sos_sofa_organ::respiration, "respiration", "respiration"},
        {sos_sofa_organ::coagulation, "coagulation", "coagulation"},
        {sos_sofa_organ::liver, "liver", "liver"},
        {sos_sofa_organ::cardiovascular, "cardiovascular", "cardiovascular"},
        {sos_sofa_organ::central_nervous_system, "central_nervous_system", "central nervous system"},
        {sos_sofa_organ::renal, "renal", "renal"},
    });
}

namespace detail {
struct sos_sofa_score_tag {
    static constexpr int min = 0, max = 4, step = 1;
    static constexpr std::string_view name = "sofa.score";
    static constexpr std::string_view requirement = "COMP-SOS-058";
};
}  // namespace detail

/// A SOFA organ score, 0-4.
using sos_sofa_score = hsct::bounded_score<detail::sos_sofa_score_tag>;

/// A SOFA organ score on a day.
struct sos_sofa_record {
    hsct::transplant_day day;
    sos_sofa_organ organ = sos_sofa_organ::respiration;
    sos_sofa_score score;
};

/// A pre-existing organ involvement: the organ's SOFA score before the episode.
struct sos_sofa_baseline {
    sos_sofa_organ organ = sos_sofa_organ::respiration;
    sos_sofa_score score;
};

/// COMP-SOS-044: the SOS/VOD risk factors of HB24 ch. 49 Table 49.1 (adults; Mohty, Carreras et al.,
/// doi:10.1007/978-3-031-44080-9_49) [V-HB24]. The list is data: a centre counting another list (the
/// 2015 EBMT position statement, paediatric factors) adds its own count as `unlisted`.
enum class sos_risk_factor : std::uint8_t {
    second_hct = 1,
    advanced_disease = 2,               ///< beyond second CR, or relapse
    primary_immunodeficiency = 3,
    genetic_factors = 4,                ///< GSTM1 polymorphism, C282Y allele, MTHFR 677CC/1298CC
    older_age = 5,
    raised_transaminases = 6,           ///< transaminases above 2.5 x ULN
    karnofsky_below_90 = 7,
    metabolic_syndrome = 8,
    female_on_norethisterone = 9,
    prior_ozogamicin = 10,              ///< gemtuzumab or inotuzumab ozogamicin before HCT
    hepatotoxic_drugs = 11,
    iron_overload = 12,                 ///< ferritin above 1000 ng/mL
    raised_bilirubin = 13,              ///< above 1.5 mg/dL (26 umol/L; the table prints "mg/L")
    preexisting_liver_disease = 14,     ///< fibrosis, cirrhosis, active viral hepatitis
    abdominal_irradiation = 15,         ///< abdominal or hepatic irradiation
    myeloablative_conditioning = 16,
    busulfan_oral_or_high_dose = 17,
    treosulfan_high_dose = 18,
    tbi_high_dose = 19,
    unrelated_donor = 20,
    hla_mismatched_donor = 21,
    sirolimus_mtx_tacrolimus = 22,
    mtx_with_calcineurin_inhibitor = 23,
    non_t_depleted_graft = 24,
    parenteral_nutrition = 25,
};

constexpr auto hsct_enum_table(sos_risk_factor) noexcept {
    using r = sos_risk_factor;
    return make_enum_table<sos_risk_factor>("sos_risk_factor", {
        {r::second_hct, "second_hct", "second HCT"},
        {r::advanced_disease, "advanced_disease", "advanced disease (beyond CR2, or relapse)"},
        {r::primary_immunodeficiency, "primary_immunodeficiency", "primary immunodeficiency"},
        {r::genetic_factors, "genetic_factors", "genetic factors (GSTM1, C282Y, MTHFR)"},
        {r::older_age, "older_age", "older age"},
        {r::raised_transaminases, "raised_transaminases", "transaminases above 2.5 x ULN"},
        {r::karnofsky_below_90, "karnofsky_below_90", "Karnofsky below 90 %"},
        {r::metabolic_syndrome, "metabolic_syndrome", "metabolic syndrome"},
        {r::female_on_norethisterone, "female_on_norethisterone", "female receiving norethisterone"},
        {r::prior_ozogamicin, "prior_ozogamicin", "prior gemtuzumab or inotuzumab ozogamicin"},
        {r::hepatotoxic_drugs, "hepatotoxic_drugs", "hepatotoxic drugs"},
        {r::iron_overload, "iron_overload", "iron overload (ferritin above 1000 ng/mL)"},
        {r::raised_bilirubin, "raised_bilirubin", "bilirubin above 1.5 mg/dL (26 umol/L)"},
        {r::preexisting_liver_disease, "preexisting_liver_disease", "pre-existing liver disease"},
        {r::abdominal_irradiation, "abdominal_irradiation", "abdominal or hepatic irradiation"},
        {r::myeloablative_conditioning, "myeloablative_conditioning", "myeloablative conditioning"},
        {r::busulfan_oral_or_high_dose, "busulfan_oral_or_high_dose", "oral or high-dose busulfan"},
        {r::treosulfan_high_dose, "treosulfan_high_dose", "high-dose treosulfan"},
        {r::tbi_high_dose, "tbi_high_dose", "high-dose TBI"},
        {r::unrelated_donor, "unrelated_donor", "unrelated donor"},
        {r::hla_mismatched_donor, "hla_mismatched_donor", "HLA-mismatched donor"},
        {r::sirolimus_mtx_tacrolimus, "sirolimus_mtx_tacrolimus", "sirolimus with methotrexate and tacrolimus"},
        {r::mtx_with_calcineurin_inhibitor, "mtx_with_calcineurin_inhibitor", "methotrexate with ciclosporin or tacrolimus"},
        {r::non_t_depleted_graft, "non_t_depleted_graft", "non-T-cell-depleted graft"},
        {r::parenteral_nutrition, "parenteral_nutrition", "parenteral nutrition"},
    });
}

/// The risk factors a patient has: those of the list, and a count of others. `assessed` false
/// leaves the risk-factor upgrade unknown.
struct sos_risk_factors {
    hsct::enum_set<sos_risk_factor> present;
    std::uint8_t unlisted = 0;  ///< risk factors of another list, not in sos_risk_factor
    bool assessed = false;
    [[nodiscard]] constexpr std::size_t count() const noexcept { return present.size() + unlisted; }
};

/// COMP-SOS-004: whether the clinician has excluded other causes of the signs (every set requires it).
enum class sos_other_cause : std::uint8_t {
    not_assessed = 1,  ///< the criterion is unknown; the status is decided on the other criteria
    excluded = 2,      ///< other causes excluded
    present = 3,       ///< the signs are attributed to another cause: the status says so
};

constexpr auto hsct_enum_table(sos_other_cause) noexcept {
    return make_enum_table<sos_other_cause>("sos_other_cause", {
        {sos_other_cause::not_assessed, "not_assessed", "other causes not assessed"},
        {sos_other_cause::excluded, "excluded", "other causes excluded"},
        {sos_other_cause::present, "present", "signs attributed to another cause"},
    });
}

/// COMP-SOS-002: how long a laboratory value and an event criterion stand (engineering reading [U]).
enum class sos_persistence : std::uint8_t {
    carry_forward = 1,  ///< a value until the next of its series; an event from its day (default)
    same_day_only = 2,  ///< only on the day measured or the day it happened
};

constexpr auto hsct_enum_table(sos_persistence) noexcept {
    return make_enum_table<sos_persistence>("sos_persistence", {
        {sos_persistence::carry_forward, "carry_forward", "a value stands until the next one"},
        {sos_persistence::same_day_only, "same_day_only", "a value counts on its own day only"},
    });
}

/// The inputs of an episode, for the set of missing inputs and the criteria that lacked one.
enum class sos_input_field : std::uint8_t {
    bilirubin = 1,
    weight = 2,
    creatinine = 3,
    transaminases = 4,
    hvpg = 5,
    gfr = 6,
    oxygen = 7,
    sofa = 8,
    first_symptom_day = 9,
    risk_factors = 10,
    other_causes = 11,
    age = 12,
    hepatomegaly = 13,
    ruq_pain = 14,
    ascites = 15,
    ascites_extent = 16,
    ultrasound = 17,
    portal_flow = 18,
    histology = 19,
    refractory_thrombocytopenia = 20,
    diuretics = 21,
    multi_organ_dysfunction = 22,
    coagulation = 23,
    cognition = 24,
    ventilation = 25,
};

constexpr auto hsct_enum_table(sos_input_field) noexcept {
    using f = sos_input_field;
    return make_enum_table<sos_input_field>("sos_input_field", {
        {f::bilirubin, "bilirubin", "bilirubin series"},
        {f::weight, "weight", "weight series"},
        {f::creatinine, "creatinine", "creatinine series"},
        {f::transaminases, "transaminases", "ALT/AST series"},
        {f::hvpg, "hvpg", "hepatic venous pressure gradient"},
        {f::gfr, "gfr", "GFR series"},
        {f::oxygen, "oxygen", "oxygen requirement"},
        {f::sofa, "sofa", "SOFA organ scores"},
        {f::first_symptom_day, "first_symptom_day", "day of the first clinical symptom"},
        {f::risk_factors, "risk_factors", "SOS/VOD risk factors"},
        {f::other_causes, "other_causes", "exclusion of other causes"},
        {f::age, "age", "age"},
        {f::hepatomegaly, "hepatomegaly", "hepatomegaly finding"},
        {f::ruq_pain, "ruq_pain", "right-upper-quadrant pain finding"},
        {f::ascites, "ascites", "ascites finding"},
        {f::ascites_extent, "ascites_extent", "extent of ascites"},
        {f::ultrasound, "ultrasound", "ultrasound or elastography"},
        {f::portal_flow, "portal_flow", "portal venous flow (Doppler)"},
        {f::histology, "histology", "histology"},
        {f::refractory_thrombocytopenia, "refractory_thrombocytopenia", "refractory thrombocytopenia finding"},
        {f::diuretics, "diuretics", "diuretic use"},
        {f::multi_organ_dysfunction, "multi_organ_dysfunction", "multi-organ dysfunction finding"},
        {f::coagulation, "coagulation", "coagulation findings"},
        {f::cognition, "cognition", "cognitive finding"},
        {f::ventilation, "ventilation", "ventilator support finding"},
    });
}

/// The input field a finding is read from.
[[nodiscard]] constexpr sos_input_field input_field_of(sos_finding f) noexcept {
    switch (f) {
        case sos_finding::hepatomegaly: return sos_input_field::hepatomegaly;
        case sos_finding::ruq_pain: return sos_input_field::ruq_pain;
        case sos_finding::ascites: return sos_input_field::ascites;
        case sos_finding::ultrasound_suggestive: return sos_input_field::ultrasound;
        case sos_finding::portal_flow_abnormal: return sos_input_field::portal_flow;
        case sos_finding::histology: return sos_input_field::histology;
        case sos_finding::refractory_thrombocytopenia: return sos_input_field::refractory_thrombocytopenia;
        case sos_finding::diuretics: return sos_input_field::diuretics;
        case sos_finding::multi_organ_dysfunction: return sos_input_field::multi_organ_dysfunction;
        case sos_finding::coagulopathy:
        case sos_finding::factor_replacement: return sos_input_field::coagulation;
        case sos_finding::cognitive_impairment: return sos_input_field::cognition;
        case sos_finding::ventilation: return sos_input_field::ventilation;
    }
    return sos_input_field::hepatomegaly;
}

/// COMP-SOS-001: the episode every SOS/VOD rule reads. Missing measurements are empty spans or
/// empty optionals, never zeros.
struct sos_vod_input {
    hsct::transplant_day assessed_on;    ///< the last day read (D0 or later)
    hsct::transplant_day episode_start;  ///< the first day a measurement may be dated (D-60 to D0; default D0)
    std::span<const sos_measurement<hsct::bilirubin>> bilirubin;
    std::span<const sos_measurement<hsct::mass>> weight;
    std::optional<sos_measurement<hsct::mass>> baseline_weight;  ///< required with a weight series
    std::span<const sos_measurement<hsct::creatinine>> creatinine;
    std::optional<hsct::creatinine> baseline_creatinine;  ///< at transplant; required with a creatinine series
    std::span<const sos_measurement<hsct::lab_with_uln<hsct::alt>>> alt;
    std::span<const sos_measurement<hsct::lab_with_uln<hsct::ast>>> ast;
    std::span<const sos_measurement<pressure_gradient>> hvpg;
    std::span<const sos_measurement<filtration_rate>> gfr;
    std::span<const sos_measurement<oxygen_flow>> oxygen;
    std::span<const sos_sofa_record> sofa;
    std::span<const sos_sofa_baseline> sofa_baseline;  ///< pre-existing organ involvement
    std::span<const sos_finding_record> findings;
    /// Findings the clinician did not assess: absent from `findings` they are unknown, not absent.
    hsct::enum_set<sos_finding> not_assessed;
    std::optional<hsct::transplant_day> first_symptom_day;  ///< the first clinical sign of SOS/VOD
    sos_risk_factors risk_factors;
    sos_other_cause other_causes = sos_other_cause::not_assessed;
    std::optional<hsct::age> age;                 ///< for the adult/paediatric population check
    bool preexisting_hyperbilirubinaemia = false;  ///< from the primary disease (paediatric severity)
};

/// What a diagnosis rule found.
enum class sos_status : std::uint8_t {
    met = 1,             ///< the set is fulfilled (diagnosis_day says when)
    not_met = 2,         ///< not fulfilled, and no missing input could fulfil it
    indeterminate = 3,   ///< not fulfilled with what was given; a missing input could fulfil it
    other_cause = 4,     ///< fulfilled, but the signs are attributed to another cause (COMP-SOS-004)
    not_applicable = 5,  ///< the set is not for this patient's age group (COMP-SOS-005)
};

constexpr auto hsct_enum_table(sos_status) noexcept {
    return make_enum_table<sos_status>("sos_status", {
        {sos_status::met, "met", "criteria met"},
        {sos_status::not_met, "not_met", "criteria not met"},
        {sos_status::indeterminate, "indeterminate", "indeterminate (input missing)"},
        {sos_status::other_cause, "other_cause", "criteria met, attributed to another cause"},
        {sos_status::not_applicable, "not_applicable", "not for this age group"},
    });
}

/// Classical (diagnosed by day 21) or late onset (after day 21).
enum class sos_onset : std::uint8_t {
    classical = 1,
    late_onset = 2,
};

constexpr auto hsct_enum_table(sos_onset) noexcept {
    return make_enum_table<sos_onset>("sos_onset", {
        {sos_onset::classical, "classical", "classical (day 21 or earlier)"},
        {sos_onset::late_onset, "late_onset", "late onset (after day 21)"},
    });
}

/// A criterion with the day it was read: for a met criterion the first day it held, otherwise the
/// day of the value shown (the one nearest the threshold), none when no value was read.
template <class Id>
struct sos_dated_criterion {
    std::optional<hsct::transplant_day> day;
    hsct::criterion<Id> criterion;
};

/// The record of criterion `id` in a result's list, or nullptr when it was not evaluated.
template <class Record, std::size_t N, class Id>
[[nodiscard]] constexpr const Record* sos_find(const hsct::fixed_list<Record, N>& list, Id id) noexcept {
    for (const auto& r : list) {
        if (r.criterion.id == id) {
            return &r;
        }
    }
    return nullptr;
}

// --- Reading the episode (not public API) -------------------------------------------------------

namespace detail {

/// D+12
[[nodiscard]] inline std::string sos_day_text(hsct::transplant_day d) { return hsct::to_string(d); }

inline constexpr std::size_t sos_series_max = 1024;  // COMP-SOS-001 [P]
inline constexpr std::size_t sos_records_max = 256;   // COMP-SOS-001 [P]
inline constexpr std::int32_t sos_earliest_start = -60;
inline constexpr double sos_weight_max_kg = 500.0;

[[gnu::cold]] [[gnu::noinline]] inline error sos_field_error(errc code, const char* series, std::size_t i,
                                                             const char* leaf, std::string value, std::string valid) {
    return error(code,
                 hsct::detail::concat({series, "[", std::to_string(i), "]", leaf[0] != '\0' ? "." : "", leaf}),
                 std::move(value), std::move(valid), "COMP-SOS-001");
}

[[gnu::cold]] [[gnu::noinline]] inline std::string sos_span_text(hsct::transplant_day from, hsct::transplant_day to) {
    return hsct::detail::concat({sos_day_text(from), " to ", sos_day_text(to),
                                 " (episode_start to assessed_on)"});
}

/// Checks one series' days (in the episode, strictly increasing) and size.
template <class Q, class ValueOk>
[[nodiscard]] std::optional<error> sos_check_series(std::span<const sos_measurement<Q>> s, const char* name,
                                                    const sos_vod_input& in, ValueOk&& value_error) {
    if (s.size() > sos_series_max) {
        return error(errc::out_of_range, name, std::to_string(s.size()) + " values", "at most 1024 values",
                     "COMP-SOS-001");
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto d = s[i].day;
        if (d < in.episode_start || d > in.assessed_on) {
            return sos_field_error(errc::out_of_range, name, i, "day", sos_day_text(d),
                                   sos_span_text(in.episode_start, in.assessed_on));
        }
        if (i > 0 && !(s[i - 1].day < d)) {
            return sos_field_error(errc::inconsistent, name, i, "day", sos_day_text(d),
                                   hsct::detail::concat({"a day after ", sos_day_text(s[i - 1].day),
                                                         " (one value a day, in day order)"}));
        }
        if (auto e = value_error(s[i].value, i)) {
            return e;
        }
    }
    return std::nullopt;
}

template <class A>
[[nodiscard]] std::optional<error> sos_check_analyte(const A& v, const char* name, std::size_t i) {
    const double x = v.in(hsct::canonical_unit_t<A>{});
    const auto& info = A::info();
    if (std::isfinite(x) && x >= info.plausible_lo && x <= info.plausible_hi) {
        return std::nullopt;
    }
    return sos_field_error(std::isfinite(x) ? errc::out_of_range : errc::not_finite, name, i, "value",
                           hsct::detail::concat({hsct::detail::format_number(x), " ",
                                                 hsct::canonical_unit_t<A>::info.symbol}),
                           hsct::detail::concat({hsct::detail::format_number(info.plausible_lo), "-",
                                                 hsct::detail::format_number(info.plausible_hi), " ",
                                                 hsct::canonical_unit_t<A>::info.symbol}));
}

[[nodiscard]] inline bool sos_weight_ok(const hsct::mass& m) noexcept {
    const double kg = m.in(hsct::units::kg);
    return std::isfinite(kg) && kg > 0.0 && kg <= sos_weight_max_kg;
}

[[gnu::cold]] [[gnu::noinline]] inline std::string sos_kg_text(const hsct::mass& m) {
    return hsct::detail::concat({hsct::detail::format_number(m.in(hsct::units::kg)), " kg"});
}

/// COMP-SOS-001: every check of the episode. Allocates only on the error path.
template <class = void>
[[nodiscard]] std::optional<error> check_sos_input(const sos_vod_input& in) {
    if (in.assessed_on.before_day0()) {
        return error(errc::out_of_range, "assessed_on", sos_day_text(in.assessed_on), "D0 or later",
                     "COMP-SOS-001");
    }
    if (in.episode_start.number() < sos_earliest_start || in.episode_start.after_day0()) {
        return error(errc::out_of_range, "episode_start", sos_day_text(in.episode_start), "D-60 to D0",
                     "COMP-SOS-001");
    }
    const auto no_check = [](const auto&, std::size_t) -> std::optional<error> { return std::nullopt; };
    if (auto e = sos_check_series<hsct::bilirubin>(in.bilirubin, "bilirubin", in, [](const hsct::bilirubin& v, std::size_t i) {
            return sos_check_analyte(v, "bilirubin", i);
        })) {
        return e;
    }
    if (auto e = sos_check_series<hsct::creatinine>(in.creatinine, "creatinine", in, [](const hsct::creatinine& v, std::size_t i) {
            return sos_check_analyte(v, "creatinine", i);
        })) {
        return e;
    }
    if (auto e = sos_check_series<hsct::mass>(in.weight, "weight", in, [](const hsct::mass& v, std::size_t i) -> std::optional<error> {
            if (sos_weight_ok(v)) {
                return std::nullopt;
            }
            return sos_field_error(std::isfinite(v.in(hsct::units::kg)) ? errc::out_of_range : errc::not_finite,
                                   "weight", i, "value", sos_kg_text(v), "above 0 kg, at most 500 kg");
        })) {
        return e;
    }
    if (auto e = sos_check_series<hsct::lab_with_uln<hsct::alt>>(in.alt, "alt", in, no_check)) {
        return e;
    }
    if (auto e = sos_check_series<hsct::lab_with_uln<hsct::ast>>(in.ast, "ast", in, no_check)) {
        return e;
    }
    if (auto e = sos_check_series<pressure_gradient>(in.hvpg, "hvpg", in, no_check)) {
        return e;
    }
    if (auto e = sos_check_series<filtration_rate>(in.gfr, "gfr", in, no_check)) {
        return e;
    }
    if (auto e = sos_check_series<oxygen_flow>(in.oxygen, "oxygen", in, no_check)) {
        return e;
    }
    if (in.baseline_weight) {
        const auto& b = *in.baseline_weight;
        if (!sos_weight_ok(b.value)) {
            return error(std::isfinite(b.value.in(hsct::units::kg)) ? errc::out_of_range : errc::not_finite,
                         "baseline_weight.value", sos_kg_text(b.value), "above 0 kg, at most 500 kg", "COMP-SOS-003");
        }
        if (b.day > in.assessed_on) {
            return error(errc::out_of_range, "baseline_weight.day", sos_day_text(b.day),
                         hsct::detail::concat({"on or before ", sos_day_text(in.assessed_on), " (assessed_on)"}),
                         "COMP-SOS-003");
        }
    } else if (!in.weight.empty()) {
        return error(errc::missing, "baseline_weight", "none",
                     "a baseline weight (weight gain is a percentage of it; no default)", "COMP-SOS-003");
    }
    if (in.baseline_creatinine) {
        const double c = in.baseline_creatinine->in(hsct::units::mg_per_dl);
        if (!std::isfinite(c) || !(c > 0.0) || c > hsct::creatinine::info().plausible_hi) {
            return error(std::isfinite(c) ? errc::out_of_range : errc::not_finite, "baseline_creatinine",
                         hsct::detail::concat({hsct::detail::format_number(c), " mg/dL"}), "above 0, at most 40 mg/dL",
                         "COMP-SOS-001");
        }
    } else if (!in.creatinine.empty()) {
        return error(errc::missing, "baseline_creatinine", "none",
                     "the creatinine at transplant (the rules read a ratio to it; no default)", "COMP-SOS-001");
    }
    if (in.findings.size() > sos_records_max) {
        return error(errc::out_of_range, "findings", std::to_string(in.findings.size()) + " records",
                     "at most 256 records", "COMP-SOS-001");
    }
    for (std::size_t i = 0; i < in.findings.size(); ++i) {
        const auto& f = in.findings[i];
        if (!hsct::is_valid(f.finding)) {
            return sos_field_error(errc::out_of_range, "findings", i, "finding",
                                   std::to_string(static_cast<unsigned>(f.finding)), "a declared sos_finding");
        }
        if (!hsct::is_valid(f.extent)) {
            return sos_field_error(errc::out_of_range, "findings", i, "extent",
                                   std::to_string(static_cast<unsigned>(f.extent)), "a declared sos_ascites_extent");
        }
        if (f.onset < in.episode_start || f.onset > in.assessed_on) {
            return sos_field_error(errc::out_of_range, "findings", i, "onset", sos_day_text(f.onset),
                                   sos_span_text(in.episode_start, in.assessed_on));
        }
        if (f.resolved && !(f.onset < *f.resolved)) {
            return sos_field_error(errc::inconsistent, "findings", i, "resolved", sos_day_text(*f.resolved),
                                   hsct::detail::concat({"a day after the onset, ", sos_day_text(f.onset)}));
        }
        if (f.finding != sos_finding::ascites && f.extent != sos_ascites_extent::not_graded) {
            return sos_field_error(errc::inconsistent, "findings", i, "extent", std::string(hsct::id(f.extent)),
                                   "not_graded (only an ascites finding has an extent)");
        }
    }
    if (in.sofa.size() > sos_records_max) {
        return error(errc::out_of_range, "sofa", std::to_string(in.sofa.size()) + " records", "at most 256 records",
                     "COMP-SOS-001");
    }
    for (std::size_t i = 0; i < in.sofa.size(); ++i) {
        const auto& s = in.sofa[i];
        if (!hsct::is_valid(s.organ)) {
            return sos_field_error(errc::out_of_range, "sofa", i, "organ",
                                   std::to_string(static_cast<unsigned>(s.organ)), "a declared sos_sofa_organ");
        }
        if (s.day < in.episode_start || s.day > in.assessed_on) {
            return sos_field_error(errc::out_of_range, "sofa", i, "day", sos_day_text(s.day),
                                   sos_span_text(in.episode_start, in.assessed_on));
        }
        for (std::size_t k = 0; k < i; ++k) {
            if (in.sofa[k].organ == s.organ && in.sofa[k].day == s.day) {
                return sos_field_error(errc::inconsistent, "sofa", i, "day", sos_day_text(s.day),
                                       "one score a day for each organ");
            }
        }
    }
    if (in.sofa_baseline.size() > 6) {
        return error(errc::out_of_range, "sofa_baseline", std::to_string(in.sofa_baseline.size()) + " records",
                     "at most one per organ (6)", "COMP-SOS-001");
    }
    for (std::size_t i = 0; i < in.sofa_baseline.size(); ++i) {
        const auto& s = in.sofa_baseline[i];
        if (!hsct::is_valid(s.organ)) {
            return sos_field_error(errc::out_of_range, "sofa_baseline", i, "organ",
                                   std::to_string(static_cast<unsigned>(s.organ)), "a declared sos_sofa_organ");
        }
        for (std::size_t k = 0; k < i; ++k) {
            if (in.sofa_baseline[k].organ == s.organ) {
                return sos_field_error(errc::inconsistent, "sofa_baseline", i, "organ", std::string(hsct::id(s.organ)),
                                       "one baseline score per organ");
            }
        }
    }
    if (in.first_symptom_day && (*in.first_symptom_day < in.episode_start || *in.first_symptom_day > in.assessed_on)) {
        return error(errc::out_of_range, "first_symptom_day", sos_day_text(*in.first_symptom_day),
                     sos_span_text(in.episode_start, in.assessed_on), "COMP-SOS-001");
    }
    if (auto e = hsct::detail::check_enum(in.other_causes, "other_causes")) {
        return e;
    }
    return std::nullopt;
}


/// One reading of a value on a day: whether it is known, the value, and the day it was measured.
struct sos_reading {
    bool known = false;
    double value = 0.0;
    hsct::transplant_day measured_on;
};

/// The episode read day by day under a persistence policy (COMP-SOS-002). A template only so that
/// its members are compiled where a rule is called (docs/conventions.md section 7).
template <class = void>
class basic_sos_view {
public:
    basic_sos_view(const sos_vod_input& in, sos_persistence p) noexcept
        : in_(in), carry_(p == sos_persistence::carry_forward) {}

    [[nodiscard]] const sos_vod_input& input() const noexcept { return in_; }
    [[nodiscard]] bool carries() const noexcept { return carry_; }

    /// The index of the value that stands on day d (the last on or before it, or the one of that
    /// day under same_day_only).
    template <class Q>
    [[nodiscard]] std::optional<std::size_t> at(std::span<const sos_measurement<Q>> s, hsct::transplant_day d) const noexcept {
        const auto it = std::upper_bound(s.begin(), s.end(), d,
                                         [](hsct::transplant_day x, const sos_measurement<Q>& m) { return x < m.day; });
        if (it == s.begin()) {
            return std::nullopt;
        }
        const auto i = static_cast<std::size_t>(it - s.begin()) - 1;
        if (!carry_ && !(s[i].day == d)) {
            return std::nullopt;
        }
        return i;
    }
    /// The value measured exactly on day d.
    template <class Q>
    [[nodiscard]] static std::optional<std::size_t> on(std::span<const sos_measurement<Q>> s, hsct::transplant_day d) noexcept {
        const auto it = std::lower_bound(s.begin(), s.end(), d,
                                         [](const sos_measurement<Q>& m, hsct::transplant_day x) { return m.day < x; });
        if (it == s.end() || !(it->day == d)) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(it - s.begin());
    }

    /// Bilirubin in mg/dL (the canonical unit; converted once, on input).
    [[nodiscard]] sos_reading bilirubin(hsct::transplant_day d) const noexcept {
        const auto i = at(in_.bilirubin, d);
        if (!i) {
            return {};
        }
        return {true, in_.bilirubin[*i].value.in(hsct::units::mg_per_dl), in_.bilirubin[*i].day};
    }
    /// COMP-SOS-003: weight gain in % of the baseline weight.
    [[nodiscard]] sos_reading weight_gain(hsct::transplant_day d) const noexcept {
        const auto i = at(in_.weight, d);
        if (!i || !in_.baseline_weight) {
            return {};
        }
        return {true, gain_percent(in_.weight[*i].value), in_.weight[*i].day};
    }
    [[nodiscard]] double gain_percent(const hsct::mass& w) const noexcept {
        const double b = in_.baseline_weight->value.in(hsct::units::kg);
        return (w.in(hsct::units::kg) - b) / b * 100.0;
    }
    /// Creatinine as a ratio to the baseline at transplant.
    [[nodiscard]] sos_reading creatinine_ratio(hsct::transplant_day d) const noexcept {
        const auto i = at(in_.creatinine, d);
        if (!i || !in_.baseline_creatinine) {
            return {};
        }
        return {true, in_.creatinine[*i].value / *in_.baseline_creatinine, in_.creatinine[*i].day};
    }
    /// Transaminases: the higher multiple of the ULN of the ALT and AST that stand on day d.
    [[nodiscard]] sos_reading transaminases(hsct::transplant_day d) const noexcept {
        sos_reading r;
        if (const auto i = at(in_.alt, d)) {
            r = {true, in_.alt[*i].value.times_uln(), in_.alt[*i].day};
        }
        if (const auto i = at(in_.ast, d)) {
            const double x = in_.ast[*i].value.times_uln();
            if (!r.known || x > r.value) {
                r = {true, x, in_.ast[*i].day};
            }
        }
        return r;
    }
    template <class Q>
    [[nodiscard]] sos_reading fixed(std::span<const sos_measurement<Q>> s, hsct::transplant_day d) const noexcept {
        const auto i = at(s, d);
        if (!i) {
            return {};
        }
        return {true, s[*i].value.value(), s[*i].day};
    }

    /// The record of finding f that covers day d (the earliest onset among those that do).
    [[nodiscard]] const sos_finding_record* covering(sos_finding f, hsct::transplant_day d) const noexcept {
        const sos_finding_record* best = nullptr;
        for (const auto& r : in_.findings) {
            if (r.finding == f && r.onset <= d && (!r.resolved || d < *r.resolved) &&
                (best == nullptr || r.onset < best->onset)) {
                best = &r;
            }
        }
        return best;
    }
    /// COMP-SOS-002: a finding on day d: yes when a record covers it; no when none does and the
    /// finding was assessed; unknown when it was not assessed.
    [[nodiscard]] tri finding(sos_finding f, hsct::transplant_day d) const noexcept {
        if (covering(f, d) != nullptr) {
            return tri::yes;
        }
        return in_.not_assessed.contains(f) ? tri::unknown : tri::no;
    }
    /// A finding documented by imaging on day d (a record with by_imaging covers it).
    [[nodiscard]] bool by_imaging(sos_finding f, hsct::transplant_day d) const noexcept {
        for (const auto& r : in_.findings) {
            if (r.finding == f && r.by_imaging && r.onset <= d && (!r.resolved || d < *r.resolved)) {
                return true;
            }
        }
        return false;
    }
    /// The number of consecutive days, ending on d, that finding f has been present (0: absent).
    [[nodiscard]] std::int32_t days_present(sos_finding f, hsct::transplant_day d) const noexcept {
        std::int32_t n = 0;
        for (auto k = d; k >= in_.episode_start && covering(f, k) != nullptr; --k) {
            ++n;
            if (k == in_.episode_start) {
                break;
            }
        }
        return n;
    }

    /// COMP-SOS-058: the organs counting towards MOD on day d by SOFA (score >= 2; an organ with a
    /// pre-existing score counts when it rose by >= 2), or unknown (-1) with no SOFA score standing.
    [[nodiscard]] int sofa_mod_organs(hsct::transplant_day d, bool* used_increase) const noexcept {
        int organs = 0;
        bool any = false;
        for (const auto organ : hsct::values<sos_sofa_organ>()) {
            const sos_sofa_record* last = nullptr;
            for (const auto& s : in_.sofa) {
                if (s.organ == organ && s.day <= d && (last == nullptr || last->day < s.day) &&
                    (carry_ || s.day == d)) {
                    last = &s;
                }
            }
            if (last == nullptr) {
                continue;
            }
            any = true;
            int base = 0;
            for (const auto& b : in_.sofa_baseline) {
                if (b.organ == organ) {
                    base = b.score.value();
                }
            }
            const int score = last->score.value();
            if (base > 0) {
                if (score - base >= 2) {
                    ++organs;
                    *used_increase = true;
                }
            } else if (score >= 2) {
                ++organs;
            }
        }
        return any ? organs : -1;
    }

private:
    const sos_vod_input& in_;
    bool carry_;
};
using sos_view = basic_sos_view<>;

/// Tracks a criterion over the days: the first day it held, and the nearest miss.
struct sos_tracker {
    std::optional<hsct::transplant_day> first;  // the first day met
    sos_reading first_reading;
    bool any_known = false;
    bool any_unknown = false;
    bool have_best = false;
    sos_reading best;
    hsct::transplant_day best_day;
    void see(hsct::transplant_day d, tri t, const sos_reading& r, bool higher_is_nearer = true) noexcept {
        if (t == tri::unknown) {
            any_unknown = true;
            return;
        }
        any_known = true;
        if (t == tri::yes) {
            if (!first) {
                first = d;
                first_reading = r;
            }
            return;
        }
        if (r.known && (!have_best || (higher_is_nearer ? r.value > best.value : r.value < best.value))) {
            have_best = true;
            best = r;
            best_day = d;
        }
    }
    [[nodiscard]] hsct::outcome outcome() const noexcept {
        // never met: unknown when some day could have met it had the missing input been there
        return first ? hsct::outcome::met : any_unknown ? hsct::outcome::unknown : hsct::outcome::not_met;
    }
};

/// How a criterion's measured value is recorded.
enum class sos_measure_kind : std::uint8_t { flag, bilirubin, percent, days, times_uln, ratio, number };

[[nodiscard]] inline hsct::measure sos_measure(sos_measure_kind k, double v) noexcept {
    switch (k) {
        case sos_measure_kind::flag: return hsct::measure::flag(v != 0.0);
        case sos_measure_kind::bilirubin:
            return hsct::measure::of(hsct::bilirubin(v, hsct::units::mg_per_dl), hsct::units::mg_per_dl);
        case sos_measure_kind::percent: return hsct::measure::of(hsct::percent(v, hsct::units::pct), hsct::units::pct);
        case sos_measure_kind::days: return hsct::measure::count(v, hsct::count_unit::days);
        case sos_measure_kind::times_uln: return hsct::measure::count(v, hsct::count_unit::times_uln);
        case sos_measure_kind::ratio:
        case sos_measure_kind::number: return hsct::measure::count(v, hsct::count_unit::none);
    }
    return {};
}

/// A criterion record.
template <class Id>
[[nodiscard]] hsct::criterion<Id> sos_make_criterion(Id id, hsct::outcome o, hsct::comparator cmp, double threshold,
                                                     hsct::measure m, const char* requirement, bool verified) noexcept {
    hsct::criterion<Id> c;
    c.id = id;
    c.result = o;
    c.cmp = cmp;
    c.threshold = threshold;
    c.measured = m;
    c.requirement = requirement;
    c.verified = verified;
    return c;
}

/// The record of a tracked criterion: met on its first day, or the nearest miss, or unknown (the
/// missing input named).
template <class Id>
[[nodiscard]] sos_dated_criterion<Id> sos_tracked(Id id, const sos_tracker& t, sos_measure_kind k, hsct::comparator cmp,
                                                  double threshold, const char* requirement, bool verified,
                                                  sos_input_field missing) noexcept {
    const auto o = t.outcome();
    if (o == hsct::outcome::met) {
        const double v = k == sos_measure_kind::flag ? 1.0 : t.first_reading.value;
        return {t.first, sos_make_criterion(id, o, cmp, threshold, sos_measure(k, v), requirement, verified)};
    }
    if (o == hsct::outcome::not_met) {
        if (t.have_best && k != sos_measure_kind::flag) {
            return {t.best_day, sos_make_criterion(id, o, cmp, threshold, sos_measure(k, t.best.value), requirement, verified)};
        }
        return {std::nullopt, sos_make_criterion(id, o, cmp, threshold, sos_measure(k, 0.0), requirement, verified)};
    }
    return {std::nullopt, sos_make_criterion(id, o, cmp, threshold, hsct::measure::missing(missing), requirement, verified)};
}

/// COMP-SOS-002: a laboratory criterion on a day: yes/no from the value that stands; no when the
/// series has values but none stands that day (not measured yet, or not that day under
/// same_day_only); unknown only when the series is empty (the input is missing).
[[nodiscard]] inline tri sos_lab(const sos_reading& r, bool have_series, hsct::comparator cmp, double t) noexcept {
    if (!r.known) {
        return have_series ? tri::no : tri::unknown;
    }
    return tri_of(hsct::satisfies(r.value, cmp, t));
}

/// A finding's reading as a sos_reading (1 present, 0 absent).
[[nodiscard]] inline sos_reading sos_flag_reading(tri t, hsct::transplant_day d) noexcept {
    return {t != tri::unknown, t == tri::yes ? 1.0 : 0.0, d};
}

/// COMP-SOS-004: the other-causes criterion.
template <class Id>
[[nodiscard]] sos_dated_criterion<Id> sos_other_causes(Id id, sos_other_cause c) noexcept {
    const auto o = c == sos_other_cause::excluded  ? hsct::outcome::met
                   : c == sos_other_cause::present ? hsct::outcome::not_met
                                                   : hsct::outcome::unknown;
    const auto m = o == hsct::outcome::unknown ? hsct::measure::missing(sos_input_field::other_causes)
                                               : hsct::measure::code(c);
    return {std::nullopt, sos_make_criterion(id, o, hsct::comparator::present, 0.0, m, "COMP-SOS-004", true)};
}

/// COMP-SOS-005: the population check (adult sets: age >= limit; paediatric: below it). Returns
/// the outcome, or nullopt when no age was given (the caller's choice of rule stands).
[[nodiscard]] inline std::optional<bool> sos_population(const sos_vod_input& in, std::uint8_t adult_from_years,
                                                        bool adult_set) noexcept {
    if (!in.age) {
        return std::nullopt;
    }
    const bool adult = in.age->completed_years() >= static_cast<int>(adult_from_years);
    return adult == adult_set;
}

/// COMP-SOS-006: a bilirubin value that the printed umol/L threshold would read differently from
/// the mg/dL threshold (e.g. 34 umol/L = 1.99 mg/dL against "2 mg/dL (34 umol/L)").
[[nodiscard]] inline bool sos_unit_edge(double mg_dl, hsct::comparator cmp, double t_mg_dl, double t_umol) noexcept {
    const double umol = mg_dl * hsct::detail::bilirubin_umol_per_mg_dl;
    return hsct::satisfies(mg_dl, cmp, t_mg_dl) != hsct::satisfies(umol, cmp, t_umol);
}

/// Options checks shared by the rules.
// COMP-SOS-001: an options comparator is greater or greater_equal; any other is refused
[[nodiscard]] inline std::optional<error> sos_check_comparator(hsct::comparator c, const char* field, const char* requirement) {
    if (c == hsct::comparator::greater || c == hsct::comparator::greater_equal) {
        return std::nullopt;
    }
    return error(errc::out_of_range, field,
                 hsct::is_valid(c) ? std::string(hsct::id(c)) : std::to_string(static_cast<unsigned>(c)),
                 "greater or greater_equal", requirement);
}
[[nodiscard]] inline std::optional<error> sos_check_age_limit(std::uint8_t years, const char* field) {
    if (years >= 12 && years <= 21) {
        return std::nullopt;
    }
    return error(errc::out_of_range, field, std::to_string(years) + " years", "12-21 years", "COMP-SOS-005");
}

}  // namespace detail
}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_SOS_VOD_INPUT_HPP
