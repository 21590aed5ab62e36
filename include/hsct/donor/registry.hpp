// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Search at registry scale: donors typed at allele level, reduced once to compact keys and held
// in memory, graded against one patient at A, B, C, DRB1 and DQB1 (10/10) with direction.
//
//   hsct::donor::donor_registry reg;                     // P-group keys (or G groups)
//   for (const auto& t : donor_typings) {
//       auto id = reg.add(t);                            // result<std::uint32_t>: its index
//   }
//   auto hits = reg.search(patient, 9);                  // result<std::vector<registry_hit>>
//   hits->front().grade.matched();                       // 10
//   hits->front().grade.locus(registry_locus::a);        // locus_grade {mismatches, gvh, hvg}
//
// DON-REG-001: a registry donor (and the patient searched for) must be typed at A, B, C, DRB1
// and DQB1 with one allele-level key per copy (a P group; a null copy reads as the other copy,
// DON-TYP-003): the compact path decides every grade, so it takes no ambiguity. A typing that is
// ambiguous, too low in resolution, lacks one of the five loci, or comes from another release
// is refused, naming the locus; grade such a donor with assess_hla_match. The grades are those
// of assess_hla_match at allele level (DON-MATCH-001/002; checked against it on a generated
// registry in the tests): count under the better pairing, GvH and HvG by distinct types.
#ifndef HSCT_DONOR_REGISTRY_HPP
#define HSCT_DONOR_REGISTRY_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/always_inline.hpp"
#include "hsct/core/result.hpp"
#include "hsct/donor/hla_match.hpp"
#include "hsct/donor/hla_release.hpp"
#include "hsct/donor/hla_typing.hpp"

namespace hsct::donor {

/// The five loci of a registry grade, in their order (A, B, C, DRB1, DQB1).
enum class registry_locus : std::uint8_t { a = 0, b = 1, c = 2, drb1 = 3, dqb1 = 4 };

/// The match_locus of a registry locus.
[[nodiscard]] constexpr match_locus match_locus_of(registry_locus l) noexcept {
    return static_cast<match_locus>(static_cast<unsigned>(l) + 1U);
}

/// One donor's grade: per locus the mismatch count, GvH and HvG counts (2 bits each), packed in
/// 30 bits. Four bytes.
class registry_grade {
public:
    constexpr registry_grade() noexcept = default;
    constexpr explicit registry_grade(std::uint32_t packed) noexcept : packed_(packed) {}
    [[nodiscard]] constexpr locus_grade locus(registry_locus l) const noexcept {
        const unsigned v = (packed_ >> (6U * static_cast<unsigned>(l))) & 63U;
        return locus_grade{static_cast<std::uint8_t>(v >> 4), static_cast<std::uint8_t>((v >> 2) & 3U),
                           static_cast<std::uint8_t>(v & 3U)};
    }
    /// Copies matched out of 10.
    [[nodiscard]] constexpr unsigned matched() const noexcept {
        unsigned mm = 0;
        for (unsigned i = 0; i < 5; ++i) {
            mm += (packed_ >> (6U * i + 4U)) & 3U;
        }
        return 10U - mm;
    }
    /// Copies matched out of 8 (A, B, C, DRB1).
    [[nodiscard]] constexpr unsigned matched_8() const noexcept {
        unsigned mm = 0;
        for (unsigned i = 0; i < 4; ++i) {
            mm += (packed_ >> (6U * i + 4U)) & 3U;
        }
        return 8U - mm;
    }
    [[nodiscard]] constexpr std::uint32_t packed() const noexcept { return packed_; }
    friend constexpr bool operator==(registry_grade, registry_grade) noexcept = default;

private:
    std::uint32_t packed_ = 0;
};

/// A donor found by a search: its index in the registry and its grade.
struct registry_hit {
    std::uint32_t donor = 0;
    registry_grade grade;
};

namespace detail {
/// DON-REG-001: the grade of one locus from four key ids (the patient's p1, p2; the donor's
/// d1, d2), as (mismatches << 4) | (gvh << 2) | hvg. The same arithmetic as grade_of.
HSCT_ALWAYS_INLINE constexpr std::uint32_t registry_locus_grade(std::uint32_t p1, std::uint32_t p2,
                                                                std::uint32_t d1,
                                                                std::uint32_t d2) noexcept {
    const std::uint32_t a11 = p1 == d1 ? 1U : 0U;
    const std::uint32_t a22 = p2 == d2 ? 1U : 0U;
    const std::uint32_t a12 = p1 == d2 ? 1U : 0U;
    const std::uint32_t a21 = p2 == d1 ? 1U : 0U;
    const std::uint32_t straight = a11 + a22;
    const std::uint32_t crossed = a12 + a21;
    const std::uint32_t matched = straight > crossed ? straight : crossed;
    const std::uint32_t p_het = p1 != p2 ? 1U : 0U;
    const std::uint32_t d_het = d1 != d2 ? 1U : 0U;
    const std::uint32_t gvh = ((a11 | a12) ^ 1U) + (p_het & ((a21 | a22) ^ 1U));
    const std::uint32_t hvg = ((a11 | a21) ^ 1U) + (d_het & ((a12 | a22) ^ 1U));
    return ((2U - matched) << 4) | (gvh << 2) | hvg;
}
}  // namespace detail

/// A registry of donors typed at allele level, held as compact keys (40 bytes a donor).
class donor_registry {
public:
    /// One row: the allele-level key ids of the ten copies (A, B, C, DRB1, DQB1; two each).
    using row = std::array<std::uint32_t, 10>;

    explicit donor_registry(allele_match_definition key = allele_match_definition::p_group)
        : key_(key) {}

    [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
    [[nodiscard]] std::string_view release_version() const noexcept { return release_; }
    [[nodiscard]] allele_match_definition key_definition() const noexcept { return key_; }
    /// The compact rows (for a caller's own loop; grade_all reads the same).
    [[nodiscard]] std::span<const row> rows() const noexcept { return rows_; }
    void reserve(std::size_t n) { rows_.reserve(n); }

    /// DON-REG-001: adds a donor; returns its index. The first donor fixes the release.
    template <class = void>
    [[nodiscard]] result<std::uint32_t> add(const hla_typing& donor) {
        if (!rows_.empty() && donor.release_version() != release_) {
            return error(errc::inconsistent, field_ref("donor", "release"),
                         std::string(donor.release_version()),
                         "the registry's release, IPD-IMGT/HLA " + release_, "DON-REG-001");
        }
        row r{};
        if (auto e = keys_of(donor, "donor", &index_, r)) {
            return *e;
        }
        if (rows_.empty()) {
            release_ = std::string(donor.release_version());
        }
        rows_.push_back(r);
        return static_cast<std::uint32_t>(rows_.size() - 1U);
    }

    /// DON-REG-001: the patient's row, its keys looked up in the registry's (a key no donor has
    /// gets an id no donor has).
    template <class = void>
    [[nodiscard]] result<row> patient_row(const hla_typing& patient) const {
        if (!rows_.empty() && patient.release_version() != release_) {
            return error(errc::inconsistent, field_ref("patient", "release"),
                         std::string(patient.release_version()),
                         "the registry's release, IPD-IMGT/HLA " + release_, "DON-REG-001");
        }
        row r{};
        if (auto e = keys_of(patient, "patient", nullptr, r)) {
            return *e;
        }
        return r;
    }

    /// Grades every donor against a patient row: out[i] is donor i's grade. Allocates nothing.
    /// Precondition (contract): out.size() == size().
    void grade_all(const row& patient, std::span<registry_grade> out) const {
        HSCT_EXPECTS(out.size() == rows_.size(), "donor_registry::grade_all: out.size() != size()");
        const row p = patient;
        const row* d = rows_.data();
        const std::size_t n = rows_.size();
        for (std::size_t i = 0; i < n; ++i) {
            const row& x = d[i];
            std::uint32_t g = 0;
            for (std::size_t l = 0; l < 5; ++l) {
                g |= detail::registry_locus_grade(p[2 * l], p[2 * l + 1], x[2 * l], x[2 * l + 1])
                     << (6U * l);
            }
            out[i] = registry_grade(g);
        }
    }

    /// DON-REG-001: the donors matched at `min_matched` of 10 copies or more (allele level),
    /// best first (most matched; then the registry order).
    template <class = void>
    [[nodiscard]] result<std::vector<registry_hit>> search(const hla_typing& patient,
                                                           unsigned min_matched = 8) const {
        auto p = patient_row(patient);
        if (!p) {
            return p.error();
        }
        std::vector<registry_grade> grades(rows_.size());
        grade_all(*p, grades);
        std::array<std::vector<registry_hit>, 11> by_matched;
        for (std::size_t i = 0; i < grades.size(); ++i) {
            const unsigned m = grades[i].matched();
            if (m >= min_matched) {
                by_matched[m].push_back({static_cast<std::uint32_t>(i), grades[i]});
            }
        }
        std::vector<registry_hit> hits;
        for (std::size_t m = 11; m-- > 0;) {
            hits.insert(hits.end(), by_matched[m].begin(), by_matched[m].end());
        }
        return hits;
    }

private:
    /// The key ids of a typing's ten copies; `intern` (the registry's own index, or nullptr to
    /// look up only) takes keys the registry has not seen.
    template <class = void>
    [[nodiscard]] std::optional<error> keys_of(const hla_typing& t, std::string_view who,
                                               detail::name_index* intern, row& r) const {
        constexpr std::array<match_locus, 5> loci{match_locus::a, match_locus::b, match_locus::c,
                                                  match_locus::drb1, match_locus::dqb1};
        std::vector<hla_name> unknown;  // a patient's keys no donor has, in order
        for (std::size_t l = 0; l < loci.size(); ++l) {
            const auto* lt = t.at(loci[l]);
            const auto field = field_ref(who, id(loci[l]));
            if (lt == nullptr) {
                return error(errc::missing, field, "(not typed)",
                             "a typing at A, B, C, DRB1 and DQB1", "DON-REG-001");
            }
            if (lt->alternatives.size() != 1) {
                return error(errc::inconsistent, field, t.text(),
                             "one genotype (no '|' list): grade it with assess_hla_match",
                             "DON-REG-001");
            }
            const auto& g = lt->alternatives[0];
            if (g.copies[0].null() && g.copies[1].null()) {
                return error(errc::inconsistent, field, t.text(), "an expressed allele",
                             "DON-REG-001");
            }
            std::array<std::uint32_t, 2> ids{};
            for (std::size_t c = 0; c < 2; ++c) {
                const hla_copy& copy = g.copies[g.copies[c].null() ? 1 - c : c];
                const auto keys = copy.allele_keys(key_);
                if (keys.size() != 1) {
                    return error(errc::inconsistent, field, t.text(),
                                 "one allele-level key per copy (an allele at intermediate "
                                 "resolution or finer, not ambiguous): grade it with "
                                 "assess_hla_match",
                                 "DON-REG-001");
                }
                if (const std::uint32_t* found = index_.find(keys[0])) {
                    ids[c] = *found;
                } else if (intern != nullptr) {
                    const auto next = static_cast<std::uint32_t>(intern->size());
                    static_cast<void>(intern->insert(keys[0], next));
                    ids[c] = next;
                } else {
                    std::size_t k = 0;
                    while (k < unknown.size() && !(unknown[k] == keys[0])) {
                        ++k;
                    }
                    if (k == unknown.size()) {
                        unknown.push_back(keys[0]);
                    }
                    ids[c] = 0xFFFFFFFFU - static_cast<std::uint32_t>(k);
                }
            }
            r[2 * l] = ids[0];
            r[2 * l + 1] = ids[1];
        }
        return std::nullopt;
    }

    allele_match_definition key_;
    std::vector<row> rows_;
    detail::name_index index_;
    std::string release_;
};

}  // namespace hsct::donor

#endif  // HSCT_DONOR_REGISTRY_HPP
