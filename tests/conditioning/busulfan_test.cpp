// Tests for include/hsct/conditioning/busulfan.hpp: AUC unit conversions and Css on the worked
// examples of the reference notes (clinical-scores-conditioning.md, 11.7), exposure targets
// below, at and above their bounds, the PK-guided adjustment, and what is refused.
#include <hsct/conditioning/busulfan.hpp>

#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_busulfan_test {

namespace c = hsct::conditioning;
using c::auc_unit;

namespace {
c::busulfan_auc auc(double v, auc_unit u) {
    const auto a = c::busulfan_auc::make(v, u);
    REQUIRE(a.has_value());
    return *a;
}
bool near(double a, double b, double tol) { return std::abs(a - b) <= tol; }
}  // namespace

TEST_CASE("a busulfan AUC is the size of a double", "[COND-BU-001]") {
    STATIC_REQUIRE(sizeof(c::busulfan_auc) == sizeof(double));
    STATIC_REQUIRE(std::is_trivially_copyable_v<c::busulfan_auc>);
}

TEST_CASE("AUC conversions through the molar mass: the worked examples", "[COND-BU-001][COND-BU-002][V]") {
    // 1 mg*h/L = 60 x 1000 / 246.30 = 243.6 umol*min/L
    CHECK(near(auc(1, auc_unit::mg_h_per_l).in(auc_unit::umol_min_per_l), 243.605, 0.001));
    CHECK(near(auc(1, auc_unit::umol_min_per_l).in(auc_unit::mg_h_per_l), 0.004105, 0.000001));
    // 1,200 umol*min/L -> 4.93 mg*h/L; Css over 6 h = 0.821 mg/L (821 ng/mL)
    const auto a1200 = auc(1200, auc_unit::umol_min_per_l);
    CHECK(near(a1200.in(auc_unit::mg_h_per_l), 4.93, 0.005));
    const auto css = c::average_concentration(a1200, std::chrono::hours(6));
    REQUIRE(css.has_value());
    CHECK(near(css->in(hsct::units::mg_per_l) * 1000.0, 821.0, 0.5));
    // 900 -> 3.69 mg*h/L (Css 616 ng/mL); 1,500 -> 6.16 (Css 1,026 ng/mL)
    CHECK(near(auc(900, auc_unit::umol_min_per_l).in(auc_unit::mg_h_per_l), 3.69, 0.005));
    CHECK(near(c::average_concentration(auc(900, auc_unit::umol_min_per_l), std::chrono::hours(6))
                   ->in(hsct::units::mg_per_l) * 1000.0, 616.0, 0.5));
    CHECK(near(auc(1500, auc_unit::umol_min_per_l).in(auc_unit::mg_h_per_l), 6.16, 0.005));
    CHECK(near(c::average_concentration(auc(1500, auc_unit::umol_min_per_l), std::chrono::hours(6))
                   ->in(hsct::units::mg_per_l) * 1000.0, 1026.0, 0.5));
    // 16 q6h doses of 1,200 = 19,200 umol*min/L = 78.8 mg*h/L; once daily 4,800 x 4 the same
    CHECK(near((a1200 * 16).in(auc_unit::mg_h_per_l), 78.8, 0.05));
    const auto daily = auc(4800, auc_unit::umol_min_per_l);
    CHECK((daily + daily + daily + daily) == a1200 * 16);
    // 101 mg*h/L = 24,604 umol*min/L
    CHECK(near(auc(101, auc_unit::mg_h_per_l).in(auc_unit::umol_min_per_l), 24604.0, 1.0));
    // mg*min/L is mg*h/L x 60
    CHECK(near(auc(60, auc_unit::mg_min_per_l).in(auc_unit::mg_h_per_l), 1.0, 1e-12));
}

TEST_CASE("an AUC is refused at 0, below, above the bound and when not finite", "[COND-BU-001]") {
    for (const double bad : {0.0, -1.0, 100000.5, std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN()}) {
        const auto r = c::busulfan_auc::make(bad, auc_unit::umol_min_per_l, "measured");
        INFO(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == "measured");
        CHECK(r.error().requirement() == "COND-BU-001");
    }
    CHECK(c::busulfan_auc::make(100000.0, auc_unit::umol_min_per_l).has_value());  // at the bound
    CHECK(c::busulfan_auc::make(411.0, auc_unit::mg_h_per_l).has_value() == false);  // 100,123 umol*min/L
    const auto bad_unit = c::busulfan_auc::make(1.0, static_cast<auc_unit>(9));
    REQUIRE_FALSE(bad_unit.has_value());
    CHECK(bad_unit.error().field() == "busulfan_auc.unit");
}

TEST_CASE("the AUC bound of 100,000 umol*min/L: made, summed, multiplied and compiled at the bound, refused a step above", "[COND-BU-001]") {
    const auto top = c::busulfan_auc::make(c::busulfan_auc::max_umol_min_per_l, auc_unit::umol_min_per_l);
    REQUIRE(top.has_value());
    CHECK(top->in(auc_unit::umol_min_per_l) == 100000.0);
    const auto over = c::busulfan_auc::make(100000.01, auc_unit::umol_min_per_l, "course");
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().code() == hsct::errc::out_of_range);
    CHECK(over.error().field() == "course");
    CHECK(over.error().valid_range() == "above 0 and at most 100000 umol*min/L (410.5 mg*h/L)");
    CHECK(over.error().requirement() == "COND-BU-001");
    // A course that adds up to the bound exactly is in range (the contracts of * and + allow it).
    CHECK(auc(25000.0, auc_unit::umol_min_per_l) * 4 == *top);
    CHECK(auc(60000.0, auc_unit::umol_min_per_l) + auc(40000.0, auc_unit::umol_min_per_l) == *top);
    // A constant at the bound compiles.
    constexpr auto at_bound = c::busulfan_auc::constant(100000.0, auc_unit::umol_min_per_l);
    STATIC_REQUIRE(at_bound.in(auc_unit::umol_min_per_l) == 100000.0);
    CHECK(at_bound == *top);
}

TEST_CASE("AUC text reads every spelling and round-trips", "[COND-BU-001]") {
    CHECK(c::parse_busulfan_auc("1200 umol*min/L").value() == auc(1200, auc_unit::umol_min_per_l));
    CHECK(c::parse_busulfan_auc(" 1200 uM*min ").value() == auc(1200, auc_unit::umol_min_per_l));
    CHECK(c::parse_busulfan_auc("4.93 mg*h/L").value() == auc(4.93, auc_unit::mg_h_per_l));
    CHECK(c::parse_busulfan_auc("4.93 MG.H/L").value() == auc(4.93, auc_unit::mg_h_per_l));
    CHECK(c::parse_busulfan_auc("296 mg*min/L").value() == auc(296, auc_unit::mg_min_per_l));
    const auto a = auc(1234.5, auc_unit::umol_min_per_l);
    CHECK(c::parse_busulfan_auc(c::to_string(a)).value() == a);
    const auto no_unit = c::parse_busulfan_auc("1200");
    REQUIRE_FALSE(no_unit.has_value());
    CHECK(no_unit.error().code() == hsct::errc::unknown_unit);
    CHECK(c::parse_busulfan_auc("abc mg*h/L").error().code() == hsct::errc::syntax);
    CHECK(c::parse_busulfan_auc("0 mg*h/L").error().code() == hsct::errc::out_of_range);
}

TEST_CASE("Css needs a dosing interval of 1 min to 7 days", "[COND-BU-002]") {
    const auto a = auc(1200, auc_unit::umol_min_per_l);
    CHECK_FALSE(c::average_concentration(a, std::chrono::minutes(0)).has_value());
    CHECK_FALSE(c::average_concentration(a, std::chrono::minutes(-360)).has_value());
    CHECK(c::average_concentration(a, std::chrono::minutes(7 * 24 * 60)).has_value());
    const auto over = c::average_concentration(a, std::chrono::minutes(7 * 24 * 60 + 1));
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().field() == "interval");
    // q24h: the same AUC over four times the interval is a quarter of the concentration
    CHECK(near(c::average_concentration(a, std::chrono::hours(24))->in(hsct::units::mg_per_l) * 4.0,
               c::average_concentration(a, std::chrono::hours(6))->in(hsct::units::mg_per_l), 1e-12));
}

TEST_CASE("exposure against each target: below, at and above both bounds", "[COND-BU-003][V]") {
    struct row {
        c::busulfan_target target;
        double low, high;
        auc_unit unit;
        c::busulfan_auc_scope scope;
        bool verified;
    };
    const row rows[] = {
        {c::busulfan_target::cumulative_bartelink_2009, 74, 82, auc_unit::mg_h_per_l, c::busulfan_auc_scope::cumulative, true},
        {c::busulfan_target::cumulative_bartelink_2016, 78, 101, auc_unit::mg_h_per_l, c::busulfan_auc_scope::cumulative, false},
        {c::busulfan_target::per_dose_q6h_900_1500, 900, 1500, auc_unit::umol_min_per_l, c::busulfan_auc_scope::per_dose, true},
        {c::busulfan_target::per_dose_q6h_1150_1350, 1150, 1350, auc_unit::umol_min_per_l, c::busulfan_auc_scope::per_dose, true},
    };
    for (const auto& x : rows) {
        c::busulfan_exposure_options o;
        o.target = x.target;
        struct probe {
            double value;
            c::exposure_outcome want;
        };
        const double eps = (x.high - x.low) * 0.001;
        for (const probe p : {probe{x.low - eps, c::exposure_outcome::below},
                              probe{x.low, c::exposure_outcome::within},
                              probe{(x.low + x.high) / 2, c::exposure_outcome::within},
                              probe{x.high, c::exposure_outcome::within},
                              probe{x.high + eps, c::exposure_outcome::above}}) {
            INFO(hsct::id(x.target) << " " << p.value);
            const auto r = c::assess_busulfan_exposure({auc(p.value, x.unit), x.scope}, o);
            REQUIRE(r.has_value());
            CHECK(r->outcome == p.want);
            CHECK(r->target == x.target);
            REQUIRE(r->criteria.size() == 3);
            CHECK(r->criteria[1].verified == x.verified);
        }
        // the window's bounds are AUCs: they read back in the unit the source prints them in
        const auto w = c::window_of(x.target);
        CHECK(near(w.low.in(x.unit), x.low, x.low * 1e-12));
        CHECK(near(w.high.in(x.unit), x.high, x.high * 1e-12));
        CHECK(w.scope == x.scope);
        CHECK(w.verified == x.verified);
    }
    // an undeclared target number reads as the default's window (the rule refuses it first)
    CHECK(c::window_of(static_cast<c::busulfan_target>(99)).low == c::window_of(c::busulfan_target::cumulative_bartelink_2009).low);
    // the worked course: 16 doses of 1,200 = 78.8 mg*h/L, within Bartelink 2009
    const auto course = c::assess_busulfan_exposure({auc(1200, auc_unit::umol_min_per_l) * 16,
                                                     c::busulfan_auc_scope::cumulative});
    REQUIRE(course.has_value());
    CHECK(course->outcome == c::exposure_outcome::within);
}

TEST_CASE("a dose AUC against a course target does not apply", "[COND-BU-003]") {
    const auto r = c::assess_busulfan_exposure({auc(1200, auc_unit::umol_min_per_l),
                                                c::busulfan_auc_scope::per_dose});
    REQUIRE(r.has_value());
    CHECK(r->outcome == c::exposure_outcome::not_applicable);
    REQUIRE(r->criteria.size() == 1);
    CHECK(r->criteria[0].result == hsct::outcome::not_met);
    c::busulfan_exposure_options o;
    o.target = static_cast<c::busulfan_target>(0);
    CHECK_FALSE(c::assess_busulfan_exposure({auc(1200, auc_unit::umol_min_per_l),
                                             c::busulfan_auc_scope::per_dose}, o).has_value());
}

TEST_CASE("PK-guided adjustment: current x target / measured, linear kinetics stated", "[COND-BU-004]") {
    const auto a = c::adjust_busulfan_dose(hsct::dose_per_mass(3.2, hsct::units::mg_per_kg),
                                           auc(4800, auc_unit::umol_min_per_l),
                                           auc(5400, auc_unit::umol_min_per_l));
    REQUIRE(a.has_value());
    CHECK(near(a->ratio, 4800.0 / 5400.0, 1e-12));
    CHECK(near(a->new_dose.in(hsct::units::mg_per_kg), 3.2 * 4800.0 / 5400.0, 1e-12));
    CHECK(a->assumes_linear_kinetics);
    // a total dose in mg, exposure too low: the dose goes up
    const auto up = c::adjust_busulfan_dose(hsct::total_dose(230, hsct::units::mg),
                                            auc(4800, auc_unit::umol_min_per_l),
                                            auc(4000, auc_unit::umol_min_per_l));
    REQUIRE(up.has_value());
    CHECK(near(up->new_dose.in(hsct::units::mg), 276.0, 1e-9));
    const auto zero = c::adjust_busulfan_dose(hsct::total_dose(0, hsct::units::mg),
                                              auc(4800, auc_unit::umol_min_per_l),
                                              auc(4000, auc_unit::umol_min_per_l));
    REQUIRE_FALSE(zero.has_value());
    CHECK(zero.error().field() == "current_dose");
}

TEST_CASE("the exposure rule allocates nothing", "[COND-BU-003]") {
    const auto a = auc(1200, auc_unit::umol_min_per_l) * 16;
    hsct_test::allocation_counter count;
    const auto r = c::assess_busulfan_exposure({a, c::busulfan_auc_scope::cumulative});
    CHECK(count.count() == 0);
    CHECK(r->outcome == c::exposure_outcome::within);
}

}  // namespace hsct_test_conditioning_busulfan_test
