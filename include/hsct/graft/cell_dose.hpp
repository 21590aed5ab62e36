// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Cell doses per kg of recipient weight (TNC, CD34+, CD3+) and how they compare with the cited
// minimum and optimum thresholds of a product's indication, under a named policy: the EBMT
// Handbook's chapters disagree, so each chapter is its own policy and the caller names one.
//
//   using namespace hsct::graft;
//   auto d = cell_doses_of(*p, *recipient_weight);            // result<cell_doses>, at collection
//   d->cd34->in(hsct::units::e6_per_kg);                       // 5.6
//   auto r = assess_cell_dose(*d, graft_indication::autologous_pbsc, dose_policy::hb24_ch20);
//   r->verdict;      // cell_dose_verdict::optimal; r->criteria: each threshold compared
//
// GRAFT-DOSE-001: dose = cells / recipient weight (kg), per count, at the point asked
// (collection or post-thaw; a missing count gives no dose, not 0).
// GRAFT-DOSE-002: the thresholds, each a row with its policy, indication, count, level, comparison,
// value and source (dose_thresholds):
//  - hb24_ch20 (EBMT Handbook 2024 ch. 20, Wuchter, section 20.1 and key points [V-HB24]):
//    autologous CD34+ >= 2.0 x10^6/kg minimum, 2.5-5 optimal; allogeneic >= 4.0 x10^6/kg
//    adequate in most cases (5-8 when further processing is planned: not encoded).
//  - hb24_ch41 (ch. 41, Valcarcel, Table 41.2, "a conservative proposal" [V-HB24]): peripheral
//    blood CD34+ autologous > 1 minimum, > 2 optimum; allogeneic after MAC > 2 minimum, > 4
//    optimum; after RIC > 2 minimum, 4-8 optimum; marrow TNC > 2 x10^8/kg autologous, > 3 x10^8/kg
//    allogeneic (minimum); cord blood TNC > 2.5-3 x10^7/kg (the range's lower edge, > 2.5, as
//    the minimum [P]) and CD34+ > 1 x10^5/kg.
//  - hb24_ch12 (ch. 12, Table 12.1, targets [V-HB24]): peripheral blood CD34+ 5-10 x10^6/kg;
//    marrow TNC > 2 x10^8/kg; cord blood TNC > 3 x10^7/kg. Targets are optimum rows; the
//    chapter gives no minimum.
//  - hb24_ch65 (ch. 65 section 65.1, T-depleted haploidentical grafts by CD34+ selection, the
//    Perugia concept [V-HB24]): T-cell content < 1 x10^4/kg, a maximum (CD3+ counts the T cells,
//    hsct's reading [P]); a CD34+ "megadose" printed ">1010^6/Kg" in the chapter, read as
//    > 10 x10^6/kg and marked unverified (the print is garbled).
//  - eurocord (Eurocord-style unit selection as the ASH-SAP table reproduces it, reference notes
//    7.2 [V2], marked unverified): single unit TNC >= 2.5-3 x10^7/kg (the lower edge) and CD34+
//    >= 1.5 x10^5/kg; a double cord graft, each unit TNC >= 1.5 x10^7/kg and CD34+ >= 1 x10^5/kg.
//    The table's "and/or" is read as both, the stricter reading [P].
//  No source reviewed gives a threshold for a T-replete haploidentical graft: every policy
//  answers not_applicable for it, a value.
// The reference notes' reading of ch. 41's edges (">" at each) and of "optimal 2.5-5" as
// ">= 2.5 optimal, <= 5 its upper edge" are hsct's [P]; each row carries its source.
// GRAFT-DOSE-003: the verdict: not_applicable when the policy has no row for the indication (a
// value); unknown when a count a row needs is missing; below_minimum when a minimum is not met;
// else optimal when every optimum row is met (above_optimal_range when an optimum's upper edge
// is passed), below_optimum when one is not, adequate when the policy gives only minima (and
// maxima); above_maximum when a maximum is passed (after below_minimum, before unknown).
// Not encoded: the older Eurocord rule of HB24 ch. 12 ("> 2.5 x10^7/kg or 2 x10^5 CD34+/kg", an
// either-or); CD3+ risk strata of T-depleted sibling grafts (Urbano-Ispizua 2002: strata, not
// limits).
#ifndef HSCT_GRAFT_CELL_DOSE_HPP
#define HSCT_GRAFT_CELL_DOSE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/graft/product.hpp"
#include "hsct/graft/vocabulary.hpp"
#include "hsct/patient/body_size.hpp"

namespace hsct::graft {

/// GRAFT-DOSE-001: a product's doses per kg of recipient weight.
struct cell_doses {
    count_point point = count_point::collection;
    hsct::mass recipient_weight;
    std::optional<hsct::cell_dose> tnc;
    std::optional<hsct::cell_dose> cd34;
    std::optional<hsct::cell_dose> cd3;
};

/// GRAFT-DOSE-001: the doses at a point. Error: post-thaw doses of a product with no post-thaw
/// counts (missing, field "product.post_thaw").
template <class = void>
[[nodiscard]] result<cell_doses> cell_doses_of(const product& p, const hsct::patient::body_weight& recipient,
                                               count_point at = count_point::collection) {
    if (auto e = hsct::detail::check_enum(at, "at")) {
        return *e;
    }
    const cell_counts* c = p.counts(at);
    if (c == nullptr) {
        return error(errc::missing, "product.post_thaw", "(none)", "post-thaw counts of the product",
                     "GRAFT-DOSE-001");
    }
    cell_doses d;
    d.point = at;
    d.recipient_weight = recipient.as_mass();
    const auto per_kg = [&](const std::optional<hsct::cell_count>& n) -> std::optional<hsct::cell_dose> {
        if (!n) {
            return std::nullopt;
        }
        return *n / recipient.as_mass();
    };
    d.tnc = per_kg(c->tnc);
    d.cd34 = per_kg(c->cd34);
    d.cd3 = per_kg(c->cd3);
    return d;
}

/// GRAFT-DOSE-002: what a product is given for.
enum class graft_indication : std::uint8_t {
    autologous_pbsc = 1,
    allogeneic_pbsc_mac = 2,  ///< after myeloablative conditioning
    allogeneic_pbsc_ric = 3,  ///< after reduced-intensity conditioning
    autologous_marrow = 4,
    allogeneic_marrow = 5,
    cord_blood_single = 6,       ///< a single cord blood unit
    cord_blood_double_unit = 7,  ///< one unit of a double cord graft (each unit assessed alone)
    haplo_t_depleted = 8,        ///< haploidentical, ex vivo T-depleted by CD34+ selection
    haplo_t_replete = 9,         ///< haploidentical, T-replete (in vivo depletion, e.g. PTCy)
};

constexpr auto hsct_enum_table(graft_indication) noexcept {
    using g = graft_indication;
    return make_enum_table<graft_indication>("graft_indication", {
        {g::autologous_pbsc, "autologous_pbsc", "autologous peripheral blood"},
        {g::allogeneic_pbsc_mac, "allogeneic_pbsc_mac", "allogeneic peripheral blood after MAC"},
        {g::allogeneic_pbsc_ric, "allogeneic_pbsc_ric", "allogeneic peripheral blood after RIC"},
        {g::autologous_marrow, "autologous_marrow", "autologous bone marrow"},
        {g::allogeneic_marrow, "allogeneic_marrow", "allogeneic bone marrow"},
        {g::cord_blood_single, "cord_blood_single", "single cord blood unit"},
        {g::cord_blood_double_unit, "cord_blood_double_unit", "one unit of a double cord blood graft"},
        {g::haplo_t_depleted, "haplo_t_depleted", "haploidentical, T-depleted (CD34+ selected)"},
        {g::haplo_t_replete, "haplo_t_replete", "haploidentical, T-replete"},
    });
}

/// GRAFT-DOSE-002: whose thresholds (the chapters disagree; there is no default).
enum class dose_policy : std::uint8_t {
    hb24_ch20 = 1,  ///< EBMT Handbook 2024 ch. 20 (Wuchter)
    hb24_ch41 = 2,  ///< EBMT Handbook 2024 ch. 41, Table 41.2 (Valcarcel)
    hb24_ch12 = 3,  ///< EBMT Handbook 2024 ch. 12, Table 12.1 (targets)
    hb24_ch65 = 4,  ///< EBMT Handbook 2024 ch. 65 section 65.1 (T-depleted haploidentical grafts)
    eurocord = 5,   ///< Eurocord-style cord unit selection, as ASH-SAP reproduces it [V2]
};

constexpr auto hsct_enum_table(dose_policy) noexcept {
    return make_enum_table<dose_policy>("dose_policy", {
        {dose_policy::hb24_ch20, "hb24_ch20", "EBMT Handbook 2024 ch. 20 (Wuchter)"},
        {dose_policy::hb24_ch41, "hb24_ch41", "EBMT Handbook 2024 ch. 41, Table 41.2 (Valcarcel)"},
        {dose_policy::hb24_ch12, "hb24_ch12", "EBMT Handbook 2024 ch. 12, Table 12.1 (targets)"},
        {dose_policy::hb24_ch65, "hb24_ch65", "EBMT Handbook 2024 ch. 65 section 65.1 (T-depleted haplo)"},
        {dose_policy::eurocord, "eurocord", "Eurocord cord unit selection (ASH-SAP reproduction)"},
    });
}

/// GRAFT-DOSE-002: a row's role.
enum class threshold_level : std::uint8_t {
    minimum = 1,        ///< below it the dose is insufficient
    optimum = 2,        ///< at or above it the dose is optimal (the optimum range's lower edge)
    optimum_upper = 3,  ///< the optimum range's upper edge
    maximum = 4,        ///< a ceiling: above it the dose is too high (CD3+ of a T-depleted graft)
};

constexpr auto hsct_enum_table(threshold_level) noexcept {
    return make_enum_table<threshold_level>("threshold_level", {
        {threshold_level::minimum, "minimum", "minimum"},
        {threshold_level::optimum, "optimum", "optimum"},
        {threshold_level::optimum_upper, "optimum_upper", "upper edge of the optimum range"},
        {threshold_level::maximum, "maximum", "maximum"},
    });
}

/// The count a dose is of.
enum class cell_measure : std::uint8_t { tnc = 1, cd34 = 2, cd3 = 3 };

constexpr auto hsct_enum_table(cell_measure) noexcept {
    return make_enum_table<cell_measure>("cell_measure", {
        {cell_measure::tnc, "tnc", "TNC"},
        {cell_measure::cd34, "cd34", "CD34+"},
        {cell_measure::cd3, "cd3", "CD3+"},
    });
}

/// GRAFT-DOSE-002: one threshold.
struct dose_threshold {
    dose_policy policy{};
    graft_indication indication{};
    cell_measure measure{};
    threshold_level level{};
    hsct::comparator cmp{};
    hsct::cell_dose dose;
    const char* source{};
    /// false: hsct's reading of a secondary or garbled source (the criterion says so).
    bool verified = true;
};

/// GRAFT-DOSE-002: every threshold hsct ships, with its source (see the header comment).
inline constexpr dose_threshold dose_thresholds[] = {
    // ch. 20 (Wuchter), section 20.1 and key points
    {dose_policy::hb24_ch20, graft_indication::autologous_pbsc, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater_equal, hsct::cell_dose{2.0, hsct::units::e6_per_kg}, "HB24 ch. 20 section 20.1: autologous minimum >= 2.0 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch20, graft_indication::autologous_pbsc, cell_measure::cd34, threshold_level::optimum,
     hsct::comparator::greater_equal, hsct::cell_dose{2.5, hsct::units::e6_per_kg}, "HB24 ch. 20 section 20.1: 2.5-5 x10^6/kg regarded as optimal"},
    {dose_policy::hb24_ch20, graft_indication::autologous_pbsc, cell_measure::cd34, threshold_level::optimum_upper,
     hsct::comparator::less_equal, hsct::cell_dose{5.0, hsct::units::e6_per_kg}, "HB24 ch. 20 section 20.1: 2.5-5 x10^6/kg regarded as optimal"},
    {dose_policy::hb24_ch20, graft_indication::allogeneic_pbsc_mac, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater_equal, hsct::cell_dose{4.0, hsct::units::e6_per_kg}, "HB24 ch. 20 section 20.1: allogeneic >= 4.0 x10^6/kg adequate"},
    {dose_policy::hb24_ch20, graft_indication::allogeneic_pbsc_ric, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater_equal, hsct::cell_dose{4.0, hsct::units::e6_per_kg}, "HB24 ch. 20 section 20.1: allogeneic >= 4.0 x10^6/kg adequate"},
    // ch. 41 (Valcarcel), Table 41.2
    {dose_policy::hb24_ch41, graft_indication::autologous_pbsc, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater, hsct::cell_dose{1.0, hsct::units::e6_per_kg}, "HB24 ch. 41 Table 41.2: PB autologous minimum > 1 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch41, graft_indication::autologous_pbsc, cell_measure::cd34, threshold_level::optimum,
     hsct::comparator::greater, hsct::cell_dose{2.0, hsct::units::e6_per_kg}, "HB24 ch. 41 Table 41.2: PB autologous optimum > 2 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch41, graft_indication::allogeneic_pbsc_mac, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater, hsct::cell_dose{2.0, hsct::units::e6_per_kg}, "HB24 ch. 41 Table 41.2: PB allogeneic MAC minimum > 2 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch41, graft_indication::allogeneic_pbsc_mac, cell_measure::cd34, threshold_level::optimum,
     hsct::comparator::greater, hsct::cell_dose{4.0, hsct::units::e6_per_kg}, "HB24 ch. 41 Table 41.2: PB allogeneic MAC optimum > 4 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch41, graft_indication::allogeneic_pbsc_ric, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater, hsct::cell_dose{2.0, hsct::units::e6_per_kg}, "HB24 ch. 41 Table 41.2: PB allogeneic RIC minimum > 2 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch41, graft_indication::allogeneic_pbsc_ric, cell_measure::cd34, threshold_level::optimum,
     hsct::comparator::greater_equal, hsct::cell_dose{4.0, hsct::units::e6_per_kg}, "HB24 ch. 41 Table 41.2: PB allogeneic RIC optimum 4-8 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch41, graft_indication::allogeneic_pbsc_ric, cell_measure::cd34, threshold_level::optimum_upper,
     hsct::comparator::less_equal, hsct::cell_dose{8.0, hsct::units::e6_per_kg}, "HB24 ch. 41 Table 41.2: PB allogeneic RIC optimum 4-8 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch41, graft_indication::autologous_marrow, cell_measure::tnc, threshold_level::minimum,
     hsct::comparator::greater, hsct::cell_dose{2.0, hsct::units::e8_per_kg}, "HB24 ch. 41 Table 41.2: marrow autologous TNC 2 x10^8/kg"},
    {dose_policy::hb24_ch41, graft_indication::allogeneic_marrow, cell_measure::tnc, threshold_level::minimum,
     hsct::comparator::greater, hsct::cell_dose{3.0, hsct::units::e8_per_kg}, "HB24 ch. 41 Table 41.2: marrow allogeneic TNC 3 x10^8/kg"},
    {dose_policy::hb24_ch41, graft_indication::cord_blood_single, cell_measure::tnc, threshold_level::minimum,
     hsct::comparator::greater, hsct::cell_dose{2.5, hsct::units::e7_per_kg}, "HB24 ch. 41 Table 41.2: cord blood TNC > 2.5-3 x10^7/kg (the range's lower edge)"},
    {dose_policy::hb24_ch41, graft_indication::cord_blood_single, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater, hsct::cell_dose{1e5, hsct::units::cells_per_kg}, "HB24 ch. 41 Table 41.2: cord blood CD34+ > 1 x10^5/kg"},
    // ch. 12, Table 12.1 (targets)
    {dose_policy::hb24_ch12, graft_indication::autologous_pbsc, cell_measure::cd34, threshold_level::optimum,
     hsct::comparator::greater_equal, hsct::cell_dose{5.0, hsct::units::e6_per_kg}, "HB24 ch. 12 Table 12.1: PB target 5-10 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch12, graft_indication::autologous_pbsc, cell_measure::cd34, threshold_level::optimum_upper,
     hsct::comparator::less_equal, hsct::cell_dose{10.0, hsct::units::e6_per_kg}, "HB24 ch. 12 Table 12.1: PB target 5-10 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch12, graft_indication::allogeneic_pbsc_mac, cell_measure::cd34, threshold_level::optimum,
     hsct::comparator::greater_equal, hsct::cell_dose{5.0, hsct::units::e6_per_kg}, "HB24 ch. 12 Table 12.1: PB target 5-10 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch12, graft_indication::allogeneic_pbsc_mac, cell_measure::cd34, threshold_level::optimum_upper,
     hsct::comparator::less_equal, hsct::cell_dose{10.0, hsct::units::e6_per_kg}, "HB24 ch. 12 Table 12.1: PB target 5-10 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch12, graft_indication::allogeneic_pbsc_ric, cell_measure::cd34, threshold_level::optimum,
     hsct::comparator::greater_equal, hsct::cell_dose{5.0, hsct::units::e6_per_kg}, "HB24 ch. 12 Table 12.1: PB target 5-10 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch12, graft_indication::allogeneic_pbsc_ric, cell_measure::cd34, threshold_level::optimum_upper,
     hsct::comparator::less_equal, hsct::cell_dose{10.0, hsct::units::e6_per_kg}, "HB24 ch. 12 Table 12.1: PB target 5-10 x10^6 CD34+/kg"},
    {dose_policy::hb24_ch12, graft_indication::autologous_marrow, cell_measure::tnc, threshold_level::optimum,
     hsct::comparator::greater, hsct::cell_dose{2.0, hsct::units::e8_per_kg}, "HB24 ch. 12 Table 12.1: marrow target > 2 x10^8 TNC/kg"},
    {dose_policy::hb24_ch12, graft_indication::allogeneic_marrow, cell_measure::tnc, threshold_level::optimum,
     hsct::comparator::greater, hsct::cell_dose{2.0, hsct::units::e8_per_kg}, "HB24 ch. 12 Table 12.1: marrow target > 2 x10^8 TNC/kg"},
    {dose_policy::hb24_ch12, graft_indication::cord_blood_single, cell_measure::tnc, threshold_level::optimum,
     hsct::comparator::greater, hsct::cell_dose{3.0, hsct::units::e7_per_kg}, "HB24 ch. 12 Table 12.1: cord blood target > 3 x10^7 TNC/kg"},
    // ch. 65 (T-depleted haploidentical grafts), section 65.1 and 65.1.1
    {dose_policy::hb24_ch65, graft_indication::haplo_t_depleted, cell_measure::cd3, threshold_level::maximum,
     hsct::comparator::less, hsct::cell_dose{1e4, hsct::units::cells_per_kg}, "HB24 ch. 65 section 65.1: T-cell content < 1 x10^4/kg of recipient weight"},
    {dose_policy::hb24_ch65, graft_indication::haplo_t_depleted, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater, hsct::cell_dose{10.0, hsct::units::e6_per_kg}, "HB24 ch. 65 section 65.1.1: a CD34+ megadose, printed \">1010^6/Kg\", read as > 10 x10^6/kg", false},
    // Eurocord-style unit selection (ASH-SAP reproduction; "and/or" read as both [P])
    {dose_policy::eurocord, graft_indication::cord_blood_single, cell_measure::tnc, threshold_level::minimum,
     hsct::comparator::greater_equal, hsct::cell_dose{2.5, hsct::units::e7_per_kg}, "Eurocord via ASH-SAP: single unit TNC >= 2.5-3 x10^7/kg (the range's lower edge)", false},
    {dose_policy::eurocord, graft_indication::cord_blood_single, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater_equal, hsct::cell_dose{1.5e5, hsct::units::cells_per_kg}, "Eurocord via ASH-SAP: single unit CD34+ >= 1.5 x10^5/kg", false},
    {dose_policy::eurocord, graft_indication::cord_blood_double_unit, cell_measure::tnc, threshold_level::minimum,
     hsct::comparator::greater_equal, hsct::cell_dose{1.5, hsct::units::e7_per_kg}, "Eurocord via ASH-SAP: double cord, each unit TNC >= 1.5 x10^7/kg", false},
    {dose_policy::eurocord, graft_indication::cord_blood_double_unit, cell_measure::cd34, threshold_level::minimum,
     hsct::comparator::greater_equal, hsct::cell_dose{1e5, hsct::units::cells_per_kg}, "Eurocord via ASH-SAP: double cord, each unit CD34+ >= 1 x10^5/kg", false},
};

namespace detail {
/// The rows of dose_thresholds by (policy, indication), in table order, built at compile time,
/// so a call reads at most 4 rows instead of scanning the table.
inline void a_policy_has_more_than_four_rows_for_one_indication() noexcept {}
struct dose_row_set {
    std::uint8_t n = 0;
    std::array<std::uint8_t, 4> row{};
};
struct dose_row_index {
    std::array<std::array<dose_row_set, 16>, 16> at{};  // [policy][indication]; codes below 16
};
[[nodiscard]] consteval dose_row_index make_dose_row_index() {
    dose_row_index x;
    for (std::size_t i = 0; i < sizeof(dose_thresholds) / sizeof(dose_thresholds[0]); ++i) {
        const auto& t = dose_thresholds[i];
        auto& set = x.at[static_cast<std::size_t>(t.policy)][static_cast<std::size_t>(t.indication)];
        if (set.n == 4) {
            a_policy_has_more_than_four_rows_for_one_indication();  // not constexpr: a compile error here
        }
        set.row[set.n++] = static_cast<std::uint8_t>(i);
    }
    return x;
}
inline constexpr dose_row_index dose_rows = make_dose_row_index();
}  // namespace detail

/// GRAFT-DOSE-003: how a product's doses compare with the policy's thresholds.
enum class cell_dose_verdict : std::uint8_t {
    below_minimum = 1,
    adequate = 2,             ///< every minimum met; the policy gives no optimum
    below_optimum = 3,        ///< every minimum met (or none given), an optimum not
    optimal = 4,
    above_optimal_range = 5,  ///< optimum met, its upper edge passed
    unknown = 6,              ///< a count a threshold needs is missing
    not_applicable = 7,       ///< the policy has no threshold for this indication
    above_maximum = 8,        ///< a ceiling passed (CD3+ of a T-depleted graft)
};

constexpr auto hsct_enum_table(cell_dose_verdict) noexcept {
    using v = cell_dose_verdict;
    return make_enum_table<cell_dose_verdict>("cell_dose_verdict", {
        {v::below_minimum, "below_minimum", "below the minimum"},
        {v::adequate, "adequate", "at least the minimum"},
        {v::below_optimum, "below_optimum", "below the optimum"},
        {v::optimal, "optimal", "optimal"},
        {v::above_optimal_range, "above_optimal_range", "above the optimum range"},
        {v::unknown, "unknown", "unknown (a count is missing)"},
        {v::not_applicable, "not_applicable", "no threshold for this indication in the policy"},
        {v::above_maximum, "above_maximum", "above the maximum"},
    });
}

/// GRAFT-DOSE-003: the criteria: a count's dose against a level (the row's comparison and source
/// are on dose_thresholds, indexed by cell_dose_result::rows).
enum class cell_dose_criterion : std::uint8_t {
    tnc_minimum = 1,
    tnc_optimum = 2,
    tnc_optimum_upper = 3,
    cd34_minimum = 4,
    cd34_optimum = 5,
    cd34_optimum_upper = 6,
    cd3_minimum = 7,
    cd3_optimum = 8,
    cd3_optimum_upper = 9,
    tnc_maximum = 10,
    cd34_maximum = 11,
    cd3_maximum = 12,
};

constexpr auto hsct_enum_table(cell_dose_criterion) noexcept {
    using c = cell_dose_criterion;
    return make_enum_table<cell_dose_criterion>("cell_dose_criterion", {
        {c::tnc_minimum, "tnc_minimum", "TNC dose against the minimum"},
        {c::tnc_optimum, "tnc_optimum", "TNC dose against the optimum"},
        {c::tnc_optimum_upper, "tnc_optimum_upper", "TNC dose against the optimum range's upper edge"},
        {c::cd34_minimum, "cd34_minimum", "CD34+ dose against the minimum"},
        {c::cd34_optimum, "cd34_optimum", "CD34+ dose against the optimum"},
        {c::cd34_optimum_upper, "cd34_optimum_upper", "CD34+ dose against the optimum range's upper edge"},
        {c::cd3_minimum, "cd3_minimum", "CD3+ dose against the minimum"},
        {c::cd3_optimum, "cd3_optimum", "CD3+ dose against the optimum"},
        {c::cd3_optimum_upper, "cd3_optimum_upper", "CD3+ dose against the optimum range's upper edge"},
        {c::tnc_maximum, "tnc_maximum", "TNC dose against the maximum"},
        {c::cd34_maximum, "cd34_maximum", "CD34+ dose against the maximum"},
        {c::cd3_maximum, "cd3_maximum", "CD3+ dose against the maximum"},
    });
}

/// The criterion of a count at a level.
[[nodiscard]] constexpr cell_dose_criterion criterion_of(cell_measure m, threshold_level l) noexcept {
    if (l == threshold_level::maximum) {
        return static_cast<cell_dose_criterion>(9 + static_cast<int>(m));
    }
    return static_cast<cell_dose_criterion>((static_cast<int>(m) - 1) * 3 + static_cast<int>(l));
}

/// GRAFT-DOSE-003: the verdict, the criterion that decided it, every threshold compared (in
/// x10^6/kg; a missing count is recorded as missing, outcome unknown).
struct cell_dose_result {
    cell_dose_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions §5
    cell_dose_verdict verdict = cell_dose_verdict::not_applicable;
    graft_indication indication = graft_indication::autologous_pbsc;
    dose_policy policy = dose_policy::hb24_ch20;
    count_point point = count_point::collection;
    std::optional<cell_dose_criterion> decided_by;
    hsct::fixed_list<hsct::criterion<cell_dose_criterion>, 4> criteria;
    /// For each criterion, its row in dose_thresholds (the source text).
    hsct::fixed_list<std::uint8_t, 4> rows;
    [[nodiscard]] const dose_threshold& threshold_of(std::size_t k) const noexcept { return dose_thresholds[rows[k]]; }
};

/// GRAFT-DOSE-002/003: a product's doses against a policy's thresholds for an indication.
/// Errors: an undeclared indication or policy number (out_of_range, CORE-ENUM-002).
template <class = void>
[[nodiscard]] result<cell_dose_result> assess_cell_dose(const cell_doses& d, graft_indication indication,
                                                        dose_policy policy) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<cell_dose_result> out(std::in_place);
    if (auto e = hsct::detail::check_enum(indication, "indication")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(policy, "policy")) {
        out = std::move(*e);
        return out;
    }
    out->indication = indication;
    out->policy = policy;
    out->point = d.point;
    bool unknown = false;
    std::optional<cell_dose_criterion> failed_min;
    std::optional<cell_dose_criterion> failed_max;
    std::optional<cell_dose_criterion> failed_opt;
    std::optional<cell_dose_criterion> passed_upper;
    std::optional<cell_dose_criterion> last_opt;
    std::optional<cell_dose_criterion> last_min;
    const auto pi = static_cast<std::size_t>(policy);
    const auto ii = static_cast<std::size_t>(indication);
    const detail::dose_row_set& set = detail::dose_rows.at[pi < 16 ? pi : 0][ii < 16 ? ii : 0];
    for (std::size_t k = 0; k < set.n; ++k) {
        const std::size_t i = set.row[k];
        const auto& t = dose_thresholds[i];
        hsct::criterion<cell_dose_criterion> c;
        c.id = criterion_of(t.measure, t.level);
        c.cmp = t.cmp;
        c.requirement = "GRAFT-DOSE-002";
        c.verified = t.verified;
        c.threshold = t.dose.in(hsct::units::e6_per_kg);
        const auto& dose = t.measure == cell_measure::tnc ? d.tnc : t.measure == cell_measure::cd34 ? d.cd34 : d.cd3;
        if (!dose) {
            unknown = true;
            c.measured = hsct::measure::missing(t.measure);
            c.result = hsct::outcome::unknown;
        } else {
            c.measured = hsct::measure::of(*dose, hsct::units::e6_per_kg);
            const bool met = hsct::satisfies(c.measured.number(), t.cmp, c.threshold);
            c.result = met ? hsct::outcome::met : hsct::outcome::not_met;
            auto& first = t.level == threshold_level::minimum   ? failed_min
                          : t.level == threshold_level::maximum ? failed_max
                          : t.level == threshold_level::optimum ? failed_opt
                                                                : passed_upper;
            if (!met && !first) {
                first = c.id;
            }
        }
        if (t.level == threshold_level::minimum || t.level == threshold_level::maximum) {
            last_min = c.id;
        } else if (t.level == threshold_level::optimum) {
            last_opt = c.id;
        }
        out->criteria.push_back(c);
        out->rows.push_back(static_cast<std::uint8_t>(i));
    }
    if (out->criteria.empty()) {
        out->verdict = cell_dose_verdict::not_applicable;
    } else if (failed_min) {
        out->verdict = cell_dose_verdict::below_minimum;
        out->decided_by = failed_min;
    } else if (failed_max) {
        out->verdict = cell_dose_verdict::above_maximum;
        out->decided_by = failed_max;
    } else if (unknown) {
        out->verdict = cell_dose_verdict::unknown;
    } else if (failed_opt) {
        out->verdict = cell_dose_verdict::below_optimum;
        out->decided_by = failed_opt;
    } else if (passed_upper) {
        out->verdict = cell_dose_verdict::above_optimal_range;
        out->decided_by = passed_upper;
    } else if (last_opt) {
        out->verdict = cell_dose_verdict::optimal;
        out->decided_by = last_opt;
    } else {
        out->verdict = cell_dose_verdict::adequate;
        out->decided_by = last_min;
    }
    return out;
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_CELL_DOSE_HPP
