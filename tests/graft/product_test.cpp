// Tests for include/hsct/graft/product.hpp: a product's description and counts, checked, with
// the counts at collection and after thawing kept apart.
#include <hsct/graft/product.hpp>

#include <cmath>
#include <limits>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_product_test {

namespace g = hsct::graft;
namespace u = hsct::units;

namespace {
g::product_input marrow() {
    g::product_input in;
    in.source = g::product_source::bone_marrow;
    in.use = g::product_use::allogeneic;
    in.state = g::preservation::fresh;
    in.manipulations.insert(g::manipulation::red_cell_reduction);
    in.volume = hsct::volume(1200.0, u::mL);
    in.at_collection.tnc = hsct::cell_count(2.4e10, u::cells);
    in.at_collection.cd34 = hsct::cell_count(2.1e8, u::cells);
    in.at_collection.cd3 = hsct::cell_count(1.2e9, u::cells);
    in.at_collection.viability = hsct::percent(98.0, u::pct);
    in.at_collection.red_cell_volume = hsct::volume(20.0, u::mL);
    return in;
}
}  // namespace

TEST_CASE("a product keeps its description and both sets of counts apart", "[GRAFT-PROD-001][GRAFT-PROD-002][GRAFT-PROD-003]") {
    const auto p = g::make_product(marrow());
    REQUIRE(p.has_value());
    CHECK(p->source() == g::product_source::bone_marrow);
    CHECK(p->manipulations().contains(g::manipulation::red_cell_reduction));
    CHECK_FALSE(p->manipulations().contains(g::manipulation::cd34_selection));
    CHECK(p->counts(g::count_point::collection)->tnc == hsct::cell_count(2.4e10, u::cells));
    CHECK(p->counts(g::count_point::post_thaw) == nullptr);

    auto cryo = marrow();
    cryo.state = g::preservation::cryopreserved;
    cryo.post_thaw = g::cell_counts{};
    cryo.post_thaw->tnc = hsct::cell_count(1.9e10, u::cells);
    cryo.post_thaw->viability = hsct::percent(72.0, u::pct);
    const auto c = g::make_product(cryo);
    REQUIRE(c.has_value());
    CHECK(c->counts(g::count_point::post_thaw)->tnc == hsct::cell_count(1.9e10, u::cells));
    CHECK(c->counts(g::count_point::collection)->tnc == hsct::cell_count(2.4e10, u::cells));  // unchanged
}

TEST_CASE("what a product refuses, naming the field", "[GRAFT-PROD-001][GRAFT-PROD-002][GRAFT-PROD-003]") {
    struct row {
        g::product_input in;
        const char* field;
        hsct::errc code;
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto zero_volume = marrow();
    zero_volume.volume = hsct::volume(0.0, u::mL);
    auto huge_volume = marrow();
    huge_volume.volume = hsct::volume(5000.1, u::mL);
    auto negative = marrow();
    negative.at_collection.cd3 = hsct::cell_count(-1.0, u::cells);
    auto too_many = marrow();
    too_many.at_collection.tnc = hsct::cell_count(1.1e13, u::cells);
    auto nan_cd34 = marrow();
    nan_cd34.at_collection.cd34 = hsct::cell_count(nan, u::cells);
    auto cd34_over_tnc = marrow();
    cd34_over_tnc.at_collection.cd34 = hsct::cell_count(2.5e10, u::cells);
    auto viability = marrow();
    viability.at_collection.viability = hsct::percent(100.5, u::pct);
    auto red_cells = marrow();
    red_cells.at_collection.red_cell_volume = hsct::volume(1200.5, u::mL);
    auto fresh_thawed = marrow();
    fresh_thawed.post_thaw = g::cell_counts{};
    auto bad_thaw = marrow();
    bad_thaw.state = g::preservation::cryopreserved;
    bad_thaw.post_thaw = g::cell_counts{};
    bad_thaw.post_thaw->cd3 = hsct::cell_count(5e9, u::cells);
    bad_thaw.post_thaw->tnc = hsct::cell_count(4e9, u::cells);
    auto bad_enum = marrow();
    bad_enum.source = static_cast<g::product_source>(7);
    const row rows[] = {
        {zero_volume, "product.volume", hsct::errc::out_of_range},
        {huge_volume, "product.volume", hsct::errc::out_of_range},
        {negative, "product.at_collection.cd3", hsct::errc::out_of_range},
        {too_many, "product.at_collection.tnc", hsct::errc::out_of_range},
        {nan_cd34, "product.at_collection.cd34", hsct::errc::not_finite},
        {cd34_over_tnc, "product.at_collection.cd34", hsct::errc::inconsistent},
        {viability, "product.at_collection.viability", hsct::errc::out_of_range},
        {red_cells, "product.at_collection.red_cell_volume", hsct::errc::out_of_range},
        {fresh_thawed, "product.post_thaw", hsct::errc::inconsistent},
        {bad_thaw, "product.post_thaw.cd3", hsct::errc::inconsistent},
        {bad_enum, "product.source", hsct::errc::out_of_range},
    };
    for (const auto& r : rows) {
        INFO(r.field);
        const auto p = g::make_product(r.in);
        REQUIRE_FALSE(p.has_value());
        CHECK(p.error().field() == r.field);
        CHECK(p.error().code() == r.code);
    }
    // the edges themselves are accepted
    auto edges = marrow();
    edges.volume = hsct::volume(5000.0, u::mL);
    edges.at_collection.cd34 = edges.at_collection.tnc;
    edges.at_collection.viability = hsct::percent(100.0, u::pct);
    edges.at_collection.red_cell_volume = edges.volume;
    edges.at_collection.cd3 = hsct::cell_count(0.0, u::cells);
    CHECK(g::make_product(edges).has_value());
}

}  // namespace hsct_test_graft_product_test
