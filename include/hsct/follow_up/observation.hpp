// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// One patient's observation for a time-to-event endpoint: the day it ends, counted from Day 0 of
// the transplant (the time origin of every endpoint here), and how it ends: the event of interest,
// a competing event that prevents it, or censoring (still event-free when last seen). Outcome
// endpoints (endpoints.hpp) produce these; the cohort estimators (survival.hpp) read them.
//
//   hsct::follow_up::observation o{hsct::transplant_day::at(412),
//                                  hsct::follow_up::observation_status::censored};
//
// FU-OBS-001 the time is a transplant day (4 bytes), never a bare number of days: Day 0 is the
// origin, so a time is D+n with n >= 0 for an endpoint (the estimators refuse a day before Day 0).
#ifndef HSCT_FOLLOW_UP_OBSERVATION_HPP
#define HSCT_FOLLOW_UP_OBSERVATION_HPP

#include <cstdint>

#include "hsct/core/enum.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-OBS-001: how an observation ends.
enum class observation_status : std::uint8_t {
    censored = 1,         ///< event-free when last known (at last contact, or at a censoring event)
    event = 2,            ///< the endpoint's event
    competing_event = 3,  ///< an event that precludes the endpoint's event (e.g. death before relapse)
};

constexpr auto hsct_enum_table(observation_status) noexcept {
    using s = observation_status;
    return make_enum_table<observation_status>("observation_status", {
        {s::censored, "censored", "censored"},
        {s::event, "event", "event"},
        {s::competing_event, "competing_event", "competing event"},
    });
}

/// FU-OBS-001: one patient's time and status for one endpoint.
struct observation {
    hsct::transplant_day time;                              ///< the day it ends, from Day 0
    observation_status status = observation_status::censored;

    friend constexpr bool operator==(const observation&, const observation&) = default;
};

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_OBSERVATION_HPP
