// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The core module: results and errors, quantities and units, lab analytes, transplant days
// and the timeline. It depends on nothing but the C++20 standard library.
//
// CORE-CONTRACTS: no input aborts. Every entry point here that takes data returns a value or an
// hsct::error naming the field, for any number, integer, enum code or text (tests tagged
// [CORE-CONTRACTS] feed them random and adversarial inputs).
#ifndef HSCT_CORE_CORE_HPP
#define HSCT_CORE_CORE_HPP

#include "hsct/core/analyte.hpp"
#include "hsct/core/clinical.hpp"
#include "hsct/core/config.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/lab_with_uln.hpp"
#include "hsct/core/number_format.hpp"
#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/score.hpp"
#include "hsct/core/timeline.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/version.hpp"

#endif  // HSCT_CORE_CORE_HPP
