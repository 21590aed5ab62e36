// Tests for include/hsct/patient/ebmt_score.hpp: the EBMT (Gratwohl) risk score, its stage
// derivation, its boundary policies and its risk groups.
#include <hsct/patient/ebmt_score.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <type_traits>

#include "support/catch.hpp"

namespace p = hsct::patient;
using namespace std::chrono;
using hsct::disease;
using hsct::disease_status;
using hsct::donor_type;
using hsct::sex;

namespace {
hsct::age age_ym(int y, int m) {
    auto a = hsct::age::from_years_months(y, m);
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

p::ebmt_result score(const p::ebmt_input& in, const p::ebmt_policies& pol = {}) {
    auto r = p::ebmt_risk_score(in, pol);
    if (!r) {
        CAPTURE(r.error().message());
    }
    REQUIRE(r.has_value());
    return *r;
}

int points(const p::ebmt_result& r, p::ebmt_factor f) { return r.factor(f).points.value(); }

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

p::ebmt_points pts(int v) { return p::ebmt_points::from_value(v).value(); }
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
    CHECK(r.total.value() == 4);
    CHECK(r.maximum.value() == 7);
    CHECK(r.group == p::ebmt_risk_group::intermediate);
    CHECK(r.stage == p::ebmt_stage::early);
    CHECK(r.rule_version == p::ebmt_rule_version);
    CHECK(r.policies == p::ebmt_policies{});
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
    CHECK(r.total.value() == 2);
    CHECK(r.group == p::ebmt_risk_group::low);
}

TEST_CASE("EBMT worked example X3: 62 y man, refractory MDS, 18 months, unrelated female donor -> 7",
          "[patient][ebmt][PAT-EBMT-002][PAT-EBMT-008][Gratwohl-2009]") {
    const p::ebmt_input in{age_ym(62, 0),
                           hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::adverse),
                           disease_status::induction_failure,
                           sys_days{2023y / January / 5},
                           sys_days{2024y / July / 5},
                           donor_type::unrelated,
                           sex::male,
                           sex::female};
    const auto r = score(in);
    CHECK(r.stage == p::ebmt_stage::late);
    CHECK(r.total.value() == 7);
    CHECK(r.total == r.maximum);
    CHECK(r.group == p::ebmt_risk_group::high);
    const auto s = r.explanation();
    CHECK(contains(s, "EBMT score 7/7"));
    CHECK(contains(s, "late: MDS in another stage"));
    CHECK(contains(s, "female donor to male recipient"));
    CHECK(contains(s, "EBMT Handbook 2024 Table 11.2"));
    CHECK(contains(s, "completed years"));
}

TEST_CASE("EBMT worked example X4 and K6: age 40 y 1 mo is 1 point in completed years, 2 exact",
          "[patient][ebmt][PAT-EBMT-001][PAT-AGE-002][K6]") {
    auto in = base();
    in.age_at_hct = age_ym(40, 0);
    CHECK(points(score(in), p::ebmt_factor::age) == 1);
    in.age_at_hct = age_ym(40, 1);
    CHECK(points(score(in), p::ebmt_factor::age) == 1);
    p::ebmt_policies exact;
    exact.age_reading = hsct::age_resolution::exact;
    const auto r = score(in, exact);
    CHECK(points(r, p::ebmt_factor::age) == 2);
    CHECK(r.policies.age_reading == hsct::age_resolution::exact);
    CHECK(contains(r.explanation(), "exact years"));
}

TEST_CASE("EBMT age bins: below, at and above 20 and 40 under both resolutions",
          "[patient][ebmt][PAT-EBMT-001][PAT-AGE-002][Gratwohl-2009]") {
    p::ebmt_policies exact;
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
        in.age_at_hct = hsct::age::between(birth, sys_days{2024y / March / 15}).value();
        CHECK(points(score(in), p::ebmt_factor::age) == 1);
        CHECK(points(score(in, exact), p::ebmt_factor::age) == 1);
        in.age_at_hct = hsct::age::between(birth, sys_days{2024y / March / 16}).value();
        CHECK(points(score(in), p::ebmt_factor::age) == 1);
        CHECK(points(score(in, exact), p::ebmt_factor::age) == 2);
    }
}

TEST_CASE("EBMT interval: the 12-month boundary under both policies",
          "[patient][ebmt][PAT-EBMT-004][HB24-11][Gratwohl-2009]") {
    p::ebmt_policies hb24;  // default
    p::ebmt_policies gratwohl;
    gratwohl.interval = p::ebmt_interval_boundary::gratwohl_le12_0_gt12_1;
    REQUIRE(hb24.interval == p::ebmt_interval_boundary::hb24_lt12_0_ge12_1);

    auto in = base();
    in.status = disease_status::cr2;
    in.diagnosis_date = sys_days{2023y / April / 20};
    struct row {
        sys_days hct;
        int hb24_points, gratwohl_points;
        const char* what;
    };
    const row rows[] = {
        {sys_days{2023y / April / 20}, 0, 0, "less than 12 months"},
        {sys_days{2024y / April / 19}, 0, 0, "less than 12 months"},
        {sys_days{2024y / April / 20}, 1, 0, "exactly 12 months"},
        {sys_days{2024y / April / 21}, 1, 1, "more than 12 months"},
        {sys_days{2026y / April / 20}, 1, 1, "more than 12 months"},
    };
    for (const auto& x : rows) {
        CAPTURE(hsct::to_string(x.hct));
        in.hct_date = x.hct;
        const auto a = score(in, hb24);
        const auto b = score(in, gratwohl);
        CHECK(points(a, p::ebmt_factor::interval) == x.hb24_points);
        CHECK(points(b, p::ebmt_factor::interval) == x.gratwohl_points);
        CHECK(contains(a.factor(p::ebmt_factor::interval).reason, x.what));
        CHECK(b.policies.interval == gratwohl.interval);
    }
    SECTION("12 months after 29 February is 1 March") {
        CHECK(p::ebmt_twelve_months_after(sys_days{2024y / February / 29}) ==
              sys_days{2025y / March / 1});
        CHECK(p::ebmt_twelve_months_after(sys_days{2023y / January / 31}) ==
              sys_days{2024y / January / 31});
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
        CHECK_FALSE(r.factor(p::ebmt_factor::interval).scored);
        CHECK(contains(r.factor(p::ebmt_factor::interval).reason, "not scored in CR1"));
    }
    SECTION("HCT before diagnosis is refused") {
        in.hct_date = sys_days{2023y / April / 19};
        const auto r = p::ebmt_risk_score(in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::inconsistent);
        CHECK(r.error().field() == "ebmt.hct_date");
        CHECK(r.error().value() == "HCT 2023-04-19 before diagnosis 2023-04-20");
    }
}

TEST_CASE("EBMT stage from disease and status (HB24-11 Table 11.2 footnote)",
          "[patient][ebmt][PAT-EBMT-002][PAT-EBMT-003][PAT-EBMT-009][HB24-11][SC-5]") {
    using st = p::ebmt_stage;
    struct row {
        disease d;
        disease_status s;
        st expected;
    };
    const row rows[] = {
        {disease::aml, disease_status::cr1, st::early},
        {disease::all, disease_status::cr2, st::intermediate},
        {disease::aml, disease_status::cr3_or_later, st::late},
        {disease::all, disease_status::untreated, st::late},
        {disease::aml, disease_status::pr1, st::late},
        {disease::aml, disease_status::active_relapse, st::late},
        {disease::mds, disease_status::cr1, st::early},
        {disease::mds, disease_status::untreated, st::early},
        {disease::mds, disease_status::cr2, st::intermediate},
        {disease::mds, disease_status::pr1, st::intermediate},
        {disease::mds, disease_status::pr2_or_later, st::intermediate},
        {disease::mds, disease_status::cr3_or_later, st::late},
        {disease::mds, disease_status::induction_failure, st::late},
        {disease::cml, disease_status::cml_cp1, st::early},
        {disease::cml, disease_status::cml_cp2_or_later, st::intermediate},
        {disease::cml, disease_status::cml_bp, st::late},
        {disease::myeloma, disease_status::untreated, st::early},
        {disease::dlbcl_or_transformed, disease_status::cr1, st::early},
        {disease::mantle_cell, disease_status::cr2, st::intermediate},
        {disease::indolent_b_nhl, disease_status::pr1, st::intermediate},
        {disease::myeloma, disease_status::pr2_or_later, st::intermediate},
        {disease::t_cell_nodal, disease_status::stable_disease, st::intermediate},
        {disease::t_cell_extranodal, disease_status::active_relapse, st::late},
        {disease::myeloma, disease_status::cr3_or_later, st::late},
        {disease::severe_aplastic_anaemia, disease_status::untreated, st::not_applicable_saa},
    };
    for (const auto& x : rows) {
        CAPTURE(p::to_string(x.d), p::to_string(x.s));
        const auto r = p::ebmt_stage_of(x.d, x.s);
        REQUIRE(r.has_value());
        CHECK(r->stage == x.expected);
        CHECK(r->verified);
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
        CHECK_FALSE(r.factor(p::ebmt_factor::disease_stage).scored);
        CHECK(r.stage == st::not_applicable_saa);
    }
    SECTION("CML accelerated phase has no printed bin: refused by default, policy otherwise") {
        const auto refused = p::ebmt_stage_of(disease::cml, disease_status::cml_ap);
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().code() == hsct::errc::not_allowed);
        CHECK(refused.error().field() == "disease_status");
        CHECK(refused.error().value() == "CML accelerated phase");
        auto in = base();
        in.dx = dx_of(disease::cml);
        in.status = disease_status::cml_ap;
        CHECK_FALSE(p::ebmt_risk_score(in).has_value());
        p::ebmt_policies pol;
        pol.cml_ap = p::cml_accelerated_phase_policy::gratwohl_1998_intermediate;
        const auto r = score(in, pol);
        CHECK(r.stage == st::intermediate);
        CHECK_FALSE(r.stage_verified);
        CHECK(contains(r.explanation(), "UNVERIFIED"));
    }
    SECTION("diseases without a stage row are refused") {
        for (auto d : {disease::hodgkin, disease::cll, disease::mpn, disease::other_malignant,
                       disease::other_non_malignant}) {
            CAPTURE(p::to_string(d));
            const auto r = p::ebmt_stage_of(d, disease_status::cr1);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code() == hsct::errc::not_allowed);
            CHECK(r.error().field() == "disease");
        }
    }
    SECTION("missing or inconsistent status is refused") {
        const auto m = p::ebmt_stage_of(disease::aml, disease_status::missing);
        REQUIRE_FALSE(m.has_value());
        CHECK(m.error().code() == hsct::errc::missing);
        CHECK(m.error().field() == "disease_status");
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
        CHECK(points(score(in), p::ebmt_factor::sex_combination) == x.expected);
    }
}

TEST_CASE("EBMT donor types without published points are refused, not guessed",
          "[patient][ebmt][PAT-EBMT-005][Gratwohl-2009]") {
    auto in = base();
    CHECK(points(score(in), p::ebmt_factor::donor_type) == 0);
    in.donor = donor_type::unrelated;
    CHECK(points(score(in), p::ebmt_factor::donor_type) == 1);
    for (auto d : {donor_type::haploidentical, donor_type::cord_blood, donor_type::other_related}) {
        CAPTURE(p::to_string(d));
        in.donor = d;
        const auto r = p::ebmt_risk_score(in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::not_allowed);
        CHECK(r.error().field() == "ebmt.donor");
        CHECK(r.error().value() == p::to_string(d));
        CHECK(contains(r.error().valid_range(), "HLA-identical sibling"));
    }
    SECTION("allogeneic HCT needs the donor's sex") {
        in.donor = donor_type::unrelated;
        in.donor_sex.reset();
        const auto r = p::ebmt_risk_score(in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::missing);
        CHECK(r.error().field() == "ebmt.donor_sex");
    }
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
    CHECK(r.total.value() == 5);
    // PAT-EBMT-010: no group by default for the 0-5 autologous score.
    CHECK(r.group == p::ebmt_risk_group::not_grouped);
    CHECK_FALSE(r.group_extrapolated);
    CHECK_FALSE(r.factor(p::ebmt_factor::donor_type).scored);
    CHECK_FALSE(r.factor(p::ebmt_factor::sex_combination).scored);
    CHECK(points(r, p::ebmt_factor::donor_type) == 0);
    CHECK(points(r, p::ebmt_factor::sex_combination) == 0);

    auto best = worst;
    best.age_at_hct = age_ym(18, 0);
    best.status = disease_status::cr1;
    CHECK(score(best).total.value() == 0);

    auto with_sex = worst;
    with_sex.donor_sex = sex::female;
    const auto e = p::ebmt_risk_score(with_sex);
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
    CHECK(p::ebmt_policies{}.autologous_grouping == p::ebmt_autologous_grouping::per_score_only);
    const auto def = score(low);
    CHECK(def.total.value() == 1);
    CHECK(def.group == p::ebmt_risk_group::not_grouped);
    CHECK_FALSE(def.group_extrapolated);
    CHECK(contains(def.explanation(),
                   "EBMT score 1/5 (autologous 0-5: per score only, no published grouping)"));
    CHECK(p::to_string(p::ebmt_risk_group::not_grouped) == "not grouped");

    p::ebmt_policies ext;
    ext.autologous_grouping = p::ebmt_autologous_grouping::allogeneic_cut_offs_unverified;
    using g = p::ebmt_risk_group;
    // totals 2 / 3 / 5 under the three-group cut-offs: low (at 2), intermediate (3), high (5)
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
        CAPTURE(x.years, r.explanation());
        CHECK(r.total.value() == x.total);
        CHECK(r.group == x.group);
        CHECK(r.group_extrapolated);
        CHECK(contains(r.explanation(), "(hsct policy, unverified)"));
    }
    auto worst = low;
    worst.age_at_hct = age_ym(62, 0);
    worst.status = disease_status::active_relapse;
    worst.diagnosis_date = sys_days{2022y / May / 1};
    worst.hct_date = sys_days{2024y / May / 1};
    const auto w = score(worst, ext);
    CHECK(w.total.value() == 5);
    CHECK(w.group == g::high);
    // Allogeneic scores are never marked extrapolated, whatever the autologous policy.
    auto allo = base();
    allo.donor = donor_type::unrelated;
    allo.donor_sex = sex::female;
    const auto a = score(allo, ext);
    CHECK(a.group == g::intermediate);
    CHECK_FALSE(a.group_extrapolated);
    // A stored policy number that is not declared is refused.
    p::ebmt_policies bad;
    bad.autologous_grouping = static_cast<p::ebmt_autologous_grouping>(0);
    const auto e = p::ebmt_risk_score(low, bad);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == hsct::errc::out_of_range);
    CHECK(e.error().field() == "ebmt.policies.autologous_grouping");
    CHECK(e.error().value() == "0");
}

TEST_CASE("EBMT explanation labels stage rows as matching the handbook, not as primary-verified",
          "[patient][ebmt][PAT-EBMT-002][PAT-EBMT-003][HB24-11]") {
    auto in = base();
    in.donor = donor_type::unrelated;
    in.donor_sex = sex::female;
    const auto r = score(in);
    CHECK(r.stage_verified);
    CHECK(contains(r.explanation(), "early: acute leukaemia in CR1 (matches EBMT Handbook 2024 "
                                    "Table 11.2 [V-HB24])"));
    CHECK_FALSE(contains(r.explanation(), "UNVERIFIED"));
}

TEST_CASE("EBMT risk groups under both grouping policies, per-score form always available",
          "[patient][ebmt][PAT-EBMT-008][PubMed-24655161]") {
    using g = p::ebmt_risk_group;
    const g three[] = {g::low, g::low, g::low, g::intermediate, g::intermediate, g::high, g::high, g::high};
    const g four[] = {g::low, g::low, g::low, g::intermediate_1, g::intermediate_2, g::high, g::high, g::high};
    for (int v = 0; v <= 7; ++v) {
        CAPTURE(v);
        const auto idx = static_cast<std::size_t>(v);
        CHECK(p::ebmt_group_of(pts(v), p::ebmt_grouping::three_groups_0_2_3_4_5_7) == three[idx]);
        CHECK(p::ebmt_group_of(pts(v), p::ebmt_grouping::four_groups_0_2_3_4_5_7) == four[idx]);
    }
    auto in = base();
    in.donor = donor_type::unrelated;
    in.donor_sex = sex::female;  // X1: 4 points
    p::ebmt_policies pol;
    pol.grouping = p::ebmt_grouping::four_groups_0_2_3_4_5_7;
    const auto r = score(in, pol);
    CHECK(r.total.value() == 4);
    CHECK(r.group == g::intermediate_2);
    CHECK(contains(r.explanation(), "24655161"));

    SECTION("stored points are checked") {
        CHECK(p::ebmt_points::from_value(0).has_value());
        CHECK(p::ebmt_points::from_value(7).has_value());
        for (int bad : {-1, 8}) {
            const auto e = p::ebmt_points::from_value(bad, "ebmt");
            REQUIRE_FALSE(e.has_value());
            CHECK(e.error().code() == hsct::errc::out_of_range);
            CHECK(e.error().field() == "ebmt");
            CHECK(e.error().value() == std::to_string(bad));
            CHECK(e.error().valid_range() == "0-7 points");
        }
    }
}

TEST_CASE("EBMT types cannot be built from bare numbers", "[patient][ebmt][PAT-EBMT-008]") {
    STATIC_REQUIRE_FALSE(std::is_constructible_v<p::ebmt_points, int>);
    STATIC_REQUIRE(std::is_copy_constructible_v<p::ebmt_points>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<int, hsct::donor_type>);
    STATIC_REQUIRE(std::is_convertible_v<hsct::donor_type, hsct::donor_type>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<int, hsct::age>);
    STATIC_REQUIRE(std::is_convertible_v<hsct::age, hsct::age>);
}

TEST_CASE("EBMT score refuses enum numbers that are not declared values, never scores them",
          "[patient][ebmt][PAT-ENUM-001][PAT-EBMT-005]") {
    const auto refused = [](const p::ebmt_input& in, const p::ebmt_policies& pol,
                            const std::string& field, const std::string& value) {
        const auto r = p::ebmt_risk_score(in, pol);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == field);
        CHECK(r.error().value() == value);
        CHECK(r.error().valid_range().rfind("one of 1 (", 0) == 0);
    };
    const p::ebmt_policies pol{};
    REQUIRE(p::ebmt_risk_score(base()).has_value());
    {
        auto in = base();
        in.donor = static_cast<donor_type>(7);
        refused(in, pol, "ebmt.donor", "7");
        in.donor = static_cast<donor_type>(0);  // a zeroed field is no longer a sibling
        refused(in, pol, "ebmt.donor", "0");
    }
    {
        auto in = base();
        in.recipient_sex = static_cast<sex>(0);
        refused(in, pol, "ebmt.recipient_sex", "0");
        in = base();
        in.donor_sex = static_cast<sex>(7);
        refused(in, pol, "ebmt.donor_sex", "7");
    }
    {
        auto in = base();
        in.status = static_cast<disease_status>(0);
        refused(in, pol, "ebmt.status", "0");
        in = base();
        in.dx = hsct::diagnosis::aml(static_cast<hsct::cytogenetic_risk>(9));
        refused(in, pol, "ebmt.dx.cytogenetics", "9");
    }
    {
        p::ebmt_policies bad;
        bad.grouping = static_cast<p::ebmt_grouping>(0);
        refused(base(), bad, "ebmt.policies.grouping", "0");
        bad = {};
        bad.interval = static_cast<p::ebmt_interval_boundary>(3);
        refused(base(), bad, "ebmt.policies.interval", "3");
        bad = {};
        bad.cml_ap = static_cast<p::cml_accelerated_phase_policy>(0);
        refused(base(), bad, "ebmt.policies.cml_ap", "0");
        bad = {};
        bad.age_reading = static_cast<hsct::age_resolution>(0);
        refused(base(), bad, "ebmt.policies.age_reading", "0");
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
    // factor() finds each factor whatever its number
    const auto r = score(base());
    for (const auto f : {p::ebmt_factor::age, p::ebmt_factor::disease_stage, p::ebmt_factor::interval,
                         p::ebmt_factor::donor_type, p::ebmt_factor::sex_combination}) {
        CHECK(r.factor(f).factor == f);
    }
}
