// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Numbers as clinical systems write them (CORE-TEXT-001).
//
// A number's text is read under a number_convention that the caller declares for the system it
// reads from: the decimal mark (point or comma) and the thousands separator, if any. hsct never
// guesses: without a declared convention (the default is a decimal point and no thousands
// separator) "1,250", "1.250,5" and "1 250" are syntax errors that say why.
//
//   auto v = hsct::read_number("1.250,5", {.decimal = hsct::decimal_mark::comma,
//                                          .grouping = hsct::group_separator::period});  // 1250.5
//   std::string s = hsct::format_fixed(-0.04, 1);                                    // "0.0"
#ifndef HSCT_CORE_NUMBER_FORMAT_HPP
#define HSCT_CORE_NUMBER_FORMAT_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "hsct/core/detail/enum_table.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

/// The character that separates a number's integer part from its fraction.
enum class decimal_mark : std::uint8_t {
    point = 1,  ///< 1250.5 (English, UCUM, HL7, ISO 80000 allows both)
    comma = 2,  ///< 1250,5 (most of continental Europe and South America)
};

constexpr auto hsct_enum_table(decimal_mark) noexcept {
    return make_enum_table<decimal_mark>("decimal_mark", {
        {decimal_mark::point, "point", "decimal point"},
        {decimal_mark::comma, "comma", "decimal comma"},
    });
}

/// The character a system puts between groups of three digits of a number's integer part.
enum class group_separator : std::uint8_t {
    none = 1,        ///< 1250000
    comma = 2,       ///< 1,250,000
    period = 3,      ///< 1.250.000
    space = 4,       ///< 1 250 000 (U+0020 space or U+00A0 no-break space)
    apostrophe = 5,  ///< 1'250'000 (Switzerland)
    thin_space = 6,  ///< 1 250 000 (U+2009 thin space or U+202F narrow no-break space; SI)
};

constexpr auto hsct_enum_table(group_separator) noexcept {
    return make_enum_table<group_separator>("group_separator", {
        {group_separator::none, "none", "no thousands separator"},
        {group_separator::comma, "comma", "comma"},
        {group_separator::period, "period", "period"},
        {group_separator::space, "space", "space"},
        {group_separator::apostrophe, "apostrophe", "apostrophe"},
        {group_separator::thin_space, "thin_space", "thin space"},
    });
}

/// How a system writes numbers (CORE-TEXT-001). The default, a decimal point and no thousands
/// separator, is what UCUM, HL7 v2 and FHIR use; declare another for a system that writes
/// otherwise: `hsct::number_convention{.decimal = decimal_mark::comma,
/// .grouping = group_separator::period}` reads "1.250,5" as 1250.5.
struct number_convention {
    decimal_mark decimal = decimal_mark::point;
    group_separator grouping = group_separator::none;

    friend constexpr bool operator==(const number_convention&,
                                     const number_convention&) noexcept = default;
};

namespace detail {

/// The number of bytes of `g`'s separator at the start of `s` (0 if there is none there).
constexpr std::size_t group_separator_at(std::string_view s, group_separator g) noexcept {
    if (s.empty()) {
        return 0;
    }
    switch (g) {
        case group_separator::none: return 0;
        case group_separator::comma: return s[0] == ',' ? 1 : 0;
        case group_separator::period: return s[0] == '.' ? 1 : 0;
        case group_separator::apostrophe: return s[0] == '\'' ? 1 : 0;
        case group_separator::space:
            if (s[0] == ' ') {
                return 1;
            }
            return s.substr(0, 2) == "\xC2\xA0" ? 2 : 0;  // U+00A0 no-break space
        case group_separator::thin_space:
            return (s.substr(0, 3) == "\xE2\x80\x89" || s.substr(0, 3) == "\xE2\x80\xAF") ? 3 : 0;
    }
    return 0;
}

/// The bytes of any character that some convention uses to separate thousands (space,
/// no-break space, thin space, narrow no-break space, apostrophe) at the start of `s`, or 0.
/// Used to find where a number ends and to explain a refusal.
constexpr std::size_t any_blank_separator_at(std::string_view s) noexcept {
    if (s.empty()) {
        return 0;
    }
    if (s[0] == ' ' || s[0] == '\'') {
        return 1;
    }
    if (s.substr(0, 2) == "\xC2\xA0") {
        return 2;
    }
    if (s.substr(0, 3) == "\xE2\x80\x89" || s.substr(0, 3) == "\xE2\x80\xAF") {
        return 3;
    }
    return 0;
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

inline std::string_view group_separator_words(group_separator g) {
    switch (g) {
        case group_separator::none: return "no thousands separator";
        case group_separator::comma: return "a comma";
        case group_separator::period: return "a period";
        case group_separator::space: return "a space";
        case group_separator::apostrophe: return "an apostrophe";
        case group_separator::thin_space: return "a thin space";
    }
    return "?";
}

/// "a number with a decimal comma and a period between groups of three digits, e.g.
/// '1.250,5'": what a convention reads, for error messages (built only on the error path).
inline std::string convention_text(const number_convention& c) {
    const bool comma = c.decimal == decimal_mark::comma;
    std::string s = comma ? "a number with a decimal comma and " : "a number with a decimal point and ";
    std::string example = "1";
    switch (c.grouping) {
        case group_separator::none: break;
        case group_separator::comma: example += ","; break;
        case group_separator::period: example += "."; break;
        case group_separator::space: example += " "; break;
        case group_separator::apostrophe: example += "'"; break;
        case group_separator::thin_space: example += "\xE2\x80\x89"; break;
    }
    example += comma ? "250,5" : "250.5";
    if (c.grouping == group_separator::none) {
        s += "no thousands separator";
    } else {
        s += concat({group_separator_words(c.grouping), " between groups of three digits"});
    }
    return concat({s, ", e.g. '", example, "'"});
}

/// Text that was read into a small buffer: the number with its separators removed and a '.'
/// as decimal mark, ready for std::from_chars. Long text (over 95 bytes) goes to the heap.
class number_buffer {
public:
    void push(char c) {
        if (n_ < sizeof small_ - 1) {
            small_[n_++] = c;
        } else {
            if (big_.empty()) {
                big_.assign(small_, n_);
            }
            big_.push_back(c);
            ++n_;
        }
    }
    [[nodiscard]] const char* begin() const noexcept { return big_.empty() ? small_ : big_.data(); }
    [[nodiscard]] const char* end() const noexcept { return begin() + n_; }

private:
    char small_[96]{};
    std::size_t n_ = 0;
    std::string big_;
};

}  // namespace detail

/// Reads a whole number written under `convention` (CORE-TEXT-001): an optional sign, digits
/// with the convention's thousands separator between groups of three (the first group 1-3
/// digits; separators are optional, but where used every later group has exactly three
/// digits), then optionally the decimal mark and fraction digits (not grouped), then
/// optionally an exponent (e or E, a sign, digits). Surrounding ASCII white space is ignored.
///
/// Errors (field = `field`; value = the number's text; valid = what the convention reads and,
/// where it helps, why the text does not fit):
///  - syntax: anything else, including "nan", "inf", hex, and a separator the convention does
///    not declare. Under the default convention a ',' is refused as ambiguous (decimal comma or
///    thousands separator), and a space, thin space or apostrophe between digits as an
///    undeclared thousands separator;
///  - out_of_range: a well-formed number too large (or too small, other than 0) for a double;
///  - out_of_range (field "number_convention.decimal" / ".grouping"): a value that is not an
///    enumerator; inconsistent (field "number_convention"): the same character as decimal
///    mark and thousands separator.
/// The valid path does not allocate (for text up to 95 bytes).
[[nodiscard]] inline result<double> read_number(std::string_view text,
                                                const number_convention& convention = {},
                                                field_ref field = "number") {
    if (auto e = detail::check_enum(convention.decimal, "number_convention.decimal")) {
        return *e;
    }
    if (auto e = detail::check_enum(convention.grouping, "number_convention.grouping")) {
        return *e;
    }
    const bool decimal_comma = convention.decimal == decimal_mark::comma;
    if ((decimal_comma && convention.grouping == group_separator::comma) ||
        (!decimal_comma && convention.grouping == group_separator::period)) {
        return error(errc::inconsistent, "number_convention",
                     detail::concat({label(convention.decimal), " with ",
                                     label(convention.grouping), " separator"}),
                     "a thousands separator other than the decimal mark");
    }
    const std::string_view t = detail::trim(text);
    const char dec = decimal_comma ? ',' : '.';
    // Why the text does not fit, for the error message; built only on the error path.
    const auto refuse = [&](std::string_view why) {
        std::string valid = detail::convention_text(convention);
        if (!why.empty()) {
            valid = detail::concat({valid, "; ", why});
        }
        return error(errc::syntax, field, detail::quote_input(t), std::move(valid));
    };
    detail::number_buffer out;
    std::size_t i = 0;
    const std::size_t n = t.size();
    if (i < n && (t[i] == '+' || t[i] == '-')) {
        if (t[i] == '-') {
            out.push('-');
        }
        ++i;
    }
    std::size_t digits = 0;
    std::size_t group = 0;    // digits since the last separator
    bool grouped = false;
    while (i < n) {
        if (detail::is_digit(t[i])) {
            out.push(t[i]);
            ++digits;
            ++group;
            ++i;
            continue;
        }
        const std::size_t sep = detail::group_separator_at(t.substr(i), convention.grouping);
        if (sep == 0) {
            break;
        }
        if (group == 0 || group > 3 || (grouped && group != 3)) {
            return refuse("digits in groups of three between thousands separators");
        }
        grouped = true;
        group = 0;
        i += sep;
    }
    if (grouped && group != 3) {
        return refuse("digits in groups of three between thousands separators");
    }
    if (i < n && t[i] == dec) {
        out.push('.');
        ++i;
        while (i < n && detail::is_digit(t[i])) {
            out.push(t[i]);
            ++digits;
            ++i;
        }
    }
    if (digits > 0 && i < n && (t[i] == 'e' || t[i] == 'E')) {
        out.push('e');
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-')) {
            out.push(t[i]);
            ++i;
        }
        std::size_t exponent_digits = 0;
        while (i < n && detail::is_digit(t[i])) {
            out.push(t[i]);
            ++exponent_digits;
            ++i;
        }
        if (exponent_digits == 0) {
            return refuse("digits after the exponent 'e'");
        }
    }
    if (i < n || digits == 0) {
        const std::string_view rest = t.substr(i);
        const bool default_convention = convention == number_convention{};
        if (!rest.empty() && rest[0] == dec) {
            return refuse(default_convention
                              ? "more than one '.'; '.' as a thousands separator needs a "
                                "declared number_convention"
                              : "more than one decimal mark");
        }
        if (detail::group_separator_at(rest, convention.grouping) > 0) {
            return refuse("a thousands separator only between digits before the decimal mark");
        }
        if (!rest.empty() && rest[0] == ',' && default_convention) {
            return refuse("',' is ambiguous (decimal comma or thousands separator): declare a "
                          "number_convention");
        }
        if (!rest.empty() && (rest[0] == ',' || rest[0] == '.')) {
            return refuse(detail::concat({"'", rest.substr(0, 1),
                                          "' is neither this convention's decimal mark nor its "
                                          "thousands separator"}));
        }
        if (detail::any_blank_separator_at(rest) > 0 && digits > 0) {
            return refuse(default_convention
                              ? "a thousands separator (space, thin space or apostrophe) needs a "
                                "declared number_convention"
                              : "a thousands separator other than this convention's");
        }
        return refuse({});
    }
    double v = 0.0;
    const auto res = std::from_chars(out.begin(), out.end(), v, std::chars_format::general);
    if (res.ec == std::errc::result_out_of_range) {
        return error(errc::out_of_range, field, detail::quote_input(t),
                     "a number a double holds: 0, or a magnitude from about 2.2e-308 to 1.8e308");
    }
    if (res.ec != std::errc{} || res.ptr != out.end() || !std::isfinite(v)) {
        return refuse({});
    }
    return v;
}

/// The most decimals format_fixed prints.
inline constexpr int max_fixed_decimals = 17;

/// `v` with exactly `decimals` digits after the decimal point (0 to 17; a request outside is
/// taken as the nearest of those), rounded to nearest: format_fixed(72.45, 1) == "72.5"
/// (the double nearest 72.45 lies above it). Never "-0": a negative value that rounds to zero
/// prints as "0", "0.0", .... NaN and infinity print as "nan", "inf", "-inf". For display
/// and explanations; to store or exchange a value, use to_string, which reads back exactly.
[[nodiscard]] inline std::string format_fixed(double v, int decimals) {
    if (!std::isfinite(v)) {
        return detail::format_number(v);
    }
    const int d = decimals < 0 ? 0 : (decimals > max_fixed_decimals ? max_fixed_decimals : decimals);
    char buf[336];  // 309 integer digits, a sign, a point and 17 decimals at most
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, d);
    std::string s(buf, res.ptr);
    detail::drop_negative_zero(s);
    return s;
}

}  // namespace hsct

#endif  // HSCT_CORE_NUMBER_FORMAT_HPP
