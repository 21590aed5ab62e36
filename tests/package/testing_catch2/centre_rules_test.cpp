// A centre's own rule and its Catch2 tests, written with hsct::testing (docs/testing.md): the
// fludarabine dose of the centre's FluBu protocol, 30 mg/m2 on the body surface area, and the
// laboratory interface's reading of an ANC as the lab sends it.
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#else
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
#endif

#include <hsct/hsct.hpp>
#include <hsct/testing/builders.hpp>
#include <hsct/testing/golden.hpp>
#include <hsct/testing/matchers.hpp>
#include <hsct/testing/properties.hpp>

#include <string_view>

namespace centre {
/// The centre's rule: 30 mg/m2 x BSA, the BSA by Mosteller from the day's height and weight.
inline hsct::total_dose fludarabine_dose(hsct::patient::height h, hsct::patient::body_weight w) {
    using namespace hsct::literals;
    return 30_mg_per_m2 * hsct::patient::bsa_mosteller(h, w);
}
/// The lab interface: an ANC as the analyser sends it.
inline hsct::result<hsct::anc> read_anc(double value, std::string_view unit) { return hsct::from_lab<hsct::anc>(value, unit); }
}  // namespace centre

namespace ht = hsct::testing;
namespace u = hsct::units;

TEST_CASE("the centre's fludarabine dose, in mg, within 0.5 mg") {
    const auto h = hsct::patient::height::make(178.0, u::cm).value();
    const auto w = hsct::patient::body_weight::make(82.0, u::kg).value();
    // BSA (Mosteller) sqrt(178 x 82 / 3600) = 2.0135 m2: 60.4 mg.
    CHECK_THAT(centre::fludarabine_dose(h, w), ht::within(hsct::total_dose(60.4, u::mg), hsct::total_dose(0.5, u::mg)));
    CHECK_FALSE(ht::within(hsct::total_dose(62.0, u::mg), hsct::total_dose(0.5, u::mg)).match(centre::fludarabine_dose(h, w)));
}

TEST_CASE("the lab interface reads an ANC in its units and refuses a wrong one") {
    CHECK_THAT(centre::read_anc(1200.0, "/uL"),
               ht::holds_value_that(ht::within(hsct::anc(1.2, u::giga_per_l), hsct::anc(0.001, u::giga_per_l))));
    CHECK_THAT(centre::read_anc(1.0, "mg/dL"), ht::is_error(hsct::errc::wrong_dimension));
}

TEST_CASE("a transplant day and a text round trip") {
    CHECK_THAT(hsct::parse_transplant_day("D+14").value(), ht::is_day(14));
    CHECK(ht::text_round_trip(
        hsct::transplant_day::at(-7), [](const hsct::transplant_day& d) { return hsct::to_string(d); },
        [](std::string_view t) { return hsct::parse_transplant_day(t); }));
}

TEST_CASE("the centre's validation set, rerun on every hsct upgrade") {
    // In a real project this text is a file kept beside the code.
    const char* cases = "case flu-1\n"
                        "source centre protocol FLU-BU 2024, worked example 1\n"
                        "rule dose\n"
                        "input dose = 30 mg/m2\n"
                        "input bsa = 2.01 m2\n"
                        "expect total = 60.3 mg +- 0.5 mg\n"
                        "end\n";
    const auto report = hsct::testing::run_golden_cases(cases);
    INFO(report.text());
    CHECK(report.ok());
    CHECK(report.agreed == 1U);
}

TEST_CASE("the dose rule over 200 synthetic patients, the same ones on every run") {
    hsct::testing::generator g(2026);
    for (int i = 0; i < 200; ++i) {
        const auto p = hsct::testing::make_patient(g);
        REQUIRE(p.has_value());
        const double bsa = hsct::patient::bsa_mosteller(p->height, p->weight).in(u::m2);
        CHECK_THAT(centre::fludarabine_dose(p->height, p->weight),
                   ht::within(hsct::total_dose(30.0 * bsa, u::mg), hsct::total_dose(1e-9, u::mg)));
        CHECK_THAT(centre::read_anc(p->labs.anc.number, p->labs.anc.unit), ht::holds_value());
    }
}
