// Misuse: multiplying two radiation doses (Gy x Gy means nothing).
// expect-error: no match for [^ ]*operator\*[^ ]* \(operand types are [^ ]*const hsct::radiation_dose[^ ]* and [^ ]*const hsct::radiation_dose|invalid operands to binary expression \('const hsct::radiation_dose' and 'const hsct::radiation_dose'\)
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

double cf_gray_times_gray() {
    const hsct::radiation_dose tbi(2.0, hsct::units::Gy);
#ifdef HSCT_CONTROL
    const auto total = tbi * 6.0;
#else
    const auto total = tbi * tbi;
#endif
    return total.in(hsct::units::Gy);
}
