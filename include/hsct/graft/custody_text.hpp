// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the chain-of-custody machine (GRAFT-CUST-001..004), rendered from its data through a
// message catalogue:
//
//   hsct::graft::render(*rejection);
//   // "release refused in thawed: not the intended recipient [GRAFT-CUST-003]; allowed: quarantine,
//   //  release, discard"
//   hsct::graft::render(custody);   // "A9999 21 123456: thawed since 2026-03-02T09:10:00Z, 6 events accepted"
//
// Catalogue keys: group "custody", keys "refused_in", "allowed", "none_allowed", "since",
// "events_accepted"; enum labels by their table names (custody_event, custody_state,
// custody_refusal).
#ifndef HSCT_GRAFT_CUSTODY_TEXT_HPP
#define HSCT_GRAFT_CUSTODY_TEXT_HPP

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "hsct/core/date.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/graft/custody.hpp"

namespace hsct::graft {


/// "<event> refused in <state>: <reason> [<requirement>]; allowed: <event>, ..." (or "none
/// allowed" in a terminal state).
[[nodiscard]] inline std::string render(const custody_rejection& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({is_valid(r.event) ? cat.label(r.event) : std::string_view("(undeclared event)"),
                                          " ", cat.text("custody", "refused_in", "refused in"), " ",
                                          cat.label(r.state), ": ", cat.label(r.reason), " [", r.requirement, "]"});
    if (r.allowed.empty()) {
        s += hsct::detail::concat({"; ", cat.text("custody", "none_allowed", "no event allowed")});
        return s;
    }
    s += hsct::detail::concat({"; ", cat.text("custody", "allowed", "allowed"), ": "});
    const char* sep = "";
    for (std::uint8_t e = 1; e <= custody_event_count; ++e) {
        const auto ev = static_cast<custody_event>(e);
        if (r.allowed.contains(ev)) {
            s += hsct::detail::concat({sep, cat.label(ev)});
            sep = ", ";
        }
    }
    return s;
}

/// "<DIN printed>: <state> since <instant of the last event>, <n> events accepted".
[[nodiscard]] inline std::string render(const custody& c, const message_catalogue& cat = english()) {
    return hsct::detail::concat({c.product.printed(), ": ", cat.label(c.state), " ",
                                 cat.text("custody", "since", "since"), " ", hsct::to_string(c.last_at), ", ",
                                 std::to_string(c.events), " ", cat.text("custody", "events_accepted", "events accepted")});
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_CUSTODY_TEXT_HPP
