// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for red-cell recovery (ENG-RBC-001..003), rendered from the red_cell_result's data through
// a message catalogue:
//
//   hsct::engraftment::render(*assess_red_cell_recovery(*hb_series, *transfusions));
//   // "red-cell recovery: engrafted on D+16 (last red-cell transfusion: D+9) under haemoglobin >
//   //  80 g/L (EBMT 2019), a run of 3 consecutive measurement days (CIBMTR), each at least 7 days
//   //  after a red-cell transfusion (run and interval: hsct's policy): D+3: haemoglobin not above
//   //  the threshold (counting starts): 75 g/L <= 80 g/L: met [ENG-RBC-001]; D+16: haemoglobin
//   //  above the threshold: 84 g/L > 80 g/L: met [ENG-RBC-001], days since the last red-cell
//   //  transfusion: 7 days >= 7 days: met (hsct reading, unverified) [ENG-RBC-001]; ..."
//
// The status and its day, the latest red-cell transfusion (CIBMTR's item, "none" without one),
// the policy: the threshold with its comparison in g/L, marked "EBMT 2019" when it is that
// definition's > 80 g/L and "the centre's threshold" otherwise, the run's length, what
// "consecutive" means and the transfusion-free interval, marked as hsct's policy (ENG-RBC-002);
// then each criterion recorded, with its day: what started the count (a value not above the
// threshold, or a red-cell transfusion), each run day's haemoglobin and its days since the last
// red-cell transfusion (or the run in progress and what broke the latest one). Haemoglobin in g/L
// with the decimals its threshold has (none for 80 g/L, one for a centre's 82.5 g/L: core's
// rendering alone would show that threshold as 82), more where CORE-EXPLAIN-003 needs them; days
// since a transfusion in whole days. A criterion recorded with verified = false (the window and
// the run, a centre's threshold: hsct's policy [P]) carries core's "(hsct reading, unverified)". A
// status with no criterion (never below the threshold, no values) names ENG-RBC-003. Catalogue
// keys: group "red_cell", keys "title", "last_transfusion", "haemoglobin", "cited", "centre",
// "at_least", "days_after", "policy"; group "engraftment" (see
// count_series_text.hpp); group "text" key "none"; enum labels by their table names
// (engraftment_status, comparator, consecutive_rule, red_cell_criterion, outcome, count_unit).
#ifndef HSCT_ENGRAFTMENT_RED_CELL_TEXT_HPP
#define HSCT_ENGRAFTMENT_RED_CELL_TEXT_HPP

#include <cmath>
#include <string>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series_text.hpp"
#include "hsct/engraftment/red_cell.hpp"

namespace hsct::engraftment {

/// "red-cell recovery: <status>[ on <day>] (last red-cell transfusion: <day>|none) under
/// haemoglobin <cmp> <n> g/L (<source>), a run of <n> <consecutive>, each at least <k> days after
/// a red-cell transfusion (run and interval: hsct's policy): <day>: <criterion>[, <criterion>]; ...".
[[nodiscard]] inline std::string render(const red_cell_result& r, const message_catalogue& cat = english()) {
    const auto& o = r.options;
    const double g_per_l = o.threshold.in(hsct::units::g_per_l);
    // the fewest decimals (up to 2) that show the threshold as it is: 80 g/L, a centre's 82.5 g/L
    int decimals = 0;
    while (decimals < 2 && std::abs(hsct::detail::rounded(g_per_l, decimals) - g_per_l) > 1e-9) {
        ++decimals;
    }
    std::string head = hsct::detail::concat(
        {cat.text("red_cell", "title", "red-cell recovery"), ": ",
         render(engraftment_day{r.status, r.day}, cat), " (",
         cat.text("red_cell", "last_transfusion", "last red-cell transfusion"), ": ",
         r.last_transfusion ? hsct::to_string(*r.last_transfusion) : std::string(cat.text("text", "none", "none")),
         ") ", cat.text("engraftment", "under", "under"), " ", cat.text("red_cell", "haemoglobin", "haemoglobin"),
         " ", cat.label(o.comparison), " ", hsct::display(o.threshold, hsct::units::g_per_l, decimals), " (",
         red_cell_threshold_cited(o) ? cat.text("red_cell", "cited", "EBMT 2019")
                                     : cat.text("red_cell", "centre", "the centre's threshold"),
         "), ", cat.text("engraftment", "run_of", "a run of"), " ", std::to_string(o.run_length), " ",
         cat.label(o.consecutive), ", ", cat.text("red_cell", "at_least", "each at least"), " ",
         std::to_string(o.transfusion_free_days), " ",
         cat.text("red_cell", "days_after", "days after a red-cell transfusion"), " (",
         cat.text("red_cell", "policy", "run and interval: hsct's policy"), ")"});
    // haemoglobin with the threshold's decimals, so that a centre's 82.5 g/L is not shown as 82
    return detail::join_dated_criteria(
        std::move(head), r.criteria,
        [&](const hsct::criterion<red_cell_criterion>& c) {
            return hsct::render(c, cat, c.measured.what() == hsct::measure::kind::quantity ? decimals : 0);
        },
        "ENG-RBC-003");
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_RED_CELL_TEXT_HPP
