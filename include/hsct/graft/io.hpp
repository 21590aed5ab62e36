// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for graft's types (see <hsct/core/io.hpp>): every graft enum prints its
// label; a DIN prints as ISBT 128 prints it ("A9999 21 123456") with its keyboard check character
// after a space; data structures 001 and 003 as scanned; an identifier its text; a titre "1:n" or
// "negative"; each result its English rendering (cell_dose_text.hpp, custody_text.hpp,
// infusion_text.hpp, abo_text.hpp).
#ifndef HSCT_GRAFT_IO_HPP
#define HSCT_GRAFT_IO_HPP

#include <ostream>

#include "hsct/core/io.hpp"
#include "hsct/graft/abo_text.hpp"
#include "hsct/graft/cell_dose_text.hpp"
#include "hsct/graft/custody_text.hpp"
#include "hsct/graft/graft.hpp"
#include "hsct/graft/infusion_text.hpp"

namespace hsct::graft {

using hsct::operator<<;

inline std::ostream& operator<<(std::ostream& os, const din& d) { return os << d.printed() << ' ' << d.check_character(); }
inline std::ostream& operator<<(std::ostream& os, const din_data_structure& d) { return os << d.text(); }
inline std::ostream& operator<<(std::ostream& os, const product_code& p) { return os << p.text(); }
inline std::ostream& operator<<(std::ostream& os, const custody_id& i) { return os << i.text(); }
inline std::ostream& operator<<(std::ostream& os, agglutinin_titre t) { return os << to_string(t); }
inline std::ostream& operator<<(std::ostream& os, const cell_dose_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const custody_rejection& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const custody& c) { return os << render(c); }
inline std::ostream& operator<<(std::ostream& os, const dmso_result& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const placed_infusion& p) { return os << render(p); }
inline std::ostream& operator<<(std::ostream& os, const abo_graft_result& r) { return os << render(r); }

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_IO_HPP
