// Tests for include/hsct/conditioning/regimen.hpp: a regimen's checks (COND-REG-001) and the
// published regimens with their totals and citations (COND-REG-002).
#include <hsct/conditioning/regimen.hpp>

#include <array>
#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_regimen_test {

namespace c = hsct::conditioning;
using c::agent;

namespace {
c::regimen_component component(const hsct::result<c::agent_dose>& d, std::initializer_list<int> days) {
    REQUIRE(d.has_value());
    c::regimen_component x{*d, {}};
    for (const int day : days) {
        x.days.push_back(hsct::transplant_day::at(day));
    }
    return x;
}
}  // namespace

TEST_CASE("the published regimens: doses, totals and citations", "[COND-REG-002][V2][V-HB24]") {
    struct row {
        c::regimen r;
        agent a;
        double total;
        int days;
    };
    const std::vector<row> rows = {
        {c::regimens::bu_cy_oral(), agent::busulfan_oral, 16.0, 4},
        {c::regimens::bu_cy_oral(), agent::cyclophosphamide, 120.0, 2},
        {c::regimens::bu_cy_iv(), agent::busulfan_iv, 12.8, 4},
        {c::regimens::cy_tbi(), agent::tbi, 12.0, 3},
        {c::regimens::flu_bu4(), agent::fludarabine, 160.0, 4},
        {c::regimens::flu_bu4(), agent::busulfan_iv, 12.8, 4},
        {c::regimens::flu_bu2(), agent::busulfan_iv, 6.4, 2},
        {c::regimens::flu_bu2(), agent::atg_grafalon, 40.0, 4},
        {c::regimens::flu_mel(), agent::fludarabine, 120.0, 4},
        {c::regimens::flu_mel(), agent::melphalan, 140.0, 1},
        {c::regimens::beam(), agent::carmustine, 300.0, 1},
        {c::regimens::beam(), agent::etoposide, 800.0, 4},
        {c::regimens::beam(), agent::cytarabine, 1600.0, 4},
        {c::regimens::beam(), agent::melphalan, 140.0, 1},
        {c::regimens::mel200(), agent::melphalan, 200.0, 1},
        {c::regimens::flu_cy_tbi_ptcy(), agent::fludarabine, 150.0, 5},
        {c::regimens::flu_cy_tbi_ptcy(), agent::cyclophosphamide, 29.0, 2},
        {c::regimens::flu_cy_tbi_ptcy(), agent::tbi, 2.0, 1},
        {c::regimens::flu_tbi_2gy(), agent::fludarabine, 90.0, 3},
        {c::regimens::flu_tbi_2gy(), agent::tbi, 2.0, 1},
        {c::regimens::flu_treo(), agent::treosulfan, 42000.0, 3},
        {c::regimens::flu_treo(), agent::fludarabine, 150.0, 5},
        {c::regimens::tbf(), agent::thiotepa, 10.0, 2},
        {c::regimens::tbf(), agent::busulfan_iv, 9.6, 3},
        {c::regimens::tbf(), agent::fludarabine, 150.0, 3},
    };
    for (const auto& x : rows) {
        INFO(x.r.name() << " " << hsct::id(x.a));
        const auto t = x.r.total(x.a);
        CHECK(std::abs(t.amount - x.total) < 1e-9);
        CHECK(t.days == x.days);
        CHECK_FALSE(x.r.source().empty());
        CHECK(x.r.doses_verified());
    }
    // Cy/TBI: 6 fractions of 2 Gy; the Baltimore regimen's PTCy counts only through day +4
    CHECK(c::regimens::cy_tbi().total(agent::tbi).fractions == 6);
    CHECK(c::regimens::flu_cy_tbi_ptcy().total(agent::cyclophosphamide, 30).amount == 129.0);
    // schedules read in a source are marked; the others are one common variant
    CHECK(c::regimens::bu_cy_oral().schedule_verified());
    CHECK_FALSE(c::regimens::flu_mel().schedule_verified());
}

TEST_CASE("a centre's regimen gets the same checks", "[COND-REG-001]") {
    const std::array<c::regimen_component, 2> parts{
        component(c::make_dose<agent::fludarabine>(hsct::dose_per_area(30, hsct::units::mg_per_m2)), {-6, -5, -4, -3, -2}),
        component(c::make_dose<agent::melphalan>(hsct::dose_per_area(100, hsct::units::mg_per_m2)), {-1})};
    const auto r = c::make_regimen("FluMel100", "centre protocol v3", parts);
    REQUIRE(r.has_value());
    CHECK(r->total(agent::melphalan).amount == 100.0);
    CHECK_FALSE(r->doses_verified());

    const std::array<c::regimen_component, 1> backwards{
        component(c::make_dose<agent::fludarabine>(hsct::dose_per_area(30, hsct::units::mg_per_m2)), {-2, -3})};
    const auto b = c::make_regimen("x", "", backwards);
    REQUIRE_FALSE(b.has_value());
    CHECK(b.error().code() == hsct::errc::inconsistent);
    CHECK(b.error().field() == "regimen.components.days[0]");
    CHECK(b.error().value() == "D-2 then D-3");

    const std::array<c::regimen_component, 1> twice{
        component(c::make_dose<agent::fludarabine>(hsct::dose_per_area(30, hsct::units::mg_per_m2)), {-3, -3})};
    CHECK_FALSE(c::make_regimen("x", "", twice).has_value());
    const std::array<c::regimen_component, 1> far{
        component(c::make_dose<agent::fludarabine>(hsct::dose_per_area(30, hsct::units::mg_per_m2)), {-31})};
    CHECK(c::make_regimen("x", "", far).error().code() == hsct::errc::out_of_range);
    const std::array<c::regimen_component, 1> none{
        component(c::make_dose<agent::fludarabine>(hsct::dose_per_area(30, hsct::units::mg_per_m2)), {})};
    CHECK(c::make_regimen("x", "", none).error().code() == hsct::errc::missing);
    CHECK(c::make_regimen("", "", parts).error().field() == "regimen.name");
    CHECK(c::make_regimen("x", "", std::span<const c::regimen_component>()).error().field() == "regimen.components");
}

TEST_CASE("a regimen's days: D-30 and D+30 accepted, D-31 and D+31 refused", "[COND-REG-001]") {
    const auto flu = c::make_dose<agent::fludarabine>(hsct::dose_per_area(30, hsct::units::mg_per_m2));
    const std::array<c::regimen_component, 1> edges{component(flu, {-30, 30})};
    const auto ok = c::make_regimen("edges", "", edges);
    REQUIRE(ok.has_value());
    REQUIRE(ok->components().size() == 1);
    CHECK(ok->components()[0].days.size() == 2);
    CHECK(ok->components()[0].days[1] == hsct::transplant_day::at(30));
    CHECK(ok->total(agent::fludarabine).days == 1);       // conditioning: through Day 0
    CHECK(ok->total(agent::fludarabine, 30).days == 2);   // every day, D+30 included
    for (const int day : {-31, 31}) {
        INFO(day);
        const std::array<c::regimen_component, 1> outside{component(flu, {day})};
        const auto r = c::make_regimen("outside", "", outside);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == "regimen.components.days[0]");
        CHECK(r.error().value() == hsct::to_string(hsct::transplant_day::at(day)));
        CHECK(r.error().valid_range() == "D-30 to D+30");
        CHECK(r.error().requirement() == "COND-REG-001");
    }
}

}  // namespace hsct_test_conditioning_regimen_test
