// Tests for include/hsct/patient/body_size_text.hpp: BSA, IBW and adjusted weight rendered from
// their data, in English and through a second catalogue.
#include <hsct/patient/body_size_text.hpp>

#include <string>
#include <string_view>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_body_size_text_test {

namespace u = hsct::units;
namespace p = hsct::patient;

namespace {
p::height cm(double v) { return p::height::make(v, u::cm).value(); }
p::body_weight kg(double v) { return p::body_weight::make(v, u::kg).value(); }
hsct::age adult() { return *hsct::age::make(45, 0); }
bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

constexpr hsct::catalogue_entry german[] = {
    {"body_size", "bsa", "KOF"},
    {"body_size", "ibw", "IKG"},
    {"body_size", "tbw", "TKG"},
    {"body_size", "no_adjustment", "keine Anpassung"},
    {"sex", "female", "weiblich"},
    {"ibw_criterion", "adult_age", "Alter mindestens 18 Jahre"},
    {"ibw_criterion", "at_least_60_in", "Groesse mindestens 60 Zoll"},
    {"abw_criterion", "actual_above_ideal", "TKG ueber IKG"},
    {"outcome", "met", "erfuellt"},
    {"outcome", "not_met", "nicht erfuellt"},
    {"count_unit", "years", "Jahre"},
    {"short_stature_policy", "extrapolate", "unter 60 Zoll extrapoliert"},
};
}  // namespace

TEST_CASE("BSA renders value, formula, inputs and requirement",
          "[patient][body_size][text][PAT-BSA-001][PAT-BSA-005]") {
    const auto m = p::body_surface_area(cm(165.0), kg(120.0), p::bsa_formula::mosteller).value();
    CHECK(p::render(m) == "BSA 2.345 m2 (Mosteller 1987; 165 cm, 120 kg) [PAT-BSA-001]");
    const auto b = p::body_surface_area(cm(152.4), kg(72.68), p::bsa_formula::boyd).value();
    CHECK(contains(p::render(b), "(Boyd 1935; 152.4 cm, 72.68 kg) [PAT-BSA-005]"));
}

TEST_CASE("IBW renders the formula, options and criteria",
          "[patient][body_size][text][PAT-IBW-001][PAT-IBW-002][PAT-IBW-004]") {
    const auto w = p::ideal_body_weight(cm(165.0), hsct::sex::female, adult()).value();
    CHECK(p::render(w) ==
          "IBW 56.91 kg (Devine 1974, female, 165 cm; extrapolate below 60 in): "
          "age at least 18 years (Devine is an adult formula): 45 years >= 18 years: met "
          "[PAT-IBW-004]; height at least 60 in (Devine base height): 165.0 cm >= 152.4 cm: met "
          "[PAT-IBW-002]");
    const auto s = p::ideal_body_weight(cm(150.0), hsct::sex::female, adult()).value();
    CHECK(contains(p::render(s), "150.0 cm >= 152.4 cm: not met [PAT-IBW-002]"));
    // a value a hair under the threshold is not shown as equal to it (CORE-EXPLAIN-003)
    const auto hair = p::ideal_body_weight(cm(152.39), hsct::sex::male, adult()).value();
    CHECK(contains(p::render(hair), "152.39 cm >= 152.4 cm: not met"));
}

TEST_CASE("an IBW that does not apply renders why", "[patient][body_size][text][PAT-IBW-004][PAT-IBW-002]") {
    const auto child = p::ideal_body_weight(cm(140.0), hsct::sex::male, *hsct::age::make(9, 6)).value();
    CHECK(p::render(child) ==
          "IBW does not apply (Devine 1974, male, 140 cm; extrapolate below 60 in): age at least "
          "18 years (Devine is an adult formula): 9 years >= 18 years: not met [PAT-IBW-004]");
    const auto short_r = p::ideal_body_weight(cm(150.0), hsct::sex::female, adult(),
                                              {p::short_stature_policy::refuse})
                             .value();
    CHECK(contains(p::render(short_r), "IBW does not apply (Devine 1974, female, 150 cm; no IBW "
                                       "below 60 in): "));
    CHECK(contains(p::render(short_r), "150.0 cm >= 152.4 cm: not met [PAT-IBW-002]"));
}

TEST_CASE("adjusted weight renders the formula or why it was not applied",
          "[patient][body_size][text][PAT-ABW-001][PAT-ABW-003]") {
    const auto ibw_w = *p::ideal_body_weight(cm(165.0), hsct::sex::female, adult());
    const auto a25 = p::adjusted_body_weight(ibw_w, kg(120.0), p::adjustment_factor::aibw25).value();
    CHECK(p::render(a25) ==
          "adjusted 25% (AIBW25, busulfan label) = 72.68 kg: IBW 56.91 kg + 0.25 x (TBW 120.00 kg "
          "- IBW); actual body weight above ideal body weight (adjustment applies): 120.00 kg > "
          "56.91 kg: met [PAT-ABW-003]");
    const auto ibw50 = *p::ideal_body_weight(cm(152.4), hsct::sex::male, adult());
    const auto below = p::adjusted_body_weight(ibw50, kg(45.0), p::adjustment_factor::aibw25).value();
    CHECK(p::render(below) ==
          "TBW 45.00 kg, no adjustment (adjusted 25% (AIBW25, busulfan label)); actual body "
          "weight above ideal body weight (adjustment applies): 45.00 kg > 50 kg: not met "
          "[PAT-ABW-003]");
    // at IBW exactly: shown equal, and not met
    const auto at = p::adjusted_body_weight(ibw50, kg(50.0), p::adjustment_factor::adjbw50).value();
    CHECK(contains(p::render(at), "50.00 kg > 50 kg: not met"));
}

TEST_CASE("body size text through a second catalogue", "[patient][body_size][text][CORE-EXPLAIN-002]") {
    const hsct::table_catalogue de(german);
    const auto m = p::body_surface_area(cm(165.0), kg(120.0), p::bsa_formula::mosteller).value();
    CHECK(p::render(m, de) == "KOF 2.345 m2 (Mosteller 1987; 165 cm, 120 kg) [PAT-BSA-001]");
    const auto w = p::ideal_body_weight(cm(165.0), hsct::sex::female, adult()).value();
    CHECK(p::render(w, de) ==
          "IKG 56.91 kg (Devine 1974, weiblich, 165 cm; unter 60 Zoll extrapoliert): "
          "Alter mindestens 18 Jahre: 45 Jahre >= 18 Jahre: erfuellt [PAT-IBW-004]; "
          "Groesse mindestens 60 Zoll: 165.0 cm >= 152.4 cm: erfuellt [PAT-IBW-002]");
    const auto ibw50 = *p::ideal_body_weight(cm(152.4), hsct::sex::male, adult());
    const auto below = p::adjusted_body_weight(ibw50, kg(45.0), p::adjustment_factor::aibw25).value();
    CHECK(p::render(below, de) ==
          "TKG 45.00 kg, keine Anpassung (adjusted 25% (AIBW25, busulfan label)); TKG ueber IKG: "
          "45.00 kg > 50 kg: nicht erfuellt [PAT-ABW-003]");
}

}  // namespace hsct_test_patient_body_size_text_test
