// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The donor module: HLA names (and, as they land, GL strings, IMGT/HLA releases and their
// reductions, matching). Types and rules only; no text or stream output.
#ifndef HSCT_DONOR_DONOR_HPP
#define HSCT_DONOR_DONOR_HPP

#include "hsct/donor/gl_string.hpp"
#include "hsct/donor/hla_name.hpp"
#include "hsct/donor/vocabulary.hpp"

#endif  // HSCT_DONOR_DONOR_HPP
