// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Body size: checked height and body weight, body mass index, body surface area (five named
// formulas), Devine ideal body weight and adjusted body weight.
//
//   auto h = hsct::patient::height::make(165.0, hsct::units::cm);      // result<height>
//   auto w = hsct::patient::parse_weight("120 kg");                    // result<body_weight>
//   auto a = hsct::patient::bsa_mosteller(*h, *w);                     // 2.345 m2
//   auto b = hsct::patient::body_surface_area(*h, *w, bsa_formula::boyd); // result<bsa_result>
//   auto d = hsct::patient::devine_ibw(*h, sex::female);               // result<mass>: 56.91 kg
//   auto ibw = hsct::patient::ideal_body_weight(*h, sex::female, adult_age);  // + PAT-IBW-004
//   auto adj = hsct::patient::adjusted_body_weight(*ibw, *w, adjustment_factor::aibw25);
//
// `height` and `body_weight` can only be made through their checked factories (PAT-BODY-001/002),
// so every formula here takes values that are positive and finite and none can abort. Every
// result is data: the formula, factor, options and criteria that produced it; its words come
// from <hsct/patient/body_size_text.hpp>. Which weight a drug is dosed on is not decided here:
// see hsct/patient/dosing_weight.hpp.
#ifndef HSCT_PATIENT_BODY_SIZE_HPP
#define HSCT_PATIENT_BODY_SIZE_HPP

#include <cmath>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/demographics.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/patient/vocabulary.hpp"

namespace hsct::patient {

// ---------------------------------------------------------------------------------------
// Checked height and body weight
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

/// A patient's height, checked against PAT-BODY-001: the size of a double, and made only by
/// make() or parse_height(), so it is always finite and within 20-250 cm.
class height {
public:
    /// Errors: not_finite (NaN, inf) or out_of_range, naming the field (default "height"), the
    /// value with its unit and "20-250 cm", with requirement PAT-BODY-001.
    template <unit_of<length> U>
    [[nodiscard]] static result<height> make(double value, U /*unit*/, field_ref field = "height") {
        return make(value, U::info, field);
    }
    /// The same with a unit known only at run time; a unit of another dimension is refused
    /// (wrong_dimension), not a contract violation.
    [[nodiscard]] static result<height> make(double value, const unit_info& unit,
                                             field_ref field = "height") {
        auto l = make_checked<length>(value, unit, height_range, "height");
        if (!l) {
            return with_field(std::move(l).error(), field).with_requirement("PAT-BODY-001");
        }
        return height(*l);
    }
    /// A typed length (e.g. from another system) checked against PAT-BODY-001.
    [[nodiscard]] static result<height> make(const length& l, field_ref field = "height") {
        return make(l.in(units::cm), units::cm, field);
    }

    /// The height as a length.
    [[nodiscard]] constexpr const length& as_length() const noexcept { return v_; }
    /// The height in a unit of length, e.g. h.in(units::cm).
    template <unit_of<length> U>
    [[nodiscard]] constexpr double in(U unit) const noexcept {
        return v_.in(unit);
    }

    friend constexpr bool operator==(const height& a, const height& b) noexcept {
        return a.v_ == b.v_;
    }
    friend constexpr std::partial_ordering operator<=>(const height& a, const height& b) noexcept {
        return a.v_ <=> b.v_;
    }

private:
    constexpr explicit height(const length& l) noexcept : v_(l) {}
    length v_;
};

/// A patient's total (actual) body weight, checked against PAT-BODY-002: the size of a
/// double, made only by make() or parse_weight(), so it is always finite and 0.3-400 kg.
class body_weight {
public:
    /// Errors: not_finite or out_of_range, naming the field (default "weight"), the value with
    /// its unit and "0.3-400 kg", with requirement PAT-BODY-002.
    template <unit_of<mass> U>
    [[nodiscard]] static result<body_weight> make(double value, U /*unit*/,
                                                  field_ref field = "weight") {
        return make(value, U::info, field);
    }
    /// The same with a unit known only at run time (wrong_dimension for a unit of another
    /// dimension).
    [[nodiscard]] static result<body_weight> make(double value, const unit_info& unit,
                                                  field_ref field = "weight") {
        auto m = make_checked<mass>(value, unit, weight_range, "weight");
        if (!m) {
            return with_field(std::move(m).error(), field).with_requirement("PAT-BODY-002");
        }
        return body_weight(*m);
    }
    /// A typed mass (e.g. a computed weight) checked against PAT-BODY-002.
    [[nodiscard]] static result<body_weight> make(const mass& m, field_ref field = "weight") {
        return make(m.in(units::kg), units::kg, field);
    }
    /// A computed mass (e.g. an adjusted weight) as a weight if it passes PAT-BODY-002 (finite,
    /// 0.3-400 kg), else nullopt: make's check without building its error, for hot paths that
    /// ask make for the error only when this says no.
    [[nodiscard]] static constexpr std::optional<body_weight> make_if_valid(const mass& m) noexcept {
        if (weight_range.contains(m)) {  // NaN is not contained
            return body_weight(m);
        }
        return std::nullopt;
    }

    /// The weight as a mass.
    [[nodiscard]] constexpr const mass& as_mass() const noexcept { return v_; }
    /// The weight in a unit of mass, e.g. w.in(units::kg).
    template <unit_of<mass> U>
    [[nodiscard]] constexpr double in(U unit) const noexcept {
        return v_.in(unit);
    }

    friend constexpr bool operator==(const body_weight& a, const body_weight& b) noexcept {
        return a.v_ == b.v_;
    }
    friend constexpr std::partial_ordering operator<=>(const body_weight& a,
                                                       const body_weight& b) noexcept {
        return a.v_ <=> b.v_;
    }

private:
    constexpr explicit body_weight(const mass& m) noexcept : v_(m) {}
    mass v_;
};

/// "165 cm": the height in its canonical unit, as parse_height reads it back.
[[nodiscard]] inline std::string to_string(const height& h) { return to_string(h.as_length()); }
/// "72.5 kg"
[[nodiscard]] inline std::string to_string(const body_weight& w) {
    return to_string(w.as_mass());
}

/// Reads "165 cm", "1.65 m", "1650 mm" and checks PAT-BODY-001 (errors name "height").
[[nodiscard]] inline result<height> parse_height(std::string_view text) {
    auto l = parse<length>(text, height_range, "height");
    if (!l) {
        return std::move(l).error().with_requirement("PAT-BODY-001");
    }
    return height::make(*l);
}

/// Reads "72.5 kg", "3500 g" and checks PAT-BODY-002 (errors name "weight").
[[nodiscard]] inline result<body_weight> parse_weight(std::string_view text) {
    auto m = parse<mass>(text, weight_range, "weight");
    if (!m) {
        return std::move(m).error().with_requirement("PAT-BODY-002");
    }
    return body_weight::make(*m);
}

// ---------------------------------------------------------------------------------------
// Body mass index
// ---------------------------------------------------------------------------------------

/// PAT-BODY-003: BMI = weight (kg) / height (m)^2 (Quetelet; WHO).
[[nodiscard]] inline body_mass_index bmi(const body_weight& weight, const height& h) noexcept {
    const double m = h.in(units::m);
    return body_mass_index(weight.in(units::kg) / (m * m), units::kg_per_m2);
}

// ---------------------------------------------------------------------------------------
// Body surface area. H = height in cm, W = weight in kg unless stated; result in m2.
// ---------------------------------------------------------------------------------------

/// PAT-BSA-001 Mosteller: BSA = sqrt(H x W / 3600).
/// Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317(17):1098.
/// (Copies using 0.0167 x sqrt(H x W) round 1/60 and differ in the 4th digit.)
[[nodiscard]] inline area bsa_mosteller(const height& h, const body_weight& weight) noexcept {
    return area(std::sqrt(h.in(units::cm) * weight.in(units::kg) / 3600.0), units::m2);
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
[[nodiscard]] inline area power_law_bsa(const bsa_power_law& c, const height& h,
                                        const body_weight& weight) noexcept {
    return area(c.k * std::pow(weight.in(units::kg), c.weight_exp) *
                    std::pow(h.in(units::cm), c.height_exp),
                units::m2);
}

}  // namespace detail

/// PAT-BSA-002 DuBois & DuBois 1916: BSA = 0.007184 x W^0.425 x H^0.725 (coefficients and
/// full citation: detail::bsa_power_laws::dubois).
[[nodiscard]] inline area bsa_dubois(const height& h, const body_weight& weight) noexcept {
    return detail::power_law_bsa(detail::bsa_power_laws::dubois, h, weight);
}

/// PAT-BSA-003 Haycock 1978: BSA = 0.024265 x W^0.5378 x H^0.3964 (coefficients and full
/// citation: detail::bsa_power_laws::haycock).
[[nodiscard]] inline area bsa_haycock(const height& h, const body_weight& weight) noexcept {
    return detail::power_law_bsa(detail::bsa_power_laws::haycock, h, weight);
}

/// PAT-BSA-004 Gehan & George 1970: BSA = 0.0235 x W^0.51456 x H^0.42246 (coefficients and
/// full citation: detail::bsa_power_laws::gehan_george).
[[nodiscard]] inline area bsa_gehan_george(const height& h, const body_weight& weight) noexcept {
    return detail::power_law_bsa(detail::bsa_power_laws::gehan_george, h, weight);
}

/// PAT-BSA-005 Boyd, as used in practice: BSA = 0.0003207 x H^0.3 x Wg^(0.7285 - 0.0188 x
/// log10 Wg), with Wg the weight in GRAMS and a base-10 logarithm. Boyd E. The Growth of the
/// Surface Area of the Human Body. University of Minnesota Press, Minneapolis, 1935.
/// (Feeding kilograms, or a natural logarithm, gives a wrong number; both slips are seen.)
[[nodiscard]] inline area bsa_boyd(const height& h, const body_weight& weight) noexcept {
    const double grams = weight.in(units::g);
    const double exponent = 0.7285 - 0.0188 * std::log10(grams);
    return area(0.0003207 * std::pow(h.in(units::cm), 0.3) * std::pow(grams, exponent),
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

/// A body surface area as data: the value, the formula and its requirement ID, and the height
/// and weight it was computed from.
struct bsa_result {
    area value;
    bsa_formula formula = bsa_formula::mosteller;
    length from_height;
    mass from_weight;
    const char* requirement = "";  ///< "PAT-BSA-001".."PAT-BSA-005"

    friend bool operator==(const bsa_result& a, const bsa_result& b) noexcept {
        return a.value == b.value && a.formula == b.formula && a.from_height == b.from_height &&
               a.from_weight == b.from_weight &&
               std::string_view(a.requirement) == b.requirement;
    }
};

/// PAT-BSA-006 (policy [P]): the default formula is Mosteller, the simplest, listed first in
/// the reference and the one most oncology pharmacy standards adopt. Pass another explicitly.
inline constexpr bsa_formula default_bsa_formula = bsa_formula::mosteller;

/// BSA by a formula chosen at run time. Error: a number that is not a declared formula
/// (out_of_range, field "formula", CORE-ENUM-002). Allocates nothing on success.
[[nodiscard]] inline result<bsa_result> body_surface_area(const height& h,
                                                          const body_weight& weight,
                                                          bsa_formula formula) {
    if (!is_valid(formula)) {  // the error is built only on this path
        return *hsct::detail::check_enum(formula, "formula");
    }
    bsa_result r{area{}, formula, h.as_length(), weight.as_mass(), ""};
    switch (formula) {
        case bsa_formula::mosteller:
            r.value = bsa_mosteller(h, weight);
            r.requirement = "PAT-BSA-001";
            break;
        case bsa_formula::dubois:
            r.value = bsa_dubois(h, weight);
            r.requirement = "PAT-BSA-002";
            break;
        case bsa_formula::haycock:
            r.value = bsa_haycock(h, weight);
            r.requirement = "PAT-BSA-003";
            break;
        case bsa_formula::gehan_george:
            r.value = bsa_gehan_george(h, weight);
            r.requirement = "PAT-BSA-004";
            break;
        case bsa_formula::boyd:
            r.value = bsa_boyd(h, weight);
            r.requirement = "PAT-BSA-005";
            break;
    }
    return r;
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

/// PAT-IBW-004 (policy [P]): Devine is an adult formula. hsct applies it on the dosing path
/// (ideal_body_weight, assess_dosing_weight) from 18 completed years; younger patients are
/// refused (no paediatric IBW method is implemented: neither Traub & Kichen 1983 nor the
/// BMI-for-age 50th-percentile method could be verified here, and the latter needs
/// growth-chart tables). devine_ibw, the formula alone, takes no age.
inline constexpr int ibw_adult_age_years = 18;

namespace detail {
/// Devine in kg for a declared sex (callers check it). Excess in cm first, so exactly 152.4 cm
/// gives exactly the base value. May be zero or negative far below 60 in.
[[nodiscard]] inline double devine_kg(const height& h, sex s) noexcept {
    const double base = s == sex::male ? devine_base_male_kg : devine_base_female_kg;
    return base + devine_kg_per_inch * (h.in(units::cm) - devine_base_height.in(units::cm)) /
                      cm_per_inch;
}

/// The error for a height whose Devine extrapolation is not positive (built only then).
[[nodiscard]] inline error devine_not_positive(const height& h, sex s) {
    const double base = s == sex::male ? devine_base_male_kg : devine_base_female_kg;
    const double min_cm = devine_base_height.in(units::cm) - base / devine_kg_per_inch * cm_per_inch;
    return error(errc::out_of_range, "height",
                 hsct::detail::concat({hsct::detail::format_number(h.in(units::cm)), " cm"}),
                 hsct::detail::concat(
                     {"above ", hsct::detail::format_number(std::ceil(min_cm * 10.0) / 10.0),
                      " cm (Devine extrapolation gives no positive IBW below that)"}),
                 "PAT-IBW-002");
}
}  // namespace detail

/// PAT-IBW-001: the Devine formula on its own, as published (extrapolated below 60 in), for
/// any checked height; no age is asked and no adult-age policy applied (that is
/// ideal_body_weight's job). Errors: a sex number that is not a declared value (out_of_range,
/// field "sex", CORE-ENUM-002); a height so short that the extrapolation is not positive
/// (out_of_range, field "height": woman below about 102.2 cm, man below about 97.2 cm).
[[nodiscard]] inline result<mass> devine_ibw(const height& h, sex s) {
    if (!is_valid(s)) {
        return *hsct::detail::check_enum(s, "sex");
    }
    const double kg = detail::devine_kg(h, s);
    if (!(kg > 0.0)) {
        return detail::devine_not_positive(h, s);
    }
    return mass(kg, units::kg);
}

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
    /// no IBW under 60 in: the result's status is not_applicable, decided by at_least_60_in
    /// (the stable id stays "refuse")
    refuse = 2,
    base_value = 3,   ///< use the 60-in base value (45.5 / 50 kg); the result is flagged
};

constexpr auto hsct_enum_table(short_stature_policy) noexcept {
    return make_enum_table<short_stature_policy>("short_stature_policy", {
        {short_stature_policy::extrapolate, "extrapolate", "extrapolate below 60 in"},
        {short_stature_policy::refuse, "refuse", "no IBW below 60 in"},
        {short_stature_policy::base_value, "base_value", "base value below 60 in"},
    });
}

/// Options for ideal_body_weight. Default: extrapolate (as published).
struct ibw_options {
    short_stature_policy below_60_in = short_stature_policy::extrapolate;

    friend constexpr bool operator==(const ibw_options&, const ibw_options&) noexcept = default;
};

/// The criteria ideal_body_weight evaluates.
enum class ibw_criterion : std::uint8_t {
    adult_age = 1,          ///< PAT-IBW-004: age at least 18 completed years
    at_least_60_in = 2,     ///< PAT-IBW-002: height at least 60 in (152.4 cm)
};

constexpr auto hsct_enum_table(ibw_criterion) noexcept {
    return make_enum_table<ibw_criterion>("ibw_criterion", {
        {ibw_criterion::adult_age, "adult_age", "age at least 18 years (Devine is an adult formula)"},
        {ibw_criterion::at_least_60_in, "at_least_60_in", "height at least 60 in (Devine base height)"},
    });
}

/// Whether ideal_body_weight produced a value. "Does not apply" is a value, never an error
/// (docs/conventions.md section 4).
enum class ibw_status : std::uint8_t {
    computed = 1,        ///< `value` holds the IBW
    not_applicable = 2,  ///< the adult Devine policy does not cover this patient (decided_by says why)
};

constexpr auto hsct_enum_table(ibw_status) noexcept {
    return make_enum_table<ibw_status>("ibw_status", {
        {ibw_status::computed, "computed", "computed"},
        {ibw_status::not_applicable, "not_applicable", "does not apply"},
    });
}

/// An ideal body weight as data: the status, the value (when computed), the formula, the
/// options it ran under, the height and sex it was computed for, and the criteria (adult age,
/// 60-in base height). `below_60_in` is true when the patient is shorter than 60 in, so the
/// value was extrapolated or set to the base value, or (short_stature_policy::refuse) none
/// was given (see options.below_60_in).
struct ibw_result {
    /// An empty result. Declared, not defaulted: value-initialising would zero the criteria's
    /// storage first (docs/conventions.md section 5).
    ibw_result() noexcept {}  // NOLINT(modernize-use-equals-default)

    ibw_status status = ibw_status::computed;
    /// For not_applicable: the criterion that decided it (adult_age or at_least_60_in, not met).
    std::optional<ibw_criterion> decided_by;
    std::optional<mass> value;  ///< set only when status == computed
    ibw_formula formula = ibw_formula::devine_1974;
    ibw_options options;
    bool below_60_in = false;
    length for_height;
    sex for_sex = sex::female;
    hsct::fixed_list<hsct::criterion<ibw_criterion>, 2> criteria;

    [[nodiscard]] constexpr bool applies() const noexcept { return status == ibw_status::computed; }

    friend bool operator==(const ibw_result&, const ibw_result&) = default;
};

/// Devine ideal body weight on the dosing path (PAT-IBW-001/002/004).
/// Does not apply (a value: status not_applicable, no `value`, decided_by the criterion not
/// met): age under 18 (adult_age, PAT-IBW-004: hsct implements no paediatric IBW method);
/// under 60 in with short_stature_policy::refuse (at_least_60_in, PAT-IBW-002).
/// Errors: a sex or short-stature policy number that is not a declared value (out_of_range,
/// field "sex" / "options.below_60_in", CORE-ENUM-002); an extrapolation that would not be
/// positive (out_of_range, "height", PAT-IBW-002).
/// Allocates nothing on success.
[[nodiscard]] inline result<ibw_result> ideal_body_weight(const height& h, sex s,
                                                          const age& patient_age,
                                                          const ibw_options& options = {}) {
    if (!is_valid(s)) {  // the errors are built only on these paths
        return *hsct::detail::check_enum(s, "sex");
    }
    if (!is_valid(options.below_60_in)) {
        return *hsct::detail::check_enum(options.below_60_in, "options.below_60_in");
    }
    ibw_result r;
    r.options = options;
    r.for_height = h.as_length();
    r.for_sex = s;

    hsct::criterion<ibw_criterion> adult;
    adult.id = ibw_criterion::adult_age;
    adult.cmp = hsct::comparator::greater_equal;
    adult.requirement = "PAT-IBW-004";
    adult.measured = hsct::measure::count(patient_age.completed_years(), hsct::count_unit::years);
    adult.threshold = ibw_adult_age_years;
    if (!hsct::satisfies(adult.measured.number(), adult.cmp, adult.threshold)) {
        // Devine is an adult formula; hsct implements no paediatric IBW method.
        adult.result = hsct::outcome::not_met;
        r.criteria.push_back(adult);
        r.status = ibw_status::not_applicable;
        r.decided_by = ibw_criterion::adult_age;
        return r;
    }
    adult.result = hsct::outcome::met;
    r.criteria.push_back(adult);

    hsct::criterion<ibw_criterion> tall;
    tall.id = ibw_criterion::at_least_60_in;
    tall.cmp = hsct::comparator::greater_equal;
    tall.requirement = "PAT-IBW-002";
    tall.measured = hsct::measure::of(h.as_length(), units::cm);
    tall.threshold = devine_base_height.in(units::cm);
    const bool below = !hsct::satisfies(tall.measured.number(), tall.cmp, tall.threshold);
    tall.result = below ? hsct::outcome::not_met : hsct::outcome::met;
    r.criteria.push_back(tall);
    r.below_60_in = below;

    if (below && options.below_60_in == short_stature_policy::refuse) {
        r.status = ibw_status::not_applicable;
        r.decided_by = ibw_criterion::at_least_60_in;
        return r;
    }
    if (below && options.below_60_in == short_stature_policy::base_value) {
        r.value = mass(s == sex::male ? devine_base_male_kg : devine_base_female_kg, units::kg);
        return r;
    }
    const double kg = detail::devine_kg(h, s);
    if (!(kg > 0.0)) {
        return detail::devine_not_positive(h, s);
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

/// The fraction of excess weight added: 0.25, 0.4 or 0.5; nullopt for a number that is not a
/// declared factor (read stored numbers with make_enum<adjustment_factor>).
[[nodiscard]] constexpr std::optional<double> fraction(adjustment_factor f) noexcept {
    switch (f) {
        case adjustment_factor::aibw25: return 0.25;
        case adjustment_factor::adjbw40: return 0.4;
        case adjustment_factor::adjbw50: return 0.5;
    }
    return std::nullopt;
}

/// The criterion adjusted_body_weight evaluates.
enum class abw_criterion : std::uint8_t {
    actual_above_ideal = 1,  ///< PAT-ABW-003: TBW above IBW, so the adjustment applies
};

constexpr auto hsct_enum_table(abw_criterion) noexcept {
    return make_enum_table<abw_criterion>("abw_criterion", {
        {abw_criterion::actual_above_ideal, "actual_above_ideal",
         "actual body weight above ideal body weight (adjustment applies)"},
    });
}

/// An adjusted body weight as data: the value, the factor, IBW and TBW, whether the
/// adjustment was applied, and the criterion that decided it. `adjusted` is false when TBW is
/// not above IBW: then `value` is the actual weight (PAT-ABW-003).
struct adjusted_weight_result {
    /// An empty result. Declared, not defaulted: value-initialising would zero the criteria's
    /// storage first (docs/conventions.md section 5).
    adjusted_weight_result() noexcept {}  // NOLINT(modernize-use-equals-default)

    mass value;
    adjustment_factor factor = adjustment_factor::aibw25;
    mass ideal;
    mass actual;
    bool adjusted = true;
    hsct::fixed_list<hsct::criterion<abw_criterion>, 1> criteria;

    friend bool operator==(const adjusted_weight_result&,
                           const adjusted_weight_result&) = default;
};

namespace detail {
/// An IBW taken from an ibw_result (a plain struct a caller can fill in): present, positive
/// and finite, or the error that says it is not.
inline result<mass> checked_ibw(const ibw_result& ibw) {
    if (!ibw.value.has_value()) {
        return error(errc::missing, "ibw.value",
                     ibw.applies() ? std::string("(empty)") : std::string("(does not apply)"),
                     "an IBW that applies (ibw_result::status computed)", "PAT-ABW-001");
    }
    const mass ideal = *ibw.value;
    const double kg = ideal.in(units::kg);
    if (std::isfinite(kg) && kg > 0.0) {
        return ideal;
    }
    return error(std::isfinite(kg) ? errc::out_of_range : errc::not_finite, "ibw",
                 hsct::detail::concat({hsct::detail::format_number(kg), " kg"}),
                 "above 0 kg (an ibw_result from ideal_body_weight)", "PAT-ABW-001");
}
}  // namespace detail

namespace detail {
/// PAT-ABW-001/003 for a declared factor and a positive, finite IBW (callers check both).
[[nodiscard]] inline adjusted_weight_result adjust(const mass& ideal, const body_weight& actual,
                                                   adjustment_factor f) noexcept {
    adjusted_weight_result r;
    r.factor = f;
    r.ideal = ideal;
    r.actual = actual.as_mass();
    hsct::criterion<abw_criterion> c;
    c.id = abw_criterion::actual_above_ideal;
    c.cmp = hsct::comparator::greater;
    c.requirement = "PAT-ABW-003";
    c.measured = hsct::measure::of(actual.as_mass(), units::kg);
    c.threshold = ideal.in(units::kg);
    r.adjusted = hsct::satisfies(c.measured.number(), c.cmp, c.threshold);
    c.result = r.adjusted ? hsct::outcome::met : hsct::outcome::not_met;
    r.criteria.push_back(c);
    r.value = r.adjusted ? ideal + fraction(f).value_or(0.0) * (actual.as_mass() - ideal)
                         : actual.as_mass();
    return r;
}
}  // namespace detail

/// PAT-ABW-001: AdjBW = IBW + f x (TBW - IBW), for TBW above IBW.
/// PAT-ABW-003 (policy [P], the usual practice: the adjustment is an obesity correction that
/// moves the dosing weight from TBW towards IBW): when TBW is not above IBW the formula is not
/// applied and the actual weight is returned (`adjusted == false`), so an underweight patient
/// is never given a weight above the actual one. (Applied as written, the formula would give
/// a weight between TBW and IBW, i.e. above TBW.) Whether to adjust at all is the dosing
/// policy's trigger (dosing_weight.hpp). The IBW is taken as an ibw_result so it cannot be
/// swapped with TBW.
/// Errors: a factor number that is not a declared factor (out_of_range, field "factor",
/// CORE-ENUM-002); an ibw_result whose value is not positive and finite (field "ibw"), or that
/// has none because the IBW does not apply (missing, field "ibw.value").
[[nodiscard]] inline result<adjusted_weight_result> adjusted_body_weight(
    const ibw_result& ibw, const body_weight& actual, adjustment_factor f) {
    if (!is_valid(f)) {  // the error is built only on this path
        return *hsct::detail::check_enum(f, "factor");
    }
    auto ideal = detail::checked_ibw(ibw);
    if (!ideal) {
        return std::move(ideal).error();
    }
    return detail::adjust(*ideal, actual, f);
}

/// PAT-ABW-002: actual weight as a percent of IBW (100 x TBW / IBW), e.g. 211%.
/// Error: an ibw_result whose value is not positive and finite (field "ibw"), or that has none
/// because the IBW does not apply (missing, field "ibw.value").
[[nodiscard]] inline result<percent> percent_of_ideal(const body_weight& actual,
                                                      const ibw_result& ibw) {
    auto ideal = detail::checked_ibw(ibw);
    if (!ideal) {
        return std::move(ideal).error();
    }
    return percent(100.0 * actual.in(units::kg) / ideal->in(units::kg), units::pct);
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_BODY_SIZE_HPP
