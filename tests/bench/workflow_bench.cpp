// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The workflow module, typed versus raw (BM_<case>_typed / BM_<case>_raw):
//  - episode_advance: advance() of each record of an allogeneic journey (referral, evaluation,
//    donor search, work-up and clearance, admission, conditioning, Day 0, engraftment, discharge,
//    follow-up, GVHD, relapse, death: 19 records, then again from a copy of the start), every
//    check made, against a hand-written switch over the same episode_record structs into the
//    same episode struct with the same checks (author, order, recorded time, data, guards) and
//    the same writes, but without the table, the rejection or the allowed set. Issue 15's
//    target: <= 15 ns an event. Agreement (the final states) checked once.
//  - log_read_10k: read_episode_log of a 10,000-entry log from its text (every line parsed,
//    every link checked, every entry replayed through the machine) against a raw pass over the
//    same text that only splits the lines, hashes each with SHA-256 and compares the previous
//    hash's hex: the chain check alone. Issue 15's target: <= 10 ms for the typed side.
// Costs (BM_<case>_cost): log_read_10k_keyed (the same with every MAC checked), log_write_10k
// (write_episode_log, no key).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hsct/workflow/episode_log.hpp>

namespace {
namespace w = hsct::workflow;
using namespace std::chrono_literals;
using E = w::episode_event;
using S = w::episode_state;

const std::chrono::sys_seconds t0{std::chrono::sys_days{std::chrono::year{2026} / 1 / 5}};

w::actor_id who() { return *w::actor_id::make("dr.bench"); }

w::episode_record record(E e, std::chrono::sys_seconds at) {
    w::episode_record r = w::episode_record::of(e, at, who());
    switch (e) {
        case E::complete_evaluation:
            r.evaluation = w::evaluation_data{*hsct::patient::hct_ci_points::make(2), hsct::patient::hct_ci_risk_group::intermediate,
                                              *hsct::patient::karnofsky_score::make(80)};
            break;
        case E::select_donor: r.donor = w::donor_data{hsct::donor::donor_kind::matched_unrelated, 8, 8}; break;
        case E::start_conditioning:
            r.conditioning = w::conditioning_data{hsct::conditioning::conditioning_intensity::reduced_intensity,
                                                  std::chrono::floor<std::chrono::days>(at) + std::chrono::days(6)};
            break;
        case E::infuse:
            r.product = w::product_data{*hsct::graft::parse_din("A999921123456"), hsct::graft::custody_state::verified_at_bedside,
                                        hsct::cell_dose(6.1, hsct::units::e6_per_kg)};
            break;
        case E::acute_gvhd: r.gvhd.acute = hsct::follow_up::acute_gvhd_grade::grade_2; break;
        case E::chronic_gvhd: r.gvhd.chronic = hsct::follow_up::chronic_gvhd_severity::mild; break;
        case E::death: r.cause = hsct::follow_up::death_cause::disease; break;
        default: break;
    }
    return r;
}

std::vector<w::episode_record> journey() {
    const E path[] = {E::begin_evaluation, E::complete_evaluation, E::select_donor, E::clear_donor, E::admit,
                      E::start_conditioning, E::infuse, E::neutrophil_engraftment, E::platelet_engraftment,
                      E::acute_gvhd, E::discharge, E::begin_follow_up, E::follow_up_visit, E::chronic_gvhd,
                      E::follow_up_visit, E::acute_gvhd, E::relapse, E::follow_up_visit, E::death};
    std::vector<w::episode_record> out;
    std::chrono::sys_seconds t = t0;
    for (const E e : path) {
        t += 24h * 3;
        out.push_back(record(e, t));
    }
    return out;
}

// ---- the raw machine: what a hand-written switch does with the same structs ----------------
bool raw_data_ok(const w::episode_record& r) {
    switch (r.event) {
        case E::complete_evaluation:
            return static_cast<unsigned>(r.evaluation.hct_ci_risk) - 1U < 3U;
        case E::select_donor:
            return static_cast<unsigned>(r.donor.kind) - 2U < 7U && r.donor.matched <= r.donor.out_of &&
                   (r.donor.out_of == 6 || r.donor.out_of == 8 || r.donor.out_of == 10 || r.donor.out_of == 12);
        case E::start_conditioning: return static_cast<unsigned>(r.conditioning.intensity) - 1U < 3U;
        case E::collect_product:
        case E::infuse: {
            const double v = r.product.cd34.in(hsct::units::e6_per_kg);
            return r.product.product.has_value() && static_cast<unsigned>(r.product.custody) - 1U < 12U && v > 0.0 && v < 1.0e6;
        }
        case E::acute_gvhd: return static_cast<unsigned>(r.gvhd.acute) - 1U < 4U;
        case E::chronic_gvhd: return static_cast<unsigned>(r.gvhd.chronic) - 1U < 3U;
        case E::death: return static_cast<unsigned>(r.cause) - 1U < 3U;
        default: return true;
    }
}

/// true: accepted (and written).
bool raw_advance(w::episode& ep, const w::episode_record& r) {
    if (static_cast<unsigned>(r.event) - 1U >= 21U || ep.state == S::died || ep.state == S::second_transplant ||
        ep.state == S::lost_to_follow_up || ep.state == S::withdrawn || r.by.empty() || r.at < ep.last_at ||
        r.recorded_at < r.at || !raw_data_ok(r)) {
        return false;
    }
    const auto day = std::chrono::floor<std::chrono::days>(r.at);
    const bool allo = ep.kind == w::transplant_kind::allogeneic;
    const bool after0 = ep.day0.has_value() && day > *ep.day0;
    const bool post = ep.state == S::engraftment_monitoring || ep.state == S::engrafted || ep.state == S::discharged ||
                      ep.state == S::follow_up;
    S to = ep.state;
    switch (r.event) {
        case E::begin_evaluation:
            if (ep.state != S::referred) return false;
            to = S::evaluation;
            break;
        case E::complete_evaluation:
            if (ep.state != S::evaluation) return false;
            to = allo ? S::donor_search : S::collection;
            ep.evaluation = r.evaluation;
            break;
        case E::select_donor:
            if (ep.state != S::donor_search) return false;
            to = S::donor_workup;
            ep.donor = r.donor;
            break;
        case E::clear_donor:
            if (ep.state != S::donor_workup && !(ep.state == S::admitted && allo)) return false;
            ep.donor_cleared = true;
            break;
        case E::collect_product:
            if (ep.state != S::collection) return false;
            ep.collected = r.product;
            break;
        case E::admit:
            if (ep.state != S::donor_workup && !(ep.state == S::collection && ep.collected)) return false;
            to = S::admitted;
            break;
        case E::start_conditioning:
            if (ep.state != S::admitted || (allo && !ep.donor_cleared) || day >= r.conditioning.planned_day0) return false;
            to = S::conditioning;
            ep.conditioning = r.conditioning;
            ep.conditioning_start = day;
            break;
        case E::infuse:
            if (ep.state != S::conditioning ||
                (r.product.custody != hsct::graft::custody_state::verified_at_bedside &&
                 r.product.custody != hsct::graft::custody_state::infused) ||
                (!allo && !(ep.collected && ep.collected->product == r.product.product)))
                return false;
            to = S::engraftment_monitoring;
            ep.infused = r.product;
            ep.day0 = day;
            break;
        case E::neutrophil_engraftment:
            if (ep.state != S::engraftment_monitoring || !after0) return false;
            to = S::engrafted;
            ep.neutrophil_engraftment = day;
            break;
        case E::platelet_engraftment:
            if (!post || !after0 || ep.platelet_engraftment) return false;
            ep.platelet_engraftment = day;
            break;
        case E::acute_gvhd:
            if (!post || !allo || !after0) return false;
            if (!ep.acute_gvhd_onset) ep.acute_gvhd_onset = day;
            if (!ep.acute_gvhd_max || *ep.acute_gvhd_max < r.gvhd.acute) ep.acute_gvhd_max = r.gvhd.acute;
            break;
        case E::chronic_gvhd:
            if (!(post || ep.state == S::relapsed) || ep.state == S::engraftment_monitoring || !allo || !after0) return false;
            if (!ep.chronic_gvhd_onset) ep.chronic_gvhd_onset = day;
            if (!ep.chronic_gvhd_max || *ep.chronic_gvhd_max < r.gvhd.chronic) ep.chronic_gvhd_max = r.gvhd.chronic;
            break;
        case E::discharge:
            if (ep.state != S::engrafted) return false;
            to = S::discharged;
            ep.discharge = day;
            break;
        case E::begin_follow_up:
            if (ep.state != S::discharged) return false;
            to = S::follow_up;
            break;
        case E::follow_up_visit:
            if (ep.state != S::follow_up && ep.state != S::relapsed && ep.state != S::graft_failed) return false;
            break;
        case E::graft_failure:
            if (!post || (ep.state == S::engraftment_monitoring && !after0)) return false;
            to = S::graft_failed;
            ep.graft_failure = day;
            break;
        case E::relapse:
            if (!post) return false;
            to = S::relapsed;
            ep.relapse = day;
            break;
        case E::second_transplant:
            if (ep.state != S::graft_failed) return false;
            to = S::second_transplant;
            break;
        case E::death:
            to = S::died;
            ep.death = day;
            ep.death_cause = r.cause;
            break;
        case E::lose_to_follow_up:
            if (ep.state != S::discharged && ep.state != S::follow_up && ep.state != S::relapsed &&
                ep.state != S::graft_failed)
                return false;
            to = S::lost_to_follow_up;
            break;
        case E::withdraw: to = S::withdrawn; break;
    }
    if (ep.day0) {
        ep.last_contact = day;
    }
    ep.state = to;
    ep.last_at = r.at;
    ++ep.events;
    return true;
}

void BM_episode_advance_typed(benchmark::State& state) {
    const auto records = journey();
    const auto start = w::start_episode(w::transplant_kind::allogeneic, t0);
    w::episode ep = start;
    std::size_t i = 0;
    for (auto _ : state) {
        auto refused = w::advance(ep, records[i]);
        benchmark::DoNotOptimize(refused);
        benchmark::DoNotOptimize(ep.state);
        if (++i == records.size()) {
            i = 0;
            ep = start;
        }
    }
    // Agreement, once: both machines end the journey in the same state.
    w::episode a = start;
    w::episode b = start;
    for (const auto& r : records) {
        if (w::advance(a, r).has_value() || !raw_advance(b, r)) {
            state.SkipWithError("a journey record was refused");
            return;
        }
    }
    if (!(a == b) || a.state != S::died) {
        state.SkipWithError("typed and raw machines disagree");
    }
}
BENCHMARK(BM_episode_advance_typed);

void BM_episode_advance_raw(benchmark::State& state) {
    const auto records = journey();
    const auto start = w::start_episode(w::transplant_kind::allogeneic, t0);
    w::episode ep = start;
    std::size_t i = 0;
    for (auto _ : state) {
        bool ok = raw_advance(ep, records[i]);
        benchmark::DoNotOptimize(ok);
        benchmark::DoNotOptimize(ep.state);
        if (++i == records.size()) {
            i = 0;
            ep = start;
        }
    }
}
BENCHMARK(BM_episode_advance_raw);

// ---- a 10,000-entry log --------------------------------------------------------------------
w::episode_log log_10k() {
    w::episode_log log(w::log_header{*w::actor_id::make("EP-BENCH-1"), w::transplant_kind::allogeneic, t0});
    const E path[] = {E::begin_evaluation, E::complete_evaluation, E::select_donor, E::clear_donor, E::admit,
                      E::start_conditioning, E::infuse, E::neutrophil_engraftment, E::platelet_engraftment,
                      E::discharge, E::begin_follow_up};
    std::chrono::sys_seconds t = t0;
    for (const E e : path) {
        t += 24h;
        (void)log.append(record(e, t));
    }
    const E cycle[] = {E::follow_up_visit, E::acute_gvhd, E::follow_up_visit, E::chronic_gvhd};
    for (std::size_t i = 0; log.records().size() < 10'000; ++i) {
        t += 6h;
        (void)log.append(record(cycle[i % 4], t));
    }
    return log;
}

const std::vector<std::uint8_t>& bench_key() {
    static const std::vector<std::uint8_t> k(32, 0x5a);
    return k;
}

void BM_log_read_10k_typed(benchmark::State& state) {
    const std::string text = w::write_episode_log(log_10k());
    for (auto _ : state) {
        auto r = w::read_episode_log(text);
        benchmark::DoNotOptimize(r);
    }
    state.SetLabel("pass: 10,000 entries");
    if (!w::read_episode_log(text).has_value()) {
        state.SkipWithError("the log does not read back");
    }
}
BENCHMARK(BM_log_read_10k_typed)->Unit(benchmark::kMillisecond);

/// The chain check alone: split lines, SHA-256 each entry up to its end, compare the next
/// entry's prev= hex with it.
bool raw_chain(std::string_view text) {
    static constexpr char digits[] = "0123456789abcdef";
    std::size_t pos = 0;
    std::size_t line = 0;
    w::sha256_hasher h;
    w::sha256_digest prev{};
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        const std::string_view l = text.substr(pos, nl - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        ++line;
        if (line == 1) {
            h.update(l);
            h.update(std::string_view("\n"));
            continue;
        }
        if (line == 2) {
            h.update(l);
            prev = h.finish();
            continue;
        }
        const std::size_t p = l.rfind(l[0] == 'e' ? " head=" : " prev=");
        if (p == std::string_view::npos || l.size() - p - 6 != 64) {
            return false;
        }
        for (std::size_t i = 0; i < 32; ++i) {
            if (l[p + 6 + 2 * i] != digits[prev[i] >> 4U] || l[p + 7 + 2 * i] != digits[prev[i] & 15U]) {
                return false;
            }
        }
        prev = w::sha256(l);
    }
    return true;
}

void BM_log_read_10k_raw(benchmark::State& state) {
    const std::string text = w::write_episode_log(log_10k());
    for (auto _ : state) {
        bool ok = raw_chain(text);
        benchmark::DoNotOptimize(ok);
    }
    state.SetLabel("pass: 10,000 entries");
    if (!raw_chain(text)) {
        state.SkipWithError("the raw chain check fails");
    }
}
BENCHMARK(BM_log_read_10k_raw)->Unit(benchmark::kMillisecond);

void BM_log_read_10k_keyed_cost(benchmark::State& state) {
    const w::log_key k{bench_key()};
    const std::string text = w::write_episode_log(log_10k(), w::log_write_options{k});
    for (auto _ : state) {
        auto r = w::read_episode_log(text, w::log_read_options{k});
        benchmark::DoNotOptimize(r);
    }
    state.SetLabel("pass: 10,000 entries, every MAC checked");
    if (!w::read_episode_log(text, w::log_read_options{k}).has_value()) {
        state.SkipWithError("the keyed log does not read back");
    }
}
BENCHMARK(BM_log_read_10k_keyed_cost)->Unit(benchmark::kMillisecond);

void BM_log_write_10k_cost(benchmark::State& state) {
    const auto log = log_10k();
    for (auto _ : state) {
        auto text = w::write_episode_log(log);
        benchmark::DoNotOptimize(text);
    }
    state.SetLabel("pass: 10,000 entries");
}
BENCHMARK(BM_log_write_10k_cost)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
