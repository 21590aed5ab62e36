// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The donor module against raw baselines, in one run:
//  (a) hla_name_parse_print: parse_hla_name then to_chars on every one of the 41,433 names of
//      IPD-IMGT/HLA 3.58.0 (Allelelist.txt, in file order), against a raw reader that splits the
//      same names into the same fields (locus, up to 4 numbers with their digit counts, a suffix)
//      without any check, and prints them back the same way. Target (issue 8): <= 50 ns per
//      name for the typed side. Both sides read the names from the same array of string_views
//      into one contiguous buffer.
// Naming: BM_<case>_typed / BM_<case>_raw (tests/bench/run_ratios.sh pairs them); the time is
// per pass over all names; items_per_second is names per second.
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <hsct/donor/gl_reduction.hpp>
#include <hsct/donor/gl_string.hpp>
#include <hsct/donor/hla_name.hpp>
#include <hsct/donor/hla_release.hpp>

#include "support/pyard_workload.hpp"

#ifndef HSCT_TEST_DATA_DIR
#error "HSCT_TEST_DATA_DIR must name tests/data"
#endif

namespace {

struct names {
    std::string storage;
    std::vector<std::string_view> all;

    names() {
        std::ifstream in(HSCT_TEST_DATA_DIR "/hla/3.58.0/Allelelist.txt");
        std::string line;
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#' || line.rfind("AlleleID", 0) == 0) {
                continue;
            }
            const auto comma = line.find(',');
            spans.emplace_back(storage.size(), line.size() - comma - 1);
            storage += line.substr(comma + 1);
        }
        for (const auto& [at, n] : spans) {
            all.emplace_back(storage.data() + at, n);
        }
    }
};

const names& data() {
    static const names d;
    return d;
}

// The raw reader: the same split, no checks (it trusts its input).
struct raw_name {
    char locus[8];
    std::uint8_t locus_size;
    std::uint16_t field[4];
    std::uint8_t digits[4];
    std::uint8_t count;
    char suffix;
};

raw_name raw_parse(std::string_view t) {
    raw_name r{};
    std::size_t i = 0;
    while (t[i] != '*') {
        r.locus[i] = t[i];
        ++i;
    }
    r.locus_size = static_cast<std::uint8_t>(i);
    ++i;
    while (i < t.size()) {
        unsigned v = 0;
        std::uint8_t d = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
            v = v * 10U + static_cast<unsigned>(t[i] - '0');
            ++i;
            ++d;
        }
        r.field[r.count] = static_cast<std::uint16_t>(v);
        r.digits[r.count] = d;
        ++r.count;
        if (i < t.size() && t[i] == ':') {
            ++i;
        } else if (i < t.size()) {
            r.suffix = t[i];
            ++i;
        }
    }
    return r;
}

char* raw_print(const raw_name& r, char* p) {
    for (std::size_t k = 0; k < r.locus_size; ++k) {
        *p++ = r.locus[k];
    }
    *p++ = '*';
    for (std::size_t f = 0; f < r.count; ++f) {
        if (f != 0) {
            *p++ = ':';
        }
        unsigned v = r.field[f];
        for (unsigned k = r.digits[f]; k > 0; --k) {
            p[k - 1] = static_cast<char>('0' + v % 10U);
            v /= 10U;
        }
        p += r.digits[f];
    }
    if (r.suffix != 0) {
        *p++ = r.suffix;
    }
    return p;
}

void BM_hla_name_parse_print_typed(benchmark::State& state) {
    const auto& d = data();
    std::array<char, hsct::donor::hla_name::max_chars> buf{};
    for (auto _ : state) {
        std::size_t chars = 0;
        for (const auto text : d.all) {
            const auto n = hsct::donor::parse_hla_name(text);
            if (n) {
                chars += static_cast<std::size_t>(n->to_chars(buf.data(), buf.data() + buf.size()) -
                                                  buf.data());
            }
        }
        benchmark::DoNotOptimize(chars);
        benchmark::DoNotOptimize(buf);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(d.all.size()));
}
BENCHMARK(BM_hla_name_parse_print_typed)->Unit(benchmark::kMicrosecond);

void BM_hla_name_parse_print_raw(benchmark::State& state) {
    const auto& d = data();
    std::array<char, hsct::donor::hla_name::max_chars> buf{};
    for (auto _ : state) {
        std::size_t chars = 0;
        for (const auto text : d.all) {
            const raw_name r = raw_parse(text);
            chars += static_cast<std::size_t>(raw_print(r, buf.data()) - buf.data());
        }
        benchmark::DoNotOptimize(chars);
        benchmark::DoNotOptimize(buf);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(d.all.size()));
}
BENCHMARK(BM_hla_name_parse_print_raw)->Unit(benchmark::kMicrosecond);

// A cross-check, run once: both sides print every name back as it was.
void BM_hla_name_agreement(benchmark::State& state) {
    const auto& d = data();
    std::size_t disagreements = 0;
    std::array<char, hsct::donor::hla_name::max_chars> a{};
    std::array<char, hsct::donor::hla_name::max_chars> b{};
    for (auto _ : state) {
        disagreements = 0;
        for (const auto text : d.all) {
            const auto n = hsct::donor::parse_hla_name(text);
            char* ea = n ? n->to_chars(a.data(), a.data() + a.size()) : nullptr;
            char* eb = raw_print(raw_parse(text), b.data());
            const std::string_view typed_text =
                ea != nullptr ? std::string_view(a.data(), static_cast<std::size_t>(ea - a.data()))
                              : std::string_view{};
            const std::string_view raw_text(b.data(), static_cast<std::size_t>(eb - b.data()));
            disagreements += typed_text == text && raw_text == text ? 0U : 1U;
        }
    }
    state.counters["names"] = static_cast<double>(d.all.size());
    state.counters["disagreements"] = static_cast<double>(disagreements);
    if (disagreements != 0 || d.all.size() != 41'433) {
        state.SkipWithError("typed and raw HLA names disagree, or the name list is incomplete");
    }
}
BENCHMARK(BM_hla_name_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

// Release 3.58.0, loaded once, and every name of it parsed once, for the look-up benchmarks.
const hsct::donor::hla_release& loaded_release() {
    static const auto r = hsct::donor::load_hla_release(HSCT_TEST_DATA_DIR "/hla/3.58.0").value();
    return r;
}
const std::vector<hsct::donor::hla_name>& parsed_names() {
    static const auto all = [] {
        std::vector<hsct::donor::hla_name> v;
        for (const auto text : data().all) {
            v.push_back(hsct::donor::parse_hla_name(text).value());
        }
        return v;
    }();
    return all;
}

// Loading release 3.58.0 from its seven raw files (Allelelist.txt, hla_nom.txt, hla_nom_g.txt,
// hla_nom_p.txt, rel_dna_ser.txt, rel_ser_ser.txt, dpb_tce.csv, about 3.6 MB), measured on its
// own (no raw counterpart): issue 8's target is <= 100 ms.
void BM_hla_release_load_cost(benchmark::State& state) {
    for (auto _ : state) {
        auto r = hsct::donor::load_hla_release(HSCT_TEST_DATA_DIR "/hla/3.58.0");
        if (!r) {
            state.SkipWithError("release 3.58.0 did not load");
            break;
        }
        benchmark::DoNotOptimize(r->allele_count());
    }
}
BENCHMARK(BM_hla_release_load_cost)->Unit(benchmark::kMillisecond);

// is_current on every name of the release (a hash look-up), measured on its own.
void BM_hla_release_is_current_cost(benchmark::State& state) {
    const auto& r = loaded_release();
    const auto& all = parsed_names();
    for (auto _ : state) {
        std::size_t n = 0;
        for (const auto& name : all) {
            n += r.is_current(name) ? 1U : 0U;
        }
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(all.size()));
}
BENCHMARK(BM_hla_release_is_current_cost)->Unit(benchmark::kMicrosecond);

// Reducing every allele name of the release (parsed beforehand) to its G group, P group and
// lgx name, lg name and serological equivalents, measured on its own; items are names. Issue 8's target: <= 50 ns a name (py-ard
// 2.3.1 on this machine: tests/data/pyard-2.3.1/results.txt).
void reduce_all(benchmark::State& state, hsct::donor::hla_reduction to) {
    const auto& r = loaded_release();
    const auto& all = parsed_names();
    for (auto _ : state) {
        std::size_t n = 0;
        for (const auto& name : all) {
            n += r.reduce(name, to).names().size();
        }
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(all.size()));
}
void BM_hla_reduce_g_cost(benchmark::State& state) { reduce_all(state, hsct::donor::hla_reduction::g_group); }
void BM_hla_reduce_p_cost(benchmark::State& state) { reduce_all(state, hsct::donor::hla_reduction::p_group); }
void BM_hla_reduce_lgx_cost(benchmark::State& state) { reduce_all(state, hsct::donor::hla_reduction::lgx); }
BENCHMARK(BM_hla_reduce_g_cost)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_hla_reduce_p_cost)->Unit(benchmark::kMicrosecond);
void BM_hla_reduce_lg_cost(benchmark::State& state) { reduce_all(state, hsct::donor::hla_reduction::lg); }
void BM_hla_reduce_serology_cost(benchmark::State& state) {
    reduce_all(state, hsct::donor::hla_reduction::serology);
}
BENCHMARK(BM_hla_reduce_lgx_cost)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_hla_reduce_lg_cost)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_hla_reduce_serology_cost)->Unit(benchmark::kMicrosecond);

// Reading and printing a 10-allele GL String genotype (A, B, C, DRB1, DQB1), measured on its own.
void BM_gl_string_10_alleles_parse_print_cost(benchmark::State& state) {
    const std::string text =
        "HLA-A*01:01:01:01+HLA-A*02:01:01:01^HLA-B*08:01:01:01+HLA-B*44:02:01:01^"
        "HLA-C*07:01:01:01+HLA-C*05:01:01:01^HLA-DRB1*03:01:01:01+HLA-DRB1*04:01:01:01^"
        "HLA-DQB1*02:01:01+HLA-DQB1*03:01:01:01";
    for (auto _ : state) {
        auto g = hsct::donor::parse_gl_string(text);
        benchmark::DoNotOptimize(g->node_count());
        auto back = hsct::donor::to_string(*g);
        benchmark::DoNotOptimize(back);
    }
}
BENCHMARK(BM_gl_string_10_alleles_parse_print_cost)->Unit(benchmark::kNanosecond);

// py-ard's 100,000-genotype GL workload (A, B, C, DRB1, DQB1, two 2-field names each; made by
// tests/support/pyard_workload.hpp exactly as py-ard's harness makes it), parsed beforehand,
// each genotype reduced with reduce_gl; items are genotypes. Issue 8's target for G: <= 1 us a
// genotype (py-ard 2.3.1 on this machine: tests/data/pyard-2.3.1/results.txt, gl_redux_G).
const std::vector<hsct::donor::gl_string>& workload() {
    static const auto all = [] {
        std::vector<hsct::donor::gl_string> v;
        for (const auto& line : hsct_test::pyard_workload(loaded_release(), 100'000)) {
            v.push_back(hsct::donor::parse_gl_string(line).value());
        }
        return v;
    }();
    return all;
}
void reduce_workload(benchmark::State& state, hsct::donor::hla_reduction to) {
    const auto& r = loaded_release();
    const auto& all = workload();
    for (auto _ : state) {
        std::size_t n = 0;
        for (const auto& gl : all) {
            const auto red = hsct::donor::reduce_gl(r, gl, to);
            n += red.gl ? red.gl->node_count() : 0U;
        }
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(all.size()));
}
void BM_gl_reduce_g_cost(benchmark::State& state) { reduce_workload(state, hsct::donor::hla_reduction::g_group); }
void BM_gl_reduce_lgx_cost(benchmark::State& state) { reduce_workload(state, hsct::donor::hla_reduction::lgx); }
void BM_gl_reduce_serology_lgx_cost(benchmark::State& state) {
    reduce_workload(state, hsct::donor::hla_reduction::serology_lgx);
}
BENCHMARK(BM_gl_reduce_g_cost)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_gl_reduce_lgx_cost)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_gl_reduce_serology_lgx_cost)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
