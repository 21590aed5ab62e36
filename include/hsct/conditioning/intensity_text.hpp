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
// "conditioning_intensity", keys "by", "decided_by"; enum labels by their table names
// (conditioning_intensity, intensity_rule_set, intensity_criterion, outcome, comparator).
#ifndef HSCT_CONDITIONING_INTENSITY_TEXT_HPP
#define HSCT_CONDITIONING_INTENSITY_TEXT_HPP

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

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_INTENSITY_TEXT_HPP
