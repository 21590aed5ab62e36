// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for core's types (as Au keeps its io in a header of its own): no rule
// header includes <ostream>, so a translation unit that only decides pays nothing for it.
//
//   #include <hsct/core/io.hpp>
//   std::cout << 72.5_kg << " " << hsct::transplant_day::at(-7) << "\n";   // 72.5 kg D-7
//
// Each type prints what its to_string prints; an hsct::error prints its message(). A quantity
// honours the stream's number formatting (std::fixed, std::setprecision, ...): see below.
#ifndef HSCT_CORE_IO_HPP
#define HSCT_CORE_IO_HPP

#include <cmath>
#include <ios>
#include <ostream>
#include <sstream>
#include <string>

#include "hsct/core/demographics.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/format.hpp"
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

namespace detail {
/// The number of a quantity as `os` would print a double. With the stream as it comes (no
/// std::fixed or std::scientific, precision 6, no showpos, showpoint or uppercase) that is the
/// shortest text that reads back exactly, as to_string prints; otherwise the stream's own
/// formatting of the double (its flags, precision and locale). Never a negative zero: a value
/// that prints as zero prints without '-'.
inline std::string stream_number(const std::ostream& os, double v) {
    const std::ios_base::fmtflags f = os.flags();
    const bool as_it_comes = (f & std::ios_base::floatfield) == std::ios_base::fmtflags{} &&
                             os.precision() == 6 &&
                             (f & (std::ios_base::showpos | std::ios_base::showpoint |
                                   std::ios_base::uppercase)) == std::ios_base::fmtflags{};
    if (as_it_comes || !std::isfinite(v)) {
        return format_number(v);
    }
    std::ostringstream s;
    s.imbue(os.getloc());
    s.flags(f & ~std::ios_base::adjustfield);
    s.precision(os.precision());
    s << v;
    std::string text = s.str();
    const bool negative = !text.empty() && text[0] == '-';
    drop_negative_zero(text);
    if (negative && text[0] != '-' && (f & std::ios_base::showpos)) {
        text.insert(text.begin(), '+');
    }
    return text;
}
}  // namespace detail

/// "72.5 kg": the number in the quantity's canonical unit, a space and the unit. The stream's
/// std::fixed, std::scientific, precision, showpos, showpoint and uppercase apply to the number
/// (see detail::stream_number: as the stream comes, the shortest exact text); its width, fill
/// and left/right alignment to the whole text. `std::cout << std::fixed <<
/// std::setprecision(1) << q` prints "72.5 kg" for 72.45 kg.
template <quantity Q>
std::ostream& operator<<(std::ostream& os, const Q& q) {
    using U = canonical_unit_t<Q>;
    return os << detail::concat({detail::stream_number(os, q.in(U{})), " ", U::info.symbol});
}

inline std::ostream& operator<<(std::ostream& os, transplant_day t) { return os << to_string(t); }

inline std::ostream& operator<<(std::ostream& os, const timeline& t) { return os << to_string(t); }

inline std::ostream& operator<<(std::ostream& os, const age& a) { return os << to_string(a); }

/// A result: its value as the value prints ("(a value)" for a type that does not print), or
/// "error: " and the error's message. Test frameworks print a result this way when a check fails.
template <class T>
std::ostream& operator<<(std::ostream& os, const result<T>& r) {
    if (!r) {
        return os << "error: " << r.error().message();
    }
    if constexpr (requires { os << *r; }) {
        return os << *r;
    } else {
        return os << "(a value)";
    }
}

}  // namespace hsct

#endif  // HSCT_CORE_IO_HPP
