// Tests for include/hsct/follow_up/endpoints.hpp: overall survival, relapse, non-relapse
// mortality, relapse-free and GVHD-free relapse-free survival per patient (FU-END-001..007), and
// the event checks (FU-EVT-002).
#include <hsct/follow_up/endpoints.hpp>

#include <chrono>
#include <cstdint>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_endpoints_test {

using namespace std::chrono;
namespace f = hsct::follow_up;
using ev = f::outcome_event;
using st = f::observation_status;
using k = f::outcome_event_kind;
using ep = f::endpoint;

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }
const sys_days day0 = ymd(2024, 3, 1);  // the reference notes' worked example 11.9
sys_days on(int n) { return day0 + days{n}; }

f::endpoint_result endpoints(const std::vector<ev>& events, const f::endpoint_options& o = {}) {
    auto r = f::assess_endpoints(f::patient_outcomes{day0, events}, o);
    REQUIRE(r);
    return *r;
}

void check(const f::endpoint_result& r, ep which, int day, st status, k by) {
    CAPTURE(hsct::id(which));
    const auto& rec = r.at(which);
    CHECK(rec.which == which);
    CHECK(rec.obs.time.number() == day);
    CHECK(rec.obs.status == status);
    CHECK(rec.decided_by == by);
}

TEST_CASE("an alive patient without events is censored at the last contact for every endpoint",
          "[follow_up][FU-END-001][FU-END-002][FU-END-003][FU-END-004][FU-END-005]") {
    const auto r = endpoints({ev::last_contact(on(412))});
    for (const ep e : hsct::values<ep>()) {
        check(r, e, 412, st::censored, k::last_contact);
        CHECK(r.at(e).event_index == 0U);
    }
    CHECK(r.at(ep::overall_survival).requirement == std::string_view("FU-END-001"));
    CHECK(r.at(ep::gvhd_free_relapse_free_survival).requirement == std::string_view("FU-END-005"));
}

TEST_CASE("relapse then death: relapse is the event, NRM's competing event; OS ends at the death",
          "[follow_up][FU-END-001][FU-END-002][FU-END-003][FU-END-004][FU-END-005]") {
    const auto r = endpoints({ev::acute_gvhd(on(30), f::acute_gvhd_grade::grade_2), ev::relapse(on(245)),
                              ev::death(on(400), f::death_cause::disease)});
    check(r, ep::overall_survival, 400, st::event, k::death);
    check(r, ep::relapse, 245, st::event, k::relapse);
    check(r, ep::non_relapse_mortality, 245, st::competing_event, k::relapse);
    check(r, ep::relapse_free_survival, 245, st::event, k::relapse);
    check(r, ep::gvhd_free_relapse_free_survival, 245, st::event, k::relapse);  // grade II is no GRFS event
    CHECK(r.at(ep::relapse).event_index == 1U);
    CHECK(r.at(ep::overall_survival).event_index == 2U);
}

TEST_CASE("death without relapse: NRM is the event, relapse's competing event", "[follow_up][FU-END-003][FU-END-002]") {
    const auto r = endpoints({ev::last_contact(on(90)), ev::death(on(120), f::death_cause::non_relapse)});
    check(r, ep::overall_survival, 120, st::event, k::death);
    check(r, ep::relapse, 120, st::competing_event, k::death);
    check(r, ep::non_relapse_mortality, 120, st::event, k::death);
    check(r, ep::relapse_free_survival, 120, st::event, k::death);
    check(r, ep::gvhd_free_relapse_free_survival, 120, st::event, k::death);
    // an unknown cause is NRM by timing under either policy
    const auto u = endpoints({ev::death(on(120), f::death_cause::unknown)});
    check(u, ep::non_relapse_mortality, 120, st::event, k::death);
}

TEST_CASE("a death from the disease without a reported relapse follows the policy", "[follow_up][FU-END-006]") {
    const std::vector<ev> events{ev::death(on(300), f::death_cause::disease)};
    const auto dflt = endpoints(events);
    CHECK(dflt.options.disease_death == f::disease_death_policy::relapse_at_death);
    check(dflt, ep::relapse, 300, st::event, k::death);
    check(dflt, ep::non_relapse_mortality, 300, st::competing_event, k::death);
    check(dflt, ep::relapse_free_survival, 300, st::event, k::death);
    f::endpoint_options timing;
    timing.disease_death = f::disease_death_policy::timing_only;
    const auto t = endpoints(events, timing);
    check(t, ep::relapse, 300, st::competing_event, k::death);
    check(t, ep::non_relapse_mortality, 300, st::event, k::death);
    // a relapse reported before the death: the policy does not apply
    const auto both = endpoints({ev::relapse(on(200)), ev::death(on(300), f::death_cause::disease)}, timing);
    check(both, ep::relapse, 200, st::event, k::relapse);
}

TEST_CASE("a relapse and a death on one date are taken in list order", "[follow_up][FU-END-003][FU-EVT-002]") {
    const auto relapse_first = endpoints({ev::relapse(on(150)), ev::death(on(150), f::death_cause::non_relapse)});
    check(relapse_first, ep::non_relapse_mortality, 150, st::competing_event, k::relapse);
    check(relapse_first, ep::relapse, 150, st::event, k::relapse);
    // a death listed first ends the follow-up: nothing may come after it
    const auto death_first = f::assess_endpoints(
        f::patient_outcomes{day0, std::vector{ev::death(on(150), f::death_cause::non_relapse), ev::relapse(on(150))}});
    REQUIRE_FALSE(death_first);
    CHECK(death_first.error().field() == "outcomes.events[1].kind");
}

TEST_CASE("GRFS counts grade III-IV acute GVHD and chronic GVHD needing systemic therapy by default",
          "[follow_up][FU-END-005][Holtan-2015]") {
    using g = f::acute_gvhd_grade;
    using sev = f::chronic_gvhd_severity;
    const auto last = ev::last_contact(on(500));
    // acute: grade II below, grade III at, grade IV above the default threshold
    check(endpoints({ev::acute_gvhd(on(25), g::grade_2), last}), ep::gvhd_free_relapse_free_survival, 500, st::censored,
          k::last_contact);
    check(endpoints({ev::acute_gvhd(on(25), g::grade_3), last}), ep::gvhd_free_relapse_free_survival, 25, st::event,
          k::acute_gvhd);
    check(endpoints({ev::acute_gvhd(on(25), g::grade_4), last}), ep::gvhd_free_relapse_free_survival, 25, st::event,
          k::acute_gvhd);
    check(endpoints({ev::acute_gvhd(on(25), g::grade_1), last}), ep::gvhd_free_relapse_free_survival, 500, st::censored,
          k::last_contact);
    // the first qualifying event: grade II on D+20, grade III on D+34
    check(endpoints({ev::acute_gvhd(on(20), g::grade_2), ev::acute_gvhd(on(34), g::grade_3), last}),
          ep::gvhd_free_relapse_free_survival, 34, st::event, k::acute_gvhd);
    f::endpoint_options two;
    two.grfs_acute = f::grfs_acute_gvhd::grade_2_to_4;
    check(endpoints({ev::acute_gvhd(on(25), g::grade_2), last}, two), ep::gvhd_free_relapse_free_survival, 25,
          st::event, k::acute_gvhd);
    check(endpoints({ev::acute_gvhd(on(25), g::grade_1), last}, two), ep::gvhd_free_relapse_free_survival, 500,
          st::censored, k::last_contact);
    // chronic: systemic therapy decides by default, severity under the alternative
    const auto mild_treated = ev::chronic_gvhd(on(200), sev::mild, true);
    const auto moderate_untreated = ev::chronic_gvhd(on(200), sev::moderate, false);
    check(endpoints({mild_treated, last}), ep::gvhd_free_relapse_free_survival, 200, st::event, k::chronic_gvhd);
    check(endpoints({moderate_untreated, last}), ep::gvhd_free_relapse_free_survival, 500, st::censored,
          k::last_contact);
    f::endpoint_options nih;
    nih.grfs_chronic = f::grfs_chronic_gvhd::moderate_or_severe;
    check(endpoints({mild_treated, last}, nih), ep::gvhd_free_relapse_free_survival, 500, st::censored,
          k::last_contact);
    check(endpoints({moderate_untreated, last}, nih), ep::gvhd_free_relapse_free_survival, 200, st::event,
          k::chronic_gvhd);
    check(endpoints({ev::chronic_gvhd(on(200), sev::severe, false), last}, nih), ep::gvhd_free_relapse_free_survival,
          200, st::event, k::chronic_gvhd);
    // GVHD is no event of the other endpoints; graft failure of none
    const auto r = endpoints({ev::acute_gvhd(on(25), g::grade_4), ev::graft_failure(on(40)), last});
    check(r, ep::relapse_free_survival, 500, st::censored, k::last_contact);
    check(r, ep::overall_survival, 500, st::censored, k::last_contact);
}

TEST_CASE("a subsequent HCT is followed through or censors, under the policy", "[follow_up][FU-END-007]") {
    const std::vector<ev> events{ev::graft_failure(on(35)), ev::subsequent_hct(on(60)), ev::relapse(on(200)),
                                 ev::death(on(260), f::death_cause::disease)};
    const auto through = endpoints(events);
    check(through, ep::relapse, 200, st::event, k::relapse);
    check(through, ep::overall_survival, 260, st::event, k::death);
    f::endpoint_options censor;
    censor.subsequent_hct = f::subsequent_hct_policy::censor;
    const auto cut = endpoints(events, censor);
    check(cut, ep::overall_survival, 260, st::event, k::death);  // OS always follows through
    check(cut, ep::relapse, 60, st::censored, k::subsequent_hct);
    check(cut, ep::non_relapse_mortality, 60, st::censored, k::subsequent_hct);
    check(cut, ep::relapse_free_survival, 60, st::censored, k::subsequent_hct);
    check(cut, ep::gvhd_free_relapse_free_survival, 60, st::censored, k::subsequent_hct);
    // an event on the subsequent HCT's date listed before it still counts
    const auto same_day = endpoints({ev::relapse(on(60)), ev::subsequent_hct(on(60)), ev::last_contact(on(90))}, censor);
    check(same_day, ep::relapse, 60, st::event, k::relapse);
    // a subsequent HCT after the follow-up's end changes nothing
    const auto early = endpoints({ev::relapse(on(50)), ev::subsequent_hct(on(80)), ev::last_contact(on(90))}, censor);
    check(early, ep::relapse, 50, st::event, k::relapse);
    check(early, ep::non_relapse_mortality, 50, st::competing_event, k::relapse);
}

TEST_CASE("endpoint days are calendar-date differences from Day 0, leap days included", "[follow_up][FU-OBS-001][scores-11.9]") {
    // worked example 11.9: day 0 = 2024-03-01, Day +100 = 2024-06-09
    CHECK(endpoints({ev::last_contact(ymd(2024, 6, 9))}).at(ep::overall_survival).obs.time.number() == 100);
    // across 29 February 2024: 28 Feb -> 1 Mar is 2 days; in 2023, 1 day
    const ev contact = ev::last_contact(ymd(2024, 3, 1));
    auto leap = f::assess_endpoints(f::patient_outcomes{ymd(2024, 2, 28), std::span(&contact, 1)});
    REQUIRE(leap);
    CHECK(leap->at(ep::overall_survival).obs.time.number() == 2);
    const ev contact2023 = ev::last_contact(ymd(2023, 3, 1));
    auto plain = f::assess_endpoints(f::patient_outcomes{ymd(2023, 2, 28), std::span(&contact2023, 1)});
    REQUIRE(plain);
    CHECK(plain->at(ep::overall_survival).obs.time.number() == 1);
    // Day 0 itself is time 0; 36525 days is the last day counted
    check(endpoints({ev::death(day0, f::death_cause::non_relapse)}), ep::overall_survival, 0, st::event, k::death);
    check(endpoints({ev::last_contact(on(36525))}), ep::overall_survival, 36525, st::censored, k::last_contact);
}

TEST_CASE("endpoints allocate nothing on the success path", "[follow_up][FU-END-001]") {
    const std::vector<ev> events{ev::acute_gvhd(on(20), f::acute_gvhd_grade::grade_3), ev::relapse(on(120)),
                                 ev::last_contact(on(400))};
    const hsct_test::allocation_counter n;
    const auto r = f::assess_endpoints(f::patient_outcomes{day0, events});
    CHECK(n.count() == 0);
    REQUIRE(r);
    CHECK(r->at(ep::relapse).obs.time.number() == 120);
}

TEST_CASE("bad event lists are refused naming the event and what is valid", "[follow_up][FU-EVT-002]") {
    const auto refuse = [](const std::vector<ev>& events) {
        auto r = f::assess_endpoints(f::patient_outcomes{day0, events});
        REQUIRE_FALSE(r);
        CHECK(r.error().requirement() == std::string_view("FU-EVT-002"));
        return r.error();
    };
    SECTION("no events") {
        const auto e = refuse({});
        CHECK(e.code() == hsct::errc::missing);
        CHECK(e.field() == "outcomes.events");
    }
    SECTION("neither a death nor a last contact") {
        const auto e = refuse({ev::relapse(on(100))});
        CHECK(e.code() == hsct::errc::missing);
        CHECK(e.value() == "last event relapse or progression on 2024-06-09");
        CHECK(e.valid_range() == "a death or a last contact ending the follow-up");
    }
    SECTION("a relapse before Day 0") {
        const auto e = refuse({ev::relapse(on(-1)), ev::last_contact(on(10))});
        CHECK(e.code() == hsct::errc::out_of_range);
        CHECK(e.field() == "outcomes.events[0].date");
        CHECK(e.value() == "2024-02-29 (relapse or progression)");
        CHECK(e.valid_range() == "on or after Day 0 2024-03-01 and within 36525 days of it");
    }
    SECTION("an event more than 36525 days after Day 0") {
        CHECK(refuse({ev::last_contact(on(36526))}).field() == "outcomes.events[0].date");
    }
    SECTION("events out of order") {
        const auto e = refuse({ev::relapse(on(200)), ev::acute_gvhd(on(30), f::acute_gvhd_grade::grade_2),
                               ev::last_contact(on(300))});
        CHECK(e.code() == hsct::errc::inconsistent);
        CHECK(e.field() == "outcomes.events[1].date");
        CHECK(e.valid_range() ==
              "on or after the event before it (relapse or progression on 2024-09-17): events in the order they happened");
    }
    SECTION("an event after a death") {
        const auto e = refuse({ev::death(on(100), f::death_cause::unknown), ev::last_contact(on(120))});
        CHECK(e.code() == hsct::errc::inconsistent);
        CHECK(e.field() == "outcomes.events[1].kind");
        CHECK(e.value() == "2024-06-29 (last contact)");
        CHECK(e.valid_range() == "no event after the death on 2024-06-09");
        CHECK(refuse({ev::death(on(100), f::death_cause::unknown), ev::death(on(101), f::death_cause::unknown)})
                  .field() == "outcomes.events[1].kind");
    }
    SECTION("a last contact before an event") {
        const auto e = refuse({ev::last_contact(on(100)), ev::relapse(on(150))});
        CHECK(e.code() == hsct::errc::inconsistent);
        CHECK(e.field() == "outcomes.events[1].kind");
        CHECK(e.valid_range() ==
              "only a death after the last contact on 2024-06-09 (the last contact is the last date known alive)");
        CHECK(refuse({ev::last_contact(on(100)), ev::last_contact(on(150))}).field() == "outcomes.events[1].kind");
    }
    SECTION("undeclared enums") {
        ev bad = ev::last_contact(on(10));
        bad.kind = static_cast<k>(0);
        CHECK(refuse({bad}).field() == "outcomes.events[0].kind");
        ev cause = ev::death(on(10), f::death_cause::unknown);
        cause.cause = static_cast<f::death_cause>(7);
        const auto e = refuse({cause});
        CHECK(e.field() == "outcomes.events[0].cause");
        CHECK(e.code() == hsct::errc::out_of_range);
        ev grade = ev::acute_gvhd(on(10), f::acute_gvhd_grade::grade_1);
        grade.grade = static_cast<f::acute_gvhd_grade>(5);
        CHECK(refuse({grade, ev::last_contact(on(20))}).field() == "outcomes.events[0].grade");
        ev sev = ev::chronic_gvhd(on(10), f::chronic_gvhd_severity::mild, false);
        sev.severity = static_cast<f::chronic_gvhd_severity>(0);
        CHECK(refuse({sev, ev::last_contact(on(20))}).field() == "outcomes.events[0].severity");
    }
}

TEST_CASE("a death after the last contact is accepted", "[follow_up][FU-EVT-002]") {
    const auto r = endpoints({ev::last_contact(on(100)), ev::death(on(150), f::death_cause::non_relapse)});
    check(r, ep::overall_survival, 150, st::event, k::death);
}

TEST_CASE("undeclared options and a Day 0 outside the window are refused", "[follow_up][FU-EVT-002]") {
    const std::vector<ev> events{ev::last_contact(on(10))};
    f::endpoint_options o;
    o.grfs_chronic = static_cast<f::grfs_chronic_gvhd>(3);
    CHECK(f::assess_endpoints(f::patient_outcomes{day0, events}, o).error().field() == "endpoint_options.grfs_chronic");
    o = {};
    o.grfs_acute = static_cast<f::grfs_acute_gvhd>(0);
    CHECK(f::assess_endpoints(f::patient_outcomes{day0, events}, o).error().field() == "endpoint_options.grfs_acute");
    o = {};
    o.disease_death = static_cast<f::disease_death_policy>(9);
    CHECK(f::assess_endpoints(f::patient_outcomes{day0, events}, o).error().field() == "endpoint_options.disease_death");
    o = {};
    o.subsequent_hct = static_cast<f::subsequent_hct_policy>(9);
    CHECK(f::assess_endpoints(f::patient_outcomes{day0, events}, o).error().field() == "endpoint_options.subsequent_hct");
    CHECK(f::assess_endpoints(f::patient_outcomes{ymd(1899, 12, 31), events}).error().field() == "outcomes.day0");
}

}  // namespace hsct_test_follow_up_endpoints_test
