// Random and adversarial input to every public entry point of the patient module (the umbrella
// <hsct/patient/patient.hpp>): no input aborts (issue 7 item 4). Every call must return: a
// value, or an hsct::error that names a field and says why. A contract handler records any
// contract the calls reach; in builds with exceptions it throws a test-local exception that each
// call catches, so the test names the entry point and the input.
//
// Entry points covered (random and adversarial cases, fixed seed):
//   every patient enum (54 tables) and core's sex: make_enum (every number 0-255 and extreme
//     int64), parse_enum (random text, every id), label, to_string, id, is_valid (every code)
//   body_size.hpp: height::make (unit tag, run-time unit_info of every spelling, length),
//     body_weight::make (the same), parse_height, parse_weight, to_string(height / weight),
//     bmi, bsa_mosteller, bsa_dubois, bsa_haycock, bsa_gehan_george, bsa_boyd,
//     body_surface_area (every formula code 0-255), devine_ibw (every sex code),
//     ideal_body_weight (every sex and short-stature policy code), fraction (every code),
//     adjusted_body_weight (a caller-filled ibw_result with any value, every factor code),
//     percent_of_ideal
//   dosing_weight.hpp: body_measures::make (every sex code), assess_dosing_weight (random
//     policies: empty name, every enum code of every policy field, any thresholds and cap,
//     any agent), dosing_weight_result::dosing_weight / dosing_area / dose(mg/kg) /
//     dose(mg/m2) (on results and on caller-filled results), policies::actual_weight /
//     ideal_weight / lesser_of_ideal_and_actual / adjusted / bsa_actual / bsa_adjusted /
//     bsa_capped_2m2 (every code), trigger_always / trigger_percent_ibw_above /
//     trigger_percent_ibw_at_least / trigger_bmi_at_least (any threshold),
//     commonly_reported_policy and practice_for (every agent code)
//   performance_status.hpp: karnofsky_score / lansky_score / ecog_score ::make, band_of,
//     to_string (each score, kps_range, performance_status), parse_karnofsky, parse_lansky,
//     parse_ecog, parse_kps_range, parse_performance_status, to_ecog and to_kps_range (every
//     mapping code), assess_performance_scale (every rule and resolution code), scale_of,
//     validated_performance_status::make
//   hct_ci.hpp: assess_hct_ci (random inputs: every optional present or not, any percent, BMI
//     and creatinine, lab_with_uln from make and from_multiple, every enum code of input and
//     options, prior tumour lists), hct_ci_with_age (every rule code), hct_ci_weight (every item
//     code), hct_ci_points::make, hct_ci_risk_group_of, hct_ci_age_group_of, hct_ci_item_of and
//     hsct_criterion_info (every criterion code), hct_ci_result::items / item (declared items
//     only: a contract) / complete / risk_group_final / scored_item / is_unassessed (every code)
//     / unverified_readings / readings_verified / missing / for_each_criterion
//   disease_risk.hpp: assess_dri (any diagnosis incl. undeclared cytogenetic codes, every
//     status, conditioning, population and table code), dri_result::scored / three_group /
//     find / row_verified, is_score, is_table_row (every code), three_group and combine
//     (declared values only: contracts)
//   ebmt_score.hpp: assess_ebmt (random inputs: any age, diagnosis, every enum code, dates in
//     and far outside 1900-2199), ebmt_stage_of (every disease, status and policy code),
//     ebmt_twelve_months_after (any date), ebmt_points::make, ebmt_factor_of (every code),
//     ebmt_result::points_of (declared factors only: a contract) / find / stage_verified,
//     ebmt_group_of and ebmt_stage_points (declared values only: contracts)
//   core/demographics.hpp (re-exported by the umbrella): parse_sex,
//     age::make (dates; years and months), parse_age
//
// Properties checked beyond "returns": every error names a field, its message starts with the
// field, its code is a declared errc; accepted heights, weights, scores, KPS ranges and
// performance statuses print with to_string and parse back; BSA, IBW and dosing weights that
// are accepted are finite and above 0; the HCT-CI is at most 26 (27 with the age point) and its
// risk group follows the score; the EBMT total is at most its maximum; a scored DRI has both
// rows.
#include <hsct/patient/patient.hpp>

#include <array>
#include <bit>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "support/catch.hpp"
#include "support/random_input.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_patient_patient_test {

namespace p = hsct::patient;

namespace {

using std::chrono::sys_days;
// The harness (handler, log, generators) is shared with the core test.
using namespace hsct_test::random_input;

constexpr std::uint64_t seed = 0x5041'5449'454e'5400ULL;  // fixed: failures reproduce
/// Random cases per entry point (adversarial cases come on top).
constexpr int cases = 2000;

using patient_enums = std::tuple<
    hsct::sex,
    // body_size.hpp
    p::bsa_formula, p::ibw_formula, p::short_stature_policy, p::ibw_criterion,
    p::adjustment_factor, p::abw_criterion,
    // dosing_weight.hpp
    p::agent_class, p::dose_scale, p::weight_basis, p::trigger_rule, p::threshold_comparison,
    p::weight_source, p::weight_reason, p::dosing_weight_criterion,
    // performance_status.hpp
    p::performance_scale, p::kps_band, p::kps_ecog_mapping, p::performance_scale_policy,
    p::performance_scale_criterion,
    // disease_risk.hpp
    p::dri_population, p::dri_table, p::dri_disease_risk, p::dri_stage_risk, p::dri_category,
    p::dri_three_group, p::dri_criterion, p::dri_field,
    // ebmt_score.hpp
    p::ebmt_stage, p::cml_accelerated_phase_policy, p::ebmt_interval_policy,
    p::ebmt_grouping_policy, p::ebmt_risk_group, p::ebmt_autologous_grouping_policy, p::ebmt_factor,
    p::ebmt_criterion, p::ebmt_field, p::ebmt_status,
    // hct_ci.hpp
    p::hct_ci_definition_set, p::hct_ci_item, p::hct_ci_risk_group, p::hct_ci_age_group,
    p::dyspnoea, p::dlco_correction, p::prior_tumour, p::heart_valve_finding,
    p::diabetes_treatment, p::psychiatric_history, p::dlco_correction_policy, p::hct_ci_tier_policy,
    p::hct_ci_hepatitis_history_policy, p::hct_ci_missing_policy, p::hct_ci_criterion,
    p::hct_ci_field, p::hct_ci_item_status>;

bool coin(rng_t& g) { return (g() & 1U) != 0; }

/// Mostly a value inside [lo, hi] (so that deeper paths run), sometimes any adversarial double.
double plausible(rng_t& g, double lo, double hi, std::span<const double> bounds) {
    switch (below(g, 4)) {
        case 0: return random_double(g, bounds);
        case 1: return bounds.empty() ? lo : bounds[below(g, bounds.size())];
        default: return std::uniform_real_distribution<double>(lo, hi)(g);
    }
}

std::optional<hsct::age> random_age(rng_t& g) {
    if (coin(g)) {
        const auto y = random_int(g, std::array<std::int64_t, 8>{0, 1, 16, 18, 20, 40, 41, 130});
        const auto m = random_int(g, std::array<std::int64_t, 2>{0, 11});
        auto a = hsct::age::make(static_cast<int>(y % 200), static_cast<int>(m % 20));
        if (a) {
            return *a;
        }
    }
    auto a = hsct::age::make(random_date(g), random_date(g));
    if (a) {
        return *a;
    }
    return hsct::age::make(static_cast<int>(below(g, 131)), static_cast<int>(below(g, 12)))
        .value();
}

hsct::age some_age(rng_t& g) {
    auto a = random_age(g);
    return a ? *a : hsct::age::make(40, 0).value();
}

constexpr std::array<double, 7> height_bounds{20.0, 250.0, 152.4, 102.2, 97.2, 60.0, 0.0};
constexpr std::array<double, 6> weight_bounds{0.3, 400.0, 45.5, 50.0, 0.0, 1000.0};

std::optional<p::height> random_height(rng_t& g) {
    auto h = p::height::make(plausible(g, 20.0, 250.0, height_bounds), hsct::units::cm);
    return h ? std::optional<p::height>(*h) : std::nullopt;
}
std::optional<p::body_weight> random_weight(rng_t& g) {
    auto w = p::body_weight::make(plausible(g, 0.3, 400.0, weight_bounds), hsct::units::kg);
    return w ? std::optional<p::body_weight>(*w) : std::nullopt;
}

bool finite_positive(double v) { return std::isfinite(v) && v > 0.0; }

p::obesity_trigger random_trigger(rng_t& g) {
    p::obesity_trigger t;
    switch (below(g, 4)) {
        case 0: t = p::trigger_always(); break;
        case 1:
            t = p::trigger_percent_ibw_above(hsct::percent(
                random_double(g, std::array<double, 3>{120.0, 150.0, 0.0}), hsct::units::pct));
            break;
        case 2:
            t = p::trigger_percent_ibw_at_least(hsct::percent(
                random_double(g, std::array<double, 3>{120.0, 150.0, 0.0}), hsct::units::pct));
            break;
        default:
            t = p::trigger_bmi_at_least(hsct::body_mass_index(
                random_double(g, std::array<double, 3>{30.0, 35.0, 0.0}), hsct::units::kg_per_m2));
            break;
    }
    if (coin(g)) {
        t.rule = random_enum<p::trigger_rule>(g);
        t.percent_ibw_comparison = random_enum<p::threshold_comparison>(g);
        t.bmi_comparison = random_enum<p::threshold_comparison>(g);
    }
    return t;
}

p::dosing_weight_options random_policy(rng_t& g) {
    p::dosing_weight_options o;
    switch (below(g, 8)) {
        case 0: o = p::policies::actual_weight(); break;
        case 1: o = p::policies::ideal_weight(random_trigger(g)); break;
        case 2: o = p::policies::lesser_of_ideal_and_actual(random_trigger(g)); break;
        case 3: o = p::policies::adjusted(random_enum<p::adjustment_factor>(g), random_trigger(g)); break;
        case 4: o = p::policies::bsa_actual(random_enum<p::bsa_formula>(g)); break;
        case 5:
            o = p::policies::bsa_adjusted(random_enum<p::adjustment_factor>(g), random_trigger(g),
                                          random_enum<p::bsa_formula>(g));
            break;
        case 6: o = p::policies::bsa_capped_2m2(random_enum<p::bsa_formula>(g)); break;
        default: o = p::commonly_reported_policy(random_enum<p::agent_class>(g)); break;
    }
    if (below(g, 3) == 0) {  // a centre's own policy: any field, any value
        if (below(g, 8) == 0) {
            o.name = {};
        }
        o.scale = random_enum<p::dose_scale>(g);
        o.basis = random_enum<p::weight_basis>(g);
        o.factor = random_enum<p::adjustment_factor>(g);
        o.trigger = random_trigger(g);
        o.formula = random_enum<p::bsa_formula>(g);
        o.below_60_in = random_enum<p::short_stature_policy>(g);
        if (coin(g)) {
            o.bsa_cap = hsct::area(random_double(g, std::array<double, 2>{2.0, 0.0}), hsct::units::m2);
        } else {
            o.bsa_cap.reset();
        }
        if (coin(g)) {
            o.agent = random_enum<p::agent_class>(g);
        } else {
            o.agent.reset();
        }
    }
    return o;
}

template <class A>
std::optional<hsct::lab_with_uln<A>> random_uln(rng_t& g, std::span<const double> bounds) {
    using C = hsct::canonical_unit_t<A>;
    if (coin(g)) {
        auto l = hsct::lab_with_uln<A>::from_multiple(plausible(g, 0.0, 5.0, bounds));
        return l ? std::optional<hsct::lab_with_uln<A>>(*l) : std::nullopt;
    }
    auto l = hsct::lab_with_uln<A>::make(A(plausible(g, 0.0, 100.0, bounds), C{}),
                                         A(plausible(g, 0.5, 50.0, bounds), C{}));
    return l ? std::optional<hsct::lab_with_uln<A>>(*l) : std::nullopt;
}

std::optional<bool> random_flag(rng_t& g) {
    switch (below(g, 3)) {
        case 0: return std::nullopt;
        case 1: return true;
        default: return false;
    }
}

template <class E>
std::optional<E> maybe_enum(rng_t& g) {
    return coin(g) ? std::optional<E>(random_enum<E>(g)) : std::nullopt;
}

std::optional<hsct::percent> maybe_percent(rng_t& g, double lo, double hi,
                                           std::span<const double> bounds) {
    if (coin(g)) {
        return std::nullopt;
    }
    return hsct::percent(plausible(g, lo, hi, bounds), hsct::units::pct);
}

p::hct_ci_input random_hct_ci_input(rng_t& g) {
    p::hct_ci_input in;
    if (coin(g)) {
        in.age_at_hct = random_age(g);
    }
    constexpr std::array<double, 6> pft{1.0, 65.0, 66.0, 80.0, 200.0, 0.0};
    in.pulmonary.fev1 = maybe_percent(g, 1.0, 200.0, pft);
    in.pulmonary.dlco = maybe_percent(g, 1.0, 200.0, pft);
    in.pulmonary.dlco_basis = random_enum<p::dlco_correction>(g);
    in.pulmonary.dyspnoea_level = maybe_enum<p::dyspnoea>(g);
    in.pulmonary.requires_oxygen = random_flag(g);
    constexpr std::array<double, 5> uln{1.0, 1.5, 2.5, 0.0, 1000.0};
    if (coin(g)) {
        in.hepatic.bilirubin = random_uln<hsct::bilirubin>(g, uln);
    }
    if (coin(g)) {
        in.hepatic.ast = random_uln<hsct::ast>(g, uln);
    }
    if (coin(g)) {
        in.hepatic.alt = random_uln<hsct::alt>(g, uln);
    }
    in.hepatic.chronic_hepatitis = random_flag(g);
    in.hepatic.hepatitis_b_or_c_history = random_flag(g);
    in.hepatic.cirrhosis = random_flag(g);
    if (coin(g)) {
        const double v = plausible(g, 0.0, 40.0, std::array<double, 4>{0.0, 2.0, 40.0, 176.8});
        in.renal.creatinine = coin(g) ? hsct::creatinine(v, hsct::units::mg_per_dl)
                                      : hsct::creatinine(v * 88.4, hsct::units::umol_per_l);
    }
    in.renal.on_dialysis = random_flag(g);
    in.renal.prior_renal_transplant = random_flag(g);
    constexpr std::array<double, 5> ef{1.0, 50.0, 26.0, 100.0, 0.0};
    in.cardiac.lvef = maybe_percent(g, 1.0, 100.0, ef);
    in.cardiac.shortening_fraction = maybe_percent(g, 1.0, 100.0, ef);
    in.cardiac.coronary_artery_disease = random_flag(g);
    in.cardiac.congestive_heart_failure = random_flag(g);
    in.cardiac.myocardial_infarction = random_flag(g);
    if (coin(g)) {
        in.obesity.bmi = hsct::body_mass_index(
            plausible(g, 5.0, 150.0, std::array<double, 4>{5.0, 35.0, 150.0, 0.0}),
            hsct::units::kg_per_m2);
    }
    in.obesity.bmi_for_age_percentile =
        maybe_percent(g, 0.0, 100.0, std::array<double, 3>{0.0, 95.0, 100.0});
    in.infection.antimicrobials_continued_after_day_0 = random_flag(g);
    in.infection.infection_treated_across_conditioning_start = random_flag(g);
    if (coin(g)) {
        std::vector<p::prior_tumour> t(static_cast<std::size_t>(below(g, 6)));
        for (auto& x : t) {
            x = random_enum<p::prior_tumour>(g);
        }
        in.prior_tumours = std::move(t);
    }
    in.heart_valve = maybe_enum<p::heart_valve_finding>(g);
    in.diabetes = maybe_enum<p::diabetes_treatment>(g);
    in.psychiatric = maybe_enum<p::psychiatric_history>(g);
    in.arrhythmia = random_flag(g);
    in.inflammatory_bowel_disease = random_flag(g);
    in.cerebrovascular = random_flag(g);
    in.rheumatologic = random_flag(g);
    in.peptic_ulcer = random_flag(g);
    return in;
}

p::hct_ci_options random_hct_ci_options(rng_t& g) {
    p::hct_ci_options o;
    if (coin(g)) {
        o.definition_set = random_enum<p::hct_ci_definition_set>(g);
        o.dlco = random_enum<p::dlco_correction_policy>(g);
        o.missing = random_enum<p::hct_ci_missing_policy>(g);
        o.tiers = random_enum<p::hct_ci_tier_policy>(g);
        o.age_rule = random_enum<hsct::age_resolution>(g);
        o.hepatitis_history = random_enum<p::hct_ci_hepatitis_history_policy>(g);
    }
    return o;
}

/// A date for assess_ebmt: any random_date, extreme ones included (CORE-DAY-008 is checked).
sys_days ebmt_date(rng_t& g) { return random_date(g); }

hsct::diagnosis random_diagnosis(rng_t& g) {
    switch (below(g, 3)) {
        case 0: return hsct::diagnosis::aml(random_enum<hsct::cytogenetic_risk>(g));
        case 1: return hsct::diagnosis::mds(random_enum<hsct::mds_cytogenetic_risk>(g));
        default: {
            const auto d = hsct::diagnosis::of(random_enum<hsct::disease>(g));
            return d ? *d : hsct::diagnosis::of<hsct::disease::cml>();
        }
    }
}

}  // namespace

// =============================================================================================

TEST_CASE("patient: every enum function takes every number 0-255 and any text",
          "[patient][random-input][PAT-CONTRACTS][CORE-ENUM-002]") {
    const handler_guard guard;
    rng_t g(seed);
    fuzz_log log;
    for_each_type(static_cast<patient_enums*>(nullptr), [&]<class E>(E*) {
        for (unsigned code = 0; code < 256; ++code) {
            const E e = enum_code<E>(code);
            const auto d = [&] { return std::to_string(code); };
            run(log, "label/id/to_string/is_valid/make_enum", d, [&] {
                const std::string_view l = p::label(e);
                const std::string_view i = p::id(e);
                if (l.empty() || i.empty() || p::to_string(e) != l) {
                    log.problem("label/id", d(), "empty or inconsistent text");
                }
                if (p::is_valid(e)) {
                    const auto back = p::parse_enum<E>(i, "enum");
                    if (!back || *back != e) {
                        log.problem("parse_enum(id(e))", show(i), "does not read back");
                    }
                }
                const auto r = p::make_enum<E>(static_cast<std::int64_t>(code), "enum");
                if (well_formed(log, "make_enum", r, d) != p::is_valid(e)) {
                    log.problem("make_enum", d(), "accepts exactly the declared values: no");
                }
            });
        }
        for (int i = 0; i < cases / 8; ++i) {
            const std::int64_t n = random_int(g, std::array<std::int64_t, 2>{0, 255});
            const std::string text = random_text(g, p::id(random_enum<E>(g)));
            const auto d = [&] { return show(n) + ", " + show(text); };
            run(log, "make_enum/parse_enum", d, [&] {
                well_formed(log, "make_enum", p::make_enum<E>(n, "enum"), d);
                well_formed(log, "parse_enum", p::parse_enum<E>(text, "enum"), d);
            });
        }
    });
    // The functions of one enum value, for every code.
    for (unsigned code = 0; code < 256; ++code) {
        const auto d = [&] { return std::to_string(code); };
        run(log, "functions of one enum value", d, [&] {
            static_cast<void>(p::fraction(enum_code<p::adjustment_factor>(code)));
            static_cast<void>(p::hct_ci_item_of(enum_code<p::hct_ci_criterion>(code)));
            static_cast<void>(hsct_criterion_info(enum_code<p::hct_ci_criterion>(code)));
            static_cast<void>(p::is_table_row(enum_code<p::dri_criterion>(code)));
            static_cast<void>(p::is_score(enum_code<p::dri_category>(code)));
            static_cast<void>(p::ebmt_factor_of(enum_code<p::ebmt_criterion>(code)));
            well_formed(log, "hct_ci_weight", p::hct_ci_weight(enum_code<p::hct_ci_item>(code)), d);
            well_formed(log, "practice_for", p::practice_for(enum_code<p::agent_class>(code)), d);
            const auto agent = enum_code<p::agent_class>(code);
            if (p::commonly_reported_policy(agent).name.empty()) {
                log.problem("commonly_reported_policy", d(), "a policy without a name");
            }
            const auto f = enum_code<p::adjustment_factor>(code);
            const auto formula = enum_code<p::bsa_formula>(code);
            if (p::policies::adjusted(f, p::trigger_always()).name.empty() ||
                p::policies::bsa_adjusted(f, p::trigger_always(), formula).name.empty() ||
                p::policies::bsa_actual(formula).name.empty() ||
                p::policies::bsa_capped_2m2(formula).name.empty()) {
                log.problem("policies::*", d(), "a policy without a name");
            }
        });
    }
    report(log);
}

TEST_CASE("patient: body size, IBW, AdjBW and dosing weight take any number and policy",
          "[patient][random-input][PAT-CONTRACTS][PAT-BODY-001][PAT-BODY-002][PAT-DOSE-005]") {
    const handler_guard guard;
    rng_t g(seed + 1);
    fuzz_log log;
    const std::size_t n_spellings = std::size(hsct::detail::unit_spellings);
    for (int i = 0; i < cases; ++i) {
        const double hv = random_double(g, height_bounds);
        const double wv = random_double(g, weight_bounds);
        const auto& sp = hsct::detail::unit_spellings[below(g, n_spellings)];
        const std::string htext = random_text(g, hsct::detail::concat({hsct::detail::format_number(hv), " ", sp.text}));
        const std::string wtext = random_text(g, hsct::detail::concat({hsct::detail::format_number(wv), " ", sp.text}));
        const auto d = [&] {
            return show(hv) + ", " + show(wv) + ", " + show(sp.text) + ", " + show(htext) + ", " +
                   show(wtext);
        };
        run(log, "height/body_weight", d, [&] {
            const auto h = p::height::make(hv, hsct::units::cm);
            if (well_formed(log, "height::make", h, d)) {
                const std::string s = p::to_string(*h);
                const auto back = p::parse_height(s);
                if (!back || !(*back == *h)) {
                    log.problem("parse_height(to_string(h))", show(s), "does not read back");
                }
            }
            well_formed(log, "height::make(unit_info)", p::height::make(hv, sp.unit, "patient.height"), d);
            well_formed(log, "height::make(length)", p::height::make(hsct::length(hv, hsct::units::in)), d);
            const auto w = p::body_weight::make(wv, hsct::units::kg);
            if (well_formed(log, "body_weight::make", w, d)) {
                const std::string s = p::to_string(*w);
                const auto back = p::parse_weight(s);
                if (!back || !(*back == *w)) {
                    log.problem("parse_weight(to_string(w))", show(s), "does not read back");
                }
            }
            well_formed(log, "body_weight::make(unit_info)", p::body_weight::make(wv, sp.unit, "patient.weight"), d);
            well_formed(log, "body_weight::make(mass)", p::body_weight::make(hsct::mass(wv, hsct::units::lb)), d);
            well_formed(log, "parse_height", p::parse_height(htext), d);
            well_formed(log, "parse_weight", p::parse_weight(wtext), d);
        });

        const auto h = random_height(g);
        const auto w = random_weight(g);
        if (!h || !w) {
            continue;
        }
        const auto sx = random_enum<hsct::sex>(g);
        const auto formula = random_enum<p::bsa_formula>(g);
        const auto factor = random_enum<p::adjustment_factor>(g);
        const auto a = some_age(g);
        p::ibw_options io;
        io.below_60_in = random_enum<p::short_stature_policy>(g);
        const double filled_ibw = random_double(g, std::array<double, 3>{0.0, 50.0, 1e-300});
        const auto d2 = [&] {
            return "height " + show(h->in(hsct::units::cm)) + " cm, weight " +
                   show(w->in(hsct::units::kg)) + " kg, sex " +
                   std::to_string(static_cast<unsigned>(sx)) + ", formula " +
                   std::to_string(static_cast<unsigned>(formula)) + ", factor " +
                   std::to_string(static_cast<unsigned>(factor)) + ", age " + hsct::to_string(a) +
                   ", below_60_in " + std::to_string(static_cast<unsigned>(io.below_60_in)) +
                   ", filled ibw " + show(filled_ibw);
        };
        run(log, "bmi/bsa/ibw/adjbw", d2, [&] {
            if (!finite_positive(p::bmi(*w, *h).in(hsct::units::kg_per_m2)) ||
                !finite_positive(p::bsa_mosteller(*h, *w).in(hsct::units::m2)) ||
                !finite_positive(p::bsa_dubois(*h, *w).in(hsct::units::m2)) ||
                !finite_positive(p::bsa_haycock(*h, *w).in(hsct::units::m2)) ||
                !finite_positive(p::bsa_gehan_george(*h, *w).in(hsct::units::m2)) ||
                !finite_positive(p::bsa_boyd(*h, *w).in(hsct::units::m2))) {
                log.problem("bmi/bsa_*", d2(), "a BMI or BSA that is not finite and above 0");
            }
            const auto bsa = p::body_surface_area(*h, *w, formula);
            if (well_formed(log, "body_surface_area", bsa, d2) &&
                !finite_positive(bsa->value.in(hsct::units::m2))) {
                log.problem("body_surface_area", d2(), "a BSA that is not finite and above 0");
            }
            const auto dv = p::devine_ibw(*h, sx);
            if (well_formed(log, "devine_ibw", dv, d2) && !finite_positive(dv->in(hsct::units::kg))) {
                log.problem("devine_ibw", d2(), "an IBW that is not finite and above 0");
            }
            const auto ibw = p::ideal_body_weight(*h, sx, a, io);
            if (well_formed(log, "ideal_body_weight", ibw, d2)) {
                // computed <=> a value, and then a finite positive one; not applicable <=> the
                // criterion that decided it is recorded, not met
                if (ibw->applies() != ibw->value.has_value() ||
                    (ibw->value && !finite_positive(ibw->value->in(hsct::units::kg)))) {
                    log.problem("ideal_body_weight", d2(), "an IBW that is not finite and above 0");
                }
                if (!ibw->applies() &&
                    (!ibw->decided_by || ibw->criteria.empty() ||
                     ibw->criteria[ibw->criteria.size() - 1].id != *ibw->decided_by ||
                     ibw->criteria[ibw->criteria.size() - 1].result != hsct::outcome::not_met)) {
                    log.problem("ideal_body_weight", d2(), "not applicable without its criterion");
                }
                const auto adj = p::adjusted_body_weight(*ibw, *w, factor);
                if (well_formed(log, "adjusted_body_weight", adj, d2) &&
                    !finite_positive(adj->value.in(hsct::units::kg))) {
                    log.problem("adjusted_body_weight", d2(), "a weight that is not finite and above 0");
                }
                well_formed(log, "percent_of_ideal", p::percent_of_ideal(*w, *ibw), d2);
            }
            // An ibw_result a caller filled in, with any value.
            p::ibw_result filled;
            filled.value = hsct::mass(filled_ibw, hsct::units::kg);
            well_formed(log, "adjusted_body_weight(filled)", p::adjusted_body_weight(filled, *w, factor), d2);
            well_formed(log, "percent_of_ideal(filled)", p::percent_of_ideal(*w, filled), d2);
            // One with no value (as a not-applicable IBW has): refused, never read.
            const p::ibw_result empty;
            well_formed(log, "adjusted_body_weight(empty)", p::adjusted_body_weight(empty, *w, factor), d2);
            well_formed(log, "percent_of_ideal(empty)", p::percent_of_ideal(*w, empty), d2);
        });

        const auto policy = random_policy(g);
        const double per_kg = random_double(g, std::array<double, 2>{3.2, 0.0});
        const double per_m2 = random_double(g, std::array<double, 2>{40.0, 0.0});
        const auto d3 = [&] {
            return d2() + ", policy '" + std::string(policy.name) + "' scale " +
                   std::to_string(static_cast<unsigned>(policy.scale)) + " basis " +
                   std::to_string(static_cast<unsigned>(policy.basis)) + " factor " +
                   std::to_string(static_cast<unsigned>(policy.factor)) + " rule " +
                   std::to_string(static_cast<unsigned>(policy.trigger.rule)) + " pct " +
                   show(policy.trigger.percent_ibw_threshold.in(hsct::units::pct)) + " bmi " +
                   show(policy.trigger.bmi_threshold.in(hsct::units::kg_per_m2)) + " formula " +
                   std::to_string(static_cast<unsigned>(policy.formula)) + " cap " +
                   (policy.bsa_cap ? show(policy.bsa_cap->in(hsct::units::m2)) : "none") +
                   " below_60_in " + std::to_string(static_cast<unsigned>(policy.below_60_in)) +
                   " agent " +
                   (policy.agent ? std::to_string(static_cast<unsigned>(*policy.agent)) : "none") +
                   " doses " + show(per_kg) + ", " + show(per_m2);
        };
        run(log, "assess_dosing_weight", d3, [&] {
            const auto m = p::body_measures::make(*h, *w, sx, a);
            if (!well_formed(log, "body_measures::make", m, d3)) {
                return;
            }
            const auto r = p::assess_dosing_weight(*m, policy);
            if (well_formed(log, "assess_dosing_weight", r, d3)) {
                if (!finite_positive(r->weight_used.in(hsct::units::kg)) ||
                    (r->bsa && !finite_positive(r->bsa->value.in(hsct::units::m2)))) {
                    log.problem("assess_dosing_weight", d3(), "a weight or BSA that is not finite and above 0");
                }
                if (r->applies() == r->decided_by.has_value() ||
                    (!r->applies() && (r->dosing_weight().has_value() || r->dosing_area().has_value()))) {
                    log.problem("assess_dosing_weight", d3(), "a status that contradicts the result");
                }
                well_formed(log, "dosing_weight", r->dosing_weight(), d3);
                well_formed(log, "dosing_area", r->dosing_area(), d3);
                well_formed(log, "dose(mg/kg)", r->dose(hsct::dose_per_mass(per_kg, hsct::units::mg_per_kg)), d3);
                well_formed(log, "dose(mg/m2)", r->dose(hsct::dose_per_area(per_m2, hsct::units::mg_per_m2)), d3);
            }
            // A result a caller filled in, with any scale.
            p::dosing_weight_result filled;
            filled.scale = random_enum<p::dose_scale>(g);
            if (coin(g)) {
                filled.bsa = p::bsa_result{};
            }
            well_formed(log, "dosing_weight(filled)", filled.dosing_weight(), d3);
            well_formed(log, "dosing_area(filled)", filled.dosing_area(), d3);
            well_formed(log, "dose(filled)", filled.dose(hsct::dose_per_mass(per_kg, hsct::units::mg_per_kg)), d3);
        });
    }
    report(log);
}

TEST_CASE("patient: performance status scores, text, conversions and the age rule take any input",
          "[patient][random-input][PAT-CONTRACTS][PAT-PERF-004][PAT-PERF-013][PAT-PERF-024]") {
    const handler_guard guard;
    rng_t g(seed + 2);
    fuzz_log log;
    const std::array<std::int64_t, 4> score_bounds{0, 5, 10, 100};
    constexpr std::array<std::string_view, 8> forms{"KPS 80", "Karnofsky 90", "Lansky 60",
                                                    "ECOG 1", "Zubrod 4", "KPS 80-90", "80%",
                                                    "kps 10 - 100"};
    for (int i = 0; i < cases; ++i) {
        const std::int64_t a = random_int(g, score_bounds);
        const std::int64_t b = random_int(g, score_bounds);
        const std::string text = random_text(g, forms[below(g, forms.size())]);
        const auto mapping = random_enum<p::kps_ecog_mapping>(g);
        p::performance_scale_options opt;
        opt.rule = random_enum<p::performance_scale_policy>(g);
        opt.resolution = random_enum<hsct::age_resolution>(g);
        const auto age = some_age(g);
        const auto d = [&] {
            return show(a) + ", " + show(b) + ", " + show(text) + ", mapping " +
                   std::to_string(static_cast<unsigned>(mapping)) + ", rule " +
                   std::to_string(static_cast<unsigned>(opt.rule)) + ", resolution " +
                   std::to_string(static_cast<unsigned>(opt.resolution)) + ", age " +
                   hsct::to_string(age);
        };
        run(log, "performance status", d, [&] {
            const auto k = p::karnofsky_score::make(a);
            const auto k2 = p::karnofsky_score::make(b, "other");
            const auto l = p::lansky_score::make(a);
            const auto e = p::ecog_score::make(b);
            well_formed(log, "karnofsky_score::make", k2, d);
            std::vector<p::performance_status> statuses;
            if (well_formed(log, "karnofsky_score::make", k, d)) {
                static_cast<void>(p::band_of(*k));
                const auto back = p::parse_karnofsky(p::to_string(*k));
                if (!back || *back != *k) {
                    log.problem("parse_karnofsky(to_string(k))", d(), "does not read back");
                }
                well_formed(log, "to_ecog", p::to_ecog(*k, mapping), d);
                well_formed(log, "to_ecog(default)", p::to_ecog(*k), d);
                statuses.emplace_back(*k);
                if (k2) {
                    const p::kps_range range{*k, *k2};  // lowest may be above highest
                    const std::string s = p::to_string(range);
                    if (range.lowest <= range.highest) {
                        const auto rb = p::parse_kps_range(s);
                        if (!rb || !(*rb == range)) {
                            log.problem("parse_kps_range(to_string(r))", show(s), "does not read back");
                        }
                    }
                }
            }
            if (well_formed(log, "lansky_score::make", l, d)) {
                const auto back = p::parse_lansky(p::to_string(*l));
                if (!back || *back != *l) {
                    log.problem("parse_lansky(to_string(l))", d(), "does not read back");
                }
                statuses.emplace_back(*l);
            }
            if (well_formed(log, "ecog_score::make", e, d)) {
                const auto back = p::parse_ecog(p::to_string(*e));
                if (!back || *back != *e) {
                    log.problem("parse_ecog(to_string(e))", d(), "does not read back");
                }
                well_formed(log, "to_kps_range", p::to_kps_range(*e, mapping), d);
                well_formed(log, "to_kps_range(default)", p::to_kps_range(*e), d);
                statuses.emplace_back(*e);
            }
            well_formed(log, "parse_karnofsky", p::parse_karnofsky(text), d);
            well_formed(log, "parse_lansky", p::parse_lansky(text, "lansky_field"), d);
            well_formed(log, "parse_ecog", p::parse_ecog(text), d);
            well_formed(log, "parse_kps_range", p::parse_kps_range(text), d);
            const auto ps = p::parse_performance_status(text);
            if (well_formed(log, "parse_performance_status", ps, d)) {
                statuses.push_back(*ps);
            }
            well_formed(log, "assess_performance_scale", p::assess_performance_scale(age, opt), d);
            well_formed(log, "assess_performance_scale(default)", p::assess_performance_scale(age), d);
            for (const auto& s : statuses) {
                static_cast<void>(p::scale_of(s));
                const std::string printed = p::to_string(s);
                const auto back = p::parse_performance_status(printed);
                if (!back || !(*back == s)) {
                    log.problem("parse_performance_status(to_string(s))", show(printed), "does not read back");
                }
                well_formed(log, "validated_performance_status::make",
                            p::validated_performance_status::make(s, age, opt), d);
                well_formed(log, "validated_performance_status::make(default)",
                            p::validated_performance_status::make(s, age), d);
            }
        });
    }
    report(log);
}

TEST_CASE("patient: HCT-CI takes any input and options",
          "[patient][random-input][PAT-CONTRACTS][PAT-HCTCI-019][PAT-HCTCI-021]") {
    const handler_guard guard;
    rng_t g(seed + 3);
    fuzz_log log;
    for (int i = 0; i < cases; ++i) {
        const auto in = random_hct_ci_input(g);
        const auto opt = random_hct_ci_options(g);
        const auto probe = static_cast<unsigned>(below(g, 256));
        const auto rule = random_enum<hsct::age_resolution>(g);
        const auto a = some_age(g);
        const std::int64_t pts = random_int(g, std::array<std::int64_t, 3>{0, 26, 30});
        const auto d = [&] {
            // The input is long: say what kind of case it was; the seed reproduces it.
            return "case " + std::to_string(i) + " (seed + 3), definition set " +
                   std::to_string(static_cast<unsigned>(opt.definition_set)) + ", probe " +
                   std::to_string(probe) + ", rule " + std::to_string(static_cast<unsigned>(rule)) +
                   ", points " + show(pts);
        };
        run(log, "assess_hct_ci", d, [&] {
            const auto r = p::assess_hct_ci(in, opt);
            const auto p0 = p::hct_ci_points::make(pts);
            if (well_formed(log, "hct_ci_points::make", p0, d)) {
                static_cast<void>(p::hct_ci_risk_group_of(*p0));
                static_cast<void>(p::hct_ci_age_group_of(*p0));
            }
            well_formed(log, "hct_ci_with_age(default result)", p::hct_ci_with_age(p::hct_ci_result{}, a, rule), d);
            if (!well_formed(log, "assess_hct_ci", r, d)) {
                return;
            }
            if (r->score.value() > p::hct_ci_max_score ||
                r->risk_group != p::hct_ci_risk_group_of(r->score) ||
                (r->with_age && r->with_age->total.value() > p::hct_ci_max_score + 1)) {
                log.problem("assess_hct_ci", d(), "score above 26, or its group does not follow it");
            }
            if (opt.missing == p::hct_ci_missing_policy::refuse && !r->complete()) {
                log.problem("assess_hct_ci", d(), "an incomplete result under missing policy refuse");
            }
            static_cast<void>(r->items());
            static_cast<void>(r->risk_group_final());
            static_cast<void>(r->readings_verified());
            static_cast<void>(r->unverified_readings().size());
            static_cast<void>(r->missing().size());
            static_cast<void>(r->scored_item(enum_code<p::hct_ci_item>(probe)));
            static_cast<void>(r->is_unassessed(enum_code<p::hct_ci_item>(probe)));
            const auto item = random_enum<p::hct_ci_item>(g);
            if (p::is_valid(item)) {
                static_cast<void>(r->item(item));  // declared items only: a contract
                r->for_each_criterion(item, [](const auto& c) { static_cast<void>(c.measured.number()); });
            }
            for (const auto& c : r->criteria) {
                static_cast<void>(c.measured.enumerator().text(hsct::enum_text::label));
            }
            well_formed(log, "hct_ci_with_age", p::hct_ci_with_age(*r, a, rule), d);
        });
    }
    report(log);
}

TEST_CASE("patient: DRI and EBMT take any diagnosis, status, date and option",
          "[patient][random-input][PAT-CONTRACTS][PAT-DRI-005][PAT-EBMT-008]") {
    const handler_guard guard;
    rng_t g(seed + 4);
    fuzz_log log;
    for (int i = 0; i < cases; ++i) {
        p::dri_input in{random_diagnosis(g), random_enum<hsct::disease_status>(g)};
        in.conditioning = random_enum<hsct::conditioning_intensity>(g);
        in.population = random_enum<p::dri_population>(g);
        p::dri_options o;
        o.table = random_enum<p::dri_table>(g);
        const auto probe = static_cast<unsigned>(below(g, 256));
        const auto d = [&] {
            return "disease " + std::to_string(static_cast<unsigned>(in.dx.kind())) + " aml " +
                   std::to_string(static_cast<unsigned>(in.dx.aml_cytogenetics())) + " mds " +
                   std::to_string(static_cast<unsigned>(in.dx.mds_cytogenetics())) + " status " +
                   std::to_string(static_cast<unsigned>(in.status)) + " conditioning " +
                   std::to_string(static_cast<unsigned>(in.conditioning)) + " population " +
                   std::to_string(static_cast<unsigned>(in.population)) + " table " +
                   std::to_string(static_cast<unsigned>(o.table));
        };
        run(log, "assess_dri", d, [&] {
            const auto r = p::assess_dri(in, o);
            if (!well_formed(log, "assess_dri", r, d)) {
                return;
            }
            if (!p::is_valid(r->category) ||
                r->scored() != (r->disease_risk.has_value() && r->stage_risk.has_value()) ||
                (r->scored() && p::combine(*r->disease_risk, *r->stage_risk) != r->category)) {
                log.problem("assess_dri", d(), "a category that does not follow its rows");
            }
            static_cast<void>(r->three_group());
            static_cast<void>(r->row_verified());
            static_cast<void>(r->find(enum_code<p::dri_criterion>(probe)));
            well_formed(log, "assess_dri(default options)", p::assess_dri(in), d);
        });
    }
    for (int i = 0; i < cases; ++i) {
        p::ebmt_input in{some_age(g),
                         random_diagnosis(g),
                         random_enum<hsct::disease_status>(g),
                         ebmt_date(g),
                         ebmt_date(g),
                         random_enum<hsct::donor_type>(g),
                         random_enum<hsct::sex>(g),
                         maybe_enum<hsct::sex>(g)};
        p::ebmt_options o;
        if (coin(g)) {
            o.age_reading = random_enum<hsct::age_resolution>(g);
            o.interval = random_enum<p::ebmt_interval_policy>(g);
            o.cml_ap = random_enum<p::cml_accelerated_phase_policy>(g);
            o.grouping = random_enum<p::ebmt_grouping_policy>(g);
            o.autologous_grouping = random_enum<p::ebmt_autologous_grouping_policy>(g);
        }
        const auto probe = static_cast<unsigned>(below(g, 256));
        const std::int64_t pts = random_int(g, std::array<std::int64_t, 2>{0, 7});
        const auto d = [&] {
            return "age " + hsct::to_string(in.age_at_hct) + " disease " +
                   std::to_string(static_cast<unsigned>(in.dx.kind())) + " status " +
                   std::to_string(static_cast<unsigned>(in.status)) + " diagnosis day " +
                   show(in.diagnosis_date.time_since_epoch().count()) + " hct day " +
                   show(in.hct_date.time_since_epoch().count()) + " donor " +
                   std::to_string(static_cast<unsigned>(in.donor)) + " sex " +
                   std::to_string(static_cast<unsigned>(in.recipient_sex)) + " donor sex " +
                   (in.donor_sex ? std::to_string(static_cast<unsigned>(*in.donor_sex)) : "none") +
                   " probe " + std::to_string(probe) + " points " + show(pts);
        };
        run(log, "assess_ebmt", d, [&] {
            const auto st = p::ebmt_stage_of(enum_code<hsct::disease>(probe), in.status,
                                             enum_code<p::cml_accelerated_phase_policy>(probe % 4));
            if (well_formed(log, "ebmt_stage_of", st, d) && st->stage) {
                static_cast<void>(p::ebmt_stage_points(*st->stage));
            }
            well_formed(log, "ebmt_stage_of(dx)", p::ebmt_stage_of(in.dx.kind(), in.status, o.cml_ap), d);
            static_cast<void>(p::ebmt_twelve_months_after(in.diagnosis_date));
            const auto ep = p::ebmt_points::make(pts);
            if (well_formed(log, "ebmt_points::make", ep, d)) {
                static_cast<void>(p::ebmt_group_of(*ep, random_enum<p::ebmt_grouping_policy>(g) ==
                                                                p::ebmt_grouping_policy::four_groups_0_2_3_4_5_7
                                                            ? p::ebmt_grouping_policy::four_groups_0_2_3_4_5_7
                                                            : p::ebmt_grouping_policy::three_groups_0_2_3_4_5_7));
            }
            const auto r = p::assess_ebmt(in, o);
            if (!well_formed(log, "assess_ebmt", r, d)) {
                return;
            }
            if (!p::is_valid(r->status) || r->scored() != r->total.has_value() ||
                (r->total && r->total->value() > r->maximum.value())) {
                log.problem("assess_ebmt", d(), "a total missing, or above its maximum");
            }
            for (const auto f : p::values<p::ebmt_factor>()) {
                static_cast<void>(r->points_of(f));  // declared factors only: a contract
            }
            static_cast<void>(r->find(enum_code<p::ebmt_criterion>(probe)));
            static_cast<void>(r->stage_verified());
            well_formed(log, "assess_ebmt(default options)", p::assess_ebmt(in), d);
        });
    }
    report(log);
}

// Regression (found by this test): assess_ebmt did not check ebmt_input's dates against
// CORE-DAY-008 and subtracted them as std::chrono::days (int64): a diagnosis date of INT64_MIN
// days overflowed (UBSan: signed integer overflow), and a diagnosis in the year 1000 was scored.
TEST_CASE("patient: assess_ebmt refuses dates outside 1900-2199",
          "[patient][random-input][PAT-CONTRACTS][CORE-DAY-008][regression]") {
    using namespace std::chrono;
    p::ebmt_input in{hsct::age::make(45, 0).value(),
                     hsct::diagnosis::aml(hsct::cytogenetic_risk::adverse),
                     hsct::disease_status::cr2,
                     sys_days{days{std::numeric_limits<std::int64_t>::min()}},
                     sys_days{days{0}}, hsct::donor_type::unrelated, hsct::sex::male,
                     hsct::sex::female};
    auto r = p::assess_ebmt(in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::out_of_range);
    CHECK(r.error().field() == "ebmt.diagnosis_date");
    in.diagnosis_date = sys_days{year{1000} / January / 1};
    CHECK(p::assess_ebmt(in).error().field() == "ebmt.diagnosis_date");
    in.diagnosis_date = sys_days{year{2024} / January / 1};
    in.hct_date = sys_days{year{2200} / January / 1};
    CHECK(p::assess_ebmt(in).error().field() == "ebmt.hct_date");
    in.hct_date = sys_days{year{2199} / December / 31};
    CHECK(p::assess_ebmt(in).has_value());
}

#ifndef HSCT_TEST_NO_EXCEPTIONS
// The documented contracts of the patient module that a value can violate go to the handler.
// Only hct_ci_result::item can be called here: three_group, combine, ebmt_group_of,
// ebmt_stage_points and ebmt_result::points_of check their contracts inside noexcept functions,
// where a throwing handler reaches std::terminate, so random input is kept away from them.
TEST_CASE("patient: documented contracts reach the contract handler",
          "[patient][random-input][PAT-CONTRACTS]") {
    const handler_guard guard;
    bool reached = false;
    try {
        static_cast<void>(p::hct_ci_result{}.item(enum_code<p::hct_ci_item>(0)));
    } catch (const contract_hit&) {
        reached = true;
    }
    CHECK(reached);
}
#endif

}  // namespace hsct_test_patient_patient_test
