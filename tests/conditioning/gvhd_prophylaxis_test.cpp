// Tests for include/hsct/conditioning/gvhd_prophylaxis.hpp: the published combinations
// (COND-GVHD-002), their checks (COND-GVHD-001) and their doses for a patient on the worked
// example of the reference notes (11.11: Tac/MTX at BSA 1.8 m2) (COND-GVHD-003).
#include <hsct/conditioning/gvhd_prophylaxis.hpp>

#include <array>
#include <cmath>
#include <optional>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_gvhd_prophylaxis_test {

namespace c = hsct::conditioning;
namespace p = hsct::patient;
using c::agent;

namespace {
p::body_measures measures(double cm, double kg) {
    const auto m = p::body_measures::make(p::height::make(cm, hsct::units::cm).value(),
                                          p::body_weight::make(kg, hsct::units::kg).value(),
                                          hsct::sex::male, hsct::age::make(50, 0).value());
    REQUIRE(m.has_value());
    return *m;
}
bool near(double a, double b, double tol) { return std::abs(a - b) <= tol; }
}  // namespace

TEST_CASE("Tac/MTX at BSA 1.8 m2: 27 mg on day +1, 18 mg on days +3, +6, +11, 81 mg in all (11.11)", "[COND-GVHD-002][COND-GVHD-003][V2]") {
    // 180 cm and 64.8 kg: Mosteller sqrt(180 x 64.8 / 3600) = 1.8 m2
    const auto m = measures(180, 64.8);
    const auto d = c::prophylaxis_doses(c::prophylaxis::tac_mtx(), m);
    REQUIRE(d.has_value());
    REQUIRE(d->drugs.size() == 3);
    CHECK(d->drugs[1].which == agent::methotrexate);
    CHECK(near(d->drugs[1].weighting->bsa->value.in(hsct::units::m2), 1.8, 1e-12));
    CHECK(near(d->drugs[1].per_day->in(hsct::units::mg), 27.0, 1e-9));
    CHECK(near(d->drugs[1].course_total->in(hsct::units::mg), 27.0, 1e-9));
    CHECK(near(d->drugs[2].per_day->in(hsct::units::mg), 18.0, 1e-9));
    CHECK(near(d->drugs[2].course_total->in(hsct::units::mg), 54.0, 1e-9));
    CHECK(near(d->drugs[1].course_total->in(hsct::units::mg) + d->drugs[2].course_total->in(hsct::units::mg), 81.0, 1e-9));
    // tacrolimus is continuous: a dose a day, no course total, a trough target marked unverified
    CHECK_FALSE(d->drugs[0].course_total.has_value());
    const auto tac_mtx = c::prophylaxis::tac_mtx();
    const auto& tac = tac_mtx.drugs[0];
    REQUIRE(tac.trough.has_value());
    CHECK(std::abs(tac.trough->low.in(hsct::units::ng_per_ml) - 5.0) < 1e-12);
    CHECK(std::abs(tac.trough->high.in(hsct::units::ng_per_ml) - 10.0) < 1e-12);
    CHECK(std::abs(tac.trough->high.in(hsct::units::mg_per_l) - 0.01) < 1e-15);  // 10 ng/mL = 0.01 mg/L
    CHECK_FALSE(tac.trough->verified);
    CHECK(tac.start == hsct::transplant_day::at(-3));
}

TEST_CASE("the methotrexate schedules are named variants", "[COND-GVHD-002]") {
    CHECK(c::prophylaxis::tac_mtx().drugs[2].days.size() == 3);              // +3, +6, +11
    CHECK(c::prophylaxis::tac_mtx_three_doses().drugs[2].days.size() == 2);  // +3, +6
    const auto mini = c::prophylaxis::tac_mini_mtx();
    CHECK(mini.drugs[1].per_day.value() == 5.0);
    CHECK(mini.drugs[1].days.size() == 3);
    const auto ptcy = c::prophylaxis::ptcy_tac_mmf();
    CHECK(ptcy.drugs[0].days[0] == hsct::transplant_day::at(3));
    CHECK(ptcy.drugs[0].days[1] == hsct::transplant_day::at(4));
    CHECK(ptcy.drugs[2].start == hsct::transplant_day::at(5));
    const auto seattle = c::prophylaxis::csa_mmf_seattle();
    CHECK(seattle.drugs[0].per_day.which() == agent::cyclosporine);
    CHECK(seattle.drugs[1].start == hsct::transplant_day::at(0));
}

TEST_CASE("PTCy at 70 kg: 3,500 mg a day, 7,000 mg in all; MMF 45 mg/kg a day", "[COND-GVHD-003][V2]") {
    const auto d = c::prophylaxis_doses(c::prophylaxis::ptcy_tac_mmf(), measures(175, 70));
    REQUIRE(d.has_value());
    CHECK(near(d->drugs[0].per_day->in(hsct::units::mg), 3500.0, 1e-9));
    CHECK(near(d->drugs[0].course_total->in(hsct::units::mg), 7000.0, 1e-9));
    CHECK(near(d->drugs[2].per_day->in(hsct::units::mg), 45.0 * 70.0, 1e-9));
    CHECK(d->drugs[2].weighting->options.name.find("hsct policy") != std::string_view::npos);
}

TEST_CASE("a prophylaxis is checked", "[COND-GVHD-001]") {
    const auto mtx = c::make_dose<agent::methotrexate>(hsct::dose_per_area(10, hsct::units::mg_per_m2)).value();
    c::prophylaxis_drug both{mtx, {}, hsct::transplant_day::at(1), std::nullopt, std::nullopt};
    both.days.push_back(hsct::transplant_day::at(1));
    CHECK(c::make_prophylaxis("x", "", std::array{both}).error().code() == hsct::errc::inconsistent);
    c::prophylaxis_drug neither{mtx, {}, std::nullopt, std::nullopt, std::nullopt};
    CHECK(c::make_prophylaxis("x", "", std::array{neither}).error().code() == hsct::errc::inconsistent);
    c::prophylaxis_drug late{mtx, {}, std::nullopt, std::nullopt, std::nullopt};
    late.days.push_back(hsct::transplant_day::at(61));
    CHECK(c::make_prophylaxis("x", "", std::array{late}).error().code() == hsct::errc::out_of_range);
    c::prophylaxis_drug backwards{mtx, {}, std::nullopt, std::nullopt, std::nullopt};
    backwards.days.push_back(hsct::transplant_day::at(6));
    backwards.days.push_back(hsct::transplant_day::at(3));
    const auto b = c::make_prophylaxis("x", "", std::array{backwards});
    REQUIRE_FALSE(b.has_value());
    CHECK(b.error().value() == "D+6 then D+3");
    c::prophylaxis_drug stop_before{mtx, {}, hsct::transplant_day::at(5), hsct::transplant_day::at(2), std::nullopt};
    CHECK_FALSE(c::make_prophylaxis("x", "", std::array{stop_before}).has_value());
    CHECK(c::make_prophylaxis("", "", std::array{late}).error().field() == "prophylaxis.name");
    // a centre's listed days up to D+60 get their doses
    c::prophylaxis_drug d45{mtx, {}, std::nullopt, std::nullopt, std::nullopt};
    d45.days.push_back(hsct::transplant_day::at(45));
    const auto ok = c::make_prophylaxis("centre", "", std::array{d45});
    REQUIRE(ok.has_value());
    CHECK(c::prophylaxis_doses(*ok, measures(180, 64.8)).has_value());
}

TEST_CASE("a listed prophylaxis day: D-10 and D+60 accepted, D-11 and D+61 refused", "[COND-GVHD-001]") {
    const auto mtx = c::make_dose<agent::methotrexate>(hsct::dose_per_area(10, hsct::units::mg_per_m2)).value();
    c::prophylaxis_drug edges{mtx, {}, std::nullopt, std::nullopt, std::nullopt};
    edges.days.push_back(hsct::transplant_day::at(-10));
    edges.days.push_back(hsct::transplant_day::at(60));
    const auto ok = c::make_prophylaxis("edges", "", std::array{edges});
    REQUIRE(ok.has_value());
    REQUIRE(ok->drugs.size() == 1);
    CHECK(ok->drugs[0].days.size() == 2);
    CHECK(ok->drugs[0].days[1] == hsct::transplant_day::at(60));
    for (const int day : {-11, 61}) {
        INFO(day);
        c::prophylaxis_drug outside{mtx, {}, std::nullopt, std::nullopt, std::nullopt};
        outside.days.push_back(hsct::transplant_day::at(day));
        const auto r = c::make_prophylaxis("outside", "", std::array{outside});
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == "prophylaxis.drugs.days[0]");
        CHECK(r.error().value() == hsct::to_string(hsct::transplant_day::at(day)));
        CHECK(r.error().valid_range() == "D-10 to D+60");
        CHECK(r.error().requirement() == "COND-GVHD-001");
    }
}

}  // namespace hsct_test_conditioning_gvhd_prophylaxis_test
