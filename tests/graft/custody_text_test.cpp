// Tests for include/hsct/graft/custody_text.hpp: a refusal with its reason, requirement and the
// events allowed; a custody's state; in English and through a second catalogue.
#include <hsct/graft/custody_text.hpp>

#include <chrono>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_custody_text_test {

namespace g = hsct::graft;
using namespace std::chrono_literals;

namespace {
const std::chrono::sys_seconds t0{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1}};
g::custody fresh() {
    return g::start_custody(*g::parse_din("A999921123456"), *g::custody_id::make("MRN-1"), t0, t0 + 24h * 30);
}
g::custody_record record(g::custody_event e, std::chrono::sys_seconds at) {
    g::custody_record r;
    r.event = e;
    r.at = at;
    r.by = *g::custody_id::make("operator-1");
    return r;
}
constexpr hsct::catalogue_entry german[] = {
    {"custody_event", "ship", "Versand"},
    {"custody_event", "process", "Aufbereitung"},
    {"custody_event", "quarantine", "Quarantaene"},
    {"custody_event", "discard", "Verwurf"},
    {"custody", "refused_in", "abgelehnt im Zustand"},
    {"custody", "allowed", "erlaubt"},
    {"custody_state", "collected", "entnommen"},
    {"custody_refusal", "not_allowed_here", "hier nicht erlaubt"},
};
}  // namespace

TEST_CASE("a refusal: the event, the state, why, and what is allowed", "[GRAFT-CUST-001][GRAFT-CUST-002][text]") {
    const auto c = fresh();
    const auto ship = g::apply(c, record(g::custody_event::ship, t0 + 1h));
    REQUIRE(ship.rejected.has_value());
    CHECK(g::render(*ship.rejected) ==
          "ship refused in collected: not allowed in this state [GRAFT-CUST-001]; allowed: process, quarantine, discard");
    const auto late = g::apply(c, record(g::custody_event::process, t0 - 1s));
    REQUIRE(late.rejected.has_value());
    CHECK(g::render(*late.rejected) == "process refused in collected: dated before the previous event "
                                       "[GRAFT-CUST-002]; allowed: process, quarantine, discard");
    auto done = c;
    done.state = g::custody_state::infused;
    CHECK(g::render(*g::apply(done, record(g::custody_event::discard, t0 + 1h)).rejected) ==
          "discard refused in infused: the product was infused or discarded [GRAFT-CUST-001]; no event allowed");
    auto odd = record(g::custody_event::process, t0 + 1h);
    odd.event = static_cast<g::custody_event>(77);
    CHECK(g::render(*g::apply(c, odd).rejected).starts_with("(undeclared event) refused in collected: not a declared event"));
}

TEST_CASE("a custody's state, since when, and how many events", "[GRAFT-CUST-001][text]") {
    auto c = fresh();
    CHECK(g::render(c) == "A9999 21 123456: collected since 2026-03-01T00:00:00Z, 0 events accepted");
    REQUIRE_FALSE(g::advance(c, record(g::custody_event::process, t0 + 9h + 10min)));
    CHECK(g::render(c) == "A9999 21 123456: processed since 2026-03-01T09:10:00Z, 1 events accepted");
}

TEST_CASE("a refusal through another catalogue", "[GRAFT-CUST-001][text]") {
    const hsct::table_catalogue de(german);
    const auto ship = g::apply(fresh(), record(g::custody_event::ship, t0 + 1h));
    CHECK(g::render(*ship.rejected, de) == "Versand abgelehnt im Zustand entnommen: hier nicht erlaubt "
                                           "[GRAFT-CUST-001]; erlaubt: Aufbereitung, Quarantaene, Verwurf");
}

}  // namespace hsct_test_graft_custody_text_test
