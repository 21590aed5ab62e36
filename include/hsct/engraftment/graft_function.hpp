// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Graft function after recovery, and its failures other than primary graft failure: secondary
// graft failure, poor graft function, graft failure with autologous reconstitution, and delayed
// engraftment (a centre's local policy only). Each rule answers met / not_met / not_applicable /
// unknown / pending with the criteria that decided it; missing findings are values.
//
//   using namespace hsct::engraftment;
//   graft_function_input in;
//   in.neutrophils = *assess_neutrophil_engraftment(*anc);
//   in.platelets = *assess_platelet_engraftment(*plt, *transfusions);
//   in.anc = anc->days();  in.platelet_counts = plt->days();  in.haemoglobin = hb->days();
//   in.transfusions = &*transfusions;  in.growth_factors = &*growth_factors;
//   in.chimerism = *assess_chimerism(measurements);
//   auto r = assess_secondary_graft_failure(in);  // result<graft_function_result>
//
// Sources: ASTCT 2021 (Kharfan-Dabaja et al.), adopted by the 2024 harmonisation (EBMT, ASTCT,
// CIBMTR, APBMT) and the EBMT Handbook 2024 ch. 41 section 41.2 [V-HB24]; the EBMT Handbook 2019
// (historical, reference notes section 3.4 [V]); a single-centre series, PMC4548938 (secondary
// graft failure = ANC < 500/uL on three consecutive days after neutrophil engraftment; graft
// failure with autologous reconstitution = less than 5 % donor cells) [V, its abstract].
//
// ENG-GF-003 secondary graft failure. astct_2021 (default): after neutrophil and platelet
// recovery (a platelet rule answering never_below_threshold counts as recovered [P]), a decline
// in haemoglobin, platelets or neutrophils that needs blood products or growth factors. ASTCT
// gives no numbers: a decline is a value below the cytopenia thresholds (defaults ANC < 0.5,
// platelets < 20 x10^9/L, Hb < 80 g/L: the recovery and EBMT 2019 pancytopenia numbers [P]) on
// a day after both recovery runs, and "needs support" is a platelet or red-cell transfusion or a
// growth factor on or after that day [P]. ebmt_2019: ANC < 0.5 on three consecutive measurement
// days after neutrophil engraftment (the run length is PMC4548938's), not due to relapse,
// infection or drugs (`other_cause` false). Both: donor chimerism confirms graft failure (ASTCT
// "assumes donor chimerism testing"); full donor chimerism makes the picture poor graft function
// instead (the notes' GF-4), so without chimerism the answer is unknown [P for ebmt_2019].
// ENG-GF-004 poor graft function. astct_2021 (default): frequent dependence on transfusions
// and/or growth factors (no numbers in any source: the clinician's stated finding,
// `frequent_support`), no other explanation (`other_cause` false), donor chimerism within the
// target (full, as assess_chimerism decided it). ebmt_2019: two or three cytopenias lasting more
// than 2 weeks after day +28, with donor chimerism > 95 % [V, the notes]; read as: a lineage's
// values stay below its threshold on consecutive measurement days, all on or after day +28,
// whose first and last are more than 14 days apart [P].
// ENG-GF-005 graft failure with autologous reconstitution: counts recovered (neutrophil
// engraftment) with donor chimerism below 5 % in every lineage measured (PMC4548938 [V]; HB24
// ch. 21 "absent" < 5 % [V-HB24]).
// ENG-GF-006 delayed engraftment: no source defines it (HB24 ch. 41, the notes' item 18 [V]), so
// there is no default: the centre's days per graft source are a required argument, and the
// result is marked local_policy with every criterion verified = false. Met when the neutrophil
// engraftment day (or the observed day, if not yet engrafted) is after the centre's day and not
// after the primary graft failure cut-off (beyond which assess_primary_graft_failure decides).
#ifndef HSCT_ENGRAFTMENT_GRAFT_FUNCTION_HPP
#define HSCT_ENGRAFTMENT_GRAFT_FUNCTION_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/chimerism.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/detail/run_scan.hpp"
#include "hsct/engraftment/graft_failure.hpp"
#include "hsct/engraftment/growth_factor.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/engraftment/platelet.hpp"
#include "hsct/engraftment/transfusion.hpp"
#include "hsct/engraftment/vocabulary.hpp"
#include "hsct/graft/product.hpp"

namespace hsct::engraftment {

/// Which rule a graft_function_result answers.
enum class graft_function_rule : std::uint8_t {
    secondary_graft_failure = 1,
    poor_graft_function = 2,
    autologous_reconstitution = 3,
    delayed_engraftment = 4,
};

constexpr auto hsct_enum_table(graft_function_rule) noexcept {
    using r = graft_function_rule;
    return make_enum_table<graft_function_rule>("graft_function_rule", {
        {r::secondary_graft_failure, "secondary_graft_failure", "secondary graft failure"},
        {r::poor_graft_function, "poor_graft_function", "poor graft function"},
        {r::autologous_reconstitution, "autologous_reconstitution", "graft failure with autologous reconstitution"},
        {r::delayed_engraftment, "delayed_engraftment", "delayed engraftment (local policy)"},
    });
}

/// ENG-GF-003/004: which definition.
enum class graft_function_definition : std::uint8_t {
    astct_2021 = 1,  ///< ASTCT 2021 / EBMT Handbook 2024 ch. 41 — default
    ebmt_2019 = 2,   ///< EBMT Handbook 2019 (historical), with PMC4548938's run length
};

constexpr auto hsct_enum_table(graft_function_definition) noexcept {
    return make_enum_table<graft_function_definition>("graft_function_definition", {
        {graft_function_definition::astct_2021, "astct_2021", "ASTCT 2021 / EBMT 2024"},
        {graft_function_definition::ebmt_2019, "ebmt_2019", "EBMT 2019 (historical)"},
    });
}

/// The answer.
enum class graft_function_status : std::uint8_t {
    met = 1,
    not_met = 2,
    not_applicable = 3,  ///< the rule's premise is absent (e.g. no recovery to fail after)
    unknown = 4,         ///< a finding the rule needs was not given (see `missing`)
    pending = 5,         ///< the deciding day has not come yet
};

constexpr auto hsct_enum_table(graft_function_status) noexcept {
    using s = graft_function_status;
    return make_enum_table<graft_function_status>("graft_function_status", {
        {s::met, "met", "met"},
        {s::not_met, "not_met", "not met"},
        {s::not_applicable, "not_applicable", "does not apply"},
        {s::unknown, "unknown", "unknown (a finding is missing)"},
        {s::pending, "pending", "pending"},
    });
}

/// The criteria the rules record (each with its transplant day).
enum class graft_function_criterion : std::uint8_t {
    neutrophil_recovery = 1,  ///< neutrophil engraftment (measured: present or not)
    platelet_recovery = 2,    ///< platelet recovery (>= 20 milestone)
    anc_low = 3,              ///< ANC below the cytopenia threshold
    platelets_low = 4,        ///< platelets below the cytopenia threshold
    haemoglobin_low = 5,      ///< haemoglobin below the cytopenia threshold
    support_given = 6,        ///< a transfusion or growth factor on or after the decline
    anc_low_run = 7,          ///< consecutive measurement days with ANC below 0.5 (measured: days)
    chimerism_full = 8,       ///< overall donor chimerism full (measured: the category)
    chimerism_absent = 9,     ///< every lineage below 5 % donor (measured: the category)
    other_cause = 10,         ///< relapse, drugs or infection explain the picture (stated)
    frequent_support = 11,    ///< frequent transfusion or growth-factor dependence (stated)
    cytopenic_lineages = 12,  ///< lineages cytopenic for more than 14 days after day +28
    after_local_day = 13,     ///< engraftment (or the observed day) after the centre's day
    before_cutoff = 14,       ///< not after the primary graft failure cut-off
};

constexpr auto hsct_enum_table(graft_function_criterion) noexcept {
    using c = graft_function_criterion;
    return make_enum_table<graft_function_criterion>("graft_function_criterion", {
        {c::neutrophil_recovery, "neutrophil_recovery", "neutrophil recovery"},
        {c::platelet_recovery, "platelet_recovery", "platelet recovery"},
        {c::anc_low, "anc_low", "ANC below the cytopenia threshold"},
        {c::platelets_low, "platelets_low", "platelets below the cytopenia threshold"},
        {c::haemoglobin_low, "haemoglobin_low", "haemoglobin below the cytopenia threshold"},
        {c::support_given, "support_given", "blood products or growth factors given"},
        {c::anc_low_run, "anc_low_run", "consecutive days with ANC below 0.5 x10^9/L"},
        {c::chimerism_full, "chimerism_full", "full donor chimerism"},
        {c::chimerism_absent, "chimerism_absent", "donor chimerism below 5 % in every lineage"},
        {c::other_cause, "other_cause", "another explanation (relapse, drugs, infection)"},
        {c::frequent_support, "frequent_support", "frequent transfusion or growth-factor dependence"},
        {c::cytopenic_lineages, "cytopenic_lineages", "lineages cytopenic for more than 2 weeks after day +28"},
        {c::after_local_day, "after_local_day", "engraftment after the centre's day"},
        {c::before_cutoff, "before_cutoff", "not after the primary graft failure cut-off"},
    });
}

/// The findings a rule may need; a missing one makes the answer unknown, never an error.
enum class graft_function_field : std::uint8_t {
    chimerism = 1,
    other_cause = 2,
    frequent_support = 3,
};

constexpr auto hsct_enum_table(graft_function_field) noexcept {
    return make_enum_table<graft_function_field>("graft_function_field", {
        {graft_function_field::chimerism, "chimerism", "donor chimerism"},
        {graft_function_field::other_cause, "other_cause", "whether relapse, drugs or infection explain it"},
        {graft_function_field::frequent_support, "frequent_support", "frequent transfusion or growth-factor dependence"},
    });
}

/// The thresholds below which a count is a cytopenia [P]: ASTCT gives none; the defaults are the
/// recovery thresholds (ANC 0.5, platelets 20) and EBMT 2019's pancytopenia haemoglobin (80 g/L).
/// Some centres use 70 g/L (a review's definition of poor graft function, the notes [V]).
struct cytopenia_thresholds {
    hsct::anc anc{0.5, hsct::units::giga_per_l};              ///< 0.1-1.5 x10^9/L
    hsct::platelets platelets{20.0, hsct::units::giga_per_l}; ///< 5-100 x10^9/L
    hsct::haemoglobin haemoglobin{80.0, hsct::units::g_per_l}; ///< 50-120 g/L
};

/// What the rules read. Spans and pointers refer to the caller's series and logs; a null log is
/// "none recorded". Findings the clinician states are optional: missing is a value.
struct graft_function_input {
    neutrophil_result neutrophils;                              ///< assess_neutrophil_engraftment
    platelet_result platelets;                                  ///< assess_platelet_engraftment (>= 20)
    std::span<const day_value<hsct::anc>> anc{};
    std::span<const day_value<hsct::platelets>> platelet_counts{};
    std::span<const day_value<hsct::haemoglobin>> haemoglobin{};
    const transfusion_log* transfusions = nullptr;
    const growth_factor_log* growth_factors = nullptr;
    std::optional<chimerism_result> chimerism{};                ///< the latest assessment
    std::optional<bool> other_cause{};       ///< relapse, drugs or infection explain it (stated)
    std::optional<bool> frequent_support{};  ///< frequent transfusion/growth-factor dependence (stated)
    hsct::transplant_day observed_through;   ///< the last day the counts cover
};

struct graft_function_options {
    graft_function_definition definition = graft_function_definition::astct_2021;
    cytopenia_thresholds thresholds{};
};

/// ENG-GF-006: a centre's delayed-engraftment days, one per graft source (no default exists).
struct delayed_engraftment_policy {
    hsct::transplant_day peripheral_blood;
    hsct::transplant_day bone_marrow;
    hsct::transplant_day cord_blood;
};

/// ENG-GF-003..006: the answer of one rule, with its evidence.
struct graft_function_result {
    graft_function_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    graft_function_rule rule = graft_function_rule::secondary_graft_failure;
    graft_function_status status = graft_function_status::not_applicable;
    graft_function_definition definition = graft_function_definition::astct_2021;
    bool local_policy = false;  ///< ENG-GF-006: the centre's definition, not a published one
    hsct::fixed_list<dated_criterion<graft_function_criterion>, 12> criteria;
    hsct::enum_set<graft_function_field> missing{};
};

namespace detail {

/// The last day of a recovery run (the latest run day among the result's criteria), or its day.
template <class Result, class Id>
[[nodiscard]] std::optional<hsct::transplant_day> recovery_completed(const Result& r, Id run_day) noexcept {
    std::optional<hsct::transplant_day> last = r.day;
    for (const auto& c : r.criteria) {
        if (c.criterion.id == run_day && (!last || *last < c.day)) {
            last = c.day;
        }
    }
    return last;
}

template <class A>
[[nodiscard]] bool thresholds_ok(const A& v, double lo, double hi) noexcept {
    const double x = v.in(typename hsct::detail::quantity_traits<A>::canonical_unit{});
    return x >= lo && x <= hi;  // false for NaN
}

/// The error of a cytopenia threshold outside its range (field and canonical range named).
template <class = void>
[[nodiscard]] std::optional<error> check_thresholds(const cytopenia_thresholds& t) {
    const auto bad = [](const char* field, double x, const char* range) {
        return error(std::isfinite(x) ? errc::out_of_range : errc::not_finite, field, hsct::detail::format_number(x),
                     range, "ENG-GF-003");
    };
    if (!thresholds_ok(t.anc, 0.1, 1.5)) {
        return bad("options.thresholds.anc", t.anc.in(hsct::units::giga_per_l), "0.1-1.5 x10^9/L");
    }
    if (!thresholds_ok(t.platelets, 5.0, 100.0)) {
        return bad("options.thresholds.platelets", t.platelets.in(hsct::units::giga_per_l), "5-100 x10^9/L");
    }
    if (!thresholds_ok(t.haemoglobin, 5.0, 12.0)) {
        return bad("options.thresholds.haemoglobin", t.haemoglobin.in(hsct::units::g_per_l), "50-120 g/L");
    }
    return std::nullopt;
}

/// The input's series checked (each as the rules take it); the error names the series.
template <class = void>
[[nodiscard]] std::optional<error> check_input_series(const graft_function_input& in) {
    const auto named = [](std::optional<error> e, const char* series) -> std::optional<error> {
        if (e) {
            auto field = hsct::detail::concat({"input.", series, ".", std::string(e->field())});
            e = hsct::with_field(*e, field);
        }
        return e;
    };
    if (!days_ok(in.anc)) {
        return named(check_days(in.anc), "anc");
    }
    if (!days_ok(in.platelet_counts)) {
        return named(check_days(in.platelet_counts), "platelet_counts");
    }
    if (!days_ok(in.haemoglobin)) {
        return named(check_days(in.haemoglobin), "haemoglobin");
    }
    return std::nullopt;
}

/// A recorder of dated criteria into a result.
struct gf_recorder {
    graft_function_result& r;
    const char* requirement;
    bool verified;
    void operator()(hsct::transplant_day d, graft_function_criterion id, hsct::measure m, hsct::comparator c,
                    double threshold, hsct::outcome o) const noexcept {
        hsct::criterion<graft_function_criterion> k;
        k.id = id;
        k.cmp = c;
        k.requirement = requirement;
        k.measured = m;
        k.threshold = threshold;
        k.result = o;
        k.verified = verified;
        r.criteria.push_back(dated_criterion<graft_function_criterion>{d, k});
    }
};

[[nodiscard]] constexpr hsct::outcome met_if(bool b) noexcept { return b ? hsct::outcome::met : hsct::outcome::not_met; }

/// A stated finding as a criterion: missing -> unknown (and named), else met when it equals `want`.
inline hsct::outcome stated(const gf_recorder& rec, hsct::transplant_day d, graft_function_criterion id,
                            graft_function_field f, std::optional<bool> v, bool want) noexcept {
    if (!v) {
        rec(d, id, hsct::measure::missing(f), hsct::comparator::present, 0.0, hsct::outcome::unknown);
        rec.r.missing.insert(f);
        return hsct::outcome::unknown;
    }
    rec(d, id, hsct::measure::flag(*v), hsct::comparator::present, 0.0, met_if(*v == want));
    return met_if(*v == want);
}

/// Chimerism as the graft-failure rules read it: full -> not graft failure (poor graft function's
/// picture); anything else confirms; missing -> unknown.
inline hsct::outcome chimerism_not_full(const gf_recorder& rec, const graft_function_input& in) noexcept {
    if (!in.chimerism) {
        rec(in.observed_through, graft_function_criterion::chimerism_full,
            hsct::measure::missing(graft_function_field::chimerism), hsct::comparator::equal, 0.0,
            hsct::outcome::unknown);
        rec.r.missing.insert(graft_function_field::chimerism);
        return hsct::outcome::unknown;
    }
    const bool full = in.chimerism->overall == chimerism_category::full;
    // ENG-GF-003: the criterion is "chimerism full": met when full, which rules graft failure out
    rec(in.observed_through, graft_function_criterion::chimerism_full, hsct::measure::code(in.chimerism->overall),
        hsct::comparator::equal, 0.0, met_if(full));
    return met_if(!full);
}

[[nodiscard]] constexpr graft_function_status status_of(hsct::outcome o) noexcept {
    return o == hsct::outcome::met       ? graft_function_status::met
           : o == hsct::outcome::not_met ? graft_function_status::not_met
                                         : graft_function_status::unknown;
}

/// not_met beats unknown beats met.
[[nodiscard]] constexpr hsct::outcome all_of(std::initializer_list<hsct::outcome> os) noexcept {
    bool unknown = false;
    for (auto o : os) {
        if (o == hsct::outcome::not_met) {
            return hsct::outcome::not_met;
        }
        unknown = unknown || o != hsct::outcome::met;
    }
    return unknown ? hsct::outcome::unknown : hsct::outcome::met;
}

/// The checks both graft-function rules make first: the definition, the thresholds, the series.
template <class = void>
[[nodiscard]] std::optional<error> check_graft_function_call(const graft_function_input& in,
                                                             const graft_function_options& options) {
    if (auto e = hsct::detail::check_enum(options.definition, "options.definition")) {
        return e;
    }
    if (auto e = check_thresholds(options.thresholds)) {
        return e;
    }
    return check_input_series(in);
}

}  // namespace detail

/// ENG-GF-003: secondary graft failure. Errors: an undeclared definition, thresholds out of range
/// ("options.*"); a series out of order or out of range ("input.<series>.days[i].*").
template <class = void>
[[nodiscard]] result<graft_function_result> assess_secondary_graft_failure(const graft_function_input& in,
                                                                           const graft_function_options& options = {}) {
    result<graft_function_result> out(std::in_place);
    if (auto e = detail::check_graft_function_call(in, options)) {
        out = std::move(*e);
        return out;
    }
    graft_function_result& r = *out;
    r.rule = graft_function_rule::secondary_graft_failure;
    r.definition = options.definition;
    const bool astct = options.definition == graft_function_definition::astct_2021;
    const detail::gf_recorder rec{r, "ENG-GF-003", astct};
    const auto& th = options.thresholds;
    // the premise: recovery
    const bool neut = in.neutrophils.status == engraftment_status::engrafted;
    const auto neut_done = detail::recovery_completed(in.neutrophils, neutrophil_criterion::run_day);
    rec(neut_done.value_or(in.observed_through), graft_function_criterion::neutrophil_recovery, hsct::measure::flag(neut),
        hsct::comparator::present, 0.0, detail::met_if(neut));
    std::optional<hsct::transplant_day> recovered = neut ? neut_done : std::nullopt;
    if (astct) {
        const bool plt = in.platelets.status == engraftment_status::engrafted ||
                         in.platelets.status == engraftment_status::never_below_threshold;
        const auto plt_done = detail::recovery_completed(in.platelets, platelet_criterion::run_day);
        rec(plt_done.value_or(in.observed_through), graft_function_criterion::platelet_recovery,
            hsct::measure::flag(plt), hsct::comparator::present, 0.0, detail::met_if(plt));
        if (!plt) {
            recovered.reset();
        } else if (recovered && plt_done && *recovered < *plt_done) {
            recovered = plt_done;
        }
    }
    if (!recovered) {
        r.status = graft_function_status::not_applicable;
        return out;
    }
    const auto after = *recovered;
    hsct::outcome counts = hsct::outcome::not_met;
    if (astct) {
        // the first value below a threshold after recovery, any lineage
        std::optional<hsct::transplant_day> decline;
        const auto first_low = [&](auto series, double t, auto unit, graft_function_criterion id) {
            for (const auto& dv : series) {
                if (after < dv.day && dv.value.in(unit) < t) {
                    if (!decline || dv.day < *decline) {
                        decline = dv.day;
                    }
                    rec(dv.day, id, hsct::measure::of(dv.value, unit), hsct::comparator::less, t, hsct::outcome::met);
                    return;
                }
            }
        };
        first_low(in.anc, th.anc.in(hsct::units::giga_per_l), hsct::units::giga_per_l, graft_function_criterion::anc_low);
        first_low(in.platelet_counts, th.platelets.in(hsct::units::giga_per_l), hsct::units::giga_per_l,
                  graft_function_criterion::platelets_low);
        first_low(in.haemoglobin, th.haemoglobin.in(hsct::units::g_per_l), hsct::units::g_per_l,
                  graft_function_criterion::haemoglobin_low);
        if (decline) {
            std::optional<hsct::transplant_day> support;
            const auto earliest = [&](std::optional<hsct::transplant_day> d) {
                if (d && (!support || *d < *support)) {
                    support = d;
                }
            };
            if (in.transfusions) {
                earliest(in.transfusions->first_on_or_after(blood_product::platelets, *decline));
                earliest(in.transfusions->first_on_or_after(blood_product::red_cells, *decline));
            }
            if (in.growth_factors) {
                if (const auto g = in.growth_factors->first_on_or_after(*decline)) {
                    earliest(g->day);
                }
            }
            rec(support.value_or(in.observed_through), graft_function_criterion::support_given,
                hsct::measure::flag(support.has_value()), hsct::comparator::present, 0.0,
                detail::met_if(support.has_value()));
            counts = detail::met_if(support.has_value());
        }
    } else {
        // ANC below the threshold on three consecutive measurement days after engraftment
        const double t = th.anc.in(hsct::units::giga_per_l);
        std::size_t run = 0;
        std::optional<hsct::transplant_day> first;
        for (const auto& dv : in.anc) {
            if (!(after < dv.day)) {
                continue;
            }
            if (dv.value.in(hsct::units::giga_per_l) < t) {
                if (run == 0) {
                    first = dv.day;
                }
                if (++run == 3) {
                    break;
                }
            } else {
                run = 0;
            }
        }
        // ENG-GF-003: the run recorded against its length, three days
        rec(first.value_or(in.observed_through), graft_function_criterion::anc_low_run,
            hsct::measure::count(static_cast<double>(run), hsct::count_unit::days), hsct::comparator::greater_equal, 3.0,
            detail::met_if(run >= 3));
        counts = detail::met_if(run >= 3);
        if (counts == hsct::outcome::met) {
            counts = detail::stated(rec, in.observed_through, graft_function_criterion::other_cause,
                                    graft_function_field::other_cause, in.other_cause, false);
        }
    }
    if (counts == hsct::outcome::not_met) {
        r.status = graft_function_status::not_met;
        return out;
    }
    r.status = detail::status_of(detail::all_of({counts, detail::chimerism_not_full(rec, in)}));
    return out;
}

/// ENG-GF-004: poor graft function. Errors as assess_secondary_graft_failure.
template <class = void>
[[nodiscard]] result<graft_function_result> assess_poor_graft_function(const graft_function_input& in,
                                                                       const graft_function_options& options = {}) {
    result<graft_function_result> out(std::in_place);
    if (auto e = detail::check_graft_function_call(in, options)) {
        out = std::move(*e);
        return out;
    }
    graft_function_result& r = *out;
    r.rule = graft_function_rule::poor_graft_function;
    r.definition = options.definition;
    const bool astct = options.definition == graft_function_definition::astct_2021;
    const detail::gf_recorder rec{r, "ENG-GF-004", true};
    const auto d = in.observed_through;
    hsct::outcome counts = hsct::outcome::unknown;
    if (astct) {
        const auto support = detail::stated(rec, d, graft_function_criterion::frequent_support,
                                            graft_function_field::frequent_support, in.frequent_support, true);
        const auto other = detail::stated(rec, d, graft_function_criterion::other_cause,
                                          graft_function_field::other_cause, in.other_cause, false);
        counts = detail::all_of({support, other});
    } else {
        const auto day28 = hsct::transplant_day::at(28);
        if (d < day28) {
            r.status = graft_function_status::pending;
            rec(d, graft_function_criterion::cytopenic_lineages, hsct::measure::count(0.0, hsct::count_unit::none),
                hsct::comparator::greater_equal, 2.0, hsct::outcome::unknown);
            return out;
        }
        const detail::gf_recorder p{r, "ENG-GF-004", false};  // the reading of "> 2 weeks" is hsct's [P]
        const auto& th = options.thresholds;
        int lineages = 0;
        // a lineage counts when a run of values below its threshold, on or after day +28, spans > 14 days
        const auto cytopenic = [&](auto series, double t, auto unit, graft_function_criterion id) {
            std::optional<hsct::transplant_day> first;
            for (const auto& dv : series) {
                if (dv.day < day28) {
                    continue;
                }
                if (dv.value.in(unit) < t) {
                    if (!first) {
                        first = dv.day;
                    }
                    const auto span = (dv.day - *first).count();
                    if (span > 14) {
                        p(*first, id, hsct::measure::count(static_cast<double>(span), hsct::count_unit::days),
                          hsct::comparator::greater, 14.0, hsct::outcome::met);
                        ++lineages;
                        return;
                    }
                } else {
                    first.reset();
                }
            }
        };
        cytopenic(in.anc, th.anc.in(hsct::units::giga_per_l), hsct::units::giga_per_l, graft_function_criterion::anc_low);
        cytopenic(in.platelet_counts, th.platelets.in(hsct::units::giga_per_l), hsct::units::giga_per_l,
                  graft_function_criterion::platelets_low);
        cytopenic(in.haemoglobin, th.haemoglobin.in(hsct::units::g_per_l), hsct::units::g_per_l,
                  graft_function_criterion::haemoglobin_low);
        rec(d, graft_function_criterion::cytopenic_lineages,
            hsct::measure::count(static_cast<double>(lineages), hsct::count_unit::none), hsct::comparator::greater_equal,
            2.0, detail::met_if(lineages >= 2));
        counts = detail::met_if(lineages >= 2);
    }
    if (counts == hsct::outcome::not_met) {
        r.status = graft_function_status::not_met;
        return out;
    }
    // donor chimerism within the target: full (ASTCT's "desirable target", EBMT 2019's > 95 %)
    hsct::outcome full = hsct::outcome::unknown;
    if (!in.chimerism) {
        rec(d, graft_function_criterion::chimerism_full, hsct::measure::missing(graft_function_field::chimerism),
            hsct::comparator::equal, 0.0, hsct::outcome::unknown);
        r.missing.insert(graft_function_field::chimerism);
    } else {
        full = detail::met_if(in.chimerism->overall == chimerism_category::full);
        rec(d, graft_function_criterion::chimerism_full, hsct::measure::code(in.chimerism->overall),
            hsct::comparator::equal, 0.0, full);
    }
    r.status = detail::status_of(detail::all_of({counts, full}));
    return out;
}

/// ENG-GF-005: graft failure with autologous reconstitution. Errors: none beyond the input's
/// series (not read here), so the answer is always a value.
template <class = void>
[[nodiscard]] result<graft_function_result> assess_autologous_reconstitution(const graft_function_input& in) {
    result<graft_function_result> out(std::in_place);
    graft_function_result& r = *out;
    r.rule = graft_function_rule::autologous_reconstitution;
    const detail::gf_recorder rec{r, "ENG-GF-005", true};
    const bool neut = in.neutrophils.status == engraftment_status::engrafted;
    rec(in.neutrophils.day.value_or(in.observed_through), graft_function_criterion::neutrophil_recovery,
        hsct::measure::flag(neut), hsct::comparator::present, 0.0, detail::met_if(neut));
    if (!neut) {
        r.status = graft_function_status::pending;  // no recovery yet: nothing to attribute
        return out;
    }
    if (!in.chimerism) {
        rec(in.observed_through, graft_function_criterion::chimerism_absent,
            hsct::measure::missing(graft_function_field::chimerism), hsct::comparator::equal, 0.0,
            hsct::outcome::unknown);
        r.missing.insert(graft_function_field::chimerism);
        r.status = graft_function_status::unknown;
        return out;
    }
    bool all_absent = !in.chimerism->lineages.empty();
    for (const auto& l : in.chimerism->lineages) {
        all_absent = all_absent && l.category == chimerism_category::absent;
    }
    rec(in.observed_through, graft_function_criterion::chimerism_absent, hsct::measure::code(in.chimerism->overall),
        hsct::comparator::equal, 0.0, detail::met_if(all_absent));
    r.status = all_absent ? graft_function_status::met : graft_function_status::not_met;
    return out;
}

/// ENG-GF-006: delayed engraftment under a centre's policy (no default exists). Errors: an
/// undeclared source or definition; a policy day before D+1 or after the source's primary graft
/// failure cut-off ("policy.<source>").
template <class = void>
[[nodiscard]] result<graft_function_result> assess_delayed_engraftment(
    const neutrophil_result& neutrophils, hsct::graft::product_source source, hsct::transplant_day observed_through,
    const delayed_engraftment_policy& policy,
    graft_failure_definition cutoff_definition = graft_failure_definition::astct_2021) {
    result<graft_function_result> out(std::in_place);
    if (auto e = hsct::detail::check_enum(source, "source")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(cutoff_definition, "cutoff_definition")) {
        out = std::move(*e);
        return out;
    }
    using ps = hsct::graft::product_source;
    const struct {
        ps s{};
        hsct::transplant_day d;
        const char* field{};
    } days[] = {{ps::peripheral_blood, policy.peripheral_blood, "policy.peripheral_blood"},
                {ps::bone_marrow, policy.bone_marrow, "policy.bone_marrow"},
                {ps::cord_blood, policy.cord_blood, "policy.cord_blood"}};
    for (const auto& x : days) {
        const auto cut = primary_graft_failure_cutoff(cutoff_definition, x.s);
        if (x.d.number() < 1 || cut < x.d) {
            out = error(errc::out_of_range, x.field, hsct::to_string(x.d),
                        hsct::detail::concat({"D+1-", hsct::to_string(cut), " (the primary graft failure cut-off)"}),
                        "ENG-GF-006");
            return out;
        }
    }
    graft_function_result& r = *out;
    r.rule = graft_function_rule::delayed_engraftment;
    r.local_policy = true;
    const detail::gf_recorder rec{r, "ENG-GF-006", false};
    const auto local = source == ps::cord_blood    ? policy.cord_blood
                       : source == ps::bone_marrow ? policy.bone_marrow
                                                   : policy.peripheral_blood;
    const auto cutoff = primary_graft_failure_cutoff(cutoff_definition, source);
    const bool engrafted = neutrophils.status == engraftment_status::engrafted && neutrophils.day;
    const auto when = engrafted ? *neutrophils.day : observed_through;
    const auto day_measure = [](hsct::transplant_day d) {
        return hsct::measure::count(static_cast<double>(d.number()), hsct::count_unit::days);
    };
    const bool late = local < when;
    rec(when, graft_function_criterion::after_local_day, day_measure(when), hsct::comparator::greater,
        static_cast<double>(local.number()), detail::met_if(late));
    if (!late) {
        r.status = engrafted ? graft_function_status::not_met : graft_function_status::pending;
        return out;
    }
    const bool by_cutoff = !(cutoff < when);
    rec(when, graft_function_criterion::before_cutoff, day_measure(when), hsct::comparator::less_equal,
        static_cast<double>(cutoff.number()), detail::met_if(by_cutoff));
    r.status = by_cutoff ? graft_function_status::met : graft_function_status::not_applicable;
    return out;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_GRAFT_FUNCTION_HPP
