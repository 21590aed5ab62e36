// Tests for include/hsct/graft/io.hpp: stream output prints the labels, the identifiers as ISBT 128
// prints them, and the English renderings.
#include <hsct/graft/io.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_io_test {

namespace g = hsct::graft;
namespace u = hsct::units;

TEST_CASE("graft types print their label, their text or their rendering", "[graft][io][CORE-EXPLAIN-002]") {
    std::ostringstream os;
    os << g::custody_state::thawed << " | " << *g::parse_din("A999921123456") << " | "
       << *g::parse_din_data_structure("=A99992112345600") << " | " << *g::parse_product_code("=<S1128V00") << " | "
       << *g::custody_id::make("nurse-7") << " | " << *g::parse_titre("1:64") << " | " << g::infusion_kind::dli;
    CHECK(os.str() == "thawed | A9999 21 123456 3 | =A99992112345600 | =<S1128V00 | nurse-7 | 1:64 | a donor "
                      "lymphocyte infusion (not an HCT)");

    const auto dmso = g::assess_dmso(std::vector<g::dmso_bag>{{hsct::volume(300.0, u::mL), hsct::percent(10.0, u::pct)}},
                                     *hsct::patient::body_weight::make(30.0, u::kg));
    REQUIRE(dmso.has_value());
    std::ostringstream ds;
    ds << *dmso;
    CHECK(ds.str() == g::render(*dmso));

    const std::chrono::sys_seconds t0{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1}};
    const auto c = g::start_custody(*g::parse_din("A999921123456"), *g::custody_id::make("MRN-1"), t0,
                                    t0 + std::chrono::hours(24));
    g::custody_record r;
    r.event = g::custody_event::infuse;
    r.at = t0;
    r.by = *g::custody_id::make("nurse-7");
    const auto step = g::apply(c, r);
    std::ostringstream cs;
    cs << c << " / " << *step.rejected;
    CHECK(cs.str() == g::render(c) + " / " + g::render(*step.rejected));

    g::product_input in;
    in.source = g::product_source::bone_marrow;
    in.use = g::product_use::allogeneic;
    in.volume = hsct::volume(1200.0, u::mL);
    in.at_collection.red_cell_volume = hsct::volume(80.0, u::mL);
    in.at_collection.cd34 = hsct::cell_count(390e6, u::cells);
    const auto p = *g::make_product(in);
    g::abo_graft_input a;
    a.relation = hsct::donor::abo_relation::minor;
    const auto abo = g::assess_abo_graft(p, a);
    const auto dose = g::assess_cell_dose(*g::cell_doses_of(p, *hsct::patient::body_weight::make(78.0, u::kg)),
                                          g::graft_indication::allogeneic_marrow, g::dose_policy::hb24_ch41);
    g::placed_infusion placed;
    std::ostringstream rs;
    rs << *abo << " / " << *dose << " / " << placed;
    CHECK(rs.str() == g::render(*abo) + " / " + g::render(*dose) + " / " + g::render(placed));
}

}  // namespace hsct_test_graft_io_test
