// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// One mechanism for the stored enums of hsct::patient (PAT-ENUM-001, PAT-ENUM-002).
//
// An enum's numbers may be stored (a database column, a registry export) and read back with a
// cast, so a value outside the declared enumerators can reach any function. Each patient enum
// that a caller may store lists its enumerators once, beside its declaration, each with its
// stable text identifier (snake_case, by convention the enumerator's own name):
//
//   namespace detail {
//   template <> struct enum_values<sex> {
//       static constexpr std::array entries{
//           enum_entry{sex::female, "female"},
//           enum_entry{sex::male, "male"},
//       };
//   };
//   }
//
// and from that one table come:
//   * hsct::patient::is_valid(e)               true for a declared enumerator;
//   * hsct::patient::make_enum<E>(code, field) a stored number -> result<E> (out_of_range);
//   * hsct::patient::id(e)                     the stable identifier, e.g. "hla_identical_sibling"
//                                              (PAT-ENUM-002): the form to store or exchange;
//   * hsct::patient::parse_enum<E>(text, field) an identifier -> result<E> (syntax, listing the
//                                              valid identifiers);
//   * detail::check_enum(e, field)             what every rule entry point calls first: an
//                                              out_of_range error naming the field, the number
//                                              and the valid numbers with their names;
//   * detail::invalid_enum_text(e)             "invalid (7)", what to_string and id print for a
//                                              value that is not an enumerator (never a valid
//                                              name or identifier).
// Each enum's to_string (human wording, sometimes a citation) is separate and is for people.
// The table is checked at compile time wherever id or parse_enum is used: identifiers are
// non-empty snake_case ([a-z][a-z0-9_]*) and unique, and no value is listed twice.
#ifndef HSCT_PATIENT_DETAIL_ENUM_CHECK_HPP
#define HSCT_PATIENT_DETAIL_ENUM_CHECK_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"

namespace hsct::patient {
namespace detail {

/// One row of an enum's table: the enumerator and its stable identifier (PAT-ENUM-002).
template <class E>
struct enum_entry {
    E value;
    std::string_view id;
};

template <class E>
enum_entry(E, const char*) -> enum_entry<E>;

/// Specialised beside each stored enum with `static constexpr std::array entries{...}`: every
/// enumerator in declaration order, each as enum_entry{value, "identifier"}.
template <class E>
struct enum_values;

/// An enum with a table of its enumerators (all patient enums are one byte wide).
template <class E>
concept checked_enum = std::is_enum_v<E> && sizeof(E) == 1 && requires {
    enum_values<E>::entries;
};

/// PAT-ENUM-002: an identifier is non-empty snake_case: a lower-case letter, then lower-case
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

/// PAT-ENUM-002: the table is well formed: every identifier is snake_case, no identifier and no
/// value appears twice.
template <checked_enum E>
[[nodiscard]] constexpr bool enum_table_is_well_formed() noexcept {
    constexpr auto& t = enum_values<E>::entries;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_enum_identifier(t[i].id)) {
            return false;
        }
        for (std::size_t j = i + 1; j < t.size(); ++j) {
            if (t[i].id == t[j].id || t[i].value == t[j].value) {
                return false;
            }
        }
    }
    return true;
}

/// "invalid (N)" for every one-byte code, built at compile time so that to_string(E) can stay
/// a constexpr string_view.
struct invalid_enum_texts {
    std::array<std::array<char, 16>, 256> text{};
    std::array<std::uint8_t, 256> size{};
};

constexpr invalid_enum_texts make_invalid_enum_texts() noexcept {
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

template <checked_enum E>
[[nodiscard]] constexpr bool enum_is_valid(E e) noexcept {
    for (const auto& row : enum_values<E>::entries) {
        if (row.value == e) {
            return true;
        }
    }
    return false;
}

/// The number of an enumerator or code, as text.
template <class E>
    requires std::is_enum_v<E>
[[nodiscard]] inline std::string enum_code_text(E e) {
    return std::to_string(static_cast<unsigned>(static_cast<std::underlying_type_t<E>>(e)));
}

/// "1 (female), 2 (male)": every valid number with its name (to_string found by ADL).
template <checked_enum E>
[[nodiscard]] std::string enum_valid_list() {
    std::string out;
    for (const auto& row : enum_values<E>::entries) {
        if (!out.empty()) {
            out += ", ";
        }
        out += hsct::detail::concat({enum_code_text(row.value), " (", to_string(row.value), ")"});
    }
    return out;
}

/// "female, male": every valid identifier, in table order.
template <checked_enum E>
[[nodiscard]] std::string enum_id_list() {
    std::string out;
    for (const auto& row : enum_values<E>::entries) {
        if (!out.empty()) {
            out += ", ";
        }
        out.append(row.id.data(), row.id.size());
    }
    return out;
}

/// PAT-ENUM-001: nullopt for a declared enumerator; otherwise out_of_range naming `field`, the
/// number and the valid numbers. Builds text only on the error path.
template <checked_enum E>
[[nodiscard]] std::optional<hsct::error> check_enum(E e, std::string_view field) {
    if (enum_is_valid(e)) {
        return std::nullopt;
    }
    return hsct::error(errc::out_of_range, std::string(field), enum_code_text(e),
                       hsct::detail::concat({"one of ", enum_valid_list<E>()}));
}

/// The same for an optional input: nothing to check when it is absent.
template <checked_enum E>
[[nodiscard]] std::optional<hsct::error> check_enum(const std::optional<E>& e,
                                                    std::string_view field) {
    if (!e) {
        return std::nullopt;
    }
    return check_enum(*e, field);
}

}  // namespace detail

/// PAT-ENUM-001: true when `e` is one of its enum's declared enumerators (a number read from
/// storage and cast may not be).
template <detail::checked_enum E>
[[nodiscard]] constexpr bool is_valid(E e) noexcept {
    return detail::enum_is_valid(e);
}

/// PAT-ENUM-001: a stored number -> the enum, checked. Errors: out_of_range naming `field`, the
/// number and the valid numbers with their names. Use this instead of static_cast.
template <detail::checked_enum E>
[[nodiscard]] result<E> make_enum(std::int64_t code, std::string_view field) {
    if (code < 0 || code > 255) {
        return error(errc::out_of_range, std::string(field), std::to_string(code),
                     hsct::detail::concat({"one of ", detail::enum_valid_list<E>()}));
    }
    const E e = static_cast<E>(static_cast<std::underlying_type_t<E>>(code));
    if (auto err = detail::check_enum(e, field)) {
        return *err;
    }
    return e;
}

/// PAT-ENUM-002: the stable, machine-readable identifier of an enumerator, e.g.
/// id(donor_type::hla_identical_sibling) == "hla_identical_sibling". Store and exchange this
/// (it never changes when wording or numbering does); parse_enum reads it back. A value that
/// is not an enumerator gives "invalid (N)", which parse_enum refuses. to_string(e) is the
/// human wording and is not meant to be parsed.
template <detail::checked_enum E>
[[nodiscard]] constexpr std::string_view id(E e) noexcept {
    static_assert(detail::enum_table_is_well_formed<E>(),
                  "enum table: identifiers must be unique snake_case and values listed once");
    for (const auto& row : detail::enum_values<E>::entries) {
        if (row.value == e) {
            return row.id;
        }
    }
    return detail::invalid_enum_text(e);
}

/// PAT-ENUM-002: an identifier written by id() -> the enum. Surrounding blanks are ignored; the
/// match is otherwise exact (case-sensitive, no abbreviations). Errors: syntax naming `field`,
/// the text read and every valid identifier.
template <detail::checked_enum E>
[[nodiscard]] result<E> parse_enum(std::string_view text, std::string_view field) {
    static_assert(detail::enum_table_is_well_formed<E>(),
                  "enum table: identifiers must be unique snake_case and values listed once");
    const std::string_view t = hsct::detail::trim(text);
    for (const auto& row : detail::enum_values<E>::entries) {
        if (row.id == t) {
            return row.value;
        }
    }
    return error(errc::syntax, std::string(field), hsct::detail::quote_input(t),
                 hsct::detail::concat({"one of ", detail::enum_id_list<E>()}));
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_DETAIL_ENUM_CHECK_HPP
