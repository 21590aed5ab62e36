// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Donor kinds and an explained donor ranking. A donor's kind (autologous, matched sibling,
// other matched related, matched or mismatched unrelated, haploidentical, cord blood) follows
// from its relation to the patient and its HLA grade (hla_match.hpp); candidates are ranked by
// a named, cited policy whose criteria are data, and every rank says which criterion decided it.
//
//   using namespace hsct::donor;
//   auto kind = classify_donor(donor_relation::sibling, *match);      // result<donor_kind_result>
//   std::vector<donor_candidate> c = {...};   // relation, HLA grade, compatibility, id
//   auto r = rank_donors(c);                  // result<donor_ranking>, EBMT Handbook 2024 policy
//   r->ranked[0].candidate;                   // index of the best candidate
//   r->ranked[1].decided_by;                  // the criterion that put it below ranked[0]
//   r->excluded;                              // who was left out, and why
//
// DON-KIND-001: kinds. Self -> autologous (an autologous "donor" whose typing differs from the
// patient's is an error). A cord blood unit -> cord blood (its HLA grade and cell doses go
// to the graft stage as a cord_blood_unit, cord_blood.hpp). A related or unrelated donor
// matched at allele level over the loci of `matched_definition` (8/8 A, B, C, DRB1 by default, HB24 ch. 9 section
// 9.3.7; 10/10, "in Europe often", as the alternative) is a matched sibling, other matched
// related or matched unrelated donor. A mismatched unrelated donor is mismatched unrelated. A
// mismatched relative with at least one copy matched at every locus of the definition is
// haploidentical (a shared haplotype cannot be proved without phase: this is the necessary
// condition, hsct's reading [P]); a relative mismatched at both copies of a locus is
// `mismatched_related` (hsct's own kind). A match total that is unknown or ambiguous leaves the
// kind undecided, never guessed.
//
// DON-RANK-001: ranking. The policy's criteria are applied in order, as a lexicographic
// comparison; the first criterion on which two candidates differ decides between them, and a
// candidate equal to the one above it on every criterion shares its rank (a tie is reported as a
// tie). A value the inputs do not give (donor age, CMV) ranks below every known value of that
// criterion and is reported. Candidates are excluded, each with its reason, when the policy
// gives their kind no tier, their kind is undecided, or their HLA total is unknown.
// DON-RANK-002: the default policy, `ebmt_2024_policy()`: donor kind tier (HLA-identical
// sibling; then matched unrelated or other matched related; then mismatched unrelated or
// haploidentical; then cord blood and mismatched related: HB24 ch. 9 section 9.3.7, ch. 12 key
// points), then HLA allele-level matches (10/10 better than 9/10), a mismatch at DQB1 only
// (the best tolerated: HB24 ch. 9 section 9.3.2.2), DPB1 TCE (match or permissive before
// non-permissive: section 9.3.5), donor age in 10-year bands (the most relevant non-HLA factor:
// HB24 ch. 12 section 12.3.2; the band width is hsct's [P]), CMV serostatus as preferred,
// female donor to male recipient avoided, a multiparous donor avoided, ABO major then minor
// incompatibility avoided (HB24 ch. 12 section 12.4.6). `ebmt_2024_paediatric_policy()` follows
// the order of the EBMT paediatric survey printed in HB24 ch. 12 section 12.4.6 (Balduzzi 2021):
// HLA, CMV, donor age, donor sex, ABO major, ABO minor (stem cell source and donor centre
// location are not modelled here). A centre writes its own as data: a ranking_policy, or an
// order read by parse_ranking_order("donor_kind_tier,hla_allele_matched,donor_age_band").
#ifndef HSCT_DONOR_DONOR_CHOICE_HPP
#define HSCT_DONOR_DONOR_CHOICE_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hsct/core/config.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/donor/compatibility.hpp"
#include "hsct/donor/hla_match.hpp"
#include "hsct/donor/vocabulary.hpp"

namespace hsct::donor {

/// How a donor is related to the patient (DON-KIND-001).
enum class donor_relation : std::uint8_t {
    self = 1,             ///< the patient (autologous)
    sibling = 2,
    parent = 3,
    child = 4,
    other_relative = 5,
    unrelated = 6,        ///< a registry donor
    cord_blood_unit = 7,  ///< an unrelated cord blood unit
};

constexpr auto hsct_enum_table(donor_relation) noexcept {
    return make_enum_table<donor_relation>("donor_relation", {
        {donor_relation::self, "self", "the patient (autologous)"},
        {donor_relation::sibling, "sibling", "sibling"},
        {donor_relation::parent, "parent", "parent"},
        {donor_relation::child, "child", "child"},
        {donor_relation::other_relative, "other_relative", "other relative"},
        {donor_relation::unrelated, "unrelated", "unrelated donor"},
        {donor_relation::cord_blood_unit, "cord_blood_unit", "cord blood unit"},
    });
}

/// A donor's kind (DON-KIND-001).
enum class donor_kind : std::uint8_t {
    autologous = 1,
    matched_sibling = 2,
    other_matched_related = 3,
    matched_unrelated = 4,
    mismatched_unrelated = 5,
    haploidentical = 6,
    mismatched_related = 7,  ///< hsct's own: a relative mismatched at both copies of a locus
    cord_blood = 8,
};

constexpr auto hsct_enum_table(donor_kind) noexcept {
    return make_enum_table<donor_kind>("donor_kind", {
        {donor_kind::autologous, "autologous", "autologous"},
        {donor_kind::matched_sibling, "matched_sibling", "HLA-matched sibling"},
        {donor_kind::other_matched_related, "other_matched_related", "other HLA-matched relative"},
        {donor_kind::matched_unrelated, "matched_unrelated", "HLA-matched unrelated donor"},
        {donor_kind::mismatched_unrelated, "mismatched_unrelated", "HLA-mismatched unrelated donor"},
        {donor_kind::haploidentical, "haploidentical", "haploidentical relative"},
        {donor_kind::mismatched_related, "mismatched_related", "mismatched relative (not haploidentical)"},
        {donor_kind::cord_blood, "cord_blood", "cord blood unit"},
    });
}

/// DON-KIND-001: which loci a "matched" donor is matched at, at allele level.
enum class matched_donor_definition : std::uint8_t {
    allele_8_of_8 = 1,    ///< default: A, B, C, DRB1 (HB24 ch. 9 section 9.3.7; NMDP)
    allele_10_of_10 = 2,  ///< + DQB1 ("in Europe often 10/10", same section)
};

constexpr auto hsct_enum_table(matched_donor_definition) noexcept {
    return make_enum_table<matched_donor_definition>("matched_donor_definition", {
        {matched_donor_definition::allele_8_of_8, "allele_8_of_8", "8/8 at allele level (A, B, C, DRB1)"},
        {matched_donor_definition::allele_10_of_10, "allele_10_of_10", "10/10 at allele level (A, B, C, DRB1, DQB1)"},
    });
}

/// What decided a donor's kind.
enum class donor_kind_criterion : std::uint8_t {
    relation_self = 1,
    relation_cord_blood = 2,
    matched_total = 3,         ///< the total of the definition, at allele level
    one_copy_each_locus = 4,   ///< haploidentical: at most one mismatch at each locus
    total_undecided = 5,       ///< the total is unknown or ambiguous: no kind
};

constexpr auto hsct_enum_table(donor_kind_criterion) noexcept {
    return make_enum_table<donor_kind_criterion>("donor_kind_criterion", {
        {donor_kind_criterion::relation_self, "relation_self", "the donor is the patient"},
        {donor_kind_criterion::relation_cord_blood, "relation_cord_blood", "a cord blood unit"},
        {donor_kind_criterion::matched_total, "matched_total", "allele-level total of the matched-donor definition"},
        {donor_kind_criterion::one_copy_each_locus, "one_copy_each_locus", "at least one copy matched at every locus (haploidentical)"},
        {donor_kind_criterion::total_undecided, "total_undecided", "the match total is unknown or ambiguous"},
    });
}

/// A donor's kind and what decided it.
struct donor_kind_result {
    std::optional<donor_kind> kind;  ///< empty when undecided
    donor_kind_criterion decided_by = donor_kind_criterion::total_undecided;
    match_total total;               ///< the total read (allele level, of the definition)
    matched_donor_definition definition = matched_donor_definition::allele_8_of_8;
};

namespace detail {
[[nodiscard]] inline bool is_related(donor_relation r) noexcept {
    return r == donor_relation::sibling || r == donor_relation::parent ||
           r == donor_relation::child || r == donor_relation::other_relative;
}
}  // namespace detail

/// DON-KIND-001: a donor's kind from its relation and its HLA grade against the patient.
/// Errors: an undeclared enum; an autologous donor whose grade shows a mismatch at any level
/// of any locus (errc::inconsistent, field "relation").
template <class = void>  // compiled only where called (docs/conventions.md §7)
[[nodiscard]] result<donor_kind_result> classify_donor(
    donor_relation relation, const hla_match_result& hla,
    matched_donor_definition definition = matched_donor_definition::allele_8_of_8) {
    using hsct::detail::check_enum;
    if (auto e = check_enum(relation, "relation")) {
        return *e;
    }
    if (auto e = check_enum(definition, "definition")) {
        return *e;
    }
    donor_kind_result r;
    r.definition = definition;
    const auto kind_total = definition == matched_donor_definition::allele_10_of_10
                                ? match_total_kind::ten
                                : match_total_kind::eight;
    r.total = hla.total(kind_total, match_level::allele);
    if (relation == donor_relation::self) {
        for (const auto& l : hla.loci) {
            if (!l) {
                continue;
            }
            for (const auto* g : {&l->antigen, &l->allele}) {
                if (g->status != match_status::unknown && (g->possible & 1U) == 0U) {
                    return error(errc::inconsistent, "relation", "self",
                                 "a donor other than the patient: the typings differ at " +
                                     std::string(label(l->locus)),
                                 "DON-KIND-001");
                }
            }
        }
        r.kind = donor_kind::autologous;
        r.decided_by = donor_kind_criterion::relation_self;
        return r;
    }
    if (relation == donor_relation::cord_blood_unit) {
        r.kind = donor_kind::cord_blood;
        r.decided_by = donor_kind_criterion::relation_cord_blood;
        return r;
    }
    if (r.total.status != match_status::decided) {
        r.decided_by = donor_kind_criterion::total_undecided;
        return r;
    }
    r.decided_by = donor_kind_criterion::matched_total;
    if (r.total.matched == r.total.out_of) {
        r.kind = relation == donor_relation::sibling       ? donor_kind::matched_sibling
                 : relation == donor_relation::unrelated   ? donor_kind::matched_unrelated
                                                           : donor_kind::other_matched_related;
        return r;
    }
    if (relation == donor_relation::unrelated) {
        r.kind = donor_kind::mismatched_unrelated;
        return r;
    }
    // a mismatched relative: haploidentical when every locus keeps one copy
    constexpr std::array<match_locus, 5> loci{match_locus::a, match_locus::b, match_locus::c,
                                              match_locus::drb1, match_locus::dqb1};
    const std::size_t n = definition == matched_donor_definition::allele_10_of_10 ? 5 : 4;
    bool one_each = true;
    for (std::size_t i = 0; i < n; ++i) {
        one_each = one_each && hla.at(loci[i]).allele.grade.mismatches <= 1;
    }
    r.decided_by = donor_kind_criterion::one_copy_each_locus;
    r.kind = one_each ? donor_kind::haploidentical : donor_kind::mismatched_related;
    return r;
}

// ---------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------

/// A ranking criterion (DON-RANK-001/002). Each gives a candidate a value; higher is better.
enum class ranking_criterion : std::uint8_t {
    donor_kind_tier = 1,         ///< the policy's tier of the donor's kind (1 best)
    hla_allele_matched = 2,      ///< copies matched at allele level (the policy's total)
    hla_antigen_matched = 3,     ///< copies matched at antigen level (the policy's total)
    mismatch_dqb1_only = 4,      ///< the only allele-level mismatches are at DQB1
    dpb1_tce = 5,                ///< DPB1 match > permissive > non-permissive
    donor_age_band = 6,          ///< younger band first (band width in the policy)
    cmv_as_preferred = 7,        ///< donor CMV serostatus as preferred for the recipient
    avoid_female_to_male = 8,    ///< not female donor to male recipient
    avoid_multiparous = 9,       ///< a donor with fewer than 2 pregnancies
    abo_no_major = 10,           ///< no major (or bidirectional) ABO incompatibility
    abo_no_minor = 11,           ///< no minor (or bidirectional) ABO incompatibility
};

constexpr auto hsct_enum_table(ranking_criterion) noexcept {
    using c = ranking_criterion;
    return make_enum_table<ranking_criterion>("ranking_criterion", {
        {c::donor_kind_tier, "donor_kind_tier", "donor kind (tier of the policy)"},
        {c::hla_allele_matched, "hla_allele_matched", "HLA matches at allele level"},
        {c::hla_antigen_matched, "hla_antigen_matched", "HLA matches at antigen level"},
        {c::mismatch_dqb1_only, "mismatch_dqb1_only", "any allele mismatch at DQB1 only (best tolerated)"},
        {c::dpb1_tce, "dpb1_tce", "DPB1 match or permissive TCE mismatch"},
        {c::donor_age_band, "donor_age_band", "younger donor (age band)"},
        {c::cmv_as_preferred, "cmv_as_preferred", "donor CMV serostatus as preferred for the recipient"},
        {c::avoid_female_to_male, "avoid_female_to_male", "not a female donor to a male recipient"},
        {c::avoid_multiparous, "avoid_multiparous", "not a multiparous donor"},
        {c::abo_no_major, "abo_no_major", "no major ABO incompatibility"},
        {c::abo_no_minor, "abo_no_minor", "no minor ABO incompatibility"},
    });
}

/// The most criteria a policy applies.
inline constexpr std::size_t max_ranking_criteria = 16;

/// A ranking policy: data a centre can write. kind_tier[k - 1] is the tier of donor_kind k
/// (1 best; 0: not a candidate, excluded).
struct ranking_policy {
    std::string_view name;
    std::string_view source;
    hsct::fixed_list<ranking_criterion, max_ranking_criteria> order;
    std::array<std::uint8_t, 8> kind_tier{};
    match_total_kind hla_total = match_total_kind::ten;
    matched_donor_definition matched_definition = matched_donor_definition::allele_8_of_8;
    int age_band_years = 10;  ///< DON-RANK-002 [P]: donors within one band are equal on age
    bool exclude_hla_unknown = true;
};

namespace detail {
/// A policy with the four tiers of HB24 ch. 9 section 9.3.7 (HLA-identical sibling; matched
/// unrelated or other matched related; mismatched unrelated or haploidentical; cord blood or
/// mismatched related) and `order`.
[[nodiscard]] inline ranking_policy tiered_policy(std::string_view name, std::string_view source,
                                                  std::initializer_list<ranking_criterion> order) {
    ranking_policy p;
    p.name = name;
    p.source = source;
    for (const auto k : order) {
        p.order.push_back(k);
    }
    p.kind_tier = {0, 1, 2, 2, 3, 3, 4, 4};
    return p;
}
}  // namespace detail

/// DON-RANK-002: the default policy, from the EBMT Handbook 2024 (ch. 9 section 9.3.7 and
/// ch. 12).
[[nodiscard]] inline ranking_policy ebmt_2024_policy() {
    using c = ranking_criterion;
    return detail::tiered_policy(
        "ebmt_2024", "EBMT Handbook 2024 ch. 9 (section 9.3.7) and ch. 12 (key points, 12.3.2, 12.4.6)",
        {c::donor_kind_tier, c::hla_allele_matched, c::mismatch_dqb1_only, c::dpb1_tce,
         c::donor_age_band, c::cmv_as_preferred, c::avoid_female_to_male, c::avoid_multiparous,
         c::abo_no_major, c::abo_no_minor});
}

/// DON-RANK-002: the order of the EBMT paediatric survey (HB24 ch. 12 section 12.4.6,
/// Balduzzi 2021), without the factors not modelled (stem cell source, donor centre location).
[[nodiscard]] inline ranking_policy ebmt_2024_paediatric_policy() {
    using c = ranking_criterion;
    auto p = detail::tiered_policy(
        "ebmt_2024_paediatric_survey",
        "EBMT Handbook 2024 ch. 12 section 12.4.6 (Balduzzi et al. 2021 survey order)",
        {c::donor_kind_tier, c::hla_allele_matched, c::cmv_as_preferred, c::donor_age_band,
         c::avoid_female_to_male, c::avoid_multiparous, c::abo_no_major, c::abo_no_minor});
    p.matched_definition = matched_donor_definition::allele_10_of_10;  // "10/10 better than 9/10"
    return p;
}

/// DON-RANK-002: the NMDP/CIBMTR guideline as its public summary states it (NMDP "Donor and
/// Cord Blood Unit Selection Guidelines" page and the 2019 announcement of Dehn J et al.,
/// Blood 2019;134:924 [V2]: the full paper was not read here): high-resolution HLA match at A,
/// B, C and DRB1 first (8/8), younger donor age second ("the second most impactful
/// consideration"), then permissive over non-permissive DPB1 mismatches. The factors the
/// summary does not order (CMV, sex, ABO) are left out rather than guessed.
[[nodiscard]] inline ranking_policy nmdp_cibmtr_2019_summary_policy() {
    using c = ranking_criterion;
    auto p = detail::tiered_policy(
        "nmdp_cibmtr_2019_summary",
        "NMDP/CIBMTR donor selection guidelines (Dehn et al., Blood 2019), public summary",
        {c::donor_kind_tier, c::hla_allele_matched, c::donor_age_band, c::dpb1_tce});
    p.hla_total = match_total_kind::eight;
    return p;
}

/// DON-RANK-001: reads an order of criteria written as their ids, comma separated.
template <class = void>
[[nodiscard]] result<hsct::fixed_list<ranking_criterion, max_ranking_criteria>>
parse_ranking_order(std::string_view text) {
    hsct::fixed_list<ranking_criterion, max_ranking_criteria> out;
    std::size_t i = 0;
    std::size_t n = 0;
    while (i <= text.size()) {
        const std::size_t j = std::min(text.find(',', i), text.size());
        const auto item = hsct::detail::trim(text.substr(i, j - i));
        auto c = parse_enum<ranking_criterion>(item, field_ref("ranking_order").at(n));
        if (!c) {
            return c.error();
        }
        for (const auto x : out) {
            if (x == *c) {
                return error(errc::inconsistent, field_ref("ranking_order").at(n),
                             std::string(item), "each criterion once", "DON-RANK-001");
            }
        }
        if (out.size() == max_ranking_criteria) {
            return error(errc::out_of_range, "ranking_order", std::string(text),
                         "at most 16 criteria", "DON-RANK-001");
        }
        out.push_back(*c);
        ++n;
        i = j + 1;
    }
    return out;
}

/// One candidate donor.
struct donor_candidate {
    std::string_view id;                   ///< the caller's identifier (kept alive by the caller)
    donor_relation relation = donor_relation::unrelated;
    const hla_match_result* hla = nullptr;  ///< the donor graded against the patient (required)
    compatibility_result compatibility;    ///< assess_compatibility for this donor
};

/// Why a candidate was left out.
enum class exclusion_reason : std::uint8_t {
    kind_not_ranked = 1,   ///< the policy gives its kind no tier (e.g. autologous)
    kind_undecided = 2,    ///< its HLA total is unknown or ambiguous
    hla_unknown = 3,       ///< the policy's HLA total is unknown (exclude_hla_unknown)
};

constexpr auto hsct_enum_table(exclusion_reason) noexcept {
    return make_enum_table<exclusion_reason>("exclusion_reason", {
        {exclusion_reason::kind_not_ranked, "kind_not_ranked", "the policy does not rank this kind of donor"},
        {exclusion_reason::kind_undecided, "kind_undecided", "donor kind undecided (HLA total unknown or ambiguous)"},
        {exclusion_reason::hla_unknown, "hla_unknown", "HLA total of the policy unknown"},
    });
}

/// A candidate left out, and why.
struct excluded_donor {
    std::uint32_t candidate = 0;  ///< index into the candidates
    exclusion_reason reason = exclusion_reason::kind_not_ranked;
    std::optional<donor_kind> kind;
    std::optional<match_locus> unknown_at;  ///< hla_unknown: the locus that made it so
};

/// A criterion value: known (higher is better) or not given by the inputs.
struct ranking_value {
    std::int32_t value = 0;
    bool known = false;
    friend constexpr bool operator==(const ranking_value&, const ranking_value&) noexcept = default;
};

/// One ranked candidate.
struct ranked_donor {
    std::uint32_t candidate = 0;  ///< index into the candidates
    std::uint32_t rank = 1;       ///< 1-based; tied candidates share a rank
    bool tied_with_previous = false;
    donor_kind kind = donor_kind::matched_unrelated;
    /// The criterion that put this candidate below the previous one (empty for the first and
    /// for a tie), with both values.
    std::optional<ranking_criterion> decided_by;
    ranking_value value;           ///< this candidate's value of decided_by
    ranking_value previous_value;  ///< the previous candidate's
    /// Every criterion's value, in the policy's order.
    hsct::fixed_list<ranking_value, max_ranking_criteria> values;
};

/// The ranking: the ranked candidates best first, the excluded, and the policy applied.
struct donor_ranking {
    std::vector<ranked_donor> ranked;
    std::vector<excluded_donor> excluded;
    hsct::fixed_list<ranking_criterion, max_ranking_criteria> order;
    std::string_view policy_name;
    std::string_view policy_source;
};

namespace detail {
[[nodiscard]] inline ranking_value known(std::int32_t v) noexcept { return {v, true}; }

template <class = void>
[[nodiscard]] ranking_value ranking_value_of(ranking_criterion c, const donor_candidate& d,
                                                   donor_kind kind, const ranking_policy& p) {
    const hla_match_result& h = *d.hla;
    const compatibility_result& x = d.compatibility;
    switch (c) {
        case ranking_criterion::donor_kind_tier:
            return known(-static_cast<std::int32_t>(p.kind_tier[static_cast<std::size_t>(kind) - 1U]));
        case ranking_criterion::hla_allele_matched:
        case ranking_criterion::hla_antigen_matched: {
            const auto& t = h.total(p.hla_total, c == ranking_criterion::hla_allele_matched
                                                     ? match_level::allele
                                                     : match_level::antigen);
            if (t.status == match_status::unknown) {
                return {};
            }
            return known(static_cast<std::int32_t>(t.min_matched()));  // the worst case [P]
        }
        case ranking_criterion::mismatch_dqb1_only: {
            bool other = false;
            for (const auto l : {match_locus::a, match_locus::b, match_locus::c, match_locus::drb1,
                                 match_locus::dqb1}) {
                const auto* lm = h.find(l);
                if (lm == nullptr || lm->allele.status != match_status::decided) {
                    return {};
                }
                other = other || (l != match_locus::dqb1 && lm->allele.grade.mismatches > 0);
            }
            // 1: no mismatch or only at DQB1; 0: a mismatch elsewhere
            return known(other ? 0 : 1);
        }
        case ranking_criterion::dpb1_tce: {
            const auto* lm = h.find(match_locus::dpb1);
            if (lm == nullptr || !lm->tce || lm->tce->status != match_status::decided) {
                return {};
            }
            switch (lm->tce->outcome) {
                case dpb1_tce_outcome::match: return known(2);
                case dpb1_tce_outcome::permissive: return known(1);
                default: return known(0);
            }
        }
        case ranking_criterion::donor_age_band:
            if (!x.donor_age || p.age_band_years <= 0) {
                return {};
            }
            return known(-(x.donor_age->completed_years() / p.age_band_years));
        case ranking_criterion::cmv_as_preferred:
            return x.cmv_donor_as_preferred ? known(*x.cmv_donor_as_preferred ? 1 : 0) : ranking_value{};
        case ranking_criterion::avoid_female_to_male:
            return x.female_to_male ? known(*x.female_to_male ? 0 : 1) : ranking_value{};
        case ranking_criterion::avoid_multiparous:
            if (x.donor_multiparous) {
                return known(*x.donor_multiparous ? 0 : 1);
            }
            return x.donor_sex == hsct::sex::male ? known(1) : ranking_value{};
        case ranking_criterion::abo_no_major:
            if (!x.abo) {
                return {};
            }
            return known(*x.abo == abo_relation::major || *x.abo == abo_relation::bidirectional ? 0 : 1);
        case ranking_criterion::abo_no_minor:
            if (!x.abo) {
                return {};
            }
            return known(*x.abo == abo_relation::minor || *x.abo == abo_relation::bidirectional ? 0 : 1);
    }
    return {};
}

/// <0: a before b; >0: b before a; 0: equal. `at`: the first criterion that differed.
[[nodiscard]] inline int compare_values(std::span<const ranking_value> a,
                                        std::span<const ranking_value> b, std::size_t& at) noexcept {
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) {
            continue;
        }
        at = i;
        if (a[i].known != b[i].known) {
            return a[i].known ? -1 : 1;  // a known value ranks above a missing one
        }
        return a[i].value > b[i].value ? -1 : 1;
    }
    return 0;
}
}  // namespace detail

/// DON-RANK-001/002: ranks candidates under `policy`. Errors: a candidate without its HLA grade
/// (errc::missing, "candidates[i].hla"); an undeclared enum; a policy with no criterion or a
/// criterion twice; an autologous candidate whose typing differs from the patient's.
template <class = void>  // compiled only where called (docs/conventions.md §7)
[[nodiscard]] result<donor_ranking> rank_donors(std::span<const donor_candidate> candidates,
                                                       const ranking_policy& policy = ebmt_2024_policy()) {
    using hsct::detail::check_enum;
    if (policy.order.empty()) {
        return error(errc::missing, "policy.order", "(empty)", "at least one ranking criterion",
                     "DON-RANK-001");
    }
    for (std::size_t i = 0; i < policy.order.size(); ++i) {
        if (auto e = check_enum(policy.order[i], field_ref("policy.order").at(i))) {
            return *e;
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (policy.order[j] == policy.order[i]) {
                return error(errc::inconsistent, field_ref("policy.order").at(i),
                             std::string(id(policy.order[i])), "each criterion once", "DON-RANK-001");
            }
        }
    }
    if (auto e = check_enum(policy.hla_total, "policy.hla_total")) {
        return *e;
    }
    donor_ranking out;
    out.order = policy.order;
    out.policy_name = policy.name;
    out.policy_source = policy.source;
    struct row {
        std::uint32_t index{};
        donor_kind kind{};
        hsct::fixed_list<ranking_value, max_ranking_criteria> values;
    };
    std::vector<row> rows;
    rows.reserve(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& c = candidates[i];
        const auto idx = static_cast<std::uint32_t>(i);
        if (c.hla == nullptr) {
            return error(errc::missing, field_ref("candidates", "hla").at(i), "(none)",
                         "the donor's HLA grade against the patient (assess_hla_match)",
                         "DON-RANK-001");
        }
        auto kind = classify_donor(c.relation, *c.hla, policy.matched_definition);
        if (!kind) {
            return with_field(kind.error(), field_ref("candidates", "relation").at(i));
        }
        if (!kind->kind) {
            out.excluded.push_back({idx, exclusion_reason::kind_undecided, std::nullopt,
                                    kind->total.unknown_at});
            continue;
        }
        if (policy.kind_tier[static_cast<std::size_t>(*kind->kind) - 1U] == 0) {
            out.excluded.push_back({idx, exclusion_reason::kind_not_ranked, kind->kind, std::nullopt});
            continue;
        }
        const auto& t = c.hla->total(policy.hla_total, match_level::allele);
        if (policy.exclude_hla_unknown && t.status == match_status::unknown) {
            out.excluded.push_back({idx, exclusion_reason::hla_unknown, kind->kind, t.unknown_at});
            continue;
        }
        row r{idx, *kind->kind, {}};
        for (const auto crit : policy.order) {
            r.values.push_back(detail::ranking_value_of(crit, c, *kind->kind, policy));
        }
        rows.push_back(r);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const row& a, const row& b) {
        std::size_t at = 0;
        return detail::compare_values(a.values, b.values, at) < 0;
    });
    out.ranked.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ranked_donor d;
        d.candidate = rows[i].index;
        d.kind = rows[i].kind;
        d.values = rows[i].values;
        if (i == 0) {
            d.rank = 1;
        } else {
            std::size_t at = 0;
            const int cmp = detail::compare_values(rows[i - 1].values, rows[i].values, at);
            if (cmp == 0) {
                d.tied_with_previous = true;
                d.rank = out.ranked.back().rank;
            } else {
                d.rank = static_cast<std::uint32_t>(i + 1);
                d.decided_by = policy.order[at];
                d.value = rows[i].values[at];
                d.previous_value = rows[i - 1].values[at];
            }
        }
        out.ranked.push_back(d);
    }
    return out;
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_DONOR_CHOICE_HPP
