// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Whose finding it is: the clinician's attribution of an organ's finding to GVHD, to GVHD with
// another contributing cause, or to another cause. Acute GVHD (COMP-AGVHD-002) and chronic GVHD
// (NIH 2014 organ scoring) both read it; what each does with it is the rule's.
#ifndef HSCT_COMPLICATIONS_ATTRIBUTION_HPP
#define HSCT_COMPLICATIONS_ATTRIBUTION_HPP

#include <cstdint>

#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/enum.hpp"

namespace hsct::complications {

/// The clinician's attribution, per organ (and day, for acute GVHD).
enum class gvhd_attribution : std::uint8_t {
    gvhd = 1,                  ///< GVHD (the default)
    gvhd_and_other_cause = 2,  ///< GVHD with another contributing cause
    other_cause = 3,           ///< another cause explains it entirely
};

constexpr auto hsct_enum_table(gvhd_attribution) noexcept {
    return make_enum_table<gvhd_attribution>("gvhd_attribution", {
        {gvhd_attribution::gvhd, "gvhd", "GVHD"},
        {gvhd_attribution::gvhd_and_other_cause, "gvhd_and_other_cause", "GVHD with another contributing cause"},
        {gvhd_attribution::other_cause, "other_cause", "another cause (not GVHD)"},
    });
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_ATTRIBUTION_HPP
