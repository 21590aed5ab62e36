// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the NIH acute/chronic GVHD category (COMP-CAT-001..004), rendered from the
// gvhd_category_result's data through a message catalogue:
//
//   hsct::complications::render(*assess_gvhd_category(in));
//   // "NIH GVHD category on D+150: late-onset acute GVHD [COMP-CAT-001] under day 100 is classic
//   //  acute (up to day 100): features of acute GVHD: present: met [COMP-CAT-001]; chronic GVHD
//   //  (NIH 2014 diagnosis): absent: not met [COMP-CAT-001]; after day 100: D+150 > D+100: met
//   //  (hsct reading, unverified) [COMP-CAT-002]; first acute onset after day 100: D+140 > D+100:
//   //  met (hsct reading, unverified) [COMP-CAT-003]"
//
// The day assessed, the category with its requirement, the day-100 policy, the inputs missing,
// then every criterion as core renders it, the day criteria as transplant days against day 100
// ("D+150 > D+100"; the day-100 edge is a policy and the late subtypes hsct's reading, so these
// carry core's "(hsct reading, unverified)").
//
// Catalogue keys: group "nih_category", key "title"; group "complications" keys "on", "under",
// "missing"; enum labels by their table names (gvhd_category, category_day_100,
// gvhd_category_criterion, gvhd_category_field, outcome, comparator).
#ifndef HSCT_COMPLICATIONS_GVHD_CATEGORY_TEXT_HPP
#define HSCT_COMPLICATIONS_GVHD_CATEGORY_TEXT_HPP

#include <string>

#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/complications/gvhd_category.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

/// COMP-CAT-001..004: "NIH GVHD category on <day>: <category> [COMP-CAT-001] under <day-100
/// policy>[ (missing: <input>; ...)]: <criterion>; ...".
[[nodiscard]] inline std::string render(const gvhd_category_result& r, const message_catalogue& cat = english()) {
    namespace t = detail::text;
    return t::with_each(hsct::detail::concat({cat.text("nih_category", "title", "NIH GVHD category"), " ",
                                              t::word(cat, "on", "on"), " ", hsct::to_string(r.day), ": ",
                                              cat.label(r.category), " [COMP-CAT-001] ", t::word(cat, "under", "under"),
                                              " ", cat.label(r.options.day_100), t::missing(r.missing, cat)}),
                        r.criteria, [&](const hsct::criterion<gvhd_category_criterion>& c) {
                            return c.id == gvhd_category_criterion::after_day_100 ||
                                           c.id == gvhd_category_criterion::onset_after_day_100
                                       ? t::day_criterion(c, cat)
                                       : t::criterion(c, cat);
                        });
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_GVHD_CATEGORY_TEXT_HPP
