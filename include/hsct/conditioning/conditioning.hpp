// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The conditioning module: busulfan exposure (AUC units, Css, targets, PK-guided adjustment);
// agents, regimens, dose calculation, schedules, intensity and GVHD prophylaxis as they land
// (issue 10, docs/conditioning.md). Types and rules only; no text output.
#ifndef HSCT_CONDITIONING_CONDITIONING_HPP
#define HSCT_CONDITIONING_CONDITIONING_HPP

#include "hsct/conditioning/busulfan.hpp"
#include "hsct/conditioning/vocabulary.hpp"

#endif  // HSCT_CONDITIONING_CONDITIONING_HPP
