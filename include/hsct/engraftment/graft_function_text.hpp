// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for graft function after recovery (ENG-GF-003..006), rendered from the
// graft_function_result's data through a message catalogue:
//
//   hsct::engraftment::render(*assess_secondary_graft_failure(in));
//   // "secondary graft failure: met under ASTCT 2021 / EBMT 2024: D+16: neutrophil recovery:
//   //  present: met [ENG-GF-003]; D+22: platelet recovery: present: met [ENG-GF-003]; D+90: ANC
//   //  below the cytopenia threshold: 0.30 x10^9/L < 0.5 x10^9/L: met [ENG-GF-003], ..."
//   hsct::engraftment::render(*assess_delayed_engraftment(n, source, through, centre));
//   // "delayed engraftment (local policy): met under the centre's own definition, not a published
//   //  one: D+22: engraftment after the centre's day: D+22 > D+21: met (hsct reading,
//   //  unverified) [ENG-GF-006], ..."
//
// The rule, its status, the definition it ran under (secondary graft failure and poor graft
// function; the other two have one), the centre's own definition where the result is
// local_policy (delayed engraftment: no published definition exists), the findings the rule
// needed and was not given, then each criterion recorded, with its day. ANC in x10^9/L with two
// decimals, platelets in x10^9/L and haemoglobin in g/L without (more where CORE-EXPLAIN-003
// needs them); day counts in days; the delayed-engraftment criteria compare transplant days
// ("D+22 > D+21"). A criterion recorded with verified = false (hsct's reading, a centre's policy)
// carries core's "(hsct reading, unverified)". Catalogue keys: group "graft_function", keys
// "local_policy", "missing"; group "engraftment" key "under"; enum labels by their table names
// (graft_function_rule, graft_function_status, graft_function_definition, graft_function_field,
// graft_function_criterion, chimerism_category, outcome, comparator, count_unit); group "text"
// keys "present", "absent", "missing", "unverified".
#ifndef HSCT_ENGRAFTMENT_GRAFT_FUNCTION_TEXT_HPP
#define HSCT_ENGRAFTMENT_GRAFT_FUNCTION_TEXT_HPP

#include <string>
#include <utility>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series_text.hpp"
#include "hsct/engraftment/graft_failure_text.hpp"
#include "hsct/engraftment/graft_function.hpp"

namespace hsct::engraftment {

namespace detail {
/// One criterion: an ANC with its usual decimals, the delayed-engraftment days as transplant days,
/// any other as core renders it (platelets, haemoglobin in g/L and day counts without decimals).
[[nodiscard]] inline std::string graft_function_criterion_text(const hsct::criterion<graft_function_criterion>& c,
                                                               const message_catalogue& cat) {
    using gc = graft_function_criterion;
    if (c.id == gc::after_local_day || c.id == gc::before_cutoff) {
        return criterion_text_showing(c, day_comparison_text(c, cat), cat);
    }
    const bool anc = c.id == gc::anc_low && c.measured.what() == hsct::measure::kind::quantity;
    return hsct::render(c, cat, anc ? hsct::display_decimals<hsct::anc>() : 0);
}

/// The requirement that defines a rule's answer.
[[nodiscard]] constexpr const char* graft_function_requirement(graft_function_rule rule) noexcept {
    switch (rule) {
        case graft_function_rule::secondary_graft_failure: return "ENG-GF-003";
        case graft_function_rule::poor_graft_function: return "ENG-GF-004";
        case graft_function_rule::autologous_reconstitution: return "ENG-GF-005";
        case graft_function_rule::delayed_engraftment: return "ENG-GF-006";
    }
    return "";
}
}  // namespace detail

/// "<rule>: <status>[ under <definition>][ under the centre's own definition, not a published
/// one][ (missing: <finding>; <finding>)]: <day>: <criterion>[, <criterion>]; ...".
[[nodiscard]] inline std::string render(const graft_function_result& r, const message_catalogue& cat = english()) {
    const auto under = cat.text("engraftment", "under", "under");
    std::string head = hsct::detail::concat({cat.label(r.rule), ": ", cat.label(r.status)});
    if (r.rule == graft_function_rule::secondary_graft_failure || r.rule == graft_function_rule::poor_graft_function) {
        head += hsct::detail::concat({" ", under, " ", cat.label(r.definition)});
    }
    if (r.local_policy) {
        head += hsct::detail::concat(
            {" ", under, " ",
             cat.text("graft_function", "local_policy", "the centre's own definition, not a published one")});
    }
    if (!r.missing.empty()) {
        head += hsct::detail::concat({" (", cat.text("graft_function", "missing", "missing"), ": "});
        const char* sep = "";
        for (const graft_function_field f : hsct::values<graft_function_field>()) {
            if (r.missing.contains(f)) {
                head += hsct::detail::concat({sep, cat.label(f)});
                sep = "; ";
            }
        }
        head += ")";
    }
    return detail::join_dated_criteria(
        std::move(head), r.criteria,
        [&](const hsct::criterion<graft_function_criterion>& c) { return detail::graft_function_criterion_text(c, cat); },
        detail::graft_function_requirement(r.rule));
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_GRAFT_FUNCTION_TEXT_HPP
