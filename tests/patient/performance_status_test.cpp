// Tests for include/hsct/patient/performance_status.hpp: Karnofsky, Lansky and ECOG scores
// (hsct::bounded_score), their text forms, the published KPS<->ECOG tables and the CIBMTR age
// rule, asserted on data. Rendered text: performance_status_text_test.cpp.
#include <hsct/patient/performance_status.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_performance_status_test {

namespace p = hsct::patient;
using p::ecog_score;
using p::karnofsky_score;
using p::kps_ecog_mapping;
using p::lansky_score;
using p::performance_scale;
using p::performance_scale_policy;

namespace {

template <class T, class U>
concept comparable = requires(T a, U b) { a < b; };
template <class T, class U>
concept equality_comparable_with = requires(T a, U b) { a == b; };
template <class T>
concept converts_to_ecog = requires(T s) { p::to_ecog(s); };
template <class T>
concept kps_range_of = requires(T s) { p::to_kps_range(s); };

// A function that only a KPS may be passed to.
constexpr int needs_kps(karnofsky_score k) { return k.value(); }
template <class T>
concept passes_as_kps = requires(T s) { needs_kps(s); };

hsct::age age_ym(int years, int months) { return hsct::age::make(years, months).value(); }

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Expected ECOG grade for KPS 0, 10, ..., 100 (index = KPS / 10), written out from the
// published tables (clinical-scores-conditioning.md §2.3, resolutions §8). -1 = not defined.
constexpr std::array<int, 11> conventional_expected{5, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0};
constexpr std::array<int, 11> ma_2010_expected{-1, 4, 4, 4, 3, 3, 2, 2, 1, 1, 0};
constexpr std::array<int, 11> prasad_2018_expected{-1, 4, 4, 4, 4, 3, 3, 2, 1, 1, 0};

struct expected_range {
    int low;
    int high;
};
// Expected KPS range for ECOG 0..5 under each mapping; {-1,-1} = not defined.
constexpr std::array<expected_range, 6> conventional_ranges{
    {{90, 100}, {70, 80}, {50, 60}, {30, 40}, {10, 20}, {0, 0}}};
constexpr std::array<expected_range, 6> ma_2010_ranges{
    {{100, 100}, {80, 90}, {60, 70}, {40, 50}, {10, 30}, {-1, -1}}};
constexpr std::array<expected_range, 6> prasad_2018_ranges{
    {{100, 100}, {80, 90}, {70, 70}, {50, 60}, {10, 40}, {-1, -1}}};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Types

TEST_CASE("the three scales are distinct types that cannot be mixed",
          "[patient][performance][PAT-PERF-001][PAT-PERF-002][PAT-PERF-003]") {
    // positive twins
    STATIC_REQUIRE(passes_as_kps<karnofsky_score>);
    STATIC_REQUIRE(needs_kps(karnofsky_score::of<80>()) == 80);
    STATIC_REQUIRE(comparable<karnofsky_score, karnofsky_score>);
    STATIC_REQUIRE(comparable<lansky_score, lansky_score>);
    STATIC_REQUIRE(comparable<ecog_score, ecog_score>);
    STATIC_REQUIRE(converts_to_ecog<karnofsky_score>);
    STATIC_REQUIRE(kps_range_of<ecog_score>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<karnofsky_score>);
    // negatives
    STATIC_REQUIRE_FALSE(passes_as_kps<lansky_score>);
    STATIC_REQUIRE_FALSE(passes_as_kps<ecog_score>);
    STATIC_REQUIRE_FALSE(passes_as_kps<int>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<karnofsky_score, int>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<lansky_score, int>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<ecog_score, int>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<karnofsky_score, lansky_score>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<lansky_score, karnofsky_score>);
    STATIC_REQUIRE_FALSE(comparable<karnofsky_score, lansky_score>);
    STATIC_REQUIRE_FALSE(equality_comparable_with<karnofsky_score, lansky_score>);
    STATIC_REQUIRE_FALSE(comparable<karnofsky_score, ecog_score>);
    STATIC_REQUIRE_FALSE(comparable<karnofsky_score, int>);
    STATIC_REQUIRE_FALSE(converts_to_ecog<lansky_score>);
    STATIC_REQUIRE_FALSE(kps_range_of<lansky_score>);
    STATIC_REQUIRE_FALSE(kps_range_of<karnofsky_score>);
}

TEST_CASE("the three scores are bounded_score types with their scale's bounds",
          "[patient][performance][PAT-PERF-001][PAT-PERF-002][PAT-PERF-003][CORE-SCORE-001]") {
    // of<V>() with a V off the scale is a static_assert in core/score.hpp (a hard error, so it
    // cannot be probed by a concept here); the bounds it checks are these:
    STATIC_REQUIRE(std::is_same_v<karnofsky_score, hsct::bounded_score<p::karnofsky_tag>>);
    STATIC_REQUIRE(std::is_same_v<lansky_score, hsct::bounded_score<p::lansky_tag>>);
    STATIC_REQUIRE(std::is_same_v<ecog_score, hsct::bounded_score<p::ecog_tag>>);
    STATIC_REQUIRE(karnofsky_score::min == 0);
    STATIC_REQUIRE(karnofsky_score::max == 100);
    STATIC_REQUIRE(karnofsky_score::step == 10);
    STATIC_REQUIRE(lansky_score::step == 10);
    STATIC_REQUIRE(ecog_score::max == 5);
    STATIC_REQUIRE(ecog_score::step == 1);
    STATIC_REQUIRE(karnofsky_score::accepts(0));
    STATIC_REQUIRE_FALSE(karnofsky_score::accepts(65));
    STATIC_REQUIRE_FALSE(karnofsky_score::accepts(110));
    STATIC_REQUIRE_FALSE(karnofsky_score::accepts(-10));
    STATIC_REQUIRE_FALSE(lansky_score::accepts(55));
    STATIC_REQUIRE(ecog_score::accepts(5));
    STATIC_REQUIRE_FALSE(ecog_score::accepts(6));
    STATIC_REQUIRE_FALSE(ecog_score::accepts(-1));
    STATIC_REQUIRE(sizeof(karnofsky_score) == sizeof(int));
    STATIC_REQUIRE(karnofsky_score::of<80>().value() == 80);
    STATIC_REQUIRE(karnofsky_score::of<90>() > karnofsky_score::of<80>());
    STATIC_REQUIRE(ecog_score::of<1>() < ecog_score::of<2>());
}

// ---------------------------------------------------------------------------------------------
// Checked construction

TEST_CASE("KPS accepts 0-100 in steps of 10 and refuses everything else",
          "[patient][performance][PAT-PERF-001][Karnofsky-1949]") {
    for (int v = -20; v <= 120; ++v) {
        CAPTURE(v);
        const auto k = karnofsky_score::make(v);
        const bool valid = v >= 0 && v <= 100 && v % 10 == 0;
        REQUIRE(k.has_value() == valid);
        if (valid) {
            CHECK(k->value() == v);
        } else {
            CHECK(k.error().code() == hsct::errc::out_of_range);
            CHECK(k.error().field() == "karnofsky");
            CHECK(k.error().value() == std::to_string(v));
        }
    }
}

TEST_CASE("KPS 65 is refused with field, value and valid values",
          "[patient][performance][PAT-PERF-001][worked-example-11.2]") {
    const auto k = karnofsky_score::make(65, "pretransplant.kps");
    REQUIRE_FALSE(k.has_value());
    CHECK(k.error().code() == hsct::errc::out_of_range);
    CHECK(k.error().field() == "pretransplant.kps");
    CHECK(k.error().value() == "65");
    CHECK(contains(k.error().valid_range(), "0-100 in steps of 10"));
    CHECK(contains(k.error().message(), "pretransplant.kps: 65"));
}

TEST_CASE("KPS refuses a value above 100 naming its whole range",
          "[patient][performance][PAT-PERF-001][Karnofsky-1949]") {
    CHECK(karnofsky_score::make(100).has_value());
    CHECK(karnofsky_score::make(0).has_value());
    const auto k = karnofsky_score::make(110);
    REQUIRE_FALSE(k.has_value());
    CHECK(k.error().code() == hsct::errc::out_of_range);
    CHECK(k.error().value() == "110");
    CHECK(k.error().valid_range() == "0-100 in steps of 10");
}

TEST_CASE("Lansky refuses a value above 100 naming its whole range",
          "[patient][performance][PAT-PERF-002][Lansky-1987]") {
    STATIC_REQUIRE(lansky_score::min == 0);
    STATIC_REQUIRE(lansky_score::max == 100);
    CHECK(lansky_score::make(100).has_value());
    CHECK(lansky_score::make(0).has_value());
    const auto l = lansky_score::make(110);
    REQUIRE_FALSE(l.has_value());
    CHECK(l.error().code() == hsct::errc::out_of_range);
    CHECK(l.error().value() == "110");
    CHECK(l.error().valid_range() == "0-100 in steps of 10");
}

TEST_CASE("Lansky accepts 0-100 in steps of 10 and refuses everything else",
          "[patient][performance][PAT-PERF-002][Lansky-1987]") {
    for (int v = -20; v <= 120; ++v) {
        CAPTURE(v);
        const auto l = lansky_score::make(v);
        const bool valid = v >= 0 && v <= 100 && v % 10 == 0;
        REQUIRE(l.has_value() == valid);
        if (valid) {
            CHECK(l->value() == v);
        } else {
            CHECK(l.error().field() == "lansky");
            CHECK(l.error().value() == std::to_string(v));
            CHECK(contains(l.error().valid_range(), "steps of 10"));
        }
    }
}

TEST_CASE("ECOG accepts 0-5 and refuses everything else", "[patient][performance][PAT-PERF-003][Oken-1982]") {
    for (int v = -3; v <= 8; ++v) {
        CAPTURE(v);
        const auto e = ecog_score::make(v);
        REQUIRE(e.has_value() == (v >= 0 && v <= 5));
        if (!e) {
            CHECK(e.error().code() == hsct::errc::out_of_range);
            CHECK(e.error().field() == "ecog");
            CHECK(e.error().value() == std::to_string(v));
            CHECK(contains(e.error().valid_range(), "0-5"));
        }
    }
}

TEST_CASE("KPS functional bands", "[patient][performance][PAT-PERF-001]") {
    STATIC_REQUIRE(p::band_of(karnofsky_score::of<100>()) == p::kps_band::normal_activity);
    STATIC_REQUIRE(p::band_of(karnofsky_score::of<80>()) == p::kps_band::normal_activity);
    STATIC_REQUIRE(p::band_of(karnofsky_score::of<70>()) == p::kps_band::unable_to_work);
    STATIC_REQUIRE(p::band_of(karnofsky_score::of<50>()) == p::kps_band::unable_to_work);
    STATIC_REQUIRE(p::band_of(karnofsky_score::of<40>()) == p::kps_band::unable_to_care_for_self);
    STATIC_REQUIRE(p::band_of(karnofsky_score::of<10>()) == p::kps_band::unable_to_care_for_self);
    STATIC_REQUIRE(p::band_of(karnofsky_score::of<0>()) == p::kps_band::dead);
}

// ---------------------------------------------------------------------------------------------
// Text

TEST_CASE("scores print as 'KPS 80', 'Lansky 60', 'ECOG 1' and read back", "[patient][performance][PAT-PERF-004]") {
    CHECK(p::to_string(karnofsky_score::of<80>()) == "KPS 80");
    CHECK(p::to_string(lansky_score::of<60>()) == "Lansky 60");
    CHECK(p::to_string(ecog_score::of<1>()) == "ECOG 1");
    for (int v = 0; v <= 100; v += 10) {
        CAPTURE(v);
        const auto k = *karnofsky_score::make(v);
        const auto l = *lansky_score::make(v);
        CHECK(p::parse_karnofsky(p::to_string(k)) == hsct::result<karnofsky_score>(k));
        CHECK(p::parse_lansky(p::to_string(l)) == hsct::result<lansky_score>(l));
        const p::performance_status pk{k};
        const p::performance_status pl{l};
        CHECK(p::parse_performance_status(p::to_string(pk)) == hsct::result<p::performance_status>(pk));
        CHECK(p::parse_performance_status(p::to_string(pl)) == hsct::result<p::performance_status>(pl));
    }
    for (int v = 0; v <= 5; ++v) {
        const auto e = *ecog_score::make(v);
        CHECK(p::parse_ecog(p::to_string(e)) == hsct::result<ecog_score>(e));
        const p::performance_status pe{e};
        CHECK(p::parse_performance_status(p::to_string(pe)) == hsct::result<p::performance_status>(pe));
    }
}

TEST_CASE("parsing accepts common spellings", "[patient][performance][PAT-PERF-004]") {
    CHECK(p::parse_karnofsky("80")->value() == 80);
    CHECK(p::parse_karnofsky("  kps 80% ")->value() == 80);
    CHECK(p::parse_karnofsky("Karnofsky 70")->value() == 70);
    CHECK(p::parse_lansky("Lansky 60")->value() == 60);
    CHECK(p::parse_lansky("60%")->value() == 60);
    CHECK(p::parse_ecog("Zubrod 2")->value() == 2);
    CHECK(p::parse_ecog("3")->value() == 3);
    const auto s = p::parse_performance_status("Karnofsky 90");
    REQUIRE(s.has_value());
    CHECK(p::scale_of(*s) == performance_scale::karnofsky);
    CHECK(p::scale_of(*p::parse_performance_status("ecog 4")) == performance_scale::ecog);
    CHECK(p::scale_of(*p::parse_performance_status("LANSKY 40")) == performance_scale::lansky);
}

TEST_CASE("parsing refuses bad text with field, value and expected form", "[patient][performance][PAT-PERF-004]") {
    const auto off_step = p::parse_karnofsky("KPS 65");
    REQUIRE_FALSE(off_step.has_value());
    CHECK(off_step.error().code() == hsct::errc::out_of_range);
    CHECK(off_step.error().field() == "karnofsky");
    CHECK(off_step.error().value() == "65");

    const auto wrong_scale = p::parse_karnofsky("Lansky 60");
    REQUIRE_FALSE(wrong_scale.has_value());
    CHECK(wrong_scale.error().code() == hsct::errc::inconsistent);
    CHECK(wrong_scale.error().value() == "Lansky 60");
    CHECK_FALSE(p::parse_lansky("KPS 60").has_value());
    CHECK_FALSE(p::parse_ecog("KPS 80").has_value());

    const auto junk = p::parse_lansky("sixty", "child.lansky");
    REQUIRE_FALSE(junk.has_value());
    CHECK(junk.error().code() == hsct::errc::syntax);
    CHECK(junk.error().field() == "child.lansky");
    CHECK(junk.error().value() == "sixty");

    CHECK(p::parse_ecog("ECOG 6").error().code() == hsct::errc::out_of_range);
    CHECK(p::parse_ecog("ECOG 1.5").error().code() == hsct::errc::syntax);
    CHECK(p::parse_karnofsky("KPS 80.0").error().code() == hsct::errc::syntax);
    CHECK(p::parse_karnofsky("KPS 110").error().code() == hsct::errc::out_of_range);
    CHECK(p::parse_karnofsky("").error().code() == hsct::errc::syntax);

    const auto bare = p::parse_performance_status("80");
    REQUIRE_FALSE(bare.has_value());
    CHECK(bare.error().code() == hsct::errc::syntax);
    CHECK(bare.error().field() == "performance_status");
    CHECK(p::parse_performance_status("Lansky 55").error().field() == "performance_status");
}

// ---------------------------------------------------------------------------------------------
// KPS <-> ECOG

namespace {
std::string_view requirement_of(kps_ecog_mapping m) {
    switch (m) {
        case kps_ecog_mapping::conventional: return "PAT-PERF-010";
        case kps_ecog_mapping::ma_2010: return "PAT-PERF-011";
        case kps_ecog_mapping::prasad_2018: return "PAT-PERF-012";
    }
    return "";
}

void check_kps_to_ecog(kps_ecog_mapping m, const std::array<int, 11>& expected) {
    CAPTURE(p::to_string(m));
    for (int v = 0; v <= 100; ++v) {
        CAPTURE(v);
        const auto k = karnofsky_score::make(v);
        if (v % 10 != 0) {
            CHECK_FALSE(k.has_value());  // not a KPS value: nothing to convert
            continue;
        }
        REQUIRE(k.has_value());
        const auto e = p::to_ecog(*k, m);
        const int want = expected[static_cast<std::size_t>(v / 10)];
        REQUIRE(e.has_value());  // a table with no row for the score is a value, not an error
        CHECK(e->kps == *k);
        CHECK(e->mapping == m);
        CHECK(std::string_view(e->requirement) == requirement_of(m));
        if (want < 0) {
            CHECK(e->status == p::kps_ecog_status::not_defined);
            CHECK_FALSE(e->converted());
            CHECK_FALSE(e->ecog.has_value());
            CHECK_FALSE(e->band.has_value());
            continue;
        }
        CHECK(e->status == p::kps_ecog_status::converted);
        REQUIRE(e->ecog.has_value());
        CHECK(e->ecog->value() == want);
        REQUIRE(e->band.has_value());
        CHECK(e->band->contains(*k));
        CHECK(e->verified);
        CHECK(std::string_view(e->requirement) == requirement_of(m));
        // the row index points at the row of the table that decided it
        CHECK(e->row == static_cast<std::uint8_t>(want));
    }
}

void check_ecog_to_kps(kps_ecog_mapping m, const std::array<expected_range, 6>& expected) {
    CAPTURE(p::to_string(m));
    for (int g = 0; g <= 5; ++g) {
        CAPTURE(g);
        const auto r = p::to_kps_range(*ecog_score::make(g), m);
        const auto want = expected[static_cast<std::size_t>(g)];
        REQUIRE(r.has_value());  // a table with no row for the grade is a value, not an error
        CHECK(std::string_view(r->requirement) == requirement_of(m));
        if (want.low < 0) {
            CHECK(r->status == p::kps_ecog_status::not_defined);
            CHECK_FALSE(r->converted());
            CHECK_FALSE(r->range.has_value());
            CHECK(r->ecog.value() == g);
            continue;
        }
        CHECK(r->status == p::kps_ecog_status::converted);
        REQUIRE(r->range.has_value());
        CHECK(r->range->lowest.value() == want.low);
        CHECK(r->range->highest.value() == want.high);
        CHECK(r->mapping == m);
        CHECK(r->ecog.value() == g);
        CHECK(r->row == static_cast<std::uint8_t>(g));
        CHECK(r->verified);
    }
}
}  // namespace

TEST_CASE("KPS -> ECOG, conventional table, every KPS value",
          "[patient][performance][PAT-PERF-010][conventional]") {
    check_kps_to_ecog(kps_ecog_mapping::conventional, conventional_expected);
    check_ecog_to_kps(kps_ecog_mapping::conventional, conventional_ranges);
    // default mapping is the conventional one
    CHECK(p::to_ecog(karnofsky_score::of<70>())->mapping == kps_ecog_mapping::conventional);
    CHECK(p::to_kps_range(ecog_score::of<1>())->mapping == kps_ecog_mapping::conventional);
}

TEST_CASE("KPS -> ECOG, Ma et al. 2010, every KPS value", "[patient][performance][PAT-PERF-011][Ma-2010]") {
    check_kps_to_ecog(kps_ecog_mapping::ma_2010, ma_2010_expected);
    check_ecog_to_kps(kps_ecog_mapping::ma_2010, ma_2010_ranges);
}

TEST_CASE("KPS -> ECOG, Prasad et al. 2018, every KPS value", "[patient][performance][PAT-PERF-012][Prasad-2018]") {
    check_kps_to_ecog(kps_ecog_mapping::prasad_2018, prasad_2018_expected);
    check_ecog_to_kps(kps_ecog_mapping::prasad_2018, prasad_2018_ranges);
}

TEST_CASE("worked examples: KPS 80, 70, 90 -> ECOG under each mapping",
          "[patient][performance][worked-example-11.2][PAT-PERF-010][PAT-PERF-011][PAT-PERF-012]") {
    const auto ecog = [](karnofsky_score k, kps_ecog_mapping m) { return p::to_ecog(k, m)->ecog->value(); };
    const auto k80 = karnofsky_score::of<80>();
    const auto k70 = karnofsky_score::of<70>();
    const auto k90 = karnofsky_score::of<90>();
    CHECK(ecog(k80, kps_ecog_mapping::conventional) == 1);
    CHECK(ecog(k80, kps_ecog_mapping::ma_2010) == 1);
    CHECK(ecog(k80, kps_ecog_mapping::prasad_2018) == 1);
    CHECK(ecog(k70, kps_ecog_mapping::conventional) == 1);
    CHECK(ecog(k70, kps_ecog_mapping::ma_2010) == 2);
    CHECK(ecog(k70, kps_ecog_mapping::prasad_2018) == 2);
    CHECK(ecog(k90, kps_ecog_mapping::conventional) == 0);
    CHECK(ecog(k90, kps_ecog_mapping::ma_2010) == 1);
    CHECK(ecog(k90, kps_ecog_mapping::prasad_2018) == 1);
    const auto ma70 = p::to_ecog(k70, kps_ecog_mapping::ma_2010).value();
    CHECK(ma70.band == p::kps_range{karnofsky_score::of<60>(), karnofsky_score::of<70>()});
    CHECK(ma70.status == p::kps_ecog_status::converted);
    CHECK(ma70.row == 2);
    CHECK(std::string_view(ma70.requirement) == "PAT-PERF-011");
    CHECK_FALSE(karnofsky_score::make(65).has_value());
}

TEST_CASE("KPS 0 and ECOG 5 under Ma and Prasad are not defined: a value, never an error",
          "[patient][performance][PAT-PERF-011][PAT-PERF-012][Ma-2010][Prasad-2018]") {
    for (const auto m : {kps_ecog_mapping::ma_2010, kps_ecog_mapping::prasad_2018}) {
        CAPTURE(p::to_string(m));
        // at the edge of the table: KPS 0 has no row, KPS 10 does (ECOG 4)
        const auto dead = p::to_ecog(karnofsky_score::of<0>(), m);
        REQUIRE(dead.has_value());
        CHECK(dead->status == p::kps_ecog_status::not_defined);
        CHECK(dead->kps == karnofsky_score::of<0>());
        const auto ten = p::to_ecog(karnofsky_score::of<10>(), m);
        REQUIRE(ten.has_value());
        CHECK(ten->converted());
        CHECK(ten->ecog == ecog_score::of<4>());
        const auto five = p::to_kps_range(ecog_score::of<5>(), m);
        REQUIRE(five.has_value());
        CHECK(five->status == p::kps_ecog_status::not_defined);
        CHECK(p::to_kps_range(ecog_score::of<4>(), m)->converted());
    }
    // the conventional table defines both
    CHECK(p::to_ecog(karnofsky_score::of<0>())->ecog == ecog_score::of<5>());
    CHECK(p::to_kps_range(ecog_score::of<5>())->range ==
          p::kps_range{karnofsky_score::of<0>(), karnofsky_score::of<0>()});
    CHECK(p::id(p::kps_ecog_status::not_defined) == "not_defined");
}

TEST_CASE("ECOG -> KPS gives a range, so KPS -> ECOG -> KPS is not a round trip",
          "[patient][performance][PAT-PERF-013]") {
    const auto k70 = karnofsky_score::of<70>();
    const auto e = p::to_ecog(k70, kps_ecog_mapping::conventional);
    const auto back = p::to_kps_range(*e->ecog, kps_ecog_mapping::conventional);
    REQUIRE(back.has_value());
    REQUIRE(back->range.has_value());
    CHECK(back->range->contains(k70));
    CHECK(back->range->lowest != back->range->highest);
    CHECK(p::to_string(*back->range) == "KPS 70-80");
    CHECK(back->row == 1);
    CHECK(std::string_view(back->requirement) == "PAT-PERF-010");
    CHECK(p::to_string(*p::to_kps_range(ecog_score::of<0>(), kps_ecog_mapping::ma_2010)->range) == "KPS 100");
}

// ---------------------------------------------------------------------------------------------
// Scale choice by age

namespace {
p::performance_scale_result scale_at(const hsct::age& a, performance_scale_policy rule,
                                     hsct::age_resolution res = hsct::age_resolution::completed_years) {
    return p::assess_performance_scale(a, {rule, res}).value();
}
const hsct::criterion<p::performance_scale_criterion>* find(const p::performance_scale_result& r,
                                                            p::performance_scale_criterion id) {
    for (const auto& c : r.criteria) {
        if (c.id == id) {
            return &c;
        }
    }
    return nullptr;
}
}  // namespace

TEST_CASE("CIBMTR Appendix L (current): no score < 1 y, Lansky 1-15 y, KPS >= 16 y",
          "[patient][performance][PAT-PERF-020][PAT-PERF-022][CIBMTR][worked-example-11.2]") {
    const auto rule = performance_scale_policy::cibmtr_appendix_l_current;
    CHECK(scale_at(age_ym(0, 10), rule).no_score());
    const auto c_0_11 = scale_at(age_ym(0, 11), rule);
    CHECK(c_0_11.no_score());
    REQUIRE(c_0_11.criteria.size() == 2);
    const auto* infant = find(c_0_11, p::performance_scale_criterion::age_under_1_year);
    REQUIRE(infant != nullptr);
    CHECK(infant->result == hsct::outcome::met);
    CHECK(infant->measured.number() == 11.0);
    CHECK(infant->measured.counted_in() == hsct::count_unit::months);
    CHECK(infant->threshold == 12.0);
    CHECK(infant->cmp == hsct::comparator::less);
    CHECK(std::string_view(infant->requirement) == "PAT-PERF-020");

    CHECK(scale_at(age_ym(1, 0), rule).scale == performance_scale::lansky);
    const auto c_15_11 = scale_at(age_ym(15, 11), rule);
    CHECK(c_15_11.scale == performance_scale::lansky);
    const auto* adult = find(c_15_11, p::performance_scale_criterion::age_at_least_16_years);
    REQUIRE(adult != nullptr);
    CHECK(adult->result == hsct::outcome::not_met);
    CHECK(adult->measured.number() == 15.0);
    CHECK(adult->measured.counted_in() == hsct::count_unit::years);
    CHECK(adult->threshold == 16.0);
    CHECK(find(c_15_11, p::performance_scale_criterion::age_under_1_year)->result ==
          hsct::outcome::not_met);

    const auto c_16_0 = scale_at(age_ym(16, 0), rule);
    CHECK(c_16_0.scale == performance_scale::karnofsky);
    CHECK(c_16_0.options.rule == rule);
    CHECK(c_16_0.at == age_ym(16, 0));
    CHECK(c_16_0.options.resolution == hsct::age_resolution::completed_years);
    REQUIRE(c_16_0.criteria.size() == 1);  // the 1-year floor is not evaluated for an adult
    CHECK(c_16_0.criteria[0].result == hsct::outcome::met);
    CHECK(c_16_0.criteria[0].measured.number() == 16.0);
    CHECK(scale_at(age_ym(70, 0), rule).scale == performance_scale::karnofsky);
    // the default options are the current rule in completed years
    const auto def = p::assess_performance_scale(age_ym(0, 11)).value();
    CHECK(def.options == p::performance_scale_options{});
    CHECK(def.options.rule == rule);
    CHECK(def.no_score());
}

TEST_CASE("CIBMTR Appendix L (2009): Lansky < 16 y with no lower bound, KPS >= 16 y",
          "[patient][performance][PAT-PERF-021][CIBMTR-2009]") {
    const auto rule = performance_scale_policy::cibmtr_appendix_l_2009;
    CHECK(scale_at(age_ym(0, 0), rule).scale == performance_scale::lansky);
    const auto c_0_11 = scale_at(age_ym(0, 11), rule);
    CHECK(c_0_11.scale == performance_scale::lansky);
    REQUIRE(c_0_11.criteria.size() == 1);  // no lower bound: only the 16-year criterion
    CHECK(c_0_11.criteria[0].id == p::performance_scale_criterion::age_at_least_16_years);
    CHECK(std::string_view(c_0_11.criteria[0].requirement) == "PAT-PERF-021");
    CHECK(scale_at(age_ym(1, 0), rule).scale == performance_scale::lansky);
    CHECK(scale_at(age_ym(15, 11), rule).scale == performance_scale::lansky);
    const auto c_16_0 = scale_at(age_ym(16, 0), rule);
    CHECK(c_16_0.scale == performance_scale::karnofsky);
    CHECK(c_16_0.options.rule == rule);
}

TEST_CASE("the age rule reads completed months; exact years is a stated alternative",
          "[patient][performance][PAT-PERF-022][PAT-AGE-002]") {
    using std::chrono::year;
    using std::chrono::month;
    using std::chrono::day;
    const auto current = performance_scale_policy::cibmtr_appendix_l_current;
    const auto exact_years = hsct::age_resolution::exact;
    const hsct::sys_days birth{year{2023} / month{3} / day{15}};
    // the day before and on the first birthday (365 days: not a leap span)
    const auto before = hsct::age::make(birth, hsct::sys_days{year{2024} / month{3} / day{14}}).value();
    const auto on = hsct::age::make(birth, hsct::sys_days{year{2024} / month{3} / day{15}}).value();
    CHECK(scale_at(before, current).no_score());
    CHECK(scale_at(on, current).scale == performance_scale::lansky);
    // First birthday after 366 days (2024 is a leap year): exact years = 1.0 exactly, Lansky.
    CHECK(scale_at(on, current, exact_years).scale == performance_scale::lansky);
    // The day before: exact years 365/366 = 0.997 < 1, no score.
    const auto before_exact = scale_at(before, current, exact_years);
    CHECK(before_exact.no_score());
    const auto* infant = find(before_exact, p::performance_scale_criterion::age_under_1_year);
    REQUIRE(infant != nullptr);
    CHECK(infant->measured.counted_in() == hsct::count_unit::years);
    CHECK(infant->threshold == 1.0);
    CHECK(infant->measured.number() < 1.0);
    // Born 2022-03-15, first birthday 2023-03-15 after 365 days: exact years is 1.0 too (PAT-AGE-002
    // counts the elapsed fraction of the year of life, not days / 365.25), so Lansky on the day.
    const auto first_birthday =
        hsct::age::make(hsct::sys_days{year{2022} / month{3} / day{15}},
                           hsct::sys_days{year{2023} / month{3} / day{15}})
            .value();
    CHECK(scale_at(first_birthday, current).scale == performance_scale::lansky);
    const auto exact = scale_at(first_birthday, current, exact_years);
    CHECK(exact.scale == performance_scale::lansky);
    CHECK(exact.options.resolution == exact_years);
    CHECK(find(exact, p::performance_scale_criterion::age_under_1_year)->measured.number() == 1.0);
    const auto day_before_first = scale_at(
        hsct::age::make(hsct::sys_days{year{2022} / month{3} / day{15}},
                           hsct::sys_days{year{2023} / month{3} / day{14}})
            .value(),
        current, exact_years);
    CHECK(day_before_first.no_score());
}

TEST_CASE("the age rule allocates nothing", "[patient][performance][PAT-PERF-020][CORE-EXPLAIN-001]") {
    const auto a = age_ym(15, 11);
    const auto k = karnofsky_score::of<70>();
    const hsct_test::allocation_counter n;
    const auto c = p::assess_performance_scale(a);
    const auto e = p::to_ecog(k, kps_ecog_mapping::ma_2010);
    const auto r = p::to_kps_range(ecog_score::of<1>());
    const auto parsed = karnofsky_score::make(80);
    CHECK(n.count() == 0);
    CHECK(c.has_value());
    CHECK(e.has_value());
    CHECK(r.has_value());
    CHECK(parsed.has_value());
}

// ---------------------------------------------------------------------------------------------
// Whichever scale applies

TEST_CASE("a score is accepted only on the scale the age rule asks for",
          "[patient][performance][PAT-PERF-024][PAT-PERF-020][PAT-PERF-021][CIBMTR]") {
    using v = p::validated_performance_status;
    const p::performance_status kps80{karnofsky_score::of<80>()};
    const p::performance_status lansky60{lansky_score::of<60>()};
    const p::performance_status ecog1{ecog_score::of<1>()};
    const p::performance_scale_options current{};
    const p::performance_scale_options y2009{performance_scale_policy::cibmtr_appendix_l_2009,
                                             hsct::age_resolution::completed_years};

    const auto ok_adult = v::make(kps80, age_ym(16, 0));
    REQUIRE(ok_adult.has_value());
    CHECK(ok_adult->score() == kps80);
    CHECK(ok_adult->choice().scale == performance_scale::karnofsky);
    CHECK(ok_adult->choice().options.rule == performance_scale_policy::cibmtr_appendix_l_current);

    const auto ok_child = v::make(lansky60, age_ym(15, 11));
    REQUIRE(ok_child.has_value());
    CHECK(ok_child->choice().scale == performance_scale::lansky);

    const auto kps_child = v::make(kps80, age_ym(15, 11));
    REQUIRE_FALSE(kps_child.has_value());
    CHECK(kps_child.error().code() == hsct::errc::inconsistent);
    CHECK(kps_child.error().field() == "performance_status");
    CHECK(kps_child.error().value() == "KPS 80 at age 15 y 11 mo");
    CHECK(kps_child.error().requirement() == "PAT-PERF-024");
    CHECK(contains(kps_child.error().valid_range(), "expected a Lansky score"));
    CHECK(contains(kps_child.error().valid_range(),
                   "15 y 11 mo (completed years/months): Lansky (>= 1 and < 16 y) under CIBMTR "
                   "Appendix L (current)"));

    const auto lansky_adult = v::make(lansky60, age_ym(16, 0));
    REQUIRE_FALSE(lansky_adult.has_value());
    CHECK(lansky_adult.error().code() == hsct::errc::inconsistent);
    CHECK(contains(lansky_adult.error().valid_range(), "expected a Karnofsky score"));

    const auto ecog_adult = v::make(ecog1, age_ym(40, 0));
    REQUIRE_FALSE(ecog_adult.has_value());
    CHECK(ecog_adult.error().code() == hsct::errc::inconsistent);

    // under 1 year: no score under the current rule, Lansky under 2009
    const auto infant = v::make(lansky60, age_ym(0, 11), current, "pre_ted.performance");
    REQUIRE_FALSE(infant.has_value());
    CHECK(infant.error().code() == hsct::errc::not_allowed);
    CHECK(infant.error().field() == "pre_ted.performance");
    CHECK(infant.error().value() == "Lansky 60 at age 0 y 11 mo");
    CHECK(contains(infant.error().valid_range(), "under 1 year"));
    const auto infant_2009 = v::make(lansky60, age_ym(0, 11), y2009);
    REQUIRE(infant_2009.has_value());
    CHECK(infant_2009->choice().options.rule == performance_scale_policy::cibmtr_appendix_l_2009);
    CHECK_FALSE(v::make(kps80, age_ym(0, 11), y2009).has_value());

    // both versions at 1 y 0 mo, 15 y 11 mo and 16 y 0 mo
    for (const auto& o : {current, y2009}) {
        CAPTURE(p::to_string(o.rule));
        CHECK(v::make(lansky60, age_ym(1, 0), o).has_value());
        CHECK_FALSE(v::make(kps80, age_ym(1, 0), o).has_value());
        CHECK(v::make(lansky60, age_ym(15, 11), o).has_value());
        CHECK_FALSE(v::make(kps80, age_ym(15, 11), o).has_value());
        CHECK(v::make(kps80, age_ym(16, 0), o).has_value());
        CHECK_FALSE(v::make(lansky60, age_ym(16, 0), o).has_value());
    }
    STATIC_REQUIRE_FALSE(std::is_constructible_v<v, p::performance_status, p::performance_scale_result>);
}

TEST_CASE("CIBMTR records 10-100: KPS 0 and Lansky 0 are not recordable",
          "[patient][performance][PAT-PERF-023][CIBMTR]") {
    using v = p::validated_performance_status;
    const auto k0 = v::make(p::performance_status{karnofsky_score::of<0>()}, age_ym(50, 0));
    REQUIRE_FALSE(k0.has_value());
    CHECK(k0.error().code() == hsct::errc::out_of_range);
    CHECK(k0.error().value() == "KPS 0");
    CHECK(k0.error().requirement() == "PAT-PERF-023");
    CHECK(contains(k0.error().valid_range(), "10-100"));
    const auto l0 = v::make(p::performance_status{lansky_score::of<0>()}, age_ym(5, 0));
    REQUIRE_FALSE(l0.has_value());
    CHECK(l0.error().value() == "Lansky 0");
    CHECK(v::make(p::performance_status{karnofsky_score::of<10>()}, age_ym(50, 0)).has_value());
    CHECK(v::make(p::performance_status{lansky_score::of<10>()}, age_ym(5, 0)).has_value());
    // but KPS 0 itself is a valid score on the published scale
    CHECK(karnofsky_score::make(0).has_value());
}

TEST_CASE("performance-status functions refuse enum numbers that are not declared values",
          "[patient][performance_status][CORE-ENUM-002][PAT-PERF-010][PAT-PERF-020]") {
    const auto kps = karnofsky_score::of<80>();
    const auto bad_map = static_cast<kps_ecog_mapping>(9);
    const auto e1 = p::to_ecog(kps, bad_map);
    REQUIRE_FALSE(e1.has_value());
    CHECK(e1.error().code() == hsct::errc::out_of_range);
    CHECK(e1.error().field() == "mapping");
    CHECK(e1.error().value() == "9");
    CHECK(contains(e1.error().valid_range(), "1 (conventional)"));
    CHECK(contains(e1.error().valid_range(), "3 (prasad_2018)"));
    const auto e2 = p::to_kps_range(ecog_score::of<1>(), static_cast<kps_ecog_mapping>(0));
    REQUIRE_FALSE(e2.has_value());
    CHECK(e2.error().field() == "mapping");
    CHECK(e2.error().value() == "0");
    // the valid neighbours still work
    CHECK(p::to_ecog(kps, kps_ecog_mapping::prasad_2018).has_value());

    const auto c = p::assess_performance_scale(age_ym(10, 0), {static_cast<performance_scale_policy>(0),
                                                               hsct::age_resolution::completed_years});
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().code() == hsct::errc::out_of_range);
    CHECK(c.error().field() == "options.rule");
    CHECK(c.error().value() == "0");
    CHECK(contains(c.error().valid_range(), "2 (cibmtr_appendix_l_2009)"));
    const auto r = p::assess_performance_scale(
        age_ym(10, 0), {performance_scale_policy::cibmtr_appendix_l_2009, static_cast<hsct::age_resolution>(3)});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "options.resolution");
    CHECK(r.error().value() == "3");

    const auto v = p::validated_performance_status::make(
        p::performance_status{lansky_score::of<60>()}, age_ym(10, 0),
        {static_cast<performance_scale_policy>(7), hsct::age_resolution::completed_years});
    REQUIRE_FALSE(v.has_value());
    CHECK(v.error().code() == hsct::errc::out_of_range);
    CHECK(v.error().field() == "options.rule");

    CHECK(p::to_string(static_cast<performance_scale>(4)) == "invalid (4)");
    CHECK(p::to_string(static_cast<kps_ecog_mapping>(9)) == "invalid (9)");
    CHECK(p::to_string(static_cast<performance_scale_policy>(0)) == "invalid (0)");
}

TEST_CASE("parse_kps_range reads back every range to_string writes",
          "[patient][performance][PAT-PERF-004]") {
    for (int lo = 0; lo <= 100; lo += 10) {
        for (int hi = lo; hi <= 100; hi += 10) {
            const p::kps_range r{*karnofsky_score::make(lo), *karnofsky_score::make(hi)};
            const std::string text = p::to_string(r);
            CAPTURE(text);
            const auto back = p::parse_kps_range(text);
            REQUIRE(back.has_value());
            CHECK(*back == r);
        }
    }
    // Every band a published table gives also reads back.
    for (const auto m : {kps_ecog_mapping::conventional, kps_ecog_mapping::ma_2010,
                         kps_ecog_mapping::prasad_2018}) {
        for (int g = 0; g <= 4; ++g) {
            const auto r = p::to_kps_range(*ecog_score::make(g), m);
            REQUIRE(r.has_value());
            REQUIRE(r->range.has_value());
            CHECK(p::parse_kps_range(p::to_string(*r->range)).value() == *r->range);
        }
    }
    const auto spaced = p::parse_kps_range(" karnofsky 80 - 90 ");
    REQUIRE(spaced.has_value());
    CHECK(spaced->lowest == karnofsky_score::of<80>());
    CHECK(spaced->highest == karnofsky_score::of<90>());
    CHECK(p::parse_kps_range("70-80")->lowest == karnofsky_score::of<70>());
}

TEST_CASE("parse_kps_range refuses bad ranges", "[patient][performance][PAT-PERF-004]") {
    const auto reversed = p::parse_kps_range("KPS 90-80", "band");
    REQUIRE_FALSE(reversed.has_value());
    CHECK(reversed.error().code() == hsct::errc::inconsistent);
    CHECK(reversed.error().field() == "band");
    const auto off = p::parse_kps_range("KPS 80-95", "band");
    REQUIRE_FALSE(off.has_value());
    CHECK(off.error().code() == hsct::errc::out_of_range);
    CHECK(off.error().value().find("95") != std::string::npos);
    const auto lansky = p::parse_kps_range("Lansky 80-90");
    REQUIRE_FALSE(lansky.has_value());
    CHECK(lansky.error().code() == hsct::errc::inconsistent);
    for (const char* t : {"", "KPS", "KPS 80-", "KPS -90", "KPS eighty", "KPS 80-90-100"}) {
        CAPTURE(t);
        const auto r = p::parse_kps_range(t);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == "kps_range");
    }
}

using hsct_test::enum_round_trips;

TEST_CASE("the enums of the performance results read back from their ids and numbers",
          "[patient][performance][CORE-ENUM-001]") {
    CHECK(enum_round_trips<p::kps_band>() == 4);
    CHECK(enum_round_trips<p::performance_scale_criterion>() == 2);
    CHECK(enum_round_trips<p::performance_scale>() == 3);
    CHECK(enum_round_trips<p::kps_ecog_mapping>() == 3);
    CHECK(enum_round_trips<p::performance_scale_policy>() == 2);
}

}  // namespace hsct_test_patient_performance_status_test
