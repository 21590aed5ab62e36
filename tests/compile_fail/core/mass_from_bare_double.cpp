// Misuse: a mass built from a bare number, with no unit.
// expect-error: no matching function for call to [^ ]*hsct::mass::mass\(<brace-enclosed initializer list>\)|no known conversion from 'double' to 'const hsct::mass' for 1st argument
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_mass_from_bare_double() {
#ifdef HSCT_CONTROL
    const hsct::mass m{72.5, hsct::units::kg};
#else
    const hsct::mass m{72.5};
#endif
    return m.in(hsct::units::kg);
}
