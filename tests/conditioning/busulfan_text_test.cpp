// Tests for include/hsct/conditioning/busulfan_text.hpp: exposure against a target and the
// PK-guided dose, rendered from the data, in English and through a second catalogue.
#include <hsct/conditioning/busulfan_text.hpp>

#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_busulfan_text_test {

namespace c = hsct::conditioning;

namespace {
c::busulfan_auc auc(const char* text) { return *c::parse_busulfan_auc(text); }
constexpr hsct::catalogue_entry german[] = {
    {"exposure_outcome", "within", "im Zielbereich"},
    {"busulfan", "new_dose", "neue Dosis"},
    {"busulfan", "linear", "setzt lineare Kinetik voraus"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("exposure: the outcome, the target and each bound compared", "[COND-BU-003][text]") {
    const auto in = c::assess_busulfan_exposure({auc("19000 umol*min/L"), c::busulfan_auc_scope::cumulative});
    REQUIRE(in.has_value());
    CHECK(c::render(*in) ==
          "AUC 19000 umol*min/L (78.0 mg*h/L): within the target [course AUC 74-82 mg*h/L (Bartelink 2009)]: AUC at "
          "or above the target's low bound: 19000 >= 18027: met [COND-BU-003]; AUC at or below the target's high "
          "bound: 19000 <= 19976: met [COND-BU-003]");
    const auto other = c::assess_busulfan_exposure({auc("19000 umol*min/L"), c::busulfan_auc_scope::per_dose});
    REQUIRE(other.has_value());
    CHECK(c::render(*other) ==
          "AUC 19000 umol*min/L (78.0 mg*h/L): the target is for another scope (dose or course) [course AUC 74-82 "
          "mg*h/L (Bartelink 2009)]: AUC measured over what the target is for (a dose or the course): one dose: not "
          "met [COND-BU-003]");
    // a value a hair above the high bound is shown with the decimals that make it so
    const auto above = c::assess_busulfan_exposure({auc("82.001 mg*h/L"), c::busulfan_auc_scope::cumulative});
    REQUIRE(above.has_value());
    CHECK(above->outcome == c::exposure_outcome::above);
    CHECK(c::render(*above).starts_with("AUC 19975.9 umol*min/L (82.0 mg*h/L): above the target"));
    CHECK(c::render(*above).find("19975.9 <= 19975.6: not met") != std::string::npos);
}

TEST_CASE("the PK-guided dose with its arithmetic and assumption", "[COND-BU-004][text]") {
    const auto a = c::adjust_busulfan_dose(hsct::dose_per_mass(3.2, hsct::units::mg_per_kg), auc("20000 umol*min/L"),
                                           auc("25000 umol*min/L"));
    REQUIRE(a.has_value());
    CHECK(c::render(*a) ==
          "new dose = 3.20 mg/kg x 20000 / 25000 umol*min/L = 2.56 mg/kg (assumes linear kinetics: clearance "
          "unchanged with the dose) [COND-BU-004]");
    const hsct::table_catalogue de(german);
    CHECK(c::render(*a, de) ==
          "neue Dosis = 3.20 mg/kg x 20000 / 25000 umol*min/L = 2.56 mg/kg (setzt lineare Kinetik voraus) "
          "[COND-BU-004]");
    const auto w = c::assess_busulfan_exposure({auc("19000 umol*min/L"), c::busulfan_auc_scope::cumulative});
    CHECK(c::render(*w, de).find("im Zielbereich") != std::string::npos);
}

}  // namespace hsct_test_conditioning_busulfan_text_test
