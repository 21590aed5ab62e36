// Misuse (COND-AGENT-001): busulfan is dosed per kg; a per-m2 dose given to it must not compile.
// expect-error: could not convert .*dose_per_area.* to .*dose_per_mass|no known conversion from 'hsct::dose_per_area' to .*'hsct::dose_per_mass'
#include <hsct/conditioning/agent.hpp>

bool cf_per_m2_dose_for_per_kg_agent() {
#ifdef HSCT_CONTROL
    return hsct::conditioning::make_dose<hsct::conditioning::agent::busulfan_iv>(
               hsct::dose_per_mass(3.2, hsct::units::mg_per_kg))
        .has_value();
#else
    return hsct::conditioning::make_dose<hsct::conditioning::agent::busulfan_iv>(
               hsct::dose_per_area(3.2, hsct::units::mg_per_m2))
        .has_value();
#endif
}
