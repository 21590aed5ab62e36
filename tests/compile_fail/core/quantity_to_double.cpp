// Misuse: a quantity used as a plain double (no implicit conversion; say which unit).
// expect-error: cannot convert [^ ]*const hsct::mass[^ ]* to [^ ]*const double[^ ]* in initialization|no viable conversion from 'const hsct::mass' to 'const double'
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_quantity_to_double() {
    const hsct::mass w(72.5, hsct::units::kg);
#ifdef HSCT_CONTROL
    const double kg = w.in(hsct::units::kg);
#else
    const double kg = w;
#endif
    return kg;
}
