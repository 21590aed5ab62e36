// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Donor chimerism: the donor percentage of each lineage measured, its category (full, mixed,
// absent) under a named cut-off, and the overall picture (full, mixed, split, absent).
//
//   using namespace hsct::engraftment;
//   const chimerism_measurement m[] = {
//       {chimerism_lineage::t_cells_cd3, hsct::percent(80.0, hsct::units::pct), chimerism_method::str_pcr},
//       {chimerism_lineage::myeloid_cd33, hsct::percent(99.0, hsct::units::pct), chimerism_method::str_pcr}};
//   auto r = assess_chimerism(m);     // result<chimerism_result>
//   r->overall;                       // chimerism_category::split (HB24 ch. 21)
//
// ENG-CHIM-001: a lineage's donor chimerism is full above 95 % donor, mixed from 5 % to 95 %
// (both ends mixed), absent below 5 % (EBMT Handbook 2024 ch. 21 section 21.1 [V-HB24]; ASTCT
// 2021 and the 2024 harmonisation: full > 95 % in the myeloid and lymphoid compartments [V]). The
// full cut-off is a policy: above 95 % by default; at or above 95 % as ch. 41 section 41.1 gives
// it ("a common cutoff", centres using 90-97.5 % [V-HB24]); or a centre's own (90-97.5 %).
// ENG-CHIM-002: the overall category: full when every lineage measured is full; absent when every
// one is absent; when the lineages agree on mixed, mixed; when they differ, split (HB24 ch. 21:
// "different degrees of donor chimerism in the myeloid or lymphoid compartment" [V-HB24]) by
// default, or mixed (the reference notes' CH-2, ASTCT's "mixed" for anything short of full) as
// a named policy.
// ENG-CHIM-003: each measurement keeps its method; STR-PCR's sensitivity is about 1 % (HB24 ch. 21
// [V-HB24]), quantitative PCR's about 0.1 % (reference notes [V2]); digital PCR and NGS are more
// sensitive still (no figure given). The sensitivity is reported, not applied: a value below a
// method's sensitivity is the laboratory's to flag.
#ifndef HSCT_ENGRAFTMENT_CHIMERISM_HPP
#define HSCT_ENGRAFTMENT_CHIMERISM_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/vocabulary.hpp"

namespace hsct::engraftment {

/// ENG-CHIM-001: the cell fraction measured.
enum class chimerism_lineage : std::uint8_t {
    whole_blood = 1,
    t_cells_cd3 = 2,      ///< T cells (CD3+)
    myeloid_cd33 = 3,     ///< myeloid cells (CD33+)
    myeloid_cd15 = 4,     ///< granulocytes (CD15+)
    b_cells_cd19 = 5,     ///< B cells (CD19+)
    nk_cells_cd56 = 6,    ///< NK cells (CD56+)
    progenitors_cd34 = 7, ///< CD34+ cells (AML, MDS)
    bone_marrow = 8,      ///< unsorted marrow
};

constexpr auto hsct_enum_table(chimerism_lineage) noexcept {
    using l = chimerism_lineage;
    return make_enum_table<chimerism_lineage>("chimerism_lineage", {
        {l::whole_blood, "whole_blood", "whole blood"},
        {l::t_cells_cd3, "t_cells_cd3", "T cells (CD3+)"},
        {l::myeloid_cd33, "myeloid_cd33", "myeloid cells (CD33+)"},
        {l::myeloid_cd15, "myeloid_cd15", "granulocytes (CD15+)"},
        {l::b_cells_cd19, "b_cells_cd19", "B cells (CD19+)"},
        {l::nk_cells_cd56, "nk_cells_cd56", "NK cells (CD56+)"},
        {l::progenitors_cd34, "progenitors_cd34", "CD34+ cells"},
        {l::bone_marrow, "bone_marrow", "bone marrow"},
    });
}

/// ENG-CHIM-003: how it was measured.
enum class chimerism_method : std::uint8_t {
    str_pcr = 1,  ///< short tandem repeats, capillary electrophoresis (the standard)
    qpcr = 2,     ///< quantitative PCR
    dpcr = 3,     ///< digital PCR
    ngs = 4,      ///< next-generation sequencing
};

constexpr auto hsct_enum_table(chimerism_method) noexcept {
    return make_enum_table<chimerism_method>("chimerism_method", {
        {chimerism_method::str_pcr, "str_pcr", "STR-PCR"},
        {chimerism_method::qpcr, "qpcr", "quantitative PCR"},
        {chimerism_method::dpcr, "dpcr", "digital PCR"},
        {chimerism_method::ngs, "ngs", "next-generation sequencing"},
    });
}

/// ENG-CHIM-003: a method's sensitivity as the sources state it, if they do (percent of cells).
[[nodiscard]] constexpr std::optional<hsct::percent> sensitivity(chimerism_method m) noexcept {
    switch (m) {
        case chimerism_method::str_pcr: return hsct::percent(1.0, hsct::units::pct);  // HB24 ch. 21 [V-HB24]
        case chimerism_method::qpcr: return hsct::percent(0.1, hsct::units::pct);     // reference notes [V2]
        case chimerism_method::dpcr:
        case chimerism_method::ngs: return std::nullopt;  // "more sensitive", no figure
    }
    return std::nullopt;
}

/// ENG-CHIM-001/002: a lineage's, or the overall, category.
enum class chimerism_category : std::uint8_t {
    full = 1,
    mixed = 2,
    absent = 3,  ///< below 5 % donor: loss of the graft, or autologous reconstitution
    split = 4,   ///< overall only: lineages in different categories
};

constexpr auto hsct_enum_table(chimerism_category) noexcept {
    return make_enum_table<chimerism_category>("chimerism_category", {
        {chimerism_category::full, "full", "full donor chimerism"},
        {chimerism_category::mixed, "mixed", "mixed chimerism"},
        {chimerism_category::absent, "absent", "donor chimerism absent (< 5 %)"},
        {chimerism_category::split, "split", "split chimerism (lineages differ)"},
    });
}

/// ENG-CHIM-001: where full begins.
enum class full_chimerism_cutoff : std::uint8_t {
    above_95 = 1,      ///< > 95 % (HB24 ch. 21, ASTCT 2021) — default
    at_least_95 = 2,   ///< >= 95 % (HB24 ch. 41 section 41.1, "a common cutoff")
    centre = 3,        ///< a centre's own, at or above chimerism_options::centre_cutoff
};

constexpr auto hsct_enum_table(full_chimerism_cutoff) noexcept {
    return make_enum_table<full_chimerism_cutoff>("full_chimerism_cutoff", {
        {full_chimerism_cutoff::above_95, "above_95", "full above 95 % (HB24 ch. 21, ASTCT 2021)"},
        {full_chimerism_cutoff::at_least_95, "at_least_95", "full at 95 % or above (HB24 ch. 41)"},
        {full_chimerism_cutoff::centre, "centre", "full at the centre's cut-off or above"},
    });
}

/// ENG-CHIM-002: lineages that disagree.
enum class discordant_lineages : std::uint8_t {
    split = 1,  ///< split chimerism (HB24 ch. 21) — default
    mixed = 2,  ///< mixed (ASTCT: anything short of full in both compartments)
};

constexpr auto hsct_enum_table(discordant_lineages) noexcept {
    return make_enum_table<discordant_lineages>("discordant_lineages", {
        {discordant_lineages::split, "split", "split (HB24 ch. 21)"},
        {discordant_lineages::mixed, "mixed", "mixed (ASTCT 2021)"},
    });
}

/// ENG-CHIM-001: one measurement.
struct chimerism_measurement {
    chimerism_lineage lineage = chimerism_lineage::whole_blood;
    hsct::percent donor{};  ///< donor cells, 0-100 %
    chimerism_method method = chimerism_method::str_pcr;
    std::optional<hsct::transplant_day> day{};
};

/// ENG-CHIM-001/002: the options.
struct chimerism_options {
    full_chimerism_cutoff full = full_chimerism_cutoff::above_95;
    hsct::percent centre_cutoff{95.0, hsct::units::pct};  ///< full_chimerism_cutoff::centre: 90-97.5 % (HB24 ch. 41's range)
    discordant_lineages discordant = discordant_lineages::split;
};

/// ENG-CHIM-001: the criteria (one per measurement, at most 8).
enum class chimerism_criterion : std::uint8_t {
    full = 1,    ///< donor % at or above (or above) the full cut-off
    absent = 2,  ///< donor % below 5
};

constexpr auto hsct_enum_table(chimerism_criterion) noexcept {
    return make_enum_table<chimerism_criterion>("chimerism_criterion", {
        {chimerism_criterion::full, "full", "donor cells at the full cut-off"},
        {chimerism_criterion::absent, "absent", "donor cells below 5 %"},
    });
}

/// ENG-CHIM-001/002: each lineage's category, with the comparison that decided it, and the overall.
struct chimerism_result {
    chimerism_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    struct lineage_result {
        chimerism_lineage lineage;
        chimerism_category category;
        chimerism_method method;
        hsct::criterion<chimerism_criterion> decided_by;
    };
    chimerism_category overall = chimerism_category::full;
    hsct::fixed_list<lineage_result, 8> lineages;
    chimerism_options options;
};

/// ENG-CHIM-001/002: the categories of 1-8 measurements (one a lineage). Errors: none or more
/// than 8 ("measurements"); a lineage twice, an undeclared lineage or method, a donor % not
/// finite or outside 0-100 ("measurements[i].*"); options out of range ("options.*").
template <class = void>
[[nodiscard]] result<chimerism_result> assess_chimerism(std::span<const chimerism_measurement> measurements,
                                                        const chimerism_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<chimerism_result> out(std::in_place);
    const auto field = [](std::size_t i, const char* leaf) {
        return hsct::detail::concat({"measurements[", std::to_string(i), "].", leaf});
    };
    if (measurements.empty() || measurements.size() > 8) {
        out = error(errc::out_of_range, "measurements", std::to_string(measurements.size()), "1-8, one a lineage",
                    "ENG-CHIM-001");
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.full, "options.full")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.discordant, "options.discordant")) {
        out = std::move(*e);
        return out;
    }
    const double centre = options.centre_cutoff.in(hsct::units::pct);
    if (options.full == full_chimerism_cutoff::centre && (!std::isfinite(centre) || centre < 90.0 || centre > 97.5)) {
        out = error(std::isfinite(centre) ? errc::out_of_range : errc::not_finite, "options.centre_cutoff",
                    hsct::detail::concat({hsct::detail::format_number(centre), " %"}),
                    "90-97.5 % (the range centres use, HB24 ch. 41)", "ENG-CHIM-001");
        return out;
    }
    const double cut = options.full == full_chimerism_cutoff::centre ? centre : 95.0;
    const auto full_cmp = options.full == full_chimerism_cutoff::above_95 ? hsct::comparator::greater
                                                                          : hsct::comparator::greater_equal;
    chimerism_result& r = *out;
    r.options = options;
    unsigned seen = 0;
    bool all_full = true;
    bool all_absent = true;
    bool all_mixed = true;
    for (std::size_t i = 0; i < measurements.size(); ++i) {
        const auto& m = measurements[i];
        if (auto e = hsct::detail::check_enum(m.lineage, "lineage")) {
            out = hsct::with_field(*e, field(i, "lineage"));
            return out;
        }
        if (auto e = hsct::detail::check_enum(m.method, "method")) {
            out = hsct::with_field(*e, field(i, "method"));
            return out;
        }
        const unsigned bit = 1U << static_cast<unsigned>(m.lineage);
        if ((seen & bit) != 0) {
            out = error(errc::inconsistent, field(i, "lineage"), std::string(id(m.lineage)), "each lineage once",
                        "ENG-CHIM-001");
            return out;
        }
        seen |= bit;
        const double p = m.donor.in(hsct::units::pct);
        if (!std::isfinite(p) || p < 0.0 || p > 100.0) {
            out = error(std::isfinite(p) ? errc::out_of_range : errc::not_finite, field(i, "donor"),
                        hsct::detail::concat({hsct::detail::format_number(p), " %"}), "0-100 %", "ENG-CHIM-001");
            return out;
        }
        hsct::criterion<chimerism_criterion> c;
        c.requirement = "ENG-CHIM-001";
        c.measured = hsct::measure::of(m.donor, hsct::units::pct);
        chimerism_category cat{};
        if (hsct::satisfies(p, full_cmp, cut)) {
            cat = chimerism_category::full;
            c.id = chimerism_criterion::full;
            c.cmp = full_cmp;
            c.threshold = cut;
            c.result = hsct::outcome::met;
        } else if (hsct::satisfies(p, hsct::comparator::less, 5.0)) {
            cat = chimerism_category::absent;
            c.id = chimerism_criterion::absent;
            c.cmp = hsct::comparator::less;
            c.threshold = 5.0;
            c.result = hsct::outcome::met;
        } else {
            cat = chimerism_category::mixed;  // neither: the full cut-off not reached, 5 % or more
            c.id = chimerism_criterion::full;
            c.cmp = full_cmp;
            c.threshold = cut;
            c.result = hsct::outcome::not_met;
        }
        all_full = all_full && cat == chimerism_category::full;
        all_absent = all_absent && cat == chimerism_category::absent;
        all_mixed = all_mixed && cat == chimerism_category::mixed;
        r.lineages.push_back(chimerism_result::lineage_result{m.lineage, cat, m.method, c});
    }
    r.overall = all_full     ? chimerism_category::full
                : all_absent ? chimerism_category::absent
                : all_mixed  ? chimerism_category::mixed
                : options.discordant == discordant_lineages::split ? chimerism_category::split
                                                                   : chimerism_category::mixed;
    return out;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_CHIMERISM_HPP
