// Tests for include/hsct/conditioning/intensity_text.hpp: the intensity and the criterion that
// decided it, rendered from the data, in English and through a second catalogue.
#include <hsct/conditioning/intensity_text.hpp>

#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_intensity_text_test {

namespace c = hsct::conditioning;

namespace {
constexpr hsct::catalogue_entry german[] = {
    {"conditioning_intensity", "myeloablative", "myeloablativ (MAC)"},
    {"conditioning_intensity", "by", "nach"},
    {"conditioning_intensity", "decided_by", "entschieden durch"},
    {"intensity_criterion", "tbi_fractionated_mac", "fraktionierte TBI ab 8 Gy (MAC)"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("the intensity with the criterion that decided it", "[COND-INT-001][COND-INT-002][text]") {
    CHECK(c::render(*c::assess_intensity(c::regimens::cy_tbi())) ==
          "myeloablative (MAC) by Bacigalupo 2009 (MAC / RIC / NMA): decided by fractionated TBI of 8 Gy or more "
          "(MAC): 12.0 Gy >= 8 Gy: met [COND-INT-001]");
    CHECK(c::render(*c::assess_intensity(c::regimens::flu_tbi_2gy())) ==
          "non-myeloablative (NMA) by Bacigalupo 2009 (MAC / RIC / NMA): decided by no agent but fludarabine, "
          "cyclophosphamide, ATG or alemtuzumab besides TBI (NMA): present: met (hsct reading, unverified) "
          "[COND-INT-001]");
    c::intensity_options workshop;
    workshop.rules = c::intensity_rule_set::cibmtr_workshop_2009;
    const auto mel = c::assess_intensity(c::regimens::mel200(), workshop);
    REQUIRE(mel.has_value());
    CHECK(c::render(*mel).starts_with("myeloablative (MAC) by CIBMTR workshop, Giralt 2009 (RIC / MAC): "));
    CHECK(c::render(*mel).find("melphalan under 140 mg/m2 (RIC): 200.0 mg/m2 <= 140 mg/m2: not met") != std::string::npos);
}

TEST_CASE("every criterion compared, one line each", "[COND-INT-001][text]") {
    const auto r = c::assess_intensity(c::regimens::flu_bu2());
    REQUIRE(r.has_value());
    CHECK(c::render_criteria(*r) ==
          "busulfan above 8 mg/kg oral-equivalent (MAC): 8.0 mg/kg > 8 mg/kg: not met (hsct reading, unverified) "
          "[COND-INT-001]\n"
          "TBI, if any, of 2 Gy or less (NMA): 0.0 Gy <= 2 Gy: met (hsct reading, unverified) [COND-INT-001]\n"
          "no agent but fludarabine, cyclophosphamide, ATG or alemtuzumab besides TBI (NMA): absent: not met "
          "(hsct reading, unverified) [COND-INT-001]\n");
}

TEST_CASE("the intensity through another catalogue", "[COND-INT-001][text]") {
    const hsct::table_catalogue de(german);
    CHECK(c::render(*c::assess_intensity(c::regimens::cy_tbi()), de) ==
          "myeloablativ (MAC) nach Bacigalupo 2009 (MAC / RIC / NMA): entschieden durch fraktionierte TBI ab 8 Gy "
          "(MAC): 12.0 Gy >= 8 Gy: erfuellt [COND-INT-001]");
}

TEST_CASE("a TCI result: total, group, each agent's weight, what is not scored", "[COND-INT-004][text]") {
    // TEST weights, not the paper's (hsct ships none)
    constexpr c::tci_band bands[] = {
        {c::agent::fludarabine, 0.0, 1000.0, 0.5},
        {c::agent::busulfan_iv, 0.0, 6.4, 1.0},
        {c::agent::busulfan_iv, 6.4, 100.0, 2.5},
    };
    const auto t = c::make_tci_weights("test", "hsct tests", bands);
    REQUIRE(t.has_value());
    const auto r = c::assess_tci(c::regimens::flu_bu2(), *t);
    REQUIRE(r.has_value());
    CHECK(c::render(*r) ==
          "TCI 3 (intermediate TCI (2.5-3.5)): fludarabine 180 mg/m2 -> 0.5, busulfan IV 6.4 mg/kg -> 2.5; not scored: "
          "rabbit ATG-F (Grafalon) (weights unverified)");
}

}  // namespace hsct_test_conditioning_intensity_text_test
