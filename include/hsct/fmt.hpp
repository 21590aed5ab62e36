// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in formatting through the {fmt} library: include this header (and link fmt) to write
// fmt::format("{}", 72.5_kg) or fmt::format("{:>8}", hsct::transplant_day::at(-7)).
// Every hsct value type prints exactly what hsct::to_string prints; an hsct::error prints its
// message. Fill, alignment and width apply to the whole text. A quantity also takes a number
// spec, applied to its number with the unit appended: fmt::format("{:.1f}", 72.45_kg) ==
// "72.5 kg", fmt::format("[{:>9.2f}]", 1.5_m2) == "[  1.50 m2]" (the rules are those of
// <hsct/core/format.hpp>; never "-0"). hsct itself never includes this header and does not
// depend on {fmt}.
#ifndef HSCT_FMT_HPP
#define HSCT_FMT_HPP

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "hsct/core/format.hpp"

template <class T>
    requires hsct::detail::hsct_printable<T> || std::same_as<T, hsct::error>
struct fmt::formatter<T, char> : fmt::formatter<fmt::string_view, char> {
    template <class ParseContext>
    constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
        if constexpr (hsct::quantity<T>) {
            auto it = ctx.begin();
            while (it != ctx.end() && *it != '}') {
                ++it;
            }
            const auto spec = hsct::detail::parse_quantity_spec(
                std::string_view(ctx.begin(), static_cast<std::size_t>(it - ctx.begin())));
            if (spec.valid && spec.numeric) {
                spec_ = spec;
                return it;
            }
        }
        // The string spec (fill, alignment, width, ...); {fmt} refuses what it does not know.
        return fmt::formatter<fmt::string_view, char>::parse(ctx);
    }

    template <class Context>
    auto format(const T& v, Context& ctx) const -> decltype(ctx.out()) {
        if constexpr (hsct::quantity<T>) {
            if (spec_.numeric) {
                using U = hsct::canonical_unit_t<T>;
                char buf[16];
                const std::string_view number_spec = hsct::detail::number_spec_text(spec_, buf);
                const std::string text = hsct::detail::compose_quantity_text(
                    fmt::format(fmt::runtime(fmt::string_view(number_spec.data(),
                                                              number_spec.size())),
                                v.in(U{})),
                    U::info.symbol, spec_);
                return fmt::format_to(ctx.out(), "{}", text);
            }
        }
        const std::string s = hsct::detail::text_of(v);
        return fmt::formatter<fmt::string_view, char>::format(fmt::string_view(s), ctx);
    }

private:
    hsct::detail::quantity_format_spec spec_{};
};

#endif  // HSCT_FMT_HPP
