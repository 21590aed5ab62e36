// hsct_svg_check: checks an engraftment chart written by examples/viz/engraftment_svg.hpp (CI runs
// it on the charts examples/fhir_engraftment.cpp and examples/patient_journey.cpp write;
// tests/examples/run_chart_example.cmake).
//
//   hsct_svg_check chart.svg [--engraftment SERIES[:MILESTONE]=DAY]... [--transfusion PRODUCT=DAY]...
//                  [--threshold SERIES=VALUE]... [--event KIND=DAY]... [--expected golden.svg]
//
// Fails (exit 1, the reason on stderr) unless the file is well-formed XML with an <svg> root
// (tests/examples/xml_check.hpp: namespace, viewBox, size, title, desc, no "nan"/"inf"), and
// holds exactly the engraftment-day markers, transfusion marks, threshold lines and clinical event
// markers listed (as many as listed, each once; none when none is listed), each engraftment-day
// and event marker's data-label being hsct's text of its day. With --expected the file must also
// equal the golden file byte for byte.
#include <hsct/core/transplant_day.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "examples/xml_check.hpp"

namespace {

std::optional<std::string> read(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string joined(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    std::string out;
    for (const auto& x : v) {
        out.append(out.empty() ? "" : " ").append(x);
    }
    return out.empty() ? std::string("(none)") : out;
}

std::string get(const hsct_tests::xml::element& e, const char* name) {
    return e.attribute(name).value_or(std::string("(missing ").append(name).append(")"));
}

int usage() {
    std::cerr << "usage: hsct_svg_check chart.svg [--engraftment SERIES[:MILESTONE]=DAY]... "
                 "[--transfusion PRODUCT=DAY]... [--threshold SERIES=VALUE]... [--event KIND=DAY]... "
                 "[--expected golden.svg]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        return usage();
    }
    std::vector<std::string> want_days;
    std::vector<std::string> want_tx;
    std::vector<std::string> want_thresholds;
    std::vector<std::string> want_events;
    const char* golden = nullptr;
    for (int k = 2; k < argc; ++k) {
        const std::string_view a(argv[k]);
        if (k + 1 >= argc) {
            return usage();
        }
        const std::string v(argv[++k]);
        if (a == "--engraftment") {
            want_days.push_back(v);
        } else if (a == "--transfusion") {
            want_tx.push_back(v);
        } else if (a == "--threshold") {
            want_thresholds.push_back(v);
        } else if (a == "--event") {
            want_events.push_back(v);
        } else if (a == "--expected") {
            golden = argv[k];
        } else {
            return usage();
        }
    }
    const char* path = argv[1];
    const auto text = read(path);
    if (!text) {
        std::cerr << "svg_check: cannot read " << path << "\n";
        return 1;
    }
    const auto doc = hsct_tests::xml::check(*text);
    if (const auto why = hsct_tests::xml::check_svg(doc)) {
        std::cerr << "svg_check: " << path << ": " << *why << "\n";
        return 1;
    }
    int failures = 0;
    const auto compare = [&](const char* what, const std::vector<std::string>& found,
                             const std::vector<std::string>& want) {
        if (joined(found) != joined(want)) {
            std::cerr << "svg_check: " << path << ": " << what << ": found " << joined(found) << ", expected "
                      << joined(want) << "\n";
            ++failures;
        }
    };
    // a marker's data-label must be hsct's text of its data-day
    const auto label_ok = [](const hsct_tests::xml::element& e, const std::string& day) {
        std::int32_t n = 0;
        const auto [end, ec] = std::from_chars(day.data(), day.data() + day.size(), n);
        const auto d = ec == std::errc{} && end == day.data() + day.size() ? hsct::transplant_day::make(n)
                                                                           : hsct::transplant_day::make(99999999);
        return d && e.attribute("data-label") == std::optional<std::string>(hsct::to_string(*d));
    };
    std::vector<std::string> days;
    for (const auto* e : hsct_tests::xml::with_class(doc, "engraftment-day")) {
        std::string key = get(*e, "data-series");
        if (const auto m = e->attribute("data-milestone")) {
            key.append(":").append(*m);
        }
        const std::string day = get(*e, "data-day");
        key.append("=").append(day);
        days.push_back(key);
        if (!label_ok(*e, day)) {
            std::cerr << "svg_check: " << path << ": engraftment day " << key << " labelled " << get(*e, "data-label")
                      << "\n";
            ++failures;
        }
    }
    compare("engraftment days", days, want_days);
    std::vector<std::string> tx;
    for (const auto* e : hsct_tests::xml::with_class(doc, "transfusion")) {
        tx.push_back(get(*e, "data-product").append("=").append(get(*e, "data-day")));
    }
    compare("transfusions", tx, want_tx);
    std::vector<std::string> thresholds;
    for (const auto* e : hsct_tests::xml::with_class(doc, "threshold")) {
        thresholds.push_back(get(*e, "data-series").append("=").append(get(*e, "data-value")));
    }
    compare("thresholds", thresholds, want_thresholds);
    std::vector<std::string> events;
    for (const auto* e : hsct_tests::xml::with_class(doc, "event-marker")) {
        const std::string day = get(*e, "data-day");
        events.push_back(get(*e, "data-kind").append("=").append(day));
        if (!label_ok(*e, day)) {
            std::cerr << "svg_check: " << path << ": event " << events.back() << " labelled " << get(*e, "data-label")
                      << "\n";
            ++failures;
        }
    }
    compare("events", events, want_events);
    if (golden != nullptr) {
        const auto expected = read(golden);
        if (!expected) {
            std::cerr << "svg_check: cannot read " << golden << "\n";
            return 1;
        }
        if (*expected != *text) {
            std::istringstream a(*text);
            std::istringstream b(*expected);
            std::string la;
            std::string lb;
            int line = 0;
            while (true) {
                ++line;
                const bool ga = static_cast<bool>(std::getline(a, la));
                const bool gb = static_cast<bool>(std::getline(b, lb));
                if (!ga || !gb || la != lb) {
                    std::cerr << "svg_check: " << path << " differs from " << golden << " at line " << line
                              << "\n  actual:   " << (ga ? la : std::string("(end)"))
                              << "\n  expected: " << (gb ? lb : std::string("(end)")) << "\n";
                    break;
                }
            }
            ++failures;
        }
    }
    if (failures > 0) {
        return 1;
    }
    std::cout << "svg_check: " << path << ": well-formed SVG, " << doc.elements.size() << " elements; engraftment days "
              << joined(days) << "; transfusions " << joined(tx) << "; thresholds " << joined(thresholds)
              << (events.empty() ? std::string() : "; events " + joined(events))
              << (golden != nullptr ? "; equal to the expected file" : "") << "\n";
    return 0;
}
