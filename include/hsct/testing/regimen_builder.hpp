// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A builder of conditioning plans for users' tests: one of the regimens hsct ships (drawn, or
// chosen), laid on the calendar from a drawn Day 0 and dosed for a synthetic patient, every part
// made through hsct's own rules (schedule_regimen, calculate_doses, assess_intensity).
//
//   namespace t = hsct::testing;
//   t::generator g(7);
//   auto p = t::make_patient(g);                        // builders.hpp
//   auto plan = t::make_conditioning_plan(g, *p);       // result<conditioning_plan>
//   plan->regimen.name(); plan->schedule.administrations; plan->doses.components; plan->intensity;
//
// TEST-BUILD-009: the plan's regimen is one of hsct's shipped regimens (`shipped_regimens()`,
// drawn uniformly unless one is chosen by name); Day 0 is drawn within the options' window
// (default: 2024-01-01 plus 0-730 days) unless given; the schedule, doses and intensity are what
// schedule_regimen, calculate_doses (with the commonly reported policies) and assess_intensity
// give for the patient's height, weight, sex and age. An option out of range, an unknown regimen
// name, or a rule that refuses the patient (a policy that does not apply) is an error naming it.
#ifndef HSCT_TESTING_REGIMEN_BUILDER_HPP
#define HSCT_TESTING_REGIMEN_BUILDER_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hsct/conditioning/dose_calculation.hpp"
#include "hsct/conditioning/intensity.hpp"
#include "hsct/conditioning/regimen.hpp"
#include "hsct/conditioning/schedule.hpp"
#include "hsct/core/result.hpp"
#include "hsct/patient/dosing_weight.hpp"
#include "hsct/testing/builders.hpp"
#include "hsct/testing/random.hpp"

namespace hsct::testing {

/// TEST-BUILD-009: the regimens hsct ships, in a fixed order (the draw's order).
template <class = void>
[[nodiscard]] std::array<conditioning::regimen, 12> shipped_regimens() {
    namespace r = conditioning::regimens;
    return {r::bu_cy_oral(), r::bu_cy_iv(), r::cy_tbi(), r::flu_bu4(), r::flu_bu2(), r::flu_mel(),
            r::beam(),       r::mel200(),   r::flu_cy_tbi_ptcy(), r::flu_tbi_2gy(), r::flu_treo(), r::tbf()};
}

/// TEST-BUILD-009: the options of make_conditioning_plan.
struct conditioning_plan_options {
    std::optional<std::string> regimen;    ///< a shipped regimen's name; drawn if not given
    std::optional<sys_days> day0;          ///< drawn if not given
    sys_days earliest_day0{std::chrono::year(2024) / 1 / 1};
    int day0_window_days = 730;            ///< 0-3650: Day 0 is earliest_day0 + 0..window
};

/// TEST-BUILD-009: a regimen on the calendar, dosed for one patient.
struct conditioning_plan {
    conditioning::regimen regimen;
    conditioning::regimen_schedule schedule;
    conditioning::regimen_doses doses;
    conditioning::intensity_result intensity;
};

/// TEST-BUILD-009: a conditioning plan for `p` (see the header comment).
template <class = void>
[[nodiscard]] hsct::result<conditioning_plan> make_conditioning_plan(generator& g, const synthetic_patient& p,
                                                                      const conditioning_plan_options& o = {}) {
    if (o.day0_window_days < 0 || o.day0_window_days > 3650) {
        return hsct::error(errc::out_of_range, "options.day0_window_days", std::to_string(o.day0_window_days),
                           "0-3650 days", "TEST-BUILD-009");
    }
    const auto all = shipped_regimens();
    std::size_t which = 0;
    if (o.regimen) {
        bool found = false;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (all[i].name() == *o.regimen) {
                which = i;
                found = true;
            }
        }
        if (!found) {
            return hsct::error(errc::syntax, "options.regimen", *o.regimen, "the name of a regimen hsct ships",
                               "TEST-BUILD-009");
        }
    } else {
        which = g.uniform_int<std::size_t>(0, all.size() - 1);
    }
    const sys_days day0 = o.day0 ? *o.day0 : o.earliest_day0 + std::chrono::days(g.uniform_int<int>(0, o.day0_window_days));
    const auto m = patient::body_measures::make(p.height, p.weight, p.sex, p.age);
    if (!m) {
        return m.error();
    }
    auto schedule = conditioning::schedule_regimen(all[which], day0);
    if (!schedule) {
        return schedule.error();
    }
    auto doses = conditioning::calculate_doses(all[which], *m);
    if (!doses) {
        return doses.error();
    }
    auto intensity = conditioning::assess_intensity(all[which]);
    if (!intensity) {
        return intensity.error();
    }
    return conditioning_plan{all[which], *schedule, *doses, *intensity};
}

}  // namespace hsct::testing

#endif  // HSCT_TESTING_REGIMEN_BUILDER_HPP
