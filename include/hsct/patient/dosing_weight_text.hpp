// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the dosing weight (CORE-EXPLAIN-002): one sentence rendered from a
// dosing_weight_result's data through a message catalogue (English built in):
//
//   hsct::patient::render(*assess_dosing_weight(m, commonly_reported_policy(agent_class::busulfan)));
//   // "TBW as % of IBW against the trigger: 210.9 % > 120 %: met (hsct reading, unverified)
//   //  [PAT-DOSE-002]: adjusted 25% (AIBW25, busulfan label) = 72.68 kg (IBW 56.91 kg, TBW
//   //  120.00 kg) [policy: busulfan: commonly reported practice [unverified as normative]]"
//
// PAT-DOSE-007: numbers next to a threshold go through CORE-EXPLAIN-003 (at least one
// decimal for % and BMI, two for kg, three for m2, more where needed so that a shown value
// never contradicts its comparison). Catalogue keys: group "dosing_weight", keys "no_trigger", "bsa", "from",
// "capped_at", "not_applied", "height_under_60_in", "policy", "ibw", "tbw"; enum labels by their
// table names (weight_source, weight_reason, adjustment_factor, ibw_formula, bsa_formula,
// short_stature_policy, dosing_weight_criterion, dosing_weight_status).
#ifndef HSCT_PATIENT_DOSING_WEIGHT_TEXT_HPP
#define HSCT_PATIENT_DOSING_WEIGHT_TEXT_HPP

#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/patient/body_size_text.hpp"
#include "hsct/patient/dosing_weight.hpp"

namespace hsct::patient {

namespace detail {

/// The usual precision of each criterion's measured quantity.
[[nodiscard]] constexpr int dw_min_decimals(dosing_weight_criterion id) noexcept {
    switch (id) {
        case dosing_weight_criterion::percent_ibw_trigger:
        case dosing_weight_criterion::bmi_trigger: return 1;
        case dosing_weight_criterion::actual_above_ideal:
        case dosing_weight_criterion::ideal_below_actual: return 2;
        case dosing_weight_criterion::bsa_above_cap: return 3;
        case dosing_weight_criterion::adult_age: return 0;
        case dosing_weight_criterion::at_least_60_in: return 1;
    }
    return 0;
}

[[nodiscard]] inline std::string dw_criterion(const hsct::criterion<dosing_weight_criterion>& c,
                                              const message_catalogue& cat) {
    return hsct::render(c, cat, dw_min_decimals(c.id));
}

}  // namespace detail

/// "<trigger>: <weight used and why>[, BSA ...] [policy: <name>]", from the data only. When
/// the policy does not apply: "policy does not apply: <criterion not met> [policy: <name>]".
[[nodiscard]] inline std::string render(const dosing_weight_result& r,
                                        const message_catalogue& cat = english()) {
    if (!r.applies()) {
        std::string why;
        for (const auto& c : r.criteria) {
            if (r.decided_by == c.id) {
                why = detail::dw_criterion(c, cat);
            }
        }
        return hsct::detail::concat({cat.label(r.status), ": ", why, " [",
                                     cat.text("dosing_weight", "policy", "policy"), ": ",
                                     r.options.name, "]"});
    }
    const std::string_view ibw = cat.text("dosing_weight", "ibw", "IBW");
    const std::string_view tbw = cat.text("dosing_weight", "tbw", "TBW");

    // The trigger.
    std::string why;
    if (r.options.trigger.rule == trigger_rule::always) {
        why = cat.text("dosing_weight", "no_trigger", "no trigger (applies to every patient)");
    }
    const hsct::criterion<dosing_weight_criterion>* weight_criterion = nullptr;
    const hsct::criterion<dosing_weight_criterion>* cap_criterion = nullptr;
    for (const auto& c : r.criteria) {
        switch (c.id) {
            case dosing_weight_criterion::percent_ibw_trigger:
            case dosing_weight_criterion::bmi_trigger:
                if (!why.empty()) {
                    why += "; ";
                }
                why += detail::dw_criterion(c, cat);
                break;
            case dosing_weight_criterion::actual_above_ideal:
            case dosing_weight_criterion::ideal_below_actual: weight_criterion = &c; break;
            case dosing_weight_criterion::bsa_above_cap: cap_criterion = &c; break;
            case dosing_weight_criterion::adult_age:       // met here: not part of the sentence
            case dosing_weight_criterion::at_least_60_in: break;
        }
    }

    // The weight.
    std::string what;
    switch (r.reason) {
        case weight_reason::trigger_not_met:
        case weight_reason::basis_actual:
            what = hsct::detail::concat({cat.label(weight_source::actual), " ",
                                         detail::bs_kg(r.weight_used)});
            break;
        case weight_reason::basis_ideal:
            what = hsct::detail::concat(
                {cat.label(weight_source::ideal), " (",
                 r.ibw ? cat.label(r.ibw->formula) : std::string_view{}, ") ",
                 detail::bs_kg(r.weight_used)});
            break;
        case weight_reason::lesser_is_ideal:
        case weight_reason::lesser_is_actual:
            what = hsct::detail::concat({cat.label(r.reason), " ", detail::bs_kg(r.weight_used)});
            if (weight_criterion != nullptr) {
                what += hsct::detail::concat({" (", detail::dw_criterion(*weight_criterion, cat), ")"});
            }
            break;
        case weight_reason::adjusted:
            what = hsct::detail::concat(
                {cat.label(r.options.factor), " = ", detail::bs_kg(r.weight_used), " (", ibw, " ",
                 r.ibw && r.ibw->value ? detail::bs_kg(*r.ibw->value) : std::string{}, ", ", tbw, " ",
                 detail::bs_kg(r.actual), ")"});
            break;
        case weight_reason::not_above_ideal:
            what = hsct::detail::concat(
                {cat.label(weight_source::actual), " ", detail::bs_kg(r.weight_used), " (",
                 cat.label(r.options.factor), " ",
                 cat.text("dosing_weight", "not_applied", "not applied"),
                 weight_criterion != nullptr ? ": " : "",
                 weight_criterion != nullptr ? detail::dw_criterion(*weight_criterion, cat)
                                             : std::string{},
                 ")"});
            break;
    }
    if (r.ibw && r.ibw->below_60_in && r.source != weight_source::actual) {
        what += hsct::detail::concat(
            {" [", cat.text("dosing_weight", "height_under_60_in", "height under 60 in"), ": ",
             cat.label(r.ibw->options.below_60_in), "]"});
    }

    // Per m2: the BSA from that weight, then any cap.
    if (r.scale == dose_scale::per_m2 && r.bsa) {
        const area shown = r.bsa_before_cap ? *r.bsa_before_cap : r.bsa->value;
        what = hsct::detail::concat(
            {cat.text("dosing_weight", "bsa", "BSA"), " (", cat.label(r.bsa->formula), ") ",
             cat.text("dosing_weight", "from", "from"), " ", what, " = ",
             hsct::format_fixed(shown.in(units::m2), 3), " m2"});
        if (cap_criterion != nullptr) {
            what += hsct::detail::concat({"; ", detail::dw_criterion(*cap_criterion, cat)});
            if (r.bsa_capped) {
                what += hsct::detail::concat(
                    {", ", cat.text("dosing_weight", "capped_at", "capped at"), " ",
                     hsct::format_fixed(r.bsa->value.in(units::m2), 3), " m2"});
            }
        }
    }

    return hsct::detail::concat({why, ": ", what, " [",
                                 cat.text("dosing_weight", "policy", "policy"), ": ",
                                 r.options.name, "]"});
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_DOSING_WEIGHT_TEXT_HPP
