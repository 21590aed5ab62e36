// Tests for include/hsct/patient/disease_risk.hpp: the Disease Risk Index (Armand 2012 as
// printed in EBMT Handbook 2024 Table 11.1; refined 2014 recollection, unverified), asserted on
// the result's data (criteria, outcomes, the enumerators read). The rendered text is tested in
// disease_risk_text_test.cpp.
#include <hsct/patient/disease_risk.hpp>

#include <cstdint>
#include <string>
#include <type_traits>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_disease_risk_test {

namespace p = hsct::patient;
using hsct::disease;
using hsct::disease_status;
using p::dri_category;
using crit = p::dri_criterion;
using hsct::outcome;

namespace {
template <hsct::disease D>
concept makeable_without_cytogenetics = requires { hsct::diagnosis::of<D>(); };

template <class T>
concept default_constructible = requires { T{}; };

p::dri_result dri(hsct::diagnosis dx, disease_status s,
                  hsct::conditioning_intensity c = hsct::conditioning_intensity::not_stated,
                  p::dri_table t = p::dri_table::hb24_2012,
                  p::dri_population pop = p::dri_population::adult) {
    auto r = p::assess_dri({dx, s, c, pop}, p::dri_options{t});
    if (!r) {
        CAPTURE(r.error().message());
    }
    REQUIRE(r.has_value());
    return *r;
}

const hsct::criterion<crit>& criterion_of(const p::dri_result& r, crit id) {
    const auto* c = r.find(id);
    REQUIRE(c != nullptr);
    return *c;
}

hsct::diagnosis dx_of(disease d) {
    auto r = hsct::diagnosis::of(d);
    REQUIRE(r.has_value());
    return *r;
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("DRI combination rule: every cell of the disease x stage grid",
          "[patient][dri][PAT-DRI-001][HB24-11][Armand-2012]") {
    using dr = p::dri_disease_risk;
    using sr = p::dri_stage_risk;
    STATIC_REQUIRE(p::combine(dr::low, sr::low) == dri_category::low);
    STATIC_REQUIRE(p::combine(dr::low, sr::high) == dri_category::intermediate);
    STATIC_REQUIRE(p::combine(dr::intermediate, sr::low) == dri_category::intermediate);
    STATIC_REQUIRE(p::combine(dr::intermediate, sr::high) == dri_category::high);
    STATIC_REQUIRE(p::combine(dr::high, sr::low) == dri_category::high);
    STATIC_REQUIRE(p::combine(dr::high, sr::high) == dri_category::very_high);
    // the same grid through the whole function, one real disease per disease-risk row
    CHECK(dri(dx_of(disease::cll), disease_status::cr1).category == dri_category::low);
    CHECK(dri(dx_of(disease::cll), disease_status::active_relapse).category ==
          dri_category::intermediate);
    CHECK(dri(dx_of(disease::myeloma), disease_status::pr1).category == dri_category::intermediate);
    CHECK(dri(dx_of(disease::myeloma), disease_status::induction_failure).category ==
          dri_category::high);
    CHECK(dri(dx_of(disease::t_cell_extranodal), disease_status::cr2).category ==
          dri_category::high);
    CHECK(dri(dx_of(disease::t_cell_extranodal), disease_status::active_relapse).category ==
          dri_category::very_high);
}

TEST_CASE("DRI 3-group form merges high and very high", "[patient][dri][PAT-DRI-004][Armand-2014]") {
    STATIC_REQUIRE(p::three_group(dri_category::low) == p::dri_three_group::low);
    STATIC_REQUIRE(p::three_group(dri_category::intermediate) == p::dri_three_group::intermediate);
    STATIC_REQUIRE(p::three_group(dri_category::high) == p::dri_three_group::high_or_very_high);
    STATIC_REQUIRE(p::three_group(dri_category::very_high) == p::dri_three_group::high_or_very_high);
    for (auto c : {dri_category::na_non_malignant, dri_category::na_pediatric,
                   dri_category::not_classifiable, dri_category::missing_disease_status,
                   dri_category::tbd_cytogenetics, dri_category::missing_conditioning_intensity}) {
        CAPTURE(p::to_string(c));
        CHECK(p::three_group(c) == p::dri_three_group::not_scored);
        CHECK_FALSE(p::is_score(c));
    }
}

TEST_CASE("DRI worked examples of the reference (section 11.3)",
          "[patient][dri][PAT-DRI-001][PAT-DRI-002][PAT-DRI-003][PAT-DRI-005][HB24-11]") {
    SECTION("AML intermediate cytogenetics, CR1 -> intermediate") {
        const auto r = dri(hsct::diagnosis::aml(hsct::cytogenetic_risk::intermediate), disease_status::cr1);
        CHECK(r.disease_risk == p::dri_disease_risk::intermediate);
        CHECK(r.stage_risk == p::dri_stage_risk::low);
        CHECK(r.category == dri_category::intermediate);
        CHECK(r.row_verified());
        CHECK_FALSE(r.decided_by.has_value());
        CHECK(r.missing.empty());
        CHECK(r.options == p::dri_options{});
        // the evidence: gates, cytogenetics, the disease row and the stage row, in order
        REQUIRE(r.criteria.size() == 5);
        CHECK(r.criteria[0].id == crit::malignant_indication);
        CHECK(r.criteria[1].id == crit::adult_patient);
        CHECK(r.criteria[2].id == crit::cytogenetics_known);
        CHECK(r.criteria[2].measured.enumerator().as<hsct::cytogenetic_risk>() ==
              hsct::cytogenetic_risk::intermediate);
        CHECK(r.criteria[3].id == crit::disease_aml_intermediate);
        CHECK(r.criteria[3].measured.enumerator().as<disease>() == disease::aml);
        CHECK(std::string(r.criteria[3].requirement) == "PAT-DRI-002");
        CHECK(r.criteria[4].id == crit::stage_cr1);
        CHECK(r.criteria[4].measured.enumerator().as<disease_status>() == disease_status::cr1);
        CHECK(std::string(r.criteria[4].requirement) == "PAT-DRI-003");
        for (const auto& c : r.criteria) {
            CHECK(c.result == outcome::met);
            CHECK(c.verified);
            CHECK(c.cmp == hsct::comparator::present);
        }
    }
    SECTION("AML adverse cytogenetics, primary induction failure -> very high (3-group: high)") {
        const auto r =
            dri(hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse), disease_status::induction_failure);
        CHECK(r.disease_risk == p::dri_disease_risk::high);
        CHECK(r.stage_risk == p::dri_stage_risk::high);
        CHECK(r.category == dri_category::very_high);
        CHECK(r.three_group() == p::dri_three_group::high_or_very_high);
    }
    SECTION("CLL in CR -> low") {
        const auto r = dri(dx_of(disease::cll), disease_status::cr1);
        CHECK(r.category == dri_category::low);
        CHECK(r.three_group() == p::dri_three_group::low);
    }
    SECTION("MDS adverse cytogenetics, untreated -> high") {
        const auto r = dri(hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::adverse), disease_status::untreated);
        CHECK(r.disease_risk == p::dri_disease_risk::high);
        CHECK(r.stage_risk == p::dri_stage_risk::low);
        CHECK(r.category == dri_category::high);
    }
    SECTION("any malignancy with disease status missing -> Missing disease status") {
        for (auto dx : {hsct::diagnosis::aml(hsct::cytogenetic_risk::favourable), dx_of(disease::cml),
                        dx_of(disease::myeloma)}) {
            const auto r = dri(dx, disease_status::missing);
            CHECK(r.category == dri_category::missing_disease_status);
            CHECK_FALSE(r.scored());
            CHECK_FALSE(r.disease_risk.has_value());
            CHECK(p::to_string(r.category) == "Missing disease status");
        }
    }
    SECTION("severe aplastic anaemia -> N/A non-malignant indication") {
        const auto r = dri(dx_of(disease::severe_aplastic_anaemia), disease_status::untreated);
        CHECK(r.category == dri_category::na_non_malignant);
        CHECK(p::to_string(r.category) == "N/A - non-malignant indication");
        CHECK(r.decided_by == crit::malignant_indication);
        REQUIRE(r.criteria.size() == 1);
        CHECK(r.criteria[0].result == outcome::not_met);
        CHECK(r.criteria[0].measured.enumerator().as<disease>() == disease::severe_aplastic_anaemia);
    }
}

TEST_CASE("DRI disease table as printed in EBMT Handbook 2024 Table 11.1",
          "[patient][dri][PAT-DRI-002][HB24-11][Armand-2012]") {
    using dr = p::dri_disease_risk;
    // With a low-risk stage (CR1 / CML CP1) the DRI equals the disease risk: the literal
    // category is written out, not computed with combine().
    struct row {
        hsct::diagnosis dx;
        dr risk;
        dri_category dri_at_low_stage;
    };
    const row rows[] = {
        {hsct::diagnosis::aml(hsct::cytogenetic_risk::favourable), dr::low, dri_category::low},
        {hsct::diagnosis::of<disease::cll>(), dr::low, dri_category::low},
        {hsct::diagnosis::of<disease::cml>(), dr::low, dri_category::low},
        {hsct::diagnosis::of<disease::indolent_b_nhl>(), dr::low, dri_category::low},
        {hsct::diagnosis::aml(hsct::cytogenetic_risk::intermediate), dr::intermediate, dri_category::intermediate},
        {hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::intermediate), dr::intermediate, dri_category::intermediate},
        {hsct::diagnosis::of<disease::mpn>(), dr::intermediate, dri_category::intermediate},
        {hsct::diagnosis::of<disease::myeloma>(), dr::intermediate, dri_category::intermediate},
        {hsct::diagnosis::of<disease::hodgkin>(), dr::intermediate, dri_category::intermediate},
        {hsct::diagnosis::of<disease::dlbcl_or_transformed>(), dr::intermediate, dri_category::intermediate},
        {hsct::diagnosis::of<disease::mantle_cell>(), dr::intermediate, dri_category::intermediate},
        {hsct::diagnosis::of<disease::t_cell_nodal>(), dr::intermediate, dri_category::intermediate},
        {hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse), dr::high, dri_category::high},
        {hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::adverse), dr::high, dri_category::high},
        {hsct::diagnosis::of<disease::t_cell_extranodal>(), dr::high, dri_category::high},
    };
    for (const auto& x : rows) {
        CAPTURE(hsct::to_string(x.dx));
        const auto status = x.dx.kind() == disease::cml ? disease_status::cml_cp1 : disease_status::cr1;
        const auto r = dri(x.dx, status);
        REQUIRE(r.disease_risk.has_value());
        CHECK(*r.disease_risk == x.risk);
        CHECK(r.row_verified());
        CHECK(r.category == x.dri_at_low_stage);
    }
}

TEST_CASE("DRI stage rows that are hsct's reading of a printed label say so",
          "[patient][dri][PAT-DRI-003][HB24-11]") {
    const auto cll = dx_of(disease::cll);
    CHECK(criterion_of(dri(cll, disease_status::cr2), crit::stage_cr2).verified);
    CHECK(p::to_string(crit::stage_cr2) == "low: CR2 (printed 'CR >= 2')");
    CHECK(criterion_of(dri(cll, disease_status::cr3_or_later), crit::stage_cr3_or_later).verified);
    CHECK(p::to_string(crit::stage_cr3_or_later) ==
          "low: CR3 or later (hsct reading of the printed 'CR >= 2')");
    const auto cml = dx_of(disease::cml);
    CHECK(criterion_of(dri(cml, disease_status::cml_cp2_or_later), crit::stage_cml_cp2_or_later)
              .result == outcome::met);
    CHECK(contains(std::string(p::to_string(crit::stage_cml_cp2_or_later)),
                   "hsct reading of the printed 'CML CP'"));
    CHECK_FALSE(contains(std::string(p::to_string(crit::stage_cml_cp1)), "hsct reading"));
    CHECK(criterion_of(dri(cml, disease_status::cml_cp1), crit::stage_cml_cp1).verified);
    // the untreated row is flagged unverified, not marked as matching the handbook
    const auto u = dri(hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::intermediate), disease_status::untreated);
    CHECK_FALSE(criterion_of(u, crit::stage_untreated).verified);
    CHECK(criterion_of(u, crit::disease_mds_intermediate).verified);
    CHECK_FALSE(u.row_verified());
}

TEST_CASE("DRI stage table as printed, with the conditioning-dependent PR2 rule",
          "[patient][dri][PAT-DRI-003][PAT-DRI-007][HB24-11][Armand-2012]") {
    const auto cll = dx_of(disease::cll);  // low disease risk: stage decides low vs intermediate
    using sr = p::dri_stage_risk;
    for (auto s : {disease_status::cr1, disease_status::cr2, disease_status::cr3_or_later,
                   disease_status::pr1, disease_status::untreated}) {
        CAPTURE(p::to_string(s));
        const auto r = dri(cll, s);
        CHECK(r.stage_risk == sr::low);
        CHECK(r.category == dri_category::low);
        // "untreated" is printed without naming diseases; it stays flagged unverified.
        CHECK(r.criteria[r.criteria.size() - 1].verified == (s != disease_status::untreated));
    }
    for (auto s : {disease_status::induction_failure, disease_status::active_relapse}) {
        CAPTURE(p::to_string(s));
        CHECK(dri(cll, s).stage_risk == sr::high);
    }
    const auto cml = dx_of(disease::cml);
    CHECK(dri(cml, disease_status::cml_cp1).stage_risk == sr::low);
    CHECK(dri(cml, disease_status::cml_cp2_or_later).stage_risk == sr::low);
    CHECK(dri(cml, disease_status::cml_ap).stage_risk == sr::high);
    CHECK(dri(cml, disease_status::cml_bp).category == dri_category::intermediate);

    SECTION("PR2 or later: low after RIC, high after MAC") {
        const auto ric = dri(cll, disease_status::pr2_or_later, hsct::conditioning_intensity::reduced_intensity);
        CHECK(ric.stage_risk == sr::low);
        CHECK(ric.row_verified());
        const auto mac = dri(cll, disease_status::pr2_or_later, hsct::conditioning_intensity::myeloablative);
        CHECK(mac.stage_risk == sr::high);
        CHECK(mac.category == dri_category::intermediate);
        CHECK(criterion_of(mac, crit::stage_pr2_after_mac).result == outcome::met);
        CHECK(criterion_of(ric, crit::stage_pr2_after_ric).verified);
    }
    SECTION("PR2 or later after NMA is read as RIC, marked as hsct policy (unverified)") {
        const auto nma = dri(cll, disease_status::pr2_or_later, hsct::conditioning_intensity::non_myeloablative);
        CHECK(nma.stage_risk == sr::low);
        const auto& row = criterion_of(nma, crit::stage_pr2_after_nma);
        CHECK_FALSE(row.verified);
        CHECK(std::string(row.requirement) == "PAT-DRI-007");
        CHECK_FALSE(nma.row_verified());
    }
    SECTION("PR2 or later without conditioning is a value: missing conditioning intensity") {
        const auto r = p::assess_dri({cll, disease_status::pr2_or_later});
        REQUIRE(r.has_value());  // not bad data: an input the stage row needs is not stated
        CHECK(r->category == dri_category::missing_conditioning_intensity);
        CHECK_FALSE(r->scored());
        CHECK(r->three_group() == p::dri_three_group::not_scored);
        CHECK(r->decided_by == crit::stage_in_table);
        CHECK(r->missing.contains(p::dri_field::conditioning));
        CHECK(r->missing.size() == 1);
        CHECK(r->disease_risk == p::dri_disease_risk::low);  // the disease row still applied
        CHECK_FALSE(r->stage_risk.has_value());
        const auto& st = criterion_of(*r, crit::stage_in_table);
        CHECK(st.result == outcome::unknown);
        CHECK(std::string(st.requirement) == "PAT-DRI-003");
        CHECK(criterion_of(*r, crit::disease_cll).result == outcome::met);
        CHECK(p::to_string(r->category) == "Missing conditioning intensity (hsct)");
        // every stated intensity scores it
        for (auto c : {hsct::conditioning_intensity::myeloablative,
                       hsct::conditioning_intensity::reduced_intensity,
                       hsct::conditioning_intensity::non_myeloablative}) {
            CHECK(dri(cll, disease_status::pr2_or_later, c).scored());
        }
        // and the states decided before the stage row still win
        CHECK(dri(hsct::diagnosis::aml(hsct::cytogenetic_risk::not_yet_known),
                  disease_status::pr2_or_later)
                  .category == dri_category::tbd_cytogenetics);
        CHECK(dri(cll, disease_status::pr2_or_later, hsct::conditioning_intensity::not_stated,
                  p::dri_table::hb24_2012, p::dri_population::pediatric)
                  .category == dri_category::na_pediatric);
    }
    SECTION("conditioning does not change other stages") {
        for (auto c : {hsct::conditioning_intensity::myeloablative, hsct::conditioning_intensity::reduced_intensity}) {
            CHECK(dri(cll, disease_status::pr1, c).stage_risk == sr::low);
            CHECK(dri(cll, disease_status::active_relapse, c).stage_risk == sr::high);
        }
    }
}

TEST_CASE("DRI non-score states are explicit values", "[patient][dri][PAT-DRI-005][CIBMTR]") {
    SECTION("paediatric") {
        const auto r = dri(dx_of(disease::cll), disease_status::cr1,
                           hsct::conditioning_intensity::not_stated, p::dri_table::hb24_2012,
                           p::dri_population::pediatric);
        CHECK(r.category == dri_category::na_pediatric);
        CHECK(p::to_string(r.category) == "N/A - pediatric");
    }
    SECTION("not classifiable: ALL (absent from the printed table), other malignancy, stable disease") {
        const auto all = dri(dx_of(disease::all), disease_status::cr1);
        CHECK(all.category == dri_category::not_classifiable);
        CHECK(all.decided_by == crit::disease_in_table);
        CHECK(criterion_of(all, crit::disease_in_table).result == outcome::not_met);
        CHECK(criterion_of(all, crit::disease_in_table).measured.enumerator().as<disease>() ==
              disease::all);
        CHECK(dri(dx_of(disease::other_malignant), disease_status::cr1).category ==
              dri_category::not_classifiable);
        const auto sd = dri(dx_of(disease::myeloma), disease_status::stable_disease);
        CHECK(sd.category == dri_category::not_classifiable);
        CHECK(sd.decided_by == crit::stage_in_table);
        CHECK(criterion_of(sd, crit::stage_in_table).result == outcome::not_met);
        CHECK(criterion_of(sd, crit::stage_in_table).measured.enumerator().as<disease_status>() ==
              disease_status::stable_disease);
        CHECK(sd.disease_risk == p::dri_disease_risk::intermediate);  // the disease row applied
        CHECK_FALSE(sd.stage_risk.has_value());
        CHECK(p::to_string(sd.category) == "N/A - disease not classifiable");
    }
    SECTION("TBD cytogenetics for AML and MDS") {
        const auto aml = dri(hsct::diagnosis::aml(hsct::cytogenetic_risk::not_yet_known), disease_status::cr1);
        CHECK(aml.category == dri_category::tbd_cytogenetics);
        CHECK(p::to_string(aml.category) == "TBD cytogenetics");
        CHECK(dri(hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::not_yet_known), disease_status::untreated)
                  .category == dri_category::tbd_cytogenetics);
    }
    SECTION("other non-malignant indication") {
        CHECK(dri(dx_of(disease::other_non_malignant), disease_status::missing).category ==
              dri_category::na_non_malignant);
    }
    SECTION("precedence (hsct policy): non-malignant > paediatric > not classifiable > missing status > TBD") {
        CHECK(dri(dx_of(disease::severe_aplastic_anaemia), disease_status::missing,
                  hsct::conditioning_intensity::not_stated, p::dri_table::hb24_2012,
                  p::dri_population::pediatric)
                  .category == dri_category::na_non_malignant);
        CHECK(dri(hsct::diagnosis::aml(hsct::cytogenetic_risk::not_yet_known), disease_status::missing,
                  hsct::conditioning_intensity::not_stated, p::dri_table::hb24_2012,
                  p::dri_population::pediatric)
                  .category == dri_category::na_pediatric);
        CHECK(dri(dx_of(disease::all), disease_status::missing).category ==
              dri_category::not_classifiable);
        CHECK(dri(hsct::diagnosis::aml(hsct::cytogenetic_risk::not_yet_known), disease_status::missing)
                  .category == dri_category::missing_disease_status);
    }
}

TEST_CASE("refined DRI 2014 recollection: every row is flagged unverified",
          "[patient][dri][PAT-DRI-006][Armand-2014]") {
    const auto t = p::dri_table::refined_2014_recollection;
    const auto all = dri(dx_of(disease::all), disease_status::cr1, hsct::conditioning_intensity::not_stated, t);
    CHECK(all.category == dri_category::intermediate);
    CHECK(all.options.table == t);
    CHECK_FALSE(all.row_verified());
    CHECK_FALSE(criterion_of(all, crit::disease_all_recollection).verified);
    CHECK(std::string(criterion_of(all, crit::disease_all_recollection).requirement) == "PAT-DRI-006");

    const auto pr2 = dri(dx_of(disease::cll), disease_status::pr2_or_later,
                         hsct::conditioning_intensity::myeloablative, t);
    CHECK(pr2.stage_risk == p::dri_stage_risk::low);
    CHECK_FALSE(criterion_of(pr2, crit::stage_pr2_recollection).verified);
    // conditioning is not needed under the recollection table
    CHECK(p::assess_dri({dx_of(disease::cll), disease_status::pr2_or_later}, {t}).has_value());

    for (auto dx : {hsct::diagnosis::aml(hsct::cytogenetic_risk::favourable), dx_of(disease::myeloma),
                    hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::adverse)}) {
        CAPTURE(hsct::to_string(dx));
        const auto r = dri(dx, disease_status::cr1, hsct::conditioning_intensity::not_stated, t);
        CHECK(r.scored());
        for (const auto& c : r.criteria) {
            CAPTURE(p::id(c.id));
            CHECK(c.verified == !p::is_table_row(c.id));
        }
        // the handbook table gives the same index for these rows, and says it is verified
        const auto hb = dri(dx, disease_status::cr1);
        CHECK(hb.category == r.category);
        CHECK(hb.row_verified());
    }
}

TEST_CASE("DRI refuses inconsistent disease and status", "[patient][dri][PAT-DRI-003]") {
    const auto cml_cr = p::assess_dri({dx_of(disease::cml), disease_status::cr1});
    REQUIRE_FALSE(cml_cr.has_value());
    CHECK(cml_cr.error().code() == hsct::errc::inconsistent);
    CHECK(cml_cr.error().field() == "dri.status");
    CHECK(cml_cr.error().value() == "CML with status CR1");

    const auto aml_cp = p::assess_dri(
        {hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse), disease_status::cml_cp1});
    REQUIRE_FALSE(aml_cp.has_value());
    CHECK(aml_cp.error().code() == hsct::errc::inconsistent);
    CHECK(aml_cp.error().value() == "AML with status CML first chronic phase");
}

TEST_CASE("a diagnosis of AML or MDS needs its cytogenetic group", "[patient][dri][PAT-DRI-002]") {
    STATIC_REQUIRE(makeable_without_cytogenetics<disease::cll>);
    STATIC_REQUIRE(makeable_without_cytogenetics<disease::severe_aplastic_anaemia>);
    STATIC_REQUIRE_FALSE(makeable_without_cytogenetics<disease::aml>);
    STATIC_REQUIRE_FALSE(makeable_without_cytogenetics<disease::mds>);
    STATIC_REQUIRE_FALSE(default_constructible<hsct::diagnosis>);
    // MDS has no favourable group: AML's enum does not convert
    STATIC_REQUIRE(std::is_invocable_v<decltype(&hsct::diagnosis::mds), hsct::mds_cytogenetic_risk>);
    STATIC_REQUIRE_FALSE(std::is_invocable_v<decltype(&hsct::diagnosis::mds), hsct::cytogenetic_risk>);

    const auto r = hsct::diagnosis::of(disease::aml);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::missing);
    CHECK(r.error().field() == "disease");
    CHECK(r.error().value() == "AML");
    CHECK(hsct::diagnosis::of(disease::mds, "indication").error().field() == "indication");
    REQUIRE(hsct::diagnosis::of(disease::hodgkin).has_value());
    CHECK(hsct::diagnosis::of(disease::hodgkin)->kind() == disease::hodgkin);
    CHECK(hsct::to_string(hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse)) == "AML, adverse cytogenetics");
}

TEST_CASE("DRI refuses enum numbers that are not declared values, naming the field",
          "[patient][dri][CORE-ENUM-002]") {
    const auto aml = hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse);
    const auto refused = [](const p::dri_input& in, p::dri_table t, const std::string& field,
                            const std::string& value) {
        const auto r = p::assess_dri(in, {t});
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == field);
        CHECK(r.error().value() == value);
        CHECK(r.error().valid_range().rfind("one of 1 (", 0) == 0);
    };
    const auto t = p::dri_table::hb24_2012;
    refused({aml, static_cast<disease_status>(0)}, t, "dri.status", "0");
    refused({aml, static_cast<disease_status>(15)}, t, "dri.status", "15");
    refused({aml, disease_status::pr2_or_later, static_cast<hsct::conditioning_intensity>(9)}, t,
            "dri.conditioning", "9");
    refused({aml, disease_status::cr1, hsct::conditioning_intensity::not_stated,
             static_cast<p::dri_population>(0)},
            t, "dri.population", "0");
    refused({aml, disease_status::cr1}, static_cast<p::dri_table>(3), "dri.options.table", "3");
    refused({hsct::diagnosis::aml(static_cast<hsct::cytogenetic_risk>(0)), disease_status::cr1}, t,
            "dri.dx.cytogenetics", "0");
    refused({hsct::diagnosis::mds(static_cast<hsct::mds_cytogenetic_risk>(4)), disease_status::cr1}, t,
            "dri.dx.cytogenetics", "4");
    // a zero-initialised status used to read as CR1: now it is refused
    STATIC_REQUIRE(static_cast<int>(disease_status::cr1) == 1);
    STATIC_REQUIRE(static_cast<int>(disease::aml) == 1);

    const auto d = hsct::diagnosis::of(static_cast<disease>(0));
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().code() == hsct::errc::out_of_range);
    CHECK(d.error().field() == "disease");
    CHECK(d.error().value() == "0");
    CHECK(contains(d.error().valid_range(), "1 (aml)"));
    CHECK(contains(d.error().valid_range(), "16 (other_malignant)"));
    STATIC_REQUIRE_FALSE(makeable_without_cytogenetics<static_cast<disease>(17)>);
    STATIC_REQUIRE(makeable_without_cytogenetics<disease::other_malignant>);

    CHECK(p::to_string(static_cast<disease>(0)) == "invalid (0)");
    CHECK(p::to_string(static_cast<disease_status>(0)) == "invalid (0)");
    CHECK(p::to_string(static_cast<dri_category>(11)) == "invalid (11)");
    CHECK(p::to_string(static_cast<p::dri_table>(0)) == "invalid (0)");
}

TEST_CASE("DRI non-score states name the criterion and the missing input that decided them",
          "[patient][dri][PAT-DRI-005][CIBMTR]") {
    const auto missing = dri(hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse), disease_status::missing);
    CHECK(missing.category == dri_category::missing_disease_status);
    CHECK(missing.decided_by == crit::stage_in_table);
    CHECK(missing.missing.contains(p::dri_field::status));
    CHECK(missing.missing.size() == 1);
    const auto& st = criterion_of(missing, crit::stage_in_table);
    CHECK(st.result == outcome::unknown);
    CHECK(st.measured.what() == hsct::measure::kind::missing);
    CHECK(st.measured.enumerator().as<p::dri_field>() == p::dri_field::status);

    const auto tbd = dri(hsct::diagnosis::mds(hsct::mds_cytogenetic_risk::not_yet_known), disease_status::cr1);
    CHECK(tbd.category == dri_category::tbd_cytogenetics);
    CHECK(tbd.decided_by == crit::cytogenetics_known);
    CHECK(tbd.missing.contains(p::dri_field::cytogenetics));
    CHECK(criterion_of(tbd, crit::cytogenetics_known).result == outcome::unknown);
    CHECK(tbd.find(crit::stage_cr1) == nullptr);

    // both missing: the status decides (precedence), both are listed
    const auto both = dri(hsct::diagnosis::aml(hsct::cytogenetic_risk::not_yet_known), disease_status::missing);
    CHECK(both.category == dri_category::missing_disease_status);
    CHECK(both.missing.size() == 2);

    const auto ped = dri(dx_of(disease::cll), disease_status::cr1, hsct::conditioning_intensity::not_stated,
                         p::dri_table::hb24_2012, p::dri_population::pediatric);
    CHECK(ped.decided_by == crit::adult_patient);
    CHECK(criterion_of(ped, crit::adult_patient).result == outcome::not_met);
    CHECK(criterion_of(ped, crit::adult_patient).measured.enumerator().as<p::dri_population>() ==
          p::dri_population::pediatric);

    // the conditioning a PR2-or-later stage needs, not stated: a value, listed as missing
    const auto e = p::assess_dri({dx_of(disease::cll), disease_status::pr2_or_later});
    REQUIRE(e.has_value());
    CHECK(e->category == dri_category::missing_conditioning_intensity);
    CHECK(e->missing.contains(p::dri_field::conditioning));
}

TEST_CASE("DRI results are plain data", "[patient][dri][CORE-EXPLAIN-001]") {
    STATIC_REQUIRE(std::is_trivially_copyable_v<p::dri_result>);
    STATIC_REQUIRE(p::dri_result::max_criteria == 5);
    STATIC_REQUIRE(p::is_table_row(crit::stage_cr1));
    STATIC_REQUIRE_FALSE(p::is_table_row(crit::stage_in_table));
}

TEST_CASE("assess_dri allocates nothing on the success path",
          "[patient][dri][CORE-EXPLAIN-001][PAT-DRI-001]") {
    const p::dri_input scored{hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse),
                              disease_status::pr2_or_later,
                              hsct::conditioning_intensity::myeloablative};
    const p::dri_input tbd{hsct::diagnosis::aml(hsct::cytogenetic_risk::not_yet_known),
                           disease_status::cr1};
    const p::dri_options opt{};
    std::size_t n_scored = 0, n_tbd = 0;
    bool ok = true;
    {
        const hsct_test::allocation_counter n;
        const auto r = p::assess_dri(scored, opt);
        n_scored = n.count();
        ok = ok && r.has_value() && r->category == dri_category::very_high;
    }
    {
        const hsct_test::allocation_counter n;
        const auto r = p::assess_dri(tbd, opt);
        n_tbd = n.count();
        ok = ok && r.has_value() && r->category == dri_category::tbd_cytogenetics;
    }
    CHECK(ok);
    CHECK(n_scored == 0);
    CHECK(n_tbd == 0);
}

TEST_CASE("DRI result enums read back from their ids and numbers",
          "[patient][dri][enum][CORE-ENUM-001][CORE-ENUM-002]") {
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
    for (const auto e : hsct::values<p::dri_field>()) {
        round_trip(e);
    }
    CHECK(hsct::values<crit>().size() == 35);
}

}  // namespace hsct_test_patient_disease_risk_test
