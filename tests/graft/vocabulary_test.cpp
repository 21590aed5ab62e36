// Tests for include/hsct/graft/vocabulary.hpp: every graft enum round-trips through its table,
// and the list below is every table the graft headers declare.
#include <hsct/graft/graft.hpp>

#include <cstddef>
#include <tuple>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_vocabulary_test {

namespace g = hsct::graft;

// Every enum of include/hsct/graft, which CMake counts (HSCT_GRAFT_ENUM_TABLES).
using all_graft_enums = std::tuple<
    // isbt128.hpp
    g::din_flag_kind, g::collection_type,
    // product.hpp
    g::product_source, g::product_use, g::preservation, g::manipulation, g::count_point,
    // cell_dose.hpp
    g::graft_indication, g::dose_policy, g::threshold_level, g::cell_measure, g::cell_dose_verdict,
    g::cell_dose_criterion,
    // custody.hpp
    g::custody_state, g::custody_event, g::custody_guard, g::custody_refusal,
    // infusion.hpp
    g::dmso_limit_edge, g::dmso_criterion,
    // abo.hpp
    g::abo_graft_action, g::abo_graft_criterion, g::abo_graft_field,
    // infusion_record.hpp
    g::infusion_kind>;

#ifdef HSCT_GRAFT_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_GRAFT_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_graft_enums>;
#endif

TEST_CASE("every graft enum round-trips through its table", "[graft][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(std::tuple_size_v<all_graft_enums> == checked_enum_count);
    CHECK(hsct_test::round_trip_all(static_cast<all_graft_enums*>(nullptr)) == checked_enum_count);
}

TEST_CASE("core's enum functions are found for graft enums", "[graft][enum][CORE-ENUM-001]") {
    CHECK(id(g::din_flag_kind::check) == "check");
    CHECK(to_string(g::collection_type::volunteer_allogeneic) == "volunteer allogeneic donor (V)");
    CHECK(g::parse_enum<g::din_flag_kind>("container", "kind").value() == g::din_flag_kind::container);
}

}  // namespace hsct_test_graft_vocabulary_test
