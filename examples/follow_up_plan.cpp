// hsct example: one patient's follow-up calendar for the first two years after an allogeneic HCT
// (Day 0 = 2024-03-01, the reference notes' worked example 11.9): the CIBMTR reports and their
// contact windows, the late-effects screening reviews with what each lists, and the vaccinations,
// each dose on the first day the revaccination rule says it is due. Output is checked against
// follow_up_plan.expected in CI.
//
// The patient: an adult woman, unrelated donor, TBI in the conditioning (from D-7, 2024-02-23); immunosuppression stopped
// on 2025-06-01 (so the 6-month and 1-year reviews list the rows for patients on it), the last IVIG on 2025-09-15, no GVHD, seronegative for measles and varicella.
#include <hsct/follow_up/reporting_text.hpp>
#include <hsct/follow_up/revaccination_text.hpp>
#include <hsct/follow_up/screening_text.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {
namespace f = hsct::follow_up;
using namespace std::chrono;

struct entry {
    hsct::sys_days date;
    int order;  // forms, then reviews, then vaccines on one date
    std::string text;
};

std::string day_of(hsct::sys_days d, hsct::sys_days day0) {
    return hsct::to_string(hsct::transplant_day::at(static_cast<std::int32_t>((d - day0).count())));
}
}  // namespace

int main() {
    const hsct::sys_days day0{2024y / March / 1};
    const hsct::sys_days until = f::add_months(day0, 24).value();
    const auto timeline = hsct::timeline::single(day0).value();
    std::vector<entry> calendar;

    // CIBMTR Post-TED reports (FU-REP-001..005)
    f::reporting_input ri{timeline, f::registry_form::cibmtr_post_ted_2450, until};
    ri.preparative_start = hsct::sys_days{2024y / February / 23};  // conditioning from D-7
    const auto reports = f::reporting_schedule(ri);
    if (!reports) {
        std::cerr << reports.error().message() << "\n";
        return 1;
    }
    for (const auto& p : *reports) {
        calendar.push_back({p.nominal_date, 0, "report  " + f::render(p)});
    }

    // late-effects screening at 6 months, 1 year and 2 years (FU-SCR-001..004)
    f::screening_input s;
    s.day0 = day0;
    s.donor = hsct::donor_type::unrelated;
    s.recipient_sex = hsct::sex::female;
    s.child = false;
    s.pubertal = f::pubertal_status::postpubertal;
    const hsct::sys_days is_stop{2025y / June / 1};  // immunosuppression until then
    for (const int months : {6, 12, 24}) {
        s.on = f::add_months(day0, months).value();
        s.exposures = hsct::enum_set<f::screening_exposure>{};
        s.exposures.insert(f::screening_exposure::tbi);
        s.exposures.insert_if(f::screening_exposure::immunosuppression, s.on < is_stop);
        const auto due = f::assess_screening(s);
        if (!due) {
            std::cerr << due.error().message() << "\n";
            return 1;
        }
        std::string text = "screen  " + std::string(hsct::label(due->visit)) + ":";
        for (const auto& item : due->items) {
            text += "\n          " + std::string(hsct::label(item.test)) +
                    (item.basis == f::screening_basis::all_recipients ? "" : " (" + std::string(hsct::label(item.basis)) + ")");
        }
        calendar.push_back({due->visit_date, 1, text});
    }

    // vaccinations: each dose on the first day it is due (FU-VAC-001..025)
    f::revaccination_input v;
    v.timeline = &timeline;
    v.donor = hsct::donor_type::unrelated;
    v.gvhd = f::gvhd_state::none;
    v.measles = f::serostatus::negative;
    v.varicella = f::serostatus::negative;
    v.age = hsct::age::make(45, 0).value();
    std::vector<f::vaccine_dose> given;
    f::revaccination_result at_end;
    const hsct::sys_days ivig{2025y / September / 15};
    for (hsct::sys_days d = day0; d <= until; d += days{1}) {
        v.on = d;
        const bool on_is = d < is_stop;  // immunosuppression until 2025-06-01
        v.immunosuppression = on_is ? f::immunosuppression_state::ongoing : f::immunosuppression_state::stopped;
        v.immunosuppression_stopped = on_is ? std::nullopt : std::optional(is_stop);
        v.last_ivig = d >= ivig ? std::optional(ivig) : std::nullopt;
        v.doses = given;
        const auto r = f::assess_revaccination(v);
        if (!r) {
            std::cerr << r.error().message() << "\n";
            return 1;
        }
        for (const auto& dec : r->vaccines) {
            // the recommended ones; those a country's recommendations decide (HPV, meningococcal,
            // varicella) are listed at the end
            if (dec.status == f::vaccine_status::due && dec.row != nullptr &&
                dec.row->advice == f::vaccine_advice::recommended) {
                const bool in_series = dec.next_dose <= dec.doses_planned;
                calendar.push_back({d, 2,
                                    "vaccine " + std::string(hsct::label(dec.which)) + ": dose " +
                                        std::to_string(dec.next_dose) +
                                        (in_series ? " of " + std::to_string(dec.doses_planned) : " (a repeat dose)")});
                given.push_back({dec.which, d});
            }
        }
        at_end = *r;
    }

    std::stable_sort(calendar.begin(), calendar.end(), [](const entry& a, const entry& b) {
        return a.date != b.date ? a.date < b.date : a.order < b.order;
    });
    std::cout << "Follow-up calendar, Day 0 " << hsct::to_string(day0) << " to " << hsct::to_string(until) << "\n";
    for (const auto& e : calendar) {
        std::cout << hsct::to_string(e.date) << " " << day_of(e.date, day0) << "  " << e.text << "\n";
    }
    std::cout << "\nVaccines not given by " << hsct::to_string(until) << " (optional or conditional ones included):\n";
    for (const auto& dec : at_end.vaccines) {
        const bool given_today = dec.status == f::vaccine_status::due && dec.row != nullptr &&
                                 dec.row->advice == f::vaccine_advice::recommended;
        if (dec.status != f::vaccine_status::series_complete && !given_today) {
            std::cout << "  " << f::render(dec) << "\n";
        }
    }
    return 0;
}
