// Tests for include/hsct/complications/chronic_gvhd_diagnosis.hpp: the NIH 2014 sign table (every
// sign's site and class, against the table as the reference notes print it), the diagnosis rule
// (a diagnostic sign; a distinctive sign with confirmation; exclusion of other causes), clinical
// BOS counting only with a distinctive sign elsewhere, the evidence, refusals, no allocation.
#include <hsct/complications/chronic_gvhd_diagnosis.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <tuple>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_diagnosis_test {

namespace c = hsct::complications;
using G = c::cgvhd_sign;
using St = c::cgvhd_diagnosis_status;

namespace {
c::cgvhd_diagnosis_input input(std::initializer_list<G> signs, std::initializer_list<c::cgvhd_confirmation> confirmed = {},
                               std::optional<bool> excluded = true) {
    c::cgvhd_diagnosis_input in;
    for (const G s : signs) {
        in.signs.insert(s);
    }
    for (const auto k : confirmed) {
        in.confirmed_by.insert(k);
    }
    in.other_causes_excluded = excluded;
    return in;
}
c::cgvhd_diagnosis_result assess(const c::cgvhd_diagnosis_input& in) {
    auto r = c::assess_chronic_gvhd_diagnosis(in);
    REQUIRE(r.has_value());
    return *r;
}
}  // namespace

TEST_CASE("the sign table: every sign's site and class as NIH 2014 Table 1 gives them", "[COMP-CGVHD-002][NIH-2014][HB24-44]") {
    using Si = c::cgvhd_site;
    constexpr auto D = c::cgvhd_sign_class::diagnostic;
    constexpr auto X = c::cgvhd_sign_class::distinctive;
    // written from the reference notes section 2.2, row by row
    const std::tuple<G, Si, c::cgvhd_sign_class> table[] = {
        {G::poikiloderma, Si::skin, D}, {G::skin_lichen_planus_like, Si::skin, D}, {G::skin_sclerotic, Si::skin, D},
        {G::skin_morphea_like, Si::skin, D}, {G::skin_lichen_sclerosus_like, Si::skin, D},
        {G::skin_depigmentation, Si::skin, X}, {G::skin_papulosquamous, Si::skin, X},
        {G::nail_dystrophy, Si::nails, X}, {G::nail_ridging_splitting_brittle, Si::nails, X},
        {G::onycholysis, Si::nails, X}, {G::pterygium_unguis, Si::nails, X}, {G::nail_loss, Si::nails, X},
        {G::new_alopecia, Si::scalp_and_body_hair, X}, {G::body_hair_loss, Si::scalp_and_body_hair, X},
        {G::scalp_scaling, Si::scalp_and_body_hair, X},
        {G::mouth_lichen_planus_like, Si::mouth, D}, {G::xerostomia, Si::mouth, X}, {G::mucoceles, Si::mouth, X},
        {G::mucosal_atrophy, Si::mouth, X}, {G::oral_pseudomembranes, Si::mouth, X}, {G::oral_ulcers, Si::mouth, X},
        {G::new_dry_gritty_painful_eyes, Si::eyes, X}, {G::cicatricial_conjunctivitis, Si::eyes, X},
        {G::keratoconjunctivitis_sicca, Si::eyes, X}, {G::confluent_punctate_keratopathy, Si::eyes, X},
        {G::genital_lichen_planus_like, Si::genitalia, D}, {G::genital_lichen_sclerosus_like, Si::genitalia, D},
        {G::vaginal_scarring_or_agglutination, Si::genitalia, D}, {G::phimosis_or_urethral_scarring, Si::genitalia, D},
        {G::genital_erosions, Si::genitalia, X}, {G::genital_fissures, Si::genitalia, X},
        {G::genital_ulcers, Si::genitalia, X},
        {G::oesophageal_web, Si::gi_tract, D}, {G::oesophageal_stricture, Si::gi_tract, D},
        {G::bronchiolitis_obliterans_biopsy, Si::lungs, D}, {G::bronchiolitis_obliterans_syndrome, Si::lungs, D},
        {G::fasciitis, Si::muscles_fascia_joints, D}, {G::joint_stiffness_or_contractures, Si::muscles_fascia_joints, D},
        {G::myositis, Si::muscles_fascia_joints, X},
    };
    CHECK(std::size(table) == hsct::values<G>().size());
    for (const auto& [sign, site, kind] : table) {
        CAPTURE(hsct::id(sign));
        CHECK(c::site_of(sign) == site);
        CHECK(c::class_of(sign) == kind);
    }
    STATIC_REQUIRE(c::class_of(G::fasciitis) == D);
    STATIC_REQUIRE(c::site_of(G::xerostomia) == Si::mouth);
}

TEST_CASE("one diagnostic sign is enough, with other causes excluded", "[COMP-CGVHD-001][NIH-2014][HB24-44]") {
    for (const G s : {G::poikiloderma, G::skin_sclerotic, G::mouth_lichen_planus_like, G::oesophageal_web,
                      G::fasciitis, G::vaginal_scarring_or_agglutination, G::bronchiolitis_obliterans_biopsy}) {
        CAPTURE(hsct::id(s));
        const auto r = assess(input({s}));
        CHECK(r.status == St::diagnosed);
        CHECK(r.basis == c::cgvhd_diagnosis_basis::diagnostic_sign);
        CHECK(r.diagnostic_signs.contains(s));
        CHECK(c::diagnosed(r));
    }
    const auto r = assess(input({G::skin_lichen_planus_like}));
    REQUIRE(r.criteria.size() == 2);
    CHECK(r.criteria[0].id == c::cgvhd_diagnosis_criterion::diagnostic_sign);
    CHECK(r.criteria[0].measured.enumerator().as<G>() == G::skin_lichen_planus_like);
    CHECK(r.criteria[0].result == hsct::outcome::met);
    CHECK(r.criteria[1].id == c::cgvhd_diagnosis_criterion::other_causes_excluded);
    CHECK(r.sites.contains(c::cgvhd_site::skin));
}

TEST_CASE("a distinctive sign needs confirmation: biopsy, laboratory or radiology, any organ", "[COMP-CGVHD-001][NIH-2014][HB24-44]") {
    auto r = assess(input({G::xerostomia, G::onycholysis}));
    CHECK(r.status == St::needs_confirmation);
    CHECK(r.basis == c::cgvhd_diagnosis_basis::none);
    CHECK(r.distinctive_signs.size() == 2);
    CHECK(r.criteria.end()[-1].id == c::cgvhd_diagnosis_criterion::confirmation);
    CHECK(r.criteria.end()[-1].result == hsct::outcome::not_met);
    for (const auto k : {c::cgvhd_confirmation::biopsy, c::cgvhd_confirmation::laboratory, c::cgvhd_confirmation::radiology}) {
        CAPTURE(hsct::id(k));
        r = assess(input({G::xerostomia}, {k}));
        CHECK(r.status == St::diagnosed);
        CHECK(r.basis == c::cgvhd_diagnosis_basis::confirmed_distinctive_sign);
        CHECK(r.confirmed_by.contains(k));
    }
}

TEST_CASE("other causes not excluded: exclusion pending, with the missing input named", "[COMP-CGVHD-001][NIH-2014]") {
    auto r = assess(input({G::poikiloderma}, {}, std::nullopt));
    CHECK(r.status == St::exclusion_pending);
    CHECK(r.missing.contains(c::cgvhd_diagnosis_field::other_causes_excluded));
    CHECK(r.criteria.end()[-1].result == hsct::outcome::unknown);
    r = assess(input({G::poikiloderma}, {}, false));
    CHECK(r.status == St::exclusion_pending);
    CHECK(r.missing.empty());
    CHECK(r.criteria.end()[-1].result == hsct::outcome::not_met);
    CHECK_FALSE(c::diagnosed(r));
}

TEST_CASE("no sign: not diagnosed", "[COMP-CGVHD-001]") {
    const auto r = assess(input({}, {c::cgvhd_confirmation::biopsy}));
    CHECK(r.status == St::not_diagnosed);
    CHECK(r.criteria.empty());
}

TEST_CASE("clinical BOS counts only with a distinctive sign in another site", "[COMP-CGVHD-004][NIH-2014]") {
    auto r = assess(input({G::bronchiolitis_obliterans_syndrome}));
    CHECK(r.status == St::needs_confirmation);
    CHECK(r.bos_needs_biopsy);
    CHECK_FALSE(r.diagnostic_signs.contains(G::bronchiolitis_obliterans_syndrome));
    const auto& k = r.criteria.end()[-1];
    CHECK(k.id == c::cgvhd_diagnosis_criterion::bos_distinctive_elsewhere);
    CHECK(k.result == hsct::outcome::not_met);
    CHECK_FALSE(k.verified);  // [M]
    CHECK(k.measured.number() == 0.0);
    // confirmation of nothing distinctive does not make BOS alone count
    CHECK(assess(input({G::bronchiolitis_obliterans_syndrome}, {c::cgvhd_confirmation::radiology})).status ==
          St::needs_confirmation);
    r = assess(input({G::bronchiolitis_obliterans_syndrome, G::new_dry_gritty_painful_eyes}));
    CHECK(r.status == St::diagnosed);
    CHECK(r.basis == c::cgvhd_diagnosis_basis::diagnostic_sign);
    CHECK(r.diagnostic_signs.contains(G::bronchiolitis_obliterans_syndrome));
    CHECK_FALSE(r.bos_needs_biopsy);
    r = assess(input({G::bronchiolitis_obliterans_syndrome, G::bronchiolitis_obliterans_biopsy}));
    CHECK(r.status == St::diagnosed);
    CHECK(r.diagnostic_signs.contains(G::bronchiolitis_obliterans_biopsy));
}

TEST_CASE("clinical BOS: the criterion records at least 1 distinctive sign elsewhere", "[COMP-CGVHD-004][NIH-2014]") {
    const auto bos_record = [](const c::cgvhd_diagnosis_result& r) {
        std::optional<hsct::criterion<c::cgvhd_diagnosis_criterion>> found;
        for (const auto& k : r.criteria) {
            if (k.id == c::cgvhd_diagnosis_criterion::bos_distinctive_elsewhere) {
                found = k;
            }
        }
        REQUIRE(found.has_value());
        return *found;
    };
    for (const auto& [signs, count, result] :
         {std::tuple{input({G::bronchiolitis_obliterans_syndrome}), 0.0, hsct::outcome::not_met},
          std::tuple{input({G::bronchiolitis_obliterans_syndrome, G::new_dry_gritty_painful_eyes}), 1.0,
                     hsct::outcome::met}}) {
        CAPTURE(count);
        const auto k = bos_record(assess(signs));
        CHECK(k.cmp == hsct::comparator::greater_equal);
        CHECK(k.threshold == 1.0);
        CHECK(k.measured.number() == count);
        CHECK(k.result == result);
        CHECK(k.requirement == std::string_view("COMP-CGVHD-004"));
    }
}

TEST_CASE("refusals: a sign or confirmation number that is not declared", "[COMP-CGVHD-002]") {
    c::cgvhd_diagnosis_input in;
    in.signs.insert(G::xerostomia);
    in.signs.insert(static_cast<G>(45));
    auto r = c::assess_chronic_gvhd_diagnosis(in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "cgvhd_diagnosis.signs");
    CHECK(r.error().value() == "45");
    CHECK(r.error().requirement() == "COMP-CGVHD-002");
    in = c::cgvhd_diagnosis_input{};
    in.confirmed_by.insert(static_cast<c::cgvhd_confirmation>(0));
    r = c::assess_chronic_gvhd_diagnosis(in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "cgvhd_diagnosis.confirmed_by");
}

TEST_CASE("assess_chronic_gvhd_diagnosis allocates nothing", "[COMP-CGVHD-001]") {
    const auto in = input({G::xerostomia, G::bronchiolitis_obliterans_syndrome, G::nail_loss}, {c::cgvhd_confirmation::biopsy});
    hsct_test::allocation_counter count;
    const auto r = c::assess_chronic_gvhd_diagnosis(in);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->status == St::diagnosed);
}

}  // namespace hsct_test_complications_chronic_gvhd_diagnosis_test
