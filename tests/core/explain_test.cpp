// Tests for include/hsct/core/explain.hpp: explained results as data (CORE-EXPLAIN-001) and the
// threshold comparison every rule uses (CORE-THRESH-001).
#include <hsct/core/explain.hpp>
#include <hsct/core/analyte.hpp>
#include <hsct/core/units.hpp>

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_explain_test {

namespace test_rule {
enum class criterion_id : std::uint8_t { creatinine = 1, dyspnoea = 2 };
constexpr auto hsct_enum_table(criterion_id) noexcept {
    return hsct::make_enum_table<criterion_id>("test_criterion", {
        {criterion_id::creatinine, "creatinine", "creatinine above 2 mg/dL"},
        {criterion_id::dyspnoea, "dyspnoea", "dyspnoea at rest"},
    });
}
enum class field : std::uint8_t { creatinine = 1, dlco = 2, age = 63 };
constexpr auto hsct_enum_table(field) noexcept {
    return hsct::make_enum_table<field>("test_field", {
        {field::creatinine, "creatinine", "creatinine"},
        {field::dlco, "dlco", "DLCO"},
        {field::age, "age", "age"},
    });
}
}  // namespace test_rule

using test_rule::criterion_id;
using test_rule::field;

TEST_CASE("evidence is small and trivially copyable", "[core][explain][CORE-EXPLAIN-001]") {
    STATIC_REQUIRE(sizeof(hsct::measure) == 24);
    STATIC_REQUIRE(sizeof(hsct::criterion<criterion_id>) <= 48);
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::measure>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::criterion<criterion_id>>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::fixed_list<hsct::criterion<criterion_id>, 8>>);
    STATIC_REQUIRE(sizeof(hsct::enum_set<field>) == 8);
}

TEST_CASE("a measure keeps the typed value in the unit it was recorded in",
          "[core][explain][CORE-EXPLAIN-001]") {
    const hsct::creatinine c(176.9, hsct::units::umol_per_l);
    const auto m = hsct::measure::of(c, hsct::units::umol_per_l);
    CHECK(m.what() == hsct::measure::kind::quantity);
    CHECK(m.number() == Approx(176.9).epsilon(1e-12));
    REQUIRE(m.unit() != nullptr);
    CHECK(m.unit()->symbol == "umol/L");
    const auto back = m.as<hsct::creatinine>();
    REQUIRE(back.has_value());
    CHECK(back->in(hsct::units::mg_per_dl) == Approx(176.9 / 88.4).epsilon(1e-12));
    CHECK_FALSE(m.as<hsct::anc>().has_value());  // another dimension
    CHECK(m.enumerator() == hsct::enum_ref{});

    const auto n = hsct::measure::count(1.6, hsct::count_unit::times_uln);
    CHECK(n.counted_in() == hsct::count_unit::times_uln);
    CHECK(n.unit() == nullptr);
    CHECK_FALSE(n.as<hsct::creatinine>().has_value());

    const auto f = hsct::measure::flag(true);
    CHECK(f.number() == 1.0);
    CHECK(hsct::measure::flag(false).number() == 0.0);

    const auto e = hsct::measure::code(hsct::outcome::met);
    CHECK(e.enumerator().as<hsct::outcome>() == hsct::outcome::met);
    CHECK_FALSE(e.enumerator().as<hsct::comparator>().has_value());
    CHECK(e.enumerator().text(hsct::enum_text::enum_name) == "outcome");
    CHECK(e.enumerator().text(hsct::enum_text::id) == "met");

    const auto miss = hsct::measure::missing(field::dlco);
    CHECK(miss.what() == hsct::measure::kind::missing);
    CHECK(miss.enumerator().as<field>() == field::dlco);
    CHECK(miss.enumerator().text(hsct::enum_text::label) == "DLCO");
    CHECK_FALSE(miss == e);
    CHECK(miss == hsct::measure::missing(field::dlco));
}

TEST_CASE("satisfies compares with the CORE-THRESH-001 tolerance",
          "[core][explain][CORE-THRESH-001]") {
    using hsct::comparator;
    // 1.8 / 1.2 lands a rounding error below 1.5: read as exactly 1.5
    CHECK_FALSE(hsct::satisfies(1.8 / 1.2, comparator::greater, 1.5));
    CHECK(hsct::satisfies(1.8 / 1.2, comparator::greater_equal, 1.5));
    CHECK(hsct::satisfies(1.8 / 1.2, comparator::less_equal, 1.5));
    CHECK_FALSE(hsct::satisfies(1.8 / 1.2, comparator::less, 1.5));
    CHECK(hsct::satisfies(1.8 / 1.2, comparator::equal, 1.5));
    // a real difference is never absorbed
    CHECK(hsct::satisfies(1.8005 / 1.2, comparator::greater, 1.5));
    CHECK(hsct::satisfies(176.9 / 88.4, comparator::greater, 2.0));
    CHECK_FALSE(hsct::satisfies(176.8 / 88.4, comparator::greater, 2.0));
    CHECK(hsct::satisfies(1.0, comparator::present, 0.0));
    CHECK_FALSE(hsct::satisfies(0.0, comparator::present, 0.0));
}

TEST_CASE("fixed_list holds up to its capacity inline", "[core][explain][CORE-EXPLAIN-001]") {
    hsct::fixed_list<int, 3> l;
    CHECK(l.empty());
    l.push_back(1);
    l.push_back(2);
    CHECK(l.size() == 2);
    CHECK(l[1] == 2);
    int sum = 0;
    for (const int v : l) {
        sum += v;
    }
    CHECK(sum == 3);
    hsct::fixed_list<int, 3> m;
    m.push_back(1);
    CHECK_FALSE(l == m);
    m.push_back(2);
    CHECK(l == m);
    STATIC_REQUIRE(hsct::fixed_list<int, 3>::capacity() == 3);
}

TEST_CASE("fixed_list builds records in place and copies with slots unwritten",
          "[core][explain][CORE-EXPLAIN-001]") {
    hsct::fixed_list<hsct::criterion<criterion_id>, 4> l;
    auto& c = l.emplace_back(criterion_id::creatinine, hsct::outcome::met, hsct::comparator::less_equal, true,
                             "TEST-001", hsct::measure::count(64.0, hsct::count_unit::none), 65.0);
    CHECK(l.size() == 1);
    CHECK(&c == l.begin());
    CHECK(l[0].id == criterion_id::creatinine);
    CHECK(l[0].threshold == 65.0);
    CHECK(std::string_view(l[0].requirement) == "TEST-001");
    // a copy holds the same records (the three unwritten slots are copied as bytes)
    const auto copy = l;
    CHECK(copy == l);
    CHECK(copy.size() == 1);
    CHECK(copy[0].measured.number() == 64.0);
}

TEST_CASE("enum_set holds input fields", "[core][explain][CORE-EXPLAIN-001]") {
    hsct::enum_set<field> s;
    CHECK(s.empty());
    s.insert(field::dlco);
    s.insert(field::age);
    s.insert(field::dlco);
    CHECK(s.size() == 2);
    CHECK(s.contains(field::age));
    CHECK_FALSE(s.contains(field::creatinine));
    int n = 0;
    s.for_each([&](field f) {
        CHECK((f == field::dlco || f == field::age));
        ++n;
    });
    CHECK(n == 2);
}

TEST_CASE("enum_set from a bit mask, and a branch-free insert", "[core][explain][CORE-EXPLAIN-001]") {
    constexpr auto bit = [](field f) { return std::uint64_t{1} << static_cast<unsigned>(f); };
    const auto s = hsct::enum_set<field>::from_bits(bit(field::dlco) | bit(field::age));
    CHECK(s.size() == 2);
    CHECK(s.contains(field::dlco));
    CHECK(s.contains(field::age));
    hsct::enum_set<field> same;
    same.insert(field::age);
    same.insert(field::dlco);
    CHECK(s == same);
    // bits that are no enumerator (code 0, codes between and past the listed ones) are left out
    const auto noisy = hsct::enum_set<field>::from_bits(~std::uint64_t{0});
    CHECK(noisy.size() == hsct::values<field>().size());
    CHECK(hsct::enum_set<field>::from_bits(1).empty());
    STATIC_REQUIRE(hsct::enum_set<field>::from_bits(0).empty());
    hsct::enum_set<field> t;
    t.insert_if(field::age, false);
    CHECK(t.empty());
    t.insert_if(field::age, true);
    t.insert_if(field::dlco, false);
    CHECK(t.size() == 1);
    CHECK(t.contains(field::age));
}

namespace evidence_rule {
enum class crit : std::uint8_t { fev1 = 1, oxygen = 2, valve = 3, ratio = 5 };
constexpr auto hsct_enum_table(crit) noexcept {
    return hsct::make_enum_table<crit>("evidence_test_criterion", {
        {crit::fev1, "fev1", "FEV1 at most 65 %"},
        {crit::oxygen, "oxygen", "oxygen needed"},
        {crit::valve, "valve", "valve disease"},
        {crit::ratio, "ratio", "bilirubin above 1.5 x ULN"},
    });
}
constexpr hsct::criterion_info hsct_criterion_info(crit c) noexcept {
    switch (c) {
        case crit::fev1:
            return {"TEST-002", hsct::measure::kind::quantity, hsct::comparator::less_equal, 65.0,
                    &hsct::units::percent_t::info, hsct::count_unit::none, nullptr};
        case crit::oxygen: return {"TEST-003", hsct::measure::kind::flag};
        case crit::valve:
            return {"TEST-010", hsct::measure::kind::code, hsct::comparator::present, 0.0, nullptr,
                    hsct::count_unit::none, hsct::enum_ref::type_of<hsct::outcome>()};
        case crit::ratio:
            return {"TEST-004", hsct::measure::kind::count, hsct::comparator::greater, 1.5, nullptr,
                    hsct::count_unit::times_uln, nullptr};
    }
    return {};
}
enum class input : std::uint8_t { fev1 = 1, oxygen = 2 };
constexpr auto hsct_enum_table(input) noexcept {
    return hsct::make_enum_table<input>("evidence_test_input",
                                        {{input::fev1, "fev1", "FEV1"}, {input::oxygen, "oxygen", "oxygen need"}});
}
}  // namespace evidence_rule

TEST_CASE("evidence records each criterion compactly and reads back full records",
          "[core][explain][CORE-EXPLAIN-001]") {
    using evidence_rule::crit;
    using evidence_rule::input;
    hsct::evidence<crit, input> ev;
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::evidence<crit, input>>);
    CHECK(ev.empty());
    CHECK(ev.begin() == ev.end());
    // comparisons come from the criterion's info, with CORE-THRESH-001
    CHECK(ev.value(crit::ratio, 1.8 / 1.2) == false);  // at 1.5: not above
    CHECK(ev.value(crit::fev1, 65.0) == true);
    ev.missing(crit::oxygen, input::oxygen);
    CHECK(ev.code(crit::valve, hsct::outcome::not_met, true, false) == true);
    CHECK(ev.size() == 4);
    CHECK(ev.contains(crit::fev1));
    CHECK(ev.outcome_of(crit::oxygen) == hsct::outcome::unknown);
    CHECK(ev.missing_inputs().contains(input::oxygen));
    CHECK_FALSE(ev.missing_inputs().contains(input::fev1));

    // read back in criterion order
    std::vector<crit> order;
    for (const auto& c : ev) {
        order.push_back(c.id);
    }
    CHECK(order == std::vector<crit>{crit::fev1, crit::oxygen, crit::valve, crit::ratio});

    const auto fev1 = ev.find(crit::fev1);
    REQUIRE(fev1.has_value());
    CHECK(fev1->result == hsct::outcome::met);
    CHECK(fev1->cmp == hsct::comparator::less_equal);
    CHECK(fev1->threshold == 65.0);
    CHECK(std::string_view(fev1->requirement) == "TEST-002");
    CHECK(fev1->measured.as<hsct::percent>()->in(hsct::units::pct) == 65.0);
    CHECK(fev1->verified);

    const auto oxygen = ev.find(crit::oxygen);
    REQUIRE(oxygen.has_value());
    CHECK(oxygen->measured == hsct::measure::missing(input::oxygen));

    const auto valve = ev.find(crit::valve);
    REQUIRE(valve.has_value());
    CHECK(valve->measured == hsct::measure::code(hsct::outcome::not_met));
    CHECK_FALSE(valve->verified);
    CHECK(ev.unverified_mask() == (std::uint64_t{1} << 3));

    const auto ratio = ev.find(crit::ratio);
    REQUIRE(ratio.has_value());
    CHECK(ratio->result == hsct::outcome::not_met);
    CHECK(ratio->measured.counted_in() == hsct::count_unit::times_uln);

    // copies compare equal; a different record does not
    auto copy = ev;
    CHECK(copy == ev);
    copy.flag(crit::oxygen, true);
    CHECK_FALSE(copy == ev);
    CHECK(copy.find(crit::oxygen)->measured == hsct::measure::flag(true));
    CHECK(copy.met_mask() == ((std::uint64_t{1} << 1) | (std::uint64_t{1} << 2) | (std::uint64_t{1} << 3)));

    // not applicable keeps what was measured
    copy.not_applicable(crit::fev1, 50.0);
    CHECK(copy.outcome_of(crit::fev1) == hsct::outcome::not_applicable);
    CHECK(copy.find(crit::fev1)->measured.number() == 50.0);
    CHECK_FALSE(copy.find(crit::ratio) == std::nullopt);
    CHECK_FALSE(ev.contains(static_cast<crit>(4)));
}

}  // namespace hsct_test_core_explain_test
