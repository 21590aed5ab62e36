// Tests for include/hsct/workflow/outcomes.hpp: the episode's records as follow-up's outcome
// events, read by follow_up's endpoints.
#include <hsct/workflow/outcomes.hpp>

#include <hsct/follow_up/endpoints.hpp>

#include <chrono>
#include <cstddef>
#include <vector>

#include "support/catch.hpp"
#include "workflow/episode_fixture.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_workflow_outcomes_test {

namespace w = hsct::workflow;
namespace fu = hsct::follow_up;
using namespace hsct_test_workflow_fixture;
using E = w::episode_event;
using K = w::transplant_kind;
using std::chrono::days;

w::episode_log log_of(K kind, std::initializer_list<E> extra) {
    w::episode_log log(w::log_header{who("EP-1"), kind, referral});
    for (const auto& r : journey(kind, extra)) {
        REQUIRE_FALSE(log.append(r));
    }
    return log;
}

hsct::sys_days day_of(const w::episode_record& r) { return std::chrono::floor<days>(r.at); }

TEST_CASE("the records after Day 0 become outcome events in order", "[workflow][WF-OUT-001][FU-EVT-001]") {
    const auto log = log_of(K::allogeneic, {E::acute_gvhd, E::chronic_gvhd, E::relapse, E::death});
    const auto o = w::outcome_events(log);
    REQUIRE(o.has_value());
    CHECK(o->day0 == *log.state().day0);
    const auto& rs = log.records();
    const std::size_t n = rs.size();
    REQUIRE(o->events.size() == 4U);
    CHECK(o->events[0] == fu::outcome_event::acute_gvhd(day_of(rs[n - 4]), fu::acute_gvhd_grade::grade_2));
    CHECK(o->events[1] == fu::outcome_event::chronic_gvhd(day_of(rs[n - 3]), fu::chronic_gvhd_severity::moderate, false));
    CHECK(o->events[2] == fu::outcome_event::relapse(day_of(rs[n - 2])));
    CHECK(o->events[3] == fu::outcome_event::death(day_of(rs[n - 1]), fu::death_cause::non_relapse));
}

TEST_CASE("follow-up's endpoints read them", "[workflow][WF-OUT-001][FU-END-001]") {
    const auto log = log_of(K::allogeneic, {E::acute_gvhd, E::relapse, E::death});
    const auto o = w::outcome_events(log);
    REQUIRE(o.has_value());
    const auto r = fu::assess_endpoints(o->view());
    REQUIRE(r.has_value());
    const auto death_day = *log.state().death - *log.state().day0;
    const auto os = r->at(fu::endpoint::overall_survival).obs;
    CHECK(os.status == fu::observation_status::event);
    CHECK(os.time == hsct::transplant_day::at(death_day));
    CHECK(r->at(fu::endpoint::relapse).obs.status == fu::observation_status::event);
    CHECK(r->at(fu::endpoint::non_relapse_mortality).obs.status == fu::observation_status::competing_event);
}

TEST_CASE("alive: a last contact on the last record's date; never infused: nothing", "[workflow][WF-OUT-001]") {
    const auto log = log_of(K::autologous, {E::platelet_engraftment, E::follow_up_visit});
    const auto o = w::outcome_events(log);
    REQUIRE(o.has_value());
    REQUIRE(o->events.size() == 1U);
    CHECK(o->events[0] == fu::outcome_event::last_contact(day_of(log.records().back())));
    const auto os = fu::assess_endpoints(o->view())->at(fu::endpoint::overall_survival).obs;
    CHECK(os.status == fu::observation_status::censored);

    w::episode_log early(w::log_header{who("EP-2"), K::allogeneic, referral});
    REQUIRE_FALSE(early.append(well_formed(early.state(), E::begin_evaluation)));
    REQUIRE_FALSE(early.append(well_formed(early.state(), E::death)));
    CHECK_FALSE(w::outcome_events(early).has_value());
}

}  // namespace hsct_test_workflow_outcomes_test
