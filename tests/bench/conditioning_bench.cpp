// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The conditioning module.
// Typed versus raw (BM_<case>_typed / BM_<case>_raw; issue 10's target: ratio <= 1.05):
//  - regimen_amounts: dose_plan::amounts of FluBu4 (fludarabine 40 mg/m2 on an actual-weight
//    Mosteller BSA; busulfan IV 3.2 mg/kg on AIBW25 above 120 % IBW, the default policies) for
//    1M generated adults, each patient's mg a day and course total written to an output array,
//    against a raw loop over the same patients in a struct of the same layout (static_assert)
//    that runs the same policy steps from a plain copy of the same policies (the same branches:
//    age, Devine IBW, the trigger with hsct's 1e-9 threshold tolerance, the weight rule, the
//    BSA formula, any cap) and writes the same doubles. A cross-check run once stops with an
//    error if the two disagree on any patient. No heap allocation per patient on either side.
// Costs (BM_<case>_cost, measured on their own):
//  - intensity: assess_intensity of each of the twelve published regimens in turn (Bacigalupo
//    rule set); issue 10's target: <= 100 ns a regimen;
//  - regimen_doses: calculate_doses of FluBu4 for a patient (two dosing-weight policies with
//    their evidence, amounts and totals);
//  - regimen_doses_render: render() of that result in English (two lines).
// Naming: BM_<case>_cost (tests/bench/run_ratios.sh prints them as costs).
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include <hsct/conditioning/dose_calculation.hpp>
#include <hsct/conditioning/dose_calculation_text.hpp>
#include <hsct/conditioning/intensity.hpp>
#include <hsct/conditioning/regimen.hpp>

namespace {
namespace c = hsct::conditioning;
namespace p = hsct::patient;

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

// Rendering, measured on its own (docs/conventions.md section 6): the English lines of FluBu4's
// doses for the same patient, from a result computed once.
void BM_regimen_doses_render_cost(benchmark::State& state) {
    const auto m = p::body_measures::make(p::height::make(165.0, hsct::units::cm).value(),
                                          p::body_weight::make(120.0, hsct::units::kg).value(),
                                          hsct::sex::female, hsct::age::make(45, 0).value())
                       .value();
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), m).value();
    for (auto _ : state) {
        auto text = c::render(d);
        benchmark::DoNotOptimize(text.data());
    }
}
BENCHMARK(BM_regimen_doses_render_cost)->Unit(benchmark::kNanosecond);

// ---------------------------------------------------------------------------------------------
// Regimen amounts, typed (dose_plan) versus raw
// ---------------------------------------------------------------------------------------------
constexpr std::size_t n_patients = 1'000'000;

// The raw patient: body_measures' members as plain numbers, in the same order and layout.
struct raw_age {
    int months;
    std::int32_t days;
    double year_fraction;
};
struct raw_patient {
    double height_cm;
    double weight_kg;
    std::uint8_t sex;  // 1 female, 2 male (hsct::sex numbers)
    raw_age age;
};
static_assert(sizeof(raw_patient) == sizeof(p::body_measures), "the same memory layout");

struct patients {
    std::vector<p::body_measures> typed;
    std::vector<raw_patient> raw;
    patients() {
        std::mt19937_64 rng(20261203);
        std::uniform_real_distribution<double> cm(150.0, 195.0);
        std::uniform_real_distribution<double> kg(45.0, 160.0);
        std::uniform_int_distribution<int> years(18, 75);
        std::uniform_int_distribution<int> male(0, 1);
        typed.reserve(n_patients);
        raw.reserve(n_patients);
        for (std::size_t i = 0; i < n_patients; ++i) {
            const double h = cm(rng);
            const double w = kg(rng);
            const int y = years(rng);
            const auto s = male(rng) == 1 ? hsct::sex::male : hsct::sex::female;
            const auto a = hsct::age::make(y, 0).value();
            typed.push_back(p::body_measures::make(p::height::make(h, hsct::units::cm).value(),
                                                   p::body_weight::make(w, hsct::units::kg).value(), s, a)
                                .value());
            raw.push_back(raw_patient{h, w, static_cast<std::uint8_t>(s), raw_age{a.completed_months(), a.days(), 0.0}});
        }
    }
};
const patients& the_patients() {
    static const patients all;
    return all;
}

// The raw plan: each drug component and its policy as plain numbers.
// The raw amount: drug_amount's members as plain numbers, in the same layout.
struct raw_amount {
    std::uint8_t agent;
    std::uint8_t component;
    double per_day;
    double total;
};
static_assert(sizeof(raw_amount) == sizeof(c::drug_amount), "the same output layout");

struct raw_step {
    std::uint8_t agent;
    std::uint8_t component;
    int basis;  // 1 per kg, 2 per m2, 3 flat
    double per_day;
    double days;
    int rule;   // hsct::patient::trigger_rule's numbers
    int weight_basis;
    double factor;
    double pct_threshold;
    bool pct_at_least;
    double bmi_threshold;
    bool bmi_at_least;
    int formula;
    bool has_cap;
    double cap_m2;
    int below_60_in;
};
struct raw_plan {
    raw_step steps[8];
    int count = 0;
};

raw_plan raw_plan_of(const c::regimen& r, const c::dosing_policies& policies) {
    raw_plan plan;
    for (std::size_t i = 0; i < r.components().size(); ++i) {
        const auto& comp = r.components()[i];
        const auto b = comp.per_day.basis();
        if (b == c::dose_basis::radiation) {
            continue;
        }
        const auto& o = policies.of(comp.per_day.which());
        raw_step s{};
        s.agent = static_cast<std::uint8_t>(comp.per_day.which());
        s.component = static_cast<std::uint8_t>(i);
        s.basis = b == c::dose_basis::per_kg ? 1 : b == c::dose_basis::per_m2 ? 2 : 3;
        s.per_day = comp.per_day.value();
        s.days = static_cast<double>(comp.days.size());
        s.rule = static_cast<int>(o.trigger.rule);
        s.weight_basis = static_cast<int>(o.basis);
        s.factor = p::fraction(o.factor).value_or(0.0);
        s.pct_threshold = o.trigger.percent_ibw_threshold.in(hsct::units::pct);
        s.pct_at_least = o.trigger.percent_ibw_comparison == p::threshold_comparison::greater_or_equal;
        s.bmi_threshold = o.trigger.bmi_threshold.in(hsct::units::kg_per_m2);
        s.bmi_at_least = o.trigger.bmi_comparison == p::threshold_comparison::greater_or_equal;
        s.formula = static_cast<int>(o.formula);
        s.has_cap = o.bsa_cap.has_value();
        s.cap_m2 = s.has_cap ? o.bsa_cap->in(hsct::units::m2) : 0.0;
        s.below_60_in = static_cast<int>(o.below_60_in);
        plan.steps[plan.count++] = s;
    }
    return plan;
}

// The same 1e-9 tolerance as hsct's thresholds, written out.
inline double margin(double t) { return 1e-9 * (std::fabs(t) > 1.0 ? std::fabs(t) : 1.0); }
inline bool raw_greater(double v, double t) { return v > t + margin(t); }
inline bool raw_at_least(double v, double t) { return v >= t - margin(t); }

// One patient's weight (per kg) or BSA (per m2) under one step's policy; false where there is
// none (a child under an IBW rule, a refused short stature, no positive IBW, a weight outside
// 0.3-400 kg).
inline bool raw_quantity(const raw_patient& pt, const raw_step& s, double& out) {
    const bool uses_pct = s.rule == 2 || s.rule == 4;
    const bool uses_bmi = s.rule == 3 || s.rule == 4;
    const bool needs_ibw = uses_pct || s.weight_basis != 1;
    if ((uses_bmi || needs_ibw) && !raw_at_least(static_cast<double>(pt.age.months / 12), 18.0)) {
        return false;
    }
    double ibw = 0.0;
    if (needs_ibw) {
        const bool below = !raw_at_least(pt.height_cm, 152.4);
        const double base = pt.sex == 2 ? 50.0 : 45.5;
        if (below && s.below_60_in == 2) {  // refuse
            return false;
        }
        if (below && s.below_60_in == 3) {  // base value
            ibw = base;
        } else {
            ibw = base + 2.3 * (pt.height_cm - 152.4) / 2.54;
            if (!(ibw > 0.0)) {
                return false;
            }
        }
    }
    bool met = s.rule == 1;
    if (uses_pct) {
        const double pct = 100.0 * pt.weight_kg / ibw;
        met = met || (s.pct_at_least ? raw_at_least(pct, s.pct_threshold) : raw_greater(pct, s.pct_threshold));
    }
    if (uses_bmi) {
        const double m = pt.height_cm / 100.0;
        const double bmi = pt.weight_kg / (m * m);
        met = met || (s.bmi_at_least ? raw_at_least(bmi, s.bmi_threshold) : raw_greater(bmi, s.bmi_threshold));
    }
    double w = pt.weight_kg;
    if (met) {
        switch (s.weight_basis) {
            case 2: w = ibw; break;
            case 3:
                if (ibw < pt.weight_kg - margin(pt.weight_kg)) {
                    w = ibw;
                }
                break;
            case 4:
                if (raw_greater(pt.weight_kg, ibw)) {
                    w = ibw + s.factor * (pt.weight_kg - ibw);
                }
                break;
            default: break;
        }
    }
    if (s.basis == 1) {
        out = w;
        return true;
    }
    if (!(w >= 0.3 && w <= 400.0)) {
        return false;
    }
    const double h = pt.height_cm;
    double bsa = 0.0;
    switch (s.formula) {
        case 1: bsa = std::sqrt(h * w / 3600.0); break;
        case 2: bsa = 0.007184 * std::pow(w, 0.425) * std::pow(h, 0.725); break;
        case 3: bsa = 0.024265 * std::pow(w, 0.5378) * std::pow(h, 0.3964); break;
        case 4: bsa = 0.0235 * std::pow(w, 0.51456) * std::pow(h, 0.42246); break;
        default: {
            const double g = w * 1000.0;
            bsa = 0.0003207 * std::pow(h, 0.3) * std::pow(g, 0.7285 - 0.0188 * std::log10(g));
        }
    }
    if (s.has_cap && raw_greater(bsa, s.cap_m2)) {
        bsa = s.cap_m2;
    }
    out = bsa;
    return true;
}

// A patient's amounts into out[0..count): mg a day and course total per drug; false on refusal.
inline bool raw_amounts(const raw_plan& plan, const raw_patient& pt, raw_amount* out) {
    for (int k = 0; k < plan.count; ++k) {
        const raw_step& s = plan.steps[k];
        double day = s.per_day;
        if (s.basis != 3) {
            double q = 0.0;
            if (!raw_quantity(pt, s, q)) {
                return false;
            }
            day = s.per_day * q;
        }
        out[k] = raw_amount{s.agent, s.component, day, day * s.days};
    }
    return true;
}

const c::regimen& flu_bu4() {
    static const c::regimen r = c::regimens::flu_bu4();
    return r;
}

void BM_regimen_amounts_typed(benchmark::State& state) {
    const auto& in = the_patients().typed;
    const auto plan = c::dose_plan::make(flu_bu4()).value();
    const std::size_t k = 2;
    std::vector<c::drug_amount> out(in.size() * k);
    std::size_t refused = 0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < in.size(); ++i) {
            if (!plan.amounts_into(in[i], std::span<c::drug_amount>(out).subspan(i * k, k))) {
                ++refused;
            }
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    benchmark::DoNotOptimize(refused);
}
BENCHMARK(BM_regimen_amounts_typed)->Unit(benchmark::kMillisecond);

void BM_regimen_amounts_raw(benchmark::State& state) {
    const auto& in = the_patients().raw;
    const raw_plan plan = raw_plan_of(flu_bu4(), c::commonly_reported_policies());
    const std::size_t k = 2;
    std::vector<raw_amount> out(in.size() * k);
    std::size_t refused = 0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < in.size(); ++i) {
            if (!raw_amounts(plan, in[i], out.data() + i * k)) {
                ++refused;
            }
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    benchmark::DoNotOptimize(refused);
}
BENCHMARK(BM_regimen_amounts_raw)->Unit(benchmark::kMillisecond);

// Run once: typed and raw agree on every patient, bit for bit, so the pair compares equal work.
void BM_regimen_amounts_agreement(benchmark::State& state) {
    const auto& pts = the_patients();
    const auto plan = c::dose_plan::make(flu_bu4()).value();
    const raw_plan rp = raw_plan_of(flu_bu4(), c::commonly_reported_policies());
    for (auto _ : state) {
        for (std::size_t i = 0; i < n_patients; ++i) {
            const auto a = plan.amounts(pts.typed[i]);
            raw_amount raw[8];
            const bool ok = raw_amounts(rp, pts.raw[i], raw);
            if (ok != a.has_value() || (ok && static_cast<int>(a->drugs.size()) != rp.count)) {
                state.SkipWithError("typed and raw disagree on whether a patient is dosed");
                return;
            }
            for (std::size_t j = 0; ok && j < a->drugs.size(); ++j) {
                if (a->drugs[j].per_day.in(hsct::units::mg) != raw[j].per_day ||
                    a->drugs[j].total.in(hsct::units::mg) != raw[j].total ||
                    static_cast<std::uint8_t>(a->drugs[j].which) != raw[j].agent ||
                    a->drugs[j].component != raw[j].component) {
                    state.SkipWithError("typed and raw amounts differ");
                    return;
                }
            }
        }
    }
}
BENCHMARK(BM_regimen_amounts_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
