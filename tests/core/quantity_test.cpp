// Tests for include/hsct/core/quantity.hpp: the quantity base, unit_info and conversions.
#include <hsct/core/quantity.hpp>
#include <hsct/core/units.hpp>

#include <type_traits>

#include "support/catch.hpp"
#include "support/same_type_and_value.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_quantity_test {

using hsct::test::same_type_and_value;
namespace u = hsct::units;

namespace {
template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept comparable = requires(A a, B b) { a < b; };
template <class Q, class U>
concept readable_in = requires(Q q, U unit) { q.in(unit); };
}  // namespace

TEST_CASE("a quantity is exactly one double: zero overhead", "[core][quantity][CORE-ZERO-001]") {
    STATIC_REQUIRE(sizeof(hsct::mass) == sizeof(double));
    STATIC_REQUIRE(alignof(hsct::mass) == alignof(double));
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::mass>);
    STATIC_REQUIRE(std::is_trivially_destructible_v<hsct::mass>);
    STATIC_REQUIRE(std::is_nothrow_default_constructible_v<hsct::mass>);
    STATIC_REQUIRE(std::is_standard_layout_v<hsct::mass>);
    STATIC_REQUIRE(std::is_empty_v<hsct::units::kilogram_t>);
}

TEST_CASE("a quantity is not built from a bare number, and not read as one",
          "[core][quantity]") {
    STATIC_REQUIRE_FALSE(std::is_constructible_v<hsct::mass, double>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<double, hsct::mass>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<hsct::mass, double>);
    STATIC_REQUIRE(std::is_constructible_v<hsct::mass, double, u::kilogram_t>);
    // A unit of another quantity does not build it.
    STATIC_REQUIRE_FALSE(std::is_constructible_v<hsct::mass, double, u::centimetre_t>);
    STATIC_REQUIRE(hsct::unit_of<u::kilogram_t, hsct::mass>);
    STATIC_REQUIRE_FALSE(hsct::unit_of<u::centimetre_t, hsct::mass>);
    STATIC_REQUIRE(readable_in<hsct::mass, u::gram_t>);
    STATIC_REQUIRE_FALSE(readable_in<hsct::mass, u::metre_t>);
}

TEST_CASE("only values of one quantity add and compare", "[core][quantity]") {
    STATIC_REQUIRE(addable<hsct::mass, hsct::mass>);
    STATIC_REQUIRE_FALSE(addable<hsct::mass, hsct::length>);
    STATIC_REQUIRE_FALSE(addable<hsct::mass, double>);
    STATIC_REQUIRE(comparable<hsct::mass, hsct::mass>);
    STATIC_REQUIRE_FALSE(comparable<hsct::mass, hsct::length>);
    STATIC_REQUIRE_FALSE(comparable<hsct::mass, double>);
}

TEST_CASE("canonical conversion uses the unit's exact num/den", "[core][quantity]") {
    STATIC_REQUIRE(hsct::detail::to_canonical(2.0, u::kg.info) == 2.0);
    STATIC_REQUIRE(hsct::detail::to_canonical(1500.0, u::g.info) == 1.5);
    STATIC_REQUIRE(hsct::detail::from_canonical(1.5, u::g.info) == 1500.0);
    STATIC_REQUIRE(hsct::detail::to_canonical(1.8, u::m.info) == 180.0);
    STATIC_REQUIRE(hsct::detail::from_canonical(180.0, u::m.info) == 1.8);
    // both factors at once (a unit whose num and den are both != 1 does not exist in hsct's
    // tables, so build one here)
    constexpr hsct::unit_info odd{hsct::dimension::mass, 3.0, 4.0, "odd", "odd"};
    STATIC_REQUIRE(hsct::detail::to_canonical(8.0, odd) == 6.0);
    STATIC_REQUIRE(hsct::detail::from_canonical(6.0, odd) == 8.0);
}

TEST_CASE("arithmetic within a quantity is constexpr and exact where the doubles are",
          "[core][quantity]") {
    constexpr hsct::mass a(70.0, u::kg);
    constexpr hsct::mass b(500.0, u::g);
    STATIC_REQUIRE(same_type_and_value(a + b, hsct::mass(70.5, u::kg)));
    STATIC_REQUIRE(same_type_and_value(a - b, hsct::mass(69.5, u::kg)));
    STATIC_REQUIRE(same_type_and_value(-b, hsct::mass(-0.5, u::kg)));
    STATIC_REQUIRE(same_type_and_value(a * 2.0, hsct::mass(140.0, u::kg)));
    STATIC_REQUIRE(same_type_and_value(2.0 * a, hsct::mass(140.0, u::kg)));
    STATIC_REQUIRE(same_type_and_value(a / 2.0, hsct::mass(35.0, u::kg)));
    STATIC_REQUIRE(same_type_and_value(a / b, 140.0));
    STATIC_REQUIRE(b < a);
    STATIC_REQUIRE(a == hsct::mass(70000.0, u::g));
    STATIC_REQUIRE(hsct::mass{} == hsct::mass(0.0, u::mg_mass));
    hsct::mass c = a;
    c += b;
    c -= hsct::mass(0.5, u::kg);
    c *= 3.0;
    c /= 3.0;
    CHECK(c == a);
}

TEST_CASE("the runtime in(unit_info) reads a value in a unit known at run time",
          "[core][quantity]") {
    const hsct::mass w(72.5, u::kg);
    CHECK(w.in(u::g.info) == 72500.0);
    CHECK(w.in(u::kg.info) == 72.5);
}

TEST_CASE("valid_range is closed at both ends", "[core][quantity]") {
    constexpr hsct::valid_range<hsct::mass> r{hsct::mass(1.0, u::kg), hsct::mass(2.0, u::kg)};
    STATIC_REQUIRE_FALSE(r.contains(hsct::mass(0.999, u::kg)));
    STATIC_REQUIRE(r.contains(hsct::mass(1.0, u::kg)));
    STATIC_REQUIRE(r.contains(hsct::mass(2.0, u::kg)));
    STATIC_REQUIRE_FALSE(r.contains(hsct::mass(2.001, u::kg)));
}

TEST_CASE("dimension names read well in messages", "[core][quantity]") {
    CHECK(hsct::to_string(hsct::dimension::dose_per_area) == "dose per body surface area");
    CHECK(hsct::to_string(hsct::dimension::cell_concentration) == "cell concentration");
    CHECK(hsct::to_string(static_cast<hsct::dimension>(200)) == "invalid (200)");
}

}  // namespace hsct_test_core_quantity_test
