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
