// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Chronic GVHD organ scores 0-3 (NIH 2014 organ scoring form, Jagasia et al. 2015) for the eight
// organs global severity counts: skin, mouth, eyes, GI tract, liver, lungs, joints and fascia,
// genital tract. Raw measurements where the form has numbers (% BSA, bilirubin, ALT and AP against
// their ULN, FEV1 % of predicted, weight loss %, lubricant eye drops a day); the clinician's graded
// finding, as a typed enum per organ, where the form describes.
//
//   using namespace hsct::complications;
//   cgvhd_organ_input in;
//   in.skin.bsa = hsct::percent(10.0, hsct::units::pct);
//   in.skin.sclerosis = skin_sclerosis::deep_hidebound;
//   in.lungs.fev1 = hsct::percent(65.0, hsct::units::pct);
//   auto r = assess_nih_organ_scores(in);      // result<nih_organ_scores_result>
//   r->scores.skin.score.value();              // 3: max(BSA 1, sclerosis 3)
//   r->decided_by(nih_organ::skin);            // {skin_sclerosis_deep}
//   r->scores.lungs.score.value();             // 1: FEV1 60-79 %
//
// Sources: the form as the reference notes section 2.3 give it (a third-party implementation of
// the 2014 form and the notes' knowledge of it [V2]/[M]); the resolutions' K1 and item 6 [V2];
// the EBMT Handbook 2024 ch. 44 section 44.3 (eight organs, each 0-3; an impairment due solely
// to a non-GVHD cause is not scored) [V-HB24]. Printed bands are integers; a value between two
// printed bands (18.5 % BSA, FEV1 79.5 %) is read half-open (0 < x < 19 is score 1, 19-50 is 2;
// FEV1 >= 80 is 0, 60 to < 80 is 1, 40 to < 60 is 2, < 40 is 3): hsct's interpretation [U],
// recorded with verified = false when the value lies in such a gap.
// COMP-CGVHD-010 skin: BSA 0 % 0, > 0 to < 19 % 1, 19-50 % 2, > 50 % 3; sclerosis superficial
// (able to pinch) 2; deep (hidebound, unable to pinch), impaired mobility or ulceration 3; the
// skin score is the higher of the two [V2]. Severe pruritus as a score-3 item is the 2005 form's
// [M]; NIH 2014 does not score it (`skin_pruritus_rule`, default not_scored [U]).
// COMP-CGVHD-011 mouth: the clinician's grade (no symptoms 0; mild symptoms with signs, intake not
// significantly limited 1; moderate, partly limited 2; severe, major limitation 3) [V2].
// COMP-CGVHD-012 eyes: the grade (mild dry eye, ADL unaffected 1; moderate, ADL partly affected 2;
// severe, ADL significantly affected 3) and the form's items: lubricant drops up to 3 a day 1,
// more than 3 a day or punctal plugs 2, special eyewear for pain, unable to work or loss of
// vision from keratoconjunctivitis sicca 3 [V2].
// COMP-CGVHD-013 GI tract: symptoms 1; symptoms with weight loss 5-15 % 2, > 15 % 3 [V2]; a loss
// of 5 % or more without stated GI symptoms is scored the same by hsct's reading (weight loss
// taken as a GI symptom) and marked unverified [U] — it may come from the mouth or intake; a loss
// below 5 % scores through the symptoms; diarrhoea mild 1, moderate without
// significant interference with daily living 2, severe with significant interference 3; a
// supplement for most calories or oesophageal dilation 3 [V2]. Weight loss is over about 3 months
// [M]: the caller's measurement (weight_loss_percent helps).
// COMP-CGVHD-014 liver: ALT >= 3 x ULN or AP >= 3 x ULN 1; bilirubin above ULN, or ALT > 5 x ULN,
// 2; bilirubin above ULN and > 3 mg/dL 3 [V2]. Bilirubin in umol/L is converted once (17.1 umol/L
// per mg/dL, core's CORE-ANALYTE-001) and compared in mg/dL; 3 mg/dL is 51.3 umol/L. At exactly
// 3 mg/dL the forms disagree (score 2 "<= 3" vs "< 3"): `liver_bilirubin_edge`, default
// score_2_up_to_3 [C]. AP may be physiologically raised in growing children [M]: no rule.
// COMP-CGVHD-015 lungs: FEV1 % of predicted (>= 80 0, 60-79 1, 40-59 2, <= 39 3) and the symptom
// score (SOB after one flight of stairs 1, on flat ground 2, at rest or on oxygen 3), both
// recorded [V2]; global severity reads the FEV1 score (K1 [V2]); without a FEV1 the symptom
// score stands in (`lung_without_fev1`, default use_symptom_score [U]) or the lungs are not
// scored.
// COMP-CGVHD-016 joints and fascia: the grade (mild tightness, ROM normal or mildly reduced, ADL
// unaffected 1; tightness or contractures, fasciitis erythema, moderate ROM loss, mild-moderate
// ADL limitation 2; contractures with significant ROM loss and ADL limitation 3) [V2].
// COMP-CGVHD-017 genital tract: no, mild, moderate, severe signs: 0-3 [V2].
// COMP-CGVHD-018 attribution: an organ whose abnormality is explained entirely by a documented
// non-GVHD cause is scored and marked, and left out of global severity; with mixed causes it is
// scored without downgrade [V2] (resolutions item 6; HB24 ch. 44 section 44.3 [V-HB24]).
// COMP-CGVHD-019 input checks: % BSA and weight loss 0-100 %, FEV1 0-200 % of predicted (hsct's
// plausibility bound [P]), eye drops 0-100 a day [P], AP against its ULN as core's lab_with_uln
// (ULN above 0, at most 1000 x ULN); undeclared enumerators refused.
// An organ none of whose inputs is given is not assessed; when some of its inputs are missing and
// one of them could raise the score, the score is marked a lower bound.
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_SCORES_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_SCORES_HPP

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/attribution.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/lab_with_uln.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/score.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct::complications {

/// The eight organs NIH 2014 scores for global severity.
enum class nih_organ : std::uint8_t {
    skin = 1,
    mouth = 2,
    eyes = 3,
    gi_tract = 4,
    liver = 5,
    lungs = 6,
    joints_fascia = 7,
    genital_tract = 8,
};

constexpr auto hsct_enum_table(nih_organ) noexcept {
    using o = nih_organ;
    return make_enum_table<nih_organ>("nih_organ", {
        {o::skin, "skin", "skin"},
        {o::mouth, "mouth", "mouth"},
        {o::eyes, "eyes", "eyes"},
        {o::gi_tract, "gi_tract", "GI tract"},
        {o::liver, "liver", "liver"},
        {o::lungs, "lungs", "lungs"},
        {o::joints_fascia, "joints_fascia", "joints and fascia"},
        {o::genital_tract, "genital_tract", "genital tract"},
    });
}

/// COMP-CGVHD-010: the worst sclerotic skin feature.
enum class skin_sclerosis : std::uint8_t {
    none = 1,
    superficial = 2,        ///< superficial sclerotic features, not hidebound (able to pinch)
    deep_hidebound = 3,     ///< deep sclerotic features, hidebound (unable to pinch)
    impaired_mobility = 4,  ///< sclerosis impairing mobility
    ulceration = 5,         ///< sclerosis with ulceration
};

constexpr auto hsct_enum_table(skin_sclerosis) noexcept {
    using s = skin_sclerosis;
    return make_enum_table<skin_sclerosis>("skin_sclerosis", {
        {s::none, "none", "no sclerotic features"},
        {s::superficial, "superficial", "superficial sclerosis, able to pinch"},
        {s::deep_hidebound, "deep_hidebound", "deep sclerosis, hidebound (unable to pinch)"},
        {s::impaired_mobility, "impaired_mobility", "sclerosis impairing mobility"},
        {s::ulceration, "ulceration", "sclerosis with ulceration"},
    });
}

/// COMP-CGVHD-011: the mouth, as the clinician grades it.
enum class mouth_finding : std::uint8_t {
    no_symptoms = 1,
    mild = 2,      ///< mild symptoms with disease signs, oral intake not significantly limited
    moderate = 3,  ///< moderate symptoms with signs, oral intake partly limited
    severe = 4,    ///< severe symptoms with signs, oral intake majorly limited
};

constexpr auto hsct_enum_table(mouth_finding) noexcept {
    using m = mouth_finding;
    return make_enum_table<mouth_finding>("mouth_finding", {
        {m::no_symptoms, "no_symptoms", "no symptoms"},
        {m::mild, "mild", "mild symptoms with signs, oral intake not significantly limited"},
        {m::moderate, "moderate", "moderate symptoms with signs, oral intake partly limited"},
        {m::severe, "severe", "severe symptoms with signs, major limitation of oral intake"},
    });
}

/// COMP-CGVHD-012: dry eye, as the clinician grades it.
enum class dry_eye : std::uint8_t {
    no_symptoms = 1,
    mild = 2,      ///< mild dry eye symptoms, activities of daily living unaffected
    moderate = 3,  ///< moderate, ADL partly affected, no new vision impairment from KCS
    severe = 4,    ///< severe, ADL significantly affected (e.g. special eyewear for pain)
};

constexpr auto hsct_enum_table(dry_eye) noexcept {
    using d = dry_eye;
    return make_enum_table<dry_eye>("dry_eye", {
        {d::no_symptoms, "no_symptoms", "no eye symptoms"},
        {d::mild, "mild", "mild dry eye, daily activities unaffected"},
        {d::moderate, "moderate", "moderate dry eye, daily activities partly affected"},
        {d::severe, "severe", "severe dry eye, daily activities significantly affected"},
    });
}

/// COMP-CGVHD-013: diarrhoea, as the clinician grades it.
enum class diarrhoea_grade : std::uint8_t {
    none = 1,
    mild = 2,
    moderate = 3,  ///< without significant interference with daily living
    severe = 4,    ///< with significant interference with daily living
};

constexpr auto hsct_enum_table(diarrhoea_grade) noexcept {
    using d = diarrhoea_grade;
    return make_enum_table<diarrhoea_grade>("diarrhoea_grade", {
        {d::none, "none", "no diarrhoea"},
        {d::mild, "mild", "mild diarrhoea"},
        {d::moderate, "moderate", "moderate diarrhoea, no significant interference with daily living"},
        {d::severe, "severe", "severe diarrhoea, significant interference with daily living"},
    });
}

/// COMP-CGVHD-015: breathlessness, the lung symptom score.
enum class lung_symptoms : std::uint8_t {
    none = 1,
    mild = 2,      ///< short of breath after climbing one flight of stairs
    moderate = 3,  ///< short of breath walking on flat ground
    severe = 4,    ///< short of breath at rest, or oxygen required
};

constexpr auto hsct_enum_table(lung_symptoms) noexcept {
    using l = lung_symptoms;
    return make_enum_table<lung_symptoms>("lung_symptoms", {
        {l::none, "none", "no pulmonary symptoms"},
        {l::mild, "mild", "short of breath after one flight of stairs"},
        {l::moderate, "moderate", "short of breath on flat ground"},
        {l::severe, "severe", "short of breath at rest or oxygen required"},
    });
}

/// COMP-CGVHD-016: joints and fascia, as the clinician grades them.
enum class joint_fascia_finding : std::uint8_t {
    none = 1,
    mild = 2,      ///< mild tightness, range of motion normal or mildly reduced, ADL unaffected
    moderate = 3,  ///< tightness or contractures, fasciitis erythema, moderate ROM loss, mild-moderate ADL limit
    severe = 4,    ///< contractures with significant ROM loss and significant ADL limitation
};

constexpr auto hsct_enum_table(joint_fascia_finding) noexcept {
    using j = joint_fascia_finding;
    return make_enum_table<joint_fascia_finding>("joint_fascia_finding", {
        {j::none, "none", "no symptoms"},
        {j::mild, "mild", "mild tightness, daily activities unaffected"},
        {j::moderate, "moderate", "tightness or contractures, moderate loss of range of motion"},
        {j::severe, "severe", "contractures, significant loss of range of motion and of daily activities"},
    });
}

/// COMP-CGVHD-017: the genital tract examination.
enum class genital_finding : std::uint8_t {
    no_signs = 1,
    mild_signs = 2,
    moderate_signs = 3,
    severe_signs = 4,
};

constexpr auto hsct_enum_table(genital_finding) noexcept {
    using g = genital_finding;
    return make_enum_table<genital_finding>("genital_finding", {
        {g::no_signs, "no_signs", "no signs"},
        {g::mild_signs, "mild_signs", "mild signs"},
        {g::moderate_signs, "moderate_signs", "moderate signs"},
        {g::severe_signs, "severe_signs", "severe signs"},
    });
}

/// COMP-CGVHD-014: where bilirubin of exactly 3 mg/dL (51.3 umol/L) falls [C].
enum class liver_bilirubin_edge : std::uint8_t {
    score_2_up_to_3 = 1,  ///< score 2 "<= 3 mg/dL", score 3 "> 3" (default)
    score_3_from_3 = 2,   ///< score 2 "< 3 mg/dL" (one form's print), score 3 ">= 3"
};

constexpr auto hsct_enum_table(liver_bilirubin_edge) noexcept {
    return make_enum_table<liver_bilirubin_edge>("liver_bilirubin_edge", {
        {liver_bilirubin_edge::score_2_up_to_3, "score_2_up_to_3", "3 mg/dL is liver score 2 (score 3 above 3)"},
        {liver_bilirubin_edge::score_3_from_3, "score_3_from_3", "3 mg/dL is liver score 3"},
    });
}

/// COMP-CGVHD-015: the lungs when no FEV1 is given [U].
enum class lung_without_fev1 : std::uint8_t {
    use_symptom_score = 1,  ///< the symptom score stands in (default; the usual reading of the form)
    not_scored = 2,         ///< the lungs are not scored (global severity a lower bound)
};

constexpr auto hsct_enum_table(lung_without_fev1) noexcept {
    return make_enum_table<lung_without_fev1>("lung_without_fev1", {
        {lung_without_fev1::use_symptom_score, "use_symptom_score", "without FEV1, the symptom score"},
        {lung_without_fev1::not_scored, "not_scored", "without FEV1, the lungs are not scored"},
    });
}

/// COMP-CGVHD-010: severe pruritus as a skin score-3 item [U].
enum class skin_pruritus_rule : std::uint8_t {
    not_scored = 1,  ///< NIH 2014 form (default)
    scores_3 = 2,    ///< NIH 2005 form: severe pruritus is skin score 3
};

constexpr auto hsct_enum_table(skin_pruritus_rule) noexcept {
    return make_enum_table<skin_pruritus_rule>("skin_pruritus_rule", {
        {skin_pruritus_rule::not_scored, "not_scored", "pruritus not scored (NIH 2014)"},
        {skin_pruritus_rule::scores_3, "scores_3", "severe pruritus is skin score 3 (NIH 2005)"},
    });
}

/// How an organ stands for global severity.
enum class nih_organ_state : std::uint8_t {
    scored = 1,            ///< scored; counted in global severity
    not_assessed = 2,      ///< no input: global severity is a lower bound
    other_cause_only = 3,  ///< scored but explained entirely by another cause: not counted
};

constexpr auto hsct_enum_table(nih_organ_state) noexcept {
    using s = nih_organ_state;
    return make_enum_table<nih_organ_state>("nih_organ_state", {
        {s::scored, "scored", "scored"},
        {s::not_assessed, "not_assessed", "not assessed"},
        {s::other_cause_only, "other_cause_only", "explained entirely by another cause (not counted)"},
    });
}

/// COMP-CGVHD-015: where the lung score for global severity came from.
enum class lung_score_source : std::uint8_t {
    fev1 = 1,           ///< the FEV1 score (NIH 2014)
    symptom_score = 2,  ///< no FEV1: the symptom score (lung_without_fev1::use_symptom_score)
    none = 3,           ///< not scored
};

constexpr auto hsct_enum_table(lung_score_source) noexcept {
    return make_enum_table<lung_score_source>("lung_score_source", {
        {lung_score_source::fev1, "fev1", "FEV1 score"},
        {lung_score_source::symptom_score, "symptom_score", "symptom score (no FEV1)"},
        {lung_score_source::none, "none", "not scored"},
    });
}

/// COMP-CGVHD-010, COMP-CGVHD-020: an NIH organ score, 0-3 (a recorded score outside it is refused).
struct nih_score_tag {
    static constexpr int min = 0;
    static constexpr int max = 3;
    static constexpr int step = 1;
    static constexpr std::string_view name = "nih_organ_score";
    static constexpr std::string_view requirement = "COMP-CGVHD-010";
};
using nih_score = hsct::bounded_score<nih_score_tag>;

/// COMP-CGVHD-014, COMP-CGVHD-019: alkaline phosphatase against its laboratory's ULN (core has no
/// AP analyte): made from the value and the ULN in U/L or ukat/L, or from the multiple a form
/// records. Checked: value 0-100 000 U/L, ULN above 0 within the same range, the multiple at most
/// 1000 x ULN (as core's CORE-ULN-002). Eight bytes: the multiple.
class alkaline_phosphatase_uln {
public:
    [[nodiscard]] static result<alkaline_phosphatase_uln> make(const hsct::catalytic_concentration& value,
                                                               const hsct::catalytic_concentration& uln,
                                                               field_ref field = "alkaline_phosphatase") {
        const double v = value.in(hsct::units::u_per_l);
        const double u = uln.in(hsct::units::u_per_l);
        // COMP-CGVHD-019: the value 0-100000 U/L
        if (!std::isfinite(v) || v < 0.0 || v > max_u_per_l) {
            return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field_ref(field.str(), "value"),
                         hsct::detail::concat({hsct::detail::format_number(v), " U/L"}), "0-100000 U/L",
                         "COMP-CGVHD-019");
        }
        if (!std::isfinite(u) || !(u > 0.0) || u > max_u_per_l || !(v / u <= hsct::max_times_uln)) {
            return error(std::isfinite(u) ? errc::out_of_range : errc::not_finite,
                         field_ref(field.str(), "upper_limit_of_normal"),
                         hsct::detail::concat({hsct::detail::format_number(u), " U/L"}),
                         "greater than 0 U/L, up to 100000 U/L, with value / ULN at most 1000 x ULN", "COMP-CGVHD-019");
        }
        return alkaline_phosphatase_uln(v / u);
    }
    /// From a multiple of the ULN alone ("AP 3.2 x ULN"): 0-1000.
    [[nodiscard]] static result<alkaline_phosphatase_uln> from_multiple(double times_uln,
                                                                        field_ref field = "alkaline_phosphatase") {
        if (!std::isfinite(times_uln) || times_uln < 0.0 || times_uln > hsct::max_times_uln) {
            return error(std::isfinite(times_uln) ? errc::out_of_range : errc::not_finite, field,
                         hsct::detail::concat({hsct::detail::format_number(times_uln), " x ULN"}), "0-1000 x ULN",
                         "COMP-CGVHD-019");
        }
        return alkaline_phosphatase_uln(times_uln);
    }
    [[nodiscard]] constexpr double times_uln() const noexcept { return ratio_; }
    friend constexpr bool operator==(alkaline_phosphatase_uln, alkaline_phosphatase_uln) noexcept = default;

private:
    static constexpr double max_u_per_l = 100000.0;
    constexpr explicit alkaline_phosphatase_uln(double r) noexcept : ratio_(r) {}
    double ratio_;
};

// --- inputs -------------------------------------------------------------------------------------
// Every measurement is optional: a missing one leaves its criteria unknown. An organ with nothing
// given is not assessed.

struct cgvhd_skin {
    std::optional<hsct::percent> bsa;           ///< % BSA involved by chronic GVHD features (0-100)
    std::optional<skin_sclerosis> sclerosis;    ///< the worst sclerotic feature
    bool severe_pruritus = false;               ///< read only under skin_pruritus_rule::scores_3
    gvhd_attribution attribution = gvhd_attribution::gvhd;
};

struct cgvhd_mouth {
    std::optional<mouth_finding> finding;
    gvhd_attribution attribution = gvhd_attribution::gvhd;
};

struct cgvhd_eyes {
    std::optional<dry_eye> symptoms;
    std::optional<std::int32_t> lubricant_drops_per_day;  ///< applications a day (0-100)
    bool punctal_plugs = false;
    bool special_eyewear_for_pain = false;
    bool unable_to_work = false;             ///< because of the eyes
    bool vision_loss_from_kcs = false;       ///< loss of vision from keratoconjunctivitis sicca
    gvhd_attribution attribution = gvhd_attribution::gvhd;
};

struct cgvhd_gi {
    std::optional<bool> symptoms;               ///< dysphagia, anorexia, nausea, vomiting, pain, diarrhoea...
    std::optional<hsct::percent> weight_loss;   ///< % of baseline over about 3 months (0-100)
    std::optional<diarrhoea_grade> diarrhoea;
    bool supplement_for_most_calories = false;  ///< nutritional supplement for most calorie needs
    bool oesophageal_dilation = false;
    gvhd_attribution attribution = gvhd_attribution::gvhd;
};

struct cgvhd_liver {
    std::optional<hsct::lab_with_uln<hsct::bilirubin>> bilirubin;  ///< total bilirubin and its ULN
    std::optional<hsct::lab_with_uln<hsct::alt>> alt;
    std::optional<alkaline_phosphatase_uln> alkaline_phosphatase;
    gvhd_attribution attribution = gvhd_attribution::gvhd;
};

struct cgvhd_lungs {
    std::optional<hsct::percent> fev1;        ///< FEV1, % of predicted (0-200)
    std::optional<lung_symptoms> symptoms;
    gvhd_attribution attribution = gvhd_attribution::gvhd;
};

struct cgvhd_joints_fascia {
    std::optional<joint_fascia_finding> finding;
    gvhd_attribution attribution = gvhd_attribution::gvhd;
};

struct cgvhd_genital_tract {
    std::optional<genital_finding> finding;
    gvhd_attribution attribution = gvhd_attribution::gvhd;
};

/// COMP-CGVHD-010..019: one assessment's findings, organ by organ.
struct cgvhd_organ_input {
    std::optional<hsct::transplant_day> day;  ///< the day of the assessment (carried on the result)
    cgvhd_skin skin;
    cgvhd_mouth mouth;
    cgvhd_eyes eyes;
    cgvhd_gi gi_tract;
    cgvhd_liver liver;
    cgvhd_lungs lungs;
    cgvhd_joints_fascia joints_fascia;
    cgvhd_genital_tract genital_tract;
};

/// The policies of the organ scores, each a disagreement or gap between sources.
struct cgvhd_scoring_options {
    liver_bilirubin_edge liver_edge = liver_bilirubin_edge::score_2_up_to_3;  ///< COMP-CGVHD-014 [C]
    lung_without_fev1 lung_fallback = lung_without_fev1::use_symptom_score;    ///< COMP-CGVHD-015 [U]
    skin_pruritus_rule pruritus = skin_pruritus_rule::not_scored;              ///< COMP-CGVHD-010 [U]
};

/// COMP-CGVHD-010..019: every criterion of the organ scores. Codes are stable, below 64.
enum class cgvhd_score_criterion : std::uint8_t {
    skin_bsa_any = 1,
    skin_bsa_19 = 2,
    skin_bsa_over_50 = 3,
    skin_sclerosis_superficial = 4,
    skin_sclerosis_deep = 5,
    skin_severe_pruritus = 6,
    mouth_mild = 7,
    mouth_moderate = 8,
    mouth_severe = 9,
    eyes_mild = 10,
    eyes_moderate = 11,
    eyes_severe = 12,
    eye_drops_used = 13,
    eye_drops_over_3 = 14,
    eye_punctal_plugs = 15,
    eye_special_eyewear = 16,
    eye_unable_to_work = 17,
    eye_vision_loss_kcs = 18,
    gi_symptoms = 19,
    gi_weight_loss_5 = 20,
    gi_weight_loss_over_15 = 21,
    gi_diarrhoea_mild = 22,
    gi_diarrhoea_moderate = 23,
    gi_diarrhoea_severe = 24,
    gi_supplement = 25,
    gi_oesophageal_dilation = 26,
    liver_alt_3x = 27,
    liver_ap_3x = 28,
    liver_bilirubin_above_uln = 29,
    liver_alt_over_5x = 30,
    liver_bilirubin_over_3 = 31,
    liver_bilirubin_3_or_more = 32,
    lung_fev1_below_80 = 33,
    lung_fev1_below_60 = 34,
    lung_fev1_below_40 = 35,
    lung_symptoms_mild = 36,
    lung_symptoms_moderate = 37,
    lung_symptoms_severe = 38,
    joints_mild = 39,
    joints_moderate = 40,
    joints_severe = 41,
    genital_mild = 42,
    genital_moderate = 43,
    genital_severe = 44,
};

constexpr auto hsct_enum_table(cgvhd_score_criterion) noexcept {
    using c = cgvhd_score_criterion;
    return make_enum_table<cgvhd_score_criterion>("cgvhd_score_criterion", {
        {c::skin_bsa_any, "skin_bsa_any", "skin: any BSA involved (score 1)"},
        {c::skin_bsa_19, "skin_bsa_19", "skin: BSA at least 19 % (score 2)"},
        {c::skin_bsa_over_50, "skin_bsa_over_50", "skin: BSA above 50 % (score 3)"},
        {c::skin_sclerosis_superficial, "skin_sclerosis_superficial", "skin: superficial sclerosis (score 2)"},
        {c::skin_sclerosis_deep, "skin_sclerosis_deep", "skin: deep sclerosis, impaired mobility or ulceration (score 3)"},
        {c::skin_severe_pruritus, "skin_severe_pruritus", "skin: severe pruritus (score 3, NIH 2005)"},
        {c::mouth_mild, "mouth_mild", "mouth: mild (score 1)"},
        {c::mouth_moderate, "mouth_moderate", "mouth: moderate (score 2)"},
        {c::mouth_severe, "mouth_severe", "mouth: severe (score 3)"},
        {c::eyes_mild, "eyes_mild", "eyes: mild dry eye (score 1)"},
        {c::eyes_moderate, "eyes_moderate", "eyes: moderate dry eye (score 2)"},
        {c::eyes_severe, "eyes_severe", "eyes: severe dry eye (score 3)"},
        {c::eye_drops_used, "eye_drops_used", "eyes: lubricant drops used (score 1)"},
        {c::eye_drops_over_3, "eye_drops_over_3", "eyes: lubricant drops more than 3 a day (score 2)"},
        {c::eye_punctal_plugs, "eye_punctal_plugs", "eyes: punctal plugs (score 2)"},
        {c::eye_special_eyewear, "eye_special_eyewear", "eyes: special eyewear for pain (score 3)"},
        {c::eye_unable_to_work, "eye_unable_to_work", "eyes: unable to work because of the eyes (score 3)"},
        {c::eye_vision_loss_kcs, "eye_vision_loss_kcs", "eyes: loss of vision from KCS (score 3)"},
        {c::gi_symptoms, "gi_symptoms", "GI: symptoms (score 1)"},
        {c::gi_weight_loss_5, "gi_weight_loss_5", "GI: weight loss of at least 5 % (score 2)"},
        {c::gi_weight_loss_over_15, "gi_weight_loss_over_15", "GI: weight loss above 15 % (score 3)"},
        {c::gi_diarrhoea_mild, "gi_diarrhoea_mild", "GI: mild diarrhoea (score 1)"},
        {c::gi_diarrhoea_moderate, "gi_diarrhoea_moderate", "GI: moderate diarrhoea (score 2)"},
        {c::gi_diarrhoea_severe, "gi_diarrhoea_severe", "GI: severe diarrhoea (score 3)"},
        {c::gi_supplement, "gi_supplement", "GI: supplement for most calories (score 3)"},
        {c::gi_oesophageal_dilation, "gi_oesophageal_dilation", "GI: oesophageal dilation (score 3)"},
        {c::liver_alt_3x, "liver_alt_3x", "liver: ALT at least 3 x ULN (score 1)"},
        {c::liver_ap_3x, "liver_ap_3x", "liver: AP at least 3 x ULN (score 1)"},
        {c::liver_bilirubin_above_uln, "liver_bilirubin_above_uln", "liver: bilirubin above ULN (score 2)"},
        {c::liver_alt_over_5x, "liver_alt_over_5x", "liver: ALT above 5 x ULN (score 2)"},
        {c::liver_bilirubin_over_3, "liver_bilirubin_over_3", "liver: bilirubin above ULN and above 3 mg/dL (score 3)"},
        {c::liver_bilirubin_3_or_more, "liver_bilirubin_3_or_more", "liver: bilirubin above ULN and at least 3 mg/dL (score 3)"},
        {c::lung_fev1_below_80, "lung_fev1_below_80", "lungs: FEV1 below 80 % (score 1)"},
        {c::lung_fev1_below_60, "lung_fev1_below_60", "lungs: FEV1 below 60 % (score 2)"},
        {c::lung_fev1_below_40, "lung_fev1_below_40", "lungs: FEV1 below 40 % (score 3)"},
        {c::lung_symptoms_mild, "lung_symptoms_mild", "lungs: short of breath after one flight of stairs (symptom score 1)"},
        {c::lung_symptoms_moderate, "lung_symptoms_moderate", "lungs: short of breath on flat ground (symptom score 2)"},
        {c::lung_symptoms_severe, "lung_symptoms_severe", "lungs: short of breath at rest or oxygen (symptom score 3)"},
        {c::joints_mild, "joints_mild", "joints and fascia: mild (score 1)"},
        {c::joints_moderate, "joints_moderate", "joints and fascia: moderate (score 2)"},
        {c::joints_severe, "joints_severe", "joints and fascia: severe (score 3)"},
        {c::genital_mild, "genital_mild", "genital tract: mild signs (score 1)"},
        {c::genital_moderate, "genital_moderate", "genital tract: moderate signs (score 2)"},
        {c::genital_severe, "genital_severe", "genital tract: severe signs (score 3)"},
    });
}

/// The inputs the organ scores can lack.
enum class cgvhd_score_field : std::uint8_t {
    skin_bsa = 1,
    skin_sclerosis = 2,
    mouth = 3,
    eye_symptoms = 4,
    eye_drops = 5,
    gi_symptoms = 6,
    gi_weight_loss = 7,
    gi_diarrhoea = 8,
    bilirubin = 9,
    bilirubin_value = 10,  ///< bilirubin given as a multiple of ULN only: the mg/dL is unknown
    alt = 11,
    alkaline_phosphatase = 12,
    fev1 = 13,
    lung_symptoms = 14,
    joints_fascia = 15,
    genital_tract = 16,
};

constexpr auto hsct_enum_table(cgvhd_score_field) noexcept {
    using f = cgvhd_score_field;
    return make_enum_table<cgvhd_score_field>("cgvhd_score_field", {
        {f::skin_bsa, "skin_bsa", "skin BSA (%)"},
        {f::skin_sclerosis, "skin_sclerosis", "skin sclerosis"},
        {f::mouth, "mouth", "mouth finding"},
        {f::eye_symptoms, "eye_symptoms", "dry eye grade"},
        {f::eye_drops, "eye_drops", "lubricant eye drops a day"},
        {f::gi_symptoms, "gi_symptoms", "GI symptoms"},
        {f::gi_weight_loss, "gi_weight_loss", "weight loss (%)"},
        {f::gi_diarrhoea, "gi_diarrhoea", "diarrhoea grade"},
        {f::bilirubin, "bilirubin", "total bilirubin and its ULN"},
        {f::bilirubin_value, "bilirubin_value", "total bilirubin in mg/dL or umol/L (not only x ULN)"},
        {f::alt, "alt", "ALT and its ULN"},
        {f::alkaline_phosphatase, "alkaline_phosphatase", "alkaline phosphatase and its ULN"},
        {f::fev1, "fev1", "FEV1 (% of predicted)"},
        {f::lung_symptoms, "lung_symptoms", "lung symptom score"},
        {f::joints_fascia, "joints_fascia", "joints and fascia finding"},
        {f::genital_tract, "genital_tract", "genital tract finding"},
    });
}

namespace detail::cgvhd {
// COMP-CGVHD-010 skin BSA bands (% BSA) [V2]
inline constexpr double skin_bsa_score1_above = 0.0;  ///< > 0 % (printed "1-18 %")
inline constexpr double skin_bsa_score2_from = 19.0;  ///< >= 19 % (printed "19-50 %")
inline constexpr double skin_bsa_score3_above = 50.0; ///< > 50 %
// COMP-CGVHD-012 eye drops a day [V2]
inline constexpr double eye_drops_score2_above = 3.0; ///< > 3 a day
// COMP-CGVHD-013 weight loss (% of baseline) [V2]
inline constexpr double weight_loss_score2_from = 5.0;    ///< >= 5 % (printed "5-15 %")
inline constexpr double weight_loss_score3_above = 15.0;  ///< > 15 %
// COMP-CGVHD-014 liver [V2]; the 3 mg/dL edge is a policy [C]
inline constexpr double liver_uln_score1_from = 3.0;      ///< ALT or AP >= 3 x ULN
inline constexpr double liver_alt_score2_above = 5.0;     ///< ALT > 5 x ULN
inline constexpr double liver_bilirubin_elevated = 1.0;   ///< bilirubin > 1 x ULN
inline constexpr double liver_bilirubin_score3_mg_dl = 3.0;  ///< 3 mg/dL = 51.3 umol/L
// COMP-CGVHD-015 FEV1 (% of predicted) [V2]
inline constexpr double fev1_score1_below = 80.0;
inline constexpr double fev1_score2_below = 60.0;
inline constexpr double fev1_score3_below = 40.0;
// COMP-CGVHD-019 plausibility bounds [P]
inline constexpr double fev1_max_pct = 200.0;
inline constexpr std::int32_t eye_drops_max = 100;
}  // namespace detail::cgvhd

/// The static facts of each criterion (requirement, comparator, threshold, unit).
[[nodiscard]] constexpr hsct::criterion_info hsct_criterion_info(cgvhd_score_criterion c) noexcept {
    using c_ = cgvhd_score_criterion;
    using d = hsct::comparator;
    using k = hsct::measure::kind;
    namespace t = detail::cgvhd;
    const hsct::unit_info* pct = &hsct::units::percent_t::info;
    const hsct::unit_info* mgdl = &hsct::units::mg_per_dl_t::info;
    constexpr auto none = hsct::count_unit::none;
    constexpr auto uln = hsct::count_unit::times_uln;
    switch (c) {
        case c_::skin_bsa_any: return {"COMP-CGVHD-010", k::quantity, d::greater, t::skin_bsa_score1_above, pct, none, nullptr};
        case c_::skin_bsa_19: return {"COMP-CGVHD-010", k::quantity, d::greater_equal, t::skin_bsa_score2_from, pct, none, nullptr};
        case c_::skin_bsa_over_50: return {"COMP-CGVHD-010", k::quantity, d::greater, t::skin_bsa_score3_above, pct, none, nullptr};
        case c_::skin_sclerosis_superficial:
        case c_::skin_sclerosis_deep:
            return {"COMP-CGVHD-010", k::code, d::present, 0.0, nullptr, none, hsct::enum_ref::type_of<skin_sclerosis>()};
        case c_::skin_severe_pruritus: return {"COMP-CGVHD-010", k::flag, d::present, 0.0, nullptr, none, nullptr};
        case c_::mouth_mild:
        case c_::mouth_moderate:
        case c_::mouth_severe:
            return {"COMP-CGVHD-011", k::code, d::present, 0.0, nullptr, none, hsct::enum_ref::type_of<mouth_finding>()};
        case c_::eyes_mild:
        case c_::eyes_moderate:
        case c_::eyes_severe:
            return {"COMP-CGVHD-012", k::code, d::present, 0.0, nullptr, none, hsct::enum_ref::type_of<dry_eye>()};
        case c_::eye_drops_used: return {"COMP-CGVHD-012", k::count, d::greater, 0.0, nullptr, none, nullptr};
        case c_::eye_drops_over_3: return {"COMP-CGVHD-012", k::count, d::greater, t::eye_drops_score2_above, nullptr, none, nullptr};
        case c_::eye_punctal_plugs:
        case c_::eye_special_eyewear:
        case c_::eye_unable_to_work:
        case c_::eye_vision_loss_kcs: return {"COMP-CGVHD-012", k::flag, d::present, 0.0, nullptr, none, nullptr};
        case c_::gi_symptoms: return {"COMP-CGVHD-013", k::flag, d::present, 0.0, nullptr, none, nullptr};
        case c_::gi_weight_loss_5: return {"COMP-CGVHD-013", k::quantity, d::greater_equal, t::weight_loss_score2_from, pct, none, nullptr};
        case c_::gi_weight_loss_over_15: return {"COMP-CGVHD-013", k::quantity, d::greater, t::weight_loss_score3_above, pct, none, nullptr};
        case c_::gi_diarrhoea_mild:
        case c_::gi_diarrhoea_moderate:
        case c_::gi_diarrhoea_severe:
            return {"COMP-CGVHD-013", k::code, d::present, 0.0, nullptr, none, hsct::enum_ref::type_of<diarrhoea_grade>()};
        case c_::gi_supplement:
        case c_::gi_oesophageal_dilation: return {"COMP-CGVHD-013", k::flag, d::present, 0.0, nullptr, none, nullptr};
        case c_::liver_alt_3x:
        case c_::liver_ap_3x: return {"COMP-CGVHD-014", k::count, d::greater_equal, t::liver_uln_score1_from, nullptr, uln, nullptr};
        case c_::liver_bilirubin_above_uln: return {"COMP-CGVHD-014", k::count, d::greater, t::liver_bilirubin_elevated, nullptr, uln, nullptr};
        case c_::liver_alt_over_5x: return {"COMP-CGVHD-014", k::count, d::greater, t::liver_alt_score2_above, nullptr, uln, nullptr};
        case c_::liver_bilirubin_over_3: return {"COMP-CGVHD-014", k::quantity, d::greater, t::liver_bilirubin_score3_mg_dl, mgdl, none, nullptr};
        case c_::liver_bilirubin_3_or_more: return {"COMP-CGVHD-014", k::quantity, d::greater_equal, t::liver_bilirubin_score3_mg_dl, mgdl, none, nullptr};
        case c_::lung_fev1_below_80: return {"COMP-CGVHD-015", k::quantity, d::less, t::fev1_score1_below, pct, none, nullptr};
        case c_::lung_fev1_below_60: return {"COMP-CGVHD-015", k::quantity, d::less, t::fev1_score2_below, pct, none, nullptr};
        case c_::lung_fev1_below_40: return {"COMP-CGVHD-015", k::quantity, d::less, t::fev1_score3_below, pct, none, nullptr};
        case c_::lung_symptoms_mild:
        case c_::lung_symptoms_moderate:
        case c_::lung_symptoms_severe:
            return {"COMP-CGVHD-015", k::code, d::present, 0.0, nullptr, none, hsct::enum_ref::type_of<lung_symptoms>()};
        case c_::joints_mild:
        case c_::joints_moderate:
        case c_::joints_severe:
            return {"COMP-CGVHD-016", k::code, d::present, 0.0, nullptr, none, hsct::enum_ref::type_of<joint_fascia_finding>()};
        case c_::genital_mild:
        case c_::genital_moderate:
        case c_::genital_severe:
            return {"COMP-CGVHD-017", k::code, d::present, 0.0, nullptr, none, hsct::enum_ref::type_of<genital_finding>()};
    }
    return {};
}

/// The organ a score criterion belongs to (the lungs' FEV1 and symptom criteria both: lungs).
[[nodiscard]] constexpr nih_organ organ_of(cgvhd_score_criterion c) noexcept {
    const auto n = static_cast<int>(c);
    return n <= 6    ? nih_organ::skin
           : n <= 9  ? nih_organ::mouth
           : n <= 18 ? nih_organ::eyes
           : n <= 26 ? nih_organ::gi_tract
           : n <= 32 ? nih_organ::liver
           : n <= 38 ? nih_organ::lungs
           : n <= 41 ? nih_organ::joints_fascia
                     : nih_organ::genital_tract;
}

/// The organ score a criterion confers when met (1-3).
[[nodiscard]] constexpr int score_of(cgvhd_score_criterion c) noexcept {
    using c_ = cgvhd_score_criterion;
    switch (c) {
        case c_::skin_bsa_any:
        case c_::mouth_mild:
        case c_::eyes_mild:
        case c_::eye_drops_used:
        case c_::gi_symptoms:
        case c_::gi_diarrhoea_mild:
        case c_::liver_alt_3x:
        case c_::liver_ap_3x:
        case c_::lung_fev1_below_80:
        case c_::lung_symptoms_mild:
        case c_::joints_mild:
        case c_::genital_mild: return 1;
        case c_::skin_bsa_19:
        case c_::skin_sclerosis_superficial:
        case c_::mouth_moderate:
        case c_::eyes_moderate:
        case c_::eye_drops_over_3:
        case c_::eye_punctal_plugs:
        case c_::gi_weight_loss_5:
        case c_::gi_diarrhoea_moderate:
        case c_::liver_bilirubin_above_uln:
        case c_::liver_alt_over_5x:
        case c_::lung_fev1_below_60:
        case c_::lung_symptoms_moderate:
        case c_::joints_moderate:
        case c_::genital_moderate: return 2;
        default: return 3;
    }
}

/// One organ's score as global severity reads it.
struct nih_organ_score {
    nih_organ_state state = nih_organ_state::not_assessed;
    nih_score score{};         ///< 0-3; read when the state is scored or other_cause_only
    bool lower_bound = false;  ///< a missing input could have raised the score

    /// A scored organ (a registry's recorded score). Error: out_of_range outside 0-3.
    [[nodiscard]] static result<nih_organ_score> of(std::int64_t score,
                                                    nih_organ_state state = nih_organ_state::scored) {
        auto s = nih_score::make(score);
        if (!s) {
            return std::move(s).error();
        }
        nih_organ_score o;
        o.state = state;
        o.score = *s;
        return o;
    }
    friend constexpr bool operator==(const nih_organ_score&, const nih_organ_score&) noexcept = default;
};

/// The eight organ scores global severity reads. `lungs` is the lung score for global severity:
/// the FEV1 score (NIH 2014), or what lung_score_for_severity gives without one.
struct nih_scores {
    nih_organ_score skin, mouth, eyes, gi_tract, liver, lungs, joints_fascia, genital_tract;

    [[nodiscard]] constexpr const nih_organ_score& of(nih_organ o) const noexcept {
        switch (o) {
            case nih_organ::skin: return skin;
            case nih_organ::mouth: return mouth;
            case nih_organ::eyes: return eyes;
            case nih_organ::gi_tract: return gi_tract;
            case nih_organ::liver: return liver;
            case nih_organ::lungs: return lungs;
            case nih_organ::joints_fascia: return joints_fascia;
            case nih_organ::genital_tract: return genital_tract;
        }
        return skin;
    }
    [[nodiscard]] constexpr nih_organ_score& of(nih_organ o) noexcept {
        return const_cast<nih_organ_score&>(static_cast<const nih_scores&>(*this).of(o));  // NOLINT
    }
    friend constexpr bool operator==(const nih_scores&, const nih_scores&) noexcept = default;
};

/// COMP-CGVHD-015: the lung score for global severity from the FEV1 score and the symptom score
/// (either may be absent): the FEV1 score when there is one (K1); else the symptom score or
/// nothing, as the policy says. Sets `source`.
[[nodiscard]] constexpr nih_organ_score lung_score_for_severity(std::optional<nih_score> fev1_score,
                                                                std::optional<nih_score> symptom_score,
                                                                lung_without_fev1 policy,
                                                                lung_score_source& source) noexcept {
    nih_organ_score o;
    if (fev1_score) {
        o.state = nih_organ_state::scored;
        o.score = *fev1_score;
        source = lung_score_source::fev1;
    } else if (symptom_score && policy == lung_without_fev1::use_symptom_score) {
        o.state = nih_organ_state::scored;
        o.score = *symptom_score;
        source = lung_score_source::symptom_score;
    } else {
        source = lung_score_source::none;
    }
    return o;
}

using cgvhd_score_evidence = hsct::evidence<cgvhd_score_criterion, cgvhd_score_field>;

/// COMP-CGVHD-010..019: the organ scores and their evidence.
struct nih_organ_scores_result {
    nih_organ_scores_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    std::optional<hsct::transplant_day> day;        ///< the day of the assessment, as given
    nih_scores scores;                              ///< what global severity reads
    std::optional<nih_score> lung_fev1_score;       ///< the FEV1 score (none without a FEV1)
    std::optional<nih_score> lung_symptom_score;    ///< the symptom score (reported on its own)
    lung_score_source lung_source = lung_score_source::none;
    /// Per organ (index organ - 1): the criteria met at the organ's score.
    std::array<hsct::enum_set<cgvhd_score_criterion>, 8> deciding{};
    cgvhd_score_evidence criteria;
    cgvhd_scoring_options options;

    /// The criteria that decided an organ's score (met at that score; empty at 0).
    [[nodiscard]] constexpr hsct::enum_set<cgvhd_score_criterion> decided_by(nih_organ o) const noexcept {
        return deciding[static_cast<std::size_t>(o) - 1];
    }
};

/// COMP-CGVHD-013: weight loss in % of the baseline weight (a gain is no loss: 0 %). Errors:
/// a baseline not above 0 kg or not finite ("baseline"), a current weight negative or not finite
/// ("current"); both within 0-1000 kg.
template <class = void>
[[nodiscard]] result<hsct::percent> weight_loss_percent(const hsct::mass& baseline, const hsct::mass& current) {
    const double b = baseline.in(hsct::units::kg);
    const double n = current.in(hsct::units::kg);
    if (!std::isfinite(b) || !(b > 0.0) || b > 1000.0) {
        return error(std::isfinite(b) ? errc::out_of_range : errc::not_finite, "weight_loss.baseline",
                     hsct::detail::concat({hsct::detail::format_number(b), " kg"}), "above 0 kg, up to 1000 kg",
                     "COMP-CGVHD-019");
    }
    if (!std::isfinite(n) || n < 0.0 || n > 1000.0) {
        return error(std::isfinite(n) ? errc::out_of_range : errc::not_finite, "weight_loss.current",
                     hsct::detail::concat({hsct::detail::format_number(n), " kg"}), "0-1000 kg", "COMP-CGVHD-019");
    }
    const double loss = n >= b ? 0.0 : 100.0 * (b - n) / b;
    return hsct::percent(loss, hsct::units::pct);
}

namespace detail::cgvhd {

/// True when v lies strictly between two printed integer bands (lo, hi): the band it falls in is
/// hsct's half-open reading [U].
[[nodiscard]] constexpr bool in_gap(double v, double lo, double hi) noexcept { return v > lo && v < hi; }

/// A graded finding: records the criterion of its level (level 0: the level-1 criterion, not met),
/// or, when missing, the level-3 criterion as unknown.
template <class E>
HSCT_ALWAYS_INLINE void record_grade(cgvhd_score_evidence& ev, const std::optional<E>& v, cgvhd_score_criterion c1,
                                     cgvhd_score_criterion c2, cgvhd_score_criterion c3, cgvhd_score_field f) {
    if (!v) {
        ev.missing(c3, f);
        return;
    }
    const int level = static_cast<int>(*v) - 1;  // enumerators 1-4 are levels 0-3
    const cgvhd_score_criterion c = level <= 1 ? c1 : level == 2 ? c2 : c3;
    ev.code(c, *v, level >= 1);
}

HSCT_ALWAYS_INLINE void record_flag_item(cgvhd_score_evidence& ev, cgvhd_score_criterion c, bool present) {
    if (present) {
        ev.flag(c, true);
    }
}

/// A percent input within [0, hi].
[[gnu::cold]] [[nodiscard]] inline hsct::error pct_error(double v, field_ref field, double hi, const char* what) {
    return hsct::error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field,
                       hsct::detail::concat({hsct::detail::format_number(v), " %", what}),
                       hsct::detail::concat({"0-", hsct::detail::format_number(hi), " %", what}), "COMP-CGVHD-019");
}
[[nodiscard]] inline bool pct_ok(const std::optional<hsct::percent>& p, double hi) noexcept {
    if (!p) {
        return true;
    }
    const double v = p->in(hsct::units::pct);
    return std::isfinite(v) && v >= 0.0 && v <= hi;
}

template <class = void>
[[nodiscard]] std::optional<hsct::error> check_organ_input(const cgvhd_organ_input& in, const cgvhd_scoring_options& o) {
    using hsct::detail::check_enum;
    for (auto e : {check_enum(o.liver_edge, "chronic_gvhd.options.liver_edge"),
                   check_enum(o.lung_fallback, "chronic_gvhd.options.lung_fallback"),
                   check_enum(o.pruritus, "chronic_gvhd.options.pruritus"),
                   check_enum(in.skin.sclerosis, "chronic_gvhd.skin.sclerosis"),
                   check_enum(in.skin.attribution, "chronic_gvhd.skin.attribution"),
                   check_enum(in.mouth.finding, "chronic_gvhd.mouth.finding"),
                   check_enum(in.mouth.attribution, "chronic_gvhd.mouth.attribution"),
                   check_enum(in.eyes.symptoms, "chronic_gvhd.eyes.symptoms"),
                   check_enum(in.eyes.attribution, "chronic_gvhd.eyes.attribution"),
                   check_enum(in.gi_tract.diarrhoea, "chronic_gvhd.gi_tract.diarrhoea"),
                   check_enum(in.gi_tract.attribution, "chronic_gvhd.gi_tract.attribution"),
                   check_enum(in.liver.attribution, "chronic_gvhd.liver.attribution"),
                   check_enum(in.lungs.symptoms, "chronic_gvhd.lungs.symptoms"),
                   check_enum(in.lungs.attribution, "chronic_gvhd.lungs.attribution"),
                   check_enum(in.joints_fascia.finding, "chronic_gvhd.joints_fascia.finding"),
                   check_enum(in.joints_fascia.attribution, "chronic_gvhd.joints_fascia.attribution"),
                   check_enum(in.genital_tract.finding, "chronic_gvhd.genital_tract.finding"),
                   check_enum(in.genital_tract.attribution, "chronic_gvhd.genital_tract.attribution")}) {
        if (e) {
            return e;
        }
    }
    if (!pct_ok(in.skin.bsa, 100.0)) {
        return pct_error(in.skin.bsa->in(hsct::units::pct), "chronic_gvhd.skin.bsa", 100.0, " BSA");
    }
    if (!pct_ok(in.gi_tract.weight_loss, 100.0)) {
        return pct_error(in.gi_tract.weight_loss->in(hsct::units::pct), "chronic_gvhd.gi_tract.weight_loss", 100.0,
                         " of baseline weight");
    }
    if (!pct_ok(in.lungs.fev1, fev1_max_pct)) {
        return pct_error(in.lungs.fev1->in(hsct::units::pct), "chronic_gvhd.lungs.fev1", fev1_max_pct, " of predicted");
    }
    if (in.eyes.lubricant_drops_per_day &&
        (*in.eyes.lubricant_drops_per_day < 0 || *in.eyes.lubricant_drops_per_day > eye_drops_max)) {
        return hsct::error(errc::out_of_range, "chronic_gvhd.eyes.lubricant_drops_per_day",
                           hsct::detail::concat({hsct::detail::format_number(std::int64_t{*in.eyes.lubricant_drops_per_day}),
                                                 " a day"}),
                           "0-100 a day", "COMP-CGVHD-019");
    }
    return std::nullopt;
}

HSCT_ALWAYS_INLINE void score_skin(const cgvhd_skin& s, skin_pruritus_rule rule, cgvhd_score_evidence& ev) {
    using c = cgvhd_score_criterion;
    if (s.bsa) {
        const double v = s.bsa->in(hsct::units::pct);
        // printed "1-18 %" and "19-50 %": the gaps (0, 1) and (18, 19) are hsct's reading [U]
        ev.value(c::skin_bsa_any, v, !in_gap(v, 0.0, 1.0));
        ev.value(c::skin_bsa_19, v, !in_gap(v, 18.0, 19.0));
        ev.value(c::skin_bsa_over_50, v);
    } else {
        ev.missing(c::skin_bsa_over_50, cgvhd_score_field::skin_bsa);
    }
    if (s.sclerosis) {
        const auto k = *s.sclerosis;
        if (k == skin_sclerosis::superficial) {
            ev.code(c::skin_sclerosis_superficial, k, true);
        } else {
            ev.code(c::skin_sclerosis_deep, k, k != skin_sclerosis::none);
        }
    } else {
        ev.missing(c::skin_sclerosis_deep, cgvhd_score_field::skin_sclerosis);
    }
    if (rule == skin_pruritus_rule::scores_3) {
        ev.flag(c::skin_severe_pruritus, s.severe_pruritus, false);  // [M] 2005 form
    } else if (s.severe_pruritus) {
        ev.not_applicable(c::skin_severe_pruritus, 1.0, false);
    }
}

HSCT_ALWAYS_INLINE void score_eyes(const cgvhd_eyes& e, cgvhd_score_evidence& ev) {
    using c = cgvhd_score_criterion;
    record_grade(ev, e.symptoms, c::eyes_mild, c::eyes_moderate, c::eyes_severe, cgvhd_score_field::eye_symptoms);
    if (e.lubricant_drops_per_day) {
        const auto n = static_cast<double>(*e.lubricant_drops_per_day);
        ev.value(c::eye_drops_used, n);
        ev.value(c::eye_drops_over_3, n);
    } else if (e.symptoms) {
        ev.missing(c::eye_drops_over_3, cgvhd_score_field::eye_drops);
    }
    record_flag_item(ev, c::eye_punctal_plugs, e.punctal_plugs);
    record_flag_item(ev, c::eye_special_eyewear, e.special_eyewear_for_pain);
    record_flag_item(ev, c::eye_unable_to_work, e.unable_to_work);
    record_flag_item(ev, c::eye_vision_loss_kcs, e.vision_loss_from_kcs);
}

HSCT_ALWAYS_INLINE void score_gi(const cgvhd_gi& g, cgvhd_score_evidence& ev) {
    using c = cgvhd_score_criterion;
    if (g.symptoms) {
        ev.flag(c::gi_symptoms, *g.symptoms);
    } else {
        ev.missing(c::gi_symptoms, cgvhd_score_field::gi_symptoms);
    }
    if (g.weight_loss) {
        const double v = g.weight_loss->in(hsct::units::pct);
        // "symptoms associated with weight loss": weight loss scored without stated GI symptoms is
        // hsct's reading (the loss may come from the mouth or intake), so it is unverified
        ev.value(c::gi_weight_loss_5, v, g.symptoms.value_or(false));
        ev.value(c::gi_weight_loss_over_15, v);
    } else {
        ev.missing(c::gi_weight_loss_over_15, cgvhd_score_field::gi_weight_loss);
    }
    record_grade(ev, g.diarrhoea, c::gi_diarrhoea_mild, c::gi_diarrhoea_moderate, c::gi_diarrhoea_severe,
                 cgvhd_score_field::gi_diarrhoea);
    record_flag_item(ev, c::gi_supplement, g.supplement_for_most_calories);
    record_flag_item(ev, c::gi_oesophageal_dilation, g.oesophageal_dilation);
}

HSCT_ALWAYS_INLINE void score_liver(const cgvhd_liver& l, liver_bilirubin_edge edge, cgvhd_score_evidence& ev) {
    using c = cgvhd_score_criterion;
    const auto top = edge == liver_bilirubin_edge::score_2_up_to_3 ? c::liver_bilirubin_over_3 : c::liver_bilirubin_3_or_more;
    if (l.bilirubin) {
        const bool elevated = ev.value(c::liver_bilirubin_above_uln, l.bilirubin->times_uln());
        if (const auto& v = l.bilirubin->value()) {
            const double mg = v->in(hsct::units::mg_per_dl);
            // at exactly 3 mg/dL the forms disagree [C]: the policy decides, marked unverified
            const bool at_edge = hsct::satisfies(mg, hsct::comparator::equal, liver_bilirubin_score3_mg_dl);
            if (elevated) {
                ev.value(top, mg, !at_edge);
            } else {
                ev.not_applicable(top, mg);
            }
        } else if (elevated) {
            ev.missing(top, cgvhd_score_field::bilirubin_value);
        }
    } else {
        ev.missing(top, cgvhd_score_field::bilirubin);
    }
    if (l.alt) {
        ev.value(c::liver_alt_3x, l.alt->times_uln());
        ev.value(c::liver_alt_over_5x, l.alt->times_uln());
    } else {
        ev.missing(c::liver_alt_over_5x, cgvhd_score_field::alt);
    }
    if (l.alkaline_phosphatase) {
        ev.value(c::liver_ap_3x, l.alkaline_phosphatase->times_uln());
    } else {
        ev.missing(c::liver_ap_3x, cgvhd_score_field::alkaline_phosphatase);
    }
}

HSCT_ALWAYS_INLINE void score_lungs(const cgvhd_lungs& l, cgvhd_score_evidence& ev) {
    using c = cgvhd_score_criterion;
    if (l.fev1) {
        const double v = l.fev1->in(hsct::units::pct);
        // printed ">= 80", "60-79", "40-59", "<= 39": the gaps are hsct's reading [U]
        ev.value(c::lung_fev1_below_80, v, !in_gap(v, 79.0, 80.0));
        ev.value(c::lung_fev1_below_60, v, !in_gap(v, 59.0, 60.0));
        ev.value(c::lung_fev1_below_40, v, !in_gap(v, 39.0, 40.0));
    } else {
        ev.missing(c::lung_fev1_below_40, cgvhd_score_field::fev1);
    }
    record_grade(ev, l.symptoms, c::lung_symptoms_mild, c::lung_symptoms_moderate, c::lung_symptoms_severe,
                 cgvhd_score_field::lung_symptoms);
}

/// The score of the criteria in [first, last] from the evidence: the highest score met, whether
/// any was known, and whether an unknown one could score higher.
struct organ_tally {
    int score = 0;
    bool known = false;
    bool lower_bound = false;
    hsct::enum_set<cgvhd_score_criterion> deciding;
};
[[nodiscard]] inline organ_tally tally(const cgvhd_score_evidence& ev, int first, int last) noexcept {
    organ_tally t;
    const std::uint64_t evaluated = ev.evaluated_mask();
    const std::uint64_t met = ev.met_mask();
    const std::uint64_t unknown = ev.unknown_mask();
    int highest_unknown = 0;
    for (int i = first; i <= last; ++i) {
        const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(i);
        if ((evaluated & bit) == 0) {
            continue;
        }
        const auto id = static_cast<cgvhd_score_criterion>(static_cast<std::uint8_t>(i));
        if ((unknown & bit) != 0) {
            highest_unknown = score_of(id) > highest_unknown ? score_of(id) : highest_unknown;
            continue;
        }
        t.known = true;
        if ((met & bit) != 0 && score_of(id) > t.score) {
            t.score = score_of(id);
        }
    }
    for (int i = first; i <= last; ++i) {
        const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(i);
        const auto id = static_cast<cgvhd_score_criterion>(static_cast<std::uint8_t>(i));
        if ((met & bit) != 0 && t.score > 0 && score_of(id) == t.score) {
            t.deciding.insert(id);
        }
    }
    t.lower_bound = highest_unknown > t.score;
    return t;
}

[[nodiscard]] inline nih_organ_score organ_from(const organ_tally& t, gvhd_attribution a) noexcept {
    nih_organ_score o;
    if (!t.known) {
        return o;  // not assessed
    }
    o.state = a == gvhd_attribution::other_cause ? nih_organ_state::other_cause_only : nih_organ_state::scored;
    o.score = nih_score::make(t.score).value();
    o.lower_bound = t.lower_bound;
    return o;
}

}  // namespace detail::cgvhd

namespace detail::cgvhd {
/// The organ scores of a checked input, into `r`.
template <class = void>
void score_organs(const cgvhd_organ_input& in, const cgvhd_scoring_options& options, nih_organ_scores_result& r) {
    namespace cd = detail::cgvhd;
    using c = cgvhd_score_criterion;
    r.options = options;
    r.day = in.day;
    auto& ev = r.criteria;
    cd::score_skin(in.skin, options.pruritus, ev);
    cd::record_grade(ev, in.mouth.finding, c::mouth_mild, c::mouth_moderate, c::mouth_severe, cgvhd_score_field::mouth);
    cd::score_eyes(in.eyes, ev);
    cd::score_gi(in.gi_tract, ev);
    cd::score_liver(in.liver, options.liver_edge, ev);
    cd::score_lungs(in.lungs, ev);
    cd::record_grade(ev, in.joints_fascia.finding, c::joints_mild, c::joints_moderate, c::joints_severe,
                     cgvhd_score_field::joints_fascia);
    cd::record_grade(ev, in.genital_tract.finding, c::genital_mild, c::genital_moderate, c::genital_severe,
                     cgvhd_score_field::genital_tract);

    const auto set = [&](nih_organ o, int first, int last, gvhd_attribution a) {
        const auto t = cd::tally(ev, first, last);
        r.scores.of(o) = cd::organ_from(t, a);
        r.deciding[static_cast<std::size_t>(o) - 1] = t.deciding;
    };
    set(nih_organ::skin, 1, 6, in.skin.attribution);
    set(nih_organ::mouth, 7, 9, in.mouth.attribution);
    set(nih_organ::eyes, 10, 18, in.eyes.attribution);
    set(nih_organ::gi_tract, 19, 26, in.gi_tract.attribution);
    set(nih_organ::liver, 27, 32, in.liver.attribution);
    set(nih_organ::joints_fascia, 39, 41, in.joints_fascia.attribution);
    set(nih_organ::genital_tract, 42, 44, in.genital_tract.attribution);

    // lungs: the FEV1 score and the symptom score, then the one global severity reads (K1)
    const auto fev1 = cd::tally(ev, 33, 35);
    const auto symptoms = cd::tally(ev, 36, 38);
    if (fev1.known) {
        r.lung_fev1_score = nih_score::make(fev1.score).value();
    }
    if (symptoms.known) {
        r.lung_symptom_score = nih_score::make(symptoms.score).value();
    }
    nih_organ_score lung = lung_score_for_severity(r.lung_fev1_score, r.lung_symptom_score, options.lung_fallback,
                                                   r.lung_source);
    if (lung.state == nih_organ_state::scored && in.lungs.attribution == gvhd_attribution::other_cause) {
        lung.state = nih_organ_state::other_cause_only;
    }
    r.deciding[static_cast<std::size_t>(nih_organ::lungs) - 1] =
        r.lung_source == lung_score_source::fev1            ? fev1.deciding
        : r.lung_source == lung_score_source::symptom_score ? symptoms.deciding
                                                            : hsct::enum_set<cgvhd_score_criterion>{};
    r.scores.lungs = lung;
}
}  // namespace detail::cgvhd

/// COMP-CGVHD-010..019: the eight NIH organ scores, each with the criteria that decided it, and
/// the lung score global severity reads. Errors (COMP-CGVHD-019): a % BSA or weight loss outside
/// 0-100 %, a FEV1 outside 0-200 % of predicted, eye drops outside 0-100 a day, an undeclared
/// enumerator ("chronic_gvhd.<organ>.<field>", "chronic_gvhd.options.<policy>").
template <class = void>
[[nodiscard]] result<nih_organ_scores_result> assess_nih_organ_scores(const cgvhd_organ_input& in,
                                                                      const cgvhd_scoring_options& options = {}) {
    result<nih_organ_scores_result> out(std::in_place);
    if (auto e = detail::cgvhd::check_organ_input(in, options)) {
        out = std::move(*e);
        return out;
    }
    detail::cgvhd::score_organs(in, options, *out);
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_SCORES_HPP
