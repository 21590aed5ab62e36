// Tests for include/hsct/patient/vocabulary.hpp: every patient enum has a table (CORE-ENUM-001)
// and its stored forms round-trip (CORE-ENUM-002 numbers, identifiers), and core's generic enum
// functions are found for patient enums.
#include <hsct/patient/patient.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <type_traits>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_vocabulary_test {

namespace p = hsct::patient;

namespace {

// Every enum of hsct::patient. A new enum must be added here: the first test fails when this
// list is shorter than the number of `constexpr auto hsct_enum_table(` definitions under
// include/hsct/patient, which CMake counts (HSCT_PATIENT_ENUM_TABLES). (Shared enums such as sex
// and donor_type live in core and are checked in tests/core/enum_test.cpp.)
using all_patient_enums = std::tuple<
    // body_size.hpp
    p::bsa_formula, p::ibw_formula, p::short_stature_policy, p::ibw_criterion, p::ibw_status,
    p::adjustment_factor, p::abw_criterion,
    // disease_risk.hpp
    p::dri_population, p::dri_table, p::dri_disease_risk, p::dri_stage_risk, p::dri_category,
    p::dri_three_group, p::dri_criterion, p::dri_field,
    // dosing_weight.hpp
    p::agent_class, p::dose_scale, p::weight_basis, p::trigger_rule, p::threshold_comparison,
    p::weight_source, p::weight_reason, p::dosing_weight_criterion, p::dosing_weight_status,
    // ebmt_score.hpp
    p::ebmt_stage, p::cml_accelerated_phase_policy, p::ebmt_interval_policy,
    p::ebmt_grouping_policy, p::ebmt_risk_group, p::ebmt_autologous_grouping_policy,
    p::ebmt_factor, p::ebmt_criterion, p::ebmt_field, p::ebmt_status,
    // hct_ci.hpp
    p::hct_ci_definition_set, p::hct_ci_item, p::hct_ci_risk_group, p::hct_ci_age_group,
    p::dyspnoea, p::dlco_correction, p::prior_tumour, p::heart_valve_finding,
    p::diabetes_treatment, p::psychiatric_history, p::dlco_correction_policy, p::hct_ci_tier_policy,
    p::hct_ci_hepatitis_history_policy, p::hct_ci_missing_policy, p::hct_ci_criterion,
    p::hct_ci_field, p::hct_ci_item_status,
    // performance_status.hpp
    p::performance_scale, p::kps_band, p::kps_ecog_mapping, p::kps_ecog_status, p::performance_scale_policy,
    p::performance_scale_criterion>;

#ifdef HSCT_PATIENT_ENUM_TABLES
constexpr std::size_t checked_enum_count = HSCT_PATIENT_ENUM_TABLES;
#else
constexpr std::size_t checked_enum_count = std::tuple_size_v<all_patient_enums>;
#endif

struct round_trip_counts {
    std::size_t enums = 0;
    std::size_t enumerators = 0;
};

template <class E>
void check_round_trip(round_trip_counts& n) {
    STATIC_REQUIRE(hsct::tabled_enum<E>);
    STATIC_REQUIRE(hsct::audit_enum_table<E>());  // CORE-ENUM-001's full audit
    ++n.enums;
    std::set<std::string, std::less<>> seen;
    for (const auto& row : hsct::detail::enum_table_of<E>.rows) {
        const E e = row.value;
        const std::string_view text = p::id(e);
        CAPTURE(text, p::to_string(e));
        CHECK(text == row.id);
        CHECK(hsct::detail::is_enum_identifier(text));
        CHECK(seen.insert(std::string(text)).second);  // unique within the enum
        const auto back = p::parse_enum<E>(text, "field");
        REQUIRE(back.has_value());
        CHECK(*back == e);
        // and from the stored number (CORE-ENUM-002) to the same enumerator
        const auto code = static_cast<std::int64_t>(static_cast<std::underlying_type_t<E>>(e));
        CHECK(p::make_enum<E>(code, "field").value() == e);
        ++n.enumerators;
    }
    CHECK(seen.size() == hsct::detail::enum_table_of<E>.rows.size());
}

template <class... E>
round_trip_counts check_all(std::tuple<E...>*) {
    round_trip_counts n;
    (check_round_trip<E>(n), ...);
    return n;
}

template <class T>
concept has_id = requires(T t) { p::id(t); };
template <class T>
concept has_parse_enum = requires(std::string_view s) { p::parse_enum<T>(s, s); };

enum class not_a_patient_enum : std::uint8_t { a = 1 };

}  // namespace

TEST_CASE("every enumerator of every patient enum reads back from its identifier",
          "[patient][enum][CORE-ENUM-001]") {
    const auto n = check_all(static_cast<all_patient_enums*>(nullptr));
    CHECK(n.enums == checked_enum_count);
    CHECK(n.enumerators > n.enums);
}

TEST_CASE("identifiers are the documented snake_case names", "[patient][enum][CORE-ENUM-001]") {
    CHECK(p::id(hsct::donor_type::hla_identical_sibling) == "hla_identical_sibling");
    CHECK(p::id(hsct::disease_status::cr1) == "cr1");
    CHECK(p::id(p::bsa_formula::mosteller) == "mosteller");
    CHECK(p::id(hsct::sex::female) == "female");
    CHECK(p::id(p::hct_ci_item::prior_solid_tumour) == "prior_solid_tumour");
    // The human text is separate and unchanged.
    CHECK(p::to_string(p::bsa_formula::mosteller) != p::id(p::bsa_formula::mosteller));
    STATIC_REQUIRE(p::id(p::dose_scale::per_m2) == "per_m2");
}

TEST_CASE("identifier rules", "[patient][enum][CORE-ENUM-001]") {
    CHECK(hsct::detail::is_enum_identifier("cr1"));
    CHECK(hsct::detail::is_enum_identifier("a_b_2"));
    CHECK_FALSE(hsct::detail::is_enum_identifier(""));
    CHECK_FALSE(hsct::detail::is_enum_identifier("CR1"));
    CHECK_FALSE(hsct::detail::is_enum_identifier("1st"));
    CHECK_FALSE(hsct::detail::is_enum_identifier("_x"));
    CHECK_FALSE(hsct::detail::is_enum_identifier("cr 1"));
    CHECK_FALSE(hsct::detail::is_enum_identifier("cr-1"));
}

TEST_CASE("an unknown identifier is a syntax error listing the valid ones",
          "[patient][enum][CORE-ENUM-001]") {
    const auto r = p::parse_enum<hsct::sex>("unknown", "donor.sex");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::syntax);
    CHECK(r.error().field() == "donor.sex");
    CHECK(r.error().message() == "donor.sex: cannot read 'unknown'; expected one of female, male");

    // The human text is not an identifier.
    const auto human = p::parse_enum<p::bsa_formula>(p::to_string(p::bsa_formula::mosteller), "bsa");
    REQUIRE_FALSE(human.has_value());
    CHECK(human.error().code() == hsct::errc::syntax);
    CHECK(human.error().valid_range() == "one of mosteller, dubois, haycock, gehan_george, boyd");

    // Exact and case-sensitive; surrounding blanks only are ignored.
    CHECK(p::parse_enum<hsct::disease_status>("  cr1 ", "status").value() == hsct::disease_status::cr1);
    CHECK_FALSE(p::parse_enum<hsct::disease_status>("CR1", "status").has_value());
    CHECK_FALSE(p::parse_enum<hsct::disease_status>("cr", "status").has_value());
    CHECK_FALSE(p::parse_enum<hsct::disease_status>("", "status").has_value());
}

TEST_CASE("a value that is not an enumerator has no identifier", "[patient][enum][CORE-ENUM-001]") {
    const auto bad = static_cast<hsct::donor_type>(42);
    CHECK(p::id(bad) == "invalid (42)");
    CHECK_FALSE(p::parse_enum<hsct::donor_type>(p::id(bad), "donor").has_value());
}

TEST_CASE("id and parse_enum take only tabled patient enums", "[patient][enum][CORE-ENUM-001]") {
    STATIC_REQUIRE(has_id<hsct::donor_type>);
    STATIC_REQUIRE_FALSE(has_id<not_a_patient_enum>);
    STATIC_REQUIRE_FALSE(has_id<int>);
    STATIC_REQUIRE(has_parse_enum<hsct::disease_status>);
    STATIC_REQUIRE_FALSE(has_parse_enum<not_a_patient_enum>);
    STATIC_REQUIRE_FALSE(has_parse_enum<hsct::age>);
}

}  // namespace hsct_test_patient_vocabulary_test
