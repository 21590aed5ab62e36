// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Revaccination after HCT as data: per vaccine and per source, the number of doses, when the
// series may start (months, or days, after Day 0, as the source prints it), the minimum interval
// between doses, whether the vaccine is live, the grading the source prints and the conditions
// the row carries. The rule that reads these rows for a patient on a date is revaccination.hpp.
//
//   using namespace hsct::follow_up;
//   const vaccine_schedule_row& r = schedule_row(vaccination_schedule::ecil7_hb24,
//                                                vaccine::hepatitis_b);
//   r.doses;        // 3
//   r.start;        // 6 months (the printed range is 6-12 months: r.start_upper is 12 months)
//   r.interval;     // 1 month; r.last_from_first: the third dose 6 months after the first
//
// FU-VAC-001 the vaccines and the schedule as constexpr rows, one per vaccine and source, in the
// order of `vaccine`; a source that does not cover a vaccine has a row that says so
// (vaccine_advice::not_covered) [P].
// FU-VAC-002 default source: the EBMT Handbook 2024 (HB24) ch. 29 Table 29.1, the ECIL-7
// recommendations (Cordonnier et al., Lancet Infect Dis 2019) [V-HB24]. Autologous recipients
// follow the same rows ("same recommendations but grading changes": the grading stored is the
// allogeneic one).
// FU-VAC-003 a start printed as a range (6-12 months) is stored as the range: the series is due
// from its lower bound, the upper bound is reported (start_upper) [P]; "> 6 months" is stored with
// start_after set, read as due from the day after the date 6 months after Day 0 [P]; "3 months or
// 6 months" (Hib) is stored as 3-6 months.
// FU-VAC-004 intervals: 1 month between doses unless the row says otherwise (Table 29.1 note a);
// "at 1-2 months interval" (note e: DT, pertussis, polio) is stored as 1-2 months, due from 1;
// hepatitis B at 0, 1 and 6 months (note d): 1 month between doses and the third at least 6
// months after the first [V-HB24].
// FU-VAC-005 pneumococcal: 3 conjugate doses from 3 months, then 1 polysaccharide dose at 12
// months, no earlier than 8 weeks (56 days) after the last conjugate dose; with GVHD a 4th
// conjugate dose instead of the polysaccharide one (BIIr) [V-HB24].
// FU-VAC-006 influenza: > 6 months, from 3 months in a community outbreak, yearly lifelong; a
// second dose at least 4 weeks after the first for children 6 months through 8 years in their
// first post-HCT season (note b) [V-HB24]; "yearly" read as 12 calendar months after the last
// dose [P] (the season is the centre's).
// FU-VAC-007 alternative: the EBMT paediatric working party 2021 (Ifversen et al., Front Pediatr
// 2021) as summarised in HB24 section 29.6 [V-HB24 for the starts]: DTaP/IPV/HBV/Hib and PCV13 at
// a fixed 6 months if leukocytes have engrafted and platelets are >= 50 x10^9/L; optional
// vaccines from 12 months; PPSV23 optional at 24 months; HPV for adolescents from 12 months;
// MMR-V and varicella from 24 months; two influenza doses in the first season. HB24 Fig. 29.1 was
// not read: dose counts and intervals are ECIL-7's [U], and the influenza start is 6 months [U].
// FU-VAC-008 alternative: the US schedule (Tomblyn et al., BBMT 2009; Ljungman et al., BMT 2009;
// CDC/ACIP as tabulated in BMT 2014) as tabulated in the reference notes section 9.3 and the
// resolutions section 9.2 [V2]: PCV 3 doses 4 weeks apart from 3-6 months, PPSV23 at 12 months
// or a PCV booster with chronic GVHD; influenza from 4-6 months, yearly; DTaP/Td, Hib, IPV and
// hepatitis B 3 doses from 6-12 months; meningococcal conjugate 2 doses from 6-12 months; HPV
// from 6-12 months; MMR 2 doses 4 weeks apart from 24 months; varicella (optional) 2 doses 3
// months apart from 24 months. Intervals the notes do not print are ECIL-7's [U].
// FU-VAC-009 recombinant zoster vaccine: not covered by ECIL-7 (HB24 29.5.7: the trial was not
// yet published); the handbook's timing is stored: 2 doses 60 days apart, the first at 50-70 days
// after an autologous HCT (Bastidas et al., JAMA 2019) [V-HB24]. No recommendation for children
// (HB24 29.6.2.5). Its status always says "not covered".
// FU-VAC-010 live-attenuated zoster vaccine: not recommended (ECIL-7, DIII); contraindicated in
// HB24 29.2.5 and the US notes [V-HB24], [V2].
#ifndef HSCT_FOLLOW_UP_VACCINATION_SCHEDULE_HPP
#define HSCT_FOLLOW_UP_VACCINATION_SCHEDULE_HPP

#include <cstddef>
#include <cstdint>

#include "hsct/core/enum.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-VAC-001: the vaccines of the schedules.
enum class vaccine : std::uint8_t {
    pneumococcal_conjugate = 1,       ///< PCV (PCV13 and later)
    pneumococcal_polysaccharide = 2,  ///< PPSV23
    haemophilus_b = 3,                ///< Haemophilus influenzae type b conjugate
    influenza = 4,                    ///< inactivated influenza
    diphtheria_tetanus = 5,           ///< DT or Td
    pertussis = 6,                    ///< acellular pertussis (DTaP or Tdap)
    polio_inactivated = 7,            ///< IPV
    hepatitis_b = 8,
    papillomavirus = 9,               ///< HPV
    meningococcal_conjugate = 10,     ///< MenACWY or MenC conjugate
    meningococcal_b = 11,             ///< MenB (recombinant)
    measles_mumps_rubella = 12,       ///< MMR (live)
    varicella = 13,                   ///< live-attenuated varicella
    zoster_live = 14,                 ///< live-attenuated zoster (high titre)
    zoster_recombinant = 15,          ///< adjuvanted recombinant zoster (subunit)
};

constexpr auto hsct_enum_table(vaccine) noexcept {
    using v = vaccine;
    return make_enum_table<vaccine>("vaccine", {
        {v::pneumococcal_conjugate, "pneumococcal_conjugate", "pneumococcal conjugate (PCV)"},
        {v::pneumococcal_polysaccharide, "pneumococcal_polysaccharide", "pneumococcal polysaccharide (PPSV23)"},
        {v::haemophilus_b, "haemophilus_b", "Haemophilus influenzae type b conjugate"},
        {v::influenza, "influenza", "influenza (inactivated)"},
        {v::diphtheria_tetanus, "diphtheria_tetanus", "diphtheria-tetanus"},
        {v::pertussis, "pertussis", "pertussis (acellular)"},
        {v::polio_inactivated, "polio_inactivated", "polio (inactivated)"},
        {v::hepatitis_b, "hepatitis_b", "hepatitis B"},
        {v::papillomavirus, "papillomavirus", "human papillomavirus (HPV)"},
        {v::meningococcal_conjugate, "meningococcal_conjugate", "meningococcal conjugate (ACWY or C)"},
        {v::meningococcal_b, "meningococcal_b", "meningococcal B"},
        {v::measles_mumps_rubella, "measles_mumps_rubella", "measles-mumps-rubella (live)"},
        {v::varicella, "varicella", "varicella (live)"},
        {v::zoster_live, "zoster_live", "zoster (live-attenuated)"},
        {v::zoster_recombinant, "zoster_recombinant", "zoster (recombinant, adjuvanted)"},
    });
}

/// The number of vaccines (codes 1 to vaccine_count).
inline constexpr std::size_t vaccine_count = 15;

/// FU-VAC-002/007/008: the published schedule a result follows.
enum class vaccination_schedule : std::uint8_t {
    ecil7_hb24 = 1,            ///< ECIL-7 (Cordonnier 2019) as HB24 Table 29.1 prints it: default
    ebmt_paediatric_2021 = 2,  ///< EBMT paediatric working party (Ifversen 2021), HB24 29.6
    cdc_tomblyn_2009 = 3,      ///< Tomblyn/Ljungman 2009 and CDC/ACIP, as the reference notes tabulate them
};

constexpr auto hsct_enum_table(vaccination_schedule) noexcept {
    using s = vaccination_schedule;
    return make_enum_table<vaccination_schedule>("vaccination_schedule", {
        {s::ecil7_hb24, "ecil7_hb24", "ECIL-7 2019 (EBMT Handbook 2024 Table 29.1)"},
        {s::ebmt_paediatric_2021, "ebmt_paediatric_2021", "EBMT paediatric working party 2021 (EBMT Handbook 2024 29.6)"},
        {s::cdc_tomblyn_2009, "cdc_tomblyn_2009", "CDC/IDSA/ASBMT (Tomblyn 2009) as tabulated"},
    });
}

/// FU-VAC-001: what a source says of a vaccine.
enum class vaccine_advice : std::uint8_t {
    recommended = 1,      ///< part of the schedule
    optional = 2,         ///< "can be considered", optional or conditional
    not_recommended = 3,  ///< the source recommends against it
    contraindicated = 4,  ///< the source says contraindicated
    not_covered = 5,      ///< the source does not address it (or makes no recommendation)
};

constexpr auto hsct_enum_table(vaccine_advice) noexcept {
    using a = vaccine_advice;
    return make_enum_table<vaccine_advice>("vaccine_advice", {
        {a::recommended, "recommended", "recommended"},
        {a::optional, "optional", "optional or conditional"},
        {a::not_recommended, "not_recommended", "not recommended"},
        {a::contraindicated, "contraindicated", "contraindicated"},
        {a::not_covered, "not_covered", "not covered by the source"},
    });
}

/// How far a row's statement was checked (docs/conventions.md section 6).
enum class source_mark : std::uint8_t {
    v_hb24 = 1,  ///< [V-HB24] read in the EBMT Handbook 2024
    v = 2,       ///< [V] read in the primary text
    v2 = 3,      ///< [V2] two secondary sources, or one faithful reproduction
    u = 4,       ///< [U] unverified
    p = 5,       ///< [P] hsct's policy
};

constexpr auto hsct_enum_table(source_mark) noexcept {
    using m = source_mark;
    return make_enum_table<source_mark>("source_mark", {
        {m::v_hb24, "v_hb24", "[V-HB24]"},
        {m::v, "v", "[V]"},
        {m::v2, "v2", "[V2]"},
        {m::u, "u", "[U]"},
        {m::p, "p", "[P]"},
    });
}

/// FU-VAC-003: the unit of a row's time span.
enum class schedule_unit : std::uint8_t {
    months = 1,  ///< calendar months (add_months, under the month-end policy)
    days = 2,    ///< days (weeks are stored as days: 8 weeks = 56 days)
};

constexpr auto hsct_enum_table(schedule_unit) noexcept {
    return make_enum_table<schedule_unit>("schedule_unit", {
        {schedule_unit::months, "months", "months"},
        {schedule_unit::days, "days", "days"},
    });
}

/// FU-VAC-005: when a 4th conjugate dose replaces the polysaccharide dose.
enum class conjugate_substitution : std::uint8_t {
    never = 1,         ///< the source does not substitute
    any_gvhd = 2,      ///< "in case of GVHD" (ECIL-7)
    chronic_gvhd = 3,  ///< "if cGVHD" (the US notes)
};

constexpr auto hsct_enum_table(conjugate_substitution) noexcept {
    using c = conjugate_substitution;
    return make_enum_table<conjugate_substitution>("conjugate_substitution", {
        {c::never, "never", "no substitution"},
        {c::any_gvhd, "any_gvhd", "a 4th conjugate dose with any GVHD"},
        {c::chronic_gvhd, "chronic_gvhd", "a 4th conjugate dose with chronic GVHD"},
    });
}

/// A time span of a row: `count` months or days; a count of 0 means the row has none.
struct schedule_span {
    std::int16_t count = 0;
    schedule_unit unit = schedule_unit::months;

    [[nodiscard]] constexpr bool present() const noexcept { return count > 0; }
    friend constexpr bool operator==(const schedule_span&, const schedule_span&) = default;
};

[[nodiscard]] constexpr schedule_span months_span(std::int16_t n) noexcept { return {n, schedule_unit::months}; }
[[nodiscard]] constexpr schedule_span days_span(std::int16_t n) noexcept { return {n, schedule_unit::days}; }

/// FU-VAC-001: one vaccine as one source schedules it.
struct vaccine_schedule_row {
    vaccine which{};
    vaccine_advice advice{};
    bool live = false;
    std::uint8_t doses = 0;             ///< the series (for influenza: the first season)
    std::uint8_t doses_child = 0;       ///< the series for a child (see child_max_years)
    std::uint8_t child_max_years = 17;  ///< a child: at most this many completed years [P: under 18]
    schedule_span start;                ///< the printed start, lower bound (the series is due from it)
    schedule_span start_upper;          ///< the printed upper bound (equal to start for one value)
    bool start_after = false;           ///< printed ">": due from the day after (FU-VAC-003)
    schedule_span interval;             ///< the minimum between consecutive doses
    schedule_span interval_upper;       ///< the printed upper bound of the interval
    schedule_span last_from_first;      ///< the last dose at least this long after the first (HBV)
    schedule_span outbreak_start;       ///< the start during an outbreak (influenza 3, measles 12 months)
    schedule_span repeat;               ///< a further dose this long after the last (influenza: yearly)
    vaccine after_series{};             ///< a series that must be complete first (PPSV23 after PCV)
    schedule_span after_series_gap;     ///< and this long after its last dose (56 days)
    conjugate_substitution substitution = conjugate_substitution::never;  ///< PPSV23 only
    bool seronegative_only = false;     ///< only for seronegative patients (measles, varicella)
    bool engraftment_required = false;  ///< paediatric fixed start: leukocytes engrafted, platelets >= 50
    const char* grading = "";           ///< as printed ("AI", "BIIu"); empty when none is printed
    source_mark mark = source_mark::v_hb24;        ///< how the start and advice were checked
    source_mark doses_mark = source_mark::v_hb24;  ///< how the doses and intervals were checked
    const char* requirement = "";       ///< FU-VAC-...
    const char* citation = "";          ///< where the row is printed
};

namespace detail::vaccination {
using v = vaccine;
using a = vaccine_advice;
using m = source_mark;
using c = conjugate_substitution;

inline constexpr const char* hb24_table = "HB24 ch. 29 Table 29.1 (ECIL-7, Cordonnier 2019)";
inline constexpr const char* hb24_child = "HB24 ch. 29 section 29.6 (EBMT PDWP, Ifversen 2021)";
inline constexpr const char* us_notes = "notes 9.3 and resolutions 9.2 (Tomblyn 2009; CDC/ACIP)";

// FU-VAC-002/004/005/006/009/010: HB24 Table 29.1 (ECIL-7), in vaccine order.
inline constexpr vaccine_schedule_row ecil7_rows[vaccine_count] = {
    {v::pneumococcal_conjugate, a::recommended, false, 3, 3, 17, months_span(3), months_span(3), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "AI", m::v_hb24, m::v_hb24, "FU-VAC-005", hb24_table},
    {v::pneumococcal_polysaccharide, a::recommended, false, 1, 1, 17, months_span(12), months_span(12), false, {}, {},
     {}, {}, {}, v::pneumococcal_conjugate, days_span(56), c::any_gvhd, false, false, "BI", m::v_hb24, m::v_hb24,
     "FU-VAC-005", hb24_table},
    {v::haemophilus_b, a::recommended, false, 3, 3, 17, months_span(3), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "BIIr", m::v_hb24, m::v_hb24, "FU-VAC-003", hb24_table},
    {v::influenza, a::recommended, false, 1, 2, 8, months_span(6), months_span(6), true, days_span(28), days_span(28),
     {}, months_span(3), months_span(12), {}, {}, c::never, false, false, "AIIr", m::v_hb24, m::v_hb24, "FU-VAC-006",
     hb24_table},
    {v::diphtheria_tetanus, a::recommended, false, 3, 3, 17, months_span(6), months_span(6), false, months_span(1), months_span(2),
     {}, {}, {}, {}, {}, c::never, false, false, "BIu", m::v_hb24, m::v_hb24, "FU-VAC-004", hb24_table},
    {v::pertussis, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(2),
     {}, {}, {}, {}, {}, c::never, false, false, "CIII", m::v_hb24, m::v_hb24, "FU-VAC-004", hb24_table},
    {v::polio_inactivated, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(2),
     {}, {}, {}, {}, {}, c::never, false, false, "BIIu", m::v_hb24, m::v_hb24, "FU-VAC-004", hb24_table},
    {v::hepatitis_b, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     months_span(6), {}, {}, {}, {}, c::never, false, false, "BIIt", m::v_hb24, m::v_hb24, "FU-VAC-004", hb24_table},
    // "According to official label": HB24 29.5.5 gives three doses; the interval is note a's [U].
    // HPV and meningococcal vaccines follow each country's recommendations (Table 29.1: "follow
    // recommendations for general population in each country"; "in accordance with country
    // recommendations and local prevalence"): conditional, not for every recipient.
    {v::papillomavirus, a::optional, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "BIIu", m::v_hb24, m::u, "FU-VAC-003", hb24_table},
    {v::meningococcal_conjugate, a::optional, false, 2, 2, 17, months_span(6), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "BIIu", m::v_hb24, m::v_hb24, "FU-VAC-003", hb24_table},
    {v::meningococcal_b, a::optional, false, 2, 2, 17, months_span(6), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "BIII", m::v_hb24, m::v_hb24, "FU-VAC-003", hb24_table},
    {v::measles_mumps_rubella, a::recommended, true, 1, 2, 17, months_span(24), months_span(24), false, months_span(1), months_span(1),
     {}, months_span(12), {}, {}, {}, c::never, true, false, "BIIu", m::v_hb24, m::v_hb24, "FU-VAC-013", hb24_table},
    {v::varicella, a::optional, true, 1, 1, 17, months_span(24), months_span(24), true, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, true, false, "BIIr", m::v_hb24, m::v_hb24, "FU-VAC-013", hb24_table},
    {v::zoster_live, a::not_recommended, true, 0, 0, 17, {}, {}, false, {}, {},
     {}, {}, {}, {}, {}, c::never, false, false, "DIII", m::v_hb24, m::v_hb24, "FU-VAC-010", hb24_table},
    {v::zoster_recombinant, a::not_covered, false, 2, 2, 17, days_span(50), days_span(70), false, days_span(60), days_span(60),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v_hb24, m::v_hb24, "FU-VAC-009",
     "HB24 ch. 29 section 29.5.7 (Bastidas 2019; not in ECIL-7)"},
};

// FU-VAC-007: HB24 section 29.6 (EBMT PDWP 2021); dose counts and intervals [U] (Fig. 29.1 not read).
inline constexpr vaccine_schedule_row paediatric_rows[vaccine_count] = {
    {v::pneumococcal_conjugate, a::recommended, false, 3, 3, 17, months_span(6), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, true, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::pneumococcal_polysaccharide, a::optional, false, 1, 1, 17, months_span(24), months_span(24), false, {}, {},
     {}, {}, {}, v::pneumococcal_conjugate, days_span(56), c::never, false, false, "", m::v_hb24, m::u, "FU-VAC-007",
     hb24_child},
    {v::haemophilus_b, a::recommended, false, 3, 3, 17, months_span(6), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, true, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::influenza, a::recommended, false, 2, 2, 17, months_span(6), months_span(6), false, days_span(28), days_span(28),
     {}, {}, months_span(12), {}, {}, c::never, false, false, "", m::u, m::v_hb24, "FU-VAC-007", hb24_child},
    {v::diphtheria_tetanus, a::recommended, false, 3, 3, 17, months_span(6), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, true, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::pertussis, a::recommended, false, 3, 3, 17, months_span(6), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, true, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::polio_inactivated, a::recommended, false, 3, 3, 17, months_span(6), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, true, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::hepatitis_b, a::recommended, false, 3, 3, 17, months_span(6), months_span(6), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, true, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::papillomavirus, a::recommended, false, 3, 3, 17, months_span(12), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::meningococcal_conjugate, a::optional, false, 2, 2, 17, months_span(12), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::meningococcal_b, a::optional, false, 2, 2, 17, months_span(12), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::measles_mumps_rubella, a::recommended, true, 2, 2, 17, months_span(24), months_span(24), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::varicella, a::optional, true, 2, 2, 17, months_span(24), months_span(24), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v_hb24, m::u, "FU-VAC-007", hb24_child},
    {v::zoster_live, a::contraindicated, true, 0, 0, 17, {}, {}, false, {}, {},
     {}, {}, {}, {}, {}, c::never, false, false, "DIII", m::v_hb24, m::v_hb24, "FU-VAC-010",
     "HB24 ch. 29 section 29.2.5"},
    {v::zoster_recombinant, a::not_covered, false, 2, 2, 17, days_span(50), days_span(70), false, days_span(60), days_span(60),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v_hb24, m::v_hb24, "FU-VAC-009",
     "HB24 ch. 29 section 29.6.2.5 (no recommendation in children)"},
};

// FU-VAC-008: the US schedule as the notes tabulate it [V2]; intervals not printed are ECIL-7's [U].
inline constexpr vaccine_schedule_row us_rows[vaccine_count] = {
    {v::pneumococcal_conjugate, a::recommended, false, 3, 3, 17, months_span(3), months_span(6), false, days_span(28), days_span(28),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::v2, "FU-VAC-008", us_notes},
    {v::pneumococcal_polysaccharide, a::recommended, false, 1, 1, 17, months_span(12), months_span(12), false, {}, {},
     {}, {}, {}, v::pneumococcal_conjugate, {}, c::chronic_gvhd, false, false, "", m::v2, m::v2, "FU-VAC-008",
     us_notes},
    {v::haemophilus_b, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::u, "FU-VAC-008", us_notes},
    {v::influenza, a::recommended, false, 1, 1, 17, months_span(4), months_span(6), false, days_span(28), days_span(28),
     {}, {}, months_span(12), {}, {}, c::never, false, false, "", m::v2, m::v2, "FU-VAC-008", us_notes},
    {v::diphtheria_tetanus, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::u, "FU-VAC-008", us_notes},
    {v::pertussis, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::u, "FU-VAC-008", us_notes},
    {v::polio_inactivated, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::u, "FU-VAC-008", us_notes},
    {v::hepatitis_b, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     months_span(6), {}, {}, {}, {}, c::never, false, false, "", m::v2, m::u, "FU-VAC-008", us_notes},
    {v::papillomavirus, a::recommended, false, 3, 3, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::u, "FU-VAC-008", us_notes},
    {v::meningococcal_conjugate, a::recommended, false, 2, 2, 17, months_span(6), months_span(12), false, months_span(1), months_span(1),
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::v2, "FU-VAC-008", us_notes},
    {v::meningococcal_b, a::not_covered, false, 0, 0, 17, {}, {}, false, {}, {},
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::v2, "FU-VAC-008", us_notes},
    {v::measles_mumps_rubella, a::recommended, true, 2, 2, 17, months_span(24), months_span(24), false, days_span(28), days_span(28),
     {}, {}, {}, {}, {}, c::never, true, false, "", m::v2, m::v2, "FU-VAC-008", us_notes},
    {v::varicella, a::optional, true, 2, 2, 17, months_span(24), months_span(24), false, months_span(3), months_span(3),
     {}, {}, {}, {}, {}, c::never, true, false, "", m::v2, m::v2, "FU-VAC-008", us_notes},
    {v::zoster_live, a::contraindicated, true, 0, 0, 17, {}, {}, false, {}, {},
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::v2, "FU-VAC-010", us_notes},
    {v::zoster_recombinant, a::not_covered, false, 0, 0, 17, {}, {}, false, {}, {},
     {}, {}, {}, {}, {}, c::never, false, false, "", m::v2, m::v2, "FU-VAC-009",
     "notes 9.3 (NCCN, not Tomblyn 2009)"},
};
}  // namespace detail::vaccination

/// FU-VAC-001: the row of `which` in `schedule`. Precondition: both are declared enumerators
/// (the rule checks them first; an undeclared value gets the ECIL-7 row of PCV).
[[nodiscard]] constexpr const vaccine_schedule_row& schedule_row(vaccination_schedule schedule,
                                                                 vaccine which) noexcept {
    const auto code = static_cast<std::size_t>(static_cast<std::uint8_t>(which));
    const std::size_t i = code >= 1 && code <= vaccine_count ? code - 1 : 0;
    switch (schedule) {
        case vaccination_schedule::ebmt_paediatric_2021: return detail::vaccination::paediatric_rows[i];
        case vaccination_schedule::cdc_tomblyn_2009: return detail::vaccination::us_rows[i];
        case vaccination_schedule::ecil7_hb24: break;
    }
    return detail::vaccination::ecil7_rows[i];
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_VACCINATION_SCHEDULE_HPP
