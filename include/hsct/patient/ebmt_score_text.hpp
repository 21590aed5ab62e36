// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for an EBMT risk score result (CORE-EXPLAIN-002), built only from the result's data
// through a message catalogue (English by default):
//
//   #include <hsct/patient/ebmt_score_text.hpp>
//   std::string s = hsct::patient::render(*hsct::patient::assess_ebmt(in));
//   // "EBMT score 4/7 (intermediate, groups 0-2 / 3-4 / 5-7); age 2: age 20 years or older
//   //  (1 point): 45 years >= 20 years: met [PAT-EBMT-001], ...; options: ...; rule: ..."
//   std::string de = hsct::patient::render(result, german_catalogue);
//
// Words of the catalogue group "ebmt": "score" ("EBMT score"), "decided_by" ("decided by"),
// "options" ("options"), "rule" ("rule"), "age" ("age"), "matches_hb24" ("matches EBMT Handbook
// 2024 Table 11.2 [V-HB24]").
// Every enumerator (criteria, factors, groups, policies, status, outcome, units) is looked up
// by its enum table name and id.
#ifndef HSCT_PATIENT_EBMT_SCORE_TEXT_HPP
#define HSCT_PATIENT_EBMT_SCORE_TEXT_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/patient/ebmt_score.hpp"

namespace hsct::patient {

/// The result as one line of text in the catalogue's language: the total and group (or the
/// status and the criterion that decided it), each factor with its points and criteria, the
/// options and the rule version. Ages are shown with the decimals CORE-EXPLAIN-003 needs.
[[nodiscard]] inline std::string render(const ebmt_result& r,
                                        const hsct::message_catalogue& cat = hsct::english()) {
    namespace hd = hsct::detail;
    std::string out(cat.text("ebmt", "score", "EBMT score"));
    out += ' ';
    if (r.scored() && r.total) {
        out += hd::concat({hd::format_number(std::int64_t{r.total->value()}), "/",
                           hd::format_number(std::int64_t{r.maximum.value()}), " ("});
        if (r.group == ebmt_risk_group::not_grouped) {
            out += cat.label(r.options.autologous_grouping);
        } else {
            out += hd::concat({cat.label(r.group), ", ", cat.label(r.options.grouping)});
            if (r.group_extrapolated) {
                out += hd::concat({"; ", cat.label(r.options.autologous_grouping)});
            }
        }
        out += ')';
    } else {
        out += cat.label(r.status);
        if (r.decided_by) {
            out += hd::concat({" (", cat.text("ebmt", "decided_by", "decided by"), " ",
                               cat.label(*r.decided_by), ")"});
        }
        if (!r.missing.empty()) {
            out += ':';
            r.missing.for_each([&](ebmt_field f) {
                out += hd::concat({" ", cat.label(f), " ", cat.text("text", "missing", "missing")});
            });
        }
    }
    for (const ebmt_factor f : hsct::values<ebmt_factor>()) {
        out += hd::concat({"; ", cat.label(f)});
        if (r.scored()) {
            out += hd::concat({" ", hd::format_number(std::int64_t{r.points_of(f).value()})});
        }
        out += ':';
        bool first = true;
        for (const auto& c : r.criteria) {
            if (ebmt_factor_of(c.id) != f) {
                continue;
            }
            out += first ? " " : ", ";
            first = false;
            out += hsct::render(c, cat);
            const bool stage_row = f == ebmt_factor::disease_stage && c.id != ebmt_criterion::stage_defined;
            if (stage_row && c.verified) {
                out += hd::concat({" (", cat.text("ebmt", "matches_hb24",
                                                  "matches EBMT Handbook 2024 Table 11.2 [V-HB24]"),
                                   ")"});
            }
        }
    }
    out += hd::concat({"; ", cat.text("ebmt", "options", "options"), ": ",
                       cat.text("ebmt", "age", "age"), " ", cat.label(r.options.age_reading), ", ",
                       cat.label(r.options.interval), ", ", cat.label(r.options.cml_ap), "; ",
                       cat.text("ebmt", "rule", "rule"), ": ", r.rule_version});
    return out;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_EBMT_SCORE_TEXT_HPP
