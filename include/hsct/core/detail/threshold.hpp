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

// HSCT_THRESHOLD_PROBE (the coverage preset only; never in a user's build): every comparison
// against a threshold also reports where it was made, the threshold, the comparator and the value
// to hsct_threshold_probe, which the test harness defines (tests/support/threshold_probe.cpp).
// tests/assurance/check_thresholds.py then checks that the suite reaches every threshold below,
// at and above it (docs/quality.md).
#if defined(HSCT_THRESHOLD_PROBE)
namespace hsct::detail {
/// cmp: 0 <, 1 <=, 2 >, 3 >=, 4 =.
void hsct_threshold_probe(const char* file, unsigned line, int cmp, double v, double t) noexcept;
}  // namespace hsct::detail
// __builtin_FILE/__builtin_LINE as default arguments name the caller's line (GCC 12 and Clang 14;
// Clang 14 has no std::source_location).
#define HSCT_DETAIL_PROBE_PARAM \
    , const char* hsct_probe_file = __builtin_FILE(), unsigned hsct_probe_line = __builtin_LINE()
#define HSCT_DETAIL_PROBE_FORWARD , hsct_probe_file, hsct_probe_line
#define HSCT_DETAIL_PROBE(cmp) ::hsct::detail::hsct_threshold_probe(hsct_probe_file, hsct_probe_line, cmp, v, t)
#else
#define HSCT_DETAIL_PROBE_PARAM
#define HSCT_DETAIL_PROBE_FORWARD
#define HSCT_DETAIL_PROBE(cmp) static_cast<void>(0)
#endif

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
[[nodiscard]] HSCT_ALWAYS_INLINE bool above(double v, double t HSCT_DETAIL_PROBE_PARAM) noexcept {
    HSCT_DETAIL_PROBE(2);
    return v > t + threshold_margin(t);
}
/// v >= t, with v within the tolerance of t counting as equal (so: at least).
[[nodiscard]] HSCT_ALWAYS_INLINE bool at_least(double v, double t HSCT_DETAIL_PROBE_PARAM) noexcept {
    HSCT_DETAIL_PROBE(3);
    return v >= t - threshold_margin(t);
}
/// v < t, with v within the tolerance of t counting as equal.
[[nodiscard]] HSCT_ALWAYS_INLINE bool below(double v, double t HSCT_DETAIL_PROBE_PARAM) noexcept {
    HSCT_DETAIL_PROBE(0);
    return v < t - threshold_margin(t);
}
/// v <= t, with v within the tolerance of t counting as equal.
[[nodiscard]] HSCT_ALWAYS_INLINE bool at_most(double v, double t HSCT_DETAIL_PROBE_PARAM) noexcept {
    HSCT_DETAIL_PROBE(1);
    return v <= t + threshold_margin(t);
}
/// v within the tolerance of t: at least and at most t, by the same moved thresholds (so
/// at_threshold, above and below never disagree at the edge of the margin).
[[nodiscard]] HSCT_ALWAYS_INLINE bool at_threshold(double v, double t HSCT_DETAIL_PROBE_PARAM) noexcept {
    HSCT_DETAIL_PROBE(4);
    const bool low_ok = at_least(v, t HSCT_DETAIL_PROBE_FORWARD);
    const bool high_ok = at_most(v, t HSCT_DETAIL_PROBE_FORWARD);
    return low_ok & high_ok;
}

}  // namespace hsct::detail

#endif  // HSCT_CORE_DETAIL_THRESHOLD_HPP
