// Tests for include/hsct/core/transplant_day.hpp.
#include <hsct/core/transplant_day.hpp>
#include <hsct/core/io.hpp>

#include <chrono>
#include <cstdint>
#include <sstream>
#include <type_traits>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_transplant_day_test {

using hsct::transplant_day;
using std::chrono::days;

namespace {
template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept subtractable = requires(A a, B b) { a - b; };
}  // namespace

TEST_CASE("transplant_day is four bytes and a point, not a duration", "[core][day][CORE-ZERO-001]") {
    STATIC_REQUIRE(sizeof(transplant_day) == 4);
    STATIC_REQUIRE(std::is_trivially_copyable_v<transplant_day>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<transplant_day, int>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<int, transplant_day>);
    STATIC_REQUIRE_FALSE(addable<transplant_day, transplant_day>);
    STATIC_REQUIRE(addable<transplant_day, days>);
    STATIC_REQUIRE(addable<days, transplant_day>);
    STATIC_REQUIRE(subtractable<transplant_day, transplant_day>);
    STATIC_REQUIRE(std::is_same_v<decltype(transplant_day{} - transplant_day{}), days>);
    STATIC_REQUIRE_FALSE(addable<transplant_day, int>);
}

TEST_CASE("the day before D0 is D-1: no gap, no day -0", "[core][day][CORE-DAY-001][DAY-4]") {
    constexpr auto d0 = transplant_day{};
    STATIC_REQUIRE(d0.is_day0());
    STATIC_REQUIRE((d0 - days{1}) == transplant_day::at(-1));
    STATIC_REQUIRE((transplant_day::at(-1) + days{1}).is_day0());
    STATIC_REQUIRE(transplant_day::at(14) - transplant_day::at(-7) == days{21});
    STATIC_REQUIRE(transplant_day::at(-7).before_day0());
    STATIC_REQUIRE(transplant_day::at(7).after_day0());
    STATIC_REQUIRE(transplant_day::at(-1) < transplant_day{});
    STATIC_REQUIRE(transplant_day::at(days{100}).number() == 100);
    STATIC_REQUIRE(transplant_day::at(-7).since_day0() == days{-7});
    auto d = transplant_day::at(-1);
    ++d;
    CHECK(d.is_day0());
    --d;
    --d;
    CHECK(d == transplant_day::at(-2));
    d += days{30};
    d -= days{2};
    CHECK(d == transplant_day::at(26));
}

TEST_CASE("printed as D-7, D0, D+100", "[core][day][CORE-DAY-002]") {
    CHECK(hsct::to_string(transplant_day::at(-7)) == "D-7");
    CHECK(hsct::to_string(transplant_day{}) == "D0");
    CHECK(hsct::to_string(transplant_day::at(100)) == "D+100");
    std::ostringstream os;
    os << transplant_day::at(1);
    CHECK(os.str() == "D+1");
}

TEST_CASE("parsed from D-7, D0, D+100 and round-trips", "[core][day][CORE-DAY-002]") {
    CHECK(hsct::parse_transplant_day("D-7").value() == transplant_day::at(-7));
    CHECK(hsct::parse_transplant_day("D0").value() == transplant_day{});
    CHECK(hsct::parse_transplant_day(" d+100 ").value() == transplant_day::at(100));
    for (int n = -400; n <= 400; ++n) {
        const auto t = transplant_day::at(n);
        const auto back = hsct::parse_transplant_day(hsct::to_string(t));
        REQUIRE(back.has_value());
        REQUIRE(*back == t);
    }
}

TEST_CASE("D-0, D+0 and other malformed days are refused", "[core][day][CORE-DAY-002]") {
    for (const char* bad : {"D-0", "D+0", "D", "", "7", "D7", "D+07", "D-007", "D +7", "D+ 7",
                            "D+7x", "X+7", "D++7", "D+-7", "D+", "D-", "Day+7", "D0 ", "D00"}) {
        CAPTURE(bad);
        const auto r = hsct::parse_transplant_day(bad);
        if (std::string_view(bad) == "D0 ") {
            CHECK(r.has_value());  // surrounding white space is trimmed
            continue;
        }
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
        CHECK(r.error().field() == "transplant_day");
    }
}

TEST_CASE("the representable range: below, at and above +-36525", "[core][day][CORE-DAY-003]") {
    CHECK(hsct::parse_transplant_day("D+36525").has_value());
    CHECK(hsct::parse_transplant_day("D-36525").has_value());
    const auto above = hsct::parse_transplant_day("D+36526");
    REQUIRE_FALSE(above.has_value());
    CHECK(above.error().code() == hsct::errc::out_of_range);
    CHECK(above.error().valid_range() == "D-36525 to D+36525");
    CHECK(hsct::parse_transplant_day("D-36526").error().code() == hsct::errc::out_of_range);
    CHECK(hsct::parse_transplant_day("D+99999999999999").error().code() == hsct::errc::out_of_range);
    CHECK(transplant_day::make(36525).has_value());
    CHECK(transplant_day::make(-36525).has_value());
    CHECK_FALSE(transplant_day::make(36526).has_value());
    CHECK_FALSE(transplant_day::make(-36526).has_value());
    CHECK(transplant_day::make(-36526, "gvhd.onset").error().message() ==
          "gvhd.onset: -36526 is outside the valid range D-36525 to D+36525");
}

TEST_CASE("durations in days print as '12 d' and parse back", "[core][day]") {
    CHECK(hsct::to_string(days{12}) == "12 d");
    CHECK(hsct::to_string(days{-3}) == "-3 d");
    CHECK(hsct::parse_days("12 d").value() == days{12});
    CHECK(hsct::parse_days("1 day").value() == days{1});
    CHECK(hsct::parse_days("21 days").value() == days{21});
    CHECK(hsct::parse_days("-3 d").value() == days{-3});
    CHECK(hsct::parse_days("12d").value() == days{12});
    for (const char* bad : {"", "d", "12", "12 weeks", "1.5 d", "x d"}) {
        CAPTURE(bad);
        CHECK(hsct::parse_days(bad).error().code() == hsct::errc::syntax);
    }
    CHECK(hsct::parse_days("2147483647 d").has_value());
    CHECK(hsct::parse_days("-2147483648 d").has_value());
    CHECK(hsct::parse_days("2147483648 d").error().code() == hsct::errc::out_of_range);
    CHECK(hsct::parse_days(hsct::to_string(days{100000})).value() == days{100000});
}

#ifndef HSCT_TEST_NO_EXCEPTIONS
namespace {
struct day_contract {};
void throw_day_contract(const hsct::contract_violation&) { throw day_contract{}; }
}  // namespace

TEST_CASE("moving a day past the range is a contract violation, checked before adding",
          "[core][day][CORE-DAY-003]") {
    const auto previous = hsct::set_contract_handler(&throw_day_contract);
    auto d = transplant_day::at(5);
    CHECK_THROWS_AS(d += days{INT64_MAX}, day_contract);
    CHECK_THROWS_AS(d -= days{INT64_MAX}, day_contract);
    CHECK_THROWS_AS(d -= days{INT64_MIN}, day_contract);
    CHECK_THROWS_AS(d += days{36521}, day_contract);
    CHECK(d == transplant_day::at(5));  // unchanged
    d += days{36520};
    CHECK(d == transplant_day::at(36525));
    hsct::set_contract_handler(previous);
}
#endif

TEST_CASE("checked_add moves a day by a count from data and refuses what leaves the range",
          "[core][day][CORE-DAY-003]") {
    const auto d = transplant_day::at(5);
    CHECK(d.checked_add(days{36520}).value() == transplant_day::at(36525));
    CHECK(d.checked_add(days{-36530}).value() == transplant_day::at(-36525));
    CHECK(d.checked_add(days{-5}).value() == transplant_day{});
    const auto far = d.checked_add(days{36521}, "visit.day");
    REQUIRE_FALSE(far.has_value());
    CHECK(far.error().message() ==
          "visit.day: day 5 + 36521 d is outside the valid range D-36525 to D+36525");
    for (const auto n : {days{INT64_MAX}, days{INT64_MIN}, days{-36531}}) {
        CHECK(d.checked_add(n).error().code() == hsct::errc::out_of_range);
    }
}

}  // namespace hsct_test_core_transplant_day_test
