// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// GL Strings (Milius RP et al., "Genotype List String: a grammar for describing HLA and KIR
// genotyping results in a text string", Tissue Antigens 2013;82(2):106-112) as a typed tree,
// read and printed back exactly, and GL String Codes (glstring.org, GLSC 1.0:
// `namespace#version#glstring`):
//
//   auto g = hsct::donor::parse_gl_string("HLA-A*01:01/HLA-A*01:02+HLA-A*24:02");
//   g->root().op();                   // gl_operator::genotype ('+')
//   g->root().child(0).op();          // gl_operator::allele_list ('/')
//   g->root().child(1).name();        // HLA-A*24:02
//   to_string(*g);                    // the text as read
//
// Operators, tightest first (DON-GL-001): '/' allele list (one of these alleles), '~' haplotype
// (alleles in phase), '+' genotype (the two copies at a locus), '|' genotype list (one of these
// genotypes), '^' multilocus unphased genotype. A string is split on the loosest operator
// present, then each part on the next. Every leaf is an HLA name (donor/hla_name.hpp, any
// shape). GL String 1.1's '?' (paralogous-gene ambiguity) is refused as unsupported, and so is
// anything else that is not a name or an operator; errors carry the offset of the first
// character that cannot be read.
#ifndef HSCT_DONOR_GL_STRING_HPP
#define HSCT_DONOR_GL_STRING_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/donor/hla_name.hpp"
#include "hsct/donor/vocabulary.hpp"

namespace hsct::donor {

/// The GL String operators, tightest binding first (DON-GL-001).
enum class gl_operator : std::uint8_t {
    allele_list = 1,    ///< '/': allelic ambiguity, one of these alleles
    haplotype = 2,      ///< '~': alleles in phase (cis), across loci
    genotype = 3,       ///< '+': the two gene copies at a locus
    genotype_list = 4,  ///< '|': genotypic ambiguity, one of these genotypes
    multilocus = 5,     ///< '^': genotype lists of different loci, unphased
};

constexpr auto hsct_enum_table(gl_operator) noexcept {
    return make_enum_table<gl_operator>("gl_operator", {
        {gl_operator::allele_list, "allele_list", "allele list (/)"},
        {gl_operator::haplotype, "haplotype", "haplotype (~)"},
        {gl_operator::genotype, "genotype", "genotype (+)"},
        {gl_operator::genotype_list, "genotype_list", "genotype list (|)"},
        {gl_operator::multilocus, "multilocus", "multilocus unphased genotype (^)"},
    });
}

/// The character of an operator ('/', '~', '+', '|', '^').
[[nodiscard]] constexpr char gl_symbol(gl_operator op) noexcept {
    switch (op) {
        case gl_operator::allele_list: return '/';
        case gl_operator::haplotype: return '~';
        case gl_operator::genotype: return '+';
        case gl_operator::genotype_list: return '|';
        case gl_operator::multilocus: return '^';
    }
    return '?';
}

class gl_string;
namespace detail {
struct gl_reader;
struct gl_builder;
}  // namespace detail

/// A node of a parsed GL String: an HLA name (a leaf) or an operator with two or more children.
/// A view into its gl_string (valid while the gl_string lives).
class gl_node {
public:
    [[nodiscard]] bool is_name() const noexcept;
    /// The name of a leaf. Precondition (contract): is_name().
    [[nodiscard]] const hla_name& name() const;
    /// The operator joining the children. Precondition (contract): !is_name().
    [[nodiscard]] gl_operator op() const;
    /// 0 for a name; 2 or more for an operator.
    [[nodiscard]] std::size_t child_count() const noexcept;
    /// Child i, in the order written. Precondition (contract): i < child_count().
    [[nodiscard]] gl_node child(std::size_t i) const;

private:
    friend class gl_string;
    gl_node(const gl_string* g, std::uint32_t i) noexcept : g_(g), i_(i) {}
    const gl_string* g_;
    std::uint32_t i_;
};

/// A parsed GL String: nodes in one vector (leaves hold their hla_name), printed back exactly.
class gl_string {
public:
    /// The whole string's node (a name when the string is one name).
    [[nodiscard]] gl_node root() const noexcept { return gl_node(this, 0); }
    /// The number of nodes (names and operators).
    [[nodiscard]] std::size_t node_count() const noexcept { return nodes_.size(); }
    /// Every name, in the order written.
    template <class F>
    void for_each_name(F&& f) const {
        for (const auto& n : nodes_) {
            if (n.leaf) {
                f(n.name);
            }
        }
    }

    friend bool operator==(const gl_string& a, const gl_string& b) {
        if (a.nodes_.size() != b.nodes_.size()) {
            return false;
        }
        for (std::size_t i = 0; i < a.nodes_.size(); ++i) {
            const auto& x = a.nodes_[i];
            const auto& y = b.nodes_[i];
            if (x.leaf != y.leaf || x.children != y.children ||
                (x.leaf ? !(x.name == y.name) : x.op != y.op)) {
                return false;
            }
        }
        return true;
    }

    /// The text as read.
    [[nodiscard]] std::string text() const {
        std::string s;
        s.reserve(nodes_.size() * 12);
        append(s, 0);
        return s;
    }

private:
    friend class gl_node;
    friend struct detail::gl_reader;
    friend struct detail::gl_builder;

    // Pre-order: a node's children follow it; `children` counts them (direct), `size` is the
    // number of nodes in its subtree including itself.
    struct node {
        hla_name name;
        std::uint32_t children = 0;
        std::uint32_t size = 1;
        gl_operator op = gl_operator::allele_list;
        bool leaf = true;
    };

    [[nodiscard]] std::uint32_t child_index(std::uint32_t parent, std::size_t k) const noexcept {
        std::uint32_t c = parent + 1;
        for (std::size_t j = 0; j < k; ++j) {
            c += nodes_[c].size;
        }
        return c;
    }
    void append(std::string& s, std::uint32_t i) const {
        const node& n = nodes_[i];
        if (n.leaf) {
            char buf[hla_name::max_chars];
            char* end = n.name.to_chars(buf, buf + sizeof buf);
            s.append(buf, static_cast<std::size_t>(end - buf));
            return;
        }
        std::uint32_t c = i + 1;
        for (std::uint32_t k = 0; k < n.children; ++k) {
            if (k != 0) {
                s += gl_symbol(n.op);
            }
            append(s, c);
            c += nodes_[c].size;
        }
    }

    std::vector<node> nodes_;
};

inline bool gl_node::is_name() const noexcept { return g_->nodes_[i_].leaf; }
inline const hla_name& gl_node::name() const {
    HSCT_EXPECTS(is_name(), "gl_node::name: an operator node has no name");
    return g_->nodes_[i_].name;
}
inline gl_operator gl_node::op() const {
    HSCT_EXPECTS(!is_name(), "gl_node::op: a name has no operator");
    return g_->nodes_[i_].op;
}
inline std::size_t gl_node::child_count() const noexcept { return g_->nodes_[i_].children; }
inline gl_node gl_node::child(std::size_t i) const {
    HSCT_EXPECTS(i < child_count(), "gl_node::child: no such child");
    return gl_node(g_, g_->child_index(i_, i));
}

namespace detail {
/// The reader behind parse_gl_string.
struct gl_reader {
    struct failure {
        std::size_t at = 0;
        const char* expected = "";
        bool in_name = false;  ///< the failure is inside a name: `expected` is the name's
    };

    [[nodiscard]] static bool read(std::string_view t, gl_string& out, failure& why) {
        // Characters that are neither part of a name nor an operator.
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '?') {
                why = {i, "a GL String 1.0 operator (/ ~ + | ^): '?' (GL String 1.1) is not supported", false};
                return false;
            }
        }
        return read_part(t, 0, t.size(), 0, out, why);
    }

private:
    static constexpr gl_operator loosest_first[] = {
        gl_operator::multilocus, gl_operator::genotype_list, gl_operator::genotype,
        gl_operator::haplotype, gl_operator::allele_list};

    [[nodiscard]] static bool read_part(std::string_view t, std::size_t b, std::size_t e,
                                        std::size_t level, gl_string& out, failure& why) {
        for (std::size_t l = level; l < 5; ++l) {
            const gl_operator op = loosest_first[l];
            const char sym = gl_symbol(op);
            if (t.substr(b, e - b).find(sym) == std::string_view::npos) {
                continue;
            }
            const auto self = static_cast<std::uint32_t>(out.nodes_.size());
            out.nodes_.push_back({});
            out.nodes_[self].leaf = false;
            out.nodes_[self].op = op;
            std::size_t start = b;
            std::uint32_t children = 0;
            for (std::size_t i = b; i <= e; ++i) {
                if (i != e && t[i] != sym) {
                    continue;
                }
                if (i == start) {
                    why = {i, i == e ? "a name after the operator" : "a name before the operator",
                           false};
                    return false;
                }
                if (!read_part(t, start, i, l + 1, out, why)) {
                    return false;
                }
                ++children;
                start = i + 1;
            }
            out.nodes_[self].children = children;
            out.nodes_[self].size = static_cast<std::uint32_t>(out.nodes_.size()) - self;
            return true;
        }
        // No operator left: one name.
        hla_name n;
        hla_name_reader::failure nf;
        if (!hla_name_reader::read(t.substr(b, e - b), n, nf)) {
            why = {b + nf.at, nf.expected, true};
            return false;
        }
        gl_string::node leaf;
        leaf.name = n;
        out.nodes_.push_back(leaf);
        return true;
    }
};
}  // namespace detail


/// DON-GL-001: reads a GL String. Error: errc::syntax, field "gl_string" (or `field`), the text,
/// what was expected (for a bad name: what the name reader expected), and error::position() at
/// the offset, within the whole string, of the first character that cannot be read.
[[nodiscard]] inline result<gl_string> parse_gl_string(std::string_view text,
                                                       field_ref field = "gl_string") {
    gl_string g;
    detail::gl_reader::failure why;
    if (detail::gl_reader::read(text, g, why)) {
        return g;
    }
    return error(errc::syntax, field, std::string(text), why.expected,
                 why.in_name ? "DON-NAME-001" : "DON-GL-001")
        .at_position(why.at);
}

/// The GL String as read.
[[nodiscard]] inline std::string to_string(const gl_string& g) { return g.text(); }

/// A GL String Code (glstring.org GLSC 1.0, DON-GL-002): a namespace ("hla"), the version of the
/// nomenclature the names follow (an IPD-IMGT/HLA release such as "3.58.0", or a date), and the
/// GL String.
struct gl_string_code {
    std::string name_space;  ///< "hla"
    std::string version;     ///< e.g. "3.58.0"
    gl_string gl;

    friend bool operator==(const gl_string_code&, const gl_string_code&) = default;
};

/// DON-GL-002: reads `namespace#version#glstring`. The namespace must be "hla" (KIR names are
/// not HLA names: "kir" is refused as unsupported); the version is any non-empty text without
/// '#' or blanks; the GL String reads as parse_gl_string. Errors: errc::syntax with the offset in
/// the whole code.
[[nodiscard]] inline result<gl_string_code> parse_gl_string_code(
    std::string_view text, field_ref field = "gl_string_code") {
    const auto refuse = [&](std::size_t at, const char* expected) -> result<gl_string_code> {
        return error(errc::syntax, field, std::string(text), expected, "DON-GL-002").at_position(at);
    };
    const std::size_t h1 = text.find('#');
    if (h1 == std::string_view::npos) {
        return refuse(text.size(), "'#' after the namespace (hla#3.58.0#A*01:01+A*02:01)");
    }
    if (text.substr(0, h1) != "hla") {
        return refuse(0, text.substr(0, h1) == "kir"
                             ? "the namespace hla (KIR names are not supported)"
                             : "the namespace hla");
    }
    const std::size_t h2 = text.find('#', h1 + 1);
    if (h2 == std::string_view::npos) {
        return refuse(text.size(), "'#' after the version (hla#3.58.0#A*01:01+A*02:01)");
    }
    if (h2 == h1 + 1) {
        return refuse(h2, "a version (an IPD-IMGT/HLA release such as 3.58.0, or a date)");
    }
    for (std::size_t i = h1 + 1; i < h2; ++i) {
        if (text[i] == ' ' || text[i] == '\t') {
            return refuse(i, "a version without blanks");
        }
    }
    gl_string g;
    detail::gl_reader::failure why;
    const std::string_view gl = text.substr(h2 + 1);
    if (!detail::gl_reader::read(gl, g, why)) {
        return error(errc::syntax, field, std::string(text), why.expected,
                     why.in_name ? "DON-NAME-001" : "DON-GL-001")
            .at_position(h2 + 1 + why.at);
    }
    return gl_string_code{std::string(text.substr(0, h1)),
                          std::string(text.substr(h1 + 1, h2 - h1 - 1)), std::move(g)};
}

/// "hla#3.58.0#..." as read.
[[nodiscard]] inline std::string to_string(const gl_string_code& c) {
    return c.name_space + "#" + c.version + "#" + c.gl.text();
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_GL_STRING_HPP
