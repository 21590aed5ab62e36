// Tests for include/hsct/graft/infusion_text.hpp: a day's DMSO with the limit it was compared to and
// what the day can take (G3); where an infusion landed on the timeline; in English and through a
// second catalogue.
#include <hsct/graft/infusion_text.hpp>

#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_infusion_text_test {

namespace g = hsct::graft;
namespace u = hsct::units;

namespace {
hsct::patient::body_weight kg(double w) { return *hsct::patient::body_weight::make(w, u::kg); }
std::vector<g::dmso_bag> bag(double ml) { return {{hsct::volume(ml, u::mL), hsct::percent(10.0, u::pct)}}; }
constexpr hsct::catalogue_entry german[] = {
    {"infusion", "hct", "HSZT"},
    {"infusion", "sets_day0", "setzt Tag 0"},
    {"infusion", "at_most", "hoechstens"},
    {"infusion", "today", "heute in dieser Konzentration"},
    {"dmso_criterion", "within_daily_limit", "DMSO je kg im Tageslimit"},
    {"outcome", "not_met", "nicht erfuellt"},
    {"text", "unverified", "ungeprueft"},
    {"infusion_kind", "dli", "Spenderlymphozyten (keine HSZT)"},
};
}  // namespace

TEST_CASE("a day's DMSO against the limit (G3)", "[GRAFT-INF-002][G3][text]") {
    CHECK(g::render(*g::assess_dmso(bag(300.0), kg(30.0))) ==
          "DMSO 33.0 g, 1.10 g/kg: DMSO per kg within the daily limit: 1.10 g/kg <= 1 g/kg: not met (hsct reading, "
          "unverified) [GRAFT-INF-002]; at most 272.7 mL today at this concentration");
    CHECK(g::render(*g::assess_dmso(bag(250.0), kg(70.0))) ==
          "DMSO 27.5 g, 0.39 g/kg: DMSO per kg within the daily limit: 0.39 g/kg <= 1 g/kg: met (hsct reading, "
          "unverified) [GRAFT-INF-002]");
    g::dmso_options centre;  // a centre's own limit is its statement: no unverified mark
    centre.limit = hsct::dose_per_mass(0.5, u::g_per_kg);
    CHECK(g::render(*g::assess_dmso(bag(150.0), kg(30.0), centre)) ==
          "DMSO 16.5 g, 0.55 g/kg: DMSO per kg within the daily limit: 0.55 g/kg <= 0.5 g/kg: not met [GRAFT-INF-002]; "
          "at most 136.4 mL today at this concentration");  // 15 g at 0.11 g/mL
}

TEST_CASE("where an infusion landed", "[GRAFT-INF-004][text]") {
    g::placed_infusion p;
    p.day = hsct::transplant_day::at(0);
    p.sets_day0 = true;
    CHECK(g::render(p) == "HCT 1, D0 (sets Day 0)");
    p.day = hsct::transplant_day::at(1);
    p.sets_day0 = false;
    CHECK(g::render(p) == "HCT 1, D+1");
    p.hct_number = 2;
    p.day = hsct::transplant_day::at(70);
    p.kind = g::infusion_kind::boost;
    CHECK(g::render(p) == "HCT 2, D+70: a stem-cell boost (not an HCT)");
}

TEST_CASE("infusion text through another catalogue", "[GRAFT-INF-002][GRAFT-INF-004][text]") {
    const hsct::table_catalogue de(german);
    CHECK(g::render(*g::assess_dmso(bag(300.0), kg(30.0)), de) ==
          "DMSO 33.0 g, 1.10 g/kg: DMSO je kg im Tageslimit: 1.10 g/kg <= 1 g/kg: nicht erfuellt (ungeprueft) "
          "[GRAFT-INF-002]; hoechstens 272.7 mL heute in dieser Konzentration");
    g::placed_infusion p;
    p.day = hsct::transplant_day::at(100);
    p.kind = g::infusion_kind::dli;
    CHECK(g::render(p, de) == "HSZT 1, D+100: Spenderlymphozyten (keine HSZT)");
}

}  // namespace hsct_test_graft_infusion_text_test
