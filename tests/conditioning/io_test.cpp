// Tests for include/hsct/conditioning/io.hpp: stream output prints the labels and the English
// renderings.
#include <hsct/conditioning/io.hpp>

#include <sstream>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_conditioning_io_test {

namespace c = hsct::conditioning;

TEST_CASE("conditioning types print their label or their rendering", "[conditioning][io][CORE-EXPLAIN-002]") {
    std::ostringstream os;
    os << c::agent::busulfan_iv << " | " << c::conditioning_intensity::myeloablative << " | "
       << *c::parse_busulfan_auc("78 mg*h/L");
    CHECK(os.str() == "busulfan IV | myeloablative (MAC) | 19001.2 umol*min/L");

    const auto r = c::assess_intensity(c::regimens::cy_tbi());
    REQUIRE(r.has_value());
    std::ostringstream is;
    is << *r;
    CHECK(is.str() == c::render(*r));

    const auto m = *hsct::patient::body_measures::make(*hsct::patient::height::make(170, hsct::units::cm),
                                                       *hsct::patient::body_weight::make(70, hsct::units::kg),
                                                       hsct::sex::male, *hsct::age::make(40, 0));
    const auto d = c::calculate_doses(c::regimens::bu_cy_iv(), m);
    REQUIRE(d.has_value());
    std::ostringstream ds;
    ds << *d;
    CHECK(ds.str() == c::render(*d));
    CHECK(ds.str().starts_with("busulfan IV: 3.2 mg/kg a day x 70.00 kg = 224.0 mg a day; 896.0 mg over 4 days."));

    const auto a = c::adjust_busulfan_dose(hsct::dose_per_mass(3.2, hsct::units::mg_per_kg),
                                           *c::parse_busulfan_auc("20000 umol*min/L"),
                                           *c::parse_busulfan_auc("25000 umol*min/L"));
    REQUIRE(a.has_value());
    std::ostringstream as;
    as << *a;
    CHECK(as.str() == c::render(*a));
}

}  // namespace hsct_test_conditioning_io_test
