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

/// True when V is a named enumerator of its enum. Reads the compiler's own spelling of the
/// template argument: GCC and Clang print a named enumerator by name ("V = ns::sex::male")
/// and any other value as a cast ("V = (ns::sex)7").
template <auto V>
[[nodiscard]] constexpr bool is_named_enumerator() noexcept {
    constexpr std::string_view f = __PRETTY_FUNCTION__;
    constexpr std::size_t at = f.find("V = ");
    static_assert(at != std::string_view::npos, "hsct: unsupported compiler (enum reflection)");
    return f[at + 4] != '(' && !(f[at + 4] >= '0' && f[at + 4] <= '9') && f[at + 4] != '-';
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

template <class E, std::size_t... I>
[[nodiscard]] constexpr bool lists_every_named(std::index_sequence<I...>) noexcept {
    constexpr auto t = hsct_enum_table(E{});
    return ((is_named_enumerator<static_cast<E>(I)>() == table_lists(t, static_cast<E>(I))) &&
            ...);
}

template <class E, std::size_t N>
[[nodiscard]] constexpr bool ids_and_values_unique(const enum_table<E, N>& t) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = i + 1; j < N; ++j) {
            if (t.rows[i].id == t.rows[j].id || t.rows[i].value == t.rows[j].value) {
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

/// The table of E, checked once per translation unit that uses it.
template <tabled_enum E>
[[nodiscard]] constexpr auto checked_enum_table() noexcept {
    constexpr auto t = hsct_enum_table(E{});
    static_assert(t.rows.size() > 0, "hsct enum table: no rows");
    static_assert(is_enum_identifier(t.name), "hsct enum table: the name must be snake_case");
    static_assert(rows_well_formed(t),
                  "hsct enum table: every identifier must be snake_case and every label non-empty");
    static_assert(ids_and_values_unique(t),
                  "hsct enum table: an identifier or a value is listed twice");
    constexpr std::size_t probe_end = largest_code(t) + 9 > 256 ? 256 : largest_code(t) + 9;
    static_assert(lists_every_named<E>(std::make_index_sequence<probe_end>{}),
                  "hsct enum table: an enumerator of the enum is missing from its table");
    return t;
}

template <tabled_enum E>
inline constexpr auto enum_table_of = checked_enum_table<E>();

/// "invalid (N)" for every one-byte code, built at compile time so that labels stay
/// constexpr string_views.
struct invalid_enum_texts {
    std::array<std::array<char, 16>, 256> text{};
    std::array<std::uint8_t, 256> size{};
};

[[nodiscard]] constexpr invalid_enum_texts make_invalid_enum_texts() noexcept {
    invalid_enum_texts t{};
    constexpr std::string_view head = "invalid (";
    for (std::size_t code = 0; code < 256; ++code) {
        auto& out = t.text[code];
        std::size_t n = 0;
        for (const char c : head) {
            out[n++] = c;
        }
        char digits[3] = {};
        std::size_t nd = 0;
        std::size_t v = code;
        do {
            digits[nd++] = static_cast<char>('0' + static_cast<int>(v % 10));
            v /= 10;
        } while (v != 0);
        while (nd > 0) {
            out[n++] = digits[--nd];
        }
        out[n++] = ')';
        t.size[code] = static_cast<std::uint8_t>(n);
    }
    return t;
}

inline constexpr invalid_enum_texts invalid_enum_text_table = make_invalid_enum_texts();

/// "invalid (7)": the text of a value that is not an enumerator.
template <class E>
    requires(std::is_enum_v<E> && sizeof(E) == 1)
[[nodiscard]] constexpr std::string_view invalid_enum_text(E e) noexcept {
    const auto code = static_cast<std::size_t>(static_cast<std::uint8_t>(e));
    return std::string_view(invalid_enum_text_table.text[code].data(),
                            invalid_enum_text_table.size[code]);
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
