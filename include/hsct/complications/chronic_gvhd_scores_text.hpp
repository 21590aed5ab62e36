// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the NIH 2014 chronic GVHD organ scores (COMP-CGVHD-010..019), rendered from the
// nih_organ_scores_result's data through a message catalogue:
//
//   hsct::complications::render(*assess_nih_organ_scores(in));
//   // "NIH 2014 organ scores on D+400 under 3 mg/dL is liver score 2 (score 3 above 3), without
//   //  FEV1, the symptom score, pruritus not scored (NIH 2014) (missing: ...): skin 3, mouth not
//   //  assessed, ..., lungs 1 (FEV1 score), ...: skin: any BSA involved (score 1): 10 % > 0 %: met
//   //  [COMP-CGVHD-010]; ..."
//
// The day of the assessment (when given), the three scoring policies, the inputs missing, each
// organ's score as global severity reads it ("3", "1 (a lower bound)", "not assessed", "2
// (explained entirely by another cause (not counted))"), the lungs with the source of their score
// and the symptom score beside it, then every criterion evaluated, as core renders it: % BSA and
// weight loss in %, bilirubin in mg/dL, ALT, AP and bilirubin against their ULN,
// FEV1 in %, eye drops a day, the clinician's graded findings by their labels. A value in a gap
// between two printed bands carries core's "(hsct reading, unverified)".
//
// Catalogue keys: group "cgvhd_scores", keys "title", "lower_bound", "symptom_score"; group
// "complications" keys "on", "under", "missing"; enum labels by their table names (nih_organ,
// nih_organ_state, lung_score_source, liver_bilirubin_edge, lung_without_fev1,
// skin_pruritus_rule, cgvhd_score_criterion, cgvhd_score_field, skin_sclerosis, mouth_finding,
// dry_eye, diarrhoea_grade, lung_symptoms, joint_fascia_finding, genital_finding, outcome,
// comparator, count_unit).
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_SCORES_TEXT_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_SCORES_TEXT_HPP

#include <string>
#include <utility>

#include "hsct/complications/chronic_gvhd_scores.hpp"
#include "hsct/complications/detail/criteria_text.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

/// An organ's score as global severity reads it: "3", "1 (a lower bound)", "not assessed", "2
/// (explained entirely by another cause (not counted))".
[[nodiscard]] inline std::string render(const nih_organ_score& o, const message_catalogue& cat = english()) {
    if (o.state == nih_organ_state::not_assessed) {
        return std::string(cat.label(o.state));
    }
    std::string s = std::to_string(o.score.value());
    if (o.lower_bound) {
        s += hsct::detail::concat({" (", cat.text("cgvhd_scores", "lower_bound", "a lower bound"), ")"});
    }
    if (o.state != nih_organ_state::scored) {
        s += hsct::detail::concat({" (", cat.label(o.state), ")"});
    }
    return s;
}

/// COMP-CGVHD-010..019: "NIH 2014 organ scores[ on <day>] under <policies>[ (missing: ...)]:
/// <organ> <score>, ..., lungs <score> (<source>; symptom score <n>), ...: <criterion>; ...".
[[nodiscard]] inline std::string render(const nih_organ_scores_result& r, const message_catalogue& cat = english()) {
    std::string s(cat.text("cgvhd_scores", "title", "NIH 2014 organ scores"));
    if (r.day) {
        s += hsct::detail::concat({" ", detail::text::word(cat, "on", "on"), " ", hsct::to_string(*r.day)});
    }
    s += hsct::detail::concat({" ", detail::text::word(cat, "under", "under"), " ", cat.label(r.options.liver_edge),
                               ", ", cat.label(r.options.lung_fallback), ", ", cat.label(r.options.pruritus),
                               detail::text::missing(r.criteria.missing_inputs(), cat), ": "});
    const char* sep = "";
    for (const nih_organ o : hsct::values<nih_organ>()) {
        s += hsct::detail::concat({sep, cat.label(o), " ", render(r.scores.of(o), cat)});
        sep = ", ";
        if (o == nih_organ::lungs && (r.lung_source != lung_score_source::none || r.lung_symptom_score)) {
            s += hsct::detail::concat({" (", cat.label(r.lung_source)});
            if (r.lung_symptom_score && r.lung_source != lung_score_source::symptom_score) {
                s += hsct::detail::concat({"; ", cat.text("cgvhd_scores", "symptom_score", "symptom score"), " ",
                                           std::to_string(r.lung_symptom_score->value())});
            }
            s += ")";
        }
    }
    return detail::text::with_criteria(std::move(s), r.criteria, cat);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_SCORES_TEXT_HPP
