// Tests for include/hsct/graft/custody.hpp: the chain-of-custody machine over the whole product of
// states and events, a cryopreserved PBSC product from collection to infusion with each refusal,
// the thaw-to-infusion limit below, at and above, and replay of the log.
#include <hsct/graft/custody.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_custody_test {

namespace g = hsct::graft;
using namespace std::chrono_literals;
using S = g::custody_state;
using E = g::custody_event;

namespace {
const g::din product = *g::parse_din("A999921123456");
const g::din other_product = *g::parse_din("A999921123457");
const g::custody_id recipient = *g::custody_id::make("MRN-0042");
const g::custody_id nurse = *g::custody_id::make("nurse-1");
const g::custody_id doctor = *g::custody_id::make("doctor-2");
const std::chrono::sys_seconds t0 = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + 8h;

g::custody start(bool cryo, S state) {
    auto c = g::start_custody(product, recipient, t0, t0 + std::chrono::hours(24 * 365));
    c.cryopreserved = cryo;
    c.state = state;
    c.quarantined_from = S::stored;
    return c;
}

// A record that satisfies every check but the transition itself.
g::custody_record good(E e, std::chrono::sys_seconds at) {
    g::custody_record r;
    r.event = e;
    r.at = at;
    r.by = nurse;
    r.product = product;
    r.recipient = recipient;
    r.second_verifier = doctor;
    return r;
}

// The expected machine, written out from issue 11's chain independently of the library's table:
// {from, event, fresh product's next, cryopreserved product's next}; S{} = refused.
struct expect_row {
    S from;
    E event;
    S fresh;
    S cryo;
};
constexpr S none{};
constexpr expect_row expected[] = {
    {S::collected, E::process, S::processed, S::processed},
    {S::processed, E::cryopreserve, S::cryopreserved, S::cryopreserved},
    {S::processed, E::ship, S::shipped, none},
    {S::processed, E::release, S::released, none},
    {S::cryopreserved, E::store, S::stored, S::stored},
    {S::stored, E::ship, S::shipped, S::shipped},
    {S::stored, E::thaw, S::thawed, S::thawed},
    {S::shipped, E::receive, S::received, S::received},
    {S::received, E::store, none, S::stored},
    {S::received, E::thaw, none, S::thawed},
    {S::received, E::release, S::released, none},
    {S::thawed, E::release, S::released, S::released},
    {S::released, E::verify_at_bedside, S::verified_at_bedside, S::verified_at_bedside},
    {S::verified_at_bedside, E::infuse, S::infused, S::infused},
};

S expected_next(S from, E e, bool cryo) {
    if (from == S::infused || from == S::discarded) {
        return none;
    }
    if (e == E::discard) {
        return S::discarded;
    }
    if (e == E::quarantine) {
        const bool before_release = from == S::collected || from == S::processed || from == S::cryopreserved ||
                                    from == S::stored || from == S::received || from == S::thawed;
        return before_release ? S::quarantined : none;
    }
    if (e == E::release_from_quarantine) {
        return from == S::quarantined ? S::stored : none;  // start() quarantines from stored
    }
    for (const auto& r : expected) {
        if (r.from == from && r.event == e) {
            return cryo ? r.cryo : r.fresh;
        }
    }
    return none;
}
}  // namespace

TEST_CASE("every (state, event) pair: the next state, or a rejection that changes nothing", "[GRAFT-CUST-001]") {
    std::size_t accepted = 0;
    std::size_t refused = 0;
    for (const bool cryo : {false, true}) {
        for (std::uint8_t s = 1; s <= g::custody_state_count; ++s) {
            for (std::uint8_t e = 1; e <= g::custody_event_count; ++e) {
                const auto from = static_cast<S>(s);
                const auto ev = static_cast<E>(e);
                INFO(id(from) << " + " << id(ev) << (cryo ? " (cryopreserved)" : " (fresh)"));
                const auto c = start(cryo, from);
                const auto step = g::apply(c, good(ev, t0 + 1h));
                const S want = expected_next(from, ev, cryo);
                auto in_place = c;  // advance() is the same step, in place
                const auto no = g::advance(in_place, good(ev, t0 + 1h));
                CHECK(in_place == step.next);
                CHECK(no.has_value() == !step.accepted());
                if (no && step.rejected) {
                    CHECK(no->reason == step.rejected->reason);
                    CHECK(no->allowed == step.rejected->allowed);
                }
                CHECK(step.accepted() == (want != none));
                CHECK(g::allowed_events(c).contains(ev) == (want != none));
                if (step.accepted()) {
                    ++accepted;
                    CHECK(step.next.state == want);
                    CHECK(step.next.events == c.events + 1);
                } else {
                    ++refused;
                    CHECK(step.next == c);  // unchanged
                    CHECK(step.rejected->state == from);
                    CHECK(step.rejected->event == ev);
                    CHECK(step.rejected->allowed.size() == g::allowed_events(c).size());
                    CHECK(step.rejected->reason ==
                          (from == S::infused || from == S::discarded ? g::custody_refusal::terminal
                                                                      : g::custody_refusal::not_allowed_here));
                }
            }
        }
    }
    CHECK(accepted > 40);
    CHECK(refused > 150);
    // an undeclared event number
    const auto bad = g::apply(start(false, S::collected), good(static_cast<E>(99), t0 + 1h));
    REQUIRE_FALSE(bad.accepted());
    CHECK(bad.rejected->reason == g::custody_refusal::unknown_event);
}

TEST_CASE("a cryopreserved PBSC product from collection to infusion, with every refusal on the way",
          "[GRAFT-CUST-001][GRAFT-CUST-002][GRAFT-CUST-003][GRAFT-CUST-004][HB24]") {
    g::custody_log log(g::start_custody(product, recipient, t0, t0 + std::chrono::hours(24 * 365)));
    auto t = t0;
    const auto next = [&t](std::chrono::minutes m) { return t += m; };
    CHECK_FALSE(log.append(good(E::process, next(60min))));
    CHECK_FALSE(log.append(good(E::cryopreserve, next(60min))));
    CHECK_FALSE(log.append(good(E::store, next(60min))));
    CHECK_FALSE(log.append(good(E::ship, next(24h))));
    // receipt after a temperature excursion: refused; quarantine first
    auto hot = good(E::receive, next(5h));
    hot.temperature_excursion = true;
    CHECK(log.append(hot)->reason == g::custody_refusal::temperature_excursion);
    CHECK(log.state().state == S::shipped);
    CHECK_FALSE(log.append(good(E::receive, t)));
    CHECK_FALSE(log.append(good(E::quarantine, next(10min))));
    CHECK(log.state().state == S::quarantined);
    CHECK_FALSE(log.append(good(E::release_from_quarantine, next(60min))));
    CHECK(log.state().state == S::received);
    // an event dated before the previous one
    CHECK(log.append(good(E::thaw, t - 1min))->reason == g::custody_refusal::out_of_order);
    CHECK_FALSE(log.append(good(E::thaw, next(24h))));
    const auto thawed = t;
    // release to the wrong recipient, or with another product's DIN
    auto wrong = good(E::release, next(2min));
    wrong.recipient = *g::custody_id::make("MRN-0043");
    CHECK(log.append(wrong)->reason == g::custody_refusal::wrong_recipient);
    auto swapped = good(E::release, t);
    swapped.product = other_product;
    CHECK(log.append(swapped)->reason == g::custody_refusal::wrong_product);
    auto unread = good(E::release, t);
    unread.product.reset();
    CHECK(log.append(unread)->reason == g::custody_refusal::no_product_read);
    CHECK_FALSE(log.append(good(E::release, t)));
    // bedside verification by one person, then by the same person twice
    auto alone = good(E::verify_at_bedside, next(3min));
    alone.second_verifier.reset();
    CHECK(log.append(alone)->reason == g::custody_refusal::no_second_verifier);
    auto twice = good(E::verify_at_bedside, t);
    twice.second_verifier = nurse;
    CHECK(log.append(twice)->reason == g::custody_refusal::same_verifier);
    CHECK_FALSE(log.append(good(E::verify_at_bedside, t)));
    // infusion: 20 minutes after thawing is within the limit; 20 min 1 s is not
    const auto late = log.append(good(E::infuse, thawed + 20min + 1s));
    REQUIRE(late);
    CHECK(late->reason == g::custody_refusal::thaw_limit_exceeded);
    CHECK(std::string(late->requirement) == "GRAFT-CUST-004");
    CHECK_FALSE(log.append(good(E::infuse, thawed + 20min)));
    CHECK(log.state().state == S::infused);
    // terminal: nothing more, not even discard
    const auto after = log.append(good(E::discard, t + 1h));
    REQUIRE(after);
    CHECK(after->reason == g::custody_refusal::terminal);
    CHECK(after->allowed.empty());
    // replay folds the kept records to the live state
    const auto r = g::replay(log);
    CHECK_FALSE(r.refused_at.has_value());
    CHECK(r.state == log.state());
    CHECK(log.records().size() == log.state().events);
}

TEST_CASE("who, when and expiry", "[GRAFT-CUST-002]") {
    auto c = g::start_custody(product, recipient, t0, t0 + 48h);
    auto anon = good(E::process, t0 + 1h);
    anon.by = g::custody_id{};
    CHECK(g::apply(c, anon).rejected->reason == g::custody_refusal::no_actor);
    // at the expiry itself the event is accepted; a second later it is not, but discard still is
    CHECK(g::apply(c, good(E::process, t0 + 48h)).accepted());
    CHECK(g::apply(c, good(E::process, t0 + 48h + 1s)).rejected->reason == g::custody_refusal::expired);
    CHECK(g::apply(c, good(E::discard, t0 + 48h + 1s)).accepted());
    CHECK(g::apply(c, good(E::quarantine, t0 + 48h + 1s)).accepted());
    // the same instant as the previous event is in order
    CHECK(g::apply(c, good(E::process, t0)).accepted());
    CHECK(g::custody_id::make("").error().code() == hsct::errc::out_of_range);
    CHECK(g::custody_id::make(std::string(33, 'x')).error().code() == hsct::errc::out_of_range);
    CHECK(g::custody_id::make("a\tb").error().code() == hsct::errc::syntax);
    CHECK(g::custody_id::make(std::string(32, 'x'))->text().size() == 32);
}

TEST_CASE("a replayed log that was tampered with stops at the first refused record", "[GRAFT-CUST-001]") {
    g::custody_log log(g::start_custody(product, recipient, t0, t0 + 48h));
    REQUIRE_FALSE(log.append(good(E::process, t0 + 1h)));
    REQUIRE_FALSE(log.append(good(E::release, t0 + 2h)));
    std::vector<g::custody_record> edited = log.records();
    edited[1].recipient = *g::custody_id::make("MRN-9999");
    const auto r = g::replay(log.start(), edited.data(), edited.size());
    REQUIRE(r.refused_at.has_value());
    CHECK(*r.refused_at == 1U);
    CHECK(r.rejection->reason == g::custody_refusal::wrong_recipient);
    CHECK(r.state.state == S::processed);
}

TEST_CASE("docs/graft.md prints the diagram generated from the table", "[GRAFT-CUST-001][docs]") {
    std::ifstream f(HSCT_SOURCE_DIR "/docs/graft.md");
    REQUIRE(f.good());
    std::stringstream page;
    page << f.rdbuf();
    const std::string diagram = g::custody_diagram();
    CHECK(page.str().find("```mermaid\n" + diagram + "```") != std::string::npos);
    for (const auto& t : g::custody_path) {
        CHECK(diagram.find(std::string(id(t.from)) + " --> " + std::string(id(t.to))) != std::string::npos);
    }
}

TEST_CASE("a step allocates nothing, accepted or refused", "[GRAFT-CUST-001]") {
    auto c = start(false, S::collected);
    const auto ok = good(E::process, t0 + 1h);
    const auto bad = good(E::infuse, t0 + 2h);
    hsct_test::allocation_counter count;
    const auto accepted = g::advance(c, ok);
    const auto refused = g::advance(c, bad);
    const auto step = g::apply(c, bad);
    CHECK(count.count() == 0);
    CHECK_FALSE(accepted.has_value());
    CHECK(refused.has_value());
    CHECK_FALSE(step.accepted());
}

}  // namespace hsct_test_graft_custody_test
