// Tests for include/hsct/donor/registry.hpp: the compact registry grades exactly as
// assess_hla_match at allele level (DON-REG-001, DON-MATCH-001/002) on a deterministic
// synthetic registry drawn from IPD-IMGT/HLA 3.58.0; search order; what a registry refuses.
#include <hsct/donor/registry.hpp>

#include <string>
#include <type_traits>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"
#include "support/synthetic_registry.hpp"
#include "support/test_release.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_registry_test {

namespace d = hsct::donor;
using hsct_test::test_release;

namespace {
d::hla_typing typing(const std::string& text) {
    auto t = d::parse_hla_typing(test_release(), text);
    if (!t) {
        FAIL(t.error().message());
    }
    return *std::move(t);
}
}  // namespace

TEST_CASE("a registry grade is four bytes", "[DON-REG-001]") {
    STATIC_REQUIRE(sizeof(d::registry_grade) == 4);
    STATIC_REQUIRE(std::is_trivially_copyable_v<d::registry_grade>);
    STATIC_REQUIRE(sizeof(d::donor_registry::row) == 40);
}

TEST_CASE("the registry grades as assess_hla_match does, on a generated registry", "[DON-REG-001][DON-MATCH-001][DON-MATCH-002]") {
    hsct_test::synthetic_typings gen(test_release(), 6);  // few alleles a locus: many matches
    d::donor_registry reg;
    std::vector<d::hla_typing> donors;
    for (int i = 0; i < 300; ++i) {
        donors.push_back(typing(gen.next()));
        const auto id = reg.add(donors.back());
        REQUIRE(id.has_value());
        CHECK(*id == static_cast<std::uint32_t>(i));
    }
    REQUIRE(reg.size() == 300);
    CHECK(reg.release_version() == "3.58.0");
    std::size_t compared = 0;
    std::size_t mismatched_somewhere = 0;
    std::size_t one_way = 0;
    for (const std::size_t pi : {0U, 17U, 123U}) {
        const auto& patient = donors[pi];
        const auto row = reg.patient_row(patient);
        REQUIRE(row.has_value());
        std::vector<d::registry_grade> grades(reg.size());
        reg.grade_all(*row, grades);
        CHECK(grades[pi].matched() == 10);
        for (std::size_t i = 0; i < donors.size(); ++i) {
            const auto m = d::assess_hla_match(patient, donors[i]);
            REQUIRE(m.has_value());
            for (unsigned l = 0; l < 5; ++l) {
                const auto rl = static_cast<d::registry_locus>(l);
                const auto& lm = m->at(d::match_locus_of(rl));
                REQUIRE(lm.allele.status == d::match_status::decided);
                INFO("patient " << pi << " donor " << i << " locus " << l);
                CHECK(grades[i].locus(rl) == lm.allele.grade);
                one_way += lm.allele.grade.gvh != lm.allele.grade.hvg ? 1U : 0U;
                ++compared;
            }
            CHECK(grades[i].matched() == m->total(d::match_total_kind::ten).matched);
            CHECK(grades[i].matched_8() == m->total(d::match_total_kind::eight).matched);
            mismatched_somewhere += grades[i].matched() < 10 ? 1U : 0U;
        }
    }
    CHECK(compared == 3 * 300 * 5);
    CHECK(mismatched_somewhere > 0);  // the test sees mismatches,
    CHECK(one_way > 0);               // one-way (homozygous) mismatches,
}

TEST_CASE("search returns the donors at or above a count, best first", "[DON-REG-001]") {
    hsct_test::synthetic_typings gen(test_release(), 4);
    d::donor_registry reg;
    std::vector<d::hla_typing> donors;
    for (int i = 0; i < 200; ++i) {
        donors.push_back(typing(gen.next()));
        REQUIRE(reg.add(donors.back()).has_value());
    }
    const auto hits = reg.search(donors[5], 7);
    REQUIRE(hits.has_value());
    REQUIRE_FALSE(hits->empty());
    CHECK(hits->front().grade.matched() == 10);
    for (std::size_t i = 1; i < hits->size(); ++i) {
        CHECK((*hits)[i - 1].grade.matched() >= (*hits)[i].grade.matched());
        CHECK((*hits)[i].grade.matched() >= 7);
    }
    bool five = false;
    for (const auto& h : *hits) {
        five = five || h.donor == 5;
    }
    CHECK(five);
}

TEST_CASE("grade_all allocates nothing", "[DON-REG-001]") {
    hsct_test::synthetic_typings gen(test_release(), 10);
    d::donor_registry reg;
    for (int i = 0; i < 50; ++i) {
        REQUIRE(reg.add(typing(gen.next())).has_value());
    }
    const auto row = reg.patient_row(typing(gen.next()));
    REQUIRE(row.has_value());
    std::vector<d::registry_grade> out(reg.size());
    hsct_test::allocation_counter count;
    reg.grade_all(*row, out);
    CHECK(count.count() == 0);
}

TEST_CASE("a patient key no donor has matches no donor; twice it is homozygous", "[DON-REG-001]") {
    d::donor_registry reg;
    const std::string base = "^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01";
    REQUIRE(reg.add(typing("A*01:01+A*02:01" + base)).has_value());
    const auto row = reg.patient_row(typing("A*68:01+A*68:01" + base));
    REQUIRE(row.has_value());
    std::vector<d::registry_grade> g(1);
    reg.grade_all(*row, g);
    CHECK(g[0].locus(d::registry_locus::a) == d::locus_grade{2, 1, 2});
    CHECK(g[0].matched() == 8);
}

TEST_CASE("what a registry refuses, naming the locus", "[DON-REG-001]") {
    d::donor_registry reg;
    const std::string rest = "^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01";
    struct row {
        std::string text;
        const char* field;
    };
    const row rows[] = {
        {"A*01:01/A*01:02+A*02:01^B*08:01+B*44:02" + rest, "donor.a"},
        {"A*01:01+A*02:01^B*08+B*44:02" + rest, "donor.b"},
        {"A*01:01+A*02:01" + rest, "donor.b"},
        {"A*01:01+A*02:01|A*01:02+A*02:01^B*08:01+B*44:02" + rest, "donor.a"},
        {"A*01:11N+A*01:11N^B*08:01+B*44:02" + rest, "donor.a"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        const auto t = d::parse_hla_typing(test_release(), r.text);
        REQUIRE(t.has_value());
        const auto added = reg.add(*t);
        REQUIRE_FALSE(added.has_value());
        CHECK(added.error().field() == r.field);
        CHECK(added.error().requirement() == "DON-REG-001");
    }
    CHECK(reg.size() == 0);
    // a null copy reads as the other copy
    REQUIRE(reg.add(typing("A*01:01+A*01:11N^B*08:01+B*44:02" + rest)).has_value());
}

}  // namespace hsct_test_donor_registry_test
