// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// SOS/VOD in children: the EBMT 2018 paediatric diagnostic criteria (Corbacioglu, BMT 2018;53:138;
// HB24 ch. 49 Table 49.5, section by Corbacioglu; doi:10.1007/978-3-031-44080-9_49) and the
// paediatric severity grading of the same paper (not in HB24; read from its reproductions, PMC6020812
// Table 3 and medicalcriteria.com [V2]).
//
//   using namespace hsct::complications;
//   auto d = assess_sos_paediatric(in);            // result<sos_paediatric_result>
//   d->status;                                     // sos_status::met
//   auto g = assess_sos_paediatric_severity(in);   // result<sos_paediatric_severity_result>
//   g->grade;                                      // sos_severity::moderate
//
// COMP-SOS-060 unexplained consumptive, transfusion-refractory thrombocytopenia (>= 1 weight-adjusted
//   platelet transfusion a day to keep the institutional threshold; the clinician's finding) [V-HB24].
// COMP-SOS-061 weight: otherwise unexplained gain on three consecutive days despite diuretics (read
//   as three consecutive daily rises, each on a day with diuretics [U]), or a gain > 5 % of baseline
//   within 72 h (read as a rise of more than 5 % of baseline between values at most 3 days apart,
//   default) or at any time (sos_paediatric_weight_window: HB24 prints "within 72 h",
//   medicalcriteria.com omits it [C]).
// COMP-SOS-062 bilirubin rising from its baseline on three consecutive days (three consecutive daily
//   rises [U]), or >= 2 mg/dL (34 umol/L) "within 72 h": any value (default [U]) or a value reached
//   from below 2 mg/dL within 3 days (sos_paediatric_bilirubin).
// COMP-SOS-063 hepatomegaly above the pre-transplant baseline (best by imaging) [V-HB24].
// COMP-SOS-064 ascites above the pre-transplant baseline (best by imaging) [V-HB24].
// COMP-SOS-065 two or more of the five, no limit on the time of onset, other diagnoses excluded
//   [V-HB24]; the set is for children (age below options.adult_from_years, 18 by default [U]).
// COMP-SOS-070 severity rows [V2]: liver enzymes (the higher of ALT and AST; GLDH is not read) x
//   normal <= 2 mild, (2, 5] moderate, > 5 severe; refractory thrombocytopenia < 3 d mild, 3-7 d
//   moderate, > 7 d severe (COMP-SOS-071); bilirubin < 2 mg/dL mild, >= 2 severe; ascites minimal
//   mild, moderate moderate, needing paracentesis severe; coagulation impaired severe, needing factor
//   replacement very severe; GFR [60, 90) mild, [30, 60) moderate, [15, 30) severe, < 15 mL/min very
//   severe; oxygen < 2 L/min mild, > 2 L/min moderate (COMP-SOS-072), ventilation (CPAP included)
//   severe; new cognitive impairment very severe; MOD/MOF very severe. A value printed in two
//   columns (bilirubin < 2, liver enzymes > 5, thrombocytopenia > 7 d) places in the less severe;
//   a normal value (GFR >= 90, no oxygen, normal coagulation and CNS, no thrombocytopenia, no
//   ascites) places nowhere (hsct's reading [U], so that a normal CNS never reads as "severe").
// COMP-SOS-071 refractory thrombocytopenia of exactly 7 days: > 7 d severe (medicalcriteria, default)
//   or >= 7 d (PMC6020812) [C]: options.rt_severe_comparison. The row counts the days on which the
//   finding is present, onset and graded day included (onset D+26, graded D+30: 5 days, as the
//   worked example VOD-6 reads) [P]; COMP-SOS-047's time since the first symptom is instead an
//   interval between two days (their difference): one counts days of a state, the other measures
//   the time between two events.
// COMP-SOS-072 oxygen at exactly 2 L/min [U]: moderate (default, the conservative reading) or mild.
// COMP-SOS-073 bilirubin kinetics (doubling within 48 h): its column is misaligned in the
//   reproductions [C]: severe (default) or not graded.
// COMP-SOS-074 the grade is the most severe column with any criterion [V2]; two or more starred
//   criteria (liver enzymes, thrombocytopenia, bilirubin, ascites) at severe make it very severe;
//   MOD/MOF is very severe.
// COMP-SOS-075 hyperbilirubinaemia from the primary disease is not graded (input flag) [V2].
#ifndef HSCT_COMPLICATIONS_SOS_VOD_PAEDIATRIC_HPP
#define HSCT_COMPLICATIONS_SOS_VOD_PAEDIATRIC_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>

#include "hsct/complications/sos_vod.hpp"
#include "hsct/complications/sos_vod_input.hpp"
#include "hsct/complications/sos_vod_severity.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

/// COMP-SOS-060..065: the criteria of the EBMT 2018 paediatric set (criteria 2 and 3 have two
/// routes each, recorded apart).
enum class sos_paediatric_criterion : std::uint8_t {
    refractory_thrombocytopenia = 1,
    weight_rising = 2,     ///< weight rising on three consecutive days despite diuretics
    weight_gain = 3,       ///< weight gain > 5 % of baseline (within 72 h, per options)
    bilirubin_rising = 4,  ///< bilirubin rising on three consecutive days
    bilirubin = 5,         ///< bilirubin >= 2 mg/dL (per options)
    hepatomegaly = 6,
    ascites = 7,
    other_causes = 8,
    child = 9,             ///< COMP-SOS-005: age below options.adult_from_years
};

constexpr auto hsct_enum_table(sos_paediatric_criterion) noexcept {
    using c = sos_paediatric_criterion;
    return make_enum_table<sos_paediatric_criterion>("sos_paediatric_criterion", {
        {c::refractory_thrombocytopenia, "refractory_thrombocytopenia", "transfusion-refractory thrombocytopenia"},
        {c::weight_rising, "weight_rising", "weight rising on three consecutive days despite diuretics"},
        {c::weight_gain, "weight_gain", "weight gain above 5 % of baseline within 72 h"},
        {c::bilirubin_rising, "bilirubin_rising", "bilirubin rising on three consecutive days"},
        {c::bilirubin, "bilirubin", "bilirubin at least 2 mg/dL"},
        {c::hepatomegaly, "hepatomegaly", "hepatomegaly above baseline"},
        {c::ascites, "ascites", "ascites above baseline"},
        {c::other_causes, "other_causes", "other diagnoses excluded"},
        {c::child, "child", "paediatric patient"},
    });
}

/// COMP-SOS-061 [C]: the window of the > 5 % weight gain.
enum class sos_paediatric_weight_window : std::uint8_t {
    within_72h = 1,  ///< a rise of > 5 % of baseline between values at most 3 days apart (HB24; default)
    no_window = 2,   ///< > 5 % above baseline at any time (medicalcriteria.com)
};

constexpr auto hsct_enum_table(sos_paediatric_weight_window) noexcept {
    return make_enum_table<sos_paediatric_weight_window>("sos_paediatric_weight_window", {
        {sos_paediatric_weight_window::within_72h, "within_72h", "gain within 72 h"},
        {sos_paediatric_weight_window::no_window, "no_window", "gain at any time"},
    });
}

/// COMP-SOS-062 [U]: how "bilirubin >= 2 mg/dL within 72 h" is read.
enum class sos_paediatric_bilirubin : std::uint8_t {
    any_value = 1,           ///< any value >= 2 mg/dL (default)
    reached_within_72h = 2,  ///< a value >= 2 mg/dL with one below 2 mg/dL at most 3 days before
};

constexpr auto hsct_enum_table(sos_paediatric_bilirubin) noexcept {
    return make_enum_table<sos_paediatric_bilirubin>("sos_paediatric_bilirubin", {
        {sos_paediatric_bilirubin::any_value, "any_value", "any value at least 2 mg/dL"},
        {sos_paediatric_bilirubin::reached_within_72h, "reached_within_72h", "2 mg/dL reached within 72 h"},
    });
}

/// The options of the paediatric set.
struct sos_paediatric_options {
    sos_paediatric_weight_window weight_window = sos_paediatric_weight_window::within_72h;  ///< COMP-SOS-061 [C]
    sos_paediatric_bilirubin bilirubin = sos_paediatric_bilirubin::any_value;               ///< COMP-SOS-062 [U]
    sos_persistence persistence = sos_persistence::carry_forward;                           ///< COMP-SOS-002 [U]
    std::uint8_t adult_from_years = 18;                                                     ///< COMP-SOS-005 [U]
};

struct sos_paediatric_result {
    sos_paediatric_result() noexcept {}  // NOLINT(modernize-use-equals-default)
    sos_status status = sos_status::not_met;
    std::optional<hsct::transplant_day> diagnosis_day;
    std::optional<sos_onset> onset;  ///< informative: the paediatric set has no onset limit
    hsct::enum_set<sos_paediatric_criterion> on_diagnosis_day;
    std::uint8_t criteria_on_diagnosis_day = 0;  ///< of the five (a criterion with two routes counts once)
    hsct::enum_set<sos_input_field> missing;
    bool bilirubin_unit_edge = false;  ///< COMP-SOS-006 (2 mg/dL against 34 umol/L)
    hsct::fixed_list<sos_dated_criterion<sos_paediatric_criterion>, 9> criteria;
    sos_paediatric_options options;
};

/// COMP-SOS-070: the rows of the paediatric severity table.
enum class sos_paediatric_severity_row : std::uint8_t {
    liver_enzymes = 1,                ///< starred
    refractory_thrombocytopenia = 2,  ///< starred (days)
    bilirubin = 3,                    ///< starred
    ascites = 4,                      ///< starred
    bilirubin_kinetics = 5,
    coagulation = 6,
    gfr = 7,
    oxygen = 8,
    cns = 9,
    multi_organ_dysfunction = 10,
    starred_criteria = 11,            ///< starred criteria at severe (COMP-SOS-074)
};

constexpr auto hsct_enum_table(sos_paediatric_severity_row) noexcept {
    using r = sos_paediatric_severity_row;
    return make_enum_table<sos_paediatric_severity_row>("sos_paediatric_severity_row", {
        {r::liver_enzymes, "liver_enzymes", "liver enzymes (x ULN)"},
        {r::refractory_thrombocytopenia, "refractory_thrombocytopenia", "days of refractory thrombocytopenia"},
        {r::bilirubin, "bilirubin", "bilirubin"},
        {r::ascites, "ascites", "ascites"},
        {r::bilirubin_kinetics, "bilirubin_kinetics", "bilirubin doubling within 48 h"},
        {r::coagulation, "coagulation", "coagulation"},
        {r::gfr, "gfr", "GFR (mL/min/1.73 m2)"},
        {r::oxygen, "oxygen", "oxygen requirement (L/min)"},
        {r::cns, "cns", "new cognitive impairment"},
        {r::multi_organ_dysfunction, "multi_organ_dysfunction", "multi-organ dysfunction"},
        {r::starred_criteria, "starred_criteria", "starred criteria at severe"},
    });
}

/// COMP-SOS-072 [U]: oxygen at exactly 2 L/min.
enum class sos_paediatric_oxygen_at_2 : std::uint8_t {
    moderate = 1,  ///< default (conservative)
    mild = 2,
};

constexpr auto hsct_enum_table(sos_paediatric_oxygen_at_2) noexcept {
    return make_enum_table<sos_paediatric_oxygen_at_2>("sos_paediatric_oxygen_at_2", {
        {sos_paediatric_oxygen_at_2::moderate, "moderate", "2 L/min is moderate"},
        {sos_paediatric_oxygen_at_2::mild, "mild", "2 L/min is mild"},
    });
}

/// COMP-SOS-073 [C]: where bilirubin kinetics places.
enum class sos_paediatric_kinetics : std::uint8_t {
    severe = 1,      ///< default
    not_graded = 2,  ///< left out of the grading
};

constexpr auto hsct_enum_table(sos_paediatric_kinetics) noexcept {
    return make_enum_table<sos_paediatric_kinetics>("sos_paediatric_kinetics", {
        {sos_paediatric_kinetics::severe, "severe", "doubling within 48 h is severe"},
        {sos_paediatric_kinetics::not_graded, "not_graded", "doubling not graded"},
    });
}

/// The options of the paediatric severity rule.
struct sos_paediatric_severity_options {
    sos_severity_timing timing = sos_severity_timing::at_diagnosis;                  ///< COMP-SOS-046
    hsct::comparator rt_severe_comparison = hsct::comparator::greater;              ///< COMP-SOS-071 [C]
    sos_paediatric_oxygen_at_2 oxygen_at_2 = sos_paediatric_oxygen_at_2::moderate;   ///< COMP-SOS-072 [U]
    sos_paediatric_kinetics kinetics = sos_paediatric_kinetics::severe;              ///< COMP-SOS-073 [C]
    sos_paediatric_options diagnosis;  ///< the diagnosis the grading starts from
};

struct sos_paediatric_severity_result {
    sos_paediatric_severity_result() noexcept {}  // NOLINT(modernize-use-equals-default)
    sos_severity_status status = sos_severity_status::not_diagnosed;
    std::optional<sos_severity> grade;
    std::optional<sos_severity_decision> decided_by;
    std::optional<hsct::transplant_day> graded_on;
    std::optional<hsct::transplant_day> diagnosis_day;
    std::uint8_t starred_at_severe = 0;  ///< starred criteria placed at severe or very severe
    hsct::enum_set<sos_paediatric_severity_row> deciding_rows;
    hsct::enum_set<sos_input_field> missing;
    hsct::fixed_list<sos_graded_criterion<sos_paediatric_severity_row>, 11> criteria;
    sos_paediatric_severity_options options;
};

namespace detail {

inline constexpr std::int32_t sos_paed_rise_days = 3;     // COMP-SOS-061/062: three consecutive days
inline constexpr std::int32_t sos_paed_window_days = 3;   // COMP-SOS-061/062: 72 h read on days [P]
inline constexpr double sos_paed_weight_pct = 5.0;        // COMP-SOS-061
inline constexpr double sos_paed_bili_mg_dl = 2.0;        // COMP-SOS-062
inline constexpr double sos_paed_lft_bands[2] = {2.0, 5.0};      // COMP-SOS-070
inline constexpr double sos_paed_rt_days[2] = {3.0, 7.0};        // COMP-SOS-070/071
inline constexpr double sos_paed_gfr_bands[4] = {15.0, 30.0, 60.0, 90.0};  // COMP-SOS-070
inline constexpr double sos_paed_oxygen_l_min = 2.0;      // COMP-SOS-072
inline constexpr int sos_paed_starred_for_very_severe = 2;  // COMP-SOS-074

/// COMP-SOS-061/062: consecutive daily rises of a series ending on d (values measured on each day), at most `cap`;
/// `counts(k)` says whether the rise onto day k may count (diuretics for weight).
template <class Q, class Value, class Counts>
[[nodiscard]] int sos_rises(std::span<const sos_measurement<Q>> s, hsct::transplant_day d, Value&& value, Counts&& counts) {
    int n = 0;
    auto k = d;
    while (n < sos_paed_rise_days) {
        const auto now = sos_view::on(s, k);
        if (!now || k.number() <= hsct::transplant_day::min_offset) {
            break;
        }
        const auto prev = sos_view::on(s, k - std::chrono::days{1});
        if (!prev || !hsct::satisfies(value(s[*now].value), hsct::comparator::greater, value(s[*prev].value)) || !counts(k)) {
            break;
        }
        ++n;
        k -= std::chrono::days{1};
    }
    return n;
}

}  // namespace detail

/// COMP-SOS-060..065: EBMT 2018 paediatric diagnosis. Errors: bad input (COMP-SOS-001), options.
template <class = void>
[[nodiscard]] result<sos_paediatric_result> assess_sos_paediatric(const sos_vod_input& in,
                                                                  const sos_paediatric_options& options = {}) {
    result<sos_paediatric_result> out(std::in_place);
    if (auto e = hsct::detail::check_enum(options.weight_window, "options.weight_window")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.bilirubin, "options.bilirubin")) {
        out = std::move(*e);
        return out;
    }
    if (auto e = detail::sos_check_call(in, options.persistence, options.adult_from_years)) {
        out = std::move(*e);
        return out;
    }
    sos_paediatric_result& r = *out;
    r.options = options;
    if (!detail::sos_check_population(in, options.adult_from_years, false, sos_paediatric_criterion::child, r.criteria)) {
        r.status = sos_status::not_applicable;
        return out;
    }
    const detail::sos_view v(in, options.persistence);
    const bool carry = v.carries();
    using detail::tri;
    detail::sos_tracker t_rt, t_wr, t_wg, t_br, t_b, t_h, t_a;
    bool latched_wr = false;
    bool latched_wg = false;
    bool latched_br = false;
    bool latched_b = false;
    bool unknown = false;
    const auto kg = [](const hsct::mass& m) { return m.in(hsct::units::kg); };
    const auto mg = [](const hsct::bilirubin& b) { return b.in(hsct::units::mg_per_dl); };
    // the latch of an event criterion (COMP-SOS-002): from the day it happened, under carry_forward
    const auto event = [&](bool point, bool& latched) {
        latched = latched || (point && carry);
        return point || latched;
    };
    for (auto d = hsct::transplant_day::at(0); d <= in.assessed_on; ++d) {
        const tri rt = v.finding(sos_finding::refractory_thrombocytopenia, d);
        // weight rising on three consecutive days, each with diuretics (unknown diuretics: maybe)
        const int rises_yes = detail::sos_rises(in.weight, d, kg, [&](hsct::transplant_day k) {
            return v.finding(sos_finding::diuretics, k) == tri::yes;
        });
        const int rises_maybe = detail::sos_rises(in.weight, d, kg, [&](hsct::transplant_day k) {
            return v.finding(sos_finding::diuretics, k) != tri::no;
        });
        const bool wr_point = rises_yes >= detail::sos_paed_rise_days;
        const bool wr_event = event(wr_point, latched_wr);
        const tri wr = in.weight.empty() ? tri::unknown
                           : wr_event        ? tri::yes
                           : rises_maybe >= detail::sos_paed_rise_days ? tri::unknown
                                                                       : tri::no;
        // COMP-SOS-061: weight gain > 5 % of baseline (within 72 h, or at any time)
        detail::sos_reading wg_reading;
        tri wg = tri::unknown;
        if (options.weight_window == sos_paediatric_weight_window::no_window) {
            wg_reading = v.weight_gain(d);
            wg = detail::sos_lab(wg_reading, !in.weight.empty(), hsct::comparator::greater, detail::sos_paed_weight_pct);
        } else if (!in.weight.empty()) {
            bool point = false;
            if (const auto now = detail::sos_view::on(in.weight, d)) {
                const double base = kg(in.baseline_weight->value);
                const double w = kg(in.weight[*now].value);
                const auto consider = [&](double earlier) {
                    const double gain = (w - earlier) / base * 100.0;
                    if (!wg_reading.known || gain > wg_reading.value) {
                        wg_reading = {true, gain, d};
                    }
                };
                for (std::size_t i = *now; i-- > 0;) {
                    if ((d - in.weight[i].day).count() > detail::sos_paed_window_days) {
                        break;
                    }
                    consider(kg(in.weight[i].value));
                }
                const auto bd = in.baseline_weight->day;
                if (bd < d && (d - bd).count() <= detail::sos_paed_window_days) {
                    consider(base);
                }
                point = wg_reading.known && hsct::satisfies(wg_reading.value, hsct::comparator::greater,
                                                            detail::sos_paed_weight_pct);
            }
            wg = detail::tri_of(event(point, latched_wg));
        }
        // bilirubin rising on three consecutive days
        const int b_rises = detail::sos_rises(in.bilirubin, d, mg, [](hsct::transplant_day) { return true; });
        const bool br_point = b_rises >= detail::sos_paed_rise_days;
        const tri br = in.bilirubin.empty() ? tri::unknown : detail::tri_of(event(br_point, latched_br));
        // COMP-SOS-062: bilirubin >= 2 mg/dL
        detail::sos_reading b_reading;
        tri bt = tri::unknown;
        if (options.bilirubin == sos_paediatric_bilirubin::any_value) {
            b_reading = v.bilirubin(d);
            bt = detail::sos_lab(b_reading, !in.bilirubin.empty(), hsct::comparator::greater_equal,
                                 detail::sos_paed_bili_mg_dl);
        } else if (!in.bilirubin.empty()) {
            bool point = false;
            if (const auto now = detail::sos_view::on(in.bilirubin, d)) {
                const double b = mg(in.bilirubin[*now].value);
                b_reading = {true, b, d};
                // COMP-SOS-062 reached within 72 h: >= 2 mg/dL, with a value below 2 at most 3 days before
                if (hsct::satisfies(b, hsct::comparator::greater_equal, detail::sos_paed_bili_mg_dl)) {
                    for (std::size_t i = *now; i-- > 0;) {
                        if ((d - in.bilirubin[i].day).count() > detail::sos_paed_window_days) {
                            break;
                        }
                        point = point || hsct::satisfies(mg(in.bilirubin[i].value), hsct::comparator::less,
                                                         detail::sos_paed_bili_mg_dl);
                    }
                }
            }
            bt = detail::tri_of(event(point, latched_b));
        }
        if (const auto i = detail::sos_view::on(in.bilirubin, d)) {
            if (detail::sos_unit_edge(mg(in.bilirubin[*i].value), hsct::comparator::greater_equal,
                                      detail::sos_paed_bili_mg_dl, detail::sos_bilirubin_printed_umol)) {
                r.bilirubin_unit_edge = true;
            }
        }
        const tri ht = v.finding(sos_finding::hepatomegaly, d);
        const tri at = v.finding(sos_finding::ascites, d);
        t_rt.see(d, rt, detail::sos_flag_reading(rt, d));
        t_wr.see(d, wr, {true, static_cast<double>(rises_yes), d});
        t_wg.see(d, wg, wg_reading);
        t_br.see(d, br, {true, static_cast<double>(b_rises), d});
        t_b.see(d, bt, b_reading);
        t_h.see(d, ht, detail::sos_flag_reading(ht, d));
        t_a.see(d, at, detail::sos_flag_reading(at, d));
        const tri weight = detail::tri_or(wr, wg);
        const tri bili = detail::tri_or(br, bt);
        const tri all = detail::tri_at_least({rt, weight, bili, ht, at}, 2);
        if (all == tri::yes && !r.diagnosis_day) {
            r.diagnosis_day = d;
            r.onset = d.number() > detail::sos_classical_last_day ? sos_onset::late_onset : sos_onset::classical;
            const auto note = [&](tri t, sos_paediatric_criterion c) {
                if (t == tri::yes) {
                    r.on_diagnosis_day.insert(c);
                }
            };
            note(rt, sos_paediatric_criterion::refractory_thrombocytopenia);
            note(wr, sos_paediatric_criterion::weight_rising);
            note(wg, sos_paediatric_criterion::weight_gain);
            note(br, sos_paediatric_criterion::bilirubin_rising);
            note(bt, sos_paediatric_criterion::bilirubin);
            note(ht, sos_paediatric_criterion::hepatomegaly);
            note(at, sos_paediatric_criterion::ascites);
            std::uint8_t n = 0;
            for (const auto t : {rt, weight, bili, ht, at}) {
                n = static_cast<std::uint8_t>(n + (t == tri::yes ? 1 : 0));
            }
            r.criteria_on_diagnosis_day = n;
        }
        unknown = unknown || all == tri::unknown;
    }
    using c = sos_paediatric_criterion;
    using k = detail::sos_measure_kind;
    const bool window = options.weight_window == sos_paediatric_weight_window::within_72h;
    r.criteria.push_back(detail::sos_tracked(c::refractory_thrombocytopenia, t_rt, k::flag, hsct::comparator::present, 0.0,
                                             "COMP-SOS-060", true, sos_input_field::refractory_thrombocytopenia));
    r.criteria.push_back(detail::sos_tracked(c::weight_rising, t_wr, k::days, hsct::comparator::greater_equal,  // COMP-SOS-061
                                             static_cast<double>(detail::sos_paed_rise_days), "COMP-SOS-061", false,
                                             in.weight.empty() ? sos_input_field::weight : sos_input_field::diuretics));
    r.criteria.push_back(detail::sos_tracked(c::weight_gain, t_wg, k::percent, hsct::comparator::greater,
                                             detail::sos_paed_weight_pct, "COMP-SOS-061", !window, sos_input_field::weight));
    r.criteria.push_back(detail::sos_tracked(c::bilirubin_rising, t_br, k::days, hsct::comparator::greater_equal,  // COMP-SOS-062
                                             static_cast<double>(detail::sos_paed_rise_days), "COMP-SOS-062", false,
                                             sos_input_field::bilirubin));
    r.criteria.push_back(detail::sos_tracked(c::bilirubin, t_b, k::bilirubin, hsct::comparator::greater_equal,
                                             detail::sos_paed_bili_mg_dl, "COMP-SOS-062", false, sos_input_field::bilirubin));
    r.criteria.push_back(detail::sos_tracked(c::hepatomegaly, t_h, k::flag, hsct::comparator::present, 0.0, "COMP-SOS-063",
                                             true, sos_input_field::hepatomegaly));
    r.criteria.push_back(detail::sos_tracked(c::ascites, t_a, k::flag, hsct::comparator::present, 0.0, "COMP-SOS-064", true,
                                             sos_input_field::ascites));
    r.criteria.push_back(detail::sos_other_causes(c::other_causes, in.other_causes));
    detail::sos_note_missing(r.criteria, r.missing);
    r.status = detail::sos_status_of(r.diagnosis_day.has_value(), unknown, in.other_causes);
    return out;
}

namespace detail {

/// The paediatric grading of one day.
struct sos_paed_grading {
    hsct::fixed_list<sos_placement<sos_paediatric_severity_row>, 11> rows;
    std::optional<sos_severity> grade;
    std::optional<sos_severity_decision> decision;
    std::uint8_t starred = 0;
    hsct::enum_set<sos_paediatric_severity_row> deciding;
};

/// COMP-SOS-070..075: the grading of day `d`.
template <class = void>
[[nodiscard]] sos_paed_grading sos_grade_paediatric(const sos_view& v, const sos_paediatric_severity_options& o,
                                                    hsct::transplant_day d, hsct::transplant_day kinetics_from) {
    using row = sos_paediatric_severity_row;
    using hsct::comparator;
    using hsct::outcome;
    using P = sos_placement<row>;
    const auto& in = v.input();
    sos_paed_grading g;
    const auto flag_row = [&](row id, tri t, std::optional<sos_severity> column, const char* req, sos_input_field field) {
        P p;
        p.row = id;
        p.requirement = req;
        p.missing = field;
        p.outcome = t == tri::yes ? outcome::met : t == tri::no ? outcome::not_met : outcome::unknown;
        p.value = t == tri::yes ? 1.0 : 0.0;
        if (t == tri::yes) {
            p.column = column;
        }
        return p;
    };
    // liver enzymes (starred)
    {
        P p;
        p.row = row::liver_enzymes;
        p.kind = sos_measure_kind::times_uln;
        p.requirement = "COMP-SOS-070";
        p.missing = sos_input_field::transaminases;
        const auto t = v.transaminases(d);
        if (t.known) {
            p.day = t.measured_on;
            p.value = t.value;
            p.outcome = outcome::met;
            p.cmp = comparator::greater;
            if (hsct::satisfies(t.value, comparator::greater, sos_paed_lft_bands[1])) {
                p.column = sos_severity::severe;
                p.threshold = sos_paed_lft_bands[1];
                p.verified = false;  // "> 5" printed under severe and very severe: the less severe [U]
            } else if (hsct::satisfies(t.value, comparator::greater, sos_paed_lft_bands[0])) {
                p.column = sos_severity::moderate;
                p.threshold = sos_paed_lft_bands[0];
            } else {
                p.column = sos_severity::mild;
                p.cmp = comparator::less_equal;
                p.threshold = sos_paed_lft_bands[0];
            }
        }
        g.rows.push_back(p);
    }
    // refractory thrombocytopenia, days (starred; COMP-SOS-071)
    {
        P p;
        p.row = row::refractory_thrombocytopenia;
        p.kind = sos_measure_kind::days;
        p.requirement = "COMP-SOS-070";
        p.missing = sos_input_field::refractory_thrombocytopenia;
        const tri t = v.finding(sos_finding::refractory_thrombocytopenia, d);
        if (t == tri::yes) {
            const auto n = static_cast<double>(v.days_present(sos_finding::refractory_thrombocytopenia, d));
            p.value = n;
            p.day = d;
            p.outcome = outcome::met;
            if (hsct::satisfies(n, o.rt_severe_comparison, sos_paed_rt_days[1])) {
                p.column = sos_severity::severe;
                p.cmp = o.rt_severe_comparison;
                p.threshold = sos_paed_rt_days[1];
                p.requirement = "COMP-SOS-071";
            } else if (hsct::satisfies(n, comparator::greater_equal, sos_paed_rt_days[0])) {
                p.column = sos_severity::moderate;
                p.cmp = comparator::greater_equal;
                p.threshold = sos_paed_rt_days[0];
            } else {
                p.column = sos_severity::mild;
                p.cmp = comparator::less;
                p.threshold = sos_paed_rt_days[0];
            }
        } else if (t == tri::no) {
            p.outcome = outcome::not_met;
            p.cmp = comparator::present;
        }
        g.rows.push_back(p);
    }
    // bilirubin (starred; COMP-SOS-075)
    {
        P p;
        p.row = row::bilirubin;
        p.kind = sos_measure_kind::bilirubin;
        p.requirement = "COMP-SOS-070";
        p.missing = sos_input_field::bilirubin;
        const auto b = v.bilirubin(d);
        if (b.known) {
            p.day = b.measured_on;
            p.value = b.value;
            if (in.preexisting_hyperbilirubinaemia) {
                p.outcome = outcome::not_applicable;
                p.requirement = "COMP-SOS-075";
            } else if (hsct::satisfies(b.value, comparator::greater_equal, sos_paed_bili_mg_dl)) {  // COMP-SOS-070
                p.outcome = outcome::met;
                p.column = sos_severity::severe;
                p.cmp = comparator::greater_equal;
                p.threshold = sos_paed_bili_mg_dl;
            } else {
                p.outcome = outcome::met;
                p.column = sos_severity::mild;  // "< 2" printed under mild and moderate: the less severe [U]
                p.cmp = comparator::less;
                p.threshold = sos_paed_bili_mg_dl;
                p.verified = false;
            }
        }
        g.rows.push_back(p);
    }
    // ascites (starred)
    {
        P p;
        p.row = row::ascites;
        p.kind = sos_measure_kind::flag;
        p.requirement = "COMP-SOS-070";
        p.missing = sos_input_field::ascites;
        const tri t = v.finding(sos_finding::ascites, d);
        const sos_finding_record* covering = v.covering(sos_finding::ascites, d);
        if (t == tri::yes && covering != nullptr) {
            p.value = 1.0;
            switch (covering->extent) {
                case sos_ascites_extent::minimal: p.column = sos_severity::mild; break;
                case sos_ascites_extent::moderate: p.column = sos_severity::moderate; break;
                case sos_ascites_extent::needs_paracentesis: p.column = sos_severity::severe; break;
                case sos_ascites_extent::not_graded: break;
            }
            p.outcome = p.column ? outcome::met : outcome::unknown;
            p.missing = sos_input_field::ascites_extent;
        } else if (t == tri::no) {
            p.outcome = outcome::not_met;
        }
        g.rows.push_back(p);
    }
    // bilirubin kinetics (COMP-SOS-073)
    {
        P p;
        p.row = row::bilirubin_kinetics;
        p.kind = sos_measure_kind::ratio;
        p.requirement = "COMP-SOS-073";
        p.missing = sos_input_field::bilirubin;
        p.cmp = comparator::greater_equal;
        p.threshold = sos_doubling;
        p.verified = false;
        if (const auto k = sos_doubling_ratio(in.bilirubin, kinetics_from, d)) {
            p.value = k->first;
            p.day = k->second;
            const bool met = hsct::satisfies(k->first, comparator::greater_equal, sos_doubling);
            if (o.kinetics == sos_paediatric_kinetics::not_graded) {
                p.outcome = outcome::not_applicable;
            } else {
                p.outcome = met ? outcome::met : outcome::not_met;
                if (met) {
                    p.column = sos_severity::severe;
                }
            }
        }
        g.rows.push_back(p);
    }
    // coagulation
    {
        const tri fr = v.finding(sos_finding::factor_replacement, d);
        const tri co = v.finding(sos_finding::coagulopathy, d);
        if (fr == tri::yes) {
            g.rows.push_back(flag_row(row::coagulation, fr, sos_severity::very_severe, "COMP-SOS-070", sos_input_field::coagulation));
        } else {
            g.rows.push_back(flag_row(row::coagulation, tri_or(co, fr), sos_severity::severe, "COMP-SOS-070",
                                      sos_input_field::coagulation));
        }
    }
    // GFR
    {
        P p;
        p.row = row::gfr;
        p.kind = sos_measure_kind::number;
        p.requirement = "COMP-SOS-070";
        p.missing = sos_input_field::gfr;
        const auto r = v.fixed(in.gfr, d);
        if (r.known) {
            p.day = r.measured_on;
            p.value = r.value;
            p.outcome = outcome::met;
            p.cmp = comparator::less;
            if (hsct::satisfies(r.value, comparator::less, sos_paed_gfr_bands[0])) {
                p.column = sos_severity::very_severe;
                p.threshold = sos_paed_gfr_bands[0];
            } else if (hsct::satisfies(r.value, comparator::less, sos_paed_gfr_bands[1])) {
                p.column = sos_severity::severe;
                p.threshold = sos_paed_gfr_bands[1];
            } else if (hsct::satisfies(r.value, comparator::less, sos_paed_gfr_bands[2])) {
                p.column = sos_severity::moderate;
                p.threshold = sos_paed_gfr_bands[2];
            } else if (hsct::satisfies(r.value, comparator::less, sos_paed_gfr_bands[3])) {
                p.column = sos_severity::mild;
                p.threshold = sos_paed_gfr_bands[3];
            } else {
                p.outcome = outcome::not_met;  // normal: places nowhere
                p.threshold = sos_paed_gfr_bands[3];
            }
        }
        g.rows.push_back(p);
    }
    // oxygen (COMP-SOS-072)
    {
        P p;
        p.row = row::oxygen;
        p.kind = sos_measure_kind::number;
        p.requirement = "COMP-SOS-070";
        p.missing = sos_input_field::oxygen;
        const tri vent = v.finding(sos_finding::ventilation, d);
        const auto r = v.fixed(in.oxygen, d);
        if (vent == tri::yes) {
            p.kind = sos_measure_kind::flag;
            p.value = 1.0;
            p.outcome = outcome::met;
            p.column = sos_severity::severe;
        } else if (r.known) {
            p.day = r.measured_on;
            p.value = r.value;
            p.outcome = outcome::met;
            if (hsct::satisfies(r.value, comparator::greater, sos_paed_oxygen_l_min)) {
                p.column = sos_severity::moderate;
                p.cmp = comparator::greater;
                p.threshold = sos_paed_oxygen_l_min;
            } else if (hsct::satisfies(r.value, comparator::equal, sos_paed_oxygen_l_min)) {  // COMP-SOS-072
                p.column = o.oxygen_at_2 == sos_paediatric_oxygen_at_2::moderate ? sos_severity::moderate : sos_severity::mild;
                p.cmp = comparator::equal;
                p.threshold = sos_paed_oxygen_l_min;
                p.verified = false;
                p.requirement = "COMP-SOS-072";
            } else if (hsct::satisfies(r.value, comparator::greater, 0.0)) {
                p.column = sos_severity::mild;
                p.cmp = comparator::less;
                p.threshold = sos_paed_oxygen_l_min;
            } else {
                p.outcome = outcome::not_met;  // no oxygen: places nowhere
                p.cmp = comparator::greater;
                p.threshold = 0.0;
            }
        } else if (vent == tri::unknown) {
            p.missing = sos_input_field::ventilation;
        }
        g.rows.push_back(p);
    }
    g.rows.push_back(flag_row(row::cns, v.finding(sos_finding::cognitive_impairment, d), sos_severity::very_severe,
                              "COMP-SOS-070", sos_input_field::cognition));
    const tri mod = v.finding(sos_finding::multi_organ_dysfunction, d);
    g.rows.push_back(flag_row(row::multi_organ_dysfunction, mod, sos_severity::very_severe, "COMP-SOS-074",
                              sos_input_field::multi_organ_dysfunction));
    // starred criteria at severe (COMP-SOS-074)
    for (const auto& p : g.rows) {
        const bool starred = p.row == row::liver_enzymes || p.row == row::refractory_thrombocytopenia ||
                             p.row == row::bilirubin || p.row == row::ascites;
        if (starred && p.column && *p.column >= sos_severity::severe) {
            ++g.starred;
        }
    }
    const bool starred_rule = g.starred >= sos_paed_starred_for_very_severe;
    {
        P p;
        p.row = row::starred_criteria;
        p.kind = sos_measure_kind::number;
        p.requirement = "COMP-SOS-074";
        p.cmp = comparator::greater_equal;
        p.threshold = static_cast<double>(sos_paed_starred_for_very_severe);
        p.value = static_cast<double>(g.starred);
        p.outcome = starred_rule ? outcome::met : outcome::not_met;
        if (starred_rule) {
            p.column = sos_severity::very_severe;
        }
        g.rows.push_back(p);
    }
    for (const auto& p : g.rows) {
        if (p.column && (!g.grade || *p.column > *g.grade)) {
            g.grade = p.column;
        }
    }
    if (g.grade) {
        if (mod == tri::yes) {
            g.decision = sos_severity_decision::multi_organ_dysfunction;
        } else if (*g.grade == sos_severity::very_severe && starred_rule &&
                   [&] {
                       for (const auto& p : g.rows) {
                           if (p.column == sos_severity::very_severe && p.row != row::starred_criteria) {
                               return false;
                           }
                       }
                       return true;
                   }()) {
            g.decision = sos_severity_decision::starred_criteria;
        } else {
            g.decision = sos_severity_decision::most_severe_criterion;
        }
        for (const auto& p : g.rows) {
            if (p.column == g.grade) {
                g.deciding.insert(p.row);
            }
        }
    }
    return g;
}

[[nodiscard]] inline std::optional<error> sos_check_paediatric_severity_options(const sos_paediatric_severity_options& o) {
    if (auto e = hsct::detail::check_enum(o.timing, "options.timing")) {
        return e;
    }
    if (auto e = sos_check_comparator(o.rt_severe_comparison, "options.rt_severe_comparison", "COMP-SOS-071")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.oxygen_at_2, "options.oxygen_at_2")) {
        return e;
    }
    return hsct::detail::check_enum(o.kinetics, "options.kinetics");
}

/// The first day a paediatric criterion held (for the kinetics window): the earliest first day of
/// the diagnosis' met criteria.
template <std::size_t N>
[[nodiscard]] hsct::transplant_day sos_paed_first_sign(const hsct::fixed_list<sos_dated_criterion<sos_paediatric_criterion>, N>& list,
                                                       hsct::transplant_day diagnosis) noexcept {
    auto first = diagnosis;
    for (const auto& c : list) {
        if (c.criterion.result == hsct::outcome::met && c.day && *c.day < first) {
            first = *c.day;
        }
    }
    return first;
}

}  // namespace detail

/// COMP-SOS-070..075: EBMT 2018 paediatric severity of a paediatric diagnosis (assess_sos_paediatric
/// with options.diagnosis). Errors: bad input, options.
template <class = void>
[[nodiscard]] result<sos_paediatric_severity_result> assess_sos_paediatric_severity(
    const sos_vod_input& in, const sos_paediatric_severity_options& options = {}) {
    result<sos_paediatric_severity_result> out(std::in_place);
    if (auto e = detail::sos_check_paediatric_severity_options(options)) {
        out = std::move(*e);
        return out;
    }
    auto dx = assess_sos_paediatric(in, options.diagnosis);
    if (!dx) {
        out = std::move(dx).error();
        return out;
    }
    sos_paediatric_severity_result& r = *out;
    r.options = options;
    r.diagnosis_day = dx->diagnosis_day;
    if (!detail::sos_severity_gate(dx->status, r.status)) {
        return out;
    }
    const detail::sos_view v(in, options.diagnosis.persistence);
    const auto diagnosis = *dx->diagnosis_day;
    const auto from = in.first_symptom_day && *in.first_symptom_day < diagnosis ? *in.first_symptom_day
                                                                                 : detail::sos_paed_first_sign(dx->criteria, diagnosis);
    auto chosen = diagnosis;
    if (options.timing == sos_severity_timing::worst_ever) {
        std::optional<sos_severity> worst;
        for (auto d = diagnosis; d <= in.assessed_on; ++d) {
            const auto g = detail::sos_grade_paediatric(v, options, d, from);
            if (g.grade && (!worst || *g.grade > *worst)) {
                worst = g.grade;
                chosen = d;
            }
        }
    }
    const auto g = detail::sos_grade_paediatric(v, options, chosen, from);
    r.graded_on = chosen;
    r.grade = g.grade;
    r.decided_by = g.decision;
    r.starred_at_severe = g.starred;
    r.deciding_rows = g.deciding;
    r.status = g.grade ? sos_severity_status::graded : sos_severity_status::ungradable;
    for (const auto& p : g.rows) {
        r.criteria.push_back(detail::sos_record(p));
        if (p.outcome == hsct::outcome::unknown) {
            r.missing.insert(p.missing);
        }
    }
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_SOS_VOD_PAEDIATRIC_HPP
