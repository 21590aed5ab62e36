// Tests for examples/viz/engraftment_svg.hpp, the example chart writer (no rule depends on it):
// the XML checker itself first (it must be able to fail), then charts of the CIBMTR-like worked
// examples (EN-2: ANC engrafting D+14; PL-1: platelets >= 20 on D+7 and >= 50 on D+9 after a D0
// platelet transfusion) checked against what the rules returned and the known days, and charts of
// awkward input: nothing, one day, zeros, huge and non-finite values, days at the ends of hsct's
// range, a series not yet engrafted, a title that needs escaping.
#include "viz/engraftment_svg.hpp"

#include <hsct/engraftment/count_series.hpp>
#include <hsct/engraftment/neutrophil.hpp>
#include <hsct/engraftment/platelet.hpp>
#include <hsct/engraftment/transfusion.hpp>

#include <charconv>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "examples/xml_check.hpp"
#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_examples_engraftment_svg_test {

namespace e = hsct::engraftment;
namespace u = hsct::units;
namespace viz = hsct_examples::viz;
namespace xml = hsct_tests::xml;
using hsct::transplant_day;

namespace {
using series = std::vector<std::pair<int, double>>;

template <class A>
e::day_series<A> make(const series& s) {
    std::vector<e::count_record<A>> r;
    for (const auto& [d, v] : s) {
        r.push_back({transplant_day::at(d), A(v, u::giga_per_l)});
    }
    auto out = e::consolidate<A>(r);
    REQUIRE(out.has_value());
    return *out;
}

e::transfusion_log transfusions(const std::vector<std::pair<int, e::blood_product>>& given) {
    std::vector<e::transfusion_record> r;
    for (const auto& [d, p] : given) {
        r.push_back({transplant_day::at(d), p});
    }
    auto out = e::make_transfusion_log(r);
    REQUIRE(out.has_value());
    return *out;
}

e::platelet_result platelets(const e::day_series<hsct::platelets>& s, const e::transfusion_log& log,
                             e::platelet_milestone m) {
    e::platelet_options o;
    o.milestone = m;
    auto r = e::assess_platelet_engraftment(s, log, o);
    REQUIRE(r.has_value());
    return *r;
}

/// The chart, checked well-formed and a valid SVG document (else the test fails here).
xml::document parsed(const std::string& svg) {
    auto doc = xml::check(svg);
    INFO(doc.error);
    REQUIRE(doc.ok);
    const auto why = xml::check_svg(doc);
    INFO(why.value_or(""));
    REQUIRE(!why);
    return doc;
}

double as_number(const std::optional<std::string>& s) {
    REQUIRE(s.has_value());
    double v = std::numeric_limits<double>::quiet_NaN();
    const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
    REQUIRE(ec == std::errc{});
    REQUIRE(end == s->data() + s->size());
    return v;
}

/// The engraftment-day marker of a series (and milestone), if there is exactly one.
const xml::element* marker(const xml::document& d, std::string_view series_id,
                           std::optional<std::string_view> milestone = std::nullopt) {
    const xml::element* found = nullptr;
    int n = 0;
    for (const auto* m : xml::with_class(d, "engraftment-day")) {
        if (m->attribute("data-series") == std::optional<std::string>(series_id) &&
            (!milestone || m->attribute("data-milestone") == std::optional<std::string>(*milestone))) {
            found = m;
            ++n;
        }
    }
    return n == 1 ? found : nullptr;
}

/// The text of the <text> element that follows a marker group (its label).
std::string label_after(const xml::document& d, const xml::element* m) {
    bool inside = false;
    for (const auto& el : d.elements) {
        if (&el == m) {
            inside = true;
        } else if (inside && el.name == "text") {
            return el.text;
        }
    }
    return {};
}

std::size_t count_class(const xml::document& d, std::string_view c) {
    return xml::with_class(d, c).size();
}

const series en2{{9, 0.2}, {12, 0.6}, {13, 0.4}, {14, 0.7}, {15, 0.9}, {16, 1.1}};
const series pl1{{1, 30}, {2, 25}, {3, 10}, {4, 15}, {5, 19}, {6, 23}, {7, 25}, {8, 40}, {9, 50}, {10, 56}, {11, 65}};
}  // namespace

TEST_CASE("the XML checker accepts a small document and refuses malformed ones", "[viz]") {
    const std::string good =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\" "
        "width=\"1\" height='1'><title>a &amp; b &#x3c; c</title><desc>d</desc><!-- note --><g class=\"x y\">"
        "<line x1=\"0\"/></g></svg>\n";
    const auto doc = xml::check(good);
    INFO(doc.error);
    REQUIRE(doc.ok);
    CHECK(!xml::check_svg(doc));
    CHECK(doc.elements.size() == 5);
    CHECK(doc.elements[1].text == "a & b < c");
    CHECK(doc.elements[3].has_class("y"));
    CHECK(!doc.elements[3].has_class("x y"));

    const char* bad[] = {
        "<svg><g></svg>",                         // not nested
        "<svg><g></g>",                           // not closed
        "<svg a=1/>",                             // unquoted
        "<svg a=\"1/>",                           // unterminated quote
        "<svg a=\"1\"b=\"2\"/>",                  // no space between attributes
        "<svg a=\"1\" a=\"2\"/>",                 // twice
        "<svg a=\"x<y\"/>",                       // '<' in a value
        "<svg>a & b</svg>",                       // a bare '&'
        "<svg>&nbsp;</svg>",                      // an undeclared entity
        "<svg>&#0;</svg>",                        // not an XML character
        "<svg/><svg/>",                           // two roots
        "<svg/>text",                             // text after the root
        "<svg><!-- a -- b --></svg>",             // "--" in a comment
        "<!DOCTYPE svg><svg/>",                   // a DOCTYPE
        "<svg></g>",                              // an end tag that closes nothing open
        "< svg/>",                                // no name
        "",                                       // nothing
    };
    for (const char* b : bad) {
        INFO(b);
        CHECK(!xml::check(b).ok);
    }
    // well-formed but not the SVG the chart must be
    CHECK(xml::check_svg(xml::check("<g/>")));
    CHECK(xml::check_svg(xml::check("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\" width=\"1\" "
                                    "height=\"1\"><title>t</title><desc>d</desc><g x=\"nan\"/></svg>")));
    CHECK(xml::check_svg(xml::check("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\" width=\"1\" "
                                    "height=\"1\"><title>t</title><desc>-inf</desc></svg>")));
    CHECK(xml::check_svg(xml::check("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">"
                                    "<title>t</title><desc>d</desc></svg>")));  // no viewBox
    CHECK(!xml::check_svg(xml::check("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\" width=\"1\" "
                                     "height=\"1\"><title>t</title><desc>day of infusion</desc></svg>")));
}

TEST_CASE("the worked examples: ANC engrafting D+14, platelets >= 20 on D+7 and >= 50 on D+9",
          "[viz][CIBMTR][EN-2][PL-1][ENG-NEUT-001][ENG-PLT-001]") {
    const auto anc = make<hsct::anc>(en2);
    const auto plt = make<hsct::platelets>(pl1);
    const auto log = transfusions({{0, e::blood_product::platelets}, {3, e::blood_product::red_cells}});
    const auto n = e::assess_neutrophil_engraftment(anc);
    REQUIRE(n.has_value());
    const std::vector<e::platelet_result> p{platelets(plt, log, e::platelet_milestone::at_least_20),
                                            platelets(plt, log, e::platelet_milestone::at_least_50)};
    // the rules' answers are the worked examples' days
    REQUIRE(n->day);
    REQUIRE(p[0].day);
    REQUIRE(p[1].day);
    CHECK(n->day->number() == 14);
    CHECK(p[0].day->number() == 7);
    CHECK(p[1].day->number() == 9);

    viz::engraftment_chart c;
    c.anc = anc.days();
    c.platelets = plt.days();
    c.transfusions = &log;
    c.neutrophil = &*n;
    c.platelet_results = p;
    const std::string svg = viz::render_svg(c);
    const auto d = parsed(svg);

    // exactly three engraftment days, each the day its rule returned
    CHECK(count_class(d, "engraftment-day") == 3);
    const auto* a = marker(d, "anc");
    const auto* p20 = marker(d, "platelets", "at_least_20");
    const auto* p50 = marker(d, "platelets", "at_least_50");
    REQUIRE(a != nullptr);
    REQUIRE(p20 != nullptr);
    REQUIRE(p50 != nullptr);
    CHECK(as_number(a->attribute("data-day")) == n->day->number());
    CHECK(as_number(p20->attribute("data-day")) == p[0].day->number());
    CHECK(as_number(p50->attribute("data-day")) == p[1].day->number());
    CHECK(a->attribute("data-label") == std::optional<std::string>(hsct::to_string(*n->day)));
    CHECK(a->attribute("data-label") == std::optional<std::string>("D+14"));
    CHECK(as_number(p20->attribute("data-threshold")) == e::platelet_threshold(e::platelet_milestone::at_least_20).in(hsct::units::giga_per_l));
    CHECK(as_number(p50->attribute("data-threshold")) == e::platelet_threshold(e::platelet_milestone::at_least_50).in(hsct::units::giga_per_l));
    CHECK(label_after(d, a) == "ANC engraftment D+14");
    CHECK(label_after(d, p20) == "Platelets >= 20 engraftment D+7");
    CHECK(label_after(d, p50) == "Platelets >= 50 engraftment D+9");

    // the thresholds the rules compare with: ANC 0.5, platelets 20 and 50, once each
    const auto thresholds = xml::with_class(d, "threshold");
    REQUIRE(thresholds.size() == 3);
    CHECK(thresholds[0]->attribute("data-series") == std::optional<std::string>("anc"));
    CHECK(as_number(thresholds[0]->attribute("data-value")) == e::neutrophil_threshold.in(u::giga_per_l));
    CHECK(as_number(thresholds[0]->attribute("data-value")) == 0.5);
    CHECK(as_number(thresholds[1]->attribute("data-value")) == 20.0);
    CHECK(as_number(thresholds[2]->attribute("data-value")) == 50.0);

    // the transfusions, each product told apart
    const auto tx = xml::with_class(d, "transfusion");
    REQUIRE(tx.size() == 2);
    CHECK(tx[0]->attribute("data-product") == std::optional<std::string>("platelets"));
    CHECK(tx[0]->attribute("data-day") == std::optional<std::string>("0"));
    CHECK(tx[1]->attribute("data-product") == std::optional<std::string>("red_cells"));
    CHECK(tx[1]->attribute("data-day") == std::optional<std::string>("3"));

    // one point per day of each series, with its value; all inside the axis
    CHECK(count_class(d, "point") == en2.size() + pl1.size());
    CHECK(count_class(d, "below-axis") == 0);
    std::size_t anc_points = 0;
    for (const auto* pt : xml::with_class(d, "point")) {
        if (pt->attribute("data-series") == std::optional<std::string>("anc")) {
            CHECK(as_number(pt->attribute("data-value")) == en2[anc_points].second);
            CHECK(as_number(pt->attribute("data-day")) == en2[anc_points].first);
            ++anc_points;
        }
    }
    CHECK(anc_points == en2.size());
    CHECK(count_class(d, "series-line") == 2);
    // the status, for people, in <desc>
    CHECK(d.elements[2].name == "desc");
    CHECK(d.elements[2].text.find("ANC: engrafted D+14") != std::string::npos);
    // the same input, the same bytes
    CHECK(viz::render_svg(c) == svg);
}

TEST_CASE("clinical event markers: one group each, with its kind, day and label; none by default", "[viz]") {
    const auto anc = make<hsct::anc>(en2);
    const auto plt = make<hsct::platelets>(pl1);
    const auto log = transfusions({{0, e::blood_product::platelets}});
    const auto n = e::assess_neutrophil_engraftment(anc);
    REQUIRE(n.has_value());
    viz::engraftment_chart c;
    c.anc = anc.days();
    c.platelets = plt.days();
    c.transfusions = &log;
    c.neutrophil = &*n;
    const std::string without = viz::render_svg(c);
    CHECK(count_class(parsed(without), "event-marker") == 0);
    CHECK(without.find("Events marked") == std::string::npos);

    // given out of order, one before every count (the day axis widens to hold it)
    const viz::event_marker events[] = {
        {viz::event_kind::gvhd_onset, transplant_day::at(13), "Acute GVHD <onset> & rash"},
        {viz::event_kind::conditioning_start, transplant_day::at(-9), "Conditioning"},
        {viz::event_kind::day0, transplant_day::at(0), "Infusion"},
        {viz::event_kind::discharge, transplant_day::at(16), ""},
    };
    c.events = events;
    const std::string svg = viz::render_svg(c);
    const auto d = parsed(svg);
    const auto found = xml::with_class(d, "event-marker");
    REQUIRE(found.size() == 4);
    const char* kinds[] = {"gvhd_onset", "conditioning_start", "day0", "discharge"};
    const char* labels[] = {"D+13", "D-9", "D0", "D+16"};
    for (std::size_t k = 0; k < found.size(); ++k) {
        CHECK(found[k]->attribute("data-kind") == std::optional<std::string>(kinds[k]));
        CHECK(found[k]->attribute("data-day") == std::optional<std::string>(std::to_string(events[k].day.number())));
        CHECK(found[k]->attribute("data-label") == std::optional<std::string>(labels[k]));
        CHECK(found[k]->attribute("data-label") == std::optional<std::string>(hsct::to_string(events[k].day)));
    }
    CHECK(label_after(d, found[0]) == "Acute GVHD <onset> & rash D+13");  // escaped in the file, decoded here
    CHECK(label_after(d, found[3]) == "D+16");                            // no label: the day alone
    CHECK(svg.find("<onset>") == std::string::npos);
    CHECK(as_number(d.elements[0].attribute("data-day-min")) <= -10);
    CHECK(d.elements[2].text.find("Events marked: gvhd_onset D+13; conditioning_start D-9; day0 D0; discharge D+16.") !=
          std::string::npos);
    // the rest of the chart is drawn as without events: the same engraftment marker and points
    CHECK(count_class(d, "engraftment-day") == 1);
    CHECK(count_class(d, "point") == en2.size() + pl1.size());
    CHECK(viz::render_svg(c) == svg);
    CHECK(viz::id(viz::event_kind::other) == "other");
}

TEST_CASE("a series not yet engrafted has no engraftment-day marker", "[viz][ENG-NEUT-003][ENG-PLT-003]") {
    const auto anc = make<hsct::anc>({{5, 0.1}, {10, 0.6}, {11, 0.7}});
    const auto plt = make<hsct::platelets>({{5, 8}, {9, 12}, {12, 25}});
    const auto log = transfusions({{6, e::blood_product::platelets}, {6, e::blood_product::platelets}});
    const auto n = e::assess_neutrophil_engraftment(anc);
    REQUIRE(n.has_value());
    CHECK(n->status == e::engraftment_status::not_yet);
    const std::vector<e::platelet_result> p{platelets(plt, log, e::platelet_milestone::at_least_20)};
    CHECK(p[0].status == e::engraftment_status::not_yet);
    viz::engraftment_chart c;
    c.anc = anc.days();
    c.platelets = plt.days();
    c.transfusions = &log;
    c.neutrophil = &*n;
    c.platelet_results = p;
    const auto d = parsed(viz::render_svg(c));
    CHECK(count_class(d, "engraftment-day") == 0);
    CHECK(count_class(d, "transfusion") == 2);  // two on one day: both kept, as in the log
    CHECK(d.elements[2].text.find("ANC: not yet engrafted") != std::string::npos);
}

TEST_CASE("an empty chart and a one-day chart are valid SVG", "[viz]") {
    const viz::engraftment_chart empty;
    const auto d = parsed(viz::render_svg(empty));
    CHECK(count_class(d, "engraftment-day") == 0);
    CHECK(count_class(d, "transfusion") == 0);
    CHECK(count_class(d, "point") == 0);
    CHECK(count_class(d, "series-line") == 0);
    CHECK(count_class(d, "threshold") == 3);
    CHECK(as_number(d.elements[0].attribute("data-day-min")) < 0);
    CHECK(as_number(d.elements[0].attribute("data-day-max")) > 0);

    // nothing given, the rules say so: no values, no marker
    const e::transfusion_log no_tx;
    const e::day_series<hsct::anc> no_anc;
    const auto n = e::assess_neutrophil_engraftment(no_anc);
    REQUIRE(n.has_value());
    viz::engraftment_chart c;
    c.transfusions = &no_tx;
    c.neutrophil = &*n;
    CHECK(count_class(parsed(viz::render_svg(c)), "engraftment-day") == 0);

    const auto one = make<hsct::anc>({{3, 0.4}});
    c.anc = one.days();
    const auto d1 = parsed(viz::render_svg(c));
    CHECK(count_class(d1, "point") == 1);
    CHECK(count_class(d1, "series-line") == 1);
}

TEST_CASE("zero, tiny, huge and non-finite values: clamped and marked, never nan or inf", "[viz]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    // hand-made day values: consolidate would refuse the last ones, the writer must not misbehave
    const std::vector<e::day_value<hsct::anc>> anc{
        {transplant_day::at(1), hsct::anc(0.0, u::giga_per_l)},   {transplant_day::at(2), hsct::anc(0.004, u::giga_per_l)},
        {transplant_day::at(3), hsct::anc(0.01, u::giga_per_l)},  {transplant_day::at(4), hsct::anc(1e300, u::giga_per_l)},
        {transplant_day::at(5), hsct::anc(nan, u::giga_per_l)},   {transplant_day::at(6), hsct::anc(inf, u::giga_per_l)},
        {transplant_day::at(7), hsct::anc(-inf, u::giga_per_l)},  {transplant_day::at(8), hsct::anc(-3.0, u::giga_per_l)},
        {transplant_day::at(9), hsct::anc(-0.0, u::giga_per_l)},
    };
    const std::vector<e::day_value<hsct::platelets>> plt{
        {transplant_day::at(1), hsct::platelets(5000, u::giga_per_l)},
        {transplant_day::at(2), hsct::platelets(0, u::giga_per_l)},
    };
    viz::engraftment_chart c;
    c.anc = anc;
    c.platelets = plt;
    const auto d = parsed(viz::render_svg(c));  // check_svg: no "nan" or "inf" anywhere
    // 0, 0.004, -3, -0: on the floor (0.01 itself is on the axis); 1e300: on the top; nan, +-inf: not drawn
    std::vector<std::string> below;
    for (const auto* p : xml::with_class(d, "below-axis")) {
        below.push_back(p->attribute("data-series").value_or("").append("@").append(p->attribute("data-day").value_or("")));
    }
    CHECK(below == std::vector<std::string>{"anc@1", "anc@2", "anc@8", "anc@9", "platelets@2"});
    CHECK(count_class(d, "above-axis") == 1);
    CHECK(count_class(d, "not-finite") == 3);
    CHECK(count_class(d, "point") == anc.size() + plt.size());
    // a count above 1000 raises the axis top to 10^4
    CHECK(as_number(d.elements[0].attribute("data-axis-top")) == 10000.0);
    CHECK(as_number(d.elements[0].attribute("data-axis-floor")) == 0.01);
    // no negative zero printed as a value
    for (const auto* p : xml::with_class(d, "point")) {
        CHECK(p->attribute("data-value") != std::optional<std::string>("-0"));
    }
    // the line breaks where a value is not drawn: D+1..4, then D+8..9 (D+5..7 not finite)
    CHECK(count_class(d, "series-line") == 3);
}

TEST_CASE("days at the ends of hsct's range", "[viz][CORE-DAY-003]") {
    const std::vector<e::day_value<hsct::anc>> anc{
        {transplant_day::at(transplant_day::min_offset), hsct::anc(0.2, u::giga_per_l)},
        {transplant_day::at(transplant_day::max_offset), hsct::anc(2.0, u::giga_per_l)},
    };
    viz::engraftment_chart c;
    c.anc = anc;
    const auto d = parsed(viz::render_svg(c));
    CHECK(count_class(d, "point") == 2);
    CHECK(as_number(d.elements[0].attribute("data-day-min")) <= transplant_day::min_offset);
    CHECK(as_number(d.elements[0].attribute("data-day-max")) >= transplant_day::max_offset);
}

TEST_CASE("text is escaped for XML", "[viz]") {
    viz::engraftment_chart c;
    const std::string title = std::string("<b> & \"q\" 'a' \x01 caf\xC3\xA9 \xFF\xC3 ") + std::string(1, '\0') + "end";
    c.title = title;
    const auto svg = viz::render_svg(c);
    const auto d = parsed(svg);
    REQUIRE(d.elements[1].name == "title");
    CHECK(d.elements[1].text == "<b> & \"q\" 'a' ? caf\xC3\xA9 ?? ?end");
    CHECK(svg.find("<b>") == std::string::npos);
}

}  // namespace hsct_test_examples_engraftment_svg_test
