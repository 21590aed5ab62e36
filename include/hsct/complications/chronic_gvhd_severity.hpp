// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Chronic GVHD global severity, NIH 2014: mild, moderate or severe from the eight organ scores,
// with the lung rule; the result names the clause and the organs that decided it.
//
//   using namespace hsct::complications;
//   nih_scores s;
//   s.skin = *nih_organ_score::of(1);
//   s.mouth = *nih_organ_score::of(1);
//   s.lungs = *nih_organ_score::of(0);        // ... and the other organs, scored 0
//   auto g = assess_cgvhd_global_severity(s);   // result<cgvhd_global_severity_result>
//   g->severity;                              // cgvhd_severity::mild
//   g->clauses;                               // {mild_one_or_two_organs}, organs {skin, mouth}
//
//   auto r = assess_chronic_gvhd_severity(organ_input);   // from raw findings: organ scores + global
//
// COMP-CGVHD-020 (NIH 2014, unchanged from 2005; Arai et al., Blood 2011 [V], the reference notes
// section 2.4): evaluated from the top,
//   severe   any organ score 3, or a lung score of 2 or 3;
//   moderate 3 or more organs with a score of 1 (or more), or any organ other than the lungs at 2,
//            or a lung score of 1;
//   mild     1 or 2 organs involved, none above 1, lung score 0;
//   none     no organ involved.
// The EBMT Handbook 2024 ch. 44 table prints "> 3" organs for moderate: a misprint against the
// NIH rule (resolutions K11); hsct counts 3 or more.
// COMP-CGVHD-021 the lung score global severity reads is the FEV1 score, in place of the symptom
// score (resolutions K1 [V2]); without a FEV1 the policy of the organ scores applies
// (lung_without_fev1, chronic_gvhd_scores.hpp). An organ explained entirely by another cause is
// not counted (COMP-CGVHD-018). An organ not assessed, or scored with a missing input that could
// raise it, makes a severity below severe a lower bound (`lower_bound`), naming the organs.
// Scope: severity only; response assessment is outside this header (see chronic_gvhd.hpp).
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_SEVERITY_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_SEVERITY_HPP

#include <cstdint>
#include <optional>
#include <utility>

#include "hsct/complications/chronic_gvhd_scores.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"

namespace hsct::complications {

/// COMP-CGVHD-020: the global severity.
enum class cgvhd_severity : std::uint8_t {
    none = 1,  ///< no organ involved
    mild = 2,
    moderate = 3,
    severe = 4,
};

constexpr auto hsct_enum_table(cgvhd_severity) noexcept {
    return make_enum_table<cgvhd_severity>("cgvhd_severity", {
        {cgvhd_severity::none, "none", "no organ involved"},
        {cgvhd_severity::mild, "mild", "mild chronic GVHD"},
        {cgvhd_severity::moderate, "moderate", "moderate chronic GVHD"},
        {cgvhd_severity::severe, "severe", "severe chronic GVHD"},
    });
}

/// COMP-CGVHD-020/021: the clauses of the rule.
enum class cgvhd_severity_clause : std::uint8_t {
    severe_organ_score_3 = 1,       ///< an organ other than the lungs at 3
    severe_lung_score_2_or_3 = 2,   ///< lung score 2 or 3
    moderate_three_or_more_organs = 3,
    moderate_organ_score_2 = 4,     ///< an organ other than the lungs at 2
    moderate_lung_score_1 = 5,
    mild_one_or_two_organs = 6,     ///< 1 or 2 organs at 1, lung 0
    no_organ_involved = 7,
};

constexpr auto hsct_enum_table(cgvhd_severity_clause) noexcept {
    using c = cgvhd_severity_clause;
    return make_enum_table<cgvhd_severity_clause>("cgvhd_severity_clause", {
        {c::severe_organ_score_3, "severe_organ_score_3", "an organ scored 3"},
        {c::severe_lung_score_2_or_3, "severe_lung_score_2_or_3", "lung score 2 or 3"},
        {c::moderate_three_or_more_organs, "moderate_three_or_more_organs", "3 or more organs involved"},
        {c::moderate_organ_score_2, "moderate_organ_score_2", "an organ other than the lungs scored 2"},
        {c::moderate_lung_score_1, "moderate_lung_score_1", "lung score 1"},
        {c::mild_one_or_two_organs, "mild_one_or_two_organs", "1 or 2 organs scored 1, lung score 0"},
        {c::no_organ_involved, "no_organ_involved", "no organ involved"},
    });
}

/// COMP-CGVHD-020: the criteria recorded (each measured: a score or a count of organs).
enum class cgvhd_severity_criterion : std::uint8_t {
    highest_organ_score = 1,   ///< the highest score of an organ other than the lungs, >= 3
    lung_score_severe = 2,     ///< lung score >= 2
    organs_involved = 3,       ///< organs with a score of 1 or more, >= 3
    organ_score_2 = 4,         ///< the highest score of an organ other than the lungs, >= 2
    lung_score_moderate = 5,   ///< lung score >= 1
    any_organ_involved = 6,    ///< organs with a score of 1 or more, >= 1
};

constexpr auto hsct_enum_table(cgvhd_severity_criterion) noexcept {
    using c = cgvhd_severity_criterion;
    return make_enum_table<cgvhd_severity_criterion>("cgvhd_severity_criterion", {
        {c::highest_organ_score, "highest_organ_score", "highest score of an organ other than the lungs (3: severe)"},
        {c::lung_score_severe, "lung_score_severe", "lung score (2 or 3: severe)"},
        {c::organs_involved, "organs_involved", "organs involved (3 or more: moderate)"},
        {c::organ_score_2, "organ_score_2", "highest score of an organ other than the lungs (2: moderate)"},
        {c::lung_score_moderate, "lung_score_moderate", "lung score (1: moderate)"},
        {c::any_organ_involved, "any_organ_involved", "organs involved (1 or 2: mild)"},
    });
}

/// COMP-CGVHD-020/021: the answer and what decided it.
struct cgvhd_global_severity_result {
    cgvhd_global_severity_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    cgvhd_severity severity = cgvhd_severity::none;
    /// True when an organ not assessed, or scored as a lower bound, could raise the severity.
    bool lower_bound = false;
    hsct::enum_set<cgvhd_severity_clause> clauses;  ///< every clause met at the severity's level
    hsct::enum_set<nih_organ> deciding_organs;      ///< the organs those clauses name
    hsct::enum_set<nih_organ> involved;             ///< counted organs scored 1 or more
    hsct::enum_set<nih_organ> excluded;             ///< explained entirely by another cause
    hsct::enum_set<nih_organ> not_assessed;
    hsct::enum_set<nih_organ> lower_bound_organs;   ///< scored, with a missing input that could raise it
    hsct::fixed_list<hsct::criterion<cgvhd_severity_criterion>, 6> criteria;
};

/// COMP-CGVHD-010..021: organ scores from raw findings, and the global severity.
struct chronic_gvhd_severity_result {
    chronic_gvhd_severity_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    nih_organ_scores_result organs;
    cgvhd_global_severity_result global;
};

namespace detail::cgvhd {
inline constexpr double severe_organ_score = 3.0;  ///< COMP-CGVHD-020 [V]
inline constexpr double severe_lung_score = 2.0;
inline constexpr double moderate_organ_count = 3.0;  ///< 3 or more (K11: not "> 3")
inline constexpr double moderate_organ_score = 2.0;
inline constexpr double moderate_lung_score = 1.0;
inline constexpr double mild_organ_count = 1.0;

[[nodiscard]] inline hsct::criterion<cgvhd_severity_criterion> severity_record(cgvhd_severity_criterion id, double n,
                                                                               hsct::count_unit unit, double threshold,
                                                                               const char* requirement) noexcept {
    hsct::criterion<cgvhd_severity_criterion> c;
    c.id = id;
    c.cmp = hsct::comparator::greater_equal;
    c.threshold = threshold;
    c.measured = hsct::measure::count(n, unit);
    c.result = hsct::satisfies(n, c.cmp, threshold) ? hsct::outcome::met : hsct::outcome::not_met;
    c.requirement = requirement;
    return c;
}
}  // namespace detail::cgvhd

namespace detail::cgvhd {
/// Global severity of checked scores, into `r`.
template <class = void>
void global_into(const nih_scores& s, cgvhd_global_severity_result& r) {
    namespace cd = detail::cgvhd;
    int highest = 0;                  // organs other than the lungs
    int lung = 0;
    hsct::enum_set<nih_organ> at3, at2;  // organs other than the lungs at 3, at 2
    for (const nih_organ o : hsct::values<nih_organ>()) {
        const nih_organ_score& x = s.of(o);
        if (x.state == nih_organ_state::not_assessed) {
            r.not_assessed.insert(o);
            continue;
        }
        if (x.state == nih_organ_state::other_cause_only) {
            r.excluded.insert(o);
            continue;
        }
        r.lower_bound_organs.insert_if(o, x.lower_bound);
        const int v = x.score.value();
        r.involved.insert_if(o, v >= 1);
        if (o == nih_organ::lungs) {
            lung = v;
            continue;
        }
        highest = v > highest ? v : highest;
        at3.insert_if(o, v == 3);
        at2.insert_if(o, v == 2);
    }
    const auto count = static_cast<double>(r.involved.size());
    const auto pts = hsct::count_unit::points;
    const auto none = hsct::count_unit::none;
    const auto rec = [&](cgvhd_severity_criterion id, double n, hsct::count_unit u, double t, const char* req) {
        r.criteria.push_back(cd::severity_record(id, n, u, t, req));
        return r.criteria.end()[-1].result == hsct::outcome::met;
    };
    const bool organ3 = rec(cgvhd_severity_criterion::highest_organ_score, highest, pts, cd::severe_organ_score,
                            "COMP-CGVHD-020");
    const bool lung_counted = s.lungs.state == nih_organ_state::scored;
    const auto lung_rec = [&](cgvhd_severity_criterion id, double t) {
        const bool met = rec(id, lung, pts, t, "COMP-CGVHD-021");
        if (!lung_counted) {  // not assessed (unknown) or explained by another cause (does not apply)
            r.criteria.end()[-1].result = s.lungs.state == nih_organ_state::not_assessed ? hsct::outcome::unknown
                                                                                         : hsct::outcome::not_applicable;
            r.criteria.end()[-1].measured = hsct::measure{};
        }
        return met && lung_counted;
    };
    const bool lung2 = lung_rec(cgvhd_severity_criterion::lung_score_severe, cd::severe_lung_score);
    if (organ3 || lung2) {
        r.severity = cgvhd_severity::severe;
        if (organ3) {
            r.clauses.insert(cgvhd_severity_clause::severe_organ_score_3);
            r.deciding_organs |= at3;
        }
        if (lung2) {
            r.clauses.insert(cgvhd_severity_clause::severe_lung_score_2_or_3);
            r.deciding_organs.insert(nih_organ::lungs);
        }
        return;  // nothing missing can raise severe
    }
    const bool three = rec(cgvhd_severity_criterion::organs_involved, count, none, cd::moderate_organ_count,
                           "COMP-CGVHD-020");
    const bool organ2 = rec(cgvhd_severity_criterion::organ_score_2, highest, pts, cd::moderate_organ_score,
                            "COMP-CGVHD-020");
    const bool lung1 = lung_rec(cgvhd_severity_criterion::lung_score_moderate, cd::moderate_lung_score);
    if (three || organ2 || lung1) {
        r.severity = cgvhd_severity::moderate;
        if (three) {
            r.clauses.insert(cgvhd_severity_clause::moderate_three_or_more_organs);
            r.deciding_organs |= r.involved;
        }
        if (organ2) {
            r.clauses.insert(cgvhd_severity_clause::moderate_organ_score_2);
            r.deciding_organs |= at2;
        }
        if (lung1) {
            r.clauses.insert(cgvhd_severity_clause::moderate_lung_score_1);
            r.deciding_organs.insert(nih_organ::lungs);
        }
    } else if (rec(cgvhd_severity_criterion::any_organ_involved, count, none, cd::mild_organ_count, "COMP-CGVHD-020")) {
        r.severity = cgvhd_severity::mild;
        r.clauses.insert(cgvhd_severity_clause::mild_one_or_two_organs);
        r.deciding_organs = r.involved;
    } else {
        r.severity = cgvhd_severity::none;
        r.clauses.insert(cgvhd_severity_clause::no_organ_involved);
    }
    r.lower_bound = !r.not_assessed.empty() || !r.lower_bound_organs.empty();
}
}  // namespace detail::cgvhd

/// COMP-CGVHD-020/021: global severity from the eight organ scores. Errors: an undeclared organ
/// state ("nih_scores.<organ>.state").
template <class = void>
[[nodiscard]] result<cgvhd_global_severity_result> assess_cgvhd_global_severity(const nih_scores& s) {
    result<cgvhd_global_severity_result> out(std::in_place);
    for (const nih_organ o : hsct::values<nih_organ>()) {
        if (!hsct::is_valid(s.of(o).state)) {
            out = *hsct::detail::check_enum(s.of(o).state, field_ref("nih_scores", hsct::id(o), "state"));
            return out;
        }
    }
    detail::cgvhd::global_into(s, *out);
    return out;
}

/// COMP-CGVHD-010..021: organ scores from raw findings (assess_nih_organ_scores) and the global
/// severity from them. Errors: those of assess_nih_organ_scores.
template <class = void>
[[nodiscard]] result<chronic_gvhd_severity_result> assess_chronic_gvhd_severity(const cgvhd_organ_input& in,
                                                                               const cgvhd_scoring_options& options = {}) {
    result<chronic_gvhd_severity_result> out(std::in_place);
    if (auto e = detail::cgvhd::check_organ_input(in, options)) {
        out = std::move(*e);
        return out;
    }
    detail::cgvhd::score_organs(in, options, out->organs);
    detail::cgvhd::global_into(out->organs.scores, out->global);
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_SEVERITY_HPP
