// Tests for include/hsct/core/analyte.hpp: analytes, their factors, plausible ranges, LOINC
// codes, and reading lab values as labs send them.
#include <hsct/core/analyte.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>
#include <variant>

#include "support/catch.hpp"

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

TEST_CASE("LOINC codes map to analytes", "[core][analyte][LOINC]") {
    CHECK(hsct::analyte_for_loinc("1975-2") == hsct::analyte_id::bilirubin);
    CHECK(hsct::analyte_for_loinc("14631-6") == hsct::analyte_id::bilirubin);
    CHECK(hsct::analyte_for_loinc("2160-0") == hsct::analyte_id::creatinine);
    CHECK(hsct::analyte_for_loinc("14682-9") == hsct::analyte_id::creatinine);
    CHECK(hsct::analyte_for_loinc("1751-7") == hsct::analyte_id::albumin);
    CHECK(hsct::analyte_for_loinc("718-7") == hsct::analyte_id::haemoglobin);
    CHECK(hsct::analyte_for_loinc("59260-0") == hsct::analyte_id::haemoglobin);
    CHECK(hsct::analyte_for_loinc("2532-0") == hsct::analyte_id::ldh);
    CHECK(hsct::analyte_for_loinc("751-8") == hsct::analyte_id::anc);
    CHECK(hsct::analyte_for_loinc("753-4") == hsct::analyte_id::anc);
    CHECK(hsct::analyte_for_loinc("6690-2") == hsct::analyte_id::wbc);
    CHECK(hsct::analyte_for_loinc(" 777-3 ") == hsct::analyte_id::platelets);
    CHECK(hsct::analyte_for_loinc("731-0") == hsct::analyte_id::lymphocytes);
    CHECK(hsct::analyte_for_loinc("1920-8") == hsct::analyte_id::ast);
    CHECK(hsct::analyte_for_loinc("1742-6") == hsct::analyte_id::alt);
    CHECK_FALSE(hsct::analyte_for_loinc("20570-8").has_value());  // haematocrit: not mapped
    CHECK_FALSE(hsct::analyte_for_loinc("").has_value());
    for (const auto id : hsct::values<hsct::analyte_id>()) {
        CHECK(hsct::info_of(id).id == id);
        CHECK(hsct::analyte_for_loinc(hsct::info_of(id).loinc[0]) == id);
    }
}

TEST_CASE("from_lab chosen at run time by analyte or by LOINC code", "[core][analyte][LOINC]") {
    const auto by_id = hsct::from_lab(hsct::analyte_id::creatinine, 88.4, "umol/L");
    REQUIRE(by_id.has_value());
    REQUIRE(std::holds_alternative<hsct::creatinine>(*by_id));
    CHECK(close(std::get<hsct::creatinine>(*by_id).in(u::mg_per_dl), 1.0));
    const auto by_loinc = hsct::from_lab("777-3", 150.0, "10*3/uL");
    REQUIRE(by_loinc.has_value());
    CHECK(std::get<hsct::platelets>(*by_loinc) == hsct::platelets(150.0, u::giga_per_l));
    const auto unmapped = hsct::from_lab("99999-9", 1.0, "mg/dL");
    REQUIRE_FALSE(unmapped.has_value());
    CHECK(unmapped.error().field() == "loinc");
    const auto bad = hsct::from_lab(hsct::analyte_id::anc, 5000.0, "10*9/L");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::out_of_range);
}

TEST_CASE("an analyte number read from storage is checked, never trusted",
          "[core][analyte]") {
    CHECK(hsct::make_analyte_id(1).value() == hsct::analyte_id::bilirubin);
    CHECK(hsct::make_analyte_id(11).value() == hsct::analyte_id::alt);
    CHECK(hsct::make_analyte_id(0).error().code() == hsct::errc::out_of_range);
    CHECK(hsct::make_analyte_id(12).error().valid_range() ==
          "one of 1 (bilirubin), 2 (creatinine), 3 (albumin), 4 (haemoglobin), 5 (ldh), 6 (anc), "
          "7 (wbc), 8 (platelets), 9 (lymphocytes), 10 (ast), 11 (alt)");
    STATIC_REQUIRE(hsct::is_valid(hsct::analyte_id::anc));
    STATIC_REQUIRE_FALSE(hsct::is_valid(static_cast<hsct::analyte_id>(12)));
    const auto r = hsct::from_lab(static_cast<hsct::analyte_id>(12), 1.0, "mg/dL");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::out_of_range);
    CHECK(r.error().value() == "12");
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
