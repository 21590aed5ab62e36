// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// EBMT (Gratwohl) risk score: age, disease stage, interval from diagnosis to HCT, donor type
// and donor-recipient sex -> 0-7 points (0-5 for autologous HCT, which has no donor factors).
//
//   using namespace hsct::patient;
//   using namespace std::chrono;
//   ebmt_input in{*age::from_years_months(45, 0), diagnosis::aml(cytogenetic_risk::adverse),
//                 disease_status::cr1, sys_days{2024y/January/10}, sys_days{2024y/June/10},
//                 donor_type::unrelated, sex::male, sex::female};
//   auto r = ebmt_risk_score(in);        // result<ebmt_result>
//   r->total.value();                    // 4
//   r->group;                            // ebmt_risk_group::intermediate (0-2 / 3-4 / 5-7)
//                                        // (autologous: not_grouped by default, PAT-EBMT-010)
//   r->explanation();                    // every factor's points and why, rule and policies
//
// Sources: Gratwohl A et al., Lancet 1998;352:1087-1092 (CML); Gratwohl A et al., Cancer
// 2009;115:4715-4726 (all diseases, 0-7); Gratwohl A, Bone Marrow Transplant 2012;47:749-756
// (autologous 0-5); bins and stage definitions as printed in EBMT Handbook 2024 ch. 11,
// Table 11.2 and its footnotes. Where the sources differ the choice is a policy in
// `ebmt_policies`, carried on the result. "Verified" here means "matches EBMT Handbook 2024
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

#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/timeline.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/clinical.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/patient/vocabulary.hpp"
#include "hsct/patient/disease_risk.hpp"

namespace hsct::detail {
struct ebmt_points_access;
}  // namespace hsct::detail

namespace hsct::patient {

/// The rule set this header implements.
inline constexpr std::string_view ebmt_rule_version =
    "EBMT risk score (Gratwohl 2009; autologous form Gratwohl 2012) with bins and stage "
    "definitions as printed in EBMT Handbook 2024 Table 11.2";

// ---------------------------------------------------------------------------------------------
// Small value types and policies
// ---------------------------------------------------------------------------------------------

/// EBMT points: a factor's points or a total, 0-7.
class ebmt_points {
public:
    static constexpr int max_total = 7;

    /// Reads stored points (e.g. a registry field). Errors: outside 0-7 (out_of_range).
    [[nodiscard]] static result<ebmt_points> from_value(int v, std::string_view field = "ebmt_points") {
        if (v < 0 || v > max_total) {
            return error(errc::out_of_range, std::string(field), std::to_string(v), "0-7 points");
        }
        return ebmt_points(v);
    }
    [[nodiscard]] constexpr int value() const noexcept { return v_; }
    friend constexpr bool operator==(ebmt_points, ebmt_points) noexcept = default;
    friend constexpr auto operator<=>(ebmt_points, ebmt_points) noexcept = default;

private:
    friend struct hsct::detail::ebmt_points_access;
    constexpr explicit ebmt_points(int v) noexcept : v_(v) {}
    int v_;
};

}  // namespace hsct::patient

namespace hsct::detail {
/// Internal maker of points (not public API).
struct ebmt_points_access {
    static constexpr patient::ebmt_points make(int v) noexcept { return patient::ebmt_points(v); }
};
}  // namespace hsct::detail

namespace hsct::patient {

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
    refuse = 1,                      ///< default: an error, no guess
    gratwohl_1998_intermediate = 2,  ///< AP = intermediate, as hsct recalls the 1998 CML score (UNVERIFIED)
};

constexpr auto hsct_enum_table(cml_accelerated_phase_policy) noexcept {
    return make_enum_table<cml_accelerated_phase_policy>("cml_accelerated_phase_policy", {
        {cml_accelerated_phase_policy::refuse, "refuse", "CML AP refused"},
        {cml_accelerated_phase_policy::gratwohl_1998_intermediate, "gratwohl_1998_intermediate", "CML AP intermediate (Gratwohl 1998 recollection, unverified)"},
    });
}


/// PAT-EBMT-004 (policy): which side of the 12-month boundary exactly 12 months falls on.
enum class ebmt_interval_boundary : std::uint8_t {
    hb24_lt12_0_ge12_1 = 1,         ///< default: < 12 months 0, >= 12 months 1 (EBMT Handbook 2024 Table 11.2)
    gratwohl_le12_0_gt12_1 = 2,     ///< <= 12 months 0, > 12 months 1 (secondary reproductions of Gratwohl 2009)
};

constexpr auto hsct_enum_table(ebmt_interval_boundary) noexcept {
    return make_enum_table<ebmt_interval_boundary>("ebmt_interval_boundary", {
        {ebmt_interval_boundary::hb24_lt12_0_ge12_1, "hb24_lt12_0_ge12_1", "interval < 12 mo = 0, >= 12 mo = 1 (HB24 Table 11.2)"},
        {ebmt_interval_boundary::gratwohl_le12_0_gt12_1, "gratwohl_le12_0_gt12_1", "interval <= 12 mo = 0, > 12 mo = 1 (Gratwohl 2009 reproductions)"},
    });
}


/// PAT-EBMT-008 (policy): risk groups. The 2009 paper reports outcome per score.
enum class ebmt_grouping : std::uint8_t {
    three_groups_0_2_3_4_5_7 = 1,  ///< default: low 0-2, intermediate 3-4, high 5-7 (common grouping)
    four_groups_0_2_3_4_5_7 = 2,   ///< low 0-2, intermediate-1 3, intermediate-2 4, high 5-7 (PubMed 24655161)
};

constexpr auto hsct_enum_table(ebmt_grouping) noexcept {
    return make_enum_table<ebmt_grouping>("ebmt_grouping", {
        {ebmt_grouping::three_groups_0_2_3_4_5_7, "three_groups_0_2_3_4_5_7", "groups 0-2 / 3-4 / 5-7"},
        {ebmt_grouping::four_groups_0_2_3_4_5_7, "four_groups_0_2_3_4_5_7", "groups 0-2 / 3 / 4 / 5-7 (PubMed 24655161)"},
    });
}


/// A risk group. not_grouped: an autologous 0-5 score under the default
/// ebmt_autologous_grouping::per_score_only (PAT-EBMT-010); read the total instead.
enum class ebmt_risk_group : std::uint8_t {
    low = 1,
    intermediate = 2,
    intermediate_1 = 3,
    intermediate_2 = 4,
    high = 5,
    not_grouped = 6,
};

constexpr auto hsct_enum_table(ebmt_risk_group) noexcept {
    return make_enum_table<ebmt_risk_group>("ebmt_risk_group", {
        {ebmt_risk_group::low, "low", "low"},
        {ebmt_risk_group::intermediate, "intermediate", "intermediate"},
        {ebmt_risk_group::intermediate_1, "intermediate_1", "intermediate-1"},
        {ebmt_risk_group::intermediate_2, "intermediate_2", "intermediate-2"},
        {ebmt_risk_group::high, "high", "high"},
        {ebmt_risk_group::not_grouped, "not_grouped", "not grouped"},
    });
}


/// PAT-EBMT-008: the risk group of a total under a grouping policy. Precondition (contract):
/// is_valid(g); ebmt_risk_score checks a stored grouping and refuses it first.
[[nodiscard]] constexpr ebmt_risk_group ebmt_group_of(ebmt_points total,
                                                      ebmt_grouping g) noexcept {
    HSCT_EXPECTS(hsct::is_valid(g), "ebmt_group_of: ebmt_grouping is not a declared value");
    const int v = total.value();
    if (v <= 2) {
        return ebmt_risk_group::low;
    }
    if (v >= 5) {
        return ebmt_risk_group::high;
    }
    if (g == ebmt_grouping::three_groups_0_2_3_4_5_7) {
        return ebmt_risk_group::intermediate;
    }
    return v == 3 ? ebmt_risk_group::intermediate_1 : ebmt_risk_group::intermediate_2;
}

/// PAT-EBMT-010 (policy): what group an autologous score gets. The 0-2 / 3-4 / 5-7 cut-offs
/// were made for the allogeneic 0-7 score; hsct found no published grouping of the autologous
/// 0-5 score (Gratwohl 2012 abstract reports it per score). Stable numbers from 1.
enum class ebmt_autologous_grouping : std::uint8_t {
    /// Default: no group (ebmt_risk_group::not_grouped); the 0-5 total is the result.
    per_score_only = 1,
    /// Apply the allogeneic grouping policy to the 0-5 score. hsct's policy, unverified; the
    /// result says so (ebmt_result::group_extrapolated).
    allogeneic_cut_offs_unverified = 2,
};

constexpr auto hsct_enum_table(ebmt_autologous_grouping) noexcept {
    return make_enum_table<ebmt_autologous_grouping>("ebmt_autologous_grouping", {
        {ebmt_autologous_grouping::per_score_only, "per_score_only", "autologous 0-5: per score only, no published grouping"},
        {ebmt_autologous_grouping::allogeneic_cut_offs_unverified, "allogeneic_cut_offs_unverified",
         "autologous 0-5 grouped with the allogeneic 0-7 cut-offs (hsct policy, unverified)"},
    });
}


/// Every policy the score reads, with its default.
struct ebmt_policies {
    age_resolution age_reading = age_resolution::completed_years;  ///< PAT-AGE-002 / K6
    ebmt_interval_boundary interval = ebmt_interval_boundary::hb24_lt12_0_ge12_1;
    cml_accelerated_phase_policy cml_ap = cml_accelerated_phase_policy::refuse;
    ebmt_grouping grouping = ebmt_grouping::three_groups_0_2_3_4_5_7;
    ebmt_autologous_grouping autologous_grouping = ebmt_autologous_grouping::per_score_only;
    friend constexpr bool operator==(const ebmt_policies&, const ebmt_policies&) noexcept = default;
};

// ---------------------------------------------------------------------------------------------
// Disease stage
// ---------------------------------------------------------------------------------------------

struct ebmt_stage_result {
    ebmt_stage stage;
    std::string rule;  ///< the footnote row that applied
    /// true: the footnote row matches EBMT Handbook 2024 Table 11.2 [V-HB24] (Gratwohl 2009
    /// Table 1 itself not read); false only for the CML AP recollection policy.
    bool verified;
};

namespace detail {
/// The field names ebmt_stage_of reports: its own parameters, or ebmt_risk_score's input.
struct ebmt_stage_fields {
    std::string_view disease = "disease";
    std::string_view status = "disease_status";
    std::string_view cml_ap = "cml_ap";
};
/// PAT-EBMT-002 / PAT-EBMT-009: the stage rule; see ebmt_stage_of.
[[nodiscard]] inline result<ebmt_stage_result> ebmt_stage_impl(disease d, disease_status s,
                                                              cml_accelerated_phase_policy cml_ap,
                                                              const ebmt_stage_fields& fields) {
    using st = ebmt_stage;
    using ds = disease_status;
    for (auto e : {hsct::detail::check_enum(d, fields.disease), hsct::detail::check_enum(s, fields.status),
                   hsct::detail::check_enum(cml_ap, fields.cml_ap)}) {
        if (e) {
            return *e;
        }
    }
    if (d == disease::severe_aplastic_anaemia) {
        return ebmt_stage_result{st::not_applicable_saa,
                                 "stage is not scored in severe aplastic anaemia", true};
    }
    if (s == ds::missing) {
        return error(errc::missing, std::string(fields.status), "missing",
                     "the disease status at HCT (the EBMT stage is derived from it)");
    }
    const auto inconsistent = [&](std::string_view valid) {
        return error(errc::inconsistent, std::string(fields.status),
                     hsct::detail::concat({to_string(d), " with status ", to_string(s)}),
                     std::string(valid));
    };
    if (d != disease::cml && is_cml_phase(s)) {
        return inconsistent("CML phases apply to CML only");
    }
    switch (d) {
        case disease::aml:
        case disease::all:
            if (s == ds::cr1) {
                return ebmt_stage_result{st::early, "early: acute leukaemia in CR1", true};
            }
            if (s == ds::cr2) {
                return ebmt_stage_result{st::intermediate, "intermediate: acute leukaemia in CR2", true};
            }
            return ebmt_stage_result{
                st::late,
                hsct::detail::concat({"late: acute leukaemia in another stage (", to_string(s), ")"}),
                true};
        case disease::mds:
            if (s == ds::cr1 || s == ds::untreated) {
                return ebmt_stage_result{st::early, "early: MDS in CR1 or untreated", true};
            }
            if (s == ds::cr2 || s == ds::pr1 || s == ds::pr2_or_later) {
                return ebmt_stage_result{st::intermediate, "intermediate: MDS in CR2 or PR", true};
            }
            return ebmt_stage_result{
                st::late, hsct::detail::concat({"late: MDS in another stage (", to_string(s), ")"}),
                true};
        case disease::cml:
            switch (s) {
                case ds::cml_cp1:
                    return ebmt_stage_result{st::early, "early: CML in first chronic phase", true};
                case ds::cml_cp2_or_later:
                    return ebmt_stage_result{
                        st::intermediate,
                        "intermediate: CML in a status other than AP or BP (CP2 or later)", true};
                case ds::cml_bp:
                    return ebmt_stage_result{st::late, "late: CML in blast crisis", true};
                case ds::cml_ap:
                    if (cml_ap == cml_accelerated_phase_policy::gratwohl_1998_intermediate) {
                        return ebmt_stage_result{
                            st::intermediate,
                            "intermediate: CML accelerated phase (policy gratwohl_1998_intermediate, "
                            "UNVERIFIED recollection)",
                            false};
                    }
                    return error(errc::not_allowed, std::string(fields.status), "CML accelerated phase",
                                 "the EBMT Handbook 2024 stage definitions give CML accelerated "
                                 "phase no bin; choose cml_accelerated_phase_policy explicitly");
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
                return ebmt_stage_result{st::early, "early: NHL/myeloma untreated or in CR1", true};
            }
            if (s == ds::cr2 || s == ds::pr1 || s == ds::pr2_or_later || s == ds::stable_disease) {
                return ebmt_stage_result{
                    st::intermediate, "intermediate: NHL/myeloma in CR2, PR or stable disease", true};
            }
            return ebmt_stage_result{
                st::late,
                hsct::detail::concat({"late: NHL/myeloma in another stage (", to_string(s), ")"}),
                true};
        case disease::severe_aplastic_anaemia:  // handled above
        case disease::cll:
        case disease::hodgkin:
        case disease::mpn:
        case disease::other_non_malignant:
        case disease::other_malignant:
            break;
    }
    return error(errc::not_allowed, std::string(fields.disease), std::string(to_string(d)),
                 "a disease with an EBMT stage definition: AML, ALL, MDS, CML, NHL, myeloma or "
                 "severe aplastic anaemia");
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
/// lymphoma, CLL, MPN and other diseases have no row and are refused (not_allowed).
/// Errors: a disease, status or policy number that is not a declared value (out_of_range,
/// fields "disease", "disease_status", "cml_ap"; PAT-ENUM-001); CML AP under the refuse policy
/// (not_allowed); a CML phase for another disease or a non-CML status for CML (inconsistent);
/// a missing status (missing).
[[nodiscard]] inline result<ebmt_stage_result> ebmt_stage_of(
    disease d, disease_status s,
    cml_accelerated_phase_policy cml_ap = cml_accelerated_phase_policy::refuse) {
    return detail::ebmt_stage_impl(d, s, cml_ap, detail::ebmt_stage_fields{});
}

/// PAT-EBMT-002: early 0, intermediate 1, late 2; severe aplastic anaemia 0 (PAT-EBMT-009).
/// Precondition (contract): is_valid(s).
[[nodiscard]] constexpr ebmt_points ebmt_stage_points(ebmt_stage s) noexcept {
    using mk = hsct::detail::ebmt_points_access;
    switch (s) {
        case ebmt_stage::early:
        case ebmt_stage::not_applicable_saa: return mk::make(0);
        case ebmt_stage::intermediate: return mk::make(1);
        case ebmt_stage::late: return mk::make(2);
    }
    HSCT_EXPECTS(false, "ebmt_stage_points: ebmt_stage is not a declared value");
    return mk::make(0);
}

// ---------------------------------------------------------------------------------------------
// The score
// ---------------------------------------------------------------------------------------------

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


/// One factor's contribution.
struct ebmt_factor_points {
    ebmt_factor factor;
    ebmt_points points;
    bool scored;         ///< false where the rule does not apply (CR1 interval, SAA stage, autologous donor/sex)
    std::string reason;  ///< which input and which bin decided it
};

/// What the score reads. For autologous HCT leave donor_sex empty.
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

struct ebmt_result {
    ebmt_points total;
    ebmt_points maximum;  ///< 7 allogeneic, 5 autologous
    ebmt_risk_group group;  ///< not_grouped for an autologous score by default (PAT-EBMT-010)
    std::array<ebmt_factor_points, 5> factors;
    ebmt_stage stage;
    ebmt_policies policies;
    std::string_view rule_version;
    /// true: the stage row matches EBMT Handbook 2024 Table 11.2 [V-HB24]; false only when the
    /// CML AP recollection policy decided the stage.
    bool stage_verified;
    /// true when the allogeneic 0-7 cut-offs were applied to an autologous 0-5 score
    /// (ebmt_autologous_grouping::allogeneic_cut_offs_unverified, PAT-EBMT-010).
    bool group_extrapolated = false;

    /// The entry of one factor. Precondition (contract): is_valid(f).
    [[nodiscard]] const ebmt_factor_points& factor(ebmt_factor f) const noexcept {
        for (const auto& x : factors) {
            if (x.factor == f) {
                return x;
            }
        }
        HSCT_EXPECTS(false, "ebmt_result::factor: ebmt_factor is not a declared value");
        return factors[0];
    }
    [[nodiscard]] std::string explanation() const {
        std::string out = hsct::detail::concat(
            {"EBMT score ", std::to_string(total.value()), "/", std::to_string(maximum.value())});
        if (group == ebmt_risk_group::not_grouped) {
            out += hsct::detail::concat({" (", to_string(policies.autologous_grouping), ")"});
        } else if (group_extrapolated) {
            out += hsct::detail::concat({" (", to_string(group), ", ",
                                         to_string(policies.grouping), "; ",
                                         to_string(policies.autologous_grouping), ")"});
        } else {
            out += hsct::detail::concat(
                {" (", to_string(group), ", ", to_string(policies.grouping), ")"});
        }
        for (const auto& f : factors) {
            out += hsct::detail::concat({"; ", to_string(f.factor), " ",
                                         std::to_string(f.points.value()), ": ", f.reason});
            if (f.factor == ebmt_factor::disease_stage && f.scored) {
                out += stage_verified ? " (matches EBMT Handbook 2024 Table 11.2 [V-HB24])"
                                      : " (UNVERIFIED)";
            }
        }
        out += hsct::detail::concat({"; policies: age ", to_string(policies.age_reading), ", ",
                                     to_string(policies.interval), ", ", to_string(policies.cml_ap),
                                     "; rule: ", rule_version});
        return out;
    }
};

/// PAT-EBMT-004: the date on which `diagnosis` is 12 calendar months old. A day that does not
/// exist in the target month (29 Feb, 31st) rolls to the 1st of the next month, as
/// PAT-AGE-001 counts completed months.
[[nodiscard]] inline sys_days ebmt_twelve_months_after(sys_days diagnosis_date) noexcept {
    using namespace std::chrono;
    const year_month_day d{diagnosis_date};
    const year_month_day t = d + months{12};
    if (t.ok()) {
        return sys_days{t};
    }
    return sys_days{t.year() / t.month() / last} + days{1};
}

/// The EBMT risk score (PAT-EBMT-001..009).
///
/// Errors (fields name the ebmt_input member, prefixed "ebmt.", or the policy, prefixed
/// "ebmt.policies."): any enum number that is not a declared value (out_of_range, e.g.
/// "ebmt.donor", "ebmt.recipient_sex", "ebmt.dx.disease", "ebmt.policies.grouping";
/// PAT-ENUM-001); HCT before diagnosis (inconsistent, "ebmt.hct_date"); a donor type without
/// published points (not_allowed, "ebmt.donor"); donor sex missing for an allogeneic HCT
/// (missing, "ebmt.donor_sex") or given for an autologous one (inconsistent,
/// "ebmt.donor_sex"); and the errors of ebmt_stage_of (fields "ebmt.dx.disease",
/// "ebmt.status").
[[nodiscard]] inline result<ebmt_result> ebmt_risk_score(const ebmt_input& in,
                                                         const ebmt_policies& policy = {}) {
    namespace hd = hsct::detail;
    using mk = hsct::detail::ebmt_points_access;

    // PAT-ENUM-001: every stored enum is a declared value before any rule reads it.
    if (auto e = hsct::detail::check_diagnosis(in.dx, "ebmt.dx")) {
        return *e;
    }
    for (auto e : {hsct::detail::check_enum(in.status, "ebmt.status"),
                   hsct::detail::check_enum(in.donor, "ebmt.donor"),
                   hsct::detail::check_enum(in.recipient_sex, "ebmt.recipient_sex"),
                   hsct::detail::check_enum(in.donor_sex, "ebmt.donor_sex"),
                   hsct::detail::check_enum(policy.age_reading, "ebmt.policies.age_reading"),
                   hsct::detail::check_enum(policy.interval, "ebmt.policies.interval"),
                   hsct::detail::check_enum(policy.cml_ap, "ebmt.policies.cml_ap"),
                   hsct::detail::check_enum(policy.grouping, "ebmt.policies.grouping"),
                   hsct::detail::check_enum(policy.autologous_grouping,
                                      "ebmt.policies.autologous_grouping")}) {
        if (e) {
            return *e;
        }
    }

    // Donor first: a donor type without points is refused before anything is summed.
    const bool autologous = in.donor == donor_type::autologous;
    if (in.donor == donor_type::haploidentical || in.donor == donor_type::cord_blood ||
        in.donor == donor_type::other_related) {
        return error(errc::not_allowed, "ebmt.donor", std::string(to_string(in.donor)),
                     "HLA-identical sibling (0), unrelated donor (1) or autologous: the published "
                     "score defines no points for haploidentical, cord blood or other related "
                     "donors");
    }
    if (!autologous && !in.donor_sex.has_value()) {
        return error(errc::missing, "ebmt.donor_sex", "none",
                     "female or male (the donor-recipient sex factor needs it)");
    }
    if (autologous && in.donor_sex.has_value()) {
        return error(errc::inconsistent, "ebmt.donor_sex", std::string(to_string(*in.donor_sex)),
                     "no donor sex for an autologous HCT");
    }
    if (in.hct_date < in.diagnosis_date) {
        return error(errc::inconsistent, "ebmt.hct_date",
                     hd::concat({"HCT ", hsct::to_string(in.hct_date), " before diagnosis ",
                                 hsct::to_string(in.diagnosis_date)}),
                     "on or after the diagnosis date");
    }
    auto stage = detail::ebmt_stage_impl(
        in.dx.kind(), in.status, policy.cml_ap,
        detail::ebmt_stage_fields{"ebmt.dx.disease", "ebmt.status", "ebmt.policies.cml_ap"});
    if (!stage) {
        return stage.error();
    }

    std::array<ebmt_factor_points, 5> f{{
        {ebmt_factor::age, mk::make(0), true, ""},
        {ebmt_factor::disease_stage, mk::make(0), true, ""},
        {ebmt_factor::interval, mk::make(0), true, ""},
        {ebmt_factor::donor_type, mk::make(0), true, ""},
        {ebmt_factor::sex_combination, mk::make(0), true, ""},
    }};

    // PAT-EBMT-001: age < 20 -> 0, 20-40 -> 1, > 40 -> 2 (years, read under PAT-AGE-002).
    {
        const double y = in.age_at_hct.years(policy.age_reading);
        const int p = y < 20.0 ? 0 : (y <= 40.0 ? 1 : 2);
        f[0].points = mk::make(p);
        f[0].reason = hd::concat({to_string(in.age_at_hct), " read as ",
                                  hd::format_number(y), " ", to_string(policy.age_reading), " -> ",
                                  p == 0 ? "< 20 years" : (p == 1 ? "20-40 years" : "> 40 years")});
    }
    // PAT-EBMT-002 / PAT-EBMT-009: stage.
    f[1].points = ebmt_stage_points(stage->stage);
    f[1].scored = stage->stage != ebmt_stage::not_applicable_saa;
    f[1].reason = hd::concat({to_string(in.dx), ", ", to_string(in.status), " -> ", stage->rule});

    // PAT-EBMT-004: interval, not scored in CR1; boundary at exactly 12 months is a policy.
    {
        const sys_days anniversary = ebmt_twelve_months_after(in.diagnosis_date);
        const auto span = hd::concat({hsct::to_string(in.diagnosis_date), " to ",
                                      hsct::to_string(in.hct_date)});
        if (in.status == disease_status::cr1) {
            f[2].scored = false;
            f[2].reason = hd::concat({span, "; not scored in CR1"});
        } else {
            const bool exactly = in.hct_date == anniversary;
            const bool over = in.hct_date > anniversary;
            const bool one = over || (exactly && policy.interval ==
                                                     ebmt_interval_boundary::hb24_lt12_0_ge12_1);
            f[2].points = mk::make(one ? 1 : 0);
            f[2].reason = hd::concat(
                {span, exactly ? ": exactly 12 months" : (over ? ": more than 12 months"
                                                               : ": less than 12 months"),
                 " (", to_string(policy.interval), ")"});
        }
    }
    // PAT-EBMT-005 / PAT-EBMT-006 / PAT-EBMT-007: donor and sex; none for autologous HCT.
    if (autologous) {
        f[3].scored = false;
        f[3].reason = "autologous HCT: no donor factor (range 0-5)";
        f[4].scored = false;
        f[4].reason = "autologous HCT: no donor-recipient sex factor";
    } else {
        // Only two donor types reach here (the others were refused above).
        const bool unrelated = in.donor == donor_type::unrelated;
        HSCT_EXPECTS(unrelated || in.donor == donor_type::hla_identical_sibling,
                     "ebmt_risk_score: donor type not refused before scoring");
        f[3].points = mk::make(unrelated ? 1 : 0);
        f[3].reason = std::string(to_string(in.donor));
        const bool f_to_m = *in.donor_sex == sex::female && in.recipient_sex == sex::male;
        f[4].points = mk::make(f_to_m ? 1 : 0);
        f[4].reason = hd::concat({to_string(*in.donor_sex), " donor to ",
                                  to_string(in.recipient_sex), " recipient",
                                  f_to_m ? " (female to male)" : " (other combination)"});
    }

    int sum = 0;
    for (const auto& x : f) {
        sum += x.points.value();
    }
    const ebmt_points total = mk::make(sum);
    // PAT-EBMT-008 / PAT-EBMT-010: the 0-7 grouping; an autologous 0-5 score is not grouped
    // unless the unverified policy asks for the allogeneic cut-offs.
    const bool extrapolated =
        autologous &&
        policy.autologous_grouping == ebmt_autologous_grouping::allogeneic_cut_offs_unverified;
    const ebmt_risk_group group = autologous && !extrapolated
                                      ? ebmt_risk_group::not_grouped
                                      : ebmt_group_of(total, policy.grouping);
    return ebmt_result{total,
                       mk::make(autologous ? 5 : 7),
                       group,
                       f,
                       stage->stage,
                       policy,
                       ebmt_rule_version,
                       stage->verified,
                       extrapolated};
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_EBMT_SCORE_HPP
