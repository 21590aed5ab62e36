// Tests for include/hsct/donor/gl_string.hpp: GL Strings (Milius et al., Tissue Antigens
// 2013;82:106) as a typed tree printed back exactly (DON-GL-001), and GL String Codes
// (glstring.org GLSC 1.0, DON-GL-002).
#include <hsct/donor/gl_string.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_gl_string_test {

namespace d = hsct::donor;
using d::gl_operator;

namespace {

d::gl_string gl(std::string_view text) {
    auto r = d::parse_gl_string(text);
    INFO(text);
    if (!r) {
        FAIL(r.error().message());
    }
    return *r;
}

std::size_t refused_at(std::string_view text) {
    const auto r = d::parse_gl_string(text);
    INFO(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::syntax);
    CHECK(r.error().value() == text);
    REQUIRE(r.error().position().has_value());
    return *r.error().position();
}

}  // namespace

TEST_CASE("GL Strings print back exactly as read", "[donor][gl][DON-GL-001]") {
    for (const std::string text : {
             "HLA-A*01:01:01:01",
             "HLA-A*01:01:01:01/HLA-A*01:02+HLA-A*24:02:01:01",
             "HLA-A*01:01+HLA-A*24:02|HLA-A*01:02+HLA-A*24:03",
             "HLA-A*01:01~HLA-B*08:01+HLA-A*02:01~HLA-B*44:02",
             "HLA-A*01:01+HLA-A*02:01^HLA-B*08:01+HLA-B*44:02^HLA-DRB1*03:01+HLA-DRB1*04:01",
             "A*01:01/A*01:02/A*01:03+A*02:XX^B*08:AB+B*44:02:01G^DRB1*15:01P",
             "A*02:01g+A*24:02g",
             "A2+A24^B7+B8",
         }) {
        CAPTURE(text);
        const auto g = gl(text);
        CHECK(d::to_string(g) == text);
        // and reading the printed text again gives an equal tree
        CHECK(gl(d::to_string(g)) == g);
    }
}

TEST_CASE("operators bind as Milius 2013 defines: / then ~ then + then | then ^",
          "[donor][gl][DON-GL-001]") {
    const auto g = gl("A*01:01/A*01:02+A*24:02");
    CHECK(g.root().op() == gl_operator::genotype);
    REQUIRE(g.root().child_count() == 2);
    CHECK(g.root().child(0).op() == gl_operator::allele_list);
    CHECK(g.root().child(0).child_count() == 2);
    CHECK(d::to_string(g.root().child(0).child(1).name()) == "A*01:02");
    CHECK(g.root().child(1).is_name());
    CHECK(d::to_string(g.root().child(1).name()) == "A*24:02");

    const auto list = gl("A*01:01+A*02:01|A*01:02+A*03:01|A*01:03+A*03:02");
    CHECK(list.root().op() == gl_operator::genotype_list);
    CHECK(list.root().child_count() == 3);
    CHECK(list.root().child(2).op() == gl_operator::genotype);

    const auto hap = gl("A*01:01~B*08:01+A*02:01~B*44:02");
    CHECK(hap.root().op() == gl_operator::genotype);
    CHECK(hap.root().child(0).op() == gl_operator::haplotype);

    const auto multi = gl("A*01:01+A*02:01^B*08:01+B*44:02|B*08:01+B*44:03");
    CHECK(multi.root().op() == gl_operator::multilocus);
    CHECK(multi.root().child_count() == 2);
    CHECK(multi.root().child(1).op() == gl_operator::genotype_list);
    CHECK(multi.root().child(1).child(1).child(1).name().field(1) == 3);

    std::vector<std::string> names;
    multi.for_each_name([&](const d::hla_name& n) { names.push_back(d::to_string(n)); });
    CHECK(names == std::vector<std::string>{"A*01:01", "A*02:01", "B*08:01", "B*44:02",
                                            "B*08:01", "B*44:03"});
    CHECK(multi.node_count() == 6 + 5);  // 6 names; ^, two +, |, one more +

    // one name is a tree of one node
    const auto one = gl("DRB1*15:01");
    CHECK(one.root().is_name());
    CHECK(one.node_count() == 1);
}

TEST_CASE("a malformed GL String says where", "[donor][gl][DON-GL-001]") {
    CHECK(refused_at("") == 0);
    CHECK(refused_at("+A*01:01") == 0);               // nothing before the operator
    CHECK(refused_at("A*01:01+") == 8);               // nothing after it
    CHECK(refused_at("A*01:01//A*01:02") == 8);
    CHECK(refused_at("A*01:01^^B*08:01") == 8);
    CHECK(refused_at("A*01:01+A*1:01") == 10);        // inside the second name, at its field
    CHECK(refused_at("A*01:01 + A*02:01") == 7);      // blanks are not part of GL String
    CHECK(refused_at("A*01:01?A*02:01") == 7);        // GL String 1.1 '?' is not supported
    const auto r = d::parse_gl_string("A*01:01+A*1:01");
    CHECK(r.error().requirement() == "DON-NAME-001");  // the name reader's rule
    CHECK(r.error().valid_range() == "a field of 2-4 digits");
    CHECK(d::parse_gl_string("A*01:01+").error().requirement() == "DON-GL-001");
    CHECK(d::parse_gl_string("A*01:01?A*02:01").error().valid_range().find("GL String 1.1") !=
          std::string::npos);
}

TEST_CASE("GL String Codes carry the namespace and the release", "[donor][gl][DON-GL-002]") {
    const auto c = d::parse_gl_string_code("hla#3.58.0#HLA-A*01:01:01:01+HLA-A*01:02");
    REQUIRE(c.has_value());
    CHECK(c->name_space == "hla");
    CHECK(c->version == "3.58.0");
    CHECK(c->gl.root().op() == gl_operator::genotype);
    CHECK(d::to_string(*c) == "hla#3.58.0#HLA-A*01:01:01:01+HLA-A*01:02");
    CHECK(d::parse_gl_string_code(d::to_string(*c)).value() == *c);
    CHECK(d::parse_gl_string_code("hla#2013-06-01#A*01:01").value().version == "2013-06-01");

    const auto at = [](std::string_view text) {
        const auto r = d::parse_gl_string_code(text);
        INFO(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
        return r.error().position().value();
    };
    CHECK(at("A*01:01") == 7);                        // no namespace
    CHECK(at("kir#2.7.0#KIR2DL1*001") == 0);           // KIR is not HLA
    CHECK(at("hla#3.58.0") == 10);                    // no GL String part
    CHECK(at("hla##A*01:01") == 4);                   // empty version
    CHECK(at("hla#3.58 .0#A*01:01") == 8);
    CHECK(at("hla#3.58.0#A*01:01+") == 19);           // offsets count in the whole code
    CHECK(d::parse_gl_string_code("kir#2.7.0#KIR2DL1*001").error().valid_range().find("KIR") !=
          std::string::npos);
}

}  // namespace hsct_test_donor_gl_string_test
