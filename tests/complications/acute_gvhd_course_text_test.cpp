// Tests for include/hsct/complications/acute_gvhd_course_text.hpp: a day of an episode (its three
// grades with their organs, how its stool output was taken: the day's own, the lower-GI onset
// window, an empty window, the 3-day mean; its MAGIC and Keystone stages) and the episode's maxima
// (the data-collection policies, each system's policies, its maximum with the first day and the
// deciding organ's measurement), for the course test's lower-GI episode, in English and through a
// second catalogue.
#include <hsct/complications/acute_gvhd_course_text.hpp>

#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_acute_gvhd_course_text_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
c::gvhd_course_day stool(int day, double ml) {
    c::gvhd_course_day d;
    d.findings.day = transplant_day::at(day);
    d.findings.stool_volume = hsct::volume(ml, u::mL);
    return d;
}
struct run {
    std::vector<c::gvhd_day_grade> graded;
    c::gvhd_episode_result result;
};
run assess(std::vector<c::gvhd_course_day> days, const c::gvhd_episode& ep, const c::gvhd_course_options& o = {}) {
    if (!days.empty()) {
        days.front().weight = hsct::mass(70.0, u::kg);
    }
    run r;
    r.graded.resize(days.size());
    const auto out = c::assess_gvhd_course(days, ep, r.graded, o);
    REQUIRE(out.has_value());
    r.result = *out;
    return r;
}
// acute_gvhd_course_test.cpp's episode: the lower-GI diagnosis on D+25, stool D+22 to D+27
const std::vector<c::gvhd_course_day> episode_days{stool(22, 1200.0), stool(23, 300.0), stool(24, 300.0),
                                                   stool(25, 300.0),  stool(26, 900.0), stool(27, 1200.0)};
const c::gvhd_episode lower_gi_on_25{transplant_day::at(25), transplant_day::at(25)};

constexpr const char* not_assessed_skin_liver =
    "skin stage 0: not assessed that day: no measurement: unknown (input missing) [COMP-AGVHD-001]; liver stage 0: "
    "not assessed that day: no measurement: unknown (input missing) [COMP-AGVHD-001]; ";
constexpr const char* keystone_policies =
    "a paediatric patient below 50 kg (MAGIC), gut stage 4 is grade IV (Seattle, COG, MAGIC), erythroderma with any "
    "bullae and desquamation, one stage lower when another cause contributes, bloody stool is not a Keystone "
    "criterion";

constexpr hsct::catalogue_entry german[] = {
    {"acute_gvhd_course", "title", "akute GVHD"},
    {"acute_gvhd_course", "over", "ueber"},
    {"acute_gvhd_course", "days", "Tage"},
    {"acute_gvhd_course", "no_day", "kein Tag bewertet"},
    {"acute_gvhd_course", "stool", "Stuhl"},
    {"acute_gvhd_course", "onset_day", "Beginntag des unteren GI-Trakts"},
    {"acute_gvhd_course", "window_empty", "Fenster leer: die eigene Menge des Tages"},
    {"complications", "under", "nach"},
    {"upper_gi_rule", "three_days", "Symptome an 3 aufeinanderfolgenden Tagen"},
    {"onset_window", "three_days_before", "der hoechste Tag der 3 Tage vor der Diagnose"},
    {"stool_average", "mean_of_available", "3-Tage-Mittel der gemessenen Tage"},
    {"child_rule", "below_50_kg", "Kind unter 50 kg (MAGIC)"},
};
}  // namespace

TEST_CASE("a day of the episode: its grades, how its stool output was taken, its stages",
          "[COMP-AGVHD-006][COMP-AGVHD-007][MAGIC-2016][text]") {
    const auto r = assess(episode_days, lower_gi_on_25);
    // D+27: the mean of D+25..D+27 = (300 + 900 + 1200) / 3 = 800 mL: stage 1, MAGIC and Keystone II, IBMTR B
    CHECK(
        c::render(r.graded[5]) ==
        hsct::detail::concat(
            {"D+27: MAGIC 2016 grade II [COMP-AGVHD-003], decided by lower GI tract (gut) stage 1; modified "
             "Glucksberg (Keystone 1995) grade II [COMP-AGVHD-004], decided by lower GI tract (gut) stage 1; IBMTR "
             "index B [COMP-AGVHD-005], decided by lower GI tract (gut) stage 1; stool: 3-day mean of the days "
             "measured, 3 days [COMP-AGVHD-006]; MAGIC 2016 stages on D+27, staged under a paediatric patient below 50 "
             "kg (MAGIC): ",
             not_assessed_skin_liver,
             "upper GI tract stage 0: persistent nausea, vomiting or anorexia: absent: not met [COMP-AGVHD-001]; "
             "lower GI tract (gut) stage 1 (adult bands): liquid stool volume a day: 800 mL >= 500 mL: met "
             "[COMP-AGVHD-001]; modified Glucksberg (Keystone 1995) stages on D+27, staged under ",
             keystone_policies, ": ", not_assessed_skin_liver,
             "lower GI tract (gut) stage 1 (adult bands): liquid stool volume a day: 800 mL >= 500 mL: met (hsct "
             "reading, unverified) [COMP-AGVHD-004]"}));
    // D+25, the lower-GI diagnosis: the highest day of D+22..D+24, 1200 mL, stage 2
    const std::string onset = c::render(r.graded[3]);
    CHECK(onset.rfind("D+25: MAGIC 2016 grade III [COMP-AGVHD-003], decided by lower GI tract (gut) stage 2; ", 0) ==
          0);
    CHECK(onset.find("; stool: lower-GI onset day, the highest day of the 3 days before the diagnosis "
                     "[COMP-AGVHD-006]; ") != std::string::npos);
    CHECK(onset.find("liquid stool volume a day: 1200 mL >= 1000 mL: met [COMP-AGVHD-001]") != std::string::npos);
    // D+22, a day of the onset window before the diagnosis: graded on its own output, not counted
    CHECK(c::render(r.graded[0])
              .find("IBMTR index B [COMP-AGVHD-005], decided by lower GI tract (gut) stage 2; before the "
                    "onset: graded, not counted in the maxima [COMP-AGVHD-007]; stool: the day's own "
                    "output [COMP-AGVHD-006]; ") != std::string::npos);
    CHECK(c::render(r.graded[3]).find("before the onset") == std::string::npos);
    // a window without output: the diagnosis day's own 600 mL, named
    const auto alone = assess({stool(25, 600.0)}, lower_gi_on_25);
    CHECK(
        c::render(alone.graded[0])
            .find("; stool: lower-GI onset day, the highest day of the 3 days before the diagnosis, window empty: the "
                  "day's own output [COMP-AGVHD-006]; ") != std::string::npos);
    // a day without stool says nothing of it; the averaging policy named is the course's
    c::gvhd_course_options single;
    single.average = c::stool_average::single_day;
    const auto s = assess(episode_days, lower_gi_on_25, single);
    CHECK(c::render(s.graded[5], single).find("; stool: the day's own output [COMP-AGVHD-006]; ") != std::string::npos);
    CHECK(c::render(s.graded[5], single).find("liquid stool volume a day: 1200 mL >= 1000 mL") != std::string::npos);
}

TEST_CASE("the episode: its policies and each system's maximum with its first day and measurement",
          "[COMP-AGVHD-006][COMP-AGVHD-007][MAGIC-2016][Keystone-1995][IBMTR-1997][text]") {
    const auto r = assess(episode_days, lower_gi_on_25);
    // D+22..D+24 are data of the onset window, not days of the episode: the maximum is first
    // reached on D+25, the diagnosis (the window's highest day, 1200 mL: stage 2, MAGIC and Keystone
    // III, IBMTR B); the Keystone stage criteria are unverified
    constexpr const char* by_1200 =
        ", decided by lower GI tract (gut) stage 2: liquid stool volume a day: 1200 mL >= 1000 mL: met "
        "[COMP-AGVHD-001]";
    constexpr const char* by_1200_keystone =
        ", decided by lower GI tract (gut) stage 2: liquid stool volume a day: 1200 mL >= 1000 mL: met (hsct reading, "
        "unverified) [COMP-AGVHD-004]";
    CHECK(c::render(r.result) ==
          hsct::detail::concat({"acute GVHD over 6 days under symptoms on 3 consecutive days, the highest day of the 3 "
                                "days before the diagnosis, 3-day mean of the days measured [COMP-AGVHD-006]: MAGIC "
                                "2016 under a paediatric patient below 50 kg (MAGIC): maximum grade III first on D+25 "
                                "[COMP-AGVHD-007]",
                                by_1200, "; modified Glucksberg (Keystone 1995) under ", keystone_policies,
                                ": maximum grade III first on D+25 [COMP-AGVHD-007]", by_1200_keystone,
                                "; IBMTR: maximum index B first on D+25 [COMP-AGVHD-007]", by_1200_keystone}));
    CHECK(c::render(r.result.magic) ==
          hsct::detail::concat({"maximum grade III first on D+25 [COMP-AGVHD-007]", by_1200}));
    // no day graded
    const auto empty = assess({}, lower_gi_on_25);
    CHECK(
        c::render(empty.result) ==
        hsct::detail::concat({"acute GVHD over 0 days under symptoms on 3 consecutive days, the highest day of the 3 "
                              "days before the diagnosis, 3-day mean of the days measured [COMP-AGVHD-006]: MAGIC "
                              "2016 under a paediatric patient below 50 kg (MAGIC): no day graded; modified Glucksberg "
                              "(Keystone "
                              "1995) under ",
                              keystone_policies, ": no day graded; IBMTR: no day graded"}));
}

TEST_CASE("an episode through another catalogue", "[COMP-AGVHD-006][COMP-AGVHD-007][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    const auto empty = assess({}, lower_gi_on_25);
    CHECK(
        c::render(empty.result, de) ==
        hsct::detail::concat({"akute GVHD ueber 0 Tage nach Symptome an 3 aufeinanderfolgenden Tagen, der hoechste "
                              "Tag der 3 Tage vor der Diagnose, 3-Tage-Mittel der gemessenen Tage [COMP-AGVHD-006]: "
                              "MAGIC 2016 nach Kind unter 50 kg (MAGIC): kein Tag bewertet; modified Glucksberg "
                              "(Keystone 1995) nach Kind unter 50 kg (MAGIC), gut stage 4 is grade IV (Seattle, COG, "
                              "MAGIC), erythroderma with any bullae and desquamation, one stage lower when another "
                              "cause contributes, bloody stool is not a Keystone criterion: kein Tag bewertet; IBMTR: "
                              "kein Tag bewertet"}));
    const auto alone = assess({stool(25, 600.0)}, lower_gi_on_25);
    CHECK(
        c::render(alone.graded[0], de)
            .find(
                "; Stuhl: Beginntag des unteren GI-Trakts, der hoechste Tag der 3 Tage vor der Diagnose, Fenster leer: "
                "die eigene Menge des Tages [COMP-AGVHD-006]; ") != std::string::npos);
}

}  // namespace hsct_test_complications_acute_gvhd_course_text_test
