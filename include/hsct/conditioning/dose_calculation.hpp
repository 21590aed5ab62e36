// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A regimen's doses for one patient, with every step as data so a pharmacist can check it: for
// each component, the dose as prescribed (mg/kg, mg/m2, mg or Gy a day), the weight or body
// surface area it was multiplied by, which one and why (patient/dosing_weight.hpp), the amount
// a day and the course total.
//
//   using namespace hsct::conditioning;
//   auto m = hsct::patient::body_measures::make(*height, *weight, hsct::sex::female, adult);
//   auto d = calculate_doses(regimens::flu_mel(), *m);         // result<regimen_doses>
//   d->components[1].per_day->in(hsct::units::mg);            // melphalan mg a day
//   d->components[1].weighting->bsa->value;                   // the BSA used, and its formula
//   d->components[1].weighting->reason;                       // why that weight
//   d->components[1].total->in(hsct::units::mg);              // the course total
//
// COND-DOSE-001: the weight or BSA of each agent comes from a dosing-weight policy per agent
// (dosing_policies). The default for each agent is the patient stage's commonly reported
// practice row for its class (PAT-DOSE-010: busulfan and thiotepa on AIBW25 above 120 % IBW,
// high-dose cyclophosphamide on AdjBW50 at 150 % IBW, fludarabine and BEAM on an actual-weight
// BSA, melphalan on an AIBW25-based BSA above 120 % IBW, ATG on actual weight), labelled
// "commonly reported practice [unverified as normative]"; an agent that table does not list
// (treosulfan, the GVHD prophylaxis drugs) on an actual-weight BSA (per m2) or actual weight (per
// kg) [P]; a centre replaces any row. Alemtuzumab (flat mg) and TBI
// (Gy) take no weight. COND-DOSE-002: amount a day = prescribed dose x the weight or BSA; course
// total = amount a day x days; hsct rounds, caps and reduces nothing (no source states a rule
// for these agents; a centre's rounding belongs in its pharmacy system and is not applied here).
#ifndef HSCT_CONDITIONING_DOSE_CALCULATION_HPP
#define HSCT_CONDITIONING_DOSE_CALCULATION_HPP

#include <array>
#include <cstddef>
#include <optional>

#include "hsct/conditioning/agent.hpp"
#include "hsct/conditioning/regimen.hpp"
#include "hsct/conditioning/vocabulary.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/patient/dosing_weight.hpp"

namespace hsct::conditioning {

/// COND-DOSE-001: the practice-table class of an agent, if it has one.
[[nodiscard]] constexpr std::optional<hsct::patient::agent_class> agent_class_of(agent a) noexcept {
    using hsct::patient::agent_class;
    switch (a) {
        case agent::busulfan_iv:
        case agent::busulfan_oral: return agent_class::busulfan;
        case agent::cyclophosphamide: return agent_class::cyclophosphamide_high_dose;
        case agent::fludarabine: return agent_class::fludarabine;
        case agent::melphalan: return agent_class::melphalan;
        case agent::carmustine:
        case agent::etoposide:
        case agent::cytarabine: return agent_class::beam;
        case agent::thiotepa: return agent_class::thiotepa;
        case agent::atg_thymoglobulin:
        case agent::atg_grafalon: return agent_class::atg;
        case agent::treosulfan:
        case agent::alemtuzumab:
        case agent::tbi:
        case agent::methotrexate:
        case agent::cyclosporine:
        case agent::tacrolimus:
        case agent::mycophenolate:
        case agent::sirolimus:
        case agent::abatacept: break;
    }
    return std::nullopt;
}

/// COND-DOSE-001: a dosing-weight policy for every agent (indexed by agent - 1). Alemtuzumab and
/// TBI entries are not read.
struct dosing_policies {
    std::array<hsct::patient::dosing_weight_options, agent_count> by_agent;
    [[nodiscard]] const hsct::patient::dosing_weight_options& of(agent a) const {
        return by_agent[static_cast<std::size_t>(a) - 1U];
    }
    [[nodiscard]] hsct::patient::dosing_weight_options& of(agent a) {
        return by_agent[static_cast<std::size_t>(a) - 1U];
    }
};

/// COND-DOSE-001: the default policies (commonly reported practice; treosulfan [P]).
[[nodiscard]] inline dosing_policies commonly_reported_policies() {
    dosing_policies p;
    for (std::size_t i = 0; i < p.by_agent.size(); ++i) {
        const auto a = static_cast<agent>(i + 1);
        if (const auto cls = agent_class_of(a)) {
            p.by_agent[i] = hsct::patient::commonly_reported_policy(*cls);
        } else if (info_of(a).basis == dose_basis::per_m2) {
            p.by_agent[i] = hsct::patient::policies::bsa_actual();
            p.by_agent[i].name = "BSA on actual weight [hsct policy, unverified]";
        } else {
            p.by_agent[i] = hsct::patient::policies::actual_weight();
            p.by_agent[i].name = "actual body weight [hsct policy, unverified]";
        }
    }
    return p;
}

/// One component's doses for the patient.
struct component_dose {
    agent which;
    agent_dose prescribed;  ///< the regimen's per-day dose (mg/kg, mg/m2, mg or Gy)
    /// The weight or BSA it was multiplied by, which and why (empty for alemtuzumab and TBI).
    std::optional<hsct::patient::dosing_weight_result> weighting;
    std::optional<hsct::total_dose> per_day;       ///< mg a day (drugs)
    std::optional<hsct::total_dose> total;         ///< mg over the course (drugs)
    std::optional<hsct::radiation_dose> per_day_gy;  ///< TBI
    std::optional<hsct::radiation_dose> total_gy;    ///< TBI
    int days;
};

/// The regimen's doses for one patient, component by component in the regimen's order.
struct regimen_doses {
    regimen_doses() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions §5
    hsct::fixed_list<component_dose, 8> components;
};

namespace detail {
[[nodiscard]] inline std::optional<hsct::patient::dose_scale> scale_of(dose_basis b) noexcept {
    switch (b) {
        case dose_basis::per_kg: return hsct::patient::dose_scale::per_kg;
        case dose_basis::per_m2: return hsct::patient::dose_scale::per_m2;
        case dose_basis::flat:
        case dose_basis::radiation: break;
    }
    return std::nullopt;
}
}  // namespace detail

/// COND-DOSE-001/002: every component's doses for a patient. Errors: a policy whose scale is
/// not the agent's basis (a per-m2 policy for busulfan: errc::inconsistent, field
/// "policies.<agent>"); a policy the patient stage refuses (its error, under that field); a
/// policy that does not apply to this patient (a child under an IBW policy: errc::not_allowed,
/// the component named).
template <class = void>
[[nodiscard]] result<regimen_doses> calculate_doses(
    const regimen& r, const hsct::patient::body_measures& m,
    const dosing_policies& policies = commonly_reported_policies()) {
    result<regimen_doses> out(std::in_place);
    for (std::size_t i = 0; i < r.components().size(); ++i) {
        const auto& c = r.components()[i];
        const agent a = c.per_day.which();
        component_dose d{a, c.per_day, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                         static_cast<int>(c.days.size())};
        const double days = static_cast<double>(d.days);
        if (c.per_day.basis() == dose_basis::radiation) {
            d.per_day_gy = hsct::radiation_dose(c.per_day.value(), hsct::units::Gy);
            d.total_gy = hsct::radiation_dose(c.per_day.value() * days, hsct::units::Gy);
            out->components.push_back(d);
            continue;
        }
        if (c.per_day.basis() == dose_basis::flat) {
            d.per_day = hsct::total_dose(c.per_day.value(), hsct::units::mg);
            d.total = hsct::total_dose(c.per_day.value() * days, hsct::units::mg);
            out->components.push_back(d);
            continue;
        }
        const auto& p = policies.of(a);
        const auto field = field_ref("policies", id(a));
        if (p.scale != *detail::scale_of(c.per_day.basis())) {
            out = error(errc::inconsistent, field, std::string(id(p.scale)),
                        std::string("a policy on the agent's basis (") + std::string(id(*detail::scale_of(c.per_day.basis()))) + ")",
                        "COND-DOSE-001");
            return out;
        }
        auto w = hsct::patient::assess_dosing_weight(m, p);
        if (!w) {
            out = with_field(w.error(), field);
            return out;
        }
        if (!w->applies()) {
            out = error(errc::not_allowed, field_ref("regimen.components", id(a)).at(i), std::string(p.name),
                        "a dosing-weight policy that applies to this patient (this one does not: "
                        "choose another for the agent)",
                        "COND-DOSE-001");
            return out;
        }
        const auto amount = c.per_day.basis() == dose_basis::per_kg ? w->dose(*c.per_day.per_kg())
                                                                    : w->dose(*c.per_day.per_m2());
        if (!amount) {
            out = with_field(amount.error(), field);
            return out;
        }
        d.per_day = *amount;
        d.total = hsct::total_dose(amount->in(hsct::units::mg) * days, hsct::units::mg);
        d.weighting = std::move(*w);
        out->components.push_back(d);
    }
    return out;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_DOSE_CALCULATION_HPP
