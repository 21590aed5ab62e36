// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The engraftment module: count series made from laboratory results as they arrive (unsorted,
// several a day, corrections), transfusions, neutrophil and platelet engraftment, primary graft
// failure and chimerism, under named policies (issue 12, docs/engraftment.md). Types and rules
// only.
#ifndef HSCT_ENGRAFTMENT_ENGRAFTMENT_HPP
#define HSCT_ENGRAFTMENT_ENGRAFTMENT_HPP

#include "hsct/engraftment/chimerism.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/graft_failure.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/engraftment/platelet.hpp"
#include "hsct/engraftment/stream.hpp"
#include "hsct/engraftment/transfusion.hpp"
#include "hsct/engraftment/vocabulary.hpp"

#endif  // HSCT_ENGRAFTMENT_ENGRAFTMENT_HPP
