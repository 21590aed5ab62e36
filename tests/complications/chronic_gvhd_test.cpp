// Tests for include/hsct/complications/chronic_gvhd.hpp (the chronic GVHD umbrella): the reference
// notes' worked examples CG-1..CG-8 (section 8.4, resolution K1 applied: the lung score is the
// FEV1 score) and the spec digest's lung example, each from raw findings through organ scores to
// global severity, with the deciding organs and clauses; and the diagnosis and severity read
// together for one patient.
#include <hsct/complications/chronic_gvhd.hpp>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using O = c::nih_organ;
using S = c::cgvhd_severity;
using K = c::cgvhd_severity_clause;

namespace {
hsct::percent pct(double v) { return hsct::percent(v, u::pct); }
hsct::lab_with_uln<hsct::bilirubin> bili(double v, hsct::units::mg_per_dl_t unit, double uln = 1.2) {
    return hsct::lab_with_uln<hsct::bilirubin>::make(hsct::bilirubin(v, unit), hsct::bilirubin(uln, unit)).value();
}
hsct::lab_with_uln<hsct::bilirubin> bili(double v, hsct::units::umol_per_l_t unit, double uln = 20.5) {
    return hsct::lab_with_uln<hsct::bilirubin>::make(hsct::bilirubin(v, unit), hsct::bilirubin(uln, unit)).value();
}
hsct::lab_with_uln<hsct::alt> alt_x(double times) {
    return hsct::lab_with_uln<hsct::alt>::make(hsct::alt(35.0 * times, u::u_per_l), hsct::alt(35.0, u::u_per_l)).value();
}

/// Every organ examined, nothing found (the examples list only the organs with findings).
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
    in.liver.bilirubin = bili(0.7, u::mg_per_dl);
    in.liver.alt = alt_x(0.6);
    in.liver.alkaline_phosphatase = c::alkaline_phosphatase_uln::from_multiple(0.9).value();
    in.lungs.fev1 = pct(92.0);
    in.lungs.symptoms = c::lung_symptoms::none;
    in.joints_fascia.finding = c::joint_fascia_finding::none;
    in.genital_tract.finding = c::genital_finding::no_signs;
    return in;
}

c::chronic_gvhd_severity_result assess(const c::cgvhd_organ_input& in, const c::cgvhd_scoring_options& o = {}) {
    auto r = c::assess_chronic_gvhd_severity(in, o);
    REQUIRE(r.has_value());
    return *r;
}
hsct::enum_set<O> organs(std::initializer_list<O> list) {
    hsct::enum_set<O> s;
    for (const O o : list) {
        s.insert(o);
    }
    return s;
}
}  // namespace

TEST_CASE("CG-1: skin 1 (10 % BSA) and mouth 1, lung 0: mild", "[CG-1][NIH-2014][COMP-CGVHD-020]") {
    auto in = clear();
    in.skin.bsa = pct(10.0);
    in.mouth.finding = c::mouth_finding::mild;
    const auto r = assess(in);
    CHECK(r.organs.scores.skin.score.value() == 1);
    CHECK(r.organs.scores.mouth.score.value() == 1);
    CHECK(r.organs.scores.lungs.score.value() == 0);
    CHECK(r.global.severity == S::mild);
    CHECK(r.global.clauses.contains(K::mild_one_or_two_organs));
    CHECK(r.global.deciding_organs == organs({O::skin, O::mouth}));
    CHECK_FALSE(r.global.lower_bound);
}

TEST_CASE("CG-2: skin 1, mouth 1, eyes 1: moderate (3 organs)", "[CG-2][NIH-2014][COMP-CGVHD-020]") {
    auto in = clear();
    in.skin.bsa = pct(10.0);
    in.mouth.finding = c::mouth_finding::mild;
    in.eyes.symptoms = c::dry_eye::mild;
    in.eyes.lubricant_drops_per_day = 2;
    const auto r = assess(in);
    CHECK(r.organs.scores.eyes.score.value() == 1);
    CHECK(r.global.severity == S::moderate);
    CHECK(r.global.clauses.contains(K::moderate_three_or_more_organs));
    CHECK(r.global.deciding_organs == organs({O::skin, O::mouth, O::eyes}));
}

TEST_CASE("CG-3: eyes 1 and FEV1 65 % (lung 1): moderate through the lung", "[CG-3][NIH-2014][COMP-CGVHD-021]") {
    auto in = clear();
    in.eyes.symptoms = c::dry_eye::mild;
    in.lungs.fev1 = pct(65.0);
    const auto r = assess(in);
    CHECK(r.organs.scores.lungs.score.value() == 1);
    CHECK(r.global.severity == S::moderate);
    CHECK(r.global.clauses.contains(K::moderate_lung_score_1));
    CHECK_FALSE(r.global.clauses.contains(K::moderate_three_or_more_organs));
    CHECK(r.global.deciding_organs == organs({O::lungs}));
}

TEST_CASE("CG-4: FEV1 59 % (lung 2): severe; the FEV1 edges 80, 79, 60, 40, 39", "[CG-4][NIH-2014][COMP-CGVHD-021]") {
    for (const auto& [fev1, lung, severity] :
         {std::tuple{59.0, 2, S::severe}, std::tuple{60.0, 1, S::moderate}, std::tuple{80.0, 0, S::none},
          std::tuple{79.0, 1, S::moderate}, std::tuple{40.0, 2, S::severe}, std::tuple{39.0, 3, S::severe}}) {
        CAPTURE(fev1);
        auto in = clear();
        in.lungs.fev1 = pct(fev1);
        const auto r = assess(in);
        CHECK(r.organs.scores.lungs.score.value() == lung);
        CHECK(r.global.severity == severity);
    }
    auto in = clear();
    in.lungs.fev1 = pct(59.0);
    const auto r = assess(in);
    CHECK(r.global.clauses.contains(K::severe_lung_score_2_or_3));
    CHECK(r.organs.decided_by(O::lungs).contains(c::cgvhd_score_criterion::lung_fev1_below_60));
}

TEST_CASE("CG-5: skin BSA 10 % (1) with hidebound sclerosis (3): skin 3, severe", "[CG-5][NIH-2014][COMP-CGVHD-010]") {
    auto in = clear();
    in.skin.bsa = pct(10.0);
    in.skin.sclerosis = c::skin_sclerosis::deep_hidebound;
    const auto r = assess(in);
    CHECK(r.organs.scores.skin.score.value() == 3);
    CHECK(r.organs.decided_by(O::skin).contains(c::cgvhd_score_criterion::skin_sclerosis_deep));
    CHECK_FALSE(r.organs.decided_by(O::skin).contains(c::cgvhd_score_criterion::skin_bsa_any));
    CHECK(r.global.severity == S::severe);
    CHECK(r.global.clauses.contains(K::severe_organ_score_3));
    CHECK(r.global.deciding_organs == organs({O::skin}));
}

TEST_CASE("CG-6: ALT 5.0 x ULN with normal bilirubin: liver 1, mild; 5.1 x moderate; bilirubin 3.0 / 3.1 mg/dL",
          "[CG-6][NIH-2014][COMP-CGVHD-014]") {
    auto in = clear();
    in.liver.alt = alt_x(5.0);
    auto r = assess(in);
    CHECK(r.organs.scores.liver.score.value() == 1);
    CHECK(r.global.severity == S::mild);
    in.liver.alt = alt_x(5.1);
    r = assess(in);
    CHECK(r.organs.scores.liver.score.value() == 2);
    CHECK(r.global.severity == S::moderate);
    CHECK(r.global.clauses.contains(K::moderate_organ_score_2));
    in.liver.alt = alt_x(0.6);
    in.liver.bilirubin = bili(3.0, u::mg_per_dl);
    r = assess(in);
    CHECK(r.organs.scores.liver.score.value() == 2);
    CHECK(r.global.severity == S::moderate);
    in.liver.bilirubin = bili(3.1, u::mg_per_dl);
    r = assess(in);
    CHECK(r.organs.scores.liver.score.value() == 3);
    CHECK(r.global.severity == S::severe);
    // the same in umol/L: 51.3 umol/L is 3.0 mg/dL, 53.0 umol/L is 3.1 mg/dL
    in.liver.bilirubin = bili(51.3, u::umol_per_l);
    CHECK(assess(in).global.severity == S::moderate);
    in.liver.bilirubin = bili(53.0, u::umol_per_l);
    CHECK(assess(in).global.severity == S::severe);
}

TEST_CASE("CG-7: GI weight loss 10 %: GI 2, moderate", "[CG-7][NIH-2014][COMP-CGVHD-013]") {
    auto in = clear();
    in.gi_tract.symptoms = true;
    in.gi_tract.weight_loss = pct(10.0);
    const auto r = assess(in);
    CHECK(r.organs.scores.gi_tract.score.value() == 2);
    CHECK(r.organs.decided_by(O::gi_tract).contains(c::cgvhd_score_criterion::gi_weight_loss_5));
    CHECK(r.global.severity == S::moderate);
    CHECK(r.global.deciding_organs == organs({O::gi_tract}));
}

TEST_CASE("CG-8: skin 18 % BSA is 1 (mild), 19 % is 2 (moderate); 18.5 % is 1 by hsct's reading",
          "[CG-8][NIH-2014][COMP-CGVHD-010]") {
    auto in = clear();
    in.skin.bsa = pct(18.0);
    auto r = assess(in);
    CHECK(r.organs.scores.skin.score.value() == 1);
    CHECK(r.global.severity == S::mild);
    in.skin.bsa = pct(19.0);
    r = assess(in);
    CHECK(r.organs.scores.skin.score.value() == 2);
    CHECK(r.global.severity == S::moderate);
    in.skin.bsa = pct(18.5);
    r = assess(in);
    CHECK(r.organs.scores.skin.score.value() == 1);
    CHECK(r.global.severity == S::mild);
    CHECK_FALSE(r.organs.criteria.find(c::cgvhd_score_criterion::skin_bsa_19)->verified);
}

TEST_CASE("the digest's lung example: symptom score 3 with FEV1 85 % adds nothing; without FEV1 it stands in",
          "[CG-LUNG][NIH-2014][COMP-CGVHD-021]") {
    auto in = clear();
    in.lungs.fev1 = pct(85.0);
    in.lungs.symptoms = c::lung_symptoms::severe;
    auto r = assess(in);
    CHECK(r.organs.lung_symptom_score->value() == 3);  // reported on its own
    CHECK(r.organs.scores.lungs.score.value() == 0);
    CHECK(r.global.severity == S::none);
    in.lungs.fev1.reset();
    r = assess(in);
    CHECK(r.organs.lung_source == c::lung_score_source::symptom_score);
    CHECK(r.global.severity == S::severe);
    CHECK(r.global.deciding_organs == organs({O::lungs}));
    c::cgvhd_scoring_options o;
    o.lung_fallback = c::lung_without_fev1::not_scored;
    r = assess(in, o);
    CHECK(r.global.severity == S::none);
    CHECK(r.global.lower_bound);
    CHECK(r.global.not_assessed == organs({O::lungs}));
}

TEST_CASE("one patient: diagnosis from signs, severity from findings", "[COMP-CGVHD-001][COMP-CGVHD-020][NIH-2014]") {
    c::cgvhd_diagnosis_input dx;
    dx.signs.insert(c::cgvhd_sign::mouth_lichen_planus_like);
    dx.signs.insert(c::cgvhd_sign::new_dry_gritty_painful_eyes);
    dx.other_causes_excluded = true;
    auto in = clear();
    in.mouth.finding = c::mouth_finding::moderate;
    in.eyes.symptoms = c::dry_eye::mild;
    hsct_test::allocation_counter count;
    const auto d = c::assess_chronic_gvhd_diagnosis(dx);
    const auto s = c::assess_chronic_gvhd_severity(in);
    CHECK(count.count() == 0);
    REQUIRE(d.has_value());
    REQUIRE(s.has_value());
    CHECK(d->status == c::cgvhd_diagnosis_status::diagnosed);
    CHECK(s->global.severity == S::moderate);
    CHECK(s->global.deciding_organs == organs({O::mouth}));
}

}  // namespace hsct_test_complications_chronic_gvhd_test
