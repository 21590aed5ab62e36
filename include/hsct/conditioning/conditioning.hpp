// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The conditioning module: agents and their per-day doses, regimens as data with the published
// ones, conditioning intensity (Bacigalupo 2009, CIBMTR workshop 2009, TCI groups), busulfan
// exposure (AUC units, Css, targets, PK-guided adjustment); dose calculation, schedules and GVHD
// prophylaxis as they land (issue 10, docs/conditioning.md). Types and rules only.
#ifndef HSCT_CONDITIONING_CONDITIONING_HPP
#define HSCT_CONDITIONING_CONDITIONING_HPP

#include "hsct/conditioning/agent.hpp"
#include "hsct/conditioning/busulfan.hpp"
#include "hsct/conditioning/dose_calculation.hpp"
#include "hsct/conditioning/gvhd_prophylaxis.hpp"
#include "hsct/conditioning/intensity.hpp"
#include "hsct/conditioning/regimen.hpp"
#include "hsct/conditioning/regimen_text.hpp"
#include "hsct/conditioning/schedule.hpp"
#include "hsct/conditioning/vocabulary.hpp"

#endif  // HSCT_CONDITIONING_CONDITIONING_HPP
