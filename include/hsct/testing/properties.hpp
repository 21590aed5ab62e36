// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Property checks users can run on their own data, in any test framework: each returns a
// `property_check` that converts to bool and, when it fails, says what differed.
//
//   #include <hsct/testing/properties.hpp>
//   namespace ht = hsct::testing;
//   CHECK(ht::replay_equals_live(my_log));                      // episode or custody log
//   CHECK(ht::rejection_changes_nothing(episode, record));      // episode or custody machine
//   CHECK(ht::log_text_round_trip(my_log, key));                 // write, read, write again
//   CHECK(ht::text_round_trip(v, [](auto& x) { return hsct::to_string(x); },
//                                [](std::string_view t) { return hsct::parse_transplant_day(t); }));
//   CHECK(ht::stream_equals_batch(anc_results));                 // neutrophil_stream == batch rule
//
// TEST-PROP-001 replay equals live: the fold of a log's records from its start is its state.
// TEST-PROP-002 a rejected event changes nothing: apply() refusing leaves the state equal to the
// one given; advance() in place agrees with apply().
// TEST-PROP-003 round trip of a text form: parse(print(v)) == v (and print of that == print(v));
// a log's text reads back to the same records and state, and writes back byte for byte.
// TEST-PROP-004 streaming equals batch: a neutrophil stream fed the results one at a time, in
// the order given, holds after the last what assess_neutrophil_engraftment gives on their series.
#ifndef HSCT_TESTING_PROPERTIES_HPP
#define HSCT_TESTING_PROPERTIES_HPP

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/engraftment/stream.hpp"
#include "hsct/graft/custody.hpp"
#include "hsct/workflow/episode.hpp"
#include "hsct/workflow/episode_log.hpp"

namespace hsct::testing {

/// The outcome of a property check: true, or false with what differed.
struct property_check {
    bool ok = true;
    std::string failure;  ///< empty when ok
    [[nodiscard]] explicit operator bool() const noexcept { return ok; }
    [[nodiscard]] static property_check pass() { return {}; }
    [[nodiscard]] static property_check fail(std::string why) { return {false, std::move(why)}; }
    friend std::ostream& operator<<(std::ostream& os, const property_check& c) {
        return os << (c.ok ? std::string("property holds") : "property fails: " + c.failure);
    }
};

/// TEST-PROP-001: an episode log's replay equals its live state.
template <class = void>
[[nodiscard]] property_check replay_equals_live(const workflow::episode_log& log) {
    const auto r = workflow::replay(log);
    if (r.refused_at) {
        return property_check::fail("record " + std::to_string(*r.refused_at) + " of the log is refused on replay");
    }
    if (!(r.state == log.state())) {
        return property_check::fail("the replayed episode differs from the live one");
    }
    return property_check::pass();
}

/// TEST-PROP-001: a custody log's replay equals its live state.
template <class = void>
[[nodiscard]] property_check replay_equals_live(const graft::custody_log& log) {
    const auto r = graft::replay(log);
    if (r.refused_at) {
        return property_check::fail("record " + std::to_string(*r.refused_at) + " of the log is refused on replay");
    }
    if (!(r.state == log.state())) {
        return property_check::fail("the replayed custody differs from the live one");
    }
    return property_check::pass();
}

namespace detail {
template <class State, class Record>
[[nodiscard]] property_check rejection_changes_nothing(const State& s, const Record& r) {
    const auto step = apply(s, r);
    State in_place = s;
    const auto refused = advance(in_place, r);
    if (refused.has_value() != step.rejected.has_value() || !(in_place == step.next)) {
        return property_check::fail("advance() in place and apply() disagree");
    }
    if (step.rejected && !(step.next == s)) {
        return property_check::fail("a rejected event changed the state");
    }
    if (step.rejected && step.rejected->allowed.contains(r.event) &&
        step.rejected->reason == decltype(step.rejected->reason)::not_allowed_here) {
        return property_check::fail("a rejection for 'not allowed here' lists the event as allowed");
    }
    return property_check::pass();
}
}  // namespace detail

/// TEST-PROP-002: the episode machine: a refusal leaves the episode as it was (an accepted event
/// passes too: the property is about refusals).
template <class = void>
[[nodiscard]] property_check rejection_changes_nothing(const workflow::episode& ep, const workflow::episode_record& r) {
    return detail::rejection_changes_nothing(ep, r);
}

/// TEST-PROP-002: the custody machine.
template <class = void>
[[nodiscard]] property_check rejection_changes_nothing(const graft::custody& c, const graft::custody_record& r) {
    return detail::rejection_changes_nothing(c, r);
}

/// TEST-PROP-003: parse(print(v)) == v and print(parse(print(v))) == print(v). `print` returns a
/// string; `parse` a hsct::result of the value's type.
template <class T, class Print, class Parse>
[[nodiscard]] property_check text_round_trip(const T& v, Print print, Parse parse) {
    const std::string text = print(v);
    const auto back = parse(std::string_view(text));
    if (!back) {
        return property_check::fail("'" + text + "' does not read back: " + back.error().message());
    }
    if (!(*back == v)) {
        return property_check::fail("'" + text + "' reads back to another value");
    }
    const std::string again = print(*back);
    if (again != text) {
        return property_check::fail("'" + text + "' prints again as '" + again + "'");
    }
    return property_check::pass();
}

/// TEST-PROP-003: an episode log's text reads back to the same header, records and state, and
/// writes back byte for byte (with the key, if one is given).
template <class = void>
[[nodiscard]] property_check log_text_round_trip(const workflow::episode_log& log, workflow::log_key key = {}) {
    const std::string text = workflow::write_episode_log(log, workflow::log_write_options{key});
    const auto back = workflow::read_episode_log(text, workflow::log_read_options{key});
    if (!back) {
        return property_check::fail("the log's text does not read back: " + back.error().message());
    }
    if (!(back->header() == log.header()) || !(back->records() == log.records())) {
        return property_check::fail("the log read back has other records");
    }
    if (!(back->state() == log.state())) {
        return property_check::fail("the log read back replays to another state");
    }
    if (workflow::write_episode_log(*back, workflow::log_write_options{key}) != text) {
        return property_check::fail("the log read back writes other text");
    }
    return property_check::pass();
}

/// TEST-PROP-004: a neutrophil stream fed `results` in the order given ends where the batch rule
/// on their series ends (status and day), under `options`.
template <class = void>
[[nodiscard]] property_check stream_equals_batch(std::span<const engraftment::count_record<anc>> results,
                                                 const engraftment::neutrophil_options& options = {}) {
    engraftment::neutrophil_stream s(options);
    for (const auto& r : results) {
        if (auto added = s.add(r); !added) {
            const auto batch = engraftment::consolidate<anc>(results);
            if (batch) {
                return property_check::fail("the stream refused a result the batch accepts: " + added.error().message());
            }
            return property_check::pass();  // both refuse
        }
    }
    const auto series = engraftment::consolidate<anc>(results);
    if (!series) {
        return property_check::fail("the batch refuses results the stream accepted: " + series.error().message());
    }
    const auto batch = engraftment::assess_neutrophil_engraftment(*series, options);
    if (!batch) {
        return property_check::fail("the batch rule refuses: " + batch.error().message());
    }
    const auto& live = s.result();
    if (live.status != batch->status || live.day != batch->day) {
        return property_check::fail("the stream ends " + std::string(hsct::id(live.status)) + " and the batch " +
                                    std::string(hsct::id(batch->status)));
    }
    return property_check::pass();
}

}  // namespace hsct::testing

#endif  // HSCT_TESTING_PROPERTIES_HPP
