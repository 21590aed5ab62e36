// Tests for include/hsct/donor/cord_blood.hpp: a cord blood unit carries its HLA grade (cord
// 6/6 and allele 8/8 read from it) and its cell doses, in their units, to the graft stage
// (DON-KIND-002).
#include <hsct/donor/cord_blood.hpp>

#include <cmath>

#include "support/catch.hpp"
#include "support/test_release.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_donor_cord_blood_test {

namespace d = hsct::donor;

TEST_CASE("a cord blood unit carries its grade and its doses", "[DON-KIND-002][HB24-09]") {
    const auto& rel = hsct_test::test_release();
    const auto patient = d::parse_hla_typing(
        rel, "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01");
    // A*02:05 (same antigen A2) and C*07:02: 6/6 for a cord, 6/8 at allele level
    const auto unit = d::parse_hla_typing(
        rel, "A*01:01+A*02:05^B*08:01+B*44:02^C*07:01+C*07:02^DRB1*03:01+DRB1*04:01");
    REQUIRE(patient.has_value());
    REQUIRE(unit.has_value());
    const auto grade = d::assess_hla_match(*patient, *unit);
    REQUIRE(grade.has_value());
    const d::cord_blood_unit u{"CBU-0042", &*grade, hsct::cell_dose(3.4, hsct::units::e7_per_kg),
                               hsct::cell_dose(0.18, hsct::units::e6_per_kg)};
    CHECK(u.cord_six().status == d::match_status::decided);
    CHECK(u.cord_six().matched == 6);
    CHECK(u.allele_eight().matched == 6);
    REQUIRE(u.tnc.has_value());
    CHECK(std::abs(u.tnc->in(hsct::units::e6_per_kg) - 34.0) < 1e-9);
    CHECK(std::abs(u.cd34->in(hsct::units::e6_per_kg) - 0.18) < 1e-12);
    CHECK(u.id == "CBU-0042");
}

}  // namespace hsct_test_donor_cord_blood_test
