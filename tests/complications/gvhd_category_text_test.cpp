// Tests for include/hsct/complications/gvhd_category_text.hpp: the NIH acute/chronic category
// rendered from its data (the day, the category and its requirement, the day-100 policy, the
// inputs missing, every criterion, the day criteria as transplant days marked as hsct's reading),
// for CAT-1, CAT-2, CAT-3, CAT-6 and CAT-8, in English and through a second catalogue.
#include <hsct/complications/gvhd_category_text.hpp>

#include <optional>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_gvhd_category_text_test {

namespace c = hsct::complications;
using hsct::transplant_day;

namespace {
c::gvhd_category_result assess(int day, std::optional<bool> acute, std::optional<bool> chronic,
                               std::optional<int> onset = std::nullopt, std::optional<bool> resolved = std::nullopt,
                               const c::gvhd_category_options& o = {}) {
    c::gvhd_category_input in;
    in.day = transplant_day::at(day);
    in.acute_features = acute;
    in.chronic_gvhd = chronic;
    if (onset) {
        in.first_acute_onset = transplant_day::at(*onset);
    }
    in.resolved_before = resolved;
    const auto r = c::assess_gvhd_category(in, o);
    REQUIRE(r.has_value());
    return *r;
}
constexpr const char* acute_not_chronic =
    ": features of acute GVHD: present: met [COMP-CAT-001]; chronic GVHD (NIH 2014 diagnosis): absent: not met "
    "[COMP-CAT-001]; ";

constexpr hsct::catalogue_entry german[] = {
    {"nih_category", "title", "NIH-GVHD-Kategorie"},
    {"complications", "on", "am"},
    {"complications", "under", "nach"},
    {"gvhd_category", "late_onset_acute", "spaet einsetzende akute GVHD"},
    {"gvhd_category", "classic_acute", "klassische akute GVHD"},
    {"category_day_100", "day_100_is_classic", "Tag 100 ist klassisch akut"},
    {"gvhd_category_criterion", "acute_features", "Zeichen der akuten GVHD"},
    {"gvhd_category_criterion", "after_day_100", "nach Tag 100"},
    {"text", "present", "vorhanden"},
    {"outcome", "met", "erfuellt"},
    {"outcome", "not_met", "nicht erfuellt"},
    {"text", "unverified", "Lesart von hsct, nicht verifiziert"},
};
}  // namespace

TEST_CASE("CAT-1 and CAT-2: classic acute on D+30, late-onset acute on D+150, days against D+100",
          "[COMP-CAT-001][COMP-CAT-002][COMP-CAT-003][CAT-1][CAT-2][HB24-43][text]") {
    CHECK(c::render(assess(30, true, false)) ==
          hsct::detail::concat({"NIH GVHD category on D+30: classic acute GVHD [COMP-CAT-001] under day 100 is classic "
                                "acute (up to day 100)",
                                acute_not_chronic,
                                "after day 100: D+30 > D+100: not met (hsct reading, unverified) [COMP-CAT-002]"}));
    CHECK(c::render(assess(150, true, false, 140)) ==
          hsct::detail::concat({"NIH GVHD category on D+150: late-onset acute GVHD [COMP-CAT-001] under day 100 is "
                                "classic acute (up to day 100)",
                                acute_not_chronic,
                                "after day 100: D+150 > D+100: met (hsct reading, unverified) [COMP-CAT-002]; first "
                                "acute onset after day 100: D+140 > D+100: met (hsct reading, unverified) "
                                "[COMP-CAT-003]"}));
    // day 100 itself under the literal reading: late
    c::gvhd_category_options late;
    late.day_100 = c::category_day_100::day_100_is_late;
    CHECK(
        c::render(assess(100, true, false, 100, std::nullopt, late)) ==
        hsct::detail::concat({"NIH GVHD category on D+100: late-onset acute GVHD [COMP-CAT-001] under day 100 is late "
                              "acute (classic before day 100)",
                              acute_not_chronic,
                              "after day 100: D+100 >= D+100: met (hsct reading, unverified) [COMP-CAT-002]; first "
                              "acute onset after day 100: D+100 >= D+100: met (hsct reading, unverified) "
                              "[COMP-CAT-003]"}));
}

TEST_CASE("CAT-3 persistent; CAT-8 the history missing, named; CAT-6 overlap by intestinal involvement",
          "[COMP-CAT-003][COMP-CAT-004][CAT-3][CAT-8][CAT-6][HB24-43][text]") {
    CHECK(
        c::render(assess(120, true, false, 25, false)) ==
        hsct::detail::concat({"NIH GVHD category on D+120: persistent acute GVHD [COMP-CAT-001] under day 100 is "
                              "classic acute (up to day 100)",
                              acute_not_chronic,
                              "after day 100: D+120 > D+100: met (hsct reading, unverified) [COMP-CAT-002]; first "
                              "acute onset after day 100: D+25 > D+100: not met (hsct reading, unverified) "
                              "[COMP-CAT-003]; earlier acute GVHD resolved: absent: not met (hsct reading, unverified) "
                              "[COMP-CAT-003]"}));
    CHECK(c::render(assess(150, true, false)) ==
          hsct::detail::concat({"NIH GVHD category on D+150: persistent, recurrent or late-onset acute GVHD "
                                "[COMP-CAT-001] under day 100 is classic acute (up to day 100) (missing: the day acute "
                                "GVHD first appeared)",
                                acute_not_chronic,
                                "after day 100: D+150 > D+100: met (hsct reading, unverified) [COMP-CAT-002]; first "
                                "acute onset after day 100: the day acute GVHD first appeared missing: unknown (input "
                                "missing) (hsct reading, unverified) [COMP-CAT-003]"}));
    c::gvhd_category_input in;
    in.day = transplant_day::at(300);
    in.acute_features = false;
    in.intestinal_involvement = true;
    in.chronic_gvhd = true;
    CHECK(
        c::render(*c::assess_gvhd_category(in)) ==
        "NIH GVHD category on D+300: overlap syndrome (chronic GVHD with acute features) [COMP-CAT-001] under day 100 "
        "is classic acute (up to day 100): features of acute GVHD: absent: not met [COMP-CAT-001]; GI involvement "
        "other than the oesophagus: present: met [COMP-CAT-004]; chronic GVHD (NIH 2014 diagnosis): present: met "
        "[COMP-CAT-001]");
    // nothing stated: undetermined, both inputs named
    CHECK(c::render(assess(60, std::nullopt, std::nullopt)) ==
          "NIH GVHD category on D+60: undetermined (input missing) [COMP-CAT-001] under day 100 is classic acute (up "
          "to day 100) (missing: acute GVHD features present; chronic GVHD diagnosis): features of acute GVHD: acute "
          "GVHD features present missing: unknown (input missing) [COMP-CAT-001]; chronic GVHD (NIH 2014 diagnosis): "
          "chronic GVHD diagnosis missing: unknown (input missing) [COMP-CAT-001]");
}

TEST_CASE("the category through another catalogue", "[COMP-CAT-001][CAT-1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(
        c::render(assess(30, true, false), de) ==
        "NIH-GVHD-Kategorie am D+30: klassische akute GVHD [COMP-CAT-001] nach Tag 100 ist klassisch akut: Zeichen "
        "der akuten GVHD: vorhanden: erfuellt [COMP-CAT-001]; chronic GVHD (NIH 2014 diagnosis): absent: nicht "
        "erfuellt [COMP-CAT-001]; nach Tag 100: D+30 > D+100: nicht erfuellt (Lesart von hsct, nicht verifiziert) "
        "[COMP-CAT-002]");
}

}  // namespace hsct_test_complications_gvhd_category_text_test
