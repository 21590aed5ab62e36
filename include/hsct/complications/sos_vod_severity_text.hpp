// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for SOS/VOD severity in adults (COMP-SOS-040..048, -055..058), rendered from the
// sos_adult_severity_result's data through a message catalogue:
//
//   hsct::complications::render(*assess_sos_ebmt2016_severity(in));
//   // "EBMT 2016 adult severity: graded [COMP-SOS-040]: severe on D+14 (severity at diagnosis),
//   //  two or more criteria in the column [COMP-SOS-042], rows: days from the first symptom to
//   //  diagnosis, weight gain above baseline; diagnosis D+14, classical (day 21 or earlier); first
//   //  symptom D+11; criteria per column: mild 3, moderate 0, severe 2, very severe 0; under ...:
//   //  days from the first symptom to diagnosis: 3 days <= 4 days: met [COMP-SOS-047] (severe);
//   //  D+14: bilirubin: 2.4 mg/dL >= 2 mg/dL: met [COMP-SOS-040] (mild); ..."
//
// The table, the status, the grade with the day graded and the timing policy, the rule that
// decided it (two in a column, MOD, the most severe single criterion) with its requirement and the
// rows it names, the risk-factor upgrade and the grade before it, the diagnosis day, onset and
// (2023) certainty, the first-symptom day (marked when derived from the first sign, hsct's reading
// [U]), the criteria counted in each column, the policies, a bilirubin value the printed umol/L
// bands read otherwise, the inputs missing; then each row with its day and the column it placed
// in ("no column" when it placed nowhere), as core renders its criterion (unverified cells
// marked).
//
// Catalogue keys: group "sos_vod", keys "diagnosis", "first_symptom", "derived", "per_column",
// "rows", "upgraded_from", "no_column", "weight_band", "weight_row", "creatinine_row",
// "no_column_with_two"; those of sos_vod_input_text.hpp; enum labels
// by their table names (sos_severity_table, sos_severity_status, sos_severity,
// sos_severity_timing, sos_severity_decision, sos_adult_severity_row, sos_ebmt2016_weight_band,
// sos_no_column_with_two, sos_ebmt2023_weight, sos_ebmt2023_renal, sos_onset,
// sos_ebmt2023_certainty, sos_input_field, outcome, comparator, count_unit).
#ifndef HSCT_COMPLICATIONS_SOS_VOD_SEVERITY_TEXT_HPP
#define HSCT_COMPLICATIONS_SOS_VOD_SEVERITY_TEXT_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/complications/sos_vod_input_text.hpp"
#include "hsct/complications/sos_vod_severity.hpp"
#include "hsct/complications/sos_vod_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain_text.hpp"

namespace hsct::complications {

namespace detail::sos_text {

/// The requirement of the rule that decided a grade.
[[nodiscard]] constexpr const char* decision_requirement(sos_severity_decision d, bool paediatric,
                                                         bool table_2023) noexcept {
    switch (d) {
        case sos_severity_decision::two_in_column: return "COMP-SOS-042";
        case sos_severity_decision::multi_organ_dysfunction:
            return paediatric ? "COMP-SOS-074" : table_2023 ? "COMP-SOS-058" : "COMP-SOS-043";
        case sos_severity_decision::single_criterion: return "COMP-SOS-045";
        case sos_severity_decision::starred_criteria:
        case sos_severity_decision::most_severe_criterion: return "COMP-SOS-074";
    }
    return "";
}

/// ": severe on D+14 (<timing>), <decision> [<requirement>], rows: <rows>"; ": <status>" ungraded.
template <class Row>
[[nodiscard]] std::string grade_text(const std::optional<sos_severity>& grade,
                                     const std::optional<hsct::transplant_day>& on, sos_severity_timing timing,
                                     const std::optional<sos_severity_decision>& decision, const char* requirement,
                                     const hsct::enum_set<Row>& rows, const message_catalogue& cat) {
    if (!grade) {
        return {};
    }
    std::string s = hsct::detail::concat({": ", cat.label(*grade)});
    if (on) {
        s += hsct::detail::concat({" ", text::word(cat, "on", "on"), " ", hsct::to_string(*on)});
    }
    s += hsct::detail::concat({" (", cat.label(timing), ")"});
    if (decision) {
        s += hsct::detail::concat({", ", cat.label(*decision), " [", requirement, "]"});
    }
    return s + hsct::detail::concat({", ", word(cat, "rows", "rows"), ": ", text::labels(rows, cat)});
}

/// "D+14: <criterion> (<column>)": a graded row.
template <class Row>
[[nodiscard]] std::string graded_text(const sos_graded_criterion<Row>& g, const message_catalogue& cat) {
    return hsct::detail::concat({text::dated(g.day, text::criterion(g.criterion, cat)), " (",
                                 g.column ? cat.label(*g.column) : word(cat, "no_column", "no column"), ")"});
}

/// `head`, then each graded row: "<head>: D+14: <criterion> (<column>); ...".
template <class Row, std::size_t N>
[[nodiscard]] std::string with_rows(std::string head, const hsct::fixed_list<sos_graded_criterion<Row>, N>& rows,
                                    const message_catalogue& cat) {
    return text::with_each(std::move(head), rows,
                           [&](const sos_graded_criterion<Row>& g) { return graded_text(g, cat); });
}

}  // namespace detail::sos_text

/// "D+14: <criterion> (<column>)", or "(no column)" for a row that placed nowhere.
template <class Row>
[[nodiscard]] std::string render(const sos_graded_criterion<Row>& g, const message_catalogue& cat = english()) {
    return detail::sos_text::graded_text(g, cat);
}

/// COMP-SOS-040..048, -055..058: "<table>: <status> [COMP-SOS-040 or -055][: <grade> on <day>
/// (<timing>), <decision> [<requirement>], rows: <rows>][; raised by two or more risk factors from
/// <grade> [COMP-SOS-044]]; diagnosis <day>[, <onset>][, <certainty>]; first symptom <day>[
/// (derived ...)]; criteria per column: mild <n>, ...; under <policies>[; unit edge][ (missing:
/// ...)]: <row>; ...".
[[nodiscard]] inline std::string render(const sos_adult_severity_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::sos_text;
    const bool y2023 = r.table == sos_severity_table::ebmt_2023;
    const auto& o = r.options;
    std::string s = hsct::detail::concat(
        {cat.label(r.table), ": ", cat.label(r.status), y2023 ? " [COMP-SOS-055]" : " [COMP-SOS-040]",
         t::grade_text(r.grade, r.graded_on, o.timing, r.decided_by,
                       r.decided_by ? t::decision_requirement(*r.decided_by, false, y2023) : "", r.deciding_rows,
                       cat)});
    if (r.risk_factor_upgrade && r.grade_before_upgrade) {
        s += hsct::detail::concat({"; ", t::word(cat, "upgraded_from", "raised by two or more risk factors from"), " ",
                                   cat.label(*r.grade_before_upgrade), " [COMP-SOS-044]"});
    }
    s += hsct::detail::concat({"; ", t::word(cat, "diagnosis", "diagnosis"), " ",
                               detail::text::day_or_none(r.diagnosis_day, cat), t::onset(r.onset, cat)});
    if (r.certainty) {
        s += hsct::detail::concat({", ", cat.label(*r.certainty)});
    }
    if (r.first_symptom_day) {
        s += hsct::detail::concat(
            {"; ", t::word(cat, "first_symptom", "first symptom"), " ", hsct::to_string(*r.first_symptom_day)});
        if (r.first_symptom_derived) {
            s += hsct::detail::concat({" (",
                                       t::word(cat, "derived", "the first sign of the set: hsct's reading, unverified"),
                                       " [COMP-SOS-047])"});
        }
    }
    if (r.status == sos_severity_status::graded || r.status == sos_severity_status::ungradable) {
        s += hsct::detail::concat({"; ", t::word(cat, "per_column", "criteria per column"), ": "});
        for (std::size_t i = 0; i < r.column_counts.size(); ++i) {
            const auto col = static_cast<sos_severity>(static_cast<std::uint8_t>(i + 1));
            s += hsct::detail::concat({i > 0 ? ", " : "", cat.label(col), " ", std::to_string(r.column_counts[i])});
        }
    }
    s += hsct::detail::concat({"; ", detail::text::word(cat, "under", "under"), " "});
    if (!y2023 || o.weight_2023 == sos_ebmt2023_weight::as_2016) {
        s += hsct::detail::concat(
            {t::word(cat, "weight_band", "weight gain 5 to 10 %"), ": ", cat.label(o.weight_band), ", "});
    }
    if (y2023) {
        s += hsct::detail::concat({t::word(cat, "weight_row", "weight row"), ": ", cat.label(o.weight_2023), ", ",
                                   t::word(cat, "creatinine_row", "creatinine row"), ": ", cat.label(o.renal_2023),
                                   ", "});
    }
    s += hsct::detail::concat({t::word(cat, "no_column_with_two", "no column with two"), ": ",
                               cat.label(o.no_column_with_two), t::unit_edge(r.bilirubin_unit_edge, cat),
                               detail::text::missing(r.missing, cat)});
    return t::with_rows(std::move(s), r.criteria, cat);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_SOS_VOD_SEVERITY_TEXT_HPP
