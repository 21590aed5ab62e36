// Catch2 v2/v3 shim: the suite uses only macros common to both (TEST_CASE, SECTION, REQUIRE,
// CHECK, STATIC_REQUIRE, GENERATE, TEMPLATE_TEST_CASE, ...).
#ifndef HSCT_TESTS_SUPPORT_CATCH_HPP
#define HSCT_TESTS_SUPPORT_CATCH_HPP

#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#define HSCT_CATCH_V3 1
#else
#include <catch2/catch.hpp>
#define HSCT_CATCH_V3 0
#endif

#endif  // HSCT_TESTS_SUPPORT_CATCH_HPP
