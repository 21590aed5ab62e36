// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Engraftment syndrome from daily raw observations around neutrophil engraftment, by two
// separate rules: Spitzer 2001 (Bone Marrow Transplant 2001;27:893-898) and Maiolino et al. 2003
// (Bone Marrow Transplant 2003;31:393-397; the issue says 2004: the primary paper is 2003,
// resolutions addendum A2-2), each under named policies where the sources differ.
//
//   using namespace hsct::complications;
//   es_observation d12;
//   d12.day = hsct::transplant_day::at(12);
//   d12.temperature = *body_temperature::make(38.6, temperature_unit::celsius);
//   d12.infection_identified = false;                 // cultures negative
//   d12.rash_bsa = hsct::percent(30.0, hsct::units::pct);
//   d12.rash_drug_attributed = false;
//   d12.weight = hsct::mass(72.1, hsct::units::kg);
//   engraftment_syndrome_input in;
//   in.observations = std::span(&d12, 1);
//   in.engraftment_day = hsct::transplant_day::at(11);  // e.g. hsct::engraftment's neutrophil day
//   in.baseline_weight = hsct::mass(70.0, hsct::units::kg);
//   auto s = assess_spitzer_es(in);    // result<spitzer_es_result>: met on D+12 (2 major + 1 minor)
//   auto m = assess_maiolino_es(in);   // result<maiolino_es_result>: met on D+12 (fever + rash)
//
// Requirement IDs (marks as in ta_tma.hpp):
// COMP-ES-001 [V2] / [V-HB24] counts: Spitzer's major criteria are non-infectious fever (at least
//   38.3 C [V2]), an erythrodermatous rash over 25 % of body surface not attributable to a drug
//   (after allo-HCT: without histological acute GVHD, HB24-42 note 2), and non-cardiogenic
//   pulmonary oedema (diffuse infiltrates and hypoxia, without cardiac failure, thromboembolism or
//   infection); the minor ones hepatic dysfunction (bilirubin at least 2 mg/dL or transaminases at
//   least 2 x normal), renal insufficiency (creatinine at least 2 x baseline), weight gain of at
//   least 2.5 % of baseline, transient unexplained encephalopathy. ES: all 3 major, or 2 major and
//   at least 1 minor; 1 major with minors is not ES (undefined in the paper).
// COMP-ES-002 [C] Spitzer's comparisons (no primary text): at least (default; medicalalgorithms and
//   the reference note) or above (a review), for the fever, bilirubin, transaminases, creatinine
//   and weight edges: spitzer_comparison. The rash is above 25 % in every source. A fever
//   threshold of 38.8 C seen once is an error (Q17) and not offered.
// COMP-ES-003 [C] Spitzer's window: 96 h before to 96 h after engraftment (HB24-42, default) or
//   within 96 h after it: spitzer_window. Read by day: |day - E| <= 4 (or 0 <= day - E <= 4).
//   Spitzer's engraftment day is the first of two consecutive days with ANC >= 0.5 x10^9/L [V2]:
//   the caller passes it (hsct::engraftment::assess_neutrophil_engraftment with run_length = 2
//   gives that day; the engraftment module's default, three days, gives the same first day only
//   when the third value also holds).
// COMP-ES-004 [P] the criteria must hold on one day (one observation) inside the window; the
//   result also names the first day outside the window whose criteria would meet the count.
// COMP-ES-005 [P] exclusions are findings: a fever with an identified infection, a rash attributed
//   to a drug or with acute GVHD on histology, pulmonary findings with another cause, diarrhoea
//   with a microbiological cause do not count; a finding not stated is missing (the criterion is
//   unknown), except histology: no biopsy means no histological GVHD. Transaminases: the higher of
//   ALT and AST given decides (either alone may).
// COMP-ES-010 [V] (abstract) Maiolino 2003: non-infectious fever plus at least one of skin rash,
//   pulmonary infiltrates, diarrhoea (at least 2 liquid stools a day without microbiological
//   evidence of infection [V2]), from 24 hours before the first day of neutrophil recovery onward
//   (day >= R - 1, no upper limit [V2]). Weight was tested and not retained.
// COMP-ES-011 [U] Maiolino's fever threshold is not given: option fever_threshold, 38.3 C by
//   default (37.5-40.0 C accepted), recorded as unverified.
// COMP-ES-012 [V-HB24] the handbook's table reading of Maiolino (HB24-42 section 42.4): 1 major
//   (fever) + 1 minor among rash over 25 % BSA, pulmonary oedema/hypoxia (as Spitzer's), weight
//   gain above 3 % of baseline, diarrhoea (at least 2 episodes): maiolino_reading::handbook_2024;
//   the primary reading is the default (A2-2, K8).
// COMP-ES-020 [P] body temperature: 25-45 C (C or F; F converted once: (F - 32) x 5/9).
// COMP-ES-021 [P] the series: at most 64 observations, days strictly increasing, none before Day
//   0; a weight or creatinine needs its baseline (missing otherwise); rash 0-100 % BSA; weight
//   0.3-400 kg; liquid stools 0-50 a day; lab values within core's plausible ranges.
#ifndef HSCT_COMPLICATIONS_ENGRAFTMENT_SYNDROME_HPP
#define HSCT_COMPLICATIONS_ENGRAFTMENT_SYNDROME_HPP

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/complications/detail/tma_es_support.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/lab_with_uln.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series.hpp"

namespace hsct::complications {

// ---------------------------------------------------------------------------------------------
// Body temperature (COMP-ES-020)
// ---------------------------------------------------------------------------------------------

/// COMP-ES-020: the unit of a temperature.
enum class temperature_unit : std::uint8_t {
    celsius = 1,
    fahrenheit = 2,
};

constexpr auto hsct_enum_table(temperature_unit) noexcept {
    return make_enum_table<temperature_unit>("temperature_unit", {
        {temperature_unit::celsius, "celsius", "°C"},
        {temperature_unit::fahrenheit, "fahrenheit", "°F"},
    });
}

/// COMP-ES-020: a body temperature, kept in degrees Celsius. 8 bytes.
class body_temperature {
public:
    /// COMP-ES-020 [P]: plausible bounds, C.
    static constexpr double min_celsius = 25.0;
    static constexpr double max_celsius = 45.0;

    /// Trusts its caller (a constant in code, e.g. a policy's threshold); for data use make().
    constexpr body_temperature(double value, temperature_unit unit) noexcept
        : c_(unit == temperature_unit::fahrenheit ? (value - 32.0) * 5.0 / 9.0 : value) {}

    /// Errors: an undeclared unit; a value not finite or outside 25-45 C (shown in C).
    [[nodiscard]] static result<body_temperature> make(double value, temperature_unit unit,
                                                       std::string_view field = "temperature") {
        if (auto e = hsct::detail::check_enum(unit, hsct::field_ref(field, "unit"))) {
            return *e;
        }
        const body_temperature t(value, unit);
        if (!t.plausible()) {
            return t.refuse(field);
        }
        return t;
    }
    [[nodiscard]] constexpr double in(temperature_unit unit) const noexcept {
        return unit == temperature_unit::fahrenheit ? c_ * 9.0 / 5.0 + 32.0 : c_;
    }
    [[nodiscard]] bool plausible() const noexcept {
        return std::isfinite(c_) && c_ >= min_celsius && c_ <= max_celsius;
    }
    /// The error for an implausible value (error path only).
    [[nodiscard]] [[gnu::cold]] error refuse(std::string_view field) const {
        return error(std::isfinite(c_) ? errc::out_of_range : errc::not_finite, field,
                     hsct::detail::concat({hsct::detail::format_number(c_), " C"}), "25-45 C", "COMP-ES-020");
    }
    friend constexpr bool operator==(const body_temperature&, const body_temperature&) noexcept = default;

private:
    double c_;
};

// ---------------------------------------------------------------------------------------------
// Thresholds
// ---------------------------------------------------------------------------------------------

/// COMP-ES-001 [V2]: Spitzer fever, C (comparison by COMP-ES-002).
inline constexpr double spitzer_fever_celsius = 38.3;
/// COMP-ES-001 [V2]/[V-HB24]: Spitzer rash, % BSA (above, every source).
inline constexpr double spitzer_rash_percent = 25.0;
/// COMP-ES-001 [V2]: Spitzer hepatic: bilirubin, mg/dL (34.2 umol/L); transaminases, x ULN.
inline constexpr double spitzer_bilirubin_mg_dl = 2.0;
inline constexpr double spitzer_transaminases_times_uln = 2.0;
/// COMP-ES-001 [V2]: Spitzer renal: creatinine, x baseline.
inline constexpr double spitzer_creatinine_ratio = 2.0;
/// COMP-ES-001 [V2] (HB24 prints > 2.5 %): Spitzer weight gain, % of baseline.
inline constexpr double spitzer_weight_gain_percent = 2.5;
/// COMP-ES-001 [V2]/[V-HB24]: 3 major, or 2 major and 1 minor.
inline constexpr std::size_t spitzer_majors_alone = 3;
inline constexpr std::size_t spitzer_majors_with_minor = 2;
/// COMP-ES-003 [V-HB24]: 96 hours, read as 4 days.
inline constexpr std::int32_t spitzer_window_days = 4;
/// COMP-ES-010 [V2]: Maiolino: from 24 hours (1 day) before recovery.
inline constexpr std::int32_t maiolino_days_before = 1;
/// COMP-ES-010 [V2]: Maiolino diarrhoea: liquid stools a day (at least).
inline constexpr double maiolino_liquid_stools = 2.0;
/// COMP-ES-011 [U]: Maiolino's default fever threshold, C (at least); accepted 37.5-40.0 C.
inline constexpr double maiolino_default_fever_celsius = 38.3;
inline constexpr double maiolino_fever_min_celsius = 37.5;
inline constexpr double maiolino_fever_max_celsius = 40.0;
/// COMP-ES-010 [V]: the primary reading's rash: any (above 0 % BSA).
inline constexpr double maiolino_rash_percent = 0.0;
/// COMP-ES-012 [V-HB24]: the handbook reading: rash above 25 % BSA, weight gain above 3 %.
inline constexpr double maiolino_handbook_rash_percent = 25.0;
inline constexpr double maiolino_handbook_weight_gain_percent = 3.0;
/// COMP-ES-021 [P]: the bounds of a series and of its values.
inline constexpr std::size_t es_observations_max = 64;
inline constexpr double es_weight_min_kg = 0.3;
inline constexpr double es_weight_max_kg = 400.0;
inline constexpr std::uint8_t es_liquid_stools_max = 50;

// ---------------------------------------------------------------------------------------------
// Policies and vocabulary
// ---------------------------------------------------------------------------------------------

/// COMP-ES-002 [C]: how Spitzer's fever, laboratory and weight edges compare.
enum class spitzer_comparison : std::uint8_t {
    at_least = 1,  ///< >= (medicalalgorithms, the reference note) — default
    above = 2,     ///< > (a 2022 review)
};

constexpr auto hsct_enum_table(spitzer_comparison) noexcept {
    return make_enum_table<spitzer_comparison>("spitzer_comparison", {
        {spitzer_comparison::at_least, "at_least", "at or above each threshold"},
        {spitzer_comparison::above, "above", "above each threshold"},
    });
}

/// COMP-ES-003 [C]: Spitzer's window around the engraftment day.
enum class spitzer_window : std::uint8_t {
    symmetric_96h = 1,  ///< 96 h before to 96 h after (HB24-42) — default
    after_96h = 2,      ///< within 96 h after engraftment
};

constexpr auto hsct_enum_table(spitzer_window) noexcept {
    return make_enum_table<spitzer_window>("spitzer_window", {
        {spitzer_window::symmetric_96h, "symmetric_96h", "96 h before to 96 h after engraftment"},
        {spitzer_window::after_96h, "after_96h", "within 96 h after engraftment"},
    });
}

/// COMP-ES-010, COMP-ES-012: which reading of Maiolino.
enum class maiolino_reading : std::uint8_t {
    primary_2003 = 1,   ///< the paper's criteria (A2-2) — default
    handbook_2024 = 2,  ///< the EBMT Handbook 2024 table (rash > 25 %, weight > 3 %, oedema/hypoxia)
};

constexpr auto hsct_enum_table(maiolino_reading) noexcept {
    return make_enum_table<maiolino_reading>("maiolino_reading", {
        {maiolino_reading::primary_2003, "primary_2003", "Maiolino 2003 as published"},
        {maiolino_reading::handbook_2024, "handbook_2024", "Maiolino as tabulated in the EBMT Handbook 2024"},
    });
}

/// The signs of engraftment syndrome (Spitzer reads the first seven, Maiolino fever, rash,
/// pulmonary, diarrhoea and, in the handbook reading, weight gain).
enum class es_sign : std::uint8_t {
    fever = 1,
    rash = 2,
    pulmonary = 3,  ///< Spitzer: non-cardiogenic pulmonary oedema; Maiolino: pulmonary infiltrates
    hepatic = 4,
    renal = 5,
    weight_gain = 6,
    encephalopathy = 7,
    diarrhoea = 8,
};

constexpr auto hsct_enum_table(es_sign) noexcept {
    return make_enum_table<es_sign>("es_sign", {
        {es_sign::fever, "fever", "non-infectious fever"},
        {es_sign::rash, "rash", "skin rash"},
        {es_sign::pulmonary, "pulmonary", "pulmonary infiltrates or oedema"},
        {es_sign::hepatic, "hepatic", "hepatic dysfunction"},
        {es_sign::renal, "renal", "renal insufficiency"},
        {es_sign::weight_gain, "weight_gain", "weight gain"},
        {es_sign::encephalopathy, "encephalopathy", "transient unexplained encephalopathy"},
        {es_sign::diarrhoea, "diarrhoea", "diarrhoea"},
    });
}

/// COMP-ES-001..005: each item Spitzer's rule reads on a day.
enum class spitzer_criterion : std::uint8_t {
    temperature = 1,            ///< C, >= or > 38.3
    infection = 2,              ///< flag: an identified infection rules the fever out
    rash_extent = 3,            ///< % BSA, > 25
    rash_drug = 4,              ///< flag: a drug explains the rash (rules it out)
    rash_gvhd_histology = 5,    ///< flag: acute GVHD on histology (rules it out)
    pulmonary_infiltrates = 6,  ///< flag: diffuse infiltrates
    hypoxia = 7,                ///< flag
    pulmonary_other_cause = 8,  ///< flag: cardiac failure, thromboembolism or infection (rules it out)
    bilirubin = 9,              ///< mg/dL, >= or > 2
    transaminases = 10,         ///< x ULN, the higher of ALT and AST, >= or > 2
    creatinine_ratio = 11,      ///< x baseline, >= or > 2
    weight_gain = 12,           ///< % of baseline, >= or > 2.5
    encephalopathy = 13,        ///< flag
};

constexpr auto hsct_enum_table(spitzer_criterion) noexcept {
    using c = spitzer_criterion;
    return make_enum_table<spitzer_criterion>("spitzer_criterion", {
        {c::temperature, "temperature", "temperature at least 38.3 C"},
        {c::infection, "infection", "an infection identified (the fever does not count)"},
        {c::rash_extent, "rash_extent", "erythrodermatous rash over 25 % of body surface"},
        {c::rash_drug, "rash_drug", "the rash attributed to a drug (does not count)"},
        {c::rash_gvhd_histology, "rash_gvhd_histology", "acute GVHD on histology (the rash does not count)"},
        {c::pulmonary_infiltrates, "pulmonary_infiltrates", "diffuse pulmonary infiltrates"},
        {c::hypoxia, "hypoxia", "hypoxia"},
        {c::pulmonary_other_cause, "pulmonary_other_cause", "cardiac failure, thromboembolism or infection (the oedema does not count)"},
        {c::bilirubin, "bilirubin", "bilirubin at least 2 mg/dL"},
        {c::transaminases, "transaminases", "transaminases at least 2 x normal"},
        {c::creatinine_ratio, "creatinine_ratio", "creatinine at least 2 x baseline"},
        {c::weight_gain, "weight_gain", "weight gain at least 2.5 % of baseline"},
        {c::encephalopathy, "encephalopathy", "transient unexplained encephalopathy"},
    });
}

/// COMP-ES-010..012: each item Maiolino's rule reads on a day.
enum class maiolino_criterion : std::uint8_t {
    temperature = 1,            ///< C, >= the option's threshold [U]
    infection = 2,              ///< flag: an identified infection rules the fever out
    rash_extent = 3,            ///< % BSA, > 0 (primary) or > 25 (handbook)
    pulmonary_infiltrates = 4,  ///< flag
    hypoxia = 5,                ///< flag (handbook reading)
    pulmonary_other_cause = 6,  ///< flag (handbook reading; rules the oedema out)
    liquid_stools = 7,          ///< a day, >= 2
    stool_infection = 8,        ///< flag: microbiological evidence (rules the diarrhoea out)
    weight_gain = 9,            ///< % of baseline, > 3 (handbook reading)
};

constexpr auto hsct_enum_table(maiolino_criterion) noexcept {
    using c = maiolino_criterion;
    return make_enum_table<maiolino_criterion>("maiolino_criterion", {
        {c::temperature, "temperature", "temperature at least the fever threshold"},
        {c::infection, "infection", "an infection identified (the fever does not count)"},
        {c::rash_extent, "rash_extent", "skin rash (over 25 % of body surface in the handbook reading)"},
        {c::pulmonary_infiltrates, "pulmonary_infiltrates", "pulmonary infiltrates"},
        {c::hypoxia, "hypoxia", "hypoxia (handbook reading)"},
        {c::pulmonary_other_cause, "pulmonary_other_cause", "cardiac failure, thromboembolism or infection (handbook reading)"},
        {c::liquid_stools, "liquid_stools", "at least 2 liquid stools a day"},
        {c::stool_infection, "stool_infection", "microbiological evidence of infection (the diarrhoea does not count)"},
        {c::weight_gain, "weight_gain", "weight gain above 3 % of baseline (handbook reading)"},
    });
}

/// The inputs a criterion may lack.
enum class es_field : std::uint8_t {
    temperature = 1,
    infection = 2,
    rash_bsa = 3,
    rash_drug = 4,
    pulmonary_infiltrates = 5,
    hypoxia = 6,
    pulmonary_other_cause = 7,
    weight = 8,
    bilirubin = 9,
    transaminases = 10,
    creatinine = 11,
    encephalopathy = 12,
    liquid_stools = 13,
    stool_infection = 14,
};

constexpr auto hsct_enum_table(es_field) noexcept {
    using f = es_field;
    return make_enum_table<es_field>("es_field", {
        {f::temperature, "temperature", "temperature"},
        {f::infection, "infection", "whether an infection was identified"},
        {f::rash_bsa, "rash_bsa", "rash extent (% body surface)"},
        {f::rash_drug, "rash_drug", "whether a drug explains the rash"},
        {f::pulmonary_infiltrates, "pulmonary_infiltrates", "pulmonary infiltrates"},
        {f::hypoxia, "hypoxia", "hypoxia"},
        {f::pulmonary_other_cause, "pulmonary_other_cause", "cardiac failure, thromboembolism or infection"},
        {f::weight, "weight", "weight"},
        {f::bilirubin, "bilirubin", "bilirubin"},
        {f::transaminases, "transaminases", "transaminases (ALT or AST)"},
        {f::creatinine, "creatinine", "creatinine"},
        {f::encephalopathy, "encephalopathy", "encephalopathy"},
        {f::liquid_stools, "liquid_stools", "liquid stools a day"},
        {f::stool_infection, "stool_infection", "stool microbiology"},
    });
}

/// What a rule concludes.
enum class es_status : std::uint8_t {
    met = 1,                        ///< the criteria hold on a day in the window
    not_met = 2,
    unknown = 3,                    ///< not met, but could be with the missing inputs
    not_engrafted = 4,              ///< no engraftment day: the rule does not apply yet
    no_observations_in_window = 5,  ///< nothing observed in the window
};

constexpr auto hsct_enum_table(es_status) noexcept {
    return make_enum_table<es_status>("es_status", {
        {es_status::met, "met", "engraftment syndrome"},
        {es_status::not_met, "not_met", "criteria not met"},
        {es_status::unknown, "unknown", "unknown (inputs missing)"},
        {es_status::not_engrafted, "not_engrafted", "no engraftment day (does not apply yet)"},
        {es_status::no_observations_in_window, "no_observations_in_window", "no observations in the window"},
    });
}

// ---------------------------------------------------------------------------------------------
// Input, options, results
// ---------------------------------------------------------------------------------------------

/// One day's observations (absent: missing, never 0).
struct es_observation {
    hsct::transplant_day day;
    std::optional<body_temperature> temperature;        ///< the day's highest
    std::optional<bool> infection_identified;           ///< an infection that explains the fever
    std::optional<hsct::percent> rash_bsa;              ///< 0 % when there is no rash
    std::optional<bool> rash_drug_attributed;
    std::optional<bool> rash_acute_gvhd_on_histology;   ///< absent: no histology (does not rule out)
    std::optional<bool> pulmonary_infiltrates;          ///< diffuse infiltrates on imaging
    std::optional<bool> hypoxia;
    std::optional<bool> pulmonary_other_cause;          ///< cardiac failure, thromboembolism or infection
    std::optional<hsct::mass> weight;                   ///< read against input.baseline_weight
    std::optional<hsct::bilirubin> bilirubin;
    std::optional<hsct::lab_with_uln<hsct::alt>> alt;
    std::optional<hsct::lab_with_uln<hsct::ast>> ast;
    std::optional<hsct::creatinine> creatinine;         ///< read against input.baseline_creatinine
    std::optional<bool> encephalopathy;                 ///< transient and unexplained
    std::optional<std::uint8_t> liquid_stools;          ///< liquid stools that day
    std::optional<bool> stool_infection_identified;     ///< microbiological evidence of infection
};

/// The observations and what they are read against.
struct engraftment_syndrome_input {
    std::span<const es_observation> observations;  ///< strictly increasing days, none before Day 0
    /// Spitzer: the first of two consecutive days with ANC >= 0.5 x10^9/L; Maiolino: the first day
    /// of neutrophil recovery. Absent: not engrafted (the rules do not apply yet).
    std::optional<hsct::transplant_day> engraftment_day;
    std::optional<hsct::mass> baseline_weight;
    std::optional<hsct::creatinine> baseline_creatinine;
};

/// COMP-ES-002, -003: Spitzer's policies.
struct spitzer_es_options {
    spitzer_comparison comparison = spitzer_comparison::at_least;
    spitzer_window window = spitzer_window::symmetric_96h;
    friend constexpr bool operator==(const spitzer_es_options&, const spitzer_es_options&) noexcept = default;
};

/// COMP-ES-011, -012: Maiolino's reading and fever threshold.
struct maiolino_es_options {
    maiolino_reading reading = maiolino_reading::primary_2003;
    body_temperature fever_threshold{maiolino_default_fever_celsius, temperature_unit::celsius};  ///< [U]
    friend constexpr bool operator==(const maiolino_es_options&, const maiolino_es_options&) noexcept = default;
};

/// The signs met on one observed day.
struct es_day {
    hsct::transplant_day day;
    hsct::enum_set<es_sign> met;
    hsct::enum_set<es_sign> unknown;
    bool in_window = false;
};

template <class Id>
using es_dated_criterion = hsct::engraftment::dated_criterion<Id>;

/// COMP-ES-001..005: Spitzer's answer, the days, the evidence of one day.
struct spitzer_es_result {
    spitzer_es_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    es_status status = es_status::not_engrafted;
    std::optional<hsct::transplant_day> diagnosis_day;       ///< the first day in the window that meets
    std::optional<hsct::transplant_day> window_first;
    std::optional<hsct::transplant_day> window_last;
    std::optional<hsct::transplant_day> met_outside_window;  ///< the first day outside that would meet
    std::optional<hsct::transplant_day> evidence_day;        ///< the day `criteria` were read on
    std::uint8_t majors = 0;  ///< major criteria met on the evidence day
    std::uint8_t minors = 0;  ///< minor criteria met on the evidence day
    hsct::fixed_list<es_day, es_observations_max> days;
    hsct::fixed_list<es_dated_criterion<spitzer_criterion>, 13> criteria;
    hsct::enum_set<es_field> missing;
    spitzer_es_options options;
};

/// COMP-ES-010..012: Maiolino's answer, the days, the evidence of one day.
struct maiolino_es_result {
    maiolino_es_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    es_status status = es_status::not_engrafted;
    std::optional<hsct::transplant_day> diagnosis_day;
    std::optional<hsct::transplant_day> window_first;  ///< the day before recovery; no last day
    std::optional<hsct::transplant_day> evidence_day;
    hsct::fixed_list<es_day, es_observations_max> days;
    hsct::fixed_list<es_dated_criterion<maiolino_criterion>, 9> criteria;
    hsct::enum_set<es_field> missing;
    maiolino_es_options options;
    bool fever_threshold_unverified = true;  ///< COMP-ES-011: no source gives Maiolino's threshold
};

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

namespace detail::es {
using namespace hsct::complications::detail::tma_es;  // the shared helpers


inline constexpr const char* es_list = "observations";

[[nodiscard]] constexpr std::uint32_t es_bit(es_sign s) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(s);
}

/// COMP-ES-020, -021: the observations and baselines.
template <class = void>
[[nodiscard]] std::optional<error> check_es_input(const engraftment_syndrome_input& in) {
    const auto& obs = in.observations;
    // COMP-ES-021: at most 64 observations
    if (obs.size() > es_observations_max) {
        return error(errc::out_of_range, "observations", std::to_string(obs.size()), "at most 64 observations",
                     "COMP-ES-021");
    }
    if (in.engraftment_day && in.engraftment_day->before_day0()) {
        return error(errc::out_of_range, "engraftment_day", detail::tma_es::day_text(*in.engraftment_day), "D0 or later",
                     "COMP-ES-021");
    }
    const auto weight_bad = [](const hsct::mass& w) {
        const double kg = w.in(hsct::units::kg);
        return !std::isfinite(kg) || kg < es_weight_min_kg || kg > es_weight_max_kg;
    };
    const auto weight_text = [](const hsct::mass& w) {
        return hsct::detail::concat({hsct::detail::format_number(w.in(hsct::units::kg)), " kg"});
    };
    if (in.baseline_weight && weight_bad(*in.baseline_weight)) {
        return error(errc::out_of_range, "baseline_weight", weight_text(*in.baseline_weight), "0.3-400 kg",
                     "COMP-ES-021");
    }
    if (in.baseline_creatinine &&
        (!detail::tma_es::analyte_ok(*in.baseline_creatinine) || !(in.baseline_creatinine->in(hsct::units::mg_per_dl) > 0.0))) {
        return error(errc::out_of_range, "baseline_creatinine",
                     hsct::detail::concat({hsct::detail::format_number(in.baseline_creatinine->in(hsct::units::mg_per_dl)),
                                           " mg/dL"}),
                     "above 0 and at most 40 mg/dL", "COMP-ES-021");
    }
    for (std::size_t i = 0; i < obs.size(); ++i) {
        const auto& o = obs[i];
        if (o.day.before_day0()) {
            return detail::tma_es::item_error(errc::out_of_range, es_list, i, "day", detail::tma_es::day_text(o.day), "D0 or later",
                                      "COMP-ES-021");
        }
        if (i > 0 && !(obs[i - 1].day < o.day)) {
            return detail::tma_es::item_error(errc::inconsistent, es_list, i, "day", detail::tma_es::day_text(o.day),
                                      hsct::detail::concat({"after the previous observation's day, ",
                                                            detail::tma_es::day_text(obs[i - 1].day),
                                                            " (one observation a day, in day order)"}),
                                      "COMP-ES-021");
        }
        if (o.temperature && !o.temperature->plausible()) {
            return o.temperature->refuse(detail::tma_es::item_field(es_list, i, "temperature"));
        }
        if (o.rash_bsa) {
            const double p = o.rash_bsa->in(hsct::units::pct);
            if (!std::isfinite(p) || p < 0.0 || p > 100.0) {
                return detail::tma_es::item_error(std::isfinite(p) ? errc::out_of_range : errc::not_finite, es_list, i,
                                          "rash_bsa", hsct::detail::concat({hsct::detail::format_number(p), " %"}),
                                          "0-100 %", "COMP-ES-021");
            }
        }
        if (o.weight) {
            if (weight_bad(*o.weight)) {
                return detail::tma_es::item_error(errc::out_of_range, es_list, i, "weight", weight_text(*o.weight),
                                          "0.3-400 kg", "COMP-ES-021");
            }
            if (!in.baseline_weight) {
                return error(errc::missing, "baseline_weight", "",
                             hsct::detail::concat({"a baseline weight, to read ",
                                                   detail::tma_es::item_field(es_list, i, "weight")}),
                             "COMP-ES-021");
            }
        }
        if (o.bilirubin && !detail::tma_es::analyte_ok(*o.bilirubin)) {
            return detail::tma_es::analyte_error(*o.bilirubin, detail::tma_es::item_field(es_list, i, "bilirubin"), "COMP-ES-021");
        }
        if (o.creatinine) {
            if (!detail::tma_es::analyte_ok(*o.creatinine)) {
                return detail::tma_es::analyte_error(*o.creatinine, detail::tma_es::item_field(es_list, i, "creatinine"),
                                             "COMP-ES-021");
            }
            if (!in.baseline_creatinine) {
                return error(errc::missing, "baseline_creatinine", "",
                             hsct::detail::concat({"a baseline creatinine, to read ",
                                                   detail::tma_es::item_field(es_list, i, "creatinine")}),
                             "COMP-ES-021");
            }
        }
        if (o.liquid_stools && *o.liquid_stools > es_liquid_stools_max) {
            return detail::tma_es::item_error(errc::out_of_range, es_list, i, "liquid_stools",
                                      std::to_string(static_cast<unsigned>(*o.liquid_stools)), "0-50 a day",
                                      "COMP-ES-021");
        }
    }
    return std::nullopt;
}

/// NOT of a rule-out finding: met when the finding is absent (three-valued).
[[nodiscard]] constexpr hsct::outcome ruled_in(hsct::outcome exclusion) noexcept {
    return exclusion == hsct::outcome::met       ? hsct::outcome::not_met
           : exclusion == hsct::outcome::unknown ? hsct::outcome::unknown
                                                 : hsct::outcome::met;
}

/// A number compared with its threshold, or the missing input (both rules).
template <class Id, class Record>
HSCT_ALWAYS_INLINE hsct::outcome es_number(const std::optional<double>& v, Id id, es_field field,
                                           hsct::comparator cmp, double t, hsct::measure m, const char* req,
                                           bool verified, Record& rec, hsct::enum_set<es_field>& missing) {
    if (!v) {
        missing.insert(field);
        rec(id, hsct::outcome::unknown, cmp, t, hsct::measure::missing(field), req, verified);
        return hsct::outcome::unknown;
    }
    const auto o = detail::tma_es::compared(*v, cmp, t);
    rec(id, o, cmp, t, m, req, verified);
    return o;
}

/// The weight gain, % of baseline (checked present with any weight).
[[nodiscard]] inline std::optional<double> weight_gain_percent(const es_observation& o,
                                                               const engraftment_syndrome_input& in) noexcept {
    if (!o.weight) {
        return std::nullopt;
    }
    const double w0 = in.baseline_weight->in(hsct::units::kg);
    return (o.weight->in(hsct::units::kg) - w0) / w0 * 100.0;
}

struct es_masks {
    std::uint32_t met = 0;
    std::uint32_t unknown = 0;
};

HSCT_ALWAYS_INLINE void es_mark(es_masks& m, es_sign s, hsct::outcome o) noexcept {
    if (o == hsct::outcome::met) {
        m.met |= es_bit(s);
    } else if (o == hsct::outcome::unknown) {
        m.unknown |= es_bit(s);
    }
}

/// A non-infectious fever (both rules).
template <class Id, class Record>
HSCT_ALWAYS_INLINE hsct::outcome es_fever(const es_observation& o, Id temperature_id, Id infection_id,
                                          hsct::comparator cmp, double t, const char* req, bool verified,
                                          Record& rec, hsct::enum_set<es_field>& missing) {
    const std::optional<double> c =
        o.temperature ? std::optional<double>(o.temperature->in(temperature_unit::celsius)) : std::nullopt;
    const auto temp = es_number(c, temperature_id, es_field::temperature, cmp, t,
                                hsct::measure::count(c.value_or(0.0), hsct::count_unit::none), req, verified, rec,
                                missing);
    const auto infection = finding(o.infection_identified, infection_id, es_field::infection, "COMP-ES-005", rec,
                                   missing);
    return detail::tma_es::all_of(temp, ruled_in(infection));
}

/// Non-cardiogenic pulmonary oedema: infiltrates, hypoxia, no other cause (Spitzer; handbook Maiolino).
template <class Id, class Record>
HSCT_ALWAYS_INLINE hsct::outcome es_oedema(const es_observation& o, Id infiltrates_id, Id hypoxia_id, Id other_id,
                                           const char* req, Record& rec, hsct::enum_set<es_field>& missing) {
    const auto inf = finding(o.pulmonary_infiltrates, infiltrates_id, es_field::pulmonary_infiltrates, req, rec,
                             missing);
    const auto hyp = finding(o.hypoxia, hypoxia_id, es_field::hypoxia, req, rec, missing);
    const auto other = finding(o.pulmonary_other_cause, other_id, es_field::pulmonary_other_cause, "COMP-ES-005",
                               rec, missing);
    return detail::tma_es::all_of(detail::tma_es::all_of(inf, hyp), ruled_in(other));
}

/// COMP-ES-001..005: Spitzer's signs on one day.
template <class Record>
[[nodiscard]] es_masks evaluate_spitzer_day(const es_observation& o, const engraftment_syndrome_input& in,
                                            const spitzer_es_options& opt, Record&& rec,
                                            hsct::enum_set<es_field>& missing) {
    using c = spitzer_criterion;
    constexpr const char* req = "COMP-ES-001";
    constexpr const char* req_cmp = "COMP-ES-002";
    const auto cmp = opt.comparison == spitzer_comparison::above ? hsct::comparator::greater
                                                                 : hsct::comparator::greater_equal;
    es_masks m;
    // the comparison of these edges is a policy without a primary text: recorded unverified
    es_mark(m, es_sign::fever,
            es_fever(o, c::temperature, c::infection, cmp, spitzer_fever_celsius, req_cmp, false, rec, missing));
    // rash over 25 %, not a drug's, no acute GVHD on histology
    const std::optional<double> bsa =
        o.rash_bsa ? std::optional<double>(o.rash_bsa->in(hsct::units::pct)) : std::nullopt;
    const auto extent = es_number(bsa, c::rash_extent, es_field::rash_bsa, hsct::comparator::greater,
                                  spitzer_rash_percent,
                                  hsct::measure::of(o.rash_bsa.value_or(hsct::percent(0.0, hsct::units::pct)),
                                                    hsct::units::pct),
                                  req, true, rec, missing);
    const auto drug = finding(o.rash_drug_attributed, c::rash_drug, es_field::rash_drug, "COMP-ES-005", rec, missing);
    auto histology = hsct::outcome::not_met;  // no histology: no histological GVHD
    if (o.rash_acute_gvhd_on_histology) {
        histology = *o.rash_acute_gvhd_on_histology ? hsct::outcome::met : hsct::outcome::not_met;
        rec(c::rash_gvhd_histology, histology, hsct::comparator::present, 0.0,
            hsct::measure::flag(*o.rash_acute_gvhd_on_histology), "COMP-ES-005", true);
    }
    es_mark(m, es_sign::rash, detail::tma_es::all_of(detail::tma_es::all_of(extent, ruled_in(drug)), ruled_in(histology)));
    es_mark(m, es_sign::pulmonary,
            es_oedema(o, c::pulmonary_infiltrates, c::hypoxia, c::pulmonary_other_cause, req, rec, missing));
    // hepatic: bilirubin or transaminases
    const std::optional<double> bili =
        o.bilirubin ? std::optional<double>(o.bilirubin->in(hsct::units::mg_per_dl)) : std::nullopt;
    const auto b = es_number(bili, c::bilirubin, es_field::bilirubin, cmp, spitzer_bilirubin_mg_dl,
                             hsct::measure::of(o.bilirubin.value_or(hsct::bilirubin(0.0, hsct::units::mg_per_dl)),
                                               hsct::units::mg_per_dl),
                             req_cmp, false, rec, missing);
    std::optional<double> tx;
    if (o.alt) {
        tx = o.alt->times_uln();
    }
    if (o.ast && (!tx || o.ast->times_uln() > *tx)) {
        tx = o.ast->times_uln();
    }
    const auto t = es_number(tx, c::transaminases, es_field::transaminases, cmp, spitzer_transaminases_times_uln,
                             hsct::measure::count(tx.value_or(0.0), hsct::count_unit::times_uln), req_cmp, false, rec,
                             missing);
    es_mark(m, es_sign::hepatic, detail::tma_es::any_of(b, t));
    // renal
    const std::optional<double> ratio =
        o.creatinine ? std::optional<double>(o.creatinine->in(hsct::units::mg_per_dl) /
                                             in.baseline_creatinine->in(hsct::units::mg_per_dl))
                     : std::nullopt;
    es_mark(m, es_sign::renal,
            es_number(ratio, c::creatinine_ratio, es_field::creatinine, cmp, spitzer_creatinine_ratio,
                      hsct::measure::count(ratio.value_or(0.0), hsct::count_unit::none), req_cmp, false, rec,
                      missing));
    // weight gain
    const auto gain = weight_gain_percent(o, in);
    es_mark(m, es_sign::weight_gain,
            es_number(gain, c::weight_gain, es_field::weight, cmp, spitzer_weight_gain_percent,
                      hsct::measure::of(hsct::percent(gain.value_or(0.0), hsct::units::pct), hsct::units::pct),
                      req_cmp, false, rec, missing));
    es_mark(m, es_sign::encephalopathy,
            finding(o.encephalopathy, c::encephalopathy, es_field::encephalopathy, req, rec, missing));
    return m;
}

inline constexpr std::uint32_t spitzer_major_mask =
    (std::uint32_t{1} << 1) | (std::uint32_t{1} << 2) | (std::uint32_t{1} << 3);  // fever, rash, pulmonary
inline constexpr std::uint32_t spitzer_minor_mask =
    (std::uint32_t{1} << 4) | (std::uint32_t{1} << 5) | (std::uint32_t{1} << 6) | (std::uint32_t{1} << 7);

/// COMP-ES-001: 3 major, or 2 major and 1 minor, from a mask of signs.
[[nodiscard]] constexpr bool spitzer_count(std::uint32_t signs) noexcept {
    const auto majors = static_cast<std::size_t>(std::popcount(signs & spitzer_major_mask));
    const auto minors = static_cast<std::size_t>(std::popcount(signs & spitzer_minor_mask));
    return majors >= spitzer_majors_alone || (majors >= spitzer_majors_with_minor && minors >= 1);
}

/// COMP-ES-010, -012: Maiolino's signs on one day.
template <class Record>
[[nodiscard]] es_masks evaluate_maiolino_day(const es_observation& o, const engraftment_syndrome_input& in,
                                             const maiolino_es_options& opt, Record&& rec,
                                             hsct::enum_set<es_field>& missing) {
    using c = maiolino_criterion;
    const bool handbook = opt.reading == maiolino_reading::handbook_2024;
    const char* req = handbook ? "COMP-ES-012" : "COMP-ES-010";
    es_masks m;
    es_mark(m, es_sign::fever,
            es_fever(o, c::temperature, c::infection, hsct::comparator::greater_equal,
                     opt.fever_threshold.in(temperature_unit::celsius), "COMP-ES-011", false, rec, missing));
    // COMP-ES-010, COMP-ES-012: the rash: any (above 0 % BSA), or above 25 % in the handbook reading
    const std::optional<double> bsa =
        o.rash_bsa ? std::optional<double>(o.rash_bsa->in(hsct::units::pct)) : std::nullopt;
    es_mark(m, es_sign::rash,
            es_number(bsa, c::rash_extent, es_field::rash_bsa, hsct::comparator::greater,
                      handbook ? maiolino_handbook_rash_percent : maiolino_rash_percent,
                      hsct::measure::of(o.rash_bsa.value_or(hsct::percent(0.0, hsct::units::pct)), hsct::units::pct),
                      req, true, rec, missing));
    if (handbook) {
        es_mark(m, es_sign::pulmonary,
                es_oedema(o, c::pulmonary_infiltrates, c::hypoxia, c::pulmonary_other_cause, req, rec, missing));
        // COMP-ES-012: the handbook reading's weight gain, above 3 % of baseline
        const auto gain = weight_gain_percent(o, in);
        es_mark(m, es_sign::weight_gain,
                es_number(gain, c::weight_gain, es_field::weight, hsct::comparator::greater,
                          maiolino_handbook_weight_gain_percent,
                          hsct::measure::of(hsct::percent(gain.value_or(0.0), hsct::units::pct), hsct::units::pct),
                          req, true, rec, missing));
    } else {
        es_mark(m, es_sign::pulmonary,
                finding(o.pulmonary_infiltrates, c::pulmonary_infiltrates, es_field::pulmonary_infiltrates, req, rec,
                        missing));
    }
    // COMP-ES-010: diarrhoea: at least 2 liquid stools a day
    const std::optional<double> stools =
        o.liquid_stools ? std::optional<double>(static_cast<double>(*o.liquid_stools)) : std::nullopt;
    const auto many = es_number(stools, c::liquid_stools, es_field::liquid_stools, hsct::comparator::greater_equal,
                                maiolino_liquid_stools,
                                hsct::measure::count(stools.value_or(0.0), hsct::count_unit::none), req, true, rec,
                                missing);
    const auto infection = finding(o.stool_infection_identified, c::stool_infection, es_field::stool_infection,
                                   "COMP-ES-005", rec, missing);
    es_mark(m, es_sign::diarrhoea, detail::tma_es::all_of(many, ruled_in(infection)));
    return m;
}

/// COMP-ES-010: fever and at least one other sign.
[[nodiscard]] constexpr bool maiolino_count(std::uint32_t signs) noexcept {
    return (signs & es_bit(es_sign::fever)) != 0 && (signs & ~es_bit(es_sign::fever)) != 0;
}

template <class E>
[[nodiscard]] hsct::enum_set<E> es_set(std::uint32_t mask) noexcept {
    return hsct::enum_set<E>::from_bits(mask);  // the masks use enum_set's layout: bit c for code c
}

}  // namespace detail::es

/// COMP-ES-001..005, -020, -021: engraftment syndrome by Spitzer 2001. Errors (bad input only):
/// more than 64 observations; a day before Day 0 or not after the previous one; a weight or
/// creatinine without its baseline (missing); a value outside its range; an undeclared policy.
template <class = void>
[[nodiscard]] result<spitzer_es_result> assess_spitzer_es(const engraftment_syndrome_input& in,
                                                          const spitzer_es_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<spitzer_es_result> out(std::in_place);
    if (auto e = hsct::detail::check_enum(options.comparison, "options.comparison")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.window, "options.window")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::es::check_es_input(in)) {
        out = std::move(*e);
        return out;
    }
    spitzer_es_result& r = *out;
    r.options = options;
    if (!in.engraftment_day) {
        r.status = es_status::not_engrafted;
        return out;
    }
    const hsct::transplant_day e = *in.engraftment_day;
    const std::int32_t lo = options.window == spitzer_window::symmetric_96h ? -spitzer_window_days : 0;
    r.window_first = hsct::transplant_day::at(e.number() + lo < 0 ? 0 : e.number() + lo);
    r.window_last = hsct::transplant_day::at(e.number() + spitzer_window_days);
    const auto obs = in.observations;
    const auto ignore = [](spitzer_criterion, hsct::outcome, hsct::comparator, double, hsct::measure, const char*,
                           bool) noexcept {};
    bool possible = false;
    bool any_in_window = false;
    std::optional<std::size_t> evidence;
    std::size_t evidence_score = 0;
    std::optional<std::size_t> outside;
    for (std::size_t i = 0; i < obs.size(); ++i) {
        const auto m = detail::es::evaluate_spitzer_day(obs[i], in, options, ignore, r.missing);
        const auto offset = (obs[i].day - e).count();
        const bool in_window = offset >= lo && offset <= spitzer_window_days;
        r.days.push_back(es_day{obs[i].day, detail::es::es_set<es_sign>(m.met), detail::es::es_set<es_sign>(m.unknown),
                                in_window});
        const bool meets = detail::es::spitzer_count(m.met);
        if (!in_window) {
            if (meets && !outside) {
                outside = i;
            }
            continue;
        }
        any_in_window = true;
        if (meets && !r.diagnosis_day) {
            r.diagnosis_day = obs[i].day;
            evidence = i;
            evidence_score = 99;
        }
        possible = possible || detail::es::spitzer_count(m.met | m.unknown);
        const auto score = static_cast<std::size_t>(std::popcount(m.met));
        if (!evidence || score > evidence_score) {
            evidence = i;
            evidence_score = score;
        }
    }
    if (outside) {
        r.met_outside_window = obs[*outside].day;
    }
    r.status = r.diagnosis_day ? es_status::met
               : !any_in_window ? es_status::no_observations_in_window
               : possible       ? es_status::unknown
                                : es_status::not_met;
    if (!evidence) {
        evidence = outside;
    }
    if (evidence) {
        const auto& o = obs[*evidence];
        r.evidence_day = o.day;
        hsct::enum_set<es_field> scratch;
        const auto m = detail::es::evaluate_spitzer_day(
            o, in, options,
            [&](spitzer_criterion id, hsct::outcome oc, hsct::comparator cmp, double t, hsct::measure mm,
                const char* req, bool verified) {
                r.criteria.push_back(
                    es_dated_criterion<spitzer_criterion>{o.day, detail::tma_es::make_criterion(id, oc, cmp, t, mm, req, verified)});
            },
            scratch);
        r.majors = static_cast<std::uint8_t>(std::popcount(m.met & detail::es::spitzer_major_mask));
        r.minors = static_cast<std::uint8_t>(std::popcount(m.met & detail::es::spitzer_minor_mask));
    }
    return out;
}

/// COMP-ES-010..012, -020, -021: engraftment syndrome by Maiolino 2003 (same input checks as
/// assess_spitzer_es; the fever threshold outside 37.5-40.0 C is refused: "options.fever_threshold").
template <class = void>
[[nodiscard]] result<maiolino_es_result> assess_maiolino_es(const engraftment_syndrome_input& in,
                                                            const maiolino_es_options& options = {}) {
    result<maiolino_es_result> out(std::in_place);
    if (auto e = hsct::detail::check_enum(options.reading, "options.reading")) {
        out = std::move(*e);
        return out;
    }
    const double fever = options.fever_threshold.in(temperature_unit::celsius);
    if (!std::isfinite(fever) || fever < maiolino_fever_min_celsius || fever > maiolino_fever_max_celsius) {
        out = error(std::isfinite(fever) ? errc::out_of_range : errc::not_finite, "options.fever_threshold",
                    hsct::detail::concat({hsct::detail::format_number(fever), " C"}), "37.5-40 C", "COMP-ES-011");
        return out;
    }
    if (auto e = detail::es::check_es_input(in)) {
        out = std::move(*e);
        return out;
    }
    maiolino_es_result& r = *out;
    r.options = options;
    if (!in.engraftment_day) {
        r.status = es_status::not_engrafted;
        return out;
    }
    const std::int32_t first = in.engraftment_day->number() - maiolino_days_before;
    r.window_first = hsct::transplant_day::at(first < 0 ? 0 : first);
    const auto obs = in.observations;
    const auto ignore = [](maiolino_criterion, hsct::outcome, hsct::comparator, double, hsct::measure, const char*,
                           bool) noexcept {};
    bool possible = false;
    bool any_in_window = false;
    std::optional<std::size_t> evidence;
    std::size_t evidence_score = 0;
    for (std::size_t i = 0; i < obs.size(); ++i) {
        const auto m = detail::es::evaluate_maiolino_day(obs[i], in, options, ignore, r.missing);
        const bool in_window = obs[i].day.number() >= first;
        r.days.push_back(es_day{obs[i].day, detail::es::es_set<es_sign>(m.met), detail::es::es_set<es_sign>(m.unknown),
                                in_window});
        if (!in_window) {
            continue;
        }
        any_in_window = true;
        if (detail::es::maiolino_count(m.met) && !r.diagnosis_day) {
            r.diagnosis_day = obs[i].day;
            evidence = i;
            evidence_score = 99;
        }
        possible = possible || detail::es::maiolino_count(m.met | m.unknown);
        const auto score = static_cast<std::size_t>(std::popcount(m.met));
        if (!evidence || score > evidence_score) {
            evidence = i;
            evidence_score = score;
        }
    }
    r.status = r.diagnosis_day ? es_status::met
               : !any_in_window ? es_status::no_observations_in_window
               : possible       ? es_status::unknown
                                : es_status::not_met;
    if (evidence) {
        const auto& o = obs[*evidence];
        r.evidence_day = o.day;
        hsct::enum_set<es_field> scratch;
        (void)detail::es::evaluate_maiolino_day(
            o, in, options,
            [&](maiolino_criterion id, hsct::outcome oc, hsct::comparator cmp, double t, hsct::measure mm,
                const char* req, bool verified) {
                r.criteria.push_back(es_dated_criterion<maiolino_criterion>{
                    o.day, detail::tma_es::make_criterion(id, oc, cmp, t, mm, req, verified)});
            },
            scratch);
    }
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_ENGRAFTMENT_SYNDROME_HPP
