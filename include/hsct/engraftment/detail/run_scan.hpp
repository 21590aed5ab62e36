// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The scan every engraftment milestone shares (neutrophils, platelets): over a day series, find
// where counting starts (a nadir, or an event such as a transfusion), then the first run of
// qualifying values on consecutive days; report the run, the run in progress and what broke the
// latest one. The rules (neutrophil.hpp, platelet.hpp) decide what qualifies and build their
// evidence from this; the streams (stream.hpp) extend the same scan one day at a time
// (scan_step); the lean rules (neutrophil_engraftment_day, platelet_engraftment_day) run the
// same rule in scan_days, with their policies decided before the loop.
#ifndef HSCT_ENGRAFTMENT_DETAIL_RUN_SCAN_HPP
#define HSCT_ENGRAFTMENT_DETAIL_RUN_SCAN_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>

#include "hsct/core/detail/always_inline.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/engraftment/count_series.hpp"

namespace hsct::engraftment::detail {

/// The fast check of check_days: true when the list is well formed (no error text built). It
/// stops at the first fault (a well-formed list, the common case, is read to its end).
template <class A>
[[nodiscard]] HSCT_ALWAYS_INLINE bool days_ok(std::span<const day_value<A>> days) noexcept {
    const double lo = A::info().plausible_lo;
    const double hi = A::info().plausible_hi;
    const day_value<A>* d = days.data();
    for (std::size_t i = 0; i < days.size(); ++i) {
        const double v = d[i].value.in(typename hsct::detail::quantity_traits<A>::canonical_unit{});
        if (!(v >= lo && v <= hi)) {  // NaN too
            return false;
        }
        if (i > 0 && !(d[i - 1].day < d[i].day)) {
            return false;
        }
    }
    return true;
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

/// One step of scan_run: reads day i into the state. Returns true when the run is complete (the
/// scan stops there). The streams (stream.hpp) keep a run_found and call this for each value that
/// arrives after every day read so far, so a batch scan and a stream read a series the same way.
template <class A, class Starts, class Qualifies>
[[nodiscard]] HSCT_ALWAYS_INLINE bool scan_step(run_found& f, std::span<const day_value<A>> days, std::size_t i,
                                                std::optional<hsct::transplant_day> start_event, bool calendar,
                                                std::uint8_t run_length, Starts& starts, Qualifies& qualifies) {
    const auto& dv = days[i];
    if (dv.day.number() < 0) {
        return false;
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
            return false;
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
        return false;
    }
    if (f.run == 0) {
        f.run_start = i;
    }
    ++f.run;
    if (f.run == run_length) {
        f.complete = true;
        return true;
    }
    return false;
}

/// The state a scan ends in, from the state after its last step: an event after the last value
/// has started the count (nothing counted yet). A stream keeps the state before this, so that a
/// later value is read as the batch would read it.
[[nodiscard]] HSCT_ALWAYS_INLINE run_found scan_finished(run_found f,
                                                        std::optional<hsct::transplant_day> start_event) noexcept {
    if (start_event && !f.started && f.any) {
        f.started = true;  // the event came after the last value: nothing counted yet
    }
    return f;
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
        if (scan_step(f, days, i, start_event, calendar, run_length, starts, qualifies)) {
            return f;
        }
    }
    return scan_finished(f, start_event);
}

/// What the lean scan (scan_days) found.
struct days_found {
    bool any = false;         ///< a value on or after Day 0
    bool started = false;     ///< counting started
    bool complete = false;    ///< a run of the required length
    std::size_t first = 0;    ///< the run's first index, when complete
};

/// No start event: a day number no transplant day reaches.
inline constexpr std::int32_t no_event = std::numeric_limits<std::int32_t>::max();

/// The lean rules' scan (neutrophil_engraftment_day, platelet_engraftment_day) of a day list
/// days_ok accepted: scan_run's rule with the policies decoded before the loop (the comparator
/// and the transfusion window are in `qualifies`, the reading of "consecutive" is `Calendar`).
/// Counting starts after the first value on or after Day 0 below `t` (that value never counts),
/// or from the first value after `event` (a day number; no_event for none); a run is
/// `run_length` consecutive values for which `qualifies(day, value)` holds, called once for each
/// value after counting started, in order, until the run is complete (so `qualifies` may keep a
/// cursor that moves with the days). The answer is scan_run's (a test compares the lean rules
/// with the full ones on random series). Checking the days first and scanning them after
/// measured faster than one loop doing both (tests/bench/engraftment_bench.cpp, whose raw loops
/// do the same two passes).
template <bool Calendar, class A, class Qualifies>
[[nodiscard]] HSCT_ALWAYS_INLINE days_found scan_days(std::span<const day_value<A>> days, double t,
                                                      std::size_t run_length, std::int32_t event,
                                                      Qualifies&& qualifies) noexcept {
    using canonical = typename hsct::detail::quantity_traits<A>::canonical_unit;
    const day_value<A>* d = days.data();
    const std::size_t n = days.size();
    days_found f;
    bool started = false;
    std::size_t run = 0;
    std::size_t first = 0;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t day = d[i].day.number();
        if (day < 0) {  // values before Day 0 are not read
            continue;
        }
        any = true;
        const double v = d[i].value.in(canonical{});
        if (!started) {
            if (event < day) {
                started = true;  // counting runs from the event; this day may count
            } else {
                // ENG-NEUT-002, ENG-PLT-002: counting starts after the first value below the threshold
                started = hsct::detail::below(v, t);
                continue;
            }
        }
        if (Calendar && run > 0 && day - d[i - 1].day.number() != 1) {
            run = 0;
        }
        if (!qualifies(day, v)) {
            run = 0;
            continue;
        }
        if (run == 0) {
            first = i;
        }
        if (++run == run_length) {
            f.complete = true;
            break;
        }
    }
    f.any = any;
    f.started = started || (any && event != no_event);  // or an event after the last value
    f.first = first;
    return f;
}

/// The day the lean scan found, as the lean rules report it, written into `r` (a default
/// engraftment_day) field by field: the caller's reads then find each field where it was stored.
template <class A>
HSCT_ALWAYS_INLINE void set_day_found(engraftment_day& r, const days_found& f,
                                      std::span<const day_value<A>> days) noexcept {
    r.status = !f.any       ? engraftment_status::no_values
               : !f.started ? engraftment_status::never_below_threshold
               : f.complete ? engraftment_status::engrafted
                            : engraftment_status::not_yet;
    if (f.complete) {
        r.day = days[f.first].day;
    }
}

}  // namespace hsct::engraftment::detail

#endif  // HSCT_ENGRAFTMENT_DETAIL_RUN_SCAN_HPP
