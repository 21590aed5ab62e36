// Tests for include/hsct/follow_up/revaccination_text.hpp: a vaccine's answer and the whole result
// rendered from their data (status, next dose and date, criteria not met, inputs missing, source
// row), on worked example 11.9, in English and through a second catalogue.
#include <hsct/follow_up/revaccination_text.hpp>

#include <array>
#include <chrono>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_revaccination_text_test {

using namespace std::chrono;
namespace f = hsct::follow_up;

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

constexpr hsct::catalogue_entry german[] = {
    {"vaccine", "measles_mumps_rubella", "Masern-Mumps-Roeteln (lebend)"},
    {"vaccine_status", "not_yet_due", "noch nicht faellig"},
    {"follow_up", "dose", "Dosis"},
    {"follow_up", "of", "von"},
    {"follow_up", "from", "ab"},
    {"follow_up", "not_met", "nicht erfuellt"},
    {"revaccination_criterion", "ivig_interval", "Abstand zur letzten IVIG"},
};

TEST_CASE("worked example 11.9: a vaccine's answer and the whole result render from their data",
          "[follow_up][FU-VAC-013][FU-VAC-015][scores-11.9][text]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value();
    f::revaccination_input in;
    in.timeline = &t;
    in.on = ymd(2026, 4, 1);
    in.donor = hsct::donor_type::unrelated;
    in.gvhd = f::gvhd_state::none;
    in.immunosuppression = f::immunosuppression_state::stopped;
    in.immunosuppression_stopped = ymd(2025, 6, 1);
    in.last_ivig = ymd(2025, 9, 15);
    in.measles = f::serostatus::negative;
    const std::array<f::vaccine_dose, 1> given{{{f::vaccine::pneumococcal_conjugate, ymd(2024, 6, 1)}}};
    in.doses = given;
    const auto r = f::assess_revaccination(in);
    REQUIRE(r);
    CHECK(f::render(r->of(f::vaccine::measles_mumps_rubella)) ==
          "measles-mumps-rubella (live): due now: dose 1 of 1 from 2026-03-01 [HB24 ch. 29 Table 29.1 (ECIL-7, "
          "Cordonnier 2019)] [FU-VAC-013]");
    CHECK(f::render(r->of(f::vaccine::pneumococcal_conjugate)) ==
          "pneumococcal conjugate (PCV): due now: dose 2 of 3 from 2024-07-01 [HB24 ch. 29 Table 29.1 (ECIL-7, "
          "Cordonnier 2019)] [FU-VAC-005]");
    CHECK(f::render(r->of(f::vaccine::varicella)) ==
          "varicella (live): needs input (optional or conditional): dose 1 of 1 from 2026-03-02; missing: varicella "
          "serostatus [HB24 ch. 29 Table "
          "29.1 (ECIL-7, Cordonnier 2019)] [FU-VAC-013]");
    CHECK(f::render(r->of(f::vaccine::zoster_live)) ==
          "zoster (live-attenuated): not recommended [HB24 ch. 29 Table 29.1 (ECIL-7, Cordonnier 2019)] [FU-VAC-010]");
    CHECK(f::render(*r).rfind("Vaccines on 2026-04-01, HCT 1 (Day 0 2024-03-01) under ECIL-7 2019 (EBMT Handbook 2024 "
                              "Table 29.1), ECIL-7 / EBMT Handbook 2024: pneumococcal conjugate (PCV): due now: ",
                              0) == 0);
    // the IDSA gate: MMR waits for 8 months after the IVIG
    f::revaccination_options idsa;
    idsa.live_gate = f::live_vaccine_gate::idsa_2013;
    const auto i = f::assess_revaccination(in, idsa);
    REQUIRE(i);
    CHECK(f::render(i->of(f::vaccine::measles_mumps_rubella)) ==
          "measles-mumps-rubella (live): not yet due: dose 1 of 1 from 2026-05-15; not met: interval since the last "
          "IVIG [HB24 ch. 29 Table 29.1 (ECIL-7, Cordonnier 2019)] [FU-VAC-013]");
    const hsct::table_catalogue de(german);
    CHECK(f::render(i->of(f::vaccine::measles_mumps_rubella), de) ==
          "Masern-Mumps-Roeteln (lebend): noch nicht faellig: Dosis 1 von 1 ab 2026-05-15; nicht erfuellt: Abstand zur "
          "letzten IVIG [HB24 ch. 29 Table 29.1 (ECIL-7, Cordonnier 2019)] [FU-VAC-013]");
}

TEST_CASE("a yearly vaccine past its first series renders a repeat dose", "[follow_up][FU-VAC-006][text]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value();
    f::revaccination_input in;
    in.timeline = &t;
    in.on = ymd(2025, 10, 1);
    in.donor = hsct::donor_type::unrelated;
    in.gvhd = f::gvhd_state::none;
    in.immunosuppression = f::immunosuppression_state::never;
    in.age = hsct::age::make(45, 0).value();  // an adult: one dose a season (a child to 8 years has two)
    const std::array<f::vaccine_dose, 1> flu{{{f::vaccine::influenza, ymd(2024, 9, 2)}}};
    in.doses = flu;
    const auto r = f::assess_revaccination(in);
    REQUIRE(r);
    const auto& d = r->of(f::vaccine::influenza);
    CHECK(d.next_dose == 2);
    CHECK(d.doses_planned == 1);
    CHECK(f::render(d).rfind("influenza (inactivated): due now: dose 2 (a repeat dose) from 2025-09-02 [", 0) == 0);
}

}  // namespace hsct_test_follow_up_revaccination_text_test
