// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Busulfan exposure: the area under the concentration-time curve (AUC) in the three units
// laboratories report (umol*min/L, mg*h/L, mg*min/L), converted through busulfan's molar mass;
// the average steady-state concentration (Css) over a dosing interval; the exposure judged
// against a cited target; and the pharmacokinetically guided dose adjustment.
//
//   using namespace hsct::conditioning;
//   auto auc = busulfan_auc::make(1200, auc_unit::umol_min_per_l);   // result<busulfan_auc>
//   auc->in(auc_unit::mg_h_per_l);                                    // 4.93
//   auto css = average_concentration(*auc, std::chrono::hours(6));    // 0.821 mg/L (821 ng/mL)
//   auto course = *auc * 16;                                          // 19,200 umol*min/L
//   auto e = assess_busulfan_exposure({course, busulfan_auc_scope::cumulative});
//   e->outcome;    // exposure_outcome::within (Bartelink 2009: 78 mg*h/L, 74-82)
//   auto adj = adjust_busulfan_dose(hsct::dose_per_mass(3.2, hsct::units::mg_per_kg),
//                                   *busulfan_auc::make(4800, auc_unit::umol_min_per_l),
//                                   *busulfan_auc::make(5400, auc_unit::umol_min_per_l));
//   adj->new_dose;  // 2.84 mg/kg: 3.2 x 4800 / 5400, linear kinetics assumed
//
// COND-BU-001: the molar mass of busulfan, C6H14O6S2, 246.30 g/mol, so 1 mg/L = 4.060 umol/L
// and 1 mg*h/L = 243.6 umol*min/L. COND-BU-002: Css = AUC / dosing interval. COND-BU-003:
// exposure targets are named policies with their sources (per-dose q6h window 900-1,500
// umol*min/L, Clin Cancer Res 2011;17:6867 [V]; adult q6h 1,150-1,350 umol*min/L, ASH 2007
// abstract [V]; cumulative 78 mg*h/L (74-82), Bartelink et al., Biol Blood Marrow Transplant
// 2009;15:231 [V]; cumulative 78-101 mg*h/L, Bartelink et al., Lancet Haematol 2016 [M,
// unverified]). COND-BU-004: the adjusted dose is the current dose times target / measured
// exposure, which assumes busulfan's clearance does not change with the dose (linear
// kinetics); therapeutic drug monitoring is recommended especially in children and
// myeloablative use (EBMT Handbook 2024 ch. 67, citing Palmer et al., Biol Blood Marrow
// Transplant 2016). hsct computes the arithmetic; it does not round, cap or choose the target.
#ifndef HSCT_CONDITIONING_BUSULFAN_HPP
#define HSCT_CONDITIONING_BUSULFAN_HPP

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/conditioning/vocabulary.hpp"

namespace hsct::conditioning {

/// COND-BU-001: busulfan's molar mass in g/mol (C6H14O6S2: 6 x 12.011 + 14 x 1.008 + 6 x 15.999
/// + 2 x 32.06 = 246.29; 246.30 as the reference notes and PubChem give it).
inline constexpr double busulfan_molar_mass = 246.30;

/// The units an AUC of busulfan is reported in (COND-BU-001).
enum class auc_unit : std::uint8_t {
    umol_min_per_l = 1,  ///< micromol x min / L (often written uM*min)
    mg_h_per_l = 2,      ///< mg x h / L
    mg_min_per_l = 3,    ///< mg x min / L
};

constexpr auto hsct_enum_table(auc_unit) noexcept {
    return make_enum_table<auc_unit>("auc_unit", {
        {auc_unit::umol_min_per_l, "umol_min_per_l", "umol*min/L"},
        {auc_unit::mg_h_per_l, "mg_h_per_l", "mg*h/L"},
        {auc_unit::mg_min_per_l, "mg_min_per_l", "mg*min/L"},
    });
}

namespace detail {
/// Not constexpr: calling it in busulfan_auc::constant stops the compilation (a bound out of range).
inline void busulfan_auc_constant_out_of_range() noexcept {}

/// umol*min/L per unit of `u` (COND-BU-001): 1 mg*h/L = 60 mg*min/L = 60 x 1000 / 246.30 umol*min/L.
[[nodiscard]] constexpr double umol_min_per(auc_unit u) noexcept {
    switch (u) {
        case auc_unit::umol_min_per_l: return 1.0;
        case auc_unit::mg_h_per_l: return 60.0 * 1000.0 / busulfan_molar_mass;
        case auc_unit::mg_min_per_l: return 1000.0 / busulfan_molar_mass;
    }
    return 1.0;
}
}  // namespace detail

/// A busulfan AUC: one dose's or a whole course's. Eight bytes (the value in umol*min/L).
class busulfan_auc {
public:
    /// COND-BU-001: the plausible range hsct accepts, in umol*min/L (hsct's own bound [P]: above
    /// any single-dose or whole-course exposure reported; the highest cumulative target cited,
    /// 101 mg*h/L, is 24,604 umol*min/L).
    static constexpr double max_umol_min_per_l = 100000.0;

    /// A checked AUC: finite, above 0, at most max_umol_min_per_l. Errors name the field, the
    /// value with its unit and the valid range.
    [[nodiscard]] static result<busulfan_auc> make(double value, auc_unit unit,
                                                   field_ref field = "busulfan_auc") {
        if (auto e = hsct::detail::check_enum(unit, field_ref(field.str(), "unit"))) {
            return *e;
        }
        const auto shown = [&] {
            return hsct::detail::format_number(value) + " " + std::string(label(unit));
        };
        if (!std::isfinite(value)) {
            return error(errc::not_finite, field, shown(), "a finite number", "COND-BU-001");
        }
        const double v = value * detail::umol_min_per(unit);
        if (!(v > 0.0) || v > max_umol_min_per_l) {
            return error(errc::out_of_range, field, shown(),
                         "above 0 and at most 100000 umol*min/L (410.5 mg*h/L)", "COND-BU-001");
        }
        return busulfan_auc(v);
    }
    /// The value in `unit`.
    [[nodiscard]] constexpr double in(auc_unit unit) const noexcept {
        return v_ / detail::umol_min_per(unit);
    }
    /// A course of `doses` equal doses (the sum of their AUCs). Precondition (contract): 1 <=
    /// doses and the sum stays in range.
    [[nodiscard]] friend constexpr busulfan_auc operator*(busulfan_auc a, int doses) {
        HSCT_EXPECTS(doses >= 1 && a.v_ * doses <= max_umol_min_per_l,
                     "busulfan_auc * doses: out of range");
        return busulfan_auc(a.v_ * doses);
    }
    /// The sum of two AUCs (doses of one course). Precondition (contract): in range.
    [[nodiscard]] friend constexpr busulfan_auc operator+(busulfan_auc a, busulfan_auc b) {
        HSCT_EXPECTS(a.v_ + b.v_ <= max_umol_min_per_l, "busulfan_auc + busulfan_auc: out of range");
        return busulfan_auc(a.v_ + b.v_);
    }
    friend constexpr bool operator==(busulfan_auc, busulfan_auc) noexcept = default;
    /// A constant AUC (a cited target's bound), checked when compiled: a value outside
    /// (0, max_umol_min_per_l] does not compile.
    [[nodiscard]] static consteval busulfan_auc constant(double value, auc_unit unit) {
        const double v = value * detail::umol_min_per(unit);
        if (!(v > 0.0) || v > max_umol_min_per_l) {
            detail::busulfan_auc_constant_out_of_range();
        }
        return busulfan_auc(v);
    }

private:
    constexpr explicit busulfan_auc(double v) noexcept : v_(v) {}
    double v_ = 0.0;
};

namespace detail {
[[nodiscard]] constexpr bool auc_suffix_is(std::string_view text, std::string_view form) noexcept {
    if (text.size() != form.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if (c != form[i]) {
            return false;
        }
    }
    return true;
}
}  // namespace detail

/// COND-BU-001: reads "1200 umol*min/L", "4.93 mg*h/L", "296 mg*min/L" (also "uM*min",
/// "umol.min/L", "mg.h/L", "mg h/L"; the unit is required). Reads back what to_string prints.
template <class = void>
[[nodiscard]] result<busulfan_auc> parse_busulfan_auc(std::string_view text,
                                                      field_ref field = "busulfan_auc") {
    const std::string_view t = hsct::detail::trim(text);
    std::size_t i = 0;
    while (i < t.size() && (t[i] == '.' || t[i] == '-' || t[i] == '+' || t[i] == 'e' ||
                            t[i] == 'E' || (t[i] >= '0' && t[i] <= '9'))) {
        ++i;
    }
    const auto number = hsct::detail::read_number(t.substr(0, i));
    const std::string_view unit_text = hsct::detail::trim(t.substr(i));
    struct form {
        std::string_view text;
        auc_unit unit{};
    };
    constexpr form forms[] = {
        {"umol*min/l", auc_unit::umol_min_per_l}, {"umol.min/l", auc_unit::umol_min_per_l},
        {"umol min/l", auc_unit::umol_min_per_l}, {"um*min", auc_unit::umol_min_per_l},
        {"um.min", auc_unit::umol_min_per_l},     {"mg*h/l", auc_unit::mg_h_per_l},
        {"mg.h/l", auc_unit::mg_h_per_l},         {"mg h/l", auc_unit::mg_h_per_l},
        {"mg*min/l", auc_unit::mg_min_per_l},     {"mg.min/l", auc_unit::mg_min_per_l},
        {"mg min/l", auc_unit::mg_min_per_l},
    };
    if (!number) {
        return error(errc::syntax, field, hsct::detail::quote_input(text),
                     "a number then a unit: umol*min/L, mg*h/L or mg*min/L", "COND-BU-001");
    }
    for (const auto& f : forms) {
        if (detail::auc_suffix_is(unit_text, f.text)) {
            return busulfan_auc::make(*number, f.unit, field);
        }
    }
    return error(errc::unknown_unit, field, hsct::detail::quote_input(text),
                 "umol*min/L, mg*h/L or mg*min/L", "COND-BU-001");
}

/// "1200 umol*min/L": the value in umol*min/L.
[[nodiscard]] inline std::string to_string(busulfan_auc a) {
    return hsct::detail::format_number(a.in(auc_unit::umol_min_per_l)) + " umol*min/L";
}

/// COND-BU-002: the average steady-state concentration over a dosing interval (Css = AUC / tau),
/// as a mass concentration (mg/L; x 1000 for ng/mL). Errors: an interval of 0 or less, or over
/// 7 days (field "interval").
template <class = void>
[[nodiscard]] result<hsct::mass_concentration> average_concentration(busulfan_auc auc,
                                                                     std::chrono::minutes interval) {
    if (interval.count() <= 0 || interval > std::chrono::minutes(7 * 24 * 60)) {
        return error(errc::out_of_range, "interval", std::to_string(interval.count()) + " min",
                     "1 min to 7 days (a dosing interval)", "COND-BU-002");
    }
    const double mg_per_l = auc.in(auc_unit::mg_min_per_l) / static_cast<double>(interval.count());
    return hsct::mass_concentration(mg_per_l, hsct::units::mg_per_l);
}

// ---------------------------------------------------------------------------------------------
// Exposure against a target
// ---------------------------------------------------------------------------------------------

/// COND-BU-003: which published target an exposure is judged against.
enum class busulfan_target : std::uint8_t {
    /// default: whole-course AUC 78 mg*h/L, 95 % CI 74-82 (Bartelink et al., BBMT 2009;15:231,
    /// children) [V]; the window is the confidence interval
    cumulative_bartelink_2009 = 1,
    /// whole-course 78-101 mg*h/L (Bartelink et al., Lancet Haematol 2016) [M, unverified]
    cumulative_bartelink_2016 = 2,
    /// one q6h dose 900-1,500 umol*min/L (paediatric population PK, Clin Cancer Res
    /// 2011;17:6867) [V]
    per_dose_q6h_900_1500 = 3,
    /// one q6h dose 1,150-1,350 umol*min/L (adult obese TDM series, ASH 2007 abstract) [V]
    per_dose_q6h_1150_1350 = 4,
};

constexpr auto hsct_enum_table(busulfan_target) noexcept {
    using t = busulfan_target;
    return make_enum_table<busulfan_target>("busulfan_target", {
        {t::cumulative_bartelink_2009, "cumulative_bartelink_2009", "course AUC 74-82 mg*h/L (Bartelink 2009)"},
        {t::cumulative_bartelink_2016, "cumulative_bartelink_2016", "course AUC 78-101 mg*h/L (Bartelink 2016, unverified)"},
        {t::per_dose_q6h_900_1500, "per_dose_q6h_900_1500", "q6h dose AUC 900-1500 umol*min/L (Clin Cancer Res 2011)"},
        {t::per_dose_q6h_1150_1350, "per_dose_q6h_1150_1350", "q6h dose AUC 1150-1350 umol*min/L (ASH 2007)"},
    });
}

/// What an AUC measures: one dose or the whole course.
enum class busulfan_auc_scope : std::uint8_t { per_dose = 1, cumulative = 2 };

constexpr auto hsct_enum_table(busulfan_auc_scope) noexcept {
    return make_enum_table<busulfan_auc_scope>("busulfan_auc_scope", {
        {busulfan_auc_scope::per_dose, "per_dose", "one dose"},
        {busulfan_auc_scope::cumulative, "cumulative", "whole course"},
    });
}

/// Below, within or above the target window (bounds inclusive).
enum class exposure_outcome : std::uint8_t { below = 1, within = 2, above = 3, not_applicable = 4 };

constexpr auto hsct_enum_table(exposure_outcome) noexcept {
    return make_enum_table<exposure_outcome>("exposure_outcome", {
        {exposure_outcome::below, "below", "below the target"},
        {exposure_outcome::within, "within", "within the target"},
        {exposure_outcome::above, "above", "above the target"},
        {exposure_outcome::not_applicable, "not_applicable", "the target is for another scope (dose or course)"},
    });
}

/// The target window of a policy (its bounds as AUCs, read in any auc_unit), its scope, and
/// whether its source was read.
struct busulfan_target_window {
    busulfan_auc low;
    busulfan_auc high;
    busulfan_auc_scope scope = busulfan_auc_scope::cumulative;
    bool verified = true;
};

/// COND-BU-003: the window of a target (an undeclared target number reads as the default's;
/// the rule refuses it before asking).
[[nodiscard]] constexpr busulfan_target_window window_of(busulfan_target t) noexcept {
    constexpr auto mgh = auc_unit::mg_h_per_l;
    constexpr auto umol = auc_unit::umol_min_per_l;
    switch (t) {
        case busulfan_target::cumulative_bartelink_2009: break;
        case busulfan_target::cumulative_bartelink_2016:
            return {busulfan_auc::constant(78.0, mgh), busulfan_auc::constant(101.0, mgh),
                    busulfan_auc_scope::cumulative, false};
        case busulfan_target::per_dose_q6h_900_1500:
            return {busulfan_auc::constant(900.0, umol), busulfan_auc::constant(1500.0, umol),
                    busulfan_auc_scope::per_dose, true};
        case busulfan_target::per_dose_q6h_1150_1350:
            return {busulfan_auc::constant(1150.0, umol), busulfan_auc::constant(1350.0, umol),
                    busulfan_auc_scope::per_dose, true};
    }
    return {busulfan_auc::constant(74.0, mgh), busulfan_auc::constant(82.0, mgh), busulfan_auc_scope::cumulative,
            true};
}

/// The criteria of assess_busulfan_exposure.
enum class busulfan_exposure_criterion : std::uint8_t {
    at_least_low = 1,   ///< AUC >= the window's low bound
    at_most_high = 2,   ///< AUC <= the window's high bound
    scope_matches = 3,  ///< the AUC measures what the target is for (a dose or a course)
};

constexpr auto hsct_enum_table(busulfan_exposure_criterion) noexcept {
    return make_enum_table<busulfan_exposure_criterion>("busulfan_exposure_criterion", {
        {busulfan_exposure_criterion::at_least_low, "at_least_low", "AUC at or above the target's low bound"},
        {busulfan_exposure_criterion::at_most_high, "at_most_high", "AUC at or below the target's high bound"},
        {busulfan_exposure_criterion::scope_matches, "scope_matches", "AUC measured over what the target is for (a dose or the course)"},
    });
}

/// The input: an AUC and what it measures.
struct busulfan_exposure_input {
    busulfan_auc auc;
    busulfan_auc_scope scope = busulfan_auc_scope::cumulative;
};

/// The options: the target policy.
struct busulfan_exposure_options {
    busulfan_target target = busulfan_target::cumulative_bartelink_2009;
};

/// The answer, with its evidence.
struct busulfan_exposure_result {
    exposure_outcome outcome = exposure_outcome::not_applicable;
    busulfan_target target = busulfan_target::cumulative_bartelink_2009;
    busulfan_target_window window;
    busulfan_auc auc;  ///< the AUC judged
    hsct::fixed_list<hsct::criterion<busulfan_exposure_criterion>, 3> criteria;
};

/// COND-BU-003: judges an AUC against a target. A per-dose AUC against a course target (or the
/// reverse) is `not_applicable`, not an error.
template <class = void>
[[nodiscard]] result<busulfan_exposure_result> assess_busulfan_exposure(
    const busulfan_exposure_input& in, const busulfan_exposure_options& options = {}) {
    if (auto e = hsct::detail::check_enum(in.scope, "scope")) {
        return *e;
    }
    if (auto e = hsct::detail::check_enum(options.target, "options.target")) {
        return *e;
    }
    busulfan_exposure_result r{exposure_outcome::not_applicable, options.target,
                               window_of(options.target), in.auc, {}};
    const double v = in.auc.in(auc_unit::umol_min_per_l);
    const auto m = hsct::measure::count(v, hsct::count_unit::none);
    const bool same_scope = in.scope == r.window.scope;
    r.criteria.emplace_back(busulfan_exposure_criterion::scope_matches,
                            same_scope ? outcome::met : outcome::not_met, comparator::present,
                            true, "COND-BU-003", hsct::measure::code(in.scope), 0.0);
    if (!same_scope) {
        r.outcome = exposure_outcome::not_applicable;
        return r;
    }
    const double lo = r.window.low.in(auc_unit::umol_min_per_l);
    const double hi = r.window.high.in(auc_unit::umol_min_per_l);
    const bool low = hsct::satisfies(v, comparator::greater_equal, lo);
    const bool high = hsct::satisfies(v, comparator::less_equal, hi);
    r.criteria.emplace_back(busulfan_exposure_criterion::at_least_low, low ? outcome::met : outcome::not_met,
                            comparator::greater_equal, r.window.verified, "COND-BU-003", m, lo);
    r.criteria.emplace_back(busulfan_exposure_criterion::at_most_high, high ? outcome::met : outcome::not_met,
                            comparator::less_equal, r.window.verified, "COND-BU-003", m, hi);
    r.outcome = !low ? exposure_outcome::below : (!high ? exposure_outcome::above : exposure_outcome::within);
    return r;
}

// ---------------------------------------------------------------------------------------------
// PK-guided dose adjustment
// ---------------------------------------------------------------------------------------------

/// COND-BU-004: an adjusted dose and its arithmetic.
template <class Dose>
struct busulfan_dose_adjustment {
    Dose current_dose;
    busulfan_auc target;
    busulfan_auc measured;
    double ratio = 1.0;  ///< target / measured
    Dose new_dose;       ///< current_dose x ratio
    /// Always true: the formula holds only if clearance does not change with the dose.
    bool assumes_linear_kinetics = true;
};

/// COND-BU-004: new dose = current dose x target AUC / measured AUC, for a dose in any unit
/// (mg/kg, mg/m2, mg). Both AUCs must measure the same thing (a dose or the course); hsct does
/// not round or cap the result. Errors: a current dose of 0 or less, or not finite
/// (field "current_dose").
template <class Dose>
    requires hsct::quantity<Dose>
[[nodiscard]] result<busulfan_dose_adjustment<Dose>> adjust_busulfan_dose(Dose current,
                                                                         busulfan_auc target,
                                                                         busulfan_auc measured) {
    const double raw = current.in(hsct::canonical_unit_t<Dose>{});
    if (!std::isfinite(raw) || !(raw > 0.0)) {
        return error(errc::out_of_range, "current_dose", hsct::detail::format_number(raw),
                     "a dose above 0", "COND-BU-004");
    }
    busulfan_dose_adjustment<Dose> a{current, target, measured, 1.0, current, true};
    a.ratio = target.in(auc_unit::umol_min_per_l) / measured.in(auc_unit::umol_min_per_l);
    a.new_dose = current * a.ratio;
    return a;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_BUSULFAN_HPP
