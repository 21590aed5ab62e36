// Tests for include/hsct/core/analyte.hpp: analytes, their factors, plausible ranges, LOINC
// codes, and reading lab values as labs send them.
#include <hsct/core/analyte.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_analyte_test {

namespace u = hsct::units;

namespace {
template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept comparable = requires(A a, B b) { a < b; };
template <class Q, class U>
concept readable_in = requires(Q q, U unit) { q.in(unit); };

bool close(double a, double b, double rel = 1e-12) {
    return std::fabs(a - b) <= rel * std::fmax(1.0, std::fabs(b));
}

// Below, at and above both ends of an analyte's plausible range, in its canonical unit.
template <class A>
void check_plausible_bounds(double lo, double hi, const char* unit) {
    CAPTURE(A::info().name);
    const double step = (hi - lo) * 1e-6;
    CHECK_FALSE(hsct::from_lab<A>(lo - step, unit).has_value());
    CHECK(hsct::from_lab<A>(lo, unit).has_value());
    CHECK(hsct::from_lab<A>(hi, unit).has_value());
    const auto above = hsct::from_lab<A>(hi + step, unit);
    REQUIRE_FALSE(above.has_value());
    CHECK(above.error().code() == hsct::errc::out_of_range);
    CHECK(above.error().field() == A::info().name);
}
}  // namespace

TEST_CASE("analytes are distinct types the size of a double", "[core][analyte][CORE-ZERO-001]") {
    STATIC_REQUIRE(sizeof(hsct::anc) == sizeof(double));
    STATIC_REQUIRE(sizeof(hsct::bilirubin) == sizeof(double));
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::platelets>);
    STATIC_REQUIRE(addable<hsct::anc, hsct::anc>);
    STATIC_REQUIRE_FALSE(addable<hsct::anc, hsct::platelets>);
    STATIC_REQUIRE_FALSE(addable<hsct::anc, hsct::cell_concentration>);
    STATIC_REQUIRE_FALSE(comparable<hsct::anc, hsct::wbc>);
    STATIC_REQUIRE_FALSE(addable<hsct::bilirubin, hsct::creatinine>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<hsct::anc, double>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<hsct::anc, hsct::platelets>);
    STATIC_REQUIRE(std::is_constructible_v<hsct::anc, double, u::per_ul_t>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<hsct::anc, double, u::mg_per_dl_t>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<hsct::bilirubin, double, u::giga_per_l_t>);
    // molar units only where the analyte has a molar mass
    STATIC_REQUIRE(readable_in<hsct::bilirubin, u::umol_per_l_t>);
    STATIC_REQUIRE(readable_in<hsct::creatinine, u::umol_per_l_t>);
    STATIC_REQUIRE(readable_in<hsct::haemoglobin, u::mmol_per_l_t>);
    STATIC_REQUIRE_FALSE(readable_in<hsct::albumin, u::umol_per_l_t>);
    STATIC_REQUIRE_FALSE(readable_in<hsct::anc, u::umol_per_l_t>);
    STATIC_REQUIRE(std::is_same_v<hsct::hemoglobin, hsct::haemoglobin>);
}

TEST_CASE("bilirubin converts at 17.1 umol/L per mg/dL", "[core][analyte][CORE-ANALYTE-001][Young-1987]") {
    STATIC_REQUIRE(hsct::bilirubin::info().umol_per_l_per_canonical == 17.1);
    constexpr hsct::bilirubin b(2.0, u::mg_per_dl);
    STATIC_REQUIRE(b.in(u::umol_per_l) == 34.2);
    CHECK(close(hsct::bilirubin(34.2, u::umol_per_l).in(u::mg_per_dl), 2.0));
    CHECK(close(hsct::bilirubin(51.3, u::umol_per_l).in(u::mg_per_dl), 3.0));
    CHECK(close(hsct::bilirubin(1.0, u::mmol_per_l).in(u::mg_per_dl), 1000.0 / 17.1));
    CHECK(close(hsct::bilirubin(20.0, u::mg_per_l).in(u::mg_per_dl), 2.0));
}

TEST_CASE("creatinine converts at 88.4 umol/L per mg/dL", "[core][analyte][CORE-ANALYTE-002][Young-1987]") {
    STATIC_REQUIRE(hsct::creatinine::info().umol_per_l_per_canonical == 88.4);
    CHECK(close(hsct::creatinine(1.0, u::mg_per_dl).in(u::umol_per_l), 88.4));
    CHECK(close(hsct::creatinine(176.8, u::umol_per_l).in(u::mg_per_dl), 2.0));
}

TEST_CASE("albumin reads g/dL and g/L; it has no molar form", "[core][analyte][CORE-ANALYTE-003]") {
    STATIC_REQUIRE(hsct::albumin::info().umol_per_l_per_canonical == 0.0);
    STATIC_REQUIRE(hsct::albumin(35.0, u::g_per_l).in(u::g_per_dl) == 3.5);
    const auto r = hsct::from_lab<hsct::albumin>(3.5, "umol/L");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::wrong_dimension);
}

TEST_CASE("haemoglobin converts at 0.6206 mmol/L per g/dL (monomer basis)",
          "[core][analyte][CORE-ANALYTE-004][ICSH-1995]") {
    CHECK(close(hsct::haemoglobin(10.0, u::g_per_dl).in(u::mmol_per_l), 6.206));
    CHECK(close(hsct::haemoglobin(6.206, u::mmol_per_l).in(u::g_per_dl), 10.0));
    CHECK(hsct::haemoglobin(120.0, u::g_per_l).in(u::g_per_dl) == 12.0);
}

TEST_CASE("LDH reads U/L and ukat/L (1 ukat/L = 60 U/L)", "[core][analyte][CORE-ANALYTE-005][UCUM]") {
    STATIC_REQUIRE(hsct::ldh(2.0, u::ukat_per_l).in(u::u_per_l) == 120.0);
    const auto r = hsct::from_lab<hsct::ldh>(4.5, "\xC2\xB5kat/L");
    REQUIRE(r.has_value());
    CHECK(r->in(u::u_per_l) == 270.0);
    CHECK(hsct::from_lab<hsct::ldh>(250.0, "IU/L").error().code() == hsct::errc::unknown_unit);
}

TEST_CASE("counts read x10^9/L, x10^3/uL and cells/uL alike",
          "[core][analyte][CORE-ANALYTE-006][CORE-UNIT-002]") {
    for (const char* unit : {"10*9/L", "x10^9/L", "10^9/L", "G/L", "10*3/uL", "10^3/\xC2\xB5L",
                             "K/uL", "x10^3/uL"}) {
        CAPTURE(unit);
        const auto r = hsct::from_lab<hsct::anc>(0.5, unit);
        REQUIRE(r.has_value());
        CHECK(*r == hsct::anc(0.5, u::giga_per_l));
    }
    for (const char* unit : {"/uL", "/\xC2\xB5L", "cells/uL", "/mm3", "cells/mm3"}) {
        CAPTURE(unit);
        const auto r = hsct::from_lab<hsct::anc>(500.0, unit);
        REQUIRE(r.has_value());
        CHECK(*r == hsct::anc(0.5, u::giga_per_l));
    }
    CHECK(hsct::from_lab<hsct::platelets>(20000.0, "/uL")->in(u::giga_per_l) == 20.0);
    CHECK(hsct::from_lab<hsct::wbc>(4.2, "10*9/L")->in(u::per_ul) == 4200.0);
    CHECK(hsct::from_lab<hsct::lymphocytes>(1.1, "10*9/L")->in(u::giga_per_l) == 1.1);
}

TEST_CASE("every analyte's plausible range: below, at and above both bounds",
          "[core][analyte][CORE-ANALYTE-PLAUS]") {
    check_plausible_bounds<hsct::bilirubin>(0.0, 100.0, "mg/dL");
    check_plausible_bounds<hsct::creatinine>(0.0, 40.0, "mg/dL");
    check_plausible_bounds<hsct::albumin>(0.0, 10.0, "g/dL");
    check_plausible_bounds<hsct::haemoglobin>(0.0, 30.0, "g/dL");
    check_plausible_bounds<hsct::ldh>(0.0, 100000.0, "U/L");
    check_plausible_bounds<hsct::anc>(0.0, 1000.0, "10*9/L");
    check_plausible_bounds<hsct::wbc>(0.0, 2000.0, "10*9/L");
    check_plausible_bounds<hsct::platelets>(0.0, 5000.0, "10*9/L");
    check_plausible_bounds<hsct::lymphocytes>(0.0, 2000.0, "10*9/L");
    check_plausible_bounds<hsct::ast>(0.0, 50000.0, "U/L");
    check_plausible_bounds<hsct::alt>(0.0, 50000.0, "U/L");
}

TEST_CASE("AST and ALT read U/L and ukat/L and are distinct types",
          "[core][analyte][CORE-ANALYTE-010][CORE-ANALYTE-011][UCUM]") {
    STATIC_REQUIRE_FALSE(addable<hsct::ast, hsct::alt>);
    STATIC_REQUIRE(addable<hsct::ast, hsct::ast>);
    CHECK(hsct::from_lab<hsct::ast>(0.5, "ukat/L")->in(u::u_per_l) == 30.0);
    CHECK(hsct::from_lab<hsct::alt>(45.0, "U/L")->in(u::ukat_per_l) == 0.75);
    CHECK(hsct::from_lab<hsct::alt>(45.0, "mg/dL").error().code() == hsct::errc::wrong_dimension);
}

TEST_CASE("the plausible range applies after conversion from molar units",
          "[core][analyte][CORE-ANALYTE-PLAUS][CORE-ANALYTE-001]") {
    CHECK(hsct::from_lab<hsct::bilirubin>(1710.0, "umol/L").has_value());  // 100 mg/dL
    CHECK_FALSE(hsct::from_lab<hsct::bilirubin>(1711.0, "umol/L").has_value());
    // a unit mix-up: 300 umol/L sent as mg/dL
    const auto mixup = hsct::from_lab<hsct::bilirubin>(300.0, "mg/dL");
    REQUIRE_FALSE(mixup.has_value());
    CHECK(mixup.error().code() == hsct::errc::out_of_range);
}

TEST_CASE("the issue's example message, word for word", "[core][analyte]") {
    const auto r = hsct::from_lab<hsct::bilirubin>(1e9, "mg/dL");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message() == "bilirubin: 1e+09 mg/dL is outside the valid range 0-100 mg/dL");
}

TEST_CASE("bad lab input: NaN, infinity, negative counts, unknown and wrong units",
          "[core][analyte]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(hsct::from_lab<hsct::anc>(nan, "10*9/L").error().code() == hsct::errc::not_finite);
    CHECK(hsct::from_lab<hsct::anc>(inf, "10*9/L").error().code() == hsct::errc::not_finite);
    const auto neg = hsct::from_lab<hsct::anc>(-0.1, "10*9/L");
    REQUIRE_FALSE(neg.has_value());
    CHECK(neg.error().message() == "anc: -0.1 x10^9/L is outside the valid range 0-1000 x10^9/L");
    const auto unknown = hsct::from_lab<hsct::platelets>(150.0, "per litre");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code() == hsct::errc::unknown_unit);
    CHECK(unknown.error().field() == "platelets");
    const auto wrong = hsct::from_lab<hsct::anc>(1.0, "mg/dL");
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code() == hsct::errc::wrong_dimension);
    CHECK(wrong.error().valid_range() == "x10^9/L, 10*9/L, x10^3/uL, 10*3/uL, /uL, x10^12/L");
    const auto pct = hsct::from_lab<hsct::anc>(60.0, "%");
    REQUIRE_FALSE(pct.has_value());
    CHECK(pct.error().code() == hsct::errc::wrong_dimension);
}

TEST_CASE("from_lab with the number as text", "[core][analyte]") {
    CHECK(hsct::from_lab<hsct::anc>("0.5", "10*9/L").value() == hsct::anc(0.5, u::giga_per_l));
    CHECK(hsct::from_lab<hsct::anc>(" 0.5 ", "10*9/L").has_value());
    CHECK(hsct::from_lab<hsct::anc>("1e400", "10*9/L").error().code() == hsct::errc::out_of_range);
    for (const char* bad : {"", "abc", "0.5.1", "nan", "inf", "<0.1", "0,5"}) {
        CAPTURE(bad);
        const auto r = hsct::from_lab<hsct::anc>(bad, "10*9/L");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
    }
}

TEST_CASE("analytes print and parse back within their plausible range", "[core][analyte]") {
    const auto b = hsct::bilirubin(41.0, u::umol_per_l);
    const auto back = hsct::parse<hsct::bilirubin>(hsct::to_string(b));
    REQUIRE(back.has_value());
    CHECK(*back == b);
    CHECK(hsct::to_string(hsct::albumin(35.0, u::g_per_l)) == "3.5 g/dL");
    CHECK(hsct::to_string(hsct::anc(500.0, u::per_ul)) == "0.5 x10^9/L");
    CHECK(hsct::parse<hsct::creatinine>("1.2 mg/dL")->in(u::mg_per_dl) == 1.2);
    CHECK(hsct::parse<hsct::creatinine>("106 umol/L").has_value());
    CHECK_FALSE(hsct::parse<hsct::creatinine>("41 mg/dL").has_value());
}

TEST_CASE("make_checked with a run-time unit of the wrong kind is an error, not an abort",
          "[core][analyte]") {
    const auto r = hsct::make_checked<hsct::anc>(1.0, hsct::units::kg.info,
                                                 hsct::default_range<hsct::anc>(), "anc");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::wrong_dimension);
    CHECK(r.error().value() == "kg");
    CHECK(r.error().valid_range() == "x10^9/L, 10*9/L, x10^3/uL, 10*3/uL, /uL, x10^12/L");
}

TEST_CASE("from_lab reads the number under a declared convention", "[core][analyte][CORE-TEXT-001]") {
    const auto ambiguous = hsct::from_lab<hsct::platelets>("1,250", "/uL");
    REQUIRE_FALSE(ambiguous.has_value());
    CHECK(ambiguous.error().code() == hsct::errc::syntax);
    CHECK(ambiguous.error().field() == "platelets");
    CHECK(ambiguous.error().value() == "1,250");
    CHECK(ambiguous.error().valid_range() ==
          "a number with a decimal point and no thousands separator, e.g. '1250.5'; ',' is "
          "ambiguous (decimal comma or thousands separator): declare a number_convention");
    const hsct::number_convention continental{.decimal = hsct::decimal_mark::comma,
                                              .grouping = hsct::group_separator::period};
    CHECK(hsct::from_lab<hsct::anc>("1.250", "/uL", continental).value() ==
          hsct::anc(1.25, u::giga_per_l));
    CHECK(hsct::from_lab<hsct::bilirubin>("41,0", "umol/L", continental).value() ==
          hsct::from_lab<hsct::bilirubin>(41.0, "umol/L").value());
    CHECK(hsct::from_lab<hsct::platelets>("1,250", "/uL", {.grouping = hsct::group_separator::comma})
              .value() == hsct::platelets(1.25, u::giga_per_l));
    const auto groups = hsct::from_lab<hsct::anc>("1.25", "/uL", continental);
    REQUIRE_FALSE(groups.has_value());
    CHECK(groups.error().code() == hsct::errc::syntax);
    CHECK(hsct::from_lab<hsct::anc>("1e400", "/uL", continental).error().code() ==
          hsct::errc::out_of_range);
    CHECK(hsct::from_lab<hsct::anc>("1e400", "/uL").error().valid_range() == "0-1000 x10^9/L");
    const auto bad = hsct::from_lab<hsct::anc>("1", "/uL", {.decimal = hsct::decimal_mark::comma,
                                                            .grouping = hsct::group_separator::comma});
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::inconsistent);
    // parse<A> reads number and unit from one text under the convention too.
    CHECK(hsct::parse<hsct::platelets>("150,5 10*9/L", continental).value() ==
          hsct::platelets(150.5, u::giga_per_l));
    CHECK(hsct::parse<hsct::platelets>("1,250 /uL").error().value() == "1,250");
}

TEST_CASE("display precision per analyte (policy)", "[core][analyte][CORE-DISPLAY-001]") {
    STATIC_REQUIRE(hsct::display_decimals<hsct::bilirubin>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::creatinine>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::albumin>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::haemoglobin>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::ldh>() == 0);
    STATIC_REQUIRE(hsct::display_decimals<hsct::anc>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::wbc>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::platelets>() == 0);
    STATIC_REQUIRE(hsct::display_decimals<hsct::lymphocytes>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::ast>() == 0);
    STATIC_REQUIRE(hsct::display_decimals<hsct::alt>() == 0);
    CHECK(hsct::display(hsct::bilirubin(41.0, u::umol_per_l)) == "2.4 mg/dL");
    CHECK(hsct::display(hsct::creatinine(88.0, u::umol_per_l)) == "1.00 mg/dL");
    CHECK(hsct::display(hsct::albumin(35.0, u::g_per_l)) == "3.5 g/dL");
    CHECK(hsct::display(hsct::anc(500.0, u::per_ul)) == "0.50 x10^9/L");
    CHECK(hsct::display(hsct::platelets(20.4, u::giga_per_l)) == "20 x10^9/L");
    CHECK(hsct::display(hsct::ldh(4.2, u::ukat_per_l)) == "252 U/L");
}

}  // namespace hsct_test_core_analyte_test
