// Tests for include/hsct/core/format.hpp: the shared text used by std::formatter (where the
// standard library has <format>) and by <hsct/fmt.hpp>.
#include <hsct/core/format.hpp>

#include <string>

#include "support/catch.hpp"

#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L
#include <format>
#endif

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_format_test {

using namespace hsct::literals;

TEST_CASE("formatters print exactly what to_string prints", "[core][format]") {
    STATIC_REQUIRE(hsct::detail::hsct_printable<hsct::mass>);
    STATIC_REQUIRE(hsct::detail::hsct_printable<hsct::transplant_day>);
    STATIC_REQUIRE(hsct::detail::hsct_printable<hsct::timeline>);
    STATIC_REQUIRE_FALSE(hsct::detail::hsct_printable<double>);
    CHECK(hsct::detail::text_of(72.5_kg) == hsct::to_string(72.5_kg));
    CHECK(hsct::detail::text_of(hsct::transplant_day::at(-7)) == "D-7");
    const hsct::error e(hsct::errc::missing, "f", "", "x");
    CHECK(hsct::detail::text_of(e) == e.message());
}

TEST_CASE("a quantity's format spec splits into the whole text's and the number's",
          "[core][format]") {
    using hsct::detail::parse_quantity_spec;
    constexpr auto plain = parse_quantity_spec("");
    STATIC_REQUIRE(plain.valid);
    STATIC_REQUIRE_FALSE(plain.numeric);
    constexpr auto width = parse_quantity_spec("*^12");
    STATIC_REQUIRE(width.valid);
    STATIC_REQUIRE_FALSE(width.numeric);
    STATIC_REQUIRE(width.fill[0] == '*');
    STATIC_REQUIRE(width.align == '^');
    STATIC_REQUIRE(width.width == 12);
    constexpr auto fixed = parse_quantity_spec(">+#10.2f");
    STATIC_REQUIRE(fixed.valid);
    STATIC_REQUIRE(fixed.numeric);
    STATIC_REQUIRE(fixed.align == '>');
    STATIC_REQUIRE(fixed.sign == '+');
    STATIC_REQUIRE(fixed.alternate);
    STATIC_REQUIRE(fixed.width == 10);
    STATIC_REQUIRE(fixed.precision == 2);
    STATIC_REQUIRE(fixed.type == 'f');
    STATIC_REQUIRE(parse_quantity_spec(".3").numeric);
    STATIC_REQUIRE(parse_quantity_spec(".3").type == 0);
    STATIC_REQUIRE(parse_quantity_spec("e").numeric);
    STATIC_REQUIRE(parse_quantity_spec("\xC2\xB7<9.1f").fill_size == 2);  // a UTF-8 fill
    STATIC_REQUIRE(parse_quantity_spec("\xC2\xB7<9.1f").valid);
    STATIC_REQUIRE(parse_quantity_spec("s").valid);
    STATIC_REQUIRE_FALSE(parse_quantity_spec("s").numeric);
    // Not understood: handed to the string formatter, which refuses them.
    for (const char* bad : {"08.1f", "{}.1f", ".{}f", ".f", "d", ".1fx", "L"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_quantity_spec(bad).valid);
    }
    // 's' asks for the text: the string formatter's spec, not a number's.
    STATIC_REQUIRE_FALSE(parse_quantity_spec(".1s").numeric);
    STATIC_REQUIRE_FALSE(parse_quantity_spec("+s").numeric);
}

TEST_CASE("the number's text, without -0, then the unit, padded as a whole", "[core][format]") {
    using hsct::detail::compose_quantity_text;
    using hsct::detail::parse_quantity_spec;
    CHECK(compose_quantity_text("72.5", "kg", parse_quantity_spec(".1f")) == "72.5 kg");
    CHECK(compose_quantity_text("-0.0", "kg", parse_quantity_spec(".1f")) == "0.0 kg");
    CHECK(compose_quantity_text("-0.0", "kg", parse_quantity_spec("+.1f")) == "+0.0 kg");
    CHECK(compose_quantity_text("-0.0", "kg", parse_quantity_spec(" .1f")) == " 0.0 kg");
    CHECK(compose_quantity_text("1.50", "m2", parse_quantity_spec(">10.2f")) == "   1.50 m2");
    CHECK(compose_quantity_text("1.50", "m2", parse_quantity_spec("10.2f")) == "1.50 m2   ");
    CHECK(compose_quantity_text("1.50", "m2", parse_quantity_spec("*^10.2f")) == "*1.50 m2**");
    CHECK(compose_quantity_text("1.50", "m2", parse_quantity_spec("\xC2\xB7>9.2f")) ==
          "\xC2\xB7\xC2\xB7" "1.50 m2");
    CHECK(compose_quantity_text("1.50", "m2", parse_quantity_spec(">3.2f")) == "1.50 m2");
    char buf[16];
    CHECK(hsct::detail::number_spec_text(parse_quantity_spec(">+#10.12e"), buf) == "{:+#.12e}");
    CHECK(hsct::detail::number_spec_text(parse_quantity_spec(".100"), buf) == "{:.100}");
}

#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L
TEST_CASE("std::format prints hsct values with the string format spec", "[core][format]") {
    CHECK(std::format("{}", 72.5_kg) == "72.5 kg");
    CHECK(std::format("[{:>8}]", hsct::transplant_day::at(-7)) == "[     D-7]");
    CHECK(std::format("[{:>9}]", 72.5_kg) == "[  72.5 kg]");
}

TEST_CASE("std::format applies a number spec to a quantity's number", "[core][format]") {
    CHECK(std::format("{:.1f}", hsct::mass(72.45, hsct::units::kg)) == "72.5 kg");
    CHECK(std::format("[{:>10.2f}]", 1.5_m2) == "[   1.50 m2]");
    CHECK(std::format("{:.1f}", hsct::mass(-0.04, hsct::units::kg)) == "0.0 kg");
    CHECK(std::format("{:.2e}", 72.5_kg) == "7.25e+01 kg");
}
#endif

}  // namespace hsct_test_core_format_test
