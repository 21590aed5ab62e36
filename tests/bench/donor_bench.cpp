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
//  (b) registry_grade_10: one patient graded at allele level (A, B, C, DRB1, DQB1, count, GvH
//      and HvG per locus) against 1,000,000 registry donors (tests/support/synthetic_registry.hpp:
//      5,000 generated typings added 200 times each), with donor_registry::grade_all, against a
//      raw loop over the same rows (ten 32-bit key ids a donor, read from the same array)
//      writing the same packed 4-byte grade. Issue 9's target: <= 20 ns a donor (typed).
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
#include <hsct/donor/donor_choice.hpp>
#include <hsct/donor/hla_match.hpp>
#include <hsct/donor/hla_release.hpp>
#include <hsct/donor/registry.hpp>

#include "support/pyard_workload.hpp"
#include "support/synthetic_registry.hpp"

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

// (b) The registry: 1,000,000 donors and one patient, built once.
struct registry_case {
    hsct::donor::donor_registry reg;
    hsct::donor::donor_registry::row patient{};
    std::vector<hsct::donor::hla_typing> typings;
};
const registry_case& registry() {
    static const auto c = [] {
        registry_case rc;
        hsct_test::synthetic_typings gen(loaded_release(), 40);
        for (int i = 0; i < 5'000; ++i) {
            rc.typings.push_back(hsct::donor::parse_hla_typing(loaded_release(), gen.next()).value());
        }
        rc.reg.reserve(1'000'000);
        for (int k = 0; k < 200; ++k) {
            for (const auto& t : rc.typings) {
                static_cast<void>(rc.reg.add(t).value());
            }
        }
        rc.patient = rc.reg.patient_row(rc.typings[42]).value();
        return rc;
    }();
    return c;
}

void BM_registry_grade_10_typed(benchmark::State& state) {
    const auto& c = registry();
    std::vector<hsct::donor::registry_grade> out(c.reg.size());
    for (auto _ : state) {
        c.reg.grade_all(c.patient, out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(out.size()));
}
BENCHMARK(BM_registry_grade_10_typed)->Unit(benchmark::kMicrosecond);

// The raw side: the same rows, the same arithmetic written out on plain integers.
void raw_grade_all(const std::array<std::uint32_t, 10>& p, const std::array<std::uint32_t, 10>* rows,
                   std::size_t n, std::uint32_t* out) {
    for (std::size_t i = 0; i < n; ++i) {
        const auto& x = rows[i];
        std::uint32_t g = 0;
        for (unsigned l = 0; l < 5; ++l) {
            const std::uint32_t p1 = p[2 * l], p2 = p[2 * l + 1], d1 = x[2 * l], d2 = x[2 * l + 1];
            const std::uint32_t a11 = p1 == d1, a22 = p2 == d2, a12 = p1 == d2, a21 = p2 == d1;
            const std::uint32_t s = a11 + a22, cr = a12 + a21;
            const std::uint32_t m = s > cr ? s : cr;
            const std::uint32_t gvh = ((a11 | a12) ^ 1U) + ((p1 != p2) & ((a21 | a22) ^ 1U));
            const std::uint32_t hvg = ((a11 | a21) ^ 1U) + ((d1 != d2) & ((a12 | a22) ^ 1U));
            g |= (((2U - m) << 4) | (gvh << 2) | hvg) << (6U * l);
        }
        out[i] = g;
    }
}

void BM_registry_grade_10_raw(benchmark::State& state) {
    const auto& c = registry();
    const auto rows = c.reg.rows();
    std::vector<std::uint32_t> out(rows.size());
    for (auto _ : state) {
        raw_grade_all(c.patient, rows.data(), rows.size(), out.data());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(out.size()));
}
BENCHMARK(BM_registry_grade_10_raw)->Unit(benchmark::kMicrosecond);

// Typed and raw agree on every donor (and the typed grade equals assess_hla_match's on a
// sample): stops with an error otherwise.
void BM_registry_agreement(benchmark::State& state) {
    const auto& c = registry();
    std::vector<hsct::donor::registry_grade> typed(c.reg.size());
    std::vector<std::uint32_t> raw(c.reg.size());
    for (auto _ : state) {
        c.reg.grade_all(c.patient, typed);
        raw_grade_all(c.patient, c.reg.rows().data(), c.reg.size(), raw.data());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (typed[i].packed() != raw[i]) {
                state.SkipWithError("registry: typed and raw grades differ");
                return;
            }
        }
        for (std::size_t i = 0; i < 200; ++i) {
            const auto m = hsct::donor::assess_hla_match(c.typings[42], c.typings[i]).value();
            if (typed[i].matched() != m.total(hsct::donor::match_total_kind::ten).matched) {
                state.SkipWithError("registry: grade differs from assess_hla_match");
                return;
            }
        }
    }
}
BENCHMARK(BM_registry_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

// One 10-locus-copy grading with assess_hla_match (antigen and allele level, direction, every
// combination), measured on its own.
void BM_hla_match_10_cost(benchmark::State& state) {
    const auto& c = registry();
    std::size_t i = 0;
    for (auto _ : state) {
        auto m = hsct::donor::assess_hla_match(c.typings[42], c.typings[i]);
        benchmark::DoNotOptimize(m->total(hsct::donor::match_total_kind::ten).matched);
        i = (i + 1) % 1000;
    }
}
BENCHMARK(BM_hla_match_10_cost)->Unit(benchmark::kNanosecond);

// Ranking 1,000 candidates (graded beforehand) with explanations under the default policy,
// measured on its own. Issue 9's target: <= 1 ms.
struct ranking_case {
    std::vector<hsct::donor::hla_match_result> grades;
    std::vector<hsct::donor::donor_candidate> candidates;
};
const ranking_case& ranking() {
    static const auto rc = [] {
        namespace d = hsct::donor;
        ranking_case k;
        const auto& c = registry();
        k.grades.reserve(1000);
        for (std::size_t i = 0; i < 1000; ++i) {
            k.grades.push_back(d::assess_hla_match(c.typings[42], c.typings[i]).value());
        }
        for (std::size_t i = 0; i < 1000; ++i) {
            d::compatibility_input in;
            in.recipient_blood_group = d::blood_group{d::abo_group::a, d::rhd_status::positive};
            in.donor_blood_group = d::blood_group{static_cast<d::abo_group>(1 + i % 4), d::rhd_status::positive};
            in.recipient_cmv = d::cmv_serostatus::positive;
            in.donor_cmv = i % 3 == 0 ? d::cmv_serostatus::negative : d::cmv_serostatus::positive;
            in.recipient_sex = hsct::sex::male;
            in.donor_sex = i % 2 == 0 ? hsct::sex::male : hsct::sex::female;
            if (i % 2 == 1) {
                in.donor_pregnancies = static_cast<int>(i % 4);
            }
            in.donor_age = hsct::age::make(18 + static_cast<int>(i % 43), 0).value();
            const auto rel = i % 50 == 0 ? d::donor_relation::sibling : d::donor_relation::unrelated;
            k.candidates.push_back({"", rel, nullptr, d::assess_compatibility(in).value()});
        }
        for (std::size_t i = 0; i < 1000; ++i) {
            k.candidates[i].hla = &k.grades[i];
        }
        return k;
    }();
    return rc;
}

void BM_rank_1000_cost(benchmark::State& state) {
    const auto& k = ranking();
    for (auto _ : state) {
        auto r = hsct::donor::rank_donors(k.candidates);
        benchmark::DoNotOptimize(r->ranked.size());
    }
}
BENCHMARK(BM_rank_1000_cost)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
