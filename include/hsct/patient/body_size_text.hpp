// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for body size results (CORE-EXPLAIN-002): BSA, ideal body weight and adjusted body
// weight rendered from their data through a message catalogue (English built in).
//
//   hsct::patient::render(*body_surface_area(h, w, bsa_formula::mosteller));
//   // "BSA 2.345 m2 (Mosteller 1987; 165 cm, 120 kg) [PAT-BSA-001]"
//   hsct::patient::render(*adjusted_body_weight(ibw, w, adjustment_factor::aibw25));
//   // "adjusted 25% (AIBW25, busulfan label) = 72.68 kg: IBW 56.91 kg + 0.25 x (TBW 120.00 kg
//   //  - IBW); actual body weight above ideal body weight (adjustment applies): 120.00 kg >
//   //  56.91 kg: met [PAT-ABW-003]"
//
// Catalogue keys: group "body_size", keys "bsa", "ibw", "tbw", "no_adjustment"; enum labels by
// their table names (bsa_formula, ibw_formula, sex, short_stature_policy, adjustment_factor,
// ibw_criterion, ibw_status, abw_criterion); criteria words as in <hsct/core/explain_text.hpp>.
#ifndef HSCT_PATIENT_BODY_SIZE_TEXT_HPP
#define HSCT_PATIENT_BODY_SIZE_TEXT_HPP

#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/patient/body_size.hpp"

namespace hsct::patient {

namespace detail {

/// `v` with at most `decimals` digits after the point, trailing zeros removed: "165", "152.4".
[[nodiscard]] inline std::string bs_trimmed(double v, int decimals) {
    std::string s = hsct::format_fixed(v, decimals);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') {
            s.pop_back();
        }
        if (!s.empty() && s.back() == '.') {
            s.pop_back();
        }
    }
    return s;
}

/// "56.91 kg": a mass with two decimals, as dosing weights are shown.
[[nodiscard]] inline std::string bs_kg(const mass& m) {
    return hsct::detail::concat({hsct::format_fixed(m.in(units::kg), 2), " kg"});
}

/// Criteria joined with "; ", each rendered with `min_decimals`.
template <class List>
[[nodiscard]] std::string bs_criteria(const List& criteria, const message_catalogue& cat,
                                      int min_decimals) {
    std::string s;
    for (const auto& c : criteria) {
        if (!s.empty()) {
            s += "; ";
        }
        s += hsct::render(c, cat, min_decimals);
    }
    return s;
}

}  // namespace detail

/// "BSA 2.345 m2 (Mosteller 1987; 165 cm, 120 kg) [PAT-BSA-001]"
[[nodiscard]] inline std::string render(const bsa_result& r,
                                        const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat(
        {cat.text("body_size", "bsa", "BSA"), " ",
         hsct::format_fixed(r.value.in(units::m2), 3), " m2 (", cat.label(r.formula), "; ",
         detail::bs_trimmed(r.from_height.in(units::cm), 1), " cm, ",
         detail::bs_trimmed(r.from_weight.in(units::kg), 2), " kg)"});
    if (r.requirement != nullptr && r.requirement[0] != '\0') {
        s += hsct::detail::concat({" [", r.requirement, "]"});
    }
    return s;
}

/// "IBW 56.91 kg (Devine 1974, female, 165 cm; extrapolate below 60 in): age at least 18
/// years (...): 45 years >= 18 years: met [PAT-IBW-004]; height at least 60 in (...): 165.0 cm
/// >= 152.4 cm: met [PAT-IBW-002]". When it does not apply, "does not apply" stands where the
/// value would be, and the criterion not met follows.
[[nodiscard]] inline std::string render(const ibw_result& r,
                                        const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat(
        {cat.text("body_size", "ibw", "IBW"), " ",
         r.value ? detail::bs_kg(*r.value) : std::string(cat.label(r.status)), " (",
         cat.label(r.formula), ", ", cat.label(r.for_sex), ", ",
         detail::bs_trimmed(r.for_height.in(units::cm), 1), " cm; ",
         cat.label(r.options.below_60_in), ")"});
    const char* sep = ": ";
    for (const auto& c : r.criteria) {
        s += sep;
        sep = "; ";
        // age in whole years, height with one decimal
        s += hsct::render(c, cat, c.id == ibw_criterion::adult_age ? 0 : 1);
    }
    return s;
}

/// Adjusted: "adjusted 25% (AIBW25, busulfan label) = 72.68 kg: IBW 56.91 kg + 0.25 x (TBW
/// 120.00 kg - IBW); <criterion>". Not adjusted (PAT-ABW-003): "TBW 45.00 kg, no adjustment
/// (adjusted 25% (AIBW25, busulfan label)); <criterion>: not met [PAT-ABW-003]".
[[nodiscard]] inline std::string render(const adjusted_weight_result& r,
                                        const message_catalogue& cat = english()) {
    const std::string_view ibw = cat.text("body_size", "ibw", "IBW");
    const std::string_view tbw = cat.text("body_size", "tbw", "TBW");
    std::string s;
    if (r.adjusted) {
        s = hsct::detail::concat(
            {cat.label(r.factor), " = ", detail::bs_kg(r.value), ": ", ibw, " ",
             detail::bs_kg(r.ideal), " + ",
             detail::bs_trimmed(fraction(r.factor).value_or(0.0), 2), " x (", tbw, " ",
             detail::bs_kg(r.actual), " - ", ibw, ")"});
    } else {
        s = hsct::detail::concat({tbw, " ", detail::bs_kg(r.value), ", ",
                                  cat.text("body_size", "no_adjustment", "no adjustment"), " (",
                                  cat.label(r.factor), ")"});
    }
    if (!r.criteria.empty()) {
        s += "; ";
        s += detail::bs_criteria(r.criteria, cat, 2);
    }
    return s;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_BODY_SIZE_TEXT_HPP
