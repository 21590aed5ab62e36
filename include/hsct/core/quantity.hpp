// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The machinery behind every clinical quantity: dimensions, units, and the quantity base
// that stores one double in its dimension's canonical unit. The quantities themselves
// (mass, area, cell_dose, ...) are in hsct/core/units.hpp.
#ifndef HSCT_CORE_QUANTITY_HPP
#define HSCT_CORE_QUANTITY_HPP

#include <cmath>
#include <compare>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "hsct/core/detail/always_inline.hpp"
#include "hsct/core/detail/enum_table.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

/// What a quantity measures. Two units convert only within one dimension. Stable numbers
/// from 1 (CORE-ENUM-002).
enum class dimension : std::uint8_t {
    mass = 1,                     ///< body weight and other masses (canonical kg)
    length = 2,                   ///< height (canonical cm)
    area = 3,                     ///< body surface area (canonical m2)
    volume = 4,                   ///< product and fluid volumes (canonical mL)
    mass_concentration = 5,       ///< mass per volume (canonical mg/dL)
    molar_concentration = 6,      ///< amount per volume (canonical umol/L)
    catalytic_concentration = 7,  ///< enzyme activity per volume (canonical U/L)
    cell_concentration = 8,       ///< cells per volume (canonical x10^9/L)
    cell_count = 9,               ///< a number of cells (canonical cells)
    cell_dose = 10,                ///< cells per kg of recipient (canonical x10^6/kg)
    dose_per_area = 11,            ///< drug dose per body surface area (canonical mg/m2)
    dose_per_mass = 12,            ///< drug dose per body mass (canonical mg/kg)
    total_dose = 13,               ///< an amount of drug (canonical mg)
    radiation_dose = 14,           ///< absorbed radiation dose (canonical Gy)
    percent = 15,                  ///< a proportion in percent (canonical %)
    body_mass_index = 16,          ///< mass per square of height (canonical kg/m2)
    radiation_dose_rate = 17,      ///< absorbed radiation dose per minute (canonical cGy/min)
};

constexpr auto hsct_enum_table(dimension) noexcept {
    return make_enum_table<dimension>("dimension", {
        {dimension::mass, "mass", "mass"},
        {dimension::length, "length", "length"},
        {dimension::area, "area", "area"},
        {dimension::volume, "volume", "volume"},
        {dimension::mass_concentration, "mass_concentration", "mass concentration"},
        {dimension::molar_concentration, "molar_concentration", "molar concentration"},
        {dimension::catalytic_concentration, "catalytic_concentration", "catalytic concentration"},
        {dimension::cell_concentration, "cell_concentration", "cell concentration"},
        {dimension::cell_count, "cell_count", "cell count"},
        {dimension::cell_dose, "cell_dose", "cell dose per kg"},
        {dimension::dose_per_area, "dose_per_area", "dose per body surface area"},
        {dimension::dose_per_mass, "dose_per_mass", "dose per body mass"},
        {dimension::total_dose, "total_dose", "total dose"},
        {dimension::radiation_dose, "radiation_dose", "radiation dose"},
        {dimension::percent, "percent", "percent"},
        {dimension::body_mass_index, "body_mass_index", "body mass index"},
        {dimension::radiation_dose_rate, "radiation_dose_rate", "radiation dose rate"},
    });
}

/// A unit: its dimension and its exact relation to the dimension's canonical unit,
/// `value_in_canonical = value * num / den`. Both factors are exact in a double.
struct unit_info {
    dimension dim;
    double num;
    double den;
    std::string_view symbol;  ///< printed form (ASCII), e.g. "x10^9/L"
    std::string_view ucum;    ///< UCUM case-sensitive code, e.g. "10*9/L"

    friend constexpr bool operator==(const unit_info& a, const unit_info& b) noexcept {
        return a.dim == b.dim && a.num == b.num && a.den == b.den && a.symbol == b.symbol;
    }
};

namespace detail {

/// The same scale in the same dimension (the printed symbol may differ: "10*9/L", "x10^9/L").
HSCT_ALWAYS_INLINE constexpr bool same_scale(const unit_info& a, const unit_info& b) noexcept {
    return a.dim == b.dim && a.num == b.num && a.den == b.den;
}

HSCT_ALWAYS_INLINE constexpr double to_canonical(double v, const unit_info& u) noexcept {
    if (u.num == 1.0 && u.den == 1.0) {
        return v;
    }
    if (u.den == 1.0) {
        return v * u.num;
    }
    if (u.num == 1.0) {
        return v / u.den;
    }
    return v * u.num / u.den;
}

HSCT_ALWAYS_INLINE constexpr double from_canonical(double v, const unit_info& u) noexcept {
    if (u.num == 1.0 && u.den == 1.0) {
        return v;
    }
    if (u.num == 1.0) {
        return v * u.den;
    }
    if (u.den == 1.0) {
        return v / u.num;
    }
    return v * u.den / u.num;
}

/// Specialised for each quantity in units.hpp: its dimension, canonical unit and name.
template <class Q>
struct quantity_traits;

}  // namespace detail

/// A unit tag: an empty type naming one unit of one quantity (e.g. hsct::units::kg).
template <class U>
concept unit_tag = requires {
    typename U::quantity;
    { U::info } -> std::convertible_to<unit_info>;
};

/// U is a unit that quantity Q can be built from and read in. For most quantities that is
/// a unit of Q itself; a lab analyte also accepts the units of its base quantity and, where
/// it has a molar mass, molar units (see hsct/core/analyte.hpp).
template <class U, class Q>
concept unit_of = unit_tag<U> && detail::quantity_traits<Q>::template accepts<U>;

/// A closed interval [lo, hi] of valid values, printed as "lo-hi unit".
template <class Q>
struct valid_range {
    Q lo;
    Q hi;

    [[nodiscard]] constexpr bool contains(const Q& v) const noexcept { return lo <= v && v <= hi; }
};

namespace detail {

/// CRTP base of every quantity: one double in the canonical unit, nothing else (CORE-ZERO-001:
/// each quantity is the size of its representation and trivially copyable).
/// Only arithmetic that means something exists: same-quantity sums and differences,
/// scaling by a plain number, and the ratio of two values of one quantity.
template <class D>
class quantity_base {
public:
    /// Zero in every unit.
    constexpr quantity_base() noexcept = default;

    /// Builds a value from a number *and* its unit: `mass(72.5, units::kg)`.
    /// This path trusts its caller (code, literals); untrusted input goes through
    /// hsct::parse or hsct::make_checked, which return hsct::result.
    template <unit_of<D> U>
    constexpr quantity_base(double v, U /*unit*/) noexcept
        : v_(quantity_traits<D>::to_stored(v, U::info)) {}

    /// The value as a number in the unit asked for: `w.in(units::kg)`.
    template <unit_of<D> U>
    [[nodiscard]] HSCT_ALWAYS_INLINE constexpr double in(U /*unit*/) const noexcept {
        return quantity_traits<D>::from_stored(v_, U::info);
    }

    /// The value in a unit known only at run time. Precondition: the quantity accepts the
    /// unit's dimension (a contract, checked).
    [[nodiscard]] constexpr double in(const unit_info& u) const {
        HSCT_EXPECTS(quantity_traits<D>::accepts_dimension(u.dim),
                     "in(unit_info): the unit does not measure this quantity");
        return quantity_traits<D>::from_stored(v_, u);
    }

    constexpr D& operator+=(const D& o) noexcept {
        v_ += o.v_;
        return self();
    }
    constexpr D& operator-=(const D& o) noexcept {
        v_ -= o.v_;
        return self();
    }
    constexpr D& operator*=(double k) noexcept {
        v_ *= k;
        return self();
    }
    constexpr D& operator/=(double k) noexcept {
        v_ /= k;
        return self();
    }

    [[nodiscard]] friend constexpr D operator+(D a, const D& b) noexcept { return a += b; }
    [[nodiscard]] friend constexpr D operator-(D a, const D& b) noexcept { return a -= b; }
    [[nodiscard]] friend constexpr D operator-(const D& a) noexcept { return D{} - a; }
    [[nodiscard]] friend constexpr D operator*(D a, double k) noexcept { return a *= k; }
    [[nodiscard]] friend constexpr D operator*(double k, D a) noexcept { return a *= k; }
    [[nodiscard]] friend constexpr D operator/(D a, double k) noexcept { return a /= k; }
    /// The ratio of two values of one quantity is a plain number.
    [[nodiscard]] friend constexpr double operator/(const D& a, const D& b) noexcept {
        return raw(a) / raw(b);
    }
    [[nodiscard]] friend constexpr bool operator==(const D& a, const D& b) noexcept {
        return raw(a) == raw(b);
    }
    [[nodiscard]] friend constexpr std::partial_ordering operator<=>(const D& a,
                                                                     const D& b) noexcept {
        return raw(a) <=> raw(b);
    }

private:
    static constexpr double raw(const D& d) noexcept {
        return static_cast<const quantity_base&>(d).v_;
    }
    constexpr D& self() noexcept { return static_cast<D&>(*this); }

    double v_{};
};

}  // namespace detail

/// Q is one of hsct's quantity types.
template <class Q>
concept quantity = std::derived_from<Q, detail::quantity_base<Q>> && requires {
    typename detail::quantity_traits<Q>::canonical_unit;
};

/// The canonical unit of a quantity: the unit it is stored and printed in.
template <quantity Q>
using canonical_unit_t = typename detail::quantity_traits<Q>::canonical_unit;

/// Traits shared by the plain quantities: stored in the canonical unit, built only from
/// units of the quantity itself, valid from zero upwards by default.
namespace detail {
template <class Q, class Canonical>
struct simple_quantity_traits {
    using canonical_unit = Canonical;
    template <class U>
    static constexpr bool accepts = std::same_as<typename U::quantity, Q>;
    static constexpr bool accepts_dimension(dimension d) noexcept {
        return d == Canonical::info.dim;
    }
    HSCT_ALWAYS_INLINE static constexpr double to_stored(double v, const unit_info& u) noexcept {
        return to_canonical(v, u);
    }
    HSCT_ALWAYS_INLINE static constexpr double from_stored(double v, const unit_info& u) noexcept {
        return from_canonical(v, u);
    }
    /// Zero to the largest finite double: no plain quantity in hsct is negative.
    static constexpr valid_range<Q> default_range() noexcept {
        return {Q(0.0, Canonical{}), Q(1.7976931348623157e308, Canonical{})};
    }
};
}  // namespace detail

}  // namespace hsct

#endif  // HSCT_CORE_QUANTITY_HPP
