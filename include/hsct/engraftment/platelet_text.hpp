// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for platelet engraftment (ENG-PLT-001..003), rendered from the platelet_result's data
// through a message catalogue:
//
//   hsct::engraftment::render(*assess_platelet_engraftment(*platelet_series, *transfusions));
//   // "platelet engraftment: engrafted on D+7 under platelets >= 20 x10^9/L (CIBMTR, ASTCT 2021,
//   //  EBMT 2024), a run of 3 consecutive measurement days (CIBMTR), each at least 7 days after a
//   //  platelet transfusion: D0: a platelet transfusion (counting starts): present: met
//   //  [ENG-PLT-001]; D+7: platelets at the threshold or above: 25 x10^9/L >= 20 x10^9/L: met
//   //  [ENG-PLT-001], days since the last platelet transfusion: 7 days >= 7 days: met
//   //  [ENG-PLT-001]; D+8: ..."
//
// The status and its day, the milestone, the run's length, what "consecutive" means and the
// transfusion-free interval, then each criterion recorded, with its day: what started the count
// (a value below the threshold, or a platelet transfusion), each run day's count and its days
// since the last platelet transfusion (or the run in progress and what broke the latest one).
// Platelets in x10^9/L without decimals (more where CORE-EXPLAIN-003 needs them). A status with no
// criterion names ENG-PLT-003. Catalogue keys: group "platelet", keys "title", "at_least",
// "days_after"; group "engraftment" (see count_series_text.hpp); enum labels by their table
// names (engraftment_status, platelet_milestone, consecutive_rule, platelet_criterion, outcome,
// comparator, count_unit).
#ifndef HSCT_ENGRAFTMENT_PLATELET_TEXT_HPP
#define HSCT_ENGRAFTMENT_PLATELET_TEXT_HPP

#include <string>
#include <utility>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series_text.hpp"
#include "hsct/engraftment/platelet.hpp"

namespace hsct::engraftment {

/// "platelet engraftment: <status>[ on <day>] under <milestone>, a run of <n> <consecutive>, each
/// at least <k> days after a platelet transfusion: <day>: <criterion>[, <criterion>]; ...".
[[nodiscard]] inline std::string render(const platelet_result& r, const message_catalogue& cat = english()) {
    std::string head = detail::milestone_head(cat.text("platelet", "title", "platelet engraftment"),
                                              engraftment_day{r.status, r.day}, r.options.milestone,
                                              r.options.run_length, r.options.consecutive, cat);
    head += hsct::detail::concat({", ", cat.text("platelet", "at_least", "each at least"), " ",
                                  std::to_string(r.options.transfusion_free_days), " ",
                                  cat.text("platelet", "days_after", "days after a platelet transfusion")});
    return detail::with_dated_criteria(std::move(head), r.criteria, cat, hsct::display_decimals<hsct::platelets>(),
                                       "ENG-PLT-003");
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_PLATELET_TEXT_HPP
