// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the IPD-IMGT/HLA release readers (DON-REL-001, DON-REL-002, DON-RED-*).
// The input is split at 0x00 bytes into the texts of Allelelist.txt, hla_nom.txt, hla_nom_g.txt,
// hla_nom_p.txt, rel_dna_ser.txt, rel_ser_ser.txt and dpb_tce.csv (missing parts are empty) and
// loaded with load_hla_release(texts) (DON-SER-*, DON-TCE-001 too); an eighth part is read as a
// MAC table (DON-MAC-001) and used to reduce a GL String in the release.
// Invariants, checked with __builtin_trap:
//  - a refusal names one of the seven files (with a line number when one was read) and a DON-REL
//    requirement;
//  - a loaded release has at least one allele, every allele is current and prints as an allele
//    name, and the status of every allele is current; every reduction of every allele (and of
//    its two-field cut) gives at least one name unless not in the release, and never violates a
//    contract; status() of arbitrary text never violates a contract.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/donor/gl_reduction.hpp>
#include <hsct/donor/hla_release.hpp>
#include <hsct/donor/mac_table.hpp>

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_hla_release_readers: %s\n", what);
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace d = hsct::donor;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    d::hla_release_texts texts;
    std::string mac_text;  // an eighth part: a MAC table (DON-MAC-001)
    std::string* parts[] = {&texts.allelelist,  &texts.hla_nom,     &texts.hla_nom_g, &texts.hla_nom_p,
                            &texts.rel_dna_ser, &texts.rel_ser_ser, &texts.dpb_tce,   &mac_text};
    std::size_t start = 0;
    for (std::string* part : parts) {
        if (start > input.size()) {
            break;
        }
        const std::size_t cut = input.find('\0', start);
        *part = std::string(input.substr(start, cut == std::string_view::npos ? cut : cut - start));
        start = cut == std::string_view::npos ? input.size() + 1 : cut + 1;
    }
    const auto macs = d::parse_mac_table(mac_text);
    if (!macs && macs.error().requirement() != "DON-MAC-001") {
        fail("a MAC table refusal that does not name its rule");
    }
    if (macs) {
        for (const char* m : {"A*01:AB", "HLA-B*07:ABC", "DRB1*15:ABCDE", "A*01:ZZ"}) {
            const auto e = macs->expand(d::parse_hla_name(m).value());
            if (e && e->empty()) {
                fail("a MAC code that expands to nothing");
            }
        }
    }
    const auto r = d::load_hla_release(std::move(texts));
    if (!r) {
        const auto& f = r.error().field();
        bool named = false;
        for (const char* file : {"Allelelist.txt", "hla_nom.txt", "hla_nom_g.txt", "hla_nom_p.txt",
                                 "rel_dna_ser.txt", "rel_ser_ser.txt", "dpb_tce.csv"}) {
            named = named || f.rfind(file, 0) == 0;
        }
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
        static_cast<void>(r->dpb1_tce_of(a));
        for (const auto to : {d::hla_reduction::g_group, d::hla_reduction::p_group,
                              d::hla_reduction::lgx, d::hla_reduction::lg,
                              d::hla_reduction::serology}) {
            for (const auto& n : {a, a.field_count() > 2
                                         ? a.with_fields(2, d::hla_name_kind::allele,
                                                         d::hla_expression::expressed)
                                         : a}) {
                const auto red = r->reduce(n, to);
                if (red.status() != d::hla_reduction_status::not_in_release &&
                    red.status() != d::hla_reduction_status::no_antigen && red.names().empty()) {
                    fail("a reduction without a name");
                }
                for (const auto& x : red.names()) {
                    if (to == d::hla_reduction::serology) {
                        static_cast<void>(r->antigen_relations(x));
                    }
                }
            }
        }
    }
    static_cast<void>(r->status(input));
    if (macs && r->allele_count() > 0) {
        const auto gl = d::parse_gl_string("A*01:AB+" + d::to_string(r->allele(0)));
        if (gl) {
            static_cast<void>(d::reduce_gl(*r, *gl, d::hla_reduction::g_group, *macs));
        }
    }
    static_cast<void>(r->version());
    return 0;
}
