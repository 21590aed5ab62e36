// Tests for include/hsct/patient/hct_ci.hpp: the HCT-CI (Sorror 2005), its definition sets, the
// HCT-CI/age composite (Sorror 2014), missing data and bad input, and the result as data
// (criteria, outcomes, missing inputs; CORE-EXPLAIN-001). Text: hct_ci_text_test.cpp.
#include <hsct/patient/hct_ci.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <functional>
#include <optional>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "support/catch.hpp"
#include "support/hct_ci_inputs.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_hct_ci_test {

namespace hp = hsct::patient;
namespace u = hsct::units;
using hp::hct_ci_definition_set;
using hp::hct_ci_item;

namespace {

hsct::percent pct(double v) { return hsct::percent(v, u::pct); }

hsct::age years(int y) { return hsct::age::make(y, 0).value(); }

hsct::lab_with_uln<hsct::bilirubin> make_bili(hsct::bilirubin v, hsct::bilirubin uln) {
    return hsct::lab_with_uln<hsct::bilirubin>::make(v, uln).value();
}

// Every item known and absent: the score must be 0 and complete.
hp::hct_ci_input baseline() { return hsct_test::hct_ci_baseline(); }

hp::hct_ci_options under(hct_ci_definition_set s) {
    hp::hct_ci_options o;
    o.definition_set = s;
    return o;
}

hp::hct_ci_result assess(const hp::hct_ci_input& in,
                         hct_ci_definition_set s = hct_ci_definition_set::sorror_2013) {
    auto r = hp::assess_hct_ci(in, under(s));
    const std::string error_text = r ? std::string() : r.error().message();
    CAPTURE(error_text);
    REQUIRE(r.has_value());
    return r.value();
}

int points(const hp::hct_ci_input& in,
           hct_ci_definition_set s = hct_ci_definition_set::sorror_2013) {
    return assess(in, s).score.value();
}

using hp::hct_ci_criterion;
using hp::hct_ci_field;
using hp::hct_ci_item_status;
using crit = hsct::criterion<hct_ci_criterion>;

/// The item's result when it scored.
std::optional<hp::hct_ci_item_result> finding(const hp::hct_ci_result& r, hct_ci_item i) {
    const auto it = r.item(i);
    if (it.status != hct_ci_item_status::scored) {
        return std::nullopt;
    }
    return it;
}

/// The record of a criterion, if it was evaluated.
std::optional<crit> criterion(const hp::hct_ci_result& r, hct_ci_criterion c) {
    return r.criteria.find(c);
}

/// The first met criterion of an item (in criterion order).
std::optional<crit> deciding(const hp::hct_ci_result& r, hct_ci_item i) {
    for (const auto& x : r.criteria) {
        if (hp::hct_ci_item_of(x.id) == i && x.result == hsct::outcome::met) {
            return x;
        }
    }
    return std::nullopt;
}

std::size_t count(const hp::hct_ci_result& r, hct_ci_item_status s) {
    std::size_t n = 0;
    for (const auto& it : r.items()) {
        n += it.status == s ? 1 : 0;
    }
    return n;
}

std::vector<hct_ci_item> items_with(const hp::hct_ci_result& r, hct_ci_item_status s) {
    std::vector<hct_ci_item> out;
    for (const auto& it : r.items()) {
        if (it.status == s) {
            out.push_back(it.item);
        }
    }
    return out;
}

std::vector<hct_ci_item> unverified(const hp::hct_ci_result& r) {
    std::vector<hct_ci_item> out;
    r.unverified_readings().for_each([&](hct_ci_item i) { out.push_back(i); });
    return out;
}

hsct::lab_with_uln<hsct::bilirubin> bili_x_uln(double times) {
    return make_bili(hsct::bilirubin(1.2 * times, u::mg_per_dl), hsct::bilirubin(1.2, u::mg_per_dl));
}
hsct::lab_with_uln<hsct::alt> alt_x_uln(double times) {
    return hsct::lab_with_uln<hsct::alt>::make(hsct::alt(40.0 * times, u::u_per_l),
                                               hsct::alt(40.0, u::u_per_l)).value();
}
hsct::lab_with_uln<hsct::ast> ast_x_uln(double times) {
    return hsct::lab_with_uln<hsct::ast>::make(hsct::ast(40.0 * times, u::u_per_l),
                                               hsct::ast(40.0, u::u_per_l)).value();
}

constexpr std::array<hct_ci_definition_set, 3> all_sets{hct_ci_definition_set::sorror_2005,
                                                        hct_ci_definition_set::sorror_2013,
                                                        hct_ci_definition_set::cibmtr};

// Compile-time misuse checks.
template <class T>
concept fev1_assignable_from = requires(hp::hct_ci_pulmonary p, T v) { p.fev1 = v; };
template <class T>
concept creatinine_assignable_from = requires(hp::hct_ci_renal k, T v) { k.creatinine = v; };
template <class T>
concept bilirubin_assignable_from = requires(hp::hct_ci_hepatic h, T v) { h.bilirubin = v; };
template <class T>
concept bmi_assignable_from = requires(hp::hct_ci_obesity o, T v) { o.bmi = v; };
template <class T>
concept points_from = requires(T v) { hp::hct_ci_points::make(v); };
template <class T>
concept implicit_points_from = std::is_convertible_v<T, hp::hct_ci_points>;

}  // namespace

TEST_CASE("item weights are those of Sorror 2005", "[patient][hct_ci][PAT-HCTCI-001][Sorror-2005]") {
    CHECK(hp::hct_ci_weight(hct_ci_item::arrhythmia)->value() == 1);
    CHECK(hp::hct_ci_weight(hct_ci_item::infection)->value() == 1);
    CHECK(hp::hct_ci_weight(hct_ci_item::hepatic_mild)->value() == 1);
    CHECK(hp::hct_ci_weight(hct_ci_item::renal)->value() == 2);
    CHECK(hp::hct_ci_weight(hct_ci_item::pulmonary_moderate)->value() == 2);
    CHECK(hp::hct_ci_weight(hct_ci_item::prior_solid_tumour)->value() == 3);
    CHECK(hp::hct_ci_weight(hct_ci_item::hepatic_severe)->value() == 3);
    // a stored number that is no item has no weight: an error, not a guess
    const auto bad = hp::hct_ci_weight(static_cast<hct_ci_item>(18));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::out_of_range);
    int ones = 0;
    int twos = 0;
    int threes = 0;
    for (const auto i : hsct::values<hp::hct_ci_item>()) {
        const int w = hp::hct_ci_weight(i)->value();
        ones += w == 1 ? 1 : 0;
        twos += w == 2 ? 1 : 0;
        threes += w == 3 ? 1 : 0;
    }
    CHECK(ones == 9);
    CHECK(twos == 4);
    CHECK(threes == 4);
}

TEST_CASE("an input with every item known and absent scores 0, complete, low risk",
          "[patient][hct_ci][PAT-HCTCI-016][PAT-HCTCI-018]") {
    for (const auto s : all_sets) {
        CAPTURE(hp::to_string(s));
        const auto r = assess(baseline(), s);
        CHECK(r.score.value() == 0);
        CHECK(r.complete());
        CHECK(r.risk_group == hp::hct_ci_risk_group::low);
        CHECK(r.risk_group_final());
        CHECK(r.options.definition_set == s);
        CHECK(r.options.tiers == hp::hct_ci_tier_policy::higher_tier_only);
        CHECK(count(r, hct_ci_item_status::scored) == 0);
        CHECK(r.missing().empty());
        // every criterion was decided, none met
        for (const auto& c : r.criteria) {
            CAPTURE(hsct::id(c.id));
            CHECK((c.result == hsct::outcome::not_met || c.result == hsct::outcome::not_applicable));
        }
    }
}

TEST_CASE("E1: additive score 7, high; with age 58 the composite is 8 (>= 5)",
          "[patient][hct_ci][E1][PAT-HCTCI-001][PAT-HCTCI-016][PAT-HCTCI-017][Sorror-2005][Sorror-2014]") {
    auto in = baseline();
    in.age_at_hct = years(58);
    in.arrhythmia = true;
    in.diabetes = hp::diabetes_treatment::oral_agents;
    in.pulmonary.fev1 = pct(72.0);
    in.prior_tumours = std::vector<hp::prior_tumour>{hp::prior_tumour::other_solid_tumour};
    for (const auto s : all_sets) {
        CAPTURE(hp::to_string(s));
        const auto r = assess(in, s);
        CHECK(r.score.value() == 7);
        CHECK(r.risk_group == hp::hct_ci_risk_group::high);
        REQUIRE(count(r, hct_ci_item_status::scored) == 4);
        const auto f = finding(r, hct_ci_item::pulmonary_moderate);
        REQUIRE(f.has_value());
        CHECK(f->points.value() == 2);
        const auto c = deciding(r, hct_ci_item::pulmonary_moderate);
        REQUIRE(c.has_value());
        CHECK(c->id == hct_ci_criterion::fev1_moderate);
        CHECK(c->requirement == std::string_view("PAT-HCTCI-002"));
        CHECK(c->cmp == hsct::comparator::less_equal);
        CHECK(c->threshold == 80.0);
        CHECK(c->measured.number() == 72.0);
        CHECK(c->measured.as<hsct::percent>()->in(u::pct) == 72.0);
        CHECK(criterion(r, hct_ci_criterion::fev1_severe)->result == hsct::outcome::not_met);
        REQUIRE(r.with_age.has_value());
        CHECK(r.with_age->age_points.value() == 1);
        CHECK(r.with_age->total.value() == 8);
        CHECK(r.with_age->group == hp::hct_ci_age_group::score_5_or_more);
        CHECK(r.with_age->complete);
    }
}

TEST_CASE("E2: age boundary of the HCT-CI/age composite",
          "[patient][hct_ci][E2][PAT-HCTCI-017][PAT-AGE-002][Sorror-2014]") {
    auto in = baseline();
    in.peptic_ulcer = true;
    in.age_at_hct = years(39);
    auto r = assess(in);
    CHECK(r.score.value() == 2);
    CHECK(r.risk_group == hp::hct_ci_risk_group::intermediate);
    REQUIRE(r.with_age.has_value());
    CHECK(r.with_age->total.value() == 2);
    CHECK(r.with_age->group == hp::hct_ci_age_group::score_0_to_2);
    CHECK(r.with_age->age.id == hct_ci_criterion::age_40_or_more);
    CHECK(r.with_age->age.result == hsct::outcome::not_met);
    CHECK(r.with_age->age.measured.number() == 39.0);
    CHECK(r.with_age->age.measured.counted_in() == hsct::count_unit::years);
    CHECK(r.with_age->age.threshold == 40.0);
    CHECK(r.with_age->age.cmp == hsct::comparator::greater_equal);

    in.age_at_hct = years(40);
    r = assess(in);
    CHECK(r.with_age->total.value() == 3);
    CHECK(r.with_age->group == hp::hct_ci_age_group::score_3_to_4);

    // 39 years 11 months: no point under either resolution; 40 y 1 mo: a point under both.
    for (const auto res : {hsct::age_resolution::completed_years, hsct::age_resolution::exact}) {
        CAPTURE(hp::to_string(res));
        CHECK(hp::hct_ci_with_age(r, hsct::age::make(39, 11).value(), res).value()
                  .age_points.value() == 0);
        const auto w = hp::hct_ci_with_age(r, hsct::age::make(40, 1).value(), res).value();
        CHECK(w.age_points.value() == 1);
        CHECK(w.resolution == res);
    }
    // The composite groups at their edges.
    CHECK(hp::hct_ci_age_group_of(hp::hct_ci_points::of<4>()) == hp::hct_ci_age_group::score_3_to_4);
    CHECK(hp::hct_ci_age_group_of(hp::hct_ci_points::of<5>()) == hp::hct_ci_age_group::score_5_or_more);
    CHECK(hp::hct_ci_risk_group_of(hp::hct_ci_points::of<0>()) == hp::hct_ci_risk_group::low);
    CHECK(hp::hct_ci_risk_group_of(hp::hct_ci_points::of<1>()) == hp::hct_ci_risk_group::intermediate);
    CHECK(hp::hct_ci_risk_group_of(hp::hct_ci_points::of<2>()) == hp::hct_ci_risk_group::intermediate);
    CHECK(hp::hct_ci_risk_group_of(hp::hct_ci_points::of<3>()) == hp::hct_ci_risk_group::high);
}

TEST_CASE("E3: only the higher tier of an organ scores", "[patient][hct_ci][E3][PAT-HCTCI-015]") {
    auto in = baseline();
    in.pulmonary.dlco = pct(70.0);
    in.pulmonary.requires_oxygen = true;
    auto r = assess(in);
    CHECK(r.score.value() == 3);
    CHECK(r.scored_item(hct_ci_item::pulmonary_severe));
    CHECK_FALSE(r.scored_item(hct_ci_item::pulmonary_moderate));
    CHECK(items_with(r, hct_ci_item_status::superseded) ==
          std::vector<hct_ci_item>{hct_ci_item::pulmonary_moderate});
    CHECK(criterion(r, hct_ci_criterion::dlco_moderate)->result == hsct::outcome::met);
    CHECK(criterion(r, hct_ci_criterion::oxygen_need)->result == hsct::outcome::met);

    in = baseline();
    in.hepatic.bilirubin = bili_x_uln(1.3);
    in.hepatic.cirrhosis = true;
    r = assess(in);
    CHECK(r.score.value() == 3);
    CHECK(r.scored_item(hct_ci_item::hepatic_severe));
    CHECK_FALSE(r.scored_item(hct_ci_item::hepatic_mild));
    CHECK(items_with(r, hct_ci_item_status::superseded) ==
          std::vector<hct_ci_item>{hct_ci_item::hepatic_mild});

    // a severe value alone meets the mild criterion too: the mild item is superseded
    in = baseline();
    in.hepatic.bilirubin = bili_x_uln(2.0);
    r = assess(in);
    CHECK(r.score.value() == 3);
    CHECK(r.item(hct_ci_item::hepatic_mild).status == hct_ci_item_status::superseded);
    CHECK(r.item(hct_ci_item::hepatic_mild).points.value() == 0);
}

TEST_CASE("E4: threshold vectors, row by row", "[patient][hct_ci][E4][PAT-HCTCI-002][PAT-HCTCI-004]"
          "[PAT-HCTCI-006][PAT-HCTCI-007][PAT-HCTCI-008][PAT-HCTCI-009][PAT-HCTCI-010][Sorror-2005]") {
    struct row {
        const char* name;
        std::function<void(hp::hct_ci_input&)> set;
        int expected;
    };
    const std::vector<row> rows{
        {"FEV1 81%", [](auto& in) { in.pulmonary.fev1 = pct(81.0); }, 0},
        {"FEV1 80%", [](auto& in) { in.pulmonary.fev1 = pct(80.0); }, 2},
        {"DLCO 66%", [](auto& in) { in.pulmonary.dlco = pct(66.0); }, 2},
        {"DLCO 65%", [](auto& in) { in.pulmonary.dlco = pct(65.0); }, 3},
        {"bilirubin 1.5 x ULN", [](auto& in) { in.hepatic.bilirubin = bili_x_uln(1.5); }, 1},
        {"bilirubin 1.51 x ULN", [](auto& in) { in.hepatic.bilirubin = bili_x_uln(1.51); }, 3},
        {"ALT 2.5 x ULN", [](auto& in) { in.hepatic.alt = alt_x_uln(2.5); }, 1},
        {"ALT 2.6 x ULN", [](auto& in) { in.hepatic.alt = alt_x_uln(2.6); }, 3},
        {"creatinine 2.0", [](auto& in) { in.renal.creatinine = hsct::creatinine(2.0, u::mg_per_dl); }, 0},
        {"creatinine 2.01", [](auto& in) { in.renal.creatinine = hsct::creatinine(2.01, u::mg_per_dl); }, 2},
        {"BMI 35.0", [](auto& in) { in.obesity.bmi = hsct::body_mass_index(35.0, u::kg_per_m2); }, 0},
        {"BMI 35.1", [](auto& in) { in.obesity.bmi = hsct::body_mass_index(35.1, u::kg_per_m2); }, 1},
        {"LVEF 50%", [](auto& in) { in.cardiac.lvef = pct(50.0); }, 1},
        {"LVEF 51%", [](auto& in) { in.cardiac.lvef = pct(51.0); }, 0},
        {"basal cell carcinoma",
         [](auto& in) {
             in.prior_tumours = std::vector<hp::prior_tumour>{hp::prior_tumour::non_melanoma_skin_cancer};
         },
         0},
        {"asymptomatic MVP",
         [](auto& in) { in.heart_valve = hp::heart_valve_finding::mitral_valve_prolapse_asymptomatic; }, 0},
    };
    for (const auto s : all_sets) {
        for (const auto& r : rows) {
            CAPTURE(hp::to_string(s), r.name);
            auto in = baseline();
            r.set(in);
            const auto res = assess(in, s);
            CHECK(res.score.value() == r.expected);
            CHECK(res.complete());
        }
    }
}

TEST_CASE("E5: the maximum is 26 with tier exclusivity", "[patient][hct_ci][E5][PAT-HCTCI-015]") {
    hp::hct_ci_input in = baseline();
    in.arrhythmia = true;
    in.cardiac.myocardial_infarction = true;
    in.inflammatory_bowel_disease = true;
    in.diabetes = hp::diabetes_treatment::insulin;
    in.cerebrovascular = true;
    in.psychiatric = hp::psychiatric_history::at_time_of_hct;
    in.obesity.bmi = hsct::body_mass_index(40.0, u::kg_per_m2);
    in.infection.antimicrobials_continued_after_day_0 = true;
    in.infection.infection_treated_across_conditioning_start = true;
    in.rheumatologic = true;
    in.peptic_ulcer = true;
    in.renal.on_dialysis = true;
    in.prior_tumours = std::vector<hp::prior_tumour>{hp::prior_tumour::other_solid_tumour};
    in.heart_valve = hp::heart_valve_finding::other_valve_disease;
    // both tiers of both organs present
    in.pulmonary.fev1 = pct(75.0);
    in.pulmonary.dyspnoea_level = hp::dyspnoea::at_rest;
    in.hepatic.chronic_hepatitis = true;
    in.hepatic.cirrhosis = true;
    for (const auto s : all_sets) {
        CAPTURE(hp::to_string(s));
        const auto r = assess(in, s);
        CHECK(r.score.value() == 26);
        CHECK(count(r, hct_ci_item_status::scored) == 15);
        CHECK(count(r, hct_ci_item_status::superseded) == 2);
        in.age_at_hct = years(60);
        CHECK(assess(in, s).with_age->total.value() == 27);
    }
}

TEST_CASE("pulmonary: below, at and above 65 and 80 % of predicted; the worse value decides",
          "[patient][hct_ci][PAT-HCTCI-002][Sorror-2005][Sorror-2013]") {
    const std::vector<std::pair<double, int>> cases{
        {50.0, 3}, {64.9, 3}, {65.0, 3}, {65.4, 2}, {66.0, 2}, {79.9, 2}, {80.0, 2}, {80.1, 0}, {81.0, 0}, {120.0, 0}};
    for (const auto& [v, want] : cases) {
        CAPTURE(v);
        auto in = baseline();
        in.pulmonary.fev1 = pct(v);
        CHECK(points(in) == want);
        in = baseline();
        in.pulmonary.dlco = pct(v);
        CHECK(points(in) == want);
    }
    auto in = baseline();
    in.pulmonary.fev1 = pct(78.0);
    in.pulmonary.dlco = pct(60.0);
    auto r = assess(in);
    CHECK(r.score.value() == 3);
    CHECK(deciding(r, hct_ci_item::pulmonary_severe)->id == hct_ci_criterion::dlco_severe);
    CHECK(deciding(r, hct_ci_item::pulmonary_severe)->measured.number() == 60.0);
    // dyspnoea and oxygen qualify on their own
    in = baseline();
    in.pulmonary.dyspnoea_level = hp::dyspnoea::on_slight_activity;
    CHECK(points(in) == 2);
    in.pulmonary.dyspnoea_level = hp::dyspnoea::at_rest;
    CHECK(points(in) == 3);
    in = baseline();
    in.pulmonary.requires_oxygen = true;
    r = assess(in);
    CHECK(r.score.value() == 3);
    CHECK(deciding(r, hct_ci_item::pulmonary_severe)->id == hct_ci_criterion::oxygen_need);
    CHECK(deciding(r, hct_ci_item::pulmonary_severe)->measured == hsct::measure::flag(true));
}

TEST_CASE("hepatic: bilirubin and AST/ALT as multiples of the ULN", "[patient][hct_ci][PAT-HCTCI-004][PAT-HCTCI-020][Sorror-2013]") {
    const std::vector<std::pair<double, int>> bili{{1.0, 0}, {1.01, 1}, {1.3, 1}, {1.5, 1}, {1.51, 3}, {3.0, 3}};
    for (const auto& [x, want] : bili) {
        CAPTURE(x);
        auto in = baseline();
        in.hepatic.bilirubin = bili_x_uln(x);
        CHECK(points(in) == want);
    }
    const std::vector<std::pair<double, int>> tx{{1.0, 0}, {1.1, 1}, {2.5, 1}, {2.51, 3}, {2.6, 3}};
    for (const auto& [x, want] : tx) {
        CAPTURE(x);
        auto in = baseline();
        in.hepatic.ast = ast_x_uln(x);
        CHECK(points(in) == want);
        in = baseline();
        in.hepatic.alt = alt_x_uln(x);
        CHECK(points(in) == want);
    }
    // Decimal values whose binary ratio is a rounding error above 1.5: still 1.5 x ULN.
    auto in = baseline();
    in.hepatic.bilirubin = make_bili(hsct::bilirubin(1.8, u::mg_per_dl), hsct::bilirubin(1.2, u::mg_per_dl));
    auto r = assess(in);
    CHECK(r.score.value() == 1);
    const auto c = deciding(r, hct_ci_item::hepatic_mild);
    REQUIRE(c.has_value());
    CHECK(c->id == hct_ci_criterion::bilirubin_mild);
    CHECK(c->measured.counted_in() == hsct::count_unit::times_uln);
    CHECK(c->measured.number() == Approx(1.5));
    CHECK(criterion(r, hct_ci_criterion::bilirubin_severe)->result == hsct::outcome::not_met);
    // The ratio is unit-free: umol/L value against a mg/dL ULN.
    in.hepatic.bilirubin = make_bili(hsct::bilirubin(41.04, u::umol_per_l), hsct::bilirubin(1.2, u::mg_per_dl));
    CHECK(points(in) == 3);
    // A multiple of the ULN alone, as forms record it (issue 7 item 6).
    in.hepatic.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::from_multiple(1.6).value();
    r = assess(in);
    CHECK(r.score.value() == 3);
    CHECK(criterion(r, hct_ci_criterion::bilirubin_severe)->measured.number() == 1.6);
    in.hepatic.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::from_multiple(1.5).value();
    CHECK(points(in) == 1);
    in = baseline();
    in.hepatic.chronic_hepatitis = true;
    CHECK(points(in) == 1);
    in = baseline();
    in.hepatic.cirrhosis = true;
    CHECK(points(in) == 3);
}

TEST_CASE("renal: creatinine > 2 mg/dL in any unit, dialysis, prior renal transplant",
          "[patient][hct_ci][PAT-HCTCI-006][Sorror-2005][CORE-ANALYTE-002]") {
    const std::vector<std::pair<hsct::creatinine, int>> cases{
        {hsct::creatinine(1.99, u::mg_per_dl), 0},  {hsct::creatinine(2.0, u::mg_per_dl), 0},
        {hsct::creatinine(2.01, u::mg_per_dl), 2},  {hsct::creatinine(176.8, u::umol_per_l), 0},
        {hsct::creatinine(177.0, u::umol_per_l), 2}, {hsct::creatinine(178.0, u::umol_per_l), 2},
        {hsct::creatinine(20.0, u::mg_per_l), 0},   {hsct::creatinine(0.18, u::mmol_per_l), 2}};
    for (const auto& [c, want] : cases) {
        CAPTURE(hsct::to_string(c));
        auto in = baseline();
        in.renal.creatinine = c;
        CHECK(points(in) == want);
    }
    auto in = baseline();
    in.renal.creatinine = hsct::creatinine(178.0, u::umol_per_l);
    const auto c = deciding(assess(in), hct_ci_item::renal);
    REQUIRE(c.has_value());
    CHECK(c->id == hct_ci_criterion::creatinine);
    CHECK(c->measured.unit()->symbol == "mg/dL");
    CHECK(c->measured.number() == Approx(178.0 / 88.4));
    CHECK(c->measured.as<hsct::creatinine>()->in(u::umol_per_l) == Approx(178.0));
    CHECK(c->threshold == 2.0);
    // issue 7: 176.9 umol/L is 2.0011 mg/dL, above 2 (scored; the text shows 2.001, see
    // hct_ci_text_test.cpp)
    in.renal.creatinine = hsct::creatinine(176.9, u::umol_per_l);
    CHECK(points(in) == 2);
    in = baseline();
    in.renal.on_dialysis = true;
    CHECK(points(in) == 2);
    in = baseline();
    in.renal.prior_renal_transplant = true;
    CHECK(points(in) == 2);
}

TEST_CASE("cardiac, obesity, tumour, diabetes and the one-flag items",
          "[patient][hct_ci][PAT-HCTCI-007][PAT-HCTCI-008][PAT-HCTCI-009][PAT-HCTCI-013][PAT-HCTCI-014]") {
    for (const double ef : {49.0, 50.0}) {
        auto in = baseline();
        in.cardiac.lvef = pct(ef);
        CHECK(points(in) == 1);
    }
    auto in = baseline();
    in.cardiac.congestive_heart_failure = true;
    CHECK(points(in) == 1);
    in = baseline();
    in.cardiac.coronary_artery_disease = true;
    in.cardiac.lvef = pct(40.0);
    CHECK(points(in) == 1);  // one item, however many criteria

    for (const double b : {34.9, 35.0}) {
        in = baseline();
        in.obesity.bmi = hsct::body_mass_index(b, u::kg_per_m2);
        CHECK(points(in) == 0);
    }

    in = baseline();
    in.prior_tumours = std::vector<hp::prior_tumour>{hp::prior_tumour::melanoma};
    CHECK(points(in) == 3);
    in.prior_tumours = std::vector<hp::prior_tumour>{hp::prior_tumour::non_melanoma_skin_cancer,
                                                     hp::prior_tumour::other_solid_tumour};
    CHECK(points(in) == 3);

    in = baseline();
    in.diabetes = hp::diabetes_treatment::diet_only;
    CHECK(points(in) == 0);
    in.diabetes = hp::diabetes_treatment::insulin;
    CHECK(points(in) == 1);

    const std::vector<std::pair<std::function<void(hp::hct_ci_input&)>, int>> flags{
        {[](auto& i) { i.arrhythmia = true; }, 1},
        {[](auto& i) { i.inflammatory_bowel_disease = true; }, 1},
        {[](auto& i) { i.cerebrovascular = true; }, 1},
        {[](auto& i) { i.rheumatologic = true; }, 2},
        {[](auto& i) { i.peptic_ulcer = true; }, 2},
        {[](auto& i) { i.heart_valve = hp::heart_valve_finding::other_valve_disease; }, 3},
    };
    for (const auto s : all_sets) {
        for (const auto& [set, want] : flags) {
            CAPTURE(hp::to_string(s));
            auto x = baseline();
            set(x);
            CHECK(points(x, s) == want);
        }
    }
}

TEST_CASE("definition sets: heart valve, symptomatic MVP (K4)",
          "[patient][hct_ci][PAT-HCTCI-010][K4][Sorror-2005][Sorror-2013][CIBMTR]") {
    auto in = baseline();
    in.heart_valve = hp::heart_valve_finding::mitral_valve_prolapse_symptomatic;
    CHECK(points(in, hct_ci_definition_set::sorror_2005) == 0);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 3);
    CHECK(points(in, hct_ci_definition_set::cibmtr) == 3);
}

TEST_CASE("definition sets: hepatitis B or C history counts under CIBMTR only",
          "[patient][hct_ci][PAT-HCTCI-005][CIBMTR]") {
    auto in = baseline();
    in.hepatic.hepatitis_b_or_c_history = true;
    CHECK(points(in, hct_ci_definition_set::sorror_2005) == 0);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 0);
    const auto r = assess(in, hct_ci_definition_set::cibmtr);
    CHECK(r.score.value() == 1);
    CHECK(deciding(r, hct_ci_item::hepatic_mild)->id == hct_ci_criterion::hepatitis_b_or_c_history);
    CHECK(deciding(r, hct_ci_item::hepatic_mild)->requirement == std::string_view("PAT-HCTCI-005"));
    // outside CIBMTR the history is recorded as not applicable, never scored
    const auto s13 = assess(in, hct_ci_definition_set::sorror_2013);
    CHECK(criterion(s13, hct_ci_criterion::hepatitis_b_or_c_history)->result ==
          hsct::outcome::not_applicable);
    // Not needed outside CIBMTR: missing there does not make the item unassessable.
    in.hepatic.hepatitis_b_or_c_history.reset();
    CHECK(assess(in, hct_ci_definition_set::sorror_2013).complete());
    CHECK(assess(in, hct_ci_definition_set::cibmtr).is_unassessed(hct_ci_item::hepatic_mild));
}

TEST_CASE("hepatitis B or C history: HB24 Table 11.5 reading as an explicit policy",
          "[patient][hct_ci][PAT-HCTCI-022][PAT-HCTCI-005][HB24-11][CIBMTR]") {
    auto in = baseline();
    in.hepatic.hepatitis_b_or_c_history = true;
    // Default: per definition set (asserted, so a silent change of default fails here).
    CHECK(hp::hct_ci_options{}.hepatitis_history ==
          hp::hct_ci_hepatitis_history_policy::per_definition_set);
    CHECK(assess(in, hct_ci_definition_set::sorror_2005).options.hepatitis_history ==
          hp::hct_ci_hepatitis_history_policy::per_definition_set);
    // The handbook reading counts it under every set.
    for (const auto s : all_sets) {
        auto opt = under(s);
        opt.hepatitis_history = hp::hct_ci_hepatitis_history_policy::count_as_mild_hepatic;
        const auto r = hp::assess_hct_ci(in, opt).value();
        CAPTURE(hp::to_string(s));
        CHECK(r.score.value() == 1);
        CHECK(r.scored_item(hct_ci_item::hepatic_mild));
        CHECK(r.options.hepatitis_history == hp::hct_ci_hepatitis_history_policy::count_as_mild_hepatic);
    }
    auto hb = under(hct_ci_definition_set::sorror_2005);
    hb.hepatitis_history = hp::hct_ci_hepatitis_history_policy::count_as_mild_hepatic;
    const auto r2005 = hp::assess_hct_ci(in, hb).value();
    CHECK(deciding(r2005, hct_ci_item::hepatic_mild)->id ==
          hct_ci_criterion::hepatitis_b_or_c_history);
    CHECK(r2005.options.hepatitis_history ==
          hp::hct_ci_hepatitis_history_policy::count_as_mild_hepatic);
    // ...and then the history must be known under every set.
    in.hepatic.hepatitis_b_or_c_history.reset();
    CHECK(hp::assess_hct_ci(in, hb)->is_unassessed(hct_ci_item::hepatic_mild));
    // not_counted: never read, even under CIBMTR.
    auto none = under(hct_ci_definition_set::cibmtr);
    none.hepatitis_history = hp::hct_ci_hepatitis_history_policy::not_counted;
    CHECK(hp::assess_hct_ci(in, none)->complete());
    in.hepatic.hepatitis_b_or_c_history = true;
    CHECK(hp::assess_hct_ci(in, none)->score.value() == 0);
    CHECK(hp::to_string(hp::hct_ci_hepatitis_history_policy::count_as_mild_hepatic) ==
          "hepatitis B/C history counted (EBMT Handbook 2024 Table 11.5)");
}

TEST_CASE("CIBMTR items decided by an hsct reading are flagged unverified",
          "[patient][hct_ci][PAT-HCTCI-023][PAT-HCTCI-010][PAT-HCTCI-011][PAT-HCTCI-012][PAT-HCTCI-008][CIBMTR]") {
    // Baseline: every item known. Under CIBMTR infection, psychiatric and valve are decided (0)
    // by hsct's reading; under the Sorror sets nothing is.
    const auto base = assess(baseline(), hct_ci_definition_set::cibmtr);
    CHECK(unverified(base) == std::vector<hct_ci_item>{hct_ci_item::psychiatric,
                                                       hct_ci_item::infection,
                                                       hct_ci_item::heart_valve});
    CHECK_FALSE(base.readings_verified());
    CHECK(assess(baseline(), hct_ci_definition_set::sorror_2005).readings_verified());
    CHECK(assess(baseline(), hct_ci_definition_set::sorror_2013).readings_verified());

    // A scored infection under CIBMTR carries verified == false; the same under 2005 is verified.
    auto in = baseline();
    in.infection.antimicrobials_continued_after_day_0 = true;
    const auto cib = assess(in, hct_ci_definition_set::cibmtr);
    REQUIRE(finding(cib, hct_ci_item::infection).has_value());
    CHECK_FALSE(finding(cib, hct_ci_item::infection)->verified);
    CHECK_FALSE(deciding(cib, hct_ci_item::infection)->verified);
    CHECK(deciding(cib, hct_ci_item::infection)->id == hct_ci_criterion::antimicrobials_after_day_0);
    const auto s05 = assess(in, hct_ci_definition_set::sorror_2005);
    CHECK(finding(s05, hct_ci_item::infection)->verified);
    CHECK(s05.readings_verified());

    // Symptomatic MVP and a current psychiatric disturbance under CIBMTR: scored, unverified.
    in = baseline();
    in.heart_valve = hp::heart_valve_finding::mitral_valve_prolapse_symptomatic;
    in.psychiatric = hp::psychiatric_history::at_time_of_hct;
    const auto vp = assess(in, hct_ci_definition_set::cibmtr);
    CHECK(vp.score.value() == 4);
    CHECK_FALSE(finding(vp, hct_ci_item::heart_valve)->verified);
    CHECK_FALSE(finding(vp, hct_ci_item::psychiatric)->verified);
    // A CIBMTR item whose text was read (hepatitis history) stays verified.
    in = baseline();
    in.hepatic.hepatitis_b_or_c_history = true;
    CHECK(finding(assess(in, hct_ci_definition_set::cibmtr), hct_ci_item::hepatic_mild)->verified);

    // Obesity: the child rule under CIBMTR is an hsct reading; the adult BMI > 35 rule is not.
    in = baseline();
    in.age_at_hct = years(12);
    in.obesity.bmi_for_age_percentile = pct(97.0);
    const auto child = assess(in, hct_ci_definition_set::cibmtr);
    CHECK_FALSE(finding(child, hct_ci_item::obesity)->verified);
    CHECK(finding(assess(in, hct_ci_definition_set::sorror_2013), hct_ci_item::obesity)->verified);
    in = baseline();
    in.obesity.bmi = hsct::body_mass_index(36.0, u::kg_per_m2);
    const auto adult = assess(in, hct_ci_definition_set::cibmtr);
    CHECK(finding(adult, hct_ci_item::obesity)->verified);
    // An unassessed item is not a decision: no reading is listed for it.
    in = baseline();
    in.infection.antimicrobials_continued_after_day_0.reset();
    const auto un = assess(in, hct_ci_definition_set::cibmtr);
    CHECK(un.is_unassessed(hct_ci_item::infection));
    CHECK(unverified(un) == std::vector<hct_ci_item>{hct_ci_item::psychiatric,
                                                     hct_ci_item::heart_valve});
}

TEST_CASE("paediatric cut-off (< 18 y) under both age resolutions: 17 y 11 mo and 18 y 0 mo",
          "[patient][hct_ci][PAT-HCTCI-024][PAT-HCTCI-008][PAT-HCTCI-007][PAT-AGE-002]") {
    using std::chrono::day;
    using std::chrono::month;
    using std::chrono::year;
    const hsct::sys_days birth{year{2006} / month{3} / day{1}};
    const auto on = [&](int y, unsigned m, unsigned d) {
        return hsct::age::make(birth, hsct::sys_days{year{y} / month{m} / day{d}}).value();
    };
    struct row {
        hsct::age a;
        bool child;
    };
    const std::array<row, 5> rows{{
        {hsct::age::make(17, 11).value(), true},
        {hsct::age::make(18, 0).value(), false},
        {on(2024, 2, 1), true},    // 17 y 11 mo
        {on(2024, 2, 29), true},   // the day before the 18th birthday
        {on(2024, 3, 1), false},   // the 18th birthday: exact years 18.0
    }};
    for (const auto res : {hsct::age_resolution::completed_years, hsct::age_resolution::exact}) {
        for (const auto& x : rows) {
            CAPTURE(hp::to_string(res), hp::to_string(x.a), x.a.days());
            auto in = baseline();
            in.age_at_hct = x.a;
            in.obesity.bmi = hsct::body_mass_index(27.0, u::kg_per_m2);
            in.obesity.bmi_for_age_percentile = pct(96.0);
            in.cardiac.lvef.reset();
            in.cardiac.shortening_fraction = pct(25.0);
            auto opt = under(hct_ci_definition_set::cibmtr);
            opt.age_rule = res;
            const auto r = hp::assess_hct_ci(in, opt).value();
            // child: obese by percentile (1) and cardiac by shortening fraction (1);
            // adult: BMI 27 not obese, and the LVEF is missing so cardiac is unassessed.
            CHECK(r.scored_item(hct_ci_item::obesity) == x.child);
            CHECK(r.scored_item(hct_ci_item::cardiac) == x.child);
            CHECK(r.is_unassessed(hct_ci_item::cardiac) == !x.child);
            CHECK(r.score.value() == (x.child ? 2 : 0));
        }
    }
}

TEST_CASE("psychiatric disturbance scores only when current, under every definition set",
          "[patient][hct_ci][PAT-HCTCI-012][Sorror-2005][Sorror-2013][HB24-11]") {
    auto in = baseline();
    in.psychiatric = hp::psychiatric_history::past_only;
    // Sorror 2013 "at the time of HCT"; HB24 Table 11.5 (2005 wording) "ongoing treatment".
    CHECK(points(in, hct_ci_definition_set::sorror_2005) == 0);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 0);
    CHECK(points(in, hct_ci_definition_set::cibmtr) == 0);
    in.psychiatric = hp::psychiatric_history::at_time_of_hct;
    for (const auto s : all_sets) {
        CHECK(points(in, s) == 1);
    }
}

TEST_CASE("definition sets: infection wording", "[patient][hct_ci][PAT-HCTCI-011][Sorror-2005][Sorror-2013]") {
    auto in = baseline();
    in.infection.antimicrobials_continued_after_day_0 = true;
    CHECK(points(in, hct_ci_definition_set::sorror_2005) == 1);
    CHECK(points(in, hct_ci_definition_set::cibmtr) == 1);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 0);
    in = baseline();
    in.infection.infection_treated_across_conditioning_start = true;
    CHECK(points(in, hct_ci_definition_set::sorror_2005) == 0);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 1);
    // each set needs only its own question
    in = baseline();
    in.infection.antimicrobials_continued_after_day_0.reset();
    CHECK(assess(in, hct_ci_definition_set::sorror_2013).complete());
    CHECK(assess(in, hct_ci_definition_set::sorror_2005).is_unassessed(hct_ci_item::infection));
}

TEST_CASE("definition sets: paediatric obesity by BMI-for-age percentile",
          "[patient][hct_ci][PAT-HCTCI-008][Sorror-2013]") {
    auto in = baseline();
    in.age_at_hct = years(12);
    in.obesity.bmi = hsct::body_mass_index(27.0, u::kg_per_m2);
    in.obesity.bmi_for_age_percentile = pct(95.0);
    CHECK(points(in, hct_ci_definition_set::sorror_2005) == 0);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 1);
    CHECK(points(in, hct_ci_definition_set::cibmtr) == 1);
    in.obesity.bmi_for_age_percentile = pct(94.9);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 0);
    // a child without the percentile cannot be assessed (BMI <= 35)
    in.obesity.bmi_for_age_percentile.reset();
    CHECK(assess(in).is_unassessed(hct_ci_item::obesity));
    CHECK(assess(in, hct_ci_definition_set::sorror_2005).complete());
    // an adult: the percentile is ignored
    in.age_at_hct = years(18);
    in.obesity.bmi_for_age_percentile = pct(99.0);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 0);
    // age unknown and BMI <= 35: adult or child rule cannot be chosen
    in.age_at_hct.reset();
    CHECK(assess(in).is_unassessed(hct_ci_item::obesity));
}

TEST_CASE("definition sets: CIBMTR extras (shortening fraction, steroid hyperglycaemia)",
          "[patient][hct_ci][PAT-HCTCI-007][PAT-HCTCI-013][CIBMTR]") {
    auto in = baseline();
    in.age_at_hct = years(8);
    in.obesity.bmi_for_age_percentile = pct(50.0);  // a child needs it under CIBMTR
    in.cardiac.lvef.reset();
    in.cardiac.shortening_fraction = pct(25.0);
    CHECK(points(in, hct_ci_definition_set::cibmtr) == 1);
    in.cardiac.shortening_fraction = pct(26.0);
    const auto r = assess(in, hct_ci_definition_set::cibmtr);
    CHECK(r.score.value() == 0);
    CHECK(r.complete());
    // Sorror sets read only the LVEF
    CHECK(assess(in, hct_ci_definition_set::sorror_2013).is_unassessed(hct_ci_item::cardiac));

    in = baseline();
    in.diabetes = hp::diabetes_treatment::steroid_hyperglycaemia_on_medication;
    CHECK(points(in, hct_ci_definition_set::cibmtr) == 1);
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 0);
    CHECK(points(in, hct_ci_definition_set::sorror_2005) == 0);
}

TEST_CASE("DLCO haemoglobin correction: CIBMTR refuses an uncorrected DLCO",
          "[patient][hct_ci][PAT-HCTCI-003][CIBMTR]") {
    auto in = baseline();
    in.pulmonary.dlco = pct(70.0);
    in.pulmonary.dlco_basis = hp::dlco_correction::uncorrected;
    auto cib = hp::assess_hct_ci(in, under(hct_ci_definition_set::cibmtr));
    REQUIRE_FALSE(cib.has_value());
    CHECK(cib.error().code() == hsct::errc::not_allowed);
    CHECK(cib.error().field() == "hct_ci.pulmonary.dlco");
    CHECK(cib.error().value() == "70 % of predicted (not corrected for haemoglobin)");
    in.pulmonary.dlco_basis = hp::dlco_correction::not_stated;
    CHECK_FALSE(hp::assess_hct_ci(in, under(hct_ci_definition_set::cibmtr)).has_value());
    // Sorror sets accept it...
    CHECK(points(in, hct_ci_definition_set::sorror_2013) == 2);
    // ...unless the policy asks for correction
    auto opt = under(hct_ci_definition_set::sorror_2013);
    opt.dlco = hp::dlco_correction_policy::require_haemoglobin_corrected;
    CHECK_FALSE(hp::assess_hct_ci(in, opt).has_value());
    // and CIBMTR accepts it when told to
    opt = under(hct_ci_definition_set::cibmtr);
    opt.dlco = hp::dlco_correction_policy::accept_any;
    const auto ok = hp::assess_hct_ci(in, opt);
    REQUIRE(ok.has_value());
    CHECK(ok->options.dlco == hp::dlco_correction_policy::accept_any);
    CHECK(ok->score.value() == 2);
    in.pulmonary.dlco_basis = hp::dlco_correction::haemoglobin_corrected;
    CHECK(points(in, hct_ci_definition_set::cibmtr) == 2);
}

TEST_CASE("missing measurements are reported, never read as normal",
          "[patient][hct_ci][PAT-HCTCI-018]") {
    const auto empty = assess(hp::hct_ci_input{});
    CHECK(empty.score.value() == 0);
    CHECK_FALSE(empty.complete());
    CHECK_FALSE(empty.risk_group_final());
    CHECK(count(empty, hct_ci_item_status::unassessed) == 17);
    // Every input except those Sorror 2013 does not read here: the CIBMTR-only hepatitis
    // history and shortening fraction, the 2005 infection question, and the BMI and percentile
    // (with the age unknown, the age decides which obesity rule applies, so it is what is missing).
    CHECK(empty.missing().size() == 27);
    CHECK(empty.missing().contains(hct_ci_field::fev1));
    CHECK(empty.missing().contains(hct_ci_field::age_at_hct));
    for (const auto f : {hct_ci_field::hepatitis_b_or_c_history, hct_ci_field::shortening_fraction,
                         hct_ci_field::antimicrobials_after_day_0, hct_ci_field::bmi,
                         hct_ci_field::bmi_for_age_percentile}) {
        CAPTURE(hsct::id(f));
        CHECK_FALSE(empty.missing().contains(f));
    }
    CHECK_FALSE(empty.with_age.has_value());

    auto in = baseline();
    in.pulmonary.fev1.reset();
    auto r = assess(in);
    CHECK(r.is_unassessed(hct_ci_item::pulmonary_moderate));
    CHECK(r.is_unassessed(hct_ci_item::pulmonary_severe));
    CHECK(count(r, hct_ci_item_status::unassessed) == 2);
    CHECK(r.missing().size() == 1);
    CHECK(r.missing().contains(hct_ci_field::fev1));
    CHECK(criterion(r, hct_ci_criterion::fev1_severe)->measured ==
          hsct::measure::missing(hct_ci_field::fev1));
    CHECK(criterion(r, hct_ci_criterion::fev1_severe)->result == hsct::outcome::unknown);
    CHECK(r.with_age->complete == false);

    // A scored severe tier makes the missing lower-tier inputs irrelevant.
    in.pulmonary.dlco = pct(60.0);
    r = assess(in);
    CHECK(r.complete());
    CHECK(r.score.value() == 3);

    // A scored mild tier leaves the severe tier open.
    in = baseline();
    in.hepatic.bilirubin = bili_x_uln(1.2);
    in.hepatic.cirrhosis.reset();
    r = assess(in);
    CHECK(r.score.value() == 1);
    CHECK(r.is_unassessed(hct_ci_item::hepatic_severe));
    CHECK(r.missing().size() == 1);
    CHECK(r.missing().contains(hct_ci_field::cirrhosis));

    // >= 3 is final whatever is missing
    in = baseline();
    in.prior_tumours = std::vector<hp::prior_tumour>{hp::prior_tumour::other_solid_tumour};
    in.arrhythmia.reset();
    r = assess(in);
    CHECK_FALSE(r.complete());
    CHECK(r.risk_group_final());

    // the refuse policy
    auto opt = under(hct_ci_definition_set::sorror_2013);
    opt.missing = hp::hct_ci_missing_policy::refuse;
    const auto refused = hp::assess_hct_ci(in, opt);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code() == hsct::errc::missing);
    CHECK(refused.error().value() == "arrhythmia");
    CHECK(refused.error().requirement() == "PAT-HCTCI-018");
    CHECK(hp::assess_hct_ci(baseline(), opt).has_value());
}

TEST_CASE("bad input is refused with field, value and range", "[patient][hct_ci][PAT-HCTCI-019]") {
    const auto refused = [](const hp::hct_ci_input& in) {
        const auto r = hp::assess_hct_ci(in);
        REQUIRE_FALSE(r.has_value());
        return r.error();
    };
    // A lab value with its ULN is checked when it is made (CORE-ULN-001), so an HCT-CI input
    // cannot hold one that is out of range.
    const auto zero_uln = hsct::lab_with_uln<hsct::bilirubin>::make(
        hsct::bilirubin(1.0, u::mg_per_dl), hsct::bilirubin(0.0, u::mg_per_dl),
        hsct::field_ref("hct_ci", "hepatic", "bilirubin"));
    REQUIRE_FALSE(zero_uln.has_value());
    auto e = zero_uln.error();
    CHECK(e.code() == hsct::errc::out_of_range);
    CHECK(e.field() == "hct_ci.hepatic.bilirubin.upper_limit_of_normal");
    CHECK(e.value() == "0 mg/dL");
    CHECK(e.valid_range() == "greater than 0 mg/dL, up to 100 mg/dL");
    CHECK(e.requirement() == "CORE-ULN-001");
    CHECK(hsct::lab_with_uln<hsct::alt>::make(hsct::alt(20.0, u::u_per_l), hsct::alt(0.0, u::u_per_l))
              .error()
              .field() == "alt.upper_limit_of_normal");
    CHECK(hsct::lab_with_uln<hsct::ast>::make(hsct::ast(-3.0, u::u_per_l), hsct::ast(40.0, u::u_per_l))
              .error()
              .field() == "ast.value");
    CHECK(hsct::lab_with_uln<hsct::alt>::from_multiple(-0.5).error().code() == hsct::errc::out_of_range);
    CHECK(hsct::lab_with_uln<hsct::alt>::from_multiple(1001.0).error().valid_range() == "0-1000 x ULN");
    CHECK(hsct::lab_with_uln<hsct::alt>::from_multiple(std::numeric_limits<double>::infinity())
              .error()
              .code() == hsct::errc::not_finite);
    CHECK(hsct::lab_with_uln<hsct::alt>::from_multiple(1000.0).has_value());
    CHECK_FALSE(hsct::lab_with_uln<hsct::alt>::from_multiple(3.0)->value().has_value());

    auto in = baseline();

    in = baseline();
    in.pulmonary.fev1 = pct(-5.0);
    e = refused(in);
    CHECK(e.code() == hsct::errc::out_of_range);
    CHECK(e.message() == "hct_ci.pulmonary.fev1: -5 % is outside the valid range 1-200 % of predicted");

    in.pulmonary.fev1 = pct(300.0);
    CHECK(refused(in).value() == "300 %");
    in.pulmonary.fev1 = pct(0.0);  // zero is not "missing"
    CHECK(refused(in).code() == hsct::errc::out_of_range);
    in.pulmonary.fev1 = pct(200.0);
    CHECK(hp::assess_hct_ci(in).has_value());
    in.pulmonary.fev1 = pct(std::numeric_limits<double>::quiet_NaN());
    CHECK(refused(in).code() == hsct::errc::not_finite);

    in = baseline();
    in.cardiac.lvef = pct(101.0);
    CHECK(refused(in).field() == "hct_ci.cardiac.lvef");
    in = baseline();
    in.obesity.bmi = hsct::body_mass_index(0.0, u::kg_per_m2);
    e = refused(in);
    CHECK(e.field() == "hct_ci.obesity.bmi");
    CHECK(e.valid_range() == "5-150 kg/m2");
    in = baseline();
    in.obesity.bmi_for_age_percentile = pct(101.0);
    CHECK(refused(in).field() == "hct_ci.obesity.bmi_for_age_percentile");
    in = baseline();
    in.renal.creatinine = hsct::creatinine(-1.0, u::mg_per_dl);
    e = refused(in);
    CHECK(e.field() == "hct_ci.renal.creatinine");
    CHECK(e.valid_range() == "0-40 mg/dL");
}

TEST_CASE("pulmonary: a value between 65 and 65.1 % of predicted is moderate, 65 itself severe",
          "[patient][hct_ci][PAT-HCTCI-002][Sorror-2005][Sorror-2013]") {
    // the severe cut-off is exactly 65 %: nothing above it is severe
    for (const auto& [v, want] : {std::pair{64.95, 3}, std::pair{65.0, 3}, std::pair{65.05, 2}}) {
        CAPTURE(v);
        auto in = baseline();
        in.pulmonary.fev1 = pct(v);
        const auto r = assess(in);
        CHECK(r.score.value() == want);
        const auto c = criterion(r, hct_ci_criterion::fev1_severe);
        REQUIRE(c.has_value());
        CHECK(c->threshold == 65.0);
        CHECK(c->result == (want == 3 ? hsct::outcome::met : hsct::outcome::not_met));
    }
}

TEST_CASE("cardiac: LVEF just above 50 % and shortening fraction just below 26 %",
          "[patient][hct_ci][PAT-HCTCI-007][Sorror-2005][CIBMTR]") {
    // LVEF <= 50 %: 50 scores, 50.05 does not
    for (const auto& [ef, want] : {std::pair{50.0, 1}, std::pair{50.05, 0}}) {
        CAPTURE(ef);
        auto in = baseline();
        in.cardiac.lvef = pct(ef);
        const auto r = assess(in);
        CHECK(r.score.value() == want);
        const auto c = criterion(r, hct_ci_criterion::lvef);
        REQUIRE(c.has_value());
        CHECK(c->threshold == 50.0);
        CHECK(c->cmp == hsct::comparator::less_equal);
    }
    // CIBMTR, a child: SF < 26 %: 25.95 scores, 26 does not
    for (const auto& [sf, want] : {std::pair{25.95, 1}, std::pair{26.0, 0}}) {
        CAPTURE(sf);
        auto in = baseline();
        in.age_at_hct = years(8);
        in.obesity.bmi_for_age_percentile = pct(50.0);
        in.cardiac.lvef.reset();
        in.cardiac.shortening_fraction = pct(sf);
        const auto r = assess(in, hct_ci_definition_set::cibmtr);
        CHECK(r.score.value() == want);
        const auto c = criterion(r, hct_ci_criterion::shortening_fraction);
        REQUIRE(c.has_value());
        CHECK(c->threshold == 26.0);
        CHECK(c->cmp == hsct::comparator::less);
    }
}

TEST_CASE("obesity: BMI below, at and just above 35; BMI-for-age just below and at the 95th percentile",
          "[patient][hct_ci][PAT-HCTCI-008][Sorror-2005][Sorror-2013]") {
    for (const auto& [b, want] : {std::pair{34.95, 0}, std::pair{35.0, 0}, std::pair{35.05, 1}}) {
        CAPTURE(b);
        auto in = baseline();
        in.obesity.bmi = hsct::body_mass_index(b, u::kg_per_m2);
        const auto r = assess(in);
        CHECK(r.score.value() == want);
        const auto c = criterion(r, hct_ci_criterion::bmi);
        REQUIRE(c.has_value());
        CHECK(c->threshold == 35.0);
        CHECK(c->cmp == hsct::comparator::greater);
        CHECK(c->result == (want == 1 ? hsct::outcome::met : hsct::outcome::not_met));
    }
    for (const auto& [centile, want] : {std::pair{94.95, 0}, std::pair{95.0, 1}, std::pair{95.05, 1}}) {
        CAPTURE(centile);
        auto in = baseline();
        in.age_at_hct = years(12);
        in.obesity.bmi = hsct::body_mass_index(27.0, u::kg_per_m2);
        in.obesity.bmi_for_age_percentile = pct(centile);
        const auto r = assess(in);
        CHECK(r.score.value() == want);
        const auto c = criterion(r, hct_ci_criterion::bmi_for_age);
        REQUIRE(c.has_value());
        CHECK(c->threshold == 95.0);
        CHECK(c->cmp == hsct::comparator::greater_equal);
    }
}

TEST_CASE("input ranges: each bound accepted, a step beyond it refused",
          "[patient][hct_ci][PAT-HCTCI-019]") {
    const auto error_of = [](const hp::hct_ci_input& in) -> std::optional<hsct::error> {
        const auto r = hp::assess_hct_ci(in);
        if (r.has_value()) {
            return std::nullopt;
        }
        return r.error();
    };
    // FEV1 and DLCO: 1-200 % of predicted
    for (const auto& [v, ok] : {std::pair{0.95, false}, std::pair{1.0, true}, std::pair{200.0, true},
                                std::pair{200.05, false}}) {
        CAPTURE(v);
        auto in = baseline();
        in.pulmonary.fev1 = pct(v);
        const auto e = error_of(in);
        CHECK(e.has_value() == !ok);
        if (e) {
            CHECK(e->field() == "hct_ci.pulmonary.fev1");
            CHECK(e->valid_range() == "1-200 % of predicted");
        }
    }
    // LVEF and shortening fraction: 1-100 %
    for (const auto& [v, ok] : {std::pair{0.95, false}, std::pair{1.0, true}, std::pair{100.0, true},
                                std::pair{100.05, false}}) {
        CAPTURE(v);
        auto in = baseline();
        in.cardiac.lvef = pct(v);
        auto e = error_of(in);
        CHECK(e.has_value() == !ok);
        if (e) {
            CHECK(e->code() == hsct::errc::out_of_range);
            CHECK(e->field() == "hct_ci.cardiac.lvef");
            CHECK(e->valid_range() == "1-100 %");
        }
        in = baseline();
        in.cardiac.shortening_fraction = pct(v);
        e = error_of(in);
        CHECK(e.has_value() == !ok);
        if (e) {
            CHECK(e->field() == "hct_ci.cardiac.shortening_fraction");
            CHECK(e->valid_range() == "1-100 %");
        }
    }
    // BMI: 5-150 kg/m2
    for (const auto& [b, ok] : {std::pair{4.95, false}, std::pair{5.0, true}, std::pair{150.0, true},
                                std::pair{150.05, false}}) {
        CAPTURE(b);
        auto in = baseline();
        in.obesity.bmi = hsct::body_mass_index(b, u::kg_per_m2);
        const auto e = error_of(in);
        CHECK(e.has_value() == !ok);
        if (e) {
            CHECK(e->code() == hsct::errc::out_of_range);
            CHECK(e->field() == "hct_ci.obesity.bmi");
            CHECK(e->valid_range() == "5-150 kg/m2");
        }
    }
    // A BMI at either bound is not the error when a later input is bad: the error names the
    // creatinine, not the BMI.
    for (const double b : {5.0, 150.0}) {
        CAPTURE(b);
        auto in = baseline();
        in.obesity.bmi = hsct::body_mass_index(b, u::kg_per_m2);
        in.renal.creatinine = hsct::creatinine(-1.0, u::mg_per_dl);
        const auto e = error_of(in);
        REQUIRE(e.has_value());
        CHECK(e->field() == "hct_ci.renal.creatinine");
    }
}

TEST_CASE("the result is data: criteria, outcomes, missing inputs, no allocation",
          "[patient][hct_ci][CORE-EXPLAIN-001][PAT-HCTCI-001]") {
    auto in = baseline();
    in.peptic_ulcer = true;
    in.hepatic.bilirubin = make_bili(hsct::bilirubin(1.95, u::mg_per_dl), hsct::bilirubin(1.5, u::mg_per_dl));
    const hsct_test::allocation_counter n;
    const auto res = hp::assess_hct_ci(in, under(hct_ci_definition_set::cibmtr));
    CHECK(n.count() == 0);  // issue 7: 48 allocations per patient before
    REQUIRE(res.has_value());
    const auto& r = *res;
    CHECK(r.score.value() == 3);
    const auto c = deciding(r, hct_ci_item::hepatic_mild);
    REQUIRE(c.has_value());
    CHECK(c->id == hct_ci_criterion::bilirubin_mild);
    CHECK(c->measured.number() == Approx(1.3));
    CHECK(c->threshold == 1.0);
    CHECK(c->cmp == hsct::comparator::greater);
    CHECK(c->result == hsct::outcome::met);
    CHECK(c->verified);
    // every criterion knows its item, and every record has a requirement ID
    for (const auto& x : r.criteria) {
        CAPTURE(hsct::id(x.id));
        CHECK(hp::hct_ci_item_of(x.id).has_value());
        CHECK(std::string_view(x.requirement).rfind("PAT-HCTCI-", 0) == 0);
    }
    // all 37 item criteria but the 2013 infection question (CIBMTR asks the 2005 one), the
    // shortening fraction (not given) and the paediatric percentile (an adult)
    CHECK(r.criteria.size() == 34);
    // an empty input: still no allocation, and everything unknown is listed
    const hp::hct_ci_input empty;
    const hsct_test::allocation_counter m;
    const auto e = hp::assess_hct_ci(empty, under(hct_ci_definition_set::cibmtr));
    CHECK(m.count() == 0);
    REQUIRE(e.has_value());
    CHECK(e->missing().contains(hct_ci_field::hepatitis_b_or_c_history));
    // the result is trivially copyable: a registry can store it by memcpy
    STATIC_REQUIRE(std::is_trivially_copyable_v<hp::hct_ci_result>);
}

TEST_CASE("inputs are typed: bare numbers and the wrong analyte do not compile",
          "[patient][hct_ci][PAT-HCTCI-019]") {
    STATIC_REQUIRE(fev1_assignable_from<hsct::percent>);
    STATIC_REQUIRE_FALSE(fev1_assignable_from<double>);
    STATIC_REQUIRE_FALSE(fev1_assignable_from<int>);
    STATIC_REQUIRE(creatinine_assignable_from<hsct::creatinine>);
    STATIC_REQUIRE_FALSE(creatinine_assignable_from<hsct::bilirubin>);
    STATIC_REQUIRE_FALSE(creatinine_assignable_from<double>);
    STATIC_REQUIRE(bilirubin_assignable_from<hp::lab_with_uln<hsct::bilirubin>>);
    STATIC_REQUIRE_FALSE(bilirubin_assignable_from<hp::lab_with_uln<hsct::ast>>);
    STATIC_REQUIRE_FALSE(bilirubin_assignable_from<hsct::bilirubin>);
    STATIC_REQUIRE(bmi_assignable_from<hsct::body_mass_index>);
    STATIC_REQUIRE_FALSE(bmi_assignable_from<hsct::percent>);
    STATIC_REQUIRE(points_from<int>);
    STATIC_REQUIRE_FALSE(implicit_points_from<int>);
}

TEST_CASE("HCT-CI refuses enum numbers that are not declared values, naming the field",
          "[patient][hct_ci][CORE-ENUM-002][PAT-HCTCI-019]") {
    const auto refused = [](const hp::hct_ci_input& in, const hp::hct_ci_options& opt,
                            const std::string& field, const std::string& value) {
        const auto r = hp::assess_hct_ci(in, opt);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == field);
        CHECK(r.error().value() == value);
        CHECK(r.error().valid_range().rfind("one of 1 (", 0) == 0);
    };
    REQUIRE(hp::assess_hct_ci(baseline()).has_value());
    const hp::hct_ci_options opt{};
    {
        auto in = baseline();
        in.heart_valve = static_cast<hp::heart_valve_finding>(9);
        refused(in, opt, "hct_ci.heart_valve", "9");
    }
    {
        auto in = baseline();
        in.diabetes = static_cast<hp::diabetes_treatment>(0);
        refused(in, opt, "hct_ci.diabetes", "0");
    }
    {
        auto in = baseline();
        in.psychiatric = static_cast<hp::psychiatric_history>(4);
        refused(in, opt, "hct_ci.psychiatric", "4");
    }
    {
        auto in = baseline();
        in.pulmonary.dyspnoea_level = static_cast<hp::dyspnoea>(0);
        refused(in, opt, "hct_ci.pulmonary.dyspnoea_level", "0");
    }
    {
        auto in = baseline();
        in.prior_tumours = std::vector<hp::prior_tumour>{hp::prior_tumour::melanoma,
                                                         static_cast<hp::prior_tumour>(0)};
        refused(in, opt, "hct_ci.prior_tumours[1]", "0");
    }
    {
        // dlco_correction is numbered from 1 like every enum (CORE-ENUM-002): 0 is not a value
        auto in = baseline();
        in.pulmonary.dlco_basis = static_cast<hp::dlco_correction>(0);
        const auto r = hp::assess_hct_ci(in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == "hct_ci.pulmonary.dlco_basis");
        CHECK(r.error().valid_range() ==
              "one of 1 (not_stated), 2 (haemoglobin_corrected), 3 (uncorrected)");
    }
    const auto bad_option = [&](auto set, const std::string& field, const std::string& value) {
        hp::hct_ci_options o;
        set(o);
        const auto r = hp::assess_hct_ci(baseline(), o);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == field);
        CHECK(r.error().value() == value);
    };
    bad_option([](hp::hct_ci_options& o) { o.definition_set = static_cast<hct_ci_definition_set>(0); },
               "hct_ci.options.definition_set", "0");
    bad_option([](hp::hct_ci_options& o) { o.dlco = static_cast<hp::dlco_correction_policy>(9); },
               "hct_ci.options.dlco", "9");
    bad_option([](hp::hct_ci_options& o) { o.missing = static_cast<hp::hct_ci_missing_policy>(0); },
               "hct_ci.options.missing", "0");
    bad_option([](hp::hct_ci_options& o) { o.tiers = static_cast<hp::hct_ci_tier_policy>(2); },
               "hct_ci.options.tiers", "2");
    bad_option([](hp::hct_ci_options& o) { o.age_rule = static_cast<hsct::age_resolution>(0); },
               "hct_ci.options.age_rule", "0");
    bad_option([](hp::hct_ci_options& o) {
        o.hepatitis_history = static_cast<hp::hct_ci_hepatitis_history_policy>(0);
    }, "hct_ci.options.hepatitis_history", "0");

    const auto r = hp::assess_hct_ci(baseline()).value();
    const auto w = hp::hct_ci_with_age(r, years(50), static_cast<hsct::age_resolution>(5));
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().field() == "rule");
    CHECK(w.error().value() == "5");

    CHECK(hp::to_string(static_cast<hct_ci_item>(0)) == "invalid (0)");
    CHECK(hp::to_string(static_cast<hp::prior_tumour>(9)) == "invalid (9)");
    CHECK(hp::to_string(static_cast<hp::heart_valve_finding>(9)) == "invalid (9)");
    STATIC_REQUIRE_FALSE(hp::is_valid(static_cast<hct_ci_item>(18)));
    STATIC_REQUIRE(hp::is_valid(hct_ci_item::hepatic_severe));
    CHECK(hp::make_enum<hct_ci_item>(17, "item").value() == hct_ci_item::hepatic_severe);
    CHECK_FALSE(hp::make_enum<hct_ci_item>(18, "item").has_value());
}

TEST_CASE("HCT-CI points: the sum of all 17 weights is representable",
          "[patient][hct_ci][PAT-HCTCI-021][PAT-HCTCI-015][Sorror-2005][CORE-SCORE-001]") {
    int sum_all = 0;
    for (const auto i : hsct::values<hp::hct_ci_item>()) {
        sum_all += hp::hct_ci_weight(i)->value();
    }
    CHECK(sum_all == 29);
    STATIC_REQUIRE(hp::hct_ci_max_item_weights == 29);
    STATIC_REQUIRE(hp::hct_ci_max_score == 26);
    STATIC_REQUIRE(hp::hct_ci_points::max == 30);
    // with the age point on top
    CHECK(checked_add(hp::hct_ci_points::of<29>(), hp::hct_ci_points::of<1>())->value() == 30);
    CHECK_FALSE(checked_add(hp::hct_ci_points::of<30>(), hp::hct_ci_points::of<1>()).has_value());
    CHECK(hp::hct_ci_points::make(31).error().requirement() == "PAT-HCTCI-021");
    // tier rule: 29 less mild hepatic (1) and moderate pulmonary (2)
    CHECK(sum_all - hp::hct_ci_weight(hct_ci_item::hepatic_mild)->value() -
              hp::hct_ci_weight(hct_ci_item::pulmonary_moderate)->value() ==
          hp::hct_ci_max_score);
}

}  // namespace hsct_test_patient_hct_ci_test
