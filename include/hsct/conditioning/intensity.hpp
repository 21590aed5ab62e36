// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Conditioning intensity of a regimen: myeloablative (MAC), reduced-intensity (RIC) or
// non-myeloablative (NMA), under a named rule set, with the agent and threshold that decided;
// and the grouping of an EBMT Transplant Conditioning Intensity (TCI) total.
//
//   using namespace hsct::conditioning;
//   auto r = assess_intensity(regimens::flu_bu2());     // result<intensity_result>
//   r->intensity;       // conditioning_intensity::reduced_intensity
//   r->decided_by;      // intensity_criterion::busulfan_mac (not met: 8.0 mg/kg oral-eq, > 8 needed)
//   r->criteria;        // every threshold compared, with the agent's total and the threshold
//   tci_group_of(3.0);  // tci_group::intermediate
//
// Rule sets (intensity_options::rules):
//  - COND-INT-001 `bacigalupo_2009` (default; Bacigalupo et al., BBMT 2009;15:1628): MAC when
//    TBI >= 5 Gy in one fraction or >= 8 Gy fractionated (HB24 ch. 13 section 13.2 [V-HB24],
//    both bounds inclusive) or busulfan > 8 mg/kg oral or its IV equivalent (> 6.4 mg/kg IV;
//    the reference notes' recollection of the paper's table [M]); NMA when TBI, if any, is at
//    most 2 Gy and the only other agents are fludarabine, cyclophosphamide and serotherapy (ATG,
//    alemtuzumab) (the Champlin criteria as Bacigalupo uses them, [M]); RIC otherwise.
//  - COND-INT-002 `cibmtr_workshop_2009` (Giralt et al., BBMT 2009;15:367 [V]): RIC when every
//    agent is under the workshop's limit (TBI < 5 Gy single or < 8 Gy fractionated, busulfan
//    < 9 mg/kg oral-equivalent, melphalan < 140 mg/m2, thiotepa < 10 mg/kg), MAC otherwise; this
//    rule set has no NMA. Melphalan exactly 140 mg/m2 is a named policy (melphalan_140_policy):
//    RIC by default, as Flu/Mel 140 is conventionally called (HB24 ch. 13 section 13.4: Flu/Mel
//    is RIC), or MAC by the workshop's literal "< 140".
//  Oral-equivalent busulfan is IV / 0.8 (BMT CTN 0201: 14 mg/kg oral or 11.2 mg/kg IV [V2]).
//  Only conditioning counts: components up to Day 0 (post-transplant cyclophosphamide is GVHD
//  prophylaxis).
//  - COND-INT-003: TCI groups of a total (Spyridonidis et al., BMT 2020;55:1114 [V]): low 1-2,
//    intermediate 2.5-3.5, high 4-6; a total outside 1-6 is `outside_derived_range`. The
//    per-agent weights were not retrieved [X]: hsct does not ship them.
//  - COND-INT-004: the TCI score of a regimen under a weight table the caller builds from a
//    verified copy of the paper (make_tci_weights: agent, total band, weight; assess_tci: the
//    sum, its group, each agent's part, the agents not scored).
#ifndef HSCT_CONDITIONING_INTENSITY_HPP
#define HSCT_CONDITIONING_INTENSITY_HPP

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/conditioning/agent.hpp"
#include "hsct/conditioning/regimen.hpp"
#include "hsct/conditioning/vocabulary.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"

namespace hsct::conditioning {

/// Conditioning intensity (Bacigalupo 2009 functional definitions; HB24 ch. 13).
enum class conditioning_intensity : std::uint8_t {
    myeloablative = 1,
    reduced_intensity = 2,
    non_myeloablative = 3,
};

constexpr auto hsct_enum_table(conditioning_intensity) noexcept {
    return make_enum_table<conditioning_intensity>("conditioning_intensity", {
        {conditioning_intensity::myeloablative, "myeloablative", "myeloablative (MAC)"},
        {conditioning_intensity::reduced_intensity, "reduced_intensity", "reduced-intensity (RIC)"},
        {conditioning_intensity::non_myeloablative, "non_myeloablative", "non-myeloablative (NMA)"},
    });
}

/// The rule set (COND-INT-001/002).
enum class intensity_rule_set : std::uint8_t { bacigalupo_2009 = 1, cibmtr_workshop_2009 = 2 };

constexpr auto hsct_enum_table(intensity_rule_set) noexcept {
    return make_enum_table<intensity_rule_set>("intensity_rule_set", {
        {intensity_rule_set::bacigalupo_2009, "bacigalupo_2009", "Bacigalupo 2009 (MAC / RIC / NMA)"},
        {intensity_rule_set::cibmtr_workshop_2009, "cibmtr_workshop_2009", "CIBMTR workshop, Giralt 2009 (RIC / MAC)"},
    });
}

/// COND-INT-002: melphalan exactly 140 mg/m2 under the workshop rule set.
enum class melphalan_140_policy : std::uint8_t {
    reduced_intensity = 1,  ///< default: Flu/Mel 140 is conventionally RIC (HB24 ch. 13)
    myeloablative = 2,      ///< the workshop's literal "< 140 mg/m2 is RIC"
};

constexpr auto hsct_enum_table(melphalan_140_policy) noexcept {
    return make_enum_table<melphalan_140_policy>("melphalan_140_policy", {
        {melphalan_140_policy::reduced_intensity, "reduced_intensity", "melphalan 140 mg/m2 is RIC (convention)"},
        {melphalan_140_policy::myeloablative, "myeloablative", "melphalan 140 mg/m2 is MAC (literal < 140)"},
    });
}

/// The criteria of assess_intensity.
enum class intensity_criterion : std::uint8_t {
    tbi_single_fraction_mac = 1,  ///< Bacigalupo: TBI >= 5 Gy in one fraction
    tbi_fractionated_mac = 2,     ///< Bacigalupo: TBI >= 8 Gy fractionated
    busulfan_mac = 3,             ///< Bacigalupo: busulfan > 8 mg/kg oral-equivalent
    nma_tbi_at_most_2_gy = 4,     ///< Bacigalupo NMA: TBI, if any, <= 2 Gy
    nma_agents_only = 5,          ///< Bacigalupo NMA: only Flu, Cy, ATG, alemtuzumab besides TBI
    ric_tbi_single_fraction = 6,  ///< workshop: TBI < 5 Gy in one fraction
    ric_tbi_fractionated = 7,     ///< workshop: TBI < 8 Gy fractionated
    ric_busulfan = 8,             ///< workshop: busulfan < 9 mg/kg oral-equivalent
    ric_melphalan = 9,            ///< workshop: melphalan < 140 mg/m2 (140 by policy)
    ric_thiotepa = 10,            ///< workshop: thiotepa < 10 mg/kg
};

constexpr auto hsct_enum_table(intensity_criterion) noexcept {
    using c = intensity_criterion;
    return make_enum_table<intensity_criterion>("intensity_criterion", {
        {c::tbi_single_fraction_mac, "tbi_single_fraction_mac", "TBI of 5 Gy or more in one fraction (MAC)"},
        {c::tbi_fractionated_mac, "tbi_fractionated_mac", "fractionated TBI of 8 Gy or more (MAC)"},
        {c::busulfan_mac, "busulfan_mac", "busulfan above 8 mg/kg oral-equivalent (MAC)"},
        {c::nma_tbi_at_most_2_gy, "nma_tbi_at_most_2_gy", "TBI, if any, of 2 Gy or less (NMA)"},
        {c::nma_agents_only, "nma_agents_only", "no agent but fludarabine, cyclophosphamide, ATG or alemtuzumab besides TBI (NMA)"},
        {c::ric_tbi_single_fraction, "ric_tbi_single_fraction", "TBI under 5 Gy in one fraction (RIC)"},
        {c::ric_tbi_fractionated, "ric_tbi_fractionated", "fractionated TBI under 8 Gy (RIC)"},
        {c::ric_busulfan, "ric_busulfan", "busulfan under 9 mg/kg oral-equivalent (RIC)"},
        {c::ric_melphalan, "ric_melphalan", "melphalan under 140 mg/m2 (RIC)"},
        {c::ric_thiotepa, "ric_thiotepa", "thiotepa under 10 mg/kg (RIC)"},
    });
}

/// The options.
struct intensity_options {
    intensity_rule_set rules = intensity_rule_set::bacigalupo_2009;
    melphalan_140_policy melphalan_140 = melphalan_140_policy::reduced_intensity;
};

/// COND-INT-001/002: thresholds (the Bacigalupo TBI bounds [V-HB24]; busulfan > 8 [M]; the
/// workshop limits [V]).
inline constexpr double tbi_mac_single_gy = 5.0;
inline constexpr double tbi_mac_fractionated_gy = 8.0;
inline constexpr double tbi_nma_max_gy = 2.0;
inline constexpr double busulfan_mac_oral_mg_per_kg = 8.0;
inline constexpr double busulfan_ric_oral_mg_per_kg = 9.0;
inline constexpr double melphalan_ric_mg_per_m2 = 140.0;
inline constexpr double thiotepa_ric_mg_per_kg = 10.0;
/// IV busulfan x 1/0.8 = oral equivalent (BMT CTN 0201 [V2]).
inline constexpr double busulfan_iv_to_oral = 1.0 / 0.8;

/// The answer: the intensity, the rule set, the criterion that decided, and every criterion.
struct intensity_result {
    conditioning_intensity intensity = conditioning_intensity::reduced_intensity;
    intensity_options options;
    /// The criterion that decided (for RIC under Bacigalupo: the last MAC/NMA test not met).
    intensity_criterion decided_by = intensity_criterion::busulfan_mac;
    hsct::fixed_list<hsct::criterion<intensity_criterion>, 8> criteria;
};

/// COND-INT-001/002: the intensity of a regimen (its components up to Day 0).
template <class = void>
[[nodiscard]] result<intensity_result> assess_intensity(const regimen& r,
                                                        const intensity_options& options = {}) {
    using hsct::detail::check_enum;
    if (auto e = check_enum(options.rules, "options.rules")) {
        return *e;
    }
    if (auto e = check_enum(options.melphalan_140, "options.melphalan_140")) {
        return *e;
    }
    intensity_result out;
    out.options = options;
    const auto tbi = r.total(agent::tbi);
    const bool single = tbi.days > 0 && tbi.fractions == 1;
    const double bu_oral = r.total(agent::busulfan_oral).amount +
                           r.total(agent::busulfan_iv).amount * busulfan_iv_to_oral;
    const double mel = r.total(agent::melphalan).amount;
    const double tt = r.total(agent::thiotepa).amount;
    const auto gy = [](double v) { return hsct::measure::of(hsct::radiation_dose(v, hsct::units::Gy), hsct::units::Gy); };
    const auto mgkg = [](double v) { return hsct::measure::of(hsct::dose_per_mass(v, hsct::units::mg_per_kg), hsct::units::mg_per_kg); };
    const auto mgm2 = [](double v) { return hsct::measure::of(hsct::dose_per_area(v, hsct::units::mg_per_m2), hsct::units::mg_per_m2); };
    const auto add = [&](intensity_criterion id, bool met, comparator cmp, double t, hsct::measure m,
                         bool verified, const char* req) {
        out.criteria.emplace_back(id, met ? outcome::met : outcome::not_met, cmp, verified, req, m, t);
        return met;
    };
    if (options.rules == intensity_rule_set::bacigalupo_2009) {
        if (tbi.days > 0) {
            const bool mac_tbi =
                single ? add(intensity_criterion::tbi_single_fraction_mac,
                             hsct::satisfies(tbi.amount, comparator::greater_equal, tbi_mac_single_gy),
                             comparator::greater_equal, tbi_mac_single_gy, gy(tbi.amount), true, "COND-INT-001")
                       : add(intensity_criterion::tbi_fractionated_mac,
                             hsct::satisfies(tbi.amount, comparator::greater_equal, tbi_mac_fractionated_gy),
                             comparator::greater_equal, tbi_mac_fractionated_gy, gy(tbi.amount), true, "COND-INT-001");
            if (mac_tbi) {
                out.intensity = conditioning_intensity::myeloablative;
                out.decided_by = single ? intensity_criterion::tbi_single_fraction_mac
                                        : intensity_criterion::tbi_fractionated_mac;
                return out;
            }
        }
        if (bu_oral > 0.0) {
            if (add(intensity_criterion::busulfan_mac,
                    hsct::satisfies(bu_oral, comparator::greater, busulfan_mac_oral_mg_per_kg),
                    comparator::greater, busulfan_mac_oral_mg_per_kg, mgkg(bu_oral), false, "COND-INT-001")) {
                out.intensity = conditioning_intensity::myeloablative;
                out.decided_by = intensity_criterion::busulfan_mac;
                return out;
            }
        }
        const bool low_tbi = add(intensity_criterion::nma_tbi_at_most_2_gy,
                                 tbi.days == 0 || hsct::satisfies(tbi.amount, comparator::less_equal, tbi_nma_max_gy),
                                 comparator::less_equal, tbi_nma_max_gy, gy(tbi.amount), false, "COND-INT-001");
        bool others = false;
        for (const auto& c : r.components()) {
            bool pre = false;
            for (const auto d : c.days) {
                pre = pre || d.number() <= 0;
            }
            const agent a = c.per_day.which();
            others = others || (pre && a != agent::tbi && a != agent::fludarabine &&
                                a != agent::cyclophosphamide && a != agent::atg_thymoglobulin &&
                                a != agent::atg_grafalon && a != agent::alemtuzumab);
        }
        const bool only = add(intensity_criterion::nma_agents_only, !others, comparator::present, 0.0,
                              hsct::measure::flag(!others), false, "COND-INT-001");
        out.intensity = low_tbi && only ? conditioning_intensity::non_myeloablative
                                        : conditioning_intensity::reduced_intensity;
        out.decided_by = !low_tbi ? intensity_criterion::nma_tbi_at_most_2_gy : intensity_criterion::nma_agents_only;
        return out;
    }
    // CIBMTR workshop: RIC when every agent present is under its limit
    bool ric = true;
    intensity_criterion first_mac = intensity_criterion::ric_busulfan;
    const auto ric_test = [&](intensity_criterion id, bool under, comparator cmp, double t, hsct::measure m) {
        add(id, under, cmp, t, m, true, "COND-INT-002");
        if (!under && ric) {
            ric = false;
            first_mac = id;
        }
    };
    if (tbi.days > 0) {
        if (single) {
            ric_test(intensity_criterion::ric_tbi_single_fraction,
                     hsct::satisfies(tbi.amount, comparator::less, tbi_mac_single_gy), comparator::less,
                     tbi_mac_single_gy, gy(tbi.amount));
        } else {
            ric_test(intensity_criterion::ric_tbi_fractionated,
                     hsct::satisfies(tbi.amount, comparator::less, tbi_mac_fractionated_gy), comparator::less,
                     tbi_mac_fractionated_gy, gy(tbi.amount));
        }
    }
    if (bu_oral > 0.0) {
        ric_test(intensity_criterion::ric_busulfan,
                 hsct::satisfies(bu_oral, comparator::less, busulfan_ric_oral_mg_per_kg), comparator::less,
                 busulfan_ric_oral_mg_per_kg, mgkg(bu_oral));
    }
    if (mel > 0.0) {
        const bool at_140 = hsct::satisfies(mel, comparator::equal, melphalan_ric_mg_per_m2);
        const bool under = at_140 ? options.melphalan_140 == melphalan_140_policy::reduced_intensity
                                  : hsct::satisfies(mel, comparator::less, melphalan_ric_mg_per_m2);
        const comparator cmp = options.melphalan_140 == melphalan_140_policy::reduced_intensity
                                   ? comparator::less_equal
                                   : comparator::less;
        ric_test(intensity_criterion::ric_melphalan, under, cmp, melphalan_ric_mg_per_m2, mgm2(mel));
    }
    if (tt > 0.0) {
        ric_test(intensity_criterion::ric_thiotepa,
                 hsct::satisfies(tt, comparator::less, thiotepa_ric_mg_per_kg), comparator::less,
                 thiotepa_ric_mg_per_kg, mgkg(tt));
    }
    out.intensity = ric ? conditioning_intensity::reduced_intensity : conditioning_intensity::myeloablative;
    out.decided_by = ric && !out.criteria.empty() ? out.criteria[out.criteria.size() - 1].id : first_mac;
    return out;
}

/// COND-INT-003: a TCI group.
enum class tci_group : std::uint8_t { low = 1, intermediate = 2, high = 3, outside_derived_range = 4 };

constexpr auto hsct_enum_table(tci_group) noexcept {
    return make_enum_table<tci_group>("tci_group", {
        {tci_group::low, "low", "low TCI (1-2)"},
        {tci_group::intermediate, "intermediate", "intermediate TCI (2.5-3.5)"},
        {tci_group::high, "high", "high TCI (4-6)"},
        {tci_group::outside_derived_range, "outside_derived_range", "outside the range the groups were derived on (1-6)"},
    });
}

/// COND-INT-003: the group of a TCI total (a sum of half-point weights). A total that is not a
/// multiple of 0.5, or between the bands (2-2.5, 3.5-4), has no group: outside_derived_range.
[[nodiscard]] inline tci_group tci_group_of(double total) noexcept {
    if (!std::isfinite(total)) {
        return tci_group::outside_derived_range;
    }
    const double halves = total * 2.0;
    if (std::abs(halves - std::round(halves)) > 1e-9) {
        return tci_group::outside_derived_range;
    }
    if (hsct::satisfies(total, comparator::greater_equal, 1.0) && hsct::satisfies(total, comparator::less_equal, 2.0)) {
        return tci_group::low;
    }
    if (hsct::satisfies(total, comparator::greater_equal, 2.5) && hsct::satisfies(total, comparator::less_equal, 3.5)) {
        return tci_group::intermediate;
    }
    if (hsct::satisfies(total, comparator::greater_equal, 4.0) && hsct::satisfies(total, comparator::less_equal, 6.0)) {
        return tci_group::high;
    }
    return tci_group::outside_derived_range;
}

// ---------------------------------------------------------------------------------------------
// COND-INT-004: the TCI score from a weight table the caller supplies
// ---------------------------------------------------------------------------------------------

/// COND-INT-004: one row of a TCI weight table: an agent, the range [from, to) of its
/// conditioning total (up to Day 0, in the agent's basis unit: mg/kg, mg/m2, mg, or Gy for TBI;
/// `to` may be infinite) and the weight (a multiple of 0.5).
struct tci_band {
    agent which = agent::busulfan_iv;
    double from = 0.0;
    double to = 0.0;
    double weight = 0.0;
    friend constexpr bool operator==(const tci_band&, const tci_band&) noexcept = default;
};

class tci_weight_table;
/// COND-INT-004: a weight table from its rows, checked: a name and a source (views the caller
/// keeps alive); 1-48 bands; each of a declared agent, with 0 <= from < to (finite from; to
/// finite or +infinity) and a finite weight >= 0 that is a multiple of 0.5; the bands of one
/// agent in increasing order without overlap. Errors name "tci.bands[i]" and the part wrong.
template <class = void>
[[nodiscard]] result<tci_weight_table> make_tci_weights(std::string_view name, std::string_view source,
                                                        std::span<const tci_band> bands, bool verified = false);

/// COND-INT-004: a TCI weight table, checked. hsct ships none: Spyridonidis et al. 2020's Table 1
/// could not be read here [X] (docs/conditioning.md, Limits), and weights from a secondary
/// source would be a silent pick. A centre or registry builds one from a verified copy of the
/// paper (and its correction), names the copy in `source`, and says whether it checked it.
class tci_weight_table {
public:
    [[nodiscard]] std::string_view name() const noexcept { return name_; }
    [[nodiscard]] std::string_view source() const noexcept { return source_; }
    /// The caller checked the weights against the primary text.
    [[nodiscard]] bool verified() const noexcept { return verified_; }
    [[nodiscard]] std::span<const tci_band> bands() const noexcept { return {bands_.begin(), bands_.end()}; }

private:
    template <class>
    friend result<tci_weight_table> make_tci_weights(std::string_view, std::string_view, std::span<const tci_band>, bool);
    std::string_view name_;
    std::string_view source_;
    bool verified_ = false;
    hsct::fixed_list<tci_band, 48> bands_;
};

template <class>
result<tci_weight_table> make_tci_weights(std::string_view name, std::string_view source,
                                          std::span<const tci_band> bands, bool verified) {
    if (name.empty()) {
        return error(errc::missing, "tci.name", "(empty)", "a name for the table", "COND-INT-004");
    }
    if (source.empty()) {
        return error(errc::missing, "tci.source", "(empty)", "the copy of the weights the table comes from",
                     "COND-INT-004");
    }
    if (bands.empty() || bands.size() > 48) {
        return error(errc::out_of_range, "tci.bands", std::to_string(bands.size()), "1-48 bands", "COND-INT-004");
    }
    tci_weight_table t;
    t.name_ = name;
    t.source_ = source;
    t.verified_ = verified;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const auto& b = bands[i];
        const auto field = field_ref("tci", "bands").at(i);
        if (auto e = hsct::detail::check_enum(b.which, field)) {
            return *e;
        }
        const double halves = b.weight * 2.0;
        if (!std::isfinite(b.from) || !(b.from >= 0.0) || std::isnan(b.to) || !(b.to > b.from)) {
            return error(errc::out_of_range, field,
                         hsct::detail::format_number(b.from) + " to " + hsct::detail::format_number(b.to),
                         "0 <= from < to (to may be infinite)", "COND-INT-004");
        }
        if (!std::isfinite(b.weight) || !(b.weight >= 0.0) || std::abs(halves - std::round(halves)) > 1e-9) {
            return error(errc::out_of_range, field, hsct::detail::format_number(b.weight),
                         "a weight >= 0 in half points (0, 0.5, 1, ...)", "COND-INT-004");
        }
        for (std::size_t j = 0; j < i; ++j) {
            const auto& a = bands[j];
            if (a.which == b.which && b.from < a.to) {
                return error(errc::inconsistent, field,
                             std::string(id(b.which)) + " from " + hsct::detail::format_number(b.from),
                             "bands of one agent in increasing order without overlap (the band before ends at " +
                                 hsct::detail::format_number(a.to) + ")",
                             "COND-INT-004");
            }
        }
        t.bands_.push_back(b);
    }
    return t;
}

/// One agent's part of a TCI total.
struct tci_contribution {
    agent which = agent::busulfan_iv;
    double total = 0.0;          ///< the agent's conditioning total, in its basis unit
    std::uint8_t band = 0;       ///< the band's index in the table
    double weight = 0.0;
};

/// COND-INT-004: the TCI total of a regimen under a table, its group (COND-INT-003), each
/// agent's part, and the agents the table does not score.
struct tci_result {
    tci_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions §5
    double total = 0.0;
    tci_group group = tci_group::outside_derived_range;
    bool table_verified = false;  ///< the table's own mark, carried
    hsct::fixed_list<tci_contribution, 8> scored;
    hsct::fixed_list<agent, 8> unscored;  ///< in the regimen's conditioning, listed in no band
    /// The agent with the largest weight (the first of equals); none when nothing is scored.
    [[nodiscard]] std::optional<agent> largest() const noexcept {
        std::optional<agent> a;
        double w = -1.0;
        for (const auto& c : scored) {
            if (c.weight > w) {
                w = c.weight;
                a = c.which;
            }
        }
        return a;
    }
};

/// COND-INT-004: the TCI of a regimen's conditioning (components up to Day 0) under a table:
/// each agent's total is looked up in its bands (from <= total < to, CORE-THRESH-001) and the
/// weights are summed. An agent the table does not list is `unscored` (a value, not an
/// error). Error: an agent the table lists whose total falls in none of its bands
/// (out_of_range, field "regimen.<agent>", naming the table's bands).
template <class = void>
[[nodiscard]] result<tci_result> assess_tci(const regimen& r, const tci_weight_table& t) {
    result<tci_result> out(std::in_place);
    out->table_verified = t.verified();
    std::array<bool, agent_count + 1> seen{};
    for (const auto& c : r.components()) {
        const agent a = c.per_day.which();
        if (seen[static_cast<std::size_t>(a)] || r.total(a).days == 0) {
            continue;  // counted once; a component after Day 0 only (PTCy) is not conditioning
        }
        seen[static_cast<std::size_t>(a)] = true;
        const double total = r.total(a).amount;
        bool listed = false;
        bool found = false;
        for (std::size_t i = 0; i < t.bands().size() && !found; ++i) {
            const auto& b = t.bands()[i];
            if (b.which != a) {
                continue;
            }
            listed = true;
            // COND-INT-004: the band holds the total when from <= total < to (to may be infinite)
            if (hsct::satisfies(total, comparator::greater_equal, b.from) &&
                (std::isinf(b.to) || hsct::satisfies(total, comparator::less, b.to))) {
                out->scored.push_back(tci_contribution{a, total, static_cast<std::uint8_t>(i), b.weight});
                out->total += b.weight;
                found = true;
            }
        }
        if (!listed) {
            out->unscored.push_back(a);
        } else if (!found) {
            std::string valid = hsct::detail::concat({"a total inside one of the bands of \"", t.name(), "\":"});
            for (const auto& b : t.bands()) {
                if (b.which == a) {
                    const std::string from = hsct::detail::format_number(b.from);
                    const std::string to = std::isinf(b.to) ? std::string() : hsct::detail::format_number(b.to);
                    valid += hsct::detail::concat({" ", from, "-", to});
                }
            }
            out = error(errc::out_of_range, field_ref("regimen", id(a)),
                        hsct::detail::concat({hsct::detail::format_number(total), " ",
                                              detail::basis_unit(info_of(a).basis)}),
                        std::move(valid), "COND-INT-004");
            return out;
        }
    }
    out->group = tci_group_of(out->total);
    return out;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_INTENSITY_HPP
