// Tests for include/hsct/testing/properties.hpp: each property holds on hsct's own machines,
// logs, text forms and streams, and fails, saying why, when it should.
#include <hsct/testing/properties.hpp>

#include <hsct/core/transplant_day.hpp>

#include <chrono>
#include <cstdint>
#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include "workflow/episode_fixture.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_testing_properties_test {

namespace ht = hsct::testing;
namespace w = hsct::workflow;
namespace eng = hsct::engraftment;
using namespace hsct_test_workflow_fixture;

w::episode_log allo_log() {
    w::episode_log log(w::log_header{who("EP-7"), w::transplant_kind::allogeneic, referral});
    for (const auto& r : journey(w::transplant_kind::allogeneic, {w::episode_event::acute_gvhd, w::episode_event::death})) {
        REQUIRE_FALSE(log.append(r));
    }
    return log;
}

TEST_CASE("replay equals live for episode and custody logs", "[testing][TEST-PROP-001]") {
    CHECK(ht::replay_equals_live(allo_log()));
    namespace g = hsct::graft;
    const sys_seconds t0 = referral;
    g::custody_log c(g::start_custody(product_din(), *g::custody_id::make("MRN-1"), t0, t0 + 24h * 30));
    g::custody_record r;
    r.event = g::custody_event::process;
    r.at = t0 + 1h;
    r.by = *g::custody_id::make("lab-1");
    REQUIRE_FALSE(c.append(r));
    CHECK(ht::replay_equals_live(c));
}

TEST_CASE("a rejected event changes nothing, on the episode machine", "[testing][TEST-PROP-002]") {
    for (const auto state : hsct::values<w::episode_state>()) {
        const auto ep = reach(state == w::episode_state::collection ? w::transplant_kind::autologous
                                                                    : w::transplant_kind::allogeneic,
                              state);
        REQUIRE(ep.has_value());
        for (const auto event : hsct::values<w::episode_event>()) {
            const auto check = ht::rejection_changes_nothing(*ep, well_formed(*ep, event));
            CAPTURE(hsct::id(state), hsct::id(event), check.failure);
            CHECK(check);
        }
    }
}

TEST_CASE("round trips of text forms, and what a lossy one looks like", "[testing][TEST-PROP-003]") {
    const auto print = [](const hsct::transplant_day& d) { return hsct::to_string(d); };
    const auto parse = [](std::string_view t) { return hsct::parse_transplant_day(t); };
    for (const std::int32_t n : {-30, -1, 0, 1, 14, 100, 365}) {
        CHECK(ht::text_round_trip(hsct::transplant_day::at(n), print, parse));
    }
    // A printer that drops the sign cannot round-trip D-7.
    const auto lossy = [](const hsct::transplant_day& d) {
        const auto n = d.number();
        return "D+" + std::to_string(n < 0 ? -n : n);
    };
    const auto bad = ht::text_round_trip(hsct::transplant_day::at(-7), lossy, parse);
    CHECK_FALSE(bad);
    CHECK(bad.failure == "'D+7' reads back to another value");
    const auto unreadable = ht::text_round_trip(
        hsct::transplant_day::at(3), [](const hsct::transplant_day&) { return std::string("day three"); }, parse);
    CHECK_FALSE(unreadable);
    CHECK(unreadable.failure.starts_with("'day three' does not read back: "));
    std::ostringstream os;
    os << bad;
    CHECK(os.str() == "property fails: 'D+7' reads back to another value");

    const auto log = allo_log();
    CHECK(ht::log_text_round_trip(log));
    const std::vector<std::uint8_t> key = {1, 2, 3, 4};
    CHECK(ht::log_text_round_trip(log, w::log_key{key}));
}

TEST_CASE("a neutrophil stream ends where the batch rule ends, results in any order", "[testing][TEST-PROP-004][ENG-STREAM-001]") {
    std::mt19937 rng(16);
    std::vector<eng::count_record<hsct::anc>> results;
    const double values[] = {1.4, 0.9, 0.3, 0.1, 0.05, 0.02, 0.1, 0.2, 0.4, 0.6, 0.8, 1.1, 1.6, 2.0};
    for (std::int32_t d = 0; d < 14; ++d) {
        results.push_back({hsct::transplant_day::at(d), hsct::anc(values[d], hsct::units::giga_per_l)});
    }
    CHECK(ht::stream_equals_batch(results));
    for (int shuffle = 0; shuffle < 20; ++shuffle) {
        std::shuffle(results.begin(), results.end(), rng);
        const auto check = ht::stream_equals_batch(results);
        CAPTURE(check.failure);
        CHECK(check);
    }
}

}  // namespace hsct_test_testing_properties_test
