// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for the episode machine and its log, rendered from their data through a message
// catalogue:
//
//   hsct::workflow::render(*rejection);
//   // "start conditioning refused in admitted: its condition does not hold (the donor cleared
//   //  (allogeneic)) [WF-EP-003]; allowed: clear the donor, death, withdrawal"
//   hsct::workflow::render(*check.problem);
//   // "entry 7 (line 9): the previous entry's hash does not match: ... [WF-LOG-003]"
//   hsct::workflow::render(episode);   // a summary a clinician reads, one line a stage
//
// Catalogue keys: group "episode", keys "refused_in", "allowed", "none_allowed", "entry",
// "line", "header_or_end", "kind_state", "events", "referred", "evaluation", "hct_ci",
// "karnofsky", "donor", "conditioning", "from", "day0", "product", "cd34", "neutrophils",
// "platelets", "discharged", "acute_gvhd", "chronic_gvhd", "worst", "systemic", "graft_failure",
// "relapse", "death", "last_contact"; enum labels by their table names.
#ifndef HSCT_WORKFLOW_EPISODE_TEXT_HPP
#define HSCT_WORKFLOW_EPISODE_TEXT_HPP

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hsct/core/date.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/workflow/episode.hpp"
#include "hsct/workflow/episode_log.hpp"

namespace hsct::workflow {

/// "<event> refused in <state>: <reason> (<guard>) [<requirement>]; allowed: <event>, ..." (or
/// "no event allowed" at an end).
[[nodiscard]] inline std::string render(const episode_rejection& r, const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat({hsct::is_valid(r.event) ? cat.label(r.event) : std::string_view("(undeclared event)"),
                                          " ", cat.text("episode", "refused_in", "refused in"), " ",
                                          cat.label(r.state), ": ", cat.label(r.reason)});
    if (r.guard && hsct::is_valid(*r.guard)) {
        s += hsct::detail::concat({" (", cat.label(*r.guard), ")"});
    }
    s += hsct::detail::concat({" [", r.requirement, "]"});
    if (r.allowed.empty()) {
        s += hsct::detail::concat({"; ", cat.text("episode", "none_allowed", "no event allowed")});
        return s;
    }
    s += hsct::detail::concat({"; ", cat.text("episode", "allowed", "allowed"), ": "});
    const char* sep = "";
    r.allowed.for_each([&](episode_event e) {
        s += hsct::detail::concat({sep, cat.label(e)});
        sep = ", ";
    });
    return s;
}

/// "entry <n> (line <l>): <fault>: <detail> [<requirement>]" ("the header or end line" for
/// entry 0).
[[nodiscard]] inline std::string render(const log_problem& p, const message_catalogue& cat = english()) {
    const std::string where =
        p.entry == 0 ? std::string(cat.text("episode", "header_or_end", "the header or end line"))
                     : hsct::detail::concat({cat.text("episode", "entry", "entry"), " ", std::to_string(p.entry)});
    std::string s = hsct::detail::concat({where, " (", cat.text("episode", "line", "line"), " ", std::to_string(p.line),
                                          "): ", hsct::is_valid(p.fault) ? cat.label(p.fault) : std::string_view("?"),
                                          ": ", p.detail, " [", p.requirement, "]"});
    if (p.rejection) {
        s += hsct::detail::concat({"; ", render(*p.rejection, cat)});
    }
    return s;
}

namespace detail::episode_text {
/// "D+14 (2025-03-02)", or the date alone without a Day 0 (or outside +-100 years of it).
[[nodiscard]] inline std::string when(const episode& ep, sys_days d) {
    if (ep.day0) {
        const auto offset = (d - *ep.day0).count();
        if (offset >= transplant_day::min_offset && offset <= transplant_day::max_offset) {
            return hsct::detail::concat({hsct::to_string(transplant_day::at(static_cast<std::int32_t>(offset))), " (",
                                         hsct::to_string(d), ")"});
        }
    }
    return hsct::to_string(d);
}
}  // namespace detail::episode_text

/// WF-EP-001: a summary a clinician reads: the kind and state, then one line for each stage the
/// episode recorded (evaluation, donor, conditioning, Day 0 and product, engraftment, discharge,
/// GVHD, graft failure, relapse, death, last contact), dates as transplant days where Day 0 is
/// known. Ends with a newline.
[[nodiscard]] inline std::string render(const episode& ep, const message_catalogue& cat = english()) {
    namespace t = detail::episode_text;
    const auto key = [&](const char* k, const char* english_text) { return cat.text("episode", k, english_text); };
    std::string s = hsct::detail::concat({hsct::is_valid(ep.kind) ? cat.label(ep.kind) : std::string_view("?"), " ",
                                          key("kind_state", "transplant, now"), " ",
                                          hsct::is_valid(ep.state) ? cat.label(ep.state) : std::string_view("?"), " (",
                                          std::to_string(ep.events), " ", key("events", "events"), ")\n"});
    const auto line = [&](std::string_view label, const std::string& text) {
        s += hsct::detail::concat({"  ", label, ": ", text, "\n"});
    };
    line(key("referred", "referred"), hsct::to_string(std::chrono::floor<std::chrono::days>(ep.referred_at)));
    if (ep.evaluation) {
        line(key("evaluation", "evaluation"),
             hsct::detail::concat({key("hct_ci", "HCT-CI"), " ", std::to_string(ep.evaluation->hct_ci.value()), " (",
                                   cat.label(ep.evaluation->hct_ci_risk), "), ", key("karnofsky", "Karnofsky"), " ",
                                   std::to_string(ep.evaluation->karnofsky.value())}));
    }
    if (ep.donor) {
        line(key("donor", "donor"), hsct::detail::concat({cat.label(ep.donor->kind), ", ", std::to_string(ep.donor->matched),
                                                          "/", std::to_string(ep.donor->out_of)}));
    }
    if (ep.conditioning && ep.conditioning_start) {
        line(key("conditioning", "conditioning"),
             hsct::detail::concat({cat.label(ep.conditioning->intensity), ", ", key("from", "from"), " ",
                                   t::when(ep, *ep.conditioning_start)}));
    }
    if (ep.day0 && ep.infused) {
        std::string product = ep.infused->product ? ep.infused->product->printed() : std::string("?");
        line(key("day0", "Day 0"),
             hsct::detail::concat({hsct::to_string(*ep.day0), ", ", key("product", "product"), " ", product, ", ",
                                   key("cd34", "CD34+"), " ",
                                   hsct::detail::format_number(ep.infused->cd34.in(units::e6_per_kg)), " x10^6/kg"}));
    }
    if (ep.neutrophil_engraftment) {
        line(key("neutrophils", "neutrophil engraftment"), t::when(ep, *ep.neutrophil_engraftment));
    }
    if (ep.platelet_engraftment) {
        line(key("platelets", "platelet engraftment"), t::when(ep, *ep.platelet_engraftment));
    }
    if (ep.discharge) {
        line(key("discharged", "discharged"), t::when(ep, *ep.discharge));
    }
    if (ep.acute_gvhd_onset && ep.acute_gvhd_max) {
        line(key("acute_gvhd", "acute GVHD"), hsct::detail::concat({t::when(ep, *ep.acute_gvhd_onset), ", ", key("worst", "worst"),
                                                                    " ", cat.label(*ep.acute_gvhd_max)}));
    }
    if (ep.chronic_gvhd_onset && ep.chronic_gvhd_max) {
        line(key("chronic_gvhd", "chronic GVHD"), hsct::detail::concat({t::when(ep, *ep.chronic_gvhd_onset), ", ",
                                                                        key("worst", "worst"), " ",
                                                                        cat.label(*ep.chronic_gvhd_max)}));
    }
    if (ep.graft_failure) {
        line(key("graft_failure", "graft failure"), t::when(ep, *ep.graft_failure));
    }
    if (ep.relapse) {
        line(key("relapse", "relapse"), t::when(ep, *ep.relapse));
    }
    if (ep.death) {
        line(key("death", "death"), hsct::detail::concat({t::when(ep, *ep.death), ", ",
                                                          ep.death_cause ? cat.label(*ep.death_cause) : std::string_view("?")}));
    } else if (ep.last_contact) {
        line(key("last_contact", "last contact"), t::when(ep, *ep.last_contact));
    }
    return s;
}

}  // namespace hsct::workflow

#endif  // HSCT_WORKFLOW_EPISODE_TEXT_HPP
