// Tests for include/hsct/testing/regimen_builder.hpp: a conditioning plan for a synthetic
// patient, the same for a seed, and valid for every seed as hsct's own conditioning rules read it.
#include <hsct/testing/regimen_builder.hpp>

#include <chrono>
#include <cstddef>
#include <set>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_testing_regimen_builder_test {

namespace t = hsct::testing;
namespace c = hsct::conditioning;

TEST_CASE("a plan is the same for a seed and another for another seed", "[testing][TEST-BUILD-009]") {
    const auto build = [](std::uint64_t seed) {
        t::generator g(seed);
        const auto p = t::make_patient(g).value();
        return t::make_conditioning_plan(g, p).value();
    };
    const auto a = build(1);
    const auto b = build(1);
    CHECK(a.regimen.name() == b.regimen.name());
    CHECK(a.schedule.day0 == b.schedule.day0);
    std::set<std::string> names;
    std::set<hsct::sys_days> days;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const auto p = build(seed);
        names.insert(std::string(p.regimen.name()));
        days.insert(p.schedule.day0);
    }
    CHECK(names.size() > 6U);  // 40 draws over 12 regimens
    CHECK(days.size() > 30U);
}

TEST_CASE("every plan over 200 seeds is what hsct's rules give", "[testing][TEST-BUILD-009]") {
    const auto shipped = t::shipped_regimens();
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        CAPTURE(seed);
        t::generator g(seed);
        const auto p = t::make_patient(g);
        REQUIRE(p.has_value());
        const auto plan = t::make_conditioning_plan(g, *p);
        REQUIRE(plan.has_value());
        bool is_shipped = false;
        for (const auto& r : shipped) {
            is_shipped = is_shipped || r.name() == plan->regimen.name();
        }
        CHECK(is_shipped);
        const auto day0 = plan->schedule.day0;
        CHECK(day0 >= hsct::sys_days(std::chrono::year(2024) / 1 / 1));
        CHECK(day0 <= hsct::sys_days(std::chrono::year(2024) / 1 / 1) + std::chrono::days(730));
        for (const auto& a : plan->schedule.administrations) {
            CHECK(a.date == day0 + a.day.since_day0());
        }
        CHECK(plan->doses.components.size() == plan->regimen.components().size());
        const auto m = hsct::patient::body_measures::make(p->height, p->weight, p->sex, p->age).value();
        const auto again = c::calculate_doses(plan->regimen, m).value();
        REQUIRE(again.components.size() == plan->doses.components.size());
        for (std::size_t i = 0; i < again.components.size(); ++i) {
            CHECK(again.components[i].total == plan->doses.components[i].total);
        }
        CHECK(plan->intensity.intensity == c::assess_intensity(plan->regimen).value().intensity);
    }
}

TEST_CASE("a chosen regimen and Day 0; options checked", "[testing][TEST-BUILD-009]") {
    t::generator g(9);
    const auto p = t::make_patient(g).value();
    t::conditioning_plan_options o;
    o.regimen = std::string(c::regimens::flu_mel().name());
    o.day0 = hsct::sys_days(std::chrono::year(2026) / 3 / 10);
    const auto plan = t::make_conditioning_plan(g, p, o);
    REQUIRE(plan.has_value());
    CHECK(plan->regimen.name() == c::regimens::flu_mel().name());
    CHECK(plan->schedule.day0 == *o.day0);
    o.regimen = "no such regimen";
    const auto bad = t::make_conditioning_plan(g, p, o);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().field() == "options.regimen");
    t::conditioning_plan_options w;
    w.day0_window_days = -1;
    CHECK(t::make_conditioning_plan(g, p, w).error().field() == "options.day0_window_days");
    w.day0_window_days = 3651;
    CHECK(t::make_conditioning_plan(g, p, w).error().field() == "options.day0_window_days");
    w.day0_window_days = 0;
    const auto fixed_day = t::make_conditioning_plan(g, p, w);
    REQUIRE(fixed_day.has_value());
    CHECK(fixed_day->schedule.day0 == w.earliest_day0);
}

}  // namespace hsct_test_testing_regimen_builder_test
