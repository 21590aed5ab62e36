// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Dosing weight as an explicit, named policy.
//
//   auto m = hsct::patient::body_measures::make(*height, *weight, sex::female, adult_age);
//   auto r = hsct::patient::assess_dosing_weight(*m, hsct::patient::policies::adjusted(
//                adjustment_factor::aibw25, trigger_percent_ibw_above(120_pct)));
//   r->dose(3.2_mg_per_kg);   // result<total_dose>: 232.6 mg on AIBW25 72.68 kg
//   r->source;                // weight_source::adjusted; r->reason, r->criteria say why
//   hsct::patient::render(*r);   // <hsct/patient/dosing_weight_text.hpp>: the sentence
//
// The ASBMT position statement (Bubalo et al., Biol Blood Marrow Transplant
// 2014;20(5):600-616) sets no standard: "clear standards or dosing guidelines are unable to
// be made". So hsct ships the published options as named policies, a table of commonly
// reported practice per agent class (labelled unverified as normative), and a plain options
// struct a centre fills in with its own protocol. The result says which weight or BSA, its
// value, and why, as data.
#ifndef HSCT_PATIENT_DOSING_WEIGHT_HPP
#define HSCT_PATIENT_DOSING_WEIGHT_HPP

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/demographics.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/patient/body_size.hpp"
#include "hsct/patient/vocabulary.hpp"

namespace hsct::patient {

/// Conditioning agent classes with a practice-table row.
enum class agent_class : std::uint8_t {
    busulfan = 1,
    cyclophosphamide_high_dose = 2,
    fludarabine = 3,
    melphalan = 4,
    beam = 5,  ///< carmustine, etoposide, cytarabine, melphalan
    thiotepa = 6,
    atg = 7,   ///< anti-thymocyte globulin
};

constexpr auto hsct_enum_table(agent_class) noexcept {
    return make_enum_table<agent_class>("agent_class", {
        {agent_class::busulfan, "busulfan", "busulfan"},
        {agent_class::cyclophosphamide_high_dose, "cyclophosphamide_high_dose", "cyclophosphamide (high dose)"},
        {agent_class::fludarabine, "fludarabine", "fludarabine"},
        {agent_class::melphalan, "melphalan", "melphalan"},
        {agent_class::beam, "beam", "BEAM"},
        {agent_class::thiotepa, "thiotepa", "thiotepa"},
        {agent_class::atg, "atg", "ATG"},
    });
}

/// Height, total body weight, sex and age at dosing: the input of assess_dosing_weight. Height
/// and weight are already checked types (PAT-BODY-001/002); make() checks the sex.
class body_measures {
public:
    /// Error: a sex number that is not a declared value (out_of_range, field "sex",
    /// CORE-ENUM-002).
    [[nodiscard]] static result<body_measures> make(const hsct::patient::height& h,
                                                    const hsct::patient::body_weight& w,
                                                    sex recipient_sex, const age& at_dosing) {
        if (!is_valid(recipient_sex)) {  // the error is built only on this path
            return *hsct::detail::check_enum(recipient_sex, "sex");
        }
        return body_measures(h, w, recipient_sex, at_dosing);
    }

    [[nodiscard]] const hsct::patient::height& height() const noexcept { return height_; }
    /// Total (actual) body weight, TBW.
    [[nodiscard]] const hsct::patient::body_weight& weight() const noexcept { return weight_; }
    [[nodiscard]] sex recipient_sex() const noexcept { return sex_; }
    [[nodiscard]] const age& age_at_dosing() const noexcept { return age_; }

private:
    body_measures(const hsct::patient::height& h, const hsct::patient::body_weight& w, sex s,
                  const age& a)
        : height_(h), weight_(w), sex_(s), age_(a) {}
    hsct::patient::height height_;
    hsct::patient::body_weight weight_;
    sex sex_;
    age age_;
};

/// Whether a drug is dosed per kg of a weight (mg/kg) or per m2 of a BSA (mg/m2).
enum class dose_scale : std::uint8_t { per_kg = 1, per_m2 = 2 };

constexpr auto hsct_enum_table(dose_scale) noexcept {
    return make_enum_table<dose_scale>("dose_scale", {
        {dose_scale::per_kg, "per_kg", "per kg"},
        {dose_scale::per_m2, "per_m2", "per m2"},
    });
}

/// PAT-DOSE-001: the weight a policy doses on (per kg), or feeds into the BSA (per m2), when
/// its trigger is met. When the trigger is not met, actual body weight is used.
enum class weight_basis : std::uint8_t {
    actual = 1,                      ///< total body weight (TBW)
    ideal = 2,                       ///< Devine IBW (PAT-IBW-001)
    lesser_of_ideal_and_actual = 3,  ///< min(IBW, TBW)
    adjusted = 4,                    ///< IBW + f x (TBW - IBW), f from the policy (PAT-ABW-001)
};

constexpr auto hsct_enum_table(weight_basis) noexcept {
    return make_enum_table<weight_basis>("weight_basis", {
        {weight_basis::actual, "actual", "actual body weight"},
        {weight_basis::ideal, "ideal", "ideal body weight"},
        {weight_basis::lesser_of_ideal_and_actual, "lesser_of_ideal_and_actual", "lesser of ideal and actual"},
        {weight_basis::adjusted, "adjusted", "adjusted body weight"},
    });
}

/// PAT-DOSE-002: when a policy's adjustment applies. Obesity triggers differ between
/// protocols (TBW > 120% IBW, >= 150% IBW, BMI >= 30 or 35), so the trigger is part of the
/// policy.
enum class trigger_rule : std::uint8_t {
    always = 1,              ///< the basis applies to every patient
    percent_ibw = 2,         ///< TBW as % of IBW compared with a threshold
    bmi = 3,                 ///< BMI compared with a threshold (adults only)
    percent_ibw_or_bmi = 4,  ///< either of the two
};

constexpr auto hsct_enum_table(trigger_rule) noexcept {
    return make_enum_table<trigger_rule>("trigger_rule", {
        {trigger_rule::always, "always", "always"},
        {trigger_rule::percent_ibw, "percent_ibw", "TBW as % of IBW"},
        {trigger_rule::bmi, "bmi", "BMI"},
        {trigger_rule::percent_ibw_or_bmi, "percent_ibw_or_bmi", "TBW as % of IBW or BMI"},
    });
}

/// Strict or inclusive comparison with a trigger threshold.
enum class threshold_comparison : std::uint8_t { greater = 1, greater_or_equal = 2 };

constexpr auto hsct_enum_table(threshold_comparison) noexcept {
    return make_enum_table<threshold_comparison>("threshold_comparison", {
        {threshold_comparison::greater, "greater", ">"},
        {threshold_comparison::greater_or_equal, "greater_or_equal", ">="},
    });
}

/// A trigger: rule, thresholds and whether each threshold is inclusive.
struct obesity_trigger {
    trigger_rule rule = trigger_rule::always;
    percent percent_ibw_threshold{120.0, units::pct};
    threshold_comparison percent_ibw_comparison = threshold_comparison::greater;
    body_mass_index bmi_threshold{30.0, units::kg_per_m2};
    threshold_comparison bmi_comparison = threshold_comparison::greater_or_equal;

    friend constexpr bool operator==(const obesity_trigger&, const obesity_trigger&) = default;
};

/// The basis applies to every patient.
[[nodiscard]] constexpr obesity_trigger trigger_always() noexcept { return obesity_trigger{}; }
/// TBW > threshold % of IBW (e.g. 120%).
[[nodiscard]] constexpr obesity_trigger trigger_percent_ibw_above(percent threshold) noexcept {
    obesity_trigger t;
    t.rule = trigger_rule::percent_ibw;
    t.percent_ibw_threshold = threshold;
    t.percent_ibw_comparison = threshold_comparison::greater;
    return t;
}
/// TBW >= threshold % of IBW (e.g. 150%, Bachanova).
[[nodiscard]] constexpr obesity_trigger trigger_percent_ibw_at_least(percent threshold) noexcept {
    obesity_trigger t = trigger_percent_ibw_above(threshold);
    t.percent_ibw_comparison = threshold_comparison::greater_or_equal;
    return t;
}
/// BMI >= threshold (e.g. 30 kg/m2, WHO obesity).
[[nodiscard]] constexpr obesity_trigger trigger_bmi_at_least(body_mass_index threshold) noexcept {
    obesity_trigger t;
    t.rule = trigger_rule::bmi;
    t.bmi_threshold = threshold;
    t.bmi_comparison = threshold_comparison::greater_or_equal;
    return t;
}

/// PAT-DOSE-003: a dosing-weight policy, the options of assess_dosing_weight. A plain struct: a
/// centre fills it in from its own protocol, or starts from one in `policies` or from
/// commonly_reported_policy(). There is no default policy (Bubalo 2014 sets no standard), so
/// the options are a required argument.
///
/// `name` is required and is carried on the result (a copy of these options) as a view: it
/// must outlive the result, as a literal does (every policy hsct builds names itself with a
/// literal) or a string the caller keeps. This keeps assess_dosing_weight free of heap
/// allocation.
struct dosing_weight_options {
    std::string_view name;                     ///< required; carried on the result
    dose_scale scale = dose_scale::per_kg;
    weight_basis basis = weight_basis::actual;
    adjustment_factor factor = adjustment_factor::aibw25;  ///< read when basis == adjusted
    obesity_trigger trigger{};
    bsa_formula formula = default_bsa_formula;  ///< read when scale == per_m2
    /// PAT-DOSE-004: optional BSA cap (per_m2 only). Default none (resolutions §5).
    std::optional<area> bsa_cap{};
    short_stature_policy below_60_in = short_stature_policy::extrapolate;
    /// Set by commonly_reported_policy(): the practice-table row the policy came from.
    std::optional<agent_class> agent{};

    friend bool operator==(const dosing_weight_options&, const dosing_weight_options&) = default;
};

/// Where the weight used came from.
enum class weight_source : std::uint8_t { actual = 1, ideal = 2, adjusted = 3 };

constexpr auto hsct_enum_table(weight_source) noexcept {
    return make_enum_table<weight_source>("weight_source", {
        {weight_source::actual, "actual", "actual body weight"},
        {weight_source::ideal, "ideal", "ideal body weight"},
        {weight_source::adjusted, "adjusted", "adjusted body weight"},
    });
}

/// Why that weight was used.
enum class weight_reason : std::uint8_t {
    trigger_not_met = 1,   ///< the obesity trigger did not fire: actual weight (PAT-DOSE-002)
    basis_actual = 2,      ///< the policy doses on actual weight
    basis_ideal = 3,       ///< the policy doses on IBW
    lesser_is_ideal = 4,   ///< lesser of IBW and TBW: IBW is below TBW
    lesser_is_actual = 5,  ///< lesser of IBW and TBW: TBW is not above IBW
    adjusted = 6,          ///< adjusted weight: TBW above IBW (PAT-ABW-001)
    not_above_ideal = 7,   ///< adjusted basis, TBW not above IBW: actual weight (PAT-ABW-003)
};

constexpr auto hsct_enum_table(weight_reason) noexcept {
    return make_enum_table<weight_reason>("weight_reason", {
        {weight_reason::trigger_not_met, "trigger_not_met", "trigger not met: actual body weight"},
        {weight_reason::basis_actual, "basis_actual", "the policy doses on actual body weight"},
        {weight_reason::basis_ideal, "basis_ideal", "the policy doses on ideal body weight"},
        {weight_reason::lesser_is_ideal, "lesser_is_ideal",
         "lesser of ideal and actual: ideal body weight"},
        {weight_reason::lesser_is_actual, "lesser_is_actual",
         "lesser of ideal and actual: actual body weight"},
        {weight_reason::adjusted, "adjusted", "adjusted body weight (actual above ideal)"},
        {weight_reason::not_above_ideal, "not_above_ideal",
         "actual body weight: not above ideal, no adjustment"},
    });
}

/// The criteria assess_dosing_weight evaluates.
enum class dosing_weight_criterion : std::uint8_t {
    percent_ibw_trigger = 1,  ///< PAT-DOSE-002: TBW as % of IBW against the trigger threshold
    bmi_trigger = 2,          ///< PAT-DOSE-002: BMI against the trigger threshold
    actual_above_ideal = 3,   ///< PAT-ABW-003: TBW above IBW (the adjustment applies)
    ideal_below_actual = 4,   ///< PAT-DOSE-001: IBW below TBW (lesser of the two)
    bsa_above_cap = 5,        ///< PAT-DOSE-004: BSA above the policy's cap
    /// PAT-IBW-004 / PAT-DOSE-002: age at least 18, recorded when the policy needs IBW or a
    /// BMI trigger (adult formulas and cut-offs); not met -> the policy does not apply
    adult_age = 6,
    /// PAT-IBW-002: height at least 60 in, recorded when short_stature_policy::refuse left
    /// no IBW; not met -> the policy does not apply
    at_least_60_in = 7,
};

constexpr auto hsct_enum_table(dosing_weight_criterion) noexcept {
    return make_enum_table<dosing_weight_criterion>("dosing_weight_criterion", {
        {dosing_weight_criterion::percent_ibw_trigger, "percent_ibw_trigger",
         "TBW as % of IBW against the trigger"},
        {dosing_weight_criterion::bmi_trigger, "bmi_trigger", "BMI against the trigger"},
        {dosing_weight_criterion::actual_above_ideal, "actual_above_ideal",
         "TBW above IBW (adjustment applies)"},
        {dosing_weight_criterion::ideal_below_actual, "ideal_below_actual", "IBW below TBW"},
        {dosing_weight_criterion::bsa_above_cap, "bsa_above_cap", "BSA above the cap"},
        {dosing_weight_criterion::adult_age, "adult_age",
         "age at least 18 years (adult IBW and BMI cut-offs)"},
        {dosing_weight_criterion::at_least_60_in, "at_least_60_in",
         "height at least 60 in (no IBW below it under this policy)"},
    });
}

/// Whether the policy applies to the patient. "Does not apply" is a value, never an error
/// (docs/conventions.md section 4): a batch tells a child under an adult policy from bad data.
enum class dosing_weight_status : std::uint8_t {
    assessed = 1,        ///< the weight (per kg) or BSA (per m2) was decided
    not_applicable = 2,  ///< the policy does not cover this patient (decided_by says why)
};

constexpr auto hsct_enum_table(dosing_weight_status) noexcept {
    return make_enum_table<dosing_weight_status>("dosing_weight_status", {
        {dosing_weight_status::assessed, "assessed", "assessed"},
        {dosing_weight_status::not_applicable, "not_applicable", "policy does not apply"},
    });
}

/// What assess_dosing_weight decided, as data: a weight (per kg) or a BSA (per m2), where it
/// came from and why, the options it ran under and the criteria that decided it. No string,
/// no heap: the success path allocates nothing.
struct dosing_weight_result {
    /// An empty result. Declared, not defaulted: value-initialising would zero the criteria's
    /// storage first (docs/conventions.md section 5).
    dosing_weight_result() noexcept {}  // NOLINT(modernize-use-equals-default)

    dosing_weight_status status = dosing_weight_status::assessed;
    /// For not_applicable: the criterion that decided it (adult_age or at_least_60_in, not met).
    std::optional<dosing_weight_criterion> decided_by;
    dose_scale scale = dose_scale::per_kg;
    mass actual;                               ///< TBW, the patient's total body weight
    /// The weight dosed on (per kg) or fed into the BSA formula (per m2); TBW when the policy
    /// does not apply (then source, reason and bsa say nothing: read status first).
    mass weight_used;
    weight_source source = weight_source::actual;
    weight_reason reason = weight_reason::basis_actual;
    std::optional<adjustment_factor> factor;   ///< set when source == adjusted
    std::optional<bsa_result> bsa;             ///< per m2: the BSA used (after any cap)
    std::optional<area> bsa_before_cap;        ///< per m2 with a cap: the uncapped BSA
    bool bsa_capped = false;
    bool trigger_met = false;
    body_mass_index bmi;                       ///< from height and TBW
    std::optional<ibw_result> ibw;             ///< when the policy needed it
    std::optional<percent> percent_ibw;        ///< TBW as % of IBW, when IBW was computed
    dosing_weight_options options;             ///< the policy it ran under (name included)
    /// At most: adult age, two trigger criteria, the weight rule, the BSA cap.
    hsct::fixed_list<hsct::criterion<dosing_weight_criterion>, 5> criteria;

    [[nodiscard]] constexpr bool applies() const noexcept {
        return status == dosing_weight_status::assessed;
    }

    /// The weight to multiply a mg/kg dose by. Error: not_allowed on a per-m2 basis, or when
    /// the policy does not apply (there is no dosing weight to give).
    [[nodiscard]] result<mass> dosing_weight() const {
        if (!applies()) {
            return refuse("a policy that applies to this patient (status not_applicable)");
        }
        if (scale != dose_scale::per_kg) {
            return refuse("a per-kg basis (this policy doses per m2: use dosing_area)");
        }
        return weight_used;
    }
    /// The BSA to multiply a mg/m2 dose by. Error: not_allowed on a per-kg basis, or when the
    /// policy does not apply.
    [[nodiscard]] result<area> dosing_area() const {
        if (!applies()) {
            return refuse("a policy that applies to this patient (status not_applicable)");
        }
        if (scale != dose_scale::per_m2 || !bsa.has_value()) {
            return refuse("a per-m2 basis (this policy doses per kg: use dosing_weight)");
        }
        return bsa->value;
    }
    /// mg/kg x dosing weight. Error: not_allowed when the policy doses per m2 (a mg/kg dose
    /// on a per-m2 basis is a prescribing error, not a number).
    [[nodiscard]] result<total_dose> dose(const dose_per_mass& d) const {
        return dosing_weight().transform([&d](const mass& m) { return d * m; });
    }
    /// mg/m2 x dosing BSA. Error: not_allowed when the policy doses per kg.
    [[nodiscard]] result<total_dose> dose(const dose_per_area& d) const {
        return dosing_area().transform([&d](const area& a) { return d * a; });
    }

private:
    [[nodiscard]] error refuse(std::string_view wanted) const {
        return error(errc::not_allowed, "dose",
                     std::string(applies() ? label(scale) : label(status)),
                     hsct::detail::concat({"a dose that matches ", wanted}), "PAT-DOSE-005");
    }
};

namespace detail {

// PAT-DOSE-002: a trigger's comparator, strict or not as the policy says.
[[nodiscard]] constexpr hsct::comparator dw_comparator(threshold_comparison c) noexcept {
    return c == threshold_comparison::greater ? hsct::comparator::greater
                                              : hsct::comparator::greater_equal;
}

inline std::optional<error> dw_enum_error(const dosing_weight_options& p);
inline std::optional<error> dw_validate_values(const dosing_weight_options& p);

inline std::optional<error> dw_validate(const dosing_weight_options& p) {
    if (p.name.empty()) {
        return error(errc::missing, "policy.name", "(empty)",
                     "a policy name, carried on the result", "PAT-DOSE-003");
    }
    // CORE-ENUM-002: every stored enum of the policy is a declared value (the field paths and
    // errors are built only when one is not).
    const bool enums_valid = is_valid(p.scale) && is_valid(p.basis) && is_valid(p.factor) &&
                             is_valid(p.trigger.rule) && is_valid(p.trigger.percent_ibw_comparison) &&
                             is_valid(p.trigger.bmi_comparison) && is_valid(p.formula) &&
                             is_valid(p.below_60_in) && (!p.agent || is_valid(*p.agent));
    if (!enums_valid) {
        if (auto e = dw_enum_error(p)) {
            return e;
        }
    }
    return dw_validate_values(p);
}

inline std::optional<error> dw_enum_error(const dosing_weight_options& p) {
    if (auto e = hsct::detail::check_enum(p.scale, "policy.scale")) return e;
    if (auto e = hsct::detail::check_enum(p.basis, "policy.basis")) return e;
    if (auto e = hsct::detail::check_enum(p.factor, "policy.factor")) return e;
    if (auto e = hsct::detail::check_enum(p.trigger.rule, "policy.trigger.rule")) return e;
    if (auto e = hsct::detail::check_enum(p.trigger.percent_ibw_comparison,
                                          "policy.trigger.percent_ibw_comparison")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(p.trigger.bmi_comparison,
                                          "policy.trigger.bmi_comparison")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(p.formula, "policy.formula")) return e;
    if (auto e = hsct::detail::check_enum(p.below_60_in, "policy.below_60_in")) return e;
    return hsct::detail::check_enum(p.agent, "policy.agent");
}

inline std::optional<error> dw_validate_values(const dosing_weight_options& p) {
    if (p.bsa_cap.has_value()) {
        if (p.scale != dose_scale::per_m2) {
            return error(errc::inconsistent, "policy.bsa_cap", hsct::to_string(*p.bsa_cap),
                         "a BSA cap applies only to a per-m2 policy", "PAT-DOSE-004");
        }
        const double cap = p.bsa_cap->in(units::m2);
        if (!std::isfinite(cap) || !(cap > 0.0)) {
            return error(std::isfinite(cap) ? errc::out_of_range : errc::not_finite,
                         "policy.bsa_cap", hsct::to_string(*p.bsa_cap), "above 0 m2",
                         "PAT-DOSE-004");
        }
    }
    const bool uses_pct = p.trigger.rule == trigger_rule::percent_ibw ||
                          p.trigger.rule == trigger_rule::percent_ibw_or_bmi;
    const bool uses_bmi =
        p.trigger.rule == trigger_rule::bmi || p.trigger.rule == trigger_rule::percent_ibw_or_bmi;
    if (uses_pct) {
        const double t = p.trigger.percent_ibw_threshold.in(units::pct);
        if (!std::isfinite(t) || !(t > 0.0)) {
            return error(std::isfinite(t) ? errc::out_of_range : errc::not_finite,
                         "policy.trigger.percent_ibw_threshold",
                         hsct::to_string(p.trigger.percent_ibw_threshold), "above 0 %",
                         "PAT-DOSE-002");
        }
    }
    if (uses_bmi) {
        const double t = p.trigger.bmi_threshold.in(units::kg_per_m2);
        if (!std::isfinite(t) || !(t > 0.0)) {
            return error(std::isfinite(t) ? errc::out_of_range : errc::not_finite,
                         "policy.trigger.bmi_threshold", hsct::to_string(p.trigger.bmi_threshold),
                         "above 0 kg/m2", "PAT-DOSE-002");
        }
    }
    return std::nullopt;
}

}  // namespace detail

/// One row of the practice table: the agent, the basis as reported, where it is reported,
/// the label, and whether the row's obesity trigger comes from a source (false: hsct's [P]
/// choice where no source gives one).
struct practice_entry {
    agent_class agent;
    std::string_view reported_basis;
    std::string_view sources;
    bool trigger_verified = true;
    std::string_view status = "commonly reported practice [unverified as normative]";
};

/// The label every practice-table entry and policy name carries.
inline constexpr std::string_view practice_label =
    "commonly reported practice [unverified as normative]";

/// PAT-DOSE-010: commonly reported dosing weight per agent class, from the reference §6.3
/// ([M], Bubalo 2014 summary table not retrieved) and the EBMT Handbook 2024 ch. 67 §67.3.3
/// (Langebrake). Data, not a recommendation: every row is "commonly reported practice
/// [unverified as normative]". Triggers marked [P] are hsct's choice where no source gives one
/// (trigger_verified == false).
inline constexpr std::array<practice_entry, 7> practice_table{{
    {agent_class::busulfan,
     "mg/kg on AIBW25 when TBW > 120% IBW [P trigger]; then PK-guided (TDM)",
     "Busulfex label (AIBW25) [V2]; HB24-67 §67.3.3 (AIBW, Nguyen 2006 PopPK; TDM per Palmer "
     "2016)",
     false},
    {agent_class::cyclophosphamide_high_dose,
     "mg/kg on AdjBW50 when TBW >= 150% IBW (practice varies: lesser of IBW/TBW, AIBW25)",
     "Bachanova et al. BBMT 2016;22:571 (AdjBW50) [reference §6.2, V]; HB24-67 §67.3.3 (AIBW; "
     "Takahashi 2022)",
     true},
    {agent_class::fludarabine, "mg/m2 on BSA from actual weight, no cap",
     "reference §6.3 [M]; ASCO 2021 (Griggs) for non-high-dose chemotherapy", true},
    {agent_class::melphalan,
     "mg/m2 on BSA from AIBW25 when TBW > 120% IBW [P trigger] (some centres: actual-weight "
     "BSA, or a cap)",
     "HB24-67 §67.3.3 (AIBW-based BSA non-inferior, Shultes 2017); reference §6.3 [M/C]",
     false},
    {agent_class::beam, "mg/m2 on BSA from actual weight, no adjustment",
     "HB24-67 §67.3.3 (Fair et al. BMT 2017;52:491); reference §6.3 [M/C]", true},
    {agent_class::thiotepa, "mg/kg on AIBW25 when TBW > 120% IBW [P trigger] (varies)",
     "reference §6.3 [M]", false},
    {agent_class::atg, "mg/kg on actual body weight (HB24-67 argues IBW or ALC-based dosing)",
     "ASBMT as cited in HB24-67 §67.3.3; reference §6.3 [M]", true},
}};

/// The practice-table row for an agent class. Error: a number that is not a declared agent
/// (out_of_range, field "agent", CORE-ENUM-002).
[[nodiscard]] inline result<practice_entry> practice_for(agent_class a) {
    if (!is_valid(a)) {  // the error is built only on this path
        return *hsct::detail::check_enum(a, "agent");
    }
    for (const auto& e : practice_table) {
        if (e.agent == a) {
            return e;
        }
    }
    return *hsct::detail::check_enum(static_cast<agent_class>(0), "agent");  // every agent has a row
}

namespace detail {
/// The steps of assess_dosing_weight, filling `out` (a fresh result) in place; the error, if
/// one stops them.
[[nodiscard]] HSCT_ALWAYS_INLINE std::optional<error> dosing_weight_fill(
    dosing_weight_result& out, const body_measures& m, const dosing_weight_options& p) {
    if (auto e = detail::dw_validate(p)) {
        return e;
    }
    const mass tbw = m.weight().as_mass();
    const trigger_rule rule = p.trigger.rule;
    const bool uses_pct = rule == trigger_rule::percent_ibw || rule == trigger_rule::percent_ibw_or_bmi;
    const bool uses_bmi = rule == trigger_rule::bmi || rule == trigger_rule::percent_ibw_or_bmi;
    const bool needs_ibw = uses_pct || p.basis != weight_basis::actual;
    // A practice-table policy whose trigger is hsct's own choice marks its criteria unverified.
    bool trigger_verified = true;
    if (p.agent.has_value()) {
        for (const auto& row : practice_table) {
            if (row.agent == *p.agent) {
                trigger_verified = row.trigger_verified;
            }
        }
    }

    out.scale = p.scale;
    out.actual = tbw;
    out.options = p;
    out.bmi = bmi(m.weight(), m.height());

    out.weight_used = tbw;
    if (uses_bmi || needs_ibw) {
        // PAT-IBW-004 / PAT-DOSE-002: IBW and the BMI cut-offs are adult rules. A child under
        // such a policy is not covered: a value, not an error, and no weight is guessed.
        hsct::criterion<dosing_weight_criterion> c;
        c.id = dosing_weight_criterion::adult_age;
        c.cmp = hsct::comparator::greater_equal;
        c.requirement = needs_ibw ? "PAT-IBW-004" : "PAT-DOSE-002";
        c.measured = hsct::measure::count(m.age_at_dosing().completed_years(),
                                          hsct::count_unit::years);
        c.threshold = ibw_adult_age_years;
        const bool adult = hsct::satisfies(c.measured.number(), c.cmp, c.threshold);
        c.result = adult ? hsct::outcome::met : hsct::outcome::not_met;
        out.criteria.push_back(c);
        if (!adult) {
            out.status = dosing_weight_status::not_applicable;
            out.decided_by = dosing_weight_criterion::adult_age;
            return std::nullopt;
        }
    }
    if (needs_ibw) {
        ibw_options o;
        o.below_60_in = p.below_60_in;
        auto ibw = ideal_body_weight(m.height(), m.recipient_sex(), m.age_at_dosing(), o);
        if (!ibw) {
            return std::move(ibw).error();
        }
        out.ibw = *ibw;
        if (!ibw->applies()) {
            // short_stature_policy::refuse below 60 in (the age was checked above).
            hsct::criterion<dosing_weight_criterion> c;
            c.id = dosing_weight_criterion::at_least_60_in;
            // PAT-IBW-002: 60 in itself is not short stature.
            c.cmp = hsct::comparator::greater_equal;
            c.requirement = "PAT-IBW-002";
            c.measured = hsct::measure::of(m.height().as_length(), units::cm);
            c.threshold = devine_base_height.in(units::cm);
            c.result = hsct::outcome::not_met;
            out.criteria.push_back(c);
            out.status = dosing_weight_status::not_applicable;
            out.decided_by = dosing_weight_criterion::at_least_60_in;
            return std::nullopt;
        }
        out.percent_ibw =
            percent(100.0 * tbw.in(units::kg) / ibw->value->in(units::kg), units::pct);
    }

    // The trigger.
    bool met = rule == trigger_rule::always;
    if (uses_pct) {
        hsct::criterion<dosing_weight_criterion> c;
        c.id = dosing_weight_criterion::percent_ibw_trigger;
        c.cmp = detail::dw_comparator(p.trigger.percent_ibw_comparison);
        c.verified = trigger_verified;
        c.requirement = "PAT-DOSE-002";
        c.measured = hsct::measure::of(*out.percent_ibw, units::pct);
        c.threshold = p.trigger.percent_ibw_threshold.in(units::pct);
        const bool hit = hsct::satisfies(c.measured.number(), c.cmp, c.threshold);
        c.result = hit ? hsct::outcome::met : hsct::outcome::not_met;
        out.criteria.push_back(c);
        met = met || hit;
    }
    if (uses_bmi) {
        hsct::criterion<dosing_weight_criterion> c;
        c.id = dosing_weight_criterion::bmi_trigger;
        c.cmp = detail::dw_comparator(p.trigger.bmi_comparison);
        c.verified = trigger_verified;
        c.requirement = "PAT-DOSE-002";
        c.measured = hsct::measure::of(out.bmi, units::kg_per_m2);
        c.threshold = p.trigger.bmi_threshold.in(units::kg_per_m2);
        const bool hit = hsct::satisfies(c.measured.number(), c.cmp, c.threshold);
        c.result = hit ? hsct::outcome::met : hsct::outcome::not_met;
        out.criteria.push_back(c);
        met = met || hit;
    }
    out.trigger_met = met;

    // The weight.
    out.source = weight_source::actual;
    if (!met) {
        out.reason = weight_reason::trigger_not_met;
    } else if (p.basis == weight_basis::actual) {
        out.reason = weight_reason::basis_actual;
    } else if (p.basis == weight_basis::ideal) {
        out.weight_used = *out.ibw->value;
        out.source = weight_source::ideal;
        out.reason = weight_reason::basis_ideal;
    } else if (p.basis == weight_basis::lesser_of_ideal_and_actual) {
        hsct::criterion<dosing_weight_criterion> c;
        c.id = dosing_weight_criterion::ideal_below_actual;
        // PAT-DOSE-001: strict, so at a tie the actual weight is the lesser.
        c.cmp = hsct::comparator::less;
        c.requirement = "PAT-DOSE-001";
        c.measured = hsct::measure::of(*out.ibw->value, units::kg);
        c.threshold = tbw.in(units::kg);
        const bool ideal_lower = hsct::satisfies(c.measured.number(), c.cmp, c.threshold);
        c.result = ideal_lower ? hsct::outcome::met : hsct::outcome::not_met;
        out.criteria.push_back(c);
        if (ideal_lower) {
            out.weight_used = *out.ibw->value;
            out.source = weight_source::ideal;
            out.reason = weight_reason::lesser_is_ideal;
        } else {
            out.reason = weight_reason::lesser_is_actual;
        }
    } else {
        // the factor was checked with the policy and ideal_body_weight gives a positive IBW
        const adjusted_weight_result adj = detail::adjust(*out.ibw->value, m.weight(), p.factor);
        for (const auto& a : adj.criteria) {
            hsct::criterion<dosing_weight_criterion> c;
            c.id = dosing_weight_criterion::actual_above_ideal;
            c.result = a.result;
            c.cmp = a.cmp;
            c.verified = a.verified;
            c.requirement = a.requirement;
            c.measured = a.measured;
            c.threshold = a.threshold;
            out.criteria.push_back(c);
        }
        if (adj.adjusted) {
            out.weight_used = adj.value;
            out.source = weight_source::adjusted;
            out.reason = weight_reason::adjusted;
            out.factor = p.factor;
        } else {
            // PAT-ABW-003: TBW not above IBW, no adjustment: never a weight above TBW.
            out.reason = weight_reason::not_above_ideal;
        }
    }

    // Per m2: the BSA from that weight, then any cap.
    if (p.scale == dose_scale::per_m2) {
        auto w = body_weight::make(out.weight_used);
        if (!w) {
            return std::move(w).error();
        }
        auto b = body_surface_area(m.height(), *w, p.formula);
        if (!b) {
            return std::move(b).error();  // unreachable: the formula was checked above
        }
        bsa_result used = *b;
        if (p.bsa_cap.has_value()) {
            out.bsa_before_cap = b->value;
            hsct::criterion<dosing_weight_criterion> c;
            c.id = dosing_weight_criterion::bsa_above_cap;
            // PAT-DOSE-004: strict, so a BSA at the cap is not capped.
            c.cmp = hsct::comparator::greater;
            c.requirement = "PAT-DOSE-004";
            c.measured = hsct::measure::of(b->value, units::m2);
            c.threshold = p.bsa_cap->in(units::m2);
            out.bsa_capped = hsct::satisfies(c.measured.number(), c.cmp, c.threshold);
            c.result = out.bsa_capped ? hsct::outcome::met : hsct::outcome::not_met;
            out.criteria.push_back(c);
            if (out.bsa_capped) {
                used.value = *p.bsa_cap;
            }
        }
        out.bsa = used;
    }
    return std::nullopt;
}
}  // namespace detail

/// PAT-DOSE-005: the dosing weight or BSA for one patient under one policy.
///
/// Steps: BMI from height and TBW; IBW (Devine) when the basis or trigger needs it; the
/// trigger; the weight (TBW when the trigger is not met); for per-m2 policies the BSA from
/// that weight by the policy's formula, then any cap. Nothing is clamped unless the policy
/// says so (cap, short_stature_policy::base_value), and then the result says so. Every
/// comparison is a criterion on the result, through CORE-THRESH-001 (PAT-DOSE-TOL).
///
/// PAT-ABW-003: under an adjusted basis, a patient whose TBW is not above IBW is dosed on TBW
/// (source actual, reason not_above_ideal).
///
/// Does not apply (a value: status not_applicable, decided_by the criterion not met, no dose
/// from dosing_weight()/dosing_area()): a child (age < 18) when the policy needs IBW or a BMI
/// trigger (adult_age; PAT-IBW-004, PAT-DOSE-002); a patient under 60 in when the policy needs
/// IBW and its short-stature rule is refuse (at_least_60_in; PAT-IBW-002).
///
/// Errors: an incomplete or inconsistent policy (fields "policy.*"), including any policy enum
/// number that is not a declared value (out_of_range, CORE-ENUM-002); an IBW extrapolation that
/// would not be positive (field "height", PAT-IBW-002); a per-m2 policy whose
/// dosing weight (IBW or adjusted) falls outside PAT-BODY-002 (field "weight").
/// Allocates nothing on success.
[[nodiscard]] inline result<dosing_weight_result> assess_dosing_weight(
    const body_measures& m, const dosing_weight_options& p) {
    // One return object, filled in place and returned from every path (no copy on the way out).
    result<dosing_weight_result> out(std::in_place);
    if (auto e = detail::dosing_weight_fill(*out, m, p)) {
        out = std::move(*e);
    }
    return out;
}


/// PAT-DOSE-006: the published options as named policies. Each is a starting point; copy it
/// and change any field. None is a recommendation (Bubalo 2014 sets no standard).
namespace policies {

/// Total body weight, no adjustment (mg/kg).
[[nodiscard]] constexpr dosing_weight_options actual_weight() noexcept {
    dosing_weight_options p;
    p.name = "actual body weight";
    return p;
}
/// Devine IBW when the trigger is met (default: always).
[[nodiscard]] constexpr dosing_weight_options ideal_weight(
    obesity_trigger t = trigger_always()) noexcept {
    dosing_weight_options p;
    p.name = "ideal body weight";
    p.basis = weight_basis::ideal;
    p.trigger = t;
    return p;
}
/// min(IBW, TBW) when the trigger is met (default: always).
[[nodiscard]] constexpr dosing_weight_options lesser_of_ideal_and_actual(
    obesity_trigger t = trigger_always()) noexcept {
    dosing_weight_options p;
    p.name = "lesser of ideal and actual body weight";
    p.basis = weight_basis::lesser_of_ideal_and_actual;
    p.trigger = t;
    return p;
}
/// IBW + f x (TBW - IBW) when the trigger is met; TBW otherwise.
[[nodiscard]] constexpr dosing_weight_options adjusted(adjustment_factor f,
                                                       obesity_trigger t) noexcept {
    dosing_weight_options p;
    switch (f) {
        case adjustment_factor::aibw25:
            p.name = "adjusted body weight, adjusted 25% (AIBW25, busulfan label)";
            break;
        case adjustment_factor::adjbw40: p.name = "adjusted body weight, adjusted 40% (general PK)"; break;
        case adjustment_factor::adjbw50:
            p.name = "adjusted body weight, adjusted 50% (AdjBW50, Bachanova)";
            break;
        default: p.name = "adjusted body weight, undeclared factor"; break;
    }
    p.basis = weight_basis::adjusted;
    p.factor = f;
    p.trigger = t;
    return p;
}
/// BSA from actual weight (ASCO 2021 for non-high-dose chemotherapy), no cap.
[[nodiscard]] constexpr dosing_weight_options bsa_actual(
    bsa_formula f = default_bsa_formula) noexcept {
    dosing_weight_options p;
    p.name = "BSA from actual body weight";
    p.scale = dose_scale::per_m2;
    p.formula = f;
    return p;
}
/// BSA from adjusted weight when the trigger is met; from TBW otherwise.
[[nodiscard]] constexpr dosing_weight_options bsa_adjusted(
    adjustment_factor f, obesity_trigger t, bsa_formula formula = default_bsa_formula) noexcept {
    dosing_weight_options p = adjusted(f, t);
    switch (f) {
        case adjustment_factor::aibw25:
            p.name = "BSA from adjusted body weight, adjusted 25% (AIBW25, busulfan label)";
            break;
        case adjustment_factor::adjbw40:
            p.name = "BSA from adjusted body weight, adjusted 40% (general PK)";
            break;
        case adjustment_factor::adjbw50:
            p.name = "BSA from adjusted body weight, adjusted 50% (AdjBW50, Bachanova)";
            break;
        default: p.name = "BSA from adjusted body weight, undeclared factor"; break;
    }
    p.scale = dose_scale::per_m2;
    p.formula = formula;
    return p;
}
/// PAT-DOSE-004: BSA from actual weight, capped at 2 m2 (the cap 44% of adjusting EBMT
/// centres reported: Shem-Tov et al., Oncologist 2015;20(1):50-55).
[[nodiscard]] constexpr dosing_weight_options bsa_capped_2m2(
    bsa_formula f = default_bsa_formula) noexcept {
    dosing_weight_options p = bsa_actual(f);
    p.name = "BSA from actual body weight, capped at 2 m2";
    p.bsa_cap = area(2.0, units::m2);
    return p;
}

}  // namespace policies

/// PAT-DOSE-010: the practice-table row as policy options, named
/// "<agent>: commonly reported practice [unverified as normative]". A centre that adopts it
/// should copy it under its own name. The options carry `agent`; an agent number that is not
/// a declared value gives options that assess_dosing_weight refuses (out_of_range, field
/// "policy.agent", CORE-ENUM-002), never another agent's row.
[[nodiscard]] constexpr dosing_weight_options commonly_reported_policy(agent_class a) noexcept {
    dosing_weight_options p;
    switch (a) {
        case agent_class::busulfan:
            p = policies::adjusted(adjustment_factor::aibw25,
                                   trigger_percent_ibw_above(percent(120.0, units::pct)));
            p.name = "busulfan: commonly reported practice [unverified as normative]";
            break;
        case agent_class::cyclophosphamide_high_dose:
            p = policies::adjusted(adjustment_factor::adjbw50,
                                   trigger_percent_ibw_at_least(percent(150.0, units::pct)));
            p.name = "cyclophosphamide (high dose): commonly reported practice [unverified as "
                     "normative]";
            break;
        case agent_class::fludarabine:
            p = policies::bsa_actual();
            p.name = "fludarabine: commonly reported practice [unverified as normative]";
            break;
        case agent_class::melphalan:
            p = policies::bsa_adjusted(adjustment_factor::aibw25,
                                       trigger_percent_ibw_above(percent(120.0, units::pct)));
            p.name = "melphalan: commonly reported practice [unverified as normative]";
            break;
        case agent_class::beam:
            p = policies::bsa_actual();
            p.name = "BEAM: commonly reported practice [unverified as normative]";
            break;
        case agent_class::thiotepa:
            p = policies::adjusted(adjustment_factor::aibw25,
                                   trigger_percent_ibw_above(percent(120.0, units::pct)));
            p.name = "thiotepa: commonly reported practice [unverified as normative]";
            break;
        case agent_class::atg:
            p = policies::actual_weight();
            p.name = "ATG: commonly reported practice [unverified as normative]";
            break;
        default:
            p.name = "undeclared agent: commonly reported practice [unverified as normative]";
            break;
    }
    p.agent = a;
    return p;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_DOSING_WEIGHT_HPP
