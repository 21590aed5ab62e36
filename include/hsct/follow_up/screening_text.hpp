// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for a late-effects due list (FU-SCR-001..004), rendered from the screening_result's data
// through a message catalogue:
//
//   hsct::follow_up::render(*assess_screening(in));
//   // "1-year review on 2025-03-01 [FU-SCR-001]: ocular: clinical evaluation of ocular symptoms
//   //  (recommended for all recipients) [FU-SCR-002]; ocular: visual acuity and fundus
//   //  examination (recommended for all recipients) [FU-SCR-002]; ..."
//
// Before the 6-month review: "No late-effects screening before the 6-month review on
// <date> [FU-SCR-001]". With chronic GVHD the list says it is tightened; missing inputs are named.
//
// Catalogue keys: group "follow_up" keys "review_on", "none_before", "tightened", "missing"; enum
// labels by their table names (screening_visit, screening_domain, screening_test, screening_basis,
// screening_field).
#ifndef HSCT_FOLLOW_UP_SCREENING_TEXT_HPP
#define HSCT_FOLLOW_UP_SCREENING_TEXT_HPP

#include <cstddef>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/follow_up/screening.hpp"

namespace hsct::follow_up {

/// "<domain>: <test> (<basis>) [<requirement>]".
[[nodiscard]] inline std::string render(const screening_item& i, const message_catalogue& cat = english()) {
    return hsct::detail::concat(
        {cat.label(i.domain), ": ", cat.label(i.test), " (", cat.label(i.basis), ") [", i.requirement, "]"});
}

/// "<review> on <date> [FU-SCR-001][, tightened for chronic GVHD][ (missing: ...)]: <item>; ...".
[[nodiscard]] inline std::string render(const screening_result& r, const message_catalogue& cat = english()) {
    if (!r.applies) {
        return hsct::detail::concat(
            {cat.text("follow_up", "none_before", "No late-effects screening before the 6-month review"),
             r.next_visit ? hsct::detail::concat({" ", cat.text("follow_up", "on", "on"), " ", hsct::to_string(*r.next_visit)})
                          : std::string(),
             " [FU-SCR-001]"});
    }
    std::string s = hsct::detail::concat({cat.label(r.visit),
                                          r.visit == screening_visit::annual
                                              ? hsct::detail::concat({" ", std::to_string(r.year)})
                                              : std::string(),
                                          " ", cat.text("follow_up", "on", "on"), " ", hsct::to_string(r.visit_date),
                                          " [FU-SCR-001]"});
    if (!r.items.empty() && r.items[0].intensified) {
        s += hsct::detail::concat({", ", cat.text("follow_up", "tightened", "tightened and more frequent (chronic GVHD)")});
    }
    if (!r.missing.empty()) {
        s += hsct::detail::concat({" (", cat.text("follow_up", "missing", "missing"), ": "});
        bool first = true;
        for (const screening_field f : hsct::values<screening_field>()) {
            if (r.missing.contains(f)) {
                s += hsct::detail::concat({first ? "" : "; ", cat.label(f)});
                first = false;
            }
        }
        s += ")";
    }
    s += ":";
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        s += hsct::detail::concat({i == 0 ? " " : "; ", render(r.items[i], cat)});
    }
    return s;
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_SCREENING_TEXT_HPP
