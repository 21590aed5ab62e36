// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for count series (ENG-SERIES-001..004), the milestone days read from them (ENG-NEUT-003,
// ENG-PLT-003) and dated criteria, rendered from their data through a message catalogue:
//
//   hsct::engraftment::render(*consolidate<hsct::anc>(results));
//   // "days: 2 (one value a day: a manual count first, then the lowest; corrected results: 1):
//   //  D+11: 0.35 x10^9/L; D+12: 0.60 x10^9/L"
//   hsct::engraftment::render(*neutrophil_engraftment_day(*s));   // "engrafted on D+12"
//   hsct::engraftment::render(r.criteria[1]);
//   // "D+12: ANC at the threshold or above: 0.60 x10^9/L >= 0.5 x10^9/L: met [ENG-NEUT-001]"
//
// Values are shown in the analyte's canonical unit with its usual decimals (hsct::display);
// days as hsct prints transplant days (D-7, D0, D+12). Catalogue keys, group "engraftment"
// (the words the module's text headers share): "on", "under", "run_of", "days", "one_a_day",
// "corrected", "results_that_day", "result", "replaces"; enum labels by their table names
// (engraftment_status, count_method, same_day_policy, outcome, comparator).
#ifndef HSCT_ENGRAFTMENT_COUNT_SERIES_TEXT_HPP
#define HSCT_ENGRAFTMENT_COUNT_SERIES_TEXT_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series.hpp"

namespace hsct::engraftment {

/// "engrafted on D+12"; without a day, the status alone ("not yet engrafted").
[[nodiscard]] inline std::string render(const engraftment_day& d, const message_catalogue& cat = english()) {
    std::string s(cat.label(d.status));
    if (d.day) {
        s += hsct::detail::concat({" ", cat.text("engraftment", "on", "on"), " ", hsct::to_string(*d.day)});
    }
    return s;
}

/// "D+12: 0.52 x10^9/L (manual count; results that day: 3)": the day's value in its canonical
/// unit; the method and the number of results only when the value was a manual count or the day
/// had several.
template <class A>
[[nodiscard]] std::string render(const day_value<A>& v, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({hsct::to_string(v.day), ": ", hsct::display(v.value)});
    if (v.method == count_method::manual || v.results > 1) {
        s += hsct::detail::concat({" (", cat.label(v.method)});
        if (v.results > 1) {
            s += hsct::detail::concat({"; ", cat.text("engraftment", "results_that_day", "results that day"), ": ",
                                       std::to_string(v.results)});
        }
        s += ")";
    }
    return s;
}

/// "D+11: 0.35 x10^9/L (automated count; result 42; replaces result 41)": one result as received;
/// the parenthesis only for a manual count, an identifier or a correction.
template <class A>
[[nodiscard]] std::string render(const count_record<A>& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({hsct::to_string(r.day), ": ", hsct::display(r.value)});
    if (r.method == count_method::manual || r.id != 0 || r.replaces != 0) {
        s += hsct::detail::concat({" (", cat.label(r.method)});
        if (r.id != 0) {
            s += hsct::detail::concat({"; ", cat.text("engraftment", "result", "result"), " ", std::to_string(r.id)});
        }
        if (r.replaces != 0) {
            s += hsct::detail::concat({"; ", cat.text("engraftment", "replaces", "replaces result"), " ",
                                       std::to_string(r.replaces)});
        }
        s += ")";
    }
    return s;
}

/// "days: <n> (one value a day: <policy>[; corrected results: <k>]): <day>; <day>; ..."
template <class A>
[[nodiscard]] std::string render(const day_series<A>& s, const message_catalogue& cat = english()) {
    std::string out = hsct::detail::concat({cat.text("engraftment", "days", "days"), ": ", std::to_string(s.size()), " (",
                                            cat.text("engraftment", "one_a_day", "one value a day"), ": ",
                                            cat.label(s.policy())});
    if (s.corrected() > 0) {
        out += hsct::detail::concat({"; ", cat.text("engraftment", "corrected", "corrected results"), ": ",
                                     std::to_string(s.corrected())});
    }
    out += ")";
    const char* sep = ": ";
    for (const auto& v : s.days()) {
        out += hsct::detail::concat({sep, render(v, cat)});
        sep = "; ";
    }
    return out;
}

/// "D+12: <the criterion as core renders it>", the number shown with at least `min_decimals`
/// decimals (more where CORE-EXPLAIN-003 needs them).
template <class Id>
[[nodiscard]] std::string render(const dated_criterion<Id>& c, const message_catalogue& cat = english(),
                                 int min_decimals = 0) {
    return hsct::detail::concat({hsct::to_string(c.day), ": ", hsct::render(c.criterion, cat, min_decimals)});
}

namespace detail {
/// `head`, then a rule's dated criteria, each as `one(criterion)` renders it: "<head>: D+12:
/// <criterion>, <another of that day>; D+13: ..." (the day said once for the criteria of one day
/// that follow each other); with none, "<head> [<requirement>]", the requirement that defines a
/// status without evidence.
template <class Id, std::size_t N, class One>
[[nodiscard]] std::string join_dated_criteria(std::string head, const hsct::fixed_list<dated_criterion<Id>, N>& list,
                                              const One& one, const char* requirement) {
    if (list.empty()) {
        return hsct::detail::concat({head, " [", requirement, "]"});
    }
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (k > 0 && list[k].day == list[k - 1].day) {
            head += hsct::detail::concat({", ", one(list[k].criterion)});
        } else {
            head += hsct::detail::concat({k > 0 ? "; " : ": ", hsct::to_string(list[k].day), ": ", one(list[k].criterion)});
        }
    }
    return head;
}

/// The same, each criterion as core renders it with at least `min_decimals` decimals.
template <class Id, std::size_t N>
[[nodiscard]] std::string with_dated_criteria(std::string head, const hsct::fixed_list<dated_criterion<Id>, N>& list,
                                              const message_catalogue& cat, int min_decimals,
                                              const char* requirement) {
    return join_dated_criteria(
        std::move(head), list,
        [&](const hsct::criterion<Id>& c) { return hsct::render(c, cat, min_decimals); }, requirement);
}

/// The head of a milestone's text: "<title>: <status>[ on <day>] under <definition>, a run of
/// <n> <consecutive rule>".
template <class Definition, class Consecutive>
[[nodiscard]] std::string milestone_head(std::string_view title, const engraftment_day& d, Definition definition,
                                         unsigned run_length, Consecutive consecutive, const message_catalogue& cat) {
    return hsct::detail::concat({title, ": ", render(d, cat), " ", cat.text("engraftment", "under", "under"), " ",
                                 cat.label(definition), ", ", cat.text("engraftment", "run_of", "a run of"), " ",
                                 std::to_string(run_length), " ", cat.label(consecutive)});
}
}  // namespace detail

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_COUNT_SERIES_TEXT_HPP
