// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for patient's types (see <hsct/core/io.hpp>): every patient enum prints
// its label, scores their value, and each result its English rendering.
#ifndef HSCT_PATIENT_IO_HPP
#define HSCT_PATIENT_IO_HPP

#include <ostream>

#include "hsct/core/io.hpp"
#include "hsct/patient/body_size_text.hpp"
#include "hsct/patient/disease_risk_text.hpp"
#include "hsct/patient/dosing_weight_text.hpp"
#include "hsct/patient/ebmt_score_text.hpp"
#include "hsct/patient/hct_ci_text.hpp"
#include "hsct/patient/patient.hpp"
#include "hsct/patient/performance_status_text.hpp"

namespace hsct::patient {

using hsct::operator<<;

inline std::ostream& operator<<(std::ostream& os, karnofsky_score s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, lansky_score s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, ecog_score s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, const kps_range& r) { return os << to_string(r); }
inline std::ostream& operator<<(std::ostream& os, const ecog_from_kps& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const kps_from_ecog& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const performance_scale_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const height& h) { return os << h.as_length(); }
inline std::ostream& operator<<(std::ostream& os, const body_weight& w) { return os << w.as_mass(); }
inline std::ostream& operator<<(std::ostream& os, const bsa_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const ibw_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const adjusted_weight_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const dosing_weight_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, ebmt_points p) { return os << p.value(); }
inline std::ostream& operator<<(std::ostream& os, const ebmt_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const dri_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const hct_ci_result& r) {
    return os << render(r);
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_IO_HPP
