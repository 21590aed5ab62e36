// Checks type and value together, so a test cannot pass on a value of the wrong type.
#ifndef HSCT_TESTS_SUPPORT_SAME_TYPE_AND_VALUE_HPP
#define HSCT_TESTS_SUPPORT_SAME_TYPE_AND_VALUE_HPP

#include <type_traits>

namespace hsct::test {

template <class Expected, class Actual>
constexpr bool same_type_and_value(const Actual& actual, const Expected& expected) {
    return std::is_same_v<Expected, Actual> && actual == expected;
}

}  // namespace hsct::test

#endif  // HSCT_TESTS_SUPPORT_SAME_TYPE_AND_VALUE_HPP
