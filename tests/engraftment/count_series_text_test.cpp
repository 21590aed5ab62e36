// Tests for include/hsct/engraftment/count_series_text.hpp: a result as received, a day's value,
// a day series (its same-day policy and corrections), an engraftment day and a dated criterion
// rendered from their data, in English and through a second catalogue.
#include <hsct/engraftment/count_series_text.hpp>
#include <hsct/engraftment/neutrophil.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_count_series_text_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
using hsct::transplant_day;
using rec = e::count_record<hsct::anc>;

namespace {
rec anc(int day, double v, e::count_method m = e::count_method::automated, std::uint32_t id = 0,
        std::uint32_t replaces = 0) {
    return rec{transplant_day::at(day), hsct::anc(v, u::giga_per_l), m, id, replaces};
}
// D+11: result 41 corrected by 42; D+12: three results, one a manual count
const std::vector<rec> results{anc(12, 0.7),  anc(11, 0.3, e::count_method::automated, 41),
                               anc(12, 0.45), anc(11, 0.35, e::count_method::automated, 42, 41),
                               anc(12, 0.52, e::count_method::manual)};
constexpr hsct::catalogue_entry german[] = {
    {"engraftment", "days", "Tage"},
    {"engraftment", "one_a_day", "ein Wert am Tag"},
    {"engraftment", "corrected", "korrigierte Ergebnisse"},
    {"engraftment", "results_that_day", "Ergebnisse an dem Tag"},
    {"engraftment", "result", "Ergebnis"},
    {"engraftment", "replaces", "ersetzt Ergebnis"},
    {"engraftment", "on", "am"},
    {"same_day_policy", "manual_then_lowest", "zuerst eine manuelle Zaehlung, dann der niedrigste"},
    {"count_method", "manual", "manuelle Zaehlung"},
    {"count_method", "automated", "automatische Zaehlung"},
    {"engraftment_status", "engrafted", "angewachsen"},
    {"engraftment_status", "not_yet", "noch nicht angewachsen"},
};
}  // namespace

TEST_CASE("a day series: its policy, its corrections, each day's value", "[ENG-SERIES-003][ENG-SERIES-004][text]") {
    const auto s = e::consolidate<hsct::anc>(results);
    REQUIRE(s.has_value());
    CHECK(e::render(*s) ==
          "days: 2 (one value a day: a manual count first, then the lowest; corrected results: 1): D+11: 0.35 x10^9/L; "
          "D+12: 0.52 x10^9/L (manual count; results that day: 3)");
    const auto lowest = e::consolidate<hsct::anc>(results, e::same_day_policy::lowest);
    CHECK(e::render(*lowest) ==
          "days: 2 (one value a day: the lowest result of the day; corrected results: 1): D+11: 0.35 x10^9/L; D+12: "
          "0.45 x10^9/L (automated count; results that day: 3)");
    CHECK(e::render(e::day_series<hsct::anc>{}) == "days: 0 (one value a day: a manual count first, then the lowest)");
    const auto plt = e::consolidate<hsct::platelets>(std::vector<e::count_record<hsct::platelets>>{
        {transplant_day::at(0), hsct::platelets(25.0, u::giga_per_l)}});
    CHECK(e::render(*plt) == "days: 1 (one value a day: a manual count first, then the lowest): D0: 25 x10^9/L");
}

TEST_CASE("a result as received", "[ENG-SERIES-001][ENG-SERIES-003][text]") {
    CHECK(e::render(results[0]) == "D+12: 0.70 x10^9/L");
    CHECK(e::render(results[3]) == "D+11: 0.35 x10^9/L (automated count; result 42; replaces result 41)");
    CHECK(e::render(results[4]) == "D+12: 0.52 x10^9/L (manual count)");
    CHECK(e::render(e::count_record<hsct::haemoglobin>{transplant_day::at(-2), hsct::haemoglobin(9.04, u::g_per_dl)}) ==
          "D-2: 9.0 g/dL");
}

TEST_CASE("an engraftment day and a dated criterion", "[ENG-NEUT-003][EN-1][text]") {
    const auto s = e::consolidate<hsct::anc>(
        std::vector<rec>{anc(10, 0.1), anc(11, 0.3), anc(12, 0.6), anc(13, 0.8), anc(14, 1.2)});
    REQUIRE(s.has_value());
    CHECK(e::render(*e::neutrophil_engraftment_day(s->days())) == "engrafted on D+12");
    CHECK(e::render(e::engraftment_day{e::engraftment_status::not_yet, std::nullopt}) == "not yet engrafted");
    const auto r = e::assess_neutrophil_engraftment(*s);
    REQUIRE(r.has_value());
    CHECK(e::render(r->criteria[1], hsct::english(), 2) ==
          "D+12: ANC at the threshold or above: 0.60 x10^9/L >= 0.5 x10^9/L: met [ENG-NEUT-001]");
    CHECK(e::render(r->criteria[0]) == "D+10: ANC below the threshold (the nadir reached): 0.1 x10^9/L < 0.5 x10^9/L: met "
                                       "[ENG-NEUT-001]");
}

TEST_CASE("series text through another catalogue", "[ENG-SERIES-004][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    CHECK(e::render(*e::consolidate<hsct::anc>(results), de) ==
          "Tage: 2 (ein Wert am Tag: zuerst eine manuelle Zaehlung, dann der niedrigste; korrigierte Ergebnisse: 1): "
          "D+11: 0.35 x10^9/L; D+12: 0.52 x10^9/L (manuelle Zaehlung; Ergebnisse an dem Tag: 3)");
    CHECK(e::render(results[3], de) == "D+11: 0.35 x10^9/L (automatische Zaehlung; Ergebnis 42; ersetzt Ergebnis 41)");
    CHECK(e::render(e::engraftment_day{e::engraftment_status::engrafted, transplant_day::at(12)}, de) ==
          "angewachsen am D+12");
    CHECK(e::render(e::engraftment_day{e::engraftment_status::not_yet, std::nullopt}, de) == "noch nicht angewachsen");
}

}  // namespace hsct_test_engraftment_count_series_text_test
