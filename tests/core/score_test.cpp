// Tests for include/hsct/core/score.hpp: bounded scores (CORE-SCORE-001).
#include <hsct/core/score.hpp>

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_score_test {

namespace {
struct decile_tag {
    static constexpr int min = 0;
    static constexpr int max = 100;
    static constexpr int step = 10;
    static constexpr std::string_view name = "decile";
    static constexpr std::string_view requirement = "TEST-DECILE-001";
};
struct points_tag {
    static constexpr int min = 0;
    static constexpr int max = 7;
    static constexpr int step = 1;
    static constexpr std::string_view name = "points";
    static constexpr std::string_view requirement = "TEST-POINTS-001";
};
struct bad_step_tag {
    static constexpr int min = 0;
    static constexpr int max = 5;
    static constexpr int step = 2;
    static constexpr std::string_view name = "x";
    static constexpr std::string_view requirement = "X";
};
using decile = hsct::bounded_score<decile_tag>;
using points = hsct::bounded_score<points_tag>;

template <class A, class B>
concept addable = requires(A a, B b) { checked_add(a, b); };

template <class S, int V>
concept has_literal = requires { S::template of<V>(); };
}  // namespace

TEST_CASE("a score is the size of an int and trivially copyable", "[core][score][CORE-SCORE-001]") {
    STATIC_REQUIRE(sizeof(decile) == sizeof(int));
    STATIC_REQUIRE(std::is_trivially_copyable_v<decile>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<int, decile>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<decile, int>);
    STATIC_REQUIRE_FALSE(hsct::score_tag<bad_step_tag>);
    STATIC_REQUIRE_FALSE(addable<decile, points>);
    STATIC_REQUIRE(decile{}.value() == 0);
}

TEST_CASE("make accepts the grid and refuses everything else", "[core][score][CORE-SCORE-001]") {
    for (int v = -20; v <= 120; ++v) {
        CAPTURE(v);
        const auto s = decile::make(v);
        const bool valid = v >= 0 && v <= 100 && v % 10 == 0;
        REQUIRE(s.has_value() == valid);
        if (valid) {
            CHECK(s->value() == v);
        } else {
            CHECK(s.error().code() == hsct::errc::out_of_range);
            CHECK(s.error().field() == "decile");
            CHECK(s.error().value() == std::to_string(v));
            CHECK(s.error().valid_range() == "0-100 in steps of 10");
            CHECK(s.error().requirement() == "TEST-DECILE-001");
        }
    }
    CHECK(points::make(7, "ebmt.total").value().value() == 7);
    CHECK(points::make(8, "ebmt.total").error().message() ==
          "ebmt.total: 8 is outside the valid range 0-7 (TEST-POINTS-001)");
    CHECK_FALSE(points::make(INT64_MIN).has_value());
    CHECK_FALSE(points::make(INT64_MAX).has_value());
}

TEST_CASE("literals are checked at compile time", "[core][score][CORE-SCORE-001]") {
    STATIC_REQUIRE(decile::of<80>().value() == 80);
    STATIC_REQUIRE(points::of<0>() < points::of<1>());
    STATIC_REQUIRE(points::of<3>() == points::of<3>());
    STATIC_REQUIRE(has_literal<decile, 80>);
    STATIC_REQUIRE_FALSE(has_literal<decile, 85>);   // off the step grid
    STATIC_REQUIRE_FALSE(has_literal<decile, 110>);  // above the range
    STATIC_REQUIRE_FALSE(has_literal<points, -1>);
}

TEST_CASE("sums are checked, never clamped", "[core][score][CORE-SCORE-001]") {
    const hsct_test::allocation_counter n;
    const auto ok = checked_add(points::of<3>(), points::of<4>());
    CHECK(n.count() == 0);
    CHECK(ok.value().value() == 7);
    const auto over = checked_add(points::of<4>(), points::of<4>());
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().value() == "8");
    CHECK(hsct::to_string(points::of<5>()) == "5");
}

}  // namespace hsct_test_core_score_test
