// Misuse: a mass copy-initialised from a bare number (no implicit conversion from double).
// expect-error: conversion from [^ ]*double[^ ]* to non-scalar type [^ ]*const hsct::mass[^ ]* requested|no viable conversion from 'double' to 'const hsct::mass'
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_mass_copy_init_from_double() {
#ifdef HSCT_CONTROL
    const hsct::mass m = hsct::mass(72.5, hsct::units::kg);
#else
    const hsct::mass m = 72.5;
#endif
    return m.in(hsct::units::kg);
}
