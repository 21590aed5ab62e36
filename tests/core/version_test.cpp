// Tests for include/hsct/version.hpp and the umbrellas include/hsct/hsct.hpp and
// include/hsct/core/core.hpp.
#include <hsct/hsct.hpp>

#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_version_test {

TEST_CASE("the version numbers and the version string agree", "[core][version]") {
    const std::string expected = std::to_string(HSCT_VERSION_MAJOR) + "." +
                                 std::to_string(HSCT_VERSION_MINOR) + "." +
                                 std::to_string(HSCT_VERSION_PATCH);
    CHECK(expected == HSCT_VERSION_STRING);
    STATIC_REQUIRE(hsct::version.major == HSCT_VERSION_MAJOR);
    STATIC_REQUIRE(hsct::version.minor == HSCT_VERSION_MINOR);
    STATIC_REQUIRE(hsct::version.patch == HSCT_VERSION_PATCH);
}

TEST_CASE("the umbrella header brings in the whole core", "[core][version]") {
    using namespace hsct::literals;
    const auto dose = 30_mg_per_m2 * 1.8_m2;
    CHECK(hsct::to_string(dose) == "54 mg");
    CHECK(hsct::from_lab<hsct::anc>(0.5, "10*9/L").has_value());
    CHECK(hsct::to_string(hsct::timeline::single(hsct::parse_date("2024-03-10").value()).value()) ==
          "HCT1 2024-03-10");
}

}  // namespace hsct_test_core_version_test
