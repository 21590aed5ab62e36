// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for a cell-dose verdict (GRAFT-DOSE-003), rendered from the cell_dose_result's data
// through a message catalogue:
//
//   hsct::graft::render(*assess_cell_dose(doses, graft_indication::autologous_pbsc, dose_policy::hb24_ch20));
//   // "optimal (2.5-5 x10^6/kg) for autologous PBSC under EBMT Handbook 2024 ch. 20 ...: decided by
//   //  CD34+ at or above the optimum: 5.00 x10^6/kg >= 2.5 x10^6/kg: met [GRAFT-DOSE-002]"
//   hsct::graft::render_criteria(r);   // every threshold compared, with its source, one line each
//
// Catalogue keys: group "cell_dose", keys "for", "under", "decided_by", "missing"; enum labels by
// their table names (cell_dose_verdict, graft_indication, dose_policy, cell_dose_criterion, outcome,
// comparator).
#ifndef HSCT_GRAFT_CELL_DOSE_TEXT_HPP
#define HSCT_GRAFT_CELL_DOSE_TEXT_HPP

#include <cstddef>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/graft/cell_dose.hpp"

namespace hsct::graft {

/// "<verdict> for <indication> under <policy>[: decided by <criterion, compared>]"; an unknown
/// verdict names what was missing.
[[nodiscard]] inline std::string render(const cell_dose_result& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({cat.label(r.verdict), " ", cat.text("cell_dose", "for", "for"), " ",
                                          cat.label(r.indication), " ", cat.text("cell_dose", "under", "under"), " ",
                                          cat.label(r.policy)});
    if (r.decided_by) {
        for (const auto& c : r.criteria) {
            if (c.id == *r.decided_by) {
                s += hsct::detail::concat({": ", cat.text("cell_dose", "decided_by", "decided by"), " ",
                                           hsct::render(c, cat, 2)});
            }
        }
    } else if (r.verdict == cell_dose_verdict::unknown) {
        const char* sep = ": ";
        for (const auto& c : r.criteria) {
            if (c.result == hsct::outcome::unknown) {
                s += hsct::detail::concat({sep, hsct::render_measure(c.measured, 2, cat)});
                sep = ", ";
            }
        }
    }
    return s;
}

/// Every threshold the policy has for the indication, compared, one line each, followed by the
/// source text of its row.
[[nodiscard]] inline std::string render_criteria(const cell_dose_result& r, const message_catalogue& cat = english()) {
    std::string s;
    for (std::size_t k = 0; k < r.criteria.size(); ++k) {
        s += hsct::detail::concat({hsct::render(r.criteria[k], cat, 2), " (", r.threshold_of(k).source, ")\n"});
    }
    return s;
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_CELL_DOSE_TEXT_HPP
