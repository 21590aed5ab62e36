// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for growth-factor support (ENG-SUPPORT-001), rendered from its data through a message
// catalogue:
//
//   hsct::engraftment::render(given[0]);   // "G-CSF on D+91"
//   hsct::engraftment::render(*log);
//   // "G-CSF: D+91, D+92; GM-CSF: none; erythropoiesis-stimulating agent: none; thrombopoietin
//   //  receptor agonist: D+120"
//
// Catalogue keys: group "support", keys "on", "no_day"; group "text" key "none"; enum labels by
// their table name (growth_factor).
#ifndef HSCT_ENGRAFTMENT_GROWTH_FACTOR_TEXT_HPP
#define HSCT_ENGRAFTMENT_GROWTH_FACTOR_TEXT_HPP

#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/engraftment/growth_factor.hpp"

namespace hsct::engraftment {

/// "G-CSF on D+91"; a record without a day (as a feed may send one): "G-CSF, day missing".
[[nodiscard]] inline std::string render(const growth_factor_record& r, const message_catalogue& cat = english()) {
    if (!r.day) {
        return hsct::detail::concat({cat.label(r.agent), ", ", cat.text("support", "no_day", "day missing")});
    }
    return hsct::detail::concat({cat.label(r.agent), " ", cat.text("support", "on", "on"), " ", hsct::to_string(*r.day)});
}

/// "<agent>: <day>, <day>; <agent>: none; ...": each agent's days, ascending (a day given twice
/// is shown twice).
[[nodiscard]] inline std::string render(const growth_factor_log& log, const message_catalogue& cat = english()) {
    std::string s;
    for (const growth_factor g : hsct::values<growth_factor>()) {
        s += hsct::detail::concat({s.empty() ? "" : "; ", cat.label(g), ": "});
        const char* sep = "";
        for (const auto& r : log.records()) {
            if (r.agent == g && r.day) {
                s += hsct::detail::concat({sep, hsct::to_string(*r.day)});
                sep = ", ";
            }
        }
        if (sep[0] == '\0') {
            s += cat.text("text", "none", "none");
        }
    }
    return s;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_GROWTH_FACTOR_TEXT_HPP
