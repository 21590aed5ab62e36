// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for NIH 2014 chronic GVHD global severity (COMP-CGVHD-020, -021), rendered from the
// result's data through a message catalogue:
//
//   hsct::complications::render(*assess_cgvhd_global_severity(scores));
//   // "chronic GVHD global severity (NIH 2014): mild chronic GVHD [COMP-CGVHD-020]: 1 or 2 organs
//   //  scored 1, lung score 0, decided by skin, mouth; organs involved: skin, mouth: highest score
//   //  of an organ other than the lungs (3: severe): 1 points >= 3 points: not met
//   //  [COMP-CGVHD-020]; ..."
//   hsct::complications::render(*assess_chronic_gvhd_severity(findings));   // the global severity,
//   //  then the organ scores (chronic_gvhd_scores_text.hpp)
//
// The severity with its requirement, "(a lower bound)" when an organ not assessed or scored as a
// lower bound could raise it, every clause met at that level and the organs those clauses name,
// the organs involved, those not assessed, those explained entirely by another cause (not
// counted) and those scored as a lower bound, then every criterion evaluated from the top, as core
// renders it (scores in points, organs as a count; a lung score not counted shows "none", its
// outcome unknown or not applicable).
//
// Catalogue keys: group "cgvhd_global_severity", keys "title", "lower_bound", "involved", "not_assessed",
// "excluded", "lower_bound_organs"; group "complications" key "decided_by"; enum labels by their
// table names (cgvhd_severity, cgvhd_severity_clause, nih_organ, cgvhd_severity_criterion,
// outcome, comparator, count_unit); and those of chronic_gvhd_scores_text.hpp.
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_SEVERITY_TEXT_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_SEVERITY_TEXT_HPP

#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/chronic_gvhd_scores_text.hpp"
#include "hsct/complications/chronic_gvhd_severity.hpp"
#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"

namespace hsct::complications {

/// COMP-CGVHD-020/021: "chronic GVHD global severity (NIH 2014): <severity>[ (a lower bound)]
/// [COMP-CGVHD-020]: <clause>, <clause>, decided by <organs>; organs involved: <organs>[; not
/// assessed: <organs>][; not counted, another cause: <organs>][; scored as a lower bound:
/// <organs>]: <criterion>; ...".
[[nodiscard]] inline std::string render(const cgvhd_global_severity_result& r,
                                        const message_catalogue& cat = english()) {
    namespace t = detail::text;
    const auto w = [&](std::string_view key, std::string_view en) {
        return cat.text("cgvhd_global_severity", key, en);
    };
    std::string s =
        hsct::detail::concat({w("title", "chronic GVHD global severity (NIH 2014)"), ": ", cat.label(r.severity)});
    if (r.lower_bound) {
        s += hsct::detail::concat({" (", w("lower_bound", "a lower bound"), ")"});
    }
    s += hsct::detail::concat({" [COMP-CGVHD-020]: ", t::labels(r.clauses, cat)});
    if (!r.deciding_organs.empty()) {
        s += hsct::detail::concat(
            {", ", t::word(cat, "decided_by", "decided by"), " ", t::labels(r.deciding_organs, cat)});
    }
    s += hsct::detail::concat({"; ", w("involved", "organs involved"), ": ", t::labels(r.involved, cat)});
    const auto list = [&](const hsct::enum_set<nih_organ>& set, std::string_view key, std::string_view en) {
        if (!set.empty()) {
            s += hsct::detail::concat({"; ", w(key, en), ": ", t::labels(set, cat)});
        }
    };
    list(r.not_assessed, "not_assessed", "not assessed");
    list(r.excluded, "excluded", "not counted, another cause");
    list(r.lower_bound_organs, "lower_bound_organs", "scored as a lower bound");
    return t::with_criteria(std::move(s), r.criteria, cat);
}

/// COMP-CGVHD-010..021: the global severity, then the organ scores it was decided from:
/// "<global severity>; <organ scores>".
[[nodiscard]] inline std::string render(const chronic_gvhd_severity_result& r,
                                        const message_catalogue& cat = english()) {
    return hsct::detail::concat({render(r.global, cat), "; ", render(r.organs, cat)});
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_SEVERITY_TEXT_HPP
