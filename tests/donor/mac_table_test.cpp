// Tests for include/hsct/donor/mac_table.hpp: NMDP multiple allele codes with a table in NMDP's
// published format (DON-MAC-001), on the sample table tests/data/mac/sample_numer.v3.txt.
#include <hsct/donor/mac_table.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_mac_table_test {

namespace d = hsct::donor;

namespace {

const d::mac_table& table() {
    static const d::mac_table t = [] {
        auto loaded = d::load_mac_table(HSCT_TEST_DATA_DIR "/mac/sample_numer.v3.txt");
        if (!loaded) {
            FAIL(loaded.error().message());
        }
        return *std::move(loaded);
    }();
    return t;
}

std::string joined(const std::vector<d::hla_name>& names) {
    std::string s;
    for (const auto& n : names) {
        if (!s.empty()) {
            s += '/';
        }
        s += d::to_string(n);
    }
    return s;
}

std::string expanded(std::string_view mac) {
    const auto r = table().expand(d::parse_hla_name(mac).value());
    return r ? joined(*r) : "error: " + r.error().message();
}

}  // namespace

TEST_CASE("a MAC table in NMDP's format loads", "[donor][mac][DON-MAC-001]") {
    CHECK(table().size() == 6);
    CHECK(table().subtypes("AB") == "01/02");
    CHECK(table().subtypes("BYHR") == "25:01/26:01");
    CHECK(table().subtypes("ZZ").empty());
}

TEST_CASE("generic and allele-specific codes expand as NMDP defines them",
          "[donor][mac][DON-MAC-001][py-ard-mac-feature]") {
    // generic: second fields under the first field written
    CHECK(expanded("A*01:AB") == "A*01:01/A*01:02");
    CHECK(expanded("HLA-A*01:BC") == "HLA-A*01:02/HLA-A*01:03");
    CHECK(expanded("A*02:GNF") == "A*02:01/A*02:09/A*02:43N");
    // allele-specific: whole 2-field names, across allele groups
    CHECK(expanded("HLA-A*25:BYHR") == "HLA-A*25:01/HLA-A*26:01");
    CHECK(expanded("DRB1*15:DFJR") == "DRB1*15:01/DRB1*15:02/DRB1*15:03/DRB1*07:01");
    // ... written under the first field most of its names share, the lowest on a tie
    const auto wrong = table().expand(d::parse_hla_name("DRB1*07:DFJR").value());
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code() == hsct::errc::inconsistent);
    CHECK(wrong.error().field() == "mac");
    CHECK(wrong.error().valid_range().find("DRB1*15:DFJR") != std::string::npos);
    CHECK_FALSE(table().expand(d::parse_hla_name("A*26:BYHR").value()).has_value());
    // a code the table does not have; a name that is not a MAC
    const auto unknown = table().expand(d::parse_hla_name("A*01:ZZ").value());
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code() == hsct::errc::missing);
    CHECK(unknown.error().requirement() == "DON-MAC-001");
    CHECK(table().expand(d::parse_hla_name("A*01:01").value()).error().code() ==
          hsct::errc::inconsistent);
}

TEST_CASE("a MAC table that does not read is an error naming the line",
          "[donor][mac][DON-MAC-001]") {
    const auto bad = d::parse_mac_table("*\tCODE\tSUBTYPE\n\nAB\t01/02\nAB 01/03\n");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == hsct::errc::syntax);
    CHECK(bad.error().field() == "mac_table:4");
    const auto twice = d::parse_mac_table("AB\t01/02\nAB\t01/03\n");
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().code() == hsct::errc::inconsistent);
    CHECK(twice.error().field() == "mac_table:2");
    CHECK(d::parse_mac_table("AB\t01/x2\n").error().code() == hsct::errc::syntax);
    CHECK(d::parse_mac_table("ab\t01/02\n").error().code() == hsct::errc::syntax);
    CHECK(d::parse_mac_table("LAST UPDATED: 01/01/25\n").error().code() == hsct::errc::missing);
    CHECK(d::load_mac_table("/nonexistent/numer.v3.txt").error().code() == hsct::errc::missing);
    // CRLF line ends and no final newline are read
    const auto crlf = d::parse_mac_table("AB\t01/02\r\nBC\t02/03");
    REQUIRE(crlf.has_value());
    CHECK(crlf->size() == 2);
}

}  // namespace hsct_test_donor_mac_table_test
