// Misuse: reading albumin in umol/L (hsct offers no molar form for albumin).
// expect-error: no matching function for call to [^ ]*hsct::albumin::in\(const hsct::units::umol_per_l_t&\) const|'unit_of<hsct::units::umol_per_l_t, hsct::albumin>' evaluated to false
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/analyte.hpp>

double cf_albumin_in_umol_per_l() {
    const hsct::albumin a(3.5, hsct::units::g_per_dl);
#ifdef HSCT_CONTROL
    return a.in(hsct::units::g_per_l);
#else
    return a.in(hsct::units::umol_per_l);
#endif
}
