// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// std::formatter for hsct's value types, where the standard library has <format>
// (__cpp_lib_format). Each prints exactly what hsct::to_string prints, and accepts the
// string format spec (width, fill, alignment): std::format("{:>12}", 72.5_kg).
// GCC 12's libstdc++ has no <format>; there, this header adds nothing and hsct::to_string or
// the opt-in <hsct/fmt.hpp> (for the {fmt} library) serve instead.
#ifndef HSCT_CORE_FORMAT_HPP
#define HSCT_CORE_FORMAT_HPP

#include <version>

#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/timeline.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct::detail {
/// T is one of hsct's value types that print through hsct::to_string.
template <class T>
concept hsct_printable = quantity<T> || std::same_as<T, transplant_day> ||
                         std::same_as<T, timeline>;

template <class T>
std::string text_of(const T& v) {
    return to_string(v);
}
inline std::string text_of(const error& e) { return e.message(); }
}  // namespace hsct::detail

#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L
#include <format>
#include <string_view>

template <class T>
    requires hsct::detail::hsct_printable<T> || std::same_as<T, hsct::error>
struct std::formatter<T, char> : std::formatter<std::string_view, char> {
    template <class Context>
    auto format(const T& v, Context& ctx) const {
        const std::string s = hsct::detail::text_of(v);
        return std::formatter<std::string_view, char>::format(std::string_view(s), ctx);
    }
};
#endif

#endif  // HSCT_CORE_FORMAT_HPP
