// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Conditioning regimens as data: a named, cited list of components, each an agent's per-day
// dose (agent.hpp) and the days relative to Day 0 it is given on; the published regimens hsct
// ships; a centre's own regimen, checked the same way; and the totals a regimen gives.
//
//   using namespace hsct::conditioning;
//   const regimen r = regimens::flu_mel();            // Flu 30 mg/m2 days -5..-2, Mel 140 day -1
//   r.total(agent::melphalan);                        // 140 (mg/m2)
//   r.total(agent::fludarabine);                      // 120 (mg/m2)
//   regimen_component c{*make_dose<agent::melphalan>(hsct::dose_per_area(100, mg_per_m2)), {}};
//   c.days.push_back(hsct::transplant_day::at(-1));
//   auto mine = make_regimen("centre FluMel100", "centre protocol v3", {&c, 1});   // checked
//
// COND-REG-001: a component's days are strictly increasing and within D-30..D+30; a regimen has
// 1-8 components and a name. COND-REG-002: the published regimens, each with its citation and
// whether its dose and its day schedule were read in a source ([V]/[V2]/[V-HB24]) or are the
// reference notes' recollection ([M]); a day schedule marked unverified is one common variant.
// Totals are per-day dose x days, in the agent's basis unit; TBI totals also give the number of
// fractions and whether it was one fraction.
#ifndef HSCT_CONDITIONING_REGIMEN_HPP
#define HSCT_CONDITIONING_REGIMEN_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "hsct/conditioning/agent.hpp"
#include "hsct/conditioning/vocabulary.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::conditioning {

/// One component: an agent's per-day dose and the days it is given on.
struct regimen_component {
    agent_dose per_day;
    hsct::fixed_list<hsct::transplant_day, 12> days;
};

/// COND-REG-001: the days a component may fall on.
inline constexpr std::int32_t regimen_first_day = -30;
inline constexpr std::int32_t regimen_last_day = 30;

/// The totals of one agent over a regimen.
struct agent_total {
    double amount = 0.0;  ///< in the basis unit (mg/kg, mg/m2, mg, Gy); 0 when absent
    int days = 0;         ///< days given
    int fractions = 0;    ///< TBI: fractions in all
};

/// A regimen: name, source, verification, components.
class regimen {
public:
    [[nodiscard]] std::string_view name() const noexcept { return name_; }
    [[nodiscard]] std::string_view source() const noexcept { return source_; }
    /// The doses were read in a cited source ([V], [V2] or [V-HB24]).
    [[nodiscard]] bool doses_verified() const noexcept { return doses_verified_; }
    /// The day schedule was read in a cited source (else one common variant, [M]).
    [[nodiscard]] bool schedule_verified() const noexcept { return schedule_verified_; }
    [[nodiscard]] std::span<const regimen_component> components() const noexcept {
        return {components_.begin(), components_.end()};
    }
    /// COND-REG-001: days the regimen needs free of every agent (a rest day before the graft);
    /// empty unless the regimen's source or the centre states one.
    [[nodiscard]] std::span<const hsct::transplant_day> rest_days() const noexcept {
        return {rest_days_.begin(), rest_days_.end()};
    }
    /// COND-REG-002: the total of an agent (all its components), in its basis unit. Counts the
    /// days up to `through` (Day 0 by default: conditioning; pass +30 for everything, e.g.
    /// post-transplant cyclophosphamide).
    [[nodiscard]] agent_total total(agent a, std::int32_t through = 0) const noexcept {
        agent_total t;
        for (const auto& c : components_) {
            if (c.per_day.which() != a) {
                continue;
            }
            for (const auto d : c.days) {
                if (d.number() <= through) {
                    t.amount += c.per_day.value();
                    t.days += 1;
                    t.fractions += c.per_day.fractions();
                }
            }
        }
        return t;
    }

private:
    friend result<regimen> make_regimen(std::string_view, std::string_view,
                                        std::span<const regimen_component>, bool, bool,
                                        std::span<const hsct::transplant_day>);
    std::string_view name_;
    std::string_view source_;
    bool doses_verified_ = false;
    bool schedule_verified_ = false;
    hsct::fixed_list<regimen_component, 8> components_;
    hsct::fixed_list<hsct::transplant_day, 4> rest_days_;
};

/// COND-REG-001: a regimen from its parts, checked: a name; 1-8 components; each with 1-12 days,
/// strictly increasing, within D-30..D+30; at most 4 rest days, none of them a component's day.
/// The name and source are views the caller keeps alive (literals, or strings it owns). A
/// centre's regimen is `verified` only if the centre says so.
[[nodiscard]] inline result<regimen> make_regimen(std::string_view name, std::string_view source,
                                                  std::span<const regimen_component> components,
                                                  bool doses_verified = false,
                                                  bool schedule_verified = false,
                                                  std::span<const hsct::transplant_day> rest_days = {}) {
    if (name.empty()) {
        return error(errc::missing, "regimen.name", "(empty)", "a name", "COND-REG-001");
    }
    if (components.empty() || components.size() > 8) {
        return error(errc::out_of_range, "regimen.components", std::to_string(components.size()),
                     "1-8 components", "COND-REG-001");
    }
    regimen r;
    r.name_ = name;
    r.source_ = source;
    r.doses_verified_ = doses_verified;
    r.schedule_verified_ = schedule_verified;
    for (std::size_t i = 0; i < components.size(); ++i) {
        const auto& c = components[i];
        const auto field = field_ref("regimen.components", "days").at(i);
        if (!is_valid(c.per_day.which())) {
            return error(errc::out_of_range, field_ref("regimen.components", "agent").at(i),
                         "an undeclared agent", "a declared agent", "COND-REG-001");
        }
        if (c.days.empty()) {
            return error(errc::missing, field, "(none)", "1-12 days", "COND-REG-001");
        }
        for (std::size_t k = 0; k < c.days.size(); ++k) {
            const auto d = c.days[k].number();
            if (d < regimen_first_day || d > regimen_last_day) {
                return error(errc::out_of_range, field, to_string(c.days[k]), "D-30 to D+30",
                             "COND-REG-001");
            }
            if (k > 0 && d <= c.days[k - 1].number()) {
                return error(errc::inconsistent, field,
                             to_string(c.days[k - 1]) + " then " + to_string(c.days[k]),
                             "days in increasing order, each once", "COND-REG-001");
            }
        }
        r.components_.push_back(c);
    }
    if (rest_days.size() > 4) {
        return error(errc::out_of_range, "regimen.rest_days", std::to_string(rest_days.size()),
                     "at most 4 rest days", "COND-REG-001");
    }
    for (const auto rest : rest_days) {
        for (std::size_t i = 0; i < components.size(); ++i) {
            for (const auto d : components[i].days) {
                if (d == rest) {
                    return error(errc::inconsistent, field_ref("regimen.components", "days").at(i),
                                 to_string(d), "no agent on the rest day " + to_string(rest),
                                 "COND-SCHED-002");
                }
            }
        }
        r.rest_days_.push_back(rest);
    }
    return r;
}

namespace detail {
/// A component of a published regimen: its dose cannot fail (tests check every one).
[[nodiscard]] inline regimen_component published(const result<agent_dose>& dose, std::int32_t first,
                                                 std::int32_t last) {
    regimen_component c{dose.value(), {}};
    for (std::int32_t d = first; d <= last; ++d) {
        c.days.push_back(hsct::transplant_day::at(d));
    }
    return c;
}
[[nodiscard]] inline regimen_component published_days(const result<agent_dose>& dose,
                                                      std::initializer_list<std::int32_t> days) {
    regimen_component c{dose.value(), {}};
    for (const auto d : days) {
        c.days.push_back(hsct::transplant_day::at(d));
    }
    return c;
}
[[nodiscard]] inline regimen published_regimen(std::string_view name, std::string_view source,
                                               std::initializer_list<regimen_component> parts,
                                               bool doses, bool schedule) {
    return make_regimen(name, source, std::span<const regimen_component>(parts.begin(), parts.size()),
                        doses, schedule)
        .value();
}
inline hsct::dose_per_mass per_kg(double v) { return hsct::dose_per_mass(v, hsct::units::mg_per_kg); }
inline hsct::dose_per_area per_m2(double v) { return hsct::dose_per_area(v, hsct::units::mg_per_m2); }
inline hsct::radiation_dose gray(double v) { return hsct::radiation_dose(v, hsct::units::Gy); }
}  // namespace detail

/// COND-REG-002: the published regimens. Each reference variant is the one the reference notes
/// (clinical-scores-conditioning.md 5.5) and the EBMT Handbook 2024 give; its citation says
/// which parts were read.
namespace regimens {
using detail::gray;
using detail::per_kg;
using detail::per_m2;
using detail::published;
using detail::published_days;

/// BuCy, oral busulfan 1 mg/kg q6h (4 mg/kg/day) days -7..-4, cyclophosphamide 60 mg/kg days
/// -3, -2 (Couban 2002 via the Cochrane table PMC10612998 [V2]; HB24 ch. 13 [V-HB24]).
inline regimen bu_cy_oral() {
    return detail::published_regimen(
        "BuCy (oral busulfan)", "Couban 2002 via Cochrane PMC10612998 [V2]; HB24 ch. 13 section 13.2 [V-HB24]",
        {published(make_dose<agent::busulfan_oral>(per_kg(4.0)), -7, -4),
         published(make_dose<agent::cyclophosphamide>(per_kg(60.0)), -3, -2)},
        true, true);
}
/// Bu4Cy with IV busulfan 3.2 mg/kg/day x 4, cyclophosphamide 60 mg/kg x 2 (totals [V2]; days
/// as BuCy [M]).
inline regimen bu_cy_iv() {
    return detail::published_regimen(
        "Bu4Cy (IV busulfan)", "reference notes 5.5 [V2 doses]; days as oral BuCy [M]",
        {published(make_dose<agent::busulfan_iv>(per_kg(3.2)), -7, -4),
         published(make_dose<agent::cyclophosphamide>(per_kg(60.0)), -3, -2)},
        true, false);
}
/// Cy/TBI: cyclophosphamide 60 mg/kg x 2, TBI 12 Gy as 6 x 2 Gy twice a day over 3 days (totals
/// [V2], Copelan 2013; order and days vary [M]).
inline regimen cy_tbi() {
    return detail::published_regimen(
        "Cy/TBI 12 Gy", "Copelan, Blood 2013;122:3863 [V2 doses]; order and days vary [M]",
        {published(make_dose<agent::cyclophosphamide>(per_kg(60.0)), -6, -5),
         published(make_tbi(gray(2.0), 2), -3, -1)},
        true, false);
}
/// FluBu4: fludarabine 40 mg/m2 and IV busulfan 3.2 mg/kg on days -5..-2 (NZ regimen library [V2]).
inline regimen flu_bu4() {
    return detail::published_regimen(
        "FluBu4", "NZ regimen library (srl.org.nz) via reference notes 5.5 [V2]",
        {published(make_dose<agent::fludarabine>(per_m2(40.0)), -5, -2),
         published(make_dose<agent::busulfan_iv>(per_kg(3.2)), -5, -2)},
        true, true);
}
/// FluBu2 (Slavin variant): fludarabine 30 mg/m2 days -10..-5, IV busulfan 3.2 mg/kg days -6,
/// -5, ATG-F 10 mg/kg days -4..-1 (oncowiki via reference notes 5.5 [V2]).
inline regimen flu_bu2() {
    return detail::published_regimen(
        "FluBu2 (Slavin)", "Slavin variant via reference notes 5.5 [V2]",
        {published(make_dose<agent::fludarabine>(per_m2(30.0)), -10, -5),
         published(make_dose<agent::busulfan_iv>(per_kg(3.2)), -6, -5),
         published(make_dose<agent::atg_grafalon>(per_kg(10.0)), -4, -1)},
        true, true);
}
/// FluMel: fludarabine 30 mg/m2 days -5..-2 (120 mg/m2), melphalan 140 mg/m2 day -1 (BMT CTN
/// 0201 RIC arm totals [V2]; days [M]).
inline regimen flu_mel() {
    return detail::published_regimen(
        "FluMel 140", "BMT CTN 0201 RIC arm (Flu 120 + Mel 140) [V2 doses]; days [M]",
        {published(make_dose<agent::fludarabine>(per_m2(30.0)), -5, -2),
         published(make_dose<agent::melphalan>(per_m2(140.0)), -1, -1)},
        true, false);
}
/// BEAM: carmustine 300 mg/m2 day -6; etoposide 200 and cytarabine 400 mg/m2 a day days -5..-2;
/// melphalan 140 mg/m2 day -1 (totals [V2]; days [M]).
inline regimen beam() {
    return detail::published_regimen(
        "BEAM", "reference notes 5.5 [V2 doses]; days [M]",
        {published(make_dose<agent::carmustine>(per_m2(300.0)), -6, -6),
         published(make_dose<agent::etoposide>(per_m2(200.0)), -5, -2),
         published(make_dose<agent::cytarabine>(per_m2(400.0)), -5, -2),
         published(make_dose<agent::melphalan>(per_m2(140.0)), -1, -1)},
        true, false);
}
/// High-dose melphalan 200 mg/m2 (autologous, myeloma) day -2 (dose [V2]; day [M]).
inline regimen mel200() {
    return detail::published_regimen(
        "Mel200 (autologous myeloma)", "reference notes 5.5 [V2 dose]; day [M]",
        {published(make_dose<agent::melphalan>(per_m2(200.0)), -2, -2)}, true, false);
}
/// Flu/Cy/TBI 2 Gy with post-transplant cyclophosphamide (Baltimore haplo): Flu 30 mg/m2 days
/// -6..-2, Cy 14.5 mg/kg days -6, -5, TBI 2 Gy day -1, Cy 50 mg/kg days +3, +4 (Luznik, BBMT
/// 2008;14:641; PTCy days [V2], HB24 ch. 65 [V-HB24]; the rest [M]).
inline regimen flu_cy_tbi_ptcy() {
    return detail::published_regimen(
        "Flu/Cy/TBI 2 Gy + PTCy (Baltimore)", "Luznik, BBMT 2008;14:641; HB24 ch. 65 section 65.2 [V-HB24 platform, PTCy]; pre-transplant days [M]",
        {published(make_dose<agent::fludarabine>(per_m2(30.0)), -6, -2),
         published(make_dose<agent::cyclophosphamide>(per_kg(14.5)), -6, -5),
         published(make_tbi(gray(2.0), 1), -1, -1),
         published_days(make_dose<agent::cyclophosphamide>(per_kg(50.0)), {3, 4})},
        true, false);
}
/// Flu/TBI 2 Gy (Seattle non-myeloablative): Flu 30 mg/m2 days -4..-2, TBI 2 Gy day 0
/// (Nakamae, BBMT 2010 [V2]; days [M]).
inline regimen flu_tbi_2gy() {
    return detail::published_regimen(
        "Flu/TBI 2 Gy (Seattle)", "Nakamae, BBMT 2010 (PMC2822012) [V2 doses]; days [M]",
        {published(make_dose<agent::fludarabine>(per_m2(30.0)), -4, -2),
         published(make_tbi(gray(2.0), 1), 0, 0)},
        true, false);
}
/// Flu/Treo: treosulfan 14 g/m2 days -6..-4, fludarabine 30 mg/m2 days -6..-2 (Ruutu,
/// Haematologica 2011 [V2]; days [M]).
inline regimen flu_treo() {
    return detail::published_regimen(
        "Flu/Treo 42", "Ruutu, Haematologica 2011 (PMC3166105) [V2 doses]; days [M]",
        {published(make_dose<agent::treosulfan>(per_m2(14000.0)), -6, -4),
         published(make_dose<agent::fludarabine>(per_m2(30.0)), -6, -2)},
        true, false);
}
/// TBF: thiotepa 5 mg/kg days -7, -6; IV busulfan 3.2 mg/kg and fludarabine 50 mg/m2 days
/// -5..-3 (totals thiotepa 10 mg/kg, busulfan 9.6 mg/kg, fludarabine 150 mg/m2: HB24 ch. 64
/// section 64.5 [V-HB24]; daily split and days, Sanz 2012 [M]).
inline regimen tbf() {
    return detail::published_regimen(
        "TBF (thiotepa, busulfan, fludarabine)", "HB24 ch. 64 section 64.5 [V-HB24 totals]; daily split and days (Sanz 2012) [M]",
        {published(make_dose<agent::thiotepa>(per_kg(5.0)), -7, -6),
         published(make_dose<agent::busulfan_iv>(per_kg(3.2)), -5, -3),
         published(make_dose<agent::fludarabine>(per_m2(50.0)), -5, -3)},
        true, false);
}
}  // namespace regimens

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_REGIMEN_HPP
