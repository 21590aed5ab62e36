// Tests for include/hsct/complications/chronic_gvhd_severity_text.hpp: NIH 2014 global severity
// rendered from its data (the severity, a lower bound, the clauses and the organs they name, the
// organs involved, not assessed, not counted and scored as a lower bound, every criterion from the
// top), for CG-1, CG-3 without FEV1 and CG-5 from raw findings, in English and through a second
// catalogue.
#include <hsct/complications/chronic_gvhd_severity_text.hpp>

#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_severity_text_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
c::cgvhd_global_severity_result global(const c::nih_scores& s) {
    const auto r = c::assess_cgvhd_global_severity(s);
    REQUIRE(r.has_value());
    return *r;
}
c::nih_organ_score score(int n, c::nih_organ_state state = c::nih_organ_state::scored) {
    return *c::nih_organ_score::of(n, state);
}
/// Every organ scored 0.
c::nih_scores zero() {
    c::nih_scores s;
    for (const auto o : hsct::values<c::nih_organ>()) {
        s.of(o) = score(0);
    }
    return s;
}
constexpr const char* top =
    ": highest score of an organ other than the lungs (3: severe): 1 points >= 3 points: not met [COMP-CGVHD-020]; ";

constexpr hsct::catalogue_entry german[] = {
    {"cgvhd_global_severity", "title", "globaler Schweregrad der chronischen GVHD (NIH 2014)"},
    {"cgvhd_global_severity", "involved", "befallene Organe"},
    {"cgvhd_global_severity", "not_assessed", "nicht untersucht"},
    {"cgvhd_global_severity", "lower_bound", "eine Untergrenze"},
    {"cgvhd_severity", "mild", "leichte chronische GVHD"},
    {"cgvhd_severity_clause", "mild_one_or_two_organs", "1 oder 2 Organe mit Score 1, Lunge 0"},
    {"cgvhd_severity_criterion", "any_organ_involved", "befallene Organe (1 oder 2: leicht)"},
    {"complications", "decided_by", "bestimmt durch"},
    {"nih_organ", "skin", "Haut"},
    {"nih_organ", "mouth", "Mund"},
    {"nih_organ", "lungs", "Lunge"},
    {"outcome", "met", "erfuellt"},
    {"outcome", "not_met", "nicht erfuellt"},
    {"outcome", "unknown", "unbekannt (Eingabe fehlt)"},
    {"text", "none", "keine"},
};
}  // namespace

TEST_CASE("CG-1: skin 1 and mouth 1, lung 0: mild, every criterion from the top",
          "[COMP-CGVHD-020][CG-1][NIH-2014][text]") {
    auto s = zero();
    s.skin = score(1);
    s.mouth = score(1);
    CHECK(c::render(global(s)) ==
          hsct::detail::concat({"chronic GVHD global severity (NIH 2014): mild chronic GVHD [COMP-CGVHD-020]: 1 or 2 "
                                "organs scored 1, lung score 0, decided by skin, mouth; organs involved: skin, mouth",
                                top,
                                "lung score (2 or 3: severe): 0 points >= 2 points: not met [COMP-CGVHD-021]; organs "
                                "involved (3 or more: moderate): 2 >= 3: not met [COMP-CGVHD-020]; highest score of an "
                                "organ other than the lungs (2: moderate): 1 points >= 2 points: not met "
                                "[COMP-CGVHD-020]; lung score (1: moderate): 0 points >= 1 points: not met "
                                "[COMP-CGVHD-021]; organs involved (1 or 2: mild): 2 >= 1: met [COMP-CGVHD-020]"}));
}

TEST_CASE(
    "CG-3 without FEV1 under not_scored: the lungs not assessed make mild a lower bound; another cause is not counted",
    "[COMP-CGVHD-021][COMP-CGVHD-018][CG-3][NIH-2014][text]") {
    auto s = zero();
    s.eyes = score(1);
    s.lungs = c::nih_organ_score{};  // not assessed
    s.liver = score(2, c::nih_organ_state::other_cause_only);
    CHECK(c::render(global(s)) ==
          hsct::detail::concat({"chronic GVHD global severity (NIH 2014): mild chronic GVHD (a lower bound) "
                                "[COMP-CGVHD-020]: 1 or 2 organs scored 1, lung score 0, decided by eyes; organs "
                                "involved: eyes; not assessed: lungs; not counted, another cause: liver",
                                top,
                                "lung score (2 or 3: severe): none: unknown (input missing) [COMP-CGVHD-021]; organs "
                                "involved (3 or more: moderate): 1 >= 3: not met [COMP-CGVHD-020]; highest score of an "
                                "organ other than the lungs (2: moderate): 1 points >= 2 points: not met "
                                "[COMP-CGVHD-020]; lung score (1: moderate): none: unknown (input missing) "
                                "[COMP-CGVHD-021]; organs involved (1 or 2: mild): 1 >= 1: met [COMP-CGVHD-020]"}));
}

TEST_CASE("CG-5 from raw findings: severe by the skin, then the organ scores it was decided from",
          "[COMP-CGVHD-010][COMP-CGVHD-020][CG-5][NIH-2014][text]") {
    c::cgvhd_organ_input in;
    in.day = transplant_day::at(400);
    in.skin.bsa = hsct::percent(10.0, u::pct);
    in.skin.sclerosis = c::skin_sclerosis::deep_hidebound;
    in.mouth.finding = c::mouth_finding::mild;
    in.lungs.fev1 = hsct::percent(65.0, u::pct);
    const auto r = c::assess_chronic_gvhd_severity(in);
    REQUIRE(r.has_value());
    // severe is decided at the top: nothing missing can raise it, and the lower criteria are not read
    const std::string global_part =
        "chronic GVHD global severity (NIH 2014): severe chronic GVHD [COMP-CGVHD-020]: an organ scored 3, decided by "
        "skin; organs involved: skin, mouth, lungs; not assessed: eyes, GI tract, liver, joints and fascia, genital "
        "tract: highest score of an organ other than the lungs (3: severe): 3 points >= 3 points: met "
        "[COMP-CGVHD-020]; lung score (2 or 3: severe): 1 points >= 2 points: not met [COMP-CGVHD-021]";
    CHECK(c::render(r->global) == global_part);
    CHECK(c::render(*r) == hsct::detail::concat({global_part, "; ", c::render(r->organs)}));
    CHECK(c::render(r->organs).rfind("NIH 2014 organ scores on D+400 under ", 0) == 0);
}

TEST_CASE("global severity through another catalogue", "[COMP-CGVHD-020][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    auto s = zero();
    s.skin = score(1);
    s.mouth = score(1);
    s.lungs = c::nih_organ_score{};
    const std::string r = c::render(global(s), de);
    CHECK(
        r.rfind("globaler Schweregrad der chronischen GVHD (NIH 2014): leichte chronische GVHD (eine Untergrenze) "
                "[COMP-CGVHD-020]: 1 oder 2 Organe mit Score 1, Lunge 0, bestimmt durch Haut, Mund; befallene Organe: "
                "Haut, Mund; nicht untersucht: Lunge: ",
                0) == 0);
    CHECK(r.find("lung score (2 or 3: severe): keine: unbekannt (Eingabe fehlt) [COMP-CGVHD-021]") !=
          std::string::npos);
    CHECK(r.find("befallene Organe (1 oder 2: leicht): 2 >= 1: erfuellt [COMP-CGVHD-020]") != std::string::npos);
}

}  // namespace hsct_test_complications_chronic_gvhd_severity_text_test
