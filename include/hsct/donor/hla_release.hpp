// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// An IPD-IMGT/HLA release, loaded from its raw files in a directory the caller names (hsct ships
// no HLA data): Allelelist.txt (every current allele, with its accession), hla_nom.txt (every
// name ever assigned, with deletions and what replaced them), hla_nom_g.txt and hla_nom_p.txt
// (G and P groups), rel_dna_ser.txt and rel_ser_ser.txt (serology), dpb_tce.csv (DPB1 TCE
// groups), and the reductions of allele names to G group, P group, lgx, lg and serology:
//
//   auto rel = hsct::donor::load_hla_release("/data/IMGTHLA-3.58.0");  // result<hla_release>
//   rel->version();                                         // "3.58.0"
//   rel->is_current(hsct::donor::parse_hla_name("A*01:01:01:01").value());   // true
//   auto s = rel->status("A*02:01:08");     // deleted (Sequence renamed), replaced by A*02:1040
//   rel->reduce(name, hla_reduction::g_group).text();       // "A*02:01:01G/A*02:01:02G" for A*02:01
//
// DON-REL-001: the files are read as IPD-IMGT/HLA writes them (6 "# " header lines, the version
// from "# version: IPD-IMGT/HLA x.y.z", ';' or ',' separated columns, no final newline needed).
// A file that is missing, cannot be read, has a line of the wrong shape, a name that is not an
// HLA name, a duplicate, or contradicts the other file is an error naming the file and the line
// number (errc::missing, errc::syntax or errc::inconsistent; the field is "<file>:<line>"),
// never a crash (fuzz_hla_release_readers). DON-REL-002: a deleted name's replacement is
// followed through chains of deletions (Cw*0422 -> Cw*0421 -> C*04:15:02) to a current name;
// old locus Cw* names are replaced by C* names. The release version is on every status.
// DON-SER-001..003: serological equivalents from rel_dna_ser.txt (unambiguous, possible and
// assumed columns) with the broads of rel_ser_ser.txt; DON-TCE-001: DPB1 TCE groups from
// dpb_tce.csv. Reductions of other kinds of names (G, P, MAC, XX, serological) and of whole GL
// Strings come in later parts of issue 8 (docs/donor.md).
#ifndef HSCT_DONOR_HLA_RELEASE_HPP
#define HSCT_DONOR_HLA_RELEASE_HPP

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/donor/detail/read_file.hpp"
#include "hsct/donor/hla_name.hpp"
#include "hsct/donor/vocabulary.hpp"

namespace hsct::donor {

/// A name's standing in a release (DON-REL-002).
enum class hla_name_status : std::uint8_t {
    current = 1,         ///< a current allele (Allelelist.txt) or serological antigen
    deleted = 2,         ///< assigned once, deleted (hla_nom.txt); see replaced_by
    not_in_release = 3,  ///< never assigned, as far as this release knows
};

constexpr auto hsct_enum_table(hla_name_status) noexcept {
    return make_enum_table<hla_name_status>("hla_name_status", {
        {hla_name_status::current, "current", "current"},
        {hla_name_status::deleted, "deleted", "deleted"},
        {hla_name_status::not_in_release, "not_in_release", "not in the release"},
    });
}

/// What a release says of one name.
struct hla_name_standing {
    hla_name_status status = hla_name_status::not_in_release;
    /// For a deleted name: the current name it was replaced by, after following chains of
    /// deletions (hla_nom.txt "identical to"); empty when none was given (e.g. "Never
    /// assigned").
    std::optional<std::string> replaced_by;
    /// For a deleted name: the release's reason ("Sequence renamed", "Sequence identical",
    /// "Sequence error", ...); empty otherwise.
    std::string reason;
    /// The release that answered, e.g. "3.58.0".
    std::string_view release_version;
};

/// Hash of an hla_name by meaning (consistent with operator==: the prefix is ignored).
struct hla_name_hash {
    [[nodiscard]] std::size_t operator()(const hla_name& n) const noexcept { return n.hash(); }
};

namespace detail {
/// An open-addressing map from HLA names to 32-bit indices (linear probing, at most three
/// quarters full): one probe sequence in one array, where a node-based map chases pointers.
/// Built once by the loader, then only read.
class name_index {
public:
    void build(const std::vector<std::pair<hla_name, std::uint32_t>>& items) {
        reserve(items.size());
        for (const auto& [key, value] : items) {
            static_cast<void>(insert(key, value));
        }
    }
    /// Room for n names without growing.
    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap * 3 < n * 4) {
            cap *= 2;
        }
        if (cap > slots_.size()) {
            std::vector<slot> old = std::move(slots_);
            slots_.assign(cap, slot{});
            mask_ = cap - 1;
            size_ = 0;
            for (const auto& s : old) {
                if (s.used) {
                    static_cast<void>(insert(s.key, s.value));
                }
            }
        }
    }
    /// Adds `key` (without its prefix); false if it is there already.
    [[nodiscard]] bool insert(const hla_name& key, std::uint32_t value) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {
            reserve(size_ * 2 + 16);
        }
        std::size_t i = hla_name_hash{}(key) & mask_;
        for (; slots_[i].used; i = (i + 1) & mask_) {
            if (slots_[i].key == key) {
                return false;
            }
        }
        slots_[i] = {key.without_prefix(), value, true};
        ++size_;
        return true;
    }
    [[nodiscard]] bool contains(const hla_name& key) const noexcept { return find(key) != nullptr; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    /// The index of `key` (its "HLA-" prefix ignored), or nullptr.
    [[nodiscard]] const std::uint32_t* find(const hla_name& key) const noexcept {
        if (slots_.empty()) {
            return nullptr;
        }
        for (std::size_t i = hla_name_hash{}(key) & mask_;; i = (i + 1) & mask_) {
            const slot& s = slots_[i];
            if (!s.used) {
                return nullptr;
            }
            if (s.key == key) {
                return &s.value;
            }
        }
    }
    [[nodiscard]] std::size_t capacity() const noexcept { return slots_.size(); }

private:
    struct slot {
        hla_name key;
        std::uint32_t value = 0;
        bool used = false;
    };
    std::vector<slot> slots_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};
}  // namespace detail

/// The texts of a release's files, for a caller that holds them in memory (an embedded copy, a
/// database blob, a download): the same readers as load_hla_release(directory).
struct hla_release_texts {
    std::string allelelist;   ///< Allelelist.txt
    std::string hla_nom;      ///< hla_nom.txt
    std::string hla_nom_g;    ///< hla_nom_g.txt (G groups)
    std::string hla_nom_p;    ///< hla_nom_p.txt (P groups)
    std::string rel_dna_ser;  ///< rel_dna_ser.txt (allele -> serological equivalents)
    std::string rel_ser_ser;  ///< rel_ser_ser.txt (broad, split and associated antigens)
    std::string dpb_tce;      ///< dpb_tce.csv (DPB1 T-cell-epitope groups)
};

/// DON-TCE-001: a DPB1 T-cell-epitope (TCE) group as IPD-IMGT/HLA's dpb_tce.csv assigns it: V1
/// the original three groups from T-cell cross-reactivity and sequence motifs (Zino et al.,
/// Blood 2004;103:1417; Crocchiolo et al., Blood 2009;114:1437), V2 from functional distance
/// scores (compared with V1 by Arrieta-Bolanos et al., Blood Adv 2018;2(14):1773). Group 1 is
/// the most immunogenic. What V2's "2a" means clinically is not settled here: it is kept as read.
enum class dpb1_tce_group : std::uint8_t {
    group_1 = 1,
    group_2 = 2,
    group_3 = 3,
    group_2a = 4,     ///< V2 only: group 2 by functional distance, formerly group 3
    null_allele = 5,  ///< "0": a null allele, no TCE group
};

constexpr auto hsct_enum_table(dpb1_tce_group) noexcept {
    return make_enum_table<dpb1_tce_group>("dpb1_tce_group", {
        {dpb1_tce_group::group_1, "group_1", "TCE group 1"},
        {dpb1_tce_group::group_2, "group_2", "TCE group 2"},
        {dpb1_tce_group::group_3, "group_3", "TCE group 3"},
        {dpb1_tce_group::group_2a, "group_2a", "TCE group 2a"},
        {dpb1_tce_group::null_allele, "null_allele", "null allele (no TCE group)"},
    });
}

/// DON-TCE-001: one DPB1 allele's (or protein's) TCE assignments, as the release gives them.
struct dpb1_tce {
    std::optional<dpb1_tce_group> v1;  ///< V1 (sequence motifs); empty when not assigned
    bool v1_in_silico = false;          ///< "$": V1 predicted in silico
    dpb1_tce_group v2 = dpb1_tce_group::group_3;  ///< V2 (functional distance scores)
    bool v2_in_silico = false;          ///< "$": V2 predicted in silico
    std::optional<hla_name> protein;    ///< the 2-field protein (empty for a null allele)
    std::string_view release_version;

    friend bool operator==(const dpb1_tce&, const dpb1_tce&) = default;
};

/// DON-SER-003: how serological antigens relate (rel_ser_ser.txt): a split's broad, a broad's
/// splits, an associated antigen's parent and an antigen's associated antigens.
struct hla_antigen_relations {
    std::optional<hla_name> broad;             ///< for a split (A24 -> A9)
    std::span<const hla_name> splits;          ///< for a broad (A9 -> A23, A24)
    std::optional<hla_name> associated_with;   ///< for an associated antigen (A203 -> A2)
    std::span<const hla_name> associated;      ///< for its parent (A2 -> A203, A210)
    std::string_view release_version;          ///< the release that answered
};

/// What to reduce a name to (DON-RED-001..003).
enum class hla_reduction : std::uint8_t {
    g_group = 1,  ///< the G group (hla_nom_g.txt): identical nucleotides over the binding domain
    p_group = 2,  ///< the P group (hla_nom_p.txt): identical binding-domain protein
    lgx = 3,      ///< two fields, as py-ard defines lgx (the G group's first two fields, ...)
    lg = 4,       ///< lgx with the "g" suffix (A*01:01g), as py-ard's lg
    serology = 5, ///< the serological equivalents (rel_dna_ser.txt), with their broads
    /// serology with py-ard 2.3.1's reading of a 2-field name: every antigen of every allele
    /// sharing the name's lgx (a named policy, for agreement with py-ard; DON-SER-004)
    serology_lgx = 6,
};

constexpr auto hsct_enum_table(hla_reduction) noexcept {
    return make_enum_table<hla_reduction>("hla_reduction", {
        {hla_reduction::g_group, "g_group", "G group"},
        {hla_reduction::p_group, "p_group", "P group"},
        {hla_reduction::lgx, "lgx", "two fields (lgx)"},
        {hla_reduction::lg, "lg", "two fields with g (lg)"},
        {hla_reduction::serology, "serology", "serological equivalent"},
        {hla_reduction::serology_lgx, "serology_lgx", "serological equivalent, 2 fields read through lgx (py-ard)"},
    });
}

/// How a reduction came out.
enum class hla_reduction_status : std::uint8_t {
    reduced = 1,         ///< one answer from the release's groups
    no_group = 2,        ///< the release puts the name in no such group: the answer is the name
    ambiguous = 3,       ///< the name's alleles lie in several groups: every one is listed
    not_in_release = 4,  ///< neither a current allele nor a prefix of one: no answer
    not_applicable = 5,  ///< not an allele name (G, P, lg, MAC, XX, serology: not reduced yet)
    /// serology: the release gives the name no serological antigen (a null allele, "?", or a
    /// locus without serology): no name
    no_antigen = 6,
    /// a MAC name whose code the MAC table does not have, or that the code does not allow under
    /// this first field (reduce_gl with a table): no name
    mac_unknown = 7,
};

constexpr auto hsct_enum_table(hla_reduction_status) noexcept {
    return make_enum_table<hla_reduction_status>("hla_reduction_status", {
        {hla_reduction_status::reduced, "reduced", "reduced"},
        {hla_reduction_status::no_group, "no_group", "in no group (unchanged)"},
        {hla_reduction_status::ambiguous, "ambiguous", "ambiguous (several groups)"},
        {hla_reduction_status::not_in_release, "not_in_release", "not in the release"},
        {hla_reduction_status::not_applicable, "not_applicable", "not an allele name"},
        {hla_reduction_status::no_antigen, "no_antigen", "no serological antigen"},
        {hla_reduction_status::mac_unknown, "mac_unknown", "MAC code not in the table"},
    });
}

/// The answer of a reduction: its status, its names (one, or several when ambiguous; none when
/// not in the release), and the release that answered. Holds no heap memory: the names live in
/// the release (keep it alive while reading them) or, for one name, in the answer itself.
class hla_reduced {
public:
    [[nodiscard]] hla_reduction_status status() const noexcept { return status_; }
    [[nodiscard]] std::span<const hla_name> names() const noexcept {
        return many_ != nullptr ? std::span<const hla_name>(many_, count_)
                                : std::span<const hla_name>(&one_, count_);
    }
    [[nodiscard]] std::string_view release_version() const noexcept { return version_; }
    /// The names joined with '/' ("A*02:01:01G/A*02:01:02G"); empty when there is none.
    [[nodiscard]] std::string text() const {
        std::string s;
        for (const auto& n : names()) {
            if (!s.empty()) {
                s += '/';
            }
            s += to_string(n);
        }
        return s;
    }

private:
    friend class hla_release;
    hla_name one_;
    const hla_name* many_ = nullptr;
    std::uint32_t count_ = 0;
    hla_reduction_status status_ = hla_reduction_status::not_in_release;
    std::string_view version_;
};

class hla_release;
// The loaders are function templates (called as plain functions) so that a translation unit
// that includes this header but loads nothing does not compile them (docs/conventions.md §7).
template <class Texts>
    requires std::same_as<Texts, hla_release_texts>
[[nodiscard]] result<hla_release> load_hla_release(Texts texts);
template <class Directory>
    requires std::convertible_to<const Directory&, std::string_view>
[[nodiscard]] result<hla_release> load_hla_release(const Directory& directory);

/// One loaded release (names part). Move-only is not needed: copying copies the tables.
class hla_release {
public:
    /// "3.58.0", from the files' "# version:" lines (all files agree or the load fails).
    [[nodiscard]] std::string_view version() const noexcept { return version_; }
    /// "2024-10-09", from the files' "# date:" lines.
    [[nodiscard]] std::string_view date() const noexcept { return date_; }
    /// The number of current alleles (41,433 in 3.58.0).
    [[nodiscard]] std::size_t allele_count() const noexcept { return alleles_.size(); }
    /// Current allele i, in Allelelist.txt order. Precondition (contract): i < allele_count().
    [[nodiscard]] const hla_name& allele(std::size_t i) const {
        HSCT_EXPECTS(i < alleles_.size(), "hla_release::allele: no such allele");
        return alleles_[i];
    }
    /// The IPD accession of current allele i ("HLA00001"). Precondition: i < allele_count().
    [[nodiscard]] std::string accession(std::size_t i) const {
        HSCT_EXPECTS(i < alleles_.size(), "hla_release::accession: no such allele");
        std::string s = "HLA00000";
        std::uint32_t v = accessions_[i];
        for (std::size_t k = s.size(); k > 3 && v != 0; --k) {
            s[k - 1] = static_cast<char>('0' + v % 10U);
            v /= 10U;
        }
        return s;
    }
    /// DON-REL-001: `name` is a current allele name of the release, exactly (all its fields and
    /// its suffix; the "HLA-" prefix is ignored). Allocates nothing.
    [[nodiscard]] bool is_current(const hla_name& name) const noexcept {
        return name.kind() == hla_name_kind::allele && index_.contains(name);
    }
    /// DON-NAME-006 refined by the release: allele for a current full allele name, otherwise the
    /// resolution of the name's shape.
    [[nodiscard]] hla_resolution resolution(const hla_name& name) const noexcept {
        return is_current(name) ? hla_resolution::allele : name.resolution();
    }
    /// DON-REL-002: what the release says of a name written as text (any name hla_nom.txt
    /// lists, including pre-2010 names such as "A*0105N" and deleted antigens such as "Cw11";
    /// the "HLA-" prefix is ignored).
    [[nodiscard]] hla_name_standing status(std::string_view text) const {
        if (text.substr(0, 4) == "HLA-") {
            text.remove_prefix(4);
        }
        hla_name_standing s;
        s.release_version = version_;
        if (auto n = parse_hla_name(text); n && is_current(*n)) {
            s.status = hla_name_status::current;
            return s;
        }
        const auto it = nom_.find(std::string(text));
        if (it == nom_.end()) {
            return s;
        }
        if (!it->second.deleted) {
            s.status = hla_name_status::current;  // a current serological antigen
            return s;
        }
        s.status = hla_name_status::deleted;
        s.reason = it->second.reason;
        s.replaced_by = final_replacement(it->second.replacement);
        return s;
    }
    /// The same for a parsed name.
    [[nodiscard]] hla_name_standing status(const hla_name& name) const {
        return status(to_string(name.without_prefix()));
    }

    /// DON-RED-001..003: reduces an allele name (a current allele, or a 2- or 3-field prefix of
    /// current alleles, e.g. A*02:01) to its G group, P group or lgx name. Allocates nothing.
    ///  - a current allele in a group: reduced, its group (hla_nom_g/p.txt names the groups);
    ///  - a prefix: its alleles' groups; several: ambiguous, all of them in name order;
    ///  - in no group (or a locus without groups, such as MICA): no_group, the name unchanged;
    ///  - lgx: py-ard 2.3.1's rule (the group's first two fields; an allele in no G group but in
    ///    a P group whose 2 fields no G group holds takes the P group's 2 fields; else its own 2
    ///    fields, read once more through the groups); where py-ard keeps only the lowest of
    ///    several, hsct lists all (ambiguous);
    ///  - lg: the lgx answer as an lg name (A*01:01g; an lg name carries no expression suffix);
    ///  - serology: every antigen rel_dna_ser.txt lists for the allele (or for any allele of the
    ///    prefix) in its unambiguous, possible or assumed column, each with its broad
    ///    (rel_ser_ser.txt), in antigen-number order; ambiguous when more than one antigen
    ///    (before broads) is listed; no_antigen when none is (a null allele, "?", a locus
    ///    without serology); the expert-exception column is not read (DON-SER-002);
    ///  - not a current allele or prefix: not_in_release, no name; not an allele name (a G, P or
    ///    lg group, MAC, XX or serological name): not_applicable.
    [[nodiscard]] hla_reduced reduce(const hla_name& name, hla_reduction to) const noexcept {
        hla_reduced r;
        r.version_ = version_;
        if (name.kind() != hla_name_kind::allele) {
            r.status_ = hla_reduction_status::not_applicable;
            return r;
        }
        const auto k = static_cast<std::size_t>(to) - 1;
        const std::uint32_t* at = names_.find(name);  // the prefix "HLA-" is not part of the key
        if (at == nullptr || k >= reductions) {
            return r;  // not_in_release
        }
        const answer_ref& a = entries_[*at].answers[k];
        r.many_ = pool_of(to).data() + a.offset;
        r.count_ = a.count;
        r.status_ = a.status;
        return r;
    }

    /// The number of names reduce() answers for: current alleles, their 1-3 field prefixes,
    /// and prefixes written with the suffix all their alleles carry.
    [[nodiscard]] std::size_t known_name_count() const noexcept { return entries_.size(); }

private:
    /// A run of names in one of the pools.
    struct span_ref {
        std::uint32_t offset = 0;
        std::uint32_t count = 0;
    };

    /// L(x) of py-ard's lgx: the lgx table's answer(s) for x, else x's first two fields.
    struct lgx_step {
        hla_name first;      ///< the lowest answer (what py-ard continues with)
        span_ref all;        ///< every answer, when x is in the table (count 0 when not)
        hla_name computed;   ///< x's two fields, when x is not in the table
    };
    /// A name the loader stores answers for, looked up once in its tables.
    struct resolved_name {
        hla_name written;  ///< as given (no "HLA-")
        hla_name n;        ///< as looked up (a short-null prefix without its suffix)
        std::uint32_t allele = 0;
        bool is_allele = false;
        bool known = false;
        bool grouped = false;
        lgx_step lgx;  ///< for a prefix: its lgx answer
    };
    template <class = void>  // compiled only by the loader
    [[nodiscard]] resolved_name resolve(const hla_name& name) const {
        resolved_name x;
        x.written = name.without_prefix();
        x.n = x.written;
        const std::uint32_t* current = index_.find(x.n);
        x.is_allele = current != nullptr;
        if (x.is_allele) {
            x.allele = *current;
            x.grouped = grouped_[*current];
            x.known = true;
            return x;
        }
        if (known_prefix_.find(x.n) == known_prefix_.end()) {
            if (suffixed_prefix_.find(x.n) == suffixed_prefix_.end()) {
                return x;  // not_in_release
            }
            // A*01:04N: a prefix every allele of which carries the suffix
            x.n = x.n.with_fields(x.n.field_count(), hla_name_kind::allele, hla_expression::expressed);
        }
        x.known = true;
        x.grouped = grouped_loci_.find(std::string(x.n.locus())) != grouped_loci_.end();
        x.lgx = lgx_of(x.n);
        return x;
    }

    /// reduce() from the tables the loader builds; the loader stores every answer once.
    template <class = void>  // compiled only by the loader
    [[nodiscard]] hla_reduced reduce_slow(const resolved_name& x, hla_reduction to) const noexcept {
        hla_reduced r;
        r.version_ = version_;
        if (!x.known) {
            return r;  // not_in_release
        }
        const hla_name& written = x.written;
        const hla_name& n = x.n;
        const auto answer_list = [&r](const std::vector<hla_name>& pool, const span_ref& sp) {
            r.many_ = pool.data() + sp.offset;
            r.count_ = sp.count;
            r.status_ = sp.count > 1 ? hla_reduction_status::ambiguous
                                     : hla_reduction_status::reduced;
        };
        const auto unchanged = [&r, &written]() {
            r.one_ = written;
            r.count_ = 1;
            r.status_ = hla_reduction_status::no_group;
        };
        const bool is_allele = x.is_allele;
        const bool grouped = x.grouped;
        if (to == hla_reduction::serology || to == hla_reduction::serology_lgx) {
            // DON-SER-001/002: the antigens the release lists for the allele (or for any allele
            // of the prefix), with their broads; none: no_antigen.
            span_ref sp;
            std::uint8_t direct = 0;
            // py-ard reads a 2-field name through lgx, but expands one written with the suffix
            // all its alleles carry (A*01:04N) to those alleles first
            const bool through_lgx = to == hla_reduction::serology_lgx && n.field_count() == 2 &&
                                     (is_allele || written.expression() == hla_expression::expressed);
            const auto lgx_read = through_lgx ? s_two_lgx_.find(n) : s_two_lgx_.end();
            if (lgx_read != s_two_lgx_.end()) {
                sp = lgx_read->second.antigens;
                direct = lgx_read->second.direct;
            } else if (through_lgx) {
                sp = {};  // no allele of the lgx has an antigen
            } else if (is_allele) {
                sp = s_of_[x.allele];
                direct = s_direct_[x.allele];
            } else if (const auto it = s_prefix_.find(n); it != s_prefix_.end()) {
                sp = it->second.antigens;
                direct = it->second.direct;
            }
            if (sp.count == 0) {
                r.status_ = hla_reduction_status::no_antigen;
                return r;
            }
            answer_list(ser_pool_, sp);
            r.status_ = direct > 1 ? hla_reduction_status::ambiguous : hla_reduction_status::reduced;
            return r;
        }
        if (!grouped) {
            unchanged();  // a locus without groups (MICA, ...): the name unchanged
            return r;
        }
        switch (to) {
            case hla_reduction::g_group:
            case hla_reduction::p_group: {
                const bool g = to == hla_reduction::g_group;
                const auto& pool = g ? g_pool_ : p_pool_;
                if (is_allele) {
                    const auto& sp = (g ? g_of_ : p_of_)[x.allele];
                    if (sp.count == 0) {
                        unchanged();
                    } else {
                        answer_list(pool, sp);
                    }
                    return r;
                }
                const auto& prefixes = g ? g_prefix_ : p_prefix_;
                if (const auto it = prefixes.find(n); it != prefixes.end()) {
                    answer_list(pool, it->second);
                } else {
                    unchanged();
                }
                return r;
            }
            case hla_reduction::lgx:
            case hla_reduction::lg: {
                // DON-RED-004: lg_pool_ holds the lgx pool's names as lg names (the "g" suffix, no
                // expression suffix), at the same offsets
                const bool lg = to == hla_reduction::lg;
                const auto& pool = lg ? lg_pool_ : lgx_pool_;
                if (is_allele) {
                    answer_list(pool, lgx_of_[x.allele]);
                    return r;
                }
                const lgx_step& step = x.lgx;
                if (step.all.count > 0) {
                    answer_list(pool, step.all);
                } else {
                    r.one_ = lg ? as_lg(step.computed) : step.computed;
                    r.count_ = 1;
                    r.status_ = hla_reduction_status::reduced;
                }
                return r;
            }
            case hla_reduction::serology:
            case hla_reduction::serology_lgx: break;  // answered above
        }
        return r;
    }

public:
    /// DON-SER-003: how a serological antigen relates to others (rel_ser_ser.txt). Empty for a
    /// name that is not an antigen or that the file does not list. The spans point into the
    /// release.
    [[nodiscard]] hla_antigen_relations antigen_relations(const hla_name& antigen) const {
        hla_antigen_relations r;
        r.release_version = version_;
        if (antigen.kind() != hla_name_kind::serology) {
            return r;
        }
        const hla_name a = antigen.without_prefix();
        if (const auto it = broad_of_.find(a); it != broad_of_.end()) {
            r.broad = it->second;
        }
        if (const auto it = splits_.find(a); it != splits_.end()) {
            r.splits = std::span<const hla_name>(rel_pool_.data() + it->second.offset, it->second.count);
        }
        if (const auto it = associated_with_.find(a); it != associated_with_.end()) {
            r.associated_with = it->second;
        }
        if (const auto it = associated_.find(a); it != associated_.end()) {
            r.associated =
                std::span<const hla_name>(rel_pool_.data() + it->second.offset, it->second.count);
        }
        return r;
    }

    /// DON-RED-005: the names a G group, P group, XX code or serological antigen stands for in
    /// this release, so that it can be reduced as the '/' list of them: a G or P group's member
    /// alleles (hla_nom_g/p.txt); an XX code's two-field names (every current allele's first
    /// two fields under that first field, as py-ard reads XX); an antigen's alleles (those whose
    /// serological equivalents, broads included, hold it), in Allelelist.txt order; XX codes'
    /// names in name order. Empty when the release does not
    /// know the name, or for another kind of name (an allele is itself; MAC codes need a MAC
    /// table; an lg name is not expanded). Allocates the list it returns.
    [[nodiscard]] std::vector<hla_name> expand(const hla_name& name) const {
        const hla_name n = name.without_prefix();
        const std::unordered_map<hla_name, span_ref, hla_name_hash>* table = nullptr;
        switch (n.kind()) {
            case hla_name_kind::g_group:
            case hla_name_kind::p_group:
            case hla_name_kind::serology: table = &members_; break;
            case hla_name_kind::xx: table = &xx_; break;
            default: return {};
        }
        hla_name key = n;
        if (n.kind() == hla_name_kind::xx) {
            // A*01:XX -> A*01: the name without its ":XX"
            char buf[hla_name::max_chars];
            char* end = n.to_chars(buf, buf + sizeof buf);
            if (end == nullptr) {
                return {};
            }
            const auto group =
                parse_hla_name(std::string_view(buf, static_cast<std::size_t>(end - buf) - 3));
            if (!group) {
                return {};
            }
            key = *group;
        }
        const auto it = table->find(key);
        if (it == table->end()) {
            return {};
        }
        return std::vector<hla_name>(member_pool_.begin() + it->second.offset,
                                     member_pool_.begin() + it->second.offset + it->second.count);
    }

    /// DON-TCE-001: the DPB1 TCE assignments of a current DPB1 allele, or of a 2-field DPB1
    /// protein name (every allele of a protein carries the same pair in dpb_tce.csv);
    /// nullopt for any other name.
    [[nodiscard]] std::optional<dpb1_tce> dpb1_tce_of(const hla_name& name) const {
        if (name.kind() != hla_name_kind::allele) {
            return std::nullopt;
        }
        const auto it = tce_.find(name.without_prefix());
        if (it == tce_.end()) {
            return std::nullopt;
        }
        dpb1_tce t = it->second;
        t.release_version = version_;
        return t;
    }

private:
    template <class Texts>
        requires std::same_as<Texts, hla_release_texts>
    friend result<hla_release> load_hla_release(Texts texts);

    /// An lgx answer as an lg name (A*01:01 -> A*01:01g).
    [[nodiscard]] static hla_name as_lg(const hla_name& n) noexcept {
        return n.field_count() >= 2 ? n.with_fields(2, hla_name_kind::lg_group, hla_expression::expressed)
                                    : n;
    }


    /// The first two fields of a name as py-ard cuts them: the suffix dropped when there were
    /// more than two fields, kept on a two-field name; a one-field name unchanged.
    [[nodiscard]] static hla_name two_fields(const hla_name& n) noexcept {
        if (n.field_count() <= 2) {
            return n;
        }
        return n.with_fields(2, hla_name_kind::allele, hla_expression::expressed);
    }

    template <class = void>  // compiled only by the loader
    [[nodiscard]] lgx_step lgx_table_step(const hla_name& x) const noexcept {
        lgx_step s;
        if (const auto it = lgx_tab_.find(x); it != lgx_tab_.end()) {
            s.all = it->second;
            s.first = lgx_pool_[it->second.offset];
            return s;
        }
        s.computed = two_fields(x);
        s.first = s.computed;
        return s;
    }
    /// py-ard 2.3.1's lgx with ping (ard.py _redux_allele): p_not_g first; then L(x); when x is
    /// in no G group (L only cut it to two fields), L once more on the cut, unless the cut is x
    /// or a ping answer. (py-ard applies the second L to grouped names too, which can only move
    /// them to the lowest of several groups sharing two fields, its issue #333: hsct keeps the
    /// name's own group; docs/donor.md lists the names this changes.)
    template <class = void>  // compiled only by the loader
    [[nodiscard]] lgx_step lgx_of(const hla_name& x) const noexcept {
        if (const auto it = p_not_g_.find(x); it != p_not_g_.end()) {
            lgx_step s;
            s.first = it->second;
            s.computed = it->second;
            return s;
        }
        const lgx_step once = lgx_table_step(x);
        if (once.all.count > 0 || once.first == x ||
            p_not_g_values_.find(once.first) != p_not_g_values_.end()) {
            return once;
        }
        return lgx_table_step(once.first);
    }

    std::vector<span_ref> g_of_;  ///< per current allele: its G group (count 0: none)
    std::vector<span_ref> p_of_;
    std::vector<span_ref> lgx_of_;
    std::vector<hla_name> g_pool_;
    std::vector<hla_name> p_pool_;
    std::vector<hla_name> lgx_pool_;
    std::unordered_map<hla_name, span_ref, hla_name_hash> g_prefix_;
    std::unordered_map<hla_name, span_ref, hla_name_hash> p_prefix_;
    std::unordered_map<hla_name, span_ref, hla_name_hash> lgx_tab_;
    std::unordered_map<hla_name, hla_name, hla_name_hash> p_not_g_;
    std::unordered_set<hla_name, hla_name_hash> p_not_g_values_;
    std::unordered_set<hla_name, hla_name_hash> known_prefix_;  ///< 1-3 field prefixes of alleles
    /// 2- and 3-field prefixes with the suffix every allele under them carries (A*01:04N)
    std::unordered_set<hla_name, hla_name_hash> suffixed_prefix_;
    std::unordered_set<std::string> grouped_loci_;              ///< loci with G groups
    std::vector<bool> grouped_;  ///< per current allele: its locus has G groups
    std::vector<hla_name> lg_pool_;  ///< lgx_pool_ as lg names, same offsets

    // Every answer of reduce(), stored once at load: a run of one of the pools and a status.
    static constexpr std::size_t reductions = 6;  ///< hla_reduction's enumerators
    struct answer_ref {
        std::uint32_t offset = 0;
        std::uint16_t count = 0;
        hla_reduction_status status = hla_reduction_status::not_in_release;
    };
    struct name_entry {
        answer_ref answers[reductions];
    };
    std::vector<name_entry> entries_;
    detail::name_index names_;
    [[nodiscard]] const std::vector<hla_name>& pool_of(hla_reduction to) const noexcept {
        switch (to) {
            case hla_reduction::g_group: return g_pool_;
            case hla_reduction::p_group: return p_pool_;
            case hla_reduction::lgx: return lgx_pool_;
            case hla_reduction::lg: return lg_pool_;
            case hla_reduction::serology:
            case hla_reduction::serology_lgx: break;
        }
        return ser_pool_;
    }
    [[nodiscard]] std::vector<hla_name>& pool_of(hla_reduction to) noexcept {
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): *this is non-const; one body for both
        return const_cast<std::vector<hla_name>&>(std::as_const(*this).pool_of(to));
    }

    // serology (rel_dna_ser.txt, rel_ser_ser.txt)
    struct s_entry {
        span_ref antigens;
        std::uint8_t direct = 0;  ///< antigens listed before broads were added
    };
    std::vector<hla_name> ser_pool_;
    std::vector<span_ref> s_of_;           ///< per current allele (count 0: no antigen)
    std::vector<std::uint8_t> s_direct_;   ///< per current allele
    std::unordered_map<hla_name, s_entry, hla_name_hash> s_prefix_;
    /// serology_lgx: per 2-field name (current allele or prefix), the antigens of every allele
    /// sharing its lgx
    std::unordered_map<hla_name, s_entry, hla_name_hash> s_two_lgx_;
    std::vector<hla_name> rel_pool_;
    std::unordered_map<hla_name, hla_name, hla_name_hash> broad_of_;
    std::unordered_map<hla_name, span_ref, hla_name_hash> splits_;
    std::unordered_map<hla_name, hla_name, hla_name_hash> associated_with_;
    std::unordered_map<hla_name, span_ref, hla_name_hash> associated_;
    // DPB1 TCE (dpb_tce.csv), by allele and by protein
    std::unordered_map<hla_name, dpb1_tce, hla_name_hash> tce_;
    // expansions (DON-RED-005): G/P group and antigen -> alleles; first field -> 2-field names
    std::vector<hla_name> member_pool_;
    std::unordered_map<hla_name, span_ref, hla_name_hash> members_;
    std::unordered_map<hla_name, span_ref, hla_name_hash> xx_;

    struct nom_entry {
        bool deleted = false;
        std::string replacement;  ///< full name (locus included), or empty
        std::string reason;
    };

    /// Follows replacements until a current name (at most as many steps as entries: a cycle
    /// cannot loop; the loader refuses cycles anyway).
    [[nodiscard]] std::optional<std::string> final_replacement(std::string r) const {
        for (std::size_t steps = 0; !r.empty() && steps <= nom_.size(); ++steps) {
            const auto it = nom_.find(r);
            if (it == nom_.end() || !it->second.deleted) {
                return r;
            }
            r = it->second.replacement;
        }
        return std::nullopt;
    }

    std::string version_;
    std::string date_;
    std::vector<hla_name> alleles_;
    std::vector<std::uint32_t> accessions_;
    detail::name_index index_;  ///< current alleles -> their index
    /// every hla_nom.txt entry by full name but the current alleles (Allelelist.txt answers those)
    std::unordered_map<std::string, nom_entry> nom_;
};

namespace detail {


/// One file being read: its name, its text, the line number, and errors that name both.
class release_file {
public:
    release_file(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {}

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] std::size_t line_number() const noexcept { return line_; }

    /// The next line without its '\n' (and without a '\r', should a copy have CRLF ends); the
    /// last line needs no '\n'.
    [[nodiscard]] bool next(std::string_view& line) {
        if (pos_ >= text_.size()) {
            return false;
        }
        std::size_t end = text_.find('\n', pos_);
        if (end == std::string::npos) {
            end = text_.size();
        }
        line = std::string_view(text_).substr(pos_, end - pos_);
        pos_ = end + 1;
        ++line_;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        return true;
    }

    /// About how many lines are left (for reserving room).
    [[nodiscard]] std::size_t lines_left() const noexcept {
        return static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(std::min(pos_, text_.size())),
                                                   text_.end(), '\n')) + 1;
    }

    /// The file ended where line line_number() + 1 was due.
    [[nodiscard]] error ended(std::string valid) const {
        return error(errc::missing, field_ref(name_ + ":" + std::to_string(line_ + 1)),
                     "(end of file)", std::move(valid), "DON-REL-001");
    }
    [[nodiscard]] error fail(errc code, std::string_view value, std::string valid) const {
        return error(code, field_ref(name_ + ":" + std::to_string(line_)), std::string(value),
                     std::move(valid), "DON-REL-001");
    }

private:
    std::string name_;
    std::string text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
};


/// Reads the six "# key: value" header lines; returns the version ("3.58.0") and date.
[[nodiscard]] inline std::optional<error> read_release_header(release_file& f,
                                                              std::string& version,
                                                              std::string& date) {
    std::string_view line;
    for (int k = 0; k < 6; ++k) {
        if (!f.next(line)) {
            return f.ended("6 header lines starting with '# '");
        }
        if (line.substr(0, 2) != "# ") {
            return f.fail(errc::syntax, line, "a header line starting with '# '");
        }
        const std::string_view v = line;
        const auto value = [&v](std::string_view key) {
            std::string_view s = v.substr(key.size());
            while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
                s.remove_suffix(1);
            }
            return std::string(s);
        };
        if (v.substr(0, 24) == "# version: IPD-IMGT/HLA ") {
            version = value("# version: IPD-IMGT/HLA ");
        } else if (v.substr(0, 8) == "# date: ") {
            date = value("# date: ");
        }
    }
    if (version.empty()) {
        return f.fail(errc::missing, "(no version line)", "a '# version: IPD-IMGT/HLA x.y.z' line");
    }
    return std::nullopt;
}

/// The header of a file after Allelelist.txt: it must carry Allelelist.txt's version.
[[nodiscard]] inline std::optional<error> read_release_header_of(release_file& f,
                                                                 const std::string& version) {
    std::string v;
    std::string date;
    if (auto e = read_release_header(f, v, date)) {
        return e;
    }
    if (v != version) {
        return f.fail(errc::inconsistent, v, "the version of Allelelist.txt (" + version + ")");
    }
    return std::nullopt;
}

}  // namespace detail

/// DON-REL-001/002: reads a release's names from the texts of its files. Errors name the file
/// and line (see the header comment).
template <class Texts>
    requires std::same_as<Texts, hla_release_texts>
[[nodiscard]] result<hla_release> load_hla_release(Texts texts) {
    hla_release rel;
    std::string_view line;

    // --- Allelelist.txt: AlleleID,Allele -----------------------------------------------------
    {
        detail::release_file f("Allelelist.txt", std::move(texts.allelelist));
        if (auto e = detail::read_release_header(f, rel.version_, rel.date_)) {
            return *std::move(e);
        }
        if (!f.next(line)) {
            return f.ended("the column line AlleleID,Allele");
        }
        if (line != "AlleleID,Allele") {
            return f.fail(errc::syntax, line, "the column line AlleleID,Allele");
        }
        rel.index_.reserve(f.lines_left());
        while (f.next(line)) {
            const auto cols = detail::split_keep_empty(line, ',');
            if (cols.size() != 2 || cols[0].size() != 8 || cols[0].substr(0, 3) != "HLA") {
                return f.fail(errc::syntax, line, "HLA<5 digits>,<allele name>");
            }
            std::uint32_t id = 0;
            for (const char c : cols[0].substr(3)) {
                if (c < '0' || c > '9') {
                    return f.fail(errc::syntax, line, "HLA<5 digits>,<allele name>");
                }
                id = id * 10U + static_cast<std::uint32_t>(c - '0');
            }
            const auto n = parse_hla_name(cols[1]);
            if (!n || n->kind() != hla_name_kind::allele || n->has_prefix()) {
                return f.fail(errc::syntax, line, "an allele name such as A*01:01:01:01");
            }
            if (!rel.index_.insert(*n, static_cast<std::uint32_t>(rel.alleles_.size()))) {
                return f.fail(errc::inconsistent, line, "each allele listed once");
            }
            rel.alleles_.push_back(*n);
            rel.accessions_.push_back(id);
        }
        if (rel.alleles_.empty()) {
            return f.ended("at least one allele line");
        }
    }

    // --- hla_nom.txt: locus;name;assigned;deleted;identical to;reason --------------------------
    {
        detail::release_file f("hla_nom.txt", std::move(texts.hla_nom));
        if (auto e = detail::read_release_header_of(f, rel.version_)) {
            return *std::move(e);
        }
        std::size_t current_alleles = 0;
        std::vector<bool> listed(rel.alleles_.size(), false);
        while (f.next(line)) {
            const auto cols = detail::split_keep_empty(line, ';');
            if (cols.size() != 6 || cols[0].empty() || cols[1].empty() || cols[2].size() != 8 ||
                (!cols[3].empty() && cols[3].size() != 8)) {
                return f.fail(errc::syntax, line,
                              "locus;name;YYYYMMDD;[YYYYMMDD];[identical to];[reason]");
            }
            const bool allele = cols[0].back() == '*';
            const std::string_view locus = allele ? cols[0].substr(0, cols[0].size() - 1) : cols[0];
            char buf[96];
            if (cols[0].size() + cols[1].size() > sizeof buf) {
                return f.fail(errc::syntax, line, "a name of at most 96 characters");
            }
            std::copy(cols[0].begin(), cols[0].end(), buf);
            std::copy(cols[1].begin(), cols[1].end(), buf + cols[0].size());
            const std::string_view full(buf, cols[0].size() + cols[1].size());
            if (allele && cols[3].empty()) {
                // a current allele here must be a current allele of Allelelist.txt, listed once;
                // it is answered by Allelelist.txt, so it is not kept here
                const auto n = parse_hla_name(full);
                const std::uint32_t* at = n ? rel.index_.find(*n) : nullptr;
                if (at == nullptr) {
                    return f.fail(errc::inconsistent, line,
                                  "a current allele that Allelelist.txt lists");
                }
                if (listed[*at]) {
                    return f.fail(errc::inconsistent, line, "each name listed once");
                }
                listed[*at] = true;
                ++current_alleles;
                continue;
            }
            hla_release::nom_entry e;
            e.deleted = !cols[3].empty();
            if (!cols[4].empty()) {
                // the replacement is written without its locus; the old locus Cw* became C*
                std::string rl(locus == "Cw" && allele ? std::string_view("C") : locus);
                e.replacement = rl + (allele ? "*" : "") + std::string(cols[4]);
                // an old Cw* name may be replaced by another old Cw* name (a chain)
                if (locus == "Cw" && allele && cols[4].find(':') == std::string_view::npos) {
                    e.replacement = "Cw*" + std::string(cols[4]);
                }
            }
            if (e.deleted) {
                e.reason = std::string(cols[5]);
            }
            if (!rel.nom_.emplace(std::string(full), std::move(e)).second) {
                return f.fail(errc::inconsistent, line, "each name listed once");
            }
        }
        if (current_alleles != rel.alleles_.size()) {
            return f.fail(errc::inconsistent, std::to_string(current_alleles) + " current alleles",
                          "the " + std::to_string(rel.alleles_.size()) +
                              " alleles of Allelelist.txt");
        }
        // Every replacement chain ends (no cycle) at a current name or nowhere.
        for (const auto& [name, entry] : rel.nom_) {
            if (entry.deleted && !entry.replacement.empty() &&
                !rel.final_replacement(entry.replacement)) {
                return error(errc::inconsistent, field_ref(f.name()), name,
                             "replacements that end at a current name", "DON-REL-002");
            }
        }
    }
    // --- hla_nom_g.txt and hla_nom_p.txt: locus*;member/member/...;group --------------------
    rel.g_of_.assign(rel.alleles_.size(), {});
    rel.p_of_.assign(rel.alleles_.size(), {});
    for (hla_name a : rel.alleles_) {
        for (std::size_t k = 1; k < a.field_count(); ++k) {
            rel.known_prefix_.insert(a.with_fields(k, hla_name_kind::allele, hla_expression::expressed));
        }
        if (a.field_count() > 2) {
            rel.known_prefix_.insert(hla_release::two_fields(a));
        }
    }
    {
        // DON-RED-001: a 2- or 3-field prefix whose alleles all carry one suffix is also written
        // with it (WHO: A*01:04N for A*01:04:01:01N and A*01:04:01:02N)
        std::unordered_map<hla_name, int, hla_name_hash> suffix_of;  // -1: mixed
        for (const hla_name& a : rel.alleles_) {
            for (std::size_t k = 2; k < a.field_count() && k <= 3; ++k) {
                const auto key = a.with_fields(k, hla_name_kind::allele, hla_expression::expressed);
                const int e = static_cast<int>(a.expression());
                const auto [it, fresh] = suffix_of.emplace(key, e);
                if (!fresh && it->second != e) {
                    it->second = -1;
                }
            }
        }
        for (const auto& [key, e] : suffix_of) {
            if (e > 0 && e != static_cast<int>(hla_expression::expressed)) {
                rel.suffixed_prefix_.insert(key.with_fields(key.field_count(), hla_name_kind::allele,
                                                            static_cast<hla_expression>(e)));
            }
        }
    }
    // members of groups, by group, for the prefix and lgx tables below
    std::vector<std::pair<hla_name, std::uint32_t>> g_members;  // (member, index in g_pool_)
    for (const bool g : {true, false}) {
        detail::release_file f(g ? "hla_nom_g.txt" : "hla_nom_p.txt",
                               std::move(g ? texts.hla_nom_g : texts.hla_nom_p));
        if (auto e = detail::read_release_header_of(f, rel.version_)) {
            return *std::move(e);
        }
        auto& pool = g ? rel.g_pool_ : rel.p_pool_;
        auto& of = g ? rel.g_of_ : rel.p_of_;
        auto& prefix = g ? rel.g_prefix_ : rel.p_prefix_;
        std::unordered_map<hla_name, std::vector<std::uint32_t>, hla_name_hash> prefix_groups;
        const hla_name_kind kind = g ? hla_name_kind::g_group : hla_name_kind::p_group;
        while (f.next(line)) {
            const auto cols = detail::split_keep_empty(line, ';');
            if (cols.size() != 3 || cols[0].size() < 2 || cols[0].back() != '*' || cols[1].empty()) {
                return f.fail(errc::syntax, line, "locus*;member/member/...;[group]");
            }
            const std::string locus(cols[0]);
            std::uint32_t group = 0;
            const bool grouped = !cols[2].empty();
            if (grouped) {
                const auto gn = parse_hla_name(locus + std::string(cols[2]));
                if (!gn || gn->kind() != kind) {
                    return f.fail(errc::syntax, line,
                                  g ? "a G group name such as 01:01:01G" : "a P group name such as 01:01P");
                }
                group = static_cast<std::uint32_t>(pool.size());
                pool.push_back(*gn);
                rel.grouped_loci_.insert(std::string(gn->locus()));
            }
            for (const auto member : detail::split_keep_empty(cols[1], '/')) {
                char buf[64];
                if (locus.size() + member.size() > sizeof buf) {
                    return f.fail(errc::syntax, line, "member names of at most 64 characters");
                }
                std::copy(locus.begin(), locus.end(), buf);
                std::copy(member.begin(), member.end(), buf + locus.size());
                const auto m = parse_hla_name(std::string_view(buf, locus.size() + member.size()));
                const std::uint32_t* at = m ? rel.index_.find(*m) : nullptr;
                if (at == nullptr) {
                    return f.fail(errc::inconsistent, line,
                                  "members that are current alleles of Allelelist.txt");
                }
                if (!grouped) {
                    continue;
                }
                if (of[*at].count != 0) {
                    return f.fail(errc::inconsistent, line, "each allele in one group");
                }
                of[*at] = {group, 1};
                // prefix keys: 2 fields (py-ard's cut) and 3 fields
                prefix_groups[hla_release::two_fields(*m)].push_back(group);
                if (m->field_count() > 3) {
                    prefix_groups[m->with_fields(3, hla_name_kind::allele, hla_expression::expressed)]
                        .push_back(group);
                }
                if (g) {
                    g_members.emplace_back(*m, group);
                }
            }
        }
        // prefix answers: the distinct groups, in name order, as runs of the pool
        for (auto& [key, groups] : prefix_groups) {
            std::vector<hla_name> names;
            for (const auto gi : groups) {
                names.push_back(pool[gi]);
            }
            std::sort(names.begin(), names.end());
            names.erase(std::unique(names.begin(), names.end()), names.end());
            if (rel.index_.contains(key)) {
                continue;  // the key is itself a current allele: its own group answers
            }
            const auto offset = static_cast<std::uint32_t>(pool.size());
            pool.insert(pool.end(), names.begin(), names.end());
            prefix.emplace(key, hla_release::span_ref{offset, static_cast<std::uint32_t>(names.size())});
        }
    }

    rel.grouped_.assign(rel.alleles_.size(), false);
    for (std::size_t i = 0; i < rel.alleles_.size(); ++i) {
        rel.grouped_[i] = rel.grouped_loci_.count(std::string(rel.alleles_[i].locus())) != 0;
    }

    // --- lgx (py-ard 2.3.1, data_repository.py): the lgx table and ping -----------------------
    {
        // L table: each G member's 2-field cut, 3-field prefix and full name -> the first two
        // fields of its G group; a 2-field cut in several groups keeps every answer (py-ard:
        // the lowest).
        std::unordered_map<hla_name, std::vector<hla_name>, hla_name_hash> tab;
        std::unordered_set<hla_name, hla_name_hash> g_two_field;  // 2-field cuts of G members
        for (const auto& [m, gi] : g_members) {
            const hla_name lg = rel.g_pool_[gi].with_fields(2, hla_name_kind::allele,
                                                            hla_expression::expressed);
            tab[hla_release::two_fields(m)].push_back(lg);
            if (m.field_count() > 3) {
                tab[m.with_fields(3, hla_name_kind::allele, hla_expression::expressed)].push_back(lg);
            }
            tab[m].push_back(lg);
            g_two_field.insert(hla_release::two_fields(m));
        }
        for (auto& [key, answers] : tab) {
            std::sort(answers.begin(), answers.end());
            answers.erase(std::unique(answers.begin(), answers.end()), answers.end());
            const auto offset = static_cast<std::uint32_t>(rel.lgx_pool_.size());
            rel.lgx_pool_.insert(rel.lgx_pool_.end(), answers.begin(), answers.end());
            rel.lgx_tab_.emplace(key, hla_release::span_ref{offset, static_cast<std::uint32_t>(answers.size())});
        }
        // ping: a P member whose 2-field cut no G member has -> its P group's two fields
        for (std::size_t i = 0; i < rel.alleles_.size(); ++i) {
            const auto& sp = rel.p_of_[i];
            if (sp.count == 0 || g_two_field.count(hla_release::two_fields(rel.alleles_[i])) != 0) {
                continue;
            }
            const hla_name two = rel.p_pool_[sp.offset].with_fields(2, hla_name_kind::allele,
                                                                   hla_expression::expressed);
            rel.p_not_g_.emplace(rel.alleles_[i], two);
            rel.p_not_g_values_.insert(two);
        }
        // every current allele's answer, once
        rel.lgx_of_.assign(rel.alleles_.size(), {});
        for (std::size_t i = 0; i < rel.alleles_.size(); ++i) {
            const auto step = rel.lgx_of(rel.alleles_[i]);
            if (rel.grouped_loci_.count(std::string(rel.alleles_[i].locus())) == 0) {
                // py-ard returns names of loci without groups unchanged
                rel.lgx_of_[i] = {static_cast<std::uint32_t>(rel.lgx_pool_.size()), 1};
                rel.lgx_pool_.push_back(rel.alleles_[i]);
            } else if (step.all.count > 0) {
                rel.lgx_of_[i] = step.all;
            } else {
                rel.lgx_of_[i] = {static_cast<std::uint32_t>(rel.lgx_pool_.size()), 1};
                rel.lgx_pool_.push_back(step.computed);
            }
        }
        rel.lg_pool_.reserve(rel.lgx_pool_.size());
        for (const auto& n : rel.lgx_pool_) {
            rel.lg_pool_.push_back(hla_release::as_lg(n));
        }
    }

    // An antigen name of hla_nom.txt (current or deleted), e.g. "A24", "Cw10", "DR52".
    const auto antigen_of = [&rel](std::string_view text) -> std::optional<hla_name> {
        const auto n = parse_hla_name(text);
        if (!n || n->kind() != hla_name_kind::serology || n->has_prefix() ||
            rel.nom_.find(std::string(text)) == rel.nom_.end()) {
            return std::nullopt;
        }
        return *n;
    };
    const auto numbers_ok = [](std::string_view t) {
        if (t.empty() || t.size() > 4) {
            return false;
        }
        return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };

    // --- rel_ser_ser.txt: locus;antigen;splits;associated (DON-SER-003) -----------------------
    {
        detail::release_file f("rel_ser_ser.txt", std::move(texts.rel_ser_ser));
        if (auto e = detail::read_release_header_of(f, rel.version_)) {
            return *std::move(e);
        }
        while (f.next(line)) {
            const auto cols = detail::split_keep_empty(line, ';');
            if (cols.size() != 4 || cols[0].empty() || cols[0].back() == '*' || !numbers_ok(cols[1])) {
                return f.fail(errc::syntax, line, "locus;antigen;[split/split...];[associated/...]");
            }
            const std::string locus(cols[0]);
            const auto parent = antigen_of(locus + std::string(cols[1]));
            if (!parent) {
                return f.fail(errc::inconsistent, line, "an antigen that hla_nom.txt lists");
            }
            for (const int col : {2, 3}) {
                if (cols[static_cast<std::size_t>(col)].empty()) {
                    continue;
                }
                const auto offset = static_cast<std::uint32_t>(rel.rel_pool_.size());
                for (const auto t : detail::split_keep_empty(cols[static_cast<std::size_t>(col)], '/')) {
                    if (!numbers_ok(t)) {
                        return f.fail(errc::syntax, line, "antigen numbers separated by '/'");
                    }
                    const auto child = antigen_of(locus + std::string(t));
                    if (!child) {
                        return f.fail(errc::inconsistent, line, "antigens that hla_nom.txt lists");
                    }
                    auto& up = col == 2 ? rel.broad_of_ : rel.associated_with_;
                    if (!up.emplace(*child, *parent).second) {
                        return f.fail(errc::inconsistent, line,
                                      col == 2 ? "each split in one broad"
                                               : "each associated antigen under one antigen");
                    }
                    rel.rel_pool_.push_back(*child);
                }
                auto& down = col == 2 ? rel.splits_ : rel.associated_;
                if (!down.emplace(*parent, hla_release::span_ref{offset, static_cast<std::uint32_t>(
                                                                      rel.rel_pool_.size() - offset)})
                         .second) {
                    return f.fail(errc::inconsistent, line, "each antigen listed once");
                }
            }
        }
    }

    // --- rel_dna_ser.txt: locus*;allele;unambiguous;possible;assumed;expert (DON-SER-001) ----
    {
        detail::release_file f("rel_dna_ser.txt", std::move(texts.rel_dna_ser));
        if (auto e = detail::read_release_header_of(f, rel.version_)) {
            return *std::move(e);
        }
        // the antigen prefix each allele locus implies (IMGT writes numbers only)
        const auto prefix_of = [](std::string_view locus) -> std::string_view {
            if (locus == "A" || locus == "B") {
                return locus;
            }
            if (locus == "C") {
                return "Cw";
            }
            if (locus == "DRB1" || locus == "DRB3" || locus == "DRB4" || locus == "DRB5") {
                return "DR";
            }
            if (locus == "DQB1") {
                return "DQ";
            }
            return {};
        };
        std::vector<std::vector<hla_name>> direct(rel.alleles_.size());
        std::vector<bool> seen(rel.alleles_.size(), false);
        std::size_t rows = 0;
        while (f.next(line)) {
            const auto cols = detail::split_keep_empty(line, ';');
            if (cols.size() != 6 || cols[0].size() < 2 || cols[0].back() != '*' || cols[1].empty()) {
                return f.fail(errc::syntax, line,
                              "locus*;allele;[unambiguous];[possible];[assumed];[expert]");
            }
            const std::string_view locus = cols[0].substr(0, cols[0].size() - 1);
            const auto n = parse_hla_name(std::string(cols[0]) + std::string(cols[1]));
            const std::uint32_t* at = n ? rel.index_.find(*n) : nullptr;
            if (at == nullptr) {
                return f.fail(errc::inconsistent, line, "an allele that Allelelist.txt lists");
            }
            if (seen[*at]) {
                return f.fail(errc::inconsistent, line, "each allele listed once");
            }
            seen[*at] = true;
            ++rows;
            auto& mine = direct[*at];
            for (std::size_t col = 2; col < 6; ++col) {
                if (cols[col].empty()) {
                    continue;
                }
                for (const auto t : detail::split_keep_empty(cols[col], '/')) {
                    if (t == "0" || t == "?") {
                        continue;  // null / no antigen known
                    }
                    if (!numbers_ok(t)) {
                        return f.fail(errc::syntax, line, "antigen numbers, 0 or ? separated by '/'");
                    }
                    const std::string_view pre = prefix_of(locus);
                    const auto ag = pre.empty() ? std::nullopt : antigen_of(std::string(pre) + std::string(t));
                    if (!ag) {
                        return f.fail(errc::inconsistent, line,
                                      "antigens that hla_nom.txt lists, for a locus with "
                                      "serology (A, B, C, DRB1, DRB3-5, DQB1)");
                    }
                    if (col < 5) {  // the expert-exception column is checked, not used
                        mine.push_back(*ag);
                    }
                }
            }
        }
        if (rows != rel.alleles_.size()) {
            return f.fail(errc::inconsistent, std::to_string(rows) + " alleles",
                          "the " + std::to_string(rel.alleles_.size()) +
                              " alleles of Allelelist.txt");
        }
        // an answer: the distinct antigens by number, then their broads
        const auto answer = [&rel](std::vector<hla_name>& ags) -> hla_release::s_entry {
            const auto by_number = [](const hla_name& x, const hla_name& y) { return x < y; };
            std::sort(ags.begin(), ags.end(), by_number);
            ags.erase(std::unique(ags.begin(), ags.end()), ags.end());
            hla_release::s_entry e;
            e.direct = static_cast<std::uint8_t>(std::min<std::size_t>(ags.size(), 255));
            const std::size_t n_direct = ags.size();
            for (std::size_t k = 0; k < n_direct; ++k) {
                if (const auto b = rel.broad_of_.find(ags[k]); b != rel.broad_of_.end()) {
                    ags.push_back(b->second);
                }
            }
            std::sort(ags.begin(), ags.end(), by_number);
            ags.erase(std::unique(ags.begin(), ags.end()), ags.end());
            e.antigens = {static_cast<std::uint32_t>(rel.ser_pool_.size()),
                          static_cast<std::uint32_t>(ags.size())};
            rel.ser_pool_.insert(rel.ser_pool_.end(), ags.begin(), ags.end());
            return e;
        };
        rel.s_of_.assign(rel.alleles_.size(), {});
        rel.s_direct_.assign(rel.alleles_.size(), 0);
        // prefixes (1-3 fields) that are not current alleles: the union over their alleles
        std::unordered_map<hla_name, std::vector<hla_name>, hla_name_hash> by_prefix;
        // a union of antigens: few distinct ones a key, so a linear check keeps the lists short
        const auto add_distinct = [](std::vector<hla_name>& u, const std::vector<hla_name>& more) {
            for (const auto& x : more) {
                if (std::find(u.begin(), u.end(), x) == u.end()) {
                    u.push_back(x);
                }
            }
        };
        for (std::size_t i = 0; i < rel.alleles_.size(); ++i) {
            const hla_name& a = rel.alleles_[i];
            for (std::size_t k = 1; k < a.field_count(); ++k) {
                add_distinct(by_prefix[a.with_fields(k, hla_name_kind::allele, hla_expression::expressed)],
                             direct[i]);
            }
            if (direct[i].empty()) {
                continue;
            }
            const auto e = answer(direct[i]);
            rel.s_of_[i] = e.antigens;
            rel.s_direct_[i] = e.direct;
        }
        for (auto& [key, ags] : by_prefix) {
            if (ags.empty() || rel.index_.contains(key)) {
                continue;
            }
            rel.s_prefix_.emplace(key, answer(ags));
        }
        // DON-SER-004 (py-ard's reading): lgx name -> the antigens of the alleles it answers
        // for; then each 2-field name -> the union over its lgx answers
        std::unordered_map<hla_name, std::vector<hla_name>, hla_name_hash> by_lgx;
        for (std::size_t i = 0; i < rel.alleles_.size(); ++i) {
            if (direct[i].empty()) {
                continue;
            }
            const auto& sp = rel.lgx_of_[i];
            for (std::uint32_t k = 0; k < sp.count; ++k) {
                add_distinct(by_lgx[rel.lgx_pool_[sp.offset + k]], direct[i]);
            }
        }
        const auto two_lgx = [&](const hla_name& key, const std::vector<hla_name>& lgx_names) {
            std::vector<hla_name> ags;
            for (const auto& l : lgx_names) {
                if (const auto it = by_lgx.find(l); it != by_lgx.end()) {
                    add_distinct(ags, it->second);
                }
            }
            if (!ags.empty()) {
                rel.s_two_lgx_.emplace(key, answer(ags));
            }
        };
        for (std::size_t i = 0; i < rel.alleles_.size(); ++i) {
            if (rel.alleles_[i].field_count() != 2) {
                continue;
            }
            const auto& sp = rel.lgx_of_[i];
            two_lgx(rel.alleles_[i], std::vector<hla_name>(rel.lgx_pool_.begin() + sp.offset,
                                                           rel.lgx_pool_.begin() + sp.offset + sp.count));
        }
        for (const auto& key : rel.known_prefix_) {
            if (key.field_count() != 2 || rel.index_.contains(key)) {
                continue;
            }
            const auto step = rel.lgx_of(key);
            if (step.all.count > 0) {
                two_lgx(key, std::vector<hla_name>(rel.lgx_pool_.begin() + step.all.offset,
                                                   rel.lgx_pool_.begin() + step.all.offset + step.all.count));
            } else {
                two_lgx(key, {step.computed});
            }
        }
    }

    // --- dpb_tce.csv: Allele,Protein,V1_Assignment,V2_Assignment,Comments (DON-TCE-001) ------
    {
        detail::release_file f("dpb_tce.csv", std::move(texts.dpb_tce));
        if (auto e = detail::read_release_header_of(f, rel.version_)) {
            return *std::move(e);
        }
        if (!f.next(line)) {
            return f.ended("the column line Allele,Protein,V1_Assignment,V2_Assignment,Comments");
        }
        if (line != "Allele,Protein,V1_Assignment,V2_Assignment,Comments") {
            return f.fail(errc::syntax, line,
                          "the column line Allele,Protein,V1_Assignment,V2_Assignment,Comments");
        }
        // "3", "3$", "2a", "0", "" (V1 only): the group and whether it was predicted in silico
        const auto group_of = [](std::string_view t, bool& in_silico) -> std::optional<dpb1_tce_group> {
            in_silico = !t.empty() && t.back() == '$';
            if (in_silico) {
                t.remove_suffix(1);
            }
            if (t == "1") return dpb1_tce_group::group_1;
            if (t == "2") return dpb1_tce_group::group_2;
            if (t == "3") return dpb1_tce_group::group_3;
            if (t == "2a") return dpb1_tce_group::group_2a;
            if (t == "0") return dpb1_tce_group::null_allele;
            return std::nullopt;
        };
        while (f.next(line)) {
            const auto cols = detail::split_keep_empty(line, ',');
            if (cols.size() != 5) {
                return f.fail(errc::syntax, line, "allele,protein,V1,V2,comments");
            }
            const auto n = parse_hla_name(cols[0]);
            if (!n || n->locus() != "DPB1" || !rel.index_.contains(*n)) {
                return f.fail(errc::inconsistent, line, "a DPB1 allele that Allelelist.txt lists");
            }
            dpb1_tce t;
            if (cols[1] != "NA") {
                const auto pr = parse_hla_name(cols[1]);
                if (!pr || pr->kind() != hla_name_kind::allele || pr->field_count() != 2 ||
                    pr->locus() != "DPB1") {
                    return f.fail(errc::syntax, line, "a 2-field DPB1 protein name or NA");
                }
                t.protein = *pr;
            }
            bool silico = false;
            if (!cols[2].empty()) {
                t.v1 = group_of(cols[2], silico);
                if (!t.v1 || *t.v1 == dpb1_tce_group::group_2a) {
                    return f.fail(errc::syntax, line, "a V1 group: 0, 1, 2 or 3, '$' if predicted");
                }
                t.v1_in_silico = silico;
            }
            const auto v2 = group_of(cols[3], silico);
            if (!v2) {
                return f.fail(errc::syntax, line, "a V2 group: 0, 1, 2, 2a or 3, '$' if predicted");
            }
            t.v2 = *v2;
            t.v2_in_silico = silico;
            if (!rel.tce_.emplace(*n, t).second) {
                return f.fail(errc::inconsistent, line, "each allele listed once");
            }
            if (t.protein && !rel.index_.contains(*t.protein)) {
                // the protein name answers for its alleles; they must agree
                const auto [it, fresh] = rel.tce_.emplace(*t.protein, t);
                if (!fresh && (it->second.v1 != t.v1 || it->second.v2 != t.v2 ||
                               it->second.v1_in_silico != t.v1_in_silico ||
                               it->second.v2_in_silico != t.v2_in_silico)) {
                    return f.fail(errc::inconsistent, line,
                                  "the same assignment for every allele of a protein");
                }
            }
        }
    }

    // --- expansions (DON-RED-005) ---------------------------------------------------------------
    {
        std::unordered_map<hla_name, std::vector<hla_name>, hla_name_hash> members;
        for (std::size_t i = 0; i < rel.alleles_.size(); ++i) {
            const hla_name& a = rel.alleles_[i];
            if (rel.g_of_[i].count != 0) {
                members[rel.g_pool_[rel.g_of_[i].offset]].push_back(a);
            }
            if (rel.p_of_[i].count != 0) {
                members[rel.p_pool_[rel.p_of_[i].offset]].push_back(a);
            }
            const auto& sp = rel.s_of_[i];
            for (std::uint32_t k = 0; k < sp.count; ++k) {
                members[rel.ser_pool_[sp.offset + k]].push_back(a);
            }
        }
        std::unordered_map<hla_name, std::vector<hla_name>, hla_name_hash> xx;
        for (const hla_name& a : rel.alleles_) {
            if (a.field_count() >= 2) {
                xx[a.with_fields(1, hla_name_kind::allele, hla_expression::expressed)].push_back(
                    hla_release::two_fields(a));
            }
        }
        for (const auto& pair : {std::pair{&members, &rel.members_}, std::pair{&xx, &rel.xx_}}) {
            const bool in_file_order = pair.first == &members;  // each allele added once
            for (auto& [key, list] : *pair.first) {
                if (!in_file_order) {
                    std::sort(list.begin(), list.end());
                    list.erase(std::unique(list.begin(), list.end()), list.end());
                }
                const auto offset = static_cast<std::uint32_t>(rel.member_pool_.size());
                rel.member_pool_.insert(rel.member_pool_.end(), list.begin(), list.end());
                pair.second->emplace(key, hla_release::span_ref{offset, static_cast<std::uint32_t>(list.size())});
            }
        }
    }

    // --- every answer of reduce(), once: one hash look-up a name afterwards ---------------------
    {
        std::vector<hla_name> keys(rel.alleles_.begin(), rel.alleles_.end());
        keys.insert(keys.end(), rel.known_prefix_.begin(), rel.known_prefix_.end());
        keys.insert(keys.end(), rel.suffixed_prefix_.begin(), rel.suffixed_prefix_.end());
        rel.entries_.reserve(keys.size());
        std::unordered_set<hla_name, hla_name_hash> seen;
        std::vector<std::pair<hla_name, std::uint32_t>> index;
        index.reserve(keys.size());
        for (const hla_name& key : keys) {
            if (!seen.insert(key).second) {
                continue;
            }
            hla_release::name_entry e;
            const auto resolved = rel.resolve(key);
            for (std::size_t k = 0; k < hla_release::reductions; ++k) {
                const auto to = static_cast<hla_reduction>(k + 1);
                const hla_reduced ans = rel.reduce_slow(resolved, to);
                auto& pool = rel.pool_of(to);
                auto& a = e.answers[k];
                const auto names = ans.names();
                a.status = ans.status();
                a.count = static_cast<std::uint16_t>(names.size());
                const std::less<const hla_name*> before;
                const bool in_pool = !names.empty() && !before(names.data(), pool.data()) &&
                                     before(names.data(), pool.data() + pool.size());
                if (in_pool) {
                    a.offset = static_cast<std::uint32_t>(names.data() - pool.data());
                } else if (!names.empty()) {  // an answer held by the answer itself
                    a.offset = static_cast<std::uint32_t>(pool.size());
                    pool.insert(pool.end(), names.begin(), names.end());
                }
            }
            index.emplace_back(key, static_cast<std::uint32_t>(rel.entries_.size()));
            rel.entries_.push_back(e);
        }
        rel.names_.build(index);
        // the tables the answers came from are not needed any more
        rel.g_of_ = {};
        rel.p_of_ = {};
        rel.lgx_of_ = {};
        rel.s_of_ = {};
        rel.s_direct_ = {};
        rel.grouped_ = {};
        rel.g_prefix_ = {};
        rel.p_prefix_ = {};
        rel.s_prefix_ = {};
        rel.s_two_lgx_ = {};
        rel.lgx_tab_ = {};
        rel.p_not_g_ = {};
        rel.p_not_g_values_ = {};
        rel.known_prefix_ = {};
        rel.suffixed_prefix_ = {};
        for (auto* pool : {&rel.g_pool_, &rel.p_pool_, &rel.lgx_pool_, &rel.lg_pool_, &rel.ser_pool_}) {
            pool->shrink_to_fit();
        }
    }
    return rel;
}

/// DON-REL-001/002: loads the names of the IPD-IMGT/HLA release in `directory` (its
/// Allelelist.txt and hla_nom.txt, as IPD-IMGT/HLA publishes them). A file that cannot be read
/// is errc::missing naming it; the rest as load_hla_release(texts).
template <class Directory>
    requires std::convertible_to<const Directory&, std::string_view>
[[nodiscard]] result<hla_release> load_hla_release(const Directory& directory) {
    const std::string_view given = directory;
    const std::string dir = given.empty() || given.back() == '/' ? std::string(given)
                                                                  : std::string(given) + "/";
    hla_release_texts texts;
    for (auto [name, text] : {std::pair{"Allelelist.txt", &texts.allelelist},
                              std::pair{"hla_nom.txt", &texts.hla_nom},
                              std::pair{"hla_nom_g.txt", &texts.hla_nom_g},
                              std::pair{"hla_nom_p.txt", &texts.hla_nom_p},
                              std::pair{"rel_dna_ser.txt", &texts.rel_dna_ser},
                              std::pair{"rel_ser_ser.txt", &texts.rel_ser_ser},
                              std::pair{"dpb_tce.csv", &texts.dpb_tce}}) {
        auto read = detail::read_whole_file(dir + name);
        if (!read) {
            return error(errc::missing, field_ref(name), dir + name,
                         std::string("a readable file (an IPD-IMGT/HLA release directory holds ") +
                             name + ")",
                         "DON-REL-001");
        }
        *text = std::move(*read);
    }
    return load_hla_release(std::move(texts));
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_HLA_RELEASE_HPP
