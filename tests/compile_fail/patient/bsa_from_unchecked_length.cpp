// Misuse (regression, PAT-BODY-001): a BSA from a height that was never checked. Before issue 7,
// bsa_mosteller(length(0, cm), mass(70, kg)) compiled and aborted on a contract; the formulas now
// take only hsct::patient::height / body_weight, which height::make / body_weight::make check.
// expect-error: invalid initialization of reference of type [^ ]*const hsct::patient::height&|no viable conversion from 'hsct::length' to 'const hsct::patient::height'
#include <hsct/patient/body_size.hpp>

double cf_bsa_from_unchecked_length() {
#ifdef HSCT_CONTROL
    const auto h = hsct::patient::height::make(0.0, hsct::units::cm);  // refused: out_of_range
    const auto w = hsct::patient::body_weight::make(70.0, hsct::units::kg);
    if (!h || !w) {
        return 0.0;
    }
    return hsct::patient::bsa_mosteller(*h, *w).in(hsct::units::m2);
#else
    return hsct::patient::bsa_mosteller(hsct::length(0.0, hsct::units::cm),
                                        hsct::mass(70.0, hsct::units::kg))
        .in(hsct::units::m2);
#endif
}
