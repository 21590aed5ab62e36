// Tests for include/hsct/complications/acute_gvhd_course.hpp: the MAGIC data-collection steps as
// named options (the episode span, upper-GI persistence, the lower-GI onset window, the 3-day
// mean), the grade on each day and the episode's maximum with its day and deciding organ, and
// refusals naming the day.
#include <hsct/complications/acute_gvhd_course.hpp>

#include <optional>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_acute_gvhd_course_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using g = c::agvhd_grade;
using hsct::transplant_day;

namespace {
c::gvhd_course_day at(int day) {
    c::gvhd_course_day d;
    d.findings.day = transplant_day::at(day);
    return d;
}
c::gvhd_course_day stool(int day, double ml) {
    auto d = at(day);
    d.findings.stool_volume = hsct::volume(ml, u::mL);
    return d;
}
c::gvhd_course_day rash(int day, double pct) {
    auto d = at(day);
    d.findings.rash_bsa = hsct::percent(pct, u::pct);
    return d;
}
struct run {
    std::vector<c::gvhd_day_grade> graded;
    c::gvhd_episode_result result;
};
run assess(std::vector<c::gvhd_course_day> days, const c::gvhd_episode& ep, const c::gvhd_course_options& o = {}) {
    if (!days.empty() && !days.front().weight) {
        days.front().weight = hsct::mass(70.0, u::kg);
    }
    run r;
    r.graded.resize(days.size());
    auto out = c::assess_gvhd_course(days, ep, r.graded, o);
    REQUIRE(out.has_value());
    r.result = *out;
    return r;
}
}  // namespace

TEST_CASE("the grade on each day and the episode's maximum, its first day and organ", "[COMP-AGVHD-007][MAGIC-2016]") {
    std::vector<c::gvhd_course_day> days{rash(20, 10.0), rash(21, 30.0), rash(22, 60.0), rash(23, 60.0), rash(24, 20.0)};
    const auto r = assess(days, {transplant_day::at(20)});
    REQUIRE(r.result.days == 5);
    CHECK(r.graded[0].magic_grade.grade == g::grade_i);
    CHECK(r.graded[2].magic_grade.grade == g::grade_ii);
    CHECK(r.graded[4].magic_grade.grade == g::grade_i);
    CHECK(r.result.magic.grade == g::grade_ii);
    CHECK(r.result.magic.day->number() == 22);  // first reached, not the later equal day
    REQUIRE(r.result.magic.decided_by.size() == 1);
    CHECK(r.result.magic.decided_by[0].organ == c::agvhd_organ::skin);
    CHECK(r.result.magic.decided_by[0].stage == 3);
    CHECK(r.result.keystone.grade == g::grade_ii);
    CHECK(r.result.ibmtr.grade == c::ibmtr_index::c);
    // every day's grade is the grade of that day's own stages
    for (const auto& d : r.graded) {
        CHECK(d.magic_grade.grade == c::grade_magic(d.magic).grade);
    }
}

TEST_CASE("upper GI: symptoms on three consecutive days, or as stated", "[COMP-AGVHD-006][MAGIC-2016]") {
    std::vector<c::gvhd_course_day> days{at(20), at(21), at(22), at(24), at(25)};
    for (auto& d : days) {
        d.findings.upper_gi_symptoms = true;  // symptoms that day
    }
    const auto r = assess(days, {transplant_day::at(20)});
    CHECK(r.graded[0].magic.upper_gi.stage == 0);
    CHECK(r.graded[1].magic.upper_gi.stage == 0);
    CHECK(r.graded[2].magic.upper_gi.stage == 1);  // D+20, D+21, D+22
    CHECK(r.graded[3].magic.upper_gi.stage == 0);  // D+23 missing: the run broke
    CHECK(r.graded[4].magic.upper_gi.stage == 0);
    CHECK(r.result.magic.grade == g::grade_ii);
    CHECK(r.result.magic.day->number() == 22);
    // the clinician's finding of persistence stages the day under either rule
    c::gvhd_course_options stated;
    stated.upper_gi = c::upper_gi_rule::stated;
    CHECK(assess(days, {transplant_day::at(20)}, stated).graded[2].magic.upper_gi.stage == 0);  // symptoms not read
    auto found = days;
    found[0].findings.upper_gi_persistent = true;
    CHECK(assess(found, {transplant_day::at(20)}, stated).graded[0].magic.upper_gi.stage == 1);
    CHECK(assess(found, {transplant_day::at(20)}).graded[0].magic.upper_gi.stage == 1);
    CHECK(assess(found, {transplant_day::at(20)}).graded[1].magic.upper_gi.stage == 0);  // D+21 alone: two days
}

TEST_CASE("lower GI: the onset window's highest day, then the 3-day mean", "[COMP-AGVHD-006][MAGIC-2016]") {
    const std::vector<c::gvhd_course_day> days{stool(22, 1200.0), stool(23, 300.0), stool(24, 300.0), stool(25, 300.0),
                                               stool(26, 900.0),  stool(27, 1200.0)};
    c::gvhd_episode ep{transplant_day::at(25), transplant_day::at(25)};
    const auto r = assess(days, ep);
    // D+25 (the lower-GI diagnosis): the highest of D+22..D+24 = 1200 mL, stage 2
    CHECK(r.graded[3].lower_gi_onset_day);
    CHECK(r.graded[3].magic.lower_gi.stage == 2);
    CHECK(r.graded[3].magic.lower_gi.decided_by.measured.number() == 1200.0);
    // D+27: the mean of D+25..D+27 = (300 + 900 + 1200) / 3 = 800 mL, stage 1
    CHECK(r.graded[5].stool_days_averaged == 3);
    CHECK(r.graded[5].magic.lower_gi.stage == 1);
    CHECK(r.graded[5].magic.lower_gi.decided_by.measured.number() == 800.0);
    // before the lower-GI diagnosis a day is its own
    CHECK(r.graded[0].magic.lower_gi.stage == 2);
    CHECK(r.graded[1].magic.lower_gi.stage == 0);
    c::gvhd_course_options other;
    other.onset = c::onset_window::diagnosis_and_two_before;
    other.average = c::stool_average::single_day;
    const auto s = assess(days, ep, other);
    CHECK(s.graded[3].magic.lower_gi.stage == 0);  // the highest of D+23..D+25 is 300 mL
    CHECK(s.graded[5].magic.lower_gi.stage == 2);  // the day's own 1200 mL
    // a window without output: the diagnosis day's own, named
    const std::vector<c::gvhd_course_day> alone{stool(25, 600.0)};
    const auto e = assess(alone, ep);
    CHECK(e.graded[0].onset_window_empty);
    CHECK(e.graded[0].magic.lower_gi.stage == 1);
    // no lower-GI diagnosis day given: the first day that stages 1 or more, its window ending on it
    const auto found = assess({stool(21, 200.0), stool(22, 700.0), stool(23, 1100.0)}, {transplant_day::at(21)});
    CHECK(found.graded[1].lower_gi_onset_day);
    CHECK(found.graded[1].magic.lower_gi.stage == 1);
    CHECK(found.graded[2].magic.lower_gi.decided_by.measured.number() == 2000.0 / 3.0);  // (200 + 700 + 1100) / 3
}

TEST_CASE("the lower-GI onset found from the output: the first day at stage 1's band (500 mL, 10 mL/kg) or over",
          "[COMP-AGVHD-006][MAGIC-2016]") {
    // no lower-GI diagnosis day given: D+22's 500 mL is at stage 1's band, so the onset is D+22
    const auto a = assess({stool(21, 200.0), stool(22, 500.0), stool(23, 1100.0)}, {transplant_day::at(21)});
    CHECK_FALSE(a.graded[0].lower_gi_onset_day);
    CHECK(a.graded[1].lower_gi_onset_day);
    CHECK(a.graded[1].magic.lower_gi.stage == 1);
    CHECK_FALSE(a.graded[2].lower_gi_onset_day);
    CHECK(a.graded[2].stool_days_averaged == 3);
    CHECK(a.graded[2].magic.lower_gi.decided_by.measured.number() == 600.0);  // (200 + 500 + 1100) / 3
    // a child of 20 kg: 200 mL is 10 mL/kg, stage 1's band
    auto first = stool(21, 100.0);
    first.weight = hsct::mass(20.0, u::kg);
    c::gvhd_episode ep{transplant_day::at(21)};
    ep.paediatric = true;
    const auto k = assess({first, stool(22, 200.0), stool(23, 400.0)}, ep);
    CHECK_FALSE(k.graded[0].lower_gi_onset_day);
    CHECK(k.graded[1].lower_gi_onset_day);
    CHECK(k.graded[1].magic.child);
    CHECK(k.graded[1].magic.lower_gi.stage == 1);
    CHECK_FALSE(k.graded[2].lower_gi_onset_day);
    // 300 mL at 20 kg is 15 mL/kg, over the band from the first day: the onset is that day
    auto over = stool(21, 300.0);
    over.weight = hsct::mass(20.0, u::kg);
    const auto o = assess({over, stool(22, 100.0)}, ep);
    CHECK(o.graded[0].lower_gi_onset_day);
    CHECK(o.graded[0].magic.lower_gi.stage == 1);
    CHECK_FALSE(o.graded[1].lower_gi_onset_day);
}

TEST_CASE("a child's stool per kg, with the weight carried forward", "[COMP-AGVHD-006][MAGIC-2016]") {
    auto first = stool(20, 200.0);
    first.weight = hsct::mass(20.0, u::kg);
    const std::vector<c::gvhd_course_day> days{first, stool(21, 420.0)};
    c::gvhd_episode ep{transplant_day::at(20), transplant_day::at(20)};
    ep.paediatric = true;
    c::gvhd_course_options single;
    single.average = c::stool_average::single_day;
    std::vector<c::gvhd_day_grade> graded(2);
    const auto r = c::assess_gvhd_course(days, ep, graded, single);
    REQUIRE(r.has_value());
    CHECK(graded[0].onset_window_empty);           // nothing measured D+17..D+19: the day's own
    CHECK(graded[0].magic.lower_gi.stage == 1);    // 200 mL / 20 kg = 10 mL/kg
    CHECK(graded[1].magic.child);                  // the D+20 weight, carried forward
    CHECK(graded[1].magic.lower_gi.stage == 2);    // 420 mL / 20 kg = 21 mL/kg
    CHECK(r->magic.grade == g::grade_iii);
    CHECK(r->magic.day->number() == 21);
}

TEST_CASE("the onset window's days before the diagnosis are graded but not in the maximum", "[COMP-AGVHD-007][MAGIC-2016]") {
    // a diagnosis on D+25: D+22 (1200 mL) is data for the onset stage, not a day of the disease
    const std::vector<c::gvhd_course_day> days{stool(22, 1600.0), stool(23, 300.0), stool(24, 300.0), stool(25, 600.0)};
    const auto r = assess(days, {transplant_day::at(25)});
    CHECK(r.graded[0].before_onset);
    CHECK(r.graded[0].magic_grade.grade == g::grade_iii);
    CHECK_FALSE(r.graded[3].before_onset);
    CHECK(r.result.magic.grade == g::grade_ii);  // D+25's own 600 mL (the lower-GI onset found on it)
    CHECK(r.result.magic.day->number() == 25);
}

TEST_CASE("the lower-GI diagnosis day without its own output takes the window's highest day", "[COMP-AGVHD-006][MAGIC-2016]") {
    std::vector<c::gvhd_course_day> days{stool(22, 1200.0), stool(23, 300.0), rash(25, 10.0)};
    const c::gvhd_episode ep{transplant_day::at(22), transplant_day::at(25)};
    const auto r = assess(days, ep);
    CHECK(r.graded[2].lower_gi_onset_day);
    CHECK(r.graded[2].magic.lower_gi.stage == 2);  // 1200 mL on D+22, within D+22..D+24
    CHECK(r.graded[2].magic_grade.grade == g::grade_iii);
    // with nothing in the window either: not assessed, named
    const auto none = assess({rash(25, 10.0)}, ep);
    CHECK(none.graded[0].onset_window_empty);
    CHECK_FALSE(none.graded[0].magic.lower_gi.assessed);
}

TEST_CASE("refused: a day outside the episode, out of order, a stool before any weight, bad findings", "[COMP-AGVHD-006]") {
    std::vector<c::gvhd_day_grade> graded(4);
    const c::gvhd_episode ep{transplant_day::at(20), std::nullopt, transplant_day::at(40)};
    const auto field = [&](const std::vector<c::gvhd_course_day>& d) {
        return std::string(c::assess_gvhd_course(d, ep, graded).error().field());
    };
    CHECK(field({rash(16, 10.0)}) == "days[0].day");                 // 4 days before the onset
    CHECK(c::assess_gvhd_course(std::vector{rash(17, 10.0)}, ep, graded).has_value());  // 3 days before: in
    CHECK(field({rash(20, 10.0), rash(41, 10.0)}) == "days[1].day");  // after the end
    CHECK(field({rash(22, 10.0), rash(21, 10.0)}) == "days[1].day");  // out of order
    CHECK(field({rash(22, 10.0), stool(23, 400.0)}) == "days[1].weight");
    CHECK(field({rash(22, 101.0)}) == "days[0].rash_bsa");
    std::vector<c::gvhd_day_grade> short_of_one(1);
    CHECK(c::assess_gvhd_course(std::vector{rash(20, 1.0), rash(21, 1.0)}, ep, short_of_one).error().field() == "graded");
    const c::gvhd_episode early_lgi{transplant_day::at(20), transplant_day::at(19)};
    CHECK(c::assess_gvhd_course(std::vector{rash(20, 1.0)}, early_lgi, graded).error().field() == "episode.lower_gi_onset");
    const c::gvhd_episode late_lgi{transplant_day::at(20), transplant_day::at(41), transplant_day::at(40)};
    CHECK(c::assess_gvhd_course(std::vector{rash(20, 1.0)}, late_lgi, graded).error().field() == "episode.lower_gi_onset");
    // a child's weight without the paediatric status
    auto light = stool(20, 300.0);
    light.weight = hsct::mass(30.0, u::kg);
    CHECK(c::assess_gvhd_course(std::vector{light}, ep, graded).error().field() == "episode.paediatric");
    const c::gvhd_episode backwards{transplant_day::at(20), std::nullopt, transplant_day::at(19)};
    CHECK(c::assess_gvhd_course(std::vector{rash(20, 1.0)}, backwards, graded).error().field() == "episode.end");
}

TEST_CASE("grading a course allocates nothing", "[COMP-AGVHD-007]") {
    std::vector<c::gvhd_course_day> days{stool(22, 600.0), stool(23, 900.0), rash(24, 30.0)};
    days[0].weight = hsct::mass(70.0, u::kg);
    std::vector<c::gvhd_day_grade> graded(days.size());
    const c::gvhd_episode ep{transplant_day::at(22)};
    hsct_test::allocation_counter count;
    const auto r = c::assess_gvhd_course(days, ep, graded);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->magic.grade == g::grade_ii);
}

}  // namespace hsct_test_complications_acute_gvhd_course_test
