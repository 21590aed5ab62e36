// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Typed outcome events of one patient after one transplant, as a registry or the transplant
// episode records them: death (with its cause), relapse or progression, acute GVHD with its grade,
// chronic GVHD with its severity and whether it needed systemic therapy, graft failure, a
// subsequent HCT, and the last contact. The endpoints (endpoints.hpp) read a patient's events in
// order; the episode (workflow/) emits them, and this header knows nothing of it.
//
//   using namespace hsct::follow_up;
//   const outcome_event events[] = {
//       outcome_event::acute_gvhd(2024y / 3 / 30, acute_gvhd_grade::grade_3),
//       outcome_event::relapse(2024y / 11 / 2),
//       outcome_event::last_contact(2025y / 6 / 1),
//   };
//   patient_outcomes p{hsct::sys_days{2024y / 3 / 1}, events};
//
// FU-EVT-001 the events [P]: one kind per event, its calendar date, and what the kind carries (a
// death's cause; an acute GVHD grade I-IV as the grading rule gave it, e.g. MAGIC in
// complications/; a chronic GVHD severity by NIH 2014 and whether systemic therapy was started).
// FU-EVT-002 order and validity, checked by every reader (endpoints.hpp): dates ascending in list
// order (events of one date are taken in list order); nothing before Day 0 of the transplant; no
// event after a death; at most one last contact, on or after every other event; at most one death.
#ifndef HSCT_FOLLOW_UP_OUTCOME_EVENT_HPP
#define HSCT_FOLLOW_UP_OUTCOME_EVENT_HPP

#include <chrono>
#include <cstdint>
#include <span>

#include "hsct/core/date.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-EVT-001: what happened.
enum class outcome_event_kind : std::uint8_t {
    death = 1,
    relapse = 2,          ///< relapse or progression of the disease transplanted for
    acute_gvhd = 3,       ///< onset (or the first day at this grade) of acute GVHD
    chronic_gvhd = 4,     ///< onset of chronic GVHD (or a change of its severity or treatment)
    graft_failure = 5,    ///< primary or secondary graft failure
    subsequent_hct = 6,   ///< Day 0 of a further transplant (a new HCT, not a boost)
    last_contact = 7,     ///< the last date the patient was known alive
};

constexpr auto hsct_enum_table(outcome_event_kind) noexcept {
    using k = outcome_event_kind;
    return make_enum_table<outcome_event_kind>("outcome_event_kind", {
        {k::death, "death", "death"},
        {k::relapse, "relapse", "relapse or progression"},
        {k::acute_gvhd, "acute_gvhd", "acute GVHD"},
        {k::chronic_gvhd, "chronic_gvhd", "chronic GVHD"},
        {k::graft_failure, "graft_failure", "graft failure"},
        {k::subsequent_hct, "subsequent_hct", "subsequent HCT"},
        {k::last_contact, "last_contact", "last contact"},
    });
}

/// FU-EVT-001: the cause of a death as reported.
enum class death_cause : std::uint8_t {
    disease = 1,       ///< relapse or progression of the disease transplanted for
    non_relapse = 2,   ///< any other cause (GVHD, infection, organ toxicity, ...)
    unknown = 3,
};

constexpr auto hsct_enum_table(death_cause) noexcept {
    return make_enum_table<death_cause>("death_cause", {
        {death_cause::disease, "disease", "relapse or progression of the disease"},
        {death_cause::non_relapse, "non_relapse", "a cause other than the disease"},
        {death_cause::unknown, "unknown", "unknown"},
    });
}

/// FU-EVT-001: an acute GVHD grade (I-IV) as a grading rule reported it.
enum class acute_gvhd_grade : std::uint8_t { grade_1 = 1, grade_2 = 2, grade_3 = 3, grade_4 = 4 };

constexpr auto hsct_enum_table(acute_gvhd_grade) noexcept {
    using g = acute_gvhd_grade;
    return make_enum_table<acute_gvhd_grade>("acute_gvhd_grade", {
        {g::grade_1, "grade_1", "grade I"},
        {g::grade_2, "grade_2", "grade II"},
        {g::grade_3, "grade_3", "grade III"},
        {g::grade_4, "grade_4", "grade IV"},
    });
}

/// FU-EVT-001: chronic GVHD global severity (NIH 2014) as reported.
enum class chronic_gvhd_severity : std::uint8_t { mild = 1, moderate = 2, severe = 3 };

constexpr auto hsct_enum_table(chronic_gvhd_severity) noexcept {
    using s = chronic_gvhd_severity;
    return make_enum_table<chronic_gvhd_severity>("chronic_gvhd_severity", {
        {s::mild, "mild", "mild"},
        {s::moderate, "moderate", "moderate"},
        {s::severe, "severe", "severe"},
    });
}

/// FU-EVT-001: one outcome event. Build it with the named constructors; the fields a kind does
/// not carry keep their defaults and are not read.
struct outcome_event {
    outcome_event_kind kind = outcome_event_kind::last_contact;
    sys_days date{};
    death_cause cause = death_cause::unknown;                        ///< death
    acute_gvhd_grade grade = acute_gvhd_grade::grade_1;              ///< acute GVHD
    chronic_gvhd_severity severity = chronic_gvhd_severity::mild;    ///< chronic GVHD
    bool systemic_therapy = false;                                   ///< chronic GVHD: systemic treatment started

    [[nodiscard]] static constexpr outcome_event death(sys_days d, death_cause c) noexcept {
        outcome_event e;
        e.kind = outcome_event_kind::death;
        e.date = d;
        e.cause = c;
        return e;
    }
    [[nodiscard]] static constexpr outcome_event relapse(sys_days d) noexcept {
        return of(outcome_event_kind::relapse, d);
    }
    [[nodiscard]] static constexpr outcome_event acute_gvhd(sys_days d, acute_gvhd_grade g) noexcept {
        outcome_event e = of(outcome_event_kind::acute_gvhd, d);
        e.grade = g;
        return e;
    }
    [[nodiscard]] static constexpr outcome_event chronic_gvhd(sys_days d, chronic_gvhd_severity s,
                                                              bool systemic) noexcept {
        outcome_event e = of(outcome_event_kind::chronic_gvhd, d);
        e.severity = s;
        e.systemic_therapy = systemic;
        return e;
    }
    [[nodiscard]] static constexpr outcome_event graft_failure(sys_days d) noexcept {
        return of(outcome_event_kind::graft_failure, d);
    }
    [[nodiscard]] static constexpr outcome_event subsequent_hct(sys_days d) noexcept {
        return of(outcome_event_kind::subsequent_hct, d);
    }
    [[nodiscard]] static constexpr outcome_event last_contact(sys_days d) noexcept {
        return of(outcome_event_kind::last_contact, d);
    }
    [[nodiscard]] static constexpr outcome_event of(outcome_event_kind k, sys_days d) noexcept {
        outcome_event e;
        e.kind = k;
        e.date = d;
        return e;
    }

    friend constexpr bool operator==(const outcome_event&, const outcome_event&) = default;
};

/// FU-EVT-001/002: one patient's events after one transplant, in the order they happened, and
/// Day 0 of that transplant (the time origin of every endpoint).
struct patient_outcomes {
    sys_days day0{};
    std::span<const outcome_event> events;
};

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_OUTCOME_EVENT_HPP
