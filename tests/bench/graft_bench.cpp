// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The graft module, typed versus raw (BM_<case>_typed / BM_<case>_raw):
//  - din_parse: parse_din and the check character of 1M generated DINs, half printed
//    ("A9999 21 123456") and half typed with their check character ("A9999211234563"), read
//    from the same contiguous text buffer on both sides, against a raw reader doing the same
//    steps (trim, the printed spacing, the character classes of GRAFT-ISBT-001, ISO 7064 MOD 37-2,
//    the typed check character compared) that returns only the check character. Issue 11's
//    target: <= 50 ns a DIN (the pass time / 1M). A cross-check run once stops with an error if
//    the two disagree on any DIN.
// Costs (BM_<case>_cost), issue 11's targets:
//  - custody_advance: advance() (the step in place, as custody_log and replay take it) of one
//    event of a cryopreserved product's path (collection to infusion, 9 events, then again from
//    a copy of the start), every check made; <= 15 ns an event;
//  - custody_replay_10k: replay() of a 10,000-event log (quarantine and release from quarantine
//    back and forth after processing); <= 1 ms.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <hsct/graft/custody.hpp>
#include <hsct/graft/isbt128.hpp>

namespace {
namespace g = hsct::graft;

constexpr std::size_t n_dins = 1'000'000;

struct dins {
    std::string buffer;               // every DIN's text, back to back
    std::vector<std::uint32_t> start;  // where each begins
    std::vector<std::uint8_t> length;
    dins() {
        std::mt19937_64 rng(20261203);
        const std::string fin_first = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789";
        const std::string fin_char = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789";
        std::uniform_int_distribution<std::size_t> f1(0, fin_first.size() - 1);
        std::uniform_int_distribution<std::size_t> fc(0, fin_char.size() - 1);
        std::uniform_int_distribution<int> digit(0, 9);
        start.reserve(n_dins);
        length.reserve(n_dins);
        for (std::size_t i = 0; i < n_dins; ++i) {
            std::string d;
            d += fin_first[f1(rng)];
            d += fin_char[fc(rng)];
            d += fin_char[fc(rng)];
            for (int k = 0; k < 10; ++k) {
                d += static_cast<char>('0' + digit(rng));
            }
            const char check = *g::iso7064_mod37_2(d);
            const std::string text = i % 2 == 0 ? d.substr(0, 5) + " " + d.substr(5, 2) + " " + d.substr(7) : d + check;
            start.push_back(static_cast<std::uint32_t>(buffer.size()));
            length.push_back(static_cast<std::uint8_t>(text.size()));
            buffer += text;
        }
    }
    [[nodiscard]] std::string_view at(std::size_t i) const { return {buffer.data() + start[i], length[i]}; }
};
const dins& the_dins() {
    static const dins all;
    return all;
}

// The raw reader: the same steps, plain code; 0 on refusal, else the check character.
inline int raw_value(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : c == '*' ? 36 : -1;
}
inline char raw_char(int v) { return v < 10 ? static_cast<char>('0' + v) : v < 36 ? static_cast<char>('A' + v - 10) : '*'; }
inline bool raw_digit(char c) { return c >= '0' && c <= '9'; }
inline char raw_din_check(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\n' || t.front() == '\r')) {
        t.remove_prefix(1);
    }
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r')) {
        t.remove_suffix(1);
    }
    char c[14];
    std::size_t n = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == ' ') {
            if (!((n == 5 || n == 7 || n == 13) && i > 0 && t[i - 1] != ' ')) {
                return 0;
            }
            continue;
        }
        if (n == 14) {
            return 0;
        }
        c[n++] = t[i];
    }
    if (n != 13 && n != 14) {
        return 0;
    }
    const bool first = (c[0] >= 'A' && c[0] <= 'Z' && c[0] != 'O') || (c[0] >= '1' && c[0] <= '9');
    if (!first) {
        return 0;
    }
    for (std::size_t i = 1; i < 3; ++i) {
        if (!(raw_digit(c[i]) || (c[i] >= 'A' && c[i] <= 'Z' && c[i] != 'O'))) {
            return 0;
        }
    }
    for (std::size_t i = 3; i < 13; ++i) {
        if (!raw_digit(c[i])) {
            return 0;
        }
    }
    // ST-001 Appendix A: values weighted by 2^n from the right (weights reduced mod 37)
    static constexpr unsigned w13[13] = {15, 26, 13, 25, 31, 34, 17, 27, 32, 16, 8, 4, 2};
    unsigned sum = 0;
    for (std::size_t i = 0; i < 13; ++i) {
        sum += static_cast<unsigned>(raw_value(c[i])) * w13[i];
    }
    const char k = raw_char(static_cast<int>((38U - sum % 37U) % 37U));
    if (n == 14 && c[13] != k) {
        return 0;
    }
    return k;
}

void BM_din_parse_typed(benchmark::State& state) {
    const auto& in = the_dins();
    std::vector<char> out(n_dins);
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_dins; ++i) {
            const auto d = g::parse_din(in.at(i));
            out[i] = d ? d->check_character() : '\0';
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_din_parse_typed)->Unit(benchmark::kMillisecond);

void BM_din_parse_raw(benchmark::State& state) {
    const auto& in = the_dins();
    std::vector<char> out(n_dins);
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_dins; ++i) {
            out[i] = raw_din_check(in.at(i));
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_din_parse_raw)->Unit(benchmark::kMillisecond);

// Run once: typed and raw agree on every DIN, so the pair compares equal work.
void BM_din_parse_agreement(benchmark::State& state) {
    const auto& in = the_dins();
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_dins; ++i) {
            const auto d = g::parse_din(in.at(i));
            const char raw = raw_din_check(in.at(i));
            if (!d || d->check_character() != raw) {
                state.SkipWithError("typed and raw disagree on a DIN");
                return;
            }
        }
    }
}
BENCHMARK(BM_din_parse_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------
// The custody machine
// ---------------------------------------------------------------------------------------------
using namespace std::chrono_literals;
const g::din& bench_din() {
    static const g::din d = *g::parse_din("A999921123456");
    return d;
}
g::custody_record record(g::custody_event e, std::chrono::sys_seconds at) {
    g::custody_record r;
    r.event = e;
    r.at = at;
    r.by = *g::custody_id::make("operator-1");
    r.product = bench_din();
    r.recipient = *g::custody_id::make("MRN-0042");
    r.second_verifier = *g::custody_id::make("operator-2");
    return r;
}

void BM_custody_advance_cost(benchmark::State& state) {
    const std::chrono::sys_seconds t0{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1}};
    const auto start = g::start_custody(bench_din(), *g::custody_id::make("MRN-0042"), t0, t0 + 24h * 365);
    using E = g::custody_event;
    const E path[] = {E::process, E::cryopreserve, E::store, E::ship, E::receive,
                      E::thaw, E::release, E::verify_at_bedside, E::infuse};
    std::vector<g::custody_record> records;
    for (std::size_t i = 0; i < sizeof(path) / sizeof(path[0]); ++i) {
        records.push_back(record(path[i], t0 + std::chrono::minutes(i)));
    }
    g::custody c = start;
    std::size_t i = 0;
    for (auto _ : state) {
        auto refused = g::advance(c, records[i]);
        benchmark::DoNotOptimize(refused);
        benchmark::DoNotOptimize(c.state);
        if (++i == records.size()) {
            i = 0;
            c = start;
        }
    }
    if (c.state != g::custody_state::collected && c.state != g::custody_state::infused && i == 0) {
        state.SkipWithError("the path did not run to infusion");
    }
}
BENCHMARK(BM_custody_advance_cost)->Unit(benchmark::kNanosecond);

void BM_custody_replay_10k_cost(benchmark::State& state) {
    const std::chrono::sys_seconds t0{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1}};
    g::custody_log log(g::start_custody(bench_din(), *g::custody_id::make("MRN-0042"), t0, t0 + 24h * 365));
    using E = g::custody_event;
    (void)log.append(record(E::process, t0));
    for (int k = 1; log.records().size() < 10'000; ++k) {
        (void)log.append(record(k % 2 == 1 ? E::quarantine : E::release_from_quarantine, t0 + std::chrono::seconds(k)));
    }
    for (auto _ : state) {
        auto r = g::replay(log);
        benchmark::DoNotOptimize(r.state.events);
        if (r.state.events != 10'000U || r.refused_at) {
            state.SkipWithError("the replay did not reach the live state");
            return;
        }
    }
}
BENCHMARK(BM_custody_replay_10k_cost)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
