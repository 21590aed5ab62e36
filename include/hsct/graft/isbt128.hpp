// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// ISBT 128 identifiers of a cellular therapy product: the Donation Identification Number (DIN)
// with its keyboard check character, the DIN data structure with its flag characters, and the
// product code data structure.
//
//   using namespace hsct::graft;
//   auto d = parse_din("A9999 21 123456");       // result<din>: printed or plain, 13 characters
//   d->facility();                               // "A9999": the Facility Identification Number
//   d->check_character();                        // '3' (ISO/IEC 7064 MOD 37-2)
//   parse_din("A99992112345 63");                 // keyboard entry with its check character: checked
//   auto s = parse_din_data_structure("=A99992112345601");   // DIN + flags "01": container 1
//   auto p = parse_product_code("=<S1128V00");   // PDC S1128, collection type V, division 00
//
// Source: ICCBBA ST-001, ISBT 128 Standard Technical Specification v6.2.2 (2023): data
// structure 001 (section 2.4.1, flag values in Table 3, RT004), the keyboard check character
// (section 7.5, Appendix A), data structure 003 (product code; collection types in Table 7), as
// the reference notes (hla-isbt-peers.md, B1-B2) read them [V]. ISBT 128 is licensed by
// ICCBBA: hsct implements the public structures and the ISO 7064 algorithm, and ships neither
// the registered facilities (FIN) nor the product description code table; a licensed user
// supplies the proper names.
//
// GRAFT-ISBT-001: the DIN is 13 characters, alpha pppp yy nnnnnn: alpha (the first character of
// the FIN) is A-N, P-Z or 1-9 (never O or 0); the next two are A-N, P-Z or 0-9; the next two,
// the year (yy) and the sequence number (nnnnnn) are digits. Upper case only (the check
// character is not defined on lower case). Printed, the DIN is spaced "A9999 21 123456".
// GRAFT-ISBT-002: the keyboard check character K is ISO/IEC 7064 MOD 37-2 over the 13
// characters (0-9 -> 0-9, A-Z -> 10-35, * -> 36; each value times 2^n, n its position from the
// right from 1; the sum mod 37; K = (38 - that) mod 37, mapped back). It is never part of the data: a DIN typed with it (a 14th
// character) is checked against it.
// GRAFT-ISBT-003: data structure 001 is "=" + the DIN + two flag characters (0-9, A-H, J-N, P,
// R-Y). Flags 00 (not used), 01-04 and 15-19 (container 1-9 of a set), 05-13 (a label or tube
// role), 20-59 (local, meaningful at the issuing facility), 60-96 (type 3: 60 + the check value
// of the DIN, which hsct checks); 14, 97-99 and other characters are reserved and refused.
// GRAFT-ISBT-004: data structure 003, the product code, is "=<" + the product description code
// (a letter, S for cellular therapy, then four digits) + the collection type (one character) +
// the division (two characters, 00 undivided, 99 see data structure 032). hsct checks the form,
// not whether the code is registered.
#ifndef HSCT_GRAFT_ISBT128_HPP
#define HSCT_GRAFT_ISBT128_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/graft/vocabulary.hpp"

namespace hsct::graft {

namespace detail {
/// GRAFT-ISBT-002: the ISO/IEC 7064 MOD 37-2 value of a character, or -1.
[[nodiscard]] constexpr int mod37_value(char c) noexcept {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return c == '*' ? 36 : -1;
}
/// GRAFT-ISBT-002: the character of a MOD 37-2 value 0-36.
[[nodiscard]] constexpr char mod37_char(int v) noexcept {
    return v < 10 ? static_cast<char>('0' + v) : v < 36 ? static_cast<char>('A' + (v - 10)) : '*';
}
/// GRAFT-ISBT-002: the check value 0-36 of characters whose values are all valid, as ST-001
/// Appendix A states it: each value weighted by 2^n (n its position from the right, from 1),
/// summed, the sum taken mod 37, subtracted from 38, mod 37. The weights are reduced mod 37 as
/// they go (the same sum mod 37), so the products are independent of one another.
[[nodiscard]] constexpr int mod37_check(std::string_view s) noexcept {
    if (s.size() == 13) {  // a DIN: the weights 2^13 .. 2^1 mod 37, as constants
        constexpr unsigned w13[13] = {15, 26, 13, 25, 31, 34, 17, 27, 32, 16, 8, 4, 2};
        unsigned sum13 = 0;
        for (std::size_t i = 0; i < 13; ++i) {
            sum13 += static_cast<unsigned>(mod37_value(s[i])) * w13[i];
        }
        return static_cast<int>((38U - sum13 % 37U) % 37U);
    }
    unsigned sum = 0;
    unsigned w = 2;  // 2^1 for the rightmost character
    for (std::size_t i = s.size(); i > 0; --i) {
        sum += static_cast<unsigned>(mod37_value(s[i - 1])) * w;
        w = (w * 2U) % 37U;
    }
    return static_cast<int>((38U - sum % 37U) % 37U);
}
[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
/// A-N, P-Z or 0-9 (ISBT never uses the letter O in a FIN).
[[nodiscard]] constexpr bool is_fin_char(char c) noexcept { return is_digit(c) || (is_upper(c) && c != 'O'); }
/// GRAFT-ISBT-003: 0-9, A-H, J-N, P, R-Y.
[[nodiscard]] constexpr bool is_flag_char(char c) noexcept {
    return is_digit(c) || (c >= 'A' && c <= 'H') || (c >= 'J' && c <= 'N') || c == 'P' || (c >= 'R' && c <= 'Y');
}
}  // namespace detail

/// GRAFT-ISBT-002: the keyboard check character of any text of digits, upper-case letters and
/// '*' (nullopt for anything else).
[[nodiscard]] constexpr std::optional<char> iso7064_mod37_2(std::string_view text) noexcept {
    for (const char c : text) {
        if (detail::mod37_value(c) < 0) {
            return std::nullopt;
        }
    }
    return detail::mod37_char(detail::mod37_check(text));
}

class din;
/// GRAFT-ISBT-001/002: a DIN from text (defined below, after the type).
template <class = void>
[[nodiscard]] result<din> parse_din(std::string_view text);

/// GRAFT-ISBT-001: a Donation Identification Number, checked: its 13 characters and their
/// check value (14 bytes), trivially copyable; compares by its characters.
class din {
public:
    /// The 13 characters, unspaced ("A999921123456").
    [[nodiscard]] constexpr std::string_view text() const noexcept { return {chars_.data(), chars_.size()}; }
    /// The Facility Identification Number (5 characters, "A9999"); its registration is looked
    /// up in ICCBBA's licensed database, not here.
    [[nodiscard]] constexpr std::string_view facility() const noexcept { return text().substr(0, 5); }
    /// The nominal year of assignment, two digits (0-99).
    [[nodiscard]] constexpr int year() const noexcept { return (chars_[5] - '0') * 10 + (chars_[6] - '0'); }
    /// The sequence number within the facility and year (0-999999).
    [[nodiscard]] constexpr std::uint32_t sequence() const noexcept {
        std::uint32_t n = 0;
        for (std::size_t i = 7; i < 13; ++i) {
            n = n * 10U + static_cast<std::uint32_t>(chars_[i] - '0');
        }
        return n;
    }
    /// GRAFT-ISBT-002: the keyboard check character printed boxed after the DIN.
    [[nodiscard]] constexpr char check_character() const noexcept { return detail::mod37_char(check_); }
    /// The check value 0-36 (type-3 flags are 60 + this).
    [[nodiscard]] constexpr int check_value() const noexcept { return check_; }
    /// "A9999 21 123456", as ISBT 128 prints it (without the check character).
    [[nodiscard]] std::string printed() const {
        return hsct::detail::concat({text().substr(0, 5), " ", text().substr(5, 2), " ", text().substr(7)});
    }

    friend constexpr bool operator==(const din&, const din&) noexcept = default;

private:
    template <class>
    friend result<din> parse_din(std::string_view);
    constexpr din() noexcept = default;  // only parse_din makes one: a DIN is always checked
    std::array<char, 13> chars_{};
    std::uint8_t check_ = 0;  ///< the check value 0-36, computed once
};

namespace detail {
/// GRAFT-ISBT-001: the first thing wrong with 13 DIN characters, as (offset, what was
/// expected); offset 13 means nothing is wrong.
struct din_fault {
    std::size_t at = 13;
    std::string_view expected;
};
[[nodiscard]] constexpr din_fault check_din_chars(std::string_view s) noexcept {
    const char a = s[0];
    if (!((is_upper(a) && a != 'O') || (a >= '1' && a <= '9'))) {
        return {0, "the FIN's first character: A-N, P-Z or 1-9 (upper case; never O or 0)"};
    }
    for (std::size_t i = 1; i < 3; ++i) {
        if (!is_fin_char(s[i])) {
            return {i, "a FIN character: A-N, P-Z or 0-9 (upper case; never O)"};
        }
    }
    for (std::size_t i = 3; i < 5; ++i) {
        if (!is_digit(s[i])) {
            return {i, "a digit (the FIN's last two characters are digits)"};
        }
    }
    for (std::size_t i = 5; i < 7; ++i) {
        if (!is_digit(s[i])) {
            return {i, "a digit (the year)"};
        }
    }
    for (std::size_t i = 7; i < 13; ++i) {
        if (!is_digit(s[i])) {
            return {i, "a digit (the sequence number)"};
        }
    }
    return {};
}
/// The 13 DIN characters of a text (the printed form's spaces skipped) and, when typed with
/// it, the check character as a 14th; false when the text is not 13 characters, optionally
/// spaced "A9999 21 123456", optionally followed by one check character (itself optionally
/// after a space).
[[nodiscard]] constexpr bool gather_din(std::string_view t, std::array<char, 13>& out, char& k,
                                        std::size_t& count) noexcept {
    count = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c == ' ') {
            // a single space, only where the printed form or the check character puts one
            if (!((count == 5 || count == 7 || count == 13) && t[i - 1] != ' ')) {
                return false;
            }
            continue;
        }
        if (count >= 13) {
            if (count == 14) {
                return false;
            }
            k = c;
            ++count;
            continue;
        }
        out[count++] = c;
    }
    return count == 13 || count == 14;
}
/// The offset in the text of the k-th gathered character (for an error's position).
[[nodiscard]] constexpr std::size_t offset_of(std::string_view t, std::size_t k) noexcept {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != ' ') {
            if (seen == k) {
                return i;
            }
            ++seen;
        }
    }
    return t.size();
}
}  // namespace detail

/// GRAFT-ISBT-001/002: a DIN from text: 13 characters, plain ("A999921123456") or printed
/// ("A9999 21 123456"), optionally followed by its keyboard check character (as typed from a
/// label: "A999921123456 3"), which is then checked. Surrounding white space is ignored.
/// Errors (field "din"): the wrong length or spacing (syntax); a character not allowed where it
/// sits (syntax, at that offset in the text, saying what belongs there); a check character that
/// does not match (inconsistent, at its offset, naming the right one).
namespace detail {
// The refusals of parse_din, built only on their paths (kept out of the reader's loop).
template <class = void>
[[nodiscard, gnu::cold, gnu::noinline]] error din_shape_error(std::string_view t) {
    return error(errc::syntax, "din", hsct::detail::quote_input(t),
                 "13 characters, plain or printed \"A9999 21 123456\", optionally followed by the check character",
                 "GRAFT-ISBT-001");
}
template <class = void>
[[nodiscard, gnu::cold, gnu::noinline]] error din_char_error(std::string_view t, std::size_t at,
                                                             std::string_view expected) {
    return error(errc::syntax, "din", hsct::detail::quote_input(t),
                 hsct::detail::concat({"at character ", std::to_string(at + 1), ": ", expected}), "GRAFT-ISBT-001")
        .at_position(at);
}
template <class = void>
[[nodiscard, gnu::cold, gnu::noinline]] error din_check_error(std::string_view t, std::size_t at, std::string_view din13,
                                                              char expected) {
    return error(errc::inconsistent, "din", hsct::detail::quote_input(t),
                 hsct::detail::concat({"the check character of ", din13, ", which is ", std::string(1, expected),
                                       " (ISO/IEC 7064 MOD 37-2)"}),
                 "GRAFT-ISBT-002")
        .at_position(at);
}
}  // namespace detail

template <class>
result<din> parse_din(std::string_view text) {
    const std::string_view t = hsct::detail::trim(text);
    din d;
    char k = '\0';
    std::size_t count = 0;
    if (!detail::gather_din(t, d.chars_, k, count)) {
        return detail::din_shape_error(t);
    }
    const auto fault = detail::check_din_chars(d.text());
    if (fault.at < 13) {
        return detail::din_char_error(t, detail::offset_of(t, fault.at), fault.expected);
    }
    d.check_ = static_cast<std::uint8_t>(detail::mod37_check(d.text()));
    if (count == 14 && k != d.check_character()) {
        return detail::din_check_error(t, detail::offset_of(t, 13), d.text(), d.check_character());
    }
    return d;
}

/// GRAFT-ISBT-003: what the flag characters of data structure 001 say.
enum class din_flag_kind : std::uint8_t {
    not_used = 1,          ///< 00
    container = 2,         ///< 01-04, 15-19: container 1-9 of a set
    repeat_label = 3,      ///< 05: a repeated demand-printed label
    pilot_tube = 4,        ///< 06
    test_tube = 5,         ///< 07
    donor_record = 6,      ///< 08
    nat_sample = 7,        ///< 09: a nucleic acid testing sample
    bacterial_testing = 8, ///< 10
    match_with_unit = 9,   ///< 11: match with the unit label
    partial_label = 10,    ///< 12: an affixed partial label
    attached_label = 11,   ///< 13
    local = 12,            ///< 20-59: meaningful only at the issuing facility (type 2)
    check = 13,            ///< 60-96: 60 + the DIN's check value (type 3)
};

constexpr auto hsct_enum_table(din_flag_kind) noexcept {
    using k = din_flag_kind;
    return make_enum_table<din_flag_kind>("din_flag_kind", {
        {k::not_used, "not_used", "flags not used (00)"},
        {k::container, "container", "container of a set"},
        {k::repeat_label, "repeat_label", "repeated demand-printed label"},
        {k::pilot_tube, "pilot_tube", "pilot tube"},
        {k::test_tube, "test_tube", "test tube"},
        {k::donor_record, "donor_record", "donor record"},
        {k::nat_sample, "nat_sample", "NAT sample"},
        {k::bacterial_testing, "bacterial_testing", "bacterial testing"},
        {k::match_with_unit, "match_with_unit", "match with unit label"},
        {k::partial_label, "partial_label", "affixed partial label"},
        {k::attached_label, "attached_label", "attached label"},
        {k::local, "local", "local use (type 2 flag)"},
        {k::check, "check", "check value of the DIN (type 3 flag)"},
    });
}

/// GRAFT-ISBT-003: data structure 001, read: the DIN, its two flag characters and what they say.
/// Made by parse_din_data_structure (it holds a checked DIN, so it has no default).
struct din_data_structure {
    din id;
    std::array<char, 2> flags{};
    din_flag_kind kind = din_flag_kind::not_used;
    /// The container number, 1-9, for kind container.
    std::optional<std::uint8_t> container;

    /// "=A99992112345601": the data structure as scanned.
    [[nodiscard]] std::string text() const {
        return hsct::detail::concat({"=", id.text(), std::string_view(flags.data(), 2)});
    }
    friend constexpr bool operator==(const din_data_structure&, const din_data_structure&) noexcept = default;
};

/// GRAFT-ISBT-003: data structure 001 from a scan: "=" + 13 DIN characters + 2 flag characters
/// (16 characters; surrounding white space ignored). Errors (field "din_data_structure"): the
/// wrong length or a missing "=" (syntax); a bad DIN character (syntax, at its offset); a flag
/// character outside 0-9, A-H, J-N, P, R-Y (syntax); a reserved flag value (14, 97-99,
/// alphanumeric: out_of_range); a type-3 flag that is not 60 + the DIN's check value
/// (inconsistent, naming the right one).
template <class = void>
[[nodiscard]] result<din_data_structure> parse_din_data_structure(std::string_view text) {
    const std::string_view t = hsct::detail::trim(text);
    const char* field = "din_data_structure";
    if (t.size() != 16 || t[0] != '=') {
        return error(errc::syntax, field, hsct::detail::quote_input(t),
                     "\"=\" + 13 DIN characters + 2 flag characters, e.g. =A99992112345600", "GRAFT-ISBT-003");
    }
    auto d = parse_din(t.substr(1, 13));
    if (!d) {
        error e = with_field(d.error(), field);
        e = error(e.code(), field, hsct::detail::quote_input(t), e.valid_range(), e.requirement());
        if (const auto p = d.error().position()) {
            return std::move(e).at_position(*p + 1);
        }
        return e;
    }
    din_data_structure s{*d, {t[14], t[15]}, din_flag_kind::not_used, std::nullopt};
    for (std::size_t i = 14; i < 16; ++i) {
        if (!detail::is_flag_char(t[i])) {
            return error(errc::syntax, field, hsct::detail::quote_input(t),
                         hsct::detail::concat({"at character ", std::to_string(i + 1),
                                               ": a flag character (0-9, A-H, J-N, P, R-Y)"}),
                         "GRAFT-ISBT-003")
                .at_position(i);
        }
    }
    const auto reserved = [&] {
        return error(errc::out_of_range, field, hsct::detail::quote_input(t),
                     hsct::detail::concat({"flags 00-13, 15-96 (", std::string_view(s.flags.data(), 2),
                                           " is reserved by ISBT 128)"}),
                     "GRAFT-ISBT-003")
            .at_position(14);
    };
    if (!detail::is_digit(t[14]) || !detail::is_digit(t[15])) {
        return reserved();
    }
    const int v = (t[14] - '0') * 10 + (t[15] - '0');
    if (v == 0) {
        s.kind = din_flag_kind::not_used;
    } else if (v <= 4 || (v >= 15 && v <= 19)) {
        s.kind = din_flag_kind::container;
        s.container = static_cast<std::uint8_t>(v <= 4 ? v : v - 10);
    } else if (v <= 13) {
        s.kind = static_cast<din_flag_kind>(v - 2);  // 05 repeat_label (3) ... 13 attached_label (11)
    } else if (v >= 20 && v <= 59) {
        s.kind = din_flag_kind::local;
    } else if (v >= 60 && v <= 96) {
        s.kind = din_flag_kind::check;
        const int expected = 60 + s.id.check_value();
        if (v != expected) {
            return error(errc::inconsistent, field, hsct::detail::quote_input(t),
                         hsct::detail::concat({"a type-3 flag of ", std::to_string(expected), " (60 + the check value ",
                                               std::to_string(expected - 60), " of ", s.id.text(), ")"}),
                         "GRAFT-ISBT-003")
                .at_position(14);
        }
    } else {
        return reserved();
    }
    return s;
}

/// GRAFT-ISBT-004: the collection type character of a product code (ST-001 Table 7, the values
/// the reference notes list); any other letter or digit is `other` (the table has more).
enum class collection_type : std::uint8_t {
    not_specified = 1,           ///< 0
    autologous = 2,              ///< 1: autologous use only
    designated = 3,              ///< 4
    dedicated = 4,               ///< 5
    allogeneic = 5,              ///< 7: for allogeneic use
    autologous_crossover = 6,    ///< A: autologous, eligible for crossover
    volunteer_allogeneic = 7,    ///< V: volunteer allogeneic donor
    other = 8,                   ///< another Table 7 value: see the character
};

constexpr auto hsct_enum_table(collection_type) noexcept {
    using c = collection_type;
    return make_enum_table<collection_type>("collection_type", {
        {c::not_specified, "not_specified", "not specified (0)"},
        {c::autologous, "autologous", "for autologous use only (1)"},
        {c::designated, "designated", "designated (4)"},
        {c::dedicated, "dedicated", "dedicated (5)"},
        {c::allogeneic, "allogeneic", "for allogeneic use (7)"},
        {c::autologous_crossover, "autologous_crossover", "autologous, eligible for crossover (A)"},
        {c::volunteer_allogeneic, "volunteer_allogeneic", "volunteer allogeneic donor (V)"},
        {c::other, "other", "another ISBT 128 collection type (Table 7)"},
    });
}

/// GRAFT-ISBT-004: data structure 003, read.
struct product_code {
    std::array<char, 5> description{};  ///< the product description code, e.g. S1128
    char collection = '0';              ///< the collection type character
    collection_type type = collection_type::not_specified;
    std::array<char, 2> division{};     ///< 00 undivided, 99 see data structure 032

    [[nodiscard]] std::string_view description_code() const noexcept { return {description.data(), 5}; }
    /// The product is cellular therapy (the code starts with S).
    [[nodiscard]] constexpr bool cellular_therapy() const noexcept { return description[0] == 'S'; }
    [[nodiscard]] constexpr bool undivided() const noexcept { return division[0] == '0' && division[1] == '0'; }
    /// "=<S1128V00": the data structure as scanned.
    [[nodiscard]] std::string text() const {
        return hsct::detail::concat(
            {"=<", description_code(), std::string_view(&collection, 1), std::string_view(division.data(), 2)});
    }
    friend constexpr bool operator==(const product_code&, const product_code&) noexcept = default;
};

/// GRAFT-ISBT-004: data structure 003 from a scan: "=<" + a letter and four digits (the product
/// description code) + the collection type (a digit or upper-case letter) + the division (two
/// digits or upper-case letters). Errors (field "product_code", syntax, at the offset, saying
/// what belongs there). The code's registration and proper name are not checked (licensed
/// ICCBBA data the user supplies).
template <class = void>
[[nodiscard]] result<product_code> parse_product_code(std::string_view text) {
    const std::string_view t = hsct::detail::trim(text);
    const char* field = "product_code";
    if (t.size() != 10 || t[0] != '=' || t[1] != '<') {
        return error(errc::syntax, field, hsct::detail::quote_input(t),
                     "\"=<\" + 8 characters, e.g. =<S1128V00", "GRAFT-ISBT-004");
    }
    const auto bad = [&](std::size_t i, std::string_view expected) {
        return error(errc::syntax, field, hsct::detail::quote_input(t),
                     hsct::detail::concat({"at character ", std::to_string(i + 1), ": ", expected}), "GRAFT-ISBT-004")
            .at_position(i);
    };
    if (!detail::is_upper(t[2])) {
        return bad(2, "an upper-case letter (the product type; S for cellular therapy)");
    }
    for (std::size_t i = 3; i < 7; ++i) {
        if (!detail::is_digit(t[i])) {
            return bad(i, "a digit (the product description code)");
        }
    }
    if (!detail::is_digit(t[7]) && !detail::is_upper(t[7])) {
        return bad(7, "a digit or upper-case letter (the collection type)");
    }
    for (std::size_t i = 8; i < 10; ++i) {
        if (!detail::is_digit(t[i]) && !detail::is_upper(t[i])) {
            return bad(i, "a digit or upper-case letter (the division)");
        }
    }
    product_code p;
    for (std::size_t i = 0; i < 5; ++i) {
        p.description[i] = t[2 + i];
    }
    p.collection = t[7];
    switch (t[7]) {
        case '0': p.type = collection_type::not_specified; break;
        case '1': p.type = collection_type::autologous; break;
        case '4': p.type = collection_type::designated; break;
        case '5': p.type = collection_type::dedicated; break;
        case '7': p.type = collection_type::allogeneic; break;
        case 'A': p.type = collection_type::autologous_crossover; break;
        case 'V': p.type = collection_type::volunteer_allogeneic; break;
        default: p.type = collection_type::other; break;
    }
    p.division = {t[8], t[9]};
    return p;
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_ISBT128_HPP
