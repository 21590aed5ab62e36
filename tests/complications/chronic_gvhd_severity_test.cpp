// Tests for include/hsct/complications/chronic_gvhd_severity.hpp: NIH 2014 global severity from the
// eight organ scores, every clause below, at and above (organ count 2/3, non-lung score 1/2/3,
// lung score 0/1/2/3), the lung rule, organs explained by another cause, organs not assessed as a
// lower bound, the deciding organs and clauses, the whole chain from raw findings, refusals, no
// allocation.
#include <hsct/complications/chronic_gvhd_severity.hpp>

#include <initializer_list>
#include <utility>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_severity_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using O = c::nih_organ;
using S = c::cgvhd_severity;
using K = c::cgvhd_severity_clause;

namespace {
/// Every organ scored 0, then the scores given.
c::nih_scores scores(std::initializer_list<std::pair<O, int>> given) {
    c::nih_scores s;
    for (const O o : hsct::values<O>()) {
        s.of(o) = c::nih_organ_score::of(0).value();
    }
    for (const auto& [o, v] : given) {
        s.of(o) = c::nih_organ_score::of(v).value();
    }
    return s;
}
c::cgvhd_global_severity_result global(const c::nih_scores& s) {
    auto r = c::assess_cgvhd_global_severity(s);
    REQUIRE(r.has_value());
    return *r;
}
hsct::enum_set<O> organs(std::initializer_list<O> list) {
    hsct::enum_set<O> s;
    for (const O o : list) {
        s.insert(o);
    }
    return s;
}
hsct::criterion<c::cgvhd_severity_criterion> find(const c::cgvhd_global_severity_result& r,
                                                  c::cgvhd_severity_criterion id) {
    for (const auto& k : r.criteria) {
        if (k.id == id) {
            return k;
        }
    }
    FAIL("criterion not recorded");
    return {};
}
}  // namespace

TEST_CASE("no organ involved: none", "[COMP-CGVHD-020][NIH-2014]") {
    const auto r = global(scores({}));
    CHECK(r.severity == S::none);
    CHECK(r.clauses.contains(K::no_organ_involved));
    CHECK(r.deciding_organs.empty());
    CHECK_FALSE(r.lower_bound);
}

TEST_CASE("mild: 1 or 2 organs at 1, lung 0", "[COMP-CGVHD-020][NIH-2014]") {
    auto r = global(scores({{O::eyes, 1}}));
    CHECK(r.severity == S::mild);
    CHECK(r.deciding_organs == organs({O::eyes}));
    r = global(scores({{O::skin, 1}, {O::genital_tract, 1}}));
    CHECK(r.severity == S::mild);
    CHECK(r.clauses.contains(K::mild_one_or_two_organs));
    CHECK(r.deciding_organs == organs({O::skin, O::genital_tract}));
    CHECK(find(r, c::cgvhd_severity_criterion::organs_involved).measured.number() == 2.0);
    CHECK(find(r, c::cgvhd_severity_criterion::organs_involved).result == hsct::outcome::not_met);
}

TEST_CASE("moderate: 3 or more organs at 1 (not '> 3', K11)", "[COMP-CGVHD-020][NIH-2014][HB24-44]") {
    auto r = global(scores({{O::skin, 1}, {O::mouth, 1}, {O::liver, 1}}));
    CHECK(r.severity == S::moderate);
    CHECK(r.clauses.contains(K::moderate_three_or_more_organs));
    CHECK(r.deciding_organs == organs({O::skin, O::mouth, O::liver}));
    const auto k = find(r, c::cgvhd_severity_criterion::organs_involved);
    CHECK(k.cmp == hsct::comparator::greater_equal);
    CHECK(k.threshold == 3.0);
    CHECK(k.result == hsct::outcome::met);
    r = global(scores({{O::skin, 1}, {O::mouth, 1}, {O::liver, 1}, {O::eyes, 1}}));
    CHECK(r.severity == S::moderate);
}

TEST_CASE("moderate: an organ other than the lungs at 2; severe at 3", "[COMP-CGVHD-020][NIH-2014]") {
    for (const O o : hsct::values<O>()) {
        if (o == O::lungs) {
            continue;
        }
        CAPTURE(hsct::id(o));
        CHECK(global(scores({{o, 1}})).severity == S::mild);
        auto r = global(scores({{o, 2}}));
        CHECK(r.severity == S::moderate);
        CHECK(r.clauses.contains(K::moderate_organ_score_2));
        CHECK(r.deciding_organs == organs({o}));
        r = global(scores({{o, 3}}));
        CHECK(r.severity == S::severe);
        CHECK(r.clauses.contains(K::severe_organ_score_3));
        CHECK(r.deciding_organs == organs({o}));
    }
}

TEST_CASE("the lung rule: lung 1 moderate, lung 2 or 3 severe", "[COMP-CGVHD-021][NIH-2014]") {
    auto r = global(scores({{O::lungs, 1}}));
    CHECK(r.severity == S::moderate);
    CHECK(r.clauses.contains(K::moderate_lung_score_1));
    CHECK(r.deciding_organs == organs({O::lungs}));
    for (const int lung : {2, 3}) {
        r = global(scores({{O::lungs, lung}}));
        CHECK(r.severity == S::severe);
        CHECK(r.clauses.contains(K::severe_lung_score_2_or_3));
        CHECK_FALSE(r.clauses.contains(K::severe_organ_score_3));
        CHECK(r.deciding_organs == organs({O::lungs}));
    }
    // eyes 1 with lung 1: only two organs, still moderate through the lung (CG-3's shape)
    r = global(scores({{O::eyes, 1}, {O::lungs, 1}}));
    CHECK(r.severity == S::moderate);
    CHECK(r.clauses.contains(K::moderate_lung_score_1));
    CHECK_FALSE(r.clauses.contains(K::moderate_three_or_more_organs));
}

TEST_CASE("every clause met at the level is named, with its organs", "[COMP-CGVHD-020][COMP-CGVHD-021]") {
    auto r = global(scores({{O::skin, 3}, {O::lungs, 2}, {O::mouth, 3}, {O::eyes, 2}}));
    CHECK(r.severity == S::severe);
    CHECK(r.clauses.contains(K::severe_organ_score_3));
    CHECK(r.clauses.contains(K::severe_lung_score_2_or_3));
    CHECK(r.deciding_organs == organs({O::skin, O::mouth, O::lungs}));
    r = global(scores({{O::skin, 1}, {O::mouth, 2}, {O::lungs, 1}}));
    CHECK(r.severity == S::moderate);
    CHECK(r.clauses.contains(K::moderate_three_or_more_organs));
    CHECK(r.clauses.contains(K::moderate_organ_score_2));
    CHECK(r.clauses.contains(K::moderate_lung_score_1));
    CHECK(r.deciding_organs == organs({O::skin, O::mouth, O::lungs}));
    CHECK(r.involved == organs({O::skin, O::mouth, O::lungs}));
}

TEST_CASE("an organ explained entirely by another cause is not counted", "[COMP-CGVHD-018][NIH-2014][HB24-44]") {
    auto s = scores({{O::skin, 1}, {O::mouth, 1}});
    s.liver = c::nih_organ_score::of(3, c::nih_organ_state::other_cause_only).value();
    auto r = global(s);
    CHECK(r.severity == S::mild);
    CHECK(r.excluded == organs({O::liver}));
    CHECK_FALSE(r.involved.contains(O::liver));
    s.lungs = c::nih_organ_score::of(2, c::nih_organ_state::other_cause_only).value();
    r = global(s);
    CHECK(r.severity == S::mild);
    CHECK(find(r, c::cgvhd_severity_criterion::lung_score_severe).result == hsct::outcome::not_applicable);
}

TEST_CASE("organs not assessed, or scored as a lower bound, make a severity below severe a lower bound",
          "[COMP-CGVHD-020]") {
    auto s = scores({{O::skin, 1}});
    s.eyes = c::nih_organ_score{};  // not assessed
    auto r = global(s);
    CHECK(r.severity == S::mild);
    CHECK(r.lower_bound);
    CHECK(r.not_assessed == organs({O::eyes}));
    s = scores({{O::skin, 2}});
    s.skin.lower_bound = true;
    r = global(s);
    CHECK(r.severity == S::moderate);
    CHECK(r.lower_bound);
    CHECK(r.lower_bound_organs == organs({O::skin}));
    s = scores({{O::skin, 3}});
    s.lungs = c::nih_organ_score{};
    r = global(s);
    CHECK(r.severity == S::severe);
    CHECK_FALSE(r.lower_bound);  // nothing can raise severe
    s = scores({{O::skin, 1}});
    s.lungs = c::nih_organ_score{};
    r = global(s);
    CHECK(find(r, c::cgvhd_severity_criterion::lung_score_moderate).result == hsct::outcome::unknown);
    CHECK(r.lower_bound);
}

TEST_CASE("from raw findings: organ scores and global severity in one call", "[COMP-CGVHD-020][COMP-CGVHD-021]") {
    c::cgvhd_organ_input in;
    in.skin.bsa = hsct::percent(10.0, u::pct);
    in.skin.sclerosis = c::skin_sclerosis::none;
    in.lungs.fev1 = hsct::percent(59.0, u::pct);
    auto r = c::assess_chronic_gvhd_severity(in);
    REQUIRE(r.has_value());
    CHECK(r->organs.scores.lungs.score.value() == 2);
    CHECK(r->global.severity == S::severe);
    CHECK(r->global.clauses.contains(K::severe_lung_score_2_or_3));
    CHECK_FALSE(r->global.lower_bound);
    in.lungs.fev1 = hsct::percent(60.0, u::pct);
    r = c::assess_chronic_gvhd_severity(in);
    CHECK(r->global.severity == S::moderate);
    CHECK(r->global.lower_bound);  // the mouth, eyes ... were not assessed
    CHECK(r->global.not_assessed.contains(O::mouth));
    in.skin.bsa = hsct::percent(120.0, u::pct);
    CHECK(c::assess_chronic_gvhd_severity(in).error().field() == "chronic_gvhd.skin.bsa");
}

TEST_CASE("refusals: an undeclared organ state", "[COMP-CGVHD-020]") {
    auto s = scores({});
    s.mouth.state = static_cast<c::nih_organ_state>(0);
    const auto r = c::assess_cgvhd_global_severity(s);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "nih_scores.mouth.state");
    CHECK(r.error().code() == hsct::errc::out_of_range);
}

TEST_CASE("global severity allocates nothing", "[COMP-CGVHD-020]") {
    const auto s = scores({{O::skin, 1}, {O::mouth, 2}});
    c::cgvhd_organ_input in;
    in.eyes.symptoms = c::dry_eye::moderate;
    in.lungs.fev1 = hsct::percent(70.0, u::pct);
    hsct_test::allocation_counter count;
    const auto r = c::assess_cgvhd_global_severity(s);
    const auto full = c::assess_chronic_gvhd_severity(in);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    REQUIRE(full.has_value());
}

}  // namespace hsct_test_complications_chronic_gvhd_severity_test
