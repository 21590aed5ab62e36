// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Revaccination after HCT for one patient on one date: for every vaccine of the schedule
// (vaccination_schedule.hpp), whether a dose is due, not yet due (with its earliest date), held
// (and why), complete, not recommended, contraindicated, not applicable or not covered by the
// source, with the criteria that decided it as data.
//
//   using namespace hsct::follow_up;
//   auto t = hsct::timeline::single(hsct::sys_days{2024y / 3 / 1});
//   revaccination_input in;
//   in.timeline = &*t;
//   in.on = hsct::sys_days{2026y / 4 / 1};
//   in.donor = hsct::donor_type::unrelated;
//   in.gvhd = gvhd_state::none;
//   in.immunosuppression = immunosuppression_state::stopped;
//   in.immunosuppression_stopped = hsct::sys_days{2025y / 6 / 1};
//   in.last_ivig = hsct::sys_days{2025y / 9 / 15};
//   in.measles = serostatus::negative;
//   auto r = assess_revaccination(in);              // result<revaccination_result>
//   r->of(vaccine::measles_mumps_rubella).status;   // due (ECIL-7: 24 months, IVIG 3 months)
//
// FU-VAC-011 holds for every vaccine [V-HB24] (HB24 29.2.4.1, ECIL-7): rituximab within 6 months
// (due again 6 calendar months after the last dose), IgG < 3 g/L, an unstable condition (an
// uncontrolled grade 3-4 acute GVHD, an uncontrolled infection, intensive care), ATG ongoing.
// GVHD under control is no reason to delay a non-live vaccine. The paediatric schedule immunises
// "irrespective of GvHD" (29.6.1), so there GVHD is no hold; the other holds apply [P].
// FU-VAC-012 intramuscular injection [P]: HB24 29.2.2 calls IM injection safe with platelets
// >= 30-50 x10^9/L; a non-live dose is held below 50 x10^9/L (the upper end), when the count is
// given (IPV and PCV may be given subcutaneously: the caller can then leave the count out).
// FU-VAC-013 live-vaccine gate, ECIL-7/HB24 (default for the ECIL-7 schedule) [V-HB24]: the row's
// start (MMR >= 24 months, varicella > 24 months), no GVHD, no immunosuppression, no relapse, the
// IVIG interval (FU-VAC-018), seronegative (FU-VAC-020). HB24 29.2.5: live vaccines are
// contraindicated before 24 months or with active GVHD or immunosuppression.
// FU-VAC-014 gate Tomblyn 2009 (notes 9.3) [V2]: >= 24 months, no active GVHD, off
// immunosuppression; no IVIG interval in the notes' statement of it.
// FU-VAC-015 gate IDSA 2013 (Rubin et al.; resolutions K9) [V]: >= 24 months; MMR: no chronic
// GVHD, no immunosuppression; varicella: no GVHD, no immunosuppression; 8-11 months after IVIG.
// FU-VAC-016 gate "2-1-8" (Carpenter & Englund, Blood 2016, wording not retrieved) [U]: >= 24
// months, >= 12 months off all immunosuppression, >= 8 months since IVIG; no GVHD is kept as in
// every other gate [U].
// FU-VAC-017 gate EBMT paediatric 2021 (HB24 29.6.1 and the Fig. 29.1 caption) [V-HB24]: >= 24
// months, no GVHD, >= 3 months off immunosuppressive therapy and >= 3 months without active chronic
// GVHD (`chronic_gvhd_resolved`, the date it last resolved; absent: never active), off IVIG (the
// general 3 months of HB24 29.2.5.1).
// FU-VAC-018 the IVIG interval before a live vaccine, `ivig_interval_policy` [V-HB24]/[V]: HB24
// 29.2.5.1 "at least 3 months and ideally 8 months"; ECIL-7 "ideally between 8 and 11 months";
// IDSA 8-11 months. Default per_gate: ECIL-7/HB24 3, IDSA 8, 2-1-8 8, paediatric 3, Tomblyn none.
// FU-VAC-019 measles outbreak [V-HB24]: under the ECIL-7 gate MMR is allowed from 12 months for
// a patient with low-grade immunosuppression; influenza from 3 months in a community outbreak.
// FU-VAC-020 serostatus [V-HB24] (Table 29.1; HB24 29.8.1): measles and varicella only for
// seronegative patients; seropositive: not applicable; unknown: needs input, and the missing
// serology is named.
// FU-VAC-021 which HCT [V] (UK consensus 2022: restart after a second HCT; HB24 29.2.1: post-HCT
// recipients are "never vaccinated"): the schedule counts from Day 0 of the latest HCT on or
// before the assessment date; doses before that Day 0 do not count and are reported as ignored.
// FU-VAC-022 the answer [P]: the earliest date of the next dose is the latest of the schedule's
// date and every date-based condition (rituximab, IVIG, time off immunosuppression); status
// precedence: contraindicated (a live gate that no date resolves), held (a hold, or rituximab
// when it is what delays the dose), needs input, not yet due, due.
// FU-VAC-023 input errors: an undeclared enumerator; no timeline; dates outside 1900-2199; the
// assessment before Day 0 of the HCT; a named HCT that is not the latest on or before the
// assessment; a dose, IVIG, rituximab or stop of immunosuppression after the assessment date;
// a stop date without "stopped"; the same vaccine twice on one date; more than 255 doses; a
// negative or non-finite IgG or platelet count.
// FU-VAC-024 paediatric fixed start [V-HB24] (HB24 29.6.1): DTaP/IPV/HBV/Hib and PCV13 at 6
// months if leukocytes have engrafted and platelets are >= 50 x10^9/L.
// FU-VAC-025 children's series [V-HB24]: MMR 2 doses in children (Table 29.1; a child is under 18
// [P]); influenza 2 doses in the first post-HCT season from 6 months through 8 years (note b).
#ifndef HSCT_FOLLOW_UP_REVACCINATION_HPP
#define HSCT_FOLLOW_UP_REVACCINATION_HPP

#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "hsct/core/analyte.hpp"
#include "hsct/core/clinical.hpp"
#include "hsct/core/config.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/timeline.hpp"
#include "hsct/core/units.hpp"
#include "hsct/follow_up/calendar.hpp"
#include "hsct/follow_up/vaccination_schedule.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-VAC-011/013..017: GVHD on the assessment date.
enum class gvhd_state : std::uint8_t {
    none = 1,                ///< no GVHD (never, or resolved)
    controlled = 2,          ///< acute GVHD under control with treatment
    active_chronic = 3,      ///< chronic GVHD (a chronic GVHD under treatment is active)
    uncontrolled_acute = 4,  ///< uncontrolled grade 3-4 acute GVHD (an unstable condition)
};

constexpr auto hsct_enum_table(gvhd_state) noexcept {
    using g = gvhd_state;
    return make_enum_table<gvhd_state>("gvhd_state", {
        {g::none, "none", "no GVHD"},
        {g::controlled, "controlled", "acute GVHD under control with treatment"},
        {g::active_chronic, "active_chronic", "active chronic GVHD"},
        {g::uncontrolled_acute, "uncontrolled_acute", "uncontrolled grade 3-4 acute GVHD"},
    });
}

/// FU-VAC-013..017/019: immunosuppressive treatment on the assessment date.
enum class immunosuppression_state : std::uint8_t {
    never = 1,              ///< none since the HCT
    ongoing = 2,
    ongoing_low_grade = 3,  ///< ongoing, low grade (ECIL-7's measles-outbreak exception)
    stopped = 4,            ///< stopped (give the date: immunosuppression_stopped)
};

constexpr auto hsct_enum_table(immunosuppression_state) noexcept {
    using s = immunosuppression_state;
    return make_enum_table<immunosuppression_state>("immunosuppression_state", {
        {s::never, "never", "no immunosuppression since the HCT"},
        {s::ongoing, "ongoing", "immunosuppression ongoing"},
        {s::ongoing_low_grade, "ongoing_low_grade", "low-grade immunosuppression ongoing"},
        {s::stopped, "stopped", "immunosuppression stopped"},
    });
}

/// FU-VAC-020: a serology result.
enum class serostatus : std::uint8_t {
    negative = 1,
    positive = 2,
    unknown = 3,  ///< not tested or not given: the answer names it as missing
};

constexpr auto hsct_enum_table(serostatus) noexcept {
    return make_enum_table<serostatus>("serostatus", {
        {serostatus::negative, "negative", "seronegative"},
        {serostatus::positive, "positive", "seropositive"},
        {serostatus::unknown, "unknown", "serostatus unknown"},
    });
}

/// FU-VAC-013..017: the live-vaccine gate.
enum class live_vaccine_gate : std::uint8_t {
    per_schedule = 1,          ///< the schedule's own gate (default)
    ecil7_hb24 = 2,            ///< ECIL-7 / HB24 29.2.5 [V-HB24]
    tomblyn_2009 = 3,          ///< Tomblyn/Ljungman 2009 as the notes state it [V2]
    idsa_2013 = 4,             ///< IDSA 2013 (Rubin), per vaccine [V]
    two_one_eight = 5,         ///< "2-1-8" (Carpenter & Englund 2016) [U]
    ebmt_paediatric_2021 = 6,  ///< EBMT paediatric 2021, HB24 29.6.1 [V-HB24]
};

constexpr auto hsct_enum_table(live_vaccine_gate) noexcept {
    using g = live_vaccine_gate;
    return make_enum_table<live_vaccine_gate>("live_vaccine_gate", {
        {g::per_schedule, "per_schedule", "the schedule's own gate"},
        {g::ecil7_hb24, "ecil7_hb24", "ECIL-7 / EBMT Handbook 2024"},
        {g::tomblyn_2009, "tomblyn_2009", "Tomblyn 2009 (CDC/IDSA/ASBMT)"},
        {g::idsa_2013, "idsa_2013", "IDSA 2013 (Rubin), per vaccine"},
        {g::two_one_eight, "two_one_eight", "2-1-8 rule (unverified wording)"},
        {g::ebmt_paediatric_2021, "ebmt_paediatric_2021", "EBMT paediatric working party 2021"},
    });
}

/// FU-VAC-018: the interval between the last IVIG and a live vaccine.
enum class ivig_interval_policy : std::uint8_t {
    per_gate = 1,       ///< the gate's own (default)
    three_months = 2,   ///< HB24 29.2.5.1 "at least 3 months"
    eight_months = 3,   ///< HB24 "ideally 8 months"; ECIL-7 and IDSA 8 (of 8-11)
    eleven_months = 4,  ///< the upper end of ECIL-7's and IDSA's 8-11 months
};

constexpr auto hsct_enum_table(ivig_interval_policy) noexcept {
    using p = ivig_interval_policy;
    return make_enum_table<ivig_interval_policy>("ivig_interval_policy", {
        {p::per_gate, "per_gate", "the live-vaccine gate's own interval"},
        {p::three_months, "three_months", "at least 3 months after the last IVIG"},
        {p::eight_months, "eight_months", "at least 8 months after the last IVIG"},
        {p::eleven_months, "eleven_months", "at least 11 months after the last IVIG"},
    });
}

/// FU-VAC-022: a vaccine's answer on the assessment date.
enum class vaccine_status : std::uint8_t {
    due = 1,              ///< the next dose may be given on the assessment date
    not_yet_due = 2,      ///< not before `earliest` (unknown when it waits for another series)
    held = 3,             ///< postponed by a hold (the criteria not met say which)
    series_complete = 4,
    not_recommended = 5,  ///< the source recommends against it
    contraindicated = 6,  ///< the source, or a live gate no date resolves (GVHD, IS, relapse)
    not_applicable = 7,   ///< immune (seropositive), replaced (PPSV23 by a 4th PCV), or not this patient's schedule
    not_covered = 8,      ///< the source does not cover the vaccine
    needs_input = 9,      ///< an input that decides is missing (see `missing`)
};

constexpr auto hsct_enum_table(vaccine_status) noexcept {
    using s = vaccine_status;
    return make_enum_table<vaccine_status>("vaccine_status", {
        {s::due, "due", "due now"},
        {s::not_yet_due, "not_yet_due", "not yet due"},
        {s::held, "held", "held"},
        {s::series_complete, "series_complete", "series complete"},
        {s::not_recommended, "not_recommended", "not recommended"},
        {s::contraindicated, "contraindicated", "contraindicated"},
        {s::not_applicable, "not_applicable", "not applicable"},
        {s::not_covered, "not_covered", "not covered by the source"},
        {s::needs_input, "needs_input", "needs input"},
    });
}

/// FU-VAC-003..025: the criteria recorded per vaccine. Each is a condition for giving the dose:
/// met means it allows the dose.
enum class revaccination_criterion : std::uint8_t {
    time_since_hct = 1,              ///< days since Day 0 against the start (FU-VAC-003)
    outbreak_start = 2,              ///< the same, from the outbreak start (FU-VAC-006/019)
    dose_interval = 3,               ///< days since the last dose (FU-VAC-004)
    interval_from_first_dose = 4,    ///< days since the first dose (HBV, FU-VAC-004)
    yearly_interval = 5,             ///< days since the last influenza dose (FU-VAC-006)
    conjugate_series_complete = 6,   ///< conjugate doses given (FU-VAC-005)
    after_conjugate_series = 7,      ///< days since the last conjugate dose (FU-VAC-005)
    replaced_by_conjugate = 8,       ///< GVHD: a 4th conjugate dose instead (FU-VAC-005)
    child_series = 9,                ///< completed years, for a child's series (FU-VAC-025)
    rituximab_interval = 10,         ///< days since the last rituximab (FU-VAC-011)
    clinically_stable = 11,          ///< no ICU stay or uncontrolled infection (FU-VAC-011)
    no_uncontrolled_acute_gvhd = 12, ///< (FU-VAC-011)
    no_atg = 13,                     ///< (FU-VAC-011)
    igg_level = 14,                  ///< IgG >= 3 g/L (FU-VAC-011)
    platelets_for_injection = 15,    ///< platelets >= 50 x10^9/L (FU-VAC-012/024)
    leukocytes_engrafted = 16,       ///< (FU-VAC-024)
    no_gvhd = 17,                    ///< the live gate's GVHD clause (FU-VAC-013..017)
    no_immunosuppression = 18,       ///< the live gate's IS clause
    time_off_immunosuppression = 19, ///< days since IS stopped (2-1-8, paediatric)
    ivig_interval = 20,              ///< days since the last IVIG (FU-VAC-018)
    no_relapse = 21,                 ///< (FU-VAC-013)
    seronegative = 22,               ///< (FU-VAC-020)
    time_without_chronic_gvhd = 23,  ///< days since active chronic GVHD resolved (paediatric, FU-VAC-017)
};

constexpr auto hsct_enum_table(revaccination_criterion) noexcept {
    using c = revaccination_criterion;
    return make_enum_table<revaccination_criterion>("revaccination_criterion", {
        {c::time_since_hct, "time_since_hct", "time since HCT reaches the start"},
        {c::outbreak_start, "outbreak_start", "time since HCT reaches the outbreak start"},
        {c::dose_interval, "dose_interval", "interval since the last dose"},
        {c::interval_from_first_dose, "interval_from_first_dose", "interval since the first dose"},
        {c::yearly_interval, "yearly_interval", "a year since the last dose"},
        {c::conjugate_series_complete, "conjugate_series_complete", "pneumococcal conjugate series complete"},
        {c::after_conjugate_series, "after_conjugate_series", "interval since the last conjugate dose"},
        {c::replaced_by_conjugate, "replaced_by_conjugate", "no GVHD calling for a 4th conjugate dose instead"},
        {c::child_series, "child_series", "a child's series (completed years)"},
        {c::rituximab_interval, "rituximab_interval", "6 months since the last rituximab"},
        {c::clinically_stable, "clinically_stable", "no intensive care or uncontrolled infection"},
        {c::no_uncontrolled_acute_gvhd, "no_uncontrolled_acute_gvhd", "no uncontrolled grade 3-4 acute GVHD"},
        {c::no_atg, "no_atg", "no ATG ongoing"},
        {c::igg_level, "igg_level", "IgG at least 3 g/L"},
        {c::platelets_for_injection, "platelets_for_injection", "platelets at least 50 x10^9/L"},
        {c::leukocytes_engrafted, "leukocytes_engrafted", "leukocytes engrafted"},
        {c::no_gvhd, "no_gvhd", "no GVHD of the kind the live gate excludes"},
        {c::no_immunosuppression, "no_immunosuppression", "no immunosuppression"},
        {c::time_off_immunosuppression, "time_off_immunosuppression", "time off immunosuppression"},
        {c::ivig_interval, "ivig_interval", "interval since the last IVIG"},
        {c::no_relapse, "no_relapse", "no relapse of the underlying disease"},
        {c::seronegative, "seronegative", "seronegative"},
        {c::time_without_chronic_gvhd, "time_without_chronic_gvhd", "time without active chronic GVHD"},
    });
}

/// FU-VAC-020..025: the inputs an answer can lack.
enum class revaccination_field : std::uint8_t {
    age = 1,
    measles_serostatus = 2,
    varicella_serostatus = 3,
    immunosuppression_stopped = 4,
    igg = 5,
    platelets = 6,
    leukocytes_engrafted = 7,
};

constexpr auto hsct_enum_table(revaccination_field) noexcept {
    using f = revaccination_field;
    return make_enum_table<revaccination_field>("revaccination_field", {
        {f::age, "age", "age at the assessment"},
        {f::measles_serostatus, "measles_serostatus", "measles serostatus"},
        {f::varicella_serostatus, "varicella_serostatus", "varicella serostatus"},
        {f::immunosuppression_stopped, "immunosuppression_stopped", "the date immunosuppression stopped"},
        {f::igg, "igg", "IgG level"},
        {f::platelets, "platelets", "platelet count"},
        {f::leukocytes_engrafted, "leukocytes_engrafted", "leukocyte engraftment"},
    });
}

/// A dose given.
struct vaccine_dose {
    vaccine which{};
    sys_days date{};
};

/// FU-VAC-011..025: one patient on one date.
struct revaccination_input {
    const hsct::timeline* timeline = nullptr;  ///< the patient's HCTs (must outlive the call)
    std::optional<int> hct_number;             ///< the HCT counted from; default the latest on or before `on`
    sys_days on{};                             ///< the assessment date
    hsct::donor_type donor{};                  ///< autologous, or the allogeneic donor
    std::optional<hsct::age> age;              ///< at the assessment date
    std::span<const vaccine_dose> doses;       ///< every dose given, any order (before Day 0 too)
    gvhd_state gvhd{};
    std::optional<sys_days> chronic_gvhd_resolved;  ///< the date active chronic GVHD last resolved (FU-VAC-017)
    immunosuppression_state immunosuppression{};
    std::optional<sys_days> immunosuppression_stopped;  ///< with immunosuppression_state::stopped
    std::optional<sys_days> last_ivig;
    std::optional<sys_days> last_rituximab;
    bool relapse = false;                      ///< relapse of the underlying disease
    serostatus measles = serostatus::unknown;
    serostatus varicella = serostatus::unknown;
    std::optional<hsct::mass_concentration> igg;
    bool unstable = false;                     ///< intensive care or an uncontrolled infection
    bool atg_ongoing = false;
    bool influenza_outbreak = false;           ///< a community influenza outbreak
    bool measles_outbreak = false;
    std::optional<hsct::platelets> platelets;
    std::optional<bool> leukocytes_engrafted;  ///< read by the paediatric fixed start
};

struct revaccination_options {
    vaccination_schedule schedule = vaccination_schedule::ecil7_hb24;      ///< FU-VAC-002/007/008
    live_vaccine_gate live_gate = live_vaccine_gate::per_schedule;         ///< FU-VAC-013..017
    ivig_interval_policy ivig = ivig_interval_policy::per_gate;            ///< FU-VAC-018
    month_end_policy month_end = month_end_policy::last_day_of_month;      ///< FU-CAL-002
};

/// FU-VAC-022: one vaccine's answer.
struct vaccine_decision {
    vaccine_decision() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    vaccine which{};
    vaccine_status status = vaccine_status::not_applicable;
    const vaccine_schedule_row* row = nullptr;  ///< the source row that decided it
    std::uint8_t doses_given = 0;               ///< counted: on or after Day 0, on or before the assessment
    std::uint8_t doses_ignored = 0;             ///< before Day 0 of the HCT counted from (FU-VAC-021)
    std::uint8_t doses_planned = 0;             ///< this patient's series (influenza: the first season)
    std::uint8_t next_dose = 0;                 ///< 1-based; 0 when none is to come
    std::optional<sys_days> earliest;           ///< the next dose's earliest date
    std::optional<sys_days> start_window_end;   ///< the printed upper bound of the start (FU-VAC-003)
    hsct::enum_set<revaccination_criterion> blocking;  ///< the criteria not met
    hsct::enum_set<revaccination_field> missing;
    hsct::fixed_list<hsct::criterion<revaccination_criterion>, 20> criteria;  // at most one record a criterion kind that applies
};

/// FU-VAC-021/022: every vaccine's answer, by vaccine.
struct revaccination_result {
    revaccination_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    sys_days on{};
    int hct_number = 0;
    sys_days day0{};
    live_vaccine_gate gate{};          ///< the gate applied (per_schedule resolved)
    std::chrono::months ivig_interval{0};  ///< the IVIG interval applied before a live vaccine (0: none)
    std::uint16_t doses_ignored = 0;   ///< doses before Day 0 of the HCT counted from
    hsct::enum_set<revaccination_field> missing;
    std::array<vaccine_decision, vaccine_count> vaccines;
    revaccination_options options;

    /// The answer for `v`. Precondition (contract): `v` is a declared vaccine.
    [[nodiscard]] const vaccine_decision& of(vaccine v) const {
        HSCT_EXPECTS(is_valid(v), "revaccination_result::of: an undeclared vaccine");
        return vaccines[static_cast<std::size_t>(static_cast<std::uint8_t>(v)) - 1U];
    }
};

namespace detail::revaccination {
using crit = revaccination_criterion;
using field = revaccination_field;

inline constexpr int max_doses = 255;                 ///< FU-VAC-023
inline constexpr std::int16_t rituximab_months = 6;   ///< FU-VAC-011 [V-HB24]
inline constexpr double igg_min_g_per_l = 3.0;        ///< FU-VAC-011 [V-HB24]
inline constexpr double platelets_min = 50.0;         ///< FU-VAC-012 [P] / FU-VAC-024 [V-HB24], x10^9/L
inline constexpr std::int16_t live_months = 24;       ///< FU-VAC-014..017
inline constexpr std::int16_t two_one_eight_off_is_months = 12;  ///< FU-VAC-016 [U]
inline constexpr std::int16_t paediatric_off_is_months = 3;      ///< FU-VAC-017 [V-HB24]

[[nodiscard]] constexpr live_vaccine_gate resolve_gate(live_vaccine_gate g, vaccination_schedule s) noexcept {
    if (g != live_vaccine_gate::per_schedule) {
        return g;
    }
    switch (s) {
        case vaccination_schedule::ebmt_paediatric_2021: return live_vaccine_gate::ebmt_paediatric_2021;
        case vaccination_schedule::cdc_tomblyn_2009: return live_vaccine_gate::tomblyn_2009;
        case vaccination_schedule::ecil7_hb24: break;
    }
    return live_vaccine_gate::ecil7_hb24;
}

[[nodiscard]] constexpr std::int16_t resolve_ivig_months(ivig_interval_policy p, live_vaccine_gate g) noexcept {
    switch (p) {
        case ivig_interval_policy::three_months: return 3;
        case ivig_interval_policy::eight_months: return 8;
        case ivig_interval_policy::eleven_months: return 11;
        case ivig_interval_policy::per_gate: break;
    }
    switch (g) {
        case live_vaccine_gate::idsa_2013:
        case live_vaccine_gate::two_one_eight: return 8;
        case live_vaccine_gate::tomblyn_2009: return 0;
        case live_vaccine_gate::per_schedule:
        case live_vaccine_gate::ecil7_hb24:
        case live_vaccine_gate::ebmt_paediatric_2021: break;
    }
    return 3;
}

[[nodiscard]] constexpr bool verified(source_mark m) noexcept {
    return m == source_mark::v_hb24 || m == source_mark::v || m == source_mark::v2;
}

template <class = void>
[[nodiscard]] result<sys_days> add_span(sys_days d, schedule_span s, month_end_policy p) {
    if (s.unit == schedule_unit::days) {
        return check_date(d + std::chrono::days{s.count}, "revaccination.date");
    }
    return add_months(d, s.count, p, "revaccination.date");
}

[[nodiscard]] constexpr double days_between(sys_days from, sys_days to) noexcept {
    return static_cast<double>((to - from).count());
}

/// Records "the days from `from` to the assessment reach the days from `from` to `due`".
template <class = void>
bool record_days(vaccine_decision& d, crit id, const char* requirement, sys_days from, sys_days on,
                        sys_days due, hsct::comparator cmp, bool is_verified) {
    auto& c = d.criteria.emplace_back();
    c.id = id;
    c.requirement = requirement;
    c.cmp = cmp;
    c.threshold = days_between(from, due);
    c.measured = hsct::measure::count(days_between(from, on), hsct::count_unit::days);
    const bool met = hsct::satisfies(c.measured.number(), cmp, c.threshold);
    c.result = met ? hsct::outcome::met : hsct::outcome::not_met;
    c.verified = is_verified;
    d.blocking.insert_if(id, !met);
    return met;
}

/// Records a finding that allows the dose when absent.
template <class = void>
bool record_absent(vaccine_decision& d, crit id, const char* requirement, bool present, bool is_verified) {
    auto& c = d.criteria.emplace_back();
    c.id = id;
    c.requirement = requirement;
    c.cmp = hsct::comparator::equal;
    c.threshold = 0.0;
    c.measured = hsct::measure::flag(present);
    c.result = present ? hsct::outcome::not_met : hsct::outcome::met;
    c.verified = is_verified;
    d.blocking.insert_if(id, present);
    return !present;
}

/// Records an enumerator that allows the dose or not.
template <class E>
inline bool record_code(vaccine_decision& d, crit id, const char* requirement, E e, bool allows, bool is_verified) {
    auto& c = d.criteria.emplace_back();
    c.id = id;
    c.requirement = requirement;
    c.cmp = hsct::comparator::present;
    c.measured = hsct::measure::code(e);
    c.result = allows ? hsct::outcome::met : hsct::outcome::not_met;
    c.verified = is_verified;
    d.blocking.insert_if(id, !allows);
    return allows;
}

template <class = void>
void record_missing(vaccine_decision& d, crit id, const char* requirement, field f, bool is_verified) {
    auto& c = d.criteria.emplace_back();
    c.id = id;
    c.requirement = requirement;
    c.cmp = hsct::comparator::present;
    c.measured = hsct::measure::missing(f);
    c.result = hsct::outcome::unknown;
    c.verified = is_verified;
    d.missing.insert(f);
}

/// Records a count or quantity against a threshold.
/// `blocks`: a criterion not met stops the dose (false for child_series, which only chooses the series).
template <class = void>
bool record_number(vaccine_decision& d, crit id, const char* requirement, hsct::measure m,
                          hsct::comparator cmp, double threshold, bool is_verified, bool blocks = true) {
    auto& c = d.criteria.emplace_back();
    c.id = id;
    c.requirement = requirement;
    c.cmp = cmp;
    c.threshold = threshold;
    c.measured = m;
    const bool met = hsct::satisfies(m.number(), cmp, threshold);
    c.result = met ? hsct::outcome::met : hsct::outcome::not_met;
    c.verified = is_verified;
    d.blocking.insert_if(id, blocks && !met);
    return met;
}

/// The doses of one vaccine counted from `day0`: how many, how many before it, the first and the
/// last counted (the dates of one vaccine are distinct: check_input refuses a repeat).
struct dose_summary {
    std::uint8_t counted = 0;
    std::uint8_t ignored = 0;
    sys_days first{};
    sys_days last{};
};

/// Every vaccine's doses in one pass (after check_input: every vaccine declared).
template <class = void>
void summarise_doses(std::span<const vaccine_dose> doses, sys_days day0,
                     std::array<dose_summary, vaccine_count>& out) noexcept {
    for (const auto& x : doses) {
        dose_summary& s = out[static_cast<std::size_t>(static_cast<std::uint8_t>(x.which)) - 1U];
        if (x.date < day0) {
            ++s.ignored;
            continue;
        }
        if (s.counted == 0 || x.date < s.first) {
            s.first = x.date;
        }
        if (s.counted == 0 || x.date > s.last) {
            s.last = x.date;
        }
        ++s.counted;
    }
}

[[gnu::cold]] [[nodiscard]] inline hsct::error date_error(errc code, const std::string& field_name, sys_days value,
                                                          std::string valid) {
    return hsct::error(code, field_ref(field_name), hsct::to_string(value), std::move(valid), "FU-VAC-023");
}

[[gnu::cold]] [[nodiscard]] inline std::string indexed(const char* what, std::size_t i, const char* leaf) {
    return hsct::detail::concat({"revaccination.", what, "[", std::to_string(i), "].", leaf});
}

/// A date input: in the window and on or before the assessment.
[[nodiscard]] inline std::optional<hsct::error> check_past(sys_days d, sys_days on, const char* name) {
    if (!check_date(d)) {
        return date_error(errc::out_of_range, name, d, "1900-01-01 to 2199-12-31");
    }
    if (d > on) {
        return date_error(errc::out_of_range, name, d,
                          hsct::detail::concat({"on or before the assessment date ", hsct::to_string(on)}));
    }
    return std::nullopt;
}

[[nodiscard]] inline std::optional<hsct::error> check_amount(double v, const char* name, const char* unit) {
    if (std::isfinite(v) && v >= 0.0) {
        return std::nullopt;
    }
    return hsct::error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field_ref(name),
                       hsct::detail::concat({hsct::detail::format_number(v), " ", unit}),
                       hsct::detail::concat({"0 ", unit, " or more"}), "FU-VAC-023");
}

/// FU-VAC-023: every input check; sets the HCT counted from.
template <class = void>
[[nodiscard]] std::optional<hsct::error> check_input(const revaccination_input& in,
                                                            const revaccination_options& o, int& hct,
                                                            sys_days& day0) {
    using hsct::detail::check_enum;
    if (auto e = check_enum(o.schedule, "revaccination.options.schedule")) return e;
    if (auto e = check_enum(o.live_gate, "revaccination.options.live_gate")) return e;
    if (auto e = check_enum(o.ivig, "revaccination.options.ivig")) return e;
    if (auto e = check_enum(o.month_end, "revaccination.options.month_end")) return e;
    if (auto e = check_enum(in.donor, "revaccination.donor")) return e;
    if (auto e = check_enum(in.gvhd, "revaccination.gvhd")) return e;
    if (auto e = check_enum(in.immunosuppression, "revaccination.immunosuppression")) return e;
    if (auto e = check_enum(in.measles, "revaccination.measles")) return e;
    if (auto e = check_enum(in.varicella, "revaccination.varicella")) return e;
    if (in.timeline == nullptr) {
        return hsct::error(errc::missing, "revaccination.timeline", "", "the patient's timeline", "FU-VAC-023");
    }
    if (!check_date(in.on)) {
        return date_error(errc::out_of_range, "revaccination.on", in.on, "1900-01-01 to 2199-12-31");
    }
    const hsct::timeline& t = *in.timeline;
    int latest = 0;
    for (const auto& h : t.hcts()) {
        if (h.day0 <= in.on) {
            latest = h.number;
        }
    }
    if (latest == 0) {
        return date_error(errc::out_of_range, "revaccination.on", in.on,
                          hsct::detail::concat({"on or after Day 0 of HCT 1 (", hsct::to_string(t.day0()), ")"}));
    }
    if (in.hct_number) {
        const int n = *in.hct_number;
        if (n < 1 || n > t.hct_count()) {
            return hsct::error(errc::not_allowed, "revaccination.hct_number", std::to_string(n),
                               hsct::detail::concat({"1 to ", std::to_string(t.hct_count())}), "FU-VAC-023");
        }
        if (n != latest) {
            return hsct::error(errc::inconsistent, "revaccination.hct_number", std::to_string(n),
                               hsct::detail::concat({"the schedule counts from the latest HCT with Day 0 on or before ",
                                                     hsct::to_string(in.on), ": HCT ", std::to_string(latest)}),
                               "FU-VAC-021");
        }
    }
    hct = latest;
    day0 = t.hct(latest).day0;
    if (in.doses.size() > static_cast<std::size_t>(max_doses)) {
        return hsct::error(errc::out_of_range, "revaccination.doses", std::to_string(in.doses.size()) + " doses",
                           "at most 255 doses", "FU-VAC-023");
    }
    for (std::size_t i = 0; i < in.doses.size(); ++i) {
        const auto& x = in.doses[i];
        // the field's name is built only on the error path (no allocation for valid doses)
        if (!is_valid(x.which)) {
            return check_enum(x.which, field_ref(indexed("doses", i, "which")));
        }
        if (!check_date(x.date) || x.date > in.on) {
            return check_past(x.date, in.on, indexed("doses", i, "date").c_str());
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (in.doses[j].which == x.which && in.doses[j].date == x.date) {
                return date_error(errc::inconsistent, indexed("doses", i, "date"), x.date,
                                  hsct::detail::concat({"one dose of ", std::string(label(x.which)),
                                                        " a day (doses[", std::to_string(j), "] has the same date)"}));
            }
        }
    }
    if (in.immunosuppression_stopped) {
        if (in.immunosuppression != immunosuppression_state::stopped) {
            return date_error(errc::inconsistent, "revaccination.immunosuppression_stopped",
                              *in.immunosuppression_stopped, "a stop date only with immunosuppression_state::stopped");
        }
        if (auto e = check_past(*in.immunosuppression_stopped, in.on, "revaccination.immunosuppression_stopped")) return e;
    }
    if (in.last_ivig) {
        if (auto e = check_past(*in.last_ivig, in.on, "revaccination.last_ivig")) return e;
    }
    if (in.chronic_gvhd_resolved) {
        if (auto e = check_past(*in.chronic_gvhd_resolved, in.on, "revaccination.chronic_gvhd_resolved")) return e;
    }
    if (in.last_rituximab) {
        if (auto e = check_past(*in.last_rituximab, in.on, "revaccination.last_rituximab")) return e;
    }
    if (in.igg) {
        if (auto e = check_amount(in.igg->in(hsct::units::g_per_l), "revaccination.igg", "g/L")) return e;
    }
    if (in.platelets) {
        if (auto e = check_amount(in.platelets->in(hsct::units::giga_per_l), "revaccination.platelets", "x10^9/L")) return e;
    }
    return std::nullopt;
}

/// What every vaccine's decision reads.
struct context {
    const revaccination_input* in = nullptr;
    sys_days day0{};
    vaccination_schedule schedule{};
    live_vaccine_gate gate{};
    std::int16_t ivig_months = 0;
    month_end_policy month_end{};
    std::array<dose_summary, vaccine_count> doses{};  ///< every vaccine's doses, counted once a patient

    [[nodiscard]] const dose_summary& of(vaccine w) const noexcept {
        return doses[static_cast<std::size_t>(static_cast<std::uint8_t>(w)) - 1U];
    }
};

/// Whether GVHD calls for a 4th conjugate dose instead of PPSV23 (FU-VAC-005).
[[nodiscard]] constexpr bool substitutes(conjugate_substitution s, gvhd_state g) noexcept {
    switch (s) {
        case conjugate_substitution::any_gvhd: return g != gvhd_state::none;
        case conjugate_substitution::chronic_gvhd: return g == gvhd_state::active_chronic;
        case conjugate_substitution::never: break;
    }
    return false;
}

/// FU-VAC-013..017: whether the gate's GVHD clause allows a live vaccine.
[[nodiscard]] constexpr bool gvhd_allows_live(live_vaccine_gate g, vaccine w, gvhd_state s) noexcept {
    if (g == live_vaccine_gate::idsa_2013 && w == vaccine::measles_mumps_rubella) {
        return s != gvhd_state::active_chronic;  // MMR: "neither chronic GVHD ..."
    }
    return s == gvhd_state::none;
}

[[nodiscard]] constexpr const char* gate_requirement(live_vaccine_gate g) noexcept {
    switch (g) {
        case live_vaccine_gate::tomblyn_2009: return "FU-VAC-014";
        case live_vaccine_gate::idsa_2013: return "FU-VAC-015";
        case live_vaccine_gate::two_one_eight: return "FU-VAC-016";
        case live_vaccine_gate::ebmt_paediatric_2021: return "FU-VAC-017";
        case live_vaccine_gate::per_schedule:
        case live_vaccine_gate::ecil7_hb24: break;
    }
    return "FU-VAC-013";
}

[[nodiscard]] constexpr source_mark gate_mark(live_vaccine_gate g) noexcept {
    switch (g) {
        case live_vaccine_gate::tomblyn_2009: return source_mark::v2;
        case live_vaccine_gate::idsa_2013: return source_mark::v;
        case live_vaccine_gate::two_one_eight: return source_mark::u;
        case live_vaccine_gate::per_schedule:
        case live_vaccine_gate::ecil7_hb24:
        case live_vaccine_gate::ebmt_paediatric_2021: break;
    }
    return source_mark::v_hb24;
}

[[nodiscard]] inline sys_days later(sys_days a, sys_days b) noexcept { return a < b ? b : a; }

/// One vaccine's decision. Errors: a date beyond 2199-12-31 (FU-CAL-003).
[[nodiscard]] inline std::optional<hsct::error> decide(const context& cx, vaccine w, vaccine_decision& d) {
    const revaccination_input& in = *cx.in;
    const vaccine_schedule_row& r = schedule_row(cx.schedule, w);
    const sys_days on = in.on;
    const bool row_ok = verified(r.mark);
    d.which = w;
    d.row = &r;
    const dose_summary& n = cx.of(w);
    d.doses_given = n.counted;
    d.doses_ignored = n.ignored;
    switch (r.advice) {
        case vaccine_advice::not_covered: d.status = vaccine_status::not_covered; return std::nullopt;
        case vaccine_advice::not_recommended: d.status = vaccine_status::not_recommended; return std::nullopt;
        case vaccine_advice::contraindicated: d.status = vaccine_status::contraindicated; return std::nullopt;
        case vaccine_advice::recommended:
        case vaccine_advice::optional: break;
    }
    // FU-VAC-007: the paediatric schedule is for allogeneic recipients
    if (cx.schedule == vaccination_schedule::ebmt_paediatric_2021 && in.donor == hsct::donor_type::autologous) {
        d.status = vaccine_status::not_applicable;
        return std::nullopt;
    }
    // FU-VAC-005: PPSV23 replaced by a 4th conjugate dose with GVHD (unless already given)
    const vaccine_schedule_row& ppsv = schedule_row(cx.schedule, vaccine::pneumococcal_polysaccharide);
    const bool ppsv_given = cx.of(vaccine::pneumococcal_polysaccharide).counted > 0;
    // a 4th conjugate dose already given (under GVHD) filled the polysaccharide's place for good,
    // whatever the GVHD state now: the series is never given twice (HB24 Table 29.1: "use PCV
    // instead of PPS for this fourth dose")
    const vaccine_schedule_row& pcv_row = schedule_row(cx.schedule, vaccine::pneumococcal_conjugate);
    const bool fourth_given = ppsv.substitution != conjugate_substitution::never &&
                              cx.of(vaccine::pneumococcal_conjugate).counted > pcv_row.doses;
    const bool substituted = (substitutes(ppsv.substitution, in.gvhd) || fourth_given) && !ppsv_given;
    if (w == vaccine::pneumococcal_polysaccharide && substituted) {
        record_code(d, crit::replaced_by_conjugate, "FU-VAC-005", in.gvhd, false, row_ok);
        d.status = vaccine_status::not_applicable;
        return std::nullopt;
    }
    bool need_input = false;
    bool held = false;
    bool contraindicated = false;
    // FU-VAC-025: a child's series
    int planned = r.doses;
    if (r.doses != r.doses_child) {
        if (in.age) {
            const int years = in.age->completed_years();
            const bool child = record_number(d, crit::child_series, "FU-VAC-025",
                                             hsct::measure::count(static_cast<double>(years), hsct::count_unit::years),
                                             hsct::comparator::less_equal, static_cast<double>(r.child_max_years),
                                             row_ok, false);
            planned = child ? r.doses_child : r.doses;
        } else {
            planned = r.doses < r.doses_child ? r.doses : r.doses_child;
            if (n.counted >= planned) {
                record_missing(d, crit::child_series, "FU-VAC-025", field::age, row_ok);
                need_input = true;
            }
        }
    }
    if (w == vaccine::pneumococcal_conjugate && substituted) {
        planned = r.doses + 1;
    }
    d.doses_planned = static_cast<std::uint8_t>(planned);
    // FU-VAC-020: seronegative only
    if (r.seronegative_only) {
        const serostatus s = w == vaccine::measles_mumps_rubella ? in.measles : in.varicella;
        if (s == serostatus::unknown) {
            record_missing(d, crit::seronegative, "FU-VAC-020",
                           w == vaccine::measles_mumps_rubella ? field::measles_serostatus : field::varicella_serostatus,
                           row_ok);
            need_input = true;
        } else if (!record_code(d, crit::seronegative, "FU-VAC-020", s, s == serostatus::negative, row_ok)) {
            d.status = vaccine_status::not_applicable;  // immune
            return std::nullopt;
        }
    }
    if (!r.repeat.present() && n.counted >= planned) {
        d.status = vaccine_status::series_complete;
        return std::nullopt;
    }
    const int next = n.counted + 1;
    d.next_dose = static_cast<std::uint8_t>(next);
    // FU-VAC-003/006/019: the start, or the outbreak start; a live vaccine under a gate other
    // than ECIL-7's starts at 24 months inclusive (FU-VAC-014..017)
    const bool measles_exception = w == vaccine::measles_mumps_rubella && in.measles_outbreak &&
                                   r.outbreak_start.present() && cx.gate == live_vaccine_gate::ecil7_hb24;
    const bool outbreak = measles_exception ||
                          (w == vaccine::influenza && in.influenza_outbreak && r.outbreak_start.present());
    schedule_span start = r.start;
    bool after = r.start_after;
    const char* start_req = r.requirement;
    bool start_ok = row_ok;
    if (outbreak) {
        start = r.outbreak_start;
        after = false;
        start_req = w == vaccine::influenza ? "FU-VAC-006" : "FU-VAC-019";
    } else if (r.live && cx.gate != live_vaccine_gate::ecil7_hb24) {
        start = months_span(live_months);
        after = false;
        start_req = gate_requirement(cx.gate);
        start_ok = verified(gate_mark(cx.gate));
    }
    auto start_date = add_span(cx.day0, start, cx.month_end);
    if (!start_date) return start_date.error();
    // FU-VAC-003/006/019: the start is reached on its date, or the day after it for a ">" start
    record_days(d, outbreak ? crit::outbreak_start : crit::time_since_hct, start_req, cx.day0, on, *start_date,
                after ? hsct::comparator::greater : hsct::comparator::greater_equal, start_ok);
    std::optional<sys_days> earliest = after ? *start_date + std::chrono::days{1} : *start_date;
    if (next == 1 && !outbreak && r.start_upper != r.start) {
        auto upper = add_span(cx.day0, r.start_upper, cx.month_end);
        if (!upper) return upper.error();
        d.start_window_end = *upper;
    }
    const bool doses_ok = verified(r.doses_mark);
    if (next > 1 && next <= planned) {
        const sys_days last = n.last;
        if (w == vaccine::pneumococcal_conjugate && substituted && next == planned) {
            // FU-VAC-005: the 4th conjugate dose takes the polysaccharide dose's place and timing
            auto at = add_span(cx.day0, ppsv.start, cx.month_end);
            if (!at) return at.error();
            record_days(d, crit::time_since_hct, "FU-VAC-005", cx.day0, on, *at, hsct::comparator::greater_equal,
                        verified(ppsv.mark));
            earliest = later(*earliest, *at);
            if (ppsv.after_series_gap.present()) {
                auto gap = add_span(last, ppsv.after_series_gap, cx.month_end);
                if (!gap) return gap.error();
                record_days(d, crit::after_conjugate_series, "FU-VAC-005", last, on, *gap,
                            hsct::comparator::greater_equal, verified(ppsv.doses_mark));
                earliest = later(*earliest, *gap);
            }
        } else {
            auto gap = add_span(last, r.interval, cx.month_end);
            if (!gap) return gap.error();
            record_days(d, crit::dose_interval, "FU-VAC-004", last, on, *gap, hsct::comparator::greater_equal, doses_ok);
            earliest = later(*earliest, *gap);
        }
        if (r.last_from_first.present() && next == planned) {
            const sys_days first = n.first;
            auto from_first = add_span(first, r.last_from_first, cx.month_end);
            if (!from_first) return from_first.error();
            record_days(d, crit::interval_from_first_dose, "FU-VAC-004", first, on, *from_first,
                        hsct::comparator::greater_equal, doses_ok);
            earliest = later(*earliest, *from_first);
        }
    } else if (next > planned) {
        // FU-VAC-006: yearly after the first season [P]
        const sys_days last = n.last;
        auto yearly = add_span(last, r.repeat, cx.month_end);
        if (!yearly) return yearly.error();
        record_days(d, crit::yearly_interval, "FU-VAC-006", last, on, *yearly, hsct::comparator::greater_equal, false);
        earliest = later(*earliest, *yearly);
    }
    // FU-VAC-005: the polysaccharide dose after the conjugate series
    if (r.after_series == vaccine::pneumococcal_conjugate) {
        const vaccine_schedule_row& pcv = schedule_row(cx.schedule, vaccine::pneumococcal_conjugate);
        const dose_summary& pcv_n = cx.of(vaccine::pneumococcal_conjugate);
        const bool complete = record_number(
            d, crit::conjugate_series_complete, "FU-VAC-005",
            hsct::measure::count(static_cast<double>(pcv_n.counted), hsct::count_unit::none),
            hsct::comparator::greater_equal, static_cast<double>(pcv.doses), row_ok);
        if (!complete) {
            earliest.reset();  // waits for the conjugate series
        } else if (r.after_series_gap.present()) {
            const sys_days last = pcv_n.last;
            auto gap = add_span(last, r.after_series_gap, cx.month_end);
            if (!gap) return gap.error();
            record_days(d, crit::after_conjugate_series, "FU-VAC-005", last, on, *gap,
                        hsct::comparator::greater_equal, verified(r.doses_mark));
            earliest = later(*earliest, *gap);
        }
    }
    const std::optional<sys_days> schedule_date = earliest;
    // FU-VAC-011: holds
    if (in.last_rituximab) {
        auto end = add_months(*in.last_rituximab, rituximab_months, cx.month_end, "revaccination.last_rituximab");
        if (!end) return end.error();
        if (!record_days(d, crit::rituximab_interval, "FU-VAC-011", *in.last_rituximab, on, *end,
                         hsct::comparator::greater_equal, true)) {
            held = held || !schedule_date || *end > *schedule_date;
            if (earliest) earliest = later(*earliest, *end);
        }
    }
    held = !record_absent(d, crit::clinically_stable, "FU-VAC-011", in.unstable, true) || held;
    if (cx.schedule != vaccination_schedule::ebmt_paediatric_2021) {
        held = !record_code(d, crit::no_uncontrolled_acute_gvhd, "FU-VAC-011", in.gvhd,
                            in.gvhd != gvhd_state::uncontrolled_acute, true) || held;
    }
    held = !record_absent(d, crit::no_atg, "FU-VAC-011", in.atg_ongoing, true) || held;
    if (in.igg) {
        held = !record_number(d, crit::igg_level, "FU-VAC-011", hsct::measure::of(*in.igg, hsct::units::g_per_l),
                              hsct::comparator::greater_equal, igg_min_g_per_l, true) || held;
    }
    // FU-VAC-012/024: platelets for an injection, leukocyte engraftment for the paediatric start
    if (!r.live) {
        const char* req = r.engraftment_required ? "FU-VAC-024" : "FU-VAC-012";
        if (in.platelets) {
            held = !record_number(d, crit::platelets_for_injection, req,
                                  hsct::measure::of(*in.platelets, hsct::units::giga_per_l),
                                  hsct::comparator::greater_equal, platelets_min, r.engraftment_required) || held;
        } else if (r.engraftment_required) {
            record_missing(d, crit::platelets_for_injection, req, field::platelets, true);
            need_input = true;
        }
        if (r.engraftment_required) {
            if (in.leukocytes_engrafted) {
                held = !record_absent(d, crit::leukocytes_engrafted, "FU-VAC-024", !*in.leukocytes_engrafted, true) ||
                       held;
            } else {
                record_missing(d, crit::leukocytes_engrafted, "FU-VAC-024", field::leukocytes_engrafted, true);
                need_input = true;
            }
        }
    }
    // FU-VAC-013..018: the live gate
    if (r.live) {
        const char* req = gate_requirement(cx.gate);
        const bool gate_ok = verified(gate_mark(cx.gate));
        contraindicated = !record_code(d, crit::no_gvhd, req, in.gvhd, gvhd_allows_live(cx.gate, w, in.gvhd), gate_ok);
        const auto is = in.immunosuppression;
        const bool is_allows = is == immunosuppression_state::never || is == immunosuppression_state::stopped ||
                               (measles_exception && is == immunosuppression_state::ongoing_low_grade);
        contraindicated = !record_code(d, crit::no_immunosuppression, measles_exception ? "FU-VAC-019" : req, is,
                                       is_allows, gate_ok) || contraindicated;
        const std::int16_t off_months = cx.gate == live_vaccine_gate::two_one_eight ? two_one_eight_off_is_months
                                        : cx.gate == live_vaccine_gate::ebmt_paediatric_2021 ? paediatric_off_is_months
                                                                                             : std::int16_t{0};
        if (off_months > 0 && is == immunosuppression_state::stopped) {
            if (in.immunosuppression_stopped) {
                auto end = add_months(*in.immunosuppression_stopped, off_months, cx.month_end,
                                      "revaccination.immunosuppression_stopped");
                if (!end) return end.error();
                // FU-VAC-016/017: time off immunosuppression (2-1-8: 12 months; paediatric: 3 months)
                record_days(d, crit::time_off_immunosuppression, req, *in.immunosuppression_stopped, on, *end,
                            hsct::comparator::greater_equal, gate_ok);
                if (earliest) earliest = later(*earliest, *end);
            } else {
                record_missing(d, crit::time_off_immunosuppression, req, field::immunosuppression_stopped, gate_ok);
                need_input = true;
            }
        }
        if (cx.gate == live_vaccine_gate::ebmt_paediatric_2021 && in.chronic_gvhd_resolved) {
            auto end = add_months(*in.chronic_gvhd_resolved, paediatric_off_is_months, cx.month_end,
                                  "revaccination.chronic_gvhd_resolved");
            if (!end) return end.error();
            // FU-VAC-017: 3 months without active chronic GVHD
            record_days(d, crit::time_without_chronic_gvhd, req, *in.chronic_gvhd_resolved, on, *end,
                        hsct::comparator::greater_equal, gate_ok);
            if (earliest) earliest = later(*earliest, *end);
        }
        if (cx.ivig_months > 0 && in.last_ivig) {
            auto end = add_months(*in.last_ivig, cx.ivig_months, cx.month_end, "revaccination.last_ivig");
            if (!end) return end.error();
            record_days(d, crit::ivig_interval, "FU-VAC-018", *in.last_ivig, on, *end, hsct::comparator::greater_equal,
                        true);
            if (earliest) earliest = later(*earliest, *end);
        }
        if (cx.gate == live_vaccine_gate::ecil7_hb24) {
            contraindicated = !record_absent(d, crit::no_relapse, "FU-VAC-013", in.relapse, true) || contraindicated;
        }
    }
    d.earliest = earliest;
    // FU-VAC-022: the status
    if (contraindicated) {
        d.status = vaccine_status::contraindicated;
    } else if (held) {
        d.status = vaccine_status::held;
    } else if (need_input) {
        d.status = vaccine_status::needs_input;
    } else if (earliest && on >= *earliest) {
        d.status = vaccine_status::due;
    } else {
        d.status = vaccine_status::not_yet_due;
    }
    return std::nullopt;
}
}  // namespace detail::revaccination

/// FU-VAC-011..025: every vaccine's answer for one patient on one date. Errors (FU-VAC-023) name
/// the field ("revaccination.doses[2].date", "revaccination.options.live_gate"), the value and
/// the valid range.
template <class = void>
[[nodiscard]] result<revaccination_result> assess_revaccination(const revaccination_input& in,
                                                                const revaccination_options& options = {}) {
    result<revaccination_result> out(std::in_place);
    namespace rv = detail::revaccination;
    int hct = 0;
    sys_days day0{};
    if (auto e = rv::check_input(in, options, hct, day0)) {
        out = std::move(*e);
        return out;
    }
    revaccination_result& r = *out;
    r.options = options;
    r.on = in.on;
    r.hct_number = hct;
    r.day0 = day0;
    r.gate = rv::resolve_gate(options.live_gate, options.schedule);
    r.ivig_interval = std::chrono::months{rv::resolve_ivig_months(options.ivig, r.gate)};
    rv::context cx;
    cx.in = &in;
    cx.day0 = day0;
    cx.schedule = options.schedule;
    cx.gate = r.gate;
    cx.ivig_months = static_cast<std::int16_t>(r.ivig_interval.count());
    cx.month_end = options.month_end;
    rv::summarise_doses(in.doses, day0, cx.doses);
    for (std::size_t i = 0; i < vaccine_count; ++i) {
        vaccine_decision& d = r.vaccines[i];
        if (auto e = rv::decide(cx, static_cast<vaccine>(i + 1), d)) {
            out = std::move(*e);
            return out;
        }
        r.doses_ignored = static_cast<std::uint16_t>(r.doses_ignored + d.doses_ignored);
        r.missing |= d.missing;
    }
    r.missing.insert_if(revaccination_field::igg, !in.igg);
    r.missing.insert_if(revaccination_field::platelets, !in.platelets);
    return out;
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_REVACCINATION_HPP
