// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The complications module, typed versus raw (BM_<case>_typed / BM_<case>_raw):
//  - agvhd_day: 1M patient-days of acute GVHD findings (random rash and bullae BSA, bilirubin,
//    stool volume or episodes, an adult's weight) staged by stage_magic and graded by grade_magic,
//    every stage with the measurement that decided it and the grade with its organs, against a raw
//    grader reading the same gvhd_day structs: the same checks (BSA 0-100 and bullae within the
//    rash, bilirubin in range, stool 0-20,000 mL, episodes 0-40, the weight), the same bands and
//    the same grade, returning only the grade. Issue 13's target: <= 2x, no allocation per
//    patient-day. Agreement checked once.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include <hsct/complications/acute_gvhd.hpp>

namespace {
namespace c = hsct::complications;
namespace u = hsct::units;

constexpr std::size_t n_days = 1'000'000;

const std::vector<c::gvhd_day>& days() {
    static const std::vector<c::gvhd_day> all = [] {
        std::mt19937_64 rng(20261203);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::vector<c::gvhd_day> v(n_days);
        for (std::size_t i = 0; i < n_days; ++i) {
            auto& d = v[i];
            d.day = hsct::transplant_day::at(static_cast<int>(i % 100));
            if (unit(rng) < 0.8) {
                const double rash = std::round(unit(rng) * 1000.0) / 10.0;
                d.rash_bsa = hsct::percent(rash, u::pct);
                if (unit(rng) < 0.1) {
                    d.bullae_bsa = hsct::percent(std::round(unit(rng) * rash * 10.0) / 10.0, u::pct);
                }
            }
            if (unit(rng) < 0.7) {
                d.bilirubin = hsct::bilirubin(0.2 + std::round(unit(rng) * 200.0) / 10.0, u::mg_per_dl);
            }
            const double s = unit(rng);
            if (s < 0.6) {
                d.stool_volume = hsct::volume(std::round(unit(rng) * 2500.0), u::mL);
            } else if (s < 0.8) {
                d.stool_episodes = static_cast<std::uint8_t>(unit(rng) * 12.0);
            }
            d.upper_gi_persistent = unit(rng) < 0.1;
            d.severe_abdominal_pain = unit(rng) < 0.01;
            d.grossly_bloody_stool = unit(rng) < 0.01;
        }
        return v;
    }();
    return all;
}

const c::gvhd_patient patient{hsct::mass(70.0, u::kg)};

// The raw grader: the same checks and bands on the same structs, the MAGIC grade as an int
// (1 = grade 0 .. 5 = grade IV, agvhd_grade's numbers), -1 for a refused day.
int raw_grade(const c::gvhd_day& d, double kg) {
    const auto pct = [](const std::optional<hsct::percent>& p, double& x) {
        if (!p) {
            return true;
        }
        x = p->in(u::pct);
        return std::isfinite(x) && x >= 0.0 && x <= 100.0;
    };
    double rash = 0.0;
    double bullae = 0.0;
    if (!pct(d.rash_bsa, rash) || !pct(d.bullae_bsa, bullae) || (d.bullae_bsa && bullae > rash)) {
        return -1;
    }
    double bili = 0.0;
    if (d.bilirubin) {
        bili = d.bilirubin->in(u::mg_per_dl);
        if (!std::isfinite(bili) || bili < hsct::bilirubin::info().plausible_lo || bili > hsct::bilirubin::info().plausible_hi) {
            return -1;
        }
    }
    double ml = 0.0;
    if (d.stool_volume) {
        ml = d.stool_volume->in(u::mL);
        if (!std::isfinite(ml) || ml < 0.0 || ml > 20000.0) {
            return -1;
        }
    }
    if ((d.stool_episodes && *d.stool_episodes > 40) || !(kg >= 0.5 && kg <= 500.0)) {
        return -1;
    }
    int skin = 0;
    if (d.rash_bsa) {
        skin = rash > 50.0 ? 3 : rash >= 25.0 ? 2 : rash > 0.0 ? 1 : 0;
        if (skin == 3 && d.bullae_bsa && bullae > 5.0) {
            skin = 4;
        }
    }
    int liver = 0;
    if (d.bilirubin) {
        liver = bili > 15.0 ? 4 : bili > 6.0 ? 3 : bili > 3.0 ? 2 : bili >= 2.0 ? 1 : 0;
    }
    const int ugi = d.upper_gi_persistent ? 1 : 0;
    int lgi = 0;
    if (d.grossly_bloody_stool || d.severe_abdominal_pain) {
        lgi = 4;
    } else if (d.stool_volume) {
        const double total = ml + (d.stool_episodes ? *d.stool_episodes * 200.0 : 0.0);
        lgi = total > 1500.0 ? 3 : total >= 1000.0 ? 2 : total >= 500.0 ? 1 : 0;
    } else if (d.stool_episodes) {
        const int n = *d.stool_episodes;
        lgi = n >= 8 ? 3 : n >= 5 ? 2 : n >= 3 ? 1 : 0;
    }
    static constexpr int skin_grade[] = {1, 2, 2, 3, 5};
    static constexpr int organ_grade[] = {1, 3, 4, 4, 5};
    int g = skin_grade[skin];
    g = std::max(g, organ_grade[liver]);
    g = std::max(g, ugi ? 3 : 1);
    g = std::max(g, organ_grade[lgi]);
    return g;
}

void BM_agvhd_day_typed(benchmark::State& state) {
    const auto& all = days();
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (const auto& d : all) {
            const auto s = c::stage_magic(d, patient);
            const auto g = c::grade_magic(*s);
            sum += static_cast<std::uint64_t>(g.grade) + g.decided_by.size();
            benchmark::DoNotOptimize(g);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_agvhd_day_typed)->Unit(benchmark::kMillisecond);

void BM_agvhd_day_raw(benchmark::State& state) {
    const auto& all = days();
    const double kg = patient.weight->in(u::kg);
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (const auto& d : all) {
            const int g = raw_grade(d, kg);
            sum += static_cast<std::uint64_t>(g);
            benchmark::DoNotOptimize(g);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_agvhd_day_raw)->Unit(benchmark::kMillisecond);

// Run once: typed and raw agree on every day, so the pair compares equal work.
void BM_agvhd_day_agreement(benchmark::State& state) {
    const auto& all = days();
    const double kg = patient.weight->in(u::kg);
    for (auto _ : state) {
        for (const auto& d : all) {
            const auto s = c::stage_magic(d, patient);
            const int typed = s ? static_cast<int>(c::grade_magic(*s).grade) : -1;
            if (typed != raw_grade(d, kg)) {
                state.SkipWithError("typed and raw disagree on a patient-day");
                return;
            }
        }
    }
}
BENCHMARK(BM_agvhd_day_agreement)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
