// Tests for include/hsct/conditioning/regimen_text.hpp: the versioned text form of a regimen
// (COND-REG-003): read with every check, written back, and what is refused, naming the line.
#include <hsct/conditioning/regimen_text.hpp>

#include <string>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_regimen_text_test {

namespace c = hsct::conditioning;
using c::agent;

namespace {
constexpr const char* flumel100 =
    "# centre regimen\n"
    "hsct-regimen 1\n"
    "name: FluMel100\n"
    "source: centre protocol v3 (2026)\n"
    "\n"
    "component: fludarabine 30 mg/m2 days -6..-2\n"
    "component: melphalan 100 mg/m2 day -1\r\n"
    "component: tbi 2 Gy x2 at 7.5 cGy/min days -4,-3\n"
    "component: treosulfan 14 g/m2 days -9..-7\n"
    "rest: 0";

bool same(const c::regimen& a, const c::regimen& b) {
    if (a.name() != b.name() || a.source() != b.source() || a.components().size() != b.components().size() ||
        a.rest_days().size() != b.rest_days().size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.components().size(); ++i) {
        const auto& x = a.components()[i];
        const auto& y = b.components()[i];
        if (x.per_day.which() != y.per_day.which() || std::abs(x.per_day.value() - y.per_day.value()) > 1e-12 ||
            x.per_day.fractions() != y.per_day.fractions() || x.days.size() != y.days.size() ||
            x.per_day.dose_rate().has_value() != y.per_day.dose_rate().has_value() ||
            (x.per_day.dose_rate() &&
             std::abs(x.per_day.dose_rate()->in(hsct::units::cGy_per_min) - y.per_day.dose_rate()->in(hsct::units::cGy_per_min)) > 1e-12)) {
            return false;
        }
        for (std::size_t k = 0; k < x.days.size(); ++k) {
            if (!(x.days[k] == y.days[k])) {
                return false;
            }
        }
    }
    return true;
}
}  // namespace

TEST_CASE("a centre's regimen read from text, with every check", "[COND-REG-003]") {
    const auto t = c::parse_regimen_text(flumel100);
    REQUIRE(t.has_value());
    const auto r = t->get();
    REQUIRE(r.has_value());
    CHECK(r->name() == "FluMel100");
    CHECK(r->source() == "centre protocol v3 (2026)");
    REQUIRE(r->components().size() == 4);
    CHECK(r->total(agent::fludarabine).amount == 150.0);
    CHECK(r->total(agent::melphalan).amount == 100.0);
    CHECK(r->total(agent::tbi).amount == 8.0);
    CHECK(r->total(agent::tbi).fractions == 4);
    const auto& tbi = r->components()[2].per_day;
    REQUIRE(tbi.which() == agent::tbi);
    REQUIRE(tbi.dose_rate().has_value());
    CHECK(tbi.dose_rate()->in(hsct::units::cGy_per_min) == 7.5);  // COND-AGENT-003
    CHECK_FALSE(r->components()[0].per_day.dose_rate().has_value());
    CHECK(r->total(agent::treosulfan).amount == 42000.0);
    REQUIRE(r->rest_days().size() == 1);
    CHECK(r->rest_days()[0] == hsct::transplant_day::at(0));
    CHECK_FALSE(r->doses_verified());
}

TEST_CASE("to_text reads back to the same regimen, published ones included", "[COND-REG-003][COND-REG-002]") {
    const auto t = c::parse_regimen_text(flumel100);
    REQUIRE(t.has_value());
    const auto r = t->get();
    REQUIRE(r.has_value());
    const std::string text = c::to_text(*r);
    const auto back = c::parse_regimen_text(text);
    REQUIRE(back.has_value());
    CHECK(same(*r, *back->get()));
    for (const auto& p : {c::regimens::cy_tbi(), c::regimens::flu_cy_tbi_ptcy(), c::regimens::beam(), c::regimens::tbf()}) {
        INFO(p.name());
        const auto q = c::parse_regimen_text(c::to_text(p));
        REQUIRE(q.has_value());
        CHECK(same(p, *q->get()));
    }
}

TEST_CASE("what the text form refuses, naming the line", "[COND-REG-003]") {
    struct row {
        std::string text;
        std::string field;
        hsct::errc code;
    };
    const std::string h = "hsct-regimen 1\nname: x\n";
    const std::vector<row> rows = {
        {"hsct-regimen 2\nname: x\n", "regimen_text:1", hsct::errc::syntax},
        {"name: x\n", "regimen_text:1", hsct::errc::syntax},
        {"", "regimen_text", hsct::errc::syntax},
        {"hsct-regimen 1\n", "regimen_text", hsct::errc::missing},
        {h + "component: fludarabine 30 mg/kg days -6..-2\n", "regimen_text:3", hsct::errc::wrong_dimension},
        {h + "component: busulfan_iv 3.2 mg/m2 days -5..-2\n", "regimen_text:3", hsct::errc::wrong_dimension},
        {h + "component: plutonium 3 mg/kg day -1\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: busulfan_iv 9 mg/kg day -1\n", "regimen_text:3", hsct::errc::out_of_range},
        {h + "component: busulfan_iv 0 mg/kg day -1\n", "regimen_text:3", hsct::errc::out_of_range},
        {h + "component: fludarabine 30 mg/m2 days -2..-6\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: fludarabine 30 mg/m2 days -40\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: fludarabine 30 mg/m2 days -2,-3\n", "regimen.components.days[0]", hsct::errc::inconsistent},
        {h + "component: fludarabine 30 mg/m2 x2 days -2\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: fludarabine 30 mg/m2 at 7 cGy/min days -2\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: tbi 2 Gy at 7 cGy/h day -1\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: tbi 2 Gy at cGy/min day -1\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: tbi 2 Gy at 7 day -1\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: tbi 2 Gy x2 at 0 cGy/min day -1\n", "regimen_text:3", hsct::errc::out_of_range},
        {h + "component: tbi 2 Gy at 1.5 Gy/min day -1\n", "regimen_text:3", hsct::errc::out_of_range},
        {h + "component: tbi 2 Gy day -1 extra\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: fludarabine 30 mg/m2 weeks -2\n", "regimen_text:3", hsct::errc::syntax},
        {h + "name: y\n", "regimen_text:3", hsct::errc::syntax},
        {h + "dose: 3\n", "regimen_text:3", hsct::errc::syntax},
        {h + "component: fludarabine 30 mg/m2 day -1\nrest: -1\n", "regimen.components.days[0]", hsct::errc::inconsistent},
    };
    for (const auto& x : rows) {
        INFO(x.text);
        const auto t = c::parse_regimen_text(x.text);
        REQUIRE_FALSE(t.has_value());
        CHECK(t.error().field() == x.field);
        CHECK(t.error().code() == x.code);
    }
}

}  // namespace hsct_test_conditioning_regimen_text_test
