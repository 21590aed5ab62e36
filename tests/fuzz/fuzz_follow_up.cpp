// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the follow-up module's dated rules: the input is read as patients' outcome
// events (kinds, dates that may go backwards or before Day 0, undeclared causes, grades and
// severities, events after a death or a last contact) turned into endpoints under options taken
// from the input; the accepted patients' observations are then estimated (Kaplan-Meier for overall
// survival, cumulative incidence for relapse with NRM competing); a reporting schedule and a
// late-effects due list are built from dates in the input.
// Invariants, checked with __builtin_trap:
//  - a refusal names a field; an accepted patient has five endpoint records, in order, each on a day
//    D0..D+36525 with a declared status;
//  - relapse and NRM end on the same day, one the event when the other is the competing event;
//    RFS ends no later than overall survival and GRFS no later than RFS; a death makes OS an event;
//  - the estimators accept every accepted observation; S and the CIF stay in [0, 1], S never rises,
//    limits enclose the estimate, and F1 + F2 + S = 1;
//  - a schedule's windows enclose nothing backwards and its reports of one HCT come in date order;
//  - revaccination (doses, dates, states and undeclared numbers from the input): a refusal names a
//    field; a due vaccine has its next dose and an earliest date on or before the assessment, a
//    vaccine not yet due with a date has it after the assessment.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

#include <hsct/follow_up/endpoints.hpp>
#include <hsct/follow_up/reporting.hpp>
#include <hsct/follow_up/revaccination.hpp>
#include <hsct/follow_up/screening.hpp>
#include <hsct/follow_up/survival.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_follow_up: %s\n", what);
    __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace f = hsct::follow_up;
    using std::chrono::days;
    if (size < 4) {
        return 0;
    }
    f::endpoint_options o;
    o.grfs_chronic = static_cast<f::grfs_chronic_gvhd>(1U + (data[0] & 1U));
    o.grfs_acute = static_cast<f::grfs_acute_gvhd>(1U + ((data[0] >> 1U) & 1U));
    o.disease_death = static_cast<f::disease_death_policy>(1U + ((data[0] >> 2U) & 1U));
    o.subsequent_hct = static_cast<f::subsequent_hct_policy>(1U + ((data[0] >> 3U) & 1U));
    if ((data[0] & 0xF0U) == 0xF0U) {
        o.grfs_acute = static_cast<f::grfs_acute_gvhd>(7);  // an undeclared option now and then
    }
    const hsct::sys_days day0 = hsct::sys_days{days{10957 + 37 * static_cast<int>(data[1])}};
    std::vector<f::observation> os;
    std::vector<f::observation> relapse;
    std::vector<f::outcome_event> events;
    std::size_t i = 2;
    while (i < size) {
        // one patient: a count, then 4 bytes an event
        const std::size_t count = data[i++] % 8U;
        events.clear();
        int day = -2;
        for (std::size_t k = 0; k < count && i + 4 <= size; ++k, i += 4) {
            f::outcome_event e;
            e.kind = static_cast<f::outcome_event_kind>(data[i] % 9U);
            day += (data[i + 1] & 0x80U) != 0U ? -static_cast<int>(data[i + 1] & 0x0FU) : static_cast<int>(data[i + 1]) * 3;
            e.date = day0 + days{day};
            e.cause = static_cast<f::death_cause>(data[i + 2] % 5U);
            e.grade = static_cast<f::acute_gvhd_grade>(data[i + 2] % 6U);
            e.severity = static_cast<f::chronic_gvhd_severity>(data[i + 2] % 5U);
            e.systemic_therapy = (data[i + 3] & 1U) != 0U;
            events.push_back(e);
        }
        const auto r = f::assess_endpoints(f::patient_outcomes{day0, events}, o);
        if (!r) {
            if (r.error().field().empty()) {
                fail("a refusal without a field");
            }
            continue;
        }
        const auto& at = [&](f::endpoint e) -> const f::endpoint_record& { return r->at(e); };
        for (std::size_t k = 0; k < r->records.size(); ++k) {
            const auto& rec = r->records[k];
            if (static_cast<std::size_t>(rec.which) != k + 1 || rec.obs.time.number() < 0 ||
                rec.obs.time.number() > hsct::transplant_day::max_offset || !is_valid(rec.obs.status) ||
                rec.event_index >= events.size()) {
                fail("an endpoint record out of place or out of range");
            }
        }
        using st = f::observation_status;
        const auto& rel = at(f::endpoint::relapse);
        const auto& nrm = at(f::endpoint::non_relapse_mortality);
        if (rel.obs.time != nrm.obs.time || (rel.obs.status == st::event) != (nrm.obs.status == st::competing_event) ||
            (nrm.obs.status == st::event) != (rel.obs.status == st::competing_event)) {
            fail("relapse and NRM do not compete");
        }
        if (at(f::endpoint::relapse_free_survival).obs.time > at(f::endpoint::overall_survival).obs.time ||
            at(f::endpoint::gvhd_free_relapse_free_survival).obs.time > at(f::endpoint::relapse_free_survival).obs.time) {
            fail("a composite endpoint ends after its parts");
        }
        const bool died = events.back().kind == f::outcome_event_kind::death;
        if (died != (at(f::endpoint::overall_survival).obs.status == st::event)) {
            fail("overall survival does not follow the death");
        }
        os.push_back(at(f::endpoint::overall_survival).obs);
        relapse.push_back(rel.obs);
    }
    // the estimators over what was accepted
    const auto km = f::kaplan_meier(os);
    if (!km) {
        fail("Kaplan-Meier refused endpoint observations");
    }
    double last = 1.0;
    for (const auto& s : km->steps) {
        if (!(s.estimate >= 0.0 && s.estimate <= last + 1e-12 && s.lower <= s.estimate + 1e-12 &&
              s.upper >= s.estimate - 1e-12)) {
            fail("a Kaplan-Meier step out of order or outside its limits");
        }
        last = s.estimate;
    }
    const auto cif = f::cumulative_incidence(relapse);
    if (!cif) {
        fail("cumulative incidence refused endpoint observations");
    }
    for (const auto& s : cif->steps) {
        if (!(s.estimate >= 0.0 && s.estimate <= 1.0 + 1e-12 &&
              std::fabs(s.estimate + s.competing_estimate + s.event_free - 1.0) < 1e-9)) {
            fail("F1 + F2 + S is not 1");
        }
    }
    // a reporting schedule: a second HCT from the input, until a date from the input
    auto t = hsct::timeline::single(day0);
    if (!t) {
        return 0;
    }
    auto t2 = t->with_subsequent_hct(day0 + days{1 + 5 * static_cast<int>(data[2])});
    const hsct::timeline& tl = (data[3] & 1U) != 0U && t2 ? *t2 : *t;
    f::subsequent_hct_info info{2, static_cast<f::subsequent_hct_kind>(data[3] % 4U), std::nullopt};
    if ((data[3] & 8U) != 0U) {
        info.preparative_start = day0 + days{static_cast<int>(data[3] >> 4U) * 20 - 40};
    }
    f::reporting_options ro;
    ro.annual_window = days{static_cast<int>(data[size - 1]) - 20};
    const auto form = static_cast<f::registry_form>(1U + data[2] % 3U);
    const auto s = f::reporting_schedule(
        f::reporting_input{tl, form, day0 + days{40 * static_cast<int>(data[size - 1])}, std::span(&info, 1)}, ro);
    if (!s) {
        if (s.error().field().empty()) {
            fail("a schedule refusal without a field");
        }
    } else {
        for (std::size_t k = 0; k < s->size(); ++k) {
            const auto& p = (*s)[k];
            if (p.window_start > p.window_end ||
                (k > 0 && (*s)[k - 1].hct_number == p.hct_number && (*s)[k - 1].nominal_date > p.nominal_date)) {
                fail("a report window backwards or reports out of order");
            }
        }
    }
    // a due list on a date from the input
    f::screening_input si;
    si.day0 = day0;
    si.on = day0 + days{static_cast<int>(data[size - 1]) * 15 - 30};
    si.donor = (data[2] & 1U) != 0U ? hsct::donor_type::autologous : hsct::donor_type::unrelated;
    si.exposures = hsct::enum_set<f::screening_exposure>::from_bits(data[3]);
    const auto due = f::assess_screening(si);
    if (!due && due.error().field().empty()) {
        fail("a screening refusal without a field");
    }
    // revaccination on a date from the input, with doses from the input
    f::revaccination_input vi;
    vi.timeline = &tl;
    vi.on = day0 + days{static_cast<int>(data[size - 1]) * 5 + static_cast<int>(data[2]) * 3};
    vi.donor = static_cast<hsct::donor_type>(data[3] % 8U);
    vi.gvhd = static_cast<f::gvhd_state>(data[2] % 6U);
    vi.immunosuppression = static_cast<f::immunosuppression_state>(data[1] % 6U);
    if (vi.immunosuppression == f::immunosuppression_state::stopped && (data[0] & 1U) != 0U) {
        vi.immunosuppression_stopped = day0 + days{static_cast<int>(data[1]) * 4};
    }
    if ((data[0] & 2U) != 0U) {
        vi.last_ivig = day0 + days{static_cast<int>(data[3]) * 4};
    }
    if ((data[0] & 4U) != 0U) {
        vi.last_rituximab = day0 + days{static_cast<int>(data[2]) * 2};
    }
    if ((data[0] & 8U) != 0U) {
        vi.chronic_gvhd_resolved = day0 + days{static_cast<int>(data[1]) * 3};
    }
    vi.measles = static_cast<f::serostatus>(data[3] % 5U);
    vi.varicella = static_cast<f::serostatus>(data[1] % 5U);
    vi.relapse = (data[0] & 16U) != 0U;
    if ((data[0] & 32U) != 0U) {
        vi.age = hsct::age::make(static_cast<int>(data[2] % 90U), 0).value();
    }
    std::vector<f::vaccine_dose> doses;
    for (std::size_t k = 4; k + 1 < size && doses.size() < 40; k += 2) {
        doses.push_back({static_cast<f::vaccine>(data[k] % 17U), day0 + days{static_cast<int>(data[k + 1]) * 9 - 100}});
    }
    vi.doses = doses;
    f::revaccination_options vo;
    vo.schedule = static_cast<f::vaccination_schedule>(1U + data[size - 1] % 3U);
    vo.live_gate = static_cast<f::live_vaccine_gate>(1U + data[size - 2] % 6U);
    const auto vr = f::assess_revaccination(vi, vo);
    if (!vr) {
        if (vr.error().field().empty()) {
            fail("a revaccination refusal without a field");
        }
        return 0;
    }
    for (const auto& d : vr->vaccines) {
        if (!is_valid(d.status)) {
            fail("an undeclared vaccine status");
        }
        if (d.status == f::vaccine_status::due && (d.next_dose == 0 || !d.earliest || *d.earliest > vi.on)) {
            fail("a vaccine due without its dose or before its earliest date");
        }
        if (d.status == f::vaccine_status::not_yet_due && d.earliest && *d.earliest <= vi.on) {
            fail("a vaccine not yet due whose earliest date has passed");
        }
    }
    return 0;
}
