// Tests for include/hsct/core/enum.hpp (and detail/enum_table.hpp): one table per enum
// (CORE-ENUM-001) and stored numbers and identifiers checked at every entry (CORE-ENUM-002).
#include <hsct/core/enum.hpp>
#include <hsct/core/analyte.hpp>
#include <hsct/core/clinical.hpp>
#include <hsct/core/demographics.hpp>
#include <hsct/core/explain.hpp>
#include <hsct/core/number_format.hpp>
#include <hsct/core/quantity.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_enum_test {

namespace test_enums {
enum class colour : std::uint8_t { red = 1, green = 2, blue = 3 };
constexpr auto hsct_enum_table(colour) noexcept {
    return hsct::make_enum_table<colour>("colour", {
        {colour::red, "red", "Red"},
        {colour::green, "green", "Green"},
        {colour::blue, "blue", "Blue (sky)"},
    });
}
enum class untabled : std::uint8_t { a = 1 };
enum class wide : std::uint16_t { a = 1 };
}  // namespace test_enums

namespace {
using test_enums::colour;

// An enum in an anonymous namespace: the compilers spell its enumerators with a parenthesis
// ("(anonymous namespace)::shade::dark"), which must not be read as a cast.
enum class shade : std::uint8_t { light = 1, dark = 2 };
constexpr auto hsct_enum_table(shade) noexcept {
    return hsct::make_enum_table<shade>("shade", {{shade::light, "light", "light"},
                                                  {shade::dark, "dark", "dark"}});
}

// A table that forgets `b`: only the probe may look at it (any other use does not compile).
enum class forgetful : std::uint8_t { a = 1, b = 2, c = 3 };
constexpr auto hsct_enum_table(forgetful) noexcept {
    return hsct::make_enum_table<forgetful>("forgetful", {{forgetful::a, "a", "a"},
                                                          {forgetful::c, "c", "c"}});
}

template <class T>
concept has_label = requires(T t) { hsct::label(t); };

// Every enum of core. A new core enum is added here: the test below fails when this list is
// shorter than the number of `constexpr auto hsct_enum_table(` definitions under
// include/hsct/core, which CMake counts (HSCT_CORE_ENUM_TABLES).
using all_core_enums =
    std::tuple<hsct::errc, hsct::dimension, hsct::analyte_id, hsct::sex, hsct::age_resolution,
               hsct::disease, hsct::cytogenetic_risk, hsct::mds_cytogenetic_risk,
               hsct::disease_status, hsct::conditioning_intensity, hsct::donor_type,
               hsct::outcome, hsct::comparator, hsct::count_unit, hsct::decimal_mark,
               hsct::group_separator>;

template <class E>
std::size_t check_round_trip() {
    STATIC_REQUIRE(hsct::tabled_enum<E>);
    STATIC_REQUIRE(hsct::audit_enum_table<E>());  // CORE-ENUM-001's full audit
    std::set<std::string, std::less<>> ids;
    std::size_t n = 0;
    for (const E e : hsct::values<E>()) {
        CAPTURE(hsct::enum_name<E>(), hsct::id(e));
        CHECK(hsct::is_valid(e));
        CHECK(hsct::detail::is_enum_identifier(hsct::id(e)));
        CHECK_FALSE(hsct::label(e).empty());
        CHECK(hsct::to_string(e) == hsct::label(e));
        CHECK(ids.insert(std::string(hsct::id(e))).second);
        CHECK(hsct::parse_enum<E>(hsct::id(e), "f").value() == e);
        const auto code = static_cast<std::int64_t>(static_cast<std::underlying_type_t<E>>(e));
        CHECK(code >= 1);  // CORE-ENUM-002: numbered from 1
        CHECK(hsct::make_enum<E>(code, "f").value() == e);
        ++n;
    }
    CHECK_FALSE(hsct::is_valid(static_cast<E>(0)));
    return n;
}

template <class... E>
std::size_t check_all(std::tuple<E...>*) {
    return (check_round_trip<E>() + ...);
}
}  // namespace

TEST_CASE("a table gives values, labels, ids and its name", "[core][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(hsct::values<colour>().size() == 3);
    STATIC_REQUIRE(hsct::values<colour>()[2] == colour::blue);
    STATIC_REQUIRE(hsct::label(colour::blue) == "Blue (sky)");
    STATIC_REQUIRE(hsct::id(colour::blue) == "blue");
    STATIC_REQUIRE(hsct::enum_name<colour>() == "colour");
    STATIC_REQUIRE(hsct::is_valid(colour::green));
    STATIC_REQUIRE_FALSE(hsct::is_valid(static_cast<colour>(4)));
    CHECK(hsct::to_string(colour::red) == "Red");
}

TEST_CASE("a number that is no enumerator prints as invalid and has no id",
          "[core][enum][CORE-ENUM-002]") {
    CHECK(hsct::label(static_cast<colour>(0)) == "invalid (0)");
    CHECK(hsct::id(static_cast<colour>(7)) == "invalid (7)");
    CHECK(hsct::label(static_cast<colour>(255)) == "invalid (255)");
    CHECK_FALSE(hsct::parse_enum<colour>(hsct::id(static_cast<colour>(7)), "c").has_value());
}

TEST_CASE("make_enum checks a stored number", "[core][enum][CORE-ENUM-002]") {
    CHECK(hsct::make_enum<colour>(2, "c").value() == colour::green);
    for (const std::int64_t bad : {0LL, 4LL, -1LL, 256LL, 100000LL}) {
        CAPTURE(bad);
        const auto r = hsct::make_enum<colour>(bad, hsct::field_ref("patient", "colour"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == "patient.colour");
        CHECK(r.error().value() == std::to_string(bad));
        CHECK(r.error().valid_range() == "one of 1 (red), 2 (green), 3 (blue)");
    }
}

TEST_CASE("parse_enum reads ids exactly", "[core][enum][CORE-ENUM-002]") {
    CHECK(hsct::parse_enum<colour>("  blue ", "c").value() == colour::blue);
    for (const char* bad : {"Blue", "BLUE", "blu", "", "Blue (sky)", "1"}) {
        CAPTURE(bad);
        const auto r = hsct::parse_enum<colour>(bad, "c");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
        CHECK(r.error().valid_range() == "one of red, green, blue");
    }
}

TEST_CASE("check_enum names the field and builds no text for a valid value",
          "[core][enum][CORE-ENUM-002]") {
    const hsct_test::allocation_counter n;
    const auto ok = hsct::detail::check_enum(colour::red, hsct::field_ref("a", "b", "c"));
    CHECK(n.count() == 0);
    CHECK_FALSE(ok.has_value());
    const auto bad = hsct::detail::check_enum(static_cast<colour>(9), hsct::field_ref("a", "b").at(2));
    REQUIRE(bad.has_value());
    CHECK(bad->field() == "a.b[2]");
    CHECK(bad->value() == "9");
    const std::optional<colour> absent;
    CHECK_FALSE(hsct::detail::check_enum(absent, "x").has_value());
}

TEST_CASE("identifier rules", "[core][enum][CORE-ENUM-001]") {
    CHECK(hsct::detail::is_enum_identifier("cr1"));
    CHECK(hsct::detail::is_enum_identifier("a_b_2"));
    CHECK_FALSE(hsct::detail::is_enum_identifier(""));
    CHECK_FALSE(hsct::detail::is_enum_identifier("CR1"));
    CHECK_FALSE(hsct::detail::is_enum_identifier("1st"));
    CHECK_FALSE(hsct::detail::is_enum_identifier("_x"));
    CHECK_FALSE(hsct::detail::is_enum_identifier("cr 1"));
    CHECK_FALSE(hsct::detail::is_enum_identifier("cr-1"));
}

TEST_CASE("the compiler names enumerators and not other values", "[core][enum][CORE-ENUM-001]") {
    using hsct::detail::is_cast_spelling;
    CHECK_FALSE(is_cast_spelling("test_enums::colour::red"));
    CHECK_FALSE(is_cast_spelling("(anonymous namespace)::shade::dark"));  // Clang
    CHECK_FALSE(is_cast_spelling("<unnamed>::shade::dark"));               // GCC
    CHECK(is_cast_spelling("(test_enums::colour)0"));
    CHECK(is_cast_spelling("((anonymous namespace)::shade)3"));
    CHECK(is_cast_spelling("(test_enums::colour)-1"));
    CHECK_FALSE(is_cast_spelling("hsct::disease_status::cr1"));  // a name that ends in a digit
    CHECK_FALSE(is_cast_spelling(""));
    // The whole probe, as the table check runs it (codes 0 to 12), on this compiler's spelling.
    STATIC_REQUIRE(hsct::detail::lists_every_named<colour>(std::make_index_sequence<13>{}));
    STATIC_REQUIRE(hsct::detail::lists_every_named<shade>(std::make_index_sequence<12>{}));
    STATIC_REQUIRE(hsct::detail::lists_every_named<hsct::errc>(std::make_index_sequence<40>{}));
    // A table that forgets an enumerator fails the probe (enum_table_of would not compile).
    STATIC_REQUIRE_FALSE(hsct::detail::lists_every_named<forgetful>(std::make_index_sequence<12>{}));
    STATIC_REQUIRE(hsct::label(shade::dark) == "dark");
}

TEST_CASE("a table that lists an identifier or a value twice is refused",
          "[core][enum][CORE-ENUM-001]") {
    using hsct::detail::ids_and_values_unique;
    constexpr auto good = hsct::make_enum_table<colour>(
        "colour", {{colour::red, "red", "Red"}, {colour::green, "green", "Green"}});
    constexpr auto same_id = hsct::make_enum_table<colour>(
        "colour", {{colour::red, "red", "Red"}, {colour::green, "red", "Green"}});
    constexpr auto same_value = hsct::make_enum_table<colour>(
        "colour", {{colour::red, "red", "Red"}, {colour::red, "green", "Green"}});
    // same length, one letter apart: still different identifiers
    constexpr auto near_ids = hsct::make_enum_table<colour>(
        "colour", {{colour::red, "cr1", "CR1"}, {colour::green, "cr2", "CR2"}});
    STATIC_REQUIRE(ids_and_values_unique(good));
    STATIC_REQUIRE_FALSE(ids_and_values_unique(same_id));
    STATIC_REQUIRE_FALSE(ids_and_values_unique(same_value));
    STATIC_REQUIRE(ids_and_values_unique(near_ids));
}

TEST_CASE("only one-byte enums with a table are hsct enums", "[core][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(has_label<colour>);
    STATIC_REQUIRE_FALSE(has_label<test_enums::untabled>);
    STATIC_REQUIRE_FALSE(has_label<test_enums::wide>);
    STATIC_REQUIRE_FALSE(has_label<int>);
}

TEST_CASE("every core enum round-trips through its id and its number",
          "[core][enum][CORE-ENUM-001][CORE-ENUM-002]") {
    const std::size_t enumerators = check_all(static_cast<all_core_enums*>(nullptr));
    CHECK(enumerators > std::tuple_size_v<all_core_enums>);
#ifdef HSCT_CORE_ENUM_TABLES
    CHECK(std::tuple_size_v<all_core_enums> == HSCT_CORE_ENUM_TABLES);
#endif
}

}  // namespace hsct_test_core_enum_test
