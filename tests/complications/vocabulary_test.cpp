// Tests for include/hsct/complications/vocabulary.hpp: every complications enum round-trips
// through its table, and the lists below are every table the complications headers declare.
#include <hsct/complications/complications.hpp>

#include <cstddef>
#include <tuple>
#include <utility>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

namespace c = hsct::complications;

// Every enum of include/hsct/complications, which CMake counts (HSCT_COMPLICATIONS_ENUM_TABLES),
// one list per header group.
using acute_gvhd_enums =
    std::tuple<c::agvhd_organ, c::gvhd_attribution, c::agvhd_criterion, c::agvhd_grade, c::ibmtr_index, c::child_rule,
               c::gut_stage4_grade, c::keystone_skin4, c::keystone_downgrade, c::keystone_bloody_stool, c::upper_gi_rule,
               c::onset_window, c::stool_average>;
using chronic_gvhd_enums = std::tuple<>;
using sos_vod_enums = std::tuple<>;
using tma_engraftment_syndrome_enums = std::tuple<>;
using all_complications_enums =
    decltype(std::tuple_cat(std::declval<acute_gvhd_enums>(), std::declval<chronic_gvhd_enums>(),
                            std::declval<sos_vod_enums>(), std::declval<tma_engraftment_syndrome_enums>()));

#ifdef HSCT_COMPLICATIONS_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_COMPLICATIONS_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_complications_enums>;
#endif

TEST_CASE("every complications enum round-trips through its table", "[complications][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(std::tuple_size_v<all_complications_enums> == checked_enum_count);
    CHECK(hsct_test::round_trip_all(static_cast<all_complications_enums*>(nullptr)) == checked_enum_count);
}
