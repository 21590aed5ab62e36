// Tests for include/hsct/donor/compatibility.hpp: ABO (every pair, table-driven), RhD, the CMV
// pair and its risk, donor-recipient sex, parity and donor age, asserted on the result's data.
#include <hsct/donor/compatibility.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_compatibility_test {

namespace d = hsct::donor;
using d::abo_group;
using d::abo_relation;
using crit = d::compatibility_criterion;
using field = d::compatibility_field;

namespace {
d::blood_group bg(const char* text) {
    auto r = d::parse_blood_group(text);
    REQUIRE(r.has_value());
    return *r;
}
}  // namespace

TEST_CASE("blood_group is two bytes and trivially copyable", "[DON-ABO-001]") {
    STATIC_REQUIRE(sizeof(d::blood_group) == 2);
    STATIC_REQUIRE(std::is_trivially_copyable_v<d::blood_group>);
}

TEST_CASE("parse_blood_group reads the usual spellings and round-trips", "[DON-ABO-001][DON-RHD-001]") {
    CHECK(bg("A+") == d::blood_group{abo_group::a, d::rhd_status::positive});
    CHECK(bg("o-") == d::blood_group{abo_group::o, d::rhd_status::negative});
    CHECK(bg("AB neg") == d::blood_group{abo_group::ab, d::rhd_status::negative});
    CHECK(bg(" B RhD+ ") == d::blood_group{abo_group::b, d::rhd_status::positive});
    CHECK(bg("AB Rh(D) positive") == d::blood_group{abo_group::ab, d::rhd_status::positive});
    CHECK(bg("A negative") == d::blood_group{abo_group::a, d::rhd_status::negative});
    for (const auto a : hsct::values<abo_group>()) {
        for (const auto rh : hsct::values<d::rhd_status>()) {
            const d::blood_group g{a, rh};
            const auto back = d::parse_blood_group(d::to_string(g));
            REQUIRE(back.has_value());
            CHECK(*back == g);
        }
    }
    CHECK(d::to_string(bg("ab-")) == "AB-");
}

TEST_CASE("an impossible blood group is an error naming field, value and the valid forms", "[DON-ABO-001]") {
    for (const char* bad : {"", "C+", "ABO+", "A", "A*", "A+ +", "BA+", "O positivee", "+"}) {
        const auto r = d::parse_blood_group(bad, "donor.blood_group");
        INFO(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::syntax);
        CHECK(r.error().field() == "donor.blood_group");
        CHECK(r.error().requirement() == "DON-ABO-001");
        CHECK(r.error().valid_range().find("O, A, B, AB") != std::string::npos);
    }
}

TEST_CASE("ABO relation of every recipient-donor pair (note section 8.1 matrix)", "[DON-ABO-001][DON-ABO-002][V2]") {
    // rows: recipient O, A, B, AB; columns: donor O, A, B, AB (clinical-scores-conditioning 8.1)
    using R = abo_relation;
    constexpr std::array<std::array<R, 4>, 4> matrix{{
        {R::identical, R::major, R::major, R::major},
        {R::minor, R::identical, R::bidirectional, R::major},
        {R::minor, R::bidirectional, R::identical, R::major},
        {R::minor, R::minor, R::minor, R::identical},
    }};
    constexpr std::array<abo_group, 4> groups{abo_group::o, abo_group::a, abo_group::b, abo_group::ab};
    for (std::size_t r = 0; r < 4; ++r) {
        for (std::size_t c = 0; c < 4; ++c) {
            INFO("recipient " << hsct::label(groups[r]) << ", donor " << hsct::label(groups[c]));
            CHECK(d::abo_relation_of(groups[r], groups[c]) == matrix[r][c]);
            d::compatibility_input in;
            in.recipient_blood_group = d::blood_group{groups[r], d::rhd_status::positive};
            in.donor_blood_group = d::blood_group{groups[c], d::rhd_status::positive};
            const auto res = d::assess_compatibility(in);
            REQUIRE(res.has_value());
            CHECK(res->abo == matrix[r][c]);
            const bool major = matrix[r][c] == R::major || matrix[r][c] == R::bidirectional;
            const bool minor = matrix[r][c] == R::minor || matrix[r][c] == R::bidirectional;
            REQUIRE(res->find(crit::abo_major) != nullptr);
            CHECK((res->find(crit::abo_major)->result == hsct::outcome::met) == major);
            CHECK((res->find(crit::abo_minor)->result == hsct::outcome::met) == minor);
            const auto want = major && minor ? d::graft_processing::red_cell_and_plasma_depletion
                              : major        ? d::graft_processing::red_cell_depletion
                              : minor        ? d::graft_processing::plasma_depletion
                                             : d::graft_processing::none;
            CHECK(res->graft_processing_hint == want);
        }
    }
}

TEST_CASE("RhD relation and anti-D, as hsct's stated policy (unverified)", "[DON-RHD-001]") {
    d::compatibility_input in;
    in.recipient_blood_group = bg("A-");
    in.donor_blood_group = bg("A+");
    auto r = d::assess_compatibility(in);
    REQUIRE(r.has_value());
    CHECK(r->rhd == d::rhd_relation::donor_positive_recipient_negative);
    CHECK_FALSE(r->anti_d_relevant.has_value());
    CHECK(r->missing.contains(field::recipient_anti_d));
    REQUIRE(r->find(crit::rhd_differs) != nullptr);
    CHECK_FALSE(r->find(crit::rhd_differs)->verified);

    in.recipient_anti_d = true;
    r = d::assess_compatibility(in);
    REQUIRE(r.has_value());
    CHECK(r->anti_d_relevant == true);
    CHECK(r->find(crit::recipient_anti_d)->result == hsct::outcome::met);

    in.recipient_blood_group = bg("A+");
    in.donor_blood_group = bg("A-");
    in.donor_anti_d = false;
    r = d::assess_compatibility(in);
    REQUIRE(r.has_value());
    CHECK(r->rhd == d::rhd_relation::donor_negative_recipient_positive);
    CHECK(r->anti_d_relevant == false);
    CHECK(r->find(crit::donor_anti_d)->result == hsct::outcome::not_met);

    in.donor_blood_group = bg("O+");
    r = d::assess_compatibility(in);
    REQUIRE(r.has_value());
    CHECK(r->rhd == d::rhd_relation::identical);
    CHECK(r->anti_d_relevant == false);
    CHECK(r->find(crit::rhd_differs)->result == hsct::outcome::not_met);
}

TEST_CASE("CMV pair, its risk and the preferred donor serostatus", "[DON-CMV-001][DON-CMV-002][V-HB24]") {
    using S = d::cmv_serostatus;
    struct row {
        S recipient, donor;
        d::cmv_pair pair;
        d::cmv_risk risk;
        bool preferred;
    };
    const row rows[] = {
        {S::negative, S::negative, d::cmv_pair::d_neg_r_neg, d::cmv_risk::lowest, true},
        {S::negative, S::positive, d::cmv_pair::d_pos_r_neg, d::cmv_risk::primary_infection_from_graft, false},
        {S::positive, S::negative, d::cmv_pair::d_neg_r_pos, d::cmv_risk::reactivation_without_donor_immunity, false},
        {S::positive, S::positive, d::cmv_pair::d_pos_r_pos, d::cmv_risk::reactivation, true},
    };
    for (const auto& x : rows) {
        d::compatibility_input in;
        in.recipient_cmv = x.recipient;
        in.donor_cmv = x.donor;
        const auto r = d::assess_compatibility(in);
        REQUIRE(r.has_value());
        CHECK(r->cmv == x.pair);
        CHECK(r->cmv_risk_label == x.risk);
        CHECK(r->cmv_donor_as_preferred == x.preferred);
        CHECK(d::cmv_pair_of(x.recipient, x.donor) == x.pair);
        CHECK((r->find(crit::cmv_donor_as_preferred)->result == hsct::outcome::met) == x.preferred);
    }
}

TEST_CASE("female donor to male recipient is flagged; the other three pairs are not", "[DON-SEX-001][V-HB24]") {
    using hsct::sex;
    for (const auto rs : {sex::female, sex::male}) {
        for (const auto ds : {sex::female, sex::male}) {
            d::compatibility_input in;
            in.recipient_sex = rs;
            in.donor_sex = ds;
            const auto r = d::assess_compatibility(in);
            REQUIRE(r.has_value());
            CHECK(r->female_to_male == (ds == sex::female && rs == sex::male));
        }
    }
}

TEST_CASE("parity below, at and above the parous and multiparous thresholds", "[DON-SEX-002]") {
    d::compatibility_input in;
    in.donor_sex = hsct::sex::female;
    auto r = d::assess_compatibility(in);
    REQUIRE(r.has_value());
    CHECK(r->missing.contains(field::donor_pregnancies));
    for (int p : {0, 1, 2, 3}) {
        in.donor_pregnancies = p;
        r = d::assess_compatibility(in);
        REQUIRE(r.has_value());
        CHECK(r->donor_pregnancies == p);
        CHECK(r->donor_multiparous == (p >= 2));
        const auto* parous = r->find(crit::donor_parous);
        REQUIRE(parous != nullptr);
        CHECK((parous->result == hsct::outcome::met) == (p >= 1));
        // the explanation states the rule: at least 1 (parous) and at least 2 (multiparous)
        CHECK(parous->cmp == hsct::comparator::greater_equal);
        CHECK(parous->threshold == 1.0);
        CHECK(parous->verified);
        const auto* m = r->find(crit::donor_multiparous);
        REQUIRE(m != nullptr);
        CHECK((m->result == hsct::outcome::met) == (p >= 2));
        CHECK(m->cmp == hsct::comparator::greater_equal);
        CHECK(m->threshold == 2.0);
        CHECK_FALSE(m->verified);
    }
}

TEST_CASE("parity: 0 and 30 pregnancies are accepted, -1 and 31 are not", "[DON-SEX-002]") {
    d::compatibility_input in;
    in.donor_sex = hsct::sex::female;
    for (const int p : {0, 30}) {
        in.donor_pregnancies = p;
        const auto r = d::assess_compatibility(in);
        REQUIRE(r.has_value());
        CHECK(r->donor_pregnancies == p);
        CHECK(r->donor_multiparous == (p >= 2));
    }
    for (const int p : {-1, 31}) {
        in.donor_pregnancies = p;
        const auto r = d::assess_compatibility(in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().field() == "donor_pregnancies");
        CHECK(r.error().valid_range() == "0-30");
        CHECK(r.error().requirement() == "DON-SEX-002");
    }
}

TEST_CASE("bad input is refused with field, value and range; nothing is clamped", "[DON-SEX-002][CORE-ENUM-002]") {
    d::compatibility_input in;
    in.donor_pregnancies = 31;
    auto r = d::assess_compatibility(in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::out_of_range);
    CHECK(r.error().field() == "donor_pregnancies");
    CHECK(r.error().value() == "31");
    CHECK(r.error().valid_range() == "0-30");
    in.donor_pregnancies = -1;
    CHECK_FALSE(d::assess_compatibility(in).has_value());
    in.donor_pregnancies = 1;
    in.donor_sex = hsct::sex::male;
    r = d::assess_compatibility(in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == hsct::errc::inconsistent);

    d::compatibility_input bad;
    bad.donor_blood_group = d::blood_group{static_cast<abo_group>(9), d::rhd_status::positive};
    r = d::assess_compatibility(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field() == "donor_blood_group.abo");
    bad = {};
    bad.recipient_cmv = static_cast<d::cmv_serostatus>(0);
    CHECK_FALSE(d::assess_compatibility(bad).has_value());
}

TEST_CASE("missing inputs are values: every factor empty, every field named", "[DON-ABO-001][DON-CMV-001][DON-SEX-001][DON-AGE-001]") {
    const auto r = d::assess_compatibility({});
    REQUIRE(r.has_value());
    CHECK_FALSE(r->abo.has_value());
    CHECK_FALSE(r->cmv.has_value());
    CHECK_FALSE(r->female_to_male.has_value());
    CHECK_FALSE(r->donor_age.has_value());
    CHECK(r->criteria.empty());
    for (const auto f : {field::recipient_blood_group, field::donor_blood_group, field::recipient_cmv,
                         field::donor_cmv, field::recipient_sex, field::donor_sex, field::donor_age}) {
        CHECK(r->missing.contains(f));
    }
    d::compatibility_input in;
    in.donor_age = *hsct::age::make(34, 2);
    const auto a = d::assess_compatibility(in);
    REQUIRE(a.has_value());
    REQUIRE(a->donor_age.has_value());
    CHECK(a->donor_age->completed_years() == 34);
}

TEST_CASE("assess_compatibility allocates nothing on the success path", "[DON-ABO-001]") {
    d::compatibility_input in;
    in.recipient_blood_group = bg("O+");
    in.donor_blood_group = bg("A-");
    in.donor_anti_d = true;
    in.recipient_cmv = d::cmv_serostatus::positive;
    in.donor_cmv = d::cmv_serostatus::positive;
    in.recipient_sex = hsct::sex::male;
    in.donor_sex = hsct::sex::female;
    in.donor_pregnancies = 2;
    hsct_test::allocation_counter count;
    const auto r = d::assess_compatibility(in);
    CHECK(count.count() == 0);
    REQUIRE(r.has_value());
    CHECK(r->criteria.size() == 10);
}

}  // namespace hsct_test_donor_compatibility_test
