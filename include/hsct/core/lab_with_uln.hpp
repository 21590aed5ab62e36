// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A laboratory value read against the upper limit of normal (ULN) of the laboratory that
// measured it (CORE-ULN-001). Liver rules (HCT-CI hepatic items, later CTCAE grading) compare a
// multiple of the ULN, and forms often record only that multiple, so a lab_with_uln is made
// either from the value and its ULN, in any units the analyte accepts, or from the multiple
// alone:
//
//   auto b = hsct::lab_with_uln<hsct::bilirubin>::make(
//       hsct::bilirubin(41.0, hsct::units::umol_per_l), hsct::bilirubin(1.2, hsct::units::mg_per_dl));
//   b->times_uln();                      // 2.0 (41 umol/L = 2.4 mg/dL over a ULN of 1.2)
//   auto f = hsct::lab_with_uln<hsct::alt>::from_multiple(3.1);   // "ALT 3.1 x ULN" on a form
//   f->value();                          // std::nullopt: only the multiple is known
//
// Both are checked: the value within the analyte's plausible range, the ULN above 0 and within
// it, and a multiple finite and within 0-1000 (CORE-ULN-002, hsct policy).
#ifndef HSCT_CORE_LAB_WITH_ULN_HPP
#define HSCT_CORE_LAB_WITH_ULN_HPP

#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"

namespace hsct {

/// CORE-ULN-002 (policy [P]): a multiple of the ULN given alone must be finite and within
/// 0-1000; far above any value a living patient's liver test reaches (an ALT of 1000 x ULN would
/// be about 40 000 U/L), and low enough to catch a value typed in U/L where a multiple was meant.
inline constexpr double max_times_uln = 1000.0;

/// A lab value as a multiple of its laboratory's upper limit of normal.
template <analyte A>
class lab_with_uln {
public:
    /// From the value and the measuring laboratory's ULN (any units A accepts). Errors:
    /// not_finite / out_of_range for a value or ULN outside A's plausible range, out_of_range
    /// for a ULN of 0 or one that makes the multiple exceed 1000 x ULN (CORE-ULN-002), field
    /// "<field>.value" or "<field>.upper_limit_of_normal".
    [[nodiscard]] static result<lab_with_uln> make(const A& value, const A& uln,
                                                   field_ref field = A::info().name) {
        using U = canonical_unit_t<A>;
        const auto range = default_range<A>();
        const double v = value.in(U{});
        const double u = uln.in(U{});
        if (!std::isfinite(v) || !range.contains(value)) {
            return refuse(std::isfinite(v) ? errc::out_of_range : errc::not_finite,
                          field_ref(field.str(), "value"), v, to_string(range));
        }
        if (!std::isfinite(u) || !(u > 0.0) || !range.contains(uln)) {
            return refuse(std::isfinite(u) ? errc::out_of_range : errc::not_finite,
                          field_ref(field.str(), "upper_limit_of_normal"), u,
                          detail::concat({"greater than 0 ", U::info.symbol, ", up to ",
                                          to_string(range.hi)}));
        }
        // The multiple obeys the same bounds as one given alone (CORE-ULN-002): a tiny ULN
        // (a denormal, say) would otherwise give an infinite or absurd multiple.
        const double ratio = v / u;
        if (!std::isfinite(ratio) || ratio > max_times_uln) {
            return error(errc::out_of_range, field_ref(field.str(), "upper_limit_of_normal"),
                         detail::concat({detail::format_number(u), " ",
                                         canonical_unit_t<A>::info.symbol, " (value / ULN = ",
                                         detail::format_number(ratio), " x ULN)"}),
                         "a ULN that makes value / ULN at most 1000 x ULN", "CORE-ULN-002");
        }
        return lab_with_uln(ratio, value, uln);
    }

    /// From a multiple of the ULN alone, as forms record it ("ALT 3.1 x ULN"). Error:
    /// not_finite / out_of_range outside 0-1000 (CORE-ULN-002).
    [[nodiscard]] static result<lab_with_uln> from_multiple(double times_uln,
                                                            field_ref field = A::info().name) {
        if (!std::isfinite(times_uln) || times_uln < 0.0 || times_uln > max_times_uln) {
            return error(std::isfinite(times_uln) ? errc::out_of_range : errc::not_finite,
                         field, detail::concat({detail::format_number(times_uln), " x ULN"}),
                         "0-1000 x ULN", "CORE-ULN-002");
        }
        return lab_with_uln(times_uln, std::nullopt, std::nullopt);
    }

    /// The value divided by the ULN (the multiple as given, for from_multiple).
    [[nodiscard]] constexpr double times_uln() const noexcept { return ratio_; }
    /// The value, when it was given (not for from_multiple).
    [[nodiscard]] constexpr const std::optional<A>& value() const noexcept { return value_; }
    /// The laboratory's ULN, when it was given.
    [[nodiscard]] constexpr const std::optional<A>& upper_limit_of_normal() const noexcept {
        return uln_;
    }

    friend constexpr bool operator==(const lab_with_uln&, const lab_with_uln&) noexcept = default;

private:
    constexpr lab_with_uln(double ratio, std::optional<A> v, std::optional<A> u) noexcept
        : ratio_(ratio), value_(v), uln_(u) {}
    static error refuse(errc code, field_ref field, double v, std::string valid) {
        return error(code, field,
                     detail::concat({detail::format_number(v), " ",
                                     canonical_unit_t<A>::info.symbol}),
                     std::move(valid), "CORE-ULN-001");
    }
    double ratio_;
    std::optional<A> value_;
    std::optional<A> uln_;
};

}  // namespace hsct

#endif  // HSCT_CORE_LAB_WITH_ULN_HPP
