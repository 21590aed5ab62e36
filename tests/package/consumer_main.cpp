// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The one program every packaging test builds: find_package, add_subdirectory, FetchContent
// a plain compiler call with pkg-config's flags, and the single header. It uses a little of the public API and
// returns non-zero if any answer is wrong, so "it links" is not mistaken for "it works".
#if defined(HSCT_SINGLE_HEADER)
#include <hsct/hsct_single.hpp>  // the one-file build (cmake/hsct_amalgamate.py)
#else
#include <hsct/hsct.hpp>
#endif

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("%s: %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) {
        ++failures;
    }
}

bool near(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::fmax(1.0, std::fabs(b)); }

}  // namespace

int main() {
    // The version macros, the constant and (when the build knows it) the packaged version agree.
    const std::string numbers = std::to_string(hsct::version.major) + "." +
                                std::to_string(hsct::version.minor) + "." +
                                std::to_string(hsct::version.patch);
    check(numbers == HSCT_VERSION_STRING, "hsct::version matches HSCT_VERSION_STRING");
#ifdef HSCT_EXPECTED_VERSION
    check(std::string_view(HSCT_VERSION_STRING) == HSCT_EXPECTED_VERSION,
          "header version matches the package version " HSCT_EXPECTED_VERSION);
#endif

    // A lab value in molar units, converted with bilirubin's own factor (17.1 umol/L per mg/dL).
    const auto bili = hsct::from_lab<hsct::bilirubin>(41.0, "umol/L");
    check(bili.has_value(), "from_lab<bilirubin>(41.0, \"umol/L\") is accepted");
    if (bili) {
        check(near(bili->in(hsct::units::mg_per_dl), 41.0 / 17.1), "41 umol/L = 2.3977 mg/dL");
        check(near(bili->in(hsct::units::umol_per_l), 41.0), "and back to 41 umol/L");
    }

    // Bad input is an error value, not an exception.
    const auto count = hsct::from_lab<hsct::anc>(1.0, "mg/dL");
    check(!count && count.error().code() == hsct::errc::wrong_dimension,
          "from_lab<anc>(1.0, \"mg/dL\") is wrong_dimension");

    // mg/m2 x m2 -> mg.
    const hsct::dose_per_area dose(40.0, hsct::units::mg_per_m2);
    const hsct::area bsa(1.9, hsct::units::m2);
    const hsct::total_dose total = dose * bsa;
    check(near(total.in(hsct::units::mg), 76.0), "40 mg/m2 x 1.9 m2 = 76 mg");
    {
        using namespace hsct::literals;
        check(near((1.9_m2 * 40_mg_per_m2).in(hsct::units::mg), 76.0), "the same with literals");
    }

    // Transplant days: parse, move, print; "D-0" is refused.
    const auto day = hsct::parse_transplant_day("D-7");
    check(day.has_value() && day->number() == -7, "parse_transplant_day(\"D-7\") is day -7");
    if (day) {
        const hsct::transplant_day later = *day + std::chrono::days{107};
        check(hsct::to_string(later) == "D+100", "D-7 + 107 days prints as D+100");
        check(later - *day == std::chrono::days{107}, "D+100 - D-7 = 107 days");
    }
    const auto minus_zero = hsct::parse_transplant_day("D-0");
    check(!minus_zero && minus_zero.error().code() == hsct::errc::syntax,
          "parse_transplant_day(\"D-0\") is a syntax error");

    if (failures != 0) {
        std::printf("%d check(s) failed\n", failures);
        return 1;
    }
    std::printf("all checks passed (hsct %s)\n", HSCT_VERSION_STRING);
    return 0;
}
