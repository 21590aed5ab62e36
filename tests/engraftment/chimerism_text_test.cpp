// Tests for include/hsct/engraftment/chimerism_text.hpp: chimerism rendered from the result's data
// (the overall category, the cut-off and discordance policies, each lineage with its method, the
// method's sensitivity, its category and the donor % compared), for the reference notes'
// CH-1..CH-5, a measurement as given, in English and through a second catalogue.
#include <hsct/engraftment/chimerism_text.hpp>

#include <optional>
#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_chimerism_text_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using L = e::chimerism_lineage;

namespace {
e::chimerism_measurement m(L l, double pct, e::chimerism_method method = e::chimerism_method::str_pcr) {
    return {l, hsct::percent(pct, u::pct), method, std::nullopt};
}
std::string render(const std::vector<e::chimerism_measurement>& ms, const e::chimerism_options& o = {},
                   const hsct::message_catalogue& cat = hsct::english()) {
    const auto r = e::assess_chimerism(ms, o);
    REQUIRE(r.has_value());
    return e::render(*r, cat);
}
constexpr hsct::catalogue_entry german[] = {
    {"chimerism_category", "split", "Split-Chimaerismus"},
    {"chimerism_category", "mixed", "gemischter Chimaerismus"},
    {"chimerism_category", "full", "kompletter Spenderchimaerismus"},
    {"chimerism", "under", "nach"},
    {"chimerism", "discordant", "abweichende Linien"},
    {"chimerism", "by", "mit"},
    {"chimerism", "sensitivity", "Sensitivitaet"},
    {"chimerism", "donor", "Spender"},
    {"chimerism", "on", "am"},
    {"full_chimerism_cutoff", "above_95", "komplett ueber 95 %"},
    {"discordant_lineages", "split", "split (HB24 Kap. 21)"},
    {"chimerism_lineage", "t_cells_cd3", "T-Zellen (CD3+)"},
    {"chimerism_lineage", "myeloid_cd33", "myeloische Zellen (CD33+)"},
    {"chimerism_method", "str_pcr", "STR-PCR"},
    {"chimerism_method", "qpcr", "quantitative PCR"},
    {"chimerism_criterion", "full", "Spenderzellen am Grenzwert fuer komplett"},
    {"outcome", "met", "erfuellt"},
    {"outcome", "not_met", "nicht erfuellt"},
};
}  // namespace

TEST_CASE("CH-1: full in every lineage, each compared with > 95 %", "[ENG-CHIM-001][ENG-CHIM-002][CH-1][HB24][text]") {
    CHECK(render({m(L::whole_blood, 98), m(L::t_cells_cd3, 97), m(L::myeloid_cd33, 99, e::chimerism_method::qpcr)}) ==
          "full donor chimerism under full above 95 % (HB24 ch. 21, ASTCT 2021); lineages that differ: split (HB24 ch. "
          "21) [ENG-CHIM-002]: "
          "whole blood by STR-PCR (sensitivity 1.0 %): full donor chimerism (donor cells at the full cut-off: 98.0 % > "
          "95 %: met [ENG-CHIM-001]); "
          "T cells (CD3+) by STR-PCR (sensitivity 1.0 %): full donor chimerism (donor cells at the full cut-off: 97.0 % "
          "> 95 %: met [ENG-CHIM-001]); "
          "myeloid cells (CD33+) by quantitative PCR (sensitivity 0.1 %): full donor chimerism (donor cells at the full "
          "cut-off: 99.0 % > 95 %: met [ENG-CHIM-001])");
}

TEST_CASE("CH-2: split by default, mixed under the ASTCT policy", "[ENG-CHIM-002][CH-2][HB24][text]") {
    const std::vector<e::chimerism_measurement> ms{m(L::t_cells_cd3, 80), m(L::myeloid_cd33, 99, e::chimerism_method::ngs)};
    CHECK(render(ms) ==
          "split chimerism (lineages differ) under full above 95 % (HB24 ch. 21, ASTCT 2021); lineages that differ: "
          "split (HB24 ch. 21) [ENG-CHIM-002]: "
          "T cells (CD3+) by STR-PCR (sensitivity 1.0 %): mixed chimerism (donor cells at the full cut-off: 80.0 % > "
          "95 %: not met [ENG-CHIM-001]); "
          "myeloid cells (CD33+) by next-generation sequencing: full donor chimerism (donor cells at the full cut-off: "
          "99.0 % > 95 %: met [ENG-CHIM-001])");
    e::chimerism_options astct;
    astct.discordant = e::discordant_lineages::mixed;
    CHECK(render(ms, astct).rfind("mixed chimerism under full above 95 % (HB24 ch. 21, ASTCT 2021); lineages that "
                                  "differ: mixed (ASTCT 2021) [ENG-CHIM-002]: T cells (CD3+)",
                                  0) == 0);
}

TEST_CASE("CH-3, CH-4, CH-5: at 95 %, 4 % and 5 %, and a centre's cut-off", "[ENG-CHIM-001][CH-3][CH-4][CH-5][HB24][text]") {
    CHECK(render({m(L::whole_blood, 95.0)}).find("mixed chimerism (donor cells at the full cut-off: 95.0 % > 95 %: not met") !=
          std::string::npos);
    e::chimerism_options at_least;
    at_least.full = e::full_chimerism_cutoff::at_least_95;
    CHECK(render({m(L::whole_blood, 95.0)}, at_least) ==
          "full donor chimerism under full at 95 % or above (HB24 ch. 41); lineages that differ: split (HB24 ch. 21) "
          "[ENG-CHIM-002]: whole blood by STR-PCR (sensitivity 1.0 %): full donor chimerism (donor cells at the full "
          "cut-off: 95.0 % >= 95 %: met [ENG-CHIM-001])");
    CHECK(render({m(L::whole_blood, 4.0)}).find("donor chimerism absent (< 5 %) (donor cells below 5 %: 4.0 % < 5 %: met "
                                                "[ENG-CHIM-001])") != std::string::npos);
    CHECK(render({m(L::whole_blood, 5.0)}).find("mixed chimerism (donor cells at the full cut-off: 5.0 % > 95 %: not met") !=
          std::string::npos);
    // a value a hair below the cut-off is never shown as at it (CORE-EXPLAIN-003)
    CHECK(render({m(L::whole_blood, 94.96)}).find("94.96 % > 95 %: not met") != std::string::npos);
    e::chimerism_options centre;
    centre.full = e::full_chimerism_cutoff::centre;
    centre.centre_cutoff = hsct::percent(92.5, u::pct);
    CHECK(render({m(L::whole_blood, 93.0)}, centre) ==
          "full donor chimerism under full at the centre's cut-off or above (92.5 %); lineages that differ: split (HB24 "
          "ch. 21) [ENG-CHIM-002]: whole blood by STR-PCR (sensitivity 1.0 %): full donor chimerism (donor cells at the "
          "full cut-off: 93.0 % >= 92.5 %: met [ENG-CHIM-001])");
}

TEST_CASE("a measurement as given, with its day", "[ENG-CHIM-001][ENG-CHIM-003][text]") {
    auto t = m(L::t_cells_cd3, 80.0);
    CHECK(e::render(t) == "T cells (CD3+): 80.0 % donor by STR-PCR");
    t.day = hsct::transplant_day::at(30);
    t.method = e::chimerism_method::dpcr;
    CHECK(e::render(t) == "T cells (CD3+): 80.0 % donor by digital PCR on D+30");
}

TEST_CASE("chimerism through another catalogue", "[ENG-CHIM-002][CH-2][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(render({m(L::t_cells_cd3, 80), m(L::myeloid_cd33, 99, e::chimerism_method::qpcr)}, {}, de) ==
          "Split-Chimaerismus nach komplett ueber 95 %; abweichende Linien: split (HB24 Kap. 21) [ENG-CHIM-002]: "
          "T-Zellen (CD3+) mit STR-PCR (Sensitivitaet 1.0 %): gemischter Chimaerismus (Spenderzellen am Grenzwert fuer "
          "komplett: 80.0 % > 95 %: nicht erfuellt [ENG-CHIM-001]); "
          "myeloische Zellen (CD33+) mit quantitative PCR (Sensitivitaet 0.1 %): kompletter Spenderchimaerismus "
          "(Spenderzellen am Grenzwert fuer komplett: 99.0 % > 95 %: erfuellt [ENG-CHIM-001])");
    auto t = m(L::t_cells_cd3, 80.0);
    t.day = hsct::transplant_day::at(30);
    CHECK(e::render(t, de) == "T-Zellen (CD3+): 80.0 % Spender mit STR-PCR am D+30");
}

}  // namespace hsct_test_engraftment_chimerism_text_test
