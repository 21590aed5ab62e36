// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the infusion (GRAFT-INF-001..004), rendered from its data through a message catalogue:
//
//   hsct::graft::render(*assess_dmso(bags, weight));
//   // "DMSO 33.0 g, 1.10 g/kg: DMSO per kg within the daily limit: 1.10 g/kg <= 1 g/kg: not met
//   //  (hsct reading, unverified) [GRAFT-INF-002]; at most 272.7 mL today at this concentration"
//   hsct::graft::render(placed);   // "HCT 1, D+1" or "HCT 2, D+0 (sets Day 0)"
//
// Catalogue keys: group "infusion", keys "dmso", "at_most", "today", "hct", "sets_day0"; enum
// labels by their table names (dmso_criterion, outcome, comparator, infusion_kind).
#ifndef HSCT_GRAFT_INFUSION_TEXT_HPP
#define HSCT_GRAFT_INFUSION_TEXT_HPP

#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/graft/infusion.hpp"
#include "hsct/graft/infusion_record.hpp"

namespace hsct::graft {

/// "DMSO <g> g, <g/kg> g/kg: <criterion, compared>[; at most <mL> mL today at this concentration]".
[[nodiscard]] inline std::string render(const dmso_result& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({cat.text("infusion", "dmso", "DMSO"), " ",
                                          hsct::format_fixed(r.grams.in(hsct::units::g_dose), 1), " g, ",
                                          hsct::format_fixed(r.per_kg.in(hsct::units::g_per_kg), 2), " g/kg: ",
                                          hsct::render(r.criterion, cat, 2)});
    if (r.max_volume_today) {
        s += hsct::detail::concat({"; ", cat.text("infusion", "at_most", "at most"), " ",
                                   hsct::format_fixed(r.max_volume_today->in(hsct::units::mL), 1), " mL ",
                                   cat.text("infusion", "today", "today at this concentration")});
    }
    return s;
}

/// "HCT <n>, D+<k>[ (sets Day 0)]" and, for a boost or DLI, its kind: "HCT 1, D+70: a stem-cell
/// boost (not an HCT)".
[[nodiscard]] inline std::string render(const placed_infusion& p, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({cat.text("infusion", "hct", "HCT"), " ", std::to_string(p.hct_number), ", ",
                                          hsct::to_string(p.day)});
    if (p.sets_day0) {
        s += hsct::detail::concat({" (", cat.text("infusion", "sets_day0", "sets Day 0"), ")"});
    }
    if (p.kind == infusion_kind::boost || p.kind == infusion_kind::dli) {
        s += hsct::detail::concat({": ", cat.label(p.kind)});
    }
    return s;
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_INFUSION_TEXT_HPP
