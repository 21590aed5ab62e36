// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// SOS/VOD severity in adults: the EBMT 2016 grading (Mohty, BMT 2016;51:906, as reproduced by ASH
// "Proposed EBMT scale", with the reference notes' typo corrections) and the grading printed with
// the 2023 refined criteria (HB24 ch. 49 Table 49.3, section by Mohty; doi:10.1007/978-3-031-44080-9_49).
// Each grades a patient its own diagnosis rule diagnosed (sos_vod.hpp), on the diagnosis day or on
// the worst day up to the assessment day, and says which rows placed in which column, which decided,
// and whether risk factors moved the grade up.
//
//   using namespace hsct::complications;
//   auto g = assess_sos_ebmt2016_severity(in);   // result<sos_adult_severity_result>
//   g->grade;                                    // sos_severity::severe
//   g->decided_by;                               // sos_severity_decision::two_in_column
//   g->deciding_rows;                            // {time_since_first_symptom, weight_gain}
//
// COMP-SOS-040 EBMT 2016 rows [V2] (ASH reproduction; cells as the notes corrected them [M]):
//   time from the first clinical symptom to the diagnosis day: > 7 d mild, 5-7 d moderate, <= 4 d
//   severe; bilirubin mg/dL [2, 3) mild, [3, 5) moderate, [5, 8) severe, >= 8 very severe (printed
//   also 34/51/85/136 umol/L: staged in mg/dL, COMP-SOS-006 flags a value the umol/L bands read
//   otherwise); transaminases x normal <= 2 mild, (2, 5] moderate, (5, 8] severe, > 8 very severe;
//   weight gain < 5 % mild [M], [5, 10) see COMP-SOS-041, >= 10 % very severe; creatinine / baseline
//   at transplant < 1.2 mild, [1.2, 1.5) moderate, [1.5, 2) severe, >= 2 very severe. Bilirubin
//   below 2 mg/dL places nowhere; normal transaminases and creatinine place in mild, as printed.
// COMP-SOS-041 weight gain [5, 10) % [U] (the footnote was not seen): a severe criterion when another
//   severe criterion is met, else moderate (default), or counted in both (sos_ebmt2016_weight_band).
// COMP-SOS-042 the grade is the most severe column with two or more criteria [V-HB24 footnote].
// COMP-SOS-043 MOD/MOF is very severe whatever the columns say [V2]/[V-HB24].
// COMP-SOS-044 two or more risk factors (HB24 Table 49.1) move mild to moderate and moderate to
//   severe, never further [V-HB24]; risk factors not assessed leave the upgrade unknown.
// COMP-SOS-045 no column with two criteria [U]: the most severe column with any (default, flagged as
//   decided_by single_criterion) or ungradable (sos_no_column_with_two).
// COMP-SOS-046 timing [V-HB24 asks that it be said]: at diagnosis (default) or the worst day from
//   the diagnosis to the assessment day; the result carries it.
// COMP-SOS-047 the time since the first clinical symptom is the diagnosis day minus
//   input.first_symptom_day (D+11 to D+14: 3 days, an interval [P]; the paediatric row of
//   refractory thrombocytopenia counts days present instead, COMP-SOS-071) or, when not given, from the first day a sign of the set held (bilirubin >= 2, hepatomegaly,
//   RUQ pain, ascites, weight gain > 5 %; hsct's reading [U], criterion marked unverified).
// COMP-SOS-048 bilirubin kinetics: a value at least twice one measured at most 2 days before (48 h
//   read on day granularity [P]), the later value between the first symptom and the graded day.
// COMP-SOS-055 EBMT 2023 rows as printed in HB24 Table 49.3 [V-HB24]: time, bilirubin, kinetics and
//   transaminases as in 2016; weight >= 5 % severe, >= 10 % very severe, nothing below (see 056);
//   creatinine "baseline" mild, "< 1.5 x" moderate (see 057), [1.5, 2) severe, >= 2 very severe.
// COMP-SOS-056 2023 weight blanks [U]: as printed (default) or filled from 2016 (sos_ebmt2023_weight).
// COMP-SOS-057 2023 creatinine "baseline"/"< 1.5 x" overlap [C]: split at 1.2 x as in 2016 (default)
//   or at-or-below baseline mild, above it moderate (sos_ebmt2023_renal).
// COMP-SOS-058 2023 MOD: two or more SOFA organs scoring >= 2 (an organ with a pre-existing score
//   counts when it rose by >= 2; that reading of the footnote is [U]), or MOD diagnosed [V-HB24].
#ifndef HSCT_COMPLICATIONS_SOS_VOD_SEVERITY_HPP
#define HSCT_COMPLICATIONS_SOS_VOD_SEVERITY_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "hsct/complications/sos_vod.hpp"
#include "hsct/complications/sos_vod_input.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

/// A severity grade (ordered).
enum class sos_severity : std::uint8_t {
    mild = 1,
    moderate = 2,
    severe = 3,
    very_severe = 4,
};

constexpr auto hsct_enum_table(sos_severity) noexcept {
    return make_enum_table<sos_severity>("sos_severity", {
        {sos_severity::mild, "mild", "mild"},
        {sos_severity::moderate, "moderate", "moderate"},
        {sos_severity::severe, "severe", "severe"},
        {sos_severity::very_severe, "very_severe", "very severe"},
    });
}

/// COMP-SOS-046: which day is graded.
enum class sos_severity_timing : std::uint8_t {
    at_diagnosis = 1,  ///< the diagnosis day (default)
    worst_ever = 2,    ///< the worst day from the diagnosis to the assessment day
};

constexpr auto hsct_enum_table(sos_severity_timing) noexcept {
    return make_enum_table<sos_severity_timing>("sos_severity_timing", {
        {sos_severity_timing::at_diagnosis, "at_diagnosis", "severity at diagnosis"},
        {sos_severity_timing::worst_ever, "worst_ever", "highest severity to date"},
    });
}

/// What a severity rule could say.
enum class sos_severity_status : std::uint8_t {
    graded = 1,
    not_diagnosed = 2,   ///< the set's diagnosis was not made (or was attributed to another cause)
    ungradable = 3,      ///< diagnosed, but no column decides (COMP-SOS-045, policy ungradable)
    not_applicable = 4,  ///< the set is not for this patient's age group
};

constexpr auto hsct_enum_table(sos_severity_status) noexcept {
    return make_enum_table<sos_severity_status>("sos_severity_status", {
        {sos_severity_status::graded, "graded", "graded"},
        {sos_severity_status::not_diagnosed, "not_diagnosed", "no diagnosis to grade"},
        {sos_severity_status::ungradable, "ungradable", "no column decides"},
        {sos_severity_status::not_applicable, "not_applicable", "not for this age group"},
    });
}

/// Which rule decided the grade (before any risk-factor upgrade).
enum class sos_severity_decision : std::uint8_t {
    two_in_column = 1,            ///< COMP-SOS-042: the most severe column with two criteria
    multi_organ_dysfunction = 2,  ///< COMP-SOS-043/058, COMP-SOS-074: MOD/MOF
    single_criterion = 3,         ///< COMP-SOS-045: no column with two; the most severe with any [U]
    starred_criteria = 4,         ///< COMP-SOS-074: two starred paediatric criteria at severe
    most_severe_criterion = 5,    ///< COMP-SOS-074: the paediatric most-severe-criterion rule
};

constexpr auto hsct_enum_table(sos_severity_decision) noexcept {
    using d = sos_severity_decision;
    return make_enum_table<sos_severity_decision>("sos_severity_decision", {
        {d::two_in_column, "two_in_column", "two or more criteria in the column"},
        {d::multi_organ_dysfunction, "multi_organ_dysfunction", "multi-organ dysfunction"},
        {d::single_criterion, "single_criterion", "no column with two: the most severe criterion"},
        {d::starred_criteria, "starred_criteria", "two starred criteria at severe"},
        {d::most_severe_criterion, "most_severe_criterion", "the most severe criterion met"},
    });
}

/// The adult table graded.
enum class sos_severity_table : std::uint8_t {
    ebmt_2016 = 1,
    ebmt_2023 = 2,
};

constexpr auto hsct_enum_table(sos_severity_table) noexcept {
    return make_enum_table<sos_severity_table>("sos_severity_table", {
        {sos_severity_table::ebmt_2016, "ebmt_2016", "EBMT 2016 adult severity"},
        {sos_severity_table::ebmt_2023, "ebmt_2023", "EBMT 2023 adult severity (HB24 Table 49.3)"},
    });
}

/// COMP-SOS-040/055: the rows of the adult tables.
enum class sos_adult_severity_row : std::uint8_t {
    time_since_first_symptom = 1,
    bilirubin = 2,
    bilirubin_kinetics = 3,
    transaminases = 4,
    weight_gain = 5,
    creatinine = 6,
    multi_organ_dysfunction = 7,
    risk_factors = 8,
};

constexpr auto hsct_enum_table(sos_adult_severity_row) noexcept {
    using r = sos_adult_severity_row;
    return make_enum_table<sos_adult_severity_row>("sos_adult_severity_row", {
        {r::time_since_first_symptom, "time_since_first_symptom", "days from the first symptom to diagnosis"},
        {r::bilirubin, "bilirubin", "bilirubin"},
        {r::bilirubin_kinetics, "bilirubin_kinetics", "bilirubin doubling within 48 h"},
        {r::transaminases, "transaminases", "transaminases (x ULN)"},
        {r::weight_gain, "weight_gain", "weight gain above baseline"},
        {r::creatinine, "creatinine", "creatinine (x baseline at transplant)"},
        {r::multi_organ_dysfunction, "multi_organ_dysfunction", "multi-organ dysfunction"},
        {r::risk_factors, "risk_factors", "two or more SOS/VOD risk factors"},
    });
}

/// COMP-SOS-041 [U]: the 2016 weight band [5, 10) %.
enum class sos_ebmt2016_weight_band : std::uint8_t {
    severe_if_other_severe = 1,  ///< severe when another severe criterion is met, else moderate (default)
    count_in_both = 2,           ///< counted in the moderate and the severe column
};

constexpr auto hsct_enum_table(sos_ebmt2016_weight_band) noexcept {
    return make_enum_table<sos_ebmt2016_weight_band>("sos_ebmt2016_weight_band", {
        {sos_ebmt2016_weight_band::severe_if_other_severe, "severe_if_other_severe", "severe with another severe criterion, else moderate"},
        {sos_ebmt2016_weight_band::count_in_both, "count_in_both", "counted as moderate and as severe"},
    });
}

/// COMP-SOS-045 [U]: no column holds two criteria.
enum class sos_no_column_with_two : std::uint8_t {
    most_severe_with_any = 1,  ///< the most severe column with any criterion (default)
    ungradable = 2,
};

constexpr auto hsct_enum_table(sos_no_column_with_two) noexcept {
    return make_enum_table<sos_no_column_with_two>("sos_no_column_with_two", {
        {sos_no_column_with_two::most_severe_with_any, "most_severe_with_any", "the most severe column with any criterion"},
        {sos_no_column_with_two::ungradable, "ungradable", "ungradable"},
    });
}

/// COMP-SOS-056 [U]: the 2023 weight row's blank mild and moderate cells.
enum class sos_ebmt2023_weight : std::uint8_t {
    as_printed = 1,  ///< < 5 % no criterion, [5, 10) severe, >= 10 very severe (default)
    as_2016 = 2,     ///< the 2016 row (with its weight-band policy)
};

constexpr auto hsct_enum_table(sos_ebmt2023_weight) noexcept {
    return make_enum_table<sos_ebmt2023_weight>("sos_ebmt2023_weight", {
        {sos_ebmt2023_weight::as_printed, "as_printed", "as printed (blank below 5 %)"},
        {sos_ebmt2023_weight::as_2016, "as_2016", "filled from the 2016 row"},
    });
}

/// COMP-SOS-057 [C]: the 2023 creatinine row's mild ("baseline") and moderate ("< 1.5 x") cells.
enum class sos_ebmt2023_renal : std::uint8_t {
    split_at_1_2 = 1,      ///< < 1.2 x mild, [1.2, 1.5) moderate, as in 2016 (default)
    baseline_is_mild = 2,  ///< <= 1.0 x mild, (1.0, 1.5) moderate
};

constexpr auto hsct_enum_table(sos_ebmt2023_renal) noexcept {
    return make_enum_table<sos_ebmt2023_renal>("sos_ebmt2023_renal", {
        {sos_ebmt2023_renal::split_at_1_2, "split_at_1_2", "mild below 1.2 x, moderate to 1.5 x"},
        {sos_ebmt2023_renal::baseline_is_mild, "baseline_is_mild", "mild at or below baseline, moderate above"},
    });
}

/// A row of a severity table as graded: the day of the value read, the column it placed in (none:
/// it places nowhere), and the criterion (the band edge that placed it, or the first edge it missed).
template <class Row>
struct sos_graded_criterion {
    std::optional<hsct::transplant_day> day;
    std::optional<sos_severity> column;
    hsct::criterion<Row> criterion;
};

/// The options of the adult severity rules; the members a table does not read are ignored
/// (weight_2023 and renal_2023 by 2016; weight_band by 2023 unless weight_2023 is as_2016).
struct sos_adult_severity_options {
    sos_severity_timing timing = sos_severity_timing::at_diagnosis;                       ///< COMP-SOS-046
    sos_ebmt2016_weight_band weight_band = sos_ebmt2016_weight_band::severe_if_other_severe;  ///< COMP-SOS-041 [U]
    sos_no_column_with_two no_column_with_two = sos_no_column_with_two::most_severe_with_any;  ///< COMP-SOS-045 [U]
    sos_ebmt2023_weight weight_2023 = sos_ebmt2023_weight::as_printed;                     ///< COMP-SOS-056 [U]
    sos_ebmt2023_renal renal_2023 = sos_ebmt2023_renal::split_at_1_2;                      ///< COMP-SOS-057 [C]
    sos_ebmt2016_options diagnosis_2016;  ///< the diagnosis the 2016 grading starts from
    sos_ebmt2023_options diagnosis_2023;  ///< the diagnosis the 2023 grading starts from
};

/// The grade and its evidence.
struct sos_adult_severity_result {
    sos_adult_severity_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    sos_severity_table table = sos_severity_table::ebmt_2016;
    sos_severity_status status = sos_severity_status::not_diagnosed;
    std::optional<sos_severity> grade;                 ///< after the risk-factor upgrade
    std::optional<sos_severity> grade_before_upgrade;
    std::optional<sos_severity_decision> decided_by;
    bool risk_factor_upgrade = false;                  ///< COMP-SOS-044 moved the grade up
    std::optional<hsct::transplant_day> graded_on;     ///< the day graded
    std::optional<hsct::transplant_day> diagnosis_day;
    std::optional<sos_onset> onset;
    std::optional<sos_ebmt2023_certainty> certainty;   ///< 2023 only
    std::optional<hsct::transplant_day> first_symptom_day;
    bool first_symptom_derived = false;                ///< COMP-SOS-047: not given, derived [U]
    std::array<std::uint8_t, 4> column_counts{};       ///< criteria per column, mild to very severe
    hsct::enum_set<sos_adult_severity_row> deciding_rows;
    hsct::enum_set<sos_input_field> missing;
    bool bilirubin_unit_edge = false;                  ///< COMP-SOS-006 (2016 umol/L bands)
    hsct::fixed_list<sos_graded_criterion<sos_adult_severity_row>, 9> criteria;
    sos_adult_severity_options options;
};

namespace detail {

/// The column index of a grade (mild 0 to very severe 3), and back.
[[nodiscard]] constexpr std::size_t sos_col(sos_severity s) noexcept {
    return static_cast<std::size_t>(static_cast<std::uint8_t>(s)) - 1;
}
[[nodiscard]] constexpr sos_severity sos_from_col(std::size_t i) noexcept {
    return static_cast<sos_severity>(static_cast<std::uint8_t>(i + 1));
}

// COMP-SOS-040/055 band edges (mg/dL, x ULN, %, x baseline, days).
inline constexpr double sos_bili_bands[4] = {2.0, 3.0, 5.0, 8.0};       // [V2]/[V-HB24]
inline constexpr double sos_bili_umol_bands[4] = {34.0, 51.0, 85.0, 136.0};  // printed (2016) [V2]
inline constexpr double sos_transaminase_bands[3] = {2.0, 5.0, 8.0};   // [V2]/[V-HB24]
inline constexpr double sos_weight_bands[2] = {5.0, 10.0};             // [V2]/[V-HB24]
inline constexpr double sos_creatinine_bands[3] = {1.2, 1.5, 2.0};     // [V2]; 1.2 not printed in 2023
inline constexpr double sos_creatinine_baseline = 1.0;                 // COMP-SOS-057 alternative
inline constexpr double sos_time_mild_over_days = 7.0;                 // COMP-SOS-040/047: > 7 d mild
inline constexpr double sos_time_moderate_from_days = 5.0;             // 5-7 d moderate
inline constexpr double sos_time_severe_to_days = 4.0;                 // <= 4 d severe
inline constexpr double sos_doubling = 2.0;                            // COMP-SOS-048
inline constexpr std::int32_t sos_doubling_days = 2;                   // 48 h [P]
inline constexpr std::size_t sos_risk_factors_for_upgrade = 2;         // COMP-SOS-044
inline constexpr int sos_mod_organs = 2;                               // COMP-SOS-058

/// COMP-SOS-040/055: the band of a bilirubin value (index into sos_bili_bands; -1 below 2 mg/dL).
[[nodiscard]] inline int sos_bili_band(double v, const double (&edges)[4]) noexcept {
    int b = -1;
    for (int i = 0; i < 4; ++i) {
        if (hsct::satisfies(v, hsct::comparator::greater_equal, edges[i])) {
            b = i;
        }
    }
    return b;
}

/// COMP-SOS-048: the largest ratio of a bilirubin value to one measured 1-2 days before it, the
/// later value dated in [from, to]; nullopt when no two values are that close.
template <class = void>
[[nodiscard]] std::optional<std::pair<double, hsct::transplant_day>> sos_doubling_ratio(
    std::span<const sos_measurement<hsct::bilirubin>> s, hsct::transplant_day from, hsct::transplant_day to) noexcept {
    std::optional<std::pair<double, hsct::transplant_day>> best;
    for (std::size_t j = 0; j < s.size(); ++j) {
        if (s[j].day < from || s[j].day > to) {
            continue;
        }
        for (std::size_t i = j; i-- > 0;) {
            const auto gap = (s[j].day - s[i].day).count();
            if (gap > sos_doubling_days) {
                break;
            }
            const double earlier = s[i].value.in(hsct::units::mg_per_dl);
            if (!(earlier > 0.0)) {
                continue;
            }
            const double ratio = s[j].value.in(hsct::units::mg_per_dl) / earlier;
            if (!best || ratio > best->first) {
                best = std::pair<double, hsct::transplant_day>{ratio, s[j].day};
            }
        }
    }
    return best;
}

/// One graded row before it is recorded.
template <class Row>
struct sos_placement {
    Row row{};
    std::optional<sos_severity> column;
    hsct::outcome outcome = hsct::outcome::unknown;
    hsct::comparator cmp = hsct::comparator::present;
    double threshold = 0.0;
    double value = 0.0;
    sos_measure_kind kind = sos_measure_kind::flag;
    std::optional<hsct::transplant_day> day;
    const char* requirement = "";
    bool verified = true;
    sos_input_field missing = sos_input_field::bilirubin;
};

template <class Row>
[[nodiscard]] sos_graded_criterion<Row> sos_record(const sos_placement<Row>& p) noexcept {
    const auto m = p.outcome == hsct::outcome::unknown ? hsct::measure::missing(p.missing) : sos_measure(p.kind, p.value);
    return {p.day, p.column, sos_make_criterion(p.row, p.outcome, p.cmp, p.threshold, m, p.requirement, p.verified)};
}

/// The adult grading of one day.
struct sos_adult_grading {
    hsct::fixed_list<sos_placement<sos_adult_severity_row>, 9> rows;
    std::array<std::uint8_t, 4> counts{};
    std::optional<sos_severity> grade;
    std::optional<sos_severity> before;
    std::optional<sos_severity_decision> decision;
    bool upgrade = false;
    bool unit_edge = false;
    hsct::enum_set<sos_adult_severity_row> deciding;
};

/// What the adult grading reads besides the day's values.
struct sos_adult_context {
    sos_severity_table table = sos_severity_table::ebmt_2016;
    const sos_adult_severity_options* options = nullptr;
    std::optional<double> time_days;  // first symptom to diagnosis
    bool time_verified = true;
    hsct::transplant_day kinetics_from;
};

/// COMP-SOS-040..045, 048, 055..058: the grading of day `d`.
template <class = void>
[[nodiscard]] sos_adult_grading sos_grade_adult(const sos_view& v, const sos_adult_context& cx, hsct::transplant_day d) {
    using row = sos_adult_severity_row;
    using hsct::comparator;
    using hsct::outcome;
    const bool y2016 = cx.table == sos_severity_table::ebmt_2016;
    const char* req = y2016 ? "COMP-SOS-040" : "COMP-SOS-055";
    const auto& o = *cx.options;
    sos_adult_grading g;
    using P = sos_placement<row>;
    // time since the first clinical symptom (COMP-SOS-047)
    {
        P p;
        p.row = row::time_since_first_symptom;
        p.kind = sos_measure_kind::days;
        p.requirement = "COMP-SOS-047";
        p.missing = sos_input_field::first_symptom_day;
        p.verified = cx.time_verified;
        if (cx.time_days) {
            const double t = *cx.time_days;
            p.value = t;
            p.outcome = outcome::met;
            if (hsct::satisfies(t, comparator::greater, sos_time_mild_over_days)) {
                p.column = sos_severity::mild;
                p.cmp = comparator::greater;
                p.threshold = sos_time_mild_over_days;
            } else if (hsct::satisfies(t, comparator::greater_equal, sos_time_moderate_from_days)) {
                p.column = sos_severity::moderate;
                p.cmp = comparator::greater_equal;
                p.threshold = sos_time_moderate_from_days;
            } else {
                p.column = sos_severity::severe;
                p.cmp = comparator::less_equal;
                p.threshold = sos_time_severe_to_days;
            }
        }
        g.rows.push_back(p);
    }
    // bilirubin (COMP-SOS-040/055)
    {
        P p;
        p.row = row::bilirubin;
        p.kind = sos_measure_kind::bilirubin;
        p.requirement = req;
        p.missing = sos_input_field::bilirubin;
        p.cmp = comparator::greater_equal;
        p.threshold = sos_bili_bands[0];
        const auto b = v.bilirubin(d);
        if (b.known) {
            p.day = b.measured_on;
            p.value = b.value;
            const int band = sos_bili_band(b.value, sos_bili_bands);
            p.outcome = band >= 0 ? outcome::met : outcome::not_met;
            if (band >= 0) {
                p.column = sos_from_col(static_cast<std::size_t>(band));
                p.threshold = sos_bili_bands[band];
            }
            if (y2016) {
                g.unit_edge = band != sos_bili_band(b.value * hsct::detail::bilirubin_umol_per_mg_dl, sos_bili_umol_bands);
            }
        }
        g.rows.push_back(p);
    }
    // bilirubin kinetics (COMP-SOS-048)
    {
        P p;
        p.row = row::bilirubin_kinetics;
        p.kind = sos_measure_kind::ratio;
        p.requirement = "COMP-SOS-048";
        p.missing = sos_input_field::bilirubin;
        p.cmp = comparator::greater_equal;
        p.threshold = sos_doubling;
        p.verified = false;  // 48 h read on days [P]
        if (const auto k = sos_doubling_ratio(v.input().bilirubin, cx.kinetics_from, d)) {
            p.value = k->first;
            p.day = k->second;
            const bool met = hsct::satisfies(k->first, comparator::greater_equal, sos_doubling);
            p.outcome = met ? outcome::met : outcome::not_met;
            if (met) {
                p.column = sos_severity::severe;
            }
        }
        g.rows.push_back(p);
    }
    // transaminases (COMP-SOS-040/055)
    {
        P p;
        p.row = row::transaminases;
        p.kind = sos_measure_kind::times_uln;
        p.requirement = req;
        p.missing = sos_input_field::transaminases;
        const auto t = v.transaminases(d);
        if (t.known) {
            p.day = t.measured_on;
            p.value = t.value;
            p.outcome = outcome::met;
            if (hsct::satisfies(t.value, comparator::greater, sos_transaminase_bands[2])) {
                p.column = sos_severity::very_severe;
                p.cmp = comparator::greater;
                p.threshold = sos_transaminase_bands[2];
            } else if (hsct::satisfies(t.value, comparator::greater, sos_transaminase_bands[1])) {
                p.column = sos_severity::severe;
                p.cmp = comparator::greater;
                p.threshold = sos_transaminase_bands[1];
            } else if (hsct::satisfies(t.value, comparator::greater, sos_transaminase_bands[0])) {
                p.column = sos_severity::moderate;
                p.cmp = comparator::greater;
                p.threshold = sos_transaminase_bands[0];
            } else {
                p.column = sos_severity::mild;
                p.cmp = comparator::less_equal;
                p.threshold = sos_transaminase_bands[0];
            }
        }
        g.rows.push_back(p);
    }
    // creatinine
    {
        P p;
        p.row = row::creatinine;
        p.kind = sos_measure_kind::ratio;
        p.requirement = y2016 ? req : "COMP-SOS-057";
        p.missing = sos_input_field::creatinine;
        const bool split = y2016 || o.renal_2023 == sos_ebmt2023_renal::split_at_1_2;
        const auto c = v.creatinine_ratio(d);
        if (c.known) {
            p.day = c.measured_on;
            p.value = c.value;
            p.outcome = outcome::met;
            p.cmp = comparator::greater_equal;
            p.verified = y2016;
            if (hsct::satisfies(c.value, comparator::greater_equal, sos_creatinine_bands[2])) {
                p.column = sos_severity::very_severe;
                p.threshold = sos_creatinine_bands[2];
                p.verified = true;
                p.requirement = req;
            } else if (hsct::satisfies(c.value, comparator::greater_equal, sos_creatinine_bands[1])) {
                p.column = sos_severity::severe;
                p.threshold = sos_creatinine_bands[1];
                p.verified = true;
                p.requirement = req;
            } else if (split) {
                if (hsct::satisfies(c.value, comparator::greater_equal, sos_creatinine_bands[0])) {
                    p.column = sos_severity::moderate;
                    p.threshold = sos_creatinine_bands[0];
                } else {
                    p.column = sos_severity::mild;
                    p.cmp = comparator::less;
                    p.threshold = sos_creatinine_bands[0];
                }
            } else if (hsct::satisfies(c.value, comparator::greater, sos_creatinine_baseline)) {
                p.column = sos_severity::moderate;
                p.cmp = comparator::greater;
                p.threshold = sos_creatinine_baseline;
            } else {
                p.column = sos_severity::mild;
                p.cmp = comparator::less_equal;
                p.threshold = sos_creatinine_baseline;
            }
        }
        g.rows.push_back(p);
    }
    // multi-organ dysfunction (COMP-SOS-043; 2023 also by SOFA, COMP-SOS-058)
    bool mod = false;
    {
        P p;
        p.row = row::multi_organ_dysfunction;
        p.kind = sos_measure_kind::flag;
        p.requirement = y2016 ? "COMP-SOS-043" : "COMP-SOS-058";
        p.missing = sos_input_field::multi_organ_dysfunction;
        const tri f = v.finding(sos_finding::multi_organ_dysfunction, d);
        bool increase = false;
        const int organs = y2016 ? -1 : v.sofa_mod_organs(d, &increase);
        if (f == tri::yes) {
            p.outcome = outcome::met;
            p.value = 1.0;
            mod = true;
        } else if (organs >= 0) {
            p.kind = sos_measure_kind::number;
            p.value = static_cast<double>(organs);
            p.cmp = comparator::greater_equal;
            p.threshold = static_cast<double>(sos_mod_organs);
            mod = organs >= sos_mod_organs;
            p.outcome = mod ? outcome::met : outcome::not_met;
            p.verified = !increase;
            p.day = d;
        } else if (f == tri::no) {
            p.outcome = outcome::not_met;
        }
        if (mod) {
            p.column = sos_severity::very_severe;
        }
        if (!y2016 && p.outcome == outcome::unknown) {
            p.missing = sos_input_field::sofa;
        }
        g.rows.push_back(p);
    }
    // weight gain last: the 2016 band [5, 10) depends on the other severe criteria (COMP-SOS-041)
    std::array<std::uint8_t, 4> others{};
    for (const auto& p : g.rows) {
        if (p.column) {
            ++others[sos_col(*p.column)];
        }
    }
    {
        P p;
        p.row = row::weight_gain;
        p.kind = sos_measure_kind::percent;
        p.requirement = req;
        p.missing = sos_input_field::weight;
        const bool as2016 = y2016 || o.weight_2023 == sos_ebmt2023_weight::as_2016;
        const auto w = v.weight_gain(d);
        bool both = false;
        if (w.known) {
            p.day = w.measured_on;
            p.value = w.value;
            p.outcome = outcome::met;
            p.cmp = comparator::greater_equal;
            if (hsct::satisfies(w.value, comparator::greater_equal, sos_weight_bands[1])) {
                p.column = sos_severity::very_severe;
                p.threshold = sos_weight_bands[1];
            } else if (hsct::satisfies(w.value, comparator::greater_equal, sos_weight_bands[0])) {
                p.threshold = sos_weight_bands[0];
                if (!as2016) {
                    p.column = sos_severity::severe;
                } else {
                    p.verified = false;  // COMP-SOS-041 [U]
                    p.requirement = "COMP-SOS-041";
                    if (o.weight_band == sos_ebmt2016_weight_band::count_in_both) {
                        p.column = sos_severity::moderate;
                        both = true;
                    } else {
                        p.column = others[sos_col(sos_severity::severe)] > 0 ? sos_severity::severe : sos_severity::moderate;
                    }
                }
            } else if (as2016) {
                p.column = sos_severity::mild;  // COMP-SOS-040 "< 5 %": printed "> 5 %" in the reproduction, corrected [M]
                p.cmp = comparator::less;
                p.threshold = sos_weight_bands[0];
                p.verified = false;
            } else {
                p.outcome = outcome::not_met;  // the 2023 row is blank below 5 % (COMP-SOS-056)
                p.threshold = sos_weight_bands[0];
            }
            if (!y2016 && as2016) {
                p.requirement = "COMP-SOS-056";
                p.verified = false;
            }
        }
        g.rows.push_back(p);
        if (both) {
            P q = p;
            q.column = sos_severity::severe;
            g.rows.push_back(q);
        }
    }
    for (const auto& p : g.rows) {
        if (p.column) {
            ++g.counts[sos_col(*p.column)];
        }
    }
    // risk factors (COMP-SOS-044)
    const auto& rf = v.input().risk_factors;
    const bool risk = rf.assessed && rf.count() >= sos_risk_factors_for_upgrade;
    {
        P p;
        p.row = row::risk_factors;
        p.kind = sos_measure_kind::number;
        p.requirement = "COMP-SOS-044";
        p.missing = sos_input_field::risk_factors;
        p.cmp = comparator::greater_equal;
        p.threshold = static_cast<double>(sos_risk_factors_for_upgrade);
        if (rf.assessed) {
            p.value = static_cast<double>(rf.count());
            p.outcome = risk ? outcome::met : outcome::not_met;
        }
        g.rows.push_back(p);
    }
    // the grade
    std::optional<std::size_t> col;
    if (mod) {
        col = sos_col(sos_severity::very_severe);
        g.decision = sos_severity_decision::multi_organ_dysfunction;
    } else {
        for (std::size_t i = 4; i-- > 0;) {
            if (g.counts[i] >= 2) {
                col = i;
                g.decision = sos_severity_decision::two_in_column;
                break;
            }
        }
        if (!col && o.no_column_with_two == sos_no_column_with_two::most_severe_with_any) {
            for (std::size_t i = 4; i-- > 0;) {
                if (g.counts[i] >= 1) {
                    col = i;
                    g.decision = sos_severity_decision::single_criterion;
                    break;
                }
            }
        }
    }
    if (col) {
        g.before = sos_from_col(*col);
        g.grade = g.before;
        for (const auto& p : g.rows) {
            if (p.column && sos_col(*p.column) == *col && (!mod || p.row == row::multi_organ_dysfunction)) {
                g.deciding.insert(p.row);
            }
        }
        if (risk && *col <= sos_col(sos_severity::moderate)) {
            g.grade = sos_from_col(*col + 1);
            g.upgrade = true;
            g.deciding.insert(row::risk_factors);
        }
    }
    return g;
}

/// COMP-SOS-047: the first day of a sign of the set, from D0 to the diagnosis day.
template <class = void>
[[nodiscard]] hsct::transplant_day sos_first_sign(const sos_view& v, hsct::transplant_day diagnosis) noexcept {
    for (auto d = hsct::transplant_day::at(0); d < diagnosis; ++d) {
        const auto a = sos_read_adult(v, d);
        if (a.bt == tri::yes || a.wt == tri::yes || a.at == tri::yes ||
            v.finding(sos_finding::hepatomegaly, d) == tri::yes || v.finding(sos_finding::ruq_pain, d) == tri::yes) {
            return d;
        }
    }
    return diagnosis;
}

[[nodiscard]] inline std::optional<error> sos_check_adult_severity_options(const sos_adult_severity_options& o) {
    if (auto e = hsct::detail::check_enum(o.timing, "options.timing")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.weight_band, "options.weight_band")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.no_column_with_two, "options.no_column_with_two")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.weight_2023, "options.weight_2023")) {
        return e;
    }
    return hsct::detail::check_enum(o.renal_2023, "options.renal_2023");
}

/// Grades from a diagnosis day: chooses the day (COMP-SOS-046), records its rows.
template <class = void>
[[nodiscard]] std::optional<error> sos_grade_adult_episode(const sos_vod_input& in, sos_persistence persistence,
                                                           sos_adult_severity_result& r) {
    const sos_view v(in, persistence);
    const auto diagnosis = *r.diagnosis_day;
    if (in.first_symptom_day) {
        if (*in.first_symptom_day > diagnosis) {
            return error(errc::inconsistent, "first_symptom_day", sos_day_text(*in.first_symptom_day),
                         hsct::detail::concat({"on or before the diagnosis day, ", sos_day_text(diagnosis)}), "COMP-SOS-047");
        }
        r.first_symptom_day = in.first_symptom_day;
    } else {
        r.first_symptom_day = sos_first_sign(v, diagnosis);
        r.first_symptom_derived = true;
    }
    sos_adult_context cx;
    cx.table = r.table;
    cx.options = &r.options;
    cx.time_days = static_cast<double>((diagnosis - *r.first_symptom_day).count());
    cx.time_verified = !r.first_symptom_derived;
    cx.kinetics_from = *r.first_symptom_day;
    auto chosen = diagnosis;
    if (r.options.timing == sos_severity_timing::worst_ever) {
        std::optional<sos_severity> worst;
        for (auto d = diagnosis; d <= in.assessed_on; ++d) {
            const auto g = sos_grade_adult(v, cx, d);
            if (g.grade && (!worst || *g.grade > *worst)) {
                worst = g.grade;
                chosen = d;
            }
        }
    }
    const auto g = sos_grade_adult(v, cx, chosen);
    r.graded_on = chosen;
    r.grade = g.grade;
    r.grade_before_upgrade = g.before;
    r.decided_by = g.decision;
    r.risk_factor_upgrade = g.upgrade;
    r.column_counts = g.counts;
    r.deciding_rows = g.deciding;
    r.bilirubin_unit_edge = g.unit_edge;
    r.status = g.grade ? sos_severity_status::graded : sos_severity_status::ungradable;
    for (const auto& p : g.rows) {
        r.criteria.push_back(sos_record(p));
        if (p.outcome == hsct::outcome::unknown) {
            r.missing.insert(p.missing);
        }
    }
    return std::nullopt;
}

/// Whether a severity rule grades: only a diagnosis that was made (status met); otherwise the
/// severity status says why not (the population rule did not apply, or no diagnosis).
[[nodiscard]] constexpr bool sos_severity_gate(sos_status diagnosis, sos_severity_status& status) noexcept {
    if (diagnosis == sos_status::met) {
        return true;
    }
    status = diagnosis == sos_status::not_applicable ? sos_severity_status::not_applicable
                                                     : sos_severity_status::not_diagnosed;
    return false;
}

}  // namespace detail

/// COMP-SOS-040..048: EBMT 2016 adult severity of an EBMT 2016 diagnosis (assess_sos_ebmt2016 with
/// options.diagnosis_2016). Errors: bad input, options, a first-symptom day after the diagnosis.
template <class = void>
[[nodiscard]] result<sos_adult_severity_result> assess_sos_ebmt2016_severity(
    const sos_vod_input& in, const sos_adult_severity_options& options = {}) {
    result<sos_adult_severity_result> out(std::in_place);
    if (auto e = detail::sos_check_adult_severity_options(options)) {
        out = std::move(*e);
        return out;
    }
    auto dx = assess_sos_ebmt2016(in, options.diagnosis_2016);
    if (!dx) {
        out = std::move(dx).error();
        return out;
    }
    sos_adult_severity_result& r = *out;
    r.options = options;
    r.table = sos_severity_table::ebmt_2016;
    r.diagnosis_day = dx->diagnosis_day;
    r.onset = dx->onset;
    if (!detail::sos_severity_gate(dx->status, r.status)) {
        return out;
    }
    if (auto e = detail::sos_grade_adult_episode(in, options.diagnosis_2016.persistence, r)) {
        out = std::move(*e);
    }
    return out;
}

/// COMP-SOS-055..058: EBMT 2023 adult severity (HB24 Table 49.3) of an EBMT 2023 diagnosis
/// (probable, clinical or proven; assess_sos_ebmt2023 with options.diagnosis_2023).
template <class = void>
[[nodiscard]] result<sos_adult_severity_result> assess_sos_ebmt2023_severity(
    const sos_vod_input& in, const sos_adult_severity_options& options = {}) {
    result<sos_adult_severity_result> out(std::in_place);
    if (auto e = detail::sos_check_adult_severity_options(options)) {
        out = std::move(*e);
        return out;
    }
    auto dx = assess_sos_ebmt2023(in, options.diagnosis_2023);
    if (!dx) {
        out = std::move(dx).error();
        return out;
    }
    sos_adult_severity_result& r = *out;
    r.options = options;
    r.table = sos_severity_table::ebmt_2023;
    r.diagnosis_day = dx->diagnosis_day;
    r.onset = dx->onset;
    r.certainty = dx->certainty;
    if (!detail::sos_severity_gate(dx->status, r.status)) {
        return out;
    }
    if (auto e = detail::sos_grade_adult_episode(in, options.diagnosis_2023.persistence, r)) {
        out = std::move(*e);
    }
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_SOS_VOD_SEVERITY_HPP
