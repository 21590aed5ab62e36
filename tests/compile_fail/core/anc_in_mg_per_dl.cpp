// Misuse: reading a neutrophil count in mg/dL.
// expect-error: no matching function for call to [^ ]*hsct::anc::in\(const hsct::units::mg_per_dl_t&\) const|'unit_of<hsct::units::mg_per_dl_t, hsct::anc>' evaluated to false
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/analyte.hpp>

double cf_anc_in_mg_per_dl() {
    const hsct::anc n(500.0, hsct::units::per_ul);
#ifdef HSCT_CONTROL
    return n.in(hsct::units::giga_per_l);
#else
    return n.in(hsct::units::mg_per_dl);
#endif
}
