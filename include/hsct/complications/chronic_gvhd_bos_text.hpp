// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for bronchiolitis obliterans syndrome diagnosed clinically (COMP-CGVHD-003), rendered from
// the bos_result's data through a message catalogue:
//
//   hsct::complications::render(*assess_bos(in));
//   // "bronchiolitis obliterans syndrome (NIH 2014): met [COMP-CGVHD-003] under decline in
//   //  percentage points of predicted: FEV1/VC below 0.7: 0.62 < 0.7: met (hsct reading,
//   //  unverified) [COMP-CGVHD-003]; FEV1 below 75 % of predicted: 58 % < 75 %: met (hsct
//   //  reading, unverified) [COMP-CGVHD-003]; ..."
//
// The status (met, not met, unknown) with its requirement, the basis of the FEV1 decline, the
// inputs missing, then every criterion recorded, as core renders it: FEV1/VC, FEV1 and the decline
// in %, the interval between the two FEV1 readings in days, the infection work-up and the
// supportive features. Every criterion carries core's "(hsct reading, unverified)": the rule is
// NIH 2014 as recalled, not read [M].
//
// Catalogue keys: group "bos", key "title"; group "complications" keys "under", "missing"; enum
// labels by their table names (outcome, fev1_decline_basis, bos_criterion, bos_field, comparator,
// count_unit).
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_BOS_TEXT_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_BOS_TEXT_HPP

#include <string>
#include <utility>

#include "hsct/complications/chronic_gvhd_bos.hpp"
#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"

namespace hsct::complications {

/// COMP-CGVHD-003: "bronchiolitis obliterans syndrome (NIH 2014): <status> [COMP-CGVHD-003] under
/// <decline basis>[ (missing: <input>; ...)]: <criterion>; ...".
[[nodiscard]] inline std::string render(const bos_result& r, const message_catalogue& cat = english()) {
    std::string s =
        hsct::detail::concat({cat.text("bos", "title", "bronchiolitis obliterans syndrome (NIH 2014)"), ": ",
                              cat.label(r.status), " [COMP-CGVHD-003] ", detail::text::word(cat, "under", "under"), " ",
                              cat.label(r.options.decline), detail::text::missing(r.missing, cat)});
    return detail::text::with_criteria(std::move(s), r.criteria, cat);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_BOS_TEXT_HPP
