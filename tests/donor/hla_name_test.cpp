// Tests for include/hsct/donor/hla_name.hpp: WHO HLA names and the registry forms beside them,
// read and printed back exactly (DON-NAME-001..006), on every name of IPD-IMGT/HLA 3.58.0's
// Allelelist.txt (tests/data/hla/3.58.0, unmodified, CC BY-ND: see its LICENCE.md).
#include <hsct/donor/hla_name.hpp>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_hla_name_test {

namespace d = hsct::donor;
using d::hla_expression;
using d::hla_name_kind;
using d::hla_resolution;

namespace {

d::hla_name name(std::string_view text) {
    auto r = d::parse_hla_name(text);
    INFO(text);
    REQUIRE(r.has_value());
    return *r;
}

// The offset and the expected-text of a refused name.
struct refusal {
    std::size_t at;
    std::string expected;
};
refusal refused(std::string_view text) {
    const auto r = d::parse_hla_name(text);
    INFO(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::syntax);
    CHECK(r.error().field() == "hla_name");
    CHECK(r.error().value() == text);
    CHECK(r.error().requirement() == "DON-NAME-001");
    REQUIRE(r.error().position().has_value());
    return {*r.error().position(), r.error().valid_range()};
}

std::vector<std::string> allelelist_names() {
    std::ifstream in(HSCT_TEST_DATA_DIR "/hla/3.58.0/Allelelist.txt");
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("AlleleID", 0) == 0) {
            continue;
        }
        const auto comma = line.find(',');
        if (comma != std::string::npos) {
            names.push_back(line.substr(comma + 1));
        }
    }
    return names;
}

}  // namespace

TEST_CASE("every name of IPD-IMGT/HLA 3.58.0 reads and prints back identically",
          "[donor][hla][DON-NAME-001][DON-NAME-002][IMGT-3.58.0]") {
    const auto names = allelelist_names();
    REQUIRE(names.size() == 41'433);  // Allelelist.txt 3.58.0
    std::size_t mismatches = 0;
    std::size_t with_prefix_mismatches = 0;
    std::map<hla_expression, std::size_t> suffixes;
    std::map<std::size_t, std::size_t> field_counts;
    std::size_t loci_with_digits = 0;
    for (const auto& text : names) {
        const auto r = d::parse_hla_name(text);
        if (!r) {
            FAIL_CHECK(text << ": " << r.error().message());
            continue;
        }
        mismatches += d::to_string(*r) == text ? 0U : 1U;
        CHECK(r->kind() == hla_name_kind::allele);
        CHECK(r->printed_size() == text.size());
        ++suffixes[r->expression()];
        ++field_counts[r->field_count()];
        loci_with_digits += r->locus().find_first_of("0123456789") != std::string_view::npos;
        // and with the "HLA-" prefix, which keeps the meaning
        const auto p = d::parse_hla_name("HLA-" + text);
        REQUIRE(p.has_value());
        with_prefix_mismatches += d::to_string(*p) == "HLA-" + text ? 0U : 1U;
        CHECK(*p == *r);
    }
    CHECK(mismatches == 0);
    CHECK(with_prefix_mismatches == 0);
    // Suffix counts of the release (hla-isbt-peers.md A1: N 1,779; Q 360; L 6; S 2; C 0; A 0).
    CHECK(suffixes[hla_expression::null] == 1'779);
    CHECK(suffixes[hla_expression::questionable] == 360);
    CHECK(suffixes[hla_expression::low] == 6);
    CHECK(suffixes[hla_expression::secreted] == 2);
    CHECK(suffixes[hla_expression::cytoplasm] == 0);
    CHECK(suffixes[hla_expression::aberrant] == 0);
    CHECK(field_counts[1] > 0);  // HFE*002 and the like
    CHECK(field_counts[1] + field_counts[2] + field_counts[3] + field_counts[4] == names.size());
    CHECK(loci_with_digits > 0);  // DRB1, DQA1, TAP1, ...
}

TEST_CASE("the parts of an allele name", "[donor][hla][DON-NAME-001][DON-NAME-002]") {
    const auto a = name("A*01:01:01:01");
    CHECK(a.locus() == "A");
    CHECK(a.kind() == hla_name_kind::allele);
    CHECK(a.field_count() == 4);
    CHECK(a.field(0) == 1);
    CHECK(a.field(3) == 1);
    CHECK(a.field_digits(0) == 2);
    CHECK(a.expression() == hla_expression::expressed);
    CHECK_FALSE(a.has_prefix());

    const auto n = name("HLA-A*24:09N");
    CHECK(n.has_prefix());
    CHECK(n.field_count() == 2);
    CHECK(n.expression() == hla_expression::null);
    CHECK(d::to_string(n) == "HLA-A*24:09N");

    const auto wide = name("DPB1*1022:01");
    CHECK(wide.locus() == "DPB1");
    CHECK(wide.field(0) == 1022);
    CHECK(wide.field_digits(0) == 4);
    CHECK(name("A*02:1040").field(1) == 1040);

    const auto one = name("MICA*040");  // one 3-digit field, as MICA, MICB and HFE are named
    CHECK(one.field_count() == 1);
    CHECK(one.field(0) == 40);
    CHECK(one.field_digits(0) == 3);
    CHECK(d::to_string(one) == "MICA*040");

    for (const auto& [text, e] : std::vector<std::pair<std::string, hla_expression>>{
             {"A*01:01N", hla_expression::null}, {"B*39:01:01:02L", hla_expression::low},
             {"B*44:02:01:02S", hla_expression::secreted}, {"A*02:01C", hla_expression::cytoplasm},
             {"A*02:01A", hla_expression::aberrant}, {"A*32:11Q", hla_expression::questionable}}) {
        CAPTURE(text);
        CHECK(name(text).expression() == e);
        CHECK(d::to_string(name(text)) == text);
    }
}

TEST_CASE("group names, codes and serological names", "[donor][hla][DON-NAME-003][DON-NAME-004][DON-NAME-005]") {
    const auto g = name("A*01:01:01G");
    CHECK(g.kind() == hla_name_kind::g_group);
    CHECK(g.field_count() == 3);
    CHECK(d::to_string(g) == "A*01:01:01G");
    CHECK(name("DRB1*13:01:01G").locus() == "DRB1");

    const auto p = name("A*01:01P");
    CHECK(p.kind() == hla_name_kind::p_group);
    CHECK(p.field_count() == 2);

    const auto lg = name("A*01:01g");
    CHECK(lg.kind() == hla_name_kind::lg_group);
    CHECK(d::to_string(lg) == "A*01:01g");

    const auto mac = name("A*01:AB");
    CHECK(mac.kind() == hla_name_kind::mac);
    CHECK(mac.field_count() == 1);
    CHECK(mac.field(0) == 1);
    CHECK(mac.code() == "AB");
    CHECK(d::to_string(mac) == "A*01:AB");
    CHECK(name("DRB1*15:DFJR").code() == "DFJR");
    CHECK(name("B*44:ABCDE").code() == "ABCDE");

    const auto xx = name("A*02:XX");
    CHECK(xx.kind() == hla_name_kind::xx);
    CHECK(xx.code() == "XX");
    CHECK(d::to_string(xx) == "A*02:XX");

    for (const auto& [text, prefix, number] : std::vector<std::tuple<std::string, std::string, unsigned>>{
             {"A2", "A", 2}, {"B44", "B", 44}, {"Cw1", "Cw", 1}, {"DR15", "DR", 15},
             {"DQ7", "DQ", 7}, {"DPw6", "DPw", 6}, {"Bw4", "Bw", 4}, {"A203", "A", 203},
             {"DR52", "DR", 52}, {"B4005", "B", 4005}, {"Dw1", "Dw", 1}}) {
        CAPTURE(text);
        const auto s = name(text);
        CHECK(s.kind() == hla_name_kind::serology);
        CHECK(s.locus() == prefix);
        CHECK(s.field(0) == number);
        CHECK(d::to_string(s) == text);
    }
    CHECK(d::to_string(name("HLA-DR15")) == "HLA-DR15");
}

TEST_CASE("resolution from the shape of the name", "[donor][hla][DON-NAME-006]") {
    CHECK(name("A2").resolution() == hla_resolution::serological);
    CHECK(name("A*02").resolution() == hla_resolution::low);
    CHECK(name("A*02:XX").resolution() == hla_resolution::low);
    CHECK(name("A*02:AB").resolution() == hla_resolution::intermediate);
    CHECK(name("A*02:01").resolution() == hla_resolution::high);
    CHECK(name("A*02:01:01:01").resolution() == hla_resolution::high);  // allele: a release says
    CHECK(name("A*02:01P").resolution() == hla_resolution::high);
    CHECK(name("A*02:01:01G").resolution() == hla_resolution::high);
    CHECK(name("A*02:01g").resolution() == hla_resolution::high);
}

TEST_CASE("a malformed name says what is wrong and where", "[donor][hla][DON-NAME-001]") {
    // offset of the first character that cannot be read
    CHECK(refused("").at == 0);
    CHECK(refused("a*01:01").at == 0);               // loci are capitals
    CHECK(refused("HLA-").at == 4);
    CHECK(refused("A*").at == 2);
    CHECK(refused("A*1:01").at == 2);                // a field has 2-4 digits
    CHECK(refused("A*01:1").at == 5);
    CHECK(refused("A*01:").at == 5);
    CHECK(refused("A*12345").at == 6);               // at most 4 digits
    CHECK(refused("A*01:01:01:01:01").at == 13);     // at most 4 fields
    CHECK(refused("A*01:01X").at == 7);              // not a suffix
    CHECK(refused("A*01:01NN").at == 8);             // one suffix, then the end
    CHECK(refused("A*01:01 ").at == 7);              // no blanks inside or after a name
    CHECK(refused(" A*01:01").at == 0);
    CHECK(refused("A*01G").at == 4);                 // G after at least 2 fields
    CHECK(refused("A*01:01:01g").at == 10);          // g after exactly 2 fields
    CHECK(refused("A*01:A").at == 5);                // a code has 2-5 letters
    CHECK(refused("A*01:ABCDEF").at == 10);
    CHECK(refused("A*01:AB1").at == 7);
    CHECK(refused("A*01:01:AB").at == 8);            // a code follows the first field only
    CHECK(refused("ABCDEFGH*01:01").at == 7);        // a locus has at most 7 characters
    CHECK(refused("A22222").at == 5);                // an antigen number has at most 4 digits
    CHECK(refused("A2x").at == 2);
    CHECK(refused("DRB1").at == 4);                  // neither '*' nor a serological prefix
    CHECK(refused("DRB1:01").at == 4);
    CHECK(refused("C3").at == 2);                    // WHO writes Cw3
    CHECK(refused("DP2").at == 3);                   // and DPw2
    CHECK(refused("*01:01").at == 0);
    // the message names the place and the expectation
    const auto r = d::parse_hla_name("A*1:01");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message() ==
          "hla_name: cannot read 'A*1:01' at offset 2; expected a field of 2-4 digits (DON-NAME-001)");
    CHECK(d::parse_hla_name("A*1", "donor.typing[2]").error().field() == "donor.typing[2]");
}

TEST_CASE("names compare by meaning: numeric fields, the prefix ignored",
          "[donor][hla][DON-NAME-001]") {
    CHECK(name("HLA-A*01:01") == name("A*01:01"));
    CHECK(name("A*01:01") != name("A*01:01N"));
    CHECK(name("A*01:01") != name("A*01:01G"));
    CHECK(name("A*01:01") < name("A*01:01:01"));
    CHECK(name("A*01:01:01") < name("A*01:02"));
    CHECK(name("A*02:01") < name("A*02:101"));   // 1 < 101, not text order
    CHECK(name("A*09:01") < name("A*10:01"));
    CHECK(name("A*99:01") < name("B*07:02"));    // locus first
    std::vector<d::hla_name> v{name("B*07:02"), name("A*02:101"), name("A*02:01"), name("A*02:09")};
    std::sort(v.begin(), v.end());
    CHECK(d::to_string(v[0]) == "A*02:01");
    CHECK(d::to_string(v[1]) == "A*02:09");
    CHECK(d::to_string(v[2]) == "A*02:101");
    CHECK(d::to_string(v[3]) == "B*07:02");
}

TEST_CASE("a name cut to fewer fields, as the reductions make them", "[donor][hla][DON-NAME-003]") {
    const auto a = name("HLA-A*01:01:01:02N");
    CHECK(d::to_string(a.with_fields(2, hla_name_kind::allele, a.expression())) == "A*01:01N");
    CHECK(d::to_string(a.with_fields(2, hla_name_kind::allele, hla_expression::expressed)) == "A*01:01");
    CHECK(d::to_string(a.with_fields(3, hla_name_kind::g_group, a.expression())) == "A*01:01:01G");
    CHECK(d::to_string(a.with_fields(2, hla_name_kind::p_group, a.expression())) == "A*01:01P");
    CHECK(d::to_string(a.with_fields(2, hla_name_kind::lg_group, a.expression())) == "A*01:01g");
    CHECK(d::to_string(a.without_prefix()) == "A*01:01:01:02N");
}

TEST_CASE("names are small, trivially copyable values that print without allocating",
          "[donor][hla][DON-NAME-001]") {
    STATIC_REQUIRE(std::is_trivially_copyable_v<d::hla_name>);
    STATIC_REQUIRE(sizeof(d::hla_name) <= 28);
    STATIC_REQUIRE(sizeof(d::hla_locus) == 8);
    const auto n = name("HLA-DRB1*15:01:01:01");
    char buf[d::hla_name::max_chars];
    const hsct_test::allocation_counter counter;
    const auto again = d::parse_hla_name("HLA-DRB1*15:01:01:01");
    char* end = n.to_chars(buf, buf + sizeof buf);
    CHECK(counter.count() == 0);
    REQUIRE(end != nullptr);
    CHECK(std::string_view(buf, static_cast<std::size_t>(end - buf)) == "HLA-DRB1*15:01:01:01");
    CHECK(again.value() == n);
    // too small a buffer: nothing written, nullptr
    char small[4];
    CHECK(n.to_chars(small, small + sizeof small) == nullptr);
}

}  // namespace hsct_test_donor_hla_name_test
