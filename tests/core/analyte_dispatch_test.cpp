// Tests for include/hsct/core/analyte_dispatch.hpp: analytes chosen at run time, by analyte_id
// (a number from storage) or by LOINC code.
#include <hsct/core/analyte_dispatch.hpp>

#include <cmath>
#include <variant>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_analyte_dispatch_test {

namespace u = hsct::units;

namespace {
bool close(double a, double b, double rel = 1e-12) {
    return std::fabs(a - b) <= rel * std::fmax(1.0, std::fabs(b));
}
}  // namespace

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

}  // namespace hsct_test_core_analyte_dispatch_test
