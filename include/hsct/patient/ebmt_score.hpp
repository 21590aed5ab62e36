// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// EBMT (Gratwohl) risk score: age, disease stage, interval from diagnosis to HCT, donor type
// and donor-recipient sex -> 0-7 points (0-5 for autologous HCT, which has no donor factors).
//
//   using namespace hsct::patient;
//   using namespace std::chrono;
//   ebmt_input in{*age::make(45, 0), diagnosis::aml(cytogenetic_risk::adverse),
//                 disease_status::cr1, sys_days{2024y/January/10}, sys_days{2024y/June/10},
//                 donor_type::unrelated, sex::male, sex::female};
//   auto r = assess_ebmt(in);            // result<ebmt_result>; an error only for bad input
//   r->status;                           // ebmt_status::scored (or not_applicable, incomplete)
//   r->total->value();                   // 4 (set only when scored)
//   r->group;                            // ebmt_risk_group::intermediate (0-2 / 3-4 / 5-7)
//                                        // (autologous: not_grouped by default, PAT-EBMT-010)
//   r->points_of(ebmt_factor::age);      // 2
//   for (const auto& c : r->criteria) {} // every criterion evaluated, as data
//   hsct::patient::render(*r);           // text: <hsct/patient/ebmt_score_text.hpp>
//
// A patient the score does not cover (a haploidentical, cord blood or other related donor; a
// disease without an EBMT stage row such as Hodgkin lymphoma; CML accelerated phase under the
// default policy) is a value, `ebmt_status::not_applicable`, with the criterion that decided it
// in `decided_by`; missing inputs (disease status, donor sex) give `ebmt_status::incomplete`
// with the fields in `missing`. Errors are only for bad input: an enum number that is not
// declared, an HCT before diagnosis, a donor sex for an autologous HCT, a CML phase for
// another disease.
//
// Sources: Gratwohl A et al., Lancet 1998;352:1087-1092 (CML); Gratwohl A et al., Cancer
// 2009;115:4715-4726 (all diseases, 0-7); Gratwohl A, Bone Marrow Transplant 2012;47:749-756
// (autologous 0-5); bins and stage definitions as printed in EBMT Handbook 2024 ch. 11,
// Table 11.2 and its footnotes. Where the sources differ the choice is a policy in
// `ebmt_options`, carried on the result. "Verified" here means "matches EBMT Handbook 2024
// Table 11.2 [V-HB24]": the handbook's reproduction was read, Gratwohl 2009 Table 1 was not.
#ifndef HSCT_PATIENT_EBMT_SCORE_HPP
#define HSCT_PATIENT_EBMT_SCORE_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/clinical.hpp"
#include "hsct/core/config.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/score.hpp"
#include "hsct/core/date.hpp"
#include "hsct/patient/vocabulary.hpp"

namespace hsct::patient {

/// The rule set this header implements.
inline constexpr std::string_view ebmt_rule_version =
    "EBMT risk score (Gratwohl 2009; autologous form Gratwohl 2012) with bins and stage "
    "definitions as printed in EBMT Handbook 2024 Table 11.2";

// ---------------------------------------------------------------------------------------------
// Points, enums and options
// ---------------------------------------------------------------------------------------------

/// EBMT points: a factor's points or a total, 0-7 (CORE-SCORE-001).
struct ebmt_points_tag {
    static constexpr int min = 0;
    static constexpr int max = 7;
    static constexpr int step = 1;
    static constexpr std::string_view name = "ebmt_points";
    static constexpr std::string_view requirement = "PAT-EBMT-008";
};
using ebmt_points = hsct::bounded_score<ebmt_points_tag>;

/// EBMT disease stage (PAT-EBMT-002). Severe aplastic anaemia has no stage (0 points).
enum class ebmt_stage : std::uint8_t { early = 1, intermediate = 2, late = 3, not_applicable_saa = 4 };

constexpr auto hsct_enum_table(ebmt_stage) noexcept {
    return make_enum_table<ebmt_stage>("ebmt_stage", {
        {ebmt_stage::early, "early", "early"},
        {ebmt_stage::intermediate, "intermediate", "intermediate"},
        {ebmt_stage::late, "late", "late"},
        {ebmt_stage::not_applicable_saa, "not_applicable_saa", "not applicable (severe aplastic anaemia)"},
    });
}

/// PAT-EBMT-003 (policy): CML in accelerated phase has no bin in the handbook footnote (it
/// excludes AP from "intermediate" and names only blast crisis "late").
enum class cml_accelerated_phase_policy : std::uint8_t {
    /// default: no stage, so the score does not apply (ebmt_status::not_applicable); no guess
    refuse = 1,
    gratwohl_1998_intermediate = 2,  ///< AP = intermediate, as hsct recalls the 1998 CML score (UNVERIFIED)
};

constexpr auto hsct_enum_table(cml_accelerated_phase_policy) noexcept {
    return make_enum_table<cml_accelerated_phase_policy>("cml_accelerated_phase_policy", {
        {cml_accelerated_phase_policy::refuse, "refuse", "CML AP: no stage, score not applicable"},
        {cml_accelerated_phase_policy::gratwohl_1998_intermediate, "gratwohl_1998_intermediate", "CML AP intermediate (Gratwohl 1998 recollection, unverified)"},
    });
}

/// PAT-EBMT-004 (policy): which side of the 12-month boundary exactly 12 months falls on.
enum class ebmt_interval_policy : std::uint8_t {
    hb24_lt12_0_ge12_1 = 1,         ///< default: < 12 months 0, >= 12 months 1 (EBMT Handbook 2024 Table 11.2)
    gratwohl_le12_0_gt12_1 = 2,     ///< <= 12 months 0, > 12 months 1 (secondary reproductions of Gratwohl 2009)
};

constexpr auto hsct_enum_table(ebmt_interval_policy) noexcept {
    return make_enum_table<ebmt_interval_policy>("ebmt_interval_policy", {
        {ebmt_interval_policy::hb24_lt12_0_ge12_1, "hb24_lt12_0_ge12_1", "interval < 12 mo = 0, >= 12 mo = 1 (HB24 Table 11.2)"},
        {ebmt_interval_policy::gratwohl_le12_0_gt12_1, "gratwohl_le12_0_gt12_1", "interval <= 12 mo = 0, > 12 mo = 1 (Gratwohl 2009 reproductions)"},
    });
}

/// PAT-EBMT-008 (policy): risk groups. The 2009 paper reports outcome per score.
enum class ebmt_grouping_policy : std::uint8_t {
    three_groups_0_2_3_4_5_7 = 1,  ///< default: low 0-2, intermediate 3-4, high 5-7 (common grouping)
    four_groups_0_2_3_4_5_7 = 2,   ///< low 0-2, intermediate-1 3, intermediate-2 4, high 5-7 (PubMed 24655161)
};

constexpr auto hsct_enum_table(ebmt_grouping_policy) noexcept {
    return make_enum_table<ebmt_grouping_policy>("ebmt_grouping_policy", {
        {ebmt_grouping_policy::three_groups_0_2_3_4_5_7, "three_groups_0_2_3_4_5_7", "groups 0-2 / 3-4 / 5-7"},
        {ebmt_grouping_policy::four_groups_0_2_3_4_5_7, "four_groups_0_2_3_4_5_7", "groups 0-2 / 3 / 4 / 5-7 (PubMed 24655161)"},
    });
}

/// A risk group. not_grouped: an autologous 0-5 score under the default
/// ebmt_autologous_grouping_policy::per_score_only (PAT-EBMT-010); read the total instead.
/// not_scored: the result has no total (ebmt_status::not_applicable or incomplete).
enum class ebmt_risk_group : std::uint8_t {
    low = 1,
    intermediate = 2,
    intermediate_1 = 3,
    intermediate_2 = 4,
    high = 5,
    not_grouped = 6,
    not_scored = 7,
};

constexpr auto hsct_enum_table(ebmt_risk_group) noexcept {
    return make_enum_table<ebmt_risk_group>("ebmt_risk_group", {
        {ebmt_risk_group::low, "low", "low"},
        {ebmt_risk_group::intermediate, "intermediate", "intermediate"},
        {ebmt_risk_group::intermediate_1, "intermediate_1", "intermediate-1"},
        {ebmt_risk_group::intermediate_2, "intermediate_2", "intermediate-2"},
        {ebmt_risk_group::high, "high", "high"},
        {ebmt_risk_group::not_grouped, "not_grouped", "not grouped"},
        {ebmt_risk_group::not_scored, "not_scored", "not scored"},
    });
}

/// PAT-EBMT-008: the risk group of a total under a grouping policy. Precondition (contract):
/// is_valid(g); assess_ebmt checks a stored grouping and refuses it first.
[[nodiscard]] constexpr ebmt_risk_group ebmt_group_of(ebmt_points total,
                                                      ebmt_grouping_policy g) noexcept {
    HSCT_EXPECTS(hsct::is_valid(g), "ebmt_group_of: ebmt_grouping_policy is not a declared value");
    const int v = total.value();
    if (v <= 2) {
        return ebmt_risk_group::low;
    }
    if (v >= 5) {
        return ebmt_risk_group::high;
    }
    if (g == ebmt_grouping_policy::three_groups_0_2_3_4_5_7) {
        return ebmt_risk_group::intermediate;
    }
    return v == 3 ? ebmt_risk_group::intermediate_1 : ebmt_risk_group::intermediate_2;
}

/// PAT-EBMT-010 (policy): what group an autologous score gets. The 0-2 / 3-4 / 5-7 cut-offs
/// were made for the allogeneic 0-7 score; hsct found no published grouping of the autologous
/// 0-5 score (Gratwohl 2012 abstract reports it per score). Stable numbers from 1.
enum class ebmt_autologous_grouping_policy : std::uint8_t {
    /// Default: no group (ebmt_risk_group::not_grouped); the 0-5 total is the result.
    per_score_only = 1,
    /// Apply the allogeneic grouping policy to the 0-5 score. hsct's policy, unverified; the
    /// result says so (ebmt_result::group_extrapolated).
    allogeneic_cut_offs_unverified = 2,
};

constexpr auto hsct_enum_table(ebmt_autologous_grouping_policy) noexcept {
    return make_enum_table<ebmt_autologous_grouping_policy>("ebmt_autologous_grouping_policy", {
        {ebmt_autologous_grouping_policy::per_score_only, "per_score_only", "autologous 0-5: per score only, no published grouping"},
        {ebmt_autologous_grouping_policy::allogeneic_cut_offs_unverified, "allogeneic_cut_offs_unverified",
         "autologous 0-5 grouped with the allogeneic 0-7 cut-offs (hsct policy, unverified)"},
    });
}

/// Every policy the score reads, with its default; carried on the result.
struct ebmt_options {
    age_resolution age_reading = age_resolution::completed_years;  ///< PAT-AGE-002 / K6
    ebmt_interval_policy interval = ebmt_interval_policy::hb24_lt12_0_ge12_1;
    cml_accelerated_phase_policy cml_ap = cml_accelerated_phase_policy::refuse;
    ebmt_grouping_policy grouping = ebmt_grouping_policy::three_groups_0_2_3_4_5_7;
    ebmt_autologous_grouping_policy autologous_grouping = ebmt_autologous_grouping_policy::per_score_only;
    friend constexpr bool operator==(const ebmt_options&, const ebmt_options&) noexcept = default;
};

/// The five factors of the score; each criterion belongs to one (ebmt_factor_of).
enum class ebmt_factor : std::uint8_t { age = 1, disease_stage = 2, interval = 3, donor_type = 4, sex_combination = 5 };

constexpr auto hsct_enum_table(ebmt_factor) noexcept {
    return make_enum_table<ebmt_factor>("ebmt_factor", {
        {ebmt_factor::age, "age", "age"},
        {ebmt_factor::disease_stage, "disease_stage", "disease stage"},
        {ebmt_factor::interval, "interval", "interval diagnosis to HCT"},
        {ebmt_factor::donor_type, "donor_type", "donor type"},
        {ebmt_factor::sex_combination, "sex_combination", "donor-recipient sex"},
    });
}

/// Every criterion the score evaluates (CORE-EXPLAIN-001). The stage criteria are the rows of
/// the HB24 Table 11.2 footnote a; their label is the row.
enum class ebmt_criterion : std::uint8_t {
    age_20_or_older = 1,                          ///< PAT-EBMT-001
    age_over_40 = 2,                              ///< PAT-EBMT-001
    stage_defined = 3,                            ///< PAT-EBMT-002 / -003: not met -> not applicable
    stage_early_acute_leukaemia_cr1 = 4,          ///< PAT-EBMT-002
    stage_intermediate_acute_leukaemia_cr2 = 5,
    stage_late_acute_leukaemia_other = 6,
    stage_early_mds = 7,
    stage_intermediate_mds = 8,
    stage_late_mds = 9,
    stage_early_cml_cp1 = 10,
    stage_intermediate_cml_cp2_or_later = 11,
    stage_intermediate_cml_ap_recollection = 12,  ///< PAT-EBMT-003, unverified
    stage_late_cml_blast_crisis = 13,
    stage_early_nhl_myeloma = 14,
    stage_intermediate_nhl_myeloma = 15,
    stage_late_nhl_myeloma = 16,
    stage_not_scored_saa = 17,                    ///< PAT-EBMT-009
    interval_12_months = 18,                      ///< PAT-EBMT-004
    donor_type_has_points = 19,                   ///< PAT-EBMT-005: not met -> not applicable
    donor_unrelated = 20,                         ///< PAT-EBMT-005
    donor_female = 21,                            ///< PAT-EBMT-006
    recipient_male = 22,                          ///< PAT-EBMT-006
};

constexpr auto hsct_enum_table(ebmt_criterion) noexcept {
    using c = ebmt_criterion;
    return make_enum_table<ebmt_criterion>("ebmt_criterion", {
        {c::age_20_or_older, "age_20_or_older", "age 20 years or older (1 point)"},
        {c::age_over_40, "age_over_40", "age over 40 years (2 points)"},
        {c::stage_defined, "stage_defined", "an EBMT stage defined for the disease and status (HB24 Table 11.2 footnote a)"},
        {c::stage_early_acute_leukaemia_cr1, "stage_early_acute_leukaemia_cr1", "early: acute leukaemia in CR1"},
        {c::stage_intermediate_acute_leukaemia_cr2, "stage_intermediate_acute_leukaemia_cr2", "intermediate: acute leukaemia in CR2"},
        {c::stage_late_acute_leukaemia_other, "stage_late_acute_leukaemia_other", "late: acute leukaemia in another stage"},
        {c::stage_early_mds, "stage_early_mds", "early: MDS in CR1 or untreated"},
        {c::stage_intermediate_mds, "stage_intermediate_mds", "intermediate: MDS in CR2 or PR"},
        {c::stage_late_mds, "stage_late_mds", "late: MDS in another stage"},
        {c::stage_early_cml_cp1, "stage_early_cml_cp1", "early: CML in first chronic phase"},
        {c::stage_intermediate_cml_cp2_or_later, "stage_intermediate_cml_cp2_or_later", "intermediate: CML in a status other than AP or BP (CP2 or later)"},
        {c::stage_intermediate_cml_ap_recollection, "stage_intermediate_cml_ap_recollection", "intermediate: CML accelerated phase (policy gratwohl_1998_intermediate, recollection)"},
        {c::stage_late_cml_blast_crisis, "stage_late_cml_blast_crisis", "late: CML in blast crisis"},
        {c::stage_early_nhl_myeloma, "stage_early_nhl_myeloma", "early: NHL/myeloma untreated or in CR1"},
        {c::stage_intermediate_nhl_myeloma, "stage_intermediate_nhl_myeloma", "intermediate: NHL/myeloma in CR2, PR or stable disease"},
        {c::stage_late_nhl_myeloma, "stage_late_nhl_myeloma", "late: NHL/myeloma in another stage"},
        {c::stage_not_scored_saa, "stage_not_scored_saa", "no stage: not scored in severe aplastic anaemia"},
        {c::interval_12_months, "interval_12_months", "interval from diagnosis to HCT at 12 calendar months, outside CR1 (1 point)"},
        {c::donor_type_has_points, "donor_type_has_points", "a donor type with published points (HLA-identical sibling, unrelated donor) or autologous HCT"},
        {c::donor_unrelated, "donor_unrelated", "unrelated donor (1 point)"},
        {c::donor_female, "donor_female", "female donor (1 point with a male recipient)"},
        {c::recipient_male, "recipient_male", "male recipient (1 point with a female donor)"},
    });
}

/// The factor a criterion belongs to.
[[nodiscard]] constexpr ebmt_factor ebmt_factor_of(ebmt_criterion c) noexcept {
    switch (c) {
        case ebmt_criterion::age_20_or_older:
        case ebmt_criterion::age_over_40: return ebmt_factor::age;
        case ebmt_criterion::interval_12_months: return ebmt_factor::interval;
        case ebmt_criterion::donor_type_has_points:
        case ebmt_criterion::donor_unrelated: return ebmt_factor::donor_type;
        case ebmt_criterion::donor_female:
        case ebmt_criterion::recipient_male: return ebmt_factor::sex_combination;
        case ebmt_criterion::stage_defined:
        case ebmt_criterion::stage_early_acute_leukaemia_cr1:
        case ebmt_criterion::stage_intermediate_acute_leukaemia_cr2:
        case ebmt_criterion::stage_late_acute_leukaemia_other:
        case ebmt_criterion::stage_early_mds:
        case ebmt_criterion::stage_intermediate_mds:
        case ebmt_criterion::stage_late_mds:
        case ebmt_criterion::stage_early_cml_cp1:
        case ebmt_criterion::stage_intermediate_cml_cp2_or_later:
        case ebmt_criterion::stage_intermediate_cml_ap_recollection:
        case ebmt_criterion::stage_late_cml_blast_crisis:
        case ebmt_criterion::stage_early_nhl_myeloma:
        case ebmt_criterion::stage_intermediate_nhl_myeloma:
        case ebmt_criterion::stage_late_nhl_myeloma:
        case ebmt_criterion::stage_not_scored_saa: break;
    }
    return ebmt_factor::disease_stage;  // the stage rows (and a number that is no criterion)
}

/// The inputs of the score, for `ebmt_result::missing` and measure::missing.
enum class ebmt_field : std::uint8_t {
    age_at_hct = 1,
    diagnosis = 2,
    disease_status = 3,
    diagnosis_date = 4,
    hct_date = 5,
    donor = 6,
    recipient_sex = 7,
    donor_sex = 8,
};

constexpr auto hsct_enum_table(ebmt_field) noexcept {
    return make_enum_table<ebmt_field>("ebmt_field", {
        {ebmt_field::age_at_hct, "age_at_hct", "age at HCT"},
        {ebmt_field::diagnosis, "diagnosis", "diagnosis"},
        {ebmt_field::disease_status, "disease_status", "disease status"},
        {ebmt_field::diagnosis_date, "diagnosis_date", "diagnosis date"},
        {ebmt_field::hct_date, "hct_date", "HCT date"},
        {ebmt_field::donor, "donor", "donor type"},
        {ebmt_field::recipient_sex, "recipient_sex", "recipient sex"},
        {ebmt_field::donor_sex, "donor_sex", "donor sex"},
    });
}

/// Whether the score applies and was computed.
enum class ebmt_status : std::uint8_t {
    scored = 1,          ///< total and group are set
    not_applicable = 2,  ///< the published score does not cover this patient (decided_by says why)
    incomplete = 3,      ///< an input is missing (missing says which)
};

constexpr auto hsct_enum_table(ebmt_status) noexcept {
    return make_enum_table<ebmt_status>("ebmt_status", {
        {ebmt_status::scored, "scored", "scored"},
        {ebmt_status::not_applicable, "not_applicable", "not applicable"},
        {ebmt_status::incomplete, "incomplete", "incomplete (input missing)"},
    });
}

// ---------------------------------------------------------------------------------------------
// Disease stage
// ---------------------------------------------------------------------------------------------

/// The stage of a disease and status, with the footnote row that decided it.
struct ebmt_stage_result {
    /// Empty when the footnote defines no stage: evidence.id is then stage_defined, not met
    /// (no row for the disease; CML AP under the refuse policy) or unknown (status missing).
    std::optional<ebmt_stage> stage;
    /// The footnote row (met), or stage_defined. verified: the row matches EBMT Handbook 2024
    /// Table 11.2 [V-HB24] (Gratwohl 2009 Table 1 itself not read); false only for the CML AP
    /// recollection policy.
    hsct::criterion<ebmt_criterion> evidence;
    [[nodiscard]] constexpr bool verified() const noexcept { return evidence.verified; }
};

namespace detail {
/// The field names ebmt_stage_of reports: its own parameters, or assess_ebmt's input.
struct ebmt_stage_fields {
    std::string_view disease = "disease";
    std::string_view status = "disease_status";
    std::string_view cml_ap = "cml_ap";
};

[[nodiscard]] constexpr hsct::criterion<ebmt_criterion> ebmt_criterion_of(
    ebmt_criterion id, outcome o, const char* requirement, hsct::measure m,
    comparator cmp = comparator::present, double threshold = 0.0, bool verified = true) noexcept {
    hsct::criterion<ebmt_criterion> c;
    c.id = id;
    c.result = o;
    c.cmp = cmp;
    c.verified = verified;
    c.requirement = requirement;
    c.measured = m;
    c.threshold = threshold;
    return c;
}

/// Appends a criterion record to `list`, written in place (no temporary record copied).
template <std::size_t N>
HSCT_ALWAYS_INLINE void ebmt_add(hsct::fixed_list<hsct::criterion<ebmt_criterion>, N>& list,
                                 ebmt_criterion id, outcome o, const char* requirement,
                                 hsct::measure m, comparator cmp = comparator::present,
                                 double threshold = 0.0, bool verified = true) {
    list.emplace_back(id, o, cmp, verified, requirement, m, threshold);
}

/// A number of points the rule has proved to be 0-7 (a factor, or the sum of the factors), as
/// the compile-time-checked literal of the score. Precondition (contract): 0 <= v <= 7.
[[nodiscard]] constexpr ebmt_points ebmt_points_0_to_7(int v) noexcept {
    switch (v) {
        case 0: return ebmt_points::of<0>();
        case 1: return ebmt_points::of<1>();
        case 2: return ebmt_points::of<2>();
        case 3: return ebmt_points::of<3>();
        case 4: return ebmt_points::of<4>();
        case 5: return ebmt_points::of<5>();
        case 6: return ebmt_points::of<6>();
        case 7: return ebmt_points::of<7>();
        default: break;
    }
    HSCT_EXPECTS(false, "ebmt_points_0_to_7: the EBMT rule summed to more than 7 points");
    return ebmt_points::of<0>();
}

/// The stage rule's answer, or (when `inconsistent` is not empty) why the status contradicts
/// the disease. Plain data: the error text is built by the caller, only then.
struct ebmt_stage_decision {
    ebmt_stage_result value;
    std::string_view inconsistent;
};

/// The inconsistent-status error of the stage rule.
[[nodiscard]] inline error ebmt_stage_error(disease d, disease_status s, field_ref field,
                                            std::string_view valid) {
    return error(errc::inconsistent, field,
                 hsct::detail::concat({to_string(d), " with status ", to_string(s)}),
                 std::string(valid), "PAT-EBMT-002");
}

/// PAT-EBMT-002 / -003 / -009: the stage rule; see ebmt_stage_of. Enums are checked by the
/// caller.
[[nodiscard]] constexpr ebmt_stage_decision ebmt_stage_checked(
    disease d, disease_status s, cml_accelerated_phase_policy cml_ap) noexcept {
    using st = ebmt_stage;
    using ds = disease_status;
    using c = ebmt_criterion;
    const auto row = [s](st stage, c id) {
        return ebmt_stage_decision{
            {stage, ebmt_criterion_of(id, outcome::met, "PAT-EBMT-002", hsct::measure::code(s))},
            {}};
    };
    const auto none = [](outcome o, const char* req, hsct::measure m) {
        return ebmt_stage_decision{
            {std::nullopt, ebmt_criterion_of(c::stage_defined, o, req, m)}, {}};
    };
    const auto inconsistent = [](std::string_view valid) {
        return ebmt_stage_decision{{}, valid};
    };
    if (d == disease::severe_aplastic_anaemia) {  // PAT-EBMT-009, whatever the status
        return ebmt_stage_decision{
            {st::not_applicable_saa,
             ebmt_criterion_of(c::stage_not_scored_saa, outcome::met, "PAT-EBMT-009",
                               hsct::measure::code(d))},
            {}};
    }
    if (s == ds::missing) {
        return none(outcome::unknown, "PAT-EBMT-002", hsct::measure::missing(ebmt_field::disease_status));
    }
    if (d != disease::cml && is_cml_phase(s)) {
        return inconsistent("CML phases apply to CML only");
    }
    switch (d) {
        case disease::aml:
        case disease::all:
            if (s == ds::cr1) {
                return row(st::early, c::stage_early_acute_leukaemia_cr1);
            }
            if (s == ds::cr2) {
                return row(st::intermediate, c::stage_intermediate_acute_leukaemia_cr2);
            }
            return row(st::late, c::stage_late_acute_leukaemia_other);
        case disease::mds:
            if (s == ds::cr1 || s == ds::untreated) {
                return row(st::early, c::stage_early_mds);
            }
            if (s == ds::cr2 || s == ds::pr1 || s == ds::pr2_or_later) {
                return row(st::intermediate, c::stage_intermediate_mds);
            }
            return row(st::late, c::stage_late_mds);
        case disease::cml:
            switch (s) {
                case ds::cml_cp1: return row(st::early, c::stage_early_cml_cp1);
                case ds::cml_cp2_or_later:
                    return row(st::intermediate, c::stage_intermediate_cml_cp2_or_later);
                case ds::cml_bp: return row(st::late, c::stage_late_cml_blast_crisis);
                case ds::cml_ap:
                    if (cml_ap == cml_accelerated_phase_policy::gratwohl_1998_intermediate) {
                        return ebmt_stage_decision{
                            {st::intermediate,
                             ebmt_criterion_of(c::stage_intermediate_cml_ap_recollection,
                                               outcome::met, "PAT-EBMT-003",
                                               hsct::measure::code(s), comparator::present, 0.0,
                                               false)},
                            {}};
                    }
                    // The handbook footnote gives CML AP no bin: the score does not apply.
                    return none(outcome::not_met, "PAT-EBMT-003", hsct::measure::code(s));
                default:
                    return inconsistent(
                        "CML takes a CML phase (cml_cp1, cml_cp2_or_later, cml_ap, cml_bp)");
            }
        case disease::indolent_b_nhl:
        case disease::dlbcl_or_transformed:
        case disease::mantle_cell:
        case disease::t_cell_nodal:
        case disease::t_cell_extranodal:
        case disease::myeloma:
            if (s == ds::untreated || s == ds::cr1) {
                return row(st::early, c::stage_early_nhl_myeloma);
            }
            if (s == ds::cr2 || s == ds::pr1 || s == ds::pr2_or_later || s == ds::stable_disease) {
                return row(st::intermediate, c::stage_intermediate_nhl_myeloma);
            }
            return row(st::late, c::stage_late_nhl_myeloma);
        case disease::severe_aplastic_anaemia:  // handled above
        case disease::cll:
        case disease::hodgkin:
        case disease::mpn:
        case disease::other_non_malignant:
        case disease::other_malignant:
            break;
    }
    // No footnote row for this disease: the score does not apply.
    return none(outcome::not_met, "PAT-EBMT-002", hsct::measure::code(d));
}
}  // namespace detail

/// PAT-EBMT-002: EBMT disease stage from disease and status, as printed in the EBMT Handbook
/// 2024 Table 11.2 footnote a:
///  early        acute leukaemia in CR1; MDS in CR1 or untreated; CML in first chronic phase;
///               NHL/myeloma untreated or in CR1
///  intermediate acute leukaemia in CR2; CML in a status other than AP or BP (here: second or
///               later chronic phase); MDS in CR2 or PR; NHL/myeloma in CR2, PR or stable disease
///  late         acute leukaemia in other stages; CML in blast crisis; MDS and NHL/myeloma in all
///               other stages
/// PAT-EBMT-009: severe aplastic anaemia has no stage (0 points).
/// "NHL" here: indolent B-NHL, DLBCL/transformed, mantle-cell and T-cell lymphomas. Hodgkin
/// lymphoma, CLL, MPN and other diseases have no row: a value with no stage (evidence
/// stage_defined, not met); so has CML AP under the refuse policy (PAT-EBMT-003); a missing
/// status gives no stage with evidence unknown.
/// Errors: a disease, status or policy number that is not a declared value (out_of_range,
/// fields "disease", "disease_status", "cml_ap"; CORE-ENUM-002); a CML phase for another
/// disease or a non-CML status for CML (inconsistent).
[[nodiscard]] inline result<ebmt_stage_result> ebmt_stage_of(
    disease d, disease_status s,
    cml_accelerated_phase_policy cml_ap = cml_accelerated_phase_policy::refuse) {
    const detail::ebmt_stage_fields fields{};
    if (!hsct::is_valid(d)) {
        return *hsct::detail::check_enum(d, fields.disease);
    }
    if (!hsct::is_valid(s)) {
        return *hsct::detail::check_enum(s, fields.status);
    }
    if (!hsct::is_valid(cml_ap)) {
        return *hsct::detail::check_enum(cml_ap, fields.cml_ap);
    }
    const auto decision = detail::ebmt_stage_checked(d, s, cml_ap);
    if (!decision.inconsistent.empty()) {
        return detail::ebmt_stage_error(d, s, fields.status, decision.inconsistent);
    }
    return decision.value;
}

/// PAT-EBMT-002: early 0, intermediate 1, late 2; severe aplastic anaemia 0 (PAT-EBMT-009).
/// Precondition (contract): is_valid(s).
[[nodiscard]] constexpr ebmt_points ebmt_stage_points(ebmt_stage s) noexcept {
    switch (s) {
        case ebmt_stage::early:
        case ebmt_stage::not_applicable_saa: return ebmt_points::of<0>();
        case ebmt_stage::intermediate: return ebmt_points::of<1>();
        case ebmt_stage::late: return ebmt_points::of<2>();
    }
    HSCT_EXPECTS(false, "ebmt_stage_points: ebmt_stage is not a declared value");
    return ebmt_points::of<0>();
}

// ---------------------------------------------------------------------------------------------
// The score
// ---------------------------------------------------------------------------------------------

/// PAT-EBMT-001: age bins (years, read under PAT-AGE-002): >= 20 -> 1, > 40 -> 2.
inline constexpr double ebmt_age_one_point_years = 20.0;
inline constexpr double ebmt_age_two_points_years = 40.0;

/// What the score reads. For autologous HCT leave donor_sex empty. A status of
/// disease_status::missing, or no donor sex for an allogeneic HCT, makes the result incomplete.
// NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): no default constructor (age has none)
struct ebmt_input {
    age age_at_hct;
    diagnosis dx;
    disease_status status;
    sys_days diagnosis_date;
    sys_days hct_date;
    donor_type donor;
    sex recipient_sex;
    std::optional<sex> donor_sex;
};

/// The score with its evidence. No heap memory: the criteria live in a fixed list.
struct ebmt_result {
    /// At most: 2 age criteria, 1 stage, 1 interval, 1 donor, 2 sex.
    static constexpr std::size_t max_criteria = 7;

    /// An empty result (status scored, no total, nothing recorded). Declared, not defaulted,
    /// so that making one per patient does not first zero the criteria's storage
    /// (docs/conventions.md section 5).
    ebmt_result() noexcept {}  // NOLINT(modernize-use-equals-default)

    ebmt_status status = ebmt_status::scored;
    /// For not_applicable: the criterion that decided it (donor_type_has_points or
    /// stage_defined, not met).
    std::optional<ebmt_criterion> decided_by;
    std::optional<ebmt_points> total;  ///< set only when status == scored
    ebmt_points maximum;               ///< 7 allogeneic, 5 autologous
    /// not_grouped for an autologous score by default (PAT-EBMT-010); not_scored without total.
    ebmt_risk_group group = ebmt_risk_group::not_scored;
    /// The points of each factor, indexed by ebmt_factor - 1 (0 for a factor that was not
    /// scored); read with points_of().
    std::array<ebmt_points, 5> factor_points{};
    std::optional<ebmt_stage> stage;  ///< empty when no stage is defined or the status is missing
    hsct::fixed_list<hsct::criterion<ebmt_criterion>, max_criteria> criteria;
    hsct::enum_set<ebmt_field> missing;
    ebmt_options options;
    std::string_view rule_version = ebmt_rule_version;
    /// true when the allogeneic 0-7 cut-offs were applied to an autologous 0-5 score
    /// (ebmt_autologous_grouping_policy::allogeneic_cut_offs_unverified, PAT-EBMT-010).
    bool group_extrapolated = false;

    [[nodiscard]] constexpr bool scored() const noexcept { return status == ebmt_status::scored; }
    /// A factor's points. Precondition (contract): is_valid(f).
    [[nodiscard]] constexpr ebmt_points points_of(ebmt_factor f) const noexcept {
        const auto i = static_cast<std::size_t>(f) - 1;
        HSCT_EXPECTS(i < factor_points.size(), "ebmt_result::points_of: not a declared ebmt_factor");
        return factor_points[i];
    }
    /// The record of a criterion, or nullptr if it was not evaluated.
    [[nodiscard]] constexpr const hsct::criterion<ebmt_criterion>* find(ebmt_criterion id) const noexcept {
        for (const auto& c : criteria) {
            if (c.id == id) {
                return &c;
            }
        }
        return nullptr;
    }
    /// true unless the stage came from the unverified CML AP recollection policy: the stage row
    /// matches EBMT Handbook 2024 Table 11.2 [V-HB24].
    [[nodiscard]] constexpr bool stage_verified() const noexcept {
        for (const auto& c : criteria) {
            if (ebmt_factor_of(c.id) == ebmt_factor::disease_stage && !c.verified) {
                return false;
            }
        }
        return true;
    }
};

/// PAT-EBMT-004: the date on which `diagnosis` is 12 calendar months old. A day that does not
/// exist in the target month (29 Feb, 31st) rolls to the 1st of the next month, as
/// PAT-AGE-001 counts completed months. Error: a date outside 1900-01-01 to 2199-12-31
/// (out_of_range, CORE-DAY-008), so the calendar arithmetic can never overflow.
[[nodiscard]] inline result<sys_days> ebmt_twelve_months_after(sys_days diagnosis_date) {
    using namespace std::chrono;
    if (diagnosis_date < hsct::min_date || diagnosis_date > hsct::max_date) {
        return hsct::check_date(diagnosis_date, "diagnosis_date").error();
    }
    // Twelve calendar months later is the same day and month a year on: 365 days, or 366 when
    // a 29 February lies in between (a date in January or February of a leap year, a date
    // from March of the year before a leap year). 29 February itself has no same day a year on
    // and rolls to 1 March: 366 days. One date conversion, no second one back (the calendar
    // walk this replaces is checked against it for every day of the window in the tests).
    const year_month_day d{diagnosis_date};
    const auto month = static_cast<unsigned>(d.month());
    const bool leap_between = month <= 2 ? d.year().is_leap() : (d.year() + years{1}).is_leap();
    return diagnosis_date + days{leap_between ? 366 : 365};
}

namespace detail {
/// Bad input (CORE-ENUM-002 undeclared enum numbers; inconsistent input), or nothing. The text is
/// built only on this path.
[[nodiscard]] HSCT_ALWAYS_INLINE std::optional<error> ebmt_refusal(const ebmt_input& in,
                                                       const ebmt_options& options,
                                                       std::string_view stage_inconsistent) {
    namespace hd = hsct::detail;
    // CORE-ENUM-002: every stored enum is a declared value before any rule reads it (the error
    // text is built only when one is not).
    if (auto e = hd::check_diagnosis(in.dx, "ebmt.dx")) {
        return *e;
    }
    if (!hsct::is_valid(in.status)) {
        return hd::check_enum(in.status, "ebmt.status");
    }
    if (!hsct::is_valid(in.donor)) {
        return hd::check_enum(in.donor, "ebmt.donor");
    }
    if (!hsct::is_valid(in.recipient_sex)) {
        return hd::check_enum(in.recipient_sex, "ebmt.recipient_sex");
    }
    if (in.donor_sex && !hsct::is_valid(*in.donor_sex)) {
        return hd::check_enum(*in.donor_sex, "ebmt.donor_sex");
    }
    if (!hsct::is_valid(options.age_reading)) {
        return hd::check_enum(options.age_reading, "ebmt.options.age_reading");
    }
    if (!hsct::is_valid(options.interval)) {
        return hd::check_enum(options.interval, "ebmt.options.interval");
    }
    if (!hsct::is_valid(options.cml_ap)) {
        return hd::check_enum(options.cml_ap, "ebmt.options.cml_ap");
    }
    if (!hsct::is_valid(options.grouping)) {
        return hd::check_enum(options.grouping, "ebmt.options.grouping");
    }
    if (!hsct::is_valid(options.autologous_grouping)) {
        return hd::check_enum(options.autologous_grouping, "ebmt.options.autologous_grouping");
    }

    // CORE-DAY-008: dates outside 1900-01-01 to 2199-12-31 are refused, so the interval
    // arithmetic cannot overflow (found by the random-input test).
    if (in.diagnosis_date < hsct::min_date || in.diagnosis_date > hsct::max_date) {
        return hsct::check_date(in.diagnosis_date, "ebmt.diagnosis_date").error();
    }
    if (in.hct_date < hsct::min_date || in.hct_date > hsct::max_date) {
        return hsct::check_date(in.hct_date, "ebmt.hct_date").error();
    }

    // Inconsistent input is an error.
    const bool autologous = in.donor == donor_type::autologous;
    if (autologous && in.donor_sex.has_value()) {
        return error(errc::inconsistent, "ebmt.donor_sex", std::string(to_string(*in.donor_sex)),
                     "no donor sex for an autologous HCT", "PAT-EBMT-007");
    }
    if (in.hct_date < in.diagnosis_date) {
        return error(errc::inconsistent, "ebmt.hct_date",
                     hd::concat({"HCT ", hsct::to_string(in.hct_date), " before diagnosis ",
                                 hsct::to_string(in.diagnosis_date)}),
                     "on or after the diagnosis date", "PAT-EBMT-004");
    }
    if (!stage_inconsistent.empty()) {
        return ebmt_stage_error(in.dx.kind(), in.status, "ebmt.status", stage_inconsistent);
    }
    return std::nullopt;
}

/// Fills `r` (a default result) with the score of valid, consistent input.
inline void ebmt_fill(ebmt_result& r, const ebmt_input& in, const ebmt_options& options,
                      const ebmt_stage_result& stage) noexcept {
    using c = ebmt_criterion;
    using hsct::measure;
    const bool autologous = in.donor == donor_type::autologous;
    r.options = options;
    r.maximum = autologous ? ebmt_points::of<5>() : ebmt_points::of<7>();
    std::array<int, 5> pts{};

    // PAT-EBMT-001: age >= 20 -> 1, > 40 -> 2 (years, read under PAT-AGE-002).
    {
        const double y = in.age_at_hct.years(options.age_reading);
        const auto years = measure::count(y, count_unit::years);
        const bool one = satisfies(y, comparator::greater_equal, ebmt_age_one_point_years);
        const bool two = satisfies(y, comparator::greater, ebmt_age_two_points_years);
        ebmt_add(r.criteria, c::age_20_or_older, one ? outcome::met : outcome::not_met,
                 "PAT-EBMT-001", years, comparator::greater_equal, ebmt_age_one_point_years);
        ebmt_add(r.criteria, c::age_over_40, two ? outcome::met : outcome::not_met,
                 "PAT-EBMT-001", years, comparator::greater, ebmt_age_two_points_years);
        pts[0] = two ? 2 : (one ? 1 : 0);
    }
    // PAT-EBMT-002 / -003 / -009: stage.
    r.criteria.push_back(stage.evidence);
    r.stage = stage.stage;
    if (stage.stage) {
        pts[1] = ebmt_stage_points(*stage.stage).value();
    } else if (stage.evidence.result == outcome::unknown) {
        r.missing.insert(ebmt_field::disease_status);
    }

    // PAT-EBMT-004: interval, not scored in CR1; whether exactly 12 months counts is a policy.
    // Measured in days from diagnosis to HCT against the days from diagnosis to the day it is
    // 12 calendar months old.
    {
        const auto days = static_cast<double>((in.hct_date - in.diagnosis_date).count());
        const auto twelve = static_cast<double>(
            (ebmt_twelve_months_after(in.diagnosis_date).value_or(in.diagnosis_date) -
             in.diagnosis_date)
                .count());  // dates were checked against CORE-DAY-008 first: never the fallback
        // PAT-EBMT-004: the policy's comparator at exactly 12 months.
        const comparator cmp = options.interval == ebmt_interval_policy::hb24_lt12_0_ge12_1
                                   ? comparator::greater_equal
                                   : comparator::greater;
        // status missing: CR1 or not is not known (severe aplastic anaemia, which has no
        // stage, reads a missing status as not CR1, as before)
        outcome o = outcome::unknown;
        if (in.status == disease_status::cr1) {
            o = outcome::not_applicable;
        } else if (in.status != disease_status::missing ||
                   stage.stage == ebmt_stage::not_applicable_saa) {
            o = satisfies(days, cmp, twelve) ? outcome::met : outcome::not_met;
        }
        ebmt_add(r.criteria, c::interval_12_months, o, "PAT-EBMT-004",
                 measure::count(days, count_unit::days), cmp, twelve);
        pts[2] = o == outcome::met ? 1 : 0;
    }

    // PAT-EBMT-005 / -006 / -007: donor and sex; none for autologous HCT.
    const bool has_points = autologous || in.donor == donor_type::hla_identical_sibling ||
                            in.donor == donor_type::unrelated;
    if (!has_points) {
        ebmt_add(r.criteria, c::donor_type_has_points, outcome::not_met, "PAT-EBMT-005",
                 measure::code(in.donor));
    } else {
        const outcome o = autologous ? outcome::not_applicable
                          : in.donor == donor_type::unrelated ? outcome::met
                                                              : outcome::not_met;
        ebmt_add(r.criteria, c::donor_unrelated, o, autologous ? "PAT-EBMT-007" : "PAT-EBMT-005",
                 measure::code(in.donor));
        pts[3] = o == outcome::met ? 1 : 0;
    }
    if (autologous) {
        ebmt_add(r.criteria, c::donor_female, outcome::not_applicable, "PAT-EBMT-007",
                 measure::code(in.donor));
        ebmt_add(r.criteria, c::recipient_male, outcome::not_applicable, "PAT-EBMT-007",
                 measure::code(in.recipient_sex));
    } else {
        outcome donor_f = outcome::unknown;
        if (in.donor_sex) {
            donor_f = *in.donor_sex == sex::female ? outcome::met : outcome::not_met;
            ebmt_add(r.criteria, c::donor_female, donor_f, "PAT-EBMT-006",
                     measure::code(*in.donor_sex));
        } else {
            r.missing.insert(ebmt_field::donor_sex);
            ebmt_add(r.criteria, c::donor_female, outcome::unknown, "PAT-EBMT-006",
                     measure::missing(ebmt_field::donor_sex));
        }
        const outcome male_r = in.recipient_sex == sex::male ? outcome::met : outcome::not_met;
        ebmt_add(r.criteria, c::recipient_male, male_r, "PAT-EBMT-006",
                 measure::code(in.recipient_sex));
        pts[4] = donor_f == outcome::met && male_r == outcome::met ? 1 : 0;
    }

    for (std::size_t i = 0; i < pts.size(); ++i) {
        r.factor_points[i] = ebmt_points_0_to_7(pts[i]);  // each factor is 0-2 points
    }

    // Status: a donor type or stage the score does not cover, then missing input.
    if (!has_points) {
        r.status = ebmt_status::not_applicable;
        r.decided_by = c::donor_type_has_points;
    } else if (!stage.stage && stage.evidence.result == outcome::not_met) {
        r.status = ebmt_status::not_applicable;
        r.decided_by = c::stage_defined;
    } else if (!r.missing.empty()) {
        r.status = ebmt_status::incomplete;
    }
    if (r.status != ebmt_status::scored) {
        return;
    }

    // at most 2 + 2 + 1 + 1 + 1 = 7
    const ebmt_points total = ebmt_points_0_to_7(pts[0] + pts[1] + pts[2] + pts[3] + pts[4]);
    r.total = total;
    // PAT-EBMT-008 / PAT-EBMT-010: the 0-7 grouping; an autologous 0-5 score is not grouped
    // unless the unverified policy asks for the allogeneic cut-offs.
    r.group_extrapolated =
        autologous &&
        options.autologous_grouping == ebmt_autologous_grouping_policy::allogeneic_cut_offs_unverified;
    r.group = autologous && !r.group_extrapolated ? ebmt_risk_group::not_grouped
                                                  : ebmt_group_of(total, options.grouping);
}
}  // namespace detail

/// The EBMT risk score (PAT-EBMT-001..010).
///
/// Result: status scored (total, group), not_applicable (a donor type without published points,
/// PAT-EBMT-005; a disease or CML phase without a stage row, PAT-EBMT-002/-003; decided_by
/// names the criterion) or incomplete (disease status or, for allogeneic HCT, donor sex
/// missing; `missing` names them). Every factor that can be evaluated is, whatever the status.
///
/// Errors, only for bad input (fields name the ebmt_input member, prefixed "ebmt.", or the
/// option, prefixed "ebmt.options."): an enum number that is not a declared value
/// (out_of_range, e.g. "ebmt.donor", "ebmt.recipient_sex", "ebmt.dx.disease",
/// "ebmt.options.grouping"; CORE-ENUM-002); HCT before diagnosis (inconsistent,
/// "ebmt.hct_date"); a donor sex given for an autologous HCT (inconsistent, "ebmt.donor_sex");
/// a CML phase for another disease or a non-CML status for CML (inconsistent, "ebmt.status").
[[nodiscard]] inline result<ebmt_result> assess_ebmt(const ebmt_input& in,
                                                     const ebmt_options& options = {}) {
    const auto decision = detail::ebmt_stage_checked(in.dx.kind(), in.status, options.cml_ap);
    // One named return object, returned from every path and filled in place: the criteria are
    // not copied on the way out.
    result<ebmt_result> out(std::in_place);
    if (auto refused = detail::ebmt_refusal(in, options, decision.inconsistent)) {
        out = std::move(*refused);
        return out;
    }
    detail::ebmt_fill(*out, in, options, decision.value);
    return out;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_EBMT_SCORE_HPP
