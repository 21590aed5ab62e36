// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// SOS/VOD diagnosis in adults, from the raw dated measurements of an episode (sos_vod_input.hpp):
// modified Seattle (McDonald 1993), Baltimore (Jones 1987), EBMT 2016 (Mohty, BMT 2016;51:906;
// classical and late onset) and EBMT 2023 refined (Mohty, BMT 2023;58:749; probable, clinical,
// proven). Each rule returns its status, the diagnosis day (the first day the set's criteria held
// together), each criterion with the first day it held (or its nearest miss), which held on the
// diagnosis day, and the options it ran under. Severity is in sos_vod_severity.hpp, the paediatric
// criteria in sos_vod_paediatric.hpp.
//
//   using namespace hsct::complications;
//   auto s = assess_sos_seattle(in);          // result<sos_seattle_result>
//   s->status;                                // sos_status::met
//   s->diagnosis_day;                         // D+14
//   auto e = assess_sos_ebmt2023(in);         // result<sos_ebmt2023_result>
//   e->certainty;                             // sos_ebmt2023_certainty::clinical
//
// Sources: EBMT Handbook 2024 ch. 49 (Carreras, Ruutu, Mohty, Corbacioglu, de la Camara;
// doi:10.1007/978-3-031-44080-9_49) section 49.2.4 and Tables 49.2 and 49.4 [V-HB24]; the reference
// notes section 4 and their resolutions K6, Q12-Q14 ([V2]: knowvodpro, defitelio, WJG 2019).
// Criteria are read on transplant days from D0 to the assessment day; bilirubin is staged in mg/dL
// after one conversion of the input (17.1 umol/L per mg/dL, core).
//
// COMP-SOS-010 modified Seattle bilirubin >= 2 mg/dL (34.2 umol/L) [V2]; some reproductions print
//   "> 2" [C]: options.bilirubin_comparison (greater_equal default).
// COMP-SOS-011 hepatomegaly or right-upper-quadrant pain [V2]; one reproduction "hepatomegaly with
//   RUQ pain" [C]: sos_seattle_liver_sign (either default).
// COMP-SOS-012 weight gain > 2 % of baseline [V2]; HB24 section 49.3.5 prose speaks of the "3 %" of
//   the Seattle criteria [U]: sos_seattle_weight (over_2_percent default).
// COMP-SOS-013 two of the three, held together on a day no later than day 20 (inclusive) [V2].
// COMP-SOS-020 Baltimore bilirubin >= 2 mg/dL mandatory (HB24 Table 49.4 "obligatory >= 2 mg/dL")
//   [V-HB24]; HB24 section 49.3.5 prose ">2 mg/dL" [C]: options.bilirubin_comparison.
// COMP-SOS-021 hepatomegaly, usually painful; one reproduction "with or without pain" [C]:
//   sos_baltimore_hepatomegaly (with_or_without_pain default).
// COMP-SOS-022 ascites [V2].
// COMP-SOS-023 weight gain >= 5 % (Jones reproductions) vs > 5 % (EBMT reproductions) [C]:
//   options.weight_comparison (greater default).
// COMP-SOS-024 bilirubin and two of the other three, held together by day 21 (inclusive) [V2].
// COMP-SOS-030 EBMT 2016 classical: by day 21, bilirubin >= 2 mg/dL and two of painful hepatomegaly,
//   weight gain > 5 %, ascites [V2]/[V-HB24 section 49.2.4 prose].
// COMP-SOS-031 EBMT 2016 late onset (after day 21): those criteria after day 21, or histologically
//   proven SOS/VOD, or two of bilirubin >= 2, painful hepatomegaly, weight gain > 5 %, ascites with
//   haemodynamic and/or ultrasound evidence [V2]/[V-HB24].
// COMP-SOS-032 haemodynamic or ultrasound evidence read as: hepatomegaly or ascites documented by
//   imaging, reduced or reversed portal flow, ultrasound/elastography suggestive of SOS/VOD, or an
//   HVPG at the 2023 proven threshold (no 2016 number was read: that last item is marked [U]).
// COMP-SOS-050 EBMT 2023 probable: two of bilirubin >= 2, painful hepatomegaly, weight gain > 5 %,
//   ascites, ultrasound and/or elastography suggestive (reduced/reversed portal flow counted as an
//   ultrasound finding, HB24 section 49.2.4) [V-HB24 Table 49.2].
// COMP-SOS-051 EBMT 2023 clinical: bilirubin >= 2 and two of painful hepatomegaly, weight gain > 5 %,
//   ascites [V-HB24 Table 49.2].
// COMP-SOS-052 EBMT 2023 proven: histology, or HVPG >= 10 mmHg (Table 49.2); the chapter's prose says
//   "> 10 mmHg" [C]: options.hvpg_comparison (greater_equal default).
// COMP-SOS-053 EBMT 2023: no time limit; diagnosed by day 21 classical, after it late onset; the
//   certainty reported is the highest met by the assessment day [V-HB24].
// COMP-SOS-004 other causes excluded by the clinician (every set); COMP-SOS-005 EBMT adult sets: a
//   patient with an age below options.adult_from_years (18 by default [U]) is not_applicable;
//   COMP-SOS-006 (hsct's [P]) bilirubin_unit_edge: a bilirubin value the printed 34 umol/L would
//   read differently from 2 mg/dL (Baltimore, EBMT 2016).
// A finding with no record reads as absent (list unassessed findings in not_assessed); a missing
// bilirubin or weight series, or a finding marked not assessed (histology included), makes a
// status indeterminate when it could complete the set; an HVPG not measured leaves its criterion
// unknown without doing so.
#ifndef HSCT_COMPLICATIONS_SOS_VOD_HPP
#define HSCT_COMPLICATIONS_SOS_VOD_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "hsct/complications/sos_vod_input.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

// --- Modified Seattle ----------------------------------------------------------------------------

/// COMP-SOS-010..013: the criteria of the modified Seattle set.
enum class sos_seattle_criterion : std::uint8_t {
    bilirubin = 1,     ///< bilirubin >= 2 mg/dL (comparison per options)
    liver_sign = 2,    ///< hepatomegaly or right-upper-quadrant pain (per options)
    weight_gain = 3,   ///< weight gain above 2 % (or 3 %) of baseline
    by_day_20 = 4,     ///< the day two of three first held together, no later than day 20
    other_causes = 5,  ///< other causes excluded
};

constexpr auto hsct_enum_table(sos_seattle_criterion) noexcept {
    using c = sos_seattle_criterion;
    return make_enum_table<sos_seattle_criterion>("sos_seattle_criterion", {
        {c::bilirubin, "bilirubin", "bilirubin at the 2 mg/dL threshold"},
        {c::liver_sign, "liver_sign", "hepatomegaly or right-upper-quadrant pain"},
        {c::weight_gain, "weight_gain", "weight gain above 2 % (or 3 %) of baseline"},
        {c::by_day_20, "by_day_20", "two of three together by day 20"},
        {c::other_causes, "other_causes", "other causes excluded"},
    });
}

/// COMP-SOS-011 [C]: which liver sign the set reads.
enum class sos_seattle_liver_sign : std::uint8_t {
    either = 1,  ///< hepatomegaly or RUQ pain (default; most reproductions)
    both = 2,    ///< hepatomegaly with RUQ pain (one reproduction)
};

constexpr auto hsct_enum_table(sos_seattle_liver_sign) noexcept {
    return make_enum_table<sos_seattle_liver_sign>("sos_seattle_liver_sign", {
        {sos_seattle_liver_sign::either, "either", "hepatomegaly or RUQ pain"},
        {sos_seattle_liver_sign::both, "both", "hepatomegaly with RUQ pain"},
    });
}

/// COMP-SOS-012: the weight-gain threshold (both strict).
enum class sos_seattle_weight : std::uint8_t {
    over_2_percent = 1,  ///< > 2 % (McDonald 1993 as reproduced [V2]; default)
    over_3_percent = 2,  ///< > 3 % (HB24 section 49.3.5 prose [U])
};

constexpr auto hsct_enum_table(sos_seattle_weight) noexcept {
    return make_enum_table<sos_seattle_weight>("sos_seattle_weight", {
        {sos_seattle_weight::over_2_percent, "over_2_percent", "weight gain above 2 %"},
        {sos_seattle_weight::over_3_percent, "over_3_percent", "weight gain above 3 %"},
    });
}

/// The options of the modified Seattle set; each member a documented policy.
struct sos_seattle_options {
    hsct::comparator bilirubin_comparison = hsct::comparator::greater_equal;  ///< COMP-SOS-010 [C]
    sos_seattle_liver_sign liver_sign = sos_seattle_liver_sign::either;       ///< COMP-SOS-011 [C]
    sos_seattle_weight weight = sos_seattle_weight::over_2_percent;           ///< COMP-SOS-012
    sos_persistence persistence = sos_persistence::carry_forward;             ///< COMP-SOS-002 [U]
};

/// The answer and its evidence.
struct sos_seattle_result {
    sos_seattle_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    sos_status status = sos_status::not_met;
    std::optional<hsct::transplant_day> diagnosis_day;
    hsct::enum_set<sos_seattle_criterion> on_diagnosis_day;  ///< the criteria that held that day
    hsct::enum_set<sos_input_field> missing;
    hsct::fixed_list<sos_dated_criterion<sos_seattle_criterion>, 5> criteria;
    sos_seattle_options options;
};

// --- Baltimore -----------------------------------------------------------------------------------

/// COMP-SOS-020..024: the criteria of the Baltimore set.
enum class sos_baltimore_criterion : std::uint8_t {
    bilirubin = 1,     ///< bilirubin >= 2 mg/dL, mandatory
    hepatomegaly = 2,  ///< hepatomegaly (painful, per options)
    ascites = 3,
    weight_gain = 4,   ///< weight gain of 5 % of baseline (comparison per options)
    by_day_21 = 5,     ///< the day bilirubin and two of three first held together, no later than day 21
    other_causes = 6,
};

constexpr auto hsct_enum_table(sos_baltimore_criterion) noexcept {
    using c = sos_baltimore_criterion;
    return make_enum_table<sos_baltimore_criterion>("sos_baltimore_criterion", {
        {c::bilirubin, "bilirubin", "bilirubin at the 2 mg/dL threshold (mandatory)"},
        {c::hepatomegaly, "hepatomegaly", "hepatomegaly"},
        {c::ascites, "ascites", "ascites"},
        {c::weight_gain, "weight_gain", "weight gain at the 5 % threshold"},
        {c::by_day_21, "by_day_21", "bilirubin and two of three together by day 21"},
        {c::other_causes, "other_causes", "other causes excluded"},
    });
}

/// COMP-SOS-021 [C]: whether the hepatomegaly must be painful.
enum class sos_baltimore_hepatomegaly : std::uint8_t {
    with_or_without_pain = 1,  ///< default (one reproduction says so explicitly)
    painful_only = 2,          ///< "painful hepatomegaly" (the EBMT restatement)
};

constexpr auto hsct_enum_table(sos_baltimore_hepatomegaly) noexcept {
    return make_enum_table<sos_baltimore_hepatomegaly>("sos_baltimore_hepatomegaly", {
        {sos_baltimore_hepatomegaly::with_or_without_pain, "with_or_without_pain", "hepatomegaly with or without pain"},
        {sos_baltimore_hepatomegaly::painful_only, "painful_only", "painful hepatomegaly only"},
    });
}

/// The options of the Baltimore set.
struct sos_baltimore_options {
    hsct::comparator bilirubin_comparison = hsct::comparator::greater_equal;  ///< COMP-SOS-020 [C]
    hsct::comparator weight_comparison = hsct::comparator::greater;           ///< COMP-SOS-023 [C]
    sos_baltimore_hepatomegaly hepatomegaly = sos_baltimore_hepatomegaly::with_or_without_pain;  ///< COMP-SOS-021 [C]
    sos_persistence persistence = sos_persistence::carry_forward;             ///< COMP-SOS-002 [U]
};

struct sos_baltimore_result {
    sos_baltimore_result() noexcept {}  // NOLINT(modernize-use-equals-default)
    sos_status status = sos_status::not_met;
    std::optional<hsct::transplant_day> diagnosis_day;
    hsct::enum_set<sos_baltimore_criterion> on_diagnosis_day;
    hsct::enum_set<sos_input_field> missing;
    bool bilirubin_unit_edge = false;  ///< COMP-SOS-006
    hsct::fixed_list<sos_dated_criterion<sos_baltimore_criterion>, 6> criteria;
    sos_baltimore_options options;
};

// --- EBMT 2016 adult -----------------------------------------------------------------------------

/// COMP-SOS-030..032: the criteria of the EBMT 2016 adult set and its routes to a diagnosis.
enum class sos_ebmt2016_criterion : std::uint8_t {
    bilirubin = 1,             ///< bilirubin >= 2 mg/dL (34 umol/L)
    painful_hepatomegaly = 2,  ///< hepatomegaly with RUQ pain on the same day
    weight_gain = 3,           ///< weight gain > 5 %
    ascites = 4,
    histology = 5,             ///< histologically proven SOS/VOD
    imaging_evidence = 6,      ///< haemodynamic and/or ultrasound evidence (COMP-SOS-032)
    classical = 7,             ///< route: bilirubin and two of three by day 21
    late_criteria = 8,         ///< route: bilirubin and two of three after day 21
    late_histology = 9,        ///< route: histology after day 21
    late_imaging = 10,         ///< route: two of four with imaging evidence after day 21
    other_causes = 11,
    adult = 12,                ///< COMP-SOS-005: age at least options.adult_from_years
};

constexpr auto hsct_enum_table(sos_ebmt2016_criterion) noexcept {
    using c = sos_ebmt2016_criterion;
    return make_enum_table<sos_ebmt2016_criterion>("sos_ebmt2016_criterion", {
        {c::bilirubin, "bilirubin", "bilirubin at least 2 mg/dL"},
        {c::painful_hepatomegaly, "painful_hepatomegaly", "painful hepatomegaly"},
        {c::weight_gain, "weight_gain", "weight gain above 5 %"},
        {c::ascites, "ascites", "ascites"},
        {c::histology, "histology", "histologically proven SOS/VOD"},
        {c::imaging_evidence, "imaging_evidence", "haemodynamic or ultrasound evidence"},
        {c::classical, "classical", "classical: bilirubin and two of three by day 21"},
        {c::late_criteria, "late_criteria", "late onset: bilirubin and two of three after day 21"},
        {c::late_histology, "late_histology", "late onset: histology after day 21"},
        {c::late_imaging, "late_imaging", "late onset: two of four with imaging evidence after day 21"},
        {c::other_causes, "other_causes", "other causes excluded"},
        {c::adult, "adult", "adult patient"},
    });
}

/// The options of the EBMT 2016 adult set.
struct sos_ebmt2016_options {
    hsct::comparator hvpg_comparison = hsct::comparator::greater_equal;  ///< COMP-SOS-032 (as COMP-SOS-052)
    sos_persistence persistence = sos_persistence::carry_forward;        ///< COMP-SOS-002 [U]
    std::uint8_t adult_from_years = 18;                                  ///< COMP-SOS-005 [U], 12-21
};

struct sos_ebmt2016_result {
    sos_ebmt2016_result() noexcept {}  // NOLINT(modernize-use-equals-default)
    sos_status status = sos_status::not_met;
    std::optional<hsct::transplant_day> diagnosis_day;
    std::optional<sos_onset> onset;
    hsct::enum_set<sos_ebmt2016_criterion> on_diagnosis_day;  ///< criteria and routes that held that day
    hsct::enum_set<sos_input_field> missing;
    bool bilirubin_unit_edge = false;  ///< COMP-SOS-006
    hsct::fixed_list<sos_dated_criterion<sos_ebmt2016_criterion>, 12> criteria;
    sos_ebmt2016_options options;
};

// --- EBMT 2023 refined adult ---------------------------------------------------------------------

/// COMP-SOS-050..053: the criteria of the EBMT 2023 refined set and its three certainties.
enum class sos_ebmt2023_criterion : std::uint8_t {
    bilirubin = 1,
    painful_hepatomegaly = 2,
    weight_gain = 3,            ///< > 5 %
    ascites = 4,
    imaging = 5,                ///< ultrasound and/or elastography suggestive (or reduced/reversed portal flow)
    histology = 6,
    hvpg = 7,                   ///< HVPG >= 10 mmHg (comparison per options)
    probable = 8,               ///< two of five
    clinical = 9,               ///< bilirubin and two of three
    proven = 10,                ///< histology or HVPG
    other_causes = 11,
    adult = 12,
};

constexpr auto hsct_enum_table(sos_ebmt2023_criterion) noexcept {
    using c = sos_ebmt2023_criterion;
    return make_enum_table<sos_ebmt2023_criterion>("sos_ebmt2023_criterion", {
        {c::bilirubin, "bilirubin", "bilirubin at least 2 mg/dL"},
        {c::painful_hepatomegaly, "painful_hepatomegaly", "painful hepatomegaly"},
        {c::weight_gain, "weight_gain", "weight gain above 5 %"},
        {c::ascites, "ascites", "ascites"},
        {c::imaging, "imaging", "ultrasound and/or elastography suggestive of SOS/VOD"},
        {c::histology, "histology", "histologically proven SOS/VOD"},
        {c::hvpg, "hvpg", "hepatic venous pressure gradient at the 10 mmHg threshold"},
        {c::probable, "probable", "probable: two of five"},
        {c::clinical, "clinical", "clinical: bilirubin and two of three"},
        {c::proven, "proven", "proven: histology or HVPG"},
        {c::other_causes, "other_causes", "other causes excluded"},
        {c::adult, "adult", "adult patient"},
    });
}

/// COMP-SOS-050..052: how certain a 2023 diagnosis is (ordered).
enum class sos_ebmt2023_certainty : std::uint8_t {
    probable = 1,
    clinical = 2,
    proven = 3,
};

constexpr auto hsct_enum_table(sos_ebmt2023_certainty) noexcept {
    return make_enum_table<sos_ebmt2023_certainty>("sos_ebmt2023_certainty", {
        {sos_ebmt2023_certainty::probable, "probable", "probable SOS/VOD"},
        {sos_ebmt2023_certainty::clinical, "clinical", "clinical SOS/VOD"},
        {sos_ebmt2023_certainty::proven, "proven", "proven SOS/VOD"},
    });
}

/// The options of the EBMT 2023 set.
struct sos_ebmt2023_options {
    hsct::comparator hvpg_comparison = hsct::comparator::greater_equal;  ///< COMP-SOS-052 [C]
    sos_persistence persistence = sos_persistence::carry_forward;        ///< COMP-SOS-002 [U]
    std::uint8_t adult_from_years = 18;                                  ///< COMP-SOS-005 [U], 12-21
};

struct sos_ebmt2023_result {
    sos_ebmt2023_result() noexcept {}  // NOLINT(modernize-use-equals-default)
    sos_status status = sos_status::not_met;
    std::optional<sos_ebmt2023_certainty> certainty;  ///< the highest met by the assessment day
    std::optional<hsct::transplant_day> diagnosis_day;  ///< the first day any certainty held
    std::optional<sos_onset> onset;
    std::optional<hsct::transplant_day> probable_day;  ///< the first day each certainty held
    std::optional<hsct::transplant_day> clinical_day;
    std::optional<hsct::transplant_day> proven_day;
    hsct::enum_set<sos_ebmt2023_criterion> on_diagnosis_day;
    hsct::enum_set<sos_input_field> missing;
    hsct::fixed_list<sos_dated_criterion<sos_ebmt2023_criterion>, 12> criteria;
    sos_ebmt2023_options options;
};

// --- The rules -----------------------------------------------------------------------------------

namespace detail {

inline constexpr double sos_bilirubin_mg_dl = 2.0;        // COMP-SOS-010/020/030/050: 2 mg/dL
inline constexpr double sos_bilirubin_printed_umol = 34.0;  // COMP-SOS-006: Baltimore/EBMT print 34 umol/L
inline constexpr double sos_seattle_weight_pct = 2.0;     // COMP-SOS-012 [V2]
inline constexpr double sos_seattle_weight_hb24_pct = 3.0;  // COMP-SOS-012 [U] (HB24 prose)
inline constexpr std::int32_t sos_seattle_last_day = 20;  // COMP-SOS-013 [V2]
inline constexpr double sos_weight_5_pct = 5.0;           // COMP-SOS-023/030/050
inline constexpr std::int32_t sos_classical_last_day = 21;  // COMP-SOS-024/030/053
inline constexpr double sos_hvpg_mmhg = 10.0;             // COMP-SOS-052 [V-HB24]

/// The status of a set from its first day met, whether some day it was unknown, and other causes.
[[nodiscard]] inline sos_status sos_status_of(bool met, bool unknown, sos_other_cause other) noexcept {
    if (met) {
        return other == sos_other_cause::present ? sos_status::other_cause : sos_status::met;
    }
    return unknown ? sos_status::indeterminate : sos_status::not_met;
}

/// The field to name for an unknown liver sign: the finding that was not assessed.
[[nodiscard]] inline sos_input_field sos_liver_field(const sos_vod_input& in) noexcept {
    return in.not_assessed.contains(sos_finding::hepatomegaly) ? sos_input_field::hepatomegaly : sos_input_field::ruq_pain;
}

template <class Id, std::size_t N>
void sos_note_missing(const hsct::fixed_list<sos_dated_criterion<Id>, N>& list, hsct::enum_set<sos_input_field>& missing) {
    for (const auto& c : list) {
        if (c.criterion.result == hsct::outcome::unknown && c.criterion.measured.what() == hsct::measure::kind::missing) {
            if (const auto f = c.criterion.measured.enumerator().template as<sos_input_field>()) {
                missing.insert(*f);
            }
        }
    }
}

/// COMP-SOS-005: records the population criterion; returns false when the set does not apply.
template <class Id, std::size_t N>
[[nodiscard]] bool sos_check_population(const sos_vod_input& in, std::uint8_t adult_from_years, bool adult_set, Id id,
                                        hsct::fixed_list<sos_dated_criterion<Id>, N>& list) {
    const auto p = sos_population(in, adult_from_years, adult_set);
    if (!p) {
        return true;
    }
    const double years = static_cast<double>(in.age->completed_years());
    list.push_back({std::nullopt, sos_make_criterion(id, *p ? hsct::outcome::met : hsct::outcome::not_met,
                                                     adult_set ? hsct::comparator::greater_equal : hsct::comparator::less,
                                                     static_cast<double>(adult_from_years),
                                                     hsct::measure::count(years, hsct::count_unit::years),
                                                     "COMP-SOS-005", false)});
    return *p;
}

/// A route or set criterion recorded as a finding that held (flag) on its first day.
template <class Id>
[[nodiscard]] sos_dated_criterion<Id> sos_route(Id id, const sos_tracker& t, const char* requirement, bool verified) noexcept {
    const auto o = t.first ? hsct::outcome::met : t.any_unknown ? hsct::outcome::unknown : hsct::outcome::not_met;
    return {t.first, sos_make_criterion(id, o, hsct::comparator::present, 0.0, hsct::measure::flag(t.first.has_value()),
                                        requirement, verified)};
}

[[nodiscard]] inline std::optional<error> sos_check_persistence(sos_persistence p) {
    return hsct::detail::check_enum(p, "options.persistence");
}

/// The checks every SOS/VOD rule makes after its own options: the persistence policy, the adult
/// age limit when the rule has one, then the input (COMP-SOS-001).
template <class = void>
[[nodiscard]] std::optional<error> sos_check_call(const sos_vod_input& in, sos_persistence persistence,
                                                  std::optional<std::uint8_t> adult_from_years = std::nullopt) {
    if (auto e = sos_check_persistence(persistence)) {
        return e;
    }
    if (adult_from_years) {
        if (auto e = sos_check_age_limit(*adult_from_years, "options.adult_from_years")) {
            return e;
        }
    }
    return check_sos_input(in);
}

}  // namespace detail

/// COMP-SOS-010..013: modified Seattle (McDonald 1993). Errors: bad input (COMP-SOS-001) and
/// options out of range ("options.*").
template <class = void>
[[nodiscard]] result<sos_seattle_result> assess_sos_seattle(const sos_vod_input& in, const sos_seattle_options& options = {}) {
    result<sos_seattle_result> out(std::in_place);
    if (auto e = detail::sos_check_comparator(options.bilirubin_comparison, "options.bilirubin_comparison", "COMP-SOS-010")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.liver_sign, "options.liver_sign")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.weight, "options.weight")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::sos_check_call(in, options.persistence)) {
        out = std::move(*e);
        return out;
    }
    sos_seattle_result& r = *out;
    r.options = options;
    const detail::sos_view v(in, options.persistence);
    const double weight_t = options.weight == sos_seattle_weight::over_2_percent ? detail::sos_seattle_weight_pct
                                                                                   : detail::sos_seattle_weight_hb24_pct;
    detail::sos_tracker tb;
    detail::sos_tracker tl;
    detail::sos_tracker tw;
    std::optional<hsct::transplant_day> together;
    bool unknown_in_window = false;
    using detail::tri;
    for (auto d = hsct::transplant_day::at(0); d <= in.assessed_on; ++d) {
        const auto b = v.bilirubin(d);
        const tri bt = detail::sos_lab(b, !in.bilirubin.empty(), options.bilirubin_comparison,
                                           detail::sos_bilirubin_mg_dl);
        const tri hep = v.finding(sos_finding::hepatomegaly, d);
        const tri pain = v.finding(sos_finding::ruq_pain, d);
        const tri lt = options.liver_sign == sos_seattle_liver_sign::either ? detail::tri_or(hep, pain)
                                                                                : detail::tri_and(hep, pain);
        const auto w = v.weight_gain(d);
        // COMP-SOS-012: weight gain strictly above 2 % (or 3 %) of baseline
        const tri wt = detail::sos_lab(w, !in.weight.empty(), hsct::comparator::greater, weight_t);
        tb.see(d, bt, b);
        tl.see(d, lt, detail::sos_flag_reading(lt, d));
        tw.see(d, wt, w);
        const tri all = detail::tri_at_least({bt, lt, wt}, 2);
        if (all == tri::yes && !together) {
            together = d;
            if (d.number() <= detail::sos_seattle_last_day) {
                if (bt == tri::yes) {
                    r.on_diagnosis_day.insert(sos_seattle_criterion::bilirubin);
                }
                if (lt == tri::yes) {
                    r.on_diagnosis_day.insert(sos_seattle_criterion::liver_sign);
                }
                if (wt == tri::yes) {
                    r.on_diagnosis_day.insert(sos_seattle_criterion::weight_gain);
                }
            }
        }
        if (all == tri::unknown && d.number() <= detail::sos_seattle_last_day) {
            unknown_in_window = true;
        }
    }
    const bool met = together && together->number() <= detail::sos_seattle_last_day;
    if (met) {
        r.diagnosis_day = together;
        r.on_diagnosis_day.insert(sos_seattle_criterion::by_day_20);
    }
    r.criteria.push_back(detail::sos_tracked(sos_seattle_criterion::bilirubin, tb, detail::sos_measure_kind::bilirubin,
                                             options.bilirubin_comparison, detail::sos_bilirubin_mg_dl, "COMP-SOS-010",
                                             true, sos_input_field::bilirubin));
    r.criteria.push_back(detail::sos_tracked(sos_seattle_criterion::liver_sign, tl, detail::sos_measure_kind::flag,
                                             hsct::comparator::present, 0.0, "COMP-SOS-011", true,
                                             detail::sos_liver_field(in)));
    r.criteria.push_back(detail::sos_tracked(sos_seattle_criterion::weight_gain, tw, detail::sos_measure_kind::percent,
                                             hsct::comparator::greater, weight_t, "COMP-SOS-012",
                                             options.weight == sos_seattle_weight::over_2_percent, sos_input_field::weight));
    // COMP-SOS-013: two of three together no later than day 20 (inclusive)
    if (together) {
        r.criteria.push_back({together, detail::sos_make_criterion(
                                            sos_seattle_criterion::by_day_20, met ? hsct::outcome::met : hsct::outcome::not_met,
                                            hsct::comparator::less_equal, static_cast<double>(detail::sos_seattle_last_day),
                                            hsct::measure::count(static_cast<double>(together->number()), hsct::count_unit::days),
                                            "COMP-SOS-013", true)});
    }
    r.criteria.push_back(detail::sos_other_causes(sos_seattle_criterion::other_causes, in.other_causes));
    detail::sos_note_missing(r.criteria, r.missing);
    r.status = detail::sos_status_of(met, unknown_in_window, in.other_causes);
    return out;
}

/// COMP-SOS-020..024: Baltimore (Jones 1987). Errors: bad input (COMP-SOS-001), options.
template <class = void>
[[nodiscard]] result<sos_baltimore_result> assess_sos_baltimore(const sos_vod_input& in,
                                                                const sos_baltimore_options& options = {}) {
    result<sos_baltimore_result> out(std::in_place);
    if (auto e = detail::sos_check_comparator(options.bilirubin_comparison, "options.bilirubin_comparison", "COMP-SOS-020")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::sos_check_comparator(options.weight_comparison, "options.weight_comparison", "COMP-SOS-023")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.hepatomegaly, "options.hepatomegaly")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::sos_check_call(in, options.persistence)) {
        out = std::move(*e);
        return out;
    }
    sos_baltimore_result& r = *out;
    r.options = options;
    const detail::sos_view v(in, options.persistence);
    detail::sos_tracker tb;
    detail::sos_tracker th;
    detail::sos_tracker ta;
    detail::sos_tracker tw;
    std::optional<hsct::transplant_day> together;
    bool unknown_in_window = false;
    using detail::tri;
    for (auto d = hsct::transplant_day::at(0); d <= in.assessed_on; ++d) {
        const auto b = v.bilirubin(d);
        const tri bt = detail::sos_lab(b, !in.bilirubin.empty(), options.bilirubin_comparison,
                                           detail::sos_bilirubin_mg_dl);
        const tri hep = v.finding(sos_finding::hepatomegaly, d);
        const tri ht = options.hepatomegaly == sos_baltimore_hepatomegaly::with_or_without_pain
                               ? hep
                               : detail::tri_and(hep, v.finding(sos_finding::ruq_pain, d));
        const tri at = v.finding(sos_finding::ascites, d);
        const auto w = v.weight_gain(d);
        const tri wt = detail::sos_lab(w, !in.weight.empty(), options.weight_comparison, detail::sos_weight_5_pct);
        tb.see(d, bt, b);
        th.see(d, ht, detail::sos_flag_reading(ht, d));
        ta.see(d, at, detail::sos_flag_reading(at, d));
        tw.see(d, wt, w);
        if (b.known && detail::sos_unit_edge(b.value, options.bilirubin_comparison, detail::sos_bilirubin_mg_dl,
                                             detail::sos_bilirubin_printed_umol)) {
            r.bilirubin_unit_edge = true;
        }
        const tri all = detail::tri_and(bt, detail::tri_at_least({ht, at, wt}, 2));
        if (all == tri::yes && !together) {
            together = d;
            if (d.number() <= detail::sos_classical_last_day) {
                r.on_diagnosis_day.insert(sos_baltimore_criterion::bilirubin);
                if (ht == tri::yes) {
                    r.on_diagnosis_day.insert(sos_baltimore_criterion::hepatomegaly);
                }
                if (at == tri::yes) {
                    r.on_diagnosis_day.insert(sos_baltimore_criterion::ascites);
                }
                if (wt == tri::yes) {
                    r.on_diagnosis_day.insert(sos_baltimore_criterion::weight_gain);
                }
            }
        }
        if (all == tri::unknown && d.number() <= detail::sos_classical_last_day) {
            unknown_in_window = true;
        }
    }
    const bool met = together && together->number() <= detail::sos_classical_last_day;
    if (met) {
        r.diagnosis_day = together;
        r.on_diagnosis_day.insert(sos_baltimore_criterion::by_day_21);
    }
    r.criteria.push_back(detail::sos_tracked(sos_baltimore_criterion::bilirubin, tb, detail::sos_measure_kind::bilirubin,
                                             options.bilirubin_comparison, detail::sos_bilirubin_mg_dl, "COMP-SOS-020",
                                             true, sos_input_field::bilirubin));
    r.criteria.push_back(detail::sos_tracked(sos_baltimore_criterion::hepatomegaly, th, detail::sos_measure_kind::flag,
                                             hsct::comparator::present, 0.0, "COMP-SOS-021", true,
                                             detail::sos_liver_field(in)));
    r.criteria.push_back(detail::sos_tracked(sos_baltimore_criterion::ascites, ta, detail::sos_measure_kind::flag,
                                             hsct::comparator::present, 0.0, "COMP-SOS-022", true, sos_input_field::ascites));
    r.criteria.push_back(detail::sos_tracked(sos_baltimore_criterion::weight_gain, tw, detail::sos_measure_kind::percent,
                                             options.weight_comparison, detail::sos_weight_5_pct, "COMP-SOS-023", true,
                                             sos_input_field::weight));
    // COMP-SOS-024: bilirubin and two of three together no later than day 21 (inclusive)
    if (together) {
        r.criteria.push_back({together, detail::sos_make_criterion(
                                            sos_baltimore_criterion::by_day_21, met ? hsct::outcome::met : hsct::outcome::not_met,
                                            hsct::comparator::less_equal, static_cast<double>(detail::sos_classical_last_day),
                                            hsct::measure::count(static_cast<double>(together->number()), hsct::count_unit::days),
                                            "COMP-SOS-024", true)});
    }
    r.criteria.push_back(detail::sos_other_causes(sos_baltimore_criterion::other_causes, in.other_causes));
    detail::sos_note_missing(r.criteria, r.missing);
    r.status = detail::sos_status_of(met, unknown_in_window, in.other_causes);
    return out;
}

namespace detail {
/// The readings the EBMT adult sets share on one day.
struct sos_adult_day {
    sos_reading bili;
    sos_reading weight;
    tri bt = tri::unknown;  // bilirubin >= 2
    tri ph = tri::unknown;  // painful hepatomegaly
    tri wt = tri::unknown;  // weight gain > 5 %
    tri at = tri::unknown;  // ascites
};

template <class = void>
[[nodiscard]] sos_adult_day sos_read_adult(const sos_view& v, hsct::transplant_day d) noexcept {
    sos_adult_day a;
    a.bili = v.bilirubin(d);
    // COMP-SOS-030/050/051: bilirubin at least 2 mg/dL
    a.bt = sos_lab(a.bili, !v.input().bilirubin.empty(), hsct::comparator::greater_equal, sos_bilirubin_mg_dl);
    a.ph = tri_and(v.finding(sos_finding::hepatomegaly, d), v.finding(sos_finding::ruq_pain, d));
    a.weight = v.weight_gain(d);
    // COMP-SOS-030/050/051: weight gain strictly above 5 %
    a.wt = sos_lab(a.weight, !v.input().weight.empty(), hsct::comparator::greater, sos_weight_5_pct);
    a.at = v.finding(sos_finding::ascites, d);
    return a;
}

/// An HVPG standing on day d at the proven threshold: yes / no (none measured counts as no for the
/// status; its criterion says unknown).
template <class = void>
[[nodiscard]] tri sos_hvpg_at(const sos_view& v, hsct::transplant_day d, hsct::comparator cmp,
                                         sos_reading* reading) noexcept {
    *reading = v.fixed(v.input().hvpg, d);
    if (!reading->known) {
        return v.input().hvpg.empty() ? tri::unknown : tri::no;
    }
    // COMP-SOS-032/052: the HVPG against 10 mmHg, compared as options.hvpg_comparison says
    return tri_of(hsct::satisfies(reading->value, cmp, sos_hvpg_mmhg));
}
}  // namespace detail

/// COMP-SOS-030..032: EBMT 2016 adult (Mohty 2016): classical by day 21, late onset after it.
template <class = void>
[[nodiscard]] result<sos_ebmt2016_result> assess_sos_ebmt2016(const sos_vod_input& in,
                                                              const sos_ebmt2016_options& options = {}) {
    result<sos_ebmt2016_result> out(std::in_place);
    if (auto e = detail::sos_check_comparator(options.hvpg_comparison, "options.hvpg_comparison", "COMP-SOS-032")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::sos_check_call(in, options.persistence, options.adult_from_years)) {
        out = std::move(*e);
        return out;
    }
    sos_ebmt2016_result& r = *out;
    r.options = options;
    if (!detail::sos_check_population(in, options.adult_from_years, true, sos_ebmt2016_criterion::adult, r.criteria)) {
        r.status = sos_status::not_applicable;
        return out;
    }
    const detail::sos_view v(in, options.persistence);
    using detail::tri;
    detail::sos_tracker tb, tp, tw, ta, th, ti, t_classical, t_late_criteria, t_late_histology, t_late_imaging;
    bool imaging_by_hvpg_only = false;
    bool unknown = false;
    for (auto d = hsct::transplant_day::at(0); d <= in.assessed_on; ++d) {
        const auto a = detail::sos_read_adult(v, d);
        detail::sos_reading hv;
        const tri hvt = detail::sos_hvpg_at(v, d, options.hvpg_comparison, &hv);
        const bool imaging_signs = v.by_imaging(sos_finding::hepatomegaly, d) || v.by_imaging(sos_finding::ascites, d);
        const tri us = detail::tri_or(v.finding(sos_finding::ultrasound_suggestive, d),
                                          v.finding(sos_finding::portal_flow_abnormal, d));
        const tri it = detail::tri_or(detail::tri_or(us, detail::tri_of(imaging_signs)),
                                          hvt == tri::yes ? tri::yes : tri::no);
        const tri ht = v.finding(sos_finding::histology, d);
        const tri criteria = detail::tri_and(a.bt, detail::tri_at_least({a.ph, a.wt, a.at}, 2));
        const tri two_of_four = detail::tri_at_least({a.bt, a.ph, a.wt, a.at}, 2);
        const bool late = d.number() > detail::sos_classical_last_day;
        const tri classical = late ? tri::no : criteria;
        const tri late_criteria = late ? criteria : tri::no;
        const tri late_histology = late ? ht : tri::no;
        const tri late_imaging = late ? detail::tri_and(two_of_four, it) : tri::no;
        tb.see(d, a.bt, a.bili);
        tp.see(d, a.ph, detail::sos_flag_reading(a.ph, d));
        tw.see(d, a.wt, a.weight);
        ta.see(d, a.at, detail::sos_flag_reading(a.at, d));
        th.see(d, ht, detail::sos_flag_reading(ht, d));
        if (it == tri::yes && !ti.first) {
            imaging_by_hvpg_only = hvt == tri::yes && us != tri::yes && !imaging_signs;
        }
        ti.see(d, it, detail::sos_flag_reading(it, d));
        if (!late) {
            t_classical.see(d, classical, detail::sos_flag_reading(classical, d));
        } else {
            t_late_criteria.see(d, late_criteria, detail::sos_flag_reading(late_criteria, d));
            t_late_histology.see(d, late_histology, detail::sos_flag_reading(late_histology, d));
            t_late_imaging.see(d, late_imaging, detail::sos_flag_reading(late_imaging, d));
        }
        // COMP-SOS-006: the printed 34 umol/L read against 2 mg/dL (both at least)
        if (a.bili.known && detail::sos_unit_edge(a.bili.value, hsct::comparator::greater_equal,
                                                  detail::sos_bilirubin_mg_dl, detail::sos_bilirubin_printed_umol)) {
            r.bilirubin_unit_edge = true;
        }
        const tri any = detail::tri_or(detail::tri_or(classical, late_criteria),
                                           detail::tri_or(late_histology, late_imaging));
        if (any == tri::yes && !r.diagnosis_day) {
            r.diagnosis_day = d;
            r.onset = late ? sos_onset::late_onset : sos_onset::classical;
            const auto note = [&](tri t, sos_ebmt2016_criterion c) {
                if (t == tri::yes) {
                    r.on_diagnosis_day.insert(c);
                }
            };
            note(a.bt, sos_ebmt2016_criterion::bilirubin);
            note(a.ph, sos_ebmt2016_criterion::painful_hepatomegaly);
            note(a.wt, sos_ebmt2016_criterion::weight_gain);
            note(a.at, sos_ebmt2016_criterion::ascites);
            note(ht, sos_ebmt2016_criterion::histology);
            note(it, sos_ebmt2016_criterion::imaging_evidence);
            note(classical, sos_ebmt2016_criterion::classical);
            note(late_criteria, sos_ebmt2016_criterion::late_criteria);
            note(late_histology, sos_ebmt2016_criterion::late_histology);
            note(late_imaging, sos_ebmt2016_criterion::late_imaging);
        }
        unknown = unknown || any == tri::unknown;
    }
    using c = sos_ebmt2016_criterion;
    using k = detail::sos_measure_kind;
    // COMP-SOS-030: the criteria as recorded (bilirubin at least 2 mg/dL, weight gain above 5 %)
    r.criteria.push_back(detail::sos_tracked(c::bilirubin, tb, k::bilirubin, hsct::comparator::greater_equal,
                                             detail::sos_bilirubin_mg_dl, "COMP-SOS-030", true, sos_input_field::bilirubin));
    r.criteria.push_back(detail::sos_tracked(c::painful_hepatomegaly, tp, k::flag, hsct::comparator::present, 0.0,
                                             "COMP-SOS-030", true, detail::sos_liver_field(in)));
    r.criteria.push_back(detail::sos_tracked(c::weight_gain, tw, k::percent, hsct::comparator::greater,
                                             detail::sos_weight_5_pct, "COMP-SOS-030", true, sos_input_field::weight));
    r.criteria.push_back(detail::sos_tracked(c::ascites, ta, k::flag, hsct::comparator::present, 0.0, "COMP-SOS-030", true,
                                             sos_input_field::ascites));
    r.criteria.push_back(detail::sos_tracked(c::histology, th, k::flag, hsct::comparator::present, 0.0, "COMP-SOS-031",
                                             true, sos_input_field::histology));
    r.criteria.push_back(detail::sos_tracked(c::imaging_evidence, ti, k::flag, hsct::comparator::present, 0.0,
                                             "COMP-SOS-032", !imaging_by_hvpg_only, sos_input_field::ultrasound));
    r.criteria.push_back(detail::sos_route(c::classical, t_classical, "COMP-SOS-030", true));
    r.criteria.push_back(detail::sos_route(c::late_criteria, t_late_criteria, "COMP-SOS-031", true));
    r.criteria.push_back(detail::sos_route(c::late_histology, t_late_histology, "COMP-SOS-031", true));
    r.criteria.push_back(detail::sos_route(c::late_imaging, t_late_imaging, "COMP-SOS-031", !imaging_by_hvpg_only));
    r.criteria.push_back(detail::sos_other_causes(c::other_causes, in.other_causes));
    detail::sos_note_missing(r.criteria, r.missing);
    r.status = detail::sos_status_of(r.diagnosis_day.has_value(), unknown, in.other_causes);
    return out;
}

/// COMP-SOS-050..053: EBMT 2023 refined adult (Mohty 2023; HB24 Table 49.2): probable, clinical,
/// proven; no time limit.
template <class = void>
[[nodiscard]] result<sos_ebmt2023_result> assess_sos_ebmt2023(const sos_vod_input& in,
                                                              const sos_ebmt2023_options& options = {}) {
    result<sos_ebmt2023_result> out(std::in_place);
    if (auto e = detail::sos_check_comparator(options.hvpg_comparison, "options.hvpg_comparison", "COMP-SOS-052")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::sos_check_call(in, options.persistence, options.adult_from_years)) {
        out = std::move(*e);
        return out;
    }
    sos_ebmt2023_result& r = *out;
    r.options = options;
    if (!detail::sos_check_population(in, options.adult_from_years, true, sos_ebmt2023_criterion::adult, r.criteria)) {
        r.status = sos_status::not_applicable;
        return out;
    }
    const detail::sos_view v(in, options.persistence);
    using detail::tri;
    detail::sos_tracker tb, tp, tw, ta, ti, th, tv, t_probable, t_clinical, t_proven;
    bool unknown = false;
    for (auto d = hsct::transplant_day::at(0); d <= in.assessed_on; ++d) {
        const auto a = detail::sos_read_adult(v, d);
        const tri it = detail::tri_or(v.finding(sos_finding::ultrasound_suggestive, d),
                                          v.finding(sos_finding::portal_flow_abnormal, d));
        const tri ht = v.finding(sos_finding::histology, d);
        detail::sos_reading hv;
        const tri hvt = detail::sos_hvpg_at(v, d, options.hvpg_comparison, &hv);
        const tri probable = detail::tri_at_least({a.bt, a.ph, a.wt, a.at, it}, 2);
        const tri clinical = detail::tri_and(a.bt, detail::tri_at_least({a.ph, a.wt, a.at}, 2));
        // a test not done is not a reason for indeterminate: HVPG unknown reads as no here
        const tri proven = detail::tri_or(ht, hvt == tri::yes ? tri::yes : tri::no);
        tb.see(d, a.bt, a.bili);
        tp.see(d, a.ph, detail::sos_flag_reading(a.ph, d));
        tw.see(d, a.wt, a.weight);
        ta.see(d, a.at, detail::sos_flag_reading(a.at, d));
        ti.see(d, it, detail::sos_flag_reading(it, d));
        th.see(d, ht, detail::sos_flag_reading(ht, d));
        tv.see(d, hvt, hv);
        t_probable.see(d, probable, detail::sos_flag_reading(probable, d));
        t_clinical.see(d, clinical, detail::sos_flag_reading(clinical, d));
        t_proven.see(d, proven, detail::sos_flag_reading(proven, d));
        const tri any = detail::tri_or(detail::tri_or(probable, clinical), proven);
        if (any == tri::yes && !r.diagnosis_day) {
            r.diagnosis_day = d;
            r.onset = d.number() > detail::sos_classical_last_day ? sos_onset::late_onset : sos_onset::classical;
            const auto note = [&](tri t, sos_ebmt2023_criterion c) {
                if (t == tri::yes) {
                    r.on_diagnosis_day.insert(c);
                }
            };
            note(a.bt, sos_ebmt2023_criterion::bilirubin);
            note(a.ph, sos_ebmt2023_criterion::painful_hepatomegaly);
            note(a.wt, sos_ebmt2023_criterion::weight_gain);
            note(a.at, sos_ebmt2023_criterion::ascites);
            note(it, sos_ebmt2023_criterion::imaging);
            note(ht, sos_ebmt2023_criterion::histology);
            note(hvt, sos_ebmt2023_criterion::hvpg);
            note(probable, sos_ebmt2023_criterion::probable);
            note(clinical, sos_ebmt2023_criterion::clinical);
            note(proven, sos_ebmt2023_criterion::proven);
        }
        unknown = unknown || any == tri::unknown;
    }
    r.probable_day = t_probable.first;
    r.clinical_day = t_clinical.first;
    r.proven_day = t_proven.first;
    if (r.proven_day) {
        r.certainty = sos_ebmt2023_certainty::proven;
    } else if (r.clinical_day) {
        r.certainty = sos_ebmt2023_certainty::clinical;
    } else if (r.probable_day) {
        r.certainty = sos_ebmt2023_certainty::probable;
    }
    using c = sos_ebmt2023_criterion;
    using k = detail::sos_measure_kind;
    // COMP-SOS-051: bilirubin at least 2 mg/dL as recorded
    r.criteria.push_back(detail::sos_tracked(c::bilirubin, tb, k::bilirubin, hsct::comparator::greater_equal,
                                             detail::sos_bilirubin_mg_dl, "COMP-SOS-051", true, sos_input_field::bilirubin));
    r.criteria.push_back(detail::sos_tracked(c::painful_hepatomegaly, tp, k::flag, hsct::comparator::present, 0.0,
                                             "COMP-SOS-050", true, detail::sos_liver_field(in)));
    r.criteria.push_back(detail::sos_tracked(c::weight_gain, tw, k::percent, hsct::comparator::greater,
                                             detail::sos_weight_5_pct, "COMP-SOS-050", true, sos_input_field::weight));
    r.criteria.push_back(detail::sos_tracked(c::ascites, ta, k::flag, hsct::comparator::present, 0.0, "COMP-SOS-050", true,
                                             sos_input_field::ascites));
    r.criteria.push_back(detail::sos_tracked(c::imaging, ti, k::flag, hsct::comparator::present, 0.0, "COMP-SOS-050", true,
                                             sos_input_field::ultrasound));
    r.criteria.push_back(detail::sos_tracked(c::histology, th, k::flag, hsct::comparator::present, 0.0, "COMP-SOS-052",
                                             true, sos_input_field::histology));
    r.criteria.push_back(detail::sos_tracked(c::hvpg, tv, k::number, options.hvpg_comparison, detail::sos_hvpg_mmhg,
                                             "COMP-SOS-052", true, sos_input_field::hvpg));
    r.criteria.push_back(detail::sos_route(c::probable, t_probable, "COMP-SOS-050", true));
    r.criteria.push_back(detail::sos_route(c::clinical, t_clinical, "COMP-SOS-051", true));
    r.criteria.push_back(detail::sos_route(c::proven, t_proven, "COMP-SOS-052", true));
    r.criteria.push_back(detail::sos_other_causes(c::other_causes, in.other_causes));
    detail::sos_note_missing(r.criteria, r.missing);
    r.status = detail::sos_status_of(r.diagnosis_day.has_value(), unknown, in.other_causes);
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_SOS_VOD_HPP
