// Tests for include/hsct/core/detail/text.hpp: number formatting and strict number reading,
// which every printer and parser relies on.
#include <hsct/core/detail/text.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_text_test {

using hsct::detail::format_number;
using hsct::detail::read_integer;
using hsct::detail::read_number;

TEST_CASE("format_number prints the shortest text that reads back exactly", "[core][text]") {
    CHECK(format_number(2.4) == "2.4");
    CHECK(format_number(1e9) == "1e+09");
    CHECK(format_number(0.1 + 0.2) == "0.30000000000000004");
    CHECK(format_number(std::numeric_limits<double>::quiet_NaN()) == "nan");
    CHECK(format_number(std::numeric_limits<double>::infinity()) == "inf");
    CHECK(format_number(-std::numeric_limits<double>::infinity()) == "-inf");
    CHECK(format_number(std::int64_t{-36525}) == "-36525");
    for (const double v : {0.0, 1.0 / 3.0, 17.1, 88.4, 1e-300, 1.7976931348623157e308}) {
        CHECK(read_number(format_number(v)).value() == v);
    }
}

TEST_CASE("read_number accepts only a whole finite decimal", "[core][text]") {
    CHECK(read_number("2.4") == 2.4);
    CHECK(read_number("+2.4") == 2.4);
    CHECK(read_number("-2.4") == -2.4);
    CHECK(read_number("1e9") == 1e9);
    CHECK(read_number(".5") == 0.5);
    for (const char* bad : {"", "+", "-", "2.4x", " 2.4", "nan", "inf", "-inf", "1e400", "0x1p3",
                            "+-1", "++1", "1,5"}) {
        CAPTURE(bad);
        CHECK_FALSE(read_number(bad).has_value());
    }
}

TEST_CASE("number_overflows tells a too-large number from malformed text", "[core][text]") {
    CHECK(hsct::detail::number_overflows("1e400"));
    CHECK(hsct::detail::number_overflows("+1e400"));
    CHECK(hsct::detail::number_overflows("-1e400"));
    CHECK_FALSE(hsct::detail::number_overflows("1e300"));
    CHECK_FALSE(hsct::detail::number_overflows("1e400x"));
    CHECK_FALSE(hsct::detail::number_overflows(""));
    CHECK_FALSE(hsct::detail::number_overflows("abc"));
}

TEST_CASE("read_integer accepts only a whole integer that fits", "[core][text]") {
    CHECK(read_integer("42") == 42);
    CHECK(read_integer("+42") == 42);
    CHECK(read_integer("-42") == -42);
    for (const char* bad : {"", "4.2", "99999999999999999999", "x", "+-1"}) {
        CAPTURE(bad);
        CHECK_FALSE(read_integer(bad).has_value());
    }
}

TEST_CASE("trim and quote_input", "[core][text]") {
    CHECK(hsct::detail::trim("  a b \t\n") == "a b");
    CHECK(hsct::detail::trim("   ").empty());
    CHECK(hsct::detail::quote_input("a\x01" "b") == "a?b");
    CHECK(hsct::detail::quote_input(std::string(100, 'x')).size() == 67);
    // 63 ASCII bytes then a two-byte micro sign across the 64-byte limit: the sign is dropped
    // whole, not cut in half.
    const std::string micro = std::string(63, 'x') + "\xC2\xB5" + "mol/L";
    CHECK(hsct::detail::quote_input(micro) == std::string(63, 'x') + "...");
    const std::string fits = std::string(62, 'x') + "\xC2\xB5" + "mol/L";
    CHECK(hsct::detail::quote_input(fits) == std::string(62, 'x') + "\xC2\xB5...");
}

TEST_CASE("no printer shows a negative zero", "[core][text][CORE-DISPLAY-001]") {
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(0.0) == "0");
    CHECK(read_number(format_number(-0.0)).value() == -0.0);  // equal: the round trip holds
    CHECK(format_number(-1e-300) == "-1e-300");
    const auto dropped = [](std::string s) {
        hsct::detail::drop_negative_zero(s);
        return s;
    };
    CHECK(dropped("-0") == "0");
    CHECK(dropped("-0.000") == "0.000");
    CHECK(dropped("-0,00") == "0,00");
    CHECK(dropped("-0.0e+00") == "0.0e+00");
    CHECK(dropped("-0.0E+05") == "0.0E+05");
    CHECK(dropped("-0x0p+0") == "0x0p+0");
    CHECK(dropped("-0.01") == "-0.01");
    CHECK(dropped("-1e-300") == "-1e-300");
    CHECK(dropped("-0x1p-3") == "-0x1p-3");
    CHECK(dropped("-nan") == "-nan");
    CHECK(dropped("-inf") == "-inf");
    CHECK(dropped("-") == "-");
    CHECK(dropped("0.0") == "0.0");
    CHECK(dropped("") == "");
}

}  // namespace hsct_test_core_text_test
