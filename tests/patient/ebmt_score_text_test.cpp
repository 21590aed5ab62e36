// Tests for include/hsct/patient/ebmt_score_text.hpp: the EBMT result rendered from its data,
// in English and through a second (German) catalogue.
#include <hsct/patient/ebmt_score_text.hpp>

#include <chrono>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_ebmt_score_text_test {

namespace p = hsct::patient;
using namespace std::chrono;
using hsct::disease_status;
using hsct::donor_type;
using hsct::sex;

namespace {
p::ebmt_input x1() {  // 45 y man, AML CR1, 5 months, unrelated female donor: 4
    return p::ebmt_input{hsct::age::make(45, 0).value(),
                         hsct::diagnosis::aml(hsct::cytogenetic_risk::intermediate),
                         disease_status::cr1,
                         sys_days{2024y / January / 10},
                         sys_days{2024y / June / 10},
                         donor_type::unrelated,
                         sex::male,
                         sex::female};
}

std::string text(const p::ebmt_input& in, const p::ebmt_options& opt = {},
                 const hsct::message_catalogue& cat = hsct::english()) {
    const auto r = p::assess_ebmt(in, opt);
    REQUIRE(r.has_value());
    return p::render(*r, cat);
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("EBMT text: worked example X1, every factor with its points and criteria",
          "[patient][ebmt][text][PAT-EBMT-001][PAT-EBMT-002][PAT-EBMT-004][CORE-EXPLAIN-002]") {
    CHECK(text(x1()) ==
          "EBMT score 4/7 (intermediate, groups 0-2 / 3-4 / 5-7); "
          "age 2: age 20 years or older (1 point): 45 years >= 20 years: met [PAT-EBMT-001], "
          "age over 40 years (2 points): 45 years > 40 years: met [PAT-EBMT-001]; "
          "disease stage 0: early: acute leukaemia in CR1: CR1: met [PAT-EBMT-002] (matches EBMT "
          "Handbook 2024 Table 11.2 [V-HB24]); "
          "interval diagnosis to HCT 0: interval from diagnosis to HCT at 12 calendar months, "
          "outside CR1 (1 point): 152 days >= 366 days: does not apply [PAT-EBMT-004]; "
          "donor type 1: unrelated donor (1 point): unrelated donor: met [PAT-EBMT-005]; "
          "donor-recipient sex 1: female donor (1 point with a male recipient): female: met "
          "[PAT-EBMT-006], male recipient (1 point with a female donor): male: met [PAT-EBMT-006]; "
          "options: age completed years, interval < 12 mo = 0, >= 12 mo = 1 (HB24 Table 11.2), "
          "CML AP: no stage, score not applicable; rule: EBMT risk score (Gratwohl 2009; "
          "autologous form Gratwohl 2012) with bins and stage definitions as printed in EBMT "
          "Handbook 2024 Table 11.2");
}

TEST_CASE("EBMT text: policies, groups and unverified rows are stated",
          "[patient][ebmt][text][PAT-EBMT-003][PAT-EBMT-008][PAT-EBMT-010][PAT-AGE-002]") {
    SECTION("exact age: the shown age never contradicts its comparison (CORE-EXPLAIN-003)") {
        auto in = x1();
        in.age_at_hct = hsct::age::make(40, 1).value();
        p::ebmt_options exact;
        exact.age_reading = hsct::age_resolution::exact;
        const auto s = text(in, exact);
        CHECK(contains(s, "40.1 years > 40 years: met"));
        CHECK(contains(s, "options: age exact years"));
        CHECK(contains(text(in), "40 years > 40 years: not met"));
    }
    SECTION("four groups") {
        p::ebmt_options four;
        four.grouping = p::ebmt_grouping_policy::four_groups_0_2_3_4_5_7;
        CHECK(contains(text(x1(), four), "EBMT score 4/7 (intermediate-2, groups 0-2 / 3 / 4 / 5-7 "
                                         "(PubMed 24655161))"));
    }
    SECTION("CML accelerated phase by the recollection policy is marked unverified") {
        auto in = x1();
        in.dx = hsct::diagnosis::of<hsct::disease::cml>();
        in.status = disease_status::cml_ap;
        p::ebmt_options opt;
        opt.cml_ap = p::cml_accelerated_phase_policy::gratwohl_1998_intermediate;
        const auto s = text(in, opt);
        CHECK(contains(s, "intermediate: CML accelerated phase (policy gratwohl_1998_intermediate, "
                          "recollection): CML accelerated phase: met (hsct reading, unverified) "
                          "[PAT-EBMT-003]"));
        CHECK_FALSE(contains(s, "[V-HB24]);"));
    }
    SECTION("autologous: per score only by default, the flagged policy says so") {
        auto in = x1();
        in.donor = donor_type::autologous;
        in.donor_sex.reset();
        CHECK(contains(text(in), "EBMT score 2/5 (autologous 0-5: per score only, no published "
                                 "grouping)"));
        CHECK(contains(text(in), "donor type 0: unrelated donor (1 point): autologous: does not "
                                 "apply [PAT-EBMT-007]"));
        p::ebmt_options ext;
        ext.autologous_grouping = p::ebmt_autologous_grouping_policy::allogeneic_cut_offs_unverified;
        CHECK(contains(text(in, ext), "EBMT score 2/5 (low, groups 0-2 / 3-4 / 5-7; autologous 0-5 "
                                      "grouped with the allogeneic 0-7 cut-offs (hsct policy, "
                                      "unverified))"));
    }
}

TEST_CASE("EBMT text: not applicable and incomplete results say which criterion or input decided",
          "[patient][ebmt][text][PAT-EBMT-005][PAT-EBMT-002][regression]") {
    auto in = x1();
    in.donor = donor_type::haploidentical;
    const auto haplo = text(in);
    CHECK(haplo.rfind("EBMT score not applicable (decided by a donor type with published points "
                      "(HLA-identical sibling, unrelated donor) or autologous HCT); age: ",
                      0) == 0);
    CHECK(contains(haplo, "donor type: a donor type with published points (HLA-identical sibling, "
                          "unrelated donor) or autologous HCT: haploidentical donor: not met "
                          "[PAT-EBMT-005]"));
    CHECK(contains(haplo, "; age: age 20 years or older"));  // no points are shown without a total
    CHECK_FALSE(contains(haplo, "; age 2:"));

    auto hodgkin = x1();
    hodgkin.dx = hsct::diagnosis::of<hsct::disease::hodgkin>();
    CHECK(contains(text(hodgkin), "disease stage: an EBMT stage defined for the disease and status "
                                  "(HB24 Table 11.2 footnote a): Hodgkin lymphoma: not met "
                                  "[PAT-EBMT-002]"));

    auto no_sex = x1();
    no_sex.donor_sex.reset();
    const auto s = text(no_sex);
    CHECK(s.rfind("EBMT score incomplete (input missing): donor sex missing; ", 0) == 0);
    CHECK(contains(s, "female donor (1 point with a male recipient): donor sex missing: unknown "
                      "(input missing) [PAT-EBMT-006]"));
}

TEST_CASE("EBMT text in a second catalogue (German): every word comes from the catalogue",
          "[patient][ebmt][text][CORE-EXPLAIN-002]") {
    static constexpr hsct::catalogue_entry german[] = {
        {"ebmt", "score", "EBMT-Score"},
        {"ebmt", "options", "Optionen"},
        {"ebmt", "rule", "Regel"},
        {"ebmt", "age", "Alter"},
        {"ebmt", "decided_by", "entschieden durch"},
        {"ebmt", "matches_hb24", "entspricht EBMT Handbook 2024 Tabelle 11.2 [V-HB24]"},
        {"outcome", "met", "erfuellt"},
        {"outcome", "not_met", "nicht erfuellt"},
        {"outcome", "not_applicable", "entfaellt"},
        {"count_unit", "years", "Jahre"},
        {"count_unit", "days", "Tage"},
        {"ebmt_factor", "age", "Alter"},
        {"ebmt_risk_group", "intermediate", "intermediaer"},
        {"ebmt_status", "not_applicable", "nicht anwendbar"},
        {"ebmt_criterion", "age_over_40", "Alter ueber 40 Jahre (2 Punkte)"},
        {"ebmt_criterion", "donor_type_has_points", "Spendertyp mit publizierten Punkten"},
        {"donor_type", "unrelated", "Fremdspender"},
        {"donor_type", "haploidentical", "haploidenter Spender"},
        {"sex", "female", "weiblich"},
    };
    const hsct::table_catalogue de(german);
    const auto s = text(x1(), {}, de);
    CHECK(s.rfind("EBMT-Score 4/7 (intermediaer, groups 0-2 / 3-4 / 5-7); Alter 2: ", 0) == 0);
    CHECK(contains(s, "Alter ueber 40 Jahre (2 Punkte): 45 Jahre > 40 Jahre: erfuellt [PAT-EBMT-001]"));
    CHECK(contains(s, "152 Tage >= 366 Tage: entfaellt [PAT-EBMT-004]"));
    CHECK(contains(s, "unrelated donor (1 point): Fremdspender: erfuellt"));  // untranslated label stays English
    CHECK(contains(s, "female donor (1 point with a male recipient): weiblich: erfuellt"));
    CHECK(contains(s, "(entspricht EBMT Handbook 2024 Tabelle 11.2 [V-HB24])"));
    CHECK(contains(s, "; Optionen: Alter completed years, "));
    CHECK(contains(s, "; Regel: EBMT risk score"));
    CHECK_FALSE(contains(s, " met "));
    CHECK_FALSE(contains(s, "45 years"));

    auto in = x1();
    in.donor = donor_type::haploidentical;
    const auto na = text(in, {}, de);
    CHECK(na.rfind("EBMT-Score nicht anwendbar (entschieden durch Spendertyp mit publizierten "
                   "Punkten); Alter: ",
                   0) == 0);
    CHECK(contains(na, "Spendertyp mit publizierten Punkten: haploidenter Spender: nicht erfuellt"));
    // the same result in English is unchanged by the other catalogue
    CHECK(contains(text(x1()), "45 years > 40 years: met"));
}

}  // namespace hsct_test_patient_ebmt_score_text_test
