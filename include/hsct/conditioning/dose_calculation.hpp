// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A regimen's doses for one patient, with every step as data so a pharmacist can check it: for
// each component, the dose as prescribed (mg/kg, mg/m2, mg or Gy a day), the weight or body
// surface area it was multiplied by, which one and why (patient/dosing_weight.hpp), the amount
// a day and the course total.
//
//   using namespace hsct::conditioning;
//   auto m = hsct::patient::body_measures::make(*height, *weight, hsct::sex::female, adult);
//   auto d = calculate_doses(regimens::flu_mel(), *m);         // result<regimen_doses>
//   d->components[1].per_day->in(hsct::units::mg);            // melphalan mg a day
//   d->components[1].weighting->bsa->value;                   // the BSA used, and its formula
//   d->components[1].weighting->reason;                       // why that weight
//   d->components[1].total->in(hsct::units::mg);              // the course total
//
// COND-DOSE-001: the weight or BSA of each agent comes from a dosing-weight policy per agent
// (dosing_policies). The default for each agent is the patient stage's commonly reported
// practice row for its class (PAT-DOSE-010: busulfan and thiotepa on AIBW25 above 120 % IBW,
// high-dose cyclophosphamide on AdjBW50 at 150 % IBW, fludarabine and BEAM on an actual-weight
// BSA, melphalan on an AIBW25-based BSA above 120 % IBW, ATG on actual weight), labelled
// "commonly reported practice [unverified as normative]"; an agent that table does not list
// (treosulfan, the GVHD prophylaxis drugs) on an actual-weight BSA (per m2) or actual weight (per
// kg) [P]; a centre replaces any row. Alemtuzumab (flat mg) and TBI
// (Gy) take no weight. COND-DOSE-002: amount a day = prescribed dose x the weight or BSA; course
// total = amount a day x days. COND-DOSE-004: hsct itself rounds, caps and reduces nothing (no
// source at hand states a rule for these agents); a centre states its own per agent
// (dosing_policies::adjustment: a named reduction to a share of the dose, rounding to a vial or
// tablet size, a cap a day, applied in that order) and the result keeps the amount before them.
// COND-DOSE-003: dose_plan gives the same amounts for many patients without the evidence.
#ifndef HSCT_CONDITIONING_DOSE_CALCULATION_HPP
#define HSCT_CONDITIONING_DOSE_CALCULATION_HPP

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/conditioning/agent.hpp"
#include "hsct/conditioning/regimen.hpp"
#include "hsct/conditioning/vocabulary.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/patient/dosing_weight.hpp"

namespace hsct::conditioning {

/// COND-DOSE-001: the practice-table class of an agent, if it has one.
[[nodiscard]] constexpr std::optional<hsct::patient::agent_class> agent_class_of(agent a) noexcept {
    using hsct::patient::agent_class;
    switch (a) {
        case agent::busulfan_iv:
        case agent::busulfan_oral: return agent_class::busulfan;
        case agent::cyclophosphamide: return agent_class::cyclophosphamide_high_dose;
        case agent::fludarabine: return agent_class::fludarabine;
        case agent::melphalan: return agent_class::melphalan;
        case agent::carmustine:
        case agent::etoposide:
        case agent::cytarabine: return agent_class::beam;
        case agent::thiotepa: return agent_class::thiotepa;
        case agent::atg_thymoglobulin:
        case agent::atg_grafalon: return agent_class::atg;
        case agent::treosulfan:
        case agent::alemtuzumab:
        case agent::tbi:
        case agent::methotrexate:
        case agent::cyclosporine:
        case agent::tacrolimus:
        case agent::mycophenolate:
        case agent::sirolimus:
        case agent::abatacept: break;
    }
    return std::nullopt;
}

/// COND-DOSE-004: how a vial or tablet rounding goes.
enum class rounding_mode : std::uint8_t {
    nearest = 1,  ///< to the nearest multiple (half away from zero)
    down = 2,     ///< to the multiple at or below
    up = 3,       ///< to the multiple at or above
};

constexpr auto hsct_enum_table(rounding_mode) noexcept {
    return make_enum_table<rounding_mode>("rounding_mode", {
        {rounding_mode::nearest, "nearest", "to the nearest multiple of"},
        {rounding_mode::down, "down", "down to a multiple of"},
        {rounding_mode::up, "up", "up to a multiple of"},
    });
}

/// COND-DOSE-004: a centre's own adjustments of one agent's calculated amount a day. hsct
/// states none (no source at hand gives a rounding, cap or reduction rule for these agents):
/// each is empty unless the centre sets it, and then `name` (the centre's rule, carried on
/// the result) is required. Applied in this order: the reduction, the rounding, the cap (so a
/// cap is never exceeded by a rounding up).
struct dose_adjustment {
    std::string_view name;                          ///< required when any step is set
    std::optional<hsct::percent> reduce_to;         ///< the share of the calculated dose, (0, 100] %
    std::optional<hsct::total_dose> round_to;       ///< a vial or tablet size, above 0
    rounding_mode rounding = rounding_mode::nearest;
    std::optional<hsct::total_dose> cap_per_day;    ///< at most this a day, above 0

    [[nodiscard]] constexpr bool any() const noexcept {
        return reduce_to.has_value() || round_to.has_value() || cap_per_day.has_value();
    }
    friend bool operator==(const dose_adjustment&, const dose_adjustment&) = default;
};

/// COND-DOSE-001: a dosing-weight policy for every agent (indexed by agent - 1), and the
/// centre's adjustments of each agent's amount (COND-DOSE-004; none by default). Alemtuzumab and
/// TBI weight policies are not read; TBI takes no adjustment.
struct dosing_policies {
    std::array<hsct::patient::dosing_weight_options, agent_count> by_agent;
    std::array<dose_adjustment, agent_count> adjustments{};
    [[nodiscard]] const dose_adjustment& adjustment(agent a) const {
        return adjustments[static_cast<std::size_t>(a) - 1U];
    }
    [[nodiscard]] dose_adjustment& adjustment(agent a) {
        return adjustments[static_cast<std::size_t>(a) - 1U];
    }
    [[nodiscard]] const hsct::patient::dosing_weight_options& of(agent a) const {
        return by_agent[static_cast<std::size_t>(a) - 1U];
    }
    [[nodiscard]] hsct::patient::dosing_weight_options& of(agent a) {
        return by_agent[static_cast<std::size_t>(a) - 1U];
    }
};

/// COND-DOSE-001: the default policies (commonly reported practice; treosulfan [P]).
[[nodiscard]] inline dosing_policies commonly_reported_policies() {
    dosing_policies p;
    for (std::size_t i = 0; i < p.by_agent.size(); ++i) {
        const auto a = static_cast<agent>(i + 1);
        if (const auto cls = agent_class_of(a)) {
            p.by_agent[i] = hsct::patient::commonly_reported_policy(*cls);
        } else if (info_of(a).basis == dose_basis::per_m2) {
            p.by_agent[i] = hsct::patient::policies::bsa_actual();
            p.by_agent[i].name = "BSA on actual weight [hsct policy, unverified]";
        } else {
            p.by_agent[i] = hsct::patient::policies::actual_weight();
            p.by_agent[i].name = "actual body weight [hsct policy, unverified]";
        }
    }
    return p;
}

/// One component's doses for the patient.
struct component_dose {
    agent which;
    agent_dose prescribed;  ///< the regimen's per-day dose (mg/kg, mg/m2, mg or Gy)
    /// The weight or BSA it was multiplied by, which and why (empty for alemtuzumab and TBI).
    std::optional<hsct::patient::dosing_weight_result> weighting;
    std::optional<hsct::total_dose> per_day;       ///< mg a day (drugs)
    std::optional<hsct::total_dose> total;         ///< mg over the course (drugs)
    std::optional<hsct::radiation_dose> per_day_gy;  ///< TBI
    std::optional<hsct::radiation_dose> total_gy;    ///< TBI
    int days;
    /// COND-DOSE-004: the amount a day before the centre's adjustments, when it set any (then
    /// per_day is the adjusted amount and total is per_day x days).
    std::optional<hsct::total_dose> calculated_per_day;
    dose_adjustment adjustment{};  ///< the centre's adjustments applied (empty: none)
    bool reduced = false;          ///< the reduction moved the amount
    bool rounded = false;          ///< the rounding moved the amount
    bool capped = false;           ///< the cap lowered the amount
};

/// The regimen's doses for one patient, component by component in the regimen's order.
struct regimen_doses {
    regimen_doses() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions §5
    hsct::fixed_list<component_dose, 8> components;
};

namespace detail {
[[nodiscard]] inline std::optional<hsct::patient::dose_scale> scale_of(dose_basis b) noexcept {
    switch (b) {
        case dose_basis::per_kg: return hsct::patient::dose_scale::per_kg;
        case dose_basis::per_m2: return hsct::patient::dose_scale::per_m2;
        case dose_basis::flat:
        case dose_basis::radiation: break;
    }
    return std::nullopt;
}
}  // namespace detail

namespace detail {
/// COND-DOSE-001: a policy fit for a component: on the agent's basis (else "policies.<agent>"),
/// and complete as the patient stage checks a policy (else "policies.<agent>.<its field>").
template <class = void>
[[nodiscard]] std::optional<error> check_policy(agent a, dose_basis basis,
                                                       const hsct::patient::dosing_weight_options& p) {
    const auto field = field_ref("policies", id(a));
    if (p.scale != *scale_of(basis)) {
        return error(errc::inconsistent, field, std::string(id(p.scale)),
                     std::string("a policy on the agent's basis (") + std::string(id(*scale_of(basis))) + ")",
                     "COND-DOSE-001");
    }
    if (auto e = hsct::patient::detail::dw_validate(p)) {
        // "policy.name" of the patient stage becomes "policies.<agent>.name"
        std::string_view leaf = e->field();
        if (leaf.starts_with("policy.")) {
            leaf.remove_prefix(7);
        }
        return with_field(*e, std::string("policies.") + std::string(id(a)) + "." + std::string(leaf));
    }
    return std::nullopt;
}

/// COND-DOSE-004: an adjustment a centre may state: named, each step in its range. The error
/// names "adjustments.<agent>.<step>".
template <class = void>
[[nodiscard]] std::optional<error> check_adjustment(agent a, const dose_adjustment& x) {
    if (!x.any()) {
        return std::nullopt;
    }
    const std::string base = std::string("adjustments.") + std::string(id(a));
    const auto positive_mg = [&](const std::optional<hsct::total_dose>& q, const char* step) -> std::optional<error> {
        if (!q) {
            return std::nullopt;
        }
        const double v = q->in(hsct::units::mg);
        if (!std::isfinite(v) || !(v > 0.0)) {
            return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, base + "." + step,
                         hsct::detail::format_number(v) + " mg", "above 0 mg", "COND-DOSE-004");
        }
        return std::nullopt;
    };
    if (x.name.empty()) {
        return error(errc::missing, base + ".name", "(empty)", "the centre's name for its rule, carried on the result",
                     "COND-DOSE-004");
    }
    if (info_of(a).basis == dose_basis::radiation) {
        return error(errc::not_allowed, base, std::string(x.name), "no adjustment for TBI (its dose is in Gy)",
                     "COND-DOSE-004");
    }
    if (x.reduce_to) {
        const double pct = x.reduce_to->in(hsct::units::pct);
        if (!std::isfinite(pct) || !(pct > 0.0) || pct > 100.0) {
            return error(std::isfinite(pct) ? errc::out_of_range : errc::not_finite, base + ".reduce_to",
                         hsct::detail::format_number(pct) + " %", "above 0 % and at most 100 %", "COND-DOSE-004");
        }
    }
    if (auto e = positive_mg(x.round_to, "round_to")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(x.rounding, field_ref(base + ".rounding"))) {
        return e;
    }
    return positive_mg(x.cap_per_day, "cap_per_day");
}

/// What an adjustment did to one amount.
struct adjusted_amount {
    hsct::total_dose value;
    bool reduced = false;
    bool rounded = false;
    bool capped = false;
};

/// COND-DOSE-004: reduction, rounding, cap, in that order, on a checked adjustment. False when
/// the rounding would leave nothing (a dose rounded to 0 mg is refused, not given).
[[nodiscard]] HSCT_ALWAYS_INLINE bool apply_adjustment(const dose_adjustment& x, hsct::total_dose amount,
                                                       adjusted_amount& out) noexcept {
    double mg = amount.in(hsct::units::mg);
    out = adjusted_amount{amount, false, false, false};
    if (x.reduce_to) {
        const double reduced = mg * x.reduce_to->in(hsct::units::pct) / 100.0;
        out.reduced = reduced != mg;
        mg = reduced;
    }
    if (x.round_to) {
        const double unit = x.round_to->in(hsct::units::mg);
        const double n = mg / unit;
        const double k = x.rounding == rounding_mode::down ? std::floor(n)
                         : x.rounding == rounding_mode::up ? std::ceil(n)
                                                           : std::round(n);
        const double rounded = k * unit;
        if (!(rounded > 0.0)) {
            return false;
        }
        out.rounded = rounded != mg;
        mg = rounded;
    }
    // The cap is a limit, not a clinical threshold: compared exactly (no CORE-THRESH-001
    // tolerance), so the amount given is never above it.
    if (x.cap_per_day && mg > x.cap_per_day->in(hsct::units::mg)) {
        mg = x.cap_per_day->in(hsct::units::mg);
        out.capped = true;
    }
    out.value = hsct::total_dose(mg, hsct::units::mg);
    return true;
}

/// The refusal of a rounding that leaves nothing.
template <class = void>
[[nodiscard]] error rounded_to_nothing(agent a, std::size_t index, const dose_adjustment& x,
                                              hsct::total_dose amount) {
    return error(errc::out_of_range, field_ref("regimen.components", id(a)).at(index),
                 hsct::detail::format_number(amount.in(hsct::units::mg)) + " mg",
                 "an amount that the centre's rounding (" + std::string(x.name) + ", to " +
                     hsct::detail::format_number(x.round_to ? x.round_to->in(hsct::units::mg) : 0.0) +
                     " mg) does not take to 0 mg",
                 "COND-DOSE-004");
}

/// COND-DOSE-002/004: the amount a day (after the centre's adjustments, if any) and the total.
template <class = void>
[[nodiscard]] std::optional<error> set_amount(component_dose& d, hsct::total_dose calculated,
                                                     const dose_adjustment& x, std::size_t index) {
    hsct::total_dose day = calculated;
    if (x.any()) {
        adjusted_amount adj;
        if (!apply_adjustment(x, calculated, adj)) {
            return rounded_to_nothing(d.which, index, x, calculated);
        }
        d.calculated_per_day = calculated;
        d.adjustment = x;
        d.reduced = adj.reduced;
        d.rounded = adj.rounded;
        d.capped = adj.capped;
        day = adj.value;
    }
    d.per_day = day;
    d.total = hsct::total_dose(day.in(hsct::units::mg) * static_cast<double>(d.days), hsct::units::mg);
    return std::nullopt;
}

/// COND-DOSE-001/002: one component's doses for a patient, with the evidence, into `d`.
template <class = void>
[[nodiscard]] std::optional<error> component_doses(const regimen_component& c, std::size_t index,
                                                   const hsct::patient::body_measures& m,
                                                   const dosing_policies& policies,
                                                   std::optional<component_dose>& out) {
    const agent a = c.per_day.which();
    auto& d = out.emplace(component_dose{a, c.per_day, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                         static_cast<int>(c.days.size()), std::nullopt, dose_adjustment{}, false,
                                         false, false});
    if (auto e = check_adjustment(a, policies.adjustment(a))) {
        return e;
    }
    const double days = static_cast<double>(d.days);
    if (c.per_day.basis() == dose_basis::radiation) {
        d.per_day_gy = hsct::radiation_dose(c.per_day.value(), hsct::units::Gy);
        d.total_gy = hsct::radiation_dose(c.per_day.value() * days, hsct::units::Gy);
        return std::nullopt;
    }
    if (c.per_day.basis() == dose_basis::flat) {
        return set_amount(d, hsct::total_dose(c.per_day.value(), hsct::units::mg), policies.adjustment(a), index);
    }
    const auto& p = policies.of(a);
    if (auto e = check_policy(a, c.per_day.basis(), p)) {
        return e;
    }
    const auto field = field_ref("policies", id(a));
    auto w = hsct::patient::assess_dosing_weight(m, p);
    if (!w) {
        return with_field(w.error(), field);
    }
    if (!w->applies()) {
        return error(errc::not_allowed, field_ref("regimen.components", id(a)).at(index), std::string(p.name),
                     "a dosing-weight policy that applies to this patient (this one does not: "
                     "choose another for the agent)",
                     "COND-DOSE-001");
    }
    const auto amount = c.per_day.basis() == dose_basis::per_kg ? w->dose(*c.per_day.per_kg())
                                                                : w->dose(*c.per_day.per_m2());
    if (!amount) {
        return with_field(amount.error(), field);
    }
    d.weighting = *w;
    return set_amount(d, *amount, policies.adjustment(a), index);
}
}  // namespace detail

/// COND-DOSE-001/002: every component's doses for a patient. Errors: a policy whose scale is
/// not the agent's basis (a per-m2 policy for busulfan: errc::inconsistent, field
/// "policies.<agent>"); a policy the patient stage refuses (its error, under that field); a
/// policy that does not apply to this patient (a child under an IBW policy: errc::not_allowed,
/// the component named).
template <class = void>
[[nodiscard]] result<regimen_doses> calculate_doses(
    const regimen& r, const hsct::patient::body_measures& m,
    const dosing_policies& policies = commonly_reported_policies()) {
    result<regimen_doses> out(std::in_place);
    for (std::size_t i = 0; i < r.components().size(); ++i) {
        std::optional<component_dose> d;
        if (auto e = detail::component_doses(r.components()[i], i, m, policies, d)) {
            out = std::move(*e);
            return out;
        }
        out->components.push_back(*d);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// COND-DOSE-003: the same amounts for many patients, without the evidence
// ---------------------------------------------------------------------------------------------

/// One drug component's amounts for a patient: mg a day and mg over the course.
struct drug_amount {
    agent which = agent::busulfan_iv;
    std::uint8_t component = 0;  ///< its index in the regimen's components
    hsct::total_dose per_day;
    hsct::total_dose total;
};

/// A regimen's drug amounts for one patient, in the regimen's order (TBI takes no weight: its
/// Gy are the regimen's own, regimen::total).
struct regimen_amounts {
    regimen_amounts() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions §5
    hsct::fixed_list<drug_amount, 8> drugs;
};

namespace detail {
/// A checked policy as the steps of assess_dosing_weight read it, prepared once: which rules
/// apply, the comparisons and the factor already looked up.
struct lean_policy {
    hsct::patient::dose_scale scale = hsct::patient::dose_scale::per_kg;
    hsct::patient::weight_basis basis = hsct::patient::weight_basis::actual;
    bool always = true;     ///< trigger_rule::always
    bool uses_pct = false;  ///< the trigger reads TBW as % of IBW
    bool uses_bmi = false;  ///< the trigger reads the BMI
    bool needs_ibw = false;
    bool adult_only = false;  ///< IBW or BMI: adult rules (PAT-IBW-004, PAT-DOSE-002)
    bool has_cap = false;
    bool pct_at_least = false;  ///< >= (else >), threshold_comparison
    bool bmi_at_least = true;
    hsct::patient::short_stature_policy below_60_in = hsct::patient::short_stature_policy::extrapolate;
    hsct::patient::bsa_formula formula = hsct::patient::default_bsa_formula;
    double factor = 0.0;
    hsct::percent pct_threshold;
    hsct::body_mass_index bmi_threshold;
    hsct::area cap;

    /// From a policy dw_validate accepted.
    [[nodiscard]] static lean_policy of(const hsct::patient::dosing_weight_options& p) noexcept {
        namespace pt = hsct::patient;
        lean_policy l;
        l.scale = p.scale;
        l.basis = p.basis;
        l.always = p.trigger.rule == pt::trigger_rule::always;
        l.uses_pct = p.trigger.rule == pt::trigger_rule::percent_ibw ||
                     p.trigger.rule == pt::trigger_rule::percent_ibw_or_bmi;
        l.uses_bmi = p.trigger.rule == pt::trigger_rule::bmi || p.trigger.rule == pt::trigger_rule::percent_ibw_or_bmi;
        l.needs_ibw = l.uses_pct || p.basis != pt::weight_basis::actual;
        l.adult_only = l.needs_ibw || l.uses_bmi;
        l.has_cap = p.bsa_cap.has_value();
        l.pct_at_least = p.trigger.percent_ibw_comparison == pt::threshold_comparison::greater_or_equal;
        l.bmi_at_least = p.trigger.bmi_comparison == pt::threshold_comparison::greater_or_equal;
        l.below_60_in = p.below_60_in;
        l.formula = p.formula;
        l.factor = pt::fraction(p.factor).value_or(0.0);
        l.pct_threshold = p.trigger.percent_ibw_threshold;
        l.bmi_threshold = p.trigger.bmi_threshold;
        l.cap = p.bsa_cap.value_or(hsct::area{});
        return l;
    }
};

/// One drug component of a plan, with its policy checked once.
struct plan_step {
    agent which = agent::busulfan_iv;
    dose_basis basis = dose_basis::flat;
    std::uint8_t component = 0;
    double per_day = 0.0;  ///< in the basis unit (mg/kg, mg/m2, mg)
    double days = 0.0;
    lean_policy policy{};
    bool adjusted = false;  ///< the centre set an adjustment (COND-DOSE-004)
    dose_adjustment adjustment{};
};

/// The weight (per kg) or BSA (per m2) of assess_dosing_weight: the same steps and the same
/// arithmetic, without the evidence. False where assess_dosing_weight would give none (the
/// policy does not apply, or an error); the caller then asks it for the reason.
template <class = void>
[[nodiscard]] HSCT_ALWAYS_INLINE bool lean_dosing_quantity(const hsct::patient::body_measures& m,
                                                           const lean_policy& p, hsct::mass& weight,
                                                           hsct::area& bsa) noexcept {
    namespace pt = hsct::patient;
    using hsct::comparator;
    using hsct::units::kg;
    const hsct::mass tbw = m.weight().as_mass();
    // COND-DOSE-003: the adult age and the 60-inch height, as assess_dosing_weight compares them.
    if (p.adult_only && !hsct::satisfies(static_cast<double>(m.age_at_dosing().completed_years()),
                                         comparator::greater_equal, pt::ibw_adult_age_years)) {
        return false;  // a child
    }
    hsct::mass ibw;
    if (p.needs_ibw) {
        const bool below = !hsct::satisfies(m.height().in(hsct::units::cm), comparator::greater_equal,
                                            pt::devine_base_height.in(hsct::units::cm));
        if (below && p.below_60_in == pt::short_stature_policy::refuse) {
            return false;
        }
        if (below && p.below_60_in == pt::short_stature_policy::base_value) {
            ibw = hsct::mass(m.recipient_sex() == hsct::sex::male ? pt::devine_base_male_kg : pt::devine_base_female_kg, kg);
        } else {
            const double ideal = pt::detail::devine_kg(m.height(), m.recipient_sex());
            if (!(ideal > 0.0)) {
                return false;
            }
            ibw = hsct::mass(ideal, kg);
        }
    }
    bool met = p.always;
    // The trigger (COND-DOSE-003): the comparisons of CORE-THRESH-001 that satisfies() makes for >= and >.
    const auto compare = [](double v, bool at_least, double t) noexcept {
        return at_least ? hsct::detail::at_least(v, t) : hsct::detail::above(v, t);
    };
    if (p.uses_pct) {
        met = met || compare(100.0 * tbw.in(kg) / ibw.in(kg), p.pct_at_least, p.pct_threshold.in(hsct::units::pct));
    }
    if (p.uses_bmi) {
        met = met || compare(pt::bmi(m.weight(), m.height()).in(hsct::units::kg_per_m2), p.bmi_at_least,
                             p.bmi_threshold.in(hsct::units::kg_per_m2));
    }
    weight = tbw;
    // COND-DOSE-003: the weight basis; at a tie (IBW = TBW) both branches give the same weight.
    if (met) {
        switch (p.basis) {
            case pt::weight_basis::actual: break;
            case pt::weight_basis::ideal: weight = ibw; break;
            case pt::weight_basis::lesser_of_ideal_and_actual:
                if (hsct::satisfies(ibw.in(kg), comparator::less, tbw.in(kg))) {
                    weight = ibw;
                }
                break;
            case pt::weight_basis::adjusted:
                if (hsct::satisfies(tbw.in(kg), comparator::greater, ibw.in(kg))) {
                    weight = ibw + p.factor * (tbw - ibw);
                }
                break;
        }
    }
    if (p.scale == pt::dose_scale::per_m2) {
        const auto w = pt::body_weight::make_if_valid(weight);
        if (!w) {
            return false;  // PAT-BODY-002
        }
        switch (p.formula) {
            case pt::bsa_formula::mosteller: bsa = pt::bsa_mosteller(m.height(), *w); break;
            case pt::bsa_formula::dubois: bsa = pt::bsa_dubois(m.height(), *w); break;
            case pt::bsa_formula::haycock: bsa = pt::bsa_haycock(m.height(), *w); break;
            case pt::bsa_formula::gehan_george: bsa = pt::bsa_gehan_george(m.height(), *w); break;
            case pt::bsa_formula::boyd: bsa = pt::bsa_boyd(m.height(), *w); break;
        }
        // COND-DOSE-003: the BSA cap; at the cap, capped or not, the BSA is the cap.
        if (p.has_cap && hsct::satisfies(bsa.in(hsct::units::m2), comparator::greater, p.cap.in(hsct::units::m2))) {
            bsa = p.cap;
        }
    }
    return true;
}
}  // namespace detail

/// COND-DOSE-003: a regimen's doses prepared for many patients. make() checks every policy
/// once (the errors of calculate_doses: "policies.<agent>"); amounts() then gives each
/// patient's drug amounts by the same steps and the same arithmetic as calculate_doses
/// (identical numbers: tested on generated patients under every named policy), without the
/// evidence and without heap allocation. A patient for whom calculate_doses would fail fails
/// here with the same error (amounts() asks calculate_doses' own steps for it). For a
/// pharmacist's check of one patient use calculate_doses; for a registry or a batch, this.
class dose_plan {
public:
    template <class = void>
    [[nodiscard]] static result<dose_plan> make(const regimen& r,
                                                const dosing_policies& policies = commonly_reported_policies()) {
        dose_plan plan;
        plan.regimen_ = r;
        plan.policies_ = policies;
        for (std::size_t i = 0; i < r.components().size(); ++i) {
            const auto& c = r.components()[i];
            if (c.per_day.basis() == dose_basis::radiation) {
                continue;
            }
            detail::plan_step s;
            s.which = c.per_day.which();
            s.basis = c.per_day.basis();
            s.component = static_cast<std::uint8_t>(i);
            s.per_day = c.per_day.value();
            s.days = static_cast<double>(c.days.size());
            if (auto e = detail::check_adjustment(s.which, policies.adjustment(s.which))) {
                return std::move(*e);
            }
            s.adjustment = policies.adjustment(s.which);
            s.adjusted = s.adjustment.any();
            if (s.basis != dose_basis::flat) {
                if (auto e = detail::check_policy(s.which, s.basis, policies.of(s.which))) {
                    return std::move(*e);
                }
                s.policy = detail::lean_policy::of(policies.of(s.which));
            }
            plan.steps_.push_back(s);
        }
        return plan;
    }

    /// The regimen the plan was made for.
    [[nodiscard]] const regimen& for_regimen() const noexcept { return regimen_; }

    /// How many drug components the regimen has (the amounts a patient gets: TBI is not one).
    [[nodiscard]] std::size_t drug_count() const noexcept { return steps_.size(); }

    /// COND-DOSE-003: the patient's drug amounts. Errors: those of calculate_doses for this
    /// patient (a policy that does not apply, an IBW that cannot be computed, a dosing weight
    /// outside PAT-BODY-002). Allocates nothing on success.
    template <class = void>
    [[nodiscard]] result<regimen_amounts> amounts(const hsct::patient::body_measures& m) const {
        result<regimen_amounts> out(std::in_place);
        std::array<drug_amount, 8> buffer;
        auto filled = amounts_into(m, buffer);
        if (!filled) {
            out = std::move(filled).error();
            return out;
        }
        for (const auto& d : *filled) {
            out->drugs.push_back(d);
        }
        return out;
    }

    /// COND-DOSE-003, for batches: the same amounts written to `into` (drug_count() of them, in
    /// the regimen's order); returns the part written. Errors: those of amounts(), and an
    /// `into` shorter than drug_count() (out_of_range, field "into"). Allocates nothing on
    /// success; `into` is unspecified after an error.
    template <class = void>
    [[nodiscard]] HSCT_ALWAYS_INLINE result<std::span<drug_amount>> amounts_into(
        const hsct::patient::body_measures& m, std::span<drug_amount> into) const {
        const std::size_t n = steps_.size();
        if (into.size() < n) {
            return short_buffer(into.size(), n);
        }
        for (std::size_t k = 0; k < n; ++k) {
            const detail::plan_step& s = steps_[k];
            hsct::total_dose day;
            if (s.basis == dose_basis::flat) {
                day = hsct::total_dose(s.per_day, hsct::units::mg);
            } else {
                hsct::mass w;
                hsct::area a;
                if (!detail::lean_dosing_quantity(m, s.policy, w, a)) {
                    return error_for(s, m);
                }
                day = s.basis == dose_basis::per_kg ? hsct::dose_per_mass(s.per_day, hsct::units::mg_per_kg) * w
                                                    : hsct::dose_per_area(s.per_day, hsct::units::mg_per_m2) * a;
            }
            if (s.adjusted) {
                detail::adjusted_amount adj;
                if (!detail::apply_adjustment(s.adjustment, day, adj)) {
                    return error_for(s, m);
                }
                day = adj.value;
            }
            into[k] = drug_amount{s.which, s.component, day,
                                  hsct::total_dose(day.in(hsct::units::mg) * s.days, hsct::units::mg)};
        }
        return into.first(n);
    }

private:
    dose_plan() = default;
    /// The refusal of a buffer too short (kept out of the loop: built only on that path).
    template <class = void>
    [[nodiscard, gnu::cold, gnu::noinline]] static error short_buffer(std::size_t given, std::size_t n) {
        return error(errc::out_of_range, "into", std::to_string(given),
                     "at least drug_count() = " + std::to_string(n) + " amounts", "COND-DOSE-003");
    }
    /// The error calculate_doses gives for the step's component (built only on that path).
    template <class = void>
    [[nodiscard, gnu::cold, gnu::noinline]] error error_for(const detail::plan_step& s, const hsct::patient::body_measures& m) const {
        std::optional<component_dose> d;
        if (auto e = detail::component_doses(regimen_.components()[s.component], s.component, m, policies_, d)) {
            return std::move(*e);
        }
        return error(errc::inconsistent, field_ref("regimen.components", id(s.which)).at(s.component),
                     "amounts and calculate_doses disagree", "the same answer from both (please report)",
                     "COND-DOSE-003");
    }
    regimen regimen_;
    dosing_policies policies_;
    hsct::fixed_list<detail::plan_step, 8> steps_;
};

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_DOSE_CALCULATION_HPP
