// Tests for include/hsct/complications/sos_vod_input.hpp: the value types core lacks (HVPG, GFR,
// oxygen flow) checked on construction, every refusal of a bad episode (COMP-SOS-001), how the
// episode is read day by day (COMP-SOS-002: findings until resolved, values carried or not), weight
// gain as a percentage of the stated baseline (COMP-SOS-003), and SOFA-defined MOD (COMP-SOS-058).
#include <hsct/complications/sos_vod_input.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <type_traits>
#include <vector>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"
#include "support/sos_episode.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_sos_vod_input_test {

namespace c = hsct::complications;
using hsct_test::sos_episode;
using f = c::sos_finding;

namespace {
std::optional<hsct::error> check(sos_episode& e) { return c::detail::check_sos_input(e.get()); }
hsct::transplant_day day(int d) { return hsct::transplant_day::at(d); }
}  // namespace

TEST_CASE("HVPG, GFR and oxygen flow are checked on construction", "[COMP-SOS-001]") {
    STATIC_REQUIRE(sizeof(c::pressure_gradient) == sizeof(double));
    STATIC_REQUIRE(sizeof(c::filtration_rate) == sizeof(double));
    STATIC_REQUIRE(sizeof(c::oxygen_flow) == sizeof(double));
    STATIC_REQUIRE(std::is_trivially_copyable_v<c::pressure_gradient>);
    CHECK(c::pressure_gradient::make(10.0)->value() == 10.0);
    CHECK(c::pressure_gradient::make(0.0).has_value());
    CHECK(c::pressure_gradient::make(60.0).has_value());
    const auto over = c::pressure_gradient::make(60.5);
    REQUIRE_FALSE(over.has_value());
    CHECK(over.error().code() == hsct::errc::out_of_range);
    CHECK(over.error().field() == "hvpg");
    CHECK(over.error().value() == "60.5 mmHg");
    CHECK(over.error().valid_range() == "0-60 mmHg");
    CHECK(over.error().requirement() == "COMP-SOS-001");
    CHECK(c::pressure_gradient::make(-0.1).error().code() == hsct::errc::out_of_range);
    CHECK(c::pressure_gradient::make(std::nan("")).error().code() == hsct::errc::not_finite);
    CHECK(c::filtration_rate::make(300.0).has_value());
    CHECK(c::filtration_rate::make(300.1).error().valid_range() == "0-300 mL/min/1.73 m2");
    // a child's absolute clearance is normalised to 1.73 m2 before the bands read it: an infant's
    // 25 mL/min at 0.45 m2 is 96 mL/min/1.73 m2 (normal), not severe
    const auto infant = *c::clearance::make(25.0);
    CHECK(c::normalised_gfr(infant, hsct::area(0.45, hsct::units::m2))->value() == Approx(25.0 * 1.73 / 0.45));
    CHECK(c::normalised_gfr(infant, hsct::area(0.05, hsct::units::m2)).error().field() == "bsa");
    CHECK(c::normalised_gfr(infant, hsct::area(3.6, hsct::units::m2)).error().field() == "bsa");
    CHECK(c::normalised_gfr(infant, hsct::area(3.5, hsct::units::m2)).has_value());
    // the result's own range still binds: 300 mL/min at 1.0 m2 is 519 mL/min/1.73 m2
    const auto high = c::normalised_gfr(*c::clearance::make(300.0), hsct::area(1.0, hsct::units::m2));
    REQUIRE_FALSE(high.has_value());
    CHECK(high.error().field() == "gfr");
    // an absolute clearance is its own checked type, not the normalised rate
    STATIC_REQUIRE_FALSE(std::is_convertible_v<c::clearance, c::filtration_rate>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<c::filtration_rate, c::clearance>);
    CHECK(c::clearance::make(300.1).error().value() == "300.1 mL/min");
    CHECK(c::clearance::make(-1.0).error().field() == "clearance");
    CHECK(c::oxygen_flow::make(80.0).has_value());
    CHECK(c::oxygen_flow::make(80.1).error().field() == "oxygen");
    CHECK(c::oxygen_flow::make(-1.0, "oxygen[2].value").error().field() == "oxygen[2].value");
    CHECK_FALSE(c::sos_sofa_score::make(5).has_value());
    CHECK(c::sos_sofa_score::make(4)->value() == 4);
}

TEST_CASE("a well-formed episode passes, and its check allocates nothing", "[COMP-SOS-001]") {
    sos_episode e(20);
    e.bilirubin(3, 1.0).bilirubin(10, 2.4).weight_gain(4, 1.0).creatinine(5, 1.1).alt(5, 1.5).ast(6, 2.0);
    e.hvpg(12, 11.0).gfr(8, 95.0).oxygen(8, 0.0).sign(f::hepatomegaly, 9, 15).sofa(10, c::sos_sofa_organ::renal, 2);
    auto& in = e.get();
    const hsct_test::allocation_counter n;
    const auto err = c::detail::check_sos_input(in);
    CHECK(n.count() == 0);
    CHECK_FALSE(err.has_value());
}

TEST_CASE("the episode's span: assessment day, episode start, measurement days", "[COMP-SOS-001]") {
    {
        sos_episode e(20);
        e.get().assessed_on = day(-1);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->field() == "assessed_on");
        CHECK(err->value() == "D-1");
        CHECK(err->valid_range() == "D0 or later");
    }
    for (const int start : {-61, 1}) {
        sos_episode e(20);
        e.get().episode_start = day(start);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->field() == "episode_start");
        CHECK(err->valid_range() == "D-60 to D0");
    }
    {
        sos_episode e(20);
        e.get().episode_start = day(-60);
        e.bilirubin(-60, 0.5);
        CHECK_FALSE(check(e));  // D-60 is the earliest start allowed
    }
    {
        sos_episode e(20);
        e.bilirubin(10, 1.0).bilirubin(21, 2.0);  // the day after the assessment day
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::out_of_range);
        CHECK(err->field() == "bilirubin[1].day");
        CHECK(err->value() == "D+21");
        CHECK(err->valid_range() == "D0 to D+20 (episode_start to assessed_on)");
        CHECK(err->requirement() == "COMP-SOS-001");
    }
    {
        sos_episode e(20);
        e.bilirubin(-1, 1.0);  // before the default episode start, D0
        CHECK(check(e)->field() == "bilirubin[0].day");
    }
    {
        sos_episode e(20);
        e.bilirubin(10, 1.0).bilirubin(10, 2.0);  // two values a day
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::inconsistent);
        CHECK(err->field() == "bilirubin[1].day");
        CHECK(err->valid_range() == "a day after D+10 (one value a day, in day order)");
    }
    {
        sos_episode e(20);
        e.bilirubin(10, 1.0).bilirubin(9, 2.0);  // out of order
        CHECK(check(e)->code() == hsct::errc::inconsistent);
    }
    {
        sos_episode e(20);
        e.gfr(3, 50.0).gfr(2, 40.0);
        CHECK(check(e)->field() == "gfr[1].day");
    }
}

TEST_CASE("values outside their range are refused with their field", "[COMP-SOS-001]") {
    {
        sos_episode e(20);
        e.bilirubin(4, 150.0);  // core's plausible range is 0-100 mg/dL
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::out_of_range);
        CHECK(err->field() == "bilirubin[0].value");
        CHECK(err->value() == "150 mg/dL");
        CHECK(err->valid_range() == "0-100 mg/dL");
    }
    {
        sos_episode e(20);
        e.bilirubin(4, std::numeric_limits<double>::quiet_NaN());
        CHECK(check(e)->code() == hsct::errc::not_finite);
    }
    {
        sos_episode e(20);
        e.creatinine(4, -0.1);
        CHECK(check(e)->field() == "creatinine[0].value");
    }
    for (const double kg : {0.0, -3.0, 500.5}) {
        sos_episode e(20);
        e.weight_kg(4, kg);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->field() == "weight[0].value");
        CHECK(err->valid_range() == "above 0 kg, at most 500 kg");
    }
    {
        sos_episode e(20);
        e.weight_kg(4, 500.0);
        CHECK_FALSE(check(e));
    }
}

TEST_CASE("a weight series needs a baseline weight, a creatinine series a baseline creatinine", "[COMP-SOS-001][COMP-SOS-003]") {
    {
        sos_episode e(20);
        e.weight_gain(4, 1.0);
        e.get().baseline_weight.reset();
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::missing);
        CHECK(err->field() == "baseline_weight");
        CHECK(err->requirement() == "COMP-SOS-003");
    }
    {
        sos_episode e(20);  // no weights: no baseline needed
        e.get().baseline_weight.reset();
        CHECK_FALSE(check(e));
    }
    {
        sos_episode e(20);
        e.get().baseline_weight->value = hsct::mass(0.0, hsct::units::kg);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->field() == "baseline_weight.value");
        CHECK(err->value() == "0 kg");
    }
    {
        sos_episode e(20);
        e.get().baseline_weight->day = day(21);
        CHECK(check(e)->field() == "baseline_weight.day");
    }
    {
        sos_episode e(20);
        e.creatinine(5, 1.0);
        e.get().baseline_creatinine.reset();
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::missing);
        CHECK(err->field() == "baseline_creatinine");
    }
    {
        sos_episode e(20);
        e.get().baseline_creatinine = hsct::creatinine(0.0, hsct::units::mg_per_dl);
        CHECK(check(e)->field() == "baseline_creatinine");
    }
}

TEST_CASE("findings: onset in the episode, resolution after onset, extent only for ascites", "[COMP-SOS-001]") {
    {
        sos_episode e(20);
        e.sign(f::hepatomegaly, 21);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->field() == "findings[0].onset");
        CHECK(err->value() == "D+21");
    }
    {
        sos_episode e(20);
        e.sign(f::ascites, 10, 10);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::inconsistent);
        CHECK(err->field() == "findings[0].resolved");
    }
    {
        sos_episode e(20);
        e.sign(f::ascites, 10, 25);  // resolved after the assessment day: allowed
        CHECK_FALSE(check(e));
    }
    {
        sos_episode e(20);
        e.ascites(10, c::sos_ascites_extent::moderate);
        CHECK_FALSE(check(e));
        e.sign(f::hepatomegaly, 10);
        auto& in = e.get();
        std::vector<c::sos_finding_record> bad(in.findings.begin(), in.findings.end());
        bad[1].extent = c::sos_ascites_extent::minimal;
        in.findings = bad;
        const auto err = c::detail::check_sos_input(in);
        REQUIRE(err);
        CHECK(err->field() == "findings[1].extent");
        CHECK(err->code() == hsct::errc::inconsistent);
    }
    {
        sos_episode e(20);
        auto& in = e.get();
        c::sos_finding_record r;
        r.finding = static_cast<c::sos_finding>(0);
        r.onset = day(3);
        const c::sos_finding_record rs[] = {r};
        in.findings = rs;
        const auto err = c::detail::check_sos_input(in);
        REQUIRE(err);
        CHECK(err->field() == "findings[0].finding");
        CHECK(err->code() == hsct::errc::out_of_range);
    }
}

TEST_CASE("SOFA records, first-symptom day, other causes and series sizes", "[COMP-SOS-001]") {
    {
        sos_episode e(20);
        e.sofa(10, c::sos_sofa_organ::renal, 2).sofa(10, c::sos_sofa_organ::renal, 3);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->field() == "sofa[1].day");
        CHECK(err->code() == hsct::errc::inconsistent);
    }
    {
        sos_episode e(20);
        e.sofa_baseline(c::sos_sofa_organ::liver, 1).sofa_baseline(c::sos_sofa_organ::liver, 2);
        CHECK(check(e)->field() == "sofa_baseline[1].organ");
    }
    {
        sos_episode e(20);
        e.first_symptom(21);
        CHECK(check(e)->field() == "first_symptom_day");
    }
    {
        sos_episode e(20);
        e.get().other_causes = static_cast<c::sos_other_cause>(9);
        CHECK(check(e)->field() == "other_causes");
    }
    {
        sos_episode e(2000);
        for (int d = 0; d <= 1024; ++d) {
            e.bilirubin(d, 1.0);
        }
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->field() == "bilirubin");
        CHECK(err->valid_range() == "at most 1024 values");
    }
}

TEST_CASE("the value types' upper bounds: the bound accepted, the next tenth refused", "[COMP-SOS-001]") {
    CHECK(c::pressure_gradient::make(60.0)->value() == 60.0);
    const auto hv = c::pressure_gradient::make(60.05);
    REQUIRE_FALSE(hv.has_value());
    CHECK(hv.error().field() == "hvpg");
    CHECK(hv.error().code() == hsct::errc::out_of_range);
    CHECK(c::filtration_rate::make(300.0)->value() == 300.0);
    CHECK(c::filtration_rate::make(300.05).error().field() == "gfr");
    CHECK(c::clearance::make(300.0)->value() == 300.0);
    const auto cl = c::clearance::make(300.05);
    REQUIRE_FALSE(cl.has_value());
    CHECK(cl.error().field() == "clearance");
    CHECK(cl.error().valid_range() == "0-300 mL/min");
    CHECK(c::oxygen_flow::make(80.0)->value() == 80.0);
    const auto ox = c::oxygen_flow::make(80.05);
    REQUIRE_FALSE(ox.has_value());
    CHECK(ox.error().field() == "oxygen");
    CHECK(ox.error().valid_range() == "0-80 L/min");
}

TEST_CASE("weights: 500 kg accepted, just above refused, in the series and as baseline", "[COMP-SOS-001][COMP-SOS-003]") {
    {
        sos_episode e(20);
        e.weight_kg(4, 500.0);
        e.get().baseline_weight->value = hsct::mass(500.0, hsct::units::kg);
        CHECK_FALSE(check(e));
    }
    {
        sos_episode e(20);
        e.weight_kg(4, 500.05);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::out_of_range);
        CHECK(err->field() == "weight[0].value");
        CHECK(err->valid_range() == "above 0 kg, at most 500 kg");
    }
    {
        sos_episode e(20);
        e.get().baseline_weight->value = hsct::mass(500.05, hsct::units::kg);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->field() == "baseline_weight.value");
    }
}

TEST_CASE("series and record counts: 1,024 values and 256 records accepted, one more refused", "[COMP-SOS-001]") {
    {
        sos_episode e(2000);
        for (int d = 0; d < 1024; ++d) {
            e.bilirubin(d, 1.0);
        }
        CHECK_FALSE(check(e));
        e.bilirubin(1024, 1.0);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::out_of_range);
        CHECK(err->field() == "bilirubin");
        CHECK(err->value() == "1025 values");
    }
    {
        sos_episode e(20);
        for (int i = 0; i < 256; ++i) {
            e.sign(f::hepatomegaly, i % 21);
        }
        CHECK_FALSE(check(e));
        e.sign(f::ascites, 3);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::out_of_range);
        CHECK(err->field() == "findings");
        CHECK(err->value() == "257 records");
        CHECK(err->valid_range() == "at most 256 records");
    }
    {
        // one score a day for each of the six organs: 256 records over days 0-42
        const auto organs = hsct::values<c::sos_sofa_organ>();
        sos_episode e(60);
        for (int i = 0; i < 256; ++i) {
            e.sofa(i / 6, organs[static_cast<std::size_t>(i % 6)], 1);
        }
        CHECK_FALSE(check(e));
        e.sofa(50, c::sos_sofa_organ::renal, 2);
        const auto err = check(e);
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::out_of_range);
        CHECK(err->field() == "sofa");
        CHECK(err->value() == "257 records");
        CHECK(err->valid_range() == "at most 256 records");
    }
}

TEST_CASE("an options comparator: greater and greater_equal accepted, the others refused", "[COMP-SOS-001]") {
    CHECK_FALSE(c::detail::sos_check_comparator(hsct::comparator::greater, "options.x", "COMP-SOS-010"));
    CHECK_FALSE(c::detail::sos_check_comparator(hsct::comparator::greater_equal, "options.x", "COMP-SOS-010"));
    for (const auto cmp : {hsct::comparator::less, hsct::comparator::less_equal, hsct::comparator::equal}) {
        const auto err = c::detail::sos_check_comparator(cmp, "options.x", "COMP-SOS-023");
        REQUIRE(err);
        CHECK(err->code() == hsct::errc::out_of_range);
        CHECK(err->field() == "options.x");
        CHECK(err->valid_range() == "greater or greater_equal");
        CHECK(err->requirement() == "COMP-SOS-023");
    }
}

TEST_CASE("a finding record made whole by from() and ascites_of()", "[COMP-SOS-002]") {
    constexpr auto r = c::sos_finding_record::from(f::ruq_pain, hsct::transplant_day::at(4), hsct::transplant_day::at(9), true);
    STATIC_REQUIRE(r.finding == f::ruq_pain);
    STATIC_REQUIRE(r.resolved->number() == 9);
    STATIC_REQUIRE(r.by_imaging);
    STATIC_REQUIRE(r.extent == c::sos_ascites_extent::not_graded);
    constexpr auto a = c::sos_finding_record::ascites_of(c::sos_ascites_extent::moderate, hsct::transplant_day::at(2));
    STATIC_REQUIRE(a.finding == f::ascites);
    STATIC_REQUIRE(a.extent == c::sos_ascites_extent::moderate);
    STATIC_REQUIRE_FALSE(a.resolved.has_value());
}

TEST_CASE("findings hold from onset until resolved; unassessed findings are unknown", "[COMP-SOS-002]") {
    sos_episode e(20);
    e.sign(f::hepatomegaly, 5, 9).not_assessed(f::ruq_pain);
    const c::detail::sos_view v(e.get(), c::sos_persistence::carry_forward);
    using t = c::detail::tri;
    CHECK(v.finding(f::hepatomegaly, day(4)) == t::no);
    CHECK(v.finding(f::hepatomegaly, day(5)) == t::yes);
    CHECK(v.finding(f::hepatomegaly, day(8)) == t::yes);
    CHECK(v.finding(f::hepatomegaly, day(9)) == t::no);  // the resolution day is exclusive
    CHECK(v.finding(f::ruq_pain, day(6)) == t::unknown);
    CHECK(v.finding(f::ascites, day(6)) == t::no);
    CHECK(v.days_present(f::hepatomegaly, day(8)) == 4);
    CHECK(v.days_present(f::hepatomegaly, day(9)) == 0);
}

TEST_CASE("laboratory values: carried to the next value, or read on their own day", "[COMP-SOS-002]") {
    sos_episode e(20);
    e.bilirubin(5, 2.5).bilirubin(9, 1.5);
    const c::detail::sos_view carry(e.get(), c::sos_persistence::carry_forward);
    const c::detail::sos_view same(e.get(), c::sos_persistence::same_day_only);
    CHECK_FALSE(carry.bilirubin(day(4)).known);
    CHECK(carry.bilirubin(day(7)).value == 2.5);
    CHECK(carry.bilirubin(day(7)).measured_on == day(5));
    CHECK(carry.bilirubin(day(12)).value == 1.5);
    CHECK_FALSE(same.bilirubin(day(7)).known);
    CHECK(same.bilirubin(day(9)).value == 1.5);
}

TEST_CASE("weight gain is a percentage of the stated baseline, in any mass unit", "[COMP-SOS-003]") {
    sos_episode e(20, 80.0);
    e.weight_kg(3, 82.0);
    const c::detail::sos_view v(e.get(), c::sos_persistence::carry_forward);
    CHECK(v.weight_gain(day(3)).value == Approx(2.5));
    auto& in = e.get();
    in.baseline_weight->value = hsct::mass(176.36980974790578, hsct::units::lb);  // 80 kg
    const c::detail::sos_view lb(in, c::sos_persistence::carry_forward);
    CHECK(lb.weight_gain(day(3)).value == Approx(2.5));
    CHECK(v.creatinine_ratio(day(3)).known == false);
}

TEST_CASE("transaminases read as the higher of ALT and AST", "[COMP-SOS-002]") {
    sos_episode e(20);
    e.alt(3, 1.5).ast(4, 3.2).alt(6, 4.0);
    const c::detail::sos_view v(e.get(), c::sos_persistence::carry_forward);
    CHECK(v.transaminases(day(3)).value == 1.5);
    CHECK(v.transaminases(day(5)).value == 3.2);
    CHECK(v.transaminases(day(5)).measured_on == day(4));
    CHECK(v.transaminases(day(7)).value == 4.0);
}

TEST_CASE("MOD by SOFA: two organs at 2 or more; a pre-existing organ by a rise of 2", "[COMP-SOS-058][HB24-49]") {
    using o = c::sos_sofa_organ;
    sos_episode e(20);
    e.sofa(10, o::renal, 2).sofa(10, o::liver, 1).sofa(12, o::liver, 2).sofa(12, o::respiration, 3);
    e.sofa_baseline(o::respiration, 2);  // respiration was involved before: 2 -> 3 is a rise of 1
    const c::detail::sos_view v(e.get(), c::sos_persistence::carry_forward);
    bool increase = false;
    CHECK(v.sofa_mod_organs(day(9), &increase) == -1);  // no score yet: unknown
    CHECK(v.sofa_mod_organs(day(10), &increase) == 1);
    CHECK(v.sofa_mod_organs(day(12), &increase) == 2);  // renal and liver; not respiration
    CHECK_FALSE(increase);
    sos_episode g(20);
    g.sofa(10, o::renal, 2).sofa(10, o::respiration, 4).sofa_baseline(o::respiration, 2);
    const c::detail::sos_view w(g.get(), c::sos_persistence::carry_forward);
    CHECK(w.sofa_mod_organs(day(10), &increase) == 2);  // 2 -> 4 counts
    CHECK(increase);
}

}  // namespace hsct_test_complications_sos_vod_input_test
