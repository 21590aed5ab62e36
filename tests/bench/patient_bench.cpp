// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Typed versus raw for the patient module, over 1M generated patients:
//  (a) bsa_mosteller: hsct::patient::bsa_mosteller(length, mass) vs sqrt(h * w / 3600).
//      Target: ratio <= 1.05 (the strong types cost nothing).
//  (b) hct_ci: hsct::patient::assess_hct_ci on fully specified measurements vs a raw function
//      that applies the same thresholds to doubles and bools and returns only the total.
//      The typed side also builds the explanation (every scored item with its triggering
//      measurement as text), so the ratio shows the price of an explained result, not of the
//      types; it is reported, not targeted.
// Naming: BM_<case>_typed / BM_<case>_raw (tests/bench/run_ratios.sh pairs them).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

#include <hsct/hsct.hpp>

namespace {

namespace p = hsct::patient;
namespace u = hsct::units;

constexpr std::size_t n_patients = 1'000'000;

struct raw_patient {
    double height_cm, weight_kg;
    double fev1, dlco, lvef, bmi;
    double bili, bili_uln, ast, ast_uln, alt, alt_uln, creat_mg_dl;
    bool arrhythmia, diabetes, tumour, oxygen;
};

struct inputs {
    std::vector<hsct::length> height;
    std::vector<hsct::mass> weight;
    std::vector<raw_patient> raw;
    std::vector<p::hct_ci_input> typed;

    inputs() {
        std::mt19937_64 rng(20241125);
        std::uniform_real_distribution<double> h(140.0, 200.0);
        std::uniform_real_distribution<double> w(40.0, 140.0);
        std::uniform_real_distribution<double> pct(40.0, 110.0);
        std::uniform_real_distribution<double> ef(35.0, 70.0);
        std::uniform_real_distribution<double> ratio(0.3, 3.5);
        std::uniform_real_distribution<double> creat(0.4, 3.0);
        std::bernoulli_distribution flag(0.15);
        height.reserve(n_patients);
        weight.reserve(n_patients);
        raw.reserve(n_patients);
        typed.reserve(n_patients);
        for (std::size_t i = 0; i < n_patients; ++i) {
            raw_patient r{};
            r.height_cm = h(rng);
            r.weight_kg = w(rng);
            r.fev1 = pct(rng);
            r.dlco = pct(rng);
            r.lvef = ef(rng);
            r.bmi = r.weight_kg / (r.height_cm * r.height_cm / 10000.0);
            r.bili_uln = 1.2;
            r.bili = ratio(rng) * r.bili_uln;
            r.ast_uln = 40.0;
            r.ast = ratio(rng) * r.ast_uln;
            r.alt_uln = 45.0;
            r.alt = ratio(rng) * r.alt_uln;
            r.creat_mg_dl = creat(rng);
            r.arrhythmia = flag(rng);
            r.diabetes = flag(rng);
            r.tumour = flag(rng);
            r.oxygen = flag(rng);
            raw.push_back(r);
            height.emplace_back(r.height_cm, u::cm);
            weight.emplace_back(r.weight_kg, u::kg);

            p::hct_ci_input in;
            in.pulmonary.fev1 = hsct::percent(r.fev1, u::pct);
            in.pulmonary.dlco = hsct::percent(r.dlco, u::pct);
            in.pulmonary.dlco_basis = p::dlco_correction::haemoglobin_corrected;
            in.pulmonary.dyspnoea_level = p::dyspnoea::none;
            in.pulmonary.requires_oxygen = r.oxygen;
            in.hepatic.bilirubin = p::lab_with_uln<hsct::bilirubin>{
                hsct::bilirubin(r.bili, u::mg_per_dl), hsct::bilirubin(r.bili_uln, u::mg_per_dl)};
            in.hepatic.ast = p::lab_with_uln<hsct::ast>{hsct::ast(r.ast, u::u_per_l),
                                                        hsct::ast(r.ast_uln, u::u_per_l)};
            in.hepatic.alt = p::lab_with_uln<hsct::alt>{hsct::alt(r.alt, u::u_per_l),
                                                        hsct::alt(r.alt_uln, u::u_per_l)};
            in.hepatic.chronic_hepatitis = false;
            in.hepatic.hepatitis_b_or_c_history = false;
            in.hepatic.cirrhosis = false;
            in.renal.creatinine = hsct::creatinine(r.creat_mg_dl, u::mg_per_dl);
            in.renal.on_dialysis = false;
            in.renal.prior_renal_transplant = false;
            in.cardiac.lvef = hsct::percent(r.lvef, u::pct);
            in.cardiac.coronary_artery_disease = false;
            in.cardiac.congestive_heart_failure = false;
            in.cardiac.myocardial_infarction = false;
            in.obesity.bmi = hsct::body_mass_index(r.bmi, u::kg_per_m2);
            in.infection.infection_treated_across_conditioning_start = false;
            in.infection.antimicrobials_continued_after_day_0 = false;
            in.prior_tumours = r.tumour ? std::vector<p::prior_tumour>{p::prior_tumour::other_solid_tumour}
                                        : std::vector<p::prior_tumour>{};
            in.heart_valve = p::heart_valve_finding::none;
            in.diabetes = r.diabetes ? p::diabetes_treatment::oral_agents : p::diabetes_treatment::none;
            in.psychiatric = p::psychiatric_history::none;
            in.arrhythmia = r.arrhythmia;
            in.inflammatory_bowel_disease = false;
            in.cerebrovascular = false;
            in.rheumatologic = false;
            in.peptic_ulcer = false;
            typed.push_back(std::move(in));
        }
    }
};

const inputs& data() {
    static const inputs d;
    return d;
}

void BM_bsa_mosteller_typed(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += p::bsa_mosteller(d.height[i], d.weight[i]).in(u::m2);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_bsa_mosteller_typed);

void BM_bsa_mosteller_raw(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += std::sqrt(d.raw[i].height_cm * d.raw[i].weight_kg / 3600.0);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_bsa_mosteller_raw);

// The raw baseline: the same Sorror thresholds on plain numbers, higher tier only.
int raw_hct_ci(const raw_patient& r) {
    int score = 0;
    score += r.arrhythmia ? 1 : 0;
    score += r.lvef <= 50.0 ? 1 : 0;
    score += r.diabetes ? 1 : 0;
    score += r.bmi > 35.0 ? 1 : 0;
    score += r.creat_mg_dl > 2.0 ? 2 : 0;
    score += r.tumour ? 3 : 0;
    const double worst = std::fmin(r.fev1, r.dlco);
    score += (worst <= 65.0 || r.oxygen) ? 3 : (worst <= 80.0 ? 2 : 0);
    const double b = r.bili / r.bili_uln;
    const double t = std::fmax(r.ast / r.ast_uln, r.alt / r.alt_uln);
    score += (b > 1.5 || t > 2.5) ? 3 : ((b > 1.0 || t > 1.0) ? 1 : 0);
    return score;
}

void BM_hct_ci_typed(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        long sum = 0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            const auto r = p::assess_hct_ci(d.typed[i]);
            sum += r ? r->score.value() : -1000;
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_hct_ci_typed)->Unit(benchmark::kMillisecond);

void BM_hct_ci_raw(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        long sum = 0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += raw_hct_ci(d.raw[i]);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_hct_ci_raw)->Unit(benchmark::kMillisecond);

// A cross-check, run once: both sides agree on every patient, so the pair compares equal work.
void BM_hct_ci_agreement(benchmark::State& state) {
    const auto& d = data();
    std::size_t disagreements = 0;
    for (auto _ : state) {
        disagreements = 0;
        for (std::size_t i = 0; i < 100'000; ++i) {
            const auto r = p::assess_hct_ci(d.typed[i]);
            if (!r || r->score.value() != raw_hct_ci(d.raw[i])) {
                ++disagreements;
            }
        }
    }
    state.counters["disagreements"] = static_cast<double>(disagreements);
    if (disagreements != 0) {
        state.SkipWithError("typed and raw HCT-CI disagree");
    }
}
BENCHMARK(BM_hct_ci_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
