// Tests for include/hsct/patient/dosing_weight.hpp: dosing weight and BSA as named policies,
// triggers, the BSA cap, the practice table, and bad input.
#include <hsct/patient/dosing_weight.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "support/catch.hpp"

namespace u = hsct::units;
namespace p = hsct::patient;

namespace {
bool within(double actual, double expected, double tol) {
    return std::fabs(actual - expected) <= tol;
}
bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

hsct::length cm(double v) { return hsct::length(v, u::cm); }
hsct::mass kg(double v) { return hsct::mass(v, u::kg); }
hsct::percent pct(double v) { return hsct::percent(v, u::pct); }

hsct::age adult() { return *hsct::age::from_years_months(45, 0); }

p::body_measures measures(double h_cm, double w_kg, hsct::sex s, hsct::age a = adult()) {
    auto m = p::body_measures::make(cm(h_cm), kg(w_kg), s, a);
    REQUIRE(m.has_value());
    return *m;
}

template <class... A>
concept choosable = requires(A... a) { p::choose(a...); };
template <class B, class D>
concept dosable = requires(B b, D d) { b.dose(d); };
}  // namespace

TEST_CASE("body measures are checked once", "[patient][dosing_weight][PAT-BODY-001][PAT-BODY-002]") {
    const auto h = p::body_measures::make(cm(0.0), kg(70.0), hsct::sex::male, adult());
    REQUIRE_FALSE(h.has_value());
    CHECK(h.error().field() == "height");
    CHECK(h.error().value() == "0 cm");
    CHECK(h.error().valid_range() == "20-250 cm");
    const auto w = p::body_measures::make(cm(170.0), kg(900.0), hsct::sex::male, adult());
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().field() == "weight");
    CHECK(w.error().value() == "900 kg");
    const auto n = p::body_measures::make(cm(170.0), kg(std::numeric_limits<double>::quiet_NaN()),
                                          hsct::sex::male, adult());
    REQUIRE_FALSE(n.has_value());
    CHECK(n.error().code() == hsct::errc::not_finite);
    CHECK(n.error().field() == "weight");
}

TEST_CASE("obese woman 165 cm / 120 kg: busulfan on AIBW25 (section 11.6)",
          "[patient][dosing_weight][PAT-DOSE-005][PAT-DOSE-010][PAT-ABW-001][Busulfex-label]"
          "[Bubalo-2014][HB24-67]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    const auto policy = p::commonly_reported_policy(p::agent_class::busulfan);
    const auto b = p::choose(m, policy);
    REQUIRE(b.has_value());
    CHECK(b->scale == p::dose_scale::per_kg);
    CHECK(b->source == p::weight_source::adjusted);
    REQUIRE(b->factor.has_value());
    CHECK(*b->factor == p::adjustment_factor::aibw25);
    CHECK(b->trigger_met);
    REQUIRE(b->ibw.has_value());
    CHECK(within(b->ibw->value.in(u::kg), 56.91, 0.005));
    REQUIRE(b->percent_ibw.has_value());
    CHECK(within(b->percent_ibw->in(u::pct), 210.9, 0.05));
    CHECK(within(b->dosing_weight().in(u::kg), 72.68, 0.005));

    // 3.2 mg/kg/day on AIBW25 = 232.6 mg/day, via dose_per_mass x mass
    const hsct::dose_per_mass busulfan(3.2, u::mg_per_kg);
    const hsct::total_dose daily = busulfan * b->dosing_weight();
    CHECK(within(daily.in(u::mg), 232.6, 0.05));
    CHECK(b->dose(busulfan) == daily);
    // on TBW it would be 384 mg/day
    CHECK(within((busulfan * m.weight()).in(u::mg), 384.0, 1e-9));

    CHECK(contains(b->explanation, "TBW 210.9% of IBW > 120.0% trigger"));
    CHECK(contains(b->explanation, "adjusted 25%"));
    CHECK(contains(b->explanation, "72.68 kg"));
    CHECK(contains(b->policy_name, "commonly reported practice [unverified as normative]"));
    CHECK(b->policy_name == policy.name);

    // the same patient under AdjBW40
    const auto b40 = p::choose(
        m, p::policies::adjusted(p::adjustment_factor::adjbw40, p::trigger_percent_ibw_above(pct(120.0))));
    REQUIRE(b40.has_value());
    CHECK(within(b40->dosing_weight().in(u::kg), 82.15, 0.005));
}

TEST_CASE("obese man 180 cm / 130 kg (section 11.6)",
          "[patient][dosing_weight][PAT-DOSE-005][PAT-ABW-001][PAT-IBW-001]") {
    const auto m = measures(180.0, 130.0, hsct::sex::male);
    const auto t = p::trigger_percent_ibw_above(pct(120.0));
    const auto a25 = p::choose(m, p::policies::adjusted(p::adjustment_factor::aibw25, t));
    const auto a40 = p::choose(m, p::policies::adjusted(p::adjustment_factor::adjbw40, t));
    REQUIRE(a25.has_value());
    REQUIRE(a40.has_value());
    CHECK(within(a25->ibw->value.in(u::kg), 74.99, 0.005));
    CHECK(within(a25->dosing_weight().in(u::kg), 88.74, 0.005));
    CHECK(within(a40->dosing_weight().in(u::kg), 97.00, 0.005));
    CHECK(within(a25->percent_ibw->in(u::pct), 173.35, 0.01));
}

TEST_CASE("the published weight options as named policies", "[patient][dosing_weight][PAT-DOSE-001][PAT-DOSE-006]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);

    const auto actual = p::choose(m, p::policies::actual_weight());
    REQUIRE(actual.has_value());
    CHECK(actual->dosing_weight() == kg(120.0));
    CHECK(actual->source == p::weight_source::actual);
    CHECK_FALSE(actual->ibw.has_value());  // not needed, not computed
    CHECK(contains(actual->explanation, "actual body weight 120.00 kg"));

    const auto ideal = p::choose(m, p::policies::ideal_weight());
    REQUIRE(ideal.has_value());
    CHECK(ideal->source == p::weight_source::ideal);
    CHECK(within(ideal->dosing_weight().in(u::kg), 56.91, 0.005));

    const auto lesser = p::choose(m, p::policies::lesser_of_ideal_and_actual());
    REQUIRE(lesser.has_value());
    CHECK(lesser->source == p::weight_source::ideal);
    CHECK(within(lesser->dosing_weight().in(u::kg), 56.91, 0.005));

    // a lean patient: the lesser is the actual weight
    const auto lean = p::choose(measures(165.0, 50.0, hsct::sex::female),
                                p::policies::lesser_of_ideal_and_actual());
    REQUIRE(lean.has_value());
    CHECK(lean->source == p::weight_source::actual);
    CHECK(lean->dosing_weight() == kg(50.0));
    CHECK(contains(lean->explanation, "lesser of IBW"));
}

TEST_CASE("percent-of-IBW trigger below, at and above 120%",
          "[patient][dosing_weight][PAT-DOSE-002]") {
    // man 152.4 cm: IBW exactly 50 kg, so 60 kg is exactly 120%
    const auto strict = p::policies::adjusted(p::adjustment_factor::aibw25,
                                              p::trigger_percent_ibw_above(pct(120.0)));
    const auto below = p::choose(measures(152.4, 59.9, hsct::sex::male), strict);
    const auto at = p::choose(measures(152.4, 60.0, hsct::sex::male), strict);
    const auto above = p::choose(measures(152.4, 60.1, hsct::sex::male), strict);
    REQUIRE(below.has_value());
    REQUIRE(at.has_value());
    REQUIRE(above.has_value());
    CHECK(at->percent_ibw->in(u::pct) == 120.0);
    CHECK_FALSE(below->trigger_met);
    CHECK(below->dosing_weight() == kg(59.9));
    CHECK_FALSE(at->trigger_met);
    CHECK(at->dosing_weight() == kg(60.0));
    CHECK(contains(at->explanation, "TBW 120.0% of IBW = 120.0% trigger (at the threshold: not >)"));
    CHECK(above->trigger_met);
    CHECK(above->source == p::weight_source::adjusted);
    CHECK(within(above->dosing_weight().in(u::kg), 50.0 + 0.25 * 10.1, 1e-9));

    // the inclusive form of the same threshold fires at exactly 120%
    const auto inclusive = p::policies::adjusted(p::adjustment_factor::aibw25,
                                                 p::trigger_percent_ibw_at_least(pct(120.0)));
    const auto at_incl = p::choose(measures(152.4, 60.0, hsct::sex::male), inclusive);
    REQUIRE(at_incl.has_value());
    CHECK(at_incl->trigger_met);
    CHECK(within(at_incl->dosing_weight().in(u::kg), 52.5, 1e-9));
    CHECK(contains(at_incl->explanation, "TBW 120.0% of IBW = 120.0% trigger (at the threshold: >= holds)"));
}

TEST_CASE("BMI trigger below, at and above 30 kg/m2", "[patient][dosing_weight][PAT-DOSE-002][HB24-67]") {
    // 200 cm: 120 kg is exactly BMI 30
    const auto policy =
        p::policies::ideal_weight(p::trigger_bmi_at_least(hsct::body_mass_index(30.0, u::kg_per_m2)));
    const auto below = p::choose(measures(200.0, 119.9, hsct::sex::male), policy);
    const auto at = p::choose(measures(200.0, 120.0, hsct::sex::male), policy);
    const auto above = p::choose(measures(200.0, 120.1, hsct::sex::male), policy);
    REQUIRE(below.has_value());
    REQUIRE(at.has_value());
    REQUIRE(above.has_value());
    CHECK(at->bmi.in(u::kg_per_m2) == 30.0);
    CHECK_FALSE(below->trigger_met);
    CHECK(below->source == p::weight_source::actual);
    CHECK(at->trigger_met);
    CHECK(at->source == p::weight_source::ideal);
    CHECK(above->trigger_met);
    // IBW for a 200 cm man, by hand: 200 cm = 78.74 in, 18.74 in over 60 in x 2.3 kg = 43.10 kg,
    // + 50 kg = 93.10 kg (93.1024...).
    CHECK(within(at->dosing_weight().in(u::kg), 93.10, 0.005));
    CHECK(contains(at->explanation, "BMI 30.0 kg/m2 = 30.0 kg/m2 trigger (at the threshold: >= holds)"));
    CHECK(contains(below->explanation, "not >="));

    // either trigger
    p::dosing_policy either = policy;
    either.trigger.rule = p::trigger_rule::percent_ibw_or_bmi;
    const auto e = p::choose(measures(165.0, 75.0, hsct::sex::female), either);  // 132% IBW, BMI 27.5
    REQUIRE(e.has_value());
    CHECK(e->trigger_met);
    CHECK(contains(e->explanation, "TBW 131.8% of IBW > 120.0% trigger; BMI 27.5 kg/m2 not >="));
}

TEST_CASE("triggers hold exactly at a decimal threshold whatever the floating-point rounding",
          "[patient][dosing_weight][PAT-DOSE-002][PAT-DOSE-TOL]") {
    // Each pair is exactly BMI 30, 35 or 40 in decimal arithmetic, but not in binary:
    // 76.8 / 1.6^2 = 29.999999999999996 in double.
    struct exact_case {
        double height_cm;
        double weight_kg;
        double bmi;
    };
    for (const auto c : {exact_case{160.0, 76.8, 30.0}, exact_case{160.0, 89.6, 35.0},
                         exact_case{155.0, 96.1, 40.0}, exact_case{180.0, 129.6, 40.0}}) {
        CAPTURE(c.height_cm, c.weight_kg);
        const auto policy = p::policies::ideal_weight(
            p::trigger_bmi_at_least(hsct::body_mass_index(c.bmi, u::kg_per_m2)));
        const auto at = p::choose(measures(c.height_cm, c.weight_kg, hsct::sex::male), policy);
        REQUIRE(at.has_value());
        CHECK(at->trigger_met);
        const auto below = p::choose(measures(c.height_cm, c.weight_kg - 0.1, hsct::sex::male), policy);
        REQUIRE(below.has_value());
        CHECK_FALSE(below->trigger_met);
    }
}

TEST_CASE("BSA cap at 2 m2 below, at and above", "[patient][dosing_weight][PAT-DOSE-004][Shem-Tov-2015]") {
    const auto policy = p::policies::bsa_capped_2m2();
    // 180 cm x 80 kg: Mosteller exactly 2 m2
    const auto below = p::choose(measures(180.0, 79.0, hsct::sex::male), policy);
    const auto at = p::choose(measures(180.0, 80.0, hsct::sex::male), policy);
    const auto above = p::choose(measures(180.0, 81.0, hsct::sex::male), policy);
    REQUIRE(below.has_value());
    REQUIRE(at.has_value());
    REQUIRE(above.has_value());
    CHECK(below->scale == p::dose_scale::per_m2);
    CHECK_FALSE(below->bsa_capped);
    CHECK(within(below->dosing_area().in(u::m2), std::sqrt(180.0 * 79.0 / 3600.0), 1e-12));
    CHECK_FALSE(at->bsa_capped);
    CHECK(at->dosing_area().in(u::m2) == 2.0);
    CHECK(above->bsa_capped);
    CHECK(above->dosing_area().in(u::m2) == 2.0);
    REQUIRE(above->bsa_before_cap.has_value());
    CHECK(within(above->bsa_before_cap->in(u::m2), std::sqrt(180.0 * 81.0 / 3600.0), 1e-12));
    CHECK(above->bsa->formula == p::bsa_formula::mosteller);
    CHECK(contains(above->explanation, "capped at 2.000 m2"));
    CHECK(contains(at->explanation, "not above the 2.000 m2 cap"));
    const hsct::dose_per_area d(100.0, u::mg_per_m2);
    CHECK(above->dose(d).in(u::mg) == 200.0);

    // without a cap (the default) the same patient gets the full BSA
    const auto uncapped = p::choose(measures(180.0, 81.0, hsct::sex::male), p::policies::bsa_actual());
    REQUIRE(uncapped.has_value());
    CHECK_FALSE(uncapped->bsa_capped);
    CHECK(uncapped->dosing_area() > hsct::area(2.0, u::m2));
}

TEST_CASE("BSA from actual or adjusted weight", "[patient][dosing_weight][PAT-DOSE-006][PAT-DOSE-010][HB24-67]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    const auto flu = p::choose(m, p::commonly_reported_policy(p::agent_class::fludarabine));
    REQUIRE(flu.has_value());
    CHECK(within(flu->dosing_area().in(u::m2), 2.345, 0.001));
    const auto mel = p::choose(m, p::commonly_reported_policy(p::agent_class::melphalan));
    REQUIRE(mel.has_value());
    CHECK(mel->source == p::weight_source::adjusted);
    CHECK(within(mel->weight_used.in(u::kg), 72.68, 0.005));
    // Mosteller from the adjusted weight
    CHECK(within(mel->dosing_area().in(u::m2),
                 std::sqrt(165.0 * mel->weight_used.in(u::kg) / 3600.0), 1e-12));
    CHECK(contains(mel->explanation, "BSA (Mosteller 1987) from adjusted 25%"));

    const auto boyd = p::choose(m, p::policies::bsa_actual(p::bsa_formula::boyd));
    REQUIRE(boyd.has_value());
    CHECK(boyd->bsa->formula == p::bsa_formula::boyd);
    CHECK(within(boyd->dosing_area().in(u::m2), 2.435, 0.001));
}

TEST_CASE("the 60-inch edge through dosing", "[patient][dosing_weight][PAT-IBW-002][Devine-1974]") {
    const auto ideal = p::policies::ideal_weight();
    const auto at = p::choose(measures(152.4, 70.0, hsct::sex::female), ideal);
    REQUIRE(at.has_value());
    CHECK(at->dosing_weight().in(u::kg) == 45.5);
    CHECK_FALSE(at->ibw->below_60_in);
    CHECK_FALSE(contains(at->explanation, "under 60 in"));

    const auto short_w = p::choose(measures(150.0, 70.0, hsct::sex::female), ideal);
    REQUIRE(short_w.has_value());
    CHECK(within(short_w->dosing_weight().in(u::kg), 43.33, 0.005));
    CHECK(short_w->ibw->below_60_in);
    CHECK(contains(short_w->explanation, "under 60 in: extrapolate below 60 in"));

    auto refuse = ideal;
    refuse.below_60_in = p::short_stature_policy::refuse;
    const auto r = p::choose(measures(150.0, 70.0, hsct::sex::female), refuse);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::not_allowed);
    CHECK(r.error().field() == "height");
    CHECK(r.error().value() == "150 cm");
}

TEST_CASE("children and bad policies are refused", "[patient][dosing_weight][PAT-IBW-004][PAT-DOSE-003]") {
    const auto child = measures(140.0, 60.0, hsct::sex::male, *hsct::age::from_years_months(12, 0));
    const auto c = p::choose(child, p::commonly_reported_policy(p::agent_class::busulfan));
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().code() == hsct::errc::not_allowed);
    CHECK(c.error().field() == "age");
    CHECK(c.error().value() == "12 y 0 mo");
    // actual weight and actual-weight BSA need no IBW: allowed for a child
    CHECK(p::choose(child, p::policies::actual_weight()).has_value());
    CHECK(p::choose(child, p::policies::bsa_actual()).has_value());
    // an adult BMI trigger is refused for a child
    const auto bmi_child = p::choose(
        child, p::policies::ideal_weight(p::trigger_bmi_at_least(hsct::body_mass_index(30.0, u::kg_per_m2))));
    REQUIRE_FALSE(bmi_child.has_value());
    CHECK(bmi_child.error().field() == "age");

    const auto m = measures(170.0, 70.0, hsct::sex::male);
    p::dosing_policy unnamed = p::policies::actual_weight();
    unnamed.name.clear();
    const auto e1 = p::choose(m, unnamed);
    REQUIRE_FALSE(e1.has_value());
    CHECK(e1.error().code() == hsct::errc::missing);
    CHECK(e1.error().field() == "policy.name");
    CHECK(e1.error().value() == "(empty)");
    CHECK(e1.error().valid_range() == "a policy name, carried on the result");

    p::dosing_policy cap_per_kg = p::policies::actual_weight();
    cap_per_kg.bsa_cap = hsct::area(2.0, u::m2);
    const auto e2 = p::choose(m, cap_per_kg);
    REQUIRE_FALSE(e2.has_value());
    CHECK(e2.error().code() == hsct::errc::inconsistent);
    CHECK(e2.error().field() == "policy.bsa_cap");
    CHECK(e2.error().value() == "2 m2");

    p::dosing_policy zero_cap = p::policies::bsa_capped_2m2();
    zero_cap.bsa_cap = hsct::area(0.0, u::m2);
    const auto e3 = p::choose(m, zero_cap);
    REQUIRE_FALSE(e3.has_value());
    CHECK(e3.error().code() == hsct::errc::out_of_range);
    CHECK(e3.error().valid_range() == "above 0 m2");

    auto nan_trigger = p::policies::adjusted(
        p::adjustment_factor::aibw25,
        p::trigger_percent_ibw_above(pct(std::numeric_limits<double>::quiet_NaN())));
    const auto e4 = p::choose(m, nan_trigger);
    REQUIRE_FALSE(e4.has_value());
    CHECK(e4.error().code() == hsct::errc::not_finite);
    CHECK(e4.error().field() == "policy.trigger.percent_ibw_threshold");
}

TEST_CASE("a centre defines its own policy", "[patient][dosing_weight][PAT-DOSE-003]") {
    p::dosing_policy centre;
    centre.name = "Centre X protocol 12: Cy on AdjBW40 if BMI >= 35";
    centre.basis = p::weight_basis::adjusted;
    centre.factor = p::adjustment_factor::adjbw40;
    centre.trigger = p::trigger_bmi_at_least(hsct::body_mass_index(35.0, u::kg_per_m2));
    const auto b = p::choose(measures(165.0, 120.0, hsct::sex::female), centre);
    REQUIRE(b.has_value());
    CHECK(b->policy_name == centre.name);
    CHECK(within(b->dosing_weight().in(u::kg), 82.15, 0.005));
    CHECK(contains(b->explanation, "[policy: Centre X protocol 12"));
    CHECK(contains(b->explanation, "BMI 44.1 kg/m2 >= 35.0 kg/m2 trigger"));
}

TEST_CASE("practice table rows are labelled unverified", "[patient][dosing_weight][PAT-DOSE-010][Bubalo-2014][HB24-67]") {
    CHECK(p::practice_label == "commonly reported practice [unverified as normative]");
    for (const auto& row : p::practice_table) {
        CAPTURE(p::to_string(row.agent));
        CHECK(row.status == p::practice_label);
        CHECK_FALSE(row.sources.empty());
        CHECK(&p::practice_for(row.agent) == &row);
        const auto policy = p::commonly_reported_policy(row.agent);
        CHECK(contains(policy.name, p::practice_label));
        CHECK(contains(policy.name, p::to_string(row.agent)));
    }
    const auto bu = p::commonly_reported_policy(p::agent_class::busulfan);
    CHECK(bu.scale == p::dose_scale::per_kg);
    CHECK(bu.basis == p::weight_basis::adjusted);
    CHECK(bu.factor == p::adjustment_factor::aibw25);
    CHECK(bu.trigger.rule == p::trigger_rule::percent_ibw);
    CHECK(bu.trigger.percent_ibw_threshold == pct(120.0));
    const auto cy = p::commonly_reported_policy(p::agent_class::cyclophosphamide_high_dose);
    CHECK(cy.factor == p::adjustment_factor::adjbw50);
    CHECK(cy.trigger.percent_ibw_comparison == p::threshold_comparison::greater_or_equal);
    CHECK(cy.trigger.percent_ibw_threshold == pct(150.0));
    CHECK(p::commonly_reported_policy(p::agent_class::atg).basis == p::weight_basis::actual);
    CHECK(p::commonly_reported_policy(p::agent_class::beam).scale == p::dose_scale::per_m2);
    CHECK_FALSE(p::commonly_reported_policy(p::agent_class::beam).bsa_cap.has_value());

    // Cy at 173% IBW (>= 150%) on AdjBW50
    const auto cyb = p::choose(measures(180.0, 130.0, hsct::sex::male), cy);
    REQUIRE(cyb.has_value());
    CHECK(within(cyb->dosing_weight().in(u::kg), 74.99 + 0.5 * (130.0 - 74.99), 0.005));
}

TEST_CASE("dosing misuse does not compile", "[patient][dosing_weight][compile]") {
    STATIC_REQUIRE(choosable<p::body_measures, p::dosing_policy>);
    STATIC_REQUIRE_FALSE(choosable<hsct::length, hsct::mass, p::dosing_policy>);
    STATIC_REQUIRE_FALSE(choosable<p::body_measures>);
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<p::body_measures>);
    STATIC_REQUIRE_FALSE(
        std::is_constructible_v<p::body_measures, hsct::length, hsct::mass, hsct::sex, hsct::age>);
    STATIC_REQUIRE(dosable<p::dosing_basis, hsct::dose_per_mass>);
    STATIC_REQUIRE(dosable<p::dosing_basis, hsct::dose_per_area>);
    STATIC_REQUIRE_FALSE(dosable<p::dosing_basis, hsct::cell_dose>);
    STATIC_REQUIRE_FALSE(dosable<p::dosing_basis, double>);
}

TEST_CASE("dosing refuses policy and measure enum numbers that are not declared values",
          "[patient][dosing_weight][PAT-ENUM-001][PAT-DOSE-003]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    const auto refused = [&](const p::dosing_policy& pol, const std::string& field,
                             const std::string& value) {
        const auto r = p::choose(m, pol);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == field);
        CHECK(r.error().value() == value);
        CHECK(r.error().valid_range().rfind("one of ", 0) == 0);
    };
    const auto base = p::policies::adjusted(p::adjustment_factor::aibw25, p::trigger_always());
    REQUIRE(p::choose(m, base).has_value());
    auto pol = base;
    pol.factor = static_cast<p::adjustment_factor>(30);  // the review's case: was dosed on IBW
    refused(pol, "policy.factor", "30");
    pol = base;
    pol.scale = static_cast<p::dose_scale>(3);  // used to pass and then abort in dose()
    refused(pol, "policy.scale", "3");
    pol = base;
    pol.basis = static_cast<p::weight_basis>(0);
    refused(pol, "policy.basis", "0");
    pol = base;
    pol.trigger.rule = static_cast<p::trigger_rule>(9);
    refused(pol, "policy.trigger.rule", "9");
    pol = base;
    pol.trigger.percent_ibw_comparison = static_cast<p::threshold_comparison>(0);
    refused(pol, "policy.trigger.percent_ibw_comparison", "0");
    pol = base;
    pol.trigger.bmi_comparison = static_cast<p::threshold_comparison>(3);
    refused(pol, "policy.trigger.bmi_comparison", "3");
    pol = base;
    pol.formula = static_cast<p::bsa_formula>(0);
    refused(pol, "policy.formula", "0");
    pol = base;
    pol.below_60_in = static_cast<p::short_stature_policy>(0);
    refused(pol, "policy.below_60_in", "0");
    // an agent number from storage gives a policy that is refused, not another agent's row
    const auto agent = p::commonly_reported_policy(static_cast<p::agent_class>(9));
    refused(agent, "policy.agent", "9");
    CHECK(p::commonly_reported_policy(p::agent_class::atg).agent == p::agent_class::atg);

    const auto s = p::body_measures::make(cm(165.0), kg(70.0), static_cast<hsct::sex>(0), adult());
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code() == hsct::errc::out_of_range);
    CHECK(s.error().field() == "sex");
    CHECK(s.error().value() == "0");

    CHECK(p::to_string(static_cast<p::agent_class>(9)) == "invalid (9)");
    CHECK(p::to_string(static_cast<p::dose_scale>(0)) == "invalid (0)");
    CHECK(p::to_string(static_cast<p::threshold_comparison>(0)) == "invalid (0)");
}

TEST_CASE("an underweight patient is never dosed above actual weight under an adjusted basis",
          "[patient][dosing_weight][PAT-ABW-003][PAT-DOSE-005]") {
    // 180 cm man, 50 kg: IBW 74.99 kg; AIBW25 as written would give 68.74 kg
    const auto pol = p::policies::adjusted(p::adjustment_factor::aibw25, p::trigger_always());
    const auto r = p::choose(measures(180.0, 50.0, hsct::sex::male), pol);
    REQUIRE(r.has_value());
    CHECK(r->trigger_met);
    CHECK(r->dosing_weight() == kg(50.0));
    CHECK(r->source == p::weight_source::actual);
    CHECK_FALSE(r->factor.has_value());
    CHECK(contains(r->explanation, "not applied"));
    CHECK(contains(r->explanation, "TBW 50.00 kg not above IBW 74.99 kg"));
    CHECK(contains(r->explanation, "PAT-ABW-003"));
    // just above IBW: adjusted again
    const auto over = p::choose(measures(152.4, 50.4, hsct::sex::male), pol);
    REQUIRE(over.has_value());
    CHECK(over->source == p::weight_source::adjusted);
    CHECK(within(over->dosing_weight().in(u::kg), 50.1, 1e-9));
}

TEST_CASE("the trigger text shows enough digits to tell value and threshold apart",
          "[patient][dosing_weight][PAT-DOSE-007][PAT-DOSE-002]") {
    // man 152.4 cm: IBW 50 kg; 60.02 kg is 120.04% of IBW
    const auto strict = p::policies::adjusted(p::adjustment_factor::aibw25,
                                              p::trigger_percent_ibw_above(pct(120.0)));
    const auto r = p::choose(measures(152.4, 60.02, hsct::sex::male), strict);
    REQUIRE(r.has_value());
    CHECK(r->trigger_met);
    CHECK(contains(r->explanation, "TBW 120.04% of IBW > 120.00% trigger"));
    CHECK_FALSE(contains(r->explanation, "120.0% > 120.0%"));
    const auto under = p::choose(measures(152.4, 59.98, hsct::sex::male), strict);
    REQUIRE(under.has_value());
    CHECK(contains(under->explanation, "TBW 119.96% of IBW not > 120.00% trigger"));
    // far from the threshold: one decimal
    const auto far = p::choose(measures(165.0, 120.0, hsct::sex::female), strict);
    REQUIRE(far.has_value());
    CHECK(contains(far->explanation, "TBW 210.9% of IBW > 120.0% trigger"));
}
