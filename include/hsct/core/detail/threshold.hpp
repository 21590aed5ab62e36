// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Comparisons against clinical thresholds. Not part of the public API.
//
// CORE-THRESH-001 (policy): a value and a threshold that differ by at most 1e-9 of the
// threshold (or of 1, when the threshold is smaller) are equal; the comparisons move the
// threshold by that margin in double arithmetic (so the edge of the margin itself is exact to
// within one rounding of t +/- margin). Decimal inputs whose binary
// arithmetic lands a rounding error off a published cut-off (BMI 76.8 kg / 1.6 m^2 = 30,
// bilirubin 1.8 / 1.2 = 1.5 x ULN, 176.8 umol/L / 88.4 = 2 mg/dL) are then read as exactly
// at it. The tolerance is far below any reported precision, so it never moves a real value
// across a threshold. Every rule module uses these functions rather than raw < and >.
#ifndef HSCT_CORE_DETAIL_THRESHOLD_HPP
#define HSCT_CORE_DETAIL_THRESHOLD_HPP

#include "hsct/core/detail/always_inline.hpp"

namespace hsct::detail {

inline constexpr double threshold_rel_tol = 1e-9;

/// The tolerance around threshold t: 1e-9 of |t|, or 1e-9 when |t| < 1.
[[nodiscard]] HSCT_ALWAYS_INLINE constexpr double threshold_margin(double t) noexcept {
    const double a = t < 0.0 ? -t : t;
    return threshold_rel_tol * (a > 1.0 ? a : 1.0);  // not std::fmax: a libm call
}
// Each comparison moves the threshold by the margin (in double arithmetic) and compares once:
// v > t + margin is "greater and not within the tolerance". A rule's thresholds are constants,
// so the moved threshold is computed at compile time and a criterion costs one comparison,
// without a branch. NaN compares false everywhere.
/// v > t, with v within the tolerance of t counting as equal (so: not greater).
[[nodiscard]] HSCT_ALWAYS_INLINE bool above(double v, double t) noexcept {
    return v > t + threshold_margin(t);
}
/// v >= t, with v within the tolerance of t counting as equal (so: at least).
[[nodiscard]] HSCT_ALWAYS_INLINE bool at_least(double v, double t) noexcept {
    return v >= t - threshold_margin(t);
}
/// v < t, with v within the tolerance of t counting as equal.
[[nodiscard]] HSCT_ALWAYS_INLINE bool below(double v, double t) noexcept {
    return v < t - threshold_margin(t);
}
/// v <= t, with v within the tolerance of t counting as equal.
[[nodiscard]] HSCT_ALWAYS_INLINE bool at_most(double v, double t) noexcept {
    return v <= t + threshold_margin(t);
}
/// v within the tolerance of t: at least and at most t, by the same moved thresholds (so
/// at_threshold, above and below never disagree at the edge of the margin).
[[nodiscard]] HSCT_ALWAYS_INLINE bool at_threshold(double v, double t) noexcept {
    const bool low_ok = at_least(v, t);
    const bool high_ok = at_most(v, t);
    return low_ok & high_ok;
}

}  // namespace hsct::detail

#endif  // HSCT_CORE_DETAIL_THRESHOLD_HPP
