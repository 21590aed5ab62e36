// Tests for include/hsct/conditioning/schedule.hpp: a regimen on the calendar (COND-SCHED-001),
// Day 0 and rest-day checks (COND-SCHED-001/002), and moving Day 0.
#include <hsct/conditioning/schedule.hpp>

#include <array>
#include <chrono>
#include <initializer_list>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_schedule_test {

namespace c = hsct::conditioning;
using c::agent;
using namespace std::chrono;

namespace {
c::regimen_component part(const hsct::result<c::agent_dose>& d, std::initializer_list<int> days) {
    REQUIRE(d.has_value());
    c::regimen_component x{*d, {}};
    for (const int day : days) {
        x.days.push_back(hsct::transplant_day::at(day));
    }
    return x;
}
const sys_days day0{2026y / March / 10};
}  // namespace

TEST_CASE("FluMel on the calendar: dated, in day order", "[COND-SCHED-001]") {
    const auto s = c::schedule_regimen(c::regimens::flu_mel(), day0);
    REQUIRE(s.has_value());
    REQUIRE(s->administrations.size() == 5);
    CHECK(s->administrations[0].which == agent::fludarabine);
    CHECK(s->administrations[0].day == hsct::transplant_day::at(-5));
    CHECK(s->administrations[0].date == sys_days{2026y / March / 5});
    CHECK(s->administrations[4].which == agent::melphalan);
    CHECK(s->administrations[4].date == sys_days{2026y / March / 9});
    CHECK(s->administrations[4].per_day.value() == 140.0);
    // BEAM: etoposide and cytarabine on the same days come in component order
    const auto b = c::schedule_regimen(c::regimens::beam(), day0);
    REQUIRE(b.has_value());
    CHECK(b->administrations[1].which == agent::etoposide);
    CHECK(b->administrations[2].which == agent::cytarabine);
    CHECK(b->administrations[1].date == b->administrations[2].date);
}

TEST_CASE("moving Day 0 moves every date and keeps the transplant days", "[COND-SCHED-001]") {
    const auto s = c::schedule_regimen(c::regimens::flu_cy_tbi_ptcy(), day0);
    REQUIRE(s.has_value());
    const auto later = s->moved_to(day0 + days(3));
    REQUIRE(later.administrations.size() == s->administrations.size());
    for (std::size_t i = 0; i < later.administrations.size(); ++i) {
        CHECK(later.administrations[i].date == s->administrations[i].date + days(3));
        CHECK(later.administrations[i].day == s->administrations[i].day);
    }
    // PTCy on D+3 and D+4 across a month end: 2026-03-31 + 3 = 2026-04-03
    const auto april = s->moved_to(sys_days{2026y / March / 31});
    CHECK(april.administrations[april.administrations.size() - 2].date == sys_days{2026y / April / 3});
}

TEST_CASE("Day 0: TBI accepted, any other agent refused; no component crosses Day 0", "[COND-SCHED-001]") {
    CHECK(c::schedule_regimen(c::regimens::flu_tbi_2gy(), day0).has_value());  // Seattle: TBI on D0
    const std::array<c::regimen_component, 1> mel0{
        part(c::make_dose<agent::melphalan>(hsct::dose_per_area(140, hsct::units::mg_per_m2)), {0})};
    const auto r0 = c::make_regimen("Mel on D0", "", mel0);
    REQUIRE(r0.has_value());
    const auto s0 = c::schedule_regimen(*r0, day0);
    REQUIRE_FALSE(s0.has_value());
    CHECK(s0.error().code() == hsct::errc::inconsistent);
    CHECK(s0.error().field() == "regimen.components.days[0]");
    const std::array<c::regimen_component, 1> across{
        part(c::make_dose<agent::cyclophosphamide>(hsct::dose_per_mass(50, hsct::units::mg_per_kg)), {-1, 1})};
    const auto r1 = c::make_regimen("Cy across D0", "", across);
    REQUIRE(r1.has_value());
    const auto s1 = c::schedule_regimen(*r1, day0);
    REQUIRE_FALSE(s1.has_value());
    CHECK(s1.error().value() == "D-1 to D+1");
}

TEST_CASE("a regimen's rest days stay free and are dated", "[COND-SCHED-002][COND-REG-001]") {
    const std::array<c::regimen_component, 2> parts{
        part(c::make_dose<agent::busulfan_oral>(hsct::dose_per_mass(4, hsct::units::mg_per_kg)), {-7, -6, -5, -4}),
        part(c::make_dose<agent::cyclophosphamide>(hsct::dose_per_mass(60, hsct::units::mg_per_kg)), {-3, -2})};
    const std::array<hsct::transplant_day, 1> rest{hsct::transplant_day::at(-1)};
    const auto r = c::make_regimen("BuCy with a rest day", "centre", parts, false, false, rest);
    REQUIRE(r.has_value());
    REQUIRE(r->rest_days().size() == 1);
    const auto s = c::schedule_regimen(*r, day0);
    REQUIRE(s.has_value());
    REQUIRE(s->rest_dates.size() == 1);
    CHECK(s->rest_dates[0] == sys_days{2026y / March / 9});
    // a component on the rest day is refused
    const std::array<c::regimen_component, 1> on_rest{
        part(c::make_dose<agent::cyclophosphamide>(hsct::dose_per_mass(60, hsct::units::mg_per_kg)), {-2, -1})};
    const auto bad = c::make_regimen("Cy on the rest day", "centre", on_rest, false, false, rest);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::inconsistent);
    CHECK(bad.error().requirement() == "COND-SCHED-002");
}

}  // namespace hsct_test_conditioning_schedule_test
