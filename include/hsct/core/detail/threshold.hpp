// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Comparisons against clinical thresholds. Not part of the public API.
//
// CORE-THRESH-001 (policy): a value and a threshold that differ by at most 1e-9 of the
// threshold (or of 1, when the threshold is smaller) are equal. Decimal inputs whose binary
// arithmetic lands a rounding error off a published cut-off (BMI 76.8 kg / 1.6 m^2 = 30,
// bilirubin 1.8 / 1.2 = 1.5 x ULN, 176.8 umol/L / 88.4 = 2 mg/dL) are then read as exactly
// at it. The tolerance is far below any reported precision, so it never moves a real value
// across a threshold. Every rule module uses these functions rather than raw < and >.
#ifndef HSCT_CORE_DETAIL_THRESHOLD_HPP
#define HSCT_CORE_DETAIL_THRESHOLD_HPP

#include <cmath>

namespace hsct::detail {

inline constexpr double threshold_rel_tol = 1e-9;

[[nodiscard]] inline bool at_threshold(double v, double t) noexcept {
    const double scale = std::fabs(t) > 1.0 ? std::fabs(t) : 1.0;  // not std::fmax: a libm call
    return std::fabs(v - t) <= threshold_rel_tol * scale;
}
/// v > t, with v within the tolerance of t counting as equal (so: not greater).
[[nodiscard]] inline bool above(double v, double t) noexcept { return v > t && !at_threshold(v, t); }
/// v >= t, with v within the tolerance of t counting as equal (so: at least).
[[nodiscard]] inline bool at_least(double v, double t) noexcept { return v >= t || at_threshold(v, t); }
/// v < t, with v within the tolerance of t counting as equal.
[[nodiscard]] inline bool below(double v, double t) noexcept { return v < t && !at_threshold(v, t); }
/// v <= t, with v within the tolerance of t counting as equal.
[[nodiscard]] inline bool at_most(double v, double t) noexcept { return v <= t || at_threshold(v, t); }

}  // namespace hsct::detail

#endif  // HSCT_CORE_DETAIL_THRESHOLD_HPP
