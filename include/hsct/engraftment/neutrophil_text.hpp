// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for neutrophil engraftment (ENG-NEUT-001..003), rendered from the neutrophil_result's data
// through a message catalogue:
//
//   hsct::engraftment::render(*assess_neutrophil_engraftment(*s));
//   // "neutrophil engraftment: engrafted on D+12 under ANC >= 0.5 x10^9/L (ASTCT 2021, EBMT 2024,
//   //  CIBMTR), a run of 3 consecutive measurement days (CIBMTR): D+10: ANC below the threshold
//   //  (the nadir reached): 0.10 x10^9/L < 0.5 x10^9/L: met [ENG-NEUT-001]; D+12: ANC at the
//   //  threshold or above: 0.60 x10^9/L >= 0.5 x10^9/L: met [ENG-NEUT-001]; D+13: ...; D+14: ..."
//
// The status and its day, the definition, the run's length and what "consecutive" means, then
// each criterion recorded, with its day: the nadir, the run's days (or the run in progress and
// the value that broke the latest one). ANC in x10^9/L with two decimals (more where
// CORE-EXPLAIN-003 needs them). A status with no criterion (never below the threshold, no values)
// names ENG-NEUT-003. Catalogue keys: group "neutrophil", key "title"; group "engraftment" (see
// count_series_text.hpp); enum labels by their table names (engraftment_status,
// neutrophil_definition, consecutive_rule, neutrophil_criterion, outcome, comparator).
#ifndef HSCT_ENGRAFTMENT_NEUTROPHIL_TEXT_HPP
#define HSCT_ENGRAFTMENT_NEUTROPHIL_TEXT_HPP

#include <string>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series_text.hpp"
#include "hsct/engraftment/neutrophil.hpp"

namespace hsct::engraftment {

/// "neutrophil engraftment: <status>[ on <day>] under <definition>, a run of <n> <consecutive>:
/// <day>: <criterion>; ...".
[[nodiscard]] inline std::string render(const neutrophil_result& r, const message_catalogue& cat = english()) {
    return detail::with_dated_criteria(
        detail::milestone_head(cat.text("neutrophil", "title", "neutrophil engraftment"),
                               engraftment_day{r.status, r.day}, r.options.definition, r.options.run_length,
                               r.options.consecutive, cat),
        r.criteria, cat, hsct::display_decimals<hsct::anc>(), "ENG-NEUT-003");
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_NEUTROPHIL_TEXT_HPP
