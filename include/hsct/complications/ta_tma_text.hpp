// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for TA-TMA (COMP-TMA-001..013, -020..022), rendered from the harmonised 2023 and the
// Jodele 2014 results through a message catalogue:
//
//   hsct::complications::render(*assess_ta_tma(in));
//   // "TA-TMA (harmonised 2023): TA-TMA, clinical diagnosis [COMP-TMA-001] on D+65; time points
//   //  D+60 and D+65 [COMP-TMA-009]; biopsy: none; LDH above the ULN on 2 occasions; standard-risk
//   //  TA-TMA [COMP-TMA-010]; under sC5b-9 above the ULN (HB24), ...; time points: D+60 (4 of 7:
//   //  thrombocytopenia, elevated LDH, schistocytes, hypertension), D+65 (...): D+60: red-cell
//   //  transfusion independence not achieved ...: absent: not met [COMP-TMA-002], ...; D+65: ...;
//   //  high-risk features: D+65: peak LDH at least 2 x ULN: 1.5 x ULN >= 2 x ULN: not met
//   //  [COMP-TMA-010]; ..."
//
// The harmonised result: the status with its requirement, the diagnosis day, the two time points
// of the clinical pair, the biopsy day, the LDH occasions, the risk group with the organs whose
// dysfunction was read, the six policies, the inputs missing, every time point with the criteria
// met there (and those unknown), then the dated items of the deciding pair, the first biopsy and
// each high-risk feature, as core renders them (LDH and sC5b-9 in x ULN, the haemoglobin decline
// in g/dL, the platelet fall in %, blood pressure in mmHg, rUPCR in mg/mg). The Jodele result: the
// status (the count-based ones marked as hsct's unverified count, COMP-TMA-021), the count,
// histology and poor-prognosis days, the policies, each time point's markers, then the items of
// the evidence day. Value types: blood pressure "150/95 mmHg", rUPCR "0.5 mg/mg", sC5b-9 "1.5 x
// ULN".
//
// Catalogue keys: group "ta_tma", keys "harmonised", "jodele", "pair", "biopsy", "ldh_occasions",
// "organs", "time_points", "of_seven", "unknown", "risk_features", "count_day", "histology_day",
// "poor_prognosis", "count_unverified", "and"; group "complications" keys "on",
// "under", "missing"; group "text" key "none"; enum labels by their table names (ta_tma_status,
// ta_tma_risk, ta_tma_sign, ta_tma_criterion, ta_tma_risk_criterion, ta_tma_field, tma_organ,
// tma_biopsy_site, sc5b9_policy, tma_thrombocytopenia_definition, tma_biopsy_policy,
// tma_pair_policy, tma_window_policy, tma_sequence_policy, tma_ldh_policy, jodele_status, jodele_marker,
// jodele_tma_criterion, jodele_count_policy, pressure_unit, upcr_unit, outcome, comparator,
// count_unit).
#ifndef HSCT_COMPLICATIONS_TA_TMA_TEXT_HPP
#define HSCT_COMPLICATIONS_TA_TMA_TEXT_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/complications/ta_tma.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/number_format.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/engraftment/count_series_text.hpp"

namespace hsct::complications {

namespace detail::tma_text {

[[nodiscard]] inline std::string_view word(const message_catalogue& cat, std::string_view key,
                                           std::string_view english) noexcept {
    return cat.text("ta_tma", key, english);
}

/// "D+60 (4 of 7: <met>; unknown: <unknown>)"
template <class Point>
[[nodiscard]] std::string point_text(const Point& p, const message_catalogue& cat) {
    std::string s = hsct::detail::concat(
        {hsct::to_string(p.day), " (", std::to_string(p.count()), " ", word(cat, "of_seven", "of 7")});
    if (!p.met.empty()) {
        s += hsct::detail::concat({": ", text::labels(p.met, cat)});
    }
    if (!p.unknown.empty()) {
        s += hsct::detail::concat({"; ", word(cat, "unknown", "unknown"), ": ", text::labels(p.unknown, cat)});
    }
    return s + ")";
}

/// "; time points: <one(point)>, <one(point)>", or "none"
template <class List, class One>
[[nodiscard]] std::string points_text(const List& points, const One& one, const message_catalogue& cat) {
    std::string s = hsct::detail::concat({"; ", word(cat, "time_points", "time points"), ": "});
    if (points.empty()) {
        return s + std::string(cat.text("text", "none", "none"));
    }
    const char* sep = "";
    for (const auto& p : points) {
        s += hsct::detail::concat({sep, one(p)});
        sep = ", ";
    }
    return s;
}

/// `head`, then the dated items ("D+60: <item>, <item>; D+65: ..."), each as criterion() renders it.
template <class Id, std::size_t N>
[[nodiscard]] std::string with_items(std::string head, const hsct::fixed_list<tma_dated_criterion<Id>, N>& list,
                                     const char* requirement, const message_catalogue& cat) {
    return hsct::engraftment::detail::join_dated_criteria(
        std::move(head), list, [&](const hsct::criterion<Id>& c) { return text::criterion(c, cat); }, requirement);
}

}  // namespace detail::tma_text

/// COMP-TMA-013: "150/95 mmHg"
[[nodiscard]] inline std::string render(const blood_pressure& bp, const message_catalogue& cat = english()) {
    return hsct::detail::concat({hsct::detail::format_number(bp.systolic(pressure_unit::mmhg)), "/",
                                 hsct::detail::format_number(bp.diastolic(pressure_unit::mmhg)), " ",
                                 cat.label(pressure_unit::mmhg)});
}

/// COMP-TMA-013: "0.5 mg/mg"
[[nodiscard]] inline std::string render(const protein_creatinine_ratio& r, const message_catalogue& cat = english()) {
    return hsct::detail::concat(
        {hsct::detail::format_number(r.in(upcr_unit::mg_per_mg)), " ", cat.label(upcr_unit::mg_per_mg)});
}

/// COMP-TMA-013: "1.5 x ULN"
[[nodiscard]] inline std::string render(const sc5b9_level& l, const message_catalogue& cat = english()) {
    return hsct::detail::concat(
        {hsct::detail::format_number(l.times_uln()), " ", cat.label(hsct::count_unit::times_uln)});
}

/// "D+60 (4 of 7: <criteria met>[; unknown: <criteria>])"
[[nodiscard]] inline std::string render(const ta_tma_time_point& p, const message_catalogue& cat = english()) {
    return detail::tma_text::point_text(p, cat);
}

/// "D+40 (5 of 7: <markers met>[; unknown: <markers>])[, protein above 30 mg/dL with elevated
/// sC5b-9 [COMP-TMA-022]]"
[[nodiscard]] inline std::string render(const jodele_time_point& p, const message_catalogue& cat = english()) {
    std::string s = detail::tma_text::point_text(p, cat);
    if (p.poor_prognosis_pair) {
        s += hsct::detail::concat(
            {", ", detail::tma_text::word(cat, "poor_prognosis", "protein above 30 mg/dL with elevated sC5b-9"),
             " [COMP-TMA-022]"});
    }
    return s;
}

/// COMP-TMA-001..012: "TA-TMA (harmonised 2023): <status> [COMP-TMA-001][ on <day>][; time points
/// <first> and <second> [COMP-TMA-009]]; biopsy: <day>|none; LDH above the ULN on <n> occasions;
/// <risk> [COMP-TMA-010][ (organs: ...)]; under <policies>[ (missing: ...)]; time points: ...:
/// <dated items>[; biopsy: <dated item>]; high-risk features: <dated features>".
[[nodiscard]] inline std::string render(const ta_tma_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::tma_text;
    namespace x = detail::text;
    const auto& o = r.options;
    std::string head = hsct::detail::concat(
        {t::word(cat, "harmonised", "TA-TMA (harmonised 2023)"), ": ", cat.label(r.status), " [COMP-TMA-001]"});
    if (r.diagnosis_day) {
        head += hsct::detail::concat({" ", x::word(cat, "on", "on"), " ", hsct::to_string(*r.diagnosis_day)});
    }
    if (r.window_start && r.clinical_day) {
        head += hsct::detail::concat({"; ", t::word(cat, "pair", "time points"), " ", hsct::to_string(*r.window_start),
                                      " ", t::word(cat, "and", "and"), " ", hsct::to_string(*r.clinical_day),
                                      " [COMP-TMA-009]"});
    }
    head += hsct::detail::concat({"; ", t::word(cat, "biopsy", "biopsy"), ": ", x::day_or_none(r.biopsy_day, cat), "; ",
                                  t::word(cat, "ldh_occasions", "occasions with LDH above the ULN"), ": ",
                                  std::to_string(r.ldh_occasions), "; ", cat.label(r.risk), " [COMP-TMA-010]"});
    if (!r.organs.empty()) {
        head += hsct::detail::concat(
            {" (", t::word(cat, "organs", "organ dysfunction"), ": ", x::labels(r.organs, cat), ")"});
    }
    head += hsct::detail::concat(
        {"; ", x::word(cat, "under", "under"), " ", cat.label(o.sc5b9), ", ", cat.label(o.thrombocytopenia), ", ",
         cat.label(o.biopsy), ", ", cat.label(o.pair), ", ", cat.label(o.window), ", ",
         cat.label(o.sequence), ", ", cat.label(o.ldh),
         x::missing(r.missing, cat),
         t::points_text(
             r.time_points, [&](const ta_tma_time_point& p) { return t::point_text(p, cat); }, cat)});
    std::string s = t::with_items(std::move(head), r.criteria, "COMP-TMA-001", cat);
    if (r.biopsy) {
        s += hsct::detail::concat({"; ", t::word(cat, "biopsy", "biopsy"), ": ", hsct::to_string(r.biopsy->day), ": ",
                                   x::criterion(r.biopsy->criterion, cat)});
    }
    return hsct::detail::concat({s, "; ",
                                 t::with_items(std::string(t::word(cat, "risk_features", "high-risk features")),
                                               r.risk_features, "COMP-TMA-010", cat)});
}

/// COMP-TMA-020..022: "TA-TMA markers (Jodele 2014): <status> [COMP-TMA-020 or -021][; count
/// day ...][; histology ...][; poor prognosis ...] under <count policy>, <sC5b-9 policy>[ (the
/// count is hsct's reading, unverified)][ (missing: ...)]; time points: ...: <the evidence day's
/// items>".
[[nodiscard]] inline std::string render(const jodele_tma_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::tma_text;
    namespace x = detail::text;
    const bool counted = r.status == jodele_status::count_met_unverified || r.status == jodele_status::count_not_met ||
                         r.status == jodele_status::count_unknown;
    std::string head = hsct::detail::concat({t::word(cat, "jodele", "TA-TMA markers (Jodele 2014)"), ": ",
                                             cat.label(r.status), counted ? " [COMP-TMA-021]" : " [COMP-TMA-020]"});
    const auto day = [&](const std::optional<hsct::transplant_day>& d, std::string_view key, std::string_view en,
                         const char* req) {
        if (d) {
            head += hsct::detail::concat({"; ", t::word(cat, key, en), ": ", hsct::to_string(*d), req});
        }
    };
    day(r.count_day, "count_day", "4 markers first on", " [COMP-TMA-021]");
    day(r.histology_day, "histology_day", "TMA on histology", " [COMP-TMA-020]");
    day(r.poor_prognosis_day, "poor_prognosis", "protein above 30 mg/dL with elevated sC5b-9", " [COMP-TMA-022]");
    head += hsct::detail::concat(
        {"; ", x::word(cat, "under", "under"), " ", cat.label(r.options.count), ", ", cat.label(r.options.sc5b9)});
    if (r.count_unverified) {
        head += hsct::detail::concat(
            {" (", t::word(cat, "count_unverified", "the count is hsct's reading, unverified"), ")"});
    }
    head += hsct::detail::concat({x::missing(r.missing, cat),
                                  t::points_text(
                                      r.time_points, [&](const jodele_time_point& p) { return render(p, cat); }, cat)});
    return t::with_items(std::move(head), r.criteria, "COMP-TMA-020", cat);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_TA_TMA_TEXT_HPP
