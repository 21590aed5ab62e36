// Misuse: passing a dose per kg (mg/kg) where a dose per m2 (mg/m2) is wanted.
// expect-error: could not convert [^ ]*d[^ ]* from [^ ]*const hsct::dose_per_mass[^ ]* to [^ ]*hsct::dose_per_area|no known conversion from 'const hsct::dose_per_mass' to 'hsct::dose_per_area'
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

static double mg_per_m2(hsct::dose_per_area d) { return d.in(hsct::units::mg_per_m2); }

double cf_dose_per_mass_as_dose_per_area() {
#ifdef HSCT_CONTROL
    const hsct::dose_per_area d(40.0, hsct::units::mg_per_m2);
#else
    const hsct::dose_per_mass d(40.0, hsct::units::mg_per_kg);
#endif
    return mg_per_m2(d);
}
