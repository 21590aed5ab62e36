// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the cohort estimates (FU-KM-001..007, FU-CIF-001..003), rendered from the curves' data
// through a message catalogue, estimates to 4 decimals:
//
//   hsct::follow_up::render(*kaplan_meier(cohort));
//   // "Kaplan-Meier: 21 observations, 9 events, 12 censored; 95 % limits by log(-log) transform;
//   //  median D+23 (D+13 to not reached) [FU-KM-007]"
//   hsct::follow_up::render(km->steps[0]);
//   // "D+6: 21 at risk, 3 events, 1 censored: 0.8571 (standard error 0.0764; 0.6197 to 0.9516)"
//   hsct::follow_up::render(*cumulative_incidence(cohort));
//   // "Cumulative incidence: 305 observations, 4 events, 5 competing events, 296 censored; 95 %
//   //  limits by log(-log) transform, variance by delta method (Marubini-Valsecchi)"
//
// Catalogue keys: group "follow_up" keys "kaplan_meier", "cumulative_incidence", "observations",
// "events", "competing_events", "censored", "limits_by", "variance_by", "median", "not_reached",
// "to", "at_risk", "standard_error"; enum labels by their table names (survival_ci_transform,
// incidence_ci_transform, incidence_variance).
#ifndef HSCT_FOLLOW_UP_SURVIVAL_TEXT_HPP
#define HSCT_FOLLOW_UP_SURVIVAL_TEXT_HPP

#include <cstdint>
#include <optional>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/number_format.hpp"
#include "hsct/follow_up/survival.hpp"

namespace hsct::follow_up {

namespace detail::survival_text {
[[nodiscard]] inline std::string count(std::uint32_t n, const message_catalogue& cat, const char* key,
                                       const char* english) {
    return hsct::detail::concat({std::to_string(n), " ", cat.text("follow_up", key, english)});
}
[[nodiscard]] inline std::string level(const confidence_level& l) {
    return hsct::detail::concat({hsct::format_fixed(l.value() * 100.0, 0), " %"});
}
[[nodiscard]] inline std::string day_or(const std::optional<hsct::transplant_day>& d, const message_catalogue& cat) {
    return d ? hsct::to_string(*d) : std::string(cat.text("follow_up", "not_reached", "not reached"));
}
template <class Step>
[[nodiscard]] std::string step(const Step& s, const message_catalogue& cat, std::string counts) {
    return hsct::detail::concat({hsct::to_string(s.day), ": ", counts, ": ", hsct::format_fixed(s.estimate, 4), " (",
                                 cat.text("follow_up", "standard_error", "standard error"), " ",
                                 hsct::format_fixed(s.standard_error, 4), "; ", hsct::format_fixed(s.lower, 4), " ",
                                 cat.text("follow_up", "to", "to"), " ", hsct::format_fixed(s.upper, 4), ")"});
}
}  // namespace detail::survival_text

/// "<day>: <n> at risk, <d> events, <c> censored: <S> (standard error <se>; <lower> to <upper>)".
[[nodiscard]] inline std::string render(const survival_step& s, const message_catalogue& cat = english()) {
    namespace t = detail::survival_text;
    return t::step(s, cat,
                   hsct::detail::concat({t::count(s.at_risk, cat, "at_risk", "at risk"), ", ",
                                         t::count(s.events, cat, "events", "events"), ", ",
                                         t::count(s.censored, cat, "censored", "censored")}));
}

/// "<day>: <n> at risk, <d1> events, <d2> competing events, <c> censored: <F1> (standard error
/// <se>; <lower> to <upper>)".
[[nodiscard]] inline std::string render(const incidence_step& s, const message_catalogue& cat = english()) {
    namespace t = detail::survival_text;
    return t::step(s, cat,
                   hsct::detail::concat({t::count(s.at_risk, cat, "at_risk", "at risk"), ", ",
                                         t::count(s.events, cat, "events", "events"), ", ",
                                         t::count(s.competing_events, cat, "competing_events", "competing events"), ", ",
                                         t::count(s.censored, cat, "censored", "censored")}));
}

/// "Kaplan-Meier: <n> observations, <d> events, <c> censored; <level> limits by <transform>;
/// median <day> (<lower> to <upper>) [FU-KM-007]".
[[nodiscard]] inline std::string render(const survival_curve& c, const message_catalogue& cat = english()) {
    namespace t = detail::survival_text;
    return hsct::detail::concat(
        {cat.text("follow_up", "kaplan_meier", "Kaplan-Meier"), ": ",
         t::count(c.totals.observations, cat, "observations", "observations"), ", ",
         t::count(c.totals.events, cat, "events", "events"), ", ", t::count(c.totals.censored, cat, "censored", "censored"),
         "; ", t::level(c.options.level), " ", cat.text("follow_up", "limits_by", "limits by"), " ",
         cat.label(c.options.transform), "; ", cat.text("follow_up", "median", "median"), " ", t::day_or(c.median, cat),
         " (", t::day_or(c.median_lower, cat), " ", cat.text("follow_up", "to", "to"), " ",
         t::day_or(c.median_upper, cat), ") [FU-KM-007]"});
}

/// "Cumulative incidence: <n> observations, <d1> events, <d2> competing events, <c> censored;
/// <level> limits by <transform>, variance by <method>".
[[nodiscard]] inline std::string render(const incidence_curve& c, const message_catalogue& cat = english()) {
    namespace t = detail::survival_text;
    return hsct::detail::concat(
        {cat.text("follow_up", "cumulative_incidence", "Cumulative incidence"), ": ",
         t::count(c.totals.observations, cat, "observations", "observations"), ", ",
         t::count(c.totals.events, cat, "events", "events"), ", ",
         t::count(c.totals.competing_events, cat, "competing_events", "competing events"), ", ",
         t::count(c.totals.censored, cat, "censored", "censored"), "; ", t::level(c.options.level), " ",
         cat.text("follow_up", "limits_by", "limits by"), " ", cat.label(c.options.transform), ", ",
         cat.text("follow_up", "variance_by", "variance by"), " ", cat.label(c.options.variance)});
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_SURVIVAL_TEXT_HPP
