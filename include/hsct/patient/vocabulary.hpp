// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The core names that patient code, and code that calls it, use unqualified: the generic enum
// functions (label, to_string, id, is_valid, values, make_enum, parse_enum) and the shared
// clinical vocabulary. A using-declaration here makes argument-dependent lookup find core's
// function templates for patient enums, so `to_string(hct_ci_item::renal)` works anywhere
// (docs/conventions.md, "A stage's namespace").
#ifndef HSCT_PATIENT_VOCABULARY_HPP
#define HSCT_PATIENT_VOCABULARY_HPP

#include "hsct/core/enum.hpp"

namespace hsct::patient {
using hsct::id;
using hsct::is_valid;
using hsct::label;
using hsct::make_enum;
using hsct::parse_enum;
using hsct::to_string;
using hsct::values;
}  // namespace hsct::patient

#endif  // HSCT_PATIENT_VOCABULARY_HPP
