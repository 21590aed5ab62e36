// Tests for include/hsct/donor/vocabulary.hpp: every donor enum has a table (CORE-ENUM-001), its
// stored forms round-trip (CORE-ENUM-002), and core's generic enum functions are found for donor
// enums unqualified.
#include <hsct/donor/donor.hpp>

#include <cstddef>
#include <tuple>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_vocabulary_test {

namespace d = hsct::donor;

namespace {

// Every enum of hsct::donor. A new enum must be added here: the first test fails when this list
// is shorter than the number of `constexpr auto hsct_enum_table(` definitions under
// include/hsct/donor, which CMake counts (HSCT_DONOR_ENUM_TABLES).
using all_donor_enums = std::tuple<
    // hla_name.hpp
    d::hla_name_kind, d::hla_expression, d::hla_resolution,
    // gl_string.hpp
    d::gl_operator,
    // hla_release.hpp
    d::hla_name_status, d::hla_reduction, d::hla_reduction_status, d::dpb1_tce_group,
    // compatibility.hpp
    d::abo_group, d::rhd_status, d::abo_relation, d::graft_processing, d::rhd_relation,
    d::cmv_serostatus, d::cmv_pair, d::cmv_risk, d::compatibility_criterion,
    d::compatibility_field,
    // hla_typing.hpp
    d::match_locus, d::allele_match_definition,
    // hla_match.hpp
    d::match_level, d::match_status, d::match_unknown_reason, d::mismatch_direction,
    d::locus_match_kind, d::dpb1_tce_reading, d::dpb1_tce_version, d::tce_group_2a_policy,
    d::dpb1_tce_outcome, d::match_total_kind,
    // donor_choice.hpp
    d::donor_relation, d::donor_kind, d::matched_donor_definition, d::donor_kind_criterion,
    d::ranking_criterion, d::exclusion_reason>;

#ifdef HSCT_DONOR_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_DONOR_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_donor_enums>;
#endif

}  // namespace

TEST_CASE("every donor enum reads back from its identifier and its number",
          "[donor][enum][CORE-ENUM-001][CORE-ENUM-002]") {
    CHECK(hsct_test::round_trip_all(static_cast<all_donor_enums*>(nullptr)) == checked_enum_count);
}

TEST_CASE("core's enum functions are found for donor enums", "[donor][enum][CORE-ENUM-001]") {
    using d::hla_name_kind;
    CHECK(id(hla_name_kind::g_group) == "g_group");
    CHECK(to_string(d::hla_expression::null) == "null (N)");
    CHECK(d::parse_enum<d::hla_resolution>("intermediate", "resolution").value() ==
          d::hla_resolution::intermediate);
}

}  // namespace hsct_test_donor_vocabulary_test
