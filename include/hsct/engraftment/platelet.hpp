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

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>

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

/// ENG-PLT-001/002: the milestone's threshold and comparator.
[[nodiscard]] constexpr hsct::platelets platelet_threshold(platelet_milestone m) noexcept {
    return hsct::platelets(m == platelet_milestone::at_least_50 ? 50.0 : 20.0, hsct::units::giga_per_l);
}
[[nodiscard]] constexpr hsct::comparator platelet_comparator(platelet_milestone m) noexcept {
    return m == platelet_milestone::above_20_ebmt_2019 ? hsct::comparator::greater : hsct::comparator::greater_equal;
}

namespace detail {
/// ENG-PLT-001/002: the rule under its options and a transfusion log, decoded once: the
/// milestone's threshold and comparator, the transfusion-free interval, the reading of
/// "consecutive", the run length, and the first platelet transfusion on or after Day 0 (an
/// event that starts the count). The full rule scans with it and a platelet_stream (stream.hpp)
/// steps with it, so both read a series the same way. The log must outlive it.
struct platelet_rule {
    double t;
    hsct::comparator cmp;
    bool calendar;
    std::uint8_t run_length;
    double window;
    const transfusion_log* log;
    std::optional<hsct::transplant_day> first_tx;

    platelet_rule(const platelet_options& o, const transfusion_log& transfusions) noexcept
        : t(platelet_threshold(o.milestone).in(hsct::units::giga_per_l)),
          cmp(platelet_comparator(o.milestone)),
          calendar(o.consecutive == consecutive_rule::calendar_days),
          run_length(o.run_length),
          window(static_cast<double>(o.transfusion_free_days)),
          log(&transfusions),
          first_tx(transfusions.first_on_or_after(blood_product::platelets, hsct::transplant_day::at(0))) {}

    [[nodiscard]] static double value(std::span<const day_value<hsct::platelets>> days, std::size_t i) noexcept {
        return days[i].value.in(hsct::units::giga_per_l);
    }
    /// Days since the last platelet transfusion on or before day i (none: no interval to keep).
    [[nodiscard]] std::optional<double> since(std::span<const day_value<hsct::platelets>> days, std::size_t i) const {
        const auto last = log->last_on_or_before(blood_product::platelets, days[i].day);
        if (!last) {
            return std::nullopt;
        }
        return static_cast<double>((days[i].day - *last).count());
    }
    [[nodiscard]] bool qualifies(std::span<const day_value<hsct::platelets>> days, std::size_t i) const {
        if (!hsct::satisfies(value(days, i), cmp, t)) {
            return false;
        }
        const auto s = since(days, i);
        return !s || *s >= window;
    }
    /// Reads day i of `days` into `f` (detail::scan_step); true when the run is complete.
    [[nodiscard]] bool step(run_found& f, std::span<const day_value<hsct::platelets>> days, std::size_t i) const {
        auto starts = [&](std::size_t k) { return hsct::detail::below(value(days, k), t); };
        auto ok = [&](std::size_t k) { return qualifies(days, k); };
        return scan_step(f, days, i, first_tx, calendar, run_length, starts, ok);
    }
    /// The whole scan (detail::scan_run).
    [[nodiscard]] run_found scan(std::span<const day_value<hsct::platelets>> days) const {
        return scan_run(
            days, first_tx, calendar, run_length, [&](std::size_t k) { return hsct::detail::below(value(days, k), t); },
            [&](std::size_t k) { return qualifies(days, k); });
    }
    HSCT_ALWAYS_INLINE static void record(platelet_result& r, hsct::transplant_day d, platelet_criterion id,
                                          hsct::measure m, hsct::comparator c, double threshold, bool met) {
        hsct::criterion<platelet_criterion> k;
        k.id = id;
        k.cmp = c;
        k.requirement = "ENG-PLT-001";
        k.measured = m;
        k.threshold = threshold;
        k.result = met ? hsct::outcome::met : hsct::outcome::not_met;
        r.criteria.push_back(dated_criterion<platelet_criterion>{d, k});
    }
    /// Records day i of a run: its count, then its interval from the last transfusion, if any.
    void record_run_day(platelet_result& r, std::span<const day_value<hsct::platelets>> days, std::size_t i) const {
        record(r, days[i].day, platelet_criterion::run_day, hsct::measure::of(days[i].value, hsct::units::giga_per_l),
               cmp, t, true);
        interval(r, days, i, false);
    }
    void interval(platelet_result& r, std::span<const day_value<hsct::platelets>> days, std::size_t i,
                  bool broken) const {
        if (const auto s = since(days, i)) {
            record(r, days[i].day, broken ? platelet_criterion::run_broken : platelet_criterion::transfusion_free,
                   hsct::measure::count(*s, hsct::count_unit::days), hsct::comparator::greater_equal, window,
                   *s >= window);
        }
    }
    /// ENG-PLT-003: the answer and the evidence of what a scan found (scan_finished's state),
    /// into `r` (its criteria empty): what started the count, then what broke the latest run when
    /// not engrafted, then each run day with its interval.
    void evidence(platelet_result& r, std::span<const day_value<hsct::platelets>> days, const run_found& f) const {
        r.day.reset();
        r.counting_from.reset();
        if (f.start) {  // a value below the threshold started the count
            const auto i = *f.start;
            r.counting_from = days[i].day;
            record(r, days[i].day, platelet_criterion::below_threshold,
                   hsct::measure::of(days[i].value, hsct::units::giga_per_l), hsct::comparator::less, t, true);
        } else if (f.started && first_tx) {
            r.counting_from = *first_tx;
            record(r, *first_tx, platelet_criterion::transfused, hsct::measure::flag(true), hsct::comparator::present,
                   0.0, true);
        }
        if (!f.any) {
            r.status = engraftment_status::no_values;
            return;
        }
        if (!f.started) {
            r.status = engraftment_status::never_below_threshold;
            return;
        }
        if (f.complete) {
            r.status = engraftment_status::engrafted;
            r.day = days[f.run_start].day;
        } else {
            r.status = engraftment_status::not_yet;
            if (f.broke) {
                const auto b = *f.broke;
                record(r, days[b].day, platelet_criterion::run_broken,
                       hsct::measure::of(days[b].value, hsct::units::giga_per_l), cmp, t,
                       hsct::satisfies(value(days, b), cmp, t));
                interval(r, days, b, true);
            }
        }
        for (std::size_t k = f.run_start; k < f.run_start + f.run; ++k) {
            record_run_day(r, days, k);
        }
    }
};

template <class = void>
[[nodiscard]] std::optional<error> check_platelet_options(const platelet_options& o) {
    if (auto e = hsct::detail::check_enum(o.milestone, "options.milestone")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.consecutive, "options.consecutive")) {
        return e;
    }
    if (o.run_length < 1 || o.run_length > 7) {
        return error(errc::out_of_range, "options.run_length", std::to_string(o.run_length), "1-7 days", "ENG-PLT-002");
    }
    if (o.transfusion_free_days < 1 || o.transfusion_free_days > 30) {
        return error(errc::out_of_range, "options.transfusion_free_days", std::to_string(o.transfusion_free_days),
                     "1-30 days", "ENG-PLT-002");
    }
    return std::nullopt;
}
[[nodiscard]] HSCT_ALWAYS_INLINE bool platelet_options_ok(const platelet_options& o) noexcept {
    return is_valid(o.milestone) && is_valid(o.consecutive) && o.run_length >= 1 && o.run_length <= 7 &&
           o.transfusion_free_days >= 1 && o.transfusion_free_days <= 30;
}
}  // namespace detail

/// ENG-PLT-001..003: platelet engraftment. Errors: an undeclared policy number, a run length
/// outside 1-7 or an interval outside 1-30 ("options.*"); days out of order or values out of range
/// ("days[i].*").
template <class = void>
[[nodiscard]] result<platelet_result> assess_platelet_engraftment(std::span<const day_value<hsct::platelets>> days,
                                                                  const transfusion_log& transfusions,
                                                                  const platelet_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<platelet_result> out(std::in_place);
    if (!detail::platelet_options_ok(options) || !detail::days_ok(days)) {  // the text only on error
        if (auto e = detail::check_platelet_options(options)) {
            out = std::move(*e);
        } else if (auto d = detail::check_days(days)) {
            out = std::move(*d);
        }
        return out;
    }
    platelet_result& r = *out;
    r.options = options;
    const detail::platelet_rule rule(options, transfusions);
    rule.evidence(r, days, rule.scan(days));
    return out;
}

namespace detail {
/// The error of a refused call of the lean rule (its options, then its days): built only then,
/// out of line; by value and noexcept for the reasons neutrophil_day_error gives.
template <class = void>
[[nodiscard]] [[gnu::cold]] [[gnu::noinline]] error platelet_day_error(std::span<const day_value<hsct::platelets>> days,
                                                                      platelet_options options) noexcept {
    if (auto e = check_platelet_options(options)) {
        return std::move(*e);
    }
    if (auto d = check_days(days)) {
        return std::move(*d);
    }
    return error(errc::inconsistent, "days", "", "a day series", "ENG-SERIES-002");  // not reached
}

/// ENG-PLT-001: whether a day is at least the window after the latest platelet transfusion on or
/// before it (last_on_or_before's answer), for days read in increasing order: a cursor over the
/// sorted transfusion days moves forward only, so a series costs one pass over both lists
/// rather than a search a day.
class transfusion_window {
public:
    HSCT_ALWAYS_INLINE transfusion_window(std::span<const hsct::transplant_day> given, int window) noexcept
        : next_(given.data()), end_(given.data() + given.size()), window_(window) {}
    /// Day `day` is at least the window after the last transfusion on or before it (or none).
    [[nodiscard]] HSCT_ALWAYS_INLINE bool operator()(std::int32_t day) noexcept {
        while (next_ != end_ && next_->number() <= day) {
            last_ = next_->number();
            ++next_;
        }
        return day - last_ >= window_;
    }

private:
    const hsct::transplant_day* next_;
    const hsct::transplant_day* end_;
    std::int32_t window_;
    std::int32_t last_ = std::numeric_limits<std::int32_t>::min() / 2;  // none yet: any day is far from it
};

/// The lean scan under one milestone, its threshold and comparator constants.
template <platelet_milestone M>
[[nodiscard]] HSCT_ALWAYS_INLINE days_found platelet_scan(std::span<const day_value<hsct::platelets>> days,
                                                          bool calendar, std::size_t run_length, std::int32_t from,
                                                          transfusion_window& free) noexcept {
    constexpr double t = platelet_threshold(M).in(hsct::units::giga_per_l);
    const auto qualifies = [&](std::int32_t day, double v) {
        if constexpr (M == platelet_milestone::above_20_ebmt_2019) {
            return hsct::detail::above(v, t) && free(day);
        } else {
            return hsct::detail::at_least(v, t) && free(day);
        }
    };
    return calendar ? scan_days<true>(days, t, run_length, from, qualifies)
                    : scan_days<false>(days, t, run_length, from, qualifies);
}
}  // namespace detail

/// ENG-PLT-001..003 without the evidence: the status and the day only, for registry-scale batches
/// (the same checks, the same rule and the same errors; a test compares it with
/// assess_platelet_engraftment on random series under every policy). The days are checked
/// (detail::days_ok), then scanned by detail::scan_days with the options decoded once before the
/// loop (the milestone's threshold a constant), reading the transfusions with a cursor that moves
/// with the days (detail::transfusion_window); the error text is built only for a refused call
/// (out of line). Inlined where it is called, as neutrophil_engraftment_day.
template <class = void>
[[nodiscard]] HSCT_ALWAYS_INLINE result<engraftment_day> platelet_engraftment_day(
    std::span<const day_value<hsct::platelets>> days, const transfusion_log& transfusions,
    const platelet_options& options = {}) {
    result<engraftment_day> out(std::in_place);  // the fields written in place, not through a copy
    if (!detail::platelet_options_ok(options) || !detail::days_ok(days)) [[unlikely]] {  // the text only then
        out = detail::platelet_day_error(days, options);
        return out;
    }
    const auto given = transfusions.days(blood_product::platelets);
    // the first on or after Day 0 (first_on_or_after's search, without the optional between)
    const auto event = std::lower_bound(given.begin(), given.end(), hsct::transplant_day::at(0));
    const std::int32_t from = event == given.end() ? detail::no_event : event->number();
    detail::transfusion_window free(given, options.transfusion_free_days);
    const bool calendar = options.consecutive == consecutive_rule::calendar_days;
    // one scan per milestone (its threshold a constant) and reading of "consecutive", chosen once
    const std::size_t n = options.run_length;
    using M = platelet_milestone;
    const auto f = options.milestone == M::at_least_20
                       ? detail::platelet_scan<M::at_least_20>(days, calendar, n, from, free)
                   : options.milestone == M::at_least_50
                       ? detail::platelet_scan<M::at_least_50>(days, calendar, n, from, free)
                       : detail::platelet_scan<M::above_20_ebmt_2019>(days, calendar, n, from, free);
    detail::set_day_found(*out, f, days);
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
