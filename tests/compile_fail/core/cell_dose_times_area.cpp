// Misuse: multiplying a cell dose (per kg) by a body surface area (m2).
// expect-error: no match for [^ ]*operator\*[^ ]* \(operand types are [^ ]*const hsct::cell_dose[^ ]* and [^ ]*const hsct::area|invalid operands to binary expression \('const hsct::cell_dose' and 'const hsct::area'\)
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_cell_dose_times_area() {
    const hsct::cell_dose cd(5.0, hsct::units::e6_per_kg);
    const hsct::mass w(72.5, hsct::units::kg);
    const hsct::area bsa(1.9, hsct::units::m2);
#ifdef HSCT_CONTROL
    const auto cells = cd * w;
    (void)bsa;
#else
    const auto cells = cd * bsa;
    (void)w;
#endif
    return cells.in(hsct::units::cells);
}
