// Tests for include/hsct/graft/isbt128.hpp: the DIN, its keyboard check character, the DIN data
// structure with its flags, and the product code data structure, on the worked examples of the
// reference notes (hla-isbt-peers.md, "ISBT 128 DIN check character") and ST-001's own.
#include <hsct/graft/isbt128.hpp>

#include <string>
#include <string_view>
#include <type_traits>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_isbt128_test {

namespace g = hsct::graft;

namespace {
/// "=" + a DIN + two flag characters.
std::string ds001(std::string_view din, std::string_view flags) {
    std::string s;
    s.reserve(16);
    s.push_back('=');
    s.append(din);
    s.append(flags);
    return s;
}
}  // namespace

TEST_CASE("a DIN is its 13 characters and check value, trivially copyable, made only by parse_din", "[GRAFT-ISBT-001]") {
    STATIC_REQUIRE(sizeof(g::din) == 14);
    STATIC_REQUIRE(std::is_trivially_copyable_v<g::din>);
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<g::din>);
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<g::din_data_structure>);
}

TEST_CASE("the keyboard check character: ST-001's worked examples", "[GRAFT-ISBT-002][ST-001]") {
    struct row {
        const char* din;
        char k;
    };
    const row rows[] = {
        {"G123417654321", 'A'},  // ST-001 App. A.1/A.2: weighted sum 146178, mod 37 = 28, 38 - 28 = 10
        {"A999921123456", '3'},  // ST-001 Figure 2
        {"A999818123456", 'N'},  // ST-001 section 7.5.1.1
        {"A999820123456", 'E'},  // ST-001 Figure 20
        {"G123489654321", 'Y'},  // ISO 7064 MOD 37-2, the commonly cited example
        {"G123417654312", 'C'},  // the first example with its last two digits swapped: detected
    };
    for (const auto& r : rows) {
        INFO(r.din);
        const auto d = g::parse_din(r.din);
        REQUIRE(d.has_value());
        CHECK(d->check_character() == r.k);
        CHECK(g::iso7064_mod37_2(r.din) == r.k);
    }
    CHECK(g::parse_din("G123417654321")->check_value() == 10);
    // the algorithm is also defined on '*', and on nothing else
    CHECK(g::iso7064_mod37_2("*").has_value());
    CHECK_FALSE(g::iso7064_mod37_2("a").has_value());
    STATIC_REQUIRE(g::iso7064_mod37_2("A999921123456") == '3');  // constexpr
}

TEST_CASE("a DIN read plain, printed, or typed with its check character", "[GRAFT-ISBT-001][GRAFT-ISBT-002]") {
    const auto plain = g::parse_din("A999921123456");
    REQUIRE(plain.has_value());
    CHECK(plain->facility() == "A9999");
    CHECK(plain->year() == 21);
    CHECK(plain->sequence() == 123456U);
    CHECK(plain->printed() == "A9999 21 123456");
    CHECK(g::parse_din("A9999 21 123456") == plain);
    CHECK(g::parse_din("  A9999 21 123456\n") == plain);
    CHECK(g::parse_din("A9999211234563") == plain);       // typed with K
    CHECK(g::parse_din("A9999 21 123456 3") == plain);
    const auto wrong_k = g::parse_din("A9999 21 123456 4");
    REQUIRE_FALSE(wrong_k.has_value());
    CHECK(wrong_k.error().code() == hsct::errc::inconsistent);
    CHECK(wrong_k.error().field() == "din");
    CHECK(wrong_k.error().position() == 16U);
    CHECK(wrong_k.error().valid_range().find("which is 3") != std::string::npos);
    CHECK(wrong_k.error().requirement() == "GRAFT-ISBT-002");
}

TEST_CASE("a bad DIN says which part is wrong and where", "[GRAFT-ISBT-001]") {
    struct row {
        const char* text;
        hsct::errc code;
        std::size_t at;
        const char* names;  // a word of what belongs there
    };
    const row rows[] = {
        {"O999921123456", hsct::errc::syntax, 0, "first character"},   // O is never a FIN character
        {"0999921123456", hsct::errc::syntax, 0, "first character"},
        {"a999921123456", hsct::errc::syntax, 0, "upper case"},
        {"A9O9921123456", hsct::errc::syntax, 2, "FIN character"},
        {"A99X921123456", hsct::errc::syntax, 3, "FIN's last two"},
        {"A99991x123456", hsct::errc::syntax, 6, "year"},
        {"A9999211234X6", hsct::errc::syntax, 11, "sequence"},
        {"A9999 21 1234X6", hsct::errc::syntax, 13, "sequence"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        const auto d = g::parse_din(r.text);
        REQUIRE_FALSE(d.has_value());
        CHECK(d.error().code() == r.code);
        CHECK(d.error().field() == "din");
        CHECK(d.error().position() == r.at);
        CHECK(d.error().valid_range().find(r.names) != std::string::npos);
    }
    for (const char* bad : {"", "A99992112345", "A99992112345634", "A9999  21 123456", "A999 921 123456",
                            " A9999 21 123456 3 4", "A9999 21 123456  3"}) {
        INFO(bad);
        const auto d = g::parse_din(bad);
        REQUIRE_FALSE(d.has_value());
        CHECK(d.error().code() == hsct::errc::syntax);
    }
}

TEST_CASE("data structure 001: DIN and flags", "[GRAFT-ISBT-003][ST-001]") {
    const auto s = g::parse_din_data_structure("=A99991712345600");
    REQUIRE(s.has_value());
    CHECK(s->kind == g::din_flag_kind::not_used);
    CHECK(s->id.text() == "A999917123456");
    CHECK(s->text() == "=A99991712345600");
    // every flag value: below, at and above each range's edges
    struct row {
        const char* flags;
        g::din_flag_kind kind;
        int container;  // 0: none
    };
    const row rows[] = {
        {"01", g::din_flag_kind::container, 1},      {"04", g::din_flag_kind::container, 4},
        {"05", g::din_flag_kind::repeat_label, 0},   {"06", g::din_flag_kind::pilot_tube, 0},
        {"07", g::din_flag_kind::test_tube, 0},      {"08", g::din_flag_kind::donor_record, 0},
        {"09", g::din_flag_kind::nat_sample, 0},     {"10", g::din_flag_kind::bacterial_testing, 0},
        {"11", g::din_flag_kind::match_with_unit, 0}, {"12", g::din_flag_kind::partial_label, 0},
        {"13", g::din_flag_kind::attached_label, 0}, {"15", g::din_flag_kind::container, 5},
        {"19", g::din_flag_kind::container, 9},      {"20", g::din_flag_kind::local, 0},
        {"59", g::din_flag_kind::local, 0},
    };
    for (const auto& r : rows) {
        INFO(r.flags);
        const auto x = g::parse_din_data_structure(ds001("A999917123456", r.flags));
        REQUIRE(x.has_value());
        CHECK(x->kind == r.kind);
        CHECK(x->container.value_or(0) == r.container);
    }
    for (const char* reserved : {"14", "97", "99", "A1", "0A"}) {
        INFO(reserved);
        const auto x = g::parse_din_data_structure(ds001("A999917123456", reserved));
        REQUIRE_FALSE(x.has_value());
        CHECK(x.error().code() == hsct::errc::out_of_range);
        CHECK(x.error().position() == 14U);
    }
    for (const char* not_flag : {"0I", "O0", "Q1", "Z9", "0a"}) {
        INFO(not_flag);
        const auto x = g::parse_din_data_structure(ds001("A999917123456", not_flag));
        REQUIRE_FALSE(x.has_value());
        CHECK(x.error().code() == hsct::errc::syntax);
    }
}

TEST_CASE("type-3 flags: 60 + the DIN's check value, checked", "[GRAFT-ISBT-003][ST-001]") {
    const auto ok = g::parse_din_data_structure("=G12341765432170");  // check value 10: flag 70
    REQUIRE(ok.has_value());
    CHECK(ok->kind == g::din_flag_kind::check);
    const auto off = g::parse_din_data_structure("=G12341765432171");
    REQUIRE_FALSE(off.has_value());
    CHECK(off.error().code() == hsct::errc::inconsistent);
    CHECK(off.error().valid_range().find("70") != std::string::npos);
    CHECK(g::parse_din_data_structure("=A99992112345663").has_value());  // K 3 -> 63
    CHECK(g::parse_din_data_structure("=A99981812345683").has_value());  // K N (23) -> 83
    CHECK(g::parse_din_data_structure("=A99982012345674").has_value());  // K E (14) -> 74
    // 60 and 96, the range's edges, each valid only for a DIN whose check value is 0 or 36
    int found = 0;
    for (int n = 0; n < 2000 && found != 3; ++n) {
        const auto d = g::parse_din("A999921" + std::to_string(100000 + n));
        REQUIRE(d.has_value());
        const int v = d->check_value();
        if (v != 0 && v != 36) {
            continue;
        }
        found |= v == 0 ? 1 : 2;
        INFO(d->text());
        CHECK(g::parse_din_data_structure(ds001(d->text(), std::to_string(60 + v)))->kind == g::din_flag_kind::check);
        CHECK(g::parse_din_data_structure(ds001(d->text(), v == 0 ? "61" : "95")).error().code() ==
              hsct::errc::inconsistent);
    }
    CHECK(found == 3);
    // 59 is local, 97 reserved
    CHECK(g::parse_din_data_structure("=A99992112345659")->kind == g::din_flag_kind::local);
    CHECK(g::parse_din_data_structure("=A99992112345697").error().code() == hsct::errc::out_of_range);
}

TEST_CASE("data structure 001 refuses what is not one, naming where", "[GRAFT-ISBT-003][GRAFT-ISBT-001]") {
    struct row {
        const char* text;
        hsct::errc code;
        int at;  // -1: no position
    };
    const row rows[] = {
        {"=A9O991712345600", hsct::errc::syntax, 3},   // letter O in the FIN
        {"=A99991x12345600", hsct::errc::syntax, 7},
        {"=A999917123456", hsct::errc::syntax, -1},    // no flags
        {"A99991712345600", hsct::errc::syntax, -1},   // no '='
        {"=/A9997ab3456T0123", hsct::errc::syntax, -1},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        const auto x = g::parse_din_data_structure(r.text);
        REQUIRE_FALSE(x.has_value());
        CHECK(x.error().code() == r.code);
        CHECK(x.error().field() == "din_data_structure");
        if (r.at >= 0) {
            CHECK(x.error().position() == static_cast<std::size_t>(r.at));
            CHECK(x.error().value() == r.text);
        }
    }
}

TEST_CASE("data structure 003: the product code's form", "[GRAFT-ISBT-004][ST-001]") {
    const auto p = g::parse_product_code("=<S1128V00");
    REQUIRE(p.has_value());
    CHECK(p->description_code() == "S1128");
    CHECK(p->cellular_therapy());
    CHECK(p->type == g::collection_type::volunteer_allogeneic);
    CHECK(p->undivided());
    CHECK(p->text() == "=<S1128V00");
    CHECK(g::parse_product_code("=<S12954A0")->type == g::collection_type::designated);  // S1295, type 4, division A0
    CHECK(g::parse_product_code("=<S1295A00")->type == g::collection_type::autologous_crossover);
    CHECK_FALSE(g::parse_product_code("=<S12954A0")->undivided());
    CHECK(g::parse_product_code("=<S1194100")->type == g::collection_type::autologous);
    CHECK(g::parse_product_code("=<S1194X00")->type == g::collection_type::other);
    CHECK_FALSE(g::parse_product_code("=<E0001000")->cellular_therapy());
    struct row {
        const char* text;
        int at;
    };
    const row rows[] = {{"=<s1128V00", 2}, {"=<S11X8V00", 5}, {"=<S1128v00", 7}, {"=<S1128V0a", 9},
                        {"=<S1128V0", -1}, {"<S1128V00", -1}, {"=S1128V00X", -1}};
    for (const auto& r : rows) {
        INFO(r.text);
        const auto x = g::parse_product_code(r.text);
        REQUIRE_FALSE(x.has_value());
        CHECK(x.error().code() == hsct::errc::syntax);
        CHECK(x.error().field() == "product_code");
        if (r.at >= 0) {
            CHECK(x.error().position() == static_cast<std::size_t>(r.at));
        }
    }
}

}  // namespace hsct_test_graft_isbt128_test
