// Tests for include/hsct/complications/gvhd_category.hpp: the NIH acute/chronic category (HB24
// ch. 43 Table 43.1): one example per row (CAT-1..CAT-6), day 100 below, at and above under both
// policies (CAT-7), the late subtypes and the combined category when the history is missing
// (CAT-8), intestinal involvement as an acute feature, missing features, the diagnosis as input,
// refusals, no allocation.
#include <hsct/complications/gvhd_category.hpp>

#include <optional>
#include <tuple>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_gvhd_category_test {

namespace c = hsct::complications;
using Cat = c::gvhd_category;
using F = c::gvhd_category_field;
using hsct::transplant_day;

namespace {
c::gvhd_category_input input(int day, std::optional<bool> acute, std::optional<bool> chronic,
                             std::optional<int> onset = std::nullopt, std::optional<bool> resolved = std::nullopt) {
    c::gvhd_category_input in;
    in.day = transplant_day::at(day);
    in.acute_features = acute;
    in.chronic_gvhd = chronic;
    if (onset) {
        in.first_acute_onset = transplant_day::at(*onset);
    }
    in.resolved_before = resolved;
    return in;
}
c::gvhd_category_result assess(const c::gvhd_category_input& in, const c::gvhd_category_options& o = {}) {
    auto r = c::assess_gvhd_category(in, o);
    REQUIRE(r.has_value());
    return *r;
}
c::gvhd_category_options day_100_late() {
    c::gvhd_category_options o;
    o.day_100 = c::category_day_100::day_100_is_late;
    return o;
}
}  // namespace

TEST_CASE("CAT-1: acute features on day 30, no chronic GVHD: classic acute", "[CAT-1][HB24-43][COMP-CAT-001]") {
    const auto r = assess(input(30, true, false));
    CHECK(r.category == Cat::classic_acute);
    CHECK_FALSE(r.late);
    CHECK(r.missing.empty());
    REQUIRE(r.criteria.size() == 3);
    CHECK(r.criteria[2].id == c::gvhd_category_criterion::after_day_100);
    CHECK(r.criteria[2].measured.number() == 30.0);
    CHECK(r.criteria[2].result == hsct::outcome::not_met);
}

TEST_CASE("CAT-2: acute features first on day 140, assessed on day 150: late-onset acute",
          "[CAT-2][HB24-43][COMP-CAT-001][COMP-CAT-003]") {
    const auto r = assess(input(150, true, false, 140));
    CHECK(r.category == Cat::late_onset_acute);
    CHECK(r.late);
    CHECK(r.criteria.end()[-1].id == c::gvhd_category_criterion::onset_after_day_100);
    CHECK(r.criteria.end()[-1].result == hsct::outcome::met);
}

TEST_CASE("CAT-3: acute GVHD from day 25, never resolved, on day 120: persistent", "[CAT-3][HB24-43][COMP-CAT-003]") {
    const auto r = assess(input(120, true, false, 25, false));
    CHECK(r.category == Cat::persistent_acute);
    CHECK_FALSE(r.criteria.end()[-1].verified);  // the subtypes are the digest's reading [U]
}

TEST_CASE("CAT-4: acute GVHD from day 30 that resolved, back on day 200: recurrent", "[CAT-4][HB24-43][COMP-CAT-003]") {
    CHECK(assess(input(200, true, false, 30, true)).category == Cat::recurrent_acute);
}

TEST_CASE("CAT-5: chronic GVHD without acute features: classic chronic, on any day", "[CAT-5][HB24-43][COMP-CAT-001]") {
    for (const int day : {45, 100, 200, 900}) {
        CAPTURE(day);
        CHECK(assess(input(day, false, true)).category == Cat::classic_chronic);
    }
}

TEST_CASE("CAT-6: chronic GVHD with acute features: overlap syndrome, on any day; intestinal involvement is acute",
          "[CAT-6][HB24-43][HB24-44][COMP-CAT-001][COMP-CAT-004]") {
    CHECK(assess(input(80, true, true)).category == Cat::overlap_syndrome);
    CHECK(assess(input(400, true, true)).category == Cat::overlap_syndrome);
    auto in = input(300, false, true);
    in.intestinal_involvement = true;  // diarrhoea from small-bowel GVHD beside oral lichen planus
    const auto r = assess(in);
    CHECK(r.category == Cat::overlap_syndrome);
    CHECK(r.acute == true);
    CHECK(r.criteria[1].id == c::gvhd_category_criterion::intestinal_involvement);
    CHECK(r.criteria[1].requirement == std::string_view("COMP-CAT-004"));
    in.intestinal_involvement = false;
    CHECK(assess(in).category == Cat::classic_chronic);
}

TEST_CASE("CAT-7: day 100 below, at and above, under both policies", "[CAT-7][HB24-43][COMP-CAT-002]") {
    for (const auto& [day, by_default, by_policy] :
         {std::tuple{99, Cat::classic_acute, Cat::classic_acute}, std::tuple{100, Cat::classic_acute, Cat::late_onset_acute},
          std::tuple{101, Cat::late_onset_acute, Cat::late_onset_acute}}) {
        CAPTURE(day);
        // acute features first seen on this day
        CHECK(assess(input(day, true, false, day)).category == by_default);
        CHECK(assess(input(day, true, false, day), day_100_late()).category == by_policy);
    }
    const auto r = assess(input(100, true, false, 100));
    CHECK(r.options.day_100 == c::category_day_100::day_100_is_classic);
    CHECK(r.criteria.end()[-1].cmp == hsct::comparator::greater);
    CHECK_FALSE(r.criteria.end()[-1].verified);  // [C]
    // an onset on day 100 seen again on day 130: persistent by default, late-onset under the other policy
    CHECK(assess(input(130, true, false, 100, false)).category == Cat::persistent_acute);
    CHECK(assess(input(130, true, false, 100, false), day_100_late()).category == Cat::late_onset_acute);
}

TEST_CASE("CAT-8: after day 100 without the history: persistent, recurrent or late-onset, the input named",
          "[CAT-8][HB24-43][COMP-CAT-003]") {
    auto r = assess(input(150, true, false));
    CHECK(r.category == Cat::late_acute);
    CHECK(r.missing.contains(F::first_acute_onset));
    CHECK(r.criteria.end()[-1].result == hsct::outcome::unknown);
    r = assess(input(150, true, false, 30));
    CHECK(r.category == Cat::late_acute);
    CHECK(r.missing.contains(F::resolved_before));
    CHECK_FALSE(r.missing.contains(F::first_acute_onset));
    // a late onset needs no resolution history
    r = assess(input(150, true, false, 120));
    CHECK(r.category == Cat::late_onset_acute);
    CHECK(r.missing.empty());
}

TEST_CASE("neither acute features nor chronic GVHD: no GVHD; a missing feature: undetermined, named",
          "[COMP-CAT-001]") {
    CHECK(assess(input(50, false, false)).category == Cat::no_gvhd);
    auto r = assess(input(50, true, std::nullopt));
    CHECK(r.category == Cat::undetermined);
    CHECK(r.missing.contains(F::chronic_gvhd));
    r = assess(input(50, std::nullopt, true));
    CHECK(r.category == Cat::undetermined);
    CHECK(r.missing.contains(F::acute_features));
    r = assess(input(50, std::nullopt, false));
    CHECK(r.category == Cat::undetermined);
    r = assess(input(50, false, std::nullopt));
    CHECK(r.category == Cat::undetermined);
    CHECK(r.missing.contains(F::chronic_gvhd));
}

TEST_CASE("the chronic input from an NIH 2014 diagnosis", "[COMP-CAT-001][COMP-CGVHD-001]") {
    c::cgvhd_diagnosis_input dx;
    dx.signs.insert(c::cgvhd_sign::fasciitis);
    dx.other_causes_excluded = true;
    auto d = c::assess_chronic_gvhd_diagnosis(dx);
    REQUIRE(d.has_value());
    CHECK(c::chronic_gvhd_from(*d) == true);
    auto in = input(250, false, std::nullopt);
    in.chronic_gvhd = c::chronic_gvhd_from(*d);
    CHECK(assess(in).category == Cat::classic_chronic);
    dx.signs = {};
    dx.signs.insert(c::cgvhd_sign::onycholysis);
    d = c::assess_chronic_gvhd_diagnosis(dx);
    CHECK_FALSE(c::chronic_gvhd_from(*d).has_value());  // needs confirmation
    dx.signs = {};
    d = c::assess_chronic_gvhd_diagnosis(dx);
    CHECK(c::chronic_gvhd_from(*d) == false);
}

TEST_CASE("refusals: days before Day 0, an onset after the day, an undeclared policy", "[COMP-CAT-005]") {
    auto r = c::assess_gvhd_category(input(-1, true, false));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "gvhd_category.day");
    CHECK(r.error().value() == "day -1");
    CHECK(r.error().requirement() == "COMP-CAT-005");
    r = c::assess_gvhd_category(input(150, true, false, -3));
    CHECK(r.error().field() == "gvhd_category.first_acute_onset");
    r = c::assess_gvhd_category(input(150, true, false, 151));
    CHECK(r.error().field() == "gvhd_category.first_acute_onset");
    CHECK(r.error().valid_range() == "on or before the assessed day");
    c::gvhd_category_options o;
    o.day_100 = static_cast<c::category_day_100>(0);
    CHECK(c::assess_gvhd_category(input(50, true, false), o).error().field() == "gvhd_category.options.day_100");
}

TEST_CASE("assess_gvhd_category allocates nothing", "[COMP-CAT-001]") {
    const auto in = input(180, true, false, 40, true);
    hsct_test::allocation_counter count;
    const auto r = c::assess_gvhd_category(in);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->category == Cat::recurrent_acute);
}

}  // namespace hsct_test_complications_gvhd_category_test
