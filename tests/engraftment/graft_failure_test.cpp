// Tests for include/hsct/engraftment/graft_failure.hpp: the reference notes' GF-1..GF-3, each
// cut-off below/at/above for each source and definition, pending while the cut-off has not passed
// or a run begun by it is incomplete, pancytopenia stated or counted, and refusals.
#include <hsct/engraftment/graft_failure.hpp>

#include <limits>
#include <utility>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_graft_failure_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::graft::product_source;
using hsct::transplant_day;
using S = e::graft_failure_status;

namespace {
e::neutrophil_result neutrophils(const std::vector<std::pair<int, double>>& s) {
    std::vector<e::count_record<hsct::anc>> r;
    for (const auto& [d, v] : s) {
        r.push_back({transplant_day::at(d), hsct::anc(v, u::giga_per_l)});
    }
    auto series = e::consolidate<hsct::anc>(r);
    REQUIRE(series.has_value());
    auto n = e::assess_neutrophil_engraftment(*series);
    REQUIRE(n.has_value());
    return *n;
}
// engrafted on day d (a nadir on D+5, then three days from d)
e::neutrophil_result engrafted_on(int d) { return neutrophils({{5, 0.1}, {d, 0.6}, {d + 1, 0.7}, {d + 2, 0.9}}); }
e::primary_graft_failure_input input(product_source s, const e::neutrophil_result& n, int through,
                                     std::optional<bool> pancytopenia = true) {
    e::primary_graft_failure_input in;
    in.source = s;
    in.neutrophils = n;
    in.observed_through = transplant_day::at(through);
    in.pancytopenia = pancytopenia;
    return in;
}
e::primary_graft_failure_options ebmt_2019() {
    e::primary_graft_failure_options o;
    o.definition = e::graft_failure_definition::ebmt_2019;
    return o;
}
}  // namespace

TEST_CASE("GF-1: PBSC engrafted on D+29", "[ENG-GF-001][GF-1][HB24]") {
    const auto in = input(product_source::peripheral_blood, engrafted_on(29), 40);
    CHECK(e::assess_primary_graft_failure(in)->status == S::not_met);  // ASTCT 2021 / EBMT 2024: by D+30
    const auto old = e::assess_primary_graft_failure(in, ebmt_2019());  // EBMT 2019: by D+28
    CHECK(old->status == S::met);
    CHECK(old->cutoff.number() == 28);
    CHECK(old->criteria[0].measured.number() == 29.0);
    CHECK(old->criteria[0].threshold == 28.0);
}

TEST_CASE("GF-2: a cord graft engrafted on D+40", "[ENG-GF-001][GF-2][HB24]") {
    const auto in = input(product_source::cord_blood, engrafted_on(40), 60);
    CHECK(e::assess_primary_graft_failure(in)->status == S::not_met);
    CHECK(e::assess_primary_graft_failure(in, ebmt_2019())->status == S::not_met);
    CHECK(e::assess_primary_graft_failure(in)->cutoff.number() == 42);
}

TEST_CASE("GF-3: no engraftment by D+30, pancytopenic", "[ENG-GF-001][GF-3][HB24]") {
    const auto n = neutrophils({{5, 0.1}, {14, 0.2}, {21, 0.3}, {28, 0.2}, {31, 0.3}});
    CHECK(e::assess_primary_graft_failure(input(product_source::peripheral_blood, n, 31))->status == S::met);
    // the EBMT 2019 counts: Hb 7 g/dL, platelets 10
    auto counted = input(product_source::peripheral_blood, n, 31, std::nullopt);
    counted.haemoglobin = hsct::haemoglobin(7.0, u::g_per_dl);
    counted.platelets = hsct::platelets(10.0, u::giga_per_l);
    auto o = ebmt_2019();
    o.pancytopenia = e::pancytopenia_rule::ebmt_2019_counts;
    const auto r = e::assess_primary_graft_failure(counted, o);
    CHECK(r->status == S::met);
    CHECK(r->criteria.size() == 3);
}

TEST_CASE("each cut-off below, at and above, by source and definition", "[ENG-GF-001]") {
    for (const auto& [src, def, cutoff] :
         {std::tuple{product_source::peripheral_blood, e::graft_failure_definition::astct_2021, 30},
          std::tuple{product_source::bone_marrow, e::graft_failure_definition::astct_2021, 30},
          std::tuple{product_source::cord_blood, e::graft_failure_definition::astct_2021, 42},
          std::tuple{product_source::peripheral_blood, e::graft_failure_definition::ebmt_2019, 28},
          std::tuple{product_source::cord_blood, e::graft_failure_definition::ebmt_2019, 42}}) {
        INFO(id(src) << " " << id(def));
        e::primary_graft_failure_options o;
        o.definition = def;
        CHECK(e::assess_primary_graft_failure(input(src, engrafted_on(cutoff - 1), 90), o)->status == S::not_met);
        CHECK(e::assess_primary_graft_failure(input(src, engrafted_on(cutoff), 90), o)->status == S::not_met);
        CHECK(e::assess_primary_graft_failure(input(src, engrafted_on(cutoff + 1), 90), o)->status == S::met);
    }
}

TEST_CASE("pending: before the cut-off, or a run begun by it still incomplete", "[ENG-GF-002]") {
    const auto none = neutrophils({{5, 0.1}, {14, 0.2}, {21, 0.3}});
    CHECK(e::assess_primary_graft_failure(input(product_source::peripheral_blood, none, 30))->status == S::pending);
    CHECK(e::assess_primary_graft_failure(input(product_source::peripheral_blood, none, 31))->status == S::met);
    // a run begun on D+29, two days long when the counts end on D+31: pending
    const auto begun = neutrophils({{5, 0.1}, {29, 0.6}, {30, 0.7}});
    CHECK(e::assess_primary_graft_failure(input(product_source::peripheral_blood, begun, 31))->status == S::pending);
    // a run begun after the cut-off does not save it
    const auto late = neutrophils({{5, 0.1}, {31, 0.6}, {32, 0.7}});
    CHECK(e::assess_primary_graft_failure(input(product_source::peripheral_blood, late, 32))->status == S::met);
}

TEST_CASE("pancytopenia stated, missing, or counted", "[ENG-GF-001][ENG-GF-002]") {
    const auto none = neutrophils({{5, 0.1}, {14, 0.2}, {21, 0.3}});
    CHECK(e::assess_primary_graft_failure(input(product_source::peripheral_blood, none, 35, false))->status ==
          S::not_met);
    const auto unknown = e::assess_primary_graft_failure(input(product_source::peripheral_blood, none, 35, std::nullopt));
    CHECK(unknown->status == S::unknown);
    CHECK(unknown->missing.contains(e::graft_failure_field::pancytopenia));
    e::primary_graft_failure_options counts;
    counts.pancytopenia = e::pancytopenia_rule::ebmt_2019_counts;
    for (const auto& [hb, plt, want] : {std::tuple{7.9, 19.9, S::met}, std::tuple{8.0, 19.9, S::not_met},
                                        std::tuple{7.9, 20.0, S::not_met}, std::tuple{8.1, 25.0, S::not_met}}) {
        INFO(hb << " " << plt);
        auto in = input(product_source::peripheral_blood, none, 35, std::nullopt);
        in.haemoglobin = hsct::haemoglobin(hb, u::g_per_dl);
        in.platelets = hsct::platelets(plt, u::giga_per_l);
        CHECK(e::assess_primary_graft_failure(in, counts)->status == want);
    }
    auto no_plt = input(product_source::peripheral_blood, none, 35, std::nullopt);
    no_plt.haemoglobin = hsct::haemoglobin(7.0, u::g_per_dl);
    const auto r = e::assess_primary_graft_failure(no_plt, counts);
    CHECK(r->status == S::unknown);
    CHECK(r->missing.contains(e::graft_failure_field::platelets));
}

TEST_CASE("refused: undeclared numbers and counts out of range", "[ENG-GF-001]") {
    auto in = input(product_source::peripheral_blood, engrafted_on(15), 40);
    in.source = static_cast<product_source>(0);
    CHECK(e::assess_primary_graft_failure(in).error().field() == "input.source");
    in = input(product_source::peripheral_blood, engrafted_on(15), 40);
    in.haemoglobin = hsct::haemoglobin(std::numeric_limits<double>::quiet_NaN(), u::g_per_dl);
    CHECK(e::assess_primary_graft_failure(in).error().field() == "input.haemoglobin");
    in.haemoglobin.reset();
    in.platelets = hsct::platelets(-1.0, u::giga_per_l);
    CHECK(e::assess_primary_graft_failure(in).error().field() == "input.platelets");
    e::primary_graft_failure_options o;
    o.pancytopenia = static_cast<e::pancytopenia_rule>(4);
    CHECK(e::assess_primary_graft_failure(input(product_source::peripheral_blood, engrafted_on(15), 40), o)
              .error()
              .field() == "options.pancytopenia");
}

TEST_CASE("assess_primary_graft_failure allocates nothing on success", "[ENG-GF-001]") {
    const auto in = input(product_source::peripheral_blood, engrafted_on(29), 40);
    hsct_test::allocation_counter count;
    const auto r = e::assess_primary_graft_failure(in);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
}

}  // namespace hsct_test_engraftment_graft_failure_test
