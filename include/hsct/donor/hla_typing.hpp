// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// An HLA typing prepared for matching: a GL String of one person's typing, read against the
// IPD-IMGT/HLA release that will judge it, and turned into what matching compares at each
// locus and gene copy: the allele-level keys (P groups and G groups), the antigen-level keys
// (split-level serology, or the first field where the release gives none), null alleles and
// the DPB1 T-cell-epitope groups.
//
//   auto rel = hsct::donor::load_hla_release("/data/IMGTHLA-3.58.0");
//   auto t = hsct::donor::parse_hla_typing(*rel,
//       "HLA-A*01:01+HLA-A*02:01^HLA-B*08:01+HLA-B*44:02^HLA-C*07:01+HLA-C*05:01"
//       "^HLA-DRB1*03:01+HLA-DRB1*04:01^HLA-DQB1*02:01+HLA-DQB1*03:01");
//   t->at(match_locus::a)->alternatives[0].copies[0].allele_keys(allele_match_definition::p_group);
//   t->release_version();                               // "3.58.0": matching checks both sides
//
// DON-TYP-001: the shape of a typing. The GL String is loci joined by '^' (any order, each
// locus once); a locus is two gene copies joined by '+' (write a homozygous typing twice:
// A*01:01+A*01:01), or a '|' list of such genotypes (genotype ambiguity); a copy is one name or
// a '/' list of names (allele ambiguity). Haplotypes ('~') are read locus by locus: phase is not
// used for matching. Every name of a locus part must be of that locus. A locus given twice, a
// single copy, a name the release does not have (a deleted name names its replacement), a MAC
// code without a MAC table, or a locus matching does not know is an error naming the field
// (`typing.<locus>`), the value and what is valid.
//
// DON-TYP-002: the keys. Allele level: the P group (alleles with the same binding-domain
// protein, hla_nom_p.txt) or the G group (same binding-domain exons, hla_nom_g.txt) of each
// allele a copy can be. A copy typed below intermediate resolution (serology, an XX code, one
// field) has no allele-level key: matching reports that locus as unknown at allele level.
// Antigen level: the serological antigen the release assigns (rel_dna_ser.txt), read at split
// level (a broad is dropped when its split is there: A*24:02 -> A24, not A9; an associated
// antigen counts as its parent: A203 -> A2), and the first field where the release assigns no
// antigen (C*12:02 -> 12), as the WMDA recommendation of 2024 reads antigen matching. A
// serological typing's keys are the antigen itself, or a broad's splits (A9 -> A23 or A24).
//
// DON-TYP-003: null alleles and expression variants. A copy every candidate of which is a null
// allele (suffix N) is `null()`: matching reads that locus as homozygous for the other copy
// (an unexpressed allele cannot be mismatched; Atlas does the same). A copy with some null
// candidates is read through its expressed ones and flagged `null_possible()`. Other suffixes
// (L, S, C, A, Q) are read as expressed and flagged `expression_variant()`.
#ifndef HSCT_DONOR_HLA_TYPING_HPP
#define HSCT_DONOR_HLA_TYPING_HPP

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/donor/gl_string.hpp"
#include "hsct/donor/hla_name.hpp"
#include "hsct/donor/hla_release.hpp"
#include "hsct/donor/vocabulary.hpp"

namespace hsct::donor {

namespace detail {
template <class>
struct typing_builder;
}  // namespace detail

/// The loci matching reads (DON-MATCH-001). A, B, C, DRB1, DQB1 and DPB1 are counted (8/8,
/// 10/10, 12/12); DRB3, DRB4, DRB5, DQA1 and DPA1 are graded and reported, never counted.
enum class match_locus : std::uint8_t {
    a = 1,
    b = 2,
    c = 3,
    drb1 = 4,
    dqb1 = 5,
    dpb1 = 6,
    drb3 = 7,
    drb4 = 8,
    drb5 = 9,
    dqa1 = 10,
    dpa1 = 11,
};

constexpr auto hsct_enum_table(match_locus) noexcept {
    return make_enum_table<match_locus>("match_locus", {
        {match_locus::a, "a", "HLA-A"},
        {match_locus::b, "b", "HLA-B"},
        {match_locus::c, "c", "HLA-C"},
        {match_locus::drb1, "drb1", "HLA-DRB1"},
        {match_locus::dqb1, "dqb1", "HLA-DQB1"},
        {match_locus::dpb1, "dpb1", "HLA-DPB1"},
        {match_locus::drb3, "drb3", "HLA-DRB3"},
        {match_locus::drb4, "drb4", "HLA-DRB4"},
        {match_locus::drb5, "drb5", "HLA-DRB5"},
        {match_locus::dqa1, "dqa1", "HLA-DQA1"},
        {match_locus::dpa1, "dpa1", "HLA-DPA1"},
    });
}

/// The number of loci matching reads.
inline constexpr std::size_t match_locus_count = 11;

/// The gene name of a locus as allele names write it ("A", "DRB1").
[[nodiscard]] constexpr std::string_view gene_of(match_locus l) noexcept {
    constexpr std::array<std::string_view, match_locus_count> genes{
        "A", "B", "C", "DRB1", "DQB1", "DPB1", "DRB3", "DRB4", "DRB5", "DQA1", "DPA1"};
    const auto i = static_cast<std::size_t>(l) - 1U;
    return i < genes.size() ? genes[i] : std::string_view{};
}

/// DON-MATCH-001: whether a locus counts towards 8/8, 10/10 and 12/12 (A, B, C, DRB1, DQB1,
/// DPB1) or is reported only (the low-expression loci DRB3/4/5, DQA1, DPA1: Fernandez-Vina et
/// al., Blood 2013;121:4603, found no effect of their mismatches on survival [V2]).
[[nodiscard]] constexpr bool is_counted(match_locus l) noexcept {
    return l >= match_locus::a && l <= match_locus::dpb1;
}

/// The locus of a name: an allele-type name by its gene (A, DRB1; Cw read as C), a serological
/// name by its prefix (A, B, Cw, DR, DQ, DP; DR51/52/53 are DRB5/3/4). Empty for any other.
[[nodiscard]] inline std::optional<match_locus> match_locus_of(const hla_name& n) noexcept {
    const std::string_view g = n.locus();
    if (n.kind() == hla_name_kind::serology) {
        if (g == "A") return match_locus::a;
        if (g == "B") return match_locus::b;
        if (g == "Cw" || g == "C") return match_locus::c;
        if (g == "DQ") return match_locus::dqb1;
        if (g == "DP" || g == "DPw") return match_locus::dpb1;
        if (g == "DR") {
            switch (n.field(0)) {
                case 51: return match_locus::drb5;
                case 52: return match_locus::drb3;
                case 53: return match_locus::drb4;
                default: return match_locus::drb1;
            }
        }
        return std::nullopt;
    }
    if (g == "Cw") {
        return match_locus::c;
    }
    for (std::size_t i = 0; i < match_locus_count; ++i) {
        const auto l = static_cast<match_locus>(i + 1);
        if (gene_of(l) == g) {
            return l;
        }
    }
    return std::nullopt;
}

/// Which allele-level key two copies compare on (DON-TYP-002).
enum class allele_match_definition : std::uint8_t {
    /// default: the P group, the same protein over the antigen-binding domain (WMDA; Atlas
    /// accepts a P-group identity as its weakest molecular match)
    p_group = 1,
    /// the G group: the same nucleotides over the binding-domain exons (stricter)
    g_group = 2,
};

constexpr auto hsct_enum_table(allele_match_definition) noexcept {
    return make_enum_table<allele_match_definition>("allele_match_definition", {
        {allele_match_definition::p_group, "p_group", "P group (same binding-domain protein)"},
        {allele_match_definition::g_group, "g_group", "G group (same binding-domain exons)"},
    });
}

/// An antigen-level key: a split-level serological antigen, or only a first field where the
/// release assigns no antigen. Two keys match when both carry an antigen and it is the same,
/// or when one carries none and the first fields agree (DON-TYP-002).
struct hla_antigen_key {
    hla_name antigen;          ///< the antigen (kind serology); meaningful only if has_antigen
    bool has_antigen = false;
    std::uint16_t first_field = 0;  ///< the allele's first field (a serological name: its number)

    friend bool operator==(const hla_antigen_key& a, const hla_antigen_key& b) noexcept {
        return a.has_antigen == b.has_antigen && a.first_field == b.first_field &&
               (!a.has_antigen || a.antigen == b.antigen);
    }
};

/// DON-TYP-002: whether two antigen keys match.
[[nodiscard]] inline bool antigen_keys_match(const hla_antigen_key& x,
                                             const hla_antigen_key& y) noexcept {
    if (x.has_antigen && y.has_antigen) {
        return x.antigen == y.antigen;
    }
    return x.first_field == y.first_field;
}

/// One gene copy of a typing: the names typed, and the keys matching compares.
class hla_copy {
public:
    /// The names as typed (one, or the alternatives of a '/' list).
    [[nodiscard]] std::span<const hla_name> typed() const noexcept { return typed_; }
    /// The allele-level keys this copy can have; empty when typed below intermediate resolution
    /// (see allele_level_known) or when null().
    [[nodiscard]] std::span<const hla_name> allele_keys(allele_match_definition d) const noexcept {
        return d == allele_match_definition::g_group ? std::span<const hla_name>(g_keys_)
                                                     : std::span<const hla_name>(p_keys_);
    }
    /// The antigen-level keys this copy can have (empty when null()).
    [[nodiscard]] std::span<const hla_antigen_key> antigen_keys() const noexcept {
        return antigen_keys_;
    }
    /// False when a name was typed below intermediate resolution (serology, XX, one field).
    [[nodiscard]] bool allele_level_known() const noexcept { return allele_known_; }
    /// Every candidate is a null allele (DON-TYP-003).
    [[nodiscard]] bool null() const noexcept { return null_; }
    /// Some but not all candidates are null alleles.
    [[nodiscard]] bool null_possible() const noexcept { return null_possible_; }
    /// A candidate carries an L, S, C, A or Q suffix.
    [[nodiscard]] bool expression_variant() const noexcept { return expression_variant_; }
    /// The lowest resolution among the names typed (DON-NAME-006).
    [[nodiscard]] hla_resolution resolution() const noexcept { return resolution_; }
    /// DPB1 only: the TCE assignments of the allele-level keys, in their order (empty
    /// optional where the release has none for a key).
    [[nodiscard]] std::span<const std::optional<dpb1_tce>> tce(allele_match_definition d) const noexcept {
        return d == allele_match_definition::g_group ? std::span<const std::optional<dpb1_tce>>(g_tce_)
                                                     : std::span<const std::optional<dpb1_tce>>(p_tce_);
    }

private:
    template <class>
    friend struct detail::typing_builder;
    std::vector<hla_name> typed_;
    std::vector<hla_name> p_keys_;
    std::vector<hla_name> g_keys_;
    std::vector<std::optional<dpb1_tce>> p_tce_;
    std::vector<std::optional<dpb1_tce>> g_tce_;
    std::vector<hla_antigen_key> antigen_keys_;
    hla_resolution resolution_ = hla_resolution::allele;
    bool allele_known_ = true;
    bool null_ = false;
    bool null_possible_ = false;
    bool expression_variant_ = false;
};

/// One genotype at a locus: its two gene copies.
struct hla_genotype {
    std::array<hla_copy, 2> copies;
};

/// One locus of a typing: one genotype, or the alternatives of a '|' list.
struct hla_locus_typing {
    match_locus locus = match_locus::a;
    std::vector<hla_genotype> alternatives;
};

/// A person's typing, prepared for matching against the release that read it.
class hla_typing {
public:
    /// The typing of a locus, or nullptr when the locus was not typed.
    [[nodiscard]] const hla_locus_typing* at(match_locus l) const noexcept {
        const auto i = static_cast<std::size_t>(l) - 1U;
        if (i >= match_locus_count || index_[i] == 0) {
            return nullptr;
        }
        return &loci_[index_[i] - 1U];
    }
    /// The typed loci, in the order written.
    [[nodiscard]] std::span<const hla_locus_typing> loci() const noexcept { return loci_; }
    /// The release that read the typing ("3.58.0").
    [[nodiscard]] std::string_view release_version() const noexcept { return release_version_; }
    /// The GL String as read.
    [[nodiscard]] const std::string& text() const noexcept { return text_; }

private:
    template <class>
    friend struct detail::typing_builder;
    std::vector<hla_locus_typing> loci_;
    std::array<std::uint8_t, match_locus_count> index_{};
    std::string release_version_;
    std::string text_;
};

namespace detail {
/// The builder behind make_hla_typing (a class template, so that a translation unit that
/// includes this header but reads no typing does not compile it; docs/conventions.md §7).
template <class>
struct typing_builder {
    using mac_expand_fn = result<std::vector<hla_name>> (*)(const void*, const hla_name&);
    const hla_release& rel;
    const void* macs;          // a MAC table, or nullptr
    mac_expand_fn mac_expand;  // its expand(), type-erased (mac_table.hpp need not be included)

    [[nodiscard]] error fail(errc code, std::string_view locus, std::string value,
                             std::string valid) const {
        return error(code, field_ref("typing", locus), std::move(value), std::move(valid),
                     "DON-TYP-001");
    }

    /// The split-level antigens of an allele's serological equivalents (DON-TYP-002).
    void add_antigens(std::span<const hla_name> antigens, std::uint16_t first_field,
                      std::vector<hla_antigen_key>& out) const {
        std::vector<hla_name> mapped;
        for (const auto& a : antigens) {
            const auto rel_a = rel.antigen_relations(a);
            mapped.push_back(rel_a.associated_with ? *rel_a.associated_with : a.without_prefix());
        }
        for (const auto& a : mapped) {
            const auto r = rel.antigen_relations(a);
            bool split_present = false;
            for (const auto& s : r.splits) {
                split_present = split_present ||
                                std::find(mapped.begin(), mapped.end(), s) != mapped.end();
            }
            if (split_present) {
                continue;  // a broad whose split is listed: the split decides
            }
            hla_antigen_key k{a, true, first_field};
            if (std::find(out.begin(), out.end(), k) == out.end()) {
                out.push_back(k);
            }
        }
    }

    static void add_unique(std::vector<hla_name>& v, const hla_name& n) {
        if (std::find(v.begin(), v.end(), n) == v.end()) {
            v.push_back(n);
        }
    }

    /// One allele-type name (an allele or a prefix of alleles) into the copy's keys.
    [[nodiscard]] std::optional<error> add_allele(hla_copy& c, const hla_name& n,
                                                  std::string_view locus, bool& expressed_seen,
                                                  bool& null_seen) const {
        const auto p = rel.reduce(n, hla_reduction::p_group);
        if (p.status() == hla_reduction_status::not_in_release) {
            const auto st = rel.status(n);
            std::string valid = "a current allele name of IPD-IMGT/HLA " +
                                std::string(rel.version()) + " or a prefix of one";
            if (st.status == hla_name_status::deleted && st.replaced_by) {
                valid += " (deleted: replaced by " + *st.replaced_by + ")";
            }
            return fail(errc::syntax, locus, to_string(n), std::move(valid));
        }
        if (n.expression() == hla_expression::null) {
            null_seen = true;
            return std::nullopt;
        }
        expressed_seen = true;
        if (n.expression() != hla_expression::expressed) {
            c.expression_variant_ = true;
        }
        const std::uint16_t ff = static_cast<std::uint16_t>(n.field(0));
        if (n.field_count() >= 2) {
            for (const auto& k : p.names()) {
                add_unique(c.p_keys_, k);
            }
            const auto g = rel.reduce(n, hla_reduction::g_group);
            for (const auto& k : g.names()) {
                add_unique(c.g_keys_, k);
            }
        } else {
            c.allele_known_ = false;
        }
        const auto s = rel.reduce(n, hla_reduction::serology);
        if (s.status() == hla_reduction_status::reduced ||
            s.status() == hla_reduction_status::ambiguous) {
            add_antigens(s.names(), ff, c.antigen_keys_);
        } else {
            hla_antigen_key k{hla_name{}, false, ff};
            if (std::find(c.antigen_keys_.begin(), c.antigen_keys_.end(), k) ==
                c.antigen_keys_.end()) {
                c.antigen_keys_.push_back(k);
            }
        }
        return std::nullopt;
    }

    /// One typed name of any kind into the copy.
    [[nodiscard]] std::optional<error> add_name(hla_copy& c, const hla_name& raw,
                                                std::string_view locus, bool& expressed_seen,
                                                bool& null_seen) const {
        const hla_name n = raw.without_prefix();
        if (n.resolution() < c.resolution_) {
            c.resolution_ = n.resolution();
        }
        switch (n.kind()) {
            case hla_name_kind::allele:
                return add_allele(c, n, locus, expressed_seen, null_seen);
            case hla_name_kind::lg_group:
                return add_allele(c, n.with_fields(2, hla_name_kind::allele, hla_expression::expressed),
                                  locus, expressed_seen, null_seen);
            case hla_name_kind::g_group:
            case hla_name_kind::p_group:
            case hla_name_kind::xx: {
                const auto members = rel.expand(n);
                if (members.empty()) {
                    return fail(errc::syntax, locus, to_string(n),
                                "a G group, P group or XX code of IPD-IMGT/HLA " +
                                    std::string(rel.version()));
                }
                for (const auto& m : members) {
                    if (auto e = add_allele(c, m, locus, expressed_seen, null_seen)) {
                        return e;
                    }
                }
                if (n.kind() == hla_name_kind::xx) {
                    c.allele_known_ = false;  // low resolution: the first field only
                }
                return std::nullopt;
            }
            case hla_name_kind::mac: {
                if (macs == nullptr) {
                    return fail(errc::missing, locus, to_string(n),
                                "a MAC table to expand the code (parse_hla_typing(release, text, "
                                "macs) with a mac_table)");
                }
                auto names = mac_expand(macs, n);
                if (!names) {
                    return with_field(names.error(), field_ref("typing", locus));
                }
                for (const auto& m : *names) {
                    if (auto e = add_allele(c, m.without_prefix(), locus, expressed_seen, null_seen)) {
                        return e;
                    }
                }
                return std::nullopt;
            }
            case hla_name_kind::serology: {
                if (rel.expand(n).empty()) {
                    return fail(errc::syntax, locus, to_string(n),
                                "a serological antigen that IPD-IMGT/HLA " +
                                    std::string(rel.version()) + " assigns to an allele");
                }
                const auto r = rel.antigen_relations(n);
                c.allele_known_ = false;
                expressed_seen = true;
                const auto ff = static_cast<std::uint16_t>(n.field(0));
                if (!r.splits.empty()) {
                    for (const auto& s : r.splits) {
                        add_antigens(std::span<const hla_name>(&s, 1), ff, c.antigen_keys_);
                    }
                } else {
                    add_antigens(std::span<const hla_name>(&n, 1), ff, c.antigen_keys_);
                }
                return std::nullopt;
            }
        }
        return fail(errc::syntax, locus, to_string(n), "an HLA name");
    }

    /// A copy: a name or a '/' list of names.
    [[nodiscard]] std::optional<error> read_copy(const gl_node& node, match_locus locus,
                                                 hla_copy& c) const {
        const std::string_view lid = id(locus);
        std::vector<hla_name> names;
        if (node.is_name()) {
            names.push_back(node.name());
        } else if (node.op() == gl_operator::allele_list) {
            for (std::size_t i = 0; i < node.child_count(); ++i) {
                names.push_back(node.child(i).name());
            }
        } else {
            return fail(errc::syntax, lid, "an operator " + std::string(1, gl_symbol(node.op())),
                        "a gene copy: one name or a '/' list of names");
        }
        bool expressed = false;
        bool null = false;
        for (const auto& n : names) {
            const auto l = match_locus_of(n);
            if (!l || *l != locus) {
                return fail(errc::inconsistent, lid, to_string(n),
                            "a name of " + std::string(label(locus)));
            }
            c.typed_.push_back(n);
            if (auto e = add_name(c, n, lid, expressed, null)) {
                return e;
            }
        }
        c.null_ = null && !expressed;
        c.null_possible_ = null && expressed;
        if (c.null_) {
            c.p_keys_.clear();
            c.g_keys_.clear();
            c.antigen_keys_.clear();
        }
        if (!c.allele_known_) {
            c.p_keys_.clear();
            c.g_keys_.clear();
        }
        if (locus == match_locus::dpb1) {
            for (const auto& k : c.p_keys_) {
                c.p_tce_.push_back(tce_of(k));
            }
            for (const auto& k : c.g_keys_) {
                c.g_tce_.push_back(tce_of(k));
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] std::optional<dpb1_tce> tce_of(const hla_name& key) const {
        if (key.field_count() < 2) {
            return std::nullopt;
        }
        return rel.dpb1_tce_of(key.with_fields(2, hla_name_kind::allele, hla_expression::expressed));
    }

    /// Collects the genotype parts of one '^' part into per-locus (copy, copy) pairs.
    [[nodiscard]] std::optional<error> read_genotype(
        const gl_node& g, hla_typing& t, std::array<bool, match_locus_count>& seen_here,
        const std::array<bool, match_locus_count>& done) const {
        if (g.is_name() || g.op() != gl_operator::genotype) {
            const std::string what = g.is_name() ? to_string(g.name()) : std::string(1, gl_symbol(g.op()));
            std::string_view lid = "locus";
            if (g.is_name()) {
                if (const auto l = match_locus_of(g.name())) {
                    lid = id(*l);
                }
            }
            return fail(errc::syntax, lid, what,
                        "two gene copies joined by '+' (a homozygous typing twice: "
                        "A*01:01+A*01:01)");
        }
        if (g.child_count() != 2) {
            return fail(errc::syntax, "locus", std::to_string(g.child_count()) + " copies",
                        "two gene copies joined by '+'");
        }
        // Each side: a copy of one locus, or a '~' haplotype of copies of several loci.
        std::array<std::vector<gl_node>, 2> sides;
        for (std::size_t s = 0; s < 2; ++s) {
            const gl_node side = g.child(s);
            if (!side.is_name() && side.op() == gl_operator::haplotype) {
                for (std::size_t i = 0; i < side.child_count(); ++i) {
                    sides[s].push_back(side.child(i));
                }
            } else {
                sides[s].push_back(side);
            }
        }
        if (sides[0].size() != sides[1].size()) {
            return fail(errc::inconsistent, "locus", "haplotypes of " + std::to_string(sides[0].size()) +
                        " and " + std::to_string(sides[1].size()) + " loci",
                        "two haplotypes of the same loci");
        }
        for (std::size_t i = 0; i < sides[0].size(); ++i) {
            const auto l = locus_of_node(sides[0][i]);
            const auto l2 = locus_of_node(sides[1][i]);
            if (!l) {
                return fail(errc::syntax, "locus", first_text(sides[0][i]),
                            "a name of a locus matching reads (A, B, C, DRB1, DQB1, DPB1, DRB3, "
                            "DRB4, DRB5, DQA1, DPA1)");
            }
            if (!l2 || *l2 != *l) {
                return fail(errc::inconsistent, id(*l), first_text(sides[1][i]),
                            "the second copy of " + std::string(label(*l)));
            }
            const auto li = static_cast<std::size_t>(*l) - 1U;
            bool twice = done[li];
            for (std::size_t j = 0; j < i; ++j) {
                twice = twice || locus_of_node(sides[0][j]) == l;
            }
            if (twice) {
                return fail(errc::inconsistent, id(*l), first_text(sides[0][i]),
                            "each locus once (" + std::string(label(*l)) + " is given twice)");
            }
            hla_genotype gt;
            if (auto e = read_copy(sides[0][i], *l, gt.copies[0])) {
                return e;
            }
            if (auto e = read_copy(sides[1][i], *l, gt.copies[1])) {
                return e;
            }
            if (t.index_[li] == 0) {
                t.loci_.push_back(hla_locus_typing{*l, {}});
                t.index_[li] = static_cast<std::uint8_t>(t.loci_.size());
            }
            seen_here[li] = true;
            t.loci_[t.index_[li] - 1U].alternatives.push_back(std::move(gt));
        }
        return std::nullopt;
    }

    [[nodiscard]] static std::string first_text(const gl_node& n) {
        if (n.is_name()) {
            return to_string(n.name());
        }
        return n.child_count() > 0 ? first_text(n.child(0)) : std::string();
    }

    [[nodiscard]] static std::optional<match_locus> locus_of_node(const gl_node& n) {
        if (n.is_name()) {
            return match_locus_of(n.name());
        }
        if (n.child_count() == 0) {
            return std::nullopt;
        }
        return locus_of_node(n.child(0));
    }

    [[nodiscard]] result<hla_typing> build(const gl_string& gl) const {
        hla_typing t;
        t.release_version_ = std::string(rel.version());
        t.text_ = gl.text();
        std::array<bool, match_locus_count> done{};
        const gl_node root = gl.root();
        std::vector<gl_node> parts;
        if (!root.is_name() && root.op() == gl_operator::multilocus) {
            for (std::size_t i = 0; i < root.child_count(); ++i) {
                parts.push_back(root.child(i));
            }
        } else {
            parts.push_back(root);
        }
        for (const auto& part : parts) {
            std::array<bool, match_locus_count> here{};
            std::vector<gl_node> genotypes;
            if (!part.is_name() && part.op() == gl_operator::genotype_list) {
                for (std::size_t i = 0; i < part.child_count(); ++i) {
                    genotypes.push_back(part.child(i));
                }
            } else {
                genotypes.push_back(part);
            }
            for (const auto& g : genotypes) {
                if (auto e = read_genotype(g, t, here, done)) {
                    return *e;
                }
            }
            for (std::size_t i = 0; i < match_locus_count; ++i) {
                done[i] = done[i] || here[i];
            }
        }
        return t;
    }
};
}  // namespace detail

/// DON-TYP-001..003: a typing read from a parsed GL String against `release`. A MAC code is an
/// error here: pass a MAC table (the overload below) to expand it.
template <class = void>
[[nodiscard]] result<hla_typing> make_hla_typing(const hla_release& release, const gl_string& gl) {
    return detail::typing_builder<void>{release, nullptr, nullptr}.build(gl);
}

/// DON-TYP-001..003: the same, with MAC codes expanded by `macs` (a mac_table, from
/// <hsct/donor/mac_table.hpp>, or any type with the same expand()).
template <class Macs>
    requires requires(const Macs& m, const hla_name& n) {
        { m.expand(n) } -> std::same_as<result<std::vector<hla_name>>>;
    }
[[nodiscard]] result<hla_typing> make_hla_typing(const hla_release& release, const gl_string& gl,
                                                 const Macs& macs) {
    const auto expand = [](const void* table, const hla_name& n) {
        return static_cast<const Macs*>(table)->expand(n);
    };
    return detail::typing_builder<void>{release, &macs, +expand}.build(gl);
}

/// DON-TYP-001..003: the same from GL String text.
template <class = void>
[[nodiscard]] result<hla_typing> parse_hla_typing(const hla_release& release, std::string_view text) {
    auto gl = parse_gl_string(text, "typing");
    if (!gl) {
        return gl.error();
    }
    return make_hla_typing(release, *gl);
}

/// DON-TYP-001..003: the same from GL String text, with MAC codes expanded by `macs`.
template <class Macs>
    requires requires(const Macs& m, const hla_name& n) {
        { m.expand(n) } -> std::same_as<result<std::vector<hla_name>>>;
    }
[[nodiscard]] result<hla_typing> parse_hla_typing(const hla_release& release, std::string_view text,
                                                  const Macs& macs) {
    auto gl = parse_gl_string(text, "typing");
    if (!gl) {
        return gl.error();
    }
    return make_hla_typing(release, *gl, macs);
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_HLA_TYPING_HPP
