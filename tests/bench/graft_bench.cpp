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
//  - cell_dose: assess_cell_dose of 1M products' doses (allogeneic PB after RIC under ch. 41:
//    minimum > 2, optimum 4-8 x10^6 CD34+/kg; a tenth with the count missing) against a raw
//    verdict over the same cell_doses structs; the typed side builds the whole result (every
//    criterion with what it measured). Agreement checked once.
//  - abo_graft: assess_abo_graft of 100k allogeneic marrow products (random ABO relation, red-cell
//    volume, recipient titre) against a raw decision reading the same product and input structs.
//  - dmso: assess_dmso of 1M infusion days (one bag each, random volume, fraction and weight)
//    against a raw grams-per-kg comparison reading the same bags and weights.
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
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hsct/graft/abo.hpp>
#include <hsct/graft/cell_dose.hpp>
#include <hsct/graft/custody.hpp>
#include <hsct/graft/infusion.hpp>
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
// Cell doses
// ---------------------------------------------------------------------------------------------
constexpr std::size_t n_doses = 1'000'000;
const std::vector<g::cell_doses>& the_doses() {
    static const std::vector<g::cell_doses> all = [] {
        std::mt19937_64 rng(11);
        std::uniform_real_distribution<double> cd34(0.5, 12.0);
        std::vector<g::cell_doses> v(n_doses);
        for (std::size_t i = 0; i < n_doses; ++i) {
            if (i % 10 != 0) {
                v[i].cd34 = hsct::cell_dose(cd34(rng), hsct::units::e6_per_kg);
            }
        }
        return v;
    }();
    return all;
}
// The raw verdict of ch. 41's allogeneic RIC rows: minimum > 2, optimum >= 4, upper edge <= 8.
inline g::cell_dose_verdict raw_cell_dose(const g::cell_doses& d) {
    if (!d.cd34) {
        return g::cell_dose_verdict::unknown;
    }
    const double x = d.cd34->in(hsct::units::e6_per_kg);
    if (!(x > 2.0)) {
        return g::cell_dose_verdict::below_minimum;
    }
    if (!(x >= 4.0)) {
        return g::cell_dose_verdict::below_optimum;
    }
    return x <= 8.0 ? g::cell_dose_verdict::optimal : g::cell_dose_verdict::above_optimal_range;
}

void BM_cell_dose_typed(benchmark::State& state) {
    const auto& in = the_doses();
    std::vector<g::cell_dose_verdict> out(n_doses);
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_doses; ++i) {
            const auto r = g::assess_cell_dose(in[i], g::graft_indication::allogeneic_pbsc_ric, g::dose_policy::hb24_ch41);
            out[i] = r ? r->verdict : g::cell_dose_verdict::not_applicable;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_cell_dose_typed)->Unit(benchmark::kMillisecond);

void BM_cell_dose_raw(benchmark::State& state) {
    const auto& in = the_doses();
    std::vector<g::cell_dose_verdict> out(n_doses);
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_doses; ++i) {
            out[i] = raw_cell_dose(in[i]);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_cell_dose_raw)->Unit(benchmark::kMillisecond);

void BM_cell_dose_agreement(benchmark::State& state) {
    const auto& in = the_doses();
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_doses; ++i) {
            const auto r = g::assess_cell_dose(in[i], g::graft_indication::allogeneic_pbsc_ric, g::dose_policy::hb24_ch41);
            if (!r || r->verdict != raw_cell_dose(in[i])) {
                state.SkipWithError("typed and raw disagree on a cell dose");
                return;
            }
        }
    }
}
BENCHMARK(BM_cell_dose_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------
// An ABO-incompatible product
// ---------------------------------------------------------------------------------------------
constexpr std::size_t n_abo = 100'000;
struct abo_case {
    g::product product;
    g::abo_graft_input input;
};
const std::vector<abo_case>& the_abo_cases() {
    static const std::vector<abo_case> all = [] {
        std::mt19937_64 rng(12);
        std::uniform_real_distribution<double> rbc(5.0, 200.0);
        std::uniform_int_distribution<int> rel(1, 4);
        std::uniform_int_distribution<int> log2(0, 10);
        std::vector<abo_case> v;
        v.reserve(n_abo);
        for (std::size_t i = 0; i < n_abo; ++i) {
            g::product_input in;
            in.source = g::product_source::bone_marrow;
            in.use = g::product_use::allogeneic;
            in.volume = hsct::volume(1200.0, hsct::units::mL);
            in.at_collection.red_cell_volume = hsct::volume(rbc(rng), hsct::units::mL);
            g::abo_graft_input a;
            a.relation = static_cast<hsct::donor::abo_relation>(rel(rng));
            if (i % 8 != 0) {
                a.recipient_anti_donor_titre = *g::agglutinin_titre::make(1U << log2(rng));
            }
            v.push_back(abo_case{*g::make_product(in), a});
        }
        return v;
    }();
    return all;
}
// The raw decision of the default policy's red-cell side: > 30 mL and > 1:32.
inline g::abo_graft_action raw_red_cells(const abo_case& c) {
    const auto r = c.input.relation;
    if (r != hsct::donor::abo_relation::major && r != hsct::donor::abo_relation::bidirectional) {
        return g::abo_graft_action::not_applicable;
    }
    const auto& rbc = c.product.at_collection().red_cell_volume;
    const auto& t = c.input.recipient_anti_donor_titre;
    const bool volume_known = rbc.has_value();
    const bool volume_over = volume_known && rbc->in(hsct::units::mL) > 30.0;
    if (volume_known && !volume_over) {
        return g::abo_graft_action::not_indicated;
    }
    if (t && !(t->reciprocal() > 32U)) {
        return g::abo_graft_action::not_indicated;
    }
    return volume_known && t ? g::abo_graft_action::consider : g::abo_graft_action::unknown;
}

void BM_abo_graft_typed(benchmark::State& state) {
    const auto& in = the_abo_cases();
    std::vector<g::abo_graft_action> out(n_abo);
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_abo; ++i) {
            const auto r = g::assess_abo_graft(in[i].product, in[i].input);
            out[i] = r ? r->red_cells : g::abo_graft_action::unknown;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_abo_graft_typed)->Unit(benchmark::kMillisecond);

void BM_abo_graft_raw(benchmark::State& state) {
    const auto& in = the_abo_cases();
    std::vector<g::abo_graft_action> out(n_abo);
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_abo; ++i) {
            out[i] = raw_red_cells(in[i]);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_abo_graft_raw)->Unit(benchmark::kMillisecond);

void BM_abo_graft_agreement(benchmark::State& state) {
    const auto& in = the_abo_cases();
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_abo; ++i) {
            const auto r = g::assess_abo_graft(in[i].product, in[i].input);
            if (!r || r->red_cells != raw_red_cells(in[i])) {
                state.SkipWithError("typed and raw disagree on an ABO case");
                return;
            }
        }
    }
}
BENCHMARK(BM_abo_graft_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------
// DMSO on an infusion day
// ---------------------------------------------------------------------------------------------
constexpr std::size_t n_days = 1'000'000;
struct dmso_day {
    g::dmso_bag bag;
    hsct::patient::body_weight weight;
};
const std::vector<dmso_day>& the_days() {
    static const std::vector<dmso_day> all = [] {
        std::mt19937_64 rng(13);
        std::uniform_real_distribution<double> ml(20.0, 600.0);
        std::uniform_real_distribution<double> pct(5.0, 10.0);
        std::uniform_real_distribution<double> kg(8.0, 120.0);
        std::vector<dmso_day> v;
        v.reserve(n_days);
        for (std::size_t i = 0; i < n_days; ++i) {
            v.push_back(dmso_day{{hsct::volume(ml(rng), hsct::units::mL), hsct::percent(pct(rng), hsct::units::pct)},
                                 *hsct::patient::body_weight::make(kg(rng), hsct::units::kg)});
        }
        return v;
    }();
    return all;
}
inline bool raw_within(const dmso_day& d) {
    const double grams = d.bag.volume.in(hsct::units::mL) * (d.bag.dmso.in(hsct::units::pct) / 100.0) * 1.10;
    return grams / d.weight.in(hsct::units::kg) <= 1.0;
}

void BM_dmso_typed(benchmark::State& state) {
    const auto& in = the_days();
    std::vector<char> out(n_days);
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_days; ++i) {
            const auto r = g::assess_dmso(std::span<const g::dmso_bag>(&in[i].bag, 1), in[i].weight);
            out[i] = static_cast<char>(r && r->within_limit);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_dmso_typed)->Unit(benchmark::kMillisecond);

void BM_dmso_raw(benchmark::State& state) {
    const auto& in = the_days();
    std::vector<char> out(n_days);
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_days; ++i) {
            out[i] = static_cast<char>(raw_within(in[i]));
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_dmso_raw)->Unit(benchmark::kMillisecond);

void BM_dmso_agreement(benchmark::State& state) {
    const auto& in = the_days();
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_days; ++i) {
            const auto r = g::assess_dmso(std::span<const g::dmso_bag>(&in[i].bag, 1), in[i].weight);
            if (!r || r->within_limit != raw_within(in[i])) {
                state.SkipWithError("typed and raw disagree on a DMSO day");
                return;
            }
        }
    }
}
BENCHMARK(BM_dmso_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

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
