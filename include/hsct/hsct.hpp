// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Every module's types and rules. Text and stream output (operator<<, render) is opt-in:
// <hsct/io.hpp>. Include a module's umbrella (e.g. <hsct/core/core.hpp>) or a single header
// instead to compile less.
#ifndef HSCT_HSCT_HPP
#define HSCT_HSCT_HPP

#include "hsct/complications/complications.hpp"
#include "hsct/conditioning/conditioning.hpp"
#include "hsct/core/core.hpp"
#include "hsct/donor/donor.hpp"
#include "hsct/engraftment/engraftment.hpp"
#include "hsct/follow_up/follow_up.hpp"
#include "hsct/graft/graft.hpp"
#include "hsct/patient/patient.hpp"
#include "hsct/version.hpp"
#include "hsct/workflow/workflow.hpp"

#endif  // HSCT_HSCT_HPP
