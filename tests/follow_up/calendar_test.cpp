// Tests for include/hsct/follow_up/calendar.hpp: calendar months and years after a date
// (FU-CAL-001..003), on the reference notes' worked example 11.9, month ends and leap days.
#include <hsct/follow_up/calendar.hpp>

#include <chrono>
#include <cstdint>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_calendar_test {

using namespace std::chrono;
namespace f = hsct::follow_up;

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

TEST_CASE("months after a date keep the day of the month", "[follow_up][FU-CAL-001][scores-11.9]") {
    // Worked example 11.9 (day 0 = 2024-03-01): 24 months; 8 months after the last IVIG; 1 year off IS.
    CHECK(f::add_months(ymd(2024, 3, 1), 24).value() == ymd(2026, 3, 1));
    CHECK(f::add_months(ymd(2025, 9, 15), 8).value() == ymd(2026, 5, 15));
    CHECK(f::add_months(ymd(2025, 9, 15), 11).value() == ymd(2026, 8, 15));
    CHECK(f::add_years(ymd(2025, 6, 1), 1).value() == ymd(2026, 6, 1));
    // across a year end, and backwards
    CHECK(f::add_months(ymd(2024, 11, 30), 3).value() == ymd(2025, 2, 28));
    CHECK(f::add_months(ymd(2024, 12, 15), 1).value() == ymd(2025, 1, 15));
    CHECK(f::add_months(ymd(2025, 1, 15), -1).value() == ymd(2024, 12, 15));
    CHECK(f::add_months(ymd(2025, 1, 15), -13).value() == ymd(2023, 12, 15));
    CHECK(f::add_months(ymd(2025, 1, 15), 0).value() == ymd(2025, 1, 15));
}

TEST_CASE("a day the target month lacks follows the month-end policy", "[follow_up][FU-CAL-002]") {
    using p = f::month_end_policy;
    // 31 January + 1 month: February 29 in a leap year, 28 otherwise; or 1 March rolled forward
    CHECK(f::add_months(ymd(2024, 1, 31), 1).value() == ymd(2024, 2, 29));
    CHECK(f::add_months(ymd(2025, 1, 31), 1).value() == ymd(2025, 2, 28));
    CHECK(f::add_months(ymd(2024, 1, 31), 1, p::roll_forward).value() == ymd(2024, 3, 1));
    CHECK(f::add_months(ymd(2025, 1, 31), 1, p::roll_forward).value() == ymd(2025, 3, 1));
    // 31 March + 1 month: 30 April, or 1 May
    CHECK(f::add_months(ymd(2025, 3, 31), 1).value() == ymd(2025, 4, 30));
    CHECK(f::add_months(ymd(2025, 3, 31), 1, p::roll_forward).value() == ymd(2025, 5, 1));
    // the 30th exists in April: no policy applies
    CHECK(f::add_months(ymd(2025, 3, 30), 1, p::roll_forward).value() == ymd(2025, 4, 30));
    // a leap day: + 1 year is 28 February or 1 March; + 4 years is a leap day again
    CHECK(f::add_years(ymd(2024, 2, 29), 1).value() == ymd(2025, 2, 28));
    CHECK(f::add_years(ymd(2024, 2, 29), 1, p::roll_forward).value() == ymd(2025, 3, 1));
    CHECK(f::add_years(ymd(2024, 2, 29), 4, p::roll_forward).value() == ymd(2028, 2, 29));
    // 2100 is not a leap year (divisible by 100, not by 400); 2000 was
    CHECK(f::add_years(ymd(2096, 2, 29), 4).value() == ymd(2100, 2, 28));
    CHECK(f::add_years(ymd(1996, 2, 29), 4).value() == ymd(2000, 2, 29));
}

TEST_CASE("months outside the date window are refused", "[follow_up][FU-CAL-003]") {
    const auto late = f::add_months(ymd(2199, 12, 1), 1);
    REQUIRE_FALSE(late);
    CHECK(late.error().code() == hsct::errc::out_of_range);
    CHECK(late.error().value() == "2199-12-01 + 1 months");
    CHECK(late.error().valid_range() == "an answer from 1900-01-01 to 2199-12-31");
    CHECK(f::add_months(ymd(2199, 12, 1), 0).value() == ymd(2199, 12, 1));
    CHECK(f::add_months(ymd(1900, 1, 31), -1).error().code() == hsct::errc::out_of_range);
    CHECK_FALSE(f::add_months(ymd(1899, 12, 31), 1));
    const auto many = f::add_months(ymd(2000, 1, 1), 3601);
    REQUIRE_FALSE(many);
    CHECK(many.error().field() == "months");
    CHECK(f::add_months(ymd(2000, 1, 1), 1999).value() == ymd(2166, 8, 1));
    CHECK_FALSE(f::add_years(ymd(2000, 1, 1), 301));
    CHECK(f::add_months(ymd(2000, 1, 1), 1, static_cast<f::month_end_policy>(9)).error().field() ==
          "month_end_policy");
}

TEST_CASE("the month and year bounds: 3600 months and 300 years pass, one more is refused",
          "[follow_up][FU-CAL-003]") {
    // 3600 months span the whole window, so no answer is inside it: at the bound the refusal is
    // the answer's ("date"), one past the bound it is the count's ("months" / "years").
    const auto at_bound = f::add_months(ymd(1900, 1, 1), 3600);
    REQUIRE_FALSE(at_bound);
    CHECK(at_bound.error().field() == "date");
    CHECK(at_bound.error().value() == "1900-01-01 + 3600 months");
    const auto back = f::add_months(ymd(2199, 12, 31), -3600);
    REQUIRE_FALSE(back);
    CHECK(back.error().field() == "date");
    const auto past = f::add_months(ymd(1900, 1, 1), 3601);
    REQUIRE_FALSE(past);
    CHECK(past.error().field() == "months");
    CHECK(past.error().value() == "3601");
    CHECK(past.error().valid_range() == "-3600 to 3600 months");
    CHECK(f::add_months(ymd(2199, 12, 31), -3601).error().field() == "months");
    // one month inside the bound fits the window exactly
    CHECK(f::add_months(ymd(1900, 1, 1), 3599).value() == ymd(2199, 12, 1));
    CHECK(f::add_months(ymd(2199, 12, 31), -3599).value() == ymd(1900, 1, 31));
    // years: 300 reaches the arithmetic (and leaves the window), 301 is refused as years
    const auto years = f::add_years(ymd(1900, 1, 1), 300);
    REQUIRE_FALSE(years);
    CHECK(years.error().field() == "date");
    CHECK(f::add_years(ymd(2199, 12, 31), -300).error().field() == "date");
    const auto too_many = f::add_years(ymd(1900, 1, 1), 301);
    REQUIRE_FALSE(too_many);
    CHECK(too_many.error().field() == "years");
    CHECK(too_many.error().valid_range() == "-300 to 300 years");
    CHECK(f::add_years(ymd(2199, 12, 31), -301).error().field() == "years");
    CHECK(f::add_years(ymd(1900, 1, 1), 299).value() == ymd(2199, 1, 1));
}

}  // namespace hsct_test_follow_up_calendar_test
