// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A cord blood unit as the donor stage hands it to the graft stage: the unit's identifier, its
// HLA grade against the patient (cord 6/6 and 8/8 read from it), and its cell doses per kg of
// the recipient as the bank reports them. The graft stage judges the doses; this header only
// carries them, with their units.
//
//   hsct::donor::cord_blood_unit u{"CBU-0042", &grade,
//                                  hsct::cell_dose(3.4, hsct::units::e7_per_kg),   // TNC
//                                  hsct::cell_dose(0.18, hsct::units::e6_per_kg)};  // CD34+
//   u.cord_six();    // the A/B antigen, DRB1 allele total (HB24 ch. 9 section 9.3.4)
//   u.allele_eight();
//
// DON-KIND-002: what travels with a cord blood unit. The HLA grade is required (a unit
// without one is a contract violation of the accessors: check `hla != nullptr` first).
#ifndef HSCT_DONOR_CORD_BLOOD_HPP
#define HSCT_DONOR_CORD_BLOOD_HPP

#include <optional>
#include <string_view>

#include "hsct/core/config.hpp"
#include "hsct/core/units.hpp"
#include "hsct/donor/hla_match.hpp"

namespace hsct::donor {

/// DON-KIND-002: a cord blood unit for the graft stage.
struct cord_blood_unit {
    std::string_view id;                    ///< the bank's identifier (kept alive by the caller)
    const hla_match_result* hla = nullptr;  ///< the unit graded against the patient
    std::optional<hsct::cell_dose> tnc;     ///< total nucleated cells per kg of recipient
    std::optional<hsct::cell_dose> cd34;    ///< CD34+ cells per kg of recipient

    /// Cord 6/6: A and B at antigen level, DRB1 at allele level. Precondition: hla != nullptr.
    [[nodiscard]] const match_total& cord_six() const {
        HSCT_EXPECTS(hla != nullptr, "cord_blood_unit: no HLA grade");
        return hla->total(match_total_kind::cord_six);
    }
    /// 8/8 at allele level (A, B, C, DRB1), the newer practice. Precondition: hla != nullptr.
    [[nodiscard]] const match_total& allele_eight() const {
        HSCT_EXPECTS(hla != nullptr, "cord_blood_unit: no HLA grade");
        return hla->total(match_total_kind::eight, match_level::allele);
    }
};

}  // namespace hsct::donor

#endif  // HSCT_DONOR_CORD_BLOOD_HPP
