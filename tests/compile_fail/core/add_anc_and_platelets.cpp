// Misuse: adding two different analytes (ANC + platelets), although both are counts per litre.
// expect-error: no match for [^ ]*operator\+[^ ]* \(operand types are [^ ]*const hsct::anc[^ ]* and [^ ]*const hsct::platelets|invalid operands to binary expression \('const hsct::anc' and 'const hsct::platelets'\)
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/analyte.hpp>

double cf_add_anc_and_platelets() {
    const hsct::anc n(0.5, hsct::units::giga_per_l);
    const hsct::platelets p(20.0, hsct::units::giga_per_l);
#ifdef HSCT_CONTROL
    const auto sum = n + n;
    (void)p;
#else
    const auto sum = n + p;
#endif
    return sum.in(hsct::units::giga_per_l);
}
