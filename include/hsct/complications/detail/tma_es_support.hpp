// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Helpers shared by the TA-TMA and engraftment-syndrome rules (ta_tma.hpp,
// engraftment_syndrome.hpp): a criterion record made in one call (three-valued logic is in
// three_valued.hpp), and the error texts of a dated series, built only on the error path. Not part of
// the public API.
#ifndef HSCT_COMPLICATIONS_DETAIL_TMA_ES_SUPPORT_HPP
#define HSCT_COMPLICATIONS_DETAIL_TMA_ES_SUPPORT_HPP

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "hsct/complications/detail/three_valued.hpp"
#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications::detail::tma_es {

/// A criterion is met (a not_applicable one counts as not met in the logic below).
[[nodiscard]] constexpr bool is_met(hsct::outcome o) noexcept { return o == hsct::outcome::met; }

using hsct::complications::detail::all_of;  // three-valued AND and OR over outcomes
using hsct::complications::detail::any_of;

/// met / not met from a comparison (CORE-THRESH-001).
[[nodiscard]] HSCT_ALWAYS_INLINE hsct::outcome compared(double v, hsct::comparator cmp, double t) noexcept {
    return hsct::satisfies(v, cmp, t) ? hsct::outcome::met : hsct::outcome::not_met;
}

/// A criterion record made in one call.
template <class Id>
[[nodiscard]] HSCT_ALWAYS_INLINE hsct::criterion<Id> make_criterion(Id id, hsct::outcome o, hsct::comparator cmp,
                                                                    double threshold, hsct::measure m,
                                                                    const char* requirement, bool verified) noexcept {
    hsct::criterion<Id> c;
    c.id = id;
    c.result = o;
    c.cmp = cmp;
    c.threshold = threshold;
    c.measured = m;
    c.requirement = requirement;
    c.verified = verified;
    return c;
}

/// A yes/no finding as an outcome, recording it (or the missing input).
template <class Id, class Field, class Record, class Missing>
HSCT_ALWAYS_INLINE hsct::outcome finding(const std::optional<bool>& f, Id id, Field field, const char* req,
                                         Record& rec, Missing& missing) {
    if (!f) {
        missing.insert(field);
        rec(id, hsct::outcome::unknown, hsct::comparator::present, 0.0, hsct::measure::missing(field), req, true);
        return hsct::outcome::unknown;
    }
    const auto o = *f ? hsct::outcome::met : hsct::outcome::not_met;
    rec(id, o, hsct::comparator::present, 0.0, hsct::measure::flag(*f), req, true);
    return o;
}

/// "assessments[3].haemoglobin" (error path only).
template <class = void>
[[nodiscard]] std::string item_field(const char* list, std::size_t i, const char* leaf) {
    return hsct::detail::concat({list, "[", std::to_string(i), "].", leaf});
}

/// An error for a value of a series item (error path only).
template <class = void>
[[nodiscard]] [[gnu::cold]] hsct::error item_error(hsct::errc code, const char* list, std::size_t i, const char* leaf,
                                                   std::string value, std::string valid, const char* requirement) {
    return hsct::error(code, item_field(list, i, leaf), std::move(value), std::move(valid), requirement);
}

/// A lab value made with the trusting constructor, checked against the analyte's plausible
/// range (core's analyte table): nothing when it is finite and inside it.
template <hsct::analyte A>
[[nodiscard]] HSCT_ALWAYS_INLINE bool analyte_ok(const A& v) noexcept {
    const double x = v.in(typename hsct::detail::quantity_traits<A>::canonical_unit{});
    return std::isfinite(x) && x >= A::info().plausible_lo && x <= A::info().plausible_hi;
}

/// The error for a value analyte_ok refused (error path only).
template <hsct::analyte A>
[[nodiscard]] [[gnu::cold]] hsct::error analyte_error(const A& v, std::string field, const char* requirement) {
    using U = typename hsct::detail::quantity_traits<A>::canonical_unit;
    const double x = v.in(U{});
    return hsct::error(std::isfinite(x) ? hsct::errc::out_of_range : hsct::errc::not_finite, field,
                       hsct::detail::concat({hsct::detail::format_number(x), " ", U::info.symbol}),
                       hsct::detail::concat({hsct::detail::format_number(A::info().plausible_lo), "-",
                                             hsct::detail::format_number(A::info().plausible_hi), " ",
                                             U::info.symbol}),
                       requirement);
}

/// "D+12" for an error text (error path only).
template <class = void>
[[nodiscard]] std::string day_text(hsct::transplant_day d) {
    return hsct::to_string(d);
}

}  // namespace hsct::complications::detail::tma_es

#endif  // HSCT_COMPLICATIONS_DETAIL_TMA_ES_SUPPORT_HPP
