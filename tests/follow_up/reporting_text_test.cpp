// Tests for include/hsct/follow_up/reporting_text.hpp: a registry report rendered from its data
// (form, HCT, time point, nominal date and day, window and its source, a closing report's contact
// date), in English and through a second catalogue.
#include <hsct/follow_up/reporting_text.hpp>

#include <chrono>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_follow_up_reporting_text_test {

using namespace std::chrono;
namespace f = hsct::follow_up;

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

constexpr hsct::catalogue_entry german[] = {
    {"follow_up", "hct", "HSZT"},
    {"follow_up", "window", "Kontaktfenster"},
    {"follow_up", "to", "bis"},
    {"time_point_kind", "day_100", "Tag 100"},
    {"window_source", "printed", "in der Quelle gedruckt"},
};

TEST_CASE("reports render their dates, window and its source", "[follow_up][FU-REP-004][scores-11.9][text]") {
    const auto t = hsct::timeline::single(ymd(2024, 3, 1)).value().with_subsequent_hct(ymd(2024, 12, 1)).value();
    const auto s = f::reporting_schedule(f::reporting_input{t, f::registry_form::cibmtr_post_ted_2450, ymd(2026, 3, 1)});
    REQUIRE(s);
    CHECK(f::render((*s)[1]) ==
          "CIBMTR Post-TED (2450), HCT 1, Day 100: 2024-06-09 (D+100), contact window 2024-05-25 to 2024-06-24 "
          "(printed in the source) [FU-REP-004]");
    CHECK(f::render((*s)[2]) ==
          "CIBMTR Post-TED (2450), HCT 1, 6 months: 2024-08-28 (D+180), contact window 2024-07-29 to 2024-09-27 "
          "(derived from the source's rule) [FU-REP-004]");
    CHECK(f::render((*s)[3]) ==
          "CIBMTR Post-TED (2450), HCT 1, anniversary 1: 2025-03-01 (D+365), contact window 2025-03-02 to 2025-04-15 "
          "(hsct's stated policy (unverified)), closing: contact date 2024-11-30 [FU-REP-005]");
    const hsct::table_catalogue de(german);
    CHECK(f::render((*s)[1], de) ==
          "CIBMTR Post-TED (2450), HSZT 1, Tag 100: 2024-06-09 (D+100), Kontaktfenster 2024-05-25 bis 2024-06-24 "
          "(in der Quelle gedruckt) [FU-REP-004]");
}

}  // namespace hsct_test_follow_up_reporting_text_test
