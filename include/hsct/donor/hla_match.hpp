// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// HLA match grading of a patient and a donor typing (hla_typing.hpp): per locus and in total
// (8/8: A, B, C, DRB1; 10/10: + DQB1; 12/12: + DPB1; cord 6/6: A and B at antigen level, DRB1 at
// allele level), at antigen and at allele level, with the direction of each mismatch, and the
// DPB1 T-cell-epitope (TCE) permissiveness of a DPB1 mismatch.
//
//   auto m = hsct::donor::assess_hla_match(*patient, *donor);   // result<hla_match_result>
//   m->total(match_total_kind::ten, match_level::allele);      // matched 9 of 10, decided
//   const auto& a = m->at(match_locus::a);
//   a.allele.grade;        // mismatches 1, gvh 0, hvg 1: the donor carries an allele the
//                          // (homozygous) patient lacks: rejection direction only
//   a.kind();              // locus_match_kind::allele_mismatch (same antigen)
//   m->at(match_locus::dpb1).tce->outcome;   // dpb1_tce_outcome::non_permissive_hvg
//
// DON-MATCH-001: count. At each locus and level, the mismatch count is 2 minus the copies
// matched under the better of the two pairings of the patient's and the donor's copies
// (symmetric; Atlas and the WMDA validation count so). The loci counted are A, B, C, DRB1,
// DQB1 and DPB1; DRB3/4/5, DQA1 and DPA1 are graded and reported but never counted.
// DON-MATCH-002: direction. Graft-versus-host (GvH): the number of the patient's distinct
// types that the donor lacks (donor T cells would see them); host-versus-graft (HvG,
// rejection): the number of the donor's distinct types the patient lacks. With a homozygous
// side they differ from the count and from each other: patient A*01:01+A*01:01, donor
// A*01:01+A*02:01 is 1 mismatch, GvH 0, HvG 1 (rejection only). Stevens CE et al., Blood
// 2011;118:3969 [V2]; counting distinct types, not copies, is hsct's reading [P].
// DON-MATCH-003: levels. Allele level compares P groups (or G groups, a named choice); antigen
// level compares the antigen keys of hla_typing.hpp (WMDA 2024: different serological antigens
// are an antigen mismatch; the first field where no serology exists). Every DPB1 mismatch is an
// antigen mismatch (DPB1 antigen level = allele level), as the WMDA recommendation states.
// DON-MATCH-004: unknown and ambiguous. A locus one side did not type, a copy typed too low to
// decide (allele level below intermediate resolution), or a locus with no expressed allele is
// `match_status::unknown`, with the reason; it is never counted as a match, and a total over it
// is unknown. Where the typings are ambiguous (allele lists, MACs, genotype lists) every
// combination is graded and the result lists the possible grades (`ambiguous`), not a guess;
// more than 65,536 combinations at a locus is unknown (too_ambiguous). A null copy reads as a
// copy of the other (DON-TYP-003), so A*03:01+A*01:11N against A*03:01+A*03:01 is a match.
// DON-TCE-002: DPB1 TCE permissiveness (hla_match_options::tce_reading): by default the most
// immunogenic (lowest) group on each side is compared, as Atlas and the IPD-IMGT/HLA TCE tool
// do (equal: permissive; donor lower: non-permissive HvG; donor higher: non-permissive GvH);
// the alternative reading (EBMT Handbook 2024 ch. 9, Table 9.2) compares the groups of the
// mismatched alleles under the best pairing. V2 group "2a" is read as 2 by default (Atlas), or
// as unknown. The TCE version (V2 default, V1) and the release are carried on the result.
#ifndef HSCT_DONOR_HLA_MATCH_HPP
#define HSCT_DONOR_HLA_MATCH_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hsct/core/config.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/donor/hla_release.hpp"
#include "hsct/donor/hla_typing.hpp"
#include "hsct/donor/vocabulary.hpp"

namespace hsct::donor {

/// The rule set this header implements.
inline constexpr std::string_view hla_match_rule_version =
    "HLA match grading: symmetric count (Atlas/WMDA), GvH/HvG by distinct types (Stevens 2011, "
    "hsct reading), WMDA 2024 antigen/allele levels, DPB1 TCE (Atlas/IPD-IMGT/HLA default)";

/// Which level a grade is at (DON-MATCH-003).
enum class match_level : std::uint8_t { antigen = 1, allele = 2 };

constexpr auto hsct_enum_table(match_level) noexcept {
    return make_enum_table<match_level>("match_level", {
        {match_level::antigen, "antigen", "antigen level"},
        {match_level::allele, "allele", "allele level"},
    });
}

/// Whether a grade was decided (DON-MATCH-004).
enum class match_status : std::uint8_t {
    decided = 1,    ///< one grade
    ambiguous = 2,  ///< the typings allow several grades: all are listed
    unknown = 3,    ///< not decidable (the reason says why); never counted as a match
};

constexpr auto hsct_enum_table(match_status) noexcept {
    return make_enum_table<match_status>("match_status", {
        {match_status::decided, "decided", "decided"},
        {match_status::ambiguous, "ambiguous", "ambiguous (several grades possible)"},
        {match_status::unknown, "unknown", "unknown"},
    });
}

/// Why a grade is unknown.
enum class match_unknown_reason : std::uint8_t {
    none = 1,
    patient_not_typed = 2,
    donor_not_typed = 3,
    patient_resolution_too_low = 4,  ///< allele level: a patient copy below intermediate resolution
    donor_resolution_too_low = 5,
    no_expressed_allele = 6,         ///< both copies of a side are null alleles
    too_ambiguous = 7,               ///< more than max_match_combinations combinations
};

constexpr auto hsct_enum_table(match_unknown_reason) noexcept {
    using r = match_unknown_reason;
    return make_enum_table<match_unknown_reason>("match_unknown_reason", {
        {r::none, "none", "none"},
        {r::patient_not_typed, "patient_not_typed", "patient not typed at this locus"},
        {r::donor_not_typed, "donor_not_typed", "donor not typed at this locus"},
        {r::patient_resolution_too_low, "patient_resolution_too_low", "patient typed below intermediate resolution"},
        {r::donor_resolution_too_low, "donor_resolution_too_low", "donor typed below intermediate resolution"},
        {r::no_expressed_allele, "no_expressed_allele", "no expressed allele on one side"},
        {r::too_ambiguous, "too_ambiguous", "too many possible combinations"},
    });
}

/// The direction of a locus's mismatches (DON-MATCH-002).
enum class mismatch_direction : std::uint8_t {
    none = 1,           ///< matched
    gvh_only = 2,       ///< graft-versus-host only (donor homozygous)
    hvg_only = 3,       ///< host-versus-graft (rejection) only (patient homozygous)
    bidirectional = 4,  ///< both
};

constexpr auto hsct_enum_table(mismatch_direction) noexcept {
    return make_enum_table<mismatch_direction>("mismatch_direction", {
        {mismatch_direction::none, "none", "no mismatch"},
        {mismatch_direction::gvh_only, "gvh_only", "graft-versus-host direction only"},
        {mismatch_direction::hvg_only, "hvg_only", "host-versus-graft (rejection) direction only"},
        {mismatch_direction::bidirectional, "bidirectional", "both directions"},
    });
}

/// What a locus's grades say together.
enum class locus_match_kind : std::uint8_t {
    match = 1,             ///< matched at allele level
    allele_mismatch = 2,   ///< matched at antigen level, mismatched at allele level
    antigen_mismatch = 3,  ///< mismatched at antigen level
    antigen_match_allele_unknown = 4,  ///< antigen level matched, allele level not decided
    undecided = 5,         ///< antigen level not decided
};

constexpr auto hsct_enum_table(locus_match_kind) noexcept {
    return make_enum_table<locus_match_kind>("locus_match_kind", {
        {locus_match_kind::match, "match", "match"},
        {locus_match_kind::allele_mismatch, "allele_mismatch", "allele mismatch (same antigen)"},
        {locus_match_kind::antigen_mismatch, "antigen_mismatch", "antigen mismatch"},
        {locus_match_kind::antigen_match_allele_unknown, "antigen_match_allele_unknown", "antigen match, allele level undecided"},
        {locus_match_kind::undecided, "undecided", "undecided"},
    });
}

/// DON-TCE-002: how DPB1 TCE permissiveness is read.
enum class dpb1_tce_reading : std::uint8_t {
    /// default: the most immunogenic (lowest) group on each side (Atlas; IPD-IMGT/HLA TCE tool)
    most_immunogenic = 1,
    /// the groups of the mismatched alleles under the best pairing (HB24 ch. 9, Table 9.2)
    mismatched_alleles = 2,
};

constexpr auto hsct_enum_table(dpb1_tce_reading) noexcept {
    return make_enum_table<dpb1_tce_reading>("dpb1_tce_reading", {
        {dpb1_tce_reading::most_immunogenic, "most_immunogenic", "most immunogenic group on each side (Atlas, IPD-IMGT/HLA)"},
        {dpb1_tce_reading::mismatched_alleles, "mismatched_alleles", "groups of the mismatched alleles (EBMT Handbook 2024 ch. 9)"},
    });
}

/// DON-TCE-002: which TCE assignment of dpb_tce.csv is read.
enum class dpb1_tce_version : std::uint8_t {
    v2 = 1,  ///< default: functional distance (the IPD-IMGT/HLA tool's current assignment)
    v1 = 2,  ///< the original TCE3 groups
};

constexpr auto hsct_enum_table(dpb1_tce_version) noexcept {
    return make_enum_table<dpb1_tce_version>("dpb1_tce_version", {
        {dpb1_tce_version::v2, "v2", "TCE V2 (functional distance)"},
        {dpb1_tce_version::v1, "v1", "TCE V1 (TCE3)"},
    });
}

/// DON-TCE-002: how V2's group "2a" is read (its clinical meaning is not settled).
enum class tce_group_2a_policy : std::uint8_t {
    as_group_2 = 1,  ///< default: as group 2 (Atlas)
    unknown = 2,     ///< as no group: the outcome is unknown
};

constexpr auto hsct_enum_table(tce_group_2a_policy) noexcept {
    return make_enum_table<tce_group_2a_policy>("tce_group_2a_policy", {
        {tce_group_2a_policy::as_group_2, "as_group_2", "2a read as group 2 (Atlas)"},
        {tce_group_2a_policy::unknown, "unknown", "2a read as no group (unknown)"},
    });
}

/// DON-TCE-002: the TCE outcome of a DPB1 pair.
enum class dpb1_tce_outcome : std::uint8_t {
    match = 1,                 ///< DPB1 matched at allele level: TCE does not matter
    permissive = 2,
    non_permissive_gvh = 3,    ///< the patient's group is the more immunogenic
    non_permissive_hvg = 4,    ///< the donor's group is the more immunogenic
    /// mismatched_alleles reading only: one mismatched pair each way (hsct's own state)
    non_permissive_both = 5,
};

constexpr auto hsct_enum_table(dpb1_tce_outcome) noexcept {
    return make_enum_table<dpb1_tce_outcome>("dpb1_tce_outcome", {
        {dpb1_tce_outcome::match, "match", "DPB1 match"},
        {dpb1_tce_outcome::permissive, "permissive", "permissive mismatch"},
        {dpb1_tce_outcome::non_permissive_gvh, "non_permissive_gvh", "non-permissive mismatch, graft-versus-host direction"},
        {dpb1_tce_outcome::non_permissive_hvg, "non_permissive_hvg", "non-permissive mismatch, host-versus-graft direction"},
        {dpb1_tce_outcome::non_permissive_both, "non_permissive_both", "non-permissive mismatches in both directions"},
    });
}

/// The totals (DON-MATCH-001).
enum class match_total_kind : std::uint8_t {
    eight = 1,     ///< A, B, C, DRB1: out of 8
    ten = 2,       ///< + DQB1: out of 10
    twelve = 3,    ///< + DPB1: out of 12
    cord_six = 4,  ///< A and B at antigen level, DRB1 at allele level: out of 6 (level ignored)
};

constexpr auto hsct_enum_table(match_total_kind) noexcept {
    return make_enum_table<match_total_kind>("match_total_kind", {
        {match_total_kind::eight, "eight", "8/8 (A, B, C, DRB1)"},
        {match_total_kind::ten, "ten", "10/10 (A, B, C, DRB1, DQB1)"},
        {match_total_kind::twelve, "twelve", "12/12 (A, B, C, DRB1, DQB1, DPB1)"},
        {match_total_kind::cord_six, "cord_six", "cord 6/6 (A, B antigen; DRB1 allele)"},
    });
}

/// The version of the release that graded a match, held inline (a result does not point into
/// the typings it was made from, which may be gone by the time it is read).
class release_version_text {
public:
    static constexpr std::size_t capacity = 31;
    constexpr release_version_text() noexcept = default;
    /// Precondition (contract): v.size() <= capacity (assess_hla_match refuses a longer one).
    constexpr explicit release_version_text(std::string_view v) noexcept {
        HSCT_EXPECTS(v.size() <= capacity, "release_version_text: version too long");
        for (std::size_t i = 0; i < v.size() && i < capacity; ++i) {
            chars_[i] = v[i];
        }
        size_ = static_cast<std::uint8_t>(v.size() < capacity ? v.size() : capacity);
    }
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars_.data(), size_}; }
    friend constexpr bool operator==(const release_version_text& a, std::string_view b) noexcept {
        return a.view() == b;
    }
    friend constexpr bool operator==(const release_version_text& a,
                                     const release_version_text& b) noexcept {
        return a.view() == b.view();
    }

private:
    std::array<char, capacity> chars_{};
    std::uint8_t size_ = 0;
};

/// Every choice matching makes, with its default; carried on the result.
struct hla_match_options {
    allele_match_definition allele_key = allele_match_definition::p_group;
    dpb1_tce_reading tce_reading = dpb1_tce_reading::most_immunogenic;
    dpb1_tce_version tce_version = dpb1_tce_version::v2;
    tce_group_2a_policy group_2a = tce_group_2a_policy::as_group_2;
    friend constexpr bool operator==(const hla_match_options&, const hla_match_options&) noexcept = default;
};

/// DON-MATCH-004: the most combinations graded at one locus and level.
inline constexpr std::size_t max_match_combinations = 65536;

/// One grade at a locus: the symmetric mismatch count and the two directional counts (0-2).
struct locus_grade {
    std::uint8_t mismatches = 0;
    std::uint8_t gvh = 0;
    std::uint8_t hvg = 0;
    [[nodiscard]] constexpr mismatch_direction direction() const noexcept {
        if (gvh > 0 && hvg > 0) {
            return mismatch_direction::bidirectional;
        }
        if (gvh > 0) {
            return mismatch_direction::gvh_only;
        }
        return hvg > 0 ? mismatch_direction::hvg_only : mismatch_direction::none;
    }
    friend constexpr bool operator==(const locus_grade&, const locus_grade&) noexcept = default;
};

/// The grade of one locus at one level: decided (grade), ambiguous (possible) or unknown.
struct level_grade {
    match_status status = match_status::unknown;
    match_unknown_reason reason = match_unknown_reason::none;
    locus_grade grade;           ///< when decided
    std::uint32_t possible = 0;  ///< every possible grade, bit mismatches*9 + gvh*3 + hvg

    /// The possible grades (one when decided; none when unknown), in bit order.
    [[nodiscard]] hsct::fixed_list<locus_grade, 27> possible_grades() const noexcept {
        hsct::fixed_list<locus_grade, 27> out;
        for (unsigned b = 0; b < 27; ++b) {
            if ((possible >> b) & 1U) {
                out.push_back(locus_grade{static_cast<std::uint8_t>(b / 9), static_cast<std::uint8_t>((b / 3) % 3),
                                          static_cast<std::uint8_t>(b % 3)});
            }
        }
        return out;
    }
    /// The possible mismatch counts as bits (bit n: n mismatches possible).
    [[nodiscard]] constexpr unsigned possible_mismatches() const noexcept {
        unsigned m = 0;
        for (unsigned b = 0; b < 27; ++b) {
            if ((possible >> b) & 1U) {
                m |= 1U << (b / 9);
            }
        }
        return m;
    }
};

/// DON-TCE-002: the TCE reading of a DPB1 pair.
struct dpb1_tce_result {
    match_status status = match_status::unknown;
    dpb1_tce_outcome outcome = dpb1_tce_outcome::match;  ///< when decided
    std::uint8_t possible = 0;  ///< bit (outcome - 1) for each possible outcome
    /// The groups read (1-3; 0 when not known), for a decided outcome: the lowest group on each
    /// side (most_immunogenic) or of the mismatched alleles (mismatched_alleles).
    std::uint8_t patient_group = 0;
    std::uint8_t donor_group = 0;
    dpb1_tce_reading reading = dpb1_tce_reading::most_immunogenic;
    dpb1_tce_version version = dpb1_tce_version::v2;
    tce_group_2a_policy group_2a = tce_group_2a_policy::as_group_2;
    release_version_text release_version;  ///< the release whose dpb_tce.csv was read
};

/// One locus of a match.
struct locus_match {
    match_locus locus = match_locus::a;
    bool counted = true;             ///< counts towards 8/8, 10/10, 12/12
    level_grade antigen;
    level_grade allele;
    bool patient_null = false;       ///< a patient copy is a null allele (read as homozygous)
    bool donor_null = false;
    bool null_possible = false;      ///< a copy of either side may be a null allele
    bool expression_variant = false; ///< a candidate carries L, S, C, A or Q
    std::optional<dpb1_tce_result> tce;  ///< DPB1, when both sides typed it

    /// The grades read together (DON-MATCH-003).
    [[nodiscard]] constexpr locus_match_kind kind() const noexcept {
        if (antigen.status != match_status::decided) {
            return locus_match_kind::undecided;
        }
        if (antigen.grade.mismatches > 0) {
            return locus_match_kind::antigen_mismatch;
        }
        if (allele.status != match_status::decided) {
            return locus_match_kind::antigen_match_allele_unknown;
        }
        return allele.grade.mismatches > 0 ? locus_match_kind::allele_mismatch : locus_match_kind::match;
    }
};

/// A total (DON-MATCH-001): matched copies out of 2 per locus, or the possible values.
struct match_total {
    match_total_kind kind = match_total_kind::eight;
    match_level level = match_level::allele;
    match_status status = match_status::unknown;
    std::uint8_t matched = 0;       ///< when decided
    std::uint8_t out_of = 8;
    std::uint16_t possible = 0;     ///< bit n: n matched possible
    /// When unknown: the first locus that made it so.
    std::optional<match_locus> unknown_at;
    /// The fewest and the most copies matched (equal when decided; 0 when unknown).
    [[nodiscard]] constexpr unsigned min_matched() const noexcept {
        for (unsigned b = 0; b <= 12; ++b) {
            if ((possible >> b) & 1U) {
                return b;
            }
        }
        return 0;
    }
    [[nodiscard]] constexpr unsigned max_matched() const noexcept {
        for (unsigned b = 13; b-- > 0;) {
            if ((possible >> b) & 1U) {
                return b;
            }
        }
        return 0;
    }
};

/// The answer: every locus either side typed (by locus), the totals, the options and release.
struct hla_match_result {
    std::array<std::optional<locus_match>, match_locus_count> loci;
    std::array<match_total, 7> totals;  ///< see total()
    hla_match_options options;
    release_version_text release_version;  ///< the release that read both typings

    /// A locus's grades, or nullptr when neither side typed it.
    [[nodiscard]] const locus_match* find(match_locus l) const noexcept {
        const auto i = static_cast<std::size_t>(l) - 1U;
        return i < loci.size() && loci[i] ? &*loci[i] : nullptr;
    }
    /// A locus's grades. Precondition (contract): a side typed it (find() is not nullptr).
    [[nodiscard]] const locus_match& at(match_locus l) const {
        const locus_match* m = find(l);
        HSCT_EXPECTS(m != nullptr, "hla_match_result::at: neither side typed this locus");
        return *m;
    }
    /// A total (the level is ignored for cord_six).
    [[nodiscard]] const match_total& total(match_total_kind k, match_level lv = match_level::allele) const noexcept {
        if (k == match_total_kind::cord_six) {
            return totals[6];
        }
        const auto i = (static_cast<std::size_t>(k) - 1U) * 2U + (lv == match_level::allele ? 1U : 0U);
        return totals[i < 6 ? i : 0];
    }
};

namespace detail {

inline constexpr unsigned grade_bit(unsigned m, unsigned g, unsigned h) noexcept {
    return 1U << (m * 9U + g * 3U + h);
}

/// The grade of one choice of keys (p1, p2 the patient's; d1, d2 the donor's).
template <class Eq, class K>
[[nodiscard]] constexpr unsigned grade_of(const K& p1, const K& p2, const K& d1, const K& d2,
                                          Eq eq) noexcept {
    const bool a11 = eq(p1, d1);
    const bool a22 = eq(p2, d2);
    const bool a12 = eq(p1, d2);
    const bool a21 = eq(p2, d1);
    const unsigned straight = (a11 ? 1U : 0U) + (a22 ? 1U : 0U);
    const unsigned crossed = (a12 ? 1U : 0U) + (a21 ? 1U : 0U);
    const unsigned matched = straight > crossed ? straight : crossed;
    // distinct types of a side missing from the other side
    const bool p_homo = eq(p1, p2);
    const bool d_homo = eq(d1, d2);
    unsigned gvh = (a11 || a12) ? 0U : 1U;
    if (!p_homo && !(a21 || a22)) {
        ++gvh;
    }
    unsigned hvg = (a11 || a21) ? 0U : 1U;
    if (!d_homo && !(a12 || a22)) {
        ++hvg;
    }
    return grade_bit(2U - matched, gvh, hvg);
}

/// Every possible grade of one genotype pair: the bits of grade_of over all choices. A null
/// copy takes the other copy's keys. Returns false when the combinations exceed the cap.
template <class K, class Eq>
[[nodiscard]] bool possible_grades(std::span<const K> p1, std::span<const K> p2,
                                   std::span<const K> d1, std::span<const K> d2, Eq eq,
                                   std::uint32_t& bits) {
    const std::size_t n = p1.size() * p2.size() * d1.size() * d2.size();
    if (n > max_match_combinations) {  // DON-MATCH-004: too_ambiguous
        return false;
    }
    for (const auto& a : p1) {
        for (const auto& b : p2) {
            for (const auto& c : d1) {
                for (const auto& e : d2) {
                    bits |= grade_of(a, b, c, e, eq);
                }
            }
        }
    }
    return true;
}

[[nodiscard]] inline level_grade level_from_bits(std::uint32_t bits) noexcept {
    level_grade g;
    g.possible = bits;
    if (bits == 0) {
        g.status = match_status::unknown;
        g.reason = match_unknown_reason::too_ambiguous;
        return g;
    }
    if (std::has_single_bit(bits)) {
        const auto b = static_cast<unsigned>(std::countr_zero(bits));
        g.status = match_status::decided;
        g.grade = locus_grade{static_cast<std::uint8_t>(b / 9), static_cast<std::uint8_t>((b / 3) % 3),
                              static_cast<std::uint8_t>(b % 3)};
        return g;
    }
    g.status = match_status::ambiguous;
    return g;
}

[[nodiscard]] inline level_grade unknown_grade(match_unknown_reason r) noexcept {
    level_grade g;
    g.status = match_status::unknown;
    g.reason = r;
    return g;
}

/// The copies' key spans of one genotype, a null copy replaced by the other.
template <class K, class Get>
[[nodiscard]] bool copy_keys(const hla_genotype& g, Get get, std::span<const K>& c1,
                             std::span<const K>& c2) {
    const bool n1 = g.copies[0].null();
    const bool n2 = g.copies[1].null();
    if (n1 && n2) {
        return false;
    }
    c1 = get(g.copies[n1 ? 1 : 0]);
    c2 = get(g.copies[n2 ? 0 : 1]);
    return true;
}

/// A TCE group as a rank 1-3 (0: none) under the options.
[[nodiscard]] inline unsigned tce_rank(const std::optional<dpb1_tce>& t,
                                       const hla_match_options& o) noexcept {
    if (!t) {
        return 0;
    }
    std::optional<dpb1_tce_group> g = o.tce_version == dpb1_tce_version::v1 ? t->v1 : std::optional(t->v2);
    if (!g) {
        return 0;
    }
    switch (*g) {
        case dpb1_tce_group::group_1: return 1;
        case dpb1_tce_group::group_2: return 2;
        case dpb1_tce_group::group_3: return 3;
        case dpb1_tce_group::group_2a: return o.group_2a == tce_group_2a_policy::as_group_2 ? 2U : 0U;
        case dpb1_tce_group::null_allele: return 0;
    }
    return 0;
}

struct tce_key {
    const hla_name* key;
    unsigned rank;
};

[[nodiscard]] inline dpb1_tce_outcome tce_compare(unsigned patient, unsigned donor) noexcept {
    if (patient == donor) {
        return dpb1_tce_outcome::permissive;
    }
    return donor < patient ? dpb1_tce_outcome::non_permissive_hvg : dpb1_tce_outcome::non_permissive_gvh;
}

/// The TCE outcomes of one choice of DPB1 keys, as bits (outcome - 1); false when a group it
/// needs is unknown. `pg`, `dg`: the groups that decided (see dpb1_tce_result).
[[nodiscard]] inline bool tce_outcomes_of(const tce_key& p1, const tce_key& p2, const tce_key& d1,
                                          const tce_key& d2, const hla_match_options& o,
                                          std::uint8_t& bits, unsigned& pg, unsigned& dg) {
    const auto eq = [](const tce_key& x, const tce_key& y) { return *x.key == *y.key; };
    const auto bit = [](dpb1_tce_outcome x) {
        return static_cast<std::uint8_t>(1U << (static_cast<unsigned>(x) - 1U));
    };
    const bool a11 = eq(p1, d1), a22 = eq(p2, d2), a12 = eq(p1, d2), a21 = eq(p2, d1);
    const unsigned straight = (a11 ? 1U : 0U) + (a22 ? 1U : 0U);
    const unsigned crossed = (a12 ? 1U : 0U) + (a21 ? 1U : 0U);
    if (straight == 2 || crossed == 2) {
        bits = static_cast<std::uint8_t>(bits | bit(dpb1_tce_outcome::match));
        pg = dg = 0;
        return true;
    }
    if (o.tce_reading == dpb1_tce_reading::most_immunogenic) {
        if (p1.rank == 0 || p2.rank == 0 || d1.rank == 0 || d2.rank == 0) {
            return false;
        }
        pg = p1.rank < p2.rank ? p1.rank : p2.rank;
        dg = d1.rank < d2.rank ? d1.rank : d2.rank;
        bits = static_cast<std::uint8_t>(bits | bit(tce_compare(pg, dg)));
        return true;
    }
    // mismatched_alleles: the pairings that match the most alleles; among them, those that
    // pair the most mismatched alleles of one group (the reading is about alleles "from the
    // same group"); each remaining pairing's outcome is possible.
    struct pairing {
        const tce_key* pairs[2][2];
        unsigned matched;
    };
    const pairing all[2] = {{{{&p1, &d1}, {&p2, &d2}}, straight}, {{{&p1, &d2}, {&p2, &d1}}, crossed}};
    const unsigned best = straight > crossed ? straight : crossed;
    int same_best = -1;
    int same[2] = {-1, -1};
    for (int i = 0; i < 2; ++i) {
        if (all[i].matched != best) {
            continue;
        }
        int n = 0;
        for (const auto& pr : all[i].pairs) {
            if (eq(*pr[0], *pr[1])) {
                continue;
            }
            if (pr[0]->rank == 0 || pr[1]->rank == 0) {
                return false;
            }
            n += pr[0]->rank == pr[1]->rank ? 1 : 0;
        }
        same[i] = n;
        same_best = n > same_best ? n : same_best;
    }
    for (int i = 0; i < 2; ++i) {
        if (same[i] < 0 || same[i] != same_best) {
            continue;
        }
        bool gvh = false, hvg = false;
        for (const auto& pr : all[i].pairs) {
            if (eq(*pr[0], *pr[1])) {
                continue;
            }
            const auto c = tce_compare(pr[0]->rank, pr[1]->rank);
            if (c != dpb1_tce_outcome::permissive || (!gvh && !hvg)) {
                pg = pr[0]->rank;
                dg = pr[1]->rank;
            }
            gvh = gvh || c == dpb1_tce_outcome::non_permissive_gvh;
            hvg = hvg || c == dpb1_tce_outcome::non_permissive_hvg;
        }
        const auto out = gvh && hvg ? dpb1_tce_outcome::non_permissive_both
                         : gvh      ? dpb1_tce_outcome::non_permissive_gvh
                         : hvg      ? dpb1_tce_outcome::non_permissive_hvg
                                    : dpb1_tce_outcome::permissive;
        if (gvh && hvg) {
            pg = dg = 0;
        }
        bits = static_cast<std::uint8_t>(bits | bit(out));
    }
    return true;
}

template <class = void>
void grade_locus(const hla_locus_typing& pt, const hla_locus_typing& dt,
                 const hla_match_options& o, const release_version_text& release, locus_match& lm) {
    // antigen level
    const auto antigen_of = [](const hla_copy& c) { return c.antigen_keys(); };
    const auto allele_of = [&o](const hla_copy& c) { return c.allele_keys(o.allele_key); };
    const auto eq_antigen = [](const hla_antigen_key& x, const hla_antigen_key& y) {
        return antigen_keys_match(x, y);
    };
    const auto eq_allele = [](const hla_name& x, const hla_name& y) { return x == y; };

    for (const auto* t : {&pt, &dt}) {
        for (const auto& g : t->alternatives) {
            for (const auto& c : g.copies) {
                lm.null_possible = lm.null_possible || c.null_possible();
                lm.expression_variant = lm.expression_variant || c.expression_variant();
                if (c.null()) {
                    (t == &pt ? lm.patient_null : lm.donor_null) = true;
                }
            }
        }
    }

    std::uint32_t abits = 0, lbits = 0;
    bool a_over = false, l_over = false, no_expr = false;
    match_unknown_reason low = match_unknown_reason::none;
    for (const auto& pg : pt.alternatives) {
        for (const auto& dg : dt.alternatives) {
            std::span<const hla_antigen_key> p1, p2, d1, d2;
            if (!copy_keys(pg, antigen_of, p1, p2) || !copy_keys(dg, antigen_of, d1, d2)) {
                no_expr = true;
                continue;
            }
            if (!possible_grades(p1, p2, d1, d2, eq_antigen, abits)) {
                a_over = true;
            }
            const bool p_known = pg.copies[0].allele_level_known() && pg.copies[1].allele_level_known();
            const bool d_known = dg.copies[0].allele_level_known() && dg.copies[1].allele_level_known();
            if (!p_known || !d_known) {
                if (low == match_unknown_reason::none) {
                    low = !p_known ? match_unknown_reason::patient_resolution_too_low
                                   : match_unknown_reason::donor_resolution_too_low;
                }
                continue;
            }
            std::span<const hla_name> q1, q2, e1, e2;
            static_cast<void>(copy_keys(pg, allele_of, q1, q2));
            static_cast<void>(copy_keys(dg, allele_of, e1, e2));
            if (!possible_grades(q1, q2, e1, e2, eq_allele, lbits)) {
                l_over = true;
            }
        }
    }
    if (no_expr) {
        lm.antigen = unknown_grade(match_unknown_reason::no_expressed_allele);
        lm.allele = lm.antigen;
    } else {
        lm.antigen = a_over ? unknown_grade(match_unknown_reason::too_ambiguous) : level_from_bits(abits);
        if (low != match_unknown_reason::none) {
            lm.allele = unknown_grade(low);
        } else {
            lm.allele = l_over ? unknown_grade(match_unknown_reason::too_ambiguous) : level_from_bits(lbits);
        }
    }
    if (lm.locus == match_locus::dpb1) {
        // DON-MATCH-003: every DPB1 mismatch is an antigen mismatch
        lm.antigen = lm.allele;
        dpb1_tce_result tr;
        tr.reading = o.tce_reading;
        tr.version = o.tce_version;
        tr.group_2a = o.group_2a;
        tr.release_version = release;
        if (lm.allele.status == match_status::unknown) {
            tr.status = match_status::unknown;
        } else {
            bool unknown = false;
            std::uint8_t bits = 0;
            unsigned last_pg = 0, last_dg = 0;
            std::size_t combos = 0;
            for (const auto& pg : pt.alternatives) {
                for (const auto& dg : dt.alternatives) {
                    std::array<std::vector<tce_key>, 4> k;
                    const hla_copy* cs[4] = {&pg.copies[pg.copies[0].null() ? 1 : 0],
                                             &pg.copies[pg.copies[1].null() ? 0 : 1],
                                             &dg.copies[dg.copies[0].null() ? 1 : 0],
                                             &dg.copies[dg.copies[1].null() ? 0 : 1]};
                    for (std::size_t i = 0; i < 4; ++i) {
                        const auto keys = cs[i]->allele_keys(o.allele_key);
                        const auto tces = cs[i]->tce(o.allele_key);
                        for (std::size_t j = 0; j < keys.size(); ++j) {
                            k[i].push_back(tce_key{&keys[j], j < tces.size() ? tce_rank(tces[j], o) : 0U});
                        }
                    }
                    combos += k[0].size() * k[1].size() * k[2].size() * k[3].size();
                    if (combos > max_match_combinations) {  // DON-MATCH-004
                        unknown = true;
                        break;
                    }
                    for (const auto& a : k[0]) {
                        for (const auto& b : k[1]) {
                            for (const auto& c : k[2]) {
                                for (const auto& e : k[3]) {
                                    unsigned pgr = 0, dgr = 0;
                                    if (!tce_outcomes_of(a, b, c, e, o, bits, pgr, dgr)) {
                                        unknown = true;
                                        continue;
                                    }
                                    last_pg = pgr;
                                    last_dg = dgr;
                                }
                            }
                        }
                    }
                }
            }
            tr.possible = bits;
            if (unknown || bits == 0) {
                tr.status = match_status::unknown;
            } else if (std::has_single_bit(bits)) {
                tr.status = match_status::decided;
                const auto b = static_cast<unsigned>(std::countr_zero(static_cast<unsigned>(bits)));
                tr.outcome = static_cast<dpb1_tce_outcome>(b + 1U);
                tr.patient_group = static_cast<std::uint8_t>(last_pg);
                tr.donor_group = static_cast<std::uint8_t>(last_dg);
            } else {
                tr.status = match_status::ambiguous;
            }
        }
        lm.tce = tr;
    }
}

/// The possible sums of per-locus matched counts.
inline void add_total(match_total& t, const level_grade& g, match_locus l) {
    if (t.status == match_status::unknown && t.unknown_at) {
        return;
    }
    if (g.status == match_status::unknown) {
        t.status = match_status::unknown;
        t.unknown_at = l;
        t.possible = 0;
        return;
    }
    const unsigned mm = g.possible_mismatches();
    std::uint16_t next = 0;
    for (unsigned s = 0; s <= 12; ++s) {
        if (((t.possible >> s) & 1U) == 0) {
            continue;
        }
        for (unsigned m = 0; m <= 2; ++m) {
            if ((mm >> m) & 1U) {
                next = static_cast<std::uint16_t>(next | (1U << (s + 2U - m)));
            }
        }
    }
    t.possible = next;
}

}  // namespace detail

/// DON-MATCH-001..004, DON-TCE-002: grades a donor typing against a patient typing. Errors:
/// typings read by different releases (errc::inconsistent, field "donor.release"); an option
/// that is not a declared value.
template <class = void>
[[nodiscard]] result<hla_match_result> assess_hla_match(const hla_typing& patient,
                                                        const hla_typing& donor,
                                                        const hla_match_options& options = {}) {
    using hsct::detail::check_enum;
    if (auto e = check_enum(options.allele_key, "options.allele_key")) {
        return *e;
    }
    if (auto e = check_enum(options.tce_reading, "options.tce_reading")) {
        return *e;
    }
    if (auto e = check_enum(options.tce_version, "options.tce_version")) {
        return *e;
    }
    if (auto e = check_enum(options.group_2a, "options.group_2a")) {
        return *e;
    }
    if (patient.release_version() != donor.release_version()) {
        return error(errc::inconsistent, field_ref("donor", "release"),
                     std::string(donor.release_version()),
                     "the patient's release, IPD-IMGT/HLA " + std::string(patient.release_version()),
                     "DON-MATCH-004");
    }
    if (patient.release_version().size() > release_version_text::capacity) {
        return error(errc::out_of_range, field_ref("patient", "release"),
                     std::string(patient.release_version()),
                     "a release version of at most 31 characters", "DON-MATCH-004");
    }
    result<hla_match_result> out(std::in_place);
    hla_match_result& r = *out;
    r.options = options;
    r.release_version = release_version_text(patient.release_version());
    for (std::size_t i = 0; i < match_locus_count; ++i) {
        const auto l = static_cast<match_locus>(i + 1);
        const auto* pt = patient.at(l);
        const auto* dt = donor.at(l);
        if (pt == nullptr && dt == nullptr) {
            continue;
        }
        locus_match lm;
        lm.locus = l;
        lm.counted = is_counted(l);
        if (pt == nullptr || dt == nullptr) {
            lm.antigen = detail::unknown_grade(pt == nullptr ? match_unknown_reason::patient_not_typed
                                                             : match_unknown_reason::donor_not_typed);
            lm.allele = lm.antigen;
        } else {
            detail::grade_locus(*pt, *dt, options, r.release_version, lm);
        }
        r.loci[i] = lm;
    }
    // totals
    const auto level_of = [&](match_locus l, match_level lv) -> level_grade {
        const auto* lm = r.find(l);
        if (lm == nullptr) {
            return detail::unknown_grade(match_unknown_reason::patient_not_typed);
        }
        return lv == match_level::allele ? lm->allele : lm->antigen;
    };
    constexpr std::array<match_locus, 6> order{match_locus::a, match_locus::b, match_locus::c,
                                               match_locus::drb1, match_locus::dqb1, match_locus::dpb1};
    for (std::size_t k = 0; k < 3; ++k) {
        for (std::size_t lv = 0; lv < 2; ++lv) {
            match_total t;
            t.kind = static_cast<match_total_kind>(k + 1);
            t.level = lv == 0 ? match_level::antigen : match_level::allele;
            t.out_of = static_cast<std::uint8_t>(8 + 2 * k);
            t.possible = 1;  // 0 matched so far
            t.status = match_status::decided;
            for (std::size_t i = 0; i < 4 + k; ++i) {
                detail::add_total(t, level_of(order[i], t.level), order[i]);
            }
            r.totals[k * 2 + lv] = t;
        }
    }
    match_total cord;
    cord.kind = match_total_kind::cord_six;
    cord.out_of = 6;
    cord.possible = 1;
    cord.status = match_status::decided;
    detail::add_total(cord, level_of(match_locus::a, match_level::antigen), match_locus::a);
    detail::add_total(cord, level_of(match_locus::b, match_level::antigen), match_locus::b);
    detail::add_total(cord, level_of(match_locus::drb1, match_level::allele), match_locus::drb1);
    r.totals[6] = cord;
    for (auto& t : r.totals) {
        if (t.unknown_at) {
            t.status = match_status::unknown;
            continue;
        }
        if (std::has_single_bit(static_cast<unsigned>(t.possible))) {
            const auto b = static_cast<unsigned>(std::countr_zero(static_cast<unsigned>(t.possible)));
            t.status = match_status::decided;
            t.matched = static_cast<std::uint8_t>(b);
        } else {
            t.status = match_status::ambiguous;
        }
    }
    return out;
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_HLA_MATCH_HPP
