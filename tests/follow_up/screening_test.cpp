// Tests for include/hsct/follow_up/screening.hpp: the late-effects due list of HB24 Table 22.1
// (after Majhail 2012) at the 6-month, 1-year and yearly reviews, its populations and exposures
// (FU-SCR-001..005).
#include <hsct/follow_up/screening.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_screening_test {

using namespace std::chrono;
namespace f = hsct::follow_up;
using t = f::screening_test;
using b = f::screening_basis;
using x = f::screening_exposure;

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

f::screening_input adult_woman(sys_days on, hsct::donor_type donor = hsct::donor_type::unrelated) {
    f::screening_input in;
    in.day0 = ymd(2024, 3, 1);
    in.on = on;
    in.donor = donor;
    in.recipient_sex = hsct::sex::female;
    in.child = false;
    in.pubertal = f::pubertal_status::postpubertal;
    return in;
}

f::screening_result due(const f::screening_input& in) {
    auto r = f::assess_screening(in);
    REQUIRE(r);
    return *r;
}

std::vector<t> tests_of(const f::screening_result& r) {
    std::vector<t> v;
    for (const auto& i : r.items) {
        v.push_back(i.test);
    }
    return v;
}

std::optional<f::screening_item> find(const f::screening_result& r, t test) {
    for (const auto& i : r.items) {
        if (i.test == test) {
            return i;
        }
    }
    return std::nullopt;
}

TEST_CASE("the review a date falls in: 6 months, 1 year, then yearly", "[follow_up][FU-SCR-001][HB24-22]") {
    // before 6 months the list does not apply (a value); the next review is named
    auto before = due(adult_woman(ymd(2024, 8, 31)));
    CHECK_FALSE(before.applies);
    CHECK(before.items.empty());
    CHECK(before.next_visit == ymd(2024, 9, 1));
    // 6 months: 2024-09-01 itself, and the day before the 1-year review
    for (const sys_days on : {ymd(2024, 9, 1), ymd(2025, 2, 28)}) {
        const auto r = due(adult_woman(on));
        CHECK(r.applies);
        CHECK(r.visit == f::screening_visit::month_6);
        CHECK(r.year == 0);
        CHECK(r.visit_date == ymd(2024, 9, 1));
        CHECK(r.next_visit == ymd(2025, 3, 1));
    }
    const auto one = due(adult_woman(ymd(2025, 3, 1)));
    CHECK(one.visit == f::screening_visit::year_1);
    CHECK(one.year == 1);
    const auto three = due(adult_woman(ymd(2027, 6, 1)));
    CHECK(three.visit == f::screening_visit::annual);
    CHECK(three.year == 3);
    CHECK(three.visit_date == ymd(2027, 3, 1));
    CHECK(three.next_visit == ymd(2028, 3, 1));
    // a 29 February Day 0: the 1-year review on 28 February 2025 (month-end policy)
    auto leap = adult_woman(ymd(2025, 2, 28));
    leap.day0 = ymd(2024, 2, 29);
    CHECK(due(leap).visit == f::screening_visit::year_1);
    leap.on = ymd(2025, 2, 27);
    CHECK(due(leap).visit == f::screening_visit::month_6);
    CHECK(due(leap).visit_date == ymd(2024, 8, 29));
}

TEST_CASE("the 6-month list of Table 22.1 for an adult woman without exposures", "[follow_up][FU-SCR-002][HB24-22]") {
    const auto r = due(adult_woman(ymd(2024, 9, 1)));
    // marks "1" and "+" at 6 months, in the table's order; no "2" row without chronic GVHD or IS;
    // prepubertal gonadal function not for a postpubertal woman
    const std::vector<t> expected{
        t::ocular_symptoms, t::visual_acuity_fundus, t::oral_preventive_care, t::oral_clinical_assessment,
        t::dental_assessment, t::pulmonary_clinical_assessment, t::tobacco_avoidance, t::pulmonary_function_tests,
        t::cardiovascular_risk_factors, t::liver_function_tests, t::blood_pressure, t::urine_protein, t::bun_creatinine,
        t::physical_activity_counselling, t::neurological_evaluation, t::skin_self_examination, t::pjp_prophylaxis,
        t::immunisations, t::psychosocial_assessment, t::quality_of_life, t::sexual_function};
    CHECK(tests_of(r) == expected);
    CHECK(find(r, t::ocular_symptoms)->basis == b::all_recipients);
    CHECK(find(r, t::visual_acuity_fundus)->basis == b::reassess_if_indicated);
    CHECK(find(r, t::pulmonary_function_tests)->basis == b::reassess_if_indicated);
    CHECK(find(r, t::cardiovascular_risk_factors)->domain == f::screening_domain::cardiovascular);
    CHECK_FALSE(find(r, t::ocular_symptoms)->intensified);
    CHECK(r.missing.empty());
}

TEST_CASE("the 1-year and yearly lists add the rows that start at 1 year", "[follow_up][FU-SCR-002][FU-SCR-003][HB24-22]") {
    const auto one = due(adult_woman(ymd(2025, 3, 1)));
    for (const t added : {t::serum_ferritin, t::bone_density, t::cognitive_development, t::thyroid_function,
                          t::gonadal_function_postpubertal_women, t::gynaecological_examination,
                          t::cancer_counselling_self_examination, t::population_cancer_screening}) {
        CAPTURE(hsct::id(added));
        CHECK(find(one, added).has_value());
    }
    CHECK(find(one, t::visual_acuity_fundus)->basis == b::all_recipients);   // "1" at 1 year
    CHECK_FALSE(find(one, t::pjp_prophylaxis).has_value());                   // "2" from 1 year
    CHECK_FALSE(find(one, t::growth_speed).has_value());                      // children only
    const auto annual = due(adult_woman(ymd(2026, 3, 1)));
    CHECK(find(annual, t::visual_acuity_fundus)->basis == b::reassess_if_indicated);  // "+" annually
    CHECK(find(annual, t::serum_ferritin)->basis == b::reassess_if_indicated);
    CHECK(find(annual, t::bone_density)->basis == b::reassess_if_indicated);
    CHECK(find(annual, t::gonadal_function_postpubertal_women)->basis == b::reassess_if_indicated);
    CHECK(find(annual, t::dental_assessment)->basis == b::all_recipients);
}

TEST_CASE("population rows: bone density, growth, gonadal function, gynaecology", "[follow_up][FU-SCR-003][HB24-22]") {
    const sys_days year1 = ymd(2025, 3, 1);
    // bone density: adult women, every allogeneic recipient, and high risk of bone loss
    auto auto_man = adult_woman(year1, hsct::donor_type::autologous);
    auto_man.recipient_sex = hsct::sex::male;
    CHECK_FALSE(find(due(auto_man), t::bone_density).has_value());
    auto allo_man = auto_man;
    allo_man.donor = hsct::donor_type::hla_identical_sibling;
    CHECK(find(due(allo_man), t::bone_density).has_value());
    auto steroids = auto_man;
    steroids.exposures.insert(x::prolonged_steroids);
    CHECK(find(due(steroids), t::bone_density).has_value());
    CHECK(find(due(adult_woman(year1, hsct::donor_type::autologous)), t::bone_density).has_value());
    auto girl = adult_woman(year1, hsct::donor_type::autologous);
    girl.child = true;
    girl.pubertal = f::pubertal_status::prepubertal;
    const auto g = due(girl);
    CHECK_FALSE(find(g, t::bone_density).has_value());
    CHECK(find(g, t::growth_speed).has_value());
    CHECK(find(g, t::gonadal_function_prepubertal).has_value());
    CHECK_FALSE(find(g, t::gonadal_function_postpubertal_women).has_value());
    CHECK(find(g, t::gynaecological_examination).has_value());
    // postpubertal men: "+" at 1 year
    auto man = allo_man;
    CHECK(find(due(man), t::gonadal_function_postpubertal_men)->basis == b::reassess_if_indicated);
    CHECK_FALSE(find(due(man), t::gynaecological_examination).has_value());
    CHECK_FALSE(find(due(man), t::gonadal_function_postpubertal_women).has_value());
    // missing inputs are named, and the rows they decide are left out
    f::screening_input unknown;
    unknown.day0 = ymd(2024, 3, 1);
    unknown.on = year1;
    unknown.donor = hsct::donor_type::autologous;
    const auto u = due(unknown);
    CHECK(u.missing.contains(f::screening_field::recipient_sex));
    CHECK(u.missing.contains(f::screening_field::child));
    CHECK(u.missing.contains(f::screening_field::pubertal));
    CHECK_FALSE(find(u, t::bone_density).has_value());
    CHECK_FALSE(find(u, t::gynaecological_examination).has_value());
    CHECK(find(u, t::thyroid_function).has_value());
}

TEST_CASE("chronic GVHD and immunosuppression add the \"2\" rows; chronic GVHD tightens the list",
          "[follow_up][FU-SCR-002][FU-SCR-004][HB24-22]") {
    auto is_only = adult_woman(ymd(2025, 3, 1));
    is_only.exposures.insert(x::immunosuppression);
    const auto r = due(is_only);
    CHECK(find(r, t::muscle_weakness)->basis == b::chronic_gvhd_or_is);
    CHECK(find(r, t::encapsulated_organism_prophylaxis)->basis == b::chronic_gvhd_or_is);
    CHECK(find(r, t::pjp_prophylaxis)->basis == b::chronic_gvhd_or_is);
    CHECK_FALSE(find(r, t::muscle_weakness)->intensified);
    CHECK_FALSE(find(r, t::spirometry_each_control).has_value());
    auto cgvhd = adult_woman(ymd(2025, 3, 1));
    cgvhd.exposures.insert(x::chronic_gvhd);
    const auto c = due(cgvhd);
    CHECK(find(c, t::muscle_weakness).has_value());
    CHECK(find(c, t::spirometry_each_control)->basis == b::chronic_gvhd);
    CHECK(find(c, t::joint_mobility_skin_sclerosis)->basis == b::chronic_gvhd);
    CHECK_FALSE(find(c, t::oral_cancer_evaluation_6_monthly).has_value());
    CHECK(std::all_of(c.items.begin(), c.items.end(), [](const f::screening_item& i) { return i.intensified; }));
    auto oral = adult_woman(ymd(2024, 9, 1));
    oral.exposures.insert(x::oral_chronic_gvhd);
    const auto o = due(oral);
    CHECK(find(o, t::oral_cancer_evaluation_6_monthly)->basis == b::oral_chronic_gvhd);
    CHECK(find(o, t::spirometry_each_control).has_value());  // oral chronic GVHD is chronic GVHD
    auto risk = adult_woman(ymd(2024, 9, 1));
    risk.exposures.insert(x::chronic_gvhd_risk);
    CHECK(find(due(risk), t::joint_mobility_skin_sclerosis)->basis == b::chronic_gvhd_risk);
    CHECK_FALSE(find(due(risk), t::muscle_weakness).has_value());
}

TEST_CASE("TBI: mammography more often for women from the 1-year review", "[follow_up][FU-SCR-004][HB24-22]") {
    auto woman = adult_woman(ymd(2025, 3, 1));
    woman.exposures.insert(x::tbi);
    CHECK(find(due(woman), t::mammography_more_often)->basis == b::tbi);
    woman.on = ymd(2024, 9, 1);
    CHECK_FALSE(find(due(woman), t::mammography_more_often).has_value());
    auto man = adult_woman(ymd(2025, 3, 1));
    man.recipient_sex = hsct::sex::male;
    man.exposures.insert(x::tbi);
    CHECK_FALSE(find(due(man), t::mammography_more_often).has_value());
    auto unknown = man;
    unknown.recipient_sex.reset();
    const auto u = due(unknown);
    CHECK_FALSE(find(u, t::mammography_more_often).has_value());
    CHECK(u.missing.contains(f::screening_field::recipient_sex));
}

TEST_CASE("the due list allocates nothing", "[follow_up][FU-SCR-001]") {
    auto in = adult_woman(ymd(2026, 3, 1));
    in.exposures.insert(x::chronic_gvhd);
    const hsct_test::allocation_counter n;
    const auto r = f::assess_screening(in);
    CHECK(n.count() == 0);
    REQUIRE(r);
    CHECK(r->items.size() > 20);
}

TEST_CASE("bad screening input is refused naming the field", "[follow_up][FU-SCR-005]") {
    auto early = adult_woman(ymd(2024, 2, 29));
    auto e = f::assess_screening(early);
    REQUIRE_FALSE(e);
    CHECK(e.error().field() == "screening.on");
    CHECK(e.error().valid_range() == "on or after Day 0 2024-03-01");
    auto late = adult_woman(ymd(2200, 1, 1));
    CHECK(f::assess_screening(late).error().field() == "screening.on");
    auto type = adult_woman(ymd(2025, 3, 1));
    type.donor = static_cast<hsct::donor_type>(0);
    CHECK(f::assess_screening(type).error().field() == "screening.donor");
    f::screening_input unset;  // the donor kind has no default
    unset.day0 = ymd(2024, 3, 1);
    unset.on = ymd(2025, 3, 1);
    CHECK(f::assess_screening(unset).error().field() == "screening.donor");
    auto sex = adult_woman(ymd(2025, 3, 1));
    sex.recipient_sex = static_cast<hsct::sex>(0);
    CHECK(f::assess_screening(sex).error().field() == "screening.recipient_sex");
    auto pub = adult_woman(ymd(2025, 3, 1));
    pub.pubertal = static_cast<f::pubertal_status>(9);
    CHECK(f::assess_screening(pub).error().field() == "screening.pubertal");
    f::screening_options o;
    o.leap_day = static_cast<f::month_end_policy>(0);
    CHECK(f::assess_screening(adult_woman(ymd(2025, 3, 1)), o).error().field() == "screening_options.leap_day");
}

}  // namespace hsct_test_follow_up_screening_test
