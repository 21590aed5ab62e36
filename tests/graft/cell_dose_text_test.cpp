// Tests for include/hsct/graft/cell_dose_text.hpp: a cell-dose verdict with the threshold that
// decided it, every threshold with its source, what was missing; in English and through a second
// catalogue.
#include <hsct/graft/cell_dose_text.hpp>

#include <optional>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_cell_dose_text_test {

namespace g = hsct::graft;
namespace u = hsct::units;

namespace {
// G1 of the reference notes: 390 x10^6 CD34+ for 78 kg is 5.0 x10^6/kg
g::cell_doses doses(std::optional<double> cd34_cells) {
    g::product_input in;
    in.source = g::product_source::peripheral_blood;
    in.use = g::product_use::allogeneic;
    in.volume = hsct::volume(300.0, u::mL);
    if (cd34_cells) {
        in.at_collection.cd34 = hsct::cell_count(*cd34_cells, u::cells);
    }
    return *g::cell_doses_of(*g::make_product(in), *hsct::patient::body_weight::make(78.0, u::kg));
}
constexpr hsct::catalogue_entry german[] = {
    {"cell_dose_verdict", "adequate", "mindestens das Minimum"},
    {"cell_dose", "for", "fuer"},
    {"cell_dose", "under", "nach"},
    {"cell_dose", "decided_by", "entschieden durch"},
    {"graft_indication", "allogeneic_pbsc_mac", "allogene Blutstammzellen nach MAC"},
    {"dose_policy", "hb24_ch20", "EBMT-Handbuch 2024 Kap. 20"},
    {"cell_dose_criterion", "cd34_minimum", "CD34+-Dosis gegen das Minimum"},
    {"outcome", "met", "erfuellt"},
};
}  // namespace

TEST_CASE("the verdict with the threshold that decided it (G1)", "[GRAFT-DOSE-003][G1][text]") {
    const auto r = g::assess_cell_dose(doses(390e6), g::graft_indication::allogeneic_pbsc_mac, g::dose_policy::hb24_ch20);
    REQUIRE(r.has_value());
    CHECK(g::render(*r) ==
          "at least the minimum for allogeneic peripheral blood after MAC under EBMT Handbook 2024 ch. 20 (Wuchter): "
          "decided by CD34+ dose against the minimum: 5.00 x10^6/kg >= 4 x10^6/kg: met [GRAFT-DOSE-002]");
    CHECK(g::render_criteria(*r) ==
          "CD34+ dose against the minimum: 5.00 x10^6/kg >= 4 x10^6/kg: met [GRAFT-DOSE-002] (HB24 ch. 20 section "
          "20.1: allogeneic >= 4.0 x10^6/kg adequate)\n");
}

TEST_CASE("an unknown verdict names the missing count", "[GRAFT-DOSE-003][text]") {
    const auto r = g::assess_cell_dose(doses(std::nullopt), g::graft_indication::allogeneic_pbsc_mac, g::dose_policy::hb24_ch20);
    REQUIRE(r.has_value());
    CHECK(g::render(*r) == "unknown (a count is missing) for allogeneic peripheral blood after MAC under EBMT Handbook "
                           "2024 ch. 20 (Wuchter): CD34+ missing");
}

TEST_CASE("a verdict through another catalogue", "[GRAFT-DOSE-003][text]") {
    const hsct::table_catalogue de(german);
    const auto r = g::assess_cell_dose(doses(390e6), g::graft_indication::allogeneic_pbsc_mac, g::dose_policy::hb24_ch20);
    CHECK(g::render(*r, de) == "mindestens das Minimum fuer allogene Blutstammzellen nach MAC nach EBMT-Handbuch 2024 "
                               "Kap. 20: entschieden durch CD34+-Dosis gegen das Minimum: 5.00 x10^6/kg >= 4 "
                               "x10^6/kg: erfuellt [GRAFT-DOSE-002]");
}

}  // namespace hsct_test_graft_cell_dose_text_test
