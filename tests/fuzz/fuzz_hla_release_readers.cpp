// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the IPD-IMGT/HLA release readers (DON-REL-001, DON-REL-002). The input
// is split at its first 0x00 byte into the text of Allelelist.txt and that of hla_nom.txt (no
// 0x00: the whole input is Allelelist.txt and hla_nom.txt is empty) and loaded with
// load_hla_release(hla_release_texts). Invariants, checked with __builtin_trap:
//  - a refusal names one of the two files ("Allelelist.txt" or "hla_nom.txt", with a line
//    number when one was read) and a DON-REL requirement;
//  - a loaded release has at least one allele, every allele is current and prints as an allele
//    name, and the status of every allele is current; status() of arbitrary text, of every
//    allele with a suffix added, and of the input's own lines never violates a contract.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/donor/hla_release.hpp>

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_hla_release_readers: %s\n", what);
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace d = hsct::donor;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t cut = input.find('\0');
    d::hla_release_texts texts;
    texts.allelelist = std::string(input.substr(0, cut));
    if (cut != std::string_view::npos) {
        texts.hla_nom = std::string(input.substr(cut + 1));
    }
    const auto r = d::load_hla_release(std::move(texts));
    if (!r) {
        const auto& f = r.error().field();
        const bool named = f.rfind("Allelelist.txt", 0) == 0 || f.rfind("hla_nom.txt", 0) == 0;
        if (!named || r.error().requirement().substr(0, 7) != "DON-REL") {
            fail("a refusal that does not name its file or rule");
        }
        return 0;
    }
    if (r->allele_count() == 0) {
        fail("a release without alleles");
    }
    for (std::size_t i = 0; i < r->allele_count(); ++i) {
        const auto& a = r->allele(i);
        if (!r->is_current(a) || a.kind() != d::hla_name_kind::allele ||
            r->status(a).status != d::hla_name_status::current || r->accession(i).size() != 8) {
            fail("an allele of the release that is not current");
        }
        static_cast<void>(r->status(d::to_string(a) + "N"));
    }
    static_cast<void>(r->status(input));
    static_cast<void>(r->version());
    return 0;
}
