// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Every module's opt-in text and stream output: operator<< for every value type and result, and
// the render() functions that turn a result into text through a message catalogue. The rule
// headers and <hsct/hsct.hpp> include none of this, so a translation unit that only decides
// pays nothing for it (docs/conventions.md, section 1).
#ifndef HSCT_IO_HPP
#define HSCT_IO_HPP

#include "hsct/complications/io.hpp"
#include "hsct/conditioning/io.hpp"
#include "hsct/core/io.hpp"
#include "hsct/engraftment/io.hpp"
#include "hsct/follow_up/io.hpp"
#include "hsct/graft/io.hpp"
#include "hsct/patient/io.hpp"
#include "hsct/workflow/io.hpp"

#endif  // HSCT_IO_HPP
