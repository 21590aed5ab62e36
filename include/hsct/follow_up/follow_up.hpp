// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The follow-up module (issue 14, docs/follow-up.md): registry reporting time points, revaccination,
// late-effects screening, outcome endpoints per patient and cohort estimates (Kaplan-Meier,
// cumulative incidence with competing risks). It includes core only, never workflow/: the episode
// feeds it typed outcome events. Types and rules only.
#ifndef HSCT_FOLLOW_UP_FOLLOW_UP_HPP
#define HSCT_FOLLOW_UP_FOLLOW_UP_HPP

#include "hsct/follow_up/calendar.hpp"
#include "hsct/follow_up/endpoints.hpp"
#include "hsct/follow_up/observation.hpp"
#include "hsct/follow_up/outcome_event.hpp"
#include "hsct/follow_up/reporting.hpp"
#include "hsct/follow_up/revaccination.hpp"
#include "hsct/follow_up/screening.hpp"
#include "hsct/follow_up/survival.hpp"
#include "hsct/follow_up/vaccination_schedule.hpp"
#include "hsct/follow_up/vocabulary.hpp"

#endif  // HSCT_FOLLOW_UP_FOLLOW_UP_HPP
