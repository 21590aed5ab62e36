// Tests for include/hsct/conditioning/agent.hpp: agents and their bases (COND-AGENT-001), the
// per-day dose range below, at and above every agent's published maximum, a centre's own
// maximum, and TBI fractions (COND-AGENT-002). The type of a dose per basis is proved by
// tests/compile_fail/conditioning/.
#include <hsct/conditioning/agent.hpp>

#include <limits>
#include <string>
#include <type_traits>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_agent_test {

namespace c = hsct::conditioning;
using c::agent;
using c::dose_basis;

namespace {
template <agent A>
hsct::result<c::agent_dose> dose(double v, const c::dose_range_options& o = {}) {
    using Q = typename c::agent_traits<A>::quantity;
    return c::make_dose<A>(Q(v, hsct::canonical_unit_t<Q>{}), o);
}

template <agent A>
void check_range() {
    const double max = c::info_of(A).max_per_day;
    INFO(hsct::id(A) << " max " << max);
    CHECK_FALSE(dose<A>(0.0).has_value());
    CHECK_FALSE(dose<A>(-1.0).has_value());
    CHECK(dose<A>(max * 0.5).has_value());
    CHECK(dose<A>(max).has_value());  // at the maximum
    const auto over = dose<A>(max * 1.001);
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().code() == hsct::errc::out_of_range);
    CHECK(over.error().field() == std::string(hsct::id(A)) + ".dose_per_day");
    CHECK(over.error().valid_range().find(std::string(c::info_of(A).max_source).substr(0, 10)) != std::string::npos);
    CHECK(over.error().requirement() == "COND-AGENT-002");
}
}  // namespace

TEST_CASE("a per-day dose is 24 bytes and trivially copyable", "[COND-AGENT-001]") {
    STATIC_REQUIRE(sizeof(c::agent_dose) == 24);
    STATIC_REQUIRE(std::is_trivially_copyable_v<c::agent_dose>);
}

TEST_CASE("each agent's basis and dose type", "[COND-AGENT-001]") {
    STATIC_REQUIRE(std::is_same_v<c::agent_traits<agent::busulfan_iv>::quantity, hsct::dose_per_mass>);
    STATIC_REQUIRE(std::is_same_v<c::agent_traits<agent::fludarabine>::quantity, hsct::dose_per_area>);
    STATIC_REQUIRE(std::is_same_v<c::agent_traits<agent::alemtuzumab>::quantity, hsct::total_dose>);
    STATIC_REQUIRE(std::is_same_v<c::agent_traits<agent::tbi>::quantity, hsct::radiation_dose>);
    CHECK(c::info_of(agent::cyclophosphamide).basis == dose_basis::per_kg);
    CHECK(c::info_of(agent::melphalan).basis == dose_basis::per_m2);
    CHECK(c::info_of(agent::treosulfan).basis == dose_basis::per_m2);
    CHECK(c::info_of(agent::atg_thymoglobulin).basis == dose_basis::per_kg);
    // the two rabbit ATGs are different agents with different maxima
    CHECK(c::info_of(agent::atg_thymoglobulin).max_per_day != c::info_of(agent::atg_grafalon).max_per_day);
    const auto flu = dose<agent::fludarabine>(30.0);
    REQUIRE(flu.has_value());
    CHECK(flu->which() == agent::fludarabine);
    CHECK(flu->basis() == dose_basis::per_m2);
    REQUIRE(flu->per_m2().has_value());
    CHECK(flu->per_m2()->in(hsct::units::mg_per_m2) == 30.0);
    CHECK_FALSE(flu->per_kg().has_value());
    CHECK_FALSE(flu->flat().has_value());
    CHECK_FALSE(flu->gray().has_value());
    // a treosulfan dose in g/m2 reads as mg/m2
    const auto treo = c::make_dose<agent::treosulfan>(hsct::dose_per_area(14, hsct::units::g_per_m2));
    REQUIRE(treo.has_value());
    CHECK(treo->value() == 14000.0);
}

TEST_CASE("every agent: refused at 0, accepted up to and at its published maximum, refused above", "[COND-AGENT-002]") {
    check_range<agent::busulfan_iv>();
    check_range<agent::busulfan_oral>();
    check_range<agent::fludarabine>();
    check_range<agent::cyclophosphamide>();
    check_range<agent::melphalan>();
    check_range<agent::treosulfan>();
    check_range<agent::thiotepa>();
    check_range<agent::carmustine>();
    check_range<agent::etoposide>();
    check_range<agent::cytarabine>();
    check_range<agent::atg_thymoglobulin>();
    check_range<agent::atg_grafalon>();
    check_range<agent::alemtuzumab>();
    check_range<agent::methotrexate>();
    check_range<agent::cyclosporine>();
    check_range<agent::tacrolimus>();
    check_range<agent::mycophenolate>();
    check_range<agent::sirolimus>();
    check_range<agent::abatacept>();
}

TEST_CASE("a dose that is not finite is refused", "[COND-AGENT-002]") {
    const auto r = dose<agent::melphalan>(std::numeric_limits<double>::quiet_NaN());
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::not_finite);
}

TEST_CASE("a centre's own maximum replaces the published one, and the dose says so", "[COND-AGENT-002]") {
    c::dose_range_options centre;
    centre.centre_max = 4.0;
    const auto bu = dose<agent::busulfan_iv>(3.5, centre);
    REQUIRE(bu.has_value());
    CHECK(bu->above_published_max());
    CHECK_FALSE(dose<agent::busulfan_iv>(3.2, centre)->above_published_max());
    const auto over = dose<agent::busulfan_iv>(4.1, centre);
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().valid_range().find("centre") != std::string::npos);
    centre.centre_max = 0.0;
    const auto bad = dose<agent::busulfan_iv>(1.0, centre);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().field() == "options.centre_max");
}

TEST_CASE("TBI: dose per fraction times fractions a day, 1-4 fractions", "[COND-AGENT-001][COND-AGENT-002]") {
    const auto t = c::make_tbi(hsct::radiation_dose(2.0, hsct::units::Gy), 2);
    REQUIRE(t.has_value());
    CHECK(t->value() == 4.0);
    CHECK(t->fractions() == 2);
    REQUIRE(t->gray().has_value());
    CHECK(t->gray()->in(hsct::units::cGy) == 400.0);
    CHECK(c::make_tbi(hsct::radiation_dose(5.0, hsct::units::Gy), 1).has_value());   // 5 Gy single: at the maximum
    CHECK_FALSE(c::make_tbi(hsct::radiation_dose(2.0, hsct::units::Gy), 3).has_value());  // 6 Gy a day
    CHECK_FALSE(c::make_tbi(hsct::radiation_dose(1.0, hsct::units::Gy), 0).has_value());
    CHECK_FALSE(c::make_tbi(hsct::radiation_dose(1.0, hsct::units::Gy), 5).has_value());
    CHECK_FALSE(c::make_tbi(hsct::radiation_dose(0.0, hsct::units::Gy), 1).has_value());
}

TEST_CASE("TBI dose rate where the protocol gives one: above 0, at most 100 cGy/min [P]", "[COND-AGENT-003]") {
    using hsct::radiation_dose;
    using hsct::radiation_dose_rate;
    namespace u = hsct::units;
    const auto plain = c::make_tbi(radiation_dose(2.0, u::Gy), 1);
    REQUIRE(plain.has_value());
    CHECK_FALSE(plain->dose_rate().has_value());
    const auto low = c::make_tbi(radiation_dose(2.0, u::Gy), 1, radiation_dose_rate(7.0, u::cGy_per_min));
    REQUIRE(low.has_value());
    CHECK(low->dose_rate()->in(u::cGy_per_min) == 7.0);
    CHECK(low->value() == 2.0);
    CHECK_FALSE(*low == *plain);  // the rate is part of the dose
    // below, at and above the bound
    CHECK(c::make_tbi(radiation_dose(2.0, u::Gy), 1, radiation_dose_rate(99.99, u::cGy_per_min)).has_value());
    const auto at_bound = c::make_tbi(radiation_dose(2.0, u::Gy), 1, radiation_dose_rate(100.0, u::cGy_per_min));
    REQUIRE(at_bound.has_value());  // the bound itself is accepted
    CHECK(at_bound->dose_rate()->in(u::cGy_per_min) == c::tbi_dose_rate_max.in(u::cGy_per_min));
    CHECK(c::make_tbi(radiation_dose(2.0, u::Gy), 1, radiation_dose_rate(1.0, u::Gy_per_min)).has_value());
    const auto high = c::make_tbi(radiation_dose(2.0, u::Gy), 1, radiation_dose_rate(100.01, u::cGy_per_min));
    REQUIRE_FALSE(high.has_value());
    CHECK(high.error().code() == hsct::errc::out_of_range);
    CHECK(high.error().field() == "tbi.dose_rate");
    CHECK(high.error().value() == "100.01 cGy/min");
    CHECK(high.error().requirement() == "COND-AGENT-003");
    const auto zero = c::make_tbi(radiation_dose(2.0, u::Gy), 1, radiation_dose_rate(0.0, u::cGy_per_min));
    REQUIRE_FALSE(zero.has_value());
    CHECK(zero.error().code() == hsct::errc::out_of_range);
    const auto nan = c::make_tbi(radiation_dose(2.0, u::Gy), 1,
                                 radiation_dose_rate(std::numeric_limits<double>::quiet_NaN(), u::cGy_per_min));
    REQUIRE_FALSE(nan.has_value());
    CHECK(nan.error().code() == hsct::errc::not_finite);
    // the dose itself is still checked with a rate
    CHECK_FALSE(c::make_tbi(radiation_dose(2.0, u::Gy), 3, radiation_dose_rate(7.0, u::cGy_per_min)).has_value());
}

}  // namespace hsct_test_conditioning_agent_test
