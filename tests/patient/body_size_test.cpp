// Tests for include/hsct/patient/body_size.hpp: checked height and body weight, BMI, the five BSA
// formulas, Devine IBW (the formula alone and on the dosing path with its policies), adjusted
// body weight, asserted on data. Rendered text: body_size_text_test.cpp.
#include <hsct/patient/body_size.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_body_size_test {

namespace u = hsct::units;
namespace p = hsct::patient;

namespace {
bool within(double actual, double expected, double tol) {
    return std::fabs(actual - expected) <= tol;
}

p::height cm(double v) { return p::height::make(v, u::cm).value(); }
p::body_weight kg(double v) { return p::body_weight::make(v, u::kg).value(); }
hsct::mass mkg(double v) { return hsct::mass(v, u::kg); }

hsct::age adult() { return *hsct::age::make(45, 0); }

template <class H, class W>
concept bsa_callable = requires(H h, W w) { p::bsa_mosteller(h, w); };
template <class W, class H>
concept bmi_callable = requires(W w, H h) { p::bmi(w, h); };
template <class I, class T>
concept adjustable =
    requires(I i, T t) { p::adjusted_body_weight(i, t, p::adjustment_factor::aibw25); };
template <class U>
concept height_unit = requires(U unit) { p::height::make(1.0, unit); };
template <class H, class S>
concept devine_callable = requires(H h, S s) { p::devine_ibw(h, s); };
}  // namespace

TEST_CASE("height is checked against 20-250 cm", "[patient][body_size][PAT-BODY-001]") {
    CHECK(p::height::make(20.0, u::cm).has_value());
    CHECK(p::height::make(250.0, u::cm).has_value());
    CHECK_FALSE(p::height::make(19.99, u::cm).has_value());
    CHECK_FALSE(p::height::make(250.01, u::cm).has_value());
    CHECK(p::height::make(1.65, u::m).value().in(u::cm) == 165.0);

    const auto zero = p::height::make(0.0, u::cm);
    REQUIRE_FALSE(zero.has_value());
    CHECK(zero.error().code() == hsct::errc::out_of_range);
    CHECK(zero.error().field() == "height");
    CHECK(zero.error().value() == "0 cm");
    CHECK(zero.error().valid_range() == "20-250 cm");
    CHECK(zero.error().requirement() == "PAT-BODY-001");

    const auto nan = p::height::make(std::numeric_limits<double>::quiet_NaN(), u::cm);
    REQUIRE_FALSE(nan.has_value());
    CHECK(nan.error().code() == hsct::errc::not_finite);
    CHECK(nan.error().field() == "height");
    CHECK(nan.error().value() == "nan cm");

    // run-time unit: a mass unit is refused as wrong_dimension, not a contract failure
    const auto wrong = p::height::make(70.0, u::kg.info);
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code() == hsct::errc::wrong_dimension);
    CHECK(p::height::make(1650.0, u::mm.info).value().in(u::cm) == 165.0);
    // a typed length from elsewhere is checked too, and the field can be named
    CHECK(p::height::make(hsct::length(1.7, u::m)).value().in(u::cm) == 170.0);
    const auto named = p::height::make(hsct::length(300.0, u::cm), "patient.height");
    REQUIRE_FALSE(named.has_value());
    CHECK(named.error().field() == "patient.height");

    CHECK(p::parse_height("1.65 m").value().in(u::cm) == 165.0);
    const auto bad = p::parse_height("300 cm");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().field() == "height");
    CHECK(bad.error().value() == "300 cm");
    CHECK(bad.error().requirement() == "PAT-BODY-001");
    CHECK_FALSE(p::parse_height("165 kg").has_value());
}

TEST_CASE("weight is checked against 0.3-400 kg", "[patient][body_size][PAT-BODY-002]") {
    CHECK(p::body_weight::make(0.3, u::kg).has_value());
    CHECK(p::body_weight::make(400.0, u::kg).has_value());
    CHECK_FALSE(p::body_weight::make(0.29, u::kg).has_value());
    CHECK_FALSE(p::body_weight::make(400.1, u::kg).has_value());
    CHECK(p::body_weight::make(3500.0, u::g).value().in(u::kg) == 3.5);

    const auto heavy = p::body_weight::make(900.0, u::kg);
    REQUIRE_FALSE(heavy.has_value());
    CHECK(heavy.error().code() == hsct::errc::out_of_range);
    CHECK(heavy.error().field() == "weight");
    CHECK(heavy.error().value() == "900 kg");
    CHECK(heavy.error().valid_range() == "0.3-400 kg");
    CHECK(heavy.error().requirement() == "PAT-BODY-002");
    CHECK(heavy.error().message() ==
          "weight: 900 kg is outside the valid range 0.3-400 kg (PAT-BODY-002)");

    const auto nan = p::body_weight::make(std::numeric_limits<double>::quiet_NaN(), u::kg);
    REQUIRE_FALSE(nan.has_value());
    CHECK(nan.error().code() == hsct::errc::not_finite);
    CHECK(nan.error().field() == "weight");

    CHECK(p::parse_weight("72.5 kg").value().in(u::kg) == 72.5);
    CHECK_FALSE(p::parse_weight("72.5 cm").has_value());
    CHECK_FALSE(p::body_weight::make(70.0, u::cm.info).has_value());
    CHECK(p::body_weight::make(hsct::mass(70.0, u::kg)).value().as_mass() == mkg(70.0));
}

TEST_CASE("make_if_valid accepts exactly what make accepts", "[patient][body_size][PAT-BODY-002]") {
    const double inf = std::numeric_limits<double>::infinity();
    for (const double kg : {-1.0, 0.0, 0.29, 0.3, 0.31, 70.0, 399.99, 400.0, 400.01, 1e9, inf, -inf,
                            std::numeric_limits<double>::quiet_NaN()}) {
        INFO(kg);
        const auto checked = p::body_weight::make(hsct::mass(kg, u::kg));
        const auto quick = p::body_weight::make_if_valid(hsct::mass(kg, u::kg));
        REQUIRE(checked.has_value() == quick.has_value());
        if (quick) {
            CHECK(quick->as_mass() == checked->as_mass());
        }
    }
}

TEST_CASE("height and body weight are checked types the size of a double",
          "[patient][body_size][PAT-BODY-001][PAT-BODY-002]") {
    STATIC_REQUIRE(sizeof(p::height) == sizeof(double));
    STATIC_REQUIRE(sizeof(p::body_weight) == sizeof(double));
    STATIC_REQUIRE(std::is_trivially_copyable_v<p::height>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<p::body_weight>);
    // only the checked factories make one: no default, no construction from a quantity or a
    // number, no conversion between the two
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<p::height>);
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<p::body_weight>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<p::height, hsct::length>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<p::height, double>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<p::body_weight, hsct::mass>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<p::body_weight, double>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<p::height, p::body_weight>);
    CHECK(cm(170.0) < cm(171.0));
    CHECK(kg(70.0) == kg(70.0));
    CHECK(p::to_string(cm(165.0)) == "165 cm");
    CHECK(p::to_string(kg(72.5)) == "72.5 kg");
}

TEST_CASE("regression: a 0 cm height can no longer reach the BSA formulas",
          "[patient][body_size][bsa][PAT-BODY-001][PAT-BSA-001][regression]") {
    // Before: bsa_mosteller(length(0, cm), mass(70, kg)) compiled and aborted on a contract.
    // Now the formulas take only checked types, and 0 cm is refused where the type is made.
    STATIC_REQUIRE_FALSE(bsa_callable<hsct::length, hsct::mass>);
    STATIC_REQUIRE_FALSE(bsa_callable<hsct::length, p::body_weight>);
    STATIC_REQUIRE_FALSE(bmi_callable<hsct::mass, hsct::length>);
    STATIC_REQUIRE_FALSE(devine_callable<hsct::length, hsct::sex>);
    const auto zero = p::height::make(0.0, u::cm);
    REQUIRE_FALSE(zero.has_value());
    CHECK(zero.error().code() == hsct::errc::out_of_range);
    const auto negative = p::body_weight::make(-70.0, u::kg);
    REQUIRE_FALSE(negative.has_value());
    CHECK(negative.error().code() == hsct::errc::out_of_range);
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

TEST_CASE("the BSA dispatcher names its formula, requirement and inputs",
          "[patient][body_size][bsa][PAT-BSA-006]") {
    STATIC_REQUIRE(p::default_bsa_formula == p::bsa_formula::mosteller);
    const auto f = GENERATE(p::bsa_formula::mosteller, p::bsa_formula::dubois,
                            p::bsa_formula::haycock, p::bsa_formula::gehan_george,
                            p::bsa_formula::boyd);
    CAPTURE(p::to_string(f));
    const auto r = p::body_surface_area(cm(170.0), kg(70.0), f);
    REQUIRE(r.has_value());
    CHECK(r->formula == f);
    CHECK(r->from_height == hsct::length(170.0, u::cm));
    CHECK(r->from_weight == mkg(70.0));
    double direct = 0.0;
    std::string_view req;
    switch (f) {
        case p::bsa_formula::mosteller:
            direct = p::bsa_mosteller(cm(170.0), kg(70.0)).in(u::m2);
            req = "PAT-BSA-001";
            break;
        case p::bsa_formula::dubois:
            direct = p::bsa_dubois(cm(170.0), kg(70.0)).in(u::m2);
            req = "PAT-BSA-002";
            break;
        case p::bsa_formula::haycock:
            direct = p::bsa_haycock(cm(170.0), kg(70.0)).in(u::m2);
            req = "PAT-BSA-003";
            break;
        case p::bsa_formula::gehan_george:
            direct = p::bsa_gehan_george(cm(170.0), kg(70.0)).in(u::m2);
            req = "PAT-BSA-004";
            break;
        case p::bsa_formula::boyd:
            direct = p::bsa_boyd(cm(170.0), kg(70.0)).in(u::m2);
            req = "PAT-BSA-005";
            break;
    }
    CHECK(r->value.in(u::m2) == direct);
    CHECK(std::string_view(r->requirement) == req);
}

TEST_CASE("BSA formula names", "[patient][body_size][bsa][PAT-BSA-006]") {
    CHECK(p::to_string(p::bsa_formula::mosteller) == "Mosteller 1987");
    CHECK(p::to_string(p::bsa_formula::dubois) == "DuBois & DuBois 1916");
    CHECK(p::to_string(p::bsa_formula::boyd) == "Boyd 1935");
}

TEST_CASE("the Devine formula on its own needs no age",
          "[patient][body_size][ibw][PAT-IBW-001][Devine-1974]") {
    // the reference's adult examples, and the same numbers for a 12-year-old's height: the
    // formula alone applies no age policy (PAT-IBW-004 is on the dosing path)
    CHECK(within(p::devine_ibw(cm(165.0), hsct::sex::female).value().in(u::kg), 56.91, 0.005));
    CHECK(within(p::devine_ibw(cm(180.0), hsct::sex::male).value().in(u::kg), 74.99, 0.005));
    CHECK(p::devine_ibw(cm(152.4), hsct::sex::female).value().in(u::kg) == 45.5);
    CHECK(p::devine_ibw(cm(152.4), hsct::sex::male).value().in(u::kg) == 50.0);
    // below 60 in: extrapolated as published
    CHECK(within(p::devine_ibw(cm(150.0), hsct::sex::female).value().in(u::kg), 43.33, 0.005));
    STATIC_REQUIRE(std::is_same_v<decltype(p::devine_ibw(cm(1.0), hsct::sex::male)),
                                  hsct::result<hsct::mass>>);
    // the same value as ideal_body_weight for an adult
    CHECK(p::devine_ibw(cm(165.0), hsct::sex::female).value() ==
          p::ideal_body_weight(cm(165.0), hsct::sex::female, adult())->value);
    // a non-positive extrapolation is refused, not returned
    const auto tiny = p::devine_ibw(cm(100.0), hsct::sex::female);
    REQUIRE_FALSE(tiny.has_value());
    CHECK(tiny.error().code() == hsct::errc::out_of_range);
    CHECK(tiny.error().field() == "height");
    CHECK(tiny.error().valid_range().find("102.2 cm") != std::string::npos);
    CHECK(p::devine_ibw(cm(103.0), hsct::sex::female).has_value());
    const auto s = p::devine_ibw(cm(165.0), static_cast<hsct::sex>(0));
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().field() == "sex");
}

TEST_CASE("Devine IBW: section 11.6 examples", "[patient][body_size][ibw][PAT-IBW-001][Devine-1974]") {
    const auto woman = p::ideal_body_weight(cm(165.0), hsct::sex::female, adult());
    REQUIRE(woman.has_value());
    CHECK(within(woman->value->in(u::kg), 56.91, 0.005));
    CHECK(woman->formula == p::ibw_formula::devine_1974);
    CHECK_FALSE(woman->below_60_in);
    CHECK(woman->for_sex == hsct::sex::female);
    CHECK(woman->for_height == hsct::length(165.0, u::cm));
    CHECK(woman->options == p::ibw_options{});
    REQUIRE(woman->criteria.size() == 2);
    CHECK(woman->criteria[0].id == p::ibw_criterion::adult_age);
    CHECK(woman->criteria[0].result == hsct::outcome::met);
    CHECK(woman->criteria[0].measured.number() == 45.0);
    CHECK(woman->criteria[0].threshold == 18.0);
    CHECK(std::string_view(woman->criteria[0].requirement) == "PAT-IBW-004");
    CHECK(woman->criteria[1].id == p::ibw_criterion::at_least_60_in);
    CHECK(woman->criteria[1].result == hsct::outcome::met);
    CHECK(woman->criteria[1].measured.number() == 165.0);
    CHECK(woman->criteria[1].threshold == 152.4);
    CHECK(woman->criteria[1].cmp == hsct::comparator::greater_equal);

    const auto man = p::ideal_body_weight(cm(180.0), hsct::sex::male, adult());
    REQUIRE(man.has_value());
    CHECK(within(man->value->in(u::kg), 74.99, 0.005));

    // 60 in exactly: the base values, not flagged
    const auto w60 = p::ideal_body_weight(cm(152.4), hsct::sex::female, adult());
    REQUIRE(w60.has_value());
    CHECK(w60->value->in(u::kg) == 45.5);
    CHECK_FALSE(w60->below_60_in);
    const auto m60 = p::ideal_body_weight(cm(152.4), hsct::sex::male, adult());
    REQUIRE(m60.has_value());
    CHECK(m60->value->in(u::kg) == 50.0);
    // one inch over adds 2.3 kg
    CHECK(within(p::ideal_body_weight(cm(154.94), hsct::sex::male, adult())->value->in(u::kg), 52.3,
                 1e-9));
}

TEST_CASE("Devine IBW below 60 in follows a named policy",
          "[patient][body_size][ibw][PAT-IBW-002][Devine-1974]") {
    // default: extrapolate as published, flagged
    const auto ex = p::ideal_body_weight(cm(150.0), hsct::sex::female, adult());
    REQUIRE(ex.has_value());
    CHECK(within(ex->value->in(u::kg), 43.33, 0.005));
    CHECK(ex->below_60_in);
    CHECK(ex->options.below_60_in == p::short_stature_policy::extrapolate);
    CHECK(ex->criteria[1].result == hsct::outcome::not_met);

    // Under the refuse policy the IBW does not apply below 60 in: a value, not an error.
    const auto refused = p::ideal_body_weight(cm(150.0), hsct::sex::female, adult(),
                                              {p::short_stature_policy::refuse});
    REQUIRE(refused.has_value());
    CHECK(refused->status == p::ibw_status::not_applicable);
    CHECK_FALSE(refused->applies());
    CHECK(refused->decided_by == p::ibw_criterion::at_least_60_in);
    CHECK_FALSE(refused->value.has_value());
    CHECK(refused->below_60_in);
    REQUIRE(refused->criteria.size() == 2);
    CHECK(refused->criteria[1].result == hsct::outcome::not_met);
    CHECK(refused->criteria[1].requirement == std::string_view("PAT-IBW-002"));
    // at 60 in the refuse policy has nothing to refuse
    const auto at60 = p::ideal_body_weight(cm(152.4), hsct::sex::female, adult(),
                                           {p::short_stature_policy::refuse});
    REQUIRE(at60.has_value());
    CHECK(at60->applies());
    CHECK(at60->value == hsct::mass(45.5, u::kg));

    const auto base = p::ideal_body_weight(cm(150.0), hsct::sex::female, adult(),
                                           {p::short_stature_policy::base_value});
    REQUIRE(base.has_value());
    CHECK(base->value->in(u::kg) == 45.5);
    CHECK(base->below_60_in);
    CHECK(base->options.below_60_in == p::short_stature_policy::base_value);

    // extrapolation that would not be positive is refused (woman: below about 102.2 cm)
    CHECK(p::ideal_body_weight(cm(103.0), hsct::sex::female, adult()).has_value());
    const auto tiny = p::ideal_body_weight(cm(100.0), hsct::sex::female, adult());
    REQUIRE_FALSE(tiny.has_value());
    CHECK(tiny.error().code() == hsct::errc::out_of_range);
    CHECK(tiny.error().field() == "height");
    CHECK(tiny.error().valid_range().find("102.2 cm") != std::string::npos);
}

TEST_CASE("Devine IBW on the dosing path does not apply to children (a value, not an error)",
          "[patient][body_size][ibw][PAT-IBW-004]") {
    const auto child = p::ideal_body_weight(cm(140.0), hsct::sex::male,
                                            *hsct::age::make(12, 0));
    REQUIRE(child.has_value());
    CHECK(child->status == p::ibw_status::not_applicable);
    CHECK(child->decided_by == p::ibw_criterion::adult_age);
    CHECK_FALSE(child->value.has_value());
    REQUIRE(child->criteria.size() == 1);  // the height criterion is not reached
    CHECK(child->criteria[0].result == hsct::outcome::not_met);
    CHECK(child->criteria[0].measured.number() == 12.0);
    CHECK(child->criteria[0].threshold == 18.0);
    CHECK(child->criteria[0].requirement == std::string_view("PAT-IBW-004"));
    // an IBW that does not apply cannot be adjusted or divided by
    const auto adj = p::adjusted_body_weight(*child, kg(60.0), p::adjustment_factor::aibw25);
    REQUIRE_FALSE(adj.has_value());
    CHECK(adj.error().code() == hsct::errc::missing);
    CHECK(adj.error().field() == "ibw.value");
    CHECK(adj.error().value() == "(does not apply)");
    CHECK_FALSE(p::percent_of_ideal(kg(60.0), *child).has_value());
    // below, at and above the 18-year threshold
    CHECK_FALSE(p::ideal_body_weight(cm(170.0), hsct::sex::male, *hsct::age::make(17, 11))
                    ->applies());
    CHECK(p::ideal_body_weight(cm(170.0), hsct::sex::male, *hsct::age::make(18, 0))
              ->applies());
    CHECK(p::ideal_body_weight(cm(170.0), hsct::sex::male, *hsct::age::make(18, 1))
              ->applies());
    // the formula alone still answers for the child's height
    CHECK(p::devine_ibw(cm(140.0), hsct::sex::male).has_value());
}

TEST_CASE("adjusted body weight with named factors: section 11.6",
          "[patient][body_size][abw][PAT-ABW-001][PAT-ABW-002][Busulfex-label][Bachanova-2016]") {
    STATIC_REQUIRE(p::fraction(p::adjustment_factor::aibw25) == 0.25);
    STATIC_REQUIRE(p::fraction(p::adjustment_factor::adjbw40) == 0.4);
    STATIC_REQUIRE(p::fraction(p::adjustment_factor::adjbw50) == 0.5);
    STATIC_REQUIRE_FALSE(p::fraction(static_cast<p::adjustment_factor>(30)).has_value());

    const auto ibw_w = *p::ideal_body_weight(cm(165.0), hsct::sex::female, adult());
    const auto a25 = p::adjusted_body_weight(ibw_w, kg(120.0), p::adjustment_factor::aibw25).value();
    CHECK(within(a25.value.in(u::kg), 72.68, 0.005));
    CHECK(a25.factor == p::adjustment_factor::aibw25);
    CHECK(a25.ideal == ibw_w.value);
    CHECK(a25.actual == mkg(120.0));
    CHECK(within(p::adjusted_body_weight(ibw_w, kg(120.0), p::adjustment_factor::adjbw40).value()
                     .value.in(u::kg),
                 82.15, 0.005));
    CHECK(within(p::adjusted_body_weight(ibw_w, kg(120.0), p::adjustment_factor::adjbw50).value()
                     .value.in(u::kg),
                 88.45, 0.01));
    CHECK(within(p::percent_of_ideal(kg(120.0), ibw_w).value().in(u::pct), 210.86, 0.01));

    const auto ibw_m = *p::ideal_body_weight(cm(180.0), hsct::sex::male, adult());
    CHECK(within(p::adjusted_body_weight(ibw_m, kg(130.0), p::adjustment_factor::aibw25).value()
                     .value.in(u::kg),
                 88.74, 0.005));
    CHECK(within(p::adjusted_body_weight(ibw_m, kg(130.0), p::adjustment_factor::adjbw40).value()
                     .value.in(u::kg),
                 97.00, 0.005));
    CHECK(within(p::percent_of_ideal(kg(130.0), ibw_m).value().in(u::pct), 173.35, 0.01));

    CHECK(a25.adjusted);
    REQUIRE(a25.criteria.size() == 1);
    CHECK(a25.criteria[0].id == p::abw_criterion::actual_above_ideal);
    CHECK(a25.criteria[0].result == hsct::outcome::met);
    CHECK(a25.criteria[0].cmp == hsct::comparator::greater);
    CHECK(a25.criteria[0].measured.number() == 120.0);
    CHECK(a25.criteria[0].threshold == ibw_w.value->in(u::kg));
    CHECK(std::string_view(a25.criteria[0].requirement) == "PAT-ABW-003");
    CHECK(p::to_string(p::adjustment_factor::aibw25).find("AIBW25") != std::string_view::npos);
}

TEST_CASE("body size misuse does not compile", "[patient][body_size][compile]") {
    STATIC_REQUIRE(bsa_callable<p::height, p::body_weight>);
    STATIC_REQUIRE_FALSE(bsa_callable<p::body_weight, p::height>);  // swapped arguments
    STATIC_REQUIRE_FALSE(bsa_callable<double, double>);
    STATIC_REQUIRE(bmi_callable<p::body_weight, p::height>);
    STATIC_REQUIRE_FALSE(bmi_callable<p::height, p::body_weight>);
    STATIC_REQUIRE(adjustable<p::ibw_result, p::body_weight>);
    STATIC_REQUIRE_FALSE(adjustable<p::body_weight, p::body_weight>);  // IBW and TBW cannot be swapped
    STATIC_REQUIRE_FALSE(adjustable<p::ibw_result, hsct::mass>);        // TBW must be checked
    STATIC_REQUIRE(height_unit<u::centimetre_t>);
    STATIC_REQUIRE_FALSE(height_unit<u::kilogram_t>);
    STATIC_REQUIRE(devine_callable<p::height, hsct::sex>);
    STATIC_REQUIRE(std::is_same_v<decltype(p::bmi(kg(1.0), cm(20.0))), hsct::body_mass_index>);
    STATIC_REQUIRE(std::is_same_v<decltype(p::bsa_boyd(cm(20.0), kg(1.0))), hsct::area>);
}

TEST_CASE("body size functions refuse enum numbers that are not declared values",
          "[patient][body_size][CORE-ENUM-002][PAT-BSA-006][PAT-IBW-001][PAT-ABW-001]") {
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

TEST_CASE("an ibw_result filled in by hand is checked, never divided by",
          "[patient][body_size][abw][PAT-ABW-001][PAT-ABW-002]") {
    // Before: percent_of_ideal aborted on a contract for an IBW of 0.
    p::ibw_result zero;
    zero.value = mkg(0.0);
    const auto pct = p::percent_of_ideal(kg(70.0), zero);
    REQUIRE_FALSE(pct.has_value());
    CHECK(pct.error().code() == hsct::errc::out_of_range);
    CHECK(pct.error().field() == "ibw");
    p::ibw_result nan;
    nan.value = mkg(std::numeric_limits<double>::quiet_NaN());
    const auto adj = p::adjusted_body_weight(nan, kg(70.0), p::adjustment_factor::aibw25);
    REQUIRE_FALSE(adj.has_value());
    CHECK(adj.error().code() == hsct::errc::not_finite);
}

TEST_CASE("adjusted body weight applies only above IBW: below, at and above",
          "[patient][body_size][abw][PAT-ABW-003]") {
    // man 152.4 cm: IBW exactly 50 kg
    const auto ibw = *p::ideal_body_weight(cm(152.4), hsct::sex::male, adult());
    REQUIRE(ibw.value == mkg(50.0));
    const auto below = p::adjusted_body_weight(ibw, kg(45.0), p::adjustment_factor::aibw25).value();
    CHECK_FALSE(below.adjusted);
    CHECK(below.value == mkg(45.0));  // never above the actual weight
    CHECK(below.criteria[0].result == hsct::outcome::not_met);
    CHECK(below.criteria[0].measured.number() == 45.0);
    CHECK(below.criteria[0].threshold == 50.0);
    const auto at = p::adjusted_body_weight(ibw, kg(50.0), p::adjustment_factor::adjbw50).value();
    CHECK_FALSE(at.adjusted);
    CHECK(at.value == mkg(50.0));
    const auto above = p::adjusted_body_weight(ibw, kg(50.4), p::adjustment_factor::aibw25).value();
    CHECK(above.adjusted);
    CHECK(within(above.value.in(u::kg), 50.1, 1e-9));
    CHECK(above.value < mkg(50.4));
    // the review's case: 180 cm, TBW 50 kg (IBW 74.99 kg): AIBW25 would have been 68.74 kg
    const auto ibw_m = *p::ideal_body_weight(cm(180.0), hsct::sex::male, adult());
    const auto thin = p::adjusted_body_weight(ibw_m, kg(50.0), p::adjustment_factor::aibw25).value();
    CHECK(thin.value == mkg(50.0));
    CHECK_FALSE(thin.adjusted);
}

TEST_CASE("IBW, BSA and adjusted weight allocate nothing",
          "[patient][body_size][PAT-IBW-001][PAT-BSA-006][PAT-ABW-001][CORE-EXPLAIN-001]") {
    const auto h = cm(165.0);
    const auto w = kg(120.0);
    const auto a = adult();
    const hsct_test::allocation_counter n;
    const auto ibw = p::ideal_body_weight(h, hsct::sex::female, a);
    const auto bsa = p::body_surface_area(h, w, p::bsa_formula::boyd);
    const auto adj = p::adjusted_body_weight(*ibw, w, p::adjustment_factor::aibw25);
    const auto pct = p::percent_of_ideal(w, *ibw);
    const auto dev = p::devine_ibw(h, hsct::sex::female);
    const auto hh = p::height::make(165.0, u::cm);
    const auto ww = p::body_weight::make(120.0, u::kg.info);
    CHECK(n.count() == 0);
    CHECK(ibw.has_value());
    CHECK(bsa.has_value());
    CHECK(adj.has_value());
    CHECK(pct.has_value());
    CHECK(dev.has_value());
    CHECK(hh.has_value());
    CHECK(ww.has_value());
}

using hsct_test::enum_round_trips;

TEST_CASE("the enums of the body size results read back from their ids and numbers",
          "[patient][body_size][CORE-ENUM-001]") {
    CHECK(enum_round_trips<p::ibw_criterion>() == 2);
    CHECK(enum_round_trips<p::abw_criterion>() == 1);
    CHECK(enum_round_trips<p::bsa_formula>() == 5);
    CHECK(enum_round_trips<p::adjustment_factor>() == 3);
    CHECK(enum_round_trips<p::short_stature_policy>() == 3);
}

TEST_CASE("height and weight from US units are checked the same way",
          "[patient][body_size][PAT-BODY-001][PAT-BODY-002][CORE-UNIT-004][CORE-UNIT-005]") {
    // 5 ft 5 in = 65 in = 165.1 cm; 264.5 lb = 119.975... kg
    const auto h = p::parse_height("5 ft 5 in");
    REQUIRE(h.has_value());
    CHECK(within(h->in(u::cm), 165.1, 1e-9));
    CHECK(within(p::height::make(65.0, u::in).value().in(u::cm), 165.1, 1e-9));
    const auto w = p::body_weight::make(264.5, u::lb.info);
    REQUIRE(w.has_value());
    CHECK(within(w->in(u::kg), 264.5 * 0.45359237, 1e-9));
    // the plausible ranges apply whatever the unit: 1000 lb (453.6 kg) and 9 ft (274.3 cm) are refused
    const auto heavy = p::body_weight::make(1000.0, u::lb);
    REQUIRE_FALSE(heavy.has_value());
    CHECK(heavy.error().code() == hsct::errc::out_of_range);
    CHECK(heavy.error().field() == "weight");
    CHECK(heavy.error().valid_range() == "0.3-400 kg");
    CHECK_FALSE(p::height::make(9.0, u::ft).has_value());
    // Devine from a height in inches: 65 in, woman: 45.5 + 2.3 x 5 = 57 kg
    CHECK(within(p::devine_ibw(p::height::make(65.0, u::in).value(), hsct::sex::female)->in(u::kg),
                 57.0, 1e-9));
}

}  // namespace hsct_test_patient_body_size_test
