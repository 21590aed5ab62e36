// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Calendar months and years after a date, as follow-up rules count them ("24 months after HCT",
// "8 months after the last IVIG", "the 2-year anniversary"), with the one case calendars disagree
// on named: a day that the target month lacks (31 January + 1 month; 29 February + 1 year).
//
//   using namespace hsct::follow_up;
//   auto d = add_months(hsct::sys_days{2024y / 3 / 1}, 24);       // 2026-03-01
//   auto e = add_months(hsct::sys_days{2024y / 1 / 31}, 1);       // 2024-02-29 (month end)
//   auto f = add_months(hsct::sys_days{2024y / 1 / 31}, 1,
//                       month_end_policy::roll_forward);          // 2024-03-01
//
// FU-CAL-001 calendar months [P]: n months after a date is the same day of the month n months
// later (the reference notes' worked example 11.9: 2024-03-01 + 24 months = 2026-03-01;
// 2025-09-15 + 8 months = 2026-05-15). Day counts (Day +100, day 365) are not months: they are
// transplant days (core/timeline.hpp).
// FU-CAL-002 a missing day [P]: `month_end_policy`, default `last_day_of_month` (31 January + 1
// month = 28/29 February: the reading of R lubridate's %m+% and of SAS INTNX with the "same"
// alignment); `roll_forward` gives the first day of the following month (a stated alternative,
// never a later date than the interval's end would suggest by more than the missing days).
// FU-CAL-003 errors: a date outside CORE-DAY-008's window, before or after the arithmetic.
#ifndef HSCT_FOLLOW_UP_CALENDAR_HPP
#define HSCT_FOLLOW_UP_CALENDAR_HPP

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/date.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-CAL-002: what n months after a day the target month lacks is.
enum class month_end_policy : std::uint8_t {
    last_day_of_month = 1,  ///< the target month's last day (default)
    roll_forward = 2,       ///< the first day of the month after the target month
};

constexpr auto hsct_enum_table(month_end_policy) noexcept {
    return make_enum_table<month_end_policy>("month_end_policy", {
        {month_end_policy::last_day_of_month, "last_day_of_month", "the last day of the target month"},
        {month_end_policy::roll_forward, "roll_forward", "the first day of the following month"},
    });
}

/// FU-CAL-003: the most months hsct adds, the whole 1900-2199 date window (300 years).
inline constexpr std::int32_t max_months = 3600;

namespace detail::calendar {
/// Months added to a valid year/month without overflow (|n| <= max_months, year within the window).
[[nodiscard]] constexpr std::chrono::year_month add(std::chrono::year_month ym, std::int32_t n) noexcept {
    const std::int32_t index = static_cast<std::int32_t>(static_cast<int>(ym.year())) * 12 +
                               static_cast<std::int32_t>(static_cast<unsigned>(ym.month())) - 1 + n;
    const std::int32_t y = index >= 0 ? index / 12 : -((-index + 11) / 12);
    const std::int32_t m = index - y * 12 + 1;
    return std::chrono::year_month{std::chrono::year{static_cast<int>(y)},
                                   std::chrono::month{static_cast<unsigned>(m)}};
}
}  // namespace detail::calendar

/// FU-CAL-001/002: the date `n` calendar months after `date` (before it for a negative n).
/// Errors (FU-CAL-003): `date` or the answer outside CORE-DAY-008 (1900-01-01 to 2199-12-31);
/// |n| above max_months; an undeclared policy.
[[nodiscard]] inline result<sys_days> add_months(sys_days date, std::int32_t n,
                                                 month_end_policy policy = month_end_policy::last_day_of_month,
                                                 std::string_view field = "date") {
    if (auto e = hsct::detail::check_enum(policy, "month_end_policy")) {
        return std::move(*e);
    }
    if (auto c = check_date(date, field); !c) {
        return c.error();
    }
    if (n < -max_months || n > max_months) {
        return error(errc::out_of_range, "months", hsct::detail::format_number(std::int64_t{n}),
                     "-3600 to 3600 months", "FU-CAL-003");
    }
    const std::chrono::year_month_day ymd{date};
    const auto ym = detail::calendar::add(ymd.year() / ymd.month(), n);
    const auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
    sys_days out{};
    if (ymd.day() <= last.day()) {
        out = sys_days{ym.year() / ym.month() / ymd.day()};
    } else if (policy == month_end_policy::last_day_of_month) {
        out = sys_days{last};
    } else {
        out = sys_days{last} + std::chrono::days{1};
    }
    if (auto c = check_date(out, field); !c) {
        return error(errc::out_of_range, std::string(field),
                     hsct::detail::concat({hsct::to_string(date), " + ", hsct::detail::format_number(std::int64_t{n}),
                                           " months"}),
                     "an answer from 1900-01-01 to 2199-12-31", "FU-CAL-003");
    }
    return out;
}

/// FU-CAL-001/002: `n` calendar years after `date` (12n months; 29 February under the policy).
[[nodiscard]] inline result<sys_days> add_years(sys_days date, std::int32_t n,
                                                month_end_policy policy = month_end_policy::last_day_of_month,
                                                std::string_view field = "date") {
    // FU-CAL-003: at most max_months / 12 (300) years either way
    if (n < -max_months / 12 || n > max_months / 12) {
        return error(errc::out_of_range, "years", hsct::detail::format_number(std::int64_t{n}),
                     "-300 to 300 years", "FU-CAL-003");
    }
    return add_months(date, n * 12, policy, field);
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_CALENDAR_HPP
