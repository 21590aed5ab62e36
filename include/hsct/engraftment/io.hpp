// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for engraftment's types (see <hsct/core/io.hpp>): every engraftment enum
// prints its label; a result as received, a day's value, a day series, an engraftment day, a
// dated criterion, a transfusion, a transfusion log, a growth-factor record, a growth-factor log
// and a chimerism measurement print their text; each rule's result its English rendering
// (count_series_text.hpp, transfusion_text.hpp, growth_factor_text.hpp, neutrophil_text.hpp,
// platelet_text.hpp, red_cell_text.hpp, graft_failure_text.hpp, graft_function_text.hpp,
// chimerism_text.hpp).
//
//   #include <hsct/engraftment/io.hpp>
//   std::cout << *assess_neutrophil_engraftment(*s) << "\n";   // "neutrophil engraftment: engrafted on D+12 ..."
#ifndef HSCT_ENGRAFTMENT_IO_HPP
#define HSCT_ENGRAFTMENT_IO_HPP

#include <ostream>

#include "hsct/core/io.hpp"
#include "hsct/engraftment/chimerism_text.hpp"
#include "hsct/engraftment/count_series_text.hpp"
#include "hsct/engraftment/engraftment.hpp"
#include "hsct/engraftment/graft_failure_text.hpp"
#include "hsct/engraftment/graft_function_text.hpp"
#include "hsct/engraftment/growth_factor_text.hpp"
#include "hsct/engraftment/neutrophil_text.hpp"
#include "hsct/engraftment/platelet_text.hpp"
#include "hsct/engraftment/red_cell_text.hpp"
#include "hsct/engraftment/transfusion_text.hpp"

namespace hsct::engraftment {

using hsct::operator<<;

template <class A>
std::ostream& operator<<(std::ostream& os, const count_record<A>& r) { return os << render(r); }
template <class A>
std::ostream& operator<<(std::ostream& os, const day_value<A>& v) { return os << render(v); }
template <class A>
std::ostream& operator<<(std::ostream& os, const day_series<A>& s) { return os << render(s); }
template <class Id>
std::ostream& operator<<(std::ostream& os, const dated_criterion<Id>& c) { return os << render(c); }
inline std::ostream& operator<<(std::ostream& os, const engraftment_day& d) { return os << render(d); }
inline std::ostream& operator<<(std::ostream& os, const transfusion_record& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const transfusion_log& l) { return os << render(l); }
inline std::ostream& operator<<(std::ostream& os, const growth_factor_record& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const growth_factor_log& l) { return os << render(l); }
inline std::ostream& operator<<(std::ostream& os, const chimerism_measurement& m) { return os << render(m); }
inline std::ostream& operator<<(std::ostream& os, const neutrophil_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const platelet_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const red_cell_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const primary_graft_failure_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const graft_function_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const chimerism_result& r) { return os << render(r); }

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_IO_HPP
