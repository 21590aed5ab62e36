// Tests for include/hsct/engraftment/io.hpp: stream output prints the enum labels, and every
// engraftment value and result prints its English rendering.
#include <hsct/engraftment/io.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_io_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::transplant_day;

TEST_CASE("engraftment enums print their label", "[engraftment][io][CORE-EXPLAIN-002]") {
    std::ostringstream os;
    os << e::engraftment_status::not_yet << " | " << e::platelet_milestone::at_least_50 << " | "
       << e::chimerism_category::split << " | " << e::graft_failure_status::pending << " | " << e::blood_product::red_cells;
    CHECK(os.str() == "not yet engrafted | platelets >= 50 x10^9/L (CIBMTR) | split chimerism (lineages differ) | "
                      "pending (the cut-off day not yet passed) | red-cell transfusion");
}

TEST_CASE("engraftment values and results print their rendering", "[engraftment][io][CORE-EXPLAIN-002]") {
    const std::vector<e::count_record<hsct::anc>> anc{
        {transplant_day::at(10), hsct::anc(0.1, u::giga_per_l)}, {transplant_day::at(12), hsct::anc(0.6, u::giga_per_l)},
        {transplant_day::at(13), hsct::anc(0.8, u::giga_per_l)}, {transplant_day::at(14), hsct::anc(1.2, u::giga_per_l)}};
    const auto s = e::consolidate<hsct::anc>(anc);
    REQUIRE(s.has_value());
    const auto n = e::assess_neutrophil_engraftment(*s);
    REQUIRE(n.has_value());
    const auto day = e::neutrophil_engraftment_day(s->days());
    REQUIRE(day.has_value());
    std::ostringstream a;
    a << anc[1] << " / " << s->days()[0] << " / " << *s << " / " << n->criteria[0] << " / " << *day << " / " << *n;
    CHECK(a.str() == e::render(anc[1]) + " / " + e::render(s->days()[0]) + " / " + e::render(*s) + " / " +
                         e::render(n->criteria[0]) + " / " + e::render(*day) + " / " + e::render(*n));

    const std::vector<e::count_record<hsct::platelets>> plt{{transplant_day::at(7), hsct::platelets(25.0, u::giga_per_l)}};
    const std::vector<e::transfusion_record> given{{transplant_day::at(0), e::blood_product::platelets}};
    const auto log = e::make_transfusion_log(given);
    const auto p = e::assess_platelet_engraftment(*e::consolidate<hsct::platelets>(plt), *log);
    REQUIRE(p.has_value());
    e::primary_graft_failure_input in;
    in.neutrophils = *n;
    in.observed_through = transplant_day::at(40);
    const auto gf = e::assess_primary_graft_failure(in);
    REQUIRE(gf.has_value());
    const std::vector<e::chimerism_measurement> m{
        {e::chimerism_lineage::t_cells_cd3, hsct::percent(80.0, u::pct), e::chimerism_method::str_pcr, std::nullopt}};
    const auto c = e::assess_chimerism(m);
    REQUIRE(c.has_value());
    std::ostringstream b;
    b << given[0] << " / " << *log << " / " << *p << " / " << *gf << " / " << m[0] << " / " << *c;
    CHECK(b.str() == e::render(given[0]) + " / " + e::render(*log) + " / " + e::render(*p) + " / " + e::render(*gf) +
                         " / " + e::render(m[0]) + " / " + e::render(*c));
}

TEST_CASE("red-cell recovery, graft function and growth factors print their rendering",
          "[engraftment][io][ENG-RBC-001][ENG-GF-005][ENG-GF-006][ENG-SUPPORT-001][CORE-EXPLAIN-002]") {
    const std::vector<e::count_record<hsct::haemoglobin>> hb{{transplant_day::at(2), hsct::haemoglobin(70.0, u::g_per_l)},
                                                             {transplant_day::at(10), hsct::haemoglobin(85.0, u::g_per_l)},
                                                             {transplant_day::at(11), hsct::haemoglobin(86.0, u::g_per_l)},
                                                             {transplant_day::at(12), hsct::haemoglobin(87.0, u::g_per_l)}};
    const std::vector<e::transfusion_record> given{{transplant_day::at(1), e::blood_product::red_cells}};
    const auto log = e::make_transfusion_log(given);
    REQUIRE(log.has_value());
    const auto rbc = e::assess_red_cell_recovery(*e::consolidate<hsct::haemoglobin>(hb), *log);
    REQUIRE(rbc.has_value());
    const std::vector<e::growth_factor_record> g_csf{{transplant_day::at(91), e::growth_factor::g_csf}};
    const auto gf = e::make_growth_factor_log(g_csf);
    REQUIRE(gf.has_value());
    const std::vector<e::count_record<hsct::anc>> anc{
        {transplant_day::at(5), hsct::anc(0.1, u::giga_per_l)}, {transplant_day::at(22), hsct::anc(0.6, u::giga_per_l)},
        {transplant_day::at(23), hsct::anc(0.8, u::giga_per_l)}, {transplant_day::at(24), hsct::anc(1.2, u::giga_per_l)}};
    const auto n = e::assess_neutrophil_engraftment(*e::consolidate<hsct::anc>(anc));
    REQUIRE(n.has_value());
    const auto delayed = e::assess_delayed_engraftment(
        *n, hsct::graft::product_source::peripheral_blood, transplant_day::at(60),
        {transplant_day::at(21), transplant_day::at(28), transplant_day::at(35)});
    REQUIRE(delayed.has_value());
    e::graft_function_input in;
    in.neutrophils = *n;
    in.observed_through = transplant_day::at(60);
    const auto autologous = e::assess_autologous_reconstitution(in);
    REQUIRE(autologous.has_value());
    std::ostringstream os;
    os << *rbc << " / " << g_csf[0] << " / " << *gf << " / " << *delayed << " / " << *autologous << " / "
       << e::graft_function_rule::poor_graft_function << " | " << e::growth_factor::tpo_ra;
    CHECK(os.str() == e::render(*rbc) + " / " + e::render(g_csf[0]) + " / " + e::render(*gf) + " / " +
                          e::render(*delayed) + " / " + e::render(*autologous) +
                          " / poor graft function | thrombopoietin receptor agonist");
}

}  // namespace hsct_test_engraftment_io_test
