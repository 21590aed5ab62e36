// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the day, duration, date and timeline readers. The whole input goes to
// each of parse_transplant_day, parse_days, parse_date and parse_timeline. Invariants, checked
// with __builtin_trap:
//  - whatever parses prints (to_string) as text that parses back to an equal value, and that
//    text is a fixed point (printing the re-read value gives the same text);
//  - a parsed transplant_day lies in [min_offset, max_offset]; a parsed date in 1900-2199;
//  - the queries a parsed timeline offers (locate, day_of, date_of, infusion_days) do not
//    violate a contract for any of its own infusion dates, for the extreme transplant days
//    or for an HCT number it does not have; date_of never leaves 1900-2199 (CORE-DAY-008);
//  - moving a parsed day by a parsed duration (checked_add) gives a day in range or an error.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/hsct.hpp>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_transplant_day: %s: %s\n", what, detail.c_str());
    __builtin_trap();
}

template <class T, class Parse>
void round_trip(const char* what, const T& v, Parse parse) {
    const std::string text = hsct::to_string(v);
    const auto back = parse(text);
    if (!back) {
        fail(what, "'" + text + "' does not parse back: " + back.error().message());
    }
    if (!(*back == v)) {
        fail(what, "'" + text + "' parses back to '" + hsct::to_string(*back) + "'");
    }
    if (hsct::to_string(*back) != text) {
        fail(what, "'" + text + "' re-prints as '" + hsct::to_string(*back) + "'");
    }
}

bool in_window(std::chrono::sys_days d) { return d >= hsct::min_date && d <= hsct::max_date; }

void check_timeline(const hsct::timeline& t) {
    for (const hsct::hct_event& h : t.hcts()) {
        for (const std::chrono::sys_days d : h.infusion_dates) {
            const auto located = t.locate(d);
            if (located && t.date_of(located->day, located->hct_number) != d) {
                fail("timeline: date_of(locate(d)) != d", hsct::to_string(t));
            }
            const auto day = t.day_of(d, h.number);
            if (day && t.date_of(*day, h.number) != d) {
                fail("timeline: date_of(day_of(d)) != d", hsct::to_string(t));
            }
        }
        const auto days = t.infusion_days(h.number);
        if (!days || days->size() != h.infusion_dates.size() || days->empty() ||
            !days->front().is_day0()) {
            fail("timeline: infusion_days does not start at D0", hsct::to_string(t));
        }
        // The extreme days: date_of either gives a date inside CORE-DAY-008 that maps back,
        // or an out_of_range error; it never aborts or leaves the window.
        for (const int n : {hsct::transplant_day::min_offset, -1, 0, 1,
                            hsct::transplant_day::max_offset}) {
            const auto day = hsct::transplant_day::at(n);
            const auto date = t.date_of(day, h.number);
            if (date && (!in_window(*date) || t.day_of(*date, h.number) != day)) {
                fail("timeline: date_of outside the window or not inverse", hsct::to_string(t));
            }
            if (!date && date.error().code() != hsct::errc::out_of_range) {
                fail("timeline: date_of error is not out_of_range", date.error().message());
            }
        }
    }
    // An HCT number that does not exist is an error, never a contract violation.
    if (t.date_of(hsct::transplant_day{}, t.hct_count() + 1) ||
        t.infusion_days(t.hct_count() + 1) || t.day_of(t.day0(), 0)) {
        fail("timeline: a missing HCT was accepted", hsct::to_string(t));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    if (const auto d = hsct::parse_transplant_day(input)) {
        if (d->number() < hsct::transplant_day::min_offset ||
            d->number() > hsct::transplant_day::max_offset) {
            fail("transplant_day out of range", hsct::to_string(*d));
        }
        round_trip("transplant_day", *d,
                   [](std::string_view s) { return hsct::parse_transplant_day(s); });
    }
    if (const auto n = hsct::parse_days(input)) {
        round_trip("days", *n, [](std::string_view s) { return hsct::parse_days(s); });
        for (const auto from : {hsct::transplant_day::at(hsct::transplant_day::min_offset),
                                hsct::transplant_day{},
                                hsct::transplant_day::at(hsct::transplant_day::max_offset)}) {
            const auto moved = from.checked_add(*n);
            if (moved && (*moved - from) != *n) {
                fail("checked_add moved by another count", hsct::to_string(*n));
            }
        }
    }
    if (const auto date = hsct::parse_date(input)) {
        const std::chrono::year_month_day ymd{*date};
        if (!ymd.ok() || ymd.year() < std::chrono::year{1900} ||
            ymd.year() > std::chrono::year{2199}) {
            fail("date outside 1900-2199", hsct::to_string(*date));
        }
        round_trip("date", *date, [](std::string_view s) { return hsct::parse_date(s); });
    }
    if (const auto t = hsct::parse_timeline(input)) {
        round_trip("timeline", *t, [](std::string_view s) { return hsct::parse_timeline(s); });
        check_timeline(*t);
    }
    return 0;
}
