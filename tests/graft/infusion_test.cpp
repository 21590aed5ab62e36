// Tests for include/hsct/graft/infusion.hpp: a day's DMSO per kg against the limit, on the worked
// examples of the reference notes (11.8 G3), below, at and above the limit, under both edges.
#include <hsct/graft/infusion.hpp>

#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_infusion_test {

namespace g = hsct::graft;
namespace u = hsct::units;

namespace {
hsct::patient::body_weight kg(double w) { return *hsct::patient::body_weight::make(w, u::kg); }
g::dmso_bag bag(double ml, double pct) { return {hsct::volume(ml, u::mL), hsct::percent(pct, u::pct)}; }
bool near(double a, double b) { return std::abs(a - b) < 1e-9; }
}  // namespace

TEST_CASE("G3: grams of DMSO and grams per kg", "[GRAFT-INF-001][GRAFT-INF-002][V2]") {
    const std::vector<g::dmso_bag> one{bag(300, 10)};
    const auto child = g::assess_dmso(one, kg(30));
    REQUIRE(child.has_value());
    CHECK(near(child->grams.in(u::g_dose), 33.0));
    CHECK(near(child->per_kg.in(u::g_per_kg), 1.1));
    CHECK_FALSE(child->within_limit);
    CHECK(child->criterion.result == hsct::outcome::not_met);
    CHECK_FALSE(child->criterion.verified);  // the default limit's source is a review [V2]
    REQUIRE(child->max_volume_today.has_value());
    CHECK(near(child->max_volume_today->in(u::mL), 300.0 / 1.1));  // 272.7 mL a day at 10 %
    // split over two days: 150 mL a day
    const auto half = g::assess_dmso(std::vector<g::dmso_bag>{bag(150, 10)}, kg(30));
    CHECK(near(half->per_kg.in(u::g_per_kg), 0.55));
    CHECK(half->within_limit);
    const auto adult = g::assess_dmso(std::vector<g::dmso_bag>{bag(250, 10)}, kg(70));
    CHECK(near(adult->grams.in(u::g_dose), 27.5));
    CHECK(std::abs(adult->per_kg.in(u::g_per_kg) - 0.393) < 0.001);
    CHECK(adult->within_limit);
    CHECK_FALSE(adult->max_volume_today.has_value());
    const auto five = g::assess_dmso(std::vector<g::dmso_bag>{bag(300, 5)}, kg(30));
    CHECK(near(five->grams.in(u::g_dose), 16.5));
    CHECK(five->within_limit);
    // two bags the same day are summed
    const auto two = g::assess_dmso(std::vector<g::dmso_bag>{bag(150, 10), bag(150, 10)}, kg(30));
    CHECK(near(two->grams.in(u::g_dose), 33.0));
}

TEST_CASE("the limit: below, at and above, under each edge; a centre's own", "[GRAFT-INF-002]") {
    // 100 mL at 10 % is 11 g: 11 kg is exactly 1 g/kg
    const std::vector<g::dmso_bag> b{bag(100, 10)};
    for (const auto& [w, inclusive, exclusive] : {std::tuple{11.1, true, true}, std::tuple{11.0, true, false},
                                                  std::tuple{10.9, false, false}}) {
        INFO(w);
        const auto in = g::assess_dmso(b, kg(w));
        CHECK(in->within_limit == inclusive);
        CHECK(in->criterion.cmp == hsct::comparator::less_equal);  // the explained edge
        g::dmso_options o;
        o.edge = g::dmso_limit_edge::exclusive;
        const auto ex = g::assess_dmso(b, kg(w), o);
        CHECK(ex->within_limit == exclusive);
        CHECK(ex->criterion.cmp == hsct::comparator::less);
    }
    g::dmso_options centre;
    centre.limit = hsct::dose_per_mass(0.5, u::g_per_kg);
    const auto r = g::assess_dmso(b, kg(20), centre);  // 0.55 g/kg
    CHECK_FALSE(r->within_limit);
    CHECK(r->criterion.verified);
    CHECK(r->criterion.threshold == 0.5);
}

TEST_CASE("what assess_dmso refuses, naming the field", "[GRAFT-INF-001][GRAFT-INF-002]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>{}, kg(70)).error().field() == "bags");
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>(21, bag(10, 10)), kg(70)).error().field() == "bags");
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>{bag(0, 10)}, kg(70)).error().field() == "bags[0].volume");
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>{bag(100, 10), bag(100, 20.5)}, kg(70)).error().field() ==
          "bags[1].dmso");
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>{bag(100, 0)}, kg(70)).error().code() == hsct::errc::out_of_range);
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>{bag(100, nan)}, kg(70)).error().code() == hsct::errc::not_finite);
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>{bag(100, 20)}, kg(70)).has_value());  // at the bound
    const auto over = g::assess_dmso(std::vector<g::dmso_bag>{bag(100, std::nextafter(20.0, 21.0))}, kg(70));
    REQUIRE_FALSE(over.has_value());  // the next number above 20 % is refused
    CHECK(over.error().field() == "bags[0].dmso");
    CHECK(over.error().code() == hsct::errc::out_of_range);
    g::dmso_options o;
    o.limit = hsct::dose_per_mass(0.0, u::g_per_kg);
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>{bag(100, 10)}, kg(70), o).error().field() == "options.limit");
    o = {};
    o.edge = static_cast<g::dmso_limit_edge>(5);
    CHECK(g::assess_dmso(std::vector<g::dmso_bag>{bag(100, 10)}, kg(70), o).error().field() == "options.edge");
}

TEST_CASE("assess_dmso allocates nothing on success", "[GRAFT-INF-001][GRAFT-INF-002]") {
    const std::vector<g::dmso_bag> b{bag(300, 10)};
    const auto w = kg(30);
    hsct_test::allocation_counter count;
    const auto r = g::assess_dmso(b, w);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK_FALSE(r->within_limit);
}

}  // namespace hsct_test_graft_infusion_test
