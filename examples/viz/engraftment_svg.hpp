// Example code, not part of hsct: no library header includes this file and no rule depends on it.
//
// A small, header-only SVG writer that draws what the engraftment stage decided: ANC and
// platelet counts over transplant days on a log axis, the thresholds the rules compare with,
// the transfusions, and a vertical marker for each engraftment day the rules returned.
//
//   namespace viz = hsct_examples::viz;
//   viz::engraftment_chart c;
//   c.anc = anc_series.days();                      // hsct::engraftment::day_series<hsct::anc>
//   c.platelets = platelet_series.days();
//   c.transfusions = &log;                          // hsct::engraftment::transfusion_log
//   c.neutrophil = &neutrophil;                     // from assess_neutrophil_engraftment
//   c.platelet_results = platelet_results;          // from assess_platelet_engraftment, any milestones
//   const viz::event_marker events[] = {{viz::event_kind::day0, hsct::transplant_day::at(0), "Infusion"}};
//   c.events = events;                              // optional: clinical events to mark
//   std::string svg = viz::render_svg(c);           // a standalone SVG 1.1 document
//
// What is drawn, each with attributes a program can check:
//   <g class="point" data-series="anc|platelets" data-day="12" data-value="0.6">  a count
//   <g class="threshold" data-series="anc|platelets" data-value="0.5">           a rule's threshold
//   <g class="transfusion" data-product="platelets|red_cells" data-day="0">      a transfusion
//   <g class="engraftment-day" data-series="anc" data-day="12" data-label="D+12"> an engraftment
//      day (platelets also carry data-milestone="at_least_20" and data-threshold="20")
//   <g class="event-marker" data-kind="conditioning_start" data-day="-5" data-label="D-5">  a
//      clinical event the caller marks (kinds: event_kind's ids), a dotted line with its label;
//      a chart without events is drawn exactly as before they existed
// The thresholds come from the library (neutrophil_threshold, platelet_threshold of each
// platelet_milestone), the day labels from hsct::to_string(transplant_day), the product and
// milestone names from the enums' ids.
//
// The log axis: decades from 0.01 to 1000 x10^9/L (to 10000 when a count is above 1000). A count
// below 0.01, zero included, cannot sit on a log axis: it is drawn on the axis floor as a hollow
// marker with a downward arrow (class "point below-axis"); a count above the top is drawn on the
// top as a hollow marker with an upward arrow ("point above-axis"). A value that is not finite
// (only a hand-made day_value can hold one; consolidate refuses them) is not drawn: a "?" on the
// floor marks its day ("point not-finite") and <desc> counts it. The line joins the drawn points.
// ANC and platelets differ in colour, line (solid, dashed) and marker (circle, square), so the
// chart reads without colour.
//
// Output is deterministic: numbers are printed with snprintf in the "C" locale's formats
// ("%.2f" for coordinates, "%g" for values), and no NaN or infinity reaches the text. Text
// given by the caller (the title) is escaped for XML; invalid UTF-8 and control characters
// become '?'.
#ifndef HSCT_EXAMPLES_VIZ_ENGRAFTMENT_SVG_HPP
#define HSCT_EXAMPLES_VIZ_ENGRAFTMENT_SVG_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hsct/core/transplant_day.hpp>
#include <hsct/core/units.hpp>
#include <hsct/engraftment/count_series.hpp>
#include <hsct/engraftment/neutrophil.hpp>
#include <hsct/engraftment/platelet.hpp>
#include <hsct/engraftment/transfusion.hpp>

namespace hsct_examples::viz {

/// A clinical event a chart can mark on the day axis; data-kind is its id.
enum class event_kind : std::uint8_t {
    admission = 1,
    conditioning_start = 2,
    day0 = 3,         ///< the infusion
    gvhd_onset = 4,
    discharge = 5,
    other = 6,
};

/// The id written as data-kind ("conditioning_start").
[[nodiscard]] constexpr std::string_view id(event_kind k) noexcept {
    switch (k) {
        case event_kind::admission: return "admission";
        case event_kind::conditioning_start: return "conditioning_start";
        case event_kind::day0: return "day0";
        case event_kind::gvhd_onset: return "gvhd_onset";
        case event_kind::discharge: return "discharge";
        case event_kind::other: break;
    }
    return "other";
}

/// One event to mark: its kind, its transplant day, and the label drawn beside its line (the
/// label is followed by hsct's text of the day: "Conditioning D-5").
struct event_marker {
    event_kind kind = event_kind::other;
    hsct::transplant_day day;
    std::string_view label;
};

/// What to draw. Every member may be left empty; the pointers may be null.
struct engraftment_chart {
    std::span<const hsct::engraftment::day_value<hsct::anc>> anc;
    std::span<const hsct::engraftment::day_value<hsct::platelets>> platelets;
    const hsct::engraftment::transfusion_log* transfusions = nullptr;
    const hsct::engraftment::neutrophil_result* neutrophil = nullptr;
    /// One result per milestone drawn (>= 20, >= 50, ...); each names its milestone in its options.
    std::span<const hsct::engraftment::platelet_result> platelet_results;
    std::string_view title = "Engraftment: ANC and platelets by transplant day";
    /// Clinical events to mark (conditioning, Day 0, GVHD onset, ...), in any order; none by default.
    std::span<const event_marker> events;
};

/// The log axis: its floor is 10^axis_floor_exponent x10^9/L; its top 10^axis_top_exponent,
/// raised to 10^axis_top_exponent_max when a count is above it.
inline constexpr int axis_floor_exponent = -2;
inline constexpr int axis_top_exponent = 3;
inline constexpr int axis_top_exponent_max = 4;

namespace detail {

/// Appends `s` escaped for XML text and attribute values: & < > " ' as entities, a control
/// character or a byte of invalid UTF-8 as '?'.
inline void append_escaped(std::string& out, std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&apos;"; break;
                default: out += (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ? '?' : s[i]; break;
            }
            ++i;
            continue;
        }
        // a UTF-8 sequence: kept when well formed and an XML character, else one '?' for its lead byte
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        std::uint32_t cp = len == 4 ? (c & 0x07u) : len == 3 ? (c & 0x0Fu) : (c & 0x1Fu);
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            ok = (b & 0xC0u) == 0x80u;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        const std::uint32_t least = len == 4 ? 0x10000u : len == 3 ? 0x800u : 0x80u;
        ok = ok && cp >= least && cp <= 0x10FFFFu && !(cp >= 0xD800u && cp <= 0xDFFFu) && cp != 0xFFFEu &&
             cp != 0xFFFFu;
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out += '?';
            ++i;
        }
    }
}

/// A coordinate, "%.2f" (callers pass values inside the canvas; anything else is pinned to it).
inline std::string coord(double v) {
    if (!std::isfinite(v)) {
        v = 0.0;
    }
    v = std::clamp(v, -1.0e6, 1.0e6);
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s(buf, n > 0 ? static_cast<std::size_t>(n) : 0u);
    return s == "-0.00" ? std::string("0.00") : s;
}

/// A value as data ("%g": 0.5, 20, 1e+300); only finite values are passed.
inline std::string number(double v) {
    if (!std::isfinite(v)) {
        return "0";  // not reached: callers test isfinite first
    }
    if (v == 0.0) {
        v = 0.0;  // no "-0"
    }
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0u);
}

inline std::string integer(std::int64_t v) {
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0u);
}

/// hsct's own text for a day ("D-7", "D0", "D+14"); an axis tick outside hsct's day range
/// (possible only at its very ends) is written the same way by hand.
inline std::string day_label(std::int64_t d) {
    if (const auto day = hsct::transplant_day::make(d)) {
        return hsct::to_string(*day);
    }
    std::string s(d > 0 ? "D+" : "D");
    s += integer(d);
    return s;
}

inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

/// An attribute: ` name="value"`, the value escaped.
inline void attr(std::string& out, std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, value);
    out += '"';
}

/// The canvas and the two axes.
struct frame {
    static constexpr double width = 960;
    static constexpr double height = 600;
    static constexpr double left = 90;
    static constexpr double right = 850;
    static constexpr double top = 80;
    static constexpr double bottom = 430;
    std::int64_t day_lo = -7;
    std::int64_t day_hi = 21;
    std::int64_t day_step = 7;
    int exp_lo = axis_floor_exponent;
    int exp_hi = axis_top_exponent;

    [[nodiscard]] double x(std::int64_t day) const {
        const double span = static_cast<double>(day_hi - day_lo);
        return left + static_cast<double>(day - day_lo) / span * (right - left);
    }
    /// The y of a count inside the axis (callers clamp first).
    [[nodiscard]] double y(double v) const {
        const double e = std::clamp(std::log10(v), static_cast<double>(exp_lo), static_cast<double>(exp_hi));
        return bottom - (e - exp_lo) / static_cast<double>(exp_hi - exp_lo) * (bottom - top);
    }
    [[nodiscard]] double floor_value() const { return std::pow(10.0, exp_lo); }
    [[nodiscard]] double top_value() const { return std::pow(10.0, exp_hi); }
};

/// The day axis: from a multiple of the step at least a day before the first day to one at least
/// a day after the last; the step (7 days, doubled as needed) keeps it to at most 12 intervals.
inline void fit_days(frame& f, std::int64_t first, std::int64_t last) {
    std::int64_t step = 7;
    for (;;) {
        const std::int64_t lo = floor_div(first - 1, step) * step;
        const std::int64_t hi = -floor_div(-(last + 1), step) * step;
        if ((hi - lo) / step <= 12) {
            f.day_lo = lo;
            f.day_hi = hi;
            f.day_step = step;
            return;
        }
        step *= 2;
    }
}

enum class placement : std::uint8_t { inside = 1, below = 2, above = 3, not_finite = 4 };

inline placement place(const frame& f, double v) {
    if (!std::isfinite(v)) {
        return placement::not_finite;
    }
    if (v < f.floor_value()) {
        return placement::below;
    }
    if (v > f.top_value()) {
        return placement::above;
    }
    return placement::inside;
}

struct series_style {
    const char* id;      // data-series
    const char* name;    // for people
    const char* colour;
    const char* dash;    // "" for a solid line
    bool square;         // marker: square, else circle
};
inline constexpr series_style anc_style{"anc", "ANC", "#0072B2", "", false};
inline constexpr series_style platelet_style{"platelets", "Platelets", "#D55E00", "9 5", true};
inline constexpr const char* red_cell_colour = "#7A1F5C";
inline constexpr const char* axis_colour = "#333333";
inline constexpr const char* grid_colour = "#DDDDDD";

/// An event marker's colour (the Okabe-Ito palette's remaining colours, and greys).
inline const char* event_colour(event_kind k) noexcept {
    switch (k) {
        case event_kind::admission: return "#999999";
        case event_kind::conditioning_start: return "#E69F00";
        case event_kind::day0: return "#000000";
        case event_kind::gvhd_onset: return "#009E73";
        case event_kind::discharge: return "#CC79A7";
        case event_kind::other: break;
    }
    return "#555555";
}

/// A series' marker centred on (x, y): a circle or a square, filled or hollow.
inline void marker(std::string& out, const series_style& s, double x, double y, bool hollow) {
    if (s.square) {
        out += "<rect";
        attr(out, "x", coord(x - 4));
        attr(out, "y", coord(y - 4));
        attr(out, "width", "8");
        attr(out, "height", "8");
    } else {
        out += "<circle";
        attr(out, "cx", coord(x));
        attr(out, "cy", coord(y));
        attr(out, "r", "4.5");
    }
    attr(out, "fill", hollow ? "#FFFFFF" : s.colour);
    attr(out, "stroke", s.colour);
    attr(out, "stroke-width", "1.5");
    out += "/>";
}

/// An arrow from (x, y) pointing down (out of the floor) or up (out of the top).
inline void arrow(std::string& out, const char* colour, double x, double y, bool down) {
    const double d = down ? 1.0 : -1.0;
    out += "<path";
    attr(out, "d", std::string("M ").append(coord(x)).append(" ").append(coord(y + d * 6)).append(" V ")
                       .append(coord(y + d * 14)).append(" M ").append(coord(x - 3.5)).append(" ")
                       .append(coord(y + d * 10)).append(" L ").append(coord(x)).append(" ")
                       .append(coord(y + d * 14)).append(" L ").append(coord(x + 3.5)).append(" ")
                       .append(coord(y + d * 10)));
    attr(out, "fill", "none");
    attr(out, "stroke", colour);
    attr(out, "stroke-width", "1.5");
    out += "/>";
}

inline void text(std::string& out, double x, double y, std::string_view body, const char* anchor = "start",
                 const char* size = "12", const char* extra = nullptr) {
    out += "<text";
    attr(out, "x", coord(x));
    attr(out, "y", coord(y));
    attr(out, "font-size", size);
    if (std::string_view(anchor) != "start") {
        attr(out, "text-anchor", anchor);
    }
    if (extra != nullptr) {
        out += ' ';
        out += extra;
    }
    out += '>';
    append_escaped(out, body);
    out += "</text>";
}

inline void line(std::string& out, double x1, double y1, double x2, double y2, const char* colour, const char* w,
                 const char* dash = "") {
    out += "<line";
    attr(out, "x1", coord(x1));
    attr(out, "y1", coord(y1));
    attr(out, "x2", coord(x2));
    attr(out, "y2", coord(y2));
    attr(out, "stroke", colour);
    attr(out, "stroke-width", w);
    if (*dash != '\0') {
        attr(out, "stroke-dasharray", dash);
    }
    out += "/>";
}

/// A series: its line through the drawn points (broken where a value is not drawn), then a marker
/// group per day. Returns how many values were not finite.
template <class A>
std::size_t draw_series(std::string& out, const frame& f, std::span<const hsct::engraftment::day_value<A>> days,
                        const series_style& s) {
    std::size_t not_finite = 0;
    const auto value = [](const hsct::engraftment::day_value<A>& d) { return d.value.in(hsct::units::giga_per_l); };
    std::string points;
    const auto flush = [&] {
        if (!points.empty()) {
            out += "<polyline";
            attr(out, "class", "series-line");
            attr(out, "data-series", s.id);
            attr(out, "points", points);
            attr(out, "fill", "none");
            attr(out, "stroke", s.colour);
            attr(out, "stroke-width", "2");
            if (*s.dash != '\0') {
                attr(out, "stroke-dasharray", s.dash);
            }
            out += "/>\n";
            points.clear();
        }
    };
    for (const auto& d : days) {
        const double v = value(d);
        const auto p = place(f, v);
        if (p == placement::not_finite) {
            flush();
            continue;
        }
        const double y = p == placement::below ? f.y(f.floor_value()) : p == placement::above ? f.y(f.top_value()) : f.y(v);
        if (!points.empty()) {
            points += ' ';
        }
        points.append(coord(f.x(d.day.number()))).append(",").append(coord(y));
    }
    flush();
    for (const auto& d : days) {
        const double v = value(d);
        const auto p = place(f, v);
        const double x = f.x(d.day.number());
        out += "<g";
        attr(out, "class", p == placement::inside  ? "point"
                           : p == placement::below ? "point below-axis"
                           : p == placement::above ? "point above-axis"
                                                   : "point not-finite");
        attr(out, "data-series", s.id);
        attr(out, "data-day", integer(d.day.number()));
        if (p != placement::not_finite) {
            attr(out, "data-value", number(v));
        }
        out += "><title>";
        std::string tip(s.name);
        tip.append(" ").append(hsct::to_string(d.day)).append(": ");
        tip.append(p == placement::not_finite ? std::string("not a finite number (not drawn)")
                                              : std::string(number(v)).append(" x10^9/L"));
        if (p == placement::below) {
            tip.append(" (below the axis floor)");
        } else if (p == placement::above) {
            tip.append(" (above the axis top)");
        }
        append_escaped(out, tip);
        out += "</title>";
        if (p == placement::not_finite) {
            ++not_finite;
            text(out, x, f.bottom - 4, "?", "middle", "12", "fill=\"#666666\"");
        } else if (p == placement::inside) {
            marker(out, s, x, f.y(v), false);
        } else {
            const bool below = p == placement::below;
            const double y = below ? f.y(f.floor_value()) : f.y(f.top_value());
            marker(out, s, x, y, true);
            arrow(out, s.colour, x, y, below);
        }
        out += "</g>\n";
    }
    return not_finite;
}

/// The label of a platelet milestone: "Platelets >= 20" (">" for EBMT 2019).
inline std::string milestone_text(hsct::engraftment::platelet_milestone m) {
    std::string s("Platelets ");
    s += hsct::engraftment::platelet_comparator(m) == hsct::comparator::greater ? ">" : ">=";
    s += ' ';
    s += number(hsct::engraftment::platelet_threshold(m).in(hsct::units::giga_per_l));
    return s;
}

struct day_marker {
    std::int64_t day;
    const series_style* style;
    std::string label;                  // "ANC engraftment D+12"
    std::optional<hsct::engraftment::platelet_milestone> milestone;
    const char* dash;
};

}  // namespace detail

/// The chart as a standalone SVG 1.1 document (UTF-8, one element per line of the data drawn).
inline std::string render_svg(const engraftment_chart& c) {
    namespace e = hsct::engraftment;
    using detail::attr;
    using detail::coord;
    using detail::number;
    detail::frame f;

    // what is marked: the engraftment days the rules returned
    std::vector<detail::day_marker> markers;
    if (c.neutrophil != nullptr && c.neutrophil->day) {
        markers.push_back({c.neutrophil->day->number(), &detail::anc_style,
                           std::string("ANC engraftment ").append(hsct::to_string(*c.neutrophil->day)), std::nullopt,
                           ""});
    }
    for (const auto& r : c.platelet_results) {
        if (r.day) {
            const auto m = r.options.milestone;
            markers.push_back({r.day->number(), &detail::platelet_style,
                               detail::milestone_text(m).append(" engraftment ").append(hsct::to_string(*r.day)), m,
                               m == e::platelet_milestone::at_least_50 ? "2 3" : "7 3 2 3"});
        }
    }

    // the day axis holds Day 0, every count, transfusion and marked day
    std::int64_t first = 0;
    std::int64_t last = 0;
    const auto see = [&](std::int64_t d) {
        first = std::min(first, d);
        last = std::max(last, d);
    };
    double highest = 0.0;
    for (const auto& d : c.anc) {
        see(d.day.number());
        const double v = d.value.in(hsct::units::giga_per_l);
        highest = std::isfinite(v) ? std::max(highest, v) : highest;
    }
    for (const auto& d : c.platelets) {
        see(d.day.number());
        const double v = d.value.in(hsct::units::giga_per_l);
        highest = std::isfinite(v) ? std::max(highest, v) : highest;
    }
    const e::blood_product products[] = {e::blood_product::platelets, e::blood_product::red_cells};
    if (c.transfusions != nullptr) {
        for (const auto p : products) {
            for (const auto d : c.transfusions->days(p)) {
                see(d.number());
            }
        }
    }
    for (const auto& m : markers) {
        see(m.day);
    }
    for (const auto& ev : c.events) {
        see(ev.day.number());
    }
    detail::fit_days(f, first, last);
    if (highest > f.top_value()) {
        f.exp_hi = axis_top_exponent_max;
    }

    std::string out;
    out.reserve(16384);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg";
    attr(out, "xmlns", "http://www.w3.org/2000/svg");
    attr(out, "version", "1.1");
    attr(out, "width", number(f.width));
    attr(out, "height", number(f.height));
    attr(out, "viewBox", std::string("0 0 ").append(number(f.width)).append(" ").append(number(f.height)));
    attr(out, "font-family", "DejaVu Sans, Arial, Helvetica, sans-serif");
    attr(out, "data-day-min", detail::integer(f.day_lo));
    attr(out, "data-day-max", detail::integer(f.day_hi));
    attr(out, "data-axis-floor", number(f.floor_value()));
    attr(out, "data-axis-top", number(f.top_value()));
    out += ">\n<title>";
    detail::append_escaped(out, c.title);
    out += "</title>\n";

    // a line of status for people, also in <desc>
    std::string status;
    const auto add_status = [&](const std::string& who, e::engraftment_status s, std::optional<hsct::transplant_day> d) {
        if (!status.empty()) {
            status += "; ";
        }
        status.append(who).append(": ").append(e::label(s));
        if (d) {
            status.append(" ").append(hsct::to_string(*d));
        }
    };
    if (c.neutrophil != nullptr) {
        add_status("ANC", c.neutrophil->status, c.neutrophil->day);
    }
    for (const auto& r : c.platelet_results) {
        add_status(detail::milestone_text(r.options.milestone), r.status, r.day);
    }

    // the body first, so <desc> can say what was not drawn
    std::string body;
    body.reserve(16384);
    body += "<rect";
    attr(body, "x", "0");
    attr(body, "y", "0");
    attr(body, "width", number(f.width));
    attr(body, "height", number(f.height));
    attr(body, "fill", "#FFFFFF");
    body += "/>\n";
    detail::text(body, f.left, 30, c.title, "start", "18", "font-weight=\"bold\"");
    body += '\n';
    if (!status.empty()) {
        detail::text(body, f.left, 54, status, "start", "12");
        body += '\n';
    }

    // grid: decades labelled, 2 and 5 within each faint; days every step
    body += "<g class=\"grid\">\n";
    for (int k = f.exp_lo; k <= f.exp_hi; ++k) {
        const double v = std::pow(10.0, k);
        const double y = f.y(v);
        detail::line(body, f.left, y, f.right, y, "#C8C8C8", "1");
        detail::text(body, f.left - 8, y + 4, number(v), "end", "11");
        body += '\n';
        if (k < f.exp_hi) {
            for (const double m : {2.0, 5.0}) {
                const double ym = f.y(m * v);
                detail::line(body, f.left, ym, f.right, ym, detail::grid_colour, "0.6");
            }
            body += '\n';
        }
    }
    for (std::int64_t d = f.day_lo; d <= f.day_hi; d += f.day_step) {
        const double x = f.x(d);
        detail::line(body, x, f.top, x, f.bottom, d == 0 ? "#999999" : detail::grid_colour, d == 0 ? "1.2" : "0.8");
        detail::line(body, x, f.bottom, x, f.bottom + 5, detail::axis_colour, "1");
        detail::text(body, x, f.bottom + 60, detail::day_label(d), "middle", "11");
        body += '\n';
    }
    body += "</g>\n";
    // axes and their titles
    detail::line(body, f.left, f.bottom, f.right, f.bottom, detail::axis_colour, "1.2");
    detail::line(body, f.left, f.top, f.left, f.bottom, detail::axis_colour, "1.2");
    body += '\n';
    detail::text(body, (f.left + f.right) / 2, f.bottom + 80, "Transplant day (D0: day of infusion)", "middle", "12");
    body += '\n';
    const std::string rotate =
        std::string("transform=\"rotate(-90 24 ").append(coord((f.top + f.bottom) / 2)).append(")\"");
    detail::text(body, 24, (f.top + f.bottom) / 2, "Count (x10^9/L, log scale)", "middle", "12", rotate.c_str());
    body += '\n';

    // the rules' thresholds: ANC, and each distinct platelet milestone threshold
    const auto threshold = [&](const detail::series_style& s, double v, const std::string& label) {
        const double y = f.y(v);
        body += "<g";
        attr(body, "class", "threshold");
        attr(body, "data-series", s.id);
        attr(body, "data-value", number(v));
        body += '>';
        detail::line(body, f.left, y, f.right, y, s.colour, "1", "3 3");
        detail::text(body, f.right + 6, y + 4, label, "start", "11", nullptr);
        body += "</g>\n";
    };
    threshold(detail::anc_style, e::neutrophil_threshold.in(hsct::units::giga_per_l),
              std::string("ANC ").append(number(e::neutrophil_threshold.in(hsct::units::giga_per_l))));
    std::vector<double> drawn;
    for (const auto m : hsct::values<e::platelet_milestone>()) {
        const double t = e::platelet_threshold(m).in(hsct::units::giga_per_l);
        if (std::find(drawn.begin(), drawn.end(), t) == drawn.end()) {
            drawn.push_back(t);
            threshold(detail::platelet_style, t, std::string("Plt ").append(number(t)));
        }
    }

    // the engraftment days: a vertical line and its label, rows staggered
    for (std::size_t k = 0; k < markers.size(); ++k) {
        const auto& m = markers[k];
        const double x = f.x(m.day);
        body += "<g";
        attr(body, "class", "engraftment-day");
        attr(body, "data-series", m.style->id);
        attr(body, "data-day", detail::integer(m.day));
        attr(body, "data-label", detail::day_label(m.day));
        if (m.milestone) {
            attr(body, "data-milestone", e::id(*m.milestone));
            attr(body, "data-threshold", number(e::platelet_threshold(*m.milestone).in(hsct::units::giga_per_l)));
        }
        body += '>';
        detail::line(body, x, f.top, x, f.bottom, m.style->colour, "1.8", m.dash);
        const double y = f.top + 16 + 18 * static_cast<double>(k);
        const bool flip = x > f.left + 0.65 * (f.right - f.left);
        const double w = 6.6 * static_cast<double>(m.label.size()) + 10;
        body += "<rect";
        attr(body, "x", coord(flip ? x - 4 - w : x + 4));
        attr(body, "y", coord(y - 12));
        attr(body, "width", coord(w));
        attr(body, "height", "16");
        attr(body, "fill", "#FFFFFF");
        attr(body, "fill-opacity", "0.85");
        attr(body, "stroke", m.style->colour);
        attr(body, "stroke-width", "0.8");
        body += "/>";
        detail::text(body, flip ? x - 8 : x + 8, y, m.label, flip ? "end" : "start", "11", nullptr);
        body += "</g>\n";
    }

    // the clinical events: a dotted line each, labels in rows rising from the foot of the plot
    for (std::size_t k = 0; k < c.events.size(); ++k) {
        const auto& ev = c.events[k];
        const double x = f.x(ev.day.number());
        const std::string day_text = detail::day_label(ev.day.number());
        const std::string label = std::string(ev.label).append(ev.label.empty() ? "" : " ").append(day_text);
        const char* colour = detail::event_colour(ev.kind);
        body += "<g";
        attr(body, "class", "event-marker");
        attr(body, "data-kind", id(ev.kind));
        attr(body, "data-day", detail::integer(ev.day.number()));
        attr(body, "data-label", day_text);
        body += "><title>";
        detail::append_escaped(body, label);
        body += "</title>";
        detail::line(body, x, f.top, x, f.bottom, colour, "1.5", "2 3");
        const double y = f.bottom - 10 - 16 * static_cast<double>(k % 8);
        const bool flip = x > f.left + 0.65 * (f.right - f.left);
        const std::string fill = std::string("fill=\"").append(colour).append("\"");
        detail::text(body, flip ? x - 5 : x + 5, y, label, flip ? "end" : "start", "11", fill.c_str());
        body += "</g>\n";
    }

    // the counts
    const std::size_t anc_not_finite = detail::draw_series(body, f, c.anc, detail::anc_style);
    const std::size_t plt_not_finite = detail::draw_series(body, f, c.platelets, detail::platelet_style);

    // transfusions: two rows under the day axis, a triangle for platelets, a diamond for red cells
    detail::text(body, f.left - 8, f.bottom + 26, "Plt tx", "end", "10");
    detail::text(body, f.left - 8, f.bottom + 42, "RBC tx", "end", "10");
    body += '\n';
    if (c.transfusions != nullptr) {
        for (const auto p : products) {
            const bool plt = p == e::blood_product::platelets;
            for (const auto d : c.transfusions->days(p)) {
                const double x = f.x(d.number());
                const double y = f.bottom + (plt ? 22 : 38);
                body += "<g";
                attr(body, "class", "transfusion");
                attr(body, "data-product", e::id(p));
                attr(body, "data-day", detail::integer(d.number()));
                body += "><title>";
                detail::append_escaped(body, std::string(e::label(p)).append(" ").append(hsct::to_string(d)));
                body += "</title><path";
                const std::string cx = coord(x);
                if (plt) {
                    attr(body, "d", std::string("M ").append(coord(x - 5)).append(" ").append(coord(y + 5))
                                        .append(" L ").append(cx).append(" ").append(coord(y - 5)).append(" L ")
                                        .append(coord(x + 5)).append(" ").append(coord(y + 5)).append(" Z"));
                    attr(body, "fill", detail::platelet_style.colour);
                } else {
                    attr(body, "d", std::string("M ").append(cx).append(" ").append(coord(y - 6)).append(" L ")
                                        .append(coord(x + 5)).append(" ").append(coord(y)).append(" L ").append(cx)
                                        .append(" ").append(coord(y + 6)).append(" L ").append(coord(x - 5))
                                        .append(" ").append(coord(y)).append(" Z"));
                    attr(body, "fill", detail::red_cell_colour);
                }
                attr(body, "stroke", "#000000");
                attr(body, "stroke-width", "0.6");
                body += "/></g>\n";
            }
        }
    }

    // the legend: two rows at the foot
    body += "<g class=\"legend\">\n";
    const double row1 = f.height - 46;
    const double row2 = f.height - 22;
    const auto series_key = [&](const detail::series_style& s, double x, double y) {
        detail::line(body, x, y, x + 34, y, s.colour, "2", s.dash);
        detail::marker(body, s, x + 17, y, false);
        detail::text(body, x + 42, y + 4, s.name, "start", "12");
        body += '\n';
    };
    series_key(detail::anc_style, f.left, row1);
    series_key(detail::platelet_style, f.left + 130, row1);
    detail::line(body, f.left + 270, row1, f.left + 304, row1, detail::axis_colour, "1", "3 3");
    std::string rules("Threshold of a rule (ANC ");
    rules.append(number(e::neutrophil_threshold.in(hsct::units::giga_per_l))).append("; platelets");
    for (std::size_t k = 0; k < drawn.size(); ++k) {
        rules.append(k == 0 ? " " : ", ").append(number(drawn[k]));
    }
    rules += ')';
    detail::text(body, f.left + 312, row1 + 4, rules, "start", "12");
    body += '\n';
    detail::line(body, f.left + 610, row1 - 9, f.left + 610, row1 + 9, detail::anc_style.colour, "1.8");
    detail::line(body, f.left + 618, row1 - 9, f.left + 618, row1 + 9, detail::platelet_style.colour, "1.8", "7 3 2 3");
    detail::text(body, f.left + 626, row1 + 4, "Engraftment day", "start", "12");
    body += '\n';
    body += "<path";
    attr(body, "d", std::string("M ").append(coord(f.left + 12)).append(" ").append(coord(row2 + 5)).append(" L ")
                        .append(coord(f.left + 17)).append(" ").append(coord(row2 - 5)).append(" L ")
                        .append(coord(f.left + 22)).append(" ").append(coord(row2 + 5)).append(" Z"));
    attr(body, "fill", detail::platelet_style.colour);
    attr(body, "stroke", "#000000");
    attr(body, "stroke-width", "0.6");
    body += "/>";
    detail::text(body, f.left + 30, row2 + 4, "Platelet transfusion", "start", "12");
    body += "<path";
    attr(body, "d", std::string("M ").append(coord(f.left + 187)).append(" ").append(coord(row2 - 6)).append(" L ")
                        .append(coord(f.left + 192)).append(" ").append(coord(row2)).append(" L ")
                        .append(coord(f.left + 187)).append(" ").append(coord(row2 + 6)).append(" L ")
                        .append(coord(f.left + 182)).append(" ").append(coord(row2)).append(" Z"));
    attr(body, "fill", detail::red_cell_colour);
    attr(body, "stroke", "#000000");
    attr(body, "stroke-width", "0.6");
    body += "/>";
    detail::text(body, f.left + 200, row2 + 4, "Red-cell transfusion", "start", "12");
    body += '\n';
    detail::marker(body, detail::anc_style, f.left + 360, row2 - 6, true);
    detail::arrow(body, detail::anc_style.colour, f.left + 360, row2 - 6, true);
    detail::text(body, f.left + 372, row2 + 4,
                 std::string("Hollow, arrow down: below ").append(number(f.floor_value()))
                     .append(" (0 included), drawn on the axis floor"),
                 "start", "12");
    body += "\n</g>\n";

    // <desc>: what the chart shows, in words
    std::string desc("ANC and platelet counts (x10^9/L, log scale from ");
    desc.append(number(f.floor_value())).append(" to ").append(number(f.top_value())).append(") by transplant day, ");
    desc.append(detail::day_label(f.day_lo)).append(" to ").append(detail::day_label(f.day_hi)).append(": ");
    desc.append("ANC on ").append(detail::integer(static_cast<std::int64_t>(c.anc.size()))).append(" day(s), platelets on ");
    desc.append(detail::integer(static_cast<std::int64_t>(c.platelets.size()))).append(" day(s)");
    if (c.transfusions != nullptr) {
        desc.append(", ").append(detail::integer(static_cast<std::int64_t>(c.transfusions->days(e::blood_product::platelets).size())))
            .append(" platelet and ")
            .append(detail::integer(static_cast<std::int64_t>(c.transfusions->days(e::blood_product::red_cells).size())))
            .append(" red-cell transfusion(s)");
    }
    desc.append(". Counts below the floor are drawn on it, hollow, with an arrow down; above the top, on it with an arrow up.");
    if (anc_not_finite + plt_not_finite > 0) {
        desc.append(" Not drawn (not a finite number): ")
            .append(detail::integer(static_cast<std::int64_t>(anc_not_finite + plt_not_finite)))
            .append(" value(s), marked '?'.");
    }
    if (!status.empty()) {
        desc.append(" ").append(status).append(".");
    }
    if (!c.events.empty()) {
        desc.append(" Events marked:");
        for (std::size_t k = 0; k < c.events.size(); ++k) {
            desc.append(k == 0 ? " " : "; ").append(id(c.events[k].kind)).append(" ")
                .append(detail::day_label(c.events[k].day.number()));
        }
        desc.append(".");
    }
    out += "<desc>";
    detail::append_escaped(out, desc);
    out += "</desc>\n";
    out += body;
    out += "</svg>\n";
    return out;
}

}  // namespace hsct_examples::viz

#endif  // HSCT_EXAMPLES_VIZ_ENGRAFTMENT_SVG_HPP
