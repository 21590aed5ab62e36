// Tests for include/hsct/engraftment/chimerism.hpp: the reference notes' CH-1..CH-5, each cut-off
// below/at/above under each policy, discordant lineages as split or mixed, methods' sensitivity,
// and refusals.
#include <hsct/engraftment/chimerism.hpp>

#include <limits>
#include <tuple>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_chimerism_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using L = e::chimerism_lineage;
using C = e::chimerism_category;

namespace {
e::chimerism_measurement m(L l, double pct, e::chimerism_method method = e::chimerism_method::str_pcr) {
    return {l, hsct::percent(pct, u::pct), method, std::nullopt};
}
e::chimerism_result assess(const std::vector<e::chimerism_measurement>& ms, const e::chimerism_options& o = {}) {
    auto r = e::assess_chimerism(ms, o);
    REQUIRE(r.has_value());
    return *r;
}
e::chimerism_options at_least_95() {
    e::chimerism_options o;
    o.full = e::full_chimerism_cutoff::at_least_95;
    return o;
}
}  // namespace

TEST_CASE("CH-1: every lineage above 95 %: full", "[ENG-CHIM-001][ENG-CHIM-002][CH-1][HB24]") {
    const auto r = assess({m(L::whole_blood, 98), m(L::t_cells_cd3, 97), m(L::myeloid_cd33, 99)});
    CHECK(r.overall == C::full);
    REQUIRE(r.lineages.size() == 3);
    CHECK(r.lineages[1].category == C::full);
    CHECK(r.lineages[1].decided_by.cmp == hsct::comparator::greater);
    CHECK(r.lineages[1].decided_by.threshold == 95.0);
    CHECK(r.lineages[1].decided_by.measured.number() == 97.0);
}

TEST_CASE("CH-2: T cells mixed, myeloid full: split by default, mixed as a policy", "[ENG-CHIM-002][CH-2][HB24]") {
    const std::vector<e::chimerism_measurement> ms{m(L::t_cells_cd3, 80), m(L::myeloid_cd33, 99)};
    const auto r = assess(ms);
    CHECK(r.overall == C::split);
    CHECK(r.lineages[0].category == C::mixed);
    CHECK(r.lineages[1].category == C::full);
    e::chimerism_options astct;
    astct.discordant = e::discordant_lineages::mixed;
    CHECK(assess(ms, astct).overall == C::mixed);
}

TEST_CASE("CH-3, CH-4, CH-5: at 95 %, 4 % and 5 %", "[ENG-CHIM-001][CH-3][CH-4][CH-5][HB24]") {
    CHECK(assess({m(L::whole_blood, 95.0)}).overall == C::mixed);              // > 95: HB24 ch. 21, ASTCT
    CHECK(assess({m(L::whole_blood, 95.0)}, at_least_95()).overall == C::full);  // >= 95: HB24 ch. 41
    CHECK(assess({m(L::whole_blood, 4.0)}).overall == C::absent);
    CHECK(assess({m(L::whole_blood, 5.0)}).overall == C::mixed);
}

TEST_CASE("each cut-off below, at and above", "[ENG-CHIM-001]") {
    for (const auto& [pct, above95, atleast95] :
         {std::tuple{94.9, C::mixed, C::mixed}, std::tuple{95.0, C::mixed, C::full}, std::tuple{95.1, C::full, C::full},
          std::tuple{4.9, C::absent, C::absent}, std::tuple{5.0, C::mixed, C::mixed}, std::tuple{5.1, C::mixed, C::mixed},
          std::tuple{0.0, C::absent, C::absent}, std::tuple{100.0, C::full, C::full}}) {
        INFO(pct);
        CHECK(assess({m(L::whole_blood, pct)}).overall == above95);
        CHECK(assess({m(L::whole_blood, pct)}, at_least_95()).overall == atleast95);
    }
    e::chimerism_options centre;
    centre.full = e::full_chimerism_cutoff::centre;
    centre.centre_cutoff = hsct::percent(90.0, u::pct);
    CHECK(assess({m(L::whole_blood, 89.9)}, centre).overall == C::mixed);
    CHECK(assess({m(L::whole_blood, 90.0)}, centre).overall == C::full);
}

TEST_CASE("every lineage absent is absent; absent beside mixed is split", "[ENG-CHIM-002]") {
    CHECK(assess({m(L::t_cells_cd3, 2), m(L::myeloid_cd15, 1)}).overall == C::absent);
    CHECK(assess({m(L::t_cells_cd3, 2), m(L::myeloid_cd15, 40)}).overall == C::split);
    CHECK(assess({m(L::t_cells_cd3, 60), m(L::myeloid_cd15, 40)}).overall == C::mixed);
}

TEST_CASE("methods keep their sensitivity as the sources state it", "[ENG-CHIM-003][HB24]") {
    CHECK(e::sensitivity(e::chimerism_method::str_pcr)->in(u::pct) == 1.0);
    CHECK(e::sensitivity(e::chimerism_method::qpcr)->in(u::pct) == 0.1);
    CHECK_FALSE(e::sensitivity(e::chimerism_method::ngs).has_value());
    CHECK(assess({m(L::whole_blood, 99, e::chimerism_method::ngs)}).lineages[0].method == e::chimerism_method::ngs);
}

TEST_CASE("refused: no measurement, a lineage twice, a percentage out of range, options", "[ENG-CHIM-001]") {
    const auto field_of = [](const std::vector<e::chimerism_measurement>& ms, const e::chimerism_options& o = {}) {
        const auto r = e::assess_chimerism(ms, o);
        REQUIRE_FALSE(r.has_value());
        return r.error().field();
    };
    CHECK(field_of({}) == "measurements");
    CHECK(field_of(std::vector<e::chimerism_measurement>(9, m(L::whole_blood, 50))) == "measurements");
    CHECK(field_of({m(L::whole_blood, 50), m(L::whole_blood, 60)}) == "measurements[1].lineage");
    CHECK(field_of({m(L::whole_blood, 100.1)}) == "measurements[0].donor");
    CHECK(field_of({m(L::whole_blood, -0.1)}) == "measurements[0].donor");
    CHECK(field_of({m(L::whole_blood, std::numeric_limits<double>::quiet_NaN())}) == "measurements[0].donor");
    CHECK(field_of({m(static_cast<L>(0), 50)}) == "measurements[0].lineage");
    CHECK(field_of({m(L::whole_blood, 50, static_cast<e::chimerism_method>(9))}) == "measurements[0].method");
    e::chimerism_options centre;
    centre.full = e::full_chimerism_cutoff::centre;
    centre.centre_cutoff = hsct::percent(97.6, u::pct);
    CHECK(field_of({m(L::whole_blood, 50)}, centre) == "options.centre_cutoff");
    centre.centre_cutoff = hsct::percent(89.9, u::pct);
    CHECK(field_of({m(L::whole_blood, 50)}, centre) == "options.centre_cutoff");
}

TEST_CASE("assess_chimerism allocates nothing on success", "[ENG-CHIM-001]") {
    const std::vector<e::chimerism_measurement> ms{m(L::t_cells_cd3, 80), m(L::myeloid_cd33, 99)};
    hsct_test::allocation_counter count;
    const auto r = e::assess_chimerism(ms);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
}

}  // namespace hsct_test_engraftment_chimerism_test
