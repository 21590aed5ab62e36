// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The follow-up module's cohort estimators, typed versus raw (BM_<case>_typed / BM_<case>_raw):
//  - kaplan_meier: 1M observations (days D0..D+3650, 30 % events, the rest censored) estimated by
//    hsct::follow_up::kaplan_meier under its default options (Greenwood, 95 % log-log limits, the
//    median and its limits, competing events refused), against a raw estimator reading the same
//    observation structs: the same checks (day D0..D+36525, status 1-3, no competing event), the
//    same counting pass into a per-day histogram, the same Greenwood sums and log-log limits,
//    writing plain step structs. Issue 14's target: <= 1 s for 1M patients.
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
//  - revaccination: 100,000 adults (3 % without an age) on a date 3-30 months after Day 0 of their
//    latest HCT (4 % with a second HCT, whose earlier doses are ignored), with random doses of every
//    vaccine (some before Day 0, one more than the series at most, in any order; spans into one
//    vector), GVHD and immunosuppression states, stop dates, IVIG, rituximab, relapse, serostatus,
//    outbreaks and now and then IgG, platelets and leukocyte engraftment, read by
//    hsct::follow_up::assess_revaccination under its default options (ECIL-7/HB24 schedule, its
//    live gate, 3 months after IVIG), against a raw reader of the same revaccination_input structs
//    and the same schedule rows: the same checks (enumerators, the HCT counted from, dates in
//    1900-2199 and not after the assessment, doses, IgG and platelets) and, per vaccine, the same
//    decision order (FU-VAC-022), writing only the status and the earliest date. Target: <= 3x.
//  - screening: 1M patient-dates (random donor kind, sex, child and pubertal status, exposures, a
//    date 0-10 years after Day 0) read by hsct::follow_up::assess_screening, against a raw reader
//    of the same screening_input structs and screening_table() writing the review and the list of
//    tests with their bases.
// Each pair is checked for agreement once, step by step (every count, estimate, standard error
// and limit within 1e-12), and both sides must refuse a day before Day 0 (and, Kaplan-Meier, a
// competing event; revaccination: a dose after the assessment, the same dose twice, a stop date
// without "stopped", an infinite IgG, a negative platelet count; screening: a date before Day 0,
// an undeclared donor kind); a disagreement stops the run with an error.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <vector>

#include <hsct/follow_up/endpoints.hpp>
#include <hsct/follow_up/revaccination.hpp>
#include <hsct/follow_up/screening.hpp>
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

// ---------------------------------------------------------------------------------------------
// Revaccination per patient and date (default options: ECIL-7/HB24 schedule, its live gate, the
// gate's 3-month IVIG interval, a missing month end read as the month's last day)
// ---------------------------------------------------------------------------------------------

using f::vaccine;
using f::vaccine_dose;
using f::vaccine_status;

constexpr std::size_t n_vaccination_patients = 100'000;
constexpr std::int32_t raw_min_day = -25567;  // 1900-01-01, days since 1970-01-01
constexpr std::int32_t raw_max_day = 84005;   // 2199-12-31
constexpr std::int32_t raw_no_date = INT32_MIN;

std::int32_t day_number(hsct::sys_days d) { return static_cast<std::int32_t>(d.time_since_epoch().count()); }

struct vaccination_cohort {
    std::vector<hsct::timeline> timelines;
    std::vector<vaccine_dose> doses;
    std::vector<f::revaccination_input> inputs;
};

const vaccination_cohort& vaccination_patients() {
    static const vaccination_cohort c = [] {
        vaccination_cohort out;
        std::mt19937_64 rng(20261204);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const auto chance = [&](double p) { return unit(rng) < p; };
        const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        const auto day = [](int n) { return hsct::sys_days{std::chrono::days{n}}; };
        struct plan {
            int first_day0, day0, on;
        };
        std::vector<plan> plans;
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        out.timelines.reserve(n_vaccination_patients);
        out.doses.reserve(n_vaccination_patients * 16);
        for (std::size_t i = 0; i < n_vaccination_patients; ++i) {
            const int first = 10957 + pick(0, 25 * 365);  // 2000-01-01 + n days
            auto t = hsct::timeline::single(day(first));
            int day0 = first;
            if (chance(0.04)) {  // a second HCT: earlier doses are ignored (FU-VAC-021)
                day0 = first + pick(200, 500);
                t = t->with_subsequent_hct(day(day0));
            }
            out.timelines.push_back(std::move(*t));
            const int on = day0 + pick(91, 913);  // 3 to 30 months after Day 0
            plans.push_back({first, day0, on});
            const std::size_t begin = out.doses.size();
            for (std::size_t v = 1; v <= f::vaccine_count; ++v) {
                const auto w = static_cast<vaccine>(v);
                if (!chance(0.55)) {
                    continue;
                }
                const int most = f::schedule_row(f::vaccination_schedule::ecil7_hb24, w).doses + 1;
                const int k = pick(1, std::max(1, most));
                const std::size_t mine = out.doses.size();
                for (int j = 0; j < k; ++j) {
                    const int lo = chance(0.08) ? first - 365 : day0;
                    for (int attempt = 0; attempt < 8; ++attempt) {
                        const int d = pick(lo, on);
                        const bool taken = std::any_of(out.doses.begin() + static_cast<std::ptrdiff_t>(mine),
                                                       out.doses.end(), [&](const vaccine_dose& x) {
                                                           return x.date == day(d);
                                                       });
                        if (!taken) {
                            out.doses.push_back(vaccine_dose{w, day(d)});
                            break;
                        }
                    }
                }
            }
            // any order (the rule sorts nothing: it reads the dates)
            std::shuffle(out.doses.begin() + static_cast<std::ptrdiff_t>(begin), out.doses.end(), rng);
            spans.emplace_back(begin, out.doses.size() - begin);
        }
        out.inputs.resize(n_vaccination_patients);
        const hsct::donor_type donors[] = {hsct::donor_type::hla_identical_sibling, hsct::donor_type::unrelated,
                                           hsct::donor_type::haploidentical, hsct::donor_type::cord_blood,
                                           hsct::donor_type::other_related, hsct::donor_type::autologous};
        const auto sero = [&] {
            const double u = unit(rng);
            return u < 0.35 ? f::serostatus::negative : u < 0.85 ? f::serostatus::positive : f::serostatus::unknown;
        };
        for (std::size_t i = 0; i < n_vaccination_patients; ++i) {
            const plan& p = plans[i];
            f::revaccination_input& in = out.inputs[i];
            in.timeline = &out.timelines[i];
            if (chance(0.1)) {
                in.hct_number = out.timelines[i].hct_count();
            }
            in.on = day(p.on);
            in.donor = donors[pick(0, 5)];
            if (!chance(0.03)) {
                in.age = hsct::age::make(pick(18, 75), pick(0, 11)).value();
            }
            in.doses = std::span<const vaccine_dose>(out.doses).subspan(spans[i].first, spans[i].second);
            const double g = unit(rng);
            in.gvhd = g < 0.6    ? f::gvhd_state::none
                      : g < 0.75 ? f::gvhd_state::controlled
                      : g < 0.95 ? f::gvhd_state::active_chronic
                                 : f::gvhd_state::uncontrolled_acute;
            if (chance(0.15)) {
                in.chronic_gvhd_resolved = day(pick(p.day0, p.on));
            }
            const double s = unit(rng);
            in.immunosuppression = s < 0.2    ? f::immunosuppression_state::never
                                   : s < 0.5  ? f::immunosuppression_state::ongoing
                                   : s < 0.6  ? f::immunosuppression_state::ongoing_low_grade
                                              : f::immunosuppression_state::stopped;
            if (in.immunosuppression == f::immunosuppression_state::stopped && chance(0.9)) {
                in.immunosuppression_stopped = day(pick(p.day0, p.on));
            }
            if (chance(0.3)) {
                in.last_ivig = day(pick(p.day0, p.on));
            }
            if (chance(0.1)) {
                in.last_rituximab = day(pick(p.first_day0 - 100, p.on));
            }
            in.relapse = chance(0.05);
            in.measles = sero();
            in.varicella = sero();
            if (chance(0.5)) {
                in.igg = hsct::mass_concentration(static_cast<double>(pick(10, 100)) / 10.0, hsct::units::g_per_l);
            }
            if (chance(0.5)) {
                in.platelets = hsct::platelets(static_cast<double>(pick(10, 300)), hsct::units::giga_per_l);
            }
            in.unstable = chance(0.03);
            in.atg_ongoing = chance(0.02);
            in.influenza_outbreak = chance(0.05);
            in.measles_outbreak = chance(0.05);
            if (chance(0.3)) {
                in.leukocytes_engrafted = chance(0.9);
            }
        }
        return out;
    }();
    return c;
}

// One vaccine's answer, as both sides write it: the status code and the earliest date (days
// since 1970-01-01; raw_no_date when there is none).
struct vaccine_answer {
    std::int32_t earliest = raw_no_date;
    std::uint8_t status = 0;
    friend bool operator==(const vaccine_answer&, const vaccine_answer&) = default;
};

// Calendar arithmetic on day numbers (H. Hinnant's civil-date algorithms), months added with
// the month's last day standing in for a day it lacks.
struct raw_civil {
    int y, m, d;
};

raw_civil raw_to_civil(std::int32_t n) {
    const int z = n + 719468;  // >= 0 for every day from 1900 on
    const int era = z / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

std::int32_t raw_from_civil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::int32_t raw_add_months(raw_civil c, int n) {
    const int index = c.y * 12 + c.m - 1 + n;
    const int y = index / 12;
    const int m = index % 12 + 1;
    static constexpr int length[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int last = m == 2 && leap ? 29 : length[m - 1];
    return raw_from_civil(y, m, std::min(c.d, last));
}

// A span of a schedule row after a day (its civil form given); raw_no_date beyond 2199-12-31.
std::int32_t raw_add_span(std::int32_t from, raw_civil c, f::schedule_span s) {
    const std::int32_t d = s.unit == f::schedule_unit::days ? from + s.count : raw_add_months(c, s.count);
    return d > raw_max_day ? raw_no_date : d;
}
std::int32_t raw_add_span(std::int32_t from, f::schedule_span s) {
    return raw_add_span(from, s.unit == f::schedule_unit::days ? raw_civil{} : raw_to_civil(from), s);
}

bool raw_past(const std::optional<hsct::sys_days>& d, std::int32_t on) {
    if (!d) {
        return true;
    }
    const std::int32_t n = day_number(*d);
    return n >= raw_min_day && n <= on;
}

bool raw_amount(double v) { return std::isfinite(v) && v >= 0.0; }

// The raw reading of one patient on one date under the default options: the same checks
// (FU-VAC-023) and, per vaccine, the same decision order (FU-VAC-022) over the same rows.
bool raw_revaccination(const f::revaccination_input& in, vaccine_answer out[f::vaccine_count]) {
    const auto code = [](auto e) { return static_cast<unsigned>(e); };
    const auto status = [](vaccine_status e) { return static_cast<std::uint8_t>(e); };
    if (code(in.donor) - 1U > 5U || code(in.gvhd) - 1U > 3U || code(in.immunosuppression) - 1U > 3U ||
        code(in.measles) - 1U > 2U || code(in.varicella) - 1U > 2U || in.timeline == nullptr) {
        return false;
    }
    const std::int32_t on = day_number(in.on);
    if (on < raw_min_day || on > raw_max_day) {
        return false;
    }
    int latest = 0;
    std::int32_t day0 = 0;
    for (const auto& h : in.timeline->hcts()) {
        if (day_number(h.day0) <= on) {
            latest = h.number;
            day0 = day_number(h.day0);
        }
    }
    if (latest == 0 || (in.hct_number && *in.hct_number != latest) || in.doses.size() > 255U) {
        return false;
    }
    struct tally {
        int counted = 0;
        std::int32_t first = INT32_MAX;
        std::int32_t last = INT32_MIN;
    };
    std::array<tally, f::vaccine_count + 1> t{};
    const std::size_t n = in.doses.size();
    for (std::size_t i = 0; i < n; ++i) {
        const vaccine_dose& x = in.doses[i];
        const unsigned w = code(x.which);
        const std::int32_t d = day_number(x.date);
        if (w - 1U >= f::vaccine_count || d < raw_min_day || d > on) {
            return false;
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (in.doses[j].which == x.which && in.doses[j].date == x.date) {
                return false;
            }
        }
        if (d >= day0) {
            tally& k = t[w];
            ++k.counted;
            k.first = std::min(k.first, d);
            k.last = std::max(k.last, d);
        }
    }
    const bool stopped = in.immunosuppression == f::immunosuppression_state::stopped;
    if ((in.immunosuppression_stopped && !stopped) || !raw_past(in.immunosuppression_stopped, on) ||
        !raw_past(in.last_ivig, on) || !raw_past(in.chronic_gvhd_resolved, on) || !raw_past(in.last_rituximab, on)) {
        return false;
    }
    const double igg = in.igg ? in.igg->in(hsct::units::g_per_l) : 0.0;
    const double plt = in.platelets ? in.platelets->in(hsct::units::giga_per_l) : 0.0;
    if (!raw_amount(igg) || !raw_amount(plt)) {
        return false;
    }
    constexpr auto schedule = f::vaccination_schedule::ecil7_hb24;
    const f::vaccine_schedule_row& pcv = f::schedule_row(schedule, vaccine::pneumococcal_conjugate);
    const f::vaccine_schedule_row& ppsv = f::schedule_row(schedule, vaccine::pneumococcal_polysaccharide);
    const std::size_t pcv_i = code(vaccine::pneumococcal_conjugate);
    const std::size_t ppsv_i = code(vaccine::pneumococcal_polysaccharide);
    const bool gvhd_calls = ppsv.substitution == f::conjugate_substitution::any_gvhd
                                ? in.gvhd != f::gvhd_state::none
                                : ppsv.substitution == f::conjugate_substitution::chronic_gvhd &&
                                      in.gvhd == f::gvhd_state::active_chronic;
    const bool fourth_given =
        ppsv.substitution != f::conjugate_substitution::never && t[pcv_i].counted > pcv.doses;
    const bool substituted = (gvhd_calls || fourth_given) && t[ppsv_i].counted == 0;
    const raw_civil c0 = raw_to_civil(day0);
    // the holds every vaccine reads (the rituximab and IVIG ends are refused only where read)
    std::int32_t rituximab_end = raw_no_date;
    if (in.last_rituximab) {
        rituximab_end = raw_add_months(raw_to_civil(day_number(*in.last_rituximab)), 6);
        rituximab_end = rituximab_end > raw_max_day ? raw_no_date : rituximab_end;
    }
    std::int32_t ivig_end = raw_no_date;
    if (in.last_ivig) {
        ivig_end = raw_add_months(raw_to_civil(day_number(*in.last_ivig)), 3);
        ivig_end = ivig_end > raw_max_day ? raw_no_date : ivig_end;
    }
    const bool held_always = in.unstable || in.gvhd == f::gvhd_state::uncontrolled_acute || in.atg_ongoing ||
                             (in.igg && !(igg >= 3.0 - 1e-9 * 3.0));
    const bool platelets_low = in.platelets && !(plt >= 50.0 - 1e-9 * 50.0);
    const bool gvhd_live = in.gvhd != f::gvhd_state::none;
    const auto is = in.immunosuppression;
    for (std::size_t v = 1; v <= f::vaccine_count; ++v) {
        const auto w = static_cast<vaccine>(v);
        const f::vaccine_schedule_row& r = f::schedule_row(schedule, w);
        vaccine_answer& o = out[v - 1];
        o.earliest = raw_no_date;
        switch (r.advice) {
            case f::vaccine_advice::not_covered: o.status = status(vaccine_status::not_covered); continue;
            case f::vaccine_advice::not_recommended: o.status = status(vaccine_status::not_recommended); continue;
            case f::vaccine_advice::contraindicated: o.status = status(vaccine_status::contraindicated); continue;
            case f::vaccine_advice::recommended:
            case f::vaccine_advice::optional: break;
        }
        if (v == ppsv_i && substituted) {
            o.status = status(vaccine_status::not_applicable);
            continue;
        }
        const tally& k = t[v];
        bool need = false;
        bool held = false;
        bool contraindicated = false;
        int planned = r.doses;
        if (r.doses != r.doses_child) {
            if (in.age) {
                planned = in.age->completed_years() <= r.child_max_years ? r.doses_child : r.doses;
            } else {
                planned = std::min(r.doses, r.doses_child);
                need = k.counted >= planned;
            }
        }
        if (v == pcv_i && substituted) {
            planned = r.doses + 1;
        }
        if (r.seronegative_only) {
            const f::serostatus s = w == vaccine::measles_mumps_rubella ? in.measles : in.varicella;
            if (s == f::serostatus::unknown) {
                need = true;
            } else if (s != f::serostatus::negative) {
                o.status = status(vaccine_status::not_applicable);
                continue;
            }
        }
        if (!r.repeat.present() && k.counted >= planned) {
            o.status = status(vaccine_status::series_complete);
            continue;
        }
        const int next = k.counted + 1;
        const bool measles_exception =
            w == vaccine::measles_mumps_rubella && in.measles_outbreak && r.outbreak_start.present();
        const bool outbreak =
            measles_exception || (w == vaccine::influenza && in.influenza_outbreak && r.outbreak_start.present());
        const std::int32_t start = raw_add_span(day0, c0, outbreak ? r.outbreak_start : r.start);
        if (start == raw_no_date) {
            return false;
        }
        std::int32_t earliest = !outbreak && r.start_after ? start + 1 : start;
        bool dated = true;
        if (next == 1 && !outbreak && r.start_upper != r.start && raw_add_span(day0, c0, r.start_upper) == raw_no_date) {
            return false;
        }
        const auto later = [&](std::int32_t d) {
            if (d == raw_no_date) {
                return false;
            }
            earliest = std::max(earliest, d);
            return true;
        };
        if (next > 1 && next <= planned) {
            if (v == pcv_i && substituted && next == planned) {
                if (!later(raw_add_span(day0, c0, ppsv.start)) ||
                    (ppsv.after_series_gap.present() && !later(raw_add_span(k.last, ppsv.after_series_gap)))) {
                    return false;
                }
            } else if (!later(raw_add_span(k.last, r.interval))) {
                return false;
            }
            if (r.last_from_first.present() && next == planned && !later(raw_add_span(k.first, r.last_from_first))) {
                return false;
            }
        } else if (next > planned && !later(raw_add_span(k.last, r.repeat))) {
            return false;
        }
        if (r.after_series == vaccine::pneumococcal_conjugate) {
            if (t[pcv_i].counted < pcv.doses) {
                dated = false;
            } else if (r.after_series_gap.present() && !later(raw_add_span(t[pcv_i].last, r.after_series_gap))) {
                return false;
            }
        }
        if (in.last_rituximab) {
            if (rituximab_end == raw_no_date) {
                return false;
            }
            if (on < rituximab_end) {
                held = !dated || rituximab_end > earliest;
                earliest = std::max(earliest, rituximab_end);
            }
        }
        held = held || held_always;
        if (!r.live) {
            if (in.platelets) {
                held = held || platelets_low;
            } else if (r.engraftment_required) {
                need = true;
            }
            if (r.engraftment_required) {
                if (in.leukocytes_engrafted) {
                    held = held || !*in.leukocytes_engrafted;
                } else {
                    need = true;
                }
            }
        } else {
            const bool is_allows = is == f::immunosuppression_state::never || stopped ||
                                   (measles_exception && is == f::immunosuppression_state::ongoing_low_grade);
            contraindicated = gvhd_live || !is_allows || in.relapse;
            if (in.last_ivig) {
                if (ivig_end == raw_no_date) {
                    return false;
                }
                earliest = std::max(earliest, ivig_end);
            }
        }
        o.earliest = dated ? earliest : raw_no_date;
        o.status = contraindicated ? status(vaccine_status::contraindicated)
                   : held          ? status(vaccine_status::held)
                   : need          ? status(vaccine_status::needs_input)
                   : dated && on >= earliest ? status(vaccine_status::due)
                                             : status(vaccine_status::not_yet_due);
    }
    return true;
}

void typed_answers(const f::revaccination_result& r, vaccine_answer* out) {
    for (std::size_t v = 0; v < f::vaccine_count; ++v) {
        const f::vaccine_decision& d = r.vaccines[v];
        out[v].earliest = d.earliest ? day_number(*d.earliest) : raw_no_date;
        out[v].status = static_cast<std::uint8_t>(d.status);
    }
}

void BM_revaccination_typed(benchmark::State& state) {
    const auto& c = vaccination_patients();
    std::vector<vaccine_answer> out(c.inputs.size() * f::vaccine_count);
    for (auto _ : state) {
        std::size_t refused = 0;
        for (std::size_t i = 0; i < c.inputs.size(); ++i) {
            const auto r = f::assess_revaccination(c.inputs[i]);
            if (!r) {
                ++refused;
                continue;
            }
            typed_answers(*r, &out[i * f::vaccine_count]);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::DoNotOptimize(refused);
    }
    state.SetLabel("pass: 100,000 patients");
}
BENCHMARK(BM_revaccination_typed)->Unit(benchmark::kMillisecond);

void BM_revaccination_raw(benchmark::State& state) {
    const auto& c = vaccination_patients();
    std::vector<vaccine_answer> out(c.inputs.size() * f::vaccine_count);
    for (auto _ : state) {
        std::size_t refused = 0;
        for (std::size_t i = 0; i < c.inputs.size(); ++i) {
            if (!raw_revaccination(c.inputs[i], &out[i * f::vaccine_count])) {
                ++refused;
            }
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::DoNotOptimize(refused);
    }
    state.SetLabel("pass: 100,000 patients");
}
BENCHMARK(BM_revaccination_raw)->Unit(benchmark::kMillisecond);

void BM_revaccination_agreement(benchmark::State& state) {
    const auto& c = vaccination_patients();
    for (auto _ : state) {
        std::array<double, 10> by_status{};
        std::size_t dated = 0;
        for (const auto& in : c.inputs) {
            const auto t = f::assess_revaccination(in);
            vaccine_answer typed[f::vaccine_count];
            vaccine_answer raw[f::vaccine_count];
            const bool ok = raw_revaccination(in, raw);
            if (t.has_value() != ok) {
                state.SkipWithError("typed and raw disagree on whether a patient's input is valid");
                return;
            }
            if (!ok) {
                continue;
            }
            typed_answers(*t, typed);
            for (std::size_t v = 0; v < f::vaccine_count; ++v) {
                if (!(typed[v] == raw[v])) {
                    state.SkipWithError("typed and raw disagree on a vaccine's status or earliest date");
                    return;
                }
                by_status[typed[v].status] += 1.0;
                dated += typed[v].earliest != raw_no_date ? 1U : 0U;
            }
        }
        // Both refuse a dose dated after the assessment, the same vaccine twice on one date, and
        // a stop date of immunosuppression without "stopped".
        const f::revaccination_input& p = c.inputs[0];
        vaccine_answer raw[f::vaccine_count];
        std::vector<vaccine_dose> bad(p.doses.begin(), p.doses.end());
        bad.push_back(vaccine_dose{vaccine::influenza, p.on + std::chrono::days{1}});
        f::revaccination_input b = p;
        b.doses = bad;
        if (f::assess_revaccination(b) || raw_revaccination(b, raw)) {
            state.SkipWithError("a dose after the assessment not refused by both sides");
            return;
        }
        bad.back() = vaccine_dose{vaccine::hepatitis_b, p.on - std::chrono::days{10}};
        bad.push_back(bad.back());
        b.doses = bad;
        if (f::assess_revaccination(b) || raw_revaccination(b, raw)) {
            state.SkipWithError("the same dose twice not refused by both sides");
            return;
        }
        b = p;
        b.immunosuppression = f::immunosuppression_state::ongoing;
        b.immunosuppression_stopped = p.on;
        if (f::assess_revaccination(b) || raw_revaccination(b, raw)) {
            state.SkipWithError("a stop date without 'stopped' not refused by both sides");
            return;
        }
        b = p;
        b.igg = hsct::mass_concentration(std::numeric_limits<double>::infinity(), hsct::units::g_per_l);
        if (f::assess_revaccination(b) || raw_revaccination(b, raw)) {
            state.SkipWithError("an infinite IgG not refused by both sides");
            return;
        }
        b = p;
        b.platelets = hsct::platelets(-1.0, hsct::units::giga_per_l);
        if (f::assess_revaccination(b) || raw_revaccination(b, raw)) {
            state.SkipWithError("a negative platelet count not refused by both sides");
            return;
        }
        static constexpr const char* names[] = {"",         "due",           "not_yet_due",    "held",
                                                "complete", "not_recommended", "contraindicated", "not_applicable",
                                                "not_covered", "needs_input"};
        for (std::size_t s = 1; s < by_status.size(); ++s) {
            state.counters[names[s]] = by_status[s];
        }
        state.counters["with_earliest"] = static_cast<double>(dated);
    }
}
BENCHMARK(BM_revaccination_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------
// Late-effects screening per patient and date
// ---------------------------------------------------------------------------------------------

using f::screening_exposure;

const std::vector<f::screening_input>& screening_patients() {
    static const std::vector<f::screening_input> v = [] {
        std::vector<f::screening_input> out(n_patients);
        std::mt19937_64 rng(20261205);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const auto chance = [&](double p) { return unit(rng) < p; };
        const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        for (auto& in : out) {
            const int day0 = 10957 + pick(0, 25 * 365);
            in.day0 = hsct::sys_days{std::chrono::days{day0}};
            in.on = in.day0 + std::chrono::days{pick(0, 3652)};  // 0-10 years after Day 0
            in.donor = static_cast<hsct::donor_type>(pick(1, 6));
            const double s = unit(rng);
            if (s < 0.9) {
                in.recipient_sex = s < 0.45 ? hsct::sex::female : hsct::sex::male;
            }
            const double k = unit(rng);
            if (k < 0.9) {
                in.child = k < 0.2;
            }
            const double q = unit(rng);
            if (q < 0.9) {
                const bool child = in.child.value_or(false);
                in.pubertal = (child ? q < 0.6 : q < 0.05) ? f::pubertal_status::prepubertal
                                                           : f::pubertal_status::postpubertal;
            }
            for (std::uint8_t e = 1; e <= 6; ++e) {
                if (chance(0.2)) {
                    in.exposures.insert(static_cast<screening_exposure>(e));
                }
            }
        }
        return out;
    }();
    return v;
}

// What both sides write per patient-date: whether the list applies, the review, and the items
// (test and basis codes, in order) with the chronic-GVHD flag they all carry.
struct screening_answer {
    bool applies = false;
    bool intensified = false;
    std::uint8_t visit = 0;
    std::uint8_t count = 0;
    std::int32_t year = 0;
    std::array<std::uint8_t, 40> test{};
    std::array<std::uint8_t, 40> basis{};
};

bool same(const screening_answer& a, const screening_answer& b) {
    if (a.applies != b.applies || a.visit != b.visit || a.year != b.year || a.count != b.count ||
        (a.count > 0 && a.intensified != b.intensified)) {
        return false;
    }
    for (std::size_t i = 0; i < a.count; ++i) {
        if (a.test[i] != b.test[i] || a.basis[i] != b.basis[i]) {
            return false;
        }
    }
    return true;
}

void typed_answer(const f::screening_result& r, screening_answer& out) {
    out.applies = r.applies;
    out.visit = static_cast<std::uint8_t>(r.visit);
    out.year = r.year;
    out.count = static_cast<std::uint8_t>(r.items.size());
    out.intensified = r.items.size() > 0 && r.items[0].intensified;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        out.test[i] = static_cast<std::uint8_t>(r.items[i].test);
        out.basis[i] = static_cast<std::uint8_t>(r.items[i].basis);
    }
}

// The raw reading of screening_input and screening_table() (FU-SCR-001..005, default options).
bool raw_screening(const f::screening_input& in, screening_answer& out) {
    const auto code = [](auto e) { return static_cast<unsigned>(e); };
    const auto visit = [](f::screening_visit e) { return static_cast<std::uint8_t>(e); };
    if (code(in.donor) - 1U > 5U || (in.recipient_sex && code(*in.recipient_sex) - 1U > 1U) ||
        (in.pubertal && code(*in.pubertal) - 1U > 1U)) {
        return false;
    }
    const std::int32_t day0 = day_number(in.day0);
    const std::int32_t on = day_number(in.on);
    if (day0 < raw_min_day || day0 > raw_max_day || on < raw_min_day || on > raw_max_day || on < day0) {
        return false;
    }
    out.count = 0;
    out.year = 0;
    out.visit = visit(f::screening_visit::month_6);
    const raw_civil c0 = raw_to_civil(day0);
    if (raw_add_months(c0, 6) > on) {
        out.applies = false;
        return true;
    }
    out.applies = true;
    // the latest anniversary on or before `on` (one candidate, one step back at most)
    const raw_civil c1 = raw_to_civil(on);
    int year = c1.y - c0.y;
    if (year > 0 && raw_add_months(c0, 12 * year) > on) {
        --year;
    }
    out.year = year;
    out.visit = year == 0   ? visit(f::screening_visit::month_6)
                : year == 1 ? visit(f::screening_visit::year_1)
                            : visit(f::screening_visit::annual);
    const auto& x = in.exposures;
    const bool cgvhd = x.contains(screening_exposure::chronic_gvhd) || x.contains(screening_exposure::oral_chronic_gvhd);
    const bool cgvhd_or_is = cgvhd || x.contains(screening_exposure::immunosuppression);
    out.intensified = cgvhd;
    const bool sex_known = in.recipient_sex.has_value();
    const bool female = sex_known && *in.recipient_sex == hsct::sex::female;
    std::uint8_t n = 0;
    const auto add = [&](f::screening_test t, f::screening_basis b) {
        out.test[n] = static_cast<std::uint8_t>(t);
        out.basis[n] = static_cast<std::uint8_t>(b);
        ++n;
    };
    for (const f::screening_row& row : f::screening_table()) {
        const f::screening_mark m = year == 0 ? row.month_6 : year == 1 ? row.year_1 : row.annual;
        if (m == f::screening_mark::none || (m == f::screening_mark::chronic_gvhd_or_is && !cgvhd_or_is)) {
            continue;
        }
        // 1: for this patient, 0: not, -1: an input is missing
        int member = 1;
        switch (row.population) {
            case f::screening_population::everyone: break;
            case f::screening_population::bone_loss_group:
                if (in.donor == hsct::donor_type::autologous && !x.contains(screening_exposure::prolonged_steroids)) {
                    member = !sex_known ? -1 : !female ? 0 : !in.child ? -1 : *in.child ? 0 : 1;
                }
                break;
            case f::screening_population::children: member = !in.child ? -1 : *in.child ? 1 : 0; break;
            case f::screening_population::prepubertal:
                member = !in.pubertal ? -1 : *in.pubertal == f::pubertal_status::prepubertal ? 1 : 0;
                break;
            case f::screening_population::postpubertal_women:
            case f::screening_population::postpubertal_men: {
                const bool want_female = row.population == f::screening_population::postpubertal_women;
                member = (sex_known && female != want_female) || in.pubertal == f::pubertal_status::prepubertal ? 0
                         : !sex_known || !in.pubertal                                                            ? -1
                                                                                                                  : 1;
                break;
            }
            case f::screening_population::women: member = !sex_known ? -1 : female ? 1 : 0; break;
        }
        if (member != 1) {
            continue;
        }
        add(row.test, m == f::screening_mark::all                  ? f::screening_basis::all_recipients
                      : m == f::screening_mark::chronic_gvhd_or_is ? f::screening_basis::chronic_gvhd_or_is
                                                                   : f::screening_basis::reassess_if_indicated);
    }
    if (x.contains(screening_exposure::oral_chronic_gvhd)) {
        add(f::screening_test::oral_cancer_evaluation_6_monthly, f::screening_basis::oral_chronic_gvhd);
    }
    if (cgvhd) {
        add(f::screening_test::spirometry_each_control, f::screening_basis::chronic_gvhd);
    }
    if (cgvhd || x.contains(screening_exposure::chronic_gvhd_risk)) {
        add(f::screening_test::joint_mobility_skin_sclerosis,
            cgvhd ? f::screening_basis::chronic_gvhd : f::screening_basis::chronic_gvhd_risk);
    }
    if (x.contains(screening_exposure::tbi) && year > 0 && female) {
        add(f::screening_test::mammography_more_often, f::screening_basis::tbi);
    }
    out.count = n;
    return true;
}

void BM_screening_typed(benchmark::State& state) {
    const auto& v = screening_patients();
    std::vector<screening_answer> out(v.size());
    for (auto _ : state) {
        std::size_t refused = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const auto r = f::assess_screening(v[i]);
            if (!r) {
                ++refused;
                continue;
            }
            typed_answer(*r, out[i]);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::DoNotOptimize(refused);
    }
    state.SetLabel("pass: 1M patient-dates");
}
BENCHMARK(BM_screening_typed)->Unit(benchmark::kMillisecond);

void BM_screening_raw(benchmark::State& state) {
    const auto& v = screening_patients();
    std::vector<screening_answer> out(v.size());
    for (auto _ : state) {
        std::size_t refused = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!raw_screening(v[i], out[i])) {
                ++refused;
            }
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::DoNotOptimize(refused);
    }
    state.SetLabel("pass: 1M patient-dates");
}
BENCHMARK(BM_screening_raw)->Unit(benchmark::kMillisecond);

void BM_screening_agreement(benchmark::State& state) {
    const auto& v = screening_patients();
    for (auto _ : state) {
        std::size_t items = 0;
        std::size_t applies = 0;
        for (const auto& in : v) {
            const auto t = f::assess_screening(in);
            screening_answer typed;
            screening_answer raw;
            const bool ok = raw_screening(in, raw);
            if (t.has_value() != ok) {
                state.SkipWithError("typed and raw disagree on whether a patient-date is valid");
                return;
            }
            if (!ok) {
                continue;
            }
            typed_answer(*t, typed);
            if (!same(typed, raw)) {
                state.SkipWithError("typed and raw disagree on a screening list");
                return;
            }
            items += raw.count;
            applies += raw.applies ? 1U : 0U;
        }
        // Both refuse a date before Day 0 and an undeclared donor kind.
        f::screening_input b = v[0];
        b.on = b.day0 - std::chrono::days{1};
        screening_answer raw;
        if (f::assess_screening(b) || raw_screening(b, raw)) {
            state.SkipWithError("a date before Day 0 not refused by both sides");
            return;
        }
        b = v[0];
        b.donor = static_cast<hsct::donor_type>(0);
        if (f::assess_screening(b) || raw_screening(b, raw)) {
            state.SkipWithError("an undeclared donor kind not refused by both sides");
            return;
        }
        state.counters["items"] = static_cast<double>(items);
        state.counters["applies"] = static_cast<double>(applies);
    }
}
BENCHMARK(BM_screening_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);
}  // namespace

// The inputs are built before any benchmark runs, in one order (as the other modules' benches).
int main(int argc, char** argv) {
    (void)km_cohort();
    (void)cif_cohort();
    (void)patients();
    (void)vaccination_patients();
    (void)screening_patients();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
