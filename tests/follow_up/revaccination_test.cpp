// Tests for include/hsct/follow_up/revaccination.hpp and vaccination_schedule.hpp: the schedule
// rows (FU-VAC-001..010), the rule for a patient on a date (FU-VAC-011..025), the reference
// notes' worked example 11.9 under each live gate, leap days, a second HCT and bad input.
#include <hsct/follow_up/revaccination.hpp>
#include <hsct/follow_up/vaccination_schedule.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>
#include <span>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_revaccination_test {

namespace f = hsct::follow_up;
using vs = f::vaccine_status;
using vx = f::vaccine;
using crit = f::revaccination_criterion;

hsct::sys_days ymd(int y, unsigned m, unsigned d) {
    return hsct::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

hsct::timeline one_hct(hsct::sys_days day0) { return hsct::timeline::single(day0).value(); }

/// An adult allogeneic recipient without GVHD, never immunosuppressed, seronegative.
f::revaccination_input patient(const hsct::timeline& t, hsct::sys_days on) {
    f::revaccination_input in;
    in.timeline = &t;
    in.on = on;
    in.donor = hsct::donor_type::unrelated;
    in.gvhd = f::gvhd_state::none;
    in.immunosuppression = f::immunosuppression_state::never;
    in.measles = f::serostatus::negative;
    in.varicella = f::serostatus::negative;
    return in;
}

f::revaccination_result assess(const f::revaccination_input& in, const f::revaccination_options& o = {}) {
    auto r = f::assess_revaccination(in, o);
    REQUIRE(r);
    return *r;
}

std::optional<hsct::criterion<crit>> find(const f::vaccine_decision& d, crit id) {
    for (const auto& c : d.criteria) {
        if (c.id == id) {
            return c;
        }
    }
    return std::nullopt;
}

f::revaccination_options gate(f::live_vaccine_gate g) {
    f::revaccination_options o;
    o.live_gate = g;
    return o;
}

// ---------------------------------------------------------------------------------------------
// The schedule rows

TEST_CASE("the schedule rows are in vaccine order for every source", "[follow_up][FU-VAC-001]") {
    for (const auto s : hsct::values<f::vaccination_schedule>()) {
        for (const auto v : hsct::values<f::vaccine>()) {
            CAPTURE(hsct::id(s), hsct::id(v));
            const auto& r = f::schedule_row(s, v);
            CHECK(r.which == v);
            CHECK(std::string_view(r.requirement).substr(0, 7) == "FU-VAC-");
            CHECK_FALSE(std::string_view(r.citation).empty());
            if (r.advice == f::vaccine_advice::recommended || r.advice == f::vaccine_advice::optional) {
                CHECK(r.doses >= 1);
                CHECK(r.start.present());
                CHECK(r.start_upper.count >= r.start.count);
            }
        }
    }
    CHECK(hsct::values<f::vaccine>().size() == f::vaccine_count);
}

TEST_CASE("ECIL-7 rows as HB24 Table 29.1 prints them", "[follow_up][FU-VAC-002][FU-VAC-004][FU-VAC-005][HB24-29]") {
    using f::months_span;
    const auto row = [](vx v) { return f::schedule_row(f::vaccination_schedule::ecil7_hb24, v); };
    CHECK(row(vx::pneumococcal_conjugate).doses == 3);
    CHECK(row(vx::pneumococcal_conjugate).start == months_span(3));
    CHECK(std::string_view(row(vx::pneumococcal_conjugate).grading) == "AI");
    CHECK(row(vx::pneumococcal_polysaccharide).start == months_span(12));
    CHECK(row(vx::pneumococcal_polysaccharide).after_series_gap == f::days_span(56));
    CHECK(row(vx::pneumococcal_polysaccharide).substitution == f::conjugate_substitution::any_gvhd);
    CHECK(row(vx::haemophilus_b).start_upper == months_span(6));
    CHECK(row(vx::influenza).start_after);
    CHECK(row(vx::influenza).outbreak_start == months_span(3));
    CHECK(row(vx::hepatitis_b).last_from_first == months_span(6));
    CHECK(row(vx::hepatitis_b).start_upper == months_span(12));
    CHECK(row(vx::diphtheria_tetanus).interval_upper == months_span(2));
    CHECK(row(vx::measles_mumps_rubella).live);
    CHECK(row(vx::measles_mumps_rubella).doses_child == 2);
    CHECK(row(vx::varicella).start_after);
    CHECK(row(vx::varicella).advice == f::vaccine_advice::optional);
    CHECK(row(vx::zoster_live).advice == f::vaccine_advice::not_recommended);
    CHECK(std::string_view(row(vx::zoster_live).grading) == "DIII");
    CHECK(row(vx::zoster_recombinant).advice == f::vaccine_advice::not_covered);
    CHECK(row(vx::zoster_recombinant).interval == f::days_span(60));
    CHECK(row(vx::zoster_recombinant).start == f::days_span(50));
}

// ---------------------------------------------------------------------------------------------
// Worked example 11.9 under each live gate

TEST_CASE("worked example 11.9: the live-vaccine date under each gate",
          "[follow_up][FU-VAC-013][FU-VAC-014][FU-VAC-015][FU-VAC-016][FU-VAC-018][scores-11.9]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    auto in = patient(t, ymd(2026, 1, 10));
    in.immunosuppression = f::immunosuppression_state::stopped;
    in.immunosuppression_stopped = ymd(2025, 6, 1);
    in.last_ivig = ymd(2025, 9, 15);
    using g = f::live_vaccine_gate;
    // Tomblyn/NCCN: 24 months, no GVHD, off IS
    auto r = assess(in, gate(g::tomblyn_2009));
    CHECK(r.gate == g::tomblyn_2009);
    CHECK(r.ivig_interval == std::chrono::months{0});
    CHECK(r.of(vx::measles_mumps_rubella).status == vs::not_yet_due);
    CHECK(r.of(vx::measles_mumps_rubella).earliest == ymd(2026, 3, 1));
    CHECK(r.of(vx::varicella).earliest == ymd(2026, 3, 1));
    // IDSA 2013: also 8 months after IVIG
    r = assess(in, gate(g::idsa_2013));
    CHECK(r.ivig_interval == std::chrono::months{8});
    CHECK(r.of(vx::measles_mumps_rubella).earliest == ymd(2026, 5, 15));
    CHECK(r.of(vx::varicella).earliest == ymd(2026, 5, 15));
    // 2-1-8: 1 year off IS decides
    r = assess(in, gate(g::two_one_eight));
    CHECK(r.of(vx::measles_mumps_rubella).earliest == ymd(2026, 6, 1));
    // ECIL-7/HB24 (the default): MMR >= 24 months, varicella > 24 months, IVIG 3 months
    r = assess(in);
    CHECK(r.gate == g::ecil7_hb24);
    CHECK(r.ivig_interval == std::chrono::months{3});
    CHECK(r.of(vx::measles_mumps_rubella).earliest == ymd(2026, 3, 1));
    CHECK(r.of(vx::varicella).earliest == ymd(2026, 3, 2));
    // the IVIG policy: ideally 8, at most 11 months
    f::revaccination_options o;
    o.ivig = f::ivig_interval_policy::eight_months;
    CHECK(assess(in, o).of(vx::measles_mumps_rubella).earliest == ymd(2026, 5, 15));
    o.ivig = f::ivig_interval_policy::eleven_months;
    CHECK(assess(in, o).of(vx::measles_mumps_rubella).earliest == ymd(2026, 8, 15));
    o.ivig = f::ivig_interval_policy::three_months;
    o.live_gate = g::idsa_2013;
    CHECK(assess(in, o).of(vx::measles_mumps_rubella).earliest == ymd(2026, 3, 1));
}

TEST_CASE("worked example 11.9: the day before, the day and the day after each gate's date",
          "[follow_up][FU-VAC-013][FU-VAC-015][FU-VAC-016][scores-11.9]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    using g = f::live_vaccine_gate;
    struct row {
        g which;
        hsct::sys_days date;
    };
    const std::array<row, 4> rows{{{g::tomblyn_2009, ymd(2026, 3, 1)},
                                   {g::idsa_2013, ymd(2026, 5, 15)},
                                   {g::two_one_eight, ymd(2026, 6, 1)},
                                   {g::ecil7_hb24, ymd(2026, 3, 1)}}};
    for (const auto& x : rows) {
        CAPTURE(hsct::id(x.which));
        for (int k = -1; k <= 1; ++k) {
            auto in = patient(t, x.date + std::chrono::days{k});
            in.immunosuppression = f::immunosuppression_state::stopped;
            in.immunosuppression_stopped = ymd(2025, 6, 1);
            in.last_ivig = ymd(2025, 9, 15);
            const auto d = assess(in, gate(x.which)).of(vx::measles_mumps_rubella);
            CHECK(d.status == (k < 0 ? vs::not_yet_due : vs::due));
            CHECK(d.earliest == x.date);
            CHECK(d.next_dose == 1);
        }
    }
}

TEST_CASE("the criteria of a live vaccine say which condition set the date",
          "[follow_up][FU-VAC-015][FU-VAC-018][scores-11.9]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    auto in = patient(t, ymd(2026, 4, 1));
    in.immunosuppression = f::immunosuppression_state::stopped;
    in.immunosuppression_stopped = ymd(2025, 6, 1);
    in.last_ivig = ymd(2025, 9, 15);
    const auto r = assess(in, gate(f::live_vaccine_gate::idsa_2013));
    const auto& d = r.of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::not_yet_due);
    CHECK(d.blocking.contains(crit::ivig_interval));
    CHECK_FALSE(d.blocking.contains(crit::time_since_hct));
    const auto ivig = find(d, crit::ivig_interval);
    REQUIRE(ivig);
    CHECK(ivig->result == hsct::outcome::not_met);
    CHECK(ivig->measured.number() == 198.0);  // 2025-09-15 to 2026-04-01
    CHECK(ivig->threshold == 242.0);          // 2025-09-15 to 2026-05-15
    CHECK(std::string_view(ivig->requirement) == "FU-VAC-018");
    const auto time = find(d, crit::time_since_hct);
    REQUIRE(time);
    CHECK(time->threshold == 730.0);  // 2024-03-01 to 2026-03-01 (2024 a leap year)
    CHECK(std::string_view(time->requirement) == "FU-VAC-015");
    CHECK(d.row == &f::schedule_row(f::vaccination_schedule::ecil7_hb24, vx::measles_mumps_rubella));
}

// ---------------------------------------------------------------------------------------------
// Starts and intervals

TEST_CASE("each start: the day before, the day and the day after", "[follow_up][FU-VAC-003][FU-VAC-006][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    struct row {
        vx which;
        hsct::sys_days first_due;  // the start date
    };
    const std::array<row, 10> rows{{
        {vx::pneumococcal_conjugate, ymd(2024, 6, 1)},    // 3 months
        {vx::haemophilus_b, ymd(2024, 6, 1)},             // 3 (or 6) months
        {vx::influenza, ymd(2024, 9, 2)},                 // > 6 months: the day after
        {vx::diphtheria_tetanus, ymd(2024, 9, 1)},        // from 6 months
        {vx::pertussis, ymd(2024, 9, 1)},                 // 6-12 months
        {vx::polio_inactivated, ymd(2024, 9, 1)},
        {vx::hepatitis_b, ymd(2024, 9, 1)},
        {vx::papillomavirus, ymd(2024, 9, 1)},
        {vx::meningococcal_conjugate, ymd(2024, 9, 1)},
        {vx::meningococcal_b, ymd(2024, 9, 1)},
    }};
    for (const auto& x : rows) {
        CAPTURE(hsct::id(x.which));
        for (int k = -1; k <= 1; ++k) {
            const auto in = patient(t, x.first_due + std::chrono::days{k});
            const auto d = assess(in).of(x.which);
            CHECK(d.status == (k < 0 ? vs::not_yet_due : vs::due));
            CHECK(d.earliest == x.first_due);
            CHECK(d.next_dose == 1);
            CHECK(d.doses_given == 0);
        }
    }
    // the printed upper bound of a range is reported, not enforced
    const auto r = assess(patient(t, ymd(2024, 9, 1)));
    CHECK(r.of(vx::hepatitis_b).start_window_end == ymd(2025, 3, 1));
    CHECK(r.of(vx::haemophilus_b).start_window_end == ymd(2024, 9, 1));
    CHECK_FALSE(r.of(vx::diphtheria_tetanus).start_window_end);
    const auto late = assess(patient(t, ymd(2026, 1, 1)));
    CHECK(late.of(vx::hepatitis_b).status == vs::due);
    // influenza: > 6 months is "greater than" the 6-month date
    const auto flu = find(r.of(vx::influenza), crit::time_since_hct);
    REQUIRE(flu);
    CHECK(flu->cmp == hsct::comparator::greater);
    CHECK(flu->threshold == 184.0);
}

TEST_CASE("influenza from 3 months in a community outbreak", "[follow_up][FU-VAC-006][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    for (int k = -1; k <= 1; ++k) {
        auto in = patient(t, ymd(2024, 6, 1) + std::chrono::days{k});
        in.influenza_outbreak = true;
        const auto d = assess(in).of(vx::influenza);
        CHECK(d.status == (k < 0 ? vs::not_yet_due : vs::due));
        CHECK(d.earliest == ymd(2024, 6, 1));
        CHECK(find(d, crit::outbreak_start));
    }
}

TEST_CASE("intervals between doses", "[follow_up][FU-VAC-004][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    // PCV: 1 month after the last dose
    std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)}};
    for (int k = -1; k <= 1; ++k) {
        auto in = patient(t, ymd(2024, 7, 1) + std::chrono::days{k});
        in.doses = doses;
        const auto d = assess(in).of(vx::pneumococcal_conjugate);
        CHECK(d.status == (k < 0 ? vs::not_yet_due : vs::due));
        CHECK(d.next_dose == 2);
        CHECK(d.earliest == ymd(2024, 7, 1));
        CHECK(d.doses_given == 1);
    }
    // a 1-2 month interval is due from 1 month
    doses = {{vx::diphtheria_tetanus, ymd(2024, 9, 1)}};
    auto in = patient(t, ymd(2024, 10, 1));
    in.doses = doses;
    CHECK(assess(in).of(vx::diphtheria_tetanus).status == vs::due);
    // hepatitis B at 0, 1 and 6 months: the third dose 6 months after the first
    doses = {{vx::hepatitis_b, ymd(2024, 9, 1)}, {vx::hepatitis_b, ymd(2024, 10, 1)}};
    in = patient(t, ymd(2025, 2, 28));
    in.doses = doses;
    auto d = assess(in).of(vx::hepatitis_b);
    CHECK(d.status == vs::not_yet_due);
    CHECK(d.next_dose == 3);
    CHECK(d.earliest == ymd(2025, 3, 1));
    CHECK(d.blocking.contains(crit::interval_from_first_dose));
    CHECK_FALSE(d.blocking.contains(crit::dose_interval));
    in.on = ymd(2025, 3, 1);
    CHECK(assess(in).of(vx::hepatitis_b).status == vs::due);
    // the second dose of hepatitis B: 1 month
    doses = {{vx::hepatitis_b, ymd(2024, 9, 1)}};
    in = patient(t, ymd(2024, 9, 30));
    in.doses = doses;
    d = assess(in).of(vx::hepatitis_b);
    CHECK(d.earliest == ymd(2024, 10, 1));
    CHECK_FALSE(find(d, crit::interval_from_first_dose));
    // the month end: 31 January + 1 month is 29 February 2024, or 1 March rolled forward
    const auto t2 = one_hct(ymd(2023, 7, 1));
    doses = {{vx::polio_inactivated, ymd(2024, 1, 31)}};
    in = patient(t2, ymd(2024, 2, 29));
    in.doses = doses;
    CHECK(assess(in).of(vx::polio_inactivated).earliest == ymd(2024, 2, 29));
    f::revaccination_options o;
    o.month_end = f::month_end_policy::roll_forward;
    CHECK(assess(in, o).of(vx::polio_inactivated).earliest == ymd(2024, 3, 1));
    CHECK(assess(in, o).of(vx::polio_inactivated).status == vs::not_yet_due);
}

TEST_CASE("series completion", "[follow_up][FU-VAC-004]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                             {vx::pneumococcal_conjugate, ymd(2024, 7, 1)},
                                             {vx::pneumococcal_conjugate, ymd(2024, 8, 1)},
                                             {vx::meningococcal_b, ymd(2024, 9, 1)},
                                             {vx::meningococcal_b, ymd(2024, 10, 1)}};
    auto in = patient(t, ymd(2024, 12, 1));
    in.doses = doses;
    const auto r = assess(in);
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::series_complete);
    CHECK(r.of(vx::pneumococcal_conjugate).doses_given == 3);
    CHECK(r.of(vx::pneumococcal_conjugate).next_dose == 0);
    CHECK_FALSE(r.of(vx::pneumococcal_conjugate).earliest);
    CHECK(r.of(vx::meningococcal_b).status == vs::series_complete);
    // the polysaccharide dose: 12 months, at least 8 weeks after the last conjugate dose
    CHECK(r.of(vx::pneumococcal_polysaccharide).status == vs::not_yet_due);
    CHECK(r.of(vx::pneumococcal_polysaccharide).earliest == ymd(2025, 3, 1));
}

TEST_CASE("influenza: a child's second dose, then yearly", "[follow_up][FU-VAC-006][FU-VAC-025][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const std::vector<f::vaccine_dose> one{{vx::influenza, ymd(2024, 10, 1)}};
    auto in = patient(t, ymd(2024, 10, 29));
    in.doses = one;
    in.age = hsct::age::make(8, 11).value();  // 8 years: two doses in the first season
    auto d = assess(in).of(vx::influenza);
    CHECK(d.doses_planned == 2);
    CHECK(d.status == vs::due);
    CHECK(d.earliest == ymd(2024, 10, 29));
    in.on = ymd(2024, 10, 28);
    CHECK(assess(in).of(vx::influenza).status == vs::not_yet_due);
    // 9 years: one dose, then yearly
    in.age = hsct::age::make(9, 0).value();
    d = assess(in).of(vx::influenza);
    CHECK(d.doses_planned == 1);
    CHECK(d.status == vs::not_yet_due);
    CHECK(d.earliest == ymd(2025, 10, 1));
    CHECK(d.next_dose == 2);
    CHECK(d.blocking.contains(crit::yearly_interval));
    // an adult with no age given: the second dose of a child's series needs the age
    in.age.reset();
    d = assess(in).of(vx::influenza);
    CHECK(d.status == vs::needs_input);
    CHECK(d.missing.contains(f::revaccination_field::age));
    // yearly: never complete
    in.age = hsct::age::make(40, 0).value();
    in.on = ymd(2025, 10, 1);
    d = assess(in).of(vx::influenza);
    CHECK(d.status == vs::due);
}

TEST_CASE("MMR: two doses for a child, one for an adult", "[follow_up][FU-VAC-025][HB24-29]") {
    const auto t = one_hct(ymd(2020, 3, 1));
    const std::vector<f::vaccine_dose> one{{vx::measles_mumps_rubella, ymd(2022, 4, 1)}};
    auto in = patient(t, ymd(2022, 6, 1));
    in.doses = one;
    in.age = hsct::age::make(17, 11).value();
    auto d = assess(in).of(vx::measles_mumps_rubella);
    CHECK(d.doses_planned == 2);
    CHECK(d.status == vs::due);
    CHECK(d.earliest == ymd(2022, 5, 1));
    in.age = hsct::age::make(18, 0).value();
    d = assess(in).of(vx::measles_mumps_rubella);
    CHECK(d.doses_planned == 1);
    CHECK(d.status == vs::series_complete);
    const auto child = find(d, crit::child_series);
    REQUIRE(child);
    CHECK(child->result == hsct::outcome::not_met);
    CHECK_FALSE(d.blocking.contains(crit::child_series));
}

// ---------------------------------------------------------------------------------------------
// Pneumococcal: PPSV23 or a 4th PCV

TEST_CASE("PPSV23 after the conjugate series, or a 4th conjugate dose with GVHD",
          "[follow_up][FU-VAC-005][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                       {vx::pneumococcal_conjugate, ymd(2024, 7, 1)},
                                       {vx::pneumococcal_conjugate, ymd(2025, 2, 1)}};
    auto in = patient(t, ymd(2025, 3, 28));
    in.doses = doses;
    // 8 weeks after 2025-02-01 is 2025-03-29, later than 12 months
    auto d = assess(in).of(vx::pneumococcal_polysaccharide);
    CHECK(d.status == vs::not_yet_due);
    CHECK(d.earliest == ymd(2025, 3, 29));
    CHECK(d.blocking.contains(crit::after_conjugate_series));
    in.on = ymd(2025, 3, 29);
    CHECK(assess(in).of(vx::pneumococcal_polysaccharide).status == vs::due);
    // with GVHD (ECIL-7: any GVHD): PPSV23 not applicable, PCV has a 4th dose at the same time
    in.gvhd = f::gvhd_state::controlled;
    auto r = assess(in);
    CHECK(r.of(vx::pneumococcal_polysaccharide).status == vs::not_applicable);
    CHECK(r.of(vx::pneumococcal_polysaccharide).blocking.contains(crit::replaced_by_conjugate));
    d = r.of(vx::pneumococcal_conjugate);
    CHECK(d.doses_planned == 4);
    CHECK(d.next_dose == 4);
    CHECK(d.status == vs::due);
    CHECK(d.earliest == ymd(2025, 3, 29));
    in.on = ymd(2025, 3, 28);
    CHECK(assess(in).of(vx::pneumococcal_conjugate).status == vs::not_yet_due);
    // the US notes: a PCV booster with chronic GVHD only
    f::revaccination_options us;
    us.schedule = f::vaccination_schedule::cdc_tomblyn_2009;
    in.on = ymd(2025, 4, 1);
    r = assess(in, us);
    CHECK(r.of(vx::pneumococcal_polysaccharide).status == vs::due);
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::series_complete);
    in.gvhd = f::gvhd_state::active_chronic;
    r = assess(in, us);
    CHECK(r.of(vx::pneumococcal_polysaccharide).status == vs::not_applicable);
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::due);
    // PPSV23 already given: no 4th conjugate dose
    doses.push_back({vx::pneumococcal_polysaccharide, ymd(2025, 3, 30)});
    in.doses = doses;
    r = assess(in);
    CHECK(r.of(vx::pneumococcal_polysaccharide).status == vs::series_complete);
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::series_complete);
}

TEST_CASE("a 4th conjugate dose given under GVHD keeps PPSV23's place after the GVHD resolves",
          "[follow_up][FU-VAC-005][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                             {vx::pneumococcal_conjugate, ymd(2024, 7, 1)},
                                             {vx::pneumococcal_conjugate, ymd(2024, 8, 1)},
                                             {vx::pneumococcal_conjugate, ymd(2025, 3, 1)}};
    auto in = patient(t, ymd(2025, 9, 1));
    in.doses = doses;
    in.gvhd = f::gvhd_state::none;  // resolved since the 4th dose
    const auto r = assess(in);
    CHECK(r.of(vx::pneumococcal_polysaccharide).status == vs::not_applicable);
    CHECK(r.of(vx::pneumococcal_polysaccharide).blocking.contains(crit::replaced_by_conjugate));
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::series_complete);
    CHECK(r.of(vx::pneumococcal_conjugate).doses_planned == 4);
    // with three conjugate doses and no GVHD, PPSV23 is due as before
    in.doses = std::span(doses).first(3);
    CHECK(assess(in).of(vx::pneumococcal_polysaccharide).status == vs::due);
}

TEST_CASE("PPSV23 waits for the conjugate series", "[follow_up][FU-VAC-005]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)}};
    auto in = patient(t, ymd(2025, 6, 1));
    in.doses = doses;
    const auto d = assess(in).of(vx::pneumococcal_polysaccharide);
    CHECK(d.status == vs::not_yet_due);
    CHECK_FALSE(d.earliest);
    const auto c = find(d, crit::conjugate_series_complete);
    REQUIRE(c);
    CHECK(c->measured.number() == 1.0);
    CHECK(c->threshold == 3.0);
}

// ---------------------------------------------------------------------------------------------
// Holds

TEST_CASE("rituximab within 6 months holds every vaccine it delays", "[follow_up][FU-VAC-011][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    auto in = patient(t, ymd(2024, 9, 15));
    in.last_rituximab = ymd(2024, 5, 1);
    auto r = assess(in);
    auto d = r.of(vx::pneumococcal_conjugate);
    CHECK(d.status == vs::held);
    CHECK(d.earliest == ymd(2024, 11, 1));
    CHECK(d.blocking.contains(crit::rituximab_interval));
    // the day before, the day and the day after 6 months
    for (int k = -1; k <= 1; ++k) {
        in.on = ymd(2024, 11, 1) + std::chrono::days{k};
        CHECK(assess(in).of(vx::pneumococcal_conjugate).status == (k < 0 ? vs::held : vs::due));
    }
    // a vaccine whose own start is later than the hold's end is not yet due, not held
    in.on = ymd(2024, 9, 15);
    in.last_rituximab = ymd(2024, 9, 1);
    r = assess(in);
    CHECK(r.of(vx::pneumococcal_polysaccharide).status == vs::held);  // waits for PCV: held as well
    CHECK(r.of(vx::measles_mumps_rubella).status == vs::not_yet_due);
    CHECK(r.of(vx::measles_mumps_rubella).earliest == ymd(2026, 3, 1));
}

TEST_CASE("every hold reason of a non-live vaccine", "[follow_up][FU-VAC-011][FU-VAC-012][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const auto base = patient(t, ymd(2024, 7, 1));
    CHECK(assess(base).of(vx::pneumococcal_conjugate).status == vs::due);
    struct hold {
        const char* name;
        crit reason;
        void (*apply)(f::revaccination_input&);
    };
    const std::array<hold, 6> holds{{
        {"unstable", crit::clinically_stable, [](f::revaccination_input& i) { i.unstable = true; }},
        {"uncontrolled aGVHD", crit::no_uncontrolled_acute_gvhd,
         [](f::revaccination_input& i) { i.gvhd = f::gvhd_state::uncontrolled_acute; }},
        {"ATG", crit::no_atg, [](f::revaccination_input& i) { i.atg_ongoing = true; }},
        {"IgG", crit::igg_level,
         [](f::revaccination_input& i) { i.igg = hsct::mass_concentration(2.9, hsct::units::g_per_l); }},
        {"platelets", crit::platelets_for_injection,
         [](f::revaccination_input& i) { i.platelets = hsct::platelets(49.0, hsct::units::giga_per_l); }},
        {"rituximab", crit::rituximab_interval, [](f::revaccination_input& i) { i.last_rituximab = ymd(2024, 6, 1); }},
    }};
    for (const auto& h : holds) {
        CAPTURE(h.name);
        auto in = base;
        h.apply(in);
        const auto d = assess(in).of(vx::pneumococcal_conjugate);
        CHECK(d.status == vs::held);
        CHECK(d.blocking.contains(h.reason));
    }
    // at the thresholds: IgG 3 g/L and platelets 50 x10^9/L do not hold
    auto in = base;
    in.igg = hsct::mass_concentration(3.0, hsct::units::g_per_l);
    in.platelets = hsct::platelets(50.0, hsct::units::giga_per_l);
    const auto r = assess(in);
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::due);
    CHECK(find(r.of(vx::pneumococcal_conjugate), crit::igg_level)->result == hsct::outcome::met);
    CHECK(r.missing.empty());
    in.igg = hsct::mass_concentration(0.31, hsct::units::g_per_dl);  // 3.1 g/L
    CHECK(assess(in).of(vx::pneumococcal_conjugate).status == vs::due);
    // controlled GVHD is no reason to delay a non-live vaccine
    in = base;
    in.gvhd = f::gvhd_state::controlled;
    CHECK(assess(in).of(vx::pneumococcal_conjugate).status == vs::due);
    in.gvhd = f::gvhd_state::active_chronic;
    in.immunosuppression = f::immunosuppression_state::ongoing;
    CHECK(assess(in).of(vx::pneumococcal_conjugate).status == vs::due);
    // missing IgG and platelets are named, and do not hold
    CHECK(assess(base).missing.contains(f::revaccination_field::igg));
    CHECK(assess(base).missing.contains(f::revaccination_field::platelets));
}

// ---------------------------------------------------------------------------------------------
// Live-vaccine conditions

TEST_CASE("live vaccines: GVHD, immunosuppression and relapse contraindicate them",
          "[follow_up][FU-VAC-013][FU-VAC-014][FU-VAC-015][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const auto base = patient(t, ymd(2026, 6, 1));
    CHECK(assess(base).of(vx::measles_mumps_rubella).status == vs::due);
    CHECK(assess(base).of(vx::varicella).status == vs::due);
    using g = f::live_vaccine_gate;
    auto in = base;
    in.gvhd = f::gvhd_state::controlled;
    auto r = assess(in);
    CHECK(r.of(vx::measles_mumps_rubella).status == vs::contraindicated);
    CHECK(r.of(vx::measles_mumps_rubella).blocking.contains(crit::no_gvhd));
    CHECK(assess(in, gate(g::tomblyn_2009)).of(vx::measles_mumps_rubella).status == vs::contraindicated);
    // IDSA: MMR excludes chronic GVHD only, varicella any GVHD
    r = assess(in, gate(g::idsa_2013));
    CHECK(r.of(vx::measles_mumps_rubella).status == vs::due);
    CHECK(r.of(vx::varicella).status == vs::contraindicated);
    in.gvhd = f::gvhd_state::active_chronic;
    CHECK(assess(in, gate(g::idsa_2013)).of(vx::measles_mumps_rubella).status == vs::contraindicated);
    // immunosuppression ongoing
    in = base;
    in.immunosuppression = f::immunosuppression_state::ongoing;
    for (const auto which : {g::ecil7_hb24, g::tomblyn_2009, g::idsa_2013, g::two_one_eight, g::ebmt_paediatric_2021}) {
        CAPTURE(hsct::id(which));
        const auto d = assess(in, gate(which)).of(vx::measles_mumps_rubella);
        CHECK(d.status == vs::contraindicated);
        CHECK(d.blocking.contains(crit::no_immunosuppression));
    }
    // relapse: in ECIL-7's gate only
    in = base;
    in.relapse = true;
    CHECK(assess(in).of(vx::measles_mumps_rubella).status == vs::contraindicated);
    CHECK(assess(in).of(vx::measles_mumps_rubella).blocking.contains(crit::no_relapse));
    CHECK(assess(in, gate(g::tomblyn_2009)).of(vx::measles_mumps_rubella).status == vs::due);
    // a non-live vaccine is not affected
    CHECK(assess(in).of(vx::hepatitis_b).status == vs::due);
}

TEST_CASE("live vaccines: before 24 months not yet due", "[follow_up][FU-VAC-013][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const auto d = assess(patient(t, ymd(2026, 2, 28))).of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::not_yet_due);
    CHECK(d.earliest == ymd(2026, 3, 1));
    CHECK(d.blocking.contains(crit::time_since_hct));
}

TEST_CASE("a leap-day Day 0: 24 months under each month-end policy", "[follow_up][FU-VAC-003][FU-CAL-002]") {
    const auto t = one_hct(ymd(2024, 2, 29));
    f::revaccination_options roll;
    roll.month_end = f::month_end_policy::roll_forward;
    for (int k = -1; k <= 1; ++k) {
        const auto in = patient(t, ymd(2026, 2, 28) + std::chrono::days{k});
        const auto d = assess(in).of(vx::measles_mumps_rubella);
        CHECK(d.earliest == ymd(2026, 2, 28));
        CHECK(d.status == (k < 0 ? vs::not_yet_due : vs::due));
        const auto e = assess(in, roll).of(vx::measles_mumps_rubella);
        CHECK(e.earliest == ymd(2026, 3, 1));
        CHECK(e.status == (k < 1 ? vs::not_yet_due : vs::due));
    }
    // 3 months after 29 February is 29 May; 12 months is 28 February 2025 (or 1 March)
    const auto in = patient(t, ymd(2024, 5, 29));
    CHECK(assess(in).of(vx::pneumococcal_conjugate).status == vs::due);
    CHECK(assess(in).of(vx::pneumococcal_conjugate).earliest == ymd(2024, 5, 29));
    const std::vector<f::vaccine_dose> pcv{{vx::pneumococcal_conjugate, ymd(2024, 5, 29)},
                                           {vx::pneumococcal_conjugate, ymd(2024, 6, 29)},
                                           {vx::pneumococcal_conjugate, ymd(2024, 7, 29)}};
    auto later_in = patient(t, ymd(2025, 1, 1));
    later_in.doses = pcv;
    CHECK(assess(later_in).of(vx::pneumococcal_polysaccharide).earliest == ymd(2025, 2, 28));
    CHECK(assess(later_in, roll).of(vx::pneumococcal_polysaccharide).earliest == ymd(2025, 3, 1));
}

TEST_CASE("measles outbreak: MMR from 12 months with low-grade immunosuppression", "[follow_up][FU-VAC-019][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    auto in = patient(t, ymd(2025, 3, 1));
    in.measles_outbreak = true;
    in.immunosuppression = f::immunosuppression_state::ongoing_low_grade;
    auto d = assess(in).of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::due);
    CHECK(d.earliest == ymd(2025, 3, 1));
    CHECK(find(d, crit::outbreak_start));
    in.on = ymd(2025, 2, 28);
    CHECK(assess(in).of(vx::measles_mumps_rubella).status == vs::not_yet_due);
    in.on = ymd(2025, 3, 1);
    in.immunosuppression = f::immunosuppression_state::ongoing;
    CHECK(assess(in).of(vx::measles_mumps_rubella).status == vs::contraindicated);
    // the exception is ECIL-7's: other gates keep 24 months and refuse ongoing IS
    in.immunosuppression = f::immunosuppression_state::ongoing_low_grade;
    d = assess(in, gate(f::live_vaccine_gate::tomblyn_2009)).of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::contraindicated);
    CHECK(d.earliest == ymd(2026, 3, 1));
    // without the outbreak, low-grade IS is IS
    in.measles_outbreak = false;
    CHECK(assess(in).of(vx::measles_mumps_rubella).status == vs::contraindicated);
}

TEST_CASE("serostatus: seropositive not applicable, unknown needs input", "[follow_up][FU-VAC-020][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    auto in = patient(t, ymd(2026, 6, 1));
    in.measles = f::serostatus::positive;
    in.varicella = f::serostatus::unknown;
    const auto r = assess(in);
    CHECK(r.of(vx::measles_mumps_rubella).status == vs::not_applicable);
    CHECK(r.of(vx::measles_mumps_rubella).blocking.contains(crit::seronegative));
    CHECK(r.of(vx::varicella).status == vs::needs_input);
    CHECK(r.of(vx::varicella).missing.contains(f::revaccination_field::varicella_serostatus));
    CHECK(r.missing.contains(f::revaccination_field::varicella_serostatus));
    CHECK(r.of(vx::varicella).earliest == ymd(2026, 3, 2));
    // a block outranks the missing serology
    in.gvhd = f::gvhd_state::active_chronic;
    CHECK(assess(in).of(vx::varicella).status == vs::contraindicated);
}

TEST_CASE("not recommended, contraindicated and not covered", "[follow_up][FU-VAC-009][FU-VAC-010][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const auto in = patient(t, ymd(2026, 6, 1));
    auto r = assess(in);
    CHECK(r.of(vx::zoster_live).status == vs::not_recommended);
    CHECK(r.of(vx::zoster_recombinant).status == vs::not_covered);
    CHECK(r.of(vx::zoster_recombinant).row->interval == f::days_span(60));
    f::revaccination_options us;
    us.schedule = f::vaccination_schedule::cdc_tomblyn_2009;
    r = assess(in, us);
    CHECK(r.of(vx::zoster_live).status == vs::contraindicated);
    CHECK(r.of(vx::meningococcal_b).status == vs::not_covered);
    CHECK(r.of(vx::zoster_recombinant).status == vs::not_covered);
}

// ---------------------------------------------------------------------------------------------
// A second HCT

TEST_CASE("a second HCT restarts the schedule; earlier doses are ignored", "[follow_up][FU-VAC-021]") {
    auto t = one_hct(ymd(2022, 1, 10)).with_subsequent_hct(ymd(2024, 3, 1)).value();
    const std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2022, 4, 10)},
                                             {vx::pneumococcal_conjugate, ymd(2022, 5, 10)},
                                             {vx::pneumococcal_conjugate, ymd(2022, 6, 10)},
                                             {vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                             {vx::hepatitis_b, ymd(2021, 12, 1)}};
    auto in = patient(t, ymd(2024, 7, 1));
    in.doses = doses;
    auto r = assess(in);
    CHECK(r.hct_number == 2);
    CHECK(r.day0 == ymd(2024, 3, 1));
    CHECK(r.doses_ignored == 4);
    const auto& d = r.of(vx::pneumococcal_conjugate);
    CHECK(d.doses_ignored == 3);
    CHECK(d.doses_given == 1);
    CHECK(d.next_dose == 2);
    CHECK(d.status == vs::due);
    CHECK(r.of(vx::hepatitis_b).doses_ignored == 1);
    CHECK(r.of(vx::hepatitis_b).earliest == ymd(2024, 9, 1));
    // between the two HCTs the schedule counts from the first
    in.on = ymd(2023, 1, 1);
    in.doses = std::span<const f::vaccine_dose>(doses.data(), 3);
    r = assess(in);
    CHECK(r.hct_number == 1);
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::series_complete);
    CHECK(r.of(vx::hepatitis_b).doses_ignored == 0);
    // naming the first HCT after the second has begun is refused
    in.on = ymd(2024, 7, 1);
    in.hct_number = 1;
    const auto e = f::assess_revaccination(in);
    REQUIRE_FALSE(e);
    CHECK(e.error().code() == hsct::errc::inconsistent);
    CHECK(e.error().field() == "revaccination.hct_number");
    CHECK(e.error().requirement() == "FU-VAC-021");
    in.hct_number = 2;
    CHECK(f::assess_revaccination(in));
    in.hct_number = 3;
    CHECK(f::assess_revaccination(in).error().code() == hsct::errc::not_allowed);
}

// ---------------------------------------------------------------------------------------------
// The child schedule

TEST_CASE("EBMT paediatric 2021: the fixed 6-month start", "[follow_up][FU-VAC-007][FU-VAC-024][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    f::revaccination_options o;
    o.schedule = f::vaccination_schedule::ebmt_paediatric_2021;
    auto in = patient(t, ymd(2024, 9, 1));
    in.age = hsct::age::make(6, 0).value();
    in.platelets = hsct::platelets(60.0, hsct::units::giga_per_l);
    in.leukocytes_engrafted = true;
    in.gvhd = f::gvhd_state::uncontrolled_acute;  // "irrespective of GvHD"
    in.immunosuppression = f::immunosuppression_state::ongoing;
    auto r = assess(in, o);
    CHECK(r.gate == f::live_vaccine_gate::ebmt_paediatric_2021);
    for (const auto v : {vx::pneumococcal_conjugate, vx::haemophilus_b, vx::diphtheria_tetanus, vx::pertussis,
                         vx::polio_inactivated, vx::hepatitis_b, vx::influenza}) {
        CAPTURE(hsct::id(v));
        CHECK(r.of(v).status == vs::due);
    }
    CHECK(r.of(vx::meningococcal_conjugate).status == vs::not_yet_due);
    CHECK(r.of(vx::meningococcal_conjugate).earliest == ymd(2025, 3, 1));
    CHECK(r.of(vx::papillomavirus).earliest == ymd(2025, 3, 1));
    CHECK(r.of(vx::pneumococcal_polysaccharide).status == vs::not_yet_due);
    CHECK(r.of(vx::measles_mumps_rubella).status == vs::contraindicated);
    CHECK(r.of(vx::zoster_live).status == vs::contraindicated);
    CHECK(r.of(vx::zoster_recombinant).status == vs::not_covered);
    CHECK(r.of(vx::influenza).doses_planned == 2);
    // the day before 6 months
    in.on = ymd(2024, 8, 31);
    CHECK(assess(in, o).of(vx::hepatitis_b).status == vs::not_yet_due);
    // platelets below 50, leukocytes not engrafted, either unknown
    in.on = ymd(2024, 9, 1);
    in.platelets = hsct::platelets(49.0, hsct::units::giga_per_l);
    CHECK(assess(in, o).of(vx::pneumococcal_conjugate).status == vs::held);
    in.platelets.reset();
    auto d = assess(in, o).of(vx::pneumococcal_conjugate);
    CHECK(d.status == vs::needs_input);
    CHECK(d.missing.contains(f::revaccination_field::platelets));
    in.platelets = hsct::platelets(60.0, hsct::units::giga_per_l);
    in.leukocytes_engrafted = false;
    d = assess(in, o).of(vx::pneumococcal_conjugate);
    CHECK(d.status == vs::held);
    CHECK(d.blocking.contains(crit::leukocytes_engrafted));
    in.leukocytes_engrafted.reset();
    CHECK(assess(in, o).of(vx::hepatitis_b).status == vs::needs_input);
    // the influenza vaccine is not a fixed-start vaccine: no engraftment condition
    CHECK(assess(in, o).of(vx::influenza).status == vs::due);
    // an autologous HCT: the schedule is for allogeneic recipients
    in.donor = hsct::donor_type::autologous;
    CHECK(assess(in, o).of(vx::hepatitis_b).status == vs::not_applicable);
}

TEST_CASE("EBMT paediatric 2021: live vaccines 3 months off immunosuppression",
          "[follow_up][FU-VAC-017][FU-VAC-007][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    f::revaccination_options o;
    o.schedule = f::vaccination_schedule::ebmt_paediatric_2021;
    auto in = patient(t, ymd(2026, 3, 1));
    in.age = hsct::age::make(6, 0).value();
    in.measles = f::serostatus::unknown;  // not read by the paediatric rows
    in.immunosuppression = f::immunosuppression_state::stopped;
    in.immunosuppression_stopped = ymd(2025, 12, 15);
    auto d = assess(in, o).of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::not_yet_due);
    CHECK(d.earliest == ymd(2026, 3, 15));
    CHECK(d.blocking.contains(crit::time_off_immunosuppression));
    in.on = ymd(2026, 3, 15);
    CHECK(assess(in, o).of(vx::measles_mumps_rubella).status == vs::due);
    CHECK(assess(in, o).of(vx::measles_mumps_rubella).doses_planned == 2);
    // the stop date missing: needs input
    in.immunosuppression_stopped.reset();
    d = assess(in, o).of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::needs_input);
    CHECK(d.missing.contains(f::revaccination_field::immunosuppression_stopped));
    // the adult ECIL-7 gate does not ask how long ago IS stopped (but reads the serology)
    in.measles = f::serostatus::negative;
    CHECK(assess(in).of(vx::measles_mumps_rubella).status == vs::due);
}

TEST_CASE("EBMT paediatric 2021: live vaccines 3 months without active chronic GVHD",
          "[follow_up][FU-VAC-017][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    f::revaccination_options o;
    o.schedule = f::vaccination_schedule::ebmt_paediatric_2021;
    auto in = patient(t, ymd(2026, 4, 9));
    in.age = hsct::age::make(6, 0).value();
    in.chronic_gvhd_resolved = ymd(2026, 1, 10);  // 3 months later: 2026-04-10
    auto d = assess(in, o).of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::not_yet_due);
    CHECK(d.earliest == ymd(2026, 4, 10));
    CHECK(d.blocking.contains(crit::time_without_chronic_gvhd));
    in.on = ymd(2026, 4, 10);
    CHECK(assess(in, o).of(vx::measles_mumps_rubella).status == vs::due);
    // resolved long before 24 months: the 24 months decide
    in.chronic_gvhd_resolved = ymd(2025, 1, 10);
    in.on = ymd(2026, 3, 1);
    CHECK(assess(in, o).of(vx::measles_mumps_rubella).status == vs::due);
    // the adult ECIL-7 gate reads only the GVHD state on the date
    in.chronic_gvhd_resolved = ymd(2026, 2, 20);
    CHECK(assess(in).of(vx::measles_mumps_rubella).status == vs::due);
    CHECK(assess(in, o).of(vx::measles_mumps_rubella).status == vs::not_yet_due);
    // a resolution date after the assessment is refused
    in.chronic_gvhd_resolved = ymd(2026, 3, 2);
    const auto bad = f::assess_revaccination(in, o);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field() == "revaccination.chronic_gvhd_resolved");
}

TEST_CASE("the US schedule's starts and intervals", "[follow_up][FU-VAC-008]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    f::revaccination_options us;
    us.schedule = f::vaccination_schedule::cdc_tomblyn_2009;
    auto in = patient(t, ymd(2024, 7, 1));
    auto r = assess(in, us);
    CHECK(r.gate == f::live_vaccine_gate::tomblyn_2009);
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::due);
    CHECK(r.of(vx::pneumococcal_conjugate).start_window_end == ymd(2024, 9, 1));
    CHECK(r.of(vx::influenza).earliest == ymd(2024, 7, 1));  // 4 months
    CHECK(r.of(vx::haemophilus_b).earliest == ymd(2024, 9, 1));
    // PCV 4 weeks apart; MMR 2 doses 4 weeks apart; varicella 3 months apart
    const std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                             {vx::measles_mumps_rubella, ymd(2026, 3, 1)},
                                             {vx::varicella, ymd(2026, 3, 1)}};
    in.doses = doses;
    in.on = ymd(2026, 3, 29);
    r = assess(in, us);
    CHECK(r.of(vx::pneumococcal_conjugate).status == vs::due);
    CHECK(r.of(vx::measles_mumps_rubella).earliest == ymd(2026, 3, 29));
    CHECK(r.of(vx::measles_mumps_rubella).status == vs::due);
    CHECK(r.of(vx::varicella).earliest == ymd(2026, 6, 1));
    in.on = ymd(2026, 3, 28);
    CHECK(assess(in, us).of(vx::measles_mumps_rubella).status == vs::not_yet_due);
}

// ---------------------------------------------------------------------------------------------
// Data, allocation, errors

TEST_CASE("the result is plain data", "[follow_up][FU-VAC-022]") {
    STATIC_REQUIRE(std::is_trivially_copyable_v<f::vaccine_decision>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<f::revaccination_result>);
    STATIC_REQUIRE(sizeof(f::vaccine) == 1);
    STATIC_REQUIRE(sizeof(f::schedule_span) == 4);
}

TEST_CASE("the success path allocates nothing", "[follow_up][FU-VAC-022]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                             {vx::hepatitis_b, ymd(2024, 9, 1)}};
    auto in = patient(t, ymd(2026, 4, 1));
    in.doses = doses;
    in.immunosuppression = f::immunosuppression_state::stopped;
    in.immunosuppression_stopped = ymd(2025, 6, 1);
    in.last_ivig = ymd(2025, 9, 15);
    in.last_rituximab = ymd(2025, 1, 1);
    in.igg = hsct::mass_concentration(6.0, hsct::units::g_per_l);
    const hsct_test::allocation_counter n;
    const auto r = f::assess_revaccination(in, gate(f::live_vaccine_gate::two_one_eight));
    CHECK(n.count() == 0);
    REQUIRE(r);
    CHECK(r->of(vx::measles_mumps_rubella).status == vs::not_yet_due);
}

TEST_CASE("bad input is refused with the field, value and valid range", "[follow_up][FU-VAC-023]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const auto base = patient(t, ymd(2025, 1, 1));
    const auto refused = [](const f::revaccination_input& in, const f::revaccination_options& o = {}) {
        auto r = f::assess_revaccination(in, o);
        REQUIRE_FALSE(r);
        return r.error();
    };
    // a dose after the assessment date, with its index
    std::vector<f::vaccine_dose> doses{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                       {vx::pneumococcal_conjugate, ymd(2025, 1, 2)}};
    auto in = base;
    in.doses = doses;
    auto e = refused(in);
    CHECK(e.code() == hsct::errc::out_of_range);
    CHECK(e.field() == "revaccination.doses[1].date");
    CHECK(e.value() == "2025-01-02");
    CHECK(e.valid_range() == "on or before the assessment date 2025-01-01");
    CHECK(e.requirement() == "FU-VAC-023");
    // a dose on the assessment date is fine; one before Day 0 is ignored, not refused
    doses[1].date = ymd(2025, 1, 1);
    doses.push_back({vx::pneumococcal_conjugate, ymd(2023, 1, 1)});
    in.doses = doses;
    CHECK(f::assess_revaccination(in));
    // the same vaccine twice on one date
    doses.push_back({vx::pneumococcal_conjugate, ymd(2024, 6, 1)});
    in.doses = doses;
    e = refused(in);
    CHECK(e.code() == hsct::errc::inconsistent);
    CHECK(e.field() == "revaccination.doses[3].date");
    // an undeclared vaccine
    doses = {{static_cast<vx>(99), ymd(2024, 6, 1)}};
    in.doses = doses;
    CHECK(refused(in).field() == "revaccination.doses[0].which");
    // a dose outside the date window
    doses = {{vx::influenza, ymd(1899, 12, 31)}};
    in.doses = doses;
    e = refused(in);
    CHECK(e.field() == "revaccination.doses[0].date");
    CHECK(e.valid_range() == "1900-01-01 to 2199-12-31");
    // immunosuppression stopped after the assessment, or a stop date without "stopped"
    in = base;
    in.immunosuppression = f::immunosuppression_state::stopped;
    in.immunosuppression_stopped = ymd(2025, 1, 2);
    CHECK(refused(in).field() == "revaccination.immunosuppression_stopped");
    in.immunosuppression = f::immunosuppression_state::ongoing;
    in.immunosuppression_stopped = ymd(2024, 12, 1);
    CHECK(refused(in).code() == hsct::errc::inconsistent);
    // IVIG and rituximab after the assessment
    in = base;
    in.last_ivig = ymd(2025, 2, 1);
    CHECK(refused(in).field() == "revaccination.last_ivig");
    in = base;
    in.last_rituximab = ymd(2025, 2, 1);
    CHECK(refused(in).field() == "revaccination.last_rituximab");
    // the assessment before Day 0, outside the window; no timeline
    in = base;
    in.on = ymd(2024, 2, 29);
    e = refused(in);
    CHECK(e.field() == "revaccination.on");
    CHECK(e.valid_range() == "on or after Day 0 of HCT 1 (2024-03-01)");
    in.on = ymd(2024, 3, 1);
    CHECK(f::assess_revaccination(in));
    in.on = ymd(2200, 1, 1);
    CHECK(refused(in).field() == "revaccination.on");
    in = base;
    in.timeline = nullptr;
    CHECK(refused(in).code() == hsct::errc::missing);
    // undeclared enumerators: input and options
    in = base;
    in.gvhd = f::gvhd_state{};
    CHECK(refused(in).field() == "revaccination.gvhd");
    in = base;
    in.donor = hsct::donor_type{};
    CHECK(refused(in).field() == "revaccination.donor");
    in = base;
    in.measles = static_cast<f::serostatus>(7);
    CHECK(refused(in).field() == "revaccination.measles");
    f::revaccination_options o;
    o.live_gate = static_cast<f::live_vaccine_gate>(9);
    e = refused(base, o);
    CHECK(e.field() == "revaccination.options.live_gate");
    CHECK(e.code() == hsct::errc::out_of_range);
    o = {};
    o.schedule = static_cast<f::vaccination_schedule>(0);
    CHECK(refused(base, o).field() == "revaccination.options.schedule");
    o = {};
    o.ivig = static_cast<f::ivig_interval_policy>(5);
    CHECK(refused(base, o).field() == "revaccination.options.ivig");
    o = {};
    o.month_end = static_cast<f::month_end_policy>(3);
    CHECK(refused(base, o).field() == "revaccination.options.month_end");
    // IgG and platelets: negative or not finite
    in = base;
    in.igg = hsct::mass_concentration(-1.0, hsct::units::g_per_l);
    e = refused(in);
    CHECK(e.field() == "revaccination.igg");
    CHECK(e.value() == "-1 g/L");
    in.igg = hsct::mass_concentration(std::numeric_limits<double>::quiet_NaN(), hsct::units::g_per_l);
    CHECK(refused(in).code() == hsct::errc::not_finite);
    in = base;
    in.platelets = hsct::platelets(-5.0, hsct::units::giga_per_l);
    CHECK(refused(in).field() == "revaccination.platelets");
    // a date the schedule would put beyond 2199-12-31
    const auto late = one_hct(ymd(2199, 6, 1));
    CHECK(refused(patient(late, ymd(2199, 7, 1))).requirement() == "FU-CAL-003");
}

TEST_CASE("a start is reached on its own date: the criterion is met there, not the day before",
          "[follow_up][FU-VAC-003][FU-VAC-006][FU-VAC-019][FU-VAC-014][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const auto start_criterion = [](const f::vaccine_decision& d, crit id) {
        const auto c = find(d, id);
        REQUIRE(c);
        CHECK(c->cmp == hsct::comparator::greater_equal);
        CHECK(c->measured.number() == c->threshold);
        CHECK(c->result == hsct::outcome::met);
        CHECK_FALSE(d.blocking.contains(id));
    };
    // PCV from 3 months: 2024-06-01 is day 92
    auto d = assess(patient(t, ymd(2024, 6, 1))).of(vx::pneumococcal_conjugate);
    CHECK(d.status == vs::due);
    start_criterion(d, crit::time_since_hct);
    CHECK(find(d, crit::time_since_hct)->threshold == 92.0);
    const auto before = assess(patient(t, ymd(2024, 5, 31))).of(vx::pneumococcal_conjugate);
    CHECK(find(before, crit::time_since_hct)->result == hsct::outcome::not_met);
    CHECK(before.blocking.contains(crit::time_since_hct));
    // influenza in a community outbreak, from 3 months (FU-VAC-006)
    auto in = patient(t, ymd(2024, 6, 1));
    in.influenza_outbreak = true;
    d = assess(in).of(vx::influenza);
    CHECK(d.status == vs::due);
    start_criterion(d, crit::outbreak_start);
    // MMR in a measles outbreak, from 12 months (FU-VAC-019)
    in = patient(t, ymd(2025, 3, 1));
    in.measles_outbreak = true;
    d = assess(in).of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::due);
    start_criterion(d, crit::outbreak_start);
    // a live vaccine under a gate other than ECIL-7's: 24 months inclusive (FU-VAC-014)
    d = assess(patient(t, ymd(2026, 3, 1)), gate(f::live_vaccine_gate::tomblyn_2009)).of(vx::measles_mumps_rubella);
    CHECK(d.status == vs::due);
    start_criterion(d, crit::time_since_hct);
}

TEST_CASE("platelets: 50 x10^9/L allows an injection, a count just below holds it",
          "[follow_up][FU-VAC-012][FU-VAC-024][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const auto check_at = [](const f::vaccine_decision& d, double count, bool met) {
        CAPTURE(count);
        const auto c = find(d, crit::platelets_for_injection);
        REQUIRE(c);
        CHECK(c->cmp == hsct::comparator::greater_equal);
        CHECK(c->threshold == 50.0);
        CHECK(c->result == (met ? hsct::outcome::met : hsct::outcome::not_met));
        CHECK(d.blocking.contains(crit::platelets_for_injection) == !met);
        CHECK(d.status == (met ? vs::due : vs::held));
    };
    // the adult schedule (FU-VAC-012)
    auto in = patient(t, ymd(2024, 7, 1));
    for (const double count : {50.0, 49.95, 50.05}) {
        in.platelets = hsct::platelets(count, hsct::units::giga_per_l);
        const auto d = assess(in).of(vx::pneumococcal_conjugate);
        check_at(d, count, count >= 50.0);
        CHECK(std::string_view(find(d, crit::platelets_for_injection)->requirement) == "FU-VAC-012");
    }
    // the paediatric fixed start (FU-VAC-024)
    f::revaccination_options o;
    o.schedule = f::vaccination_schedule::ebmt_paediatric_2021;
    in = patient(t, ymd(2024, 9, 1));
    in.age = hsct::age::make(6, 0).value();
    in.leukocytes_engrafted = true;
    for (const double count : {50.0, 49.95, 50.05}) {
        in.platelets = hsct::platelets(count, hsct::units::giga_per_l);
        const auto d = assess(in, o).of(vx::hepatitis_b);
        check_at(d, count, count >= 50.0);
        CHECK(std::string_view(find(d, crit::platelets_for_injection)->requirement) == "FU-VAC-024");
    }
}

TEST_CASE("at most 255 doses: 255 are accepted, 256 refused naming the field", "[follow_up][FU-VAC-023]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    auto in = patient(t, ymd(2025, 1, 1));
    // 255 influenza doses on distinct days before Day 0: accepted, and all ignored (FU-VAC-021)
    std::vector<f::vaccine_dose> doses;
    for (int k = 1; k <= 255; ++k) {
        doses.push_back({vx::influenza, ymd(2024, 2, 29) - std::chrono::days{k}});
    }
    in.doses = doses;
    const auto ok = f::assess_revaccination(in);
    REQUIRE(ok);
    CHECK(ok->doses_ignored == 255);
    CHECK(ok->of(vx::influenza).doses_ignored == 255);
    doses.push_back({vx::influenza, ymd(2023, 1, 1)});
    in.doses = doses;
    const auto many = f::assess_revaccination(in);
    REQUIRE_FALSE(many);
    CHECK(many.error().code() == hsct::errc::out_of_range);
    CHECK(many.error().field() == "revaccination.doses");
    CHECK(many.error().value() == "256 doses");
    CHECK(many.error().valid_range() == "at most 255 doses");
    CHECK(many.error().requirement() == "FU-VAC-023");
}

/// The last criterion `id` recorded for `requirement` (a decision can record one kind twice: a 4th
/// conjugate dose has the row's start and then PPSV23's, both FU-VAC-005).
std::optional<hsct::criterion<crit>> find_for(const f::vaccine_decision& d, crit id, std::string_view requirement) {
    std::optional<hsct::criterion<crit>> out;
    for (const auto& c : d.criteria) {
        if (c.id == id && std::string_view(c.requirement) == requirement) {
            out = c;
        }
    }
    return out;
}

/// A date criterion on its own date: reached (greater_equal), met and not blocking.
void met_on_its_date(const f::vaccine_decision& d, crit id, std::string_view requirement) {
    CAPTURE(hsct::id(id), requirement);
    const auto c = find_for(d, id, requirement);
    REQUIRE(c);
    CHECK(c->cmp == hsct::comparator::greater_equal);
    CHECK(c->measured.number() == c->threshold);
    CHECK(c->result == hsct::outcome::met);
    CHECK_FALSE(d.blocking.contains(id));
}

/// The same criterion the day before: not met and blocking.
void not_met_the_day_before(const f::vaccine_decision& d, crit id, std::string_view requirement) {
    CAPTURE(hsct::id(id), requirement);
    const auto c = find_for(d, id, requirement);
    REQUIRE(c);
    CHECK(c->measured.number() == c->threshold - 1.0);
    CHECK(c->result == hsct::outcome::not_met);
    CHECK(d.blocking.contains(id));
}

TEST_CASE("dose intervals are met on the date they end", "[follow_up][FU-VAC-004][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    // PCV: 1 month after the first dose
    const std::vector<f::vaccine_dose> pcv{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)}};
    auto in = patient(t, ymd(2024, 7, 1));
    in.doses = pcv;
    met_on_its_date(assess(in).of(vx::pneumococcal_conjugate), crit::dose_interval, "FU-VAC-004");
    in.on = ymd(2024, 6, 30);
    not_met_the_day_before(assess(in).of(vx::pneumococcal_conjugate), crit::dose_interval, "FU-VAC-004");
    // hepatitis B: the third dose 6 months after the first
    const std::vector<f::vaccine_dose> hbv{{vx::hepatitis_b, ymd(2024, 9, 1)}, {vx::hepatitis_b, ymd(2024, 10, 1)}};
    in = patient(t, ymd(2025, 3, 1));
    in.doses = hbv;
    met_on_its_date(assess(in).of(vx::hepatitis_b), crit::interval_from_first_dose, "FU-VAC-004");
    in.on = ymd(2025, 2, 28);
    not_met_the_day_before(assess(in).of(vx::hepatitis_b), crit::interval_from_first_dose, "FU-VAC-004");
}

TEST_CASE("influenza's yearly interval is met on the anniversary of the last dose", "[follow_up][FU-VAC-006][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    const std::vector<f::vaccine_dose> one{{vx::influenza, ymd(2024, 10, 1)}};
    auto in = patient(t, ymd(2025, 10, 1));
    in.doses = one;
    in.age = hsct::age::make(40, 0).value();
    met_on_its_date(assess(in).of(vx::influenza), crit::yearly_interval, "FU-VAC-006");
    in.on = ymd(2025, 9, 30);
    not_met_the_day_before(assess(in).of(vx::influenza), crit::yearly_interval, "FU-VAC-006");
}

TEST_CASE("pneumococcal: PPSV23's place and the gap after the conjugate series are met on their dates",
          "[follow_up][FU-VAC-005][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    // PPSV23 (and a 4th PCV under GVHD) at 12 months: 2025-03-01
    const std::vector<f::vaccine_dose> early{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                             {vx::pneumococcal_conjugate, ymd(2024, 7, 1)},
                                             {vx::pneumococcal_conjugate, ymd(2024, 8, 1)}};
    auto in = patient(t, ymd(2025, 3, 1));
    in.doses = early;
    in.gvhd = f::gvhd_state::controlled;
    auto d = assess(in).of(vx::pneumococcal_conjugate);
    CHECK(d.next_dose == 4);
    CHECK(d.status == vs::due);
    met_on_its_date(d, crit::time_since_hct, "FU-VAC-005");
    in.on = ymd(2025, 2, 28);
    not_met_the_day_before(assess(in).of(vx::pneumococcal_conjugate), crit::time_since_hct, "FU-VAC-005");
    // a late third dose: 8 weeks after it (2025-03-29) decides, for PPSV23 and for a 4th PCV
    const std::vector<f::vaccine_dose> late{{vx::pneumococcal_conjugate, ymd(2024, 6, 1)},
                                            {vx::pneumococcal_conjugate, ymd(2024, 7, 1)},
                                            {vx::pneumococcal_conjugate, ymd(2025, 2, 1)}};
    in = patient(t, ymd(2025, 3, 29));
    in.doses = late;
    met_on_its_date(assess(in).of(vx::pneumococcal_polysaccharide), crit::after_conjugate_series, "FU-VAC-005");
    met_on_its_date(assess(in).of(vx::pneumococcal_polysaccharide), crit::conjugate_series_complete, "FU-VAC-005");
    in.gvhd = f::gvhd_state::controlled;
    met_on_its_date(assess(in).of(vx::pneumococcal_conjugate), crit::after_conjugate_series, "FU-VAC-005");
    in.on = ymd(2025, 3, 28);
    not_met_the_day_before(assess(in).of(vx::pneumococcal_conjugate), crit::after_conjugate_series, "FU-VAC-005");
    in.gvhd = f::gvhd_state::none;
    not_met_the_day_before(assess(in).of(vx::pneumococcal_polysaccharide), crit::after_conjugate_series, "FU-VAC-005");
}

TEST_CASE("the rituximab hold ends on the date 6 months after the last dose", "[follow_up][FU-VAC-011][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    auto in = patient(t, ymd(2024, 11, 1));
    in.last_rituximab = ymd(2024, 5, 1);
    met_on_its_date(assess(in).of(vx::pneumococcal_conjugate), crit::rituximab_interval, "FU-VAC-011");
    in.on = ymd(2024, 10, 31);
    not_met_the_day_before(assess(in).of(vx::pneumococcal_conjugate), crit::rituximab_interval, "FU-VAC-011");
}

TEST_CASE("live gates: time off immunosuppression, without chronic GVHD and since IVIG are met on their dates",
          "[follow_up][FU-VAC-016][FU-VAC-017][FU-VAC-018][HB24-29]") {
    const auto t = one_hct(ymd(2024, 3, 1));
    // 2-1-8: 12 months off immunosuppression (FU-VAC-016)
    auto in = patient(t, ymd(2026, 6, 1));
    in.immunosuppression = f::immunosuppression_state::stopped;
    in.immunosuppression_stopped = ymd(2025, 6, 1);
    const auto g218 = gate(f::live_vaccine_gate::two_one_eight);
    met_on_its_date(assess(in, g218).of(vx::measles_mumps_rubella), crit::time_off_immunosuppression, "FU-VAC-016");
    in.on = ymd(2026, 5, 31);
    not_met_the_day_before(assess(in, g218).of(vx::measles_mumps_rubella), crit::time_off_immunosuppression,
                           "FU-VAC-016");
    // IDSA: 8 months after the last IVIG (FU-VAC-018)
    in = patient(t, ymd(2026, 5, 15));
    in.last_ivig = ymd(2025, 9, 15);
    const auto idsa = gate(f::live_vaccine_gate::idsa_2013);
    met_on_its_date(assess(in, idsa).of(vx::measles_mumps_rubella), crit::ivig_interval, "FU-VAC-018");
    in.on = ymd(2026, 5, 14);
    not_met_the_day_before(assess(in, idsa).of(vx::measles_mumps_rubella), crit::ivig_interval, "FU-VAC-018");
    // the paediatric gate: 3 months off immunosuppression, 3 months without chronic GVHD (FU-VAC-017)
    f::revaccination_options o;
    o.schedule = f::vaccination_schedule::ebmt_paediatric_2021;
    in = patient(t, ymd(2026, 3, 15));
    in.age = hsct::age::make(6, 0).value();
    in.immunosuppression = f::immunosuppression_state::stopped;
    in.immunosuppression_stopped = ymd(2025, 12, 15);
    met_on_its_date(assess(in, o).of(vx::measles_mumps_rubella), crit::time_off_immunosuppression, "FU-VAC-017");
    in.on = ymd(2026, 3, 14);
    not_met_the_day_before(assess(in, o).of(vx::measles_mumps_rubella), crit::time_off_immunosuppression,
                           "FU-VAC-017");
    in = patient(t, ymd(2026, 4, 10));
    in.age = hsct::age::make(6, 0).value();
    in.chronic_gvhd_resolved = ymd(2026, 1, 10);
    met_on_its_date(assess(in, o).of(vx::measles_mumps_rubella), crit::time_without_chronic_gvhd, "FU-VAC-017");
    in.on = ymd(2026, 4, 9);
    not_met_the_day_before(assess(in, o).of(vx::measles_mumps_rubella), crit::time_without_chronic_gvhd,
                           "FU-VAC-017");
}

}  // namespace hsct_test_follow_up_revaccination_test
