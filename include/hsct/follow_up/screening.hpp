// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Late-effects screening after HCT: what is due at the 6-month, 1-year and each later yearly
// review, organ by organ, for one patient on one date, from the EBMT Handbook's Table 22.1 (adapted
// from Majhail et al. 2012), with the exposures that change it (chronic GVHD, immunosuppression,
// TBI, prolonged steroids) and the populations some rows are for.
//
//   using namespace hsct::follow_up;
//   screening_input in;
//   in.day0 = hsct::sys_days{2024y / 3 / 1};
//   in.on = hsct::sys_days{2025y / 3 / 10};
//   in.donor = hsct::donor_type::unrelated;
//   in.recipient_sex = hsct::sex::female;
//   in.exposures.insert(screening_exposure::chronic_gvhd);
//   auto r = assess_screening(in);       // result<screening_result>: the 1-year review's list
//   for (const auto& item : r->items) { item.test; item.status; item.basis; }
//
// FU-SCR-001 the review points [V-HB24] (HB24 ch. 22 Table 22.1): 6 months, 1 year, then yearly
// ("An." = annually). A date is reviewed at the latest point reached on or before it (calendar
// months and years, calendar.hpp); before 6 months the list does not apply (a value).
// FU-SCR-002 the rows and their marks [V-HB24] (Table 22.1): "1" recommended for all transplant
// recipients; "2" for patients with ongoing chronic GVHD or immunosuppression; "+" reassessment for
// abnormal testing in an earlier period or new signs or symptoms; blank: not at that point.
// FU-SCR-003 the populations [V-HB24] (Table 22.1 footnotes d-g and rows): bone density for adult
// women, all allogeneic recipients and patients at high risk of bone loss (prolonged steroid
// exposure is read as high risk [P], after Majhail 2012's rationale, which was not read here);
// growth speed for children; gonadal function by pubertal status and sex; gynaecological
// examination for women.
// FU-SCR-004 exposures [V-HB24] (Table 22.1 comments and footnote b): with chronic GVHD the
// controls are tightened (flagged on every item); oral chronic GVHD: oral evaluation every 6 months
// (high risk of squamous cell cancer); chronic GVHD: spirometry at each control; TBI: mammography
// more often (the handbook gives no interval: the item says so) for women; risk of chronic GVHD:
// joint mobility and skin sclerosis checks.
// FU-SCR-005 input checks: dates in CORE-DAY-008, `on` not before Day 0, undeclared enums (the
// donor kind has no default: a zero-initialised input is refused).
#ifndef HSCT_FOLLOW_UP_SCREENING_HPP
#define HSCT_FOLLOW_UP_SCREENING_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "hsct/core/clinical.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/follow_up/calendar.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-SCR-001: the review points of Table 22.1.
enum class screening_visit : std::uint8_t {
    month_6 = 1,
    year_1 = 2,
    annual = 3,   ///< year 2 and later
};

constexpr auto hsct_enum_table(screening_visit) noexcept {
    return make_enum_table<screening_visit>("screening_visit", {
        {screening_visit::month_6, "month_6", "6-month review"},
        {screening_visit::year_1, "year_1", "1-year review"},
        {screening_visit::annual, "annual", "yearly review"},
    });
}

/// FU-SCR-002: the organ domains of Table 22.1.
enum class screening_domain : std::uint8_t {
    ocular = 1, oral = 2, respiratory = 3, cardiovascular = 4, liver = 5, kidney = 6, muscle_connective = 7,
    skeletal = 8, nervous_system = 9, endocrine = 10, mucocutaneous = 11, immunity = 12, secondary_neoplasia = 13,
    psychosocial = 14,
};

constexpr auto hsct_enum_table(screening_domain) noexcept {
    using d = screening_domain;
    return make_enum_table<screening_domain>("screening_domain", {
        {d::ocular, "ocular", "ocular"},
        {d::oral, "oral", "oral"},
        {d::respiratory, "respiratory", "respiratory"},
        {d::cardiovascular, "cardiovascular", "cardiac and vascular"},
        {d::liver, "liver", "liver"},
        {d::kidney, "kidney", "kidney"},
        {d::muscle_connective, "muscle_connective", "muscle and connective tissue"},
        {d::skeletal, "skeletal", "skeletal"},
        {d::nervous_system, "nervous_system", "nervous system"},
        {d::endocrine, "endocrine", "endocrine"},
        {d::mucocutaneous, "mucocutaneous", "mucocutaneous"},
        {d::immunity, "immunity", "immunity"},
        {d::secondary_neoplasia, "secondary_neoplasia", "secondary neoplasia"},
        {d::psychosocial, "psychosocial", "psychosocial and sexual"},
    });
}

/// FU-SCR-002/004: the screening tests and measures (Table 22.1's rows, and the comments' extras).
enum class screening_test : std::uint8_t {
    ocular_symptoms = 1,
    visual_acuity_fundus = 2,
    oral_preventive_care = 3,
    oral_clinical_assessment = 4,
    dental_assessment = 5,
    pulmonary_clinical_assessment = 6,
    tobacco_avoidance = 7,
    pulmonary_function_tests = 8,
    cardiovascular_risk_factors = 9,
    liver_function_tests = 10,
    serum_ferritin = 11,
    blood_pressure = 12,
    urine_protein = 13,
    bun_creatinine = 14,
    physical_activity_counselling = 15,
    muscle_weakness = 16,
    bone_density = 17,
    neurological_evaluation = 18,
    cognitive_development = 19,
    thyroid_function = 20,
    growth_speed = 21,
    gonadal_function_prepubertal = 22,
    gonadal_function_postpubertal_women = 23,
    gonadal_function_postpubertal_men = 24,
    skin_self_examination = 25,
    gynaecological_examination = 26,
    encapsulated_organism_prophylaxis = 27,
    pjp_prophylaxis = 28,
    immunisations = 29,
    cancer_counselling_self_examination = 30,
    population_cancer_screening = 31,
    psychosocial_assessment = 32,
    quality_of_life = 33,
    sexual_function = 34,
    oral_cancer_evaluation_6_monthly = 35,   ///< FU-SCR-004: oral chronic GVHD
    spirometry_each_control = 36,            ///< FU-SCR-004: chronic GVHD
    mammography_more_often = 37,             ///< FU-SCR-004: TBI, women
    joint_mobility_skin_sclerosis = 38,      ///< FU-SCR-004: risk of chronic GVHD
};

constexpr auto hsct_enum_table(screening_test) noexcept {
    using t = screening_test;
    return make_enum_table<screening_test>("screening_test", {
        {t::ocular_symptoms, "ocular_symptoms", "clinical evaluation of ocular symptoms"},
        {t::visual_acuity_fundus, "visual_acuity_fundus", "visual acuity and fundus examination"},
        {t::oral_preventive_care, "oral_preventive_care", "preventive oral health and dental maintenance"},
        {t::oral_clinical_assessment, "oral_clinical_assessment", "oral clinical assessment"},
        {t::dental_assessment, "dental_assessment", "dental assessment"},
        {t::pulmonary_clinical_assessment, "pulmonary_clinical_assessment", "clinical pulmonary assessment"},
        {t::tobacco_avoidance, "tobacco_avoidance", "tobacco avoidance (active or passive)"},
        {t::pulmonary_function_tests, "pulmonary_function_tests", "pulmonary function tests (chest X-ray if symptoms)"},
        {t::cardiovascular_risk_factors, "cardiovascular_risk_factors", "cardiovascular risk factor assessment"},
        {t::liver_function_tests, "liver_function_tests", "liver function tests"},
        {t::serum_ferritin, "serum_ferritin", "serum ferritin"},
        {t::blood_pressure, "blood_pressure", "blood pressure screening"},
        {t::urine_protein, "urine_protein", "urine protein screening"},
        {t::bun_creatinine, "bun_creatinine", "BUN and creatinine"},
        {t::physical_activity_counselling, "physical_activity_counselling", "physical activity counselling"},
        {t::muscle_weakness, "muscle_weakness", "evaluation of muscle weakness"},
        {t::bone_density, "bone_density", "bone density testing"},
        {t::neurological_evaluation, "neurological_evaluation", "neurological clinical evaluation"},
        {t::cognitive_development, "cognitive_development", "cognitive development"},
        {t::thyroid_function, "thyroid_function", "thyroid function tests"},
        {t::growth_speed, "growth_speed", "growth speed (children)"},
        {t::gonadal_function_prepubertal, "gonadal_function_prepubertal", "gonadal function (prepubertal)"},
        {t::gonadal_function_postpubertal_women, "gonadal_function_postpubertal_women", "gonadal function (postpubertal women)"},
        {t::gonadal_function_postpubertal_men, "gonadal_function_postpubertal_men", "gonadal function (postpubertal men)"},
        {t::skin_self_examination, "skin_self_examination", "skin self-examination and sun counselling"},
        {t::gynaecological_examination, "gynaecological_examination", "gynaecological examination"},
        {t::encapsulated_organism_prophylaxis, "encapsulated_organism_prophylaxis", "prophylaxis against encapsulated organisms"},
        {t::pjp_prophylaxis, "pjp_prophylaxis", "Pneumocystis (PJP) prophylaxis"},
        {t::immunisations, "immunisations", "immunisations"},
        {t::cancer_counselling_self_examination, "cancer_counselling_self_examination", "cancer counselling and self-examination"},
        {t::population_cancer_screening, "population_cancer_screening", "cancer screening as for the general population"},
        {t::psychosocial_assessment, "psychosocial_assessment", "psychosocial assessment"},
        {t::quality_of_life, "quality_of_life", "quality-of-life assessment"},
        {t::sexual_function, "sexual_function", "evaluation of sexual function"},
        {t::oral_cancer_evaluation_6_monthly, "oral_cancer_evaluation_6_monthly", "oral evaluation every 6 months (oral chronic GVHD)"},
        {t::spirometry_each_control, "spirometry_each_control", "spirometry at each control (chronic GVHD)"},
        {t::mammography_more_often, "mammography_more_often", "mammography more often (after TBI; interval not given)"},
        {t::joint_mobility_skin_sclerosis, "joint_mobility_skin_sclerosis", "joint mobility and skin sclerosis checks"},
    });
}

/// FU-SCR-002: a Table 22.1 mark at one review point.
enum class screening_mark : std::uint8_t {
    none = 1,            ///< blank: not at this point
    all = 2,             ///< "1": recommended for all transplant recipients
    chronic_gvhd_or_is = 3,  ///< "2": for ongoing chronic GVHD or immunosuppression
    reassess = 4,        ///< "+": reassess if an earlier test was abnormal or with new signs or symptoms
};

constexpr auto hsct_enum_table(screening_mark) noexcept {
    using m = screening_mark;
    return make_enum_table<screening_mark>("screening_mark", {
        {m::none, "none", "not at this review"},
        {m::all, "all", "recommended for all recipients"},
        {m::chronic_gvhd_or_is, "chronic_gvhd_or_is", "recommended with ongoing chronic GVHD or immunosuppression"},
        {m::reassess, "reassess", "reassess if abnormal before or with new signs or symptoms"},
    });
}

/// FU-SCR-003: whom a row is for.
enum class screening_population : std::uint8_t {
    everyone = 1,
    bone_loss_group = 2,         ///< adult women, allogeneic recipients, high risk of bone loss
    children = 3,
    prepubertal = 4,
    postpubertal_women = 5,
    postpubertal_men = 6,
    women = 7,
};

constexpr auto hsct_enum_table(screening_population) noexcept {
    using p = screening_population;
    return make_enum_table<screening_population>("screening_population", {
        {p::everyone, "everyone", "every recipient"},
        {p::bone_loss_group, "bone_loss_group", "adult women, allogeneic recipients and those at high risk of bone loss"},
        {p::children, "children", "children"},
        {p::prepubertal, "prepubertal", "prepubertal patients"},
        {p::postpubertal_women, "postpubertal_women", "postpubertal women"},
        {p::postpubertal_men, "postpubertal_men", "postpubertal men"},
        {p::women, "women", "women"},
    });
}

/// FU-SCR-003/004: exposures and states that change the list.
enum class screening_exposure : std::uint8_t {
    chronic_gvhd = 1,              ///< ongoing chronic GVHD
    oral_chronic_gvhd = 2,         ///< chronic GVHD of the mouth
    immunosuppression = 3,         ///< ongoing immunosuppressive therapy
    tbi = 4,                       ///< total body irradiation in the conditioning
    prolonged_steroids = 5,        ///< prolonged corticosteroid exposure (high risk of bone loss)
    chronic_gvhd_risk = 6,         ///< at risk of chronic GVHD (e.g. allogeneic, on tapering IS)
};

constexpr auto hsct_enum_table(screening_exposure) noexcept {
    using e = screening_exposure;
    return make_enum_table<screening_exposure>("screening_exposure", {
        {e::chronic_gvhd, "chronic_gvhd", "ongoing chronic GVHD"},
        {e::oral_chronic_gvhd, "oral_chronic_gvhd", "oral chronic GVHD"},
        {e::immunosuppression, "immunosuppression", "ongoing immunosuppression"},
        {e::tbi, "tbi", "total body irradiation"},
        {e::prolonged_steroids, "prolonged_steroids", "prolonged corticosteroid exposure"},
        {e::chronic_gvhd_risk, "chronic_gvhd_risk", "risk of chronic GVHD"},
    });
}

/// FU-SCR-003: pubertal status (the gonadal rows).
enum class pubertal_status : std::uint8_t { prepubertal = 1, postpubertal = 2 };

constexpr auto hsct_enum_table(pubertal_status) noexcept {
    return make_enum_table<pubertal_status>("pubertal_status", {
        {pubertal_status::prepubertal, "prepubertal", "prepubertal"},
        {pubertal_status::postpubertal, "postpubertal", "postpubertal"},
    });
}

/// FU-SCR-002/003: one row of Table 22.1 (or a comment's extra, FU-SCR-004).
struct screening_row {
    screening_test test;
    screening_domain domain;
    screening_mark month_6;
    screening_mark year_1;
    screening_mark annual;
    screening_population population;
    const char* requirement;
};

/// FU-SCR-002/003 [V-HB24]: Table 22.1, row by row, as printed.
[[nodiscard]] constexpr std::array<screening_row, 34> screening_table() noexcept {
    using t = screening_test;
    using d = screening_domain;
    using p = screening_population;
    constexpr auto o = screening_mark::none;
    constexpr auto a = screening_mark::all;
    constexpr auto g = screening_mark::chronic_gvhd_or_is;
    constexpr auto r = screening_mark::reassess;
    constexpr const char* row = "FU-SCR-002";
    constexpr const char* pop = "FU-SCR-003";
    return {{
        {t::ocular_symptoms, d::ocular, a, a, a, p::everyone, row},
        {t::visual_acuity_fundus, d::ocular, r, a, r, p::everyone, row},
        {t::oral_preventive_care, d::oral, a, a, a, p::everyone, row},
        {t::oral_clinical_assessment, d::oral, a, a, a, p::everyone, row},
        {t::dental_assessment, d::oral, r, a, a, p::everyone, row},
        {t::pulmonary_clinical_assessment, d::respiratory, a, a, a, p::everyone, row},
        {t::tobacco_avoidance, d::respiratory, a, a, a, p::everyone, row},
        {t::pulmonary_function_tests, d::respiratory, r, r, r, p::everyone, row},
        {t::cardiovascular_risk_factors, d::cardiovascular, r, a, a, p::everyone, row},
        {t::liver_function_tests, d::liver, a, a, a, p::everyone, row},
        {t::serum_ferritin, d::liver, o, a, r, p::everyone, row},
        {t::blood_pressure, d::kidney, a, a, a, p::everyone, row},
        {t::urine_protein, d::kidney, a, a, a, p::everyone, row},
        {t::bun_creatinine, d::kidney, a, a, a, p::everyone, row},
        {t::physical_activity_counselling, d::muscle_connective, a, a, a, p::everyone, row},
        {t::muscle_weakness, d::muscle_connective, g, g, g, p::everyone, row},
        {t::bone_density, d::skeletal, o, a, r, p::bone_loss_group, pop},
        {t::neurological_evaluation, d::nervous_system, r, a, a, p::everyone, row},
        {t::cognitive_development, d::nervous_system, o, a, a, p::everyone, row},
        {t::thyroid_function, d::endocrine, o, a, a, p::everyone, row},
        {t::growth_speed, d::endocrine, o, a, a, p::children, pop},
        {t::gonadal_function_prepubertal, d::endocrine, a, a, a, p::prepubertal, pop},
        {t::gonadal_function_postpubertal_women, d::endocrine, o, a, r, p::postpubertal_women, pop},
        {t::gonadal_function_postpubertal_men, d::endocrine, o, r, r, p::postpubertal_men, pop},
        {t::skin_self_examination, d::mucocutaneous, a, a, a, p::everyone, row},
        {t::gynaecological_examination, d::mucocutaneous, o, a, a, p::women, pop},
        {t::encapsulated_organism_prophylaxis, d::immunity, g, g, g, p::everyone, row},
        {t::pjp_prophylaxis, d::immunity, a, g, g, p::everyone, row},
        {t::immunisations, d::immunity, a, a, a, p::everyone, row},
        {t::cancer_counselling_self_examination, d::secondary_neoplasia, o, a, a, p::everyone, row},
        {t::population_cancer_screening, d::secondary_neoplasia, o, a, a, p::everyone, row},
        {t::psychosocial_assessment, d::psychosocial, a, a, a, p::everyone, row},
        {t::quality_of_life, d::psychosocial, a, a, a, p::everyone, row},
        {t::sexual_function, d::psychosocial, a, a, a, p::everyone, row},
    }};
}

/// FU-SCR-004: why an item is on the list.
enum class screening_basis : std::uint8_t {
    all_recipients = 1,        ///< mark "1"
    chronic_gvhd_or_is = 2,    ///< mark "2", and the patient has ongoing chronic GVHD or IS
    reassess_if_indicated = 3, ///< mark "+": only if abnormal before or with new signs or symptoms
    oral_chronic_gvhd = 4,     ///< FU-SCR-004 extras
    chronic_gvhd = 5,
    tbi = 6,
    chronic_gvhd_risk = 7,
};

constexpr auto hsct_enum_table(screening_basis) noexcept {
    using b = screening_basis;
    return make_enum_table<screening_basis>("screening_basis", {
        {b::all_recipients, "all_recipients", "recommended for all recipients"},
        {b::chronic_gvhd_or_is, "chronic_gvhd_or_is", "ongoing chronic GVHD or immunosuppression"},
        {b::reassess_if_indicated, "reassess_if_indicated", "if abnormal before or with new signs or symptoms"},
        {b::oral_chronic_gvhd, "oral_chronic_gvhd", "oral chronic GVHD"},
        {b::chronic_gvhd, "chronic_gvhd", "chronic GVHD"},
        {b::tbi, "tbi", "total body irradiation"},
        {b::chronic_gvhd_risk, "chronic_gvhd_risk", "risk of chronic GVHD"},
    });
}

/// FU-SCR-005: the inputs the list can lack.
enum class screening_field : std::uint8_t { recipient_sex = 1, child = 2, pubertal = 3 };

constexpr auto hsct_enum_table(screening_field) noexcept {
    using f = screening_field;
    return make_enum_table<screening_field>("screening_field", {
        {f::recipient_sex, "recipient_sex", "the recipient's sex"},
        {f::child, "child", "whether the recipient is a child"},
        {f::pubertal, "pubertal", "pubertal status"},
    });
}

/// FU-SCR-001..005: one patient on one date.
struct screening_input {
    sys_days day0{};                              ///< Day 0 of the transplant the reviews count from
    sys_days on{};                                ///< the date the list is for
    hsct::donor_type donor{};                     ///< autologous, or the allogeneic donor (no default: state it)
    std::optional<hsct::sex> recipient_sex;
    std::optional<bool> child;                    ///< under 18 (growth, bone density's "adult women")
    std::optional<pubertal_status> pubertal;
    hsct::enum_set<screening_exposure> exposures;
};

struct screening_options {
    month_end_policy leap_day = month_end_policy::last_day_of_month;  ///< a review date from a 31st or 29 February
};

/// One item of the due list.
struct screening_item {
    screening_test test = screening_test::ocular_symptoms;
    screening_domain domain = screening_domain::ocular;
    screening_basis basis = screening_basis::all_recipients;
    bool intensified = false;        ///< FU-SCR-004: chronic GVHD: tighten and increase the frequency
    const char* requirement = "";
};

/// FU-SCR-001..005: the review a date falls in and what is due at it.
struct screening_result {
    screening_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    bool applies = false;                          ///< false before the 6-month review (a value, not an error)
    screening_visit visit = screening_visit::month_6;
    std::int32_t year = 0;                         ///< the review's year after HCT (0 at 6 months)
    sys_days visit_date{};                         ///< the review's nominal date
    std::optional<sys_days> next_visit;            ///< the next review's date
    hsct::fixed_list<screening_item, 40> items;    ///< in Table 22.1's order, extras last
    hsct::enum_set<screening_field> missing;       ///< inputs a population row needed
    screening_options options;
};

namespace detail::screening {
[[nodiscard]] constexpr screening_mark mark_at(const screening_row& r, screening_visit v) noexcept {
    return v == screening_visit::month_6 ? r.month_6 : v == screening_visit::year_1 ? r.year_1 : r.annual;
}

/// FU-SCR-003: whether a population row is for this patient; nullopt when an input is missing.
[[nodiscard]] constexpr std::optional<bool> in_population(screening_population p, const screening_input& in) noexcept {
    const bool female_known = in.recipient_sex.has_value();
    const bool female = in.recipient_sex == hsct::sex::female;
    switch (p) {
        case screening_population::everyone: return true;
        case screening_population::bone_loss_group:
            if (in.donor != hsct::donor_type::autologous || in.exposures.contains(screening_exposure::prolonged_steroids)) {
                return true;
            }
            if (!female_known) {
                return std::nullopt;
            }
            if (!female) {
                return false;
            }
            if (!in.child) {
                return std::nullopt;
            }
            return !*in.child;
        case screening_population::children:
            if (!in.child) {
                return std::nullopt;
            }
            return *in.child;
        case screening_population::prepubertal:
            if (!in.pubertal) {
                return std::nullopt;
            }
            return *in.pubertal == pubertal_status::prepubertal;
        case screening_population::postpubertal_women:
        case screening_population::postpubertal_men: {
            const bool want_female = p == screening_population::postpubertal_women;
            if (female_known && female != want_female) {
                return false;
            }
            if (in.pubertal == pubertal_status::prepubertal) {
                return false;
            }
            if (!female_known || !in.pubertal) {
                return std::nullopt;
            }
            return true;
        }
        case screening_population::women:
            if (!female_known) {
                return std::nullopt;
            }
            return female;
    }
    return false;
}

[[nodiscard]] constexpr screening_field field_of(screening_population p, const screening_input& in) noexcept {
    switch (p) {
        case screening_population::children: return screening_field::child;
        case screening_population::prepubertal: return screening_field::pubertal;
        case screening_population::postpubertal_women:
        case screening_population::postpubertal_men:
            return !in.recipient_sex ? screening_field::recipient_sex : screening_field::pubertal;
        case screening_population::bone_loss_group:
            return !in.recipient_sex ? screening_field::recipient_sex : screening_field::child;
        case screening_population::everyone:
        case screening_population::women: return screening_field::recipient_sex;
    }
    return screening_field::recipient_sex;
}
}  // namespace detail::screening

/// FU-SCR-001..005: the late-effects screening due at the review `in.on` falls in. Errors: a
/// date outside CORE-DAY-008, `on` before Day 0, an undeclared enum ("screening.on", ...).
template <class = void>
[[nodiscard]] result<screening_result> assess_screening(const screening_input& in, const screening_options& o = {}) {
    namespace ds = detail::screening;
    result<screening_result> out(std::in_place);
    if (auto e = hsct::detail::check_enum(o.leap_day, "screening_options.leap_day")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(in.donor, "screening.donor")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(in.recipient_sex, "screening.recipient_sex")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(in.pubertal, "screening.pubertal")) {
        out = std::move(*e);
        return out;
    }
    if (auto c = check_date(in.day0, "screening.day0"); !c) {
        out = std::move(c).error();
        return out;
    }
    if (auto c = check_date(in.on, "screening.on"); !c) {
        out = std::move(c).error();
        return out;
    }
    if (in.on < in.day0) {
        out = error(errc::out_of_range, "screening.on", hsct::to_string(in.on),
                    hsct::detail::concat({"on or after Day 0 ", hsct::to_string(in.day0)}), "FU-SCR-005");
        return out;
    }
    screening_result& r = *out;
    r.options = o;
    // FU-SCR-001: the latest review reached on or before `on`
    const auto six = add_months(in.day0, 6, o.leap_day, "screening.review");
    if (!six || *six > in.on) {
        r.applies = false;
        if (six) {
            r.next_visit = *six;
        }
        return out;
    }
    r.applies = true;
    r.visit = screening_visit::month_6;
    r.visit_date = *six;
    for (std::int32_t y = 1;; ++y) {
        const auto d = add_years(in.day0, y, o.leap_day, "screening.review");
        if (!d || *d > in.on) {
            if (d) {
                r.next_visit = *d;
            }
            break;
        }
        r.visit = y == 1 ? screening_visit::year_1 : screening_visit::annual;
        r.year = y;
        r.visit_date = *d;
    }
    const auto& x = in.exposures;
    const bool cgvhd = x.contains(screening_exposure::chronic_gvhd) || x.contains(screening_exposure::oral_chronic_gvhd);
    const bool cgvhd_or_is = cgvhd || x.contains(screening_exposure::immunosuppression);
    const auto add = [&](screening_test t, screening_domain d, screening_basis b, const char* req) {
        screening_item it;
        it.test = t;
        it.domain = d;
        it.basis = b;
        it.intensified = cgvhd;
        it.requirement = req;
        r.items.push_back(it);
    };
    for (const screening_row& row : screening_table()) {
        const screening_mark m = ds::mark_at(row, r.visit);
        if (m == screening_mark::none || (m == screening_mark::chronic_gvhd_or_is && !cgvhd_or_is)) {
            continue;
        }
        const auto member = ds::in_population(row.population, in);
        if (!member) {
            r.missing.insert(ds::field_of(row.population, in));
            continue;
        }
        if (!*member) {
            continue;
        }
        const screening_basis b = m == screening_mark::all                ? screening_basis::all_recipients
                                  : m == screening_mark::chronic_gvhd_or_is ? screening_basis::chronic_gvhd_or_is
                                                                            : screening_basis::reassess_if_indicated;
        add(row.test, row.domain, b, row.requirement);
    }
    // FU-SCR-004: the comments' extras
    if (x.contains(screening_exposure::oral_chronic_gvhd)) {
        add(screening_test::oral_cancer_evaluation_6_monthly, screening_domain::oral, screening_basis::oral_chronic_gvhd,
            "FU-SCR-004");
    }
    if (cgvhd) {
        add(screening_test::spirometry_each_control, screening_domain::respiratory, screening_basis::chronic_gvhd,
            "FU-SCR-004");
    }
    if (cgvhd || x.contains(screening_exposure::chronic_gvhd_risk)) {
        add(screening_test::joint_mobility_skin_sclerosis, screening_domain::muscle_connective,
            cgvhd ? screening_basis::chronic_gvhd : screening_basis::chronic_gvhd_risk, "FU-SCR-004");
    }
    if (x.contains(screening_exposure::tbi) && r.visit != screening_visit::month_6) {
        if (!in.recipient_sex) {
            r.missing.insert(screening_field::recipient_sex);
        } else if (*in.recipient_sex == hsct::sex::female) {
            add(screening_test::mammography_more_often, screening_domain::secondary_neoplasia, screening_basis::tbi,
                "FU-SCR-004");
        }
    }
    return out;
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_SCREENING_HPP
