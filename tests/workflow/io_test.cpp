// Tests for include/hsct/workflow/io.hpp: stream output prints the labels and the English
// renderings.
#include <hsct/workflow/io.hpp>

#include <sstream>
#include <string>

#include "support/catch.hpp"
#include "workflow/episode_fixture.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_workflow_io_test {

namespace w = hsct::workflow;
using namespace hsct_test_workflow_fixture;

TEST_CASE("workflow types print their label or their rendering", "[workflow][io][CORE-EXPLAIN-002]") {
    std::ostringstream os;
    os << w::episode_state::engraftment_monitoring << " | " << w::episode_event::infuse << " | " << w::log_fault::truncated;
    CHECK(os.str() == "engraftment monitoring | infuse the product (Day 0) | the log is cut short");
    const auto ep = *reach(w::transplant_kind::autologous, w::episode_state::collection);
    const auto step = w::apply(ep, well_formed(ep, w::episode_event::admit));
    REQUIRE(step.rejected.has_value());
    std::ostringstream rs;
    rs << *step.rejected;
    CHECK(rs.str() == w::render(*step.rejected));
    std::ostringstream es;
    es << ep;
    CHECK(es.str() == w::render(ep));
    const w::log_problem p{w::log_fault::syntax, 1, 3, "x", std::nullopt, "WF-LOG-002"};
    std::ostringstream ps;
    ps << p;
    CHECK(ps.str() == "entry 1 (line 3): a line that cannot be read: x [WF-LOG-002]");
}

}  // namespace hsct_test_workflow_io_test
