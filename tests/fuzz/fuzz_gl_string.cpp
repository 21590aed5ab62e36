// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the GL String and GL String Code readers (DON-GL-001, DON-GL-002). The
// whole input goes to parse_gl_string and to parse_gl_string_code. Invariants, checked with
// __builtin_trap:
//  - a string that parses prints back as exactly the input, and the printed text parses to an
//    equal tree;
//  - every operator node has at least two children, and the children of a node bind tighter
//    than it (Milius 2013 precedence); every leaf is a name;
//  - a refusal is a syntax error whose position lies within the input (or at its end).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/donor/gl_string.hpp>

namespace {

namespace d = hsct::donor;

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_gl_string: %s: '%.*s'\n", what, static_cast<int>(text.size()),
                 text.data());
    __builtin_trap();
}

void check_node(const d::gl_node& n, int parent_rank, std::string_view text) {
    if (n.is_name()) {
        if (n.child_count() != 0) {
            fail("a name with children", text);
        }
        return;
    }
    const int rank = static_cast<int>(n.op());
    if (n.child_count() < 2 || rank >= parent_rank) {
        fail("an operator node out of the grammar", text);
    }
    for (std::size_t i = 0; i < n.child_count(); ++i) {
        check_node(n.child(i), rank, text);
    }
}

template <class R>
void check_refusal(const R& r, std::string_view text) {
    const auto& e = r.error();
    if (e.code() != hsct::errc::syntax || !e.position() || *e.position() > text.size()) {
        fail("refusal without a syntax position", text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto g = d::parse_gl_string(text);
    if (g) {
        const std::string printed = d::to_string(*g);
        if (printed != text) {
            fail("does not print back as read", text);
        }
        const auto again = d::parse_gl_string(printed);
        if (!again || !(*again == *g)) {
            fail("the printed text does not read back equal", text);
        }
        check_node(g->root(), 6, text);
    } else {
        check_refusal(g, text);
    }
    const auto c = d::parse_gl_string_code(text);
    if (c) {
        if (d::to_string(*c) != text) {
            fail("a GL String Code does not print back as read", text);
        }
    } else {
        check_refusal(c, text);
    }
    return 0;
}
