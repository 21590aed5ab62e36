// Tests for include/hsct/conditioning/vocabulary.hpp: every conditioning enum has a table
// (CORE-ENUM-001), its stored forms round-trip (CORE-ENUM-002), and core's generic enum
// functions are found for conditioning enums unqualified.
#include <hsct/conditioning/conditioning.hpp>

#include <cstddef>
#include <tuple>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_vocabulary_test {

namespace c = hsct::conditioning;

namespace {

// Every enum of hsct::conditioning. A new enum must be added here: the first test fails when
// this list is shorter than the number of `constexpr auto hsct_enum_table(` definitions under
// include/hsct/conditioning, which CMake counts (HSCT_CONDITIONING_ENUM_TABLES).
using all_conditioning_enums = std::tuple<
    // busulfan.hpp
    c::auc_unit, c::busulfan_target, c::busulfan_auc_scope, c::exposure_outcome,
    c::busulfan_exposure_criterion,
    // agent.hpp
    c::agent, c::dose_basis,
    // dose_calculation.hpp
    c::rounding_mode,
    // intensity.hpp
    c::conditioning_intensity, c::intensity_rule_set, c::melphalan_140_policy,
    c::intensity_criterion, c::tci_group>;

#ifdef HSCT_CONDITIONING_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_CONDITIONING_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_conditioning_enums>;
#endif

}  // namespace

TEST_CASE("every conditioning enum reads back from its identifier and its number",
          "[conditioning][enum][CORE-ENUM-001][CORE-ENUM-002]") {
    CHECK(hsct_test::round_trip_all(static_cast<all_conditioning_enums*>(nullptr)) == checked_enum_count);
}

TEST_CASE("core's enum functions are found for conditioning enums", "[conditioning][enum][CORE-ENUM-001]") {
    CHECK(id(c::auc_unit::mg_h_per_l) == "mg_h_per_l");
    CHECK(to_string(c::exposure_outcome::within) == "within the target");
    CHECK(c::parse_enum<c::busulfan_auc_scope>("cumulative", "scope").value() ==
          c::busulfan_auc_scope::cumulative);
}

}  // namespace hsct_test_conditioning_vocabulary_test
