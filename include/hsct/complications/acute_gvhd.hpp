// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Acute GVHD of one day: organ stages from raw measurements, and the overall grade by MAGIC 2016,
// modified Glucksberg (Keystone 1995) and the IBMTR severity index, each its own rule with its
// policies named; every stage says which measurement decided it, every grade which organ.
//
//   using namespace hsct::complications;
//   gvhd_day d;
//   d.day = hsct::transplant_day::at(21);
//   d.rash_bsa = hsct::percent(30.0, hsct::units::pct);
//   d.bilirubin = hsct::bilirubin(1.8, hsct::units::mg_per_dl);
//   d.stool_volume = hsct::volume(400.0, hsct::units::mL);
//   auto s = stage_magic(d, {hsct::mass(70.0, hsct::units::kg)});   // result<magic_stages>
//   grade_magic(*s).grade;          // agvhd_grade::grade_i, decided by the skin (stage 2)
//
// COMP-AGVHD-001 MAGIC staging (Harris et al. 2016, the table the EBMT Handbook 2024 ch. 43
// prints as Table 43.4 [V-HB24]): skin by the BSA of active erythema: none 0, < 25 % 1, 25-50 % 2,
// > 50 % 3, > 50 % with bullae and desquamation > 5 % BSA 4; liver by bilirubin: < 2 mg/dL 0,
// 2-3 1, 3.1-6 2, 6.1-15 3, > 15 4; upper GI: persistent nausea, vomiting or anorexia 1; lower GI,
// adult: < 500 mL/day (< 3 episodes) 0, 500-999 (3-4) 1, 1000-1500 (5-7) 2, > 1500 (> 7) 3; child
// (< 50 kg): < 10 mL/kg/day (< 4) 0, 10-19.9 (4-6) 1, 20-30 (7-10) 2, > 30 (> 10) 3; severe
// abdominal pain with or without ileus, or grossly bloody stool, 4. The gaps the table prints
// (3 / 3.1, 6 / 6.1, 999 / 1000, 19.9 / 20 mL/kg) are read as half-open bands: 3.0 mg/dL is stage
// 1, 3.05 stage 2 [U, an interpretation: recorded with verified = false at those edges]. Bilirubin
// in umol/L is converted once (17.1 umol/L per mg/dL, core's CORE-ANALYTE-001) and staged on the
// printed mg/dL bands; no second table of rounded umol/L bands is kept (resolutions addendum).
// A day's stool: measured liquid volume, plus unquantified liquid episodes counted at 200 mL
// (adult) or 3 mL/kg (child) when a volume is also measured [V2]; with episodes only, the episode
// bands [V-HB24]. Adult or child: a paediatric patient (the centre's age definition, given by the
// caller) below 50 kg is a child (MAGIC's "children < 50 kg", the default) or at 50 kg and below
// (PDQ) — `child_rule` [C]; an adult under 50 kg keeps the adult bands.
// COMP-AGVHD-002 Attribution: the clinician states per organ whether the finding is GVHD, GVHD
// with another cause, or another cause; another cause stages the organ 0 (MAGIC's "other causes
// excluded by the clinician"); MAGIC does not downgrade for a contributing cause [V2].
// COMP-AGVHD-003 MAGIC grade (by the most severe organ [V-HB24]): IV skin, liver or lower GI 4;
// III liver or lower GI 2-3; II skin 3, liver 1, upper GI 1 or lower GI 1; I skin 1-2 alone; 0.
// COMP-AGVHD-004 modified Glucksberg (Przepiorka 1995, Keystone consensus [V2]; cells [M]):
// skin, liver and gut; the gut stage is the lower-GI volume stage, or 1 for persistent upper-GI
// symptoms with stomach or duodenal histology [V2]; liver and gut one stage lower when another
// cause contributes (`keystone_downgrade`, default apply [V2]); skin 4 = bullae and desquamation
// (`keystone_skin4`: any, the literal wording, default [U]; or MAGIC's > 5 %); grossly bloody
// stool is not a Keystone criterion (`keystone_bloody_stool`, default not stage 4 [U]); grade IV
// skin 4 or liver 4 (and gut 4 under `gut_stage4_grade::grade_iv`, the default: the Seattle, COG
// and MAGIC layout; grade III under `grade_iii`, the Keystone layout recalled by the notes [C]),
// III liver or gut 2-3, II skin 3, liver 1 or gut 1, I skin 1-2. No performance-status
// component (dropped in 1994, HB24 ch. 43 [V-HB24]).
// COMP-AGVHD-005 IBMTR severity index (Rowlings 1997 [V2]; cells [M]) on the Keystone stages:
// D any organ 4; C skin 3, liver 3 or gut 3; B skin 2, liver 1-2 or gut 1-2; A skin 1 alone.
#ifndef HSCT_COMPLICATIONS_ACUTE_GVHD_HPP
#define HSCT_COMPLICATIONS_ACUTE_GVHD_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "hsct/complications/attribution.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/always_inline.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct::complications {

/// The organs acute GVHD is staged in (Keystone's gut is the lower GI tract with upper-GI histology).
enum class agvhd_organ : std::uint8_t { skin = 1, liver = 2, upper_gi = 3, lower_gi = 4 };

constexpr auto hsct_enum_table(agvhd_organ) noexcept {
    return make_enum_table<agvhd_organ>("agvhd_organ", {
        {agvhd_organ::skin, "skin", "skin"},
        {agvhd_organ::liver, "liver", "liver"},
        {agvhd_organ::upper_gi, "upper_gi", "upper GI tract"},
        {agvhd_organ::lower_gi, "lower_gi", "lower GI tract (gut)"},
    });
}

/// What decided an organ's stage.
enum class agvhd_criterion : std::uint8_t {
    rash_bsa = 1,               ///< active erythema, % BSA
    bullae_bsa = 2,             ///< bullae and desquamation, % BSA (skin 4)
    bilirubin = 3,              ///< total bilirubin, mg/dL
    upper_gi_persistent = 4,    ///< persistent nausea, vomiting or anorexia
    upper_gi_histology = 5,     ///< persistent upper-GI symptoms with histology (Keystone gut 1)
    stool_volume = 6,           ///< liquid stool, mL/day (adult)
    stool_volume_per_kg = 7,    ///< liquid stool, mL/kg/day (child)
    stool_episodes = 8,         ///< unmeasured liquid stool episodes a day
    bloody_stool = 9,           ///< grossly bloody stool
    severe_abdominal_pain = 10, ///< severe abdominal pain with or without ileus
    other_cause = 11,           ///< attributed to another cause: stage 0
    other_cause_downgrade = 12, ///< another cause contributes: one stage lower (Keystone)
    not_assessed = 13,          ///< no measurement that day
};

constexpr auto hsct_enum_table(agvhd_criterion) noexcept {
    using c = agvhd_criterion;
    return make_enum_table<agvhd_criterion>("agvhd_criterion", {
        {c::rash_bsa, "rash_bsa", "active erythema (% BSA)"},
        {c::bullae_bsa, "bullae_bsa", "bullae and desquamation (% BSA)"},
        {c::bilirubin, "bilirubin", "total bilirubin"},
        {c::upper_gi_persistent, "upper_gi_persistent", "persistent nausea, vomiting or anorexia"},
        {c::upper_gi_histology, "upper_gi_histology", "persistent upper-GI symptoms with histology"},
        {c::stool_volume, "stool_volume", "liquid stool volume a day"},
        {c::stool_volume_per_kg, "stool_volume_per_kg", "liquid stool volume a day (mL/kg)"},
        {c::stool_episodes, "stool_episodes", "liquid stool episodes a day"},
        {c::bloody_stool, "bloody_stool", "grossly bloody stool"},
        {c::severe_abdominal_pain, "severe_abdominal_pain", "severe abdominal pain with or without ileus"},
        {c::other_cause, "other_cause", "attributed to another cause"},
        {c::other_cause_downgrade, "other_cause_downgrade", "another cause contributes (one stage lower)"},
        {c::not_assessed, "not_assessed", "not assessed that day"},
    });
}

/// The overall grade (MAGIC, modified Glucksberg).
enum class agvhd_grade : std::uint8_t { grade_0 = 1, grade_i = 2, grade_ii = 3, grade_iii = 4, grade_iv = 5 };

constexpr auto hsct_enum_table(agvhd_grade) noexcept {
    return make_enum_table<agvhd_grade>("agvhd_grade", {
        {agvhd_grade::grade_0, "grade_0", "grade 0"},
        {agvhd_grade::grade_i, "grade_i", "grade I"},
        {agvhd_grade::grade_ii, "grade_ii", "grade II"},
        {agvhd_grade::grade_iii, "grade_iii", "grade III"},
        {agvhd_grade::grade_iv, "grade_iv", "grade IV"},
    });
}

/// The IBMTR severity index.
enum class ibmtr_index : std::uint8_t { none = 1, a = 2, b = 3, c = 4, d = 5 };

constexpr auto hsct_enum_table(ibmtr_index) noexcept {
    return make_enum_table<ibmtr_index>("ibmtr_index", {
        {ibmtr_index::none, "none", "no acute GVHD (index 0)"},
        {ibmtr_index::a, "a", "index A"},
        {ibmtr_index::b, "b", "index B"},
        {ibmtr_index::c, "c", "index C"},
        {ibmtr_index::d, "d", "index D"},
    });
}

/// COMP-AGVHD-001: which child is staged on the child's lower-GI bands [C]. Both read "children
/// < 50 kg" as a paediatric patient (the centre's age definition, `gvhd_patient::paediatric`)
/// under the weight: an adult under 50 kg keeps the adult bands.
enum class child_rule : std::uint8_t {
    below_50_kg = 1,          ///< a paediatric patient below 50 kg (MAGIC "children < 50 kg") — default
    at_or_below_50_kg = 2,    ///< a paediatric patient at 50 kg and below (PDQ: "> 50 kg" adult)
};

constexpr auto hsct_enum_table(child_rule) noexcept {
    return make_enum_table<child_rule>("child_rule", {
        {child_rule::below_50_kg, "below_50_kg", "a paediatric patient below 50 kg (MAGIC)"},
        {child_rule::at_or_below_50_kg, "at_or_below_50_kg", "a paediatric patient at 50 kg and below (PDQ)"},
    });
}

/// COMP-AGVHD-004: the grade of Keystone gut stage 4 [C].
enum class gut_stage4_grade : std::uint8_t {
    grade_iv = 1,   ///< grade IV (Seattle, COG's adaptation, MAGIC) — default
    grade_iii = 2,  ///< grade III (the Keystone layout as the notes recall it)
};

constexpr auto hsct_enum_table(gut_stage4_grade) noexcept {
    return make_enum_table<gut_stage4_grade>("gut_stage4_grade", {
        {gut_stage4_grade::grade_iv, "grade_iv", "gut stage 4 is grade IV (Seattle, COG, MAGIC)"},
        {gut_stage4_grade::grade_iii, "grade_iii", "gut stage 4 is grade III (Keystone, as recalled)"},
    });
}

/// COMP-AGVHD-004: what makes Keystone skin stage 4 [U].
enum class keystone_skin4 : std::uint8_t {
    any_bullae = 1,         ///< generalised erythroderma with bullae and desquamation (literal) — default
    bullae_above_5pct = 2,  ///< as MAGIC: bullae and desquamation above 5 % BSA
};

constexpr auto hsct_enum_table(keystone_skin4) noexcept {
    return make_enum_table<keystone_skin4>("keystone_skin4", {
        {keystone_skin4::any_bullae, "any_bullae", "erythroderma with any bullae and desquamation"},
        {keystone_skin4::bullae_above_5pct, "bullae_above_5pct", "erythroderma with bullae above 5 % BSA (as MAGIC)"},
    });
}

/// COMP-AGVHD-004: another contributing cause lowers liver and gut by one stage [V2].
enum class keystone_downgrade : std::uint8_t { apply = 1, off = 2 };

constexpr auto hsct_enum_table(keystone_downgrade) noexcept {
    return make_enum_table<keystone_downgrade>("keystone_downgrade", {
        {keystone_downgrade::apply, "apply", "one stage lower when another cause contributes"},
        {keystone_downgrade::off, "off", "no downgrade"},
    });
}

/// COMP-AGVHD-004: grossly bloody stool under Keystone [U].
enum class keystone_bloody_stool : std::uint8_t { not_stage_4 = 1, stage_4 = 2 };

constexpr auto hsct_enum_table(keystone_bloody_stool) noexcept {
    return make_enum_table<keystone_bloody_stool>("keystone_bloody_stool", {
        {keystone_bloody_stool::not_stage_4, "not_stage_4", "bloody stool is not a Keystone criterion"},
        {keystone_bloody_stool::stage_4, "stage_4", "bloody stool is gut stage 4 (as MAGIC)"},
    });
}

/// One day's raw findings. Missing measurements are values: the organ is "not assessed".
struct gvhd_day {
    hsct::transplant_day day;
    std::optional<hsct::percent> rash_bsa{};     ///< active erythema (maculopapular rash), % BSA
    std::optional<hsct::percent> bullae_bsa{};   ///< bullae and desquamation, % BSA (within the rash)
    std::optional<hsct::bilirubin> bilirubin{};
    std::optional<hsct::volume> stool_volume{};  ///< measured liquid stool that day
    std::optional<std::uint8_t> stool_episodes{};  ///< unmeasured liquid episodes (0-40)
    bool grossly_bloody_stool = false;
    bool severe_abdominal_pain = false;  ///< opioids started or increased for it, performance affected
    bool upper_gi_persistent = false;    ///< persistent nausea, vomiting or anorexia, as the clinician finds it
    /// Nausea, vomiting or anorexia on this day. A day's stage reads only upper_gi_persistent; over
    /// a course, upper_gi_rule::three_days also reads symptoms on 3 consecutive days as persistent.
    bool upper_gi_symptoms = false;
    bool upper_gi_histology = false;     ///< stomach or duodenal histology (Keystone gut 1)
    gvhd_attribution skin_cause = gvhd_attribution::gvhd;
    gvhd_attribution liver_cause = gvhd_attribution::gvhd;
    gvhd_attribution upper_gi_cause = gvhd_attribution::gvhd;
    gvhd_attribution lower_gi_cause = gvhd_attribution::gvhd;
};

/// The patient's side of a day: whether the patient is paediatric and the weight, which together
/// decide the adult or child lower-GI bands, and the per-kg volume.
struct gvhd_patient {
    std::optional<hsct::mass> weight{};   ///< needed for any stool finding
    std::optional<bool> paediatric{};     ///< the centre's age definition; needed under 50 kg
};

struct magic_options {
    child_rule child = child_rule::below_50_kg;
};

struct keystone_options {
    child_rule child = child_rule::below_50_kg;
    gut_stage4_grade gut4 = gut_stage4_grade::grade_iv;
    keystone_skin4 skin4 = keystone_skin4::any_bullae;
    keystone_downgrade downgrade = keystone_downgrade::apply;
    keystone_bloody_stool bloody_stool = keystone_bloody_stool::not_stage_4;
};

/// An organ's stage and the measurement that decided it.
struct organ_stage {
    agvhd_organ organ = agvhd_organ::skin;
    std::uint8_t stage = 0;  ///< 0-4 (upper GI 0-1)
    bool assessed = false;   ///< false: nothing measured that day (stage 0 counted, named as such)
    hsct::criterion<agvhd_criterion> decided_by{};
};

/// COMP-AGVHD-001/002: the four MAGIC organ stages of a day.
struct magic_stages {
    magic_stages() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    hsct::transplant_day day;
    organ_stage skin, liver, upper_gi, lower_gi;
    bool child = false;  ///< the lower GI staged on the child's bands
    magic_options options;
};

/// COMP-AGVHD-004: the three Keystone organ stages of a day (gut: lower GI and upper-GI histology).
struct keystone_stages {
    keystone_stages() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    hsct::transplant_day day;
    organ_stage skin, liver, gut;
    bool child = false;
    keystone_options options;
};

/// A grade and the organs that decided it (each at the stage that confers the grade).
template <class Grade>
struct grade_result {
    Grade grade{};
    hsct::fixed_list<organ_stage, 4> decided_by;  ///< every organ whose stage confers the grade
};

using magic_grade_result = grade_result<agvhd_grade>;
using keystone_grade_result = grade_result<agvhd_grade>;
using ibmtr_result = grade_result<ibmtr_index>;

namespace detail::agvhd {

inline constexpr double adult_mL_per_episode = 200.0;   ///< COMP-AGVHD-001 [V2]
inline constexpr double child_mL_per_kg_per_episode = 3.0;
inline constexpr double child_below_kg = 50.0;
inline constexpr std::uint8_t stool_episodes_max = 40;  ///< hsct's plausibility bound [P]

/// Writes a criterion in place (no temporary: the result is built where it is returned).
HSCT_ALWAYS_INLINE void set_crit(hsct::criterion<agvhd_criterion>& c, agvhd_criterion id, hsct::measure m,
                                 hsct::comparator cmp, double t, bool verified = true) noexcept {
    c.id = id;
    c.result = hsct::outcome::met;
    c.cmp = cmp;
    c.verified = verified;
    c.requirement = "COMP-AGVHD-001";
    c.measured = m;
    c.threshold = t;
}

/// The first band whose lower edge the value reaches (`edges` ascending; `strict[i]` when the
/// edge itself belongs below). Returns the stage and sets the deciding edge.
struct band_hit {
    std::uint8_t stage;
    double edge;
    bool strict;
};
template <std::size_t N>
[[nodiscard]] HSCT_ALWAYS_INLINE band_hit band(double v, const double (&edges)[N], const bool (&strict)[N]) noexcept {
    // the edges ascend, so the number of edges reached is the stage: counted without branches
    std::size_t n = 0;
    for (std::size_t i = 0; i < N; ++i) {
        n += static_cast<std::size_t>(strict[i] ? hsct::detail::above(v, edges[i]) : hsct::detail::at_least(v, edges[i]));
    }
    const std::size_t k = n == 0 ? 0 : n - 1;
    return band_hit{static_cast<std::uint8_t>(n), edges[k], strict[k]};
}

/// The fast check of check_day: true when every finding is in range (no error text built).
[[nodiscard]] HSCT_ALWAYS_INLINE bool day_ok(const gvhd_day& d, const gvhd_patient& p) noexcept {
    const double rash = d.rash_bsa ? d.rash_bsa->in(hsct::units::pct) : 0.0;
    const double bullae = d.bullae_bsa ? d.bullae_bsa->in(hsct::units::pct) : 0.0;
    bool ok = (rash >= 0.0) & (rash <= 100.0) & (bullae >= 0.0) & (bullae <= rash);  // false for NaN
    if (d.bilirubin) {
        const double b = d.bilirubin->in(hsct::units::mg_per_dl);
        const auto& info = hsct::bilirubin::info();
        ok = ok && b >= info.plausible_lo && b <= info.plausible_hi;
    }
    if (d.stool_volume) {
        const double v = d.stool_volume->in(hsct::units::mL);
        ok = ok & (v >= 0.0) & (v <= 20000.0);
    }
    ok = ok & (!d.stool_episodes || *d.stool_episodes <= stool_episodes_max);
    ok = ok && is_valid(d.skin_cause) && is_valid(d.liver_cause) && is_valid(d.upper_gi_cause) &&
         is_valid(d.lower_gi_cause);
    if (p.weight) {
        const double w = p.weight->in(hsct::units::kg);
        ok = ok & (w >= 0.5) & (w <= 500.0);
    }
    return ok;
}

/// The fault of a day that day_ok refused, with its text.
template <class = void>
[[nodiscard]] std::optional<error> check_day(const gvhd_day& d, const gvhd_patient& p) {
    const auto pct = [](const std::optional<hsct::percent>& v, const char* field) -> std::optional<error> {
        if (!v) {
            return std::nullopt;
        }
        const double x = v->in(hsct::units::pct);
        if (!std::isfinite(x) || x < 0.0 || x > 100.0) {
            return error(std::isfinite(x) ? errc::out_of_range : errc::not_finite, field,
                         hsct::detail::concat({hsct::detail::format_number(x), " %"}), "0-100 % BSA", "COMP-AGVHD-001");
        }
        return std::nullopt;
    };
    if (auto e = pct(d.rash_bsa, "rash_bsa")) {
        return e;
    }
    if (auto e = pct(d.bullae_bsa, "bullae_bsa")) {
        return e;
    }
    if (d.bullae_bsa && d.bullae_bsa->in(hsct::units::pct) > d.rash_bsa.value_or(hsct::percent(0.0, hsct::units::pct)).in(hsct::units::pct)) {
        return error(errc::inconsistent, "bullae_bsa",
                     hsct::detail::concat({hsct::detail::format_number(d.bullae_bsa->in(hsct::units::pct)), " %"}),
                     "at most the rash's BSA (bullae are within the rash)", "COMP-AGVHD-001");
    }
    if (d.bilirubin) {
        const double b = d.bilirubin->in(hsct::units::mg_per_dl);
        const auto& info = hsct::bilirubin::info();
        if (!std::isfinite(b) || b < info.plausible_lo || b > info.plausible_hi) {
            return error(std::isfinite(b) ? errc::out_of_range : errc::not_finite, "bilirubin",
                         hsct::detail::concat({hsct::detail::format_number(b), " mg/dL"}),
                         hsct::detail::concat({hsct::detail::format_number(info.plausible_lo), "-",
                                               hsct::detail::format_number(info.plausible_hi), " mg/dL"}),
                         "COMP-AGVHD-001");
        }
    }
    if (d.stool_volume) {
        const double v = d.stool_volume->in(hsct::units::mL);
        if (!std::isfinite(v) || v < 0.0 || v > 20000.0) {
            return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, "stool_volume",
                         hsct::detail::concat({hsct::detail::format_number(v), " mL"}), "0-20000 mL a day",
                         "COMP-AGVHD-001");
        }
    }
    if (d.stool_episodes && *d.stool_episodes > stool_episodes_max) {
        return error(errc::out_of_range, "stool_episodes", std::to_string(*d.stool_episodes), "0-40 a day",
                     "COMP-AGVHD-001");
    }
    for (const auto* a : {&d.skin_cause, &d.liver_cause, &d.upper_gi_cause, &d.lower_gi_cause}) {
        if (auto e = hsct::detail::check_enum(*a, "cause")) {
            return e;
        }
    }
    if (p.weight) {
        const double w = p.weight->in(hsct::units::kg);
        if (!std::isfinite(w) || w < 0.5 || w > 500.0) {
            return error(std::isfinite(w) ? errc::out_of_range : errc::not_finite, "patient.weight",
                         hsct::detail::concat({hsct::detail::format_number(w), " kg"}), "0.5-500 kg", "COMP-AGVHD-001");
        }
    }
    return std::nullopt;
}

/// Adult or child for the lower GI tract, or what is missing to tell.
enum class child_status : std::uint8_t { adult, child, weight_missing, paediatric_missing };

[[nodiscard]] HSCT_ALWAYS_INLINE child_status child_of(const gvhd_patient& p, child_rule r) noexcept {
    if (!p.weight) {
        return child_status::weight_missing;
    }
    const double w = p.weight->in(hsct::units::kg);
    const bool light = r == child_rule::below_50_kg ? w < child_below_kg : w <= child_below_kg;
    if (!light) {
        return child_status::adult;
    }
    if (!p.paediatric) {
        return child_status::paediatric_missing;
    }
    return *p.paediatric ? child_status::child : child_status::adult;
}

HSCT_ALWAYS_INLINE void not_assessed(organ_stage& s, agvhd_organ o) noexcept {
    s.organ = o;
    s.stage = 0;
    s.assessed = false;
    set_crit(s.decided_by, agvhd_criterion::not_assessed, hsct::measure::flag(false), hsct::comparator::present, 0.0);
    s.decided_by.result = hsct::outcome::unknown;
}

HSCT_ALWAYS_INLINE void other_cause(organ_stage& s, agvhd_organ o) noexcept {
    s.organ = o;
    s.stage = 0;
    s.assessed = true;
    set_crit(s.decided_by, agvhd_criterion::other_cause, hsct::measure::flag(true), hsct::comparator::present, 0.0);
    s.decided_by.requirement = "COMP-AGVHD-002";
}

/// Skin: 0 none, 1 < 25 %, 2 25-50 %, 3 > 50 %; 4 by `skin4` (bullae above 5 %, or any bullae).
HSCT_ALWAYS_INLINE void stage_skin(const gvhd_day& d, bool any_bullae_is_4, organ_stage& s) noexcept {
    if (d.skin_cause == gvhd_attribution::other_cause) {
        other_cause(s, agvhd_organ::skin);
        return;
    }
    if (!d.rash_bsa) {
        not_assessed(s, agvhd_organ::skin);
        return;
    }
    s.organ = agvhd_organ::skin;
    s.assessed = true;
    const double x = d.rash_bsa->in(hsct::units::pct);
    // COMP-AGVHD-001: the skin bands by % BSA of active erythema (Keystone reads the same)
    static constexpr double edges[] = {0.0, 25.0, 50.0};
    static constexpr bool strict[] = {true, false, true};
    const auto h = band(x, edges, strict);
    s.stage = h.stage;
    set_crit(s.decided_by, agvhd_criterion::rash_bsa, hsct::measure::of(*d.rash_bsa, hsct::units::pct),
                        h.stage == 0 ? hsct::comparator::less_equal
                                     : (h.strict ? hsct::comparator::greater : hsct::comparator::greater_equal),
                        h.edge);
    if (h.stage == 3 && d.bullae_bsa) {
        const double b = d.bullae_bsa->in(hsct::units::pct);
        // COMP-AGVHD-001/004: skin 4 by bullae above 5 % (MAGIC) or by any bullae (keystone_skin4)
        const bool four = any_bullae_is_4 ? hsct::detail::above(b, 0.0) : hsct::detail::above(b, 5.0);
        if (four) {
            s.stage = 4;
            set_crit(s.decided_by, agvhd_criterion::bullae_bsa, hsct::measure::of(*d.bullae_bsa, hsct::units::pct),
                                hsct::comparator::greater, any_bullae_is_4 ? 0.0 : 5.0, !any_bullae_is_4);
        }
    }
}

/// Liver: < 2 mg/dL 0, 2-3 1, (3, 6] 2, (6, 15] 3, > 15 4 (the gaps read half-open [U]).
HSCT_ALWAYS_INLINE void stage_liver(const gvhd_day& d, organ_stage& s) noexcept {
    if (d.liver_cause == gvhd_attribution::other_cause) {
        other_cause(s, agvhd_organ::liver);
        return;
    }
    if (!d.bilirubin) {
        not_assessed(s, agvhd_organ::liver);
        return;
    }
    s.organ = agvhd_organ::liver;
    s.assessed = true;
    const double b = d.bilirubin->in(hsct::units::mg_per_dl);
    // COMP-AGVHD-001: the liver bands by total bilirubin, mg/dL
    static constexpr double edges[] = {2.0, 3.0, 6.0, 15.0};
    static constexpr bool strict[] = {false, true, true, true};
    const auto h = band(b, edges, strict);
    s.stage = h.stage;
    // the 3 / 3.1 and 6 / 6.1 gaps are hsct's reading: a value inside a printed gap is unverified
    const bool in_gap = (b > 3.0 && b < 3.1) || (b > 6.0 && b < 6.1);
    set_crit(s.decided_by, agvhd_criterion::bilirubin, hsct::measure::of(*d.bilirubin, hsct::units::mg_per_dl),
                        h.stage == 0 ? hsct::comparator::less
                                     : (h.strict ? hsct::comparator::greater : hsct::comparator::greater_equal),
                        h.edge, !in_gap);
}

/// Lower GI volume or episodes, 0-3 (4 is decided by the caller's rule for pain and blood).
HSCT_ALWAYS_INLINE void stage_stool(const gvhd_day& d, bool child, double weight_kg, organ_stage& s) noexcept {
    s.organ = agvhd_organ::lower_gi;
    s.assessed = true;
    // COMP-AGVHD-001: the lower-GI bands: mL a day (adult), mL/kg a day (child), each unmeasured
    // episode counted at 200 mL or 3 mL/kg
    if (d.stool_volume) {
        const double episodes = d.stool_episodes ? static_cast<double>(*d.stool_episodes) : 0.0;
        if (child) {
            const double per_kg = d.stool_volume->in(hsct::units::mL) / weight_kg + episodes * child_mL_per_kg_per_episode;
            static constexpr double edges[] = {10.0, 20.0, 30.0};
            static constexpr bool strict[] = {false, false, true};
            const auto h = band(per_kg, edges, strict);
            s.stage = h.stage;
            set_crit(s.decided_by, agvhd_criterion::stool_volume_per_kg, hsct::measure::count(per_kg, hsct::count_unit::none),
                                h.stage == 0 ? hsct::comparator::less
                                             : (h.strict ? hsct::comparator::greater : hsct::comparator::greater_equal),
                                h.edge, !(per_kg > 19.9 && per_kg < 20.0));
        } else {
            const double ml = d.stool_volume->in(hsct::units::mL) + episodes * adult_mL_per_episode;
            static constexpr double edges[] = {500.0, 1000.0, 1500.0};
            static constexpr bool strict[] = {false, false, true};
            const auto h = band(ml, edges, strict);
            s.stage = h.stage;
            set_crit(s.decided_by, agvhd_criterion::stool_volume, hsct::measure::of(hsct::volume(ml, hsct::units::mL), hsct::units::mL),
                                h.stage == 0 ? hsct::comparator::less
                                             : (h.strict ? hsct::comparator::greater : hsct::comparator::greater_equal),
                                h.edge, !(ml > 999.0 && ml < 1000.0));
        }
        return;
    }
    // COMP-AGVHD-001: episodes only: adult 3 / 5 / 8 a day, child 4 / 7 / 11 a day (all at least)
    const double n = static_cast<double>(*d.stool_episodes);
    static constexpr double adult[] = {3.0, 5.0, 8.0};
    static constexpr double kid[] = {4.0, 7.0, 11.0};
    static constexpr bool strict[] = {false, false, false};
    const auto h = child ? band(n, kid, strict) : band(n, adult, strict);
    s.stage = h.stage;
    set_crit(s.decided_by, agvhd_criterion::stool_episodes, hsct::measure::count(n, hsct::count_unit::none),
                        h.stage == 0 ? hsct::comparator::less : hsct::comparator::greater_equal, h.edge);
}

}  // namespace detail::agvhd

/// COMP-AGVHD-001/002: a day's MAGIC organ stages. Errors: a BSA outside 0-100 % or bullae above
/// the rash; bilirubin, stool volume (0-20,000 mL) or episodes (0-40) out of range; an undeclared
/// attribution or child rule; a weight outside 0.5-500 kg; a measured stool without the weight
/// that decides adult or child ("patient.weight", missing).
template <class = void>
[[nodiscard]] result<magic_stages> stage_magic(const gvhd_day& d, const gvhd_patient& p, const magic_options& o = {}) {
    result<magic_stages> out(std::in_place);
    if (!is_valid(o.child)) [[unlikely]] {
        out = *hsct::detail::check_enum(o.child, "options.child");
        return out;
    }
    if (!detail::agvhd::day_ok(d, p)) [[unlikely]] {  // the text only on error
        if (auto e = detail::agvhd::check_day(d, p)) {
            out = std::move(*e);
            return out;
        }
    }
    magic_stages& s = *out;
    s.day = d.day;
    s.options = o;
    detail::agvhd::stage_skin(d, false, s.skin);
    detail::agvhd::stage_liver(d, s.liver);
    // upper GI
    if (d.upper_gi_cause == gvhd_attribution::other_cause) {
        detail::agvhd::other_cause(s.upper_gi, agvhd_organ::upper_gi);
    } else {
        s.upper_gi.organ = agvhd_organ::upper_gi;
        s.upper_gi.assessed = true;
        s.upper_gi.stage = d.upper_gi_persistent ? 1 : 0;
        detail::agvhd::set_crit(s.upper_gi.decided_by, agvhd_criterion::upper_gi_persistent,
                                             hsct::measure::flag(d.upper_gi_persistent), hsct::comparator::present, 0.0);
        s.upper_gi.decided_by.result = d.upper_gi_persistent ? hsct::outcome::met : hsct::outcome::not_met;
    }
    // lower GI
    if (d.lower_gi_cause == gvhd_attribution::other_cause) {
        detail::agvhd::other_cause(s.lower_gi, agvhd_organ::lower_gi);
        return out;
    }
    if (d.grossly_bloody_stool || d.severe_abdominal_pain) {
        s.lower_gi.organ = agvhd_organ::lower_gi;
        s.lower_gi.assessed = true;
        s.lower_gi.stage = 4;
        detail::agvhd::set_crit(s.lower_gi.decided_by, d.severe_abdominal_pain ? agvhd_criterion::severe_abdominal_pain : agvhd_criterion::bloody_stool,
                         hsct::measure::flag(true), hsct::comparator::present, 0.0);
        return out;
    }
    if (!d.stool_volume && !d.stool_episodes) {
        detail::agvhd::not_assessed(s.lower_gi, agvhd_organ::lower_gi);
        return out;
    }
    const auto child = detail::agvhd::child_of(p, o.child);
    if (child == detail::agvhd::child_status::weight_missing) {
        out = error(errc::missing, "patient.weight", "", "the weight (adult or child bands, and mL/kg for a child)",
                    "COMP-AGVHD-001");
        return out;
    }
    if (child == detail::agvhd::child_status::paediatric_missing) {
        out = error(errc::missing, "patient.paediatric", "",
                    "whether the patient is paediatric (under 50 kg: a child's bands only for a child)",
                    "COMP-AGVHD-001");
        return out;
    }
    s.child = child == detail::agvhd::child_status::child;
    detail::agvhd::stage_stool(d, s.child, p.weight ? p.weight->in(hsct::units::kg) : 0.0, s.lower_gi);
    return out;
}

/// COMP-AGVHD-004: a day's Keystone (modified Glucksberg) organ stages. Errors as stage_magic.
template <class = void>
[[nodiscard]] result<keystone_stages> stage_keystone(const gvhd_day& d, const gvhd_patient& p,
                                                     const keystone_options& o = {}) {
    result<keystone_stages> out(std::in_place);
    if (auto e = hsct::detail::check_enum(o.child, "options.child")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(o.gut4, "options.gut4")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(o.skin4, "options.skin4")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(o.downgrade, "options.downgrade")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(o.bloody_stool, "options.bloody_stool")) {
        out = std::move(*e);
        return out;
    }
    // the lower GI as MAGIC stages it (blood per the policy), then Keystone's own steps
    gvhd_day m = d;
    if (o.bloody_stool == keystone_bloody_stool::not_stage_4) {
        m.grossly_bloody_stool = false;
    }
    magic_options mo;
    mo.child = o.child;
    auto magic = stage_magic(m, p, mo);
    if (!magic) {
        out = std::move(magic).error();
        return out;
    }
    keystone_stages& s = *out;
    s.day = d.day;
    s.options = o;
    s.child = magic->child;
    detail::agvhd::stage_skin(d, o.skin4 == keystone_skin4::any_bullae, s.skin);
    s.liver = magic->liver;
    s.gut = magic->lower_gi;
    s.gut.organ = agvhd_organ::lower_gi;
    // upper-GI symptoms with histology make the gut at least stage 1
    if (d.upper_gi_cause != gvhd_attribution::other_cause && d.upper_gi_persistent && d.upper_gi_histology &&
        s.gut.stage < 1) {
        s.gut.stage = 1;
        s.gut.assessed = true;
        detail::agvhd::set_crit(s.gut.decided_by, agvhd_criterion::upper_gi_histology, hsct::measure::flag(true), hsct::comparator::present, 0.0);
        s.gut.decided_by.requirement = "COMP-AGVHD-004";
    }
    // the Keystone cells are the notes' reproduction [M]: every stage criterion is Keystone's and
    // unverified, whatever MAGIC's staging of the same value says
    for (organ_stage* st : {&s.skin, &s.liver, &s.gut}) {
        if (st->decided_by.id != agvhd_criterion::not_assessed && st->decided_by.id != agvhd_criterion::other_cause) {
            st->decided_by.requirement = "COMP-AGVHD-004";
            st->decided_by.verified = false;
        }
    }
    if (o.downgrade == keystone_downgrade::apply) {
        const auto lower = [](organ_stage& st) {
            if (st.stage > 0) {
                --st.stage;
                st.decided_by.id = agvhd_criterion::other_cause_downgrade;
                st.decided_by.requirement = "COMP-AGVHD-004";
            }
        };
        if (d.liver_cause == gvhd_attribution::gvhd_and_other_cause) {
            lower(s.liver);
        }
        if (d.lower_gi_cause == gvhd_attribution::gvhd_and_other_cause) {
            lower(s.gut);
        }
    }
    return out;
}

namespace detail::agvhd {
template <class Grade>
HSCT_ALWAYS_INLINE void confer(grade_result<Grade>& r, Grade g, const organ_stage& s) noexcept {
    if (g > r.grade) {
        r.grade = g;
        r.decided_by = hsct::fixed_list<organ_stage, 4>{};
    }
    if (g == r.grade && s.stage > 0) {
        r.decided_by.push_back(s);
    }
}
}  // namespace detail::agvhd

/// COMP-AGVHD-003: the MAGIC grade of a day's stages, with every organ that confers it.
[[nodiscard]] inline magic_grade_result grade_magic(const magic_stages& s) noexcept {
    magic_grade_result r;
    r.grade = agvhd_grade::grade_0;
    using g = agvhd_grade;
    constexpr g skin[] = {g::grade_0, g::grade_i, g::grade_i, g::grade_ii, g::grade_iv};
    constexpr g liver_gut[] = {g::grade_0, g::grade_ii, g::grade_iii, g::grade_iii, g::grade_iv};
    detail::agvhd::confer(r, skin[s.skin.stage], s.skin);
    detail::agvhd::confer(r, liver_gut[s.liver.stage], s.liver);
    detail::agvhd::confer(r, s.upper_gi.stage > 0 ? g::grade_ii : g::grade_0, s.upper_gi);
    detail::agvhd::confer(r, liver_gut[s.lower_gi.stage], s.lower_gi);
    return r;
}

/// COMP-AGVHD-004: the modified Glucksberg (Keystone) grade, gut stage 4 per the policy.
[[nodiscard]] inline keystone_grade_result grade_keystone(const keystone_stages& s) noexcept {
    keystone_grade_result r;
    r.grade = agvhd_grade::grade_0;
    using g = agvhd_grade;
    constexpr g skin[] = {g::grade_0, g::grade_i, g::grade_i, g::grade_ii, g::grade_iv};
    constexpr g liver[] = {g::grade_0, g::grade_ii, g::grade_iii, g::grade_iii, g::grade_iv};
    const g gut4 = s.options.gut4 == gut_stage4_grade::grade_iii ? g::grade_iii : g::grade_iv;
    const g gut[] = {g::grade_0, g::grade_ii, g::grade_iii, g::grade_iii, gut4};
    detail::agvhd::confer(r, skin[s.skin.stage], s.skin);
    detail::agvhd::confer(r, liver[s.liver.stage], s.liver);
    detail::agvhd::confer(r, gut[s.gut.stage], s.gut);
    return r;
}

/// COMP-AGVHD-005: the IBMTR severity index of the Keystone stages.
[[nodiscard]] inline ibmtr_result grade_ibmtr(const keystone_stages& s) noexcept {
    ibmtr_result r;
    r.grade = ibmtr_index::none;
    using i = ibmtr_index;
    constexpr i skin[] = {i::none, i::a, i::b, i::c, i::d};
    constexpr i liver_gut[] = {i::none, i::b, i::b, i::c, i::d};
    detail::agvhd::confer(r, skin[s.skin.stage], s.skin);
    detail::agvhd::confer(r, liver_gut[s.liver.stage], s.liver);
    detail::agvhd::confer(r, liver_gut[s.gut.stage], s.gut);
    return r;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_ACUTE_GVHD_HPP
