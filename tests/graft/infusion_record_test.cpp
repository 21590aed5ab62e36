// Tests for include/hsct/graft/infusion_record.hpp: records checked field by field, in time
// order; the first graft infusion sets Day 0 and a multi-day infusion is one HCT (the reference
// notes' DAY-1 and DAY-2); a double cord graft; a subsequent HCT; boosts and DLIs; the graft-span
// policy below, at and above; replay equal to the live history; the day's DMSO from the records;
// a record from the custody machine.
#include <hsct/graft/infusion_record.hpp>

#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_infusion_record_test {

namespace g = hsct::graft;
namespace u = hsct::units;
using namespace std::chrono_literals;
using std::chrono::sys_days;

namespace {
sys_days ymd(int y, unsigned m, unsigned d) {
    return sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}
const g::din unit_a = *g::parse_din("A999921123456");
const g::din unit_b = *g::parse_din("A999921123457");

g::infusion_record rec(sys_days date, g::infusion_kind kind = g::infusion_kind::graft,
                       const g::din& product = unit_a, double ml = 250.0) {
    g::infusion_record r;
    r.product = product;
    r.date = date;
    r.started_at = std::chrono::sys_seconds{date} + 10h;
    r.ended_at = r.started_at + 30min;
    r.volume = hsct::volume(ml, u::mL);
    r.by = *g::custody_id::make("nurse-7");
    r.kind = kind;
    return r;
}
// the same record started (and ended) later by d
g::infusion_record later(g::infusion_record r, std::chrono::seconds d) {
    r.started_at += d;
    *r.ended_at += d;
    return r;
}
}  // namespace

TEST_CASE("DAY-1: one infusion sets Day 0", "[GRAFT-INF-004][CORE-DAY-004][DAY-1]") {
    g::infusion_history h;
    CHECK_FALSE(h.timeline().has_value());
    const auto p = h.append(rec(ymd(2024, 3, 10)));
    REQUIRE(p.has_value());
    CHECK(p->hct_number == 1);
    CHECK(p->sets_day0);
    CHECK(p->day.number() == 0);
    REQUIRE(h.timeline().has_value());
    CHECK(h.timeline()->day0() == ymd(2024, 3, 10));
    CHECK(*h.timeline()->day_of(ymd(2024, 3, 3)) == hsct::transplant_day::at(-7));
    CHECK(*h.timeline()->date_of(hsct::transplant_day::at(100)) == ymd(2024, 6, 18));
}

TEST_CASE("DAY-2: bags on two days of one planned product are one HCT", "[GRAFT-INF-004][CORE-DAY-004][DAY-2]") {
    g::infusion_history h;
    REQUIRE(h.append(rec(ymd(2024, 5, 1))).has_value());
    const auto second = h.append(rec(ymd(2024, 5, 2)));
    REQUIRE(second.has_value());
    CHECK(second->hct_number == 1);
    CHECK_FALSE(second->sets_day0);
    CHECK(second->day.number() == 1);
    CHECK(h.timeline()->hct_count() == 1);
    CHECK(h.timeline()->day0() == ymd(2024, 5, 1));
    CHECK(h.timeline()->hct(1).infusion_dates.size() == 2);
    CHECK(h.records().size() == 2);
}

TEST_CASE("a double cord graft: two units the same day, one HCT, one Day 0", "[GRAFT-INF-004]") {
    g::infusion_history h;
    REQUIRE(h.append(rec(ymd(2025, 1, 15), g::infusion_kind::graft, unit_a, 25.0)).has_value());
    const auto r2 = later(rec(ymd(2025, 1, 15), g::infusion_kind::graft, unit_b, 25.0), 1h);
    const auto p = h.append(r2);
    REQUIRE(p.has_value());
    CHECK(p->day.number() == 0);
    CHECK_FALSE(p->sets_day0);
    CHECK(h.timeline()->hct(1).infusion_dates.size() == 1);
}

TEST_CASE("a further bag of the graft within 7 days of Day 0: below, at and above", "[GRAFT-INF-004]") {
    for (const auto& [offset, ok] : {std::pair{6, true}, std::pair{7, true}, std::pair{8, false}}) {
        INFO(offset);
        g::infusion_history h;
        REQUIRE(h.append(rec(ymd(2025, 2, 1))).has_value());
        const auto p = h.append(rec(ymd(2025, 2, 1) + std::chrono::days{offset}));
        CHECK(p.has_value() == ok);
        if (!ok) {
            CHECK(p.error().field() == "record.date");
            CHECK(p.error().code() == hsct::errc::inconsistent);
            CHECK(h.records().size() == 1);  // unchanged
        }
    }
    // a centre's own span
    g::infusion_history wide(g::infusion_policy{std::chrono::days{10}});
    REQUIRE(wide.append(rec(ymd(2025, 2, 1))).has_value());
    CHECK(wide.append(rec(ymd(2025, 2, 11))).has_value());
}

TEST_CASE("boosts and DLIs keep Day 0; a subsequent HCT has its own", "[GRAFT-INF-004][CORE-DAY-006]") {
    g::infusion_history h;
    REQUIRE(h.append(rec(ymd(2025, 3, 1))).has_value());
    const auto boost = h.append(rec(ymd(2025, 5, 10), g::infusion_kind::boost));
    REQUIRE(boost.has_value());
    CHECK(boost->hct_number == 1);
    CHECK(boost->day.number() == 70);
    CHECK_FALSE(boost->sets_day0);
    const auto dli = h.append(rec(ymd(2025, 6, 9), g::infusion_kind::dli));
    REQUIRE(dli.has_value());
    CHECK(dli->day.number() == 100);
    CHECK(h.timeline()->hct_count() == 1);
    CHECK(h.timeline()->day0() == ymd(2025, 3, 1));
    const auto second = h.append(rec(ymd(2025, 9, 1), g::infusion_kind::subsequent_hct, unit_b));
    REQUIRE(second.has_value());
    CHECK(second->hct_number == 2);
    CHECK(second->sets_day0);
    CHECK(second->day.number() == 0);
    CHECK(h.timeline()->hct_count() == 2);
    CHECK(h.timeline()->hct(2).day0 == ymd(2025, 9, 1));
    // a further bag of HCT 2 counts from its Day 0
    CHECK(h.append(rec(ymd(2025, 9, 2), g::infusion_kind::graft, unit_b))->day.number() == 1);
}

TEST_CASE("what cannot come first, and a subsequent HCT on its predecessor's last day", "[GRAFT-INF-004]") {
    for (const auto k : {g::infusion_kind::boost, g::infusion_kind::dli, g::infusion_kind::subsequent_hct}) {
        INFO(id(k));
        g::infusion_history h;
        const auto p = h.append(rec(ymd(2025, 3, 1), k));
        REQUIRE_FALSE(p.has_value());
        CHECK(p.error().field() == "record.kind");
        CHECK(p.error().code() == hsct::errc::not_allowed);
        CHECK(h.records().empty());
    }
    g::infusion_history h;
    REQUIRE(h.append(rec(ymd(2025, 3, 1))).has_value());
    REQUIRE(h.append(rec(ymd(2025, 3, 2))).has_value());
    const auto again = later(rec(ymd(2025, 3, 2), g::infusion_kind::subsequent_hct), 2h);
    const auto p = h.append(again);
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().field() == "record.date");
    CHECK(h.timeline()->hct_count() == 1);
}

TEST_CASE("records in time order; the local date within a day of the start", "[GRAFT-INF-003]") {
    g::infusion_history h;
    REQUIRE(h.append(rec(ymd(2025, 4, 2))).has_value());
    auto earlier = rec(ymd(2025, 4, 2));
    earlier.started_at -= 1min;
    CHECK(h.append(earlier).error().field() == "record.started_at");
    auto same = rec(ymd(2025, 4, 2));  // the same start: allowed (two bags hung together)
    CHECK(h.append(same).has_value());
    // a local date the day before or after the UTC day of the start is allowed; two days is not
    for (const auto& [shift, ok] : {std::pair{-1, true}, std::pair{1, true}, std::pair{2, false}, std::pair{-2, false}}) {
        INFO(shift);
        g::infusion_history k;
        auto r = rec(ymd(2025, 4, 10));
        r.date = ymd(2025, 4, 10) + std::chrono::days{shift};
        const auto p = k.append(r);
        CHECK(p.has_value() == ok);
        if (!ok) {
            CHECK(p.error().field() == "record.date");
        }
    }
    // the end before the start
    g::infusion_history k;
    auto r = rec(ymd(2025, 4, 10));
    r.ended_at = r.started_at - 1s;
    CHECK(k.append(r).error().field() == "record.ended_at");
    r.ended_at = r.started_at;  // zero length: allowed
    CHECK(k.append(r).has_value());
}

TEST_CASE("each field of a record is checked", "[GRAFT-INF-003]") {
    const auto field_of = [](const g::infusion_record& r) {
        g::infusion_history h;
        const auto p = h.append(r);
        REQUIRE_FALSE(p.has_value());
        CHECK(h.records().empty());
        return p.error().field();
    };
    auto r = rec(ymd(2025, 4, 10));
    r.product.reset();
    CHECK(field_of(r) == "record.product");
    r = rec(ymd(2025, 4, 10));
    r.by = g::custody_id{};
    CHECK(field_of(r) == "record.by");
    r = rec(ymd(2025, 4, 10));
    r.kind = static_cast<g::infusion_kind>(0);
    CHECK(field_of(r) == "record.kind");
    for (const double ml : {0.0, -1.0, 5000.1, std::numeric_limits<double>::quiet_NaN()}) {
        INFO(ml);
        r = rec(ymd(2025, 4, 10));
        r.volume = hsct::volume(ml, u::mL);
        CHECK(field_of(r) == "record.volume");
    }
    r = rec(ymd(2025, 4, 10));
    r.volume = hsct::volume(5000.0, u::mL);  // at the bound
    CHECK(g::infusion_history{}.append(r).has_value());
    for (const double pct : {0.0, 20.1, std::numeric_limits<double>::infinity()}) {
        INFO(pct);
        r = rec(ymd(2025, 4, 10));
        r.dmso = hsct::percent(pct, u::pct);
        CHECK(field_of(r) == "record.dmso");
    }
    r = rec(ymd(2025, 4, 10));
    r.date = sys_days{std::chrono::days{-30000}};  // before 1900: outside CORE-DAY-008
    r.started_at = std::chrono::sys_seconds{r.date};
    CHECK(field_of(r) == "record.date");
}

TEST_CASE("replay of the records reproduces the history; a refused record names its index", "[GRAFT-INF-003][GRAFT-INF-004]") {
    g::infusion_history live;
    const std::vector<g::infusion_record> log{rec(ymd(2025, 3, 1)), rec(ymd(2025, 3, 2)),
                                              rec(ymd(2025, 5, 10), g::infusion_kind::boost),
                                              rec(ymd(2025, 9, 1), g::infusion_kind::subsequent_hct, unit_b)};
    for (const auto& r : log) {
        REQUIRE(live.append(r).has_value());
    }
    const auto again = g::infusion_history::replay(live.records());
    REQUIRE(again.has_value());
    CHECK(*again == live);
    CHECK(again->placements() == live.placements());
    auto bad = log;
    bad[2].volume = hsct::volume(-3.0, u::mL);
    const auto refused = g::infusion_history::replay(bad);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().field() == "records[2].volume");
    CHECK(refused.error().code() == hsct::errc::out_of_range);
}

TEST_CASE("a day's DMSO from its records (G3)", "[GRAFT-INF-002][GRAFT-INF-003][V2]") {
    g::infusion_history h;
    auto a = rec(ymd(2025, 3, 1), g::infusion_kind::graft, unit_a, 150.0);
    a.dmso = hsct::percent(10.0, u::pct);
    const auto b = later(a, 1h);
    auto c = rec(ymd(2025, 3, 2), g::infusion_kind::graft, unit_a, 150.0);
    c.dmso = hsct::percent(10.0, u::pct);
    for (const auto& r : {a, b, c}) {
        REQUIRE(h.append(r).has_value());
    }
    const auto w30 = *hsct::patient::body_weight::make(30.0, u::kg);
    const auto day0 = h.dmso_on(ymd(2025, 3, 1), w30);  // 300 mL at 10 % for 30 kg: 1.10 g/kg, over
    REQUIRE(day0.has_value());
    CHECK(std::abs(day0->grams.in(u::g_dose) - 33.0) < 1e-9);
    CHECK_FALSE(day0->within_limit);
    const auto day1 = h.dmso_on(ymd(2025, 3, 2), w30);  // 150 mL: 0.55 g/kg
    REQUIRE(day1.has_value());
    CHECK(std::abs(day1->per_kg.in(u::g_per_kg) - 0.55) < 1e-9);
    CHECK(day1->within_limit);
    const auto none = h.dmso_on(ymd(2025, 3, 3), w30);
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code() == hsct::errc::missing);
}

TEST_CASE("a record from the custody machine's infusion", "[GRAFT-INF-003][GRAFT-CUST-001]") {
    const auto t0 = std::chrono::sys_seconds{ymd(2025, 3, 1)};
    auto c = g::start_custody(unit_a, *g::custody_id::make("MRN-1"), t0, t0 + 24h * 30);
    auto details = rec(ymd(2025, 3, 1), g::infusion_kind::graft, unit_b);
    const auto early = g::infusion_from_custody(c, details);
    REQUIRE_FALSE(early.has_value());
    CHECK(early.error().field() == "custody.state");
    c.state = g::custody_state::infused;
    c.last_at = t0 + 9h;
    const auto r = g::infusion_from_custody(c, details);
    REQUIRE(r.has_value());
    CHECK(*r->product == unit_a);  // the custody's product, not the details'
    CHECK(r->started_at == t0 + 9h);
    CHECK(r->volume == details.volume);
    g::infusion_history h;
    CHECK(h.append(*r)->sets_day0);
}

}  // namespace hsct_test_graft_infusion_record_test
