// Tests for include/hsct/testing/matchers.hpp: each matcher below, at and above its edge, its
// description and its explanation of a failure in clinical units, used through Catch2's
// CHECK_THAT (the GoogleTest side is the consumer project tests/package/testing_gtest).
#include <hsct/testing/matchers.hpp>

#include <hsct/patient/hct_ci.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "support/catch.hpp"
#include "support/hct_ci_inputs.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_testing_matchers_test {

namespace ht = hsct::testing;
namespace u = hsct::units;
using hsct::errc;
using hsct::outcome;

hsct::total_dose mg(double v) { return hsct::total_dose(v, u::mg); }

TEST_CASE("within: below, at and beyond the tolerance, in any unit of the quantity", "[testing][TEST-MATCH-001]") {
    const auto m = ht::within(mg(57.0), mg(0.5));
    CHECK(m.match(mg(57.0)));
    CHECK(m.match(mg(56.5)));   // at the edge, below
    CHECK(m.match(mg(57.5)));   // at the edge, above
    CHECK_FALSE(m.match(mg(57.5000001)));
    CHECK_FALSE(m.match(mg(56.4999999)));
    CHECK(ht::within(mg(57.0), hsct::total_dose(500.0, u::ug)).match(mg(57.4)));  // tolerance in micrograms
    CHECK_FALSE(m.match(mg(std::numeric_limits<double>::quiet_NaN())));
    CHECK_FALSE(m.match(mg(std::numeric_limits<double>::infinity())));
    CHECK_FALSE(ht::within(mg(57.0), mg(-0.5)).match(mg(57.0)));  // a negative tolerance matches nothing
    CHECK(m.describe() == "is within 0.5 mg of 57 mg");
    CHECK(m.toString() == "is within 0.5 mg of 57 mg");
    CHECK(m.explain(mg(57.8)) == "(it is 0.8 mg away)");
    CHECK(m.explain(mg(56.0)) == "(it is 1 mg away)");
    CHECK(ht::within(mg(57.0), mg(-0.5)).explain(mg(57.0)) ==
          "(the tolerance -0.5 mg is not a finite, non-negative amount)");
    CHECK_THAT(mg(30.0) * 1.9, ht::within(mg(57.0), mg(0.5)));
    CHECK_THAT(hsct::mass(72.5, u::kg), ht::within(hsct::mass(72500.0, u::g), hsct::mass(1.0, u::g)));
}

TEST_CASE("holds_value, holds_value_that and is_error on results", "[testing][TEST-MATCH-002]") {
    const auto good = hsct::from_lab<hsct::anc>(1.2, "10*9/L");
    const auto wrong = hsct::from_lab<hsct::anc>(1.0, "mg/dL");
    REQUIRE(good.has_value());
    REQUIRE_FALSE(wrong.has_value());
    CHECK_THAT(good, ht::holds_value());
    CHECK_FALSE(ht::holds_value().match(wrong));
    CHECK(ht::holds_value().explain(wrong) == "(it holds the error: " + wrong.error().message() + ")");
    const auto near = ht::holds_value_that(ht::within(hsct::anc(1.2, u::giga_per_l), hsct::anc(0.05, u::giga_per_l)));
    CHECK_THAT(good, near);
    CHECK(near.describe() == "holds a value that is within 0.05 x10^9/L of 1.2 x10^9/L");
    CHECK_FALSE(near.match(wrong));
    const auto far = ht::holds_value_that(ht::within(hsct::anc(2.0, u::giga_per_l), hsct::anc(0.05, u::giga_per_l)));
    CHECK_FALSE(far.match(good));
    CHECK(far.explain(good) == "(the value is 1.2 x10^9/L (it is 0.8 x10^9/L away))");

    CHECK_THAT(wrong, ht::is_error(errc::wrong_dimension));
    CHECK_THAT(wrong, ht::is_error(errc::wrong_dimension, wrong.error().field()));
    CHECK_FALSE(ht::is_error(errc::out_of_range).match(wrong));
    CHECK_FALSE(ht::is_error(errc::wrong_dimension, "another.field").match(wrong));
    CHECK_FALSE(ht::is_error(errc::wrong_dimension).match(good));
    CHECK(ht::is_error(errc::out_of_range, "weight").describe() == "is an error out_of_range in field 'weight'");
    CHECK(ht::is_error(errc::out_of_range).explain(good) == "(it holds a value: 1.2 x10^9/L)");
    CHECK(ht::is_error(errc::out_of_range).explain(wrong).starts_with("(it is the error wrong_dimension in field '"));
}

TEST_CASE("has_criterion reads an explained result's evidence", "[testing][TEST-MATCH-003]") {
    namespace hp = hsct::patient;
    auto in = hsct_test::hct_ci_baseline();
    in.diabetes = hp::diabetes_treatment::insulin;
    const auto r = hp::assess_hct_ci(in);
    REQUIRE(r.has_value());
    CHECK_THAT(*r, ht::has_criterion(hp::hct_ci_criterion::diabetes_treatment, outcome::met));
    CHECK_THAT(r, ht::has_criterion(hp::hct_ci_criterion::diabetes_treatment, outcome::met));  // through the result
    CHECK_THAT(*r, ht::has_criterion(hp::hct_ci_criterion::arrhythmia, outcome::not_met));
    const auto m = ht::has_criterion(hp::hct_ci_criterion::arrhythmia, outcome::met);
    CHECK_FALSE(m.match(*r));
    CHECK(m.describe() == "has criterion arrhythmia met");
    CHECK(m.explain(*r) == "(it was evaluated: not_met)");
    const auto unknown = ht::has_criterion(hp::hct_ci_criterion::age_40_or_more, outcome::met);
    hp::hct_ci_input no_age = hsct_test::hct_ci_baseline();
    no_age.age_at_hct.reset();
    const auto r2 = hp::assess_hct_ci(no_age);
    REQUIRE(r2.has_value());
    CHECK_FALSE(unknown.match(*r2));
}

TEST_CASE("is_day: a transplant day, or an optional one", "[testing][TEST-MATCH-004]") {
    const auto d14 = hsct::transplant_day::at(14);
    CHECK_THAT(d14, ht::is_day(14));
    CHECK_FALSE(ht::is_day(13).match(d14));
    CHECK_FALSE(ht::is_day(15).match(d14));
    CHECK_THAT(std::optional<hsct::transplant_day>(d14), ht::is_day(14));
    CHECK_FALSE(ht::is_day(14).match(std::optional<hsct::transplant_day>{}));
    CHECK(ht::is_day(14).describe() == "is D+14");
    CHECK(ht::is_day(-7).describe() == "is D-7");
    CHECK(ht::is_day(0).describe() == "is D0");
    CHECK(ht::is_day(12).explain(d14) == "(it is D+14, 2 days late)");
    CHECK(ht::is_day(15).explain(d14) == "(it is D+14, 1 day early)");
    CHECK(ht::is_day(15).explain(std::optional<hsct::transplant_day>{}) == "(no day)");
}

TEST_CASE("the GoogleTest members describe and explain the same way", "[testing][TEST-MATCH-001]") {
    const auto m = ht::within(mg(57.0), mg(0.5));
    std::ostringstream d;
    m.DescribeTo(&d);
    CHECK(d.str() == "is within 0.5 mg of 57 mg");
    std::ostringstream n;
    m.DescribeNegationTo(&n);
    CHECK(n.str() == "not: is within 0.5 mg of 57 mg");
    std::ostringstream why;
    CHECK_FALSE(m.MatchAndExplain(mg(58.0), &why));
    CHECK(why.str() == "(it is 1 mg away)");
    CHECK(m.MatchAndExplain(mg(57.1), nullptr));
}

}  // namespace hsct_test_testing_matchers_test
