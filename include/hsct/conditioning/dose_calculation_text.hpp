// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for a regimen's doses (CORE-EXPLAIN-002): each component's arithmetic as a line a
// pharmacist reads, rendered from the component_dose data through a message catalogue:
//
//   hsct::conditioning::render(d->components[1]);
//   // "busulfan IV: 3.2 mg/kg a day x 72.68 kg = 232.6 mg a day; 930.3 mg over 4 days.
//   //  Weight: TBW as % of IBW against the trigger: 210.9 % > 120 %: met ... = 72.68 kg
//   //  (IBW 56.91 kg, TBW 120.00 kg) [policy: busulfan: commonly reported practice ...]"
//   hsct::conditioning::render(*d);     // every component, one line each
//
// The prescribed dose is shown as the regimen writes it, the weight in kg with two decimals,
// the BSA in m2 with three (as the patient stage shows them), amounts in mg with one; the
// weight's own sentence is the patient stage's (patient/dosing_weight_text.hpp). Catalogue
// keys: group "conditioning_dose", keys "a_day", "over", "day", "days", "weight", "bsa",
// "flat", "fraction", "fractions", "at", and for a centre's adjustments (COND-DOSE-004)
// "calculated", "reduced_to", "rounded", "at_most", "applied"; enum labels by
// their table names ("agent", "rounding_mode").
#ifndef HSCT_CONDITIONING_DOSE_CALCULATION_TEXT_HPP
#define HSCT_CONDITIONING_DOSE_CALCULATION_TEXT_HPP

#include <string>
#include <string_view>

#include "hsct/conditioning/dose_calculation.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/number_format.hpp"
#include "hsct/patient/dosing_weight_text.hpp"

namespace hsct::conditioning {

namespace detail {
/// "3.2 mg/kg", "40 mg/m2", "20 mg", "2 Gy": a per-day dose as the regimen writes it.
[[nodiscard]] inline std::string prescribed_text(const agent_dose& d) {
    return hsct::detail::concat({hsct::detail::format_number(d.value()), " ", basis_unit(d.basis())});
}
[[nodiscard]] inline std::string mg_text(const hsct::total_dose& d) {
    return hsct::detail::concat({hsct::format_fixed(d.in(hsct::units::mg), 1), " mg"});
}
[[nodiscard]] inline std::string days_text(int n, const message_catalogue& cat) {
    return hsct::detail::concat({std::to_string(n), " ",
                                 n == 1 ? cat.text("conditioning_dose", "day", "day")
                                        : cat.text("conditioning_dose", "days", "days")});
}
/// COND-DOSE-004: "<calculated> mg calculated; <centre's rule>: reduced to 80 %, rounded to the
/// nearest multiple of 60 mg, at most 250 mg a day (applied) -> " when the centre adjusted the amount; empty
/// otherwise.
[[nodiscard]] inline std::string adjusted_text(const component_dose& d, const message_catalogue& cat) {
    if (!d.calculated_per_day) {
        return {};
    }
    const auto& x = d.adjustment;
    std::string steps;
    const auto add = [&steps](const std::string& step) {
        if (!steps.empty()) {
            steps += ", ";
        }
        steps += step;
    };
    if (x.reduce_to) {
        add(hsct::detail::concat({cat.text("conditioning_dose", "reduced_to", "reduced to"), " ",
                                  hsct::detail::format_number(x.reduce_to->in(hsct::units::pct)), " %"}));
    }
    if (x.round_to) {
        add(hsct::detail::concat({cat.text("conditioning_dose", "rounded", "rounded"), " ", cat.label(x.rounding), " ",
                                  hsct::detail::format_number(x.round_to->in(hsct::units::mg)), " mg"}));
    }
    if (x.cap_per_day) {
        add(hsct::detail::concat({cat.text("conditioning_dose", "at_most", "at most"), " ",
                                  hsct::detail::format_number(x.cap_per_day->in(hsct::units::mg)), " mg ",
                                  cat.text("conditioning_dose", "a_day", "a day"),
                                  d.capped ? hsct::detail::concat({" (", cat.text("conditioning_dose", "applied", "applied"), ")"})
                                           : std::string{}}));
    }
    return hsct::detail::concat({mg_text(*d.calculated_per_day), " ",
                                 cat.text("conditioning_dose", "calculated", "calculated"), "; ", x.name, ": ", steps,
                                 " -> "});
}
}  // namespace detail

/// COND-DOSE-002: one component's arithmetic: "<agent>: <dose> a day x <weight or BSA> = <mg>
/// a day; <mg> over <n> days. Weight|BSA: <how it was chosen>". Alemtuzumab: "<agent>: <mg> a
/// day (flat dose); <mg> over <n> days". TBI: "<agent>: <Gy> a day (<n> fractions of <Gy>[ at
/// <rate> cGy/min]); <Gy> over <n> days".
[[nodiscard]] inline std::string render(const component_dose& d, const message_catalogue& cat = english()) {
    const std::string_view a_day = cat.text("conditioning_dose", "a_day", "a day");
    const std::string_view over = cat.text("conditioning_dose", "over", "over");
    std::string s = hsct::detail::concat({cat.label(d.which), ": "});
    if (d.per_day_gy && d.total_gy) {
        const int n = d.prescribed.fractions();
        s += hsct::detail::concat(
            {hsct::detail::format_number(d.per_day_gy->in(hsct::units::Gy)), " Gy ", a_day, " (",
             std::to_string(n), " ",
             n == 1 ? cat.text("conditioning_dose", "fraction", "fraction of")
                    : cat.text("conditioning_dose", "fractions", "fractions of"),
             " ", hsct::detail::format_number(d.prescribed.value() / n), " Gy"});
        if (const auto rate = d.prescribed.dose_rate()) {
            s += hsct::detail::concat({" ", cat.text("conditioning_dose", "at", "at"), " ",
                                       hsct::detail::format_number(rate->in(hsct::units::cGy_per_min)),
                                       " cGy/min"});
        }
        s += hsct::detail::concat({"); ", hsct::detail::format_number(d.total_gy->in(hsct::units::Gy)), " Gy ", over,
                                   " ", detail::days_text(d.days, cat)});
        return s;
    }
    if (!d.per_day || !d.total) {
        return s;  // not produced by calculate_doses
    }
    if (!d.weighting) {  // a flat dose
        return hsct::detail::concat({s, detail::adjusted_text(d, cat), detail::mg_text(*d.per_day), " ", a_day, " (",
                                     cat.text("conditioning_dose", "flat", "flat dose, no weight"), "); ",
                                     detail::mg_text(*d.total), " ", over, " ", detail::days_text(d.days, cat)});
    }
    const auto& w = *d.weighting;
    const bool per_m2 = w.scale == hsct::patient::dose_scale::per_m2 && w.bsa.has_value();
    const std::string factor = per_m2 ? hsct::detail::concat({hsct::format_fixed(w.bsa->value.in(hsct::units::m2), 3), " m2"})
                                      : hsct::patient::detail::bs_kg(w.weight_used);
    return hsct::detail::concat(
        {s, detail::prescribed_text(d.prescribed), " ", a_day, " x ", factor, " = ", detail::adjusted_text(d, cat),
         detail::mg_text(*d.per_day), " ", a_day, "; ", detail::mg_text(*d.total), " ", over, " ",
         detail::days_text(d.days, cat), ". ",
         per_m2 ? cat.text("conditioning_dose", "bsa", "BSA") : cat.text("conditioning_dose", "weight", "Weight"),
         ": ", hsct::patient::render(w, cat)});
}

/// Every component, one line each, in the regimen's order.
[[nodiscard]] inline std::string render(const regimen_doses& r, const message_catalogue& cat = english()) {
    std::string s;
    for (const auto& c : r.components) {
        s += render(c, cat);
        s += '\n';
    }
    return s;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_DOSE_CALCULATION_TEXT_HPP
