// Misuse (COMP-SOS-001): an absolute clearance (mL/min) recorded where the paediatric severity
// bands read a GFR normalised to 1.73 m2 must not compile; normalised_gfr converts it.
// expect-error: could not convert .*clearance.* to .*filtration_rate|no viable conversion from .*clearance.* to .*filtration_rate|cannot convert .*clearance.* to .*filtration_rate|conversion from .*clearance.* to non-scalar type .*filtration_rate
#include <hsct/complications/sos_vod_input.hpp>

bool cf_clearance_as_gfr() {
    const auto c = hsct::complications::clearance::make(25.0);
#ifdef HSCT_CONTROL
    const hsct::complications::sos_measurement<hsct::complications::filtration_rate> m{
        hsct::transplant_day::at(20), *hsct::complications::normalised_gfr(*c, hsct::area(0.45, hsct::units::m2))};
#else
    const hsct::complications::sos_measurement<hsct::complications::filtration_rate> m{hsct::transplant_day::at(20), *c};
#endif
    return m.day.number() == 20;
}
