// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the chain-of-custody machine (GRAFT-CUST-001..004): the input is read as
// a sequence of records (each: an event number, a time step, and which of the checked facts are
// right: the actor, the DIN, the recipient, the second verifier, a temperature excursion).
// Invariants, checked with __builtin_trap:
//  - apply (by value) and advance (in place) agree with the log and never leave a declared
//    state; a rejected record changes nothing and names the events allowed in the state, and an
//    accepted one is among them;
//  - the log keeps exactly the accepted records, and replay of it equals the live state;
//  - nothing follows a terminal state.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include <hsct/graft/custody.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_graft_custody: %s\n", what);
    __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace g = hsct::graft;
    using namespace std::chrono_literals;
    static const g::din product = *g::parse_din("A999921123456");
    static const g::din other = *g::parse_din("G123417654321");
    static const g::custody_id recipient = *g::custody_id::make("MRN-0042");
    static const g::custody_id someone = *g::custody_id::make("MRN-0043");
    static const g::custody_id a = *g::custody_id::make("op-a");
    static const g::custody_id b = *g::custody_id::make("op-b");
    const std::chrono::sys_seconds t0{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1}};
    g::custody_log log(g::start_custody(product, recipient, t0, t0 + 48h));
    std::chrono::sys_seconds t = t0;
    std::size_t accepted = 0;
    for (std::size_t i = 0; i + 3 <= size; i += 3) {
        const std::uint8_t flags = data[i + 2];
        g::custody_record r;
        r.event = static_cast<g::custody_event>(data[i] % 14);  // 0 and 13: undeclared
        t += std::chrono::minutes(static_cast<int>(data[i + 1]) - 16);  // sometimes backwards
        r.at = t;
        if ((flags & 1U) == 0U) {
            r.by = a;
        }
        if ((flags & 2U) == 0U) {
            r.product = (flags & 4U) == 0U ? product : other;
        }
        r.recipient = (flags & 8U) == 0U ? recipient : someone;
        if ((flags & 16U) == 0U) {
            r.second_verifier = (flags & 32U) == 0U ? b : a;
        }
        r.temperature_excursion = (flags & 64U) != 0U;
        const g::custody before = log.state();
        const auto allowed = g::allowed_events(before);
        const auto rejected = log.append(r);
        auto in_place = before;  // advance() in place and apply() by value agree with the log
        const auto refused = g::advance(in_place, r);
        const auto step = g::apply(before, r);
        if (refused.has_value() != rejected.has_value() || !(in_place == log.state()) ||
            step.accepted() == rejected.has_value() || !(step.next == log.state())) {
            fail("advance, apply and the log disagree");
        }
        if (!is_valid(log.state().state)) {
            fail("an undeclared state");
        }
        if (rejected) {
            if (!(log.state() == before)) {
                fail("a rejected record changed the state");
            }
            if (rejected->allowed.size() != allowed.size()) {
                fail("a rejection names other allowed events");
            }
        } else {
            ++accepted;
            if (!allowed.contains(r.event)) {
                fail("an accepted event was not allowed");
            }
            if (is_terminal(before.state)) {
                fail("an event after a terminal state");
            }
        }
    }
    if (log.records().size() != accepted || log.state().events != accepted) {
        fail("the log does not hold exactly the accepted records");
    }
    const auto r = g::replay(log);
    if (r.refused_at || !(r.state == log.state())) {
        fail("replay differs from the live state");
    }
    return 0;
}
