// A tour of hsct's core: typed quantities, lab values from the outside world, and
// transplant time. Its output is checked against core_tour.expected in CI.
#include <hsct/hsct.hpp>
#include <hsct/io.hpp>  // operator<< and render(): opt-in

#include <array>
#include <chrono>
#include <iostream>

int main() {
    using namespace hsct::literals;
    namespace u = hsct::units;

    // 1. Doses: mg/m2 x m2 and mg/kg x kg give mg; the two never mix.
    const hsct::mass weight = 72.5_kg;
    const hsct::area bsa = 1.9_m2;
    const hsct::total_dose fludarabine = 30_mg_per_m2 * bsa;
    const hsct::total_dose cyclophosphamide = 14.5_mg_per_kg * weight;
    std::cout << "fludarabine 30 mg/m2 x " << bsa << " = " << fludarabine << "\n";
    std::cout << "cyclophosphamide 14.5 mg/kg x " << weight << " = " << cyclophosphamide << "\n";

    // 2. Cell dose: CD34+ cells / recipient weight.
    const hsct::cell_dose cd34 = hsct::cell_count(362.5, u::e6_cells) / weight;
    std::cout << "CD34+ dose: " << cd34 << "\n";

    // 3. Lab values as labs send them; each analyte converts with its own factor.
    for (const auto& [value, unit] : std::array<std::pair<double, const char*>, 3>{
             {{41.0, "umol/L"}, {2.4, "mg/dL"}, {300.0, "mg/dL"}}}) {
        const auto bili = hsct::from_lab<hsct::bilirubin>(value, unit);
        if (bili) {
            std::cout << "bilirubin " << value << " " << unit << " -> " << *bili << "\n";
        } else {
            std::cout << "refused: " << bili.error().message() << "\n";
        }
    }
    const auto anc = hsct::from_lab<hsct::anc>(500.0, "/uL");
    std::cout << "ANC 500 /uL -> " << anc.value() << "\n";
    const auto wrong = hsct::from_lab<hsct::platelets>(20.0, "mg/dL");
    std::cout << "refused: " << wrong.error().message() << "\n";

    // 4. Transplant time: Day 0 is the first infusion date.
    using namespace std::chrono;
    const auto t = hsct::timeline::from_infusions(
        std::array{sys_days{2024y / May / 1}, sys_days{2024y / May / 2}});
    std::cout << "timeline: " << t.value() << "\n";
    std::cout << "2024-04-24 is " << t->day_of(sys_days{2024y / April / 24}).value() << "\n";
    std::cout << "D+100 is " << hsct::to_string(t->date_of(hsct::transplant_day::at(100)).value())
              << "\n";
    const auto bad_day = hsct::parse_transplant_day("D-0");
    std::cout << "refused: " << bad_day.error().message() << "\n";
    return 0;
}
