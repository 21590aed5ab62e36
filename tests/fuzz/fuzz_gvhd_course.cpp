// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for acute GVHD over an episode (COMP-AGVHD-001..007): the input is read as
// days of raw findings (rash and bullae BSA, some above 100 % or negative, bilirubin in mg/dL or
// umol/L, stool volume and episodes, flags, attributions with undeclared numbers, weights, days
// out of order or outside the episode) and graded with assess_gvhd_course under options taken
// from the input.
// Invariants, checked with __builtin_trap:
//  - a refusal names a field; an accepted course grades every day;
//  - each day's grades are the grades of that day's own stages (MAGIC, Keystone, IBMTR);
//  - the episode's maximum is at least the grade of every day from the onset on (the days of the
//    onset window before it are graded but not counted) and is the grade of the day it names.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

#include <hsct/complications/acute_gvhd_course.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_gvhd_course: %s\n", what);
    __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace c = hsct::complications;
    namespace u = hsct::units;
    if (size < 4) {
        return 0;
    }
    c::gvhd_course_options o;
    o.upper_gi = (data[0] & 1U) != 0U ? c::upper_gi_rule::stated : c::upper_gi_rule::three_days;
    o.onset = (data[0] & 2U) != 0U ? c::onset_window::diagnosis_and_two_before : c::onset_window::three_days_before;
    o.average = (data[0] & 4U) != 0U ? c::stool_average::single_day : c::stool_average::mean_of_available;
    o.magic.child = (data[0] & 8U) != 0U ? c::child_rule::at_or_below_50_kg : c::child_rule::below_50_kg;
    o.keystone.gut4 = (data[0] & 16U) != 0U ? c::gut_stage4_grade::grade_iii : c::gut_stage4_grade::grade_iv;
    c::gvhd_episode ep{hsct::transplant_day::at(static_cast<int>(data[1]) - 20)};
    if ((data[2] & 1U) != 0U) {
        ep.lower_gi_onset = hsct::transplant_day::at(static_cast<int>(data[1]) - 18 + static_cast<int>(data[2] >> 5U));
    }
    if ((data[2] & 2U) != 0U) {
        ep.end = hsct::transplant_day::at(static_cast<int>(data[1]) + static_cast<int>(data[3] & 63U));
    }
    if ((data[2] & 4U) != 0U) {
        ep.paediatric = (data[2] & 8U) != 0U;
    }
    std::vector<c::gvhd_course_day> days;
    int day = static_cast<int>(data[1]) - 23;
    for (std::size_t i = 4; i + 8 <= size && days.size() < 200; i += 8) {
        const std::uint8_t* b = data + i;
        day += (b[0] & 7U) == 7U ? -1 : static_cast<int>(b[0] & 3U);  // now and then out of order or repeated
        c::gvhd_course_day d;
        d.findings.day = hsct::transplant_day::at(day);
        if ((b[0] & 8U) != 0U) {
            d.findings.rash_bsa = hsct::percent(static_cast<double>(b[1]) / 2.5 - 1.0, u::pct);
        }
        if ((b[0] & 16U) != 0U) {
            d.findings.bullae_bsa = hsct::percent(static_cast<double>(b[2]) / 4.0, u::pct);
        }
        if ((b[0] & 32U) != 0U) {
            d.findings.bilirubin = (b[3] & 1U) != 0U ? hsct::bilirubin(static_cast<double>(b[3]) * 1.7, u::umol_per_l)
                                                     : hsct::bilirubin(static_cast<double>(b[3]) / 10.0, u::mg_per_dl);
        }
        if ((b[0] & 64U) != 0U) {
            d.findings.stool_volume = hsct::volume(static_cast<double>(b[4]) * 12.0 - 10.0, u::mL);
        }
        if ((b[0] & 128U) != 0U) {
            d.findings.stool_episodes = static_cast<std::uint8_t>(b[5] % 45U);
        }
        d.findings.upper_gi_symptoms = (b[6] & 1U) != 0U;
        d.findings.upper_gi_persistent = (b[6] & 0x80U) != 0U;
        d.findings.upper_gi_histology = (b[6] & 2U) != 0U;
        d.findings.grossly_bloody_stool = (b[6] & 4U) == 4U && (b[6] & 8U) == 8U;
        d.findings.severe_abdominal_pain = (b[6] & 16U) == 16U && (b[6] & 32U) == 32U;
        d.findings.liver_cause = static_cast<c::gvhd_attribution>(1U + (b[7] & 3U));  // 4 is undeclared
        d.findings.lower_gi_cause = static_cast<c::gvhd_attribution>(1U + ((b[7] >> 2U) % 3U));
        if ((b[7] & 64U) != 0U) {
            d.weight = hsct::mass(static_cast<double>(b[7] & 63U) * 1.6, u::kg);
        }
        days.push_back(d);
    }
    std::vector<c::gvhd_day_grade> graded(days.size());
    const auto r = c::assess_gvhd_course(days, ep, graded, o);
    if (!r) {
        if (r.error().field().empty()) {
            fail("a refusal without a field");
        }
        return 0;
    }
    if (r->days != days.size()) {
        fail("not every day graded");
    }
    for (std::size_t i = 0; i < days.size(); ++i) {
        const auto& g = graded[i];
        if (g.magic_grade.grade != c::grade_magic(g.magic).grade ||
            g.keystone_grade.grade != c::grade_keystone(g.keystone).grade || g.ibmtr.grade != c::grade_ibmtr(g.keystone).grade) {
            fail("a day's grade is not the grade of its stages");
        }
        if (g.before_onset != (g.day < ep.onset)) {
            fail("a day before the onset not named as such");
        }
        // the days of the onset window before the diagnosis are graded but not in the maxima
        if (!g.before_onset && (r->magic.grade < g.magic_grade.grade || r->keystone.grade < g.keystone_grade.grade ||
                                r->ibmtr.grade < g.ibmtr.grade)) {
            fail("a day of the episode above its maximum");
        }
        if (r->magic.day && *r->magic.day == g.day && g.magic_grade.grade != r->magic.grade) {
            fail("the maximum's day does not have the maximum");
        }
    }
    return 0;
}
