// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// transplant_day: a day counted from Day 0, the day of infusion. D-7 is seven days before
// Day 0, D+100 a hundred days after it. There is no gap and no day "-0": the day before D0
// is D-1 (CORE-DAY-001). Differences are std::chrono::days; two days do not add.
//
//   auto d = hsct::transplant_day::at(-7);               // D-7
//   auto e = d + std::chrono::days{107};                 // D+100
//   std::chrono::days gap = e - d;                       // 107 days
//   auto p = hsct::parse_transplant_day("D+100");        // result<transplant_day>
#ifndef HSCT_CORE_TRANSPLANT_DAY_HPP
#define HSCT_CORE_TRANSPLANT_DAY_HPP

#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

/// A day of a transplant, relative to its Day 0. Four bytes, trivially copyable.
class transplant_day {
public:
    /// CORE-DAY-003 (hsct policy): the days hsct represents, 100 years of 365.25 days either
    /// side of Day 0. Wide enough for any pre-transplant work-up and lifelong follow-up;
    /// anything beyond is a data error, not a transplant day.
    static constexpr std::int32_t min_offset = -36525;
    static constexpr std::int32_t max_offset = 36525;

    /// Day 0.
    constexpr transplant_day() noexcept = default;

    /// The day `days_after_day0` days after Day 0 (negative: before it). Precondition
    /// (contract): within [min_offset, max_offset]. For untrusted input use make().
    [[nodiscard]] static constexpr transplant_day at(std::int32_t days_after_day0) {
        HSCT_EXPECTS(days_after_day0 >= min_offset && days_after_day0 <= max_offset,
                     "transplant_day::at: offset outside +-36525 days");
        return transplant_day(days_after_day0);
    }
    [[nodiscard]] static constexpr transplant_day at(std::chrono::days days_after_day0) {
        HSCT_EXPECTS(days_after_day0.count() >= min_offset &&
                         days_after_day0.count() <= max_offset,
                     "transplant_day::at: offset outside +-36525 days");
        return transplant_day(static_cast<std::int32_t>(days_after_day0.count()));
    }

    /// Checked construction from an untrusted day number.
    [[nodiscard]] static result<transplant_day> make(std::int64_t days_after_day0,
                                                     std::string_view field = "transplant_day") {
        if (days_after_day0 < min_offset || days_after_day0 > max_offset) {
            return error(errc::out_of_range, std::string(field),
                         detail::format_number(days_after_day0), range_text());
        }
        return transplant_day(static_cast<std::int32_t>(days_after_day0));
    }

    /// Days after Day 0 (negative before it): D-7 -> -7.
    [[nodiscard]] constexpr std::int32_t number() const noexcept { return d_; }
    /// The same as a duration from Day 0.
    [[nodiscard]] constexpr std::chrono::days since_day0() const noexcept {
        return std::chrono::days{d_};
    }

    [[nodiscard]] constexpr bool is_day0() const noexcept { return d_ == 0; }
    [[nodiscard]] constexpr bool before_day0() const noexcept { return d_ < 0; }
    [[nodiscard]] constexpr bool after_day0() const noexcept { return d_ > 0; }

    /// The day `n` days later (earlier for a negative n), checked: for a number of days that
    /// comes from data. Error: out_of_range when the result is outside
    /// [min_offset, max_offset] (no value of n overflows).
    [[nodiscard]] result<transplant_day> checked_add(
        std::chrono::days n, std::string_view field = "transplant_day") const {
        if (n.count() < std::int64_t{min_offset} - d_ || n.count() > std::int64_t{max_offset} - d_) {
            return error(errc::out_of_range, std::string(field),
                         detail::concat({"day ", detail::format_number(std::int64_t{d_}), " + ",
                                         detail::format_number(static_cast<std::int64_t>(n.count())),
                                         " d"}),
                         range_text());
        }
        return transplant_day(static_cast<std::int32_t>(d_ + n.count()));
    }

    /// Moves by a number of days. Precondition (contract): the result is in range; for a
    /// number of days from data use checked_add.
    constexpr transplant_day& operator+=(std::chrono::days n) {
        // Checked before adding, so no value of n can overflow.
        HSCT_EXPECTS(n.count() >= std::int64_t{min_offset} - d_ &&
                         n.count() <= std::int64_t{max_offset} - d_,
                     "transplant_day: result outside +-36525 days");
        d_ = static_cast<std::int32_t>(d_ + n.count());
        return *this;
    }
    constexpr transplant_day& operator-=(std::chrono::days n) {
        HSCT_EXPECTS(n.count() <= std::int64_t{d_} - min_offset &&
                         n.count() >= std::int64_t{d_} - max_offset,
                     "transplant_day: result outside +-36525 days");
        d_ = static_cast<std::int32_t>(d_ - n.count());
        return *this;
    }
    constexpr transplant_day& operator++() { return *this += std::chrono::days{1}; }
    constexpr transplant_day& operator--() { return *this -= std::chrono::days{1}; }

    [[nodiscard]] friend constexpr transplant_day operator+(transplant_day t, std::chrono::days n) {
        return t += n;
    }
    [[nodiscard]] friend constexpr transplant_day operator+(std::chrono::days n, transplant_day t) {
        return t += n;
    }
    [[nodiscard]] friend constexpr transplant_day operator-(transplant_day t, std::chrono::days n) {
        return t -= n;
    }
    /// Days from b to a: D+14 - D-7 = 21 days. (Across Day 0 there is no missing day.)
    [[nodiscard]] friend constexpr std::chrono::days operator-(transplant_day a,
                                                               transplant_day b) noexcept {
        return std::chrono::days{std::int64_t{a.d_} - std::int64_t{b.d_}};
    }

    friend constexpr bool operator==(transplant_day, transplant_day) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(transplant_day,
                                                      transplant_day) noexcept = default;

    /// "D-36525 to D+36525"
    [[nodiscard]] static std::string range_text() {
        std::string s("D");
        s += detail::format_number(std::int64_t{min_offset});
        s += " to D+";
        s += detail::format_number(std::int64_t{max_offset});
        return s;
    }

private:
    constexpr explicit transplant_day(std::int32_t d) noexcept : d_(d) {}
    std::int32_t d_{0};
};

/// "D-7", "D0", "D+100" (CORE-DAY-002).
[[nodiscard]] inline std::string to_string(transplant_day t) {
    if (t.is_day0()) {
        return "D0";
    }
    std::string s(t.after_day0() ? "D+" : "D");
    s += detail::format_number(std::int64_t{t.number()});
    return s;
}

/// Reads "D-7", "D0", "D+100" (a lower-case 'd' is accepted; surrounding white space is
/// ignored). Refused: "D-0" and "D+0" (Day 0 is written D0), a missing sign before a non-zero
/// number, leading zeros, inner spaces, and days outside the range (CORE-DAY-002).
[[nodiscard]] inline result<transplant_day> parse_transplant_day(
    std::string_view text, std::string_view field = "transplant_day") {
    const std::string_view t = detail::trim(text);
    const auto bad = [&] {
        return error(errc::syntax, std::string(field), detail::quote_input(t),
                     "D0, or D followed by a sign and a day number, e.g. D-7 or D+100");
    };
    if (t.size() < 2 || (t[0] != 'D' && t[0] != 'd')) {
        return bad();
    }
    const std::string_view rest = t.substr(1);
    if (rest == "0") {
        return transplant_day{};
    }
    if (rest.size() < 2 || (rest[0] != '+' && rest[0] != '-')) {
        return bad();
    }
    const std::string_view digits = rest.substr(1);
    if (digits.empty() || digits.size() > 9 || digits[0] == '0') {
        // "D-0", "D+0", leading zeros, or a number far too long to be a day.
        if (digits.size() > 9 && digits[0] != '0') {
            bool all_digits = true;
            for (const char c : digits) {
                all_digits = all_digits && c >= '0' && c <= '9';
            }
            if (all_digits) {
                return error(errc::out_of_range, std::string(field), detail::quote_input(t),
                             transplant_day::range_text());
            }
        }
        return bad();
    }
    std::int64_t n = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            return bad();
        }
        n = n * 10 + (c - '0');
    }
    if (rest[0] == '-') {
        n = -n;
    }
    if (n < transplant_day::min_offset || n > transplant_day::max_offset) {
        return error(errc::out_of_range, std::string(field), detail::quote_input(t),
                     transplant_day::range_text());
    }
    return transplant_day::at(static_cast<std::int32_t>(n));
}

/// "12 d": a duration in days, printed with the UCUM unit "d".
[[nodiscard]] inline std::string to_string(std::chrono::days n) {
    return detail::concat({detail::format_number(static_cast<std::int64_t>(n.count())), " d"});
}

/// Reads "12 d" (or "12 days", "1 day"; the sign is optional) back into std::chrono::days.
/// Accepts any count that fits in 32 bits, so it reads back every duration hsct prints.
[[nodiscard]] inline result<std::chrono::days> parse_days(std::string_view text,
                                                          std::string_view field = "days") {
    const std::string_view t = detail::trim(text);
    std::size_t i = 0;
    while (i < t.size() && !detail::is_space(t[i]) && (t[i] < 'a' || t[i] > 'z')) {
        ++i;
    }
    const std::string_view unit = detail::trim(t.substr(i));
    const auto n = detail::read_integer(t.substr(0, i));
    if (!n || (unit != "d" && unit != "days" && unit != "day")) {
        return error(errc::syntax, std::string(field), detail::quote_input(t),
                     "a whole number of days, e.g. '12 d'");
    }
    if (*n < -2147483648LL || *n > 2147483647LL) {
        return error(errc::out_of_range, std::string(field), detail::quote_input(t),
                     "-2147483648 d to 2147483647 d");
    }
    return std::chrono::days{*n};
}

}  // namespace hsct

#endif  // HSCT_CORE_TRANSPLANT_DAY_HPP
