// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Primary graft failure: no neutrophil engraftment by the cut-off day of the graft's source,
// with pancytopenia, under a named definition; "pending" until the cut-off has passed.
//
//   using namespace hsct::engraftment;
//   primary_graft_failure_input in;
//   in.source = hsct::graft::product_source::peripheral_blood;
//   in.neutrophils = *assess_neutrophil_engraftment(*anc_series);
//   in.observed_through = hsct::transplant_day::at(35);
//   in.pancytopenia = true;
//   auto r = assess_primary_graft_failure(in);    // result<primary_graft_failure_result>
//   r->status;                                     // graft_failure_status::met
//
// ENG-GF-001: primary graft failure is an ANC below 0.5 x10^9/L by the cut-off day with
// pancytopenia (ASTCT 2021, Kharfan-Dabaja et al., adopted by the 2024 harmonisation and the
// EBMT Handbook 2024 ch. 41 section 41.1 [V, V-HB24]): day +30 for peripheral blood and marrow,
// up to day +42 for cord blood. The EBMT Handbook 2019 used day +28 (cord +42) and counts for the
// pancytopenia (Hb < 80 g/L, platelets < 20 x10^9/L): a named historical definition [V].
// "By day X" is read as: the neutrophil engraftment day (the first day of the run) is after X,
// or there is none [P]. ASTCT gives no numbers for pancytopenia, so by default it is the
// clinician's stated finding; the EBMT 2019 counts are the alternative (pancytopenia_rule).
// Graft sources the definitions do not cover (G-CSF-primed marrow, haploidentical, double cord)
// take their source's cut-off (marrow, cord) [U]; donor chimerism confirms the diagnosis (all
// sources) and is the clinician's to add.
// ENG-GF-002: the status: met; not_met (engrafted by the cut-off, or not pancytopenic); pending
// (the cut-off not yet passed, or a run that began by it still incomplete); unknown (the
// pancytopenia needed and not given).
#ifndef HSCT_ENGRAFTMENT_GRAFT_FAILURE_HPP
#define HSCT_ENGRAFTMENT_GRAFT_FAILURE_HPP

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/engraftment/vocabulary.hpp"
#include "hsct/graft/product.hpp"

namespace hsct::engraftment {

/// ENG-GF-001: which definition.
enum class graft_failure_definition : std::uint8_t {
    astct_2021 = 1,  ///< day +30 (cord +42); pancytopenia without numbers (ASTCT 2021, EBMT 2024) — default
    ebmt_2019 = 2,   ///< day +28 (cord +42); Hb < 80 g/L and platelets < 20 x10^9/L (EBMT 2019, historical)
};

constexpr auto hsct_enum_table(graft_failure_definition) noexcept {
    return make_enum_table<graft_failure_definition>("graft_failure_definition", {
        {graft_failure_definition::astct_2021, "astct_2021", "ASTCT 2021 / EBMT 2024: day +30, cord +42"},
        {graft_failure_definition::ebmt_2019, "ebmt_2019", "EBMT 2019 (historical): day +28, cord +42"},
    });
}

/// ENG-GF-001: how pancytopenia is decided.
enum class pancytopenia_rule : std::uint8_t {
    stated = 1,            ///< the clinician's finding (ASTCT gives no numbers) — default
    ebmt_2019_counts = 2,  ///< Hb < 80 g/L and platelets < 20 x10^9/L (EBMT 2019)
};

constexpr auto hsct_enum_table(pancytopenia_rule) noexcept {
    return make_enum_table<pancytopenia_rule>("pancytopenia_rule", {
        {pancytopenia_rule::stated, "stated", "pancytopenia as the clinician states it"},
        {pancytopenia_rule::ebmt_2019_counts, "ebmt_2019_counts", "Hb < 80 g/L and platelets < 20 x10^9/L (EBMT 2019)"},
    });
}

/// ENG-GF-002: the answer.
enum class graft_failure_status : std::uint8_t {
    met = 1,
    not_met = 2,
    pending = 3,  ///< the cut-off not yet passed, or a run that began by it still incomplete
    unknown = 4,  ///< the pancytopenia needed and not given
};

constexpr auto hsct_enum_table(graft_failure_status) noexcept {
    return make_enum_table<graft_failure_status>("graft_failure_status", {
        {graft_failure_status::met, "met", "primary graft failure"},
        {graft_failure_status::not_met, "not_met", "not primary graft failure"},
        {graft_failure_status::pending, "pending", "pending (the cut-off day not yet passed)"},
        {graft_failure_status::unknown, "unknown", "unknown (pancytopenia not given)"},
    });
}

/// ENG-GF-001: the criteria.
enum class graft_failure_criterion : std::uint8_t {
    no_engraftment_by_cutoff = 1,  ///< the engraftment day after the cut-off, or none (measured: the day)
    pancytopenia = 2,              ///< stated
    haemoglobin_low = 3,           ///< Hb below 80 g/L (EBMT 2019)
    platelets_low = 4,             ///< platelets below 20 x10^9/L (EBMT 2019)
};

constexpr auto hsct_enum_table(graft_failure_criterion) noexcept {
    using c = graft_failure_criterion;
    return make_enum_table<graft_failure_criterion>("graft_failure_criterion", {
        {c::no_engraftment_by_cutoff, "no_engraftment_by_cutoff", "no neutrophil engraftment by the cut-off day"},
        {c::pancytopenia, "pancytopenia", "pancytopenia"},
        {c::haemoglobin_low, "haemoglobin_low", "haemoglobin below 8 g/dL"},
        {c::platelets_low, "platelets_low", "platelets below 20 x10^9/L"},
    });
}

/// ENG-GF-001: the inputs the rule reads. Missing findings are values (unknown), not errors.
enum class graft_failure_field : std::uint8_t { pancytopenia = 1, haemoglobin = 2, platelets = 3 };

constexpr auto hsct_enum_table(graft_failure_field) noexcept {
    return make_enum_table<graft_failure_field>("graft_failure_field", {
        {graft_failure_field::pancytopenia, "pancytopenia", "pancytopenia (the clinician's finding)"},
        {graft_failure_field::haemoglobin, "haemoglobin", "haemoglobin by the cut-off"},
        {graft_failure_field::platelets, "platelets", "platelets by the cut-off"},
    });
}

/// ENG-GF-001: what the rule reads.
struct primary_graft_failure_input {
    hsct::graft::product_source source = hsct::graft::product_source::peripheral_blood;
    neutrophil_result neutrophils;                  ///< assess_neutrophil_engraftment's answer
    hsct::transplant_day observed_through;          ///< the last day the counts cover
    std::optional<bool> pancytopenia{};             ///< pancytopenia_rule::stated
    std::optional<hsct::haemoglobin> haemoglobin{}; ///< the latest by the cut-off (ebmt_2019_counts)
    std::optional<hsct::platelets> platelets{};     ///< the latest by the cut-off (ebmt_2019_counts)
};

struct primary_graft_failure_options {
    graft_failure_definition definition = graft_failure_definition::astct_2021;
    pancytopenia_rule pancytopenia = pancytopenia_rule::stated;
};

/// ENG-GF-001/002: the status, the cut-off used and the criteria compared.
struct primary_graft_failure_result {
    primary_graft_failure_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    graft_failure_status status = graft_failure_status::pending;
    hsct::transplant_day cutoff;
    hsct::fixed_list<hsct::criterion<graft_failure_criterion>, 4> criteria;
    hsct::enum_set<graft_failure_field> missing{};
    primary_graft_failure_options options;
};

/// ENG-GF-001: the cut-off day of a definition for a graft source.
[[nodiscard]] constexpr hsct::transplant_day primary_graft_failure_cutoff(graft_failure_definition d,
                                                                         hsct::graft::product_source s) noexcept {
    if (s == hsct::graft::product_source::cord_blood) {
        return hsct::transplant_day::at(42);
    }
    return hsct::transplant_day::at(d == graft_failure_definition::ebmt_2019 ? 28 : 30);
}

/// ENG-GF-001/002: primary graft failure. Errors: an undeclared source, definition or rule; a
/// haemoglobin or platelet count not finite or outside its plausible range ("input.*").
template <class = void>
[[nodiscard]] result<primary_graft_failure_result> assess_primary_graft_failure(
    const primary_graft_failure_input& in, const primary_graft_failure_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<primary_graft_failure_result> out(std::in_place);
    if (auto e = hsct::detail::check_enum(in.source, "input.source")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.definition, "options.definition")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.pancytopenia, "options.pancytopenia")) {
        out = std::move(*e);
        return out;
    }
    const auto check = [&](const auto& v, const char* field) -> bool {
        if (!v) {
            return true;
        }
        using A = std::remove_cvref_t<decltype(*v)>;
        const double x = v->in(typename hsct::detail::quantity_traits<A>::canonical_unit{});
        if (!std::isfinite(x) || x < A::info().plausible_lo || x > A::info().plausible_hi) {
            out = error(std::isfinite(x) ? errc::out_of_range : errc::not_finite, field, hsct::detail::format_number(x),
                        hsct::detail::concat({hsct::detail::format_number(A::info().plausible_lo), "-",
                                              hsct::detail::format_number(A::info().plausible_hi), " (", A::info().name,
                                              ", in its canonical unit)"}),
                        "ENG-GF-001");
            return false;
        }
        return true;
    };
    if (!check(in.haemoglobin, "input.haemoglobin") || !check(in.platelets, "input.platelets")) {
        return out;
    }
    primary_graft_failure_result& r = *out;
    r.options = options;
    r.cutoff = primary_graft_failure_cutoff(options.definition, in.source);
    const auto& n = in.neutrophils;
    // The first day of the run in progress, if not engrafted (its run_day criteria).
    std::optional<hsct::transplant_day> run_begun;
    if (n.status == engraftment_status::not_yet) {
        for (const auto& c : n.criteria) {
            if (c.criterion.id == neutrophil_criterion::run_day) {
                run_begun = c.day;
                break;
            }
        }
    }
    hsct::criterion<graft_failure_criterion> anc;
    anc.id = graft_failure_criterion::no_engraftment_by_cutoff;
    anc.cmp = hsct::comparator::greater;
    anc.requirement = "ENG-GF-001";
    anc.threshold = static_cast<double>(r.cutoff.number());
    anc.verified = true;
    if (n.status == engraftment_status::engrafted && n.day) {
        anc.measured = hsct::measure::count(static_cast<double>(n.day->number()), hsct::count_unit::days);
        anc.result = *n.day > r.cutoff ? hsct::outcome::met : hsct::outcome::not_met;
    } else {
        anc.measured = hsct::measure::flag(false);  // no engraftment day
        anc.cmp = hsct::comparator::present;
        const bool cutoff_passed = in.observed_through > r.cutoff;
        const bool run_by_cutoff = run_begun && *run_begun <= r.cutoff;
        anc.result = cutoff_passed && !run_by_cutoff ? hsct::outcome::met : hsct::outcome::unknown;
    }
    r.criteria.push_back(anc);
    if (anc.result == hsct::outcome::not_met) {
        r.status = graft_failure_status::not_met;
        return out;
    }
    if (anc.result == hsct::outcome::unknown) {
        r.status = graft_failure_status::pending;
        return out;
    }
    // the ANC criterion holds: pancytopenia decides
    if (options.pancytopenia == pancytopenia_rule::stated) {
        hsct::criterion<graft_failure_criterion> p;
        p.id = graft_failure_criterion::pancytopenia;
        p.cmp = hsct::comparator::present;
        p.requirement = "ENG-GF-001";
        if (!in.pancytopenia) {
            p.measured = hsct::measure::missing(graft_failure_field::pancytopenia);
            p.result = hsct::outcome::unknown;
            r.missing.insert(graft_failure_field::pancytopenia);
        } else {
            p.measured = hsct::measure::flag(*in.pancytopenia);
            p.result = *in.pancytopenia ? hsct::outcome::met : hsct::outcome::not_met;
        }
        r.criteria.push_back(p);
        r.status = p.result == hsct::outcome::met       ? graft_failure_status::met
                   : p.result == hsct::outcome::not_met ? graft_failure_status::not_met
                                                        : graft_failure_status::unknown;
        return out;
    }
    const auto low = [&](graft_failure_criterion id, graft_failure_field f, std::optional<double> v, double t,
                         const hsct::measure& m) {
        hsct::criterion<graft_failure_criterion> c;
        c.id = id;
        c.cmp = hsct::comparator::less;
        c.requirement = "ENG-GF-001";
        c.threshold = t;
        if (!v) {
            c.measured = hsct::measure::missing(f);
            c.result = hsct::outcome::unknown;
            r.missing.insert(f);
        } else {
            c.measured = m;
            c.result = hsct::satisfies(*v, hsct::comparator::less, t) ? hsct::outcome::met : hsct::outcome::not_met;
        }
        r.criteria.push_back(c);
        return c.result;
    };
    const auto hb = low(graft_failure_criterion::haemoglobin_low, graft_failure_field::haemoglobin,
                        in.haemoglobin ? std::optional(in.haemoglobin->in(hsct::units::g_per_dl)) : std::nullopt, 8.0,
                        in.haemoglobin ? hsct::measure::of(*in.haemoglobin, hsct::units::g_per_dl) : hsct::measure{});
    const auto plt = low(graft_failure_criterion::platelets_low, graft_failure_field::platelets,
                         in.platelets ? std::optional(in.platelets->in(hsct::units::giga_per_l)) : std::nullopt, 20.0,
                         in.platelets ? hsct::measure::of(*in.platelets, hsct::units::giga_per_l) : hsct::measure{});
    r.status = hb == hsct::outcome::not_met || plt == hsct::outcome::not_met ? graft_failure_status::not_met
               : hb == hsct::outcome::unknown || plt == hsct::outcome::unknown ? graft_failure_status::unknown
                                                                              : graft_failure_status::met;
    return out;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_GRAFT_FAILURE_HPP
