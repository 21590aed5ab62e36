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
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "hsct/donor/gl_string.hpp"
#include "hsct/donor/hla_name.hpp"
#include "hsct/donor/hla_release.hpp"
#include "hsct/donor/mac_table.hpp"

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

/// The reducer's working memory: reduced subtrees in one array, their children as runs of an
/// index array, the texts compared while sorting in one character buffer. One per thread,
/// reused, so that a reduction allocates only its answer.
struct gl_scratch {
    struct item {
        hla_name name;
        std::uint32_t kids = 0;        ///< first child, in `index`
        std::uint32_t kid_count = 0;
        std::uint32_t text = 0;        ///< printed text in `chars` (when text_size != 0)
        std::uint32_t text_size = 0;
        std::uint32_t first = 0;       ///< printed first name in `chars` (when first_size != 0)
        std::uint32_t first_size = 0;
        gl_operator op = gl_operator::allele_list;
        bool leaf = true;
    };
    std::vector<item> items;
    std::vector<std::uint32_t> index;
    std::vector<std::uint32_t> stack;  ///< children being collected, for all open nodes
    std::string chars;
    std::vector<hla_name> names;       ///< an expanded name's reductions

    void clear() {
        items.clear();
        index.clear();
        stack.clear();
        chars.clear();
    }
};

inline constexpr std::uint32_t gl_none = 0xFFFFFFFFU;  ///< a dropped subtree

class gl_reducer {
public:
    gl_reducer(const hla_release& rel, hla_reduction to, std::vector<gl_reduction_note>& notes,
               gl_scratch& s, const mac_table* macs)
        : rel_(rel), to_(to), notes_(notes), s_(s), macs_(macs) {}

    /// The reduced subtree of `node` (an index into s_.items), or gl_none.
    [[nodiscard]] std::uint32_t reduce(const gl_node& node) {
        if (node.is_name()) {
            return leaf(node.name(), next_index_++);
        }
        const gl_operator op = node.op();
        const bool flatten = op == gl_operator::allele_list || op == gl_operator::genotype_list ||
                             op == gl_operator::multilocus;
        const std::size_t base = s_.stack.size();
        for (std::size_t k = 0; k < node.child_count(); ++k) {
            const std::uint32_t kid = reduce(node.child(k));
            if (kid == gl_none) {
                continue;
            }
            const auto& it = s_.items[kid];
            if (flatten && !it.leaf && it.op == op) {  // "A/B" inside a '/' list joins it
                for (std::uint32_t j = 0; j < it.kid_count; ++j) {
                    s_.stack.push_back(s_.index[it.kids + j]);
                }
            } else {
                s_.stack.push_back(kid);
            }
        }
        return close(op, base, flatten);
    }

private:
    /// Makes a node of the children collected on the stack since `base`: de-duplicated ('/',
    /// '|', '^'), sorted (all but '~'); one child stands alone; none is gl_none.
    [[nodiscard]] std::uint32_t close(gl_operator op, std::size_t base, bool dedupe) {
        auto& st = s_.stack;
        if (dedupe) {
            std::size_t kept = base;
            for (std::size_t k = base; k < st.size(); ++k) {
                bool dup = false;
                for (std::size_t j = base; j < kept && !dup; ++j) {
                    dup = same(st[j], st[k]);
                }
                if (!dup) {
                    st[kept++] = st[k];
                }
            }
            st.resize(kept);
        }
        const std::size_t n = st.size() - base;
        if (n == 0) {
            return gl_none;
        }
        if (n == 1) {
            const std::uint32_t only = st[base];
            st.resize(base);
            return only;
        }
        if (op != gl_operator::haplotype) {
            const auto less = [this](std::uint32_t a, std::uint32_t b) { return compare(a, b) < 0; };
            if (n <= 16) {  // insertion sort: stable, and no buffer to allocate
                for (std::size_t k = base + 1; k < st.size(); ++k) {
                    const std::uint32_t v = st[k];
                    std::size_t j = k;
                    for (; j > base && less(v, st[j - 1]); --j) {
                        st[j] = st[j - 1];
                    }
                    st[j] = v;
                }
            } else {
                std::stable_sort(st.begin() + static_cast<std::ptrdiff_t>(base), st.end(), less);
            }
        }
        gl_scratch::item node;
        node.leaf = false;
        node.op = op;
        node.kids = static_cast<std::uint32_t>(s_.index.size());
        node.kid_count = static_cast<std::uint32_t>(n);
        s_.index.insert(s_.index.end(), st.begin() + static_cast<std::ptrdiff_t>(base), st.end());
        st.resize(base);
        s_.items.push_back(node);
        return static_cast<std::uint32_t>(s_.items.size() - 1);
    }

    [[nodiscard]] bool same(std::uint32_t a, std::uint32_t b) {
        const auto& x = s_.items[a];
        const auto& y = s_.items[b];
        if (x.leaf != y.leaf) {
            return false;
        }
        if (x.leaf) {
            return x.name == y.name && x.name.has_prefix() == y.name.has_prefix();
        }
        const hla_name& p = first_name(a);
        const hla_name& q = first_name(b);
        if (!(p == q) || p.has_prefix() != q.has_prefix()) {
            return false;  // the texts differ in their first name
        }
        static_cast<void>(text(a));  // both made first: making one may move the buffer
        static_cast<void>(text(b));
        return text(a) == text(b);
    }

    /// The first name a subtree prints.
    [[nodiscard]] const hla_name& first_name(std::uint32_t i) const {
        while (!s_.items[i].leaf) {
            i = s_.index[s_.items[i].kids];
        }
        return s_.items[i].name;
    }

    /// py-ard 2.3.1's smart sort (smart_sort.py): equal texts are equal; two names compare by
    /// their numeric fields (missing fields count as 0; locus and letters ignored); anything
    /// holding an operator compares by its text.
    [[nodiscard]] int compare(std::uint32_t a, std::uint32_t b) {
        const auto& x = s_.items[a];
        const auto& y = s_.items[b];
        if (x.leaf && y.leaf) {
            for (std::size_t i = 0; i < 4; ++i) {
                const unsigned p = i < x.name.field_count() ? x.name.field(i) : 0U;
                const unsigned q = i < y.name.field_count() ? y.name.field(i) : 0U;
                if (p != q) {
                    return p < q ? -1 : 1;
                }
            }
            return 0;
        }
        // The texts usually differ inside their first names: compare those, unless one name
        // is a prefix of the other (then what follows it decides)
        static_cast<void>(first_text(a));  // both made first: making one may move the buffer
        static_cast<void>(first_text(b));
        const std::string_view tx = first_text(a);
        const std::string_view ty = first_text(b);
        const std::size_t n = std::min(tx.size(), ty.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (tx[i] != ty[i]) {
                return static_cast<unsigned char>(tx[i]) < static_cast<unsigned char>(ty[i]) ? -1 : 1;
            }
        }
        static_cast<void>(text(a));
        static_cast<void>(text(b));
        const int c = text(a).compare(text(b));
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    /// The printed text of subtree i's first name (made once, kept in the scratch buffer).
    [[nodiscard]] std::string_view first_text(std::uint32_t i) {
        auto& it = s_.items[i];
        if (it.first_size == 0) {
            char buf[hla_name::max_chars];
            char* end = first_name(i).to_chars(buf, buf + sizeof buf);
            it.first = static_cast<std::uint32_t>(s_.chars.size());
            it.first_size = static_cast<std::uint32_t>(end - buf);
            s_.chars.append(buf, it.first_size);
        }
        return std::string_view(s_.chars).substr(it.first, it.first_size);
    }

    /// The printed text of subtree i (made once, kept in the scratch buffer).
    [[nodiscard]] std::string_view text(std::uint32_t i) {
        if (s_.items[i].text_size == 0) {
            const auto start = static_cast<std::uint32_t>(s_.chars.size());
            print(i);
            s_.items[i].text = start;
            s_.items[i].text_size = static_cast<std::uint32_t>(s_.chars.size()) - start;
        }
        return std::string_view(s_.chars).substr(s_.items[i].text, s_.items[i].text_size);
    }
    void print(std::uint32_t i) {
        const auto& it = s_.items[i];
        if (it.leaf) {
            char buf[hla_name::max_chars];
            char* end = it.name.to_chars(buf, buf + sizeof buf);
            s_.chars.append(buf, static_cast<std::size_t>(end - buf));
            return;
        }
        for (std::uint32_t k = 0; k < it.kid_count; ++k) {
            if (k != 0) {
                s_.chars += gl_symbol(it.op);
            }
            print(s_.index[it.kids + k]);
        }
    }

    [[nodiscard]] std::uint32_t push_leaf(const hla_name& n) {
        gl_scratch::item it;
        it.name = n;
        s_.items.push_back(it);
        return static_cast<std::uint32_t>(s_.items.size() - 1);
    }

    /// One name, or a '/' list of names, with the prefix the input name carried.
    [[nodiscard]] std::uint32_t list_of(std::span<const hla_name> names, bool prefix) {
        if (names.size() == 1) {
            return push_leaf(prefix ? names[0].with_prefix() : names[0]);
        }
        const std::size_t base = s_.stack.size();
        for (const auto& n : names) {
            s_.stack.push_back(push_leaf(prefix ? n.with_prefix() : n));
        }
        return close(gl_operator::allele_list, base, false);
    }

    [[nodiscard]] std::uint32_t leaf(const hla_name& name, std::size_t index) {
        const bool prefix = name.has_prefix();
        const auto note = [&](hla_reduction_status st) { notes_.push_back({name, index, st}); };
        switch (name.kind()) {
            case hla_name_kind::allele: {
                const hla_reduced r = rel_.reduce(name, to_);
                if (r.status() == hla_reduction_status::not_in_release) {
                    note(r.status());
                    return push_leaf(name);
                }
                if (r.status() == hla_reduction_status::no_antigen) {
                    note(r.status());
                    return gl_none;
                }
                return list_of(r.names(), prefix);
            }
            case hla_name_kind::mac: {
                if (macs_ == nullptr) {
                    break;  // no table: kept as written, not_applicable
                }
                const auto listed = macs_->expand(name);
                if (!listed) {
                    note(hla_reduction_status::mac_unknown);
                    return push_leaf(name);
                }
                return union_of(*listed, name, index, prefix);
            }
            case hla_name_kind::g_group:
            case hla_name_kind::p_group:
            case hla_name_kind::xx:
            case hla_name_kind::serology: {
                const std::vector<hla_name> members = rel_.expand(name);
                if (members.empty()) {
                    note(hla_reduction_status::not_in_release);
                    return push_leaf(name);
                }
                return union_of(members, name, index, prefix);
            }
            case hla_name_kind::lg_group: break;
        }
        note(hla_reduction_status::not_applicable);
        return push_leaf(name);
    }

    /// The names `members` reduce to, joined with '/'; members the release does not know are
    /// left out (a MAC code may list names of other releases); none known: noted, kept.
    [[nodiscard]] std::uint32_t union_of(const std::vector<hla_name>& members, const hla_name& name,
                                         std::size_t index, bool prefix) {
        const auto note = [&](hla_reduction_status st) { notes_.push_back({name, index, st}); };
        auto& all = s_.names;
        all.clear();
        bool known = false;
        for (const auto& m : members) {
            const hla_reduced r = rel_.reduce(m, to_);
            known = known || r.status() != hla_reduction_status::not_in_release;
            all.insert(all.end(), r.names().begin(), r.names().end());
        }
        if (!known) {
            note(hla_reduction_status::not_in_release);
            return push_leaf(name);
        }
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        if (all.empty()) {  // serology of alleles none of which has an antigen
            note(hla_reduction_status::no_antigen);
            return gl_none;
        }
        const std::vector<hla_name> names(all.begin(), all.end());
        return list_of(names, prefix);
    }

    const hla_release& rel_;
    hla_reduction to_;
    std::vector<gl_reduction_note>& notes_;
    gl_scratch& s_;
    const mac_table* macs_;
    std::size_t next_index_ = 0;
};

/// Builds a gl_string from a reduced tree (pre-order, as the reader lays it out).
struct gl_builder {
    static void emit(gl_string& g, const gl_scratch& s, std::uint32_t i) {
        const auto& it = s.items[i];
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
        for (std::uint32_t k = 0; k < it.kid_count; ++k) {
            emit(g, s, s.index[it.kids + k]);
        }
        g.nodes_[self].children = it.kid_count;
        g.nodes_[self].size = static_cast<std::uint32_t>(g.nodes_.size()) - self;
    }
    static void reserve(gl_string& g, std::size_t n) { g.nodes_.reserve(n); }
};

/// The subtree's node count.
[[nodiscard]] inline std::size_t gl_count(const gl_scratch& s, std::uint32_t i) {
    const auto& it = s.items[i];
    std::size_t n = 1;
    for (std::uint32_t k = 0; !it.leaf && k < it.kid_count; ++k) {
        n += gl_count(s, s.index[it.kids + k]);
    }
    return n;
}

}  // namespace detail

namespace detail {
template <class = void>  // compiled only where a GL String is reduced
[[nodiscard]] gl_reduction reduce_gl_with(const hla_release& rel, const gl_string& gl,
                                                hla_reduction to, const mac_table* macs) {
    gl_reduction out;
    out.to = to;
    out.release_version = rel.version();
    thread_local detail::gl_scratch scratch;
    scratch.clear();
    detail::gl_reducer reducer(rel, to, out.notes, scratch, macs);
    const std::uint32_t top = reducer.reduce(gl.root());
    if (top != detail::gl_none) {
        gl_string g;
        detail::gl_builder::reserve(g, detail::gl_count(scratch, top));
        detail::gl_builder::emit(g, scratch, top);
        out.gl = std::move(g);
    }
    return out;
}
}  // namespace detail

/// DON-RED-006: reduces every name of `gl` to `to` in `rel` and rebuilds the operators as
/// py-ard 2.3.1 does (header comment). Never fails: what the release cannot answer is a note.
/// MAC names are kept as written (not_applicable): pass a MAC table to reduce them.
template <class = void>  // a template so that a TU that reduces nothing does not compile it
[[nodiscard]] gl_reduction reduce_gl(const hla_release& rel, const gl_string& gl,
                                     hla_reduction to) {
    return detail::reduce_gl_with(rel, gl, to, nullptr);
}

/// The same, with MAC names expanded by `macs` (DON-MAC-001) and reduced as the '/' list of the
/// names the release knows; a code the table does not have, or does not allow under that first
/// field, is kept as written and noted (mac_unknown).
template <class = void>
[[nodiscard]] gl_reduction reduce_gl(const hla_release& rel, const gl_string& gl,
                                     hla_reduction to, const mac_table& macs) {
    return detail::reduce_gl_with(rel, gl, to, &macs);
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_GL_REDUCTION_HPP
