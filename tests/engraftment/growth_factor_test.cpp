// Tests for include/hsct/engraftment/growth_factor.hpp: a log from records in any order, the
// search the graft-function rules use, and refusals naming the record.
#include <hsct/engraftment/growth_factor.hpp>

#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_growth_factor_test {

namespace e = hsct::engraftment;
using hsct::transplant_day;

TEST_CASE("records in any order are kept by day; the first on or after a day is found", "[ENG-SUPPORT-001]") {
    const std::vector<e::growth_factor_record> r{{transplant_day::at(40), e::growth_factor::tpo_ra},
                                                 {transplant_day::at(12), e::growth_factor::g_csf},
                                                 {transplant_day::at(12), e::growth_factor::esa},
                                                 {transplant_day::at(-1), e::growth_factor::g_csf}};
    const auto log = e::make_growth_factor_log(r);
    REQUIRE(log.has_value());
    REQUIRE(log->records().size() == 4);
    CHECK(log->records()[0].day->number() == -1);
    CHECK(log->records()[1].day->number() == 12);
    CHECK(log->records()[1].agent == e::growth_factor::g_csf);  // same day: by agent
    CHECK(log->records()[2].agent == e::growth_factor::esa);
    CHECK(log->first_on_or_after(transplant_day::at(12))->day->number() == 12);  // at
    CHECK(log->first_on_or_after(transplant_day::at(13))->day->number() == 40);  // above
    CHECK(log->first_on_or_after(transplant_day::at(-5))->day->number() == -1);  // below
    CHECK_FALSE(log->first_on_or_after(transplant_day::at(41)).has_value());
}

TEST_CASE("refused: a record without a day, an undeclared agent, too many records", "[ENG-SUPPORT-001]") {
    const std::vector<e::growth_factor_record> no_day{{transplant_day::at(1), e::growth_factor::g_csf},
                                                      {std::nullopt, e::growth_factor::g_csf}};
    const auto a = e::make_growth_factor_log(no_day);
    REQUIRE_FALSE(a.has_value());
    CHECK(a.error().field() == "growth_factors[1].day");
    CHECK(a.error().code() == hsct::errc::missing);
    const std::vector<e::growth_factor_record> bad{{transplant_day::at(1), static_cast<e::growth_factor>(9)}};
    CHECK(e::make_growth_factor_log(bad).error().field() == "growth_factors[0].agent");
    const std::vector<e::growth_factor_record> many(513, {transplant_day::at(1), e::growth_factor::g_csf});
    CHECK(e::make_growth_factor_log(many).error().field() == "growth_factors");
    const std::vector<e::growth_factor_record> full(512, {transplant_day::at(1), e::growth_factor::g_csf});
    CHECK(e::make_growth_factor_log(full).has_value());
}

TEST_CASE("make_growth_factor_log allocates nothing on success", "[ENG-SUPPORT-001]") {
    const std::vector<e::growth_factor_record> r{{transplant_day::at(3), e::growth_factor::gm_csf},
                                                 {transplant_day::at(1), e::growth_factor::g_csf}};
    hsct_test::allocation_counter count;
    const auto log = e::make_growth_factor_log(r);
    CHECK(count.count() == 0);
    REQUIRE(log.has_value());
}

}  // namespace hsct_test_engraftment_growth_factor_test
