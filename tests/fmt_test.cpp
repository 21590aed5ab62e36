// Tests for include/hsct/fmt.hpp: {fmt} formatters (test-only dependency on libfmt-dev).
#include <hsct/core/analyte.hpp>
#include <hsct/fmt.hpp>

#include <fmt/format.h>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_fmt_test {

using namespace hsct::literals;

TEST_CASE("fmt::format prints hsct values as to_string does", "[fmt]") {
    CHECK(fmt::format("{}", 72.5_kg) == "72.5 kg");
    CHECK(fmt::format("{}", hsct::anc(500.0, hsct::units::per_ul)) == "0.5 x10^9/L");
    CHECK(fmt::format("{}", hsct::transplant_day::at(100)) == "D+100");
    CHECK(fmt::format("{}", hsct::timeline::single(hsct::parse_date("2024-03-10").value()).value()) ==
          "HCT1 2024-03-10");
    const hsct::error e(hsct::errc::out_of_range, "bilirubin", "1e+09 mg/dL", "0-100 mg/dL");
    CHECK(fmt::format("{}", e) == e.message());
}

TEST_CASE("fmt::format honours width, fill and alignment", "[fmt]") {
    CHECK(fmt::format("[{:>8}]", hsct::transplant_day::at(-7)) == "[     D-7]");
    CHECK(fmt::format("[{:<9}]", 12_Gy) == "[12 Gy    ]");
    CHECK(fmt::format("[{:*^9}]", 12_Gy) == "[**12 Gy**]");
}

TEST_CASE("fmt::format applies a number spec to a quantity's number, the unit appended",
          "[fmt][CORE-DISPLAY-001]") {
    CHECK(fmt::format("{:.1f}", hsct::mass(72.45, hsct::units::kg)) == "72.5 kg");
    CHECK(fmt::format("{:.2f}", 1.5_m2) == "1.50 m2");
    CHECK(fmt::format("{:.0f}", hsct::platelets(20.4, hsct::units::giga_per_l)) == "20 x10^9/L");
    CHECK(fmt::format("{:.3}", hsct::mass(1.0 / 3.0, hsct::units::kg)) == "0.333 kg");
    CHECK(fmt::format("{:.2e}", 72.5_kg) == "7.25e+01 kg");
    CHECK(fmt::format("{:+.1f}", 72.5_kg) == "+72.5 kg");
    CHECK(fmt::format("{:e}", 72.5_kg) == "7.250000e+01 kg");
    // width, fill and alignment apply to the whole text
    CHECK(fmt::format("[{:>10.2f}]", 1.5_m2) == "[   1.50 m2]");
    CHECK(fmt::format("[{:10.2f}]", 1.5_m2) == "[1.50 m2   ]");
    CHECK(fmt::format("[{:*^11.1f}]", 12_Gy) == "[**12.0 Gy**]");
    // without a number spec: the shortest exact text, as before
    CHECK(fmt::format("{}", hsct::mass(1.0 / 3.0, hsct::units::kg)) == "0.3333333333333333 kg");
    CHECK(fmt::format("[{:>9}]", 72.5_kg) == "[  72.5 kg]");
}

TEST_CASE("fmt::format never prints -0", "[fmt][CORE-DISPLAY-001]") {
    const hsct::mass_concentration minus_zero(-0.0, hsct::units::mg_per_dl);
    CHECK(fmt::format("{}", minus_zero) == "0 mg/dL");
    CHECK(fmt::format("{:.1f}", minus_zero) == "0.0 mg/dL");
    CHECK(fmt::format("{:.1f}", hsct::mass(-0.04, hsct::units::kg)) == "0.0 kg");
    CHECK(fmt::format("{:+.1f}", hsct::mass(-0.04, hsct::units::kg)) == "+0.0 kg");
    CHECK(fmt::format("{:.2f}", hsct::mass(-0.04, hsct::units::kg)) == "-0.04 kg");
    CHECK(fmt::format("{:.1e}", minus_zero) == "0.0e+00 mg/dL");
}

#if !defined(HSCT_TEST_NO_EXCEPTIONS)
TEST_CASE("fmt::format refuses a number spec it cannot apply", "[fmt]") {
    CHECK_THROWS_AS(fmt::format(fmt::runtime("{:08.1f}"), 72.5_kg), fmt::format_error);
    CHECK_THROWS_AS(fmt::format(fmt::runtime("{:d}"), 72.5_kg), fmt::format_error);
    CHECK_THROWS_AS(fmt::format(fmt::runtime("{:.1f}"), hsct::transplant_day::at(3)),
                    fmt::format_error);
}
#endif

}  // namespace hsct_test_fmt_test
