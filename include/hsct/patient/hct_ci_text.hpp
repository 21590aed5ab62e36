// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for an HCT-CI result, rendered from its data through a message catalogue
// (CORE-EXPLAIN-002): English by default, any other language by a hsct::table_catalogue.
//
//   auto r = hsct::patient::assess_hct_ci(in);
//   std::string s = hsct::patient::render(*r);          // English
//   std::string d = hsct::patient::render(*r, german);  // words the catalogue has, translated
//
// Layout (one line each): the score and its group with the definition set; then each item that
// scored or was superseded, with the criteria that were met, and each item that could not be
// decided, with the inputs it lacks; then the HCT-CI/age composite. Catalogue words of group "text" used here: "hct_ci", "at_least",
// "definition_set", "tiers", "age_composite", "group", "missing" (see explain_text.hpp).
#ifndef HSCT_PATIENT_HCT_CI_TEXT_HPP
#define HSCT_PATIENT_HCT_CI_TEXT_HPP

#include <cstdint>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/patient/hct_ci.hpp"

namespace hsct::patient {

namespace detail {
/// The usual decimals of an HCT-CI measure (more are shown where CORE-EXPLAIN-003 needs them).
[[nodiscard]] inline int hct_ci_min_decimals(const criterion<hct_ci_criterion>& c) noexcept {
    switch (c.id) {
        case hct_ci_criterion::creatinine:
        case hct_ci_criterion::bilirubin_mild:
        case hct_ci_criterion::bilirubin_severe:
        case hct_ci_criterion::ast_mild:
        case hct_ci_criterion::ast_severe:
        case hct_ci_criterion::alt_mild:
        case hct_ci_criterion::alt_severe: return 2;
        case hct_ci_criterion::bmi: return 1;
        default: return 0;
    }
}
}  // namespace detail

/// One criterion of an HCT-CI result as a line of text.
[[nodiscard]] inline std::string render(const criterion<hct_ci_criterion>& c,
                                        const message_catalogue& cat = english()) {
    return hsct::render(c, cat, detail::hct_ci_min_decimals(c));
}

/// The whole result, one line per item decided or undecided, e.g.
///   HCT-CI 3, high (>= 3); definition set: Sorror 2013 (...); tiers: higher tier only (...)
///   renal, moderate/severe: scored +2
///     creatinine above 2 mg/dL: 2.001 mg/dL > 2 mg/dL: met [PAT-HCTCI-006]
[[nodiscard]] inline std::string render(const hct_ci_result& r,
                                        const message_catalogue& cat = english()) {
    using hsct::detail::concat;
    std::string s = concat({cat.text("text", "hct_ci", "HCT-CI"), " ",
                            hsct::detail::format_number(std::int64_t{r.score.value()})});
    if (!r.complete()) {
        s += concat({" (", cat.text("text", "at_least", "at least"), ")"});
    }
    s += concat({", ", cat.label(r.risk_group), "; ",
                 cat.text("text", "definition_set", "definition set"), ": ",
                 cat.label(r.options.definition_set), "; ", cat.text("text", "tiers", "tiers"),
                 ": ", cat.label(r.options.tiers), "\n"});
    for (const auto& it : r.items()) {
        if (it.status == hct_ci_item_status::not_met) {
            continue;
        }
        s += concat({cat.label(it.item), ": ", cat.label(it.status)});
        if (it.status == hct_ci_item_status::unassessed) {
            // one line: the inputs that are missing
            s += concat({" (", cat.text("text", "missing", "missing"), ":"});
            bool first = true;
            r.for_each_criterion(it.item, [&](const criterion<hct_ci_criterion>& c) {
                if (c.result == outcome::unknown) {
                    s += concat({first ? " " : ", ", cat.label(c.measured.enumerator())});
                    first = false;
                }
            });
            s += ")\n";
            continue;
        }
        if (it.status == hct_ci_item_status::scored) {
            s += concat({" +", hsct::detail::format_number(std::int64_t{it.points.value()})});
        }
        s += '\n';
        r.for_each_criterion(it.item, [&](const criterion<hct_ci_criterion>& c) {
            if (c.result == outcome::met) {
                s += concat({"  ", render(c, cat), "\n"});
            }
        });
    }
    if (r.with_age) {
        const auto& a = *r.with_age;
        s += concat({cat.text("text", "age_composite", "HCT-CI/age"), " ",
                     hsct::detail::format_number(std::int64_t{a.total.value()})});
        if (!a.complete) {
            s += concat({" (", cat.text("text", "at_least", "at least"), ")"});
        }
        s += concat({", ", cat.text("text", "group", "group"), " ", cat.label(a.group), " (",
                     cat.label(a.resolution), ")\n  ", render(a.age, cat), "\n"});
    }
    return s;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_HCT_CI_TEXT_HPP
