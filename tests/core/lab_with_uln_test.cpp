// Tests for include/hsct/core/lab_with_uln.hpp: the bounds of a multiple of the ULN
// (CORE-ULN-002), given alone or computed from a value and its laboratory's ULN.
#include <hsct/core/lab_with_uln.hpp>

#include <cmath>
#include <limits>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_lab_with_uln_test {

using hsct::lab_with_uln;

TEST_CASE("a multiple given alone: 0 and 1000 x ULN are accepted, anything outside is not",
          "[core][lab_with_uln][CORE-ULN-002]") {
    const auto top = lab_with_uln<hsct::alt>::from_multiple(1000.0);
    REQUIRE(top.has_value());
    CHECK(top->times_uln() == 1000.0);
    CHECK_FALSE(top->value().has_value());
    CHECK(lab_with_uln<hsct::alt>::from_multiple(0.0)->times_uln() == 0.0);

    // the next double above 1000 is refused, naming the field, the value and the range
    const double above = std::nextafter(1000.0, std::numeric_limits<double>::infinity());
    const auto over = lab_with_uln<hsct::alt>::from_multiple(above, "hepatic.alt");
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().code() == hsct::errc::out_of_range);
    CHECK(over.error().field() == "hepatic.alt");
    CHECK(over.error().valid_range() == "0-1000 x ULN");
    CHECK(over.error().requirement() == "CORE-ULN-002");
    CHECK_FALSE(lab_with_uln<hsct::alt>::from_multiple(1000.05).has_value());

    const auto negative = lab_with_uln<hsct::alt>::from_multiple(-0.1);
    REQUIRE_FALSE(negative.has_value());
    CHECK(negative.error().code() == hsct::errc::out_of_range);
    const auto nan = lab_with_uln<hsct::alt>::from_multiple(std::nan(""));
    REQUIRE_FALSE(nan.has_value());
    CHECK(nan.error().code() == hsct::errc::not_finite);
}

TEST_CASE("a multiple from a value and its ULN obeys the same 1000 x ULN bound",
          "[core][lab_with_uln][CORE-ULN-002]") {
    const hsct::alt uln(1.0, hsct::units::u_per_l);
    const auto at = lab_with_uln<hsct::alt>::make(hsct::alt(1000.0, hsct::units::u_per_l), uln);
    REQUIRE(at.has_value());
    CHECK(at->times_uln() == 1000.0);
    // 1000.05 x ULN: above the bound by less than one step of its last written digit
    const auto over = lab_with_uln<hsct::alt>::make(hsct::alt(1000.05, hsct::units::u_per_l), uln);
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().code() == hsct::errc::out_of_range);
    CHECK(over.error().field() == "alt.upper_limit_of_normal");
    CHECK(over.error().requirement() == "CORE-ULN-002");
}

}  // namespace hsct_test_core_lab_with_uln_test
