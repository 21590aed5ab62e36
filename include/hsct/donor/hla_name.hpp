// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// HLA names as the WHO Nomenclature Committee writes them, and the forms registries use
// beside them, read and printed back exactly, without a release loaded:
//
//   auto n = hsct::donor::parse_hla_name("HLA-A*24:09N");  // result<hla_name>
//   n->locus();                       // "A"
//   n->field_count();                 // 2
//   n->expression();                  // hla_expression::null
//   n->resolution();                  // hla_resolution::high
//   to_string(*n);                    // "HLA-A*24:09N" (as read)
//
// Shapes (DON-NAME-001..006; sources: hla.alleles.org nomenclature pages, IPD-IMGT/HLA
// wmda/README.md, Nunes et al. Blood 2011;118:e180 for resolution, NMDP for MAC and XX codes):
//   allele       LOCUS*F1[:F2[:F3[:F4]]][suffix]   A*01:01:01:01, A*24:09N, MICA*040, A*02
//   G group      LOCUS*F1:F2:F3G                   A*01:01:01G (also with 2 fields)
//   P group      LOCUS*F1:F2P                      A*01:01P
//   lg group     LOCUS*F1:F2g                      A*01:01g (py-ard's 2-field G form)
//   MAC          LOCUS*F1:CODE                     A*01:AB (2-5 capital letters, NMDP)
//   XX           LOCUS*F1:XX                       A*02:XX (any allele of the group)
//   serology     PREFIX NUMBER                     A2, B44, Cw1, DR15, DQ7, DPw6, Bw4, Dw1
//                (the prefixes of WHO's serological names: A B Bw Cw DPw DQ DR Dw)
// Each may carry the "HLA-" prefix. A field has 2 to 4 digits (1 field for genes named that
// way, e.g. MICA*040, HFE*002); a serological number 1 to 4 digits. The expression suffix is one
// of N L S C A Q. Anything else is a syntax error that names the offset of the first character
// that cannot be read (error::position()) and what was expected there.
//
// The name alone does not say whether it is a full current allele name (A*01:01:01 is a group
// of alleles, A*01:01:03 is one allele): resolution() gives serological, low, intermediate or
// high from the shape, and a loaded release refines high to allele (DON-NAME-006).
#ifndef HSCT_DONOR_HLA_NAME_HPP
#define HSCT_DONOR_HLA_NAME_HPP

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "hsct/core/detail/always_inline.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/donor/vocabulary.hpp"

namespace hsct::donor {

/// What kind of HLA name a text is (DON-NAME-001).
enum class hla_name_kind : std::uint8_t {
    allele = 1,    ///< 1-4 fields, maybe an expression suffix: an allele or a group of alleles
    g_group = 2,   ///< fields then "G": alleles identical in the exons of the binding domain
    p_group = 3,   ///< fields then "P": alleles encoding the same binding-domain protein
    lg_group = 4,  ///< 2 fields then "g": a G group named by 2 fields (py-ard's lg)
    mac = 5,       ///< first field then an NMDP multiple allele code of 2-5 letters
    xx = 6,        ///< first field then "XX": any allele of the group (NMDP)
    serology = 7,  ///< a serological antigen: A2, Cw1, DR15
};

constexpr auto hsct_enum_table(hla_name_kind) noexcept {
    return make_enum_table<hla_name_kind>("hla_name_kind", {
        {hla_name_kind::allele, "allele", "allele name"},
        {hla_name_kind::g_group, "g_group", "G group"},
        {hla_name_kind::p_group, "p_group", "P group"},
        {hla_name_kind::lg_group, "lg_group", "G group by two fields (lg)"},
        {hla_name_kind::mac, "mac", "NMDP multiple allele code"},
        {hla_name_kind::xx, "xx", "XX code (any allele of the group)"},
        {hla_name_kind::serology, "serology", "serological antigen"},
    });
}

/// The expression suffix of an allele name (DON-NAME-002; IPD-IMGT/HLA "suffixes" page).
enum class hla_expression : std::uint8_t {
    expressed = 1,     ///< no suffix
    null = 2,          ///< N: not expressed
    low = 3,           ///< L: low cell-surface expression
    secreted = 4,      ///< S: soluble, secreted only
    cytoplasm = 5,     ///< C: in the cytoplasm only
    aberrant = 6,      ///< A: doubt whether it is expressed
    questionable = 7,  ///< Q: a mutation known to affect expression elsewhere
};

constexpr auto hsct_enum_table(hla_expression) noexcept {
    return make_enum_table<hla_expression>("hla_expression", {
        {hla_expression::expressed, "expressed", "expressed (no suffix)"},
        {hla_expression::null, "null", "null (N)"},
        {hla_expression::low, "low", "low expression (L)"},
        {hla_expression::secreted, "secreted", "secreted (S)"},
        {hla_expression::cytoplasm, "cytoplasm", "cytoplasm (C)"},
        {hla_expression::aberrant, "aberrant", "aberrant (A)"},
        {hla_expression::questionable, "questionable", "questionable (Q)"},
    });
}

/// Typing resolution (DON-NAME-006; Nunes et al., Blood 2011;118:e180, harmonised by ASHI, EFI,
/// FACT, NMDP, WMDA and others): serological; low (first field or an XX code); intermediate
/// (a subset of a first-field group: a MAC); high (the binding-domain protein or finer: 2 or
/// more fields, a G, P or lg group); allele (a full current allele name: only a release knows).
enum class hla_resolution : std::uint8_t {
    serological = 1,
    low = 2,
    intermediate = 3,
    high = 4,
    allele = 5,
};

constexpr auto hsct_enum_table(hla_resolution) noexcept {
    return make_enum_table<hla_resolution>("hla_resolution", {
        {hla_resolution::serological, "serological", "serological"},
        {hla_resolution::low, "low", "low resolution"},
        {hla_resolution::intermediate, "intermediate", "intermediate resolution"},
        {hla_resolution::high, "high", "high resolution"},
        {hla_resolution::allele, "allele", "allele level"},
    });
}

namespace detail {
struct hla_name_reader;
}  // namespace detail

/// A locus as written in a name: "A", "DRB1", "MICA"; for a serological name its prefix
/// ("A", "Cw", "DR", "DPw"). Up to 7 characters, held inline (8 bytes).
class hla_locus {
public:
    static constexpr std::size_t max_size = 7;

    constexpr hla_locus() noexcept = default;

    [[nodiscard]] constexpr std::string_view view() const noexcept {
        return {chars_.data(), size_};
    }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }

    friend constexpr bool operator==(const hla_locus& a, const hla_locus& b) noexcept {
        return a.view() == b.view();
    }
    friend constexpr std::strong_ordering operator<=>(const hla_locus& a,
                                                      const hla_locus& b) noexcept {
        const int c = a.view().compare(b.view());
        return c < 0 ? std::strong_ordering::less
                     : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }

private:
    friend class hla_name;
    friend struct detail::hla_name_reader;
    std::array<char, max_size> chars_{};
    std::uint8_t size_ = 0;
};

/// One HLA name in any of the shapes above, 24 bytes, trivially copyable. Made only by
/// parse_hla_name (or derived from one, e.g. by with_fields); printed back exactly as read.
///
/// Equality and ordering are by meaning, not by spelling: the "HLA-" prefix is ignored; fields
/// compare as numbers, field by field, a name that stops earlier first (A*01:01 < A*01:01:01 <
/// A*01:02 < A*02 is false for the last: A*02 > A*01:02; A*9 sorts before A*10); then kind and
/// suffix. Two spellings of one field ("01" and "001") are different names.
class hla_name {
public:
    /// The longest text any name prints to ("HLA-" + 7 + "*" + 4 x 4 digits + 3 colons + 1).
    static constexpr std::size_t max_chars = 4 + hla_locus::max_size + 1 + 16 + 3 + 1;

    [[nodiscard]] constexpr hla_name_kind kind() const noexcept { return kind_; }
    /// The locus ("A", "DRB1") or, for a serological name, its prefix ("Cw", "DR").
    [[nodiscard]] constexpr std::string_view locus() const noexcept { return locus_.view(); }
    [[nodiscard]] constexpr const hla_locus& locus_id() const noexcept { return locus_; }
    /// The number of numeric fields: 1-4 (an allele, G, P, lg group), 1 (MAC, XX, serology:
    /// the allele group or the antigen number).
    [[nodiscard]] constexpr std::size_t field_count() const noexcept { return count_; }
    /// Field i (0-based) as a number. Precondition (contract): i < field_count().
    [[nodiscard]] constexpr unsigned field(std::size_t i) const {
        HSCT_EXPECTS(i < count_, "hla_name::field: no such field");
        return fields_[i];
    }
    /// The number of digits field i was written with (2-4; 1-4 for a serological number).
    [[nodiscard]] constexpr unsigned field_digits(std::size_t i) const {
        HSCT_EXPECTS(i < count_, "hla_name::field_digits: no such field");
        return ((widths_ >> (2 * i)) & 3U) + 1U;
    }
    [[nodiscard]] constexpr hla_expression expression() const noexcept { return expression_; }
    /// Written with the "HLA-" prefix.
    [[nodiscard]] constexpr bool has_prefix() const noexcept { return prefix_; }
    /// The letters of a MAC ("AB"), or "XX"; empty for other kinds.
    [[nodiscard]] constexpr std::string_view code() const noexcept {
        return {code_.data(), code_size_};
    }

    /// DON-NAME-006: the resolution the name's shape shows (see hla_resolution; never allele,
    /// which needs a release).
    [[nodiscard]] constexpr hla_resolution resolution() const noexcept {
        switch (kind_) {
            case hla_name_kind::serology: return hla_resolution::serological;
            case hla_name_kind::xx: return hla_resolution::low;
            case hla_name_kind::mac: return hla_resolution::intermediate;
            case hla_name_kind::allele:
                return count_ >= 2 ? hla_resolution::high : hla_resolution::low;
            case hla_name_kind::g_group:
            case hla_name_kind::p_group:
            case hla_name_kind::lg_group: return hla_resolution::high;
        }
        return hla_resolution::low;
    }

    /// The same locus and the first `n` fields as a name of `kind` (allele, G, P or lg group),
    /// with `expression` (only an allele carries a suffix) and no prefix. Precondition
    /// (contract): this is not serological, MAC or XX; 1 <= n <= field_count(); kind is one of
    /// the four.
    [[nodiscard]] constexpr hla_name with_fields(std::size_t n, hla_name_kind kind,
                                                 hla_expression expression) const {
        HSCT_EXPECTS(kind_ != hla_name_kind::serology && kind_ != hla_name_kind::mac &&
                         kind_ != hla_name_kind::xx,
                     "hla_name::with_fields: not a name with fields");
        HSCT_EXPECTS(n >= 1 && n <= count_, "hla_name::with_fields: field count out of range");
        HSCT_EXPECTS(kind == hla_name_kind::allele || kind == hla_name_kind::g_group ||
                         kind == hla_name_kind::p_group || kind == hla_name_kind::lg_group,
                     "hla_name::with_fields: not a kind with fields");
        hla_name r = *this;
        r.kind_ = kind;
        r.count_ = static_cast<std::uint8_t>(n);
        for (std::size_t i = n; i < r.fields_.size(); ++i) {
            r.fields_[i] = 0;
        }
        r.widths_ = static_cast<std::uint8_t>(widths_ & ((1U << (2 * n)) - 1U));
        r.expression_ = kind == hla_name_kind::allele ? expression : hla_expression::expressed;
        r.prefix_ = false;
        return r;
    }
    /// The same name without the "HLA-" prefix.
    [[nodiscard]] constexpr hla_name without_prefix() const noexcept {
        hla_name r = *this;
        r.prefix_ = false;
        return r;
    }
    /// The same name with the "HLA-" prefix (as GL Strings write names).
    [[nodiscard]] constexpr hla_name with_prefix() const noexcept {
        hla_name r = *this;
        r.prefix_ = true;
        return r;
    }

    /// Writes the name to [first, last) as read; returns one past the last character written,
    /// or nullptr if the range is too short (max_chars always suffices). Allocates nothing.
    char* to_chars(char* first, char* last) const noexcept {
        const std::size_t need = printed_size();
        if (first == nullptr || static_cast<std::size_t>(last - first) < need) {
            return nullptr;
        }
        char* p = first;
        if (prefix_) {
            p = put(p, "HLA-");
        }
        p = put(p, locus_.view());
        if (kind_ == hla_name_kind::serology) {
            return put_number(p, fields_[0], field_digits(0));
        }
        *p++ = '*';
        for (std::size_t i = 0; i < count_; ++i) {
            if (i != 0) {
                *p++ = ':';
            }
            p = put_number(p, fields_[i], field_digits(i));
        }
        switch (kind_) {
            case hla_name_kind::mac:
            case hla_name_kind::xx:
                *p++ = ':';
                return put(p, code());
            case hla_name_kind::g_group: *p++ = 'G'; break;
            case hla_name_kind::p_group: *p++ = 'P'; break;
            case hla_name_kind::lg_group: *p++ = 'g'; break;
            case hla_name_kind::allele:
            case hla_name_kind::serology: break;
        }
        if (expression_ != hla_expression::expressed) {
            *p++ = suffix_letter(expression_);
        }
        return p;
    }
    /// The number of characters to_chars writes.
    [[nodiscard]] constexpr std::size_t printed_size() const noexcept {
        std::size_t n = (prefix_ ? 4U : 0U) + locus_.size();
        if (kind_ == hla_name_kind::serology) {
            return n + field_digits(0);
        }
        n += 1;  // '*'
        for (std::size_t i = 0; i < count_; ++i) {
            n += field_digits(i) + (i != 0 ? 1U : 0U);
        }
        switch (kind_) {
            case hla_name_kind::mac:
            case hla_name_kind::xx: return n + 1 + code_size_;
            case hla_name_kind::g_group:
            case hla_name_kind::p_group:
            case hla_name_kind::lg_group: return n + 1;
            case hla_name_kind::allele:
            case hla_name_kind::serology: break;
        }
        return n + (expression_ != hla_expression::expressed ? 1U : 0U);
    }

    friend constexpr bool operator==(const hla_name& a, const hla_name& b) noexcept {
        if (std::is_constant_evaluated()) {
            return a.kind_ == b.kind_ && a.locus_ == b.locus_ && a.count_ == b.count_ &&
                   a.fields_ == b.fields_ && a.widths_ == b.widths_ &&
                   a.expression_ == b.expression_ && a.code_size_ == b.code_size_ &&
                   a.code_ == b.code_;
        }
        // the same comparison on the value's words (unused characters and fields are zero)
        const key x = a.words();
        const key y = b.words();
        return x.w[0] == y.w[0] && x.w[1] == y.w[1] && x.w[2] == y.w[2] && x.w[3] == y.w[3];
    }
    /// A hash consistent with ==: the "HLA-" prefix is ignored.
    [[nodiscard]] std::size_t hash() const noexcept {
        const key k = words();
        std::uint64_t h = k.w[0] * 0x9E3779B97F4A7C15ULL;
        h = (h ^ (h >> 29) ^ k.w[1]) * 0xBF58476D1CE4E5B9ULL;
        h = (h ^ (h >> 31) ^ k.w[2]) * 0x94D049BB133111EBULL;
        h = (h ^ (h >> 32) ^ k.w[3]) * 0x9E3779B97F4A7C15ULL;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
    friend constexpr std::strong_ordering operator<=>(const hla_name& a,
                                                      const hla_name& b) noexcept {
        if (auto c = a.locus_ <=> b.locus_; c != 0) {
            return c;
        }
        const std::size_t n = a.count_ < b.count_ ? a.count_ : b.count_;
        for (std::size_t i = 0; i < n; ++i) {
            if (auto c = a.fields_[i] <=> b.fields_[i]; c != 0) {
                return c;
            }
        }
        if (auto c = a.count_ <=> b.count_; c != 0) {
            return c;
        }
        if (auto c = a.kind_ <=> b.kind_; c != 0) {
            return c;
        }
        if (auto c = a.expression_ <=> b.expression_; c != 0) {
            return c;
        }
        if (auto c = a.widths_ <=> b.widths_; c != 0) {
            return c;
        }
        if (auto c = a.code_size_ <=> b.code_size_; c != 0) {
            return c;
        }
        return a.code_ <=> b.code_;
    }

private:
    friend struct detail::hla_name_reader;

    [[nodiscard]] static constexpr char suffix_letter(hla_expression e) noexcept {
        switch (e) {
            case hla_expression::null: return 'N';
            case hla_expression::low: return 'L';
            case hla_expression::secreted: return 'S';
            case hla_expression::cytoplasm: return 'C';
            case hla_expression::aberrant: return 'A';
            case hla_expression::questionable: return 'Q';
            case hla_expression::expressed: break;
        }
        return '?';
    }
    static char* put(char* p, std::string_view s) noexcept {
        for (const char c : s) {
            *p++ = c;
        }
        return p;
    }
    static char* put_number(char* p, unsigned v, unsigned digits) noexcept {
        for (unsigned i = digits; i > 0; --i) {
            p[i - 1] = static_cast<char>('0' + v % 10U);
            v /= 10U;
        }
        return p + digits;
    }

    /// The value as four words (locus, fields, code and widths and count, kind and suffix).
    struct key {
        std::uint64_t w[4];
    };
    [[nodiscard]] key words() const noexcept {
        // Whole 8-byte loads of the object's bytes: the locus (7 characters and its size), the
        // fields, then the code, its size, the widths and the count; then kind and suffix. Every
        // byte read is a member (no padding) and unused ones are zero.
        static_assert(sizeof(hla_locus) == 8 && offsetof(hla_name, fields_) == 8 &&
                          offsetof(hla_name, code_) == 16 && offsetof(hla_name, count_) == 23 &&
                          offsetof(hla_name, kind_) == 24 && offsetof(hla_name, expression_) == 25,
                      "hla_name::words reads the members in this layout");
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the object's bytes, layout asserted above
        const auto* bytes = reinterpret_cast<const unsigned char*>(this);
        key k{};
        std::memcpy(&k.w[0], bytes, 8);
        std::memcpy(&k.w[1], bytes + 8, 8);
        std::memcpy(&k.w[2], bytes + 16, 8);
        std::uint16_t last = 0;
        std::memcpy(&last, bytes + 24, 2);
        k.w[3] = last;
        return k;
    }

    hla_locus locus_;
    std::array<std::uint16_t, 4> fields_{};
    std::array<char, 5> code_{};  ///< MAC letters or "XX"
    std::uint8_t code_size_ = 0;
    std::uint8_t widths_ = 0;  ///< 2 bits a field: digits - 1
    std::uint8_t count_ = 0;
    hla_name_kind kind_ = hla_name_kind::allele;
    hla_expression expression_ = hla_expression::expressed;
    bool prefix_ = false;
};

namespace detail {
/// The reader behind parse_hla_name (a struct so that hla_name's fields stay private).
struct hla_name_reader {
    /// Why a text is not a name: the offset of the first character that cannot be read and
    /// what was expected there (a static text). Built without allocating.
    struct failure {
        std::size_t at = 0;
        const char* expected = "";
    };

    /// Reads `t`; on failure fills `why` and returns false.
    /// Reads `t` into `out`, which must be a default-constructed name (the bytes == and hash()
    /// read must start at zero).
    [[nodiscard]] static bool read(std::string_view t, hla_name& out, failure& why) noexcept {
        const auto fail = [&why](std::size_t at, const char* expected) {
            why.at = at;
            why.expected = expected;
            return false;
        };
        const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        std::size_t i = 0;
        const std::size_t n = t.size();
        if (n == 0) {
            return fail(0, "an HLA name (e.g. A*01:01)");
        }
        if (n >= 4 && t[0] == 'H' && t[1] == 'L' && t[2] == 'A' && t[3] == '-') {
            out.prefix_ = true;
            i = 4;
        }
        // Capitals and digits: up to '*' they are the locus (A, DRB1, TAP1); otherwise the text
        // is serological, a prefix of capitals (and perhaps a 'w': Cw, DPw, Bw) and a number.
        const std::size_t start = i;
        if (i >= n || !upper(t[i])) {
            return fail(i, "a locus: a capital letter first (A, DRB1, MICA)");
        }
        while (i < n && (upper(t[i]) || digit(t[i]))) {
            ++i;
        }
        if (i < n && t[i] == '*') {
            if (i - start > hla_locus::max_size) {
                return fail(start + hla_locus::max_size, "a locus of at most 7 characters");
            }
            set_locus(out, t.substr(start, i - start));
            return read_molecular(t, i + 1, out, why);
        }
        std::size_t j = start;
        while (j < n && upper(t[j])) {
            ++j;
        }
        if (j < n && t[j] == 'w') {
            ++j;
        }
        if (!serological_prefix(t.substr(start, j - start))) {
            return fail(i, i < n ? "'*' after the locus (A*01:01)"
                              : "'*' after the locus (A*01:01), or a serological name: A, B, Bw, "
                                "Cw, DR, DQ, DPw or Dw and a number (A2, Cw1, DR15)");
        }
        set_locus(out, t.substr(start, j - start));
        std::size_t d = 0;
        unsigned v = 0;
        while (j < n && digit(t[j]) && d < 4) {
            v = v * 10U + static_cast<unsigned>(t[j] - '0');
            ++j;
            ++d;
        }
        if (d == 0) {
            return fail(j, "'*' after the locus (A*01:01), or a serological antigen number (A2)");
        }
        if (j < n) {
            return fail(j, digit(t[j]) ? "an antigen number of at most 4 digits"
                                       : "the end of the name (or '*' after a locus)");
        }
        out.kind_ = hla_name_kind::serology;
        out.fields_[0] = static_cast<std::uint16_t>(v);
        out.widths_ = static_cast<std::uint8_t>(d - 1);
        out.count_ = 1;
        return true;
    }

private:
    /// DON-NAME-005: the prefixes of the WHO serological names (hla_nom.txt: A, B, Bw, Cw, DPw,
    /// DQ, DR, Dw).
    [[nodiscard]] static bool serological_prefix(std::string_view p) noexcept {
        return p == "A" || p == "B" || p == "Bw" || p == "Cw" || p == "DPw" || p == "DQ" ||
               p == "DR" || p == "Dw";
    }

    static void set_locus(hla_name& out, std::string_view s) noexcept {
        for (std::size_t k = 0; k < hla_locus::max_size; ++k) {
            out.locus_.chars_[k] = k < s.size() ? s[k] : '\0';  // unused characters are zero
        }
        out.locus_.size_ = static_cast<std::uint8_t>(s.size());
    }

    [[nodiscard]] static bool read_molecular(std::string_view t, std::size_t i, hla_name& out,
                                             failure& why) noexcept {
        const auto fail = [&why](std::size_t at, const char* expected) {
            why.at = at;
            why.expected = expected;
            return false;
        };
        const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        const std::size_t n = t.size();
        std::size_t count = 0;
        for (;;) {
            // a field: 2-4 digits (1-field names such as MICA*040 are 3 digits)
            std::size_t d = 0;
            unsigned v = 0;
            const std::size_t field_start = i;
            while (i < n && digit(t[i])) {
                if (d == 4) {
                    return fail(i, "a field of at most 4 digits");
                }
                v = v * 10U + static_cast<unsigned>(t[i] - '0');
                ++i;
                ++d;
            }
            if (d == 0) {
                // after the first field: a MAC or XX code
                if (count == 1 && i < n && upper(t[i])) {
                    return read_code(t, i, out, why);
                }
                return fail(field_start, count == 0 ? "a field of 2-4 digits after '*'"
                                                    : "a field of 2-4 digits after ':'");
            }
            if (d < 2) {
                return fail(field_start, "a field of 2-4 digits");
            }
            out.fields_[count] = static_cast<std::uint16_t>(v);
            out.widths_ = static_cast<std::uint8_t>(out.widths_ | ((d - 1) << (2 * count)));
            ++count;
            out.count_ = static_cast<std::uint8_t>(count);
            if (i == n) {
                out.kind_ = hla_name_kind::allele;
                return true;
            }
            if (t[i] == ':') {
                if (count == 4) {
                    return fail(i, "the end of the name: at most 4 fields");
                }
                ++i;
                continue;
            }
            break;
        }
        // one letter after the last field, then the end
        const char c = t[i];
        hla_name_kind kind = hla_name_kind::allele;
        hla_expression e = hla_expression::expressed;
        switch (c) {
            case 'G': kind = hla_name_kind::g_group; break;
            case 'P': kind = hla_name_kind::p_group; break;
            case 'g': kind = hla_name_kind::lg_group; break;
            case 'N': e = hla_expression::null; break;
            case 'L': e = hla_expression::low; break;
            case 'S': e = hla_expression::secreted; break;
            case 'C': e = hla_expression::cytoplasm; break;
            case 'A': e = hla_expression::aberrant; break;
            case 'Q': e = hla_expression::questionable; break;
            default:
                return fail(i, "':' and a field, an expression suffix (N L S C A Q), G, P or g");
        }
        if (i + 1 != n) {
            return fail(i + 1, "the end of the name after its suffix");
        }
        if (kind == hla_name_kind::lg_group && count != 2) {
            return fail(i, "'g' after exactly 2 fields (lg names such as A*01:01g)");
        }
        if ((kind == hla_name_kind::g_group || kind == hla_name_kind::p_group) && count < 2) {
            return fail(i, "G or P after at least 2 fields");
        }
        out.kind_ = kind;
        out.expression_ = e;
        return true;
    }

    [[nodiscard]] static bool read_code(std::string_view t, std::size_t i, hla_name& out,
                                        failure& why) noexcept {
        const std::size_t n = t.size();
        const std::size_t start = i;
        while (i < n && t[i] >= 'A' && t[i] <= 'Z') {
            if (i - start == 5) {
                why.at = i;
                why.expected = "a code of at most 5 capital letters";
                return false;
            }
            out.code_[i - start] = t[i];
            ++i;
        }
        if (i != n) {
            why.at = i;
            why.expected = "the end of the code (2-5 capital letters, e.g. A*01:AB)";
            return false;
        }
        if (i - start < 2) {
            why.at = start;
            why.expected = "a code of 2-5 capital letters (e.g. A*01:AB) or XX";
            return false;
        }
        out.code_size_ = static_cast<std::uint8_t>(i - start);
        out.kind_ = out.code() == "XX" ? hla_name_kind::xx : hla_name_kind::mac;
        return true;
    }
};
}  // namespace detail


/// DON-NAME-001..005: reads an HLA name of any shape above. Error: errc::syntax, field
/// "hla_name" (or `field`), the text, what was expected, and error::position() at the offset of
/// the first character that cannot be read. Allocates only on error.
[[nodiscard]] inline result<hla_name> parse_hla_name(std::string_view text,
                                                     field_ref field = "hla_name") {
    hla_name n;
    detail::hla_name_reader::failure why;
    if (detail::hla_name_reader::read(text, n, why)) {
        return n;
    }
    return error(errc::syntax, field, std::string(text), why.expected, "DON-NAME-001")
        .at_position(why.at);
}

/// The name as read ("HLA-A*24:09N").
[[nodiscard]] inline std::string to_string(const hla_name& n) {
    std::array<char, hla_name::max_chars> buf{};
    char* end = n.to_chars(buf.data(), buf.data() + buf.size());
    return {buf.data(), static_cast<std::size_t>(end - buf.data())};
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_HLA_NAME_HPP
