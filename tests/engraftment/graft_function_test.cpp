// Tests for include/hsct/engraftment/graft_function.hpp: the reference notes' GF-4 (secondary
// graft failure, or poor graft function when donor chimerism is full) and CH-4 (autologous
// reconstitution), each definition's premise, thresholds and day counts below/at/above, the
// stated findings missing, delayed engraftment under a centre's policy, and refusals.
#include <hsct/engraftment/graft_function.hpp>

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_graft_function_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::transplant_day;
using st = e::graft_function_status;
using crit = e::graft_function_criterion;

namespace {
using series = std::vector<std::pair<int, double>>;
template <class A, class U>
e::day_series<A> make(const series& s, U unit) {
    std::vector<e::count_record<A>> r;
    for (const auto& [d, v] : s) {
        r.push_back({transplant_day::at(d), A(v, unit)});
    }
    auto out = e::consolidate<A>(r);
    REQUIRE(out.has_value());
    return *out;
}
e::chimerism_result chimerism(double whole_blood) {
    const e::chimerism_measurement m[] = {{e::chimerism_lineage::whole_blood, hsct::percent(whole_blood, u::pct)}};
    auto r = e::assess_chimerism(m);
    REQUIRE(r.has_value());
    return *r;
}

// GF-4: neutrophils engrafted D+14, platelets D+20 (after a D0 transfusion); at D+90 ANC 0.3
// and platelets 12 x10^9/L, a platelet transfusion on D+90 and G-CSF on D+91.
struct gf4 {
    series anc_values{{1, 0.1}, {14, 0.6}, {15, 0.7}, {16, 0.8}, {60, 2.0}, {90, 0.3}, {91, 0.3}, {92, 0.35}, {100, 0.3},
                      {106, 0.4}};
    series platelet_values{{1, 10}, {20, 25}, {21, 30}, {22, 35}, {60, 150}, {90, 12}, {100, 14}, {106, 15}};
    series hb_values{{1, 90}, {60, 120}, {90, 100}, {106, 95}};
    std::vector<int> platelet_tx{0, 90};
    std::vector<int> g_csf{91};
    e::day_series<hsct::anc> anc;
    e::day_series<hsct::platelets> plt;
    e::day_series<hsct::haemoglobin> hb;
    e::transfusion_log tx;
    e::growth_factor_log gf;
    e::graft_function_input build() {
        anc = make<hsct::anc>(anc_values, u::giga_per_l);
        plt = make<hsct::platelets>(platelet_values, u::giga_per_l);
        hb = make<hsct::haemoglobin>(hb_values, u::g_per_l);
        std::vector<e::transfusion_record> t;
        for (const int d : platelet_tx) {
            t.push_back({transplant_day::at(d), e::blood_product::platelets});
        }
        tx = *e::make_transfusion_log(t);
        std::vector<e::growth_factor_record> g;
        for (const int d : g_csf) {
            g.push_back({transplant_day::at(d), e::growth_factor::g_csf});
        }
        gf = *e::make_growth_factor_log(g);
        e::graft_function_input in;
        in.neutrophils = *e::assess_neutrophil_engraftment(anc);
        in.platelets = *e::assess_platelet_engraftment(plt, tx);
        in.anc = anc.days();
        in.platelet_counts = plt.days();
        in.haemoglobin = hb.days();
        in.transfusions = &tx;
        in.growth_factors = &gf;
        in.observed_through = transplant_day::at(106);
        return in;
    }
};

const e::dated_criterion<crit>* get(const e::graft_function_result& r, crit id) {
    for (const auto& c : r.criteria) {
        if (c.criterion.id == id) {
            return &c;
        }
    }
    return nullptr;
}
}  // namespace

TEST_CASE("GF-4: secondary graft failure, or poor graft function when chimerism is full", "[ENG-GF-003][ENG-GF-004][GF-4][ASTCT-2021][HB24-41]") {
    gf4 g;
    auto in = g.build();
    REQUIRE(in.neutrophils.day->number() == 14);
    REQUIRE(in.platelets.day->number() == 20);
    in.other_cause = false;
    in.frequent_support = true;
    in.chimerism = chimerism(60.0);  // mixed: the graft is failing
    const auto sgf = e::assess_secondary_graft_failure(in);
    REQUIRE(sgf.has_value());
    CHECK(sgf->status == st::met);
    CHECK(sgf->rule == e::graft_function_rule::secondary_graft_failure);
    REQUIRE(get(*sgf, crit::anc_low) != nullptr);
    CHECK(get(*sgf, crit::anc_low)->day.number() == 90);
    CHECK(get(*sgf, crit::support_given)->day.number() == 90);  // the platelet transfusion
    CHECK(get(*sgf, crit::chimerism_full)->criterion.result == hsct::outcome::not_met);
    CHECK(e::assess_poor_graft_function(in)->status == st::not_met);  // chimerism not full
    // the same counts with full donor chimerism: poor graft function, not graft failure
    in.chimerism = chimerism(98.0);
    CHECK(e::assess_secondary_graft_failure(in)->status == st::not_met);
    const auto pgf = e::assess_poor_graft_function(in);
    CHECK(pgf->status == st::met);
    CHECK(pgf->rule == e::graft_function_rule::poor_graft_function);
    // without chimerism neither can be told apart
    in.chimerism.reset();
    const auto u1 = e::assess_secondary_graft_failure(in);
    CHECK(u1->status == st::unknown);
    CHECK(u1->missing.contains(e::graft_function_field::chimerism));
    CHECK(e::assess_poor_graft_function(in)->status == st::unknown);
}

TEST_CASE("secondary graft failure (ASTCT): the premise, the thresholds and the support", "[ENG-GF-003][ASTCT-2021]") {
    gf4 g;
    g.anc_values = {{1, 0.1}, {14, 0.6}, {15, 0.7}, {16, 0.8}, {60, 2.0}, {90, 0.6}};
    g.platelet_values = {{1, 10}, {20, 25}, {21, 30}, {22, 35}, {60, 150}, {90, 40}};
    g.hb_values = {{1, 90}, {60, 120}, {90, 100}};
    auto in = g.build();
    in.chimerism = chimerism(60.0);
    CHECK(e::assess_secondary_graft_failure(in)->status == st::not_met);  // no decline
    const auto at = [&](double anc, double plt, double hb) {
        g.anc_values.back() = {90, anc};
        g.platelet_values.back() = {90, plt};
        g.hb_values.back() = {90, hb};
        auto i = g.build();
        i.chimerism = chimerism(60.0);
        return e::assess_secondary_graft_failure(i)->status;
    };
    CHECK(at(0.49, 40, 100) == st::met);   // ANC below 0.5
    CHECK(at(0.5, 40, 100) == st::not_met);  // at: not a cytopenia
    CHECK(at(0.6, 19, 100) == st::met);    // platelets below 20
    CHECK(at(0.6, 20, 100) == st::not_met);
    CHECK(at(0.6, 40, 79) == st::met);     // haemoglobin below 80 g/L
    CHECK(at(0.6, 40, 80) == st::not_met);
    // a decline without support that day or later: not met; support before it does not count
    g.platelet_tx = {0};
    g.g_csf = {85};
    CHECK(at(0.3, 40, 100) == st::not_met);
    g.g_csf = {95};
    CHECK(at(0.3, 40, 100) == st::met);
    // no recovery to fail after: does not apply
    g.platelet_values = {{1, 10}, {20, 25}, {60, 15}, {90, 40}};  // platelets never recovered (no run of three)
    auto no_plt = g.build();
    no_plt.chimerism = chimerism(60.0);
    const auto r = e::assess_secondary_graft_failure(no_plt);
    CHECK(r->status == st::not_applicable);
    CHECK(get(*r, crit::platelet_recovery)->criterion.result == hsct::outcome::not_met);
    e::graft_function_input none;
    CHECK(e::assess_secondary_graft_failure(none)->status == st::not_applicable);
}

TEST_CASE("secondary graft failure (EBMT 2019): three consecutive days of ANC below 0.5", "[ENG-GF-003][EBMT-2019][PMC4548938]") {
    gf4 g;
    e::graft_function_options o;
    o.definition = e::graft_function_definition::ebmt_2019;
    auto in = g.build();
    in.chimerism = chimerism(3.0);
    in.other_cause = false;
    const auto r = e::assess_secondary_graft_failure(in, o);
    CHECK(r->status == st::met);
    CHECK(get(*r, crit::anc_low_run)->day.number() == 90);
    CHECK(get(*r, crit::anc_low_run)->criterion.measured.number() == 3.0);
    CHECK_FALSE(get(*r, crit::anc_low_run)->criterion.verified);
    in.other_cause = true;  // relapse, drugs or infection explain it
    CHECK(e::assess_secondary_graft_failure(in, o)->status == st::not_met);
    in.other_cause.reset();
    CHECK(e::assess_secondary_graft_failure(in, o)->status == st::unknown);
    // two days below, then one at 0.5: below the run length
    g.anc_values = {{1, 0.1}, {14, 0.6}, {15, 0.7}, {16, 0.8}, {90, 0.3}, {91, 0.3}, {92, 0.5}, {93, 0.4}};
    auto two = g.build();
    two.other_cause = false;
    two.chimerism = chimerism(3.0);
    CHECK(e::assess_secondary_graft_failure(two, o)->status == st::not_met);
    // it needs neutrophil engraftment only (not platelets)
    g.platelet_values = {{1, 10}};
    g.anc_values = {{1, 0.1}, {14, 0.6}, {15, 0.7}, {16, 0.8}, {90, 0.3}, {91, 0.3}, {92, 0.2}};
    auto no_plt = g.build();
    no_plt.other_cause = false;
    no_plt.chimerism = chimerism(3.0);
    CHECK(e::assess_secondary_graft_failure(no_plt, o)->status == st::met);
}

TEST_CASE("poor graft function (ASTCT): stated findings, missing ones named", "[ENG-GF-004][ASTCT-2021][HB24-41]") {
    e::graft_function_input in;
    in.chimerism = chimerism(99.0);
    in.observed_through = transplant_day::at(60);
    const auto a = e::assess_poor_graft_function(in);
    CHECK(a->status == st::unknown);
    CHECK(a->missing.contains(e::graft_function_field::frequent_support));
    CHECK(a->missing.contains(e::graft_function_field::other_cause));
    in.frequent_support = true;
    in.other_cause = false;
    CHECK(e::assess_poor_graft_function(in)->status == st::met);
    in.other_cause = true;
    CHECK(e::assess_poor_graft_function(in)->status == st::not_met);
    in.other_cause = false;
    in.frequent_support = false;
    CHECK(e::assess_poor_graft_function(in)->status == st::not_met);
    in.frequent_support = true;
    in.chimerism = chimerism(95.0);  // not full under the default (> 95 %)
    CHECK(e::assess_poor_graft_function(in)->status == st::not_met);
    in.chimerism = chimerism(95.1);
    CHECK(e::assess_poor_graft_function(in)->status == st::met);
}

TEST_CASE("poor graft function (EBMT 2019): two cytopenias more than 2 weeks after day +28", "[ENG-GF-004][EBMT-2019]") {
    e::graft_function_options o;
    o.definition = e::graft_function_definition::ebmt_2019;
    gf4 g;
    auto in = g.build();
    in.chimerism = chimerism(98.0);
    // ANC and platelets low from D+90 to D+106: 16 days
    const auto r = e::assess_poor_graft_function(in, o);
    CHECK(r->status == st::met);
    CHECK(get(*r, crit::cytopenic_lineages)->criterion.measured.number() == 2.0);
    CHECK(get(*r, crit::anc_low)->criterion.measured.number() == 16.0);
    CHECK_FALSE(get(*r, crit::anc_low)->criterion.verified);  // hsct's reading of "> 2 weeks"
    in.chimerism = chimerism(90.0);
    CHECK(e::assess_poor_graft_function(in, o)->status == st::not_met);
    in.chimerism.reset();
    CHECK(e::assess_poor_graft_function(in, o)->status == st::unknown);
    // the span below, at and above 14 days (platelets low D+90..D+90+n, ANC low throughout)
    const auto with_span = [&](int n) {
        g.platelet_values = {{1, 10}, {20, 25}, {21, 30}, {22, 35}, {90, 12}, {90 + n, 15}, {120, 60}};
        auto i = g.build();
        i.chimerism = chimerism(98.0);
        return e::assess_poor_graft_function(i, o)->status;
    };
    CHECK(with_span(13) == st::not_met);
    CHECK(with_span(14) == st::not_met);  // two weeks exactly: not more than
    CHECK(with_span(15) == st::met);
    // values before day +28 do not count
    g.anc_values = {{1, 0.1}, {2, 0.1}, {27, 0.1}, {30, 0.6}};
    g.platelet_values = {{1, 10}, {27, 10}, {30, 30}};
    auto early = g.build();
    early.chimerism = chimerism(98.0);
    CHECK(e::assess_poor_graft_function(early, o)->status == st::not_met);
    early.observed_through = transplant_day::at(27);
    CHECK(e::assess_poor_graft_function(early, o)->status == st::pending);
    // a centre's haemoglobin threshold of 70 g/L (a review's definition): Hb 75 g/L for 16 days
    // is a cytopenia at the default 80 g/L, not at 70
    g = gf4{};
    g.platelet_values = {{1, 10}, {20, 25}, {21, 30}, {22, 35}, {90, 60}, {106, 60}};
    g.hb_values = {{1, 90}, {90, 75}, {106, 75}};
    auto hb_low = g.build();
    hb_low.chimerism = chimerism(98.0);
    CHECK(e::assess_poor_graft_function(hb_low, o)->status == st::met);
    o.thresholds.haemoglobin = hsct::haemoglobin(70.0, u::g_per_l);
    CHECK(e::assess_poor_graft_function(hb_low, o)->status == st::not_met);
}

TEST_CASE("CH-4: counts recovered with 4 % donor cells: autologous reconstitution", "[ENG-GF-005][CH-4][PMC4548938][HB24-21]") {
    gf4 g;
    auto in = g.build();
    in.chimerism = chimerism(4.0);
    const auto r = e::assess_autologous_reconstitution(in);
    CHECK(r->status == st::met);
    CHECK(get(*r, crit::chimerism_absent)->criterion.result == hsct::outcome::met);
    in.chimerism = chimerism(5.0);  // CH-5: mixed
    CHECK(e::assess_autologous_reconstitution(in)->status == st::not_met);
    in.chimerism.reset();
    CHECK(e::assess_autologous_reconstitution(in)->status == st::unknown);
    // a lineage above 5 % is not autologous reconstitution
    const e::chimerism_measurement two[] = {{e::chimerism_lineage::t_cells_cd3, hsct::percent(40.0, u::pct)},
                                            {e::chimerism_lineage::myeloid_cd33, hsct::percent(2.0, u::pct)}};
    in.chimerism = *e::assess_chimerism(two);
    CHECK(e::assess_autologous_reconstitution(in)->status == st::not_met);
    e::graft_function_input not_engrafted;
    not_engrafted.chimerism = chimerism(1.0);
    CHECK(e::assess_autologous_reconstitution(not_engrafted)->status == st::pending);
}

TEST_CASE("delayed engraftment: a centre's days only, below/at/above and the cut-off", "[ENG-GF-006][local-policy]") {
    const e::delayed_engraftment_policy centre{transplant_day::at(21), transplant_day::at(28), transplant_day::at(35)};
    const auto engrafted_on = [](int d) {
        const series anc{{1, 0.1}, {d, 0.6}, {d + 1, 0.7}, {d + 2, 0.8}};
        const auto s = make<hsct::anc>(anc, u::giga_per_l);
        return *e::assess_neutrophil_engraftment(s);
    };
    const auto pb = hsct::graft::product_source::peripheral_blood;
    const auto at = [&](int d, hsct::graft::product_source s = hsct::graft::product_source::peripheral_blood) {
        return e::assess_delayed_engraftment(engrafted_on(d), s, transplant_day::at(60), centre);
    };
    CHECK(at(20)->status == st::not_met);
    CHECK(at(21)->status == st::not_met);  // on the centre's day: not after it
    const auto late = at(22);
    CHECK(late->status == st::met);
    CHECK(late->local_policy);
    CHECK(late->rule == e::graft_function_rule::delayed_engraftment);
    CHECK_FALSE(late->criteria[0].criterion.verified);
    CHECK(at(30)->status == st::met);             // at the ASTCT cut-off
    CHECK(at(31)->status == st::not_applicable);  // past it: primary graft failure's range
    CHECK(at(29, hsct::graft::product_source::bone_marrow)->status == st::met);
    CHECK(at(35, hsct::graft::product_source::cord_blood)->status == st::not_met);
    CHECK(at(40, hsct::graft::product_source::cord_blood)->status == st::met);
    // not engrafted yet: pending until the centre's day has passed
    const auto low = make<hsct::anc>(series{{1, 0.1}, {10, 0.2}}, u::giga_per_l);
    const e::neutrophil_result none = *e::assess_neutrophil_engraftment(low);
    REQUIRE(none.status == e::engraftment_status::not_yet);
    CHECK(e::assess_delayed_engraftment(none, pb, transplant_day::at(20), centre)->status == st::pending);
    CHECK(e::assess_delayed_engraftment(none, pb, transplant_day::at(25), centre)->status == st::met);
    // a policy day outside D+1..the cut-off is refused
    auto bad = centre;
    bad.peripheral_blood = transplant_day::at(31);
    CHECK(e::assess_delayed_engraftment(engrafted_on(22), pb, transplant_day::at(60), bad).error().field() ==
          "policy.peripheral_blood");
    bad = centre;
    bad.cord_blood = transplant_day::at(0);
    CHECK(e::assess_delayed_engraftment(engrafted_on(22), pb, transplant_day::at(60), bad).error().field() ==
          "policy.cord_blood");
    bad = centre;
    bad.peripheral_blood = transplant_day::at(29);  // fine under ASTCT (30), not under EBMT 2019 (28)
    CHECK(e::assess_delayed_engraftment(engrafted_on(22), pb, transplant_day::at(60), bad).has_value());
    CHECK(e::assess_delayed_engraftment(engrafted_on(22), pb, transplant_day::at(60), bad,
                                        e::graft_failure_definition::ebmt_2019)
              .error()
              .field() == "policy.peripheral_blood");
}

namespace {
// A chimerism criterion compares a category (or names the missing finding): equality, and no
// number to compare with, so its threshold is 0.
void check_category(const e::dated_criterion<crit>* c, const hsct::measure& measured, hsct::outcome result) {
    REQUIRE(c != nullptr);
    CHECK(c->criterion.measured == measured);
    CHECK(c->criterion.cmp == hsct::comparator::equal);
    CHECK(c->criterion.threshold == 0.0);
    CHECK(c->criterion.result == result);
}
// A counted criterion: its recorded comparison, applied to its measured number, gives its outcome.
void check_count(const e::dated_criterion<crit>* c, double measured, hsct::comparator cmp, double threshold,
                 hsct::outcome result) {
    REQUIRE(c != nullptr);
    CHECK(c->criterion.measured.number() == measured);
    CHECK(c->criterion.cmp == cmp);
    CHECK(c->criterion.threshold == threshold);
    CHECK(c->criterion.result == result);
}
}  // namespace

TEST_CASE("secondary graft failure (EBMT 2019): the run's evidence is its length against three days",
          "[ENG-GF-003][EBMT-2019][PMC4548938]") {
    e::graft_function_options o;
    o.definition = e::graft_function_definition::ebmt_2019;
    gf4 g;
    auto in = g.build();  // ANC 0.3, 0.3, 0.35 on D+90..D+92
    in.chimerism = chimerism(3.0);
    in.other_cause = false;
    const auto three = e::assess_secondary_graft_failure(in, o);
    REQUIRE(three.has_value());
    CHECK(three->status == st::met);
    const auto* run = get(*three, crit::anc_low_run);
    check_count(run, 3.0, hsct::comparator::greater_equal, 3.0, hsct::outcome::met);
    CHECK(run->criterion.measured == hsct::measure::count(3.0, hsct::count_unit::days));
    CHECK(hsct::satisfies(run->criterion.measured.number(), run->criterion.cmp, run->criterion.threshold));
    // two days below at the end of the counts: the run in progress, one short
    g.anc_values = {{1, 0.1}, {14, 0.6}, {15, 0.7}, {16, 0.8}, {90, 0.6}, {91, 0.3}, {92, 0.3}};
    auto two_in = g.build();
    two_in.chimerism = chimerism(3.0);
    two_in.other_cause = false;
    const auto two = e::assess_secondary_graft_failure(two_in, o);
    REQUIRE(two.has_value());
    CHECK(two->status == st::not_met);
    const auto* short_run = get(*two, crit::anc_low_run);
    check_count(short_run, 2.0, hsct::comparator::greater_equal, 3.0, hsct::outcome::not_met);
    CHECK(short_run->day.number() == 91);
    CHECK_FALSE(hsct::satisfies(short_run->criterion.measured.number(), short_run->criterion.cmp,
                                short_run->criterion.threshold));
}

TEST_CASE("secondary graft failure: the chimerism criterion records the category, or the missing finding",
          "[ENG-GF-003][ASTCT-2021]") {
    gf4 g;
    auto in = g.build();
    in.chimerism = chimerism(60.0);
    const auto mixed = e::assess_secondary_graft_failure(in);
    REQUIRE(mixed.has_value());
    CHECK(mixed->status == st::met);
    // "chimerism full" not met: mixed chimerism confirms the failure
    check_category(get(*mixed, crit::chimerism_full), hsct::measure::code(e::chimerism_category::mixed),
                   hsct::outcome::not_met);
    in.chimerism = chimerism(98.0);
    check_category(get(*e::assess_secondary_graft_failure(in), crit::chimerism_full),
                   hsct::measure::code(e::chimerism_category::full), hsct::outcome::met);
    in.chimerism.reset();
    const auto none = e::assess_secondary_graft_failure(in);
    CHECK(none->status == st::unknown);
    check_category(get(*none, crit::chimerism_full), hsct::measure::missing(e::graft_function_field::chimerism),
                   hsct::outcome::unknown);
}

TEST_CASE("poor graft function (EBMT 2019): before day +28 pending on the same two-lineage comparison",
          "[ENG-GF-004][EBMT-2019]") {
    e::graft_function_options o;
    o.definition = e::graft_function_definition::ebmt_2019;
    gf4 g;
    auto in = g.build();
    in.chimerism = chimerism(98.0);
    // decided after day +28: two lineages, at least two needed
    const auto decided = e::assess_poor_graft_function(in, o);
    REQUIRE(decided.has_value());
    CHECK(decided->status == st::met);
    check_count(get(*decided, crit::cytopenic_lineages), 2.0, hsct::comparator::greater_equal, 2.0,
                hsct::outcome::met);
    // observed through D+27: pending, recorded against the same comparison, its outcome unknown
    in.observed_through = transplant_day::at(27);
    const auto pending = e::assess_poor_graft_function(in, o);
    REQUIRE(pending.has_value());
    CHECK(pending->status == st::pending);
    const auto* k = get(*pending, crit::cytopenic_lineages);
    check_count(k, 0.0, hsct::comparator::greater_equal, 2.0, hsct::outcome::unknown);
    CHECK(k->day.number() == 27);
    CHECK(k->criterion.requirement == std::string_view("ENG-GF-004"));
}

TEST_CASE("poor graft function: the chimerism criterion records the category, or the missing finding",
          "[ENG-GF-004][ASTCT-2021][HB24-41]") {
    e::graft_function_input in;
    in.observed_through = transplant_day::at(60);
    in.frequent_support = true;
    in.other_cause = false;
    in.chimerism = chimerism(99.0);
    const auto full = e::assess_poor_graft_function(in);
    REQUIRE(full.has_value());
    CHECK(full->status == st::met);
    check_category(get(*full, crit::chimerism_full), hsct::measure::code(e::chimerism_category::full),
                   hsct::outcome::met);
    in.chimerism = chimerism(60.0);
    check_category(get(*e::assess_poor_graft_function(in), crit::chimerism_full),
                   hsct::measure::code(e::chimerism_category::mixed), hsct::outcome::not_met);
    in.chimerism.reset();
    const auto none = e::assess_poor_graft_function(in);
    CHECK(none->status == st::unknown);
    check_category(get(*none, crit::chimerism_full), hsct::measure::missing(e::graft_function_field::chimerism),
                   hsct::outcome::unknown);
}

TEST_CASE("autologous reconstitution: the chimerism criterion records the category, or the missing finding",
          "[ENG-GF-005][PMC4548938][HB24-21]") {
    gf4 g;
    auto in = g.build();
    in.chimerism = chimerism(4.0);
    const auto absent = e::assess_autologous_reconstitution(in);
    REQUIRE(absent.has_value());
    CHECK(absent->status == st::met);
    check_category(get(*absent, crit::chimerism_absent), hsct::measure::code(e::chimerism_category::absent),
                   hsct::outcome::met);
    in.chimerism = chimerism(5.0);
    check_category(get(*e::assess_autologous_reconstitution(in), crit::chimerism_absent),
                   hsct::measure::code(e::chimerism_category::mixed), hsct::outcome::not_met);
    in.chimerism.reset();
    const auto none = e::assess_autologous_reconstitution(in);
    CHECK(none->status == st::unknown);
    check_category(get(*none, crit::chimerism_absent), hsct::measure::missing(e::graft_function_field::chimerism),
                   hsct::outcome::unknown);
}

TEST_CASE("refused: definitions, thresholds and series", "[ENG-GF-003][ENG-GF-004]") {
    e::graft_function_input in;
    e::graft_function_options o;
    o.definition = static_cast<e::graft_function_definition>(9);
    CHECK(e::assess_secondary_graft_failure(in, o).error().field() == "options.definition");
    CHECK(e::assess_poor_graft_function(in, o).error().field() == "options.definition");
    o = {};
    o.thresholds.anc = hsct::anc(2.0, u::giga_per_l);
    CHECK(e::assess_secondary_graft_failure(in, o).error().field() == "options.thresholds.anc");
    o = {};
    o.thresholds.platelets = hsct::platelets(4.0, u::giga_per_l);
    CHECK(e::assess_poor_graft_function(in, o).error().field() == "options.thresholds.platelets");
    o = {};
    o.thresholds.haemoglobin = hsct::haemoglobin(70.0, u::g_per_l);  // a centre's 70 g/L is allowed
    CHECK(e::assess_poor_graft_function(in, o).has_value());
    o.thresholds.haemoglobin = hsct::haemoglobin(121.0, u::g_per_l);
    CHECK(e::assess_poor_graft_function(in, o).error().field() == "options.thresholds.haemoglobin");
    const std::vector<e::day_value<hsct::anc>> unsorted{{transplant_day::at(5), hsct::anc(1.0, u::giga_per_l)},
                                                        {transplant_day::at(5), hsct::anc(1.0, u::giga_per_l)}};
    in.anc = unsorted;
    CHECK(e::assess_secondary_graft_failure(in).error().field() == "input.anc.days[1].day");
    CHECK(e::assess_delayed_engraftment(e::neutrophil_result{}, static_cast<hsct::graft::product_source>(9),
                                        transplant_day::at(1),
                                        {transplant_day::at(21), transplant_day::at(28), transplant_day::at(35)})
              .error()
              .field() == "source");
}

TEST_CASE("the graft-function rules allocate nothing on success", "[ENG-GF-003][ENG-GF-004][ENG-GF-005]") {
    gf4 g;
    auto in = g.build();
    in.chimerism = chimerism(60.0);
    in.other_cause = false;
    in.frequent_support = true;
    hsct_test::allocation_counter count;
    const auto a = e::assess_secondary_graft_failure(in);
    const auto b = e::assess_poor_graft_function(in);
    const auto c = e::assess_autologous_reconstitution(in);
    CHECK(count.count() == 0);
    CHECK((a.has_value() && b.has_value() && c.has_value()));
}

}  // namespace hsct_test_engraftment_graft_function_test
