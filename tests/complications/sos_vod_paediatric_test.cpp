// Tests for include/hsct/complications/sos_vod_paediatric.hpp: the EBMT 2018 paediatric criteria from
// dated measurements (refractory thrombocytopenia; weight rising on three days despite diuretics or
// > 5 % within 72 h; bilirubin rising on three days or >= 2 mg/dL; hepatomegaly; ascites; two of
// five, no onset limit) and the paediatric severity table row by row with its edges, the
// most-severe-criterion and starred rules, each named policy both ways, worked example VOD-6
// (reference notes 8.8, digest 10.6), refusals and no allocation.
#include <hsct/complications/sos_vod_paediatric.hpp>

#include <optional>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"
#include "support/sos_episode.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_sos_vod_paediatric_test {

namespace c = hsct::complications;
using hsct_test::sos_episode;
using f = c::sos_finding;
using pc = c::sos_paediatric_criterion;
using row = c::sos_paediatric_severity_row;
using sev = c::sos_severity;
using ext = c::sos_ascites_extent;
using hsct::outcome;

namespace {
c::sos_paediatric_result dx(sos_episode& e, const c::sos_paediatric_options& o = {}) {
    auto r = c::assess_sos_paediatric(e.get(), o);
    REQUIRE(r.has_value());
    return *r;
}
c::sos_paediatric_severity_result grade(sos_episode& e, const c::sos_paediatric_severity_options& o = {}) {
    auto r = c::assess_sos_paediatric_severity(e.get(), o);
    REQUIRE(r.has_value());
    return *r;
}
const c::sos_dated_criterion<pc>& crit(const c::sos_paediatric_result& r, pc id) {
    const auto* p = c::sos_find(r.criteria, id);
    REQUIRE(p != nullptr);
    return *p;
}
const c::sos_graded_criterion<row>& record(const c::sos_paediatric_severity_result& r, row id) {
    const auto* p = c::sos_find(r.criteria, id);
    REQUIRE(p != nullptr);
    return *p;
}
std::optional<int> num(const std::optional<hsct::transplant_day>& d) {
    return d ? std::optional<int>(d->number()) : std::nullopt;
}
/// A child of 20 kg (baseline D-7), diagnosed on D10 by hepatomegaly and ascites (minimal); the row
/// under test is set by the caller. Everything else normal or absent.
sos_episode child(int assessed_on = 10) {
    sos_episode e(assessed_on, 20.0);
    e.age(6).sign(f::hepatomegaly, 10).ascites(10, ext::minimal);
    return e;
}
}  // namespace

TEST_CASE("VOD-6: two paediatric criteria on day 30; moderate, severe with GFR 25 mL/min", "[SOS-6][VOD-6][COMP-SOS-060][EBMT-2018][HB24-49]") {
    // child d+30; refractory thrombocytopenia 5 days; moderate ascites above baseline; bilirubin 1.2;
    // ALT 3 x
    sos_episode e(30, 20.0);
    e.age(8).sign(f::refractory_thrombocytopenia, 26).ascites(30, ext::moderate).bilirubin(30, 1.2).alt(30, 3.0);
    const auto d = dx(e);
    CHECK(d.status == c::sos_status::met);
    CHECK(num(d.diagnosis_day) == 30);
    CHECK(d.criteria_on_diagnosis_day == 2);
    CHECK(d.on_diagnosis_day.contains(pc::refractory_thrombocytopenia));
    CHECK(d.on_diagnosis_day.contains(pc::ascites));
    CHECK(num(crit(d, pc::refractory_thrombocytopenia).day) == 26);
    CHECK(d.onset == c::sos_onset::late_onset);  // informative: no onset limit
    const auto g = grade(e);
    CHECK(g.status == c::sos_severity_status::graded);
    CHECK(g.grade == sev::moderate);
    CHECK(record(g, row::liver_enzymes).column == sev::moderate);
    CHECK(record(g, row::refractory_thrombocytopenia).column == sev::moderate);
    CHECK(record(g, row::refractory_thrombocytopenia).criterion.measured.number() == 5.0);
    CHECK(record(g, row::ascites).column == sev::moderate);
    CHECK(record(g, row::bilirubin).column == sev::mild);
    CHECK(g.decided_by == c::sos_severity_decision::most_severe_criterion);
    e.gfr(30, 25.0);
    const auto s = grade(e);
    CHECK(s.grade == sev::severe);  // a single criterion upgrades
    CHECK(s.deciding_rows.contains(row::gfr));
    CHECK(s.deciding_rows.size() == 1);
}

TEST_CASE("two of five, no onset limit; one criterion is not enough", "[COMP-SOS-065][EBMT-2018]") {
    sos_episode one(60, 20.0);
    one.sign(f::hepatomegaly, 40).bilirubin(1, 0.4).weight_kg(1, 20.0);
    CHECK(dx(one).status == c::sos_status::not_met);
    one.sign(f::refractory_thrombocytopenia, 55);
    const auto r = dx(one);
    CHECK(num(r.diagnosis_day) == 55);
    sos_episode other(60, 20.0);
    other.sign(f::hepatomegaly, 40).sign(f::ascites, 41).other_causes(c::sos_other_cause::present);
    CHECK(dx(other).status == c::sos_status::other_cause);
    // the set is for children
    sos_episode adult(60, 70.0);
    adult.age(18).sign(f::hepatomegaly, 40).sign(f::ascites, 41);
    CHECK(dx(adult).status == c::sos_status::not_applicable);
    CHECK(crit(dx(adult), pc::child).criterion.result == outcome::not_met);
    adult.age(17);
    CHECK(dx(adult).status == c::sos_status::met);
}

TEST_CASE("weight gain above 5 % of baseline within 72 h, or at any time", "[COMP-SOS-061][EBMT-2018][HB24-49]") {
    const auto with = [](int first_day, double first_kg, int second_day, double second_kg) {
        sos_episode e(20, 20.0);
        e.sign(f::hepatomegaly, 5).bilirubin(1, 0.4).weight_kg(first_day, first_kg).weight_kg(second_day, second_kg);
        return e;
    };
    auto over = with(10, 20.0, 12, 21.1);  // +1.1 kg in 2 days = 5.5 % of 20 kg
    const auto r = dx(over);
    CHECK(num(r.diagnosis_day) == 12);
    CHECK(crit(r, pc::weight_gain).criterion.measured.number() == Approx(5.5));
    CHECK_FALSE(crit(r, pc::weight_gain).criterion.verified);  // the 72 h reading [U]
    auto below = with(10, 20.0, 12, 20.98);  // 4.9 %
    CHECK(dx(below).status == c::sos_status::not_met);
    auto at = with(10, 20.0, 12, 21.0);  // exactly 5 %: not above
    CHECK(dx(at).status == c::sos_status::not_met);
    auto above = with(10, 20.0, 13, 21.02);  // 3 days apart: within 72 h
    CHECK(dx(above).status == c::sos_status::met);
    auto slow = with(10, 20.0, 14, 21.2);  // 4 days apart: not within 72 h
    CHECK(dx(slow).status == c::sos_status::not_met);
    c::sos_paediatric_options any;
    any.weight_window = c::sos_paediatric_weight_window::no_window;
    CHECK(dx(slow, any).status == c::sos_status::met);  // 6 % above baseline
    CHECK(crit(dx(slow, any), pc::weight_gain).criterion.verified);
    CHECK(dx(at, any).status == c::sos_status::not_met);
    // the gain within 72 h stands from the day it happened (carry_forward) ...
    sos_episode later(20, 20.0);
    later.bilirubin(1, 0.4).weight_kg(3, 20.0).weight_kg(5, 21.2).weight_kg(8, 20.5).sign(f::ascites, 12);
    CHECK(num(dx(later).diagnosis_day) == 12);
    // ... or only on its day
    c::sos_paediatric_options same;
    same.persistence = c::sos_persistence::same_day_only;
    CHECK(dx(later, same).status == c::sos_status::not_met);
}

TEST_CASE("weight rising on three consecutive days despite diuretics", "[COMP-SOS-061][EBMT-2018]") {
    const auto with = [](int rises, bool diuretics) {
        sos_episode e(20, 20.0);
        e.sign(f::hepatomegaly, 5).bilirubin(1, 0.4);
        double kg = 20.0;
        for (int d = 10; d <= 10 + rises; ++d) {
            e.weight_kg(d, kg);
            kg += 0.2;  // 1 % a day: never 5 % within 72 h
        }
        if (diuretics) {
            e.sign(f::diuretics, 9);
        }
        return e;
    };
    auto three = with(3, true);
    const auto r = dx(three);
    CHECK(num(r.diagnosis_day) == 13);
    CHECK(crit(r, pc::weight_rising).criterion.measured.number() == 3.0);
    CHECK(r.on_diagnosis_day.contains(pc::weight_rising));
    auto two = with(2, true);
    CHECK(dx(two).status == c::sos_status::not_met);
    CHECK(crit(dx(two), pc::weight_rising).criterion.measured.number() == 2.0);
    auto none = with(3, false);
    CHECK(dx(none).status == c::sos_status::not_met);  // no diuretics given
    auto unknown = with(3, false);
    unknown.not_assessed(f::diuretics);
    const auto ru = dx(unknown);
    CHECK(ru.status == c::sos_status::indeterminate);
    CHECK(ru.missing.contains(c::sos_input_field::diuretics));
    // a gap day breaks the run
    sos_episode gap(20, 20.0);
    gap.sign(f::hepatomegaly, 5).bilirubin(1, 0.4).sign(f::diuretics, 9).weight_kg(10, 20.0).weight_kg(11, 20.2).weight_kg(13, 20.4);
    gap.weight_kg(14, 20.6);
    CHECK(dx(gap).status == c::sos_status::not_met);
}

TEST_CASE("bilirubin: rising on three consecutive days, or 2 mg/dL (34 umol/L)", "[COMP-SOS-062][EBMT-2018][HB24-49]") {
    sos_episode rise(20, 20.0);
    rise.sign(f::ascites, 5).weight_kg(1, 20.0).bilirubin(10, 0.5).bilirubin(11, 0.6).bilirubin(12, 0.7).bilirubin(13, 0.8);
    const auto r = dx(rise);
    CHECK(num(r.diagnosis_day) == 13);
    CHECK(r.on_diagnosis_day.contains(pc::bilirubin_rising));
    CHECK_FALSE(r.on_diagnosis_day.contains(pc::bilirubin));
    sos_episode flat(20, 20.0);
    flat.sign(f::ascites, 5).weight_kg(1, 20.0).bilirubin(10, 0.5).bilirubin(11, 0.6).bilirubin(12, 0.6).bilirubin(13, 0.8);
    CHECK(dx(flat).status == c::sos_status::not_met);
    const auto with = [](double v, bool umol) {
        sos_episode e(20, 20.0);
        e.sign(f::ascites, 5).weight_kg(1, 20.0);
        if (umol) {
            e.bilirubin_umol(10, v);
        } else {
            e.bilirubin(10, v);
        }
        return e;
    };
    auto b199 = with(1.99, false);
    CHECK(dx(b199).status == c::sos_status::not_met);
    auto b2 = with(2.0, false);
    CHECK(num(dx(b2).diagnosis_day) == 10);
    auto b21 = with(2.1, false);
    CHECK(dx(b21).status == c::sos_status::met);
    auto u34 = with(34.0, true);
    CHECK(dx(u34).status == c::sos_status::not_met);
    CHECK(dx(u34).bilirubin_unit_edge);
    auto u342 = with(34.2, true);
    CHECK(dx(u342).status == c::sos_status::met);
    // "within 72 h" read as reached from below 2 mg/dL within 3 days
    c::sos_paediatric_options reached;
    reached.bilirubin = c::sos_paediatric_bilirubin::reached_within_72h;
    CHECK(dx(b2, reached).status == c::sos_status::not_met);  // no earlier value
    sos_episode fast(20, 20.0);
    fast.sign(f::ascites, 5).weight_kg(1, 20.0).bilirubin(9, 1.5).bilirubin(12, 2.1);
    CHECK(num(dx(fast, reached).diagnosis_day) == 12);
    sos_episode slow(20, 20.0);
    slow.sign(f::ascites, 5).weight_kg(1, 20.0).bilirubin(8, 1.5).bilirubin(12, 2.1);
    CHECK(dx(slow, reached).status == c::sos_status::not_met);
    CHECK(dx(slow).status == c::sos_status::met);
}

TEST_CASE("bilirubin 2 mg/dL reached within 72 h: the earlier value must be below 2, not at or above it", "[COMP-SOS-062][EBMT-2018]") {
    c::sos_paediatric_options reached;
    reached.bilirubin = c::sos_paediatric_bilirubin::reached_within_72h;
    // ascites from D5 is one criterion; the bilirubin on D12 decides the second
    const auto with = [](double earlier) {
        sos_episode e(20, 20.0);
        e.sign(f::ascites, 5).weight_kg(1, 20.0).bilirubin(10, earlier).bilirubin(12, 2.5);
        return e;
    };
    // 1.9 mg/dL two days before: 2 mg/dL was reached within 72 h, on D12
    auto below = with(1.9);
    const auto rb = dx(below, reached);
    CHECK(rb.status == c::sos_status::met);
    CHECK(num(rb.diagnosis_day) == 12);
    CHECK(rb.on_diagnosis_day.contains(pc::bilirubin));
    CHECK(num(crit(rb, pc::bilirubin).day) == 12);
    // exactly 2 mg/dL two days before: already at the threshold, so not reached from below
    auto at = with(2.0);
    const auto ra = dx(at, reached);
    CHECK(ra.status == c::sos_status::not_met);
    CHECK_FALSE(ra.on_diagnosis_day.contains(pc::bilirubin));
    CHECK(crit(ra, pc::bilirubin).criterion.result == outcome::not_met);
    // 2.2 mg/dL two days before: above it already; not met either
    auto above = with(2.2);
    const auto ro = dx(above, reached);
    CHECK(ro.status == c::sos_status::not_met);
    CHECK(crit(ro, pc::bilirubin).criterion.result == outcome::not_met);
    // under the default reading any value of 2 mg/dL or more counts, on its own day
    CHECK(num(dx(at).diagnosis_day) == 10);
    CHECK(num(dx(above).diagnosis_day) == 10);
}

TEST_CASE("paediatric severity: liver enzymes 2 and 5 x normal", "[COMP-SOS-070][EBMT-2018]") {
    const struct {
        double x;
        sev col;
    } cases[] = {{1.0, sev::mild}, {2.0, sev::mild}, {2.1, sev::moderate}, {5.0, sev::moderate}, {5.1, sev::severe}};
    for (const auto& k : cases) {
        auto e = child();
        e.alt(10, k.x);
        const auto g = grade(e);
        CHECK(record(g, row::liver_enzymes).column == k.col);
        CHECK(g.grade == (k.col == sev::mild ? sev::mild : k.col));
    }
}

TEST_CASE("paediatric severity: refractory thrombocytopenia 3 and 7 days, > 7 or >= 7", "[COMP-SOS-070][COMP-SOS-071][EBMT-2018]") {
    const struct {
        int days;
        sev gt7;
        sev ge7;
    } cases[] = {{2, sev::mild, sev::mild},
                 {3, sev::moderate, sev::moderate},
                 {6, sev::moderate, sev::moderate},
                 {7, sev::moderate, sev::severe},
                 {8, sev::severe, sev::severe}};
    c::sos_paediatric_severity_options ge;
    ge.rt_severe_comparison = hsct::comparator::greater_equal;
    for (const auto& k : cases) {
        auto e = child();
        e.sign(f::refractory_thrombocytopenia, 10 - k.days + 1);
        const auto g = grade(e);
        CHECK(record(g, row::refractory_thrombocytopenia).criterion.measured.number() == k.days);
        CHECK(record(g, row::refractory_thrombocytopenia).column == k.gt7);
        CHECK(record(grade(e, ge), row::refractory_thrombocytopenia).column == k.ge7);
    }
    auto none = child();
    CHECK(record(grade(none), row::refractory_thrombocytopenia).column == std::nullopt);
}

TEST_CASE("paediatric severity: bilirubin 2 mg/dL; pre-existing hyperbilirubinaemia not graded", "[COMP-SOS-070][COMP-SOS-075][EBMT-2018]") {
    auto low = child();
    low.bilirubin(10, 1.99);
    CHECK(record(grade(low), row::bilirubin).column == sev::mild);
    auto at = child();
    at.bilirubin(10, 2.0);
    CHECK(record(grade(at), row::bilirubin).column == sev::severe);
    auto umol = child();
    umol.bilirubin_umol(10, 34.2);
    CHECK(record(grade(umol), row::bilirubin).column == sev::severe);
    auto umol34 = child();
    umol34.bilirubin_umol(10, 34.0);
    CHECK(record(grade(umol34), row::bilirubin).column == sev::mild);
    at.get().preexisting_hyperbilirubinaemia = true;
    const auto g = grade(at);
    CHECK(record(g, row::bilirubin).criterion.result == outcome::not_applicable);
    CHECK(record(g, row::bilirubin).column == std::nullopt);
    CHECK(g.grade == sev::mild);
}

TEST_CASE("paediatric severity: ascites extent; GFR 90/60/30/15 mL/min", "[COMP-SOS-070][EBMT-2018]") {
    for (const auto& [extent, col] : {std::pair{ext::minimal, sev::mild}, std::pair{ext::moderate, sev::moderate},
                                      std::pair{ext::needs_paracentesis, sev::severe}}) {
        sos_episode e(10, 20.0);
        e.sign(f::hepatomegaly, 10).ascites(10, extent);
        CHECK(record(grade(e), row::ascites).column == col);
    }
    sos_episode ng(10, 20.0);
    ng.sign(f::hepatomegaly, 10).sign(f::ascites, 10);
    const auto g = grade(ng);
    CHECK(record(g, row::ascites).criterion.result == outcome::unknown);
    CHECK(g.missing.contains(c::sos_input_field::ascites_extent));
    const struct {
        double ml;
        std::optional<sev> col;
    } cases[] = {{14.9, sev::very_severe}, {15.0, sev::severe},  {29.9, sev::severe}, {30.0, sev::moderate},
                 {59.9, sev::moderate},    {60.0, sev::mild},     {89.9, sev::mild},   {90.0, std::nullopt},
                 {120.0, std::nullopt}};
    for (const auto& k : cases) {
        auto e = child();
        e.gfr(10, k.ml);
        CHECK(record(grade(e), row::gfr).column == k.col);
    }
}

TEST_CASE("paediatric severity: oxygen 2 L/min under both readings, ventilation, coagulation, CNS, MOD", "[COMP-SOS-070][COMP-SOS-072][COMP-SOS-074][EBMT-2018]") {
    c::sos_paediatric_severity_options mild2;
    mild2.oxygen_at_2 = c::sos_paediatric_oxygen_at_2::mild;
    const struct {
        double l;
        std::optional<sev> col;
        std::optional<sev> col_mild2;
    } cases[] = {{0.0, std::nullopt, std::nullopt}, {1.9, sev::mild, sev::mild}, {2.0, sev::moderate, sev::mild},
                 {2.1, sev::moderate, sev::moderate}};
    for (const auto& k : cases) {
        auto e = child();
        e.oxygen(10, k.l);
        CHECK(record(grade(e), row::oxygen).column == k.col);
        CHECK(record(grade(e, mild2), row::oxygen).column == k.col_mild2);
    }
    auto v = child();
    v.oxygen(10, 1.0).sign(f::ventilation, 10);
    CHECK(record(grade(v), row::oxygen).column == sev::severe);
    auto co = child();
    co.sign(f::coagulopathy, 9);
    CHECK(grade(co).grade == sev::severe);
    co.sign(f::factor_replacement, 10);
    CHECK(grade(co).grade == sev::very_severe);
    auto cns = child();
    cns.sign(f::cognitive_impairment, 10);
    CHECK(grade(cns).grade == sev::very_severe);
    CHECK(grade(cns).decided_by == c::sos_severity_decision::most_severe_criterion);
    auto mod = child();
    mod.sign(f::multi_organ_dysfunction, 10);
    CHECK(grade(mod).grade == sev::very_severe);
    CHECK(grade(mod).decided_by == c::sos_severity_decision::multi_organ_dysfunction);
    auto normal = child();
    normal.oxygen(10, 0.0).gfr(10, 100.0);
    const auto g = grade(normal);
    CHECK(g.grade == sev::mild);  // minimal ascites only; normal CNS and coagulation place nowhere
    CHECK(record(g, row::cns).column == std::nullopt);
    CHECK(record(g, row::coagulation).column == std::nullopt);
}

TEST_CASE("two starred criteria at severe make it very severe", "[COMP-SOS-074][EBMT-2018]") {
    auto e = child();
    e.alt(10, 6.0).bilirubin(10, 2.5);
    const auto g = grade(e);
    CHECK(g.starred_at_severe == 2);
    CHECK(g.grade == sev::very_severe);
    CHECK(g.decided_by == c::sos_severity_decision::starred_criteria);
    CHECK(record(g, row::starred_criteria).criterion.result == outcome::met);
    auto one = child();
    one.alt(10, 6.0).bilirubin(10, 1.5);
    CHECK(grade(one).grade == sev::severe);
    CHECK(grade(one).starred_at_severe == 1);
}

TEST_CASE("bilirubin kinetics: severe by default, or not graded", "[COMP-SOS-073][EBMT-2018]") {
    auto e = child(12);
    e.bilirubin(9, 0.6).bilirubin(10, 1.3);
    const auto g = grade(e);
    CHECK(record(g, row::bilirubin_kinetics).column == sev::severe);
    CHECK(g.grade == sev::severe);
    c::sos_paediatric_severity_options off;
    off.kinetics = c::sos_paediatric_kinetics::not_graded;
    const auto n = grade(e, off);
    CHECK(record(n, row::bilirubin_kinetics).criterion.result == outcome::not_applicable);
    CHECK(n.grade == sev::mild);
}

TEST_CASE("bilirubin kinetics: a ratio of exactly 2 within 48 h is a doubling", "[COMP-SOS-073][EBMT-2018]") {
    const auto with = [](double later) {
        auto e = child(12);
        e.bilirubin(9, 0.6).bilirubin(10, later);
        return e;
    };
    // 0.6 -> 1.1 mg/dL: ratio 1.83, below a doubling; the row does not place
    auto b = with(1.1);
    const auto gb = grade(b);
    CHECK(record(gb, row::bilirubin_kinetics).criterion.result == outcome::not_met);
    CHECK(record(gb, row::bilirubin_kinetics).column == std::nullopt);
    CHECK(gb.grade == sev::mild);  // minimal ascites and bilirubin < 2 only
    // 0.6 -> 1.2 mg/dL: ratio 2 (a doubling, >= 2): severe
    auto a = with(1.2);
    const auto ga = grade(a);
    const auto& ka = record(ga, row::bilirubin_kinetics);
    CHECK(ka.criterion.result == outcome::met);
    CHECK(ka.criterion.measured.number() == Approx(2.0));
    CHECK(ka.criterion.cmp == hsct::comparator::greater_equal);
    CHECK(ka.criterion.threshold == 2.0);
    CHECK(ka.column == sev::severe);
    CHECK(ga.grade == sev::severe);
    // 0.6 -> 1.5 mg/dL: ratio 2.5: severe
    auto o = with(1.5);
    CHECK(record(grade(o), row::bilirubin_kinetics).column == sev::severe);
}

TEST_CASE("paediatric severity timing, not diagnosed, and refusals", "[COMP-SOS-046][COMP-SOS-001][EBMT-2018]") {
    auto e = child(20);
    e.gfr(10, 70.0).gfr(15, 20.0);
    CHECK(grade(e).grade == sev::mild);
    c::sos_paediatric_severity_options worst;
    worst.timing = c::sos_severity_timing::worst_ever;
    const auto w = grade(e, worst);
    CHECK(w.grade == sev::severe);
    CHECK(num(w.graded_on) == 15);
    CHECK(num(w.diagnosis_day) == 10);
    sos_episode none(20, 20.0);
    none.sign(f::hepatomegaly, 5).bilirubin(1, 0.4).weight_kg(1, 20.0);
    CHECK(grade(none).status == c::sos_severity_status::not_diagnosed);
    c::sos_paediatric_severity_options bad;
    bad.rt_severe_comparison = hsct::comparator::less_equal;
    CHECK(c::assess_sos_paediatric_severity(e.get(), bad).error().field() == "options.rt_severe_comparison");
    c::sos_paediatric_options badw;
    badw.weight_window = static_cast<c::sos_paediatric_weight_window>(5);
    CHECK(c::assess_sos_paediatric(e.get(), badw).error().field() == "options.weight_window");
    e.sign(f::ascites, 25);
    CHECK(c::assess_sos_paediatric_severity(e.get()).error().field() == "findings[2].onset");
}

TEST_CASE("bilirubin reached within 72 h: exactly 2 mg/dL reached from below counts", "[COMP-SOS-062][EBMT-2018]") {
    c::sos_paediatric_options reached;
    reached.bilirubin = c::sos_paediatric_bilirubin::reached_within_72h;
    const auto with = [](double later) {
        sos_episode e(20, 20.0);
        e.sign(f::ascites, 5).weight_kg(1, 20.0).bilirubin(10, 1.9).bilirubin(12, later);
        return e;
    };
    auto at = with(2.0);  // 1.9 -> 2.0 in two days: 2 mg/dL reached
    const auto ra = dx(at, reached);
    CHECK(ra.status == c::sos_status::met);
    CHECK(num(ra.diagnosis_day) == 12);
    CHECK(crit(ra, pc::bilirubin).criterion.result == outcome::met);
    auto below = with(1.99);  // not reached
    const auto rb = dx(below, reached);
    CHECK(rb.status == c::sos_status::not_met);
    CHECK(crit(rb, pc::bilirubin).criterion.result == outcome::not_met);
}

TEST_CASE("the paediatric criteria explain their comparators and thresholds", "[COMP-SOS-061][COMP-SOS-062][EBMT-2018][HB24-49]") {
    // weight +6 % within 2 days and bilirubin 2.5 mg/dL: both met on D12
    sos_episode e(20, 20.0);
    e.sign(f::hepatomegaly, 5).weight_kg(10, 20.0).weight_kg(12, 21.2).bilirubin(10, 1.0).bilirubin(12, 2.5);
    const auto r = dx(e);
    REQUIRE(r.status == c::sos_status::met);
    const auto& wr = crit(r, pc::weight_rising).criterion;
    CHECK(wr.cmp == hsct::comparator::greater_equal);  // three rising days or more
    CHECK(wr.threshold == 3.0);
    const auto& wg = crit(r, pc::weight_gain).criterion;
    CHECK(wg.result == outcome::met);
    CHECK(wg.cmp == hsct::comparator::greater);  // above 5 %
    CHECK(wg.threshold == 5.0);
    const auto& br = crit(r, pc::bilirubin_rising).criterion;
    CHECK(br.cmp == hsct::comparator::greater_equal);
    CHECK(br.threshold == 3.0);
    const auto& b = crit(r, pc::bilirubin).criterion;
    CHECK(b.result == outcome::met);
    CHECK(b.cmp == hsct::comparator::greater_equal);  // 2 mg/dL or more
    CHECK(b.threshold == 2.0);
}

TEST_CASE("rising days are counted up to three: a longer run records three", "[COMP-SOS-061][COMP-SOS-062][EBMT-2018]") {
    // the series starts before D0 (episode_start D-10): bilirubin rises onto D-3, D-2, D-1 and D0,
    // four rises by D0, the first day graded; the record counts three (the run needed), not four
    sos_episode b(10, 20.0);
    b.sign(f::ascites, 0).weight_kg(0, 20.0);
    b.bilirubin(-4, 0.5).bilirubin(-3, 0.6).bilirubin(-2, 0.7).bilirubin(-1, 0.8).bilirubin(0, 0.9);
    b.get().episode_start = hsct::transplant_day::at(-10);
    const auto rb = dx(b);
    CHECK(num(rb.diagnosis_day) == 0);
    CHECK(rb.on_diagnosis_day.contains(pc::bilirubin_rising));
    CHECK(num(crit(rb, pc::bilirubin_rising).day) == 0);
    CHECK(crit(rb, pc::bilirubin_rising).criterion.measured.number() == 3.0);
    // the same for weight rising with diuretics throughout
    sos_episode w(10, 20.0);
    w.sign(f::ascites, 0).bilirubin(0, 0.4).sign(f::diuretics, -5);
    w.weight_kg(-4, 20.0).weight_kg(-3, 20.1).weight_kg(-2, 20.2).weight_kg(-1, 20.3).weight_kg(0, 20.4);
    w.get().episode_start = hsct::transplant_day::at(-10);
    const auto rw = dx(w);
    CHECK(num(rw.diagnosis_day) == 0);
    CHECK(rw.on_diagnosis_day.contains(pc::weight_rising));
    CHECK(crit(rw, pc::weight_rising).criterion.measured.number() == 3.0);
    // equal consecutive values are not a rise
    sos_episode flat(10, 20.0);
    flat.sign(f::ascites, 0).weight_kg(0, 20.0).bilirubin(-3, 0.5).bilirubin(-2, 0.6).bilirubin(-1, 0.6).bilirubin(0, 0.7);
    flat.get().episode_start = hsct::transplant_day::at(-10);
    const auto rf = dx(flat);
    CHECK(crit(rf, pc::bilirubin_rising).criterion.result == outcome::not_met);
    CHECK(crit(rf, pc::bilirubin_rising).criterion.measured.number() == 1.0);
}

TEST_CASE("paediatric severity rows explain the band edge that placed them", "[COMP-SOS-070][COMP-SOS-071][EBMT-2018]") {
    using hsct::comparator;
    // liver enzymes: <= 2 mild, > 2 moderate, > 5 severe
    const struct {
        double x;
        comparator cmp;
        double threshold;
    } lft[] = {{2.0, comparator::less_equal, 2.0}, {3.0, comparator::greater, 2.0}, {6.0, comparator::greater, 5.0}};
    for (const auto& k : lft) {
        auto e = child();
        e.alt(10, k.x);
        const auto p = record(grade(e), row::liver_enzymes);
        CHECK(p.criterion.cmp == k.cmp);
        CHECK(p.criterion.threshold == k.threshold);
    }
    // refractory thrombocytopenia: < 3 d mild, >= 3 d moderate, > 7 d severe (default)
    const struct {
        int days;
        comparator cmp;
        double threshold;
    } rt[] = {{2, comparator::less, 3.0}, {3, comparator::greater_equal, 3.0}, {8, comparator::greater, 7.0}};
    for (const auto& k : rt) {
        auto e = child();
        e.sign(f::refractory_thrombocytopenia, 10 - k.days + 1);
        const auto p = record(grade(e), row::refractory_thrombocytopenia);
        CHECK(p.criterion.cmp == k.cmp);
        CHECK(p.criterion.threshold == k.threshold);
    }
    // bilirubin: >= 2 severe, < 2 mild
    auto high = child();
    high.bilirubin(10, 2.0);
    CHECK(record(grade(high), row::bilirubin).criterion.cmp == comparator::greater_equal);
    CHECK(record(grade(high), row::bilirubin).criterion.threshold == 2.0);
    auto low = child();
    low.bilirubin(10, 1.5);
    CHECK(record(grade(low), row::bilirubin).criterion.cmp == comparator::less);
    CHECK(record(grade(low), row::bilirubin).criterion.threshold == 2.0);
    // GFR: below the band's upper edge; a normal value names the 90 edge it did not reach
    auto g25 = child();
    g25.gfr(10, 25.0);
    CHECK(record(grade(g25), row::gfr).criterion.cmp == comparator::less);
    CHECK(record(grade(g25), row::gfr).criterion.threshold == 30.0);
    auto g100 = child();
    g100.gfr(10, 100.0);
    const auto gn = record(grade(g100), row::gfr);
    CHECK(gn.criterion.result == outcome::not_met);
    CHECK(gn.criterion.cmp == comparator::less);
    CHECK(gn.criterion.threshold == 90.0);
    // oxygen above 2 L/min: moderate by "> 2"
    auto o3 = child();
    o3.oxygen(10, 3.0);
    CHECK(record(grade(o3), row::oxygen).criterion.cmp == comparator::greater);
    CHECK(record(grade(o3), row::oxygen).criterion.threshold == 2.0);
}

TEST_CASE("paediatric oxygen: any flow above zero places in mild, no oxygen places nowhere", "[COMP-SOS-070][COMP-SOS-072][EBMT-2018]") {
    using hsct::comparator;
    auto tiny = child();
    tiny.oxygen(10, 0.05);
    const auto t = record(grade(tiny), row::oxygen);
    CHECK(t.column == sev::mild);
    CHECK(t.criterion.result == outcome::met);
    CHECK(t.criterion.cmp == comparator::less);  // "< 2 L/min"
    CHECK(t.criterion.threshold == 2.0);
    auto small = child();
    small.oxygen(10, 0.1);
    CHECK(record(grade(small), row::oxygen).column == sev::mild);
    auto none = child();
    none.oxygen(10, 0.0);
    const auto n = record(grade(none), row::oxygen);
    CHECK(n.column == std::nullopt);
    CHECK(n.criterion.result == outcome::not_met);
    CHECK(n.criterion.cmp == comparator::greater);  // oxygen places when its flow is above 0
    CHECK(n.criterion.threshold == 0.0);
    auto at2 = child();
    at2.oxygen(10, 2.0);
    CHECK(record(grade(at2), row::oxygen).criterion.cmp == comparator::equal);
    CHECK(record(grade(at2), row::oxygen).criterion.threshold == 2.0);
}

TEST_CASE("the starred rule explains its count: two or more at severe", "[COMP-SOS-074][EBMT-2018]") {
    auto e = child();
    e.alt(10, 6.0).bilirubin(10, 2.5);
    const auto s = record(grade(e), row::starred_criteria);
    CHECK(s.criterion.result == outcome::met);
    CHECK(s.criterion.cmp == hsct::comparator::greater_equal);
    CHECK(s.criterion.threshold == 2.0);
    CHECK(s.criterion.measured.number() == 2.0);
    auto one = child();
    one.alt(10, 6.0);
    const auto s1 = record(grade(one), row::starred_criteria);
    CHECK(s1.criterion.result == outcome::not_met);
    CHECK(s1.criterion.cmp == hsct::comparator::greater_equal);
    CHECK(s1.criterion.measured.number() == 1.0);
}

TEST_CASE("paediatric rules allocate nothing", "[COMP-SOS-065][COMP-SOS-070]") {
    sos_episode e(30, 20.0);
    e.age(8).sign(f::refractory_thrombocytopenia, 26).ascites(30, ext::moderate).bilirubin(29, 1.0).bilirubin(30, 1.2);
    e.alt(30, 3.0).gfr(30, 25.0).weight_kg(28, 20.0).weight_kg(29, 20.5).weight_kg(30, 21.2).oxygen(30, 1.0);
    auto& in = e.get();
    c::sos_paediatric_severity_options worst;
    worst.timing = c::sos_severity_timing::worst_ever;
    const hsct_test::allocation_counter n;
    const auto d = c::assess_sos_paediatric(in);
    const auto g = c::assess_sos_paediatric_severity(in, worst);
    CHECK(n.count() == 0);
    CHECK(d->status == c::sos_status::met);
    CHECK(g->grade == sev::severe);
}

}  // namespace hsct_test_complications_sos_vod_paediatric_test
