// Misuse: a mass built with a length unit (cm).
// expect-error: no matching function for call to [^ ]*hsct::mass::mass\(double, const hsct::units::centimetre_t&\)|'unit_of<hsct::units::centimetre_t, hsct::mass>' evaluated to false
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_mass_with_length_unit() {
#ifdef HSCT_CONTROL
    const auto m = hsct::mass(72.5, hsct::units::kg);
#else
    const auto m = hsct::mass(72.5, hsct::units::cm);
#endif
    return m.in(hsct::units::kg);
}
