// Tests for include/hsct/fmt.hpp: {fmt} formatters (test-only dependency on libfmt-dev).
#include <hsct/core/analyte.hpp>
#include <hsct/fmt.hpp>

#include <fmt/format.h>

#include "support/catch.hpp"

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
