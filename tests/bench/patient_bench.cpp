// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Typed versus raw for the patient module, over 1M generated patients:
//  (a) bsa_mosteller: hsct::patient::bsa_mosteller over two flat arrays of height and
//      body_weight vs sqrt(h * w / 3600) over two flat arrays of doubles (the same layout).
//      Target: ratio <= 1.05 (the strong types cost nothing).
//  (b) hct_ci: hsct::patient::assess_hct_ci (validation, every criterion recorded as evidence,
//      items folded, no allocation) vs a raw scorer that reads the same hct_ci_input structs
//      (the same memory layout) and computes only the total. Target: ratio <= 3.
// Naming: BM_<case>_typed / BM_<case>_raw (tests/bench/run_ratios.sh pairs them).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <optional>
#include <random>
#include <vector>

#include <hsct/hsct.hpp>
#include <hsct/io.hpp>

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
    std::vector<p::height> height;       // checked (PAT-BODY-001/002), the size of a double
    std::vector<double> height_cm;        // the same numbers as plain doubles, in flat arrays of
    std::vector<double> weight_kg;        // the same layout, for the raw side of bsa_mosteller
    std::vector<p::body_weight> weight;
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
            height_cm.push_back(r.height_cm);
            weight_kg.push_back(r.weight_kg);
            height.push_back(p::height::make(r.height_cm, u::cm).value());
            weight.push_back(p::body_weight::make(r.weight_kg, u::kg).value());

            p::hct_ci_input in;
            in.pulmonary.fev1 = hsct::percent(r.fev1, u::pct);
            in.pulmonary.dlco = hsct::percent(r.dlco, u::pct);
            in.pulmonary.dlco_basis = p::dlco_correction::haemoglobin_corrected;
            in.pulmonary.dyspnoea_level = p::dyspnoea::none;
            in.pulmonary.requires_oxygen = r.oxygen;
            in.hepatic.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::make(
                hsct::bilirubin(r.bili, u::mg_per_dl), hsct::bilirubin(r.bili_uln, u::mg_per_dl)).value();
            in.hepatic.ast = hsct::lab_with_uln<hsct::ast>::make(
                hsct::ast(r.ast, u::u_per_l), hsct::ast(r.ast_uln, u::u_per_l)).value();
            in.hepatic.alt = hsct::lab_with_uln<hsct::alt>::make(
                hsct::alt(r.alt, u::u_per_l), hsct::alt(r.alt_uln, u::u_per_l)).value();
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
            sum += std::sqrt(d.height_cm[i] * d.weight_kg[i] / 3600.0);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_bsa_mosteller_raw);

// The raw baseline: the same Sorror thresholds on the same hct_ci_input structs, read as plain
// numbers (every input is present in this data set), higher tier only, no evidence, no checks.
int raw_hct_ci(const p::hct_ci_input& in) {
    int score = 0;
    score += *in.arrhythmia ? 1 : 0;
    score += in.cardiac.lvef->in(u::pct) <= 50.0 ? 1 : 0;
    score += *in.diabetes == p::diabetes_treatment::oral_agents ||
                     *in.diabetes == p::diabetes_treatment::insulin
                 ? 1
                 : 0;
    score += in.obesity.bmi->in(u::kg_per_m2) > 35.0 ? 1 : 0;
    score += in.renal.creatinine->in(u::mg_per_dl) > 2.0 ? 2 : 0;
    score += in.prior_tumours->empty() ? 0 : 3;
    const double worst = std::fmin(in.pulmonary.fev1->in(u::pct), in.pulmonary.dlco->in(u::pct));
    score += (worst <= 65.0 || *in.pulmonary.requires_oxygen) ? 3 : (worst <= 80.0 ? 2 : 0);
    const double b = in.hepatic.bilirubin->times_uln();
    const double t = std::fmax(in.hepatic.ast->times_uln(), in.hepatic.alt->times_uln());
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
            sum += raw_hct_ci(d.typed[i]);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_hct_ci_raw)->Unit(benchmark::kMillisecond);

// Rendering, measured on its own (docs/conventions.md section 6): the English text of the HCT-CI
// results of the first 100,000 patients (one pass).
void BM_hct_ci_render_100k_cost(benchmark::State& state) {
    const auto& d = data();
    std::vector<p::hct_ci_result> results;
    results.reserve(100'000);
    for (std::size_t i = 0; i < 100'000; ++i) {
        results.push_back(p::assess_hct_ci(d.typed[i]).value());
    }
    for (auto _ : state) {
        std::size_t chars = 0;
        for (const auto& r : results) {
            chars += p::render(r).size();
        }
        benchmark::DoNotOptimize(chars);
    }
}
BENCHMARK(BM_hct_ci_render_100k_cost)->Unit(benchmark::kMillisecond);

// A cross-check, run once: both sides agree on every patient, so the pair compares equal work.
void BM_hct_ci_agreement(benchmark::State& state) {
    const auto& d = data();
    std::size_t disagreements = 0;
    for (auto _ : state) {
        disagreements = 0;
        for (std::size_t i = 0; i < 100'000; ++i) {
            const auto r = p::assess_hct_ci(d.typed[i]);
            if (!r || r->score.value() != raw_hct_ci(d.typed[i])) {
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

// ---------------------------------------------------------------------------------------------
// EBMT risk score and Disease Risk Index: assess_ebmt / assess_dri with their evidence (every
// criterion as a typed record, the missing set, the options) against raw scorers that read the
// SAME input structs (p::ebmt_input, p::dri_input: same memory layout) and compute only the
// number. Target (docs/conventions.md): typed/raw <= 2.
// ---------------------------------------------------------------------------------------------

struct score_inputs {
    std::vector<p::ebmt_input> ebmt;
    std::vector<p::dri_input> dri;

    score_inputs() {
        using hsct::disease;
        using hsct::disease_status;
        using namespace std::chrono;
        std::mt19937_64 rng(20241202);
        std::uniform_int_distribution<int> years(1, 75);
        std::uniform_int_distribution<int> months(0, 11);
        std::uniform_int_distribution<int> diag_day(0, 3000);
        std::uniform_int_distribution<int> wait(0, 900);
        std::uniform_int_distribution<int> pick(0, 1 << 20);
        const disease_status acute[] = {disease_status::cr1, disease_status::cr2,
                                        disease_status::cr3_or_later, disease_status::pr1,
                                        disease_status::induction_failure,
                                        disease_status::active_relapse};
        const disease_status cml[] = {disease_status::cml_cp1, disease_status::cml_cp2_or_later,
                                      disease_status::cml_ap, disease_status::cml_bp};
        const disease_status other[] = {disease_status::cr1, disease_status::cr2,
                                        disease_status::pr1, disease_status::pr2_or_later,
                                        disease_status::untreated, disease_status::stable_disease,
                                        disease_status::active_relapse};
        const hsct::diagnosis dxs[] = {
            hsct::diagnosis::aml(hsct::cytogenetic_risk::favourable),
            hsct::diagnosis::aml(hsct::cytogenetic_risk::intermediate),
            hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse),
            hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::intermediate),
            hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::adverse),
            hsct::diagnosis::of<disease::all>(),
            hsct::diagnosis::of<disease::cml>(),
            hsct::diagnosis::of<disease::myeloma>(),
            hsct::diagnosis::of<disease::dlbcl_or_transformed>(),
            hsct::diagnosis::of<disease::cll>(),
            hsct::diagnosis::of<disease::hodgkin>(),
        };
        const hsct::donor_type donors[] = {hsct::donor_type::hla_identical_sibling,
                                           hsct::donor_type::unrelated, hsct::donor_type::unrelated,
                                           hsct::donor_type::autologous,
                                           hsct::donor_type::haploidentical};
        const hsct::conditioning_intensity cond[] = {
            hsct::conditioning_intensity::myeloablative,
            hsct::conditioning_intensity::reduced_intensity,
            hsct::conditioning_intensity::non_myeloablative};
        ebmt.reserve(n_patients);
        dri.reserve(n_patients);
        const sys_days start{2015y / January / 1};
        for (std::size_t i = 0; i < n_patients; ++i) {
            const auto dx = dxs[static_cast<std::size_t>(pick(rng)) % std::size(dxs)];
            disease_status st{};
            if (dx.kind() == disease::cml) {
                st = cml[static_cast<std::size_t>(pick(rng)) % std::size(cml)];
            } else if (dx.kind() == disease::aml || dx.kind() == disease::all) {
                st = acute[static_cast<std::size_t>(pick(rng)) % std::size(acute)];
            } else {
                st = other[static_cast<std::size_t>(pick(rng)) % std::size(other)];
            }
            const auto donor = donors[static_cast<std::size_t>(pick(rng)) % std::size(donors)];
            const sys_days diag = start + days{diag_day(rng)};
            std::optional<hsct::sex> donor_sex;
            if (donor != hsct::donor_type::autologous) {
                donor_sex = pick(rng) % 2 == 0 ? hsct::sex::female : hsct::sex::male;
            }
            ebmt.push_back(p::ebmt_input{
                hsct::age::make(years(rng), months(rng)).value(), dx, st, diag,
                diag + days{wait(rng)}, donor,
                pick(rng) % 2 == 0 ? hsct::sex::female : hsct::sex::male, donor_sex});
            dri.push_back(p::dri_input{dx, st, cond[static_cast<std::size_t>(pick(rng)) % std::size(cond)],
                                       pick(rng) % 16 == 0 ? p::dri_population::pediatric
                                                           : p::dri_population::adult});
        }
    }
};

const score_inputs& score_data() {
    static const score_inputs d;
    return d;
}

// The raw EBMT score: the same bins on the same struct, default policies, no checks, no
// evidence. -1 where the score does not apply.
int raw_ebmt(const p::ebmt_input& in) {
    using hsct::disease;
    using ds = hsct::disease_status;
    const int y = in.age_at_hct.completed_years();
    int score = y < 20 ? 0 : (y <= 40 ? 1 : 2);
    const ds s = in.status;
    switch (in.dx.kind()) {
        case disease::aml:
        case disease::all: score += s == ds::cr1 ? 0 : (s == ds::cr2 ? 1 : 2); break;
        case disease::mds:
            score += (s == ds::cr1 || s == ds::untreated)                        ? 0
                     : (s == ds::cr2 || s == ds::pr1 || s == ds::pr2_or_later) ? 1
                                                                                : 2;
            break;
        case disease::cml:
            if (s == ds::cml_ap) {
                return -1;
            }
            score += s == ds::cml_cp1 ? 0 : (s == ds::cml_cp2_or_later ? 1 : 2);
            break;
        case disease::myeloma:
        case disease::dlbcl_or_transformed:
        case disease::indolent_b_nhl:
        case disease::mantle_cell:
        case disease::t_cell_nodal:
        case disease::t_cell_extranodal:
            score += (s == ds::untreated || s == ds::cr1) ? 0
                     : (s == ds::cr2 || s == ds::pr1 || s == ds::pr2_or_later ||
                        s == ds::stable_disease)
                         ? 1
                         : 2;
            break;
        case disease::severe_aplastic_anaemia: break;
        default: return -1;
    }
    if (s != ds::cr1) {
        using namespace std::chrono;
        const year_month_day t = year_month_day{in.diagnosis_date} + months{12};
        const sys_days twelve = t.ok() ? sys_days{t} : sys_days{t.year() / t.month() / last} + days{1};
        score += in.hct_date >= twelve ? 1 : 0;
    }
    switch (in.donor) {
        case hsct::donor_type::hla_identical_sibling: break;
        case hsct::donor_type::unrelated: score += 1; break;
        case hsct::donor_type::autologous: return score;
        default: return -1;
    }
    score += (*in.donor_sex == hsct::sex::female && in.recipient_sex == hsct::sex::male) ? 1 : 0;
    return score;
}

int typed_ebmt(const p::ebmt_input& in) {
    const auto r = p::assess_ebmt(in);
    if (!r) {
        return -1000;
    }
    return r->total ? r->total->value() : -1;
}

void BM_ebmt_typed(benchmark::State& state) {
    const auto& d = score_data();
    for (auto _ : state) {
        long sum = 0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += typed_ebmt(d.ebmt[i]);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_ebmt_typed)->Unit(benchmark::kMillisecond);

void BM_ebmt_raw(benchmark::State& state) {
    const auto& d = score_data();
    for (auto _ : state) {
        long sum = 0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += raw_ebmt(d.ebmt[i]);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_ebmt_raw)->Unit(benchmark::kMillisecond);

// The raw DRI: the handbook table on the same struct, no checks, no evidence; the category
// number (non-score states included) as assess_dri gives it.
int raw_dri(const p::dri_input& in) {
    using hsct::disease;
    using ds = hsct::disease_status;
    using c = p::dri_category;
    const disease d = in.dx.kind();
    if (d == disease::severe_aplastic_anaemia || d == disease::other_non_malignant) {
        return static_cast<int>(c::na_non_malignant);
    }
    if (in.population == p::dri_population::pediatric) {
        return static_cast<int>(c::na_pediatric);
    }
    int risk = -1;  // 0 low, 1 intermediate, 2 high; -1 not in table, -2 cytogenetics pending
    switch (d) {
        case disease::aml:
            risk = in.dx.aml_cytogenetics() == hsct::cytogenetic_risk::favourable     ? 0
                   : in.dx.aml_cytogenetics() == hsct::cytogenetic_risk::intermediate ? 1
                   : in.dx.aml_cytogenetics() == hsct::cytogenetic_risk::adverse      ? 2
                                                                                      : -2;
            break;
        case disease::mds:
            risk = in.dx.mds_cytogenetics() == hsct::mds_cytogenetic_risk::intermediate ? 1
                   : in.dx.mds_cytogenetics() == hsct::mds_cytogenetic_risk::adverse    ? 2
                                                                                        : -2;
            break;
        case disease::cll:
        case disease::cml:
        case disease::indolent_b_nhl: risk = 0; break;
        case disease::mpn:
        case disease::myeloma:
        case disease::hodgkin:
        case disease::dlbcl_or_transformed:
        case disease::mantle_cell:
        case disease::t_cell_nodal: risk = 1; break;
        case disease::t_cell_extranodal: risk = 2; break;
        default: break;
    }
    if (risk == -1) {
        return static_cast<int>(c::not_classifiable);
    }
    if (in.status == ds::missing) {
        return static_cast<int>(c::missing_disease_status);
    }
    if (risk == -2) {
        return static_cast<int>(c::tbd_cytogenetics);
    }
    int stage = 0;
    switch (in.status) {
        case ds::cml_ap:
        case ds::cml_bp:
        case ds::induction_failure:
        case ds::active_relapse: stage = 1; break;
        case ds::pr2_or_later:
            if (in.conditioning == hsct::conditioning_intensity::not_stated) {
                return static_cast<int>(c::missing_conditioning_intensity);
            }
            stage = in.conditioning == hsct::conditioning_intensity::myeloablative ? 1 : 0;
            break;
        case ds::stable_disease: return static_cast<int>(c::not_classifiable);
        default: break;
    }
    return risk + stage + 1;  // low 1, intermediate 2, high 3, very high 4
}

int typed_dri(const p::dri_input& in) {
    const auto r = p::assess_dri(in);
    return r ? static_cast<int>(r->category) : -1000;
}

void BM_dri_typed(benchmark::State& state) {
    const auto& d = score_data();
    for (auto _ : state) {
        long sum = 0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += typed_dri(d.dri[i]);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_dri_typed)->Unit(benchmark::kMillisecond);

void BM_dri_raw(benchmark::State& state) {
    const auto& d = score_data();
    for (auto _ : state) {
        long sum = 0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += raw_dri(d.dri[i]);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_dri_raw)->Unit(benchmark::kMillisecond);

// A cross-check, run once: typed and raw agree on every EBMT and DRI input.
void BM_ebmt_dri_agreement(benchmark::State& state) {
    const auto& d = score_data();
    std::size_t disagreements = 0;
    for (auto _ : state) {
        disagreements = 0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            disagreements += typed_ebmt(d.ebmt[i]) != raw_ebmt(d.ebmt[i]) ? 1U : 0U;
            disagreements += typed_dri(d.dri[i]) != raw_dri(d.dri[i]) ? 1U : 0U;
        }
    }
    state.counters["disagreements"] = static_cast<double>(disagreements);
    if (disagreements != 0) {
        state.SkipWithError("typed and raw EBMT/DRI disagree");
    }
}
BENCHMARK(BM_ebmt_dri_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------
// Dosing weight (PAT-DOSE-005): assess_dosing_weight under the busulfan practice policy (Devine
// IBW, the %IBW trigger, AIBW25) with its evidence (criteria, options, IBW record), against a
// raw function that reads the SAME p::body_measures and computes only the weight in kg.
// Target (docs/conventions.md): typed/raw <= 2.
// ---------------------------------------------------------------------------------------------

struct dosing_inputs {
    std::vector<p::body_measures> measures;

    dosing_inputs() {
        std::mt19937_64 rng(20241203);
        std::uniform_real_distribution<double> h(140.0, 200.0);
        std::uniform_real_distribution<double> w(40.0, 160.0);
        std::uniform_int_distribution<int> years(12, 80);  // some children: refused by both
        std::bernoulli_distribution male(0.5);
        measures.reserve(n_patients);
        for (std::size_t i = 0; i < n_patients; ++i) {
            measures.push_back(p::body_measures::make(p::height::make(h(rng), u::cm).value(),
                                                      p::body_weight::make(w(rng), u::kg).value(),
                                                      male(rng) ? hsct::sex::male : hsct::sex::female,
                                                      hsct::age::make(years(rng), 0).value())
                                   .value());
        }
    }
};

const dosing_inputs& dosing_data() {
    static const dosing_inputs d;
    return d;
}

// The raw baseline: Devine IBW, TBW > 120 % IBW, AIBW25 when TBW > IBW; -1 for a child (the
// typed side: status not_applicable).
double raw_busulfan_kg(const p::body_measures& m) {
    if (m.age_at_dosing().completed_years() < 18) {
        return -1.0;
    }
    const double h = m.height().in(u::cm);
    const double w = m.weight().in(u::kg);
    const double ibw = (m.recipient_sex() == hsct::sex::male ? 50.0 : 45.5) + 2.3 * (h - 152.4) / 2.54;
    if (!(ibw > 0.0) || !(100.0 * w / ibw > 120.0) || !(w > ibw)) {
        return ibw > 0.0 ? w : -1.0;
    }
    return ibw + 0.25 * (w - ibw);
}

double typed_busulfan_kg(const p::body_measures& m, const p::dosing_weight_options& o) {
    const auto r = p::assess_dosing_weight(m, o);
    return r && r->applies() ? r->weight_used.in(u::kg) : -1.0;  // a child: not applicable
}

void BM_dosing_weight_typed(benchmark::State& state) {
    const auto& d = dosing_data();
    const auto policy = p::commonly_reported_policy(p::agent_class::busulfan);
    for (auto _ : state) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += typed_busulfan_kg(d.measures[i], policy);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_dosing_weight_typed)->Unit(benchmark::kMillisecond);

void BM_dosing_weight_raw(benchmark::State& state) {
    const auto& d = dosing_data();
    for (auto _ : state) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            sum += raw_busulfan_kg(d.measures[i]);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_dosing_weight_raw)->Unit(benchmark::kMillisecond);

// A cross-check, run once: typed and raw give the same weight for every patient.
void BM_dosing_weight_agreement(benchmark::State& state) {
    const auto& d = dosing_data();
    const auto policy = p::commonly_reported_policy(p::agent_class::busulfan);
    std::size_t disagreements = 0;
    for (auto _ : state) {
        disagreements = 0;
        for (std::size_t i = 0; i < n_patients; ++i) {
            disagreements += typed_busulfan_kg(d.measures[i], policy) != raw_busulfan_kg(d.measures[i]) ? 1U : 0U;
        }
    }
    state.counters["disagreements"] = static_cast<double>(disagreements);
    if (disagreements != 0) {
        state.SkipWithError("typed and raw dosing weights disagree");
    }
}
BENCHMARK(BM_dosing_weight_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
