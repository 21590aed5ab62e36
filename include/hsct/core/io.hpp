// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for core's types (as Au keeps its io in a header of its own): no rule
// header includes <ostream>, so a translation unit that only decides pays nothing for it.
//
//   #include <hsct/core/io.hpp>
//   std::cout << 72.5_kg << " " << hsct::transplant_day::at(-7) << "\n";   // 72.5 kg D-7
//
// Each type prints what its to_string prints; an hsct::error prints its message().
#ifndef HSCT_CORE_IO_HPP
#define HSCT_CORE_IO_HPP

#include <ostream>

#include "hsct/core/demographics.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/timeline.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct {

/// Any hsct enum: its label.
template <tabled_enum E>
std::ostream& operator<<(std::ostream& os, E e) {
    return os << label(e);
}

inline std::ostream& operator<<(std::ostream& os, const error& e) { return os << e.message(); }

template <quantity Q>
std::ostream& operator<<(std::ostream& os, const Q& q) {
    return os << to_string(q);
}

inline std::ostream& operator<<(std::ostream& os, transplant_day t) { return os << to_string(t); }

inline std::ostream& operator<<(std::ostream& os, const timeline& t) { return os << to_string(t); }

inline std::ostream& operator<<(std::ostream& os, const age& a) { return os << to_string(a); }

}  // namespace hsct

#endif  // HSCT_CORE_IO_HPP
