// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for the follow-up module's types (see <hsct/core/io.hpp>): every follow-up
// enum prints its label; each result its English rendering (endpoints_text.hpp,
// reporting_text.hpp, revaccination_text.hpp, screening_text.hpp, survival_text.hpp).
//
//   #include <hsct/follow_up/io.hpp>
//   std::cout << *assess_endpoints(p) << "\n";   // "Endpoints from Day 0 under ..."
#ifndef HSCT_FOLLOW_UP_IO_HPP
#define HSCT_FOLLOW_UP_IO_HPP

#include <ostream>

#include "hsct/core/io.hpp"
#include "hsct/follow_up/endpoints_text.hpp"
#include "hsct/follow_up/follow_up.hpp"
#include "hsct/follow_up/reporting_text.hpp"
#include "hsct/follow_up/revaccination_text.hpp"
#include "hsct/follow_up/screening_text.hpp"
#include "hsct/follow_up/survival_text.hpp"

namespace hsct::follow_up {

using hsct::operator<<;

inline std::ostream& operator<<(std::ostream& os, const endpoint_record& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const endpoint_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const report_time_point& p) { return os << render(p); }
inline std::ostream& operator<<(std::ostream& os, const vaccine_decision& d) { return os << render(d); }
inline std::ostream& operator<<(std::ostream& os, const revaccination_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const screening_item& i) { return os << render(i); }
inline std::ostream& operator<<(std::ostream& os, const screening_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const survival_step& s) { return os << render(s); }
inline std::ostream& operator<<(std::ostream& os, const survival_curve& c) { return os << render(c); }
inline std::ostream& operator<<(std::ostream& os, const incidence_step& s) { return os << render(s); }
inline std::ostream& operator<<(std::ostream& os, const incidence_curve& c) { return os << render(c); }

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_IO_HPP
