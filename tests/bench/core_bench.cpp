// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Typed versus raw: each pair runs the same work over the same 1M inputs, once through
// hsct's types and once with plain doubles, so tests/bench/run_ratios.sh can print
// typed/raw. The strong types are meant to cost nothing: the target for (a)-(c) is a ratio
// of at most 1.05 at -O2. (d) is the checked path for untrusted input; its raw baseline does
// the same checks by hand (trim, unit string compare, finite check, divide, range check).
//
// Naming: BM_<case>_typed / BM_<case>_raw. run_ratios.sh pairs them by that suffix.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <hsct/hsct.hpp>

namespace {

constexpr std::size_t n_elements = 1'000'000;

/// The inputs, built once with a fixed seed and shared by both sides of every pair.
struct inputs {
    // (a) total dose: mg/m2 and m2, as typed values and as doubles (same numbers).
    std::vector<hsct::dose_per_area> dose_typed;
    std::vector<hsct::area> bsa_typed;
    std::vector<double> dose_raw;
    std::vector<double> bsa_raw;
    // (b), (d) bilirubin in umol/L: 1-400, all inside the plausible range (0-100 mg/dL).
    std::vector<double> bilirubin_umol_l;
    // (c) ANC in cells/uL: 0-20000.
    std::vector<double> anc_per_ul;

    inputs() {
        std::mt19937_64 rng(20240501);
        std::uniform_real_distribution<double> dose(1.0, 2000.0);
        std::uniform_real_distribution<double> bsa(0.3, 2.6);
        std::uniform_real_distribution<double> bili(1.0, 400.0);
        std::uniform_real_distribution<double> anc(0.0, 20000.0);
        dose_typed.reserve(n_elements);
        bsa_typed.reserve(n_elements);
        dose_raw.reserve(n_elements);
        bsa_raw.reserve(n_elements);
        bilirubin_umol_l.reserve(n_elements);
        anc_per_ul.reserve(n_elements);
        for (std::size_t i = 0; i < n_elements; ++i) {
            const double d = dose(rng);
            const double a = bsa(rng);
            dose_raw.push_back(d);
            bsa_raw.push_back(a);
            dose_typed.emplace_back(d, hsct::units::mg_per_m2);
            bsa_typed.emplace_back(a, hsct::units::m2);
            bilirubin_umol_l.push_back(bili(rng));
            anc_per_ul.push_back(anc(rng));
        }
    }
};

const inputs& data() {
    static const inputs in;
    return in;
}

void set_counters(benchmark::State& state) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(n_elements));
}

// --- (a) total dose for 1M patients: mg/m2 x m2 -> mg, summed -------------------------------

void BM_total_dose_typed(benchmark::State& state) {
    const inputs& in = data();
    const hsct::dose_per_area* dose = in.dose_typed.data();
    const hsct::area* bsa = in.bsa_typed.data();
    for (auto _ : state) {
        double sum_mg = 0.0;
        for (std::size_t i = 0; i < n_elements; ++i) {
            const hsct::total_dose t = dose[i] * bsa[i];
            sum_mg += t.in(hsct::units::mg);
        }
        benchmark::DoNotOptimize(sum_mg);
    }
    set_counters(state);
}
BENCHMARK(BM_total_dose_typed);

void BM_total_dose_raw(benchmark::State& state) {
    const inputs& in = data();
    const double* mg_per_m2 = in.dose_raw.data();
    const double* m2 = in.bsa_raw.data();
    for (auto _ : state) {
        double sum_mg = 0.0;
        for (std::size_t i = 0; i < n_elements; ++i) {
            sum_mg += mg_per_m2[i] * m2[i];
        }
        benchmark::DoNotOptimize(sum_mg);
    }
    set_counters(state);
}
BENCHMARK(BM_total_dose_raw);

// --- (b) bilirubin umol/L -> mg/dL ----------------------------------------------------------

void BM_bilirubin_convert_typed(benchmark::State& state) {
    const double* x = data().bilirubin_umol_l.data();
    std::vector<double> out(n_elements);
    double* o = out.data();
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_elements; ++i) {
            o[i] = hsct::bilirubin(x[i], hsct::units::umol_per_l).in(hsct::units::mg_per_dl);
        }
        benchmark::DoNotOptimize(o);
        benchmark::ClobberMemory();
    }
    set_counters(state);
}
BENCHMARK(BM_bilirubin_convert_typed);

void BM_bilirubin_convert_raw(benchmark::State& state) {
    const double* x = data().bilirubin_umol_l.data();
    std::vector<double> out(n_elements);
    double* o = out.data();
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_elements; ++i) {
            o[i] = x[i] / 17.1;
        }
        benchmark::DoNotOptimize(o);
        benchmark::ClobberMemory();
    }
    set_counters(state);
}
BENCHMARK(BM_bilirubin_convert_raw);

// --- (c) ANC cells/uL -> x10^9/L ------------------------------------------------------------

void BM_anc_convert_typed(benchmark::State& state) {
    const double* x = data().anc_per_ul.data();
    std::vector<double> out(n_elements);
    double* o = out.data();
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_elements; ++i) {
            o[i] = hsct::anc(x[i], hsct::units::per_ul).in(hsct::units::giga_per_l);
        }
        benchmark::DoNotOptimize(o);
        benchmark::ClobberMemory();
    }
    set_counters(state);
}
BENCHMARK(BM_anc_convert_typed);

void BM_anc_convert_raw(benchmark::State& state) {
    const double* x = data().anc_per_ul.data();
    std::vector<double> out(n_elements);
    double* o = out.data();
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_elements; ++i) {
            o[i] = x[i] / 1000.0;  // 1 x10^9/L = 1000 /uL
        }
        benchmark::DoNotOptimize(o);
        benchmark::ClobberMemory();
    }
    set_counters(state);
}
BENCHMARK(BM_anc_convert_raw);

// --- (d) checked path: from_lab<bilirubin>(value, "umol/L") ---------------------------------

/// What a careful hand-written reader does for the same input: ignore surrounding white space,
/// accept exactly the unit it knows, refuse NaN/inf, convert, refuse values outside 0-100 mg/dL.
std::optional<double> raw_bilirubin_from_lab(double umol_l, std::string_view unit) {
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!unit.empty() && space(unit.front())) {
        unit.remove_prefix(1);
    }
    while (!unit.empty() && space(unit.back())) {
        unit.remove_suffix(1);
    }
    if (unit != "umol/L") {
        return std::nullopt;
    }
    if (!std::isfinite(umol_l)) {
        return std::nullopt;
    }
    const double mg_dl = umol_l / 17.1;
    if (!(mg_dl >= 0.0 && mg_dl <= 100.0)) {
        return std::nullopt;
    }
    return mg_dl;
}

void BM_from_lab_checked_typed(benchmark::State& state) {
    const double* x = data().bilirubin_umol_l.data();
    std::vector<double> out(n_elements);
    double* o = out.data();
    std::string unit = "umol/L";
    for (auto _ : state) {
        benchmark::DoNotOptimize(unit);  // the unit is run-time text, as from a lab feed
        const std::string_view u = unit;
        std::size_t refused = 0;
        for (std::size_t i = 0; i < n_elements; ++i) {
            const auto r = hsct::from_lab<hsct::bilirubin>(x[i], u);
            if (r) {
                o[i] = r->in(hsct::units::mg_per_dl);
            } else {
                ++refused;
            }
        }
        benchmark::DoNotOptimize(refused);
        benchmark::DoNotOptimize(o);
        benchmark::ClobberMemory();
    }
    set_counters(state);
}
BENCHMARK(BM_from_lab_checked_typed);

void BM_from_lab_checked_raw(benchmark::State& state) {
    const double* x = data().bilirubin_umol_l.data();
    std::vector<double> out(n_elements);
    double* o = out.data();
    std::string unit = "umol/L";
    for (auto _ : state) {
        benchmark::DoNotOptimize(unit);
        const std::string_view u = unit;
        std::size_t refused = 0;
        for (std::size_t i = 0; i < n_elements; ++i) {
            const auto r = raw_bilirubin_from_lab(x[i], u);
            if (r) {
                o[i] = *r;
            } else {
                ++refused;
            }
        }
        benchmark::DoNotOptimize(refused);
        benchmark::DoNotOptimize(o);
        benchmark::ClobberMemory();
    }
    set_counters(state);
}
BENCHMARK(BM_from_lab_checked_raw);

}  // namespace

BENCHMARK_MAIN();
