// Misuse: assigning an amount of drug (total_dose, mg) to a body mass.
// expect-error: no match for [^ ]*operator=[^ ]* \(operand types are [^ ]*hsct::mass[^ ]* and [^ ]*const hsct::total_dose|no known conversion from 'const hsct::total_dose' to 'const hsct::mass' for 1st argument
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_assign_total_dose_to_mass() {
    const hsct::total_dose d(76.0, hsct::units::mg);
    hsct::mass m(72.5, hsct::units::kg);
#ifdef HSCT_CONTROL
    m = hsct::mass(d.in(hsct::units::mg), hsct::units::mg_mass);
#else
    m = d;
#endif
    return m.in(hsct::units::kg);
}
