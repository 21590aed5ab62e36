// Tests for include/hsct/donor/hla_typing.hpp: the shape of a typing (DON-TYP-001), the keys
// matching compares (DON-TYP-002) and null alleles and expression variants (DON-TYP-003), read
// against IPD-IMGT/HLA 3.58.0.
#include <hsct/donor/hla_typing.hpp>
#include <hsct/donor/mac_table.hpp>

#include <algorithm>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include "support/test_release.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_hla_typing_test {

namespace d = hsct::donor;
using d::match_locus;
using hsct_test::test_release;

namespace {
d::hla_name name(std::string_view text) { return d::parse_hla_name(text).value(); }

d::hla_typing typing(std::string_view text, const d::mac_table* macs = nullptr) {
    auto t = macs != nullptr ? d::parse_hla_typing(test_release(), text, *macs)
                             : d::parse_hla_typing(test_release(), text);
    if (!t) {
        FAIL(t.error().message());
    }
    return *std::move(t);
}

const d::hla_copy& copy_of(const d::hla_typing& t, match_locus l, std::size_t i, std::size_t alt = 0) {
    const auto* lt = t.at(l);
    REQUIRE(lt != nullptr);
    REQUIRE(alt < lt->alternatives.size());
    return lt->alternatives[alt].copies[i];
}

bool has_antigen(const d::hla_copy& c, std::string_view antigen) {
    const auto a = name(antigen);
    return std::any_of(c.antigen_keys().begin(), c.antigen_keys().end(),
                       [&](const d::hla_antigen_key& k) { return k.has_antigen && k.antigen == a; });
}
}  // namespace

TEST_CASE("a multilocus typing is read locus by locus, in any order", "[DON-TYP-001]") {
    const auto t = typing("HLA-DRB1*03:01+HLA-DRB1*04:01^HLA-A*01:01+HLA-A*02:01^B*08:01+B*44:02");
    CHECK(t.loci().size() == 3);
    CHECK(t.release_version() == "3.58.0");
    CHECK(t.at(match_locus::c) == nullptr);
    REQUIRE(t.at(match_locus::a) != nullptr);
    CHECK(t.at(match_locus::a)->alternatives.size() == 1);
    CHECK(copy_of(t, match_locus::a, 1).typed()[0] == name("A*02:01"));
    CHECK(copy_of(t, match_locus::drb1, 0).allele_keys(d::allele_match_definition::p_group)[0] ==
          name("DRB1*03:01P"));
}

TEST_CASE("haplotypes are read locus by locus; genotype lists are alternatives", "[DON-TYP-001]") {
    const auto h = typing("A*01:01~B*08:01+A*02:01~B*44:02");
    CHECK(copy_of(h, match_locus::b, 1).typed()[0] == name("B*44:02"));
    const auto g = typing("A*01:01+A*02:01|A*01:02+A*02:01");
    REQUIRE(g.at(match_locus::a)->alternatives.size() == 2);
    CHECK(copy_of(g, match_locus::a, 0, 1).typed()[0] == name("A*01:02"));
}

TEST_CASE("a typing of the wrong shape is an error naming locus, value and what is valid", "[DON-TYP-001]") {
    struct row {
        const char* text;
        hsct::errc code;
        const char* field;
        const char* valid_part;
    };
    const row rows[] = {
        {"A*01:01", hsct::errc::syntax, "typing.a", "two gene copies"},
        {"A*01:01+A*01:01^A*02:01+A*02:01", hsct::errc::inconsistent, "typing.a", "given twice"},
        {"A*01:01~A*02:01+A*01:01~A*02:01", hsct::errc::inconsistent, "typing.a", "given twice"},
        {"A*01:01+B*08:01", hsct::errc::inconsistent, "typing.a", "second copy"},
        {"A*01:01/B*08:01+A*02:01", hsct::errc::inconsistent, "typing.a", "a name of HLA-A"},
        {"E*01:01+E*01:01", hsct::errc::syntax, "typing.locus", "DRB1"},
        {"A*01:99:99+A*02:01", hsct::errc::syntax, "typing.a", "3.58.0"},
        {"A*02:01:08+A*02:01", hsct::errc::syntax, "typing.a", "replaced by A*02:1040"},
        {"A*01:AB+A*02:01", hsct::errc::missing, "typing.a", "MAC table"},
        {"A99+A2", hsct::errc::syntax, "typing.a", "serological antigen"},
        {"A*01:01+", hsct::errc::syntax, "typing", ""},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        const auto t = d::parse_hla_typing(test_release(), r.text);
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().code() == r.code);
        CHECK(t.error().field() == r.field);
        CHECK(t.error().valid_range().find(r.valid_part) != std::string::npos);
    }
}

TEST_CASE("MAC codes expand through a MAC table", "[DON-TYP-001][DON-MAC-001]") {
    const auto macs = d::load_mac_table(HSCT_TEST_DATA_DIR "/mac/sample_numer.v3.txt");
    REQUIRE(macs.has_value());
    const auto t = typing("A*01:AB+A*02:01", &*macs);
    const auto& c = copy_of(t, match_locus::a, 0);
    CHECK(c.allele_level_known());
    CHECK(c.resolution() == d::hla_resolution::intermediate);
    const auto keys = c.allele_keys(d::allele_match_definition::p_group);
    CHECK(std::find(keys.begin(), keys.end(), name("A*01:01P")) != keys.end());
    CHECK(std::find(keys.begin(), keys.end(), name("A*01:02P")) != keys.end());
}

TEST_CASE("antigen keys: split level, associated antigens as their parent, first field without serology", "[DON-TYP-002][WMDA-2024]") {
    const auto t = typing("A*24:02+A*02:03^B*15:01+B*40:01^C*12:02+C*01:02^DQB1*03:01+DQB1*02:01");
    CHECK(has_antigen(copy_of(t, match_locus::a, 0), "A24"));
    CHECK_FALSE(has_antigen(copy_of(t, match_locus::a, 0), "A9"));   // the broad is dropped
    CHECK(has_antigen(copy_of(t, match_locus::a, 1), "A2"));         // A203 counts as A2
    CHECK_FALSE(has_antigen(copy_of(t, match_locus::a, 1), "A203"));
    CHECK(has_antigen(copy_of(t, match_locus::b, 0), "B62"));
    CHECK(has_antigen(copy_of(t, match_locus::b, 1), "B60"));
    CHECK(has_antigen(copy_of(t, match_locus::dqb1, 0), "DQ7"));
    const auto& c12 = copy_of(t, match_locus::c, 0);
    REQUIRE(c12.antigen_keys().size() == 1);
    CHECK_FALSE(c12.antigen_keys()[0].has_antigen);
    CHECK(c12.antigen_keys()[0].first_field == 12);
    CHECK(has_antigen(copy_of(t, match_locus::c, 1), "Cw1"));
}

TEST_CASE("antigen keys match by antigen, or by first field where one side has none", "[DON-TYP-002][WMDA-2024]") {
    const d::hla_antigen_key a2{name("A2"), true, 2};
    const d::hla_antigen_key a2_other{name("A2"), true, 99};
    const d::hla_antigen_key a24{name("A24"), true, 24};
    const d::hla_antigen_key ff2{d::hla_name{}, false, 2};
    CHECK(d::antigen_keys_match(a2, a2_other));
    CHECK_FALSE(d::antigen_keys_match(a2, a24));
    CHECK(d::antigen_keys_match(a2, ff2));
    CHECK_FALSE(d::antigen_keys_match(a24, ff2));
}

TEST_CASE("serological typings: antigen keys only; a broad stands for its splits", "[DON-TYP-002]") {
    const auto t = typing("A2+A9^DR52+DR52");
    const auto& a2 = copy_of(t, match_locus::a, 0);
    CHECK_FALSE(a2.allele_level_known());
    CHECK(a2.allele_keys(d::allele_match_definition::p_group).empty());
    CHECK(a2.resolution() == d::hla_resolution::serological);
    const auto& a9 = copy_of(t, match_locus::a, 1);
    CHECK(has_antigen(a9, "A23"));
    CHECK(has_antigen(a9, "A24"));
    CHECK(t.at(match_locus::drb3) != nullptr);  // DR52 is DRB3
}

TEST_CASE("low resolution (one field, XX) leaves the allele level unknown", "[DON-TYP-002]") {
    const auto t = typing("A*02+A*03:XX");
    CHECK_FALSE(copy_of(t, match_locus::a, 0).allele_level_known());
    CHECK_FALSE(copy_of(t, match_locus::a, 1).allele_level_known());
    CHECK(copy_of(t, match_locus::a, 1).resolution() == d::hla_resolution::low);
    CHECK(has_antigen(copy_of(t, match_locus::a, 1), "A3"));
}

TEST_CASE("G and P group names expand to their alleles; G and P keys both kept", "[DON-TYP-002]") {
    const auto t = typing("A*02:01:01G+A*24:02P");
    const auto& g = copy_of(t, match_locus::a, 0);
    const auto p = g.allele_keys(d::allele_match_definition::p_group);
    CHECK(std::find(p.begin(), p.end(), name("A*02:01P")) != p.end());
    const auto gk = g.allele_keys(d::allele_match_definition::g_group);
    REQUIRE(gk.size() == 1);
    CHECK(gk[0] == name("A*02:01:01G"));
    CHECK(copy_of(t, match_locus::a, 1).allele_keys(d::allele_match_definition::p_group)[0] ==
          name("A*24:02P"));
}

TEST_CASE("null alleles and expression variants", "[DON-TYP-003][Atlas]") {
    const auto t = typing("A*03:01+A*01:11N^B*08:01/B*08:19N+B*07:02^C*07:01+C*05:01");
    const auto& n = copy_of(t, match_locus::a, 1);
    CHECK(n.null());
    CHECK(n.antigen_keys().empty());
    const auto& mixed = copy_of(t, match_locus::b, 0);
    CHECK_FALSE(mixed.null());
    CHECK(mixed.null_possible());
    const auto v = typing("A*24:02:01:02L+A*01:01");
    CHECK(copy_of(v, match_locus::a, 0).expression_variant());
    CHECK_FALSE(copy_of(v, match_locus::a, 1).expression_variant());
}

TEST_CASE("DPB1 copies carry the TCE assignments of their keys", "[DON-TYP-002][DON-TCE-001]") {
    const auto t = typing("DPB1*06:01+DPB1*04:01");
    const auto tce = copy_of(t, match_locus::dpb1, 0).tce(d::allele_match_definition::p_group);
    REQUIRE(tce.size() == 1);
    REQUIRE(tce[0].has_value());
    CHECK(tce[0]->v2 == d::dpb1_tce_group::group_2a);
    CHECK(tce[0]->v1 == d::dpb1_tce_group::group_3);
}

TEST_CASE("match_locus_of reads genes and serological prefixes", "[DON-MATCH-001]") {
    CHECK(d::match_locus_of(name("C*04:01")) == match_locus::c);
    CHECK(d::match_locus_of(name("Cw4")) == match_locus::c);
    CHECK(d::match_locus_of(name("DR53")) == match_locus::drb4);
    CHECK(d::match_locus_of(name("DR51")) == match_locus::drb5);
    CHECK(d::match_locus_of(name("DR15")) == match_locus::drb1);
    CHECK(d::match_locus_of(name("DQ7")) == match_locus::dqb1);
    CHECK(d::match_locus_of(name("DPA1*01:03")) == match_locus::dpa1);
    CHECK_FALSE(d::match_locus_of(name("E*01:01")).has_value());
    CHECK(d::is_counted(match_locus::dpb1));
    CHECK_FALSE(d::is_counted(match_locus::drb3));
    CHECK(d::gene_of(match_locus::dqa1) == "DQA1");
}

}  // namespace hsct_test_donor_hla_typing_test
