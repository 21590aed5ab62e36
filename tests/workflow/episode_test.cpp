// Tests for include/hsct/workflow/episode.hpp: every (state, event) pair of both kinds against a
// table written here from the description (not read from the header), the guards, the
// dates, the data checks, replay, a property test over random sequences, and the diagram in
// docs/workflow.md.
#include <hsct/workflow/episode.hpp>

#include <chrono>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"
#include "workflow/episode_fixture.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_workflow_episode_test {

namespace w = hsct::workflow;
using namespace hsct_test_workflow_fixture;
using S = w::episode_state;
using E = w::episode_event;
using K = w::transplant_kind;
using std::chrono::days;

/// An allowed pair and where it leads for each kind (nullopt: the pair has a row whose guard
/// refuses that kind).
struct expected_move {
    S from;
    E event;
    std::optional<S> allo;
    std::optional<S> autol;
};

// The episode as issue 15 and docs/workflow.md describe it. Death and withdrawal (from every
// state that is not an end) are added below.
const std::vector<expected_move> expected_moves = {
    {S::referred, E::begin_evaluation, S::evaluation, S::evaluation},
    {S::evaluation, E::complete_evaluation, S::donor_search, S::collection},
    {S::donor_search, E::select_donor, S::donor_workup, S::donor_workup},
    {S::donor_workup, E::clear_donor, S::donor_workup, S::donor_workup},
    {S::donor_workup, E::admit, S::admitted, S::admitted},
    {S::collection, E::collect_product, S::collection, S::collection},
    {S::collection, E::admit, std::nullopt, std::nullopt},  // reached without a product: refused
    {S::admitted, E::clear_donor, S::admitted, std::nullopt},
    {S::admitted, E::start_conditioning, S::conditioning, S::conditioning},
    {S::conditioning, E::infuse, S::engraftment_monitoring, S::engraftment_monitoring},
    {S::engraftment_monitoring, E::neutrophil_engraftment, S::engrafted, S::engrafted},
    {S::engraftment_monitoring, E::platelet_engraftment, S::engraftment_monitoring, S::engraftment_monitoring},
    {S::engraftment_monitoring, E::acute_gvhd, S::engraftment_monitoring, std::nullopt},
    {S::engraftment_monitoring, E::graft_failure, S::graft_failed, S::graft_failed},
    {S::engraftment_monitoring, E::relapse, S::relapsed, S::relapsed},
    {S::engrafted, E::platelet_engraftment, S::engrafted, S::engrafted},
    {S::engrafted, E::acute_gvhd, S::engrafted, std::nullopt},
    {S::engrafted, E::chronic_gvhd, S::engrafted, std::nullopt},
    {S::engrafted, E::discharge, S::discharged, S::discharged},
    {S::engrafted, E::graft_failure, S::graft_failed, S::graft_failed},
    {S::engrafted, E::relapse, S::relapsed, S::relapsed},
    {S::discharged, E::platelet_engraftment, S::discharged, S::discharged},
    {S::discharged, E::acute_gvhd, S::discharged, std::nullopt},
    {S::discharged, E::chronic_gvhd, S::discharged, std::nullopt},
    {S::discharged, E::begin_follow_up, S::follow_up, S::follow_up},
    {S::discharged, E::graft_failure, S::graft_failed, S::graft_failed},
    {S::discharged, E::relapse, S::relapsed, S::relapsed},
    {S::discharged, E::lose_to_follow_up, S::lost_to_follow_up, S::lost_to_follow_up},
    {S::follow_up, E::platelet_engraftment, S::follow_up, S::follow_up},
    {S::follow_up, E::acute_gvhd, S::follow_up, std::nullopt},
    {S::follow_up, E::chronic_gvhd, S::follow_up, std::nullopt},
    {S::follow_up, E::follow_up_visit, S::follow_up, S::follow_up},
    {S::follow_up, E::graft_failure, S::graft_failed, S::graft_failed},
    {S::follow_up, E::relapse, S::relapsed, S::relapsed},
    {S::follow_up, E::lose_to_follow_up, S::lost_to_follow_up, S::lost_to_follow_up},
    {S::relapsed, E::chronic_gvhd, S::relapsed, std::nullopt},
    {S::relapsed, E::follow_up_visit, S::relapsed, S::relapsed},
    {S::relapsed, E::lose_to_follow_up, S::lost_to_follow_up, S::lost_to_follow_up},
    {S::graft_failed, E::follow_up_visit, S::graft_failed, S::graft_failed},
    {S::graft_failed, E::second_transplant, S::second_transplant, S::second_transplant},
    {S::graft_failed, E::lose_to_follow_up, S::lost_to_follow_up, S::lost_to_follow_up},
};

bool is_end_state(S s) { return s == S::died || s == S::second_transplant || s == S::lost_to_follow_up || s == S::withdrawn; }

const expected_move* find_expected(S from, E event) {
    for (const auto& m : expected_moves) {
        if (m.from == from && m.event == event) {
            return &m;
        }
    }
    return nullptr;
}

TEST_CASE("every (state, event) pair of both kinds moves or is refused as the table says", "[workflow][WF-EP-001][WF-EP-003]") {
    std::size_t pairs = 0;
    std::size_t accepted = 0;
    for (const K kind : {K::allogeneic, K::autologous}) {
        for (const S state : hsct::values<S>()) {
            const auto ep = reach(kind, state);
            if (!w::is_end(state) && !path_to(kind, state)) {
                continue;  // not reachable in this kind (donor search in an autograft, ...)
            }
            REQUIRE(ep.has_value());
            REQUIRE(ep->state == state);
            hsct::enum_set<E> accepted_here;
            for (const E event : hsct::values<E>()) {
                ++pairs;
                CAPTURE(hsct::id(kind), hsct::id(state), hsct::id(event));
                const auto r = well_formed(*ep, event);
                const auto step = w::apply(*ep, r);
                std::optional<S> expected;
                bool guarded = false;
                if (!is_end_state(state)) {
                    if (event == E::death) {
                        expected = S::died;
                    } else if (event == E::withdraw) {
                        expected = S::withdrawn;
                    } else if (const auto* m = find_expected(state, event)) {
                        expected = kind == K::allogeneic ? m->allo : m->autol;
                        guarded = !expected.has_value();
                    }
                }
                if (expected) {
                    REQUIRE(step.accepted());
                    CHECK(step.next.state == *expected);
                    CHECK(step.next.events == ep->events + 1);
                    CHECK(step.next.last_at == r.at);
                    accepted_here.insert(event);
                    ++accepted;
                } else {
                    REQUIRE_FALSE(step.accepted());
                    CHECK(step.next == *ep);  // unchanged
                    CHECK(step.rejected->state == state);
                    CHECK(step.rejected->event == event);
                    const auto why = is_end_state(state) ? w::episode_refusal::ended
                                     : guarded            ? w::episode_refusal::guard_failed
                                                          : w::episode_refusal::not_allowed_here;
                    CHECK(step.rejected->reason == why);
                    CHECK(step.rejected->guard.has_value() == guarded);
                    CHECK_FALSE(step.rejected->allowed.contains(event));
                }
            }
            // The events a rejection names are exactly those a well-formed record passes.
            CHECK(w::allowed_events(*ep) == accepted_here);
        }
    }
    CHECK(pairs == (16U + 15U) * 21U);  // allogeneic: no collection; autologous: no donor search or work-up
    CHECK(accepted > 100U);
}

TEST_CASE("every row of the table is exercised by the expectations above", "[workflow][WF-EP-001]") {
    for (const auto& t : w::episode_transitions) {
        CAPTURE(hsct::id(t.from), hsct::id(t.event));
        if (t.event == E::death || t.event == E::withdraw) {
            CHECK(t.to == (t.event == E::death ? S::died : S::withdrawn));
            CHECK_FALSE(w::is_end(t.from));
            continue;
        }
        const auto* m = find_expected(t.from, t.event);
        REQUIRE(m != nullptr);
        CHECK((m->allo == t.to || m->autol == t.to || t.guard == w::episode_guard::product_collected));
    }
    CHECK(std::size(w::episode_transitions) == 42U + 2U * 13U);
}

TEST_CASE("no conditioning before the donor is cleared (allogeneic)", "[workflow][WF-EP-003]") {
    auto ep = w::start_episode(K::allogeneic, referral);
    for (const E e : {E::begin_evaluation, E::complete_evaluation, E::select_donor, E::admit}) {
        REQUIRE_FALSE(w::advance(ep, well_formed(ep, e)));
    }
    const auto before = ep;
    const auto no = w::advance(ep, well_formed(ep, E::start_conditioning));
    REQUIRE(no.has_value());
    CHECK(no->reason == w::episode_refusal::guard_failed);
    CHECK(no->guard == w::episode_guard::donor_cleared);
    CHECK(std::string_view(no->requirement) == "WF-EP-003");
    CHECK_FALSE(no->allowed.contains(E::start_conditioning));
    CHECK(no->allowed.contains(E::clear_donor));
    CHECK(ep == before);
    REQUIRE_FALSE(w::advance(ep, well_formed(ep, E::clear_donor)));  // cleared while admitted
    CHECK(ep.donor_cleared);
    CHECK_FALSE(w::advance(ep, well_formed(ep, E::start_conditioning)));
    CHECK(ep.state == S::conditioning);
}

TEST_CASE("an autograft is admitted only with a collected product", "[workflow][WF-EP-003]") {
    auto ep = *reach(K::autologous, S::collection);
    const auto no = w::advance(ep, well_formed(ep, E::admit));
    REQUIRE(no.has_value());
    CHECK(no->guard == w::episode_guard::product_collected);
    REQUIRE_FALSE(w::advance(ep, well_formed(ep, E::collect_product)));
    REQUIRE(ep.collected.has_value());
    CHECK(ep.collected->product == product_din());
    CHECK_FALSE(w::advance(ep, well_formed(ep, E::admit)));
    CHECK(ep.state == S::admitted);
}

TEST_CASE("no Day 0 without a product verified at the bedside", "[workflow][WF-EP-003][GRAFT-CUST-003]") {
    using CS = hsct::graft::custody_state;
    for (const K kind : {K::allogeneic, K::autologous}) {
        const auto ep = *reach(kind, S::conditioning);
        for (const CS cs : hsct::values<CS>()) {
            CAPTURE(hsct::id(kind), hsct::id(cs));
            auto r = well_formed(ep, E::infuse);
            r.product.custody = cs;
            const auto step = w::apply(ep, r);
            const bool verified = cs == CS::verified_at_bedside || cs == CS::infused;
            CHECK(step.accepted() == verified);
            if (!verified) {
                CHECK(step.rejected->guard == w::episode_guard::product_verified);
                CHECK(step.next == ep);
            } else {
                CHECK(step.next.day0 == std::chrono::floor<days>(r.at));
            }
        }
        // An autograft infuses the product it collected, not another.
        auto r = well_formed(ep, E::infuse);
        r.product.product = other_din();
        CHECK(w::apply(ep, r).accepted() == (kind == K::allogeneic));
    }
}

TEST_CASE("the infusion can be built from the product's custody", "[workflow][WF-EP-003][GRAFT-CUST-003]") {
    namespace g = hsct::graft;
    const auto recipient = *g::custody_id::make("MRN-0042");
    const sys_seconds t = referral + 24h * 40;
    auto c = g::start_custody(product_din(), recipient, t - 48h, t + 240h);
    const auto ep = *reach(K::allogeneic, S::conditioning);
    const auto dose = hsct::cell_dose(4.1, hsct::units::e6_per_kg);
    CHECK_FALSE(w::apply(ep, w::episode_record::infuse(ep.last_at + 24h, who(), c, dose)).accepted());
    c.state = g::custody_state::verified_at_bedside;
    const auto step = w::apply(ep, w::episode_record::infuse(ep.last_at + 24h, who(), c, dose));
    REQUIRE(step.accepted());
    REQUIRE(step.next.infused.has_value());
    CHECK(step.next.infused->product == product_din());
    CHECK(step.next.infused->cd34.in(hsct::units::e6_per_kg) == 4.1);
}

TEST_CASE("engraftment and GVHD only from D+1; platelet engraftment once", "[workflow][WF-EP-004]") {
    const auto ep = *reach(K::allogeneic, S::engraftment_monitoring);
    REQUIRE(ep.day0.has_value());
    const sys_seconds day0_evening = sys_seconds(*ep.day0) + 23h;
    for (const E e : {E::neutrophil_engraftment, E::platelet_engraftment, E::acute_gvhd, E::graft_failure}) {
        CAPTURE(hsct::id(e));
        auto r = well_formed(ep, e);
        r.at = day0_evening;  // Day 0 itself
        r.recorded_at = r.at;
        const auto no = w::apply(ep, r);
        REQUIRE_FALSE(no.accepted());
        CHECK(no.rejected->reason == w::episode_refusal::guard_failed);
        r.at = sys_seconds(*ep.day0 + days(1));  // D+1, midnight
        r.recorded_at = r.at;
        CHECK(w::apply(ep, r).accepted());
    }
    auto e2 = ep;
    REQUIRE_FALSE(w::advance(e2, well_formed(e2, E::platelet_engraftment)));
    const auto twice = w::apply(e2, well_formed(e2, E::platelet_engraftment));
    REQUIRE_FALSE(twice.accepted());
    CHECK(twice.rejected->guard == w::episode_guard::first_platelet_engraftment);
    CHECK(std::string_view(twice.rejected->requirement) == "WF-EP-004");
}

TEST_CASE("discharge comes after neutrophil engraftment", "[workflow][WF-EP-006]") {
    auto ep = *reach(K::autologous, S::engraftment_monitoring);
    const auto early = w::apply(ep, well_formed(ep, E::discharge));
    REQUIRE_FALSE(early.accepted());
    CHECK(early.rejected->reason == w::episode_refusal::not_allowed_here);
    CHECK(early.rejected->allowed.contains(E::neutrophil_engraftment));
    REQUIRE_FALSE(w::advance(ep, well_formed(ep, E::neutrophil_engraftment)));
    REQUIRE_FALSE(w::advance(ep, well_formed(ep, E::discharge)));
    CHECK(ep.state == S::discharged);
    CHECK(ep.discharge > ep.neutrophil_engraftment);
}

TEST_CASE("conditioning starts before the Day 0 it plans", "[workflow][WF-EP-004]") {
    const auto ep = *reach(K::allogeneic, S::admitted);
    auto r = well_formed(ep, E::start_conditioning);
    const auto start_day = std::chrono::floor<days>(r.at);
    for (const int offset : {-1, 0, 1, 7}) {
        CAPTURE(offset);
        r.conditioning.planned_day0 = start_day + days(offset);
        const auto step = w::apply(ep, r);
        CHECK(step.accepted() == (offset >= 1));
        if (!step.accepted()) {
            CHECK(step.rejected->guard == w::episode_guard::before_planned_day0);
        } else {
            CHECK(step.next.conditioning_start == start_day);
        }
    }
}

TEST_CASE("who and when: an author, in order, recorded no earlier than it happened", "[workflow][WF-EP-002]") {
    const auto ep = *reach(K::allogeneic, S::evaluation);
    auto r = well_formed(ep, E::complete_evaluation);
    SECTION("no author") {
        r.by = w::actor_id{};
        CHECK(w::apply(ep, r).rejected->reason == w::episode_refusal::no_actor);
    }
    SECTION("dated before the previous event; the same second is in order") {
        r.at = ep.last_at - 1s;
        r.recorded_at = r.at + 1h;
        CHECK(w::apply(ep, r).rejected->reason == w::episode_refusal::out_of_order);
        r.at = ep.last_at;
        CHECK(w::apply(ep, r).accepted());
    }
    SECTION("recorded before it happened; a late entry is kept with both times") {
        r.recorded_at = r.at - 1s;
        CHECK(w::apply(ep, r).rejected->reason == w::episode_refusal::recorded_before);
        const auto late = r.recorded(r.at + 72h);
        const auto step = w::apply(ep, late);
        REQUIRE(step.accepted());
        CHECK(step.next.last_at == r.at);  // the event's time orders the episode, not the entry's
    }
}

TEST_CASE("each event's data is checked before anything is written", "[workflow][WF-EP-005]") {
    const auto check_refused = [](const w::episode& ep, const w::episode_record& r) {
        const auto step = w::apply(ep, r);
        REQUIRE_FALSE(step.accepted());
        CHECK(step.rejected->reason == w::episode_refusal::invalid_data);
        CHECK(std::string_view(step.rejected->requirement) == "WF-EP-005");
        CHECK(step.next == ep);
    };
    const auto search = *reach(K::allogeneic, S::donor_search);
    auto d = well_formed(search, E::select_donor);
    d.donor.matched = 9;  // 9/8
    check_refused(search, d);
    d.donor.matched = 8;
    d.donor.out_of = 9;
    check_refused(search, d);
    d.donor = w::donor_data{hsct::donor::donor_kind::autologous, 8, 8};
    check_refused(search, d);
    d.donor = w::donor_data{static_cast<hsct::donor::donor_kind>(0), 8, 8};
    check_refused(search, d);
    d.donor = w::donor_data{hsct::donor::donor_kind::haploidentical, 4, 8};
    CHECK(w::apply(search, d).accepted());

    const auto cond = *reach(K::allogeneic, S::conditioning);
    auto i = well_formed(cond, E::infuse);
    for (const double bad : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        i.product.cd34 = hsct::cell_dose(bad, hsct::units::e6_per_kg);
        check_refused(cond, i);
    }
    i = well_formed(cond, E::infuse);
    i.product.product.reset();
    check_refused(cond, i);

    const auto eval = *reach(K::allogeneic, S::evaluation);
    auto c = well_formed(eval, E::complete_evaluation);
    c.evaluation.hct_ci_risk = static_cast<hsct::patient::hct_ci_risk_group>(7);
    check_refused(eval, c);

    const auto fu = *reach(K::allogeneic, S::follow_up);
    auto g = well_formed(fu, E::acute_gvhd);
    g.gvhd.acute = static_cast<hsct::follow_up::acute_gvhd_grade>(0);
    check_refused(fu, g);
    auto ch = well_formed(fu, E::chronic_gvhd);
    ch.gvhd.chronic = static_cast<hsct::follow_up::chronic_gvhd_severity>(4);
    check_refused(fu, ch);
    auto dth = well_formed(fu, E::death);
    dth.cause = static_cast<hsct::follow_up::death_cause>(9);
    check_refused(fu, dth);
}

TEST_CASE("an undeclared event number is refused in every state", "[workflow][WF-EP-001]") {
    for (const S state : hsct::values<S>()) {
        const auto ep = reach(state == S::collection ? K::autologous : K::allogeneic, state);
        REQUIRE(ep.has_value());
        for (const int n : {0, 22, 255}) {
            auto r = well_formed(*ep, E::begin_evaluation);
            r.event = static_cast<E>(n);
            const auto step = w::apply(*ep, r);
            REQUIRE_FALSE(step.accepted());
            CHECK(step.rejected->reason == w::episode_refusal::unknown_event);
            CHECK(step.next == *ep);
        }
    }
}

TEST_CASE("the episode keeps what the stages recorded", "[workflow][WF-EP-001][FU-EVT-001]") {
    const auto records = journey(K::allogeneic, {E::acute_gvhd, E::acute_gvhd, E::chronic_gvhd, E::relapse, E::death});
    auto ep = w::start_episode(K::allogeneic, referral);
    for (auto r : records) {
        if (r.event == E::acute_gvhd && ep.acute_gvhd_max) {
            r.gvhd.acute = hsct::follow_up::acute_gvhd_grade::grade_3;  // worsens
        }
        REQUIRE_FALSE(w::advance(ep, r));
    }
    CHECK(ep.state == S::died);
    REQUIRE(ep.evaluation.has_value());
    CHECK(ep.evaluation->hct_ci.value() == 3);
    CHECK(ep.donor->kind == hsct::donor::donor_kind::matched_unrelated);
    CHECK(ep.acute_gvhd_max == hsct::follow_up::acute_gvhd_grade::grade_3);
    CHECK(ep.chronic_gvhd_max == hsct::follow_up::chronic_gvhd_severity::moderate);
    REQUIRE(ep.day0.has_value());
    CHECK(*ep.neutrophil_engraftment - *ep.day0 == days(1));
    CHECK(ep.death_cause == hsct::follow_up::death_cause::non_relapse);
    CHECK(ep.relapse < ep.death);
    CHECK(ep.last_contact == ep.death);
}

TEST_CASE("replay of the records reproduces the live state", "[workflow][WF-EP-001]") {
    for (const K kind : {K::allogeneic, K::autologous}) {
        const auto records = journey(kind, {E::platelet_engraftment, E::follow_up_visit, E::relapse, E::lose_to_follow_up});
        auto live = w::start_episode(kind, referral);
        for (const auto& r : records) {
            REQUIRE_FALSE(w::advance(live, r));
        }
        const auto again = w::replay(w::start_episode(kind, referral), records.data(), records.size());
        CHECK_FALSE(again.refused_at.has_value());
        CHECK(again.state == live);
        // A list with a refused record stops there and says which.
        auto broken = records;
        broken[3].by = w::actor_id{};
        const auto stop = w::replay(w::start_episode(kind, referral), broken.data(), broken.size());
        REQUIRE(stop.refused_at.has_value());
        CHECK(*stop.refused_at == 3U);
        CHECK(stop.rejection->reason == w::episode_refusal::no_actor);
    }
}

TEST_CASE("random event sequences keep the machine's invariants", "[workflow][property][WF-EP-001][WF-EP-002]") {
    std::mt19937_64 rng(20261204);
    std::size_t steps = 0;
    std::size_t moves = 0;
    for (int run = 0; run < 400; ++run) {
        const K kind = (run % 2 == 0) ? K::allogeneic : K::autologous;
        auto ep = w::start_episode(kind, referral);
        std::vector<w::episode_record> kept;
        for (int i = 0; i < 60; ++i) {
            // Half the time an event allowed now (so that walks go deep), else any number 1-22
            // (22: one past the last, undeclared).
            std::vector<E> now;
            w::allowed_events(ep).for_each([&](E a) {
                if (a != E::death && a != E::withdraw) {  // the ends come from the other half
                    now.push_back(a);
                }
            });
            const auto event = (rng() % 2 == 0 && !now.empty()) ? now[rng() % now.size()]
                                                                 : static_cast<E>(1 + rng() % 22);
            auto r = well_formed(ep, event);
            switch (rng() % 8) {  // sometimes wrong in one way
                case 0: r.at = ep.last_at - std::chrono::seconds(1 + static_cast<long>(rng() % 100000U)); break;
                case 1: r.at = ep.last_at + std::chrono::seconds(static_cast<long>(rng() % 3600U)); r.recorded_at = r.at; break;
                case 2: r.recorded_at = r.at + std::chrono::hours(static_cast<long>(rng() % 500U)); break;
                default: break;
            }
            const auto before = ep;
            const auto allowed = w::allowed_events(before);
            const auto no = w::advance(ep, r);
            ++steps;
            if (no) {
                REQUIRE(ep == before);
                REQUIRE(no->state == before.state);
                if (no->reason == w::episode_refusal::not_allowed_here || no->reason == w::episode_refusal::ended) {
                    REQUIRE_FALSE(allowed.contains(r.event));
                }
                REQUIRE(no->allowed == allowed);
            } else {
                ++moves;
                REQUIRE(allowed.contains(r.event));
                REQUIRE(ep.events == before.events + 1);
                REQUIRE(ep.last_at >= before.last_at);
                bool row = false;
                for (const auto& t : w::episode_transitions) {
                    row = row || (t.from == before.state && t.event == r.event && t.to == ep.state);
                }
                REQUIRE(row);
                kept.push_back(r);
            }
            if (w::is_end(ep.state)) {
                REQUIRE(w::allowed_events(ep).empty());
            }
        }
        const auto again = w::replay(w::start_episode(kind, referral), kept.data(), kept.size());
        REQUIRE_FALSE(again.refused_at.has_value());
        REQUIRE(again.state == ep);
    }
    CHECK(steps == 400U * 60U);
    CHECK(moves > 2000U);
}

TEST_CASE("a step allocates nothing, accepted or refused", "[workflow][WF-EP-001]") {
    auto ep = *reach(K::allogeneic, S::follow_up);
    const auto ok = well_formed(ep, E::follow_up_visit);
    const auto bad = well_formed(ep, E::admit);
    hsct_test::allocation_counter count;
    const auto a = w::advance(ep, ok);
    const auto b = w::advance(ep, bad);
    CHECK(count.count() == 0U);
    CHECK_FALSE(a.has_value());
    CHECK(b.has_value());
}

TEST_CASE("docs/workflow.md prints the diagram generated from the table", "[workflow][WF-EP-001][docs]") {
    std::ifstream f(HSCT_SOURCE_DIR "/docs/workflow.md");
    REQUIRE(f.good());
    std::stringstream page;
    page << f.rdbuf();
    const std::string diagram = w::episode_diagram();
    CHECK(page.str().find("```mermaid\n" + diagram + "```") != std::string::npos);
    for (const auto& t : w::episode_transitions) {
        if (t.event != E::death && t.event != E::withdraw) {  // one note for those
            CHECK(diagram.find(std::string(hsct::id(t.from)) + " --> " + std::string(hsct::id(t.to))) != std::string::npos);
        }
    }
    CHECK(diagram.find("death and withdraw") != std::string::npos);
}

TEST_CASE("the episode types are what they say", "[workflow][WF-EP-001]") {
    STATIC_REQUIRE(std::is_trivially_copyable_v<w::episode_record>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<w::episode>);
    STATIC_REQUIRE(sizeof(w::episode_state) == 1);
    CHECK(w::start_episode(K::autologous, referral).state == S::referred);
}

}  // namespace hsct_test_workflow_episode_test
