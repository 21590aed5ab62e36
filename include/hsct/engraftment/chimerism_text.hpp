// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for donor chimerism (ENG-CHIM-001..003), rendered from the chimerism_result's data through
// a message catalogue:
//
//   hsct::engraftment::render(*assess_chimerism(m));
//   // "split chimerism (lineages differ) under full above 95 % (HB24 ch. 21, ASTCT 2021); lineages
//   //  that differ: split (HB24 ch. 21) [ENG-CHIM-002]: T cells (CD3+) by STR-PCR (sensitivity
//   //  1.0 %): mixed chimerism (donor cells at the full cut-off: 80.0 % > 95 %: not met
//   //  [ENG-CHIM-001]); myeloid cells (CD33+) by STR-PCR (sensitivity 1.0 %): full donor chimerism
//   //  (donor cells at the full cut-off: 99.0 % > 95 %: met [ENG-CHIM-001])"
//   hsct::engraftment::render(m[0]);   // "T cells (CD3+): 80.0 % donor by STR-PCR"
//
// The overall category, the full cut-off (a centre's with its percentage) and how lineages that
// differ are called, then each lineage: its method and the method's sensitivity where the
// sources state one (ENG-CHIM-003), its category and the comparison that decided it (donor %
// with one decimal, more where CORE-EXPLAIN-003 needs them). Catalogue keys: group "chimerism",
// keys "under", "discordant", "by", "sensitivity", "donor", "on"; enum labels by their table
// names (chimerism_category, full_chimerism_cutoff, discordant_lineages, chimerism_lineage,
// chimerism_method, chimerism_criterion, outcome, comparator).
#ifndef HSCT_ENGRAFTMENT_CHIMERISM_TEXT_HPP
#define HSCT_ENGRAFTMENT_CHIMERISM_TEXT_HPP

#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/chimerism.hpp"

namespace hsct::engraftment {

namespace detail {
/// "<method>[ (sensitivity <pct>)]".
[[nodiscard]] inline std::string chimerism_method_text(chimerism_method m, const message_catalogue& cat) {
    std::string s(cat.label(m));
    if (const auto sens = sensitivity(m)) {
        s += hsct::detail::concat({" (", cat.text("chimerism", "sensitivity", "sensitivity"), " ", hsct::display(*sens), ")"});
    }
    return s;
}
}  // namespace detail

/// "T cells (CD3+): 80.0 % donor by STR-PCR[ on D+30]": one measurement as given.
[[nodiscard]] inline std::string render(const chimerism_measurement& m, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({cat.label(m.lineage), ": ", hsct::display(m.donor), " ",
                                          cat.text("chimerism", "donor", "donor"), " ",
                                          cat.text("chimerism", "by", "by"), " ", cat.label(m.method)});
    if (m.day) {
        s += hsct::detail::concat({" ", cat.text("chimerism", "on", "on"), " ", hsct::to_string(*m.day)});
    }
    return s;
}

/// "<overall> under <full cut-off>[ (<pct>)]; lineages that differ: <policy> [ENG-CHIM-002]:
/// <lineage> by <method>: <category> (<criterion>); ...".
[[nodiscard]] inline std::string render(const chimerism_result& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({cat.label(r.overall), " ", cat.text("chimerism", "under", "under"), " ",
                                          cat.label(r.options.full)});
    if (r.options.full == full_chimerism_cutoff::centre) {
        s += hsct::detail::concat({" (", hsct::display(r.options.centre_cutoff), ")"});
    }
    s += hsct::detail::concat({"; ", cat.text("chimerism", "discordant", "lineages that differ"), ": ",
                               cat.label(r.options.discordant), " [ENG-CHIM-002]"});
    const char* sep = ": ";
    for (const auto& l : r.lineages) {
        s += hsct::detail::concat({sep, cat.label(l.lineage), " ", cat.text("chimerism", "by", "by"), " ",
                                   detail::chimerism_method_text(l.method, cat), ": ", cat.label(l.category), " (",
                                   hsct::render(l.decided_by, cat, hsct::display_decimals<hsct::percent>()), ")"});
        sep = "; ";
    }
    return s;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_CHIMERISM_TEXT_HPP
