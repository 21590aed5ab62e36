// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The graft module: ISBT 128 identifiers (DIN, its check character and flags, the product code),
// products with their counts, cell doses per kg against cited thresholds, the chain-of-custody
// machine, an ABO-incompatible product's red-cell and plasma reduction, the infusion (DMSO per kg
// a day) (issue 11, docs/graft.md). Types and rules only.
#ifndef HSCT_GRAFT_GRAFT_HPP
#define HSCT_GRAFT_GRAFT_HPP

#include "hsct/graft/abo.hpp"
#include "hsct/graft/cell_dose.hpp"
#include "hsct/graft/custody.hpp"
#include "hsct/graft/infusion.hpp"
#include "hsct/graft/infusion_record.hpp"
#include "hsct/graft/isbt128.hpp"
#include "hsct/graft/product.hpp"
#include "hsct/graft/vocabulary.hpp"

#endif  // HSCT_GRAFT_GRAFT_HPP
