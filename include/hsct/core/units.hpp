// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The clinical quantities, their units, the arithmetic that means something between them,
// literals, and text in and out.
//
//   auto w    = hsct::mass(72.5, hsct::units::kg);          // or 72.5_kg
//   auto bsa  = hsct::area(1.9, hsct::units::m2);
//   auto dose = hsct::dose_per_area(40.0, hsct::units::mg_per_m2);
//   hsct::total_dose d = dose * bsa;                          // 76 mg
//   double mg = d.in(hsct::units::mg);
//
// There is no conversion between mg/m2 and mg/kg, no sum of a mass and a length, and no
// construction from a bare number: each of those is a compile error.
#ifndef HSCT_CORE_UNITS_HPP
#define HSCT_CORE_UNITS_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/number_format.hpp"
#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

class mass;
class length;
class area;
class volume;
class mass_concentration;
class molar_concentration;
class catalytic_concentration;
class cell_concentration;
class cell_count;
class cell_dose;
class dose_per_area;
class dose_per_mass;
class total_dose;
class radiation_dose;
class percent;
class body_mass_index;
class radiation_dose_rate;

/// Unit tags. Each is an empty type; pass the constant (units::kg) where a unit is asked for.
/// CORE-UNIT-001: the units of one quantity convert by exact decimal factors.
namespace units {

#define HSCT_DEFINE_UNIT(tag, var, quantity_type, dim, num, den, symbol, ucum)              \
    struct tag {                                                                          \
        using quantity = ::hsct::quantity_type;                                           \
        static constexpr ::hsct::unit_info info{::hsct::dimension::dim, num, den, symbol, \
                                                ucum};                                    \
    };                                                                                    \
    inline constexpr tag var {}

// Mass (canonical kg).
HSCT_DEFINE_UNIT(kilogram_t, kg, mass, mass, 1.0, 1.0, "kg", "kg");
HSCT_DEFINE_UNIT(gram_t, g, mass, mass, 1.0, 1e3, "g", "g");
HSCT_DEFINE_UNIT(milligram_mass_t, mg_mass, mass, mass, 1.0, 1e6, "mg", "mg");
// Avoirdupois pound and ounce (CORE-UNIT-005): UCUM [lb_av] = 0.45359237 kg exactly (the
// international pound of 1959), [oz_av] = 1/16 [lb_av] = 0.028349523125 kg. Both factors are
// written as integer ratios, which a double holds exactly.
HSCT_DEFINE_UNIT(pound_t, lb, mass, mass, 45359237.0, 1e8, "lb", "[lb_av]");
HSCT_DEFINE_UNIT(ounce_t, oz, mass, mass, 28349523125.0, 1e12, "oz", "[oz_av]");
// Length (canonical cm).
HSCT_DEFINE_UNIT(centimetre_t, cm, length, length, 1.0, 1.0, "cm", "cm");
HSCT_DEFINE_UNIT(metre_t, m, length, length, 100.0, 1.0, "m", "m");
HSCT_DEFINE_UNIT(millimetre_t, mm, length, length, 1.0, 10.0, "mm", "mm");
// International inch and foot (CORE-UNIT-004): UCUM [in_i] = 2.54 cm exactly, [ft_i] = 12 [in_i]
// = 30.48 cm. Written as 254/100 and 3048/100, which a double holds exactly (2.54 it does not).
HSCT_DEFINE_UNIT(inch_t, in, length, length, 254.0, 100.0, "in", "[in_i]");
HSCT_DEFINE_UNIT(foot_t, ft, length, length, 3048.0, 100.0, "ft", "[ft_i]");
// Area (canonical m2).
HSCT_DEFINE_UNIT(square_metre_t, m2, area, area, 1.0, 1.0, "m2", "m2");
HSCT_DEFINE_UNIT(square_centimetre_t, cm2, area, area, 1.0, 1e4, "cm2", "cm2");
// Volume (canonical mL).
HSCT_DEFINE_UNIT(millilitre_t, mL, volume, volume, 1.0, 1.0, "mL", "mL");
HSCT_DEFINE_UNIT(litre_t, L, volume, volume, 1e3, 1.0, "L", "L");
HSCT_DEFINE_UNIT(decilitre_t, dL, volume, volume, 100.0, 1.0, "dL", "dL");
HSCT_DEFINE_UNIT(microlitre_t, uL, volume, volume, 1.0, 1e3, "uL", "uL");
// Mass concentration (canonical mg/dL).
HSCT_DEFINE_UNIT(mg_per_dl_t, mg_per_dl, mass_concentration, mass_concentration, 1.0, 1.0,
                 "mg/dL", "mg/dL");
HSCT_DEFINE_UNIT(mg_per_l_t, mg_per_l, mass_concentration, mass_concentration, 1.0, 10.0,
                 "mg/L", "mg/L");
HSCT_DEFINE_UNIT(g_per_dl_t, g_per_dl, mass_concentration, mass_concentration, 1e3, 1.0,
                 "g/dL", "g/dL");
HSCT_DEFINE_UNIT(g_per_l_t, g_per_l, mass_concentration, mass_concentration, 100.0, 1.0,
                 "g/L", "g/L");
// Drug levels (ciclosporin, tacrolimus, sirolimus troughs): 1 ng/mL = 1 ug/L = 1e-4 mg/dL.
HSCT_DEFINE_UNIT(ng_per_ml_t, ng_per_ml, mass_concentration, mass_concentration, 1.0, 1e4,
                 "ng/mL", "ng/mL");
// Molar concentration (canonical umol/L).
HSCT_DEFINE_UNIT(umol_per_l_t, umol_per_l, molar_concentration, molar_concentration, 1.0, 1.0,
                 "umol/L", "umol/L");
HSCT_DEFINE_UNIT(mmol_per_l_t, mmol_per_l, molar_concentration, molar_concentration, 1e3, 1.0,
                 "mmol/L", "mmol/L");
HSCT_DEFINE_UNIT(nmol_per_l_t, nmol_per_l, molar_concentration, molar_concentration, 1.0, 1e3,
                 "nmol/L", "nmol/L");
// Catalytic concentration (canonical U/L). 1 U = 1 umol/min, 1 kat = 1 mol/s, so
// 1 ukat/L = 60 U/L (UCUM; IUPAC Gold Book "katal"). Requirement CORE-UNIT-003.
HSCT_DEFINE_UNIT(u_per_l_t, u_per_l, catalytic_concentration, catalytic_concentration, 1.0, 1.0,
                 "U/L", "U/L");
HSCT_DEFINE_UNIT(ukat_per_l_t, ukat_per_l, catalytic_concentration, catalytic_concentration,
                 60.0, 1.0, "ukat/L", "ukat/L");
// Cell concentration (canonical x10^9/L). 10^9/L = 10^3/uL exactly, because 1 uL = 10^-6 L;
// 1 cell/uL = 10^6/L = 0.001 x10^9/L. Requirement CORE-UNIT-002.
HSCT_DEFINE_UNIT(giga_per_l_t, giga_per_l, cell_concentration, cell_concentration, 1.0, 1.0,
                 "x10^9/L", "10*9/L");
HSCT_DEFINE_UNIT(kilo_per_ul_t, kilo_per_ul, cell_concentration, cell_concentration, 1.0, 1.0,
                 "x10^3/uL", "10*3/uL");
HSCT_DEFINE_UNIT(per_ul_t, per_ul, cell_concentration, cell_concentration, 1.0, 1e3, "/uL",
                 "/uL");
HSCT_DEFINE_UNIT(tera_per_l_t, tera_per_l, cell_concentration, cell_concentration, 1e3, 1.0,
                 "x10^12/L", "10*12/L");
// Cell count (canonical cells).
HSCT_DEFINE_UNIT(cells_t, cells, cell_count, cell_count, 1.0, 1.0, "cells", "{cells}");
HSCT_DEFINE_UNIT(mega_cells_t, e6_cells, cell_count, cell_count, 1e6, 1.0, "x10^6 cells",
                 "10*6");
HSCT_DEFINE_UNIT(e8_cells_t, e8_cells, cell_count, cell_count, 1e8, 1.0, "x10^8 cells", "10*8");
HSCT_DEFINE_UNIT(giga_cells_t, e9_cells, cell_count, cell_count, 1e9, 1.0, "x10^9 cells",
                 "10*9");
// Cell dose per kg of recipient (canonical x10^6/kg).
HSCT_DEFINE_UNIT(e6_per_kg_t, e6_per_kg, cell_dose, cell_dose, 1.0, 1.0, "x10^6/kg",
                 "10*6/kg");
HSCT_DEFINE_UNIT(e7_per_kg_t, e7_per_kg, cell_dose, cell_dose, 10.0, 1.0, "x10^7/kg",
                 "10*7/kg");
HSCT_DEFINE_UNIT(e8_per_kg_t, e8_per_kg, cell_dose, cell_dose, 100.0, 1.0, "x10^8/kg",
                 "10*8/kg");
HSCT_DEFINE_UNIT(cells_per_kg_t, cells_per_kg, cell_dose, cell_dose, 1.0, 1e6, "/kg", "/kg");
// Drug dose per body surface area (canonical mg/m2).
HSCT_DEFINE_UNIT(mg_per_m2_t, mg_per_m2, dose_per_area, dose_per_area, 1.0, 1.0, "mg/m2",
                 "mg/m2");
HSCT_DEFINE_UNIT(g_per_m2_t, g_per_m2, dose_per_area, dose_per_area, 1e3, 1.0, "g/m2", "g/m2");
HSCT_DEFINE_UNIT(ug_per_m2_t, ug_per_m2, dose_per_area, dose_per_area, 1.0, 1e3, "ug/m2",
                 "ug/m2");
// Drug dose per body mass (canonical mg/kg).
HSCT_DEFINE_UNIT(mg_per_kg_t, mg_per_kg, dose_per_mass, dose_per_mass, 1.0, 1.0, "mg/kg",
                 "mg/kg");
HSCT_DEFINE_UNIT(g_per_kg_t, g_per_kg, dose_per_mass, dose_per_mass, 1e3, 1.0, "g/kg", "g/kg");
HSCT_DEFINE_UNIT(ug_per_kg_t, ug_per_kg, dose_per_mass, dose_per_mass, 1.0, 1e3, "ug/kg",
                 "ug/kg");
// Total drug dose (canonical mg).
HSCT_DEFINE_UNIT(milligram_t, mg, total_dose, total_dose, 1.0, 1.0, "mg", "mg");
HSCT_DEFINE_UNIT(gram_dose_t, g_dose, total_dose, total_dose, 1e3, 1.0, "g", "g");
HSCT_DEFINE_UNIT(microgram_t, ug, total_dose, total_dose, 1.0, 1e3, "ug", "ug");
// Radiation dose (canonical Gy). 1 Gy = 100 cGy.
HSCT_DEFINE_UNIT(gray_t, Gy, radiation_dose, radiation_dose, 1.0, 1.0, "Gy", "Gy");
HSCT_DEFINE_UNIT(centigray_t, cGy, radiation_dose, radiation_dose, 1.0, 100.0, "cGy", "cGy");
// Radiation dose rate (canonical cGy/min, the unit TBI protocols state). 1 Gy/min = 100 cGy/min.
HSCT_DEFINE_UNIT(centigray_per_min_t, cGy_per_min, radiation_dose_rate, radiation_dose_rate, 1.0, 1.0,
                 "cGy/min", "cGy/min");
HSCT_DEFINE_UNIT(gray_per_min_t, Gy_per_min, radiation_dose_rate, radiation_dose_rate, 100.0, 1.0, "Gy/min",
                 "Gy/min");
// Percent (canonical %).
HSCT_DEFINE_UNIT(percent_t, pct, percent, percent, 1.0, 1.0, "%", "%");
// Body mass index (canonical kg/m2).
HSCT_DEFINE_UNIT(kg_per_m2_t, kg_per_m2, body_mass_index, body_mass_index, 1.0, 1.0, "kg/m2",
                 "kg/m2");

#undef HSCT_DEFINE_UNIT

}  // namespace units

namespace detail {
#define HSCT_QUANTITY_TRAITS(q, canonical, text, decimals)                       \
    template <>                                                                  \
    struct quantity_traits<q> : simple_quantity_traits<q, units::canonical> {    \
        static constexpr std::string_view name = text;                           \
        static constexpr int display_decimals = decimals;                        \
    }
}  // namespace detail

// NOLINTBEGIN(bugprone-macro-parentheses): `q` names the class declared, not an expression
#define HSCT_DEFINE_QUANTITY(q)                                \
    class q : public detail::quantity_base<q> {                \
    public:                                                    \
        using quantity_base::quantity_base;                    \
    }
// NOLINTEND(bugprone-macro-parentheses)

/// A mass, such as body weight (kg, g, mg, lb, oz). For an amount of drug, see total_dose.
HSCT_DEFINE_QUANTITY(mass);
/// A length, such as height (cm, m, mm, in, ft).
HSCT_DEFINE_QUANTITY(length);
/// An area, such as body surface area (m2, cm2).
HSCT_DEFINE_QUANTITY(area);
/// A volume (mL, L, dL, uL).
HSCT_DEFINE_QUANTITY(volume);
/// Mass per volume (mg/dL, mg/L, g/dL, g/L, ng/mL).
HSCT_DEFINE_QUANTITY(mass_concentration);
/// Amount of substance per volume (umol/L, mmol/L, nmol/L).
HSCT_DEFINE_QUANTITY(molar_concentration);
/// Enzyme activity per volume (U/L, ukat/L).
HSCT_DEFINE_QUANTITY(catalytic_concentration);
/// Cells per volume of blood or product (x10^9/L, x10^3/uL, /uL, x10^12/L).
HSCT_DEFINE_QUANTITY(cell_concentration);
/// A number of cells, such as the CD34+ cells in a product (cells, x10^6, x10^8, x10^9).
HSCT_DEFINE_QUANTITY(cell_count);
/// Cells per kg of recipient body weight (x10^6/kg, x10^7/kg, x10^8/kg, /kg).
HSCT_DEFINE_QUANTITY(cell_dose);
/// Drug dose per m2 of body surface area (mg/m2, g/m2, ug/m2). Never converts to mg/kg.
HSCT_DEFINE_QUANTITY(dose_per_area);
/// Drug dose per kg of body mass (mg/kg, g/kg, ug/kg). Never converts to mg/m2.
HSCT_DEFINE_QUANTITY(dose_per_mass);
/// An amount of drug (mg, g, ug).
HSCT_DEFINE_QUANTITY(total_dose);
/// Absorbed radiation dose (Gy, cGy).
HSCT_DEFINE_QUANTITY(radiation_dose);
/// A proportion in percent (%), such as the percent of body surface area with rash.
HSCT_DEFINE_QUANTITY(percent);
/// Body mass index (kg/m2): body mass divided by the square of height.
HSCT_DEFINE_QUANTITY(body_mass_index);
/// Absorbed radiation dose per minute (Gy/min, cGy/min), e.g. a TBI dose rate.
HSCT_DEFINE_QUANTITY(radiation_dose_rate);

#undef HSCT_DEFINE_QUANTITY

namespace detail {
// The last argument is the display precision (CORE-DISPLAY-001, hsct policy): decimals shown to
// clinicians in the canonical unit by hsct::display; docs/core.md gives the reasoning.
HSCT_QUANTITY_TRAITS(mass, kilogram_t, "mass", 1);                                 // 72.5 kg
HSCT_QUANTITY_TRAITS(length, centimetre_t, "length", 1);                           // 170.2 cm
HSCT_QUANTITY_TRAITS(area, square_metre_t, "area", 2);                             // 1.87 m2
HSCT_QUANTITY_TRAITS(volume, millilitre_t, "volume", 1);                           // 2.5 mL
HSCT_QUANTITY_TRAITS(mass_concentration, mg_per_dl_t, "mass concentration", 2);    // 0.84 mg/dL
HSCT_QUANTITY_TRAITS(molar_concentration, umol_per_l_t, "molar concentration", 0); // 41 umol/L
HSCT_QUANTITY_TRAITS(catalytic_concentration, u_per_l_t, "catalytic concentration", 0);
HSCT_QUANTITY_TRAITS(cell_concentration, giga_per_l_t, "cell concentration", 2);   // 0.50 x10^9/L
HSCT_QUANTITY_TRAITS(cell_count, cells_t, "cell count", 0);                        // 330000000 cells
HSCT_QUANTITY_TRAITS(cell_dose, e6_per_kg_t, "cell dose", 2);                      // 5.23 x10^6/kg
HSCT_QUANTITY_TRAITS(dose_per_area, mg_per_m2_t, "dose per area", 1);              // 30.0 mg/m2
HSCT_QUANTITY_TRAITS(dose_per_mass, mg_per_kg_t, "dose per mass", 2);              // 3.20 mg/kg
HSCT_QUANTITY_TRAITS(total_dose, milligram_t, "total dose", 1);                    // 57.0 mg
HSCT_QUANTITY_TRAITS(radiation_dose, gray_t, "radiation dose", 2);                 // 1.65 Gy
HSCT_QUANTITY_TRAITS(percent, percent_t, "percent", 1);                            // 97.5 %
HSCT_QUANTITY_TRAITS(body_mass_index, kg_per_m2_t, "body mass index", 1);          // 24.3 kg/m2
HSCT_QUANTITY_TRAITS(radiation_dose_rate, centigray_per_min_t, "radiation dose rate", 1);  // 7.5 cGy/min
#undef HSCT_QUANTITY_TRAITS
}  // namespace detail

// ---------------------------------------------------------------------------------------
// Arithmetic across quantities: only the products and quotients that mean something.
// ---------------------------------------------------------------------------------------

/// mg/m2 x m2 -> mg.
[[nodiscard]] constexpr total_dose operator*(const dose_per_area& d, const area& a) noexcept {
    return total_dose(d.in(units::mg_per_m2) * a.in(units::m2), units::mg);
}
[[nodiscard]] constexpr total_dose operator*(const area& a, const dose_per_area& d) noexcept {
    return d * a;
}
/// mg/kg x kg -> mg.
[[nodiscard]] constexpr total_dose operator*(const dose_per_mass& d, const mass& m) noexcept {
    return total_dose(d.in(units::mg_per_kg) * m.in(units::kg), units::mg);
}
[[nodiscard]] constexpr total_dose operator*(const mass& m, const dose_per_mass& d) noexcept {
    return d * m;
}
/// mg / m2 -> mg/m2.
[[nodiscard]] constexpr dose_per_area operator/(const total_dose& d, const area& a) noexcept {
    return dose_per_area(d.in(units::mg) / a.in(units::m2), units::mg_per_m2);
}
/// mg / kg -> mg/kg.
[[nodiscard]] constexpr dose_per_mass operator/(const total_dose& d, const mass& m) noexcept {
    return dose_per_mass(d.in(units::mg) / m.in(units::kg), units::mg_per_kg);
}
/// cells / kg -> cells/kg.
[[nodiscard]] constexpr cell_dose operator/(const cell_count& c, const mass& m) noexcept {
    return cell_dose(c.in(units::cells) / m.in(units::kg), units::cells_per_kg);
}
/// cells/kg x kg -> cells.
[[nodiscard]] constexpr cell_count operator*(const cell_dose& d, const mass& m) noexcept {
    return cell_count(d.in(units::cells_per_kg) * m.in(units::kg), units::cells);
}
[[nodiscard]] constexpr cell_count operator*(const mass& m, const cell_dose& d) noexcept {
    return d * m;
}
/// cells/L x L -> cells (e.g. CD34+ per uL of product x product volume).
[[nodiscard]] constexpr cell_count operator*(const cell_concentration& c,
                                             const volume& v) noexcept {
    return cell_count(c.in(units::giga_per_l) * v.in(units::L), units::e9_cells);
}
[[nodiscard]] constexpr cell_count operator*(const volume& v,
                                             const cell_concentration& c) noexcept {
    return c * v;
}
/// cells / L -> cells/L.
[[nodiscard]] constexpr cell_concentration operator/(const cell_count& c,
                                                     const volume& v) noexcept {
    return cell_concentration(c.in(units::e9_cells) / v.in(units::L), units::giga_per_l);
}

// ---------------------------------------------------------------------------------------
// Literals: 72.5_kg, 170_cm, 1.8_m2, 40_mg_per_m2, 12_Gy ...
// ---------------------------------------------------------------------------------------
namespace literals {
// NOLINTBEGIN(bugprone-macro-parentheses): `quantity_type` is a type, not an expression
#define HSCT_DEFINE_LITERAL(suffix, quantity_type, unit)                                     \
    consteval quantity_type operator""_##suffix(long double v) {                           \
        return quantity_type(static_cast<double>(v), units::unit);                         \
    }                                                                                      \
    consteval quantity_type operator""_##suffix(unsigned long long v) {                    \
        return quantity_type(static_cast<double>(v), units::unit);                         \
    }
// NOLINTEND(bugprone-macro-parentheses)
HSCT_DEFINE_LITERAL(kg, mass, kg)
HSCT_DEFINE_LITERAL(lb, mass, lb)
HSCT_DEFINE_LITERAL(oz, mass, oz)
HSCT_DEFINE_LITERAL(cm, length, cm)
HSCT_DEFINE_LITERAL(in, length, in)
HSCT_DEFINE_LITERAL(ft, length, ft)
HSCT_DEFINE_LITERAL(m2, area, m2)
HSCT_DEFINE_LITERAL(mL, volume, mL)
HSCT_DEFINE_LITERAL(L, volume, L)
HSCT_DEFINE_LITERAL(mg_per_dL, mass_concentration, mg_per_dl)
HSCT_DEFINE_LITERAL(g_per_dL, mass_concentration, g_per_dl)
HSCT_DEFINE_LITERAL(umol_per_L, molar_concentration, umol_per_l)
HSCT_DEFINE_LITERAL(e9_per_L, cell_concentration, giga_per_l)
HSCT_DEFINE_LITERAL(per_uL, cell_concentration, per_ul)
HSCT_DEFINE_LITERAL(e6_per_kg, cell_dose, e6_per_kg)
HSCT_DEFINE_LITERAL(e8_per_kg, cell_dose, e8_per_kg)
HSCT_DEFINE_LITERAL(mg_per_m2, dose_per_area, mg_per_m2)
HSCT_DEFINE_LITERAL(mg_per_kg, dose_per_mass, mg_per_kg)
HSCT_DEFINE_LITERAL(mg, total_dose, mg)
HSCT_DEFINE_LITERAL(Gy, radiation_dose, Gy)
HSCT_DEFINE_LITERAL(cGy, radiation_dose, cGy)
HSCT_DEFINE_LITERAL(pct, percent, pct)
HSCT_DEFINE_LITERAL(kg_per_m2, body_mass_index, kg_per_m2)
HSCT_DEFINE_LITERAL(cGy_per_min, radiation_dose_rate, cGy_per_min)
#undef HSCT_DEFINE_LITERAL
}  // namespace literals

// ---------------------------------------------------------------------------------------
// Units at run time: every spelling hsct reads, as labs and users send them.
// ---------------------------------------------------------------------------------------

/// One accepted spelling of a unit.
struct unit_spelling {
    std::string_view text;
    unit_info unit;
    bool preferred;  ///< listed in "expected one of ..." messages
};

namespace detail {
/// Every spelling hsct reads (a built-in array: nothing to instantiate in every TU).
inline constexpr unit_spelling unit_spellings[] = {
    // Mass
    unit_spelling{"kg", units::kg.info, true},
    unit_spelling{"g", units::g.info, true},
    // "mg" is ambiguous between a body mass and a drug amount; the quantity decides
    // which of the two entries applies (see find_unit).
    unit_spelling{"mg", units::mg_mass.info, true},
    // Avoirdupois pound and ounce (CORE-UNIT-005): UCUM codes and the printed forms US
    // systems use. Lower case only, as printed; "LB" and "OZ" are not read.
    unit_spelling{"lb", units::lb.info, true},
    unit_spelling{"[lb_av]", units::lb.info, false},
    unit_spelling{"lbs", units::lb.info, false},
    unit_spelling{"pound", units::lb.info, false},
    unit_spelling{"pounds", units::lb.info, false},
    unit_spelling{"oz", units::oz.info, true},
    unit_spelling{"[oz_av]", units::oz.info, false},
    unit_spelling{"ounce", units::oz.info, false},
    unit_spelling{"ounces", units::oz.info, false},
    // Length
    unit_spelling{"cm", units::cm.info, true},
    unit_spelling{"m", units::m.info, true},
    unit_spelling{"mm", units::mm.info, true},
    // International inch and foot (CORE-UNIT-004), with the marks 5'7" uses: the ASCII
    // apostrophe and quotation mark, and the prime and double prime (U+2032, U+2033).
    unit_spelling{"in", units::in.info, true},
    unit_spelling{"[in_i]", units::in.info, false},
    unit_spelling{"inch", units::in.info, false},
    unit_spelling{"inches", units::in.info, false},
    unit_spelling{"\"", units::in.info, false},
    unit_spelling{"\xE2\x80\xB3", units::in.info, false},  // ″ double prime
    unit_spelling{"ft", units::ft.info, true},
    unit_spelling{"[ft_i]", units::ft.info, false},
    unit_spelling{"foot", units::ft.info, false},
    unit_spelling{"feet", units::ft.info, false},
    unit_spelling{"'", units::ft.info, false},
    unit_spelling{"\xE2\x80\xB2", units::ft.info, false},  // ′ prime
    // Area
    unit_spelling{"m2", units::m2.info, true},
    unit_spelling{"m^2", units::m2.info, false},
    unit_spelling{"m\xC2\xB2", units::m2.info, false},  // m²
    unit_spelling{"cm2", units::cm2.info, true},
    // Volume
    unit_spelling{"mL", units::mL.info, true},
    unit_spelling{"ml", units::mL.info, false},
    unit_spelling{"L", units::L.info, true},
    unit_spelling{"l", units::L.info, false},
    unit_spelling{"dL", units::dL.info, true},
    unit_spelling{"uL", units::uL.info, true},
    unit_spelling{"\xC2\xB5L", units::uL.info, false},  // µL (micro sign)
    // Mass concentration
    unit_spelling{"mg/dL", units::mg_per_dl.info, true},
    unit_spelling{"mg/dl", units::mg_per_dl.info, false},
    unit_spelling{"MG/DL", units::mg_per_dl.info, false},
    unit_spelling{"mg%", units::mg_per_dl.info, false},
    unit_spelling{"mg/L", units::mg_per_l.info, true},
    unit_spelling{"mg/l", units::mg_per_l.info, false},
    unit_spelling{"g/dL", units::g_per_dl.info, true},
    unit_spelling{"g/dl", units::g_per_dl.info, false},
    unit_spelling{"G/DL", units::g_per_dl.info, false},
    unit_spelling{"g%", units::g_per_dl.info, false},
    unit_spelling{"g/L", units::g_per_l.info, true},
    unit_spelling{"g/l", units::g_per_l.info, false},
    unit_spelling{"ng/mL", units::ng_per_ml.info, true},
    unit_spelling{"ng/ml", units::ng_per_ml.info, false},
    unit_spelling{"ug/L", units::ng_per_ml.info, false},             // UCUM's spelling of the same
    unit_spelling{"\xC2\xB5g/L", units::ng_per_ml.info, false},    // µg/L (micro sign)
    // Molar concentration
    unit_spelling{"umol/L", units::umol_per_l.info, true},
    unit_spelling{"umol/l", units::umol_per_l.info, false},
    unit_spelling{"UMOL/L", units::umol_per_l.info, false},
    unit_spelling{"\xC2\xB5mol/L", units::umol_per_l.info, false},  // µmol/L (micro sign)
    unit_spelling{"\xCE\xBCmol/L", units::umol_per_l.info, false},  // μmol/L (Greek mu)
    unit_spelling{"\xC2\xB5mol/l", units::umol_per_l.info, false},
    unit_spelling{"\xCE\xBCmol/l", units::umol_per_l.info, false},
    unit_spelling{"mmol/L", units::mmol_per_l.info, true},
    unit_spelling{"mmol/l", units::mmol_per_l.info, false},
    unit_spelling{"MMOL/L", units::mmol_per_l.info, false},
    unit_spelling{"nmol/L", units::nmol_per_l.info, true},
    // Catalytic concentration ("IU/L" is deliberately absent: UCUM [iU] is not U).
    unit_spelling{"U/L", units::u_per_l.info, true},
    unit_spelling{"U/l", units::u_per_l.info, false},
    unit_spelling{"ukat/L", units::ukat_per_l.info, true},
    unit_spelling{"\xC2\xB5kat/L", units::ukat_per_l.info, false},
    unit_spelling{"\xCE\xBCkat/L", units::ukat_per_l.info, false},
    // Cell concentration
    unit_spelling{"x10^9/L", units::giga_per_l.info, true},
    unit_spelling{"10*9/L", units::giga_per_l.info, true},
    unit_spelling{"10^9/L", units::giga_per_l.info, false},
    unit_spelling{"x10E9/L", units::giga_per_l.info, false},
    unit_spelling{"\xC3\x97" "10^9/L", units::giga_per_l.info, false},  // ×10^9/L
    unit_spelling{"\xC3\x97" "10\xE2\x81\xB9/L", units::giga_per_l.info, false},  // ×10⁹/L
    unit_spelling{"G/L", units::giga_per_l.info, false},
    unit_spelling{"x10^3/uL", units::kilo_per_ul.info, true},
    unit_spelling{"10*3/uL", units::kilo_per_ul.info, true},
    unit_spelling{"10^3/uL", units::kilo_per_ul.info, false},
    unit_spelling{"10^3/\xC2\xB5L", units::kilo_per_ul.info, false},
    unit_spelling{"x10^3/\xC2\xB5L", units::kilo_per_ul.info, false},
    unit_spelling{"\xC3\x97" "10^3/\xC2\xB5L", units::kilo_per_ul.info, false},
    unit_spelling{"10*3/mm3", units::kilo_per_ul.info, false},
    unit_spelling{"K/uL", units::kilo_per_ul.info, false},
    unit_spelling{"K/\xC2\xB5L", units::kilo_per_ul.info, false},
    unit_spelling{"/uL", units::per_ul.info, true},
    unit_spelling{"/\xC2\xB5L", units::per_ul.info, false},
    unit_spelling{"cells/uL", units::per_ul.info, false},
    unit_spelling{"cells/\xC2\xB5L", units::per_ul.info, false},
    unit_spelling{"/mm3", units::per_ul.info, false},
    unit_spelling{"cells/mm3", units::per_ul.info, false},
    unit_spelling{"x10^12/L", units::tera_per_l.info, true},
    unit_spelling{"10*12/L", units::tera_per_l.info, false},
    // Cell count
    unit_spelling{"cells", units::cells.info, true},
    unit_spelling{"{cells}", units::cells.info, false},
    unit_spelling{"x10^6 cells", units::e6_cells.info, true},
    unit_spelling{"10*6", units::e6_cells.info, false},
    unit_spelling{"x10^8 cells", units::e8_cells.info, true},
    unit_spelling{"10*8", units::e8_cells.info, false},
    unit_spelling{"x10^9 cells", units::e9_cells.info, true},
    unit_spelling{"10*9", units::e9_cells.info, false},
    // Cell dose
    unit_spelling{"x10^6/kg", units::e6_per_kg.info, true},
    unit_spelling{"10*6/kg", units::e6_per_kg.info, false},
    unit_spelling{"10^6/kg", units::e6_per_kg.info, false},
    unit_spelling{"x10^7/kg", units::e7_per_kg.info, true},
    unit_spelling{"10*7/kg", units::e7_per_kg.info, false},
    unit_spelling{"10^7/kg", units::e7_per_kg.info, false},
    unit_spelling{"x10^8/kg", units::e8_per_kg.info, true},
    unit_spelling{"10*8/kg", units::e8_per_kg.info, false},
    unit_spelling{"10^8/kg", units::e8_per_kg.info, false},
    unit_spelling{"/kg", units::cells_per_kg.info, true},
    unit_spelling{"cells/kg", units::cells_per_kg.info, false},
    // Dose per area
    unit_spelling{"mg/m2", units::mg_per_m2.info, true},
    unit_spelling{"mg/m^2", units::mg_per_m2.info, false},
    unit_spelling{"mg/m\xC2\xB2", units::mg_per_m2.info, false},
    unit_spelling{"g/m2", units::g_per_m2.info, true},
    unit_spelling{"g/m\xC2\xB2", units::g_per_m2.info, false},
    unit_spelling{"ug/m2", units::ug_per_m2.info, true},
    unit_spelling{"\xC2\xB5g/m2", units::ug_per_m2.info, false},
    unit_spelling{"\xC2\xB5g/m\xC2\xB2", units::ug_per_m2.info, false},
    // Dose per mass
    unit_spelling{"mg/kg", units::mg_per_kg.info, true},
    unit_spelling{"g/kg", units::g_per_kg.info, true},
    unit_spelling{"ug/kg", units::ug_per_kg.info, true},
    unit_spelling{"\xC2\xB5g/kg", units::ug_per_kg.info, false},
    unit_spelling{"mcg/kg", units::ug_per_kg.info, false},
    // Total dose ("mg" and "g" are found through the quantity; see find_unit)
    unit_spelling{"mg", units::mg.info, true},
    unit_spelling{"g", units::g_dose.info, true},
    unit_spelling{"ug", units::ug.info, true},
    unit_spelling{"\xC2\xB5g", units::ug.info, false},
    unit_spelling{"mcg", units::ug.info, false},
    // Radiation dose
    unit_spelling{"Gy", units::Gy.info, true},
    unit_spelling{"cGy", units::cGy.info, true},
    // Radiation dose rate
    unit_spelling{"cGy/min", units::cGy_per_min.info, true},
    unit_spelling{"Gy/min", units::Gy_per_min.info, true},
    // Percent
    unit_spelling{"%", units::pct.info, true},
    // Body mass index
    unit_spelling{"kg/m2", units::kg_per_m2.info, true},
    unit_spelling{"kg/m^2", units::kg_per_m2.info, false},
    unit_spelling{"kg/m\xC2\xB2", units::kg_per_m2.info, false},
};
}  // namespace detail

namespace detail {
/// A set of dimensions, one bit per dimension number. Lets the unit look-up and the error
/// text be plain functions, compiled once, instead of one template per quantity.
using dimension_set = std::uint32_t;

constexpr dimension_set dimension_bit(dimension d) noexcept {
    const auto n = static_cast<unsigned>(d);
    return n < 32 ? dimension_set{1} << n : dimension_set{0};
}

/// The dimensions whose units quantity Q accepts.
template <class Q>
[[nodiscard]] constexpr dimension_set accepted_dimensions() noexcept {
    dimension_set set = 0;
    for (unsigned n = 1; n < 32; ++n) {
        if (quantity_traits<Q>::accepts_dimension(static_cast<dimension>(n))) {
            set |= dimension_set{1} << n;
        }
    }
    return set;
}

/// "kg, g, mg": the preferred spellings of the units whose dimension `accepts` allows.
template <class Accepts>
[[nodiscard]] std::string accepted_units_text(Accepts accepts) {
    std::string expected;
    for (const auto& s : unit_spellings) {
        if (s.preferred && accepts(s.unit.dim)) {
            if (!expected.empty()) {
                expected += ", ";
            }
            expected += s.text;
        }
    }
    return expected;
}

/// The same for a set of dimensions.
[[nodiscard]] inline std::string accepted_units_text(dimension_set dims) {
    return accepted_units_text([dims](dimension d) { return (dims & dimension_bit(d)) != 0; });
}

/// find_unit among the units of a set of dimensions.
[[nodiscard]] inline result<unit_info> find_unit_in(std::string_view text, dimension_set dims,
                                                    std::string_view field) {
    const std::string_view t = trim(text);
    bool known_elsewhere = false;
    for (const auto& s : unit_spellings) {
        if (s.text == t) {
            if ((dims & dimension_bit(s.unit.dim)) != 0) {
                return s.unit;
            }
            known_elsewhere = true;
        }
    }
    return error(known_elsewhere ? errc::wrong_dimension : errc::unknown_unit, std::string(field),
                 quote_input(t), accepted_units_text(dims));
}

/// The last spelling one thread resolved for one quantity (see find_unit_for).
struct unit_lookup_cache {
    char text[31]{};
    unsigned char size{};
    bool filled{};
    unit_info unit;
};

[[nodiscard]] inline result<unit_info> find_unit_cached(unit_lookup_cache& last,
                                                        std::string_view text,
                                                        dimension_set dims,
                                                        std::string_view field) {
    if (last.filled && text.size() == last.size &&
        std::char_traits<char>::compare(text.data(), last.text, text.size()) == 0) {
        return last.unit;
    }
    auto found = find_unit_in(text, dims, field);
    if (found && text.size() <= sizeof last.text) {
        std::char_traits<char>::copy(last.text, text.data(), text.size());
        last.size = static_cast<unsigned char>(text.size());
        last.unit = *found;
        last.filled = true;
    }
    return found;
}
}  // namespace detail

/// Looks up a unit spelling among the units of the dimensions `accepts(dimension)` allows.
/// Matching is exact (case-sensitive), as in UCUM: "G/L" (x10^9/L, as some European labs
/// print it) and "g/L" (grams) are different units. Leading and trailing white space is
/// ignored. Returns: the unit; or errc::wrong_dimension if the spelling is a known unit of
/// another dimension; or errc::unknown_unit. Both errors list the units that would do.
template <class Accepts>
[[nodiscard]] result<unit_info> find_unit(std::string_view text, Accepts accepts,
                                          std::string_view field) {
    detail::dimension_set dims = 0;
    for (unsigned n = 1; n < 32; ++n) {
        if (accepts(static_cast<dimension>(n))) {
            dims |= detail::dimension_set{1} << n;
        }
    }
    return detail::find_unit_in(text, dims, field);
}

/// find_unit for one dimension.
[[nodiscard]] inline result<unit_info> find_unit(std::string_view text, dimension want,
                                                 std::string_view field) {
    return detail::find_unit_in(text, detail::dimension_bit(want), field);
}

/// find_unit for the units quantity Q accepts, e.g. find_unit_for<bilirubin>("umol/L").
///
/// Lab feeds repeat the same unit string millions of times, so each thread remembers the last
/// spelling it resolved for Q (an exact byte match, at most 31 bytes). The cache holds only
/// successful look-ups of a pure function, so it never changes an answer.
template <quantity Q>
[[nodiscard]] result<unit_info> find_unit_for(std::string_view text, std::string_view field) {
    thread_local detail::unit_lookup_cache last{{}, 0, false, {}};
    return detail::find_unit_cached(last, text, detail::accepted_dimensions<Q>(), field);
}

// ---------------------------------------------------------------------------------------
// Text out and in.
// ---------------------------------------------------------------------------------------

/// "72.5 kg": the shortest number that reads back exactly, then the canonical unit.
template <quantity Q>
[[nodiscard]] std::string to_string(const Q& q) {
    using U = canonical_unit_t<Q>;
    return detail::concat({detail::format_number(q.in(U{})), " ", U::info.symbol});
}

/// The value printed in the unit asked for, e.g. to_string(w, units::g) -> "72500 g".
template <quantity Q, unit_of<Q> U>
[[nodiscard]] std::string to_string(const Q& q, U unit) {
    return detail::concat({detail::format_number(q.in(unit)), " ", U::info.symbol});
}

/// "0-100 mg/dL"
template <quantity Q>
[[nodiscard]] std::string to_string(const valid_range<Q>& r) {
    using U = canonical_unit_t<Q>;
    return detail::concat({detail::format_number(r.lo.in(U{})), "-",
                           detail::format_number(r.hi.in(U{})), " ", U::info.symbol});
}

/// Checks an untrusted number against a closed range. NaN and infinity are refused as
/// not_finite; anything outside [lo, hi] as out_of_range. Nothing is clamped.
template <quantity Q, unit_of<Q> U>
[[nodiscard]] result<Q> make_checked(double v, U /*unit*/, const valid_range<Q>& range,
                                     std::string_view field);

namespace detail {
/// The errors of make_checked, built only on the error path (plain functions: compiled once;
/// out of line and cold, so that the checks that call them stay small enough to inline).
[[gnu::cold]] [[gnu::noinline]] [[nodiscard]] inline error wrong_unit_error(
    std::string_view field, const unit_info& unit,
                                            dimension_set dims) {
    // A unit known at run time is data, so a wrong one is an error, not a contract.
    return error(errc::wrong_dimension, std::string(field), std::string(unit.symbol),
                 accepted_units_text(dims));
}

[[gnu::cold]] [[gnu::noinline]] [[nodiscard]] inline error value_error(
    errc code, std::string_view field, double v,
                                       std::string_view unit_symbol, double lo, double hi,
                                       std::string_view canonical_symbol) {
    return error(code, std::string(field), concat({format_number(v), " ", unit_symbol}),
                 concat({format_number(lo), "-", format_number(hi), " ", canonical_symbol}));
}
}  // namespace detail

namespace detail {
/// make_checked's check, giving the value in Q's canonical unit: callers that dispatch over
/// many quantities use it so as not to instantiate a result<Q> for each.
template <quantity Q>
[[nodiscard]] result<double> checked_canonical(double v, const unit_info& unit,
                                               const valid_range<Q>& range,
                                               std::string_view field) {
    using C = canonical_unit_t<Q>;
    if (!quantity_traits<Q>::accepts_dimension(unit.dim)) {
        return wrong_unit_error(field, unit, accepted_dimensions<Q>());
    }
    if (std::isfinite(v)) {
        const double stored = quantity_traits<Q>::to_stored(v, unit);
        if (range.contains(Q(stored, C{}))) {
            return stored;
        }
    }
    return value_error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field, v,
                       unit.symbol, range.lo.in(C{}), range.hi.in(C{}), C::info.symbol);
}
}  // namespace detail

/// The same check for a value given with a unit known only at run time.
template <quantity Q>
[[nodiscard]] result<Q> make_checked(double v, const unit_info& unit, const valid_range<Q>& range,
                                     std::string_view field) {
    auto stored = detail::checked_canonical<Q>(v, unit, range, field);
    if (!stored) {
        return std::move(stored).error();
    }
    return Q(*stored, canonical_unit_t<Q>{});
}

template <quantity Q, unit_of<Q> U>
[[nodiscard]] result<Q> make_checked(double v, U /*unit*/, const valid_range<Q>& range,
                                     std::string_view field) {
    return make_checked<Q>(v, U::info, range, field);
}

/// Checks a value that is already typed (e.g. computed, or filled into an input struct by a
/// caller) against a closed range: not_finite for NaN or infinity, out_of_range outside
/// [lo, hi]. The value is shown in the quantity's canonical unit.
template <quantity Q>
[[nodiscard]] result<Q> check_range(const Q& q, const valid_range<Q>& range,
                                    std::string_view field) {
    return make_checked<Q>(q.in(canonical_unit_t<Q>{}), canonical_unit_t<Q>::info, range, field);
}

namespace detail {
/// Where the number at the start of `t` ends, under any convention: digits, '.', signs, an
/// exponent ('e' or 'E' before a digit or sign), a ',' or an apostrophe before a digit, and a
/// space (U+0020, U+00A0, U+2009 or U+202F) before exactly three digits that no unit continues
/// ("1 250 /uL" is one number; "2 10*9/L" is 2 and the unit 10*9/L). Whether the number is
/// well formed is for read_number to say: this only keeps a number's separators from being
/// taken for its unit.
constexpr std::size_t number_end(std::string_view t) noexcept {
    std::size_t i = 0;
    while (i < t.size()) {
        const char c = t[i];
        const bool next_digit = i + 1 < t.size() && is_digit(t[i + 1]);
        if (is_digit(c) || c == '.' || c == '+' || c == '-' ||
            ((c == 'e' || c == 'E') && i > 0 &&
             (next_digit || (i + 1 < t.size() && (t[i + 1] == '+' || t[i + 1] == '-')))) ||
            ((c == ',' || c == '\'') && next_digit)) {
            ++i;
        } else if (const std::size_t blank = any_blank_separator_at(t.substr(i));
                   blank > 0 && c != '\'') {
            const std::string_view group = t.substr(i + blank);
            const bool three = group.size() >= 3 && is_digit(group[0]) && is_digit(group[1]) &&
                               is_digit(group[2]);
            const bool ends = group.size() == 3 ||
                              (group.size() > 3 && !is_digit(group[3]) && group[3] != '*' &&
                               group[3] != '^');
            if (!(three && ends)) {
                break;
            }
            i += blank;
        } else {
            break;
        }
    }
    return i;
}

/// Splits "72.5 kg" / "72.5kg" / "1 250 /uL" into number text and unit text.
inline bool split_number_unit(std::string_view text, std::string_view& number,
                              std::string_view& unit) noexcept {
    const std::string_view t = trim(text);
    const std::size_t i = number_end(t);
    if (i == 0 || i == t.size()) {
        return false;
    }
    number = t.substr(0, i);
    unit = trim(t.substr(i));
    return !unit.empty();
}

/// The length of the first of `marks` that `s` starts with (0 if none). List a mark before
/// any of its prefixes ("lbs" before "lb").
template <std::size_t N>
constexpr std::size_t match_mark(std::string_view s, const std::string_view (&marks)[N]) noexcept {
    for (const std::string_view m : marks) {
        if (s.substr(0, m.size()) == m) {
            return m.size();
        }
    }
    return 0;
}

/// CORE-UNIT-004, CORE-UNIT-005: reads the compound US forms "5 ft 7 in", "5'7\"" and
/// "150 lb 8 oz": a whole number of feet (pounds) and its mark, then a number of inches
/// (ounces) below 12 (16) written under `convention`, and its mark; white space between the
/// parts is optional. Returns nothing when `t` does not have that shape (the caller then reads
/// one number and one unit), else the total in inches (ounces) or the error.
inline std::optional<result<double>> read_compound(std::string_view text, dimension dim,
                                                   const number_convention& convention,
                                                   std::string_view field) {
    static constexpr std::string_view feet[] = {"[ft_i]", "feet", "foot", "ft", "'",
                                                "\xE2\x80\xB2"};
    static constexpr std::string_view inches[] = {"[in_i]", "inches", "inch", "in", "\"",
                                                  "\xE2\x80\xB3"};
    static constexpr std::string_view pounds[] = {"[lb_av]", "pounds", "pound", "lbs", "lb"};
    static constexpr std::string_view ounces[] = {"[oz_av]", "ounces", "ounce", "oz"};
    const bool is_length = dim == dimension::length;
    const std::string_view t = trim(text);
    std::size_t i = 0;
    while (i < t.size() && is_digit(t[i])) {
        ++i;
    }
    if (i == 0 || i > 9) {
        return std::nullopt;
    }
    const std::string_view whole = t.substr(0, i);
    std::string_view rest = trim(t.substr(i));
    const std::size_t major = is_length ? match_mark(rest, feet) : match_mark(rest, pounds);
    if (major == 0) {
        return std::nullopt;
    }
    rest = trim(rest.substr(major));
    if (rest.empty() || !is_digit(rest[0])) {
        return std::nullopt;
    }
    const std::size_t end = number_end(rest);
    const std::string_view part = rest.substr(0, end);
    const std::string_view mark = trim(rest.substr(end));
    const std::size_t minor = is_length ? match_mark(mark, inches) : match_mark(mark, ounces);
    if (minor == 0 || minor != mark.size()) {
        return std::nullopt;
    }
    const auto part_value = read_number(part, convention, field);
    if (!part_value) {
        return result<double>(part_value.error());
    }
    const double per_major = is_length ? 12.0 : 16.0;
    if (!(*part_value >= 0.0 && *part_value < per_major)) {
        return result<double>(error(
            errc::syntax, field, quote_input(t),
            is_length ? "whole feet, then inches from 0 to below 12, e.g. '5 ft 7 in' or '5'7\"'"
                      : "whole pounds, then ounces from 0 to below 16, e.g. '150 lb 8 oz'"));
    }
    const auto n = read_integer(whole);
    return result<double>(static_cast<double>(*n) * per_major + *part_value);
}

/// Nothing for a convention read_number accepts; otherwise its error.
inline std::optional<error> check_convention(const number_convention& convention) {
    const auto r = read_number("0", convention);
    if (r) {
        return std::nullopt;
    }
    return r.error();
}
}  // namespace detail

/// Reads "72.5 kg" (any unit of Q that hsct knows; white space between number and unit is
/// optional) and checks it against `range`. Reads back everything to_string prints. The number
/// is read under `convention` (CORE-TEXT-001; see read_number): without one, "1,250 /uL" is a
/// syntax error on "1,250" that says ',' is ambiguous.
///
/// A length also reads feet and inches, and a mass pounds and ounces, as US systems write them
/// (CORE-UNIT-004, CORE-UNIT-005): "5 ft 7 in", "5'7\"", "5' 7.5\"", "5 feet 7 inches",
/// "150 lb 8 oz", "150 lbs 8 oz": a whole number of feet (pounds) with its mark, then a number
/// below 12 (16) with its mark. "5 ft" and "150 lb" alone are ordinary values.
///
/// Errors: syntax (no number and unit; a malformed number, with the reason; inches not below 12
/// or ounces not below 16), unknown_unit, wrong_dimension, not_finite, out_of_range (outside
/// `range`, or too large for a double); errors of `convention` itself as read_number reports
/// them.
template <quantity Q>
[[nodiscard]] result<Q> parse(std::string_view text, const valid_range<Q>& range,
                              std::string_view field, const number_convention& convention = {}) {
    if (auto e = detail::check_convention(convention)) {
        return *e;
    }
    using traits = detail::quantity_traits<Q>;
    if constexpr (traits::accepts_dimension(dimension::length) ||
                  traits::accepts_dimension(dimension::mass)) {
        constexpr bool is_length = traits::accepts_dimension(dimension::length);
        const auto total = detail::read_compound(
            text, is_length ? dimension::length : dimension::mass, convention, field);
        if (total) {
            if (!*total) {
                return total->error();
            }
            return make_checked<Q>(**total, is_length ? units::in.info : units::oz.info, range,
                                   field);
        }
    }
    std::string_view number;
    std::string_view unit_text;
    if (!detail::split_number_unit(text, number, unit_text)) {
        return error(errc::syntax, std::string(field), detail::quote_input(text),
                     detail::concat({"a number followed by a unit, e.g. '2.5 ",
                                     canonical_unit_t<Q>::info.symbol, "'"}));
    }
    const auto unit = find_unit_for<Q>(unit_text, field);
    if (!unit) {
        return unit.error();
    }
    const auto v = read_number(number, convention, field);
    if (!v && v.error().code() == errc::out_of_range) {
        return error(errc::out_of_range, std::string(field),
                     detail::concat({detail::quote_input(number), " ", unit->symbol}),
                     to_string(range));
    }
    if (!v) {
        return v.error();
    }
    return make_checked<Q>(*v, *unit, range, field);
}

/// The range a quantity accepts when the caller gives none: zero upwards for a plain
/// quantity, the plausible range for a lab analyte.
template <quantity Q>
[[nodiscard]] constexpr valid_range<Q> default_range() noexcept {
    return detail::quantity_traits<Q>::default_range();
}

/// parse() with the quantity's default range and its own name as the field.
template <quantity Q>
[[nodiscard]] result<Q> parse(std::string_view text, const number_convention& convention = {}) {
    return parse<Q>(text, default_range<Q>(), detail::quantity_traits<Q>::name, convention);
}

/// CORE-DISPLAY-001 (hsct policy): the decimals a clinician is shown for a value of Q in its
/// canonical unit (kg 1, cm 1, m2 2, mg/dL 2 but bilirubin 1 and creatinine 2, x10^9/L 2 but
/// platelets 0, Gy 2, ...; docs/core.md lists each with its reason).
template <quantity Q>
[[nodiscard]] constexpr int display_decimals() noexcept {
    return detail::quantity_traits<Q>::display_decimals;
}

/// "72.5 kg", "1.87 m2", "0.50 x10^9/L": the value in its canonical unit with
/// display_decimals<Q>() decimals (format_fixed: rounded to nearest, never "-0"). For people;
/// to store or exchange a value use to_string, which reads back exactly.
template <quantity Q>
[[nodiscard]] std::string display(const Q& q) {
    using U = canonical_unit_t<Q>;
    return detail::concat({format_fixed(q.in(U{}), display_decimals<Q>()), " ", U::info.symbol});
}

/// The value in the unit asked for with `decimals` decimals: display(w, units::lb, 1) ->
/// "159.8 lb".
template <quantity Q, unit_of<Q> U>
[[nodiscard]] std::string display(const Q& q, U unit, int decimals) {
    return detail::concat({format_fixed(q.in(unit), decimals), " ", U::info.symbol});
}

}  // namespace hsct

#endif  // HSCT_CORE_UNITS_HPP
