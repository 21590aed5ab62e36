// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Registry reporting time points: the follow-up forms CIBMTR and EBMT expect after each
// transplant, their nominal dates and contact-date windows, restarted by a subsequent HCT, and
// which of them are open on a given date.
//
//   using namespace hsct::follow_up;
//   auto t = hsct::timeline::single(hsct::sys_days{2024y / 3 / 1}).value();
//   reporting_input in{t, registry_form::cibmtr_post_ted_2450, hsct::sys_days{2026y / 3 / 1}};
//   auto s = reporting_schedule(in);          // result<std::vector<report_time_point>>
//   (*s)[1].nominal_date;                      // 2024-06-09 (Day +100)
//   (*s)[1].window_start;                      // 2024-05-25 (day 85)
//   auto open = open_on(*s, hsct::sys_days{2024y / 6 / 1});   // the Day 100 form's window
//
// FU-REP-001 CIBMTR follow-up forms [V] (CIBMTR Forms Instruction Manual, as the reference notes
// section 9.1 and their resolutions read it): Post-TED 2450 at 100 days, 6 months and annually;
// Post-Infusion Follow-Up 2100 at 100 days, 6 months, annually for 6 years, then every 2 years;
// the Pre-TED 2400 is due on Day 0 and may be submitted up to 2 weeks before the preparative
// regimen starts.
// FU-REP-002 EBMT [V-HB24 for the practice; P for the registry forms]: Day +100, then yearly (the
// issue's statement; the EBMT registry's MED-A forms were not read here).
// FU-REP-003 the nominal dates: Day +100 and the 6-month day 180 are day counts [V] (the manual's
// windows are in days; 6 months = day 180 per the resolutions K10); year N is the N-th calendar
// anniversary of Day 0 [V] (the CIBMTR Forms Instruction Manual, "Determining Contact Dates":
// report the date "as close to the 100-day, 6 month, or annual anniversary of infusion as
// possible"; read in the manual's page as the library's search returned it), a 29 February Day 0's
// anniversary being placed by `month_end_policy` (calendar.hpp).
// FU-REP-004 the windows: Day 100 is day 85-115 [V, printed]; 6 months day 150-210 [V, start
// printed, end derived from the printed +/- 30 days]; the 1-year contact of 2100 and 2450 must be
// after day 365 [V, December 2023 clarification], so its window starts on day 366; its end, and
// the later annual windows, are not in any source read here [U]: `annual_window` (default 45
// days, a recollection of older manuals) either side of the anniversary, so every anniversary's
// window is marked `policy` (the 1-year window's start is the verified rule). EBMT prints no
// window here: EBMT time points use 15 days either side of Day 100 and `annual_window` around each
// anniversary [P]. The Pre-TED window opens 2 weeks before the preparative regimen [V, printed]
// when its start is given (`reporting_input::preparative_start`, `subsequent_hct_info`), else 2
// weeks before Day 0 [P, marked policy]. A report whose window would leave CORE-DAY-008's dates
// ends the sequence (nothing is clamped).
// FU-REP-005 a subsequent HCT [V]: the sequence restarts from the new Day 0 with a new Pre-TED,
// except an autologous rescue for poor graft function or graft failure, or an infusion from the
// same donor for poor graft function or insufficient chimerism, which continue the earlier
// sequence. The earlier sequence's last form is the first one whose nominal date falls on or
// after the day before the subsequent HCT's preparative regimen (the day before its infusion
// without one): its contact date is that day; later ones are not due.
// FU-REP-006 errors: an `until` date before the first Day 0 or outside CORE-DAY-008, a subsequent
// HCT description for an HCT the timeline lacks or given twice, a preparative regimen start after
// its Day 0 or on or before the earlier HCT's Day 0, undeclared enums, an annual window outside
// 0-180 days.
#ifndef HSCT_FOLLOW_UP_REPORTING_HPP
#define HSCT_FOLLOW_UP_REPORTING_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/core/date.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/timeline.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/follow_up/calendar.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-REP-001/002: the form track a centre reports on.
enum class registry_form : std::uint8_t {
    cibmtr_post_ted_2450 = 1,       ///< CIBMTR TED track: Post-TED 2450
    cibmtr_post_infusion_2100 = 2,  ///< CIBMTR comprehensive (CRF) track: Post-Infusion Follow-Up 2100
    ebmt = 3,                       ///< EBMT registry: Day 100, then yearly
};

constexpr auto hsct_enum_table(registry_form) noexcept {
    using r = registry_form;
    return make_enum_table<registry_form>("registry_form", {
        {r::cibmtr_post_ted_2450, "cibmtr_post_ted_2450", "CIBMTR Post-TED (2450)"},
        {r::cibmtr_post_infusion_2100, "cibmtr_post_infusion_2100", "CIBMTR Post-Infusion Follow-Up (2100)"},
        {r::ebmt, "ebmt", "EBMT registry follow-up"},
    });
}

/// FU-REP-001..003: which report of the sequence.
enum class time_point_kind : std::uint8_t {
    pre_transplant = 1,  ///< CIBMTR Pre-TED 2400, due on Day 0
    day_100 = 2,
    month_6 = 3,
    anniversary = 4,     ///< year N (report_time_point::year)
};

constexpr auto hsct_enum_table(time_point_kind) noexcept {
    using k = time_point_kind;
    return make_enum_table<time_point_kind>("time_point_kind", {
        {k::pre_transplant, "pre_transplant", "pre-transplant essential data"},
        {k::day_100, "day_100", "Day 100"},
        {k::month_6, "month_6", "6 months"},
        {k::anniversary, "anniversary", "anniversary"},
    });
}

/// FU-REP-004: where a window's edges come from.
enum class window_source : std::uint8_t {
    printed = 1,    ///< printed in the source (Day 100: day 85-115)
    derived = 2,    ///< derived from a printed rule (6 months: +/- 30 days; 1 year: after day 365)
    policy = 3,     ///< no source read here: hsct's stated policy (annual_window, EBMT, a Pre-TED without its conditioning start)
};

constexpr auto hsct_enum_table(window_source) noexcept {
    return make_enum_table<window_source>("window_source", {
        {window_source::printed, "printed", "printed in the source"},
        {window_source::derived, "derived", "derived from the source's rule"},
        {window_source::policy, "policy", "hsct's stated policy (unverified)"},
    });
}

/// FU-REP-005: what a subsequent HCT is, for reporting.
enum class subsequent_hct_kind : std::uint8_t {
    new_transplant = 1,      ///< a new HCT: the sequence restarts (default)
    autologous_rescue = 2,   ///< autologous rescue for poor graft function or graft failure
    same_donor_boost = 3,    ///< the same donor's cells for poor graft function or insufficient chimerism
};

constexpr auto hsct_enum_table(subsequent_hct_kind) noexcept {
    using k = subsequent_hct_kind;
    return make_enum_table<subsequent_hct_kind>("subsequent_hct_kind", {
        {k::new_transplant, "new_transplant", "a new transplant (reporting restarts)"},
        {k::autologous_rescue, "autologous_rescue", "autologous rescue for poor graft function or graft failure"},
        {k::same_donor_boost, "same_donor_boost", "same-donor infusion for poor graft function or chimerism"},
    });
}

/// FU-REP-005: one HCT after the first, as reporting needs it.
struct subsequent_hct_info {
    int hct_number = 2;                             ///< its number on the timeline (2, 3, ...)
    subsequent_hct_kind kind = subsequent_hct_kind::new_transplant;
    std::optional<sys_days> preparative_start;      ///< the first day of its preparative regimen, if any
};

struct reporting_options {
    std::chrono::days annual_window{45};            ///< FU-REP-004 [U]: either side of each anniversary
    month_end_policy leap_day = month_end_policy::last_day_of_month;  ///< FU-REP-003: a 29 February Day 0
};

/// What reporting_schedule reads. HCTs after the first that `subsequent` does not describe are
/// new transplants with no preparative regimen recorded.
struct reporting_input {
    const hsct::timeline& timeline;
    registry_form form = registry_form::cibmtr_post_ted_2450;
    sys_days until{};                               ///< the calendar's last date (inclusive)
    std::span<const subsequent_hct_info> subsequent{};
    std::optional<sys_days> preparative_start{};    ///< the first HCT's conditioning start, if known (FU-REP-004)
};

/// FU-REP-001..005: one report of the sequence.
struct report_time_point {
    registry_form form = registry_form::cibmtr_post_ted_2450;
    int hct_number = 1;                    ///< the HCT whose Day 0 it counts from
    time_point_kind kind = time_point_kind::day_100;
    std::int32_t year = 0;                 ///< the anniversary's year (1, 2, ...); 0 otherwise
    hsct::transplant_day nominal;          ///< the nominal day, counted from that HCT's Day 0
    sys_days nominal_date{};
    sys_days window_start{};               ///< the contact-date window, both ends inclusive
    sys_days window_end{};
    window_source source = window_source::printed;
    bool closing = false;                  ///< the last report before a subsequent HCT restarts the sequence
    std::optional<sys_days> contact_date;  ///< fixed contact date of a closing report (FU-REP-005)
    const char* requirement = "";

    [[nodiscard]] bool open_on(sys_days d) const noexcept { return window_start <= d && d <= window_end; }

    friend bool operator==(const report_time_point& a, const report_time_point& b) noexcept {
        return a.form == b.form && a.hct_number == b.hct_number && a.kind == b.kind && a.year == b.year &&
               a.nominal == b.nominal && a.nominal_date == b.nominal_date && a.window_start == b.window_start &&
               a.window_end == b.window_end && a.source == b.source && a.closing == b.closing &&
               a.contact_date == b.contact_date && std::string_view(a.requirement) == b.requirement;
    }
};

namespace detail::reporting {
inline constexpr std::int32_t day_100 = 100;            ///< FU-REP-003 [V]
inline constexpr std::int32_t day_100_half_window = 15;  ///< FU-REP-004 [V]: day 85-115
inline constexpr std::int32_t month_6 = 180;             ///< FU-REP-003 [V] (K10)
inline constexpr std::int32_t month_6_half_window = 30;  ///< FU-REP-004 [V]: day 150-210
inline constexpr std::int32_t year_1_after = 365;        ///< FU-REP-004 [V]: 1-year contact > day 365
inline constexpr std::int32_t pre_ted_lead = 14;         ///< FU-REP-001 [V]: up to 2 weeks before conditioning
inline constexpr std::int32_t crf_annual_years = 6;      ///< FU-REP-001 [V]: 2100 yearly to 6 years, then every 2
/// FU-REP-006: the largest `annual_window` accepted (an input check), in days
inline constexpr std::int32_t max_annual_window = 180;

[[gnu::cold]] [[nodiscard]] inline error subsequent_error(std::size_t i, const char* leaf, std::string value,
                                                          std::string valid) {
    return error(errc::inconsistent,
                 field_ref(hsct::detail::concat({"reporting.subsequent[", std::to_string(i), "].", leaf})),
                 std::move(value), std::move(valid), "FU-REP-006");
}

/// Appends the reports of one HCT's sequence from `day0` up to `until`, and, when `close` is set,
/// up to the first one on or after it (that one closing, its contact date `close`).
template <class = void>
[[nodiscard]] std::optional<error> append_sequence(std::vector<report_time_point>& out, const reporting_input& in,
                                                   const reporting_options& o, int hct, sys_days day0,
                                                   std::optional<sys_days> prep_start, sys_days until,
                                                   std::optional<sys_days> close) {
    const bool cibmtr = in.form != registry_form::ebmt;
    // false: the sequence ends here (past `until`, or closed by a subsequent HCT)
    const auto push = [&](report_time_point p) {
        if (close && p.kind != time_point_kind::pre_transplant && p.nominal_date >= *close) {
            if (*close <= until) {  // FU-REP-005: due with its contact date fixed, whatever its nominal date
                p.closing = true;
                p.contact_date = *close;
                out.push_back(p);
            }
            return false;
        }
        if (p.nominal_date > until || p.window_start < min_date || p.window_end > max_date) {
            return false;  // past the calendar, or a window leaving CORE-DAY-008 (FU-REP-004)
        }
        out.push_back(p);
        return true;
    };
    const auto at = [&](time_point_kind k, std::int32_t day, std::int32_t before, std::int32_t after,
                        window_source src, const char* req) {
        report_time_point p;
        p.form = in.form;
        p.hct_number = hct;
        p.kind = k;
        p.nominal = hsct::transplant_day::at(day);
        p.nominal_date = day0 + std::chrono::days{day};
        p.window_start = day0 + std::chrono::days{day - before};
        p.window_end = day0 + std::chrono::days{day + after};
        p.source = src;
        p.requirement = req;
        return p;
    };
    if (cibmtr) {  // FU-REP-001: the Pre-TED, due on Day 0
        report_time_point p = at(time_point_kind::pre_transplant, 0, 0, 0,
                                 prep_start ? window_source::printed : window_source::policy, "FU-REP-001");
        const sys_days first = (prep_start ? *prep_start : day0) - std::chrono::days{pre_ted_lead};
        p.window_start = first;
        if (!push(p)) {
            return std::nullopt;
        }
    }
    const std::int32_t d100_half = day_100_half_window;
    if (!push(at(time_point_kind::day_100, day_100, d100_half, d100_half,
                 cibmtr ? window_source::printed : window_source::policy, cibmtr ? "FU-REP-004" : "FU-REP-002"))) {
        return std::nullopt;
    }
    if (cibmtr && !push(at(time_point_kind::month_6, month_6, month_6_half_window, month_6_half_window,
                           window_source::derived, "FU-REP-004"))) {
        return std::nullopt;
    }
    for (std::int32_t year = 1;; ++year) {
        // FU-REP-001: the 2100 form is yearly to year 6, then every 2 years
        if (in.form == registry_form::cibmtr_post_infusion_2100 && year > crf_annual_years &&
            (year - crf_annual_years) % 2 != 0) {
            continue;  // FU-REP-001: every 2 years after the sixth
        }
        auto date = add_years(day0, year, o.leap_day, "reporting.anniversary");
        if (!date) {
            return std::nullopt;  // past the date window (and so past `until`, which lies inside it)
        }
        const auto day = static_cast<std::int32_t>((*date - day0).count());
        if (day > hsct::transplant_day::max_offset) {
            return std::nullopt;
        }
        const auto half = static_cast<std::int32_t>(o.annual_window.count());
        report_time_point p = at(time_point_kind::anniversary, day, half, half, window_source::policy, "FU-REP-004");
        p.year = year;
        if (cibmtr && year == 1) {  // FU-REP-004 [V]: the 1-year contact is after day 365
            p.window_start = day0 + std::chrono::days{year_1_after + 1};
            if (p.window_end < p.window_start) {
                p.window_end = p.window_start;
            }
        }
        if (!push(p)) {
            return std::nullopt;
        }
    }
}
}  // namespace detail::reporting

/// FU-REP-001..006: every report due from the first HCT's Pre-TED (CIBMTR) or Day 100 (EBMT) up
/// to `until`, in order, restarted by each subsequent new transplant. Errors: see FU-REP-006.
template <class = void>
[[nodiscard]] result<std::vector<report_time_point>> reporting_schedule(const reporting_input& in,
                                                                        const reporting_options& o = {}) {
    namespace dr = detail::reporting;
    if (auto e = hsct::detail::check_enum(in.form, "reporting.form")) {
        return std::move(*e);
    }
    if (auto e = hsct::detail::check_enum(o.leap_day, "reporting_options.leap_day")) {
        return std::move(*e);
    }
    if (o.annual_window.count() < 0 || o.annual_window.count() > dr::max_annual_window) {
        return error(errc::out_of_range, "reporting_options.annual_window",
                     hsct::detail::concat({hsct::detail::format_number(std::int64_t{o.annual_window.count()}), " days"}),
                     "0-180 days", "FU-REP-006");
    }
    if (auto c = check_date(in.until, "reporting.until"); !c) {
        return c.error();
    }
    const auto hcts = in.timeline.hcts();
    if (in.until < hcts.front().day0) {
        return error(errc::out_of_range, "reporting.until", hsct::to_string(in.until),
                     hsct::detail::concat({"on or after the first Day 0 ", hsct::to_string(hcts.front().day0)}), "FU-REP-006");
    }
    // the description of each HCT after the first (defaults: a new transplant, no regimen recorded)
    for (std::size_t i = 0; i < in.subsequent.size(); ++i) {
        const subsequent_hct_info& s = in.subsequent[i];
        if (s.hct_number < 2 || s.hct_number > static_cast<int>(hcts.size())) {
            return dr::subsequent_error(i, "hct_number", std::to_string(s.hct_number),
                                        hsct::detail::concat({"an HCT after the first on the timeline: 2 to ",
                                                              std::to_string(hcts.size())}));
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (in.subsequent[j].hct_number == s.hct_number) {
                return dr::subsequent_error(i, "hct_number", std::to_string(s.hct_number), "each HCT described once");
            }
        }
        if (auto e = hsct::detail::check_enum(
                s.kind, field_ref(hsct::detail::concat({"reporting.subsequent[", std::to_string(i), "].kind"})))) {
            return std::move(*e);
        }
        const auto n = static_cast<std::size_t>(s.hct_number - 1);
        if (s.preparative_start) {
            if (*s.preparative_start > hcts[n].day0 || *s.preparative_start <= hcts[n - 1].day0) {
                return dr::subsequent_error(i, "preparative_start", hsct::to_string(*s.preparative_start),
                                            hsct::detail::concat({"after the earlier HCT's Day 0 ", hsct::to_string(hcts[n - 1].day0),
                                                                  " and on or before this HCT's Day 0 ",
                                                                  hsct::to_string(hcts[n].day0)}));
            }
        }
    }
    if (in.preparative_start &&
        (*in.preparative_start > hcts.front().day0 || !check_date(*in.preparative_start))) {
        return error(errc::out_of_range, "reporting.preparative_start", hsct::to_string(*in.preparative_start),
                     hsct::detail::concat({"on or before the first Day 0 ", hsct::to_string(hcts.front().day0),
                                           " (and from 1900-01-01)"}),
                     "FU-REP-006");
    }
    // HCT index k's description (k >= 1), or the defaults
    const auto info = [&](std::size_t k) {
        for (const subsequent_hct_info& s : in.subsequent) {
            if (static_cast<std::size_t>(s.hct_number - 1) == k) {
                return s;
            }
        }
        return subsequent_hct_info{static_cast<int>(k) + 1, subsequent_hct_kind::new_transplant, std::nullopt};
    };
    std::vector<report_time_point> out;
    // sequences: each starts at a new transplant and closes at the next one
    std::size_t start = 0;
    while (start < hcts.size()) {
        std::size_t next = start + 1;
        while (next < hcts.size() && info(next).kind != subsequent_hct_kind::new_transplant) {
            ++next;  // FU-REP-005: a rescue or boost continues the sequence
        }
        std::optional<sys_days> close;
        if (next < hcts.size()) {
            const subsequent_hct_info nx = info(next);
            close = (nx.preparative_start ? *nx.preparative_start : hcts[next].day0) - std::chrono::days{1};
        }
        const std::optional<sys_days> prep = start == 0 ? in.preparative_start : info(start).preparative_start;
        if (auto e = dr::append_sequence(out, in, o, hcts[start].number, hcts[start].day0, prep, in.until, close)) {
            return std::move(*e);
        }
        start = next;
        if (start < hcts.size() && hcts[start].day0 > in.until) {
            break;
        }
    }
    return out;
}

/// The reports whose contact-date window is open on `date` (both ends inclusive).
template <class = void>
[[nodiscard]] std::vector<report_time_point> open_on(std::span<const report_time_point> schedule, sys_days date) {
    std::vector<report_time_point> out;
    for (const report_time_point& p : schedule) {
        if (p.open_on(date)) {
            out.push_back(p);
        }
    }
    return out;
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_REPORTING_HPP
