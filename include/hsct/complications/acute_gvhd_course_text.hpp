// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for acute GVHD over an episode (COMP-AGVHD-006, COMP-AGVHD-007), rendered from each day's
// grades and the episode's maxima through a message catalogue:
//
//   hsct::complications::render(graded[5]);
//   // "D+27: MAGIC 2016 grade II [COMP-AGVHD-003], decided by lower GI tract (gut) stage 1;
//   //  modified Glucksberg (Keystone 1995) grade II [COMP-AGVHD-004], ...; IBMTR index B
//   //  [COMP-AGVHD-005], ...; stool: 3-day mean of the days measured, 3 days [COMP-AGVHD-006];
//   //  MAGIC 2016 stages, staged under ...: <organ>; ...; modified Glucksberg (Keystone 1995)
//   //  stages, staged under ...: <organ>; ..."
//   hsct::complications::render(*assess_gvhd_course(days, episode, graded));
//   // "acute GVHD over 5 days under symptoms on 3 consecutive days, the highest day of the 3 days
//   //  before the diagnosis, 3-day mean of the days measured [COMP-AGVHD-006]: MAGIC 2016 under a
//   //  paediatric patient below 50 kg (MAGIC): maximum grade II first on D+22 [COMP-AGVHD-007],
//   //  decided by skin stage 3: active erythema (% BSA): 60 % > 50 %: met [COMP-AGVHD-001]; ..."
//
// A day: its three grades with the organs that conferred them, whether it is a day of the onset
// window before the diagnosis (graded, not counted in the episode's maxima), how its stool output
// was taken (the lower-GI onset day with its window, and "window empty: the day's own output" when
// the window held none; otherwise the number of days averaged under the averaging policy, or the
// day's own output; nothing when no stool was measured), then the MAGIC and the Keystone stages
// as acute_gvhd_text.hpp renders them (IBMTR reads the Keystone stages). An episode: the days
// graded, the three data-collection policies, then each system's policies and its maximum with
// the first day it was reached and each deciding organ's stage with its criterion. The day and
// the episode carry neither the paediatric status nor the weight: the bands a day's lower GI was
// staged on are said with its stages.
//
// Catalogue keys: group "acute_gvhd_course", keys "title", "over", "days", "maximum",
// "first_on", "no_day", "before_onset", "stool", "onset_day", "window_empty", "own_output",
// "days_averaged"; those of acute_gvhd_text.hpp; enum labels by their table names
// (upper_gi_rule, onset_window, stool_average, ...).
#ifndef HSCT_COMPLICATIONS_ACUTE_GVHD_COURSE_TEXT_HPP
#define HSCT_COMPLICATIONS_ACUTE_GVHD_COURSE_TEXT_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "hsct/complications/acute_gvhd.hpp"
#include "hsct/complications/acute_gvhd_course.hpp"
#include "hsct/complications/acute_gvhd_text.hpp"
#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

namespace detail::agvhd_course_text {

[[nodiscard]] inline std::string_view word(const message_catalogue& cat, std::string_view key,
                                           std::string_view english) noexcept {
    return cat.text("acute_gvhd_course", key, english);
}

/// "MAGIC 2016 grade II [COMP-AGVHD-003], decided by skin stage 3"
template <class Grade>
[[nodiscard]] std::string day_grade(std::string_view system, const grade_result<Grade>& g, const char* requirement,
                                    const message_catalogue& cat) {
    return hsct::detail::concat(
        {system, " ", cat.label(g.grade), " [", requirement, "]", agvhd_text::deciding_organs(g.decided_by, cat)});
}

/// "; stool: <how> [COMP-AGVHD-006]", or nothing when no stool output made the day's.
[[nodiscard]] inline std::string stool_note(const gvhd_day_grade& g, const gvhd_course_options& o,
                                            const message_catalogue& cat) {
    std::string how;
    if (g.lower_gi_onset_day) {
        how = hsct::detail::concat({word(cat, "onset_day", "lower-GI onset day"), ", ", cat.label(o.onset)});
        if (g.onset_window_empty) {
            how += hsct::detail::concat({", ", word(cat, "window_empty", "window empty: the day's own output")});
        }
    } else if (g.stool_days_averaged > 1) {
        how = hsct::detail::concat({cat.label(o.average), ", ", std::to_string(g.stool_days_averaged), " ",
                                    word(cat, "days_averaged", "days")});
    } else if (g.stool_days_averaged == 1) {
        how = std::string(word(cat, "own_output", "the day's own output"));
    } else {
        return {};
    }
    return hsct::detail::concat({"; ", word(cat, "stool", "stool"), ": ", how, " [COMP-AGVHD-006]"});
}

/// "maximum grade II first on D+22 [COMP-AGVHD-007], decided by skin stage 3: <criterion>"
template <class Grade>
[[nodiscard]] std::string maximum_text(const episode_maximum<Grade>& m, const message_catalogue& cat) {
    if (!m.day) {
        return std::string(word(cat, "no_day", "no day graded"));
    }
    std::string s =
        hsct::detail::concat({word(cat, "maximum", "maximum"), " ", cat.label(m.grade), " ",
                              word(cat, "first_on", "first on"), " ", hsct::to_string(*m.day), " [COMP-AGVHD-007]"});
    if (m.decided_by.empty()) {
        return s + agvhd_text::deciding_organs(m.decided_by, cat);
    }
    s += hsct::detail::concat({", ", text::word(cat, "decided_by", "decided by"), " "});
    for (std::size_t i = 0; i < m.decided_by.size(); ++i) {
        s += hsct::detail::concat({i > 0 ? ", " : "", render(m.decided_by[i], cat)});
    }
    return s;
}

/// "<system>[ under <policies>]: <maximum>"
template <class Grade>
[[nodiscard]] std::string maximum(std::string_view system, std::string_view policies, const episode_maximum<Grade>& m,
                                  const message_catalogue& cat) {
    std::string s(system);
    if (!policies.empty()) {
        s += hsct::detail::concat({" ", text::word(cat, "under", "under"), " ", policies});
    }
    return hsct::detail::concat({s, ": ", maximum_text(m, cat)});
}

}  // namespace detail::agvhd_course_text

/// COMP-AGVHD-006/007: "D+27: <MAGIC grade>; <Keystone grade>; <IBMTR index>[; before the
/// onset: ...][; stool: <how>]; <MAGIC stages>; <Keystone stages>". The averaging and onset policies named are those of
/// the course's options, `options` (the day does not carry them).
[[nodiscard]] inline std::string render(const gvhd_day_grade& g, const gvhd_course_options& options,
                                        const message_catalogue& cat = english()) {
    namespace t = detail::agvhd_course_text;
    namespace a = detail::agvhd_text;
    return hsct::detail::concat(
        {hsct::to_string(g.day), ": ", t::day_grade(a::magic_name(cat), g.magic_grade, "COMP-AGVHD-003", cat), "; ",
         t::day_grade(a::keystone_name(cat), g.keystone_grade, "COMP-AGVHD-004", cat), "; ",
         t::day_grade(a::ibmtr_name(cat), g.ibmtr, "COMP-AGVHD-005", cat),
         g.before_onset
             ? hsct::detail::concat(
                   {"; ", t::word(cat, "before_onset", "before the onset: graded, not counted in the maxima"),
                    " [COMP-AGVHD-007]"})
             : std::string(),
         t::stool_note(g, options, cat), "; ", render(g.magic, cat), "; ", render(g.keystone, cat)});
}

/// The same under the default course options.
[[nodiscard]] inline std::string render(const gvhd_day_grade& g, const message_catalogue& cat = english()) {
    return render(g, gvhd_course_options{}, cat);
}

/// "maximum grade II first on D+22 [COMP-AGVHD-007], decided by skin stage 3: <criterion>": one
/// system's maximum without the system's name (the maximum does not carry it).
template <class Grade>
[[nodiscard]] std::string render(const episode_maximum<Grade>& m, const message_catalogue& cat = english()) {
    return detail::agvhd_course_text::maximum_text(m, cat);
}

/// COMP-AGVHD-006/007: "acute GVHD over <n> days under <upper GI>, <onset window>, <average>
/// [COMP-AGVHD-006]: MAGIC 2016 under <child rule>: maximum ...; modified Glucksberg (Keystone
/// 1995) under <policies>: maximum ...; IBMTR: maximum ...".
[[nodiscard]] inline std::string render(const gvhd_episode_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::agvhd_course_text;
    namespace a = detail::agvhd_text;
    const auto& o = r.options;
    const auto& k = o.keystone;
    const std::string keystone_policies =
        hsct::detail::concat({cat.label(k.child), ", ", cat.label(k.gut4), ", ", cat.label(k.skin4), ", ",
                              cat.label(k.downgrade), ", ", cat.label(k.bloody_stool)});
    std::string s = hsct::detail::concat({t::word(cat, "title", "acute GVHD"), " ", t::word(cat, "over", "over"), " ",
                                          std::to_string(r.days), " ", t::word(cat, "days", "days")});
    s += hsct::detail::concat({" ", detail::text::word(cat, "under", "under"), " ", cat.label(o.upper_gi), ", ",
                               cat.label(o.onset), ", ", cat.label(o.average), " [COMP-AGVHD-006]: "});
    s += hsct::detail::concat({t::maximum(a::magic_name(cat), cat.label(o.magic.child), r.magic, cat), "; ",
                               t::maximum(a::keystone_name(cat), keystone_policies, r.keystone, cat), "; ",
                               t::maximum(a::ibmtr_name(cat), "", r.ibmtr, cat)});
    return s;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_ACUTE_GVHD_COURSE_TEXT_HPP
