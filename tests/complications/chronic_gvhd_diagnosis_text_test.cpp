// Tests for include/hsct/complications/chronic_gvhd_diagnosis_text.hpp: the NIH 2014 diagnosis
// rendered from its data (the status and its requirement, the arm of the rule, the sites, what
// confirmed a distinctive sign, clinical BOS that needs a lung biopsy, the input missing, every
// sign and criterion as core renders it, hsct's reading of clinical BOS marked), in English and
// through a second catalogue.
#include <hsct/complications/chronic_gvhd_diagnosis_text.hpp>

#include <initializer_list>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_diagnosis_text_test {

namespace c = hsct::complications;
using sign = c::cgvhd_sign;

namespace {
c::cgvhd_diagnosis_result diagnose(std::initializer_list<sign> signs, std::initializer_list<c::cgvhd_confirmation> by,
                                   std::optional<bool> excluded) {
    c::cgvhd_diagnosis_input in;
    for (const sign s : signs) {
        in.signs.insert(s);
    }
    for (const auto k : by) {
        in.confirmed_by.insert(k);
    }
    in.other_causes_excluded = excluded;
    const auto r = c::assess_chronic_gvhd_diagnosis(in);
    REQUIRE(r.has_value());
    return *r;
}

constexpr hsct::catalogue_entry german[] = {
    {"cgvhd_diagnosis", "title", "Diagnose chronische GVHD (NIH 2014)"},
    {"cgvhd_diagnosis", "sites", "Orte"},
    {"cgvhd_diagnosis", "confirmed_by", "bestaetigt durch"},
    {"cgvhd_diagnosis_status", "diagnosed", "chronische GVHD (NIH 2014)"},
    {"cgvhd_diagnosis_basis", "confirmed_distinctive_sign", "ein bestaetigtes charakteristisches Zeichen"},
    {"cgvhd_site", "mouth", "Mund"},
    {"cgvhd_confirmation", "biopsy", "aussagekraeftige Biopsie"},
    {"cgvhd_sign", "xerostomia", "Xerostomie"},
    {"cgvhd_diagnosis_criterion", "distinctive_sign", "charakteristisches Zeichen vorhanden"},
    {"cgvhd_diagnosis_criterion", "confirmation", "Bestaetigung durch Biopsie, Labor oder Bildgebung"},
    {"cgvhd_diagnosis_criterion", "other_causes_excluded", "andere Ursachen ausgeschlossen"},
    {"text", "present", "vorhanden"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("a distinctive sign confirmed by biopsy, other causes excluded: diagnosed",
          "[COMP-CGVHD-001][COMP-CGVHD-002][NIH-2014][text]") {
    CHECK(c::render(diagnose({sign::xerostomia}, {c::cgvhd_confirmation::biopsy}, true)) ==
          "chronic GVHD diagnosis (NIH 2014): chronic GVHD (NIH 2014) [COMP-CGVHD-001], a distinctive sign, confirmed; "
          "sites: mouth; confirmed by: pertinent biopsy: distinctive sign present: xerostomia: met [COMP-CGVHD-002]; "
          "biopsy, laboratory or radiology confirmation: pertinent biopsy: met [COMP-CGVHD-001]; other causes "
          "excluded: present: met [COMP-CGVHD-001]");
    // without confirmation the distinctive sign is not enough, and the confirmation is named absent
    CHECK(c::render(diagnose({sign::xerostomia}, {}, true)) ==
          "chronic GVHD diagnosis (NIH 2014): distinctive signs only: biopsy, laboratory or radiology confirmation "
          "needed [COMP-CGVHD-001], neither arm of the rule; sites: mouth; confirmed by: none: distinctive sign "
          "present: xerostomia: met [COMP-CGVHD-002]; biopsy, laboratory or radiology confirmation: absent: not met "
          "[COMP-CGVHD-001]");
}

TEST_CASE("a diagnostic sign with other causes not stated: exclusion pending, the input named",
          "[COMP-CGVHD-001][NIH-2014][text]") {
    CHECK(c::render(diagnose({sign::poikiloderma}, {}, std::nullopt)) ==
          "chronic GVHD diagnosis (NIH 2014): signs suffice, other causes not yet excluded [COMP-CGVHD-001], at least "
          "one diagnostic sign; sites: skin; confirmed by: none (missing: other causes excluded): diagnostic sign "
          "present: poikiloderma: met [COMP-CGVHD-002]; other causes excluded: other causes excluded missing: unknown "
          "(input missing) [COMP-CGVHD-001]");
    CHECK(c::render(diagnose({}, {}, true)) ==
          "chronic GVHD diagnosis (NIH 2014): no diagnostic or distinctive sign [COMP-CGVHD-001], neither arm of the "
          "rule; sites: none; confirmed by: none");
}

TEST_CASE("clinical BOS: alone it needs a lung biopsy; with a distinctive sign elsewhere it counts, hsct's reading",
          "[COMP-CGVHD-004][NIH-2014][text]") {
    CHECK(c::render(diagnose({sign::bronchiolitis_obliterans_syndrome}, {}, true)) ==
          "chronic GVHD diagnosis (NIH 2014): distinctive signs only: biopsy, laboratory or radiology confirmation "
          "needed [COMP-CGVHD-001], neither arm of the rule; sites: lungs; confirmed by: none; clinical BOS without a "
          "distinctive sign elsewhere: a lung biopsy is needed [COMP-CGVHD-004]: diagnostic sign present: "
          "bronchiolitis obliterans syndrome (clinical: lung function and imaging): met [COMP-CGVHD-002]; "
          "bronchiolitis obliterans syndrome with a distinctive sign in another site: 0 >= 1: not met (hsct reading, "
          "unverified) [COMP-CGVHD-004]");
    CHECK(c::render(diagnose({sign::xerostomia, sign::bronchiolitis_obliterans_syndrome}, {}, true)) ==
          "chronic GVHD diagnosis (NIH 2014): chronic GVHD (NIH 2014) [COMP-CGVHD-001], at least one diagnostic sign; "
          "sites: mouth, lungs; confirmed by: none: distinctive sign present: xerostomia: met [COMP-CGVHD-002]; "
          "diagnostic sign present: bronchiolitis obliterans syndrome (clinical: lung function and imaging): met "
          "[COMP-CGVHD-002]; bronchiolitis obliterans syndrome with a distinctive sign in another site: 1 >= 1: met "
          "(hsct reading, unverified) [COMP-CGVHD-004]; other causes excluded: present: met [COMP-CGVHD-001]");
}

TEST_CASE("the diagnosis through another catalogue", "[COMP-CGVHD-001][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(c::render(diagnose({sign::xerostomia}, {c::cgvhd_confirmation::biopsy}, true), de) ==
          "Diagnose chronische GVHD (NIH 2014): chronische GVHD (NIH 2014) [COMP-CGVHD-001], ein bestaetigtes "
          "charakteristisches Zeichen; Orte: Mund; bestaetigt durch: aussagekraeftige Biopsie: charakteristisches "
          "Zeichen vorhanden: Xerostomie: erfuellt [COMP-CGVHD-002]; Bestaetigung durch Biopsie, Labor oder "
          "Bildgebung: aussagekraeftige Biopsie: erfuellt [COMP-CGVHD-001]; andere Ursachen ausgeschlossen: "
          "vorhanden: erfuellt [COMP-CGVHD-001]");
}

}  // namespace hsct_test_complications_chronic_gvhd_diagnosis_text_test
