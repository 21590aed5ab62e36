// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The scan every engraftment milestone shares (neutrophils, platelets): over a day series, find
// where counting starts (a nadir, or an event such as a transfusion), then the first run of
// qualifying values on consecutive days; report the run, the run in progress and what broke the
// latest one. The rules (neutrophil.hpp, platelet.hpp) decide what qualifies and build their
// evidence from this.
#ifndef HSCT_ENGRAFTMENT_DETAIL_RUN_SCAN_HPP
#define HSCT_ENGRAFTMENT_DETAIL_RUN_SCAN_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "hsct/core/detail/always_inline.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/engraftment/count_series.hpp"

namespace hsct::engraftment::detail {

/// The fast check of check_days: true when the list is well formed (no error text built).
template <class A>
[[nodiscard]] HSCT_ALWAYS_INLINE bool days_ok(std::span<const day_value<A>> days) noexcept {
    const double lo = A::info().plausible_lo;
    const double hi = A::info().plausible_hi;
    bool ok = true;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const double v = days[i].value.in(typename hsct::detail::quantity_traits<A>::canonical_unit{});
        ok = ok & (v >= lo) & (v <= hi);  // false for NaN
        ok = ok & (i == 0 || days[i - 1].day < days[i].day);
    }
    return ok;
}

/// A day list as the rules take it: strictly increasing days, values finite and in the
/// analyte's plausible range (a day_series from consolidate always is; a hand-made list is
/// checked). Returns the first fault (only called when days_ok is false, or by a caller that
/// wants the fault).
template <class A>
[[nodiscard]] std::optional<error> check_days(std::span<const day_value<A>> days) {
    const auto& info = A::info();
    for (std::size_t i = 0; i < days.size(); ++i) {
        const double v = days[i].value.in(typename hsct::detail::quantity_traits<A>::canonical_unit{});
        if (i > 0 && !(days[i - 1].day < days[i].day)) {
            return error(errc::inconsistent, hsct::detail::concat({"days[", std::to_string(i), "].day"}),
                         hsct::to_string(days[i].day),
                         hsct::detail::concat({"after the day before it, ", hsct::to_string(days[i - 1].day),
                                               " (one value a day, by day: consolidate makes it)"}),
                         "ENG-SERIES-002");
        }
        if (!std::isfinite(v) || v < info.plausible_lo || v > info.plausible_hi) {
            return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite,
                         hsct::detail::concat({"days[", std::to_string(i), "].value"}), hsct::detail::format_number(v),
                         hsct::detail::concat({hsct::detail::format_number(info.plausible_lo), "-",
                                               hsct::detail::format_number(info.plausible_hi), " (", info.name,
                                               ", in its canonical unit)"}),
                         "ENG-SERIES-001");
        }
    }
    return std::nullopt;
}

/// What the scan found (indices into the day list).
struct run_found {
    bool any = false;                  ///< a value on or after Day 0
    std::optional<std::size_t> start;  ///< the day counting started after (the nadir), if a value
    bool started = false;              ///< counting started (by a value or an event)
    bool complete = false;             ///< a run of the required length
    std::size_t run_start = 0;         ///< the run's first index (complete or in progress)
    std::size_t run = 0;               ///< its length so far
    std::optional<std::size_t> broke;  ///< the value that broke the latest run, if a value did
};

/// The day a scan found, as the lean rules report it (the full rules build evidence instead).
template <class A>
[[nodiscard]] HSCT_ALWAYS_INLINE engraftment_day day_found(const run_found& f, std::span<const day_value<A>> days) noexcept {
    engraftment_day r;
    r.status = !f.any       ? engraftment_status::no_values
               : !f.started ? engraftment_status::never_below_threshold
               : f.complete ? engraftment_status::engrafted
                            : engraftment_status::not_yet;
    if (f.complete) {
        r.day = days[f.run_start].day;
    }
    return r;
}

/// Scans days on or after Day 0. Counting starts after the first day for which `starts(i)` holds
/// (that day itself never counts), or from the first day after `start_event` when the event is
/// earlier; then a run is `run_length` consecutive days for which `qualifies(i)` holds
/// (consecutive measurement days, or calendar days when `calendar` is set).
template <class A, class Starts, class Qualifies>
[[nodiscard]] run_found scan_run(std::span<const day_value<A>> days, std::optional<hsct::transplant_day> start_event,
                                 bool calendar, std::uint8_t run_length, Starts starts, Qualifies qualifies) {
    run_found f;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const auto& dv = days[i];
        if (dv.day.number() < 0) {
            continue;
        }
        f.any = true;
        if (!f.started) {
            if (start_event && *start_event < dv.day) {
                f.started = true;  // counting runs from the event; this day may count
            } else {
                if (starts(i)) {
                    f.started = true;
                    f.start = i;
                }
                continue;
            }
        }
        const bool gap = f.run > 0 && calendar && (dv.day - days[i - 1].day).count() != 1;
        if (gap) {
            f.run = 0;
        }
        if (!qualifies(i)) {
            if (f.run > 0) {
                f.broke = i;
            }
            f.run = 0;
            continue;
        }
        if (f.run == 0) {
            f.run_start = i;
        }
        ++f.run;
        if (f.run == run_length) {
            f.complete = true;
            return f;
        }
    }
    if (start_event && !f.started && f.any) {
        f.started = true;  // the event came after the last value: nothing counted yet
    }
    return f;
}

}  // namespace hsct::engraftment::detail

#endif  // HSCT_ENGRAFTMENT_DETAIL_RUN_SCAN_HPP
