// Tests for include/hsct/engraftment/vocabulary.hpp: every engraftment enum round-trips through
// its table, and the list below is every table the engraftment headers declare.
#include <hsct/engraftment/engraftment.hpp>

#include <cstddef>
#include <tuple>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_vocabulary_test {

namespace e = hsct::engraftment;

// Every enum of include/hsct/engraftment, which CMake counts (HSCT_ENGRAFTMENT_ENUM_TABLES).
using all_engraftment_enums = std::tuple<
    // count_series.hpp
    e::count_method, e::same_day_policy, e::unmatched_correction,
    // neutrophil.hpp
    e::neutrophil_definition, e::consecutive_rule, e::engraftment_status, e::neutrophil_criterion,
    // transfusion.hpp
    e::blood_product,
    // platelet.hpp
    e::platelet_milestone, e::platelet_criterion,
    // chimerism.hpp
    e::chimerism_lineage, e::chimerism_method, e::chimerism_category, e::full_chimerism_cutoff,
    e::discordant_lineages, e::chimerism_criterion,
    // graft_failure.hpp
    e::graft_failure_definition, e::pancytopenia_rule, e::graft_failure_status, e::graft_failure_criterion,
    e::graft_failure_field,
    // growth_factor.hpp
    e::growth_factor,
    // red_cell.hpp
    e::red_cell_criterion,
    // graft_function.hpp
    e::graft_function_rule, e::graft_function_definition, e::graft_function_status, e::graft_function_criterion,
    e::graft_function_field>;

#ifdef HSCT_ENGRAFTMENT_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_ENGRAFTMENT_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_engraftment_enums>;
#endif

TEST_CASE("every engraftment enum round-trips through its table", "[engraftment][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(std::tuple_size_v<all_engraftment_enums> == checked_enum_count);
    CHECK(hsct_test::round_trip_all(static_cast<all_engraftment_enums*>(nullptr)) == checked_enum_count);
}

TEST_CASE("core's enum functions are found for engraftment enums", "[engraftment][enum][CORE-ENUM-001]") {
    CHECK(id(e::count_method::manual) == "manual");
    CHECK(to_string(e::engraftment_status::not_yet) == "not yet engrafted");
    CHECK(e::parse_enum<e::consecutive_rule>("calendar_days", "rule").value() == e::consecutive_rule::calendar_days);
}

}  // namespace hsct_test_engraftment_vocabulary_test
