// Tests for include/hsct/complications/sos_vod_input_text.hpp: a SOS/VOD finding with its days,
// imaging and extent, and a criterion with the day it was read (its first day met, its nearest
// miss, or none), in English and through a second catalogue.
#include <hsct/complications/sos_vod_input_text.hpp>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_sos_vod_input_text_test {

namespace c = hsct::complications;
using hsct::transplant_day;

namespace {
hsct::criterion<c::sos_finding> bilirubin_met() {
    hsct::criterion<c::sos_finding> k;
    k.id = c::sos_finding::hepatomegaly;
    k.result = hsct::outcome::met;
    k.cmp = hsct::comparator::present;
    k.requirement = "COMP-SOS-030";
    k.measured = hsct::measure::flag(true);
    return k;
}
constexpr hsct::catalogue_entry german[] = {
    {"sos_vod", "from", "ab"},
    {"sos_vod", "resolved_on", "abgeklungen am"},
    {"sos_vod", "by_imaging", "bildgebend"},
    {"sos_vod", "extent", "Ausmass"},
    {"sos_finding", "ascites", "Aszites"},
    {"sos_finding", "hepatomegaly", "Hepatomegalie"},
    {"sos_ascites_extent", "needs_paracentesis", "punktionsbeduerftig"},
    {"text", "present", "vorhanden"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("a finding: its onset, the day it resolved, imaging and the extent of ascites",
          "[COMP-SOS-001][COMP-SOS-002][text]") {
    CHECK(c::render(c::sos_finding_record::from(c::sos_finding::hepatomegaly, transplant_day::at(11))) ==
          "hepatomegaly from D+11");
    CHECK(c::render(c::sos_finding_record::from(c::sos_finding::ascites, transplant_day::at(14), transplant_day::at(20),
                                                true)) == "ascites from D+14, resolved on D+20, by imaging");
    CHECK(c::render(
              c::sos_finding_record::ascites_of(c::sos_ascites_extent::needs_paracentesis, transplant_day::at(-2))) ==
          "ascites from D-2, extent: needing paracentesis");
}

TEST_CASE("a criterion with its day, or without one", "[COMP-SOS-002][text]") {
    CHECK(c::render(c::sos_dated_criterion<c::sos_finding>{transplant_day::at(11), bilirubin_met()}) ==
          "D+11: hepatomegaly: present: met [COMP-SOS-030]");
    CHECK(c::render(c::sos_dated_criterion<c::sos_finding>{std::nullopt, bilirubin_met()}) ==
          "hepatomegaly: present: met [COMP-SOS-030]");
}

TEST_CASE("findings and criteria through another catalogue", "[COMP-SOS-002][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(c::render(c::sos_finding_record::ascites_of(c::sos_ascites_extent::needs_paracentesis, transplant_day::at(14),
                                                      transplant_day::at(20), true),
                    de) == "Aszites ab D+14, abgeklungen am D+20, bildgebend, Ausmass: punktionsbeduerftig");
    CHECK(c::render(c::sos_dated_criterion<c::sos_finding>{transplant_day::at(11), bilirubin_met()}, de) ==
          "D+11: Hepatomegalie: vorhanden: erfuellt [COMP-SOS-030]");
}

}  // namespace hsct_test_complications_sos_vod_input_text_test
