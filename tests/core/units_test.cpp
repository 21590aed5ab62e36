// Tests for include/hsct/core/units.hpp: the quantities, their units, cross-quantity
// arithmetic, literals, and text in and out.
#include <hsct/core/units.hpp>
#include <hsct/core/io.hpp>

#include <cmath>
#include <iomanip>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>

#include "support/catch.hpp"
#include "support/same_type_and_value.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_units_test {

using hsct::test::same_type_and_value;
namespace u = hsct::units;
using namespace hsct::literals;

namespace {
template <class A, class B>
concept multipliable = requires(A a, B b) { a * b; };
template <class A, class B>
concept divisible = requires(A a, B b) { a / b; };
template <class A, class B>
concept addable = requires(A a, B b) { a + b; };

bool close(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::fmax(1.0, std::fabs(b)); }
}  // namespace

TEST_CASE("every quantity is the size of a double and trivially copyable",
          "[core][units][CORE-ZERO-001]") {
    STATIC_REQUIRE(sizeof(hsct::length) == 8);
    STATIC_REQUIRE(sizeof(hsct::area) == 8);
    STATIC_REQUIRE(sizeof(hsct::volume) == 8);
    STATIC_REQUIRE(sizeof(hsct::mass_concentration) == 8);
    STATIC_REQUIRE(sizeof(hsct::molar_concentration) == 8);
    STATIC_REQUIRE(sizeof(hsct::catalytic_concentration) == 8);
    STATIC_REQUIRE(sizeof(hsct::cell_concentration) == 8);
    STATIC_REQUIRE(sizeof(hsct::cell_count) == 8);
    STATIC_REQUIRE(sizeof(hsct::cell_dose) == 8);
    STATIC_REQUIRE(sizeof(hsct::dose_per_area) == 8);
    STATIC_REQUIRE(sizeof(hsct::dose_per_mass) == 8);
    STATIC_REQUIRE(sizeof(hsct::total_dose) == 8);
    STATIC_REQUIRE(sizeof(hsct::radiation_dose) == 8);
    STATIC_REQUIRE(sizeof(hsct::radiation_dose_rate) == 8);
    STATIC_REQUIRE(sizeof(hsct::percent) == 8);
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::dose_per_area>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::cell_dose>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<hsct::radiation_dose>);
}

TEST_CASE("units of one quantity convert by their exact factors", "[core][units][CORE-UNIT-001]") {
    STATIC_REQUIRE(hsct::mass(1.0, u::kg).in(u::g) == 1000.0);
    STATIC_REQUIRE(hsct::mass(2500.0, u::g).in(u::kg) == 2.5);
    STATIC_REQUIRE(hsct::mass(1.0, u::kg).in(u::mg_mass) == 1e6);
    STATIC_REQUIRE(hsct::length(1.75, u::m).in(u::cm) == 175.0);
    STATIC_REQUIRE(hsct::length(1750.0, u::mm).in(u::cm) == 175.0);
    STATIC_REQUIRE(hsct::area(1.0, u::m2).in(u::cm2) == 10000.0);
    STATIC_REQUIRE(hsct::volume(1.0, u::L).in(u::mL) == 1000.0);
    STATIC_REQUIRE(hsct::volume(1.0, u::dL).in(u::mL) == 100.0);
    STATIC_REQUIRE(hsct::volume(1000.0, u::uL).in(u::mL) == 1.0);
    STATIC_REQUIRE(hsct::mass_concentration(1.0, u::g_per_dl).in(u::mg_per_dl) == 1000.0);
    STATIC_REQUIRE(hsct::mass_concentration(1.0, u::g_per_dl).in(u::g_per_l) == 10.0);
    STATIC_REQUIRE(hsct::mass_concentration(10.0, u::mg_per_l).in(u::mg_per_dl) == 1.0);
    STATIC_REQUIRE(hsct::mass_concentration(10000.0, u::ng_per_ml).in(u::mg_per_dl) == 1.0);  // drug levels
    STATIC_REQUIRE(hsct::molar_concentration(1.0, u::mmol_per_l).in(u::umol_per_l) == 1000.0);
    STATIC_REQUIRE(hsct::molar_concentration(1000.0, u::nmol_per_l).in(u::umol_per_l) == 1.0);
    STATIC_REQUIRE(hsct::radiation_dose(200.0, u::cGy).in(u::Gy) == 2.0);
    STATIC_REQUIRE(hsct::radiation_dose(12.0, u::Gy).in(u::cGy) == 1200.0);
    STATIC_REQUIRE(hsct::radiation_dose_rate(7.0, u::cGy_per_min).in(u::Gy_per_min) == 0.07);
    STATIC_REQUIRE(hsct::radiation_dose_rate(0.5, u::Gy_per_min).in(u::cGy_per_min) == 50.0);
    STATIC_REQUIRE(hsct::dose_per_area(1.0, u::g_per_m2).in(u::mg_per_m2) == 1000.0);
    STATIC_REQUIRE(hsct::dose_per_area(500.0, u::ug_per_m2).in(u::mg_per_m2) == 0.5);
    STATIC_REQUIRE(hsct::dose_per_mass(1.0, u::g_per_kg).in(u::mg_per_kg) == 1000.0);
    STATIC_REQUIRE(hsct::dose_per_mass(250.0, u::ug_per_kg).in(u::mg_per_kg) == 0.25);
    STATIC_REQUIRE(hsct::total_dose(2.0, u::g_dose).in(u::mg) == 2000.0);
    STATIC_REQUIRE(hsct::total_dose(500.0, u::ug).in(u::mg) == 0.5);
}

TEST_CASE("cell concentrations: x10^9/L = x10^3/uL, 1000 /uL = 1 x10^9/L",
          "[core][units][CORE-UNIT-002]") {
    STATIC_REQUIRE(hsct::cell_concentration(1.0, u::giga_per_l) ==
                   hsct::cell_concentration(1.0, u::kilo_per_ul));
    STATIC_REQUIRE(hsct::cell_concentration(500.0, u::per_ul).in(u::giga_per_l) == 0.5);
    STATIC_REQUIRE(hsct::cell_concentration(0.5, u::giga_per_l).in(u::per_ul) == 500.0);
    STATIC_REQUIRE(hsct::cell_concentration(4.5, u::tera_per_l).in(u::giga_per_l) == 4500.0);
}

TEST_CASE("enzyme activity: 1 ukat/L = 60 U/L", "[core][units][CORE-UNIT-003][UCUM]") {
    STATIC_REQUIRE(hsct::catalytic_concentration(1.0, u::ukat_per_l).in(u::u_per_l) == 60.0);
    STATIC_REQUIRE(hsct::catalytic_concentration(120.0, u::u_per_l).in(u::ukat_per_l) == 2.0);
}

TEST_CASE("cell doses per kg convert between x10^6, x10^7, x10^8 and cells/kg",
          "[core][units][CORE-UNIT-001]") {
    STATIC_REQUIRE(hsct::cell_dose(1.0, u::e8_per_kg).in(u::e6_per_kg) == 100.0);
    STATIC_REQUIRE(hsct::cell_dose(5.0, u::e7_per_kg).in(u::e6_per_kg) == 50.0);
    STATIC_REQUIRE(hsct::cell_dose(2e6, u::cells_per_kg).in(u::e6_per_kg) == 2.0);
    STATIC_REQUIRE(hsct::cell_count(3.0, u::e8_cells).in(u::e6_cells) == 300.0);
    STATIC_REQUIRE(hsct::cell_count(1.0, u::e9_cells).in(u::cells) == 1e9);
}

TEST_CASE("mg/m2 x m2 -> mg and mg/kg x kg -> mg", "[core][units]") {
    constexpr auto fludarabine = hsct::dose_per_area(30.0, u::mg_per_m2);
    constexpr auto bsa = hsct::area(1.8, u::m2);
    STATIC_REQUIRE(same_type_and_value(fludarabine * bsa, hsct::total_dose(54.0, u::mg)));
    STATIC_REQUIRE(same_type_and_value(bsa * fludarabine, hsct::total_dose(54.0, u::mg)));
    constexpr auto cyclophosphamide = hsct::dose_per_mass(50.0, u::mg_per_kg);
    constexpr auto weight = hsct::mass(70.0, u::kg);
    STATIC_REQUIRE(same_type_and_value(cyclophosphamide * weight, hsct::total_dose(3.5, u::g_dose)));
    STATIC_REQUIRE(same_type_and_value(weight * cyclophosphamide, hsct::total_dose(3500.0, u::mg)));
    STATIC_REQUIRE(same_type_and_value(hsct::total_dose(54.0, u::mg) / bsa, fludarabine));
    STATIC_REQUIRE(same_type_and_value(hsct::total_dose(3500.0, u::mg) / weight, cyclophosphamide));
}

TEST_CASE("cells / kg -> cells/kg, and cell concentration x volume -> cells", "[core][units]") {
    constexpr auto cd34 = hsct::cell_count(350.0, u::e6_cells);
    constexpr auto weight = hsct::mass(70.0, u::kg);
    STATIC_REQUIRE(same_type_and_value(cd34 / weight, hsct::cell_dose(5.0, u::e6_per_kg)));
    STATIC_REQUIRE(same_type_and_value(hsct::cell_dose(5.0, u::e6_per_kg) * weight, cd34));
    STATIC_REQUIRE(same_type_and_value(weight * hsct::cell_dose(5.0, u::e6_per_kg), cd34));
    // 1000 CD34+/uL in 200 mL = 1e3 * 1e6/L * 0.2 L = 2e8 cells
    constexpr auto conc = hsct::cell_concentration(1000.0, u::per_ul);
    constexpr auto vol = hsct::volume(200.0, u::mL);
    STATIC_REQUIRE(same_type_and_value(conc * vol, hsct::cell_count(2.0, u::e8_cells)));
    STATIC_REQUIRE(same_type_and_value(vol * conc, hsct::cell_count(2e8, u::cells)));
    STATIC_REQUIRE(same_type_and_value(hsct::cell_count(2.0, u::e8_cells) / vol, conc));
}

TEST_CASE("arithmetic that means nothing does not exist", "[core][units]") {
    // mg/m2 and mg/kg never mix or convert
    STATIC_REQUIRE_FALSE(std::is_constructible_v<hsct::dose_per_area, hsct::dose_per_mass>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<hsct::dose_per_area, double, u::mg_per_kg_t>);
    STATIC_REQUIRE_FALSE(addable<hsct::dose_per_area, hsct::dose_per_mass>);
    STATIC_REQUIRE(multipliable<hsct::dose_per_area, hsct::area>);
    STATIC_REQUIRE_FALSE(multipliable<hsct::dose_per_area, hsct::mass>);
    STATIC_REQUIRE(multipliable<hsct::dose_per_mass, hsct::mass>);
    STATIC_REQUIRE_FALSE(multipliable<hsct::dose_per_mass, hsct::area>);
    // a body mass is not a drug amount
    STATIC_REQUIRE_FALSE(std::is_convertible_v<hsct::total_dose, hsct::mass>);
    STATIC_REQUIRE_FALSE(addable<hsct::total_dose, hsct::mass>);
    // Gy x Gy, cells/kg x m2
    STATIC_REQUIRE(multipliable<hsct::radiation_dose, double>);
    STATIC_REQUIRE_FALSE(multipliable<hsct::radiation_dose, hsct::radiation_dose>);
    STATIC_REQUIRE_FALSE(multipliable<hsct::cell_dose, hsct::area>);
    STATIC_REQUIRE(divisible<hsct::cell_count, hsct::mass>);
    STATIC_REQUIRE_FALSE(divisible<hsct::cell_count, hsct::area>);
    STATIC_REQUIRE_FALSE(divisible<hsct::mass, hsct::cell_count>);
}

TEST_CASE("literals build values in their unit at compile time", "[core][units]") {
    STATIC_REQUIRE(same_type_and_value(72.5_kg, hsct::mass(72.5, u::kg)));
    STATIC_REQUIRE(same_type_and_value(170_cm, hsct::length(170.0, u::cm)));
    STATIC_REQUIRE(same_type_and_value(1.8_m2, hsct::area(1.8, u::m2)));
    STATIC_REQUIRE(same_type_and_value(250_mL, hsct::volume(250.0, u::mL)));
    STATIC_REQUIRE(same_type_and_value(1_L, hsct::volume(1000.0, u::mL)));
    STATIC_REQUIRE(same_type_and_value(2.4_mg_per_dL, hsct::mass_concentration(2.4, u::mg_per_dl)));
    STATIC_REQUIRE(same_type_and_value(3.5_g_per_dL, hsct::mass_concentration(3.5, u::g_per_dl)));
    STATIC_REQUIRE(same_type_and_value(41_umol_per_L, hsct::molar_concentration(41.0, u::umol_per_l)));
    STATIC_REQUIRE(same_type_and_value(0.5_e9_per_L, hsct::cell_concentration(0.5, u::giga_per_l)));
    STATIC_REQUIRE(same_type_and_value(500_per_uL, hsct::cell_concentration(0.5, u::giga_per_l)));
    STATIC_REQUIRE(same_type_and_value(5_e6_per_kg, hsct::cell_dose(5.0, u::e6_per_kg)));
    STATIC_REQUIRE(same_type_and_value(3_e8_per_kg, hsct::cell_dose(300.0, u::e6_per_kg)));
    STATIC_REQUIRE(same_type_and_value(30_mg_per_m2, hsct::dose_per_area(30.0, u::mg_per_m2)));
    STATIC_REQUIRE(same_type_and_value(50_mg_per_kg, hsct::dose_per_mass(50.0, u::mg_per_kg)));
    STATIC_REQUIRE(same_type_and_value(54_mg, hsct::total_dose(54.0, u::mg)));
    STATIC_REQUIRE(same_type_and_value(12_Gy, hsct::radiation_dose(12.0, u::Gy)));
    STATIC_REQUIRE(same_type_and_value(200_cGy, hsct::radiation_dose(2.0, u::Gy)));
    STATIC_REQUIRE(same_type_and_value(7_cGy_per_min, hsct::radiation_dose_rate(7.0, u::cGy_per_min)));
    STATIC_REQUIRE(same_type_and_value(25_pct, hsct::percent(25.0, u::pct)));
    STATIC_REQUIRE(same_type_and_value(35.1_kg_per_m2, hsct::body_mass_index(35.1, u::kg_per_m2)));
}

TEST_CASE("to_string prints the shortest exact number and the canonical unit", "[core][units]") {
    CHECK(hsct::to_string(72.5_kg) == "72.5 kg");
    CHECK(hsct::to_string(hsct::mass(72.5, u::kg), u::g) == "72500 g");
    CHECK(hsct::to_string(0.5_e9_per_L) == "0.5 x10^9/L");
    CHECK(hsct::to_string(0.5_e9_per_L, u::per_ul) == "500 /uL");
    CHECK(hsct::to_string(30_mg_per_m2) == "30 mg/m2");
    CHECK(hsct::to_string(12_Gy, u::cGy) == "1200 cGy");
    CHECK(hsct::to_string(hsct::cell_count(2e8, u::cells)) == "2e+08 cells");
    CHECK(hsct::to_string(hsct::cell_count(123456789.0, u::cells)) == "123456789 cells");
    std::ostringstream os;
    os << 1.8_m2;
    CHECK(os.str() == "1.8 m2");
    const hsct::valid_range<hsct::mass> r{hsct::mass(0.5, u::kg), hsct::mass(500.0, u::kg)};
    CHECK(hsct::to_string(r) == "0.5-500 kg");
}

TEST_CASE("parse reads back what to_string prints, for every quantity", "[core][units]") {
    const auto round_trip = [](const auto& q) {
        using Q = std::remove_cvref_t<decltype(q)>;
        const auto back = hsct::parse<Q>(hsct::to_string(q));
        REQUIRE(back.has_value());
        CHECK(*back == q);
    };
    round_trip(72.5_kg);
    round_trip(hsct::mass(0.1, u::kg) + hsct::mass(0.2, u::kg));  // 0.30000000000000004 kg
    round_trip(170_cm);
    round_trip(1.73_m2);
    round_trip(250_mL);
    round_trip(2.4_mg_per_dL);
    round_trip(41_umol_per_L);
    round_trip(hsct::catalytic_concentration(250.0, u::u_per_l));
    round_trip(0.5_e9_per_L);
    round_trip(hsct::cell_count(3.3e8, u::cells));
    round_trip(5.2_e6_per_kg);
    round_trip(30_mg_per_m2);
    round_trip(50_mg_per_kg);
    round_trip(54_mg);
    round_trip(12_Gy);
    round_trip(25_pct);
    round_trip(35.1_kg_per_m2);
}

TEST_CASE("parse accepts every spelling in the unit table for its dimension",
          "[core][units][UCUM]") {
    for (const auto& s : hsct::detail::unit_spellings) {
        CAPTURE(s.text);
        const std::string text = "2 " + std::string(s.text);
        switch (s.unit.dim) {
            case hsct::dimension::mass: {
                const auto r = hsct::parse<hsct::mass>(text);
                REQUIRE(r.has_value());
                CHECK(close(r->in(s.unit), 2.0));
                break;
            }
            case hsct::dimension::cell_concentration: {
                const auto r = hsct::parse<hsct::cell_concentration>(text);
                REQUIRE(r.has_value());
                CHECK(close(r->in(s.unit), 2.0));
                break;
            }
            case hsct::dimension::total_dose: {
                const auto r = hsct::parse<hsct::total_dose>(text);
                REQUIRE(r.has_value());
                CHECK(close(r->in(s.unit), 2.0));
                break;
            }
            case hsct::dimension::dose_per_area: {
                const auto r = hsct::parse<hsct::dose_per_area>(text);
                REQUIRE(r.has_value());
                CHECK(close(r->in(s.unit), 2.0));
                break;
            }
            default: {
                const auto unit = hsct::find_unit(s.text, s.unit.dim, "f");
                REQUIRE(unit.has_value());
                CHECK(*unit == s.unit);
            }
        }
    }
}

TEST_CASE("UCUM and printed spellings of one unit mean the same unit", "[core][units][UCUM]") {
    const auto giga = hsct::find_unit("10*9/L", hsct::dimension::cell_concentration, "f");
    const auto printed = hsct::find_unit("x10^9/L", hsct::dimension::cell_concentration, "f");
    const auto kilo = hsct::find_unit("K/uL", hsct::dimension::cell_concentration, "f");
    REQUIRE(giga.has_value());
    REQUIRE(printed.has_value());
    REQUIRE(kilo.has_value());
    CHECK(hsct::detail::to_canonical(1.0, *giga) == hsct::detail::to_canonical(1.0, *kilo));
    CHECK(*giga == *printed);
    // micro sign and Greek mu
    CHECK(hsct::find_unit("\xC2\xB5mol/L", hsct::dimension::molar_concentration, "f").has_value());
    CHECK(hsct::find_unit("Gy/min", hsct::dimension::radiation_dose_rate, "f")->num == 100.0);
    CHECK(hsct::find_unit("cGy/min", hsct::dimension::radiation_dose, "f").error().code() ==
          hsct::errc::wrong_dimension);
    CHECK(hsct::find_unit("\xCE\xBCmol/L", hsct::dimension::molar_concentration, "f").has_value());
}

TEST_CASE("unit matching is case-sensitive: G/L is giga per litre, g/L is grams per litre",
          "[core][units][UCUM]") {
    const auto g_count = hsct::find_unit("G/L", hsct::dimension::cell_concentration, "f");
    REQUIRE(g_count.has_value());
    CHECK(g_count->dim == hsct::dimension::cell_concentration);
    const auto g_mass = hsct::find_unit("g/L", hsct::dimension::cell_concentration, "f");
    REQUIRE_FALSE(g_mass.has_value());
    CHECK(g_mass.error().code() == hsct::errc::wrong_dimension);
    const auto ml_upper = hsct::find_unit("ML", hsct::dimension::volume, "f");
    REQUIRE_FALSE(ml_upper.has_value());
    CHECK(ml_upper.error().code() == hsct::errc::unknown_unit);
}

TEST_CASE("an unknown unit and a unit of the wrong kind are different errors", "[core][units]") {
    const auto unknown = hsct::parse<hsct::mass>("3 stone");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code() == hsct::errc::unknown_unit);
    CHECK(unknown.error().field() == "mass");
    CHECK(unknown.error().value() == "stone");
    CHECK(unknown.error().valid_range() == "kg, g, mg, lb, oz");
    const auto wrong = hsct::parse<hsct::dose_per_area>("30 mg/kg");
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code() == hsct::errc::wrong_dimension);
    CHECK(wrong.error().message() ==
          "dose per area: unit 'mg/kg' does not measure this field; expected one of mg/m2, g/m2, ug/m2");
    // IU is not U (UCUM [iU] is an arbitrary unit)
    const auto iu = hsct::find_unit("IU/L", hsct::dimension::catalytic_concentration, "ldh");
    REQUIRE_FALSE(iu.has_value());
    CHECK(iu.error().code() == hsct::errc::unknown_unit);
}

TEST_CASE("malformed text is a syntax error that quotes the input", "[core][units]") {
    const auto huge = hsct::parse<hsct::mass>("1e400 kg");
    REQUIRE_FALSE(huge.has_value());
    CHECK(huge.error().code() == hsct::errc::out_of_range);
    CHECK(huge.error().value() == "1e400 kg");
    for (const char* bad : {"", "kg", "72.5", "  ", "abc kg", "1..2 kg", "0x10 kg", "nan kg",
                            "inf kg", "--1 kg", "+-1 kg", "1e kg", "1 2 kg"}) {
        CAPTURE(bad);
        const auto r = hsct::parse<hsct::mass>(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK((r.error().code() == hsct::errc::syntax || r.error().code() == hsct::errc::unknown_unit));
    }
    const auto r = hsct::parse<hsct::mass>("1\x01kg");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().value().find('\x01') == std::string::npos);
}

TEST_CASE("parse with a range: below, at and above each bound", "[core][units]") {
    const hsct::valid_range<hsct::mass> weight{hsct::mass(0.5, u::kg), hsct::mass(300.0, u::kg)};
    CHECK_FALSE(hsct::parse<hsct::mass>("0.49 kg", weight, "weight").has_value());
    CHECK(hsct::parse<hsct::mass>("0.5 kg", weight, "weight").has_value());
    CHECK(hsct::parse<hsct::mass>("500 g", weight, "weight").has_value());
    CHECK(hsct::parse<hsct::mass>("300 kg", weight, "weight").has_value());
    const auto above = hsct::parse<hsct::mass>("300.01 kg", weight, "weight");
    REQUIRE_FALSE(above.has_value());
    CHECK(above.error().message() == "weight: 300.01 kg is outside the valid range 0.5-300 kg");
    const auto neg = hsct::parse<hsct::mass>("-1 kg");
    REQUIRE_FALSE(neg.has_value());
    CHECK(neg.error().code() == hsct::errc::out_of_range);
}

TEST_CASE("make_checked refuses NaN, infinity and values outside the range; it never clamps",
          "[core][units]") {
    const hsct::valid_range<hsct::mass> weight{hsct::mass(0.5, u::kg), hsct::mass(300.0, u::kg)};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const auto n = hsct::make_checked(nan, u::kg, weight, "weight");
    REQUIRE_FALSE(n.has_value());
    CHECK(n.error().code() == hsct::errc::not_finite);
    CHECK(n.error().message() == "weight: nan kg is not a finite number; the valid range is 0.5-300 kg");
    CHECK(hsct::make_checked(inf, u::kg, weight, "weight").error().code() == hsct::errc::not_finite);
    CHECK(hsct::make_checked(-inf, u::kg, weight, "weight").error().code() == hsct::errc::not_finite);
    const auto big = hsct::make_checked(900.0, u::kg, weight, "weight");
    REQUIRE_FALSE(big.has_value());
    CHECK(big.error().message() == "weight: 900 kg is outside the valid range 0.5-300 kg");
    CHECK(hsct::make_checked(300.0, u::kg, weight, "weight").value() == hsct::mass(300.0, u::kg));
    CHECK(hsct::make_checked(0.0, u::kg, weight, "weight").error().code() == hsct::errc::out_of_range);
    // run-time unit form
    const auto g = hsct::make_checked<hsct::mass>(2000.0, u::g.info, weight, "weight");
    REQUIRE(g.has_value());
    CHECK(*g == hsct::mass(2.0, u::kg));
    CHECK(hsct::make_checked<hsct::mass>(nan, u::g.info, weight, "weight").error().code() ==
          hsct::errc::not_finite);
    CHECK(hsct::make_checked<hsct::mass>(1.0, u::g.info, weight, "weight").error().value() == "1 g");
}

TEST_CASE("default ranges: a plain quantity is non-negative", "[core][units]") {
    constexpr auto r = hsct::default_range<hsct::radiation_dose>();
    STATIC_REQUIRE(r.lo == hsct::radiation_dose(0.0, u::Gy));
    STATIC_REQUIRE(r.contains(hsct::radiation_dose(1e300, u::Gy)));
    STATIC_REQUIRE_FALSE(r.contains(hsct::radiation_dose(-1e-300, u::Gy)));
}

TEST_CASE("check_range checks a value that is already typed", "[core][units]") {
    const hsct::valid_range<hsct::mass> weight{hsct::mass(0.5, u::kg), hsct::mass(300.0, u::kg)};
    CHECK(hsct::check_range(hsct::mass(300.0, u::kg), weight, "w").value() == hsct::mass(300.0, u::kg));
    const auto above = hsct::check_range(hsct::mass(300.5, u::kg), weight, "w");
    REQUIRE_FALSE(above.has_value());
    CHECK(above.error().message() == "w: 300.5 kg is outside the valid range 0.5-300 kg");
    const auto below = hsct::check_range(hsct::mass(400.0, u::g), weight, "w");
    CHECK(below.error().value() == "0.4 kg");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(hsct::check_range(hsct::mass(nan, u::kg), weight, "w").error().code() == hsct::errc::not_finite);
}

TEST_CASE("the per-thread unit cache never changes an answer", "[core][units]") {
    // The same spelling means different units for different quantities ("mg", "g").
    CHECK(hsct::find_unit_for<hsct::mass>("mg", "f")->dim == hsct::dimension::mass);
    CHECK(hsct::find_unit_for<hsct::total_dose>("mg", "f")->dim == hsct::dimension::total_dose);
    CHECK(hsct::find_unit_for<hsct::mass>("mg", "f")->dim == hsct::dimension::mass);
    // Alternating spellings, an error in between (not cached), then the first again.
    for (int round = 0; round < 3; ++round) {
        CHECK(hsct::parse<hsct::mass>("2 g")->in(u::g) == 2.0);
        CHECK(hsct::parse<hsct::mass>("2 kg")->in(u::kg) == 2.0);
        CHECK(hsct::parse<hsct::mass>("2 furlongs").error().code() == hsct::errc::unknown_unit);
        CHECK(hsct::parse<hsct::mass>("2 cm").error().code() == hsct::errc::wrong_dimension);
        CHECK(hsct::parse<hsct::mass>("2 g")->in(u::g) == 2.0);
    }
    // A prefix of a cached spelling is not a hit.
    CHECK(hsct::find_unit_for<hsct::cell_concentration>("10*9/L", "f").has_value());
    CHECK(hsct::find_unit_for<hsct::cell_concentration>("10*9/", "f").error().code() ==
          hsct::errc::unknown_unit);
    // Spellings longer than the cache still work.
    const std::string long_text = std::string(40, ' ') + "kg";
    CHECK(hsct::find_unit_for<hsct::mass>(long_text, "f").has_value());
    CHECK(hsct::find_unit_for<hsct::mass>(long_text, "f").has_value());
}

// --- Inches, feet, pounds and ounces (CORE-UNIT-004, CORE-UNIT-005) ------------------------

namespace {
template <class Q>
std::string streamed(const Q& q) {
    std::ostringstream os;
    os << q;
    return os.str();
}
}  // namespace

TEST_CASE("inch and foot: UCUM [in_i] = 2.54 cm and [ft_i] = 30.48 cm exactly",
          "[core][units][CORE-UNIT-004][UCUM]") {
    STATIC_REQUIRE(hsct::length(1.0, u::in).in(u::cm) == 2.54);
    STATIC_REQUIRE(hsct::length(1.0, u::ft).in(u::cm) == 30.48);
    STATIC_REQUIRE(hsct::length(12.0, u::in) == hsct::length(1.0, u::ft));
    STATIC_REQUIRE(hsct::length(67.0, u::in).in(u::cm) == 170.18);
    STATIC_REQUIRE(hsct::length(254.0, u::cm).in(u::in) == 100.0);
    STATIC_REQUIRE(hsct::length(3048.0, u::mm).in(u::ft) == 10.0);
    STATIC_REQUIRE(same_type_and_value(67_in, hsct::length(67.0, u::in)));
    STATIC_REQUIRE(same_type_and_value(6_ft, hsct::length(72.0, u::in)));
    STATIC_REQUIRE(u::in.info.ucum == "[in_i]");
    STATIC_REQUIRE(u::ft.info.ucum == "[ft_i]");
    CHECK(hsct::to_string(67_in, u::in) == "67 in");
    CHECK(hsct::to_string(6_ft) == "182.88 cm");
}

TEST_CASE("pound and ounce: UCUM [lb_av] = 0.45359237 kg and [oz_av] = 1/16 lb exactly",
          "[core][units][CORE-UNIT-005][UCUM]") {
    STATIC_REQUIRE(hsct::mass(1.0, u::lb).in(u::kg) == 0.45359237);
    STATIC_REQUIRE(hsct::mass(1.0, u::oz).in(u::kg) == 0.028349523125);
    STATIC_REQUIRE(hsct::mass(16.0, u::oz) == hsct::mass(1.0, u::lb));
    STATIC_REQUIRE(hsct::mass(100.0, u::lb).in(u::kg) == 45.359237);
    STATIC_REQUIRE(hsct::mass(45359237.0, u::g).in(u::lb) == 100000.0);
    STATIC_REQUIRE(same_type_and_value(150_lb, hsct::mass(150.0, u::lb)));
    STATIC_REQUIRE(same_type_and_value(8_oz, hsct::mass(0.5, u::lb)));
    STATIC_REQUIRE(u::lb.info.ucum == "[lb_av]");
    STATIC_REQUIRE(u::oz.info.ucum == "[oz_av]");
    CHECK(hsct::to_string(150_lb) == "68.0388555 kg");
    CHECK(hsct::to_string(150_lb, u::lb) == "150 lb");
}

TEST_CASE("US spellings: UCUM codes and printed forms, case-sensitive",
          "[core][units][CORE-UNIT-004][CORE-UNIT-005][UCUM]") {
    for (const char* s : {"in", "[in_i]", "inch", "inches", "\"", "\xE2\x80\xB3"}) {
        CAPTURE(s);
        CHECK(hsct::find_unit(s, hsct::dimension::length, "f").value() == u::in.info);
        CHECK(hsct::parse<hsct::length>(std::string("70 ") + s).value() == 70_in);
    }
    for (const char* s : {"ft", "[ft_i]", "foot", "feet", "'", "\xE2\x80\xB2"}) {
        CAPTURE(s);
        CHECK(hsct::find_unit(s, hsct::dimension::length, "f").value() == u::ft.info);
        CHECK(hsct::parse<hsct::length>(std::string("5") + s).value() == 5_ft);
    }
    for (const char* s : {"lb", "[lb_av]", "lbs", "pound", "pounds"}) {
        CAPTURE(s);
        CHECK(hsct::parse<hsct::mass>(std::string("150 ") + s).value() == 150_lb);
    }
    for (const char* s : {"oz", "[oz_av]", "ounce", "ounces"}) {
        CAPTURE(s);
        CHECK(hsct::parse<hsct::mass>(std::string("8 ") + s).value() == 8_oz);
    }
    for (const char* s : {"IN", "Ft", "LB", "OZ", "Lbs", "inchs"}) {
        CAPTURE(s);
        CHECK(hsct::find_unit(s, [](hsct::dimension) { return true; }, "f").error().code() ==
              hsct::errc::unknown_unit);
    }
    // No US spelling shadows another unit: every spelling in the table is listed once.
    const std::size_t n = std::size(hsct::detail::unit_spellings);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const auto& a = hsct::detail::unit_spellings[i];
            const auto& b = hsct::detail::unit_spellings[j];
            CHECK_FALSE((a.text == b.text && a.unit.dim == b.unit.dim));
        }
    }
    CHECK(hsct::parse<hsct::total_dose>("2 lb").error().code() == hsct::errc::wrong_dimension);
    CHECK(hsct::parse<hsct::length>("2 cm").value() == 2_cm);
}

TEST_CASE("feet and inches, pounds and ounces in one text", "[core][units][CORE-UNIT-004][CORE-UNIT-005]") {
    const auto five_seven = hsct::length(67.0, u::in);  // 170.18 cm
    for (const char* t : {"5 ft 7 in", "5'7\"", "5' 7\"", " 5 ' 7 \" ", "5ft7in", "5 feet 7 inches",
                          "5 foot 7 inch", "5 [ft_i] 7 [in_i]", "5\xE2\x80\xB2" "7\xE2\x80\xB3"}) {
        CAPTURE(t);
        const auto r = hsct::parse<hsct::length>(t);
        REQUIRE(r.has_value());
        CHECK(*r == five_seven);
        CHECK(r->in(u::cm) == 170.18);
    }
    CHECK(hsct::parse<hsct::length>("5' 7.5\"").value() == hsct::length(67.5, u::in));
    CHECK(hsct::parse<hsct::length>("6 ft 0 in").value() == 6_ft);
    CHECK(hsct::parse<hsct::length>("0 ft 11.99 in").value() == hsct::length(11.99, u::in));
    CHECK(hsct::parse<hsct::length>("5'7,5\"", {.decimal = hsct::decimal_mark::comma}).value() ==
          hsct::length(67.5, u::in));
    const auto pounds = hsct::mass(2408.0, u::oz);  // 150 lb 8 oz
    for (const char* t : {"150 lb 8 oz", "150 lbs 8 oz", "150 pounds 8 ounces", "150lb8oz",
                          "150 [lb_av] 8 [oz_av]", "150 pound 8 ounce"}) {
        CAPTURE(t);
        const auto r = hsct::parse<hsct::mass>(t);
        REQUIRE(r.has_value());
        CHECK(*r == pounds);
    }
    CHECK(hsct::parse<hsct::mass>("150 lb 8 oz")->in(u::kg) == 68.265651685);
    // The patient height and weight readers call parse<length>/parse<mass> with their ranges.
    const hsct::valid_range<hsct::length> height{20_cm, 250_cm};
    CHECK(hsct::parse<hsct::length>("5'7\"", height, "height").value() == five_seven);
    const auto tall = hsct::parse<hsct::length>("9 ft 0 in", height, "height");
    REQUIRE_FALSE(tall.has_value());
    CHECK(tall.error().message() == "height: 108 in is outside the valid range 20-250 cm");
}

TEST_CASE("compound US forms: what is refused", "[core][units][CORE-UNIT-004][CORE-UNIT-005]") {
    const auto inches = hsct::parse<hsct::length>("5 ft 12 in");
    REQUIRE_FALSE(inches.has_value());
    CHECK(inches.error().message() ==
          "length: cannot read '5 ft 12 in'; expected whole feet, then inches from 0 to below 12, "
          "e.g. '5 ft 7 in' or '5'7\"'");
    const auto ounces = hsct::parse<hsct::mass>("150 lb 16 oz");
    REQUIRE_FALSE(ounces.has_value());
    CHECK(ounces.error().code() == hsct::errc::syntax);
    CHECK(ounces.error().valid_range() ==
          "whole pounds, then ounces from 0 to below 16, e.g. '150 lb 8 oz'");
    // Fractional feet with inches, a missing inch mark, mixed systems: one number and a unit
    // that hsct does not know.
    for (const char* t : {"5.5 ft 3 in", "5 ft 7", "5 ft 7 cm", "5 ft -1 in", "5 ft 3 oz"}) {
        CAPTURE(t);
        const auto r = hsct::parse<hsct::length>(t);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::unknown_unit);
    }
    for (const char* t : {"150 lb 8", "150 lb 3 in", "150.5 lb 2 oz"}) {
        CAPTURE(t);
        const auto r = hsct::parse<hsct::mass>(t);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::unknown_unit);
    }
    // A decimal comma in the inches needs a declared convention.
    const auto comma = hsct::parse<hsct::length>("5'7,5\"");
    REQUIRE_FALSE(comma.has_value());
    CHECK(comma.error().code() == hsct::errc::syntax);
    CHECK(comma.error().value() == "7,5");
    // Plain feet with a decimal point are an ordinary value.
    CHECK(hsct::parse<hsct::length>("5.5 ft").value() == hsct::length(66.0, u::in));
}

// --- Number conventions in parse (CORE-TEXT-001) -------------------------------------------

TEST_CASE("regression: '1,250 /uL' is a syntax error on the number, not an unknown unit ',250 /uL'",
          "[core][units][CORE-TEXT-001]") {
    const auto r = hsct::parse<hsct::cell_concentration>("1,250 /uL");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::syntax);
    CHECK(r.error().field() == "cell concentration");
    CHECK(r.error().value() == "1,250");
    CHECK(r.error().message() ==
          "cell concentration: cannot read '1,250'; expected a number with a decimal point and no "
          "thousands separator, e.g. '1250.5'; ',' is ambiguous (decimal comma or thousands "
          "separator): declare a number_convention");
    for (const char* t : {"1.250,5 /uL", "1 250 /uL", "1'250 /uL", "1,5 mg/dL"}) {
        CAPTURE(t);
        const auto q = hsct::parse<hsct::cell_concentration>(t);
        REQUIRE_FALSE(q.has_value());
        CHECK((q.error().code() == hsct::errc::syntax || q.error().code() == hsct::errc::wrong_dimension));
    }
    CHECK(hsct::parse<hsct::cell_concentration>("1 250 /uL").error().value() == "1 250");
}

TEST_CASE("parse reads numbers under a declared convention", "[core][units][CORE-TEXT-001]") {
    const hsct::number_convention continental{.decimal = hsct::decimal_mark::comma,
                                              .grouping = hsct::group_separator::period};
    CHECK(hsct::parse<hsct::cell_concentration>("1.250 /uL", continental).value() ==
          hsct::cell_concentration(1.25, u::giga_per_l));
    CHECK(hsct::parse<hsct::mass>("72,5 kg", continental).value() == 72.5_kg);
    CHECK(hsct::parse<hsct::mass>("1.250,5 g", continental).value() == hsct::mass(1250.5, u::g));
    const hsct::number_convention grouped{.grouping = hsct::group_separator::comma};
    CHECK(hsct::parse<hsct::cell_concentration>("1,250 /uL", grouped).value() ==
          hsct::cell_concentration(1.25, u::giga_per_l));
    const hsct::number_convention spaced{.decimal = hsct::decimal_mark::comma,
                                         .grouping = hsct::group_separator::space};
    CHECK(hsct::parse<hsct::cell_concentration>("1 250 /uL", spaced).value() ==
          hsct::cell_concentration(1.25, u::giga_per_l));
    // A unit that starts with digits is not taken for a group of digits.
    CHECK(hsct::parse<hsct::cell_concentration>("2 10*9/L", spaced).value() ==
          hsct::cell_concentration(2.0, u::giga_per_l));
    CHECK(hsct::parse<hsct::cell_concentration>("1 250 10*3/uL", spaced).value() ==
          hsct::cell_concentration(1250.0, u::kilo_per_ul));
    const hsct::valid_range<hsct::mass> weight{hsct::mass(0.5, u::kg), hsct::mass(300.0, u::kg)};
    const auto big = hsct::parse<hsct::mass>("1.250 kg", weight, "weight", continental);
    REQUIRE_FALSE(big.has_value());
    CHECK(big.error().message() == "weight: 1250 kg is outside the valid range 0.5-300 kg");
    const auto bad = hsct::parse<hsct::mass>("1", {.decimal = hsct::decimal_mark::comma,
                                                   .grouping = hsct::group_separator::comma});
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::inconsistent);
}

// --- Output: stream flags, no negative zero, display precision ------------------------------

TEST_CASE("regression: operator<< honours the stream's precision and floatfield",
          "[core][units][io]") {
    const hsct::mass third(1.0 / 3.0, u::kg);
    {
        std::ostringstream os;
        os << std::setprecision(3) << third;
        CHECK(os.str() == "0.333 kg");
    }
    {
        std::ostringstream os;
        os << std::fixed << std::setprecision(1) << hsct::mass(72.45, u::kg);
        CHECK(os.str() == "72.5 kg");
    }
    {
        std::ostringstream os;
        os << std::scientific << std::setprecision(2) << 72.5_kg;
        CHECK(os.str() == "7.25e+01 kg");
    }
    {
        std::ostringstream os;
        os << std::fixed << std::setprecision(0) << 1.8_m2 << " " << std::setprecision(3) << 1.8_m2;
        CHECK(os.str() == "2 m2 1.800 m2");
    }
    {
        std::ostringstream os;
        os << std::showpos << std::fixed << std::setprecision(1) << 72.5_kg;
        CHECK(os.str() == "+72.5 kg");
    }
    {
        std::ostringstream os;
        os << std::uppercase << std::scientific << std::setprecision(1) << 72.6_kg;
        CHECK(os.str() == "7.3E+01 kg");
    }
}

TEST_CASE("operator<< as the stream comes prints the shortest exact text", "[core][units][io]") {
    CHECK(streamed(72.5_kg) == "72.5 kg");
    CHECK(streamed(hsct::mass(0.1, u::kg) + hsct::mass(0.2, u::kg)) == "0.30000000000000004 kg");
    CHECK(streamed(hsct::mass(1.0 / 3.0, u::kg)) == "0.3333333333333333 kg");
    CHECK(streamed(hsct::cell_count(2e8, u::cells)) == "2e+08 cells");
    // Flags and precision of the stream are left as they were.
    std::ostringstream os;
    os << std::fixed << std::setprecision(2) << 72.5_kg << " " << 2.5;
    CHECK(os.str() == "72.50 kg 2.50");
    CHECK(os.precision() == 2);
}

TEST_CASE("operator<<: width, fill and alignment apply to the whole text", "[core][units][io]") {
    {
        std::ostringstream os;
        os << std::setw(10) << 72.5_kg << '|';
        CHECK(os.str() == "   72.5 kg|");
    }
    {
        std::ostringstream os;
        os << std::left << std::setfill('*') << std::setw(10) << 72.5_kg << '|' << 1.8_m2;
        CHECK(os.str() == "72.5 kg***|1.8 m2");
    }
    {
        std::ostringstream os;
        os << std::setw(12) << std::fixed << std::setprecision(2) << 1.8_m2;
        CHECK(os.str() == "     1.80 m2");
    }
}

TEST_CASE("regression: no quantity prints as -0", "[core][units][io][CORE-DISPLAY-001]") {
    const hsct::mass_concentration minus_zero(-0.0, u::mg_per_dl);
    CHECK(hsct::to_string(minus_zero) == "0 mg/dL");
    CHECK(streamed(minus_zero) == "0 mg/dL");
    const auto read = hsct::parse<hsct::mass_concentration>("-0 mg/dL");
    REQUIRE(read.has_value());
    CHECK(hsct::to_string(*read) == "0 mg/dL");
    const hsct::mass_concentration small(-0.04, u::mg_per_dl);
    std::ostringstream os;
    os << std::fixed << std::setprecision(1) << small << ' ' << std::showpos << small << ' '
       << std::noshowpos << std::setprecision(2) << small;
    CHECK(os.str() == "0.0 mg/dL +0.0 mg/dL -0.04 mg/dL");
    std::ostringstream sci;
    sci << std::scientific << std::setprecision(1) << minus_zero;
    CHECK(sci.str() == "0.0e+00 mg/dL");
    CHECK(hsct::display(hsct::mass(-0.01, u::kg)) == "0.0 kg");
}

TEST_CASE("display precision per quantity (policy)", "[core][units][CORE-DISPLAY-001]") {
    STATIC_REQUIRE(hsct::display_decimals<hsct::mass>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::length>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::area>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::volume>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::mass_concentration>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::molar_concentration>() == 0);
    STATIC_REQUIRE(hsct::display_decimals<hsct::catalytic_concentration>() == 0);
    STATIC_REQUIRE(hsct::display_decimals<hsct::cell_concentration>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::cell_count>() == 0);
    STATIC_REQUIRE(hsct::display_decimals<hsct::cell_dose>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::dose_per_area>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::dose_per_mass>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::total_dose>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::radiation_dose>() == 2);
    STATIC_REQUIRE(hsct::display_decimals<hsct::percent>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::body_mass_index>() == 1);
    STATIC_REQUIRE(hsct::display_decimals<hsct::radiation_dose_rate>() == 1);
    CHECK(hsct::display(hsct::radiation_dose_rate(0.075, u::Gy_per_min)) == "7.5 cGy/min");
    CHECK(hsct::display(hsct::mass(72.45, u::kg)) == "72.5 kg");
    CHECK(hsct::display(67_in) == "170.2 cm");
    CHECK(hsct::display(1.873_m2) == "1.87 m2");
    CHECK(hsct::display(30_mg_per_m2 * 1.9_m2) == "57.0 mg");
    CHECK(hsct::display(hsct::dose_per_mass(3.2, u::mg_per_kg)) == "3.20 mg/kg");
    CHECK(hsct::display(hsct::radiation_dose(165.0, u::cGy)) == "1.65 Gy");
    CHECK(hsct::display(0.5_e9_per_L) == "0.50 x10^9/L");
    CHECK(hsct::display(hsct::cell_count(3.3e8, u::cells)) == "330000000 cells");
    CHECK(hsct::display(150_lb, u::lb, 1) == "150.0 lb");
    CHECK(hsct::display(72.5_kg, u::lb, 1) == "159.8 lb");
}

}  // namespace hsct_test_core_units_test
