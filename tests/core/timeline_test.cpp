// Tests for include/hsct/core/timeline.hpp, including the worked examples DAY-1 to DAY-4 of
// shared/docs/reference/clinical-gvhd-engraftment.md section 8.11.
#include <hsct/core/timeline.hpp>
#include <hsct/core/io.hpp>

#include <array>
#include <chrono>
#include <sstream>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_timeline_test {

using hsct::transplant_day;
using namespace std::chrono;

namespace {
sys_days date(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }
}  // namespace

TEST_CASE("DAY-1: single infusion 2024-03-10", "[core][timeline][CORE-DAY-004][CORE-DAY-005][CIBMTR][DAY-1]") {
    const auto t = hsct::timeline::single(date(2024, 3, 10)).value();
    CHECK(t.day0() == date(2024, 3, 10));
    CHECK(t.day_of(date(2024, 3, 10)).value() == transplant_day{});
    CHECK(t.day_of(date(2024, 3, 3)).value() == transplant_day::at(-7));
    CHECK(t.day_of(date(2024, 3, 24)).value() == transplant_day::at(14));
    CHECK(t.date_of(transplant_day::at(100)).value() == date(2024, 6, 18));
    CHECK(t.hct_count() == 1);
}

TEST_CASE("DAY-2: one product infused on two days; Day 0 is the first", "[core][timeline][CORE-DAY-004][CIBMTR][DAY-2]") {
    const std::array dates{date(2024, 5, 2), date(2024, 5, 1)};  // order does not matter
    const auto t = hsct::timeline::from_infusions(dates);
    REQUIRE(t.has_value());
    CHECK(t->day0() == date(2024, 5, 1));
    CHECK(t->hct_count() == 1);
    CHECK(t->day_of(date(2024, 5, 2)).value() == transplant_day::at(1));
    const auto days_of_infusion = t->infusion_days().value();
    REQUIRE(days_of_infusion.size() == 2);
    CHECK(days_of_infusion[0] == transplant_day{});
    CHECK(days_of_infusion[1] == transplant_day::at(1));
}

TEST_CASE("DAY-3: day numbers are calendar differences across a leap day", "[core][timeline][CORE-DAY-005][DAY-3]") {
    const auto leap = hsct::timeline::single(date(2024, 2, 28)).value();
    CHECK(leap.day_of(date(2024, 3, 1)).value() == transplant_day::at(2));
    const auto common = hsct::timeline::single(date(2025, 2, 28)).value();
    CHECK(common.day_of(date(2025, 3, 1)).value() == transplant_day::at(1));
}

TEST_CASE("DAY-4: the day before Day 0 is D-1", "[core][timeline][CORE-DAY-001][DAY-4]") {
    const auto t = hsct::timeline::single(date(2024, 1, 1)).value();
    CHECK(t.day_of(date(2023, 12, 31)).value() == transplant_day::at(-1));
    CHECK(t.date_of(transplant_day::at(-1)).value() == date(2023, 12, 31));
}

TEST_CASE("date_of and day_of are inverse over a wide span", "[core][timeline][CORE-DAY-005]") {
    const auto t = hsct::timeline::single(date(2024, 3, 10)).value();
    for (int n = -3000; n <= 3000; n += 7) {
        const auto d = transplant_day::at(n);
        REQUIRE(t.day_of(t.date_of(d).value()).value() == d);
    }
}

TEST_CASE("a further infusion keeps Day 0", "[core][timeline][CORE-DAY-004]") {
    const auto t = hsct::timeline::single(date(2024, 5, 1)).value();
    const auto more = t.with_infusion(date(2024, 5, 3));
    REQUIRE(more.has_value());
    CHECK(more->day0() == date(2024, 5, 1));
    CHECK(more->hct(1).infusion_dates.size() == 2);
    const auto before = t.with_infusion(date(2024, 4, 30));
    REQUIRE_FALSE(before.has_value());
    CHECK(before.error().code() == hsct::errc::inconsistent);
    CHECK(t.with_infusion(date(2024, 5, 1)).error().code() == hsct::errc::inconsistent);
    CHECK(more->with_infusion(date(2024, 5, 3)).error().code() == hsct::errc::inconsistent);
    // the original is untouched by a change that failed or succeeded
    CHECK(t.hct(1).infusion_dates.size() == 1);
}

TEST_CASE("a subsequent HCT has its own Day 0, after the previous infusions", "[core][timeline][CORE-DAY-006]") {
    const auto first = hsct::timeline::from_infusions(std::array{date(2024, 5, 1), date(2024, 5, 2)});
    REQUIRE(first.has_value());
    // at (not after) the last infusion of HCT 1: refused
    const auto too_early = first->with_subsequent_hct(date(2024, 5, 2));
    REQUIRE_FALSE(too_early.has_value());
    CHECK(too_early.error().code() == hsct::errc::inconsistent);
    CHECK(too_early.error().field() == "timeline.subsequent_hct.day0");
    // the day after it: accepted
    const auto second = first->with_subsequent_hct(date(2024, 5, 3));
    REQUIRE(second.has_value());
    CHECK(second->hct_count() == 2);
    CHECK(second->hct(2).number == 2);
    CHECK(second->hct(2).day0 == date(2024, 5, 3));
}

TEST_CASE("locate counts a date from the latest Day 0 on or before it", "[core][timeline][CORE-DAY-007]") {
    const auto t = hsct::timeline::single(date(2024, 1, 10)).value().with_subsequent_hct(date(2024, 9, 1));
    REQUIRE(t.has_value());
    // before the first Day 0: counted from HCT 1
    CHECK(t->locate(date(2024, 1, 3)).value() == hsct::located_day{1, transplant_day::at(-7)});
    // between: HCT 1, even when it is conditioning for HCT 2
    CHECK(t->locate(date(2024, 8, 31)).value().hct_number == 1);
    // on and after the second Day 0: HCT 2
    CHECK(t->locate(date(2024, 9, 1)).value() == hsct::located_day{2, transplant_day{}});
    CHECK(t->locate(date(2024, 9, 15)).value() == hsct::located_day{2, transplant_day::at(14)});
    // the caller can ask for HCT 2 explicitly for its conditioning days
    CHECK(t->day_of(date(2024, 8, 25), 2).value() == transplant_day::at(-7));
    const auto no_such = t->day_of(date(2024, 8, 25), 3);
    REQUIRE_FALSE(no_such.has_value());
    CHECK(no_such.error().code() == hsct::errc::not_allowed);
    CHECK(no_such.error().valid_range() == "1 to 2");
}

TEST_CASE("a date too far from Day 0 is an error, not a wrapped day", "[core][timeline][CORE-DAY-003]") {
    const auto t = hsct::timeline::single(date(2024, 1, 1)).value();
    CHECK(t.day_of(date(2024, 1, 1) + days{36525}).has_value());
    const auto far = t.day_of(date(2024, 1, 1) + days{36526});
    REQUIRE_FALSE(far.has_value());
    CHECK(far.error().code() == hsct::errc::out_of_range);
}

TEST_CASE("from_infusions refuses no dates and duplicate dates", "[core][timeline]") {
    const auto none = hsct::timeline::from_infusions({});
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code() == hsct::errc::missing);
    const auto dup = hsct::timeline::from_infusions(std::array{date(2024, 5, 1), date(2024, 5, 1)});
    REQUIRE_FALSE(dup.has_value());
    CHECK(dup.error().code() == hsct::errc::inconsistent);
    CHECK(dup.error().value() == "2024-05-01");
}

TEST_CASE("a timeline prints and parses back", "[core][timeline]") {
    auto t = hsct::timeline::from_infusions(std::array{date(2024, 5, 1), date(2024, 5, 2)})
                 .and_then([](const hsct::timeline& x) { return x.with_subsequent_hct(date(2025, 1, 10)); })
                 .and_then([](const hsct::timeline& x) { return x.with_infusion(date(2025, 1, 11)); });
    REQUIRE(t.has_value());
    const std::string text = hsct::to_string(*t);
    CHECK(text == "HCT1 2024-05-01 2024-05-02; HCT2 2025-01-10 2025-01-11");
    const auto back = hsct::parse_timeline(text);
    REQUIRE(back.has_value());
    CHECK(*back == *t);
    std::ostringstream os;
    os << *t;
    CHECK(os.str() == text);
}

TEST_CASE("parse_timeline refuses what the builders refuse", "[core][timeline]") {
    CHECK(hsct::parse_timeline("").error().code() == hsct::errc::missing);
    CHECK(hsct::parse_timeline("HCT2 2024-05-01").error().code() == hsct::errc::syntax);
    CHECK(hsct::parse_timeline("HCT1").error().code() == hsct::errc::missing);
    CHECK(hsct::parse_timeline("HCT1 2024-05-02 2024-05-01").error().code() == hsct::errc::inconsistent);
    CHECK(hsct::parse_timeline("HCT1 2024-05-01; HCT2 2024-04-01").error().code() == hsct::errc::inconsistent);
    CHECK(hsct::parse_timeline("HCT1 2024-05-01 2024-05-01").error().code() == hsct::errc::inconsistent);
    CHECK(hsct::parse_timeline("HCT1 2024-05-xx").error().code() == hsct::errc::syntax);
    CHECK(hsct::parse_timeline("HCT12024-05-01").error().code() == hsct::errc::syntax);
}

TEST_CASE("infusion dates must lie within the representable days of Day 0 (fuzz regression)",
          "[core][timeline][CORE-DAY-003]") {
    const auto d0 = date(2024, 5, 1);
    CHECK(hsct::timeline::from_infusions(std::array{d0, d0 + days{36525}}).has_value());
    const auto far = hsct::timeline::from_infusions(std::array{d0, d0 + days{36526}});
    REQUIRE_FALSE(far.has_value());
    CHECK(far.error().code() == hsct::errc::out_of_range);
    const auto t = hsct::timeline::single(d0).value();
    CHECK(t.with_infusion(d0 + days{36525}).has_value());
    CHECK(t.with_infusion(d0 + days{36526}).error().code() == hsct::errc::out_of_range);
    CHECK(hsct::parse_timeline("HCT1 2024-05-01 2125-01-11").error().code() == hsct::errc::out_of_range);
    const auto ok = hsct::parse_timeline("HCT1 2024-05-01 2124-05-02");
    REQUIRE(ok.has_value());
    CHECK(ok->infusion_days()->back() == transplant_day::at(36525));
}

TEST_CASE("dates outside 1900-01-01 to 2199-12-31 are refused everywhere (review regression)",
          "[core][timeline][CORE-DAY-008]") {
    // the window itself is tested in date_test.cpp
    CHECK(hsct::timeline::single(date(2300, 1, 1)).error().field() == "timeline.infusion_date");
    // far beyond what year_month_day represents: refused, no overflow
    const sys_days extreme{days{2000000000}};
    CHECK_FALSE(hsct::timeline::single(extreme).has_value());
    CHECK_FALSE(hsct::timeline::from_infusions(std::array{date(2024, 1, 1), extreme}).has_value());
    const auto t = hsct::timeline::single(date(2024, 1, 1)).value();
    CHECK(t.with_infusion(extreme).error().code() == hsct::errc::out_of_range);
    CHECK(t.with_subsequent_hct(extreme).error().code() == hsct::errc::out_of_range);
    CHECK(t.day_of(extreme).error().code() == hsct::errc::out_of_range);
    CHECK(t.locate(sys_days{days{-2000000000}}).error().code() == hsct::errc::out_of_range);
    // what to_string prints for any accepted timeline parses back
    const auto latest = hsct::timeline::single(date(2199, 12, 31)).value();
    CHECK(hsct::parse_timeline(hsct::to_string(latest)).value() == latest);
}

TEST_CASE("regression: date_of never leaves the date window; it returns an error",
          "[core][timeline][CORE-DAY-008][CORE-DAY-005]") {
    const auto late = hsct::timeline::single(date(2199, 12, 1)).value();
    const auto beyond = late.date_of(transplant_day::at(36525));  // would be 2299-12-02
    REQUIRE_FALSE(beyond.has_value());
    CHECK(beyond.error().code() == hsct::errc::out_of_range);
    CHECK(beyond.error().message() ==
          "timeline.date_of: D+36525 of HCT 1 (Day 0 2199-12-01) is outside the valid range "
          "a date from 1900-01-01 to 2199-12-31");
    CHECK(late.date_of(transplant_day::at(30)).value() == date(2199, 12, 31));
    CHECK_FALSE(late.date_of(transplant_day::at(31)).has_value());
    const auto early = hsct::timeline::single(date(1900, 1, 10)).value();
    CHECK(early.date_of(transplant_day::at(-9)).value() == date(1900, 1, 1));
    CHECK(early.date_of(transplant_day::at(-10)).error().code() == hsct::errc::out_of_range);
    CHECK(early.date_of(transplant_day::at(-36525)).error().code() == hsct::errc::out_of_range);
}

TEST_CASE("an HCT number that does not exist is an error, not an abort", "[core][timeline]") {
    const auto t = hsct::timeline::single(date(2024, 5, 1)).value();
    for (const int n : {0, 2, -1, 1000000}) {
        CAPTURE(n);
        CHECK(t.date_of(transplant_day::at(1), n).error().code() == hsct::errc::not_allowed);
        CHECK(t.infusion_days(n).error().code() == hsct::errc::not_allowed);
        CHECK(t.day_of(date(2024, 5, 2), n).error().code() == hsct::errc::not_allowed);
    }
    CHECK(t.date_of(transplant_day::at(1), 2).error().message() ==
          "timeline.hct_number: 2 is not allowed: 1 to 1");
    const auto two = t.with_subsequent_hct(date(2025, 1, 10)).value();
    CHECK(two.date_of(transplant_day::at(10), 2).value() == date(2025, 1, 20));
    CHECK(two.infusion_days(2).value() == std::vector<transplant_day>{transplant_day{}});
}

}  // namespace hsct_test_core_timeline_test
