// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for primary graft failure (ENG-GF-001, ENG-GF-002), rendered from the
// primary_graft_failure_result's data through a message catalogue:
//
//   hsct::engraftment::render(*assess_primary_graft_failure(in, ebmt_2019));
//   // "primary graft failure, cut-off D+28 under EBMT 2019 (historical): day +28, cord +42;
//   //  pancytopenia as the clinician states it: no neutrophil engraftment by the cut-off day:
//   //  engrafted on D+29 > D+28: met [ENG-GF-001]; pancytopenia: present: met [ENG-GF-001]"
//
// The status, the cut-off day, the definition and how pancytopenia is decided, then each
// criterion: the engraftment day against the cut-off (both as transplant days, or "no
// engraftment day"), the pancytopenia stated, or haemoglobin (g/dL, one decimal) and platelets
// (x10^9/L, no decimals) against their limits; an input the rule needed and did not have is
// named ("pancytopenia (the clinician's finding) missing"). Catalogue keys: group "graft_failure",
// keys "cutoff", "no_day"; group "engraftment" key "under", "on"; enum labels by their table
// names (graft_failure_status, graft_failure_definition, pancytopenia_rule,
// graft_failure_criterion, graft_failure_field, outcome, comparator).
#ifndef HSCT_ENGRAFTMENT_GRAFT_FAILURE_TEXT_HPP
#define HSCT_ENGRAFTMENT_GRAFT_FAILURE_TEXT_HPP

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/graft_failure.hpp"

namespace hsct::engraftment {

namespace detail {
/// A day number as hsct prints a transplant day ("D+29"); a number that is not one, as a number.
[[nodiscard]] inline std::string day_number_text(double n) {
    if (std::isfinite(n) && n == std::round(n)) {
        if (const auto d = hsct::transplant_day::make(static_cast<std::int64_t>(n))) {
            return hsct::to_string(*d);
        }
    }
    return hsct::detail::format_number(n);
}

/// "<measured day> <comparator> <threshold day>" ("D+29 > D+28"): a criterion that compares day
/// numbers, shown as transplant days where the generic render would print day counts.
template <class Id>
[[nodiscard]] std::string day_comparison_text(const hsct::criterion<Id>& c, const message_catalogue& cat) {
    return hsct::detail::concat(
        {day_number_text(c.measured.number()), " ", cat.label(c.cmp), " ", day_number_text(c.threshold)});
}

/// "<criterion>: <shown>: <outcome>[ (hsct reading, unverified)][ [<ID>]]": a criterion as core
/// renders one, with `shown` in place of its measured value and threshold.
template <class Id>
[[nodiscard]] std::string criterion_text_showing(const hsct::criterion<Id>& c, std::string_view shown,
                                                 const message_catalogue& cat) {
    std::string s = hsct::detail::concat({cat.label(c.id), ": ", shown, ": ", cat.label(c.result)});
    if (!c.verified) {
        s += hsct::detail::concat({" (", cat.text("text", "unverified", "hsct reading, unverified"), ")"});
    }
    if (c.requirement != nullptr && c.requirement[0] != '\0') {
        s += hsct::detail::concat({" [", c.requirement, "]"});
    }
    return s;
}

/// One criterion; the engraftment day and the cut-off as transplant days ("engrafted on D+29 >
/// D+28"), where the generic render would print day counts.
[[nodiscard]] inline std::string graft_failure_criterion_text(const hsct::criterion<graft_failure_criterion>& c,
                                                              const message_catalogue& cat) {
    if (c.id != graft_failure_criterion::no_engraftment_by_cutoff) {
        return hsct::render(c, cat,
                            c.id == graft_failure_criterion::haemoglobin_low ? hsct::display_decimals<hsct::haemoglobin>()
                                                                             : hsct::display_decimals<hsct::platelets>());
    }
    if (c.measured.what() != hsct::measure::kind::count) {
        return criterion_text_showing(c, cat.text("graft_failure", "no_day", "no engraftment day"), cat);
    }
    return criterion_text_showing(c,
                                  hsct::detail::concat({cat.label(engraftment_status::engrafted), " ",
                                                        cat.text("engraftment", "on", "on"), " ",
                                                        day_comparison_text(c, cat)}),
                                  cat);
}
}  // namespace detail

/// "<status>, cut-off <day> under <definition>; <pancytopenia rule>: <criterion>; ...".
[[nodiscard]] inline std::string render(const primary_graft_failure_result& r,
                                        const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({cat.label(r.status), ", ", cat.text("graft_failure", "cutoff", "cut-off"), " ",
                                          hsct::to_string(r.cutoff), " ", cat.text("engraftment", "under", "under"),
                                          " ", cat.label(r.options.definition), "; ", cat.label(r.options.pancytopenia)});
    const char* sep = ": ";
    for (const auto& c : r.criteria) {
        s += hsct::detail::concat({sep, detail::graft_failure_criterion_text(c, cat)});
        sep = "; ";
    }
    return s;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_GRAFT_FAILURE_TEXT_HPP
