// Misuse: a transplant day built from a bare int (use transplant_day::at or make).
// expect-error: conversion from [^ ]*int[^ ]* to non-scalar type [^ ]*const hsct::transplant_day[^ ]* requested|no viable conversion from 'int' to 'const hsct::transplant_day'
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/transplant_day.hpp>

int cf_day_from_int() {
#ifdef HSCT_CONTROL
    const hsct::transplant_day d = hsct::transplant_day::at(5);
#else
    const hsct::transplant_day d = 5;
#endif
    return d.number();
}
