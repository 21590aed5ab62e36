// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for patient's types (see <hsct/core/io.hpp>): every patient enum prints
// its label, scores their value, and each result its English rendering.
#ifndef HSCT_PATIENT_IO_HPP
#define HSCT_PATIENT_IO_HPP

#include <ostream>

#include "hsct/core/io.hpp"
#include "hsct/patient/disease_risk_text.hpp"
#include "hsct/patient/ebmt_score_text.hpp"
#include "hsct/patient/patient.hpp"

namespace hsct::patient {

using hsct::operator<<;

inline std::ostream& operator<<(std::ostream& os, karnofsky_score s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, lansky_score s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, ecog_score s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, const kps_range& r) { return os << to_string(r); }
inline std::ostream& operator<<(std::ostream& os, ebmt_points p) { return os << p.value(); }
inline std::ostream& operator<<(std::ostream& os, const ebmt_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const dri_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const hct_ci_result& r) {
    return os << to_string(r);
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_IO_HPP
