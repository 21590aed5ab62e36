// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// One table per enum (CORE-ENUM-001). Every hsct enum lists its enumerators once, beside its
// declaration, each with a stable identifier (snake_case, for storage and exchange) and a human
// label (English, for people):
//
//   enum class sex : std::uint8_t { female = 1, male = 2 };
//   constexpr auto hsct_enum_table(sex) noexcept {          // found by argument-dependent lookup
//       return hsct::make_enum_table<sex>("sex", {
//           {sex::female, "female", "female"},
//           {sex::male, "male", "male"},
//       });
//   }
//
// and from that one table come, for every such enum E:
//   hsct::values<E>()            every enumerator, in table order (std::array<E, N>)
//   hsct::label(e), to_string(e) the human label; a number that is no enumerator: "invalid (7)"
//   hsct::id(e)                  the stable identifier, e.g. "hla_identical_sibling"
//   hsct::is_valid(e)            true for a declared enumerator (a stored number cast to E may
//                                not be one)
//   hsct::make_enum<E>(n, field) a stored number -> result<E> (out_of_range, listing the valid
//                                numbers with their identifiers)
//   hsct::parse_enum<E>(t, field) an identifier -> result<E> (syntax, listing the identifiers)
//   hsct::enum_name<E>()         the table's own stable name ("sex"); message catalogues key an
//                                enumerator's label as "<enum name>.<id>"
//
// Every use checks that the table has rows and a snake_case name. The full audit (CORE-ENUM-001)
//   static_assert(hsct::audit_enum_table<E>());
// checks that identifiers are unique non-empty snake_case, labels non-empty, values listed once,
// and every named enumerator from 0 to 8 past the largest listed value is listed (a forgotten
// enumerator fails to compile). It costs a few milliseconds an enum in every translation unit
// that asks for it, so it is asked once, where the enum's tests are: hsct's tests audit every
// enum of the library; an application that writes tables for its own enums audits them the
// same way. hsct enums are one byte wide and numbered from 1, so a zero-initialised value is
// never a valid enumerator (CORE-ENUM-002).
#ifndef HSCT_CORE_ENUM_HPP
#define HSCT_CORE_ENUM_HPP

#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "hsct/core/detail/enum_table.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

/// CORE-ENUM-001: the full compile-time audit of E's table (see above); true, or a compile error
/// that names the check that failed.
template <tabled_enum E>
[[nodiscard]] consteval bool audit_enum_table() noexcept {
    return detail::enum_table_audit<E>();
}

/// A stored number -> E, checked (CORE-ENUM-002). Error: out_of_range naming `field`, the
/// number and the valid numbers with their identifiers. Use this instead of static_cast.
template <tabled_enum E>
[[nodiscard]] result<E> make_enum(std::int64_t code, field_ref field) {
    if (code >= 0 && code <= 255) {
        const E e = static_cast<E>(static_cast<std::underlying_type_t<E>>(code));
        if (is_valid(e)) {
            return e;
        }
    }
    return error(errc::out_of_range, field, detail::format_number(code),
                 detail::enum_valid_list<E>());
}

/// An identifier written by id() -> E. Surrounding blanks are ignored; the match is otherwise
/// exact. Error: syntax naming `field`, the text read and every valid identifier.
template <tabled_enum E>
[[nodiscard]] result<E> parse_enum(std::string_view text, field_ref field) {
    const std::string_view t = detail::trim(text);
    for (const auto& r : detail::enum_table_of<E>.rows) {
        if (r.id == t) {
            return r.value;
        }
    }
    return error(errc::syntax, field, detail::quote_input(t), detail::enum_id_list<E>());
}

namespace detail {
/// CORE-ENUM-002: nothing for a declared enumerator; otherwise the out_of_range error every
/// rule entry point returns for a stored number that is not one. Text is built only then.
template <tabled_enum E>
[[nodiscard]] std::optional<error> check_enum(E e, field_ref field) {
    if (is_valid(e)) {
        return std::nullopt;
    }
    return error(errc::out_of_range, field, enum_code_text(e), enum_valid_list<E>());
}

/// The same for an optional input: nothing to check when it is absent.
template <tabled_enum E>
[[nodiscard]] std::optional<error> check_enum(const std::optional<E>& e, field_ref field) {
    if (!e) {
        return std::nullopt;
    }
    return check_enum(*e, field);
}
}  // namespace detail

}  // namespace hsct

#endif  // HSCT_CORE_ENUM_HPP
