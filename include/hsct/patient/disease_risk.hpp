// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Disease Risk Index (DRI) of Armand et al.: disease type (with cytogenetics for AML and MDS)
// and disease status at allogeneic HCT -> low / intermediate / high / very high.
//
//   using namespace hsct::patient;
//   auto r = assess_dri({diagnosis::aml(cytogenetic_risk::intermediate), disease_status::cr1});
//   r->category;        // dri_category::intermediate
//   r->three_group();   // dri_three_group::intermediate
//   r->criteria;        // the criteria evaluated, as data: the disease row and the stage row
//                       // (ids dri_criterion::disease_aml_intermediate, stage_cr1), each with
//                       // the enumerator it read and whether it matches EBMT Handbook 2024
//                       // Table 11.1 [V-HB24] (verified) or not
//   hsct::patient::render(*r);   // text: <hsct/patient/disease_risk_text.hpp>
//
// Two tables are offered (PAT-DRI-002, PAT-DRI-003, PAT-DRI-006), chosen by
// `dri_options::table`:
//  * hb24_2012 (default): the index as printed in the EBMT Handbook 2024, ch. 11, Table 11.1,
//    which is adapted from Armand 2012 (4-year OS column, conditioning-dependent PR2 rule).
//    A row marked verified MATCHES THAT HANDBOOK REPRODUCTION [V-HB24]; it is not checked
//    against the Armand 2012 primary, nor against the refined 2014 DRI that CIBMTR labels
//    refer to. Some rows are hsct's reading of a printed label ("CR >= 2" read as CR2 and
//    CR3 or later; "CML CP" read as any chronic phase) and say so in their label; the
//    "untreated" stage row and the NMA-as-RIC rule are flagged unverified.
//  * refined_2014_recollection: the refinement of Armand 2014 (Blood 123:3664, Table 4) as far
//    as hsct's reference notes recall it. The primary table could not be read; EVERY ROW OF
//    THIS TABLE IS UNVERIFIED and every result from it says so (row_verified() == false).
//
// The states that are not a score (non-malignant indication, paediatric patient, disease not
// classifiable, missing disease status, cytogenetics still to be determined) are values of
// dri_category, never an error (PAT-DRI-005), with the criterion that decided in `decided_by`.
#ifndef HSCT_PATIENT_DISEASE_RISK_HPP
#define HSCT_PATIENT_DISEASE_RISK_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/clinical.hpp"
#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/patient/vocabulary.hpp"

namespace hsct::patient {

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// Whom the index is computed for. The DRI was derived in adults; CIBMTR reports a paediatric
/// patient as "N/A - pediatric". hsct does not decide who is paediatric: the caller does.
enum class dri_population : std::uint8_t { adult = 1, pediatric = 2 };

constexpr auto hsct_enum_table(dri_population) noexcept {
    return make_enum_table<dri_population>("dri_population", {
        {dri_population::adult, "adult", "adult"},
        {dri_population::pediatric, "pediatric", "paediatric"},
    });
}


// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

/// Which table assigned the disease and stage rows.
enum class dri_table : std::uint8_t {
    hb24_2012 = 1,                  ///< DRI 2012 as reproduced in EBMT Handbook 2024 ch. 11 (default)
    refined_2014_recollection = 2,  ///< refined DRI 2014, recalled, every row UNVERIFIED
};

constexpr auto hsct_enum_table(dri_table) noexcept {
    return make_enum_table<dri_table>("dri_table", {
        {dri_table::hb24_2012, "hb24_2012", "DRI 2012 as reproduced in EBMT Handbook 2024 ch. 11"},
        {dri_table::refined_2014_recollection, "refined_2014_recollection", "refined DRI 2014 (Armand, Blood 2014;123:3664, Table 4) - UNVERIFIED "
         "recollection"},
    });
}


/// Disease risk group of the DRI's disease table.
enum class dri_disease_risk : std::uint8_t { low = 1, intermediate = 2, high = 3 };

constexpr auto hsct_enum_table(dri_disease_risk) noexcept {
    return make_enum_table<dri_disease_risk>("dri_disease_risk", {
        {dri_disease_risk::low, "low", "low"},
        {dri_disease_risk::intermediate, "intermediate", "intermediate"},
        {dri_disease_risk::high, "high", "high"},
    });
}
/// Stage risk group of the DRI's stage table.
enum class dri_stage_risk : std::uint8_t { low = 1, high = 2 };

constexpr auto hsct_enum_table(dri_stage_risk) noexcept {
    return make_enum_table<dri_stage_risk>("dri_stage_risk", {
        {dri_stage_risk::low, "low", "low"},
        {dri_stage_risk::high, "high", "high"},
    });
}


/// The index, or the reason there is none (PAT-DRI-005). Labels follow the CIBMTR data
/// dictionary wording.
enum class dri_category : std::uint8_t {
    low = 1,
    intermediate = 2,
    high = 3,
    very_high = 4,
    na_non_malignant = 5,        ///< "N/A - non-malignant indication"
    na_pediatric = 6,            ///< "N/A - pediatric"
    not_classifiable = 7,        ///< "N/A - disease not classifiable"
    missing_disease_status = 8,  ///< "Missing disease status"
    tbd_cytogenetics = 9,        ///< "TBD cytogenetics"
    /// hsct's own state, not one of CIBMTR's labels: a stage of PR2 or later, whose risk
    /// depends on the conditioning intensity (PAT-DRI-003), with the intensity not stated.
    /// CIBMTR's list has no label for it; hsct neither guesses the intensity nor calls the
    /// input bad data.
    missing_conditioning_intensity = 10,
};

constexpr auto hsct_enum_table(dri_category) noexcept {
    return make_enum_table<dri_category>("dri_category", {
        {dri_category::low, "low", "Low"},
        {dri_category::intermediate, "intermediate", "Intermediate"},
        {dri_category::high, "high", "High"},
        {dri_category::very_high, "very_high", "Very high"},
        {dri_category::na_non_malignant, "na_non_malignant", "N/A - non-malignant indication"},
        {dri_category::na_pediatric, "na_pediatric", "N/A - pediatric"},
        {dri_category::not_classifiable, "not_classifiable", "N/A - disease not classifiable"},
        {dri_category::missing_disease_status, "missing_disease_status", "Missing disease status"},
        {dri_category::tbd_cytogenetics, "tbd_cytogenetics", "TBD cytogenetics"},
        {dri_category::missing_conditioning_intensity, "missing_conditioning_intensity",
         "Missing conditioning intensity (hsct)"},
    });
}


[[nodiscard]] constexpr bool is_score(dri_category c) noexcept {
    return c == dri_category::low || c == dri_category::intermediate ||
           c == dri_category::high || c == dri_category::very_high;
}

/// The 3-group form (PAT-DRI-004): high and very high merged.
enum class dri_three_group : std::uint8_t { low = 1, intermediate = 2, high_or_very_high = 3, not_scored = 4 };

constexpr auto hsct_enum_table(dri_three_group) noexcept {
    return make_enum_table<dri_three_group>("dri_three_group", {
        {dri_three_group::low, "low", "Low"},
        {dri_three_group::intermediate, "intermediate", "Intermediate"},
        {dri_three_group::high_or_very_high, "high_or_very_high", "High/Very high"},
        {dri_three_group::not_scored, "not_scored", "not scored"},
    });
}


[[nodiscard]] constexpr dri_three_group three_group(dri_category c) noexcept {
    switch (c) {
        case dri_category::low: return dri_three_group::low;
        case dri_category::intermediate: return dri_three_group::intermediate;
        case dri_category::high:
        case dri_category::very_high: return dri_three_group::high_or_very_high;
        case dri_category::na_non_malignant:
        case dri_category::na_pediatric:
        case dri_category::not_classifiable:
        case dri_category::missing_disease_status:
        case dri_category::tbd_cytogenetics:
        case dri_category::missing_conditioning_intensity: return dri_three_group::not_scored;
    }
    HSCT_EXPECTS(false, "three_group: dri_category is not a declared value");
    return dri_three_group::not_scored;
}

/// PAT-DRI-001: disease risk x stage risk -> index. Armand, Blood 2012;120:905; as printed in
/// EBMT Handbook 2024 Table 11.1: low+low low; low+high or intermediate+low intermediate;
/// intermediate+high or high+low high; high+high very high.
/// Precondition (contract): both are declared values.
[[nodiscard]] constexpr dri_category combine(dri_disease_risk d, dri_stage_risk s) noexcept {
    HSCT_EXPECTS(hsct::is_valid(s), "combine: dri_stage_risk is not a declared value");
    const bool high_stage = s == dri_stage_risk::high;
    switch (d) {
        case dri_disease_risk::low:
            return high_stage ? dri_category::intermediate : dri_category::low;
        case dri_disease_risk::intermediate:
            return high_stage ? dri_category::high : dri_category::intermediate;
        case dri_disease_risk::high:
            return high_stage ? dri_category::very_high : dri_category::high;
    }
    HSCT_EXPECTS(false, "combine: dri_disease_risk is not a declared value");
    return dri_category::not_classifiable;
}

/// Every criterion the DRI evaluates (CORE-EXPLAIN-001): the two gates (malignant indication,
/// adult patient), whether the cytogenetic group is known, one enumerator per row of the
/// disease and stage tables (the label is the row as hsct reads it), and "in the table" for a
/// disease or status that has no row.
enum class dri_criterion : std::uint8_t {
    malignant_indication = 1,      ///< PAT-DRI-005
    adult_patient = 2,             ///< PAT-DRI-005
    cytogenetics_known = 3,        ///< PAT-DRI-005 (AML and MDS only)
    disease_in_table = 4,          ///< PAT-DRI-002: not met -> not classifiable
    disease_aml_favourable = 5,    ///< PAT-DRI-002 rows from here
    disease_aml_intermediate = 6,
    disease_aml_adverse = 7,
    disease_mds_intermediate = 8,
    disease_mds_adverse = 9,
    disease_cll = 10,
    disease_cml = 11,
    disease_indolent_b_nhl = 12,
    disease_mpn = 13,
    disease_myeloma = 14,
    disease_hodgkin = 15,
    disease_dlbcl_or_transformed = 16,
    disease_mantle_cell = 17,
    disease_t_cell_nodal = 18,
    disease_t_cell_extranodal = 19,
    disease_all_recollection = 20,  ///< PAT-DRI-006, unverified
    stage_in_table = 21,            ///< PAT-DRI-003: not met -> not classifiable; unknown: missing
    stage_cr1 = 22,                 ///< PAT-DRI-003 rows from here
    stage_cr2 = 23,
    stage_cr3_or_later = 24,
    stage_pr1 = 25,
    stage_untreated = 26,           ///< unverified
    stage_cml_cp1 = 27,
    stage_cml_cp2_or_later = 28,
    stage_cml_ap_or_bp = 29,
    stage_induction_failure = 30,
    stage_active_relapse = 31,
    stage_pr2_after_ric = 32,
    stage_pr2_after_nma = 33,       ///< PAT-DRI-007, unverified
    stage_pr2_after_mac = 34,
    stage_pr2_recollection = 35,    ///< PAT-DRI-006, unverified
};

constexpr auto hsct_enum_table(dri_criterion) noexcept {
    using c = dri_criterion;
    return make_enum_table<dri_criterion>("dri_criterion", {
        {c::malignant_indication, "malignant_indication", "malignant indication (the DRI scores malignancies only)"},
        {c::adult_patient, "adult_patient", "adult patient (the DRI was derived in adults)"},
        {c::cytogenetics_known, "cytogenetics_known", "cytogenetic group known (AML, MDS)"},
        {c::disease_in_table, "disease_in_table", "disease in the DRI disease table"},
        {c::disease_aml_favourable, "disease_aml_favourable", "low: AML with favourable cytogenetics"},
        {c::disease_aml_intermediate, "disease_aml_intermediate", "intermediate: AML with intermediate cytogenetics"},
        {c::disease_aml_adverse, "disease_aml_adverse", "high: AML with adverse cytogenetics"},
        {c::disease_mds_intermediate, "disease_mds_intermediate", "intermediate: MDS with intermediate cytogenetics"},
        {c::disease_mds_adverse, "disease_mds_adverse", "high: MDS with adverse cytogenetics"},
        {c::disease_cll, "disease_cll", "low: CLL"},
        {c::disease_cml, "disease_cml", "low: CML"},
        {c::disease_indolent_b_nhl, "disease_indolent_b_nhl", "low: indolent B-cell NHL"},
        {c::disease_mpn, "disease_mpn", "intermediate: myeloproliferative neoplasm"},
        {c::disease_myeloma, "disease_myeloma", "intermediate: multiple myeloma"},
        {c::disease_hodgkin, "disease_hodgkin", "intermediate: Hodgkin lymphoma"},
        {c::disease_dlbcl_or_transformed, "disease_dlbcl_or_transformed", "intermediate: DLBCL/transformed indolent B-NHL"},
        {c::disease_mantle_cell, "disease_mantle_cell", "intermediate: mantle-cell lymphoma"},
        {c::disease_t_cell_nodal, "disease_t_cell_nodal", "intermediate: T-cell lymphoma, nodal"},
        {c::disease_t_cell_extranodal, "disease_t_cell_extranodal", "high: T-cell lymphoma, extranodal"},
        {c::disease_all_recollection, "disease_all_recollection", "intermediate: ALL (recollection, uncertain)"},
        {c::stage_in_table, "stage_in_table", "disease status in the DRI stage table"},
        {c::stage_cr1, "stage_cr1", "low: CR1"},
        {c::stage_cr2, "stage_cr2", "low: CR2 (printed 'CR >= 2')"},
        {c::stage_cr3_or_later, "stage_cr3_or_later", "low: CR3 or later (hsct reading of the printed 'CR >= 2')"},
        {c::stage_pr1, "stage_pr1", "low: PR1"},
        {c::stage_untreated, "stage_untreated", "low: untreated (printed unqualified in HB24; may apply to MDS/MPN only)"},
        {c::stage_cml_cp1, "stage_cml_cp1", "low: CML chronic phase"},
        {c::stage_cml_cp2_or_later, "stage_cml_cp2_or_later", "low: CML second or later chronic phase (hsct reading of the printed 'CML CP')"},
        {c::stage_cml_ap_or_bp, "stage_cml_ap_or_bp", "high: CML accelerated or blast phase"},
        {c::stage_induction_failure, "stage_induction_failure", "high: primary induction failure"},
        {c::stage_active_relapse, "stage_active_relapse", "high: active relapse"},
        {c::stage_pr2_after_ric, "stage_pr2_after_ric", "low: PR2 or later after RIC"},
        {c::stage_pr2_after_nma, "stage_pr2_after_nma", "low: PR2 or later after NMA, read as RIC (hsct policy PAT-DRI-007)"},
        {c::stage_pr2_after_mac, "stage_pr2_after_mac", "high: PR2 or later after MAC"},
        {c::stage_pr2_recollection, "stage_pr2_recollection", "low: PR2 or later, any conditioning (recollection)"},
    });
}

/// True for the criteria that are rows of the disease or stage table.
[[nodiscard]] constexpr bool is_table_row(dri_criterion c) noexcept {
    return c != dri_criterion::malignant_indication && c != dri_criterion::adult_patient &&
           c != dri_criterion::cytogenetics_known && c != dri_criterion::disease_in_table &&
           c != dri_criterion::stage_in_table;
}

/// The inputs of the DRI, for `dri_result::missing` and measure::missing.
enum class dri_field : std::uint8_t {
    disease = 1,
    cytogenetics = 2,
    status = 3,
    conditioning = 4,
    population = 5,
};

constexpr auto hsct_enum_table(dri_field) noexcept {
    return make_enum_table<dri_field>("dri_field", {
        {dri_field::disease, "disease", "disease"},
        {dri_field::cytogenetics, "cytogenetics", "cytogenetic group"},
        {dri_field::status, "status", "disease status"},
        {dri_field::conditioning, "conditioning", "conditioning intensity"},
        {dri_field::population, "population", "population"},
    });
}

/// What the DRI reads.
// NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): no default constructor (diagnosis has none)
struct dri_input {
    diagnosis dx;
    disease_status status;
    conditioning_intensity conditioning = conditioning_intensity::not_stated;
    dri_population population = dri_population::adult;
};

/// Every choice the DRI reads, with its default; carried on the result.
struct dri_options {
    dri_table table = dri_table::hb24_2012;  ///< PAT-DRI-002 / -003 / -006
    friend constexpr bool operator==(const dri_options&, const dri_options&) noexcept = default;
};

/// One DRI, with the criteria that decided it. No heap memory.
struct dri_result {
    /// At most: malignant indication, adult patient, cytogenetics, disease row, stage row.
    static constexpr std::size_t max_criteria = 5;

    /// An empty result (not classifiable, nothing recorded). Declared, not defaulted, so that
    /// making one per patient does not first zero the criteria's storage
    /// (docs/conventions.md section 5).
    dri_result() noexcept {}  // NOLINT(modernize-use-equals-default)

    dri_category category = dri_category::not_classifiable;
    std::optional<dri_disease_risk> disease_risk;  ///< set when the disease row applied
    std::optional<dri_stage_risk> stage_risk;      ///< set when the stage row applied
    /// For a non-score state: the criterion that decided it (not met, or unknown for a missing
    /// input).
    std::optional<dri_criterion> decided_by;
    hsct::fixed_list<hsct::criterion<dri_criterion>, max_criteria> criteria;
    hsct::enum_set<dri_field> missing;
    dri_options options;

    [[nodiscard]] constexpr bool scored() const noexcept { return is_score(category); }
    [[nodiscard]] constexpr dri_three_group three_group() const noexcept {
        return patient::three_group(category);
    }
    /// The record of a criterion, or nullptr if it was not evaluated.
    [[nodiscard]] constexpr const hsct::criterion<dri_criterion>* find(dri_criterion id) const noexcept {
        for (const auto& c : criteria) {
            if (c.id == id) {
                return &c;
            }
        }
        return nullptr;
    }
    /// True only when every criterion that decided the result matches its source as read: for
    /// the default table, EBMT Handbook 2024 Table 11.1 [V-HB24] (not the Armand primary).
    [[nodiscard]] constexpr bool row_verified() const noexcept {
        for (const auto& c : criteria) {
            if (!c.verified) {
                return false;
            }
        }
        return true;
    }
};

}  // namespace hsct::patient

// Internals (not public API). In hsct::detail, not hsct::patient::detail, so that the
// unqualified `detail::` in other patient headers keeps finding hsct::detail.
namespace hsct::detail {

struct dri_disease_row {
    bool classifiable;
    patient::dri_disease_risk risk;
    patient::dri_criterion row;  ///< the row, or disease_in_table when there is none
    bool verified;
};

// PAT-DRI-002: disease table as printed in EBMT Handbook 2024 Table 11.1 (adapted from Armand
// 2012). ALL is not in the printed table.
// PAT-DRI-006: the refined-2014 recollection (clinical-scores-conditioning.md §3.3), every
// row unverified; it differs from the handbook table only by listing ALL as intermediate.
constexpr dri_disease_row dri_disease_row_of(hsct::disease d, hsct::cytogenetic_risk aml,
                                             hsct::mds_cytogenetic_risk mds,
                                             patient::dri_table t) noexcept {
    const bool v = t == patient::dri_table::hb24_2012;
    using dr = patient::dri_disease_risk;
    using c = patient::dri_criterion;
    switch (d) {
        case hsct::disease::aml:
            switch (aml) {
                case hsct::cytogenetic_risk::favourable: return {true, dr::low, c::disease_aml_favourable, v};
                case hsct::cytogenetic_risk::intermediate:
                    return {true, dr::intermediate, c::disease_aml_intermediate, v};
                case hsct::cytogenetic_risk::adverse: return {true, dr::high, c::disease_aml_adverse, v};
                case hsct::cytogenetic_risk::not_yet_known: break;
            }
            return {false, dr::low, c::disease_in_table, v};
        case hsct::disease::mds:
            switch (mds) {
                case hsct::mds_cytogenetic_risk::intermediate:
                    return {true, dr::intermediate, c::disease_mds_intermediate, v};
                case hsct::mds_cytogenetic_risk::adverse: return {true, dr::high, c::disease_mds_adverse, v};
                case hsct::mds_cytogenetic_risk::not_yet_known: break;
            }
            return {false, dr::low, c::disease_in_table, v};
        case hsct::disease::cll: return {true, dr::low, c::disease_cll, v};
        case hsct::disease::cml: return {true, dr::low, c::disease_cml, v};
        case hsct::disease::indolent_b_nhl: return {true, dr::low, c::disease_indolent_b_nhl, v};
        case hsct::disease::mpn: return {true, dr::intermediate, c::disease_mpn, v};
        case hsct::disease::myeloma: return {true, dr::intermediate, c::disease_myeloma, v};
        case hsct::disease::hodgkin: return {true, dr::intermediate, c::disease_hodgkin, v};
        case hsct::disease::dlbcl_or_transformed:
            return {true, dr::intermediate, c::disease_dlbcl_or_transformed, v};
        case hsct::disease::mantle_cell: return {true, dr::intermediate, c::disease_mantle_cell, v};
        case hsct::disease::t_cell_nodal: return {true, dr::intermediate, c::disease_t_cell_nodal, v};
        case hsct::disease::t_cell_extranodal: return {true, dr::high, c::disease_t_cell_extranodal, v};
        case hsct::disease::all:
            if (t == patient::dri_table::refined_2014_recollection) {
                return {true, dr::intermediate, c::disease_all_recollection, false};
            }
            return {false, dr::low, c::disease_in_table, v};  // ALL is not in the printed table
        case hsct::disease::severe_aplastic_anaemia:
        case hsct::disease::other_non_malignant:
        case hsct::disease::other_malignant: break;
    }
    return {false, dr::low, c::disease_in_table, v};
}

struct dri_stage_row {
    enum class kind : std::uint8_t { row, not_printed, needs_conditioning };
    kind k;
    patient::dri_stage_risk risk;
    patient::dri_criterion row;  ///< the row, or stage_in_table when there is none
    bool verified;
};

// PAT-DRI-003: stage table as printed in EBMT Handbook 2024 Table 11.1: low = CR1, CR>=2,
// PR1, untreated, CML CP, PR>=2 if RIC; high = PR>=2 if MAC, induction failure, active
// relapse, CML AP or BP. PAT-DRI-007 (policy): NMA is read as RIC for the PR>=2 rule.
// PAT-DRI-006: the refined-2014 recollection drops the conditioning dependence (any PR low).
constexpr dri_stage_row dri_stage_row_of(hsct::disease_status s, hsct::conditioning_intensity ci,
                                         patient::dri_table t) noexcept {
    using k = dri_stage_row::kind;
    using sr = patient::dri_stage_risk;
    using c = patient::dri_criterion;
    const bool v = t == patient::dri_table::hb24_2012;
    switch (s) {
        case hsct::disease_status::cr1: return {k::row, sr::low, c::stage_cr1, v};
        case hsct::disease_status::cr2: return {k::row, sr::low, c::stage_cr2, v};
        case hsct::disease_status::cr3_or_later: return {k::row, sr::low, c::stage_cr3_or_later, v};
        case hsct::disease_status::pr1: return {k::row, sr::low, c::stage_pr1, v};
        // HB24 Table 11.1 prints "untreated" as low stage risk without naming diseases; the
        // original DRI may restrict it to MDS/MPN (not checked), so the row is unverified.
        case hsct::disease_status::untreated: return {k::row, sr::low, c::stage_untreated, false};
        case hsct::disease_status::cml_cp1: return {k::row, sr::low, c::stage_cml_cp1, v};
        case hsct::disease_status::cml_cp2_or_later:
            return {k::row, sr::low, c::stage_cml_cp2_or_later, v};
        case hsct::disease_status::cml_ap:
        case hsct::disease_status::cml_bp: return {k::row, sr::high, c::stage_cml_ap_or_bp, v};
        case hsct::disease_status::induction_failure:
            return {k::row, sr::high, c::stage_induction_failure, v};
        case hsct::disease_status::active_relapse: return {k::row, sr::high, c::stage_active_relapse, v};
        case hsct::disease_status::pr2_or_later:
            if (t == patient::dri_table::refined_2014_recollection) {
                return {k::row, sr::low, c::stage_pr2_recollection, false};
            }
            switch (ci) {
                case hsct::conditioning_intensity::reduced_intensity:
                    return {k::row, sr::low, c::stage_pr2_after_ric, true};
                case hsct::conditioning_intensity::non_myeloablative:
                    return {k::row, sr::low, c::stage_pr2_after_nma, false};
                case hsct::conditioning_intensity::myeloablative:
                    return {k::row, sr::high, c::stage_pr2_after_mac, true};
                case hsct::conditioning_intensity::not_stated: break;
            }
            return {k::needs_conditioning, sr::low, c::stage_in_table, v};
        case hsct::disease_status::stable_disease:
        case hsct::disease_status::missing: break;
    }
    return {k::not_printed, sr::low, c::stage_in_table, v};
}

/// The rows of an input, looked up in tables the compiler builds from the two functions above
/// (so the rule has one text, and reading it costs a load, not a chain of branches). An input
/// outside the tables (an undeclared number, refused by assess_dri) is read by the functions.
[[nodiscard]] inline dri_disease_row dri_disease_row_lookup(const hsct::diagnosis& dx,
                                                            patient::dri_table t) noexcept {
    // key: disease code (0-16) x cytogenetic code (0-4: AML's for AML, MDS's for MDS, 0 else)
    // x table (1-2)
    static constexpr auto rows = [] {
        std::array<dri_disease_row, std::size_t{17} * 5 * 2> out{};
        for (std::size_t d = 0; d < 17; ++d) {
            for (std::size_t cy = 0; cy < 5; ++cy) {
                for (std::size_t tb = 0; tb < 2; ++tb) {
                    const auto dis = static_cast<hsct::disease>(d);
                    out[(d * 5 + cy) * 2 + tb] = dri_disease_row_of(
                        dis,
                        dis == hsct::disease::aml ? static_cast<hsct::cytogenetic_risk>(cy)
                                                  : hsct::cytogenetic_risk::not_yet_known,
                        dis == hsct::disease::mds ? static_cast<hsct::mds_cytogenetic_risk>(cy)
                                                  : hsct::mds_cytogenetic_risk::not_yet_known,
                        static_cast<patient::dri_table>(tb + 1));
                }
            }
        }
        return out;
    }();
    const auto d = static_cast<std::size_t>(dx.kind());
    const auto cy = static_cast<std::size_t>(
        dx.kind() == hsct::disease::aml   ? static_cast<std::uint8_t>(dx.aml_cytogenetics())
        : dx.kind() == hsct::disease::mds ? static_cast<std::uint8_t>(dx.mds_cytogenetics())
                                          : std::uint8_t{0});
    const auto tb = static_cast<std::size_t>(t) - 1;
    if (d < 17 && cy < 5 && tb < 2) {
        return rows[(d * 5 + cy) * 2 + tb];
    }
    return dri_disease_row_of(dx.kind(), dx.aml_cytogenetics(), dx.mds_cytogenetics(), t);
}

[[nodiscard]] inline dri_stage_row dri_stage_row_lookup(hsct::disease_status s,
                                                        hsct::conditioning_intensity ci,
                                                        patient::dri_table t) noexcept {
    // key: status code (0-14) x conditioning code (0-4) x table (1-2)
    static constexpr auto rows = [] {
        std::array<dri_stage_row, std::size_t{15} * 5 * 2> out{};
        for (std::size_t st = 0; st < 15; ++st) {
            for (std::size_t c = 0; c < 5; ++c) {
                for (std::size_t tb = 0; tb < 2; ++tb) {
                    out[(st * 5 + c) * 2 + tb] =
                        dri_stage_row_of(static_cast<hsct::disease_status>(st),
                                         static_cast<hsct::conditioning_intensity>(c),
                                         static_cast<patient::dri_table>(tb + 1));
                }
            }
        }
        return out;
    }();
    const auto st = static_cast<std::size_t>(s);
    const auto c = static_cast<std::size_t>(ci);
    const auto tb = static_cast<std::size_t>(t) - 1;
    if (st < 15 && c < 5 && tb < 2) {
        return rows[(st * 5 + c) * 2 + tb];
    }
    return dri_stage_row_of(s, ci, t);
}

}  // namespace hsct::detail

namespace hsct::patient {

namespace detail {

/// Appends a criterion record to `list`, written in place (no temporary record copied).
template <std::size_t N>
HSCT_ALWAYS_INLINE void dri_add(hsct::fixed_list<hsct::criterion<dri_criterion>, N>& list,
                                dri_criterion id, outcome o, const char* requirement,
                                hsct::measure m, bool verified = true) {
    list.emplace_back(id, o, comparator::present, verified, requirement, m, 0.0);
}

/// The two table rows of an input, read once.
struct dri_rows {
    hsct::detail::dri_disease_row disease;
    hsct::detail::dri_stage_row stage;
};

/// Bad input (CORE-ENUM-002 undeclared enum numbers; a status inconsistent with the disease), or
/// nothing. Text only on this path.
[[nodiscard]] HSCT_ALWAYS_INLINE std::optional<error> dri_refusal(const dri_input& in,
                                                                  const dri_options& options) {
    namespace hd = hsct::detail;
    if (auto e = hd::check_diagnosis(in.dx, "dri.dx")) {
        return e;
    }
    if (!hsct::is_valid(in.status)) {
        return hd::check_enum(in.status, "dri.status");
    }
    if (!hsct::is_valid(in.conditioning)) {
        return hd::check_enum(in.conditioning, "dri.conditioning");
    }
    if (!hsct::is_valid(in.population)) {
        return hd::check_enum(in.population, "dri.population");
    }
    if (!hsct::is_valid(options.table)) {
        return hd::check_enum(options.table, "dri.options.table");
    }
    const disease d = in.dx.kind();
    const bool malignant =
        d != disease::severe_aplastic_anaemia && d != disease::other_non_malignant;
    if (malignant && in.status != disease_status::missing) {
        if (d == disease::cml && !is_cml_phase(in.status)) {
            return error(errc::inconsistent, "dri.status",
                         hd::concat({"CML with status ", to_string(in.status)}),
                         "CML takes a CML phase (cml_cp1, cml_cp2_or_later, cml_ap, cml_bp) or missing",
                         "PAT-DRI-003");
        }
        if (d != disease::cml && is_cml_phase(in.status)) {
            return error(errc::inconsistent, "dri.status",
                         hd::concat({to_string(d), " with status ", to_string(in.status)}),
                         "CML phases apply to CML only", "PAT-DRI-003");
        }
    }
    return std::nullopt;
}

/// Fills `r` (a default result) with the index of valid, consistent input.
inline void dri_fill(dri_result& r, const dri_input& in, const dri_options& options,
                     const dri_rows& rows) noexcept {
    namespace hd = hsct::detail;
    using c = dri_criterion;
    using hsct::measure;
    r.options = options;
    const auto stop = [&r](dri_category cat, c by) {
        r.category = cat;
        r.decided_by = by;
    };
    const disease d = in.dx.kind();
    const bool malignant =
        d != disease::severe_aplastic_anaemia && d != disease::other_non_malignant;
    dri_add(r.criteria, c::malignant_indication, malignant ? outcome::met : outcome::not_met,
            "PAT-DRI-005", measure::code(d));
    if (!malignant) {
        return stop(dri_category::na_non_malignant, c::malignant_indication);
    }
    const bool adult = in.population == dri_population::adult;
    dri_add(r.criteria, c::adult_patient, adult ? outcome::met : outcome::not_met, "PAT-DRI-005",
            measure::code(in.population));
    if (!adult) {
        return stop(dri_category::na_pediatric, c::adult_patient);
    }
    const bool pending = in.dx.cytogenetics_pending();
    if (d == disease::aml || d == disease::mds) {
        const measure m = pending ? measure::missing(dri_field::cytogenetics)
                          : d == disease::aml ? measure::code(in.dx.aml_cytogenetics())
                                              : measure::code(in.dx.mds_cytogenetics());
        dri_add(r.criteria, c::cytogenetics_known, pending ? outcome::unknown : outcome::met,
                "PAT-DRI-005", m);
        if (pending) {
            r.missing.insert(dri_field::cytogenetics);
        }
    }
    const auto& drow = rows.disease;
    if (!drow.classifiable && !pending) {
        dri_add(r.criteria, c::disease_in_table, outcome::not_met, "PAT-DRI-002", measure::code(d),
                drow.verified);
        return stop(dri_category::not_classifiable, c::disease_in_table);
    }
    if (in.status == disease_status::missing) {
        r.missing.insert(dri_field::status);
        dri_add(r.criteria, c::stage_in_table, outcome::unknown, "PAT-DRI-003",
                measure::missing(dri_field::status));
        return stop(dri_category::missing_disease_status, c::stage_in_table);
    }
    if (pending) {
        return stop(dri_category::tbd_cytogenetics, c::cytogenetics_known);
    }
    dri_add(r.criteria, drow.row, outcome::met,
            drow.row == c::disease_all_recollection ? "PAT-DRI-006" : "PAT-DRI-002",
            measure::code(d), drow.verified);
    r.disease_risk = drow.risk;

    const auto& srow = rows.stage;
    if (srow.k == hd::dri_stage_row::kind::needs_conditioning) {
        // PR2 or later with the intensity not stated: the stage row cannot be chosen.
        r.missing.insert(dri_field::conditioning);
        dri_add(r.criteria, c::stage_in_table, outcome::unknown, "PAT-DRI-003",
                measure::missing(dri_field::conditioning));
        return stop(dri_category::missing_conditioning_intensity, c::stage_in_table);
    }
    if (srow.k != hd::dri_stage_row::kind::row) {
        dri_add(r.criteria, c::stage_in_table, outcome::not_met, "PAT-DRI-003",
                measure::code(in.status), srow.verified);
        return stop(dri_category::not_classifiable, c::stage_in_table);
    }
    const char* stage_requirement = srow.row == c::stage_pr2_after_nma      ? "PAT-DRI-007"
                                    : srow.row == c::stage_pr2_recollection ? "PAT-DRI-006"
                                                                            : "PAT-DRI-003";
    dri_add(r.criteria, srow.row, outcome::met, stage_requirement, measure::code(in.status),
            srow.verified);
    r.stage_risk = srow.risk;
    r.category = combine(drow.risk, srow.risk);
}

}  // namespace detail

/// The Disease Risk Index (PAT-DRI-001..007).
///
/// Order of the non-score states (PAT-DRI-005, hsct policy: CIBMTR publishes the labels, not
/// their precedence): non-malignant indication; paediatric patient; disease not in the table;
/// missing disease status; cytogenetics pending; a status the stage table does not list
/// (stable disease) is "not classifiable"; PR2 or later with the conditioning intensity not
/// stated (under the handbook table) is missing_conditioning_intensity, hsct's own state (the
/// disease row is still recorded). Each is a value, with the criterion that decided it in
/// `decided_by` and a missing input in `missing`.
///
/// Errors, only for bad input: any input enum number that is not a declared value
/// (out_of_range, fields "dri.dx.disease", "dri.dx.cytogenetics", "dri.status",
/// "dri.conditioning", "dri.population", "dri.options.table"; CORE-ENUM-002); a CML phase for a
/// disease other than CML, or a non-CML status for CML (inconsistent, field "dri.status").
[[nodiscard]] inline result<dri_result> assess_dri(const dri_input& in,
                                                   const dri_options& options = {}) {
    // Undeclared numbers read as no row here and are refused before the rows are used.
    const detail::dri_rows rows{hsct::detail::dri_disease_row_lookup(in.dx, options.table),
                                hsct::detail::dri_stage_row_lookup(in.status, in.conditioning,
                                                               options.table)};
    // One named return object, returned from every path and filled in place: the criteria are
    // not copied on the way out.
    result<dri_result> out(std::in_place);
    if (auto refused = detail::dri_refusal(in, options)) {
        out = std::move(*refused);
        return out;
    }
    detail::dri_fill(*out, in, options, rows);
    return out;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_DISEASE_RISK_HPP
