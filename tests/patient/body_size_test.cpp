// Tests for include/hsct/patient/body_size.hpp: checked height and weight, BMI, the five BSA
// formulas, Devine IBW with its policies, adjusted body weight.
#include <hsct/patient/body_size.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "support/catch.hpp"

namespace u = hsct::units;
namespace p = hsct::patient;

namespace {
bool within(double actual, double expected, double tol) {
    return std::fabs(actual - expected) <= tol;
}

hsct::length cm(double v) { return hsct::length(v, u::cm); }
hsct::mass kg(double v) { return hsct::mass(v, u::kg); }

hsct::age adult() { return *hsct::age::from_years_months(45, 0); }

template <class H, class W>
concept bsa_callable = requires(H h, W w) { p::bsa_mosteller(h, w); };
template <class W, class H>
concept bmi_callable = requires(W w, H h) { p::bmi(w, h); };
template <class I>
concept adjustable =
    requires(I i, hsct::mass t) { p::adjusted_body_weight(i, t, p::adjustment_factor::aibw25); };
template <class U>
concept height_unit = requires(U unit) { p::make_height(1.0, unit); };
}  // namespace

TEST_CASE("height is checked against 20-250 cm", "[patient][body_size][PAT-BODY-001]") {
    CHECK(p::make_height(20.0, u::cm).has_value());
    CHECK(p::make_height(250.0, u::cm).has_value());
    CHECK_FALSE(p::make_height(19.99, u::cm).has_value());
    CHECK_FALSE(p::make_height(250.01, u::cm).has_value());
    CHECK(p::make_height(1.65, u::m).value().in(u::cm) == 165.0);

    const auto zero = p::make_height(0.0, u::cm);
    REQUIRE_FALSE(zero.has_value());
    CHECK(zero.error().code() == hsct::errc::out_of_range);
    CHECK(zero.error().field() == "height");
    CHECK(zero.error().value() == "0 cm");
    CHECK(zero.error().valid_range() == "20-250 cm");

    const auto nan = p::make_height(std::numeric_limits<double>::quiet_NaN(), u::cm);
    REQUIRE_FALSE(nan.has_value());
    CHECK(nan.error().code() == hsct::errc::not_finite);
    CHECK(nan.error().field() == "height");
    CHECK(nan.error().value() == "nan cm");

    // run-time unit: a mass unit is refused as wrong_dimension, not a contract failure
    const auto wrong = p::make_height(70.0, u::kg.info);
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code() == hsct::errc::wrong_dimension);
    CHECK(p::make_height(1650.0, u::mm.info).value().in(u::cm) == 165.0);

    CHECK(p::parse_height("1.65 m").value().in(u::cm) == 165.0);
    const auto bad = p::parse_height("300 cm");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().field() == "height");
    CHECK(bad.error().value() == "300 cm");
    CHECK_FALSE(p::parse_height("165 kg").has_value());
}

TEST_CASE("weight is checked against 0.3-400 kg", "[patient][body_size][PAT-BODY-002]") {
    CHECK(p::make_weight(0.3, u::kg).has_value());
    CHECK(p::make_weight(400.0, u::kg).has_value());
    CHECK_FALSE(p::make_weight(0.29, u::kg).has_value());
    CHECK_FALSE(p::make_weight(400.1, u::kg).has_value());
    CHECK(p::make_weight(3500.0, u::g).value().in(u::kg) == 3.5);

    const auto heavy = p::make_weight(900.0, u::kg);
    REQUIRE_FALSE(heavy.has_value());
    CHECK(heavy.error().code() == hsct::errc::out_of_range);
    CHECK(heavy.error().field() == "weight");
    CHECK(heavy.error().value() == "900 kg");
    CHECK(heavy.error().valid_range() == "0.3-400 kg");
    CHECK(heavy.error().message() == "weight: 900 kg is outside the valid range 0.3-400 kg");

    const auto nan = p::make_weight(std::numeric_limits<double>::quiet_NaN(), u::kg);
    REQUIRE_FALSE(nan.has_value());
    CHECK(nan.error().code() == hsct::errc::not_finite);
    CHECK(nan.error().field() == "weight");

    CHECK(p::parse_weight("72.5 kg").value().in(u::kg) == 72.5);
    CHECK_FALSE(p::parse_weight("72.5 cm").has_value());
    CHECK_FALSE(p::make_weight(70.0, u::cm.info).has_value());
}

TEST_CASE("BMI is kg / m^2", "[patient][body_size][PAT-BODY-003]") {
    CHECK(within(p::bmi(kg(70.0), cm(170.0)).in(u::kg_per_m2), 24.221, 0.001));
    CHECK(p::bmi(kg(120.0), cm(200.0)).in(u::kg_per_m2) == 30.0);
    CHECK(within(p::bmi(kg(120.0), cm(165.0)).in(u::kg_per_m2), 44.077, 0.001));
}

TEST_CASE("BSA worked examples of the reference section 11.6 (with K1)",
          "[patient][body_size][bsa][PAT-BSA-001][PAT-BSA-002][PAT-BSA-003][PAT-BSA-004]"
          "[Mosteller-1987][DuBois-1916][Haycock-1978][Gehan-George-1970]") {
    struct row {
        double h, w, mosteller, dubois, haycock, gehan;
    };
    const row rows[] = {
        {170.0, 70.0, 1.818, 1.810, 1.826, 1.831},
        {110.0, 18.0, 0.742, 0.741, 0.740, 0.758},
        {165.0, 120.0, 2.345, 2.227, 2.411, 2.386},
        {50.0, 3.5, 0.220, 0.209, 0.224, 0.234},  // Mosteller 0.220 per resolutions K1
    };
    for (const auto& r : rows) {
        CAPTURE(r.h, r.w);
        CHECK(within(p::bsa_mosteller(cm(r.h), kg(r.w)).in(u::m2), r.mosteller, 0.001));
        CHECK(within(p::bsa_dubois(cm(r.h), kg(r.w)).in(u::m2), r.dubois, 0.001));
        CHECK(within(p::bsa_haycock(cm(r.h), kg(r.w)).in(u::m2), r.haycock, 0.001));
        CHECK(within(p::bsa_gehan_george(cm(r.h), kg(r.w)).in(u::m2), r.gehan, 0.001));
    }
    // Mosteller exactly: sqrt(170 x 70 / 3600)
    CHECK(p::bsa_mosteller(cm(170.0), kg(70.0)).in(u::m2) == std::sqrt(170.0 * 70.0 / 3600.0));
    // the K1 correction: the note's old 0.221 is outside the tolerance
    CHECK_FALSE(within(p::bsa_mosteller(cm(50.0), kg(3.5)).in(u::m2), 0.221, 0.0004));
}

TEST_CASE("Boyd BSA uses grams and log10", "[patient][body_size][bsa][PAT-BSA-005][Boyd-1935]") {
    // Expected values computed independently (python3, math.log10, weight in grams):
    // 0.0003207 * H**0.3 * g**(0.7285 - 0.0188*log10(g))
    CHECK(within(p::bsa_boyd(cm(170.0), kg(70.0)).in(u::m2), 1.835, 0.001));   // 1.83467
    CHECK(within(p::bsa_boyd(cm(110.0), kg(18.0)).in(u::m2), 0.755, 0.001));   // 0.75520
    CHECK(within(p::bsa_boyd(cm(165.0), kg(120.0)).in(u::m2), 2.435, 0.001));  // 2.43514
    CHECK(within(p::bsa_boyd(cm(50.0), kg(3.5)).in(u::m2), 0.230, 0.001));     // 0.22988
    // Boyd and Mosteller agree within 1% for an average adult
    const double b = p::bsa_boyd(cm(170.0), kg(70.0)).in(u::m2);
    const double m = p::bsa_mosteller(cm(170.0), kg(70.0)).in(u::m2);
    CHECK(std::fabs(b - m) / m < 0.01);
}

TEST_CASE("the BSA dispatcher names its formula and checks its inputs",
          "[patient][body_size][bsa][PAT-BSA-006][PAT-BODY-001][PAT-BODY-002]") {
    STATIC_REQUIRE(p::default_bsa_formula == p::bsa_formula::mosteller);
    const auto f = GENERATE(p::bsa_formula::mosteller, p::bsa_formula::dubois,
                            p::bsa_formula::haycock, p::bsa_formula::gehan_george,
                            p::bsa_formula::boyd);
    CAPTURE(p::to_string(f));
    const auto r = p::body_surface_area(cm(170.0), kg(70.0), f);
    REQUIRE(r.has_value());
    CHECK(r->formula == f);
    double direct = 0.0;
    switch (f) {
        case p::bsa_formula::mosteller: direct = p::bsa_mosteller(cm(170.0), kg(70.0)).in(u::m2); break;
        case p::bsa_formula::dubois: direct = p::bsa_dubois(cm(170.0), kg(70.0)).in(u::m2); break;
        case p::bsa_formula::haycock: direct = p::bsa_haycock(cm(170.0), kg(70.0)).in(u::m2); break;
        case p::bsa_formula::gehan_george:
            direct = p::bsa_gehan_george(cm(170.0), kg(70.0)).in(u::m2);
            break;
        case p::bsa_formula::boyd: direct = p::bsa_boyd(cm(170.0), kg(70.0)).in(u::m2); break;
    }
    CHECK(r->value.in(u::m2) == direct);

    const auto h = p::body_surface_area(cm(0.0), kg(70.0), f);
    REQUIRE_FALSE(h.has_value());
    CHECK(h.error().field() == "height");
    CHECK(h.error().value() == "0 cm");
    const auto w = p::body_surface_area(cm(170.0), kg(900.0), f);
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().field() == "weight");
    CHECK(w.error().valid_range() == "0.3-400 kg");
}

TEST_CASE("BSA formula names", "[patient][body_size][bsa][PAT-BSA-006]") {
    CHECK(p::to_string(p::bsa_formula::mosteller) == "Mosteller 1987");
    CHECK(p::to_string(p::bsa_formula::dubois) == "DuBois & DuBois 1916");
    CHECK(p::to_string(p::bsa_formula::boyd) == "Boyd 1935");
}

TEST_CASE("Devine IBW: section 11.6 examples", "[patient][body_size][ibw][PAT-IBW-001][Devine-1974]") {
    const auto woman = p::ideal_body_weight(cm(165.0), hsct::sex::female, adult());
    REQUIRE(woman.has_value());
    CHECK(within(woman->value.in(u::kg), 56.91, 0.005));
    CHECK(woman->formula == p::ibw_formula::devine_1974);
    CHECK_FALSE(woman->below_60_in);

    const auto man = p::ideal_body_weight(cm(180.0), hsct::sex::male, adult());
    REQUIRE(man.has_value());
    CHECK(within(man->value.in(u::kg), 74.99, 0.005));

    // 60 in exactly: the base values, not flagged
    const auto w60 = p::ideal_body_weight(cm(152.4), hsct::sex::female, adult());
    REQUIRE(w60.has_value());
    CHECK(w60->value.in(u::kg) == 45.5);
    CHECK_FALSE(w60->below_60_in);
    const auto m60 = p::ideal_body_weight(cm(152.4), hsct::sex::male, adult());
    REQUIRE(m60.has_value());
    CHECK(m60->value.in(u::kg) == 50.0);
    // one inch over adds 2.3 kg
    CHECK(within(p::ideal_body_weight(cm(154.94), hsct::sex::male, adult())->value.in(u::kg), 52.3,
                 1e-9));
}

TEST_CASE("Devine IBW below 60 in follows a named policy",
          "[patient][body_size][ibw][PAT-IBW-002][Devine-1974]") {
    // default: extrapolate as published, flagged
    const auto ex = p::ideal_body_weight(cm(150.0), hsct::sex::female, adult());
    REQUIRE(ex.has_value());
    CHECK(within(ex->value.in(u::kg), 43.33, 0.005));
    CHECK(ex->below_60_in);
    CHECK(ex->policy == p::short_stature_policy::extrapolate);

    const auto refused = p::ideal_body_weight(cm(150.0), hsct::sex::female, adult(),
                                              {p::short_stature_policy::refuse});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code() == hsct::errc::not_allowed);
    CHECK(refused.error().field() == "height");
    CHECK(refused.error().value() == "150 cm");
    // at 60 in the refuse policy has nothing to refuse
    CHECK(p::ideal_body_weight(cm(152.4), hsct::sex::female, adult(),
                               {p::short_stature_policy::refuse})
              .has_value());

    const auto base = p::ideal_body_weight(cm(150.0), hsct::sex::female, adult(),
                                           {p::short_stature_policy::base_value});
    REQUIRE(base.has_value());
    CHECK(base->value.in(u::kg) == 45.5);
    CHECK(base->below_60_in);
    CHECK(base->policy == p::short_stature_policy::base_value);

    // extrapolation that would not be positive is refused (woman: below about 102.1 cm)
    CHECK(p::ideal_body_weight(cm(103.0), hsct::sex::female, adult()).has_value());
    const auto tiny = p::ideal_body_weight(cm(100.0), hsct::sex::female, adult());
    REQUIRE_FALSE(tiny.has_value());
    CHECK(tiny.error().code() == hsct::errc::out_of_range);
    CHECK(tiny.error().field() == "height");
    CHECK(tiny.error().valid_range().find("102.2 cm") != std::string::npos);
}

TEST_CASE("Devine IBW refuses children and implausible heights",
          "[patient][body_size][ibw][PAT-IBW-004][PAT-BODY-001]") {
    const auto child = p::ideal_body_weight(cm(140.0), hsct::sex::male,
                                            *hsct::age::from_years_months(12, 0));
    REQUIRE_FALSE(child.has_value());
    CHECK(child.error().code() == hsct::errc::not_allowed);
    CHECK(child.error().field() == "age");
    CHECK(child.error().value() == "12 y 0 mo");
    CHECK(child.error().valid_range().find("18 years or older") != std::string::npos);
    CHECK_FALSE(p::ideal_body_weight(cm(170.0), hsct::sex::male, *hsct::age::from_years_months(17, 11))
                    .has_value());
    CHECK(p::ideal_body_weight(cm(170.0), hsct::sex::male, *hsct::age::from_years_months(18, 0))
              .has_value());
    const auto tall = p::ideal_body_weight(cm(300.0), hsct::sex::male, adult());
    REQUIRE_FALSE(tall.has_value());
    CHECK(tall.error().field() == "height");
    CHECK(tall.error().code() == hsct::errc::out_of_range);
}

TEST_CASE("adjusted body weight with named factors: section 11.6",
          "[patient][body_size][abw][PAT-ABW-001][PAT-ABW-002][Busulfex-label][Bachanova-2016]") {
    STATIC_REQUIRE(p::fraction(p::adjustment_factor::aibw25) == 0.25);
    STATIC_REQUIRE(p::fraction(p::adjustment_factor::adjbw40) == 0.4);
    STATIC_REQUIRE(p::fraction(p::adjustment_factor::adjbw50) == 0.5);

    const auto ibw_w = *p::ideal_body_weight(cm(165.0), hsct::sex::female, adult());
    const auto a25 = p::adjusted_body_weight(ibw_w, kg(120.0), p::adjustment_factor::aibw25).value();
    CHECK(within(a25.value.in(u::kg), 72.68, 0.005));
    CHECK(a25.factor == p::adjustment_factor::aibw25);
    CHECK(a25.ideal == ibw_w.value);
    CHECK(a25.actual == kg(120.0));
    CHECK(within(p::adjusted_body_weight(ibw_w, kg(120.0), p::adjustment_factor::adjbw40).value()
                     .value.in(u::kg),
                 82.15, 0.005));
    CHECK(within(p::adjusted_body_weight(ibw_w, kg(120.0), p::adjustment_factor::adjbw50).value()
                     .value.in(u::kg),
                 88.45, 0.01));
    CHECK(within(p::percent_of_ideal(kg(120.0), ibw_w).in(u::pct), 210.86, 0.01));

    const auto ibw_m = *p::ideal_body_weight(cm(180.0), hsct::sex::male, adult());
    CHECK(within(p::adjusted_body_weight(ibw_m, kg(130.0), p::adjustment_factor::aibw25).value()
                     .value.in(u::kg),
                 88.74, 0.005));
    CHECK(within(p::adjusted_body_weight(ibw_m, kg(130.0), p::adjustment_factor::adjbw40).value()
                     .value.in(u::kg),
                 97.00, 0.005));
    CHECK(within(p::percent_of_ideal(kg(130.0), ibw_m).in(u::pct), 173.35, 0.01));

    CHECK(a25.adjusted);
    CHECK(a25.reason().find("IBW 56.91 kg + 0.25 x (TBW 120.00 kg - IBW)") != std::string::npos);
    CHECK(p::to_string(p::adjustment_factor::aibw25).find("AIBW25") != std::string_view::npos);
}

TEST_CASE("body size misuse does not compile", "[patient][body_size][compile]") {
    STATIC_REQUIRE(bsa_callable<hsct::length, hsct::mass>);
    STATIC_REQUIRE_FALSE(bsa_callable<hsct::mass, hsct::length>);  // swapped arguments
    STATIC_REQUIRE_FALSE(bsa_callable<double, double>);
    STATIC_REQUIRE(bmi_callable<hsct::mass, hsct::length>);
    STATIC_REQUIRE_FALSE(bmi_callable<hsct::length, hsct::mass>);
    STATIC_REQUIRE(adjustable<p::ibw_result>);
    STATIC_REQUIRE_FALSE(adjustable<hsct::mass>);  // IBW and TBW cannot be swapped
    STATIC_REQUIRE(height_unit<u::centimetre_t>);
    STATIC_REQUIRE_FALSE(height_unit<u::kilogram_t>);
    STATIC_REQUIRE(std::is_same_v<decltype(p::bmi(kg(1.0), cm(1.0))), hsct::body_mass_index>);
    STATIC_REQUIRE(std::is_same_v<decltype(p::bsa_boyd(cm(1.0), kg(1.0))), hsct::area>);
}

TEST_CASE("body size functions refuse enum numbers that are not declared values",
          "[patient][body_size][PAT-ENUM-001][PAT-BSA-006][PAT-IBW-001][PAT-ABW-001]") {
    const auto b = p::body_surface_area(cm(165.0), kg(70.0), static_cast<p::bsa_formula>(0));
    REQUIRE_FALSE(b.has_value());
    CHECK(b.error().code() == hsct::errc::out_of_range);
    CHECK(b.error().field() == "formula");
    CHECK(b.error().value() == "0");
    CHECK(b.error().valid_range() ==
          "one of 1 (mosteller), 2 (dubois), 3 (haycock), 4 (gehan_george), 5 (boyd)");
    CHECK(p::body_surface_area(cm(165.0), kg(70.0), p::bsa_formula::boyd).has_value());

    const auto s = p::ideal_body_weight(cm(165.0), static_cast<hsct::sex>(0), adult());
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code() == hsct::errc::out_of_range);
    CHECK(s.error().field() == "sex");
    CHECK(s.error().value() == "0");
    p::ibw_options o;
    o.below_60_in = static_cast<p::short_stature_policy>(4);
    const auto pol = p::ideal_body_weight(cm(165.0), hsct::sex::male, adult(), o);
    REQUIRE_FALSE(pol.has_value());
    CHECK(pol.error().field() == "options.below_60_in");
    CHECK(pol.error().value() == "4");

    const auto ibw = *p::ideal_body_weight(cm(165.0), hsct::sex::female, adult());
    const auto f = p::adjusted_body_weight(ibw, kg(120.0), static_cast<p::adjustment_factor>(30));
    REQUIRE_FALSE(f.has_value());
    CHECK(f.error().code() == hsct::errc::out_of_range);
    CHECK(f.error().field() == "factor");
    CHECK(f.error().value() == "30");
    CHECK(f.error().valid_range().rfind("one of 25 (", 0) == 0);

    CHECK(p::to_string(static_cast<p::bsa_formula>(9)) == "invalid (9)");
    CHECK(p::to_string(static_cast<p::adjustment_factor>(30)) == "invalid (30)");
    CHECK(p::to_string(static_cast<p::short_stature_policy>(0)) == "invalid (0)");
    CHECK(p::to_string(static_cast<p::ibw_formula>(2)) == "invalid (2)");
}

TEST_CASE("adjusted body weight applies only above IBW: below, at and above",
          "[patient][body_size][abw][PAT-ABW-003]") {
    // man 152.4 cm: IBW exactly 50 kg
    const auto ibw = *p::ideal_body_weight(cm(152.4), hsct::sex::male, adult());
    REQUIRE(ibw.value == kg(50.0));
    const auto below = p::adjusted_body_weight(ibw, kg(45.0), p::adjustment_factor::aibw25).value();
    CHECK_FALSE(below.adjusted);
    CHECK(below.value == kg(45.0));  // never above the actual weight
    CHECK(below.reason() ==
          "TBW 45.00 kg not above IBW 50.00 kg: actual weight used, no adjustment (PAT-ABW-003)");
    const auto at = p::adjusted_body_weight(ibw, kg(50.0), p::adjustment_factor::adjbw50).value();
    CHECK_FALSE(at.adjusted);
    CHECK(at.value == kg(50.0));
    const auto above = p::adjusted_body_weight(ibw, kg(50.4), p::adjustment_factor::aibw25).value();
    CHECK(above.adjusted);
    CHECK(within(above.value.in(u::kg), 50.1, 1e-9));
    CHECK(above.value < kg(50.4));
    // the review's case: 180 cm, TBW 50 kg (IBW 74.99 kg): AIBW25 would have been 68.74 kg
    const auto ibw_m = *p::ideal_body_weight(cm(180.0), hsct::sex::male, adult());
    const auto thin = p::adjusted_body_weight(ibw_m, kg(50.0), p::adjustment_factor::aibw25).value();
    CHECK(thin.value == kg(50.0));
    CHECK_FALSE(thin.adjusted);
}
