// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for conditioning's types (see <hsct/core/io.hpp>): every conditioning
// enum prints its label, a busulfan AUC its value in umol*min/L (one decimal), and each result
// its English rendering (dose_calculation_text.hpp, intensity_text.hpp, busulfan_text.hpp).
#ifndef HSCT_CONDITIONING_IO_HPP
#define HSCT_CONDITIONING_IO_HPP

#include <ostream>

#include "hsct/conditioning/busulfan_text.hpp"
#include "hsct/conditioning/conditioning.hpp"
#include "hsct/conditioning/dose_calculation_text.hpp"
#include "hsct/conditioning/intensity_text.hpp"
#include "hsct/core/io.hpp"

namespace hsct::conditioning {

using hsct::operator<<;

inline std::ostream& operator<<(std::ostream& os, busulfan_auc a) { return os << detail::auc_text(a); }
inline std::ostream& operator<<(std::ostream& os, const component_dose& d) { return os << render(d); }
inline std::ostream& operator<<(std::ostream& os, const regimen_doses& d) { return os << render(d); }
inline std::ostream& operator<<(std::ostream& os, const intensity_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const tci_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const busulfan_exposure_result& r) { return os << render(r); }
template <class Dose>
std::ostream& operator<<(std::ostream& os, const busulfan_dose_adjustment<Dose>& a) {
    return os << render(a);
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_IO_HPP
