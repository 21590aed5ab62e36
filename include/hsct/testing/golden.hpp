// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Golden cases: a centre's own validation set, kept as text beside its code and rerun against
// hsct on every upgrade. One case per block (inputs, expected outputs with tolerances, source);
// the runner checks every case and reports every disagreement, never stopping at the first.
//
//   # docs/testing.md, "Golden cases", documents the format
//   case flu-dose-adult-1
//   source  centre protocol FLU-BU 2024, worked example 1
//   rule    dose
//   input   dose = 30 mg/m2
//   input   bsa = 2.01 m2
//   expect  total = 60.3 mg +- 0.5 mg
//   end
//
//   auto report = hsct::testing::run_golden_cases(text);              // the built-in rules
//   auto rules = hsct::testing::golden_rules::builtin();
//   rules.add("my_rule", [](const golden_inputs& in) -> hsct::result<golden_outputs> { ... });
//   auto mine = hsct::testing::run_golden_cases(text, rules);
//   report.ok(); report.disagreements; report.problems;                // every one, with its line
//
// TEST-GOLD-001 the format: lines; `#` starts a comment line; a case is `case <name>` ... `end`
// with `rule <name>` (one), `source <text>` (one, required), `input <key> = <value>` and
// `expect <key> = <value> [+- <tolerance>]` (at least one); names and keys are letters, digits,
// '_', '-' and '.'; a value is the text after "= " to the end of the line (or to " +- ").
// TEST-GOLD-002 reading never stops: a line that cannot be read is a problem with its line
// number, and the case it is in is skipped; the other cases are read. write_golden_cases writes
// the cases read in one canonical form that reads back to the same cases.
// TEST-GOLD-003 checking: each expectation is compared with the rule's output of that key: as
// text when it has no tolerance; as a number in the same unit within the tolerance (which must
// be in that unit) when it has one. Every case is run and every disagreement reported (case,
// line, key, expected, actual, why); a rule that refuses its inputs is one disagreement per
// expectation of the case, naming the error.
// TEST-GOLD-004 the built-in rules: `bsa` (height, weight -> bsa, Mosteller, in m2), `dose`
// (dose in mg/m2 or mg/kg, and bsa or weight -> total in mg), `lab` (analyte anc, platelets,
// bilirubin or creatinine, value, unit as the lab sends it -> value in hsct's canonical unit),
// `transplant_day` (day0, date -> day), `neutrophil_engraftment` (anc: "D+n value; ..." ->
// status, day).
#ifndef HSCT_TESTING_GOLDEN_HPP
#define HSCT_TESTING_GOLDEN_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "hsct/core/analyte.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/patient/body_size.hpp"

namespace hsct::testing {

/// TEST-GOLD-001: one expected output.
struct golden_expectation {
    std::string key;
    std::string value;                    ///< as written ("60.3 mg", "engrafted", "D+14")
    std::optional<std::string> tolerance; ///< "0.5 mg"
    std::size_t line = 0;
    friend bool operator==(const golden_expectation& a, const golden_expectation& b) {
        return a.key == b.key && a.value == b.value && a.tolerance == b.tolerance;
    }
};

/// TEST-GOLD-001: one case.
struct golden_case {
    std::string name;
    std::string rule;
    std::string source;
    std::vector<std::pair<std::string, std::string>> inputs;
    std::vector<golden_expectation> expect;
    std::size_t line = 0;  ///< of its `case` line
    friend bool operator==(const golden_case& a, const golden_case& b) {
        return a.name == b.name && a.rule == b.rule && a.source == b.source && a.inputs == b.inputs &&
               a.expect == b.expect;
    }
};

/// TEST-GOLD-002: a line that could not be read.
struct golden_problem {
    std::size_t line = 0;
    std::string what;
};

/// TEST-GOLD-002: what reading a file gave: the cases read whole, and the problems.
struct golden_file {
    std::vector<golden_case> cases;
    std::vector<golden_problem> problems;
};

/// A rule's inputs (key -> value as written) and outputs.
using golden_inputs = std::map<std::string, std::string, std::less<>>;
struct golden_output {
    std::string text;               ///< compared when the expectation has no tolerance
    std::optional<double> number;   ///< compared within a tolerance ...
    std::string unit;               ///< ... stated in this unit
};
using golden_outputs = std::map<std::string, golden_output, std::less<>>;
using golden_rule = std::function<hsct::result<golden_outputs>(const golden_inputs&)>;

namespace detail::golden {
[[nodiscard]] inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}
[[nodiscard]] inline bool is_name(std::string_view s) noexcept {
    if (s.empty() || s.size() > 128) {
        return false;
    }
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '-' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}
[[nodiscard]] inline bool printable(std::string_view s) noexcept {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return false;
        }
    }
    return true;
}
/// "<number> <unit>" (the unit may be empty): the number and the unit text.
[[nodiscard]] inline std::optional<std::pair<double, std::string>> number_and_unit(std::string_view s) {
    s = trim(s);
    const auto sp = s.find(' ');
    const std::string_view num = s.substr(0, sp);
    double v = 0.0;
    const auto r = std::from_chars(num.data(), num.data() + num.size(), v);
    if (r.ec != std::errc{} || r.ptr != num.data() + num.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return std::pair<double, std::string>(v, std::string(sp == std::string_view::npos ? std::string_view{} : trim(s.substr(sp))));
}
[[nodiscard]] inline std::string number_text(double v) {
    char buf[32];
    static_cast<void>(std::snprintf(buf, sizeof buf, "%.10g", v));
    return buf;
}
}  // namespace detail::golden

/// TEST-GOLD-001/002: reads cases; never stops at a problem.
template <class = void>
[[nodiscard]] golden_file read_golden_cases(std::string_view text) {
    namespace g = detail::golden;
    golden_file out;
    std::optional<golden_case> current;
    bool broken = false;  // the current case had a problem: skipped at its end
    std::size_t line_no = 0;
    const auto problem = [&](std::string what) {
        out.problems.push_back(golden_problem{line_no, std::move(what)});
        broken = true;
    };
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const std::string_view raw = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++line_no;
        const std::string_view line = g::trim(raw);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (!g::printable(line) || line.size() > 4096) {
            problem("a control character, or a line over 4096 bytes");
            continue;
        }
        const auto sp = line.find_first_of(" \t");
        const std::string_view word = line.substr(0, sp);
        const std::string_view rest = sp == std::string_view::npos ? std::string_view{} : g::trim(line.substr(sp));
        if (word == "case") {
            if (current) {
                problem("'case' before the 'end' of case '" + current->name + "'");
                current.reset();
            }
            broken = false;
            if (!g::is_name(rest)) {
                problem("a case's name is letters, digits, '_', '-' or '.'");
            }
            current.emplace();
            current->name = std::string(rest);
            current->line = line_no;
            continue;
        }
        if (!current) {
            out.problems.push_back(golden_problem{line_no, "'" + std::string(word) + "' outside a case"});
            continue;
        }
        if (word == "end") {
            if (!rest.empty()) {
                problem("text after 'end'");
            }
            // A case already broken is skipped without more problems of its own.
            if (!broken && current->rule.empty()) {
                problem("case '" + current->name + "' has no rule");
            }
            if (!broken && current->source.empty()) {
                problem("case '" + current->name + "' has no source");
            }
            if (!broken && current->expect.empty()) {
                problem("case '" + current->name + "' expects nothing");
            }
            if (!broken) {
                out.cases.push_back(std::move(*current));
            }
            current.reset();
            broken = false;
        } else if (word == "rule") {
            if (!current->rule.empty() || !g::is_name(rest)) {
                problem("one 'rule <name>' a case");
            } else {
                current->rule = std::string(rest);
            }
        } else if (word == "source") {
            if (!current->source.empty() || rest.empty()) {
                problem("one 'source <text>' a case");
            } else {
                current->source = std::string(rest);
            }
        } else if (word == "input" || word == "expect") {
            const auto eq = rest.find(" = ");
            const std::string_view key = eq == std::string_view::npos ? std::string_view{} : g::trim(rest.substr(0, eq));
            std::string_view value = eq == std::string_view::npos ? std::string_view{} : g::trim(rest.substr(eq + 3));
            if (!g::is_name(key) || value.empty()) {
                problem("'" + std::string(word) + " <key> = <value>'");
                continue;
            }
            if (word == "input") {
                for (const auto& [k, v] : current->inputs) {
                    if (k == key) {
                        problem("input '" + std::string(key) + "' given twice");
                    }
                }
                current->inputs.emplace_back(std::string(key), std::string(value));
                continue;
            }
            golden_expectation e;
            e.key = std::string(key);
            e.line = line_no;
            if (const auto pm = value.find(" +- "); pm != std::string_view::npos) {
                const std::string_view tol = g::trim(value.substr(pm + 4));
                value = g::trim(value.substr(0, pm));
                const auto t = g::number_and_unit(tol);
                if (value.empty() || !t || t->first < 0.0) {
                    problem("a tolerance is '+- <number> <unit>', not negative");
                    continue;
                }
                e.tolerance = std::string(tol);
            }
            e.value = std::string(value);
            current->expect.push_back(std::move(e));
        } else {
            problem("'" + std::string(word) + "' is not case, rule, source, input, expect or end");
        }
    }
    if (current) {
        ++line_no;
        problem("case '" + current->name + "' has no 'end'");
    }
    return out;
}

/// TEST-GOLD-002: the cases in the canonical form (reads back to the same cases).
template <class = void>
[[nodiscard]] std::string write_golden_cases(const std::vector<golden_case>& cases) {
    std::string s;
    for (const auto& c : cases) {
        s.append("case ").append(c.name).append("\nsource ").append(c.source).append("\nrule ").append(c.rule);
        s += '\n';
        for (const auto& [k, v] : c.inputs) {
            s.append("input ").append(k).append(" = ").append(v);
            s += '\n';
        }
        for (const auto& e : c.expect) {
            s.append("expect ").append(e.key).append(" = ").append(e.value);
            if (e.tolerance) {
                s.append(" +- ").append(*e.tolerance);
            }
            s += '\n';
        }
        s += "end\n\n";
    }
    return s;
}

/// TEST-GOLD-003/004: the rules a runner knows, by name.
class golden_rules {
public:
    /// No rule.
    golden_rules() = default;
    /// The built-in rules (TEST-GOLD-004).
    template <class = void>
    [[nodiscard]] static golden_rules builtin();
    /// Adds (or replaces) a rule.
    void add(std::string name, golden_rule rule) { rules_[std::move(name)] = std::move(rule); }
    [[nodiscard]] const golden_rule* find(std::string_view name) const {
        const auto it = rules_.find(name);
        return it == rules_.end() ? nullptr : &it->second;
    }

private:
    std::map<std::string, golden_rule, std::less<>> rules_;
};

/// TEST-GOLD-003: one disagreement: the case, the line of the expectation, the key, what was
/// expected and what hsct gave, and why they differ.
struct golden_disagreement {
    std::string case_name;
    std::size_t line = 0;
    std::string key;
    std::string expected;
    std::string actual;
    std::string why;
};

/// TEST-GOLD-003: a run: how many cases, how many agreed, every disagreement and every problem.
struct golden_report {
    std::size_t cases = 0;
    std::size_t agreed = 0;
    std::vector<golden_disagreement> disagreements;
    std::vector<golden_problem> problems;
    [[nodiscard]] bool ok() const noexcept { return disagreements.empty() && problems.empty(); }
    /// One line each: "line 12, case flu-1, total: expected 60.3 mg +- 0.5 mg, got 61.9 mg (1.6 mg off)".
    [[nodiscard]] std::string text() const {
        std::string s = std::to_string(agreed) + " of " + std::to_string(cases) + " cases agree";
        for (const auto& p : problems) {
            s += "\nline " + std::to_string(p.line) + ": " + p.what;
        }
        for (const auto& d : disagreements) {
            s += "\nline " + std::to_string(d.line) + ", case " + d.case_name + ", " + d.key + ": expected " + d.expected +
                 ", got " + d.actual + " (" + d.why + ")";
        }
        return s;
    }
};

/// TEST-GOLD-003: checks one case against the rules; appends its disagreements; true if none.
template <class = void>
bool check_golden_case(const golden_case& c, const golden_rules& rules, std::vector<golden_disagreement>& out) {
    namespace g = detail::golden;
    const std::size_t before = out.size();
    const auto expected_text = [](const golden_expectation& e) {
        return e.tolerance ? e.value + " +- " + *e.tolerance : e.value;
    };
    const golden_rule* rule = rules.find(c.rule);
    if (rule == nullptr) {
        for (const auto& e : c.expect) {
            out.push_back({c.name, e.line, e.key, expected_text(e), "(nothing)", "no rule named '" + c.rule + "'"});
        }
        return false;
    }
    golden_inputs in;
    for (const auto& [k, v] : c.inputs) {
        in.emplace(k, v);
    }
    const auto got = (*rule)(in);
    if (!got) {
        for (const auto& e : c.expect) {
            out.push_back({c.name, e.line, e.key, expected_text(e), "(an error)", "the rule refused the inputs: " + got.error().message()});
        }
        return false;
    }
    for (const auto& e : c.expect) {
        const auto it = got->find(e.key);
        if (it == got->end()) {
            out.push_back({c.name, e.line, e.key, expected_text(e), "(nothing)", "the rule gives no '" + e.key + "'"});
            continue;
        }
        const golden_output& o = it->second;
        const std::string actual = o.text;
        if (!e.tolerance) {
            if (o.text != e.value) {
                out.push_back({c.name, e.line, e.key, e.value, actual, "the text differs"});
            }
            continue;
        }
        const auto want = g::number_and_unit(e.value);
        const auto tol = g::number_and_unit(*e.tolerance);
        if (!want || !tol || !o.number) {
            out.push_back({c.name, e.line, e.key, expected_text(e), actual, "not a number and unit on both sides"});
            continue;
        }
        if (want->second != o.unit || tol->second != o.unit) {
            out.push_back({c.name, e.line, e.key, expected_text(e), actual,
                           "the expectation is not in the rule's unit (" + o.unit + ")"});
            continue;
        }
        const double off = std::fabs(*o.number - want->first);
        if (!(off <= tol->first)) {
            out.push_back({c.name, e.line, e.key, expected_text(e), actual, g::number_text(off) + " " + o.unit + " off"});
        }
    }
    return out.size() == before;
}

/// TEST-GOLD-002/003: reads the text and checks every case read; every problem and every
/// disagreement is reported.
template <class = void>
[[nodiscard]] golden_report run_golden_cases(std::string_view text, const golden_rules& rules) {
    golden_report r;
    auto file = read_golden_cases(text);
    r.problems = std::move(file.problems);
    for (const auto& c : file.cases) {
        ++r.cases;
        if (check_golden_case(c, rules, r.disagreements)) {
            ++r.agreed;
        }
    }
    return r;
}
template <class = void>
[[nodiscard]] golden_report run_golden_cases(std::string_view text) {
    return run_golden_cases(text, golden_rules::builtin());
}

namespace detail::golden {
[[nodiscard]] inline hsct::result<std::string_view> need(const golden_inputs& in, std::string_view key) {
    const auto it = in.find(key);
    if (it == in.end()) {
        return hsct::error(errc::missing, std::string(key), "(not given)", "an input of the rule", "TEST-GOLD-004");
    }
    return std::string_view(it->second);
}
template <class Q>
[[nodiscard]] golden_output quantity_output(const Q& q) {
    using U = canonical_unit_t<Q>;
    const double v = q.in(U{});
    return golden_output{number_text(v) + " " + std::string(U::info.symbol), v, std::string(U::info.symbol)};
}
}  // namespace detail::golden

template <class>
golden_rules golden_rules::builtin() {
    namespace g = detail::golden;
    golden_rules r;
    r.add("bsa", [](const golden_inputs& in) -> hsct::result<golden_outputs> {
        const auto h = g::need(in, "height").and_then([](std::string_view t) { return patient::parse_height(t); });
        const auto w = g::need(in, "weight").and_then([](std::string_view t) { return patient::parse_weight(t); });
        if (!h) {
            return h.error();
        }
        if (!w) {
            return w.error();
        }
        return golden_outputs{{"bsa", g::quantity_output(patient::bsa_mosteller(*h, *w))}};
    });
    r.add("dose", [](const golden_inputs& in) -> hsct::result<golden_outputs> {
        const auto d = g::need(in, "dose");
        if (!d) {
            return d.error();
        }
        if (auto per_area = hsct::parse<dose_per_area>(*d)) {
            const auto bsa = g::need(in, "bsa").and_then([](std::string_view t) { return hsct::parse<area>(t); });
            if (!bsa) {
                return bsa.error();
            }
            return golden_outputs{{"total", g::quantity_output(*per_area * *bsa)}};
        }
        auto per_mass = hsct::parse<dose_per_mass>(*d);
        if (!per_mass) {
            return per_mass.error();
        }
        const auto w = g::need(in, "weight").and_then([](std::string_view t) { return hsct::parse<mass>(t); });
        if (!w) {
            return w.error();
        }
        return golden_outputs{{"total", g::quantity_output(*per_mass * *w)}};
    });
    r.add("lab", [](const golden_inputs& in) -> hsct::result<golden_outputs> {
        const auto a = g::need(in, "analyte");
        const auto v = g::need(in, "value");
        const auto u = g::need(in, "unit");
        if (!a || !v || !u) {
            return !a ? a.error() : !v ? v.error() : u.error();
        }
        const auto read = [&](auto tag) -> hsct::result<golden_outputs> {
            using A = decltype(tag);
            auto x = hsct::from_lab<A>(*v, *u);
            if (!x) {
                return x.error();
            }
            return golden_outputs{{"value", g::quantity_output(*x)}};
        };
        if (*a == "anc") {
            return read(hsct::anc{});
        }
        if (*a == "platelets") {
            return read(hsct::platelets{});
        }
        if (*a == "bilirubin") {
            return read(hsct::bilirubin{});
        }
        if (*a == "creatinine") {
            return read(hsct::creatinine{});
        }
        return hsct::error(errc::syntax, "analyte", std::string(*a), "anc, platelets, bilirubin or creatinine", "TEST-GOLD-004");
    });
    r.add("transplant_day", [](const golden_inputs& in) -> hsct::result<golden_outputs> {
        const auto d0 = g::need(in, "day0").and_then([](std::string_view t) { return hsct::parse_date(t, "day0"); });
        const auto d = g::need(in, "date").and_then([](std::string_view t) { return hsct::parse_date(t, "date"); });
        if (!d0) {
            return d0.error();
        }
        if (!d) {
            return d.error();
        }
        auto day = transplant_day::make((*d - *d0).count());
        if (!day) {
            return day.error();
        }
        return golden_outputs{{"day", golden_output{hsct::to_string(*day), static_cast<double>(day->number()), "d"}}};
    });
    r.add("neutrophil_engraftment", [](const golden_inputs& in) -> hsct::result<golden_outputs> {
        const auto series_text = g::need(in, "anc");
        if (!series_text) {
            return series_text.error();
        }
        std::vector<engraftment::count_record<anc>> records;
        std::string_view rest = *series_text;
        while (!rest.empty()) {
            const auto semi = rest.find(';');
            const std::string_view item = g::trim(rest.substr(0, semi));
            rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
            if (item.empty()) {
                continue;
            }
            const auto sp = item.find(' ');
            if (sp == std::string_view::npos) {
                return hsct::error(errc::syntax, "anc", std::string(item), "'D+n value; ...' (x10^9/L)", "TEST-GOLD-004");
            }
            const auto day = hsct::parse_transplant_day(item.substr(0, sp));
            if (!day) {
                return day.error();
            }
            const auto value = hsct::from_lab<anc>(g::trim(item.substr(sp)), "10*9/L");
            if (!value) {
                return value.error();
            }
            records.push_back({*day, *value});
        }
        const auto series = engraftment::consolidate<anc>(records);
        if (!series) {
            return series.error();
        }
        const auto n = engraftment::assess_neutrophil_engraftment(*series);
        if (!n) {
            return n.error();
        }
        golden_outputs out{{"status", golden_output{std::string(hsct::id(n->status)), std::nullopt, ""}}};
        if (n->day) {
            out["day"] = golden_output{hsct::to_string(*n->day), static_cast<double>(n->day->number()), "d"};
        }
        return out;
    });
    return r;
}

}  // namespace hsct::testing

#endif  // HSCT_TESTING_GOLDEN_HPP
