// Tests for include/hsct/follow_up/endpoints_text.hpp: a patient's endpoints rendered from their
// data (each endpoint's status, day, deciding event and requirement; the policies), in English and
// through a second catalogue.
#include <hsct/follow_up/endpoints_text.hpp>

#include <chrono>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_endpoints_text_test {

using namespace std::chrono;
namespace f = hsct::follow_up;
using ev = f::outcome_event;

const sys_days day0 = sys_days{year{2024} / 3 / 1};

f::endpoint_result assess(const std::vector<ev>& events, const f::endpoint_options& o = {}) {
    auto r = f::assess_endpoints(f::patient_outcomes{day0, events}, o);
    REQUIRE(r);
    return *r;
}

constexpr hsct::catalogue_entry german[] = {
    {"follow_up", "endpoints", "Endpunkte ab Tag 0"},
    {"follow_up", "under", "nach"},
    {"follow_up", "on", "an"},
    {"endpoint", "overall_survival", "Gesamtueberleben"},
    {"observation_status", "event", "Ereignis"},
    {"observation_status", "competing_event", "konkurrierendes Ereignis"},
    {"observation_status", "censored", "zensiert"},
    {"outcome_event_kind", "death", "Tod"},
    {"outcome_event_kind", "last_contact", "letzter Kontakt"},
};

TEST_CASE("endpoints render status, day, deciding event and requirement", "[follow_up][FU-END-001][text]") {
    const auto r = assess({ev::relapse(day0 + days{245}), ev::death(day0 + days{400}, f::death_cause::disease)});
    CHECK(f::render(r.at(f::endpoint::overall_survival)) == "overall survival: event on D+400 (death) [FU-END-001]");
    CHECK(f::render(r.at(f::endpoint::non_relapse_mortality)) ==
          "non-relapse mortality: competing event on D+245 (relapse or progression) [FU-END-003]");
    CHECK(f::render(r) ==
          "Endpoints from Day 0 under chronic GVHD requiring systemic therapy, acute GVHD grade III-IV, a relapse "
          "dated at the death, followed past a subsequent HCT: overall survival: event on D+400 (death) [FU-END-001]; "
          "relapse incidence: event on D+245 (relapse or progression) [FU-END-002]; non-relapse mortality: competing "
          "event on D+245 (relapse or progression) [FU-END-003]; relapse-free survival: event on D+245 (relapse or "
          "progression) [FU-END-004]; GVHD-free relapse-free survival: event on D+245 (relapse or progression) "
          "[FU-END-005]");
    f::endpoint_options o;
    o.subsequent_hct = f::subsequent_hct_policy::censor;
    CHECK(f::render(assess({ev::last_contact(day0 + days{90})}, o)).find("censored at a subsequent HCT:") !=
          std::string::npos);
}

TEST_CASE("endpoints render through another catalogue", "[follow_up][FU-END-001][text]") {
    const hsct::table_catalogue de(german);
    const auto r = assess({ev::last_contact(day0 + days{90}), ev::death(day0 + days{120}, f::death_cause::unknown)});
    CHECK(f::render(r.at(f::endpoint::overall_survival), de) == "Gesamtueberleben: Ereignis an D+120 (Tod) [FU-END-001]");
    CHECK(f::render(r, de).rfind("Endpunkte ab Tag 0 nach ", 0) == 0);
}

}  // namespace hsct_test_follow_up_endpoints_text_test
