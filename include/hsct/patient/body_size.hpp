// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Body size: checked height and weight, body mass index, body surface area (five named
// formulas), Devine ideal body weight and adjusted body weight.
//
//   auto h = hsct::patient::make_height(165.0, hsct::units::cm);          // result<length>
//   auto w = hsct::patient::parse_weight("120 kg");                       // result<mass>
//   auto a = hsct::patient::bsa_mosteller(*h, *w);                        // 2.345 m2
//   auto b = hsct::patient::body_surface_area(*h, *w, bsa_formula::boyd); // result<bsa_result>
//   auto ibw = hsct::patient::ideal_body_weight(*h, sex::female, adult_age);  // 56.91 kg
//   auto adj = hsct::patient::adjusted_body_weight(*ibw, *w, adjustment_factor::aibw25);
//
// Every result carries the formula, factor or policy that produced it. Which weight a drug is
// dosed on is not decided here: see hsct/patient/dosing_weight.hpp.
#ifndef HSCT_PATIENT_BODY_SIZE_HPP
#define HSCT_PATIENT_BODY_SIZE_HPP

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/patient/vocabulary.hpp"

namespace hsct::patient {

// ---------------------------------------------------------------------------------------
// Checked height and weight
// ---------------------------------------------------------------------------------------

/// PAT-BODY-001 (policy [P]): plausible height 20-250 cm. 20 cm lies below the smallest
/// liveborn infants (about 25 cm crown-heel); 250 cm lies above the tallest recorded adults
/// (272 cm, Wadlow). A value outside is far more likely a unit or typing error (metres typed
/// as cm, inches typed as cm) than a patient. Refused, never clamped.
inline constexpr valid_range<length> height_range{length(20.0, units::cm),
                                                  length(250.0, units::cm)};

/// PAT-BODY-002 (policy [P]): plausible weight 0.3-400 kg. 0.3 kg is below the smallest
/// surviving preterm infants; 400 kg is above any transplant candidate reported, while a
/// pound value typed as kg (x2.2) or grams typed as kg (x1000) for an adult exceeds it.
inline constexpr valid_range<mass> weight_range{mass(0.3, units::kg), mass(400.0, units::kg)};

namespace detail {
/// `v` printed with `decimals` digits after the point ("56.91"), for explanations only.
inline std::string body_size_fixed(double v, int decimals) {
    if (!std::isfinite(v)) {
        return hsct::detail::format_number(v);
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (res.ec != std::errc{}) {
        return hsct::detail::format_number(v);
    }
    return std::string(buf, res.ptr);
}

}  // namespace detail

/// A height from untrusted input (PAT-BODY-001). Errors: not_finite (NaN, inf) or
/// out_of_range, each naming the field "height", the value with its unit and "20-250 cm".
template <unit_of<length> U>
[[nodiscard]] result<length> make_height(double value, U unit) {
    return make_checked<length>(value, unit, height_range, "height");
}
/// The same, with a unit known only at run time; a unit of another dimension is refused
/// (wrong_dimension), not a contract violation.
[[nodiscard]] inline result<length> make_height(double value, const unit_info& unit) {
    return make_checked<length>(value, unit, height_range, "height");
}
/// Reads "165 cm", "1.65 m", "1650 mm" and checks PAT-BODY-001.
[[nodiscard]] inline result<length> parse_height(std::string_view text) {
    return parse<length>(text, height_range, "height");
}

/// A body weight from untrusted input (PAT-BODY-002). Errors name the field "weight".
template <unit_of<mass> U>
[[nodiscard]] result<mass> make_weight(double value, U unit) {
    return make_checked<mass>(value, unit, weight_range, "weight");
}
[[nodiscard]] inline result<mass> make_weight(double value, const unit_info& unit) {
    return make_checked<mass>(value, unit, weight_range, "weight");
}
/// Reads "72.5 kg", "3500 g" and checks PAT-BODY-002.
[[nodiscard]] inline result<mass> parse_weight(std::string_view text) {
    return parse<mass>(text, weight_range, "weight");
}

namespace detail {
inline void body_size_expect_positive(const length& h, const mass& w) {
    HSCT_EXPECTS(std::isfinite(h.in(units::cm)) && h.in(units::cm) > 0.0,
                 "body size: height must be positive and finite (check it with make_height)");
    HSCT_EXPECTS(std::isfinite(w.in(units::kg)) && w.in(units::kg) > 0.0,
                 "body size: weight must be positive and finite (check it with make_weight)");
}
}  // namespace detail

// ---------------------------------------------------------------------------------------
// Body mass index
// ---------------------------------------------------------------------------------------

/// PAT-BODY-003: BMI = weight (kg) / height (m)^2 (Quetelet; WHO). Precondition (contract):
/// both positive and finite; values from make_height/make_weight always are.
[[nodiscard]] inline body_mass_index bmi(const mass& weight, const length& height) {
    detail::body_size_expect_positive(height, weight);
    const double m = height.in(units::m);
    return body_mass_index(weight.in(units::kg) / (m * m), units::kg_per_m2);
}

// ---------------------------------------------------------------------------------------
// Body surface area. H = height in cm, W = weight in kg unless stated; result in m2.
// Precondition of each formula (contract): height and weight positive and finite.
// ---------------------------------------------------------------------------------------

/// PAT-BSA-001 Mosteller: BSA = sqrt(H x W / 3600).
/// Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317(17):1098.
/// (Copies using 0.0167 x sqrt(H x W) round 1/60 and differ in the 4th digit.)
[[nodiscard]] inline area bsa_mosteller(const length& height, const mass& weight) {
    detail::body_size_expect_positive(height, weight);
    return area(std::sqrt(height.in(units::cm) * weight.in(units::kg) / 3600.0), units::m2);
}

namespace detail {

/// A BSA formula of the form BSA (m2) = k x W(kg)^weight_exp x H(cm)^height_exp.
struct bsa_power_law {
    double k;
    double weight_exp;
    double height_exp;
    std::string_view source;  ///< the publication the coefficients come from
};

/// The power-law BSA formulas, each row with its requirement ID and source.
struct bsa_power_laws {
    /// PAT-BSA-002 DuBois & DuBois: 0.007184 x W^0.425 x H^0.725 (= 0.20247 x H(m)^0.725 x
    /// W^0.425). (A widely copied snippet prints 0.0087184: a typo, about 21% too high.)
    static constexpr bsa_power_law dubois{
        0.007184, 0.425, 0.725,
        "Du Bois D, Du Bois EF. A formula to estimate the approximate surface area if height "
        "and weight be known. Arch Intern Med 1916;17:863-871"};
    /// PAT-BSA-003 Haycock: 0.024265 x W^0.5378 x H^0.3964.
    static constexpr bsa_power_law haycock{
        0.024265, 0.5378, 0.3964,
        "Haycock GB, Schwartz GJ, Wisotsky DH. Geometric method for measuring body surface "
        "area: a height-weight formula validated in infants, children, and adults. J Pediatr "
        "1978;93(1):62-66"};
    /// PAT-BSA-004 Gehan & George: 0.0235 x W^0.51456 x H^0.42246.
    static constexpr bsa_power_law gehan_george{
        0.0235, 0.51456, 0.42246,
        "Gehan EA, George SL. Estimation of human body surface area from height and weight. "
        "Cancer Chemother Rep 1970;54(4):225-235"};
};

/// k x W^a x H^b, in that order of operations (the results are unchanged by the table).
[[nodiscard]] inline area power_law_bsa(const bsa_power_law& c, const length& height,
                                        const mass& weight) {
    body_size_expect_positive(height, weight);
    return area(c.k * std::pow(weight.in(units::kg), c.weight_exp) *
                    std::pow(height.in(units::cm), c.height_exp),
                units::m2);
}

}  // namespace detail

/// PAT-BSA-002 DuBois & DuBois 1916: BSA = 0.007184 x W^0.425 x H^0.725 (coefficients and
/// full citation: detail::bsa_power_laws::dubois).
[[nodiscard]] inline area bsa_dubois(const length& height, const mass& weight) {
    return detail::power_law_bsa(detail::bsa_power_laws::dubois, height, weight);
}

/// PAT-BSA-003 Haycock 1978: BSA = 0.024265 x W^0.5378 x H^0.3964 (coefficients and full
/// citation: detail::bsa_power_laws::haycock).
[[nodiscard]] inline area bsa_haycock(const length& height, const mass& weight) {
    return detail::power_law_bsa(detail::bsa_power_laws::haycock, height, weight);
}

/// PAT-BSA-004 Gehan & George 1970: BSA = 0.0235 x W^0.51456 x H^0.42246 (coefficients and
/// full citation: detail::bsa_power_laws::gehan_george).
[[nodiscard]] inline area bsa_gehan_george(const length& height, const mass& weight) {
    return detail::power_law_bsa(detail::bsa_power_laws::gehan_george, height, weight);
}

/// PAT-BSA-005 Boyd, as used in practice: BSA = 0.0003207 x H^0.3 x Wg^(0.7285 - 0.0188 x
/// log10 Wg), with Wg the weight in GRAMS and a base-10 logarithm. Boyd E. The Growth of the
/// Surface Area of the Human Body. University of Minnesota Press, Minneapolis, 1935.
/// (Feeding kilograms, or a natural logarithm, gives a wrong number; both slips are seen.)
[[nodiscard]] inline area bsa_boyd(const length& height, const mass& weight) {
    detail::body_size_expect_positive(height, weight);
    const double grams = weight.in(units::g);
    const double exponent = 0.7285 - 0.0188 * std::log10(grams);
    return area(0.0003207 * std::pow(height.in(units::cm), 0.3) * std::pow(grams, exponent),
                units::m2);
}

/// The BSA formulas hsct implements. The numbers are stable (may be stored).
enum class bsa_formula : std::uint8_t {
    mosteller = 1,     ///< PAT-BSA-001 (default, PAT-BSA-006)
    dubois = 2,        ///< PAT-BSA-002
    haycock = 3,       ///< PAT-BSA-003
    gehan_george = 4,  ///< PAT-BSA-004
    boyd = 5,          ///< PAT-BSA-005
};

constexpr auto hsct_enum_table(bsa_formula) noexcept {
    return make_enum_table<bsa_formula>("bsa_formula", {
        {bsa_formula::mosteller, "mosteller", "Mosteller 1987"},
        {bsa_formula::dubois, "dubois", "DuBois & DuBois 1916"},
        {bsa_formula::haycock, "haycock", "Haycock 1978"},
        {bsa_formula::gehan_george, "gehan_george", "Gehan & George 1970"},
        {bsa_formula::boyd, "boyd", "Boyd 1935"},
    });
}


/// A body surface area and the formula that produced it.
struct bsa_result {
    area value;
    bsa_formula formula;

    friend bool operator==(const bsa_result&, const bsa_result&) = default;
};

/// PAT-BSA-006 (policy [P]): the default formula is Mosteller, the simplest, listed first in
/// the reference and the one most oncology pharmacy standards adopt. Pass another explicitly.
inline constexpr bsa_formula default_bsa_formula = bsa_formula::mosteller;

/// BSA by a formula chosen at run time. Checks the formula (a number that is not a declared
/// formula: out_of_range, field "formula", PAT-ENUM-001), then height and weight against
/// PAT-BODY-001/002 (errors name "height" or "weight"); the result names the formula.
[[nodiscard]] inline result<bsa_result> body_surface_area(const length& height,
                                                          const mass& weight,
                                                          bsa_formula formula) {
    if (auto e = hsct::detail::check_enum(formula, "formula")) {
        return *e;
    }
    if (!std::isfinite(height.in(units::cm)) || !height_range.contains(height)) {
        return make_height(height.in(units::cm), units::cm).error();
    }
    if (!std::isfinite(weight.in(units::kg)) || !weight_range.contains(weight)) {
        return make_weight(weight.in(units::kg), units::kg).error();
    }
    switch (formula) {
        case bsa_formula::mosteller: return bsa_result{bsa_mosteller(height, weight), formula};
        case bsa_formula::dubois: return bsa_result{bsa_dubois(height, weight), formula};
        case bsa_formula::haycock: return bsa_result{bsa_haycock(height, weight), formula};
        case bsa_formula::gehan_george:
            return bsa_result{bsa_gehan_george(height, weight), formula};
        case bsa_formula::boyd: return bsa_result{bsa_boyd(height, weight), formula};
    }
    return *hsct::detail::check_enum(formula, "formula");  // unreachable: checked above
}

// ---------------------------------------------------------------------------------------
// Ideal body weight (Devine) and adjusted body weight
// ---------------------------------------------------------------------------------------

/// PAT-IBW-001 Devine (1974): male 50 kg, female 45.5 kg, plus 2.3 kg per inch over 60 in
/// (1 in = 2.54 cm exactly). Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm
/// 1974;8:650-655.
inline constexpr double devine_base_male_kg = 50.0;
inline constexpr double devine_base_female_kg = 45.5;
inline constexpr double devine_kg_per_inch = 2.3;
inline constexpr double cm_per_inch = 2.54;
/// 60 in, the height at which Devine's formula gives its base value.
inline constexpr length devine_base_height{152.4, units::cm};

/// PAT-IBW-004 (policy [P]): Devine is an adult formula. hsct applies it from 18 completed
/// years; younger patients are refused (no paediatric IBW method is implemented: neither
/// Traub & Kichen 1983 nor the BMI-for-age 50th-percentile method could be verified here,
/// and the latter needs growth-chart tables).
inline constexpr int ibw_adult_age_years = 18;

/// Which IBW formula produced a value. Stable numbers.
enum class ibw_formula : std::uint8_t { devine_1974 = 1 };

constexpr auto hsct_enum_table(ibw_formula) noexcept {
    return make_enum_table<ibw_formula>("ibw_formula", {
        {ibw_formula::devine_1974, "devine_1974", "Devine 1974"},
    });
}

/// PAT-IBW-002 (policy [C]): what to do below 60 in, where Devine's formula falls below its
/// base value. Sources differ (the reference §6.2; calculators extrapolate, clamp or switch).
enum class short_stature_policy : std::uint8_t {
    extrapolate = 1,  ///< apply the formula as published (default); the result is flagged
    refuse = 2,       ///< refuse patients under 60 in (errc::not_allowed, field "height")
    base_value = 3,   ///< use the 60-in base value (45.5 / 50 kg); the result is flagged
};

constexpr auto hsct_enum_table(short_stature_policy) noexcept {
    return make_enum_table<short_stature_policy>("short_stature_policy", {
        {short_stature_policy::extrapolate, "extrapolate", "extrapolate below 60 in"},
        {short_stature_policy::refuse, "refuse", "refuse below 60 in"},
        {short_stature_policy::base_value, "base_value", "base value below 60 in"},
    });
}


/// Options for ideal_body_weight. Default: extrapolate (as published).
struct ibw_options {
    short_stature_policy below_60_in = short_stature_policy::extrapolate;
};

/// An ideal body weight with the formula and policy used. `below_60_in` is true when the
/// patient is shorter than 60 in, so the value was extrapolated or set to the base value
/// (see `policy`).
struct ibw_result {
    mass value;
    ibw_formula formula = ibw_formula::devine_1974;
    short_stature_policy policy = short_stature_policy::extrapolate;
    bool below_60_in = false;

    friend bool operator==(const ibw_result&, const ibw_result&) = default;
};

/// Devine ideal body weight (PAT-IBW-001/002/004).
/// Errors: a sex or short-stature policy number that is not a declared value (out_of_range,
/// field "sex" / "options.below_60_in", PAT-ENUM-001); height outside PAT-BODY-001
/// (out_of_range/not_finite, "height"); age under 18 (not_allowed, "age"); under 60 in with
/// policy refuse (not_allowed, "height"); an extrapolation that would not be positive
/// (out_of_range, "height").
[[nodiscard]] inline result<ibw_result> ideal_body_weight(const length& height, sex s,
                                                          const age& patient_age,
                                                          ibw_options options = {}) {
    if (auto e = hsct::detail::check_enum(s, "sex")) {
        return *e;
    }
    if (auto e = hsct::detail::check_enum(options.below_60_in, "options.below_60_in")) {
        return *e;
    }
    const double h_cm = height.in(units::cm);
    if (!std::isfinite(h_cm) || !height_range.contains(height)) {
        return make_height(h_cm, units::cm).error();
    }
    if (patient_age.completed_years() < ibw_adult_age_years) {
        return error(errc::not_allowed, "age", hsct::to_string(patient_age),
                     "18 years or older: Devine IBW is an adult formula and hsct implements no "
                     "paediatric IBW method (PAT-IBW-004)");
    }
    const double base = s == sex::male ? devine_base_male_kg : devine_base_female_kg;
    const double base_cm = devine_base_height.in(units::cm);
    const bool below = h_cm < base_cm;
    ibw_result r;
    r.policy = options.below_60_in;
    r.below_60_in = below;
    if (below && options.below_60_in == short_stature_policy::refuse) {
        return error(errc::not_allowed, "height",
                     hsct::detail::concat({hsct::detail::format_number(h_cm), " cm"}),
                     "at least 152.4 cm (60 in) under short_stature_policy::refuse");
    }
    if (below && options.below_60_in == short_stature_policy::base_value) {
        r.value = mass(base, units::kg);
        return r;
    }
    // Excess in cm first, so exactly 152.4 cm gives exactly the base value.
    const double kg = base + devine_kg_per_inch * (h_cm - base_cm) / cm_per_inch;
    if (!(kg > 0.0)) {
        const double min_cm = base_cm - base / devine_kg_per_inch * cm_per_inch;
        return error(errc::out_of_range, "height",
                     hsct::detail::concat({hsct::detail::format_number(h_cm), " cm"}),
                     hsct::detail::concat({"above ", detail::body_size_fixed(min_cm, 1),
                                           " cm (Devine extrapolation gives no positive IBW "
                                           "below that)"}));
    }
    r.value = mass(kg, units::kg);
    return r;
}

/// PAT-ABW-001: the factor f in AdjBW = IBW + f x (TBW - IBW). Named choices, stable numbers.
enum class adjustment_factor : std::uint8_t {
    /// f = 0.25, "AIBW25": the busulfan (Busulfex) label convention for obese patients
    /// (adjusted ideal body weight); EBMT Handbook 2024 ch. 67 (AIBW = IBW + 25-40%).
    aibw25 = 25,
    /// f = 0.4: the general pharmacokinetic convention (aminoglycosides).
    adjbw40 = 40,
    /// f = 0.5, "AdjBW50": Bachanova et al., Biol Blood Marrow Transplant 2016;22(3):571-574
    /// (cyclophosphamide in obese patients).
    adjbw50 = 50,
};

constexpr auto hsct_enum_table(adjustment_factor) noexcept {
    return make_enum_table<adjustment_factor>("adjustment_factor", {
        {adjustment_factor::aibw25, "aibw25", "adjusted 25% (AIBW25, busulfan label)"},
        {adjustment_factor::adjbw40, "adjbw40", "adjusted 40% (general PK)"},
        {adjustment_factor::adjbw50, "adjbw50", "adjusted 50% (AdjBW50, Bachanova)"},
    });
}

/// The fraction of excess weight added: 0.25, 0.4 or 0.5. Precondition (contract):
/// is_valid(f) (a stored number goes through make_enum<adjustment_factor> or is refused by
/// adjusted_body_weight / choose first).
[[nodiscard]] constexpr double fraction(adjustment_factor f) noexcept {
    switch (f) {
        case adjustment_factor::aibw25: return 0.25;
        case adjustment_factor::adjbw40: return 0.4;
        case adjustment_factor::adjbw50: return 0.5;
    }
    HSCT_EXPECTS(false, "fraction: adjustment_factor is not a declared value");
    return 0.0;
}


/// An adjusted body weight with its inputs and factor. `adjusted` is false when TBW is not
/// above IBW: then `value` is the actual weight (PAT-ABW-003) and `reason()` says so.
struct adjusted_weight_result {
    mass value;
    adjustment_factor factor;
    mass ideal;
    mass actual;
    bool adjusted = true;

    /// Why `value` is what it is, e.g. "TBW 50.00 kg not above IBW 56.91 kg: actual weight
    /// used, no adjustment (PAT-ABW-003)" or "IBW + 0.25 x (TBW - IBW)".
    [[nodiscard]] std::string reason() const;

    friend bool operator==(const adjusted_weight_result&,
                           const adjusted_weight_result&) = default;
};

inline std::string adjusted_weight_result::reason() const {
    const auto kg = [](const mass& m) {
        return hsct::detail::concat({detail::body_size_fixed(m.in(units::kg), 2), " kg"});
    };
    if (!adjusted) {
        return hsct::detail::concat({"TBW ", kg(actual), " not above IBW ", kg(ideal),
                                     ": actual weight used, no adjustment (PAT-ABW-003)"});
    }
    return hsct::detail::concat({"IBW ", kg(ideal), " + ",
                                 detail::body_size_fixed(fraction(factor), 2), " x (TBW ",
                                 kg(actual), " - IBW)"});
}

/// PAT-ABW-001: AdjBW = IBW + f x (TBW - IBW), for TBW above IBW.
/// PAT-ABW-003 (policy [P], the usual practice: the adjustment is an obesity correction that
/// moves the dosing weight from TBW towards IBW): when TBW is not above IBW the formula is not
/// applied and the actual weight is returned (`adjusted == false`), so an underweight patient
/// is never given a weight above the actual one. (Applied as written, the formula would give
/// a weight between TBW and IBW, i.e. above TBW.) Whether to adjust at all is the dosing
/// policy's trigger (dosing_weight.hpp). The IBW is taken as an ibw_result so it cannot be
/// swapped with TBW.
/// Errors: a factor number that is not a declared factor (out_of_range, field "factor",
/// PAT-ENUM-001). Precondition (contract): TBW positive and finite.
[[nodiscard]] inline result<adjusted_weight_result> adjusted_body_weight(const ibw_result& ibw,
                                                                         const mass& actual,
                                                                         adjustment_factor f) {
    if (auto e = hsct::detail::check_enum(f, "factor")) {
        return *e;
    }
    HSCT_EXPECTS(std::isfinite(actual.in(units::kg)) && actual.in(units::kg) > 0.0,
                 "adjusted_body_weight: actual weight must be positive and finite");
    if (!(actual > ibw.value)) {
        return adjusted_weight_result{actual, f, ibw.value, actual, false};
    }
    const mass v = ibw.value + fraction(f) * (actual - ibw.value);
    return adjusted_weight_result{v, f, ibw.value, actual, true};
}

/// PAT-ABW-002: actual weight as a percent of IBW (100 x TBW / IBW), e.g. 211%.
/// Precondition (contract): TBW positive and finite.
[[nodiscard]] inline percent percent_of_ideal(const mass& actual, const ibw_result& ibw) {
    HSCT_EXPECTS(std::isfinite(actual.in(units::kg)) && actual.in(units::kg) > 0.0,
                 "percent_of_ideal: actual weight must be positive and finite");
    HSCT_EXPECTS(ibw.value.in(units::kg) > 0.0, "percent_of_ideal: IBW must be positive");
    return percent(100.0 * actual.in(units::kg) / ibw.value.in(units::kg), units::pct);
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_BODY_SIZE_HPP
