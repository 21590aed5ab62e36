// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Conditioning agents, each with the basis its dose is written on (per kg, per m2, a flat dose,
// or gray for TBI), and a per-day dose of an agent whose type is that basis: a per-m2 dose
// cannot be given to a per-kg agent, because the agent's dose type is a template of the agent.
//
//   using namespace hsct::conditioning;
//   auto flu = make_dose<agent::fludarabine>(hsct::dose_per_area(30, hsct::units::mg_per_m2));
//   auto bu  = make_dose<agent::busulfan_iv>(hsct::dose_per_mass(3.2, hsct::units::mg_per_kg));
//   auto tbi = make_tbi(hsct::radiation_dose(2, hsct::units::Gy), 2);   // 2 x 2 Gy a day
//   // make_dose<agent::fludarabine>(hsct::dose_per_mass(30, mg_per_kg)) does not compile
//   flu->per_m2();     // std::optional<dose_per_area>: 30 mg/m2
//
// COND-AGENT-001: the agents and their bases. Busulfan IV and oral are two agents (oral = IV /
// 0.8: BMT CTN 0201 used 14 mg/kg oral or 11.2 mg/kg IV [V2]); rabbit ATG as Thymoglobulin and
// as Grafalon (ATG-F) are two agents with different doses. COND-AGENT-002: a per-day dose is
// refused at 0 or below, not finite, or above the highest per-day dose of a published regimen
// of that agent (the table below, each with its source): hsct's reading of "beyond any
// published range" [P]. A centre that gives more states its own maximum
// (dose_range_options::centre_max), which the result carries.
#ifndef HSCT_CONDITIONING_AGENT_HPP
#define HSCT_CONDITIONING_AGENT_HPP

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/conditioning/vocabulary.hpp"

namespace hsct::conditioning {

/// A conditioning agent (COND-AGENT-001).
enum class agent : std::uint8_t {
    busulfan_iv = 1,
    busulfan_oral = 2,
    fludarabine = 3,
    cyclophosphamide = 4,
    melphalan = 5,
    treosulfan = 6,
    thiotepa = 7,
    carmustine = 8,
    etoposide = 9,
    cytarabine = 10,
    atg_thymoglobulin = 11,  ///< rabbit ATG, Thymoglobulin
    atg_grafalon = 12,       ///< rabbit ATG-F, Grafalon (formerly ATG-Fresenius)
    alemtuzumab = 13,
    tbi = 14,                ///< total body irradiation
    methotrexate = 15,       ///< GVHD prophylaxis
    cyclosporine = 16,       ///< GVHD prophylaxis (ciclosporin)
    tacrolimus = 17,         ///< GVHD prophylaxis
    mycophenolate = 18,      ///< GVHD prophylaxis (mycophenolate mofetil, MMF)
    sirolimus = 19,          ///< GVHD prophylaxis
    abatacept = 20,          ///< GVHD prophylaxis
};

/// The number of agents.
inline constexpr std::size_t agent_count = 20;

constexpr auto hsct_enum_table(agent) noexcept {
    return make_enum_table<agent>("agent", {
        {agent::busulfan_iv, "busulfan_iv", "busulfan IV"},
        {agent::busulfan_oral, "busulfan_oral", "busulfan oral"},
        {agent::fludarabine, "fludarabine", "fludarabine"},
        {agent::cyclophosphamide, "cyclophosphamide", "cyclophosphamide"},
        {agent::melphalan, "melphalan", "melphalan"},
        {agent::treosulfan, "treosulfan", "treosulfan"},
        {agent::thiotepa, "thiotepa", "thiotepa"},
        {agent::carmustine, "carmustine", "carmustine (BCNU)"},
        {agent::etoposide, "etoposide", "etoposide"},
        {agent::cytarabine, "cytarabine", "cytarabine"},
        {agent::atg_thymoglobulin, "atg_thymoglobulin", "rabbit ATG (Thymoglobulin)"},
        {agent::atg_grafalon, "atg_grafalon", "rabbit ATG-F (Grafalon)"},
        {agent::alemtuzumab, "alemtuzumab", "alemtuzumab"},
        {agent::tbi, "tbi", "total body irradiation"},
        {agent::methotrexate, "methotrexate", "methotrexate"},
        {agent::cyclosporine, "cyclosporine", "cyclosporine"},
        {agent::tacrolimus, "tacrolimus", "tacrolimus"},
        {agent::mycophenolate, "mycophenolate", "mycophenolate mofetil (MMF)"},
        {agent::sirolimus, "sirolimus", "sirolimus"},
        {agent::abatacept, "abatacept", "abatacept"},
    });
}

/// The basis a dose is written on (COND-AGENT-001).
enum class dose_basis : std::uint8_t {
    per_kg = 1,     ///< mg per kg of dosing weight
    per_m2 = 2,     ///< mg per m2 of body surface area
    flat = 3,       ///< mg, whatever the patient's size
    radiation = 4,  ///< Gy
};

constexpr auto hsct_enum_table(dose_basis) noexcept {
    return make_enum_table<dose_basis>("dose_basis", {
        {dose_basis::per_kg, "per_kg", "per kg"},
        {dose_basis::per_m2, "per_m2", "per m2"},
        {dose_basis::flat, "flat", "flat dose"},
        {dose_basis::radiation, "radiation", "radiation (Gy)"},
    });
}

/// COND-AGENT-001/002: what hsct knows of an agent: its basis, and the highest per-day dose of
/// a published regimen (in mg/kg, mg/m2, mg or Gy a day), with its source and whether that
/// source was read ([V]/[V2]/[V-HB24]) or is recollection ([M]).
struct agent_info {
    dose_basis basis;
    double max_per_day;
    std::string_view max_source;
    bool verified;
};

/// COND-AGENT-001/002: the table.
[[nodiscard]] constexpr agent_info info_of(agent a) noexcept {
    switch (a) {
        case agent::busulfan_iv:
            return {dose_basis::per_kg, 3.2, "3.2 mg/kg/day IV q24h (Bu4Cy, FluBu4; reference notes 5.5) [V2]", true};
        case agent::busulfan_oral:
            return {dose_basis::per_kg, 4.0, "4 mg/kg/day oral (historical Bu/Cy; HB24 ch. 13 section 13.2) [V-HB24]", true};
        case agent::fludarabine:
            return {dose_basis::per_m2, 50.0, "50 mg/m2/day (TBF: fludarabine 150 mg/m2 over 3 days, Sanz et al. 2012) [M for the daily split; 40 mg/m2/day in FluBu4 V2]", false};
        case agent::cyclophosphamide:
            return {dose_basis::per_kg, 60.0, "60 mg/kg/day (Bu/Cy, Cy/TBI; HB24 ch. 13) [V-HB24]", true};
        case agent::melphalan:
            return {dose_basis::per_m2, 200.0, "200 mg/m2 (Mel200, myeloma; reference notes 5.5) [V2]", true};
        case agent::treosulfan:
            return {dose_basis::per_m2, 14000.0, "14 g/m2/day (Flu/Treo, Ruutu 2011; reference notes 5.5) [V2]", true};
        case agent::thiotepa:
            return {dose_basis::per_kg, 5.0, "5 mg/kg/day (thiotepa 10 mg/kg over two days in TBF and cord MAC; HB24 ch. 64) [M for the daily split]", false};
        case agent::carmustine:
            return {dose_basis::per_m2, 300.0, "300 mg/m2 (BEAM; reference notes 5.5) [V2]", true};
        case agent::etoposide:
            return {dose_basis::per_m2, 200.0, "200 mg/m2/day (BEAM, 400-800 mg/m2 over 4 days; reference notes 5.5) [V2]", true};
        case agent::cytarabine:
            return {dose_basis::per_m2, 400.0, "400 mg/m2/day (BEAM, 800-1600 mg/m2 over 4 days; reference notes 5.5) [V2]", true};
        case agent::atg_thymoglobulin:
            return {dose_basis::per_kg, 2.5, "2.5 mg/kg/day (Beijing haplo platform; HB24 ch. 65 section 65.2) [V-HB24]", true};
        case agent::atg_grafalon:
            return {dose_basis::per_kg, 20.0, "20 mg/kg/day (ATG-F 20 mg/kg on days -3 to -1, Finke et al., Lancet Oncol 2009) [M]", false};
        case agent::alemtuzumab:
            return {dose_basis::flat, 30.0, "30 mg/day [M]", false};
        case agent::tbi:
            return {dose_basis::radiation, 5.0, "5 Gy a day: a single-fraction TBI at the myeloablative threshold (HB24 ch. 13 section 13.2) [P]", false};
        case agent::methotrexate:
            return {dose_basis::per_m2, 15.0, "15 mg/m2 (day +1 of Tac/MTX; reference notes 10) [V2]", true};
        case agent::cyclosporine:
            return {dose_basis::per_kg, 10.0, "10 mg/kg/day (5 mg/kg twice a day orally, Seattle; Nakamae 2010) [V2]", true};
        case agent::tacrolimus:
            return {dose_basis::per_kg, 0.15, "0.15 mg/kg/day [M]", false};
        case agent::mycophenolate:
            return {dose_basis::per_kg, 45.0, "45 mg/kg/day (15 mg/kg three times a day; Nakamae 2010) [V2]", true};
        case agent::sirolimus:
            return {dose_basis::flat, 12.0, "12 mg (a loading dose) [M]", false};
        case agent::abatacept:
            return {dose_basis::per_kg, 10.0, "10 mg/kg [M]", false};
    }
    return {dose_basis::per_kg, 0.0, "", false};
}

/// COND-AGENT-001: the dose type of an agent's basis, at compile time.
template <agent A>
struct agent_traits {
    static constexpr dose_basis basis = info_of(A).basis;
    using quantity = std::conditional_t<
        basis == dose_basis::per_kg, hsct::dose_per_mass,
        std::conditional_t<basis == dose_basis::per_m2, hsct::dose_per_area,
                           std::conditional_t<basis == dose_basis::flat, hsct::total_dose,
                                              hsct::radiation_dose>>>;
};

/// COND-AGENT-002: a centre's own per-day maximum, replacing the published one.
struct dose_range_options {
    std::optional<double> centre_max;  ///< in the agent's basis unit per day; must be > 0
};

class agent_dose;
/// COND-AGENT-001/002: a per-day dose of agent A, in A's own dose type (a per-m2 dose for a
/// per-kg agent does not compile). TBI: use make_tbi.
template <agent A>
[[nodiscard]] result<agent_dose> make_dose(typename agent_traits<A>::quantity per_day,
                                           const dose_range_options& options = {});
/// COND-AGENT-001/002: a day of TBI: a dose per fraction and the fractions that day (1-4).
/// The per-day dose (fraction x fractions) is checked as make_dose checks a dose.
[[nodiscard]] inline result<agent_dose> make_tbi(hsct::radiation_dose per_fraction, int fractions,
                                                 const dose_range_options& options = {});
/// COND-AGENT-003: the same with the dose rate the protocol gives, checked against
/// tbi_dose_rate_range.
[[nodiscard]] inline result<agent_dose> make_tbi(hsct::radiation_dose per_fraction, int fractions,
                                                 hsct::radiation_dose_rate rate,
                                                 const dose_range_options& options = {});

/// COND-AGENT-003 (policy [P]): the dose rates hsct accepts for TBI, above 0 and at most
/// 100 cGy/min. A plausibility bound, not a recommendation: centres vary in TBI dose rate as
/// in dose and fractionation (HB24 ch. 13 section 13.2, citing Giebel et al. 2014, an EBMT
/// survey of TBI practice), and no source at hand states a range, so hsct refuses only rates
/// far above any TBI technique it knows of (a few to a few tens of cGy/min) [P].
inline constexpr hsct::radiation_dose_rate tbi_dose_rate_max{100.0, hsct::units::cGy_per_min};

/// One agent's dose for one day: the agent, its value in the basis unit (mg/kg, mg/m2, mg or
/// Gy), and for TBI the number of fractions that day and the dose rate where given. 24 bytes.
class agent_dose {
public:
    [[nodiscard]] constexpr agent which() const noexcept { return agent_; }
    [[nodiscard]] constexpr dose_basis basis() const noexcept { return info_of(agent_).basis; }
    /// The value in the basis unit (mg/kg, mg/m2, mg, Gy) a day.
    [[nodiscard]] constexpr double value() const noexcept { return value_; }
    /// TBI: fractions a day (1 otherwise).
    [[nodiscard]] constexpr int fractions() const noexcept { return fractions_; }
    /// TBI: the dose rate, where the protocol gives one (COND-AGENT-003).
    [[nodiscard]] constexpr std::optional<hsct::radiation_dose_rate> dose_rate() const noexcept {
        return rate_cgy_per_min_ > 0.0
                   ? std::optional(hsct::radiation_dose_rate(rate_cgy_per_min_, hsct::units::cGy_per_min))
                   : std::nullopt;
    }
    /// The dose as its typed quantity, when it is of that basis.
    [[nodiscard]] constexpr std::optional<hsct::dose_per_mass> per_kg() const noexcept {
        return basis() == dose_basis::per_kg ? std::optional(hsct::dose_per_mass(value_, hsct::units::mg_per_kg))
                                             : std::nullopt;
    }
    [[nodiscard]] constexpr std::optional<hsct::dose_per_area> per_m2() const noexcept {
        return basis() == dose_basis::per_m2 ? std::optional(hsct::dose_per_area(value_, hsct::units::mg_per_m2))
                                             : std::nullopt;
    }
    [[nodiscard]] constexpr std::optional<hsct::total_dose> flat() const noexcept {
        return basis() == dose_basis::flat ? std::optional(hsct::total_dose(value_, hsct::units::mg))
                                           : std::nullopt;
    }
    [[nodiscard]] constexpr std::optional<hsct::radiation_dose> gray() const noexcept {
        return basis() == dose_basis::radiation ? std::optional(hsct::radiation_dose(value_, hsct::units::Gy))
                                                : std::nullopt;
    }
    /// Whether a centre maximum admitted this dose above the published one.
    [[nodiscard]] constexpr bool above_published_max() const noexcept { return above_published_; }
    friend constexpr bool operator==(const agent_dose&, const agent_dose&) noexcept = default;

private:
    template <agent A>
    friend result<agent_dose> make_dose(typename agent_traits<A>::quantity, const dose_range_options&);
    friend result<agent_dose> make_tbi(hsct::radiation_dose, int, const dose_range_options&);
    friend result<agent_dose> make_tbi(hsct::radiation_dose, int, hsct::radiation_dose_rate,
                                       const dose_range_options&);
    constexpr agent_dose(agent a, double v, int fractions, bool above) noexcept
        : value_(v), agent_(a), fractions_(static_cast<std::uint8_t>(fractions)), above_published_(above) {}
    double value_ = 0.0;
    double rate_cgy_per_min_ = 0.0;  ///< 0: not given (a given rate is above 0)
    agent agent_ = agent::busulfan_iv;
    std::uint8_t fractions_ = 1;
    bool above_published_ = false;
};

namespace detail {
[[nodiscard]] inline std::string_view basis_unit(dose_basis b) noexcept {
    switch (b) {
        case dose_basis::per_kg: return "mg/kg";
        case dose_basis::per_m2: return "mg/m2";
        case dose_basis::flat: return "mg";
        case dose_basis::radiation: return "Gy";
    }
    return "";
}

/// COND-AGENT-002: checks a per-day value against 0 and the maximum.
[[nodiscard]] inline std::optional<error> check_per_day(agent a, double v,
                                                        const dose_range_options& o, bool& above) {
    const auto info = info_of(a);
    const std::string_view unit = basis_unit(info.basis);
    const std::string field = std::string(id(a)) + ".dose_per_day";
    if (o.centre_max && (!std::isfinite(*o.centre_max) || !(*o.centre_max > 0.0))) {
        return error(errc::out_of_range, "options.centre_max", hsct::detail::format_number(*o.centre_max),
                     "a maximum above 0", "COND-AGENT-002");
    }
    const double max = o.centre_max ? *o.centre_max : info.max_per_day;
    if (!std::isfinite(v)) {
        return error(errc::not_finite, field, hsct::detail::format_number(v) + " " + std::string(unit),
                     "a finite dose", "COND-AGENT-002");
    }
    if (!(v > 0.0) || v > max) {
        std::string valid = "above 0 and at most " + hsct::detail::format_number(max) + " " +
                            std::string(unit) + " a day (";
        valid += o.centre_max ? std::string("the centre's maximum") : std::string(info.max_source);
        valid += ")";
        return error(errc::out_of_range, field, hsct::detail::format_number(v) + " " + std::string(unit),
                     std::move(valid), "COND-AGENT-002");
    }
    above = v > info.max_per_day;
    return std::nullopt;
}
}  // namespace detail

template <agent A>
result<agent_dose> make_dose(typename agent_traits<A>::quantity per_day,
                             const dose_range_options& options) {
    static_assert(A != agent::tbi, "make_dose: give TBI with make_tbi (dose per fraction, fractions)");
    using Q = typename agent_traits<A>::quantity;
    const double v = per_day.in(hsct::canonical_unit_t<Q>{});
    bool above = false;
    if (auto e = detail::check_per_day(A, v, options, above)) {
        return *e;
    }
    return agent_dose(A, v, 1, above);
}

inline result<agent_dose> make_tbi(hsct::radiation_dose per_fraction, int fractions,
                                   const dose_range_options& options) {
    if (fractions < 1 || fractions > 4) {
        return error(errc::out_of_range, "tbi.fractions_per_day", std::to_string(fractions), "1-4",
                     "COND-AGENT-002");
    }
    const double v = per_fraction.in(hsct::units::Gy) * fractions;
    bool above = false;
    if (auto e = detail::check_per_day(agent::tbi, v, options, above)) {
        return *e;
    }
    return agent_dose(agent::tbi, v, fractions, above);
}

inline result<agent_dose> make_tbi(hsct::radiation_dose per_fraction, int fractions,
                                   hsct::radiation_dose_rate rate, const dose_range_options& options) {
    const double r = rate.in(hsct::units::cGy_per_min);
    // COND-AGENT-003: the dose rate, above 0 and at most tbi_dose_rate_max.
    if (!std::isfinite(r) || !(r > 0.0) || r > tbi_dose_rate_max.in(hsct::units::cGy_per_min)) {
        return error(std::isfinite(r) ? errc::out_of_range : errc::not_finite, "tbi.dose_rate",
                     hsct::detail::format_number(r) + " cGy/min",
                     "above 0 and at most " +
                         hsct::detail::format_number(tbi_dose_rate_max.in(hsct::units::cGy_per_min)) +
                         " cGy/min (hsct's plausibility bound [P])",
                     "COND-AGENT-003");
    }
    auto d = make_tbi(per_fraction, fractions, options);
    if (d) {
        d->rate_cgy_per_min_ = r;
    }
    return d;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_AGENT_HPP
