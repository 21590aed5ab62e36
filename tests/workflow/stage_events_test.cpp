// Tests for include/hsct/workflow/stage_events.hpp: records made from the engraftment and GVHD
// rules' results, dated from Day 0, and accepted by the episode.
#include <hsct/workflow/stage_events.hpp>

#include <chrono>
#include <optional>
#include <utility>
#include <vector>

#include "support/catch.hpp"
#include "workflow/episode_fixture.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_workflow_stage_events_test {

namespace w = hsct::workflow;
namespace eng = hsct::engraftment;
namespace c = hsct::complications;
namespace fu = hsct::follow_up;
using namespace hsct_test_workflow_fixture;
using K = w::transplant_kind;
using S = w::episode_state;

eng::day_series<hsct::anc> anc_series(const std::vector<std::pair<int, double>>& values) {
    std::vector<eng::count_record<hsct::anc>> r;
    for (const auto& [d, v] : values) {
        r.push_back({hsct::transplant_day::at(d), hsct::anc(v, hsct::units::giga_per_l)});
    }
    auto out = eng::consolidate<hsct::anc>(r);
    REQUIRE(out.has_value());
    return *out;
}

TEST_CASE("neutrophil engraftment as the engraftment rule found it", "[workflow][WF-EP-007][ENG-NEUT-001]") {
    auto ep = *reach(K::allogeneic, S::engraftment_monitoring);
    REQUIRE(ep.day0.has_value());
    // Nadir 0.1 on D+5, then 0.4, 0.6, 0.7, 0.9 from D+10: the first of three days >= 0.5 is D+11.
    const auto series = anc_series({{1, 1.2}, {5, 0.1}, {8, 0.2}, {10, 0.4}, {11, 0.6}, {12, 0.7}, {13, 0.9}});
    const auto n = eng::assess_neutrophil_engraftment(series);
    REQUIRE(n.has_value());
    REQUIRE(n->status == eng::engraftment_status::engrafted);
    const sys_seconds entered = sys_seconds(*ep.day0 + std::chrono::days(14)) + 10h;
    const auto r = w::engraftment_record(ep, *n, who(), entered);
    REQUIRE(r.has_value());
    CHECK(r->event == w::episode_event::neutrophil_engraftment);
    CHECK(r->at == sys_seconds(*ep.day0 + n->day->since_day0()));
    CHECK(r->recorded_at == entered);
    REQUIRE_FALSE(w::advance(ep, *r));
    CHECK(ep.state == S::engrafted);
    CHECK(*ep.neutrophil_engraftment - *ep.day0 == n->day->since_day0());

    // Not yet engrafted, or no Day 0: no record.
    const auto early = eng::assess_neutrophil_engraftment(anc_series({{1, 1.2}, {5, 0.1}, {8, 0.2}}));
    REQUIRE(early.has_value());
    CHECK(early->status == eng::engraftment_status::not_yet);
    CHECK_FALSE(w::engraftment_record(ep, *early, who(), entered).has_value());
    const auto before = *reach(K::allogeneic, S::conditioning);
    CHECK_FALSE(w::engraftment_record(before, *n, who(), entered).has_value());
}

TEST_CASE("platelet engraftment from a platelet result", "[workflow][WF-EP-007][ENG-PLT-001]") {
    auto ep = *reach(K::autologous, S::engrafted);
    eng::platelet_result p;
    p.status = eng::engraftment_status::engrafted;
    p.day = hsct::transplant_day::at(12);
    const auto r = w::engraftment_record(ep, p, who(), ep.last_at + 24h * 20);
    REQUIRE(r.has_value());
    CHECK(r->event == w::episode_event::platelet_engraftment);
    REQUIRE_FALSE(w::advance(ep, *r));
    CHECK(*ep.platelet_engraftment == *ep.day0 + std::chrono::days(12));
    p.status = eng::engraftment_status::never_below_threshold;
    CHECK_FALSE(w::engraftment_record(ep, p, who(), ep.last_at).has_value());
}

TEST_CASE("GVHD grades map one to one; grade 0 and no chronic GVHD give no record", "[workflow][WF-EP-007][FU-EVT-001]") {
    const sys_seconds at = referral + 24h * 40;
    CHECK_FALSE(w::acute_gvhd_record(at, who(), c::agvhd_grade::grade_0).has_value());
    CHECK(w::acute_gvhd_record(at, who(), c::agvhd_grade::grade_i)->gvhd.acute == fu::acute_gvhd_grade::grade_1);
    CHECK(w::acute_gvhd_record(at, who(), c::agvhd_grade::grade_ii)->gvhd.acute == fu::acute_gvhd_grade::grade_2);
    CHECK(w::acute_gvhd_record(at, who(), c::agvhd_grade::grade_iii)->gvhd.acute == fu::acute_gvhd_grade::grade_3);
    CHECK(w::acute_gvhd_record(at, who(), c::agvhd_grade::grade_iv)->gvhd.acute == fu::acute_gvhd_grade::grade_4);
    CHECK_FALSE(w::acute_gvhd_record(at, who(), static_cast<c::agvhd_grade>(9)).has_value());
    CHECK_FALSE(w::chronic_gvhd_record(at, who(), c::cgvhd_severity::none, false).has_value());
    const auto m = w::chronic_gvhd_record(at, who(), c::cgvhd_severity::moderate, true);
    REQUIRE(m.has_value());
    CHECK(m->event == w::episode_event::chronic_gvhd);
    CHECK(m->gvhd.chronic == fu::chronic_gvhd_severity::moderate);
    CHECK(m->gvhd.systemic_therapy);
    CHECK(w::chronic_gvhd_record(at, who(), c::cgvhd_severity::mild, false)->gvhd.chronic == fu::chronic_gvhd_severity::mild);
    CHECK(w::chronic_gvhd_record(at, who(), c::cgvhd_severity::severe, false)->gvhd.chronic == fu::chronic_gvhd_severity::severe);
}

}  // namespace hsct_test_workflow_stage_events_test
