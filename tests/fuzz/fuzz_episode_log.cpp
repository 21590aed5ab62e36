// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the episode machine and its log (WF-EP-001..005, WF-LOG-001..007). The
// first byte chooses what the rest is:
//  - even: the text of a log, read with and without a key. Invariants: verify_episode_log and
//    read_episode_log agree; a log read has a state equal to the replay of its records; a
//    version 2 text in LF form reads back byte for byte from what the writer writes (one
//    canonical form); the writer's text of anything read is read again to the same state.
//  - odd: a sequence of records (an event number, a time step, and which data are wrong) fed to
//    the machine through a log. Invariants: a refusal changes nothing and names the allowed
//    events; the written log reads back to the live state, with and without a key; with the key,
//    any one byte changed in the text is found (but a final LF made CR, which reads the same).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include <hsct/workflow/episode_log.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_episode_log: %s\n", what);
    __builtin_trap();
}

namespace w = hsct::workflow;
constexpr std::uint8_t key_bytes[] = {'f', 'u', 'z', 'z', '-', 'k', 'e', 'y'};
const w::log_key key{std::span<const std::uint8_t>(key_bytes)};

void text_mode(std::string_view text) {
    for (const bool keyed : {false, true}) {
        const w::log_read_options opt{keyed ? key : w::log_key{}};
        const auto c = w::verify_episode_log(text, opt);
        const auto r = w::read_episode_log(text, opt);
        if (c.ok() != r.has_value()) {
            fail("verify and read disagree");
        }
        if (!c.ok() && (!hsct::is_valid(c.problem->fault) || c.problem->line > text.size() + 1)) {
            fail("a problem without its fault, or on a line past the text");
        }
        if (!r) {
            continue;
        }
        const auto again = w::replay(*r);
        if (again.refused_at || !(again.state == r->state())) {
            fail("a log read differs from its replay");
        }
        const std::string out = w::write_episode_log(*r, w::log_write_options{opt.key});
        const bool canonical = c.version == 2 && text.find('\r') == std::string_view::npos && !text.empty() &&
                               text.back() == '\n';
        if (canonical && (keyed || text.find(" mac=") == std::string_view::npos) && out != text) {
            fail("a canonical log does not write back byte for byte");
        }
        const auto back = w::read_episode_log(out, opt);
        if (!back || !(back->state() == r->state())) {
            fail("the writer's text does not read back to the same state");
        }
    }
}

void machine_mode(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono_literals;
    const auto by = *w::actor_id::make("dr. fuzz %");
    const auto din = *hsct::graft::parse_din("A999921123456");
    const std::chrono::sys_seconds t0{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1}};
    w::episode_log log(w::log_header{by, (size % 2 == 0) ? w::transplant_kind::allogeneic : w::transplant_kind::autologous, t0});
    std::chrono::sys_seconds t = t0;
    std::size_t accepted = 0;
    for (std::size_t i = 0; i + 3 <= size && i < 3 * 400; i += 3) {
        const std::uint8_t flags = data[i + 2];
        t += std::chrono::hours(static_cast<int>(data[i + 1]) - 8);  // sometimes backwards
        w::episode_record r = w::episode_record::of(static_cast<w::episode_event>(data[i] % 23), t, by);
        if ((flags & 1U) != 0U) {
            r.by = w::actor_id{};
        }
        r.recorded_at = t + std::chrono::hours((flags >> 1U) & 3U) - ((flags & 8U) != 0U ? 1h : 0h);
        r.evaluation = w::evaluation_data{*hsct::patient::hct_ci_points::make(flags % 27),
                                          static_cast<hsct::patient::hct_ci_risk_group>(1 + flags % 4),
                                          *hsct::patient::karnofsky_score::make(10 * (flags % 11))};
        r.donor = w::donor_data{static_cast<hsct::donor::donor_kind>(flags % 10), static_cast<std::uint8_t>(flags % 13),
                                static_cast<std::uint8_t>(6 + 2 * (flags % 4))};
        r.conditioning = w::conditioning_data{static_cast<hsct::conditioning::conditioning_intensity>(1 + flags % 3),
                                              std::chrono::floor<std::chrono::days>(t) + std::chrono::days(flags % 9)};
        if ((flags & 16U) == 0U) {
            r.product.product = din;
        }
        r.product.custody = static_cast<hsct::graft::custody_state>(1 + flags % 12);
        r.product.cd34 = hsct::cell_dose(static_cast<double>(flags % 7) - 1.0, hsct::units::e6_per_kg);
        r.gvhd = w::gvhd_data{static_cast<hsct::follow_up::acute_gvhd_grade>(flags % 6),
                              static_cast<hsct::follow_up::chronic_gvhd_severity>(flags % 5), (flags & 32U) != 0U};
        r.cause = static_cast<hsct::follow_up::death_cause>(flags % 5);
        const w::episode before = log.state();
        const auto allowed = w::allowed_events(before);
        const auto rejected = log.append(r);
        const auto step = w::apply(before, r);
        if (step.accepted() == rejected.has_value() || !(step.next == log.state())) {
            fail("apply and the log disagree");
        }
        if (rejected) {
            if (!(log.state() == before) || !(rejected->allowed == allowed)) {
                fail("a refusal changed the state or names other events");
            }
        } else {
            ++accepted;
            if (!allowed.contains(r.event) || w::is_end(before.state)) {
                fail("an accepted event was not allowed");
            }
        }
    }
    if (log.records().size() != accepted) {
        fail("the log does not hold exactly the accepted records");
    }
    for (const bool keyed : {false, true}) {
        const w::log_key k = keyed ? key : w::log_key{};
        const std::string text = w::write_episode_log(log, w::log_write_options{k});
        const auto back = w::read_episode_log(text, w::log_read_options{k});
        if (!back || !(back->state() == log.state()) || !(back->records() == log.records())) {
            fail("the written log does not read back to the live state");
        }
        if (keyed && size > 0) {
            std::string changed = text;
            const std::size_t at = (static_cast<std::size_t>(data[0]) * 7919U + size) % changed.size();
            const char to = static_cast<char>(data[size - 1] == 0 ? 1 : data[size - 1]);
            if (changed[at] != to) {
                changed[at] = static_cast<char>(changed[at] ^ to);
                const bool benign = at + 1 == changed.size() && changed[at] == '\r';
                if (!benign && w::verify_episode_log(changed, w::log_read_options{k}).ok()) {
                    fail("a changed byte went unnoticed under the key");
                }
            }
        }
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    if (data[0] % 2 == 0) {
        text_mode(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    } else {
        machine_mode(data + 1, size - 1);
    }
    return 0;
}
