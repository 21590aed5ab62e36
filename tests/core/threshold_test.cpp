// Tests for include/hsct/core/detail/threshold.hpp: comparisons against clinical thresholds.
#include <hsct/core/detail/threshold.hpp>

#include <cmath>
#include <limits>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_threshold_test {

using namespace hsct::detail;

TEST_CASE("a decimal value exactly at a threshold is at it despite binary rounding",
          "[core][threshold][CORE-THRESH-001]") {
    const double bmi = 76.8 / (1.6 * 1.6);  // 29.999999999999996 in binary
    CHECK(bmi != 30.0);
    CHECK(at_least(bmi, 30.0));
    CHECK_FALSE(above(bmi, 30.0));
    CHECK(at_most(bmi, 30.0));
    CHECK_FALSE(below(bmi, 30.0));
    const double ratio = 1.8 / 1.2;  // 1.5000000000000002
    CHECK(at_most(ratio, 1.5));
    CHECK_FALSE(above(ratio, 1.5));
}

TEST_CASE("below, at and above a threshold", "[core][threshold][CORE-THRESH-001]") {
    for (const double t : {0.5, 2.0, 35.0, 120.0, 1000.0}) {
        CAPTURE(t);
        const double below_v = t * (1.0 - 1e-6);
        const double above_v = t * (1.0 + 1e-6);
        CHECK(below(below_v, t));
        CHECK_FALSE(at_least(below_v, t));
        CHECK(at_least(t, t));
        CHECK(at_most(t, t));
        CHECK_FALSE(above(t, t));
        CHECK_FALSE(below(t, t));
        CHECK(above(above_v, t));
        CHECK_FALSE(at_most(above_v, t));
    }
    // near zero the tolerance is absolute (1e-9), not relative to a tiny threshold
    CHECK(at_threshold(0.0, 1e-12));
    CHECK_FALSE(at_threshold(0.0, 1e-6));
}

TEST_CASE("the comparisons agree with each other at the edge of the tolerance",
          "[core][threshold][CORE-THRESH-001]") {
    // Values one rounding either side of t - margin, t, t + margin: above is exactly "not at
    // most", below "not at least", and at_threshold "neither above nor below".
    const double inf = std::numeric_limits<double>::infinity();
    std::size_t checked = 0;
    for (const double t : {0.0, 1e-12, 0.5, 1.0, 1.5, 2.0, 35.0, 65.0, 176.8, 1000.0, -3.0}) {
        const double m = threshold_margin(t);
        for (const double edge : {t - m, t, t + m}) {
            double v = std::nextafter(std::nextafter(edge, -inf), -inf);
            for (int k = 0; k < 5; ++k, v = std::nextafter(v, inf)) {
                CAPTURE(t, v);
                CHECK(above(v, t) == !at_most(v, t));
                CHECK(below(v, t) == !at_least(v, t));
                CHECK(at_threshold(v, t) == (!above(v, t) && !below(v, t)));
                ++checked;
            }
        }
    }
    CHECK(checked == 11 * 3 * 5);
    // NaN is never above, below, at or within anything
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(above(nan, 1.0));
    CHECK_FALSE(below(nan, 1.0));
    CHECK_FALSE(at_least(nan, 1.0));
    CHECK_FALSE(at_most(nan, 1.0));
    CHECK_FALSE(at_threshold(nan, 1.0));
}

}  // namespace hsct_test_core_threshold_test
