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
//  - endpoints: 1M patients' outcome events (1-6 each: acute and chronic GVHD, relapse, a
//    subsequent HCT, death or last contact) turned into the five endpoint observations by
//    hsct::follow_up::assess_endpoints under its default options, against a raw pass over the same
//    outcome_event structs doing the same checks (enums, Day 0 window, date order, nothing after a
//    death, only a death after the last contact, a death or last contact at the end) and writing
//    the same five observations. Issue 14's target: <= 100 ns per patient.
// Each pair is checked for agreement once, step by step (every count, estimate, standard error
// and limit within 1e-12), and both sides must refuse a day before Day 0 (and, Kaplan-Meier, a
// competing event); a disagreement stops the run with an error.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include <hsct/follow_up/endpoints.hpp>
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

// ---------------------------------------------------------------------------------------------
// Endpoints per patient
// ---------------------------------------------------------------------------------------------

using f::outcome_event;
using f::outcome_event_kind;

struct endpoint_cohort {
    std::vector<outcome_event> events;
    std::vector<f::patient_outcomes> patients;
};

const endpoint_cohort& patients() {
    static const endpoint_cohort c = [] {
        endpoint_cohort out;
        std::mt19937_64 rng(20261203);
        std::uniform_int_distribution<int> start(0, 20 * 365);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::uniform_int_distribution<int> grade(1, 4);
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        std::vector<hsct::sys_days> day0s;
        out.events.reserve(n_patients * 4);
        for (std::size_t i = 0; i < n_patients; ++i) {
            const hsct::sys_days day0 = hsct::sys_days{std::chrono::days{10957 + start(rng)}};  // 2000-01-01 + n
            const std::size_t first = out.events.size();
            int day = 0;
            const auto at = [&](int lo, int hi) {
                day = std::max(day, lo) + static_cast<int>(unit(rng) * (hi - lo));
                return day0 + std::chrono::days{day};
            };
            if (unit(rng) < 0.4) {
                out.events.push_back(outcome_event::acute_gvhd(at(10, 60), static_cast<f::acute_gvhd_grade>(grade(rng))));
            }
            if (unit(rng) < 0.3) {
                out.events.push_back(outcome_event::chronic_gvhd(at(100, 300), f::chronic_gvhd_severity::moderate,
                                                                 unit(rng) < 0.6));
            }
            if (unit(rng) < 0.3) {
                out.events.push_back(outcome_event::relapse(at(60, 600)));
            }
            if (unit(rng) < 0.05) {
                out.events.push_back(outcome_event::subsequent_hct(at(30, 200)));
            }
            if (unit(rng) < 0.35) {
                out.events.push_back(outcome_event::death(
                    at(5, 900), unit(rng) < 0.5 ? f::death_cause::disease : f::death_cause::non_relapse));
            } else {
                out.events.push_back(outcome_event::last_contact(at(100, 2000)));
            }
            spans.emplace_back(first, out.events.size() - first);
            day0s.push_back(day0);
        }
        out.patients.reserve(n_patients);
        for (std::size_t i = 0; i < n_patients; ++i) {
            out.patients.push_back(
                f::patient_outcomes{day0s[i], std::span<const outcome_event>(out.events).subspan(spans[i].first,
                                                                                                 spans[i].second)});
        }
        return out;
    }();
    return c;
}

// The raw reading: the same checks and the same five observations (default options), one loop.
bool raw_endpoints(const f::patient_outcomes& p, observation out[5]) {
    const auto since = p.day0.time_since_epoch().count();
    if (since < -25567 || since > 84005 || p.events.empty()) {
        return false;
    }
    const std::size_t n = p.events.size();
    std::size_t death = n;
    std::size_t contact = n;
    std::size_t relapse = n;
    std::size_t grfs = n;
    for (std::size_t i = 0; i < n; ++i) {
        const outcome_event& e = p.events[i];
        const auto k = static_cast<std::uint8_t>(e.kind);
        if (k < 1 || k > 7) {
            return false;
        }
        if (e.kind == outcome_event_kind::death && (static_cast<std::uint8_t>(e.cause) < 1 ||
                                                    static_cast<std::uint8_t>(e.cause) > 3)) {
            return false;
        }
        if (e.kind == outcome_event_kind::acute_gvhd &&
            (static_cast<std::uint8_t>(e.grade) < 1 || static_cast<std::uint8_t>(e.grade) > 4)) {
            return false;
        }
        if (e.kind == outcome_event_kind::chronic_gvhd &&
            (static_cast<std::uint8_t>(e.severity) < 1 || static_cast<std::uint8_t>(e.severity) > 3)) {
            return false;
        }
        const auto d = (e.date - p.day0).count();
        if (d < 0 || d > 36525 || (i > 0 && e.date < p.events[i - 1].date) || death != n ||
            (contact != n && e.kind != outcome_event_kind::death)) {
            return false;
        }
        switch (e.kind) {
            case outcome_event_kind::death:
                death = i;
                if (relapse == n && e.cause == f::death_cause::disease) {
                    relapse = i;
                }
                grfs = std::min(grfs, i);
                break;
            case outcome_event_kind::last_contact: contact = i; break;
            case outcome_event_kind::relapse:
                relapse = std::min(relapse, i);
                grfs = std::min(grfs, i);
                break;
            case outcome_event_kind::acute_gvhd:
                if (e.grade >= f::acute_gvhd_grade::grade_3) {
                    grfs = std::min(grfs, i);
                }
                break;
            case outcome_event_kind::chronic_gvhd:
                if (e.systemic_therapy) {
                    grfs = std::min(grfs, i);
                }
                break;
            default: break;
        }
    }
    if (death == n && contact == n) {
        return false;
    }
    const std::size_t end = death != n ? death : n - 1;
    const auto day = [&](std::size_t i) {
        return hsct::transplant_day::at(static_cast<std::int32_t>((p.events[i].date - p.day0).count()));
    };
    using st = observation_status;
    out[0] = {day(end), death != n ? st::event : st::censored};
    if (relapse != n) {
        out[1] = {day(relapse), st::event};
        out[2] = {day(relapse), st::competing_event};
        out[3] = {day(relapse), st::event};
    } else if (death != n) {
        out[1] = {day(death), st::competing_event};
        out[2] = {day(death), st::event};
        out[3] = {day(death), st::event};
    } else {
        out[1] = out[2] = out[3] = {day(end), st::censored};
    }
    out[4] = grfs != n ? observation{day(grfs), st::event} : observation{day(end), st::censored};
    return true;
}

void BM_endpoints_typed(benchmark::State& state) {
    const auto& c = patients();
    std::vector<observation> out(n_patients * 5);
    for (auto _ : state) {
        std::size_t refused = 0;
        for (std::size_t i = 0; i < c.patients.size(); ++i) {
            const auto r = f::assess_endpoints(c.patients[i]);
            if (!r) {
                ++refused;
                continue;
            }
            for (std::size_t e = 0; e < 5; ++e) {
                out[i * 5 + e] = r->records[e].obs;
            }
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::DoNotOptimize(refused);
    }
    state.SetLabel("pass: 1M patients");
}
BENCHMARK(BM_endpoints_typed)->Unit(benchmark::kMillisecond);

void BM_endpoints_raw(benchmark::State& state) {
    const auto& c = patients();
    std::vector<observation> out(n_patients * 5);
    for (auto _ : state) {
        std::size_t refused = 0;
        for (std::size_t i = 0; i < c.patients.size(); ++i) {
            if (!raw_endpoints(c.patients[i], &out[i * 5])) {
                ++refused;
            }
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::DoNotOptimize(refused);
    }
    state.SetLabel("pass: 1M patients");
}
BENCHMARK(BM_endpoints_raw)->Unit(benchmark::kMillisecond);

void BM_endpoints_agreement(benchmark::State& state) {
    const auto& c = patients();
    for (auto _ : state) {
        std::size_t events = 0;
        for (const auto& p : c.patients) {
            const auto t = f::assess_endpoints(p);
            observation r[5];
            const bool ok = raw_endpoints(p, r);
            if (t.has_value() != ok) {
                state.SkipWithError("typed and raw disagree on whether a patient's events are valid");
                return;
            }
            for (std::size_t e = 0; ok && e < 5; ++e) {
                if (!(t->records[e].obs == r[e])) {
                    state.SkipWithError("typed and raw disagree on an endpoint");
                    return;
                }
                events += r[e].status == observation_status::event ? 1U : 0U;
            }
        }
        // both refuse events out of order and an event after a death
        std::vector<outcome_event> bad(c.patients[0].events.begin(), c.patients[0].events.end());
        bad.insert(bad.begin(), outcome_event::relapse(c.patients[0].day0 + std::chrono::days{30000}));
        const f::patient_outcomes b{c.patients[0].day0, bad};
        observation r[5];
        if (f::assess_endpoints(b) || raw_endpoints(b, r)) {
            state.SkipWithError("events out of order not refused by both sides");
            return;
        }
        const outcome_event after[] = {outcome_event::death(c.patients[0].day0, f::death_cause::unknown),
                                       outcome_event::last_contact(c.patients[0].day0 + std::chrono::days{1})};
        const f::patient_outcomes a{c.patients[0].day0, after};
        if (f::assess_endpoints(a) || raw_endpoints(a, r)) {
            state.SkipWithError("an event after a death not refused by both sides");
            return;
        }
        state.counters["events"] = static_cast<double>(events);
    }
}
BENCHMARK(BM_endpoints_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);
}  // namespace

// The inputs are built before any benchmark runs, in one order (as the other modules' benches).
int main(int argc, char** argv) {
    (void)km_cohort();
    (void)cif_cohort();
    (void)patients();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
