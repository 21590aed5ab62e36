// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for a revaccination answer (FU-VAC-001..025), rendered from the revaccination_result's data
// through a message catalogue:
//
//   hsct::follow_up::render(r->of(vaccine::measles_mumps_rubella));
//   // "measles, mumps, rubella (MMR): not yet due: dose 1 of 1 from 2026-05-15; not met: interval
//   //  since the last IVIG [HB24 Table 29.1 (ECIL-7, Cordonnier 2019)] [FU-VAC-013]"
//   hsct::follow_up::render(*r);    // "Vaccines on 2026-04-01, HCT 1 (Day 0 2024-03-01) under ...: ..."
//
// A vaccine's line: its label, its status, the next dose and its date where one is to come, the
// criteria not met (why it is held, contraindicated or not yet due), the inputs missing, then the
// source row's citation and requirement ID.
//
// Catalogue keys: group "follow_up" keys "vaccines_on", "hct", "day0", "under", "dose", "of",
// "from", "not_met", "missing", "ignored", "repeat"; enum labels by their table names (vaccine,
// vaccine_status, revaccination_criterion, revaccination_field, vaccination_schedule,
// live_vaccine_gate).
#ifndef HSCT_FOLLOW_UP_REVACCINATION_TEXT_HPP
#define HSCT_FOLLOW_UP_REVACCINATION_TEXT_HPP

#include <cstddef>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/follow_up/revaccination.hpp"

namespace hsct::follow_up {

namespace detail::revaccination_text {
template <class E>
[[nodiscard]] std::string list(const hsct::enum_set<E>& set, const message_catalogue& cat) {
    std::string s;
    for (const E e : hsct::values<E>()) {
        if (set.contains(e)) {
            s += hsct::detail::concat({s.empty() ? "" : ", ", cat.label(e)});
        }
    }
    return s;
}
}  // namespace detail::revaccination_text

/// A repeating vaccine (influenza, yearly) past its first series: "dose <n> (a repeat dose)".
/// "<vaccine>: <status>[ (optional or conditional)][: dose <n> of <m>[ from <date>]][; not met: <criteria>][; missing:
/// <inputs>][ [<citation>] [<requirement>]]".
[[nodiscard]] inline std::string render(const vaccine_decision& d, const message_catalogue& cat = english()) {
    namespace t = detail::revaccination_text;
    std::string s = hsct::detail::concat({cat.label(d.which), ": ", cat.label(d.status)});
    if (d.row != nullptr && d.row->advice == vaccine_advice::optional) {
        s += hsct::detail::concat({" (", cat.label(d.row->advice), ")"});  // e.g. by country recommendations
    }
    if (d.next_dose > 0 && d.status != vaccine_status::series_complete) {
        s += hsct::detail::concat({": ", cat.text("follow_up", "dose", "dose"), " ", std::to_string(d.next_dose)});
        if (d.next_dose <= d.doses_planned) {
            s += hsct::detail::concat({" ", cat.text("follow_up", "of", "of"), " ", std::to_string(d.doses_planned)});
        } else if (d.row != nullptr && d.row->repeat.present()) {
            s += hsct::detail::concat({" (", cat.text("follow_up", "repeat", "a repeat dose"), ")"});
        }
        if (d.earliest) {
            s += hsct::detail::concat({" ", cat.text("follow_up", "from", "from"), " ", hsct::to_string(*d.earliest)});
        }
    }
    if (!d.blocking.empty()) {
        s += hsct::detail::concat({"; ", cat.text("follow_up", "not_met", "not met"), ": ", t::list(d.blocking, cat)});
    }
    if (!d.missing.empty()) {
        s += hsct::detail::concat({"; ", cat.text("follow_up", "missing", "missing"), ": ", t::list(d.missing, cat)});
    }
    if (d.row != nullptr) {
        s += hsct::detail::concat({" [", d.row->citation, "] [", d.row->requirement, "]"});
    }
    return s;
}

/// "Vaccines on <date>, HCT <n> (Day 0 <date>) under <schedule>, <gate>[, <k> doses before Day 0
/// ignored]: <vaccine line>; ...".
[[nodiscard]] inline std::string render(const revaccination_result& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat(
        {cat.text("follow_up", "vaccines_on", "Vaccines on"), " ", hsct::to_string(r.on), ", ",
         cat.text("follow_up", "hct", "HCT"), " ", std::to_string(r.hct_number), " (",
         cat.text("follow_up", "day0", "Day 0"), " ", hsct::to_string(r.day0), ") ",
         cat.text("follow_up", "under", "under"), " ", cat.label(r.options.schedule), ", ", cat.label(r.gate)});
    if (r.doses_ignored > 0) {
        s += hsct::detail::concat({", ", std::to_string(r.doses_ignored), " ",
                                   cat.text("follow_up", "ignored", "doses before Day 0 ignored")});
    }
    s += ":";
    for (std::size_t i = 0; i < r.vaccines.size(); ++i) {
        s += hsct::detail::concat({i == 0 ? " " : "; ", render(r.vaccines[i], cat)});
    }
    return s;
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_REVACCINATION_TEXT_HPP
