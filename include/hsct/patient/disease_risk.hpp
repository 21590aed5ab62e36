// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Disease Risk Index (DRI) of Armand et al.: disease type (with cytogenetics for AML and MDS)
// and disease status at allogeneic HCT -> low / intermediate / high / very high.
//
//   using namespace hsct::patient;
//   auto r = disease_risk_index({diagnosis::aml(cytogenetic_risk::intermediate),
//                                disease_status::cr1});
//   r->category;        // dri_category::intermediate
//   r->three_group();   // dri_three_group::intermediate
//   r->explanation();   // which disease row, which stage row, which table, and for each row
//                       // "matches EBMT Handbook 2024 Table 11.1 [V-HB24]" or "UNVERIFIED"
//
// Two tables are offered (PAT-DRI-002, PAT-DRI-003, PAT-DRI-006), chosen by `dri_table`:
//  * hb24_2012 (default): the index as printed in the EBMT Handbook 2024, ch. 11, Table 11.1,
//    which is adapted from Armand 2012 (4-year OS column, conditioning-dependent PR2 rule).
//    A row marked verified MATCHES THAT HANDBOOK REPRODUCTION [V-HB24]; it is not checked
//    against the Armand 2012 primary, nor against the refined 2014 DRI that CIBMTR labels
//    refer to. Some rows are hsct's reading of a printed label ("CR >= 2" read as CR2 and
//    CR3 or later; "CML CP" read as any chronic phase) and say so in their text; the
//    "untreated" stage row and the NMA-as-RIC rule are flagged unverified.
//  * refined_2014_recollection: the refinement of Armand 2014 (Blood 123:3664, Table 4) as far
//    as hsct's reference notes recall it. The primary table could not be read; EVERY ROW OF
//    THIS TABLE IS UNVERIFIED and every result from it says so (row_verified() == false).
//
// The states that are not a score (non-malignant indication, paediatric patient, disease not
// classifiable, missing disease status, cytogenetics still to be determined) are values of
// dri_category, never an empty optional (PAT-DRI-005).
#ifndef HSCT_PATIENT_DISEASE_RISK_HPP
#define HSCT_PATIENT_DISEASE_RISK_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/patient/detail/enum_check.hpp"

namespace hsct::patient {

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// The indication for HCT, in the categories the DRI and the EBMT risk score read.
enum class disease : std::uint8_t {
    aml = 1,                      ///< acute myeloid leukaemia (needs cytogenetic risk)
    mds = 2,                      ///< myelodysplastic syndrome (needs cytogenetic risk)
    all = 3,                      ///< acute lymphoblastic leukaemia
    cll = 4,                      ///< chronic lymphocytic leukaemia
    cml = 5,                      ///< chronic myeloid leukaemia (status is a CML phase)
    indolent_b_nhl = 6,           ///< indolent B-cell non-Hodgkin lymphoma
    mpn = 7,                      ///< myeloproliferative neoplasm
    myeloma = 8,                  ///< multiple myeloma
    hodgkin = 9,                  ///< Hodgkin lymphoma
    dlbcl_or_transformed = 10,     ///< diffuse large B-cell lymphoma or transformed indolent B-NHL
    mantle_cell = 11,              ///< mantle-cell lymphoma
    t_cell_nodal = 12,             ///< T-cell lymphoma, nodal
    t_cell_extranodal = 13,        ///< T-cell lymphoma, extranodal
    severe_aplastic_anaemia = 14,  ///< severe aplastic anaemia (non-malignant)
    other_non_malignant = 15,      ///< any other non-malignant indication
    other_malignant = 16,          ///< a malignancy in none of the categories above
};

namespace detail {
template <>
struct enum_values<disease> {
    static constexpr std::array entries{
        enum_entry{disease::aml, "aml"},
        enum_entry{disease::mds, "mds"},
        enum_entry{disease::all, "all"},
        enum_entry{disease::cll, "cll"},
        enum_entry{disease::cml, "cml"},
        enum_entry{disease::indolent_b_nhl, "indolent_b_nhl"},
        enum_entry{disease::mpn, "mpn"},
        enum_entry{disease::myeloma, "myeloma"},
        enum_entry{disease::hodgkin, "hodgkin"},
        enum_entry{disease::dlbcl_or_transformed, "dlbcl_or_transformed"},
        enum_entry{disease::mantle_cell, "mantle_cell"},
        enum_entry{disease::t_cell_nodal, "t_cell_nodal"},
        enum_entry{disease::t_cell_extranodal, "t_cell_extranodal"},
        enum_entry{disease::severe_aplastic_anaemia, "severe_aplastic_anaemia"},
        enum_entry{disease::other_non_malignant, "other_non_malignant"},
        enum_entry{disease::other_malignant, "other_malignant"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(disease d) noexcept {
    switch (d) {
        case disease::aml: return "AML";
        case disease::mds: return "MDS";
        case disease::all: return "ALL";
        case disease::cll: return "CLL";
        case disease::cml: return "CML";
        case disease::indolent_b_nhl: return "indolent B-cell NHL";
        case disease::mpn: return "myeloproliferative neoplasm";
        case disease::myeloma: return "multiple myeloma";
        case disease::hodgkin: return "Hodgkin lymphoma";
        case disease::dlbcl_or_transformed: return "DLBCL/transformed indolent B-NHL";
        case disease::mantle_cell: return "mantle-cell lymphoma";
        case disease::t_cell_nodal: return "T-cell lymphoma, nodal";
        case disease::t_cell_extranodal: return "T-cell lymphoma, extranodal";
        case disease::severe_aplastic_anaemia: return "severe aplastic anaemia";
        case disease::other_non_malignant: return "other non-malignant indication";
        case disease::other_malignant: return "other malignancy";
    }
    return detail::invalid_enum_text(d);
}

/// AML cytogenetic risk as the caller's laboratory classified it for the DRI. The DRI papers
/// define the groups (e.g. CIBMTR AML scheme: inv(16) favourable, complex karyotype of 4 or
/// more abnormalities adverse); hsct takes the group, not the karyotype.
enum class cytogenetic_risk : std::uint8_t {
    favourable = 1,
    intermediate = 2,
    adverse = 3,
    not_yet_known = 4,  ///< result pending: the DRI is "TBD cytogenetics"
};

namespace detail {
template <>
struct enum_values<cytogenetic_risk> {
    static constexpr std::array entries{
        enum_entry{cytogenetic_risk::favourable, "favourable"},
        enum_entry{cytogenetic_risk::intermediate, "intermediate"},
        enum_entry{cytogenetic_risk::adverse, "adverse"},
        enum_entry{cytogenetic_risk::not_yet_known, "not_yet_known"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(cytogenetic_risk c) noexcept {
    switch (c) {
        case cytogenetic_risk::favourable: return "favourable cytogenetics";
        case cytogenetic_risk::intermediate: return "intermediate cytogenetics";
        case cytogenetic_risk::adverse: return "adverse cytogenetics";
        case cytogenetic_risk::not_yet_known: return "cytogenetics not yet known";
    }
    return detail::invalid_enum_text(c);
}

/// MDS cytogenetic risk. The DRI has no favourable MDS group, so there is no such value.
enum class mds_cytogenetic_risk : std::uint8_t {
    intermediate = 1,
    adverse = 2,
    not_yet_known = 3,  ///< result pending: the DRI is "TBD cytogenetics"
};

namespace detail {
template <>
struct enum_values<mds_cytogenetic_risk> {
    static constexpr std::array entries{
        enum_entry{mds_cytogenetic_risk::intermediate, "intermediate"},
        enum_entry{mds_cytogenetic_risk::adverse, "adverse"},
        enum_entry{mds_cytogenetic_risk::not_yet_known, "not_yet_known"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(mds_cytogenetic_risk c) noexcept {
    switch (c) {
        case mds_cytogenetic_risk::intermediate: return "intermediate cytogenetics";
        case mds_cytogenetic_risk::adverse: return "adverse cytogenetics";
        case mds_cytogenetic_risk::not_yet_known: return "cytogenetics not yet known";
    }
    return detail::invalid_enum_text(c);
}

/// Disease status at HCT. The CML phases are separate values and apply to CML only.
enum class disease_status : std::uint8_t {
    cr1 = 1,                ///< first complete remission
    cr2 = 2,                ///< second complete remission
    cr3_or_later = 3,       ///< third or later complete remission
    pr1 = 4,                ///< first partial remission
    pr2_or_later = 5,       ///< second or later partial remission
    untreated = 6,          ///< untreated (upfront HCT)
    stable_disease = 7,     ///< stable disease (lymphoma/myeloma)
    induction_failure = 8,  ///< primary induction failure / primary refractory
    active_relapse = 9,     ///< active (untreated or refractory) relapse
    cml_cp1 = 10,            ///< CML, first chronic phase
    cml_cp2_or_later = 11,   ///< CML, second or later chronic phase
    cml_ap = 12,             ///< CML, accelerated phase
    cml_bp = 13,             ///< CML, blast phase / blast crisis
    missing = 14,            ///< status not recorded
};

namespace detail {
template <>
struct enum_values<disease_status> {
    static constexpr std::array entries{
        enum_entry{disease_status::cr1, "cr1"},
        enum_entry{disease_status::cr2, "cr2"},
        enum_entry{disease_status::cr3_or_later, "cr3_or_later"},
        enum_entry{disease_status::pr1, "pr1"},
        enum_entry{disease_status::pr2_or_later, "pr2_or_later"},
        enum_entry{disease_status::untreated, "untreated"},
        enum_entry{disease_status::stable_disease, "stable_disease"},
        enum_entry{disease_status::induction_failure, "induction_failure"},
        enum_entry{disease_status::active_relapse, "active_relapse"},
        enum_entry{disease_status::cml_cp1, "cml_cp1"},
        enum_entry{disease_status::cml_cp2_or_later, "cml_cp2_or_later"},
        enum_entry{disease_status::cml_ap, "cml_ap"},
        enum_entry{disease_status::cml_bp, "cml_bp"},
        enum_entry{disease_status::missing, "missing"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(disease_status s) noexcept {
    switch (s) {
        case disease_status::cr1: return "CR1";
        case disease_status::cr2: return "CR2";
        case disease_status::cr3_or_later: return "CR3 or later";
        case disease_status::pr1: return "PR1";
        case disease_status::pr2_or_later: return "PR2 or later";
        case disease_status::untreated: return "untreated";
        case disease_status::stable_disease: return "stable disease";
        case disease_status::induction_failure: return "primary induction failure";
        case disease_status::active_relapse: return "active relapse";
        case disease_status::cml_cp1: return "CML first chronic phase";
        case disease_status::cml_cp2_or_later: return "CML second or later chronic phase";
        case disease_status::cml_ap: return "CML accelerated phase";
        case disease_status::cml_bp: return "CML blast phase";
        case disease_status::missing: return "missing";
    }
    return detail::invalid_enum_text(s);
}

[[nodiscard]] constexpr bool is_cml_phase(disease_status s) noexcept {
    return s == disease_status::cml_cp1 || s == disease_status::cml_cp2_or_later ||
           s == disease_status::cml_ap || s == disease_status::cml_bp;
}

/// Conditioning intensity, read by the DRI only for PR2 or later (PAT-DRI-003, PAT-DRI-007).
enum class conditioning_intensity : std::uint8_t {
    myeloablative = 1,
    reduced_intensity = 2,
    non_myeloablative = 3,  ///< read as reduced intensity for the PR2 rule (PAT-DRI-007, policy)
    not_stated = 4,
};

namespace detail {
template <>
struct enum_values<conditioning_intensity> {
    static constexpr std::array entries{
        enum_entry{conditioning_intensity::myeloablative, "myeloablative"},
        enum_entry{conditioning_intensity::reduced_intensity, "reduced_intensity"},
        enum_entry{conditioning_intensity::non_myeloablative, "non_myeloablative"},
        enum_entry{conditioning_intensity::not_stated, "not_stated"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(conditioning_intensity c) noexcept {
    switch (c) {
        case conditioning_intensity::myeloablative: return "MAC";
        case conditioning_intensity::reduced_intensity: return "RIC";
        case conditioning_intensity::non_myeloablative: return "NMA";
        case conditioning_intensity::not_stated: return "not stated";
    }
    return detail::invalid_enum_text(c);
}

/// Whom the index is computed for. The DRI was derived in adults; CIBMTR reports a paediatric
/// patient as "N/A - pediatric". hsct does not decide who is paediatric: the caller does.
enum class dri_population : std::uint8_t { adult = 1, pediatric = 2 };

namespace detail {
template <>
struct enum_values<dri_population> {
    static constexpr std::array entries{
        enum_entry{dri_population::adult, "adult"},
        enum_entry{dri_population::pediatric, "pediatric"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(dri_population p) noexcept {
    switch (p) {
        case dri_population::adult: return "adult";
        case dri_population::pediatric: return "paediatric";
    }
    return detail::invalid_enum_text(p);
}

/// A disease with the cytogenetic group it needs. AML and MDS can only be made with one.
class diagnosis {
public:
    [[nodiscard]] static constexpr diagnosis aml(cytogenetic_risk c) noexcept {
        return diagnosis(disease::aml, c, mds_cytogenetic_risk::not_yet_known);
    }
    [[nodiscard]] static constexpr diagnosis mds(mds_cytogenetic_risk c) noexcept {
        return diagnosis(disease::mds, cytogenetic_risk::not_yet_known, c);
    }
    /// Any disease other than AML and MDS, checked at compile time.
    template <disease D>
        requires(D != disease::aml && D != disease::mds && detail::enum_is_valid(D))
    [[nodiscard]] static constexpr diagnosis of() noexcept {
        return diagnosis(D, cytogenetic_risk::not_yet_known, mds_cytogenetic_risk::not_yet_known);
    }
    /// Any disease other than AML and MDS, from a runtime value (e.g. a database code). AML
    /// and MDS are refused as `missing` (their cytogenetic group is part of the diagnosis); a
    /// number that is not a declared disease as out_of_range (PAT-ENUM-001).
    [[nodiscard]] static result<diagnosis> of(disease d, std::string_view field = "disease") {
        if (auto e = detail::check_enum(d, field)) {
            return *e;
        }
        if (d == disease::aml || d == disease::mds) {
            return error(errc::missing, std::string(field), std::string(to_string(d)),
                         "AML and MDS need their cytogenetic risk: use diagnosis::aml(...) or "
                         "diagnosis::mds(...)");
        }
        return diagnosis(d, cytogenetic_risk::not_yet_known, mds_cytogenetic_risk::not_yet_known);
    }

    [[nodiscard]] constexpr disease kind() const noexcept { return d_; }
    /// AML cytogenetic group (meaningful for AML only).
    [[nodiscard]] constexpr cytogenetic_risk aml_cytogenetics() const noexcept { return aml_; }
    /// MDS cytogenetic group (meaningful for MDS only).
    [[nodiscard]] constexpr mds_cytogenetic_risk mds_cytogenetics() const noexcept { return mds_; }
    /// True when the disease needs cytogenetics and they are not yet known.
    [[nodiscard]] constexpr bool cytogenetics_pending() const noexcept {
        return (d_ == disease::aml && aml_ == cytogenetic_risk::not_yet_known) ||
               (d_ == disease::mds && mds_ == mds_cytogenetic_risk::not_yet_known);
    }

    friend constexpr bool operator==(const diagnosis&, const diagnosis&) noexcept = default;

private:
    constexpr diagnosis(disease d, cytogenetic_risk a, mds_cytogenetic_risk m) noexcept
        : d_(d), aml_(a), mds_(m) {}
    disease d_;
    cytogenetic_risk aml_;
    mds_cytogenetic_risk mds_;
};

/// "AML, adverse cytogenetics"
[[nodiscard]] inline std::string to_string(const diagnosis& dx) {
    if (dx.kind() == disease::aml) {
        return hsct::detail::concat({"AML, ", to_string(dx.aml_cytogenetics())});
    }
    if (dx.kind() == disease::mds) {
        return hsct::detail::concat({"MDS, ", to_string(dx.mds_cytogenetics())});
    }
    return std::string(to_string(dx.kind()));
}

namespace detail {
/// PAT-ENUM-001: a diagnosis read from storage: its disease and, for AML or MDS, its
/// cytogenetic group are declared values. Fields "<prefix>.disease", "<prefix>.cytogenetics".
[[nodiscard]] inline std::optional<hsct::error> check_diagnosis(const diagnosis& dx,
                                                                std::string_view prefix) {
    if (!enum_is_valid(dx.kind())) {
        return check_enum(dx.kind(), hsct::detail::concat({prefix, ".disease"}));
    }
    if (dx.kind() == disease::aml && !enum_is_valid(dx.aml_cytogenetics())) {
        return check_enum(dx.aml_cytogenetics(), hsct::detail::concat({prefix, ".cytogenetics"}));
    }
    if (dx.kind() == disease::mds && !enum_is_valid(dx.mds_cytogenetics())) {
        return check_enum(dx.mds_cytogenetics(), hsct::detail::concat({prefix, ".cytogenetics"}));
    }
    return std::nullopt;
}
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

/// Which table assigned the disease and stage rows.
enum class dri_table : std::uint8_t {
    hb24_2012 = 1,                  ///< DRI 2012 as reproduced in EBMT Handbook 2024 ch. 11 (default)
    refined_2014_recollection = 2,  ///< refined DRI 2014, recalled, every row UNVERIFIED
};

namespace detail {
template <>
struct enum_values<dri_table> {
    static constexpr std::array entries{
        enum_entry{dri_table::hb24_2012, "hb24_2012"},
        enum_entry{dri_table::refined_2014_recollection, "refined_2014_recollection"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(dri_table t) noexcept {
    switch (t) {
        case dri_table::hb24_2012: return "DRI 2012 as reproduced in EBMT Handbook 2024 ch. 11";
        case dri_table::refined_2014_recollection:
            return "refined DRI 2014 (Armand, Blood 2014;123:3664, Table 4) - UNVERIFIED "
                   "recollection";
    }
    return detail::invalid_enum_text(t);
}

/// Disease risk group of the DRI's disease table.
enum class dri_disease_risk : std::uint8_t { low = 1, intermediate = 2, high = 3 };

namespace detail {
template <>
struct enum_values<dri_disease_risk> {
    static constexpr std::array entries{
        enum_entry{dri_disease_risk::low, "low"},
        enum_entry{dri_disease_risk::intermediate, "intermediate"},
        enum_entry{dri_disease_risk::high, "high"},
    };
};
}  // namespace detail
/// Stage risk group of the DRI's stage table.
enum class dri_stage_risk : std::uint8_t { low = 1, high = 2 };

namespace detail {
template <>
struct enum_values<dri_stage_risk> {
    static constexpr std::array entries{
        enum_entry{dri_stage_risk::low, "low"},
        enum_entry{dri_stage_risk::high, "high"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(dri_disease_risk r) noexcept {
    switch (r) {
        case dri_disease_risk::low: return "low";
        case dri_disease_risk::intermediate: return "intermediate";
        case dri_disease_risk::high: return "high";
    }
    return detail::invalid_enum_text(r);
}
[[nodiscard]] constexpr std::string_view to_string(dri_stage_risk r) noexcept {
    switch (r) {
        case dri_stage_risk::low: return "low";
        case dri_stage_risk::high: return "high";
    }
    return detail::invalid_enum_text(r);
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
};

namespace detail {
template <>
struct enum_values<dri_category> {
    static constexpr std::array entries{
        enum_entry{dri_category::low, "low"},
        enum_entry{dri_category::intermediate, "intermediate"},
        enum_entry{dri_category::high, "high"},
        enum_entry{dri_category::very_high, "very_high"},
        enum_entry{dri_category::na_non_malignant, "na_non_malignant"},
        enum_entry{dri_category::na_pediatric, "na_pediatric"},
        enum_entry{dri_category::not_classifiable, "not_classifiable"},
        enum_entry{dri_category::missing_disease_status, "missing_disease_status"},
        enum_entry{dri_category::tbd_cytogenetics, "tbd_cytogenetics"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(dri_category c) noexcept {
    switch (c) {
        case dri_category::low: return "Low";
        case dri_category::intermediate: return "Intermediate";
        case dri_category::high: return "High";
        case dri_category::very_high: return "Very high";
        case dri_category::na_non_malignant: return "N/A - non-malignant indication";
        case dri_category::na_pediatric: return "N/A - pediatric";
        case dri_category::not_classifiable: return "N/A - disease not classifiable";
        case dri_category::missing_disease_status: return "Missing disease status";
        case dri_category::tbd_cytogenetics: return "TBD cytogenetics";
    }
    return detail::invalid_enum_text(c);
}

[[nodiscard]] constexpr bool is_score(dri_category c) noexcept {
    return c == dri_category::low || c == dri_category::intermediate ||
           c == dri_category::high || c == dri_category::very_high;
}

/// The 3-group form (PAT-DRI-004): high and very high merged.
enum class dri_three_group : std::uint8_t { low = 1, intermediate = 2, high_or_very_high = 3, not_scored = 4 };

namespace detail {
template <>
struct enum_values<dri_three_group> {
    static constexpr std::array entries{
        enum_entry{dri_three_group::low, "low"},
        enum_entry{dri_three_group::intermediate, "intermediate"},
        enum_entry{dri_three_group::high_or_very_high, "high_or_very_high"},
        enum_entry{dri_three_group::not_scored, "not_scored"},
    };
};
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(dri_three_group g) noexcept {
    switch (g) {
        case dri_three_group::low: return "Low";
        case dri_three_group::intermediate: return "Intermediate";
        case dri_three_group::high_or_very_high: return "High/Very high";
        case dri_three_group::not_scored: return "not scored";
    }
    return detail::invalid_enum_text(g);
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
        case dri_category::tbd_cytogenetics: return dri_three_group::not_scored;
    }
    HSCT_EXPECTS(false, "three_group: dri_category is not a declared value");
    return dri_three_group::not_scored;
}

/// PAT-DRI-001: disease risk x stage risk -> index. Armand, Blood 2012;120:905; as printed in
/// EBMT Handbook 2024 Table 11.1: low+low low; low+high or intermediate+low intermediate;
/// intermediate+high or high+low high; high+high very high.
/// Precondition (contract): both are declared values.
[[nodiscard]] constexpr dri_category combine(dri_disease_risk d, dri_stage_risk s) noexcept {
    HSCT_EXPECTS(detail::enum_is_valid(s), "combine: dri_stage_risk is not a declared value");
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

/// One DRI, with the rows that decided it.
struct dri_result {
    dri_category category;
    std::optional<dri_disease_risk> disease_risk;  ///< set when the disease row applied
    std::optional<dri_stage_risk> stage_risk;      ///< set when the stage row applied
    dri_table table;
    std::string disease_row;  ///< the disease row read (or why none)
    std::string stage_row;    ///< the stage row read (or why none)
    bool disease_row_verified;
    bool stage_row_verified;
    std::string reason;  ///< for a non-score state: which input decided it

    [[nodiscard]] bool scored() const noexcept { return is_score(category); }
    [[nodiscard]] dri_three_group three_group() const noexcept {
        return patient::three_group(category);
    }
    /// True only when every row that decided the result matches its source as read: for the
    /// default table, EBMT Handbook 2024 Table 11.1 [V-HB24] (not the Armand primary).
    [[nodiscard]] bool row_verified() const noexcept {
        return disease_row_verified && stage_row_verified;
    }
    [[nodiscard]] std::string explanation() const {
        std::string out = hsct::detail::concat({"DRI ", to_string(category), " [", to_string(table), "]"});
        if (!reason.empty()) {
            out += hsct::detail::concat({": ", reason});
        }
        constexpr std::string_view matches = " (matches EBMT Handbook 2024 Table 11.1 [V-HB24])";
        if (!disease_row.empty()) {
            out += hsct::detail::concat({"; disease row: ", disease_row,
                                   disease_row_verified ? matches : " (UNVERIFIED)"});
        }
        if (!stage_row.empty()) {
            out += hsct::detail::concat({"; stage row: ", stage_row,
                                   stage_row_verified ? matches : " (UNVERIFIED)"});
        }
        return out;
    }
};

inline std::ostream& operator<<(std::ostream& os, const dri_result& r) {
    return os << r.explanation();
}

/// What the DRI reads.
struct dri_input {
    diagnosis dx;
    disease_status status;
    conditioning_intensity conditioning = conditioning_intensity::not_stated;
    dri_population population = dri_population::adult;
};

}  // namespace hsct::patient

// Internals (not public API). In hsct::detail, not hsct::patient::detail, so that the
// unqualified `detail::` in other patient headers keeps finding hsct::detail.
namespace hsct::detail {

struct dri_disease_row {
    bool classifiable;
    patient::dri_disease_risk risk;
    std::string_view text;
    bool verified;
};

// PAT-DRI-002: disease table as printed in EBMT Handbook 2024 Table 11.1 (adapted from Armand
// 2012). ALL is not in the printed table.
// PAT-DRI-006: the refined-2014 recollection (clinical-scores-conditioning.md §3.3), every
// row unverified; it differs from the handbook table only by listing ALL as intermediate.
constexpr dri_disease_row dri_disease_row_of(const patient::diagnosis& dx, patient::dri_table t) noexcept {
    const bool v = t == patient::dri_table::hb24_2012;
    using dr = patient::dri_disease_risk;
    switch (dx.kind()) {
        case patient::disease::aml:
            switch (dx.aml_cytogenetics()) {
                case patient::cytogenetic_risk::favourable:
                    return {true, dr::low, "low: AML with favourable cytogenetics", v};
                case patient::cytogenetic_risk::intermediate:
                    return {true, dr::intermediate, "intermediate: AML with intermediate cytogenetics", v};
                case patient::cytogenetic_risk::adverse:
                    return {true, dr::high, "high: AML with adverse cytogenetics", v};
                case patient::cytogenetic_risk::not_yet_known: break;
            }
            return {false, dr::low, "", v};
        case patient::disease::mds:
            switch (dx.mds_cytogenetics()) {
                case patient::mds_cytogenetic_risk::intermediate:
                    return {true, dr::intermediate, "intermediate: MDS with intermediate cytogenetics", v};
                case patient::mds_cytogenetic_risk::adverse:
                    return {true, dr::high, "high: MDS with adverse cytogenetics", v};
                case patient::mds_cytogenetic_risk::not_yet_known: break;
            }
            return {false, dr::low, "", v};
        case patient::disease::cll: return {true, dr::low, "low: CLL", v};
        case patient::disease::cml: return {true, dr::low, "low: CML", v};
        case patient::disease::indolent_b_nhl: return {true, dr::low, "low: indolent B-cell NHL", v};
        case patient::disease::mpn:
            return {true, dr::intermediate, "intermediate: myeloproliferative neoplasm", v};
        case patient::disease::myeloma: return {true, dr::intermediate, "intermediate: multiple myeloma", v};
        case patient::disease::hodgkin: return {true, dr::intermediate, "intermediate: Hodgkin lymphoma", v};
        case patient::disease::dlbcl_or_transformed:
            return {true, dr::intermediate, "intermediate: DLBCL/transformed indolent B-NHL", v};
        case patient::disease::mantle_cell:
            return {true, dr::intermediate, "intermediate: mantle-cell lymphoma", v};
        case patient::disease::t_cell_nodal:
            return {true, dr::intermediate, "intermediate: T-cell lymphoma, nodal", v};
        case patient::disease::t_cell_extranodal:
            return {true, dr::high, "high: T-cell lymphoma, extranodal", v};
        case patient::disease::all:
            if (t == patient::dri_table::refined_2014_recollection) {
                return {true, dr::intermediate, "intermediate: ALL (recollection, uncertain)", false};
            }
            return {false, dr::low, "ALL is not in the printed disease table", v};
        case patient::disease::severe_aplastic_anaemia:
        case patient::disease::other_non_malignant:
        case patient::disease::other_malignant: break;
    }
    return {false, dr::low, "not in the disease table", v};
}

struct dri_stage_row {
    enum class kind : std::uint8_t { row, not_printed, needs_conditioning };
    kind k;
    patient::dri_stage_risk risk;
    std::string_view text;
    bool verified;
};

// PAT-DRI-003: stage table as printed in EBMT Handbook 2024 Table 11.1: low = CR1, CR>=2,
// PR1, untreated, CML CP, PR>=2 if RIC; high = PR>=2 if MAC, induction failure, active
// relapse, CML AP or BP. PAT-DRI-007 (policy): NMA is read as RIC for the PR>=2 rule.
// PAT-DRI-006: the refined-2014 recollection drops the conditioning dependence (any PR low).
constexpr dri_stage_row dri_stage_row_of(patient::disease_status s, patient::conditioning_intensity c,
                                         patient::dri_table t) noexcept {
    using k = dri_stage_row::kind;
    using sr = patient::dri_stage_risk;
    const bool v = t == patient::dri_table::hb24_2012;
    switch (s) {
        case patient::disease_status::cr1: return {k::row, sr::low, "low: CR1", v};
        case patient::disease_status::cr2: return {k::row, sr::low, "low: CR2 (printed 'CR >= 2')", v};
        case patient::disease_status::cr3_or_later:
            return {k::row, sr::low, "low: CR3 or later (hsct reading of the printed 'CR >= 2')", v};
        case patient::disease_status::pr1: return {k::row, sr::low, "low: PR1", v};
        // HB24 Table 11.1 prints "untreated" as low stage risk without naming diseases; the
        // original DRI may restrict it to MDS/MPN (not checked), so the row is unverified.
        case patient::disease_status::untreated:
            return {k::row, sr::low,
                    "low: untreated (printed unqualified in HB24; may apply to MDS/MPN only: "
                    "unverified)",
                    false};
        case patient::disease_status::cml_cp1: return {k::row, sr::low, "low: CML chronic phase", v};
        case patient::disease_status::cml_cp2_or_later:
            return {k::row, sr::low,
                    "low: CML second or later chronic phase (hsct reading of the printed 'CML CP')",
                    v};
        case patient::disease_status::cml_ap:
        case patient::disease_status::cml_bp:
            return {k::row, sr::high, "high: CML accelerated or blast phase", v};
        case patient::disease_status::induction_failure:
            return {k::row, sr::high, "high: primary induction failure", v};
        case patient::disease_status::active_relapse: return {k::row, sr::high, "high: active relapse", v};
        case patient::disease_status::pr2_or_later:
            if (t == patient::dri_table::refined_2014_recollection) {
                return {k::row, sr::low, "low: PR2 or later, any conditioning (recollection)", false};
            }
            switch (c) {
                case patient::conditioning_intensity::reduced_intensity:
                    return {k::row, sr::low, "low: PR2 or later after RIC", true};
                case patient::conditioning_intensity::non_myeloablative:
                    return {k::row, sr::low,
                            "low: PR2 or later after NMA, read as RIC (hsct policy PAT-DRI-007)",
                            false};
                case patient::conditioning_intensity::myeloablative:
                    return {k::row, sr::high, "high: PR2 or later after MAC", true};
                case patient::conditioning_intensity::not_stated: break;
            }
            return {k::needs_conditioning, sr::low, "", v};
        case patient::disease_status::stable_disease:
        case patient::disease_status::missing: break;
    }
    return {k::not_printed, sr::low, "", v};
}

}  // namespace hsct::detail

namespace hsct::patient {

/// The Disease Risk Index (PAT-DRI-001..007).
///
/// Order of the non-score states (PAT-DRI-005, hsct policy: CIBMTR publishes the labels, not
/// their precedence): non-malignant indication; paediatric patient; disease not in the table;
/// missing disease status; cytogenetics pending; a status the stage table does not list
/// (stable disease) is "not classifiable".
///
/// Errors: any input enum number that is not a declared value (out_of_range, fields
/// "dri.dx.disease", "dri.dx.cytogenetics", "dri.status", "dri.conditioning",
/// "dri.population", "table"; PAT-ENUM-001); a CML phase for a disease other than CML, or a
/// non-CML status for CML (inconsistent, field "dri.status"); PR2 or later with the
/// conditioning not stated under the handbook table (missing, field "dri.conditioning").
[[nodiscard]] inline result<dri_result> disease_risk_index(const dri_input& in,
                                                           dri_table table = dri_table::hb24_2012) {
    if (auto e = detail::check_diagnosis(in.dx, "dri.dx")) {
        return *e;
    }
    for (auto e : {detail::check_enum(in.status, "dri.status"),
                   detail::check_enum(in.conditioning, "dri.conditioning"),
                   detail::check_enum(in.population, "dri.population"),
                   detail::check_enum(table, "table")}) {
        if (e) {
            return *e;
        }
    }
    const disease d = in.dx.kind();
    const bool malignant =
        d != disease::severe_aplastic_anaemia && d != disease::other_non_malignant;
    if (malignant && in.status != disease_status::missing) {
        if (d == disease::cml && !is_cml_phase(in.status)) {
            return error(errc::inconsistent, "dri.status",
                         hsct::detail::concat({"CML with status ", to_string(in.status)}),
                         "CML takes a CML phase (cml_cp1, cml_cp2_or_later, cml_ap, cml_bp) or missing");
        }
        if (d != disease::cml && is_cml_phase(in.status)) {
            return error(errc::inconsistent, "dri.status",
                         hsct::detail::concat({to_string(d), " with status ", to_string(in.status)}),
                         "CML phases apply to CML only");
        }
    }

    dri_result r{dri_category::not_classifiable, std::nullopt, std::nullopt, table, "", "", true,
                 true, ""};
    if (!malignant) {
        r.category = dri_category::na_non_malignant;
        r.reason = hsct::detail::concat({"disease: ", to_string(d), " is a non-malignant indication"});
        return r;
    }
    if (in.population == dri_population::pediatric) {
        r.category = dri_category::na_pediatric;
        r.reason = "population: paediatric patient (the DRI was derived in adults)";
        return r;
    }
    const auto drow = hsct::detail::dri_disease_row_of(in.dx, table);
    if (!drow.classifiable && !in.dx.cytogenetics_pending()) {
        r.category = dri_category::not_classifiable;
        r.reason = hsct::detail::concat({"disease: ", to_string(in.dx), " - ",
                                   drow.text.empty() ? "not in the disease table" : drow.text});
        r.disease_row_verified = drow.verified;
        return r;
    }
    if (in.status == disease_status::missing) {
        r.category = dri_category::missing_disease_status;
        r.reason = "disease_status: missing";
        return r;
    }
    if (in.dx.cytogenetics_pending()) {
        r.category = dri_category::tbd_cytogenetics;
        r.reason = hsct::detail::concat({"disease: ", to_string(in.dx)});
        return r;
    }
    r.disease_risk = drow.risk;
    r.disease_row = std::string(drow.text);
    r.disease_row_verified = drow.verified;

    const auto srow = hsct::detail::dri_stage_row_of(in.status, in.conditioning, table);
    if (srow.k == hsct::detail::dri_stage_row::kind::needs_conditioning) {
        return error(errc::missing, "dri.conditioning", std::string(to_string(in.conditioning)),
                     "MAC, RIC or NMA: the DRI stage of PR2 or later depends on it");
    }
    if (srow.k == hsct::detail::dri_stage_row::kind::not_printed) {
        r.category = dri_category::not_classifiable;
        r.reason = hsct::detail::concat({"disease_status: ", to_string(in.status),
                                   " is not in the stage table"});
        r.stage_row_verified = srow.verified;
        return r;
    }
    r.stage_risk = srow.risk;
    r.stage_row = std::string(srow.text);
    r.stage_row_verified = srow.verified;
    r.category = combine(drow.risk, srow.risk);
    return r;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_DISEASE_RISK_HPP
