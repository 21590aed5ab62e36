// Tests for include/hsct/core/date.hpp: calendar dates in the CORE-DAY-008 window, ISO 8601 text.
#include <hsct/core/date.hpp>

#include <chrono>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_date_test {

using namespace std::chrono;

namespace {
sys_days date(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }
}  // namespace

TEST_CASE("dates print and parse as ISO 8601", "[core][date]") {
    CHECK(hsct::to_string(date(2024, 3, 10)) == "2024-03-10");
    CHECK(hsct::parse_date("2024-02-29").value() == date(2024, 2, 29));
    CHECK(hsct::parse_date(" 2024-03-10 ").value() == date(2024, 3, 10));
    CHECK(hsct::parse_date("2023-02-29").error().code() == hsct::errc::out_of_range);
    CHECK(hsct::parse_date("2024-13-01").error().code() == hsct::errc::out_of_range);
    CHECK(hsct::parse_date("2024-00-10").error().code() == hsct::errc::out_of_range);
    CHECK(hsct::parse_date("1899-12-31").error().code() == hsct::errc::out_of_range);
    CHECK(hsct::parse_date("1900-01-01").has_value());
    CHECK(hsct::parse_date("2199-12-31").has_value());
    CHECK(hsct::parse_date("2200-01-01").error().code() == hsct::errc::out_of_range);
    for (const char* bad : {"", "2024-3-10", "2024/03/10", "10.03.2024", "2024-03-1x", "20240310"}) {
        CAPTURE(bad);
        CHECK(hsct::parse_date(bad).error().code() == hsct::errc::syntax);
    }
}

TEST_CASE("instants print as ISO 8601 UTC to the second", "[core][date]") {
    CHECK(hsct::to_string(sys_seconds{date(2026, 3, 2)} + hours{9} + minutes{10}) == "2026-03-02T09:10:00Z");
    CHECK(hsct::to_string(sys_seconds{date(2024, 2, 29)} + hours{23} + minutes{59} + seconds{59}) ==
          "2024-02-29T23:59:59Z");
    CHECK(hsct::to_string(sys_seconds{date(1969, 12, 31)} + seconds{1}) == "1969-12-31T00:00:01Z");  // before the epoch
    CHECK(hsct::to_string(sys_seconds{date(1970, 1, 1)} - seconds{1}) == "1969-12-31T23:59:59Z");
    // a date still prints as a date
    CHECK(hsct::to_string(date(2024, 3, 10)) == "2024-03-10");
}

TEST_CASE("the date window is 1900-01-01 to 2199-12-31", "[core][date][CORE-DAY-008]") {
    STATIC_REQUIRE(hsct::min_date == sys_days{year{1900} / January / 1});
    STATIC_REQUIRE(hsct::max_date == sys_days{year{2199} / December / 31});
    CHECK(hsct::check_date(date(1900, 1, 1)).has_value());
    CHECK(hsct::check_date(date(2199, 12, 31)).has_value());
    CHECK(hsct::check_date(date(1899, 12, 31)).error().code() == hsct::errc::out_of_range);
    const auto late = hsct::check_date(date(2200, 1, 1), "visit.date");
    REQUIRE_FALSE(late.has_value());
    CHECK(late.error().code() == hsct::errc::out_of_range);
    CHECK(late.error().field() == "visit.date");
    CHECK(late.error().valid_range() == "1900-01-01 to 2199-12-31");
    // every accepted date prints and parses back
    for (sys_days d = hsct::min_date; d <= hsct::max_date; d += days{997}) {
        CHECK(hsct::parse_date(hsct::to_string(d)).value() == d);
    }
    CHECK(hsct::parse_date(hsct::to_string(hsct::max_date)).value() == hsct::max_date);
}

}  // namespace hsct_test_core_date_test
