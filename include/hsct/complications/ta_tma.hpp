// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Transplant-associated thrombotic microangiopathy (TA-TMA) from dated raw measurements: the
// harmonised 2023 criteria (Schoettler et al., Transplant Cell Ther 2023;29:151-163; EBMT, ASTCT,
// APBMT, CIBMTR) with their two-time-point rule and risk stratification, and the 2014 markers of
// Jodele et al. (Blood 2014;124:645-653), each under named policies where the sources differ.
//
//   using namespace hsct::complications;
//   ta_tma_assessment a[2];                      // one per time point, relative to Day 0
//   a[0].day = hsct::transplant_day::at(60);
//   a[0].ldh = *hsct::lab_with_uln<hsct::ldh>::from_multiple(1.5);
//   a[0].schistocytes = true;
//   a[0].bp = *blood_pressure::make(150, 95, pressure_unit::mmhg);
//   ...
//   ta_tma_input in;
//   in.assessments = a;
//   in.age = *hsct::age::make(45, 0);
//   auto r = assess_ta_tma(in);                  // result<ta_tma_result>
//   r->status;          // ta_tma_status::clinical
//   r->diagnosis_day;   // the second of the two time points
//   r->time_points;     // the criteria met on each day
//   r->risk;            // high / standard / unknown
//
// Requirement IDs (docs/complications.md; marks: [V] primary read, [V-HB24] EBMT Handbook 2024,
// [V2] two secondary sources, [U] unverified, [C] sources conflict, [P] hsct's policy):
// COMP-TMA-001 [V-HB24] (HB24-42 section 42.6.4): TA-TMA is biopsy-proven disease, or a clinical
//   diagnosis: at least 4 of the 7 criteria at two consecutive time points within 14 days. The
//   biopsy organ is a named policy [C] (K4, A2-3): any organ (HB24, default) or kidney or GI tract
//   (Kidney360's copy of Schoettler's table).
// COMP-TMA-002 [V-HB24] anaemia: any of failure to achieve red-cell transfusion independence
//   despite neutrophil engraftment, a haemoglobin decline of 1 g/dL from the patient's baseline
//   (read as at least 1 g/dL), new transfusion dependence; another cause (AIHA, PRCA) rules it out.
// COMP-TMA-003 [C] thrombocytopenia: Schoettler's Table 3 (A2-3 [V], default) lists three items:
//   failure of platelet engraftment WITH higher-than-expected transfusion needs, refractoriness to
//   platelet transfusion, a fall of at least 50 % from baseline; the handbook (HB24-42) lists four
//   (engraftment failure and higher-than-expected needs each alone; the fall "after full platelet
//   engraftment"). Named definition tma_thrombocytopenia_definition.
// COMP-TMA-004 LDH above the ULN for age [V-HB24]; Schoettler's Table 3 asks for it on at least two
//   occasions (A2-3 [V]): named policy tma_ldh_policy (two occasions, default; or one, as the
//   handbook prints it).
// COMP-TMA-005 [V-HB24] schistocytes present.
// COMP-TMA-006 [V-HB24] hypertension: under 18 years above the 99th percentile for age; from 18
//   years systolic at least 140 or diastolic at least 90 mmHg. Age is read in completed years at
//   Day 0 [P].
// COMP-TMA-007 [C] sC5b-9 above the ULN (HB24, default) or at least the ULN (Kidney360, the note):
//   named policy sc5b9_policy, used by the diagnostic criterion and the high-risk feature (K3).
// COMP-TMA-008 [V-HB24] proteinuria: random urine protein/creatinine ratio at least 1 mg/mg.
// COMP-TMA-009 the time-window rule: two consecutive assessments (adjacent in the series) at most
//   14 days apart, at least 4 criteria met at each; the diagnosis is complete on the second. The
//   printed phrase is [V-HB24]; the rest is hsct's reading [U]: each assessment is one time point
//   (nothing carried forward), 14 days inclusive (tma_window_policy), any four criteria at each
//   point or the same four (tma_pair_policy), and "consecutive" read as adjacent assessments
//   (default) or as any two assessments within the window, whatever lies between them
//   (tma_sequence_policy: a centre that assesses more often than the criteria are measured).
//   One time point meeting four, with nothing to pair yet, is pending: under the two-occasion LDH
//   policy its elevated LDH counts there, since the second time point that completes a pair
//   supplies the second occasion or the pair does not form.
// COMP-TMA-010 [V-HB24] (HB24-42 section 42.6.5) high-risk features: peak LDH at least 2 x ULN;
//   rUPCR at least 1 mg/mg; organ dysfunction in the setting of TMA except KDIGO stage 1 acute
//   kidney injury (creatinine 1.5-1.9 x baseline is standard risk; at least 2.0 x baseline, renal
//   replacement, or another organ's dysfunction is high risk; the gap 1.9-2.0 read as [1.5, 2.0)
//   then [2.0, ...) [U]); sC5b-9 above the ULN (COMP-TMA-007); concurrent acute GVHD grade II-IV;
//   concurrent systemic bacterial or viral infection. Read over the assessments from 14 days before
//   the diagnosis day to the end of the series [P] (the whole series when there is no diagnosis).
// COMP-TMA-011 [P] the series: at most 128 assessments, days strictly increasing, none before Day
//   0; haemoglobin and creatinine are read against the patient's baseline, which must then be given.
// COMP-TMA-012 [V-HB24] (HB24-42 section 42.6.3) decreased haptoglobin is a manifestation, not a
//   criterion: recorded, never counted.
// COMP-TMA-013 [P] the value types: blood pressure (systolic 40-300, diastolic 10-200 mmHg, below
//   the systolic; mmHg or kPa, 1 mmHg = 133.322387415 Pa), rUPCR (0-50 mg/mg; mg/mg, g/g, mg/g or
//   mg/mmol, 1 mg/mg = 113.12 mg/mmol, the unit most European laboratories report), sC5b-9 as a multiple of its ULN (value and ULN in
//   a mass concentration, 0-100000 ng/mL, or the multiple, 0-1000).
// COMP-TMA-020 [V2] Jodele 2014 markers: schistocytes; LDH above ULN; random urinalysis protein at
//   least 30 mg/dL; hypertension (3-18 years at least the 95th percentile; over 18 years at least
//   140/90 mmHg, read as systolic or diastolic [U]); sC5b-9 elevated (COMP-TMA-007's policy);
//   thrombocytopenia below 50 x10^9/L or a fall of at least 50 %; de novo anaemia (no numbers in
//   the 2014 tabulation: read as the harmonised anaemia criterion, the 2015 clarification [U]).
//   Histological TMA on tissue suffices alone [V2]. Age 18 is paediatric here (over 18 is adult).
// COMP-TMA-021 [U] Jodele 2014 has no verified counting rule (Q15): markers only by default;
//   jodele_count_policy::four_of_seven counts at least 4 markers at one time point, labelled
//   unverified on the result.
// COMP-TMA-022 [V] (Jodele 2014 abstract) urinalysis protein above 30 mg/dL with elevated sC5b-9 at
//   the same time point: the poor-prognosis pair, reported.
#ifndef HSCT_COMPLICATIONS_TA_TMA_HPP
#define HSCT_COMPLICATIONS_TA_TMA_HPP

#include <array>
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
#include "hsct/core/demographics.hpp"
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
// Value types (COMP-TMA-013)
// ---------------------------------------------------------------------------------------------

/// COMP-TMA-013: the unit of a blood pressure.
enum class pressure_unit : std::uint8_t {
    mmhg = 1,  ///< millimetres of mercury
    kpa = 2,   ///< kilopascals
};

constexpr auto hsct_enum_table(pressure_unit) noexcept {
    return make_enum_table<pressure_unit>("pressure_unit", {
        {pressure_unit::mmhg, "mmhg", "mmHg"},
        {pressure_unit::kpa, "kpa", "kPa"},
    });
}

/// COMP-TMA-013: mmHg per kPa (1 mmHg = 133.322387415 Pa, the conventional millimetre of mercury).
inline constexpr double mmhg_per_kpa = 1000.0 / 133.322387415;

/// COMP-TMA-013: a blood pressure reading, systolic over diastolic, kept in mmHg. 16 bytes.
class blood_pressure {
public:
    /// COMP-TMA-013 [P]: plausible bounds, in mmHg.
    static constexpr double systolic_min_mmhg = 40.0;
    static constexpr double systolic_max_mmhg = 300.0;
    static constexpr double diastolic_min_mmhg = 10.0;
    static constexpr double diastolic_max_mmhg = 200.0;

    /// Errors: an undeclared unit; a pressure not finite or outside its bounds (field
    /// "<field>.systolic", "<field>.diastolic"); a diastolic not below the systolic (inconsistent).
    [[nodiscard]] static result<blood_pressure> make(double systolic, double diastolic, pressure_unit unit,
                                                     std::string_view field = "blood_pressure") {
        if (auto e = hsct::detail::check_enum(unit, hsct::field_ref(field, "unit"))) {
            return *e;
        }
        const double k = unit == pressure_unit::kpa ? mmhg_per_kpa : 1.0;
        const double s = systolic * k;
        const double d = diastolic * k;
        if (!std::isfinite(s) || s < systolic_min_mmhg || s > systolic_max_mmhg) {
            return refuse(field, "systolic", s, systolic_min_mmhg, systolic_max_mmhg);
        }
        if (!std::isfinite(d) || d < diastolic_min_mmhg || d > diastolic_max_mmhg) {
            return refuse(field, "diastolic", d, diastolic_min_mmhg, diastolic_max_mmhg);
        }
        if (!(d < s)) {
            return error(errc::inconsistent, hsct::field_ref(field, "diastolic"),
                         hsct::detail::concat({hsct::detail::format_number(d), " mmHg"}),
                         hsct::detail::concat({"below the systolic, ", hsct::detail::format_number(s), " mmHg"}),
                         "COMP-TMA-013");
        }
        return blood_pressure(s, d);
    }
    [[nodiscard]] constexpr double systolic(pressure_unit unit) const noexcept {
        return unit == pressure_unit::kpa ? systolic_ / mmhg_per_kpa : systolic_;
    }
    [[nodiscard]] constexpr double diastolic(pressure_unit unit) const noexcept {
        return unit == pressure_unit::kpa ? diastolic_ / mmhg_per_kpa : diastolic_;
    }
    friend constexpr bool operator==(const blood_pressure&, const blood_pressure&) noexcept = default;

private:
    constexpr blood_pressure(double s, double d) noexcept : systolic_(s), diastolic_(d) {}
    [[gnu::cold]] static error refuse(std::string_view field, const char* leaf, double v, double lo, double hi) {
        return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, hsct::field_ref(field, leaf),
                     hsct::detail::concat({hsct::detail::format_number(v), " mmHg"}),
                     hsct::detail::concat({hsct::detail::format_number(lo), "-", hsct::detail::format_number(hi),
                                           " mmHg"}),
                     "COMP-TMA-013");
    }
    double systolic_;
    double diastolic_;
};

/// COMP-TMA-013: the unit of a urine protein/creatinine ratio. Europe mostly reports mg/mmol:
/// 1 mg/mg = 113.12 mg/mmol (creatinine 113.12 g/mol), so a normal 15 mg/mmol is 0.13 mg/mg and
/// must never be entered as mg/mg.
enum class upcr_unit : std::uint8_t {
    mg_per_mg = 1,    ///< mg protein per mg creatinine (the unit the harmonised criteria print)
    g_per_g = 2,      ///< g per g (the same number)
    mg_per_g = 3,     ///< mg per g creatinine (1 mg/mg = 1000 mg/g)
    mg_per_mmol = 4,  ///< mg protein per mmol creatinine (1 mg/mg = 113.12 mg/mmol)
};

constexpr auto hsct_enum_table(upcr_unit) noexcept {
    return make_enum_table<upcr_unit>("upcr_unit", {
        {upcr_unit::mg_per_mg, "mg_per_mg", "mg/mg"},
        {upcr_unit::g_per_g, "g_per_g", "g/g"},
        {upcr_unit::mg_per_g, "mg_per_g", "mg/g"},
        {upcr_unit::mg_per_mmol, "mg_per_mmol", "mg/mmol"},
    });
}

namespace detail::tma {
/// Creatinine's molar mass, g/mol (mg per mmol).
inline constexpr double creatinine_mg_per_mmol = 113.12;
/// The number of `u` in one mg/mg.
[[nodiscard]] constexpr double upcr_per_mg_per_mg(upcr_unit u) noexcept {
    return u == upcr_unit::mg_per_g ? 1000.0 : u == upcr_unit::mg_per_mmol ? creatinine_mg_per_mmol : 1.0;
}
}  // namespace detail::tma

/// COMP-TMA-013: a random urine protein/creatinine ratio (rUPCR), kept in mg/mg. 8 bytes.
class protein_creatinine_ratio {
public:
    /// COMP-TMA-013 [P]: plausible bound, mg/mg (nephrotic range begins near 2-3.5).
    static constexpr double max_mg_per_mg = 50.0;
    /// Errors: an undeclared unit; a ratio not finite or outside 0-50 mg/mg.
    [[nodiscard]] static result<protein_creatinine_ratio> make(double value, upcr_unit unit,
                                                               std::string_view field = "rupcr") {
        if (auto e = hsct::detail::check_enum(unit, hsct::field_ref(field, "unit"))) {
            return *e;
        }
        const double v = value / detail::tma::upcr_per_mg_per_mg(unit);
        if (!std::isfinite(v) || v < 0.0 || v > max_mg_per_mg) {
            return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field,
                         hsct::detail::concat({hsct::detail::format_number(v), " mg/mg"}), "0-50 mg/mg",
                         "COMP-TMA-013");
        }
        return protein_creatinine_ratio(v);
    }
    [[nodiscard]] constexpr double in(upcr_unit unit) const noexcept {
        return v_ * detail::tma::upcr_per_mg_per_mg(unit);
    }
    friend constexpr bool operator==(const protein_creatinine_ratio&, const protein_creatinine_ratio&) noexcept = default;

private:
    constexpr explicit protein_creatinine_ratio(double v) noexcept : v_(v) {}
    double v_;
};

/// COMP-TMA-013: plasma soluble C5b-9 as a multiple of its laboratory's ULN. 8 bytes.
class sc5b9_level {
public:
    /// COMP-TMA-013 [P]: plausible bound of a value or a ULN (100000 ng/mL = 10 mg/dL).
    static constexpr double max_ng_per_ml = 100000.0;
    /// COMP-TMA-013 [P]: the largest multiple (as CORE-ULN-002).
    static constexpr double max_times_uln = 1000.0;

    /// From the value and the laboratory's ULN (any mass-concentration units). Errors: a value
    /// not finite or outside 0-100000 ng/mL ("<field>.value"); a ULN not above 0 or above
    /// 100000 ng/mL, or one that makes the multiple exceed 1000 ("<field>.upper_limit_of_normal").
    [[nodiscard]] static result<sc5b9_level> make(const hsct::mass_concentration& value,
                                                  const hsct::mass_concentration& uln,
                                                  std::string_view field = "sc5b9") {
        const double v = value.in(hsct::units::ng_per_ml);
        const double u = uln.in(hsct::units::ng_per_ml);
        if (!std::isfinite(v) || v < 0.0 || v > max_ng_per_ml) {
            return refuse(std::isfinite(v), field, "value", v, "0-100000 ng/mL");
        }
        if (!std::isfinite(u) || !(u > 0.0) || u > max_ng_per_ml || v / u > max_times_uln) {
            return refuse(std::isfinite(u), field, "upper_limit_of_normal", u,
                          "above 0 and at most 100000 ng/mL, the value at most 1000 x ULN");
        }
        return sc5b9_level(v / u);
    }
    /// From the multiple alone, as forms record it. Error: not finite or outside 0-1000.
    [[nodiscard]] static result<sc5b9_level> from_multiple(double times_uln, std::string_view field = "sc5b9") {
        if (!std::isfinite(times_uln) || times_uln < 0.0 || times_uln > max_times_uln) {
            return error(std::isfinite(times_uln) ? errc::out_of_range : errc::not_finite, field,
                         hsct::detail::concat({hsct::detail::format_number(times_uln), " x ULN"}), "0-1000 x ULN",
                         "COMP-TMA-013");
        }
        return sc5b9_level(times_uln);
    }
    [[nodiscard]] constexpr double times_uln() const noexcept { return ratio_; }
    friend constexpr bool operator==(const sc5b9_level&, const sc5b9_level&) noexcept = default;

private:
    constexpr explicit sc5b9_level(double r) noexcept : ratio_(r) {}
    [[gnu::cold]] static error refuse(bool finite, std::string_view field, const char* leaf, double v,
                                      const char* valid) {
        return error(finite ? errc::out_of_range : errc::not_finite, hsct::field_ref(field, leaf),
                     hsct::detail::concat({hsct::detail::format_number(v), " ng/mL"}), valid, "COMP-TMA-013");
    }
    double ratio_;
};

// ---------------------------------------------------------------------------------------------
// Thresholds (each beside its requirement ID and source)
// ---------------------------------------------------------------------------------------------

/// COMP-TMA-001 [V-HB24]: criteria needed at each of the two time points.
inline constexpr std::size_t tma_criteria_needed = 4;
/// COMP-TMA-009 [V-HB24] the window: two consecutive time points within 14 days.
inline constexpr std::int32_t tma_window_days = 14;
/// COMP-TMA-002 [V-HB24]: haemoglobin decline from baseline, g/dL (at least).
inline constexpr double tma_haemoglobin_decline_g_dl = 1.0;
/// COMP-TMA-003 [V-HB24], [V] A2-3: platelet fall from baseline, % (at least).
inline constexpr double tma_platelet_fall_percent = 50.0;
/// COMP-TMA-004 [V-HB24]: LDH above 1 x ULN for age.
inline constexpr double tma_ldh_times_uln = 1.0;
/// COMP-TMA-004 [V] (A2-3, Schoettler Table 3): occasions with LDH above the ULN.
inline constexpr std::size_t tma_ldh_occasions_needed = 2;
/// COMP-TMA-006 [V-HB24]: adult from 18 completed years.
inline constexpr int tma_adult_age_years = 18;
/// COMP-TMA-006 [V-HB24]: adult systolic, mmHg (at least).
inline constexpr double tma_adult_systolic_mmhg = 140.0;
/// COMP-TMA-006 [V-HB24]: adult diastolic, mmHg (at least).
inline constexpr double tma_adult_diastolic_mmhg = 90.0;
/// COMP-TMA-006 [V-HB24]: child, percentile for age (above).
inline constexpr double tma_child_bp_percentile = 99.0;
/// COMP-TMA-007 [C]: sC5b-9, x ULN (above, or at least, by policy).
inline constexpr double tma_sc5b9_times_uln = 1.0;
/// COMP-TMA-008 [V-HB24]: rUPCR, mg/mg (at least).
inline constexpr double tma_rupcr_mg_per_mg = 1.0;
/// COMP-TMA-010 [V-HB24]: high risk: peak LDH, x ULN (at least).
inline constexpr double tma_high_risk_ldh_times_uln = 2.0;
/// COMP-TMA-010 [V-HB24]: high risk: rUPCR, mg/mg (at least).
inline constexpr double tma_high_risk_rupcr_mg_per_mg = 1.0;
/// COMP-TMA-010 [V-HB24]: KDIGO stage 1 is creatinine 1.5-1.9 x baseline (standard risk); from
/// 2.0 x baseline (KDIGO stage 2 or more) the kidney counts as organ dysfunction.
inline constexpr double tma_kdigo_stage1_ratio = 1.5;
inline constexpr double tma_kdigo_stage2_ratio = 2.0;
/// COMP-TMA-011 [P]: assessments a series holds.
inline constexpr std::size_t tma_assessments_max = 128;
/// COMP-TMA-020 [V2]: Jodele 2014 urinalysis protein, mg/dL (at least).
inline constexpr double jodele_urine_protein_mg_dl = 30.0;
/// COMP-TMA-020 [V2]: Jodele 2014 children 3-18 years: BP percentile (at least).
inline constexpr double jodele_child_bp_percentile = 95.0;
inline constexpr int jodele_child_min_age_years = 3;
/// COMP-TMA-020 [V2]: Jodele 2014 adults: over 18 years; systolic 140, diastolic 90 mmHg (at least).
inline constexpr int jodele_child_max_age_years = 18;
inline constexpr double jodele_adult_systolic_mmhg = 140.0;
inline constexpr double jodele_adult_diastolic_mmhg = 90.0;
/// COMP-TMA-020 [V2]: Jodele 2014 platelets below 50 x10^9/L, or a fall of at least 50 %.
inline constexpr double jodele_platelets_below_e9_per_l = 50.0;
inline constexpr double jodele_platelet_fall_percent = 50.0;
/// COMP-TMA-021 [U]: the unverified count, at one time point.
inline constexpr std::size_t jodele_markers_counted = 4;
/// COMP-TMA-022 [V]: the poor-prognosis protein, mg/dL (above).
inline constexpr double jodele_poor_prognosis_protein_mg_dl = 30.0;

// ---------------------------------------------------------------------------------------------
// Policies and vocabulary
// ---------------------------------------------------------------------------------------------

/// COMP-TMA-007 [C]: how sC5b-9 compares with its ULN.
enum class sc5b9_policy : std::uint8_t {
    above_uln = 1,        ///< > ULN ("elevated", HB24-42 diagnostic and risk tables) — default
    at_or_above_uln = 2,  ///< >= ULN (Kidney360 copy of Schoettler's table; the reference note)
};

constexpr auto hsct_enum_table(sc5b9_policy) noexcept {
    return make_enum_table<sc5b9_policy>("sc5b9_policy", {
        {sc5b9_policy::above_uln, "above_uln", "sC5b-9 above the ULN (HB24)"},
        {sc5b9_policy::at_or_above_uln, "at_or_above_uln", "sC5b-9 at or above the ULN (Kidney360)"},
    });
}

/// COMP-TMA-003 [C]: which list of thrombocytopenia items.
enum class tma_thrombocytopenia_definition : std::uint8_t {
    schoettler_2023 = 1,  ///< three items (Schoettler Table 3, A2-3) — default
    handbook_2024 = 2,    ///< four items (HB24-42, Kidney360)
};

constexpr auto hsct_enum_table(tma_thrombocytopenia_definition) noexcept {
    using d = tma_thrombocytopenia_definition;
    return make_enum_table<tma_thrombocytopenia_definition>("tma_thrombocytopenia_definition", {
        {d::schoettler_2023, "schoettler_2023", "three items (Schoettler 2023 Table 3)"},
        {d::handbook_2024, "handbook_2024", "four items (EBMT Handbook 2024)"},
    });
}

/// COMP-TMA-001 [C]: which biopsies prove TA-TMA.
enum class tma_biopsy_policy : std::uint8_t {
    any_organ = 1,     ///< any organ (HB24-42) — default
    kidney_or_gi = 2,  ///< kidney or GI tract (Kidney360)
};

constexpr auto hsct_enum_table(tma_biopsy_policy) noexcept {
    return make_enum_table<tma_biopsy_policy>("tma_biopsy_policy", {
        {tma_biopsy_policy::any_organ, "any_organ", "a biopsy of any organ (HB24)"},
        {tma_biopsy_policy::kidney_or_gi, "kidney_or_gi", "a biopsy of the kidney or GI tract (Kidney360)"},
    });
}

/// COMP-TMA-009 [U]: which criteria the two time points need.
enum class tma_pair_policy : std::uint8_t {
    four_at_each = 1,       ///< at least four at each point, not necessarily the same — default
    same_four_at_both = 2,  ///< at least four criteria met at both points
};

constexpr auto hsct_enum_table(tma_pair_policy) noexcept {
    return make_enum_table<tma_pair_policy>("tma_pair_policy", {
        {tma_pair_policy::four_at_each, "four_at_each", "at least four criteria at each time point"},
        {tma_pair_policy::same_four_at_both, "same_four_at_both", "the same four criteria at both time points"},
    });
}

/// COMP-TMA-009 [U]: whether two points exactly 14 days apart are "within 14 days".
enum class tma_window_policy : std::uint8_t {
    inclusive = 1,  ///< at most 14 days apart — default
    exclusive = 2,  ///< fewer than 14 days apart
};

constexpr auto hsct_enum_table(tma_window_policy) noexcept {
    return make_enum_table<tma_window_policy>("tma_window_policy", {
        {tma_window_policy::inclusive, "inclusive", "at most 14 days apart"},
        {tma_window_policy::exclusive, "exclusive", "fewer than 14 days apart"},
    });
}

/// COMP-TMA-009 [U]: which two assessments may form the pair.
enum class tma_sequence_policy : std::uint8_t {
    adjacent = 1,       ///< two adjacent assessments of the series — default
    any_in_window = 2,  ///< any two assessments within the window, whatever lies between them
};

constexpr auto hsct_enum_table(tma_sequence_policy) noexcept {
    return make_enum_table<tma_sequence_policy>("tma_sequence_policy", {
        {tma_sequence_policy::adjacent, "adjacent", "two adjacent assessments"},
        {tma_sequence_policy::any_in_window, "any_in_window", "any two assessments within the window"},
    });
}

/// COMP-TMA-004: how many occasions of LDH above the ULN the LDH criterion needs.
enum class tma_ldh_policy : std::uint8_t {
    two_occasions = 1,  ///< at least two, on or before the diagnosis day (Schoettler Table 3, A2-3) — default
    one_occasion = 2,   ///< the time point's own value (HB24-42 prints no count)
};

constexpr auto hsct_enum_table(tma_ldh_policy) noexcept {
    return make_enum_table<tma_ldh_policy>("tma_ldh_policy", {
        {tma_ldh_policy::two_occasions, "two_occasions", "LDH above the ULN on at least two occasions (Schoettler 2023)"},
        {tma_ldh_policy::one_occasion, "one_occasion", "LDH above the ULN at the time point (HB24)"},
    });
}

/// COMP-TMA-021 [U]: whether Jodele 2014 markers are counted into a diagnosis.
enum class jodele_count_policy : std::uint8_t {
    markers_only = 1,   ///< markers reported with their days, no count-based diagnosis — default
    four_of_seven = 2,  ///< at least 4 markers at one time point (an unverified count)
};

constexpr auto hsct_enum_table(jodele_count_policy) noexcept {
    return make_enum_table<jodele_count_policy>("jodele_count_policy", {
        {jodele_count_policy::markers_only, "markers_only", "markers only (no count-based diagnosis)"},
        {jodele_count_policy::four_of_seven, "four_of_seven", "at least 4 of 7 markers at one time point (unverified count)"},
    });
}

/// COMP-TMA-001: the organ a biopsy showed TMA in.
enum class tma_biopsy_site : std::uint8_t {
    kidney = 1,
    gastrointestinal_tract = 2,
    other_organ = 3,
};

constexpr auto hsct_enum_table(tma_biopsy_site) noexcept {
    return make_enum_table<tma_biopsy_site>("tma_biopsy_site", {
        {tma_biopsy_site::kidney, "kidney", "kidney"},
        {tma_biopsy_site::gastrointestinal_tract, "gastrointestinal_tract", "gastrointestinal tract"},
        {tma_biopsy_site::other_organ, "other_organ", "another organ"},
    });
}

/// COMP-TMA-010: an organ whose dysfunction developed in the setting of TMA (HB24-42 section
/// 42.6.3). The kidney is also read from creatinine against baseline and renal replacement.
enum class tma_organ : std::uint8_t {
    kidney = 1,                  ///< beyond KDIGO stage 1 by the clinician's judgement (e.g. measured GFR)
    lungs = 2,                   ///< hypoxaemia, respiratory distress
    heart = 3,                   ///< pulmonary hypertension, right-sided heart failure
    gastrointestinal_tract = 4,  ///< abdominal pain, GI bleeding, ileus
    central_nervous_system = 5,  ///< confusion, seizures, PRES
    serosa = 6,                  ///< refractory pericardial/pleural effusion or ascites (polyserositis)
    other = 7,
};

constexpr auto hsct_enum_table(tma_organ) noexcept {
    return make_enum_table<tma_organ>("tma_organ", {
        {tma_organ::kidney, "kidney", "kidney (beyond KDIGO stage 1)"},
        {tma_organ::lungs, "lungs", "lungs"},
        {tma_organ::heart, "heart", "heart (pulmonary hypertension, right heart failure)"},
        {tma_organ::gastrointestinal_tract, "gastrointestinal_tract", "gastrointestinal tract"},
        {tma_organ::central_nervous_system, "central_nervous_system", "central nervous system"},
        {tma_organ::serosa, "serosa", "serosa (polyserositis)"},
        {tma_organ::other, "other", "another organ"},
    });
}

/// COMP-TMA-001: the seven harmonised criteria.
enum class ta_tma_sign : std::uint8_t {
    anaemia = 1,
    thrombocytopenia = 2,
    elevated_ldh = 3,
    schistocytes = 4,
    hypertension = 5,
    elevated_sc5b9 = 6,
    proteinuria = 7,
};

constexpr auto hsct_enum_table(ta_tma_sign) noexcept {
    using s = ta_tma_sign;
    return make_enum_table<ta_tma_sign>("ta_tma_sign", {
        {s::anaemia, "anaemia", "anaemia"},
        {s::thrombocytopenia, "thrombocytopenia", "thrombocytopenia"},
        {s::elevated_ldh, "elevated_ldh", "elevated LDH"},
        {s::schistocytes, "schistocytes", "schistocytes"},
        {s::hypertension, "hypertension", "hypertension"},
        {s::elevated_sc5b9, "elevated_sc5b9", "elevated sC5b-9"},
        {s::proteinuria, "proteinuria", "proteinuria"},
    });
}

/// COMP-TMA-001..012: each item the harmonised rule evaluates at a time point.
enum class ta_tma_criterion : std::uint8_t {
    rbc_transfusion_independence_not_achieved = 1,  ///< flag; COMP-TMA-002
    haemoglobin_decline = 2,                        ///< g/dL below baseline, >= 1
    new_rbc_transfusion_dependence = 3,             ///< flag
    other_anaemia_cause = 4,                        ///< flag: met = another cause rules anaemia out
    platelet_engraftment_failure = 5,               ///< flag; COMP-TMA-003
    platelet_transfusions_above_expected = 6,       ///< flag
    platelet_refractoriness = 7,                    ///< flag
    platelet_fall = 8,                              ///< % below baseline, >= 50
    ldh = 9,                                        ///< x ULN, > 1; COMP-TMA-004
    ldh_occasions = 10,                             ///< occasions above the ULN by the day, >= 2
    schistocytes = 11,                              ///< flag; COMP-TMA-005
    systolic_bp = 12,                               ///< mmHg, >= 140 (from 18 years); COMP-TMA-006
    diastolic_bp = 13,                              ///< mmHg, >= 90 (from 18 years)
    bp_percentile = 14,                             ///< percentile for age, > 99 (under 18)
    sc5b9 = 15,                                     ///< x ULN, > 1 or >= 1; COMP-TMA-007
    rupcr = 16,                                     ///< mg/mg, >= 1; COMP-TMA-008
    biopsy = 17,                                    ///< the organ TMA was shown in; COMP-TMA-001
    haptoglobin_decreased = 18,                     ///< flag, not counted; COMP-TMA-012
};

constexpr auto hsct_enum_table(ta_tma_criterion) noexcept {
    using c = ta_tma_criterion;
    return make_enum_table<ta_tma_criterion>("ta_tma_criterion", {
        {c::rbc_transfusion_independence_not_achieved, "rbc_transfusion_independence_not_achieved", "red-cell transfusion independence not achieved despite neutrophil engraftment"},
        {c::haemoglobin_decline, "haemoglobin_decline", "haemoglobin at least 1 g/dL below baseline"},
        {c::new_rbc_transfusion_dependence, "new_rbc_transfusion_dependence", "new red-cell transfusion dependence"},
        {c::other_anaemia_cause, "other_anaemia_cause", "another cause of anaemia (AIHA, PRCA) rules anaemia out"},
        {c::platelet_engraftment_failure, "platelet_engraftment_failure", "failure to achieve platelet engraftment"},
        {c::platelet_transfusions_above_expected, "platelet_transfusions_above_expected", "higher than expected platelet transfusion needs"},
        {c::platelet_refractoriness, "platelet_refractoriness", "refractoriness to platelet transfusion"},
        {c::platelet_fall, "platelet_fall", "platelets at least 50 % below baseline"},
        {c::ldh, "ldh", "LDH above the ULN for age"},
        {c::ldh_occasions, "ldh_occasions", "LDH above the ULN on at least two occasions"},
        {c::schistocytes, "schistocytes", "schistocytes present"},
        {c::systolic_bp, "systolic_bp", "systolic blood pressure at least 140 mmHg (18 years and over)"},
        {c::diastolic_bp, "diastolic_bp", "diastolic blood pressure at least 90 mmHg (18 years and over)"},
        {c::bp_percentile, "bp_percentile", "blood pressure above the 99th percentile for age (under 18)"},
        {c::sc5b9, "sc5b9", "sC5b-9 elevated against the ULN"},
        {c::rupcr, "rupcr", "random urine protein/creatinine ratio at least 1 mg/mg"},
        {c::biopsy, "biopsy", "TMA proven on biopsy"},
        {c::haptoglobin_decreased, "haptoglobin_decreased", "decreased haptoglobin (supporting, not counted)"},
    });
}

/// COMP-TMA-010: the high-risk features.
enum class ta_tma_risk_criterion : std::uint8_t {
    peak_ldh = 1,               ///< x ULN, >= 2
    rupcr = 2,                  ///< mg/mg, >= 1
    creatinine_ratio = 3,       ///< x baseline, >= 2.0 (beyond KDIGO stage 1)
    renal_replacement = 4,      ///< flag
    organ_dysfunction = 5,      ///< flag: another organ's dysfunction
    sc5b9 = 6,                  ///< x ULN, by sc5b9_policy
    acute_gvhd_grade_2_to_4 = 7,  ///< flag
    systemic_infection = 8,     ///< flag
};

constexpr auto hsct_enum_table(ta_tma_risk_criterion) noexcept {
    using c = ta_tma_risk_criterion;
    return make_enum_table<ta_tma_risk_criterion>("ta_tma_risk_criterion", {
        {c::peak_ldh, "peak_ldh", "peak LDH at least 2 x ULN"},
        {c::rupcr, "rupcr", "rUPCR at least 1 mg/mg"},
        {c::creatinine_ratio, "creatinine_ratio", "creatinine at least 2 x baseline (beyond KDIGO stage 1)"},
        {c::renal_replacement, "renal_replacement", "renal replacement therapy"},
        {c::organ_dysfunction, "organ_dysfunction", "organ dysfunction in the setting of TMA"},
        {c::sc5b9, "sc5b9", "sC5b-9 elevated against the ULN"},
        {c::acute_gvhd_grade_2_to_4, "acute_gvhd_grade_2_to_4", "concurrent acute GVHD grade II-IV"},
        {c::systemic_infection, "systemic_infection", "concurrent systemic bacterial or viral infection"},
    });
}

/// The inputs a criterion may lack (values, not errors).
enum class ta_tma_field : std::uint8_t {
    rbc_transfusion_independence = 1,
    haemoglobin = 2,
    new_rbc_transfusion_dependence = 3,
    neutrophil_engraftment_day = 4,
    platelet_engraftment_failure = 5,
    platelet_transfusions_above_expected = 6,
    platelet_refractoriness = 7,
    platelets = 8,
    baseline_platelets = 9,
    ldh = 10,
    schistocytes = 11,
    blood_pressure = 12,
    bp_percentile = 13,
    age = 14,
    sc5b9 = 15,
    rupcr = 16,
    creatinine = 17,
    renal_replacement = 18,
    organ_dysfunction = 19,
    acute_gvhd = 20,
    systemic_infection = 21,
    urine_protein = 22,
    anaemia_findings = 23,
};

constexpr auto hsct_enum_table(ta_tma_field) noexcept {
    using f = ta_tma_field;
    return make_enum_table<ta_tma_field>("ta_tma_field", {
        {f::rbc_transfusion_independence, "rbc_transfusion_independence", "red-cell transfusion independence"},
        {f::haemoglobin, "haemoglobin", "haemoglobin"},
        {f::new_rbc_transfusion_dependence, "new_rbc_transfusion_dependence", "new red-cell transfusion dependence"},
        {f::neutrophil_engraftment_day, "neutrophil_engraftment_day", "the day of neutrophil engraftment"},
        {f::platelet_engraftment_failure, "platelet_engraftment_failure", "failure of platelet engraftment"},
        {f::platelet_transfusions_above_expected, "platelet_transfusions_above_expected", "platelet transfusion needs"},
        {f::platelet_refractoriness, "platelet_refractoriness", "refractoriness to platelet transfusion"},
        {f::platelets, "platelets", "platelet count"},
        {f::baseline_platelets, "baseline_platelets", "baseline platelet count"},
        {f::ldh, "ldh", "LDH"},
        {f::schistocytes, "schistocytes", "schistocytes"},
        {f::blood_pressure, "blood_pressure", "blood pressure"},
        {f::bp_percentile, "bp_percentile", "blood-pressure percentile for age"},
        {f::age, "age", "age"},
        {f::sc5b9, "sc5b9", "sC5b-9"},
        {f::rupcr, "rupcr", "random urine protein/creatinine ratio"},
        {f::creatinine, "creatinine", "creatinine"},
        {f::renal_replacement, "renal_replacement", "renal replacement therapy"},
        {f::organ_dysfunction, "organ_dysfunction", "organ dysfunction"},
        {f::acute_gvhd, "acute_gvhd", "acute GVHD grade II-IV"},
        {f::systemic_infection, "systemic_infection", "systemic infection"},
        {f::urine_protein, "urine_protein", "urinalysis protein"},
        {f::anaemia_findings, "anaemia_findings", "the anaemia findings"},
    });
}

/// COMP-TMA-001: where the diagnosis stands.
enum class ta_tma_status : std::uint8_t {
    biopsy_proven = 1,             ///< a biopsy the policy accepts, on or before any clinical diagnosis
    clinical = 2,                  ///< two consecutive time points within the window, at least 4 at each
    pending_second_time_point = 3, ///< the latest time point meets at least 4; no pair yet
    unknown = 4,                   ///< no pair meets, but one could with the missing inputs
    not_met = 5,
    no_assessments = 6,
};

constexpr auto hsct_enum_table(ta_tma_status) noexcept {
    using s = ta_tma_status;
    return make_enum_table<ta_tma_status>("ta_tma_status", {
        {s::biopsy_proven, "biopsy_proven", "TA-TMA, biopsy-proven"},
        {s::clinical, "clinical", "TA-TMA, clinical diagnosis"},
        {s::pending_second_time_point, "pending_second_time_point", "criteria met at one time point; a second is needed"},
        {s::unknown, "unknown", "unknown (inputs missing)"},
        {s::not_met, "not_met", "criteria not met"},
        {s::no_assessments, "no_assessments", "no assessments"},
    });
}

/// COMP-TMA-010: the risk group.
enum class ta_tma_risk : std::uint8_t {
    high = 1,           ///< at least one high-risk feature
    standard = 2,       ///< every feature assessed and none met
    unknown = 3,        ///< none met, some not assessed
    not_diagnosed = 4,  ///< no TA-TMA diagnosis to stratify (the features are still reported)
};

constexpr auto hsct_enum_table(ta_tma_risk) noexcept {
    return make_enum_table<ta_tma_risk>("ta_tma_risk", {
        {ta_tma_risk::high, "high", "high-risk TA-TMA"},
        {ta_tma_risk::standard, "standard", "standard-risk TA-TMA"},
        {ta_tma_risk::unknown, "unknown", "risk unknown (features not assessed)"},
        {ta_tma_risk::not_diagnosed, "not_diagnosed", "not diagnosed"},
    });
}

// ---------------------------------------------------------------------------------------------
// Input, options, result
// ---------------------------------------------------------------------------------------------

/// One time point: the results of one draw or visit, relative to Day 0. A value absent is
/// missing (an input the rule lacks), never 0. Nothing is carried from one time point to the next.
struct ta_tma_assessment {
    hsct::transplant_day day;
    // anaemia (COMP-TMA-002)
    std::optional<hsct::haemoglobin> haemoglobin;                ///< read against input.baseline_haemoglobin
    std::optional<bool> rbc_transfusion_independence_not_achieved;  ///< counted from the neutrophil engraftment day
    std::optional<bool> new_rbc_transfusion_dependence;
    std::optional<bool> other_anaemia_cause;                     ///< AIHA, PRCA, ...; absent: none documented [P]
    // thrombocytopenia (COMP-TMA-003)
    std::optional<hsct::platelets> platelets;                    ///< read against input.baseline_platelets
    std::optional<bool> platelet_engraftment_failure;
    std::optional<bool> platelet_transfusions_above_expected;
    std::optional<bool> platelet_refractoriness;
    // haemolysis (COMP-TMA-004, -005, -012)
    std::optional<hsct::lab_with_uln<hsct::ldh>> ldh;            ///< against the ULN for the patient's age
    std::optional<bool> schistocytes;
    std::optional<bool> haptoglobin_decreased;
    // blood pressure, kidney, complement (COMP-TMA-006..008, COMP-TMA-010, COMP-TMA-020)
    std::optional<blood_pressure> bp;
    std::optional<hsct::percent> bp_percentile;                  ///< for age (sex, height): the caller's tables
    std::optional<protein_creatinine_ratio> rupcr;
    std::optional<hsct::mass_concentration> urine_protein;       ///< random urinalysis protein (Jodele 2014)
    std::optional<sc5b9_level> sc5b9;
    std::optional<hsct::creatinine> creatinine;                  ///< read against input.baseline_creatinine
    std::optional<bool> renal_replacement_therapy;
    std::optional<hsct::enum_set<tma_organ>> organ_dysfunction;  ///< organs assessed; empty: none
    std::optional<bool> acute_gvhd_grade_2_to_4;
    std::optional<bool> systemic_infection;                      ///< bacterial or viral
    std::optional<tma_biopsy_site> biopsy_tma;                   ///< TMA shown on a biopsy of this organ
};

/// The series and what its values are read against.
struct ta_tma_input {
    std::span<const ta_tma_assessment> assessments;  ///< strictly increasing days, none before Day 0
    std::optional<hsct::age> age;                     ///< at Day 0 (completed years are read)
    std::optional<hsct::haemoglobin> baseline_haemoglobin;
    std::optional<hsct::platelets> baseline_platelets;  ///< HB24: the count after full platelet engraftment
    std::optional<hsct::creatinine> baseline_creatinine;
    /// hsct::engraftment's neutrophil day (assess_neutrophil_engraftment), if engrafted.
    std::optional<hsct::transplant_day> neutrophil_engraftment_day;
};

/// The policies (COMP-TMA-001, -003, -004, -007, -009); every default is documented above.
struct ta_tma_options {
    sc5b9_policy sc5b9 = sc5b9_policy::above_uln;
    tma_thrombocytopenia_definition thrombocytopenia = tma_thrombocytopenia_definition::schoettler_2023;
    tma_biopsy_policy biopsy = tma_biopsy_policy::any_organ;
    tma_pair_policy pair = tma_pair_policy::four_at_each;
    tma_window_policy window = tma_window_policy::inclusive;
    tma_sequence_policy sequence = tma_sequence_policy::adjacent;
    tma_ldh_policy ldh = tma_ldh_policy::two_occasions;
    friend constexpr bool operator==(const ta_tma_options&, const ta_tma_options&) noexcept = default;
};

/// The criteria met on one day (as measured there; the LDH occasions rule applies to a pair).
struct ta_tma_time_point {
    hsct::transplant_day day;
    hsct::enum_set<ta_tma_sign> met;
    hsct::enum_set<ta_tma_sign> unknown;
    [[nodiscard]] std::size_t count() const noexcept { return met.size(); }
};

/// A criterion read on a transplant day (hsct::engraftment's record).
template <class Id>
using tma_dated_criterion = hsct::engraftment::dated_criterion<Id>;

/// COMP-TMA-001..012: the diagnosis, its days, its evidence and the risk group.
struct ta_tma_result {
    ta_tma_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    ta_tma_status status = ta_tma_status::no_assessments;
    std::optional<hsct::transplant_day> diagnosis_day;  ///< the earlier of the clinical and biopsy days
    std::optional<hsct::transplant_day> clinical_day;   ///< the second time point of the first pair
    std::optional<hsct::transplant_day> window_start;   ///< the first time point of that pair
    std::optional<hsct::transplant_day> biopsy_day;     ///< the first biopsy the policy accepts
    std::uint16_t ldh_occasions = 0;  ///< assessments with LDH above the ULN, on or before the evidence day
    ta_tma_risk risk = ta_tma_risk::not_diagnosed;
    /// Every assessment's criteria, in day order.
    hsct::fixed_list<ta_tma_time_point, tma_assessments_max> time_points;
    /// The items of the deciding pair (the diagnosis pair; else the latest two time points), dated.
    hsct::fixed_list<tma_dated_criterion<ta_tma_criterion>, 34> criteria;
    /// The first biopsy given (accepted by the policy or not).
    std::optional<tma_dated_criterion<ta_tma_criterion>> biopsy;
    /// Each high-risk feature: its peak (numbers) or first day present (findings), dated.
    hsct::fixed_list<tma_dated_criterion<ta_tma_risk_criterion>, 8> risk_features;
    hsct::enum_set<tma_organ> organs;  ///< organs with dysfunction in the risk window
    hsct::enum_set<ta_tma_field> missing;
    ta_tma_options options;
    /// The time point of `day`, if assessed.
    [[nodiscard]] const ta_tma_time_point* at(hsct::transplant_day day) const noexcept {
        for (const auto& p : time_points) {
            if (p.day == day) {
                return &p;
            }
        }
        return nullptr;
    }
};

/// COMP-TMA-020: the seven Jodele 2014 markers.
enum class jodele_marker : std::uint8_t {
    schistocytes = 1,
    elevated_ldh = 2,
    proteinuria = 3,
    hypertension = 4,
    elevated_sc5b9 = 5,
    thrombocytopenia = 6,
    anaemia = 7,
};

constexpr auto hsct_enum_table(jodele_marker) noexcept {
    using m = jodele_marker;
    return make_enum_table<jodele_marker>("jodele_marker", {
        {m::schistocytes, "schistocytes", "schistocytes"},
        {m::elevated_ldh, "elevated_ldh", "elevated LDH"},
        {m::proteinuria, "proteinuria", "proteinuria (urinalysis)"},
        {m::hypertension, "hypertension", "hypertension"},
        {m::elevated_sc5b9, "elevated_sc5b9", "elevated sC5b-9"},
        {m::thrombocytopenia, "thrombocytopenia", "thrombocytopenia"},
        {m::anaemia, "anaemia", "de novo anaemia"},
    });
}

/// COMP-TMA-020..021: the items the Jodele 2014 markers read.
enum class jodele_tma_criterion : std::uint8_t {
    schistocytes = 1,   ///< flag
    ldh = 2,            ///< x ULN, > 1
    urine_protein = 3,  ///< mg/dL, >= 30
    bp_percentile = 4,  ///< percentile, >= 95 (3-18 years)
    systolic_bp = 5,    ///< mmHg, >= 140 (over 18)
    diastolic_bp = 6,   ///< mmHg, >= 90 (over 18)
    sc5b9 = 7,          ///< x ULN, by sc5b9_policy
    platelets = 8,      ///< x10^9/L, < 50
    platelet_fall = 9,  ///< %, >= 50
    anaemia = 10,       ///< the harmonised anaemia criterion, read for "de novo anaemia" [U]
    histology = 11,     ///< the organ TMA was shown in
};

constexpr auto hsct_enum_table(jodele_tma_criterion) noexcept {
    using c = jodele_tma_criterion;
    return make_enum_table<jodele_tma_criterion>("jodele_tma_criterion", {
        {c::schistocytes, "schistocytes", "schistocytes present"},
        {c::ldh, "ldh", "LDH above the ULN"},
        {c::urine_protein, "urine_protein", "urinalysis protein at least 30 mg/dL"},
        {c::bp_percentile, "bp_percentile", "blood pressure at least the 95th percentile (3-18 years)"},
        {c::systolic_bp, "systolic_bp", "systolic blood pressure at least 140 mmHg (over 18 years)"},
        {c::diastolic_bp, "diastolic_bp", "diastolic blood pressure at least 90 mmHg (over 18 years)"},
        {c::sc5b9, "sc5b9", "sC5b-9 elevated against the ULN"},
        {c::platelets, "platelets", "platelets below 50 x10^9/L"},
        {c::platelet_fall, "platelet_fall", "platelets at least 50 % below baseline"},
        {c::anaemia, "anaemia", "de novo anaemia (read as the harmonised anaemia criterion)"},
        {c::histology, "histology", "TMA on histology"},
    });
}

/// COMP-TMA-020..021: what the Jodele 2014 reading concludes.
enum class jodele_status : std::uint8_t {
    markers_only = 1,           ///< the markers with their days; no count-based diagnosis (default)
    histology = 2,              ///< TMA on histology, sufficient alone
    count_met_unverified = 3,   ///< four_of_seven: at least 4 markers at one time point [U] count
    count_not_met = 4,          ///< four_of_seven: no time point with 4
    count_unknown = 5,          ///< four_of_seven: none with 4, but one could with the missing inputs
    no_assessments = 6,
};

constexpr auto hsct_enum_table(jodele_status) noexcept {
    using s = jodele_status;
    return make_enum_table<jodele_status>("jodele_status", {
        {s::markers_only, "markers_only", "markers reported (no count-based diagnosis)"},
        {s::histology, "histology", "TMA on histology"},
        {s::count_met_unverified, "count_met_unverified", "at least 4 markers at one time point ([U] count)"},
        {s::count_not_met, "count_not_met", "fewer than 4 markers at every time point ([U] count)"},
        {s::count_unknown, "count_unknown", "unknown ([U] count, inputs missing)"},
        {s::no_assessments, "no_assessments", "no assessments"},
    });
}

/// COMP-TMA-020..022: the options.
struct jodele_tma_options {
    jodele_count_policy count = jodele_count_policy::markers_only;
    sc5b9_policy sc5b9 = sc5b9_policy::above_uln;
    friend constexpr bool operator==(const jodele_tma_options&, const jodele_tma_options&) noexcept = default;
};

/// The markers met on one day.
struct jodele_time_point {
    hsct::transplant_day day;
    hsct::enum_set<jodele_marker> met;
    hsct::enum_set<jodele_marker> unknown;
    bool poor_prognosis_pair = false;  ///< COMP-TMA-022: protein above 30 mg/dL with elevated sC5b-9
    [[nodiscard]] std::size_t count() const noexcept { return met.size(); }
};

/// COMP-TMA-020..022: the markers by day, the evidence of one day, and the count when asked for.
struct jodele_tma_result {
    jodele_tma_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    jodele_status status = jodele_status::no_assessments;
    bool count_unverified = false;                  ///< true whenever the [U] count was applied
    std::optional<hsct::transplant_day> count_day;  ///< the first time point with 4 markers (four_of_seven)
    std::optional<hsct::transplant_day> histology_day;
    std::optional<hsct::transplant_day> poor_prognosis_day;  ///< COMP-TMA-022, the first such day
    std::optional<hsct::transplant_day> evidence_day;        ///< the day `criteria` were read on
    hsct::fixed_list<jodele_time_point, tma_assessments_max> time_points;
    /// The items of the evidence day (the count day; else the day with the most markers).
    hsct::fixed_list<tma_dated_criterion<jodele_tma_criterion>, 11> criteria;
    hsct::enum_set<ta_tma_field> missing;
    jodele_tma_options options;
};

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

namespace detail::tma {
using namespace hsct::complications::detail::tma_es;  // the shared helpers


inline constexpr const char* tma_list = "assessments";

[[nodiscard]] constexpr std::uint32_t sign_bit(ta_tma_sign s) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(s);
}
[[nodiscard]] constexpr std::uint32_t marker_bit(jodele_marker m) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(m);
}
template <class E>
[[nodiscard]] hsct::enum_set<E> to_set(std::uint32_t mask) noexcept {
    return hsct::enum_set<E>::from_bits(mask);  // the masks use enum_set's layout: bit c for code c
}
[[nodiscard]] constexpr std::size_t bits(std::uint32_t m) noexcept { return static_cast<std::size_t>(std::popcount(m)); }

/// Records a sign's outcome into the met and unknown masks.
HSCT_ALWAYS_INLINE void mark(std::uint32_t& met, std::uint32_t& unknown, std::uint32_t bit, hsct::outcome o) noexcept {
    if (o == hsct::outcome::met) {
        met |= bit;
    } else if (o == hsct::outcome::unknown) {
        unknown |= bit;
    }
}

/// The input checks (COMP-TMA-011, -013); nothing on success, no allocation.
template <class = void>
[[nodiscard]] std::optional<error> check_tma_input(const ta_tma_input& in) {
    const auto& pts = in.assessments;
    if (pts.size() > tma_assessments_max) {
        return error(errc::out_of_range, "assessments", std::to_string(pts.size()), "at most 128 assessments",
                     "COMP-TMA-011");
    }
    if (in.baseline_haemoglobin && (!detail::tma_es::analyte_ok(*in.baseline_haemoglobin) ||
                                    !(in.baseline_haemoglobin->in(hsct::units::g_per_dl) > 0.0))) {
        return detail::tma_es::analyte_error(*in.baseline_haemoglobin, "baseline_haemoglobin", "COMP-TMA-011");
    }
    if (in.baseline_platelets &&
        (!detail::tma_es::analyte_ok(*in.baseline_platelets) || !(in.baseline_platelets->in(hsct::units::giga_per_l) > 0.0))) {
        return error(errc::out_of_range, "baseline_platelets",
                     hsct::detail::concat({hsct::detail::format_number(in.baseline_platelets->in(hsct::units::giga_per_l)),
                                           " x10^9/L"}),
                     "above 0 and at most 5000 x10^9/L", "COMP-TMA-011");
    }
    if (in.baseline_creatinine &&
        (!detail::tma_es::analyte_ok(*in.baseline_creatinine) || !(in.baseline_creatinine->in(hsct::units::mg_per_dl) > 0.0))) {
        return error(errc::out_of_range, "baseline_creatinine",
                     hsct::detail::concat({hsct::detail::format_number(in.baseline_creatinine->in(hsct::units::mg_per_dl)),
                                           " mg/dL"}),
                     "above 0 and at most 40 mg/dL", "COMP-TMA-011");
    }
    if (in.neutrophil_engraftment_day && in.neutrophil_engraftment_day->before_day0()) {
        return error(errc::out_of_range, "neutrophil_engraftment_day", detail::tma_es::day_text(*in.neutrophil_engraftment_day),
                     "D0 or later", "COMP-TMA-011");
    }
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const auto& a = pts[i];
        if (a.day.before_day0()) {
            return detail::tma_es::item_error(errc::out_of_range, tma_list, i, "day", detail::tma_es::day_text(a.day), "D0 or later",
                                      "COMP-TMA-011");
        }
        if (i > 0 && !(pts[i - 1].day < a.day)) {
            return detail::tma_es::item_error(errc::inconsistent, tma_list, i, "day", detail::tma_es::day_text(a.day),
                                      hsct::detail::concat({"after the previous assessment's day, ",
                                                            detail::tma_es::day_text(pts[i - 1].day),
                                                            " (one assessment a day, in day order)"}),
                                      "COMP-TMA-011");
        }
        if (a.haemoglobin) {
            if (!detail::tma_es::analyte_ok(*a.haemoglobin)) {
                return detail::tma_es::analyte_error(*a.haemoglobin, detail::tma_es::item_field(tma_list, i, "haemoglobin"),
                                             "COMP-TMA-011");
            }
            if (!in.baseline_haemoglobin) {
                return error(errc::missing, "baseline_haemoglobin", "",
                             hsct::detail::concat({"a baseline haemoglobin, to read ",
                                                   detail::tma_es::item_field(tma_list, i, "haemoglobin")}),
                             "COMP-TMA-011");
            }
        }
        if (a.platelets && !detail::tma_es::analyte_ok(*a.platelets)) {
            return detail::tma_es::analyte_error(*a.platelets, detail::tma_es::item_field(tma_list, i, "platelets"), "COMP-TMA-011");
        }
        if (a.creatinine) {
            if (!detail::tma_es::analyte_ok(*a.creatinine)) {
                return detail::tma_es::analyte_error(*a.creatinine, detail::tma_es::item_field(tma_list, i, "creatinine"),
                                             "COMP-TMA-011");
            }
            if (!in.baseline_creatinine) {
                return error(errc::missing, "baseline_creatinine", "",
                             hsct::detail::concat({"a baseline creatinine, to read ",
                                                   detail::tma_es::item_field(tma_list, i, "creatinine")}),
                             "COMP-TMA-011");
            }
        }
        if (a.bp_percentile) {
            const double p = a.bp_percentile->in(hsct::units::pct);
            if (!std::isfinite(p) || p < 0.0 || p > 100.0) {
                return detail::tma_es::item_error(std::isfinite(p) ? errc::out_of_range : errc::not_finite, tma_list, i,
                                          "bp_percentile",
                                          hsct::detail::concat({hsct::detail::format_number(p), " %"}), "0-100 %",
                                          "COMP-TMA-011");
            }
        }
        if (a.urine_protein) {
            const double p = a.urine_protein->in(hsct::units::mg_per_dl);
            if (!std::isfinite(p) || p < 0.0 || p > 10000.0) {
                return detail::tma_es::item_error(std::isfinite(p) ? errc::out_of_range : errc::not_finite, tma_list, i,
                                          "urine_protein",
                                          hsct::detail::concat({hsct::detail::format_number(p), " mg/dL"}),
                                          "0-10000 mg/dL", "COMP-TMA-011");
            }
        }
        if (a.biopsy_tma) {
            if (auto e = hsct::detail::check_enum(*a.biopsy_tma, "biopsy_tma")) {
                return hsct::with_field(*e, detail::tma_es::item_field(tma_list, i, "biopsy_tma"));
            }
        }
        if (a.organ_dysfunction) {
            hsct::enum_set<tma_organ> declared;
            a.organ_dysfunction->for_each([&](tma_organ o) { declared.insert(o); });
            if (!(declared == *a.organ_dysfunction)) {
                return detail::tma_es::item_error(errc::out_of_range, tma_list, i, "organ_dysfunction",
                                          "an undeclared organ code", hsct::detail::enum_valid_list<tma_organ>(),
                                          "COMP-TMA-011");
            }
        }
    }
    return std::nullopt;
}

template <class = void>
[[nodiscard]] std::optional<error> check_tma_options(const ta_tma_options& o) {
    if (auto e = hsct::detail::check_enum(o.sc5b9, "options.sc5b9")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.thrombocytopenia, "options.thrombocytopenia")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.biopsy, "options.biopsy")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.pair, "options.pair")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.window, "options.window")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.sequence, "options.sequence")) {
        return e;
    }
    return hsct::detail::check_enum(o.ldh, "options.ldh");
}

/// COMP-TMA-007: the comparator sc5b9_policy names (above, or at or above, the ULN).
[[nodiscard]] constexpr hsct::comparator sc5b9_comparator(sc5b9_policy p) noexcept {
    return p == sc5b9_policy::at_or_above_uln ? hsct::comparator::greater_equal : hsct::comparator::greater;
}

/// COMP-TMA-002: the anaemia criterion at one time point.
template <class Record>
HSCT_ALWAYS_INLINE hsct::outcome tma_anaemia(const ta_tma_assessment& a, const ta_tma_input& in, Record& rec,
                                             hsct::enum_set<ta_tma_field>& missing) {
    using c = ta_tma_criterion;
    using f = ta_tma_field;
    constexpr const char* req = "COMP-TMA-002";
    // failure to achieve transfusion independence, counted from neutrophil engraftment
    hsct::outcome i1 = hsct::outcome::unknown;
    if (!a.rbc_transfusion_independence_not_achieved) {
        missing.insert(f::rbc_transfusion_independence);
        rec(c::rbc_transfusion_independence_not_achieved, i1, hsct::comparator::present, 0.0,
            hsct::measure::missing(f::rbc_transfusion_independence), req, true);
    } else if (!*a.rbc_transfusion_independence_not_achieved) {
        i1 = hsct::outcome::not_met;
        rec(c::rbc_transfusion_independence_not_achieved, i1, hsct::comparator::present, 0.0,
            hsct::measure::flag(false), req, true);
    } else if (!in.neutrophil_engraftment_day) {
        missing.insert(f::neutrophil_engraftment_day);
        rec(c::rbc_transfusion_independence_not_achieved, i1, hsct::comparator::present, 0.0,
            hsct::measure::missing(f::neutrophil_engraftment_day), req, true);
    } else {
        i1 = a.day < *in.neutrophil_engraftment_day ? hsct::outcome::not_applicable : hsct::outcome::met;
        rec(c::rbc_transfusion_independence_not_achieved, i1, hsct::comparator::present, 0.0,
            hsct::measure::flag(true), req, true);
    }
    // haemoglobin decline from baseline (the baseline is checked present with any haemoglobin)
    hsct::outcome i2 = hsct::outcome::unknown;
    if (!a.haemoglobin) {
        missing.insert(f::haemoglobin);
        rec(c::haemoglobin_decline, i2, hsct::comparator::greater_equal, tma_haemoglobin_decline_g_dl,
            hsct::measure::missing(f::haemoglobin), req, true);
    } else {
        const double decline = in.baseline_haemoglobin->in(hsct::units::g_per_dl) - a.haemoglobin->in(hsct::units::g_per_dl);
        i2 = detail::tma_es::compared(decline, hsct::comparator::greater_equal, tma_haemoglobin_decline_g_dl);
        rec(c::haemoglobin_decline, i2, hsct::comparator::greater_equal, tma_haemoglobin_decline_g_dl,
            hsct::measure::of(hsct::haemoglobin(decline, hsct::units::g_per_dl), hsct::units::g_per_dl), req, true);
    }
    const auto i3 = finding(a.new_rbc_transfusion_dependence, c::new_rbc_transfusion_dependence,
                            f::new_rbc_transfusion_dependence, req, rec, missing);
    auto group = detail::tma_es::any_of(detail::tma_es::any_of(i1, i2), i3);
    if (a.other_anaemia_cause) {  // absent: no other cause documented [P]
        rec(c::other_anaemia_cause, *a.other_anaemia_cause ? hsct::outcome::met : hsct::outcome::not_met,
            hsct::comparator::present, 0.0, hsct::measure::flag(*a.other_anaemia_cause), req, true);
        if (*a.other_anaemia_cause) {
            group = hsct::outcome::not_met;
        }
    }
    return group;
}

/// The platelet fall from baseline, % (COMP-TMA-003, COMP-TMA-020).
template <class Id, class Record>
HSCT_ALWAYS_INLINE hsct::outcome platelet_fall(const ta_tma_assessment& a, const ta_tma_input& in, Id id,
                                               double threshold, const char* req, Record& rec,
                                               hsct::enum_set<ta_tma_field>& missing) {
    using f = ta_tma_field;
    if (!a.platelets || !in.baseline_platelets) {
        const auto which = !a.platelets ? f::platelets : f::baseline_platelets;
        missing.insert(which);
        rec(id, hsct::outcome::unknown, hsct::comparator::greater_equal, threshold, hsct::measure::missing(which), req,
            true);
        return hsct::outcome::unknown;
    }
    const double b = in.baseline_platelets->in(hsct::units::giga_per_l);
    const double fall = (b - a.platelets->in(hsct::units::giga_per_l)) / b * 100.0;
    const auto o = detail::tma_es::compared(fall, hsct::comparator::greater_equal, threshold);
    rec(id, o, hsct::comparator::greater_equal, threshold,
        hsct::measure::of(hsct::percent(fall, hsct::units::pct), hsct::units::pct), req, true);
    return o;
}

/// COMP-TMA-003: the thrombocytopenia criterion.
template <class Record>
HSCT_ALWAYS_INLINE hsct::outcome tma_thrombocytopenia(const ta_tma_assessment& a, const ta_tma_input& in,
                                                      const ta_tma_options& o, Record& rec,
                                                      hsct::enum_set<ta_tma_field>& missing) {
    using c = ta_tma_criterion;
    using f = ta_tma_field;
    constexpr const char* req = "COMP-TMA-003";
    const auto failure = finding(a.platelet_engraftment_failure, c::platelet_engraftment_failure,
                                 f::platelet_engraftment_failure, req, rec, missing);
    const auto need = finding(a.platelet_transfusions_above_expected, c::platelet_transfusions_above_expected,
                              f::platelet_transfusions_above_expected, req, rec, missing);
    const auto refractory = finding(a.platelet_refractoriness, c::platelet_refractoriness, f::platelet_refractoriness,
                                    req, rec, missing);
    const auto fall = platelet_fall(a, in, c::platelet_fall, tma_platelet_fall_percent, req, rec, missing);
    const auto first = o.thrombocytopenia == tma_thrombocytopenia_definition::schoettler_2023
                           ? detail::tma_es::all_of(failure, need)
                           : detail::tma_es::any_of(failure, need);
    return detail::tma_es::any_of(detail::tma_es::any_of(first, refractory), fall);
}

/// The LDH criterion at one time point (COMP-TMA-004, COMP-TMA-020).
template <class Id, class Record>
HSCT_ALWAYS_INLINE hsct::outcome ldh_above_uln(const ta_tma_assessment& a, Id id, const char* req, Record& rec,
                                               hsct::enum_set<ta_tma_field>& missing) {
    if (!a.ldh) {
        missing.insert(ta_tma_field::ldh);
        rec(id, hsct::outcome::unknown, hsct::comparator::greater, tma_ldh_times_uln,
            hsct::measure::missing(ta_tma_field::ldh), req, true);
        return hsct::outcome::unknown;
    }
    const double x = a.ldh->times_uln();
    const auto o = detail::tma_es::compared(x, hsct::comparator::greater, tma_ldh_times_uln);
    rec(id, o, hsct::comparator::greater, tma_ldh_times_uln, hsct::measure::count(x, hsct::count_unit::times_uln), req,
        true);
    return o;
}

/// sC5b-9 against its ULN under the policy (COMP-TMA-007).
template <class Id, class Record>
HSCT_ALWAYS_INLINE hsct::outcome sc5b9_elevated(const ta_tma_assessment& a, sc5b9_policy p, Id id, Record& rec,
                                                hsct::enum_set<ta_tma_field>& missing) {
    const auto cmp = sc5b9_comparator(p);
    if (!a.sc5b9) {
        missing.insert(ta_tma_field::sc5b9);
        rec(id, hsct::outcome::unknown, cmp, tma_sc5b9_times_uln, hsct::measure::missing(ta_tma_field::sc5b9),
            "COMP-TMA-007", true);
        return hsct::outcome::unknown;
    }
    const double x = a.sc5b9->times_uln();
    const auto o = detail::tma_es::compared(x, cmp, tma_sc5b9_times_uln);
    rec(id, o, cmp, tma_sc5b9_times_uln, hsct::measure::count(x, hsct::count_unit::times_uln), "COMP-TMA-007", true);
    return o;
}

/// Systolic or diastolic at or above the adult limits (COMP-TMA-006, COMP-TMA-020).
template <class Id, class Record>
HSCT_ALWAYS_INLINE hsct::outcome adult_bp(const ta_tma_assessment& a, Id systolic, Id diastolic, double s_limit,
                                          double d_limit, const char* req, bool verified, Record& rec,
                                          hsct::enum_set<ta_tma_field>& missing) {
    constexpr auto ge = hsct::comparator::greater_equal;
    if (!a.bp) {
        missing.insert(ta_tma_field::blood_pressure);
        rec(systolic, hsct::outcome::unknown, ge, s_limit, hsct::measure::missing(ta_tma_field::blood_pressure), req,
            verified);
        rec(diastolic, hsct::outcome::unknown, ge, d_limit, hsct::measure::missing(ta_tma_field::blood_pressure), req,
            verified);
        return hsct::outcome::unknown;
    }
    const double s = a.bp->systolic(pressure_unit::mmhg);
    const double d = a.bp->diastolic(pressure_unit::mmhg);
    const auto os = detail::tma_es::compared(s, ge, s_limit);
    const auto od = detail::tma_es::compared(d, ge, d_limit);
    rec(systolic, os, ge, s_limit, hsct::measure::count(s, hsct::count_unit::none), req, verified);
    rec(diastolic, od, ge, d_limit, hsct::measure::count(d, hsct::count_unit::none), req, verified);
    return detail::tma_es::any_of(os, od);
}

/// The percentile criterion of a child (COMP-TMA-006, COMP-TMA-020).
template <class Id, class Record>
HSCT_ALWAYS_INLINE hsct::outcome child_bp(const ta_tma_assessment& a, Id id, hsct::comparator cmp, double limit,
                                          const char* req, Record& rec, hsct::enum_set<ta_tma_field>& missing) {
    if (!a.bp_percentile) {
        missing.insert(ta_tma_field::bp_percentile);
        rec(id, hsct::outcome::unknown, cmp, limit, hsct::measure::missing(ta_tma_field::bp_percentile), req, true);
        return hsct::outcome::unknown;
    }
    const double p = a.bp_percentile->in(hsct::units::pct);
    const auto o = detail::tma_es::compared(p, cmp, limit);
    rec(id, o, cmp, limit, hsct::measure::count(p, hsct::count_unit::percentile), req, true);
    return o;
}

/// COMP-TMA-001: whether a biopsy site proves TA-TMA under the policy.
[[nodiscard]] constexpr bool biopsy_accepted(tma_biopsy_site s, tma_biopsy_policy p) noexcept {
    return p == tma_biopsy_policy::any_organ || s == tma_biopsy_site::kidney ||
           s == tma_biopsy_site::gastrointestinal_tract;
}

struct tma_point_masks {
    std::uint32_t met = 0;
    std::uint32_t unknown = 0;
};

/// COMP-TMA-001..008, -012: the seven criteria at one time point; every item given to `rec`.
template <class Record>
[[nodiscard]] tma_point_masks evaluate_tma_point(const ta_tma_assessment& a, const ta_tma_input& in,
                                                 const ta_tma_options& o, Record&& rec,
                                                 hsct::enum_set<ta_tma_field>& missing) {
    using c = ta_tma_criterion;
    using s = ta_tma_sign;
    tma_point_masks m;
    mark(m.met, m.unknown, sign_bit(s::anaemia), tma_anaemia(a, in, rec, missing));
    mark(m.met, m.unknown, sign_bit(s::thrombocytopenia), tma_thrombocytopenia(a, in, o, rec, missing));
    mark(m.met, m.unknown, sign_bit(s::elevated_ldh), ldh_above_uln(a, c::ldh, "COMP-TMA-004", rec, missing));
    mark(m.met, m.unknown, sign_bit(s::schistocytes),
         finding(a.schistocytes, c::schistocytes, ta_tma_field::schistocytes, "COMP-TMA-005", rec, missing));
    // COMP-TMA-006: hypertension by age at Day 0
    hsct::outcome bp = hsct::outcome::unknown;
    if (!in.age) {
        missing.insert(ta_tma_field::age);
        rec(c::systolic_bp, bp, hsct::comparator::greater_equal, tma_adult_systolic_mmhg,
            hsct::measure::missing(ta_tma_field::age), "COMP-TMA-006", true);
        rec(c::diastolic_bp, bp, hsct::comparator::greater_equal, tma_adult_diastolic_mmhg,
            hsct::measure::missing(ta_tma_field::age), "COMP-TMA-006", true);
    } else if (in.age->completed_years() >= tma_adult_age_years) {
        bp = adult_bp(a, c::systolic_bp, c::diastolic_bp, tma_adult_systolic_mmhg, tma_adult_diastolic_mmhg,
                      "COMP-TMA-006", true, rec, missing);
    } else {
        bp = child_bp(a, c::bp_percentile, hsct::comparator::greater, tma_child_bp_percentile, "COMP-TMA-006", rec,
                      missing);
    }
    mark(m.met, m.unknown, sign_bit(s::hypertension), bp);
    mark(m.met, m.unknown, sign_bit(s::elevated_sc5b9), sc5b9_elevated(a, o.sc5b9, c::sc5b9, rec, missing));
    // COMP-TMA-008: proteinuria
    hsct::outcome prot = hsct::outcome::unknown;
    if (!a.rupcr) {
        missing.insert(ta_tma_field::rupcr);
        rec(c::rupcr, prot, hsct::comparator::greater_equal, tma_rupcr_mg_per_mg,
            hsct::measure::missing(ta_tma_field::rupcr), "COMP-TMA-008", true);
    } else {
        const double v = a.rupcr->in(upcr_unit::mg_per_mg);
        prot = detail::tma_es::compared(v, hsct::comparator::greater_equal, tma_rupcr_mg_per_mg);
        rec(c::rupcr, prot, hsct::comparator::greater_equal, tma_rupcr_mg_per_mg,
            hsct::measure::count(v, hsct::count_unit::none), "COMP-TMA-008", true);
    }
    mark(m.met, m.unknown, sign_bit(s::proteinuria), prot);
    if (a.haptoglobin_decreased) {  // recorded, never counted (COMP-TMA-012)
        rec(c::haptoglobin_decreased, *a.haptoglobin_decreased ? hsct::outcome::met : hsct::outcome::not_met,
            hsct::comparator::present, 0.0, hsct::measure::flag(*a.haptoglobin_decreased), "COMP-TMA-012", true);
    }
    if (a.biopsy_tma) {
        rec(c::biopsy, biopsy_accepted(*a.biopsy_tma, o.biopsy) ? hsct::outcome::met : hsct::outcome::not_met,
            hsct::comparator::present, 0.0, hsct::measure::code(*a.biopsy_tma), "COMP-TMA-001", true);
    }
    return m;
}

/// COMP-TMA-010: the high-risk features over assessments [from, n).
template <class = void>
void tma_risk_features(const ta_tma_input& in, const ta_tma_options& o, std::size_t from, ta_tma_result& r) {
    using k = ta_tma_risk_criterion;
    using f = ta_tma_field;
    const auto pts = in.assessments;
    const std::size_t n = pts.size();
    constexpr const char* req = "COMP-TMA-010";
    const auto push = [&](hsct::transplant_day d, k id, hsct::outcome out, hsct::comparator cmp, double t,
                          hsct::measure m) HSCT_LAMBDA_ALWAYS_INLINE {
        r.risk_features.push_back(tma_dated_criterion<k>{d, detail::tma_es::make_criterion(id, out, cmp, t, m, req, true)});
    };
    // a number's peak in the window, compared with its threshold
    const auto peak = [&](k id, f field, hsct::comparator cmp, double t, hsct::count_unit u, auto value_of) {
        std::optional<std::size_t> at;
        double best = 0.0;
        for (std::size_t i = from; i < n; ++i) {
            const std::optional<double> v = value_of(pts[i]);
            if (v && (!at || *v > best)) {
                at = i;
                best = *v;
            }
        }
        if (!at) {
            r.missing.insert(field);
            push(pts[n - 1].day, id, hsct::outcome::unknown, cmp, t, hsct::measure::missing(field));
            return hsct::outcome::unknown;
        }
        const auto out = detail::tma_es::compared(best, cmp, t);
        push(pts[*at].day, id, out, cmp, t, hsct::measure::count(best, u));
        return out;
    };
    // a finding: the first day present, else the last day assessed
    const auto first_present = [&](k id, f field, auto flag_of) {
        std::optional<std::size_t> last;
        for (std::size_t i = from; i < n; ++i) {
            const std::optional<bool> v = flag_of(pts[i]);
            if (v && *v) {
                push(pts[i].day, id, hsct::outcome::met, hsct::comparator::present, 0.0, hsct::measure::flag(true));
                return hsct::outcome::met;
            }
            if (v) {
                last = i;
            }
        }
        if (!last) {
            r.missing.insert(field);
            push(pts[n - 1].day, id, hsct::outcome::unknown, hsct::comparator::present, 0.0,
                 hsct::measure::missing(field));
            return hsct::outcome::unknown;
        }
        push(pts[*last].day, id, hsct::outcome::not_met, hsct::comparator::present, 0.0, hsct::measure::flag(false));
        return hsct::outcome::not_met;
    };
    hsct::outcome any = hsct::outcome::not_met;
    const auto fold = [&](hsct::outcome x) { any = detail::tma_es::any_of(any, x); };
    fold(peak(k::peak_ldh, f::ldh, hsct::comparator::greater_equal, tma_high_risk_ldh_times_uln,
              hsct::count_unit::times_uln, [](const ta_tma_assessment& a) {
                  return a.ldh ? std::optional<double>(a.ldh->times_uln()) : std::nullopt;
              }));
    fold(peak(k::rupcr, f::rupcr, hsct::comparator::greater_equal, tma_high_risk_rupcr_mg_per_mg,
              hsct::count_unit::none, [](const ta_tma_assessment& a) {
                  return a.rupcr ? std::optional<double>(a.rupcr->in(upcr_unit::mg_per_mg)) : std::nullopt;
              }));
    const double base_creat = in.baseline_creatinine ? in.baseline_creatinine->in(hsct::units::mg_per_dl) : 1.0;
    fold(peak(k::creatinine_ratio, f::creatinine, hsct::comparator::greater_equal, tma_kdigo_stage2_ratio,
              hsct::count_unit::none, [&](const ta_tma_assessment& a) {
                  return a.creatinine ? std::optional<double>(a.creatinine->in(hsct::units::mg_per_dl) / base_creat)
                                      : std::nullopt;
              }));
    fold(first_present(k::renal_replacement, f::renal_replacement,
                       [](const ta_tma_assessment& a) { return a.renal_replacement_therapy; }));
    for (std::size_t i = from; i < n; ++i) {
        if (pts[i].organ_dysfunction) {
            r.organs |= *pts[i].organ_dysfunction;
        }
    }
    fold(first_present(k::organ_dysfunction, f::organ_dysfunction, [](const ta_tma_assessment& a) {
        return a.organ_dysfunction ? std::optional<bool>(!a.organ_dysfunction->empty()) : std::nullopt;
    }));
    fold(peak(k::sc5b9, f::sc5b9, sc5b9_comparator(o.sc5b9), tma_sc5b9_times_uln, hsct::count_unit::times_uln,
              [](const ta_tma_assessment& a) {
                  return a.sc5b9 ? std::optional<double>(a.sc5b9->times_uln()) : std::nullopt;
              }));
    fold(first_present(k::acute_gvhd_grade_2_to_4, f::acute_gvhd,
                       [](const ta_tma_assessment& a) { return a.acute_gvhd_grade_2_to_4; }));
    fold(first_present(k::systemic_infection, f::systemic_infection,
                       [](const ta_tma_assessment& a) { return a.systemic_infection; }));
    if (r.status == ta_tma_status::biopsy_proven || r.status == ta_tma_status::clinical) {
        r.risk = any == hsct::outcome::met       ? ta_tma_risk::high
                 : any == hsct::outcome::unknown ? ta_tma_risk::unknown
                                                 : ta_tma_risk::standard;
    } else {
        r.risk = ta_tma_risk::not_diagnosed;
    }
}

}  // namespace detail::tma

/// COMP-TMA-001..013: TA-TMA by the harmonised 2023 criteria over a dated series. Errors (bad
/// input only): more than 128 assessments; a day before Day 0 or not after the previous one; a
/// haemoglobin or creatinine without its baseline (missing); a value outside its range; an
/// undeclared enumerator ("assessments[i].<field>", "options.<policy>", "baseline_*").
template <class = void>
[[nodiscard]] result<ta_tma_result> assess_ta_tma(const ta_tma_input& in, const ta_tma_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<ta_tma_result> out(std::in_place);
    if (auto e = detail::tma::check_tma_options(options)) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::tma::check_tma_input(in)) {
        out = std::move(*e);
        return out;
    }
    ta_tma_result& r = *out;
    r.options = options;
    const auto pts = in.assessments;
    const std::size_t n = pts.size();
    if (n == 0) {
        r.status = ta_tma_status::no_assessments;
        r.risk = ta_tma_risk::not_diagnosed;
        return out;
    }
    using s = ta_tma_sign;
    const auto ignore = [](ta_tma_criterion, hsct::outcome, hsct::comparator, double, hsct::measure, const char*,
                           bool) noexcept {};
    std::array<detail::tma::tma_point_masks, tma_assessments_max> masks;
    std::optional<std::size_t> first_biopsy;
    std::optional<std::size_t> accepted_biopsy;
    for (std::size_t i = 0; i < n; ++i) {
        masks[i] = detail::tma::evaluate_tma_point(pts[i], in, options, ignore, r.missing);
        r.time_points.push_back(ta_tma_time_point{pts[i].day, detail::tma::to_set<s>(masks[i].met),
                                                  detail::tma::to_set<s>(masks[i].unknown)});
        if (pts[i].biopsy_tma) {
            if (!first_biopsy) {
                first_biopsy = i;
            }
            if (!accepted_biopsy && detail::tma::biopsy_accepted(*pts[i].biopsy_tma, options.biopsy)) {
                accepted_biopsy = i;
            }
        }
    }
    // COMP-TMA-009: the first pair of time points within the window (adjacent ones, or any two
    // under tma_sequence_policy::any_in_window, the nearer partner first), with the LDH occasions
    // rule (COMP-TMA-004) applied on or before the pair's second day.
    const std::uint32_t ldh_bit = detail::tma::sign_bit(s::elevated_ldh);
    const bool two_ldh = options.ldh == tma_ldh_policy::two_occasions;
    const bool same = options.pair == tma_pair_policy::same_four_at_both;
    const bool adjacent = options.sequence == tma_sequence_policy::adjacent;
    std::size_t occasions = 0;
    std::size_t occasions_possible = 0;
    std::optional<std::size_t> pair_start;
    std::optional<std::size_t> pair_end;
    bool possible = false;
    // COMP-TMA-009: at least four at each point (or the same four at both), within the window
    const auto enough = [&](std::uint32_t a, std::uint32_t b) {
        return same ? detail::tma::bits(a & b) >= tma_criteria_needed
                    : detail::tma::bits(a) >= tma_criteria_needed && detail::tma::bits(b) >= tma_criteria_needed;
    };
    const auto within = [&](std::size_t j, std::size_t i) {
        const auto gap = (pts[i].day - pts[j].day).count();
        return options.window == tma_window_policy::inclusive ? gap <= tma_window_days : gap < tma_window_days;
    };
    for (std::size_t i = 0; i < n && !pair_end; ++i) {
        occasions += (masks[i].met & ldh_bit) != 0 ? 1U : 0U;
        occasions_possible += ((masks[i].met | masks[i].unknown) & ldh_bit) != 0 ? 1U : 0U;
        // COMP-TMA-004: elevated LDH counts from its second occasion
        const std::uint32_t drop = two_ldh && occasions < tma_ldh_occasions_needed ? ldh_bit : 0U;
        const std::uint32_t drop_possible = two_ldh && occasions_possible < tma_ldh_occasions_needed ? ldh_bit : 0U;
        for (std::size_t j = i; j > 0; --j) {
            const std::size_t k = j - 1;  // the partner, nearest first
            if (!within(k, i)) {
                break;
            }
            if (enough(masks[k].met & ~drop, masks[i].met & ~drop)) {
                pair_start = k;
                pair_end = i;
                break;
            }
            possible = possible || enough((masks[k].met | masks[k].unknown) & ~drop_possible,
                                          (masks[i].met | masks[i].unknown) & ~drop_possible);
            if (adjacent) {
                break;
            }
        }
    }
    // the evidence pair: the diagnosis pair, else the latest two time points
    const std::size_t last = pair_end ? *pair_end : n - 1;
    const std::size_t first = pair_start ? *pair_start : (last > 0 ? last - 1 : 0);
    if (!pair_end) {
        occasions = 0;
        for (std::size_t i = 0; i < n; ++i) {
            occasions += (masks[i].met & ldh_bit) != 0 ? 1U : 0U;
        }
    }
    r.ldh_occasions = static_cast<std::uint16_t>(occasions);
    if (pair_end) {
        r.clinical_day = pts[*pair_end].day;
        r.window_start = pts[*pair_start].day;
    }
    if (accepted_biopsy) {
        r.biopsy_day = pts[*accepted_biopsy].day;
    }
    if (r.biopsy_day && (!r.clinical_day || !(*r.clinical_day < *r.biopsy_day))) {
        r.status = ta_tma_status::biopsy_proven;
        r.diagnosis_day = r.biopsy_day;
    } else if (r.clinical_day) {
        r.status = ta_tma_status::clinical;
        r.diagnosis_day = r.clinical_day;
    } else if (possible) {
        r.status = ta_tma_status::unknown;
        // COMP-TMA-009: else pending when the latest time point meets four
    } else if (detail::tma::bits(masks[n - 1].met) >= tma_criteria_needed) {
        // COMP-TMA-009: four at the latest time point, its own elevated LDH counted; the second
        // time point that completes a pair gives the second LDH occasion or no pair forms
        r.status = ta_tma_status::pending_second_time_point;
    } else {
        r.status = ta_tma_status::not_met;
    }
    // the evidence, dated
    hsct::enum_set<ta_tma_field> scratch;
    const std::array<std::size_t, 2> evidence{first, last};
    for (std::size_t e = first == last ? 1U : 0U; e < evidence.size(); ++e) {
        const std::size_t i = evidence[e];
        const auto day = pts[i].day;
        (void)detail::tma::evaluate_tma_point(
            pts[i], in, options,
            [&](ta_tma_criterion id, hsct::outcome o, hsct::comparator cmp, double t, hsct::measure m,
                const char* req, bool verified) HSCT_LAMBDA_ALWAYS_INLINE {
                if (id != ta_tma_criterion::biopsy) {
                    r.criteria.push_back(tma_dated_criterion<ta_tma_criterion>{
                        day, detail::tma_es::make_criterion(id, o, cmp, t, m, req, verified)});
                }
            },
            scratch);
    }
    // COMP-TMA-004: the LDH occasions, recorded on the evidence's later day
    if (two_ldh) {
        r.criteria.push_back(tma_dated_criterion<ta_tma_criterion>{
            pts[last].day,
            detail::tma_es::make_criterion(ta_tma_criterion::ldh_occasions,
                                   detail::tma_es::compared(static_cast<double>(occasions), hsct::comparator::greater_equal,
                                                    static_cast<double>(tma_ldh_occasions_needed)),
                                   hsct::comparator::greater_equal, static_cast<double>(tma_ldh_occasions_needed),
                                   hsct::measure::count(static_cast<double>(occasions), hsct::count_unit::none),
                                   "COMP-TMA-004", true)});
    }
    if (const auto b = accepted_biopsy ? accepted_biopsy : first_biopsy) {
        const auto site = *pts[*b].biopsy_tma;
        r.biopsy = tma_dated_criterion<ta_tma_criterion>{
            pts[*b].day,
            detail::tma_es::make_criterion(ta_tma_criterion::biopsy,
                                   detail::tma::biopsy_accepted(site, options.biopsy) ? hsct::outcome::met
                                                                                 : hsct::outcome::not_met,
                                   hsct::comparator::present, 0.0, hsct::measure::code(site), "COMP-TMA-001", true)};
    }
    // COMP-TMA-010: the risk window starts 14 days before the diagnosis day
    std::size_t from = 0;
    if (r.diagnosis_day) {
        const auto start = r.diagnosis_day->number() - tma_window_days;
        while (from < n && pts[from].day.number() < start) {
            ++from;
        }
    }
    detail::tma::tma_risk_features(in, options, from, r);
    return out;
}

namespace detail::tma {
using namespace hsct::complications::detail::tma_es;  // the shared helpers


template <class = void>
[[nodiscard]] std::optional<error> check_jodele_options(const jodele_tma_options& o) {
    if (auto e = hsct::detail::check_enum(o.count, "options.count")) {
        return e;
    }
    return hsct::detail::check_enum(o.sc5b9, "options.sc5b9");
}

struct jodele_point {
    std::uint32_t met = 0;
    std::uint32_t unknown = 0;
    bool poor_prognosis = false;
};

/// COMP-TMA-020, -022: the seven markers at one time point.
template <class Record>
[[nodiscard]] jodele_point evaluate_jodele_point(const ta_tma_assessment& a, const ta_tma_input& in,
                                                 const jodele_tma_options& o, Record&& rec,
                                                 hsct::enum_set<ta_tma_field>& missing) {
    using c = jodele_tma_criterion;
    using m = jodele_marker;
    constexpr const char* req = "COMP-TMA-020";
    jodele_point p;
    mark(p.met, p.unknown, marker_bit(m::schistocytes),
         finding(a.schistocytes, c::schistocytes, ta_tma_field::schistocytes, req, rec, missing));
    mark(p.met, p.unknown, marker_bit(m::elevated_ldh), ldh_above_uln(a, c::ldh, req, rec, missing));
    // urinalysis protein
    hsct::outcome prot = hsct::outcome::unknown;
    if (!a.urine_protein) {
        missing.insert(ta_tma_field::urine_protein);
        rec(c::urine_protein, prot, hsct::comparator::greater_equal, jodele_urine_protein_mg_dl,
            hsct::measure::missing(ta_tma_field::urine_protein), req, true);
    } else {
        const double v = a.urine_protein->in(hsct::units::mg_per_dl);
        prot = detail::tma_es::compared(v, hsct::comparator::greater_equal, jodele_urine_protein_mg_dl);
        rec(c::urine_protein, prot, hsct::comparator::greater_equal, jodele_urine_protein_mg_dl,
            hsct::measure::of(*a.urine_protein, hsct::units::mg_per_dl), req, true);
    }
    mark(p.met, p.unknown, marker_bit(m::proteinuria), prot);
    // hypertension: 3-18 years by percentile, over 18 by mmHg; under 3 years not defined
    hsct::outcome bp = hsct::outcome::unknown;
    if (!in.age) {
        missing.insert(ta_tma_field::age);
        rec(c::bp_percentile, bp, hsct::comparator::greater_equal, jodele_child_bp_percentile,
            hsct::measure::missing(ta_tma_field::age), req, true);
    } else if (in.age->completed_years() > jodele_child_max_age_years) {
        bp = adult_bp(a, c::systolic_bp, c::diastolic_bp, jodele_adult_systolic_mmhg, jodele_adult_diastolic_mmhg, req,
                      false, rec, missing);
    } else if (in.age->completed_years() >= jodele_child_min_age_years) {
        bp = child_bp(a, c::bp_percentile, hsct::comparator::greater_equal, jodele_child_bp_percentile, req, rec,
                      missing);
    } else {
        bp = hsct::outcome::not_applicable;
        rec(c::bp_percentile, bp, hsct::comparator::greater_equal, jodele_child_bp_percentile,
            hsct::measure::count(static_cast<double>(in.age->completed_years()), hsct::count_unit::years), req, true);
    }
    mark(p.met, p.unknown, marker_bit(m::hypertension), bp);
    const auto sc = sc5b9_elevated(a, o.sc5b9, c::sc5b9, rec, missing);
    mark(p.met, p.unknown, marker_bit(m::elevated_sc5b9), sc);
    // thrombocytopenia: below 50 x10^9/L or a fall of at least 50 %
    hsct::outcome low = hsct::outcome::unknown;
    if (!a.platelets) {
        missing.insert(ta_tma_field::platelets);
        rec(c::platelets, low, hsct::comparator::less, jodele_platelets_below_e9_per_l,
            hsct::measure::missing(ta_tma_field::platelets), req, true);
    } else {
        low = detail::tma_es::compared(a.platelets->in(hsct::units::giga_per_l), hsct::comparator::less,
                               jodele_platelets_below_e9_per_l);
        rec(c::platelets, low, hsct::comparator::less, jodele_platelets_below_e9_per_l,
            hsct::measure::of(*a.platelets, hsct::units::giga_per_l), req, true);
    }
    const auto fall = platelet_fall(a, in, c::platelet_fall, jodele_platelet_fall_percent, req, rec, missing);
    mark(p.met, p.unknown, marker_bit(m::thrombocytopenia), detail::tma_es::any_of(low, fall));
    // de novo anaemia, read as the harmonised criterion [U]
    hsct::enum_set<ta_tma_field> anaemia_missing;
    const auto quiet = [](ta_tma_criterion, hsct::outcome, hsct::comparator, double, hsct::measure, const char*,
                          bool) noexcept {};
    const auto anaemia = tma_anaemia(a, in, quiet, anaemia_missing);
    missing |= anaemia_missing;
    if (anaemia == hsct::outcome::unknown) {
        missing.insert(ta_tma_field::anaemia_findings);
    }
    rec(c::anaemia, anaemia, hsct::comparator::present, 0.0,
        anaemia == hsct::outcome::unknown ? hsct::measure::missing(ta_tma_field::anaemia_findings)
                                          : hsct::measure::flag(anaemia == hsct::outcome::met),
        "COMP-TMA-020", false);
    mark(p.met, p.unknown, marker_bit(m::anaemia), anaemia);
    if (a.biopsy_tma) {
        rec(c::histology, hsct::outcome::met, hsct::comparator::present, 0.0, hsct::measure::code(*a.biopsy_tma), req,
            true);
    }
    // COMP-TMA-022: protein above 30 mg/dL with elevated sC5b-9, at this time point
    p.poor_prognosis = a.urine_protein &&
                       hsct::satisfies(a.urine_protein->in(hsct::units::mg_per_dl), hsct::comparator::greater,
                                       jodele_poor_prognosis_protein_mg_dl) &&
                       sc == hsct::outcome::met;
    return p;
}

}  // namespace detail::tma

/// COMP-TMA-020..022: the Jodele 2014 markers over the same series (same input checks as
/// assess_ta_tma). By default no count-based diagnosis: the markers are reported with their days.
template <class = void>
[[nodiscard]] result<jodele_tma_result> assess_jodele_tma(const ta_tma_input& in,
                                                          const jodele_tma_options& options = {}) {
    result<jodele_tma_result> out(std::in_place);
    if (auto e = detail::tma::check_jodele_options(options)) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::tma::check_tma_input(in)) {
        out = std::move(*e);
        return out;
    }
    jodele_tma_result& r = *out;
    r.options = options;
    const auto pts = in.assessments;
    const std::size_t n = pts.size();
    const bool count = options.count == jodele_count_policy::four_of_seven;
    r.count_unverified = count;
    if (n == 0) {
        r.status = jodele_status::no_assessments;
        return out;
    }
    using m = jodele_marker;
    const auto ignore = [](jodele_tma_criterion, hsct::outcome, hsct::comparator, double, hsct::measure, const char*,
                           bool) noexcept {};
    std::optional<std::size_t> best;
    std::optional<std::size_t> counted;
    std::size_t best_count = 0;
    bool possible = false;
    for (std::size_t i = 0; i < n; ++i) {
        const auto p = detail::tma::evaluate_jodele_point(pts[i], in, options, ignore, r.missing);
        r.time_points.push_back(jodele_time_point{pts[i].day, detail::tma::to_set<m>(p.met), detail::tma::to_set<m>(p.unknown),
                                                  p.poor_prognosis});
        const std::size_t k = detail::tma::bits(p.met);
        if (!best || k > best_count) {
            best = i;
            best_count = k;
        }
        if (count && !counted && k >= jodele_markers_counted) {
            counted = i;
            r.count_day = pts[i].day;
        }
        possible = possible || detail::tma::bits(p.met | p.unknown) >= jodele_markers_counted;
        if (!r.histology_day && pts[i].biopsy_tma) {
            r.histology_day = pts[i].day;
        }
        if (!r.poor_prognosis_day && p.poor_prognosis) {
            r.poor_prognosis_day = pts[i].day;
        }
    }
    if (r.histology_day && (!count || !r.count_day || !(*r.count_day < *r.histology_day))) {
        r.status = jodele_status::histology;
    } else if (!count) {
        r.status = jodele_status::markers_only;
    } else if (r.count_day) {
        r.status = jodele_status::count_met_unverified;
    } else {
        r.status = possible ? jodele_status::count_unknown : jodele_status::count_not_met;
    }
    const std::size_t e = count && counted ? *counted : *best;
    r.evidence_day = pts[e].day;
    hsct::enum_set<ta_tma_field> scratch;
    const auto day = pts[e].day;
    (void)detail::tma::evaluate_jodele_point(
        pts[e], in, options,
        [&](jodele_tma_criterion id, hsct::outcome o, hsct::comparator cmp, double t, hsct::measure mm,
            const char* req, bool verified) {
            r.criteria.push_back(tma_dated_criterion<jodele_tma_criterion>{
                day, detail::tma_es::make_criterion(id, o, cmp, t, mm, req, verified)});
        },
        scratch);
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_TA_TMA_HPP
