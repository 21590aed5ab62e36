// Tests for include/hsct/donor/hla_match.hpp: match counting and direction (DON-MATCH-001/002)
// on the worked examples of the reference notes (hla-isbt-peers.md, "Match counting and
// direction" and "DPB1 TCE"), levels (DON-MATCH-003), unknown and ambiguous grades
// (DON-MATCH-004), totals, and DPB1 TCE permissiveness under both readings (DON-TCE-002).
#include <hsct/donor/hla_match.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include "support/test_release.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_hla_match_test {

namespace d = hsct::donor;
using d::match_locus;
using d::match_status;
using hsct_test::test_release;

namespace {
d::hla_typing typing(std::string_view text) {
    auto t = d::parse_hla_typing(test_release(), text);
    if (!t) {
        FAIL(t.error().message());
    }
    return *std::move(t);
}

d::hla_match_result match(std::string_view patient, std::string_view donor,
                          const d::hla_match_options& o = {}) {
    auto r = d::assess_hla_match(typing(patient), typing(donor), o);
    REQUIRE(r.has_value());
    return *r;
}

d::locus_grade grade(int m, int g, int h) {
    return d::locus_grade{static_cast<std::uint8_t>(m), static_cast<std::uint8_t>(g),
                          static_cast<std::uint8_t>(h)};
}

// A '/' list of `n` DPB1 proteins (two-field names) of `n` different P groups, each P group with a
// V2 TCE group of 1, 2 or 3, taken in file order from the test release's dpb_tce.csv.
std::string dpb1_list(std::size_t n) {
    std::ifstream in(HSCT_TEST_DATA_DIR "/hla/3.58.0/dpb_tce.csv");
    REQUIRE(in.good());
    std::vector<d::hla_name> keys;
    std::string out;
    std::string line;
    std::string last;
    while (keys.size() < n && std::getline(in, line)) {
        // Allele,Protein,V1_Assignment,V2_Assignment,Comments
        const auto c1 = line.find(',');
        const auto c2 = c1 == std::string::npos ? c1 : line.find(',', c1 + 1);
        if (c2 == std::string::npos) {
            continue;
        }
        const std::string protein = line.substr(c1 + 1, c2 - c1 - 1);
        if (protein == last || protein.rfind("DPB1*", 0) != 0) {
            continue;
        }
        last = protein;
        const auto t = d::parse_hla_typing(test_release(), protein + "+" + protein);
        if (!t) {
            continue;  // a protein whose alleles are all null or not current
        }
        const auto locus = t->at(match_locus::dpb1);
        if (!locus || locus->alternatives.empty()) {
            continue;
        }
        const auto& copy = locus->alternatives.front().copies[0];
        const auto k = copy.allele_keys(d::allele_match_definition::p_group);
        const auto tce = copy.tce(d::allele_match_definition::p_group);
        if (k.size() != 1 || tce.size() != 1 || !tce[0] ||
            (tce[0]->v2 != d::dpb1_tce_group::group_1 && tce[0]->v2 != d::dpb1_tce_group::group_2 &&
             tce[0]->v2 != d::dpb1_tce_group::group_3)) {
            continue;
        }
        bool seen = false;
        for (const auto& x : keys) {
            seen = seen || x == k[0];
        }
        if (seen) {
            continue;
        }
        keys.push_back(k[0]);
        out += out.empty() ? protein : "/" + protein;
    }
    REQUIRE(keys.size() == n);
    return out;
}

constexpr const char* ten_ten =
    "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01";
}  // namespace

TEST_CASE("match counting and direction: the worked examples", "[DON-MATCH-001][DON-MATCH-002][DON-MATCH-003][Stevens-2011][WMDA-2024]") {
    struct row {
        const char* recipient;
        const char* donor;
        d::locus_grade allele;
        d::locus_match_kind kind;
        d::mismatch_direction direction;
    };
    using K = d::locus_match_kind;
    using D = d::mismatch_direction;
    const row rows[] = {
        {"A*01:01+A*02:01", "A*01:01+A*02:01", grade(0, 0, 0), K::match, D::none},
        {"A*01:01+A*01:01", "A*01:01+A*02:01", grade(1, 0, 1), K::antigen_mismatch, D::hvg_only},
        {"A*01:01+A*02:01", "A*01:01+A*01:01", grade(1, 1, 0), K::antigen_mismatch, D::gvh_only},
        {"A*01:01+A*02:01", "A*03:01+A*24:02", grade(2, 2, 2), K::antigen_mismatch, D::bidirectional},
        {"A*02:01+A*03:01", "A*02:05+A*03:01", grade(1, 1, 1), K::allele_mismatch, D::bidirectional},
        {"A*02:01+A*03:01", "A*11:01+A*03:01", grade(1, 1, 1), K::antigen_mismatch, D::bidirectional},
        {"A*03:01+A*01:11N", "A*03:01+A*03:01", grade(0, 0, 0), K::match, D::none},
    };
    for (const auto& r : rows) {
        INFO(r.recipient << " vs " << r.donor);
        const auto m = match(r.recipient, r.donor);
        const auto* a = m.find(match_locus::a);
        REQUIRE(a != nullptr);
        REQUIRE(a->allele.status == match_status::decided);
        CHECK(a->allele.grade == r.allele);
        CHECK(a->kind() == r.kind);
        CHECK(a->allele.grade.direction() == r.direction);
        CHECK(m.release_version == "3.58.0");
    }
}

TEST_CASE("homozygous on both sides: 2 mismatches, one type each way", "[DON-MATCH-002]") {
    const auto m = match("A*01:01+A*01:01", "A*02:01+A*02:01");
    CHECK(m.at(match_locus::a).allele.grade == grade(2, 1, 1));
    const auto same = match("A*01:01+A*01:01", "A*01:01+A*01:01");
    CHECK(same.at(match_locus::a).allele.grade == grade(0, 0, 0));
    // a homozygous patient against a donor with two other types: 2, GvH 1, HvG 2
    CHECK(match("A*01:01+A*01:01", "A*02:01+A*03:01").at(match_locus::a).allele.grade == grade(2, 1, 2));
}

TEST_CASE("the count is symmetric and does not depend on the order of the copies", "[DON-MATCH-001]") {
    const char* typings[] = {"A*01:01+A*02:01", "A*02:01+A*01:01", "A*01:01+A*01:01",
                             "A*02:05+A*03:01", "A*03:01+A*24:02", "A*02:01+A*02:01"};
    for (const char* p : typings) {
        for (const char* q : typings) {
            const auto pq = match(p, q).at(match_locus::a).allele.grade;
            const auto qp = match(q, p).at(match_locus::a).allele.grade;
            INFO(p << " vs " << q);
            CHECK(pq.mismatches == qp.mismatches);
            CHECK(pq.gvh == qp.hvg);
            CHECK(pq.hvg == qp.gvh);
        }
    }
}

TEST_CASE("totals: 8/8, 10/10, 12/12 and cord 6/6", "[DON-MATCH-001][V2]") {
    const auto full = match(ten_ten, ten_ten);
    CHECK(full.total(d::match_total_kind::eight).status == match_status::decided);
    CHECK(full.total(d::match_total_kind::eight).matched == 8);
    CHECK(full.total(d::match_total_kind::ten).matched == 10);
    CHECK(full.total(d::match_total_kind::twelve).status == match_status::unknown);
    CHECK(full.total(d::match_total_kind::twelve).unknown_at == match_locus::dpb1);

    // one A allele mismatch (A*02:01 vs A*02:05): 7/8 and 9/10 at allele level, 8/8 at
    // antigen level; cord 6/6 (A read at antigen level)
    const std::string donor =
        "A*01:01+A*02:05^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01";
    const auto one = match(ten_ten, donor);
    CHECK(one.total(d::match_total_kind::eight, d::match_level::allele).matched == 7);
    CHECK(one.total(d::match_total_kind::ten, d::match_level::allele).matched == 9);
    CHECK(one.total(d::match_total_kind::eight, d::match_level::antigen).matched == 8);
    CHECK(one.total(d::match_total_kind::cord_six).matched == 6);
    CHECK(one.total(d::match_total_kind::cord_six).out_of == 6);

    // DQB1 mismatch only: 8/8 but 9/10
    const std::string dq =
        "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*06:02";
    const auto q = match(ten_ten, dq);
    CHECK(q.total(d::match_total_kind::eight).matched == 8);
    CHECK(q.total(d::match_total_kind::ten).matched == 9);
}

TEST_CASE("low-expression loci are graded and reported but never counted", "[DON-MATCH-001]") {
    const std::string p = std::string(ten_ten) + "^DRB4*01:01+DRB4*01:01^DQA1*01:01+DQA1*05:01";
    const std::string q = std::string(ten_ten) + "^DRB4*01:03:01:02N+DRB4*01:01^DQA1*01:01+DQA1*03:01";
    const auto m = match(p, q);
    const auto* dqa1 = m.find(match_locus::dqa1);
    REQUIRE(dqa1 != nullptr);
    CHECK_FALSE(dqa1->counted);
    CHECK(dqa1->allele.grade.mismatches == 1);
    CHECK(m.at(match_locus::drb4).donor_null);
    CHECK(m.total(d::match_total_kind::ten).matched == 10);
}

TEST_CASE("a locus one side did not type is unknown, never a match", "[DON-MATCH-004]") {
    const auto m = match("A*01:01+A*02:01^B*08:01+B*44:02", "A*01:01+A*02:01^C*07:01+C*05:01");
    CHECK(m.at(match_locus::b).allele.status == match_status::unknown);
    CHECK(m.at(match_locus::b).allele.reason == d::match_unknown_reason::donor_not_typed);
    CHECK(m.at(match_locus::c).antigen.reason == d::match_unknown_reason::patient_not_typed);
    CHECK(m.find(match_locus::drb1) == nullptr);
    CHECK(m.total(d::match_total_kind::eight).status == match_status::unknown);
    CHECK(m.total(d::match_total_kind::eight).unknown_at == match_locus::b);
    CHECK(m.total(d::match_total_kind::eight).matched == 0);
}

TEST_CASE("a typing too low to decide is unknown at allele level, antigen level still read", "[DON-MATCH-004]") {
    const auto m = match("A2+A3", "A*02:01+A*03:01");
    const auto* a = m.find(match_locus::a);
    CHECK(a->allele.status == match_status::unknown);
    CHECK(a->allele.reason == d::match_unknown_reason::patient_resolution_too_low);
    REQUIRE(a->antigen.status == match_status::decided);
    CHECK(a->antigen.grade == grade(0, 0, 0));
    CHECK(a->kind() == d::locus_match_kind::antigen_match_allele_unknown);
    const auto r = match("A*02:01+A*03:01", "A*02+A*03:01");
    CHECK(r.at(match_locus::a).allele.reason == d::match_unknown_reason::donor_resolution_too_low);
}

TEST_CASE("ambiguous typings give the possible grades, not a guess", "[DON-MATCH-004]") {
    const auto m = match("A*02:01/A*02:05+A*03:01", "A*02:01+A*03:01");
    const auto* a = m.find(match_locus::a);
    REQUIRE(a->allele.status == match_status::ambiguous);
    const auto g = a->allele.possible_grades();
    REQUIRE(g.size() == 2);
    CHECK(g[0] == grade(0, 0, 0));
    CHECK(g[1] == grade(1, 1, 1));
    CHECK(a->antigen.status == match_status::decided);
    // a broad antigen: A9 may be A23 or A24
    const auto b = match("A2+A9", "A*02:01+A*24:02");
    CHECK(b.at(match_locus::a).antigen.status == match_status::ambiguous);
    CHECK(b.at(match_locus::a).antigen.possible_mismatches() == 0b011U);
    // a genotype list
    const auto gl = match("A*01:01+A*02:01|A*01:02+A*02:01", "A*01:01+A*02:01");
    CHECK(gl.at(match_locus::a).allele.possible_mismatches() == 0b011U);
    // totals over an ambiguous locus list every possible value
    const std::string amb =
        "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01/C*05:09^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01";
    const auto t = match(ten_ten, amb).total(d::match_total_kind::ten);
    CHECK(t.status == match_status::ambiguous);
    CHECK(t.min_matched() == 9);
    CHECK(t.max_matched() == 10);
}

TEST_CASE("65,536 combinations at a locus are graded; one copy more ambiguous is too_ambiguous", "[DON-MATCH-004]") {
    const std::string l16 = dpb1_list(16);
    const std::string l17 = dpb1_list(17);
    const std::string both16 = l16 + "+" + l16;
    // 16 x 16 x 16 x 16 = 65,536 combinations: every one graded
    const auto at = match(both16, both16);
    const auto& dp = at.at(match_locus::dpb1);
    CHECK(dp.allele.status == match_status::ambiguous);
    CHECK(dp.allele.possible_mismatches() == 0b111U);
    CHECK(dp.antigen.status == match_status::ambiguous);
    REQUIRE(dp.tce.has_value());
    CHECK(dp.tce->status == match_status::ambiguous);
    CHECK((dp.tce->possible & 1U) != 0);  // dpb1_tce_outcome::match is among the possible
    // 17 x 16 x 16 x 16 = 69,632: unknown, never a guess
    const auto over = match(l17 + "+" + l16, both16);
    const auto& op = over.at(match_locus::dpb1);
    CHECK(op.allele.status == match_status::unknown);
    CHECK(op.allele.reason == d::match_unknown_reason::too_ambiguous);
    CHECK(op.antigen.status == match_status::unknown);
    REQUIRE(op.tce.has_value());
    CHECK(op.tce->status == match_status::unknown);
    CHECK(over.total(d::match_total_kind::twelve).status == match_status::unknown);
}

TEST_CASE("DPB1 TCE: the combinations of every genotype of a list count towards the 65,536", "[DON-MATCH-004][DON-TCE-002]") {
    const std::string l256 = dpb1_list(256);
    const std::string donor = "DPB1*04:01+DPB1*04:01";
    // 256 x 256 x 1 x 1 = 65,536 combinations: the TCE outcomes are read
    const auto at = match(l256 + "+" + l256, donor);
    REQUIRE(at.at(match_locus::dpb1).tce.has_value());
    CHECK(at.at(match_locus::dpb1).tce->status == match_status::ambiguous);
    // one more genotype (1 x 1 x 1 x 1): 65,537 at the locus, so TCE is unknown
    const auto over = match(l256 + "+" + l256 + "|DPB1*02:01+DPB1*02:01", donor);
    REQUIRE(over.at(match_locus::dpb1).tce.has_value());
    CHECK(over.at(match_locus::dpb1).tce->status == match_status::unknown);
}

TEST_CASE("nulls: one null copy reads as homozygous; both null is no expressed allele", "[DON-TYP-003][DON-MATCH-004][Atlas]") {
    const auto m = match("A*03:01+A*01:11N", "A*03:01+A*02:01");
    const auto* a = m.find(match_locus::a);
    CHECK(a->patient_null);
    CHECK(a->allele.grade == grade(1, 0, 1));  // the donor's A*02:01 is foreign to the patient
    const auto z = match("A*01:11N+A*01:11N", "A*03:01+A*02:01");
    CHECK(z.at(match_locus::a).allele.reason == d::match_unknown_reason::no_expressed_allele);
}

TEST_CASE("G-group keys are stricter than P-group keys", "[DON-MATCH-003]") {
    // A*02:01:01:01 (G A*02:01:01G) and A*02:01:02 (G A*02:01:02G) share the P group A*02:01P
    d::hla_match_options g;
    g.allele_key = d::allele_match_definition::g_group;
    const auto p_level = match("A*02:01:01:01+A*03:01:01:01", "A*02:01:02+A*03:01:01:01");
    CHECK(p_level.at(match_locus::a).allele.grade.mismatches == 0);
    const auto g_level = match("A*02:01:01:01+A*03:01:01:01", "A*02:01:02+A*03:01:01:01", g);
    REQUIRE(g_level.at(match_locus::a).allele.status == match_status::decided);
    CHECK(g_level.at(match_locus::a).allele.grade.mismatches == 1);
    // A*03:01 (two fields) lies in three G groups: at G level it may or may not match
    const auto amb = match("A*02:01:01:01+A*03:01", "A*02:01:02+A*03:01", g);
    CHECK(amb.at(match_locus::a).allele.status == match_status::ambiguous);
    CHECK(amb.at(match_locus::a).allele.possible_mismatches() == 0b110U);
    CHECK(g_level.options.allele_key == d::allele_match_definition::g_group);
}

TEST_CASE("every DPB1 mismatch is an antigen mismatch", "[DON-MATCH-003][WMDA-2024]") {
    const auto m = match("DPB1*04:01+DPB1*04:01", "DPB1*04:02+DPB1*04:01");
    const auto* dp = m.find(match_locus::dpb1);
    CHECK(dp->antigen.grade.mismatches == 1);
    CHECK(dp->kind() == d::locus_match_kind::antigen_mismatch);
}

TEST_CASE("DPB1 TCE: the worked examples (V2, most immunogenic group)", "[DON-TCE-002][IPD-TCE][Atlas]") {
    using O = d::dpb1_tce_outcome;
    struct row {
        const char* patient;
        const char* donor;
        O outcome;
        int pg, dg;
    };
    const row rows[] = {
        {"DPB1*04:01+DPB1*04:02", "DPB1*02:01+DPB1*04:01", O::permissive, 3, 3},
        {"DPB1*04:01+DPB1*04:01", "DPB1*03:01+DPB1*04:01", O::non_permissive_hvg, 3, 2},
        {"DPB1*03:01+DPB1*04:01", "DPB1*04:01+DPB1*04:02", O::non_permissive_gvh, 2, 3},
        {"DPB1*09:01+DPB1*04:01", "DPB1*10:01+DPB1*04:01", O::permissive, 1, 1},
        {"DPB1*04:01+DPB1*04:01", "DPB1*06:01+DPB1*04:01", O::non_permissive_hvg, 3, 2},
        {"DPB1*04:01+DPB1*04:01", "DPB1*04:01+DPB1*61:01N", O::match, 0, 0},
    };
    for (const auto& r : rows) {
        INFO(r.patient << " vs " << r.donor);
        const auto m = match(r.patient, r.donor);
        const auto& tce = m.at(match_locus::dpb1).tce;
        REQUIRE(tce.has_value());
        REQUIRE(tce->status == match_status::decided);
        CHECK(tce->outcome == r.outcome);
        CHECK(tce->patient_group == r.pg);
        CHECK(tce->donor_group == r.dg);
        CHECK(tce->version == d::dpb1_tce_version::v2);
        CHECK(tce->release_version == "3.58.0");
    }
}

TEST_CASE("DPB1 TCE: V1 against V2 and the 2a policy decide DPB1*06:01", "[DON-TCE-002][IPD-TCE]") {
    d::hla_match_options v1;
    v1.tce_version = d::dpb1_tce_version::v1;
    const auto a = match("DPB1*04:01+DPB1*04:01", "DPB1*06:01+DPB1*04:01", v1);
    CHECK(a.at(match_locus::dpb1).tce->outcome == d::dpb1_tce_outcome::permissive);
    d::hla_match_options strict;
    strict.group_2a = d::tce_group_2a_policy::unknown;
    const auto b = match("DPB1*04:01+DPB1*04:01", "DPB1*06:01+DPB1*04:01", strict);
    CHECK(b.at(match_locus::dpb1).tce->status == match_status::unknown);
}

TEST_CASE("DPB1 TCE: the two readings disagree on a double mismatch {1,2} vs {1,3}", "[DON-TCE-002][HB24-09]") {
    // patient 09:01 (1) + 03:01 (2); donor 10:01 (1) + 04:01 (3)
    const char* p = "DPB1*09:01+DPB1*03:01";
    const char* q = "DPB1*10:01+DPB1*04:01";
    CHECK(match(p, q).at(match_locus::dpb1).tce->outcome == d::dpb1_tce_outcome::permissive);
    d::hla_match_options hb;
    hb.tce_reading = d::dpb1_tce_reading::mismatched_alleles;
    const auto m = match(p, q, hb);
    const auto& tce = m.at(match_locus::dpb1).tce;
    REQUIRE(tce->status == match_status::decided);
    CHECK(tce->outcome == d::dpb1_tce_outcome::non_permissive_gvh);  // 03:01 (2) against 04:01 (3)
    CHECK(tce->reading == d::dpb1_tce_reading::mismatched_alleles);
    // the order of the donor's copies does not change it
    CHECK(match(p, "DPB1*04:01+DPB1*10:01", hb).at(match_locus::dpb1).tce->outcome ==
          d::dpb1_tce_outcome::non_permissive_gvh);
    // a single mismatch reads the same under both
    CHECK(match("DPB1*04:01+DPB1*04:01", "DPB1*03:01+DPB1*04:01", hb).at(match_locus::dpb1).tce->outcome ==
          d::dpb1_tce_outcome::non_permissive_hvg);
}

TEST_CASE("typings read by different releases are refused", "[DON-MATCH-004]") {
    namespace fs = std::filesystem;
    const fs::path src = HSCT_TEST_DATA_DIR "/hla/3.58.0";
    const fs::path dir = fs::temp_directory_path() / "hsct_release_3_57_test";
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(src)) {
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        std::string text = s.str();
        for (auto pos = text.find("3.58.0"); pos != std::string::npos && pos < 2000;
             pos = text.find("3.58.0", pos)) {
            text.replace(pos, 6, "3.57.0");
        }
        std::ofstream(dir / e.path().filename(), std::ios::binary) << text;
    }
    const auto other = d::load_hla_release(dir.string());
    REQUIRE(other.has_value());
    REQUIRE(other->version() == "3.57.0");
    const auto donor = d::parse_hla_typing(*other, "A*01:01+A*02:01");
    REQUIRE(donor.has_value());
    const auto r = d::assess_hla_match(typing("A*01:01+A*02:01"), *donor);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::inconsistent);
    CHECK(r.error().field() == "donor.release");
    CHECK(r.error().value() == "3.57.0");
    fs::remove_all(dir);
}

TEST_CASE("an option that is not a declared value is refused", "[DON-MATCH-004][CORE-ENUM-002]") {
    d::hla_match_options o;
    o.tce_reading = static_cast<d::dpb1_tce_reading>(9);
    const auto r = d::assess_hla_match(typing("A*01:01+A*02:01"), typing("A*01:01+A*02:01"), o);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "options.tce_reading");
}

}  // namespace hsct_test_donor_hla_match_test
