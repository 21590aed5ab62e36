// Tests for include/hsct/conditioning/dose_calculation.hpp: a regimen's doses for a patient with
// the weight or BSA each agent used and why (COND-DOSE-001/002), on the worked examples of the
// reference notes (clinical-scores-conditioning.md 11.6 and 11.11).
#include <hsct/conditioning/dose_calculation.hpp>

#include <cmath>
#include <string>

#include "support/catch.hpp"

namespace c = hsct::conditioning;
namespace p = hsct::patient;
using c::agent;

namespace {
p::body_measures measures(double cm, double kg, hsct::sex s) {
    const auto h = p::height::make(cm, hsct::units::cm);
    const auto w = p::body_weight::make(kg, hsct::units::kg);
    REQUIRE(h.has_value());
    REQUIRE(w.has_value());
    const auto m = p::body_measures::make(*h, *w, s, *hsct::age::make(45, 0));
    REQUIRE(m.has_value());
    return *m;
}
bool near(double a, double b, double tol) { return std::abs(a - b) <= tol; }
}  // namespace

TEST_CASE("the obese woman of 11.6: busulfan on AIBW25, fludarabine on an actual-weight BSA", "[COND-DOSE-001][COND-DOSE-002][V2]") {
    const auto m = measures(165, 120, hsct::sex::female);
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), m);
    REQUIRE(d.has_value());
    REQUIRE(d->components.size() == 2);
    const auto& flu = d->components[0];
    const auto& bu = d->components[1];
    CHECK(flu.which == agent::fludarabine);
    REQUIRE(flu.weighting.has_value());
    REQUIRE(flu.weighting->bsa.has_value());
    CHECK(near(flu.weighting->bsa->value.in(hsct::units::m2), 2.345, 0.001));  // Mosteller, actual weight
    CHECK(near(flu.per_day->in(hsct::units::mg), 40.0 * flu.weighting->bsa->value.in(hsct::units::m2), 1e-9));
    CHECK(bu.which == agent::busulfan_iv);
    REQUIRE(bu.weighting.has_value());
    CHECK(bu.weighting->source == p::weight_source::adjusted);
    CHECK(near(bu.weighting->weight_used.in(hsct::units::kg), 72.68, 0.01));    // AIBW25
    CHECK(near(bu.per_day->in(hsct::units::mg), 232.6, 0.05));                 // 3.2 x 72.68
    CHECK(bu.days == 4);
    CHECK(near(bu.total->in(hsct::units::mg), 4.0 * bu.per_day->in(hsct::units::mg), 1e-9));
    CHECK(bu.prescribed.value() == 3.2);
    CHECK(bu.weighting->options.name.find("commonly reported practice") != std::string_view::npos);
}

TEST_CASE("PTCy at 70 kg: 3,500 mg on days +3 and +4 (11.11)", "[COND-DOSE-002][V2]") {
    const auto m = measures(175, 70, hsct::sex::male);
    const auto d = c::calculate_doses(c::regimens::flu_cy_tbi_ptcy(), m);
    REQUIRE(d.has_value());
    REQUIRE(d->components.size() == 4);
    const auto& ptcy = d->components[3];
    CHECK(ptcy.which == agent::cyclophosphamide);
    CHECK(ptcy.weighting->source == p::weight_source::actual);  // 70 kg is under 150 % IBW
    CHECK(near(ptcy.per_day->in(hsct::units::mg), 3500.0, 1e-9));
    CHECK(near(ptcy.total->in(hsct::units::mg), 7000.0, 1e-9));
    const auto& tbi = d->components[2];
    CHECK_FALSE(tbi.weighting.has_value());
    CHECK(tbi.per_day_gy->in(hsct::units::Gy) == 2.0);
    CHECK(tbi.total_gy->in(hsct::units::Gy) == 2.0);
}

TEST_CASE("a centre's policy per agent; a policy on the wrong basis is refused", "[COND-DOSE-001]") {
    const auto m = measures(165, 120, hsct::sex::female);
    auto policies = c::commonly_reported_policies();
    policies.of(agent::busulfan_iv) = p::policies::actual_weight();
    policies.of(agent::busulfan_iv).name = "centre: busulfan on actual weight";
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), m, policies);
    REQUIRE(d.has_value());
    CHECK(near(d->components[1].per_day->in(hsct::units::mg), 384.0, 1e-9));  // 3.2 x 120
    CHECK(d->components[1].weighting->options.name == "centre: busulfan on actual weight");

    policies.of(agent::busulfan_iv) = p::policies::bsa_actual();
    policies.of(agent::busulfan_iv).name = "wrong";
    const auto bad = c::calculate_doses(c::regimens::flu_bu4(), m, policies);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::inconsistent);
    CHECK(bad.error().field() == "policies.busulfan_iv");
}

TEST_CASE("every published regimen computes for an adult", "[COND-DOSE-002][COND-REG-002]") {
    const auto m = measures(170, 70, hsct::sex::male);
    for (const auto& r : {c::regimens::bu_cy_oral(), c::regimens::bu_cy_iv(), c::regimens::cy_tbi(),
                          c::regimens::flu_bu4(), c::regimens::flu_bu2(), c::regimens::flu_mel(),
                          c::regimens::beam(), c::regimens::mel200(), c::regimens::flu_cy_tbi_ptcy(),
                          c::regimens::flu_tbi_2gy(), c::regimens::flu_treo(), c::regimens::tbf()}) {
        INFO(r.name());
        const auto d = c::calculate_doses(r, m);
        REQUIRE(d.has_value());
        CHECK(d->components.size() == r.components().size());
        for (const auto& x : d->components) {
            CHECK((x.per_day.has_value() || x.per_day_gy.has_value()));
        }
    }
}
