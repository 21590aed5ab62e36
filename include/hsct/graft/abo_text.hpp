// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for an ABO-incompatible product (GRAFT-ABO-001..003), rendered from the abo_graft_result's
// data through a message catalogue:
//
//   hsct::graft::render(*assess_abo_graft(marrow, in));
//   // "major ABO incompatibility: red cells: reduction to be considered (red-cell volume above the
//   //  limit: 80.0 mL > 30 mL: met; recipient's anti-donor titre above the limit: 1:64 > 1:32: met)
//   //  (hsct reading, unverified) [GRAFT-ABO-002]; plasma: does not apply to this ABO relation"
//   hsct::graft::to_string(titre);    // "1:64", "negative"
//
// Catalogue keys: group "abo_graft", keys "red_cells", "plasma", "negative", "missing",
// "unverified"; enum labels by their table names (abo_relation, abo_graft_action,
// abo_graft_criterion, abo_graft_field, outcome, comparator).
#ifndef HSCT_GRAFT_ABO_TEXT_HPP
#define HSCT_GRAFT_ABO_TEXT_HPP

#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/graft/abo.hpp"

namespace hsct::graft {

/// "1:64", or "negative" (through the catalogue).
[[nodiscard]] inline std::string to_string(agglutinin_titre t, const message_catalogue& cat = english()) {
    if (t.is_negative()) {
        return std::string(cat.text("abo_graft", "negative", "negative"));
    }
    return hsct::detail::concat({"1:", std::to_string(t.reciprocal())});
}

namespace detail {
/// One criterion: titres as "1:n" (the generic render would print the reciprocal alone).
[[nodiscard]] inline std::string abo_criterion_text(const hsct::criterion<abo_graft_criterion>& c,
                                                    const message_catalogue& cat) {
    const bool titre = c.id == abo_graft_criterion::recipient_titre || c.id == abo_graft_criterion::donor_titre;
    if (!titre || c.measured.what() != hsct::measure::kind::count) {
        auto bare = c;  // the requirement and the verification mark are said once for the side
        bare.verified = true;
        bare.requirement = "";
        return hsct::render(bare, cat, 1);
    }
    const auto titre_of = [&cat](double reciprocal) {
        return reciprocal == 0.0 ? std::string(cat.text("abo_graft", "negative", "negative"))
                                 : hsct::detail::concat({"1:", hsct::format_fixed(reciprocal, 0)});
    };
    return hsct::detail::concat({cat.label(c.id), ": ", titre_of(c.measured.number()), " ", cat.label(c.cmp), " ",
                                 titre_of(c.threshold), ": ", cat.label(c.result)});
}
}  // namespace detail

/// "<relation>: red cells: <action> (<criteria>)[ (unverified)] [GRAFT-ABO-002]; plasma: <action>
/// (<criteria>) [GRAFT-ABO-003]". A side that does not apply says so, without criteria.
[[nodiscard]] inline std::string render(const abo_graft_result& r, const message_catalogue& cat = english()) {
    const auto side = [&](const char* key, const char* fallback, abo_graft_action a, bool red, const char* requirement) {
        std::string s = hsct::detail::concat({cat.text("abo_graft", key, fallback), ": ", cat.label(a)});
        if (a == abo_graft_action::not_applicable) {
            return s;
        }
        const char* sep = " (";
        bool unverified = false;
        for (const auto& c : r.criteria) {
            const bool is_red = c.id == abo_graft_criterion::red_cell_volume || c.id == abo_graft_criterion::recipient_titre;
            if (is_red != red) {
                continue;
            }
            s += hsct::detail::concat({sep, detail::abo_criterion_text(c, cat)});
            sep = "; ";
            unverified = unverified || !c.verified;
        }
        if (sep[0] == ';') {
            s += ")";
        }
        if (unverified) {
            s += hsct::detail::concat({" (", cat.text("text", "unverified", "hsct reading, unverified"), ")"});
        }
        s += hsct::detail::concat({" [", requirement, "]"});
        return s;
    };
    return hsct::detail::concat({cat.label(r.relation), ": ",
                                 side("red_cells", "red cells", r.red_cells, true, "GRAFT-ABO-002"), "; ",
                                 side("plasma", "plasma", r.plasma, false, "GRAFT-ABO-003")});
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_ABO_TEXT_HPP
