// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for conditioning intensity (CORE-EXPLAIN-002), rendered from the intensity_result's
// data through a message catalogue:
//
//   hsct::conditioning::render(*assess_intensity(regimens::flu_bu2()));
//   // "reduced-intensity (RIC) by Bacigalupo 2009 (MAC / RIC / NMA): decided by busulfan above
//   //  8 mg/kg oral-equivalent (MAC): 8.0 mg/kg > 8 mg/kg: not met (...) [COND-INT-001]"
//   hsct::conditioning::render_criteria(r);   // every criterion compared, one line each
//
// Numbers next to a threshold go through CORE-EXPLAIN-003 (one decimal at least; more where a
// shown value would otherwise contradict its comparison). Catalogue keys: group
// "conditioning_intensity", keys "by", "decided_by", "not_scored", "weights_unverified"; enum labels by their table names
// (conditioning_intensity, intensity_rule_set, intensity_criterion, outcome, comparator).
#ifndef HSCT_CONDITIONING_INTENSITY_TEXT_HPP
#define HSCT_CONDITIONING_INTENSITY_TEXT_HPP

#include <cstddef>
#include <string>

#include "hsct/conditioning/intensity.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"

namespace hsct::conditioning {

/// "<intensity> by <rule set>: decided by <the deciding criterion, compared>".
[[nodiscard]] inline std::string render(const intensity_result& r, const message_catalogue& cat = english()) {
    std::string decided;
    for (const auto& c : r.criteria) {
        if (c.id == r.decided_by) {
            decided = hsct::render(c, cat, 1);
        }
    }
    return hsct::detail::concat({cat.label(r.intensity), " ", cat.text("conditioning_intensity", "by", "by"), " ",
                                 cat.label(r.options.rules), ": ",
                                 cat.text("conditioning_intensity", "decided_by", "decided by"), " ", decided});
}

/// Every criterion the rule set compared, one line each, in the order evaluated.
[[nodiscard]] inline std::string render_criteria(const intensity_result& r, const message_catalogue& cat = english()) {
    std::string s;
    for (const auto& c : r.criteria) {
        s += hsct::render(c, cat, 1);
        s += '\n';
    }
    return s;
}

/// COND-INT-004: "TCI <total> (<group>): <agent> <total> <unit>: <weight>, ...[; not scored:
/// <agent>, ...][ (weights unverified)]".
[[nodiscard]] inline std::string render(const tci_result& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({"TCI ", hsct::detail::format_number(r.total), " (", cat.label(r.group), ")"});
    const char* sep = ": ";
    for (const auto& c : r.scored) {
        s += hsct::detail::concat({sep, cat.label(c.which), " ", hsct::detail::format_number(c.total), " ",
                                   detail::basis_unit(info_of(c.which).basis), " -> ",
                                   hsct::detail::format_number(c.weight)});
        sep = ", ";
    }
    if (!r.unscored.empty()) {
        s += hsct::detail::concat({"; ", cat.text("conditioning_intensity", "not_scored", "not scored"), ": "});
        for (std::size_t i = 0; i < r.unscored.size(); ++i) {
            s += hsct::detail::concat({i == 0 ? "" : ", ", cat.label(r.unscored[i])});
        }
    }
    if (!r.table_verified) {
        s += hsct::detail::concat({" (", cat.text("conditioning_intensity", "weights_unverified", "weights unverified"), ")"});
    }
    return s;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_INTENSITY_TEXT_HPP
