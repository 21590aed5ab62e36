// Tests for include/hsct/core/format.hpp: the shared text used by std::formatter (where the
// standard library has <format>) and by <hsct/fmt.hpp>.
#include <hsct/core/format.hpp>

#include <string>

#include "support/catch.hpp"

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

#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L
#include <format>
TEST_CASE("std::format prints hsct values with the string format spec", "[core][format]") {
    CHECK(std::format("{}", 72.5_kg) == "72.5 kg");
    CHECK(std::format("[{:>8}]", hsct::transplant_day::at(-7)) == "[     D-7]");
}
#endif
