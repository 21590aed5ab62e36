// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Builders of valid synthetic data for integrators' tests: a patient with labs as a lab system
// sends them, daily ANC and platelet series that engraft on a chosen day, a whole episode log,
// and the values just below, at and just above a threshold. Every value is made through hsct's
// own checked factories (age::make, height::make, from_lab, consolidate, make_transfusion_log,
// parse_din, custody_id::make, episode_log::append), and the same seed gives the same data on
// every platform (hsct/testing/random.hpp).
//
//   namespace t = hsct::testing;
//   t::generator g(42);
//   auto p = t::make_patient(g);                        // result<synthetic_patient>
//   hsct::from_lab<hsct::creatinine>(p->labs.creatinine.number, p->labs.creatinine.unit)
//       == p->labs.creatinine.value;                    // true
//   t::anc_series_options o;  o.engraftment_day = 14;
//   auto s = t::make_anc_series(g, o);                  // assess_neutrophil_engraftment(s->series): D+14
//   auto log = t::make_episode(g);                      // result<workflow::episode_log>, every append accepted
//   auto e = t::threshold_edges(hsct::anc(0.5, hsct::units::giga_per_l));   // {below, at, above}
//
// A builder returns hsct::result: its options are input and are checked (an error names the
// option, "options.engraftment_day"); with valid options it always succeeds. Every builder draws
// its numbers from the generator passed in, in a fixed order, so a seed gives one output; the
// tests pin outputs for seed 1, so a change to what a builder draws is seen (and said in the
// release's notes). Nothing here is a clinical reference: the ranges are plausible for adult HCT
// candidates, chosen to exercise rules, not to model a population.
//
// Requirement IDs:
// TEST-BUILD-001 the generator (random.hpp): the same numbers for a seed on every platform.
// TEST-BUILD-002 make_patient: birth date and age on a date (within the asked age range), sex,
//   height, body weight, and a panel of labs, each as a typed analyte and as the (number, unit
//   text) a lab system sends in SI or conventional units, which from_lab reads back to the typed
//   value.
// TEST-BUILD-003 make_anc_series / make_platelet_series: daily counts that engraft on the asked
//   day under assess_neutrophil_engraftment / assess_platelet_engraftment with default options.
// TEST-BUILD-004 make_episode: an episode log of a valid journey (allogeneic or autologous), from
//   referral to follow-up, with drawn dates and optional GVHD, relapse and death; every record
//   is accepted by episode_log::append.
// TEST-BUILD-005 threshold_edges: a quantity's adjacent doubles below and above a threshold (in
//   its canonical unit), and n - 1, n, n + 1 for an integer threshold.
#ifndef HSCT_TESTING_BUILDERS_HPP
#define HSCT_TESTING_BUILDERS_HPP

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/core/analyte.hpp"
#include "hsct/core/config.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/transfusion.hpp"
#include "hsct/graft/isbt128.hpp"
#include "hsct/patient/body_size.hpp"
#include "hsct/patient/hct_ci.hpp"
#include "hsct/patient/performance_status.hpp"
#include "hsct/testing/random.hpp"
#include "hsct/workflow/episode.hpp"
#include "hsct/workflow/episode_log.hpp"

namespace hsct::testing {

// ---------------------------------------------------------------------------------------
// TEST-BUILD-002: a synthetic patient
// ---------------------------------------------------------------------------------------

/// TEST-BUILD-002: which units the lab system sends.
enum class lab_units : std::uint8_t {
    si = 1,            ///< umol/L, g/L, 10*9/L (Europe, most of the world)
    conventional = 2,  ///< mg/dL, g/dL, /uL and 10*3/uL (United States)
};

constexpr auto hsct_enum_table(lab_units) noexcept {
    return make_enum_table<lab_units>("lab_units", {
        {lab_units::si, "si", "SI units"},
        {lab_units::conventional, "conventional", "conventional units"},
    });
}

/// TEST-BUILD-002: one lab value: the typed analyte and what the lab system sent (the number as
/// it reports it, rounded to its decimals, and the unit as UCUM text). from_lab<A>(number, unit)
/// == value.
template <class A>
struct lab_value {
    A value;
    double number = 0.0;
    std::string_view unit;
};

/// TEST-BUILD-002: the panel. Ranges (in the canonical unit; the SI ranges are whole numbers in
/// their unit, so their ends differ slightly) plausible for an adult HCT candidate: creatinine
/// 0.5-1.3 mg/dL, bilirubin 0.2-1.4 mg/dL, ALT 8-60 U/L, AST 10-50 U/L,
/// albumin 3.0-5.0 g/dL, haemoglobin 8.0-15.5 g/dL, ANC 0.5-6.0 x10^9/L, platelets 20-400 x10^9/L.
struct lab_panel {
    lab_units units = lab_units::si;
    lab_value<hsct::creatinine> creatinine;
    lab_value<hsct::bilirubin> bilirubin;
    lab_value<hsct::alt> alt;
    lab_value<hsct::ast> ast;
    lab_value<hsct::albumin> albumin;
    lab_value<hsct::haemoglobin> haemoglobin;
    lab_value<hsct::anc> anc;
    lab_value<hsct::platelets> platelets;
};

/// TEST-BUILD-002: the options of make_patient.
struct patient_options {
    int min_age_years = 18;                 ///< 0-130, at most max_age_years
    int max_age_years = 75;                 ///< 0-130
    std::optional<hsct::sex> sex;           ///< none: drawn (equally likely)
    std::optional<lab_units> units;         ///< none: drawn (equally likely)
    /// The reference date (e.g. the date of the transplant): the age is on it. 1900-2199, and
    /// the birth date must fall on or after 1900-01-01.
    sys_days on = sys_days{std::chrono::year{2025} / std::chrono::June / 2};
};

/// TEST-BUILD-002: a synthetic patient. Height 150-195 cm (men) or 145-182 cm (women), whole cm;
/// weight from a BMI of 18.5-35 kg/m2 at that height, to 0.1 kg.
struct synthetic_patient {
    sys_days birth_date;
    sys_days on;  ///< the reference date of `age`
    hsct::age age;
    hsct::sex sex;
    patient::height height;
    patient::body_weight weight;
    lab_panel labs;
};

namespace detail {

/// The date `years` years before `d` (29 February to 28 February in a common year).
[[nodiscard]] inline sys_days years_before(sys_days d, int years) noexcept {
    const std::chrono::year_month_day ymd{d};
    const std::chrono::year_month_day back{ymd.year() - std::chrono::years{years}, ymd.month(), ymd.day()};
    if (back.ok()) {
        return sys_days{back};
    }
    return sys_days{back.year() / back.month() / std::chrono::last};
}

/// A lab value drawn as an integer number of the lab's last decimal in [lo, hi] (in that unit),
/// divided by 10^decimals (one correctly rounded division: the same double everywhere), then
/// read through from_lab as a lab message would be.
template <class A>
[[nodiscard]] lab_value<A> draw_lab(generator& g, std::int64_t lo, std::int64_t hi, int decimals,
                                    std::string_view unit) {
    double scale = 1.0;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10.0;
    }
    const double number = static_cast<double>(g.uniform_int(lo, hi)) / scale;
    return lab_value<A>{*hsct::from_lab<A>(number, unit), number, unit};
}

template <class = void>
[[nodiscard]] error option_error(std::string_view field, std::string value, std::string_view valid,
                                 std::string_view requirement) {
    return error(errc::out_of_range, field, std::move(value), std::string(valid), requirement);
}

}  // namespace detail

/// TEST-BUILD-002: a panel of labs in the units given (drawn in the order of lab_panel's members).
/// Precondition (contract): `units` is a declared value (make_patient checks its option first).
template <class = void>
[[nodiscard]] lab_panel make_lab_panel(generator& g, lab_units units) {
    HSCT_EXPECTS(hsct::is_valid(units), "make_lab_panel: lab_units is not a declared value");
    const bool si = units == lab_units::si;
    lab_panel p;
    p.units = units;
    // creatinine 0.50-1.30 mg/dL = 44-115 umol/L
    p.creatinine = si ? detail::draw_lab<hsct::creatinine>(g, 44, 115, 0, "umol/L")
                      : detail::draw_lab<hsct::creatinine>(g, 50, 130, 2, "mg/dL");
    // bilirubin 0.2-1.4 mg/dL = 3-24 umol/L
    p.bilirubin = si ? detail::draw_lab<hsct::bilirubin>(g, 3, 24, 0, "umol/L")
                     : detail::draw_lab<hsct::bilirubin>(g, 2, 14, 1, "mg/dL");
    p.alt = detail::draw_lab<hsct::alt>(g, 8, 60, 0, "U/L");
    p.ast = detail::draw_lab<hsct::ast>(g, 10, 50, 0, "U/L");
    // albumin 3.0-5.0 g/dL = 30-50 g/L
    p.albumin = si ? detail::draw_lab<hsct::albumin>(g, 30, 50, 0, "g/L")
                   : detail::draw_lab<hsct::albumin>(g, 30, 50, 1, "g/dL");
    // haemoglobin 8.0-15.5 g/dL = 80-155 g/L
    p.haemoglobin = si ? detail::draw_lab<hsct::haemoglobin>(g, 80, 155, 0, "g/L")
                       : detail::draw_lab<hsct::haemoglobin>(g, 80, 155, 1, "g/dL");
    // ANC 0.50-6.00 x10^9/L = 500-6000 /uL
    p.anc = si ? detail::draw_lab<hsct::anc>(g, 50, 600, 2, "10*9/L")
               : detail::draw_lab<hsct::anc>(g, 500, 6000, 0, "/uL");
    // platelets 20-400 x10^9/L = 20-400 x10^3/uL
    p.platelets = si ? detail::draw_lab<hsct::platelets>(g, 20, 400, 0, "10*9/L")
                     : detail::draw_lab<hsct::platelets>(g, 20, 400, 0, "10*3/uL");
    return p;
}

/// TEST-BUILD-002: a synthetic patient. Draws, in order: sex (unless given), the birth date
/// (uniform over the days that give an age in [min_age_years, max_age_years] on options.on),
/// height, weight, the lab system's units (unless given), then the panel.
/// Errors (out_of_range, TEST-BUILD-002): an age bound outside 0-130 or min > max
/// ("options.min_age_years", "options.max_age_years"); options.on outside 1900-2199 or a birth
/// range reaching before 1900 ("options.on"); an undeclared sex or units.
template <class = void>
[[nodiscard]] result<synthetic_patient> make_patient(generator& g, const patient_options& options = {}) {
    const auto& o = options;
    if (o.min_age_years < 0 || o.min_age_years > hsct::age::max_years || o.min_age_years > o.max_age_years) {
        return detail::option_error("options.min_age_years", std::to_string(o.min_age_years),
                                    "0-130 and at most max_age_years", "TEST-BUILD-002");
    }
    if (o.max_age_years > hsct::age::max_years) {
        return detail::option_error("options.max_age_years", std::to_string(o.max_age_years), "0-130",
                                    "TEST-BUILD-002");
    }
    if (auto e = hsct::detail::check_enum(o.sex, "options.sex")) {
        return std::move(*e);
    }
    if (auto e = hsct::detail::check_enum(o.units, "options.units")) {
        return std::move(*e);
    }
    if (auto c = hsct::check_date(o.on, "options.on"); !c) {
        return c.error();
    }
    const sys_days latest = detail::years_before(o.on, o.min_age_years);
    const sys_days earliest = detail::years_before(o.on, o.max_age_years + 1) + std::chrono::days{1};
    if (earliest < sys_days{std::chrono::year{1900} / 1 / 1}) {
        return detail::option_error("options.on", hsct::to_string(o.on),
                                    "a date from which max_age_years + 1 years back is on or after 1900-01-01",
                                    "TEST-BUILD-002");
    }
    const hsct::sex sex =
        o.sex ? *o.sex : (g.uniform_int(0, 1) == 0 ? hsct::sex::female : hsct::sex::male);
    const sys_days birth = earliest + std::chrono::days{g.uniform_int<std::int64_t>(0, (latest - earliest).count())};
    const bool male = sex == hsct::sex::male;
    const int cm = male ? g.uniform_int(150, 195) : g.uniform_int(145, 182);
    // BMI 18.5-35.0 kg/m2 in steps of 0.1, weight rounded to 0.1 kg
    const double bmi = static_cast<double>(g.uniform_int(185, 350)) / 10.0;
    const double metres = static_cast<double>(cm) / 100.0;
    const double kg = std::round(bmi * metres * metres * 10.0) / 10.0;
    const lab_units units = o.units ? *o.units : (g.uniform_int(0, 1) == 0 ? lab_units::si : lab_units::conventional);
    return synthetic_patient{birth,
                             o.on,
                             *hsct::age::make(birth, o.on),
                             sex,
                             *patient::height::make(static_cast<double>(cm), hsct::units::cm),
                             *patient::body_weight::make(kg, hsct::units::kg),
                             make_lab_panel(g, units)};
}

// ---------------------------------------------------------------------------------------
// TEST-BUILD-003: count series with a chosen engraftment day
// ---------------------------------------------------------------------------------------

/// TEST-BUILD-003: the options of make_anc_series.
struct anc_series_options {
    int engraftment_day = 14;  ///< the day assess_neutrophil_engraftment answers: 1-200
    int first_day = -3;        ///< the first day with a value, -30 to 0 (days before Day 0 are not read by the rule)
    int days_after = 7;        ///< values after the engraftment day: 2-60 (the run of three needs 2); 256 days in all at most
    /// A transient rise to >= 0.5 for one or two days before the real recovery, broken by a value
    /// below 0.5 (drawn with this probability when the engraftment day is 4 or later).
    double transient_rise_chance = 0.3;
    double second_result_chance = 0.1;  ///< a second automated result on a day, on the same side of 0.5
    bool shuffled = true;               ///< records in a drawn arrival order (consolidate sorts them)
};

/// TEST-BUILD-003: an ANC series: the records as received, their day series, and the day the
/// default neutrophil rule engrafts on.
struct anc_series {
    std::vector<engraftment::count_record<hsct::anc>> records;
    engraftment::day_series<hsct::anc> series;
    hsct::transplant_day engraftment_day;
};

/// TEST-BUILD-003: the options of make_platelet_series.
struct platelet_series_options {
    int engraftment_day = 21;  ///< the day assess_platelet_engraftment (>= 20 x10^9/L) answers: 1-200
    int first_day = -3;        ///< -30 to 0
    int days_after = 7;        ///< 2-60; 256 days in all at most
    /// A platelet transfusion on each day from Day 0 to engraftment_day - 7 with this probability
    /// (never later, so every day of the run is at least 7 days after the last one).
    double transfusion_chance = 0.25;
    double second_result_chance = 0.1;
    bool shuffled = true;
};

/// TEST-BUILD-003: a platelet series, the platelet transfusions given (records and log), and the
/// day the default platelet rule engrafts on.
struct platelet_series {
    std::vector<engraftment::count_record<hsct::platelets>> records;
    engraftment::day_series<hsct::platelets> series;
    std::vector<engraftment::transfusion_record> transfusion_records;
    engraftment::transfusion_log transfusions;
    hsct::transplant_day engraftment_day;
};

namespace detail {

template <class = void>
[[nodiscard]] std::optional<error> check_series_shape(int engraftment_day, int first_day, int days_after,
                                                      double chance_a, std::string_view chance_a_name,
                                                      double chance_b) {
    if (engraftment_day < 1 || engraftment_day > 200) {
        return option_error("options.engraftment_day", std::to_string(engraftment_day), "1-200", "TEST-BUILD-003");
    }
    if (first_day < -30 || first_day > 0) {
        return option_error("options.first_day", std::to_string(first_day), "-30 to 0", "TEST-BUILD-003");
    }
    if (days_after < 2 || days_after > 60) {
        return option_error("options.days_after", std::to_string(days_after), "2-60", "TEST-BUILD-003");
    }
    if (engraftment_day + days_after - first_day + 1 > static_cast<int>(engraftment::series_days_max)) {
        return option_error("options.days_after", std::to_string(days_after),
                            "at most 256 days from first_day to engraftment_day + days_after (a series' bound)",
                            "TEST-BUILD-003");
    }
    if (!(chance_a >= 0.0 && chance_a <= 1.0)) {
        return option_error(chance_a_name, hsct::detail::format_number(chance_a), "0-1", "TEST-BUILD-003");
    }
    if (!(chance_b >= 0.0 && chance_b <= 1.0)) {
        return option_error("options.second_result_chance", hsct::detail::format_number(chance_b), "0-1",
                            "TEST-BUILD-003");
    }
    return std::nullopt;
}

/// A count read as a lab sends it (through from_lab), in the analyte's canonical unit.
template <class A>
[[nodiscard]] A count_of(std::int64_t hundredths_or_units, double scale, std::string_view unit) {
    return *hsct::from_lab<A>(static_cast<double>(hundredths_or_units) / scale, unit);
}

}  // namespace detail

/// TEST-BUILD-003: a daily ANC series (x10^9/L, two decimals) from options.first_day to
/// engraftment_day + days_after that assess_neutrophil_engraftment (default options: >= 0.5 on
/// three consecutive measurement days after the nadir) finds engrafted on exactly
/// options.engraftment_day. Before Day 0: 1.00-6.00. From Day 0 to the day before engraftment:
/// below 0.5 (0.00-0.10 in the aplasia, up to 0.49 on Day 0 and in the last three days before),
/// except an optional transient rise of one or two days to 0.50-0.80 broken by a value below 0.5;
/// from the engraftment day: 0.50 and rising. Errors (out_of_range, TEST-BUILD-003): an option
/// outside its range ("options.<name>").
template <class = void>
[[nodiscard]] result<anc_series> make_anc_series(generator& g, const anc_series_options& options = {}) {
    const auto& o = options;
    if (auto e = detail::check_series_shape(o.engraftment_day, o.first_day, o.days_after, o.transient_rise_chance,
                                            "options.transient_rise_chance", o.second_result_chance)) {
        return std::move(*e);
    }
    const int eday = o.engraftment_day;
    const int last = eday + o.days_after;
    // the transient rise: days [rise, rise + rise_len), ending at least one day before eday - 1
    int rise = 0;
    int rise_len = 0;
    if (eday >= 4 && g.chance(o.transient_rise_chance)) {
        rise_len = g.uniform_int(1, std::min(2, eday - 3));
        rise = g.uniform_int(1, eday - 1 - rise_len);
    }
    anc_series out{{}, {}, hsct::transplant_day::at(eday)};
    out.records.reserve(std::size_t{2} * static_cast<std::size_t>(last - o.first_day + 1));
    std::uint32_t id = 0;
    for (int d = o.first_day; d <= last; ++d) {
        std::int64_t lo = 0;
        std::int64_t hi = 0;  // hundredths of x10^9/L
        if (d < 0) {
            lo = 100;
            hi = 600;
        } else if (d >= eday) {
            lo = 50;
            hi = std::min<std::int64_t>(50 + 40 * (d - eday + 1), 800);
        } else if (rise_len > 0 && d >= rise && d < rise + rise_len) {
            lo = 50;
            hi = 80;
        } else {
            hi = (d == 0 || d >= eday - 3) ? 49 : 10;
        }
        const auto day = hsct::transplant_day::at(d);
        out.records.push_back({day, detail::count_of<hsct::anc>(g.uniform_int(lo, hi), 100.0, "10*9/L"),
                               engraftment::count_method::automated, ++id, 0});
        if (g.chance(o.second_result_chance)) {  // same side of the threshold: the day's value (the lowest) keeps its side
            out.records.push_back({day, detail::count_of<hsct::anc>(g.uniform_int(lo, hi), 100.0, "10*9/L"),
                                   engraftment::count_method::automated, ++id, 0});
        }
    }
    if (o.shuffled) {
        g.shuffle(std::span<engraftment::count_record<hsct::anc>>(out.records));
    }
    out.series = *engraftment::consolidate<hsct::anc>(out.records);
    return out;
}

/// TEST-BUILD-003: a daily platelet series (x10^9/L, whole numbers) from options.first_day to
/// engraftment_day + days_after that assess_platelet_engraftment (default options: >= 20 on three
/// consecutive measurement days, each at least 7 days after the last platelet transfusion) finds
/// engrafted on exactly options.engraftment_day, with the platelet transfusions drawn. Before
/// Day 0: 100-350; from Day 0 to the day before engraftment: 3-19 (3-9 on a transfusion day);
/// from the engraftment day: 20 and rising. Errors as make_anc_series.
template <class = void>
[[nodiscard]] result<platelet_series> make_platelet_series(generator& g, const platelet_series_options& options = {}) {
    const auto& o = options;
    if (auto e = detail::check_series_shape(o.engraftment_day, o.first_day, o.days_after, o.transfusion_chance,
                                            "options.transfusion_chance", o.second_result_chance)) {
        return std::move(*e);
    }
    const int pday = o.engraftment_day;
    const int last = pday + o.days_after;
    platelet_series out{{}, {}, {}, {}, hsct::transplant_day::at(pday)};
    out.records.reserve(std::size_t{2} * static_cast<std::size_t>(last - o.first_day + 1));
    std::uint32_t id = 0;
    for (int d = o.first_day; d <= last; ++d) {
        const bool transfused = d >= 0 && d <= pday - 7 && g.chance(o.transfusion_chance);
        std::int64_t lo = 0;
        std::int64_t hi = 0;
        if (d < 0) {
            lo = 100;
            hi = 350;
        } else if (d >= pday) {
            lo = 20;
            hi = std::min<std::int64_t>(20 + 15 * (d - pday + 1), 400);
        } else {
            lo = 3;
            hi = transfused ? 9 : 19;
        }
        const auto day = hsct::transplant_day::at(d);
        if (transfused) {
            out.transfusion_records.push_back({day, engraftment::blood_product::platelets});
        }
        out.records.push_back({day, detail::count_of<hsct::platelets>(g.uniform_int(lo, hi), 1.0, "10*9/L"),
                               engraftment::count_method::automated, ++id, 0});
        if (g.chance(o.second_result_chance)) {
            out.records.push_back({day, detail::count_of<hsct::platelets>(g.uniform_int(lo, hi), 1.0, "10*9/L"),
                                   engraftment::count_method::automated, ++id, 0});
        }
    }
    if (o.shuffled) {
        g.shuffle(std::span<engraftment::count_record<hsct::platelets>>(out.records));
    }
    out.series = *engraftment::consolidate<hsct::platelets>(out.records);
    out.transfusions = *engraftment::make_transfusion_log(out.transfusion_records);
    return out;
}

// ---------------------------------------------------------------------------------------
// TEST-BUILD-004: a whole episode
// ---------------------------------------------------------------------------------------

/// TEST-BUILD-004: the options of make_episode. Chances are probabilities, 0-1.
struct episode_options {
    std::optional<workflow::transplant_kind> kind;  ///< none: drawn (allogeneic 60 %)
    /// The referral date (the time of day is drawn); none: drawn in 2015-2024.
    std::optional<sys_days> referral;
    /// Days from Day 0 to neutrophil engraftment, 1-60; 0: drawn (allogeneic 12-28, autologous 9-16).
    int neutrophil_engraftment_day = 0;
    double platelet_engraftment_chance = 0.9;  ///< recorded 0-20 days after the neutrophil engraftment
    double acute_gvhd_chance = 0.35;           ///< allogeneic only: onset D+14 to D+100, grade I-IV
    double chronic_gvhd_chance = 0.3;          ///< allogeneic only: onset D+100 to D+400
    double relapse_chance = 0.2;               ///< D+120 to D+720
    double death_chance = 0.15;                ///< after every other event (cause: disease after a relapse, mostly)
};

namespace detail {

/// One post-Day 0 event of a drawn episode: its day after Day 0, its order among the events of a
/// day, and the record (its time set later).
struct planned_event {
    int day;
    int order;
    workflow::episode_record record;
};

template <class = void>
[[nodiscard]] std::optional<error> check_episode_options(const episode_options& o) {
    if (auto e = hsct::detail::check_enum(o.kind, "options.kind")) {
        return e;
    }
    if (o.referral) {
        if (auto c = hsct::check_date(*o.referral, "options.referral"); !c) {
            return c.error();
        }
        if (*o.referral > sys_days{std::chrono::year{2190} / 1 / 1}) {
            return option_error("options.referral", hsct::to_string(*o.referral), "1900-01-01 to 2189-12-31",
                                "TEST-BUILD-004");
        }
    }
    if (o.neutrophil_engraftment_day < 0 || o.neutrophil_engraftment_day > 60) {
        return option_error("options.neutrophil_engraftment_day", std::to_string(o.neutrophil_engraftment_day),
                            "0 (drawn) or 1-60", "TEST-BUILD-004");
    }
    const std::pair<double, std::string_view> chances[] = {
        {o.platelet_engraftment_chance, "options.platelet_engraftment_chance"},
        {o.acute_gvhd_chance, "options.acute_gvhd_chance"},
        {o.chronic_gvhd_chance, "options.chronic_gvhd_chance"},
        {o.relapse_chance, "options.relapse_chance"},
        {o.death_chance, "options.death_chance"},
    };
    for (const auto& [p, name] : chances) {
        if (!(p >= 0.0 && p <= 1.0)) {
            return option_error(name, hsct::detail::format_number(p), "0-1", "TEST-BUILD-004");
        }
    }
    return std::nullopt;
}

/// A DIN of the example facility A9999: the year of `on` and a drawn sequence number.
template <class = void>
[[nodiscard]] graft::din draw_din(generator& g, sys_days on) {
    const std::chrono::year_month_day ymd{on};
    const int yy = static_cast<int>(ymd.year()) % 100;
    std::string text = "A9999";
    text += static_cast<char>('0' + yy / 10);
    text += static_cast<char>('0' + yy % 10);
    const auto seq = g.uniform_int<std::uint32_t>(0, 999999);
    std::uint32_t div = 100000;
    for (int i = 0; i < 6; ++i) {
        text += static_cast<char>('0' + (seq / div) % 10);
        div /= 10;
    }
    return *graft::parse_din(text);
}

}  // namespace detail

/// TEST-BUILD-004: an episode log of a valid journey from referral to follow-up: evaluation,
/// donor search, selection and clearance (allogeneic) or collection (autologous), admission,
/// conditioning, the Day 0 infusion of a product verified at the bedside, neutrophil engraftment,
/// discharge, follow-up with visits at D+100, D+180 and D+365, and, as drawn, platelet
/// engraftment, acute and chronic GVHD (allogeneic), relapse and death. Every record is
/// accepted by episode_log::append (a refusal would be a bug here: a contract). The episode's
/// identifier is "EP-" and six drawn digits; records are signed by a few fixed actor ids.
/// Errors (out_of_range or those of check_date, TEST-BUILD-004): an option outside its range.
template <class = void>
[[nodiscard]] result<workflow::episode_log> make_episode(generator& g, const episode_options& options = {}) {
    namespace w = workflow;
    using std::chrono::days;
    using std::chrono::hours;
    using std::chrono::minutes;
    using E = w::episode_event;
    const auto& o = options;
    if (auto e = detail::check_episode_options(o)) {
        return std::move(*e);
    }
    const w::transplant_kind kind =
        o.kind ? *o.kind : (g.chance(0.6) ? w::transplant_kind::allogeneic : w::transplant_kind::autologous);
    const bool allo = kind == w::transplant_kind::allogeneic;
    const sys_days referral_day =
        o.referral ? *o.referral
                   : sys_days{std::chrono::year{2015} / 1 / 1} + days{g.uniform_int(0, 3651)};
    // a time of day 08:00-17:59, never before the previous event's (two events on one day)
    auto previous = std::chrono::sys_seconds::min();
    const auto at_day = [&g, &previous](sys_days d) {
        previous = std::max(previous, std::chrono::sys_seconds{d} + hours{8} + minutes{g.uniform_int(0, 599)});
        return previous;
    };
    const std::string_view staff[] = {"dr.ayla", "dr.okafor", "rn.lindqvist", "dr.marchetti", "coord.sato"};
    const auto who = [&g, &staff]() {
        return *w::actor_id::make(g.pick(std::span<const std::string_view>(staff)));
    };
    std::string id = "EP-";
    {
        const auto n = g.uniform_int<std::uint32_t>(0, 999999);
        std::uint32_t div = 100000;
        for (int i = 0; i < 6; ++i) {
            id += static_cast<char>('0' + (n / div) % 10);
            div /= 10;
        }
    }
    const auto referred_at = at_day(referral_day);
    w::episode_log log(w::log_header{*w::actor_id::make(id), kind, referred_at});
    // Dates and signs a record made with an empty time and actor, then appends it. The time is
    // drawn before the actor, in separate statements: the order of evaluation of a call's
    // arguments is unspecified, and would make two compilers draw differently.
    const auto append = [&log, &at_day, &who](w::episode_record r, sys_days d) {
        r.at = at_day(d);
        r.recorded_at = r.at;
        r.by = who();
        const auto refused = log.append(r);
        HSCT_EXPECTS(!refused, "make_episode: a drawn record was refused (a bug in the builder)");
    };
    const std::chrono::sys_seconds none{};
    const w::actor_id nobody{};
    // --- before Day 0, one event after the other
    sys_days day = referral_day + days{g.uniform_int(1, 14)};
    append(w::episode_record::begin_evaluation(none, nobody), day);
    day += days{g.uniform_int(7, 28)};
    {
        const auto points = *patient::hct_ci_points::make(g.uniform_int(0, 6));
        const auto kps = *patient::karnofsky_score::make(std::int64_t{10} * g.uniform_int(6, 10));
        append(w::episode_record::complete_evaluation(
                   none, nobody, w::evaluation_data{points, patient::hct_ci_risk_group_of(points), kps}),
               day);
    }
    std::optional<graft::din> collected;
    if (allo) {
        day += days{g.uniform_int(14, 90)};
        w::donor_data donor;
        switch (g.uniform_int(0, 4)) {
            case 0: donor = {donor::donor_kind::matched_sibling, 8, 8}; break;
            case 1: donor = {donor::donor_kind::matched_unrelated, 10, 10}; break;
            case 2: donor = {donor::donor_kind::matched_unrelated, 8, 8}; break;
            case 3: donor = {donor::donor_kind::mismatched_unrelated, 7, 8}; break;
            default: donor = {donor::donor_kind::haploidentical, static_cast<std::uint8_t>(g.uniform_int(4, 6)), 8}; break;
        }
        append(w::episode_record::select_donor(none, nobody, donor), day);
        day += days{g.uniform_int(7, 30)};
        append(w::episode_record::clear_donor(none, nobody), day);
        day += days{g.uniform_int(1, 14)};
    } else {
        day += days{g.uniform_int(7, 30)};
        collected = detail::draw_din(g, day);
        const auto cd34 = *hsct::make_checked<hsct::cell_dose>(
            static_cast<double>(g.uniform_int(20, 80)) / 10.0, hsct::units::e6_per_kg,
            {hsct::cell_dose(0.1, hsct::units::e6_per_kg), hsct::cell_dose(100.0, hsct::units::e6_per_kg)}, "cd34");
        append(w::episode_record::collect_product(none, nobody, *collected, cd34), day);
        day += days{g.uniform_int(14, 60)};
    }
    append(w::episode_record::admit(none, nobody), day);
    day += days{g.uniform_int(0, 1)};
    const sys_days day0 = day + days{g.uniform_int(2, 7)};
    {
        const auto intensity = static_cast<conditioning::conditioning_intensity>(g.uniform_int(1, 3));
        append(w::episode_record::start_conditioning(none, nobody, intensity, day0), day);
    }
    {
        const graft::din product = allo ? detail::draw_din(g, day0) : *collected;
        const auto cd34 = *hsct::make_checked<hsct::cell_dose>(
            static_cast<double>(g.uniform_int(20, 100)) / 10.0, hsct::units::e6_per_kg,
            {hsct::cell_dose(0.1, hsct::units::e6_per_kg), hsct::cell_dose(100.0, hsct::units::e6_per_kg)}, "cd34");
        append(w::episode_record::infuse(none, nobody,
                                         w::product_data{product, graft::custody_state::verified_at_bedside, cd34}),
               day0);
    }
    // --- after Day 0: drawn days, then sorted (by day, then by the order a day's events must take)
    std::vector<detail::planned_event> plan;
    const auto plan_event = [&plan](int d, int order, const w::episode_record& r) {
        plan.push_back(detail::planned_event{d, order, r});
    };
    const auto rec = [&](E e) { return w::episode_record::of(e, none, nobody); };
    const int neut = o.neutrophil_engraftment_day > 0 ? o.neutrophil_engraftment_day
                                                      : (allo ? g.uniform_int(12, 28) : g.uniform_int(9, 16));
    plan_event(neut, 1, rec(E::neutrophil_engraftment));
    if (g.chance(o.platelet_engraftment_chance)) {
        plan_event(neut + g.uniform_int(0, 20), 2, rec(E::platelet_engraftment));
    }
    const int discharge_day = neut + g.uniform_int(1, 10);
    plan_event(discharge_day, 3, rec(E::discharge));
    const int follow_up_day = discharge_day + g.uniform_int(1, 30);
    plan_event(follow_up_day, 4, rec(E::begin_follow_up));
    int end = follow_up_day;
    if (allo && g.chance(o.acute_gvhd_chance)) {
        const int d = g.uniform_int(14, 100);
        plan_event(d, 5, w::episode_record::acute_gvhd(none, nobody, static_cast<follow_up::acute_gvhd_grade>(g.uniform_int(1, 4))));
        end = std::max(end, d);
    }
    if (allo && g.chance(o.chronic_gvhd_chance)) {
        const int d = g.uniform_int(100, 400);
        const auto severity = static_cast<follow_up::chronic_gvhd_severity>(g.uniform_int(1, 3));
        plan_event(d, 6, w::episode_record::chronic_gvhd(none, nobody, severity, severity != follow_up::chronic_gvhd_severity::mild));
        end = std::max(end, d);
    }
    for (const int visit : {100, 180, 365}) {
        plan_event(visit, 7, rec(E::follow_up_visit));
        end = std::max(end, visit);
    }
    const bool relapsed = g.chance(o.relapse_chance);
    if (relapsed) {
        const int d = g.uniform_int(120, 720);
        plan_event(d, 8, rec(E::relapse));
        end = std::max(end, d);
    }
    if (g.chance(o.death_chance)) {
        const auto cause = relapsed ? (g.chance(0.8) ? follow_up::death_cause::disease : follow_up::death_cause::non_relapse)
                                    : (g.chance(0.8) ? follow_up::death_cause::non_relapse : follow_up::death_cause::unknown);
        plan_event(end + g.uniform_int(1, 180), 9, w::episode_record::death(none, nobody, cause));
    }
    std::stable_sort(plan.begin(), plan.end(), [](const detail::planned_event& a, const detail::planned_event& b) {
        return a.day != b.day ? a.day < b.day : a.order < b.order;
    });
    for (const auto& p : plan) {
        append(p.record, day0 + days{p.day});
    }
    return log;
}

// ---------------------------------------------------------------------------------------
// TEST-BUILD-005: the edges of a threshold
// ---------------------------------------------------------------------------------------

/// TEST-BUILD-005: the values just below, exactly at and just above a threshold.
template <class T>
struct edge_values {
    T below;
    T at;
    T above;
};

/// TEST-BUILD-005: the adjacent doubles below and above `threshold` in its canonical unit (the
/// unit it is stored in, so `below` and `above` are the nearest values the type can hold). Built
/// with the quantity's unchecked constructor: an edge may lie outside a checked range (the
/// double below 0 is negative), which is what a test of the range wants. Precondition
/// (contract): the threshold is finite.
template <hsct::quantity Q>
[[nodiscard]] edge_values<Q> threshold_edges(const Q& threshold) noexcept {
    using U = hsct::canonical_unit_t<Q>;
    const double v = threshold.in(U{});
    HSCT_EXPECTS(std::isfinite(v), "threshold_edges: the threshold is not finite");
    constexpr double inf = std::numeric_limits<double>::infinity();
    return {Q(std::nextafter(v, -inf), U{}), Q(v, U{}), Q(std::nextafter(v, inf), U{})};
}

/// TEST-BUILD-005: n - 1, n, n + 1 for an integer (score) threshold. Precondition (contract):
/// n - 1 and n + 1 are representable.
template <std::integral T>
    requires(!std::same_as<T, bool>)
[[nodiscard]] constexpr edge_values<T> threshold_edges(T n) noexcept {
    HSCT_EXPECTS(n > std::numeric_limits<T>::min() && n < std::numeric_limits<T>::max(),
                 "threshold_edges: n - 1 or n + 1 overflows");
    return {static_cast<T>(n - 1), n, static_cast<T>(n + 1)};
}

}  // namespace hsct::testing

#endif  // HSCT_TESTING_BUILDERS_HPP
