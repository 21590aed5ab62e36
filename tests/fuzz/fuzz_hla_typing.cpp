// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the typing reader (DON-TYP-001..003) and match grading
// (DON-MATCH-001..004), against IPD-IMGT/HLA 3.58.0 from tests/data (loaded once), and for the
// ranking-order reader (DON-RANK-001). The whole input goes to parse_hla_typing and to
// parse_ranking_order. Invariants, checked with __builtin_trap:
//  - a typing that reads has each typed locus with at least one genotype of two copies, and
//    its release is 3.58.0;
//  - graded against itself it succeeds, and at every locus and level the grade is unknown or
//    a match (0 mismatches, GvH 0, HvG 0) is among its possible grades;
//  - a refusal names a field under "typing";
//  - an order that reads lists declared criteria, each once.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include <hsct/donor/donor_choice.hpp>
#include <hsct/donor/hla_match.hpp>
#include <hsct/donor/hla_typing.hpp>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_hla_typing: %s: '%.*s'\n", what, static_cast<int>(text.size()),
                 text.data());
    __builtin_trap();
}

const hsct::donor::hla_release& release() {
    static const hsct::donor::hla_release r = [] {
        auto loaded = hsct::donor::load_hla_release(HSCT_FUZZ_HLA_DIR);
        if (!loaded) {
            std::fprintf(stderr, "fuzz_hla_typing: cannot load %s\n", HSCT_FUZZ_HLA_DIR);
            __builtin_trap();
        }
        return *std::move(loaded);
    }();
    return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    namespace d = hsct::donor;
    if (const auto order = d::parse_ranking_order(text)) {
        for (std::size_t i = 0; i < order->size(); ++i) {
            if (!hsct::is_valid((*order)[i])) {
                fail("an undeclared criterion read", text);
            }
            for (std::size_t j = 0; j < i; ++j) {
                if ((*order)[j] == (*order)[i]) {
                    fail("a criterion read twice", text);
                }
            }
        }
    }
    const auto t = d::parse_hla_typing(release(), text);
    if (!t) {
        if (t.error().field().rfind("typing", 0) != 0) {
            fail("a refusal that does not name a typing field", text);
        }
        return 0;
    }
    if (t->release_version() != "3.58.0") {
        fail("a typing without its release", text);
    }
    for (const auto& l : t->loci()) {
        if (l.alternatives.empty()) {
            fail("a typed locus without a genotype", text);
        }
    }
    const auto m = d::assess_hla_match(*t, *t);
    if (!m) {
        fail("a typing cannot be graded against itself", text);
    }
    for (const auto& l : m->loci) {
        if (!l) {
            continue;
        }
        for (const auto* g : {&l->antigen, &l->allele}) {
            if (g->status != d::match_status::unknown && (g->possible & 1U) == 0U) {
                fail("a typing graded against itself cannot match", text);
            }
        }
    }
    return 0;
}
