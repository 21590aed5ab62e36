// Tests for include/hsct/engraftment/growth_factor_text.hpp: a growth-factor record and a log
// rendered from their data (each agent's days in order, "none" for an agent not given), in
// English and through a second catalogue.
#include <hsct/engraftment/growth_factor_text.hpp>

#include <optional>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_growth_factor_text_test {

namespace e = hsct::engraftment;
using hsct::transplant_day;

namespace {
// GF-4's G-CSF on D+91, with other agents and days out of order
const std::vector<e::growth_factor_record> given{{transplant_day::at(91), e::growth_factor::g_csf},
                                                 {transplant_day::at(120), e::growth_factor::tpo_ra},
                                                 {transplant_day::at(90), e::growth_factor::g_csf},
                                                 {transplant_day::at(95), e::growth_factor::esa}};
constexpr hsct::catalogue_entry german[] = {
    {"growth_factor", "g_csf", "G-CSF"},
    {"growth_factor", "gm_csf", "GM-CSF"},
    {"growth_factor", "esa", "Erythropoese-stimulierender Wirkstoff"},
    {"growth_factor", "tpo_ra", "Thrombopoetin-Rezeptor-Agonist"},
    {"support", "on", "am"},
    {"support", "no_day", "Tag fehlt"},
    {"text", "none", "keiner"},
};
}  // namespace

TEST_CASE("a growth-factor record and a log, each agent's days in order", "[ENG-SUPPORT-001][GF-4][text]") {
    CHECK(e::render(given[0]) == "G-CSF on D+91");
    CHECK(e::render(e::growth_factor_record{std::nullopt, e::growth_factor::gm_csf}) == "GM-CSF, day missing");
    const auto log = e::make_growth_factor_log(given);
    REQUIRE(log.has_value());
    CHECK(e::render(*log) ==
          "G-CSF: D+90, D+91; GM-CSF: none; erythropoiesis-stimulating agent: D+95; thrombopoietin receptor agonist: "
          "D+120");
    CHECK(e::render(e::growth_factor_log{}) ==
          "G-CSF: none; GM-CSF: none; erythropoiesis-stimulating agent: none; thrombopoietin receptor agonist: none");
    // a day given twice is shown twice (the log keeps both)
    const std::vector<e::growth_factor_record> twice{{transplant_day::at(-1), e::growth_factor::gm_csf},
                                                     {transplant_day::at(-1), e::growth_factor::gm_csf}};
    CHECK(e::render(*e::make_growth_factor_log(twice)) ==
          "G-CSF: none; GM-CSF: D-1, D-1; erythropoiesis-stimulating agent: none; thrombopoietin receptor agonist: "
          "none");
}

TEST_CASE("growth factors through another catalogue", "[ENG-SUPPORT-001][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(e::render(given[3], de) == "Erythropoese-stimulierender Wirkstoff am D+95");
    CHECK(e::render(e::growth_factor_record{std::nullopt, e::growth_factor::tpo_ra}, de) ==
          "Thrombopoetin-Rezeptor-Agonist, Tag fehlt");
    const auto log = e::make_growth_factor_log(std::vector<e::growth_factor_record>(given.begin(), given.begin() + 1));
    REQUIRE(log.has_value());
    CHECK(e::render(*log, de) ==
          "G-CSF: D+91; GM-CSF: keiner; Erythropoese-stimulierender Wirkstoff: keiner; Thrombopoetin-Rezeptor-Agonist: "
          "keiner");
}

}  // namespace hsct_test_engraftment_growth_factor_text_test
