// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in formatting through the {fmt} library: include this header (and link fmt) to write
// fmt::format("{}", 72.5_kg) or fmt::format("{:>8}", hsct::transplant_day::at(-7)).
// Every hsct value type prints exactly what hsct::to_string prints; an hsct::error prints its
// message. hsct itself never includes this header and does not depend on {fmt}.
#ifndef HSCT_FMT_HPP
#define HSCT_FMT_HPP

#include <fmt/format.h>

#include <string>

#include "hsct/core/format.hpp"

template <class T>
    requires hsct::detail::hsct_printable<T> || std::same_as<T, hsct::error>
struct fmt::formatter<T, char> : fmt::formatter<fmt::string_view, char> {
    template <class Context>
    auto format(const T& v, Context& ctx) const -> decltype(ctx.out()) {
        const std::string s = hsct::detail::text_of(v);
        return fmt::formatter<fmt::string_view, char>::format(fmt::string_view(s), ctx);
    }
};

#endif  // HSCT_FMT_HPP
