// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Calendar dates (std::chrono::sys_days) as hsct accepts them: the CORE-DAY-008 window, ISO 8601
// text in and out. The timeline (hsct/core/timeline.hpp) and every rule that reads a date (age,
// intervals) build on this header, which is small so that a rule needing only a date does not
// pay for the timeline.
#ifndef HSCT_CORE_DATE_HPP
#define HSCT_CORE_DATE_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

using std::chrono::sys_days;

/// "2024-03-10" (ISO 8601 calendar date).
[[nodiscard]] inline std::string to_string(sys_days d) {
    const std::chrono::year_month_day ymd{d};
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month());
    const unsigned day = static_cast<unsigned>(ymd.day());
    char buf[24];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, day);
    return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0U);
}

/// "2026-03-02T09:10:00Z": an instant as ISO 8601 UTC to the second (chain-of-custody and
/// infusion times). Any instant prints; one outside CORE-DAY-008's window prints its year as
/// the calendar arithmetic gives it.
[[nodiscard]] inline std::string to_string(std::chrono::sys_seconds t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::hh_mm_ss hms{t - day};
    char buf[16];
    const int n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(hms.hours().count()),
                                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return detail::concat({to_string(sys_days{day}), std::string_view(buf, n > 0 ? static_cast<std::size_t>(n) : 0U)});
}

/// CORE-DAY-008 (policy): the calendar dates hsct accepts, 1900-01-01 to 2199-12-31. Every
/// function that takes a date refuses one outside this window, so no date arithmetic can
/// overflow and every date prints and parses back.
/// Written as days since 1970-01-01 (1900-01-01 and 2199-12-31; the tests check the calendar
/// dates), so that no calendar computation is evaluated in every translation unit.
inline constexpr sys_days min_date{std::chrono::days{-25567}};
inline constexpr sys_days max_date{std::chrono::days{84005}};

/// Checks a date against [min_date, max_date]. Returns the date, or out_of_range.
[[nodiscard]] inline result<sys_days> check_date(sys_days d, std::string_view field = "date") {
    if (d < min_date || d > max_date) {
        const auto days_since_epoch = d.time_since_epoch().count();
        return error(errc::out_of_range, std::string(field),
                     detail::concat({"day ", detail::format_number(
                                                 static_cast<std::int64_t>(days_since_epoch)),
                                     " since 1970-01-01"}),
                     "1900-01-01 to 2199-12-31");
    }
    return d;
}

/// Reads an ISO 8601 calendar date "YYYY-MM-DD" between 1900-01-01 and 2199-12-31 and checks
/// that the day exists (2023-02-29 is refused).
[[nodiscard]] inline result<sys_days> parse_date(std::string_view text,
                                                 std::string_view field = "date") {
    const std::string_view t = detail::trim(text);
    const auto bad = [&](errc code, const char* expected) {
        return error(code, std::string(field), detail::quote_input(t), expected);
    };
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') {
        return bad(errc::syntax, "a calendar date YYYY-MM-DD");
    }
    const auto digits = [&](std::size_t pos, std::size_t len, int& out) {
        out = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (t[i] < '0' || t[i] > '9') {
                return false;
            }
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y = 0;
    int m = 0;
    int d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) {
        return bad(errc::syntax, "a calendar date YYYY-MM-DD");
    }
    const std::chrono::year_month_day ymd{std::chrono::year{y},
                                          std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) {
        return bad(errc::out_of_range, "a date that exists on the calendar");
    }
    if (!check_date(sys_days{ymd})) {
        return bad(errc::out_of_range, "1900-01-01 to 2199-12-31");
    }
    return sys_days{ymd};
}

}  // namespace hsct

#endif  // HSCT_CORE_DATE_HPP
