// Tests for include/hsct/patient/dosing_weight.hpp: dosing weight and BSA as named policies,
// triggers, the BSA cap, the practice table, and bad input, asserted on data. Rendered text:
// dosing_weight_text_test.cpp.
#include <hsct/patient/dosing_weight.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_dosing_weight_test {

namespace u = hsct::units;
namespace p = hsct::patient;

namespace {
bool within(double actual, double expected, double tol) {
    return std::fabs(actual - expected) <= tol;
}
bool contains(std::string_view s, std::string_view part) {
    return s.find(part) != std::string_view::npos;
}

p::height cm(double v) { return p::height::make(v, u::cm).value(); }
p::body_weight kg(double v) { return p::body_weight::make(v, u::kg).value(); }
hsct::mass mkg(double v) { return hsct::mass(v, u::kg); }
hsct::percent pct(double v) { return hsct::percent(v, u::pct); }

hsct::age adult() { return *hsct::age::make(45, 0); }

p::body_measures measures(double h_cm, double w_kg, hsct::sex s, hsct::age a = adult()) {
    auto m = p::body_measures::make(cm(h_cm), kg(w_kg), s, a);
    REQUIRE(m.has_value());
    return *m;
}

double weight_kg(const p::dosing_weight_result& r) { return r.dosing_weight().value().in(u::kg); }
double area_m2(const p::dosing_weight_result& r) { return r.dosing_area().value().in(u::m2); }

const hsct::criterion<p::dosing_weight_criterion>* find(const p::dosing_weight_result& r,
                                                        p::dosing_weight_criterion id) {
    for (const auto& c : r.criteria) {
        if (c.id == id) {
            return &c;
        }
    }
    return nullptr;
}

template <class H, class W>
concept measurable = requires(H h, W w, hsct::age a) { p::body_measures::make(h, w, hsct::sex::male, a); };
template <class... A>
concept assessable = requires(A... a) { p::assess_dosing_weight(a...); };
template <class B, class D>
concept dosable = requires(B b, D d) { b.dose(d); };
}  // namespace

TEST_CASE("body measures take checked height and weight",
          "[patient][dosing_weight][PAT-BODY-001][PAT-BODY-002]") {
    // a 0 cm height or a 900 kg weight never reaches body_measures: refused where it is made
    const auto h = p::height::make(0.0, u::cm);
    REQUIRE_FALSE(h.has_value());
    CHECK(h.error().field() == "height");
    CHECK(h.error().value() == "0 cm");
    CHECK(h.error().valid_range() == "20-250 cm");
    const auto w = p::body_weight::make(900.0, u::kg);
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().field() == "weight");
    CHECK(w.error().value() == "900 kg");
    const auto n = p::body_weight::make(std::numeric_limits<double>::quiet_NaN(), u::kg);
    REQUIRE_FALSE(n.has_value());
    CHECK(n.error().code() == hsct::errc::not_finite);
    STATIC_REQUIRE_FALSE(measurable<hsct::length, hsct::mass>);
    STATIC_REQUIRE(measurable<p::height, p::body_weight>);
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    CHECK(m.height() == cm(165.0));
    CHECK(m.weight() == kg(120.0));
}

TEST_CASE("obese woman 165 cm / 120 kg: busulfan on AIBW25 (section 11.6)",
          "[patient][dosing_weight][PAT-DOSE-005][PAT-DOSE-010][PAT-ABW-001][Busulfex-label]"
          "[Bubalo-2014][HB24-67]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    const auto policy = p::commonly_reported_policy(p::agent_class::busulfan);
    const auto b = p::assess_dosing_weight(m, policy);
    REQUIRE(b.has_value());
    CHECK(b->scale == p::dose_scale::per_kg);
    CHECK(b->source == p::weight_source::adjusted);
    CHECK(b->reason == p::weight_reason::adjusted);
    REQUIRE(b->factor.has_value());
    CHECK(*b->factor == p::adjustment_factor::aibw25);
    CHECK(b->trigger_met);
    CHECK(b->actual == mkg(120.0));
    REQUIRE(b->ibw.has_value());
    CHECK(within(b->ibw->value->in(u::kg), 56.91, 0.005));
    REQUIRE(b->percent_ibw.has_value());
    CHECK(within(b->percent_ibw->in(u::pct), 210.9, 0.05));
    CHECK(within(weight_kg(*b), 72.68, 0.005));

    // the trigger as data: TBW 210.9% of IBW > 120%, met; hsct's [P] trigger, so unverified
    const auto* t = find(*b, p::dosing_weight_criterion::percent_ibw_trigger);
    REQUIRE(t != nullptr);
    CHECK(t->result == hsct::outcome::met);
    CHECK(t->cmp == hsct::comparator::greater);
    CHECK(within(t->measured.number(), 210.86, 0.01));
    CHECK(t->threshold == 120.0);
    CHECK_FALSE(t->verified);
    CHECK(std::string_view(t->requirement) == "PAT-DOSE-002");
    const auto* a = find(*b, p::dosing_weight_criterion::actual_above_ideal);
    REQUIRE(a != nullptr);
    CHECK(a->result == hsct::outcome::met);

    // 3.2 mg/kg/day on AIBW25 = 232.6 mg/day, via dose_per_mass x mass
    const hsct::dose_per_mass busulfan(3.2, u::mg_per_kg);
    const hsct::total_dose daily = busulfan * b->dosing_weight().value();
    CHECK(within(daily.in(u::mg), 232.6, 0.05));
    CHECK(b->dose(busulfan).value() == daily);
    // on TBW it would be 384 mg/day
    CHECK(within((busulfan * m.weight().as_mass()).in(u::mg), 384.0, 1e-9));

    CHECK(contains(b->options.name, "commonly reported practice [unverified as normative]"));
    CHECK(b->options == policy);

    // the same patient under AdjBW40
    const auto b40 = p::assess_dosing_weight(
        m, p::policies::adjusted(p::adjustment_factor::adjbw40, p::trigger_percent_ibw_above(pct(120.0))));
    REQUIRE(b40.has_value());
    CHECK(within(weight_kg(*b40), 82.15, 0.005));
    CHECK(find(*b40, p::dosing_weight_criterion::percent_ibw_trigger)->verified);  // not a practice row
}

TEST_CASE("obese man 180 cm / 130 kg (section 11.6)",
          "[patient][dosing_weight][PAT-DOSE-005][PAT-ABW-001][PAT-IBW-001]") {
    const auto m = measures(180.0, 130.0, hsct::sex::male);
    const auto t = p::trigger_percent_ibw_above(pct(120.0));
    const auto a25 = p::assess_dosing_weight(m, p::policies::adjusted(p::adjustment_factor::aibw25, t));
    const auto a40 = p::assess_dosing_weight(m, p::policies::adjusted(p::adjustment_factor::adjbw40, t));
    REQUIRE(a25.has_value());
    REQUIRE(a40.has_value());
    CHECK(within(a25->ibw->value->in(u::kg), 74.99, 0.005));
    CHECK(within(weight_kg(*a25), 88.74, 0.005));
    CHECK(within(weight_kg(*a40), 97.00, 0.005));
    CHECK(within(a25->percent_ibw->in(u::pct), 173.35, 0.01));
}

TEST_CASE("the published weight options as named policies",
          "[patient][dosing_weight][PAT-DOSE-001][PAT-DOSE-006]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);

    const auto actual = p::assess_dosing_weight(m, p::policies::actual_weight());
    REQUIRE(actual.has_value());
    CHECK(actual->dosing_weight().value() == mkg(120.0));
    CHECK(actual->source == p::weight_source::actual);
    CHECK(actual->reason == p::weight_reason::basis_actual);
    CHECK_FALSE(actual->ibw.has_value());  // not needed, not computed
    CHECK(actual->criteria.empty());

    const auto ideal = p::assess_dosing_weight(m, p::policies::ideal_weight());
    REQUIRE(ideal.has_value());
    CHECK(ideal->source == p::weight_source::ideal);
    CHECK(ideal->reason == p::weight_reason::basis_ideal);
    CHECK(within(weight_kg(*ideal), 56.91, 0.005));

    const auto lesser = p::assess_dosing_weight(m, p::policies::lesser_of_ideal_and_actual());
    REQUIRE(lesser.has_value());
    CHECK(lesser->source == p::weight_source::ideal);
    CHECK(lesser->reason == p::weight_reason::lesser_is_ideal);
    CHECK(within(weight_kg(*lesser), 56.91, 0.005));
    const auto* lc = find(*lesser, p::dosing_weight_criterion::ideal_below_actual);
    REQUIRE(lc != nullptr);
    CHECK(lc->result == hsct::outcome::met);
    CHECK(lc->threshold == 120.0);

    // a lean patient: the lesser is the actual weight
    const auto lean = p::assess_dosing_weight(measures(165.0, 50.0, hsct::sex::female),
                                              p::policies::lesser_of_ideal_and_actual());
    REQUIRE(lean.has_value());
    CHECK(lean->source == p::weight_source::actual);
    CHECK(lean->reason == p::weight_reason::lesser_is_actual);
    CHECK(lean->dosing_weight().value() == mkg(50.0));
    CHECK(find(*lean, p::dosing_weight_criterion::ideal_below_actual)->result == hsct::outcome::not_met);
}

TEST_CASE("percent-of-IBW trigger below, at and above 120%",
          "[patient][dosing_weight][PAT-DOSE-002]") {
    // man 152.4 cm: IBW exactly 50 kg, so 60 kg is exactly 120%
    const auto strict = p::policies::adjusted(p::adjustment_factor::aibw25,
                                              p::trigger_percent_ibw_above(pct(120.0)));
    const auto below = p::assess_dosing_weight(measures(152.4, 59.9, hsct::sex::male), strict);
    const auto at = p::assess_dosing_weight(measures(152.4, 60.0, hsct::sex::male), strict);
    const auto above = p::assess_dosing_weight(measures(152.4, 60.1, hsct::sex::male), strict);
    REQUIRE(below.has_value());
    REQUIRE(at.has_value());
    REQUIRE(above.has_value());
    CHECK(at->percent_ibw->in(u::pct) == 120.0);
    CHECK_FALSE(below->trigger_met);
    CHECK(below->dosing_weight().value() == mkg(59.9));
    CHECK(below->reason == p::weight_reason::trigger_not_met);
    CHECK_FALSE(at->trigger_met);
    CHECK(at->dosing_weight().value() == mkg(60.0));
    const auto* tc = find(*at, p::dosing_weight_criterion::percent_ibw_trigger);
    REQUIRE(tc != nullptr);
    CHECK(tc->result == hsct::outcome::not_met);
    CHECK(tc->measured.number() == 120.0);
    CHECK(tc->cmp == hsct::comparator::greater);
    CHECK(above->trigger_met);
    CHECK(above->source == p::weight_source::adjusted);
    CHECK(within(weight_kg(*above), 50.0 + 0.25 * 10.1, 1e-9));

    // the inclusive form of the same threshold fires at exactly 120%
    const auto inclusive = p::policies::adjusted(p::adjustment_factor::aibw25,
                                                 p::trigger_percent_ibw_at_least(pct(120.0)));
    const auto at_incl = p::assess_dosing_weight(measures(152.4, 60.0, hsct::sex::male), inclusive);
    REQUIRE(at_incl.has_value());
    CHECK(at_incl->trigger_met);
    CHECK(within(weight_kg(*at_incl), 52.5, 1e-9));
    CHECK(find(*at_incl, p::dosing_weight_criterion::percent_ibw_trigger)->cmp ==
          hsct::comparator::greater_equal);
}

TEST_CASE("BMI trigger below, at and above 30 kg/m2", "[patient][dosing_weight][PAT-DOSE-002][HB24-67]") {
    // 200 cm: 120 kg is exactly BMI 30
    const auto policy =
        p::policies::ideal_weight(p::trigger_bmi_at_least(hsct::body_mass_index(30.0, u::kg_per_m2)));
    const auto below = p::assess_dosing_weight(measures(200.0, 119.9, hsct::sex::male), policy);
    const auto at = p::assess_dosing_weight(measures(200.0, 120.0, hsct::sex::male), policy);
    const auto above = p::assess_dosing_weight(measures(200.0, 120.1, hsct::sex::male), policy);
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
    CHECK(within(weight_kg(*at), 93.10, 0.005));
    const auto* bc = find(*at, p::dosing_weight_criterion::bmi_trigger);
    REQUIRE(bc != nullptr);
    CHECK(bc->result == hsct::outcome::met);
    CHECK(bc->cmp == hsct::comparator::greater_equal);
    CHECK(bc->threshold == 30.0);
    CHECK(find(*below, p::dosing_weight_criterion::bmi_trigger)->result == hsct::outcome::not_met);

    // either trigger
    p::dosing_weight_options either = policy;
    either.trigger.rule = p::trigger_rule::percent_ibw_or_bmi;
    const auto e = p::assess_dosing_weight(measures(165.0, 75.0, hsct::sex::female), either);  // 132% IBW, BMI 27.5
    REQUIRE(e.has_value());
    CHECK(e->trigger_met);
    CHECK(find(*e, p::dosing_weight_criterion::percent_ibw_trigger)->result == hsct::outcome::met);
    CHECK(find(*e, p::dosing_weight_criterion::bmi_trigger)->result == hsct::outcome::not_met);
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
        const auto at = p::assess_dosing_weight(measures(c.height_cm, c.weight_kg, hsct::sex::male), policy);
        REQUIRE(at.has_value());
        CHECK(at->trigger_met);
        const auto below =
            p::assess_dosing_weight(measures(c.height_cm, c.weight_kg - 0.1, hsct::sex::male), policy);
        REQUIRE(below.has_value());
        CHECK_FALSE(below->trigger_met);
    }
}

TEST_CASE("BSA cap at 2 m2 below, at and above", "[patient][dosing_weight][PAT-DOSE-004][Shem-Tov-2015]") {
    const auto policy = p::policies::bsa_capped_2m2();
    // 180 cm x 80 kg: Mosteller exactly 2 m2
    const auto below = p::assess_dosing_weight(measures(180.0, 79.0, hsct::sex::male), policy);
    const auto at = p::assess_dosing_weight(measures(180.0, 80.0, hsct::sex::male), policy);
    const auto above = p::assess_dosing_weight(measures(180.0, 81.0, hsct::sex::male), policy);
    REQUIRE(below.has_value());
    REQUIRE(at.has_value());
    REQUIRE(above.has_value());
    CHECK(below->scale == p::dose_scale::per_m2);
    CHECK_FALSE(below->bsa_capped);
    CHECK(within(area_m2(*below), std::sqrt(180.0 * 79.0 / 3600.0), 1e-12));
    CHECK_FALSE(at->bsa_capped);
    CHECK(area_m2(*at) == 2.0);
    CHECK(find(*at, p::dosing_weight_criterion::bsa_above_cap)->result == hsct::outcome::not_met);
    CHECK(above->bsa_capped);
    CHECK(area_m2(*above) == 2.0);
    const auto* cap = find(*above, p::dosing_weight_criterion::bsa_above_cap);
    REQUIRE(cap != nullptr);
    CHECK(cap->result == hsct::outcome::met);
    CHECK(cap->threshold == 2.0);
    CHECK(std::string_view(cap->requirement) == "PAT-DOSE-004");
    REQUIRE(above->bsa_before_cap.has_value());
    CHECK(within(above->bsa_before_cap->in(u::m2), std::sqrt(180.0 * 81.0 / 3600.0), 1e-12));
    CHECK(above->bsa->formula == p::bsa_formula::mosteller);
    const hsct::dose_per_area d(100.0, u::mg_per_m2);
    CHECK(above->dose(d).value().in(u::mg) == 200.0);

    // without a cap (the default) the same patient gets the full BSA
    const auto uncapped = p::assess_dosing_weight(measures(180.0, 81.0, hsct::sex::male), p::policies::bsa_actual());
    REQUIRE(uncapped.has_value());
    CHECK_FALSE(uncapped->bsa_capped);
    CHECK(uncapped->dosing_area().value() > hsct::area(2.0, u::m2));
    CHECK(find(*uncapped, p::dosing_weight_criterion::bsa_above_cap) == nullptr);
}

TEST_CASE("BSA from actual or adjusted weight", "[patient][dosing_weight][PAT-DOSE-006][PAT-DOSE-010][HB24-67]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    const auto flu = p::assess_dosing_weight(m, p::commonly_reported_policy(p::agent_class::fludarabine));
    REQUIRE(flu.has_value());
    CHECK(within(area_m2(*flu), 2.345, 0.001));
    const auto mel = p::assess_dosing_weight(m, p::commonly_reported_policy(p::agent_class::melphalan));
    REQUIRE(mel.has_value());
    CHECK(mel->source == p::weight_source::adjusted);
    CHECK(within(mel->weight_used.in(u::kg), 72.68, 0.005));
    // Mosteller from the adjusted weight
    CHECK(within(area_m2(*mel), std::sqrt(165.0 * mel->weight_used.in(u::kg) / 3600.0), 1e-12));
    CHECK(mel->bsa->from_weight == mel->weight_used);

    const auto boyd = p::assess_dosing_weight(m, p::policies::bsa_actual(p::bsa_formula::boyd));
    REQUIRE(boyd.has_value());
    CHECK(boyd->bsa->formula == p::bsa_formula::boyd);
    CHECK(within(area_m2(*boyd), 2.435, 0.001));
}

TEST_CASE("regression: a dose on the wrong basis is refused, not aborted",
          "[patient][dosing_weight][PAT-DOSE-005][regression]") {
    // Before: dosing_basis::dose(mg/m2) on a per-kg basis (and dose(mg/kg) on a per-m2 basis)
    // was a contract violation that aborted the program.
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    const auto per_kg = p::assess_dosing_weight(m, p::policies::actual_weight()).value();
    const auto wrong = per_kg.dose(hsct::dose_per_area(30.0, u::mg_per_m2));
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code() == hsct::errc::not_allowed);
    CHECK(wrong.error().field() == "dose");
    CHECK(wrong.error().value() == "per kg");
    CHECK(wrong.error().requirement() == "PAT-DOSE-005");
    CHECK_FALSE(per_kg.dosing_area().has_value());
    CHECK(per_kg.dose(hsct::dose_per_mass(3.2, u::mg_per_kg)).has_value());

    const auto per_m2 = p::assess_dosing_weight(m, p::policies::bsa_actual()).value();
    const auto wrong2 = per_m2.dose(hsct::dose_per_mass(3.2, u::mg_per_kg));
    REQUIRE_FALSE(wrong2.has_value());
    CHECK(wrong2.error().code() == hsct::errc::not_allowed);
    CHECK(wrong2.error().value() == "per m2");
    CHECK_FALSE(per_m2.dosing_weight().has_value());
    CHECK(per_m2.dose(hsct::dose_per_area(30.0, u::mg_per_m2)).has_value());

    // a result filled in by hand (per m2 without a BSA) is refused too
    p::dosing_weight_result hand;
    hand.scale = p::dose_scale::per_m2;
    CHECK(hand.dose(hsct::dose_per_area(30.0, u::mg_per_m2)).error().code() == hsct::errc::not_allowed);
}

TEST_CASE("the 60-inch edge through dosing", "[patient][dosing_weight][PAT-IBW-002][Devine-1974]") {
    const auto ideal = p::policies::ideal_weight();
    const auto at = p::assess_dosing_weight(measures(152.4, 70.0, hsct::sex::female), ideal);
    REQUIRE(at.has_value());
    CHECK(weight_kg(*at) == 45.5);
    CHECK_FALSE(at->ibw->below_60_in);

    const auto short_w = p::assess_dosing_weight(measures(150.0, 70.0, hsct::sex::female), ideal);
    REQUIRE(short_w.has_value());
    CHECK(within(weight_kg(*short_w), 43.33, 0.005));
    CHECK(short_w->ibw->below_60_in);
    CHECK(short_w->ibw->options.below_60_in == p::short_stature_policy::extrapolate);

    // Under short_stature_policy::refuse the policy does not apply below 60 in: a value.
    auto refuse = ideal;
    refuse.below_60_in = p::short_stature_policy::refuse;
    const auto r = p::assess_dosing_weight(measures(150.0, 70.0, hsct::sex::female), refuse);
    REQUIRE(r.has_value());
    CHECK(r->status == p::dosing_weight_status::not_applicable);
    CHECK_FALSE(r->applies());
    CHECK(r->decided_by == p::dosing_weight_criterion::at_least_60_in);
    const auto* tall = find(*r, p::dosing_weight_criterion::at_least_60_in);
    REQUIRE(tall != nullptr);
    CHECK(tall->result == hsct::outcome::not_met);
    CHECK(tall->measured.number() == 150.0);
    CHECK(tall->threshold == 152.4);
    CHECK(tall->requirement == std::string_view("PAT-IBW-002"));
    REQUIRE(r->ibw.has_value());
    CHECK(r->ibw->status == p::ibw_status::not_applicable);
    CHECK_FALSE(r->dosing_weight().has_value());
    CHECK(r->dosing_weight().error().code() == hsct::errc::not_allowed);
    CHECK(r->dosing_weight().error().value() == "policy does not apply");
    CHECK_FALSE(r->dose(hsct::dose_per_mass(0.8, u::mg_per_kg)).has_value());
    // at 60 in the same policy applies
    const auto at_r = p::assess_dosing_weight(measures(152.4, 70.0, hsct::sex::female), refuse);
    REQUIRE(at_r.has_value());
    CHECK(at_r->applies());
    CHECK(weight_kg(*at_r) == 45.5);
    CHECK(find(*at_r, p::dosing_weight_criterion::at_least_60_in) == nullptr);
}

TEST_CASE("a child under an adult policy is not covered: a value, not an error",
          "[patient][dosing_weight][PAT-IBW-004][PAT-DOSE-002]") {
    const auto child = measures(140.0, 60.0, hsct::sex::male, *hsct::age::make(12, 0));
    const auto c = p::assess_dosing_weight(child, p::commonly_reported_policy(p::agent_class::busulfan));
    REQUIRE(c.has_value());
    CHECK(c->status == p::dosing_weight_status::not_applicable);
    CHECK(c->decided_by == p::dosing_weight_criterion::adult_age);
    REQUIRE(c->criteria.size() == 1);
    CHECK(c->criteria[0].id == p::dosing_weight_criterion::adult_age);
    CHECK(c->criteria[0].result == hsct::outcome::not_met);
    CHECK(c->criteria[0].measured.number() == 12.0);
    CHECK(c->criteria[0].threshold == 18.0);
    CHECK(c->criteria[0].requirement == std::string_view("PAT-IBW-004"));
    CHECK_FALSE(c->ibw.has_value());          // no IBW was computed for the child
    CHECK_FALSE(c->percent_ibw.has_value());
    CHECK(c->weight_used == c->actual);       // nothing invented
    CHECK_FALSE(c->dosing_weight().has_value());
    CHECK_FALSE(c->dose(hsct::dose_per_mass(0.8, u::mg_per_kg)).has_value());
    CHECK(c->options.name == p::commonly_reported_policy(p::agent_class::busulfan).name);
    // per m2 under an adult adjusted policy: no BSA
    const auto mel = p::assess_dosing_weight(child, p::commonly_reported_policy(p::agent_class::melphalan));
    REQUIRE(mel.has_value());
    CHECK_FALSE(mel->applies());
    CHECK_FALSE(mel->bsa.has_value());
    CHECK_FALSE(mel->dosing_area().has_value());
    CHECK(mel->dosing_area().error().code() == hsct::errc::not_allowed);

    // below, at and above the 18-year threshold
    const auto policy = p::policies::ideal_weight();
    for (const auto& [years, months, applies] :
         {std::tuple{17, 11, false}, std::tuple{18, 0, true}, std::tuple{18, 1, true}}) {
        const auto r = p::assess_dosing_weight(
            measures(170.0, 70.0, hsct::sex::male, *hsct::age::make(years, months)), policy);
        REQUIRE(r.has_value());
        CHECK(r->applies() == applies);
        const auto* a = find(*r, p::dosing_weight_criterion::adult_age);
        REQUIRE(a != nullptr);
        CHECK(a->result == (applies ? hsct::outcome::met : hsct::outcome::not_met));
    }

    // actual weight and actual-weight BSA need no IBW: they apply to a child, with no age
    // criterion recorded
    const auto act = p::assess_dosing_weight(child, p::policies::actual_weight());
    REQUIRE(act.has_value());
    CHECK(act->applies());
    CHECK(find(*act, p::dosing_weight_criterion::adult_age) == nullptr);
    CHECK(weight_kg(*act) == 60.0);
    CHECK(p::assess_dosing_weight(child, p::policies::bsa_actual())->applies());

    // an adult BMI trigger does not cover a child, even on an actual-weight basis
    auto bmi_actual = p::policies::actual_weight();
    bmi_actual.trigger = p::trigger_bmi_at_least(hsct::body_mass_index(30.0, u::kg_per_m2));
    const auto bmi_child = p::assess_dosing_weight(child, bmi_actual);
    REQUIRE(bmi_child.has_value());
    CHECK_FALSE(bmi_child->applies());
    CHECK(bmi_child->decided_by == p::dosing_weight_criterion::adult_age);
    CHECK(bmi_child->criteria[0].requirement == std::string_view("PAT-DOSE-002"));
}

TEST_CASE("bad policies are refused", "[patient][dosing_weight][PAT-DOSE-003]") {
    const auto m = measures(170.0, 70.0, hsct::sex::male);
    p::dosing_weight_options unnamed = p::policies::actual_weight();
    unnamed.name = {};
    const auto e1 = p::assess_dosing_weight(m, unnamed);
    REQUIRE_FALSE(e1.has_value());
    CHECK(e1.error().code() == hsct::errc::missing);
    CHECK(e1.error().field() == "policy.name");
    CHECK(e1.error().value() == "(empty)");
    CHECK(e1.error().valid_range() == "a policy name, carried on the result");

    p::dosing_weight_options cap_per_kg = p::policies::actual_weight();
    cap_per_kg.bsa_cap = hsct::area(2.0, u::m2);
    const auto e2 = p::assess_dosing_weight(m, cap_per_kg);
    REQUIRE_FALSE(e2.has_value());
    CHECK(e2.error().code() == hsct::errc::inconsistent);
    CHECK(e2.error().field() == "policy.bsa_cap");
    CHECK(e2.error().value() == "2 m2");

    p::dosing_weight_options zero_cap = p::policies::bsa_capped_2m2();
    zero_cap.bsa_cap = hsct::area(0.0, u::m2);
    const auto e3 = p::assess_dosing_weight(m, zero_cap);
    REQUIRE_FALSE(e3.has_value());
    CHECK(e3.error().code() == hsct::errc::out_of_range);
    CHECK(e3.error().valid_range() == "above 0 m2");

    auto nan_trigger = p::policies::adjusted(
        p::adjustment_factor::aibw25,
        p::trigger_percent_ibw_above(pct(std::numeric_limits<double>::quiet_NaN())));
    const auto e4 = p::assess_dosing_weight(m, nan_trigger);
    REQUIRE_FALSE(e4.has_value());
    CHECK(e4.error().code() == hsct::errc::not_finite);
    CHECK(e4.error().field() == "policy.trigger.percent_ibw_threshold");
}

TEST_CASE("a centre defines its own policy", "[patient][dosing_weight][PAT-DOSE-003]") {
    p::dosing_weight_options centre;
    centre.name = "Centre X protocol 12: Cy on AdjBW40 if BMI >= 35";
    centre.basis = p::weight_basis::adjusted;
    centre.factor = p::adjustment_factor::adjbw40;
    centre.trigger = p::trigger_bmi_at_least(hsct::body_mass_index(35.0, u::kg_per_m2));
    const auto b = p::assess_dosing_weight(measures(165.0, 120.0, hsct::sex::female), centre);
    REQUIRE(b.has_value());
    CHECK(b->options.name == centre.name);
    CHECK(within(weight_kg(*b), 82.15, 0.005));
    const auto* bc = find(*b, p::dosing_weight_criterion::bmi_trigger);
    REQUIRE(bc != nullptr);
    CHECK(bc->result == hsct::outcome::met);
    CHECK(within(bc->measured.number(), 44.077, 0.001));
    CHECK(bc->threshold == 35.0);
    CHECK(bc->verified);
}

TEST_CASE("practice table rows are labelled unverified", "[patient][dosing_weight][PAT-DOSE-010][Bubalo-2014][HB24-67]") {
    CHECK(p::practice_label == "commonly reported practice [unverified as normative]");
    for (const auto& row : p::practice_table) {
        CAPTURE(p::to_string(row.agent));
        CHECK(row.status == p::practice_label);
        CHECK_FALSE(row.sources.empty());
        CHECK(p::practice_for(row.agent).value().agent == row.agent);
        CHECK(p::practice_for(row.agent).value().reported_basis == row.reported_basis);
        const auto policy = p::commonly_reported_policy(row.agent);
        CHECK(contains(policy.name, p::practice_label));
        CHECK(contains(policy.name, p::to_string(row.agent)));
    }
    const auto bad = p::practice_for(static_cast<p::agent_class>(9));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().field() == "agent");
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
    // the policies are compile-time values
    STATIC_REQUIRE(p::commonly_reported_policy(p::agent_class::atg).agent == p::agent_class::atg);

    // Cy at 173% IBW (>= 150%) on AdjBW50; Bachanova's trigger is sourced, so verified
    const auto cyb = p::assess_dosing_weight(measures(180.0, 130.0, hsct::sex::male), cy);
    REQUIRE(cyb.has_value());
    CHECK(within(weight_kg(*cyb), 74.99 + 0.5 * (130.0 - 74.99), 0.005));
    CHECK(find(*cyb, p::dosing_weight_criterion::percent_ibw_trigger)->verified);
}

TEST_CASE("dosing misuse does not compile", "[patient][dosing_weight][compile]") {
    STATIC_REQUIRE(assessable<p::body_measures, p::dosing_weight_options>);
    STATIC_REQUIRE_FALSE(assessable<hsct::length, hsct::mass, p::dosing_weight_options>);
    STATIC_REQUIRE_FALSE(assessable<p::body_measures>);  // no default policy
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<p::body_measures>);
    STATIC_REQUIRE_FALSE(
        std::is_constructible_v<p::body_measures, p::height, p::body_weight, hsct::sex, hsct::age>);
    STATIC_REQUIRE(dosable<p::dosing_weight_result, hsct::dose_per_mass>);
    STATIC_REQUIRE(dosable<p::dosing_weight_result, hsct::dose_per_area>);
    STATIC_REQUIRE_FALSE(dosable<p::dosing_weight_result, hsct::cell_dose>);
    STATIC_REQUIRE_FALSE(dosable<p::dosing_weight_result, double>);
    STATIC_REQUIRE(std::is_same_v<decltype(std::declval<p::dosing_weight_result>().dose(
                                      std::declval<hsct::dose_per_area>())),
                                  hsct::result<hsct::total_dose>>);
}

TEST_CASE("dosing refuses policy and measure enum numbers that are not declared values",
          "[patient][dosing_weight][CORE-ENUM-002][PAT-DOSE-003]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    const auto refused = [&](const p::dosing_weight_options& pol, const std::string& field,
                             const std::string& value) {
        const auto r = p::assess_dosing_weight(m, pol);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == field);
        CHECK(r.error().value() == value);
        CHECK(r.error().valid_range().rfind("one of ", 0) == 0);
    };
    const auto base = p::policies::adjusted(p::adjustment_factor::aibw25, p::trigger_always());
    REQUIRE(p::assess_dosing_weight(m, base).has_value());
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
    const auto r = p::assess_dosing_weight(measures(180.0, 50.0, hsct::sex::male), pol);
    REQUIRE(r.has_value());
    CHECK(r->trigger_met);
    CHECK(r->dosing_weight().value() == mkg(50.0));
    CHECK(r->source == p::weight_source::actual);
    CHECK(r->reason == p::weight_reason::not_above_ideal);
    CHECK_FALSE(r->factor.has_value());
    const auto* a = find(*r, p::dosing_weight_criterion::actual_above_ideal);
    REQUIRE(a != nullptr);
    CHECK(a->result == hsct::outcome::not_met);
    CHECK(a->measured.number() == 50.0);
    CHECK(within(a->threshold, 74.99, 0.005));
    CHECK(std::string_view(a->requirement) == "PAT-ABW-003");
    // just above IBW: adjusted again
    const auto over = p::assess_dosing_weight(measures(152.4, 50.4, hsct::sex::male), pol);
    REQUIRE(over.has_value());
    CHECK(over->source == p::weight_source::adjusted);
    CHECK(within(weight_kg(*over), 50.1, 1e-9));
}

TEST_CASE("lesser of ideal and actual below, at and above a tie: a tie is dosed on the actual weight",
          "[patient][dosing_weight][PAT-DOSE-001][Bubalo-2014]") {
    // woman 152.4 cm (60 in): IBW exactly 45.5 kg, so a 45.5 kg woman is a tie; ideal_below_actual
    // is strict (IBW < TBW), so at the tie the actual weight is the lesser
    const auto policy = p::policies::lesser_of_ideal_and_actual();
    const auto at = p::assess_dosing_weight(measures(152.4, 45.5, hsct::sex::female), policy);
    REQUIRE(at.has_value());
    REQUIRE(at->ibw.has_value());
    REQUIRE(at->ibw->value.has_value());
    CHECK(*at->ibw->value == mkg(45.5));
    const auto* c = find(*at, p::dosing_weight_criterion::ideal_below_actual);
    REQUIRE(c != nullptr);
    CHECK(c->cmp == hsct::comparator::less);
    CHECK(c->measured.number() == 45.5);
    CHECK(c->threshold == 45.5);
    CHECK(c->result == hsct::outcome::not_met);
    CHECK(std::string_view(c->requirement) == "PAT-DOSE-001");
    CHECK(at->source == p::weight_source::actual);
    CHECK(at->reason == p::weight_reason::lesser_is_actual);
    CHECK(at->dosing_weight().value() == mkg(45.5));

    // 0.1 kg lighter: the actual weight; 0.1 kg heavier: the IBW is the lesser
    const auto below = p::assess_dosing_weight(measures(152.4, 45.4, hsct::sex::female), policy);
    REQUIRE(below.has_value());
    CHECK(below->source == p::weight_source::actual);
    CHECK(below->reason == p::weight_reason::lesser_is_actual);
    CHECK(below->dosing_weight().value() == mkg(45.4));
    CHECK(find(*below, p::dosing_weight_criterion::ideal_below_actual)->result == hsct::outcome::not_met);
    const auto above = p::assess_dosing_weight(measures(152.4, 45.6, hsct::sex::female), policy);
    REQUIRE(above.has_value());
    CHECK(above->source == p::weight_source::ideal);
    CHECK(above->reason == p::weight_reason::lesser_is_ideal);
    CHECK(above->dosing_weight().value() == mkg(45.5));
    CHECK(find(*above, p::dosing_weight_criterion::ideal_below_actual)->result == hsct::outcome::met);
}

TEST_CASE("the 60-inch criterion under the refuse policy explains its comparator: 60 in is not short",
          "[patient][dosing_weight][PAT-IBW-002][Devine-1974]") {
    auto refuse = p::policies::ideal_weight();
    refuse.below_60_in = p::short_stature_policy::refuse;
    // 152.3 cm, just under 60 in: the criterion is recorded, not met, with the comparator >=
    const auto r = p::assess_dosing_weight(measures(152.3, 70.0, hsct::sex::female), refuse);
    REQUIRE(r.has_value());
    CHECK_FALSE(r->applies());
    const auto* tall = find(*r, p::dosing_weight_criterion::at_least_60_in);
    REQUIRE(tall != nullptr);
    CHECK(tall->cmp == hsct::comparator::greater_equal);
    CHECK(tall->threshold == 152.4);
    CHECK(tall->measured.number() == 152.3);
    CHECK(tall->result == hsct::outcome::not_met);
    // exactly 60 in: the policy applies and the IBW is Devine's base value
    const auto at = p::assess_dosing_weight(measures(152.4, 70.0, hsct::sex::female), refuse);
    REQUIRE(at.has_value());
    CHECK(at->applies());
    CHECK(weight_kg(*at) == 45.5);
}

TEST_CASE("assess_dosing_weight allocates nothing on success",
          "[patient][dosing_weight][PAT-DOSE-005][CORE-EXPLAIN-001]") {
    const auto m = measures(165.0, 120.0, hsct::sex::female);
    const auto either = [] {
        auto o = p::commonly_reported_policy(p::agent_class::melphalan);
        o.trigger.rule = p::trigger_rule::percent_ibw_or_bmi;
        o.bsa_cap = hsct::area(1.5, u::m2);  // BSA from AIBW25 72.68 kg is 1.825 m2: capped
        return o;
    }();
    const hsct_test::allocation_counter n;
    const auto bu = p::assess_dosing_weight(m, p::commonly_reported_policy(p::agent_class::busulfan));
    const auto mel = p::assess_dosing_weight(m, either);
    const auto lesser = p::assess_dosing_weight(m, p::policies::lesser_of_ideal_and_actual());
    const auto dose = bu->dose(hsct::dose_per_mass(3.2, u::mg_per_kg));
    CHECK(n.count() == 0);
    REQUIRE(bu.has_value());
    REQUIRE(mel.has_value());
    CHECK(mel->criteria.size() == 5);  // adult age, %IBW, BMI, TBW above IBW, BSA cap: the capacity
    CHECK(mel->bsa_capped);
    CHECK(lesser.has_value());
    CHECK(dose.has_value());
}

using hsct_test::enum_round_trips;

TEST_CASE("the enums of the dosing result read back from their ids and numbers",
          "[patient][dosing_weight][CORE-ENUM-001]") {
    CHECK(enum_round_trips<p::weight_reason>() == 7);
    CHECK(enum_round_trips<p::dosing_weight_criterion>() == 7);
    CHECK(enum_round_trips<p::dosing_weight_status>() == 2);
    CHECK(enum_round_trips<p::weight_source>() == 3);
    CHECK(enum_round_trips<p::agent_class>() == 7);
}

}  // namespace hsct_test_patient_dosing_weight_test
