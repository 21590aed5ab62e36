// Misuse: reading a dose per m2 in mg/kg (there is no conversion between the two).
// expect-error: no matching function for call to [^ ]*hsct::dose_per_area::in\(const hsct::units::mg_per_kg_t&\) const|'unit_of<hsct::units::mg_per_kg_t, hsct::dose_per_area>' evaluated to false
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_dose_per_area_in_mg_per_kg() {
    const hsct::dose_per_area d(40.0, hsct::units::mg_per_m2);
#ifdef HSCT_CONTROL
    return d.in(hsct::units::mg_per_m2);
#else
    return d.in(hsct::units::mg_per_kg);
#endif
}
