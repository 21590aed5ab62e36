// Tests for include/hsct/complications/vocabulary.hpp: every complications enum round-trips
// through its table, and the lists below are every table the complications headers declare.
#include <hsct/complications/complications.hpp>

#include <cstddef>
#include <tuple>
#include <utility>

#include "support/catch.hpp"
#include "support/enum_round_trip.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_vocabulary_test {

namespace c = hsct::complications;

// Every enum of include/hsct/complications, which CMake counts (HSCT_COMPLICATIONS_ENUM_TABLES),
// one list per header group.
using acute_gvhd_enums =
    std::tuple<c::agvhd_organ, c::gvhd_attribution, c::agvhd_criterion, c::agvhd_grade, c::ibmtr_index, c::child_rule,
               c::gut_stage4_grade, c::keystone_skin4, c::keystone_downgrade, c::keystone_bloody_stool, c::upper_gi_rule,
               c::onset_window, c::stool_average>;
using chronic_gvhd_enums =
    std::tuple<c::cgvhd_site, c::cgvhd_sign_class, c::cgvhd_sign, c::cgvhd_confirmation, c::cgvhd_diagnosis_status,
               c::cgvhd_diagnosis_basis, c::cgvhd_diagnosis_criterion, c::cgvhd_diagnosis_field, c::fev1_decline_basis,
               c::bos_criterion, c::bos_field, c::nih_organ, c::skin_sclerosis, c::mouth_finding,
               c::dry_eye, c::diarrhoea_grade, c::lung_symptoms, c::joint_fascia_finding, c::genital_finding,
               c::liver_bilirubin_edge, c::lung_without_fev1, c::skin_pruritus_rule, c::nih_organ_state,
               c::lung_score_source, c::cgvhd_score_criterion, c::cgvhd_score_field, c::cgvhd_severity,
               c::cgvhd_severity_clause, c::cgvhd_severity_criterion, c::gvhd_category, c::category_day_100,
               c::gvhd_category_criterion, c::gvhd_category_field>;
using sos_vod_enums = std::tuple<
    c::sos_finding,
    c::sos_ascites_extent,
    c::sos_sofa_organ,
    c::sos_risk_factor,
    c::sos_other_cause,
    c::sos_persistence,
    c::sos_input_field,
    c::sos_status,
    c::sos_onset,
    c::sos_seattle_criterion,
    c::sos_seattle_liver_sign,
    c::sos_seattle_weight,
    c::sos_baltimore_criterion,
    c::sos_baltimore_hepatomegaly,
    c::sos_ebmt2016_criterion,
    c::sos_ebmt2023_criterion,
    c::sos_ebmt2023_certainty,
    c::sos_severity,
    c::sos_severity_timing,
    c::sos_severity_status,
    c::sos_severity_decision,
    c::sos_severity_table,
    c::sos_adult_severity_row,
    c::sos_ebmt2016_weight_band,
    c::sos_no_column_with_two,
    c::sos_ebmt2023_weight,
    c::sos_ebmt2023_renal,
    c::sos_paediatric_criterion,
    c::sos_paediatric_weight_window,
    c::sos_paediatric_bilirubin,
    c::sos_paediatric_severity_row,
    c::sos_paediatric_oxygen_at_2,
    c::sos_paediatric_kinetics>;
using tma_engraftment_syndrome_enums = std::tuple<
    c::pressure_unit, c::upcr_unit, c::sc5b9_policy, c::tma_thrombocytopenia_definition, c::tma_biopsy_policy,
    c::tma_pair_policy, c::tma_window_policy, c::tma_sequence_policy, c::tma_ldh_policy, c::jodele_count_policy, c::tma_biopsy_site,
    c::tma_organ, c::ta_tma_sign, c::ta_tma_criterion, c::ta_tma_risk_criterion, c::ta_tma_field, c::ta_tma_status,
    c::ta_tma_risk, c::jodele_marker, c::jodele_tma_criterion, c::jodele_status, c::temperature_unit,
    c::spitzer_comparison, c::spitzer_window, c::maiolino_reading, c::es_sign, c::spitzer_criterion,
    c::maiolino_criterion, c::es_field, c::es_status>;
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

}  // namespace hsct_test_complications_vocabulary_test
