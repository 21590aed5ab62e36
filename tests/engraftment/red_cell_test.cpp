// Tests for include/hsct/engraftment/red_cell.hpp: haemoglobin above 80 g/L (EBMT 2019) below, at
// and above the threshold under both comparisons, the transfusion-free interval at its edge,
// counting from a value or a transfusion, CIBMTR's last-transfusion item, which criteria are
// marked as hsct's policy, and refusals.
#include <hsct/engraftment/red_cell.hpp>

#include <optional>
#include <utility>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_red_cell_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
using series = std::vector<std::pair<int, double>>;  // day, g/L
e::day_series<hsct::haemoglobin> make(const series& s) {
    std::vector<e::count_record<hsct::haemoglobin>> r;
    for (const auto& [d, v] : s) {
        r.push_back({transplant_day::at(d), hsct::haemoglobin(v, u::g_per_l)});
    }
    auto out = e::consolidate<hsct::haemoglobin>(r);
    REQUIRE(out.has_value());
    return *out;
}
e::transfusion_log tx(const std::vector<int>& red, const std::vector<int>& platelets = {}) {
    std::vector<e::transfusion_record> r;
    for (const int d : red) {
        r.push_back({transplant_day::at(d), e::blood_product::red_cells});
    }
    for (const int d : platelets) {
        r.push_back({transplant_day::at(d), e::blood_product::platelets});
    }
    auto out = e::make_transfusion_log(r);
    REQUIRE(out.has_value());
    return *out;
}
e::red_cell_result assess(const series& s, const std::vector<int>& red, const e::red_cell_options& o = {}) {
    auto r = e::assess_red_cell_recovery(make(s), tx(red), o);
    REQUIRE(r.has_value());
    return *r;
}
std::optional<int> day(const e::red_cell_result& r) {
    return r.day ? std::optional<int>(r.day->number()) : std::nullopt;
}
}  // namespace

TEST_CASE("a recovery after transfusions: each run day 7 days clear of the last one", "[ENG-RBC-001][EBMT-2019]") {
    // D+3 at 75 g/L starts the count; D+8, D+10 and D+14 are above 80 but within 7 days of a
    // transfusion (D+5, D+9); D+16 is 7 days after D+9
    const series s{{1, 90}, {3, 75}, {8, 85}, {10, 82}, {14, 81}, {16, 84}, {17, 86}, {18, 90}};
    const auto r = assess(s, {5, 9});
    CHECK(r.status == e::engraftment_status::engrafted);
    CHECK(day(r) == 16);
    CHECK(r.counting_from->number() == 3);
    CHECK(r.last_transfusion->number() == 9);
    REQUIRE(r.criteria.size() >= 4);
    CHECK(r.criteria[0].criterion.id == e::red_cell_criterion::not_above_threshold);
    CHECK(r.criteria[0].criterion.measured.number() == 75.0);
    CHECK(r.criteria[0].criterion.threshold == 80.0);
    CHECK(r.criteria[1].criterion.id == e::red_cell_criterion::run_day);
    CHECK(r.criteria[1].criterion.verified);  // the cited threshold
    CHECK(r.criteria[2].criterion.id == e::red_cell_criterion::transfusion_free);
    CHECK(r.criteria[2].criterion.measured.number() == 7.0);
    CHECK_FALSE(r.criteria[2].criterion.verified);  // the window is hsct's policy [P]
    // one value short: not yet
    const series short_of_one{{3, 75}, {16, 84}, {17, 86}};
    CHECK(assess(short_of_one, {5, 9}).status == e::engraftment_status::not_yet);
}

TEST_CASE("the threshold below, at and above, under both comparisons", "[ENG-RBC-001][ENG-RBC-002][EBMT-2019]") {
    const auto run_at = [](double v) { return series{{2, 70}, {10, v}, {11, v}, {12, v}}; };
    CHECK(assess(run_at(79.0), {}).status == e::engraftment_status::not_yet);
    CHECK(assess(run_at(80.0), {}).status == e::engraftment_status::not_yet);  // > 80: exactly 80 is not above
    CHECK(day(assess(run_at(81.0), {})) == 10);
    e::red_cell_options inclusive;
    inclusive.comparison = hsct::comparator::greater_equal;
    CHECK(day(assess(run_at(80.0), {}, inclusive)) == 10);
    CHECK(assess(run_at(79.0), {}, inclusive).status == e::engraftment_status::not_yet);
    // the same values in g/dL read the same (the threshold is a haemoglobin, not a number)
    std::vector<e::count_record<hsct::haemoglobin>> gdl{{transplant_day::at(2), hsct::haemoglobin(7.0, u::g_per_dl)},
                                                        {transplant_day::at(10), hsct::haemoglobin(8.1, u::g_per_dl)},
                                                        {transplant_day::at(11), hsct::haemoglobin(8.1, u::g_per_dl)},
                                                        {transplant_day::at(12), hsct::haemoglobin(8.1, u::g_per_dl)}};
    const auto s = e::consolidate<hsct::haemoglobin>(gdl);
    REQUIRE(s.has_value());
    CHECK(e::assess_red_cell_recovery(*s, tx({}))->day->number() == 10);
    // a centre's threshold: its criteria are not the cited ones
    e::red_cell_options centre;
    centre.threshold = hsct::haemoglobin(90.0, u::g_per_l);
    const auto c = assess({{2, 70}, {10, 95}, {11, 95}, {12, 95}}, {}, centre);
    CHECK(day(c) == 10);
    CHECK_FALSE(c.criteria[1].criterion.verified);
    CHECK(day(assess({{2, 70}, {10, 85}, {11, 95}, {12, 95}, {13, 95}}, {}, centre)) == 11);
}

TEST_CASE("red cells: the transfusion-free interval at its edge, and a transfusion inside the run", "[ENG-RBC-002]") {
    const series s{{1, 70}, {8, 85}, {9, 86}, {10, 87}, {11, 88}};
    CHECK(day(assess(s, {2})) == 9);   // D+8 is 6 days after D+2, D+9 is 7
    CHECK(day(assess(s, {1})) == 8);   // 7 days exactly: counts
    CHECK(day(assess(s, {2, 9})) == std::nullopt);  // a transfusion on a run day breaks it
    e::red_cell_options longer;
    longer.transfusion_free_days = 30;
    CHECK(assess(s, {2}, longer).status == e::engraftment_status::not_yet);
    // platelet transfusions do not count against red-cell recovery
    CHECK(day(assess(s, {}, {})) == 8);
    const auto r = e::assess_red_cell_recovery(make(s), tx({}, {7, 8}));
    CHECK(r->day->number() == 8);
    CHECK_FALSE(r->last_transfusion.has_value());
}

TEST_CASE("counting starts at the first value not above, or the first transfusion", "[ENG-RBC-002][ENG-RBC-003]") {
    // never at or below 80 and never transfused: nothing to recover from
    const auto never = assess({{1, 120}, {7, 110}, {14, 100}}, {});
    CHECK(never.status == e::engraftment_status::never_below_threshold);
    CHECK(never.criteria.empty());
    // a transfusion starts the count even when every value is above
    const auto by_tx = assess({{1, 120}, {10, 110}, {11, 100}, {12, 95}}, {2});
    CHECK(by_tx.counting_from->number() == 2);
    CHECK(by_tx.criteria[0].criterion.id == e::red_cell_criterion::transfused);
    CHECK(day(by_tx) == 10);
    // values before Day 0 are not read
    CHECK(assess({{-3, 60}, {-1, 70}}, {}).status == e::engraftment_status::no_values);
    CHECK(assess({}, {}).status == e::engraftment_status::no_values);
    // calendar days: a gap breaks the run
    e::red_cell_options cal;
    cal.consecutive = e::consecutive_rule::calendar_days;
    const series gap{{1, 70}, {10, 85}, {12, 85}, {13, 85}, {14, 85}};
    CHECK(day(assess(gap, {})) == 10);
    CHECK(day(assess(gap, {}, cal)) == 12);
}

TEST_CASE("red cells: what broke the latest run is named", "[ENG-RBC-003]") {
    const auto r = assess({{1, 70}, {10, 85}, {11, 75}, {12, 85}}, {});
    CHECK(r.status == e::engraftment_status::not_yet);
    bool broken = false;
    for (const auto& c : r.criteria) {
        if (c.criterion.id == e::red_cell_criterion::run_broken) {
            broken = true;
            CHECK(c.day.number() == 11);
            CHECK(c.criterion.result == hsct::outcome::not_met);
        }
    }
    CHECK(broken);
}

TEST_CASE("a centre's threshold below, at and above it: where counting starts and which values count",
          "[ENG-RBC-002]") {
    struct policy_case {
        double threshold;  // g/L
        hsct::comparator comparison;
        series s;
        int counting_from;
        int recovered;
    };
    using c = hsct::comparator;
    // Each first series opens above the threshold (no nadir), then is exactly at it: under "greater"
    // that value is not above and starts the count, under "greater_equal" it is no nadir. After the
    // start a value below the threshold and one exactly at it count only as "greater_equal" reads
    // them. Each second series starts below the threshold on its first day.
    const std::vector<policy_case> cases{
        // the lowest threshold a centre may set, 50 g/L
        {50.0, c::greater, {{1, 60}, {2, 50}, {3, 45}, {4, 50}, {5, 55}, {6, 56}, {7, 57}}, 2, 5},
        {50.0, c::greater, {{1, 45}, {8, 55}, {9, 55}, {10, 55}}, 1, 8},
        // a threshold with a decimal, 82.5 g/L
        {82.5, c::greater, {{1, 90}, {2, 82.5}, {3, 80}, {4, 82.5}, {5, 83}, {6, 85}, {7, 86}}, 2, 5},
        {82.5, c::greater, {{1, 80}, {8, 83}, {9, 83}, {10, 83}}, 1, 8},
        // 90 g/L, strictly above
        {90.0, c::greater, {{1, 95}, {2, 90}, {3, 85}, {4, 90}, {5, 95}, {6, 95}, {7, 95}}, 2, 5},
        {90.0, c::greater, {{1, 85}, {8, 95}, {9, 95}, {10, 95}}, 1, 8},
        // 80 g/L, at or above: exactly 80 is no nadir and counts
        {80.0, c::greater_equal, {{1, 85}, {2, 80}, {3, 75}, {4, 80}, {5, 85}, {6, 80}}, 3, 4},
        // 90 g/L, at or above
        {90.0, c::greater_equal, {{0, 100}, {1, 90}, {2, 85}, {3, 88}, {4, 90}, {5, 95}, {6, 92}}, 2, 4},
    };
    for (const auto& k : cases) {
        INFO(k.threshold << " g/L, " << id(k.comparison) << ", from D+" << k.s.front().first);
        e::red_cell_options o;
        o.threshold = hsct::haemoglobin(k.threshold, u::g_per_l);
        o.comparison = k.comparison;
        const auto r = assess(k.s, {}, o);
        CHECK(r.status == e::engraftment_status::engrafted);
        CHECK(day(r) == k.recovered);
        REQUIRE(r.counting_from.has_value());
        CHECK(r.counting_from->number() == k.counting_from);
        REQUIRE_FALSE(r.criteria.empty());
        const auto& start = r.criteria[0];
        CHECK(start.criterion.id == e::red_cell_criterion::not_above_threshold);
        CHECK(start.criterion.threshold == k.threshold);
        CHECK(start.criterion.cmp == (k.comparison == c::greater ? c::less_equal : c::less));
        CHECK_FALSE(start.criterion.verified);  // a centre's threshold, not the cited one
    }
}

TEST_CASE("red cells: a run broken by a value at the threshold, or above it but too soon after a transfusion",
          "[ENG-RBC-001][ENG-RBC-003][EBMT-2019]") {
    const auto broken = [](const e::red_cell_result& r, hsct::measure::kind k) {
        std::optional<e::dated_criterion<e::red_cell_criterion>> out;
        for (const auto& c : r.criteria) {
            if (c.criterion.id == e::red_cell_criterion::run_broken && c.criterion.measured.what() == k) {
                out = c;
            }
        }
        return out;
    };
    using kind = hsct::measure::kind;
    // > 80 g/L: exactly 80 on D+11 is not above, so it breaks the run D+10 began
    const auto at = assess({{1, 70}, {10, 85}, {11, 80}, {12, 85}}, {});
    CHECK(at.status == e::engraftment_status::not_yet);
    const auto at_hb = broken(at, kind::quantity);
    REQUIRE(at_hb.has_value());
    CHECK(at_hb->day.number() == 11);
    CHECK(at_hb->criterion.measured.number() == 80.0);
    CHECK(at_hb->criterion.cmp == hsct::comparator::greater);
    CHECK(at_hb->criterion.result == hsct::outcome::not_met);
    CHECK_FALSE(broken(at, kind::count).has_value());  // no transfusion: no interval to name
    // 90 g/L on D+11 is above 80, but a red-cell transfusion that day breaks the run: the value is
    // met, the interval (0 days of 7) is not
    const auto above = assess({{1, 70}, {10, 85}, {11, 90}, {12, 85}}, {11});
    CHECK(above.status == e::engraftment_status::not_yet);
    CHECK(above.counting_from->number() == 1);
    CHECK(above.last_transfusion->number() == 11);
    const auto above_hb = broken(above, kind::quantity);
    REQUIRE(above_hb.has_value());
    CHECK(above_hb->day.number() == 11);
    CHECK(above_hb->criterion.result == hsct::outcome::met);
    const auto above_gap = broken(above, kind::count);
    REQUIRE(above_gap.has_value());
    CHECK(above_gap->criterion.measured.number() == 0.0);
    CHECK(above_gap->criterion.result == hsct::outcome::not_met);
    // a centre's >= 90 g/L: a value exactly at 90, and one above it, each on a transfusion day
    e::red_cell_options centre;
    centre.threshold = hsct::haemoglobin(90.0, u::g_per_l);
    centre.comparison = hsct::comparator::greater_equal;
    for (const double v : {90.0, 95.0}) {
        INFO(v << " g/L");
        const auto r = assess({{1, 70}, {10, 95}, {11, v}, {12, 95}}, {11}, centre);
        CHECK(r.status == e::engraftment_status::not_yet);
        const auto hb = broken(r, kind::quantity);
        REQUIRE(hb.has_value());
        CHECK(hb->day.number() == 11);
        CHECK(hb->criterion.measured.number() == v);
        CHECK(hb->criterion.cmp == hsct::comparator::greater_equal);
        CHECK(hb->criterion.result == hsct::outcome::met);  // at 90 counts under >=: the transfusion broke it
        const auto gap = broken(r, kind::count);
        REQUIRE(gap.has_value());
        CHECK(gap->criterion.result == hsct::outcome::not_met);
    }
}

TEST_CASE("red cells refused: options and days out of range", "[ENG-RBC-002]") {
    const auto s = make({{5, 70}});
    const auto t = tx({});
    e::red_cell_options o;
    o.threshold = hsct::haemoglobin(130.0, u::g_per_l);
    auto r = e::assess_red_cell_recovery(s, t, o);
    CHECK(r.error().field() == "options.threshold");
    CHECK(r.error().value() == "130 g/L");
    o = {};
    o.threshold = hsct::haemoglobin(49.0, u::g_per_l);
    CHECK(e::assess_red_cell_recovery(s, t, o).error().field() == "options.threshold");
    o.threshold = hsct::haemoglobin(50.0, u::g_per_l);
    CHECK(e::assess_red_cell_recovery(s, t, o).has_value());
    o = {};
    o.comparison = hsct::comparator::less;
    CHECK(e::assess_red_cell_recovery(s, t, o).error().field() == "options.comparison");
    o = {};
    o.run_length = 8;
    CHECK(e::assess_red_cell_recovery(s, t, o).error().field() == "options.run_length");
    o = {};
    o.transfusion_free_days = 91;
    CHECK(e::assess_red_cell_recovery(s, t, o).error().field() == "options.transfusion_free_days");
    o.transfusion_free_days = 90;
    CHECK(e::assess_red_cell_recovery(s, t, o).has_value());
    o = {};
    o.consecutive = static_cast<e::consecutive_rule>(7);
    CHECK(e::assess_red_cell_recovery(s, t, o).error().field() == "options.consecutive");
    const std::vector<e::day_value<hsct::haemoglobin>> unsorted{
        {transplant_day::at(5), hsct::haemoglobin(80.0, u::g_per_l)},
        {transplant_day::at(4), hsct::haemoglobin(80.0, u::g_per_l)}};
    CHECK(e::assess_red_cell_recovery(unsorted, t).error().field() == "days[1].day");
}

TEST_CASE("assess_red_cell_recovery allocates nothing on success", "[ENG-RBC-001]") {
    const auto s = make({{1, 70}, {10, 85}, {11, 85}, {12, 85}});
    const auto t = tx({3});
    hsct_test::allocation_counter count;
    const auto r = e::assess_red_cell_recovery(s, t);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
}

}  // namespace hsct_test_engraftment_red_cell_test
