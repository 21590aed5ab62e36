// Tests for include/hsct/engraftment/platelet.hpp: the reference notes' PL-1..PL-3 (CIBMTR's
// arithmetic), the thresholds below/at/above for each milestone, the 7-day interval at its edge,
// a transfusion on a run day, counting from a transfusion or a value below, and refusals.
#include <hsct/engraftment/platelet.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <tuple>
#include <utility>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_platelet_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
using series = std::vector<std::pair<int, double>>;
e::day_series<hsct::platelets> make(const series& s) {
    std::vector<e::count_record<hsct::platelets>> r;
    for (const auto& [d, v] : s) {
        r.push_back({transplant_day::at(d), hsct::platelets(v, u::giga_per_l)});
    }
    auto out = e::consolidate<hsct::platelets>(r);
    REQUIRE(out.has_value());
    return *out;
}
e::transfusion_log tx(const std::vector<int>& days) {
    std::vector<e::transfusion_record> r;
    for (const int d : days) {
        r.push_back({transplant_day::at(d), e::blood_product::platelets});
    }
    auto out = e::make_transfusion_log(r);
    REQUIRE(out.has_value());
    return *out;
}
e::platelet_result assess(const series& s, const std::vector<int>& transfusions,
                          e::platelet_milestone m = e::platelet_milestone::at_least_20) {
    e::platelet_options o;
    o.milestone = m;
    auto r = e::assess_platelet_engraftment(make(s), tx(transfusions), o);
    REQUIRE(r.has_value());
    return *r;
}
std::optional<int> day(const e::platelet_result& r) {
    return r.day ? std::optional<int>(r.day->number()) : std::nullopt;
}
const series pl1{{1, 30}, {2, 25}, {3, 10}, {4, 15}, {5, 19}, {6, 23}, {7, 25}, {8, 40}, {9, 50}, {10, 56}, {11, 65}};
}  // namespace

TEST_CASE("PL-1: CIBMTR's 7-day arithmetic, >= 20 and >= 50", "[ENG-PLT-001][PL-1][CIBMTR]") {
    const auto r = assess(pl1, {0});
    CHECK(r.status == e::engraftment_status::engrafted);
    CHECK(day(r) == 7);  // D+6 is only 6 days after the transfusion
    CHECK(r.counting_from->number() == 0);
    // the evidence: the transfusion that started the count, then each run day and its interval
    REQUIRE(r.criteria.size() == 7);
    CHECK(r.criteria[0].criterion.id == e::platelet_criterion::transfused);
    CHECK(r.criteria[1].criterion.id == e::platelet_criterion::run_day);
    CHECK(r.criteria[1].criterion.measured.number() == 25.0);
    CHECK(r.criteria[2].criterion.id == e::platelet_criterion::transfusion_free);
    CHECK(r.criteria[2].criterion.measured.number() == 7.0);
    CHECK(r.criteria[2].criterion.threshold == 7.0);
    CHECK(r.criteria[2].criterion.result == hsct::outcome::met);
    CHECK(day(assess(pl1, {0}, e::platelet_milestone::at_least_50)) == 9);  // 50 exactly counts
}

TEST_CASE("PL-2: values too close to the last transfusion do not count", "[ENG-PLT-001][PL-2][CIBMTR]") {
    const series s{{10, 8}, {18, 24}, {19, 26}, {20, 30}, {21, 31}, {22, 35}, {23, 40}};
    CHECK(day(assess(s, {14})) == 21);
    const series short_of_one{{10, 8}, {18, 24}, {19, 26}, {20, 30}, {21, 31}, {22, 35}};
    const auto r = assess(short_of_one, {14});
    CHECK(r.status == e::engraftment_status::not_yet);
    CHECK_FALSE(r.day.has_value());
}

TEST_CASE("PL-3: never below 20 and never transfused: not applicable", "[ENG-PLT-003][PL-3][CIBMTR]") {
    const auto r = assess({{1, 140}, {7, 90}, {14, 60}, {21, 80}}, {});
    CHECK(r.status == e::engraftment_status::never_below_threshold);
    CHECK_FALSE(r.counting_from.has_value());
    // a transfusion alone starts the count
    CHECK(assess({{1, 140}, {7, 90}, {14, 60}, {21, 80}, {22, 85}, {23, 90}}, {5}).status ==
          e::engraftment_status::engrafted);
    CHECK(assess({}, {}).status == e::engraftment_status::no_values);
}

TEST_CASE("each milestone below, at and above its threshold", "[ENG-PLT-001][ENG-PLT-002]") {
    using M = e::platelet_milestone;
    for (const auto& [m, v, want] : {std::tuple{M::at_least_20, 19.9, false}, std::tuple{M::at_least_20, 20.0, true},
                                     std::tuple{M::at_least_20, 20.1, true}, std::tuple{M::at_least_50, 49.9, false},
                                     std::tuple{M::at_least_50, 50.0, true}, std::tuple{M::above_20_ebmt_2019, 20.0, false},
                                     std::tuple{M::above_20_ebmt_2019, 20.1, true}}) {
        INFO(id(m) << " " << v);
        const series s{{5, 5}, {20, v}, {21, v}, {22, v}};
        CHECK((assess(s, {}, m).status == e::engraftment_status::engrafted) == want);
    }
}

TEST_CASE("counting starts only below the milestone's threshold: a count exactly at it is no nadir",
          "[ENG-PLT-001][ENG-PLT-002][ENG-PLT-003]") {
    using M = e::platelet_milestone;
    for (const auto& [m, t] : {std::tuple{M::at_least_20, 20.0}, std::tuple{M::at_least_50, 50.0}}) {
        INFO(id(m));
        // at the threshold from D+1 and never transfused: never below it
        CHECK(assess({{1, t}, {7, t}, {14, t + 5}, {21, t + 10}}, {}, m).status ==
              e::engraftment_status::never_below_threshold);
        // a tenth below on D+1: counting starts there, and D+7 is the first of three at or above
        const auto r = assess({{1, t - 0.1}, {7, t}, {14, t + 5}, {21, t + 10}}, {}, m);
        REQUIRE(r.counting_from.has_value());
        CHECK(r.counting_from->number() == 1);
        CHECK(day(r) == 7);
    }
}

TEST_CASE("platelet_engraftment_day: each milestone below, at and above its threshold, and the nadir's edge",
          "[ENG-PLT-001][ENG-PLT-002][ENG-PLT-003]") {
    using M = e::platelet_milestone;
    const auto lean = [](const series& s, M m) {
        e::platelet_options o;
        o.milestone = m;
        auto r = e::platelet_engraftment_day(make(s).days(), tx({}), o);
        REQUIRE(r.has_value());
        return *r;
    };
    for (const auto& [m, v, want] : {std::tuple{M::at_least_20, 19.9, false}, std::tuple{M::at_least_20, 20.0, true},
                                     std::tuple{M::at_least_20, 20.1, true}, std::tuple{M::at_least_50, 49.9, false},
                                     std::tuple{M::at_least_50, 50.0, true}, std::tuple{M::at_least_50, 50.1, true},
                                     std::tuple{M::above_20_ebmt_2019, 19.9, false},
                                     std::tuple{M::above_20_ebmt_2019, 20.0, false},
                                     std::tuple{M::above_20_ebmt_2019, 20.1, true}}) {
        INFO(id(m) << " " << v);
        CHECK((lean({{5, 5}, {20, v}, {21, v}, {22, v}}, m).status == e::engraftment_status::engrafted) == want);
    }
    CHECK(lean({{1, 20}, {7, 20}, {14, 25}, {21, 30}}, M::at_least_20).status ==
          e::engraftment_status::never_below_threshold);
    const auto r = lean({{1, 19.9}, {7, 20}, {14, 25}, {21, 30}}, M::at_least_20);
    REQUIRE(r.day.has_value());
    CHECK(r.day->number() == 7);
}

TEST_CASE("the transfusion-free interval at its edge, and a transfusion inside the run", "[ENG-PLT-001][ENG-PLT-002]") {
    const series s{{5, 5}, {20, 30}, {21, 30}, {22, 30}, {23, 30}, {24, 30}};
    CHECK(day(assess(s, {13})) == 20);  // 20 - 13 = 7: allowed
    CHECK(day(assess(s, {14})) == 21);  // 20 - 14 = 6: D+20 excluded
    // a transfusion on D+21 (inside the would-be run): the run restarts after it
    const auto inside = assess(s, {5, 21});
    CHECK(inside.status == e::engraftment_status::not_yet);
    // a transfusion on a day counts against that day
    CHECK(day(assess({{5, 5}, {12, 30}, {13, 30}, {14, 30}}, {12})) == std::nullopt);
    // a centre's own interval
    e::platelet_options five;
    five.transfusion_free_days = 5;
    const auto r = e::assess_platelet_engraftment(make(s), tx({14}), five);
    CHECK(r->day->number() == 20);
}

TEST_CASE("what broke the latest run is named, with its interval", "[ENG-PLT-003]") {
    const auto r = assess({{5, 5}, {20, 30}, {21, 30}, {24, 30}, {25, 30}}, {5, 22});
    REQUIRE(r.status == e::engraftment_status::not_yet);
    bool broke = false;
    for (const auto& c : r.criteria) {
        if (c.criterion.id == e::platelet_criterion::run_broken && c.criterion.measured.what() == hsct::measure::kind::count) {
            broke = true;
            CHECK(c.day.number() == 24);
            CHECK(c.criterion.measured.number() == 2.0);  // 24 - 22
            CHECK(c.criterion.result == hsct::outcome::not_met);
        }
    }
    CHECK(broke);
}

TEST_CASE("what broke the latest run: a count exactly at each milestone's threshold", "[ENG-PLT-002][ENG-PLT-003]") {
    using M = e::platelet_milestone;
    const auto broken_count = [](const e::platelet_result& r) {
        std::optional<e::dated_criterion<e::platelet_criterion>> out;
        for (const auto& c : r.criteria) {
            if (c.criterion.id == e::platelet_criterion::run_broken &&
                c.criterion.measured.what() == hsct::measure::kind::quantity) {
                out = c;
            }
        }
        return out;
    };
    // EBMT 2019's > 20: exactly 20 on D+21 is not above it, and breaks the run D+20 began
    const auto ebmt = assess({{5, 5}, {20, 30}, {21, 20}, {22, 30}}, {}, M::above_20_ebmt_2019);
    CHECK(ebmt.status == e::engraftment_status::not_yet);
    const auto b = broken_count(ebmt);
    REQUIRE(b.has_value());
    CHECK(b->day.number() == 21);
    CHECK(b->criterion.measured.number() == 20.0);
    CHECK(b->criterion.cmp == hsct::comparator::greater);
    CHECK(b->criterion.result == hsct::outcome::not_met);
    // CIBMTR's >= 20 and >= 50: a count exactly at the threshold meets it, so only a platelet
    // transfusion that day (0 days of 7) breaks the run
    for (const auto& [m, t] : {std::tuple{M::at_least_20, 20.0}, std::tuple{M::at_least_50, 50.0}}) {
        INFO(id(m));
        const auto r = assess({{5, 5}, {20, t + 10}, {21, t}, {22, t + 10}}, {21}, m);
        CHECK(r.status == e::engraftment_status::not_yet);
        const auto at = broken_count(r);
        REQUIRE(at.has_value());
        CHECK(at->day.number() == 21);
        CHECK(at->criterion.measured.number() == t);
        CHECK(at->criterion.cmp == hsct::comparator::greater_equal);
        CHECK(at->criterion.result == hsct::outcome::met);
        bool interval = false;
        for (const auto& c : r.criteria) {
            if (c.criterion.id == e::platelet_criterion::run_broken &&
                c.criterion.measured.what() == hsct::measure::kind::count) {
                interval = true;
                CHECK(c.criterion.measured.number() == 0.0);
                CHECK(c.criterion.result == hsct::outcome::not_met);
            }
        }
        CHECK(interval);
        // without the transfusion the same counts engraft on D+20
        CHECK(day(assess({{5, 5}, {20, t + 10}, {21, t}, {22, t + 10}}, {}, m)) == 20);
    }
}

TEST_CASE("platelet_engraftment_day: a count exactly at 50 is no nadir for the 50 milestone",
          "[ENG-PLT-002][ENG-PLT-003]") {
    e::platelet_options o;
    o.milestone = e::platelet_milestone::at_least_50;
    const auto lean = [&](const series& s) {
        auto r = e::platelet_engraftment_day(make(s).days(), tx({}), o);
        REQUIRE(r.has_value());
        return *r;
    };
    // at 50 from D+1 (and above it after), never transfused: nothing to recover from
    CHECK(lean({{1, 50}, {7, 50}, {14, 55}, {21, 60}}).status == e::engraftment_status::never_below_threshold);
    // above, then exactly at 50, then a tenth below on D+7: counting starts there
    const auto r = lean({{1, 60}, {4, 50}, {7, 49.9}, {14, 50}, {21, 55}, {28, 60}});
    CHECK(r.status == e::engraftment_status::engrafted);
    REQUIRE(r.day.has_value());
    CHECK(r.day->number() == 14);
}

TEST_CASE("refused: options out of range", "[ENG-PLT-002]") {
    const auto s = make({{5, 5}});
    const auto t = tx({});
    e::platelet_options o;
    o.run_length = 0;
    CHECK(e::assess_platelet_engraftment(s, t, o).error().field() == "options.run_length");
    o = {};
    o.transfusion_free_days = 31;
    CHECK(e::assess_platelet_engraftment(s, t, o).error().field() == "options.transfusion_free_days");
    o = {};
    o.milestone = static_cast<e::platelet_milestone>(9);
    CHECK(e::assess_platelet_engraftment(s, t, o).error().field() == "options.milestone");
}

TEST_CASE("assess_platelet_engraftment allocates nothing on success", "[ENG-PLT-001]") {
    const auto s = make(pl1);
    const auto t = tx({0});
    hsct_test::allocation_counter count;
    const auto r = e::assess_platelet_engraftment(s, t);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
}

TEST_CASE("platelet_engraftment_day agrees with the full assessment", "[ENG-PLT-001][ENG-PLT-003]") {
    std::mt19937 rng(13);
    std::uniform_real_distribution<double> v(0.0, 80.0);
    std::uniform_int_distribution<int> step(1, 3);
    std::uniform_int_distribution<int> txday(-8, 40);
    using M = e::platelet_milestone;
    std::vector<e::platelet_options> policies;
    for (const auto m : {M::at_least_20, M::at_least_50, M::above_20_ebmt_2019}) {
        for (const auto c : {e::consecutive_rule::measurement_days, e::consecutive_rule::calendar_days}) {
            for (const std::uint8_t n : {std::uint8_t{1}, std::uint8_t{3}, std::uint8_t{7}}) {
                for (const std::uint8_t w : {std::uint8_t{1}, std::uint8_t{7}, std::uint8_t{30}}) {
                    policies.push_back(e::platelet_options{m, c, n, w});
                }
            }
        }
    }
    for (int round = 0; round < 2000; ++round) {
        std::vector<e::day_value<hsct::platelets>> days;
        int d = -4;
        const int n = round % 10 == 0 ? static_cast<int>(rng() % 4) : 30;  // some short lists, some empty
        for (int k = 0; k < n; ++k) {
            d += step(rng);
            days.push_back({transplant_day::at(d), hsct::platelets(v(rng), u::giga_per_l)});
        }
        if (round % 25 == 1) {  // a list the rules refuse: a day again, a value out of range or not a number
            const auto at = static_cast<std::size_t>(rng() % days.size());
            const int fault = round % 3;
            if (fault == 0 && at > 0) {
                days[at].day = days[at - 1].day;
            } else {
                days[at].value =
                    hsct::platelets(fault == 1 ? -1.0 : std::numeric_limits<double>::quiet_NaN(), u::giga_per_l);
            }
        }
        std::vector<int> given;
        for (int k = static_cast<int>(rng() % 5); k > 0; --k) {
            given.push_back(txday(rng));
        }
        const auto log = tx(given);
        for (const auto& o : policies) {
            const auto full = e::assess_platelet_engraftment(days, log, o);
            const auto lean = e::platelet_engraftment_day(days, log, o);
            INFO("round " << round << ", " << id(o.milestone) << ", " << id(o.consecutive) << ", run "
                          << int{o.run_length} << ", window " << int{o.transfusion_free_days});
            REQUIRE(full.has_value() == lean.has_value());
            if (!full) {
                CHECK(lean.error() == full.error());
                continue;
            }
            CHECK(lean->status == full->status);
            CHECK(lean->day == full->day);
        }
    }
}

TEST_CASE("platelet_engraftment_day: the same refusals, and no allocation", "[ENG-PLT-002][ENG-SERIES-002]") {
    const auto s = make(pl1);
    const auto t = tx({0});
    e::platelet_options o;
    o.transfusion_free_days = 31;
    CHECK(e::platelet_engraftment_day(s.days(), t, o).error().field() == "options.transfusion_free_days");
    o = {};
    o.milestone = static_cast<e::platelet_milestone>(0);
    CHECK(e::platelet_engraftment_day(s.days(), t, o).error().field() == "options.milestone");
    const std::vector<e::day_value<hsct::platelets>> twice{{transplant_day::at(4), hsct::platelets(10, u::giga_per_l)},
                                                           {transplant_day::at(4), hsct::platelets(30, u::giga_per_l)}};
    CHECK(e::platelet_engraftment_day(twice, t).error().field() == "days[1].day");
    hsct_test::allocation_counter count;
    const auto r = e::platelet_engraftment_day(s.days(), t);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->day->number() == 7);  // PL-1
}

}  // namespace hsct_test_engraftment_platelet_test
