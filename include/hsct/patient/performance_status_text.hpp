// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for performance status (CORE-EXPLAIN-002): what each level means, and the rendering of
// KPS<->ECOG conversions and of the age rule's decision, built only from their data through a
// message catalogue (English built in).
//
//   hsct::patient::description(karnofsky_score::of<80>());  // "normal activity takes effort; ..."
//   hsct::patient::render(*to_ecog(kps, kps_ecog_mapping::ma_2010));
//   // "KPS 70 -> ECOG 2 (Ma et al. 2010 (Eur J Cancer 46:3175): KPS 60-70 = ECOG 2) [PAT-PERF-011]"
//
// Catalogue keys: group "karnofsky_level" / "lansky_level" / "ecog_level", key the score as a
// number ("80"); group "performance_status", keys "no_score", "under", "age"; enum labels by
// their table names (kps_ecog_mapping, performance_scale, performance_scale_policy, kps_band,
// performance_scale_criterion, age_resolution, kps_ecog_status).
#ifndef HSCT_PATIENT_PERFORMANCE_STATUS_TEXT_HPP
#define HSCT_PATIENT_PERFORMANCE_STATUS_TEXT_HPP

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain_text.hpp"
#include "hsct/patient/performance_status.hpp"

namespace hsct::patient {

namespace detail {
inline constexpr std::array<std::string_view, 11> perf_level_keys{
    "0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100"};
}  // namespace detail

/// What a KPS level means (hsct's own wording; PAT-PERF-001).
[[nodiscard]] inline std::string_view description(karnofsky_score s,
                                                  const message_catalogue& cat = english()) {
    std::string_view en = "dead";
    switch (s.value()) {
        case 100: en = "normal; no complaints and no sign of disease"; break;
        case 90: en = "carries on normal activity; slight signs or symptoms of disease"; break;
        case 80: en = "normal activity takes effort; some signs or symptoms of disease"; break;
        case 70: en = "looks after self but cannot do normal activity or active work"; break;
        case 60: en = "needs help now and then but manages most personal needs"; break;
        case 50: en = "needs a lot of help and frequent medical care"; break;
        case 40: en = "disabled; needs special care and help"; break;
        case 30: en = "severely disabled; hospital admission indicated, death not imminent"; break;
        case 20: en = "very sick; needs hospital admission and active supportive treatment"; break;
        case 10: en = "moribund; fatal processes progressing fast"; break;
        default: break;
    }
    return cat.text("karnofsky_level",
                    detail::perf_level_keys[static_cast<std::size_t>(s.value() / 10)], en);
}

/// What a Lansky level means (hsct's own wording; PAT-PERF-002).
[[nodiscard]] inline std::string_view description(lansky_score s,
                                                  const message_catalogue& cat = english()) {
    std::string_view en = "unresponsive";
    switch (s.value()) {
        case 100: en = "fully active, as a healthy child"; break;
        case 90: en = "small limits in physically strenuous play only"; break;
        case 80: en = "active but tires sooner; limited in strenuous play"; break;
        case 70: en = "plays less, and less time spent playing actively"; break;
        case 60: en = "up and about but little active play; busy with quieter play"; break;
        case 50: en = "dresses but lies about much of the day; no active play, joins quiet play"; break;
        case 40: en = "mostly in bed; takes part in quiet activities"; break;
        case 30: en = "in bed; needs help even with quiet play"; break;
        case 20: en = "often asleep; play limited to very passive activities"; break;
        case 10: en = "does not play; does not get out of bed"; break;
        default: break;
    }
    return cat.text("lansky_level",
                    detail::perf_level_keys[static_cast<std::size_t>(s.value() / 10)], en);
}

/// What an ECOG grade means (hsct's own wording; PAT-PERF-003; grade 3 "more than 50%" as Oken
/// 1982 prints it).
[[nodiscard]] inline std::string_view description(ecog_score s,
                                                  const message_catalogue& cat = english()) {
    std::string_view en = "dead";
    switch (s.value()) {
        case 0: en = "fully active; does everything as before the illness"; break;
        case 1: en = "limited in strenuous activity; walks about and can do light or desk work"; break;
        case 2: en = "walks about and looks after self but cannot work; up more than 50% of waking hours"; break;
        case 3: en = "limited self-care; in bed or chair more than 50% of waking hours"; break;
        case 4: en = "completely disabled; no self-care; confined to bed or chair"; break;
        default: break;
    }
    // ECOG grades 0-5 are keys "0".."5" (the first six level keys are "0".."50": not used here)
    static constexpr std::array<std::string_view, 6> keys{"0", "1", "2", "3", "4", "5"};
    return cat.text("ecog_level", keys[static_cast<std::size_t>(s.value())], en);
}

/// "KPS 70 -> ECOG 2 (Ma et al. 2010 (Eur J Cancer 46:3175): KPS 60-70 = ECOG 2) [PAT-PERF-011]";
/// a score the table has no row for: "KPS 0 -> not defined by this mapping (Ma et al. ...)
/// [PAT-PERF-011]".
[[nodiscard]] inline std::string render(const ecog_from_kps& r,
                                        const message_catalogue& cat = english()) {
    std::string s =
        r.ecog && r.band
            ? hsct::detail::concat({to_string(r.kps), " -> ", to_string(*r.ecog), " (",
                                    cat.label(r.mapping), ": ", to_string(*r.band), " = ",
                                    to_string(*r.ecog), ")"})
            : hsct::detail::concat({to_string(r.kps), " -> ", cat.label(r.status), " (",
                                    cat.label(r.mapping), ")"});
    if (!r.verified) {
        s += hsct::detail::concat(
            {" (", cat.text("text", "unverified", "hsct reading, unverified"), ")"});
    }
    if (r.requirement != nullptr && r.requirement[0] != '\0') {
        s += hsct::detail::concat({" [", r.requirement, "]"});
    }
    return s;
}

/// "ECOG 1 -> KPS 70-80 (conventional KPS-ECOG table) [PAT-PERF-010]"
[[nodiscard]] inline std::string render(const kps_from_ecog& r,
                                        const message_catalogue& cat = english()) {
    std::string s = hsct::detail::concat(
        {to_string(r.ecog), " -> ",
         r.range ? to_string(*r.range) : std::string(cat.label(r.status)), " (",
         cat.label(r.mapping), ")"});
    if (!r.verified) {
        s += hsct::detail::concat(
            {" (", cat.text("text", "unverified", "hsct reading, unverified"), ")"});
    }
    if (r.requirement != nullptr && r.requirement[0] != '\0') {
        s += hsct::detail::concat({" [", r.requirement, "]"});
    }
    return s;
}

/// "Lansky under CIBMTR Appendix L (current), age 15 y 11 mo (completed years): age at least
/// 16 years (Karnofsky): 15 years >= 16 years: not met [PAT-PERF-020]; age under 1 year (no
/// score): 191 months < 12 months: not met [PAT-PERF-020]"
[[nodiscard]] inline std::string render(const performance_scale_result& r,
                                        const message_catalogue& cat = english()) {
    std::string s(r.scale ? cat.label(*r.scale)
                          : cat.text("performance_status", "no_score", "no score (leave blank)"));
    s += hsct::detail::concat({" ", cat.text("performance_status", "under", "under"), " ",
                               cat.label(r.options.rule), ", ",
                               cat.text("performance_status", "age", "age"), " ",
                               to_string(r.at), " (", cat.label(r.options.resolution), "): "});
    bool first = true;
    for (const auto& c : r.criteria) {
        if (!first) {
            s += "; ";
        }
        first = false;
        s += hsct::render(c, cat, r.options.resolution == age_resolution::exact ? 2 : 0);
    }
    return s;
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_PERFORMANCE_STATUS_TEXT_HPP
