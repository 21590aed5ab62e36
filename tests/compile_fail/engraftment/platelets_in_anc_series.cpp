// Misuse (ENG-SERIES-001): a platelet count recorded into an ANC series must not compile (both
// are x10^9/L, so a raw double would pass unnoticed).
// expect-error: could not convert .*platelets.* to .*anc|no viable conversion from 'hsct::platelets' to 'hsct::anc'|cannot convert .*platelets.* to .*anc
#include <hsct/engraftment/count_series.hpp>

bool cf_platelets_in_anc_series() {
#ifdef HSCT_CONTROL
    const hsct::engraftment::count_record<hsct::anc> r{hsct::transplant_day::at(12),
                                                       hsct::anc(0.6, hsct::units::giga_per_l)};
#else
    const hsct::engraftment::count_record<hsct::anc> r{hsct::transplant_day::at(12),
                                                       hsct::platelets(20.0, hsct::units::giga_per_l)};
#endif
    return r.day.number() == 12;
}
