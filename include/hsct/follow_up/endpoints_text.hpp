// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for a patient's endpoints (FU-END-001..007), rendered from the endpoint_result's data
// through a message catalogue:
//
//   hsct::follow_up::render(*assess_endpoints(p));
//   // "Endpoints from Day 0 under chronic GVHD requiring systemic therapy, acute GVHD grade
//   //  III-IV, a relapse dated at the death, followed past a subsequent HCT: overall survival:
//   //  event on D+400 (death) [FU-END-001]; relapse incidence: event on D+245 (relapse or
//   //  progression) [FU-END-002]; non-relapse mortality: competing event on D+245 (relapse or
//   //  progression) [FU-END-003]; ..."
//
// Catalogue keys: group "follow_up" keys "endpoints", "under", "on"; enum labels by their table
// names (endpoint, observation_status, outcome_event_kind, grfs_chronic_gvhd, grfs_acute_gvhd,
// disease_death_policy, subsequent_hct_policy).
#ifndef HSCT_FOLLOW_UP_ENDPOINTS_TEXT_HPP
#define HSCT_FOLLOW_UP_ENDPOINTS_TEXT_HPP

#include <cstddef>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/follow_up/endpoints.hpp"

namespace hsct::follow_up {

/// "<endpoint>: <status> on <day> (<the event that decided it>) [<requirement>]".
[[nodiscard]] inline std::string render(const endpoint_record& r, const message_catalogue& cat = english()) {
    return hsct::detail::concat({cat.label(r.which), ": ", cat.label(r.obs.status), " ",
                                 cat.text("follow_up", "on", "on"), " ", hsct::to_string(r.obs.time), " (",
                                 cat.label(r.decided_by), ") [", r.requirement, "]"});
}

/// "Endpoints from Day 0 under <policies>: <record>; <record>; ...".
[[nodiscard]] inline std::string render(const endpoint_result& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({cat.text("follow_up", "endpoints", "Endpoints from Day 0"), " ",
                                          cat.text("follow_up", "under", "under"), " ",
                                          cat.label(r.options.grfs_chronic), ", ", cat.label(r.options.grfs_acute), ", ",
                                          cat.label(r.options.disease_death), ", ",
                                          cat.label(r.options.subsequent_hct), ": "});
    for (std::size_t i = 0; i < r.records.size(); ++i) {
        if (i > 0) {
            s += "; ";
        }
        s += render(r.records[i], cat);
    }
    return s;
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_ENDPOINTS_TEXT_HPP
