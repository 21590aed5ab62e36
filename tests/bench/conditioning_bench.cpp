// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The conditioning module, measured on its own (no raw counterpart yet; the typed-versus-raw
// dose arithmetic benchmark of issue 10 is still to come):
//  - intensity: assess_intensity of each of the twelve published regimens in turn (Bacigalupo
//    rule set); issue 10's target: <= 100 ns a regimen;
//  - regimen_doses: calculate_doses of FluBu4 for a patient (two dosing-weight policies with
//    their evidence, amounts and totals).
// Naming: BM_<case>_cost (tests/bench/run_ratios.sh prints them as costs).
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>

#include <hsct/conditioning/dose_calculation.hpp>
#include <hsct/conditioning/intensity.hpp>
#include <hsct/conditioning/regimen.hpp>

namespace {
namespace c = hsct::conditioning;

const std::array<c::regimen, 12>& published() {
    static const std::array<c::regimen, 12> all{
        c::regimens::bu_cy_oral(), c::regimens::bu_cy_iv(),    c::regimens::cy_tbi(),
        c::regimens::flu_bu4(),    c::regimens::flu_bu2(),     c::regimens::flu_mel(),
        c::regimens::beam(),       c::regimens::mel200(),      c::regimens::flu_cy_tbi_ptcy(),
        c::regimens::flu_tbi_2gy(), c::regimens::flu_treo(),   c::regimens::tbf()};
    return all;
}

void BM_intensity_cost(benchmark::State& state) {
    const auto& all = published();
    std::size_t i = 0;
    for (auto _ : state) {
        auto r = c::assess_intensity(all[i]);
        benchmark::DoNotOptimize(r->intensity);
        i = i + 1 == all.size() ? 0 : i + 1;
    }
}
BENCHMARK(BM_intensity_cost)->Unit(benchmark::kNanosecond);

void BM_regimen_doses_cost(benchmark::State& state) {
    namespace p = hsct::patient;
    const auto m = p::body_measures::make(p::height::make(165.0, hsct::units::cm).value(),
                                          p::body_weight::make(120.0, hsct::units::kg).value(),
                                          hsct::sex::female, hsct::age::make(45, 0).value())
                       .value();
    const auto r = c::regimens::flu_bu4();
    const auto policies = c::commonly_reported_policies();
    for (auto _ : state) {
        auto d = c::calculate_doses(r, m, policies);
        benchmark::DoNotOptimize(d->components[1].per_day);
    }
}
BENCHMARK(BM_regimen_doses_cost)->Unit(benchmark::kNanosecond);

}  // namespace

BENCHMARK_MAIN();
