// Tests for include/hsct/patient/disease_risk_text.hpp: the DRI result rendered from its data,
// in English and through a second (German) catalogue.
#include <hsct/patient/disease_risk_text.hpp>

#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_disease_risk_text_test {

namespace p = hsct::patient;
using hsct::disease;
using hsct::disease_status;

namespace {
std::string text(const p::dri_input& in, const p::dri_options& opt = {},
                 const hsct::message_catalogue& cat = hsct::english()) {
    const auto r = p::assess_dri(in, opt);
    REQUIRE(r.has_value());
    return p::render(*r, cat);
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("DRI text: each table row says whether it matches EBMT Handbook 2024 Table 11.1",
          "[patient][dri][text][PAT-DRI-001][PAT-DRI-002][PAT-DRI-003][HB24-11][CORE-EXPLAIN-002]") {
    CHECK(text({hsct::diagnosis::aml(hsct::cytogenetic_risk::intermediate), disease_status::cr1}) ==
          "DRI Intermediate [DRI 2012 as reproduced in EBMT Handbook 2024 ch. 11]; "
          "malignant indication (the DRI scores malignancies only): AML: met [PAT-DRI-005]; "
          "adult patient (the DRI was derived in adults): adult: met [PAT-DRI-005]; "
          "cytogenetic group known (AML, MDS): intermediate cytogenetics: met [PAT-DRI-005]; "
          "intermediate: AML with intermediate cytogenetics: AML: met [PAT-DRI-002] (matches EBMT "
          "Handbook 2024 Table 11.1 [V-HB24]); "
          "low: CR1: CR1: met [PAT-DRI-003] (matches EBMT Handbook 2024 Table 11.1 [V-HB24])");
    const auto cll = hsct::diagnosis::of<disease::cll>();
    CHECK(contains(text({cll, disease_status::cr2}), "low: CR2 (printed 'CR >= 2'): CR2: met"));
    CHECK(contains(text({cll, disease_status::cr3_or_later}),
                   "low: CR3 or later (hsct reading of the printed 'CR >= 2')"));
    const auto cml = hsct::diagnosis::of<disease::cml>();
    CHECK(contains(text({cml, disease_status::cml_cp2_or_later}),
                   "hsct reading of the printed 'CML CP'"));
    CHECK_FALSE(contains(text({cml, disease_status::cml_cp1}), "hsct reading"));
    // unverified rows are marked, never "matches"
    const auto u = text({hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::intermediate),
                         disease_status::untreated});
    CHECK(contains(u, "untreated: met (hsct reading, unverified) [PAT-DRI-003]"));
    CHECK_FALSE(contains(u, "only): untreated: met [PAT-DRI-003] (matches"));
    const auto nma = text({cll, disease_status::pr2_or_later,
                           hsct::conditioning_intensity::non_myeloablative});
    CHECK(contains(nma, "low: PR2 or later after NMA, read as RIC (hsct policy PAT-DRI-007): PR2 or "
                        "later: met (hsct reading, unverified) [PAT-DRI-007]"));
    const auto refined = text({hsct::diagnosis::of<disease::all>(), disease_status::cr1},
                              {p::dri_table::refined_2014_recollection});
    CHECK(contains(refined, "UNVERIFIED recollection]"));
    CHECK_FALSE(contains(refined, "[V-HB24])"));
}

TEST_CASE("DRI text: a non-score state names the criterion that decided it",
          "[patient][dri][text][PAT-DRI-005]") {
    CHECK(text({hsct::diagnosis::of<disease::severe_aplastic_anaemia>(), disease_status::untreated}) ==
          "DRI N/A - non-malignant indication [DRI 2012 as reproduced in EBMT Handbook 2024 ch. 11] "
          "(decided by malignant indication (the DRI scores malignancies only)); malignant "
          "indication (the DRI scores malignancies only): severe aplastic anaemia: not met "
          "[PAT-DRI-005]");
    CHECK(contains(text({hsct::diagnosis::of<disease::myeloma>(), disease_status::missing}),
                   "Missing disease status [DRI 2012 as reproduced in EBMT Handbook 2024 ch. 11] "
                   "(decided by disease status in the DRI stage table)"));
    CHECK(contains(text({hsct::diagnosis::of<disease::myeloma>(), disease_status::missing}),
                   "disease status in the DRI stage table: disease status missing: unknown (input "
                   "missing) [PAT-DRI-003]"));
    CHECK(contains(text({hsct::diagnosis::aml(hsct::cytogenetic_risk::not_yet_known),
                         disease_status::cr1}),
                   "cytogenetic group known (AML, MDS): cytogenetic group missing: unknown"));
    const std::string pr2 = text({hsct::diagnosis::of<disease::myeloma>(), disease_status::pr2_or_later});
    CHECK(contains(pr2, "DRI Missing conditioning intensity (hsct) [DRI 2012 as reproduced in "
                        "EBMT Handbook 2024 ch. 11] (decided by disease status in the DRI stage "
                        "table)"));
    CHECK(contains(pr2, "disease status in the DRI stage table: conditioning intensity missing: "
                        "unknown (input missing) [PAT-DRI-003]"));
}

TEST_CASE("DRI text in a second catalogue (German)", "[patient][dri][text][CORE-EXPLAIN-002]") {
    static constexpr hsct::catalogue_entry german[] = {
        {"dri", "index", "DRI"},
        {"dri", "decided_by", "entschieden durch"},
        {"dri", "matches_hb24", "entspricht EBMT Handbook 2024 Tabelle 11.1 [V-HB24]"},
        {"dri_category", "high", "Hoch"},
        {"dri_category", "na_non_malignant", "N/A - nicht maligne Indikation"},
        {"dri_table", "hb24_2012", "DRI 2012 nach EBMT Handbook 2024 Kap. 11"},
        {"outcome", "met", "erfuellt"},
        {"outcome", "not_met", "nicht erfuellt"},
        {"dri_criterion", "malignant_indication", "maligne Indikation"},
        {"dri_criterion", "disease_aml_adverse", "hoch: AML mit ungünstiger Zytogenetik"},
        {"disease_status", "cr1", "CR1"},
        {"disease", "severe_aplastic_anaemia", "schwere aplastische Anaemie"},
    };
    const hsct::table_catalogue de(german);
    const auto s = text({hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse), disease_status::cr1},
                        {}, de);
    CHECK(s.rfind("DRI Hoch [DRI 2012 nach EBMT Handbook 2024 Kap. 11]; maligne Indikation: AML: "
                  "erfuellt [PAT-DRI-005]; ",
                  0) == 0);
    CHECK(contains(s, "hoch: AML mit ungünstiger Zytogenetik: AML: erfuellt [PAT-DRI-002] "
                      "(entspricht EBMT Handbook 2024 Tabelle 11.1 [V-HB24])"));
    CHECK_FALSE(contains(s, ": met"));
    CHECK(text({hsct::diagnosis::of<disease::severe_aplastic_anaemia>(), disease_status::untreated},
               {}, de) ==
          "DRI N/A - nicht maligne Indikation [DRI 2012 nach EBMT Handbook 2024 Kap. 11] "
          "(entschieden durch maligne Indikation); maligne Indikation: schwere aplastische "
          "Anaemie: nicht erfuellt [PAT-DRI-005]");
}

}  // namespace hsct_test_patient_disease_risk_text_test
