// Tests for include/hsct/complications/engraftment_syndrome.hpp: Spitzer 2001 (each threshold below,
// at and above under both comparisons, in each unit it is printed in and in the other units hsct
// reads; the count rule; the window under both policies) and Maiolino 2003 (primary and handbook
// readings, its window, its fever threshold option), the reference note's worked examples ES-1..3,
// the engraftment day taken from hsct::engraftment, missing inputs as values, bad input as errors,
// and no allocation.
#include <hsct/complications/engraftment_syndrome.hpp>
#include <hsct/engraftment/neutrophil.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "support/catch.hpp"
#include "support/complication_points.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_engraftment_syndrome_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::outcome;
using hsct::transplant_day;
using SC = c::spitzer_criterion;
using MC = c::maiolino_criterion;
using ES = c::es_sign;

using hsct_test::celsius;
using hsct_test::quiet;

namespace {

// Fever (38.6), rash (30 %, no drug) and non-cardiogenic pulmonary oedema: Spitzer's three majors.
c::es_observation three_majors(int day) {
    auto o = quiet(day);
    o.temperature = celsius(38.6);
    o.rash_bsa = hsct::percent(30.0, u::pct);
    o.pulmonary_infiltrates = true;
    o.hypoxia = true;
    return o;
}

// Fever and rash: two majors, nothing else.
c::es_observation two_majors(int day) {
    auto o = three_majors(day);
    o.pulmonary_infiltrates = false;
    o.hypoxia = false;
    return o;
}

c::engraftment_syndrome_input input(const std::vector<c::es_observation>& v, std::optional<int> engraftment = 11) {
    c::engraftment_syndrome_input in;
    in.observations = v;
    if (engraftment) {
        in.engraftment_day = transplant_day::at(*engraftment);
    }
    in.baseline_weight = hsct::mass(70.0, u::kg);
    in.baseline_creatinine = hsct::creatinine(1.0, u::mg_per_dl);
    return in;
}

c::spitzer_es_result spitzer(const std::vector<c::es_observation>& v, const c::spitzer_es_options& o = {},
                             std::optional<int> engraftment = 11) {
    const auto r = c::assess_spitzer_es(input(v, engraftment), o);
    REQUIRE(r.has_value());
    return *r;
}

c::maiolino_es_result maiolino(const std::vector<c::es_observation>& v, const c::maiolino_es_options& o = {},
                               std::optional<int> engraftment = 11) {
    const auto r = c::assess_maiolino_es(input(v, engraftment), o);
    REQUIRE(r.has_value());
    return *r;
}

template <class Id, class R>
std::optional<hsct::criterion<Id>> item(const R& r, Id id) {
    for (const auto& d : r.criteria) {
        if (d.criterion.id == id) {
            return d.criterion;
        }
    }
    return std::nullopt;
}

template <class Id, class R>
outcome item_outcome(const R& r, Id id) {
    const auto k = item(r, id);
    REQUIRE(k.has_value());
    return k->result;
}

std::optional<int> num(const std::optional<transplant_day>& d) {
    return d ? std::optional<int>(d->number()) : std::nullopt;
}

c::spitzer_es_options above() {
    c::spitzer_es_options o;
    o.comparison = c::spitzer_comparison::above;
    return o;
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Worked examples (reference note section 8.10; digest 10.8)
// ------------------------------------------------------------------------------------------------

TEST_CASE("engraftment syndrome: ES-1: engraftment D+11; on D+12 fever 38.6, rash 30 % (no drug), weight +3 %: Spitzer ES, Maiolino ES",
          "[ES-1][Spitzer-2001][Maiolino-2003][HB24-42][COMP-ES-001][COMP-ES-010]") {
    auto d12 = two_majors(12);
    d12.weight = hsct::mass(72.1, u::kg);  // +3 % of 70 kg
    const auto s = spitzer({d12});
    CHECK(s.status == c::es_status::met);
    CHECK(num(s.diagnosis_day) == 12);
    CHECK(s.majors == 2);
    CHECK(s.minors == 1);
    CHECK(num(s.window_first) == 7);
    CHECK(num(s.window_last) == 15);
    REQUIRE(s.days.size() == 1);
    CHECK(s.days[0].in_window);
    CHECK(s.days[0].met.contains(ES::fever));
    CHECK(s.days[0].met.contains(ES::rash));
    CHECK(s.days[0].met.contains(ES::weight_gain));
    CHECK_FALSE(s.days[0].met.contains(ES::pulmonary));
    const auto w = item(s, SC::weight_gain);
    REQUIRE(w.has_value());
    CHECK(w->measured.number() == Approx(3.0));
    CHECK(w->result == outcome::met);
    CHECK_FALSE(w->verified);  // the comparison is a [C] policy
    const auto t = item(s, SC::temperature);
    REQUIRE(t.has_value());
    CHECK(t->measured.number() == Approx(38.6));
    CHECK(t->threshold == 38.3);
    CHECK(t->cmp == hsct::comparator::greater_equal);
    CHECK(item(s, SC::rash_extent)->verified);
    const auto m = maiolino({d12});
    CHECK(m.status == c::es_status::met);
    CHECK(num(m.diagnosis_day) == 12);
    CHECK(m.days[0].met.contains(ES::fever));
    CHECK(m.days[0].met.contains(ES::rash));
}

TEST_CASE("engraftment syndrome: ES-1's engraftment day from hsct::engraftment: the first of two consecutive days with ANC >= 0.5",
          "[ES-1][COMP-ES-003][Spitzer-2001][ENG-NEUT-001]") {
    namespace e = hsct::engraftment;
    std::vector<e::count_record<hsct::anc>> anc;
    for (const auto& [d, v] : {std::pair{5, 0.05}, std::pair{8, 0.1}, std::pair{10, 0.3}, std::pair{11, 0.6},
                               std::pair{12, 0.9}}) {
        anc.push_back({transplant_day::at(d), hsct::anc(v, u::giga_per_l)});
    }
    const auto series = e::consolidate<hsct::anc>(anc);
    REQUIRE(series.has_value());
    e::neutrophil_options two;
    two.run_length = 2;
    const auto n = e::assess_neutrophil_engraftment(*series, two);
    REQUIRE(n.has_value());
    REQUIRE(n->day.has_value());
    CHECK(n->day->number() == 11);
    auto d12 = two_majors(12);
    d12.weight = hsct::mass(72.1, u::kg);
    const std::vector v{d12};
    auto in = input(v);
    in.engraftment_day = n->day;
    const auto s = c::assess_spitzer_es(in);
    REQUIRE(s.has_value());
    CHECK(s->status == c::es_status::met);
}

TEST_CASE("engraftment syndrome: ES-2: fever 38.5 with 3 liquid stools a day, cultures negative: Spitzer no (1 major), Maiolino ES",
          "[ES-2][Spitzer-2001][Maiolino-2003][COMP-ES-001][COMP-ES-010]") {
    auto d = quiet(12);
    d.temperature = celsius(38.5);
    d.liquid_stools = 3;
    const auto s = spitzer({d});
    CHECK(s.status == c::es_status::not_met);
    CHECK(s.majors == 1);
    CHECK(s.minors == 0);
    const auto m = maiolino({d});
    CHECK(m.status == c::es_status::met);
    CHECK(m.days[0].met.contains(ES::diarrhoea));
    CHECK(item(m, MC::liquid_stools)->measured.number() == 3.0);
}

TEST_CASE("engraftment syndrome: ES-3: fever exactly 38.3, pulmonary oedema, creatinine 2.0 x on D+17 with engraftment D+11",
          "[ES-3][Spitzer-2001][Maiolino-2003][COMP-ES-003][COMP-ES-004][COMP-ES-010]") {
    auto d = quiet(17);
    d.temperature = celsius(38.3);
    d.infection_identified = false;  // the note's answer (Maiolino ES) takes the fever as non-infectious
    d.pulmonary_infiltrates = true;
    d.hypoxia = true;
    d.creatinine = hsct::creatinine(2.0, u::mg_per_dl);
    c::spitzer_es_options after;
    after.window = c::spitzer_window::after_96h;
    for (const auto& o : {c::spitzer_es_options{}, after}) {
        const auto s = spitzer({d}, o);
        CHECK(s.status == c::es_status::no_observations_in_window);  // D+17 is 6 days after: not ES
        CHECK_FALSE(s.diagnosis_day.has_value());
        // the criteria themselves hold (2 major + 1 minor), outside the window
        CHECK(num(s.met_outside_window) == 17);
        CHECK(num(s.evidence_day) == 17);
        CHECK(s.majors == 2);
        CHECK(s.minors == 1);
        CHECK_FALSE(s.days[0].in_window);
    }
    // under the strict reading 38.3 is no fever and 2.0 x no renal criterion
    const auto strict = spitzer({d}, above());
    CHECK_FALSE(strict.met_outside_window.has_value());
    const auto m = maiolino({d});
    CHECK(m.status == c::es_status::met);
    CHECK(num(m.diagnosis_day) == 17);
    CHECK(m.days[0].met.contains(ES::pulmonary));
}

// ------------------------------------------------------------------------------------------------
// Spitzer: thresholds, count, window
// ------------------------------------------------------------------------------------------------

TEST_CASE("engraftment syndrome: Spitzer fever 38.3 C below, at and above, at least (default) or above, in C and F",
          "[COMP-ES-001][COMP-ES-002][Spitzer-2001][C]") {
    for (const auto& [t, ge, gt] : {std::tuple{38.2, false, false}, std::tuple{38.3, true, false},
                                    std::tuple{38.4, true, true}}) {
        INFO(t << " C");
        auto d = quiet(12);
        d.temperature = celsius(t);
        CHECK((item_outcome(spitzer({d}), SC::temperature) == outcome::met) == ge);
        CHECK((item_outcome(spitzer({d}, above()), SC::temperature) == outcome::met) == gt);
        d.temperature = *c::body_temperature::make(t * 9.0 / 5.0 + 32.0, c::temperature_unit::fahrenheit);
        CHECK((item_outcome(spitzer({d}), SC::temperature) == outcome::met) == ge);
        CHECK((item_outcome(spitzer({d}, above()), SC::temperature) == outcome::met) == gt);
        CHECK(spitzer({d}).days[0].met.contains(ES::fever) == ge);
    }
    // printed F values: 100.94 F is 38.3 C
    auto d = quiet(12);
    d.temperature = *c::body_temperature::make(100.94, c::temperature_unit::fahrenheit);
    CHECK(item_outcome(spitzer({d}), SC::temperature) == outcome::met);
    CHECK(item_outcome(spitzer({d}, above()), SC::temperature) == outcome::not_met);
}

TEST_CASE("engraftment syndrome: Spitzer rash: above 25 % BSA in every source (25 no, 25.1 yes)", "[COMP-ES-001][Spitzer-2001][HB24-42]") {
    for (const auto& [bsa, want] : {std::tuple{24.9, false}, std::tuple{25.0, false}, std::tuple{25.1, true}}) {
        INFO(bsa << " %");
        auto d = quiet(12);
        d.rash_bsa = hsct::percent(bsa, u::pct);
        for (const auto& o : {c::spitzer_es_options{}, above()}) {
            const auto s = spitzer({d}, o);
            CHECK((item_outcome(s, SC::rash_extent) == outcome::met) == want);
            CHECK(s.days[0].met.contains(ES::rash) == want);
        }
    }
}

TEST_CASE("engraftment syndrome: Spitzer hepatic: bilirubin 2 mg/dL (34.2 umol/L) and transaminases 2 x ULN, at least or above",
          "[COMP-ES-001][COMP-ES-002][Spitzer-2001][C]") {
    for (const auto& [mg, ge, gt] : {std::tuple{1.9, false, false}, std::tuple{2.0, true, false},
                                     std::tuple{2.1, true, true}}) {
        INFO(mg << " mg/dL");
        auto d = quiet(12);
        d.bilirubin = hsct::bilirubin(mg, u::mg_per_dl);
        CHECK(spitzer({d}).days[0].met.contains(ES::hepatic) == ge);
        CHECK(spitzer({d}, above()).days[0].met.contains(ES::hepatic) == gt);
    }
    for (const auto& [umol, ge, gt] : {std::tuple{34.1, false, false}, std::tuple{34.2, true, false},
                                       std::tuple{34.3, true, true}}) {
        INFO(umol << " umol/L");
        auto d = quiet(12);
        d.bilirubin = hsct::bilirubin(umol, u::umol_per_l);
        const auto s = spitzer({d});
        CHECK((item_outcome(s, SC::bilirubin) == outcome::met) == ge);
        CHECK(item(s, SC::bilirubin)->measured.number() == Approx(umol / 17.1));  // staged in mg/dL
        CHECK((item_outcome(spitzer({d}, above()), SC::bilirubin) == outcome::met) == gt);
    }
    for (const auto& [x, ge, gt] : {std::tuple{1.9, false, false}, std::tuple{2.0, true, false},
                                    std::tuple{2.1, true, true}}) {
        INFO(x << " x ULN");
        auto d = quiet(12);
        d.ast = *hsct::lab_with_uln<hsct::ast>::from_multiple(x);  // the higher of ALT and AST
        CHECK(spitzer({d}).days[0].met.contains(ES::hepatic) == ge);
        CHECK(spitzer({d}, above()).days[0].met.contains(ES::hepatic) == gt);
        d.ast.reset();
        d.alt = *hsct::lab_with_uln<hsct::alt>::make(hsct::alt(40.0 * x, u::u_per_l), hsct::alt(40.0, u::u_per_l));
        CHECK((item_outcome(spitzer({d}), SC::transaminases) == outcome::met) == ge);
    }
    // neither transaminase: unknown; bilirubin normal: hepatic unknown
    auto d = quiet(12);
    d.alt.reset();
    d.ast.reset();
    const auto s = spitzer({d});
    CHECK(item_outcome(s, SC::transaminases) == outcome::unknown);
    CHECK(s.days[0].unknown.contains(ES::hepatic));
    CHECK(s.missing.contains(c::es_field::transaminases));
}

TEST_CASE("engraftment syndrome: Spitzer renal: creatinine 2 x baseline, in mg/dL and umol/L, at least or above",
          "[COMP-ES-001][COMP-ES-002][Spitzer-2001][C]") {
    for (const auto& [x, ge, gt] : {std::tuple{1.9, false, false}, std::tuple{2.0, true, false},
                                    std::tuple{2.1, true, true}}) {
        INFO(x << " x baseline");
        auto d = quiet(12);
        d.creatinine = hsct::creatinine(x, u::mg_per_dl);
        CHECK(spitzer({d}).days[0].met.contains(ES::renal) == ge);
        CHECK(spitzer({d}, above()).days[0].met.contains(ES::renal) == gt);
        d.creatinine = hsct::creatinine(88.4 * x, u::umol_per_l);
        std::vector v{d};
        auto in = input(v);
        in.baseline_creatinine = hsct::creatinine(88.4, u::umol_per_l);
        const auto r = c::assess_spitzer_es(in);
        REQUIRE(r.has_value());
        CHECK(r->days[0].met.contains(ES::renal) == ge);
        CHECK(item(*r, SC::creatinine_ratio)->measured.number() == Approx(x));
    }
}

TEST_CASE("engraftment syndrome: Spitzer weight gain 2.5 % of baseline below, at and above, in kg and lb, at least or above",
          "[COMP-ES-001][COMP-ES-002][Spitzer-2001][C]") {
    for (const auto& [pct, ge, gt] : {std::tuple{2.4, false, false}, std::tuple{2.5, true, false},
                                      std::tuple{2.6, true, true}}) {
        INFO(pct << " %");
        auto d = quiet(12);
        d.weight = hsct::mass(70.0 * (1.0 + pct / 100.0), u::kg);
        CHECK(spitzer({d}).days[0].met.contains(ES::weight_gain) == ge);
        CHECK(spitzer({d}, above()).days[0].met.contains(ES::weight_gain) == gt);
        d.weight = hsct::mass(200.0 + 2.0 * pct, u::lb);
        std::vector v{d};
        auto in = input(v);
        in.baseline_weight = hsct::mass(200.0, u::lb);
        const auto r = c::assess_spitzer_es(in);
        REQUIRE(r.has_value());
        CHECK(r->days[0].met.contains(ES::weight_gain) == ge);
    }
}

TEST_CASE("engraftment syndrome: Spitzer count: 3 major, or 2 major and 1 minor; 2 major alone and 1 major with minors are not ES",
          "[COMP-ES-001][Spitzer-2001][HB24-42]") {
    CHECK(spitzer({three_majors(12)}).status == c::es_status::met);
    const auto two = spitzer({two_majors(12)});
    CHECK(two.status == c::es_status::not_met);
    CHECK(two.majors == 2);
    for (const auto minor : {ES::hepatic, ES::renal, ES::weight_gain, ES::encephalopathy}) {
        auto d = two_majors(12);
        if (minor == ES::hepatic) {
            d.bilirubin = hsct::bilirubin(3.0, u::mg_per_dl);
        } else if (minor == ES::renal) {
            d.creatinine = hsct::creatinine(2.5, u::mg_per_dl);
        } else if (minor == ES::weight_gain) {
            d.weight = hsct::mass(75.0, u::kg);
        } else {
            d.encephalopathy = true;
        }
        INFO(id(minor));
        const auto s = spitzer({d});
        CHECK(s.status == c::es_status::met);
        CHECK(s.minors == 1);
    }
    auto one = quiet(12);
    one.temperature = celsius(39.0);
    one.bilirubin = hsct::bilirubin(3.0, u::mg_per_dl);
    one.creatinine = hsct::creatinine(2.5, u::mg_per_dl);
    one.weight = hsct::mass(75.0, u::kg);
    one.encephalopathy = true;
    const auto s = spitzer({one});
    CHECK(s.status == c::es_status::not_met);
    CHECK(s.majors == 1);
    CHECK(s.minors == 4);
}

TEST_CASE("engraftment syndrome: Spitzer exclusions: infection, a drug, GVHD on histology, another pulmonary cause; absent statements",
          "[COMP-ES-005][Spitzer-2001][HB24-42]") {
    auto d = three_majors(12);
    d.infection_identified = true;
    CHECK(spitzer({d}).status == c::es_status::not_met);
    CHECK(item_outcome(spitzer({d}), SC::infection) == outcome::met);
    d = three_majors(12);
    d.rash_drug_attributed = true;
    CHECK_FALSE(spitzer({d}).days[0].met.contains(ES::rash));
    d = three_majors(12);
    d.rash_acute_gvhd_on_histology = true;
    CHECK_FALSE(spitzer({d}).days[0].met.contains(ES::rash));
    d.rash_acute_gvhd_on_histology = false;
    CHECK(spitzer({d}).days[0].met.contains(ES::rash));
    d = three_majors(12);
    d.pulmonary_other_cause = true;
    CHECK_FALSE(spitzer({d}).days[0].met.contains(ES::pulmonary));
    d = three_majors(12);
    d.hypoxia = false;  // infiltrates without hypoxia: not Spitzer's oedema
    CHECK_FALSE(spitzer({d}).days[0].met.contains(ES::pulmonary));
    // not stated: unknown (a value), with the input named
    d = three_majors(12);
    d.infection_identified.reset();
    const auto s = spitzer({d});
    CHECK(s.status == c::es_status::unknown);
    CHECK(s.days[0].unknown.contains(ES::fever));
    CHECK(s.missing.contains(c::es_field::infection));
    // no histology: no histological GVHD
    d = three_majors(12);
    d.rash_acute_gvhd_on_histology.reset();
    CHECK(spitzer({d}).status == c::es_status::met);
}

TEST_CASE("engraftment syndrome: Spitzer window: E-5 out, E-4 in, E+4 in, E+5 out (symmetric); after only: E-1 out, E in",
          "[COMP-ES-003][Spitzer-2001][HB24-42][C]") {
    c::spitzer_es_options after;
    after.window = c::spitzer_window::after_96h;
    for (const auto& [offset, symmetric, after_only] :
         {std::tuple{-5, false, false}, std::tuple{-4, true, false}, std::tuple{-1, true, false},
          std::tuple{0, true, true}, std::tuple{4, true, true}, std::tuple{5, false, false}}) {
        INFO("E" << offset);
        const std::vector v{three_majors(20 + offset)};
        const auto s = spitzer(v, {}, 20);
        CHECK((s.status == c::es_status::met) == symmetric);
        CHECK((spitzer(v, after, 20).status == c::es_status::met) == after_only);
        if (!symmetric) {
            CHECK(s.status == c::es_status::no_observations_in_window);
            CHECK(num(s.met_outside_window) == 20 + offset);
        }
    }
    // the first day in the window that meets is the diagnosis day; days outside are listed
    const std::vector v{quiet(10), two_majors(13), three_majors(14), three_majors(16), quiet(30)};
    const auto s = spitzer(v, {}, 11);
    CHECK(num(s.diagnosis_day) == 14);
    REQUIRE(s.days.size() == 5);
    CHECK(s.days[0].in_window);
    CHECK_FALSE(s.days[4].in_window);
    // the window starts no earlier than Day 0
    CHECK(num(spitzer({three_majors(1)}, {}, 2).window_first) == 0);
    // not engrafted: the rule does not apply yet
    const auto n = spitzer({three_majors(12)}, {}, std::nullopt);
    CHECK(n.status == c::es_status::not_engrafted);
    CHECK(n.days.empty());
}

// ------------------------------------------------------------------------------------------------
// Maiolino
// ------------------------------------------------------------------------------------------------

TEST_CASE("engraftment syndrome: Maiolino window: from 24 h before recovery onward (R-2 out, R-1 in, R+30 in)",
          "[COMP-ES-010][Maiolino-2003][V2]") {
    for (const auto& [offset, want] : {std::tuple{-2, false}, std::tuple{-1, true}, std::tuple{0, true},
                                       std::tuple{30, true}}) {
        INFO("R" << offset);
        const auto m = maiolino({two_majors(20 + offset)}, {}, 20);
        CHECK((m.status == c::es_status::met) == want);
        if (!want) {
            CHECK(m.status == c::es_status::no_observations_in_window);
        }
    }
    CHECK(num(maiolino({two_majors(20)}, {}, 20).window_first) == 19);
    CHECK(maiolino({two_majors(12)}, {}, std::nullopt).status == c::es_status::not_engrafted);
}

TEST_CASE("engraftment syndrome: Maiolino diarrhoea: 2 liquid stools a day (1 no, 2 yes) without a microbiological cause",
          "[COMP-ES-010][Maiolino-2003][V2]") {
    for (const auto& [n, want] : {std::tuple{1, false}, std::tuple{2, true}, std::tuple{3, true}}) {
        INFO(n << " a day");
        auto d = quiet(12);
        d.temperature = celsius(38.5);
        d.liquid_stools = static_cast<std::uint8_t>(n);
        const auto m = maiolino({d});
        CHECK((m.status == c::es_status::met) == want);
        CHECK(m.days[0].met.contains(ES::diarrhoea) == want);
        d.stool_infection_identified = true;
        CHECK_FALSE(maiolino({d}).days[0].met.contains(ES::diarrhoea));
    }
}

TEST_CASE("engraftment syndrome: Maiolino: fever plus any one of rash (any extent), pulmonary infiltrates, diarrhoea; weight not retained",
          "[COMP-ES-010][Maiolino-2003][A2-2]") {
    auto d = quiet(12);
    d.temperature = celsius(38.5);
    CHECK(maiolino({d}).status == c::es_status::not_met);  // fever alone
    d.rash_bsa = hsct::percent(0.5, u::pct);
    CHECK(maiolino({d}).status == c::es_status::met);
    d.rash_bsa = hsct::percent(0.0, u::pct);
    d.pulmonary_infiltrates = true;  // no hypoxia needed in the primary reading
    CHECK(maiolino({d}).status == c::es_status::met);
    d.pulmonary_infiltrates = false;
    d.weight = hsct::mass(80.0, u::kg);  // +14 %: not a criterion of the paper
    CHECK(maiolino({d}).status == c::es_status::not_met);
    CHECK_FALSE(item(maiolino({d}), MC::weight_gain).has_value());
    // the rash without fever is not ES
    auto r = quiet(12);
    r.rash_bsa = hsct::percent(40.0, u::pct);
    CHECK(maiolino({r}).status == c::es_status::not_met);
    // an infection rules the fever out
    d.rash_bsa = hsct::percent(10.0, u::pct);
    d.infection_identified = true;
    CHECK(maiolino({d}).status == c::es_status::not_met);
    d.infection_identified.reset();
    CHECK(maiolino({d}).status == c::es_status::unknown);
}

TEST_CASE("engraftment syndrome: Maiolino, the handbook's table reading: rash over 25 %, weight over 3 %, oedema with hypoxia",
          "[COMP-ES-012][HB24-42][A2-2][K8]") {
    c::maiolino_es_options hb;
    hb.reading = c::maiolino_reading::handbook_2024;
    for (const auto& [bsa, want] : {std::tuple{25.0, false}, std::tuple{25.1, true}}) {
        auto d = quiet(12);
        d.temperature = celsius(38.5);
        d.rash_bsa = hsct::percent(bsa, u::pct);
        CHECK((maiolino({d}, hb).status == c::es_status::met) == want);
        CHECK(maiolino({d}).status == c::es_status::met);  // any rash in the primary reading
    }
    for (const auto& [pct, want] : {std::tuple{3.0, false}, std::tuple{3.1, true}}) {
        INFO(pct << " %");
        auto d = quiet(12);
        d.temperature = celsius(38.5);
        d.weight = hsct::mass(70.0 * (1.0 + pct / 100.0), u::kg);
        const auto m = maiolino({d}, hb);
        CHECK((m.status == c::es_status::met) == want);
        CHECK((item_outcome(m, MC::weight_gain) == outcome::met) == want);
    }
    auto d = quiet(12);
    d.temperature = celsius(38.5);
    d.pulmonary_infiltrates = true;
    CHECK(maiolino({d}, hb).status == c::es_status::not_met);  // no hypoxia
    d.hypoxia = true;
    CHECK(maiolino({d}, hb).status == c::es_status::met);
    CHECK(std::string_view(item(maiolino({d}, hb), MC::hypoxia)->requirement) == "COMP-ES-012");
}

TEST_CASE("engraftment syndrome: Maiolino handbook reading: a weight gain of exactly 3 % is not above 3 %",
          "[COMP-ES-012][HB24-42]") {
    c::maiolino_es_options hb;
    hb.reading = c::maiolino_reading::handbook_2024;
    for (const auto& [kg, want] : {std::tuple{103.0, outcome::not_met}, std::tuple{103.1, outcome::met}}) {
        INFO(kg << " kg on a baseline of 100 kg");
        auto d = quiet(12);
        d.temperature = celsius(38.5);
        d.weight = hsct::mass(kg, u::kg);
        const std::vector v{d};  // the input views the observations: they outlive it
        auto in = input(v);
        in.baseline_weight = hsct::mass(100.0, u::kg);
        const auto r = c::assess_maiolino_es(in, hb);
        REQUIRE(r.has_value());
        const auto k = item(*r, MC::weight_gain);
        REQUIRE(k.has_value());
        CHECK(k->result == want);
        CHECK(k->cmp == hsct::comparator::greater);
        CHECK(k->threshold == 3.0);
        CHECK((r->status == c::es_status::met) == (want == outcome::met));
    }
}

TEST_CASE("engraftment syndrome: Maiolino fever threshold: 38.3 C by default, unverified; a centre's own within 37.5-40.0 C",
          "[COMP-ES-011][Maiolino-2003][U]") {
    for (const auto& [t, want] : {std::tuple{38.2, false}, std::tuple{38.3, true}, std::tuple{38.4, true}}) {
        INFO(t << " C");
        auto d = two_majors(12);
        d.temperature = celsius(t);
        const auto m = maiolino({d});
        CHECK((m.status == c::es_status::met) == want);
        CHECK_FALSE(item(m, MC::temperature)->verified);
        CHECK(m.fever_threshold_unverified);
    }
    c::maiolino_es_options o;
    o.fever_threshold = celsius(38.0);
    auto d = two_majors(12);
    d.temperature = celsius(38.0);
    CHECK(maiolino({d}, o).status == c::es_status::met);
    CHECK(item(maiolino({d}, o), MC::temperature)->threshold == 38.0);
    for (const double bad : {37.4, 40.1}) {
        o.fever_threshold = c::body_temperature(bad, c::temperature_unit::celsius);
        const auto r = c::assess_maiolino_es(input({d}), o);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == "options.fever_threshold");
    }
    // the bounds themselves are a centre's choice: 37.5 and 40.0 C are accepted
    for (const double edge : {37.5, 40.0}) {
        INFO(edge << " C");
        o.fever_threshold = c::body_temperature(edge, c::temperature_unit::celsius);
        const auto r = c::assess_maiolino_es(input({d}), o);
        REQUIRE(r.has_value());
        CHECK(item(*r, MC::temperature)->threshold == edge);
    }
}

// ------------------------------------------------------------------------------------------------
// Bad input, value types, allocation
// ------------------------------------------------------------------------------------------------

TEST_CASE("engraftment syndrome: body temperature: checked, in C or F, the size of a double", "[COMP-ES-020]") {
    STATIC_REQUIRE(sizeof(c::body_temperature) == sizeof(double));
    STATIC_REQUIRE(std::is_trivially_copyable_v<c::body_temperature>);
    const auto f = c::body_temperature::make(98.6, c::temperature_unit::fahrenheit);
    REQUIRE(f.has_value());
    CHECK(f->in(c::temperature_unit::celsius) == Approx(37.0));
    CHECK(celsius(38.3).in(c::temperature_unit::fahrenheit) == Approx(100.94));
    for (const auto& [v, code] : {std::tuple{24.9, hsct::errc::out_of_range}, std::tuple{45.1, hsct::errc::out_of_range},
                                  std::tuple{std::numeric_limits<double>::quiet_NaN(), hsct::errc::not_finite}}) {
        const auto t = c::body_temperature::make(v, c::temperature_unit::celsius, "observations[2].temperature");
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().code() == code);
        CHECK(t.error().field() == "observations[2].temperature");
        CHECK(t.error().requirement() == "COMP-ES-020");
    }
    CHECK_FALSE(c::body_temperature::make(38.0, static_cast<c::temperature_unit>(5)).has_value());
    CHECK_FALSE(c::body_temperature::make(120.0, c::temperature_unit::fahrenheit).has_value());  // 48.9 C
    // the bounds themselves are plausible: 25 and 45 C are made
    for (const double edge : {25.0, 45.0}) {
        const auto t = c::body_temperature::make(edge, c::temperature_unit::celsius);
        REQUIRE(t.has_value());
        CHECK(t->in(c::temperature_unit::celsius) == edge);
        CHECK(t->plausible());
    }
}

TEST_CASE("engraftment syndrome: bad input is an error naming the field, the value and what is valid", "[COMP-ES-021]") {
    const auto refused = [](const c::engraftment_syndrome_input& in, std::string_view field, hsct::errc code) {
        const auto s = c::assess_spitzer_es(in);
        REQUIRE_FALSE(s.has_value());
        CHECK(s.error().field() == field);
        CHECK(s.error().code() == code);
        CHECK_FALSE(s.error().valid_range().empty());
        const auto m = c::assess_maiolino_es(in);
        REQUIRE_FALSE(m.has_value());
        CHECK(m.error().field() == field);
    };
    const auto one = [&](auto change, std::string_view field, hsct::errc code) {
        std::vector v{quiet(10), quiet(12)};
        change(v[1]);
        refused(input(v), field, code);
    };
    one([](auto& o) { o.day = transplant_day::at(10); }, "observations[1].day", hsct::errc::inconsistent);
    one([](auto& o) { o.day = transplant_day::at(9); }, "observations[1].day", hsct::errc::inconsistent);
    one([](auto& o) { o.temperature = c::body_temperature(46.0, c::temperature_unit::celsius); },
        "observations[1].temperature", hsct::errc::out_of_range);
    one([](auto& o) { o.rash_bsa = hsct::percent(100.5, u::pct); }, "observations[1].rash_bsa", hsct::errc::out_of_range);
    one([](auto& o) { o.rash_bsa = hsct::percent(-1.0, u::pct); }, "observations[1].rash_bsa", hsct::errc::out_of_range);
    one([](auto& o) { o.weight = hsct::mass(0.0, u::kg); }, "observations[1].weight", hsct::errc::out_of_range);
    one([](auto& o) { o.bilirubin = hsct::bilirubin(std::nan(""), u::mg_per_dl); }, "observations[1].bilirubin",
        hsct::errc::not_finite);
    one([](auto& o) { o.creatinine = hsct::creatinine(-1.0, u::mg_per_dl); }, "observations[1].creatinine",
        hsct::errc::out_of_range);
    one([](auto& o) { o.liquid_stools = 51; }, "observations[1].liquid_stools", hsct::errc::out_of_range);
    std::vector early{quiet(-1)};
    refused(input(early), "observations[0].day", hsct::errc::out_of_range);
    std::vector v{quiet(12)};
    auto in = input(v);
    in.baseline_weight.reset();
    refused(in, "baseline_weight", hsct::errc::missing);  // a weight gain needs its baseline
    in = input(v);
    in.baseline_creatinine.reset();
    refused(in, "baseline_creatinine", hsct::errc::missing);
    in = input(v);
    in.baseline_weight = hsct::mass(500.0, u::kg);
    refused(in, "baseline_weight", hsct::errc::out_of_range);
    in = input(v);
    in.engraftment_day = transplant_day::at(-3);
    refused(in, "engraftment_day", hsct::errc::out_of_range);
    std::vector<c::es_observation> many;
    for (int d = 0; d < 65; ++d) {
        many.push_back(quiet(d));
    }
    refused(input(many), "observations", hsct::errc::out_of_range);
    many.pop_back();
    CHECK(c::assess_spitzer_es(input(many)).has_value());  // 64 is the bound
    c::spitzer_es_options so;
    so.window = static_cast<c::spitzer_window>(9);
    const auto s = c::assess_spitzer_es(input(v), so);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().field() == "options.window");
    c::maiolino_es_options mo;
    mo.reading = static_cast<c::maiolino_reading>(0);
    const auto m = c::assess_maiolino_es(input(v), mo);
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().field() == "options.reading");
}

TEST_CASE("engraftment syndrome: the bounds of a series' values: weight 0.3-400 kg, 50 liquid stools a day, accepted at the bound",
          "[COMP-ES-021]") {
    const auto both = [](const c::engraftment_syndrome_input& in) {
        return c::assess_spitzer_es(in).has_value() && c::assess_maiolino_es(in).has_value();
    };
    const auto field_of = [](const c::engraftment_syndrome_input& in) {
        const auto s = c::assess_spitzer_es(in);
        REQUIRE_FALSE(s.has_value());
        CHECK(s.error().code() == hsct::errc::out_of_range);
        CHECK(s.error().valid_range() == "0.3-400 kg");
        return std::string(s.error().field());
    };
    std::vector v{quiet(10), quiet(12)};
    // the baseline weight: 0.3 and 400 kg accepted; 0.29 and 400.1 kg refused
    for (const double kg : {0.3, 400.0}) {
        INFO(kg << " kg");
        auto in = input(v);
        in.baseline_weight = hsct::mass(kg, u::kg);
        CHECK(both(in));
    }
    for (const double kg : {0.29, 400.1}) {
        INFO(kg << " kg");
        auto in = input(v);
        in.baseline_weight = hsct::mass(kg, u::kg);
        CHECK(field_of(in) == "baseline_weight");
    }
    // an observed weight, the same bounds
    for (const double kg : {0.3, 400.0}) {
        INFO(kg << " kg");
        auto w = v;
        w[1].weight = hsct::mass(kg, u::kg);
        CHECK(both(input(w)));
    }
    for (const double kg : {0.29, 400.1}) {
        INFO(kg << " kg");
        auto w = v;
        w[1].weight = hsct::mass(kg, u::kg);
        CHECK(field_of(input(w)) == "observations[1].weight");
    }
    // liquid stools: 50 a day accepted (51 is refused: the test above)
    auto w = v;
    w[1].liquid_stools = 50;
    CHECK(both(input(w)));
}

TEST_CASE("engraftment syndrome: no allocation: both rules on a series allocate nothing", "[COMP-ES-001][COMP-ES-010][alloc]") {
    const std::vector v{quiet(8), two_majors(11), three_majors(12), quiet(14)};
    const auto in = input(v);
    hsct_test::allocation_counter n;
    const auto s = c::assess_spitzer_es(in);
    const auto m = c::assess_maiolino_es(in);
    CHECK(n.count() == 0);
    REQUIRE(s.has_value());
    REQUIRE(m.has_value());
    CHECK(s->status == c::es_status::met);
    CHECK(m->status == c::es_status::met);
}

}  // namespace hsct_test_complications_engraftment_syndrome_test
