// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The engraftment module, typed versus raw (BM_<case>_typed / BM_<case>_raw):
//  - neutrophil_1m: 1M patients' 30-day ANC series (day_value<anc>, contiguous, 30 a patient)
//    through neutrophil_engraftment_day (the status and day without the evidence), against a raw
//    loop over the same memory doing the same rule: the same checks (values finite and in the
//    analyte's range, days increasing; a refused series is reported as such), Day 0 onwards, the
//    nadir, three consecutive values at or above 0.5 with the same comparison margin, and the
//    same answer (the day, or which status when not engrafted). Issue 12's target: <= 1.1x.
//    Agreement checked once on every patient.
//  - platelet_1m: the same for platelets >= 20 with the 7-day transfusion window; each patient
//    reads one of 1,000 transfusion logs (0-3 platelet transfusions), and both sides read them
//    the same way: the first on or after Day 0 by binary search, the latest on or before each
//    day by a cursor that moves with the days (the fastest raw reading measured: a linear scan
//    of the log for each day was 0-7 % slower, a binary search for each day 3-9 % slower; the
//    raw side had the linear scan and the typed side the binary search before).
// Costs (BM_<case>_cost; run_ratios.sh prints each with its label, what one pass is):
//  - neutrophil_full_30: assess_neutrophil_engraftment (with its evidence) of one 30-day series;
//  - neutrophil_stream_value: one ANC result added in order to a neutrophil_stream holding the
//    patient's earlier results (30 results a patient, 1,024 patients' streams in turn, made
//    outside the timing); issue 12's target: <= 50 ns, no allocation (tested);
//  - platelet_stream_value: the same for platelet counts, the patient's transfusions given first.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <optional>
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
// What one pass of the typed and raw benchmarks is (run_ratios.sh prints it beside the figures).
constexpr const char* pass_1m = "pass: 1M patients' 30-day series";

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

// What both sides report for a patient: the engraftment day, or minus the status's number when
// not engrafted (not_yet -2, never_below_threshold -3, no_values -4), or -100 when refused.
constexpr int refused = -100;
inline int typed_day(const hsct::result<e::engraftment_day>& r) {
    if (!r) {
        return refused;
    }
    return r->day ? r->day->number() : -static_cast<int>(r->status);
}

constexpr int no_event = std::numeric_limits<int>::max();

// The raw rule: the checks (values finite and in the analyte's range, days increasing), then
// Day 0 onwards, counting from the first value below t (or from the first value after the event
// day), three consecutive values at or above t with CORE-THRESH-001's margin and free(day) (the
// transfusion window).
// Inlined into the benchmark loop, as the typed functions are (HSCT_ALWAYS_INLINE).
template <class A, class Free>
[[gnu::always_inline]] inline int raw_engraftment(const e::day_value<A>* d, std::size_t n, double t, double lo, double hi, int event,
                           Free free) {
    for (std::size_t i = 0; i < n; ++i) {
        const double v = d[i].value.in(u::giga_per_l);
        if (!(v >= lo && v <= hi)) {
            return refused;
        }
        if (i > 0 && !(d[i - 1].day < d[i].day)) {
            return refused;
        }
    }
    const double margin = 1e-9 * (t > 1.0 ? t : 1.0);
    bool any = false;
    bool started = false;
    std::size_t run = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const int day = d[i].day.number();
        if (day < 0) {
            continue;
        }
        any = true;
        const double v = d[i].value.in(u::giga_per_l);
        if (!started) {
            if (event < day) {
                started = true;
            } else {
                started = v < t - margin;  // the same margin as the typed side (CORE-THRESH-001)
                continue;
            }
        }
        if (!(v >= t - margin && free(day))) {
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
    return !any ? -4 : (started || event != no_event) ? -2 : -3;
}
[[gnu::always_inline]] inline int raw_neutrophil(const e::day_value<hsct::anc>* d) {
    return raw_engraftment(d, n_days, 0.5, 0.0, 1000.0, no_event, [](int) { return true; });
}
// The transfusion days are read as platelet_engraftment_day reads them: the first on or after
// Day 0 by binary search, the latest on or before each day by a cursor moving with the days.
[[gnu::always_inline]] inline int raw_platelet(const e::day_value<hsct::platelets>* d, const e::transfusion_log& log) {
    const auto tx = log.days(e::blood_product::platelets);
    const auto first = std::lower_bound(tx.begin(), tx.end(), hsct::transplant_day::at(0));
    const int event = first == tx.end() ? no_event : first->number();
    const hsct::transplant_day* next = tx.data();
    const hsct::transplant_day* end = tx.data() + tx.size();
    int last = std::numeric_limits<int>::min() / 2;
    return raw_engraftment(d, n_days, 20.0, 0.0, 5000.0, event, [&](int day) {
        while (next != end && next->number() <= day) {
            last = next->number();
            ++next;
        }
        return day - last >= 7;
    });
}

void BM_neutrophil_1m_typed(benchmark::State& state) {
    state.SetLabel(pass_1m);
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
    state.SetLabel(pass_1m);
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
    state.SetLabel(pass_1m);
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
    state.SetLabel(pass_1m);
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
    state.SetLabel("pass: one 30-day series");
    const auto& s = anc_series();
    std::size_t p = 0;
    for (auto _ : state) {
        auto r = e::assess_neutrophil_engraftment(std::span(s.data() + p * n_days, n_days));
        benchmark::DoNotOptimize(r);
        p = (p + 1) % 1024;
    }
}
BENCHMARK(BM_neutrophil_full_30_cost)->Unit(benchmark::kNanosecond);

// One result added in order to a stream that has the patient's earlier results: 1,024 streams,
// one a patient, made (with what `before` gives them) outside the timing, then each patient's
// 30 results in turn; then the streams are made again. The timer stops once every 30,720
// values (its pause costs a system call: stopping it every 30 values would add about 20 ns a
// value).
template <class Stream, class Series, class Before>
void stream_values(benchmark::State& state, const Series& s, Before before) {
    state.SetLabel("pass: one value");
    constexpr std::size_t pool = 1024;
    const auto streams = std::make_unique<std::optional<Stream>[]>(pool);
    const auto make = [&] {
        for (std::size_t q = 0; q < pool; ++q) {
            streams[q].emplace();
            before(*streams[q], q);
        }
    };
    make();
    std::size_t p = 0;
    std::size_t k = 0;
    for (auto _ : state) {
        const auto& d = s[p * n_days + k];
        auto st = streams[p]->add({d.day, d.value});
        benchmark::DoNotOptimize(st);
        if (++k == n_days) {
            k = 0;
            if (++p == pool) {
                state.PauseTiming();
                make();
                p = 0;
                state.ResumeTiming();
            }
        }
    }
}

void BM_neutrophil_stream_value_cost(benchmark::State& state) {
    stream_values<e::neutrophil_stream>(state, anc_series(), [](e::neutrophil_stream&, std::size_t) {});
}
BENCHMARK(BM_neutrophil_stream_value_cost)->Unit(benchmark::kNanosecond);

// The same for platelet counts, the patient's platelet transfusions (0-3, as in platelet_1m)
// given to the stream first.
void BM_platelet_stream_value_cost(benchmark::State& state) {
    stream_values<e::platelet_stream>(state, platelet_series(), [](e::platelet_stream& st, std::size_t p) {
        for (const auto d : logs()[p % n_logs].days(e::blood_product::platelets)) {
            if (!st.add_transfusion({d, e::blood_product::platelets})) {
                std::abort();
            }
        }
    });
}
BENCHMARK(BM_platelet_stream_value_cost)->Unit(benchmark::kNanosecond);

}  // namespace

BENCHMARK_MAIN();
