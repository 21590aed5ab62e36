// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Clinical vocabulary that several stages read: the indication for HCT (disease, with the
// cytogenetic group AML and MDS need), disease status, donor type and conditioning intensity.
// Rules live in the stages; this header holds only the words.
#ifndef HSCT_CORE_CLINICAL_HPP
#define HSCT_CORE_CLINICAL_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

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

constexpr auto hsct_enum_table(disease) noexcept {
    return make_enum_table<disease>("disease", {
        {disease::aml, "aml", "AML"},
        {disease::mds, "mds", "MDS"},
        {disease::all, "all", "ALL"},
        {disease::cll, "cll", "CLL"},
        {disease::cml, "cml", "CML"},
        {disease::indolent_b_nhl, "indolent_b_nhl", "indolent B-cell NHL"},
        {disease::mpn, "mpn", "myeloproliferative neoplasm"},
        {disease::myeloma, "myeloma", "multiple myeloma"},
        {disease::hodgkin, "hodgkin", "Hodgkin lymphoma"},
        {disease::dlbcl_or_transformed, "dlbcl_or_transformed", "DLBCL/transformed indolent B-NHL"},
        {disease::mantle_cell, "mantle_cell", "mantle-cell lymphoma"},
        {disease::t_cell_nodal, "t_cell_nodal", "T-cell lymphoma, nodal"},
        {disease::t_cell_extranodal, "t_cell_extranodal", "T-cell lymphoma, extranodal"},
        {disease::severe_aplastic_anaemia, "severe_aplastic_anaemia", "severe aplastic anaemia"},
        {disease::other_non_malignant, "other_non_malignant", "other non-malignant indication"},
        {disease::other_malignant, "other_malignant", "other malignancy"},
    });
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

constexpr auto hsct_enum_table(cytogenetic_risk) noexcept {
    return make_enum_table<cytogenetic_risk>("cytogenetic_risk", {
        {cytogenetic_risk::favourable, "favourable", "favourable cytogenetics"},
        {cytogenetic_risk::intermediate, "intermediate", "intermediate cytogenetics"},
        {cytogenetic_risk::adverse, "adverse", "adverse cytogenetics"},
        {cytogenetic_risk::not_yet_known, "not_yet_known", "cytogenetics not yet known"},
    });
}


/// MDS cytogenetic risk. The DRI has no favourable MDS group, so there is no such value.
enum class mds_cytogenetic_risk : std::uint8_t {
    intermediate = 1,
    adverse = 2,
    not_yet_known = 3,  ///< result pending: the DRI is "TBD cytogenetics"
};

constexpr auto hsct_enum_table(mds_cytogenetic_risk) noexcept {
    return make_enum_table<mds_cytogenetic_risk>("mds_cytogenetic_risk", {
        {mds_cytogenetic_risk::intermediate, "intermediate", "intermediate cytogenetics"},
        {mds_cytogenetic_risk::adverse, "adverse", "adverse cytogenetics"},
        {mds_cytogenetic_risk::not_yet_known, "not_yet_known", "cytogenetics not yet known"},
    });
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

constexpr auto hsct_enum_table(disease_status) noexcept {
    return make_enum_table<disease_status>("disease_status", {
        {disease_status::cr1, "cr1", "CR1"},
        {disease_status::cr2, "cr2", "CR2"},
        {disease_status::cr3_or_later, "cr3_or_later", "CR3 or later"},
        {disease_status::pr1, "pr1", "PR1"},
        {disease_status::pr2_or_later, "pr2_or_later", "PR2 or later"},
        {disease_status::untreated, "untreated", "untreated"},
        {disease_status::stable_disease, "stable_disease", "stable disease"},
        {disease_status::induction_failure, "induction_failure", "primary induction failure"},
        {disease_status::active_relapse, "active_relapse", "active relapse"},
        {disease_status::cml_cp1, "cml_cp1", "CML first chronic phase"},
        {disease_status::cml_cp2_or_later, "cml_cp2_or_later", "CML second or later chronic phase"},
        {disease_status::cml_ap, "cml_ap", "CML accelerated phase"},
        {disease_status::cml_bp, "cml_bp", "CML blast phase"},
        {disease_status::missing, "missing", "missing"},
    });
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

constexpr auto hsct_enum_table(conditioning_intensity) noexcept {
    return make_enum_table<conditioning_intensity>("conditioning_intensity", {
        {conditioning_intensity::myeloablative, "myeloablative", "MAC"},
        {conditioning_intensity::reduced_intensity, "reduced_intensity", "RIC"},
        {conditioning_intensity::non_myeloablative, "non_myeloablative", "NMA"},
        {conditioning_intensity::not_stated, "not_stated", "not stated"},
    });
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
        requires(D != disease::aml && D != disease::mds && hsct::is_valid(D))
    [[nodiscard]] static constexpr diagnosis of() noexcept {
        return diagnosis(D, cytogenetic_risk::not_yet_known, mds_cytogenetic_risk::not_yet_known);
    }
    /// Any disease other than AML and MDS, from a runtime value (e.g. a database code). AML
    /// and MDS are refused as `missing` (their cytogenetic group is part of the diagnosis); a
    /// number that is not a declared disease as out_of_range (CORE-ENUM-002).
    [[nodiscard]] static result<diagnosis> of(disease d, std::string_view field = "disease") {
        if (auto e = hsct::detail::check_enum(d, field)) {
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
/// CORE-ENUM-002: a diagnosis read from storage: its disease and, for AML or MDS, its
/// cytogenetic group are declared values. Fields "<prefix>.disease", "<prefix>.cytogenetics".
[[nodiscard]] HSCT_ALWAYS_INLINE std::optional<hsct::error> check_diagnosis(const diagnosis& dx,
                                                                std::string_view prefix) {
    if (!hsct::is_valid(dx.kind())) {
        return hsct::detail::check_enum(dx.kind(), hsct::detail::concat({prefix, ".disease"}));
    }
    if (dx.kind() == disease::aml && !hsct::is_valid(dx.aml_cytogenetics())) {
        return hsct::detail::check_enum(dx.aml_cytogenetics(), hsct::detail::concat({prefix, ".cytogenetics"}));
    }
    if (dx.kind() == disease::mds && !hsct::is_valid(dx.mds_cytogenetics())) {
        return hsct::detail::check_enum(dx.mds_cytogenetics(), hsct::detail::concat({prefix, ".cytogenetics"}));
    }
    return std::nullopt;
}
}  // namespace detail

/// Donor. Only an HLA-identical sibling (0) and an unrelated donor (1) have points in the
/// published score; autologous HCT has no donor factors (PAT-EBMT-005, PAT-EBMT-007).
enum class donor_type : std::uint8_t {
    hla_identical_sibling = 1,
    unrelated = 2,
    haploidentical = 3,  ///< no published points: refused
    cord_blood = 4,      ///< no published points: refused
    other_related = 5,   ///< no published points: refused
    autologous = 6,
};

constexpr auto hsct_enum_table(donor_type) noexcept {
    return make_enum_table<donor_type>("donor_type", {
        {donor_type::hla_identical_sibling, "hla_identical_sibling", "HLA-identical sibling"},
        {donor_type::unrelated, "unrelated", "unrelated donor"},
        {donor_type::haploidentical, "haploidentical", "haploidentical donor"},
        {donor_type::cord_blood, "cord_blood", "cord blood"},
        {donor_type::other_related, "other_related", "other related donor"},
        {donor_type::autologous, "autologous", "autologous"},
    });
}


}  // namespace hsct

#endif  // HSCT_CORE_CLINICAL_HPP
