// Tests for include/hsct/patient/performance_status_text.hpp: level descriptions and the
// rendering of KPS<->ECOG conversions and of the age rule, in English and through a second
// catalogue.
#include <hsct/patient/performance_status_text.hpp>

#include <string>
#include <string_view>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_performance_status_text_test {

namespace p = hsct::patient;
using p::ecog_score;
using p::karnofsky_score;
using p::kps_ecog_mapping;
using p::lansky_score;

namespace {
bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}
hsct::age age_ym(int y, int m) { return hsct::age::make(y, m).value(); }

constexpr hsct::catalogue_entry german[] = {
    {"kps_ecog_mapping", "ma_2010", "Ma et al. 2010 (Tabelle)"},
    {"performance_scale", "lansky", "Lansky-Skala"},
    {"performance_scale_policy", "cibmtr_appendix_l_current", "CIBMTR Anhang L (aktuell)"},
    {"performance_scale_criterion", "age_at_least_16_years", "Alter mindestens 16 Jahre"},
    {"performance_scale_criterion", "age_under_1_year", "Alter unter 1 Jahr"},
    {"outcome", "met", "erfuellt"},
    {"outcome", "not_met", "nicht erfuellt"},
    {"count_unit", "years", "Jahre"},
    {"count_unit", "months", "Monate"},
    {"age_resolution", "completed_years", "vollendete Jahre"},
    {"performance_status", "under", "nach"},
    {"performance_status", "age", "Alter"},
    {"performance_status", "no_score", "kein Wert"},
    {"karnofsky_level", "80", "normale Aktivitaet mit Anstrengung"},
    {"ecog_level", "1", "eingeschraenkt bei schwerer Arbeit"},
};
}  // namespace

TEST_CASE("each level has its own description",
          "[patient][performance][text][PAT-PERF-001][PAT-PERF-002][PAT-PERF-003][Oken-1982]") {
    for (int a = 0; a <= 100; a += 10) {
        for (int b = a + 10; b <= 100; b += 10) {
            CHECK(p::description(*karnofsky_score::make(a)) != p::description(*karnofsky_score::make(b)));
            CHECK(p::description(*lansky_score::make(a)) != p::description(*lansky_score::make(b)));
        }
    }
    for (int a = 0; a <= 5; ++a) {
        for (int b = a + 1; b <= 5; ++b) {
            CHECK(p::description(*ecog_score::make(a)) != p::description(*ecog_score::make(b)));
        }
    }
    CHECK(p::description(karnofsky_score::of<0>()) == "dead");
    CHECK(p::description(ecog_score::of<5>()) == "dead");
    CHECK(p::description(lansky_score::of<0>()) == "unresponsive");
    // ECOG 3 per Oken 1982: "more than 50%" (resolutions K5), not "50% or more".
    const std::string e3(p::description(ecog_score::of<3>()));
    CHECK(contains(e3, "more than 50%"));
    CHECK_FALSE(contains(e3, "or more"));
    // the KPS bands' words come from the kps_band table
    CHECK(p::to_string(p::band_of(karnofsky_score::of<80>())) ==
          "able to carry on normal activity and to work; no special care needed");
    CHECK(p::to_string(p::kps_band::dead) == "dead");
}

TEST_CASE("KPS -> ECOG and ECOG -> KPS render from their data",
          "[patient][performance][text][PAT-PERF-010][PAT-PERF-011][PAT-PERF-013]") {
    const auto ma70 = p::to_ecog(karnofsky_score::of<70>(), kps_ecog_mapping::ma_2010).value();
    CHECK(p::render(ma70) ==
          "KPS 70 -> ECOG 2 (Ma et al. 2010 (Eur J Cancer 46:3175): KPS 60-70 = ECOG 2) "
          "[PAT-PERF-011]");
    const auto conv80 = p::to_ecog(karnofsky_score::of<80>()).value();
    CHECK(p::render(conv80) ==
          "KPS 80 -> ECOG 1 (conventional KPS-ECOG table: KPS 70-80 = ECOG 1) [PAT-PERF-010]");
    const auto back = p::to_kps_range(ecog_score::of<1>()).value();
    CHECK(p::render(back) == "ECOG 1 -> KPS 70-80 (conventional KPS-ECOG table) [PAT-PERF-010]");
    // a score the table has no row for says so
    CHECK(p::render(p::to_ecog(karnofsky_score::of<0>(), kps_ecog_mapping::prasad_2018).value()) ==
          "KPS 0 -> not defined by this mapping (Prasad et al. 2018 (World J Clin Oncol 9:140)) "
          "[PAT-PERF-012]");
    CHECK(p::render(p::to_kps_range(ecog_score::of<5>(), kps_ecog_mapping::ma_2010).value()) ==
          "ECOG 5 -> not defined by this mapping (Ma et al. 2010 (Eur J Cancer 46:3175)) "
          "[PAT-PERF-011]");
    // a result marked unverified says so
    auto unverified = back;
    unverified.verified = false;
    CHECK(contains(p::render(unverified), "(hsct reading, unverified)"));
}

TEST_CASE("the age rule renders its scale, rule and criteria",
          "[patient][performance][text][PAT-PERF-020][PAT-PERF-022]") {
    const auto child = p::assess_performance_scale(age_ym(15, 11)).value();
    CHECK(p::render(child) ==
          "Lansky under CIBMTR Appendix L (current), age 15 y 11 mo (completed years): "
          "age at least 16 years (Karnofsky): 15 years >= 16 years: not met [PAT-PERF-020]; "
          "age under 1 year (no score): 191 months < 12 months: not met [PAT-PERF-020]");
    const auto infant = p::assess_performance_scale(age_ym(0, 11)).value();
    CHECK(contains(p::render(infant), "no score (leave blank) under CIBMTR Appendix L (current)"));
    CHECK(contains(p::render(infant), "11 months < 12 months: met"));
    const auto adult = p::assess_performance_scale(age_ym(45, 2)).value();
    CHECK(p::render(adult) ==
          "Karnofsky under CIBMTR Appendix L (current), age 45 y 2 mo (completed years): "
          "age at least 16 years (Karnofsky): 45 years >= 16 years: met [PAT-PERF-020]");
    const auto exact = p::assess_performance_scale(
                           age_ym(15, 6), {p::performance_scale_policy::cibmtr_appendix_l_current,
                                           hsct::age_resolution::exact})
                           .value();
    CHECK(contains(p::render(exact), "15.50 years >= 16 years: not met"));
}

TEST_CASE("performance-status text through a second catalogue",
          "[patient][performance][text][CORE-EXPLAIN-002]") {
    const hsct::table_catalogue de(german);
    CHECK(p::description(karnofsky_score::of<80>(), de) == "normale Aktivitaet mit Anstrengung");
    CHECK(p::description(ecog_score::of<1>(), de) == "eingeschraenkt bei schwerer Arbeit");
    // a level the catalogue lacks stays English
    CHECK(p::description(karnofsky_score::of<90>(), de) ==
          "carries on normal activity; slight signs or symptoms of disease");
    const auto ma70 = p::to_ecog(karnofsky_score::of<70>(), kps_ecog_mapping::ma_2010).value();
    CHECK(p::render(ma70, de) ==
          "KPS 70 -> ECOG 2 (Ma et al. 2010 (Tabelle): KPS 60-70 = ECOG 2) [PAT-PERF-011]");
    const auto child = p::assess_performance_scale(age_ym(15, 11)).value();
    CHECK(p::render(child, de) ==
          "Lansky-Skala nach CIBMTR Anhang L (aktuell), Alter 15 y 11 mo (vollendete Jahre): "
          "Alter mindestens 16 Jahre: 15 Jahre >= 16 Jahre: nicht erfuellt [PAT-PERF-020]; "
          "Alter unter 1 Jahr: 191 Monate < 12 Monate: nicht erfuellt [PAT-PERF-020]");
    CHECK(contains(p::render(p::assess_performance_scale(age_ym(0, 3)).value(), de), "kein Wert nach"));
}

}  // namespace hsct_test_patient_performance_status_text_test
