// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for busulfan exposure and the PK-guided dose (CORE-EXPLAIN-002), rendered from the
// results' data through a message catalogue:
//
//   hsct::conditioning::render(*assess_busulfan_exposure({auc, busulfan_auc_scope::cumulative}));
//   // "AUC 19000 umol*min/L (78 mg*h/L): within the target [course AUC 74-82 mg*h/L (Bartelink
//   //  2009)]: AUC at or above the target's low bound: 19000 >= 18026.4: met [COND-BU-003]; ..."
//   hsct::conditioning::render(*adjust_busulfan_dose(dose, target, measured));
//   // "new dose = 3.20 mg/kg x 20000 / 25000 umol*min/L = 2.56 mg/kg (assumes linear kinetics:
//   //  clearance unchanged with the dose) [COND-BU-004]"
//
// AUCs compared with a window are in umol*min/L (the window's unit). Catalogue keys: group
// "busulfan", keys "auc", "new_dose", "linear"; enum labels by their table names
// (exposure_outcome, busulfan_target, busulfan_exposure_criterion, outcome, comparator).
#ifndef HSCT_CONDITIONING_BUSULFAN_TEXT_HPP
#define HSCT_CONDITIONING_BUSULFAN_TEXT_HPP

#include <string>

#include "hsct/conditioning/busulfan.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/format.hpp"
#include "hsct/core/number_format.hpp"

namespace hsct::conditioning {

namespace detail {
/// An AUC in umol*min/L with one decimal, none when it is whole ("19000", "19975.9").
[[nodiscard]] inline std::string auc_text(busulfan_auc a) {
    std::string s = hsct::format_fixed(a.in(auc_unit::umol_min_per_l), 1);
    if (s.size() > 2 && s.ends_with(".0")) {
        s.resize(s.size() - 2);
    }
    return s + " umol*min/L";
}
}  // namespace detail

/// COND-BU-003: "AUC <umol*min/L> (<mg*h/L>): <outcome> [<target>]: <criteria>".
[[nodiscard]] inline std::string render(const busulfan_exposure_result& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat(
        {cat.text("busulfan", "auc", "AUC"), " ", detail::auc_text(r.auc), " (",
         hsct::format_fixed(r.auc.in(auc_unit::mg_h_per_l), 1), " mg*h/L): ", cat.label(r.outcome), " [",
         cat.label(r.target), "]"});
    const char* sep = ": ";
    for (const auto& c : r.criteria) {
        if (c.id == busulfan_exposure_criterion::scope_matches && c.result == hsct::outcome::met) {
            continue;  // said by the outcome
        }
        s += sep;
        s += hsct::render(c, cat, 0);
        sep = "; ";
    }
    return s;
}

/// COND-BU-004: "new dose = <current> x <target> / <measured> umol*min/L = <new> (assumes
/// linear kinetics ...) [COND-BU-004]", the doses as hsct::display shows them (canonical unit,
/// CORE-DISPLAY-001 decimals: 3.20 mg/kg).
template <class Dose>
[[nodiscard]] std::string render(const busulfan_dose_adjustment<Dose>& a, const message_catalogue& cat = english()) {
    const auto shown = [](const Dose& d) { return hsct::display(d); };
    return hsct::detail::concat(
        {cat.text("busulfan", "new_dose", "new dose"), " = ", shown(a.current_dose), " x ",
         hsct::detail::format_number(a.target.in(auc_unit::umol_min_per_l)), " / ",
         hsct::detail::format_number(a.measured.in(auc_unit::umol_min_per_l)), " umol*min/L = ", shown(a.new_dose),
         " (", cat.text("busulfan", "linear", "assumes linear kinetics: clearance unchanged with the dose"),
         ") [COND-BU-004]"});
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_BUSULFAN_TEXT_HPP
