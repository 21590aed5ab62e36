// A centre's own rule and its GoogleTest tests, written with hsct::testing (docs/testing.md):
// the same rules as the Catch2 consumer, checked with EXPECT_THAT.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <hsct/hsct.hpp>
#include <hsct/testing/builders.hpp>
#include <hsct/testing/matchers.hpp>
#include <hsct/testing/properties.hpp>

#include <sstream>
#include <string_view>

namespace centre {
/// The centre's alert: neutropenia when the ANC is below 0.5 x10^9/L.
inline bool neutropenia_alert(hsct::anc a) { return a < hsct::anc(0.5, hsct::units::giga_per_l); }
inline hsct::total_dose fludarabine_dose(hsct::patient::height h, hsct::patient::body_weight w) {
    using namespace hsct::literals;
    return 30_mg_per_m2 * hsct::patient::bsa_mosteller(h, w);
}
inline hsct::result<hsct::anc> read_anc(double value, std::string_view unit) { return hsct::from_lab<hsct::anc>(value, unit); }
}  // namespace centre

namespace ht = hsct::testing;
namespace u = hsct::units;

TEST(CentreRules, FludarabineDoseWithinHalfAMilligram) {
    const auto h = hsct::patient::height::make(178.0, u::cm).value();
    const auto w = hsct::patient::body_weight::make(82.0, u::kg).value();
    EXPECT_THAT(centre::fludarabine_dose(h, w), ht::within(hsct::total_dose(60.4, u::mg), hsct::total_dose(0.5, u::mg)));
    EXPECT_THAT(centre::fludarabine_dose(h, w),
                ::testing::Not(ht::within(hsct::total_dose(62.0, u::mg), hsct::total_dose(0.5, u::mg))));
    // What a failure would print: both sides in milligrams.
    const ::testing::Matcher<hsct::total_dose> m = ht::within(hsct::total_dose(62.0, u::mg), hsct::total_dose(0.5, u::mg));
    std::ostringstream why;
    m.DescribeTo(&why);
    EXPECT_EQ(why.str(), "is within 0.5 mg of 62 mg");
}

TEST(CentreRules, LabInterface) {
    EXPECT_THAT(centre::read_anc(1200.0, "/uL"),
                ht::holds_value_that(ht::within(hsct::anc(1.2, u::giga_per_l), hsct::anc(0.001, u::giga_per_l))));
    EXPECT_THAT(centre::read_anc(1.0, "mg/dL"), ht::is_error(hsct::errc::wrong_dimension));
}

TEST(CentreRules, TransplantDays) {
    EXPECT_THAT(hsct::parse_transplant_day("D+14").value(), ht::is_day(14));
    EXPECT_TRUE(ht::text_round_trip(
        hsct::transplant_day::at(-7), [](const hsct::transplant_day& d) { return hsct::to_string(d); },
        [](std::string_view t) { return hsct::parse_transplant_day(t); }));
}

TEST(CentreRules, NeutropeniaAlertAtHsctsEdges) {
    // The values just below, at and just above the threshold, as hsct's rules see them.
    const auto e = ht::threshold_edges(hsct::anc(0.5, u::giga_per_l));
    EXPECT_TRUE(centre::neutropenia_alert(e.below));
    EXPECT_FALSE(centre::neutropenia_alert(e.at));
    EXPECT_FALSE(centre::neutropenia_alert(e.above));
}

TEST(CentreRules, EngraftmentOnTheChosenDay) {
    ht::generator g(7);
    ht::anc_series_options o;
    o.engraftment_day = 14;
    const auto s = ht::make_anc_series(g, o);
    ASSERT_TRUE(s.has_value());
    const auto n = hsct::engraftment::assess_neutrophil_engraftment(s->series);
    ASSERT_TRUE(n.has_value());
    EXPECT_THAT(n->day, ht::is_day(14));
}
