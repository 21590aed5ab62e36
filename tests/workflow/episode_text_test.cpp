// Tests for include/hsct/workflow/episode_text.hpp: a refusal with its reason, guard,
// requirement and allowed events; a log problem with its entry and line; an episode's summary
// with transplant days; in English and through a second catalogue.
#include <hsct/workflow/episode_text.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "support/catch.hpp"
#include "workflow/episode_fixture.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_workflow_episode_text_test {

namespace w = hsct::workflow;
using namespace hsct_test_workflow_fixture;
using E = w::episode_event;
using S = w::episode_state;
using K = w::transplant_kind;

constexpr hsct::catalogue_entry german[] = {
    {"episode_event", "start_conditioning", "Konditionierung beginnen"},
    {"episode_event", "clear_donor", "Spender freigeben"},
    {"episode_event", "death", "Tod"},
    {"episode_event", "withdraw", "Rueckzug"},
    {"episode", "refused_in", "abgelehnt im Zustand"},
    {"episode", "allowed", "erlaubt"},
    {"episode_state", "admitted", "aufgenommen"},
    {"episode_refusal", "guard_failed", "Bedingung nicht erfuellt"},
    {"episode_guard", "donor_cleared", "Spender freigegeben"},
    {"episode", "entry", "Eintrag"},
    {"episode", "line", "Zeile"},
    {"log_fault", "broken_link", "Kette unterbrochen"},
};

TEST_CASE("a refusal: the event, the state, why, the guard, and what is allowed", "[workflow][WF-EP-003][text]") {
    auto ep = *reach(K::allogeneic, S::donor_workup);
    REQUIRE_FALSE(w::advance(ep, well_formed(ep, E::admit)));
    const auto step = w::apply(ep, well_formed(ep, E::start_conditioning));
    REQUIRE(step.rejected.has_value());
    CHECK(w::render(*step.rejected) ==
          "start conditioning refused in admitted: its condition does not hold (the donor cleared (allogeneic)) "
          "[WF-EP-003]; allowed: clear the donor, death, withdrawal");
    const hsct::table_catalogue de(german);
    CHECK(w::render(*step.rejected, de) ==
          "Konditionierung beginnen abgelehnt im Zustand aufgenommen: Bedingung nicht erfuellt (Spender freigegeben) "
          "[WF-EP-003]; erlaubt: Spender freigeben, Tod, Rueckzug");
    const auto ended = *reach(K::allogeneic, S::died);
    CHECK(w::render(*w::apply(ended, well_formed(ended, E::follow_up_visit)).rejected) ==
          "follow-up visit refused in died: the episode has ended [WF-EP-001]; no event allowed");
}

TEST_CASE("a log problem: where and what", "[workflow][WF-LOG-003][text]") {
    const w::log_problem p{w::log_fault::broken_link, 7, 9, "entry 6's hash does not match", std::nullopt, "WF-LOG-003"};
    CHECK(w::render(p) == "entry 7 (line 9): the previous entry's hash does not match: entry 6's hash does not match [WF-LOG-003]");
    const hsct::table_catalogue de(german);
    CHECK(w::render(p, de) == "Eintrag 7 (Zeile 9): Kette unterbrochen: entry 6's hash does not match [WF-LOG-003]");
    const w::log_problem end{w::log_fault::truncated, 0, 30, "no end line", std::nullopt, "WF-LOG-003"};
    CHECK(w::render(end) == "the header or end line (line 30): the log is cut short: no end line [WF-LOG-003]");
}

TEST_CASE("an episode's summary, with dates as transplant days", "[workflow][WF-EP-001][text]") {
    auto ep = w::start_episode(K::allogeneic, referral);
    for (const auto& r : journey(K::allogeneic, {E::acute_gvhd, E::relapse, E::death})) {
        REQUIRE_FALSE(w::advance(ep, r));
    }
    // The fixture dates each event a day after the one before from the referral (2025-01-06):
    // conditioning starts 2025-01-12, Day 0 is 2025-01-13.
    CHECK(w::render(ep) == "allogeneic transplant, now died (13 events)\n"
                           "  referred: 2025-01-06\n"
                           "  evaluation: HCT-CI 3 (high (>= 3)), Karnofsky 90\n"
                           "  donor: HLA-matched unrelated donor, 8/8\n"
                           "  conditioning: myeloablative (MAC), from D-1 (2025-01-12)\n"
                           "  Day 0: 2025-01-13, product A9999 21 123456, CD34+ 5.2 x10^6/kg\n"
                           "  neutrophil engraftment: D+1 (2025-01-14)\n"
                           "  discharged: D+2 (2025-01-15)\n"
                           "  acute GVHD: D+4 (2025-01-17), worst grade II\n"
                           "  relapse: D+5 (2025-01-18)\n"
                           "  death: D+6 (2025-01-19), a cause other than the disease\n");
    const auto fresh = w::start_episode(K::autologous, referral);
    CHECK(w::render(fresh) == "autologous transplant, now referred (0 events)\n  referred: 2025-01-06\n");
}

}  // namespace hsct_test_workflow_episode_text_test
