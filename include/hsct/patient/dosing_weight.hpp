// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Dosing weight as an explicit, named policy.
//
//   auto m = hsct::patient::body_measures::make(165_cm, 120_kg, sex::female, adult_age);
//   auto basis = hsct::patient::choose(*m, hsct::patient::policies::adjusted(
//                    adjustment_factor::aibw25, trigger_percent_ibw_above(120_pct)));
//   hsct::total_dose d = basis->dose(3.2_mg_per_kg);   // 232.6 mg on AIBW25 72.68 kg
//   basis->explanation;  // "TBW 210.9% of IBW > 120% trigger: adjusted 25% ... = 72.68 kg"
//
// The ASBMT position statement (Bubalo et al., Biol Blood Marrow Transplant
// 2014;20(5):600-616) sets no standard: "clear standards or dosing guidelines are unable to
// be made". So hsct ships the published options as named policies, a table of commonly
// reported practice per agent class (labelled unverified as normative), and a plain struct a
// centre fills in with its own protocol. The result says which weight or BSA, its value, and why.
#ifndef HSCT_PATIENT_DOSING_WEIGHT_HPP
#define HSCT_PATIENT_DOSING_WEIGHT_HPP

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/detail/threshold.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/patient/body_size.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/enum.hpp"
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


/// Height, total body weight, sex and age, checked once (PAT-BODY-001/002) so dosing can
/// trust them. Built only through make().
class body_measures {
public:
    /// Errors: height or weight outside PAT-BODY-001/002 (field "height" / "weight"); a sex
    /// number that is not a declared value (out_of_range, field "sex", PAT-ENUM-001).
    [[nodiscard]] static result<body_measures> make(const length& height, const mass& weight,
                                                    sex recipient_sex, const age& at_dosing) {
        if (auto e = hsct::detail::check_enum(recipient_sex, "sex")) {
            return *e;
        }
        const auto h = make_height(height.in(units::cm), units::cm);
        if (!h) {
            return h.error();
        }
        const auto w = make_weight(weight.in(units::kg), units::kg);
        if (!w) {
            return w.error();
        }
        return body_measures(*h, *w, recipient_sex, at_dosing);
    }

    [[nodiscard]] const length& height() const noexcept { return height_; }
    /// Total (actual) body weight, TBW.
    [[nodiscard]] const mass& weight() const noexcept { return weight_; }
    [[nodiscard]] sex recipient_sex() const noexcept { return sex_; }
    [[nodiscard]] const age& age_at_dosing() const noexcept { return age_; }

private:
    body_measures(const length& h, const mass& w, sex s, const age& a)
        : height_(h), weight_(w), sex_(s), age_(a) {}
    length height_;
    mass weight_;
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
};

/// The basis applies to every patient.
[[nodiscard]] inline obesity_trigger trigger_always() { return obesity_trigger{}; }
/// TBW > threshold % of IBW (e.g. 120%).
[[nodiscard]] inline obesity_trigger trigger_percent_ibw_above(percent threshold) {
    obesity_trigger t;
    t.rule = trigger_rule::percent_ibw;
    t.percent_ibw_threshold = threshold;
    t.percent_ibw_comparison = threshold_comparison::greater;
    return t;
}
/// TBW >= threshold % of IBW (e.g. 150%, Bachanova).
[[nodiscard]] inline obesity_trigger trigger_percent_ibw_at_least(percent threshold) {
    obesity_trigger t = trigger_percent_ibw_above(threshold);
    t.percent_ibw_comparison = threshold_comparison::greater_or_equal;
    return t;
}
/// BMI >= threshold (e.g. 30 kg/m2, WHO obesity).
[[nodiscard]] inline obesity_trigger trigger_bmi_at_least(body_mass_index threshold) {
    obesity_trigger t;
    t.rule = trigger_rule::bmi;
    t.bmi_threshold = threshold;
    t.bmi_comparison = threshold_comparison::greater_or_equal;
    return t;
}

/// PAT-DOSE-003: a dosing-weight policy. A plain struct: a centre fills it in from its own
/// protocol, or starts from one in `policies` or from commonly_reported_policy().
struct dosing_policy {
    std::string name;                          ///< required; carried on the result
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


/// What choose() decided: a weight (per kg) or a BSA (per m2), how, and why.
struct dosing_basis {
    dose_scale scale;
    /// The weight dosed on (per kg) or fed into the BSA formula (per m2).
    mass weight_used;
    weight_source source;
    std::optional<adjustment_factor> factor;   ///< set when source == adjusted
    std::optional<bsa_result> bsa;             ///< per m2: the BSA used (after any cap)
    std::optional<area> bsa_before_cap;        ///< per m2 with a cap: the uncapped BSA
    bool bsa_capped = false;
    bool trigger_met = false;
    body_mass_index bmi;                       ///< from height and TBW
    std::optional<ibw_result> ibw;             ///< when the policy needed it
    std::optional<percent> percent_ibw;        ///< TBW as % of IBW, when IBW was computed
    std::string policy_name;
    std::string explanation;                   ///< one readable sentence: what and why

    /// The weight to multiply a mg/kg dose by. Contract: scale == per_kg.
    [[nodiscard]] const mass& dosing_weight() const {
        HSCT_EXPECTS(scale == dose_scale::per_kg, "dosing_basis: a per-m2 basis has no weight");
        return weight_used;
    }
    /// The BSA to multiply a mg/m2 dose by. Contract: scale == per_m2.
    [[nodiscard]] const area& dosing_area() const {
        HSCT_EXPECTS(scale == dose_scale::per_m2 && bsa.has_value(),
                     "dosing_basis: a per-kg basis has no BSA");
        return bsa->value;
    }
    /// mg/kg x dosing weight. Contract: scale == per_kg.
    [[nodiscard]] total_dose dose(const dose_per_mass& d) const { return d * dosing_weight(); }
    /// mg/m2 x dosing BSA. Contract: scale == per_m2.
    [[nodiscard]] total_dose dose(const dose_per_area& d) const { return d * dosing_area(); }
};

namespace detail {
inline std::string dw_kg(const mass& m) {
    return hsct::detail::concat({body_size_fixed(m.in(units::kg), 2), " kg"});
}
inline std::string dw_m2(const area& a) {
    return hsct::detail::concat({body_size_fixed(a.in(units::m2), 3), " m2"});
}
/// PAT-DOSE-TOL: triggers compare through core's CORE-THRESH-001 (relative tolerance 1e-9),
/// so a value that is exactly at the threshold in decimal (BMI 30 from 160 cm and 76.8 kg) is
/// at it, whatever the last bit of the floating-point arithmetic.
inline bool dw_compare(double v, double threshold, threshold_comparison c) noexcept {
    return c == threshold_comparison::greater ? hsct::detail::above(v, threshold)
                                              : hsct::detail::at_least(v, threshold);
}
inline std::string_view dw_negated(threshold_comparison c) noexcept {
    return c == threshold_comparison::greater ? "not >" : "not >=";
}

/// PAT-DOSE-007: the trigger text, e.g. "TBW 210.9% of IBW > 120.0% trigger". The value and
/// threshold are printed with one decimal, or with as many more (up to 9) as it takes to show
/// them different, so the text never reads "120.0% > 120.0%". When they print the same even
/// then, they are equal within PAT-DOSE-TOL and the text says so: "= 120.0% trigger (at the
/// threshold: >= holds)" or "(at the threshold: not >)".
inline std::string dw_trigger_text(std::string_view what, double v, std::string_view v_unit,
                                   double threshold, std::string_view t_unit,
                                   threshold_comparison c, bool hit) {
    int decimals = 1;
    std::string vs = body_size_fixed(v, decimals);
    std::string ts = body_size_fixed(threshold, decimals);
    while (vs == ts && decimals < 9) {
        ++decimals;
        vs = body_size_fixed(v, decimals);
        ts = body_size_fixed(threshold, decimals);
    }
    if (vs == ts) {
        const std::string one = body_size_fixed(threshold, 1);
        return hsct::detail::concat({what, " ", one, v_unit, " = ", one, t_unit,
                                     " trigger (at the threshold: ",
                                     hit ? to_string(c) : dw_negated(c),
                                     hit ? " holds)" : ")"});
    }
    return hsct::detail::concat({what, " ", vs, v_unit, " ", hit ? to_string(c) : dw_negated(c),
                                 " ", ts, t_unit, " trigger"});
}

inline result<bool> dw_validate(const dosing_policy& p) {
    if (p.name.empty()) {
        return error(errc::missing, "policy.name", "(empty)", "a policy name, carried on the result");
    }
    // PAT-ENUM-001: every stored enum of the policy is a declared value.
    for (auto e : {hsct::detail::check_enum(p.scale, "policy.scale"), hsct::detail::check_enum(p.basis, "policy.basis"),
                   hsct::detail::check_enum(p.factor, "policy.factor"),
                   hsct::detail::check_enum(p.trigger.rule, "policy.trigger.rule"),
                   hsct::detail::check_enum(p.trigger.percent_ibw_comparison,
                              "policy.trigger.percent_ibw_comparison"),
                   hsct::detail::check_enum(p.trigger.bmi_comparison, "policy.trigger.bmi_comparison"),
                   hsct::detail::check_enum(p.formula, "policy.formula"),
                   hsct::detail::check_enum(p.below_60_in, "policy.below_60_in"),
                   hsct::detail::check_enum(p.agent, "policy.agent")}) {
        if (e) {
            return *e;
        }
    }
    if (p.bsa_cap.has_value()) {
        if (p.scale != dose_scale::per_m2) {
            return error(errc::inconsistent, "policy.bsa_cap", hsct::to_string(*p.bsa_cap),
                         "a BSA cap applies only to a per-m2 policy");
        }
        const double cap = p.bsa_cap->in(units::m2);
        if (!std::isfinite(cap) || !(cap > 0.0)) {
            return error(std::isfinite(cap) ? errc::out_of_range : errc::not_finite,
                         "policy.bsa_cap", hsct::to_string(*p.bsa_cap), "above 0 m2");
        }
    }
    const bool uses_pct =
        p.trigger.rule == trigger_rule::percent_ibw || p.trigger.rule == trigger_rule::percent_ibw_or_bmi;
    const bool uses_bmi =
        p.trigger.rule == trigger_rule::bmi || p.trigger.rule == trigger_rule::percent_ibw_or_bmi;
    if (uses_pct) {
        const double t = p.trigger.percent_ibw_threshold.in(units::pct);
        if (!std::isfinite(t) || !(t > 0.0)) {
            return error(std::isfinite(t) ? errc::out_of_range : errc::not_finite,
                         "policy.trigger.percent_ibw_threshold",
                         hsct::to_string(p.trigger.percent_ibw_threshold), "above 0 %");
        }
    }
    if (uses_bmi) {
        const double t = p.trigger.bmi_threshold.in(units::kg_per_m2);
        if (!std::isfinite(t) || !(t > 0.0)) {
            return error(std::isfinite(t) ? errc::out_of_range : errc::not_finite,
                         "policy.trigger.bmi_threshold", hsct::to_string(p.trigger.bmi_threshold),
                         "above 0 kg/m2");
        }
    }
    return true;
}
}  // namespace detail

/// PAT-DOSE-005: chooses the dosing weight or BSA for one patient under one policy.
///
/// Steps: BMI from height and TBW; IBW (Devine) when the basis or trigger needs it; the
/// trigger; the weight (TBW when the trigger is not met); for per-m2 policies the BSA from
/// that weight by the policy's formula, then any cap. Nothing is clamped unless the policy
/// says so (cap, short_stature_policy::base_value), and then the result says so.
///
/// PAT-ABW-003: under an adjusted basis, a patient whose TBW is not above IBW is dosed on TBW
/// (source actual), and the explanation says why.
///
/// Errors: an incomplete or inconsistent policy (fields "policy.*"), including any policy enum
/// number that is not a declared value (out_of_range, PAT-ENUM-001); a child (age < 18) when
/// the policy needs IBW or a BMI trigger (not_allowed, "age"; PAT-IBW-004, PAT-DOSE-002);
/// IBW errors under the policy's short-stature rule (field "height").
[[nodiscard]] inline result<dosing_basis> choose(const body_measures& m, const dosing_policy& p) {
    if (const auto ok = detail::dw_validate(p); !ok) {
        return ok.error();
    }
    const mass tbw = m.weight();
    const trigger_rule rule = p.trigger.rule;
    const bool uses_pct = rule == trigger_rule::percent_ibw || rule == trigger_rule::percent_ibw_or_bmi;
    const bool uses_bmi = rule == trigger_rule::bmi || rule == trigger_rule::percent_ibw_or_bmi;
    const bool needs_ibw = uses_pct || p.basis != weight_basis::actual;

    dosing_basis out{};
    out.scale = p.scale;
    out.policy_name = p.name;
    out.bmi = bmi(tbw, m.height());

    if (uses_bmi && m.age_at_dosing().completed_years() < ibw_adult_age_years) {
        return error(errc::not_allowed, "age", hsct::to_string(m.age_at_dosing()),
                     "18 years or older: a BMI trigger uses adult BMI cut-offs (PAT-DOSE-002)");
    }
    if (needs_ibw) {
        ibw_options o;
        o.below_60_in = p.below_60_in;
        const auto ibw = ideal_body_weight(m.height(), m.recipient_sex(), m.age_at_dosing(), o);
        if (!ibw) {
            return ibw.error();
        }
        out.ibw = *ibw;
        out.percent_ibw = percent_of_ideal(tbw, *ibw);
    }

    // The trigger, and the words that say why.
    std::string why;
    bool met = false;
    if (rule == trigger_rule::always) {
        met = true;
        why = "no trigger (applies to every patient)";
    } else {
        std::string parts;
        if (uses_pct) {
            const bool hit = detail::dw_compare(out.percent_ibw->in(units::pct),
                                                p.trigger.percent_ibw_threshold.in(units::pct),
                                                p.trigger.percent_ibw_comparison);
            met = met || hit;
            parts = detail::dw_trigger_text("TBW", out.percent_ibw->in(units::pct), "% of IBW",
                                            p.trigger.percent_ibw_threshold.in(units::pct), "%",
                                            p.trigger.percent_ibw_comparison, hit);
        }
        if (uses_bmi) {
            const bool hit = detail::dw_compare(out.bmi.in(units::kg_per_m2),
                                                p.trigger.bmi_threshold.in(units::kg_per_m2),
                                                p.trigger.bmi_comparison);
            met = met || hit;
            const std::string b = detail::dw_trigger_text(
                "BMI", out.bmi.in(units::kg_per_m2), " kg/m2",
                p.trigger.bmi_threshold.in(units::kg_per_m2), " kg/m2", p.trigger.bmi_comparison,
                hit);
            parts = parts.empty() ? b : hsct::detail::concat({parts, "; ", b});
        }
        why = parts;
    }
    out.trigger_met = met;

    // The weight.
    std::string what;
    if (!met || p.basis == weight_basis::actual) {
        out.weight_used = tbw;
        out.source = weight_source::actual;
        what = hsct::detail::concat({"actual body weight ", detail::dw_kg(tbw)});
    } else if (p.basis == weight_basis::ideal) {
        out.weight_used = out.ibw->value;
        out.source = weight_source::ideal;
        what = hsct::detail::concat({"ideal body weight (", to_string(out.ibw->formula), ") ",
                                     detail::dw_kg(out.ibw->value)});
    } else if (p.basis == weight_basis::lesser_of_ideal_and_actual) {
        const bool ideal_lower = out.ibw->value < tbw;
        out.weight_used = ideal_lower ? out.ibw->value : tbw;
        out.source = ideal_lower ? weight_source::ideal : weight_source::actual;
        what = hsct::detail::concat({"lesser of IBW ", detail::dw_kg(out.ibw->value), " and TBW ",
                                     detail::dw_kg(tbw), ": ", to_string(out.source), " ",
                                     detail::dw_kg(out.weight_used)});
    } else {
        const auto adj = adjusted_body_weight(*out.ibw, tbw, p.factor);
        if (!adj) {
            return adj.error();  // unreachable: the factor was checked with the policy
        }
        if (!adj->adjusted) {
            // PAT-ABW-003: TBW not above IBW, no adjustment: never a weight above TBW.
            out.weight_used = tbw;
            out.source = weight_source::actual;
            what = hsct::detail::concat({"actual body weight ", detail::dw_kg(tbw), " (",
                                         to_string(p.factor), " not applied: ", adj->reason(),
                                         ")"});
        } else {
            out.weight_used = adj->value;
            out.source = weight_source::adjusted;
            out.factor = p.factor;
            what = hsct::detail::concat({to_string(p.factor), " = ", detail::dw_kg(adj->value),
                                         " (IBW ", detail::dw_kg(out.ibw->value), ", TBW ",
                                         detail::dw_kg(tbw), ")"});
        }
    }
    if (out.ibw.has_value() && out.ibw->below_60_in && out.source != weight_source::actual) {
        what = hsct::detail::concat({what, " [height under 60 in: ", to_string(out.ibw->policy),
                                     "]"});
    }

    // Per m2: the BSA from that weight, then any cap.
    if (p.scale == dose_scale::per_m2) {
        const auto b = body_surface_area(m.height(), out.weight_used, p.formula);
        if (!b) {
            return b.error();
        }
        bsa_result used = *b;
        what = hsct::detail::concat({"BSA (", to_string(p.formula), ") from ", what, " = ",
                                     detail::dw_m2(b->value)});
        if (p.bsa_cap.has_value()) {
            out.bsa_before_cap = b->value;
            if (b->value > *p.bsa_cap) {
                used.value = *p.bsa_cap;
                out.bsa_capped = true;
                what = hsct::detail::concat({what, ", capped at ", detail::dw_m2(*p.bsa_cap)});
            } else {
                what = hsct::detail::concat({what, ", not above the ", detail::dw_m2(*p.bsa_cap),
                                             " cap"});
            }
        }
        out.bsa = used;
    }

    out.explanation = hsct::detail::concat({why, ": ", what, " [policy: ", p.name, "]"});
    return out;
}

/// PAT-DOSE-006: the published options as named policies. Each is a starting point; copy it
/// and change any field. None is a recommendation (Bubalo 2014 sets no standard).
namespace policies {

/// Total body weight, no adjustment (mg/kg).
[[nodiscard]] inline dosing_policy actual_weight() {
    dosing_policy p;
    p.name = "actual body weight";
    return p;
}
/// Devine IBW when the trigger is met (default: always).
[[nodiscard]] inline dosing_policy ideal_weight(obesity_trigger t = trigger_always()) {
    dosing_policy p;
    p.name = "ideal body weight";
    p.basis = weight_basis::ideal;
    p.trigger = t;
    return p;
}
/// min(IBW, TBW) when the trigger is met (default: always).
[[nodiscard]] inline dosing_policy lesser_of_ideal_and_actual(obesity_trigger t = trigger_always()) {
    dosing_policy p;
    p.name = "lesser of ideal and actual body weight";
    p.basis = weight_basis::lesser_of_ideal_and_actual;
    p.trigger = t;
    return p;
}
/// IBW + f x (TBW - IBW) when the trigger is met; TBW otherwise.
[[nodiscard]] inline dosing_policy adjusted(adjustment_factor f, obesity_trigger t) {
    dosing_policy p;
    p.name = hsct::detail::concat({"adjusted body weight, ", to_string(f)});
    p.basis = weight_basis::adjusted;
    p.factor = f;
    p.trigger = t;
    return p;
}
/// BSA from actual weight (ASCO 2021 for non-high-dose chemotherapy), no cap.
[[nodiscard]] inline dosing_policy bsa_actual(bsa_formula f = default_bsa_formula) {
    dosing_policy p;
    p.name = "BSA from actual body weight";
    p.scale = dose_scale::per_m2;
    p.formula = f;
    return p;
}
/// BSA from adjusted weight when the trigger is met; from TBW otherwise.
[[nodiscard]] inline dosing_policy bsa_adjusted(adjustment_factor f, obesity_trigger t,
                                                bsa_formula formula = default_bsa_formula) {
    dosing_policy p;
    p.name = hsct::detail::concat({"BSA from adjusted body weight, ", to_string(f)});
    p.scale = dose_scale::per_m2;
    p.basis = weight_basis::adjusted;
    p.factor = f;
    p.trigger = t;
    p.formula = formula;
    return p;
}
/// PAT-DOSE-004: BSA from actual weight, capped at 2 m2 (the cap 44% of adjusting EBMT
/// centres reported: Shem-Tov et al., Oncologist 2015;20(1):50-55).
[[nodiscard]] inline dosing_policy bsa_capped_2m2(bsa_formula f = default_bsa_formula) {
    dosing_policy p = bsa_actual(f);
    p.name = "BSA from actual body weight, capped at 2 m2";
    p.bsa_cap = area(2.0, units::m2);
    return p;
}

}  // namespace policies

// ---------------------------------------------------------------------------------------
// Commonly reported practice per agent class [unverified as normative]
// ---------------------------------------------------------------------------------------

/// The label every practice-table entry and policy name carries.
inline constexpr std::string_view practice_label =
    "commonly reported practice [unverified as normative]";

/// One row of the practice table: the agent, the basis as reported, where it is reported,
/// and the label.
struct practice_entry {
    agent_class agent;
    std::string_view reported_basis;
    std::string_view sources;
    std::string_view status = practice_label;
};

/// PAT-DOSE-010: commonly reported dosing weight per agent class, from the reference §6.3
/// ([M], Bubalo 2014 summary table not retrieved) and the EBMT Handbook 2024 ch. 67 §67.3.3
/// (Langebrake). Data, not a recommendation: every row is "commonly reported practice
/// [unverified as normative]". Triggers marked [P] are hsct's choice where no source gives one.
inline constexpr std::array<practice_entry, 7> practice_table{{
    {agent_class::busulfan,
     "mg/kg on AIBW25 when TBW > 120% IBW [P trigger]; then PK-guided (TDM)",
     "Busulfex label (AIBW25) [V2]; HB24-67 §67.3.3 (AIBW, Nguyen 2006 PopPK; TDM per Palmer "
     "2016)"},
    {agent_class::cyclophosphamide_high_dose,
     "mg/kg on AdjBW50 when TBW >= 150% IBW (practice varies: lesser of IBW/TBW, AIBW25)",
     "Bachanova et al. BBMT 2016;22:571 (AdjBW50) [reference §6.2, V]; HB24-67 §67.3.3 (AIBW; "
     "Takahashi 2022)"},
    {agent_class::fludarabine, "mg/m2 on BSA from actual weight, no cap",
     "reference §6.3 [M]; ASCO 2021 (Griggs) for non-high-dose chemotherapy"},
    {agent_class::melphalan,
     "mg/m2 on BSA from AIBW25 when TBW > 120% IBW [P trigger] (some centres: actual-weight "
     "BSA, or a cap)",
     "HB24-67 §67.3.3 (AIBW-based BSA non-inferior, Shultes 2017); reference §6.3 [M/C]"},
    {agent_class::beam, "mg/m2 on BSA from actual weight, no adjustment",
     "HB24-67 §67.3.3 (Fair et al. BMT 2017;52:491); reference §6.3 [M/C]"},
    {agent_class::thiotepa, "mg/kg on AIBW25 when TBW > 120% IBW [P trigger] (varies)",
     "reference §6.3 [M]"},
    {agent_class::atg, "mg/kg on actual body weight (HB24-67 argues IBW or ALC-based dosing)",
     "ASBMT as cited in HB24-67 §67.3.3; reference §6.3 [M]"},
}};

/// The practice-table row for an agent class. Precondition (contract): is_valid(a); read a
/// stored number with make_enum<agent_class> first.
[[nodiscard]] constexpr const practice_entry& practice_for(agent_class a) noexcept {
    for (const auto& e : practice_table) {
        if (e.agent == a) {
            return e;
        }
    }
    HSCT_EXPECTS(false, "practice_for: agent_class is not a declared value");
    return practice_table[0];
}

/// PAT-DOSE-010: the practice-table row as a dosing_policy, named
/// "<agent>: commonly reported practice [unverified as normative]". A centre that adopts it
/// should copy it under its own name. The policy carries `agent`; an agent number that is not
/// a declared value gives a policy that choose() refuses (out_of_range, field "policy.agent",
/// PAT-ENUM-001), never another agent's row.
[[nodiscard]] inline dosing_policy commonly_reported_policy(agent_class a) {
    dosing_policy p;
    switch (a) {
        case agent_class::busulfan:
            p = policies::adjusted(adjustment_factor::aibw25,
                                   trigger_percent_ibw_above(percent(120.0, units::pct)));
            break;
        case agent_class::cyclophosphamide_high_dose:
            p = policies::adjusted(adjustment_factor::adjbw50,
                                   trigger_percent_ibw_at_least(percent(150.0, units::pct)));
            break;
        case agent_class::fludarabine: p = policies::bsa_actual(); break;
        case agent_class::melphalan:
            p = policies::bsa_adjusted(adjustment_factor::aibw25,
                                       trigger_percent_ibw_above(percent(120.0, units::pct)));
            break;
        case agent_class::beam: p = policies::bsa_actual(); break;
        case agent_class::thiotepa:
            p = policies::adjusted(adjustment_factor::aibw25,
                                   trigger_percent_ibw_above(percent(120.0, units::pct)));
            break;
        case agent_class::atg: p = policies::actual_weight(); break;
    }
    p.name = hsct::detail::concat({to_string(a), ": ", practice_label});
    p.agent = a;
    return p;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_DOSING_WEIGHT_HPP
