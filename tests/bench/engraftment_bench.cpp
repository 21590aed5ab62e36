// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The engraftment module, typed versus raw (BM_<case>_typed / BM_<case>_raw):
//  - neutrophil_1m: 1M patients' 30-day ANC series (day_value<anc>, contiguous, 30 a patient)
//    through neutrophil_engraftment_day (the day without the evidence), against a raw loop over
//    the same memory doing the same rule: the same checks (days increasing, values finite and in
//    range), Day 0 onwards, the nadir, three consecutive values at or above 0.5 with the same
//    comparison margin. Issue 12's target: <= 1.1x. Agreement checked once.
//  - platelet_1m: the same for platelets >= 20 with the 7-day transfusion window; each patient
//    reads one of 1,000 transfusion logs (0-3 platelet transfusions), the same on both sides.
// Costs (BM_<case>_cost):
//  - neutrophil_full_30: assess_neutrophil_engraftment (with its evidence) of one 30-day series;
//  - neutrophil_stream_value: one ANC result added to a neutrophil_stream in order (a 30-result
//    series, then again from empty), re-assessed; issue 12's target: <= 50 ns, no allocation.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <vector>

#include <hsct/engraftment/neutrophil.hpp>
#include <hsct/engraftment/platelet.hpp>
#include <hsct/engraftment/stream.hpp>

namespace {
namespace e = hsct::engraftment;
namespace u = hsct::units;

constexpr std::size_t n_patients = 1'000'000;
constexpr std::size_t n_days = 30;
constexpr std::size_t n_logs = 1000;

// Day -2 to +27; residual counts, a nadir of random length, a recovery with dips.
template <class A>
std::vector<e::day_value<A>> make_series(std::uint64_t seed, double scale) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> nadir_len(3, 18);
    std::uniform_real_distribution<double> low(0.0, 0.45);
    std::uniform_real_distribution<double> high(0.45, 3.0);
    std::vector<e::day_value<A>> v;
    v.reserve(n_patients * n_days);
    for (std::size_t p = 0; p < n_patients; ++p) {
        const int nadir_start = 3;
        const int nadir_end = nadir_start + nadir_len(rng);
        for (std::size_t k = 0; k < n_days; ++k) {
            const int day = static_cast<int>(k) - 2;
            const int i = static_cast<int>(k);
            const double x = i < nadir_start ? 2.0 : i < nadir_end ? low(rng) : high(rng);
            v.push_back({hsct::transplant_day::at(day), A(x * scale, u::giga_per_l)});
        }
    }
    return v;
}
const std::vector<e::day_value<hsct::anc>>& anc_series() {
    static const auto all = make_series<hsct::anc>(21, 1.0);
    return all;
}
const std::vector<e::day_value<hsct::platelets>>& platelet_series() {
    static const auto all = make_series<hsct::platelets>(22, 40.0);
    return all;
}
const std::vector<e::transfusion_log>& logs() {
    static const std::vector<e::transfusion_log> all = [] {
        std::mt19937_64 rng(23);
        std::uniform_int_distribution<int> day(0, 20);
        std::vector<e::transfusion_log> v;
        v.reserve(n_logs);
        for (std::size_t i = 0; i < n_logs; ++i) {
            std::vector<e::transfusion_record> r;
            for (std::size_t k = i % 4; k > 0; --k) {
                r.push_back({hsct::transplant_day::at(day(rng)), e::blood_product::platelets});
            }
            v.push_back(*e::make_transfusion_log(r));
        }
        return v;
    }();
    return all;
}

// The raw rule: -1 not engrafted (or refused), else the day.
template <class A, class Free>
inline int raw_engraftment(const e::day_value<A>* d, std::size_t n, double t, double lo, double hi,
                           bool have_event, int event_day, Free free) {
    for (std::size_t i = 0; i < n; ++i) {
        const double v = d[i].value.in(u::giga_per_l);
        if ((i > 0 && !(d[i - 1].day < d[i].day)) || !(v >= lo && v <= hi)) {
            return -2;
        }
    }
    const double margin = 1e-9 * (t > 1.0 ? t : 1.0);
    bool started = false;
    std::size_t run = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const int day = d[i].day.number();
        if (day < 0) {
            continue;
        }
        const double v = d[i].value.in(u::giga_per_l);
        if (!started) {
            if (have_event && event_day < day) {
                started = true;
            } else {
                started = v < t;
                continue;
            }
        }
        if (!(v >= t - margin && free(i))) {
            run = 0;
            continue;
        }
        if (run == 0) {
            start = i;
        }
        if (++run == 3) {
            return d[start].day.number();
        }
    }
    return -1;
}
inline int raw_neutrophil(const e::day_value<hsct::anc>* d) {
    return raw_engraftment(d, n_days, 0.5, 0.0, 1000.0, false, 0, [](std::size_t) { return true; });
}
inline int raw_platelet(const e::day_value<hsct::platelets>* d, const e::transfusion_log& log) {
    const auto tx = log.days(e::blood_product::platelets);
    int first = 0;
    bool have = false;
    for (const auto t : tx) {
        if (t.number() >= 0) {
            first = t.number();
            have = true;
            break;
        }
    }
    return raw_engraftment(d, n_days, 20.0, 0.0, 5000.0, have, first, [&](std::size_t i) {
        int last = 0;
        bool any = false;
        for (const auto t : tx) {  // sorted: the latest on or before the day
            if (t <= d[i].day) {
                last = t.number();
                any = true;
            }
        }
        return !any || d[i].day.number() - last >= 7;
    });
}
inline int typed_day(const hsct::result<e::engraftment_day>& r) {
    return r && r->day ? r->day->number() : (r ? -1 : -2);
}

void BM_neutrophil_1m_typed(benchmark::State& state) {
    const auto& s = anc_series();
    std::vector<int> out(n_patients);
    for (auto _ : state) {
        for (std::size_t p = 0; p < n_patients; ++p) {
            out[p] = typed_day(e::neutrophil_engraftment_day(std::span(s.data() + p * n_days, n_days)));
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_neutrophil_1m_typed)->Unit(benchmark::kMillisecond);

void BM_neutrophil_1m_raw(benchmark::State& state) {
    const auto& s = anc_series();
    std::vector<int> out(n_patients);
    for (auto _ : state) {
        for (std::size_t p = 0; p < n_patients; ++p) {
            out[p] = raw_neutrophil(s.data() + p * n_days);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_neutrophil_1m_raw)->Unit(benchmark::kMillisecond);

void BM_neutrophil_1m_agreement(benchmark::State& state) {
    const auto& s = anc_series();
    for (auto _ : state) {
        for (std::size_t p = 0; p < n_patients; ++p) {
            const auto* d = s.data() + p * n_days;
            if (typed_day(e::neutrophil_engraftment_day(std::span(d, n_days))) != raw_neutrophil(d)) {
                state.SkipWithError("typed and raw disagree on a neutrophil series");
                return;
            }
        }
    }
}
BENCHMARK(BM_neutrophil_1m_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_platelet_1m_typed(benchmark::State& state) {
    const auto& s = platelet_series();
    const auto& l = logs();
    std::vector<int> out(n_patients);
    for (auto _ : state) {
        for (std::size_t p = 0; p < n_patients; ++p) {
            out[p] = typed_day(e::platelet_engraftment_day(std::span(s.data() + p * n_days, n_days), l[p % n_logs]));
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_platelet_1m_typed)->Unit(benchmark::kMillisecond);

void BM_platelet_1m_raw(benchmark::State& state) {
    const auto& s = platelet_series();
    const auto& l = logs();
    std::vector<int> out(n_patients);
    for (auto _ : state) {
        for (std::size_t p = 0; p < n_patients; ++p) {
            out[p] = raw_platelet(s.data() + p * n_days, l[p % n_logs]);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_platelet_1m_raw)->Unit(benchmark::kMillisecond);

void BM_platelet_1m_agreement(benchmark::State& state) {
    const auto& s = platelet_series();
    const auto& l = logs();
    for (auto _ : state) {
        for (std::size_t p = 0; p < n_patients; ++p) {
            const auto* d = s.data() + p * n_days;
            if (typed_day(e::platelet_engraftment_day(std::span(d, n_days), l[p % n_logs])) !=
                raw_platelet(d, l[p % n_logs])) {
                state.SkipWithError("typed and raw disagree on a platelet series");
                return;
            }
        }
    }
}
BENCHMARK(BM_platelet_1m_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_neutrophil_full_30_cost(benchmark::State& state) {
    const auto& s = anc_series();
    std::size_t p = 0;
    for (auto _ : state) {
        auto r = e::assess_neutrophil_engraftment(std::span(s.data() + p * n_days, n_days));
        benchmark::DoNotOptimize(r);
        p = (p + 1) % 1024;
    }
}
BENCHMARK(BM_neutrophil_full_30_cost)->Unit(benchmark::kNanosecond);

void BM_neutrophil_stream_value_cost(benchmark::State& state) {
    const auto& s = anc_series();
    auto stream = std::make_unique<e::neutrophil_stream>();
    std::size_t k = 0;
    for (auto _ : state) {
        const auto& d = s[k];
        auto st = stream->add({d.day, d.value});
        benchmark::DoNotOptimize(st);
        if (++k == n_days) {
            state.PauseTiming();
            stream = std::make_unique<e::neutrophil_stream>();
            k = 0;
            state.ResumeTiming();
        }
    }
}
BENCHMARK(BM_neutrophil_stream_value_cost)->Unit(benchmark::kNanosecond);

}  // namespace

BENCHMARK_MAIN();
