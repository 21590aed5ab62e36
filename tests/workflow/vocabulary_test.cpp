// Tests for include/hsct/workflow/vocabulary.hpp: every workflow enum round-trips through its
// table, and the list below is every table the workflow headers declare.
#include <hsct/workflow/workflow.hpp>

#include <cstddef>
#include <tuple>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_workflow_vocabulary_test {

// Every enum of include/hsct/workflow, which CMake counts (HSCT_WORKFLOW_ENUM_TABLES).
namespace w = hsct::workflow;
using all_workflow_enums = std::tuple<w::transplant_kind, w::episode_state, w::episode_event, w::episode_guard,
                                      w::episode_refusal, w::log_fault>;

static_assert(hsct::values<w::episode_state>().size() == w::episode_state_count);
static_assert(hsct::values<w::episode_event>().size() == w::episode_event_count);

#ifdef HSCT_WORKFLOW_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_WORKFLOW_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_workflow_enums>;
#endif

TEST_CASE("every workflow enum round-trips through its table", "[workflow][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(std::tuple_size_v<all_workflow_enums> == checked_enum_count);
    CHECK(hsct_test::round_trip_all(static_cast<all_workflow_enums*>(nullptr)) == checked_enum_count);
}

}  // namespace hsct_test_workflow_vocabulary_test
