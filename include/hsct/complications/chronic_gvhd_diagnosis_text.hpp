// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the NIH 2014 chronic GVHD diagnosis (COMP-CGVHD-001, -002, -004), rendered from the
// cgvhd_diagnosis_result's data through a message catalogue:
//
//   hsct::complications::render(*assess_chronic_gvhd_diagnosis(in));
//   // "chronic GVHD diagnosis (NIH 2014): chronic GVHD (NIH 2014) [COMP-CGVHD-001], a distinctive
//   //  sign, confirmed; sites: mouth; confirmed by: pertinent biopsy: distinctive sign present:
//   //  xerostomia: met [COMP-CGVHD-002]; biopsy, laboratory or radiology confirmation: pertinent
//   //  biopsy: met [COMP-CGVHD-001]; other causes excluded: present: met [COMP-CGVHD-001]"
//
// The status with its requirement, the arm of the rule the signs meet, the sites with a sign, what
// confirmed a distinctive sign, clinical BOS that did not count (a lung biopsy needed), the inputs
// missing, then every criterion as core renders it: each sign found (diagnostic or distinctive),
// clinical BOS against the distinctive signs in other sites (hsct's reading, marked unverified),
// the confirmation and the exclusion of other causes.
//
// Catalogue keys: group "cgvhd_diagnosis", keys "title", "sites", "confirmed_by",
// "bos_needs_biopsy"; group "complications" key "missing"; group "text" key "none"; enum labels by
// their table names (cgvhd_diagnosis_status, cgvhd_diagnosis_basis, cgvhd_site,
// cgvhd_confirmation, cgvhd_sign, cgvhd_diagnosis_criterion, cgvhd_diagnosis_field, outcome,
// comparator).
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_DIAGNOSIS_TEXT_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_DIAGNOSIS_TEXT_HPP

#include <string>
#include <utility>
#include <string_view>

#include "hsct/complications/chronic_gvhd_diagnosis.hpp"
#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"

namespace hsct::complications {

/// COMP-CGVHD-001: "chronic GVHD diagnosis (NIH 2014): <status> [COMP-CGVHD-001], <basis>; sites:
/// <sites>; confirmed by: <kinds>[; clinical BOS needs a lung biopsy][ (missing: <input>)]:
/// <criterion>; ...".
[[nodiscard]] inline std::string render(const cgvhd_diagnosis_result& r, const message_catalogue& cat = english()) {
    const auto w = [&](std::string_view key, std::string_view en) {
        return cat.text("cgvhd_diagnosis", key, en);
    };
    std::string s = hsct::detail::concat({w("title", "chronic GVHD diagnosis (NIH 2014)"), ": ", cat.label(r.status),
                                          " [COMP-CGVHD-001], ", cat.label(r.basis), "; ", w("sites", "sites"), ": ",
                                          detail::text::labels(r.sites, cat), "; ", w("confirmed_by", "confirmed by"),
                                          ": ", detail::text::labels(r.confirmed_by, cat)});
    if (r.bos_needs_biopsy) {
        s += hsct::detail::concat(
            {"; ", w("bos_needs_biopsy", "clinical BOS without a distinctive sign elsewhere: a lung biopsy is needed"),
             " [COMP-CGVHD-004]"});
    }
    s += detail::text::missing(r.missing, cat);
    return detail::text::with_criteria(std::move(s), r.criteria, cat);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_DIAGNOSIS_TEXT_HPP
