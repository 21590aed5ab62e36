// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for SOS/VOD diagnosis in adults (COMP-SOS-004..006, -010..013, -020..024, -030..032,
// -050..053), rendered from each rule's result through a message catalogue:
//
//   hsct::complications::render(*assess_sos_ebmt2016(in));
//   // "EBMT 2016 (adults): criteria met [COMP-SOS-030] on D+14, classical (day 21 or earlier)
//   //  under HVPG >= 10 mmHg, a value stands until the next one, adults from 18 years; held on
//   //  D+14: bilirubin at least 2 mg/dL, painful hepatomegaly, weight gain above 5 %, classical:
//   //  bilirubin and two of three by day 21: D+14: bilirubin at least 2 mg/dL: 2.4 mg/dL >= 2
//   //  mg/dL: met [COMP-SOS-030]; D+11: painful hepatomegaly: present: met [COMP-SOS-030]; ..."
//
// The set, its status with the requirement that decides it, the diagnosis day, the onset
// (classical or late) and, for EBMT 2023, the certainty reported and the first day of each; the
// set's policies (the comparisons and readings where sources differ, how long a value stands, the
// adult age limit); the criteria that held together on the diagnosis day; a bilirubin value the
// printed umol/L threshold would read otherwise (COMP-SOS-006); the inputs missing; then every
// criterion with its day, as sos_vod_input_text.hpp renders it, the day-window criteria as
// transplant days ("D+14 <= D+20"). A criterion recorded with verified = false (Seattle's 3 %
// reading, the EBMT 2016 HVPG route, the age check) carries core's "(hsct reading, unverified)".
//
// Catalogue keys: group "sos_vod", keys "seattle", "baltimore", "ebmt2016", "ebmt2023",
// "bilirubin", "weight_gain", "hvpg", "first_day"; those of sos_vod_input_text.hpp; enum labels by
// their table names (sos_status, sos_onset, sos_ebmt2023_certainty, sos_seattle_liver_sign,
// sos_seattle_weight, sos_baltimore_hepatomegaly, sos_persistence, sos_seattle_criterion,
// sos_baltimore_criterion, sos_ebmt2016_criterion, sos_ebmt2023_criterion, sos_other_cause,
// sos_input_field, outcome, comparator, count_unit).
#ifndef HSCT_COMPLICATIONS_SOS_VOD_TEXT_HPP
#define HSCT_COMPLICATIONS_SOS_VOD_TEXT_HPP

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/complications/sos_vod.hpp"
#include "hsct/complications/sos_vod_input_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"

namespace hsct::complications {

namespace detail::sos_text {
[[nodiscard]] inline std::string bilirubin_policy(hsct::comparator cmp, const message_catalogue& cat) {
    return comparison(word(cat, "bilirubin", "bilirubin"), cmp, "2 mg/dL", cat);
}
[[nodiscard]] inline std::string hvpg_policy(hsct::comparator cmp, const message_catalogue& cat) {
    return comparison(word(cat, "hvpg", "HVPG"), cmp, "10 mmHg", cat);
}
/// ", <onset>" when the set has an onset.
[[nodiscard]] inline std::string onset(const std::optional<sos_onset>& o, const message_catalogue& cat) {
    return o ? hsct::detail::concat({", ", cat.label(*o)}) : std::string();
}
}  // namespace detail::sos_text

/// COMP-SOS-010..013: "modified Seattle (McDonald 1993): <status> [COMP-SOS-013][ on D+14] under
/// bilirubin >= 2 mg/dL, <liver sign>, <weight>, <persistence>[; held on ...][ (missing: ...)]:
/// <dated criterion>; ...".
[[nodiscard]] inline std::string render(const sos_seattle_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::sos_text;
    const auto& o = r.options;
    return t::with_dated(
        hsct::detail::concat(
            {t::head(t::word(cat, "seattle", "modified Seattle (McDonald 1993)"), r.status, "COMP-SOS-013",
                     r.diagnosis_day, cat),
             " ", detail::text::word(cat, "under", "under"), " ", t::bilirubin_policy(o.bilirubin_comparison, cat),
             ", ", cat.label(o.liver_sign), ", ", cat.label(o.weight), ", ", cat.label(o.persistence),
             t::held_on(r.on_diagnosis_day, r.diagnosis_day, cat), detail::text::missing(r.missing, cat)}),
        r.criteria, [](sos_seattle_criterion id) { return id == sos_seattle_criterion::by_day_20; }, cat);
}

/// COMP-SOS-020..024: "Baltimore (Jones 1987): <status> [COMP-SOS-024][ on D+14] under bilirubin
/// >= 2 mg/dL, weight gain > 5 %, <hepatomegaly>, <persistence>[; held on ...][; unit edge][
/// (missing: ...)]: <dated criterion>; ...".
[[nodiscard]] inline std::string render(const sos_baltimore_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::sos_text;
    const auto& o = r.options;
    return t::with_dated(
        hsct::detail::concat(
            {t::head(t::word(cat, "baltimore", "Baltimore (Jones 1987)"), r.status, "COMP-SOS-024", r.diagnosis_day,
                     cat),
             " ", detail::text::word(cat, "under", "under"), " ", t::bilirubin_policy(o.bilirubin_comparison, cat),
             ", ", t::comparison(t::word(cat, "weight_gain", "weight gain"), o.weight_comparison, "5 %", cat), ", ",
             cat.label(o.hepatomegaly), ", ", cat.label(o.persistence),
             t::held_on(r.on_diagnosis_day, r.diagnosis_day, cat), t::unit_edge(r.bilirubin_unit_edge, cat),
             detail::text::missing(r.missing, cat)}),
        r.criteria, [](sos_baltimore_criterion id) { return id == sos_baltimore_criterion::by_day_21; }, cat);
}

/// COMP-SOS-030..032: "EBMT 2016 (adults): <status> [COMP-SOS-030 or -031][ on D+14, <onset>]
/// under HVPG >= 10 mmHg, <persistence>, adults from 18 years[; held on ...][; unit edge][
/// (missing: ...)]: <dated criterion>; ...".
[[nodiscard]] inline std::string render(const sos_ebmt2016_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::sos_text;
    const auto& o = r.options;
    const char* req = r.onset == sos_onset::late_onset ? "COMP-SOS-031" : "COMP-SOS-030";
    return t::with_dated(
        hsct::detail::concat(
            {t::head(t::word(cat, "ebmt2016", "EBMT 2016 (adults)"), r.status, req, r.diagnosis_day, cat),
             t::onset(r.onset, cat), " ", detail::text::word(cat, "under", "under"), " ",
             t::hvpg_policy(o.hvpg_comparison, cat), ", ", cat.label(o.persistence), ", ",
             t::population(o.adult_from_years, true, cat), t::held_on(r.on_diagnosis_day, r.diagnosis_day, cat),
             t::unit_edge(r.bilirubin_unit_edge, cat), detail::text::missing(r.missing, cat)}),
        r.criteria, [](sos_ebmt2016_criterion) { return false; }, cat);
}

/// COMP-SOS-050..053: "EBMT 2023 refined (adults): <status> [COMP-SOS-053][, <certainty>][ on
/// D+14, <onset>]; first day: probable D+12, clinical D+14, proven none; under HVPG >= 10 mmHg,
/// <persistence>, adults from 18 years[; held on ...][ (missing: ...)]: <dated criterion>; ...".
[[nodiscard]] inline std::string render(const sos_ebmt2023_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::sos_text;
    const auto& o = r.options;
    std::string head(t::word(cat, "ebmt2023", "EBMT 2023 refined (adults)"));
    head += hsct::detail::concat({": ", cat.label(r.status), " [COMP-SOS-053]"});
    if (r.certainty) {
        head += hsct::detail::concat({", ", cat.label(*r.certainty)});
    }
    if (r.diagnosis_day) {
        head +=
            hsct::detail::concat({" ", detail::text::word(cat, "on", "on"), " ", hsct::to_string(*r.diagnosis_day)});
    }
    const auto first = [&](sos_ebmt2023_certainty k, const std::optional<hsct::transplant_day>& d) {
        return hsct::detail::concat({cat.label(k), " ", detail::text::day_or_none(d, cat)});
    };
    head += hsct::detail::concat({t::onset(r.onset, cat), "; ", t::word(cat, "first_day", "first day"), ": ",
                                  first(sos_ebmt2023_certainty::probable, r.probable_day), ", ",
                                  first(sos_ebmt2023_certainty::clinical, r.clinical_day), ", ",
                                  first(sos_ebmt2023_certainty::proven, r.proven_day)});
    head += hsct::detail::concat(
        {"; ", detail::text::word(cat, "under", "under"), " ", t::hvpg_policy(o.hvpg_comparison, cat), ", ",
         cat.label(o.persistence), ", ", t::population(o.adult_from_years, true, cat),
         t::held_on(r.on_diagnosis_day, r.diagnosis_day, cat), detail::text::missing(r.missing, cat)});
    return t::with_dated(
        std::move(head), r.criteria, [](sos_ebmt2023_criterion) { return false; }, cat);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_SOS_VOD_TEXT_HPP
