// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// timeline: maps calendar dates (std::chrono::sys_days) to transplant days and back.
//
// Rules (docs/core.md, docs/traceability.md):
//  CORE-DAY-004  Day 0 is the date of the first infusion of an HCT. When one planned
//                product is infused over several days, the first date is Day 0 and later
//                bags are D+1, D+2 (CIBMTR Forms Instructions Manual: "if multiple days of
//                infusion are planned, report the first"; an infusion over "day 0, day +1
//                and day +2" is one HCT event).
//  CORE-DAY-005  Day numbers are calendar-date differences, leap days included; the clock
//                time of infusion does not matter.
//  CORE-DAY-006  A subsequent HCT (a new transplant event, not a boost or a further bag of the
//                same product) has its own Day 0, which must fall after every infusion date
//                of the HCT before it.
//  CORE-DAY-007  locate(date) counts a date from the latest HCT whose Day 0 is on or before
//                it; a date before the first Day 0 counts from the first HCT (D-n).
//                Conditioning for a second HCT therefore reads as D+n of the first unless
//                the caller asks for the second HCT explicitly with day_of(date, 2).
#ifndef HSCT_CORE_TIMELINE_HPP
#define HSCT_CORE_TIMELINE_HPP

#include <algorithm>
#include <cstdio>
#include <optional>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/core/config.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct {

/// One transplant (HCT) event on a timeline.
struct hct_event {
    int number;                             ///< 1 for the first HCT, 2 for the second, ...
    sys_days day0;                          ///< its Day 0: the first infusion date
    std::vector<sys_days> infusion_dates;   ///< ascending, distinct; the first is day0

    friend bool operator==(const hct_event&, const hct_event&) = default;
};

/// A date placed on the timeline: which HCT it is counted from, and its day.
struct located_day {
    int hct_number;
    transplant_day day;

    friend bool operator==(const located_day&, const located_day&) = default;
};

/// The calendar of one patient's transplants. Immutable: each change returns a new timeline
/// inside a result, so an invalid change leaves the old one untouched.
class timeline {
public:
    /// A timeline with one HCT infused on a single date. Error: a date outside CORE-DAY-008.
    [[nodiscard]] static result<timeline> single(sys_days infusion_date) {
        if (auto d = check_date(infusion_date, "timeline.infusion_date"); !d) {
            return d.error();
        }
        timeline t;
        t.hcts_.push_back(hct_event{1, infusion_date, {infusion_date}});
        return t;
    }

    /// One HCT whose planned product was infused over several dates: Day 0 is the earliest
    /// (CORE-DAY-004). Errors: no dates (missing), a date given twice (inconsistent).
    [[nodiscard]] static result<timeline> from_infusions(std::span<const sys_days> dates) {
        if (dates.empty()) {
            return error(errc::missing, "timeline.infusion_dates", "",
                         "at least one infusion date");
        }
        for (const sys_days d : dates) {
            if (auto c = check_date(d, "timeline.infusion_dates"); !c) {
                return c.error();
            }
        }
        std::vector<sys_days> sorted(dates.begin(), dates.end());
        std::sort(sorted.begin(), sorted.end());
        if (const auto dup = std::adjacent_find(sorted.begin(), sorted.end());
            dup != sorted.end()) {
            return error(errc::inconsistent, "timeline.infusion_dates", to_string(*dup),
                         "each infusion date may appear once");
        }
        if (sorted.back() - sorted.front() > std::chrono::days{transplant_day::max_offset}) {
            return error(errc::out_of_range, "timeline.infusion_dates", to_string(sorted.back()),
                         detail::concat({"within 36525 days of Day 0 ", to_string(sorted.front())}));
        }
        timeline t;
        t.hcts_.push_back(hct_event{1, sorted.front(), std::move(sorted)});
        return t;
    }

    /// Adds a further infusion date (another bag of the same planned product) to the latest
    /// HCT. Day 0 does not move, so the date must be after the latest HCT's Day 0 and not
    /// already recorded.
    [[nodiscard]] result<timeline> with_infusion(sys_days date) const {
        if (auto c = check_date(date, "timeline.infusion_date"); !c) {
            return c.error();
        }
        const hct_event& cur = hcts_.back();
        if (date <= cur.day0) {
            return error(errc::inconsistent, "timeline.infusion_date", to_string(date),
                         detail::concat({"a further infusion of HCT ",
                                         std::to_string(cur.number),
                                         " must come after its Day 0 ", to_string(cur.day0)}));
        }
        if (date - cur.day0 > std::chrono::days{transplant_day::max_offset}) {
            return error(errc::out_of_range, "timeline.infusion_date", to_string(date),
                         detail::concat({"within 36525 days of Day 0 ", to_string(cur.day0)}));
        }
        if (std::find(cur.infusion_dates.begin(), cur.infusion_dates.end(), date) !=
            cur.infusion_dates.end()) {
            return error(errc::inconsistent, "timeline.infusion_date", to_string(date),
                         "each infusion date may appear once");
        }
        timeline t = *this;
        auto& dates = t.hcts_.back().infusion_dates;
        dates.insert(std::upper_bound(dates.begin(), dates.end(), date), date);
        return t;
    }

    /// Starts a subsequent HCT with its own Day 0 (CORE-DAY-006). Its Day 0 must come after
    /// every infusion date of the HCT before it.
    [[nodiscard]] result<timeline> with_subsequent_hct(sys_days day0) const {
        if (auto c = check_date(day0, "timeline.subsequent_hct.day0"); !c) {
            return c.error();
        }
        const hct_event& prev = hcts_.back();
        if (day0 <= prev.infusion_dates.back()) {
            return error(errc::inconsistent, "timeline.subsequent_hct.day0", to_string(day0),
                         detail::concat({"a subsequent HCT's Day 0 must come after the last "
                                         "infusion of HCT ",
                                         std::to_string(prev.number), " on ",
                                         to_string(prev.infusion_dates.back())}));
        }
        timeline t = *this;
        t.hcts_.push_back(hct_event{prev.number + 1, day0, {day0}});
        return t;
    }

    /// The HCT events, first to last.
    [[nodiscard]] std::span<const hct_event> hcts() const noexcept { return hcts_; }
    /// The number of HCTs (at least 1).
    [[nodiscard]] int hct_count() const noexcept { return static_cast<int>(hcts_.size()); }
    /// HCT number n (1-based). Precondition (contract): 1 <= n <= hct_count().
    [[nodiscard]] const hct_event& hct(int n) const {
        HSCT_EXPECTS(n >= 1 && n <= hct_count(), "timeline::hct: no HCT with that number");
        return hcts_[static_cast<std::size_t>(n - 1)];
    }
    /// Day 0 of the first HCT.
    [[nodiscard]] sys_days day0() const noexcept { return hcts_.front().day0; }

    /// The day of `date` counted from HCT number `hct_number` (CORE-DAY-005).
    /// Errors: no such HCT (not_allowed); a date more than 36525 days from that Day 0
    /// (out_of_range).
    [[nodiscard]] result<transplant_day> day_of(sys_days date, int hct_number = 1) const {
        if (hct_number < 1 || hct_number > hct_count()) {
            return no_such_hct(hct_number);
        }
        if (auto c = check_date(date, "timeline.date"); !c) {
            return c.error();
        }
        const auto diff = (date - hct(hct_number).day0).count();
        return transplant_day::make(diff, detail::concat({"timeline.date ", to_string(date)}));
    }

    /// The day of `date`, counted from the HCT that CORE-DAY-007 selects.
    [[nodiscard]] result<located_day> locate(sys_days date) const {
        if (auto c = check_date(date, "timeline.date"); !c) {
            return c.error();
        }
        int n = 1;
        for (const auto& h : hcts_) {
            if (h.day0 <= date) {
                n = h.number;
            }
        }
        return day_of(date, n).transform([n](transplant_day d) { return located_day{n, d}; });
    }

    /// The calendar date of `day` of HCT number `hct_number` (CORE-DAY-005). Errors: no such
    /// HCT (not_allowed, as day_of); a date outside CORE-DAY-008 (out_of_range): a transplant
    /// day reaches 36525 days from its Day 0, so from a Day 0 near either end of the window it
    /// can land outside it (D+36525 of 2199-12-01 would be 2299-12-02).
    [[nodiscard]] result<sys_days> date_of(transplant_day day, int hct_number = 1) const {
        if (hct_number < 1 || hct_number > hct_count()) {
            return no_such_hct(hct_number);
        }
        const sys_days d0 = hct(hct_number).day0;
        // Day 0 is inside the window and |day| <= 36525, so this cannot overflow.
        const sys_days date = d0 + day.since_day0();
        if (date < min_date || date > max_date) {
            return error(errc::out_of_range, "timeline.date_of",
                         detail::concat({to_string(day), " of HCT ", std::to_string(hct_number),
                                         " (Day 0 ", to_string(d0), ")"}),
                         "a date from 1900-01-01 to 2199-12-31");
        }
        return date;
    }

    /// The infusion dates of an HCT as transplant days (D0, D+1, ...). Error: no such HCT
    /// (not_allowed).
    [[nodiscard]] result<std::vector<transplant_day>> infusion_days(int hct_number = 1) const {
        if (hct_number < 1 || hct_number > hct_count()) {
            return no_such_hct(hct_number);
        }
        std::vector<transplant_day> out;
        const hct_event& h = hct(hct_number);
        for (const sys_days d : h.infusion_dates) {
            // Every infusion lies within max_offset days of Day 0 (from_infusions,
            // with_infusion), so at() cannot fail here.
            out.push_back(transplant_day::at(d - h.day0));
        }
        return out;
    }

    friend bool operator==(const timeline&, const timeline&) = default;

private:
    timeline() = default;

    [[nodiscard]] error no_such_hct(int hct_number) const {
        return error(errc::not_allowed, "timeline.hct_number", std::to_string(hct_number),
                     detail::concat({"1 to ", std::to_string(hct_count())}));
    }

    std::vector<hct_event> hcts_;
};

/// "HCT1 2024-05-01 2024-05-02; HCT2 2025-01-10": each HCT with its infusion dates.
[[nodiscard]] inline std::string to_string(const timeline& t) {
    std::string s;
    for (const auto& h : t.hcts()) {
        if (!s.empty()) {
            s += "; ";
        }
        s += "HCT";
        s += std::to_string(h.number);
        for (const sys_days d : h.infusion_dates) {
            s += ' ';
            s += to_string(d);
        }
    }
    return s;
}

/// Reads back what to_string(timeline) prints. HCTs must be numbered 1, 2, ... in order, and
/// every rule of the builders above applies.
[[nodiscard]] inline result<timeline> parse_timeline(std::string_view text,
                                                     std::string_view field = "timeline") {
    std::string_view rest = detail::trim(text);
    std::optional<timeline> t;
    int expected_number = 1;
    while (!rest.empty()) {
        const std::size_t semi = rest.find(';');
        std::string_view part = detail::trim(rest.substr(0, semi));
        rest = semi == std::string_view::npos ? std::string_view{} : detail::trim(rest.substr(semi + 1));
        std::string label("HCT");
        label += std::to_string(expected_number);
        if (part.substr(0, label.size()) != label ||
            (part.size() > label.size() && !detail::is_space(part[label.size()]))) {
            return error(errc::syntax, std::string(field), detail::quote_input(part),
                         detail::concat({"'", label, " YYYY-MM-DD [YYYY-MM-DD ...]'"}));
        }
        part = detail::trim(part.substr(label.size()));
        std::vector<sys_days> dates;
        while (!part.empty()) {
            std::size_t sp = 0;
            while (sp < part.size() && !detail::is_space(part[sp])) {
                ++sp;
            }
            auto d = parse_date(part.substr(0, sp), field);
            if (!d) {
                return d.error();
            }
            dates.push_back(*d);
            part = detail::trim(part.substr(sp));
        }
        if (dates.empty()) {
            return error(errc::missing, std::string(field), label, "at least one infusion date");
        }
        if (!std::is_sorted(dates.begin(), dates.end())) {
            return error(errc::inconsistent, std::string(field), label,
                         "infusion dates in ascending order");
        }
        if (!t) {
            auto first = timeline::from_infusions(dates);
            if (!first) {
                return first.error();
            }
            t = std::move(*first);
        } else {
            auto next = t->with_subsequent_hct(dates.front());
            if (!next) {
                return next.error();
            }
            t = std::move(*next);
            for (std::size_t i = 1; i < dates.size(); ++i) {
                auto more = t->with_infusion(dates[i]);
                if (!more) {
                    return more.error();
                }
                t = std::move(*more);
            }
        }
        ++expected_number;
    }
    if (!t) {
        return error(errc::missing, std::string(field), "", "at least one HCT");
    }
    return *t;
}

}  // namespace hsct

#endif  // HSCT_CORE_TIMELINE_HPP
