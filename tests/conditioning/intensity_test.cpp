// Tests for include/hsct/conditioning/intensity.hpp: the worked examples of the reference notes
// (clinical-scores-conditioning.md 11.5) under both rule sets, every threshold below, at and
// above, the melphalan-140 policy, the TCI groups and the TCI score's band edges (COND-INT-001..004).
#include <hsct/conditioning/intensity.hpp>

#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <span>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_intensity_test {

namespace c = hsct::conditioning;
using c::agent;
using I = c::conditioning_intensity;

namespace {
c::regimen_component part(const hsct::result<c::agent_dose>& d, std::initializer_list<int> days) {
    REQUIRE(d.has_value());
    c::regimen_component x{*d, {}};
    for (const int day : days) {
        x.days.push_back(hsct::transplant_day::at(day));
    }
    return x;
}
c::regimen regimen_of(std::initializer_list<c::regimen_component> parts) {
    auto r = c::make_regimen("test", "", std::span<const c::regimen_component>(parts.begin(), parts.size()));
    REQUIRE(r.has_value());
    return *r;
}
c::regimen_component flu(int days) {
    std::initializer_list<int> five{-6, -5, -4, -3, -2};
    std::initializer_list<int> three{-4, -3, -2};
    return part(c::make_dose<agent::fludarabine>(hsct::dose_per_area(30, hsct::units::mg_per_m2)),
                days == 3 ? three : five);
}
c::regimen_component bu_iv(double per_day, std::initializer_list<int> days) {
    return part(c::make_dose<agent::busulfan_iv>(hsct::dose_per_mass(per_day, hsct::units::mg_per_kg)), days);
}
c::regimen_component tbi(double per_fraction, int fractions, std::initializer_list<int> days) {
    return part(c::make_tbi(hsct::radiation_dose(per_fraction, hsct::units::Gy), fractions), days);
}
c::regimen_component mel(double v) {
    return part(c::make_dose<agent::melphalan>(hsct::dose_per_area(v, hsct::units::mg_per_m2)), {-1});
}
c::intensity_result assessed(const c::regimen& r, c::intensity_rule_set rules,
                             c::melphalan_140_policy m = c::melphalan_140_policy::reduced_intensity) {
    c::intensity_options o;
    o.rules = rules;
    o.melphalan_140 = m;
    const auto x = c::assess_intensity(r, o);
    REQUIRE(x.has_value());
    return *x;
}
I intensity(const c::regimen& r, c::intensity_rule_set rules,
            c::melphalan_140_policy m = c::melphalan_140_policy::reduced_intensity) {
    return assessed(r, rules, m).intensity;
}
constexpr auto baci = c::intensity_rule_set::bacigalupo_2009;
constexpr auto cibmtr = c::intensity_rule_set::cibmtr_workshop_2009;
}  // namespace

TEST_CASE("the worked examples of the reference notes (11.5)", "[COND-INT-001][COND-INT-002][V-HB24]") {
    // FluBu2: 6.4 mg/kg IV = 8.0 oral-eq: RIC under both
    const auto flubu2 = c::regimens::flu_bu2();
    CHECK(intensity(flubu2, baci) == I::reduced_intensity);
    CHECK(intensity(flubu2, cibmtr) == I::reduced_intensity);
    // Bu 7.0 mg/kg IV (8.75 oral-eq): MAC by Bacigalupo (> 8), RIC by the workshop (< 9): the conflict
    const auto bu7 = regimen_of({bu_iv(7.0 / 3.0, {-4, -3, -2}), flu(5)});
    CHECK(intensity(bu7, baci) == I::myeloablative);
    CHECK(intensity(bu7, cibmtr) == I::reduced_intensity);
    // FluBu4 12.8 IV = 16 oral-eq: MAC
    CHECK(intensity(c::regimens::flu_bu4(), baci) == I::myeloablative);
    CHECK(intensity(c::regimens::flu_bu4(), cibmtr) == I::myeloablative);
    // TBI 12 Gy fractionated + Cy 120: MAC
    CHECK(intensity(c::regimens::cy_tbi(), baci) == I::myeloablative);
    // TBI 4 Gy (2 x 2 Gy) + Flu: RIC
    const auto tbi4 = regimen_of({tbi(2.0, 2, {-1}), flu(5)});
    CHECK(intensity(tbi4, baci) == I::reduced_intensity);
    CHECK(intensity(tbi4, cibmtr) == I::reduced_intensity);
    // TBI 5 Gy single fraction: MAC
    const auto tbi5 = regimen_of({tbi(5.0, 1, {-1})});
    CHECK(intensity(tbi5, baci) == I::myeloablative);
    CHECK(intensity(tbi5, cibmtr) == I::myeloablative);
    // TBI 2 Gy + Flu 90: NMA
    CHECK(intensity(c::regimens::flu_tbi_2gy(), baci) == I::non_myeloablative);
    // Flu + Mel 140: policy (default RIC; literal MAC); Flu + Mel 100: RIC
    CHECK(intensity(c::regimens::flu_mel(), cibmtr) == I::reduced_intensity);
    CHECK(intensity(c::regimens::flu_mel(), cibmtr, c::melphalan_140_policy::myeloablative) == I::myeloablative);
    CHECK(intensity(regimen_of({flu(5), mel(100)}), cibmtr) == I::reduced_intensity);
}

TEST_CASE("TBI thresholds below, at and above (Bacigalupo inclusive; workshop strict)", "[COND-INT-001][COND-INT-002][V-HB24]") {
    // single fraction: 4.9 / 5.0
    CHECK(intensity(regimen_of({tbi(4.9, 1, {-1})}), baci) == I::reduced_intensity);
    CHECK(intensity(regimen_of({tbi(5.0, 1, {-1})}), baci) == I::myeloablative);
    CHECK(intensity(regimen_of({tbi(4.9, 1, {-1})}), cibmtr) == I::reduced_intensity);
    CHECK(intensity(regimen_of({tbi(5.0, 1, {-1})}), cibmtr) == I::myeloablative);
    // fractionated: 7.8 (2 x 1.95 x 2 days) / 8.0 / 8.4
    CHECK(intensity(regimen_of({tbi(1.95, 2, {-2, -1})}), baci) == I::reduced_intensity);
    CHECK(intensity(regimen_of({tbi(2.0, 2, {-2, -1})}), baci) == I::myeloablative);
    CHECK(intensity(regimen_of({tbi(2.1, 2, {-2, -1})}), baci) == I::myeloablative);
    CHECK(intensity(regimen_of({tbi(1.95, 2, {-2, -1})}), cibmtr) == I::reduced_intensity);
    CHECK(intensity(regimen_of({tbi(2.0, 2, {-2, -1})}), cibmtr) == I::myeloablative);
    // NMA: TBI 2 Gy with fludarabine; 2.2 Gy single is RIC
    CHECK(intensity(regimen_of({tbi(2.0, 1, {0}), flu(3)}), baci) == I::non_myeloablative);
    CHECK(intensity(regimen_of({tbi(2.2, 1, {0}), flu(3)}), baci) == I::reduced_intensity);
}

TEST_CASE("busulfan thresholds below, at and above, IV read as oral / 0.8", "[COND-INT-001][COND-INT-002][V2]") {
    // oral-eq 8 (IV 6.4): not MAC by Bacigalupo (> 8 needed); 8.4 (IV 6.72): MAC
    CHECK(intensity(regimen_of({bu_iv(3.2, {-3, -2}), flu(5)}), baci) == I::reduced_intensity);
    CHECK(intensity(regimen_of({bu_iv(2.24, {-4, -3, -2}), flu(5)}), baci) == I::myeloablative);
    // workshop: oral-eq 8.8 (IV 7.04) RIC; 9.0 (IV 7.2) MAC; 9.6 MAC
    CHECK(intensity(regimen_of({bu_iv(2.3466666666666667, {-4, -3, -2}), flu(5)}), cibmtr) == I::reduced_intensity);
    CHECK(intensity(regimen_of({bu_iv(2.4, {-4, -3, -2}), flu(5)}), cibmtr) == I::myeloablative);
    CHECK(intensity(regimen_of({bu_iv(2.56, {-4, -3, -2}), flu(5)}), cibmtr) == I::myeloablative);
    const auto r = c::assess_intensity(regimen_of({bu_iv(2.4, {-4, -3, -2})}), {cibmtr, c::melphalan_140_policy::reduced_intensity});
    REQUIRE(r.has_value());
    CHECK(r->decided_by == c::intensity_criterion::ric_busulfan);
    REQUIRE_FALSE(r->criteria.empty());
    CHECK(r->criteria[0].threshold == 9.0);
}

TEST_CASE("melphalan and thiotepa limits under the workshop rule set", "[COND-INT-002][V]") {
    CHECK(intensity(regimen_of({mel(139)}), cibmtr) == I::reduced_intensity);
    CHECK(intensity(regimen_of({mel(140)}), cibmtr) == I::reduced_intensity);
    CHECK(intensity(regimen_of({mel(141)}), cibmtr) == I::myeloablative);
    CHECK(intensity(c::regimens::mel200(), cibmtr) == I::myeloablative);
    const auto tt = [](std::initializer_list<int> days, double per_day) {
        return part(c::make_dose<agent::thiotepa>(hsct::dose_per_mass(per_day, hsct::units::mg_per_kg)), days);
    };
    CHECK(intensity(regimen_of({tt({-3, -2}, 4.95)}), cibmtr) == I::reduced_intensity);
    CHECK(intensity(regimen_of({tt({-3, -2}, 5.0)}), cibmtr) == I::myeloablative);
    CHECK(intensity(c::regimens::tbf(), cibmtr) == I::myeloablative);
}

TEST_CASE("each intensity threshold on the side the cases above leave out", "[COND-INT-001][COND-INT-002]") {
    // TBI in one fraction above 5 Gy (historical single-fraction TBI; above hsct's per-day range,
    // so given with a centre's own maximum): MAC by both rule sets
    const auto tbi6 =
        part(c::make_tbi(hsct::radiation_dose(6.0, hsct::units::Gy), 1, c::dose_range_options{6.0}), {-1});
    CHECK(intensity(regimen_of({tbi6}), baci) == I::myeloablative);
    CHECK(intensity(regimen_of({tbi6}), cibmtr) == I::myeloablative);
    // fractionated 8.4 Gy: MAC under the workshop's strict limit as well
    CHECK(intensity(regimen_of({tbi(2.1, 2, {-2, -1})}), cibmtr) == I::myeloablative);
    // busulfan oral-eq 7.5 (IV 6.0): below Bacigalupo's > 8
    CHECK(intensity(regimen_of({bu_iv(3.0, {-3, -2}), flu(5)}), baci) == I::reduced_intensity);
    // TBI 1.8 Gy with fludarabine: below the NMA limit of 2 Gy
    CHECK(intensity(regimen_of({tbi(1.8, 1, {0}), flu(3)}), baci) == I::non_myeloablative);
    // thiotepa 12 mg/kg (3 x 4): above the workshop's RIC limit of 10
    const auto tt = part(c::make_dose<agent::thiotepa>(hsct::dose_per_mass(4.0, hsct::units::mg_per_kg)), {-4, -3, -2});
    CHECK(intensity(regimen_of({tt}), cibmtr) == I::myeloablative);
}

TEST_CASE("post-transplant cyclophosphamide is not conditioning; the decisive criterion is named", "[COND-INT-001]") {
    const auto r = c::assess_intensity(c::regimens::flu_cy_tbi_ptcy());
    REQUIRE(r.has_value());
    CHECK(r->intensity == I::non_myeloablative);
    CHECK(r->options.rules == baci);
    const auto m = c::assess_intensity(c::regimens::flu_bu4());
    CHECK(m->decided_by == c::intensity_criterion::busulfan_mac);
    REQUIRE_FALSE(m->criteria.empty());
    CHECK_FALSE(m->criteria[m->criteria.size() - 1].verified);  // the busulfan threshold is recollection [M]
    CHECK(c::assess_intensity(c::regimens::beam())->intensity == I::reduced_intensity);
}

TEST_CASE("TCI groups of a total", "[COND-INT-003][V]") {
    using G = c::tci_group;
    CHECK(c::tci_group_of(1.0) == G::low);
    CHECK(c::tci_group_of(2.0) == G::low);
    CHECK(c::tci_group_of(2.5) == G::intermediate);
    CHECK(c::tci_group_of(3.5) == G::intermediate);
    CHECK(c::tci_group_of(4.0) == G::high);
    CHECK(c::tci_group_of(6.0) == G::high);
    CHECK(c::tci_group_of(0.5) == G::outside_derived_range);
    CHECK(c::tci_group_of(6.5) == G::outside_derived_range);
    CHECK(c::tci_group_of(2.25) == G::outside_derived_range);
}

namespace {
// The criterion a result recorded for `id`, which must be there.
const hsct::criterion<c::intensity_criterion>& recorded(const c::intensity_result& r, c::intensity_criterion id) {
    for (const auto& x : r.criteria) {
        if (x.id == id) {
            return x;
        }
    }
    FAIL("criterion not recorded");
    return r.criteria[0];
}
}  // namespace

TEST_CASE("the comparator and threshold each intensity criterion records", "[COND-INT-001][COND-INT-002][V-HB24]") {
    using K = c::intensity_criterion;
    using hsct::comparator;
    // Bacigalupo: single-fraction TBI is MAC at 5 Gy or more (inclusive)
    const auto tbi5 = part(c::make_tbi(hsct::radiation_dose(5.0, hsct::units::Gy), 1, c::dose_range_options{6.0}), {-1});
    const auto b = assessed(regimen_of({tbi5}), baci);
    CHECK(b.intensity == I::myeloablative);
    CHECK(recorded(b, K::tbi_single_fraction_mac).cmp == comparator::greater_equal);
    CHECK(recorded(b, K::tbi_single_fraction_mac).threshold == 5.0);
    CHECK(recorded(b, K::tbi_single_fraction_mac).result == hsct::outcome::met);
    // the workshop: every agent is RIC strictly under its limit, and says so
    const auto w = assessed(regimen_of({tbi5}), cibmtr);
    CHECK(w.intensity == I::myeloablative);
    CHECK(recorded(w, K::ric_tbi_single_fraction).cmp == comparator::less);
    CHECK(recorded(w, K::ric_tbi_single_fraction).result == hsct::outcome::not_met);
    const auto f = assessed(regimen_of({tbi(2.0, 2, {-2, -1}), flu(3)}), cibmtr);
    CHECK(recorded(f, K::ric_tbi_fractionated).cmp == comparator::less);
    CHECK(recorded(f, K::ric_tbi_fractionated).threshold == 8.0);
    const auto bu = assessed(regimen_of({bu_iv(2.4, {-4, -3, -2})}), cibmtr);
    CHECK(recorded(bu, K::ric_busulfan).cmp == comparator::less);
    const auto tt = part(c::make_dose<agent::thiotepa>(hsct::dose_per_mass(4.0, hsct::units::mg_per_kg)), {-3, -2});
    const auto t = assessed(regimen_of({tt}), cibmtr);
    CHECK(recorded(t, K::ric_thiotepa).cmp == comparator::less);
    CHECK(recorded(t, K::ric_thiotepa).result == hsct::outcome::met);
    // melphalan: the comparator follows the policy for exactly 140 mg/m2
    const auto mr = assessed(regimen_of({mel(100)}), cibmtr, c::melphalan_140_policy::reduced_intensity);
    CHECK(recorded(mr, K::ric_melphalan).cmp == comparator::less_equal);
    const auto mm = assessed(regimen_of({mel(100)}), cibmtr, c::melphalan_140_policy::myeloablative);
    CHECK(recorded(mm, K::ric_melphalan).cmp == comparator::less);
    CHECK(recorded(mm, K::ric_melphalan).threshold == 140.0);
    CHECK(recorded(mm, K::ric_melphalan).result == hsct::outcome::met);
}

TEST_CASE("undeclared options are refused", "[COND-INT-001][CORE-ENUM-002]") {
    c::intensity_options o;
    o.rules = static_cast<c::intensity_rule_set>(7);
    const auto r = c::assess_intensity(c::regimens::flu_mel(), o);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "options.rules");
}

// ---------------------------------------------------------------------------------------------
// COND-INT-004: the TCI score under a caller's table. The weights below are TEST DATA, chosen to
// exercise the rule; they are not the weights of Spyridonidis et al. 2020 (hsct ships none).
// ---------------------------------------------------------------------------------------------
namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr c::tci_band test_bands[] = {
    {c::agent::tbi, 0.0, 6.0, 0.5},
    {c::agent::tbi, 6.0, inf, 2.0},
    {c::agent::busulfan_iv, 0.0, 6.4, 1.0},
    {c::agent::busulfan_iv, 6.4, inf, 2.5},
    {c::agent::melphalan, 0.0, 140.0, 1.0},
    {c::agent::melphalan, 140.0, 200.0, 1.5},
    {c::agent::fludarabine, 0.0, inf, 0.5},
    {c::agent::cyclophosphamide, 0.0, 60.0, 0.5},
    {c::agent::cyclophosphamide, 60.0, inf, 1.0},
};
c::tci_weight_table test_table() {
    auto t = c::make_tci_weights("test weights", "hsct tests (not the paper's)", test_bands);
    REQUIRE(t.has_value());
    return *t;
}
}  // namespace

TEST_CASE("TCI: the sum of each agent's band weight, grouped; agents not listed stay unscored", "[COND-INT-004][COND-INT-003]") {
    const auto t = test_table();
    const auto flu_bu4 = c::assess_tci(c::regimens::flu_bu4(), t);  // Flu 160 -> 0.5; Bu IV 12.8 -> 2.5
    REQUIRE(flu_bu4.has_value());
    CHECK(flu_bu4->total == 3.0);
    CHECK(flu_bu4->group == c::tci_group::intermediate);
    REQUIRE(flu_bu4->scored.size() == 2);
    CHECK(flu_bu4->largest() == c::agent::busulfan_iv);
    CHECK(flu_bu4->scored[1].band == 3);
    CHECK(flu_bu4->unscored.empty());
    CHECK_FALSE(flu_bu4->table_verified);

    const auto flu_bu2 = c::assess_tci(c::regimens::flu_bu2(), t);  // Bu IV 6.4: at the edge, upper band
    REQUIRE(flu_bu2.has_value());
    CHECK(flu_bu2->scored[1].weight == 2.5);
    REQUIRE(flu_bu2->unscored.size() == 1);  // ATG-F
    CHECK(flu_bu2->unscored[0] == c::agent::atg_grafalon);

    const auto mel = c::assess_tci(c::regimens::flu_mel(), t);  // Mel 140: at the edge, upper band
    REQUIRE(mel.has_value());
    CHECK(mel->total == 2.0);
    CHECK(mel->group == c::tci_group::low);

    const auto haplo = c::assess_tci(c::regimens::flu_cy_tbi_ptcy(), t);  // PTCy after Day 0 is not conditioning
    REQUIRE(haplo.has_value());
    for (const auto& x : haplo->scored) {
        if (x.which == c::agent::cyclophosphamide) {
            CHECK(x.total == 29.0);  // 14.5 x 2 before Day 0
            CHECK(x.weight == 0.5);
        }
    }
    CHECK(haplo->total == 1.5);  // Flu 0.5 + Cy 0.5 + TBI 2 Gy 0.5

    const auto mel200 = c::assess_tci(c::regimens::mel200(), t);  // Mel 200: past the last band
    REQUIRE_FALSE(mel200.has_value());
    CHECK(mel200.error().code() == hsct::errc::out_of_range);
    CHECK(mel200.error().field() == "regimen.melphalan");
    CHECK(mel200.error().value() == "200 mg/m2");
}

namespace {
// One agent's regimen scored under a table: the single part it is scored for.
c::tci_contribution scored_alone(const c::regimen& r, const c::tci_weight_table& t) {
    const auto x = c::assess_tci(r, t);
    REQUIRE(x.has_value());
    REQUIRE(x->scored.size() == 1);
    CHECK(x->unscored.empty());
    return x->scored[0];
}
c::regimen_component cy(double per_day, std::initializer_list<int> days) {
    return part(c::make_dose<agent::cyclophosphamide>(hsct::dose_per_mass(per_day, hsct::units::mg_per_kg)), days);
}
c::regimen_component mel_days(double per_day, std::initializer_list<int> days) {
    return part(c::make_dose<agent::melphalan>(hsct::dose_per_area(per_day, hsct::units::mg_per_m2)), days);
}
c::regimen_component ara_c(double per_day) {
    return part(c::make_dose<agent::cytarabine>(hsct::dose_per_area(per_day, hsct::units::mg_per_m2)), {-5, -4, -3, -2});
}
// TEST DATA again (not the paper's weights): bands with gaps below, between and after them, so a
// total can fall outside every band of its agent.
constexpr c::tci_band gapped_bands[] = {
    {c::agent::tbi, 6.0, inf, 2.0},
    {c::agent::busulfan_iv, 6.4, inf, 2.5},
    {c::agent::cyclophosphamide, 60.0, inf, 1.0},
    {c::agent::melphalan, 0.0, 100.0, 1.0},
    {c::agent::melphalan, 140.0, 200.0, 1.5},
    {c::agent::cytarabine, 0.0, 1000.0, 1.0},
};
c::tci_weight_table gapped_table() {
    auto t = c::make_tci_weights("gapped test weights", "hsct tests (not the paper's)", gapped_bands);
    REQUIRE(t.has_value());
    return *t;
}
// The error of a total in none of its agent's bands.
void check_refused(const c::regimen& r, const c::tci_weight_table& t, const char* field, const char* value) {
    const auto x = c::assess_tci(r, t);
    REQUIRE_FALSE(x.has_value());
    CHECK(x.error().code() == hsct::errc::out_of_range);
    CHECK(x.error().field() == field);
    CHECK(x.error().value() == value);
    CHECK(x.error().requirement() == "COND-INT-004");
}
}  // namespace

TEST_CASE("TCI band edges below, at and above: from is inclusive, to exclusive", "[COND-INT-004][COND-INT-003]") {
    const auto t = test_table();
    // TBI [0, 6) 0.5 | [6, inf) 2.0: 4 Gy, 6 Gy (3 Gy a day x 2), 8 Gy
    const auto tbi4 = scored_alone(regimen_of({tbi(2.0, 2, {-1})}), t);
    CHECK(tbi4.band == 0);
    CHECK(tbi4.weight == 0.5);
    const auto tbi6 = scored_alone(regimen_of({tbi(1.5, 2, {-2, -1})}), t);
    CHECK(tbi6.total == 6.0);
    CHECK(tbi6.band == 1);
    CHECK(tbi6.weight == 2.0);
    CHECK(scored_alone(regimen_of({tbi(2.0, 2, {-2, -1})}), t).weight == 2.0);
    // the edge moves the sum across a group boundary: Flu 150 (0.5) + TBI 4 Gy is low, + TBI 6 Gy intermediate
    const auto low = c::assess_tci(regimen_of({tbi(2.0, 2, {-1}), flu(5)}), t);
    REQUIRE(low.has_value());
    CHECK(low->total == 1.0);
    CHECK(low->group == c::tci_group::low);
    const auto intermediate = c::assess_tci(regimen_of({tbi(1.5, 2, {-2, -1}), flu(5)}), t);
    REQUIRE(intermediate.has_value());
    CHECK(intermediate->total == 2.5);
    CHECK(intermediate->group == c::tci_group::intermediate);

    // busulfan IV [0, 6.4) 1.0 | [6.4, inf) 2.5: 3.2, 6.4, 9.6 mg/kg
    const auto bu32 = scored_alone(regimen_of({bu_iv(3.2, {-2})}), t);
    CHECK(bu32.band == 2);
    CHECK(bu32.weight == 1.0);
    CHECK(scored_alone(regimen_of({bu_iv(3.2, {-3, -2})}), t).weight == 2.5);
    CHECK(scored_alone(regimen_of({bu_iv(3.2, {-4, -3, -2})}), t).weight == 2.5);

    // melphalan [0, 140) 1.0 | [140, 200) 1.5 | none from 200: 100, 140, 160, 200 and 220 mg/m2
    const auto mel100 = scored_alone(regimen_of({mel(100)}), t);
    CHECK(mel100.band == 4);
    CHECK(mel100.weight == 1.0);
    const auto mel140 = scored_alone(regimen_of({mel(140)}), t);
    CHECK(mel140.band == 5);
    CHECK(mel140.weight == 1.5);
    CHECK(scored_alone(regimen_of({mel(160)}), t).band == 5);
    check_refused(c::regimens::mel200(), t, "regimen.melphalan", "200 mg/m2");
    check_refused(regimen_of({mel_days(110, {-2, -1})}), t, "regimen.melphalan", "220 mg/m2");

    // cyclophosphamide [0, 60) 0.5 | [60, inf) 1.0: 29, 60 and 120 mg/kg
    const auto cy29 = scored_alone(regimen_of({cy(14.5, {-6, -5})}), t);
    CHECK(cy29.band == 7);
    CHECK(cy29.weight == 0.5);
    const auto cy60 = scored_alone(regimen_of({cy(60.0, {-3})}), t);
    CHECK(cy60.band == 8);
    CHECK(cy60.weight == 1.0);
    CHECK(scored_alone(regimen_of({cy(60.0, {-3, -2})}), t).weight == 1.0);
}

TEST_CASE("TCI: a total below, between or after its agent's bands is refused", "[COND-INT-004]") {
    const auto t = gapped_table();
    // below the first band: TBI 4 Gy under [6, inf); busulfan IV 3.2 under [6.4, inf); Cy 29 under [60, inf)
    check_refused(regimen_of({tbi(2.0, 2, {-1})}), t, "regimen.tbi", "4 Gy");
    CHECK(scored_alone(regimen_of({tbi(1.5, 2, {-2, -1})}), t).weight == 2.0);
    check_refused(regimen_of({bu_iv(3.2, {-2})}), t, "regimen.busulfan_iv", "3.2 mg/kg");
    check_refused(regimen_of({cy(14.5, {-6, -5})}), t, "regimen.cyclophosphamide", "29 mg/kg");
    // melphalan [0, 100) and [140, 200): 70 scored; 100 (the first band's end) and 120 fall between
    const auto mel70 = scored_alone(regimen_of({mel(70)}), t);
    CHECK(mel70.band == 3);
    CHECK(mel70.weight == 1.0);
    check_refused(regimen_of({mel(100)}), t, "regimen.melphalan", "100 mg/m2");
    check_refused(regimen_of({mel(120)}), t, "regimen.melphalan", "120 mg/m2");
    CHECK(scored_alone(regimen_of({mel(140)}), t).band == 4);
    const auto between = c::assess_tci(regimen_of({mel(120)}), t);
    REQUIRE_FALSE(between.has_value());
    CHECK(between.error().valid_range() == "a total inside one of the bands of \"gapped test weights\": 0-100 140-200");
    // cytarabine [0, 1000): 800 scored (200 a day x 4); 1000 and 1600 (BEAM's high variant) refused
    CHECK(scored_alone(regimen_of({ara_c(200)}), t).band == 5);
    check_refused(regimen_of({ara_c(250)}), t, "regimen.cytarabine", "1000 mg/m2");
    check_refused(regimen_of({ara_c(400)}), t, "regimen.cytarabine", "1600 mg/m2");
}

TEST_CASE("TCI table: named, sourced, half points, bands in order without overlap", "[COND-INT-004]") {
    CHECK(c::make_tci_weights("x", "y", test_bands, true)->verified());
    CHECK(c::make_tci_weights("", "y", test_bands).error().field() == "tci.name");
    CHECK(c::make_tci_weights("x", "", test_bands).error().field() == "tci.source");
    CHECK(c::make_tci_weights("x", "y", std::span<const c::tci_band>()).error().field() == "tci.bands");
    struct row {
        c::tci_band band;
        hsct::errc code;
    };
    const row rows[] = {
        {{c::agent::melphalan, -1.0, 10.0, 1.0}, hsct::errc::out_of_range},
        {{c::agent::melphalan, 10.0, 10.0, 1.0}, hsct::errc::out_of_range},
        {{c::agent::melphalan, 0.0, std::nan(""), 1.0}, hsct::errc::out_of_range},
        {{c::agent::melphalan, 0.0, 10.0, 0.75}, hsct::errc::out_of_range},
        {{c::agent::melphalan, 0.0, 10.0, -0.5}, hsct::errc::out_of_range},
        {{static_cast<c::agent>(99), 0.0, 10.0, 1.0}, hsct::errc::out_of_range},
    };
    for (const auto& r : rows) {
        const c::tci_band one[] = {r.band};
        const auto t = c::make_tci_weights("x", "y", one);
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().code() == r.code);
        CHECK(t.error().field() == "tci.bands[0]");
    }
    const c::tci_band overlap[] = {{c::agent::melphalan, 0.0, 140.0, 1.0}, {c::agent::melphalan, 100.0, 200.0, 1.5}};
    const auto o = c::make_tci_weights("x", "y", overlap);
    REQUIRE_FALSE(o.has_value());
    CHECK(o.error().code() == hsct::errc::inconsistent);
    CHECK(o.error().field() == "tci.bands[1]");
    const c::tci_band zero[] = {{c::agent::alemtuzumab, 0.0, inf, 0.0}};
    CHECK(c::make_tci_weights("x", "y", zero).has_value());  // a listed agent may weigh 0
}

}  // namespace hsct_test_conditioning_intensity_test
