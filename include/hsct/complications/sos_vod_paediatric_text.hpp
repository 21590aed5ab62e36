// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for SOS/VOD in children (COMP-SOS-060..065, -070..075), rendered from the paediatric
// diagnosis and severity results through a message catalogue:
//
//   hsct::complications::render(*assess_sos_paediatric(in));
//   // "EBMT 2018 paediatric: criteria met [COMP-SOS-065] on D+30, 2 of 5 criteria, late onset
//   //  (after day 21), no onset limit under gain within 72 h, any value at least 2 mg/dL, ...,
//   //  children below 18 years; held on D+30: ...: D+26: transfusion-refractory thrombocytopenia:
//   //  present: met [COMP-SOS-060]; ..."
//   hsct::complications::render(*assess_sos_paediatric_severity(in));
//   // "EBMT 2018 paediatric severity: graded [COMP-SOS-070]: moderate on D+30 (severity at
//   //  diagnosis), the most severe criterion met [COMP-SOS-074], rows: ...; ..."
//
// The diagnosis: the set, its status, the diagnosis day, the criteria counted that day (of five;
// a criterion with two routes counts once), the onset (informative: the set has no onset limit),
// the policies (the weight window, the bilirubin reading, persistence, the age limit), the
// criteria that held on the diagnosis day, a bilirubin value the printed 34 umol/L would read
// otherwise, the inputs missing, then each criterion with its day. The severity: the status, the
// grade with its day, timing, deciding rule and rows, the diagnosis day, the starred criteria at
// severe, the policies (the thrombocytopenia comparison at 7 days, oxygen at 2 L/min, bilirubin
// kinetics), the inputs missing, then each row with its day and column.
//
// Catalogue keys: group "sos_vod", keys "paediatric", "paediatric_severity", "of_five",
// "no_onset_limit", "starred_at_severe", "thrombocytopenia_severe", "days"; those of
// sos_vod_input_text.hpp and sos_vod_severity_text.hpp; enum labels by their table names
// (sos_paediatric_weight_window, sos_paediatric_bilirubin, sos_paediatric_criterion,
// sos_paediatric_severity_row, sos_paediatric_oxygen_at_2, sos_paediatric_kinetics, ...).
#ifndef HSCT_COMPLICATIONS_SOS_VOD_PAEDIATRIC_TEXT_HPP
#define HSCT_COMPLICATIONS_SOS_VOD_PAEDIATRIC_TEXT_HPP

#include <string>
#include <utility>

#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/complications/sos_vod_input_text.hpp"
#include "hsct/complications/sos_vod_paediatric.hpp"
#include "hsct/complications/sos_vod_severity_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"

namespace hsct::complications {

/// COMP-SOS-060..065: "EBMT 2018 paediatric: <status> [COMP-SOS-065][ on D+30, <n> of 5 criteria,
/// <onset>, no onset limit] under <weight window>, <bilirubin>, <persistence>, children below 18
/// years[; held on ...][; unit edge][ (missing: ...)]: <dated criterion>; ...".
[[nodiscard]] inline std::string render(const sos_paediatric_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::sos_text;
    const auto& o = r.options;
    std::string head =
        t::head(t::word(cat, "paediatric", "EBMT 2018 paediatric"), r.status, "COMP-SOS-065", r.diagnosis_day, cat);
    if (r.diagnosis_day) {
        head += hsct::detail::concat(
            {", ", std::to_string(r.criteria_on_diagnosis_day), " ", t::word(cat, "of_five", "of 5 criteria")});
    }
    if (r.onset) {
        head += hsct::detail::concat({t::onset(r.onset, cat), ", ", t::word(cat, "no_onset_limit", "no onset limit")});
    }
    head += hsct::detail::concat({" ", detail::text::word(cat, "under", "under"), " ", cat.label(o.weight_window), ", ",
                                  cat.label(o.bilirubin), ", ", cat.label(o.persistence), ", ",
                                  t::population(o.adult_from_years, false, cat),
                                  t::held_on(r.on_diagnosis_day, r.diagnosis_day, cat),
                                  t::unit_edge(r.bilirubin_unit_edge, cat), detail::text::missing(r.missing, cat)});
    return t::with_dated(
        std::move(head), r.criteria, [](sos_paediatric_criterion) { return false; }, cat);
}

/// COMP-SOS-070..075: "EBMT 2018 paediatric severity: <status> [COMP-SOS-070][: <grade> on <day>
/// (<timing>), <decision> [<requirement>], rows: <rows>]; diagnosis <day>; starred criteria at
/// severe: <n>; under refractory thrombocytopenia severe at > 7 days, <oxygen at 2>, <kinetics>[
/// (missing: ...)]: <row>; ...".
[[nodiscard]] inline std::string render(const sos_paediatric_severity_result& r,
                                        const message_catalogue& cat = english()) {
    namespace t = detail::sos_text;
    const auto& o = r.options;
    const char* decision = r.decided_by ? t::decision_requirement(*r.decided_by, true, false) : "";
    std::string s = hsct::detail::concat(
        {t::word(cat, "paediatric_severity", "EBMT 2018 paediatric severity"), ": ", cat.label(r.status),
         " [COMP-SOS-070]",
         t::grade_text(r.grade, r.graded_on, o.timing, r.decided_by, decision, r.deciding_rows, cat)});
    s += hsct::detail::concat(
        {"; ", t::word(cat, "diagnosis", "diagnosis"), " ", detail::text::day_or_none(r.diagnosis_day, cat), "; ",
         t::word(cat, "starred_at_severe", "starred criteria at severe"), ": ", std::to_string(r.starred_at_severe)});
    const std::string seven = hsct::detail::concat({"7 ", t::word(cat, "days", "days")});
    s += hsct::detail::concat(
        {"; ", detail::text::word(cat, "under", "under"), " ",
         t::comparison(t::word(cat, "thrombocytopenia_severe", "refractory thrombocytopenia severe at"),
                       o.rt_severe_comparison, seven, cat),
         ", ", cat.label(o.oxygen_at_2), ", ", cat.label(o.kinetics), detail::text::missing(r.missing, cat)});
    return t::with_rows(std::move(s), r.criteria, cat);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_SOS_VOD_PAEDIATRIC_TEXT_HPP
