// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the HLA name reader (DON-NAME-001..006). The whole input goes to
// parse_hla_name. Invariants, checked with __builtin_trap:
//  - a name that parses prints back as exactly the input (to_chars and to_string agree, and
//    printed_size() is the input's length);
//  - the printed text parses to an equal name; a name equals itself without its prefix;
//  - every field is within its written digits, and resolution() and kind() are declared values;
//  - a refusal is a syntax error whose position lies within the input (or at its end).
// The same input also goes to parse_blood_group (DON-ABO-001): a group that parses prints to a
// text that reads back equal; a refusal is a syntax error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/donor/compatibility.hpp>
#include <hsct/donor/hla_name.hpp>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_hla_name: %s: '%.*s'\n", what, static_cast<int>(text.size()),
                 text.data());
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    namespace d = hsct::donor;
    if (const auto g = d::parse_blood_group(text)) {
        const auto back = d::parse_blood_group(d::to_string(*g));
        if (!back || !(*back == *g)) {
            fail("a blood group does not read back equal", text);
        }
    } else if (g.error().code() != hsct::errc::syntax) {
        fail("a blood group refused without errc::syntax", text);
    }
    const auto r = d::parse_hla_name(text);
    if (!r) {
        const auto& e = r.error();
        if (e.code() != hsct::errc::syntax || !e.position() || *e.position() > text.size()) {
            fail("refusal without a syntax position", text);
        }
        return 0;
    }
    const d::hla_name& n = *r;
    char buf[d::hla_name::max_chars];
    char* end = n.to_chars(buf, buf + sizeof buf);
    if (end == nullptr) {
        fail("to_chars refused a buffer of max_chars", text);
    }
    const std::string_view printed(buf, static_cast<std::size_t>(end - buf));
    if (printed != text || d::to_string(n) != text || n.printed_size() != text.size()) {
        fail("does not print back as read", text);
    }
    const auto again = d::parse_hla_name(printed);
    if (!again || !(*again == n) || !(n.without_prefix() == n)) {
        fail("the printed name does not read back equal", text);
    }
    for (std::size_t i = 0; i < n.field_count(); ++i) {
        unsigned limit = 1;
        for (unsigned k = 0; k < n.field_digits(i); ++k) {
            limit *= 10U;
        }
        if (n.field(i) >= limit) {
            fail("a field wider than its digits", text);
        }
    }
    if (!hsct::is_valid(n.kind()) || !hsct::is_valid(n.resolution()) ||
        !hsct::is_valid(n.expression())) {
        fail("an undeclared enum value", text);
    }
    return 0;
}
