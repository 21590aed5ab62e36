// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Chronic GVHD, NIH 2014 (Jagasia et al., Biol Blood Marrow Transplant 2015;21:389), in one
// include: the diagnosis from diagnostic and distinctive signs (chronic_gvhd_diagnosis.hpp),
// clinical bronchiolitis obliterans syndrome (chronic_gvhd_bos.hpp), the eight organ scores 0-3
// from raw findings (chronic_gvhd_scores.hpp) and global severity with the lung rule
// (chronic_gvhd_severity.hpp). The NIH acute/chronic category is in gvhd_category.hpp.
//
//   using namespace hsct::complications;
//   auto dx = assess_chronic_gvhd_diagnosis(signs);          // result<cgvhd_diagnosis_result>
//   auto sev = assess_chronic_gvhd_severity(organ_findings);  // result<chronic_gvhd_severity_result>
//   sev->global.severity;                                     // cgvhd_severity::moderate
//   sev->global.clauses;                                      // e.g. {moderate_lung_score_1}
//
// Scope: diagnosis, organ scores and global severity. NIH 2014 response assessment (Lee et al.
// 2015) is outside the module by decision: its organ-response table was not available to verify,
// and issue 13 admits response criteria only where the primary source is firm
// (docs/complications.md, "Limits").
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_HPP

#include "hsct/complications/chronic_gvhd_bos.hpp"
#include "hsct/complications/chronic_gvhd_diagnosis.hpp"
#include "hsct/complications/chronic_gvhd_scores.hpp"
#include "hsct/complications/chronic_gvhd_severity.hpp"

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_HPP
