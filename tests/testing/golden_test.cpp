// Tests for include/hsct/testing/golden.hpp: the format read (every problem with its line, the
// rest of the file still read), written back in canonical form, every case checked against the
// built-in rules and a user's own, and every disagreement reported.
#include <hsct/testing/golden.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_testing_golden_test {

namespace ht = hsct::testing;

std::string read_file(const char* path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

TEST_CASE("the centre's validation set agrees with hsct", "[testing][TEST-GOLD-001][TEST-GOLD-003][TEST-GOLD-004]") {
    const std::string text = read_file(HSCT_SOURCE_DIR "/tests/data/golden/centre_validation.txt");
    REQUIRE_FALSE(text.empty());
    const auto file = ht::read_golden_cases(text);
    CHECK(file.problems.empty());
    REQUIRE(file.cases.size() == 6U);
    CHECK(file.cases[0].name == "flu-dose-adult-1");
    CHECK(file.cases[0].rule == "dose");
    CHECK(file.cases[0].inputs.size() == 2U);
    CHECK(file.cases[0].expect[0].tolerance == "0.5 mg");
    const auto report = ht::run_golden_cases(text);
    CAPTURE(report.text());
    CHECK(report.ok());
    CHECK(report.cases == 6U);
    CHECK(report.agreed == 6U);
    CHECK(report.text() == "6 of 6 cases agree");
}

TEST_CASE("every disagreement is reported, not only the first", "[testing][TEST-GOLD-003]") {
    const std::string text = "case a\nsource s\nrule dose\ninput dose = 30 mg/m2\ninput bsa = 2 m2\n"
                             "expect total = 61 mg +- 0.5 mg\nend\n"                                 // 1 mg off
                             "case b\nsource s\nrule transplant_day\ninput day0 = 2025-03-10\n"
                             "input date = 2025-03-24\nexpect day = D+15\nend\n"                     // D+14
                             "case c\nsource s\nrule dose\ninput dose = 30 mg/m2\ninput bsa = 2 m2\n"
                             "expect total = 60 mg +- 0.5 mg\nend\n"                                 // agrees
                             "case d\nsource s\nrule no_such_rule\nexpect x = 1\nend\n"
                             "case e\nsource s\nrule lab\ninput analyte = anc\ninput value = 1\ninput unit = mg/dL\n"
                             "expect value = 1 x10^9/L +- 0.1 x10^9/L\nend\n"                        // refused input
                             "case f\nsource s\nrule dose\ninput dose = 30 mg/m2\ninput bsa = 2 m2\n"
                             "expect total = 60000 ug +- 1 ug\nexpect volume = 5 mL\nend\n";         // wrong unit; no such output
    const auto r = ht::run_golden_cases(text);
    CHECK(r.problems.empty());
    CHECK(r.cases == 6U);
    CHECK(r.agreed == 1U);
    REQUIRE(r.disagreements.size() == 6U);
    CHECK(r.disagreements[0].case_name == "a");
    CHECK(r.disagreements[0].line == 6U);
    CHECK(r.disagreements[0].actual == "60 mg");
    CHECK(r.disagreements[0].why == "1 mg off");
    CHECK(r.disagreements[1].key == "day");
    CHECK(r.disagreements[1].actual == "D+14");
    CHECK(r.disagreements[1].why == "the text differs");
    CHECK(r.disagreements[2].why == "no rule named 'no_such_rule'");
    CHECK(r.disagreements[3].why.starts_with("the rule refused the inputs: "));
    CHECK(r.disagreements[4].why == "the expectation is not in the rule's unit (mg)");
    CHECK(r.disagreements[5].why == "the rule gives no 'volume'");
    CHECK(r.text().starts_with("1 of 6 cases agree\nline 6, case a, total: expected 61 mg +- 0.5 mg, got 60 mg (1 mg off)"));
}

TEST_CASE("tolerances: at the edge agrees, just beyond does not", "[testing][TEST-GOLD-003]") {
    const auto run = [](const std::string& expect) {
        return ht::run_golden_cases("case t\nsource s\nrule dose\ninput dose = 30 mg/m2\ninput bsa = 2 m2\nexpect " +
                                    expect + "\nend\n");
    };
    CHECK(run("total = 60.5 mg +- 0.5 mg").ok());
    CHECK(run("total = 59.5 mg +- 0.5 mg").ok());
    CHECK_FALSE(run("total = 60.51 mg +- 0.5 mg").ok());
    CHECK(run("total = 60 mg +- 0 mg").ok());
    CHECK(run("total = 60 mg").ok());          // without a tolerance the text is compared ...
    CHECK_FALSE(run("total = 60.0 mg").ok());  // ... as hsct prints it
}

TEST_CASE("a problem is reported with its line and the rest is still read", "[testing][TEST-GOLD-002]") {
    const std::string text = "expect x = 1\n"                                          // 1: outside a case
                             "case ok-1\nsource s\nrule bsa\ninput height = 178 cm\ninput weight = 82 kg\n"
                             "expect bsa = 2.01 m2 +- 0.01 m2\nend\n"                  // 2-8: fine
                             "case bad one\nsource s\nrule bsa\nexpect bsa = 2\nend\n" // 9: a bad name
                             "case no-source\nrule bsa\nexpect bsa = 2\nend\n"         // 17: no source
                             "case tol\nsource s\nrule bsa\nexpect bsa = 2 m2 +- -1 m2\nend\n"  // 21: negative tolerance
                             "case bad-word\nsource s\nrule bsa\nexpectation bsa = 2\nexpect bsa = 2\nend\n"  // 26
                             "case open\nsource s\nrule bsa\nexpect bsa = 2\n";        // no end
    const auto f = ht::read_golden_cases(text);
    REQUIRE(f.cases.size() == 1U);
    CHECK(f.cases[0].name == "ok-1");
    REQUIRE(f.problems.size() == 6U);
    CHECK(f.problems[0].line == 1U);
    CHECK(f.problems[1].line == 9U);
    CHECK(f.problems[2].line == 17U);
    CHECK(f.problems[2].what == "case 'no-source' has no source");
    CHECK(f.problems[3].line == 21U);
    CHECK(f.problems[4].line == 26U);
    CHECK(f.problems[5].line == 33U);  // the line after the last
    CHECK(f.problems[5].what == "case 'open' has no 'end'");
    const auto r = ht::run_golden_cases(text);
    CHECK(r.cases == 1U);
    CHECK(r.agreed == 1U);
    CHECK(r.problems.size() == 6U);
    CHECK_FALSE(r.ok());
}

TEST_CASE("written back in canonical form, the cases read the same", "[testing][TEST-GOLD-002]") {
    const auto f = ht::read_golden_cases(read_file(HSCT_SOURCE_DIR "/tests/data/golden/centre_validation.txt"));
    const std::string canonical = ht::write_golden_cases(f.cases);
    const auto again = ht::read_golden_cases(canonical);
    CHECK(again.problems.empty());
    CHECK(again.cases == f.cases);
    CHECK(ht::write_golden_cases(again.cases) == canonical);
}

TEST_CASE("a centre adds its own rule", "[testing][TEST-GOLD-003]") {
    auto rules = ht::golden_rules::builtin();
    // The centre's rule: the busulfan test dose is a quarter of the daily dose.
    rules.add("bu_test_dose", [](const ht::golden_inputs& in) -> hsct::result<ht::golden_outputs> {
        const auto it = in.find("daily");
        if (it == in.end()) {
            return hsct::error(hsct::errc::missing, "daily", "(not given)", "the daily dose in mg");
        }
        const auto daily = hsct::parse<hsct::total_dose>(it->second);
        if (!daily) {
            return daily.error();
        }
        const double mg = daily->in(hsct::units::mg) / 4.0;
        return ht::golden_outputs{{"test_dose", ht::golden_output{std::to_string(mg) + " mg", mg, "mg"}}};
    });
    const std::string text = "case bu-1\nsource centre SOP 7\nrule bu_test_dose\ninput daily = 262.4 mg\n"
                             "expect test_dose = 65.6 mg +- 0.05 mg\nend\n"
                             "case bu-2\nsource centre SOP 7\nrule bu_test_dose\nexpect test_dose = 1 mg +- 1 mg\nend\n";
    const auto r = ht::run_golden_cases(text, rules);
    CHECK(r.cases == 2U);
    CHECK(r.agreed == 1U);
    REQUIRE(r.disagreements.size() == 1U);
    CHECK(r.disagreements[0].case_name == "bu-2");
    CHECK(r.disagreements[0].why.find("daily") != std::string::npos);
}

}  // namespace hsct_test_testing_golden_test
