// Tests for include/hsct/donor/donor_choice.hpp: donor kinds (DON-KIND-001) and the explained
// ranking (DON-RANK-001/002): which criterion decides, ties, exclusions, missing values, both
// EBMT Handbook 2024 policies and a centre's own order.
#include <hsct/donor/donor_choice.hpp>

#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/test_release.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_donor_choice_test {

namespace d = hsct::donor;
using d::donor_kind;
using d::donor_relation;
using d::ranking_criterion;
using hsct_test::test_release;

namespace {
const std::string patient_text =
    "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01";

d::hla_match_result grade(const std::string& donor, const std::string& patient = patient_text) {
    const auto p = d::parse_hla_typing(test_release(), patient);
    const auto q = d::parse_hla_typing(test_release(), donor);
    REQUIRE(p.has_value());
    REQUIRE(q.has_value());
    auto m = d::assess_hla_match(*p, *q);
    REQUIRE(m.has_value());
    return *m;
}

// The patient's typing with one locus part replaced.
std::string with(const std::string& from, const std::string& to) {
    std::string s = patient_text;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}

d::compatibility_result compat(int age_years, hsct::sex donor_sex, d::cmv_serostatus donor_cmv,
                               const char* donor_abo = "A+") {
    d::compatibility_input in;
    in.recipient_blood_group = *d::parse_blood_group("A+");
    in.donor_blood_group = *d::parse_blood_group(donor_abo);
    in.recipient_cmv = d::cmv_serostatus::positive;
    in.donor_cmv = donor_cmv;
    in.recipient_sex = hsct::sex::male;
    in.donor_sex = donor_sex;
    if (donor_sex == hsct::sex::female) {
        in.donor_pregnancies = 0;
    }
    in.donor_age = *hsct::age::make(age_years, 0);
    auto r = d::assess_compatibility(in);
    REQUIRE(r.has_value());
    return *r;
}

d::donor_kind kind_of(donor_relation rel, const d::hla_match_result& m,
                      d::matched_donor_definition def = d::matched_donor_definition::allele_8_of_8) {
    const auto k = d::classify_donor(rel, m, def);
    REQUIRE(k.has_value());
    REQUIRE(k->kind.has_value());
    return *k->kind;
}
}  // namespace

TEST_CASE("donor kinds from relation and HLA grade", "[DON-KIND-001][HB24-09]") {
    const auto same = grade(patient_text);
    CHECK(kind_of(donor_relation::sibling, same) == donor_kind::matched_sibling);
    CHECK(kind_of(donor_relation::parent, same) == donor_kind::other_matched_related);
    CHECK(kind_of(donor_relation::unrelated, same) == donor_kind::matched_unrelated);
    CHECK(kind_of(donor_relation::self, same) == donor_kind::autologous);
    CHECK(kind_of(donor_relation::cord_blood_unit, same) == donor_kind::cord_blood);

    // a DQB1 mismatch: matched under 8/8 (default), mismatched under 10/10
    const auto dq = grade(with("DQB1*03:01", "DQB1*06:02"));
    CHECK(kind_of(donor_relation::unrelated, dq) == donor_kind::matched_unrelated);
    CHECK(kind_of(donor_relation::unrelated, dq, d::matched_donor_definition::allele_10_of_10) ==
          donor_kind::mismatched_unrelated);

    // one copy shared at every locus: haploidentical; a locus mismatched twice: not
    const auto haplo = grade("A*01:01+A*03:01^B*08:01+B*07:02^C*07:01+C*07:02^DRB1*03:01+DRB1*15:01^DQB1*02:01+DQB1*06:02");
    CHECK(kind_of(donor_relation::parent, haplo) == donor_kind::haploidentical);
    const auto k = d::classify_donor(donor_relation::parent, haplo);
    CHECK(k->decided_by == d::donor_kind_criterion::one_copy_each_locus);
    CHECK(kind_of(donor_relation::unrelated, haplo) == donor_kind::mismatched_unrelated);
    const auto two = grade(with("A*01:01+A*02:01", "A*03:01+A*11:01"));
    CHECK(kind_of(donor_relation::sibling, two) == donor_kind::mismatched_related);
}

TEST_CASE("an undecided HLA total leaves the kind undecided; autologous must be identical", "[DON-KIND-001]") {
    const auto amb = grade(with("C*07:01+C*05:01", "C*07:01+C*05:01/C*05:09"));
    const auto k = d::classify_donor(donor_relation::unrelated, amb);
    REQUIRE(k.has_value());
    CHECK_FALSE(k->kind.has_value());
    CHECK(k->decided_by == d::donor_kind_criterion::total_undecided);
    const auto other = grade(with("A*01:01+A*02:01", "A*01:01+A*03:01"));
    const auto self = d::classify_donor(donor_relation::self, other);
    REQUIRE_FALSE(self.has_value());
    CHECK(self.error().code() == hsct::errc::inconsistent);
    CHECK(self.error().field() == "relation");
    CHECK(self.error().valid_range().find("HLA-A") != std::string::npos);
}

TEST_CASE("ranking: kind tier first, then HLA, then age; each rank explained", "[DON-RANK-001][DON-RANK-002][HB24-12]") {
    const auto full = grade(patient_text);
    const auto nine = grade(with("A*01:01+A*02:01", "A*01:01+A*02:05"));
    const auto dq = grade(with("DQB1*03:01", "DQB1*06:02"));
    std::vector<d::donor_candidate> c(5);
    c[0] = {"old-sibling", donor_relation::sibling, &full, compat(62, hsct::sex::male, d::cmv_serostatus::positive)};
    c[1] = {"mud-young", donor_relation::unrelated, &full, compat(24, hsct::sex::male, d::cmv_serostatus::positive)};
    c[2] = {"mud-older", donor_relation::unrelated, &full, compat(41, hsct::sex::male, d::cmv_serostatus::positive)};
    c[3] = {"mmud-a", donor_relation::unrelated, &nine, compat(22, hsct::sex::male, d::cmv_serostatus::positive)};
    c[4] = {"mud-dq", donor_relation::unrelated, &dq, compat(22, hsct::sex::male, d::cmv_serostatus::positive)};
    const auto r = d::rank_donors(c);
    REQUIRE(r.has_value());
    CHECK(r->policy_name == "ebmt_2024");
    REQUIRE(r->ranked.size() == 5);
    // 1 sibling; 2 young MUD 10/10; 3 older MUD 10/10 (age band); 4 MUD 9/10 with the DQB1
    // mismatch (8/8 matched, so tier 2) ; 5 the 9/10 A-mismatched donor (tier 3)
    CHECK(r->ranked[0].candidate == 0);
    CHECK(r->ranked[1].candidate == 1);
    CHECK(r->ranked[1].decided_by == ranking_criterion::donor_kind_tier);
    CHECK(r->ranked[2].candidate == 2);
    CHECK(r->ranked[2].decided_by == ranking_criterion::donor_age_band);
    CHECK(r->ranked[2].value.value == -4);           // 41 years: band 4
    CHECK(r->ranked[2].previous_value.value == -2);  // 24 years: band 2
    CHECK(r->ranked[3].candidate == 4);
    CHECK(r->ranked[3].decided_by == ranking_criterion::hla_allele_matched);
    CHECK(r->ranked[4].candidate == 3);
    CHECK(r->ranked[4].decided_by == ranking_criterion::donor_kind_tier);
    CHECK(r->ranked[4].kind == donor_kind::mismatched_unrelated);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(r->ranked[i].rank == i + 1);
        CHECK(r->ranked[i].values.size() == r->order.size());
    }
}

TEST_CASE("a DQB1-only mismatch ranks above a mismatch elsewhere at the same count", "[DON-RANK-002][HB24-09]") {
    auto p = d::ebmt_2024_policy();
    p.matched_definition = d::matched_donor_definition::allele_10_of_10;  // both 9/10 mismatched
    const auto dq = grade(with("DQB1*03:01", "DQB1*06:02"));
    const auto a = grade(with("A*01:01+A*02:01", "A*01:01+A*02:05"));
    std::vector<d::donor_candidate> c(2);
    c[0] = {"a", donor_relation::unrelated, &a, compat(30, hsct::sex::male, d::cmv_serostatus::positive)};
    c[1] = {"dq", donor_relation::unrelated, &dq, compat(30, hsct::sex::male, d::cmv_serostatus::positive)};
    const auto r = d::rank_donors(c, p);
    REQUIRE(r.has_value());
    CHECK(r->ranked[0].candidate == 1);
    CHECK(r->ranked[1].decided_by == ranking_criterion::mismatch_dqb1_only);
}

TEST_CASE("a tie is a tie; a missing value ranks below a known one", "[DON-RANK-001]") {
    const auto full = grade(patient_text);
    std::vector<d::donor_candidate> c(3);
    c[0] = {"x", donor_relation::unrelated, &full, compat(30, hsct::sex::male, d::cmv_serostatus::positive)};
    c[1] = {"y", donor_relation::unrelated, &full, compat(35, hsct::sex::male, d::cmv_serostatus::positive)};
    c[2] = {"z", donor_relation::unrelated, &full, compat(30, hsct::sex::male, d::cmv_serostatus::positive)};
    c[2].compatibility.donor_age.reset();
    const auto r = d::rank_donors(c);
    REQUIRE(r.has_value());
    CHECK(r->ranked[0].candidate == 0);
    CHECK(r->ranked[1].candidate == 1);
    CHECK(r->ranked[1].tied_with_previous);
    CHECK(r->ranked[1].rank == 1);
    CHECK_FALSE(r->ranked[1].decided_by.has_value());
    CHECK(r->ranked[2].candidate == 2);
    CHECK(r->ranked[2].rank == 3);
    CHECK(r->ranked[2].decided_by == ranking_criterion::donor_age_band);
    CHECK_FALSE(r->ranked[2].value.known);
}

TEST_CASE("CMV, sex and ABO decide between otherwise equal donors", "[DON-RANK-002][DON-CMV-002][DON-SEX-001][DON-ABO-001]") {
    const auto full = grade(patient_text);
    std::vector<d::donor_candidate> c(4);
    c[0] = {"abo-major", donor_relation::unrelated, &full, compat(30, hsct::sex::male, d::cmv_serostatus::positive, "AB+")};
    c[1] = {"female", donor_relation::unrelated, &full, compat(30, hsct::sex::female, d::cmv_serostatus::positive)};
    c[2] = {"cmv-neg", donor_relation::unrelated, &full, compat(30, hsct::sex::male, d::cmv_serostatus::negative)};
    c[3] = {"best", donor_relation::unrelated, &full, compat(30, hsct::sex::male, d::cmv_serostatus::positive)};
    const auto r = d::rank_donors(c);
    REQUIRE(r.has_value());
    CHECK(r->ranked[0].candidate == 3);
    CHECK(r->ranked[1].candidate == 0);
    CHECK(r->ranked[1].decided_by == ranking_criterion::abo_no_major);
    CHECK(r->ranked[2].candidate == 1);
    CHECK(r->ranked[2].decided_by == ranking_criterion::avoid_female_to_male);
    CHECK(r->ranked[3].candidate == 2);
    CHECK(r->ranked[3].decided_by == ranking_criterion::cmv_as_preferred);
    // the paediatric survey order puts CMV before age
    std::vector<d::donor_candidate> k(2);
    k[0] = {"young-cmv-neg", donor_relation::unrelated, &full, compat(20, hsct::sex::male, d::cmv_serostatus::negative)};
    k[1] = {"older-cmv-pos", donor_relation::unrelated, &full, compat(45, hsct::sex::male, d::cmv_serostatus::positive)};
    CHECK(d::rank_donors(k)->ranked[0].candidate == 0);
    const auto ped = d::rank_donors(k, d::ebmt_2024_paediatric_policy());
    REQUIRE(ped.has_value());
    CHECK(ped->ranked[0].candidate == 1);
    CHECK(ped->ranked[1].decided_by == ranking_criterion::cmv_as_preferred);
}

TEST_CASE("exclusions are listed with their reasons", "[DON-RANK-001]") {
    const auto full = grade(patient_text);
    const auto amb = grade(with("C*07:01+C*05:01", "C*07:01+C*05:01/C*05:09"));
    const auto partial = grade("A*01:01+A*02:01^B*08:01+B*44:02");
    std::vector<d::donor_candidate> c(4);
    c[0] = {"auto", donor_relation::self, &full, {}};
    c[1] = {"amb", donor_relation::unrelated, &amb, {}};
    c[2] = {"partial", donor_relation::cord_blood_unit, &partial, {}};
    c[3] = {"ok", donor_relation::unrelated, &full, {}};
    const auto r = d::rank_donors(c);
    REQUIRE(r.has_value());
    REQUIRE(r->ranked.size() == 1);
    CHECK(r->ranked[0].candidate == 3);
    REQUIRE(r->excluded.size() == 3);
    CHECK(r->excluded[0].reason == d::exclusion_reason::kind_not_ranked);
    CHECK(r->excluded[0].kind == donor_kind::autologous);
    CHECK(r->excluded[1].reason == d::exclusion_reason::kind_undecided);
    CHECK(r->excluded[2].reason == d::exclusion_reason::hla_unknown);
    CHECK(r->excluded[2].unknown_at == d::match_locus::c);
}

TEST_CASE("a centre's own order, read from text; bad policies and candidates are refused", "[DON-RANK-001]") {
    const auto order = d::parse_ranking_order("donor_kind_tier, donor_age_band,hla_allele_matched");
    REQUIRE(order.has_value());
    REQUIRE(order->size() == 3);
    CHECK((*order)[1] == ranking_criterion::donor_age_band);
    CHECK_FALSE(d::parse_ranking_order("donor_kind_tier,nonsense").has_value());
    const auto twice = d::parse_ranking_order("donor_age_band,donor_age_band");
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().code() == hsct::errc::inconsistent);

    const auto full = grade(patient_text);
    const auto nine = grade(with("A*01:01+A*02:01", "A*01:01+A*02:05"));
    std::vector<d::donor_candidate> c(2);
    c[0] = {"old-10", donor_relation::unrelated, &full, compat(50, hsct::sex::male, d::cmv_serostatus::positive)};
    c[1] = {"young-9", donor_relation::unrelated, &nine, compat(20, hsct::sex::male, d::cmv_serostatus::positive)};
    d::ranking_policy centre = d::ebmt_2024_policy();
    centre.name = "centre-x";
    centre.order = *d::parse_ranking_order("donor_age_band,hla_allele_matched");
    const auto r = d::rank_donors(c, centre);
    REQUIRE(r.has_value());
    CHECK(r->policy_name == "centre-x");
    CHECK(r->ranked[0].candidate == 1);
    CHECK(r->ranked[1].decided_by == ranking_criterion::donor_age_band);

    centre.order = {};
    CHECK_FALSE(d::rank_donors(c, centre).has_value());
    c[1].hla = nullptr;
    const auto missing = d::rank_donors(c);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().field() == "candidates.hla[1]");
}

TEST_CASE("the NMDP/CIBMTR summary policy: 8/8, then age, then DPB1; DQB1 is not counted", "[DON-RANK-002][NMDP-2019]") {
    const auto p = d::nmdp_cibmtr_2019_summary_policy();
    CHECK(p.hla_total == d::match_total_kind::eight);
    REQUIRE(p.order.size() == 4);
    CHECK(p.order[2] == ranking_criterion::donor_age_band);
    const auto full = grade(patient_text);
    const auto dq = grade(with("DQB1*03:01", "DQB1*06:02"));
    std::vector<d::donor_candidate> c(2);
    c[0] = {"10/10 older", donor_relation::unrelated, &full, compat(45, hsct::sex::male, d::cmv_serostatus::positive)};
    c[1] = {"8/8 younger", donor_relation::unrelated, &dq, compat(25, hsct::sex::male, d::cmv_serostatus::positive)};
    const auto r = d::rank_donors(c, p);
    REQUIRE(r.has_value());
    CHECK(r->ranked[0].candidate == 1);  // the DQB1 mismatch is outside 8/8: age decides
    CHECK(r->ranked[1].decided_by == ranking_criterion::donor_age_band);
    CHECK(d::rank_donors(c)->ranked[0].candidate == 0);  // EBMT 2024 counts 10 copies
}

}  // namespace hsct_test_donor_donor_choice_test
