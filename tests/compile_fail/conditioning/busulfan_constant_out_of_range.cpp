// Misuse (COND-BU-001, COND-BU-003): a constant busulfan AUC (a target's bound) is checked when
// compiled; a bound of 0, or above the plausible maximum, must not compile.
// expect-error: busulfan_auc_constant_out_of_range|not a constant expression|non-constexpr function
#include <hsct/conditioning/busulfan.hpp>

double cf_busulfan_constant_out_of_range() {
#ifdef HSCT_CONTROL
    constexpr auto a = hsct::conditioning::busulfan_auc::constant(74.0, hsct::conditioning::auc_unit::mg_h_per_l);
    return a.in(hsct::conditioning::auc_unit::umol_min_per_l);
#else
    constexpr auto a = hsct::conditioning::busulfan_auc::constant(0.0, hsct::conditioning::auc_unit::mg_h_per_l);
    return a.in(hsct::conditioning::auc_unit::umol_min_per_l);
#endif
}
