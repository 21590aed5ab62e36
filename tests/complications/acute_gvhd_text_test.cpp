// Tests for include/hsct/complications/acute_gvhd_text.hpp: a day's MAGIC, Keystone and IBMTR
// grades rendered from their data (the system, day and requirement, the organs that conferred the
// grade, the policies, every organ's stage with the criterion that decided it, the bands of the
// lower GI, an organ not measured, another cause, the Keystone downgrade, hsct's readings marked)
// for the reference notes' AG-M1, AG-M5, AG-M9, AG-G5, AG-G6 and AG-I3, in English and through a
// second catalogue.
#include <hsct/complications/acute_gvhd_text.hpp>

#include <optional>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_acute_gvhd_text_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
const c::gvhd_patient adult{hsct::mass(70.0, u::kg)};
c::gvhd_day with(std::optional<double> rash, std::optional<double> bili_mg_dl, std::optional<double> stool_ml) {
    c::gvhd_day d;
    d.day = transplant_day::at(21);
    if (rash) {
        d.rash_bsa = hsct::percent(*rash, u::pct);
    }
    if (bili_mg_dl) {
        d.bilirubin = hsct::bilirubin(*bili_mg_dl, u::mg_per_dl);
    }
    if (stool_ml) {
        d.stool_volume = hsct::volume(*stool_ml, u::mL);
    }
    return d;
}
c::magic_stages magic(const c::gvhd_day& d, const c::gvhd_patient& p = adult) {
    const auto r = c::stage_magic(d, p);
    REQUIRE(r.has_value());
    return *r;
}
c::keystone_stages keystone(const c::gvhd_day& d, const c::keystone_options& o = {}) {
    const auto r = c::stage_keystone(d, adult, o);
    REQUIRE(r.has_value());
    return *r;
}
// the default Keystone policies, as their labels read
constexpr const char* keystone_policies =
    "staged under a paediatric patient below 50 kg (MAGIC), gut stage 4 is grade IV (Seattle, COG, MAGIC), "
    "erythroderma with any bullae and desquamation, one stage lower when another cause contributes, bloody stool is "
    "not a Keystone criterion: ";
constexpr const char* magic_policy = "staged under a paediatric patient below 50 kg (MAGIC): ";
constexpr const char* upper_gi_none =
    "upper GI tract stage 0: persistent nausea, vomiting or anorexia: absent: not met [COMP-AGVHD-001]";

constexpr hsct::catalogue_entry german[] = {
    {"acute_gvhd", "magic", "MAGIC 2016"},
    {"acute_gvhd", "stage", "Stadium"},
    {"acute_gvhd", "staged_under", "eingestuft nach"},
    {"acute_gvhd", "adult_bands", "Erwachsenenbereiche"},
    {"acute_gvhd", "no_organ", "kein Organ ueber Stadium 0"},
    {"complications", "on", "am"},
    {"complications", "decided_by", "bestimmt durch"},
    {"agvhd_organ", "skin", "Haut"},
    {"agvhd_organ", "liver", "Leber"},
    {"agvhd_organ", "upper_gi", "oberer GI-Trakt"},
    {"agvhd_organ", "lower_gi", "unterer GI-Trakt (Darm)"},
    {"agvhd_criterion", "rash_bsa", "aktives Erythem (% KOF)"},
    {"agvhd_criterion", "bilirubin", "Gesamtbilirubin"},
    {"agvhd_criterion", "upper_gi_persistent", "anhaltende Uebelkeit, Erbrechen oder Appetitlosigkeit"},
    {"agvhd_criterion", "stool_volume", "fluessiges Stuhlvolumen am Tag"},
    {"agvhd_grade", "grade_i", "Grad I"},
    {"child_rule", "below_50_kg", "Kind unter 50 kg (MAGIC)"},
    {"text", "absent", "nicht vorhanden"},
    {"outcome", "met", "erfuellt"},
    {"outcome", "not_met", "nicht erfuellt"},
};
}  // namespace

TEST_CASE("AG-M1: MAGIC grade I on D+21, decided by the skin; every organ with its measurement",
          "[COMP-AGVHD-001][COMP-AGVHD-003][AG-M1][MAGIC-2016][text]") {
    // rash 30 % (25-50: stage 2), bilirubin 1.8 mg/dL (< 2: 0), no upper-GI symptoms, 400 mL (< 500: 0)
    const auto s = magic(with(30.0, 1.8, 400.0));
    constexpr const char* organs =
        "skin stage 2: active erythema (% BSA): 30 % >= 25 %: met [COMP-AGVHD-001]; liver stage 0: total bilirubin: "
        "1.8 mg/dL < 2 mg/dL: met [COMP-AGVHD-001]; upper GI tract stage 0: persistent nausea, vomiting or anorexia: "
        "absent: not met [COMP-AGVHD-001]; lower GI tract (gut) stage 0 (adult bands): liquid stool volume a day: 400 "
        "mL < 500 mL: met [COMP-AGVHD-001]";
    CHECK(c::render(c::grade_magic(s), s) ==
          hsct::detail::concat(
              {"MAGIC 2016 on D+21: grade I [COMP-AGVHD-003], decided by skin stage 2; ", magic_policy, organs}));
    // the stages alone, and the grade alone (which carries neither system nor day)
    CHECK(c::render(s) == hsct::detail::concat({"MAGIC 2016 stages on D+21, ", magic_policy, organs}));
    CHECK(c::render(c::grade_magic(s)) ==
          "grade I, decided by skin stage 2: active erythema (% BSA): 30 % >= 25 %: met [COMP-AGVHD-001]");
    CHECK(c::render(s.liver) == "liver stage 0: total bilirubin: 1.8 mg/dL < 2 mg/dL: met [COMP-AGVHD-001]");
}

TEST_CASE("AG-M9: two organs confer grade II; AG-M5: a child's stool per kg on the child's bands",
          "[COMP-AGVHD-001][COMP-AGVHD-003][AG-M9][AG-M5][MAGIC-2016][text]") {
    // rash 90 % (> 50: 3), bilirubin 2.5 (2-3: 1): both confer grade II
    const auto m9 = magic(with(90.0, 2.5, std::nullopt));
    CHECK(c::render(c::grade_magic(m9), m9) ==
          hsct::detail::concat(
              {"MAGIC 2016 on D+21: grade II [COMP-AGVHD-003], decided by skin stage 3, liver stage 1; ", magic_policy,
               "skin stage 3: active erythema (% BSA): 90 % > 50 %: met [COMP-AGVHD-001]; liver stage 1: "
               "total bilirubin: 2.5 mg/dL >= 2 mg/dL: met [COMP-AGVHD-001]; ",
               upper_gi_none,
               "; lower GI tract (gut) stage 0: not assessed that day: no measurement: unknown (input "
               "missing) [COMP-AGVHD-001]"}));
    // a child of 20 kg: 400 mL is 20 mL/kg, stage 2 (grade III)
    const auto m5 = magic(with(std::nullopt, std::nullopt, 400.0), {hsct::mass(20.0, u::kg), true});
    CHECK(c::render(c::grade_magic(m5)) ==
          "grade III, decided by lower GI tract (gut) stage 2: liquid stool volume a day (mL/kg): 20 >= 20: met "
          "[COMP-AGVHD-001]");
    CHECK(c::render(m5.lower_gi) ==
          "lower GI tract (gut) stage 2: liquid stool volume a day (mL/kg): 20 >= 20: met [COMP-AGVHD-001]");
    CHECK(c::render(m5).find("lower GI tract (gut) stage 2 (child's bands): ") != std::string::npos);
}

TEST_CASE("nothing measured: grade 0 and every organ named as not assessed; another cause stages 0",
          "[COMP-AGVHD-001][COMP-AGVHD-002][MAGIC-2016][text]") {
    const auto none = magic(with(std::nullopt, std::nullopt, std::nullopt));
    CHECK(
        c::render(c::grade_magic(none), none) ==
        hsct::detail::concat({"MAGIC 2016 on D+21: grade 0 [COMP-AGVHD-003], no organ above stage 0; ", magic_policy,
                              "skin stage 0: not assessed that day: no measurement: unknown (input missing) "
                              "[COMP-AGVHD-001]; liver stage 0: not assessed that day: no measurement: unknown (input "
                              "missing) [COMP-AGVHD-001]; ",
                              upper_gi_none,
                              "; lower GI tract (gut) stage 0: not assessed that day: no measurement: unknown (input "
                              "missing) [COMP-AGVHD-001]"}));
    CHECK(c::render(c::grade_magic(none)) == "grade 0, no organ above stage 0");
    auto d = with(std::nullopt, 8.0, std::nullopt);
    d.liver_cause = c::gvhd_attribution::other_cause;
    CHECK(c::render(magic(d).liver) == "liver stage 0: attributed to another cause: present: met [COMP-AGVHD-002]");
    // bilirubin 3.05 mg/dL lies in the printed gap 3 / 3.1: stage 2, hsct's reading, marked
    CHECK(c::render(magic(with(std::nullopt, 3.05, std::nullopt)).liver) ==
          "liver stage 2: total bilirubin: 3.05 mg/dL > 3 mg/dL: met (hsct reading, unverified) [COMP-AGVHD-001]");
}

TEST_CASE("AG-G6: Keystone lowers the liver for a contributing cause; AG-G5: any bullae, hsct's reading",
          "[COMP-AGVHD-004][AG-G6][AG-G5][Keystone-1995][text]") {
    // bilirubin 3.5 mg/dL (> 3: 2) with documented haemolysis: one stage lower, 1 (grade II); the
    // Keystone cells are the notes' reproduction, every stage criterion marked unverified
    auto g6 = with(std::nullopt, 3.5, std::nullopt);
    g6.liver_cause = c::gvhd_attribution::gvhd_and_other_cause;
    const auto k6 = keystone(g6);
    CHECK(
        c::render(c::grade_keystone(k6), k6) ==
        hsct::detail::concat({"modified Glucksberg (Keystone 1995) on D+21: grade II [COMP-AGVHD-004], decided by "
                              "liver stage 1; ",
                              keystone_policies,
                              "skin stage 0: not assessed that day: no measurement: unknown (input missing) "
                              "[COMP-AGVHD-001]; liver stage 1: another cause contributes (one stage lower): 3.5 mg/dL "
                              "> 3 mg/dL: met (hsct reading, unverified) [COMP-AGVHD-004]; lower GI tract (gut) stage "
                              "0: not assessed that day: no measurement: unknown (input missing) [COMP-AGVHD-001]"}));
    // erythroderma 60 % with bullae 2 %: Keystone skin 4 by the literal wording, grade IV
    auto g5 = with(60.0, 2.5, 600.0);
    g5.bullae_bsa = hsct::percent(2.0, u::pct);
    const auto k5 = keystone(g5);
    CHECK(c::render(c::grade_keystone(k5)) ==
          "grade IV, decided by skin stage 4: bullae and desquamation (% BSA): 2 % > 0 %: met (hsct reading, "
          "unverified) [COMP-AGVHD-004]");
    // under MAGIC's reading (above 5 %) the skin stays 3, and the result says which reading it ran under
    c::keystone_options magic_bullae;
    magic_bullae.skin4 = c::keystone_skin4::bullae_above_5pct;
    CHECK(c::render(keystone(g5, magic_bullae)) ==
          "modified Glucksberg (Keystone 1995) stages on D+21, staged under a paediatric patient below 50 kg (MAGIC), "
          "gut stage 4 is grade IV (Seattle, COG, MAGIC), erythroderma with bullae above 5 % BSA (as MAGIC), one stage "
          "lower when another cause contributes, bloody stool is not a Keystone criterion: skin stage 3: active "
          "erythema (% BSA): 60 % > 50 %: met (hsct reading, unverified) [COMP-AGVHD-004]; liver stage 1: total "
          "bilirubin: 2.5 mg/dL >= 2 mg/dL: met (hsct reading, unverified) [COMP-AGVHD-004]; lower GI tract (gut) "
          "stage 1 (adult bands): liquid stool volume a day: 600 mL >= 500 mL: met (hsct reading, unverified) "
          "[COMP-AGVHD-004]");
}

TEST_CASE("AG-I3: the IBMTR index on the Keystone stages, decided by the gut",
          "[COMP-AGVHD-005][AG-I3][IBMTR-1997][text]") {
    // skin 30 % (2: index B), stool 1600 mL (> 1500: gut 3, index C)
    const auto k = keystone(with(30.0, std::nullopt, 1600.0));
    CHECK(c::render(c::grade_ibmtr(k), k) ==
          hsct::detail::concat(
              {"IBMTR on D+21: index C [COMP-AGVHD-005], decided by lower GI tract (gut) stage 3; ", keystone_policies,
               "skin stage 2: active erythema (% BSA): 30 % >= 25 %: met (hsct reading, unverified) "
               "[COMP-AGVHD-004]; liver stage 0: not assessed that day: no measurement: unknown (input "
               "missing) [COMP-AGVHD-001]; lower GI tract (gut) stage 3 (adult bands): liquid stool "
               "volume a day: 1600 mL > 1500 mL: met (hsct reading, unverified) [COMP-AGVHD-004]"}));
}

TEST_CASE("acute GVHD through another catalogue", "[COMP-AGVHD-003][AG-M1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    const auto s = magic(with(30.0, 1.8, 400.0));
    CHECK(c::render(c::grade_magic(s), s, de) ==
          "MAGIC 2016 am D+21: Grad I [COMP-AGVHD-003], bestimmt durch Haut Stadium 2; eingestuft nach Kind unter 50 "
          "kg (MAGIC): Haut Stadium 2: aktives Erythem (% KOF): 30 % >= 25 %: erfuellt [COMP-AGVHD-001]; Leber "
          "Stadium 0: Gesamtbilirubin: 1.8 mg/dL < 2 mg/dL: erfuellt [COMP-AGVHD-001]; oberer GI-Trakt Stadium 0: "
          "anhaltende Uebelkeit, Erbrechen oder Appetitlosigkeit: nicht vorhanden: nicht erfuellt [COMP-AGVHD-001]; "
          "unterer GI-Trakt (Darm) Stadium 0 (Erwachsenenbereiche): fluessiges Stuhlvolumen am Tag: 400 mL < 500 mL: "
          "erfuellt [COMP-AGVHD-001]");
    const auto none = magic(with(std::nullopt, std::nullopt, std::nullopt));
    CHECK(c::render(c::grade_magic(none), de) == "grade 0, kein Organ ueber Stadium 0");
}

}  // namespace hsct_test_complications_acute_gvhd_text_test
