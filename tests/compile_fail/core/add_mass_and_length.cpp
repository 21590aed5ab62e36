// Misuse: adding a mass to a length.
// expect-error: no match for [^ ]*operator\+[^ ]* \(operand types are [^ ]*const hsct::mass[^ ]* and [^ ]*const hsct::length|invalid operands to binary expression \('const hsct::mass' and 'const hsct::length'\)
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_add_mass_and_length() {
    const hsct::mass w(72.5, hsct::units::kg);
    const hsct::length h(170.0, hsct::units::cm);
#ifdef HSCT_CONTROL
    const auto sum = w + w;
    (void)h;
#else
    const auto sum = w + h;
#endif
    return sum.in(hsct::units::kg);
}
