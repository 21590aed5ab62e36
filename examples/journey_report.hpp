// Example code, not part of hsct: the report helpers the two journey examples share
// (examples/patient_journey.cpp, examples/autologous_journey.cpp): times and transplant days as
// the report prints them, and the episode log each journey appends to, printing each event with
// the state it led to.
#ifndef HSCT_EXAMPLES_JOURNEY_REPORT_HPP
#define HSCT_EXAMPLES_JOURNEY_REPORT_HPP

#include <hsct/core/date.hpp>
#include <hsct/core/result.hpp>
#include <hsct/core/transplant_day.hpp>
#include <hsct/graft/custody.hpp>
#include <hsct/workflow/episode_log.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

namespace hsct_examples::journey_report {

/// A number with a fixed count of decimals ("2.01").
inline std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

/// A time of day on a calendar date (UTC, as the log stores it).
inline std::chrono::sys_seconds at(std::chrono::sys_days day, int hour, int minute = 0) {
    return std::chrono::sys_seconds{day} + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

/// "2025-03-10 13:30".
inline std::string hhmm(std::chrono::sys_seconds t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::hh_mm_ss hms{t - day};
    char buf[16];
    std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()));
    return hsct::to_string(std::chrono::sys_days{day}) + buf;
}

/// The transplant day of a date, counted from Day 0 ("D-5", "D0", "D+14").
inline std::string tday(std::chrono::sys_days date, std::chrono::sys_days day0) {
    return hsct::to_string(hsct::transplant_day::at(static_cast<std::int32_t>((date - day0).count())));
}

/// The episode's log and how the report prints each event appended to it.
struct journey {
    hsct::workflow::episode_log log;
    std::chrono::sys_days day0;  // planned, then the infusion's date
    bool ok = true;

    /// Appends an event the journey expects to be accepted, and prints it with the state it led to.
    void step(const hsct::workflow::episode_record& r, std::string_view note = {}) {
        const auto refused = log.append(r);
        std::cout << "  " << hhmm(r.at) << "  " << tday(std::chrono::floor<std::chrono::days>(r.at), day0) << "  "
                  << hsct::workflow::label(r.event) << " (by " << r.by.text() << ")";
        if (refused) {
            std::cout << ": UNEXPECTEDLY REFUSED: " << hsct::workflow::label(refused->reason) << "\n";
            ok = false;
            return;
        }
        if (r.recorded_at != r.at) {
            std::cout << ", recorded " << hhmm(r.recorded_at);
        }
        std::cout << " -> " << hsct::workflow::label(log.state().state) << "\n";
        if (!note.empty()) {
            std::cout << "      " << note << "\n";
        }
    }
};

/// A product's chain of custody as the report walks it: each hand-over reads the DIN and names the
/// recipient, bedside verification has its second nurse, and each step is printed with the state
/// it led to (or the refusal).
struct custody_walk {
    hsct::graft::custody_log log;
    hsct::graft::din product;
    hsct::graft::custody_id recipient;
    hsct::graft::custody_id second_verifier;

    bool handover(hsct::graft::custody_event ev, std::chrono::sys_seconds when, const hsct::graft::custody_id& by) {
        hsct::graft::custody_record r;
        r.event = ev;
        r.at = when;
        r.by = by;
        r.product = product;
        r.recipient = recipient;
        if (ev == hsct::graft::custody_event::verify_at_bedside) {
            r.second_verifier = second_verifier;
        }
        const auto no = log.append(r);
        std::cout << "    " << hhmm(when) << "  " << hsct::graft::label(ev) << " (" << by.text() << ")"
                  << (no ? std::string(": REFUSED, ") + std::string(hsct::graft::label(no->reason))
                         : std::string(" -> ") + std::string(hsct::graft::label(log.state().state)))
                  << "\n";
        return !no;
    }
};

/// Prints a refused input and returns the example's exit code.
inline int fail(const hsct::error& err) {
    std::cout << "refused: " << err.message() << "\n";
    return 1;
}

}  // namespace hsct_examples::journey_report

#endif  // HSCT_EXAMPLES_JOURNEY_REPORT_HPP
