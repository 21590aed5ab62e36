// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for transfusions (ENG-TX-001), rendered from their data through a message catalogue:
//
//   hsct::engraftment::render(given[0]);   // "platelet transfusion on D0"
//   hsct::engraftment::render(*log);       // "platelet transfusion: D0, D+4; red-cell transfusion: none"
//
// Catalogue keys: group "transfusion", keys "on", "no_day"; group "text" key "none"; enum labels
// by their table name (blood_product).
#ifndef HSCT_ENGRAFTMENT_TRANSFUSION_TEXT_HPP
#define HSCT_ENGRAFTMENT_TRANSFUSION_TEXT_HPP

#include <cstddef>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/engraftment/transfusion.hpp"

namespace hsct::engraftment {

/// "platelet transfusion on D0"; a record without a day (as a feed may send one): "platelet
/// transfusion, day missing".
[[nodiscard]] inline std::string render(const transfusion_record& r, const message_catalogue& cat = english()) {
    if (!r.day) {
        return hsct::detail::concat({cat.label(r.product), ", ", cat.text("transfusion", "no_day", "day missing")});
    }
    return hsct::detail::concat({cat.label(r.product), " ", cat.text("transfusion", "on", "on"), " ",
                                 hsct::to_string(*r.day)});
}

/// "<product>: <day>, <day>; <product>: none": each product's transfusion days, ascending.
[[nodiscard]] inline std::string render(const transfusion_log& log, const message_catalogue& cat = english()) {
    std::string s;
    for (const blood_product p : hsct::values<blood_product>()) {
        s += hsct::detail::concat({s.empty() ? "" : "; ", cat.label(p), ": "});
        const auto days = log.days(p);
        if (days.empty()) {
            s += cat.text("text", "none", "none");
        }
        for (std::size_t k = 0; k < days.size(); ++k) {
            s += hsct::detail::concat({k > 0 ? ", " : "", hsct::to_string(days[k])});
        }
    }
    return s;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_TRANSFUSION_TEXT_HPP
