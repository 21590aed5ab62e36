// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Helpers shared by the complications text headers (<rule>_text.hpp): a criterion as core
// renders it with the decimals its value needs, a criterion that compares transplant days shown
// as days ("D+14 <= D+20"), a criterion with a day in front, lists of enumerators and of missing
// inputs. Not part of the public API. Catalogue keys shared by the module's text headers, group
// "complications": "on", "under", "decided_by", "missing"; group "text": "none".
#ifndef HSCT_COMPLICATIONS_DETAIL_CRITERIA_TEXT_HPP
#define HSCT_COMPLICATIONS_DETAIL_CRITERIA_TEXT_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications::detail::text {

/// A word of the module's shared vocabulary (group "complications").
[[nodiscard]] inline std::string_view word(const message_catalogue& cat, std::string_view key,
                                           std::string_view english) noexcept {
    return cat.text("complications", key, english);
}

/// The fewest decimals a measured value is shown with (more where CORE-EXPLAIN-003 needs them):
/// as many as it has, up to two ("0.62", "5.1 x ULN", "2.4 mg/dL", "30 %", "400 mL"), one when it
/// has more ("2.9 %" for 2.857 %).
[[nodiscard]] inline int min_decimals(const hsct::measure& m) {
    const double n = m.number();
    if (!std::isfinite(n)) {
        return 0;
    }
    for (int d = 0; d <= 2; ++d) {
        if (std::fabs(hsct::detail::rounded(n, d) - n) <= 1e-9 * (std::fabs(n) > 1.0 ? std::fabs(n) : 1.0)) {
            return d;
        }
    }
    return 1;
}

/// A criterion as core renders it ("<criterion>: <measured> <cmp> <threshold>: <outcome>
/// [<ID>]"), its number with min_decimals.
template <class Id>
[[nodiscard]] std::string criterion(const hsct::criterion<Id>& c, const message_catalogue& cat) {
    return hsct::render(c, cat, min_decimals(c.measured));
}

/// A criterion as core renders it, with `shown` in place of its measured value and threshold:
/// the outcome, the unverified mark and the requirement are core's own text (the criterion
/// rendered without a measure, whose "none" is replaced).
template <class Id>
[[nodiscard]] std::string criterion_showing(const hsct::criterion<Id>& c, std::string_view shown,
                                            const message_catalogue& cat) {
    hsct::criterion<Id> bare = c;
    bare.cmp = hsct::comparator::present;
    bare.measured = hsct::measure{};
    const std::string whole = hsct::render(bare, cat);
    const std::size_t skip = cat.label(c.id).size() + 2 + cat.text("text", "none", "none").size();
    return hsct::detail::concat({cat.label(c.id), ": ", shown, std::string_view(whole).substr(skip)});
}

/// Appends ": <one(first)>; <one(second)>; ..." to `head`: a result's records after its head.
template <class List, class One>
[[nodiscard]] std::string with_each(std::string head, const List& list, const One& one) {
    const char* sep = ": ";
    for (const auto& item : list) {
        head += hsct::detail::concat({sep, one(item)});
        sep = "; ";
    }
    return head;
}

/// `head`, then each criterion of `list` as criterion() renders it.
template <class List>
[[nodiscard]] std::string with_criteria(std::string head, const List& list, const message_catalogue& cat) {
    return with_each(std::move(head), list, [&](const auto& c) { return criterion(c, cat); });
}

/// A day number as hsct prints a transplant day ("D+14"); a number that is not one, as a number.
[[nodiscard]] inline std::string day_of_number(double n) {
    const bool whole = std::isfinite(n) && n == std::round(n) &&
                       n >= static_cast<double>(hsct::transplant_day::min_offset) &&
                       n <= static_cast<double>(hsct::transplant_day::max_offset);
    return whole ? hsct::to_string(hsct::transplant_day::at(static_cast<std::int32_t>(n)))
                 : hsct::detail::format_number(n);
}

/// A criterion that compares a day number with a day ("two of three together by day 20: D+14 <=
/// D+20: met [COMP-SOS-013]"); a missing input is named as core names it.
template <class Id>
[[nodiscard]] std::string day_criterion(const hsct::criterion<Id>& c, const message_catalogue& cat) {
    if (c.measured.what() != hsct::measure::kind::count) {
        return hsct::render(c, cat);
    }
    return criterion_showing(c,
                             hsct::detail::concat({day_of_number(c.measured.number()), " ", cat.label(c.cmp), " ",
                                                   day_of_number(c.threshold)}),
                             cat);
}

/// "D+14: <text>", or the text alone without a day.
[[nodiscard]] inline std::string dated(const std::optional<hsct::transplant_day>& day, std::string_view text) {
    return day ? hsct::detail::concat({hsct::to_string(*day), ": ", text}) : std::string(text);
}

/// A day, or the catalogue's "none".
[[nodiscard]] inline std::string day_or_none(const std::optional<hsct::transplant_day>& day,
                                             const message_catalogue& cat) {
    return day ? hsct::to_string(*day) : std::string(cat.text("text", "none", "none"));
}

/// The labels of a set's members in table order, joined by `sep`; the catalogue's "none" for an
/// empty set.
template <class E>
[[nodiscard]] std::string labels(const hsct::enum_set<E>& set, const message_catalogue& cat,
                                 std::string_view sep = ", ") {
    if (set.empty()) {
        return std::string(cat.text("text", "none", "none"));
    }
    std::string s;
    set.for_each([&](E e) {
        if (!s.empty()) {
            s += sep;
        }
        s += cat.label(e);
    });
    return s;
}

/// " (missing: <input>; <input>)" for the inputs a result lacked; nothing when it lacked none.
template <class F>
[[nodiscard]] std::string missing(const hsct::enum_set<F>& set, const message_catalogue& cat) {
    if (set.empty()) {
        return {};
    }
    return hsct::detail::concat({" (", word(cat, "missing", "missing"), ": ", labels(set, cat, "; "), ")"});
}

}  // namespace hsct::complications::detail::text

#endif  // HSCT_COMPLICATIONS_DETAIL_CRITERIA_TEXT_HPP
