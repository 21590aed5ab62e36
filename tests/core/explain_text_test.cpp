// Tests for include/hsct/core/explain_text.hpp: catalogues and rendering (CORE-EXPLAIN-002) and
// numbers that never contradict the comparison they show (CORE-EXPLAIN-003).
#include <hsct/core/explain_text.hpp>
#include <hsct/core/analyte.hpp>
#include <hsct/core/units.hpp>

#include <cstdint>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_explain_text_test {

namespace text_rule {
enum class criterion_id : std::uint8_t { creatinine = 1, bilirubin = 2, dlco = 3, valve = 4 };
constexpr auto hsct_enum_table(criterion_id) noexcept {
    return hsct::make_enum_table<criterion_id>("test_criterion", {
        {criterion_id::creatinine, "creatinine", "creatinine above 2 mg/dL"},
        {criterion_id::bilirubin, "bilirubin", "bilirubin above 1.5 x ULN"},
        {criterion_id::dlco, "dlco", "DLCO at most 65 %"},
        {criterion_id::valve, "valve", "heart valve disease"},
    });
}
enum class field : std::uint8_t { dlco = 1 };
constexpr auto hsct_enum_table(field) noexcept {
    return hsct::make_enum_table<field>("test_field", {{field::dlco, "dlco", "DLCO"}});
}
}  // namespace text_rule

using text_rule::criterion_id;
using text_rule::field;
using C = hsct::criterion<criterion_id>;

TEST_CASE("fixed text never prints -0", "[core][explain][CORE-EXPLAIN-003]") {
    CHECK(hsct::format_fixed(-0.0, 1) == "0.0");
    CHECK(hsct::format_fixed(-0.04, 1) == "0.0");
    CHECK(hsct::format_fixed(-0.05001, 1) == "-0.1");
    CHECK(hsct::format_fixed(2.0, 0) == "2");
    CHECK(hsct::format_fixed(56.9144, 2) == "56.91");
}

TEST_CASE("a shown number never contradicts its comparison", "[core][explain][CORE-EXPLAIN-003]") {
    using hsct::comparator;
    // creatinine 176.9 umol/L = 2.0011 mg/dL > 2: needs 3 decimals to show it
    CHECK(hsct::decimals_for_comparison(176.9 / 88.4, comparator::greater, 2.0, 0) == 3);
    // at the threshold (within CORE-THRESH-001): equal, 1 decimal is enough
    CHECK(hsct::decimals_for_comparison(1.8 / 1.2, comparator::greater, 1.5, 1) == 1);
    // 1.8005/1.2 = 1.50042 > 1.5: "1.50" would read as equal
    CHECK(hsct::decimals_for_comparison(1.8005 / 1.2, comparator::greater, 1.5, 1) == 4);
    // far from the threshold: the minimum
    CHECK(hsct::decimals_for_comparison(72.0, comparator::less_equal, 80.0, 0) == 0);
    // 65.4 <= 65 is false; 0 decimals would show "65 <= 65"
    CHECK(hsct::decimals_for_comparison(65.4, comparator::less_equal, 65.0, 0) == 1);
    // random values: the shown numbers always compare as the real ones
    for (int i = 0; i < 2000; ++i) {
        const double v = 1.0 + i * 0.000731;
        const double t = 1.5;
        for (const auto cmp : {comparator::less, comparator::less_equal, comparator::greater,
                               comparator::greater_equal}) {
            const int d = hsct::decimals_for_comparison(v, cmp, t, 1);
            CAPTURE(v, d);
            CHECK(hsct::satisfies(hsct::detail::rounded(v, d), cmp, hsct::detail::rounded(t, d)) ==
                  hsct::satisfies(v, cmp, t));
        }
    }
}

TEST_CASE("criteria render in English from the data alone", "[core][explain][CORE-EXPLAIN-002]") {
    const C creat{criterion_id::creatinine, hsct::outcome::met, hsct::comparator::greater, true,
                  "PAT-HCTCI-006",
                  hsct::measure::of(hsct::creatinine(176.9, hsct::units::umol_per_l),
                                    hsct::units::mg_per_dl),
                  2.0};
    CHECK(hsct::render(creat) ==
          "creatinine above 2 mg/dL: 2.001 mg/dL > 2 mg/dL: met [PAT-HCTCI-006]");

    const C bili{criterion_id::bilirubin, hsct::outcome::not_met, hsct::comparator::greater, true,
                 "PAT-HCTCI-004", hsct::measure::count(1.8 / 1.2, hsct::count_unit::times_uln),
                 1.5};
    CHECK(hsct::render(bili, hsct::english(), 1) ==
          "bilirubin above 1.5 x ULN: 1.5 x ULN > 1.5 x ULN: not met [PAT-HCTCI-004]");

    const C dlco{criterion_id::dlco, hsct::outcome::unknown, hsct::comparator::less_equal, true,
                 "PAT-HCTCI-002", hsct::measure::missing(field::dlco), 65.0};
    CHECK(hsct::render(dlco) == "DLCO at most 65 %: DLCO missing: unknown (input missing) "
                                "[PAT-HCTCI-002]");

    const C valve{criterion_id::valve, hsct::outcome::met, hsct::comparator::present, false,
                  "PAT-HCTCI-011", hsct::measure::code(hsct::outcome::met), 0.0};
    CHECK(hsct::render(valve) ==
          "heart valve disease: met: met (hsct reading, unverified) [PAT-HCTCI-011]");

    const C flag{criterion_id::valve, hsct::outcome::not_met, hsct::comparator::present, true, "",
                 hsct::measure::flag(false), 0.0};
    CHECK(hsct::render(flag) == "heart valve disease: absent: not met");
    // a threshold with more decimals than the measured value needs is shown as it is
    const C centre{criterion_id::creatinine, hsct::outcome::met, hsct::comparator::greater, true, "",
                   hsct::measure::of(hsct::creatinine(3.0, hsct::units::mg_per_dl), hsct::units::mg_per_dl), 2.25};
    CHECK(hsct::render(centre) == "creatinine above 2 mg/dL: 3 mg/dL > 2.25 mg/dL: met");
}

TEST_CASE("a second catalogue translates every word it has", "[core][explain][CORE-EXPLAIN-002]") {
    static constexpr hsct::catalogue_entry german[] = {
        {"outcome", "met", "erfuellt"},
        {"outcome", "unknown", "unbekannt"},
        {"test_criterion", "creatinine", "Kreatinin ueber 2 mg/dL"},
        {"test_field", "dlco", "DLCO"},
        {"text", "missing", "fehlt"},
        {"text", "present", "vorhanden"},
    };
    const hsct::table_catalogue de(german);
    const C creat{criterion_id::creatinine, hsct::outcome::met, hsct::comparator::greater, true,
                  "PAT-HCTCI-006",
                  hsct::measure::of(hsct::creatinine(3.0, hsct::units::mg_per_dl),
                                    hsct::units::mg_per_dl),
                  2.0};
    CHECK(hsct::render(creat, de) == "Kreatinin ueber 2 mg/dL: 3 mg/dL > 2 mg/dL: erfuellt "
                                     "[PAT-HCTCI-006]");
    const C dlco{criterion_id::dlco, hsct::outcome::unknown, hsct::comparator::less_equal, true,
                 "PAT-HCTCI-002", hsct::measure::missing(field::dlco), 65.0};
    CHECK(hsct::render(dlco, de) == "DLCO at most 65 %: DLCO fehlt: unbekannt [PAT-HCTCI-002]");
    CHECK(de.label(hsct::outcome::not_met) == "not met");  // not in the catalogue: English
    CHECK(hsct::english().label(hsct::outcome::met) == "met");
}

}  // namespace hsct_test_core_explain_text_test
