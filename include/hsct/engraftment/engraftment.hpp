// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The engraftment module: count series made from laboratory results as they arrive (unsorted,
// several a day, corrections), transfusions and growth factors, neutrophil, platelet and red-cell
// recovery, primary and secondary graft failure, poor graft function, autologous reconstitution,
// delayed engraftment (a centre's policy only) and chimerism, under named policies (issue 12,
// docs/engraftment.md). Types and rules only.
#ifndef HSCT_ENGRAFTMENT_ENGRAFTMENT_HPP
#define HSCT_ENGRAFTMENT_ENGRAFTMENT_HPP

#include "hsct/engraftment/chimerism.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/graft_failure.hpp"
#include "hsct/engraftment/graft_function.hpp"
#include "hsct/engraftment/growth_factor.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/engraftment/platelet.hpp"
#include "hsct/engraftment/red_cell.hpp"
#include "hsct/engraftment/stream.hpp"
#include "hsct/engraftment/transfusion.hpp"
#include "hsct/engraftment/vocabulary.hpp"

#endif  // HSCT_ENGRAFTMENT_ENGRAFTMENT_HPP
