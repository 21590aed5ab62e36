// Tests for include/hsct/core/config.hpp: the replaceable contract handler.
#include <hsct/core/config.hpp>
#include <hsct/core/result.hpp>

#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_config_test {

namespace {
int handler_calls = 0;
std::string last_message;
void counting_handler(const hsct::contract_violation& v) {
    ++handler_calls;
    last_message = v.message;
}
#ifndef HSCT_TEST_NO_EXCEPTIONS
struct contract_exception {
    std::string message;
};
void throwing_handler(const hsct::contract_violation& v) { throw contract_exception{v.message}; }
#endif
}  // namespace

TEST_CASE("set_contract_handler returns the previous handler and nullptr restores the default",
          "[core][contract]") {
    const hsct::contract_handler original = hsct::set_contract_handler(&counting_handler);
    REQUIRE(original == &hsct::detail::default_contract_handler);
    const hsct::contract_handler mine = hsct::set_contract_handler(nullptr);
    REQUIRE(mine == &counting_handler);
    REQUIRE(hsct::set_contract_handler(nullptr) == &hsct::detail::default_contract_handler);
}

TEST_CASE("HSCT_EXPECTS does not call the handler when the condition holds", "[core][contract]") {
    handler_calls = 0;
    const auto previous = hsct::set_contract_handler(&counting_handler);
    HSCT_EXPECTS(1 + 1 == 2, "arithmetic works");
    hsct::set_contract_handler(previous);
    REQUIRE(handler_calls == 0);
}

#ifndef HSCT_TEST_NO_EXCEPTIONS
TEST_CASE("misuse of a result goes to the installed handler, which may throw in a test build",
          "[core][contract]") {
    const auto previous = hsct::set_contract_handler(&throwing_handler);
    const hsct::result<int> bad = hsct::error(hsct::errc::missing, "x", "", "a value");
    bool caught = false;
    try {
        (void)bad.value();
    } catch (const contract_exception& e) {
        caught = true;
        REQUIRE(e.message.find("value()") != std::string::npos);
    }
    const hsct::result<int> good = 3;
    bool caught_error_access = false;
    try {
        (void)good.error();
    } catch (const contract_exception& e) {
        caught_error_access = e.message.find("error()") != std::string::npos;
    }
    hsct::set_contract_handler(previous);
    REQUIRE(caught);
    REQUIRE(caught_error_access);
}
#endif

}  // namespace hsct_test_core_config_test
