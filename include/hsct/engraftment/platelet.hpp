// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Platelet engraftment from a day series of platelet counts and the platelet transfusions: the
// first of three consecutive measurement days at or above 20 (or 50) x10^9/L, each at least 7
// days after the last platelet transfusion, with the days, values and transfusion-free intervals
// that made it.
//
//   using namespace hsct::engraftment;
//   auto r = assess_platelet_engraftment(*platelet_series, *transfusions);   // >= 20 x10^9/L
//   platelet_options fifty;  fifty.milestone = platelet_milestone::at_least_50;
//   assess_platelet_engraftment(*platelet_series, *transfusions, fifty);     // the >= 50 milestone
//
// ENG-PLT-001: CIBMTR (forms instructions [V]): platelets >= 20 x10^9/L on three consecutive
// laboratory values obtained on different days, the first reported, with no platelet
// transfusion in the preceding 7 days; "all dates must reflect no platelet transfusion in the
// preceding 7 days" (resolutions): each day of the run is at least 7 days after the latest
// platelet transfusion on or before it, so a transfusion on the day itself disqualifies it.
// CIBMTR's two worked examples fix that arithmetic (day - last transfusion >= 7), reproduced by
// the notes' PL-1. The same rule with 50 x10^9/L gives the second milestone [V]. The EBMT
// Handbook 2024 ch. 41 section 41.1 defines platelet recovery as a count >= 20 x10^9/L "in the
// absence of platelet transfusion for 7 consecutive days" [V-HB24], without a run length (its
// "first of three consecutive days" is the neutrophil definition's); ASTCT 2021 has three
// consecutive days (reference notes [V]). Both are read the CIBMTR way, three values. EBMT 2019:
// "> 20 free of transfusion" (strict, no day count; historical [V]): a named milestone with the
// same 7-day window [P].
// ENG-PLT-002: the policies: the milestone (>= 20 default, >= 50, > 20 EBMT 2019), what
// "consecutive" means (measurement days default, calendar days), the run length (3; 1-7), the
// transfusion-free interval (7 days default; 1-30). Counting starts after the first value below
// the milestone's threshold or the first platelet transfusion on or after Day 0, whichever comes
// first (hsct's reading [P]: the sources define no platelet nadir). Values before Day 0 are not
// read.
// ENG-PLT-003: the result: engrafted (the first day, each run day's value and days since the
// last transfusion); not_yet; never_below_threshold when no value fell below the threshold and no
// platelet transfusion was given on or after Day 0 — CIBMTR's "not applicable" (its forms ask it
// of the 100-day report) [V]; no_values.
#ifndef HSCT_ENGRAFTMENT_PLATELET_HPP
#define HSCT_ENGRAFTMENT_PLATELET_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/detail/run_scan.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/engraftment/transfusion.hpp"
#include "hsct/engraftment/vocabulary.hpp"

namespace hsct::engraftment {

/// ENG-PLT-002: which milestone.
enum class platelet_milestone : std::uint8_t {
    at_least_20 = 1,         ///< >= 20 x10^9/L (CIBMTR, ASTCT 2021, EBMT 2024) — default
    at_least_50 = 2,         ///< >= 50 x10^9/L (CIBMTR's second milestone)
    above_20_ebmt_2019 = 3,  ///< > 20 x10^9/L (EBMT 2019, historical)
};

constexpr auto hsct_enum_table(platelet_milestone) noexcept {
    return make_enum_table<platelet_milestone>("platelet_milestone", {
        {platelet_milestone::at_least_20, "at_least_20", "platelets >= 20 x10^9/L (CIBMTR, ASTCT 2021, EBMT 2024)"},
        {platelet_milestone::at_least_50, "at_least_50", "platelets >= 50 x10^9/L (CIBMTR)"},
        {platelet_milestone::above_20_ebmt_2019, "above_20_ebmt_2019", "platelets > 20 x10^9/L (EBMT 2019, historical)"},
    });
}

/// ENG-PLT-002: the options.
struct platelet_options {
    platelet_milestone milestone = platelet_milestone::at_least_20;
    consecutive_rule consecutive = consecutive_rule::measurement_days;
    std::uint8_t run_length = 3;              ///< 1-7
    std::uint8_t transfusion_free_days = 7;   ///< 1-30: each run day at least this long after the last transfusion
};

/// ENG-PLT-003: the criteria recorded.
enum class platelet_criterion : std::uint8_t {
    below_threshold = 1,   ///< counting started: a value below the threshold
    transfused = 2,        ///< counting started: a platelet transfusion (measured: its day)
    run_day = 3,           ///< a run day's count at the threshold or above
    transfusion_free = 4,  ///< days since the last platelet transfusion, at least the interval
    run_broken = 5,        ///< the day that broke the latest run (its count or its interval)
};

constexpr auto hsct_enum_table(platelet_criterion) noexcept {
    return make_enum_table<platelet_criterion>("platelet_criterion", {
        {platelet_criterion::below_threshold, "below_threshold", "platelets below the threshold (counting starts)"},
        {platelet_criterion::transfused, "transfused", "a platelet transfusion (counting starts)"},
        {platelet_criterion::run_day, "run_day", "platelets at the threshold or above"},
        {platelet_criterion::transfusion_free, "transfusion_free", "days since the last platelet transfusion"},
        {platelet_criterion::run_broken, "run_broken", "platelets at the threshold or above, transfusion-free (the run broke here)"},
    });
}

/// ENG-PLT-003: the answer and its evidence.
struct platelet_result {
    platelet_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    engraftment_status status = engraftment_status::no_values;
    std::optional<hsct::transplant_day> day;
    std::optional<hsct::transplant_day> counting_from;  ///< the day counting started after
    /// start, up to 7 run days with their intervals, what broke a run (and its interval)
    hsct::fixed_list<dated_criterion<platelet_criterion>, 17> criteria;
    platelet_options options;
};

/// The milestone's threshold and comparator.
[[nodiscard]] constexpr double platelet_threshold(platelet_milestone m) noexcept {
    return m == platelet_milestone::at_least_50 ? 50.0 : 20.0;
}
[[nodiscard]] constexpr hsct::comparator platelet_comparator(platelet_milestone m) noexcept {
    return m == platelet_milestone::above_20_ebmt_2019 ? hsct::comparator::greater : hsct::comparator::greater_equal;
}

/// ENG-PLT-001..003: platelet engraftment. Errors: an undeclared policy number, a run length
/// outside 1-7 or an interval outside 1-30 ("options.*"); days out of order or values out of range
/// ("days[i].*").
template <class = void>
[[nodiscard]] result<platelet_result> assess_platelet_engraftment(std::span<const day_value<hsct::platelets>> days,
                                                                  const transfusion_log& transfusions,
                                                                  const platelet_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<platelet_result> out(std::in_place);
    if (auto e = hsct::detail::check_enum(options.milestone, "options.milestone")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.consecutive, "options.consecutive")) {
        out = std::move(*e);
        return out;
    }
    if (options.run_length < 1 || options.run_length > 7) {
        out = error(errc::out_of_range, "options.run_length", std::to_string(options.run_length), "1-7 days",
                    "ENG-PLT-002");
        return out;
    }
    if (options.transfusion_free_days < 1 || options.transfusion_free_days > 30) {
        out = error(errc::out_of_range, "options.transfusion_free_days", std::to_string(options.transfusion_free_days),
                    "1-30 days", "ENG-PLT-002");
        return out;
    }
    if (!detail::days_ok(days)) {  // the text only on error
        if (auto e = detail::check_days(days)) {
            out = std::move(*e);
        }
        return out;
    }
    platelet_result& r = *out;
    r.options = options;
    const double t = platelet_threshold(options.milestone);
    const auto cmp = platelet_comparator(options.milestone);
    const auto window = static_cast<double>(options.transfusion_free_days);
    const auto value = [&](std::size_t i) { return days[i].value.in(hsct::units::giga_per_l); };
    // days since the last platelet transfusion on or before day i (none: no interval to keep)
    const auto since = [&](std::size_t i) -> std::optional<double> {
        const auto last = transfusions.last_on_or_before(blood_product::platelets, days[i].day);
        if (!last) {
            return std::nullopt;
        }
        return static_cast<double>((days[i].day - *last).count());
    };
    const auto free = [&](std::size_t i) {
        const auto s = since(i);
        return !s || *s >= window;
    };
    const auto first_tx = transfusions.first_on_or_after(blood_product::platelets, hsct::transplant_day::at(0));
    const auto f = detail::scan_run(
        days, first_tx, options.consecutive == consecutive_rule::calendar_days, options.run_length,
        [&](std::size_t i) { return value(i) < t; },
        [&](std::size_t i) { return hsct::satisfies(value(i), cmp, t) && free(i); });
    const auto record = [&](hsct::transplant_day d, platelet_criterion id, hsct::measure m, hsct::comparator c,
                            double threshold, bool met) {
        hsct::criterion<platelet_criterion> k;
        k.id = id;
        k.cmp = c;
        k.requirement = "ENG-PLT-001";
        k.measured = m;
        k.threshold = threshold;
        k.result = met ? hsct::outcome::met : hsct::outcome::not_met;
        r.criteria.push_back(dated_criterion<platelet_criterion>{d, k});
    };
    const auto count = [&](std::size_t i) { return hsct::measure::of(days[i].value, hsct::units::giga_per_l); };
    const auto interval = [&](std::size_t i, bool broken) {
        if (const auto s = since(i)) {
            record(days[i].day, broken ? platelet_criterion::run_broken : platelet_criterion::transfusion_free,
                   hsct::measure::count(*s, hsct::count_unit::days), hsct::comparator::greater_equal, window,
                   *s >= window);
        }
    };
    if (f.start) {  // a value below the threshold started the count
        r.counting_from = days[*f.start].day;
        record(days[*f.start].day, platelet_criterion::below_threshold, count(*f.start), hsct::comparator::less, t, true);
    } else if (f.started && first_tx) {
        r.counting_from = *first_tx;
        record(*first_tx, platelet_criterion::transfused, hsct::measure::flag(true), hsct::comparator::present, 0.0,
               true);
    }
    if (!f.any) {
        r.status = engraftment_status::no_values;
        return out;
    }
    if (!f.started) {
        r.status = engraftment_status::never_below_threshold;
        return out;
    }
    if (f.complete) {
        r.status = engraftment_status::engrafted;
        r.day = days[f.run_start].day;
    } else {
        r.status = engraftment_status::not_yet;
        if (f.broke) {
            const auto b = *f.broke;
            record(days[b].day, platelet_criterion::run_broken, count(b), cmp, t, hsct::satisfies(value(b), cmp, t));
            interval(b, true);
        }
    }
    for (std::size_t k = f.run_start; k < f.run_start + f.run; ++k) {
        record(days[k].day, platelet_criterion::run_day, count(k), cmp, t, true);
        interval(k, false);
    }
    return out;
}

/// ENG-PLT-001..003 without the evidence: the status and the day only, for registry-scale batches
/// (the same checks, the same scan; a test compares it with assess_platelet_engraftment).
template <class = void>
[[nodiscard]] result<engraftment_day> platelet_engraftment_day(std::span<const day_value<hsct::platelets>> days,
                                                               const transfusion_log& transfusions,
                                                               const platelet_options& options = {}) {
    result<engraftment_day> out(engraftment_day{});
    const bool options_ok = is_valid(options.milestone) && is_valid(options.consecutive) && options.run_length >= 1 &&
                            options.run_length <= 7 && options.transfusion_free_days >= 1 &&
                            options.transfusion_free_days <= 30;
    if (!options_ok) {  // the text only on error: the full rule's checks name the field
        auto full = assess_platelet_engraftment(std::span<const day_value<hsct::platelets>>{}, transfusions, options);
        out = std::move(full).error();
        return out;
    }
    if (!detail::days_ok(days)) {  // the text only on error
        if (auto e = detail::check_days(days)) {
            out = std::move(*e);
        }
        return out;
    }
    const double t = platelet_threshold(options.milestone);
    const int window = options.transfusion_free_days;
    const auto value = [&](std::size_t i) { return days[i].value.in(hsct::units::giga_per_l); };
    const auto given = transfusions.days(blood_product::platelets);
    const auto free = [&](std::size_t i) {
        if (given.empty()) {
            return true;
        }
        const auto last = transfusions.last_on_or_before(blood_product::platelets, days[i].day);
        return !last || (days[i].day - *last).count() >= window;
    };
    const auto event = transfusions.first_on_or_after(blood_product::platelets, hsct::transplant_day::at(0));
    const bool calendar = options.consecutive == consecutive_rule::calendar_days;
    const auto below = [&](std::size_t i) { return value(i) < t; };
    // one scan per comparator, so the comparison is not chosen again for every value
    const auto f = options.milestone == platelet_milestone::above_20_ebmt_2019
                       ? detail::scan_run(days, event, calendar, options.run_length, below,
                                          [&](std::size_t i) { return hsct::detail::above(value(i), t) && free(i); })
                       : detail::scan_run(days, event, calendar, options.run_length, below, [&](std::size_t i) {
                             return hsct::detail::at_least(value(i), t) && free(i);
                         });
    *out = detail::day_found(f, days);
    return out;
}

/// The same from a day series.
template <class = void>
[[nodiscard]] result<platelet_result> assess_platelet_engraftment(const day_series<hsct::platelets>& s,
                                                                  const transfusion_log& transfusions,
                                                                  const platelet_options& options = {}) {
    return assess_platelet_engraftment(s.days(), transfusions, options);
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_PLATELET_HPP
