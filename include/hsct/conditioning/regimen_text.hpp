// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A centre's regimen as text, in a documented, versioned form, read into a regimen with every
// check make_dose and make_regimen apply, and written back:
//
//   hsct-regimen 1
//   name: FluMel100
//   source: centre protocol v3 (2026)
//   component: fludarabine 30 mg/m2 days -6..-2
//   component: melphalan 100 mg/m2 day -1
//   component: tbi 2 Gy x2 at 7.5 cGy/min days -3..-1
//   rest: 0
//
//   auto text = hsct::conditioning::parse_regimen_text(file_contents);   // result<regimen_text>
//   auto r = text->get();                     // result<regimen>: views into `text`; keep it alive
//   hsct::conditioning::to_text(*r);          // the same form, read back equal
//
// COND-REG-003: the form, version 1. The first line (after blank lines and '#' comments) is
// "hsct-regimen 1". Then, one per line: "name: <text>" (required, once), "source: <text>"
// (optional, once), "component: <agent> <dose> <unit> [x<fractions>] [at <rate> cGy/min]
// day|days <days>" (1-8), "rest: <days>" (optional, once). <agent> is an agent id (fludarabine,
// busulfan_iv, tbi, ...); <unit> is the agent's basis: mg/kg, mg/m2 (or g/m2), mg, or Gy (TBI,
// with "x<n>" fractions a day, 1 by default, and its dose rate where the protocol gives one, in
// cGy/min or Gy/min: COND-AGENT-003); <days> is a comma list of day numbers (-7, +3, 0) and ranges (-6..-2).
// Anything else is an error naming the line (field "regimen_text:<line>"), the text and the
// form; a dose or a day out of range is the error make_dose or make_regimen gives, under that
// field. The text reader is fuzzed (fuzz_conditioning_text).
#ifndef HSCT_CONDITIONING_REGIMEN_TEXT_HPP
#define HSCT_CONDITIONING_REGIMEN_TEXT_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/conditioning/agent.hpp"
#include "hsct/conditioning/regimen.hpp"
#include "hsct/conditioning/vocabulary.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::conditioning {

namespace detail {
template <class>
struct regimen_text_reader;
}  // namespace detail

/// COND-REG-003: the version of the text form this header reads and writes.
inline constexpr int regimen_text_version = 1;

/// A regimen read from text: it owns the name and source the regimen's views point into.
/// Keep it alive (and in place) while a regimen from get() is used.
class regimen_text {
public:
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] const std::string& source() const noexcept { return source_; }
    [[nodiscard]] const std::vector<regimen_component>& components() const noexcept { return components_; }
    [[nodiscard]] const std::vector<hsct::transplant_day>& rest_days() const noexcept { return rest_; }
    /// The regimen (not marked verified: a centre's text is its own). Views point into *this.
    [[nodiscard]] result<regimen> get() const {
        return make_regimen(name_, source_, components_, false, false, rest_);
    }

private:
    template <class>
    friend struct detail::regimen_text_reader;
    std::string name_;
    std::string source_;
    std::vector<regimen_component> components_;
    std::vector<hsct::transplant_day> rest_;
};

namespace detail {
/// The reader behind parse_regimen_text (a template: compiled only where called).
template <class>
struct regimen_text_reader {
    std::string_view text;
    regimen_text out;
    std::size_t line_no = 0;

    [[nodiscard]] error fail(std::string_view line, std::string valid) const {
        return error(errc::syntax, "regimen_text:" + std::to_string(line_no),
                     hsct::detail::quote_input(line), std::move(valid), "COND-REG-003");
    }

    /// "-6..-2,+3,4" into days.
    [[nodiscard]] bool read_days(std::string_view t, std::vector<hsct::transplant_day>& days) const {
        t = hsct::detail::trim(t);
        if (t.empty()) {
            return false;
        }
        while (!t.empty()) {
            const std::size_t comma = t.find(',');
            const std::string_view item = hsct::detail::trim(t.substr(0, comma));
            const std::size_t dots = item.find("..");
            const auto a = hsct::detail::read_integer(dots == std::string_view::npos ? item : item.substr(0, dots));
            if (!a) {
                return false;
            }
            std::int64_t b = *a;
            if (dots != std::string_view::npos) {
                const auto e = hsct::detail::read_integer(item.substr(dots + 2));
                if (!e || *e < *a || *e - *a > 60) {
                    return false;
                }
                b = *e;
            }
            if (*a < regimen_first_day || b > regimen_last_day) {
                return false;
            }
            for (std::int64_t d = *a; d <= b; ++d) {
                days.push_back(hsct::transplant_day::at(static_cast<std::int32_t>(d)));
            }
            if (days.size() > 12) {
                return false;
            }
            if (comma == std::string_view::npos) {
                break;
            }
            t = t.substr(comma + 1);
        }
        return true;
    }

    [[nodiscard]] std::optional<error> read_component(std::string_view line, std::string_view rest) {
        const char* form =
            "component: <agent> <dose> <unit> [x<fractions>] [at <rate> cGy/min] day|days <days>, e.g. "
            "\"component: fludarabine 30 mg/m2 days -6..-2\"";
        // split on spaces
        std::vector<std::string_view> w;
        std::size_t i = 0;
        while (i < rest.size()) {
            while (i < rest.size() && hsct::detail::is_space(rest[i])) {
                ++i;
            }
            const std::size_t b = i;
            while (i < rest.size() && !hsct::detail::is_space(rest[i])) {
                ++i;
            }
            if (b < i) {
                w.push_back(rest.substr(b, i - b));
            }
        }
        if (w.size() < 5 || w.size() > 9) {
            return fail(line, form);
        }
        const auto a = parse_enum<agent>(w[0], "agent");
        if (!a) {
            return with_field(a.error(), field_ref("regimen_text:" + std::to_string(line_no)));
        }
        const auto v = hsct::detail::read_number(w[1]);
        if (!v) {
            return fail(line, form);
        }
        std::size_t k = 3;
        int fractions = 1;
        if (w[k].size() >= 2 && w[k][0] == 'x') {
            const auto n = hsct::detail::read_integer(w[k].substr(1));
            if (!n || *a != agent::tbi || *n < 1 || *n > 4) {
                return fail(line, std::string(form) + "; \"x<fractions>\" (1-4) only for tbi");
            }
            fractions = static_cast<int>(*n);
            ++k;
        }
        std::optional<double> rate_cgy_min;  // "at <rate> cGy/min|Gy/min", TBI only
        if (w[k] == "at") {
            const auto r = k + 2 < w.size() ? hsct::detail::read_number(w[k + 1]) : std::optional<double>();
            const std::string_view ru = k + 2 < w.size() ? w[k + 2] : std::string_view();
            if (!r || *a != agent::tbi || (ru != "cGy/min" && ru != "Gy/min")) {
                return fail(line, std::string(form) + "; \"at <rate> cGy/min\" (or Gy/min) only for tbi");
            }
            rate_cgy_min = ru == "Gy/min" ? *r * 100.0 : *r;
            k += 3;
        }
        if (k + 2 != w.size() || (w[k] != "day" && w[k] != "days")) {
            return fail(line, form);
        }
        std::vector<hsct::transplant_day> days;
        if (!read_days(w[k + 1], days)) {
            return fail(line, "days as numbers and ranges in D-30..D+30, at most 12 (\"-6..-2\", \"+3,+4\")");
        }
        const std::string_view unit = w[2];
        const auto basis = info_of(*a).basis;
        const std::string field_name = "regimen_text:" + std::to_string(line_no);
        const field_ref field(field_name);  // a view of field_name
        result<agent_dose> dose = error(errc::syntax, field, "", "", "COND-REG-003");
        const auto wrong_unit = [&](std::string_view expected) {
            return error(errc::wrong_dimension, field, std::string(unit),
                         std::string(id(*a)) + " is dosed in " + std::string(expected), "COND-REG-003");
        };
        switch (basis) {
            case dose_basis::per_kg:
                if (unit != "mg/kg") {
                    return wrong_unit("mg/kg");
                }
                dose = make_dose_of(*a, *v);
                break;
            case dose_basis::per_m2:
                if (unit != "mg/m2" && unit != "g/m2") {
                    return wrong_unit("mg/m2 or g/m2");
                }
                dose = make_dose_of(*a, unit == "g/m2" ? *v * 1000.0 : *v);
                break;
            case dose_basis::flat:
                if (unit != "mg") {
                    return wrong_unit("mg");
                }
                dose = make_dose_of(*a, *v);
                break;
            case dose_basis::radiation:
                if (unit != "Gy") {
                    return wrong_unit("Gy");
                }
                dose = rate_cgy_min
                           ? make_tbi(hsct::radiation_dose(*v, hsct::units::Gy), fractions,
                                      hsct::radiation_dose_rate(*rate_cgy_min, hsct::units::cGy_per_min))
                           : make_tbi(hsct::radiation_dose(*v, hsct::units::Gy), fractions);
                break;
        }
        if (!dose) {
            return with_field(dose.error(), field);
        }
        regimen_component c{*dose, {}};
        for (const auto d : days) {
            c.days.push_back(d);
        }
        if (out.components_.size() == 8) {
            return fail(line, "at most 8 components");
        }
        out.components_.push_back(c);
        return std::nullopt;
    }

    /// A dose of a run-time agent in its basis unit (not TBI).
    [[nodiscard]] static result<agent_dose> make_dose_of(agent a, double v) {
        switch (a) {
#define HSCT_REGIMEN_TEXT_AGENT(A) \
    case agent::A: return make_dose<agent::A>(typename agent_traits<agent::A>::quantity(v, hsct::canonical_unit_t<typename agent_traits<agent::A>::quantity>{}));
            HSCT_REGIMEN_TEXT_AGENT(busulfan_iv)
            HSCT_REGIMEN_TEXT_AGENT(busulfan_oral)
            HSCT_REGIMEN_TEXT_AGENT(fludarabine)
            HSCT_REGIMEN_TEXT_AGENT(cyclophosphamide)
            HSCT_REGIMEN_TEXT_AGENT(melphalan)
            HSCT_REGIMEN_TEXT_AGENT(treosulfan)
            HSCT_REGIMEN_TEXT_AGENT(thiotepa)
            HSCT_REGIMEN_TEXT_AGENT(carmustine)
            HSCT_REGIMEN_TEXT_AGENT(etoposide)
            HSCT_REGIMEN_TEXT_AGENT(cytarabine)
            HSCT_REGIMEN_TEXT_AGENT(atg_thymoglobulin)
            HSCT_REGIMEN_TEXT_AGENT(atg_grafalon)
            HSCT_REGIMEN_TEXT_AGENT(alemtuzumab)
            HSCT_REGIMEN_TEXT_AGENT(methotrexate)
            HSCT_REGIMEN_TEXT_AGENT(cyclosporine)
            HSCT_REGIMEN_TEXT_AGENT(tacrolimus)
            HSCT_REGIMEN_TEXT_AGENT(mycophenolate)
            HSCT_REGIMEN_TEXT_AGENT(sirolimus)
            HSCT_REGIMEN_TEXT_AGENT(abatacept)
#undef HSCT_REGIMEN_TEXT_AGENT
            case agent::tbi: break;
        }
        return error(errc::inconsistent, "agent", std::string(id(a)), "an agent dosed in mg", "COND-REG-003");
    }

    [[nodiscard]] result<regimen_text> read() {
        bool header = false;
        bool has_source = false;
        bool has_rest = false;
        std::size_t at = 0;
        while (at <= text.size()) {
            const std::size_t nl = std::min(text.find('\n', at), text.size());
            std::string_view line = text.substr(at, nl - at);
            at = nl + 1;
            ++line_no;
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            const std::string_view t = hsct::detail::trim(line);
            if (t.empty() || t[0] == '#') {
                if (nl == text.size()) {
                    break;
                }
                continue;
            }
            if (!header) {
                if (t != "hsct-regimen 1") {
                    return fail(line, "the first line \"hsct-regimen 1\" (version 1 of the form)");
                }
                header = true;
                continue;
            }
            const std::size_t colon = t.find(':');
            if (colon == std::string_view::npos) {
                return fail(line, "\"name:\", \"source:\", \"component:\" or \"rest:\" lines");
            }
            const std::string_view key = t.substr(0, colon);
            const std::string_view value = hsct::detail::trim(t.substr(colon + 1));
            if (key == "name") {
                if (!out.name_.empty() || value.empty()) {
                    return fail(line, "one \"name: <text>\" line");
                }
                out.name_ = std::string(value);
            } else if (key == "source") {
                if (has_source) {
                    return fail(line, "at most one \"source:\" line");
                }
                has_source = true;
                out.source_ = std::string(value);
            } else if (key == "component") {
                if (auto e = read_component(line, value)) {
                    return *e;
                }
            } else if (key == "rest") {
                std::vector<hsct::transplant_day> days;
                if (has_rest || !read_days(value, days) || days.size() > 4) {
                    return fail(line, "one \"rest: <days>\" line with at most 4 days");
                }
                has_rest = true;
                out.rest_ = days;
            } else {
                return fail(line, "\"name:\", \"source:\", \"component:\" or \"rest:\" lines");
            }
            if (nl == text.size()) {
                break;
            }
        }
        if (!header) {
            return error(errc::syntax, "regimen_text", "(no header)", "a first line \"hsct-regimen 1\"",
                         "COND-REG-003");
        }
        if (out.name_.empty()) {
            return error(errc::missing, "regimen_text", "(no name)", "a \"name: <text>\" line", "COND-REG-003");
        }
        if (auto r = out.get(); !r) {
            return r.error();
        }
        return std::move(out);
    }
};
}  // namespace detail

/// COND-REG-003: reads a regimen in the text form.
template <class = void>
[[nodiscard]] result<regimen_text> parse_regimen_text(std::string_view text) {
    return detail::regimen_text_reader<void>{text, {}, 0}.read();
}

/// COND-REG-003: writes a regimen in the text form (reads back to the same components).
template <class = void>
[[nodiscard]] std::string to_text(const regimen& r) {
    std::string s = "hsct-regimen 1\nname: ";
    s += r.name();
    s += '\n';
    if (!r.source().empty()) {
        s += "source: ";
        s += r.source();
        s += '\n';
    }
    const auto days_text = [](const auto& days) {
        std::string d;
        for (std::size_t i = 0; i < days.size(); ++i) {
            if (i != 0) {
                d += ',';
            }
            d += std::to_string(days[i].number());
        }
        return d;
    };
    for (const auto& c : r.components()) {
        s += "component: ";
        s += id(c.per_day.which());
        s += ' ';
        switch (c.per_day.basis()) {
            case dose_basis::per_kg: s += hsct::detail::format_number(c.per_day.value()) + " mg/kg"; break;
            case dose_basis::per_m2: s += hsct::detail::format_number(c.per_day.value()) + " mg/m2"; break;
            case dose_basis::flat: s += hsct::detail::format_number(c.per_day.value()) + " mg"; break;
            case dose_basis::radiation:  // the dose per fraction, then the fractions a day
                s += hsct::detail::format_number(c.per_day.value() / c.per_day.fractions());
                s += " Gy x";
                s += std::to_string(c.per_day.fractions());
                if (const auto rate = c.per_day.dose_rate()) {
                    s += " at ";
                    s += hsct::detail::format_number(rate->in(hsct::units::cGy_per_min));
                    s += " cGy/min";
                }
                break;
        }
        s += " days ";
        s += days_text(c.days);
        s += '\n';
    }
    if (!r.rest_days().empty()) {
        s += "rest: ";
        s += days_text(r.rest_days());
        s += '\n';
    }
    return s;
}

}  // namespace hsct::conditioning

#endif  // HSCT_CONDITIONING_REGIMEN_TEXT_HPP
