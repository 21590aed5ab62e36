// Tests for include/hsct/conditioning/dose_calculation_text.hpp: each component's arithmetic as
// a line, rendered from the data, in English and through a second catalogue.
#include <hsct/conditioning/dose_calculation_text.hpp>

#include <string>
#include <string_view>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_dose_calculation_text_test {

namespace c = hsct::conditioning;
namespace p = hsct::patient;

namespace {
p::body_measures woman_165_120() {
    return *p::body_measures::make(*p::height::make(165, hsct::units::cm), *p::body_weight::make(120, hsct::units::kg),
                                   hsct::sex::female, *hsct::age::make(45, 0));
}
bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

constexpr hsct::catalogue_entry german[] = {
    {"agent", "busulfan_iv", "Busulfan i.v."},
    {"agent", "tbi", "Ganzkoerperbestrahlung"},
    {"conditioning_dose", "a_day", "pro Tag"},
    {"conditioning_dose", "over", "ueber"},
    {"conditioning_dose", "days", "Tage"},
    {"conditioning_dose", "weight", "Gewicht"},
    {"conditioning_dose", "fractions", "Fraktionen zu"},
    {"conditioning_dose", "at", "mit"},
};
}  // namespace

TEST_CASE("the obese woman of 11.6: each agent's arithmetic and why that weight", "[COND-DOSE-002][text][V2]") {
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), woman_165_120());
    REQUIRE(d.has_value());
    CHECK(c::render(d->components[1]) ==
          "busulfan IV: 3.2 mg/kg a day x 72.68 kg = 232.6 mg a day; 930.3 mg over 4 days. Weight: TBW as % of IBW "
          "against the trigger: 210.9 % > 120 %: met (hsct reading, unverified) [PAT-DOSE-002]: adjusted 25% (AIBW25, "
          "busulfan label) = 72.68 kg (IBW 56.91 kg, TBW 120.00 kg) [policy: busulfan: commonly reported practice "
          "[unverified as normative]]");
    CHECK(c::render(d->components[0]) ==
          "fludarabine: 40 mg/m2 a day x 2.345 m2 = 93.8 mg a day; 375.2 mg over 4 days. BSA: no trigger (applies to "
          "every patient): BSA (Mosteller 1987) from actual body weight 120.00 kg = 2.345 m2 [policy: fludarabine: "
          "commonly reported practice [unverified as normative]]");
    const std::string all = c::render(*d);
    CHECK(all == c::render(d->components[0]) + "\n" + c::render(d->components[1]) + "\n");
}

TEST_CASE("TBI: Gy a day, fractions, the rate where given; a flat dose says so", "[COND-DOSE-002][COND-AGENT-003][text]") {
    const auto d = c::calculate_doses(c::regimens::cy_tbi(), woman_165_120());
    REQUIRE(d.has_value());
    CHECK(c::render(d->components[1]) == "total body irradiation: 4 Gy a day (2 fractions of 2 Gy); 12 Gy over 3 days");

    const c::regimen_component tbi{*c::make_tbi(hsct::radiation_dose(2, hsct::units::Gy), 1,
                                                 hsct::radiation_dose_rate(7.5, hsct::units::cGy_per_min)),
                                   {}};
    const c::regimen_component alem{*c::make_dose<c::agent::alemtuzumab>(hsct::total_dose(20, hsct::units::mg)), {}};
    c::regimen_component t = tbi;
    t.days.push_back(hsct::transplant_day::at(-1));
    c::regimen_component a = alem;
    for (int k = -7; k <= -3; ++k) {
        a.days.push_back(hsct::transplant_day::at(k));
    }
    const c::regimen_component parts[] = {a, t};
    const auto r = c::make_regimen("centre", "test", parts);
    REQUIRE(r.has_value());
    const auto e = c::calculate_doses(*r, woman_165_120());
    REQUIRE(e.has_value());
    CHECK(c::render(e->components[0]) == "alemtuzumab: 20.0 mg a day (flat dose, no weight); 100.0 mg over 5 days");
    CHECK(c::render(e->components[1]) ==
          "total body irradiation: 2 Gy a day (1 fraction of 2 Gy at 7.5 cGy/min); 2 Gy over 1 day");
}

TEST_CASE("the same lines through another catalogue", "[COND-DOSE-002][text]") {
    const hsct::table_catalogue de(german);
    const auto d = c::calculate_doses(c::regimens::cy_tbi(), woman_165_120());
    REQUIRE(d.has_value());
    CHECK(c::render(d->components[1], de) == "Ganzkoerperbestrahlung: 4 Gy pro Tag (2 Fraktionen zu 2 Gy); 12 Gy ueber 3 Tage");
    const auto b = c::calculate_doses(c::regimens::flu_bu4(), woman_165_120());
    REQUIRE(b.has_value());
    const std::string bu = c::render(b->components[1], de);
    CHECK(contains(bu, "Busulfan i.v.: 3.2 mg/kg pro Tag x 72.68 kg = 232.6 mg pro Tag; 930.3 mg ueber 4 Tage. Gewicht: "));
}

TEST_CASE("a centre's adjustments are shown with the amount before them", "[COND-DOSE-004][text]") {
    auto policies = c::commonly_reported_policies();
    auto& x = policies.adjustment(c::agent::busulfan_iv);
    x.name = "centre: Bu 80 %, 60 mg vials";
    x.reduce_to = hsct::percent(80.0, hsct::units::pct);
    x.round_to = hsct::total_dose(60.0, hsct::units::mg);
    x.cap_per_day = hsct::total_dose(150.0, hsct::units::mg);
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), woman_165_120(), policies);
    REQUIRE(d.has_value());
    const std::string bu = c::render(d->components[1]);
    CHECK(bu.starts_with("busulfan IV: 3.2 mg/kg a day x 72.68 kg = 232.6 mg calculated; centre: Bu 80 %, 60 mg "
                         "vials: reduced to 80 %, rounded to the nearest multiple of 60 mg, at most 150 mg a day "
                         "(applied) -> 150.0 mg a day; 600.0 mg over 4 days. Weight: "));
    // the other component is as calculated
    CHECK(c::render(d->components[0]).find("calculated") == std::string::npos);
}

}  // namespace hsct_test_conditioning_dose_calculation_text_test
