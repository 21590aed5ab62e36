// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Episode records made from the results of the later stages' rules, so that what the episode
// holds is what a rule decided, not a number typed again:
//
//   using namespace hsct::workflow;
//   auto n = assess_neutrophil_engraftment(series);              // engraftment/
//   if (auto r = engraftment_record(episode, *n, by, now)) advance(episode, *r);
//   auto g = grade_acute_gvhd_course(...);                        // complications/ (MAGIC, ...)
//   if (auto r = acute_gvhd_record(at, by, g->overall)) advance(episode, *r);   // grade 0: none
//
// WF-EP-007 [P]: an engraftment result gives a record only when it says engrafted on a day; the
// record is dated that day (Day 0 + the day, 00:00 UTC) and recorded when the caller says. An
// acute GVHD grade 0 and a chronic GVHD severity "none" give no record (nothing to record); grades
// I-IV and mild, moderate or severe map one to one onto the grades follow-up reads.
#ifndef HSCT_WORKFLOW_STAGE_EVENTS_HPP
#define HSCT_WORKFLOW_STAGE_EVENTS_HPP

#include <chrono>
#include <optional>

#include "hsct/complications/acute_gvhd.hpp"
#include "hsct/complications/chronic_gvhd_severity.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/engraftment/platelet.hpp"
#include "hsct/follow_up/outcome_event.hpp"
#include "hsct/workflow/episode.hpp"

namespace hsct::workflow {

namespace detail::stage_events {
[[nodiscard]] constexpr std::optional<episode_record> engraftment(const episode& ep, episode_event ev,
                                                                  engraftment::engraftment_status status,
                                                                  const std::optional<transplant_day>& day,
                                                                  const actor_id& by,
                                                                  std::chrono::sys_seconds recorded_at) noexcept {
    if (status != engraftment::engraftment_status::engrafted || !day || !ep.day0) {
        return std::nullopt;
    }
    const std::chrono::sys_seconds at(*ep.day0 + day->since_day0());
    return episode_record::of(ev, at, by).recorded(recorded_at);
}
}  // namespace detail::stage_events

/// WF-EP-007: neutrophil engraftment as the engraftment stage found it (nullopt: not engrafted,
/// or the episode has no Day 0).
[[nodiscard]] constexpr std::optional<episode_record> engraftment_record(const episode& ep,
                                                                         const engraftment::neutrophil_result& r,
                                                                         const actor_id& by,
                                                                         std::chrono::sys_seconds recorded_at) noexcept {
    return detail::stage_events::engraftment(ep, episode_event::neutrophil_engraftment, r.status, r.day, by, recorded_at);
}

/// WF-EP-007: platelet engraftment (whichever milestone the result is for).
[[nodiscard]] constexpr std::optional<episode_record> engraftment_record(const episode& ep,
                                                                         const engraftment::platelet_result& r,
                                                                         const actor_id& by,
                                                                         std::chrono::sys_seconds recorded_at) noexcept {
    return detail::stage_events::engraftment(ep, episode_event::platelet_engraftment, r.status, r.day, by, recorded_at);
}

/// WF-EP-007: an acute GVHD grade as a grading rule gave it (nullopt for grade 0 or an undeclared
/// grade).
[[nodiscard]] constexpr std::optional<episode_record> acute_gvhd_record(std::chrono::sys_seconds at, const actor_id& by,
                                                                        complications::agvhd_grade g) noexcept {
    using G = complications::agvhd_grade;
    using F = follow_up::acute_gvhd_grade;
    switch (g) {
        case G::grade_i: return episode_record::acute_gvhd(at, by, F::grade_1);
        case G::grade_ii: return episode_record::acute_gvhd(at, by, F::grade_2);
        case G::grade_iii: return episode_record::acute_gvhd(at, by, F::grade_3);
        case G::grade_iv: return episode_record::acute_gvhd(at, by, F::grade_4);
        default: return std::nullopt;
    }
}

/// WF-EP-007: a chronic GVHD global severity (NIH 2014) and whether systemic therapy was started
/// (nullopt for "none" or an undeclared severity).
[[nodiscard]] constexpr std::optional<episode_record> chronic_gvhd_record(std::chrono::sys_seconds at, const actor_id& by,
                                                                          complications::cgvhd_severity s,
                                                                          bool systemic_therapy) noexcept {
    using C = complications::cgvhd_severity;
    using F = follow_up::chronic_gvhd_severity;
    switch (s) {
        case C::mild: return episode_record::chronic_gvhd(at, by, F::mild, systemic_therapy);
        case C::moderate: return episode_record::chronic_gvhd(at, by, F::moderate, systemic_therapy);
        case C::severe: return episode_record::chronic_gvhd(at, by, F::severe, systemic_therapy);
        default: return std::nullopt;
    }
}

}  // namespace hsct::workflow

#endif  // HSCT_WORKFLOW_STAGE_EVENTS_HPP
