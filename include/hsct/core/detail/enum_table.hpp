// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The enum-table machinery of <hsct/core/enum.hpp> that <hsct/core/result.hpp> needs for errc:
// tables, their compile-time checks, values/label/to_string/id/is_valid/enum_name. Include
// <hsct/core/enum.hpp>, which adds make_enum and parse_enum; this header is an implementation
// detail of the split.
#ifndef HSCT_CORE_DETAIL_ENUM_TABLE_HPP
#define HSCT_CORE_DETAIL_ENUM_TABLE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "hsct/core/detail/text.hpp"

namespace hsct {

/// One row of an enum table: the enumerator, its stable identifier, its human label.
template <class E>
struct enum_row {
    E value;
    std::string_view id;
    std::string_view label;
};

/// An enum's table: its stable name and one row per enumerator.
template <class E, std::size_t N>
struct enum_table {
    std::string_view name;
    std::array<enum_row<E>, N> rows;
};

/// Builds an enum table; N is the number of rows given.
template <class E, std::size_t N>
[[nodiscard]] constexpr enum_table<E, N> make_enum_table(std::string_view name,
                                                         const enum_row<E> (&rows)[N]) noexcept {
    enum_table<E, N> t{name, {}};
    for (std::size_t i = 0; i < N; ++i) {
        t.rows[i] = rows[i];
    }
    return t;
}

/// E is an hsct enum: one byte wide, with a table found by argument-dependent lookup.
template <class E>
concept tabled_enum = std::is_enum_v<E> && sizeof(E) == 1 && requires(E e) {
    { hsct_enum_table(e) };
};

namespace detail {

/// CORE-ENUM-001: identifiers are non-empty snake_case: a lower-case letter, then lower-case
/// letters, digits and '_'.
[[nodiscard]] constexpr bool is_enum_identifier(std::string_view s) noexcept {
    if (s.empty() || s.front() < 'a' || s.front() > 'z') {
        return false;
    }
    for (const char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return false;
        }
    }
    return true;
}

/// True when `entry`, the compiler's spelling of one enum value as a template argument, is not
/// a named enumerator. GCC and Clang print a named enumerator by name ("ns::sex::male",
/// "ns::status::cr1", "<unnamed>::sex::male", "(anonymous namespace)::sex::male") and any other
/// value as a cast to the enum followed by the number ("(ns::sex)7", "(ns::sex)-1"): digits,
/// perhaps after a minus sign, right after a ')'.
[[nodiscard]] constexpr bool is_cast_spelling(std::string_view entry) noexcept {
    std::size_t j = entry.size();
    while (j > 0 && entry[j - 1] >= '0' && entry[j - 1] <= '9') {
        --j;
    }
    if (j == entry.size()) {
        return false;  // does not end with a number
    }
    if (j > 0 && entry[j - 1] == '-') {
        --j;
    }
    return j > 0 && entry[j - 1] == ')';
}

template <class E, std::size_t N>
[[nodiscard]] constexpr bool table_lists(const enum_table<E, N>& t, E e) noexcept {
    for (const auto& r : t.rows) {
        if (r.value == e) {
            return true;
        }
    }
    return false;
}

/// The table as its author wrote it, built once per translation unit (the checks below and
/// enum_table_of all read this one copy).
template <class E>
inline constexpr auto raw_enum_table = hsct_enum_table(E{});

/// True when the values V... (the codes 0, 1, 2, ... of E, in order) that the compiler names
/// are exactly those the table lists. One instantiation per enum: the compiler spells the whole
/// pack in this function's own name ("... V = {(ns::sex)0, ns::sex::female, ...}" for GCC,
/// "... V = <(ns::sex)0, ns::sex::female, ...>" for Clang), read entry by entry.
template <class E, auto... V>
[[nodiscard]] constexpr bool names_match_table() noexcept {
    constexpr std::string_view f = __PRETTY_FUNCTION__;
    constexpr std::size_t at = f.find("V = ");
    static_assert(at != std::string_view::npos, "hsct: unsupported compiler (enum reflection)");
    constexpr const auto& t = raw_enum_table<E>;
    const std::size_t close = f.rfind(']');  // the pack ends one character before it
    if (close == std::string_view::npos || close < at + 6) {
        return false;
    }
    const std::size_t last = close - 1;
    // One pass, a few operations a character (this runs for every enum in every translation
    // unit): an entry ends at ", " or at the end of the pack.
    std::size_t code = 0;
    std::size_t start = at + 5;  // after "V = {" or "V = <"
    for (std::size_t i = start; i <= last; ++i) {
        if (i != last && !(f[i] == ',' && f[i + 1] == ' ')) {
            continue;
        }
        const bool cast = is_cast_spelling(f.substr(start, i - start));
        if (code >= sizeof...(V) || cast == table_lists(t, static_cast<E>(code))) {
            return false;
        }
        ++code;
        start = i + 2;
        ++i;
    }
    return code == sizeof...(V);  // every entry read, none left over
}

template <class E, std::size_t... I>
[[nodiscard]] constexpr bool lists_every_named(std::index_sequence<I...>) noexcept {
    return names_match_table<E, static_cast<E>(I)...>();
}

/// Two identifiers are equal (written out: the compiler evaluates this for every pair of
/// rows of every enum in every translation unit, and a length test settles most pairs).
[[nodiscard]] constexpr bool same_text(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k] != b[k]) {
            return false;
        }
    }
    return true;
}

template <class E, std::size_t N>
[[nodiscard]] constexpr bool ids_and_values_unique(const enum_table<E, N>& t) noexcept {
    std::array<bool, 256> seen{};  // one-byte codes
    for (const auto& r : t.rows) {
        const auto code = static_cast<std::size_t>(static_cast<std::uint8_t>(r.value));
        if (seen[code]) {
            return false;
        }
        seen[code] = true;
    }
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = i + 1; j < N; ++j) {
            if (same_text(t.rows[i].id, t.rows[j].id)) {
                return false;
            }
        }
    }
    return true;
}

template <class E, std::size_t N>
[[nodiscard]] constexpr bool rows_well_formed(const enum_table<E, N>& t) noexcept {
    for (const auto& r : t.rows) {
        if (!is_enum_identifier(r.id) || r.label.empty()) {
            return false;
        }
    }
    return true;
}

template <class E, std::size_t N>
[[nodiscard]] constexpr std::size_t largest_code(const enum_table<E, N>& t) noexcept {
    std::size_t m = 0;
    for (const auto& r : t.rows) {
        const auto c = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(r.value));
        m = c > m ? c : m;
    }
    return m;
}

/// The table of E, with the checks every use pays for (a reference to the one copy per
/// translation unit). The full audit (enum_table_audit) is left to the translation units that
/// ask for it: each costs a few milliseconds an enum, paid in every TU that uses the enum, and
/// <hsct/hsct.hpp> uses about a hundred (docs/conventions.md section 3).
template <tabled_enum E>
[[nodiscard]] constexpr const auto& checked_enum_table() noexcept {
    constexpr const auto& t = raw_enum_table<E>;
    static_assert(t.rows.size() > 0, "hsct enum table: no rows");
    static_assert(is_enum_identifier(t.name), "hsct enum table: the name must be snake_case");
    return t;
}

/// CORE-ENUM-001's full audit of E's table: every identifier snake_case and every label
/// non-empty, no identifier or value listed twice, and no enumerator of E missing from the table.
/// Fails to compile, naming the check, when one does not hold; true otherwise. hsct's tests audit
/// every enum of the library (each module's vocabulary test lists them all, and CMake counts the
/// tables so that none is left out).
template <tabled_enum E>
[[nodiscard]] constexpr bool enum_table_audit() noexcept {
    constexpr const auto& t = checked_enum_table<E>();
    static_assert(rows_well_formed(t),
                  "hsct enum table: every identifier must be snake_case and every label non-empty");
    static_assert(ids_and_values_unique(t),
                  "hsct enum table: an identifier or a value is listed twice");
    constexpr std::size_t probe_end = largest_code(t) + 9 > 256 ? 256 : largest_code(t) + 9;
    static_assert(lists_every_named<E>(std::make_index_sequence<probe_end>{}),
                  "hsct enum table: an enumerator of the enum is missing from its table");
    return true;
}

template <tabled_enum E>
inline constexpr const auto& enum_table_of = checked_enum_table<E>();

/// "invalid (N)" for every one-byte code, as one literal, so that labels stay constexpr
/// string_views and nothing is computed in every translation unit: "invalid (0)invalid (1)...".
/// Entry N starts at 11 N for N < 10 (11 characters each), 110 + 12 (N - 10) for N < 100 and
/// 1190 + 13 (N - 100) above.
inline constexpr char invalid_enum_texts[] =
    "invalid (0)invalid (1)invalid (2)invalid (3)invalid (4)invalid (5)invalid (6)"
    "invalid (7)invalid (8)invalid (9)invalid (10)invalid (11)invalid (12)"
    "invalid (13)invalid (14)invalid (15)invalid (16)invalid (17)invalid (18)"
    "invalid (19)invalid (20)invalid (21)invalid (22)invalid (23)invalid (24)"
    "invalid (25)invalid (26)invalid (27)invalid (28)invalid (29)invalid (30)"
    "invalid (31)invalid (32)invalid (33)invalid (34)invalid (35)invalid (36)"
    "invalid (37)invalid (38)invalid (39)invalid (40)invalid (41)invalid (42)"
    "invalid (43)invalid (44)invalid (45)invalid (46)invalid (47)invalid (48)"
    "invalid (49)invalid (50)invalid (51)invalid (52)invalid (53)invalid (54)"
    "invalid (55)invalid (56)invalid (57)invalid (58)invalid (59)invalid (60)"
    "invalid (61)invalid (62)invalid (63)invalid (64)invalid (65)invalid (66)"
    "invalid (67)invalid (68)invalid (69)invalid (70)invalid (71)invalid (72)"
    "invalid (73)invalid (74)invalid (75)invalid (76)invalid (77)invalid (78)"
    "invalid (79)invalid (80)invalid (81)invalid (82)invalid (83)invalid (84)"
    "invalid (85)invalid (86)invalid (87)invalid (88)invalid (89)invalid (90)"
    "invalid (91)invalid (92)invalid (93)invalid (94)invalid (95)invalid (96)"
    "invalid (97)invalid (98)invalid (99)invalid (100)invalid (101)invalid (102)"
    "invalid (103)invalid (104)invalid (105)invalid (106)invalid (107)invalid (108)"
    "invalid (109)invalid (110)invalid (111)invalid (112)invalid (113)invalid (114)"
    "invalid (115)invalid (116)invalid (117)invalid (118)invalid (119)invalid (120)"
    "invalid (121)invalid (122)invalid (123)invalid (124)invalid (125)invalid (126)"
    "invalid (127)invalid (128)invalid (129)invalid (130)invalid (131)invalid (132)"
    "invalid (133)invalid (134)invalid (135)invalid (136)invalid (137)invalid (138)"
    "invalid (139)invalid (140)invalid (141)invalid (142)invalid (143)invalid (144)"
    "invalid (145)invalid (146)invalid (147)invalid (148)invalid (149)invalid (150)"
    "invalid (151)invalid (152)invalid (153)invalid (154)invalid (155)invalid (156)"
    "invalid (157)invalid (158)invalid (159)invalid (160)invalid (161)invalid (162)"
    "invalid (163)invalid (164)invalid (165)invalid (166)invalid (167)invalid (168)"
    "invalid (169)invalid (170)invalid (171)invalid (172)invalid (173)invalid (174)"
    "invalid (175)invalid (176)invalid (177)invalid (178)invalid (179)invalid (180)"
    "invalid (181)invalid (182)invalid (183)invalid (184)invalid (185)invalid (186)"
    "invalid (187)invalid (188)invalid (189)invalid (190)invalid (191)invalid (192)"
    "invalid (193)invalid (194)invalid (195)invalid (196)invalid (197)invalid (198)"
    "invalid (199)invalid (200)invalid (201)invalid (202)invalid (203)invalid (204)"
    "invalid (205)invalid (206)invalid (207)invalid (208)invalid (209)invalid (210)"
    "invalid (211)invalid (212)invalid (213)invalid (214)invalid (215)invalid (216)"
    "invalid (217)invalid (218)invalid (219)invalid (220)invalid (221)invalid (222)"
    "invalid (223)invalid (224)invalid (225)invalid (226)invalid (227)invalid (228)"
    "invalid (229)invalid (230)invalid (231)invalid (232)invalid (233)invalid (234)"
    "invalid (235)invalid (236)invalid (237)invalid (238)invalid (239)invalid (240)"
    "invalid (241)invalid (242)invalid (243)invalid (244)invalid (245)invalid (246)"
    "invalid (247)invalid (248)invalid (249)invalid (250)invalid (251)invalid (252)"
    "invalid (253)invalid (254)invalid (255)";

/// "invalid (7)": the text of a value that is not an enumerator.
template <class E>
    requires(std::is_enum_v<E> && sizeof(E) == 1)
[[nodiscard]] constexpr std::string_view invalid_enum_text(E e) noexcept {
    const auto code = static_cast<std::size_t>(static_cast<std::uint8_t>(e));
    const std::size_t start = code < 10 ? 11 * code : code < 100 ? 110 + 12 * (code - 10)
                                                                 : 1190 + 13 * (code - 100);
    const std::size_t size = code < 10 ? 11 : code < 100 ? 12 : 13;
    return std::string_view(invalid_enum_texts + start, size);
}

/// True when the table lists the values 1, 2, ..., N in that order (every hsct enum should):
/// then a row is found by index, not by search.
template <class E, std::size_t N>
[[nodiscard]] constexpr bool rows_are_1_to_n(const enum_table<E, N>& t) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        if (static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(t.rows[i].value)) !=
            i + 1) {
            return false;
        }
    }
    return true;
}

/// The row of `e`, or nullptr.
template <tabled_enum E>
[[nodiscard]] constexpr const enum_row<E>* find_row(E e) noexcept {
    constexpr auto& t = enum_table_of<E>;
    if constexpr (rows_are_1_to_n(t)) {
        const auto k = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(e));
        return k - 1 < t.rows.size() ? &t.rows[k - 1] : nullptr;
    } else {
        for (const auto& r : t.rows) {
            if (r.value == e) {
                return &r;
            }
        }
        return nullptr;
    }
}

template <class E>
[[nodiscard]] inline std::string enum_code_text(E e) {
    return std::to_string(static_cast<unsigned>(static_cast<std::underlying_type_t<E>>(e)));
}

/// "1 (female), 2 (male)": every valid number with its identifier.
template <tabled_enum E>
[[nodiscard]] std::string enum_valid_list() {
    std::string out("one of ");
    bool first = true;
    for (const auto& r : enum_table_of<E>.rows) {
        if (!first) {
            out += ", ";
        }
        first = false;
        out += concat({enum_code_text(r.value), " (", r.id, ")"});
    }
    return out;
}

/// "female, male": every valid identifier, in table order.
template <tabled_enum E>
[[nodiscard]] std::string enum_id_list() {
    std::string out("one of ");
    bool first = true;
    for (const auto& r : enum_table_of<E>.rows) {
        if (!first) {
            out += ", ";
        }
        first = false;
        out.append(r.id.data(), r.id.size());
    }
    return out;
}

}  // namespace detail

/// Every enumerator of E, in table order.
template <tabled_enum E>
[[nodiscard]] constexpr auto values() noexcept {
    constexpr auto& t = detail::enum_table_of<E>;
    std::array<E, t.rows.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = t.rows[i].value;
    }
    return out;
}

/// The stable name of E's table, e.g. "sex".
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view enum_name() noexcept {
    return detail::enum_table_of<E>.name;
}

/// True when `e` is a declared enumerator (CORE-ENUM-002).
template <tabled_enum E>
[[nodiscard]] constexpr bool is_valid(E e) noexcept {
    constexpr auto& t = detail::enum_table_of<E>;
    if constexpr (detail::rows_are_1_to_n(t)) {
        const auto k = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(e));
        return k - 1 < t.rows.size();
    } else {
        return detail::find_row(e) != nullptr;
    }
}

/// The human label, e.g. "HLA-identical sibling"; "invalid (N)" for a number that is not an
/// enumerator. English; a message catalogue may translate it by the key "<enum name>.<id>".
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view label(E e) noexcept {
    const auto* r = detail::find_row(e);
    return r != nullptr ? r->label : hsct::detail::invalid_enum_text(e);
}

/// The same as label(e).
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view to_string(E e) noexcept {
    return label(e);
}

/// The stable identifier, e.g. "hla_identical_sibling": the form to store and exchange (it
/// never changes when a label or a number does). "invalid (N)" for a number that is not an
/// enumerator, which parse_enum refuses.
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view id(E e) noexcept {
    const auto* r = detail::find_row(e);
    return r != nullptr ? r->id : hsct::detail::invalid_enum_text(e);
}

}  // namespace hsct

#endif  // HSCT_CORE_DETAIL_ENUM_TABLE_HPP
