// Tests for include/hsct/engraftment/transfusion_text.hpp: a transfusion record and a log
// rendered from their data, in English and through a second catalogue.
#include <hsct/engraftment/transfusion_text.hpp>

#include <optional>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_transfusion_text_test {

namespace e = hsct::engraftment;
using hsct::transplant_day;

namespace {
const std::vector<e::transfusion_record> given{{transplant_day::at(4), e::blood_product::platelets},
                                               {transplant_day::at(-2), e::blood_product::red_cells},
                                               {transplant_day::at(0), e::blood_product::platelets}};
constexpr hsct::catalogue_entry german[] = {
    {"blood_product", "platelets", "Thrombozytentransfusion"},
    {"blood_product", "red_cells", "Erythrozytentransfusion"},
    {"transfusion", "on", "am"},
    {"transfusion", "no_day", "Tag fehlt"},
    {"text", "none", "keine"},
};
}  // namespace

TEST_CASE("a transfusion and a log, each product's days in order", "[ENG-TX-001][text]") {
    CHECK(e::render(given[0]) == "platelet transfusion on D+4");
    CHECK(e::render(e::transfusion_record{std::nullopt, e::blood_product::red_cells}) ==
          "red-cell transfusion, day missing");
    const auto log = e::make_transfusion_log(given);
    REQUIRE(log.has_value());
    CHECK(e::render(*log) == "platelet transfusion: D0, D+4; red-cell transfusion: D-2");
    CHECK(e::render(e::transfusion_log{}) == "platelet transfusion: none; red-cell transfusion: none");
}

TEST_CASE("transfusions through another catalogue", "[ENG-TX-001][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(e::render(given[1], de) == "Erythrozytentransfusion am D-2");
    CHECK(e::render(e::transfusion_record{std::nullopt, e::blood_product::platelets}, de) ==
          "Thrombozytentransfusion, Tag fehlt");
    const auto log = e::make_transfusion_log(std::vector<e::transfusion_record>(given.begin(), given.begin() + 1));
    CHECK(e::render(*log, de) == "Thrombozytentransfusion: D+4; Erythrozytentransfusion: keine");
}

}  // namespace hsct_test_engraftment_transfusion_text_test
