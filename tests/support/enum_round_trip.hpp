// Audits an hsct enum's table at compile time and reads every enumerator back from its stable id
// and its stored number (CORE-ENUM-001/002); returns the number of enumerators checked.
#ifndef HSCT_TESTS_SUPPORT_ENUM_ROUND_TRIP_HPP
#define HSCT_TESTS_SUPPORT_ENUM_ROUND_TRIP_HPP

#include <hsct/core/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>

#include "support/catch.hpp"

namespace hsct_test {

template <class E>
std::size_t enum_round_trips() {
    STATIC_REQUIRE(hsct::audit_enum_table<E>());  // CORE-ENUM-001's full audit
    std::size_t n = 0;
    for (const E e : hsct::values<E>()) {
        CAPTURE(hsct::id(e));
        CHECK(hsct::parse_enum<E>(hsct::id(e), "field").value() == e);
        const auto code = static_cast<std::int64_t>(static_cast<std::underlying_type_t<E>>(e));
        CHECK(hsct::make_enum<E>(code, "field").value() == e);
        CHECK_FALSE(hsct::label(e).empty());
        ++n;
    }
    return n;
}

/// The number of enums of a module's list (a std::tuple of them) whose stored forms round-trip:
/// a vocabulary test compares it with the number of enum tables CMake counted in the module.
template <class... E>
std::size_t round_trip_all(std::tuple<E...>* /*list*/) {
    std::size_t enums = 0;
    ((enum_round_trips<E>() > 0 ? ++enums : enums), ...);
    return enums;
}

}  // namespace hsct_test

#endif  // HSCT_TESTS_SUPPORT_ENUM_ROUND_TRIP_HPP
