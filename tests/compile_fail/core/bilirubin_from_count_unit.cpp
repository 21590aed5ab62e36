// Misuse: a bilirubin built with a cell-count unit (x10^9/L).
// expect-error: no matching function for call to [^ ]*hsct::bilirubin::bilirubin\(double, const hsct::units::giga_per_l_t&\)|'unit_of<hsct::units::giga_per_l_t, hsct::bilirubin>' evaluated to false
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/analyte.hpp>

double cf_bilirubin_from_count_unit() {
#ifdef HSCT_CONTROL
    const auto b = hsct::bilirubin(2.0, hsct::units::mg_per_dl);
#else
    const auto b = hsct::bilirubin(2.0, hsct::units::giga_per_l);
#endif
    return b.in(hsct::units::mg_per_dl);
}
