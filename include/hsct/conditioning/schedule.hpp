// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A regimen laid on the calendar: every administration dated from Day 0, checked against Day 0
// and the regimen's rest days, and moved whole when Day 0 moves.
//
//   using namespace hsct::conditioning;
//   using namespace std::chrono;
//   auto s = schedule_regimen(regimens::flu_mel(), sys_days{2026y / March / 10});
//   s->administrations[0].date;     // 2026-03-05: fludarabine, D-5
//   auto later = s->moved_to(sys_days{2026y / March / 12});   // Day 0 two days later: all shift
//
// COND-SCHED-001: a component is either conditioning (every day before Day 0) or after the graft
// (every day after Day 0, such as post-transplant cyclophosphamide); a component whose days cross
// Day 0 is refused. On Day 0 itself only TBI is accepted (the Seattle regimen gives 2 Gy on Day 0
// before the graft [V2]); any other agent on Day 0 is refused (hsct's policy [P]: chemotherapy
// on the day of infusion is not part of any regimen it ships). COND-SCHED-002: the regimen's rest
// days stay free (make_regimen checks them; a schedule keeps them, dated). Dates are calendar
// dates (std::chrono::sys_days); Day n is Day 0 + n days (CORE-DAY-005).
#ifndef HSCT_CONDITIONING_SCHEDULE_HPP
#define HSCT_CONDITIONING_SCHEDULE_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "hsct/conditioning/agent.hpp"
#include "hsct/conditioning/regimen.hpp"
#include "hsct/conditioning/vocabulary.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::conditioning {

/// One dated administration: an agent's per-day dose on one day.
struct administration {
    agent which;
    agent_dose per_day;
    hsct::transplant_day day;
    std::chrono::sys_days date;
    std::uint8_t component;  ///< the regimen component it comes from
};

/// A regimen on the calendar: its administrations in day order (then component order), its rest
/// days dated, and Day 0.
struct regimen_schedule {
    std::chrono::sys_days day0;
    hsct::fixed_list<administration, 96> administrations;
    hsct::fixed_list<std::chrono::sys_days, 4> rest_dates;

    /// COND-SCHED-001: the same schedule with Day 0 on another date: every date moves by the
    /// same number of days; the transplant days do not change.
    [[nodiscard]] regimen_schedule moved_to(std::chrono::sys_days new_day0) const {
        regimen_schedule s = *this;
        const auto shift = new_day0 - day0;
        s.day0 = new_day0;
        for (auto& a : s.administrations) {
            a.date += shift;
        }
        for (auto& d : s.rest_dates) {
            d += shift;
        }
        return s;
    }
};

/// COND-SCHED-001/002: lays a regimen on the calendar from its Day 0. Errors: a component whose
/// days cross Day 0, or an agent other than TBI on Day 0 (errc::inconsistent, the component
/// named).
template <class = void>
[[nodiscard]] result<regimen_schedule> schedule_regimen(const regimen& r, std::chrono::sys_days day0) {
    regimen_schedule s;
    s.day0 = day0;
    const auto comps = r.components();
    for (std::size_t i = 0; i < comps.size(); ++i) {
        const auto& c = comps[i];
        const auto field = field_ref("regimen.components", "days").at(i);
        const bool before = c.days[0].number() <= 0;
        for (const auto d : c.days) {
            if ((d.number() <= 0) != before) {
                return error(errc::inconsistent, field,
                             to_string(c.days[0]) + " to " + to_string(c.days[c.days.size() - 1]),
                             "days all on or before Day 0 (conditioning) or all after it "
                             "(post-transplant)",
                             "COND-SCHED-001");
            }
            if (d.number() == 0 && c.per_day.which() != agent::tbi) {
                return error(errc::inconsistent, field, std::string(id(c.per_day.which())) + " on D0",
                             "no agent but TBI on Day 0 (hsct policy)", "COND-SCHED-001");
            }
        }
    }
    // day order, then component order: a merge by day over the components
    for (std::int32_t day = regimen_first_day; day <= regimen_last_day; ++day) {
        for (std::size_t i = 0; i < comps.size(); ++i) {
            for (const auto d : comps[i].days) {
                if (d.number() == day) {
                    s.administrations.push_back({comps[i].per_day.which(), comps[i].per_day, d,
                                                 day0 + std::chrono::days(day),
                                                 static_cast<std::uint8_t>(i)});
                }
            }
        }
    }
    for (const auto rest : r.rest_days()) {
        s.rest_dates.push_back(day0 + std::chrono::days(rest.number()));
    }
    return s;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_SCHEDULE_HPP
