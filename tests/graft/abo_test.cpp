// Tests for include/hsct/graft/abo.hpp: titres read and bounded; the red-cell and plasma sides
// of an ABO-incompatible product below, at and above each threshold of the default policy and
// of a centre's own; the relations of the reference notes' section 11.10 taken from the donor
// stage; missing inputs as values; bad input as errors naming the field.
#include <hsct/graft/abo.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <tuple>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_abo_test {

namespace g = hsct::graft;
namespace u = hsct::units;
using hsct::donor::abo_group;
using hsct::donor::abo_relation;

namespace {
g::agglutinin_titre titre(std::uint32_t n) { return *g::agglutinin_titre::make(n); }

// An allogeneic marrow product of 1,200 mL with the red-cell volume given (at collection), and
// optionally a post-thaw red-cell volume.
g::product marrow(std::optional<double> rbc_ml, std::optional<double> thawed_rbc_ml = std::nullopt,
                  std::optional<g::manipulation> m = std::nullopt) {
    g::product_input in;
    in.source = g::product_source::bone_marrow;
    in.use = g::product_use::allogeneic;
    in.state = thawed_rbc_ml ? g::preservation::cryopreserved : g::preservation::fresh;
    if (m) {
        in.manipulations.insert(*m);
    }
    in.volume = hsct::volume(1200.0, u::mL);
    if (rbc_ml) {
        in.at_collection.red_cell_volume = hsct::volume(*rbc_ml, u::mL);
    }
    if (thawed_rbc_ml) {
        in.post_thaw = g::cell_counts{};
        in.post_thaw->red_cell_volume = hsct::volume(*thawed_rbc_ml, u::mL);
    }
    const auto p = g::make_product(in);
    REQUIRE(p.has_value());
    return *p;
}

g::abo_graft_input input(abo_relation r, std::optional<std::uint32_t> recipient_titre = std::nullopt,
                         std::optional<std::uint32_t> donor_titre = std::nullopt) {
    g::abo_graft_input in;
    in.relation = r;
    if (recipient_titre) {
        in.recipient_anti_donor_titre = titre(*recipient_titre);
    }
    if (donor_titre) {
        in.donor_anti_recipient_titre = titre(*donor_titre);
    }
    return in;
}
}  // namespace

TEST_CASE("titres: doubling dilutions from 1:1 to 1:16384, or negative", "[GRAFT-ABO-001]") {
    for (std::uint32_t n = 1; n <= 16384; n *= 2) {
        INFO(n);
        const auto t = g::agglutinin_titre::make(n);
        REQUIRE(t.has_value());
        CHECK(t->reciprocal() == n);
    }
    for (const std::uint32_t bad : {0U, 3U, 24U, 100U, 32768U, 65536U, 4294967295U}) {
        INFO(bad);
        const auto t = g::agglutinin_titre::make(bad, "recipient.anti_a");
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().field() == "recipient.anti_a");
        CHECK(t.error().code() == hsct::errc::out_of_range);
    }
    CHECK(g::agglutinin_titre::negative().is_negative());
    CHECK(g::agglutinin_titre::negative() < titre(1));
    CHECK(titre(32) < titre(64));
    CHECK(g::agglutinin_titre::dilution(128) == titre(128));
    // the bound itself: the largest titre accepted is 1:16384, at compile time (a policy's limit)
    // as at run time; 1:32768 is refused above
    CHECK(g::agglutinin_titre::max_reciprocal == 16384U);
    constexpr auto top = g::agglutinin_titre::dilution(16384);
    CHECK(top == titre(16384));
    CHECK(top.reciprocal() == 16384U);
}

TEST_CASE("titres read from text", "[GRAFT-ABO-001]") {
    for (const auto& [text, want] : {std::tuple{"1:32", 32U}, std::tuple{"1/64", 64U}, std::tuple{" 256 ", 256U},
                                     std::tuple{"1 : 8", 8U}, std::tuple{"1:16384", 16384U}, std::tuple{"1", 1U}}) {
        INFO(text);
        const auto t = g::parse_titre(text);
        REQUIRE(t.has_value());
        CHECK(t->reciprocal() == want);
    }
    for (const char* neg : {"negative", "NEG", " Negative "}) {
        INFO(neg);
        CHECK(g::parse_titre(neg)->is_negative());
    }
    for (const char* bad : {"", "1:", ":32", "2:64", "1:3", "1:32768", "1:100000", "x", "1:32a", "-32", "1:-2", "0"}) {
        INFO(bad);
        const auto t = g::parse_titre(bad, "donor.anti_b");
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().field() == "donor.anti_b");
    }
}

TEST_CASE("major: red-cell volume below, at and above 30 mL; titre below, at and above 1:32",
          "[GRAFT-ABO-002][V2]") {
    // the default: > 30 mL and > 1:32, both strict
    for (const auto& [ml, t, want] : {
             std::tuple{29.9, 64U, g::abo_graft_action::not_indicated},
             std::tuple{30.0, 64U, g::abo_graft_action::not_indicated},
             std::tuple{30.1, 64U, g::abo_graft_action::consider},
             std::tuple{80.0, 16U, g::abo_graft_action::not_indicated},
             std::tuple{80.0, 32U, g::abo_graft_action::not_indicated},
             std::tuple{80.0, 64U, g::abo_graft_action::consider},
         }) {
        INFO(ml << " mL, 1:" << t);
        const auto r = g::assess_abo_graft(marrow(ml), input(abo_relation::major, t));
        REQUIRE(r.has_value());
        CHECK(r->red_cells == want);
        CHECK(r->plasma == g::abo_graft_action::not_applicable);
        const auto* v = r->find(g::abo_graft_criterion::red_cell_volume);
        REQUIRE(v != nullptr);
        CHECK(v->measured.number() == ml);
        CHECK(v->threshold == 30.0);
        CHECK(v->cmp == hsct::comparator::greater);
        CHECK_FALSE(v->verified);  // the default's numbers are from a secondary summary
        CHECK(std::string_view(v->requirement) == "GRAFT-ABO-002");
        const auto* k = r->find(g::abo_graft_criterion::recipient_titre);
        REQUIRE(k != nullptr);
        CHECK(k->measured.number() == static_cast<double>(t));
        CHECK(k->threshold == 32.0);
    }
    // a negative recipient: nothing to lyse the red cells
    g::abo_graft_input neg = input(abo_relation::major);
    neg.recipient_anti_donor_titre = g::agglutinin_titre::negative();
    CHECK(g::assess_abo_graft(marrow(200.0), neg)->red_cells == g::abo_graft_action::not_indicated);
}

TEST_CASE("the donor stage's relations (reference notes 11.10) decide which sides apply",
          "[GRAFT-ABO-002][GRAFT-ABO-003][DON-ABO-001]") {
    using A = g::abo_graft_action;
    // donor -> recipient, as the notes' table reads
    for (const auto& [donor, recipient, red, plasma] : {
             std::tuple{abo_group::a, abo_group::o, A::consider, A::not_applicable},       // major
             std::tuple{abo_group::o, abo_group::b, A::not_applicable, A::consider},       // minor
             std::tuple{abo_group::a, abo_group::b, A::consider, A::consider},             // bidirectional
             std::tuple{abo_group::ab, abo_group::a, A::consider, A::not_applicable},      // major
             std::tuple{abo_group::a, abo_group::ab, A::not_applicable, A::consider},      // minor
             std::tuple{abo_group::o, abo_group::o, A::not_applicable, A::not_applicable}, // identical
         }) {
        const auto rel = hsct::donor::abo_relation_of(recipient, donor);
        INFO(id(donor) << " -> " << id(recipient) << ": " << id(rel));
        const auto r = g::assess_abo_graft(marrow(100.0), input(rel, 128));
        REQUIRE(r.has_value());
        CHECK(r->relation == rel);
        CHECK(r->red_cells == red);
        CHECK(r->plasma == plasma);
    }
}

TEST_CASE("minor: plasma reduction under the default, a product already reduced, a centre's thresholds",
          "[GRAFT-ABO-003]") {
    // the default names no number: every minor incompatibility
    const auto r = g::assess_abo_graft(marrow(100.0), input(abo_relation::minor));
    REQUIRE(r.has_value());
    CHECK(r->plasma == g::abo_graft_action::consider);
    CHECK(r->find(g::abo_graft_criterion::plasma_reduced)->result == hsct::outcome::not_met);
    CHECK(r->find(g::abo_graft_criterion::donor_titre) == nullptr);
    const auto reduced = g::assess_abo_graft(marrow(100.0, std::nullopt, g::manipulation::plasma_reduction),
                                             input(abo_relation::minor));
    CHECK(reduced->plasma == g::abo_graft_action::already_reduced);
    // a centre's: donor titre at or above 1:128 and plasma above 200 mL
    g::abo_graft_policy centre;
    centre.donor_titre_at_or_above = g::agglutinin_titre::dilution(128);
    centre.plasma_volume_above = hsct::volume(200.0, u::mL);
    centre.verified = true;
    for (const auto& [t, plasma_ml, want] : {
             std::tuple{64U, 500.0, g::abo_graft_action::not_indicated},
             std::tuple{128U, 500.0, g::abo_graft_action::consider},
             std::tuple{256U, 500.0, g::abo_graft_action::consider},
             std::tuple{256U, 199.9, g::abo_graft_action::not_indicated},
             std::tuple{256U, 200.0, g::abo_graft_action::not_indicated},
             std::tuple{256U, 200.1, g::abo_graft_action::consider},
         }) {
        INFO("1:" << t << ", " << plasma_ml << " mL");
        auto in = input(abo_relation::minor, std::nullopt, t);
        in.plasma_volume = hsct::volume(plasma_ml, u::mL);
        const auto c = g::assess_abo_graft(marrow(100.0), in, centre);
        REQUIRE(c.has_value());
        CHECK(c->plasma == want);
        CHECK(c->find(g::abo_graft_criterion::donor_titre)->cmp == hsct::comparator::greater_equal);
        CHECK(c->find(g::abo_graft_criterion::plasma_volume)->verified);
    }
}

TEST_CASE("a centre's red-cell policy: volume alone, another limit", "[GRAFT-ABO-002]") {
    g::abo_graft_policy volume_only;
    volume_only.recipient_titre_above = std::nullopt;
    volume_only.red_cell_volume_above = hsct::volume(20.0, u::mL);
    const auto r = g::assess_abo_graft(marrow(25.0), input(abo_relation::major), volume_only);
    CHECK(r->red_cells == g::abo_graft_action::consider);
    CHECK(r->find(g::abo_graft_criterion::recipient_titre) == nullptr);
    CHECK(g::assess_abo_graft(marrow(20.0), input(abo_relation::major), volume_only)->red_cells ==
          g::abo_graft_action::not_indicated);
}

TEST_CASE("the red-cell volume read is the latest counted", "[GRAFT-ABO-002]") {
    // reduced before freezing: 150 mL at collection, 12 mL after thawing
    const auto p = marrow(150.0, 12.0, g::manipulation::red_cell_reduction);
    const auto r = g::assess_abo_graft(p, input(abo_relation::major, 256));
    REQUIRE(r.has_value());
    CHECK(r->counted_at == g::count_point::post_thaw);
    CHECK(r->red_cell_reduced);
    CHECK(r->red_cells == g::abo_graft_action::not_indicated);
    CHECK(r->find(g::abo_graft_criterion::red_cell_volume)->measured.number() == 12.0);
    const auto fresh = g::assess_abo_graft(marrow(150.0), input(abo_relation::major, 256));
    CHECK(fresh->counted_at == g::count_point::collection);
    CHECK(fresh->red_cells == g::abo_graft_action::consider);
}

TEST_CASE("a missing input is a value: unknown, and named", "[GRAFT-ABO-002][GRAFT-ABO-003]") {
    const auto no_rbc = g::assess_abo_graft(marrow(std::nullopt), input(abo_relation::major, 64));
    REQUIRE(no_rbc.has_value());
    CHECK(no_rbc->red_cells == g::abo_graft_action::unknown);
    CHECK(no_rbc->missing.contains(g::abo_graft_field::red_cell_volume));
    CHECK(no_rbc->find(g::abo_graft_criterion::red_cell_volume)->result == hsct::outcome::unknown);
    const auto no_titre = g::assess_abo_graft(marrow(80.0), input(abo_relation::major));
    CHECK(no_titre->red_cells == g::abo_graft_action::unknown);
    CHECK(no_titre->missing.contains(g::abo_graft_field::recipient_titre));
    // a threshold not reached decides even with the other input missing
    const auto small = g::assess_abo_graft(marrow(10.0), input(abo_relation::major));
    CHECK(small->red_cells == g::abo_graft_action::not_indicated);
    CHECK(small->missing.contains(g::abo_graft_field::recipient_titre));
}

TEST_CASE("bad input is an error naming the field", "[GRAFT-ABO-002][GRAFT-ABO-003]") {
    // an autologous product cannot be ABO-incompatible
    g::product_input auto_in;
    auto_in.volume = hsct::volume(250.0, u::mL);
    const auto autologous = *g::make_product(auto_in);
    const auto e = g::assess_abo_graft(autologous, input(abo_relation::major, 64));
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().field() == "input.relation");
    CHECK(e.error().code() == hsct::errc::inconsistent);
    CHECK(g::assess_abo_graft(autologous, input(abo_relation::identical)).has_value());
    // an undeclared relation
    CHECK(g::assess_abo_graft(marrow(50.0), input(static_cast<abo_relation>(9))).error().field() == "input.relation");
    // plasma volume over the product's, zero, not finite
    for (const double ml : {0.0, 1200.1, std::numeric_limits<double>::quiet_NaN(), -5.0}) {
        auto in = input(abo_relation::minor);
        in.plasma_volume = hsct::volume(ml, u::mL);
        const auto r = g::assess_abo_graft(marrow(50.0), in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == "input.plasma_volume");
    }
    g::abo_graft_policy bad;
    bad.red_cell_volume_above = hsct::volume(-1.0, u::mL);
    CHECK(g::assess_abo_graft(marrow(50.0), input(abo_relation::major, 64), bad).error().field() ==
          "policy.red_cell_volume_above");
    g::abo_graft_policy bad_plasma;
    bad_plasma.plasma_volume_above = hsct::volume(std::numeric_limits<double>::infinity(), u::mL);
    CHECK(g::assess_abo_graft(marrow(50.0), input(abo_relation::minor), bad_plasma).error().field() ==
          "policy.plasma_volume_above");
}

TEST_CASE("assess_abo_graft allocates nothing on success", "[GRAFT-ABO-002][GRAFT-ABO-003]") {
    const auto p = marrow(80.0);
    const auto in = input(abo_relation::bidirectional, 64);
    hsct_test::allocation_counter count;
    const auto r = g::assess_abo_graft(p, in);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->criteria.size() == 3);
}

}  // namespace hsct_test_graft_abo_test
