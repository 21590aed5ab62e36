// Tests for include/hsct/complications/chronic_gvhd_scores.hpp: every NIH 2014 organ score
// threshold below, at and above in each unit it is printed in (BSA %, weight loss %, eye drops a
// day, ALT and AP x ULN, bilirubin mg/dL and umol/L, FEV1 % of predicted), every graded finding,
// the policies (liver edge at 3 mg/dL, lungs without FEV1, 2005 pruritus), attribution, missing
// inputs as lower bounds, the AP type and the weight-loss helper, refusals, no allocation.
#include <hsct/complications/chronic_gvhd_scores.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <tuple>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_scores_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using C = c::cgvhd_score_criterion;
using O = c::nih_organ;

namespace {
hsct::percent pct(double v) { return hsct::percent(v, u::pct); }

hsct::lab_with_uln<hsct::bilirubin> bili_mg(double v, double uln = 1.2) {
    return hsct::lab_with_uln<hsct::bilirubin>::make(hsct::bilirubin(v, u::mg_per_dl), hsct::bilirubin(uln, u::mg_per_dl))
        .value();
}
hsct::lab_with_uln<hsct::bilirubin> bili_umol(double v, double uln = 20.5) {
    return hsct::lab_with_uln<hsct::bilirubin>::make(hsct::bilirubin(v, u::umol_per_l), hsct::bilirubin(uln, u::umol_per_l))
        .value();
}
hsct::lab_with_uln<hsct::alt> alt_x(double times) {
    return hsct::lab_with_uln<hsct::alt>::make(hsct::alt(40.0 * times, u::u_per_l), hsct::alt(40.0, u::u_per_l)).value();
}
c::alkaline_phosphatase_uln ap_x(double times) {
    return c::alkaline_phosphatase_uln::make(hsct::catalytic_concentration(120.0 * times, u::u_per_l),
                                             hsct::catalytic_concentration(120.0, u::u_per_l))
        .value();
}

/// Every organ assessed, nothing found: each organ scores 0.
c::cgvhd_organ_input clear() {
    c::cgvhd_organ_input in;
    in.skin.bsa = pct(0.0);
    in.skin.sclerosis = c::skin_sclerosis::none;
    in.mouth.finding = c::mouth_finding::no_symptoms;
    in.eyes.symptoms = c::dry_eye::no_symptoms;
    in.eyes.lubricant_drops_per_day = 0;
    in.gi_tract.symptoms = false;
    in.gi_tract.weight_loss = pct(0.0);
    in.gi_tract.diarrhoea = c::diarrhoea_grade::none;
    in.liver.bilirubin = bili_mg(0.6);
    in.liver.alt = alt_x(0.5);
    in.liver.alkaline_phosphatase = ap_x(0.8);
    in.lungs.fev1 = pct(95.0);
    in.lungs.symptoms = c::lung_symptoms::none;
    in.joints_fascia.finding = c::joint_fascia_finding::none;
    in.genital_tract.finding = c::genital_finding::no_signs;
    return in;
}

c::nih_organ_scores_result assess(const c::cgvhd_organ_input& in, const c::cgvhd_scoring_options& o = {}) {
    auto r = c::assess_nih_organ_scores(in, o);
    REQUIRE(r.has_value());
    return *r;
}
int score(const c::cgvhd_organ_input& in, O organ, const c::cgvhd_scoring_options& o = {}) {
    const auto r = assess(in, o);
    REQUIRE(r.scores.of(organ).state != c::nih_organ_state::not_assessed);
    return r.scores.of(organ).score.value();
}
hsct::criterion<C> criterion(const c::nih_organ_scores_result& r, C id) {
    const auto k = r.criteria.find(id);
    REQUIRE(k.has_value());
    return *k;
}
hsct::error refused(const c::cgvhd_organ_input& in, const c::cgvhd_scoring_options& o = {}) {
    auto r = c::assess_nih_organ_scores(in, o);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}
}  // namespace

TEST_CASE("nothing found in any organ: every organ scores 0, none a lower bound", "[COMP-CGVHD-010][NIH-2014]") {
    auto in = clear();
    in.day = hsct::transplant_day::at(180);
    const auto r = assess(in);
    CHECK(r.day->number() == 180);
    for (const O o : hsct::values<O>()) {
        CAPTURE(hsct::id(o));
        CHECK(r.scores.of(o).state == c::nih_organ_state::scored);
        CHECK(r.scores.of(o).score.value() == 0);
        CHECK_FALSE(r.scores.of(o).lower_bound);
        CHECK(r.decided_by(o).empty());
    }
    CHECK(r.criteria.missing_inputs().empty());
    CHECK(r.lung_source == c::lung_score_source::fev1);
}

TEST_CASE("skin BSA: 0, 1-18, 19-50, > 50 % below, at and above each edge", "[COMP-CGVHD-010][NIH-2014]") {
    for (const auto& [bsa, expected] : {std::tuple{0.0, 0}, std::tuple{0.5, 1}, std::tuple{1.0, 1}, std::tuple{18.0, 1},
                                        std::tuple{18.5, 1}, std::tuple{18.9, 1}, std::tuple{19.0, 2}, std::tuple{19.1, 2},
                                        std::tuple{49.9, 2}, std::tuple{50.0, 2}, std::tuple{50.1, 3},
                                        std::tuple{100.0, 3}}) {
        CAPTURE(bsa);
        auto in = clear();
        in.skin.bsa = pct(bsa);
        CHECK(score(in, O::skin) == expected);
    }
    auto in = clear();
    in.skin.bsa = pct(19.0);
    const auto r = assess(in);
    CHECK(r.decided_by(O::skin).contains(C::skin_bsa_19));
    const auto k = criterion(r, C::skin_bsa_19);
    CHECK(k.cmp == hsct::comparator::greater_equal);
    CHECK(k.threshold == 19.0);
    CHECK(k.measured.number() == 19.0);
    CHECK(k.measured.unit() == &u::percent_t::info);
    CHECK(k.requirement == std::string_view("COMP-CGVHD-010"));
    CHECK(k.verified);
}

TEST_CASE("skin BSA between printed bands is read half-open and marked unverified", "[COMP-CGVHD-010][NIH-2014]") {
    auto in = clear();
    in.skin.bsa = pct(18.5);  // between "1-18" and "19-50": score 1 by hsct's reading [U]
    auto r = assess(in);
    CHECK(r.scores.skin.score.value() == 1);
    CHECK_FALSE(criterion(r, C::skin_bsa_19).verified);
    in.skin.bsa = pct(0.5);  // between 0 and "1-18"
    r = assess(in);
    CHECK(r.scores.skin.score.value() == 1);
    CHECK_FALSE(criterion(r, C::skin_bsa_any).verified);
    in.skin.bsa = pct(18.0);
    CHECK(criterion(assess(in), C::skin_bsa_19).verified);
}

TEST_CASE("skin sclerosis: superficial 2, deep, impaired mobility or ulceration 3; the higher of BSA and sclerosis",
          "[COMP-CGVHD-010][NIH-2014]") {
    using S = c::skin_sclerosis;
    for (const auto& [s, expected] : {std::tuple{S::none, 0}, std::tuple{S::superficial, 2}, std::tuple{S::deep_hidebound, 3},
                                      std::tuple{S::impaired_mobility, 3}, std::tuple{S::ulceration, 3}}) {
        CAPTURE(hsct::id(s));
        auto in = clear();
        in.skin.sclerosis = s;
        CHECK(score(in, O::skin) == expected);
    }
    auto in = clear();
    in.skin.bsa = pct(30.0);  // BSA score 2
    in.skin.sclerosis = S::superficial;
    const auto r = assess(in);
    CHECK(r.scores.skin.score.value() == 2);
    CHECK(r.decided_by(O::skin).contains(C::skin_bsa_19));
    CHECK(r.decided_by(O::skin).contains(C::skin_sclerosis_superficial));
    in.skin.bsa = pct(60.0);  // BSA 3 beats superficial sclerosis
    CHECK(score(in, O::skin) == 3);
}

TEST_CASE("severe pruritus: not scored by NIH 2014 (default); skin 3 under the 2005 rule, unverified",
          "[COMP-CGVHD-010][NIH-2014]") {
    auto in = clear();
    in.skin.bsa = pct(10.0);
    in.skin.severe_pruritus = true;
    auto r = assess(in);
    CHECK(r.scores.skin.score.value() == 1);
    CHECK(r.options.pruritus == c::skin_pruritus_rule::not_scored);
    CHECK(criterion(r, C::skin_severe_pruritus).result == hsct::outcome::not_applicable);
    c::cgvhd_scoring_options o;
    o.pruritus = c::skin_pruritus_rule::scores_3;
    r = assess(in, o);
    CHECK(r.scores.skin.score.value() == 3);
    CHECK(r.decided_by(O::skin).contains(C::skin_severe_pruritus));
    CHECK_FALSE(criterion(r, C::skin_severe_pruritus).verified);
    in.skin.severe_pruritus = false;
    CHECK(score(in, O::skin, o) == 1);
}

TEST_CASE("mouth, joints and fascia, genital tract: the clinician's grade is the score", "[COMP-CGVHD-011][COMP-CGVHD-016][COMP-CGVHD-017][NIH-2014]") {
    for (int level = 0; level <= 3; ++level) {
        CAPTURE(level);
        auto in = clear();
        in.mouth.finding = static_cast<c::mouth_finding>(level + 1);
        in.joints_fascia.finding = static_cast<c::joint_fascia_finding>(level + 1);
        in.genital_tract.finding = static_cast<c::genital_finding>(level + 1);
        const auto r = assess(in);
        CHECK(r.scores.mouth.score.value() == level);
        CHECK(r.scores.joints_fascia.score.value() == level);
        CHECK(r.scores.genital_tract.score.value() == level);
    }
    auto in = clear();
    in.mouth.finding = c::mouth_finding::moderate;
    const auto r = assess(in);
    CHECK(r.decided_by(O::mouth).contains(C::mouth_moderate));
    const auto k = criterion(r, C::mouth_moderate);
    CHECK(k.measured.enumerator().as<c::mouth_finding>() == c::mouth_finding::moderate);
    CHECK(k.requirement == std::string_view("COMP-CGVHD-011"));
}

TEST_CASE("eyes: lubricant drops a day 0, 1-3 (score 1), more than 3 (score 2)", "[COMP-CGVHD-012][NIH-2014]") {
    for (const auto& [drops, expected] :
         {std::tuple{0, 0}, std::tuple{1, 1}, std::tuple{2, 1}, std::tuple{3, 1}, std::tuple{4, 2}, std::tuple{10, 2}}) {
        CAPTURE(drops);
        auto in = clear();
        in.eyes.lubricant_drops_per_day = drops;
        CHECK(score(in, O::eyes) == expected);
    }
    auto in = clear();
    in.eyes.lubricant_drops_per_day = 4;
    const auto k = criterion(assess(in), C::eye_drops_over_3);
    CHECK(k.cmp == hsct::comparator::greater);
    CHECK(k.threshold == 3.0);
    CHECK(k.result == hsct::outcome::met);
}

TEST_CASE("eyes: the grade, punctal plugs, eyewear, work and vision from KCS", "[COMP-CGVHD-012][NIH-2014]") {
    for (int level = 0; level <= 3; ++level) {
        auto in = clear();
        in.eyes.symptoms = static_cast<c::dry_eye>(level + 1);
        CHECK(score(in, O::eyes) == level);
    }
    auto in = clear();
    in.eyes.symptoms = c::dry_eye::mild;
    in.eyes.lubricant_drops_per_day = 2;
    in.eyes.punctal_plugs = true;
    auto r = assess(in);
    CHECK(r.scores.eyes.score.value() == 2);
    CHECK(r.decided_by(O::eyes).contains(C::eye_punctal_plugs));
    for (const auto flag : {&c::cgvhd_eyes::special_eyewear_for_pain, &c::cgvhd_eyes::unable_to_work,
                            &c::cgvhd_eyes::vision_loss_from_kcs}) {
        auto e = clear();
        e.eyes.symptoms = c::dry_eye::moderate;
        e.eyes.*flag = true;
        CHECK(score(e, O::eyes) == 3);
    }
}

TEST_CASE("GI: weight loss < 5, 5-15, > 15 % below, at and above each edge", "[COMP-CGVHD-013][NIH-2014]") {
    for (const auto& [loss, expected] : {std::tuple{0.0, 1}, std::tuple{4.9, 1}, std::tuple{5.0, 2}, std::tuple{5.1, 2},
                                         std::tuple{10.0, 2}, std::tuple{14.9, 2}, std::tuple{15.0, 2},
                                         std::tuple{15.1, 3}, std::tuple{40.0, 3}}) {
        CAPTURE(loss);
        auto in = clear();
        in.gi_tract.symptoms = true;
        in.gi_tract.weight_loss = pct(loss);
        CHECK(score(in, O::gi_tract) == expected);
    }
    auto in = clear();
    in.gi_tract.weight_loss = pct(4.9);  // no symptoms: a loss below 5 % does not score
    CHECK(score(in, O::gi_tract) == 0);
    in.gi_tract.weight_loss = pct(5.0);  // hsct's reading: the loss scores 2 without stated symptoms, unverified
    const auto r = assess(in);
    CHECK(r.scores.gi_tract.score.value() == 2);
    CHECK(r.decided_by(O::gi_tract).contains(C::gi_weight_loss_5));
    CHECK_FALSE(r.criteria.find(C::gi_weight_loss_5)->verified);
    in.gi_tract.symptoms = true;  // "symptoms associated with weight loss": the source's reading
    CHECK(assess(in).criteria.find(C::gi_weight_loss_5)->verified);
}

TEST_CASE("GI: diarrhoea grades, supplement for most calories, oesophageal dilation", "[COMP-CGVHD-013][NIH-2014]") {
    for (int level = 0; level <= 3; ++level) {
        auto in = clear();
        in.gi_tract.diarrhoea = static_cast<c::diarrhoea_grade>(level + 1);
        CHECK(score(in, O::gi_tract) == level);
    }
    auto in = clear();
    in.gi_tract.supplement_for_most_calories = true;
    CHECK(score(in, O::gi_tract) == 3);
    in = clear();
    in.gi_tract.oesophageal_dilation = true;
    CHECK(score(in, O::gi_tract) == 3);
    in = clear();
    in.gi_tract.symptoms = true;
    CHECK(score(in, O::gi_tract) == 1);
}

TEST_CASE("weight loss from two weights, in kg and in lb; a gain is no loss", "[COMP-CGVHD-013]") {
    auto w = c::weight_loss_percent(hsct::mass(80.0, u::kg), hsct::mass(72.0, u::kg));
    REQUIRE(w.has_value());
    CHECK(w->in(u::pct) == Approx(10.0));
    w = c::weight_loss_percent(hsct::mass(200.0, u::lb), hsct::mass(170.0, u::lb));
    REQUIRE(w.has_value());
    CHECK(w->in(u::pct) == Approx(15.0));
    auto in = clear();
    in.gi_tract.symptoms = true;
    in.gi_tract.weight_loss = *w;  // 15 % exactly: score 2
    CHECK(score(in, O::gi_tract) == 2);
    w = c::weight_loss_percent(hsct::mass(70.0, u::kg), hsct::mass(71.0, u::kg));
    CHECK(w->in(u::pct) == 0.0);
    CHECK(c::weight_loss_percent(hsct::mass(0.0, u::kg), hsct::mass(60.0, u::kg)).error().field() ==
          "weight_loss.baseline");
    CHECK(c::weight_loss_percent(hsct::mass(70.0, u::kg), hsct::mass(-1.0, u::kg)).error().field() ==
          "weight_loss.current");
}

TEST_CASE("liver: ALT x ULN below, at and above 3 and 5, bilirubin normal", "[COMP-CGVHD-014][NIH-2014]") {
    for (const auto& [times, expected] : {std::tuple{2.9, 0}, std::tuple{3.0, 1}, std::tuple{3.1, 1}, std::tuple{4.9, 1},
                                          std::tuple{5.0, 1}, std::tuple{5.1, 2}, std::tuple{12.0, 2}}) {
        CAPTURE(times);
        auto in = clear();
        in.liver.alt = alt_x(times);
        CHECK(score(in, O::liver) == expected);
    }
    auto in = clear();
    in.liver.alt = hsct::lab_with_uln<hsct::alt>::from_multiple(5.1).value();  // a form's multiple
    CHECK(score(in, O::liver) == 2);
}

TEST_CASE("liver: AP x ULN below, at and above 3", "[COMP-CGVHD-014][NIH-2014]") {
    for (const auto& [times, expected] : {std::tuple{2.9, 0}, std::tuple{3.0, 1}, std::tuple{3.1, 1}, std::tuple{8.0, 1}}) {
        CAPTURE(times);
        auto in = clear();
        in.liver.alkaline_phosphatase = ap_x(times);
        CHECK(score(in, O::liver) == expected);
    }
    // the same AP in ukat/L (1 ukat/L = 60 U/L): 6 ukat/L over a ULN of 2 ukat/L = 3.0 x ULN
    auto ap = c::alkaline_phosphatase_uln::make(hsct::catalytic_concentration(6.0, u::ukat_per_l),
                                                hsct::catalytic_concentration(2.0, u::ukat_per_l));
    REQUIRE(ap.has_value());
    CHECK(ap->times_uln() == Approx(3.0));
    auto in = clear();
    in.liver.alkaline_phosphatase = *ap;
    CHECK(score(in, O::liver) == 1);
}

TEST_CASE("liver: bilirubin in mg/dL: above ULN 2, above 3 mg/dL 3; 3.0 by the edge policy", "[COMP-CGVHD-014][NIH-2014]") {
    c::cgvhd_scoring_options from3;
    from3.liver_edge = c::liver_bilirubin_edge::score_3_from_3;
    for (const auto& [mg, by_default, by_policy] :
         {std::tuple{1.1, 0, 0}, std::tuple{1.2, 0, 0}, std::tuple{1.3, 2, 2}, std::tuple{2.9, 2, 2},
          std::tuple{3.0, 2, 3}, std::tuple{3.1, 3, 3}, std::tuple{9.0, 3, 3}}) {
        CAPTURE(mg);
        auto in = clear();
        in.liver.bilirubin = bili_mg(mg);  // ULN 1.2 mg/dL
        CHECK(score(in, O::liver) == by_default);
        CHECK(score(in, O::liver, from3) == by_policy);
    }
    auto in = clear();
    in.liver.bilirubin = bili_mg(3.0);
    const auto r = assess(in);
    const auto k = criterion(r, C::liver_bilirubin_over_3);
    CHECK(k.result == hsct::outcome::not_met);
    CHECK(k.measured.number() == Approx(3.0));
    CHECK(k.measured.unit() == &u::mg_per_dl_t::info);
    CHECK_FALSE(k.verified);  // at the edge the sources disagree [C]
    CHECK(r.options.liver_edge == c::liver_bilirubin_edge::score_2_up_to_3);
    const auto p = criterion(assess(in, from3), C::liver_bilirubin_3_or_more);
    CHECK(p.result == hsct::outcome::met);
    CHECK(p.cmp == hsct::comparator::greater_equal);
}

TEST_CASE("liver: bilirubin in umol/L, converted once: 51.3 umol/L is 3 mg/dL", "[COMP-CGVHD-014][NIH-2014]") {
    c::cgvhd_scoring_options from3;
    from3.liver_edge = c::liver_bilirubin_edge::score_3_from_3;
    for (const auto& [umol, by_default, by_policy] :
         {std::tuple{20.4, 0, 0}, std::tuple{20.5, 0, 0}, std::tuple{20.6, 2, 2}, std::tuple{51.2, 2, 2},
          std::tuple{51.3, 2, 3}, std::tuple{51.4, 3, 3}, std::tuple{150.0, 3, 3}}) {
        CAPTURE(umol);
        auto in = clear();
        in.liver.bilirubin = bili_umol(umol);  // ULN 20.5 umol/L
        CHECK(score(in, O::liver) == by_default);
        CHECK(score(in, O::liver, from3) == by_policy);
    }
}

TEST_CASE("liver: bilirubin given only as x ULN: elevated is 2, the mg/dL is missing", "[COMP-CGVHD-014][NIH-2014]") {
    auto in = clear();
    in.liver.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::from_multiple(2.0).value();
    auto r = assess(in);
    CHECK(r.scores.liver.score.value() == 2);
    CHECK(r.scores.liver.lower_bound);  // > 3 mg/dL would make it 3
    CHECK(r.criteria.missing_inputs().contains(c::cgvhd_score_field::bilirubin_value));
    in.liver.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::from_multiple(0.8).value();
    r = assess(in);
    CHECK(r.scores.liver.score.value() == 0);
    CHECK_FALSE(r.scores.liver.lower_bound);
}

TEST_CASE("lungs: FEV1 >= 80, 60-79, 40-59, <= 39 % below, at and above each edge", "[COMP-CGVHD-015][NIH-2014]") {
    for (const auto& [fev1, expected] : {std::tuple{100.0, 0}, std::tuple{80.0, 0}, std::tuple{79.9, 1}, std::tuple{79.0, 1},
                                         std::tuple{60.0, 1}, std::tuple{59.0, 2}, std::tuple{59.5, 2},
                                         std::tuple{40.0, 2}, std::tuple{39.9, 3}, std::tuple{39.0, 3},
                                         std::tuple{15.0, 3}}) {
        CAPTURE(fev1);
        auto in = clear();
        in.lungs.fev1 = pct(fev1);
        const auto r = assess(in);
        CHECK(r.scores.lungs.score.value() == expected);
        CHECK(r.lung_fev1_score->value() == expected);
        CHECK(r.lung_source == c::lung_score_source::fev1);
    }
    auto in = clear();
    in.lungs.fev1 = pct(79.5);  // between "60-79" and ">= 80": score 1 by hsct's reading [U]
    const auto r = assess(in);
    CHECK(r.scores.lungs.score.value() == 1);
    CHECK_FALSE(criterion(r, C::lung_fev1_below_80).verified);
    CHECK(criterion(r, C::lung_fev1_below_60).verified);
}

TEST_CASE("lungs: the symptom score is recorded; the FEV1 score is the lung score (K1)", "[COMP-CGVHD-015][NIH-2014]") {
    auto in = clear();
    in.lungs.fev1 = pct(85.0);
    in.lungs.symptoms = c::lung_symptoms::severe;
    const auto r = assess(in);
    CHECK(r.lung_symptom_score->value() == 3);
    CHECK(r.lung_fev1_score->value() == 0);
    CHECK(r.scores.lungs.score.value() == 0);
    CHECK(r.decided_by(O::lungs).empty());
    for (int level = 0; level <= 3; ++level) {
        auto s = clear();
        s.lungs.symptoms = static_cast<c::lung_symptoms>(level + 1);
        CHECK(assess(s).lung_symptom_score->value() == level);
    }
}

TEST_CASE("lungs without FEV1: the symptom score by default; not scored under the other policy", "[COMP-CGVHD-015][NIH-2014]") {
    auto in = clear();
    in.lungs.fev1.reset();
    in.lungs.symptoms = c::lung_symptoms::moderate;
    auto r = assess(in);
    CHECK(r.lung_source == c::lung_score_source::symptom_score);
    CHECK(r.scores.lungs.state == c::nih_organ_state::scored);
    CHECK(r.scores.lungs.score.value() == 2);
    CHECK(r.decided_by(O::lungs).contains(C::lung_symptoms_moderate));
    CHECK_FALSE(r.lung_fev1_score.has_value());
    CHECK(r.criteria.missing_inputs().contains(c::cgvhd_score_field::fev1));
    c::cgvhd_scoring_options o;
    o.lung_fallback = c::lung_without_fev1::not_scored;
    r = assess(in, o);
    CHECK(r.lung_source == c::lung_score_source::none);
    CHECK(r.scores.lungs.state == c::nih_organ_state::not_assessed);
    CHECK(r.lung_symptom_score->value() == 2);
}

TEST_CASE("an organ explained entirely by another cause is scored and marked; mixed causes are not downgraded",
          "[COMP-CGVHD-018][NIH-2014][HB24-44]") {
    auto in = clear();
    in.liver.alt = alt_x(6.0);
    in.liver.attribution = c::gvhd_attribution::other_cause;
    in.lungs.fev1 = pct(50.0);
    in.lungs.attribution = c::gvhd_attribution::other_cause;
    in.skin.bsa = pct(30.0);
    in.skin.attribution = c::gvhd_attribution::gvhd_and_other_cause;
    const auto r = assess(in);
    CHECK(r.scores.liver.state == c::nih_organ_state::other_cause_only);
    CHECK(r.scores.liver.score.value() == 2);
    CHECK(r.scores.lungs.state == c::nih_organ_state::other_cause_only);
    CHECK(r.scores.lungs.score.value() == 2);
    CHECK(r.scores.skin.state == c::nih_organ_state::scored);
    CHECK(r.scores.skin.score.value() == 2);
}

TEST_CASE("missing inputs: an organ with none is not assessed; one that could score higher is a lower bound",
          "[COMP-CGVHD-010][COMP-CGVHD-013]") {
    c::cgvhd_organ_input in;  // nothing at all
    auto r = assess(in);
    for (const O o : hsct::values<O>()) {
        CAPTURE(hsct::id(o));
        CHECK(r.scores.of(o).state == c::nih_organ_state::not_assessed);
    }
    in = clear();
    in.gi_tract.diarrhoea.reset();  // weight loss 0, no symptoms: 0, but severe diarrhoea would be 3
    r = assess(in);
    CHECK(r.scores.gi_tract.score.value() == 0);
    CHECK(r.scores.gi_tract.lower_bound);
    CHECK(r.criteria.missing_inputs().contains(c::cgvhd_score_field::gi_diarrhoea));
    in = clear();
    in.skin.sclerosis.reset();
    in.skin.bsa = pct(60.0);  // 3 already: nothing missing can raise it
    r = assess(in);
    CHECK(r.scores.skin.score.value() == 3);
    CHECK_FALSE(r.scores.skin.lower_bound);
    in = clear();
    in.liver.alkaline_phosphatase.reset();
    in.liver.alt = alt_x(4.0);  // 1 already: AP could give only 1
    CHECK_FALSE(assess(in).scores.liver.lower_bound);
}

TEST_CASE("alkaline_phosphatase_uln: checked on construction, the size of its multiple", "[COMP-CGVHD-019]") {
    STATIC_REQUIRE(sizeof(c::alkaline_phosphatase_uln) == sizeof(double));
    const auto v = [](double x) { return hsct::catalytic_concentration(x, u::u_per_l); };
    CHECK(c::alkaline_phosphatase_uln::make(v(-1.0), v(120.0)).error().field() == "alkaline_phosphatase.value");
    CHECK(c::alkaline_phosphatase_uln::make(v(100.0), v(0.0)).error().field() ==
          "alkaline_phosphatase.upper_limit_of_normal");
    CHECK(c::alkaline_phosphatase_uln::make(v(std::nan("")), v(120.0)).error().code() == hsct::errc::not_finite);
    CHECK(c::alkaline_phosphatase_uln::from_multiple(1000.1).error().valid_range() == "0-1000 x ULN");
    CHECK(c::alkaline_phosphatase_uln::from_multiple(-0.1).error().code() == hsct::errc::out_of_range);
    CHECK(c::alkaline_phosphatase_uln::from_multiple(3.0)->times_uln() == 3.0);
}

TEST_CASE("alkaline_phosphatase_uln: 100000 U/L is the bound of the value and of the ULN (accepted), 100000.1 refused",
          "[COMP-CGVHD-019]") {
    const auto v = [](double x) { return hsct::catalytic_concentration(x, u::u_per_l); };
    const auto top = c::alkaline_phosphatase_uln::make(v(100000.0), v(120.0));
    REQUIRE(top.has_value());
    CHECK(top->times_uln() == 100000.0 / 120.0);
    const auto over = c::alkaline_phosphatase_uln::make(v(100000.1), v(120.0));
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().field() == "alkaline_phosphatase.value");
    CHECK(over.error().code() == hsct::errc::out_of_range);
    CHECK(over.error().valid_range() == "0-100000 U/L");
    const auto uln_top = c::alkaline_phosphatase_uln::make(v(100.0), v(100000.0));
    REQUIRE(uln_top.has_value());
    CHECK(uln_top->times_uln() == 100.0 / 100000.0);
    const auto uln_over = c::alkaline_phosphatase_uln::make(v(100.0), v(100000.1));
    REQUIRE_FALSE(uln_over.has_value());
    CHECK(uln_over.error().field() == "alkaline_phosphatase.upper_limit_of_normal");
    CHECK(uln_over.error().code() == hsct::errc::out_of_range);
}

TEST_CASE("eye drops: 100 a day is the bound (accepted, score 2), 101 refused", "[COMP-CGVHD-019][COMP-CGVHD-012]") {
    auto in = clear();
    in.eyes.lubricant_drops_per_day = 100;
    CHECK(score(in, O::eyes) == 2);
    in.eyes.lubricant_drops_per_day = 101;
    const auto e = refused(in);
    CHECK(e.field() == "chronic_gvhd.eyes.lubricant_drops_per_day");
    CHECK(e.value() == "101 a day");
}

TEST_CASE("an NIH organ score is 0-3: 3 is made, 4 is refused with the score's requirement", "[COMP-CGVHD-010]") {
    CHECK(c::nih_score::make(3)->value() == 3);
    const auto four = c::nih_score::make(4);
    REQUIRE_FALSE(four.has_value());
    CHECK(four.error().code() == hsct::errc::out_of_range);
    CHECK(four.error().valid_range() == "0-3");
    CHECK(four.error().requirement() == "COMP-CGVHD-010");
    CHECK(c::nih_score::make(0)->value() == 0);
    CHECK_FALSE(c::nih_score::make(-1).has_value());
}

TEST_CASE("refusals: percent over 100, negative values, FEV1 over 200 %, eye drops, undeclared enumerators",
          "[COMP-CGVHD-019]") {
    auto in = clear();
    in.skin.bsa = pct(100.1);
    auto e = refused(in);
    CHECK(e.field() == "chronic_gvhd.skin.bsa");
    CHECK(e.code() == hsct::errc::out_of_range);
    CHECK(e.value() == "100.1 % BSA");
    CHECK(e.valid_range() == "0-100 % BSA");
    CHECK(e.requirement() == "COMP-CGVHD-019");
    in.skin.bsa = pct(-1.0);
    CHECK(refused(in).field() == "chronic_gvhd.skin.bsa");
    in.skin.bsa = pct(std::numeric_limits<double>::quiet_NaN());
    CHECK(refused(in).code() == hsct::errc::not_finite);
    in = clear();
    in.gi_tract.weight_loss = pct(101.0);
    CHECK(refused(in).field() == "chronic_gvhd.gi_tract.weight_loss");
    in.gi_tract.weight_loss = pct(-0.5);
    CHECK(refused(in).field() == "chronic_gvhd.gi_tract.weight_loss");
    in = clear();
    in.lungs.fev1 = pct(200.1);
    e = refused(in);
    CHECK(e.field() == "chronic_gvhd.lungs.fev1");
    CHECK(e.valid_range() == "0-200 % of predicted");
    in.lungs.fev1 = pct(200.0);
    CHECK(c::assess_nih_organ_scores(in).has_value());
    in.lungs.fev1 = pct(-3.0);
    CHECK(refused(in).field() == "chronic_gvhd.lungs.fev1");
    in = clear();
    in.eyes.lubricant_drops_per_day = -1;
    CHECK(refused(in).field() == "chronic_gvhd.eyes.lubricant_drops_per_day");
    in.eyes.lubricant_drops_per_day = 101;
    CHECK(refused(in).valid_range() == "0-100 a day");
    in = clear();
    in.mouth.finding = static_cast<c::mouth_finding>(0);
    CHECK(refused(in).field() == "chronic_gvhd.mouth.finding");
    in = clear();
    in.liver.attribution = static_cast<c::gvhd_attribution>(9);
    CHECK(refused(in).field() == "chronic_gvhd.liver.attribution");
    c::cgvhd_scoring_options o;
    o.lung_fallback = static_cast<c::lung_without_fev1>(7);
    CHECK(refused(clear(), o).field() == "chronic_gvhd.options.lung_fallback");
}

TEST_CASE("every criterion names its organ and the score it confers", "[COMP-CGVHD-010]") {
    int per_organ[9] = {};
    for (const C k : hsct::values<C>()) {
        ++per_organ[static_cast<int>(c::organ_of(k))];
        CHECK(c::score_of(k) >= 1);
        CHECK(c::score_of(k) <= 3);
        CHECK(std::string_view(hsct_criterion_info(k).requirement).substr(0, 11) == "COMP-CGVHD-");
    }
    CHECK(per_organ[static_cast<int>(O::skin)] == 6);
    CHECK(per_organ[static_cast<int>(O::liver)] == 6);
    CHECK(per_organ[static_cast<int>(O::lungs)] == 6);
    CHECK(c::organ_of(C::genital_severe) == O::genital_tract);
    CHECK(c::score_of(C::liver_bilirubin_above_uln) == 2);
}

TEST_CASE("a recorded score: nih_organ_score::of refuses a score outside 0-3", "[COMP-CGVHD-020]") {
    CHECK(c::nih_organ_score::of(3)->score.value() == 3);
    CHECK(c::nih_organ_score::of(4).error().valid_range() == "0-3");
    CHECK(c::nih_organ_score::of(-1).error().code() == hsct::errc::out_of_range);
    STATIC_REQUIRE(sizeof(c::nih_score) == sizeof(int));
}

TEST_CASE("assess_nih_organ_scores allocates nothing", "[COMP-CGVHD-010]") {
    auto in = clear();
    in.skin.bsa = pct(25.0);
    in.liver.bilirubin = bili_umol(40.0);
    in.lungs.fev1.reset();
    in.lungs.symptoms = c::lung_symptoms::mild;
    hsct_test::allocation_counter count;
    const auto r = c::assess_nih_organ_scores(in);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
}

}  // namespace hsct_test_complications_chronic_gvhd_scores_test
