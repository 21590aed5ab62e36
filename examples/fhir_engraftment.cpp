// Engraftment from a FHIR R4 Bundle: each Observation (LOINC code, valueQuantity with a UCUM unit,
// effectiveDateTime) is mapped through hsct::from_lab onto a transplant day, platelet transfusions
// are read from Procedure resources, and the neutrophil and platelet engraftment days are printed
// with the values that decided them. A resource hsct cannot read is reported with its id and the
// reason, never dropped.
//
//   example_fhir_engraftment examples/data/engraftment_bundle.json
//
// nlohmann-json reads the JSON here, in the example only: the library has no runtime dependency.
// Day 0 is the infusion date the graft stage records (here 2024-03-10). The Procedure coding is
// this example's own convention (code.text "platelet transfusion", "red cell transfusion"); a real
// feed maps its own codes. Haemoglobin (LOINC 718-7, g/dL or g/L) gives red-cell recovery.
// Output is checked against fhir_engraftment.expected in CI.
//
//   example_fhir_engraftment examples/data/engraftment_bundle.json chart.svg
//
// With a second argument it also draws the series, the transfusions and the engraftment days the
// rules returned into an SVG file there (examples/viz/engraftment_svg.hpp, example code no rule
// depends on); what it prints stays the same. CI checks the chart it writes
// (tests/examples/run_chart_example.cmake).
#include <hsct/core/analyte_dispatch.hpp>
#include <hsct/core/date.hpp>
#include <hsct/core/timeline.hpp>
#include <hsct/engraftment/engraftment.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "viz/engraftment_svg.hpp"

namespace {
namespace e = hsct::engraftment;
using json = nlohmann::json;

std::string fixed(double v, int decimals) {
    char buf[64];
    static_cast<void>(std::snprintf(buf, sizeof buf, "%.*f", decimals, v));
    return buf;
}

// A member's text, or "" when the member is missing or not a string (a resource of the wrong
// shape is reported, never a crash).
std::string text(const json& o, const char* key) {
    if (!o.is_object()) {
        return {};
    }
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string{};
}
const json* member(const json& o, const char* key) {
    if (!o.is_object()) {
        return nullptr;
    }
    const auto it = o.find(key);
    return it != o.end() ? &*it : nullptr;
}

struct feed {
    std::vector<e::count_record<hsct::anc>> anc;
    std::vector<e::count_record<hsct::platelets>> platelets;
    std::vector<e::count_record<hsct::haemoglobin>> haemoglobin;
    std::vector<e::transfusion_record> transfusions;
    int unread = 0;
};

void report(const json& resource, const std::string& why, feed& f) {
    ++f.unread;
    std::cout << "  not read: " << text(resource, "resourceType") << "/" << text(resource, "id") << ": " << why << "\n";
}

// The transplant day of a FHIR dateTime's date part ("2024-03-22T07:30:00Z" -> D+12).
hsct::result<hsct::transplant_day> day_of(const std::string& when, const hsct::timeline& t) {
    auto date = hsct::parse_date(when.substr(0, 10));
    if (!date) {
        return date.error();
    }
    return t.day_of(*date);
}

void read_observation(const json& r, const hsct::timeline& t, feed& f) {
    std::string loinc;
    const json* code = member(r, "code");
    const json* coding = code != nullptr ? member(*code, "coding") : nullptr;
    if (coding != nullptr && coding->is_array()) {
        for (const auto& c : *coding) {
            if (text(c, "system") == "http://loinc.org") {
                loinc = text(c, "code");
            }
        }
    }
    if (loinc.empty()) {
        report(r, "no LOINC coding", f);
        return;
    }
    const json* q = member(r, "valueQuantity");
    const json* number = q != nullptr ? member(*q, "value") : nullptr;
    if (number == nullptr || !number->is_number()) {
        report(r, "no valueQuantity with a number (a result still pending?)", f);
        return;
    }
    const std::string when = text(r, "effectiveDateTime");
    if (when.empty()) {
        report(r, "no effectiveDateTime", f);
        return;
    }
    const std::string unit = !text(*q, "code").empty() ? text(*q, "code") : text(*q, "unit");
    const auto value = hsct::from_lab(loinc, number->get<double>(), unit);
    if (!value) {
        report(r, value.error().message(), f);
        return;
    }
    const auto day = day_of(when, t);
    if (!day) {
        report(r, day.error().message(), f);
        return;
    }
    const auto method = loinc == "753-4" ? e::count_method::manual : e::count_method::automated;
    if (const auto* a = std::get_if<hsct::anc>(&*value)) {
        f.anc.push_back({*day, *a, method});
    } else if (const auto* p = std::get_if<hsct::platelets>(&*value)) {
        f.platelets.push_back({*day, *p, method});
    } else if (const auto* h = std::get_if<hsct::haemoglobin>(&*value)) {
        f.haemoglobin.push_back({*day, *h, method});
    } else {
        report(r, "read, but not a count the engraftment rules use", f);
    }
}

void read_procedure(const json& r, const hsct::timeline& t, feed& f) {
    const json* code = member(r, "code");
    const std::string what = code != nullptr ? text(*code, "text") : std::string{};
    if (what != "platelet transfusion" && what != "red cell transfusion") {
        report(r, "not a transfusion this example reads", f);
        return;
    }
    const auto product = what == "platelet transfusion" ? e::blood_product::platelets : e::blood_product::red_cells;
    const std::string when = text(r, "performedDateTime");
    if (when.empty()) {
        f.transfusions.push_back({std::nullopt, product});  // refused by make_transfusion_log, with its index
        return;
    }
    const auto day = day_of(when, t);
    if (!day) {
        report(r, day.error().message(), f);
        return;
    }
    f.transfusions.push_back({*day, product});
}

std::string day_text(hsct::transplant_day d, const hsct::timeline& t) {
    return hsct::to_string(d) + " (" + hsct::to_string(t.date_of(d).value()) + ")";
}
}  // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): nlohmann's accessors may throw; built with -fno-exceptions too
int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::cerr << "usage: example_fhir_engraftment <bundle.json> [chart.svg]\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    const json bundle = json::parse(in, nullptr, /*allow_exceptions=*/false);
    const json* entries = member(bundle, "entry");
    if (bundle.is_discarded() || text(bundle, "resourceType") != "Bundle" || entries == nullptr || !entries->is_array()) {
        std::cerr << "not a FHIR Bundle: " << argv[1] << "\n";
        return 1;
    }
    const auto timeline = hsct::timeline::single(hsct::parse_date("2024-03-10").value()).value();
    feed f;
    std::cout << "Bundle " << text(bundle, "id") << ", Day 0 " << hsct::to_string(timeline.day0()) << ":\n";
    for (const auto& entry : *entries) {
        const json* resource = member(entry, "resource");
        if (resource == nullptr || !resource->is_object()) {
            std::cout << "  not read: an entry without a resource\n";
            ++f.unread;
            continue;
        }
        const auto& r = *resource;
        const std::string type = text(r, "resourceType");
        if (type == "Observation") {
            read_observation(r, timeline, f);
        } else if (type == "Procedure") {
            read_procedure(r, timeline, f);
        } else {
            report(r, "not an Observation or Procedure", f);
        }
    }
    std::cout << "read " << f.anc.size() << " ANC, " << f.platelets.size() << " platelet and " << f.haemoglobin.size()
              << " haemoglobin values, " << f.transfusions.size() << " transfusion(s); " << f.unread
              << " resource(s) not read\n";

    const auto anc = e::consolidate<hsct::anc>(f.anc).value();
    const auto n = e::assess_neutrophil_engraftment(anc).value();
    std::cout << "neutrophil engraftment: " << e::label(n.status);
    if (n.day) {
        std::cout << " on " << day_text(*n.day, timeline);
    }
    std::cout << "\n";
    for (const auto& c : n.criteria) {
        std::cout << "  " << hsct::to_string(c.day) << ": ANC " << fixed(c.criterion.measured.number(), 2) << " x10^9/L "
                  << hsct::label(c.criterion.cmp) << " " << fixed(c.criterion.threshold, 1) << " ("
                  << e::label(c.criterion.id) << ")\n";
    }

    const auto tx = e::make_transfusion_log(f.transfusions);
    if (!tx) {
        std::cout << "transfusions refused: " << tx.error().message() << "\n";
        return 1;
    }
    const auto platelets = e::consolidate<hsct::platelets>(f.platelets).value();
    std::vector<e::platelet_result> platelet_results;
    for (const auto milestone : {e::platelet_milestone::at_least_20, e::platelet_milestone::at_least_50}) {
        e::platelet_options o;
        o.milestone = milestone;
        const auto& p = platelet_results.emplace_back(e::assess_platelet_engraftment(platelets, *tx, o).value());
        std::cout << "platelet engraftment, " << e::label(milestone) << ": " << e::label(p.status);
        if (p.day) {
            std::cout << " on " << day_text(*p.day, timeline);
        }
        if (p.counting_from) {
            std::cout << "; counting from " << hsct::to_string(*p.counting_from);
        }
        std::cout << "\n";
        for (const auto& c : p.criteria) {
            if (c.criterion.id == e::platelet_criterion::run_day) {
                std::cout << "  " << hsct::to_string(c.day) << ": " << fixed(c.criterion.measured.number(), 0)
                          << " x10^9/L\n";
            } else if (c.criterion.id == e::platelet_criterion::transfusion_free) {
                std::cout << "    " << fixed(c.criterion.measured.number(), 0)
                          << " days after the last platelet transfusion\n";
            }
        }
    }

    // Red-cell recovery: Hb > 80 g/L (EBMT 2019); the 7-day transfusion-free window and the run of
    // three are hsct's stated policy, so the criteria they decide are marked unverified.
    const auto hb = e::consolidate<hsct::haemoglobin>(f.haemoglobin).value();
    const auto rbc = e::assess_red_cell_recovery(hb, *tx).value();
    std::cout << "red-cell recovery: " << e::label(rbc.status);
    if (rbc.day) {
        std::cout << " on " << day_text(*rbc.day, timeline);
    }
    if (rbc.last_transfusion) {
        std::cout << "; last red-cell transfusion " << hsct::to_string(*rbc.last_transfusion);
    }
    std::cout << "\n";
    for (const auto& c : rbc.criteria) {
        if (c.criterion.id == e::red_cell_criterion::run_day) {
            std::cout << "  " << hsct::to_string(c.day) << ": Hb " << fixed(c.criterion.measured.number(), 0) << " g/L "
                      << hsct::label(c.criterion.cmp) << " " << fixed(c.criterion.threshold, 0) << "\n";
        } else if (c.criterion.id == e::red_cell_criterion::transfusion_free) {
            std::cout << "    " << fixed(c.criterion.measured.number(), 0) << " days after the last red-cell transfusion"
                      << (c.criterion.verified ? "" : " (hsct's policy: 7 days, unverified)") << "\n";
        }
    }

    if (argc == 3) {  // the chart: the same series, transfusions and results, drawn
        hsct_examples::viz::engraftment_chart chart;
        chart.anc = anc.days();
        chart.platelets = platelets.days();
        chart.transfusions = &*tx;
        chart.neutrophil = &n;
        chart.platelet_results = platelet_results;
        chart.title = "Engraftment: ANC and platelets by transplant day (FHIR example bundle)";
        std::ofstream svg(argv[2], std::ios::binary);
        svg << hsct_examples::viz::render_svg(chart);
        svg.close();
        if (!svg) {
            std::cerr << "could not write the chart to " << argv[2] << "\n";
            return 1;
        }
    }
    return 0;
}
