// Tests for include/hsct/complications/sos_vod_severity.hpp: the EBMT 2016 and 2023 adult severity
// tables row by row (every band edge below, at and above; bilirubin in mg/dL and in the printed
// umol/L), the two-in-a-column rule, MOD (and SOFA for 2023), the risk-factor upgrade, each named
// policy both ways, timing at diagnosis and worst ever, worked examples VOD-1..VOD-3 under both
// tables (reference notes 8.8, digest 10.6), refusals and no allocation.
#include <hsct/complications/sos_vod_severity.hpp>

#include <initializer_list>
#include <optional>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"
#include "support/sos_episode.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_sos_vod_severity_test {

namespace c = hsct::complications;
using hsct_test::sos_episode;
using f = c::sos_finding;
using row = c::sos_adult_severity_row;
using sev = c::sos_severity;
using hsct::outcome;

namespace {
c::sos_adult_severity_result grade(sos_episode& e, c::sos_severity_table t, const c::sos_adult_severity_options& o = {}) {
    auto r = t == c::sos_severity_table::ebmt_2016 ? c::assess_sos_ebmt2016_severity(e.get(), o)
                                                   : c::assess_sos_ebmt2023_severity(e.get(), o);
    REQUIRE(r.has_value());
    return *r;
}
c::sos_adult_severity_result g16(sos_episode& e, const c::sos_adult_severity_options& o = {}) {
    return grade(e, c::sos_severity_table::ebmt_2016, o);
}
c::sos_adult_severity_result g23(sos_episode& e, const c::sos_adult_severity_options& o = {}) {
    return grade(e, c::sos_severity_table::ebmt_2023, o);
}
/// The column(s) a row placed in (the last record of the row).
std::optional<sev> column(const c::sos_adult_severity_result& r, row id) {
    std::optional<sev> col;
    bool found = false;
    for (const auto& k : r.criteria) {
        if (k.criterion.id == id) {
            col = k.column;
            found = true;
        }
    }
    REQUIRE(found);
    return col;
}
const c::sos_graded_criterion<row>& record(const c::sos_adult_severity_result& r, row id) {
    for (const auto& k : r.criteria) {
        if (k.criterion.id == id) {
            return k;
        }
    }
    FAIL("row not recorded");
    return r.criteria[0];
}
/// Late onset proven by histology on D25 (so the rows under test do not decide the diagnosis),
/// first symptom D23 (2 days: severe), everything else at its mildest; the row under test is set by
/// the caller on D25.
sos_episode late_case() {
    sos_episode e(25);
    e.sign(f::histology, 25).first_symptom(23).alt(25, 1.0).creatinine(25, 1.0).weight_gain(25, 0.0);
    return e;
}
/// Classical on D14: bilirubin, painful hepatomegaly and ascites all from D14, so that the 2016
/// (classical) and the 2023 (probable and clinical) diagnoses fall on the same day; first symptom given.
sos_episode classical_case(double bili, int first_symptom) {
    sos_episode e(20);
    e.bilirubin(14, bili).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).first_symptom(first_symptom);
    return e;
}
}  // namespace

TEST_CASE("time since the first symptom: 4 severe, 5 and 7 moderate, 8 mild", "[COMP-SOS-040][COMP-SOS-047][EBMT-2016][EBMT-2023]") {
    const struct {
        int days;
        sev col;
    } cases[] = {{0, sev::severe}, {4, sev::severe}, {5, sev::moderate}, {7, sev::moderate}, {8, sev::mild}};
    for (const auto& k : cases) {
        auto e = classical_case(2.5, 14 - k.days);
        for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
            const auto r = grade(e, t);
            CHECK(column(r, row::time_since_first_symptom) == k.col);
            CHECK(record(r, row::time_since_first_symptom).criterion.measured.number() == k.days);
            CHECK(record(r, row::time_since_first_symptom).criterion.verified);
            CHECK_FALSE(r.first_symptom_derived);
        }
    }
}

TEST_CASE("the first symptom, when not given, is the first sign of the set (marked unverified)", "[COMP-SOS-047]") {
    sos_episode e(20);
    e.bilirubin(14, 2.5).sign(f::ruq_pain, 9).sign(f::hepatomegaly, 12).sign(f::ascites, 13);
    const auto r = g16(e);
    CHECK(r.first_symptom_derived);
    CHECK(r.first_symptom_day->number() == 9);
    CHECK(record(r, row::time_since_first_symptom).criterion.measured.number() == 5.0);
    CHECK_FALSE(record(r, row::time_since_first_symptom).criterion.verified);
    auto bad = classical_case(2.5, 15);  // after the diagnosis day
    const auto err = c::assess_sos_ebmt2016_severity(bad.get());
    REQUIRE_FALSE(err.has_value());
    CHECK(err.error().code() == hsct::errc::inconsistent);
    CHECK(err.error().field() == "first_symptom_day");
    CHECK(err.error().requirement() == "COMP-SOS-047");
}

TEST_CASE("bilirubin bands in mg/dL: 2, 3, 5, 8", "[COMP-SOS-040][COMP-SOS-055][EBMT-2016][EBMT-2023][HB24-49]") {
    // just below an edge, the printed umol/L band is already the next one (2.99 mg/dL = 51.1 umol/L):
    // flagged for 2016, whose table prints both units
    const struct {
        double mg;
        std::optional<sev> col;
        bool edge;
    } cases[] = {{1.99, std::nullopt, true}, {2.0, sev::mild, false},    {2.99, sev::mild, true},
                 {3.0, sev::moderate, false}, {4.99, sev::moderate, true}, {5.0, sev::severe, false},
                 {7.99, sev::severe, true},   {8.0, sev::very_severe, false}, {8.01, sev::very_severe, false}};
    for (const auto& k : cases) {
        auto e = late_case();
        e.bilirubin(25, k.mg);
        for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
            const auto r = grade(e, t);
            CHECK(column(r, row::bilirubin) == k.col);
            CHECK(record(r, row::bilirubin).criterion.result == (k.col ? outcome::met : outcome::not_met));
            CHECK(r.bilirubin_unit_edge == (k.edge && t == c::sos_severity_table::ebmt_2016));
        }
    }
}

TEST_CASE("bilirubin in umol/L: staged in mg/dL; the printed 34/51/85/136 bands flagged where they disagree", "[COMP-SOS-040][COMP-SOS-006][EBMT-2016]") {
    const struct {
        double umol;
        std::optional<sev> col;
        bool edge;
    } cases[] = {
        {33.0, std::nullopt, false},      // 1.93 mg/dL
        {34.0, std::nullopt, true},       // 1.99: printed mild
        {34.2, sev::mild, false},         // 2.00
        {51.0, sev::mild, true},          // 2.98: printed moderate
        {51.3, sev::moderate, false},     // 3.00
        {85.0, sev::moderate, true},      // 4.97: printed severe
        {85.5, sev::severe, false},       // 5.00
        {136.0, sev::severe, true},       // 7.95: printed very severe
        {136.8, sev::very_severe, false}, // 8.00
        {137.0, sev::very_severe, false}, // 8.01
    };
    for (const auto& k : cases) {
        auto e = late_case();
        e.bilirubin_umol(25, k.umol);
        const auto r = g16(e);
        CHECK(column(r, row::bilirubin) == k.col);
        CHECK(r.bilirubin_unit_edge == k.edge);
        if (k.col) {
            CHECK(record(r, row::bilirubin).criterion.measured.number() == Approx(k.umol / 17.1));
        }
        CHECK(column(g23(e), row::bilirubin) == k.col);
        CHECK_FALSE(g23(e).bilirubin_unit_edge);  // Table 49.3 prints mg/dL only
    }
}

TEST_CASE("transaminases x normal: 2, 5, 8 (upper edges inclusive)", "[COMP-SOS-040][COMP-SOS-055][EBMT-2016][EBMT-2023]") {
    const struct {
        double x;
        sev col;
    } cases[] = {{1.0, sev::mild},   {2.0, sev::mild},   {2.1, sev::moderate}, {5.0, sev::moderate},
                 {5.1, sev::severe}, {8.0, sev::severe}, {8.1, sev::very_severe}};
    for (const auto& k : cases) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(23).ast(25, k.x);
        CHECK(column(g16(e), row::transaminases) == k.col);
        CHECK(column(g23(e), row::transaminases) == k.col);
    }
}

TEST_CASE("creatinine x baseline: 1.2, 1.5, 2; the 2023 mild/moderate cells under both readings", "[COMP-SOS-040][COMP-SOS-057][EBMT-2016][EBMT-2023]") {
    const struct {
        double x;
        sev col;
    } cases[] = {{1.19, sev::mild},  {1.2, sev::moderate}, {1.49, sev::moderate},
                 {1.5, sev::severe}, {1.99, sev::severe},  {2.0, sev::very_severe}};
    for (const auto& k : cases) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(23).creatinine(25, k.x);
        CHECK(column(g16(e), row::creatinine) == k.col);
        CHECK(column(g23(e), row::creatinine) == k.col);  // split at 1.2 x (default)
    }
    c::sos_adult_severity_options base;
    base.renal_2023 = c::sos_ebmt2023_renal::baseline_is_mild;
    const struct {
        double x;
        sev col;
    } alt[] = {{0.9, sev::mild}, {1.0, sev::mild}, {1.01, sev::moderate}, {1.19, sev::moderate}, {1.5, sev::severe}};
    for (const auto& k : alt) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(23).creatinine(25, k.x);
        const auto r = g23(e, base);
        CHECK(column(r, row::creatinine) == k.col);
        CHECK(r.options.renal_2023 == c::sos_ebmt2023_renal::baseline_is_mild);
    }
    sos_episode e(25);
    e.sign(f::histology, 25).first_symptom(23).creatinine(25, 1.3);
    CHECK_FALSE(record(g23(e), row::creatinine).criterion.verified);  // 2023's moderate cell, read [C]
    CHECK(record(g16(e), row::creatinine).criterion.verified);
}

TEST_CASE("weight gain: 2016 < 5 mild, [5, 10) by the band policy, >= 10 very severe", "[COMP-SOS-040][COMP-SOS-041][EBMT-2016]") {
    const auto with = [](double pct, int first_symptom) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(first_symptom).weight_gain(25, pct);
        return e;
    };
    auto w49 = with(4.9, 23);
    CHECK(column(g16(w49), row::weight_gain) == sev::mild);
    CHECK_FALSE(record(g16(w49), row::weight_gain).criterion.verified);  // "< 5 %" is a corrected cell [M]
    // 5 %: severe with another severe criterion (time 2 days), else moderate (time 10 days: mild)
    auto w5s = with(5.0, 23);
    CHECK(column(g16(w5s), row::weight_gain) == sev::severe);
    CHECK(g16(w5s).grade == sev::severe);
    auto w5m = with(5.0, 15);
    CHECK(column(g16(w5m), row::weight_gain) == sev::moderate);
    auto w99 = with(9.9, 15);
    CHECK(column(g16(w99), row::weight_gain) == sev::moderate);
    auto w10 = with(10.0, 15);
    CHECK(column(g16(w10), row::weight_gain) == sev::very_severe);
    CHECK(record(g16(w10), row::weight_gain).criterion.verified);
    // counted in both: two records of the row, one per column
    c::sos_adult_severity_options both;
    both.weight_band = c::sos_ebmt2016_weight_band::count_in_both;
    const auto rb = g16(w5m, both);
    int n = 0;
    for (const auto& k : rb.criteria) {
        if (k.criterion.id == row::weight_gain) {
            ++n;
        }
    }
    CHECK(n == 2);
    CHECK(rb.column_counts[1] >= 1);
    CHECK(rb.column_counts[2] >= 1);
}

TEST_CASE("weight gain 10 %: very severe at and above it under both tables, and under either band policy", "[COMP-SOS-040][COMP-SOS-041][COMP-SOS-055][EBMT-2016][EBMT-2023]") {
    const auto with = [](double pct) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(15).weight_gain(25, pct);  // 10 days: mild by time
        return e;
    };
    c::sos_adult_severity_options both;
    both.weight_band = c::sos_ebmt2016_weight_band::count_in_both;
    // 9.9 %: the [5, 10) band (2016: moderate with no other severe criterion; 2023: severe)
    auto w99 = with(9.9);
    CHECK(column(g16(w99), row::weight_gain) == sev::moderate);
    CHECK(column(g23(w99), row::weight_gain) == sev::severe);
    // 10 % and 12 %: very severe, a verified cell, the 10 % edge recorded
    for (const double pct : {10.0, 12.0}) {
        auto w = with(pct);
        for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
            const auto r = grade(w, t);
            const auto& k = record(r, row::weight_gain);
            CHECK(k.column == sev::very_severe);
            CHECK(k.criterion.result == outcome::met);
            CHECK(k.criterion.verified);
            CHECK(k.criterion.cmp == hsct::comparator::greater_equal);
            CHECK(k.criterion.threshold == 10.0);
            CHECK(k.criterion.measured.number() == Approx(pct));
        }
        // the [5, 10) band policy does not reach it: one record, very severe
        const auto rb = g16(w, both);
        int n = 0;
        for (const auto& k : rb.criteria) {
            if (k.criterion.id == row::weight_gain) {
                ++n;
            }
        }
        CHECK(n == 1);
        CHECK(column(rb, row::weight_gain) == sev::very_severe);
    }
}

TEST_CASE("weight gain, 2023: blank below 5 % as printed, or filled from 2016", "[COMP-SOS-055][COMP-SOS-056][EBMT-2023][HB24-49]") {
    const auto with = [](double pct) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(15).weight_gain(25, pct);
        return e;
    };
    auto w49 = with(4.9);
    CHECK(column(g23(w49), row::weight_gain) == std::nullopt);
    CHECK(record(g23(w49), row::weight_gain).criterion.result == outcome::not_met);
    auto w5 = with(5.0);
    CHECK(column(g23(w5), row::weight_gain) == sev::severe);  // as printed, whatever else is severe
    auto w99 = with(9.9);
    CHECK(column(g23(w99), row::weight_gain) == sev::severe);
    auto w10 = with(10.0);
    CHECK(column(g23(w10), row::weight_gain) == sev::very_severe);
    c::sos_adult_severity_options fill;
    fill.weight_2023 = c::sos_ebmt2023_weight::as_2016;
    CHECK(column(g23(w49, fill), row::weight_gain) == sev::mild);
    CHECK(column(g23(w5, fill), row::weight_gain) == sev::moderate);  // no other severe criterion
    CHECK_FALSE(record(g23(w5, fill), row::weight_gain).criterion.verified);
}

TEST_CASE("bilirubin kinetics: doubling within 48 h is severe", "[COMP-SOS-048][EBMT-2016][EBMT-2023]") {
    const auto with = [](int earlier_day, double earlier, double later) {
        sos_episode e(20);
        e.bilirubin(earlier_day, earlier).bilirubin(14, later).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14);
        e.sign(f::ascites, 14).first_symptom(10);
        return e;
    };
    auto two_days = with(12, 1.1, 2.2);
    const auto r = g16(two_days);
    CHECK(column(r, row::bilirubin_kinetics) == sev::severe);
    CHECK(record(r, row::bilirubin_kinetics).criterion.measured.number() == Approx(2.0));
    CHECK_FALSE(record(r, row::bilirubin_kinetics).criterion.verified);  // 48 h read on days [P]
    CHECK(column(g23(two_days), row::bilirubin_kinetics) == sev::severe);
    auto almost = with(12, 1.1, 2.19);
    CHECK(column(g16(almost), row::bilirubin_kinetics) == std::nullopt);
    CHECK(record(g16(almost), row::bilirubin_kinetics).criterion.result == outcome::not_met);
    auto three_days = with(11, 1.0, 2.5);  // 72 h apart: no pair within 48 h
    CHECK(record(g16(three_days), row::bilirubin_kinetics).criterion.result == outcome::unknown);
    // a doubling before the first symptom is not read
    sos_episode early(20);
    early.bilirubin(3, 0.3).bilirubin(4, 0.7).bilirubin(14, 2.5).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14);
    early.sign(f::ascites, 14).first_symptom(10);
    CHECK(column(g16(early), row::bilirubin_kinetics) == std::nullopt);
}

TEST_CASE("the grade: the most severe column with two criteria", "[COMP-SOS-042][EBMT-2016][HB24-49]") {
    // moderate: bilirubin 3.5 and time 6 d; severe: transaminases 6 x only; mild: weight, creatinine
    auto e = classical_case(3.5, 8);
    e.alt(14, 6.0).weight_gain(14, 1.0).creatinine(14, 1.0);
    const auto r = g16(e);
    CHECK(r.status == c::sos_severity_status::graded);
    CHECK(r.grade == sev::moderate);
    CHECK(r.decided_by == c::sos_severity_decision::two_in_column);
    CHECK(r.column_counts[0] == 2);
    CHECK(r.column_counts[1] == 2);
    CHECK(r.column_counts[2] == 1);
    CHECK(r.deciding_rows.contains(row::bilirubin));
    CHECK(r.deciding_rows.contains(row::time_since_first_symptom));
    CHECK_FALSE(r.deciding_rows.contains(row::transaminases));
    // two columns with two: the more severe
    e.creatinine(15, 1.6);
    e.get().assessed_on = hsct::transplant_day::at(20);
    c::sos_adult_severity_options worst;
    worst.timing = c::sos_severity_timing::worst_ever;
    const auto w = g16(e, worst);
    CHECK(w.grade == sev::severe);
    CHECK(w.graded_on->number() == 15);
}

TEST_CASE("no column with two: the most severe with any (flagged) or ungradable", "[COMP-SOS-045][EBMT-2016]") {
    sos_episode e(25);
    e.sign(f::histology, 25).first_symptom(15).bilirubin(25, 5.5);  // time mild, bilirubin severe
    const auto r = g16(e);
    CHECK(r.grade == sev::severe);
    CHECK(r.decided_by == c::sos_severity_decision::single_criterion);
    c::sos_adult_severity_options u;
    u.no_column_with_two = c::sos_no_column_with_two::ungradable;
    const auto ru = g16(e, u);
    CHECK(ru.status == c::sos_severity_status::ungradable);
    CHECK_FALSE(ru.grade);
}

TEST_CASE("MOD/MOF is very severe; 2023 also by SOFA", "[COMP-SOS-043][COMP-SOS-058][EBMT-2016][EBMT-2023][HB24-49]") {
    auto e = classical_case(2.5, 4);
    e.sign(f::multi_organ_dysfunction, 14);
    const auto r = g16(e);
    CHECK(r.grade == sev::very_severe);
    CHECK(r.decided_by == c::sos_severity_decision::multi_organ_dysfunction);
    CHECK(r.deciding_rows.contains(row::multi_organ_dysfunction));
    CHECK(g23(e).grade == sev::very_severe);
    using o = c::sos_sofa_organ;
    auto s = classical_case(2.5, 4);
    s.sofa(14, o::renal, 2).sofa(14, o::respiration, 2);
    CHECK(g16(s).grade != sev::very_severe);  // 2016 does not read SOFA
    const auto r23 = g23(s);
    CHECK(r23.grade == sev::very_severe);
    CHECK(record(r23, row::multi_organ_dysfunction).criterion.measured.number() == 2.0);
    auto one = classical_case(2.5, 4);
    one.sofa(14, o::renal, 3).sofa(14, o::respiration, 1);
    CHECK(record(g23(one), row::multi_organ_dysfunction).criterion.result == outcome::not_met);
    auto pre = classical_case(2.5, 4);
    pre.sofa(14, o::renal, 2).sofa(14, o::liver, 3).sofa_baseline(o::liver, 2);  // liver rose by 1
    CHECK(record(g23(pre), row::multi_organ_dysfunction).criterion.result == outcome::not_met);
    auto unknown = classical_case(2.5, 4);
    unknown.not_assessed(f::multi_organ_dysfunction);
    const auto ru = g23(unknown);
    CHECK(record(ru, row::multi_organ_dysfunction).criterion.result == outcome::unknown);
    CHECK(ru.missing.contains(c::sos_input_field::sofa));
}

TEST_CASE("two or more risk factors move mild and moderate up one grade, never severe", "[COMP-SOS-044][EBMT-2016][EBMT-2023][HB24-49]") {
    // mild: bilirubin 2.5 and transaminases 1 x (mild), time 10 d (mild)
    sos_episode mc(20);
    mc.bilirubin(14, 2.5).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).first_symptom(4);
    mc.alt(14, 1.0);  // time 10 d: mild
    const auto r1 = g16(mc);
    CHECK(r1.grade == sev::mild);
    CHECK(record(r1, row::risk_factors).criterion.result == outcome::unknown);
    CHECK(r1.missing.contains(c::sos_input_field::risk_factors));
    mc.risk_factors(1);
    CHECK(g16(mc).grade == sev::mild);
    mc.risk_factors(2);
    const auto r2 = g16(mc);
    CHECK(r2.grade == sev::moderate);
    CHECK(r2.grade_before_upgrade == sev::mild);
    CHECK(r2.risk_factor_upgrade);
    CHECK(r2.deciding_rows.contains(row::risk_factors));
    // moderate -> severe
    sos_episode md(20);
    md.bilirubin(14, 3.5).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).first_symptom(8);
    md.risk_factors(2);
    CHECK(g16(md).grade == sev::severe);
    CHECK(g23(md).grade == sev::severe);
    // severe stays severe
    sos_episode sv(20);
    sv.bilirubin(14, 5.5).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).first_symptom(12);
    sv.risk_factors(3);
    const auto r3 = g16(sv);
    CHECK(r3.grade == sev::severe);
    CHECK_FALSE(r3.risk_factor_upgrade);
    // listed risk factors count too
    sos_episode lf(20);
    lf.bilirubin(14, 2.5).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).first_symptom(4);
    lf.alt(14, 1.0);
    auto& in = lf.get();
    in.risk_factors.assessed = true;
    in.risk_factors.present.insert(c::sos_risk_factor::second_hct);
    in.risk_factors.present.insert(c::sos_risk_factor::busulfan_oral_or_high_dose);
    CHECK(g16(lf).grade == sev::moderate);
}

TEST_CASE("timing: at diagnosis by default, or the worst day to date", "[COMP-SOS-046][EBMT-2016][HB24-49]") {
    auto e = classical_case(2.5, 4);
    e.alt(14, 1.0).bilirubin(17, 8.5).creatinine(17, 2.1);
    const auto at = g16(e);
    CHECK(at.options.timing == c::sos_severity_timing::at_diagnosis);
    CHECK(at.graded_on->number() == 14);
    CHECK(at.grade == sev::mild);
    c::sos_adult_severity_options worst;
    worst.timing = c::sos_severity_timing::worst_ever;
    const auto w = g16(e, worst);
    CHECK(w.grade == sev::very_severe);
    CHECK(w.graded_on->number() == 17);
    CHECK(w.diagnosis_day->number() == 14);
}

TEST_CASE("not diagnosed, other cause, and children: no grade", "[COMP-SOS-040][COMP-SOS-005]") {
    sos_episode none(20);
    none.bilirubin(14, 1.0);
    CHECK(g16(none).status == c::sos_severity_status::not_diagnosed);
    CHECK_FALSE(g16(none).grade);
    auto other = classical_case(2.5, 4);
    other.other_causes(c::sos_other_cause::present);
    CHECK(g16(other).status == c::sos_severity_status::not_diagnosed);
    auto child = classical_case(2.5, 4);
    child.age(12);
    CHECK(g16(child).status == c::sos_severity_status::not_applicable);
    CHECK(g23(child).status == c::sos_severity_status::not_applicable);
}

TEST_CASE("VOD-1: severe under EBMT 2016 and 2023", "[SOS-1][VOD-1][EBMT-2016][EBMT-2023]") {
    // day +14; bilirubin 2.4; painful hepatomegaly; weight +6 %; ALT 1.5 x; creatinine 1.1 x; symptoms 3 d
    sos_episode e(14);
    e.bilirubin(14, 2.4).sign(f::hepatomegaly, 11).sign(f::ruq_pain, 11).weight_gain(14, 6.0).alt(14, 1.5);
    e.creatinine(14, 1.1).first_symptom(11);
    const auto r = g16(e);
    CHECK(r.diagnosis_day->number() == 14);
    CHECK(r.onset == c::sos_onset::classical);
    CHECK(column(r, row::bilirubin) == sev::mild);
    CHECK(column(r, row::transaminases) == sev::mild);
    CHECK(column(r, row::creatinine) == sev::mild);
    CHECK(column(r, row::time_since_first_symptom) == sev::severe);
    CHECK(column(r, row::weight_gain) == sev::severe);  // another severe criterion: time
    CHECK(r.column_counts[0] == 3);
    CHECK(r.column_counts[2] == 2);
    CHECK(r.grade == sev::severe);
    CHECK(r.decided_by == c::sos_severity_decision::two_in_column);
    const auto n = g23(e);
    CHECK(column(n, row::weight_gain) == sev::severe);
    CHECK(column(n, row::creatinine) == sev::mild);
    CHECK(n.grade == sev::severe);
    CHECK(n.certainty == c::sos_ebmt2023_certainty::clinical);
}

TEST_CASE("VOD-2: moderate, severe with two risk factors, under both tables", "[SOS-2][VOD-2][EBMT-2016][EBMT-2023]") {
    // bilirubin 3.5; symptoms 6 d; ALT 1.5 x; weight +3 %; creatinine 1.0 x (painful hepatomegaly and
    // ascites make the diagnosis)
    sos_episode e(14);
    e.bilirubin(14, 3.5).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).first_symptom(8);
    e.alt(14, 1.5).weight_gain(14, 3.0).creatinine(14, 1.0);
    const auto r = g16(e);
    CHECK(r.column_counts[1] == 2);  // bilirubin, time
    CHECK(r.column_counts[0] == 3);  // ALT, weight, creatinine
    CHECK(r.grade == sev::moderate);
    const auto n = g23(e);
    CHECK(column(n, row::weight_gain) == std::nullopt);  // no 2023 criterion below 5 %
    CHECK(n.column_counts[0] == 2);
    CHECK(n.grade == sev::moderate);
    e.risk_factors(2);
    CHECK(g16(e).grade == sev::severe);
    CHECK(g23(e).grade == sev::severe);
}

TEST_CASE("VOD-3: very severe, bilirubin 8.0 mg/dL (136.8 umol/L) and creatinine 2.1 x", "[SOS-3][VOD-3][EBMT-2016][EBMT-2023]") {
    for (const bool umol : {false, true}) {
        sos_episode e(14);
        if (umol) {
            e.bilirubin_umol(14, 136.8);
        } else {
            e.bilirubin(14, 8.0);
        }
        e.sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).creatinine(14, 2.1).first_symptom(12);
        for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
            const auto r = grade(e, t);
            CHECK(r.grade == sev::very_severe);
            CHECK(r.decided_by == c::sos_severity_decision::two_in_column);
            CHECK(r.deciding_rows.contains(row::bilirubin));
            CHECK(r.deciding_rows.contains(row::creatinine));
            CHECK_FALSE(r.bilirubin_unit_edge);
        }
    }
}

TEST_CASE("time since the first symptom: each column names its edge, <= 4 d for severe", "[COMP-SOS-040][COMP-SOS-047][EBMT-2016][EBMT-2023]") {
    using hsct::comparator;
    const struct {
        int days;
        sev col;
        comparator cmp;
        double threshold;
    } cases[] = {{3, sev::severe, comparator::less_equal, 4.0},   {4, sev::severe, comparator::less_equal, 4.0},
                 {5, sev::moderate, comparator::greater_equal, 5.0}, {7, sev::moderate, comparator::greater_equal, 5.0},
                 {8, sev::mild, comparator::greater, 7.0}};
    for (const auto& k : cases) {
        auto e = classical_case(2.5, 14 - k.days);
        for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
            const auto p = record(grade(e, t), row::time_since_first_symptom);
            CHECK(p.column == k.col);
            CHECK(p.criterion.result == outcome::met);
            CHECK(p.criterion.cmp == k.cmp);
            CHECK(p.criterion.threshold == k.threshold);
        }
    }
}

TEST_CASE("bilirubin and transaminase rows name the band edge that placed them", "[COMP-SOS-040][COMP-SOS-055][EBMT-2016][EBMT-2023]") {
    using hsct::comparator;
    const struct {
        double mg;
        outcome result;
        double threshold;
    } bili[] = {{1.5, outcome::not_met, 2.0}, {2.0, outcome::met, 2.0}, {3.5, outcome::met, 3.0}, {8.0, outcome::met, 8.0}};
    for (const auto& k : bili) {
        auto e = late_case();
        e.bilirubin(25, k.mg);
        for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
            const auto p = record(grade(e, t), row::bilirubin);
            CHECK(p.criterion.result == k.result);
            CHECK(p.criterion.cmp == comparator::greater_equal);  // "2 mg/dL or more"
            CHECK(p.criterion.threshold == k.threshold);
        }
    }
    const struct {
        double x;
        sev col;
        comparator cmp;
        double threshold;
    } alt[] = {{2.0, sev::mild, comparator::less_equal, 2.0},   {3.0, sev::moderate, comparator::greater, 2.0},
               {6.0, sev::severe, comparator::greater, 5.0},    {8.0, sev::severe, comparator::greater, 5.0},
               {9.0, sev::very_severe, comparator::greater, 8.0}};
    for (const auto& k : alt) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(23).ast(25, k.x);
        for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
            const auto p = record(grade(e, t), row::transaminases);
            CHECK(p.column == k.col);
            CHECK(p.criterion.cmp == k.cmp);
            CHECK(p.criterion.threshold == k.threshold);
        }
    }
}

TEST_CASE("bilirubin kinetics explains a doubling as a ratio of 2 or more", "[COMP-SOS-048][EBMT-2016][EBMT-2023]") {
    sos_episode e(20);
    e.bilirubin(12, 1.0).bilirubin(14, 2.5).sign(f::hepatomegaly, 14).sign(f::ruq_pain, 14).sign(f::ascites, 14).first_symptom(10);
    for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
        const auto p = record(grade(e, t), row::bilirubin_kinetics);
        CHECK(p.criterion.result == outcome::met);
        CHECK(p.criterion.cmp == hsct::comparator::greater_equal);
        CHECK(p.criterion.threshold == 2.0);
    }
}

TEST_CASE("creatinine row names its band edge under 2016, 2023 and the 2023 baseline reading", "[COMP-SOS-040][COMP-SOS-055][COMP-SOS-057][EBMT-2016][EBMT-2023]") {
    using hsct::comparator;
    const struct {
        double x;
        comparator cmp;
        double threshold;
    } split[] = {{1.1, comparator::less, 1.2},          {1.3, comparator::greater_equal, 1.2},
                 {1.6, comparator::greater_equal, 1.5}, {2.1, comparator::greater_equal, 2.0}};
    for (const auto& k : split) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(23).creatinine(25, k.x);
        for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
            const auto p = record(grade(e, t), row::creatinine);
            CHECK(p.criterion.cmp == k.cmp);
            CHECK(p.criterion.threshold == k.threshold);
        }
    }
    c::sos_adult_severity_options base;
    base.renal_2023 = c::sos_ebmt2023_renal::baseline_is_mild;
    const struct {
        double x;
        sev col;
        comparator cmp;
        double threshold;
    } alt[] = {{1.0, sev::mild, comparator::less_equal, 1.0},
               {1.1, sev::moderate, comparator::greater, 1.0},
               {1.6, sev::severe, comparator::greater_equal, 1.5}};
    for (const auto& k : alt) {
        sos_episode e(25);
        e.sign(f::histology, 25).first_symptom(23).creatinine(25, k.x);
        const auto p = record(g23(e, base), row::creatinine);
        CHECK(p.column == k.col);
        CHECK(p.criterion.cmp == k.cmp);
        CHECK(p.criterion.threshold == k.threshold);
    }
}

TEST_CASE("weight gain below 5 % in the 2016 row: mild by \"< 5 %\"", "[COMP-SOS-040][EBMT-2016]") {
    sos_episode e(25);
    e.sign(f::histology, 25).first_symptom(15).weight_gain(25, 4.9);
    const auto p = record(g16(e), row::weight_gain);
    CHECK(p.column == sev::mild);
    CHECK(p.criterion.cmp == hsct::comparator::less);
    CHECK(p.criterion.threshold == 5.0);
}

TEST_CASE("MOD by SOFA explains two or more organs", "[COMP-SOS-058][EBMT-2023][HB24-49]") {
    using o = c::sos_sofa_organ;
    auto s = classical_case(2.5, 4);
    s.sofa(14, o::renal, 2).sofa(14, o::respiration, 2);
    const auto p = record(g23(s), row::multi_organ_dysfunction);
    CHECK(p.criterion.result == outcome::met);
    CHECK(p.criterion.cmp == hsct::comparator::greater_equal);
    CHECK(p.criterion.threshold == 2.0);
    auto one = classical_case(2.5, 4);
    one.sofa(14, o::renal, 2);
    const auto q = record(g23(one), row::multi_organ_dysfunction);
    CHECK(q.criterion.result == outcome::not_met);
    CHECK(q.criterion.cmp == hsct::comparator::greater_equal);
    CHECK(q.criterion.measured.number() == 1.0);
}

TEST_CASE("the risk-factor row explains two or more", "[COMP-SOS-044][EBMT-2016][EBMT-2023]") {
    auto e = classical_case(2.5, 4);
    e.risk_factors(2);
    for (const auto t : {c::sos_severity_table::ebmt_2016, c::sos_severity_table::ebmt_2023}) {
        const auto p = record(grade(e, t), row::risk_factors);
        CHECK(p.criterion.result == outcome::met);
        CHECK(p.criterion.cmp == hsct::comparator::greater_equal);
        CHECK(p.criterion.threshold == 2.0);
        CHECK(p.criterion.measured.number() == 2.0);
    }
}

TEST_CASE("adult severity refuses bad options and propagates bad input", "[COMP-SOS-001]") {
    auto e = classical_case(2.5, 4);
    c::sos_adult_severity_options o;
    o.timing = static_cast<c::sos_severity_timing>(3);
    CHECK(c::assess_sos_ebmt2016_severity(e.get(), o).error().field() == "options.timing");
    c::sos_adult_severity_options w;
    w.weight_2023 = static_cast<c::sos_ebmt2023_weight>(0);
    CHECK(c::assess_sos_ebmt2023_severity(e.get(), w).error().field() == "options.weight_2023");
    c::sos_adult_severity_options d;
    d.diagnosis_2016.hvpg_comparison = hsct::comparator::less;
    CHECK(c::assess_sos_ebmt2016_severity(e.get(), d).error().field() == "options.hvpg_comparison");
    e.get().assessed_on = hsct::transplant_day::at(-2);
    CHECK(c::assess_sos_ebmt2023_severity(e.get()).error().field() == "assessed_on");
}

TEST_CASE("adult severity allocates nothing", "[COMP-SOS-040][COMP-SOS-055]") {
    auto e = classical_case(2.5, 4);
    e.alt(14, 1.5).weight_gain(14, 6.0).creatinine(14, 1.1).bilirubin(16, 6.0).risk_factors(2);
    e.sofa(15, c::sos_sofa_organ::renal, 2);
    auto& in = e.get();
    c::sos_adult_severity_options worst;
    worst.timing = c::sos_severity_timing::worst_ever;
    const hsct_test::allocation_counter n;
    const auto a = c::assess_sos_ebmt2016_severity(in, worst);
    const auto b = c::assess_sos_ebmt2023_severity(in);
    CHECK(n.count() == 0);
    CHECK(a->grade.has_value());
    CHECK(b->grade.has_value());
}

}  // namespace hsct_test_complications_sos_vod_severity_test
