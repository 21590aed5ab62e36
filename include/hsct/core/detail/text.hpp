// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Internal text helpers shared by every printer and parser: shortest round-trip number
// formatting (never a negative zero), strict number reading, trimming. Not part of the public
// API: the public number reader is hsct::read_number in <hsct/core/number_format.hpp>.
#ifndef HSCT_CORE_DETAIL_TEXT_HPP
#define HSCT_CORE_DETAIL_TEXT_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace hsct::detail {

/// Removes the '-' of a printed number whose digits are all zero ("-0", "-0.00", "-0e+00",
/// "-0x0p+0"), so that no printer shows a negative zero. Digits are those before an exponent
/// ('e', 'E', or 'p' and 'P' of hexadecimal floating point). Anything else is left alone.
inline void drop_negative_zero(std::string& s) {
    if (s.size() < 2 || s[0] != '-') {
        return;
    }
    bool any_digit = false;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c == 'e' || c == 'E' || c == 'p' || c == 'P') {
            break;
        }
        if ((c == 'x' || c == 'X') && i == 2 && s[1] == '0') {
            continue;  // the 0x of hexadecimal floating point
        }
        const bool hex_letter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if ((c >= '1' && c <= '9') || hex_letter) {
            return;
        }
        if (c == '0') {
            any_digit = true;
        } else if (c != '.' && c != ',' && c != '\'') {
            return;  // "-nan", "-inf" and other text stay as they are
        }
    }
    if (any_digit) {
        s.erase(0, 1);
    }
}

/// The shortest text that reads back to exactly `v` ("2.4", "1e+09", "nan", "inf"). Zero
/// prints as "0" whatever its sign: -0.0 reads back as a value equal to it.
inline std::string format_number(double v) {
    if (std::isnan(v)) {
        return "nan";
    }
    if (std::isinf(v)) {
        return v < 0 ? "-inf" : "inf";
    }
    if (v == 0.0) {
        return "0";
    }
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

inline std::string format_number(std::int64_t v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

/// Drops one leading '+' (std::from_chars does not accept it). Returns false if nothing is
/// left or a second sign follows ("+-1", "++1").
constexpr bool strip_plus(std::string_view& s) noexcept {
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
        if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
            return false;
        }
    }
    return !s.empty();
}

/// Reads a whole decimal number (optional sign, digits, fraction, exponent). Leading '+' is
/// accepted; anything left over, hex, "nan" and "inf" are rejected (a lab value is never
/// either). Returns nullopt on any malformed text.
inline std::optional<double> read_number(std::string_view s) noexcept {
    if (!strip_plus(s)) {
        return std::nullopt;
    }
    double v = 0.0;
    const char* first = s.data();
    const char* last = s.data() + s.size();
    const auto res = std::from_chars(first, last, v, std::chars_format::general);
    if (res.ec != std::errc{} || res.ptr != last || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

/// True if `s` is a well-formed decimal number too large for a double ("1e400"): such input
/// is out of range, not malformed.
inline bool number_overflows(std::string_view s) noexcept {
    if (!strip_plus(s)) {
        return false;
    }
    double v = 0.0;
    const char* last = s.data() + s.size();
    const auto res = std::from_chars(s.data(), last, v, std::chars_format::general);
    return res.ec == std::errc::result_out_of_range && res.ptr == last;
}

/// Reads a whole integer (optional sign). Returns nullopt on malformed text or overflow.
inline std::optional<std::int64_t> read_integer(std::string_view s) noexcept {
    if (!strip_plus(s)) {
        return std::nullopt;
    }
    std::int64_t v = 0;
    const char* last = s.data() + s.size();
    const auto res = std::from_chars(s.data(), last, v);
    if (res.ec != std::errc{} || res.ptr != last) {
        return std::nullopt;
    }
    return v;
}

/// Joins pieces of text into one string. (Used instead of `"literal" + std::string`, on which
/// GCC 12 at -O2 emits a false -Wrestrict warning, GCC PR105329.)
inline std::string concat(std::initializer_list<std::string_view> parts) {
    std::size_t n = 0;
    for (const auto p : parts) {
        n += p.size();
    }
    std::string out;
    out.reserve(n);
    for (const auto p : parts) {
        out.append(p.data(), p.size());
    }
    return out;
}

/// Text safe to quote in an error message: at most `limit` bytes, control bytes as '?'.
inline std::string quote_input(std::string_view s, std::size_t limit = 64) {
    std::string out;
    std::size_t n = s.size() < limit ? s.size() : limit;
    // Never cut a UTF-8 sequence in half: back up over continuation bytes (10xxxxxx).
    if (n < s.size()) {
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0U) == 0x80U) {
            --n;
        }
    }
    out.reserve(n + 3);
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        out.push_back(c < 0x20 || c == 0x7f ? '?' : s[i]);
    }
    if (s.size() > limit) {
        out += "...";
    }
    return out;
}

}  // namespace hsct::detail

#endif  // HSCT_CORE_DETAIL_TEXT_HPP
