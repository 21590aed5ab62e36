// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the graft module's text readers: parse_din (GRAFT-ISBT-001/002),
// parse_din_data_structure (GRAFT-ISBT-003), parse_product_code (GRAFT-ISBT-004) and parse_titre
// (GRAFT-ABO-001).
// Invariants, checked with __builtin_trap:
//  - a DIN that reads has 13 characters that read again, plainly, printed, and with its own
//    check character, to the same DIN; with any other check character it is refused;
//  - a data structure or product code that reads prints back to itself (after trimming);
//  - an error's position, when it has one, lies inside the text it quotes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/graft/abo.hpp>
#include <hsct/graft/isbt128.hpp>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_graft_text: %s: '%.*s'\n", what, static_cast<int>(text.size()), text.data());
    __builtin_trap();
}

template <class R, class T>
bool reads_as(const R& r, const T& v) {
    return r.has_value() && *r == v;
}

template <class R>
void check_position(const R& r, std::string_view text) {
    if (!r) {
        if (const auto p = r.error().position(); p && *p >= r.error().value().size()) {
            fail("an error position outside the quoted text", text);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    namespace g = hsct::graft;
    const auto d = g::parse_din(text);
    check_position(d, text);
    if (d) {
        if (d->text().size() != 13 || !reads_as(g::parse_din(d->text()), *d) ||
            !reads_as(g::parse_din(d->printed()), *d)) {
            fail("a DIN does not read back", text);
        }
        const std::string with_k = std::string(d->text()) + d->check_character();
        if (!reads_as(g::parse_din(with_k), *d)) {
            fail("a DIN with its own check character is refused", text);
        }
        const char other = d->check_character() == '0' ? '1' : '0';
        if (g::parse_din(std::string(d->text()) + other)) {
            fail("a DIN with a wrong check character reads", text);
        }
    }
    const auto s = g::parse_din_data_structure(text);
    check_position(s, text);
    if (s && !reads_as(g::parse_din_data_structure(s->text()), *s)) {
        fail("a data structure 001 does not print back", text);
    }
    const auto p = g::parse_product_code(text);
    check_position(p, text);
    if (p && !reads_as(g::parse_product_code(p->text()), *p)) {
        fail("a product code does not print back", text);
    }
    // GRAFT-ABO-001: a titre read is a doubling dilution in range, and reads back from "1:n"
    const auto t = g::parse_titre(text);
    if (t && !t->is_negative()) {
        const auto n = t->reciprocal();
        const auto again = g::parse_titre("1:" + std::to_string(n));
        if (n > g::agglutinin_titre::max_reciprocal || (n & (n - 1)) != 0 || !again || !(*again == *t)) {
            fail("a titre out of range or not reading back", text);
        }
    }
    return 0;
}
