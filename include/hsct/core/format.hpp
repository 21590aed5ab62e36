// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// std::formatter for hsct's value types, where the standard library has <format>
// (__cpp_lib_format), and the format-spec handling it shares with the {fmt} formatter of
// <hsct/fmt.hpp>.
//
// Every value prints what hsct::to_string prints and accepts the string format spec (fill,
// alignment, width): std::format("{:>12}", 72.5_kg). A quantity also accepts a number spec,
// applied to the number with the unit appended, while fill, alignment and width apply to the
// whole text: std::format("{:.1f}", 72.45_kg) == "72.5 kg", std::format("[{:>10.2f}]", 1.5_m2)
// == "[   1.50 m2]". The number spec is a sign ('+', '-', ' '), '#', a precision ".N" and a type
// (f F e E g G a A), as for a double; a quantity is left-aligned by default, like text.
// Dynamic width or precision ("{:{}}"), the '0' flag and 'L' are not part of it: a spec with a
// number part and any of those is handed to the string formatter, which refuses it. A value
// that rounds to zero never prints as "-0".
//
// GCC 12's libstdc++ has no <format>; there this header adds only the shared helpers, and
// hsct::to_string or the opt-in <hsct/fmt.hpp> (for the {fmt} library) serve instead.
#ifndef HSCT_CORE_FORMAT_HPP
#define HSCT_CORE_FORMAT_HPP

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <version>

#include "hsct/core/detail/text.hpp"
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

/// A quantity's format spec, split: fill, alignment and width apply to the whole text; sign,
/// '#', precision and type to the number.
struct quantity_format_spec {
    char fill[4] = {' ', 0, 0, 0};  ///< one character, up to four UTF-8 bytes
    std::size_t fill_size = 1;
    char align = '<';               ///< '<', '>' or '^'
    std::size_t width = 0;
    char sign = 0;                  ///< '+', '-', ' ' or 0
    bool alternate = false;         ///< '#'
    int precision = -1;             ///< -1: none
    char type = 0;                  ///< one of "aAeEfFgG", or 0
    bool numeric = false;           ///< a sign, '#', a precision or a number type was given
    bool valid = false;             ///< the whole spec was understood
};

/// Reads the spec text between ':' and '}' (exclusive). See the header comment.
constexpr quantity_format_spec parse_quantity_spec(std::string_view s) noexcept {
    quantity_format_spec p;
    std::size_t i = 0;
    const auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
    std::size_t first = 1;
    if (!s.empty()) {
        const auto lead = static_cast<unsigned char>(s[0]);
        first = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    }
    if (s.size() > first && is_align(s[first]) && s[0] != '{' && s[0] != '}') {
        for (std::size_t k = 0; k < first; ++k) {
            p.fill[k] = s[k];
        }
        p.fill_size = first;
        p.align = s[first];
        i = first + 1;
    } else if (!s.empty() && is_align(s[0])) {
        p.align = s[0];
        i = 1;
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
        p.sign = s[i++];
    }
    if (i < s.size() && s[i] == '#') {
        p.alternate = true;
        ++i;
    }
    if (i < s.size() && s[i] == '0') {
        return p;  // the '0' flag: not for a value with a unit
    }
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        p.width = p.width * 10 + static_cast<std::size_t>(s[i++] - '0');
        if (p.width > 4096) {
            return p;
        }
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (i >= s.size() || s[i] < '0' || s[i] > '9') {
            return p;  // no digits, or a dynamic precision
        }
        p.precision = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            p.precision = p.precision * 10 + (s[i++] - '0');
            if (p.precision > 100) {
                return p;
            }
        }
    }
    bool string_type = false;
    if (i < s.size()) {
        const char t = s[i];
        const bool number_type = t == 'a' || t == 'A' || t == 'e' || t == 'E' || t == 'f' ||
                                 t == 'F' || t == 'g' || t == 'G';
        if (number_type) {
            p.type = t;
            ++i;
        } else if (t == 's') {
            string_type = true;
            ++i;
        }
    }
    // 's' asks for the text: the whole spec is then the string formatter's (where ".N" cuts
    // the text to N characters, as for any string).
    p.numeric = !string_type && (p.sign != 0 || p.alternate || p.precision >= 0 || p.type != 0);
    p.valid = i == s.size();
    return p;
}

/// The spec for the number alone, e.g. "{:+.1f}", written into `buf`.
inline std::string_view number_spec_text(const quantity_format_spec& p, char (&buf)[16]) noexcept {
    std::size_t n = 0;
    buf[n++] = '{';
    buf[n++] = ':';
    if (p.sign != 0) {
        buf[n++] = p.sign;
    }
    if (p.alternate) {
        buf[n++] = '#';
    }
    if (p.precision >= 0) {
        buf[n++] = '.';
        if (p.precision >= 100) {
            buf[n++] = '1';
        }
        if (p.precision >= 10) {
            buf[n++] = static_cast<char>('0' + (p.precision / 10) % 10);
        }
        buf[n++] = static_cast<char>('0' + p.precision % 10);
    }
    if (p.type != 0) {
        buf[n++] = p.type;
    }
    buf[n++] = '}';
    return std::string_view(buf, n);
}

/// The number as formatted, without a negative zero, then ' ' and the unit, padded to the
/// spec's width with its fill and alignment.
inline std::string compose_quantity_text(std::string number, std::string_view symbol,
                                         const quantity_format_spec& p) {
    const bool negative = !number.empty() && number[0] == '-';
    drop_negative_zero(number);
    if (negative && number[0] != '-' && (p.sign == '+' || p.sign == ' ')) {
        number.insert(number.begin(), p.sign);
    }
    std::string text = concat({number, " ", symbol});
    std::size_t chars = 0;  // UTF-8 code points
    for (const char c : text) {
        chars += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
    }
    if (chars >= p.width) {
        return text;
    }
    const std::size_t pad = p.width - chars;
    const std::size_t before = p.align == '>' ? pad : (p.align == '^' ? pad / 2 : 0);
    const std::string_view fill(p.fill, p.fill_size);
    std::string out;
    out.reserve(text.size() + pad * fill.size());
    for (std::size_t k = 0; k < before; ++k) {
        out.append(fill.data(), fill.size());
    }
    out += text;
    for (std::size_t k = before; k < pad; ++k) {
        out.append(fill.data(), fill.size());
    }
    return out;
}
}  // namespace hsct::detail

#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L
#include <algorithm>
#include <format>

template <class T>
    requires hsct::detail::hsct_printable<T> || std::same_as<T, hsct::error>
struct std::formatter<T, char> : std::formatter<std::string_view, char> {
    template <class ParseContext>
    constexpr auto parse(ParseContext& ctx) {
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
        return std::formatter<std::string_view, char>::parse(ctx);
    }

    template <class Context>
    auto format(const T& v, Context& ctx) const {
        if constexpr (hsct::quantity<T>) {
            if (spec_.numeric) {
                using U = hsct::canonical_unit_t<T>;
                const double x = v.in(U{});
                char buf[16];
                std::string text = hsct::detail::compose_quantity_text(
                    std::vformat(hsct::detail::number_spec_text(spec_, buf),
                                 std::make_format_args(x)),
                    U::info.symbol, spec_);
                return std::copy(text.begin(), text.end(), ctx.out());
            }
        }
        const std::string s = hsct::detail::text_of(v);
        return std::formatter<std::string_view, char>::format(std::string_view(s), ctx);
    }

private:
    hsct::detail::quantity_format_spec spec_{};
};
#endif

#endif  // HSCT_CORE_FORMAT_HPP
