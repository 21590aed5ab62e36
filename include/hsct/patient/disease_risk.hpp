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
#include <string>
#include <string_view>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/clinical.hpp"
#include "hsct/core/enum.hpp"
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
constexpr dri_disease_row dri_disease_row_of(const hsct::diagnosis& dx, patient::dri_table t) noexcept {
    const bool v = t == patient::dri_table::hb24_2012;
    using dr = patient::dri_disease_risk;
    switch (dx.kind()) {
        case hsct::disease::aml:
            switch (dx.aml_cytogenetics()) {
                case hsct::cytogenetic_risk::favourable:
                    return {true, dr::low, "low: AML with favourable cytogenetics", v};
                case hsct::cytogenetic_risk::intermediate:
                    return {true, dr::intermediate, "intermediate: AML with intermediate cytogenetics", v};
                case hsct::cytogenetic_risk::adverse:
                    return {true, dr::high, "high: AML with adverse cytogenetics", v};
                case hsct::cytogenetic_risk::not_yet_known: break;
            }
            return {false, dr::low, "", v};
        case hsct::disease::mds:
            switch (dx.mds_cytogenetics()) {
                case hsct::mds_cytogenetic_risk::intermediate:
                    return {true, dr::intermediate, "intermediate: MDS with intermediate cytogenetics", v};
                case hsct::mds_cytogenetic_risk::adverse:
                    return {true, dr::high, "high: MDS with adverse cytogenetics", v};
                case hsct::mds_cytogenetic_risk::not_yet_known: break;
            }
            return {false, dr::low, "", v};
        case hsct::disease::cll: return {true, dr::low, "low: CLL", v};
        case hsct::disease::cml: return {true, dr::low, "low: CML", v};
        case hsct::disease::indolent_b_nhl: return {true, dr::low, "low: indolent B-cell NHL", v};
        case hsct::disease::mpn:
            return {true, dr::intermediate, "intermediate: myeloproliferative neoplasm", v};
        case hsct::disease::myeloma: return {true, dr::intermediate, "intermediate: multiple myeloma", v};
        case hsct::disease::hodgkin: return {true, dr::intermediate, "intermediate: Hodgkin lymphoma", v};
        case hsct::disease::dlbcl_or_transformed:
            return {true, dr::intermediate, "intermediate: DLBCL/transformed indolent B-NHL", v};
        case hsct::disease::mantle_cell:
            return {true, dr::intermediate, "intermediate: mantle-cell lymphoma", v};
        case hsct::disease::t_cell_nodal:
            return {true, dr::intermediate, "intermediate: T-cell lymphoma, nodal", v};
        case hsct::disease::t_cell_extranodal:
            return {true, dr::high, "high: T-cell lymphoma, extranodal", v};
        case hsct::disease::all:
            if (t == patient::dri_table::refined_2014_recollection) {
                return {true, dr::intermediate, "intermediate: ALL (recollection, uncertain)", false};
            }
            return {false, dr::low, "ALL is not in the printed disease table", v};
        case hsct::disease::severe_aplastic_anaemia:
        case hsct::disease::other_non_malignant:
        case hsct::disease::other_malignant: break;
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
constexpr dri_stage_row dri_stage_row_of(hsct::disease_status s, hsct::conditioning_intensity c,
                                         patient::dri_table t) noexcept {
    using k = dri_stage_row::kind;
    using sr = patient::dri_stage_risk;
    const bool v = t == patient::dri_table::hb24_2012;
    switch (s) {
        case hsct::disease_status::cr1: return {k::row, sr::low, "low: CR1", v};
        case hsct::disease_status::cr2: return {k::row, sr::low, "low: CR2 (printed 'CR >= 2')", v};
        case hsct::disease_status::cr3_or_later:
            return {k::row, sr::low, "low: CR3 or later (hsct reading of the printed 'CR >= 2')", v};
        case hsct::disease_status::pr1: return {k::row, sr::low, "low: PR1", v};
        // HB24 Table 11.1 prints "untreated" as low stage risk without naming diseases; the
        // original DRI may restrict it to MDS/MPN (not checked), so the row is unverified.
        case hsct::disease_status::untreated:
            return {k::row, sr::low,
                    "low: untreated (printed unqualified in HB24; may apply to MDS/MPN only: "
                    "unverified)",
                    false};
        case hsct::disease_status::cml_cp1: return {k::row, sr::low, "low: CML chronic phase", v};
        case hsct::disease_status::cml_cp2_or_later:
            return {k::row, sr::low,
                    "low: CML second or later chronic phase (hsct reading of the printed 'CML CP')",
                    v};
        case hsct::disease_status::cml_ap:
        case hsct::disease_status::cml_bp:
            return {k::row, sr::high, "high: CML accelerated or blast phase", v};
        case hsct::disease_status::induction_failure:
            return {k::row, sr::high, "high: primary induction failure", v};
        case hsct::disease_status::active_relapse: return {k::row, sr::high, "high: active relapse", v};
        case hsct::disease_status::pr2_or_later:
            if (t == patient::dri_table::refined_2014_recollection) {
                return {k::row, sr::low, "low: PR2 or later, any conditioning (recollection)", false};
            }
            switch (c) {
                case hsct::conditioning_intensity::reduced_intensity:
                    return {k::row, sr::low, "low: PR2 or later after RIC", true};
                case hsct::conditioning_intensity::non_myeloablative:
                    return {k::row, sr::low,
                            "low: PR2 or later after NMA, read as RIC (hsct policy PAT-DRI-007)",
                            false};
                case hsct::conditioning_intensity::myeloablative:
                    return {k::row, sr::high, "high: PR2 or later after MAC", true};
                case hsct::conditioning_intensity::not_stated: break;
            }
            return {k::needs_conditioning, sr::low, "", v};
        case hsct::disease_status::stable_disease:
        case hsct::disease_status::missing: break;
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
    if (auto e = hsct::detail::check_diagnosis(in.dx, "dri.dx")) {
        return *e;
    }
    for (auto e : {hsct::detail::check_enum(in.status, "dri.status"),
                   hsct::detail::check_enum(in.conditioning, "dri.conditioning"),
                   hsct::detail::check_enum(in.population, "dri.population"),
                   hsct::detail::check_enum(table, "table")}) {
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
