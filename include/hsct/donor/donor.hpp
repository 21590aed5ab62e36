// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The donor module: HLA names, GL Strings, IPD-IMGT/HLA releases (names, groups, serology,
// DPB1 TCE groups), reductions of names and GL Strings, MAC codes, typings, match grading with
// direction and DPB1 TCE permissiveness, and ABO/RhD/CMV/sex compatibility. Types and
// rules only; no text output.
#ifndef HSCT_DONOR_DONOR_HPP
#define HSCT_DONOR_DONOR_HPP

#include "hsct/donor/compatibility.hpp"
#include "hsct/donor/cord_blood.hpp"
#include "hsct/donor/donor_choice.hpp"
#include "hsct/donor/gl_reduction.hpp"
#include "hsct/donor/gl_string.hpp"
#include "hsct/donor/hla_match.hpp"
#include "hsct/donor/hla_name.hpp"
#include "hsct/donor/hla_release.hpp"
#include "hsct/donor/hla_typing.hpp"
#include "hsct/donor/registry.hpp"
#include "hsct/donor/vocabulary.hpp"

#endif  // HSCT_DONOR_DONOR_HPP
