// Tests for include/hsct/complications/engraftment_syndrome_text.hpp: Spitzer's and Maiolino's
// results rendered from their data (status, diagnosis day, window, criteria met outside it, the
// major and minor criteria counted, policies, Maiolino's fever threshold marked as hsct's default,
// each observed day's signs, every criterion of the evidence day with hsct's readings marked) and a
// body temperature, for ES-1, ES-2 and ES-3, in English and through a second catalogue.
#include <hsct/complications/engraftment_syndrome_text.hpp>

#include <optional>
#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/complication_points.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_engraftment_syndrome_text_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::transplant_day;

using hsct_test::celsius;
using hsct_test::quiet;

namespace {
/// ES-1: engraftment D+11; on D+12 fever 38.6, rash 30 % (no drug), weight 72.1 kg (+3 % of 70 kg)
c::es_observation es1() {
    auto o = quiet(12);
    o.temperature = celsius(38.6);
    o.rash_bsa = hsct::percent(30.0, u::pct);
    o.weight = hsct::mass(72.1, u::kg);
    return o;
}
c::engraftment_syndrome_input input(const std::vector<c::es_observation>& v) {
    c::engraftment_syndrome_input in;
    in.observations = v;
    in.engraftment_day = transplant_day::at(11);
    in.baseline_weight = hsct::mass(70.0, u::kg);
    in.baseline_creatinine = hsct::creatinine(1.0, u::mg_per_dl);
    return in;
}

constexpr hsct::catalogue_entry german[] = {
    {"engraftment_syndrome", "spitzer", "Engraftment-Syndrom (Spitzer 2001)"},
    {"engraftment_syndrome", "window", "Fenster"},
    {"engraftment_syndrome", "to", "bis"},
    {"engraftment_syndrome", "evidence", "Nachweis"},
    {"engraftment_syndrome", "major", "Haupt"},
    {"engraftment_syndrome", "minor", "Neben"},
    {"engraftment_syndrome", "days", "beobachtete Tage"},
    {"engraftment_syndrome", "in_window", "im Fenster"},
    {"es_status", "met", "Engraftment-Syndrom"},
    {"es_sign", "fever", "nicht infektioeses Fieber"},
    {"es_sign", "rash", "Hautausschlag"},
    {"es_sign", "weight_gain", "Gewichtszunahme"},
    {"spitzer_criterion", "temperature", "Temperatur mindestens 38.3 C"},
    {"complications", "on", "am"},
    {"outcome", "met", "erfuellt"},
    {"text", "unverified", "Lesart von hsct, nicht verifiziert"},
};
}  // namespace

TEST_CASE("ES-1: Spitzer on D+12, two major and one minor, every criterion of the day",
          "[COMP-ES-001][COMP-ES-002][COMP-ES-003][ES-1][Spitzer-2001][HB24-42][text]") {
    const std::vector v{es1()};
    CHECK(c::render(*c::assess_spitzer_es(input(v))) ==
          "engraftment syndrome (Spitzer 2001): engraftment syndrome [COMP-ES-001] on D+12; window D+7 to D+15 "
          "[COMP-ES-003]; evidence: 2 major, 1 minor; under at or above each threshold, 96 h before to 96 h after "
          "engraftment; days observed: D+12 (in the window: non-infectious fever, skin rash, weight gain): D+12: "
          "temperature at least 38.3 C: 38.6 >= 38.3: met (hsct reading, unverified) [COMP-ES-002], an infection "
          "identified (the fever does not count): absent: not met [COMP-ES-005], erythrodermatous rash over 25 % of "
          "body surface: 30 % > 25 %: met [COMP-ES-001], the rash attributed to a drug (does not count): absent: not "
          "met [COMP-ES-005], diffuse pulmonary infiltrates: absent: not met [COMP-ES-001], hypoxia: absent: not met "
          "[COMP-ES-001], cardiac failure, thromboembolism or infection (the oedema does not count): absent: not met "
          "[COMP-ES-005], bilirubin at least 2 mg/dL: 0.8 mg/dL >= 2 mg/dL: not met (hsct reading, unverified) "
          "[COMP-ES-002], transaminases at least 2 x normal: 0.5 x ULN >= 2 x ULN: not met (hsct reading, unverified) "
          "[COMP-ES-002], creatinine at least 2 x baseline: 1 >= 2: not met (hsct reading, unverified) [COMP-ES-002], "
          "weight gain at least 2.5 % of baseline: 3 % >= 2.5 %: met (hsct reading, unverified) [COMP-ES-002], "
          "transient unexplained encephalopathy: absent: not met [COMP-ES-001]");
}

TEST_CASE("ES-1 and ES-2 under Maiolino: the window from the day before recovery, the fever threshold marked",
          "[COMP-ES-010][COMP-ES-011][ES-1][ES-2][Maiolino-2003][text]") {
    const std::vector v{es1()};
    CHECK(c::render(*c::assess_maiolino_es(input(v))) ==
          "engraftment syndrome (Maiolino 2003): engraftment syndrome [COMP-ES-010] on D+12; window from D+10 "
          "[COMP-ES-010]; under Maiolino 2003 as published, fever threshold 38.3 °C (hsct's default, unverified "
          "[COMP-ES-011]); days observed: D+12 (in the window: non-infectious fever, skin rash): D+12: temperature at "
          "least the fever threshold: 38.6 >= 38.3: met (hsct reading, unverified) [COMP-ES-011], an infection "
          "identified (the fever does not count): absent: not met [COMP-ES-005], skin rash (over 25 % of body surface "
          "in the handbook reading): 30 % > 0 %: met [COMP-ES-010], pulmonary infiltrates: absent: not met "
          "[COMP-ES-010], at least 2 liquid stools a day: 0 >= 2: not met [COMP-ES-010], microbiological evidence of "
          "infection (the diarrhoea does not count): absent: not met [COMP-ES-005]");
    // ES-2: fever 38.5 with 3 liquid stools, cultures negative: Maiolino ES, Spitzer not (1 major)
    auto d = quiet(12);
    d.temperature = celsius(38.5);
    d.liquid_stools = 3;
    const std::vector w{d};
    const std::string m = c::render(*c::assess_maiolino_es(input(w)));
    CHECK(m.find("; days observed: D+12 (in the window: non-infectious fever, diarrhoea): ") != std::string::npos);
    CHECK(m.find(", at least 2 liquid stools a day: 3 >= 2: met [COMP-ES-010], ") != std::string::npos);
    CHECK(
        c::render(*c::assess_spitzer_es(input(w)))
            .rfind(
                "engraftment syndrome (Spitzer 2001): criteria not met [COMP-ES-001]; window D+7 to D+15 "
                "[COMP-ES-003]; evidence: 1 major, 0 minor; ",
                0) == 0);
}

TEST_CASE("ES-3: the criteria hold on D+17, outside Spitzer's window; a day and a temperature",
          "[COMP-ES-003][COMP-ES-004][COMP-ES-020][ES-3][Spitzer-2001][text]") {
    auto d = quiet(17);
    d.temperature = celsius(38.3);
    d.pulmonary_infiltrates = true;
    d.hypoxia = true;
    d.creatinine = hsct::creatinine(2.0, u::mg_per_dl);
    const std::vector v{d};
    const auto s = c::assess_spitzer_es(input(v));
    REQUIRE(s.has_value());
    CHECK(c::render(*s).rfind(
              "engraftment syndrome (Spitzer 2001): no observations in the window [COMP-ES-001]; window D+7 to D+15 "
              "[COMP-ES-003]; criteria met outside the window on D+17 [COMP-ES-004]; evidence: 2 major, 1 minor; under "
              "at or above each threshold, 96 h before to 96 h after engraftment; days observed: D+17 (outside the "
              "window: non-infectious fever, pulmonary infiltrates or oedema, renal insufficiency): D+17: temperature "
              "at least 38.3 C: 38.3 >= 38.3: met (hsct reading, unverified) [COMP-ES-002], ",
              0) == 0);
    CHECK(c::render(s->days[0]) ==
          "D+17 (outside the window: non-infectious fever, pulmonary infiltrates or oedema, renal insufficiency)");
    CHECK(c::render(celsius(38.6)) == "38.6 °C");
    CHECK(c::render(*c::body_temperature::make(101.3, c::temperature_unit::fahrenheit)) ==
          hsct::detail::concat({hsct::detail::format_number((101.3 - 32.0) * 5.0 / 9.0), " °C"}));
}

TEST_CASE("engraftment syndrome through another catalogue", "[COMP-ES-001][ES-1][CORE-EXPLAIN-002][text]") {
    const hsct::table_catalogue de(german);
    const std::vector v{es1()};
    const std::string s = c::render(*c::assess_spitzer_es(input(v)), de);
    CHECK(s.rfind("Engraftment-Syndrom (Spitzer 2001): Engraftment-Syndrom [COMP-ES-001] am D+12; Fenster D+7 bis D+15 "
                  "[COMP-ES-003]; Nachweis: 2 Haupt, 1 Neben; under at or above each threshold, 96 h before to 96 h "
                  "after engraftment; beobachtete Tage: D+12 (im Fenster: nicht infektioeses Fieber, Hautausschlag, "
                  "Gewichtszunahme): D+12: Temperatur mindestens 38.3 C: 38.6 >= 38.3: erfuellt (Lesart von hsct, "
                  "nicht verifiziert) [COMP-ES-002], ",
                  0) == 0);
}

}  // namespace hsct_test_complications_engraftment_syndrome_text_test
