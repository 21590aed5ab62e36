// A donor's HLA typing with hsct::donor: names read and printed exactly, a GL String as a tree,
// and the IPD-IMGT/HLA release it is read against (loaded from its raw files), with the G, P
// and lgx reductions and what the release says of a renamed name. Output is checked against
// donor_tour.expected in CI. The release directory is the first argument (default: the copy of
// release 3.58.0 in tests/data).
#include <hsct/donor/donor.hpp>

#include <iostream>
#include <string>

#ifndef HSCT_EXAMPLE_HLA_DIR
#define HSCT_EXAMPLE_HLA_DIR "tests/data/hla/3.58.0"
#endif

int main(int argc, char** argv) {
    namespace d = hsct::donor;

    // Names: every shape registries exchange, read without a release.
    for (const char* text : {"HLA-A*24:09N", "A*01:01:01G", "DRB1*15:DFJR", "A*02:XX", "Cw1"}) {
        const auto n = d::parse_hla_name(text).value();
        std::cout << d::to_string(n) << ": " << d::label(n.kind()) << ", locus " << n.locus()
                  << ", " << d::label(n.resolution()) << "\n";
    }
    const auto bad = d::parse_hla_name("A*1:01");
    std::cout << "refused: " << bad.error().message() << "\n";

    // A GL String: a genotype at A (one copy ambiguous) and one at B, as a typed tree.
    const auto gl = d::parse_gl_string("HLA-A*02:01/HLA-A*02:09+HLA-A*24:02^HLA-B*07:02+HLA-B*44:02")
                        .value();
    std::cout << "GL " << d::to_string(gl) << ": " << d::label(gl.root().op()) << " of "
              << gl.root().child_count() << "; first copy at A: "
              << d::label(gl.root().child(0).child(0).op()) << "\n";

    // The release, from its raw files.
    const std::string dir = argc > 1 ? argv[1] : HSCT_EXAMPLE_HLA_DIR;
    const auto rel = d::load_hla_release(dir);
    if (!rel) {
        std::cout << "cannot load the release: " << rel.error().message() << "\n";
        return 1;
    }
    std::cout << "IPD-IMGT/HLA " << rel->version() << ": " << rel->allele_count()
              << " alleles\n";
    const auto renamed = rel->status("A*02:01:08");
    std::cout << "A*02:01:08: " << d::label(renamed.status) << " (" << renamed.reason
              << "), now " << renamed.replaced_by.value_or("-") << "\n";

    // Reductions of the typing's names: each answer says how it came out.
    for (const char* text : {"A*02:01:01:01", "A*02:01", "A*24:02:01:01", "A*01:11N", "A*99:99"}) {
        const auto n = d::parse_hla_name(text).value();
        std::cout << text << " ->";
        for (const auto to : {d::hla_reduction::g_group, d::hla_reduction::p_group,
                              d::hla_reduction::lgx, d::hla_reduction::serology}) {
            const auto r = rel->reduce(n, to);
            std::cout << " " << d::id(to) << " " << (r.names().empty() ? "-" : r.text()) << " ("
                      << d::id(r.status()) << ")";
        }
        std::cout << "\n";
    }

    // Serology: how antigens relate, and a DPB1 allele's T-cell-epitope groups.
    const auto a24 = rel->antigen_relations(d::parse_hla_name("A24").value());
    std::cout << "A24: split of " << (a24.broad ? d::to_string(*a24.broad) : "-")
              << ", associated " << (a24.associated.empty() ? "-" : d::to_string(a24.associated[0]))
              << "\n";
    const auto tce = rel->dpb1_tce_of(d::parse_hla_name("DPB1*06:01:01:01").value());
    if (tce) {
        std::cout << "DPB1*06:01:01:01: V1 " << (tce->v1 ? d::id(*tce->v1) : "-") << ", V2 "
                  << d::id(tce->v2) << (tce->v2_in_silico ? " (in silico)" : "") << "\n";
    }
    return 0;
}
