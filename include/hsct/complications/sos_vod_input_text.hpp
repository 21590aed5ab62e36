// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the SOS/VOD episode's records (COMP-SOS-001, -002): a finding with its days and a
// criterion with the day it was read, through a message catalogue; and the pieces every SOS/VOD
// rule's text shares (sos_vod_text.hpp, sos_vod_severity_text.hpp, sos_vod_paediatric_text.hpp):
//
//   hsct::complications::render(sos_finding_record::from(sos_finding::ascites, D+14, D+20, true));
//   // "ascites from D+14, resolved on D+20, by imaging"
//   hsct::complications::render(r.criteria[0]);
//   // "D+14: bilirubin at least 2 mg/dL: 2.4 mg/dL >= 2 mg/dL: met [COMP-SOS-030]"
//
// A criterion is dated with the first day it held (met), or the day of its nearest miss, or not at
// all (no value read, or its input missing: core names the input). Bilirubin in mg/dL, weight gain
// in %, transaminases in x ULN, days in days, each with the decimals it has (up to two); more where
// CORE-EXPLAIN-003 needs them.
//
// Catalogue keys: group "sos_vod", keys "from", "resolved_on", "by_imaging", "extent", "held_on",
// "unit_edge", "adults_from", "children_below", "years"; group "complications"
// keys "on", "under", "missing"; enum labels by their table names (sos_finding,
// sos_ascites_extent, sos_status, sos_onset, sos_persistence, sos_input_field, outcome,
// comparator, count_unit).
#ifndef HSCT_COMPLICATIONS_SOS_VOD_INPUT_TEXT_HPP
#define HSCT_COMPLICATIONS_SOS_VOD_INPUT_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/complications/sos_vod_input.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

namespace detail::sos_text {

[[nodiscard]] inline std::string_view word(const message_catalogue& cat, std::string_view key,
                                           std::string_view english) noexcept {
    return cat.text("sos_vod", key, english);
}

/// "<set>: <status> [<requirement>][ on D+14]"
[[nodiscard]] inline std::string head(std::string_view set, sos_status status, const char* requirement,
                                      const std::optional<hsct::transplant_day>& diagnosis_day,
                                      const message_catalogue& cat) {
    std::string s = hsct::detail::concat({set, ": ", cat.label(status), " [", requirement, "]"});
    if (diagnosis_day) {
        s += hsct::detail::concat({" ", text::word(cat, "on", "on"), " ", hsct::to_string(*diagnosis_day)});
    }
    return s;
}

/// "; held on D+14: <criterion labels>", nothing without a diagnosis day.
template <class Id>
[[nodiscard]] std::string held_on(const hsct::enum_set<Id>& set, const std::optional<hsct::transplant_day>& day,
                                  const message_catalogue& cat) {
    if (!day) {
        return {};
    }
    return hsct::detail::concat(
        {"; ", word(cat, "held_on", "held on"), " ", hsct::to_string(*day), ": ", text::labels(set, cat)});
}

/// "; a bilirubin value the printed umol/L threshold reads otherwise [COMP-SOS-006]", or nothing.
[[nodiscard]] inline std::string unit_edge(bool edge, const message_catalogue& cat) {
    if (!edge) {
        return {};
    }
    return hsct::detail::concat(
        {"; ", word(cat, "unit_edge", "a bilirubin value the printed umol/L threshold reads otherwise"),
         " [COMP-SOS-006]"});
}

/// "adults from 18 years" (an adult set) or "children below 18 years" (the paediatric set).
[[nodiscard]] inline std::string population(std::uint8_t adult_from_years, bool adult_set,
                                            const message_catalogue& cat) {
    return hsct::detail::concat(
        {adult_set ? word(cat, "adults_from", "adults from") : word(cat, "children_below", "children below"), " ",
         std::to_string(adult_from_years), " ", word(cat, "years", "years")});
}

/// "bilirubin >= 2 mg/dL": a criterion's comparison as a policy names it.
[[nodiscard]] inline std::string comparison(std::string_view what, hsct::comparator cmp, std::string_view threshold,
                                            const message_catalogue& cat) {
    return hsct::detail::concat({what, " ", cat.label(cmp), " ", threshold});
}

/// `head`, then each dated criterion: "D+12: <criterion>"; those `by_day` names compare transplant
/// days ("D+14 <= D+20").
template <class Id, std::size_t N, class ByDay>
[[nodiscard]] std::string with_dated(std::string head, const hsct::fixed_list<sos_dated_criterion<Id>, N>& list,
                                     const ByDay& by_day, const message_catalogue& cat) {
    return text::with_each(std::move(head), list, [&](const sos_dated_criterion<Id>& c) {
        return text::dated(
            c.day, by_day(c.criterion.id) ? text::day_criterion(c.criterion, cat) : text::criterion(c.criterion, cat));
    });
}

}  // namespace detail::sos_text

/// "<finding> from D+11[, resolved on D+20][, by imaging][, <extent>]"
[[nodiscard]] inline std::string render(const sos_finding_record& f, const message_catalogue& cat = english()) {
    namespace t = detail::sos_text;
    std::string s =
        hsct::detail::concat({cat.label(f.finding), " ", t::word(cat, "from", "from"), " ", hsct::to_string(f.onset)});
    if (f.resolved) {
        s +=
            hsct::detail::concat({", ", t::word(cat, "resolved_on", "resolved on"), " ", hsct::to_string(*f.resolved)});
    }
    if (f.by_imaging) {
        s += hsct::detail::concat({", ", t::word(cat, "by_imaging", "by imaging")});
    }
    if (f.extent != sos_ascites_extent::not_graded) {
        s += hsct::detail::concat({", ", t::word(cat, "extent", "extent"), ": ", cat.label(f.extent)});
    }
    return s;
}

/// "D+12: <criterion>", or the criterion alone when it has no day.
template <class Id>
[[nodiscard]] std::string render(const sos_dated_criterion<Id>& c, const message_catalogue& cat = english()) {
    return detail::text::dated(c.day, detail::text::criterion(c.criterion, cat));
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_SOS_VOD_INPUT_TEXT_HPP
