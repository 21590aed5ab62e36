// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Acute GVHD over an episode: the MAGIC data-collection steps as named, explicit steps, then the
// grade on each day by MAGIC, modified Glucksberg and IBMTR, and the maximum grade of the episode
// with the day it was first reached and the organs that decided it.
//
//   using namespace hsct::complications;
//   std::vector<gvhd_course_day> days = ...;            // one entry a day, by day
//   gvhd_episode ep{hsct::transplant_day::at(20)};      // the day acute GVHD was diagnosed
//   std::vector<gvhd_day_grade> graded(days.size());    // the caller's storage: no allocation here
//   auto r = assess_gvhd_course(days, ep, graded);      // result<gvhd_episode_result>
//   r->magic.grade;  r->magic.day;  r->magic.decided_by;    // the episode's maximum
//
// COMP-AGVHD-006 the data-collection steps (MAGIC, Harris et al. 2016 [V: the 2015 abstract];
// details [U] where the full paper was not read), each a named option:
//  - the episode: every day from 3 days before the diagnosis (the lower-GI onset window) to the
//    episode's end; a day outside is an error naming it (`days[i].day`);
//  - upper GI: stage 1 on a day the clinician finds the symptoms persistent
//    (`gvhd_day::upper_gi_persistent`), or, under `upper_gi_rule::three_days` (default [U]: the
//    source says "persistent", read as lasting 3 days), on a day ending 3 consecutive calendar
//    days with symptoms (`gvhd_day::upper_gi_symptoms`); under `stated` only the clinician's
//    finding counts and the daily symptoms are not read;
//  - lower GI at onset: the highest single-day output of the 3 days before the lower-GI diagnosis
//    (`onset_window::three_days_before`, default [U]) or of the diagnosis day and the 2 before;
//    with no output in the window, the diagnosis day's own (named: onset_window_empty); a
//    diagnosis day not given is the first day whose own output stages 1 or more, and its window
//    ends on that day [P];
//  - lower GI after onset: the mean of the day's and the 2 days before's outputs, of those measured
//    (`stool_average::mean_of_available`, default [U]; days_averaged says how many), or the day's
//    own (`single_day`); episodes count at 200 mL (adult) or 3 mL/kg (child) in the mean [V2];
//  - other causes: the clinician's attribution per organ and day (COMP-AGVHD-002).
// COMP-AGVHD-007 the grade on each day from that day's stages, and the episode's maximum for each
// system, the day it was first reached and the organs that conferred it. The days of the onset
// window before the diagnosis are graded (named before_onset) but not counted in the maxima: they
// are data for the onset stage, not days of the disease [P]. The maximum is the highest daily
// grade, which is what the sources grade; it need not equal the grade of each organ's highest
// stage, since organs can peak on different days.
#ifndef HSCT_COMPLICATIONS_ACUTE_GVHD_COURSE_HPP
#define HSCT_COMPLICATIONS_ACUTE_GVHD_COURSE_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/acute_gvhd.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct::complications {

/// COMP-AGVHD-006: how upper-GI persistence is read.
enum class upper_gi_rule : std::uint8_t {
    three_days = 1,  ///< stated, or symptoms on 3 consecutive calendar days ending that day — default [U]
    stated = 2,      ///< the clinician's persistent finding, as given
};

constexpr auto hsct_enum_table(upper_gi_rule) noexcept {
    return make_enum_table<upper_gi_rule>("upper_gi_rule", {
        {upper_gi_rule::three_days, "three_days", "symptoms on 3 consecutive days"},
        {upper_gi_rule::stated, "stated", "persistence as the clinician states it"},
    });
}

/// COMP-AGVHD-006: the window of the lower-GI onset stage.
enum class onset_window : std::uint8_t {
    three_days_before = 1,        ///< the 3 days before the diagnosis day — default [U]
    diagnosis_and_two_before = 2, ///< the diagnosis day and the 2 before
};

constexpr auto hsct_enum_table(onset_window) noexcept {
    return make_enum_table<onset_window>("onset_window", {
        {onset_window::three_days_before, "three_days_before", "the highest day of the 3 days before the diagnosis"},
        {onset_window::diagnosis_and_two_before, "diagnosis_and_two_before", "the highest day of the diagnosis day and the 2 before"},
    });
}

/// COMP-AGVHD-006: the stool output after the lower-GI onset.
enum class stool_average : std::uint8_t {
    mean_of_available = 1,  ///< the mean of the day and the 2 before, of those measured — default [U]
    single_day = 2,         ///< the day's own output
};

constexpr auto hsct_enum_table(stool_average) noexcept {
    return make_enum_table<stool_average>("stool_average", {
        {stool_average::mean_of_available, "mean_of_available", "3-day mean of the days measured"},
        {stool_average::single_day, "single_day", "the day's own output"},
    });
}

/// One day of the course: the findings and the weight measured that day (the latest weight on or
/// before a day is used).
struct gvhd_course_day {
    gvhd_day findings;
    std::optional<hsct::mass> weight{};
};

/// The episode: the diagnosis day, the lower-GI diagnosis day (none: the first day from the
/// diagnosis on whose own output stages 1 or more [P]) and the last day (none: open).
struct gvhd_episode {
    hsct::transplant_day onset;
    std::optional<hsct::transplant_day> lower_gi_onset{};  ///< on or after the onset, by the end
    std::optional<hsct::transplant_day> end{};
    std::optional<bool> paediatric{};  ///< the patient (the centre's age definition); needed under 50 kg
};

struct gvhd_course_options {
    magic_options magic{};
    keystone_options keystone{};
    upper_gi_rule upper_gi = upper_gi_rule::three_days;
    onset_window onset = onset_window::three_days_before;
    stool_average average = stool_average::mean_of_available;
};

/// COMP-AGVHD-007: one day's stages and grades, with how the stool output was taken.
struct gvhd_day_grade {
    gvhd_day_grade() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    hsct::transplant_day day;
    magic_stages magic;
    magic_grade_result magic_grade;
    keystone_stages keystone;
    keystone_grade_result keystone_grade;
    ibmtr_result ibmtr;
    std::uint8_t stool_days_averaged = 0;  ///< days whose output made the day's (0: none measured)
    bool lower_gi_onset_day = false;       ///< the onset rule (highest day of the window) applied
    bool onset_window_empty = false;       ///< the window held no output: the day's own was used
    bool before_onset = false;             ///< a day of the onset window before the diagnosis: graded, not in the maxima
};

/// The maximum of one system over the episode.
template <class Grade>
struct episode_maximum {
    Grade grade{};
    std::optional<hsct::transplant_day> day;  ///< the first day it was reached
    hsct::fixed_list<organ_stage, 4> decided_by;
};

/// COMP-AGVHD-007: the episode's maxima (the daily grades are in the caller's span).
struct gvhd_episode_result {
    gvhd_episode_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    episode_maximum<agvhd_grade> magic;
    episode_maximum<agvhd_grade> keystone;
    episode_maximum<ibmtr_index> ibmtr;
    std::size_t days = 0;
    gvhd_course_options options;
};

namespace detail::agvhd {

/// A day's stool as one number in the unit its bands use (mL adult, mL/kg child), or none.
[[nodiscard]] inline std::optional<double> stool_amount(const gvhd_day& d, bool child, double kg) noexcept {
    if (!d.stool_volume && !d.stool_episodes) {
        return std::nullopt;
    }
    const double episodes = d.stool_episodes ? static_cast<double>(*d.stool_episodes) : 0.0;
    const double ml = d.stool_volume ? d.stool_volume->in(hsct::units::mL) : 0.0;
    return child ? ml / kg + episodes * child_mL_per_kg_per_episode : ml + episodes * adult_mL_per_episode;
}

template <class Grade>
void track(episode_maximum<Grade>& m, const grade_result<Grade>& g, hsct::transplant_day d) noexcept {
    if (!m.day || m.grade < g.grade) {
        m.grade = g.grade;
        m.day = d;
        m.decided_by = g.decided_by;
    }
}

}  // namespace detail::agvhd

/// COMP-AGVHD-006/007: grades every day of `days` (by day, one entry a day) into `graded` (at
/// least as long) and returns the episode's maxima. Errors: days out of order or outside the
/// episode ("days[i].day"); a day's findings out of range ("days[i].<field>"); a stool measured
/// before any weight ("days[i].weight"); `graded` too short; an undeclared option.
template <class = void>
[[nodiscard]] result<gvhd_episode_result> assess_gvhd_course(std::span<const gvhd_course_day> days,
                                                             const gvhd_episode& episode,
                                                             std::span<gvhd_day_grade> graded,
                                                             const gvhd_course_options& options = {}) {
    result<gvhd_episode_result> out(std::in_place);
    const auto field = [](std::size_t i, std::string_view leaf) {
        return hsct::detail::concat({"days[", std::to_string(i), "].", std::string(leaf)});
    };
    if (auto e = hsct::detail::check_enum(options.upper_gi, "options.upper_gi")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.onset, "options.onset")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.average, "options.average")) {
        out = std::move(*e);
        return out;
    }
    if (graded.size() < days.size()) {
        out = error(errc::out_of_range, "graded", std::to_string(graded.size()),
                    hsct::detail::concat({"at least ", std::to_string(days.size()), " (one a day)"}), "COMP-AGVHD-007");
        return out;
    }
    // day numbers as ints: no day arithmetic that could leave the timeline's range
    const int first = episode.onset.number() - 3;
    if (episode.end && *episode.end < episode.onset) {
        out = error(errc::inconsistent, "episode.end", hsct::to_string(*episode.end),
                    hsct::detail::concat({"on or after the onset, ", hsct::to_string(episode.onset)}), "COMP-AGVHD-006");
        return out;
    }
    if (episode.lower_gi_onset &&
        (*episode.lower_gi_onset < episode.onset || (episode.end && *episode.end < *episode.lower_gi_onset))) {
        out = error(errc::out_of_range, "episode.lower_gi_onset", hsct::to_string(*episode.lower_gi_onset),
                    hsct::detail::concat({"from the onset, ", hsct::to_string(episode.onset),
                                          episode.end ? ", to the end, " + hsct::to_string(*episode.end) : std::string()}),
                    "COMP-AGVHD-006");
        return out;
    }
    for (std::size_t i = 0; i < days.size(); ++i) {
        const auto d = days[i].findings.day;
        if (d.number() < first || (episode.end && *episode.end < d)) {
            out = error(errc::out_of_range, field(i, "day"), hsct::to_string(d),
                        hsct::detail::concat({"3 days before the onset (", hsct::to_string(episode.onset), ") to ",
                                              episode.end ? hsct::to_string(*episode.end) : std::string("the episode's end")}),
                        "COMP-AGVHD-006");
            return out;
        }
        if (i > 0 && !(days[i - 1].findings.day < d)) {
            out = error(errc::inconsistent, field(i, "day"), hsct::to_string(d),
                        hsct::detail::concat({"after the day before it, ", hsct::to_string(days[i - 1].findings.day),
                                              " (one entry a day, by day)"}),
                        "COMP-AGVHD-006");
            return out;
        }
    }
    gvhd_episode_result& r = *out;
    r.options = options;
    r.days = days.size();
    std::optional<hsct::mass> weight;
    // the lower-GI diagnosis day: given, or the first day whose own output stages 1 or more [P]
    std::optional<hsct::transplant_day> lgi_onset = episode.lower_gi_onset;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const auto& cd = days[i];
        if (cd.weight) {
            weight = cd.weight;
        }
        gvhd_day day = cd.findings;
        // upper GI persistence
        if (options.upper_gi == upper_gi_rule::three_days && !day.upper_gi_persistent) {
            bool run = day.upper_gi_symptoms;
            for (std::size_t back = 1; back <= 2 && run; ++back) {
                run = i >= back && days[i - back].findings.day.number() == day.day.number() - static_cast<int>(back) &&
                      days[i - back].findings.upper_gi_symptoms;
            }
            day.upper_gi_persistent = run;
        }
        const gvhd_patient patient{weight, episode.paediatric};
        const bool bloody_or_pain = day.grossly_bloody_stool || day.severe_abdominal_pain;
        const bool has_stool = day.stool_volume.has_value() || day.stool_episodes.has_value();
        const bool given_onset_day = episode.lower_gi_onset && day.day == *episode.lower_gi_onset;
        gvhd_day_grade& g = graded[i];
        g = gvhd_day_grade{};
        g.day = day.day;
        g.before_onset = day.day < episode.onset;
        if ((has_stool || given_onset_day) && !bloody_or_pain && day.lower_gi_cause != gvhd_attribution::other_cause) {
            const auto status = detail::agvhd::child_of(patient, options.magic.child);
            if (status == detail::agvhd::child_status::weight_missing) {
                out = error(errc::missing, field(i, "weight"), "",
                            "a weight on or before the day (adult or child, and mL/kg for a child)", "COMP-AGVHD-001");
                return out;
            }
            if (status == detail::agvhd::child_status::paediatric_missing) {
                out = error(errc::missing, "episode.paediatric", "",
                            "whether the patient is paediatric (under 50 kg: a child's bands only for a child)",
                            "COMP-AGVHD-001");
                return out;
            }
            const bool child = status == detail::agvhd::child_status::child;
            const double kg = weight->in(hsct::units::kg);
            const auto own = detail::agvhd::stool_amount(day, child, kg);
            const double stage1 = child ? 10.0 : 500.0;  // the band of lower-GI stage 1 (COMP-AGVHD-001)
            // COMP-AGVHD-006: the onset found from the output: the first day at stage 1's band or over [P]
            if (!lgi_onset && !g.before_onset && own && hsct::detail::at_least(*own, stage1)) {
                lgi_onset = day.day;
            }
            std::optional<double> amount = own;
            std::uint8_t used = own ? 1 : 0;
            if (lgi_onset && day.day == *lgi_onset) {
                // the onset stage: the highest single day of the window (the day need not have its own)
                g.lower_gi_onset_day = true;
                // a diagnosis day found from the output itself ends its own window [P]: the days
                // before it are below stage 1 by definition
                const bool before = options.onset == onset_window::three_days_before && episode.lower_gi_onset;
                const int lo = lgi_onset->number() - (before ? 3 : 2);
                const int hi = before ? lgi_onset->number() - 1 : lgi_onset->number();
                std::optional<double> best;
                for (std::size_t k = 0; k <= i; ++k) {
                    const auto& f = days[k].findings;
                    if (f.day.number() < lo || hi < f.day.number()) {
                        continue;
                    }
                    if (const auto a = detail::agvhd::stool_amount(f, child, kg); a && (!best || *best < *a)) {
                        best = a;
                    }
                }
                g.onset_window_empty = !best;
                if (best) {
                    amount = best;
                    used = 1;
                }
            } else if (own && lgi_onset && *lgi_onset < day.day && options.average == stool_average::mean_of_available) {
                double sum = *own;
                for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
                    const auto& f = days[i - back].findings;
                    if (f.day.number() < day.day.number() - 2) {
                        break;
                    }
                    if (const auto a = detail::agvhd::stool_amount(f, child, kg)) {
                        sum += *a;
                        ++used;
                    }
                }
                amount = sum / used;
            }
            g.stool_days_averaged = used;
            // the day staged on that amount, as a measured volume (no episodes left to add); none:
            // the lower GI not assessed that day
            day.stool_episodes.reset();
            day.stool_volume.reset();
            if (amount) {
                day.stool_volume = hsct::volume(child ? *amount * kg : *amount, hsct::units::mL);
            }
        }
        auto m = stage_magic(day, patient, options.magic);
        if (!m) {
            const std::string leaf(m.error().field());
            out = hsct::with_field(std::move(m).error(), field(i, leaf.rfind("patient.", 0) == 0 ? leaf.substr(8) : leaf));
            return out;
        }
        auto k = stage_keystone(day, patient, options.keystone);
        if (!k) {
            const std::string leaf(k.error().field());
            out = hsct::with_field(std::move(k).error(), field(i, leaf));
            return out;
        }
        g.magic = *m;
        g.magic_grade = grade_magic(g.magic);
        g.keystone = *k;
        g.keystone_grade = grade_keystone(g.keystone);
        g.ibmtr = grade_ibmtr(g.keystone);
        if (!g.before_onset) {  // the days before the diagnosis are data for the onset window, not the episode
            detail::agvhd::track(r.magic, g.magic_grade, g.day);
            detail::agvhd::track(r.keystone, g.keystone_grade, g.day);
            detail::agvhd::track(r.ibmtr, g.ibmtr, g.day);
        }
    }
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_ACUTE_GVHD_COURSE_HPP
