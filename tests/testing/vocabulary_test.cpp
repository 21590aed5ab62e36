// Tests for the enums of include/hsct/testing: each round-trips through its table, and the list
// below is every table the testing headers declare (CMake counts them: HSCT_TESTING_ENUM_TABLES).
#include <hsct/testing/builders.hpp>
#include <hsct/testing/clinical_builders.hpp>

#include <cstddef>
#include <tuple>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_testing_vocabulary_test {

using all_testing_enums = std::tuple<hsct::testing::lab_units, hsct::testing::product_path>;

#ifdef HSCT_TESTING_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_TESTING_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_testing_enums>;
#endif

TEST_CASE("every testing enum round-trips through its table", "[testing][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(std::tuple_size_v<all_testing_enums> == checked_enum_count);
    CHECK(hsct_test::round_trip_all(static_cast<all_testing_enums*>(nullptr)) == checked_enum_count);
}

}  // namespace hsct_test_testing_vocabulary_test
