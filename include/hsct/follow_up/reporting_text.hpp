// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for a registry report (FU-REP-001..005), rendered from the report_time_point's data
// through a message catalogue:
//
//   hsct::follow_up::render((*reporting_schedule(in))[2]);
//   // "CIBMTR Post-TED (2450), HCT 1, 6 months: 2024-08-28 (D+180), contact window 2024-07-29 to
//   //  2024-09-27 (derived from the source's rule) [FU-REP-004]"
//
// A year's report names its year ("anniversary 2"); a closing report adds "closing: contact date
// <date>" (FU-REP-005).
//
// Catalogue keys: group "follow_up" keys "hct", "window", "to", "closing", "contact"; enum labels
// by their table names (registry_form, time_point_kind, window_source).
#ifndef HSCT_FOLLOW_UP_REPORTING_TEXT_HPP
#define HSCT_FOLLOW_UP_REPORTING_TEXT_HPP

#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/follow_up/reporting.hpp"

namespace hsct::follow_up {

/// "<form>, HCT <n>, <time point>[ <year>]: <date> (<day>), contact window <start> to <end>
/// (<source>)[, closing: contact date <date>] [<requirement>]".
[[nodiscard]] inline std::string render(const report_time_point& p, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat(
        {cat.label(p.form), ", ", cat.text("follow_up", "hct", "HCT"), " ", std::to_string(p.hct_number), ", ",
         cat.label(p.kind), p.kind == time_point_kind::anniversary ? hsct::detail::concat({" ", std::to_string(p.year)})
                                                                   : std::string(),
         ": ", hsct::to_string(p.nominal_date), " (", hsct::to_string(p.nominal), "), ",
         cat.text("follow_up", "window", "contact window"), " ", hsct::to_string(p.window_start), " ",
         cat.text("follow_up", "to", "to"), " ", hsct::to_string(p.window_end), " (", cat.label(p.source), ")"});
    if (p.closing && p.contact_date) {
        s += hsct::detail::concat({", ", cat.text("follow_up", "closing", "closing: contact date"), " ",
                                   hsct::to_string(*p.contact_date)});
    }
    return hsct::detail::concat({s, " [", p.closing ? "FU-REP-005" : p.requirement, "]"});
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_REPORTING_TEXT_HPP
