// Tests for include/hsct/complications/acute_gvhd.hpp: the reference notes' AG-M1..M10 (MAGIC),
// AG-G1..G6 (modified Glucksberg), AG-I1..I5 (IBMTR); every MAGIC band below, at and above its
// edges (bilirubin in mg/dL and in umol/L, stool in mL, mL/kg and episodes, the 50 kg edge);
// attribution; the Keystone policies; refusals; no allocation.
#include <hsct/complications/acute_gvhd.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_acute_gvhd_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using g = c::agvhd_grade;
using hsct::transplant_day;

namespace {
const c::gvhd_patient adult{hsct::mass(70.0, u::kg)};
c::gvhd_day day0() {
    c::gvhd_day d;
    d.day = transplant_day::at(21);
    return d;
}
c::gvhd_day with(std::optional<double> rash, std::optional<double> bili_mg_dl, bool ugi, std::optional<double> stool_ml) {
    auto d = day0();
    if (rash) {
        d.rash_bsa = hsct::percent(*rash, u::pct);
    }
    if (bili_mg_dl) {
        d.bilirubin = hsct::bilirubin(*bili_mg_dl, u::mg_per_dl);
    }
    d.upper_gi_persistent = ugi;
    if (stool_ml) {
        d.stool_volume = hsct::volume(*stool_ml, u::mL);
    }
    return d;
}
c::magic_stages magic(const c::gvhd_day& d, const c::gvhd_patient& p = adult, const c::magic_options& o = {}) {
    auto r = c::stage_magic(d, p, o);
    REQUIRE(r.has_value());
    return *r;
}
c::keystone_stages keystone(const c::gvhd_day& d, const c::keystone_options& o = {}, const c::gvhd_patient& p = adult) {
    auto r = c::stage_keystone(d, p, o);
    REQUIRE(r.has_value());
    return *r;
}
int skin(double x) { return magic(with(x, std::nullopt, false, std::nullopt)).skin.stage; }
int liver(double mg) { return magic(with(std::nullopt, mg, false, std::nullopt)).liver.stage; }
int liver_umol(double umol) {
    auto d = day0();
    d.bilirubin = hsct::bilirubin(umol, u::umol_per_l);
    return magic(d).liver.stage;
}
// a patient of `kg`, paediatric when under 50 kg
c::gvhd_patient of(double kg) { return c::gvhd_patient{hsct::mass(kg, u::kg), kg < 50.0}; }
int lgi(double ml, double kg = 70.0) {
    return magic(with(std::nullopt, std::nullopt, false, ml), of(kg)).lower_gi.stage;
}
int episodes(std::uint8_t n, double kg = 70.0) {
    auto d = day0();
    d.stool_episodes = n;
    return magic(d, of(kg)).lower_gi.stage;
}
}  // namespace

TEST_CASE("AG-M1..M10: MAGIC stages and grade from raw measurements", "[COMP-AGVHD-001][COMP-AGVHD-003][MAGIC-2016][HB24-43]") {
    struct row {
        const char* id;
        c::gvhd_day d;
        int skin, liver, ugi, lgi;
        g grade;
        c::agvhd_organ by;
    };
    auto m6 = with(std::nullopt, std::nullopt, false, 300.0);
    m6.grossly_bloody_stool = true;
    auto m7 = day0();
    m7.stool_episodes = 5;
    auto m9 = with(90.0, 2.5, false, std::nullopt);
    const row rows[] = {
        {"AG-M1", with(30.0, 1.8, false, 400.0), 2, 0, 0, 0, g::grade_i, c::agvhd_organ::skin},
        {"AG-M2", with(60.0, std::nullopt, false, std::nullopt), 3, 0, 0, 0, g::grade_ii, c::agvhd_organ::skin},
        {"AG-M3", with(10.0, 3.0, true, 1000.0), 1, 1, 1, 2, g::grade_iii, c::agvhd_organ::lower_gi},
        {"AG-M4", with(std::nullopt, 16.0, false, std::nullopt), 0, 4, 0, 0, g::grade_iv, c::agvhd_organ::liver},
        {"AG-M6", m6, 0, 0, 0, 4, g::grade_iv, c::agvhd_organ::lower_gi},
        {"AG-M7", m7, 0, 0, 0, 2, g::grade_iii, c::agvhd_organ::lower_gi},
        {"AG-M8", with(20.0, std::nullopt, true, std::nullopt), 1, 0, 1, 0, g::grade_ii, c::agvhd_organ::upper_gi},
        {"AG-M9", m9, 3, 1, 0, 0, g::grade_ii, c::agvhd_organ::skin},
        {"AG-M10", with(0.0, 0.5, false, 100.0), 0, 0, 0, 0, g::grade_0, c::agvhd_organ::skin},
    };
    for (const auto& x : rows) {
        INFO(x.id);
        const auto s = magic(x.d);
        CHECK(s.skin.stage == x.skin);
        CHECK(s.liver.stage == x.liver);
        CHECK(s.upper_gi.stage == x.ugi);
        CHECK(s.lower_gi.stage == x.lgi);
        const auto gr = c::grade_magic(s);
        CHECK(gr.grade == x.grade);
        if (x.grade != g::grade_0) {
            REQUIRE_FALSE(gr.decided_by.empty());
            CHECK(gr.decided_by[0].organ == x.by);
        } else {
            CHECK(gr.decided_by.empty());
        }
    }
    // AG-M9: skin 3 and liver 1 both confer grade II
    CHECK(c::grade_magic(magic(m9)).decided_by.size() == 2);
    // AG-M3: 999 mL is stage 1 and the grade II
    CHECK(c::grade_magic(magic(with(10.0, 3.0, true, 999.0))).grade == g::grade_ii);
    // AG-M5: a child of 20 kg: 400 mL = 20 mL/kg stage 2 (III); 398 mL = 19.9 stage 1 (II); 610 = 30.5 stage 3
    CHECK(lgi(400.0, 20.0) == 2);
    CHECK(c::grade_magic(magic(with(std::nullopt, std::nullopt, false, 400.0), of(20.0))).grade == g::grade_iii);
    CHECK(lgi(398.0, 20.0) == 1);
    CHECK(lgi(610.0, 20.0) == 3);
    const auto kid = magic(with(std::nullopt, std::nullopt, false, 400.0), of(20.0));
    CHECK(kid.child);
    CHECK(kid.lower_gi.decided_by.id == c::agvhd_criterion::stool_volume_per_kg);
    CHECK(kid.lower_gi.decided_by.measured.number() == 20.0);
}

TEST_CASE("MAGIC skin: each band below, at and above; stage 4 needs bullae above 5 % on erythroderma", "[COMP-AGVHD-001][MAGIC-2016]") {
    CHECK(skin(0.0) == 0);
    CHECK(skin(0.5) == 1);
    CHECK(skin(24.9) == 1);
    CHECK(skin(25.0) == 2);
    CHECK(skin(50.0) == 2);
    CHECK(skin(50.1) == 3);
    const auto bullae = [](double total, double b) {
        auto d = with(total, std::nullopt, false, std::nullopt);
        d.bullae_bsa = hsct::percent(b, u::pct);
        return magic(d).skin.stage;
    };
    CHECK(bullae(60.0, 4.9) == 3);
    CHECK(bullae(60.0, 5.0) == 3);  // > 5 %: exactly 5 is not stage 4
    CHECK(bullae(60.0, 5.1) == 4);
    CHECK(bullae(40.0, 10.0) == 2);  // bullae without erythroderma: staged by the total
    auto d = with(60.0, std::nullopt, false, std::nullopt);
    d.bullae_bsa = hsct::percent(6.0, u::pct);
    CHECK(magic(d).skin.decided_by.id == c::agvhd_criterion::bullae_bsa);
}

TEST_CASE("MAGIC liver: each band below, at and above, in mg/dL and in umol/L", "[COMP-AGVHD-001][MAGIC-2016]") {
    CHECK(liver(1.9) == 0);
    CHECK(liver(2.0) == 1);
    CHECK(liver(2.1) == 1);
    CHECK(liver(3.0) == 1);
    CHECK(liver(3.05) == 2);  // inside the printed gap 3 / 3.1: hsct's reading, marked
    CHECK_FALSE(magic(with(std::nullopt, 3.05, false, std::nullopt)).liver.decided_by.verified);
    CHECK(magic(with(std::nullopt, 3.1, false, std::nullopt)).liver.decided_by.verified);
    CHECK(liver(3.1) == 2);
    CHECK(liver(6.0) == 2);
    CHECK(liver(6.05) == 3);
    CHECK(liver(6.1) == 3);
    CHECK(liver(15.0) == 3);
    CHECK(liver(15.1) == 4);
    // umol/L: converted once (17.1 per mg/dL) and staged on the mg/dL bands
    CHECK(liver_umol(34.1) == 0);
    CHECK(liver_umol(34.2) == 1);   // 2.0 mg/dL
    CHECK(liver_umol(51.3) == 1);   // 3.0 mg/dL
    CHECK(liver_umol(51.4) == 2);
    CHECK(liver_umol(102.6) == 2);  // 6.0 mg/dL
    CHECK(liver_umol(104.0) == 3);
    CHECK(liver_umol(256.5) == 3);  // 15.0 mg/dL
    CHECK(liver_umol(256.6) == 4);
}

TEST_CASE("MAGIC lower GI: volume and episodes, adult and child, below/at/above", "[COMP-AGVHD-001][MAGIC-2016]") {
    CHECK(lgi(0.0) == 0);
    CHECK(lgi(499.0) == 0);
    CHECK(lgi(500.0) == 1);
    CHECK(lgi(999.0) == 1);
    CHECK(lgi(1000.0) == 2);
    CHECK(lgi(1500.0) == 2);
    CHECK(lgi(1501.0) == 3);
    CHECK(episodes(2) == 0);
    CHECK(episodes(3) == 1);
    CHECK(episodes(4) == 1);
    CHECK(episodes(5) == 2);
    CHECK(episodes(7) == 2);
    CHECK(episodes(8) == 3);
    // a child of 20 kg: 10 / 20 / 30 mL/kg
    CHECK(lgi(198.0, 20.0) == 0);  // 9.9
    CHECK(lgi(200.0, 20.0) == 1);  // 10
    CHECK(lgi(398.0, 20.0) == 1);  // 19.9
    CHECK(lgi(600.0, 20.0) == 2);  // 30
    CHECK(lgi(602.0, 20.0) == 3);  // 30.1
    CHECK(episodes(3, 20.0) == 0);
    CHECK(episodes(4, 20.0) == 1);
    CHECK(episodes(6, 20.0) == 1);
    CHECK(episodes(7, 20.0) == 2);
    CHECK(episodes(10, 20.0) == 2);
    CHECK(episodes(11, 20.0) == 3);
    // a measured volume with unmeasured episodes: 200 mL each (adult), 3 mL/kg (child)
    auto d = with(std::nullopt, std::nullopt, false, 400.0);
    d.stool_episodes = 1;
    CHECK(magic(d).lower_gi.stage == 1);  // 600 mL
    CHECK(magic(d, of(20.0)).lower_gi.stage == 2);  // 20 + 3 = 23 mL/kg
    // severe pain or bloody stool: 4 whatever the volume
    auto pain = with(std::nullopt, std::nullopt, false, 100.0);
    pain.severe_abdominal_pain = true;
    CHECK(magic(pain).lower_gi.stage == 4);
    CHECK(magic(pain).lower_gi.decided_by.id == c::agvhd_criterion::severe_abdominal_pain);
}

TEST_CASE("MAGIC stages name the comparator and the band edge that decided them, at every edge",
          "[COMP-AGVHD-001][MAGIC-2016]") {
    using cmp = hsct::comparator;
    struct edge_row {
        double x;
        int stage;
        cmp how;
        double edge;
    };
    const auto explained = [](const c::organ_stage& s, const edge_row& e) {
        INFO(e.x);
        CHECK(s.stage == e.stage);
        CHECK(s.decided_by.cmp == e.how);
        CHECK(s.decided_by.threshold == e.edge);
    };
    // skin, % BSA: 0 is none (at most 0), then > 0, >= 25, > 50
    for (const auto& e : {edge_row{0.0, 0, cmp::less_equal, 0.0}, edge_row{0.1, 1, cmp::greater, 0.0},
                          edge_row{24.9, 1, cmp::greater, 0.0}, edge_row{25.0, 2, cmp::greater_equal, 25.0},
                          edge_row{50.0, 2, cmp::greater_equal, 25.0}, edge_row{50.1, 3, cmp::greater, 50.0}}) {
        const auto s = magic(with(e.x, std::nullopt, false, std::nullopt)).skin;
        CHECK(s.decided_by.id == c::agvhd_criterion::rash_bsa);
        explained(s, e);
    }
    // skin 4: bullae above 5 % on erythroderma; at 5 % the rash above 50 % decides (stage 3)
    const auto bullae = [](double b) {
        auto d = with(60.0, std::nullopt, false, std::nullopt);
        d.bullae_bsa = hsct::percent(b, u::pct);
        return magic(d).skin;
    };
    const auto at5 = bullae(5.0);
    CHECK(at5.decided_by.id == c::agvhd_criterion::rash_bsa);
    explained(at5, {5.0, 3, cmp::greater, 50.0});
    const auto over5 = bullae(5.1);
    CHECK(over5.decided_by.id == c::agvhd_criterion::bullae_bsa);
    CHECK(over5.decided_by.verified);
    explained(over5, {5.1, 4, cmp::greater, 5.0});
    // liver, mg/dL: < 2 none, then >= 2, > 3, > 6, > 15
    for (const auto& e : {edge_row{1.9, 0, cmp::less, 2.0}, edge_row{2.0, 1, cmp::greater_equal, 2.0},
                          edge_row{3.0, 1, cmp::greater_equal, 2.0}, edge_row{3.05, 2, cmp::greater, 3.0},
                          edge_row{6.0, 2, cmp::greater, 3.0}, edge_row{6.05, 3, cmp::greater, 6.0},
                          edge_row{15.0, 3, cmp::greater, 6.0}, edge_row{15.1, 4, cmp::greater, 15.0}}) {
        explained(magic(with(std::nullopt, e.x, false, std::nullopt)).liver, e);
    }
    // adult stool, mL a day: < 500 none, then >= 500, >= 1000, > 1500
    for (const auto& e : {edge_row{499.9, 0, cmp::less, 500.0}, edge_row{500.0, 1, cmp::greater_equal, 500.0},
                          edge_row{999.9, 1, cmp::greater_equal, 500.0}, edge_row{1000.0, 2, cmp::greater_equal, 1000.0},
                          edge_row{1500.0, 2, cmp::greater_equal, 1000.0}, edge_row{1500.1, 3, cmp::greater, 1500.0}}) {
        const auto s = magic(with(std::nullopt, std::nullopt, false, e.x)).lower_gi;
        CHECK(s.decided_by.id == c::agvhd_criterion::stool_volume);
        explained(s, e);
    }
    // a child of 20 kg, mL/kg a day (x is the volume / 20): < 10 none, then >= 10, >= 20, > 30
    for (const auto& e : {edge_row{198.0, 0, cmp::less, 10.0}, edge_row{200.0, 1, cmp::greater_equal, 10.0},
                          edge_row{398.0, 1, cmp::greater_equal, 10.0}, edge_row{400.0, 2, cmp::greater_equal, 20.0},
                          edge_row{600.0, 2, cmp::greater_equal, 20.0}, edge_row{602.0, 3, cmp::greater, 30.0}}) {
        const auto s = magic(with(std::nullopt, std::nullopt, false, e.x), of(20.0)).lower_gi;
        CHECK(s.decided_by.id == c::agvhd_criterion::stool_volume_per_kg);
        explained(s, e);
    }
    // episodes only: adult 3 / 5 / 8 a day, child 4 / 7 / 11, each at least
    const auto by_episodes = [](double n, double kg) {
        auto d = day0();
        d.stool_episodes = static_cast<std::uint8_t>(n);
        const auto s = magic(d, of(kg)).lower_gi;
        CHECK(s.decided_by.id == c::agvhd_criterion::stool_episodes);
        return s;
    };
    for (const auto& e : {edge_row{2.0, 0, cmp::less, 3.0}, edge_row{3.0, 1, cmp::greater_equal, 3.0},
                          edge_row{4.0, 1, cmp::greater_equal, 3.0}, edge_row{5.0, 2, cmp::greater_equal, 5.0},
                          edge_row{7.0, 2, cmp::greater_equal, 5.0}, edge_row{8.0, 3, cmp::greater_equal, 8.0},
                          edge_row{40.0, 3, cmp::greater_equal, 8.0}}) {
        explained(by_episodes(e.x, 70.0), e);
    }
    for (const auto& e : {edge_row{3.0, 0, cmp::less, 4.0}, edge_row{4.0, 1, cmp::greater_equal, 4.0},
                          edge_row{6.0, 1, cmp::greater_equal, 4.0}, edge_row{7.0, 2, cmp::greater_equal, 7.0},
                          edge_row{10.0, 2, cmp::greater_equal, 7.0}, edge_row{11.0, 3, cmp::greater_equal, 11.0}}) {
        explained(by_episodes(e.x, 20.0), e);
    }
}

TEST_CASE("MAGIC lower GI: an episode beside a measured volume counts 200 mL (adult) or 3 mL/kg (child), at band edges",
          "[COMP-AGVHD-001][MAGIC-2016]") {
    struct row {
        double ml;
        int episodes;
        int stage;
        double total;  // mL a day (adult) or mL/kg a day (child)
    };
    const auto lower_gi = [](const row& x, double kg) {
        INFO(x.ml << " mL + " << x.episodes << " episodes, " << kg << " kg");
        auto d = with(std::nullopt, std::nullopt, false, x.ml);
        d.stool_episodes = static_cast<std::uint8_t>(x.episodes);
        const auto s = magic(d, of(kg)).lower_gi;
        CHECK(s.stage == x.stage);
        CHECK(s.decided_by.measured.number() == x.total);
        return s.decided_by.id;
    };
    // adult, 200 mL an episode: 300 + 1 and 100 + 2 reach 500 mL (stage 1); 1300 + 1 is 1500 (stage 2,
    // not above 1500)
    for (const auto& x : {row{300.0, 1, 1, 500.0}, row{100.0, 2, 1, 500.0}, row{1300.0, 1, 2, 1500.0}}) {
        CHECK(lower_gi(x, 70.0) == c::agvhd_criterion::stool_volume);
    }
    // a child of 20 kg, 3 mL/kg an episode: 140 mL (7 mL/kg) + 1 reaches 10 (stage 1); 540 mL (27) + 1 is
    // 30 (stage 2, not above 30)
    for (const auto& x : {row{140.0, 1, 1, 10.0}, row{540.0, 1, 2, 30.0}}) {
        CHECK(lower_gi(x, 20.0) == c::agvhd_criterion::stool_volume_per_kg);
    }
}

TEST_CASE("the 50 kg edge: a paediatric patient below 50 kg (MAGIC) or at 50 kg and below (PDQ)", "[COMP-AGVHD-001][MAGIC-2016]") {
    // 3 episodes: adult stage 1, child stage 0
    const auto at = [](double kg, c::child_rule r, std::optional<bool> paediatric = true) {
        auto d = day0();
        d.stool_episodes = 3;
        c::magic_options o;
        o.child = r;
        return c::stage_magic(d, c::gvhd_patient{hsct::mass(kg, u::kg), paediatric}, o);
    };
    CHECK(at(49.9, c::child_rule::below_50_kg)->child);
    CHECK_FALSE(at(50.0, c::child_rule::below_50_kg)->child);
    CHECK(at(50.0, c::child_rule::below_50_kg)->lower_gi.stage == 1);
    CHECK(at(50.0, c::child_rule::at_or_below_50_kg)->child);
    CHECK(at(50.0, c::child_rule::at_or_below_50_kg)->lower_gi.stage == 0);
    CHECK_FALSE(at(50.1, c::child_rule::at_or_below_50_kg)->child);
    // an adult under 50 kg keeps the adult bands: 900 mL is stage 1 (grade II), not 20 mL/kg
    const auto small_adult = c::stage_magic(with(std::nullopt, std::nullopt, false, 900.0),
                                            c::gvhd_patient{hsct::mass(45.0, u::kg), false});
    REQUIRE(small_adult.has_value());
    CHECK_FALSE(small_adult->child);
    CHECK(small_adult->lower_gi.stage == 1);
    CHECK(c::stage_magic(with(std::nullopt, std::nullopt, false, 900.0), of(45.0))->lower_gi.stage == 2);
    // under 50 kg without the paediatric status: refused, naming it
    const auto unknown = at(45.0, c::child_rule::below_50_kg, std::nullopt);
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().field() == "patient.paediatric");
    CHECK(at(70.0, c::child_rule::below_50_kg, std::nullopt).has_value());  // 50 kg and over: adult bands
}

TEST_CASE("attribution: another cause stages the organ 0 under MAGIC", "[COMP-AGVHD-002][MAGIC-2016]") {
    auto d = with(30.0, 8.0, false, 1200.0);
    CHECK(c::grade_magic(magic(d)).grade == g::grade_iii);
    d.liver_cause = c::gvhd_attribution::other_cause;
    d.lower_gi_cause = c::gvhd_attribution::other_cause;
    const auto s = magic(d);
    CHECK(s.liver.stage == 0);
    CHECK(s.liver.decided_by.id == c::agvhd_criterion::other_cause);
    CHECK(c::grade_magic(s).grade == g::grade_i);
    // a contributing cause does not lower a MAGIC stage
    auto e = with(std::nullopt, 3.5, false, std::nullopt);
    e.liver_cause = c::gvhd_attribution::gvhd_and_other_cause;
    CHECK(magic(e).liver.stage == 2);
    // an organ not measured that day is named, and counts 0
    const auto none = magic(day0());
    CHECK_FALSE(none.skin.assessed);
    CHECK(none.skin.decided_by.id == c::agvhd_criterion::not_assessed);
    CHECK(none.skin.decided_by.result == hsct::outcome::unknown);
}

TEST_CASE("AG-G1..G6: modified Glucksberg (Keystone) grades and policies", "[COMP-AGVHD-004][Keystone-1995]") {
    const auto grade = [](const c::gvhd_day& d, const c::keystone_options& o = {}) {
        return c::grade_keystone(keystone(d, o)).grade;
    };
    CHECK(grade(with(30.0, std::nullopt, false, std::nullopt)) == g::grade_i);      // AG-G1: 2,0,0
    CHECK(grade(with(60.0, 2.5, false, std::nullopt)) == g::grade_ii);             // AG-G2: 3,1,0
    CHECK(grade(with(10.0, std::nullopt, false, 1600.0)) == g::grade_iii);         // AG-G3: 1,0,3
    auto g4 = day0();
    g4.severe_abdominal_pain = true;                                                 // AG-G4: 0,0,4
    const auto k4 = keystone(g4);
    CHECK(k4.gut.stage == 4);
    CHECK(c::grade_keystone(k4).grade == g::grade_iv);  // default: gut 4 is grade IV
    c::keystone_options iii;
    iii.gut4 = c::gut_stage4_grade::grade_iii;
    CHECK(grade(g4, iii) == g::grade_iii);
    CHECK(keystone(g4, iii).options.gut4 == c::gut_stage4_grade::grade_iii);  // the result names the policy
    auto g5 = with(60.0, 2.5, false, 600.0);                                        // AG-G5: 4,1,1
    g5.bullae_bsa = hsct::percent(2.0, u::pct);
    CHECK(keystone(g5).skin.stage == 4);  // any bullae on erythroderma (the literal wording)
    CHECK(grade(g5) == g::grade_iv);
    c::keystone_options magic_bullae;
    magic_bullae.skin4 = c::keystone_skin4::bullae_above_5pct;
    CHECK(keystone(g5, magic_bullae).skin.stage == 3);
    // AG-G6: bilirubin 3.5 with documented haemolysis: Keystone liver 2 -> 1 (grade II); MAGIC 2 (III)
    auto g6 = with(std::nullopt, 3.5, false, std::nullopt);
    g6.liver_cause = c::gvhd_attribution::gvhd_and_other_cause;
    CHECK(keystone(g6).liver.stage == 1);
    CHECK(keystone(g6).liver.decided_by.id == c::agvhd_criterion::other_cause_downgrade);
    CHECK(grade(g6) == g::grade_ii);
    CHECK(c::grade_magic(magic(g6)).grade == g::grade_iii);
    c::keystone_options no_down;
    no_down.downgrade = c::keystone_downgrade::off;
    CHECK(grade(g6, no_down) == g::grade_iii);
    // grossly bloody stool: not a Keystone criterion by default
    auto blood = with(std::nullopt, std::nullopt, false, 300.0);
    blood.grossly_bloody_stool = true;
    CHECK(keystone(blood).gut.stage == 0);
    c::keystone_options blood4;
    blood4.bloody_stool = c::keystone_bloody_stool::stage_4;
    CHECK(keystone(blood, blood4).gut.stage == 4);
    // the Keystone cells are the notes' reproduction: every stage criterion is marked unverified
    const auto k2 = keystone(with(30.0, 2.5, false, 600.0));
    CHECK_FALSE(k2.skin.decided_by.verified);
    CHECK_FALSE(k2.liver.decided_by.verified);
    CHECK(std::string(k2.gut.decided_by.requirement) == "COMP-AGVHD-004");
    // bilirubin printed in umol/L (34 / 51 / 256) staged on the mg/dL bands after one conversion
    const auto kl = [&](double umol) {
        auto d = day0();
        d.bilirubin = hsct::bilirubin(umol, u::umol_per_l);
        return keystone(d).liver.stage;
    };
    CHECK(kl(34.0) == 0);   // 1.99 mg/dL (the printed band would say 1)
    CHECK(kl(34.2) == 1);
    CHECK(kl(51.0) == 1);   // 2.98 mg/dL (printed: 2)
    CHECK(kl(51.4) == 2);
    CHECK(kl(256.0) == 3);  // 14.97 mg/dL (printed: 4)
    CHECK(kl(257.0) == 4);
    // persistent upper-GI symptoms with histology: gut 1
    auto ugi = with(std::nullopt, std::nullopt, true, std::nullopt);
    CHECK(keystone(ugi).gut.stage == 0);
    ugi.upper_gi_histology = true;
    CHECK(keystone(ugi).gut.stage == 1);
    CHECK(keystone(ugi).gut.decided_by.id == c::agvhd_criterion::upper_gi_histology);
}

TEST_CASE("Keystone skin 4 by any bullae: bullae of 0 % are none, the least recorded are some", "[COMP-AGVHD-004][Keystone-1995]") {
    const auto skin4 = [](double b) {
        auto d = with(60.0, std::nullopt, false, std::nullopt);  // erythroderma (skin 3 by itself)
        d.bullae_bsa = hsct::percent(b, u::pct);
        return keystone(d).skin;
    };
    // 0 % recorded: no bullae, so the rash alone stages the skin (3), decided by the BSA above 50 %
    const auto none = skin4(0.0);
    CHECK(none.stage == 3);
    CHECK(none.decided_by.id == c::agvhd_criterion::rash_bsa);
    CHECK(none.decided_by.cmp == hsct::comparator::greater);
    CHECK(none.decided_by.threshold == 50.0);
    // any bullae at all (here 0.1 % of the body surface) make it 4, under the literal wording
    const auto some = skin4(0.1);
    CHECK(some.stage == 4);
    CHECK(some.decided_by.id == c::agvhd_criterion::bullae_bsa);
    CHECK(some.decided_by.cmp == hsct::comparator::greater);
    CHECK(some.decided_by.threshold == 0.0);
    CHECK_FALSE(some.decided_by.verified);  // the literal reading is hsct's [U]
    // and the grade follows: skin 4 is grade IV, skin 3 alone grade II
    auto d0 = with(60.0, std::nullopt, false, std::nullopt);
    d0.bullae_bsa = hsct::percent(0.0, u::pct);
    CHECK(c::grade_keystone(keystone(d0)).grade == g::grade_ii);
    auto d1 = with(60.0, std::nullopt, false, std::nullopt);
    d1.bullae_bsa = hsct::percent(0.1, u::pct);
    CHECK(c::grade_keystone(keystone(d1)).grade == g::grade_iv);
}

TEST_CASE("AG-I1..I5: the IBMTR severity index", "[COMP-AGVHD-005][IBMTR-1997]") {
    const auto index = [](const c::gvhd_day& d) { return c::grade_ibmtr(keystone(d)).grade; };
    CHECK(index(with(10.0, std::nullopt, false, std::nullopt)) == c::ibmtr_index::a);   // AG-I1: 1,0,0
    CHECK(index(with(10.0, 2.5, false, std::nullopt)) == c::ibmtr_index::b);            // AG-I2: 1,1,0
    CHECK(index(with(30.0, std::nullopt, false, 1600.0)) == c::ibmtr_index::c);         // AG-I3: 2,0,3
    const auto i4 = with(60.0, std::nullopt, false, std::nullopt);                       // AG-I4: 3,0,0
    CHECK(index(i4) == c::ibmtr_index::c);
    CHECK(c::grade_magic(magic(i4)).grade == g::grade_ii);
    auto i5 = day0();                                                                   // AG-I5: 0,0,4
    i5.severe_abdominal_pain = true;
    CHECK(index(i5) == c::ibmtr_index::d);
    CHECK(index(with(0.0, 1.0, false, 100.0)) == c::ibmtr_index::none);
    CHECK(c::grade_ibmtr(keystone(with(30.0, std::nullopt, false, 1600.0))).decided_by[0].organ == c::agvhd_organ::lower_gi);
}

TEST_CASE("refused: out-of-range findings and a stool without the weight", "[COMP-AGVHD-001]") {
    const auto field = [](const c::gvhd_day& d, const c::gvhd_patient& p = adult) {
        return std::string(c::stage_magic(d, p).error().field());
    };
    CHECK(field(with(100.1, std::nullopt, false, std::nullopt)) == "rash_bsa");
    CHECK(c::stage_magic(with(100.0, std::nullopt, false, std::nullopt), adult).has_value());
    CHECK(field(with(-1.0, std::nullopt, false, std::nullopt)) == "rash_bsa");
    auto b = with(20.0, std::nullopt, false, std::nullopt);
    b.bullae_bsa = hsct::percent(25.0, u::pct);
    CHECK(field(b) == "bullae_bsa");
    CHECK(field(with(std::nullopt, std::nullopt, false, -5.0)) == "stool_volume");
    auto ep = day0();
    ep.stool_episodes = 41;
    CHECK(field(ep) == "stool_episodes");
    const auto no_weight = c::stage_magic(with(std::nullopt, std::nullopt, false, 400.0), c::gvhd_patient{});
    REQUIRE_FALSE(no_weight.has_value());
    CHECK(no_weight.error().field() == "patient.weight");
    CHECK(no_weight.error().code() == hsct::errc::missing);
    CHECK(c::stage_magic(with(30.0, 2.0, false, std::nullopt), c::gvhd_patient{}).has_value());  // no stool: no weight needed
    auto cause = day0();
    cause.liver_cause = static_cast<c::gvhd_attribution>(9);
    CHECK(field(cause) == "cause");
    c::keystone_options o;
    o.gut4 = static_cast<c::gut_stage4_grade>(7);
    CHECK(c::stage_keystone(day0(), adult, o).error().field() == "options.gut4");
}

TEST_CASE("stool episodes: 40 a day is the bound (accepted), 41 is refused naming the field", "[COMP-AGVHD-001]") {
    auto d = day0();
    d.stool_episodes = 40;
    const auto ok = c::stage_magic(d, adult);
    REQUIRE(ok.has_value());
    CHECK(ok->lower_gi.stage == 3);
    d.stool_episodes = 41;
    const auto over = c::stage_magic(d, adult);
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().field() == "stool_episodes");
    CHECK(over.error().code() == hsct::errc::out_of_range);
    CHECK(over.error().value() == "41");
    CHECK(over.error().valid_range() == "0-40 a day");
    // with another fault on the day, 40 episodes are not the one named: the weight is
    const c::gvhd_patient heavy{hsct::mass(600.0, u::kg), false};
    d.stool_episodes = 40;
    CHECK(c::stage_magic(d, heavy).error().field() == "patient.weight");
    d.stool_episodes = 41;  // the episodes are checked first
    CHECK(c::stage_magic(d, heavy).error().field() == "stool_episodes");
}

TEST_CASE("staging and grading a day allocates nothing", "[COMP-AGVHD-001][COMP-AGVHD-003]") {
    const auto d = with(30.0, 3.5, true, 1200.0);
    hsct_test::allocation_counter count;
    const auto m = c::stage_magic(d, adult);
    const auto k = c::stage_keystone(d, adult);
    const auto gm = c::grade_magic(*m);
    const auto gk = c::grade_keystone(*k);
    const auto gi = c::grade_ibmtr(*k);
    CHECK(count.count() == 0);
    CHECK(gm.grade == g::grade_iii);
    CHECK(gk.grade == g::grade_iii);
    CHECK(gi.grade == c::ibmtr_index::b);
}

}  // namespace hsct_test_complications_acute_gvhd_test
