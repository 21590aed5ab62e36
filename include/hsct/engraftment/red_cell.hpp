// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Red-cell recovery: the first day of a run of haemoglobin values above the threshold, free of
// red-cell transfusion, under a policy whose parts are each marked by how well they are sourced.
//
//   using namespace hsct::engraftment;
//   auto r = assess_red_cell_recovery(*hb_series, *transfusions);   // result<red_cell_result>
//   r->status;              // engraftment_status::engrafted
//   r->day;                 // the first day of the run
//   r->last_transfusion;    // the latest red-cell transfusion (CIBMTR's item)
//
// ENG-RBC-001: no CIBMTR numeric red-cell engraftment exists; its forms ask whether the recipient
// is red-cell transfusion-independent and the date of the last red-cell transfusion (reference
// notes section 3.3 [V]): the result carries that date. The EBMT Handbook (2019) defines red-cell
// recovery as haemoglobin > 80 g/L free of transfusion [V, the notes]; the 2024 handbook's ch. 41
// defines neutrophil and platelet recovery only. The threshold and its strict comparison are
// that definition's; how long "free of transfusion" is, and how many values make the recovery,
// no source states: hsct's stated policy [P], by analogy with the platelet rule (each run day at
// least 7 days after the latest red-cell transfusion on or before it, three consecutive
// measurement days). Every criterion under the [P] parts is recorded with verified = false, so a
// report shows which numbers a centre should confirm. Red-cell survival is long (transfused cells
// keep the haemoglobin up for weeks), so a centre may well want a longer window: 1-90 days.
// ENG-RBC-002: the policy: the threshold (50-120 g/L, default 80 g/L), the comparison (greater,
// default; or greater_equal), consecutive measurement or calendar days, the run length (1-7,
// default 3 [P]), the transfusion-free interval (1-90 days, default 7 [P]). Counting starts after
// the first value not above the threshold or the first red-cell transfusion on or after Day 0,
// whichever comes first [P], as for platelets. Values before Day 0 are not read.
// ENG-RBC-003: the result: engrafted (the first run day, each run day's value and days since the
// last transfusion); not_yet; never_below_threshold (no value at or below the threshold and no
// red-cell transfusion on or after Day 0: nothing to recover from); no_values.
#ifndef HSCT_ENGRAFTMENT_RED_CELL_HPP
#define HSCT_ENGRAFTMENT_RED_CELL_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
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

/// ENG-RBC-002: the policy. The defaults: > 80 g/L (EBMT 2019 [V]); three values and a 7-day
/// transfusion-free interval (hsct's policy [P], by analogy with platelets).
struct red_cell_options {
    hsct::haemoglobin threshold{80.0, hsct::units::g_per_l};   ///< 50-120 g/L
    hsct::comparator comparison = hsct::comparator::greater;   ///< greater or greater_equal
    consecutive_rule consecutive = consecutive_rule::measurement_days;
    std::uint8_t run_length = 3;              ///< 1-7 [P]
    std::uint8_t transfusion_free_days = 7;   ///< 1-90 [P]: each run day at least this long after the last transfusion
};

/// ENG-RBC-003: the criteria recorded.
enum class red_cell_criterion : std::uint8_t {
    not_above_threshold = 1,  ///< counting started: a value not above the threshold
    transfused = 2,           ///< counting started: a red-cell transfusion (measured: its day)
    run_day = 3,              ///< a run day's haemoglobin above the threshold
    transfusion_free = 4,     ///< days since the last red-cell transfusion, at least the interval
    run_broken = 5,           ///< the day that broke the latest run (its value or its interval)
};

constexpr auto hsct_enum_table(red_cell_criterion) noexcept {
    using c = red_cell_criterion;
    return make_enum_table<red_cell_criterion>("red_cell_criterion", {
        {c::not_above_threshold, "not_above_threshold", "haemoglobin not above the threshold (counting starts)"},
        {c::transfused, "transfused", "a red-cell transfusion (counting starts)"},
        {c::run_day, "run_day", "haemoglobin above the threshold"},
        {c::transfusion_free, "transfusion_free", "days since the last red-cell transfusion"},
        {c::run_broken, "run_broken", "haemoglobin above the threshold, transfusion-free (the run broke here)"},
    });
}

/// ENG-RBC-003: the answer and its evidence.
struct red_cell_result {
    red_cell_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    engraftment_status status = engraftment_status::no_values;
    std::optional<hsct::transplant_day> day;
    std::optional<hsct::transplant_day> counting_from;     ///< the day counting started after
    std::optional<hsct::transplant_day> last_transfusion;  ///< the latest red-cell transfusion (CIBMTR)
    /// start, up to 7 run days with their intervals, what broke a run (and its interval)
    hsct::fixed_list<dated_criterion<red_cell_criterion>, 17> criteria;
    red_cell_options options;
};

/// True when the options are the cited default's threshold and comparison (EBMT 2019).
[[nodiscard]] inline bool red_cell_threshold_cited(const red_cell_options& o) noexcept {
    return o.comparison == hsct::comparator::greater && o.threshold.in(hsct::units::g_per_l) == 80.0;
}

/// ENG-RBC-001..003: red-cell recovery. Errors: a threshold outside 50-120 g/L or not finite, a
/// comparison other than greater or greater_equal, an undeclared consecutive rule, a run length
/// outside 1-7 or an interval outside 1-90 ("options.*"); days out of order or values out of range
/// ("days[i].*").
template <class = void>
[[nodiscard]] result<red_cell_result> assess_red_cell_recovery(std::span<const day_value<hsct::haemoglobin>> days,
                                                               const transfusion_log& transfusions,
                                                               const red_cell_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<red_cell_result> out(std::in_place);
    const double t = options.threshold.in(hsct::units::g_per_dl);
    if (!std::isfinite(t) || t < 5.0 || t > 12.0) {
        out = error(std::isfinite(t) ? errc::out_of_range : errc::not_finite, "options.threshold",
                    hsct::detail::concat({hsct::detail::format_number(t * 10.0), " g/L"}), "50-120 g/L",
                    "ENG-RBC-002");
        return out;
    }
    if (options.comparison != hsct::comparator::greater && options.comparison != hsct::comparator::greater_equal) {
        out = error(errc::out_of_range, "options.comparison", std::string(hsct::to_string(options.comparison)),
                    "greater or greater_equal", "ENG-RBC-002");
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.consecutive, "options.consecutive")) {
        out = std::move(*e);
        return out;
    }
    if (options.run_length < 1 || options.run_length > 7) {
        out = error(errc::out_of_range, "options.run_length", std::to_string(options.run_length), "1-7 days",
                    "ENG-RBC-002");
        return out;
    }
    if (options.transfusion_free_days < 1 || options.transfusion_free_days > 90) {
        out = error(errc::out_of_range, "options.transfusion_free_days", std::to_string(options.transfusion_free_days),
                    "1-90 days", "ENG-RBC-002");
        return out;
    }
    if (!detail::days_ok(days)) {  // the text only on error
        if (auto e = detail::check_days(days)) {
            out = std::move(*e);
        }
        return out;
    }
    red_cell_result& r = *out;
    r.options = options;
    const auto all_tx = transfusions.days(blood_product::red_cells);
    if (!all_tx.empty()) {
        r.last_transfusion = all_tx.back();
    }
    const bool cited = red_cell_threshold_cited(options);
    const auto cmp = options.comparison;
    const auto window = static_cast<double>(options.transfusion_free_days);
    const auto value = [&](std::size_t i) { return days[i].value.in(hsct::units::g_per_dl); };
    const auto since = [&](std::size_t i) -> std::optional<double> {
        const auto last = transfusions.last_on_or_before(blood_product::red_cells, days[i].day);
        if (!last) {
            return std::nullopt;
        }
        return static_cast<double>((days[i].day - *last).count());
    };
    const auto free = [&](std::size_t i) {
        const auto s = since(i);
        return !s || *s >= window;
    };
    const auto first_tx = transfusions.first_on_or_after(blood_product::red_cells, hsct::transplant_day::at(0));
    const auto f = detail::scan_run(
        days, first_tx, options.consecutive == consecutive_rule::calendar_days, options.run_length,
        [&](std::size_t i) { return !hsct::satisfies(value(i), cmp, t); },
        [&](std::size_t i) { return hsct::satisfies(value(i), cmp, t) && free(i); });
    const auto record = [&](hsct::transplant_day d, red_cell_criterion id, hsct::measure m, hsct::comparator c,
                            double threshold, bool met, bool verified) {
        hsct::criterion<red_cell_criterion> k;
        k.id = id;
        k.cmp = c;
        k.requirement = "ENG-RBC-001";
        k.measured = m;
        k.threshold = threshold;
        k.result = met ? hsct::outcome::met : hsct::outcome::not_met;
        k.verified = verified;
        r.criteria.push_back(dated_criterion<red_cell_criterion>{d, k});
    };
    const double t_g_l = options.threshold.in(hsct::units::g_per_l);
    const auto hb = [&](std::size_t i) { return hsct::measure::of(days[i].value, hsct::units::g_per_l); };
    const auto interval = [&](std::size_t i, bool broken) {
        if (const auto s = since(i)) {
            record(days[i].day, broken ? red_cell_criterion::run_broken : red_cell_criterion::transfusion_free,
                   hsct::measure::count(*s, hsct::count_unit::days), hsct::comparator::greater_equal, window,
                   *s >= window, false);
        }
    };
    // ENG-RBC-002: the start's comparison is the chosen comparison's complement
    const auto not_cmp = cmp == hsct::comparator::greater ? hsct::comparator::less_equal : hsct::comparator::less;
    if (f.start) {  // a value not above the threshold started the count
        r.counting_from = days[*f.start].day;
        record(days[*f.start].day, red_cell_criterion::not_above_threshold, hb(*f.start), not_cmp, t_g_l, true, cited);
    } else if (f.started && first_tx) {
        r.counting_from = *first_tx;
        record(*first_tx, red_cell_criterion::transfused, hsct::measure::flag(true), hsct::comparator::present, 0.0,
               true, true);
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
            record(days[b].day, red_cell_criterion::run_broken, hb(b), cmp, t_g_l, hsct::satisfies(value(b), cmp, t),
                   cited);
            interval(b, true);
        }
    }
    for (std::size_t k = f.run_start; k < f.run_start + f.run; ++k) {
        record(days[k].day, red_cell_criterion::run_day, hb(k), cmp, t_g_l, true, cited);
        interval(k, false);
    }
    return out;
}

/// The same from a day series.
template <class = void>
[[nodiscard]] result<red_cell_result> assess_red_cell_recovery(const day_series<hsct::haemoglobin>& s,
                                                               const transfusion_log& transfusions,
                                                               const red_cell_options& options = {}) {
    return assess_red_cell_recovery(s.days(), transfusions, options);
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_RED_CELL_HPP
