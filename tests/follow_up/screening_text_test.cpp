// Tests for include/hsct/follow_up/screening_text.hpp: a late-effects due list rendered from its
// data (the review, each item's domain, test and basis, the chronic-GVHD tightening, missing
// inputs, the list before 6 months), in English and through a second catalogue.
#include <hsct/follow_up/screening_text.hpp>

#include <chrono>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_screening_text_test {

using namespace std::chrono;
namespace f = hsct::follow_up;

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

f::screening_result assess(sys_days on, bool cgvhd, bool sex_known = true) {
    f::screening_input in;
    in.day0 = ymd(2024, 3, 1);
    in.on = on;
    in.donor = hsct::donor_type::unrelated;
    if (sex_known) {
        in.recipient_sex = hsct::sex::male;
    }
    in.child = false;
    in.pubertal = f::pubertal_status::postpubertal;
    if (cgvhd) {
        in.exposures.insert(f::screening_exposure::chronic_gvhd);
    }
    auto r = f::assess_screening(in);
    REQUIRE(r);
    return *r;
}

constexpr hsct::catalogue_entry german[] = {
    {"follow_up", "on", "am"},
    {"screening_visit", "month_6", "6-Monats-Kontrolle"},
    {"screening_domain", "ocular", "Augen"},
    {"screening_test", "ocular_symptoms", "Augensymptome"},
    {"screening_basis", "all_recipients", "fuer alle Empfaenger"},
};

TEST_CASE("a due list renders its review and items", "[follow_up][FU-SCR-001][FU-SCR-002][text]") {
    const auto six = f::render(assess(ymd(2024, 9, 1), false));
    CHECK(six.rfind("6-month review on 2024-09-01 [FU-SCR-001]: ocular: clinical evaluation of ocular symptoms "
                    "(recommended for all recipients) [FU-SCR-002]; ocular: visual acuity and fundus examination (if "
                    "abnormal before or with new signs or symptoms) [FU-SCR-002]; ",
                    0) == 0);
    CHECK(f::render(assess(ymd(2024, 8, 1), false)) ==
          "No late-effects screening before the 6-month review on 2024-09-01 [FU-SCR-001]");
    const auto annual = f::render(assess(ymd(2026, 3, 1), true));
    CHECK(annual.rfind("yearly review 2 on 2026-03-01 [FU-SCR-001], tightened and more frequent (chronic GVHD): ", 0) ==
          0);
    CHECK(annual.find("respiratory: spirometry at each control (chronic GVHD) (chronic GVHD) [FU-SCR-004]") !=
          std::string::npos);
    CHECK(f::render(assess(ymd(2025, 3, 1), false, false)).find("(missing: the recipient's sex):") != std::string::npos);
    const hsct::table_catalogue de(german);
    CHECK(f::render(assess(ymd(2024, 9, 1), false), de)
              .rfind("6-Monats-Kontrolle am 2024-09-01 [FU-SCR-001]: Augen: Augensymptome (fuer alle Empfaenger)", 0) == 0);
}

}  // namespace hsct_test_follow_up_screening_text_test
