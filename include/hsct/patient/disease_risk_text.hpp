// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for a Disease Risk Index result (CORE-EXPLAIN-002), built only from the result's data
// through a message catalogue (English by default):
//
//   #include <hsct/patient/disease_risk_text.hpp>
//   std::string s = hsct::patient::render(*hsct::patient::assess_dri(in));
//   // "DRI High [DRI 2012 as reproduced in EBMT Handbook 2024 ch. 11]; ...; high: AML with
//   //  adverse cytogenetics: AML: met [PAT-DRI-002] (matches EBMT Handbook 2024 Table 11.1
//   //  [V-HB24]); low: CR1: CR1: met [PAT-DRI-003] (matches ...)"
//
// Words of the catalogue group "dri": "index" ("DRI"), "decided_by" ("decided by"),
// "matches_hb24" ("matches EBMT Handbook 2024 Table 11.1 [V-HB24]"). Every enumerator
// (criteria, category, table, outcome, the diseases and statuses read) is looked up by its enum
// table name and id.
#ifndef HSCT_PATIENT_DISEASE_RISK_TEXT_HPP
#define HSCT_PATIENT_DISEASE_RISK_TEXT_HPP

#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/patient/disease_risk.hpp"

namespace hsct::patient {

/// The result as one line of text in the catalogue's language: the category and table, the
/// criterion that decided a non-score state, then every criterion evaluated; a table row that
/// matches EBMT Handbook 2024 Table 11.1 says so, an unverified one is marked as such.
[[nodiscard]] inline std::string render(const dri_result& r,
                                        const hsct::message_catalogue& cat = hsct::english()) {
    namespace hd = hsct::detail;
    std::string out = hd::concat({cat.text("dri", "index", "DRI"), " ", cat.label(r.category),
                                  " [", cat.label(r.options.table), "]"});
    if (r.decided_by) {
        out += hd::concat({" (", cat.text("dri", "decided_by", "decided by"), " ",
                           cat.label(*r.decided_by), ")"});
    }
    for (const auto& c : r.criteria) {
        out += hd::concat({"; ", hsct::render(c, cat)});
        if (is_table_row(c.id) && c.verified) {
            out += hd::concat({" (", cat.text("dri", "matches_hb24",
                                              "matches EBMT Handbook 2024 Table 11.1 [V-HB24]"),
                               ")"});
        }
    }
    return out;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_DISEASE_RISK_TEXT_HPP
