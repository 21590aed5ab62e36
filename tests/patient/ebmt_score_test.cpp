// Tests for include/hsct/patient/ebmt_score.hpp: the EBMT (Gratwohl) risk score, its stage
// derivation, its boundary policies and its risk groups, asserted on the result's data
// (criteria, outcomes, measured values). The rendered text is tested in
// ebmt_score_text_test.cpp.
#include <hsct/patient/ebmt_score.hpp>

#include <chrono>
#include <limits>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_ebmt_score_test {

namespace p = hsct::patient;
using namespace std::chrono;
using hsct::disease;
using hsct::disease_status;
using hsct::donor_type;
using hsct::outcome;
using hsct::sex;
using crit = p::ebmt_criterion;

namespace {
hsct::age age_ym(int y, int m) {
    auto a = hsct::age::make(y, m);
    REQUIRE(a.has_value());
    return *a;
}

hsct::diagnosis dx_of(disease d) {
    auto r = hsct::diagnosis::of(d);
    REQUIRE(r.has_value());
    return *r;
}

// A case with a 45-year-old man with AML in CR1, 5 months, matched sibling, male donor.
p::ebmt_input base() {
    return p::ebmt_input{age_ym(45, 0),
                         hsct::diagnosis::aml(hsct::cytogenetic_risk::intermediate),
                         disease_status::cr1,
                         sys_days{2024y / January / 10},
                         sys_days{2024y / June / 10},
                         donor_type::hla_identical_sibling,
                         sex::male,
                         sex::male};
}

// Worked example X3: a 62-year-old man, refractory MDS, 18 months, unrelated female donor (7).
p::ebmt_input x3() {
    return p::ebmt_input{age_ym(62, 0),
                         hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::adverse),
                         disease_status::induction_failure,
                         sys_days{2023y / January / 5},
                         sys_days{2024y / July / 5},
                         donor_type::unrelated,
                         sex::male,
                         sex::female};
}

p::ebmt_result score(const p::ebmt_input& in, const p::ebmt_options& opt = {}) {
    auto r = p::assess_ebmt(in, opt);
    if (!r) {
        CAPTURE(r.error().message());
    }
    REQUIRE(r.has_value());
    return *r;
}

int points(const p::ebmt_result& r, p::ebmt_factor f) { return r.points_of(f).value(); }

int total(const p::ebmt_result& r) {
    REQUIRE(r.status == p::ebmt_status::scored);
    REQUIRE(r.total.has_value());
    return r.total->value();
}

const hsct::criterion<crit>& criterion_of(const p::ebmt_result& r, crit id) {
    const auto* c = r.find(id);
    REQUIRE(c != nullptr);
    return *c;
}

p::ebmt_points pts(int v) { return p::ebmt_points::make(v).value(); }
}  // namespace

TEST_CASE("EBMT worked example X1: 45 y man, AML CR1, 5 months, unrelated female donor -> 4",
          "[patient][ebmt][PAT-EBMT-001][PAT-EBMT-002][PAT-EBMT-004][PAT-EBMT-005][PAT-EBMT-006][Gratwohl-2009]") {
    auto in = base();
    in.donor = donor_type::unrelated;
    in.donor_sex = sex::female;
    const auto r = score(in);
    CHECK(points(r, p::ebmt_factor::age) == 2);
    CHECK(points(r, p::ebmt_factor::disease_stage) == 0);
    CHECK(points(r, p::ebmt_factor::interval) == 0);
    CHECK(points(r, p::ebmt_factor::donor_type) == 1);
    CHECK(points(r, p::ebmt_factor::sex_combination) == 1);
    CHECK(total(r) == 4);
    CHECK(r.maximum.value() == 7);
    CHECK(r.group == p::ebmt_risk_group::intermediate);
    CHECK(r.stage == p::ebmt_stage::early);
    CHECK(r.rule_version == p::ebmt_rule_version);
    CHECK(r.options == p::ebmt_options{});
    CHECK_FALSE(r.decided_by.has_value());
    CHECK(r.missing.empty());

    // The evidence, criterion by criterion.
    REQUIRE(r.criteria.size() == 7);
    const auto& over40 = criterion_of(r, crit::age_over_40);
    CHECK(over40.result == outcome::met);
    CHECK(over40.cmp == hsct::comparator::greater);
    CHECK(over40.threshold == 40.0);
    CHECK(over40.measured.number() == 45.0);
    CHECK(over40.measured.counted_in() == hsct::count_unit::years);
    CHECK(std::string(over40.requirement) == "PAT-EBMT-001");
    const auto& twenty = criterion_of(r, crit::age_20_or_older);
    CHECK(twenty.result == outcome::met);
    CHECK(twenty.cmp == hsct::comparator::greater_equal);
    CHECK(twenty.threshold == 20.0);
    const auto& stage = criterion_of(r, crit::stage_early_acute_leukaemia_cr1);
    CHECK(stage.result == outcome::met);
    CHECK(stage.verified);
    CHECK(stage.measured.enumerator().as<disease_status>() == disease_status::cr1);
    const auto& interval = criterion_of(r, crit::interval_12_months);
    CHECK(interval.result == outcome::not_applicable);  // CR1
    CHECK(interval.measured.number() == 152.0);         // 2024-01-10 to 2024-06-10
    CHECK(interval.threshold == 366.0);                 // to 2025-01-10
    const auto& donor = criterion_of(r, crit::donor_unrelated);
    CHECK(donor.result == outcome::met);
    CHECK(donor.measured.enumerator().as<donor_type>() == donor_type::unrelated);
    CHECK(criterion_of(r, crit::donor_female).result == outcome::met);
    CHECK(criterion_of(r, crit::recipient_male).result == outcome::met);
    CHECK(r.find(crit::donor_type_has_points) == nullptr);
}

TEST_CASE("EBMT worked example X2: 19 y woman, ALL CR2, 30 months, HLA-identical brother -> 2",
          "[patient][ebmt][PAT-EBMT-001][PAT-EBMT-002][PAT-EBMT-004][PAT-EBMT-006][Gratwohl-2009]") {
    const p::ebmt_input in{age_ym(19, 0),          dx_of(disease::all),
                           disease_status::cr2,    sys_days{2021y / March / 1},
                           sys_days{2023y / September / 1}, donor_type::hla_identical_sibling,
                           sex::female,            sex::male};
    const auto r = score(in);
    CHECK(points(r, p::ebmt_factor::age) == 0);
    CHECK(points(r, p::ebmt_factor::disease_stage) == 1);
    CHECK(points(r, p::ebmt_factor::interval) == 1);
    CHECK(points(r, p::ebmt_factor::donor_type) == 0);
    CHECK(points(r, p::ebmt_factor::sex_combination) == 0);  // male donor -> female recipient
    CHECK(total(r) == 2);
    CHECK(r.group == p::ebmt_risk_group::low);
    CHECK(criterion_of(r, crit::age_20_or_older).result == outcome::not_met);
    CHECK(criterion_of(r, crit::stage_intermediate_acute_leukaemia_cr2).result == outcome::met);
    CHECK(criterion_of(r, crit::interval_12_months).result == outcome::met);
    CHECK(criterion_of(r, crit::donor_unrelated).result == outcome::not_met);
    CHECK(criterion_of(r, crit::donor_female).result == outcome::not_met);
    CHECK(criterion_of(r, crit::recipient_male).result == outcome::not_met);
}

TEST_CASE("EBMT worked example X3: 62 y man, refractory MDS, 18 months, unrelated female donor -> 7",
          "[patient][ebmt][PAT-EBMT-002][PAT-EBMT-008][Gratwohl-2009]") {
    const p::ebmt_input in = x3();
    const auto r = score(in);
    CHECK(r.stage == p::ebmt_stage::late);
    CHECK(total(r) == 7);
    CHECK(*r.total == r.maximum);
    CHECK(r.group == p::ebmt_risk_group::high);
    CHECK(criterion_of(r, crit::stage_late_mds).measured.enumerator().as<disease_status>() ==
          disease_status::induction_failure);
    CHECK(r.stage_verified());
}

TEST_CASE("EBMT worked example X4 and K6: age 40 y 1 mo is 1 point in completed years, 2 exact",
          "[patient][ebmt][PAT-EBMT-001][PAT-AGE-002][K6]") {
    auto in = base();
    in.age_at_hct = age_ym(40, 0);
    CHECK(points(score(in), p::ebmt_factor::age) == 1);
    in.age_at_hct = age_ym(40, 1);
    const auto completed = score(in);
    CHECK(points(completed, p::ebmt_factor::age) == 1);
    CHECK(criterion_of(completed, crit::age_over_40).measured.number() == 40.0);
    p::ebmt_options exact;
    exact.age_reading = hsct::age_resolution::exact;
    const auto r = score(in, exact);
    CHECK(points(r, p::ebmt_factor::age) == 2);
    CHECK(r.options.age_reading == hsct::age_resolution::exact);
    CHECK(criterion_of(r, crit::age_over_40).measured.number() == Approx(40.0 + 1.0 / 12.0));
    CHECK(criterion_of(r, crit::age_over_40).result == outcome::met);
}

TEST_CASE("EBMT age bins: below, at and above 20 and 40 under both resolutions",
          "[patient][ebmt][PAT-EBMT-001][PAT-AGE-002][Gratwohl-2009]") {
    p::ebmt_options exact;
    exact.age_reading = hsct::age_resolution::exact;
    struct row {
        int y, m, completed, exact_points;
    };
    const row rows[] = {
        {0, 0, 0, 0},  {19, 0, 0, 0},  {19, 11, 0, 0}, {20, 0, 1, 1}, {20, 1, 1, 1},
        {39, 11, 1, 1}, {40, 0, 1, 1}, {40, 11, 1, 2}, {41, 0, 2, 2}, {70, 0, 2, 2},
    };
    for (const auto& x : rows) {
        CAPTURE(x.y, x.m);
        auto in = base();
        in.age_at_hct = age_ym(x.y, x.m);
        CHECK(points(score(in), p::ebmt_factor::age) == x.completed);
        CHECK(points(score(in, exact), p::ebmt_factor::age) == x.exact_points);
    }
    SECTION("from birth dates: the 40th birthday itself is 40.0 in both readings") {
        auto in = base();
        const sys_days birth{1984y / March / 15};
        in.age_at_hct = hsct::age::make(birth, sys_days{2024y / March / 15}).value();
        CHECK(points(score(in), p::ebmt_factor::age) == 1);
        CHECK(points(score(in, exact), p::ebmt_factor::age) == 1);
        in.age_at_hct = hsct::age::make(birth, sys_days{2024y / March / 16}).value();
        CHECK(points(score(in), p::ebmt_factor::age) == 1);
        CHECK(points(score(in, exact), p::ebmt_factor::age) == 2);
    }
}

TEST_CASE("EBMT interval: the 12-month boundary under both policies",
          "[patient][ebmt][PAT-EBMT-004][HB24-11][Gratwohl-2009]") {
    p::ebmt_options hb24;  // default
    p::ebmt_options gratwohl;
    gratwohl.interval = p::ebmt_interval_policy::gratwohl_le12_0_gt12_1;
    REQUIRE(hb24.interval == p::ebmt_interval_policy::hb24_lt12_0_ge12_1);

    auto in = base();
    in.status = disease_status::cr2;
    in.diagnosis_date = sys_days{2023y / April / 20};  // 12 months later: 2024-04-20, 366 days
    struct row {
        sys_days hct;
        int hb24_points, gratwohl_points;
        double days;
    };
    const row rows[] = {
        {sys_days{2023y / April / 20}, 0, 0, 0.0},
        {sys_days{2024y / April / 19}, 0, 0, 365.0},
        {sys_days{2024y / April / 20}, 1, 0, 366.0},
        {sys_days{2024y / April / 21}, 1, 1, 367.0},
        {sys_days{2026y / April / 20}, 1, 1, 1096.0},
    };
    for (const auto& x : rows) {
        CAPTURE(hsct::to_string(x.hct));
        in.hct_date = x.hct;
        const auto a = score(in, hb24);
        const auto b = score(in, gratwohl);
        CHECK(points(a, p::ebmt_factor::interval) == x.hb24_points);
        CHECK(points(b, p::ebmt_factor::interval) == x.gratwohl_points);
        const auto& ca = criterion_of(a, crit::interval_12_months);
        const auto& cb = criterion_of(b, crit::interval_12_months);
        CHECK(ca.measured.number() == x.days);
        CHECK(ca.measured.counted_in() == hsct::count_unit::days);
        CHECK(ca.threshold == 366.0);
        CHECK(ca.cmp == hsct::comparator::greater_equal);
        CHECK(cb.cmp == hsct::comparator::greater);
        CHECK(ca.result == (x.hb24_points == 1 ? outcome::met : outcome::not_met));
        CHECK(cb.result == (x.gratwohl_points == 1 ? outcome::met : outcome::not_met));
        CHECK(b.options.interval == gratwohl.interval);
    }
    SECTION("12 months after 29 February is 1 March") {
        CHECK(p::ebmt_twelve_months_after(sys_days{2024y / February / 29}).value() ==
              sys_days{2025y / March / 1});
        CHECK(p::ebmt_twelve_months_after(sys_days{2023y / January / 31}).value() ==
              sys_days{2024y / January / 31});
        // a date outside CORE-DAY-008 is an error, not an overflow (random-input regression)
        CHECK(p::ebmt_twelve_months_after(sys_days{days{std::numeric_limits<int>::min()}})
                  .error()
                  .code() == hsct::errc::out_of_range);
        CHECK(p::ebmt_twelve_months_after(sys_days{2199y / December / 31}).value() ==
              sys_days{2200y / December / 31});
        // Every day of the CORE-DAY-008 window: the same day and month a year on, or 1 March
        // when that day does not exist, by the calendar (std::chrono year_month_day).
        std::size_t differ = 0;
        std::size_t days_checked = 0;
        for (sys_days d = hsct::min_date; d <= hsct::max_date; d += days{1}) {
            const year_month_day t = year_month_day{d} + months{12};
            const sys_days expected =
                t.ok() ? sys_days{t} : sys_days{t.year() / t.month() / last} + days{1};
            const auto got = p::ebmt_twelve_months_after(d);
            differ += got && *got == expected ? 0U : 1U;
            ++days_checked;
        }
        CHECK(days_checked == 109'573);  // 1900-01-01 to 2199-12-31: 300 x 365 + 73 leap days
        CHECK(differ == 0);
        in.diagnosis_date = sys_days{2024y / February / 29};
        in.hct_date = sys_days{2025y / February / 28};
        CHECK(points(score(in, hb24), p::ebmt_factor::interval) == 0);
        in.hct_date = sys_days{2025y / March / 1};
        CHECK(points(score(in, hb24), p::ebmt_factor::interval) == 1);
        CHECK(points(score(in, gratwohl), p::ebmt_factor::interval) == 0);
    }
    SECTION("not scored in CR1, however long (X4: AML CR1 at 36 months -> 0)") {
        in.status = disease_status::cr1;
        in.diagnosis_date = sys_days{2021y / January / 1};
        in.hct_date = sys_days{2024y / January / 1};
        const auto r = score(in);
        CHECK(points(r, p::ebmt_factor::interval) == 0);
        const auto& c = criterion_of(r, crit::interval_12_months);
        CHECK(c.result == outcome::not_applicable);
        CHECK(c.measured.number() == 1095.0);
    }
    SECTION("HCT before diagnosis is refused") {
        in.hct_date = sys_days{2023y / April / 19};
        const auto r = p::assess_ebmt(in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::inconsistent);
        CHECK(r.error().field() == "ebmt.hct_date");
        CHECK(r.error().value() == "HCT 2023-04-19 before diagnosis 2023-04-20");
        CHECK(r.error().requirement() == "PAT-EBMT-004");
    }
}

TEST_CASE("EBMT stage from disease and status (HB24-11 Table 11.2 footnote)",
          "[patient][ebmt][PAT-EBMT-002][PAT-EBMT-003][PAT-EBMT-009][HB24-11][SC-5]") {
    using st = p::ebmt_stage;
    struct row {
        disease d;
        disease_status s;
        st expected;
        crit evidence;
    };
    const row rows[] = {
        {disease::aml, disease_status::cr1, st::early, crit::stage_early_acute_leukaemia_cr1},
        {disease::all, disease_status::cr2, st::intermediate, crit::stage_intermediate_acute_leukaemia_cr2},
        {disease::aml, disease_status::cr3_or_later, st::late, crit::stage_late_acute_leukaemia_other},
        {disease::all, disease_status::untreated, st::late, crit::stage_late_acute_leukaemia_other},
        {disease::aml, disease_status::pr1, st::late, crit::stage_late_acute_leukaemia_other},
        {disease::aml, disease_status::active_relapse, st::late, crit::stage_late_acute_leukaemia_other},
        {disease::mds, disease_status::cr1, st::early, crit::stage_early_mds},
        {disease::mds, disease_status::untreated, st::early, crit::stage_early_mds},
        {disease::mds, disease_status::cr2, st::intermediate, crit::stage_intermediate_mds},
        {disease::mds, disease_status::pr1, st::intermediate, crit::stage_intermediate_mds},
        {disease::mds, disease_status::pr2_or_later, st::intermediate, crit::stage_intermediate_mds},
        {disease::mds, disease_status::cr3_or_later, st::late, crit::stage_late_mds},
        {disease::mds, disease_status::induction_failure, st::late, crit::stage_late_mds},
        {disease::cml, disease_status::cml_cp1, st::early, crit::stage_early_cml_cp1},
        {disease::cml, disease_status::cml_cp2_or_later, st::intermediate, crit::stage_intermediate_cml_cp2_or_later},
        {disease::cml, disease_status::cml_bp, st::late, crit::stage_late_cml_blast_crisis},
        {disease::myeloma, disease_status::untreated, st::early, crit::stage_early_nhl_myeloma},
        {disease::dlbcl_or_transformed, disease_status::cr1, st::early, crit::stage_early_nhl_myeloma},
        {disease::mantle_cell, disease_status::cr2, st::intermediate, crit::stage_intermediate_nhl_myeloma},
        {disease::indolent_b_nhl, disease_status::pr1, st::intermediate, crit::stage_intermediate_nhl_myeloma},
        {disease::myeloma, disease_status::pr2_or_later, st::intermediate, crit::stage_intermediate_nhl_myeloma},
        {disease::t_cell_nodal, disease_status::stable_disease, st::intermediate, crit::stage_intermediate_nhl_myeloma},
        {disease::t_cell_extranodal, disease_status::active_relapse, st::late, crit::stage_late_nhl_myeloma},
        {disease::myeloma, disease_status::cr3_or_later, st::late, crit::stage_late_nhl_myeloma},
        {disease::severe_aplastic_anaemia, disease_status::untreated, st::not_applicable_saa, crit::stage_not_scored_saa},
    };
    for (const auto& x : rows) {
        CAPTURE(p::to_string(x.d), p::to_string(x.s));
        const auto r = p::ebmt_stage_of(x.d, x.s);
        REQUIRE(r.has_value());
        CHECK(r->stage == x.expected);
        CHECK(r->verified());
        CHECK(r->evidence.id == x.evidence);
        CHECK(r->evidence.result == outcome::met);
    }
    STATIC_REQUIRE(p::ebmt_stage_points(st::early).value() == 0);
    STATIC_REQUIRE(p::ebmt_stage_points(st::intermediate).value() == 1);
    STATIC_REQUIRE(p::ebmt_stage_points(st::late).value() == 2);
    STATIC_REQUIRE(p::ebmt_stage_points(st::not_applicable_saa).value() == 0);

    SECTION("severe aplastic anaemia: stage always 0, not scored") {
        auto in = base();
        in.dx = dx_of(disease::severe_aplastic_anaemia);
        in.status = disease_status::active_relapse;
        const auto r = score(in);
        CHECK(points(r, p::ebmt_factor::disease_stage) == 0);
        CHECK(criterion_of(r, crit::stage_not_scored_saa).result == outcome::met);
        CHECK(r.stage == st::not_applicable_saa);
        CHECK(r.status == p::ebmt_status::scored);
    }
    SECTION("CML accelerated phase has no printed bin: not applicable by default, policy otherwise") {
        const auto none = p::ebmt_stage_of(disease::cml, disease_status::cml_ap);
        REQUIRE(none.has_value());
        CHECK_FALSE(none->stage.has_value());
        CHECK(none->evidence.id == crit::stage_defined);
        CHECK(none->evidence.result == outcome::not_met);
        CHECK(std::string(none->evidence.requirement) == "PAT-EBMT-003");
        auto in = base();
        in.dx = dx_of(disease::cml);
        in.status = disease_status::cml_ap;
        const auto na = score(in);
        CHECK(na.status == p::ebmt_status::not_applicable);
        CHECK(na.decided_by == crit::stage_defined);
        CHECK_FALSE(na.total.has_value());
        CHECK(na.group == p::ebmt_risk_group::not_scored);
        p::ebmt_options opt;
        opt.cml_ap = p::cml_accelerated_phase_policy::gratwohl_1998_intermediate;
        const auto r = score(in, opt);
        CHECK(r.stage == st::intermediate);
        CHECK_FALSE(r.stage_verified());
        CHECK_FALSE(criterion_of(r, crit::stage_intermediate_cml_ap_recollection).verified);
    }
    SECTION("diseases without a stage row: a value, no stage, evidence not met") {
        for (auto d : {disease::hodgkin, disease::cll, disease::mpn, disease::other_malignant,
                       disease::other_non_malignant}) {
            CAPTURE(p::to_string(d));
            const auto r = p::ebmt_stage_of(d, disease_status::cr1);
            REQUIRE(r.has_value());
            CHECK_FALSE(r->stage.has_value());
            CHECK(r->evidence.id == crit::stage_defined);
            CHECK(r->evidence.result == outcome::not_met);
            CHECK(r->evidence.measured.enumerator().as<disease>() == d);
        }
    }
    SECTION("missing status: no stage, evidence unknown; inconsistent status is refused") {
        const auto m = p::ebmt_stage_of(disease::aml, disease_status::missing);
        REQUIRE(m.has_value());
        CHECK_FALSE(m->stage.has_value());
        CHECK(m->evidence.result == outcome::unknown);
        CHECK(m->evidence.measured.what() == hsct::measure::kind::missing);
        CHECK(m->evidence.measured.enumerator().as<p::ebmt_field>() == p::ebmt_field::disease_status);
        const auto c = p::ebmt_stage_of(disease::cml, disease_status::cr1);
        REQUIRE_FALSE(c.has_value());
        CHECK(c.error().code() == hsct::errc::inconsistent);
        CHECK(c.error().value() == "CML with status CR1");
        CHECK(p::ebmt_stage_of(disease::myeloma, disease_status::cml_bp).error().code() ==
              hsct::errc::inconsistent);
    }
}

TEST_CASE("EBMT donor-recipient sex: only female donor to male recipient scores",
          "[patient][ebmt][PAT-EBMT-006][Gratwohl-2009]") {
    struct row {
        sex donor, recipient;
        int expected;
    };
    const row rows[] = {{sex::female, sex::male, 1},
                        {sex::male, sex::female, 0},
                        {sex::female, sex::female, 0},
                        {sex::male, sex::male, 0}};
    for (const auto& x : rows) {
        CAPTURE(p::to_string(x.donor), p::to_string(x.recipient));
        auto in = base();
        in.donor_sex = x.donor;
        in.recipient_sex = x.recipient;
        const auto r = score(in);
        CHECK(points(r, p::ebmt_factor::sex_combination) == x.expected);
        CHECK(criterion_of(r, crit::donor_female).measured.enumerator().as<sex>() == x.donor);
        CHECK(criterion_of(r, crit::recipient_male).measured.enumerator().as<sex>() == x.recipient);
    }
}

// Regression (issue 7 item 2): these used to be errors (not_allowed), indistinguishable in a
// batch from bad data. The test was written first and failed against ebmt_risk_score.
TEST_CASE("EBMT donor types without published points: not applicable, a value, never a guess",
          "[patient][ebmt][PAT-EBMT-005][Gratwohl-2009][regression]") {
    auto in = base();
    CHECK(points(score(in), p::ebmt_factor::donor_type) == 0);
    in.donor = donor_type::unrelated;
    CHECK(points(score(in), p::ebmt_factor::donor_type) == 1);
    for (auto d : {donor_type::haploidentical, donor_type::cord_blood, donor_type::other_related}) {
        CAPTURE(p::to_string(d));
        in.donor = d;
        const auto r = p::assess_ebmt(in);
        REQUIRE(r.has_value());
        CHECK(r->status == p::ebmt_status::not_applicable);
        CHECK_FALSE(r->scored());
        CHECK(r->decided_by == crit::donor_type_has_points);
        CHECK_FALSE(r->total.has_value());
        CHECK(r->group == p::ebmt_risk_group::not_scored);
        const auto& c = criterion_of(*r, crit::donor_type_has_points);
        CHECK(c.result == outcome::not_met);
        CHECK(c.measured.enumerator().as<donor_type>() == d);
        CHECK(std::string(c.requirement) == "PAT-EBMT-005");
        // the other factors are still evaluated
        CHECK(criterion_of(*r, crit::age_over_40).result == outcome::met);
        CHECK(r->find(crit::donor_unrelated) == nullptr);
    }
    SECTION("allogeneic HCT without the donor's sex: incomplete, the field named") {
        in.donor = donor_type::unrelated;
        in.donor_sex.reset();
        const auto r = p::assess_ebmt(in);
        REQUIRE(r.has_value());
        CHECK(r->status == p::ebmt_status::incomplete);
        CHECK(r->missing.contains(p::ebmt_field::donor_sex));
        CHECK(r->missing.size() == 1);
        CHECK_FALSE(r->total.has_value());
        const auto& c = criterion_of(*r, crit::donor_female);
        CHECK(c.result == outcome::unknown);
        CHECK(c.measured.enumerator().as<p::ebmt_field>() == p::ebmt_field::donor_sex);
    }
    SECTION("missing disease status: incomplete") {
        in.donor = donor_type::unrelated;
        in.status = disease_status::missing;
        const auto r = p::assess_ebmt(in);
        REQUIRE(r.has_value());
        CHECK(r->status == p::ebmt_status::incomplete);
        CHECK(r->missing.contains(p::ebmt_field::disease_status));
        CHECK(criterion_of(*r, crit::stage_defined).result == outcome::unknown);
        CHECK(criterion_of(*r, crit::interval_12_months).result == outcome::unknown);
    }
}

TEST_CASE("EBMT in a batch: not-applicable patients are values, only bad data is an error",
          "[patient][ebmt][PAT-EBMT-002][PAT-EBMT-005][CORE-ENUM-002][regression]") {
    std::vector<p::ebmt_input> batch;
    batch.push_back(base());  // scored
    auto haplo = base();
    haplo.donor = donor_type::haploidentical;
    batch.push_back(haplo);  // not applicable: donor
    auto hodgkin = base();
    hodgkin.dx = dx_of(disease::hodgkin);
    batch.push_back(hodgkin);  // not applicable: no stage row
    auto cord_hodgkin = hodgkin;
    cord_hodgkin.donor = donor_type::cord_blood;
    batch.push_back(cord_hodgkin);  // not applicable: the donor decides first
    auto bad_enum = base();
    bad_enum.donor = static_cast<donor_type>(9);
    batch.push_back(bad_enum);  // error
    auto bad_dates = base();
    bad_dates.hct_date = sys_days{2023y / January / 1};
    batch.push_back(bad_dates);  // error

    int scored = 0, not_applicable = 0, errors = 0;
    std::vector<std::optional<crit>> decided;
    for (const auto& in : batch) {
        const auto r = p::assess_ebmt(in);
        if (!r) {
            ++errors;
            continue;
        }
        if (r->status == p::ebmt_status::scored) {
            ++scored;
        } else if (r->status == p::ebmt_status::not_applicable) {
            ++not_applicable;
            decided.push_back(r->decided_by);
        }
    }
    CHECK(scored == 1);
    CHECK(not_applicable == 3);
    CHECK(errors == 2);
    REQUIRE(decided.size() == 3);
    CHECK(decided[0] == crit::donor_type_has_points);
    CHECK(decided[1] == crit::stage_defined);
    CHECK(decided[2] == crit::donor_type_has_points);
}

TEST_CASE("EBMT autologous HCT: no donor or sex factor, range 0-5",
          "[patient][ebmt][PAT-EBMT-007][Gratwohl-2012]") {
    const p::ebmt_input worst{age_ym(62, 0),
                              dx_of(disease::myeloma),
                              disease_status::active_relapse,
                              sys_days{2022y / May / 1},
                              sys_days{2024y / May / 1},
                              donor_type::autologous,
                              sex::male,
                              std::nullopt};
    const auto r = score(worst);
    CHECK(r.maximum.value() == 5);
    CHECK(total(r) == 5);
    // PAT-EBMT-010: no group by default for the 0-5 autologous score.
    CHECK(r.group == p::ebmt_risk_group::not_grouped);
    CHECK_FALSE(r.group_extrapolated);
    CHECK(criterion_of(r, crit::donor_unrelated).result == outcome::not_applicable);
    CHECK(criterion_of(r, crit::donor_female).result == outcome::not_applicable);
    CHECK(criterion_of(r, crit::recipient_male).result == outcome::not_applicable);
    CHECK(std::string(criterion_of(r, crit::donor_female).requirement) == "PAT-EBMT-007");
    CHECK(points(r, p::ebmt_factor::donor_type) == 0);
    CHECK(points(r, p::ebmt_factor::sex_combination) == 0);

    auto best = worst;
    best.age_at_hct = age_ym(18, 0);
    best.status = disease_status::cr1;
    CHECK(total(score(best)) == 0);

    auto with_sex = worst;
    with_sex.donor_sex = sex::female;
    const auto e = p::assess_ebmt(with_sex);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == hsct::errc::inconsistent);
    CHECK(e.error().field() == "ebmt.donor_sex");
    CHECK(e.error().value() == "female");
}

TEST_CASE("EBMT autologous score: per score only by default, 0-7 cut-offs only by flagged policy",
          "[patient][ebmt][PAT-EBMT-010][PAT-EBMT-008][PAT-EBMT-007][Gratwohl-2012]") {
    // Autologous myeloma, 25 y (1), CR1 stage early (0), interval not scored in CR1: total 1;
    // relapse (late, 2) and > 12 months (1) and > 40 y (2) give 5.
    const p::ebmt_input low{age_ym(25, 0),
                            dx_of(disease::myeloma),
                            disease_status::cr1,
                            sys_days{2024y / January / 10},
                            sys_days{2024y / June / 10},
                            donor_type::autologous,
                            sex::female,
                            std::nullopt};
    CHECK(p::ebmt_options{}.autologous_grouping == p::ebmt_autologous_grouping_policy::per_score_only);
    const auto def = score(low);
    CHECK(total(def) == 1);
    CHECK(def.group == p::ebmt_risk_group::not_grouped);
    CHECK_FALSE(def.group_extrapolated);
    CHECK(p::to_string(p::ebmt_risk_group::not_grouped) == "not grouped");

    p::ebmt_options ext;
    ext.autologous_grouping = p::ebmt_autologous_grouping_policy::allogeneic_cut_offs_unverified;
    using g = p::ebmt_risk_group;
    struct row {
        int years;
        disease_status status;
        int total;
        g group;
    };
    for (const auto& x : {row{45, disease_status::cr1, 2, g::low},
                          row{45, disease_status::cr2, 3, g::intermediate},
                          row{45, disease_status::active_relapse, 4, g::intermediate},
                          row{62, disease_status::active_relapse, 4, g::intermediate}}) {
        auto in = low;
        in.age_at_hct = age_ym(x.years, 0);
        in.status = x.status;
        const auto r = score(in, ext);
        CAPTURE(x.years);
        CHECK(total(r) == x.total);
        CHECK(r.group == x.group);
        CHECK(r.group_extrapolated);
        CHECK(r.options.autologous_grouping == ext.autologous_grouping);
    }
    auto worst = low;
    worst.age_at_hct = age_ym(62, 0);
    worst.status = disease_status::active_relapse;
    worst.diagnosis_date = sys_days{2022y / May / 1};
    worst.hct_date = sys_days{2024y / May / 1};
    const auto w = score(worst, ext);
    CHECK(total(w) == 5);
    CHECK(w.group == g::high);
    // Allogeneic scores are never marked extrapolated, whatever the autologous policy.
    auto allo = base();
    allo.donor = donor_type::unrelated;
    allo.donor_sex = sex::female;
    const auto a = score(allo, ext);
    CHECK(a.group == g::intermediate);
    CHECK_FALSE(a.group_extrapolated);
    // A stored option number that is not declared is refused.
    p::ebmt_options bad;
    bad.autologous_grouping = static_cast<p::ebmt_autologous_grouping_policy>(0);
    const auto e = p::assess_ebmt(low, bad);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == hsct::errc::out_of_range);
    CHECK(e.error().field() == "ebmt.options.autologous_grouping");
    CHECK(e.error().value() == "0");
}

TEST_CASE("EBMT stage rows are marked as matching the handbook, not as primary-verified",
          "[patient][ebmt][PAT-EBMT-002][PAT-EBMT-003][HB24-11]") {
    auto in = base();
    in.donor = donor_type::unrelated;
    in.donor_sex = sex::female;
    const auto r = score(in);
    CHECK(r.stage_verified());
    for (const auto& c : r.criteria) {
        CAPTURE(p::id(c.id));
        CHECK(c.verified);
    }
}

TEST_CASE("EBMT risk groups under both grouping policies, per-score form always available",
          "[patient][ebmt][PAT-EBMT-008][PubMed-24655161]") {
    using g = p::ebmt_risk_group;
    const g three[] = {g::low, g::low, g::low, g::intermediate, g::intermediate, g::high, g::high, g::high};
    const g four[] = {g::low, g::low, g::low, g::intermediate_1, g::intermediate_2, g::high, g::high, g::high};
    for (int v = 0; v <= 7; ++v) {
        CAPTURE(v);
        const auto idx = static_cast<std::size_t>(v);
        CHECK(p::ebmt_group_of(pts(v), p::ebmt_grouping_policy::three_groups_0_2_3_4_5_7) == three[idx]);
        CHECK(p::ebmt_group_of(pts(v), p::ebmt_grouping_policy::four_groups_0_2_3_4_5_7) == four[idx]);
    }
    auto in = base();
    in.donor = donor_type::unrelated;
    in.donor_sex = sex::female;  // X1: 4 points
    p::ebmt_options opt;
    opt.grouping = p::ebmt_grouping_policy::four_groups_0_2_3_4_5_7;
    const auto r = score(in, opt);
    CHECK(total(r) == 4);
    CHECK(r.group == g::intermediate_2);
    CHECK(r.options.grouping == opt.grouping);

    SECTION("stored points are checked") {
        CHECK(p::ebmt_points::make(0).has_value());
        CHECK(p::ebmt_points::make(7).has_value());
        STATIC_REQUIRE(p::ebmt_points::of<7>().value() == 7);
        for (int bad : {-1, 8}) {
            const auto e = p::ebmt_points::make(bad, "ebmt");
            REQUIRE_FALSE(e.has_value());
            CHECK(e.error().code() == hsct::errc::out_of_range);
            CHECK(e.error().field() == "ebmt");
            CHECK(e.error().value() == std::to_string(bad));
            CHECK(e.error().valid_range() == "0-7");
            CHECK(e.error().requirement() == "PAT-EBMT-008");
        }
    }
}

TEST_CASE("EBMT points are a bounded score 0-7: 7 is made, 8 is refused naming the score",
          "[patient][ebmt][CORE-SCORE-001][PAT-EBMT-008][Gratwohl-2009]") {
    const auto top = p::ebmt_points::make(7);
    REQUIRE(top.has_value());
    CHECK(top->value() == 7);
    const auto over = p::ebmt_points::make(8);
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().code() == hsct::errc::out_of_range);
    CHECK(over.error().value() == "8");
    CHECK(over.error().valid_range() == "0-7");
    const auto under = p::ebmt_points::make(-1);
    REQUIRE_FALSE(under.has_value());
    CHECK(under.error().code() == hsct::errc::out_of_range);
    // the worst allogeneic case (X3) reaches the top of the range, not beyond it
    const p::ebmt_input in = x3();
    const auto r = score(in);
    CHECK(total(r) == 7);
    CHECK(r.maximum.value() == 7);
}

TEST_CASE("EBMT criteria: every assessment records its 7 criteria, the capacity of the list",
          "[patient][ebmt][PAT-EBMT-001][CORE-EXPLAIN-001][Gratwohl-2009]") {
    // 2 age criteria, 1 stage, 1 interval, 1 donor, 2 sex: the list holds exactly that many
    STATIC_REQUIRE(p::ebmt_result::max_criteria == 7);
    auto in = base();
    const auto allo = score(in);
    CHECK(allo.criteria.size() == 7);
    CHECK(allo.criteria.capacity() == 7);
    CHECK(criterion_of(allo, crit::age_20_or_older).result == outcome::met);
    CHECK(criterion_of(allo, crit::age_over_40).result == outcome::met);
    in.donor = donor_type::autologous;
    in.donor_sex.reset();
    const auto autologous = score(in);
    CHECK(autologous.criteria.size() == 7);
}

TEST_CASE("EBMT types cannot be built from bare numbers; results hold no heap types",
          "[patient][ebmt][PAT-EBMT-008][CORE-SCORE-001][CORE-EXPLAIN-001]") {
    STATIC_REQUIRE(std::is_same_v<p::ebmt_points, hsct::bounded_score<p::ebmt_points_tag>>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<p::ebmt_points, int>);
    STATIC_REQUIRE(std::is_copy_constructible_v<p::ebmt_points>);
    STATIC_REQUIRE(sizeof(p::ebmt_points) == sizeof(int));
    STATIC_REQUIRE_FALSE(std::is_convertible_v<int, hsct::donor_type>);
    STATIC_REQUIRE(std::is_convertible_v<hsct::donor_type, hsct::donor_type>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<int, hsct::age>);
    STATIC_REQUIRE(std::is_convertible_v<hsct::age, hsct::age>);
    // no std::string, no std::vector: the result is plain data
    STATIC_REQUIRE(std::is_trivially_copyable_v<p::ebmt_result>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<p::ebmt_stage_result>);
}

TEST_CASE("EBMT score refuses enum numbers that are not declared values, never scores them",
          "[patient][ebmt][CORE-ENUM-002][PAT-EBMT-005]") {
    const auto refused = [](const p::ebmt_input& in, const p::ebmt_options& opt,
                            const std::string& field, const std::string& value) {
        const auto r = p::assess_ebmt(in, opt);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == field);
        CHECK(r.error().value() == value);
        CHECK(r.error().valid_range().rfind("one of 1 (", 0) == 0);
    };
    const p::ebmt_options opt{};
    REQUIRE(p::assess_ebmt(base()).has_value());
    {
        auto in = base();
        in.donor = static_cast<donor_type>(7);
        refused(in, opt, "ebmt.donor", "7");
        in.donor = static_cast<donor_type>(0);  // a zeroed field is no longer a sibling
        refused(in, opt, "ebmt.donor", "0");
    }
    {
        auto in = base();
        in.recipient_sex = static_cast<sex>(0);
        refused(in, opt, "ebmt.recipient_sex", "0");
        in = base();
        in.donor_sex = static_cast<sex>(7);
        refused(in, opt, "ebmt.donor_sex", "7");
    }
    {
        auto in = base();
        in.status = static_cast<disease_status>(0);
        refused(in, opt, "ebmt.status", "0");
        in = base();
        in.dx = hsct::diagnosis::aml(static_cast<hsct::cytogenetic_risk>(9));
        refused(in, opt, "ebmt.dx.cytogenetics", "9");
    }
    {
        p::ebmt_options bad;
        bad.grouping = static_cast<p::ebmt_grouping_policy>(0);
        refused(base(), bad, "ebmt.options.grouping", "0");
        bad = {};
        bad.interval = static_cast<p::ebmt_interval_policy>(3);
        refused(base(), bad, "ebmt.options.interval", "3");
        bad = {};
        bad.cml_ap = static_cast<p::cml_accelerated_phase_policy>(0);
        refused(base(), bad, "ebmt.options.cml_ap", "0");
        bad = {};
        bad.age_reading = static_cast<hsct::age_resolution>(0);
        refused(base(), bad, "ebmt.options.age_reading", "0");
    }
    {
        const auto d = p::ebmt_stage_of(static_cast<disease>(0), disease_status::cr1);
        REQUIRE_FALSE(d.has_value());
        CHECK(d.error().code() == hsct::errc::out_of_range);
        CHECK(d.error().field() == "disease");
        const auto s = p::ebmt_stage_of(disease::aml, static_cast<disease_status>(0));
        REQUIRE_FALSE(s.has_value());
        CHECK(s.error().field() == "disease_status");
        const auto c = p::ebmt_stage_of(disease::cml, disease_status::cml_ap,
                                        static_cast<p::cml_accelerated_phase_policy>(5));
        REQUIRE_FALSE(c.has_value());
        CHECK(c.error().field() == "cml_ap");
        CHECK(c.error().value() == "5");
    }
    CHECK(p::to_string(static_cast<donor_type>(0)) == "invalid (0)");
    CHECK(p::to_string(static_cast<p::ebmt_risk_group>(0)) == "invalid (0)");
    STATIC_REQUIRE(static_cast<int>(donor_type::hla_identical_sibling) == 1);
    STATIC_REQUIRE(static_cast<int>(p::ebmt_factor::age) == 1);
    // every criterion belongs to a factor, and every factor has a criterion
    for (const auto c : hsct::values<crit>()) {
        CHECK(hsct::is_valid(p::ebmt_factor_of(c)));
    }
    const auto r = score(base());
    for (const auto f : hsct::values<p::ebmt_factor>()) {
        bool found = false;
        for (const auto& c : r.criteria) {
            found = found || p::ebmt_factor_of(c.id) == f;
        }
        CHECK(found);
    }
}

TEST_CASE("assess_ebmt allocates nothing on the success path",
          "[patient][ebmt][CORE-EXPLAIN-001][PAT-EBMT-001]") {
    auto scored_in = base();
    scored_in.donor = donor_type::unrelated;
    scored_in.donor_sex = sex::female;
    auto haplo = base();
    haplo.donor = donor_type::haploidentical;
    auto incomplete = base();
    incomplete.donor_sex.reset();
    const p::ebmt_options opt{};
    std::size_t n_scored = 0, n_haplo = 0, n_incomplete = 0;
    bool ok = true;
    {
        const hsct_test::allocation_counter n;
        const auto r = p::assess_ebmt(scored_in, opt);
        n_scored = n.count();
        ok = ok && r.has_value() && r->status == p::ebmt_status::scored;
    }
    {
        const hsct_test::allocation_counter n;
        const auto r = p::assess_ebmt(haplo, opt);
        n_haplo = n.count();
        ok = ok && r.has_value() && r->status == p::ebmt_status::not_applicable;
    }
    {
        const hsct_test::allocation_counter n;
        const auto r = p::assess_ebmt(incomplete, opt);
        n_incomplete = n.count();
        ok = ok && r.has_value() && r->status == p::ebmt_status::incomplete;
    }
    CHECK(ok);
    CHECK(n_scored == 0);
    CHECK(n_haplo == 0);
    CHECK(n_incomplete == 0);
    // the counter does count: an error path allocates its text
    auto bad = base();
    bad.donor = static_cast<donor_type>(9);
    const hsct_test::allocation_counter n;
    const auto e = p::assess_ebmt(bad, opt);
    const auto n_error = n.count();
    CHECK_FALSE(e.has_value());
    CHECK(n_error > 0);
}

TEST_CASE("EBMT result enums read back from their ids and numbers",
          "[patient][ebmt][enum][CORE-ENUM-001][CORE-ENUM-002]") {
    const auto round_trip = [](auto e) {
        using E = decltype(e);
        CAPTURE(p::id(e));
        CHECK(hsct::detail::is_enum_identifier(p::id(e)));
        CHECK(p::parse_enum<E>(p::id(e), "field").value() == e);
        CHECK(p::make_enum<E>(static_cast<std::uint8_t>(e), "field").value() == e);
        CHECK_FALSE(p::label(e).empty());
    };
    for (const auto e : hsct::values<crit>()) {
        round_trip(e);
    }
    for (const auto e : hsct::values<p::ebmt_field>()) {
        round_trip(e);
    }
    for (const auto e : hsct::values<p::ebmt_status>()) {
        round_trip(e);
    }
    CHECK(hsct::values<crit>().size() == 22);
    CHECK(p::id(p::ebmt_status::not_applicable) == "not_applicable");
    CHECK(p::id(p::ebmt_risk_group::not_scored) == "not_scored");
}

}  // namespace hsct_test_patient_ebmt_score_test
