// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The transplant episode as an explicit machine, from referral to long-term follow-up, for an
// autologous or an allogeneic transplant: a transition table that is constexpr data (state, event,
// guard, next state, requirement ID), a total advance()/apply() that either moves to the next
// state or returns a typed rejection naming why and which events are allowed (the state left
// exactly as it was), and events that carry the stages' typed data (an HCT-CI result, the chosen
// donor and its match grade, the conditioning, the custody-verified product, GVHD grades, the
// cause of a death). The episode is a fold over its events: episode_log.hpp keeps them.
//
//   using namespace hsct::workflow;
//   episode e = start_episode(transplant_kind::allogeneic, referred_at);
//   auto no = advance(e, episode_record::begin_evaluation(at, by));   // nullopt: accepted
//   if (no) { no->reason; no->guard; no->allowed; }                   // e unchanged
//   episode_step s = apply(e, record);                                // the same, as a value
//
// WF-EP-001 the states and events and the transition table (episode_transitions): referral ->
// pre-transplant evaluation -> donor search -> donor work-up and clearance (allogeneic) or stem
// cell collection (autologous) -> admission -> conditioning -> Day 0 infusion -> engraftment
// monitoring -> engrafted -> discharge -> follow-up; the ends death, relapse, graft failure with a
// second transplant, loss to follow-up and withdrawal. Relapse and graft failure end the
// transplant's course but not the record: death, loss to follow-up and withdrawal can follow
// (and a second transplant after graft failure), so survival stays right. [P]
// WF-EP-002 every event records who and when (and when it was recorded, for a late entry): who
// is required, an event dated before the previous one is refused, and an entry recorded before
// the event it records is refused.
// WF-EP-003 guards from the stages: no conditioning before the donor is cleared (allogeneic); no
// admission for an autologous transplant before a product is collected; no Day 0 without a
// product verified at the bedside (graft custody, GRAFT-CUST-003), the collected one for an
// autologous transplant; GVHD only after an allograft. Source: EBMT Handbook 2024 ch. 11
// section 11.1.2.3, the last visit before admission confirms the donor's evaluation (allogeneic)
// or the cryopreserved cellularity (autologous) [V-HB24]; hsct checks the donor's clearance at the
// start of conditioning (admission may come first) and the product at admission.
// WF-EP-004 dates against Day 0: engraftment and GVHD only after Day 0 (from D+1); conditioning
// starts before its planned Day 0 and the infusion is on or after its start.
// WF-EP-005 each event's data is checked (declared enumerators, a match grade within its total,
// a positive cell dose) before anything is written.
// WF-EP-006 discharge after neutrophil engraftment [P]: a transplant managed as an outpatient
// before engraftment is not modelled (docs/workflow.md, limits).
#ifndef HSCT_WORKFLOW_EPISODE_HPP
#define HSCT_WORKFLOW_EPISODE_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hsct/conditioning/intensity.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/donor/donor_choice.hpp"
#include "hsct/follow_up/outcome_event.hpp"
#include "hsct/graft/custody.hpp"
#include "hsct/patient/hct_ci.hpp"
#include "hsct/patient/performance_status.hpp"
#include "hsct/workflow/vocabulary.hpp"

namespace hsct::workflow {

/// WF-EP-001: autologous (the patient's own cells) or allogeneic (a donor's).
enum class transplant_kind : std::uint8_t { autologous = 1, allogeneic = 2 };

constexpr auto hsct_enum_table(transplant_kind) noexcept {
    return make_enum_table<transplant_kind>("transplant_kind", {
        {transplant_kind::autologous, "autologous", "autologous"},
        {transplant_kind::allogeneic, "allogeneic", "allogeneic"},
    });
}

/// WF-EP-001: where the patient is in the episode.
enum class episode_state : std::uint8_t {
    referred = 1,
    evaluation = 2,              ///< pre-transplant evaluation
    donor_search = 3,            ///< allogeneic
    donor_workup = 4,            ///< allogeneic: the chosen donor's work-up and clearance
    collection = 5,              ///< autologous: mobilisation and collection of the product
    admitted = 6,
    conditioning = 7,
    engraftment_monitoring = 8,  ///< from the Day 0 infusion
    engrafted = 9,               ///< neutrophil engraftment recorded
    discharged = 10,
    follow_up = 11,
    relapsed = 12,
    graft_failed = 13,
    died = 14,
    second_transplant = 15,      ///< after graft failure: a new episode starts
    lost_to_follow_up = 16,
    withdrawn = 17,
};

constexpr auto hsct_enum_table(episode_state) noexcept {
    using s = episode_state;
    return make_enum_table<episode_state>("episode_state", {
        {s::referred, "referred", "referred"},
        {s::evaluation, "evaluation", "pre-transplant evaluation"},
        {s::donor_search, "donor_search", "donor search"},
        {s::donor_workup, "donor_workup", "donor work-up and clearance"},
        {s::collection, "collection", "stem cell collection"},
        {s::admitted, "admitted", "admitted"},
        {s::conditioning, "conditioning", "conditioning"},
        {s::engraftment_monitoring, "engraftment_monitoring", "engraftment monitoring"},
        {s::engrafted, "engrafted", "engrafted"},
        {s::discharged, "discharged", "discharged"},
        {s::follow_up, "follow_up", "follow-up"},
        {s::relapsed, "relapsed", "relapsed"},
        {s::graft_failed, "graft_failed", "graft failure"},
        {s::died, "died", "died"},
        {s::second_transplant, "second_transplant", "second transplant"},
        {s::lost_to_follow_up, "lost_to_follow_up", "lost to follow-up"},
        {s::withdrawn, "withdrawn", "withdrawn"},
    });
}

inline constexpr std::size_t episode_state_count = 17;

/// WF-EP-001: what happens in the episode.
enum class episode_event : std::uint8_t {
    begin_evaluation = 1,
    complete_evaluation = 2,      ///< carries the HCT-CI and the performance status
    select_donor = 3,             ///< carries the donor's kind and match grade
    clear_donor = 4,
    collect_product = 5,          ///< autologous: carries the product's DIN and CD34+ dose
    admit = 6,
    start_conditioning = 7,       ///< carries the intensity and the planned Day 0
    infuse = 8,                   ///< Day 0: carries the product, its custody state and dose
    neutrophil_engraftment = 9,
    platelet_engraftment = 10,
    acute_gvhd = 11,              ///< carries the grade (I-IV)
    chronic_gvhd = 12,            ///< carries the NIH severity and systemic therapy
    discharge = 13,
    begin_follow_up = 14,
    follow_up_visit = 15,
    graft_failure = 16,
    relapse = 17,
    second_transplant = 18,
    death = 19,                   ///< carries the cause
    lose_to_follow_up = 20,
    withdraw = 21,
};

constexpr auto hsct_enum_table(episode_event) noexcept {
    using e = episode_event;
    return make_enum_table<episode_event>("episode_event", {
        {e::begin_evaluation, "begin_evaluation", "begin the pre-transplant evaluation"},
        {e::complete_evaluation, "complete_evaluation", "complete the pre-transplant evaluation"},
        {e::select_donor, "select_donor", "select the donor"},
        {e::clear_donor, "clear_donor", "clear the donor"},
        {e::collect_product, "collect_product", "collect the autologous product"},
        {e::admit, "admit", "admit"},
        {e::start_conditioning, "start_conditioning", "start conditioning"},
        {e::infuse, "infuse", "infuse the product (Day 0)"},
        {e::neutrophil_engraftment, "neutrophil_engraftment", "neutrophil engraftment"},
        {e::platelet_engraftment, "platelet_engraftment", "platelet engraftment"},
        {e::acute_gvhd, "acute_gvhd", "acute GVHD"},
        {e::chronic_gvhd, "chronic_gvhd", "chronic GVHD"},
        {e::discharge, "discharge", "discharge"},
        {e::begin_follow_up, "begin_follow_up", "begin follow-up"},
        {e::follow_up_visit, "follow_up_visit", "follow-up visit"},
        {e::graft_failure, "graft_failure", "graft failure"},
        {e::relapse, "relapse", "relapse or progression"},
        {e::second_transplant, "second_transplant", "second transplant"},
        {e::death, "death", "death"},
        {e::lose_to_follow_up, "lose_to_follow_up", "lost to follow-up"},
        {e::withdraw, "withdraw", "withdrawal"},
    });
}

inline constexpr std::size_t episode_event_count = 21;

/// WF-EP-001/003/004/006: a transition's extra condition.
enum class episode_guard : std::uint8_t {
    none = 1,
    allogeneic = 2,            ///< an allograft (donor search; GVHD)
    autologous = 3,            ///< an autograft (collection)
    product_collected = 4,     ///< autologous admission: a product was collected
    donor_cleared = 5,         ///< allogeneic conditioning: the donor was cleared
    product_verified = 6,      ///< Day 0: the product verified at the bedside (the collected one, autologous)
    after_day0 = 7,            ///< dated from D+1
    allogeneic_after_day0 = 8, ///< GVHD: an allograft, dated from D+1
    before_planned_day0 = 9,   ///< conditioning starts before the Day 0 it plans
    first_platelet_engraftment = 10,  ///< platelet engraftment, from D+1, recorded once
};

constexpr auto hsct_enum_table(episode_guard) noexcept {
    using g = episode_guard;
    return make_enum_table<episode_guard>("episode_guard", {
        {g::none, "none", "none"},
        {g::allogeneic, "allogeneic", "an allogeneic transplant"},
        {g::autologous, "autologous", "an autologous transplant"},
        {g::product_collected, "product_collected", "a product collected"},
        {g::donor_cleared, "donor_cleared", "the donor cleared (allogeneic)"},
        {g::product_verified, "product_verified", "the product verified at the bedside"},
        {g::after_day0, "after_day0", "after Day 0"},
        {g::allogeneic_after_day0, "allogeneic_after_day0", "an allogeneic transplant, after Day 0"},
        {g::before_planned_day0, "before_planned_day0", "before the planned Day 0"},
        {g::first_platelet_engraftment, "first_platelet_engraftment", "the first platelet engraftment, after Day 0"},
    });
}

/// WF-EP-001: one row of the transition table.
struct episode_transition {
    episode_state from;
    episode_event event;
    episode_guard guard;
    episode_state to;
    const char* requirement;
};

namespace detail::episode_table {
using s = episode_state;
using e = episode_event;
using g = episode_guard;
/// WF-EP-001: the transition table, row by row (hsct::workflow::episode_transitions). Rows for
/// one (state, event) pair are tried in order; the first whose guard holds decides. Death and
/// withdrawal are allowed from every state that is not an end (the rows at the bottom).
inline constexpr episode_transition episode_transitions[] = {
    {s::referred, e::begin_evaluation, g::none, s::evaluation, "WF-EP-001"},
    {s::evaluation, e::complete_evaluation, g::allogeneic, s::donor_search, "WF-EP-001"},
    {s::evaluation, e::complete_evaluation, g::autologous, s::collection, "WF-EP-001"},
    {s::donor_search, e::select_donor, g::none, s::donor_workup, "WF-EP-001"},
    {s::donor_workup, e::clear_donor, g::none, s::donor_workup, "WF-EP-001"},
    {s::donor_workup, e::admit, g::none, s::admitted, "WF-EP-001"},
    {s::collection, e::collect_product, g::none, s::collection, "WF-EP-001"},
    {s::collection, e::admit, g::product_collected, s::admitted, "WF-EP-003"},
    {s::admitted, e::clear_donor, g::allogeneic, s::admitted, "WF-EP-001"},
    {s::admitted, e::start_conditioning, g::donor_cleared, s::conditioning, "WF-EP-003"},
    {s::conditioning, e::infuse, g::product_verified, s::engraftment_monitoring, "WF-EP-003"},
    {s::engraftment_monitoring, e::neutrophil_engraftment, g::after_day0, s::engrafted, "WF-EP-004"},
    {s::engraftment_monitoring, e::platelet_engraftment, g::first_platelet_engraftment, s::engraftment_monitoring, "WF-EP-004"},
    {s::engrafted, e::platelet_engraftment, g::first_platelet_engraftment, s::engrafted, "WF-EP-004"},
    {s::discharged, e::platelet_engraftment, g::first_platelet_engraftment, s::discharged, "WF-EP-004"},
    {s::follow_up, e::platelet_engraftment, g::first_platelet_engraftment, s::follow_up, "WF-EP-004"},
    {s::engraftment_monitoring, e::acute_gvhd, g::allogeneic_after_day0, s::engraftment_monitoring, "WF-EP-003"},
    {s::engrafted, e::acute_gvhd, g::allogeneic_after_day0, s::engrafted, "WF-EP-003"},
    {s::discharged, e::acute_gvhd, g::allogeneic_after_day0, s::discharged, "WF-EP-003"},
    {s::follow_up, e::acute_gvhd, g::allogeneic_after_day0, s::follow_up, "WF-EP-003"},
    {s::engrafted, e::chronic_gvhd, g::allogeneic_after_day0, s::engrafted, "WF-EP-003"},
    {s::discharged, e::chronic_gvhd, g::allogeneic_after_day0, s::discharged, "WF-EP-003"},
    {s::follow_up, e::chronic_gvhd, g::allogeneic_after_day0, s::follow_up, "WF-EP-003"},
    {s::relapsed, e::chronic_gvhd, g::allogeneic_after_day0, s::relapsed, "WF-EP-003"},
    {s::engrafted, e::discharge, g::none, s::discharged, "WF-EP-006"},
    {s::discharged, e::begin_follow_up, g::none, s::follow_up, "WF-EP-001"},
    {s::follow_up, e::follow_up_visit, g::none, s::follow_up, "WF-EP-001"},
    {s::relapsed, e::follow_up_visit, g::none, s::relapsed, "WF-EP-001"},
    {s::graft_failed, e::follow_up_visit, g::none, s::graft_failed, "WF-EP-001"},
    {s::engraftment_monitoring, e::graft_failure, g::after_day0, s::graft_failed, "WF-EP-004"},
    {s::engrafted, e::graft_failure, g::none, s::graft_failed, "WF-EP-001"},
    {s::discharged, e::graft_failure, g::none, s::graft_failed, "WF-EP-001"},
    {s::follow_up, e::graft_failure, g::none, s::graft_failed, "WF-EP-001"},
    {s::engraftment_monitoring, e::relapse, g::none, s::relapsed, "WF-EP-001"},
    {s::engrafted, e::relapse, g::none, s::relapsed, "WF-EP-001"},
    {s::discharged, e::relapse, g::none, s::relapsed, "WF-EP-001"},
    {s::follow_up, e::relapse, g::none, s::relapsed, "WF-EP-001"},
    {s::graft_failed, e::second_transplant, g::none, s::second_transplant, "WF-EP-001"},
    {s::discharged, e::lose_to_follow_up, g::none, s::lost_to_follow_up, "WF-EP-001"},
    {s::follow_up, e::lose_to_follow_up, g::none, s::lost_to_follow_up, "WF-EP-001"},
    {s::relapsed, e::lose_to_follow_up, g::none, s::lost_to_follow_up, "WF-EP-001"},
    {s::graft_failed, e::lose_to_follow_up, g::none, s::lost_to_follow_up, "WF-EP-001"},
    {s::referred, e::death, g::none, s::died, "WF-EP-001"},
    {s::evaluation, e::death, g::none, s::died, "WF-EP-001"},
    {s::donor_search, e::death, g::none, s::died, "WF-EP-001"},
    {s::donor_workup, e::death, g::none, s::died, "WF-EP-001"},
    {s::collection, e::death, g::none, s::died, "WF-EP-001"},
    {s::admitted, e::death, g::none, s::died, "WF-EP-001"},
    {s::conditioning, e::death, g::none, s::died, "WF-EP-001"},
    {s::engraftment_monitoring, e::death, g::none, s::died, "WF-EP-001"},
    {s::engrafted, e::death, g::none, s::died, "WF-EP-001"},
    {s::discharged, e::death, g::none, s::died, "WF-EP-001"},
    {s::follow_up, e::death, g::none, s::died, "WF-EP-001"},
    {s::relapsed, e::death, g::none, s::died, "WF-EP-001"},
    {s::graft_failed, e::death, g::none, s::died, "WF-EP-001"},
    {s::referred, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::evaluation, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::donor_search, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::donor_workup, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::collection, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::admitted, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::conditioning, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::engraftment_monitoring, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::engrafted, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::discharged, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::follow_up, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::relapsed, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
    {s::graft_failed, e::withdraw, g::none, s::withdrawn, "WF-EP-001"},
};
}  // namespace detail::episode_table

/// WF-EP-001: the transition table (68 rows).
using detail::episode_table::episode_transitions;

/// WF-EP-001: the states an episode ends in (no event is accepted there).
[[nodiscard]] constexpr bool is_end(episode_state s) noexcept {
    return s == episode_state::died || s == episode_state::second_transplant ||
           s == episode_state::lost_to_follow_up || s == episode_state::withdrawn;
}

/// WF-EP-002: a person's or an episode's identifier: 1-32 printable characters, held inline
/// (graft custody's identifier: one checked type for every identifier the records carry).
using actor_id = hsct::graft::custody_id;

/// WF-EP-005: what complete_evaluation records (patient/: HCT-CI, performance status).
struct evaluation_data {
    patient::hct_ci_points hct_ci{};
    patient::hct_ci_risk_group hct_ci_risk = patient::hct_ci_risk_group::low;
    patient::karnofsky_score karnofsky{};
    friend constexpr bool operator==(const evaluation_data&, const evaluation_data&) noexcept = default;
};

/// WF-EP-005: what select_donor records (donor/: the donor's kind and its match grade).
struct donor_data {
    donor::donor_kind kind = donor::donor_kind::matched_sibling;
    std::uint8_t matched = 0;  ///< copies matched ...
    std::uint8_t out_of = 8;   ///< ... out of 6, 8, 10 or 12
    friend constexpr bool operator==(const donor_data&, const donor_data&) noexcept = default;
};

/// WF-EP-005: what start_conditioning records (conditioning/: intensity; the planned Day 0).
struct conditioning_data {
    conditioning::conditioning_intensity intensity = conditioning::conditioning_intensity::myeloablative;
    sys_days planned_day0{};
    friend constexpr bool operator==(const conditioning_data&, const conditioning_data&) noexcept = default;
};

/// WF-EP-005: what collect_product and infuse record (graft/: the product, where its custody
/// stood, and its CD34+ cell dose).
struct product_data {
    std::optional<graft::din> product;  ///< required (a DIN is only made checked)
    graft::custody_state custody = graft::custody_state::collected;
    cell_dose cd34{};
    friend constexpr bool operator==(const product_data&, const product_data&) noexcept = default;
};

/// WF-EP-005: what acute_gvhd and chronic_gvhd record (complications/ grades them; the episode
/// keeps the grade follow_up/ reads).
struct gvhd_data {
    follow_up::acute_gvhd_grade acute = follow_up::acute_gvhd_grade::grade_1;
    follow_up::chronic_gvhd_severity chronic = follow_up::chronic_gvhd_severity::mild;
    bool systemic_therapy = false;
    friend constexpr bool operator==(const gvhd_data&, const gvhd_data&) noexcept = default;
};

/// WF-EP-002/005: one event as recorded. Build it with the named constructors; the data an
/// event does not carry keeps its defaults and is not read.
struct episode_record {
    episode_event event = episode_event::begin_evaluation;
    std::chrono::sys_seconds at{};           ///< when it happened
    std::chrono::sys_seconds recorded_at{};  ///< when it was recorded (= at unless a late entry)
    actor_id by;                             ///< who recorded it
    evaluation_data evaluation{};
    donor_data donor{};
    conditioning_data conditioning{};
    product_data product{};
    gvhd_data gvhd{};
    follow_up::death_cause cause = follow_up::death_cause::unknown;

    /// The same event, recorded later (a late entry).
    [[nodiscard]] constexpr episode_record recorded(std::chrono::sys_seconds when) const noexcept {
        episode_record r = *this;
        r.recorded_at = when;
        return r;
    }

    [[nodiscard]] static constexpr episode_record of(episode_event ev, std::chrono::sys_seconds at,
                                                     const actor_id& by) noexcept {
        episode_record r;
        r.event = ev;
        r.at = at;
        r.recorded_at = at;
        r.by = by;
        return r;
    }
    [[nodiscard]] static constexpr episode_record begin_evaluation(std::chrono::sys_seconds at, const actor_id& by) noexcept {
        return of(episode_event::begin_evaluation, at, by);
    }
    /// From an HCT-CI result (its score and risk group) and the Karnofsky score.
    [[nodiscard]] static episode_record complete_evaluation(std::chrono::sys_seconds at, const actor_id& by,
                                                            const patient::hct_ci_result& hct_ci,
                                                            patient::karnofsky_score kps) noexcept {
        return complete_evaluation(at, by, evaluation_data{hct_ci.score, hct_ci.risk_group, kps});
    }
    [[nodiscard]] static constexpr episode_record complete_evaluation(std::chrono::sys_seconds at, const actor_id& by,
                                                                      const evaluation_data& d) noexcept {
        episode_record r = of(episode_event::complete_evaluation, at, by);
        r.evaluation = d;
        return r;
    }
    /// From the donor's kind (donor_choice) and a decided match total (hla_match).
    [[nodiscard]] static constexpr episode_record select_donor(std::chrono::sys_seconds at, const actor_id& by,
                                                               donor::donor_kind kind,
                                                               const donor::match_total& grade) noexcept {
        return select_donor(at, by, donor_data{kind, grade.matched, grade.out_of});
    }
    [[nodiscard]] static constexpr episode_record select_donor(std::chrono::sys_seconds at, const actor_id& by,
                                                               const donor_data& d) noexcept {
        episode_record r = of(episode_event::select_donor, at, by);
        r.donor = d;
        return r;
    }
    [[nodiscard]] static constexpr episode_record clear_donor(std::chrono::sys_seconds at, const actor_id& by) noexcept {
        return of(episode_event::clear_donor, at, by);
    }
    [[nodiscard]] static constexpr episode_record collect_product(std::chrono::sys_seconds at, const actor_id& by,
                                                                  const graft::din& product, cell_dose cd34) noexcept {
        episode_record r = of(episode_event::collect_product, at, by);
        r.product = product_data{product, graft::custody_state::collected, cd34};
        return r;
    }
    [[nodiscard]] static constexpr episode_record admit(std::chrono::sys_seconds at, const actor_id& by) noexcept {
        return of(episode_event::admit, at, by);
    }
    [[nodiscard]] static constexpr episode_record start_conditioning(std::chrono::sys_seconds at, const actor_id& by,
                                                                     conditioning::conditioning_intensity intensity,
                                                                     sys_days planned_day0) noexcept {
        episode_record r = of(episode_event::start_conditioning, at, by);
        r.conditioning = conditioning_data{intensity, planned_day0};
        return r;
    }
    /// From the product's custody (graft::custody): its DIN and the state it reached.
    [[nodiscard]] static constexpr episode_record infuse(std::chrono::sys_seconds at, const actor_id& by,
                                                         const graft::custody& product, cell_dose cd34) noexcept {
        return infuse(at, by, product_data{product.product, product.state, cd34});
    }
    [[nodiscard]] static constexpr episode_record infuse(std::chrono::sys_seconds at, const actor_id& by,
                                                         const product_data& d) noexcept {
        episode_record r = of(episode_event::infuse, at, by);
        r.product = d;
        return r;
    }
    [[nodiscard]] static constexpr episode_record acute_gvhd(std::chrono::sys_seconds at, const actor_id& by,
                                                             follow_up::acute_gvhd_grade grade) noexcept {
        episode_record r = of(episode_event::acute_gvhd, at, by);
        r.gvhd.acute = grade;
        return r;
    }
    [[nodiscard]] static constexpr episode_record chronic_gvhd(std::chrono::sys_seconds at, const actor_id& by,
                                                               follow_up::chronic_gvhd_severity severity,
                                                               bool systemic_therapy) noexcept {
        episode_record r = of(episode_event::chronic_gvhd, at, by);
        r.gvhd.chronic = severity;
        r.gvhd.systemic_therapy = systemic_therapy;
        return r;
    }
    [[nodiscard]] static constexpr episode_record death(std::chrono::sys_seconds at, const actor_id& by,
                                                        follow_up::death_cause cause) noexcept {
        episode_record r = of(episode_event::death, at, by);
        r.cause = cause;
        return r;
    }

    /// The record with only the data its event carries (the rest at their defaults): what the
    /// log keeps and its text holds, so a record read back compares equal (WF-LOG-001).
    [[nodiscard]] constexpr episode_record carried() const noexcept {
        episode_record r = of(event, at, by);
        r.recorded_at = recorded_at;
        switch (event) {
            case episode_event::complete_evaluation: r.evaluation = evaluation; break;
            case episode_event::select_donor: r.donor = donor; break;
            case episode_event::start_conditioning: r.conditioning = conditioning; break;
            case episode_event::collect_product:
            case episode_event::infuse: r.product = product; break;
            case episode_event::acute_gvhd: r.gvhd.acute = gvhd.acute; break;
            case episode_event::chronic_gvhd:
                r.gvhd.chronic = gvhd.chronic;
                r.gvhd.systemic_therapy = gvhd.systemic_therapy;
                break;
            case episode_event::death: r.cause = cause; break;
            default: break;
        }
        return r;
    }

    friend constexpr bool operator==(const episode_record&, const episode_record&) noexcept = default;
};

/// WF-EP-001..006: the episode's state: where the patient is, and what the stages recorded.
struct episode {
    episode_state state = episode_state::referred;
    transplant_kind kind = transplant_kind::allogeneic;
    bool donor_cleared = false;
    std::chrono::sys_seconds referred_at{};
    std::chrono::sys_seconds last_at{};
    std::uint32_t events = 0;  ///< events accepted
    std::optional<evaluation_data> evaluation;
    std::optional<donor_data> donor;
    std::optional<conditioning_data> conditioning;
    std::optional<sys_days> conditioning_start;
    std::optional<product_data> collected;  ///< autologous
    std::optional<product_data> infused;
    std::optional<sys_days> day0;            ///< the date of the infusion
    std::optional<sys_days> neutrophil_engraftment;
    std::optional<sys_days> platelet_engraftment;
    std::optional<sys_days> discharge;
    std::optional<sys_days> acute_gvhd_onset;
    std::optional<follow_up::acute_gvhd_grade> acute_gvhd_max;
    std::optional<sys_days> chronic_gvhd_onset;
    std::optional<follow_up::chronic_gvhd_severity> chronic_gvhd_max;
    std::optional<sys_days> graft_failure;
    std::optional<sys_days> relapse;
    std::optional<sys_days> death;
    std::optional<follow_up::death_cause> death_cause;
    std::optional<sys_days> last_contact;  ///< the last event's date after Day 0

    friend constexpr bool operator==(const episode&, const episode&) noexcept = default;
};

/// WF-EP-001: an episode from its referral.
[[nodiscard]] constexpr episode start_episode(transplant_kind kind, std::chrono::sys_seconds referred_at) noexcept {
    episode e;
    e.kind = kind;
    e.referred_at = referred_at;
    e.last_at = referred_at;
    return e;
}

/// Why an event was refused.
enum class episode_refusal : std::uint8_t {
    not_allowed_here = 1,  ///< no transition from this state on this event
    guard_failed = 2,      ///< a transition exists but its guard (named) does not hold
    ended = 3,             ///< the episode is at an end
    unknown_event = 4,     ///< an event number that is not declared
    no_actor = 5,          ///< who recorded it is not given
    out_of_order = 6,      ///< dated before the previous event
    recorded_before = 7,   ///< recorded before it happened
    invalid_data = 8,      ///< the event's data is not valid (an undeclared enumerator, ...)
};

constexpr auto hsct_enum_table(episode_refusal) noexcept {
    using r = episode_refusal;
    return make_enum_table<episode_refusal>("episode_refusal", {
        {r::not_allowed_here, "not_allowed_here", "not allowed in this state"},
        {r::guard_failed, "guard_failed", "its condition does not hold"},
        {r::ended, "ended", "the episode has ended"},
        {r::unknown_event, "unknown_event", "not a declared event"},
        {r::no_actor, "no_actor", "who recorded it is not given"},
        {r::out_of_order, "out_of_order", "dated before the previous event"},
        {r::recorded_before, "recorded_before", "recorded before it happened"},
        {r::invalid_data, "invalid_data", "the event's data is not valid"},
    });
}

/// A refusal: why, in which state, which event, the guard that failed (guard_failed), and the
/// events allowed there.
struct episode_rejection {
    episode_refusal reason = episode_refusal::not_allowed_here;
    episode_state state = episode_state::referred;
    episode_event event = episode_event::begin_evaluation;
    std::optional<episode_guard> guard;
    hsct::enum_set<episode_event> allowed{};
    const char* requirement = "WF-EP-001";
};

/// What apply returns: the next state, or the same state and a rejection.
struct episode_step {
    episode next;
    std::optional<episode_rejection> rejected;
    [[nodiscard]] constexpr bool accepted() const noexcept { return !rejected.has_value(); }
};

namespace detail::episode_machine {

inline constexpr std::size_t row_count = sizeof(episode_transitions) / sizeof(episode_transitions[0]);

/// Rows by (state, event): up to two row numbers (index + 1, 0 for none), tried in order.
struct index {
    std::array<std::array<std::array<std::uint8_t, 2>, episode_event_count + 1>, episode_state_count + 1> rows{};
};
inline void more_than_two_rows_for_one_pair() noexcept {}
[[nodiscard]] consteval index make_index() {
    index x;
    for (std::size_t i = 0; i < row_count; ++i) {
        const auto& t = episode_transitions[i];
        auto& slots = x.rows[static_cast<std::size_t>(t.from)][static_cast<std::size_t>(t.event)];
        if (slots[0] == 0) {
            slots[0] = static_cast<std::uint8_t>(i + 1);
        } else if (slots[1] == 0) {
            slots[1] = static_cast<std::uint8_t>(i + 1);
        } else {
            more_than_two_rows_for_one_pair();  // not constexpr: a compile error here
        }
    }
    return x;
}
inline constexpr index rows_of = make_index();

[[nodiscard]] constexpr sys_days day_of(std::chrono::sys_seconds t) noexcept {
    return std::chrono::floor<std::chrono::days>(t);
}

/// WF-EP-003/004: whether a guard holds for the record in the episode.
[[nodiscard]] constexpr bool holds(episode_guard g, const episode& ep, const episode_record& r) noexcept {
    const bool after_day0 = ep.day0.has_value() && day_of(r.at) > *ep.day0;
    switch (g) {
        case episode_guard::none: return true;
        case episode_guard::allogeneic: return ep.kind == transplant_kind::allogeneic;
        case episode_guard::autologous: return ep.kind == transplant_kind::autologous;
        case episode_guard::product_collected: return ep.collected.has_value();
        case episode_guard::donor_cleared: return ep.kind == transplant_kind::autologous || ep.donor_cleared;
        case episode_guard::product_verified: {
            const auto cs = r.product.custody;
            if (cs != graft::custody_state::verified_at_bedside && cs != graft::custody_state::infused) {
                return false;
            }
            if (ep.kind == transplant_kind::autologous) {
                return ep.collected.has_value() && ep.collected->product == r.product.product;
            }
            return true;
        }
        case episode_guard::after_day0: return after_day0;
        case episode_guard::allogeneic_after_day0: return ep.kind == transplant_kind::allogeneic && after_day0;
        case episode_guard::before_planned_day0: return day_of(r.at) < r.conditioning.planned_day0;
        case episode_guard::first_platelet_engraftment: return after_day0 && !ep.platelet_engraftment.has_value();
    }
    return false;
}

/// The row that decides, or (no row: 0, row of a failed guard: its guard).
struct lookup {
    const episode_transition* row = nullptr;
    std::optional<episode_guard> failed;
};
[[nodiscard]] constexpr lookup find(const episode& ep, const episode_record& r) noexcept {
    lookup out;
    const auto si = static_cast<std::size_t>(ep.state);
    const auto ei = static_cast<std::size_t>(r.event);
    if (si > episode_state_count || ei > episode_event_count || si == 0 || ei == 0) {
        return out;
    }
    for (const std::uint8_t k : rows_of.rows[si][ei]) {
        if (k == 0) {
            break;
        }
        const auto& t = episode_transitions[k - 1];
        if (holds(t.guard, ep, r)) {
            out.row = &t;
            out.failed.reset();
            return out;
        }
        if (!out.failed) {
            out.failed = t.guard;
        }
    }
    return out;
}

/// WF-EP-005: the event's own data.
[[nodiscard]] constexpr bool data_valid(const episode_record& r) noexcept {
    switch (r.event) {
        case episode_event::complete_evaluation: return hsct::is_valid(r.evaluation.hct_ci_risk);
        case episode_event::select_donor: {
            const auto n = r.donor.out_of;
            return hsct::is_valid(r.donor.kind) && r.donor.kind != donor::donor_kind::autologous &&
                   (n == 6 || n == 8 || n == 10 || n == 12) && r.donor.matched <= n;
        }
        case episode_event::start_conditioning: return hsct::is_valid(r.conditioning.intensity);
        case episode_event::collect_product:
        case episode_event::infuse: {
            const double v = r.product.cd34.in(units::e6_per_kg);
            return r.product.product.has_value() && hsct::is_valid(r.product.custody) && v > 0.0 &&
                   v < 1.0e6;  // false for NaN
        }
        case episode_event::acute_gvhd: return hsct::is_valid(r.gvhd.acute);
        case episode_event::chronic_gvhd: return hsct::is_valid(r.gvhd.chronic);
        case episode_event::death: return hsct::is_valid(r.cause);
        default: return true;
    }
}

/// WF-EP-001..006: what an accepted record writes into the episode.
constexpr void record_into(episode& ep, const episode_record& r, episode_state to) noexcept {
    const sys_days day = day_of(r.at);
    switch (r.event) {
        case episode_event::complete_evaluation: ep.evaluation = r.evaluation; break;
        case episode_event::select_donor: ep.donor = r.donor; break;
        case episode_event::clear_donor: ep.donor_cleared = true; break;
        case episode_event::collect_product: ep.collected = r.product; break;
        case episode_event::start_conditioning:
            ep.conditioning = r.conditioning;
            ep.conditioning_start = day;
            break;
        case episode_event::infuse:
            ep.infused = r.product;
            ep.day0 = day;
            break;
        case episode_event::neutrophil_engraftment: ep.neutrophil_engraftment = day; break;
        case episode_event::platelet_engraftment: ep.platelet_engraftment = day; break;
        case episode_event::discharge: ep.discharge = day; break;
        case episode_event::acute_gvhd:
            if (!ep.acute_gvhd_onset) {
                ep.acute_gvhd_onset = day;
            }
            if (!ep.acute_gvhd_max || *ep.acute_gvhd_max < r.gvhd.acute) {
                ep.acute_gvhd_max = r.gvhd.acute;
            }
            break;
        case episode_event::chronic_gvhd:
            if (!ep.chronic_gvhd_onset) {
                ep.chronic_gvhd_onset = day;
            }
            if (!ep.chronic_gvhd_max || *ep.chronic_gvhd_max < r.gvhd.chronic) {
                ep.chronic_gvhd_max = r.gvhd.chronic;
            }
            break;
        case episode_event::graft_failure: ep.graft_failure = day; break;
        case episode_event::relapse: ep.relapse = day; break;
        case episode_event::death:
            ep.death = day;
            ep.death_cause = r.cause;
            break;
        default: break;
    }
    if (ep.day0) {
        ep.last_contact = day;
    }
    ep.state = to;
    ep.last_at = r.at;
    ++ep.events;
}

}  // namespace detail::episode_machine

/// WF-EP-001/003/004: the events allowed now. A guard that reads the event's own date or data
/// (after Day 0, the verified product, before the planned Day 0) is taken as satisfiable: the
/// event is listed if some record could pass.
[[nodiscard]] constexpr hsct::enum_set<episode_event> allowed_events(const episode& ep) noexcept {
    hsct::enum_set<episode_event> out;
    if (is_end(ep.state)) {
        return out;
    }
    for (const auto& t : episode_transitions) {
        if (t.from != ep.state) {
            continue;
        }
        bool ok = true;
        switch (t.guard) {
            case episode_guard::allogeneic: ok = ep.kind == transplant_kind::allogeneic; break;
            case episode_guard::autologous: ok = ep.kind == transplant_kind::autologous; break;
            case episode_guard::product_collected: ok = ep.collected.has_value(); break;
            case episode_guard::donor_cleared: ok = ep.kind == transplant_kind::autologous || ep.donor_cleared; break;
            case episode_guard::allogeneic_after_day0: ok = ep.kind == transplant_kind::allogeneic; break;
            case episode_guard::first_platelet_engraftment: ok = !ep.platelet_engraftment.has_value(); break;
            default: break;
        }
        if (ok) {
            out.insert(t.event);
        }
    }
    return out;
}

/// WF-EP-001..006: the machine's step, in place. Total: every (state, event) pair either moves
/// `ep` to the next state and returns no rejection, or leaves `ep` exactly as it was and returns
/// a rejection naming the events allowed. Checks in order: the event is declared; the episode
/// has not ended; who recorded it; the dates (not before the previous event; not recorded before
/// it happened); the event's data; the transition and its guard. Nothing is written to `ep`
/// before every check has passed.
[[nodiscard]] constexpr std::optional<episode_rejection> advance(episode& ep, const episode_record& r) noexcept {
    namespace m = detail::episode_machine;
    const auto refuse = [&](episode_refusal why, const char* requirement,
                            std::optional<episode_guard> g = std::nullopt) {
        return std::optional<episode_rejection>(
            episode_rejection{why, ep.state, r.event, g, allowed_events(ep), requirement});
    };
    if (!hsct::is_valid(r.event)) {
        return refuse(episode_refusal::unknown_event, "WF-EP-001");
    }
    if (is_end(ep.state)) {
        return refuse(episode_refusal::ended, "WF-EP-001");
    }
    if (r.by.empty()) {
        return refuse(episode_refusal::no_actor, "WF-EP-002");
    }
    if (r.at < ep.last_at) {
        return refuse(episode_refusal::out_of_order, "WF-EP-002");
    }
    if (r.recorded_at < r.at) {
        return refuse(episode_refusal::recorded_before, "WF-EP-002");
    }
    if (!m::data_valid(r)) {
        return refuse(episode_refusal::invalid_data, "WF-EP-005");
    }
    const auto found = m::find(ep, r);
    if (found.row == nullptr) {
        if (found.failed) {
            const auto* req = (*found.failed == episode_guard::after_day0 ||
                               *found.failed == episode_guard::first_platelet_engraftment ||
                               *found.failed == episode_guard::before_planned_day0)
                                  ? "WF-EP-004"
                                  : "WF-EP-003";
            return refuse(episode_refusal::guard_failed, req, found.failed);
        }
        return refuse(episode_refusal::not_allowed_here, "WF-EP-001");
    }
    if (r.event == episode_event::start_conditioning &&
        !m::holds(episode_guard::before_planned_day0, ep, r)) {
        return refuse(episode_refusal::guard_failed, "WF-EP-004", episode_guard::before_planned_day0);
    }
    m::record_into(ep, r, found.row->to);
    return std::nullopt;
}

/// WF-EP-001..006: the machine's step as a value: the next state, or the unchanged state and the
/// rejection (advance() on a copy).
[[nodiscard]] constexpr episode_step apply(const episode& ep, const episode_record& r) noexcept {
    episode_step out{ep, std::nullopt};
    out.rejected = advance(out.next, r);
    return out;
}

/// WF-EP-001: the state an episode folds to from its start over records (the first refusal, if
/// any, stops the fold: its index and rejection are returned with the state reached before it).
struct episode_replay {
    episode state;
    std::optional<std::size_t> refused_at;
    std::optional<episode_rejection> rejection;
};
[[nodiscard]] constexpr episode_replay replay(const episode& start, const episode_record* first,
                                              std::size_t n) noexcept {
    episode_replay out{start, std::nullopt, std::nullopt};
    for (std::size_t i = 0; i < n; ++i) {
        if (auto rejected = advance(out.state, first[i])) {
            out.refused_at = i;
            out.rejection = rejected;
            return out;
        }
    }
    return out;
}

/// WF-EP-001: the table as a Mermaid state diagram (docs/workflow.md prints it; a test checks
/// the page against this). Self-loops are listed as notes; death and withdrawal as one note.
template <class = void>
[[nodiscard]] std::string episode_diagram() {
    std::string s = "stateDiagram-v2\n    [*] --> referred\n";
    for (const auto& t : episode_transitions) {
        if (t.event == episode_event::death || t.event == episode_event::withdraw) {
            continue;  // one note below
        }
        const std::string label = t.guard == episode_guard::none
                                      ? std::string(id(t.event))
                                      : hsct::detail::concat({id(t.event), " [", id(t.guard), "]"});
        s += hsct::detail::concat({"    ", id(t.from), " --> ", id(t.to), ": ", label, "\n"});
    }
    s += "    note right of died: death and withdraw from every state but the ends\n";
    for (const auto end : {episode_state::died, episode_state::second_transplant, episode_state::lost_to_follow_up,
                           episode_state::withdrawn}) {
        s += hsct::detail::concat({"    ", id(end), " --> [*]\n"});
    }
    return s;
}

}  // namespace hsct::workflow

#endif  // HSCT_WORKFLOW_EPISODE_HPP
