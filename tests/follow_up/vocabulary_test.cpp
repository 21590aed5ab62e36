// Tests for include/hsct/follow_up/vocabulary.hpp: every follow-up enum round-trips through its
// table, and the list below is every table the follow-up headers declare.
#include <hsct/follow_up/follow_up.hpp>

#include <cstddef>
#include <tuple>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_vocabulary_test {

namespace f = hsct::follow_up;

// Every enum of include/hsct/follow_up, which CMake counts (HSCT_FOLLOW_UP_ENUM_TABLES).
using all_follow_up_enums =
    std::tuple<f::observation_status, f::month_end_policy, f::outcome_event_kind, f::death_cause, f::acute_gvhd_grade,
               f::chronic_gvhd_severity, f::endpoint, f::grfs_chronic_gvhd, f::grfs_acute_gvhd, f::disease_death_policy,
               f::subsequent_hct_policy, f::registry_form, f::time_point_kind, f::window_source,
               f::subsequent_hct_kind, f::screening_visit, f::screening_domain, f::screening_test,
               f::screening_mark, f::screening_population, f::screening_exposure, f::pubertal_status,
               f::screening_basis, f::screening_field, f::survival_ci_transform, f::competing_event_policy,
               f::incidence_variance, f::incidence_ci_transform, f::vaccine, f::vaccination_schedule,
               f::vaccine_advice, f::source_mark, f::schedule_unit, f::conjugate_substitution, f::gvhd_state,
               f::immunosuppression_state, f::serostatus, f::live_vaccine_gate, f::ivig_interval_policy,
               f::vaccine_status, f::revaccination_criterion, f::revaccination_field>;

#ifdef HSCT_FOLLOW_UP_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_FOLLOW_UP_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_follow_up_enums>;
#endif

TEST_CASE("every follow-up enum round-trips through its table", "[follow_up][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(std::tuple_size_v<all_follow_up_enums> == checked_enum_count);
    CHECK(hsct_test::round_trip_all(static_cast<all_follow_up_enums*>(nullptr)) == checked_enum_count);
}

}  // namespace hsct_test_follow_up_vocabulary_test
