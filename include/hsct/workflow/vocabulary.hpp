// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The core names that workflow code, and code that calls it, use unqualified: the generic enum
// functions (label, to_string, id, is_valid, values, make_enum, parse_enum). A using-declaration
// here makes argument-dependent lookup find core's function templates for workflow enums
// (docs/conventions.md, section 1).
#ifndef HSCT_WORKFLOW_VOCABULARY_HPP
#define HSCT_WORKFLOW_VOCABULARY_HPP

#include "hsct/core/enum.hpp"

namespace hsct::workflow {
using hsct::id;
using hsct::is_valid;
using hsct::label;
using hsct::make_enum;
using hsct::parse_enum;
using hsct::to_string;
using hsct::values;
}  // namespace hsct::workflow

#endif  // HSCT_WORKFLOW_VOCABULARY_HPP
