// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The follow-up module's cohort estimators, typed versus raw (BM_<case>_typed / BM_<case>_raw):
//  - kaplan_meier: 1M observations (days D0..D+3650, 30 % events, the rest censored) estimated by
//    hsct::follow_up::kaplan_meier under its default options (Greenwood, 95 % log-log limits, the
//    median and its limits, competing events refused), against a raw estimator reading the same
//    observation structs: the same checks (day D0..D+36525, status 1-3, no competing event), the
//    same counting pass into a per-day histogram, the same Greenwood sums and log-log limits,
//    writing plain step structs. Issue 14's target: <= 1 s for 1M patients (hsct's: tens of ms).
//  - cumulative_incidence: 1M observations (25 % events, 20 % competing events) estimated by
//    hsct::follow_up::cumulative_incidence under its default options (delta-method variance, 95 %
//    log(-log) limits), against a raw estimator doing the same checks, counting pass, running
//    variance sums and limits on the same structs.
// Each pair is checked for agreement once, step by step (every count, estimate, standard error
// and limit within 1e-12), and both sides must refuse a day before Day 0 (and, Kaplan-Meier, a
// competing event); a disagreement stops the run with an error.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include <hsct/follow_up/survival.hpp>

namespace {
namespace f = hsct::follow_up;
using f::observation;
using f::observation_status;

constexpr std::size_t n_patients = 1'000'000;

std::vector<observation> cohort(std::uint32_t seed, double p_event, double p_competing) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> day(0, 3650);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<observation> v(n_patients);
    for (auto& o : v) {
        o.time = hsct::transplant_day::at(day(rng));
        const double u = unit(rng);
        o.status = u < p_event ? observation_status::event
                   : u < p_event + p_competing ? observation_status::competing_event
                                               : observation_status::censored;
    }
    return v;
}

const std::vector<observation>& km_cohort() {
    static const std::vector<observation> v = cohort(20260501, 0.30, 0.0);
    return v;
}
const std::vector<observation>& cif_cohort() {
    static const std::vector<observation> v = cohort(20260502, 0.25, 0.20);
    return v;
}

// ---------------------------------------------------------------------------------------------
// Raw estimators: plain structs and loops, the same arithmetic in the same order.
// ---------------------------------------------------------------------------------------------

struct raw_km_step {
    int day;
    std::uint32_t at_risk, events, censored;
    double s, se, lo, hi;
};
struct raw_cif_step {
    int day;
    std::uint32_t at_risk, d1, d2, censored;
    double f1, se, lo, hi, f2, s;
};

constexpr std::uint32_t raw_last_day = 36525;

// The per-day counts by status number; false for a day outside D0..D+36525 or a status not 1-3.
bool raw_count(std::span<const observation> obs, std::vector<std::array<std::uint32_t, 4>>& h, std::uint32_t& max_day) {
    h.assign(raw_last_day + 1, std::array<std::uint32_t, 4>{});
    max_day = 0;
    for (const auto& o : obs) {
        const auto d = static_cast<std::uint32_t>(o.time.number());
        const auto s = static_cast<std::uint32_t>(o.status);
        if (d > raw_last_day || s - 1U > 2U) {
            return false;
        }
        ++h[d][s];
        max_day = std::max(max_day, d);
    }
    return true;
}

double raw_z() { return 1.959963984540054; }  // the 95 % quantile the typed side computes (AS 241)

// Returns false where the input is refused; writes the steps and the median day (-1: none).
bool raw_km(std::span<const observation> obs, std::vector<raw_km_step>& out, int& median) {
    std::vector<std::array<std::uint32_t, 4>> h;
    std::uint32_t max_day = 0;
    out.clear();
    median = -1;
    if (obs.empty()) {
        return true;
    }
    if (!raw_count(obs, h, max_day)) {
        return false;
    }
    std::size_t k = 0;
    for (std::uint32_t d = 0; d <= max_day; ++d) {
        if (h[d][3] != 0) {
            return false;  // a competing event
        }
        k += (h[d][1] | h[d][2]) != 0 ? 1U : 0U;
    }
    out.reserve(k);
    const double z = raw_z();
    auto at_risk = static_cast<std::uint32_t>(obs.size());
    double s = 1.0;
    double g = 0.0;
    for (std::uint32_t d = 0; d <= max_day; ++d) {
        const std::uint32_t e = h[d][2];
        const std::uint32_t c = h[d][1];
        if ((e | c) == 0) {
            continue;
        }
        if (e > 0) {
            const double n = at_risk;
            const double x = e;
            if (e < at_risk) {
                s *= (n - x) / n;
                g += x / (n * (n - x));
            } else {
                s = 0.0;
            }
        }
        raw_km_step st{static_cast<int>(d), at_risk, e, c, s, s > 0.0 ? s * std::sqrt(g) : 0.0, s, s};
        if (s <= 0.0) {
            st.lo = 0.0;
            st.hi = 0.0;
        } else if (g > 0.0) {
            const double theta = std::exp(z * std::sqrt(g) / std::log(s));
            st.lo = std::pow(s, 1.0 / theta);
            st.hi = std::pow(s, theta);
        }
        if (median < 0 && s <= 0.5 + 1e-12) {
            median = static_cast<int>(d);
        }
        out.push_back(st);
        at_risk -= e + c;
    }
    return true;
}

bool raw_cif(std::span<const observation> obs, std::vector<raw_cif_step>& out) {
    std::vector<std::array<std::uint32_t, 4>> h;
    std::uint32_t max_day = 0;
    out.clear();
    if (obs.empty()) {
        return true;
    }
    if (!raw_count(obs, h, max_day)) {
        return false;
    }
    std::size_t k = 0;
    for (std::uint32_t d = 0; d <= max_day; ++d) {
        k += (h[d][1] | h[d][2] | h[d][3]) != 0 ? 1U : 0U;
    }
    out.reserve(k);
    const double z = raw_z();
    auto at_risk = static_cast<std::uint32_t>(obs.size());
    double s = 1.0, f1 = 0.0, f2 = 0.0;
    double sw = 0.0, swf = 0.0, swff = 0.0, su = 0.0, suf = 0.0, sv = 0.0;
    for (std::uint32_t d = 0; d <= max_day; ++d) {
        const std::uint32_t d1 = h[d][2];
        const std::uint32_t d2 = h[d][3];
        const std::uint32_t c = h[d][1];
        if ((d1 | d2 | c) == 0) {
            continue;
        }
        const std::uint32_t both = d1 + d2;
        if (both > 0) {
            const double n = at_risk;
            const double e1 = d1;
            const double e2 = d2;
            const double prev = s;
            f1 += prev * e1 / n;
            f2 += prev * e2 / n;
            s = both < at_risk ? prev * (n - e1 - e2) / n : 0.0;
            if (d1 > 0) {
                const double u = prev * e1 / (n * n);
                su += u;
                suf += f1 * u;
                sv += prev * prev * e1 * (n - e1) / (n * n * n);
            }
            if (both < at_risk) {
                const double e = e1 + e2;
                const double w = e / (n * (n - e));
                sw += w;
                swf += f1 * w;
                swff += f1 * f1 * w;
            }
        }
        const double var = f1 * f1 * sw - 2.0 * f1 * swf + swff + sv - 2.0 * (f1 * su - suf);
        raw_cif_step st{static_cast<int>(d), at_risk, d1, d2, c, f1, var > 0.0 ? std::sqrt(var) : 0.0, f1, f1, f2, s};
        if (f1 <= 0.0 || st.se <= 0.0) {
            st.lo = std::max(0.0, f1);
            st.hi = std::min(1.0, f1);
        } else if (f1 >= 1.0) {
            st.lo = 1.0;
            st.hi = 1.0;
        } else {
            const double q = z * st.se / (f1 * std::fabs(std::log(f1)));
            st.lo = std::pow(f1, std::exp(q));
            st.hi = std::pow(f1, std::exp(-q));
        }
        out.push_back(st);
        at_risk -= both + c;
    }
    return true;
}

bool close(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b)); }

// ---------------------------------------------------------------------------------------------

void BM_kaplan_meier_typed(benchmark::State& state) {
    const auto& v = km_cohort();
    for (auto _ : state) {
        auto r = f::kaplan_meier(v);
        benchmark::DoNotOptimize(r->steps.data());
        benchmark::DoNotOptimize(r->median);
    }
}
BENCHMARK(BM_kaplan_meier_typed)->Unit(benchmark::kMillisecond);

void BM_kaplan_meier_raw(benchmark::State& state) {
    const auto& v = km_cohort();
    std::vector<raw_km_step> steps;
    int median = -1;
    for (auto _ : state) {
        std::vector<raw_km_step> fresh;  // a new result each pass, as the typed side returns one
        const bool ok = raw_km(v, fresh, median);
        benchmark::DoNotOptimize(ok);
        benchmark::DoNotOptimize(fresh.data());
        benchmark::DoNotOptimize(median);
        steps.swap(fresh);
    }
}
BENCHMARK(BM_kaplan_meier_raw)->Unit(benchmark::kMillisecond);

void BM_kaplan_meier_agreement(benchmark::State& state) {
    const auto& v = km_cohort();
    for (auto _ : state) {
        const auto t = f::kaplan_meier(v);
        std::vector<raw_km_step> r;
        int median = -1;
        if (!t || !raw_km(v, r, median) || t->steps.size() != r.size()) {
            state.SkipWithError("typed and raw disagree on the Kaplan-Meier steps");
            return;
        }
        for (std::size_t i = 0; i < r.size(); ++i) {
            const auto& a = t->steps[i];
            const auto& b = r[i];
            if (a.day.number() != b.day || a.at_risk != b.at_risk || a.events != b.events || a.censored != b.censored ||
                !close(a.estimate, b.s) || !close(a.standard_error, b.se) || !close(a.lower, b.lo) ||
                !close(a.upper, b.hi)) {
                state.SkipWithError("typed and raw disagree on a Kaplan-Meier step");
                return;
            }
        }
        if ((t->median ? t->median->number() : -1) != median) {
            state.SkipWithError("typed and raw disagree on the median");
            return;
        }
        // Both refuse a day before Day 0 and a competing event.
        std::vector<observation> bad(v.begin(), v.begin() + 1000);
        bad[500].time = hsct::transplant_day::at(-1);
        if (f::kaplan_meier(bad) || raw_km(bad, r, median)) {
            state.SkipWithError("a day before Day 0 not refused by both sides");
            return;
        }
        bad[500] = observation{hsct::transplant_day::at(3), observation_status::competing_event};
        if (f::kaplan_meier(bad) || raw_km(bad, r, median)) {
            state.SkipWithError("a competing event not refused by both sides");
            return;
        }
        state.counters["steps"] = static_cast<double>(t->steps.size());
        state.counters["median_day"] = t->median ? static_cast<double>(t->median->number()) : -1.0;
    }
}
BENCHMARK(BM_kaplan_meier_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_cumulative_incidence_typed(benchmark::State& state) {
    const auto& v = cif_cohort();
    for (auto _ : state) {
        auto r = f::cumulative_incidence(v);
        benchmark::DoNotOptimize(r->steps.data());
    }
}
BENCHMARK(BM_cumulative_incidence_typed)->Unit(benchmark::kMillisecond);

void BM_cumulative_incidence_raw(benchmark::State& state) {
    const auto& v = cif_cohort();
    std::vector<raw_cif_step> steps;
    for (auto _ : state) {
        std::vector<raw_cif_step> fresh;
        const bool ok = raw_cif(v, fresh);
        benchmark::DoNotOptimize(ok);
        benchmark::DoNotOptimize(fresh.data());
        steps.swap(fresh);
    }
}
BENCHMARK(BM_cumulative_incidence_raw)->Unit(benchmark::kMillisecond);

void BM_cumulative_incidence_agreement(benchmark::State& state) {
    const auto& v = cif_cohort();
    for (auto _ : state) {
        const auto t = f::cumulative_incidence(v);
        std::vector<raw_cif_step> r;
        if (!t || !raw_cif(v, r) || t->steps.size() != r.size()) {
            state.SkipWithError("typed and raw disagree on the incidence steps");
            return;
        }
        for (std::size_t i = 0; i < r.size(); ++i) {
            const auto& a = t->steps[i];
            const auto& b = r[i];
            if (a.day.number() != b.day || a.at_risk != b.at_risk || a.events != b.d1 ||
                a.competing_events != b.d2 || a.censored != b.censored || !close(a.estimate, b.f1) ||
                !close(a.standard_error, b.se) || !close(a.lower, b.lo) || !close(a.upper, b.hi) ||
                !close(a.competing_estimate, b.f2) || !close(a.event_free, b.s)) {
                state.SkipWithError("typed and raw disagree on an incidence step");
                return;
            }
        }
        std::vector<observation> bad(v.begin(), v.begin() + 1000);
        bad[700].time = hsct::transplant_day::at(-2);
        if (f::cumulative_incidence(bad) || raw_cif(bad, r)) {
            state.SkipWithError("a day before Day 0 not refused by both sides");
            return;
        }
        state.counters["steps"] = static_cast<double>(t->steps.size());
        state.counters["cif_at_end"] = t->steps.back().estimate;
    }
}
BENCHMARK(BM_cumulative_incidence_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);
}  // namespace

// The inputs are built before any benchmark runs, in one order (as the other modules' benches).
int main(int argc, char** argv) {
    (void)km_cohort();
    (void)cif_cohort();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
