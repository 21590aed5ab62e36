// Tests for include/hsct/core/number_format.hpp: reading numbers under a declared number
// convention (CORE-TEXT-001) and fixed-decimal printing that never shows "-0".
#include <hsct/core/number_format.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_number_format_test {

using hsct::decimal_mark;
using hsct::group_separator;
using hsct::number_convention;
using hsct::read_number;

namespace {
constexpr number_convention continental{.decimal = decimal_mark::comma,
                                         .grouping = group_separator::period};
constexpr number_convention english_grouped{.decimal = decimal_mark::point,
                                            .grouping = group_separator::comma};
}  // namespace

TEST_CASE("the default convention reads a plain decimal number", "[core][number][CORE-TEXT-001]") {
    STATIC_REQUIRE(number_convention{} ==
                   number_convention{decimal_mark::point, group_separator::none});
    CHECK(read_number("1250.5").value() == 1250.5);
    CHECK(read_number("  12.5\t").value() == 12.5);
    CHECK(read_number("+5").value() == 5.0);
    CHECK(read_number("-5").value() == -5.0);
    CHECK(read_number(".5").value() == 0.5);
    CHECK(read_number("5.").value() == 5.0);
    CHECK(read_number("1e9").value() == 1e9);
    CHECK(read_number("2.5E-3").value() == 0.0025);
    CHECK(read_number("0012").value() == 12.0);
    // "1.250" is 1.25 under a decimal point: the convention decides, hsct does not guess.
    CHECK(read_number("1.250").value() == 1.25);
}

TEST_CASE("without a declared convention a thousands separator is a syntax error that says why",
          "[core][number][CORE-TEXT-001]") {
    const auto comma = read_number("1,250", {}, "anc");
    REQUIRE_FALSE(comma.has_value());
    CHECK(comma.error().code() == hsct::errc::syntax);
    CHECK(comma.error().field() == "anc");
    CHECK(comma.error().value() == "1,250");
    CHECK(comma.error().valid_range() ==
          "a number with a decimal point and no thousands separator, e.g. '1250.5'; ',' is "
          "ambiguous (decimal comma or thousands separator): declare a number_convention");
    const auto both = read_number("1.250,5");
    REQUIRE_FALSE(both.has_value());
    CHECK(both.error().code() == hsct::errc::syntax);
    CHECK(both.error().valid_range().find("',' is ambiguous") != std::string::npos);
    const auto twice = read_number("1.250.000");
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().valid_range() ==
          "a number with a decimal point and no thousands separator, e.g. '1250.5'; more than "
          "one '.'; '.' as a thousands separator needs a declared number_convention");
    for (const char* blank : {"1 250", "1'250", "1\xC2\xA0" "250", "1\xE2\x80\x89" "250",
                              "1\xE2\x80\xAF" "250"}) {
        CAPTURE(blank);
        const auto r = read_number(blank);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
        CHECK(r.error().valid_range() ==
              "a number with a decimal point and no thousands separator, e.g. '1250.5'; a "
              "thousands separator (space, thin space or apostrophe) needs a declared "
              "number_convention");
    }
}

TEST_CASE("a declared convention reads its decimal mark and thousands separator",
          "[core][number][CORE-TEXT-001]") {
    CHECK(read_number("1.250,5", continental).value() == 1250.5);
    CHECK(read_number("1.250.000", continental).value() == 1250000.0);
    CHECK(read_number("1250,5", continental).value() == 1250.5);
    CHECK(read_number("0,5", continental).value() == 0.5);
    CHECK(read_number("-1.250,25", continental).value() == -1250.25);
    CHECK(read_number("1,5e3", continental).value() == 1500.0);
    CHECK(read_number("1,250,000.5", english_grouped).value() == 1250000.5);
    CHECK(read_number("999", english_grouped).value() == 999.0);
    const number_convention swiss{.decimal = decimal_mark::point,
                                  .grouping = group_separator::apostrophe};
    CHECK(read_number("1'250.5", swiss).value() == 1250.5);
    const number_convention french{.decimal = decimal_mark::comma,
                                   .grouping = group_separator::space};
    CHECK(read_number("1 250,5", french).value() == 1250.5);
    CHECK(read_number("1\xC2\xA0" "250,5", french).value() == 1250.5);  // no-break space
    const number_convention si{.decimal = decimal_mark::comma,
                               .grouping = group_separator::thin_space};
    CHECK(read_number("1\xE2\x80\x89" "250,5", si).value() == 1250.5);  // thin space
    CHECK(read_number("1\xE2\x80\xAF" "250,5", si).value() == 1250.5);  // narrow no-break space
    const number_convention comma_only{.decimal = decimal_mark::comma,
                                       .grouping = group_separator::none};
    CHECK(read_number("150,5", comma_only).value() == 150.5);
}

TEST_CASE("with a declared convention, grouping must be well formed",
          "[core][number][CORE-TEXT-001]") {
    for (const char* bad : {"1.25", "12.50", "1.2500", ".250", "1..250", "1.250.", "1.250.00",
                            "1234.567"}) {
        CAPTURE(bad);
        const auto r = read_number(bad, continental);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
    }
    const auto groups = read_number("1,25", english_grouped);
    REQUIRE_FALSE(groups.has_value());
    CHECK(groups.error().valid_range() ==
          "a number with a decimal point and a comma between groups of three digits, e.g. "
          "'1,250.5'; digits in groups of three between thousands separators");
    const auto after_mark = read_number("1,250.5", continental);
    REQUIRE_FALSE(after_mark.has_value());
    CHECK(after_mark.error().valid_range() ==
          "a number with a decimal comma and a period between groups of three digits, e.g. "
          "'1.250,5'; a thousands separator only between digits before the decimal mark");
    const auto other = read_number("1 250,5", continental);
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().valid_range().find("a thousands separator other than this convention's") !=
          std::string::npos);
}

TEST_CASE("malformed numbers, overflow and invalid conventions", "[core][number][CORE-TEXT-001]") {
    for (const char* bad : {"", " ", "+", "-", ".", "+-1", "++1", "1e", "1e+", "nan", "inf",
                            "-inf", "0x10", "1.2.3e4x", "12abc", "1 2"}) {
        CAPTURE(bad);
        const auto r = read_number(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
    }
    CHECK(read_number("1e").error().valid_range() ==
          "a number with a decimal point and no thousands separator, e.g. '1250.5'; digits "
          "after the exponent 'e'");
    for (const char* huge : {"1e400", "-1e400", "1e-400"}) {
        CAPTURE(huge);
        const auto r = read_number(huge);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().value() == huge);
    }
    const auto same = read_number("1", {.decimal = decimal_mark::comma,
                                        .grouping = group_separator::comma});
    REQUIRE_FALSE(same.has_value());
    CHECK(same.error().code() == hsct::errc::inconsistent);
    CHECK(same.error().field() == "number_convention");
    CHECK(read_number("1", {.decimal = decimal_mark::point, .grouping = group_separator::period})
              .error()
              .code() == hsct::errc::inconsistent);
    const auto stored = read_number("1", {.decimal = static_cast<decimal_mark>(9)});
    REQUIRE_FALSE(stored.has_value());
    CHECK(stored.error().code() == hsct::errc::out_of_range);
    CHECK(stored.error().field() == "number_convention.decimal");
    CHECK(read_number("1", {.grouping = static_cast<group_separator>(0)}).error().field() ==
          "number_convention.grouping");
    // Long text is read too (past the small buffer).
    const std::string long_number = "0." + std::string(200, '0') + "1";
    CHECK(read_number(long_number).value() == 1e-201);
}

TEST_CASE("convention enums use the enum table", "[core][number][CORE-ENUM-001]") {
    STATIC_REQUIRE(sizeof(decimal_mark) == 1);
    STATIC_REQUIRE(sizeof(group_separator) == 1);
    STATIC_REQUIRE(hsct::values<group_separator>().size() == 6);
    CHECK(hsct::id(group_separator::thin_space) == "thin_space");
    CHECK(hsct::label(decimal_mark::comma) == "decimal comma");
    CHECK(hsct::parse_enum<group_separator>("apostrophe", "g").value() ==
          group_separator::apostrophe);
    CHECK(hsct::make_enum<decimal_mark>(2, "d").value() == decimal_mark::comma);
    CHECK_FALSE(hsct::make_enum<decimal_mark>(0, "d").has_value());
}

TEST_CASE("format_fixed prints a fixed number of decimals and never -0",
          "[core][number][CORE-DISPLAY-001]") {
    CHECK(hsct::format_fixed(72.45, 1) == "72.5");  // the double nearest 72.45 is above it
    CHECK(hsct::format_fixed(72.5, 0) == "72");     // an exact tie goes to the even digit
    CHECK(hsct::format_fixed(73.5, 0) == "74");
    CHECK(hsct::format_fixed(1.0 / 3.0, 2) == "0.33");
    CHECK(hsct::format_fixed(2.0, 3) == "2.000");
    CHECK(hsct::format_fixed(-0.04, 1) == "0.0");
    CHECK(hsct::format_fixed(-0.0, 0) == "0");
    CHECK(hsct::format_fixed(-0.0, 2) == "0.00");
    CHECK(hsct::format_fixed(-1e-300, 17) == "0.00000000000000000");
    CHECK(hsct::format_fixed(-0.06, 1) == "-0.1");
    CHECK(hsct::format_fixed(-2.5, 1) == "-2.5");
    CHECK(hsct::format_fixed(1e20, 2) == "100000000000000000000.00");
    CHECK(hsct::format_fixed(1.5, -3) == "2");
    CHECK(hsct::format_fixed(0.1, 40) == "0.10000000000000001");
    CHECK(hsct::format_fixed(std::numeric_limits<double>::quiet_NaN(), 2) == "nan");
    CHECK(hsct::format_fixed(-std::numeric_limits<double>::infinity(), 2) == "-inf");
    CHECK(hsct::format_fixed(std::numeric_limits<double>::max(), 17).size() == 309 + 1 + 17);
    CHECK(hsct::format_fixed(std::numeric_limits<double>::lowest(), 17).size() == 1 + 309 + 1 + 17);
}

}  // namespace hsct_test_core_number_format_test
