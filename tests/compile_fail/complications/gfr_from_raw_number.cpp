// Misuse (COMP-SOS-001): normalised_gfr takes a checked clearance, not a bare number whose unit
// (mL/min or already mL/min/1.73 m2?) the call would not say.
// expect-error: could not convert .*to .*clearance|no matching function for call to .*normalised_gfr|no viable conversion|cannot convert
#include <hsct/complications/sos_vod_input.hpp>

bool cf_gfr_from_raw_number() {
#ifdef HSCT_CONTROL
    const auto g = hsct::complications::normalised_gfr(*hsct::complications::clearance::make(25.0),
                                                       hsct::area(0.45, hsct::units::m2));
#else
    const auto g = hsct::complications::normalised_gfr(25.0, hsct::area(0.45, hsct::units::m2));
#endif
    return g.has_value();
}
