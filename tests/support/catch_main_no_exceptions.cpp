// The test runner's main for the -fno-exceptions build: Catch2 v2's single header, compiled
// with CATCH_CONFIG_DISABLE_EXCEPTIONS (set by tests/CMakeLists.txt).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
