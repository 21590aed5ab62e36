// Tests for include/hsct/engraftment/neutrophil.hpp: the reference notes' EN-1..EN-5, the
// threshold below/at/above under both definitions, gaps under both readings of "consecutive",
// the nadir, run lengths, incomplete runs, and refusals.
#include <hsct/engraftment/neutrophil.hpp>

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
namespace hsct_test_engraftment_neutrophil_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;

namespace {
using series = std::vector<std::pair<int, double>>;
e::day_series<hsct::anc> make(const series& s) {
    std::vector<e::count_record<hsct::anc>> r;
    for (const auto& [d, v] : s) {
        r.push_back({hsct::transplant_day::at(d), hsct::anc(v, u::giga_per_l)});
    }
    auto out = e::consolidate<hsct::anc>(r);
    REQUIRE(out.has_value());
    return *out;
}
e::neutrophil_result assess(const series& s, const e::neutrophil_options& o = {}) {
    auto r = e::assess_neutrophil_engraftment(make(s), o);
    REQUIRE(r.has_value());
    return *r;
}
std::optional<int> day(const e::neutrophil_result& r) {
    return r.day ? std::optional<int>(r.day->number()) : std::nullopt;
}
e::neutrophil_options ebmt_2019() {
    e::neutrophil_options o;
    o.definition = e::neutrophil_definition::ebmt_2019;
    return o;
}
e::neutrophil_options calendar() {
    e::neutrophil_options o;
    o.consecutive = e::consecutive_rule::calendar_days;
    return o;
}
}  // namespace

TEST_CASE("EN-1: the first of three days at or above 0.5", "[ENG-NEUT-001][EN-1][CIBMTR]") {
    const auto r = assess({{10, 0.1}, {11, 0.3}, {12, 0.6}, {13, 0.8}, {14, 1.2}});
    CHECK(r.status == e::engraftment_status::engrafted);
    CHECK(day(r) == 12);
    CHECK(r.nadir_day->number() == 10);
    // the evidence: the nadir, then the three days of the run
    REQUIRE(r.criteria.size() == 4);
    CHECK(r.criteria[0].criterion.id == e::neutrophil_criterion::nadir);
    CHECK(r.criteria[1].day.number() == 12);
    CHECK(r.criteria[1].criterion.measured.number() == 0.6);
    CHECK(r.criteria[1].criterion.threshold == 0.5);
    CHECK(r.criteria[1].criterion.cmp == hsct::comparator::greater_equal);
    CHECK(r.criteria[3].day.number() == 14);
}

TEST_CASE("EN-2: a value below breaks the run", "[ENG-NEUT-001][EN-2][CIBMTR]") {
    CHECK(day(assess({{9, 0.2}, {12, 0.6}, {13, 0.4}, {14, 0.7}, {15, 0.9}, {16, 1.1}})) == 14);
}

TEST_CASE("EN-3: at exactly 0.5, under each definition", "[ENG-NEUT-001][ENG-NEUT-002][EN-3][HB24]") {
    // the notes' rows start after the nadir; a nadir on D+8 is added
    const series s{{8, 0.1}, {12, 0.50}, {13, 0.55}, {14, 0.70}, {15, 0.90}};
    CHECK(day(assess(s)) == 12);               // >= 0.5: ASTCT 2021, EBMT 2024, CIBMTR
    CHECK(day(assess(s, ebmt_2019())) == 13);  // > 0.5: EBMT 2019, historical
    CHECK(assess(s, ebmt_2019()).criteria[1].criterion.cmp == hsct::comparator::greater);
}

TEST_CASE("EN-4: residual counts before the nadir do not count", "[ENG-NEUT-001][ENG-NEUT-002][EN-4]") {
    const auto r = assess({{0, 2.0}, {1, 1.8}, {2, 1.1}, {6, 0.05}, {15, 0.6}, {16, 0.7}, {17, 0.9}});
    CHECK(day(r) == 15);
    CHECK(r.nadir_day->number() == 6);
    // values before Day 0 are not read
    CHECK(day(assess({{-3, 0.1}, {0, 2.0}, {1, 1.8}, {2, 1.1}, {6, 0.05}, {15, 0.6}, {16, 0.7}, {17, 0.9}})) == 15);
}

TEST_CASE("EN-5: values on non-consecutive days", "[ENG-NEUT-002][EN-5][CIBMTR]") {
    const series s{{9, 0.1}, {14, 0.6}, {16, 0.8}, {19, 1.0}};
    CHECK(day(assess(s)) == 14);  // CIBMTR: consecutive values drawn on different days
    const auto cal = assess(s, calendar());
    CHECK(cal.status == e::engraftment_status::not_yet);  // every gap breaks the run
    CHECK_FALSE(cal.day.has_value());
    // with the days filled in, the calendar reading agrees
    CHECK(day(assess({{9, 0.1}, {14, 0.6}, {15, 0.7}, {16, 0.8}}, calendar())) == 14);
}

TEST_CASE("the threshold below, at and above", "[ENG-NEUT-001]") {
    for (const auto& [v, ge, gt] : {std::tuple{0.49, false, false}, std::tuple{0.5, true, false},
                                    std::tuple{0.51, true, true}}) {
        INFO(v);
        const series s{{5, 0.1}, {10, v}, {11, v}, {12, v}};
        CHECK((assess(s).status == e::engraftment_status::engrafted) == ge);
        CHECK((assess(s, ebmt_2019()).status == e::engraftment_status::engrafted) == gt);
    }
}

TEST_CASE("counting starts only below 0.5: a value exactly at it is no nadir", "[ENG-NEUT-001][ENG-NEUT-002][ENG-NEUT-003]") {
    // at 0.5 from Day 0: never below the threshold, so nothing to engraft from
    CHECK(assess({{0, 0.5}, {1, 0.5}, {2, 0.6}, {3, 0.7}}).status == e::engraftment_status::never_below_threshold);
    // just below on Day 0: the nadir, then three days at or above from D+1
    const auto r = assess({{0, 0.49}, {1, 0.5}, {2, 0.6}, {3, 0.7}});
    REQUIRE(r.nadir_day.has_value());
    CHECK(r.nadir_day->number() == 0);
    CHECK(day(r) == 1);
    // above it from Day 0: never below
    CHECK(assess({{0, 0.51}, {1, 0.6}, {2, 0.7}}).status == e::engraftment_status::never_below_threshold);
}

TEST_CASE("neutrophil_engraftment_day: below, at and above 0.5 under each definition, and the nadir's edge",
          "[ENG-NEUT-001][ENG-NEUT-002][ENG-NEUT-003]") {
    const auto lean = [](const series& s, const e::neutrophil_options& o) {
        std::vector<e::day_value<hsct::anc>> days;
        for (const auto& [d, v] : s) {
            days.push_back({hsct::transplant_day::at(d), hsct::anc(v, u::giga_per_l)});
        }
        auto r = e::neutrophil_engraftment_day(days, o);
        REQUIRE(r.has_value());
        return *r;
    };
    for (const auto& [v, ge, gt] : {std::tuple{0.49, false, false}, std::tuple{0.5, true, false},
                                    std::tuple{0.51, true, true}}) {
        INFO(v);
        const series s{{5, 0.1}, {10, v}, {11, v}, {12, v}};
        CHECK((lean(s, {}).status == e::engraftment_status::engrafted) == ge);
        CHECK((lean(s, ebmt_2019()).status == e::engraftment_status::engrafted) == gt);
    }
    CHECK(lean({{0, 0.5}, {1, 0.5}, {2, 0.6}, {3, 0.7}}, {}).status == e::engraftment_status::never_below_threshold);
    const auto r = lean({{0, 0.49}, {1, 0.5}, {2, 0.6}, {3, 0.7}}, {});
    REQUIRE(r.day.has_value());
    CHECK(r.day->number() == 1);
}

TEST_CASE("run lengths, incomplete runs, and what broke the latest run", "[ENG-NEUT-002][ENG-NEUT-003]") {
    e::neutrophil_options two;
    two.run_length = 2;
    const series s{{5, 0.1}, {10, 0.6}, {11, 0.7}, {12, 0.3}, {13, 0.8}};
    CHECK(day(assess(s, two)) == 10);
    const auto r = assess(s);
    CHECK(r.status == e::engraftment_status::not_yet);
    // the nadir, what broke the run (D+12), and the run in progress (D+13)
    REQUIRE(r.criteria.size() == 3);
    CHECK(r.criteria[1].criterion.id == e::neutrophil_criterion::run_broken);
    CHECK(r.criteria[1].day.number() == 12);
    CHECK(r.criteria[1].criterion.result == hsct::outcome::not_met);
    CHECK(r.criteria[2].day.number() == 13);
    e::neutrophil_options one;
    one.run_length = 1;
    CHECK(day(assess(s, one)) == 10);
}

TEST_CASE("no nadir, no values", "[ENG-NEUT-003]") {
    CHECK(assess({{1, 2.0}, {2, 1.5}, {3, 0.9}}).status == e::engraftment_status::never_below_threshold);
    CHECK(assess({}).status == e::engraftment_status::no_values);
    CHECK(assess({{-5, 0.1}, {-4, 0.2}}).status == e::engraftment_status::no_values);
}

TEST_CASE("refused: options and a day series out of order", "[ENG-NEUT-002][ENG-SERIES-002]") {
    const auto s = make({{5, 0.1}});
    for (const std::uint8_t n : {std::uint8_t{0}, std::uint8_t{8}}) {
        e::neutrophil_options o;
        o.run_length = n;
        CHECK(e::assess_neutrophil_engraftment(s, o).error().field() == "options.run_length");
    }
    e::neutrophil_options bad;
    bad.definition = static_cast<e::neutrophil_definition>(7);
    CHECK(e::assess_neutrophil_engraftment(s, bad).error().field() == "options.definition");
    bad = {};
    bad.consecutive = static_cast<e::consecutive_rule>(0);
    CHECK(e::assess_neutrophil_engraftment(s, bad).error().field() == "options.consecutive");
    // a hand-made day list must be strictly increasing and in range
    const std::vector<e::day_value<hsct::anc>> twice{{hsct::transplant_day::at(3), hsct::anc(0.1, u::giga_per_l)},
                                                     {hsct::transplant_day::at(3), hsct::anc(0.6, u::giga_per_l)}};
    CHECK(e::assess_neutrophil_engraftment(twice).error().field() == "days[1].day");
    const std::vector<e::day_value<hsct::anc>> nan{
        {hsct::transplant_day::at(3), hsct::anc(std::numeric_limits<double>::quiet_NaN(), u::giga_per_l)}};
    CHECK(e::assess_neutrophil_engraftment(nan).error().field() == "days[0].value");
}

TEST_CASE("assess_neutrophil_engraftment allocates nothing on success", "[ENG-NEUT-001]") {
    const auto s = make({{10, 0.1}, {11, 0.3}, {12, 0.6}, {13, 0.8}, {14, 1.2}});
    hsct_test::allocation_counter count;
    const auto r = e::assess_neutrophil_engraftment(s);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->status == e::engraftment_status::engrafted);
}

TEST_CASE("neutrophil_engraftment_day agrees with the full assessment", "[ENG-NEUT-001][ENG-NEUT-003]") {
    std::mt19937 rng(12);
    std::uniform_real_distribution<double> v(0.0, 1.4);
    std::uniform_int_distribution<int> step(1, 3);
    std::vector<e::neutrophil_options> policies;
    for (const auto d : {e::neutrophil_definition::astct_2021, e::neutrophil_definition::ebmt_2019}) {
        for (const auto c : {e::consecutive_rule::measurement_days, e::consecutive_rule::calendar_days}) {
            for (const std::uint8_t n : {std::uint8_t{1}, std::uint8_t{2}, std::uint8_t{3}, std::uint8_t{7}}) {
                policies.push_back(e::neutrophil_options{d, c, n});
            }
        }
    }
    for (int round = 0; round < 2000; ++round) {
        std::vector<e::day_value<hsct::anc>> days;
        int d = -4;
        const int n = round % 10 == 0 ? static_cast<int>(rng() % 4) : 30;  // some short lists, some empty
        for (int k = 0; k < n; ++k) {
            d += step(rng);
            days.push_back({hsct::transplant_day::at(d), hsct::anc(v(rng), u::giga_per_l)});
        }
        if (round % 25 == 1) {  // a list the rules refuse: a day again, a value out of range or not a number
            const auto at = static_cast<std::size_t>(rng() % days.size());
            const int fault = round % 3;
            if (fault == 0 && at > 0) {
                days[at].day = days[at - 1].day;
            } else {
                days[at].value = hsct::anc(fault == 1 ? 1e4 : std::numeric_limits<double>::quiet_NaN(), u::giga_per_l);
            }
        }
        for (const auto& o : policies) {
            const auto full = e::assess_neutrophil_engraftment(days, o);
            const auto lean = e::neutrophil_engraftment_day(days, o);
            INFO("round " << round << ", " << id(o.definition) << ", " << id(o.consecutive) << ", run "
                          << int{o.run_length});
            REQUIRE(full.has_value() == lean.has_value());
            if (!full) {
                CHECK(lean.error() == full.error());
                continue;
            }
            CHECK(lean->status == full->status);
            CHECK(lean->day == full->day);
        }
    }
    CHECK(e::neutrophil_engraftment_day(std::vector<e::day_value<hsct::anc>>{}, {})->status ==
          e::engraftment_status::no_values);
}

TEST_CASE("neutrophil_engraftment_day: the same refusals, and no allocation", "[ENG-NEUT-002][ENG-SERIES-002]") {
    const auto s = make({{5, 0.1}, {10, 0.6}, {11, 0.7}, {12, 0.8}});
    e::neutrophil_options o;
    o.run_length = 0;
    CHECK(e::neutrophil_engraftment_day(s.days(), o).error().field() == "options.run_length");
    o = {};
    o.definition = static_cast<e::neutrophil_definition>(3);
    CHECK(e::neutrophil_engraftment_day(s.days(), o).error().field() == "options.definition");
    const std::vector<e::day_value<hsct::anc>> back{{hsct::transplant_day::at(4), hsct::anc(0.1, u::giga_per_l)},
                                                    {hsct::transplant_day::at(3), hsct::anc(0.6, u::giga_per_l)}};
    CHECK(e::neutrophil_engraftment_day(back).error().field() == "days[1].day");
    hsct_test::allocation_counter count;
    const auto r = e::neutrophil_engraftment_day(s.days());
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->day->number() == 10);
}

}  // namespace hsct_test_engraftment_neutrophil_test
