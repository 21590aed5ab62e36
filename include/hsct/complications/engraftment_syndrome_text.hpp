// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for engraftment syndrome (COMP-ES-001..005, -010..012, -020), rendered from the Spitzer
// and Maiolino results through a message catalogue:
//
//   hsct::complications::render(*assess_spitzer_es(in));
//   // "engraftment syndrome (Spitzer 2001): engraftment syndrome [COMP-ES-001] on D+12; window D+7
//   //  to D+15 [COMP-ES-003]; evidence: 2 major, 1 minor; under at or above each threshold, 96 h
//   //  before to 96 h after engraftment; days: D+12 (in the window: non-infectious fever, skin
//   //  rash, weight gain): D+12: temperature at least 38.3 C: 38.6 >= 38.3: met (hsct reading,
//   //  unverified) [COMP-ES-002], ..."
//
// The rule, its status with its requirement, the diagnosis day, the window (Spitzer: its first and
// last day; Maiolino: from the day before recovery), the first day outside the window that would
// meet (Spitzer, COMP-ES-004), the major and minor criteria counted on the evidence day (Spitzer),
// the policies (Spitzer's comparison and window; Maiolino's reading and fever threshold, marked
// as hsct's unverified default when it is one), the inputs missing, each observed day with the
// signs met there (and those unknown) and whether it lies in the window, then the criteria of the
// evidence day as core renders them (temperature in C, rash and weight gain in %, bilirubin in
// mg/dL, transaminases in x ULN, creatinine in x baseline, liquid stools a day); a criterion under
// a policy without a primary text carries core's "(hsct reading, unverified)". Value type: a body
// temperature, "38.6 °C" (the unit's label).
//
// Catalogue keys: group "engraftment_syndrome", keys "spitzer", "maiolino", "window", "to",
// "from", "met_outside", "evidence", "major", "minor", "fever_threshold", "default_unverified",
// "days", "in_window", "outside_window", "unknown"; group "complications" keys "on", "under",
// "missing"; group "text" key "none"; enum labels by their table names (es_status, es_sign,
// spitzer_criterion, maiolino_criterion, es_field, spitzer_comparison, spitzer_window,
// maiolino_reading, temperature_unit, outcome, comparator, count_unit).
#ifndef HSCT_COMPLICATIONS_ENGRAFTMENT_SYNDROME_TEXT_HPP
#define HSCT_COMPLICATIONS_ENGRAFTMENT_SYNDROME_TEXT_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/complications/engraftment_syndrome.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/engraftment/count_series_text.hpp"

namespace hsct::complications {

namespace detail::es_text {

[[nodiscard]] inline std::string_view word(const message_catalogue& cat, std::string_view key,
                                           std::string_view english) noexcept {
    return cat.text("engraftment_syndrome", key, english);
}

/// "D+12 (in the window: <signs met>[; unknown: <signs>])"
[[nodiscard]] inline std::string day_text(const es_day& d, const message_catalogue& cat) {
    std::string s = hsct::detail::concat(
        {hsct::to_string(d.day), " (",
         d.in_window ? word(cat, "in_window", "in the window") : word(cat, "outside_window", "outside the window"),
         ": ", text::labels(d.met, cat)});
    if (!d.unknown.empty()) {
        s += hsct::detail::concat({"; ", word(cat, "unknown", "unknown"), ": ", text::labels(d.unknown, cat)});
    }
    return s + ")";
}

/// "; days: <day>, <day>[ (missing: ...)]: D+12: <criterion>, ...": the days, the inputs
/// missing, then the evidence day's criteria.
template <class Id, std::size_t N, std::size_t M>
[[nodiscard]] std::string days_and_criteria(std::string head, const hsct::fixed_list<es_day, M>& days,
                                            const hsct::fixed_list<es_dated_criterion<Id>, N>& criteria,
                                            const hsct::enum_set<es_field>& missing, const char* requirement,
                                            const message_catalogue& cat) {
    head += hsct::detail::concat({text::missing(missing, cat), "; ", word(cat, "days", "days observed"), ": "});
    if (days.empty()) {
        head += cat.text("text", "none", "none");
    }
    for (std::size_t i = 0; i < days.size(); ++i) {
        head += hsct::detail::concat({i > 0 ? ", " : "", day_text(days[i], cat)});
    }
    return hsct::engraftment::detail::join_dated_criteria(
        std::move(head), criteria, [&](const hsct::criterion<Id>& c) { return text::criterion(c, cat); }, requirement);
}

/// "<rule>: <status> [<requirement>][ on <day>]"
[[nodiscard]] inline std::string head(std::string_view rule, es_status status, const char* requirement,
                                      const std::optional<hsct::transplant_day>& day, const message_catalogue& cat) {
    std::string s = hsct::detail::concat({rule, ": ", cat.label(status), " [", requirement, "]"});
    if (day) {
        s += hsct::detail::concat({" ", text::word(cat, "on", "on"), " ", hsct::to_string(*day)});
    }
    return s;
}

}  // namespace detail::es_text

/// COMP-ES-020: "38.6 °C"
[[nodiscard]] inline std::string render(const body_temperature& t, const message_catalogue& cat = english()) {
    return hsct::detail::concat(
        {hsct::detail::format_number(t.in(temperature_unit::celsius)), " ", cat.label(temperature_unit::celsius)});
}

/// "D+12 (in the window: <signs met>[; unknown: <signs>])"
[[nodiscard]] inline std::string render(const es_day& d, const message_catalogue& cat = english()) {
    return detail::es_text::day_text(d, cat);
}

/// COMP-ES-001..005: "engraftment syndrome (Spitzer 2001): <status> [COMP-ES-001][ on <day>][;
/// window <first> to <last> [COMP-ES-003]][; met outside the window on <day> [COMP-ES-004]][;
/// evidence: <n> major, <n> minor]; under <comparison>, <window>[ (missing: ...)]; days observed:
/// <day>, ...: <evidence day>: <criterion>, ...".
[[nodiscard]] inline std::string render(const spitzer_es_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::es_text;
    std::string s = t::head(t::word(cat, "spitzer", "engraftment syndrome (Spitzer 2001)"), r.status, "COMP-ES-001",
                            r.diagnosis_day, cat);
    if (r.window_first && r.window_last) {
        s += hsct::detail::concat({"; ", t::word(cat, "window", "window"), " ", hsct::to_string(*r.window_first), " ",
                                   t::word(cat, "to", "to"), " ", hsct::to_string(*r.window_last), " [COMP-ES-003]"});
    }
    if (r.met_outside_window) {
        s += hsct::detail::concat({"; ", t::word(cat, "met_outside", "criteria met outside the window on"), " ",
                                   hsct::to_string(*r.met_outside_window), " [COMP-ES-004]"});
    }
    if (r.evidence_day) {
        s += hsct::detail::concat({"; ", t::word(cat, "evidence", "evidence"), ": ", std::to_string(r.majors), " ",
                                   t::word(cat, "major", "major"), ", ", std::to_string(r.minors), " ",
                                   t::word(cat, "minor", "minor")});
    }
    s += hsct::detail::concat({"; ", detail::text::word(cat, "under", "under"), " ", cat.label(r.options.comparison),
                               ", ", cat.label(r.options.window)});
    return t::days_and_criteria(std::move(s), r.days, r.criteria, r.missing, "COMP-ES-001", cat);
}

/// COMP-ES-010..012: "engraftment syndrome (Maiolino 2003): <status> [COMP-ES-010 or -012][ on
/// <day>][; window from <day> [COMP-ES-010]]; under <reading>, fever threshold <t> °C[ (hsct's
/// default, unverified [COMP-ES-011])][ (missing: ...)]; days observed: ...: <criteria>".
[[nodiscard]] inline std::string render(const maiolino_es_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::es_text;
    const char* req = r.options.reading == maiolino_reading::handbook_2024 ? "COMP-ES-012" : "COMP-ES-010";
    std::string s =
        t::head(t::word(cat, "maiolino", "engraftment syndrome (Maiolino 2003)"), r.status, req, r.diagnosis_day, cat);
    if (r.window_first) {
        s += hsct::detail::concat({"; ", t::word(cat, "window", "window"), " ", t::word(cat, "from", "from"), " ",
                                   hsct::to_string(*r.window_first), " [COMP-ES-010]"});
    }
    s += hsct::detail::concat({"; ", detail::text::word(cat, "under", "under"), " ", cat.label(r.options.reading), ", ",
                               t::word(cat, "fever_threshold", "fever threshold"), " ",
                               render(r.options.fever_threshold, cat)});
    if (r.fever_threshold_unverified) {
        s += hsct::detail::concat(
            {" (", t::word(cat, "default_unverified", "hsct's default, unverified"), " [COMP-ES-011])"});
    }
    return t::days_and_criteria(std::move(s), r.days, r.criteria, r.missing, req, cat);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_ENGRAFTMENT_SYNDROME_TEXT_HPP
