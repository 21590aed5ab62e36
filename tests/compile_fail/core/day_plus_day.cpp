// Misuse: adding two transplant days (only a day plus a duration makes sense).
// expect-error: no match for [^ ]*operator\+[^ ]* \(operand types are [^ ]*const hsct::transplant_day[^ ]* and [^ ]*const hsct::transplant_day|invalid operands to binary expression \('const hsct::transplant_day' and 'const hsct::transplant_day'\)
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <chrono>

#include <hsct/core/transplant_day.hpp>

int cf_day_plus_day() {
    const auto a = hsct::transplant_day::at(-7);
    const auto b = hsct::transplant_day::at(14);
#ifdef HSCT_CONTROL
    const auto c = a + (b - a);
#else
    const auto c = a + b;
#endif
    return c.number();
}
