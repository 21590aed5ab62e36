// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// GVHD prophylaxis as data: each drug's per-day dose on its basis, the days it is given on (a
// few days for methotrexate, post-transplant cyclophosphamide and ATG; from a start day onwards
// for the calcineurin inhibitors, MMF and sirolimus), its target trough where a source gives
// one; the published combinations; and their doses for a patient.
//
//   using namespace hsct::conditioning;
//   auto p = prophylaxis::tac_mtx();                   // tacrolimus from D-3 + MTX 15/10/10/10
//   auto d = prophylaxis_doses(p, measures);           // result<prophylaxis_dose_result>
//   d->drugs[1].per_day->in(hsct::units::mg);          // methotrexate day +1: 27 mg at 1.8 m2
//   d->drugs[1].course_total->in(hsct::units::mg);     // 81 mg over days +1, +3, +6, +11
//   p.drugs[0].trough;                                  // tacrolimus 5-10 ng/mL [M]
//
// COND-GVHD-001: a drug is given on listed days (1-8 days, D-10 to D+60) or continuously from a
// start day (to a stop day when the source gives one, else open). COND-GVHD-002: the published
// combinations, each drug cited: methotrexate schedules as named variants (addendum A2-5): Storb
// 15 mg/m2 day +1 and 10 mg/m2 days +3, +6, +11 [V2]; three doses on days +1, +3, +6 [V2];
// mini-methotrexate 5 mg/m2 days +1, +3, +6 (Shiratori 2020) [V]; tacrolimus from day -3 with
// a trough of 5-10 ng/mL [M]; PTCy 50 mg/kg days +3, +4 with tacrolimus and MMF 15 mg/kg three
// times a day from day +5 [V2 days, M the rest]; Seattle cyclosporine 5 mg/kg twice a day from
// day -3 with MMF 15 mg/kg three times a day from day 0 [V2]. COND-GVHD-003: doses for a patient
// as in dose_calculation.hpp (the drug's policy; amount a day; a course total for listed days).
#ifndef HSCT_CONDITIONING_GVHD_PROPHYLAXIS_HPP
#define HSCT_CONDITIONING_GVHD_PROPHYLAXIS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "hsct/conditioning/agent.hpp"
#include "hsct/conditioning/dose_calculation.hpp"
#include "hsct/conditioning/vocabulary.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct::conditioning {

/// COND-GVHD-001: a target trough window (drug levels: read them in ng/mL or any mass
/// concentration unit), its source and whether it was read.
struct trough_target {
    hsct::mass_concentration low{};
    hsct::mass_concentration high{};
    std::string_view source;
    bool verified = false;
};

/// One drug of a prophylaxis.
struct prophylaxis_drug {
    agent_dose per_day;
    /// The days it is given on, when they are listed (methotrexate, PTCy, ATG).
    hsct::fixed_list<hsct::transplant_day, 8> days;
    /// Otherwise: given every day from `start` (through `stop` when the source gives one).
    std::optional<hsct::transplant_day> start;
    std::optional<hsct::transplant_day> stop;
    std::optional<trough_target> trough;
};

/// A named, cited prophylaxis: 1-4 drugs.
struct gvhd_prophylaxis {
    std::string_view name;
    std::string_view source;
    hsct::fixed_list<prophylaxis_drug, 4> drugs;
};

/// COND-GVHD-001: the days a listed drug may fall on.
inline constexpr std::int32_t prophylaxis_first_day = -10;
inline constexpr std::int32_t prophylaxis_last_day = 60;

/// COND-GVHD-001: a prophylaxis checked: a name; 1-4 drugs; each with 1-8 listed days, strictly
/// increasing, in D-10..D+60, or with a start day (and a stop day not before it), not both.
[[nodiscard]] inline result<gvhd_prophylaxis> make_prophylaxis(std::string_view name, std::string_view source,
                                                               std::span<const prophylaxis_drug> drugs) {
    if (name.empty()) {
        return error(errc::missing, "prophylaxis.name", "(empty)", "a name", "COND-GVHD-001");
    }
    if (drugs.empty() || drugs.size() > 4) {
        return error(errc::out_of_range, "prophylaxis.drugs", std::to_string(drugs.size()), "1-4 drugs",
                     "COND-GVHD-001");
    }
    gvhd_prophylaxis p{name, source, {}};
    for (std::size_t i = 0; i < drugs.size(); ++i) {
        const auto& d = drugs[i];
        const auto field = field_ref("prophylaxis.drugs", "days").at(i);
        const bool listed = !d.days.empty();
        if (listed == d.start.has_value()) {
            return error(errc::inconsistent, field, listed ? "listed days and a start day" : "neither",
                         "listed days or a start day, one of them", "COND-GVHD-001");
        }
        for (std::size_t k = 0; k < d.days.size(); ++k) {
            const auto n = d.days[k].number();
            if (n < prophylaxis_first_day || n > prophylaxis_last_day) {
                return error(errc::out_of_range, field, to_string(d.days[k]), "D-10 to D+60", "COND-GVHD-001");
            }
            if (k > 0 && n <= d.days[k - 1].number()) {
                return error(errc::inconsistent, field, to_string(d.days[k - 1]) + " then " + to_string(d.days[k]),
                             "days in increasing order, each once", "COND-GVHD-001");
            }
        }
        if (d.start && d.stop && d.stop->number() < d.start->number()) {
            return error(errc::inconsistent, field, to_string(*d.start) + " to " + to_string(*d.stop),
                         "a stop day on or after the start day", "COND-GVHD-001");
        }
        p.drugs.push_back(d);
    }
    return p;
}

namespace detail {
[[nodiscard]] inline prophylaxis_drug listed(const result<agent_dose>& d, std::initializer_list<std::int32_t> days) {
    prophylaxis_drug x{d.value(), {}, std::nullopt, std::nullopt, std::nullopt};
    for (const auto n : days) {
        x.days.push_back(hsct::transplant_day::at(n));
    }
    return x;
}
[[nodiscard]] inline prophylaxis_drug from_day(const result<agent_dose>& d, std::int32_t start,
                                               std::optional<trough_target> trough = std::nullopt) {
    return prophylaxis_drug{d.value(), {}, hsct::transplant_day::at(start), std::nullopt, trough};
}
[[nodiscard]] inline gvhd_prophylaxis published_prophylaxis(std::string_view name, std::string_view source,
                                                            std::initializer_list<prophylaxis_drug> drugs) {
    return make_prophylaxis(name, source, std::span<const prophylaxis_drug>(drugs.begin(), drugs.size())).value();
}
inline constexpr trough_target tacrolimus_5_10{hsct::mass_concentration(5.0, hsct::units::ng_per_ml),
                                               hsct::mass_concentration(10.0, hsct::units::ng_per_ml),
                                               "commonly 5-10 ng/mL (reference notes 10) [M]", false};
}  // namespace detail

/// COND-GVHD-002: the published combinations.
namespace prophylaxis {
using detail::from_day;
using detail::listed;
using detail::per_kg;
using detail::per_m2;

/// Tacrolimus 0.03 mg/kg/day from day -3 (trough 5-10 ng/mL [M]) with Storb methotrexate 15
/// mg/m2 day +1, 10 mg/m2 days +3, +6, +11 [V2].
inline gvhd_prophylaxis tac_mtx() {
    return detail::published_prophylaxis(
        "Tac/MTX (Storb methotrexate)", "reference notes 10 [V2 methotrexate; M tacrolimus]; addendum A2-5",
        {from_day(make_dose<agent::tacrolimus>(per_kg(0.03)), -3, detail::tacrolimus_5_10),
         listed(make_dose<agent::methotrexate>(per_m2(15.0)), {1}),
         listed(make_dose<agent::methotrexate>(per_m2(10.0)), {3, 6, 11})});
}
/// Tacrolimus with three doses of methotrexate, 15 mg/m2 day +1 and 10 mg/m2 days +3, +6 [V2].
inline gvhd_prophylaxis tac_mtx_three_doses() {
    return detail::published_prophylaxis(
        "Tac/MTX (three doses)", "addendum A2-5 (days +1, +3, +6 in some trials) [V2]",
        {from_day(make_dose<agent::tacrolimus>(per_kg(0.03)), -3, detail::tacrolimus_5_10),
         listed(make_dose<agent::methotrexate>(per_m2(15.0)), {1}),
         listed(make_dose<agent::methotrexate>(per_m2(10.0)), {3, 6})});
}
/// Tacrolimus with mini-methotrexate 5 mg/m2 days +1, +3, +6 (Shiratori 2020) [V].
inline gvhd_prophylaxis tac_mini_mtx() {
    return detail::published_prophylaxis(
        "Tac/mini-MTX", "Shiratori 2020 via addendum A2-5 [V]",
        {from_day(make_dose<agent::tacrolimus>(per_kg(0.03)), -3, detail::tacrolimus_5_10),
         listed(make_dose<agent::methotrexate>(per_m2(5.0)), {1, 3, 6})});
}
/// PTCy 50 mg/kg days +3, +4, then tacrolimus and MMF 15 mg/kg three times a day from day +5
/// (Luznik 2008; PTCy days [V2], the rest [M]).
inline gvhd_prophylaxis ptcy_tac_mmf() {
    return detail::published_prophylaxis(
        "PTCy/Tac/MMF", "Luznik, BBMT 2008;14:641 via reference notes 10 [V2 PTCy days; M the rest]",
        {listed(make_dose<agent::cyclophosphamide>(per_kg(50.0)), {3, 4}),
         from_day(make_dose<agent::tacrolimus>(per_kg(0.03)), 5, detail::tacrolimus_5_10),
         from_day(make_dose<agent::mycophenolate>(per_kg(45.0)), 5)});
}
/// Seattle non-myeloablative: cyclosporine 5 mg/kg twice a day from day -3, MMF 15 mg/kg three
/// times a day from day 0 (unrelated donors; Nakamae 2010) [V2].
inline gvhd_prophylaxis csa_mmf_seattle() {
    return detail::published_prophylaxis(
        "CSA/MMF (Seattle)", "Nakamae, BBMT 2010 (PMC2822012) [V2]",
        {from_day(make_dose<agent::cyclosporine>(per_kg(10.0)), -3),
         from_day(make_dose<agent::mycophenolate>(per_kg(45.0)), 0)});
}
}  // namespace prophylaxis

/// One drug's doses for a patient.
struct prophylaxis_drug_dose {
    agent which;
    agent_dose prescribed;
    std::optional<hsct::patient::dosing_weight_result> weighting;
    std::optional<hsct::total_dose> per_day;
    /// Listed days only: amount a day x days.
    std::optional<hsct::total_dose> course_total;
};

/// The prophylaxis's doses for a patient, drug by drug.
struct prophylaxis_dose_result {
    prophylaxis_dose_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions §5
    hsct::fixed_list<prophylaxis_drug_dose, 4> drugs;
};

/// COND-GVHD-003: the doses of a prophylaxis for a patient (as calculate_doses: the drug's
/// dosing-weight policy, amount a day, a course total for listed days). Errors as
/// calculate_doses.
template <class = void>
[[nodiscard]] result<prophylaxis_dose_result> prophylaxis_doses(
    const gvhd_prophylaxis& p, const hsct::patient::body_measures& m,
    const dosing_policies& policies = commonly_reported_policies()) {
    result<prophylaxis_dose_result> out(std::in_place);
    for (std::size_t i = 0; i < p.drugs.size(); ++i) {
        const auto& d = p.drugs[i];
        // One day of the drug, as a one-component regimen: the day itself does not change the dose.
        regimen_component c{d.per_day, {}};
        c.days.push_back(hsct::transplant_day::at(0));
        const std::array<regimen_component, 1> one{c};
        const auto r = make_regimen(p.name, p.source, one);
        if (!r) {
            out = with_field(r.error(), field_ref("prophylaxis.drugs").at(i));
            return out;
        }
        const auto doses = calculate_doses(*r, m, policies);
        if (!doses) {
            out = doses.error();
            return out;
        }
        const auto& x = doses->components[0];
        prophylaxis_drug_dose y{x.which, x.prescribed, x.weighting, x.per_day, std::nullopt};
        if (!d.days.empty() && x.per_day) {
            y.course_total = hsct::total_dose(x.per_day->in(hsct::units::mg) * static_cast<double>(d.days.size()),
                                              hsct::units::mg);
        }
        out->drugs.push_back(y);
    }
    return out;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_GVHD_PROPHYLAXIS_HPP
