// Tests for include/hsct/follow_up/survival.hpp: the Kaplan-Meier estimate against Le 2003's
// worked 6-MP example (Table 11.1 and its interval for S(7)), Greenwood's variance against the
// uncensored formula, the cumulative incidence against Satagopan et al. 2004's Table 2, the
// delta-method variance against its unexpanded sums, and the properties: F1 + F2 + S = 1, no
// competing event gives 1 - KM with Greenwood's variance, monotone curves, at-risk counts, ties,
// all censored, one patient, empty input, the competing-event policy both ways, the median, the
// confidence level and its normal quantile (AS 241), and every refusal with its field and value.
#include <hsct/follow_up/survival.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_survival_test {

namespace f = hsct::follow_up;
using f::observation;
using f::observation_status;
using hsct::transplant_day;

namespace {
observation obs(int day, observation_status s) { return observation{transplant_day::at(day), s}; }
observation ev(int day) { return obs(day, observation_status::event); }
observation cens(int day) { return obs(day, observation_status::censored); }
observation comp(int day) { return obs(day, observation_status::competing_event); }

// The value rounded to `places` decimals, as an integer count of units of the last place.
long long rounded(double v, int places) { return std::llround(v * std::pow(10.0, places)); }

// Freireich et al. 1963, 6-MP arm (weeks), as listed in Le 2003 Example 11.1: relapses at 6, 6,
// 6, 7, 10, 13, 16, 22, 23; censored at 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35.
std::vector<observation> six_mp() {
    std::vector<observation> v;
    for (int d : {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
        v.push_back(ev(d));
    }
    for (int d : {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
        v.push_back(cens(d));
    }
    return v;
}

// A random cohort: days 0..120, every status, many ties.
std::vector<observation> random_cohort(std::uint32_t seed, std::size_t n, bool competing) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> day(0, 120);
    std::uniform_int_distribution<int> st(1, competing ? 3 : 2);
    std::vector<observation> v;
    for (std::size_t i = 0; i < n; ++i) {
        v.push_back(obs(day(rng), static_cast<observation_status>(st(rng))));
    }
    return v;
}

f::kaplan_meier_options km_with(f::survival_ci_transform t) {
    f::kaplan_meier_options o;
    o.transform = t;
    return o;
}

f::survival_curve km(const std::vector<observation>& v, const f::kaplan_meier_options& o = {}) {
    auto r = f::kaplan_meier(v, o);
    REQUIRE(r.has_value());
    return *r;
}

f::incidence_curve cif(const std::vector<observation>& v, const f::cumulative_incidence_options& o = {}) {
    auto r = f::cumulative_incidence(v, o);
    REQUIRE(r.has_value());
    return *r;
}
}  // namespace

TEST_CASE("Le 2003 Table 11.1: the product-limit estimate of the 6-MP arm, to the printed 4 decimals",
          "[FU-KM-001][FU-KM-003][Le-2003][Freireich-1963]") {
    const auto c = km(six_mp());
    struct row {
        int day;
        std::uint32_t at_risk;
        std::uint32_t relapses;
        long long estimate;  // x 10^-4
    };
    // Table 11.1: t_i, n_i, d_i, S(t_i).
    const row printed[] = {{6, 21, 3, 8571}, {7, 17, 1, 8067}, {10, 15, 1, 7529}, {13, 12, 1, 6902},
                           {16, 11, 1, 6275}, {22, 7, 1, 5378}, {23, 6, 1, 4482}};
    for (const auto& p : printed) {
        const auto* s = c.step_at(transplant_day::at(p.day));
        REQUIRE(s != nullptr);
        CHECK(s->day == transplant_day::at(p.day));
        CHECK(s->at_risk == p.at_risk);
        CHECK(s->events == p.relapses);
        CHECK(rounded(s->estimate, 4) == p.estimate);
    }
    // "7-week survival rate is 80.67 %, 22-week survival rate is 53.78 %"
    CHECK(rounded(c.estimate_at(transplant_day::at(7)) * 100.0, 2) == 8067);
    CHECK(rounded(c.estimate_at(transplant_day::at(22)) * 100.0, 2) == 5378);
    CHECK(c.totals.observations == 21);
    CHECK(c.totals.events == 9);
    CHECK(c.totals.censored == 12);
}

TEST_CASE("Le 2003 Example 11.1: the 95 % interval for S(7) is (.6531, .9964), the log transform's",
          "[FU-KM-002][FU-KM-004][FU-KM-005][Le-2003]") {
    const auto c = km(six_mp(), km_with(f::survival_ci_transform::log));
    const auto* s = c.step_at(transplant_day::at(7));
    REQUIRE(s != nullptr);
    CHECK(rounded(s->lower, 4) == 6531);
    CHECK(rounded(s->upper, 4) == 9964);
    // Greenwood at day 7 by hand: S^2 (3/(21*18) + 1/(17*16)).
    const double s7 = (18.0 / 21.0) * (16.0 / 17.0);
    CHECK(s->standard_error == Approx(s7 * std::sqrt(3.0 / (21.0 * 18.0) + 1.0 / (17.0 * 16.0))).epsilon(1e-12));
    // The interval the same variance gives under the other transforms (not printed by Le): the
    // plain one is S -+ 1.96 se; the log-log one lies inside (0, 1).
    const auto plain = km(six_mp(), km_with(f::survival_ci_transform::plain));
    const auto* p = plain.step_at(transplant_day::at(7));
    CHECK(p->lower == Approx(s7 - 1.959963984540054 * s->standard_error).epsilon(1e-12));
    CHECK(p->upper == Approx(s7 + 1.959963984540054 * s->standard_error).epsilon(1e-12));
    const auto loglog = km(six_mp());
    const auto* l = loglog.step_at(transplant_day::at(7));
    CHECK(l->lower > 0.0);
    CHECK(l->lower < s7);
    CHECK(l->upper > s7);
    CHECK(l->upper < 1.0);
    CHECK(loglog.options.transform == f::survival_ci_transform::log_log);
}

TEST_CASE("Greenwood without censoring is S(1-S)/n: Cox & Oakes' leukaemia control arm, se S(10) = 0.106",
          "[FU-KM-002][Cox-Oakes-1984]") {
    std::vector<observation> v;
    for (int d : {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}) {
        v.push_back(ev(d));
    }
    const auto c = km(v);
    const auto* s = c.step_at(transplant_day::at(10));
    REQUIRE(s != nullptr);
    CHECK(rounded(s->estimate, 3) == 381);  // 8/21
    CHECK(rounded(s->standard_error, 3) == 106);
    const double p = 8.0 / 21.0;
    CHECK(s->standard_error == Approx(std::sqrt(p * (1.0 - p) / 21.0)).epsilon(1e-12));
    // Every relapse observed: the curve reaches 0 on day 23, with se 0 and limits 0 (FU-KM-009).
    const auto& last = c.steps.back();
    CHECK(last.day == transplant_day::at(23));
    CHECK(last.estimate == 0.0);
    CHECK(last.standard_error == 0.0);
    CHECK(last.lower == 0.0);
    CHECK(last.upper == 0.0);
    REQUIRE(c.median);
    CHECK(*c.median == transplant_day::at(8));  // S(5) = 12/21 > 0.5, S(8) = 8/21
}

TEST_CASE("Satagopan et al. 2004 Table 2: cumulative incidence of breast-cancer death, death of other causes competing",
          "[FU-CIF-001][Satagopan-2004]") {
    // Table 2(a): the first nine of 305 patients (months): 7 alive, 10 BC death, 14 alive, 16 BC
    // death, 18 other death, 23 BC death, 24 alive, 26 other death, 27 BC death. The at-risk
    // counts of Table 2(b) (305 ... 297) show the other 296 were followed beyond month 27; here
    // they are censored at month 60.
    std::vector<observation> v = {cens(7), ev(10), cens(14), ev(16), comp(18), ev(23), cens(24), comp(26), ev(27)};
    for (int i = 0; i < 296; ++i) {
        v.push_back(cens(60));
    }
    const auto c = cif(v);
    struct row {
        int day;
        std::uint32_t at_risk;
        long long overall_pct;  // step 1: S(t_j), % x 10
    };
    // Step 1: time, at risk, overall survival (%).
    const row step1[] = {{10, 304, 997}, {16, 302, 993}, {18, 301, 990}, {23, 300, 987}, {26, 298, 983}, {27, 297, 980}};
    for (const auto& p : step1) {
        const auto* s = c.step_at(transplant_day::at(p.day));
        REQUIRE(s != nullptr);
        CHECK(s->day == transplant_day::at(p.day));
        CHECK(s->at_risk == p.at_risk);
        CHECK(rounded(s->event_free * 100.0, 1) == p.overall_pct);
    }
    // Step 2: at each breast-cancer death, S(t_j-1) and the incidence h1 S(t_j-1), both in %; the
    // printed cumulative incidence (0.3, 0.6, 0.9, 1.2) is the running sum of the rounded 0.3 %
    // increments: the unrounded estimate is 0.33, 0.66, 0.99, 1.32 %.
    struct row2 {
        int day;
        long long before_pct;  // S(t_j-1), % x 10
        long long printed_cumulative;
    };
    const row2 step2[] = {{10, 1000, 3}, {16, 997, 6}, {23, 990, 9}, {27, 983, 12}};
    double previous = 0.0;
    long long sum_of_rounded = 0;
    double before = 1.0;
    for (const auto& p : step2) {
        const auto* s = c.step_at(transplant_day::at(p.day));
        REQUIRE(s != nullptr);
        const auto* prior = c.step_at(transplant_day::at(p.day - 1));
        before = prior ? prior->event_free : 1.0;
        CHECK(rounded(before * 100.0, 1) == p.before_pct);
        const double increment = s->estimate - previous;
        CHECK(rounded(increment * 100.0, 1) == 3);
        CHECK(increment == Approx(before / static_cast<double>(s->at_risk)).epsilon(1e-12));
        sum_of_rounded += rounded(increment * 100.0, 1);
        CHECK(sum_of_rounded == p.printed_cumulative);
        previous = s->estimate;
    }
    CHECK(rounded(c.estimate_at(transplant_day::at(27)) * 100.0, 2) == 132);
    CHECK(c.totals.events == 4);
    CHECK(c.totals.competing_events == 2);
    CHECK(c.totals.censored == 299);
}

TEST_CASE("the cumulative incidences and the event-free probability add up to 1 on every day",
          "[FU-CIF-001]") {
    for (std::uint32_t seed : {1U, 2U, 3U, 4U}) {
        const auto c = cif(random_cohort(seed, 500, true));
        REQUIRE_FALSE(c.steps.empty());
        double f1 = 0.0;
        double f2 = 0.0;
        double s = 1.0;
        for (const auto& st : c.steps) {
            CHECK(st.estimate + st.competing_estimate + st.event_free == Approx(1.0).epsilon(1e-12));
            CHECK(st.estimate >= f1);  // monotone
            CHECK(st.competing_estimate >= f2);
            CHECK(st.event_free <= s);
            CHECK(st.lower <= st.estimate);
            CHECK(st.upper >= st.estimate);
            CHECK(st.lower >= 0.0);
            CHECK(st.upper <= 1.0);
            f1 = st.estimate;
            f2 = st.competing_estimate;
            s = st.event_free;
        }
        // The event-free probability is the Kaplan-Meier estimate of freedom from either event.
        std::vector<observation> either = random_cohort(seed, 500, true);
        for (auto& o : either) {
            if (o.status == observation_status::competing_event) {
                o.status = observation_status::event;
            }
        }
        const auto k = km(either);
        REQUIRE(k.steps.size() == c.steps.size());
        for (std::size_t i = 0; i < k.steps.size(); ++i) {
            CHECK(k.steps[i].estimate == Approx(c.steps[i].event_free).epsilon(1e-12));
        }
    }
}

TEST_CASE("without competing events the cumulative incidence is 1 - KM and its delta-method variance is Greenwood's",
          "[FU-CIF-001][FU-CIF-002][FU-KM-002]") {
    for (std::uint32_t seed : {11U, 12U, 13U}) {
        const auto v = random_cohort(seed, 400, false);
        const auto k = km(v);
        const auto c = cif(v);
        REQUIRE(k.steps.size() == c.steps.size());
        for (std::size_t i = 0; i < k.steps.size(); ++i) {
            CHECK(c.steps[i].at_risk == k.steps[i].at_risk);
            CHECK(c.steps[i].estimate == Approx(1.0 - k.steps[i].estimate).margin(1e-13));
            CHECK(c.steps[i].standard_error == Approx(k.steps[i].standard_error).epsilon(1e-9).margin(1e-13));
            CHECK(c.steps[i].competing_estimate == 0.0);
        }
    }
}

TEST_CASE("the delta-method variance equals its unexpanded sums", "[FU-CIF-002]") {
    const auto v = random_cohort(21, 300, true);
    const auto c = cif(v);
    // Var F1(t) = sum_j (F(t)-F_j)^2 d_j/(n_j(n_j-d_j)) + S_j-1^2 d1_j (n_j-d1_j)/n_j^3
    //           - 2 (F(t)-F_j) S_j-1 d1_j/n_j^2, summed over days j <= t, written out directly.
    for (std::size_t t = 0; t < c.steps.size(); ++t) {
        double var = 0.0;
        double before = 1.0;
        for (std::size_t j = 0; j <= t; ++j) {
            const auto& s = c.steps[j];
            const double n = s.at_risk;
            const double d1 = s.events;
            const double d = s.events + s.competing_events;
            const double a = c.steps[t].estimate - s.estimate;
            if (d < n) {
                var += a * a * d / (n * (n - d));
            }
            var += before * before * d1 * (n - d1) / (n * n * n) - 2.0 * a * before * d1 / (n * n);
            before = s.event_free;
        }
        CHECK(c.steps[t].standard_error == Approx(std::sqrt(std::max(var, 0.0))).epsilon(1e-9).margin(1e-12));
    }
}

TEST_CASE("Kaplan-Meier: monotone, at-risk counts, limits inside [0, 1] under every transform", "[FU-KM-001][FU-KM-004]") {
    const auto v = random_cohort(31, 1000, false);
    for (auto t : hsct::values<f::survival_ci_transform>()) {
        const auto c = km(v, km_with(t));
        std::uint32_t expected_at_risk = 1000;
        double s = 1.0;
        for (const auto& st : c.steps) {
            CHECK(st.at_risk == expected_at_risk);
            expected_at_risk -= st.events + st.censored;
            CHECK(st.estimate <= s);
            s = st.estimate;
            CHECK(st.lower >= 0.0);
            CHECK(st.upper <= 1.0);
            CHECK(st.lower <= st.estimate);
            CHECK(st.upper >= st.estimate);
        }
        CHECK(c.totals.events + c.totals.censored == 1000);
    }
}

TEST_CASE("ties: events before censorings on the same day", "[FU-KM-003]") {
    // Day 5: two events and two censored among 6 at risk: S = 4/6, and the two censored leave after.
    const std::vector<observation> v = {ev(5), ev(5), cens(5), cens(5), ev(9), cens(12)};
    const auto c = km(v);
    REQUIRE(c.steps.size() == 3);
    CHECK(c.steps[0].at_risk == 6);
    CHECK(c.steps[0].events == 2);
    CHECK(c.steps[0].censored == 2);
    CHECK(c.steps[0].estimate == Approx(4.0 / 6.0).epsilon(1e-15));
    CHECK(c.steps[1].at_risk == 2);
    CHECK(c.steps[1].estimate == Approx(4.0 / 6.0 * 0.5).epsilon(1e-15));
    CHECK(c.steps[2].at_risk == 1);
    CHECK(c.steps[2].events == 0);
    CHECK(c.steps[2].estimate == c.steps[1].estimate);
}

TEST_CASE("all censored, one patient, Day 0, empty input", "[FU-KM-001][FU-KM-009][FU-CIF-001]") {
    SECTION("all censored: S stays 1 with se 0 and limits 1; no median") {
        const auto c = km({cens(3), cens(3), cens(40)});
        REQUIRE(c.steps.size() == 2);
        for (const auto& st : c.steps) {
            CHECK(st.estimate == 1.0);
            CHECK(st.standard_error == 0.0);
            CHECK(st.lower == 1.0);
            CHECK(st.upper == 1.0);
        }
        CHECK_FALSE(c.median);
        const auto i = cif({cens(3), cens(3), cens(40)});
        CHECK(i.steps.back().estimate == 0.0);
        CHECK(i.steps.back().upper == 0.0);
    }
    SECTION("one patient with the event on Day 0") {
        const auto c = km({ev(0)});
        REQUIRE(c.steps.size() == 1);
        CHECK(c.steps[0].day == transplant_day::at(0));
        CHECK(c.steps[0].at_risk == 1);
        CHECK(c.steps[0].estimate == 0.0);
        REQUIRE(c.median);
        CHECK(*c.median == transplant_day::at(0));
        const auto i = cif({ev(0)});
        CHECK(i.steps[0].estimate == 1.0);
        CHECK(i.steps[0].event_free == 0.0);
        CHECK(i.steps[0].standard_error == 0.0);
    }
    SECTION("one censored patient") {
        const auto c = km({cens(100)});
        REQUIRE(c.steps.size() == 1);
        CHECK(c.steps[0].estimate == 1.0);
        CHECK(c.estimate_at(transplant_day::at(36525)) == 1.0);
    }
    SECTION("empty: no steps, S = 1 and F = 0 everywhere, not an error") {
        const auto c = km({});
        CHECK(c.steps.empty());
        CHECK(c.totals.observations == 0);
        CHECK(c.estimate_at(transplant_day::at(10)) == 1.0);
        CHECK(c.step_at(transplant_day::at(10)) == nullptr);
        CHECK_FALSE(c.median);
        const auto i = cif({});
        CHECK(i.steps.empty());
        CHECK(i.estimate_at(transplant_day::at(10)) == 0.0);
    }
}

TEST_CASE("estimate_at is a step function: the value after the last step on or before the day", "[FU-KM-001]") {
    const auto c = km(six_mp());
    CHECK(c.estimate_at(transplant_day::at(0)) == 1.0);
    CHECK(c.estimate_at(transplant_day::at(5)) == 1.0);
    CHECK(c.estimate_at(transplant_day::at(6)) == Approx(18.0 / 21.0).epsilon(1e-15));
    CHECK(c.estimate_at(transplant_day::at(9)) == c.estimate_at(transplant_day::at(7)));
    CHECK(c.estimate_at(transplant_day::at(35)) == c.estimate_at(transplant_day::at(23)));
    CHECK(c.estimate_at(transplant_day::at(1000)) == c.estimate_at(transplant_day::at(23)));
    CHECK(c.step_at(transplant_day::at(-5)) == nullptr);
}

TEST_CASE("the median and its interval: 6-MP arm", "[FU-KM-007][Le-2003]") {
    // S(22) = .5378, S(23) = .4482 (Table 11.1): the median is week 23.
    const auto c = km(six_mp(), km_with(f::survival_ci_transform::log));
    REQUIRE(c.median);
    CHECK(*c.median == transplant_day::at(23));
    // Log limits (computed here, not printed by Le): the lower limit is first <= 0.5 on day 16
    // (.5096 on day 13, .4394 on day 16); the upper limit never falls below .8074: none.
    REQUIRE(c.median_lower);
    CHECK(*c.median_lower == transplant_day::at(16));
    CHECK_FALSE(c.median_upper);
    // A curve at exactly 0.5: the first day it gets there.
    const auto h = km({ev(4), ev(4), cens(9), cens(9)});
    REQUIRE(h.median);
    CHECK(*h.median == transplant_day::at(4));
    // Never at or below 0.5: not reached.
    CHECK_FALSE(km({ev(4), cens(9), cens(9)}).median);
}

TEST_CASE("a competing event in a Kaplan-Meier input: refused by default, read as censored on request",
          "[FU-KM-006]") {
    const std::vector<observation> v = {ev(3), cens(4), comp(5), ev(8), comp(9), cens(10)};
    SECTION("refuse: the first competing event, its index and what to use instead") {
        const auto r = f::kaplan_meier(v);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::not_allowed);
        CHECK(r.error().field() == "observations[2].status");
        CHECK(r.error().value() == "competing_event (D+5)");
        CHECK(r.error().valid_range().find("use cumulative_incidence") != std::string::npos);
        CHECK(r.error().requirement() == "FU-KM-006");
    }
    SECTION("treat as censored: same as censoring, counted; 1 - KM over-states the incidence") {
        f::kaplan_meier_options o;
        o.competing = f::competing_event_policy::treat_as_censored;
        const auto c = km(v, o);
        CHECK(c.totals.competing_as_censored == 2);
        CHECK(c.totals.censored == 4);
        CHECK(c.totals.events == 2);
        std::vector<observation> w = v;
        for (auto& x : w) {
            if (x.status == observation_status::competing_event) {
                x.status = observation_status::censored;
            }
        }
        const auto k = km(w);
        REQUIRE(k.steps.size() == c.steps.size());
        for (std::size_t i = 0; i < k.steps.size(); ++i) {
            CHECK(k.steps[i] == c.steps[i]);
        }
        const auto i = cif(v);
        for (int d = 0; d <= 10; ++d) {
            CHECK(1.0 - c.estimate_at(transplant_day::at(d)) >= i.estimate_at(transplant_day::at(d)) - 1e-15);
        }
        CHECK(1.0 - c.estimate_at(transplant_day::at(10)) > i.estimate_at(transplant_day::at(10)));
    }
}

TEST_CASE("bad input: each error names the field with its index, the value and the valid range",
          "[FU-KM-008][FU-CIF-004][FU-KM-005]") {
    SECTION("a day before Day 0") {
        std::vector<observation> v(20, cens(30));
        v[17] = ev(-3);
        const auto r = f::kaplan_meier(v);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == "observations[17].time");
        CHECK(r.error().value() == "D-3");
        CHECK(r.error().valid_range() == "D0 to D+36525 (Day 0 or later)");
        CHECK(r.error().requirement() == "FU-KM-008");
        const auto i = f::cumulative_incidence(v);
        REQUIRE_FALSE(i.has_value());
        CHECK(i.error().field() == "observations[17].time");
        CHECK(i.error().requirement() == "FU-CIF-004");
    }
    SECTION("an undeclared status number") {
        std::vector<observation> v = {ev(1), cens(2), obs(3, static_cast<observation_status>(7))};
        const auto r = f::kaplan_meier(v);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == "observations[2].status");
        CHECK(r.error().value() == "7");
        CHECK(r.error().valid_range().find("1 (censored)") != std::string::npos);
        CHECK(r.error().valid_range().find("3 (competing_event)") != std::string::npos);
        v[2].status = static_cast<observation_status>(0);
        const auto i = f::cumulative_incidence(v);
        REQUIRE_FALSE(i.has_value());
        CHECK(i.error().field() == "observations[2].status");
        CHECK(i.error().value() == "0");
    }
    SECTION("the first bad observation is the one named") {
        const std::vector<observation> v = {ev(1), obs(2, static_cast<observation_status>(9)), ev(-1)};
        CHECK(f::kaplan_meier(v).error().field() == "observations[1].status");
    }
    SECTION("undeclared options") {
        f::kaplan_meier_options o;
        o.transform = static_cast<f::survival_ci_transform>(0);
        CHECK(f::kaplan_meier(six_mp(), o).error().field() == "kaplan_meier.options.transform");
        o = {};
        o.competing = static_cast<f::competing_event_policy>(5);
        CHECK(f::kaplan_meier(six_mp(), o).error().field() == "kaplan_meier.options.competing");
        f::cumulative_incidence_options p;
        p.variance = static_cast<f::incidence_variance>(2);
        CHECK(f::cumulative_incidence(six_mp(), p).error().field() == "cumulative_incidence.options.variance");
        p = {};
        p.transform = static_cast<f::incidence_ci_transform>(3);
        CHECK(f::cumulative_incidence(six_mp(), p).error().field() == "cumulative_incidence.options.transform");
    }
    SECTION("a confidence level outside (0, 1), or not a number") {
        for (double bad : {0.0, 1.0, -0.5, 95.0}) {
            const auto r = f::confidence_level::make(bad, "kaplan_meier.options.level");
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code() == hsct::errc::out_of_range);
            CHECK(r.error().field() == "kaplan_meier.options.level");
            CHECK(r.error().valid_range() == "0 < level < 1 (e.g. 0.95)");
        }
        CHECK(f::confidence_level::make(95.0).error().value() == "95");
        const auto nan = f::confidence_level::make(std::nan(""));
        REQUIRE_FALSE(nan.has_value());
        CHECK(nan.error().code() == hsct::errc::not_finite);
        CHECK(nan.error().field() == "confidence_level");
        CHECK(nan.error().value() == "nan");
        CHECK(f::confidence_level::make(std::numeric_limits<double>::infinity()).error().code() == hsct::errc::not_finite);
    }
}

TEST_CASE("confidence level and the normal quantile (AS 241)", "[FU-KM-005][Wichura-1988]") {
    CHECK(f::confidence_level{}.value() == 0.95);
    // Reference values: CPython's statistics.NormalDist().inv_cdf, the same algorithm.
    CHECK(f::confidence_level{}.z() == Approx(1.9599639845400536).epsilon(1e-15));
    CHECK(f::confidence_level::make(0.99)->z() == Approx(2.5758293035489).epsilon(1e-14));
    CHECK(f::confidence_level::make(0.90)->z() == Approx(1.6448536269514715).epsilon(1e-14));
    CHECK(f::confidence_level::make(0.80)->z() == Approx(1.2815515655446008).epsilon(1e-14));
    namespace ds = f::detail::survival;
    CHECK(ds::normal_quantile(0.5) == 0.0);
    CHECK(ds::normal_quantile(1e-10) == Approx(-6.361340902404056).epsilon(1e-14));    // r > 5
    CHECK(ds::normal_quantile(0.02425) == Approx(-1.9729610513118845).epsilon(1e-14));  // r <= 5
    CHECK(ds::normal_quantile(0.3) == Approx(-0.5244005127080407).epsilon(1e-14));      // central
    CHECK(ds::normal_quantile(0.08) == Approx(-1.4050715603096322).epsilon(1e-14));
    // A wider level widens the interval.
    f::kaplan_meier_options o;
    o.level = *f::confidence_level::make(0.99);
    const auto wide = km(six_mp(), o);
    const auto normal = km(six_mp());
    CHECK(wide.steps[2].lower < normal.steps[2].lower);
    CHECK(wide.steps[2].upper > normal.steps[2].upper);
    CHECK(wide.options.level.value() == 0.99);
}

TEST_CASE("cumulative incidence limits: log(-log) inside (0, 1); plain is F -+ z se", "[FU-CIF-003]") {
    const auto v = random_cohort(41, 200, true);
    const auto ll = cif(v);
    f::cumulative_incidence_options o;
    o.transform = f::incidence_ci_transform::plain;
    const auto pl = cif(v, o);
    REQUIRE(ll.steps.size() == pl.steps.size());
    for (std::size_t i = 0; i < ll.steps.size(); ++i) {
        const auto& s = pl.steps[i];
        CHECK(s.lower == Approx(std::max(0.0, s.estimate - 1.959963984540054 * s.standard_error)).margin(1e-15));
        CHECK(s.upper == Approx(std::min(1.0, s.estimate + 1.959963984540054 * s.standard_error)).margin(1e-15));
        if (ll.steps[i].estimate > 0.0) {
            CHECK(ll.steps[i].lower > 0.0);
            CHECK(ll.steps[i].upper < 1.0);
        }
    }
}

// Rodriguez G, "Kaplan-Meier and Mantel-Haenszel" (the Gehan data), Princeton WWS 509 course
// pages, grodri.github.io/survival/gehan: Stata's `sts list` (log-log limits, Stata's default) and
// R survival's `summary(survfit(...))` (log limits, R's default) printed for both arms with
// Greenwood's standard error. Every printed figure is reproduced to the printed places.
struct printed_row {
    int day;
    unsigned at_risk;
    unsigned events;
    double estimate;   // 4 places
    double se;         // 4 places
    double lower_loglog;  // Stata, 4 places
    double upper_loglog;
};

TEST_CASE("Gehan's two arms: estimates, Greenwood standard errors and log-log limits as Stata prints them",
          "[follow_up][FU-KM-001][FU-KM-002][FU-KM-003][FU-KM-004][Rodriguez-Gehan]") {
    // treated (6-MP): relapses 6 x3, 7, 10, 13, 16, 22, 23; censored 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35
    std::vector<observation> treated;
    for (int d : {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
        treated.push_back(ev(d));
    }
    for (int d : {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
        treated.push_back(cens(d));
    }
    const printed_row treated_rows[] = {
        {6, 21, 3, 0.8571, 0.0764, 0.6197, 0.9516},  {7, 17, 1, 0.8067, 0.0869, 0.5631, 0.9228},
        {9, 16, 0, 0.8067, 0.0869, 0.5631, 0.9228},  {10, 15, 1, 0.7529, 0.0963, 0.5032, 0.8894},
        {11, 13, 0, 0.7529, 0.0963, 0.5032, 0.8894}, {13, 12, 1, 0.6902, 0.1068, 0.4316, 0.8491},
        {16, 11, 1, 0.6275, 0.1141, 0.3675, 0.8049}, {17, 10, 0, 0.6275, 0.1141, 0.3675, 0.8049},
        {19, 9, 0, 0.6275, 0.1141, 0.3675, 0.8049},  {20, 8, 0, 0.6275, 0.1141, 0.3675, 0.8049},
        {22, 7, 1, 0.5378, 0.1282, 0.2678, 0.7468},  {23, 6, 1, 0.4482, 0.1346, 0.1881, 0.6801},
        {25, 5, 0, 0.4482, 0.1346, 0.1881, 0.6801},  {32, 4, 0, 0.4482, 0.1346, 0.1881, 0.6801},
        {34, 2, 0, 0.4482, 0.1346, 0.1881, 0.6801},  {35, 1, 0, 0.4482, 0.1346, 0.1881, 0.6801},
    };
    // control: 21 relapses, no censoring
    std::vector<observation> control;
    for (int d : {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}) {
        control.push_back(ev(d));
    }
    const printed_row control_rows[] = {
        {1, 21, 2, 0.9048, 0.0641, 0.6700, 0.9753},  {2, 19, 2, 0.8095, 0.0857, 0.5689, 0.9239},
        {3, 17, 1, 0.7619, 0.0929, 0.5194, 0.8933},  {4, 16, 2, 0.6667, 0.1029, 0.4254, 0.8250},
        {5, 14, 2, 0.5714, 0.1080, 0.3380, 0.7492},  {8, 12, 4, 0.3810, 0.1060, 0.1831, 0.5778},
        {11, 8, 2, 0.2857, 0.0986, 0.1166, 0.4818},  {12, 6, 2, 0.1905, 0.0857, 0.0595, 0.3774},
        {15, 4, 1, 0.1429, 0.0764, 0.0357, 0.3212},  {17, 3, 1, 0.0952, 0.0641, 0.0163, 0.2612},
        {22, 2, 1, 0.0476, 0.0465, 0.0033, 0.1970},
    };
    const auto check_arm = [](const std::vector<observation>& arm, std::span<const printed_row> rows) {
        f::kaplan_meier_options o;
        o.transform = f::survival_ci_transform::log_log;
        const auto km = f::kaplan_meier(arm, o);
        REQUIRE(km);
        for (const printed_row& row : rows) {
            CAPTURE(row.day);
            const auto* st = km->step_at(transplant_day::at(row.day));
            REQUIRE(st != nullptr);
            CHECK(st->day.number() == row.day);
            CHECK(st->at_risk == row.at_risk);
            CHECK(st->events == row.events);
            CHECK(rounded(st->estimate, 4) == rounded(row.estimate, 4));
            CHECK(rounded(st->standard_error, 4) == rounded(row.se, 4));
            CHECK(rounded(st->lower, 4) == rounded(row.lower_loglog, 4));
            CHECK(rounded(st->upper, 4) == rounded(row.upper_loglog, 4));
        }
    };
    check_arm(treated, treated_rows);
    check_arm(control, control_rows);
    // the control arm ends at 0 on week 23 (Stata prints no error or limits there)
    const auto all = f::kaplan_meier(control);
    REQUIRE(all);
    CHECK(all->estimate_at(transplant_day::at(23)) == 0.0);
}

TEST_CASE("Gehan's two arms: log limits as R survival prints them", "[follow_up][FU-KM-004][Rodriguez-Gehan]") {
    std::vector<observation> treated;
    for (int d : {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
        treated.push_back(ev(d));
    }
    for (int d : {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
        treated.push_back(cens(d));
    }
    f::kaplan_meier_options o;
    o.transform = f::survival_ci_transform::log;
    const auto km = f::kaplan_meier(treated, o);
    REQUIRE(km);
    // R prints three places here: time, lower, upper (the upper limit kept at 1)
    const double rows[][3] = {{6, 0.720, 1.000}, {7, 0.653, 0.996}, {10, 0.586, 0.968}, {13, 0.510, 0.935},
                              {16, 0.439, 0.896}, {22, 0.337, 0.858}, {23, 0.249, 0.807}};
    for (const auto& row : rows) {
        CAPTURE(row[0]);
        const auto* st = km->step_at(transplant_day::at(static_cast<int>(row[0])));
        REQUIRE(st != nullptr);
        CHECK(rounded(st->lower, 3) == rounded(row[1], 3));
        CHECK(rounded(st->upper, 3) == rounded(row[2], 3));
    }
    // the control arm, printed to five places for the lower limit
    std::vector<observation> control;
    for (int d : {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}) {
        control.push_back(ev(d));
    }
    const auto c = f::kaplan_meier(control, o);
    REQUIRE(c);
    const double lower5[][2] = {{1, 0.78754}, {2, 0.65785}, {3, 0.59988}, {4, 0.49268}, {5, 0.39455}, {8, 0.22085},
                                {11, 0.14529}, {12, 0.07887}, {15, 0.05011}, {17, 0.02549}, {22, 0.00703}};
    for (const auto& row : lower5) {
        CAPTURE(row[0]);
        const auto* st = c->step_at(transplant_day::at(static_cast<int>(row[0])));
        REQUIRE(st != nullptr);
        CHECK(rounded(st->lower, 5) == rounded(row[1], 5));
    }
}

}  // namespace hsct_test_follow_up_survival_test
