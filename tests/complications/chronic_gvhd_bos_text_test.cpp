// Tests for include/hsct/complications/chronic_gvhd_bos_text.hpp: clinical bronchiolitis
// obliterans syndrome rendered from its data (the status, the decline basis, the inputs missing,
// every criterion with core's mark that the rule is hsct's recollection), for the BOS test's
// typical patient, in English and through a second catalogue.
#include <hsct/complications/chronic_gvhd_bos_text.hpp>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_chronic_gvhd_bos_text_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::transplant_day;

namespace {
hsct::percent pct(double v) {
    return hsct::percent(v, u::pct);
}
// chronic_gvhd_bos_test.cpp's typical patient: every part met
c::bos_input typical() {
    c::bos_input in;
    in.fev1_vc_ratio = 0.62;
    in.fev1 = c::fev1_reading{transplant_day::at(400), pct(58.0)};
    in.earlier_fev1 = c::fev1_reading{transplant_day::at(-20), pct(92.0)};
    in.respiratory_infection = false;
    in.air_trapping_on_ct = true;
    return in;
}
c::bos_result assess(const c::bos_input& in, const c::bos_options& o = {}) {
    const auto r = c::assess_bos(in, o);
    REQUIRE(r.has_value());
    return *r;
}
constexpr const char* rest =
    "no respiratory infection: absent: met (hsct reading, unverified) [COMP-CGVHD-003]; air trapping on expiratory "
    "CT: present: met (hsct reading, unverified) [COMP-CGVHD-003]";

constexpr hsct::catalogue_entry german[] = {
    {"bos", "title", "Bronchiolitis-obliterans-Syndrom (NIH 2014)"},
    {"complications", "under", "nach"},
    {"complications", "missing", "fehlend"},
    {"outcome", "unknown", "unbekannt (Eingabe fehlt)"},
    {"fev1_decline_basis", "percentage_points", "Abfall in Prozentpunkten des Sollwerts"},
    {"bos_field", "earlier_fev1", "ein frueherer FEV1-Wert mit Tag"},
    {"text", "missing", "fehlt"},
    {"text", "unverified", "Lesart von hsct, nicht verifiziert"},
};
}  // namespace

TEST_CASE("the typical patient: every part met, the decline in points and the interval in days",
          "[COMP-CGVHD-003][NIH-2014][text]") {
    // FEV1 92 % before (D-20) and 58 % on D+400: 34 points in 420 days
    CHECK(
        c::render(assess(typical())) ==
        hsct::detail::concat({"bronchiolitis obliterans syndrome (NIH 2014): met [COMP-CGVHD-003] under decline in "
                              "percentage points of predicted: FEV1/VC below 0.7: 0.62 < 0.7: met (hsct reading, "
                              "unverified) [COMP-CGVHD-003]; FEV1 below 75 % of predicted: 58 % < 75 %: met (hsct "
                              "reading, unverified) [COMP-CGVHD-003]; FEV1 decline of at least 10 %: 34 % >= 10 %: met "
                              "(hsct reading, unverified) [COMP-CGVHD-003]; the decline within less than 2 years: 420 "
                              "days <= 730 days: met (hsct reading, unverified) [COMP-CGVHD-003]; ",
                              rest}));
    // relative to the earlier value: 34 / 92 = 36.96 %, shown with one decimal
    c::bos_options relative;
    relative.decline = c::fev1_decline_basis::relative;
    CHECK(
        c::render(assess(typical(), relative))
            .find(
                "under decline relative to the earlier value: FEV1/VC below 0.7: 0.62 < 0.7: met (hsct reading, "
                "unverified) [COMP-CGVHD-003]; FEV1 below 75 % of predicted: 58 % < 75 %: met (hsct reading, "
                "unverified) [COMP-CGVHD-003]; FEV1 decline of at least 10 %: 37.0 % >= 10 %: met") != std::string::npos);
}

TEST_CASE("an earlier FEV1 missing: unknown, the input named", "[COMP-CGVHD-003][NIH-2014][text]") {
    auto in = typical();
    in.earlier_fev1.reset();
    CHECK(
        c::render(assess(in)) ==
        hsct::detail::concat({"bronchiolitis obliterans syndrome (NIH 2014): unknown (input missing) [COMP-CGVHD-003] "
                              "under decline in percentage points of predicted (missing: an earlier FEV1 (% of "
                              "predicted) and its day): FEV1/VC below 0.7: 0.62 < 0.7: met (hsct reading, unverified) "
                              "[COMP-CGVHD-003]; FEV1 below 75 % of predicted: 58 % < 75 %: met (hsct reading, "
                              "unverified) [COMP-CGVHD-003]; FEV1 decline of at least 10 %: an earlier FEV1 (% of "
                              "predicted) and its day missing: unknown (input missing) (hsct reading, unverified) "
                              "[COMP-CGVHD-003]; ",
                              rest}));
}

TEST_CASE("BOS through another catalogue", "[COMP-CGVHD-003][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    auto in = typical();
    in.earlier_fev1.reset();
    const std::string s = c::render(assess(in), de);
    CHECK(
        s.rfind("Bronchiolitis-obliterans-Syndrom (NIH 2014): unbekannt (Eingabe fehlt) [COMP-CGVHD-003] nach Abfall "
                "in Prozentpunkten des Sollwerts (fehlend: ein frueherer FEV1-Wert mit Tag): FEV1/VC below 0.7: 0.62 < "
                "0.7: met (Lesart von hsct, nicht verifiziert) [COMP-CGVHD-003]; ",
                0) == 0);
    CHECK(s.find("FEV1 decline of at least 10 %: ein frueherer FEV1-Wert mit Tag fehlt: unbekannt (Eingabe fehlt) "
                 "(Lesart von hsct, nicht verifiziert) [COMP-CGVHD-003]") != std::string::npos);
}

}  // namespace hsct_test_complications_chronic_gvhd_bos_text_test
