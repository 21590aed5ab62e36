// Tests for include/hsct/core/demographics.hpp: sex and age.
#include <hsct/core/demographics.hpp>
#include <hsct/core/io.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <utility>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_demographics_test {

using namespace std::chrono;
using hsct::age;
using hsct::age_resolution;
using hsct::sex;

namespace {
sys_days date(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }
}  // namespace

TEST_CASE("sex prints and parses", "[patient][demographics]") {
    CHECK(hsct::to_string(sex::female) == "female");
    CHECK(hsct::to_string(sex::male) == "male");
    CHECK(hsct::parse_sex("F").value() == sex::female);
    CHECK(hsct::parse_sex(" male ").value() == sex::male);
    CHECK(hsct::parse_sex(hsct::to_string(sex::female)).value() == sex::female);
    const auto bad = hsct::parse_sex("x");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message() == "sex: cannot read 'x'; expected female or male");
    std::ostringstream os;
    os << sex::male;
    CHECK(os.str() == "male");
}

TEST_CASE("completed years and months count a month when its day is reached",
          "[patient][demographics][PAT-AGE-001]") {
    const auto birth = date(1980, 6, 15);
    CHECK(age::make(birth, date(2020, 6, 14))->completed_years() == 39);
    CHECK(age::make(birth, date(2020, 6, 15))->completed_years() == 40);
    CHECK(age::make(birth, date(2020, 7, 14))->completed_months() == 40 * 12);
    CHECK(age::make(birth, date(2020, 7, 15))->completed_months() == 40 * 12 + 1);
    const auto a = age::make(birth, date(2020, 9, 20)).value();
    CHECK(a.completed_years() == 40);
    CHECK(a.months_part() == 3);
    CHECK(hsct::to_string(a) == "40 y 3 mo");
    CHECK(age::make(birth, birth)->completed_months() == 0);
    CHECK(age::make(birth, birth)->days() == 0);
}

TEST_CASE("born on 29 February: one year old on 1 March of a common year",
          "[patient][demographics][PAT-AGE-001]") {
    const auto leapling = date(2000, 2, 29);
    CHECK(age::make(leapling, date(2001, 2, 28))->completed_years() == 0);
    CHECK(age::make(leapling, date(2001, 3, 1))->completed_years() == 1);
    CHECK(age::make(leapling, date(2004, 2, 29))->completed_years() == 4);
    // born on the 31st: the month completes on the 1st after a 30-day month
    CHECK(age::make(date(2020, 1, 31), date(2020, 4, 30))->completed_months() == 2);
    CHECK(age::make(date(2020, 1, 31), date(2020, 5, 1))->completed_months() == 3);
}

TEST_CASE("age resolution is a policy: 40 years and 1 month is 40 or 40.08",
          "[patient][demographics][PAT-AGE-002]") {
    const auto a = age::make(date(1980, 1, 1), date(2020, 2, 1)).value();
    CHECK(a.years(age_resolution::completed_years) == 40.0);
    const double exact = a.years(age_resolution::exact);
    CHECK(exact > 40.08);
    CHECK(exact < 40.09);
    CHECK(hsct::to_string(age_resolution::completed_years) == "completed years");
    CHECK(hsct::to_string(age_resolution::exact) == "exact years");
}

TEST_CASE("exact years: completed years plus the elapsed fraction of the year of life",
          "[patient][demographics][PAT-AGE-002]") {
    const auto ex = [](sys_days b, sys_days on) {
        return age::make(b, on).value().years(age_resolution::exact);
    };
    // Every birthday is a whole number, whatever the leap days in the year before it.
    CHECK(ex(date(2022, 3, 15), date(2023, 3, 15)) == 1.0);   // 365 days lived
    CHECK(ex(date(2023, 3, 15), date(2024, 3, 15)) == 1.0);   // 366 days lived (29 Feb 2024)
    CHECK(ex(date(2006, 3, 1), date(2024, 3, 1)) == 18.0);    // 18th birthday
    CHECK(ex(date(1980, 1, 1), date(2020, 1, 1)) == 40.0);
    // The day before a birthday is below it, the day after above it.
    CHECK(ex(date(2022, 3, 15), date(2023, 3, 14)) < 1.0);
    CHECK(ex(date(2022, 3, 15), date(2023, 3, 16)) > 1.0);
    // Born 2021-01-01, on 2021-07-02: 182 of 365 days (hand count: 31+28+31+30+31+30+1).
    const double half = ex(date(2021, 1, 1), date(2021, 7, 2));
    CHECK(half > 0.49862);
    CHECK(half < 0.49864);
    // Born 2023-03-15: 2024-03-14 is day 365 of a 366-day year of life -> 0.99727.
    const double before_leap = ex(date(2023, 3, 15), date(2024, 3, 14));
    CHECK(before_leap > 0.99726);
    CHECK(before_leap < 0.99728);
}

TEST_CASE("exact years for a 29 February birthday", "[patient][demographics][PAT-AGE-002]") {
    const auto ex = [](sys_days b, sys_days on) {
        return age::make(b, on).value().years(age_resolution::exact);
    };
    const auto leapling = date(2000, 2, 29);
    // First birthday on 1 March 2001 (common year): exactly 1.0; the day before 365/366.
    CHECK(ex(leapling, date(2001, 3, 1)) == 1.0);
    const double day_before = ex(leapling, date(2001, 2, 28));
    CHECK(day_before > 0.99726);   // 365 / 366 = 0.997268
    CHECK(day_before < 0.99728);
    // In a leap year the birthday is 29 February itself.
    CHECK(ex(leapling, date(2004, 2, 29)) == 4.0);
    CHECK(ex(leapling, date(2004, 2, 28)) < 4.0);
    // 1 March 2004 is 1 day into a year of life that ends on 1 March 2005 (366 days): 4.00273.
    const double after = ex(leapling, date(2004, 3, 1));
    CHECK(after > 4.00272);
    CHECK(after < 4.00274);
}

TEST_CASE("a birth date after the reference date is refused", "[patient][demographics]") {
    const auto r = age::make(date(2020, 1, 2), date(2020, 1, 1), "patient.birth_date");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::inconsistent);
    CHECK(r.error().message() ==
          "patient.birth_date: birth date 2020-01-02 is inconsistent: on or before the reference "
          "date 2020-01-01");
}

TEST_CASE("ages above 130 years are refused", "[patient][demographics][PAT-AGE-003]") {
    CHECK(age::make(date(1900, 1, 1), date(2030, 12, 31))->completed_years() == 130);
    const auto old = age::make(date(1900, 1, 1), date(2031, 1, 1));
    REQUIRE_FALSE(old.has_value());
    CHECK(old.error().code() == hsct::errc::out_of_range);
    CHECK(old.error().valid_range() == "0-130 years");
}

TEST_CASE("an age from years and months: below, at and above each bound",
          "[patient][demographics][PAT-AGE-003]") {
    CHECK(age::make(15, 11)->completed_months() == 191);
    CHECK(age::make(0, 0)->completed_years() == 0);
    CHECK(age::make(130, 11).has_value());
    CHECK_FALSE(age::make(131, 0).has_value());
    CHECK_FALSE(age::make(-1, 0).has_value());
    CHECK_FALSE(age::make(5, 12).has_value());
    CHECK_FALSE(age::make(5, -1).has_value());
    CHECK(age::make(5, 12).error().value() == "5 y 12 mo");
    // exact years from years and months is the start of that month of life: years + months/12
    CHECK(age::make(40, 0)->years(age_resolution::exact) == 40.0);
    const double forty_one_mo = age::make(40, 1)->years(age_resolution::exact);
    CHECK(forty_one_mo > 40.0833);   // 40 + 1/12 = 40.08333
    CHECK(forty_one_mo < 40.0834);
}

TEST_CASE("stored enum numbers are checked, and an invalid one never prints a valid name",
          "[patient][demographics][CORE-ENUM-002]") {
    namespace p = hsct;
    // numbers start at 1: a zero-initialised field is not a value
    STATIC_REQUIRE(static_cast<int>(sex::female) == 1);
    STATIC_REQUIRE(static_cast<int>(age_resolution::completed_years) == 1);
    STATIC_REQUIRE(p::is_valid(sex::male));
    STATIC_REQUIRE_FALSE(p::is_valid(static_cast<sex>(0)));
    STATIC_REQUIRE_FALSE(p::is_valid(static_cast<age_resolution>(3)));

    CHECK(p::to_string(sex::female) == "female");
    CHECK(p::to_string(sex::male) == "male");
    CHECK(p::to_string(static_cast<sex>(7)) == "invalid (7)");
    CHECK(p::to_string(static_cast<sex>(0)) == "invalid (0)");
    CHECK(p::to_string(static_cast<sex>(255)) == "invalid (255)");
    CHECK(p::to_string(static_cast<age_resolution>(0)) == "invalid (0)");
    std::ostringstream os;
    os << static_cast<sex>(3);
    CHECK(os.str() == "invalid (3)");

    CHECK(p::make_enum<sex>(1, "sex").value() == sex::female);
    CHECK(p::make_enum<sex>(2, "sex").value() == sex::male);
    for (const std::int64_t bad : {std::int64_t{0}, std::int64_t{3}, std::int64_t{-1},
                                   std::int64_t{258}}) {
        CAPTURE(bad);
        const auto e = p::make_enum<sex>(bad, "patient.sex");
        REQUIRE_FALSE(e.has_value());
        CHECK(e.error().code() == hsct::errc::out_of_range);
        CHECK(e.error().field() == "patient.sex");
        CHECK(e.error().value() == std::to_string(bad));
        CHECK(e.error().valid_range() == "one of 1 (female), 2 (male)");
    }
}

TEST_CASE("dates outside the accepted window are refused, never wrapped (review regression)",
          "[patient][demographics][CORE-DAY-008]") {
    const sys_days far{days{365 * 65536}};
    const auto r = age::make(date(1970, 1, 1), far);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::out_of_range);
    CHECK(r.error().field() == "age.reference_date");
    CHECK(age::make(date(1899, 12, 31), date(2000, 1, 1)).error().field() == "age.birth_date");
    CHECK(age::make(date(1900, 1, 1), date(2000, 1, 1))->completed_years() == 100);
}

TEST_CASE("parse_age reads back what to_string(age) writes, to the completed month",
          "[patient][demographics][PAT-AGE-004]") {
    // Every whole month from birth to 130 y 11 mo, from a birth date (days lived known).
    const auto birth = date(1950, 1, 31);
    for (int m = 0; m <= 130 * 12 + 11; m += 7) {
        const int y = 1950 + m / 12;
        const auto on = sys_days{year{y} / month{static_cast<unsigned>(m % 12 + 1)} / last} + days{3};
        const auto a = age::make(birth, on);
        if (!a) {
            continue;  // past 2199 or over 130 years
        }
        const std::string text = hsct::to_string(*a);
        const auto back = hsct::parse_age(text);
        CAPTURE(text);
        REQUIRE(back.has_value());
        // Equality of the round trip is defined on completed months: the days lived are not
        // printed, so back->days() is the start of that month of life.
        CHECK(back->completed_months() == a->completed_months());
        CHECK(hsct::to_string(*back) == text);
    }
    // From years and months the round trip is exact, days included.
    for (const auto& [y, m] : {std::pair{0, 0}, std::pair{45, 3}, std::pair{130, 11}, std::pair{1, 11}}) {
        const auto a = age::make(y, m).value();
        CHECK(hsct::parse_age(hsct::to_string(a)).value() == a);
    }
    CHECK(hsct::parse_age("45 y 3 mo")->completed_months() == 45 * 12 + 3);
    CHECK(hsct::parse_age("  45  y   3 mo ")->completed_months() == 45 * 12 + 3);
}

TEST_CASE("parse_age refuses other forms and ages out of range",
          "[patient][demographics][PAT-AGE-004][PAT-AGE-003]") {
    for (const char* t : {"", "45", "45 y", "45y 3mo", "45 years 3 months", "45 y 3 mo extra",
                          "-1 y 0 mo", "+4 y 0 mo", "4.5 y 0 mo", "y 3 mo", "45 y mo", "12345 y 0 mo"}) {
        CAPTURE(t);
        const auto r = hsct::parse_age(t, "recipient.age");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
        CHECK(r.error().field() == "recipient.age");
    }
    const auto month12 = hsct::parse_age("5 y 12 mo");
    REQUIRE_FALSE(month12.has_value());
    CHECK(month12.error().code() == hsct::errc::out_of_range);
    CHECK(month12.error().value() == "5 y 12 mo");
    const auto old = hsct::parse_age("131 y 0 mo", "recipient.age");
    REQUIRE_FALSE(old.has_value());
    CHECK(old.error().code() == hsct::errc::out_of_range);
    CHECK(old.error().field() == "recipient.age");
    CHECK(hsct::parse_age("130 y 11 mo").has_value());
    CHECK(hsct::parse_age("x").error().message() ==
          "age: cannot read 'x'; expected '<years> y <months> mo', e.g. '45 y 3 mo'");
}

}  // namespace hsct_test_core_demographics_test
