// Tests for include/hsct/conditioning/dose_calculation.hpp: a regimen's doses for a patient with
// the weight or BSA each agent used and why (COND-DOSE-001/002), on the worked examples of the
// reference notes (clinical-scores-conditioning.md 11.6 and 11.11).
#include <hsct/conditioning/dose_calculation.hpp>

#include <algorithm>
#include <utility>
#include <cmath>
#include <span>
#include <vector>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_dose_calculation_test {

namespace c = hsct::conditioning;
namespace p = hsct::patient;
using c::agent;

namespace {
p::body_measures measures(double cm, double kg, hsct::sex s) {
    const auto h = p::height::make(cm, hsct::units::cm);
    const auto w = p::body_weight::make(kg, hsct::units::kg);
    REQUIRE(h.has_value());
    REQUIRE(w.has_value());
    const auto m = p::body_measures::make(*h, *w, s, *hsct::age::make(45, 0));
    REQUIRE(m.has_value());
    return *m;
}
bool near(double a, double b, double tol) { return std::abs(a - b) <= tol; }
}  // namespace

TEST_CASE("the obese woman of 11.6: busulfan on AIBW25, fludarabine on an actual-weight BSA", "[COND-DOSE-001][COND-DOSE-002][V2]") {
    const auto m = measures(165, 120, hsct::sex::female);
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), m);
    REQUIRE(d.has_value());
    REQUIRE(d->components.size() == 2);
    const auto& flu = d->components[0];
    const auto& bu = d->components[1];
    CHECK(flu.which == agent::fludarabine);
    REQUIRE(flu.weighting.has_value());
    REQUIRE(flu.weighting->bsa.has_value());
    CHECK(near(flu.weighting->bsa->value.in(hsct::units::m2), 2.345, 0.001));  // Mosteller, actual weight
    CHECK(near(flu.per_day->in(hsct::units::mg), 40.0 * flu.weighting->bsa->value.in(hsct::units::m2), 1e-9));
    CHECK(bu.which == agent::busulfan_iv);
    REQUIRE(bu.weighting.has_value());
    CHECK(bu.weighting->source == p::weight_source::adjusted);
    CHECK(near(bu.weighting->weight_used.in(hsct::units::kg), 72.68, 0.01));    // AIBW25
    CHECK(near(bu.per_day->in(hsct::units::mg), 232.6, 0.05));                 // 3.2 x 72.68
    CHECK(bu.days == 4);
    CHECK(near(bu.total->in(hsct::units::mg), 4.0 * bu.per_day->in(hsct::units::mg), 1e-9));
    CHECK(bu.prescribed.value() == 3.2);
    CHECK(bu.weighting->options.name.find("commonly reported practice") != std::string_view::npos);
}

TEST_CASE("PTCy at 70 kg: 3,500 mg on days +3 and +4 (11.11)", "[COND-DOSE-002][V2]") {
    const auto m = measures(175, 70, hsct::sex::male);
    const auto d = c::calculate_doses(c::regimens::flu_cy_tbi_ptcy(), m);
    REQUIRE(d.has_value());
    REQUIRE(d->components.size() == 4);
    const auto& ptcy = d->components[3];
    CHECK(ptcy.which == agent::cyclophosphamide);
    CHECK(ptcy.weighting->source == p::weight_source::actual);  // 70 kg is under 150 % IBW
    CHECK(near(ptcy.per_day->in(hsct::units::mg), 3500.0, 1e-9));
    CHECK(near(ptcy.total->in(hsct::units::mg), 7000.0, 1e-9));
    const auto& tbi = d->components[2];
    CHECK_FALSE(tbi.weighting.has_value());
    CHECK(tbi.per_day_gy->in(hsct::units::Gy) == 2.0);
    CHECK(tbi.total_gy->in(hsct::units::Gy) == 2.0);
}

TEST_CASE("a centre's policy per agent; a policy on the wrong basis is refused", "[COND-DOSE-001]") {
    const auto m = measures(165, 120, hsct::sex::female);
    auto policies = c::commonly_reported_policies();
    policies.of(agent::busulfan_iv) = p::policies::actual_weight();
    policies.of(agent::busulfan_iv).name = "centre: busulfan on actual weight";
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), m, policies);
    REQUIRE(d.has_value());
    CHECK(near(d->components[1].per_day->in(hsct::units::mg), 384.0, 1e-9));  // 3.2 x 120
    CHECK(d->components[1].weighting->options.name == "centre: busulfan on actual weight");

    policies.of(agent::busulfan_iv) = p::policies::bsa_actual();
    policies.of(agent::busulfan_iv).name = "wrong";
    const auto bad = c::calculate_doses(c::regimens::flu_bu4(), m, policies);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::inconsistent);
    CHECK(bad.error().field() == "policies.busulfan_iv");
}

TEST_CASE("every published regimen computes for an adult", "[COND-DOSE-002][COND-REG-002]") {
    const auto m = measures(170, 70, hsct::sex::male);
    for (const auto& r : {c::regimens::bu_cy_oral(), c::regimens::bu_cy_iv(), c::regimens::cy_tbi(),
                          c::regimens::flu_bu4(), c::regimens::flu_bu2(), c::regimens::flu_mel(),
                          c::regimens::beam(), c::regimens::mel200(), c::regimens::flu_cy_tbi_ptcy(),
                          c::regimens::flu_tbi_2gy(), c::regimens::flu_treo(), c::regimens::tbf()}) {
        INFO(r.name());
        const auto d = c::calculate_doses(r, m);
        REQUIRE(d.has_value());
        CHECK(d->components.size() == r.components().size());
        for (const auto& x : d->components) {
            CHECK((x.per_day.has_value() || x.per_day_gy.has_value()));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// COND-DOSE-003: dose_plan gives calculate_doses' numbers, bit for bit, and its errors
// ---------------------------------------------------------------------------------------------
namespace {
const c::regimen* published_regimens(std::size_t& n) {
    static const c::regimen all[] = {
        c::regimens::bu_cy_oral(), c::regimens::bu_cy_iv(),   c::regimens::cy_tbi(),
        c::regimens::flu_bu4(),    c::regimens::flu_bu2(),    c::regimens::flu_mel(),
        c::regimens::beam(),       c::regimens::mel200(),     c::regimens::flu_cy_tbi_ptcy(),
        c::regimens::flu_tbi_2gy(), c::regimens::flu_treo(),  c::regimens::tbf()};
    n = sizeof(all) / sizeof(all[0]);
    return all;
}

// Every per-kg and per-m2 policy the patient stage names, with both trigger kinds and every
// short-stature rule and BSA formula, for the agents of each basis.
std::vector<c::dosing_policies> policy_sets() {
    std::vector<p::dosing_weight_options> per_kg{
        p::policies::actual_weight(),
        p::policies::ideal_weight(),
        p::policies::ideal_weight(p::trigger_bmi_at_least(hsct::body_mass_index(30.0, hsct::units::kg_per_m2))),
        p::policies::lesser_of_ideal_and_actual(),
        p::policies::adjusted(p::adjustment_factor::aibw25, p::trigger_percent_ibw_above(hsct::percent(120.0, hsct::units::pct))),
        p::policies::adjusted(p::adjustment_factor::adjbw40, p::trigger_always()),
        p::policies::adjusted(p::adjustment_factor::adjbw50, p::trigger_percent_ibw_at_least(hsct::percent(150.0, hsct::units::pct))),
    };
    std::vector<p::dosing_weight_options> per_m2{
        p::policies::bsa_actual(),
        p::policies::bsa_actual(p::bsa_formula::dubois),
        p::policies::bsa_actual(p::bsa_formula::haycock),
        p::policies::bsa_actual(p::bsa_formula::gehan_george),
        p::policies::bsa_actual(p::bsa_formula::boyd),
        p::policies::bsa_capped_2m2(),
        p::policies::bsa_adjusted(p::adjustment_factor::aibw25, p::trigger_percent_ibw_above(hsct::percent(120.0, hsct::units::pct))),
        p::policies::bsa_adjusted(p::adjustment_factor::adjbw50, p::trigger_bmi_at_least(hsct::body_mass_index(30.0, hsct::units::kg_per_m2))),
    };
    std::vector<c::dosing_policies> sets{c::commonly_reported_policies()};
    const std::size_t n = std::max(per_kg.size(), per_m2.size());
    for (const auto stature : {p::short_stature_policy::extrapolate, p::short_stature_policy::base_value,
                               p::short_stature_policy::refuse}) {
        for (std::size_t k = 0; k < n; ++k) {
            auto s = c::commonly_reported_policies();
            for (std::size_t i = 0; i < c::agent_count; ++i) {
                const auto a = static_cast<agent>(i + 1);
                const auto basis = c::info_of(a).basis;
                if (basis == c::dose_basis::per_kg) {
                    s.of(a) = per_kg[(k + i) % per_kg.size()];
                } else if (basis == c::dose_basis::per_m2) {
                    s.of(a) = per_m2[(k + i) % per_m2.size()];
                }
                s.of(a).below_60_in = stature;
                // every third set: a centre's adjustments (COND-DOSE-004), one mode each
                if (k % 3 == 0 && basis != c::dose_basis::radiation) {
                    auto& x = s.adjustment(a);
                    x.name = "centre rule";
                    x.reduce_to = hsct::percent(k == 0 ? 100.0 : 80.0, hsct::units::pct);
                    x.round_to = hsct::total_dose(basis == c::dose_basis::per_kg ? 60.0 : 10.0, hsct::units::mg);
                    x.rounding = static_cast<c::rounding_mode>(1 + (i % 3));
                    x.cap_per_day = hsct::total_dose(900.0, hsct::units::mg);
                }
            }
            sets.push_back(s);
        }
    }
    return sets;
}
}  // namespace

TEST_CASE("dose_plan: the same amounts as calculate_doses, bit for bit, and the same errors", "[COND-DOSE-003]") {
    std::size_t n_regimens = 0;
    const c::regimen* regimens = published_regimens(n_regimens);
    const auto sets = policy_sets();
    // Heights across 60 in (152.4 cm) and far below it; weights from underweight to 250 kg;
    // children and adults (the IBW and BMI rules are adult rules).
    const double heights[] = {95.0, 120.0, 150.0, 152.4, 160.0, 175.5, 198.0};
    const double weights[] = {0.5, 9.0, 38.0, 55.0, 70.0, 96.0, 130.0, 250.0, 399.0};
    const int ages[] = {4, 17, 18, 45};
    std::size_t compared = 0;
    std::size_t refused = 0;
    for (const auto& set : sets) {
        for (std::size_t r = 0; r < n_regimens; ++r) {
            const auto plan = c::dose_plan::make(regimens[r], set);
            REQUIRE(plan.has_value());
            for (const double cm : heights) {
                for (const double kg : weights) {
                    for (const int years : ages) {
                        for (const auto s : {hsct::sex::female, hsct::sex::male}) {
                            const auto m = *p::body_measures::make(*p::height::make(cm, hsct::units::cm),
                                                                   *p::body_weight::make(kg, hsct::units::kg), s,
                                                                   *hsct::age::make(years, 0));
                            const auto full = c::calculate_doses(regimens[r], m, set);
                            const auto lean = plan->amounts(m);
                            REQUIRE(full.has_value() == lean.has_value());
                            if (!full) {
                                CHECK(lean.error().code() == full.error().code());
                                CHECK(lean.error().field() == full.error().field());
                                CHECK(lean.error().message() == full.error().message());
                                ++refused;
                                continue;
                            }
                            std::size_t k = 0;
                            for (std::size_t i = 0; i < full->components.size(); ++i) {
                                const auto& x = full->components[i];
                                if (!x.per_day) {
                                    continue;  // TBI
                                }
                                REQUIRE(k < lean->drugs.size());
                                const auto& y = lean->drugs[k++];
                                CHECK(y.which == x.which);
                                CHECK(y.component == i);
                                CHECK(y.per_day.in(hsct::units::mg) == x.per_day->in(hsct::units::mg));
                                CHECK(y.total.in(hsct::units::mg) == x.total->in(hsct::units::mg));
                                ++compared;
                            }
                            CHECK(k == lean->drugs.size());
                        }
                    }
                }
            }
        }
    }
    // The grid reaches both outcomes, often.
    CHECK(compared > 10000);
    CHECK(refused > 1000);
}

TEST_CASE("dose_plan: a policy on the wrong basis is refused once, at make", "[COND-DOSE-003][COND-DOSE-001]") {
    auto policies = c::commonly_reported_policies();
    policies.of(agent::melphalan) = p::policies::actual_weight();
    const auto bad = c::dose_plan::make(c::regimens::flu_mel(), policies);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::inconsistent);
    CHECK(bad.error().field() == "policies.melphalan");
    policies.of(agent::melphalan) = p::policies::bsa_actual();
    policies.of(agent::melphalan).name = "";
    const auto unnamed = c::dose_plan::make(c::regimens::flu_mel(), policies);
    REQUIRE_FALSE(unnamed.has_value());
    CHECK(unnamed.error().code() == hsct::errc::missing);
    CHECK(unnamed.error().field() == "policies.melphalan.name");
}

TEST_CASE("dose_plan: the FluBu4 woman of 11.6, and TBI left out of the drug amounts", "[COND-DOSE-003][V2]") {
    const auto plan = c::dose_plan::make(c::regimens::flu_bu4());
    REQUIRE(plan.has_value());
    const auto a = plan->amounts(measures(165, 120, hsct::sex::female));
    REQUIRE(a.has_value());
    REQUIRE(a->drugs.size() == 2);
    CHECK(a->drugs[1].which == agent::busulfan_iv);
    CHECK(near(a->drugs[1].per_day.in(hsct::units::mg), 232.6, 0.05));  // 3.2 x AIBW25 72.68 kg
    CHECK(near(a->drugs[1].total.in(hsct::units::mg), 4.0 * 232.6, 0.2));
    const auto tbi = c::dose_plan::make(c::regimens::flu_cy_tbi_ptcy());
    REQUIRE(tbi.has_value());
    const auto b = tbi->amounts(measures(175, 70, hsct::sex::male));
    REQUIRE(b.has_value());
    CHECK(b->drugs.size() == 3);  // fludarabine, cyclophosphamide (twice): TBI is in Gy
    CHECK(b->drugs[2].component == 3);
    CHECK(near(b->drugs[2].per_day.in(hsct::units::mg), 3500.0, 1e-9));
}

TEST_CASE("dose_plan::amounts_into: a batch's buffer, too short refused", "[COND-DOSE-003]") {
    const auto plan = c::dose_plan::make(c::regimens::bu_cy_iv());
    REQUIRE(plan.has_value());
    REQUIRE(plan->drug_count() == 2);
    const auto m = measures(170, 70, hsct::sex::male);
    c::drug_amount buffer[3];
    const auto part = plan->amounts_into(m, buffer);
    REQUIRE(part.has_value());
    REQUIRE(part->size() == 2);
    const auto whole = plan->amounts(m);
    REQUIRE(whole.has_value());
    CHECK((*part)[1].which == agent::cyclophosphamide);
    CHECK((*part)[1].per_day == whole->drugs[1].per_day);
    CHECK(near((*part)[1].per_day.in(hsct::units::mg), 60.0 * 70.0, 1e-9));  // 60 mg/kg, 70 kg under 150 % IBW
    const auto short_buffer = plan->amounts_into(m, std::span<c::drug_amount>(buffer, 1));
    REQUIRE_FALSE(short_buffer.has_value());
    CHECK(short_buffer.error().code() == hsct::errc::out_of_range);
    CHECK(short_buffer.error().field() == "into");
    CHECK(short_buffer.error().value() == "1");
    // a child under the adult-only busulfan policy: calculate_doses' own refusal
    const auto child = *p::body_measures::make(*p::height::make(120, hsct::units::cm),
                                               *p::body_weight::make(25, hsct::units::kg), hsct::sex::female,
                                               *hsct::age::make(7, 0));
    const auto refused = plan->amounts_into(child, buffer);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code() == hsct::errc::not_allowed);
    CHECK(refused.error().field() == "regimen.components.busulfan_iv[0]");
}

namespace {
p::body_measures aged(double cm, double kg, int years) {
    const auto m = p::body_measures::make(*p::height::make(cm, hsct::units::cm), *p::body_weight::make(kg, hsct::units::kg),
                                          hsct::sex::male, *hsct::age::make(years, 0));
    REQUIRE(m.has_value());
    return *m;
}
c::dosing_policies busulfan_on(const p::dosing_weight_options& o) {
    auto s = c::commonly_reported_policies();
    s.of(agent::busulfan_iv) = o;
    return s;
}
// Busulfan's amount a day (3.2 mg/kg) from dose_plan, after checking calculate_doses agrees.
double plan_busulfan_mg(const c::dosing_policies& s, const p::body_measures& m) {
    const auto plan = c::dose_plan::make(c::regimens::bu_cy_iv(), s);
    REQUIRE(plan.has_value());
    const auto lean = plan->amounts(m);
    const auto full = c::calculate_doses(c::regimens::bu_cy_iv(), m, s);
    REQUIRE(full.has_value());
    REQUIRE(lean.has_value());
    REQUIRE(lean->drugs[0].which == agent::busulfan_iv);
    CHECK(lean->drugs[0].per_day.in(hsct::units::mg) == full->components[0].per_day->in(hsct::units::mg));
    return lean->drugs[0].per_day.in(hsct::units::mg);
}
}  // namespace

TEST_CASE("dose_plan at the IBW rules' edges: age 18, 60 inches, a trigger at its threshold", "[COND-DOSE-003]") {
    // Devine IBW is an adult rule: at 18 years it applies, at 17 it is refused.
    const auto ideal = busulfan_on(p::policies::ideal_weight());
    CHECK(near(plan_busulfan_mg(ideal, aged(175.0, 70.0, 18)), 3.2 * (50.0 + 2.3 * (175.0 - 152.4) / 2.54), 1e-9));
    const auto child = c::dose_plan::make(c::regimens::bu_cy_iv(), ideal)->amounts(aged(175.0, 70.0, 17));
    REQUIRE_FALSE(child.has_value());
    CHECK(child.error().code() == hsct::errc::not_allowed);
    CHECK(child.error().field() == "regimen.components.busulfan_iv[0]");

    // A centre that refuses IBW below 60 in (152.4 cm) still doses a patient of exactly 60 in.
    auto refuse_short = p::policies::ideal_weight();
    refuse_short.below_60_in = p::short_stature_policy::refuse;
    CHECK(near(plan_busulfan_mg(busulfan_on(refuse_short), aged(152.4, 70.0, 45)), 3.2 * 50.0, 1e-9));
    const auto shorter = c::dose_plan::make(c::regimens::bu_cy_iv(), busulfan_on(refuse_short))->amounts(aged(152.3, 70.0, 45));
    REQUIRE_FALSE(shorter.has_value());
    CHECK(shorter.error().field() == "regimen.components.busulfan_iv[0]");

    // 60 kg at 150 cm with the base IBW of 50 kg: exactly 120 % of IBW. A trigger "above 120 %"
    // is not met (actual weight, 60 kg); "at least 120 %" is (AIBW25: 50 + 0.25 x 10 = 52.5 kg).
    const auto m = aged(150.0, 60.0, 45);
    auto above = p::policies::adjusted(p::adjustment_factor::aibw25,
                                       p::trigger_percent_ibw_above(hsct::percent(120.0, hsct::units::pct)));
    above.below_60_in = p::short_stature_policy::base_value;
    auto at_least = p::policies::adjusted(p::adjustment_factor::aibw25,
                                          p::trigger_percent_ibw_at_least(hsct::percent(120.0, hsct::units::pct)));
    at_least.below_60_in = p::short_stature_policy::base_value;
    CHECK(near(plan_busulfan_mg(busulfan_on(above), m), 3.2 * 60.0, 1e-9));
    CHECK(near(plan_busulfan_mg(busulfan_on(at_least), m), 3.2 * 52.5, 1e-9));
}

// ---------------------------------------------------------------------------------------------
// COND-DOSE-004: a centre's reduction, rounding and cap, applied only when it states them
// ---------------------------------------------------------------------------------------------
namespace {
c::dosing_policies with_busulfan(const c::dose_adjustment& x) {
    auto p = c::commonly_reported_policies();
    p.adjustment(agent::busulfan_iv) = x;
    return p;
}
const c::component_dose& busulfan_of(const c::regimen_doses& d) { return d.components[1]; }
}  // namespace

TEST_CASE("no adjustment unless the centre states one", "[COND-DOSE-004]") {
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), measures(165, 120, hsct::sex::female));
    REQUIRE(d.has_value());
    for (const auto& x : d->components) {
        CHECK_FALSE(x.calculated_per_day.has_value());
        CHECK_FALSE(x.adjustment.any());
        CHECK_FALSE((x.reduced || x.rounded || x.capped));
    }
}

TEST_CASE("reduction, rounding to a vial, cap: in that order, each recorded", "[COND-DOSE-004]") {
    const auto m = measures(165, 120, hsct::sex::female);  // busulfan 232.576 mg a day (AIBW25)
    c::dose_adjustment x;
    x.name = "centre: Bu 80 %, 60 mg vials";
    x.reduce_to = hsct::percent(80.0, hsct::units::pct);  // 186.06 mg
    x.round_to = hsct::total_dose(60.0, hsct::units::mg);
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), m, with_busulfan(x));
    REQUIRE(d.has_value());
    const auto& bu = busulfan_of(*d);
    REQUIRE(bu.calculated_per_day.has_value());
    CHECK(near(bu.calculated_per_day->in(hsct::units::mg), 232.58, 0.01));
    CHECK(bu.per_day->in(hsct::units::mg) == 180.0);  // 186.06 -> 3 vials
    CHECK(bu.total->in(hsct::units::mg) == 720.0);
    CHECK(bu.reduced);
    CHECK(bu.rounded);
    CHECK_FALSE(bu.capped);
    CHECK(bu.adjustment.name == "centre: Bu 80 %, 60 mg vials");
    CHECK_FALSE(d->components[0].calculated_per_day.has_value());  // fludarabine untouched

    // rounding modes around 186.06 mg: down 180, up 240, nearest 180
    for (const auto& [mode, expected] : {std::pair{c::rounding_mode::down, 180.0}, std::pair{c::rounding_mode::up, 240.0},
                                         std::pair{c::rounding_mode::nearest, 180.0}}) {
        x.rounding = mode;
        const auto r = c::calculate_doses(c::regimens::flu_bu4(), m, with_busulfan(x));
        REQUIRE(r.has_value());
        CHECK(busulfan_of(*r).per_day->in(hsct::units::mg) == expected);
    }

    // the cap: below, at and above the calculated amount (no reduction or rounding)
    const double calculated = bu.calculated_per_day->in(hsct::units::mg);
    c::dose_adjustment cap;
    cap.name = "centre cap";
    for (const auto& [limit, capped] : {std::pair{calculated - 0.5, true}, std::pair{calculated, false},
                                        std::pair{calculated + 0.5, false}}) {
        cap.cap_per_day = hsct::total_dose(limit, hsct::units::mg);
        const auto r = c::calculate_doses(c::regimens::flu_bu4(), m, with_busulfan(cap));
        REQUIRE(r.has_value());
        INFO(limit);
        CHECK(busulfan_of(*r).capped == capped);
        CHECK(busulfan_of(*r).per_day->in(hsct::units::mg) <= limit + 1e-9);
    }
    // the cap wins over a rounding up
    cap.round_to = hsct::total_dose(60.0, hsct::units::mg);
    cap.rounding = c::rounding_mode::up;
    cap.cap_per_day = hsct::total_dose(250.0, hsct::units::mg);
    const auto both = c::calculate_doses(c::regimens::flu_bu4(), m, with_busulfan(cap));
    REQUIRE(both.has_value());
    CHECK(busulfan_of(*both).per_day->in(hsct::units::mg) == 240.0);  // 232.6 rounded up; under the cap
    CHECK_FALSE(busulfan_of(*both).capped);
    cap.cap_per_day = hsct::total_dose(235.0, hsct::units::mg);
    const auto capped = c::calculate_doses(c::regimens::flu_bu4(), m, with_busulfan(cap));
    REQUIRE(capped.has_value());
    CHECK(busulfan_of(*capped).per_day->in(hsct::units::mg) == 235.0);  // 240 rounded up, capped at 235
    CHECK(busulfan_of(*capped).capped);
}

TEST_CASE("an adjustment is named and in range, or refused", "[COND-DOSE-004]") {
    const auto m = measures(165, 120, hsct::sex::female);
    struct row {
        c::dose_adjustment x;
        std::string field;
        hsct::errc code;
    };
    c::dose_adjustment unnamed;
    unnamed.cap_per_day = hsct::total_dose(100.0, hsct::units::mg);
    c::dose_adjustment zero_pct;
    zero_pct.name = "r";
    zero_pct.reduce_to = hsct::percent(0.0, hsct::units::pct);
    c::dose_adjustment over_pct = zero_pct;
    over_pct.reduce_to = hsct::percent(100.5, hsct::units::pct);
    c::dose_adjustment zero_vial = zero_pct;
    zero_vial.reduce_to.reset();
    zero_vial.round_to = hsct::total_dose(0.0, hsct::units::mg);
    c::dose_adjustment bad_mode = zero_vial;
    bad_mode.round_to = hsct::total_dose(60.0, hsct::units::mg);
    bad_mode.rounding = static_cast<c::rounding_mode>(9);
    c::dose_adjustment nan_cap = zero_vial;
    nan_cap.round_to.reset();
    nan_cap.cap_per_day = hsct::total_dose(std::nan(""), hsct::units::mg);
    const row rows[] = {
        {unnamed, "adjustments.busulfan_iv.name", hsct::errc::missing},
        {zero_pct, "adjustments.busulfan_iv.reduce_to", hsct::errc::out_of_range},
        {over_pct, "adjustments.busulfan_iv.reduce_to", hsct::errc::out_of_range},
        {zero_vial, "adjustments.busulfan_iv.round_to", hsct::errc::out_of_range},
        {bad_mode, "adjustments.busulfan_iv.rounding", hsct::errc::out_of_range},
        {nan_cap, "adjustments.busulfan_iv.cap_per_day", hsct::errc::not_finite},
    };
    for (const auto& r : rows) {
        INFO(r.field);
        const auto d = c::calculate_doses(c::regimens::flu_bu4(), m, with_busulfan(r.x));
        REQUIRE_FALSE(d.has_value());
        CHECK(d.error().field() == r.field);
        CHECK(d.error().code() == r.code);
        const auto plan = c::dose_plan::make(c::regimens::flu_bu4(), with_busulfan(r.x));
        REQUIRE_FALSE(plan.has_value());
        CHECK(plan.error().field() == r.field);
    }
    // 100 % is accepted (and moves nothing)
    c::dose_adjustment full = zero_pct;
    full.reduce_to = hsct::percent(100.0, hsct::units::pct);
    const auto d = c::calculate_doses(c::regimens::flu_bu4(), m, with_busulfan(full));
    REQUIRE(d.has_value());
    CHECK_FALSE(busulfan_of(*d).reduced);
    // TBI takes none
    auto p = c::commonly_reported_policies();
    p.adjustment(agent::tbi).name = "no";
    p.adjustment(agent::tbi).cap_per_day = hsct::total_dose(1.0, hsct::units::mg);
    const auto t = c::calculate_doses(c::regimens::cy_tbi(), m, p);
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().code() == hsct::errc::not_allowed);
    CHECK(t.error().field() == "adjustments.tbi");
    // a rounding that leaves nothing is refused, not given as 0 mg
    c::dose_adjustment huge;
    huge.name = "500 mg vials";
    huge.round_to = hsct::total_dose(500.0, hsct::units::mg);
    huge.rounding = c::rounding_mode::down;
    const auto none = c::calculate_doses(c::regimens::flu_bu4(), m, with_busulfan(huge));
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code() == hsct::errc::out_of_range);
    CHECK(none.error().field() == "regimen.components.busulfan_iv[1]");
    const auto lean = c::dose_plan::make(c::regimens::flu_bu4(), with_busulfan(huge))->amounts(m);
    REQUIRE_FALSE(lean.has_value());
    CHECK(lean.error().message() == none.error().message());
}

}  // namespace hsct_test_conditioning_dose_calculation_test
