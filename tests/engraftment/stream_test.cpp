// Tests for include/hsct/engraftment/stream.hpp: results added one at a time, in any order, give
// after every result what the batch call on the results so far gives (property tests on random
// series, for neutrophils and for platelets with transfusions); in-order results extend the
// series and the scan in place (the incremental path, checked to be the one taken), other
// results rebuild and rescan; corrections before their result; refusals leave the stream
// unchanged; in-order results allocate nothing.
#include <hsct/engraftment/stream.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <tuple>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_stream_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using rec = e::count_record<hsct::anc>;
using prec = e::count_record<hsct::platelets>;
using hsct::transplant_day;

namespace {
rec anc(int day, double v, e::count_method m = e::count_method::automated, std::uint32_t id = 0,
        std::uint32_t replaces = 0) {
    return rec{transplant_day::at(day), hsct::anc(v, u::giga_per_l), m, id, replaces};
}
prec plt(int day, double v, e::count_method m = e::count_method::automated, std::uint32_t id = 0,
         std::uint32_t replaces = 0) {
    return prec{transplant_day::at(day), hsct::platelets(v, u::giga_per_l), m, id, replaces};
}
e::transfusion_record tx(int day, e::blood_product p = e::blood_product::platelets) {
    return e::transfusion_record{transplant_day::at(day), p};
}
template <class L>
bool same_criteria(const L& a, const L& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i].day == b[i].day) || !(a[i].criterion == b[i].criterion)) {
            return false;
        }
    }
    return true;
}
bool same_result(const e::neutrophil_result& a, const e::neutrophil_result& b) {
    return a.status == b.status && a.day == b.day && a.nadir_day == b.nadir_day &&
           same_criteria(a.criteria, b.criteria);
}
bool same_result(const e::platelet_result& a, const e::platelet_result& b) {
    return a.status == b.status && a.day == b.day && a.counting_from == b.counting_from &&
           same_criteria(a.criteria, b.criteria);
}
template <class A>
bool same_series(const e::day_series<A>& a, const e::day_series<A>& b) {
    return std::equal(a.days().begin(), a.days().end(), b.days().begin(), b.days().end());
}
// What the batch calls give on the results so far: the day series as a stream keeps it (a
// correction before its result stands, ENG-STREAM-001), then the rule.
template <class A>
e::day_series<A> batch_series(const std::vector<e::count_record<A>>& so_far, e::same_day_policy policy) {
    auto s = e::consolidate<A>(so_far, policy, e::unmatched_correction::keep);
    REQUIRE(s.has_value());
    return *s;
}

// A random series of results: some days twice (manual and automated), some results with an
// identifier, some corrected by a later result of the same day.
template <class A, class Make, class Value>
std::vector<e::count_record<A>> random_results(std::mt19937& rng, int n, Make make, Value& value) {
    std::uniform_int_distribution<int> day(-3, 35);
    std::uniform_int_distribution<int> kind(0, 9);
    std::vector<e::count_record<A>> all;
    std::uint32_t next_id = 1;
    for (int i = 0; i < n; ++i) {
        const int k = kind(rng);
        const int d = day(rng);
        if (k == 0 && !all.empty()) {  // a correction of an earlier result with an id
            const auto& target = all[static_cast<std::size_t>(rng() % all.size())];
            bool taken = false;
            for (const auto& r : all) {
                taken = taken || (r.replaces != 0 && r.replaces == target.id);
            }
            if (target.id != 0 && !taken) {
                all.push_back(make(target.day.number(), value(rng), e::count_method::automated, next_id++, target.id));
                continue;
            }
        }
        all.push_back(make(d, value(rng), k == 1 ? e::count_method::manual : e::count_method::automated,
                           k <= 3 ? next_id++ : 0, 0));
    }
    return all;
}

// The arrival orders tried: shuffled (three times), by day (the incremental path: results in
// order), and by day with a few late arrivals (in order, then out of order, then in order).
template <class T>
std::vector<std::vector<T>> arrival_orders(const std::vector<T>& all, std::mt19937& rng) {
    std::vector<std::vector<T>> orders;
    for (int k = 0; k < 3; ++k) {
        auto a = all;
        std::shuffle(a.begin(), a.end(), rng);
        orders.push_back(a);
    }
    auto by_day = all;
    std::stable_sort(by_day.begin(), by_day.end(), [](const T& x, const T& y) { return x.day < y.day; });
    orders.push_back(by_day);
    auto late = by_day;
    for (int k = 0; k < 3 && late.size() > 2; ++k) {  // a few results arrive later than their day
        const auto from = static_cast<std::size_t>(rng() % late.size());
        const auto to = std::min(late.size() - 1, from + 1 + static_cast<std::size_t>(rng() % 5));
        const auto first = late.begin() + static_cast<std::ptrdiff_t>(from);
        std::rotate(first, first + 1, late.begin() + static_cast<std::ptrdiff_t>(to) + 1);
    }
    orders.push_back(late);
    return orders;
}
}  // namespace

TEST_CASE("results in order: EN-1 one at a time", "[ENG-STREAM-001][ENG-STREAM-002][EN-1]") {
    e::neutrophil_stream s;
    CHECK(s.result().status == e::engraftment_status::no_values);
    const std::vector<rec> en1{anc(10, 0.1), anc(11, 0.3), anc(12, 0.6), anc(13, 0.8), anc(14, 1.2)};
    std::vector<e::engraftment_status> seen;
    for (const auto& r : en1) {
        const auto st = s.add(r);
        REQUIRE(st.has_value());
        seen.push_back(*st);
    }
    using S = e::engraftment_status;
    CHECK(seen == std::vector<S>{S::not_yet, S::not_yet, S::not_yet, S::not_yet, S::engrafted});
    CHECK(s.result().day->number() == 12);
    CHECK(same_result(s.result(), *e::assess_neutrophil_engraftment(*e::consolidate<hsct::anc>(en1))));
}

TEST_CASE("streams exactly at their thresholds: where counting starts and what qualifies, as batch",
          "[ENG-STREAM-002][ENG-STREAM-003][ENG-NEUT-001][ENG-NEUT-002][ENG-PLT-001][ENG-PLT-002]") {
    // neutrophils: a value at 0.5 starts no count; below, at and above 0.5 under each definition
    for (const auto def : {e::neutrophil_definition::astct_2021, e::neutrophil_definition::ebmt_2019}) {
        for (const double first : {0.49, 0.5, 0.51}) {
            for (const double v : {0.49, 0.5, 0.51}) {
                e::neutrophil_options o;
                o.definition = def;
                e::neutrophil_stream s(o);
                const std::vector<rec> in{anc(0, first), anc(1, v), anc(2, v), anc(3, v)};
                for (const auto& r : in) {
                    REQUIRE(s.add(r).has_value());
                }
                INFO(id(def) << " " << first << " " << v);
                const auto batch = *e::assess_neutrophil_engraftment(*e::consolidate<hsct::anc>(in), o);
                CHECK(same_result(s.result(), batch));
                const bool starts = first < 0.5;
                const bool qualifies = def == e::neutrophil_definition::astct_2021 ? v >= 0.5 : v > 0.5;
                CHECK((s.result().status == e::engraftment_status::engrafted) == (starts && qualifies));
            }
        }
    }
    // platelets: the same at 20 and 50, and EBMT 2019's strict 20
    using M = e::platelet_milestone;
    for (const auto& [m, t] : {std::tuple{M::at_least_20, 20.0}, std::tuple{M::at_least_50, 50.0},
                               std::tuple{M::above_20_ebmt_2019, 20.0}}) {
        for (const double first : {t - 0.1, t, t + 0.1}) {
            for (const double v : {t - 0.1, t, t + 0.1}) {
                e::platelet_options o;
                o.milestone = m;
                e::platelet_stream s(o);
                const std::vector<prec> in{plt(1, first), plt(8, v), plt(15, v), plt(22, v)};
                for (const auto& r : in) {
                    REQUIRE(s.add(r).has_value());
                }
                INFO(id(m) << " " << first << " " << v);
                const auto batch = *e::assess_platelet_engraftment(*e::consolidate<hsct::platelets>(in),
                                                                   *e::make_transfusion_log({}), o);
                CHECK(same_result(s.result(), batch));
                const bool starts = first < t - 0.05;
                const bool qualifies = m == M::above_20_ebmt_2019 ? v > t + 0.05 : v > t - 0.05;
                CHECK((s.result().status == e::engraftment_status::engrafted) == (starts && qualifies));
            }
        }
    }
}

TEST_CASE("streaming equals batch after every result, in any arrival order (property)",
          "[ENG-STREAM-001][ENG-STREAM-002][property]") {
    std::mt19937 rng(20261203);
    std::uniform_int_distribution<int> len(1, 40);
    std::uniform_real_distribution<double> value(0.0, 1.5);
    std::uniform_int_distribution<int> run(1, 7);
    std::size_t extended = 0;
    std::size_t rebuilt = 0;
    for (int round = 0; round < 300; ++round) {
        const auto all = random_results<hsct::anc>(rng, len(rng), anc, value);
        e::neutrophil_options o;  // the policies vary from round to round
        o.definition = rng() % 2 == 0 ? e::neutrophil_definition::astct_2021 : e::neutrophil_definition::ebmt_2019;
        o.consecutive = rng() % 3 == 0 ? e::consecutive_rule::calendar_days : e::consecutive_rule::measurement_days;
        o.run_length = static_cast<std::uint8_t>(round % 4 == 0 ? run(rng) : 3);
        const auto policy = rng() % 4 == 0 ? e::same_day_policy::lowest : e::same_day_policy::manual_then_lowest;
        const auto batch_series_all = e::consolidate<hsct::anc>(all, policy);
        REQUIRE(batch_series_all.has_value());
        const auto batch = e::assess_neutrophil_engraftment(*batch_series_all, o);
        REQUIRE(batch.has_value());
        int order = 0;
        for (const auto& arrival : arrival_orders(all, rng)) {
            e::neutrophil_stream s(o, policy);
            std::vector<rec> so_far;
            for (const auto& r : arrival) {
                const auto st = s.add(r);
                REQUIRE(st.has_value());
                so_far.push_back(r);
                // ENG-STREAM-002: the incremental path exactly when the result comes after every day
                // so far, corrects nothing and brings an identifier no earlier result has or names
                bool fresh = r.replaces == 0;
                for (std::size_t k = 0; k + 1 < so_far.size(); ++k) {
                    fresh = fresh && so_far[k].day < r.day &&
                            (r.id == 0 || (so_far[k].id != r.id && so_far[k].replaces != r.id));
                }
                CHECK(s.extended() == fresh);
                ++(fresh ? extended : rebuilt);
                const auto now = batch_series<hsct::anc>(so_far, policy);
                const auto expected = e::assess_neutrophil_engraftment(now, o);
                REQUIRE(expected.has_value());
                INFO("round " << round << ", order " << order << ", result " << so_far.size());
                REQUIRE(same_series(s.series(), now));
                REQUIRE(same_result(s.result(), *expected));
                CHECK(*st == expected->status);
            }
            CHECK(same_series(s.series(), *batch_series_all));
            CHECK(same_result(s.result(), *batch));
            ++order;
        }
    }
    // both paths were taken, the incremental one for most results in order
    CHECK(extended > 3000);
    CHECK(rebuilt > 3000);
}

TEST_CASE("results in order take the incremental path; others rebuild", "[ENG-STREAM-002]") {
    e::count_stream<hsct::anc> c;
    REQUIRE(c.add(anc(5, 0.2)).has_value());
    CHECK(c.extended());
    REQUIRE(c.add(anc(6, 0.3, e::count_method::automated, 7)).has_value());  // a new identifier
    CHECK(c.extended());
    REQUIRE(c.add(anc(6, 0.1, e::count_method::manual)).has_value());  // a second result of the last day
    CHECK_FALSE(c.extended());
    CHECK(c.series().days().back().value == hsct::anc(0.1, u::giga_per_l));  // the manual count
    REQUIRE(c.add(anc(4, 0.9)).has_value());  // an earlier day
    CHECK_FALSE(c.extended());
    // a correction of result 7 made on another day: refused
    REQUIRE(c.add(anc(8, 0.7, e::count_method::automated, 8, 7)).has_value() == false);
    REQUIRE(c.add(anc(6, 0.5, e::count_method::automated, 8, 7)).has_value());  // corrects result 7
    CHECK_FALSE(c.extended());
    REQUIRE(c.add(anc(9, 0.6, e::count_method::automated, 12, 30)).has_value());  // corrects one not here yet
    CHECK_FALSE(c.extended());
    REQUIRE(c.add(anc(10, 0.6, e::count_method::automated, 30)).has_value() == false);  // 12 named it on D+9
    REQUIRE(c.add(anc(11, 0.6)).has_value());
    CHECK(c.extended());
    CHECK(c.series().size() == 5);
    // the policy a stream was made with is its series' policy from the first result on
    e::count_stream<hsct::anc> lowest(e::same_day_policy::lowest);
    REQUIRE(lowest.add(anc(1, 0.4)).has_value());
    CHECK(lowest.series().policy() == e::same_day_policy::lowest);
}

TEST_CASE("the incremental scan keeps the nadir, the run and what broke it", "[ENG-STREAM-002][ENG-NEUT-003]") {
    // every push in order, compared with the batch rule on the days so far
    const std::vector<rec> in{anc(-2, 0.1), anc(0, 2.0), anc(3, 0.2), anc(8, 0.6), anc(9, 0.7), anc(10, 0.4),
                              anc(11, 0.8), anc(13, 0.9), anc(14, 1.0), anc(15, 0.3), anc(16, 0.2)};
    for (const auto consecutive : {e::consecutive_rule::measurement_days, e::consecutive_rule::calendar_days}) {
        e::neutrophil_options o;
        o.consecutive = consecutive;
        e::neutrophil_stream s(o);
        std::vector<rec> so_far;
        for (const auto& r : in) {
            REQUIRE(s.add(r).has_value());
            so_far.push_back(r);
            const auto expected = e::assess_neutrophil_engraftment(*e::consolidate<hsct::anc>(so_far), o);
            INFO(id(consecutive) << ", D+" << r.day.number());
            CHECK(same_result(s.result(), *expected));
        }
        // measurement days: D+11, D+13, D+14; calendar days: D+13 and D+14 only, then D+15 breaks it
        if (consecutive == e::consecutive_rule::measurement_days) {
            CHECK(s.result().day->number() == 11);
        } else {
            CHECK(s.result().status == e::engraftment_status::not_yet);
            const auto& c = s.result().criteria;
            CHECK(c[c.size() - 1].criterion.id == e::neutrophil_criterion::run_broken);
        }
        CHECK(s.result().nadir_day->number() == 3);
    }
}

TEST_CASE("a late correction of a scanned day rescans: engraftment moves", "[ENG-STREAM-002][ENG-SERIES-003]") {
    e::neutrophil_stream s;
    for (const auto& r : {anc(5, 0.1), anc(10, 0.6, e::count_method::automated, 1), anc(11, 0.7), anc(12, 0.8),
                          anc(13, 0.9), anc(14, 1.0)}) {
        REQUIRE(s.add(r).has_value());
    }
    REQUIRE(s.result().day->number() == 10);
    // D+10's count is corrected to 0.3: the run starts on D+11
    REQUIRE(s.add(anc(10, 0.3, e::count_method::automated, 2, 1)).has_value());
    CHECK(s.result().day->number() == 11);
    // a manual count on D+12 below the threshold wins over the automated one: D+13
    REQUIRE(s.add(anc(12, 0.4, e::count_method::manual)).has_value());
    CHECK(s.result().status == e::engraftment_status::not_yet);
    REQUIRE(s.add(anc(15, 1.1)).has_value());
    CHECK(s.result().day->number() == 13);
    CHECK(same_result(s.result(), *e::assess_neutrophil_engraftment(s.series())));
}

TEST_CASE("a correction before its result stands until the result arrives", "[ENG-STREAM-001][ENG-SERIES-003]") {
    e::count_stream<hsct::anc> s;
    REQUIRE(s.add(anc(12, 0.6, e::count_method::automated, 9, 7)).has_value());  // corrects 7, not here yet
    CHECK(s.series().days()[0].value == hsct::anc(0.6, u::giga_per_l));
    REQUIRE(s.add(anc(12, 0.2, e::count_method::automated, 7)).has_value());  // the result it corrects
    REQUIRE(s.series().size() == 1);
    CHECK(s.series().days()[0].value == hsct::anc(0.6, u::giga_per_l));
    CHECK(s.series().corrected() == 1);
}

TEST_CASE("a refused result leaves the stream as it was", "[ENG-STREAM-001]") {
    e::neutrophil_stream s;
    REQUIRE(s.add(anc(10, 0.1)).has_value());
    REQUIRE(s.add(anc(11, 0.6, e::count_method::automated, 5)).has_value());
    const auto bad = s.add(anc(12, -1.0));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().field() == "records[2].value");
    const auto nan = s.add(anc(12, std::numeric_limits<double>::quiet_NaN()));
    CHECK(nan.error().code() == hsct::errc::not_finite);
    const auto method = s.add(anc(12, 0.7, static_cast<e::count_method>(9)));
    CHECK(method.error().field() == "records[2].method");
    const auto dup = s.add(anc(12, 0.7, e::count_method::automated, 5));  // an identifier again
    REQUIRE_FALSE(dup.has_value());
    CHECK(dup.error().field().ends_with("].id"));
    CHECK(s.records().size() == 2);
    CHECK(s.series().size() == 2);
    CHECK(s.result().status == e::engraftment_status::not_yet);
    REQUIRE(s.add(anc(12, 0.7)).has_value());  // and goes on from there
    CHECK(s.result().criteria.size() == 3);
    // options the rule refuses: nothing is kept
    e::neutrophil_options o;
    o.run_length = 9;
    e::neutrophil_stream wrong(o);
    CHECK(wrong.add(anc(10, 0.1)).error().field() == "options.run_length");
    CHECK(wrong.records().empty());
}

TEST_CASE("adding a result in order allocates nothing", "[ENG-STREAM-002]") {
    e::neutrophil_stream s;
    REQUIRE(s.add(anc(10, 0.1)).has_value());
    hsct_test::allocation_counter count;
    for (int d = 11; d < 40; ++d) {  // through the run and engraftment
        const auto id = static_cast<std::uint32_t>(d);
        const auto st = s.add(anc(d, d % 5 == 0 ? 0.2 : 0.6, e::count_method::automated, id));
        REQUIRE(st.has_value());
    }
    CHECK(count.count() == 0);
    CHECK(s.result().status == e::engraftment_status::engrafted);
}

// --- platelets (ENG-STREAM-003) --------------------------------------------------------------

namespace {
// One arrival: a count or a transfusion.
struct platelet_event {
    hsct::transplant_day day;  // for arrival_orders' "by day"
    std::optional<prec> count;
    std::optional<e::transfusion_record> given;
};
}  // namespace

TEST_CASE("platelet stream equals batch after every count and transfusion (property)",
          "[ENG-STREAM-003][ENG-PLT-001][property]") {
    std::mt19937 rng(20261204);
    std::uniform_int_distribution<int> len(1, 40);
    std::uniform_real_distribution<double> value(0.0, 80.0);
    std::uniform_int_distribution<int> txday(-5, 35);
    std::uniform_int_distribution<int> run(1, 7);
    std::uniform_int_distribution<int> window(1, 30);
    using M = e::platelet_milestone;
    for (int round = 0; round < 300; ++round) {
        const auto counts = random_results<hsct::platelets>(rng, len(rng), plt, value);
        std::vector<platelet_event> all;
        for (const auto& c : counts) {
            all.push_back({c.day, c, std::nullopt});
        }
        for (int k = static_cast<int>(rng() % 5); k > 0; --k) {
            const auto t = tx(txday(rng), rng() % 5 == 0 ? e::blood_product::red_cells : e::blood_product::platelets);
            all.push_back({*t.day, std::nullopt, t});
        }
        e::platelet_options o;  // both milestones and the other policies vary from round to round
        o.milestone = round % 3 == 0 ? M::at_least_20 : round % 3 == 1 ? M::at_least_50 : M::above_20_ebmt_2019;
        o.consecutive = rng() % 3 == 0 ? e::consecutive_rule::calendar_days : e::consecutive_rule::measurement_days;
        o.run_length = static_cast<std::uint8_t>(round % 4 == 0 ? run(rng) : 3);
        o.transfusion_free_days = static_cast<std::uint8_t>(round % 5 == 0 ? window(rng) : 7);
        int order = 0;
        for (const auto& arrival : arrival_orders(all, rng)) {
            e::platelet_stream s(o);
            std::vector<prec> so_far;
            std::vector<e::transfusion_record> given;
            for (const auto& ev : arrival) {
                if (ev.count) {
                    REQUIRE(s.add(*ev.count).has_value());
                    so_far.push_back(*ev.count);
                } else {
                    REQUIRE(s.add_transfusion(*ev.given).has_value());
                    given.push_back(*ev.given);
                }
                const auto now = batch_series<hsct::platelets>(so_far, e::same_day_policy::manual_then_lowest);
                const auto log = e::make_transfusion_log(given);
                REQUIRE(log.has_value());
                const auto expected = e::assess_platelet_engraftment(now, *log, o);
                REQUIRE(expected.has_value());
                INFO("round " << round << ", order " << order << ", arrival " << so_far.size() + given.size());
                REQUIRE(same_series(s.series(), now));
                REQUIRE(same_result(s.result(), *expected));
            }
            ++order;
        }
    }
}

TEST_CASE("platelet stream: PL-1 in order, the transfusion first or last", "[ENG-STREAM-003][PL-1][CIBMTR]") {
    const std::vector<std::pair<int, double>> pl1{{1, 30}, {2, 25}, {3, 10}, {4, 15}, {5, 19}, {6, 23},
                                                  {7, 25}, {8, 40}, {9, 50}, {10, 56}, {11, 65}};
    for (const bool transfusion_first : {true, false}) {
        for (const auto m : {e::platelet_milestone::at_least_20, e::platelet_milestone::at_least_50}) {
            e::platelet_options o;
            o.milestone = m;
            e::platelet_stream s(o);
            if (transfusion_first) {
                REQUIRE(s.add_transfusion(tx(0)).has_value());
            }
            for (const auto& [d, v] : pl1) {
                REQUIRE(s.add(plt(d, v)).has_value());
            }
            if (!transfusion_first) {
                // without the transfusion >= 20 is reached from D+6 (counting from D+3, below 20)
                if (m == e::platelet_milestone::at_least_20) {
                    CHECK(s.result().day->number() == 6);
                }
                REQUIRE(s.add_transfusion(tx(0)).has_value());
            }
            INFO(id(m) << (transfusion_first ? ", transfusion first" : ", transfusion last"));
            CHECK(s.result().day->number() == (m == e::platelet_milestone::at_least_20 ? 7 : 9));
            CHECK(s.result().counting_from->number() == 0);
            CHECK(same_result(s.result(), *e::assess_platelet_engraftment(s.series(), s.transfusions(), o)));
        }
    }
}

TEST_CASE("platelet stream: bad input is refused, the stream unchanged", "[ENG-STREAM-003][ENG-TX-001]") {
    e::platelet_stream s;
    REQUIRE(s.add(plt(3, 10, e::count_method::automated, 4)).has_value());
    REQUIRE(s.add_transfusion(tx(3)).has_value());
    REQUIRE(s.add(plt(11, 25)).has_value());
    const auto before = s.result();
    const auto unchanged = [&] {
        CHECK(s.records().size() == 2);
        CHECK(s.series().size() == 2);
        CHECK(s.transfusion_records().size() == 1);
        CHECK(same_result(s.result(), before));
    };
    CHECK(s.add(plt(12, 6000)).error().field() == "records[2].value");  // out of range
    CHECK(s.add(plt(12, -1)).error().code() == hsct::errc::out_of_range);
    CHECK(s.add(plt(12, std::numeric_limits<double>::infinity())).error().code() == hsct::errc::not_finite);
    // a correction of another day's result: the wrong day
    const auto wrong_day = s.add(plt(4, 12, e::count_method::automated, 5, 4));
    REQUIRE_FALSE(wrong_day.has_value());
    CHECK(wrong_day.error().field() == "records[2].replaces");
    unchanged();
    const auto no_day = s.add_transfusion(e::transfusion_record{std::nullopt, e::blood_product::platelets});
    REQUIRE_FALSE(no_day.has_value());
    CHECK(no_day.error().field() == "transfusions[1].day");
    CHECK(no_day.error().code() == hsct::errc::missing);
    CHECK(s.add_transfusion(e::transfusion_record{transplant_day::at(4), static_cast<e::blood_product>(7)})
              .error()
              .field() == "transfusions[1].product");
    unchanged();
    // a red-cell transfusion is kept and changes nothing
    REQUIRE(s.add_transfusion(tx(10, e::blood_product::red_cells)).has_value());
    CHECK(same_result(s.result(), before));
    // options the rule refuses
    e::platelet_options o;
    o.transfusion_free_days = 0;
    e::platelet_stream wrong(o);
    CHECK(wrong.add(plt(3, 10)).error().field() == "options.transfusion_free_days");
    CHECK(wrong.add_transfusion(tx(3)).error().field() == "options.transfusion_free_days");
    CHECK(wrong.records().empty());
    CHECK(wrong.transfusion_records().empty());
}

TEST_CASE("platelet stream: counts in order allocate nothing", "[ENG-STREAM-003]") {
    e::platelet_stream s;
    REQUIRE(s.add_transfusion(tx(2)).has_value());
    REQUIRE(s.add(plt(1, 12)).has_value());
    hsct_test::allocation_counter count;
    for (int d = 3; d < 30; ++d) {
        REQUIRE(s.add(plt(d, d % 7 == 0 ? 15 : 30)).has_value());
    }
    CHECK(count.count() == 0);
    CHECK(s.result().status == e::engraftment_status::engrafted);
    CHECK(s.result().day->number() == 9);  // D+9 is 7 days after the transfusion on D+2
}

}  // namespace hsct_test_engraftment_stream_test
