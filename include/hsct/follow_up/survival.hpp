// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Cohort estimates over many patients' observations (observation.hpp): the Kaplan-Meier estimate
// of the probability of staying free of an event, and the Aalen-Johansen cumulative incidence of
// an event when a competing event can preclude it, each with its standard error and pointwise
// confidence limits.
//
//   using namespace hsct::follow_up;
//   std::vector<observation> cohort = ...;                // one per patient: day and status
//   auto km = kaplan_meier(cohort);                       // result<survival_curve>
//   km->estimate_at(hsct::transplant_day::at(365));       // S(D+365)
//   km->median;                                           // optional day: nullopt if not reached
//   auto cif = cumulative_incidence(cohort);              // result<incidence_curve>
//   cif->estimate_at(hsct::transplant_day::at(365));      // CIF of `event` at D+365
//
// Both estimators count the observations per day first (times are whole days D0..D+36525), so
// a cohort of any size costs one pass over it plus one pass over its days; nothing is sorted and
// nothing is allocated per observation (FU-KM-010).
//
// Requirement IDs (sources and marks: [V] read here in a textbook or primary source, [V2] read
// here in a secondary source or derived here and cross-checked, [U] from the author's knowledge
// of the literature, not read here, [P] hsct policy):
// FU-KM-001 the product-limit estimate S(t) = prod over event days t_j <= t of (1 - d_j/n_j),
//   n_j the number at risk just before day t_j (Kaplan & Meier, JASA 1958;53:457-481 [U]);
//   reproduced to the printed 4 decimals for the 6-MP arm of Freireich et al. 1963 in C.T. Le,
//   Introductory Biostatistics (Wiley 2003) section 11.2.1, Example 11.1, Table 11.1 [V].
// FU-KM-002 Greenwood's variance: Var S(t) = S(t)^2 * sum d_j / (n_j (n_j - d_j)) (Greenwood
//   1926 [U]; Klein & Moeschberger 2003 eq. 4.2.2 [U]; as printed in lecture notes and the SAS
//   LIFETEST documentation [V2]); no censoring: S(1-S)/n (checked against Cox & Oakes' leukaemia
//   control arm, se S(10) = 0.106, in a lecture-note copy [V2]). Reproduced to the printed 4
//   places for both arms of the Gehan data as Stata's `sts list` and R's `summary(survfit)` print
//   them (G. Rodriguez, Princeton WWS 509 pages, grodri.github.io/survival/gehan) [V].
// FU-KM-003 ties: on a day with events and censorings the events come first, so those censored
//   that day are still at risk for the events (Kaplan & Meier 1958; every package) [V2].
// FU-KM-004 pointwise confidence limits, three transforms (survival_ci_transform); default
//   log-log [P]. Le 2003's 95 % interval for S(7) of the 6-MP arm, (.6531, .9964), is the log
//   transform's, reproduced to 4 decimals [V]. Stata's log-log limits (its default) and R's log
//   limits (its default) for the Gehan data, as printed on Rodriguez's pages, reproduced to the
//   printed 4 and 3-5 places [V].
// FU-KM-005 the confidence level is a checked value in (0, 1); z = the normal quantile of
//   (1 + level) / 2 by Wichura's algorithm AS 241 (PPND16; Applied Statistics 1988;37:477-484),
//   its coefficients and results cross-checked against CPython's statistics.NormalDist, which
//   implements the same algorithm [V2].
// FU-KM-006 a competing_event in a Kaplan-Meier input: refused by default, naming the
//   observation, or read as censored on request (1 - KM then over-states the incidence) [P].
// FU-KM-007 the median: the first day the estimate is at or below 0.5 [P] (R's print.survfit
//   instead averages two days when the curve sits at exactly 0.5); its interval: from the first
//   day the lower limit is at or below 0.5 to the first day the upper limit is, the pointwise
//   limits of the chosen transform inverted at 0.5 (Brookmeyer & Crowley 1982 [U]; R survival's
//   print.survfit documentation [V2]). Not reached: nullopt.
// FU-KM-008 input checks: a day before Day 0, a day past D+36525 (unreachable through
//   transplant_day's constructors), an undeclared status number, an undeclared option, more than
//   4,294,967,295 observations: errors naming "observations[i].time", "observations[i].status"
//   or the option, with the value and the valid range [P].
// FU-KM-009 where the curve reaches 0 (everyone at risk had the event), its standard error and
//   limits are 0; where no event has happened yet (S = 1, variance 0) the limits are 1 [P].
//   Limits of the plain and log transforms are kept within [0, 1] (as R's survfit does) [P].
// FU-KM-010 performance: a counting pass over days, no comparison sort, no allocation per
//   observation; 1M observations in about 1.5 ms (docs/performance.md, "Follow-up") [P].
// FU-CIF-001 the Aalen-Johansen cumulative incidence of `event` with `competing_event` competing:
//   F1(t) = sum over days t_j <= t of S(t_j-1) * d1_j / n_j, S the Kaplan-Meier estimate of
//   freedom from either event (Kalbfleisch & Prentice 1980 [U]; Aalen & Johansen 1978 [U]);
//   reproduced to the printed 0.1 % for the nine-patient illustration of Satagopan et al.,
//   Br J Cancer 2004;91:1229-1235, Table 2(b) steps 1 and 2 [V].
// FU-CIF-002 its variance by the delta method (the "Greenwood-type" estimator of Marubini &
//   Valsecchi 1995 section 10.2 [U]; Pintilie 2006 section 4.2 [U]; derived here from the
//   multinomial model at each day, which gives the three sums in detail::survival, and
//   checked: with no competing event it equals Greenwood's variance of 1 - KM [V2]).
// FU-CIF-003 pointwise limits: log(-log) of the CIF (Choudhury, Stat Med 2002;21:1129-1144
//   [U]), the default, or plain, kept within [0, 1] [P].
// FU-CIF-004 input checks as FU-KM-008.
#ifndef HSCT_FOLLOW_UP_SURVIVAL_HPP
#define HSCT_FOLLOW_UP_SURVIVAL_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/follow_up/observation.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-KM-004: how the pointwise confidence limits of a Kaplan-Meier estimate are made from
/// Greenwood's variance. z is the normal quantile of the confidence level (FU-KM-005).
enum class survival_ci_transform : std::uint8_t {
    /// S^exp(-+z se/(S ln S)) -- a symmetric interval on log(-log S), always inside (0, 1)
    /// (Kalbfleisch & Prentice 1980, section 1.3; Klein & Moeschberger 2003 eq. 4.3.2 [U]). The
    /// default of SAS PROC LIFETEST (CONFTYPE=LOGLOG) and Stata's sts list; hsct's default [P].
    log_log = 1,
    /// S exp(-+z se/S) -- symmetric on log S; the upper limit kept <= 1 (Klein & Moeschberger
    /// 2003 eq. 4.3.3 [U]; reproduces Le 2003 Example 11.1 [V]). R survival's default
    /// (conf.type = "log").
    log = 2,
    /// S -+ z se, kept within [0, 1] -- the "linear" interval (Collett 2015 section 2.2;
    /// Klein & Moeschberger 2003 eq. 4.3.1 [U]). R conf.type = "plain".
    plain = 3,
};

constexpr auto hsct_enum_table(survival_ci_transform) noexcept {
    using t = survival_ci_transform;
    return make_enum_table<survival_ci_transform>("survival_ci_transform", {
        {t::log_log, "log_log", "log(-log) transform"},
        {t::log, "log", "log transform"},
        {t::plain, "plain", "plain (linear) interval"},
    });
}

/// FU-KM-006: what a Kaplan-Meier estimate does with a competing_event observation.
enum class competing_event_policy : std::uint8_t {
    /// Refused: an error naming the first such observation (use cumulative_incidence). Default.
    refuse = 1,
    /// Read as censored on that day: the estimate is then of a hypothetical world without the
    /// competing event, and 1 - KM over-states the incidence actually seen (the biased "1-KM"
    /// reading; Gooley et al., Stat Med 1999;18:695-706 [U]).
    treat_as_censored = 2,
};

constexpr auto hsct_enum_table(competing_event_policy) noexcept {
    using p = competing_event_policy;
    return make_enum_table<competing_event_policy>("competing_event_policy", {
        {p::refuse, "refuse", "refuse a competing event"},
        {p::treat_as_censored, "treat_as_censored", "treat a competing event as censoring (biased 1-KM)"},
    });
}

/// FU-CIF-002: how the variance of a cumulative incidence is estimated.
enum class incidence_variance : std::uint8_t {
    /// The delta-method ("Greenwood-type") variance of Marubini & Valsecchi 1995 and Pintilie
    /// 2006 [U]; Stata's stcompet reports it [U]. R cmprsk::cuminc reports Gray's (1988)
    /// counting-process variance instead and R survival's survfit an infinitesimal-jackknife
    /// one: their standard errors differ from these in small samples; hsct offers this variance
    /// only (docs/follow-up.md, Limits).
    delta_method = 1,
};

constexpr auto hsct_enum_table(incidence_variance) noexcept {
    return make_enum_table<incidence_variance>("incidence_variance", {
        {incidence_variance::delta_method, "delta_method", "delta method (Marubini-Valsecchi)"},
    });
}

/// FU-CIF-003: how the pointwise confidence limits of a cumulative incidence are made.
enum class incidence_ci_transform : std::uint8_t {
    /// F^exp(+-z se/(F ln F)) -- symmetric on log(-log F), always inside (0, 1) (Choudhury
    /// 2002; Pintilie 2006 section 4.2.2 [U]; stcompet's limits [U]). Default.
    log_log = 1,
    /// F -+ z se, kept within [0, 1].
    plain = 2,
};

constexpr auto hsct_enum_table(incidence_ci_transform) noexcept {
    using t = incidence_ci_transform;
    return make_enum_table<incidence_ci_transform>("incidence_ci_transform", {
        {t::log_log, "log_log", "log(-log) transform"},
        {t::plain, "plain", "plain (linear) interval"},
    });
}

namespace detail::survival {

// a[0] + a[1] x + ... + a[7] x^7, by Horner's rule from the highest power.
[[nodiscard]] constexpr double polynomial(const std::array<double, 8>& a, double x) noexcept {
    double v = a[7];
    for (std::size_t i = 7; i-- > 0;) {
        v = v * x + a[i];
    }
    return v;
}

// AS 241's coefficients, lowest power first: A/B near the centre, C/D the tails, E/F the far tails.
inline constexpr std::array<double, 8> as241_a{
    3.3871328727963666080e+0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
    4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3};
inline constexpr std::array<double, 8> as241_b{
    1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
    2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3};
inline constexpr std::array<double, 8> as241_c{
    1.42343711074968357734e+0, 4.63033784615654529590e+0, 5.76949722146069140550e+0, 3.64784832476320460504e+0,
    1.27045825245236838258e+0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4};
inline constexpr std::array<double, 8> as241_d{
    1.0, 2.05319162663775882187e+0, 1.67638483018380384940e+0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9};
inline constexpr std::array<double, 8> as241_e{
    6.65790464350110377720e+0, 5.46378491116411436990e+0, 1.78482653991729133580e+0, 2.96560571828504891230e-1,
    2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7};
inline constexpr std::array<double, 8> as241_f{
    1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15};

/// FU-KM-005: the standard normal quantile, Wichura's AS 241 (PPND16, about 16 digits), for p in
/// (0, 1): a rational function of (0.180625 - q^2) for |q| = |p - 1/2| <= 0.425; beyond, of
/// r = sqrt(-ln min(p, 1 - p)), one for r <= 5 and one past it. Callers pass p strictly inside (0, 1).
[[nodiscard]] inline double normal_quantile(double p) noexcept {
    const double q = p - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q * polynomial(as241_a, r) / polynomial(as241_b, r);
    }
    const double r = std::sqrt(-std::log(q < 0.0 ? p : 1.0 - p));
    const double x = r <= 5.0 ? polynomial(as241_c, r - 1.6) / polynomial(as241_d, r - 1.6)
                              : polynomial(as241_e, r - 5.0) / polynomial(as241_f, r - 5.0);
    return q < 0.0 ? -x : x;
}

}  // namespace detail::survival

/// FU-KM-005: a two-sided confidence level, strictly between 0 and 1 (0.95 unless made otherwise).
/// Eight bytes, trivially copyable; every value it can hold is valid.
class confidence_level {
public:
    /// 95 %.
    constexpr confidence_level() noexcept = default;

    /// Checked: not_finite for NaN or infinity, out_of_range outside (0, 1), naming `field`.
    [[nodiscard]] static result<confidence_level> make(double level, field_ref field = "confidence_level") {
        if (!std::isfinite(level)) {
            return error(errc::not_finite, field, hsct::detail::format_number(level),
                         "0 < level < 1 (e.g. 0.95)", "FU-KM-005");
        }
        if (!(level > 0.0 && level < 1.0)) {
            return error(errc::out_of_range, field, hsct::detail::format_number(level),
                         "0 < level < 1 (e.g. 0.95)", "FU-KM-005");
        }
        return confidence_level(level);
    }

    [[nodiscard]] constexpr double value() const noexcept { return level_; }

    /// The two-sided normal quantile z with P(|Z| <= z) = level: 1.959963984540054 for 0.95. It
    /// is computed from the upper tail (1 - level) / 2, so levels near 1 keep their digits.
    [[nodiscard]] double z() const noexcept { return -detail::survival::normal_quantile(0.5 * (1.0 - level_)); }

    friend constexpr bool operator==(confidence_level, confidence_level) noexcept = default;

private:
    constexpr explicit confidence_level(double level) noexcept : level_(level) {}
    double level_ = 0.95;
};

/// FU-KM-004..006: how kaplan_meier runs.
struct kaplan_meier_options {
    survival_ci_transform transform = survival_ci_transform::log_log;  ///< FU-KM-004 [P] default
    confidence_level level;                                            ///< FU-KM-005, 95 %
    competing_event_policy competing = competing_event_policy::refuse;  ///< FU-KM-006 [P]
};

/// FU-KM-001..004: one day on which at least one observation ended.
struct survival_step {
    hsct::transplant_day day;
    std::uint32_t at_risk = 0;    ///< n_j: observations still at risk at the start of the day
    std::uint32_t events = 0;     ///< d_j
    std::uint32_t censored = 0;   ///< censored that day (after its events; FU-KM-003), competing events read as censored included
    double estimate = 1.0;        ///< S just after the day
    double standard_error = 0.0;  ///< Greenwood (FU-KM-002)
    double lower = 1.0;           ///< pointwise limits (FU-KM-004)
    double upper = 1.0;

    friend bool operator==(const survival_step&, const survival_step&) = default;
};

/// The counts a curve was estimated from.
struct survival_totals {
    std::uint32_t observations = 0;
    std::uint32_t events = 0;
    std::uint32_t censored = 0;               ///< censored observations, competing events read as censored included
    std::uint32_t competing_as_censored = 0;  ///< FU-KM-006: competing events read as censored

    friend bool operator==(const survival_totals&, const survival_totals&) = default;
};

namespace detail::survival {
// The step on or before a day (the last step whose day is <= d), or nullptr.
template <class Step>
[[nodiscard]] const Step* step_on_or_before(const std::vector<Step>& steps, hsct::transplant_day d) noexcept {
    const auto it = std::upper_bound(steps.begin(), steps.end(), d,
                                     [](hsct::transplant_day x, const Step& s) { return x < s.day; });
    return it == steps.begin() ? nullptr : &*(it - 1);
}
}  // namespace detail::survival

/// FU-KM-001..009: a Kaplan-Meier curve, the counts behind it and the options it ran under.
struct survival_curve {
    std::vector<survival_step> steps;  ///< one per day with an event or a censoring, in day order
    survival_totals totals;
    kaplan_meier_options options;
    /// FU-KM-007: the first day the estimate is <= 0.5; nullopt if the curve never gets there.
    std::optional<hsct::transplant_day> median;
    /// FU-KM-007: the median's confidence limits (first day the lower, resp. upper, pointwise limit
    /// is <= 0.5); nullopt where the limit never gets there (the upper one often: "NA" in R).
    std::optional<hsct::transplant_day> median_lower;
    std::optional<hsct::transplant_day> median_upper;

    /// The step in force on day d (the last step on or before d), or nullptr before the first.
    [[nodiscard]] const survival_step* step_at(hsct::transplant_day d) const noexcept {
        return detail::survival::step_on_or_before(steps, d);
    }
    /// S(d): the estimate just after the last step on or before d; 1 before the first step.
    [[nodiscard]] double estimate_at(hsct::transplant_day d) const noexcept {
        const auto* s = step_at(d);
        return s ? s->estimate : 1.0;
    }
};

/// FU-CIF-002/003: how cumulative_incidence runs.
struct cumulative_incidence_options {
    incidence_variance variance = incidence_variance::delta_method;       ///< FU-CIF-002
    incidence_ci_transform transform = incidence_ci_transform::log_log;   ///< FU-CIF-003 [P] default
    confidence_level level;                                               ///< FU-KM-005, 95 %
};

/// FU-CIF-001..003: one day on which at least one observation ended.
struct incidence_step {
    hsct::transplant_day day;
    std::uint32_t at_risk = 0;           ///< n_j: free of both events at the start of the day
    std::uint32_t events = 0;            ///< d1_j
    std::uint32_t competing_events = 0;  ///< d2_j
    std::uint32_t censored = 0;
    double estimate = 0.0;               ///< F1 just after the day: cumulative incidence of `event`
    double standard_error = 0.0;         ///< FU-CIF-002
    double lower = 0.0;                  ///< pointwise limits (FU-CIF-003)
    double upper = 0.0;
    double competing_estimate = 0.0;     ///< F2: cumulative incidence of `competing_event`
    double event_free = 1.0;             ///< S: Kaplan-Meier of freedom from both (F1 + F2 + S = 1)

    friend bool operator==(const incidence_step&, const incidence_step&) = default;
};

struct incidence_totals {
    std::uint32_t observations = 0;
    std::uint32_t events = 0;
    std::uint32_t competing_events = 0;
    std::uint32_t censored = 0;

    friend bool operator==(const incidence_totals&, const incidence_totals&) = default;
};

/// FU-CIF-001..003: a cumulative incidence curve, its counts and the options it ran under.
struct incidence_curve {
    std::vector<incidence_step> steps;  ///< one per day with any ending, in day order
    incidence_totals totals;
    cumulative_incidence_options options;

    [[nodiscard]] const incidence_step* step_at(hsct::transplant_day d) const noexcept {
        return detail::survival::step_on_or_before(steps, d);
    }
    /// F1(d): the estimate just after the last step on or before d; 0 before the first step.
    [[nodiscard]] double estimate_at(hsct::transplant_day d) const noexcept {
        const auto* s = step_at(d);
        return s ? s->estimate : 0.0;
    }
};

namespace detail::survival {

inline constexpr std::uint32_t last_day = static_cast<std::uint32_t>(hsct::transplant_day::max_offset);  ///< FU-KM-008
inline constexpr double median_margin = 1e-12;  ///< FU-KM-007 [P]: S within 1e-12 above 0.5 counts as 0.5

/// The observations of each day by status (index: the status number; 0 unused), and the span's
/// last day with any.
struct day_histogram {
    std::vector<std::array<std::uint32_t, 4>> counts;
    std::uint32_t max_day = 0;
    std::array<std::uint32_t, 4> totals{};
};

[[gnu::cold]] [[nodiscard]] inline std::string indexed_field(std::size_t i, const char* leaf) {
    return hsct::detail::concat({"observations[", hsct::detail::format_number(static_cast<std::int64_t>(i)), "].", leaf});
}

// FU-KM-008: the error for the first observation the counting pass refused.
[[gnu::cold]] [[nodiscard]] inline hsct::error bad_observation(std::span<const observation> obs,
                                                              const char* requirement) {
    for (std::size_t i = 0; i < obs.size(); ++i) {
        const auto& o = obs[i];
        const auto day = o.time.number();
        if (day < 0 || day > hsct::transplant_day::max_offset) {
            return hsct::error(errc::out_of_range, indexed_field(i, "time"), hsct::to_string(o.time),
                               "D0 to D+36525 (Day 0 or later)", requirement);
        }
        if (auto e = hsct::detail::check_enum(o.status, indexed_field(i, "status"))) {
            return std::move(*e).with_requirement(requirement);
        }
    }
    return hsct::error(errc::inconsistent, "observations", "", "", requirement);  // not reached
}

[[gnu::cold]] [[nodiscard]] inline hsct::error too_many(std::size_t n, const char* requirement) {
    return hsct::error(errc::out_of_range, "observations.size()",
                       hsct::detail::format_number(static_cast<std::int64_t>(n)), "at most 4294967295",
                       requirement);
}

// FU-KM-008, FU-KM-010: one pass: checks each observation and counts it on its day.
template <class = void>
[[nodiscard]] bool count_days(std::span<const observation> obs, day_histogram& h) {
    h.counts.assign(std::size_t{last_day} + 1, std::array<std::uint32_t, 4>{});
    std::uint32_t max_day = 0;
    for (const auto& o : obs) {
        const auto day = static_cast<std::uint32_t>(o.time.number());  // a day before Day 0 wraps past last_day
        const auto status = static_cast<std::uint32_t>(o.status);
        if (day > last_day || status - 1U > 2U) [[unlikely]] {
            return false;
        }
        ++h.counts[day][status];
        max_day = std::max(max_day, day);
    }
    h.max_day = max_day;
    for (std::uint32_t d = 0; d <= max_day; ++d) {
        for (std::size_t s = 1; s < 4; ++s) {
            h.totals[s] += h.counts[d][s];
        }
    }
    return true;
}

// FU-KM-008: the checks and the count both estimators start with; an error names the first
// observation refused (or the cohort's size).
template <class = void>
[[nodiscard]] std::optional<hsct::error> count_observations(std::span<const observation> obs, day_histogram& h,
                                                            const char* requirement) {
    if (obs.size() > std::numeric_limits<std::uint32_t>::max()) {
        return too_many(obs.size(), requirement);
    }
    if (!count_days(obs, h)) {
        return bad_observation(obs, requirement);
    }
    return std::nullopt;
}

// FU-KM-004, FU-KM-009: pointwise limits of S from its Greenwood sum g = sum d/(n(n-d)).
inline void survival_limits(survival_step& s, double g, double z, survival_ci_transform t) noexcept {
    const double est = s.estimate;
    if (est <= 0.0) {
        s.lower = 0.0;
        s.upper = 0.0;
        return;
    }
    if (g <= 0.0) {
        s.lower = est;
        s.upper = est;
        return;
    }
    const double sl = std::sqrt(g);  // standard error of log S
    switch (t) {
        case survival_ci_transform::plain:
            s.lower = std::max(0.0, est - z * s.standard_error);
            s.upper = std::min(1.0, est + z * s.standard_error);
            return;
        case survival_ci_transform::log:
            s.lower = est * std::exp(-z * sl);
            s.upper = std::min(1.0, est * std::exp(z * sl));
            return;
        case survival_ci_transform::log_log: {
            const double theta = std::exp(z * sl / std::log(est));  // < 1: log S < 0
            s.lower = std::pow(est, 1.0 / theta);
            s.upper = std::pow(est, theta);
            return;
        }
    }
}

// FU-CIF-003: pointwise limits of a cumulative incidence F with standard error se.
inline void incidence_limits(incidence_step& s, double z, incidence_ci_transform t) noexcept {
    const double f = s.estimate;
    const double se = s.standard_error;
    if (f <= 0.0 || se <= 0.0) {
        s.lower = std::max(0.0, f);
        s.upper = std::min(1.0, f);
        return;
    }
    switch (t) {
        case incidence_ci_transform::plain:
            s.lower = std::max(0.0, f - z * se);
            s.upper = std::min(1.0, f + z * se);
            return;
        case incidence_ci_transform::log_log: {
            if (f >= 1.0) {
                s.lower = 1.0;
                s.upper = 1.0;
                return;
            }
            const double k = z * se / (f * std::fabs(std::log(f)));
            s.lower = std::pow(f, std::exp(k));
            s.upper = std::pow(f, std::exp(-k));
            return;
        }
    }
}

}  // namespace detail::survival

/// FU-KM-001..010: the Kaplan-Meier estimate of freedom from `event`, with Greenwood standard
/// errors, pointwise limits and the median. An empty span gives a curve with no steps. Errors
/// (FU-KM-008): "observations[i].time" before Day 0, "observations[i].status" not declared or
/// (FU-KM-006, policy refuse) a competing event, "kaplan_meier.options.transform" /
/// ".competing" undeclared.
template <class = void>
[[nodiscard]] result<survival_curve> kaplan_meier(std::span<const observation> observations,
                                                         const kaplan_meier_options& options = {}) {
    namespace ds = detail::survival;
    if (auto e = hsct::detail::check_enum(options.transform, "kaplan_meier.options.transform")) {
        return std::move(*e).with_requirement("FU-KM-004");
    }
    if (auto e = hsct::detail::check_enum(options.competing, "kaplan_meier.options.competing")) {
        return std::move(*e).with_requirement("FU-KM-006");
    }
    result<survival_curve> out(std::in_place);
    survival_curve& c = *out;
    c.options = options;
    if (observations.empty()) {
        return out;
    }
    ds::day_histogram h;
    if (auto e = ds::count_observations(observations, h, "FU-KM-008")) {
        out = std::move(*e);
        return out;
    }
    constexpr auto cens = static_cast<std::size_t>(observation_status::censored);
    constexpr auto ev = static_cast<std::size_t>(observation_status::event);
    constexpr auto comp = static_cast<std::size_t>(observation_status::competing_event);
    if (h.totals[comp] > 0 && options.competing == competing_event_policy::refuse) {
        for (std::size_t i = 0; i < observations.size(); ++i) {
            if (observations[i].status == observation_status::competing_event) {
                out = hsct::error(errc::not_allowed, ds::indexed_field(i, "status"),
                                  "competing_event (" + hsct::to_string(observations[i].time) + ")",
                                  "censored or event in a Kaplan-Meier estimate; use cumulative_incidence, "
                                  "or competing_event_policy::treat_as_censored for the biased 1-KM reading",
                                  "FU-KM-006");
                return out;
            }
        }
    }
    c.totals.observations = static_cast<std::uint32_t>(observations.size());
    c.totals.events = h.totals[ev];
    c.totals.competing_as_censored = h.totals[comp];
    c.totals.censored = h.totals[cens] + h.totals[comp];

    std::size_t days_with_any = 0;
    for (std::uint32_t d = 0; d <= h.max_day; ++d) {
        const auto& k = h.counts[d];
        days_with_any += (k[cens] | k[ev] | k[comp]) != 0 ? 1U : 0U;
    }
    c.steps.reserve(days_with_any);
    const double z = options.level.z();
    std::uint32_t at_risk = c.totals.observations;
    double s = 1.0;
    double greenwood = 0.0;  // sum d / (n (n - d))
    for (std::uint32_t d = 0; d <= h.max_day; ++d) {
        const auto& k = h.counts[d];
        const std::uint32_t events = k[ev];
        const std::uint32_t censored = k[cens] + k[comp];
        if ((events | censored) == 0) {
            continue;
        }
        survival_step& st = c.steps.emplace_back();
        st.day = hsct::transplant_day::at(static_cast<std::int32_t>(d));
        st.at_risk = at_risk;
        st.events = events;
        st.censored = censored;
        if (events > 0) {
            const double n = static_cast<double>(at_risk);
            const double e = static_cast<double>(events);
            if (events < at_risk) {
                s *= (n - e) / n;
                greenwood += e / (n * (n - e));
            } else {
                s = 0.0;
            }
        }
        st.estimate = s;
        st.standard_error = s > 0.0 ? s * std::sqrt(greenwood) : 0.0;
        ds::survival_limits(st, greenwood, z, options.transform);
        at_risk -= events + censored;
        if (!c.median && s <= 0.5 + ds::median_margin) {
            c.median = st.day;
        }
        if (!c.median_lower && st.lower <= 0.5 + ds::median_margin) {
            c.median_lower = st.day;
        }
        if (!c.median_upper && st.upper <= 0.5 + ds::median_margin) {
            c.median_upper = st.day;
        }
    }
    return out;
}

/// FU-CIF-001..004: the Aalen-Johansen cumulative incidence of `event` with `competing_event`
/// competing, its delta-method standard error and pointwise limits; each step also carries the
/// competing event's incidence and the freedom from both. An empty span gives no steps. Errors
/// as kaplan_meier's (FU-CIF-004), and "cumulative_incidence.options.variance" / ".transform".
template <class = void>
[[nodiscard]] result<incidence_curve> cumulative_incidence(std::span<const observation> observations,
                                                                  const cumulative_incidence_options& options = {}) {
    namespace ds = detail::survival;
    if (auto e = hsct::detail::check_enum(options.variance, "cumulative_incidence.options.variance")) {
        return std::move(*e).with_requirement("FU-CIF-002");
    }
    if (auto e = hsct::detail::check_enum(options.transform, "cumulative_incidence.options.transform")) {
        return std::move(*e).with_requirement("FU-CIF-003");
    }
    result<incidence_curve> out(std::in_place);
    incidence_curve& c = *out;
    c.options = options;
    if (observations.empty()) {
        return out;
    }
    ds::day_histogram h;
    if (auto e = ds::count_observations(observations, h, "FU-CIF-004")) {
        out = std::move(*e);
        return out;
    }
    constexpr auto cens = static_cast<std::size_t>(observation_status::censored);
    constexpr auto ev = static_cast<std::size_t>(observation_status::event);
    constexpr auto comp = static_cast<std::size_t>(observation_status::competing_event);
    c.totals.observations = static_cast<std::uint32_t>(observations.size());
    c.totals.events = h.totals[ev];
    c.totals.competing_events = h.totals[comp];
    c.totals.censored = h.totals[cens];

    std::size_t days_with_any = 0;
    for (std::uint32_t d = 0; d <= h.max_day; ++d) {
        const auto& k = h.counts[d];
        days_with_any += (k[cens] | k[ev] | k[comp]) != 0 ? 1U : 0U;
    }
    c.steps.reserve(days_with_any);
    const double z = options.level.z();
    std::uint32_t at_risk = c.totals.observations;
    double s = 1.0;   // freedom from both events, just before the day
    double f1 = 0.0;
    double f2 = 0.0;
    // FU-CIF-002: Var F1(t) = sum_j A_j^2 w_j + sum_j v_j - 2 sum_j A_j u_j, with A_j = F1(t) - F1(t_j),
    // w_j = d_j / (n_j (n_j - d_j)), u_j = S(t_j-1) d1_j / n_j^2, v_j = S(t_j-1)^2 d1_j (n_j - d1_j) / n_j^3.
    // Expanding A_j turns each sum into running sums, so every step costs O(1).
    double sum_w = 0.0;
    double sum_wf = 0.0;
    double sum_wff = 0.0;
    double sum_u = 0.0;
    double sum_uf = 0.0;
    double sum_v = 0.0;
    for (std::uint32_t d = 0; d <= h.max_day; ++d) {
        const auto& k = h.counts[d];
        const std::uint32_t d1 = k[ev];
        const std::uint32_t d2 = k[comp];
        const std::uint32_t censored = k[cens];
        if ((d1 | d2 | censored) == 0) {
            continue;
        }
        incidence_step& st = c.steps.emplace_back();
        st.day = hsct::transplant_day::at(static_cast<std::int32_t>(d));
        st.at_risk = at_risk;
        st.events = d1;
        st.competing_events = d2;
        st.censored = censored;
        const std::uint32_t both = d1 + d2;
        if (both > 0) {
            const double n = static_cast<double>(at_risk);
            const double e1 = static_cast<double>(d1);
            const double e2 = static_cast<double>(d2);
            const double prev = s;
            f1 += prev * e1 / n;
            f2 += prev * e2 / n;
            s = both < at_risk ? prev * (n - e1 - e2) / n : 0.0;
            if (d1 > 0) {
                const double u = prev * e1 / (n * n);
                sum_u += u;
                sum_uf += f1 * u;
                sum_v += prev * prev * e1 * (n - e1) / (n * n * n);
            }
            if (both < at_risk) {  // where all at risk end, A_j = 0 and no later day exists
                const double e = e1 + e2;
                const double w = e / (n * (n - e));
                sum_w += w;
                sum_wf += f1 * w;
                sum_wff += f1 * f1 * w;
            }
        }
        const double var = f1 * f1 * sum_w - 2.0 * f1 * sum_wf + sum_wff + sum_v - 2.0 * (f1 * sum_u - sum_uf);
        st.estimate = f1;
        st.competing_estimate = f2;
        st.event_free = s;
        st.standard_error = var > 0.0 ? std::sqrt(var) : 0.0;
        ds::incidence_limits(st, z, options.transform);
        at_risk -= both + censored;
    }
    return out;
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_SURVIVAL_HPP
