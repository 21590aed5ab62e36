// Tests for include/hsct/follow_up/reporting.hpp: CIBMTR and EBMT reporting time points, their
// windows, a subsequent HCT and which reports are open on a date (FU-REP-001..006).
#include <hsct/follow_up/reporting.hpp>

#include <chrono>
#include <cstddef>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_reporting_test {

using namespace std::chrono;
namespace f = hsct::follow_up;
using tk = f::time_point_kind;
using form = f::registry_form;

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

std::vector<f::report_time_point> schedule(const hsct::timeline& t, form fm, sys_days until,
                                           std::span<const f::subsequent_hct_info> sub = {},
                                           const f::reporting_options& o = {}) {
    auto r = f::reporting_schedule(f::reporting_input{t, fm, until, sub}, o);
    REQUIRE(r);
    return *r;
}

void check_point(const f::report_time_point& p, tk kind, int year, sys_days nominal, sys_days start, sys_days end) {
    CAPTURE(hsct::id(p.kind), p.year, hsct::to_string(p.nominal_date));
    CHECK(p.kind == kind);
    CHECK(p.year == year);
    CHECK(p.nominal_date == nominal);
    CHECK(p.window_start == start);
    CHECK(p.window_end == end);
}

TEST_CASE("CIBMTR Post-TED: Pre-TED, Day 100, 6 months, then yearly (worked example 11.9)",
          "[follow_up][FU-REP-001][FU-REP-003][FU-REP-004][scores-11.9]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value();
    const auto s = schedule(t, form::cibmtr_post_ted_2450, ymd(2026, 3, 1));
    REQUIRE(s.size() == 5);
    // the Pre-TED: due on Day 0, from 2 weeks before (no preparative regimen recorded: Day 0)
    check_point(s[0], tk::pre_transplant, 0, ymd(2024, 3, 1), ymd(2024, 2, 16), ymd(2024, 3, 1));
    // Day +100 = 2024-06-09 (2024 is a leap year, but 29 February is before Day 0); day 85-115
    check_point(s[1], tk::day_100, 0, ymd(2024, 6, 9), ymd(2024, 5, 25), ymd(2024, 6, 24));
    CHECK(s[1].nominal.number() == 100);
    CHECK(s[1].source == f::window_source::printed);
    // 6 months = day 180; window day 150 (2024-07-29) to day 210 (2024-09-27, resolutions K10)
    check_point(s[2], tk::month_6, 0, ymd(2024, 8, 28), ymd(2024, 7, 29), ymd(2024, 9, 27));
    CHECK(s[2].source == f::window_source::derived);
    // 1 year: the anniversary 2025-03-01 (day 365); the contact must be after day 365: from 2025-03-02
    check_point(s[3], tk::anniversary, 1, ymd(2025, 3, 1), ymd(2025, 3, 2), ymd(2025, 4, 15));
    CHECK(s[3].nominal.number() == 365);
    CHECK(s[3].source == f::window_source::policy);  // its start is the verified rule, its end the policy's
    // 2 years: the anniversary +/- 45 days (policy, unverified)
    check_point(s[4], tk::anniversary, 2, ymd(2026, 3, 1), ymd(2026, 1, 15), ymd(2026, 4, 15));
    CHECK(s[4].source == f::window_source::policy);
    for (const auto& p : s) {
        CHECK(p.hct_number == 1);
        CHECK_FALSE(p.closing);
        CHECK(p.form == form::cibmtr_post_ted_2450);
    }
    // `until` is inclusive: a day earlier drops the 2-year report
    CHECK(schedule(t, form::cibmtr_post_ted_2450, ymd(2026, 2, 28)).size() == 4);
}

TEST_CASE("CIBMTR 2100: yearly for 6 years, then every 2 years", "[follow_up][FU-REP-001]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value();
    const auto s = schedule(t, form::cibmtr_post_infusion_2100, ymd(2034, 3, 1));
    std::vector<int> years;
    for (const auto& p : s) {
        if (p.kind == tk::anniversary) {
            years.push_back(p.year);
        }
    }
    CHECK(years == std::vector<int>{1, 2, 3, 4, 5, 6, 8, 10});
    const auto ted = schedule(t, form::cibmtr_post_ted_2450, ymd(2034, 3, 1));
    CHECK(ted.size() == 3 + 10);  // Pre-TED, Day 100, 6 months, ten anniversaries
}

TEST_CASE("EBMT: Day 100 then yearly, windows by policy", "[follow_up][FU-REP-002][FU-REP-004]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value();
    const auto s = schedule(t, form::ebmt, ymd(2026, 3, 1));
    REQUIRE(s.size() == 3);
    check_point(s[0], tk::day_100, 0, ymd(2024, 6, 9), ymd(2024, 5, 25), ymd(2024, 6, 24));
    CHECK(s[0].source == f::window_source::policy);
    check_point(s[1], tk::anniversary, 1, ymd(2025, 3, 1), ymd(2025, 1, 15), ymd(2025, 4, 15));
    check_point(s[2], tk::anniversary, 2, ymd(2026, 3, 1), ymd(2026, 1, 15), ymd(2026, 4, 15));
    f::reporting_options narrow;
    narrow.annual_window = days{0};
    const auto n = schedule(t, form::ebmt, ymd(2026, 3, 1), {}, narrow);
    check_point(n[1], tk::anniversary, 1, ymd(2025, 3, 1), ymd(2025, 3, 1), ymd(2025, 3, 1));
}

TEST_CASE("a 29 February Day 0: anniversaries under the month-end policy", "[follow_up][FU-REP-003][FU-CAL-002]") {
    const auto t = hsct::timeline::single(ymd(2024, 2, 29)).value();
    const auto s = schedule(t, form::cibmtr_post_ted_2450, ymd(2028, 3, 1));
    REQUIRE(s.size() == 3 + 4);
    // Day +100 counts the leap day: 2024-06-08
    CHECK(s[1].nominal_date == ymd(2024, 6, 8));
    // year 1: 2025-02-28 is day 365, so the contact window opens on day 366, 2025-03-01
    check_point(s[3], tk::anniversary, 1, ymd(2025, 2, 28), ymd(2025, 3, 1), ymd(2025, 4, 14));
    CHECK(s[3].nominal.number() == 365);
    CHECK(s[6].nominal_date == ymd(2028, 2, 29));  // year 4 is a leap year again
    f::reporting_options roll;
    roll.leap_day = f::month_end_policy::roll_forward;
    const auto r = schedule(t, form::cibmtr_post_ted_2450, ymd(2028, 3, 1), {}, roll);
    check_point(r[3], tk::anniversary, 1, ymd(2025, 3, 1), ymd(2025, 3, 1), ymd(2025, 4, 15));
    CHECK(r[3].nominal.number() == 366);
}

TEST_CASE("a subsequent new transplant closes the earlier sequence and restarts it", "[follow_up][FU-REP-005]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value().with_subsequent_hct(ymd(2024, 12, 1)).value();
    const f::subsequent_hct_info second{2, f::subsequent_hct_kind::new_transplant, ymd(2024, 11, 24)};
    const auto s = schedule(t, form::cibmtr_post_ted_2450, ymd(2026, 3, 1), std::span(&second, 1));
    REQUIRE(s.size() == 4 + 4);
    // HCT 1: Pre-TED, Day 100, 6 months; its 1-year report closes on the day before conditioning
    CHECK(s[2].kind == tk::month_6);
    CHECK(s[3].kind == tk::anniversary);
    CHECK(s[3].closing);
    CHECK(s[3].contact_date == ymd(2024, 11, 23));
    CHECK(s[3].hct_number == 1);
    // HCT 2 from its own Day 0: Pre-TED from 2 weeks before conditioning, Day 100, 6 months, 1 year
    CHECK(s[4].hct_number == 2);
    check_point(s[4], tk::pre_transplant, 0, ymd(2024, 12, 1), ymd(2024, 11, 10), ymd(2024, 12, 1));
    check_point(s[5], tk::day_100, 0, ymd(2025, 3, 11), ymd(2025, 2, 24), ymd(2025, 3, 26));
    CHECK(s[6].kind == tk::month_6);
    check_point(s[7], tk::anniversary, 1, ymd(2025, 12, 1), ymd(2025, 12, 2), ymd(2026, 1, 15));
    // without a preparative regimen: the day before the infusion
    const f::subsequent_hct_info bare{2, f::subsequent_hct_kind::new_transplant, std::nullopt};
    CHECK(schedule(t, form::cibmtr_post_ted_2450, ymd(2026, 3, 1), std::span(&bare, 1))[3].contact_date ==
          ymd(2024, 11, 30));
    // undescribed: a new transplant, no regimen recorded
    CHECK(schedule(t, form::cibmtr_post_ted_2450, ymd(2026, 3, 1)) ==
          schedule(t, form::cibmtr_post_ted_2450, ymd(2026, 3, 1), std::span(&bare, 1)));
}

TEST_CASE("a subsequent HCT before Day 100 makes the Day 100 report the closing one", "[follow_up][FU-REP-005]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value().with_subsequent_hct(ymd(2024, 4, 30)).value();
    const auto s = schedule(t, form::cibmtr_post_ted_2450, ymd(2024, 12, 31));
    REQUIRE(s.size() >= 3);
    CHECK(s[1].kind == tk::day_100);
    CHECK(s[1].closing);
    CHECK(s[1].contact_date == ymd(2024, 4, 29));
    CHECK(s[2].hct_number == 2);
    // a closing report is due even when its nominal date is after `until`
    const auto early = schedule(t, form::cibmtr_post_ted_2450, ymd(2024, 5, 1));
    REQUIRE(early.size() == 3);
    CHECK(early[1].closing);
    CHECK(early[2].kind == tk::pre_transplant);
}

TEST_CASE("an autologous rescue or same-donor boost continues the earlier sequence", "[follow_up][FU-REP-005]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value().with_subsequent_hct(ymd(2024, 5, 1)).value();
    for (const auto kind : {f::subsequent_hct_kind::autologous_rescue, f::subsequent_hct_kind::same_donor_boost}) {
        CAPTURE(hsct::id(kind));
        const f::subsequent_hct_info rescue{2, kind, std::nullopt};
        const auto s = schedule(t, form::cibmtr_post_ted_2450, ymd(2025, 6, 1), std::span(&rescue, 1));
        REQUIRE(s.size() == 4);
        for (const auto& p : s) {
            CHECK(p.hct_number == 1);
            CHECK_FALSE(p.closing);
        }
        CHECK(s[1].nominal_date == ymd(2024, 6, 9));
    }
}

TEST_CASE("the reports open on a date", "[follow_up][FU-REP-004]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value();
    const auto s = schedule(t, form::cibmtr_post_ted_2450, ymd(2026, 3, 1));
    // day 84, 85, 115, 116 around the Day 100 window
    CHECK(f::open_on(s, ymd(2024, 5, 24)).empty());
    REQUIRE(f::open_on(s, ymd(2024, 5, 25)).size() == 1);
    CHECK(f::open_on(s, ymd(2024, 5, 25))[0].kind == tk::day_100);
    CHECK(f::open_on(s, ymd(2024, 6, 24)).size() == 1);
    CHECK(f::open_on(s, ymd(2024, 6, 25)).empty());
    // day 149 / 150; day 365 / 366
    CHECK(f::open_on(s, ymd(2024, 7, 28)).empty());
    CHECK(f::open_on(s, ymd(2024, 7, 29))[0].kind == tk::month_6);
    CHECK(f::open_on(s, ymd(2025, 3, 1)).empty());
    CHECK(f::open_on(s, ymd(2025, 3, 2))[0].year == 1);
    CHECK(f::open_on(s, ymd(2024, 3, 1))[0].kind == tk::pre_transplant);
}

TEST_CASE("bad reporting input is refused naming the field", "[follow_up][FU-REP-006]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value().with_subsequent_hct(ymd(2024, 12, 1)).value();
    const auto refuse = [&](sys_days until, std::vector<f::subsequent_hct_info> sub, const f::reporting_options& o = {}) {
        auto r = f::reporting_schedule(f::reporting_input{t, form::cibmtr_post_ted_2450, until, sub}, o);
        REQUIRE_FALSE(r);
        return r.error();
    };
    const sys_days until = ymd(2026, 1, 1);
    auto e = refuse(ymd(2024, 2, 29), {});
    CHECK(e.field() == "reporting.until");
    CHECK(e.valid_range() == "on or after the first Day 0 2024-03-01");
    CHECK(refuse(ymd(2200, 1, 1), {}).field() == "reporting.until");
    e = refuse(until, {{3, f::subsequent_hct_kind::new_transplant, std::nullopt}});
    CHECK(e.field() == "reporting.subsequent[0].hct_number");
    CHECK(e.valid_range() == "an HCT after the first on the timeline: 2 to 2");
    CHECK(refuse(until, {{1, f::subsequent_hct_kind::new_transplant, std::nullopt}}).field() ==
          "reporting.subsequent[0].hct_number");
    e = refuse(until, {{2, f::subsequent_hct_kind::new_transplant, std::nullopt},
                       {2, f::subsequent_hct_kind::autologous_rescue, std::nullopt}});
    CHECK(e.field() == "reporting.subsequent[1].hct_number");
    CHECK(e.valid_range() == "each HCT described once");
    e = refuse(until, {{2, f::subsequent_hct_kind::new_transplant, ymd(2024, 12, 2)}});
    CHECK(e.field() == "reporting.subsequent[0].preparative_start");
    CHECK(e.value() == "2024-12-02");
    CHECK(e.valid_range() == "after the earlier HCT's Day 0 2024-03-01 and on or before this HCT's Day 0 2024-12-01");
    CHECK(refuse(until, {{2, f::subsequent_hct_kind::new_transplant, ymd(2024, 3, 1)}}).field() ==
          "reporting.subsequent[0].preparative_start");
    CHECK(refuse(until, {{2, static_cast<f::subsequent_hct_kind>(0), std::nullopt}}).field() ==
          "reporting.subsequent[0].kind");
    f::reporting_options o;
    o.annual_window = days{181};
    e = refuse(until, {}, o);
    CHECK(e.field() == "reporting_options.annual_window");
    CHECK(e.value() == "181 days");
    CHECK(e.valid_range() == "0-180 days");
    o.annual_window = days{-1};
    CHECK(refuse(until, {}, o).field() == "reporting_options.annual_window");
    o = {};
    o.leap_day = static_cast<f::month_end_policy>(5);
    CHECK(refuse(until, {}, o).field() == "reporting_options.leap_day");
    auto bad_form = f::reporting_schedule(f::reporting_input{t, static_cast<form>(0), until});
    REQUIRE_FALSE(bad_form);
    CHECK(bad_form.error().field() == "reporting.form");
}

TEST_CASE("the Pre-TED window opens 2 weeks before conditioning, or by policy before Day 0", "[follow_up][FU-REP-001][FU-REP-004]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value();
    const auto none = schedule(t, form::cibmtr_post_ted_2450, ymd(2024, 4, 1));
    CHECK(none[0].window_start == ymd(2024, 2, 16));
    CHECK(none[0].source == f::window_source::policy);
    f::reporting_input in{t, form::cibmtr_post_ted_2450, ymd(2024, 4, 1)};
    in.preparative_start = ymd(2024, 2, 23);  // D-7
    const auto given = f::reporting_schedule(in);
    REQUIRE(given);
    CHECK((*given)[0].window_start == ymd(2024, 2, 9));
    CHECK((*given)[0].window_end == ymd(2024, 3, 1));
    CHECK((*given)[0].source == f::window_source::printed);
    in.preparative_start = ymd(2024, 3, 2);
    const auto late = f::reporting_schedule(in);
    REQUIRE_FALSE(late);
    CHECK(late.error().field() == "reporting.preparative_start");
    // a subsequent HCT's conditioning start makes its Pre-TED window printed
    const auto t2 = t.with_subsequent_hct(ymd(2024, 12, 1)).value();
    const f::subsequent_hct_info second{2, f::subsequent_hct_kind::new_transplant, ymd(2024, 11, 24)};
    const auto s2 = schedule(t2, form::cibmtr_post_ted_2450, ymd(2025, 1, 1), std::span(&second, 1));
    CHECK(s2.back().kind == tk::pre_transplant);
    CHECK(s2.back().source == f::window_source::printed);
}

TEST_CASE("a report whose window would leave the date range ends the sequence", "[follow_up][FU-REP-004][CORE-DAY-008]") {
    // Day 0 2199-06-20: the 6-month window would end on 2200-01-16
    const auto late = hsct::timeline::single(ymd(2199, 6, 20)).value();
    const auto s = schedule(late, form::cibmtr_post_ted_2450, ymd(2199, 12, 31));
    REQUIRE(s.size() == 2);
    CHECK(s[1].kind == tk::day_100);
    // Day 0 1900-01-05: the Pre-TED window would open in 1899
    const auto early = hsct::timeline::single(ymd(1900, 1, 5)).value();
    CHECK(schedule(early, form::cibmtr_post_ted_2450, ymd(1901, 1, 1)).empty());
    CHECK(schedule(early, form::ebmt, ymd(1901, 3, 1)).size() == 2);  // EBMT has no Pre-TED
}

TEST_CASE("the annual window: 180 days either side is accepted, 181 refused", "[follow_up][FU-REP-006][FU-REP-004]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value();
    f::reporting_options o;
    o.annual_window = days{180};
    const auto s = schedule(t, form::ebmt, ymd(2026, 3, 1), {}, o);
    REQUIRE(s.size() == 3);
    // 2026-03-01 +/- 180 days
    check_point(s[2], tk::anniversary, 2, ymd(2026, 3, 1), ymd(2025, 9, 2), ymd(2026, 8, 28));
    o.annual_window = days{181};
    const auto e = f::reporting_schedule(f::reporting_input{t, form::ebmt, ymd(2026, 3, 1)}, o);
    REQUIRE_FALSE(e);
    CHECK(e.error().code() == hsct::errc::out_of_range);
    CHECK(e.error().field() == "reporting_options.annual_window");
    CHECK(e.error().value() == "181 days");
    CHECK(e.error().requirement() == "FU-REP-006");
    o.annual_window = days{0};
    CHECK(f::reporting_schedule(f::reporting_input{t, form::ebmt, ymd(2026, 3, 1)}, o));
}

}  // namespace hsct_test_follow_up_reporting_test
