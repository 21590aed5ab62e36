// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Sex and age, as the patient rules read them.
//
//   auto a = hsct::age::make(birth, transplant_date);   // result<age>
//   a->completed_years();                                            // 45
//   a->years(hsct::age_resolution::exact);                  // 45.73... (45 + the
//                                                                    // elapsed part of year 46)
//
// Whether a rule reads age in completed years or as a continuous number is a stated policy
// (PAT-AGE-002): it changes scores at the bins (is 40 years and 1 month "> 40"?). The default,
// as registries report it, is completed years at the reference date.
#ifndef HSCT_CORE_DEMOGRAPHICS_HPP
#define HSCT_CORE_DEMOGRAPHICS_HPP

#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/enum.hpp"

namespace hsct {

/// Sex as the published formulas use it (Devine IBW, EBMT donor-recipient sex). Not gender.
/// The numbers are stable (may be stored); read stored numbers with make_enum<sex>.
enum class sex : std::uint8_t { female = 1, male = 2 };

constexpr auto hsct_enum_table(sex) noexcept {
    return make_enum_table<sex>("sex", {
        {sex::female, "female", "female"},
        {sex::male, "male", "male"},
    });
}


/// Reads "female"/"male" (also "F"/"M", either case).
[[nodiscard]] inline result<sex> parse_sex(std::string_view text, std::string_view field = "sex") {
    const std::string_view t = hsct::detail::trim(text);
    if (t == "female" || t == "F" || t == "f" || t == "Female" || t == "FEMALE") {
        return sex::female;
    }
    if (t == "male" || t == "M" || t == "m" || t == "Male" || t == "MALE") {
        return sex::male;
    }
    return error(errc::syntax, std::string(field), hsct::detail::quote_input(t), "female or male");
}

/// How a rule reads age (PAT-AGE-002, policy). Stable numbers from 1 (0 is not a value).
enum class age_resolution : std::uint8_t {
    completed_years = 1,  ///< whole years lived (default; registries report age at HCT this way)
    /// Completed years plus the elapsed fraction of the current year of life (days since the
    /// last birthday / days from that birthday to the next), so that every birthday is a whole
    /// number (the first birthday is exactly 1.0, whatever leap days fall in the year).
    exact = 2,
};

constexpr auto hsct_enum_table(age_resolution) noexcept {
    return make_enum_table<age_resolution>("age_resolution", {
        {age_resolution::completed_years, "completed_years", "completed years"},
        {age_resolution::exact, "exact", "exact years"},
    });
}


/// An age at a reference date, kept in completed months and in days, so paediatric rules
/// (months) and adult rules (years) both read it exactly.
class age {
public:
    /// PAT-AGE-003 (policy): ages above 130 years are refused as data errors.
    static constexpr int max_years = 130;

    /// The age on `on` of someone born on `birth` (PAT-AGE-001). Completed months count a
    /// month when the day of the month is reached; someone born on the 29th, 30th or 31st
    /// completes the month on the 1st of the next month when the month is shorter (born
    /// 29 February: one year old on 1 March in a common year).
    /// Errors: birth after `on` (inconsistent); age over max_years (out_of_range); a date
    /// outside 1900-01-01 to 2199-12-31 (out_of_range, CORE-DAY-008).
    [[nodiscard]] static result<age> make(sys_days birth, sys_days on,
                                             std::string_view field = "age") {
        // Both dates inside CORE-DAY-008 (1900-2199), so the calendar arithmetic cannot wrap.
        if (auto c = hsct::check_date(birth, hsct::detail::concat({field, ".birth_date"})); !c) {
            return c.error();
        }
        if (auto c = hsct::check_date(on, hsct::detail::concat({field, ".reference_date"})); !c) {
            return c.error();
        }
        if (birth > on) {
            return error(errc::inconsistent, std::string(field),
                         hsct::detail::concat({"birth date ", hsct::to_string(birth)}),
                         hsct::detail::concat({"on or before the reference date ", hsct::to_string(on)}));
        }
        const std::chrono::year_month_day b{birth};
        const std::chrono::year_month_day r{on};
        int months = (static_cast<int>(r.year()) - static_cast<int>(b.year())) * 12 +
                     (static_cast<int>(static_cast<unsigned>(r.month())) -
                      static_cast<int>(static_cast<unsigned>(b.month())));
        if (static_cast<unsigned>(r.day()) < static_cast<unsigned>(b.day())) {
            --months;
        }
        const auto days_lived = (on - birth).count();
        if (months / 12 > max_years) {  // PAT-AGE-003
            return error(errc::out_of_range, std::string(field),
                         hsct::detail::concat({std::to_string(months / 12), " years"}),
                         "0-130 years");
        }
        // PAT-AGE-002: the elapsed fraction of the current year of life, from the last
        // birthday to the next (a 29 February birthday falls on 1 March in a common year).
        const int years_done = months / 12;
        const sys_days last = birthday_in(b, static_cast<int>(b.year()) + years_done);
        const sys_days next = birthday_in(b, static_cast<int>(b.year()) + years_done + 1);
        const double fraction = static_cast<double>((on - last).count()) /
                                static_cast<double>((next - last).count());
        return age(months, static_cast<std::int32_t>(days_lived), fraction);
    }

    /// An age given as completed years and months (when no birth date is known), e.g. a
    /// registry field. The exact age is taken as the start of that month of life: years +
    /// months / 12 (40 y 0 mo is exactly 40.0; 40 y 1 mo is 40.083).
    [[nodiscard]] static result<age> make(int years, int months,
                                                       std::string_view field = "age") {
        // PAT-AGE-003: 0-130 years (and a month part of 0-11)
        if (years < 0 || years > max_years || months < 0 || months > 11) {
            return error(errc::out_of_range, std::string(field),
                         hsct::detail::concat({std::to_string(years), " y ", std::to_string(months),
                                         " mo"}),
                         "0-130 years and 0-11 months");
        }
        const int total = years * 12 + months;
        // days at the start of that month of life, in mean Gregorian months
        const double days = total * 365.25 / 12.0;
        return age(total, static_cast<std::int32_t>(std::lround(days)),
                   static_cast<double>(months) / 12.0);
    }

    /// Whole years lived.
    [[nodiscard]] constexpr int completed_years() const noexcept { return months_ / 12; }
    /// Whole months lived (a 2-year-old who is 2 years and 3 months: 27).
    [[nodiscard]] constexpr int completed_months() const noexcept { return months_; }
    /// The months beyond the completed years (2 years 3 months: 3).
    [[nodiscard]] constexpr int months_part() const noexcept { return months_ % 12; }
    /// Days lived.
    [[nodiscard]] constexpr std::int32_t days() const noexcept { return days_; }
    /// Age as a number of years under a resolution policy (PAT-AGE-002): completed years, or
    /// completed years + the elapsed fraction of the current year of life (exact; a birthday
    /// is a whole number). Precondition (contract): is_valid(r); the rules check a stored
    /// resolution and refuse it first (CORE-ENUM-002).
    [[nodiscard]] constexpr double years(age_resolution r) const noexcept {
        HSCT_EXPECTS(hsct::is_valid(r), "age::years: age_resolution is not a declared value");
        return r == age_resolution::completed_years
                   ? static_cast<double>(completed_years())
                   : static_cast<double>(completed_years()) + year_fraction_;
    }

    friend constexpr bool operator==(const age&, const age&) noexcept = default;

private:
    constexpr age(int months, std::int32_t days, double year_fraction) noexcept
        : months_(months), days_(days), year_fraction_(year_fraction) {}
    /// The birthday of someone born on `b` in year `y`; a day that does not exist in that year
    /// (29 February in a common year) is the 1st of the next month, as PAT-AGE-001 counts.
    [[nodiscard]] static sys_days birthday_in(std::chrono::year_month_day b, int y) noexcept {
        const std::chrono::year_month_day d{std::chrono::year{y}, b.month(), b.day()};
        if (d.ok()) {
            return sys_days{d};
        }
        return sys_days{std::chrono::year{y} / b.month() / std::chrono::last} +
               std::chrono::days{1};
    }
    int months_;
    std::int32_t days_;
    double year_fraction_;  ///< elapsed part of the current year of life, 0 <= f < 1
};

/// "45 y 3 mo"
[[nodiscard]] inline std::string to_string(const age& a) {
    return hsct::detail::concat({std::to_string(a.completed_years()), " y ",
                           std::to_string(a.months_part()), " mo"});
}

/// Reads an age as to_string(age) writes it: "<years> y <months> mo", e.g. "45 y 3 mo"
/// (PAT-AGE-004). Blanks around and between the parts may be repeated; the units are exactly
/// "y" and "mo"; years 0-130 and months 0-11 (as age::make(years, months)).
///
/// Round trip: to_string does not print the days lived, so the parsed age is
/// age::make(years, months): it equals the original in completed years and completed
/// months (and prints the same text), but days() is the start of that month of life, not the
/// original count. Compare round trips with completed_months(), not with operator==.
/// Errors: syntax (not in that form, naming the expected form); out_of_range (as
/// age::make(years, months)).
[[nodiscard]] inline result<age> parse_age(std::string_view text, std::string_view field = "age") {
    const std::string_view t = hsct::detail::trim(text);
    auto bad = [&] {
        return error(errc::syntax, std::string(field), hsct::detail::quote_input(t),
                     "'<years> y <months> mo', e.g. '45 y 3 mo'");
    };
    // Splits off the next blank-separated word.
    std::string_view rest = t;
    auto next_word = [&rest]() -> std::string_view {
        rest = hsct::detail::trim(rest);
        std::size_t n = 0;
        while (n < rest.size() && !hsct::detail::is_space(rest[n])) {
            ++n;
        }
        const std::string_view w = rest.substr(0, n);
        rest.remove_prefix(n);
        return w;
    };
    // A run of decimal digits only (no sign, no decimals), at most 4 of them.
    auto read_count = [](std::string_view w) -> std::optional<int> {
        if (w.empty() || w.size() > 4) {
            return std::nullopt;
        }
        int v = 0;
        for (const char c : w) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    };
    const auto years = read_count(next_word());
    if (!years || next_word() != "y") {
        return bad();
    }
    const auto months = read_count(next_word());
    if (!months || next_word() != "mo" || !hsct::detail::trim(rest).empty()) {
        return bad();
    }
    return age::make(*years, *months, field);
}

}  // namespace hsct

#endif  // HSCT_CORE_DEMOGRAPHICS_HPP
