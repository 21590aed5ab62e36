// A conditioning plan with hsct::conditioning: FluMel and oral BuCy for one patient, each dose
// dated from Day 0 with its arithmetic (the dose as prescribed, the weight or BSA it was
// multiplied by and why, the amount that day), the course totals and the regimen's intensity.
// Output is checked against conditioning_plan.expected in CI.
#include <hsct/conditioning/conditioning.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

namespace {
namespace c = hsct::conditioning;
namespace p = hsct::patient;

std::string fixed(double v, int decimals) {
    char buf[64];
    static_cast<void>(std::snprintf(buf, sizeof buf, "%.*f", decimals, v));
    return buf;
}

std::string date_text(std::chrono::sys_days d) {
    const std::chrono::year_month_day ymd{d};
    char buf[16];
    static_cast<void>(std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())));
    return buf;
}

std::string prescribed_text(const c::agent_dose& d) {
    switch (d.basis()) {
        case c::dose_basis::per_kg: return fixed(d.value(), 1) + " mg/kg";
        case c::dose_basis::per_m2: return fixed(d.value(), 0) + " mg/m2";
        case c::dose_basis::flat: return fixed(d.value(), 0) + " mg";
        case c::dose_basis::radiation: return fixed(d.value(), 1) + " Gy";
    }
    return "";
}

void plan(const c::regimen& r, const p::body_measures& m, std::chrono::sys_days day0) {
    const auto doses = c::calculate_doses(r, m).value();
    const auto schedule = c::schedule_regimen(r, day0).value();
    const auto intensity = c::assess_intensity(r).value();
    std::cout << r.name() << " (" << r.source() << ")\n";
    std::cout << "  intensity: " << c::label(intensity.intensity) << " ("
              << c::label(intensity.options.rules) << "; decided by: "
              << c::label(intensity.decided_by);
    for (const auto& k : intensity.criteria) {
        if (k.id == intensity.decided_by) {
            std::cout << ", " << hsct::label(k.result);
        }
    }
    std::cout << ")\n";
    for (const auto& a : schedule.administrations) {
        const auto& d = doses.components[a.component];
        std::cout << "  " << date_text(a.date) << " " << hsct::to_string(a.day) << "  "
                  << c::label(a.which) << ": " << prescribed_text(d.prescribed);
        if (d.weighting) {
            const auto& w = *d.weighting;
            if (w.bsa) {
                std::cout << " x " << fixed(w.bsa->value.in(hsct::units::m2), 2) << " m2 (BSA, "
                          << p::label(w.bsa->formula) << ", from " << p::label(w.source) << " "
                          << fixed(w.weight_used.in(hsct::units::kg), 1) << " kg)";
            } else {
                std::cout << " x " << fixed(w.weight_used.in(hsct::units::kg), 2) << " kg ("
                          << p::label(w.reason) << ")";
            }
            std::cout << " = " << fixed(d.per_day->in(hsct::units::mg), 1) << " mg";
        }
        std::cout << "\n";
    }
    for (const auto& d : doses.components) {
        if (d.total) {
            std::cout << "  total " << c::label(d.which) << ": " << fixed(d.total->in(hsct::units::mg), 1)
                      << " mg over " << d.days << " day(s)\n";
        }
    }
}
}  // namespace

int main() {
    using namespace std::chrono;
    // A woman of 45, 165 cm and 120 kg (211 % of her ideal body weight), Day 0 on 10 March 2026.
    const auto h = p::height::make(165.0, hsct::units::cm).value();
    const auto w = p::body_weight::make(120.0, hsct::units::kg).value();
    const auto m = p::body_measures::make(h, w, hsct::sex::female, hsct::age::make(45, 0).value()).value();
    const sys_days day0{2026y / March / 10};
    plan(c::regimens::flu_mel(), m, day0);
    plan(c::regimens::bu_cy_oral(), m, day0);
    return 0;
}
