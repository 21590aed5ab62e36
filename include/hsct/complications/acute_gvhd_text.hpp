// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for acute GVHD of one day (COMP-AGVHD-001..005), rendered from the stages' and grades'
// data through a message catalogue:
//
//   auto s = stage_magic(d, patient);
//   hsct::complications::render(grade_magic(*s), *s);
//   // "MAGIC 2016 on D+21: grade I [COMP-AGVHD-003], decided by skin stage 2; staged under a
//   //  paediatric patient below 50 kg (MAGIC): skin stage 2: active erythema (% BSA): 30 % >= 25 %: met
//   //  [COMP-AGVHD-001]; liver stage 0: total bilirubin: 1.8 mg/dL < 2 mg/dL: met [COMP-AGVHD-001];
//   //  upper GI tract stage 0: ...; lower GI tract (gut) stage 0 (adult bands): liquid stool volume
//   //  a day: 400 mL < 500 mL: met [COMP-AGVHD-001]"
//
// A grade names its system (MAGIC 2016, modified Glucksberg, IBMTR), the day, the grade with its
// requirement, the organs that conferred it, the policies the stages ran under (the child rule;
// for Keystone and IBMTR also gut stage 4, skin stage 4, the downgrade and bloody stool), then
// every organ's stage with the criterion that decided it, as core renders it (bilirubin in mg/dL,
// BSA in %, stool in mL, mL/kg or episodes, each with the decimals it has, up to two; more where
// CORE-EXPLAIN-003 needs them), the lower GI with the bands it was staged on (adult or child), an
// organ not measured that day as "no measurement". A criterion the rule records as hsct's reading
// (a value in a printed gap, bilirubin 3.05 mg/dL or 999.5 mL; every Keystone stage criterion,
// the notes' reproduction) carries core's "(hsct reading, unverified)".
//
// grade_result<agvhd_grade> is the same type for MAGIC and Keystone and carries neither its
// system nor its day: render(grade) alone prints the grade and its deciding organs; the system,
// day and policies come with the stages, render(grade, stages).
//
// Catalogue keys: group "acute_gvhd", keys "magic", "keystone", "ibmtr", "stage", "stages",
// "staged_under", "no_organ", "adult_bands", "child_bands", "no_measurement"; group
// "complications" keys "on", "decided_by"; enum labels by their table names (agvhd_organ,
// agvhd_criterion, agvhd_grade, ibmtr_index, child_rule, gut_stage4_grade, keystone_skin4,
// keystone_downgrade, keystone_bloody_stool, outcome, comparator).
#ifndef HSCT_COMPLICATIONS_ACUTE_GVHD_TEXT_HPP
#define HSCT_COMPLICATIONS_ACUTE_GVHD_TEXT_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "hsct/complications/acute_gvhd.hpp"
#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

namespace detail::agvhd_text {

[[nodiscard]] inline std::string_view word(const message_catalogue& cat, std::string_view key,
                                           std::string_view english) noexcept {
    return cat.text("acute_gvhd", key, english);
}

/// "skin stage 2"
[[nodiscard]] inline std::string organ_head(const organ_stage& s, const message_catalogue& cat) {
    return hsct::detail::concat({cat.label(s.organ), " ", word(cat, "stage", "stage"), " ", std::to_string(s.stage)});
}

/// The criterion that decided a stage; an organ not measured that day as "no measurement".
[[nodiscard]] inline std::string decided_text(const organ_stage& s, const message_catalogue& cat) {
    if (s.decided_by.id == agvhd_criterion::not_assessed) {
        return text::criterion_showing(s.decided_by, word(cat, "no_measurement", "no measurement"), cat);
    }
    return text::criterion(s.decided_by, cat);
}

/// "lower GI tract (gut) stage 1 (adult bands): <criterion>": the bands named when the stool
/// decided the stage.
[[nodiscard]] inline std::string organ_text(const organ_stage& s, bool child, const message_catalogue& cat) {
    std::string head = organ_head(s, cat);
    const auto id = s.decided_by.id;
    if (id == agvhd_criterion::stool_volume || id == agvhd_criterion::stool_volume_per_kg ||
        id == agvhd_criterion::stool_episodes) {
        head += hsct::detail::concat(
            {" (", child ? word(cat, "child_bands", "child's bands") : word(cat, "adult_bands", "adult bands"), ")"});
    }
    return hsct::detail::concat({head, ": ", decided_text(s, cat)});
}

/// ", decided by skin stage 3, liver stage 1" or ", no organ above stage 0".
[[nodiscard]] inline std::string deciding_organs(const hsct::fixed_list<organ_stage, 4>& list,
                                                 const message_catalogue& cat) {
    if (list.empty()) {
        return hsct::detail::concat({", ", word(cat, "no_organ", "no organ above stage 0")});
    }
    std::string s = hsct::detail::concat({", ", text::word(cat, "decided_by", "decided by"), " "});
    for (std::size_t i = 0; i < list.size(); ++i) {
        s += hsct::detail::concat({i > 0 ? ", " : "", organ_head(list[i], cat)});
    }
    return s;
}

/// "staged under <child rule>: skin stage ...; liver stage ...; ..."
[[nodiscard]] inline std::string magic_organs(const magic_stages& s, const message_catalogue& cat) {
    return hsct::detail::concat({word(cat, "staged_under", "staged under"), " ", cat.label(s.options.child), ": ",
                                 organ_text(s.skin, s.child, cat), "; ", organ_text(s.liver, s.child, cat), "; ",
                                 organ_text(s.upper_gi, s.child, cat), "; ", organ_text(s.lower_gi, s.child, cat)});
}

/// "staged under <child rule>, <gut 4>, <skin 4>, <downgrade>, <bloody stool>: skin ...; liver ...; gut ..."
[[nodiscard]] inline std::string keystone_organs(const keystone_stages& s, const message_catalogue& cat) {
    const auto& o = s.options;
    return hsct::detail::concat({word(cat, "staged_under", "staged under"), " ", cat.label(o.child), ", ",
                                 cat.label(o.gut4), ", ", cat.label(o.skin4), ", ", cat.label(o.downgrade), ", ",
                                 cat.label(o.bloody_stool), ": ", organ_text(s.skin, s.child, cat), "; ",
                                 organ_text(s.liver, s.child, cat), "; ", organ_text(s.gut, s.child, cat)});
}

/// "<system> on <day>: <grade> [<requirement>], decided by <organs>"
template <class Grade>
[[nodiscard]] std::string grade_head(std::string_view system, hsct::transplant_day day, const grade_result<Grade>& g,
                                     const char* requirement, const message_catalogue& cat) {
    return hsct::detail::concat({system, " ", text::word(cat, "on", "on"), " ", hsct::to_string(day), ": ",
                                 cat.label(g.grade), " [", requirement, "]", deciding_organs(g.decided_by, cat)});
}

[[nodiscard]] inline std::string_view magic_name(const message_catalogue& cat) noexcept {
    return word(cat, "magic", "MAGIC 2016");
}
[[nodiscard]] inline std::string_view keystone_name(const message_catalogue& cat) noexcept {
    return word(cat, "keystone", "modified Glucksberg (Keystone 1995)");
}
[[nodiscard]] inline std::string_view ibmtr_name(const message_catalogue& cat) noexcept {
    return word(cat, "ibmtr", "IBMTR");
}

}  // namespace detail::agvhd_text

/// "skin stage 2: active erythema (% BSA): 30 % >= 25 %: met [COMP-AGVHD-001]"; an organ not
/// measured that day: "skin stage 0: not assessed that day: no measurement: unknown (input
/// missing) [COMP-AGVHD-001]".
[[nodiscard]] inline std::string render(const organ_stage& s, const message_catalogue& cat = english()) {
    return hsct::detail::concat(
        {detail::agvhd_text::organ_head(s, cat), ": ", detail::agvhd_text::decided_text(s, cat)});
}

/// "MAGIC 2016 stages on D+21, staged under <child rule>: <organ>; <organ>; <organ>; <organ>"
[[nodiscard]] inline std::string render(const magic_stages& s, const message_catalogue& cat = english()) {
    namespace t = detail::agvhd_text;
    return hsct::detail::concat({t::magic_name(cat), " ", t::word(cat, "stages", "stages"), " ",
                                 detail::text::word(cat, "on", "on"), " ", hsct::to_string(s.day), ", ",
                                 t::magic_organs(s, cat)});
}

/// "modified Glucksberg (Keystone 1995) stages on D+21, staged under <policies>: <organ>; ..."
[[nodiscard]] inline std::string render(const keystone_stages& s, const message_catalogue& cat = english()) {
    namespace t = detail::agvhd_text;
    return hsct::detail::concat({t::keystone_name(cat), " ", t::word(cat, "stages", "stages"), " ",
                                 detail::text::word(cat, "on", "on"), " ", hsct::to_string(s.day), ", ",
                                 t::keystone_organs(s, cat)});
}

/// "grade II, decided by skin stage 3: <criterion>, liver stage 1: <criterion>" or "grade 0, no
/// organ above stage 0": a grade without its system and day (the result does not carry them).
template <class Grade>
[[nodiscard]] std::string render(const grade_result<Grade>& g, const message_catalogue& cat = english()) {
    namespace t = detail::agvhd_text;
    if (g.decided_by.empty()) {
        return hsct::detail::concat({cat.label(g.grade), t::deciding_organs(g.decided_by, cat)});
    }
    std::string s =
        hsct::detail::concat({cat.label(g.grade), ", ", detail::text::word(cat, "decided_by", "decided by"), " "});
    for (std::size_t i = 0; i < g.decided_by.size(); ++i) {
        s += hsct::detail::concat({i > 0 ? ", " : "", render(g.decided_by[i], cat)});
    }
    return s;
}

/// COMP-AGVHD-003: "MAGIC 2016 on D+21: grade I [COMP-AGVHD-003], decided by skin stage 2; staged
/// under <child rule>: <organ>; ...". `g` is grade_magic(s).
[[nodiscard]] inline std::string render(const magic_grade_result& g, const magic_stages& s,
                                        const message_catalogue& cat = english()) {
    namespace t = detail::agvhd_text;
    return hsct::detail::concat(
        {t::grade_head(t::magic_name(cat), s.day, g, "COMP-AGVHD-003", cat), "; ", t::magic_organs(s, cat)});
}

/// COMP-AGVHD-004: "modified Glucksberg (Keystone 1995) on D+21: grade II [COMP-AGVHD-004],
/// decided by ...; staged under <policies>: <organ>; ...". `g` is grade_keystone(s).
[[nodiscard]] inline std::string render(const keystone_grade_result& g, const keystone_stages& s,
                                        const message_catalogue& cat = english()) {
    namespace t = detail::agvhd_text;
    return hsct::detail::concat(
        {t::grade_head(t::keystone_name(cat), s.day, g, "COMP-AGVHD-004", cat), "; ", t::keystone_organs(s, cat)});
}

/// COMP-AGVHD-005: "IBMTR on D+21: index C [COMP-AGVHD-005], decided by ...; staged under
/// <Keystone policies>: <organ>; ...". `g` is grade_ibmtr(s).
[[nodiscard]] inline std::string render(const ibmtr_result& g, const keystone_stages& s,
                                        const message_catalogue& cat = english()) {
    namespace t = detail::agvhd_text;
    return hsct::detail::concat(
        {t::grade_head(t::ibmtr_name(cat), s.day, g, "COMP-AGVHD-005", cat), "; ", t::keystone_organs(s, cat)});
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_ACUTE_GVHD_TEXT_HPP
