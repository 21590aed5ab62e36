// Tests for include/hsct/complications/sos_vod.hpp: modified Seattle, Baltimore, EBMT 2016 (classical
// and late onset) and EBMT 2023 (probable, clinical, proven) from dated measurements: every threshold
// below, at and above in mg/dL and umol/L and in % weight gain, the day windows at their edges, each
// named policy both ways, the first day each criterion held, indeterminate and other-cause statuses,
// worked examples VOD-1, VOD-4 and VOD-5 (reference notes 8.8 / digest 10.6), refusals, no allocation.
#include <hsct/complications/sos_vod.hpp>
#include <hsct/complications/sos_vod_paediatric.hpp>

#include <optional>
#include <string_view>
#include <tuple>
#include <utility>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"
#include "support/sos_episode.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_sos_vod_test {

namespace c = hsct::complications;
using hsct_test::sos_episode;
using f = c::sos_finding;
using hsct::outcome;

namespace {
template <class R, class Id>
const c::sos_dated_criterion<Id>& crit(const R& r, Id id) {
    const auto* p = c::sos_find(r.criteria, id);
    REQUIRE(p != nullptr);
    return *p;
}
std::optional<int> num(const std::optional<hsct::transplant_day>& d) {
    return d ? std::optional<int>(d->number()) : std::nullopt;
}
c::sos_seattle_result seattle(sos_episode& e, const c::sos_seattle_options& o = {}) {
    auto r = c::assess_sos_seattle(e.get(), o);
    REQUIRE(r.has_value());
    return *r;
}
c::sos_baltimore_result baltimore(sos_episode& e, const c::sos_baltimore_options& o = {}) {
    auto r = c::assess_sos_baltimore(e.get(), o);
    REQUIRE(r.has_value());
    return *r;
}
c::sos_ebmt2016_result ebmt2016(sos_episode& e, const c::sos_ebmt2016_options& o = {}) {
    auto r = c::assess_sos_ebmt2016(e.get(), o);
    REQUIRE(r.has_value());
    return *r;
}
c::sos_ebmt2023_result ebmt2023(sos_episode& e, const c::sos_ebmt2023_options& o = {}) {
    auto r = c::assess_sos_ebmt2023(e.get(), o);
    REQUIRE(r.has_value());
    return *r;
}
/// Hepatomegaly from D5 (one Seattle sign) and a bilirubin value on D10; nothing else.
sos_episode seattle_bili(double mg_dl, bool umol = false) {
    sos_episode e(20);
    e.sign(f::hepatomegaly, 5);
    if (umol) {
        e.bilirubin_umol(10, mg_dl);
    } else {
        e.bilirubin(10, mg_dl);
    }
    e.weight_gain(1, 0.0);
    return e;
}
}  // namespace

// --- Modified Seattle ----------------------------------------------------------------------------

TEST_CASE("Seattle bilirubin 2 mg/dL below, at and above, under both comparisons", "[COMP-SOS-010][Seattle]") {
    for (const bool umol : {false, true}) {
        // 1.9 / 2.0 / 2.1 mg/dL, and the same in umol/L as printed (34.2 umol/L = 2.0 mg/dL)
        const double below = umol ? 32.49 : 1.9;
        const double at = umol ? 34.2 : 2.0;
        const double above = umol ? 35.91 : 2.1;
        auto b = seattle_bili(below, umol);
        CHECK(seattle(b).status == c::sos_status::not_met);
        auto a = seattle_bili(at, umol);
        const auto ra = seattle(a);
        CHECK(ra.status == c::sos_status::met);
        CHECK(num(ra.diagnosis_day) == 10);
        const auto& bc = crit(ra, c::sos_seattle_criterion::bilirubin);
        CHECK(bc.criterion.result == outcome::met);
        CHECK(bc.criterion.measured.number() == Approx(2.0));
        CHECK(bc.criterion.threshold == 2.0);
        CHECK(bc.criterion.cmp == hsct::comparator::greater_equal);
        CHECK(bc.criterion.requirement == std::string_view("COMP-SOS-010"));
        c::sos_seattle_options gt;
        gt.bilirubin_comparison = hsct::comparator::greater;
        CHECK(seattle(a, gt).status == c::sos_status::not_met);  // "> 2": exactly 2 is not
        CHECK(seattle(a, gt).options.bilirubin_comparison == hsct::comparator::greater);
        auto o = seattle_bili(above, umol);
        CHECK(seattle(o).status == c::sos_status::met);
        CHECK(seattle(o, gt).status == c::sos_status::met);
    }
}

TEST_CASE("Seattle weight gain above 2 % (or 3 %) below, at and above", "[COMP-SOS-012][Seattle][HB24-49]") {
    const auto with_gain = [](double pct) {
        sos_episode e(20);
        e.sign(f::ruq_pain, 4).weight_gain(8, pct).bilirubin(2, 0.8);
        return e;
    };
    auto below2 = with_gain(1.9);
    CHECK(seattle(below2).status == c::sos_status::not_met);
    auto at2 = with_gain(2.0);
    CHECK(seattle(at2).status == c::sos_status::not_met);  // > 2 %: exactly 2 % is not
    CHECK(crit(seattle(at2), c::sos_seattle_criterion::weight_gain).criterion.measured.number() == Approx(2.0));
    auto over2 = with_gain(2.1);
    const auto r = seattle(over2);
    CHECK(r.status == c::sos_status::met);
    CHECK(num(crit(r, c::sos_seattle_criterion::weight_gain).day) == 8);
    CHECK(crit(r, c::sos_seattle_criterion::weight_gain).criterion.verified);
    c::sos_seattle_options three;
    three.weight = c::sos_seattle_weight::over_3_percent;
    auto at3 = with_gain(3.0);
    CHECK(seattle(at3, three).status == c::sos_status::not_met);
    auto over3 = with_gain(3.1);
    const auto r3 = seattle(over3, three);
    CHECK(r3.status == c::sos_status::met);
    CHECK_FALSE(crit(r3, c::sos_seattle_criterion::weight_gain).criterion.verified);  // HB24 prose only [U]
    CHECK(seattle(over2, three).status == c::sos_status::not_met);
}

TEST_CASE("Seattle liver sign: hepatomegaly or RUQ pain, or both under the policy", "[COMP-SOS-011][Seattle]") {
    sos_episode e(20);
    e.sign(f::ruq_pain, 6).weight_gain(7, 2.5).bilirubin(1, 0.5);
    CHECK(seattle(e).status == c::sos_status::met);
    c::sos_seattle_options both;
    both.liver_sign = c::sos_seattle_liver_sign::both;
    CHECK(seattle(e, both).status == c::sos_status::not_met);
    e.sign(f::hepatomegaly, 9);
    const auto r = seattle(e, both);
    CHECK(r.status == c::sos_status::met);
    CHECK(num(r.diagnosis_day) == 9);
}

TEST_CASE("Seattle window: two of three together by day 20 in, day 21 out", "[COMP-SOS-013][Seattle]") {
    const auto together_on = [](int d) {
        sos_episode e(30);
        e.sign(f::hepatomegaly, 3).weight_gain(0, 0.0).weight_gain(d, 2.5).bilirubin(1, 0.5);
        return e;
    };
    auto d20 = together_on(20);
    const auto r20 = seattle(d20);
    CHECK(r20.status == c::sos_status::met);
    CHECK(num(r20.diagnosis_day) == 20);
    CHECK(crit(r20, c::sos_seattle_criterion::by_day_20).criterion.result == outcome::met);
    CHECK(r20.on_diagnosis_day.contains(c::sos_seattle_criterion::liver_sign));
    CHECK(r20.on_diagnosis_day.contains(c::sos_seattle_criterion::weight_gain));
    CHECK_FALSE(r20.on_diagnosis_day.contains(c::sos_seattle_criterion::bilirubin));
    auto d21 = together_on(21);
    const auto r21 = seattle(d21);
    CHECK(r21.status == c::sos_status::not_met);
    CHECK_FALSE(r21.diagnosis_day);
    const auto& w = crit(r21, c::sos_seattle_criterion::by_day_20);
    CHECK(w.criterion.result == outcome::not_met);
    CHECK(w.criterion.measured.number() == 21.0);
    CHECK(num(w.day) == 21);
    // each criterion still says when it first held
    CHECK(num(crit(r21, c::sos_seattle_criterion::liver_sign).day) == 3);
    CHECK(num(crit(r21, c::sos_seattle_criterion::weight_gain).day) == 21);
}

TEST_CASE("Seattle: missing series make it indeterminate; other causes; unknown inputs named", "[COMP-SOS-004][Seattle]") {
    sos_episode e(20);
    e.sign(f::hepatomegaly, 5);  // no bilirubin, no weight
    const auto r = seattle(e);
    CHECK(r.status == c::sos_status::indeterminate);
    CHECK(r.missing.contains(c::sos_input_field::bilirubin));
    CHECK(r.missing.contains(c::sos_input_field::weight));
    CHECK(crit(r, c::sos_seattle_criterion::bilirubin).criterion.result == outcome::unknown);
    CHECK(crit(r, c::sos_seattle_criterion::bilirubin).criterion.measured.what() == hsct::measure::kind::missing);
    sos_episode n(20);
    n.sign(f::hepatomegaly, 5).bilirubin(6, 1.0).weight_gain(6, 1.0);
    CHECK(seattle(n).status == c::sos_status::not_met);
    CHECK(crit(seattle(n), c::sos_seattle_criterion::bilirubin).criterion.measured.number() == 1.0);  // nearest miss
    sos_episode o(20);
    o.sign(f::hepatomegaly, 5).bilirubin(6, 3.0).other_causes(c::sos_other_cause::present);
    CHECK(seattle(o).status == c::sos_status::other_cause);
    o.other_causes(c::sos_other_cause::excluded);
    CHECK(seattle(o).status == c::sos_status::met);
    CHECK(crit(seattle(o), c::sos_seattle_criterion::other_causes).criterion.result == outcome::met);
    sos_episode u(20);
    u.bilirubin(6, 3.0).weight_gain(6, 1.0).not_assessed(f::hepatomegaly).not_assessed(f::ruq_pain);
    const auto ru = seattle(u);
    CHECK(ru.status == c::sos_status::indeterminate);
    CHECK(ru.missing.contains(c::sos_input_field::hepatomegaly));
}

TEST_CASE("co-presence: a value carried forward meets a later sign; same-day-only does not", "[COMP-SOS-002][Seattle]") {
    sos_episode e(20);
    e.bilirubin(5, 2.5).sign(f::hepatomegaly, 7).weight_gain(0, 0.0);
    CHECK(num(seattle(e).diagnosis_day) == 7);
    c::sos_seattle_options same;
    same.persistence = c::sos_persistence::same_day_only;
    CHECK(seattle(e, same).status == c::sos_status::not_met);
    // a sign resolved before the other appears is not co-present (resolution day exclusive)
    sos_episode g(20);
    g.sign(f::hepatomegaly, 3, 6).bilirubin(6, 2.5).weight_gain(0, 0.0);
    CHECK(seattle(g).status == c::sos_status::not_met);
    sos_episode h(20);
    h.sign(f::hepatomegaly, 3, 7).bilirubin(6, 2.5).weight_gain(0, 0.0);
    CHECK(num(seattle(h).diagnosis_day) == 6);
}

// --- Baltimore -----------------------------------------------------------------------------------

namespace {
sos_episode baltimore_case(double bili, bool umol = false, double weight_pct = 6.0) {
    sos_episode e(25);
    e.sign(f::hepatomegaly, 10).sign(f::ascites, 11).weight_gain(12, weight_pct);
    if (umol) {
        e.bilirubin_umol(12, bili);
    } else {
        e.bilirubin(12, bili);
    }
    return e;
}
}  // namespace

TEST_CASE("Baltimore bilirubin is mandatory: 2 mg/dL and its printed 34 umol/L", "[COMP-SOS-020][Baltimore][HB24-49]") {
    auto below = baltimore_case(1.9);
    const auto rb = baltimore(below);
    CHECK(rb.status == c::sos_status::not_met);  // three signs without bilirubin are not enough
    CHECK(crit(rb, c::sos_baltimore_criterion::hepatomegaly).criterion.result == outcome::met);
    auto at = baltimore_case(2.0);
    CHECK(baltimore(at).status == c::sos_status::met);
    CHECK(num(baltimore(at).diagnosis_day) == 12);
    c::sos_baltimore_options gt;
    gt.bilirubin_comparison = hsct::comparator::greater;
    CHECK(baltimore(at, gt).status == c::sos_status::not_met);
    auto above = baltimore_case(2.1);
    CHECK(baltimore(above, gt).status == c::sos_status::met);
    // umol/L: the printed 34 is 1.99 mg/dL: not met on mg/dL, and flagged
    auto u34 = baltimore_case(34.0, true);
    const auto r34 = baltimore(u34);
    CHECK(r34.status == c::sos_status::not_met);
    CHECK(r34.bilirubin_unit_edge);
    auto u342 = baltimore_case(34.2, true);
    CHECK(baltimore(u342).status == c::sos_status::met);
    CHECK_FALSE(baltimore(u342).bilirubin_unit_edge);
    auto u33 = baltimore_case(33.0, true);
    CHECK(baltimore(u33).status == c::sos_status::not_met);
    CHECK_FALSE(baltimore(u33).bilirubin_unit_edge);
    auto u35 = baltimore_case(35.0, true);
    CHECK(baltimore(u35).status == c::sos_status::met);
}

TEST_CASE("Baltimore weight gain 5 %: > by default, >= under the policy", "[COMP-SOS-023][Baltimore]") {
    const auto with_weight = [](double pct) {
        sos_episode e(25);
        e.sign(f::hepatomegaly, 10).bilirubin(12, 2.5).weight_gain(12, pct);
        return e;
    };
    auto w49 = with_weight(4.9);
    CHECK(baltimore(w49).status == c::sos_status::not_met);
    auto w5 = with_weight(5.0);
    CHECK(baltimore(w5).status == c::sos_status::not_met);
    c::sos_baltimore_options ge;
    ge.weight_comparison = hsct::comparator::greater_equal;
    CHECK(baltimore(w5, ge).status == c::sos_status::met);
    auto w51 = with_weight(5.1);
    CHECK(baltimore(w51).status == c::sos_status::met);
}

TEST_CASE("Baltimore weight gain under the >= 5 % policy: below, at and above", "[COMP-SOS-023][Baltimore]") {
    const auto with_weight = [](double pct) {
        sos_episode e(25);
        e.sign(f::hepatomegaly, 10).bilirubin(12, 2.5).weight_gain(12, pct);
        return e;
    };
    c::sos_baltimore_options ge;
    ge.weight_comparison = hsct::comparator::greater_equal;
    // bilirubin and hepatomegaly hold from D12: the weight decides the second of the other three
    auto w49 = with_weight(4.9);
    const auto r49 = baltimore(w49, ge);
    CHECK(r49.status == c::sos_status::not_met);
    CHECK(crit(r49, c::sos_baltimore_criterion::weight_gain).criterion.result == outcome::not_met);
    auto w5 = with_weight(5.0);
    const auto r5 = baltimore(w5, ge);
    CHECK(r5.status == c::sos_status::met);
    CHECK(num(r5.diagnosis_day) == 12);
    auto w6 = with_weight(6.0);
    const auto r6 = baltimore(w6, ge);
    CHECK(r6.status == c::sos_status::met);
    CHECK(num(r6.diagnosis_day) == 12);
    const auto& wc = crit(r6, c::sos_baltimore_criterion::weight_gain);
    CHECK(wc.criterion.result == outcome::met);
    CHECK(wc.criterion.cmp == hsct::comparator::greater_equal);
    CHECK(wc.criterion.threshold == 5.0);
    CHECK(wc.criterion.measured.number() == Approx(6.0));
}

TEST_CASE("Baltimore under \"> 2 mg/dL\": the printed 34 umol/L edge flagged only where the units disagree", "[COMP-SOS-006][COMP-SOS-020][Baltimore]") {
    c::sos_baltimore_options gt;
    gt.bilirubin_comparison = hsct::comparator::greater;
    // 1.9 mg/dL (32.5 umol/L): below both the 2 mg/dL and the printed 34 umol/L; no disagreement
    auto b19 = baltimore_case(1.9);
    const auto r19 = baltimore(b19, gt);
    CHECK(r19.status == c::sos_status::not_met);
    CHECK_FALSE(r19.bilirubin_unit_edge);
    // 34 umol/L (1.99 mg/dL): not above 2 mg/dL and not above 34 umol/L either; no disagreement
    auto u34 = baltimore_case(34.0, true);
    const auto r34 = baltimore(u34, gt);
    CHECK(r34.status == c::sos_status::not_met);
    CHECK_FALSE(r34.bilirubin_unit_edge);
    // 2.0 mg/dL (34.2 umol/L): not above 2 mg/dL, but above the printed 34: flagged
    auto b2 = baltimore_case(2.0);
    const auto r2 = baltimore(b2, gt);
    CHECK(r2.status == c::sos_status::not_met);
    CHECK(r2.bilirubin_unit_edge);
    // 2.1 mg/dL (35.9 umol/L): above both; met, no disagreement
    auto b21 = baltimore_case(2.1);
    const auto r21 = baltimore(b21, gt);
    CHECK(r21.status == c::sos_status::met);
    CHECK_FALSE(r21.bilirubin_unit_edge);
}

TEST_CASE("Baltimore hepatomegaly with or without pain, and the day-21 window", "[COMP-SOS-021][COMP-SOS-024][Baltimore]") {
    auto e = baltimore_case(2.5);
    c::sos_baltimore_options painful;
    painful.hepatomegaly = c::sos_baltimore_hepatomegaly::painful_only;
    CHECK(baltimore(e, painful).status == c::sos_status::met);  // ascites and weight remain
    sos_episode g(25);
    g.sign(f::hepatomegaly, 10).sign(f::ascites, 11).bilirubin(12, 2.5).weight_gain(12, 1.0);
    CHECK(baltimore(g).status == c::sos_status::met);
    CHECK(baltimore(g, painful).status == c::sos_status::not_met);
    const auto on = [](int d) {
        sos_episode x(30);
        x.sign(f::hepatomegaly, 10).sign(f::ascites, 11).bilirubin(0, 0.5).bilirubin(d, 2.5);
        return x;
    };
    auto d21 = on(21);
    CHECK(num(baltimore(d21).diagnosis_day) == 21);
    auto d22 = on(22);
    CHECK(baltimore(d22).status == c::sos_status::not_met);
    CHECK(crit(baltimore(d22), c::sos_baltimore_criterion::by_day_21).criterion.measured.number() == 22.0);
}

// --- EBMT 2016 -----------------------------------------------------------------------------------

TEST_CASE("EBMT 2016 classical by day 21, late onset from day 22", "[COMP-SOS-030][COMP-SOS-031][EBMT-2016]") {
    const auto on = [](int d) {
        sos_episode x(40);
        x.sign(f::hepatomegaly, 5).sign(f::ruq_pain, 5).sign(f::ascites, 6).bilirubin(0, 0.6).bilirubin(d, 2.2);
        return x;
    };
    auto d21 = on(21);
    const auto r21 = ebmt2016(d21);
    CHECK(r21.status == c::sos_status::met);
    CHECK(num(r21.diagnosis_day) == 21);
    CHECK(r21.onset == c::sos_onset::classical);
    CHECK(r21.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::classical));
    CHECK(num(crit(r21, c::sos_ebmt2016_criterion::classical).day) == 21);
    auto d22 = on(22);
    const auto r22 = ebmt2016(d22);
    CHECK(num(r22.diagnosis_day) == 22);
    CHECK(r22.onset == c::sos_onset::late_onset);
    CHECK(r22.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::late_criteria));
    CHECK(crit(r22, c::sos_ebmt2016_criterion::classical).criterion.result == outcome::not_met);
    // the sign must be painful hepatomegaly: hepatomegaly alone does not count
    sos_episode np(40);
    np.sign(f::hepatomegaly, 5).sign(f::ascites, 6).bilirubin(10, 2.2).weight_gain(10, 1.0);
    CHECK(ebmt2016(np).status == c::sos_status::not_met);
}

TEST_CASE("EBMT 2016 bilirubin 2 mg/dL / 34 umol/L and weight above 5 %", "[COMP-SOS-030][EBMT-2016]") {
    const auto with = [](double bili, bool umol, double weight) {
        sos_episode x(21);
        x.sign(f::hepatomegaly, 5).sign(f::ruq_pain, 5).weight_gain(10, weight);
        if (umol) {
            x.bilirubin_umol(10, bili);
        } else {
            x.bilirubin(10, bili);
        }
        return x;
    };
    auto b199 = with(1.99, false, 6.0);
    CHECK(ebmt2016(b199).status == c::sos_status::not_met);
    auto b2 = with(2.0, false, 6.0);
    CHECK(ebmt2016(b2).status == c::sos_status::met);
    auto u34 = with(34.0, true, 6.0);
    CHECK(ebmt2016(u34).status == c::sos_status::not_met);
    CHECK(ebmt2016(u34).bilirubin_unit_edge);
    auto u342 = with(34.2, true, 6.0);
    CHECK(ebmt2016(u342).status == c::sos_status::met);
    auto w5 = with(2.5, false, 5.0);
    CHECK(ebmt2016(w5).status == c::sos_status::not_met);  // > 5 %: exactly 5 is not
    auto w51 = with(2.5, false, 5.1);
    CHECK(ebmt2016(w51).status == c::sos_status::met);
    CHECK(crit(ebmt2016(w51), c::sos_ebmt2016_criterion::weight_gain).criterion.measured.number() == Approx(5.1));
}

TEST_CASE("EBMT 2016 late onset by histology, and by two signs with imaging evidence", "[COMP-SOS-031][COMP-SOS-032][EBMT-2016]") {
    sos_episode h(40);
    h.sign(f::histology, 25);
    const auto rh = ebmt2016(h);
    CHECK(num(rh.diagnosis_day) == 25);
    CHECK(rh.onset == c::sos_onset::late_onset);
    CHECK(rh.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::late_histology));
    // a biopsy before day 21 is no classical route: the late route opens on day 22
    sos_episode early(40);
    early.sign(f::histology, 15);
    CHECK(num(ebmt2016(early).diagnosis_day) == 22);
    // two of four (anicteric: painful hepatomegaly, ascites) with reversed portal flow
    sos_episode i(40);
    i.bilirubin(25, 1.5).sign(f::hepatomegaly, 25).sign(f::ruq_pain, 25).sign(f::ascites, 26).weight_gain(25, 2.0);
    CHECK(ebmt2016(i).status == c::sos_status::not_met);
    i.sign(f::portal_flow_abnormal, 28);
    const auto ri = ebmt2016(i);
    CHECK(num(ri.diagnosis_day) == 28);
    CHECK(ri.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::late_imaging));
    CHECK(crit(ri, c::sos_ebmt2016_criterion::imaging_evidence).criterion.verified);
    // ascites documented by ultrasound is itself ultrasound evidence
    sos_episode u(40);
    u.bilirubin(25, 1.5).sign(f::hepatomegaly, 25).sign(f::ruq_pain, 25).sign(f::ascites, 27, std::nullopt, true);
    CHECK(num(ebmt2016(u).diagnosis_day) == 27);
}

TEST_CASE("EBMT 2016 haemodynamic evidence by HVPG at 10 mmHg, marked unverified", "[COMP-SOS-032][EBMT-2016]") {
    const auto with = [](double mmhg) {
        sos_episode x(40);
        x.bilirubin(25, 2.5).sign(f::ascites, 25).weight_gain(25, 0.0).hvpg(30, mmhg);
        return x;
    };
    auto h99 = with(9.9);
    CHECK(ebmt2016(h99).status == c::sos_status::not_met);
    auto h10 = with(10.0);
    const auto r = ebmt2016(h10);
    CHECK(num(r.diagnosis_day) == 30);
    CHECK_FALSE(crit(r, c::sos_ebmt2016_criterion::imaging_evidence).criterion.verified);
    c::sos_ebmt2016_options gt;
    gt.hvpg_comparison = hsct::comparator::greater;
    CHECK(ebmt2016(h10, gt).status == c::sos_status::not_met);
}

TEST_CASE("EBMT 2016 HVPG under \"> 10 mmHg\": below, at and above", "[COMP-SOS-032][EBMT-2016]") {
    const auto with = [](double mmhg) {
        sos_episode x(40);
        x.bilirubin(25, 2.5).sign(f::ascites, 25).weight_gain(25, 0.0).hvpg(30, mmhg);
        return x;
    };
    c::sos_ebmt2016_options gt;
    gt.hvpg_comparison = hsct::comparator::greater;
    // bilirubin and ascites after day 21: late onset needs the haemodynamic evidence
    auto h99 = with(9.9);
    const auto r99 = ebmt2016(h99, gt);
    CHECK(r99.status == c::sos_status::not_met);
    CHECK_FALSE(r99.diagnosis_day.has_value());
    CHECK(crit(r99, c::sos_ebmt2016_criterion::imaging_evidence).criterion.result == outcome::not_met);
    auto h10 = with(10.0);
    CHECK(ebmt2016(h10, gt).status == c::sos_status::not_met);
    auto h101 = with(10.1);
    const auto r101 = ebmt2016(h101, gt);
    CHECK(r101.status == c::sos_status::met);
    CHECK(num(r101.diagnosis_day) == 30);
    CHECK(r101.onset == c::sos_onset::late_onset);
    CHECK(r101.options.hvpg_comparison == hsct::comparator::greater);
}

TEST_CASE("EBMT 2023 HVPG under \"> 10 mmHg\": 9.9 mmHg proves nothing", "[COMP-SOS-052][EBMT-2023]") {
    sos_episode x(20);
    x.hvpg(12, 9.9).bilirubin(12, 1.0).weight_gain(12, 0.0);
    c::sos_ebmt2023_options gt;
    gt.hvpg_comparison = hsct::comparator::greater;
    const auto r = ebmt2023(x, gt);
    CHECK(r.status == c::sos_status::not_met);
    CHECK_FALSE(r.certainty.has_value());
    CHECK_FALSE(r.proven_day.has_value());
    const auto& hc = crit(r, c::sos_ebmt2023_criterion::hvpg);
    CHECK(hc.criterion.result == outcome::not_met);
    CHECK(hc.criterion.cmp == hsct::comparator::greater);
    CHECK(hc.criterion.threshold == 10.0);
    CHECK(hc.criterion.measured.number() == 9.9);
}

TEST_CASE("EBMT adult sets do not apply to children (age below 18 by default)", "[COMP-SOS-005][EBMT-2016][EBMT-2023]") {
    sos_episode e(21);
    e.sign(f::hepatomegaly, 5).sign(f::ruq_pain, 5).sign(f::ascites, 6).bilirubin(10, 3.0).age(17);
    const auto r = ebmt2016(e);
    CHECK(r.status == c::sos_status::not_applicable);
    CHECK(crit(r, c::sos_ebmt2016_criterion::adult).criterion.result == outcome::not_met);
    CHECK(ebmt2023(e).status == c::sos_status::not_applicable);
    e.age(18);
    CHECK(ebmt2016(e).status == c::sos_status::met);
    CHECK(crit(ebmt2016(e), c::sos_ebmt2016_criterion::adult).criterion.measured.number() == 18.0);
    c::sos_ebmt2016_options sixteen;
    sixteen.adult_from_years = 16;
    e.age(17);
    CHECK(ebmt2016(e, sixteen).status == c::sos_status::met);
    // Seattle and Baltimore have no age limit
    CHECK(seattle(e).status == c::sos_status::met);
}

TEST_CASE("VOD-1: classical SOS/VOD on day 14", "[SOS-1][VOD-1][EBMT-2016][COMP-SOS-030]") {
    sos_episode e(14);
    e.bilirubin(10, 1.2).bilirubin(14, 2.4).sign(f::hepatomegaly, 11).sign(f::ruq_pain, 11).weight_gain(14, 6.0);
    const auto r = ebmt2016(e);
    CHECK(r.status == c::sos_status::met);
    CHECK(num(r.diagnosis_day) == 14);
    CHECK(r.onset == c::sos_onset::classical);
    CHECK(r.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::bilirubin));
    CHECK(r.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::painful_hepatomegaly));
    CHECK(r.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::weight_gain));
    CHECK(num(crit(r, c::sos_ebmt2016_criterion::painful_hepatomegaly).day) == 11);
}

TEST_CASE("VOD-4: Seattle positive, Baltimore and EBMT 2016 negative, EBMT 2023 probable", "[SOS-4][VOD-4][Seattle][Baltimore][EBMT-2016][EBMT-2023]") {
    // day +18; bilirubin 1.6; hepatomegaly with RUQ pain; weight +3 %; ascites
    sos_episode e(18);
    e.bilirubin(18, 1.6).sign(f::hepatomegaly, 18).sign(f::ruq_pain, 18).weight_gain(18, 3.0).sign(f::ascites, 18);
    for (const auto liver : {c::sos_seattle_liver_sign::either, c::sos_seattle_liver_sign::both}) {
        c::sos_seattle_options o;
        o.liver_sign = liver;
        const auto s = seattle(e, o);
        CHECK(s.status == c::sos_status::met);
        CHECK(s.on_diagnosis_day.contains(c::sos_seattle_criterion::liver_sign));
        CHECK(s.on_diagnosis_day.contains(c::sos_seattle_criterion::weight_gain));
    }
    CHECK(baltimore(e).status == c::sos_status::not_met);
    CHECK(ebmt2016(e).status == c::sos_status::not_met);
    const auto r = ebmt2023(e);
    CHECK(r.status == c::sos_status::met);
    CHECK(r.certainty == c::sos_ebmt2023_certainty::probable);
    CHECK(r.onset == c::sos_onset::classical);
    CHECK_FALSE(r.clinical_day);
    CHECK(crit(r, c::sos_ebmt2023_criterion::weight_gain).criterion.result == outcome::not_met);
}

TEST_CASE("VOD-5: EBMT 2016 late onset, EBMT 2023 clinical late onset", "[SOS-5][VOD-5][EBMT-2016][EBMT-2023]") {
    // adult day +35; bilirubin 2.2; ascites; weight +6 %; Doppler reversed portal flow
    sos_episode e(35);
    e.bilirubin(35, 2.2).sign(f::ascites, 35).weight_gain(35, 6.0).sign(f::portal_flow_abnormal, 35).age(45);
    const auto r = ebmt2016(e);
    CHECK(r.status == c::sos_status::met);
    CHECK(r.onset == c::sos_onset::late_onset);
    CHECK(num(r.diagnosis_day) == 35);
    CHECK(r.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::late_criteria));  // Baltimore beyond day 21
    CHECK(r.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::late_imaging));
    CHECK_FALSE(r.on_diagnosis_day.contains(c::sos_ebmt2016_criterion::late_histology));
    const auto n = ebmt2023(e);
    CHECK(n.certainty == c::sos_ebmt2023_certainty::clinical);
    CHECK(n.onset == c::sos_onset::late_onset);
    CHECK(num(n.probable_day) == 35);
    CHECK(num(n.clinical_day) == 35);
    CHECK_FALSE(n.proven_day);
}

// --- EBMT 2023 -----------------------------------------------------------------------------------

TEST_CASE("EBMT 2016 and 2023 weight gain 4.9 / 5.0 / 5.1 %, and 2023 bilirubin in both units", "[COMP-SOS-030][COMP-SOS-050][COMP-SOS-051][EBMT-2016][EBMT-2023][HB24-49]") {
    const auto weight = [](double pct) {
        sos_episode x(21);
        x.sign(f::ascites, 5).bilirubin(10, 2.5).weight_gain(10, pct);
        return x;
    };
    for (const auto& [pct, met] : {std::pair{4.9, false}, std::pair{5.0, false}, std::pair{5.1, true}}) {
        auto x = weight(pct);
        CHECK((ebmt2016(x).status == c::sos_status::met) == met);
        const auto r = ebmt2023(x);
        CHECK((r.clinical_day.has_value()) == met);
        // bilirubin and ascites make it probable; the weight makes it clinical
        CHECK(r.certainty == (met ? c::sos_ebmt2023_certainty::clinical : c::sos_ebmt2023_certainty::probable));
    }
    const auto bili = [](double v, bool umol) {
        sos_episode x(21);
        x.sign(f::ascites, 5).sign(f::hepatomegaly, 5).sign(f::ruq_pain, 5).weight_gain(10, 0.0);
        if (umol) {
            x.bilirubin_umol(10, v);
        } else {
            x.bilirubin(10, v);
        }
        return x;
    };
    for (const auto& [v, umol, met] : {std::tuple{1.99, false, false}, std::tuple{2.0, false, true},
                                       std::tuple{2.01, false, true}, std::tuple{34.0, true, false},
                                       std::tuple{34.2, true, true}, std::tuple{35.0, true, true}}) {
        auto x = bili(v, umol);
        const auto r = ebmt2023(x);
        CHECK(r.clinical_day.has_value() == met);
        CHECK(num(r.probable_day) == 5);  // painful hepatomegaly and ascites
    }
}

TEST_CASE("EBMT 2023 proven by HVPG 10 mmHg: >= by the table, > under the policy", "[COMP-SOS-052][EBMT-2023][HB24-49]") {
    const auto with = [](double mmhg) {
        sos_episode x(20);
        x.hvpg(12, mmhg).bilirubin(12, 1.0).weight_gain(12, 0.0);
        return x;
    };
    auto h99 = with(9.9);
    const auto r99 = ebmt2023(h99);
    CHECK(r99.status == c::sos_status::not_met);
    CHECK(crit(r99, c::sos_ebmt2023_criterion::hvpg).criterion.measured.number() == 9.9);
    auto h10 = with(10.0);
    const auto r10 = ebmt2023(h10);
    CHECK(r10.certainty == c::sos_ebmt2023_certainty::proven);
    CHECK(num(r10.proven_day) == 12);
    c::sos_ebmt2023_options gt;
    gt.hvpg_comparison = hsct::comparator::greater;
    CHECK(ebmt2023(h10, gt).status == c::sos_status::not_met);
    auto h101 = with(10.1);
    CHECK(ebmt2023(h101, gt).certainty == c::sos_ebmt2023_certainty::proven);
    // histology proves it too
    sos_episode h(20);
    h.sign(f::histology, 9);
    CHECK(ebmt2023(h).certainty == c::sos_ebmt2023_certainty::proven);
}

TEST_CASE("EBMT 2023: certainties by day, the highest reported; a test not done is no reason for indeterminate", "[COMP-SOS-050][COMP-SOS-051][COMP-SOS-053][EBMT-2023]") {
    sos_episode e(30);
    e.sign(f::ultrasound_suggestive, 10).sign(f::ascites, 10).bilirubin(10, 1.0).bilirubin(12, 2.5).weight_gain(0, 0.0);
    e.weight_gain(12, 6.0).hvpg(15, 14.0);
    const auto r = ebmt2023(e);
    CHECK(r.certainty == c::sos_ebmt2023_certainty::proven);
    CHECK(num(r.diagnosis_day) == 10);
    CHECK(num(r.probable_day) == 10);
    CHECK(num(r.clinical_day) == 12);
    CHECK(num(r.proven_day) == 15);
    CHECK(r.onset == c::sos_onset::classical);
    CHECK(r.on_diagnosis_day.contains(c::sos_ebmt2023_criterion::imaging));
    CHECK(r.on_diagnosis_day.contains(c::sos_ebmt2023_criterion::probable));
    // no HVPG measured: its criterion is unknown, the status is not indeterminate
    sos_episode n(30);
    n.sign(f::ascites, 10).bilirubin(10, 1.0).weight_gain(10, 1.0);
    const auto rn = ebmt2023(n);
    CHECK(rn.status == c::sos_status::not_met);
    CHECK(crit(rn, c::sos_ebmt2023_criterion::hvpg).criterion.result == outcome::unknown);
    CHECK(rn.missing.contains(c::sos_input_field::hvpg));
    // a missing bilirubin series could complete probable: indeterminate
    sos_episode m(30);
    m.sign(f::ascites, 10).weight_gain(10, 1.0);
    CHECK(ebmt2023(m).status == c::sos_status::indeterminate);
    // late onset by the first day any certainty held
    sos_episode l(40);
    l.sign(f::ascites, 22).sign(f::ultrasound_suggestive, 22);
    CHECK(ebmt2023(l).onset == c::sos_onset::late_onset);
    sos_episode k(40);
    k.sign(f::ascites, 21).sign(f::ultrasound_suggestive, 21);
    CHECK(ebmt2023(k).onset == c::sos_onset::classical);
}

// --- Thresholds as the results record them --------------------------------------------------------

TEST_CASE("Seattle weight-gain criterion records > 2 % (or > 3 %) and the day-20 window <= 20", "[COMP-SOS-012][COMP-SOS-013][Seattle]") {
    sos_episode e(30);
    e.sign(f::hepatomegaly, 3).weight_gain(0, 0.0).weight_gain(20, 2.5).bilirubin(1, 0.5);
    const auto r = seattle(e);
    REQUIRE(r.status == c::sos_status::met);
    const auto& w = crit(r, c::sos_seattle_criterion::weight_gain).criterion;
    CHECK(w.result == outcome::met);
    CHECK(w.cmp == hsct::comparator::greater);
    CHECK(w.threshold == 2.0);
    CHECK(w.requirement == std::string_view("COMP-SOS-012"));
    c::sos_seattle_options three;
    three.weight = c::sos_seattle_weight::over_3_percent;
    const auto r3 = seattle(e, three);
    const auto& w3 = crit(r3, c::sos_seattle_criterion::weight_gain).criterion;
    CHECK(w3.result == outcome::not_met);
    CHECK(w3.cmp == hsct::comparator::greater);
    CHECK(w3.threshold == 3.0);
    // the window: met on day 20 itself, recorded as "day <= 20"
    const auto& by = crit(r, c::sos_seattle_criterion::by_day_20);
    CHECK(by.criterion.result == outcome::met);
    CHECK(by.criterion.cmp == hsct::comparator::less_equal);
    CHECK(by.criterion.threshold == 20.0);
    CHECK(by.criterion.measured.number() == 20.0);
    CHECK(by.criterion.requirement == std::string_view("COMP-SOS-013"));
}

TEST_CASE("Seattle weight gain exactly at 2 % and 3 % is not above it; 2.01 % and 3.01 % are", "[COMP-SOS-012][Seattle]") {
    const auto with_gain = [](double pct) {
        sos_episode e(20);
        e.sign(f::hepatomegaly, 4).weight_gain(8, pct).bilirubin(2, 0.8);
        return e;
    };
    c::sos_seattle_options three;
    three.weight = c::sos_seattle_weight::over_3_percent;
    auto at2 = with_gain(2.0);
    const auto r2 = seattle(at2);
    CHECK(r2.status == c::sos_status::not_met);
    CHECK(crit(r2, c::sos_seattle_criterion::weight_gain).criterion.result == outcome::not_met);
    auto over2 = with_gain(2.01);
    CHECK(seattle(over2).status == c::sos_status::met);
    CHECK(num(seattle(over2).diagnosis_day) == 8);
    auto at3 = with_gain(3.0);
    CHECK(seattle(at3, three).status == c::sos_status::not_met);
    auto over3 = with_gain(3.01);
    CHECK(seattle(over3, three).status == c::sos_status::met);
}

TEST_CASE("Baltimore day-21 window recorded as day <= 21", "[COMP-SOS-024][Baltimore]") {
    sos_episode x(30);
    x.sign(f::hepatomegaly, 10).sign(f::ascites, 11).bilirubin(0, 0.5).bilirubin(21, 2.5);
    const auto r = baltimore(x);
    CHECK(r.status == c::sos_status::met);
    const auto& by = crit(r, c::sos_baltimore_criterion::by_day_21);
    CHECK(by.criterion.result == outcome::met);
    CHECK(by.criterion.cmp == hsct::comparator::less_equal);
    CHECK(by.criterion.threshold == 21.0);
    CHECK(by.criterion.measured.number() == 21.0);
    CHECK(by.criterion.requirement == std::string_view("COMP-SOS-024"));
}

TEST_CASE("EBMT 2016 records bilirubin >= 2 mg/dL and weight gain > 5 %", "[COMP-SOS-030][EBMT-2016]") {
    sos_episode x(21);
    x.sign(f::hepatomegaly, 5).sign(f::ruq_pain, 5).bilirubin(10, 2.0).weight_gain(10, 5.0);
    const auto r = ebmt2016(x);
    const auto& b = crit(r, c::sos_ebmt2016_criterion::bilirubin).criterion;
    CHECK(b.result == outcome::met);
    CHECK(b.cmp == hsct::comparator::greater_equal);
    CHECK(b.threshold == 2.0);
    CHECK(b.measured.number() == Approx(2.0));
    const auto& w = crit(r, c::sos_ebmt2016_criterion::weight_gain).criterion;
    CHECK(w.result == outcome::not_met);  // exactly 5 % is not above 5 %
    CHECK(w.cmp == hsct::comparator::greater);
    CHECK(w.threshold == 5.0);
    CHECK(w.measured.number() == Approx(5.0));
    CHECK(r.status == c::sos_status::not_met);  // bilirubin and one sign only
}

TEST_CASE("EBMT 2023 records bilirubin >= 2 mg/dL", "[COMP-SOS-051][EBMT-2023]") {
    sos_episode x(21);
    x.sign(f::hepatomegaly, 5).sign(f::ruq_pain, 5).sign(f::ascites, 5).bilirubin(10, 2.0).weight_gain(10, 0.0);
    const auto r = ebmt2023(x);
    CHECK(num(r.clinical_day) == 10);
    const auto& b = crit(r, c::sos_ebmt2023_criterion::bilirubin).criterion;
    CHECK(b.result == outcome::met);
    CHECK(b.cmp == hsct::comparator::greater_equal);
    CHECK(b.threshold == 2.0);
    CHECK(b.requirement == std::string_view("COMP-SOS-051"));
}

TEST_CASE("EBMT 2023 records weight gain > 5 %: exactly 5 % not met", "[COMP-SOS-050][EBMT-2023]") {
    sos_episode x(21);
    x.sign(f::ascites, 5).bilirubin(10, 1.0).weight_gain(10, 5.0);
    const auto r = ebmt2023(x);
    const auto& w = crit(r, c::sos_ebmt2023_criterion::weight_gain).criterion;
    CHECK(w.result == outcome::not_met);
    CHECK(w.cmp == hsct::comparator::greater);
    CHECK(w.threshold == 5.0);
    CHECK(w.measured.number() == Approx(5.0));
    CHECK_FALSE(r.probable_day.has_value());  // ascites alone is one of five
    sos_episode z(21);
    z.sign(f::ascites, 5).bilirubin(10, 1.0).weight_gain(10, 5.01);
    const auto rz = ebmt2023(z);
    CHECK(crit(rz, c::sos_ebmt2023_criterion::weight_gain).criterion.result == outcome::met);
    CHECK(num(rz.probable_day) == 10);
}

TEST_CASE("the population criterion: adult at >= 18 years, child at < 18 years, as recorded", "[COMP-SOS-005][EBMT-2016][EBMT-2018]") {
    sos_episode e(21);
    e.sign(f::hepatomegaly, 5).sign(f::ruq_pain, 5).sign(f::ascites, 6).bilirubin(10, 3.0);
    for (const int years : {17, 18}) {
        e.age(years);
        const auto r = ebmt2016(e);
        const auto& a = crit(r, c::sos_ebmt2016_criterion::adult).criterion;
        CHECK(a.result == (years >= 18 ? outcome::met : outcome::not_met));
        CHECK(a.cmp == hsct::comparator::greater_equal);
        CHECK(a.threshold == 18.0);
        CHECK(a.measured.number() == static_cast<double>(years));
        const auto p = c::assess_sos_paediatric(e.get());
        REQUIRE(p.has_value());
        CHECK((p->status == c::sos_status::not_applicable) == (years == 18));
        const auto& k = crit(*p, c::sos_paediatric_criterion::child).criterion;
        CHECK(k.result == (years < 18 ? outcome::met : outcome::not_met));
        CHECK(k.cmp == hsct::comparator::less);
        CHECK(k.threshold == 18.0);
        CHECK(k.requirement == std::string_view("COMP-SOS-005"));
    }
}

TEST_CASE("bilirubin unit edge: values between the printed 34 umol/L and 2 mg/dL flagged, others not", "[COMP-SOS-006][Baltimore][EBMT-2016]") {
    const auto ebmt = [](double v, bool umol) {
        sos_episode x(21);
        x.sign(f::hepatomegaly, 5).sign(f::ruq_pain, 5).weight_gain(10, 6.0);
        if (umol) {
            x.bilirubin_umol(10, v);
        } else {
            x.bilirubin(10, v);
        }
        return x;
    };
    c::sos_baltimore_options gt;
    gt.bilirubin_comparison = hsct::comparator::greater;
    // value, in umol/L?, flagged under ">= 2 mg/dL" (Baltimore default and EBMT 2016), under "> 2" (Baltimore)
    for (const auto& [v, umol, edge_ge, edge_gt] :
         {std::tuple{33.95, true, false, false},   // 1.985 mg/dL: below both thresholds
          std::tuple{34.0, true, true, false},     // 1.988 mg/dL: at the printed 34, below 2
          std::tuple{34.05, true, true, true},     // 1.991 mg/dL: above the printed 34, below 2
          std::tuple{2.0, false, false, true},     // 34.2 umol/L: at 2 mg/dL, above the printed 34
          std::tuple{2.1, false, false, false}}) { // above both
        auto b = baltimore_case(v, umol);
        CHECK(baltimore(b).bilirubin_unit_edge == edge_ge);
        CHECK(baltimore(b, gt).bilirubin_unit_edge == edge_gt);
        auto x = ebmt(v, umol);
        const auto r = ebmt2016(x);
        CHECK(r.bilirubin_unit_edge == edge_ge);
        CHECK((r.status == c::sos_status::met) == (umol ? v >= 34.2 : v >= 2.0));
    }
}

TEST_CASE("SOS/VOD diagnosis refuses bad options", "[COMP-SOS-001]") {
    sos_episode e(20);
    c::sos_seattle_options s;
    s.bilirubin_comparison = hsct::comparator::less;
    const auto rs = c::assess_sos_seattle(e.get(), s);
    REQUIRE_FALSE(rs.has_value());
    CHECK(rs.error().field() == "options.bilirubin_comparison");
    CHECK(rs.error().valid_range() == "greater or greater_equal");
    CHECK(rs.error().value() == "less");
    CHECK(rs.error().requirement() == "COMP-SOS-010");
    c::sos_seattle_options l;
    l.liver_sign = static_cast<c::sos_seattle_liver_sign>(7);
    CHECK(c::assess_sos_seattle(e.get(), l).error().field() == "options.liver_sign");
    c::sos_baltimore_options b;
    b.weight_comparison = hsct::comparator::equal;
    CHECK(c::assess_sos_baltimore(e.get(), b).error().field() == "options.weight_comparison");
    c::sos_ebmt2016_options a;
    a.adult_from_years = 25;
    CHECK(c::assess_sos_ebmt2016(e.get(), a).error().field() == "options.adult_from_years");
    c::sos_ebmt2023_options p;
    p.persistence = static_cast<c::sos_persistence>(0);
    CHECK(c::assess_sos_ebmt2023(e.get(), p).error().field() == "options.persistence");
    e.bilirubin(25, 1.0);  // after the assessment day
    CHECK(c::assess_sos_ebmt2023(e.get()).error().field() == "bilirubin[0].day");
}

TEST_CASE("SOS/VOD diagnosis allocates nothing", "[COMP-SOS-001]") {
    sos_episode e(40);
    e.bilirubin(10, 1.2).bilirubin(14, 2.4).sign(f::hepatomegaly, 11).sign(f::ruq_pain, 11).weight_gain(14, 6.0);
    e.sign(f::ascites, 12).hvpg(20, 12.0).age(40);
    auto& in = e.get();
    const hsct_test::allocation_counter n;
    const auto s = c::assess_sos_seattle(in);
    const auto b = c::assess_sos_baltimore(in);
    const auto a = c::assess_sos_ebmt2016(in);
    const auto r = c::assess_sos_ebmt2023(in);
    CHECK(n.count() == 0);
    CHECK(s->status == c::sos_status::met);
    CHECK(b->status == c::sos_status::met);
    CHECK(a->status == c::sos_status::met);
    CHECK(r->certainty == c::sos_ebmt2023_certainty::proven);
}

}  // namespace hsct_test_complications_sos_vod_test
