// Tests for include/hsct/complications/ta_tma.hpp: the harmonised 2023 TA-TMA criteria (each
// threshold below, at and above in each unit it is printed in, and in the other units hsct reads),
// the two-time-point rule and its 14-day window, the LDH occasions rule, the policies where the
// sources differ, the high-risk features, the Jodele 2014 markers, the reference note's worked
// examples TMA-1..TMA-4, missing inputs as values, bad input as errors, and no allocation.
#include <hsct/complications/ta_tma.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "support/catch.hpp"
#include "support/complication_points.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_ta_tma_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::outcome;
using hsct::transplant_day;
using C = c::ta_tma_criterion;
using S = c::ta_tma_sign;
using J = c::jodele_tma_criterion;
using M = c::jodele_marker;

using hsct_test::bp;
using hsct_test::normal;
using hsct_test::upcr;

namespace {

hsct::age years(int y) { return *hsct::age::make(y, 0); }

hsct::lab_with_uln<hsct::ldh> ldh_x(double x) { return *hsct::lab_with_uln<hsct::ldh>::from_multiple(x); }

c::sc5b9_level sc5b9_x(double x) { return *c::sc5b9_level::from_multiple(x); }

// TMA-1's time point: LDH 1.5 x ULN, schistocytes, platelets 60 % below a post-engraftment
// baseline of 100, BP 150/95, rUPCR 0.5, sC5b-9 normal, haemoglobin stable.
c::ta_tma_assessment tma1_point(int day) {
    auto a = normal(day);
    a.ldh = ldh_x(1.5);
    a.schistocytes = true;
    a.platelets = hsct::platelets(40.0, u::giga_per_l);
    a.bp = bp(150, 95);
    a.rupcr = upcr(0.5);
    a.sc5b9 = sc5b9_x(0.9);
    return a;
}

c::ta_tma_input input(const std::vector<c::ta_tma_assessment>& v, std::optional<hsct::age> age = years(45)) {
    c::ta_tma_input in;
    in.assessments = v;
    in.age = age;
    in.baseline_haemoglobin = hsct::haemoglobin(10.0, u::g_per_dl);
    in.baseline_platelets = hsct::platelets(100.0, u::giga_per_l);
    in.baseline_creatinine = hsct::creatinine(1.0, u::mg_per_dl);
    in.neutrophil_engraftment_day = transplant_day::at(20);
    return in;
}

c::ta_tma_result assess(const std::vector<c::ta_tma_assessment>& v, const c::ta_tma_options& o = {},
                        std::optional<hsct::age> age = years(45)) {
    const auto r = c::assess_ta_tma(input(v, age), o);
    REQUIRE(r.has_value());
    return *r;
}

c::jodele_tma_result jodele(const std::vector<c::ta_tma_assessment>& v, const c::jodele_tma_options& o = {},
                            std::optional<hsct::age> age = years(45)) {
    const auto r = c::assess_jodele_tma(input(v, age), o);
    REQUIRE(r.has_value());
    return *r;
}

// The record of item `id` read on `day` (the last one when the day is not given).
template <class Id, class R>
std::optional<hsct::criterion<Id>> item(const R& r, Id id, std::optional<int> day = std::nullopt) {
    std::optional<hsct::criterion<Id>> found;
    for (const auto& d : r.criteria) {
        if (d.criterion.id == id && (!day || d.day.number() == *day)) {
            found = d.criterion;
        }
    }
    return found;
}

template <class Id, class R>
outcome item_outcome(const R& r, Id id) {
    const auto k = item(r, id);
    REQUIRE(k.has_value());
    return k->result;
}

std::optional<hsct::criterion<c::ta_tma_risk_criterion>> feature(const c::ta_tma_result& r,
                                                                 c::ta_tma_risk_criterion id) {
    for (const auto& d : r.risk_features) {
        if (d.criterion.id == id) {
            return d.criterion;
        }
    }
    return std::nullopt;
}

std::optional<int> num(const std::optional<transplant_day>& d) {
    return d ? std::optional<int>(d->number()) : std::nullopt;
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Worked examples (reference note section 8.9; digest 10.7)
// ------------------------------------------------------------------------------------------------

TEST_CASE("ta_tma: TMA-1: four criteria at two time points 5 days apart: TA-TMA, standard risk",
          "[TMA-1][HB24-42][Schoettler-2023][COMP-TMA-001][COMP-TMA-009][COMP-TMA-010]") {
    const std::vector v{tma1_point(60), tma1_point(65)};
    const auto r = assess(v);
    CHECK(r.status == c::ta_tma_status::clinical);
    CHECK(num(r.diagnosis_day) == 65);
    CHECK(num(r.clinical_day) == 65);
    CHECK(num(r.window_start) == 60);
    CHECK_FALSE(r.biopsy_day.has_value());
    REQUIRE(r.time_points.size() == 2);
    for (const auto& p : r.time_points) {
        CHECK(p.count() == 4);
        CHECK(p.met.contains(S::elevated_ldh));
        CHECK(p.met.contains(S::schistocytes));
        CHECK(p.met.contains(S::thrombocytopenia));
        CHECK(p.met.contains(S::hypertension));
        CHECK_FALSE(p.met.contains(S::proteinuria));
        CHECK_FALSE(p.met.contains(S::elevated_sc5b9));
        CHECK_FALSE(p.met.contains(S::anaemia));
        CHECK(p.unknown.empty());
    }
    // LDH above the ULN on two occasions (Schoettler Table 3): satisfied by the two points
    CHECK(r.ldh_occasions == 2);
    const auto occ = item(r, C::ldh_occasions, 65);
    REQUIRE(occ.has_value());
    CHECK(occ->result == outcome::met);
    CHECK(occ->measured.number() == 2.0);
    // the evidence of both days, dated
    const auto fall = item(r, C::platelet_fall, 60);
    REQUIRE(fall.has_value());
    CHECK(fall->result == outcome::met);
    CHECK(fall->measured.number() == Approx(60.0));
    CHECK(fall->threshold == 50.0);
    CHECK(std::string_view(fall->requirement) == "COMP-TMA-003");
    const auto sys = item(r, C::systolic_bp, 65);
    REQUIRE(sys.has_value());
    CHECK(sys->measured.number() == 150.0);
    CHECK(sys->result == outcome::met);
    // not high-risk: LDH 1.5 x, rUPCR 0.5, sC5b-9 normal, no GVHD, infection or organ dysfunction
    CHECK(r.risk == c::ta_tma_risk::standard);
    CHECK(r.risk_features.size() == 8);
    const auto peak = feature(r, c::ta_tma_risk_criterion::peak_ldh);
    REQUIRE(peak.has_value());
    CHECK(peak->measured.number() == 1.5);
    CHECK(peak->result == outcome::not_met);
}

TEST_CASE("ta_tma: TMA-1 with a high-risk feature: aGVHD II-IV, infection, organ dysfunction beyond KDIGO 1",
          "[TMA-1][HB24-42][COMP-TMA-010]") {
    using K = c::ta_tma_risk_criterion;
    SECTION("concurrent acute GVHD grade II-IV") {
        std::vector v{tma1_point(60), tma1_point(65)};
        v[1].acute_gvhd_grade_2_to_4 = true;
        const auto r = assess(v);
        CHECK(r.risk == c::ta_tma_risk::high);
        CHECK(feature(r, K::acute_gvhd_grade_2_to_4)->result == outcome::met);
    }
    SECTION("concurrent systemic infection") {
        std::vector v{tma1_point(60), tma1_point(65)};
        v[0].systemic_infection = true;
        const auto r = assess(v);
        CHECK(r.risk == c::ta_tma_risk::high);
    }
    SECTION("lung dysfunction") {
        std::vector v{tma1_point(60), tma1_point(65)};
        v[1].organ_dysfunction = hsct::enum_set<c::tma_organ>{};
        v[1].organ_dysfunction->insert(c::tma_organ::lungs);
        const auto r = assess(v);
        CHECK(r.risk == c::ta_tma_risk::high);
        CHECK(r.organs.contains(c::tma_organ::lungs));
    }
    SECTION("renal replacement") {
        std::vector v{tma1_point(60), tma1_point(65)};
        v[1].renal_replacement_therapy = true;
        CHECK(assess(v).risk == c::ta_tma_risk::high);
    }
}

TEST_CASE("ta_tma: TMA-2: the same with a normal blood pressure: three criteria, not diagnosed unless biopsy-proven",
          "[TMA-2][HB24-42][COMP-TMA-001]") {
    std::vector v{tma1_point(60), tma1_point(65)};
    v[0].bp = bp(125, 80);
    v[1].bp = bp(125, 80);
    const auto r = assess(v);
    CHECK(r.status == c::ta_tma_status::not_met);
    CHECK_FALSE(r.diagnosis_day.has_value());
    CHECK(r.time_points[0].count() == 3);
    CHECK(r.time_points[1].count() == 3);
    CHECK(r.risk == c::ta_tma_risk::not_diagnosed);
    // biopsy-proven: a diagnosis on the biopsy's day
    v[1].biopsy_tma = c::tma_biopsy_site::kidney;
    const auto b = assess(v);
    CHECK(b.status == c::ta_tma_status::biopsy_proven);
    CHECK(num(b.diagnosis_day) == 65);
    REQUIRE(b.biopsy.has_value());
    CHECK(b.biopsy->criterion.result == outcome::met);
    CHECK(b.biopsy->criterion.measured.enumerator().as<c::tma_biopsy_site>() == c::tma_biopsy_site::kidney);
    CHECK(b.risk == c::ta_tma_risk::standard);
}

TEST_CASE("ta_tma: TMA-3: a child of 10: harmonised 3 of 7 (not diagnosed); Jodele 2014: 5 markers, no count by default",
          "[TMA-3][HB24-42][Jodele-2014][COMP-TMA-006][COMP-TMA-008][COMP-TMA-020][COMP-TMA-021][COMP-TMA-022]") {
    const auto point = [](int day) {
        auto a = normal(day);
        a.bp_percentile = hsct::percent(97.0, u::pct);
        a.urine_protein = hsct::mass_concentration(40.0, u::mg_per_dl);
        a.rupcr = upcr(0.6);
        a.ldh = ldh_x(1.3);
        a.schistocytes = true;
        a.sc5b9 = sc5b9_x(1.5);
        return a;
    };
    const std::vector v{point(40), point(47)};
    const auto child = years(10);
    // harmonised: hypertension needs > 99th percentile, proteinuria rUPCR >= 1: LDH, schistocytes, sC5b-9
    for (const auto policy : {c::sc5b9_policy::above_uln, c::sc5b9_policy::at_or_above_uln}) {
        c::ta_tma_options o;
        o.sc5b9 = policy;
        const auto r = assess(v, o, child);
        CHECK(r.status == c::ta_tma_status::not_met);
        REQUIRE(r.time_points.size() == 2);
        CHECK(r.time_points[1].count() == 3);
        CHECK(r.time_points[1].met.contains(S::elevated_sc5b9));  // meets either comparator
        CHECK_FALSE(r.time_points[1].met.contains(S::hypertension));
        CHECK_FALSE(r.time_points[1].met.contains(S::proteinuria));
        CHECK(item_outcome(r, C::bp_percentile) == outcome::not_met);
        CHECK_FALSE(item(r, C::systolic_bp).has_value());  // a child: the percentile is read
        // the high-risk feature is there, to apply once diagnosed
        CHECK(r.risk == c::ta_tma_risk::not_diagnosed);
        CHECK(feature(r, c::ta_tma_risk_criterion::sc5b9)->result == outcome::met);
    }
    // Jodele 2014: BP >= 95th and protein >= 30 mg/dL: five markers
    const auto j = jodele(v, {}, child);
    CHECK(j.status == c::jodele_status::markers_only);
    CHECK_FALSE(j.count_unverified);
    CHECK_FALSE(j.count_day.has_value());
    REQUIRE(j.time_points.size() == 2);
    const auto& p = j.time_points[0];
    CHECK(p.count() == 5);
    for (const auto m : {M::schistocytes, M::elevated_ldh, M::proteinuria, M::hypertension, M::elevated_sc5b9}) {
        CHECK(p.met.contains(m));
    }
    CHECK_FALSE(p.met.contains(M::thrombocytopenia));
    CHECK_FALSE(p.met.contains(M::anaemia));
    // protein above 30 mg/dL with elevated sC5b-9: the 2014 poor-prognosis pair
    CHECK(p.poor_prognosis_pair);
    CHECK(num(j.poor_prognosis_day) == 40);
    // the [U] count, when asked for
    c::jodele_tma_options count;
    count.count = c::jodele_count_policy::four_of_seven;
    const auto k = jodele(v, count, child);
    CHECK(k.status == c::jodele_status::count_met_unverified);
    CHECK(k.count_unverified);
    CHECK(num(k.count_day) == 40);
    CHECK(num(k.evidence_day) == 40);
}

TEST_CASE("ta_tma: TMA-4: four criteria at two time points 16 days apart: not met (the window is 14 days)",
          "[TMA-4][HB24-42][COMP-TMA-009]") {
    const std::vector v{tma1_point(60), tma1_point(76)};
    const auto r = assess(v);
    CHECK_FALSE(r.diagnosis_day.has_value());
    CHECK_FALSE(r.clinical_day.has_value());
    // the latest point meets four: a second one within 14 days would complete the diagnosis
    CHECK(r.status == c::ta_tma_status::pending_second_time_point);
    CHECK(r.risk == c::ta_tma_risk::not_diagnosed);
}

// ------------------------------------------------------------------------------------------------
// The time-window rule
// ------------------------------------------------------------------------------------------------

TEST_CASE("ta_tma: the 14-day window: 13 and 14 days in, 15 and 16 out; exclusive reading: 14 out",
          "[COMP-TMA-009][HB24-42]") {
    for (const auto& [gap, inclusive, exclusive] :
         {std::tuple{1, true, true}, std::tuple{13, true, true}, std::tuple{14, true, false},
          std::tuple{15, false, false}, std::tuple{16, false, false}}) {
        INFO(gap << " days apart");
        const std::vector v{tma1_point(50), tma1_point(50 + gap)};
        CHECK((assess(v).status == c::ta_tma_status::clinical) == inclusive);
        c::ta_tma_options o;
        o.window = c::tma_window_policy::exclusive;
        CHECK((assess(v, o).status == c::ta_tma_status::clinical) == exclusive);
    }
}

TEST_CASE("ta_tma: two consecutive time points: a time point in between that does not meet four breaks the pair",
          "[COMP-TMA-009]") {
    auto mid = tma1_point(62);
    mid.schistocytes = false;
    mid.bp = bp(120, 70);
    const std::vector v{tma1_point(60), mid, tma1_point(65)};
    const auto r = assess(v);
    CHECK(r.status == c::ta_tma_status::pending_second_time_point);
    // a fourth within 14 days completes it on that day
    const std::vector w{tma1_point(60), mid, tma1_point(65), tma1_point(70)};
    const auto s = assess(w);
    CHECK(s.status == c::ta_tma_status::clinical);
    CHECK(num(s.diagnosis_day) == 70);
    CHECK(num(s.window_start) == 65);
}

TEST_CASE("ta_tma: any two assessments within the window: a named policy (adjacent ones by default)",
          "[COMP-TMA-009]") {
    auto mid = tma1_point(62);  // an assessment between them that meets two criteria
    mid.schistocytes = false;
    mid.bp = bp(120, 70);
    const std::vector v{tma1_point(60), mid, tma1_point(65)};
    c::ta_tma_options o;
    o.sequence = c::tma_sequence_policy::any_in_window;
    const auto r = assess(v, o);
    CHECK(r.status == c::ta_tma_status::clinical);
    CHECK(num(r.clinical_day) == 65);
    CHECK(num(r.window_start) == 60);
    CHECK(r.options.sequence == c::tma_sequence_policy::any_in_window);
    // the evidence is the pair's two days, not the one between them
    REQUIRE_FALSE(r.criteria.empty());
    for (const auto& d : r.criteria) {
        CHECK((d.day.number() == 60 || d.day.number() == 65));
    }
    CHECK(item(r, C::schistocytes, 60).has_value());
    CHECK_FALSE(item(r, C::schistocytes, 62).has_value());
    // the window still binds: 13 and 14 days in, 15 out, whatever lies between
    for (const auto& [gap, paired] : {std::tuple{13, true}, std::tuple{14, true}, std::tuple{15, false}}) {
        INFO(gap << " days apart");
        auto between = mid;
        between.day = transplant_day::at(50 + gap / 2);
        const std::vector w{tma1_point(50), between, tma1_point(50 + gap)};
        CHECK((assess(w, o).status == c::ta_tma_status::clinical) == paired);
        CHECK(assess(w).status == c::ta_tma_status::pending_second_time_point);  // adjacent only
    }
    // the nearer partner is named when two would do: under the same-four policy D+50 and D+53
    // share three criteria (no pair), and D+60 shares four with each
    auto d53 = tma1_point(53);
    d53.ldh = ldh_x(0.9);
    d53.rupcr = upcr(1.5);
    auto d60 = tma1_point(60);
    d60.rupcr = upcr(1.5);
    o.pair = c::tma_pair_policy::same_four_at_both;
    const auto x = assess({tma1_point(50), d53, d60}, o);
    CHECK(x.status == c::ta_tma_status::clinical);
    CHECK(num(x.clinical_day) == 60);
    CHECK(num(x.window_start) == 53);
}

TEST_CASE("ta_tma: one time point meeting four with LDH among them is pending, not unmet (two-occasion LDH)",
          "[COMP-TMA-004][COMP-TMA-009]") {
    const auto a = tma1_point(60);  // LDH, schistocytes, thrombocytopenia, hypertension
    const auto r = assess({a});
    CHECK(r.status == c::ta_tma_status::pending_second_time_point);
    CHECK(r.ldh_occasions == 1);
    // its partner supplies the second occasion
    const auto s = assess({a, tma1_point(66)});
    CHECK(s.status == c::ta_tma_status::clinical);
    CHECK(s.ldh_occasions == 2);
    // three without LDH: not pending
    auto b = a;
    b.ldh = ldh_x(0.9);
    CHECK(assess({b}).status == c::ta_tma_status::not_met);
    // under the one-occasion policy the same
    c::ta_tma_options one;
    one.ldh = c::tma_ldh_policy::one_occasion;
    CHECK(assess({a}, one).status == c::ta_tma_status::pending_second_time_point);
}

TEST_CASE("ta_tma: the first qualifying pair decides the day; the result lists every time point",
          "[COMP-TMA-009]") {
    const std::vector v{normal(30), tma1_point(40), tma1_point(45), tma1_point(50)};
    const auto r = assess(v);
    CHECK(num(r.diagnosis_day) == 45);
    REQUIRE(r.time_points.size() == 4);
    CHECK(r.time_points[0].count() == 0);
    const auto* d50 = r.at(transplant_day::at(50));
    REQUIRE(d50 != nullptr);
    CHECK(d50->count() == 4);
    CHECK(r.at(transplant_day::at(41)) == nullptr);
    // the evidence is the pair's two days
    for (const auto& d : r.criteria) {
        CHECK((d.day.number() == 40 || d.day.number() == 45));
    }
}

TEST_CASE("ta_tma: same criteria at both points: a named policy (any four at each by default)", "[COMP-TMA-009]") {
    auto a = tma1_point(60);
    auto b = tma1_point(65);
    b.bp = bp(120, 70);       // no hypertension at the second point ...
    b.rupcr = upcr(1.2);      // ... but proteinuria
    const std::vector v{a, b};
    CHECK(assess(v).status == c::ta_tma_status::clinical);
    c::ta_tma_options o;
    o.pair = c::tma_pair_policy::same_four_at_both;
    // three in common: no pair; the second point's four may yet pair with a third
    CHECK(assess(v, o).status == c::ta_tma_status::pending_second_time_point);
    const std::vector same{tma1_point(60), tma1_point(65)};
    CHECK(assess(same, o).status == c::ta_tma_status::clinical);
}

TEST_CASE("ta_tma: LDH above the ULN on two occasions (Schoettler Table 3), or once (a named policy)",
          "[COMP-TMA-004][Schoettler-2023][A2-3]") {
    auto a = tma1_point(60);          // LDH, schistocytes, thrombocytopenia, hypertension
    auto b = tma1_point(65);
    b.ldh = ldh_x(0.9);               // LDH normal at the second point
    b.rupcr = upcr(1.5);              // proteinuria instead: four
    const std::vector v{a, b};
    const auto r = assess(v);
    // LDH elevated once: not counted at D+60 (three there); D+65's four await a partner
    CHECK(r.status == c::ta_tma_status::pending_second_time_point);
    CHECK_FALSE(r.diagnosis_day.has_value());
    CHECK(r.ldh_occasions == 1);
    CHECK(item(r, C::ldh_occasions)->result == outcome::not_met);
    c::ta_tma_options one;
    one.ldh = c::tma_ldh_policy::one_occasion;
    const auto s = assess(v, one);
    CHECK(s.status == c::ta_tma_status::clinical);
    CHECK_FALSE(item(s, C::ldh_occasions).has_value());
    // an earlier occasion (D+52, nothing else) makes two
    auto early = normal(52);
    early.ldh = ldh_x(1.2);
    const std::vector w{early, a, b};
    const auto t = assess(w);
    CHECK(t.status == c::ta_tma_status::clinical);
    CHECK(num(t.diagnosis_day) == 65);
    CHECK(t.ldh_occasions == 2);
    // a later occasion does not count for an earlier day
    auto later = normal(90);
    later.ldh = ldh_x(1.2);
    const std::vector x{a, b, later};
    CHECK(assess(x).status != c::ta_tma_status::clinical);
}

TEST_CASE("ta_tma: unknown and pending are values: a missing input that could complete the pair",
          "[COMP-TMA-001][COMP-TMA-009]") {
    auto a = tma1_point(60);
    auto b = tma1_point(65);
    b.schistocytes.reset();  // three met and schistocytes not examined
    const auto r = assess({a, b});
    CHECK(r.status == c::ta_tma_status::unknown);
    CHECK(r.missing.contains(c::ta_tma_field::schistocytes));
    CHECK(r.time_points[1].unknown.contains(S::schistocytes));
    const auto k = item(r, C::schistocytes, 65);
    REQUIRE(k.has_value());
    CHECK(k->result == outcome::unknown);
    CHECK(k->measured.what() == hsct::measure::kind::missing);
    // an assessment with nothing measured: every criterion unknown
    c::ta_tma_assessment empty;
    empty.day = transplant_day::at(30);
    const auto e = assess({empty});
    CHECK(e.status == c::ta_tma_status::not_met);  // one time point cannot make a pair
    CHECK(e.time_points[0].unknown.size() == 7);
    CHECK(e.risk == c::ta_tma_risk::not_diagnosed);
    // no assessments
    const auto none = c::assess_ta_tma(input({}));
    REQUIRE(none.has_value());
    CHECK(none->status == c::ta_tma_status::no_assessments);
}

TEST_CASE("ta_tma: two-occasion LDH: a pair that could form once a missing LDH is known is unknown, not unmet",
          "[COMP-TMA-004][COMP-TMA-009][Schoettler-2023][A2-3]") {
    // D+60 meets four with LDH among them; at D+65 three are met and LDH was not measured: with
    // that LDH elevated it would be the second occasion and the pair would form
    auto a = tma1_point(60);
    auto b = tma1_point(65);
    b.ldh.reset();
    const auto r = assess({a, b});
    CHECK(r.status == c::ta_tma_status::unknown);
    CHECK(r.time_points[1].count() == 3);
    CHECK(r.time_points[1].unknown.contains(S::elevated_ldh));
    CHECK(r.ldh_occasions == 1);
    // the same with LDH normal at D+65: nothing can complete the pair
    b.ldh = ldh_x(0.9);
    CHECK(assess({a, b}).status == c::ta_tma_status::not_met);
}

TEST_CASE("ta_tma: the LDH occasions record: at least 2, compared and explained as such",
          "[COMP-TMA-004][Schoettler-2023][A2-3]") {
    const auto r = assess({tma1_point(60), tma1_point(65)});
    const auto two = item(r, C::ldh_occasions, 65);
    REQUIRE(two.has_value());
    CHECK(two->result == outcome::met);
    CHECK(two->cmp == hsct::comparator::greater_equal);
    CHECK(two->threshold == 2.0);
    CHECK(two->measured.number() == 2.0);
    CHECK(std::string_view(two->requirement) == "COMP-TMA-004");
    auto b = tma1_point(65);
    b.ldh = ldh_x(0.9);
    const auto s = assess({tma1_point(60), b});
    const auto one = item(s, C::ldh_occasions);
    REQUIRE(one.has_value());
    CHECK(one->result == outcome::not_met);
    CHECK(one->cmp == hsct::comparator::greater_equal);
    CHECK(one->measured.number() == 1.0);
}

TEST_CASE("ta_tma: LDH is recorded as above the ULN (strictly), measured or missing", "[COMP-TMA-004][HB24-42]") {
    auto a = normal(40);
    a.ldh = ldh_x(1.0);
    const auto at = item(assess({a}), C::ldh);
    REQUIRE(at.has_value());
    CHECK(at->result == outcome::not_met);
    CHECK(at->cmp == hsct::comparator::greater);
    CHECK(at->threshold == 1.0);
    a.ldh.reset();
    const auto r = assess({a});
    const auto gone = item(r, C::ldh);
    REQUIRE(gone.has_value());
    CHECK(gone->result == outcome::unknown);
    CHECK(gone->cmp == hsct::comparator::greater);
    CHECK(gone->measured.what() == hsct::measure::kind::missing);
    CHECK(r.missing.contains(c::ta_tma_field::ldh));
}

// ------------------------------------------------------------------------------------------------
// Each criterion's thresholds
// ------------------------------------------------------------------------------------------------

TEST_CASE("ta_tma: anaemia: haemoglobin decline of 1 g/dL below, at and above, in g/dL and g/L",
          "[COMP-TMA-002][HB24-42]") {
    for (const auto& [g_dl, want] : {std::tuple{9.1, outcome::not_met}, std::tuple{9.0, outcome::met},
                                     std::tuple{8.9, outcome::met}, std::tuple{10.5, outcome::not_met}}) {
        INFO(g_dl << " g/dL against a baseline of 10 g/dL");
        auto a = normal(40);
        a.haemoglobin = hsct::haemoglobin(g_dl, u::g_per_dl);
        auto r = assess({a});
        const auto k = item(r, C::haemoglobin_decline);
        REQUIRE(k.has_value());
        CHECK(k->result == want);
        CHECK(k->threshold == 1.0);
        CHECK(k->measured.number() == Approx(10.0 - g_dl));
        CHECK(r.time_points[0].met.contains(S::anaemia) == (want == outcome::met));
        // the same in g/L (input and baseline)
        auto in = input({a});
        std::vector v{a};
        v[0].haemoglobin = hsct::haemoglobin(g_dl * 10.0, u::g_per_l);
        in.assessments = v;
        in.baseline_haemoglobin = hsct::haemoglobin(100.0, u::g_per_l);
        const auto g = c::assess_ta_tma(in);
        REQUIRE(g.has_value());
        CHECK(item_outcome(*g, C::haemoglobin_decline) == want);
    }
}

TEST_CASE("ta_tma: anaemia: transfusion independence not achieved counts from neutrophil engraftment; another cause rules out",
          "[COMP-TMA-002][HB24-42]") {
    auto a = normal(15);  // before the neutrophil engraftment day (D+20)
    a.rbc_transfusion_independence_not_achieved = true;
    auto r = assess({a});
    CHECK(item_outcome(r, C::rbc_transfusion_independence_not_achieved) == outcome::not_applicable);
    CHECK_FALSE(r.time_points[0].met.contains(S::anaemia));
    a.day = transplant_day::at(20);
    r = assess({a});
    CHECK(item_outcome(r, C::rbc_transfusion_independence_not_achieved) == outcome::met);
    CHECK(r.time_points[0].met.contains(S::anaemia));
    // no engraftment day known: unknown, the day named as missing
    auto in = input({a});
    std::vector v{a};
    in.assessments = v;
    in.neutrophil_engraftment_day.reset();
    const auto m = c::assess_ta_tma(in);
    REQUIRE(m.has_value());
    CHECK(item_outcome(*m, C::rbc_transfusion_independence_not_achieved) == outcome::unknown);
    CHECK(m->missing.contains(c::ta_tma_field::neutrophil_engraftment_day));
    CHECK(m->time_points[0].unknown.contains(S::anaemia));
    // new transfusion dependence, ruled out by AIHA
    auto b = normal(40);
    b.new_rbc_transfusion_dependence = true;
    CHECK(assess({b}).time_points[0].met.contains(S::anaemia));
    b.other_anaemia_cause = true;
    const auto x = assess({b});
    CHECK_FALSE(x.time_points[0].met.contains(S::anaemia));
    CHECK(item_outcome(x, C::other_anaemia_cause) == outcome::met);
}

TEST_CASE("ta_tma: thrombocytopenia: a 50 % fall below, at and above, in x10^9/L and /uL",
          "[COMP-TMA-003][HB24-42][Schoettler-2023]") {
    for (const auto& [count, want] : {std::tuple{51.0, outcome::not_met}, std::tuple{50.0, outcome::met},
                                      std::tuple{49.0, outcome::met}}) {
        INFO(count << " x10^9/L against 100");
        auto a = normal(40);
        a.platelets = hsct::platelets(count, u::giga_per_l);
        CHECK(item_outcome(assess({a}), C::platelet_fall) == want);
        a.platelets = hsct::platelets(count * 1000.0, u::per_ul);
        const auto r = assess({a});
        CHECK(item_outcome(r, C::platelet_fall) == want);
        CHECK(item(r, C::platelet_fall)->measured.number() == Approx(100.0 - count));
        CHECK(r.time_points[0].met.contains(S::thrombocytopenia) == (want == outcome::met));
    }
}

TEST_CASE("ta_tma: thrombocytopenia: Schoettler's three items or the handbook's four (a named definition)",
          "[COMP-TMA-003][Schoettler-2023][HB24-42][A2-3]") {
    c::ta_tma_options hb;
    hb.thrombocytopenia = c::tma_thrombocytopenia_definition::handbook_2024;
    for (const auto& [failure, need, refractory, schoettler, handbook] :
         {std::tuple{true, false, false, false, true}, std::tuple{false, true, false, false, true},
          std::tuple{true, true, false, true, true}, std::tuple{false, false, true, true, true},
          std::tuple{false, false, false, false, false}}) {
        INFO("failure " << failure << ", needs " << need << ", refractory " << refractory);
        auto a = normal(40);
        a.platelet_engraftment_failure = failure;
        a.platelet_transfusions_above_expected = need;
        a.platelet_refractoriness = refractory;
        CHECK(assess({a}).time_points[0].met.contains(S::thrombocytopenia) == schoettler);
        CHECK(assess({a}, hb).time_points[0].met.contains(S::thrombocytopenia) == handbook);
    }
    // failure known, transfusion needs not stated: unknown under Schoettler, met under the handbook
    auto a = normal(40);
    a.platelet_engraftment_failure = true;
    a.platelet_transfusions_above_expected.reset();
    CHECK(assess({a}).time_points[0].unknown.contains(S::thrombocytopenia));
    CHECK(assess({a}, hb).time_points[0].met.contains(S::thrombocytopenia));
}

TEST_CASE("ta_tma: LDH above the ULN: 1.0 x is not above; as a multiple and from U/L and ukat/L with the ULN",
          "[COMP-TMA-004][HB24-42]") {
    for (const auto& [x, want] : {std::tuple{0.99, outcome::not_met}, std::tuple{1.0, outcome::not_met},
                                  std::tuple{1.01, outcome::met}}) {
        INFO(x << " x ULN");
        auto a = normal(40);
        a.ldh = ldh_x(x);
        CHECK(item_outcome(assess({a}), C::ldh) == want);
        a.ldh = *hsct::lab_with_uln<hsct::ldh>::make(hsct::ldh(250.0 * x, u::u_per_l), hsct::ldh(250.0, u::u_per_l));
        CHECK(item_outcome(assess({a}), C::ldh) == want);
        a.ldh = *hsct::lab_with_uln<hsct::ldh>::make(hsct::ldh(4.2 * x, u::ukat_per_l), hsct::ldh(4.2, u::ukat_per_l));
        const auto r = assess({a});
        CHECK(item_outcome(r, C::ldh) == want);
        CHECK(item(r, C::ldh)->measured.counted_in() == hsct::count_unit::times_uln);
    }
}

TEST_CASE("ta_tma: hypertension from 18 years: 139/89 no, 140/80 yes, 130/90 yes; in mmHg and kPa",
          "[COMP-TMA-006][HB24-42]") {
    for (const auto& [s, d, want] : {std::tuple{139.0, 89.0, false}, std::tuple{140.0, 80.0, true},
                                     std::tuple{130.0, 90.0, true}, std::tuple{141.0, 91.0, true}}) {
        INFO(s << "/" << d);
        auto a = normal(40);
        a.bp = bp(s, d);
        CHECK(assess({a}).time_points[0].met.contains(S::hypertension) == want);
        a.bp = *c::blood_pressure::make(s / c::mmhg_per_kpa, d / c::mmhg_per_kpa, c::pressure_unit::kpa);
        CHECK(assess({a}).time_points[0].met.contains(S::hypertension) == want);
        CHECK(a.bp->systolic(c::pressure_unit::mmhg) == Approx(s));
    }
    // 18 years is adult (mmHg); 17 is a child (percentile)
    auto a = normal(40);
    a.bp = bp(150, 95);
    a.bp_percentile = hsct::percent(50.0, u::pct);
    CHECK(assess({a}, {}, years(18)).time_points[0].met.contains(S::hypertension));
    CHECK_FALSE(assess({a}, {}, years(17)).time_points[0].met.contains(S::hypertension));
    // no age: unknown, age named as missing
    const auto r = assess({a}, {}, std::nullopt);
    CHECK(r.time_points[0].unknown.contains(S::hypertension));
    CHECK(r.missing.contains(c::ta_tma_field::age));
}

TEST_CASE("ta_tma: hypertension under 18 years: above the 99th percentile for age", "[COMP-TMA-006][HB24-42]") {
    for (const auto& [p, want] : {std::tuple{98.9, outcome::not_met}, std::tuple{99.0, outcome::not_met},
                                  std::tuple{99.1, outcome::met}}) {
        INFO(p << "th percentile");
        auto a = normal(40);
        a.bp_percentile = hsct::percent(p, u::pct);
        const auto r = assess({a}, {}, years(10));
        const auto k = item(r, C::bp_percentile);
        REQUIRE(k.has_value());
        CHECK(k->result == want);
        CHECK(k->cmp == hsct::comparator::greater);
        CHECK(k->measured.counted_in() == hsct::count_unit::percentile);
    }
}

TEST_CASE("ta_tma: sC5b-9 against the ULN: above (HB24, default) or at or above (Kidney360)",
          "[COMP-TMA-007][HB24-42][C]") {
    c::ta_tma_options ge;
    ge.sc5b9 = c::sc5b9_policy::at_or_above_uln;
    for (const auto& [x, gt_want, ge_want] : {std::tuple{0.99, false, false}, std::tuple{1.0, false, true},
                                              std::tuple{1.01, true, true}}) {
        INFO(x << " x ULN");
        auto a = normal(40);
        a.sc5b9 = sc5b9_x(x);
        CHECK(assess({a}).time_points[0].met.contains(S::elevated_sc5b9) == gt_want);
        CHECK(assess({a}, ge).time_points[0].met.contains(S::elevated_sc5b9) == ge_want);
        // from the value and the laboratory's ULN in ng/mL (and mg/L)
        a.sc5b9 = *c::sc5b9_level::make(hsct::mass_concentration(244.0 * x, u::ng_per_ml),
                                        hsct::mass_concentration(244.0, u::ng_per_ml));
        CHECK(assess({a}).time_points[0].met.contains(S::elevated_sc5b9) == gt_want);
        a.sc5b9 = *c::sc5b9_level::make(hsct::mass_concentration(0.244 * x, u::mg_per_l),
                                        hsct::mass_concentration(0.244, u::mg_per_l));
        CHECK(assess({a}, ge).time_points[0].met.contains(S::elevated_sc5b9) == ge_want);
        // the same policy decides the high-risk feature
        CHECK((feature(assess({a}, ge), c::ta_tma_risk_criterion::sc5b9)->result == outcome::met) == ge_want);
    }
}

TEST_CASE("ta_tma: proteinuria: rUPCR 1 mg/mg below, at and above, in mg/mg, g/g, mg/g and mg/mmol", "[COMP-TMA-008][HB24-42]") {
    for (const auto& [v, want] : {std::tuple{0.99, outcome::not_met}, std::tuple{1.0, outcome::met},
                                  std::tuple{1.01, outcome::met}}) {
        INFO(v << " mg/mg");
        auto a = normal(40);
        a.rupcr = upcr(v);
        CHECK(item_outcome(assess({a}), C::rupcr) == want);
        a.rupcr = *c::protein_creatinine_ratio::make(v, c::upcr_unit::g_per_g);
        CHECK(item_outcome(assess({a}), C::rupcr) == want);
        a.rupcr = *c::protein_creatinine_ratio::make(v * 1000.0, c::upcr_unit::mg_per_g);
        CHECK(item_outcome(assess({a}), C::rupcr) == want);
        CHECK(a.rupcr->in(c::upcr_unit::mg_per_g) == Approx(v * 1000.0));
        a.rupcr = *c::protein_creatinine_ratio::make(v * 113.12, c::upcr_unit::mg_per_mmol);
        CHECK(item_outcome(assess({a}), C::rupcr) == want);
    }
    // a normal European ratio, 30 mg/mmol (0.27 mg/mg), is not proteinuria when entered in its unit
    auto n = normal(40);
    n.rupcr = *c::protein_creatinine_ratio::make(30.0, c::upcr_unit::mg_per_mmol);
    CHECK(n.rupcr->in(c::upcr_unit::mg_per_mg) == Approx(30.0 / 113.12));
    CHECK(item_outcome(assess({n}), C::rupcr) == outcome::not_met);
}

TEST_CASE("ta_tma: schistocytes present; haptoglobin recorded but never counted", "[COMP-TMA-005][COMP-TMA-012][HB24-42]") {
    auto a = normal(40);
    a.schistocytes = true;
    a.haptoglobin_decreased = true;
    const auto r = assess({a});
    CHECK(r.time_points[0].met.contains(S::schistocytes));
    CHECK(r.time_points[0].count() == 1);
    CHECK(item_outcome(r, C::haptoglobin_decreased) == outcome::met);
    CHECK(std::string_view(item(r, C::haptoglobin_decreased)->requirement) == "COMP-TMA-012");
}

TEST_CASE("ta_tma: anaemia: the haemoglobin decline is recorded as at least 1 g/dL, measured or missing",
          "[COMP-TMA-002][HB24-42]") {
    auto a = normal(40);
    a.haemoglobin = hsct::haemoglobin(9.0, u::g_per_dl);
    const auto k = item(assess({a}), C::haemoglobin_decline);
    REQUIRE(k.has_value());
    CHECK(k->result == outcome::met);
    CHECK(k->cmp == hsct::comparator::greater_equal);
    CHECK(k->threshold == 1.0);
    CHECK(std::string_view(k->requirement) == "COMP-TMA-002");
    a.haemoglobin.reset();
    const auto r = assess({a});
    const auto m = item(r, C::haemoglobin_decline);
    REQUIRE(m.has_value());
    CHECK(m->result == outcome::unknown);
    CHECK(m->cmp == hsct::comparator::greater_equal);
    CHECK(m->threshold == 1.0);
    CHECK(m->measured.what() == hsct::measure::kind::missing);
    CHECK(r.missing.contains(c::ta_tma_field::haemoglobin));
}

TEST_CASE("ta_tma: thrombocytopenia: a fall of 49.95 % is not 50 %; the fall is recorded as at least 50 %",
          "[COMP-TMA-003][HB24-42][Schoettler-2023]") {
    auto a = normal(40);
    a.platelets = hsct::platelets(50.05, u::giga_per_l);  // 49.95 % below a baseline of 100
    const auto r = assess({a});
    const auto k = item(r, C::platelet_fall);
    REQUIRE(k.has_value());
    CHECK(k->result == outcome::not_met);
    CHECK(k->measured.number() == Approx(49.95));
    CHECK(k->cmp == hsct::comparator::greater_equal);
    CHECK(k->threshold == 50.0);
    CHECK_FALSE(r.time_points[0].met.contains(S::thrombocytopenia));
    a.platelets = hsct::platelets(50.0, u::giga_per_l);
    const auto at = item(assess({a}), C::platelet_fall);
    REQUIRE(at.has_value());
    CHECK(at->result == outcome::met);
    CHECK(at->cmp == hsct::comparator::greater_equal);
    // no count: unknown, still explained against at least 50 %
    a.platelets.reset();
    const auto m = assess({a});
    const auto gone = item(m, C::platelet_fall);
    REQUIRE(gone.has_value());
    CHECK(gone->result == outcome::unknown);
    CHECK(gone->cmp == hsct::comparator::greater_equal);
    CHECK(gone->threshold == 50.0);
    CHECK(m.missing.contains(c::ta_tma_field::platelets));
}

TEST_CASE("ta_tma: hypertension from 18 years: 139.95 systolic or 89.95 diastolic is below the limit",
          "[COMP-TMA-006][HB24-42]") {
    for (const auto& [s, d, want] : {std::tuple{139.95, 80.0, false}, std::tuple{130.0, 89.95, false},
                                     std::tuple{140.0, 89.95, true}, std::tuple{139.95, 90.0, true}}) {
        INFO(s << "/" << d);
        auto a = normal(40);
        a.bp = bp(s, d);
        const auto r = assess({a});
        CHECK(r.time_points[0].met.contains(S::hypertension) == want);
        CHECK(item(r, C::systolic_bp)->result == (s >= 140.0 ? outcome::met : outcome::not_met));
        CHECK(item(r, C::diastolic_bp)->result == (d >= 90.0 ? outcome::met : outcome::not_met));
    }
    // no age: both limits recorded, unknown, as at least 140 and at least 90 mmHg
    auto a = normal(40);
    a.bp = bp(150, 95);
    const auto r = assess({a}, {}, std::nullopt);
    const auto sys = item(r, C::systolic_bp);
    const auto dia = item(r, C::diastolic_bp);
    REQUIRE(sys.has_value());
    REQUIRE(dia.has_value());
    CHECK(sys->result == outcome::unknown);
    CHECK(sys->cmp == hsct::comparator::greater_equal);
    CHECK(sys->threshold == 140.0);
    CHECK(dia->result == outcome::unknown);
    CHECK(dia->cmp == hsct::comparator::greater_equal);
    CHECK(dia->threshold == 90.0);
    CHECK(std::string_view(sys->requirement) == "COMP-TMA-006");
}

TEST_CASE("ta_tma: proteinuria: rUPCR is recorded as at least 1 mg/mg, measured or missing", "[COMP-TMA-008][HB24-42]") {
    auto a = normal(40);
    a.rupcr = upcr(1.0);
    const auto k = item(assess({a}), C::rupcr);
    REQUIRE(k.has_value());
    CHECK(k->result == outcome::met);
    CHECK(k->cmp == hsct::comparator::greater_equal);
    CHECK(k->threshold == 1.0);
    a.rupcr.reset();
    const auto r = assess({a});
    const auto m = item(r, C::rupcr);
    REQUIRE(m.has_value());
    CHECK(m->result == outcome::unknown);
    CHECK(m->cmp == hsct::comparator::greater_equal);
    CHECK(m->threshold == 1.0);
    CHECK(std::string_view(m->requirement) == "COMP-TMA-008");
    CHECK(r.missing.contains(c::ta_tma_field::rupcr));
}

TEST_CASE("ta_tma: the evidence of a pair holds every item of both days, dated", "[COMP-TMA-001][COMP-TMA-012]") {
    auto a = tma1_point(60);
    a.other_anaemia_cause = false;
    a.haptoglobin_decreased = true;
    a.biopsy_tma = c::tma_biopsy_site::kidney;
    auto b = a;
    b.day = transplant_day::at(65);
    const auto r = assess({a, b});
    CHECK(r.status == c::ta_tma_status::biopsy_proven);
    CHECK(r.criteria.size() == 31);  // 15 items a day (the biopsy apart) and the LDH occasions
    std::size_t on60 = 0;
    for (const auto& d : r.criteria) {
        on60 += d.day.number() == 60 ? 1U : 0U;
        CHECK(d.criterion.id != C::biopsy);
    }
    CHECK(on60 == 15);
    REQUIRE(r.biopsy.has_value());
    CHECK(r.biopsy->day.number() == 60);
}

TEST_CASE("ta_tma: biopsy: any organ (HB24) or kidney or GI (Kidney360); the earlier of biopsy and clinical days",
          "[COMP-TMA-001][HB24-42][C]") {
    auto a = normal(30);
    a.biopsy_tma = c::tma_biopsy_site::other_organ;
    const std::vector v{a, tma1_point(60), tma1_point(65)};
    const auto r = assess(v);
    CHECK(r.status == c::ta_tma_status::biopsy_proven);
    CHECK(num(r.diagnosis_day) == 30);
    CHECK(num(r.biopsy_day) == 30);
    CHECK(num(r.clinical_day) == 65);
    c::ta_tma_options k;
    k.biopsy = c::tma_biopsy_policy::kidney_or_gi;
    const auto s = assess(v, k);
    CHECK(s.status == c::ta_tma_status::clinical);
    CHECK_FALSE(s.biopsy_day.has_value());
    REQUIRE(s.biopsy.has_value());
    CHECK(s.biopsy->criterion.result == outcome::not_met);  // recorded, not accepted
    for (const auto site : {c::tma_biopsy_site::kidney, c::tma_biopsy_site::gastrointestinal_tract}) {
        std::vector w{normal(30)};
        w[0].biopsy_tma = site;
        CHECK(assess(w, k).status == c::ta_tma_status::biopsy_proven);
    }
    // a clinical diagnosis before the biopsy
    std::vector later{tma1_point(60), tma1_point(65), normal(70)};
    later[2].biopsy_tma = c::tma_biopsy_site::kidney;
    const auto t = assess(later);
    CHECK(t.status == c::ta_tma_status::clinical);
    CHECK(num(t.diagnosis_day) == 65);
    CHECK(num(t.biopsy_day) == 70);
}

// ------------------------------------------------------------------------------------------------
// High-risk features
// ------------------------------------------------------------------------------------------------

TEST_CASE("ta_tma: high risk: peak LDH 2 x ULN; KDIGO stage 1 creatinine 1.5-1.9 x baseline is standard, 2.0 high",
          "[COMP-TMA-010][HB24-42]") {
    using K = c::ta_tma_risk_criterion;
    for (const auto& [x, want] : {std::tuple{1.99, c::ta_tma_risk::standard}, std::tuple{2.0, c::ta_tma_risk::high},
                                  std::tuple{2.1, c::ta_tma_risk::high}}) {
        INFO("peak LDH " << x << " x ULN");
        std::vector v{tma1_point(60), tma1_point(65)};
        v[0].ldh = ldh_x(x);
        const auto r = assess(v);
        CHECK(r.risk == want);
        CHECK(feature(r, K::peak_ldh)->measured.number() == x);
    }
    for (const auto& [ratio, want] : {std::tuple{1.49, c::ta_tma_risk::standard}, std::tuple{1.5, c::ta_tma_risk::standard},
                                      std::tuple{1.9, c::ta_tma_risk::standard}, std::tuple{2.0, c::ta_tma_risk::high},
                                      std::tuple{2.1, c::ta_tma_risk::high}}) {
        INFO("creatinine " << ratio << " x baseline");
        std::vector v{tma1_point(60), tma1_point(65)};
        v[1].creatinine = hsct::creatinine(ratio, u::mg_per_dl);
        CHECK(assess(v).risk == want);
        // in umol/L against a baseline of 88.4 umol/L
        auto in = input(v);
        v[1].creatinine = hsct::creatinine(88.4 * ratio, u::umol_per_l);
        v[0].creatinine = hsct::creatinine(88.4, u::umol_per_l);
        in.assessments = v;
        in.baseline_creatinine = hsct::creatinine(88.4, u::umol_per_l);
        const auto r = c::assess_ta_tma(in);
        REQUIRE(r.has_value());
        CHECK(r->risk == want);
    }
    // rUPCR 0.99 / 1.0 (also a diagnostic criterion)
    for (const auto& [v1, want] : {std::tuple{0.99, c::ta_tma_risk::standard}, std::tuple{1.0, c::ta_tma_risk::high}}) {
        std::vector v{tma1_point(60), tma1_point(65)};
        v[1].rupcr = upcr(v1);
        CHECK(assess(v).risk == want);
    }
}

TEST_CASE("ta_tma: high risk: read from 14 days before the diagnosis day; unknown when features are not assessed",
          "[COMP-TMA-010]") {
    auto old = normal(40);
    old.acute_gvhd_grade_2_to_4 = true;  // 25 days before the diagnosis day
    const std::vector v{old, tma1_point(60), tma1_point(65)};
    const auto r = assess(v);
    CHECK(r.status == c::ta_tma_status::clinical);
    CHECK(r.risk == c::ta_tma_risk::standard);
    std::vector w{tma1_point(60), tma1_point(65)};
    w[0].acute_gvhd_grade_2_to_4.reset();
    w[1].acute_gvhd_grade_2_to_4.reset();
    const auto s = assess(w);
    CHECK(s.risk == c::ta_tma_risk::unknown);
    CHECK(s.missing.contains(c::ta_tma_field::acute_gvhd));
    w[1].systemic_infection = true;
    CHECK(assess(w).risk == c::ta_tma_risk::high);
}

// ------------------------------------------------------------------------------------------------
// Jodele 2014
// ------------------------------------------------------------------------------------------------

TEST_CASE("ta_tma: Jodele 2014: urinalysis protein 30 mg/dL below, at and above, in mg/dL, mg/L and g/L",
          "[COMP-TMA-020][Jodele-2014][V2]") {
    for (const auto& [mg_dl, want] : {std::tuple{29.0, outcome::not_met}, std::tuple{30.0, outcome::met},
                                      std::tuple{31.0, outcome::met}}) {
        INFO(mg_dl << " mg/dL");
        auto a = normal(40);
        a.urine_protein = hsct::mass_concentration(mg_dl, u::mg_per_dl);
        CHECK(item_outcome(jodele({a}), J::urine_protein) == want);
        a.urine_protein = hsct::mass_concentration(mg_dl * 10.0, u::mg_per_l);
        CHECK(item_outcome(jodele({a}), J::urine_protein) == want);
        a.urine_protein = hsct::mass_concentration(mg_dl / 100.0, u::g_per_l);
        const auto j = jodele({a});
        CHECK(item_outcome(j, J::urine_protein) == want);
        CHECK(j.time_points[0].met.contains(M::proteinuria) == (want == outcome::met));
    }
}

TEST_CASE("ta_tma: Jodele 2014: platelets below 50 x10^9/L (49 yes, 50 no, 51 no), in x10^9/L and /uL, or a 50 % fall",
          "[COMP-TMA-020][Jodele-2014][V2]") {
    for (const auto& [count, want] : {std::tuple{49.0, outcome::met}, std::tuple{50.0, outcome::not_met},
                                      std::tuple{51.0, outcome::not_met}}) {
        INFO(count << " x10^9/L");
        auto a = normal(40);
        a.platelets = hsct::platelets(count, u::giga_per_l);
        auto in = input({a});
        std::vector v{a};
        in.assessments = v;
        in.baseline_platelets = hsct::platelets(60.0, u::giga_per_l);  // no 50 % fall
        auto j = c::assess_jodele_tma(in);
        REQUIRE(j.has_value());
        CHECK(item_outcome(*j, J::platelets) == want);
        CHECK(item_outcome(*j, J::platelet_fall) == outcome::not_met);
        CHECK(j->time_points[0].met.contains(M::thrombocytopenia) == (want == outcome::met));
        v[0].platelets = hsct::platelets(count * 1000.0, u::per_ul);
        j = c::assess_jodele_tma(in);
        REQUIRE(j.has_value());
        CHECK(item_outcome(*j, J::platelets) == want);
    }
    auto a = normal(40);
    a.platelets = hsct::platelets(50.0, u::giga_per_l);  // a 50 % fall from 100
    const auto j = jodele({a});
    CHECK(item_outcome(j, J::platelet_fall) == outcome::met);
    CHECK(j.time_points[0].met.contains(M::thrombocytopenia));
}

TEST_CASE("ta_tma: Jodele 2014: hypertension by age: 3-18 years at least the 95th percentile; over 18, 140/90; under 3 undefined",
          "[COMP-TMA-020][Jodele-2014][V2][U]") {
    for (const auto& [p, want] : {std::tuple{94.9, outcome::not_met}, std::tuple{95.0, outcome::met},
                                  std::tuple{95.1, outcome::met}}) {
        INFO(p << "th percentile");
        auto a = normal(40);
        a.bp_percentile = hsct::percent(p, u::pct);
        for (const int age : {3, 10, 18}) {  // 18 is paediatric in Jodele 2014
            CHECK(item_outcome(jodele({a}, {}, years(age)), J::bp_percentile) == want);
        }
    }
    auto a = normal(40);
    a.bp = bp(140, 80);
    a.bp_percentile = hsct::percent(50.0, u::pct);
    CHECK(jodele({a}, {}, years(19)).time_points[0].met.contains(M::hypertension));
    CHECK_FALSE(jodele({a}, {}, years(18)).time_points[0].met.contains(M::hypertension));
    const auto adult = jodele({a}, {}, years(19));
    CHECK_FALSE(item(adult, J::systolic_bp)->verified);  // "140/90" read as either: hsct's reading
    a.bp = bp(139, 89);
    CHECK_FALSE(jodele({a}, {}, years(19)).time_points[0].met.contains(M::hypertension));
    const auto small = jodele({a}, {}, years(2));
    CHECK(item_outcome(small, J::bp_percentile) == outcome::not_applicable);
    CHECK_FALSE(small.time_points[0].met.contains(M::hypertension));
}

TEST_CASE("ta_tma: Jodele 2014: de novo anaemia read as the harmonised criterion, marked unverified; histology alone",
          "[COMP-TMA-020][Jodele-2014][U]") {
    auto a = normal(40);
    a.new_rbc_transfusion_dependence = true;
    const auto j = jodele({a});
    CHECK(j.time_points[0].met.contains(M::anaemia));
    const auto k = item(j, J::anaemia);
    REQUIRE(k.has_value());
    CHECK(k->result == outcome::met);
    CHECK_FALSE(k->verified);
    a.biopsy_tma = c::tma_biopsy_site::other_organ;
    const auto h = jodele({a});
    CHECK(h.status == c::jodele_status::histology);
    CHECK(num(h.histology_day) == 40);
}

TEST_CASE("ta_tma: Jodele 2014: the [U] count: not met, unknown, met; poor-prognosis protein strictly above 30 mg/dL",
          "[COMP-TMA-021][COMP-TMA-022][Jodele-2014][U][V]") {
    c::jodele_tma_options count;
    count.count = c::jodele_count_policy::four_of_seven;
    const auto none = jodele({normal(40)}, count);
    CHECK(none.status == c::jodele_status::count_not_met);
    CHECK(none.count_unverified);
    auto a = normal(40);
    a.schistocytes = true;
    a.ldh = ldh_x(1.2);
    a.sc5b9 = sc5b9_x(1.5);
    a.urine_protein.reset();
    const auto u3 = jodele({a}, count);
    CHECK(u3.status == c::jodele_status::count_unknown);
    CHECK(u3.missing.contains(c::ta_tma_field::urine_protein));
    for (const auto& [mg_dl, pair] : {std::tuple{30.0, false}, std::tuple{30.1, true}}) {
        a.urine_protein = hsct::mass_concentration(mg_dl, u::mg_per_dl);
        const auto j = jodele({a}, count);
        CHECK(j.status == c::jodele_status::count_met_unverified);
        CHECK(j.time_points[0].poor_prognosis_pair == pair);
        CHECK(j.poor_prognosis_day.has_value() == pair);
    }
}

TEST_CASE("ta_tma: Jodele 2014: each threshold just inside and just outside, and the comparator each item records",
          "[COMP-TMA-020][Jodele-2014][V2]") {
    // urinalysis protein at least 30 mg/dL: 29.95 is not
    auto a = normal(40);
    a.urine_protein = hsct::mass_concentration(29.95, u::mg_per_dl);
    const auto p = item(jodele({a}), J::urine_protein);
    REQUIRE(p.has_value());
    CHECK(p->result == outcome::not_met);
    CHECK(p->cmp == hsct::comparator::greater_equal);
    CHECK(p->threshold == 30.0);
    a.urine_protein.reset();
    const auto pm = item(jodele({a}), J::urine_protein);
    REQUIRE(pm.has_value());
    CHECK(pm->result == outcome::unknown);
    CHECK(pm->cmp == hsct::comparator::greater_equal);
    CHECK(pm->threshold == 30.0);
    // platelets below 50 x10^9/L: 49.95 is; recorded as below, measured or missing
    auto b = normal(40);
    b.platelets = hsct::platelets(49.95, u::giga_per_l);
    auto in = input({b});
    std::vector v{b};
    in.assessments = v;
    in.baseline_platelets = hsct::platelets(60.0, u::giga_per_l);  // no 50 % fall
    const auto low = c::assess_jodele_tma(in);
    REQUIRE(low.has_value());
    const auto lk = item(*low, J::platelets);
    REQUIRE(lk.has_value());
    CHECK(lk->result == outcome::met);
    CHECK(lk->cmp == hsct::comparator::less);
    CHECK(lk->threshold == 50.0);
    CHECK(low->time_points[0].met.contains(M::thrombocytopenia));
    b.platelets.reset();
    const auto gone = jodele({b});
    const auto gk = item(gone, J::platelets);
    REQUIRE(gk.has_value());
    CHECK(gk->result == outcome::unknown);
    CHECK(gk->cmp == hsct::comparator::less);
    CHECK(gk->threshold == 50.0);
    // a fall of 49.95 % (50.05 from 100) is not at least 50 %, and 50.05 is not below 50
    b.platelets = hsct::platelets(50.05, u::giga_per_l);
    const auto f = jodele({b});
    CHECK(item_outcome(f, J::platelet_fall) == outcome::not_met);
    CHECK(item_outcome(f, J::platelets) == outcome::not_met);
    CHECK_FALSE(f.time_points[0].met.contains(M::thrombocytopenia));
}

TEST_CASE("ta_tma: Jodele 2014: adult hypertension 140 systolic or 90 diastolic, at least; the percentile record by age",
          "[COMP-TMA-020][Jodele-2014][V2][U]") {
    for (const auto& [s, d, want] : {std::tuple{139.95, 80.0, false}, std::tuple{130.0, 90.0, true},
                                     std::tuple{130.0, 89.95, false}, std::tuple{140.0, 80.0, true}}) {
        INFO(s << "/" << d);
        auto a = normal(40);
        a.bp = bp(s, d);
        a.bp_percentile = hsct::percent(50.0, u::pct);
        const auto j = jodele({a}, {}, years(19));
        CHECK(j.time_points[0].met.contains(M::hypertension) == want);
        CHECK(item(j, J::systolic_bp)->cmp == hsct::comparator::greater_equal);
        CHECK(item(j, J::diastolic_bp)->cmp == hsct::comparator::greater_equal);
    }
    // no age: the percentile item, unknown, at least the 95th
    const auto none = jodele({normal(40)}, {}, std::nullopt);
    const auto k = item(none, J::bp_percentile);
    REQUIRE(k.has_value());
    CHECK(k->result == outcome::unknown);
    CHECK(k->cmp == hsct::comparator::greater_equal);
    CHECK(k->threshold == 95.0);
    CHECK(none.missing.contains(c::ta_tma_field::age));
    // under 3 years: not applicable, still explained against at least the 95th
    const auto small = item(jodele({normal(40)}, {}, years(2)), J::bp_percentile);
    REQUIRE(small.has_value());
    CHECK(small->result == outcome::not_applicable);
    CHECK(small->cmp == hsct::comparator::greater_equal);
    CHECK(small->threshold == 95.0);
}

// ------------------------------------------------------------------------------------------------
// Bad input, value types, allocation
// ------------------------------------------------------------------------------------------------

TEST_CASE("ta_tma: value types: checked construction, the size of their representation", "[COMP-TMA-013]") {
    STATIC_REQUIRE(sizeof(c::blood_pressure) == 2 * sizeof(double));
    STATIC_REQUIRE(sizeof(c::protein_creatinine_ratio) == sizeof(double));
    STATIC_REQUIRE(sizeof(c::sc5b9_level) == sizeof(double));
    STATIC_REQUIRE(std::is_trivially_copyable_v<c::blood_pressure>);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto refused = [](const auto& r, std::string_view field, hsct::errc code) {
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == field);
        CHECK(r.error().code() == code);
        CHECK(r.error().requirement() == "COMP-TMA-013");
    };
    refused(c::blood_pressure::make(301, 80, c::pressure_unit::mmhg), "blood_pressure.systolic", hsct::errc::out_of_range);
    refused(c::blood_pressure::make(nan, 80, c::pressure_unit::mmhg), "blood_pressure.systolic", hsct::errc::not_finite);
    refused(c::blood_pressure::make(120, 9, c::pressure_unit::mmhg), "blood_pressure.diastolic", hsct::errc::out_of_range);
    refused(c::blood_pressure::make(120, 120, c::pressure_unit::mmhg), "blood_pressure.diastolic", hsct::errc::inconsistent);
    refused(c::blood_pressure::make(45, 30, c::pressure_unit::kpa), "blood_pressure.systolic", hsct::errc::out_of_range);
    const auto bad_unit = c::blood_pressure::make(120, 80, static_cast<c::pressure_unit>(7));
    REQUIRE_FALSE(bad_unit.has_value());
    CHECK(bad_unit.error().field() == "blood_pressure.unit");
    refused(c::protein_creatinine_ratio::make(51, c::upcr_unit::mg_per_mg), "rupcr", hsct::errc::out_of_range);
    refused(c::protein_creatinine_ratio::make(-0.1, c::upcr_unit::g_per_g), "rupcr", hsct::errc::out_of_range);
    refused(c::protein_creatinine_ratio::make(nan, c::upcr_unit::mg_per_g), "rupcr", hsct::errc::not_finite);
    refused(c::sc5b9_level::make(hsct::mass_concentration(-1.0, u::ng_per_ml), hsct::mass_concentration(244.0, u::ng_per_ml)),
            "sc5b9.value", hsct::errc::out_of_range);
    refused(c::sc5b9_level::make(hsct::mass_concentration(200.0, u::ng_per_ml), hsct::mass_concentration(0.0, u::ng_per_ml)),
            "sc5b9.upper_limit_of_normal", hsct::errc::out_of_range);
    refused(c::sc5b9_level::from_multiple(1000.5), "sc5b9", hsct::errc::out_of_range);
    CHECK(c::blood_pressure::make(300, 200, c::pressure_unit::mmhg).has_value());
    CHECK(c::protein_creatinine_ratio::make(50, c::upcr_unit::mg_per_mg).has_value());
}

TEST_CASE("ta_tma: value types: each bound is accepted and the next step beyond it refused, the field named",
          "[COMP-TMA-013]") {
    const auto refused = [](const auto& r, std::string_view field, std::string_view valid) {
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == field);
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().valid_range() == valid);
        CHECK(r.error().requirement() == "COMP-TMA-013");
    };
    const auto mmhg = c::pressure_unit::mmhg;
    // systolic 40-300 mmHg
    const auto low = c::blood_pressure::make(40.0, 30.0, mmhg);
    REQUIRE(low.has_value());
    CHECK(low->systolic(mmhg) == 40.0);
    refused(c::blood_pressure::make(39.9, 30.0, mmhg), "blood_pressure.systolic", "40-300 mmHg");
    CHECK(c::blood_pressure::make(300.0, 80.0, mmhg).has_value());
    refused(c::blood_pressure::make(300.1, 80.0, mmhg), "blood_pressure.systolic", "40-300 mmHg");
    // diastolic 10-200 mmHg
    const auto d10 = c::blood_pressure::make(120.0, 10.0, mmhg);
    REQUIRE(d10.has_value());
    CHECK(d10->diastolic(mmhg) == 10.0);
    refused(c::blood_pressure::make(120.0, 9.9, mmhg), "blood_pressure.diastolic", "10-200 mmHg");
    CHECK(c::blood_pressure::make(250.0, 200.0, mmhg).has_value());
    refused(c::blood_pressure::make(250.0, 200.1, mmhg), "blood_pressure.diastolic", "10-200 mmHg");
    // rUPCR 0-50 mg/mg
    const auto top = c::protein_creatinine_ratio::make(50.0, c::upcr_unit::mg_per_mg);
    REQUIRE(top.has_value());
    CHECK(top->in(c::upcr_unit::mg_per_mg) == 50.0);
    refused(c::protein_creatinine_ratio::make(50.1, c::upcr_unit::mg_per_mg), "rupcr", "0-50 mg/mg");
    // sC5b-9: a value and a ULN of at most 100000 ng/mL, the value at most 1000 x ULN
    const auto ng = [](double v) { return hsct::mass_concentration(v, u::ng_per_ml); };
    const auto ceiling = c::sc5b9_level::make(ng(100000.0), ng(100000.0));
    REQUIRE(ceiling.has_value());
    CHECK(ceiling->times_uln() == 1.0);
    refused(c::sc5b9_level::make(ng(100000.05), ng(100000.0)), "sc5b9.value", "0-100000 ng/mL");
    CHECK(c::sc5b9_level::make(ng(100.0), ng(100000.0)).has_value());
    const std::string_view uln_valid = "above 0 and at most 100000 ng/mL, the value at most 1000 x ULN";
    refused(c::sc5b9_level::make(ng(100.0), ng(100000.05)), "sc5b9.upper_limit_of_normal", uln_valid);
    const auto most = c::sc5b9_level::make(ng(100000.0), ng(100.0));
    REQUIRE(most.has_value());
    CHECK(most->times_uln() == 1000.0);
    refused(c::sc5b9_level::make(ng(100000.0), ng(99.99)), "sc5b9.upper_limit_of_normal", uln_valid);
    const auto multiple = c::sc5b9_level::from_multiple(1000.0);
    REQUIRE(multiple.has_value());
    CHECK(multiple->times_uln() == 1000.0);
    refused(c::sc5b9_level::from_multiple(1000.1), "sc5b9", "0-1000 x ULN");
}

TEST_CASE("ta_tma: value types: 1 mg/mg is 113.12 mg/mmol (creatinine's molar mass), both ways", "[COMP-TMA-013]") {
    const auto one = c::protein_creatinine_ratio::make(113.12, c::upcr_unit::mg_per_mmol);
    REQUIRE(one.has_value());
    CHECK(one->in(c::upcr_unit::mg_per_mg) == 1.0);
    CHECK(one->in(c::upcr_unit::mg_per_mmol) == 113.12);
    const auto x = c::protein_creatinine_ratio::make(2.0, c::upcr_unit::g_per_g);
    REQUIRE(x.has_value());
    CHECK(x->in(c::upcr_unit::mg_per_mmol) == 2.0 * 113.12);
    // the bound in mg/mmol: 50 mg/mg is 5656 mg/mmol
    CHECK(c::protein_creatinine_ratio::make(5656.0, c::upcr_unit::mg_per_mmol).has_value());
    const auto over = c::protein_creatinine_ratio::make(5657.0, c::upcr_unit::mg_per_mmol);
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().field() == "rupcr");
}

TEST_CASE("ta_tma: bad input is an error naming the field, the value and what is valid", "[COMP-TMA-011]") {
    const auto refused = [](const c::ta_tma_input& in, std::string_view field, hsct::errc code) {
        const auto r = c::assess_ta_tma(in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == field);
        CHECK(r.error().code() == code);
        CHECK_FALSE(r.error().valid_range().empty());
        const auto j = c::assess_jodele_tma(in);
        REQUIRE_FALSE(j.has_value());
        CHECK(j.error().field() == field);
    };
    {
        std::vector w{normal(-1)};
        refused(input(w), "assessments[0].day", hsct::errc::out_of_range);
        std::vector x{normal(10), normal(10)};
        refused(input(x), "assessments[1].day", hsct::errc::inconsistent);
        std::vector y{normal(12), normal(10)};
        refused(input(y), "assessments[1].day", hsct::errc::inconsistent);
    }
    {
        std::vector v{normal(10)};
        auto in = input(v);
        in.baseline_haemoglobin.reset();
        refused(in, "baseline_haemoglobin", hsct::errc::missing);
        in = input(v);
        in.baseline_creatinine.reset();
        refused(in, "baseline_creatinine", hsct::errc::missing);
        in = input(v);
        in.baseline_platelets = hsct::platelets(0.0, u::giga_per_l);
        refused(in, "baseline_platelets", hsct::errc::out_of_range);
        in = input(v);
        in.neutrophil_engraftment_day = transplant_day::at(-2);
        refused(in, "neutrophil_engraftment_day", hsct::errc::out_of_range);
    }
    const auto one = [&](auto change, std::string_view field, hsct::errc code) {
        std::vector v{normal(10), normal(12)};
        change(v[1]);
        refused(input(v), field, code);
    };
    one([](auto& a) { a.bp_percentile = hsct::percent(101.0, u::pct); }, "assessments[1].bp_percentile",
        hsct::errc::out_of_range);
    one([](auto& a) { a.urine_protein = hsct::mass_concentration(-1.0, u::mg_per_dl); }, "assessments[1].urine_protein",
        hsct::errc::out_of_range);
    one([](auto& a) { a.haemoglobin = hsct::haemoglobin(std::nan(""), u::g_per_dl); }, "assessments[1].haemoglobin",
        hsct::errc::not_finite);
    one([](auto& a) { a.platelets = hsct::platelets(-5.0, u::giga_per_l); }, "assessments[1].platelets",
        hsct::errc::out_of_range);
    one([](auto& a) { a.creatinine = hsct::creatinine(41.0, u::mg_per_dl); }, "assessments[1].creatinine",
        hsct::errc::out_of_range);
    one([](auto& a) { a.biopsy_tma = static_cast<c::tma_biopsy_site>(9); }, "assessments[1].biopsy_tma",
        hsct::errc::out_of_range);
    one([](auto& a) { a.organ_dysfunction->insert(static_cast<c::tma_organ>(20)); }, "assessments[1].organ_dysfunction",
        hsct::errc::out_of_range);
    std::vector<c::ta_tma_assessment> many;
    for (int d = 0; d < 129; ++d) {
        many.push_back(normal(d));
    }
    refused(input(many), "assessments", hsct::errc::out_of_range);
    many.pop_back();
    CHECK(c::assess_ta_tma(input(many)).has_value());  // 128 is the bound
    // an undeclared policy
    c::ta_tma_options o;
    o.window = static_cast<c::tma_window_policy>(0);
    std::vector v{normal(10)};
    const auto r = c::assess_ta_tma(input(v), o);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "options.window");
    o = {};
    o.sequence = static_cast<c::tma_sequence_policy>(3);
    const auto q = c::assess_ta_tma(input(v), o);
    REQUIRE_FALSE(q.has_value());
    CHECK(q.error().field() == "options.sequence");
    CHECK(q.error().value() == "3");
    c::jodele_tma_options jo;
    jo.count = static_cast<c::jodele_count_policy>(3);
    const auto j = c::assess_jodele_tma(input(v), jo);
    REQUIRE_FALSE(j.has_value());
    CHECK(j.error().field() == "options.count");
}

TEST_CASE("ta_tma: no allocation: an assessment of a series allocates nothing", "[COMP-TMA-001][COMP-TMA-020][alloc]") {
    const std::vector v{normal(40), tma1_point(60), tma1_point(65)};
    const auto in = input(v);
    hsct_test::allocation_counter n;
    const auto r = c::assess_ta_tma(in);
    const auto j = c::assess_jodele_tma(in);
    CHECK(n.count() == 0);
    REQUIRE(r.has_value());
    REQUIRE(j.has_value());
    CHECK(r->status == c::ta_tma_status::clinical);
}

}  // namespace hsct_test_complications_ta_tma_test
