// Tests for include/hsct/engraftment/count_series.hpp: results placed by day whatever their
// arrival order, one value a day (a manual count first, then the lowest), corrections in place of
// the result they amend, and every refusal naming its record.
#include <hsct/engraftment/count_series.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_count_series_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using rec = e::count_record<hsct::anc>;

namespace {
rec anc(int day, double v, e::count_method m = e::count_method::automated, std::uint32_t id = 0,
        std::uint32_t replaces = 0) {
    return rec{hsct::transplant_day::at(day), hsct::anc(v, u::giga_per_l), m, id, replaces};
}
std::vector<std::pair<int, double>> flat(const e::day_series<hsct::anc>& s) {
    std::vector<std::pair<int, double>> v;
    for (const auto& d : s.days()) {
        v.emplace_back(d.day.number(), d.value.in(u::giga_per_l));
    }
    return v;
}
}  // namespace

TEST_CASE("results are placed by day, whatever order they arrive in", "[ENG-SERIES-002]") {
    const std::vector<rec> in{anc(12, 0.6), anc(10, 0.1), anc(14, 1.2), anc(11, 0.3), anc(13, 0.8)};
    const auto s = e::consolidate<hsct::anc>(in);
    REQUIRE(s.has_value());
    CHECK(flat(*s) == std::vector<std::pair<int, double>>{{10, 0.1}, {11, 0.3}, {12, 0.6}, {13, 0.8}, {14, 1.2}});
    // every permutation of a series gives the same day series
    std::mt19937 rng(7);
    auto shuffled = in;
    for (int k = 0; k < 50; ++k) {
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        CHECK(flat(*e::consolidate<hsct::anc>(shuffled)) == flat(*s));
    }
    CHECK(e::consolidate<hsct::anc>(std::vector<rec>{})->empty());
}

TEST_CASE("several results a day: a manual count first, then the lowest", "[ENG-SERIES-004]") {
    const std::vector<rec> in{anc(12, 0.7), anc(12, 0.45), anc(12, 0.52, e::count_method::manual), anc(13, 0.9),
                              anc(13, 0.6)};
    const auto s = e::consolidate<hsct::anc>(in);
    REQUIRE(s.has_value());
    REQUIRE(s->size() == 2);
    CHECK(s->days()[0].value == hsct::anc(0.52, u::giga_per_l));  // the manual count, though not the lowest
    CHECK(s->days()[0].method == e::count_method::manual);
    CHECK(s->days()[0].results == 3);
    CHECK(s->days()[1].value == hsct::anc(0.6, u::giga_per_l));  // the lowest automated
    CHECK(s->days()[1].results == 2);
    const auto lowest = e::consolidate<hsct::anc>(in, e::same_day_policy::lowest);
    CHECK(lowest->days()[0].value == hsct::anc(0.45, u::giga_per_l));
    CHECK(lowest->policy() == e::same_day_policy::lowest);
    // two manual counts: the lower
    const std::vector<rec> two{anc(5, 0.8, e::count_method::manual), anc(5, 0.4, e::count_method::manual), anc(5, 0.2)};
    CHECK(e::consolidate<hsct::anc>(two)->days()[0].value == hsct::anc(0.4, u::giga_per_l));
}

TEST_CASE("a correction takes the place of the result it amends", "[ENG-SERIES-003]") {
    // the 0.2 of D+12 (id 7) was a mislabelled sample; its correction reads 0.6
    const std::vector<rec> in{anc(11, 0.3, e::count_method::automated, 6), anc(12, 0.2, e::count_method::automated, 7),
                              anc(13, 0.8, e::count_method::automated, 8), anc(12, 0.6, e::count_method::automated, 9, 7)};
    const auto s = e::consolidate<hsct::anc>(in);
    REQUIRE(s.has_value());
    CHECK(flat(*s) == std::vector<std::pair<int, double>>{{11, 0.3}, {12, 0.6}, {13, 0.8}});
    CHECK(s->corrected() == 1);
    CHECK(s->days()[1].results == 1);
    // arriving before the result it corrects changes nothing
    auto early = in;
    std::rotate(early.begin(), early.begin() + 3, early.end());
    CHECK(flat(*e::consolidate<hsct::anc>(early)) == flat(*s));
    // a chain: 9 corrects 7, 10 corrects 9
    auto chain = in;
    chain.push_back(anc(12, 0.65, e::count_method::automated, 10, 9));
    CHECK(flat(*e::consolidate<hsct::anc>(chain))[1].second == 0.65);
}

TEST_CASE("refused: bad values, identifiers and corrections name their record", "[ENG-SERIES-001][ENG-SERIES-003]") {
    const auto field_of = [](const std::vector<rec>& in) {
        const auto s = e::consolidate<hsct::anc>(in);
        REQUIRE_FALSE(s.has_value());
        return s.error().field();
    };
    CHECK(field_of({anc(1, 0.5), anc(2, -0.1)}) == "records[1].value");
    CHECK(field_of({anc(1, std::numeric_limits<double>::quiet_NaN())}) == "records[0].value");
    CHECK(field_of({anc(1, 1000.1)}) == "records[0].value");
    CHECK(e::consolidate<hsct::anc>(std::vector<rec>{anc(1, 1000.0), anc(2, 0.0)}).has_value());  // the range's edges
    CHECK(field_of({anc(1, 0.5, static_cast<e::count_method>(3))}) == "records[0].method");
    CHECK(field_of({anc(1, 0.5, e::count_method::automated, 4), anc(2, 0.6, e::count_method::automated, 4)}) ==
          "records[1].id");
    CHECK(field_of({anc(1, 0.5, e::count_method::automated, 4), anc(1, 0.6, e::count_method::automated, 5, 3)}) ==
          "records[1].replaces");  // no such result
    CHECK(field_of({anc(1, 0.5, e::count_method::automated, 4), anc(2, 0.6, e::count_method::automated, 5, 4)}) ==
          "records[1].replaces");  // another day's
    CHECK(field_of({anc(1, 0.5, e::count_method::automated, 4, 4)}) == "records[0].replaces");  // itself
    CHECK(field_of({anc(1, 0.5, e::count_method::automated, 4), anc(1, 0.6, e::count_method::automated, 5, 4),
                    anc(1, 0.7, e::count_method::automated, 6, 4)}) == "records[2].replaces");  // twice
    CHECK(field_of({anc(1, 0.5, e::count_method::automated, 4, 5), anc(1, 0.6, e::count_method::automated, 5, 4)})
              .ends_with("].replaces"));  // a cycle
    CHECK(e::consolidate<hsct::anc>(std::vector<rec>{anc(1, 0.5)}, static_cast<e::same_day_policy>(0)).error().field() ==
          "policy");
    // more than 1,024 records, or 256 days
    std::vector<rec> many(1025, anc(1, 0.5));
    CHECK(field_of(many) == "records");
    std::vector<rec> days;
    for (int d = 0; d < 257; ++d) {
        days.push_back(anc(d, 0.5));
    }
    CHECK(field_of(days) == "records");
    days.pop_back();
    CHECK(e::consolidate<hsct::anc>(days)->size() == 256);
}

TEST_CASE("the bounds: 1,024 records and 256 days accepted, one more of either refused", "[ENG-SERIES-001]") {
    const auto refused = [](const std::vector<rec>& in) {
        const auto s = e::consolidate<hsct::anc>(in);
        REQUIRE_FALSE(s.has_value());
        CHECK(s.error().code() == hsct::errc::out_of_range);
        CHECK(s.error().requirement() == "ENG-SERIES-001");
        return s.error().field();
    };
    // 1,024 records on 256 days (four a day): both bounds reached at once, accepted
    std::vector<rec> in;
    for (int d = 0; d < 256; ++d) {
        for (int k = 0; k < 4; ++k) {
            in.push_back(anc(d, 0.5 + 0.1 * static_cast<double>(k)));
        }
    }
    REQUIRE(in.size() == e::series_records_max);
    const auto full = e::consolidate<hsct::anc>(in);
    REQUIRE(full.has_value());
    CHECK(full->size() == e::series_days_max);
    CHECK(full->days().back().results == 4);
    // one record more (on a day already there): 1,025 records refused, naming the records
    in.push_back(anc(255, 0.9));
    CHECK(refused(in) == "records");
    // 1,024 records on one day: the record bound alone, accepted
    const std::vector<rec> one_day(1024, anc(3, 0.5));
    const auto day = e::consolidate<hsct::anc>(one_day);
    REQUIRE(day.has_value());
    CHECK(day->size() == 1);
    CHECK(day->days()[0].results == 255);  // counted up to 255
    // 257 days of one record each (fewer than 1,024 records): the day bound refuses it
    std::vector<rec> days;
    for (int d = 0; d < 257; ++d) {
        days.push_back(anc(d, 0.5));
    }
    CHECK(refused(days) == "records");
}

TEST_CASE("platelets and haemoglobin series read their own ranges", "[ENG-SERIES-001]") {
    const std::vector<e::count_record<hsct::platelets>> p{{hsct::transplant_day::at(3), hsct::platelets(5001, u::giga_per_l)}};
    CHECK(e::consolidate<hsct::platelets>(p).error().field() == "records[0].value");
    const std::vector<e::count_record<hsct::platelets>> ok{{hsct::transplant_day::at(3), hsct::platelets(25, u::giga_per_l)}};
    CHECK(e::consolidate<hsct::platelets>(ok).has_value());
}

TEST_CASE("a series allocates nothing", "[ENG-SERIES-001]") {
    const std::vector<rec> in{anc(12, 0.6), anc(10, 0.1), anc(14, 1.2), anc(12, 0.7, e::count_method::manual)};
    hsct_test::allocation_counter count;
    const auto s = e::consolidate<hsct::anc>(in);
    CHECK(count.count() == 0);
    REQUIRE(s.has_value());
    CHECK(s->size() == 3);
}

}  // namespace hsct_test_engraftment_count_series_test
