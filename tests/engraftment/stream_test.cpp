// Tests for include/hsct/engraftment/stream.hpp: results added one at a time, in any order, end
// where the batch call ends (a property test on random series); in-order results extend the
// series in place; corrections before their result; refusals leave the stream unchanged.
#include <hsct/engraftment/stream.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

namespace e = hsct::engraftment;
namespace u = hsct::units;
using rec = e::count_record<hsct::anc>;

namespace {
rec anc(int day, double v, e::count_method m = e::count_method::automated, std::uint32_t id = 0,
        std::uint32_t replaces = 0) {
    return rec{hsct::transplant_day::at(day), hsct::anc(v, u::giga_per_l), m, id, replaces};
}
bool same_result(const e::neutrophil_result& a, const e::neutrophil_result& b) {
    if (a.status != b.status || a.day != b.day || a.nadir_day != b.nadir_day || a.criteria.size() != b.criteria.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.criteria.size(); ++i) {
        if (!(a.criteria[i].day == b.criteria[i].day) || !(a.criteria[i].criterion == b.criteria[i].criterion)) {
            return false;
        }
    }
    return true;
}
bool same_series(const e::day_series<hsct::anc>& a, const e::day_series<hsct::anc>& b) {
    return std::equal(a.days().begin(), a.days().end(), b.days().begin(), b.days().end());
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

TEST_CASE("streaming equals batch, in any arrival order (property)", "[ENG-STREAM-001][property]") {
    std::mt19937 rng(20261203);
    std::uniform_int_distribution<int> len(1, 40);
    std::uniform_int_distribution<int> day(-3, 35);
    std::uniform_real_distribution<double> value(0.0, 1.5);
    std::uniform_int_distribution<int> kind(0, 9);
    for (int round = 0; round < 300; ++round) {
        // a random series: some days twice, some manual counts, some results corrected (with ids)
        std::vector<rec> all;
        std::uint32_t next_id = 1;
        const int n = len(rng);
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
                    all.push_back(anc(target.day.number(), value(rng), e::count_method::automated, next_id++, target.id));
                    continue;
                }
            }
            all.push_back(anc(d, value(rng), k == 1 ? e::count_method::manual : e::count_method::automated,
                              k <= 3 ? next_id++ : 0));
        }
        const auto batch_series = e::consolidate<hsct::anc>(all);
        REQUIRE(batch_series.has_value());
        const auto batch = e::assess_neutrophil_engraftment(*batch_series);
        REQUIRE(batch.has_value());
        for (int order = 0; order < 3; ++order) {
            auto arrival = all;
            std::shuffle(arrival.begin(), arrival.end(), rng);
            e::neutrophil_stream s;
            for (const auto& r : arrival) {
                REQUIRE(s.add(r).has_value());
            }
            INFO("round " << round << ", order " << order);
            CHECK(same_series(s.series(), *batch_series));
            CHECK(same_result(s.result(), *batch));
        }
    }
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
    const auto dup = s.add(anc(12, 0.7, e::count_method::automated, 5));  // an identifier again
    REQUIRE_FALSE(dup.has_value());
    CHECK(dup.error().field().ends_with("].id"));
    CHECK(s.records().size() == 2);
    CHECK(s.series().size() == 2);
    CHECK(s.result().status == e::engraftment_status::not_yet);
    // options the rule refuses
    e::neutrophil_options o;
    o.run_length = 9;
    e::neutrophil_stream wrong(o);
    CHECK(wrong.add(anc(10, 0.1)).error().field() == "options.run_length");
}

TEST_CASE("adding a result in order allocates nothing", "[ENG-STREAM-002]") {
    e::neutrophil_stream s;
    REQUIRE(s.add(anc(10, 0.1)).has_value());
    hsct_test::allocation_counter count;
    const auto st = s.add(anc(11, 0.6));
    CHECK(count.count() == 0);
    REQUIRE(st.has_value());
}
