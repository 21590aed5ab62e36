// Tests for include/hsct/complications/chronic_gvhd_bos.hpp: clinical bronchiolitis obliterans
// syndrome (NIH 2014 as the reference notes recall it): each threshold below, at and above
// (FEV1/VC 0.7, FEV1 75 %, decline 10 % in both bases, 730 days, RV 120 %), the three-valued
// parts with missing inputs named, every criterion marked unverified, refusals, no allocation.
#include <hsct/complications/chronic_gvhd_bos.hpp>

#include <limits>
#include <tuple>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_bos_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using B = c::bos_criterion;
using hsct::transplant_day;

namespace {
hsct::percent pct(double v) { return hsct::percent(v, u::pct); }

/// A patient who meets every criterion.
c::bos_input typical() {
    c::bos_input in;
    in.fev1_vc_ratio = 0.62;
    in.fev1 = c::fev1_reading{transplant_day::at(400), pct(58.0)};
    in.earlier_fev1 = c::fev1_reading{transplant_day::at(-20), pct(92.0)};
    in.respiratory_infection = false;
    in.air_trapping_on_ct = true;
    return in;
}
c::bos_result assess(const c::bos_input& in, const c::bos_options& o = {}) {
    auto r = c::assess_bos(in, o);
    REQUIRE(r.has_value());
    return *r;
}
std::optional<hsct::criterion<B>> find(const c::bos_result& r, B id) {
    for (const auto& k : r.criteria) {
        if (k.id == id) {
            return k;
        }
    }
    return std::nullopt;
}
}  // namespace

TEST_CASE("a typical patient: every part met, every criterion marked unverified", "[COMP-CGVHD-003][NIH-2014]") {
    const auto r = assess(typical());
    CHECK(r.status == hsct::outcome::met);
    CHECK(r.missing.empty());
    REQUIRE(r.decline.has_value());
    CHECK(r.decline->in(u::pct) == Approx(34.0));
    for (const auto& k : r.criteria) {
        CAPTURE(hsct::id(k.id));
        CHECK_FALSE(k.verified);
        CHECK(k.requirement == std::string_view("COMP-CGVHD-003"));
    }
}

TEST_CASE("FEV1/VC below, at and above 0.7; the 5th percentile instead", "[COMP-CGVHD-003][NIH-2014]") {
    for (const auto& [ratio, expected] : {std::tuple{0.69, hsct::outcome::met}, std::tuple{0.70, hsct::outcome::not_met},
                                          std::tuple{0.71, hsct::outcome::not_met}}) {
        CAPTURE(ratio);
        auto in = typical();
        in.fev1_vc_ratio = ratio;
        in.fev1_vc_below_5th_percentile = false;
        CHECK(assess(in).status == expected);
    }
    auto in = typical();
    in.fev1_vc_ratio = 0.72;
    in.fev1_vc_below_5th_percentile = true;  // below the lower limit of normal
    CHECK(assess(in).status == hsct::outcome::met);
    in.fev1_vc_ratio.reset();
    CHECK(assess(in).status == hsct::outcome::met);
    in.fev1_vc_below_5th_percentile.reset();
    const auto r = assess(in);
    CHECK(r.status == hsct::outcome::unknown);
    CHECK(r.missing.contains(c::bos_field::fev1_vc_ratio));
    CHECK(r.missing.contains(c::bos_field::fev1_vc_below_5th_percentile));
}

TEST_CASE("FEV1 below, at and above 75 % of predicted", "[COMP-CGVHD-003][NIH-2014]") {
    for (const auto& [fev1, expected] : {std::tuple{74.9, hsct::outcome::met}, std::tuple{75.0, hsct::outcome::not_met},
                                         std::tuple{75.1, hsct::outcome::not_met}}) {
        CAPTURE(fev1);
        auto in = typical();
        in.fev1->fev1 = pct(fev1);
        in.earlier_fev1->fev1 = pct(fev1 + 20.0);
        CHECK(assess(in).status == expected);
    }
}

TEST_CASE("the decline: 10 percentage points by default, 10 % of the earlier value under the other basis",
          "[COMP-CGVHD-003][NIH-2014]") {
    c::bos_options relative;
    relative.decline = c::fev1_decline_basis::relative;
    for (const auto& [earlier, points, rel] : {std::tuple{69.9, hsct::outcome::not_met, hsct::outcome::met},
                                               std::tuple{70.0, hsct::outcome::met, hsct::outcome::met},
                                               std::tuple{70.1, hsct::outcome::met, hsct::outcome::met},
                                               std::tuple{66.0, hsct::outcome::not_met, hsct::outcome::not_met}}) {
        CAPTURE(earlier);
        auto in = typical();
        in.fev1->fev1 = pct(60.0);
        in.earlier_fev1->fev1 = pct(earlier);
        CHECK(assess(in).status == points);
        CHECK(assess(in, relative).status == rel);
    }
    // relative edge: 10 % of 66.0 is 6.6 points
    auto in = typical();
    in.fev1->fev1 = pct(59.4);
    in.earlier_fev1->fev1 = pct(66.0);
    auto r = assess(in, relative);
    CHECK(r.decline->in(u::pct) == Approx(10.0));
    CHECK(r.status == hsct::outcome::met);
    CHECK(r.options.decline == c::fev1_decline_basis::relative);
    in.fev1->fev1 = pct(59.5);
    CHECK(assess(in, relative).status == hsct::outcome::not_met);
}

TEST_CASE("the decline within less than 2 years: 730 days in, 731 out", "[COMP-CGVHD-003][NIH-2014]") {
    for (const auto& [days, expected] : {std::tuple{729, hsct::outcome::met}, std::tuple{730, hsct::outcome::met},
                                         std::tuple{731, hsct::outcome::not_met}}) {
        CAPTURE(days);
        auto in = typical();
        in.earlier_fev1->day = transplant_day::at(-20);
        in.fev1->day = transplant_day::at(-20 + days);
        const auto r = assess(in);
        CHECK(r.status == expected);
        CHECK(find(r, B::decline_interval)->measured.number() == days);
    }
}

TEST_CASE("a respiratory infection, or none excluded", "[COMP-CGVHD-003][NIH-2014]") {
    auto in = typical();
    in.respiratory_infection = true;
    CHECK(assess(in).status == hsct::outcome::not_met);
    in.respiratory_infection.reset();
    const auto r = assess(in);
    CHECK(r.status == hsct::outcome::unknown);
    CHECK(r.missing.contains(c::bos_field::respiratory_infection));
}

TEST_CASE("supportive features: CT, HRCT, RV above 120 %, RV/TLC", "[COMP-CGVHD-003][NIH-2014]") {
    auto base = typical();
    base.air_trapping_on_ct = false;
    base.small_airway_disease_on_hrct = false;
    base.rv_tlc_elevated = false;
    for (const auto& [rv, expected] : {std::tuple{119.9, hsct::outcome::not_met}, std::tuple{120.0, hsct::outcome::not_met},
                                       std::tuple{120.1, hsct::outcome::met}}) {
        CAPTURE(rv);
        auto in = base;
        in.residual_volume = pct(rv);
        CHECK(assess(in).status == expected);
    }
    auto in = base;
    in.small_airway_disease_on_hrct = true;
    CHECK(assess(in).status == hsct::outcome::met);
    in = base;
    in.rv_tlc_elevated = true;
    CHECK(assess(in).status == hsct::outcome::met);
    in = base;  // RV not measured, everything else negative: unknown
    const auto r = assess(in);
    CHECK(r.status == hsct::outcome::unknown);
    CHECK(r.missing.contains(c::bos_field::residual_volume));
    // a part not met decides even with inputs missing elsewhere
    in.respiratory_infection = true;
    CHECK(assess(in).status == hsct::outcome::not_met);
}

TEST_CASE("RV: the criterion records above 120 % of predicted, not met at 120", "[COMP-CGVHD-003][NIH-2014]") {
    auto in = typical();
    in.air_trapping_on_ct = false;
    in.small_airway_disease_on_hrct = false;
    in.rv_tlc_elevated = false;
    for (const auto& [rv, result] : {std::tuple{120.0, hsct::outcome::not_met}, std::tuple{120.1, hsct::outcome::met}}) {
        CAPTURE(rv);
        in.residual_volume = pct(rv);
        const auto k = find(assess(in), B::residual_volume);
        REQUIRE(k.has_value());
        CHECK(k->cmp == hsct::comparator::greater);
        CHECK(k->threshold == 120.0);
        CHECK(k->result == result);
        CHECK(k->measured.number() == rv);
    }
}

TEST_CASE("FEV1 inputs missing: the part is unknown and named", "[COMP-CGVHD-003]") {
    auto in = typical();
    in.earlier_fev1.reset();
    auto r = assess(in);
    CHECK(r.status == hsct::outcome::unknown);
    CHECK(r.missing.contains(c::bos_field::earlier_fev1));
    CHECK_FALSE(r.decline.has_value());
    in = typical();
    in.fev1.reset();
    r = assess(in);
    CHECK(r.status == hsct::outcome::unknown);
    CHECK(r.missing.contains(c::bos_field::fev1));
    CHECK(c::assess_bos(c::bos_input{})->status == hsct::outcome::unknown);
}

TEST_CASE("refusals: FEV1/VC outside 0-1, FEV1 outside 0-200 %, RV outside 0-400 %, dates out of order",
          "[COMP-CGVHD-019]") {
    auto in = typical();
    in.fev1_vc_ratio = 1.1;
    auto r = c::assess_bos(in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "bos.fev1_vc_ratio");
    in.fev1_vc_ratio = -0.1;
    CHECK(c::assess_bos(in).error().field() == "bos.fev1_vc_ratio");
    in.fev1_vc_ratio = std::numeric_limits<double>::infinity();
    CHECK(c::assess_bos(in).error().code() == hsct::errc::not_finite);
    in = typical();
    in.fev1->fev1 = pct(201.0);
    r = c::assess_bos(in);
    CHECK(r.error().field() == "bos.fev1.fev1");
    CHECK(r.error().valid_range() == "0-200 % of predicted");
    in = typical();
    in.earlier_fev1->fev1 = pct(-1.0);
    CHECK(c::assess_bos(in).error().field() == "bos.earlier_fev1.fev1");
    in = typical();
    in.residual_volume = pct(400.5);
    CHECK(c::assess_bos(in).error().field() == "bos.residual_volume");
    in = typical();
    in.earlier_fev1->day = transplant_day::at(401);
    r = c::assess_bos(in);
    CHECK(r.error().field() == "bos.earlier_fev1.day");
    CHECK(r.error().code() == hsct::errc::inconsistent);
    c::bos_options o;
    o.decline = static_cast<c::fev1_decline_basis>(3);
    CHECK(c::assess_bos(typical(), o).error().field() == "bos.options.decline");
}

TEST_CASE("residual volume: 400 % of predicted is the bound (accepted), 400.1 % refused", "[COMP-CGVHD-019]") {
    auto in = typical();
    in.residual_volume = pct(400.0);
    CHECK(c::assess_bos(in).has_value());
    in.residual_volume = pct(400.1);
    const auto r = c::assess_bos(in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "bos.residual_volume");
    CHECK(r.error().code() == hsct::errc::out_of_range);
    CHECK(r.error().valid_range() == "0-400 % of predicted");
}

TEST_CASE("assess_bos allocates nothing", "[COMP-CGVHD-003]") {
    auto in = typical();
    in.air_trapping_on_ct.reset();
    in.residual_volume = pct(130.0);
    hsct_test::allocation_counter count;
    const auto r = c::assess_bos(in);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->status == hsct::outcome::met);
}

}  // namespace hsct_test_complications_chronic_gvhd_bos_test
