// Tests for include/hsct/complications/chronic_gvhd_scores_text.hpp: the NIH 2014 organ scores
// rendered from their data (the day, the three scoring policies, the inputs missing, each organ's
// score as global severity reads it, the lungs with the source of their score and the symptom
// score, every criterion evaluated), for CG-5's skin and CG-3's lungs, and an organ score alone,
// in English and through a second catalogue.
#include <hsct/complications/chronic_gvhd_scores_text.hpp>

#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_scores_text_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
hsct::percent pct(double v) {
    return hsct::percent(v, u::pct);
}
// CG-5's skin (BSA 10 %: 1; hidebound sclerosis: 3), a mild mouth, CG-3's FEV1 65 % (1) with a
// symptom score of 1; nothing else examined
c::cgvhd_organ_input partial() {
    c::cgvhd_organ_input in;
    in.day = transplant_day::at(400);
    in.skin.bsa = pct(10.0);
    in.skin.sclerosis = c::skin_sclerosis::deep_hidebound;
    in.mouth.finding = c::mouth_finding::mild;
    in.lungs.fev1 = pct(65.0);
    in.lungs.symptoms = c::lung_symptoms::mild;
    return in;
}
c::nih_organ_scores_result scores(const c::cgvhd_organ_input& in, const c::cgvhd_scoring_options& o = {}) {
    const auto r = c::assess_nih_organ_scores(in, o);
    REQUIRE(r.has_value());
    return *r;
}

constexpr hsct::catalogue_entry german[] = {
    {"cgvhd_scores", "title", "NIH-2014-Organscores"},
    {"cgvhd_scores", "lower_bound", "eine Untergrenze"},
    {"complications", "on", "am"},
    {"nih_organ", "skin", "Haut"},
    {"nih_organ", "mouth", "Mund"},
    {"nih_organ_state", "not_assessed", "nicht untersucht"},
    {"cgvhd_score_criterion", "skin_bsa_any", "Haut: jede befallene KOF (Score 1)"},
};
}  // namespace

TEST_CASE("CG-5's skin and CG-3's lungs: scores, sources, every criterion and the inputs missing",
          "[COMP-CGVHD-010][COMP-CGVHD-015][CG-5][CG-3][NIH-2014][text]") {
    CHECK(c::render(scores(partial())) ==
          "NIH 2014 organ scores on D+400 under 3 mg/dL is liver score 2 (score 3 above 3), without FEV1, the symptom "
          "score, pruritus not scored (NIH 2014) (missing: dry eye grade; GI symptoms; weight loss (%); diarrhoea "
          "grade; total bilirubin and its ULN; ALT and its ULN; alkaline phosphatase and its ULN; joints and fascia "
          "finding; genital tract finding): skin 3, mouth 1, eyes not assessed, GI tract not assessed, liver not "
          "assessed, lungs 1 (FEV1 score; symptom score 1), joints and fascia not assessed, genital tract not "
          "assessed: "
          "skin: any BSA involved (score 1): 10 % > 0 %: met [COMP-CGVHD-010]; "
          "skin: BSA at least 19 % (score 2): 10 % >= 19 %: not met [COMP-CGVHD-010]; "
          "skin: BSA above 50 % (score 3): 10 % > 50 %: not met [COMP-CGVHD-010]; "
          "skin: deep sclerosis, impaired mobility or ulceration (score 3): deep sclerosis, hidebound (unable to "
          "pinch): met [COMP-CGVHD-010]; "
          "mouth: mild (score 1): mild symptoms with signs, oral intake not significantly limited: met "
          "[COMP-CGVHD-011]; "
          "eyes: severe dry eye (score 3): dry eye grade missing: unknown (input missing) [COMP-CGVHD-012]; "
          "GI: symptoms (score 1): GI symptoms missing: unknown (input missing) [COMP-CGVHD-013]; "
          "GI: weight loss above 15 % (score 3): weight loss (%) missing: unknown (input missing) [COMP-CGVHD-013]; "
          "GI: severe diarrhoea (score 3): diarrhoea grade missing: unknown (input missing) [COMP-CGVHD-013]; "
          "liver: AP at least 3 x ULN (score 1): alkaline phosphatase and its ULN missing: unknown (input missing) "
          "[COMP-CGVHD-014]; "
          "liver: ALT above 5 x ULN (score 2): ALT and its ULN missing: unknown (input missing) [COMP-CGVHD-014]; "
          "liver: bilirubin above ULN and above 3 mg/dL (score 3): total bilirubin and its ULN missing: unknown (input "
          "missing) [COMP-CGVHD-014]; "
          "lungs: FEV1 below 80 % (score 1): 65 % < 80 %: met [COMP-CGVHD-015]; "
          "lungs: FEV1 below 60 % (score 2): 65 % < 60 %: not met [COMP-CGVHD-015]; "
          "lungs: FEV1 below 40 % (score 3): 65 % < 40 %: not met [COMP-CGVHD-015]; "
          "lungs: short of breath after one flight of stairs (symptom score 1): short of breath after one flight of "
          "stairs: met [COMP-CGVHD-015]; "
          "joints and fascia: severe (score 3): joints and fascia finding missing: unknown (input missing) "
          "[COMP-CGVHD-016]; "
          "genital tract: severe signs (score 3): genital tract finding missing: unknown (input missing) "
          "[COMP-CGVHD-017]");
}

TEST_CASE("the lungs without FEV1: the symptom score stands in, named as the source; a lower bound; an organ score",
          "[COMP-CGVHD-015][COMP-CGVHD-018][NIH-2014][text]") {
    auto in = partial();
    in.lungs.fev1.reset();
    in.lungs.symptoms = c::lung_symptoms::moderate;
    CHECK(c::render(scores(in)).find(", lungs 2 (symptom score (no FEV1)), ") != std::string::npos);
    c::cgvhd_scoring_options not_scored;
    not_scored.lung_fallback = c::lung_without_fev1::not_scored;
    CHECK(c::render(scores(in, not_scored))
              .find(" under 3 mg/dL is liver score 2 (score 3 above 3), without FEV1, the "
                    "lungs are not scored, ") != std::string::npos);
    CHECK(c::render(scores(in, not_scored)).find(", lungs not assessed (not scored; symptom score 2), ") !=
          std::string::npos);
    // the skin's BSA with no sclerosis stated: 1, and the missing sclerosis could raise it
    c::cgvhd_organ_input skin;
    skin.skin.bsa = pct(10.0);
    CHECK(c::render(scores(skin).scores.skin) == "1 (a lower bound)");
    CHECK(c::render(*c::nih_organ_score::of(2, c::nih_organ_state::other_cause_only)) ==
          "2 (explained entirely by another cause (not counted))");
    CHECK(c::render(c::nih_organ_score{}) == "not assessed");
    // without a day the head says none
    CHECK(c::render(scores(skin)).rfind("NIH 2014 organ scores under ", 0) == 0);
}

TEST_CASE("organ scores through another catalogue", "[COMP-CGVHD-010][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    c::cgvhd_organ_input skin;
    skin.day = transplant_day::at(200);
    skin.skin.bsa = pct(10.0);
    const std::string s = c::render(scores(skin), de);
    CHECK(s.find("NIH-2014-Organscores am D+200 under ") == 0);
    CHECK(s.find(": Haut 1 (eine Untergrenze), Mund nicht untersucht, eyes nicht untersucht, ") != std::string::npos);
    CHECK(s.find(": Haut: jede befallene KOF (Score 1): 10 % > 0 %: met [COMP-CGVHD-010]; ") != std::string::npos);
}

}  // namespace hsct_test_complications_chronic_gvhd_scores_text_test
