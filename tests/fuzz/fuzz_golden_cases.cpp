// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the golden-case format and runner (TEST-GOLD-001..004): the input is
// read as a file of cases. Invariants, checked with __builtin_trap:
//  - reading never stops: every problem names a line of the text (or the one after the last);
//  - the cases read, written in canonical form, read back to the same cases with no problem, and
//    write again to the same text;
//  - running the built-in rules checks every case read: agreed <= cases, and each disagreement
//    names a case read and a line of the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/testing/golden.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_golden_cases: %s\n", what);
    __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace ht = hsct::testing;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t lines = 1;
    for (const char c : text) {
        lines += c == '\n' ? 1U : 0U;
    }
    const auto file = ht::read_golden_cases(text);
    for (const auto& p : file.problems) {
        if (p.line == 0 || p.line > lines + 1 || p.what.empty()) {
            fail("a problem without a line of the text");
        }
    }
    const std::string canonical = ht::write_golden_cases(file.cases);
    const auto again = ht::read_golden_cases(canonical);
    if (!again.problems.empty() || !(again.cases == file.cases)) {
        fail("the canonical form does not read back to the same cases");
    }
    if (ht::write_golden_cases(again.cases) != canonical) {
        fail("the canonical form is not stable");
    }
    const auto report = ht::run_golden_cases(text);
    if (report.cases != file.cases.size() || report.agreed > report.cases ||
        report.problems.size() != file.problems.size()) {
        fail("the run did not check every case read");
    }
    for (const auto& d : report.disagreements) {
        bool known = false;
        for (const auto& c : file.cases) {
            known = known || c.name == d.case_name;
        }
        if (!known || d.line == 0 || d.line > lines) {
            fail("a disagreement names no case read, or no line of the text");
        }
    }
    return 0;
}
