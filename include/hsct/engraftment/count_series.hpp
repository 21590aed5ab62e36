// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A count series: laboratory results (ANC, platelets, haemoglobin, WBC) on transplant days, as
// they arrive (unsorted, several a day, some correcting an earlier one), made into one value a
// day by stated rules, so that the engraftment rules read a sorted day series.
//
//   using namespace hsct::engraftment;
//   const count_record<hsct::anc> results[] = {
//       {hsct::transplant_day::at(12), hsct::anc(0.6, hsct::units::giga_per_l)},
//       {hsct::transplant_day::at(11), hsct::anc(0.3, hsct::units::giga_per_l)},   // late
//   };
//   auto s = consolidate(results);          // result<day_series<hsct::anc>>: D+11 0.3, D+12 0.6
//   s->days();                              // std::span<const day_value<hsct::anc>>, by day
//
// ENG-SERIES-001: every record is checked: its value finite and inside the analyte's range
// (core's analyte table: ANC 0-1000, platelets 0-5000, WBC 0-2000 x10^9/L; haemoglobin 0-30
// g/dL), its method declared; identifiers unique when given (0 is none).
// ENG-SERIES-002: arrival order does not matter: values are placed by their transplant day.
// ENG-SERIES-003: a correction (a record whose `replaces` names an earlier result's identifier)
// takes that result's place: the replaced result is no longer read (a chain of corrections
// leaves its last one). A correction must name an existing result of the same day (a result
// corrects the same draw), not itself, and no result may be replaced twice; a cycle is refused.
// The sources are silent on corrections; this is hsct's rule [P].
// ENG-SERIES-004: several results on one day give that day one value: by default a manual count
// (a differential counted by hand) wins over automated ones, as CIBMTR asks for an ANC read
// exactly at 0.5 (reference notes 3.1 [V]), generalised by hsct [P]; among the results that
// remain, the lowest is the day's value, so a day counts as at or above a threshold only when
// every result of it is (the conservative reading; hsct's policy [P], same_day_policy). The
// day keeps how many results it had.
// Bounds: at most 1,024 records and 256 distinct days a series (hsct's [P]; daily counts from
// D-30 to beyond D+200), held inline: a series allocates nothing.
#ifndef HSCT_ENGRAFTMENT_COUNT_SERIES_HPP
#define HSCT_ENGRAFTMENT_COUNT_SERIES_HPP

#include <algorithm>
#include <array>
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
#include "hsct/engraftment/vocabulary.hpp"

namespace hsct::engraftment {

/// ENG-SERIES-004: how a result was counted.
enum class count_method : std::uint8_t {
    automated = 1,  ///< an analyser's count
    manual = 2,     ///< counted by hand (a manual differential)
};

constexpr auto hsct_enum_table(count_method) noexcept {
    return make_enum_table<count_method>("count_method", {
        {count_method::automated, "automated", "automated count"},
        {count_method::manual, "manual", "manual count"},
    });
}

/// ENG-SERIES-004: which result of a day with several is the day's value.
enum class same_day_policy : std::uint8_t {
    manual_then_lowest = 1,  ///< a manual count wins; then the lowest (default)
    lowest = 2,              ///< the lowest of all
};

constexpr auto hsct_enum_table(same_day_policy) noexcept {
    return make_enum_table<same_day_policy>("same_day_policy", {
        {same_day_policy::manual_then_lowest, "manual_then_lowest", "a manual count first, then the lowest"},
        {same_day_policy::lowest, "lowest", "the lowest result of the day"},
    });
}

/// ENG-SERIES-003: a correction whose result is not in the set.
enum class unmatched_correction : std::uint8_t {
    refuse = 1,  ///< an error (a batch holds every result) — default
    keep = 2,    ///< kept as the day's result until the one it corrects arrives (a stream)
};

constexpr auto hsct_enum_table(unmatched_correction) noexcept {
    return make_enum_table<unmatched_correction>("unmatched_correction", {
        {unmatched_correction::refuse, "refuse", "refused"},
        {unmatched_correction::keep, "keep", "kept until the result it corrects arrives"},
    });
}

/// ENG-SERIES-001: one laboratory result as received.
template <class A>
struct count_record {
    hsct::transplant_day day;
    A value;
    count_method method = count_method::automated;
    std::uint32_t id = 0;        ///< the laboratory's identifier of the result (0: none)
    std::uint32_t replaces = 0;  ///< a correction: the identifier of the result it replaces (0: none)
};

/// ENG-SERIES-004: a day's value, the method of the result chosen, and how many results the day had.
template <class A>
struct day_value {
    hsct::transplant_day day;
    A value;
    count_method method = count_method::automated;
    std::uint8_t results = 1;  ///< live results that day (at most 255 counted)
    friend constexpr bool operator==(const day_value&, const day_value&) noexcept = default;
};

/// ENG-NEUT-003: where a patient stands.
enum class engraftment_status : std::uint8_t {
    engrafted = 1,
    not_yet = 2,                ///< no complete run in the values given
    never_below_threshold = 3,  ///< no value below the threshold on or after Day 0
    no_values = 4,              ///< nothing on or after Day 0
};

constexpr auto hsct_enum_table(engraftment_status) noexcept {
    return make_enum_table<engraftment_status>("engraftment_status", {
        {engraftment_status::engrafted, "engrafted", "engrafted"},
        {engraftment_status::not_yet, "not_yet", "not yet engrafted"},
        {engraftment_status::never_below_threshold, "never_below_threshold", "never below the threshold after Day 0"},
        {engraftment_status::no_values, "no_values", "no values on or after Day 0"},
    });
}

/// ENG-NEUT-003, ENG-PLT-003: a milestone's status and day, without the evidence.
struct engraftment_day {
    engraftment_status status = engraftment_status::no_values;
    std::optional<hsct::transplant_day> day;
    friend constexpr bool operator==(const engraftment_day&, const engraftment_day&) noexcept = default;
};

/// A rule's criterion with the day it was read on.
template <class Id>
struct dated_criterion {
    hsct::transplant_day day;
    hsct::criterion<Id> criterion;
};

/// ENG-SERIES-001: the bounds of a series [P]; one record or one day more is refused.
inline constexpr std::size_t series_records_max = 1024;
inline constexpr std::size_t series_days_max = 256;

template <class A>
class day_series;

/// ENG-SERIES-001..004: the day series of a set of results (in any order). Errors name the
/// record ("records[3].value", "records[5].replaces", ...), the value and what is valid; more
/// than 1,024 records or 256 days is out_of_range ("records").
template <class A>
[[nodiscard]] result<day_series<A>> consolidate(std::span<const count_record<A>> records,
                                                same_day_policy policy = same_day_policy::manual_then_lowest,
                                                unmatched_correction unmatched = unmatched_correction::refuse);

/// ENG-SERIES-002..004: one value a day, sorted by day, strictly increasing (filled only by
/// consolidate, so every value in it was checked; a default one is empty).
template <class A>
class day_series {
public:
    day_series() noexcept {}  // NOLINT(modernize-use-equals-default): the list stays unwritten
    [[nodiscard]] std::span<const day_value<A>> days() const noexcept { return {days_.begin(), days_.size()}; }
    [[nodiscard]] std::size_t size() const noexcept { return days_.size(); }
    [[nodiscard]] bool empty() const noexcept { return days_.size() == 0; }
    /// How many results a correction replaced.
    [[nodiscard]] std::size_t corrected() const noexcept { return corrected_; }
    [[nodiscard]] same_day_policy policy() const noexcept { return policy_; }

private:
    template <class B>
    friend result<day_series<B>> consolidate(std::span<const count_record<B>>, same_day_policy, unmatched_correction);
    template <class B>
    friend class count_stream;
    hsct::fixed_list<day_value<A>, series_days_max> days_;
    std::uint16_t corrected_ = 0;
    same_day_policy policy_ = same_day_policy::manual_then_lowest;
};

namespace detail {
template <class = void>
[[nodiscard]] std::string record_field(std::size_t i, const char* leaf) {
    return hsct::detail::concat({"records[", std::to_string(i), "].", leaf});
}
}  // namespace detail

template <class A>
result<day_series<A>> consolidate(std::span<const count_record<A>> records, same_day_policy policy,
                                  unmatched_correction unmatched) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<day_series<A>> out(std::in_place);
    if (auto e = hsct::detail::check_enum(policy, "policy")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(unmatched, "unmatched")) {
        out = std::move(*e);
        return out;
    }
    const std::size_t n = records.size();
    // ENG-SERIES-001: at most series_records_max records
    if (n > series_records_max) {
        out = error(errc::out_of_range, "records", std::to_string(n), "at most 1024 records a series", "ENG-SERIES-001");
        return out;
    }
    const auto& info = A::info();
    const auto canonical = [](const A& v) { return v.in(typename hsct::detail::quantity_traits<A>::canonical_unit{}); };
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = records[i];
        const double v = canonical(r.value);
        if (!std::isfinite(v) || v < info.plausible_lo || v > info.plausible_hi) {
            out = error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, detail::record_field(i, "value"),
                        hsct::detail::format_number(v),
                        hsct::detail::concat({hsct::detail::format_number(info.plausible_lo), "-",
                                              hsct::detail::format_number(info.plausible_hi), " (", info.name,
                                              ", in its canonical unit)"}),
                        "ENG-SERIES-001");
            return out;
        }
        if (auto e = hsct::detail::check_enum(r.method, "method")) {  // the field's text only on error
            out = hsct::with_field(*e, detail::record_field(i, "method"));
            return out;
        }
    }
    // identifiers unique; corrections name an existing result of the same day, once, not themselves
    std::array<std::uint16_t, series_records_max> order{};
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = static_cast<std::uint16_t>(i);
    }
    const auto by_id = [&](std::uint16_t a, std::uint16_t b) { return records[a].id < records[b].id; };
    std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), by_id);
    const auto find_id = [&](std::uint32_t id) -> std::ptrdiff_t {
        const auto* first = order.data();
        const auto* last = order.data() + n;
        const auto* it = std::lower_bound(first, last, id, [&](std::uint16_t k, std::uint32_t x) { return records[k].id < x; });
        return it != last && records[*it].id == id ? static_cast<std::ptrdiff_t>(*it) : -1;
    };
    for (std::size_t k = 1; k < n; ++k) {
        const auto& a = records[order[k - 1]];
        const auto& b = records[order[k]];
        if (a.id != 0 && a.id == b.id) {
            out = error(errc::inconsistent, detail::record_field(order[k], "id"), std::to_string(b.id),
                        "an identifier given once", "ENG-SERIES-003");
            return out;
        }
    }
    std::array<bool, series_records_max> replaced{};
    std::size_t corrected = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = records[i];
        if (r.replaces == 0) {
            continue;
        }
        const auto target = find_id(r.replaces);
        if (target < 0 && unmatched == unmatched_correction::keep) {
            continue;  // the result it corrects has not arrived: this one stands for now
        }
        if (target < 0 || static_cast<std::size_t>(target) == i) {
            out = error(errc::inconsistent, detail::record_field(i, "replaces"), std::to_string(r.replaces),
                        target < 0 ? "the identifier of a result in the series" : "another result's identifier",
                        "ENG-SERIES-003");
            return out;
        }
        const auto t = static_cast<std::size_t>(target);
        if (!(records[t].day == r.day)) {
            out = error(errc::inconsistent, detail::record_field(i, "replaces"), std::to_string(r.replaces),
                        "a result of the same day (a correction amends the same draw)", "ENG-SERIES-003");
            return out;
        }
        if (replaced[t]) {
            out = error(errc::inconsistent, detail::record_field(i, "replaces"), std::to_string(r.replaces),
                        "a result not already replaced by another correction", "ENG-SERIES-003");
            return out;
        }
        replaced[t] = true;
        ++corrected;
    }
    // a cycle (a corrects b, b corrects a) leaves no live result of its chain
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t k = i;
        for (std::size_t step = 0; step <= n && records[k].replaces != 0; ++step) {
            const auto next = find_id(records[k].replaces);
            if (next < 0) {
                break;  // a kept unmatched correction ends the chain
            }
            k = static_cast<std::size_t>(next);
            if (k == i) {
                out = error(errc::inconsistent, detail::record_field(i, "replaces"), std::to_string(records[i].replaces),
                            "corrections that do not form a cycle", "ENG-SERIES-003");
                return out;
            }
        }
    }
    // by day, then the day's value
    std::size_t live = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!replaced[i]) {
            order[live++] = static_cast<std::uint16_t>(i);
        }
    }
    std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(live),
              [&](std::uint16_t a, std::uint16_t b) { return records[a].day < records[b].day; });
    day_series<A>& s = *out;
    s.policy_ = policy;
    s.corrected_ = static_cast<std::uint16_t>(corrected);
    for (std::size_t k = 0; k < live;) {
        const auto day = records[order[k]].day;
        std::size_t end = k;
        bool manual = false;
        while (end < live && records[order[end]].day == day) {
            manual = manual || records[order[end]].method == count_method::manual;
            ++end;
        }
        const bool manual_only = manual && policy == same_day_policy::manual_then_lowest;
        std::size_t best = live;
        for (std::size_t j = k; j < end; ++j) {
            const auto& r = records[order[j]];
            if (manual_only && r.method != count_method::manual) {
                continue;
            }
            if (best == live || canonical(r.value) < canonical(records[order[best]].value)) {
                best = j;
            }
        }
        if (s.days_.size() == series_days_max) {
            out = error(errc::out_of_range, "records", "more than 256 days", "at most 256 days a series",
                        "ENG-SERIES-001");
            return out;
        }
        const auto& chosen = records[order[best]];
        s.days_.push_back(day_value<A>{day, chosen.value, chosen.method,
                                       static_cast<std::uint8_t>(std::min<std::size_t>(end - k, 255))});
        k = end;
    }
    return out;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_COUNT_SERIES_HPP
