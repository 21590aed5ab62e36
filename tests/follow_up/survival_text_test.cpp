// Tests for include/hsct/follow_up/survival_text.hpp: the estimators' curves and steps rendered from
// their data (counts, the level and transform, the median and its limits, each step's estimate,
// standard error and limits), on the Gehan 6-MP arm, in English and through a second catalogue.
#include <hsct/follow_up/survival_text.hpp>

#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_survival_text_test {

namespace f = hsct::follow_up;
using hsct::transplant_day;

std::vector<f::observation> treated() {
    std::vector<f::observation> v;
    for (int d : {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
        v.push_back({transplant_day::at(d), f::observation_status::event});
    }
    for (int d : {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
        v.push_back({transplant_day::at(d), f::observation_status::censored});
    }
    return v;
}

constexpr hsct::catalogue_entry german[] = {
    {"follow_up", "at_risk", "unter Risiko"},
    {"follow_up", "events", "Ereignisse"},
    {"follow_up", "censored", "zensiert"},
    {"follow_up", "standard_error", "Standardfehler"},
    {"follow_up", "to", "bis"},
};

TEST_CASE("a Kaplan-Meier curve and its steps render from their data", "[follow_up][FU-KM-007][text]") {
    const auto km = f::kaplan_meier(treated());
    REQUIRE(km);
    // the Gehan 6-MP arm, as Stata prints its first row (log-log limits)
    CHECK(f::render(km->steps[0]) == "D+6: 21 at risk, 3 events, 1 censored: 0.8571 (standard error 0.0764; 0.6197 to 0.9516)");
    CHECK(f::render(*km) ==
          "Kaplan-Meier: 21 observations, 9 events, 12 censored; 95 % limits by log(-log) transform; median D+23 (" +
              hsct::to_string(*km->median_lower) + " to not reached) [FU-KM-007]");
    const hsct::table_catalogue de(german);
    CHECK(f::render(km->steps[0], de) ==
          "D+6: 21 unter Risiko, 3 Ereignisse, 1 zensiert: 0.8571 (Standardfehler 0.0764; 0.6197 bis 0.9516)");
}

TEST_CASE("a cumulative incidence curve and its steps render from their data", "[follow_up][FU-CIF-001][text]") {
    auto v = treated();
    v[3].status = f::observation_status::competing_event;  // the D+7 relapse read as competing
    const auto cif = f::cumulative_incidence(v);
    REQUIRE(cif);
    CHECK(f::render(*cif) == "Cumulative incidence: 21 observations, 8 events, 1 competing events, 12 censored; 95 % "
                             "limits by log(-log) transform, variance by delta method (Marubini-Valsecchi)");
    CHECK(f::render(cif->steps[1]).rfind("D+7: 17 at risk, 0 events, 1 competing events, 0 censored: 0.1429 (", 0) == 0);
}

}  // namespace hsct_test_follow_up_survival_text_test
