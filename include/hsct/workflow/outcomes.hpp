// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The episode's records as follow-up's outcome events: what follow_up/ needs to compute the
// endpoints (overall survival, relapse, NRM, GRFS, ...) of one patient, read from the log that
// the episode keeps rather than entered a second time.
//
//   using namespace hsct::workflow;
//   auto o = outcome_events(log);                        // std::optional<episode_outcomes>
//   if (o) hsct::follow_up::assess_endpoints(o->view()); // nullopt: never infused (no Day 0)
//
// WF-OUT-001 from the records after the Day 0 infusion, in order: acute GVHD (date, grade),
// chronic GVHD (date, severity, systemic therapy), relapse, graft failure, a second transplant
// (a subsequent HCT), death (date, cause); and, unless the patient died, a last contact on the
// date of the last record (the last date the patient was known alive). The events meet
// follow-up's order rules (FU-EVT-002) because the machine's do (WF-EP-002/004). An episode
// that never reached Day 0 has no outcome events: the function says so with nullopt, not an
// error.
#ifndef HSCT_WORKFLOW_OUTCOMES_HPP
#define HSCT_WORKFLOW_OUTCOMES_HPP

#include <chrono>
#include <optional>
#include <span>
#include <vector>

#include "hsct/core/date.hpp"
#include "hsct/follow_up/outcome_event.hpp"
#include "hsct/workflow/episode.hpp"
#include "hsct/workflow/episode_log.hpp"

namespace hsct::workflow {

/// WF-OUT-001: one patient's outcome events and Day 0, owned.
struct episode_outcomes {
    sys_days day0{};
    std::vector<follow_up::outcome_event> events;
    /// The view follow_up's endpoints read (valid while this object lives).
    [[nodiscard]] follow_up::patient_outcomes view() const noexcept { return follow_up::patient_outcomes{day0, events}; }
};

/// WF-OUT-001: the outcome events of records that fold to `ep` (nullopt: no Day 0).
template <class = void>
[[nodiscard]] std::optional<episode_outcomes> outcome_events(const episode& ep, std::span<const episode_record> records) {
    if (!ep.day0) {
        return std::nullopt;
    }
    using follow_up::outcome_event;
    episode_outcomes out;
    out.day0 = *ep.day0;
    bool infused = false;
    bool died = false;
    std::optional<sys_days> last;
    for (const auto& r : records) {
        const sys_days day = std::chrono::floor<std::chrono::days>(r.at);
        if (!infused) {
            infused = r.event == episode_event::infuse;
            continue;
        }
        last = day;
        switch (r.event) {
            case episode_event::acute_gvhd: out.events.push_back(outcome_event::acute_gvhd(day, r.gvhd.acute)); break;
            case episode_event::chronic_gvhd:
                out.events.push_back(outcome_event::chronic_gvhd(day, r.gvhd.chronic, r.gvhd.systemic_therapy));
                break;
            case episode_event::relapse: out.events.push_back(outcome_event::relapse(day)); break;
            case episode_event::graft_failure: out.events.push_back(outcome_event::graft_failure(day)); break;
            case episode_event::second_transplant: out.events.push_back(outcome_event::subsequent_hct(day)); break;
            case episode_event::death:
                out.events.push_back(outcome_event::death(day, r.cause));
                died = true;
                break;
            default: break;
        }
    }
    if (!died) {
        out.events.push_back(outcome_event::last_contact(last.value_or(*ep.day0)));
    }
    return out;
}

/// WF-OUT-001: the outcome events of a log.
template <class = void>
[[nodiscard]] std::optional<episode_outcomes> outcome_events(const episode_log& log) {
    return outcome_events(log.state(), std::span<const episode_record>(log.records()));
}

}  // namespace hsct::workflow

#endif  // HSCT_WORKFLOW_OUTCOMES_HPP
