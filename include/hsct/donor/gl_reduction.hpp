// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Reduction of a whole GL String in a loaded release (DON-RED-006): every name is reduced (to G,
// P, lgx, lg or serology) and the operators are rebuilt as py-ard 2.3.1 rebuilds them, so that
// registry typings reduce to the same text:
//
//   auto rel = hsct::donor::load_hla_release("/data/IMGTHLA/3.58.0").value();
//   auto gl  = hsct::donor::parse_gl_string("A*02:01+A*24:02^B*07:02+B*44:02").value();
//   auto r   = hsct::donor::reduce_gl(rel, gl, hsct::donor::hla_reduction::g_group);
//   r.text();      // "A*02:01:01G/A*02:01:02G+A*24:02:01G/A*24:02:34G/...^B*07:02:01G/..."
//   r.complete();  // true: every name was reduced
//   r.notes;       // otherwise: each name the release could not reduce, and why
//
// Names: an allele name (or a prefix of current alleles) as hla_release::reduce; a G or P
// group, an XX code or a serological antigen as the '/' list of the names it stands for
// (hla_release::expand, DON-RED-005); a MAC code or an lg name is kept as written and noted
// (not_applicable). A name the release does not know is kept as written and noted
// (not_in_release); under serology a name with no antigen is dropped and noted (no_antigen).
// Nothing is dropped without a note.
//
// Operators (py-ard 2.3.1, gl_string_processor.py): '/', '|' and '^' are flattened (a '/' list
// inside a '/' list joins it), de-duplicated and sorted; '+' is sorted, never de-duplicated (a
// homozygous pair stays a pair); '~' keeps its order. Sorting is py-ard's: two names compare by
// their numeric fields (the locus and the letters ignored), anything holding an operator by
// its text; ties keep their order.
#ifndef HSCT_DONOR_GL_REDUCTION_HPP
#define HSCT_DONOR_GL_REDUCTION_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "hsct/donor/gl_string.hpp"
#include "hsct/donor/hla_name.hpp"
#include "hsct/donor/hla_release.hpp"

namespace hsct::donor {

/// A name of the GL String that the release could not reduce.
struct gl_reduction_note {
    hla_name name;               ///< as written
    std::size_t name_index = 0;  ///< its place among the GL String's names, from 0, as written
    /// not_in_release (kept as written), not_applicable (a MAC or lg name: kept as written),
    /// no_antigen (serology: dropped)
    hla_reduction_status status = hla_reduction_status::not_in_release;

    friend bool operator==(const gl_reduction_note&, const gl_reduction_note&) = default;
};

/// The reduced GL String, what was reduced to, the release that answered, and a note for every
/// name it could not reduce.
struct gl_reduction {
    /// Empty only when every name was dropped (serology of names that have no antigen).
    std::optional<gl_string> gl;
    std::vector<gl_reduction_note> notes;
    hla_reduction to = hla_reduction::g_group;
    std::string_view release_version;

    /// Every name was reduced.
    [[nodiscard]] bool complete() const noexcept { return notes.empty(); }
    /// The reduced GL String's text ("" when gl is empty).
    [[nodiscard]] std::string text() const { return gl ? gl->text() : std::string(); }
};

namespace detail {

/// A reduced subtree: a name, or an operator over reduced subtrees; or nothing (dropped).
struct gl_item {
    hla_name name;
    std::vector<gl_item> kids;
    gl_operator op = gl_operator::allele_list;
    bool leaf = true;
    bool empty = false;
    mutable std::string text_;  ///< a composite's text, made when first compared

    [[nodiscard]] const std::string& text() const {
        if (text_.empty()) {
            if (leaf) {
                text_ = to_string(name);
            } else {
                for (std::size_t k = 0; k < kids.size(); ++k) {
                    if (k != 0) {
                        text_ += gl_symbol(op);
                    }
                    text_ += kids[k].text();
                }
            }
        }
        return text_;
    }
};

/// py-ard 2.3.1's smart sort (smart_sort.py): equal texts are equal; two names compare by
/// their numeric fields (missing fields count as 0; locus and letters ignored); anything
/// holding an operator compares by text.
[[nodiscard]] inline int gl_smart_compare(const gl_item& a, const gl_item& b) {
    if (a.leaf && b.leaf) {
        if (a.name == b.name && a.name.has_prefix() == b.name.has_prefix()) {
            return 0;
        }
        for (std::size_t i = 0; i < 4; ++i) {
            const unsigned x = i < a.name.field_count() ? a.name.field(i) : 0U;
            const unsigned y = i < b.name.field_count() ? b.name.field(i) : 0U;
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }
    const int c = a.text().compare(b.text());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/// Builds a gl_string from a reduced tree (pre-order, as the reader lays it out).
struct gl_builder {
    static void emit(gl_string& g, const gl_item& it) {
        if (it.leaf) {
            gl_string::node n;
            n.name = it.name;
            g.nodes_.push_back(n);
            return;
        }
        const auto self = static_cast<std::uint32_t>(g.nodes_.size());
        g.nodes_.push_back({});
        g.nodes_[self].leaf = false;
        g.nodes_[self].op = it.op;
        for (const auto& k : it.kids) {
            emit(g, k);
        }
        g.nodes_[self].children = static_cast<std::uint32_t>(it.kids.size());
        g.nodes_[self].size = static_cast<std::uint32_t>(g.nodes_.size()) - self;
    }
};

class gl_reducer {
public:
    gl_reducer(const hla_release& rel, hla_reduction to, std::vector<gl_reduction_note>& notes)
        : rel_(rel), to_(to), notes_(notes) {}

    [[nodiscard]] gl_item reduce(const gl_node& node) {
        if (node.is_name()) {
            return leaf(node.name(), next_index_++);
        }
        gl_item out;
        out.leaf = false;
        out.op = node.op();
        out.kids.reserve(node.child_count());
        for (std::size_t k = 0; k < node.child_count(); ++k) {
            gl_item kid = reduce(node.child(k));
            if (kid.empty) {
                continue;
            }
            if (!kid.leaf && kid.op == out.op && out.op != gl_operator::genotype &&
                out.op != gl_operator::haplotype) {
                for (auto& g : kid.kids) {  // flatten: "A/B" inside a '/' list joins it
                    out.kids.push_back(std::move(g));
                }
            } else {
                out.kids.push_back(std::move(kid));
            }
        }
        return finish(std::move(out));
    }

private:
    /// De-duplicates ('/', '|', '^'), sorts (all but '~') and collapses a single child.
    [[nodiscard]] static gl_item finish(gl_item out) {
        if (out.op == gl_operator::allele_list || out.op == gl_operator::genotype_list ||
            out.op == gl_operator::multilocus) {
            dedupe(out.kids);
        }
        if (out.kids.empty()) {
            gl_item none;
            none.empty = true;
            return none;
        }
        if (out.kids.size() == 1) {
            return std::move(out.kids.front());
        }
        if (out.op != gl_operator::haplotype) {
            std::stable_sort(out.kids.begin(), out.kids.end(), [](const gl_item& a, const gl_item& b) {
                return gl_smart_compare(a, b) < 0;
            });
        }
        return out;
    }

    static void dedupe(std::vector<gl_item>& kids) {
        std::vector<gl_item> kept;
        kept.reserve(kids.size());
        const bool names_only =
            std::all_of(kids.begin(), kids.end(), [](const gl_item& k) { return k.leaf; });
        if (names_only && kids.size() > 8) {
            std::unordered_set<hla_name, hla_name_hash> seen;
            for (auto& k : kids) {
                if (seen.insert(k.name).second) {
                    kept.push_back(std::move(k));
                }
            }
        } else {
            for (auto& k : kids) {
                const bool dup = std::any_of(kept.begin(), kept.end(), [&k](const gl_item& x) {
                    return x.leaf == k.leaf && (k.leaf ? x.name == k.name : x.text() == k.text());
                });
                if (!dup) {
                    kept.push_back(std::move(k));
                }
            }
        }
        kids = std::move(kept);
    }

    [[nodiscard]] gl_item leaf(const hla_name& name, std::size_t index) {
        const bool prefix = name.has_prefix();
        const auto as_written = [&name]() {
            gl_item it;
            it.name = name;
            return it;
        };
        const auto note = [&](hla_reduction_status st) {
            notes_.push_back({name, index, st});
        };
        switch (name.kind()) {
            case hla_name_kind::allele: {
                const hla_reduced r = rel_.reduce(name, to_);
                if (r.status() == hla_reduction_status::not_in_release) {
                    note(r.status());
                    return as_written();
                }
                if (r.status() == hla_reduction_status::no_antigen) {
                    note(r.status());
                    gl_item none;
                    none.empty = true;
                    return none;
                }
                return list_of(r.names(), prefix);
            }
            case hla_name_kind::g_group:
            case hla_name_kind::p_group:
            case hla_name_kind::xx:
            case hla_name_kind::serology: {
                const std::vector<hla_name> members = rel_.expand(name);
                if (members.empty()) {
                    note(hla_reduction_status::not_in_release);
                    return as_written();
                }
                std::vector<hla_name> all;
                for (const auto& m : members) {
                    const hla_reduced r = rel_.reduce(m, to_);
                    all.insert(all.end(), r.names().begin(), r.names().end());
                }
                std::sort(all.begin(), all.end());
                all.erase(std::unique(all.begin(), all.end()), all.end());
                if (all.empty()) {  // serology of alleles none of which has an antigen
                    note(hla_reduction_status::no_antigen);
                    gl_item none;
                    none.empty = true;
                    return none;
                }
                gl_item list = list_of(all, prefix);
                return list.leaf ? list : finish(std::move(list));
            }
            case hla_name_kind::mac:
            case hla_name_kind::lg_group: break;
        }
        note(hla_reduction_status::not_applicable);
        return as_written();
    }

    /// One name, or a '/' list of names (in the release's name order), with the prefix the
    /// input name carried.
    [[nodiscard]] static gl_item list_of(std::span<const hla_name> names, bool prefix) {
        const auto one = [prefix](const hla_name& n) {
            gl_item it;
            it.name = prefix ? n.with_prefix() : n;
            return it;
        };
        if (names.size() == 1) {
            return one(names[0]);
        }
        gl_item list;
        list.leaf = false;
        list.op = gl_operator::allele_list;
        list.kids.reserve(names.size());
        for (const auto& n : names) {
            list.kids.push_back(one(n));
        }
        return list;
    }

    const hla_release& rel_;
    hla_reduction to_;
    std::vector<gl_reduction_note>& notes_;
    std::size_t next_index_ = 0;
};

}  // namespace detail

/// DON-RED-006: reduces every name of `gl` to `to` in `rel` and rebuilds the operators as
/// py-ard 2.3.1 does (header comment). Never fails: what the release cannot answer is a note.
[[nodiscard]] inline gl_reduction reduce_gl(const hla_release& rel, const gl_string& gl,
                                            hla_reduction to) {
    gl_reduction out;
    out.to = to;
    out.release_version = rel.version();
    detail::gl_reducer reducer(rel, to, out.notes);
    const detail::gl_item top = reducer.reduce(gl.root());
    if (!top.empty) {
        gl_string g;
        detail::gl_builder::emit(g, top);
        out.gl = std::move(g);
    }
    return out;
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_GL_REDUCTION_HPP
