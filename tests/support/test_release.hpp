// The IPD-IMGT/HLA 3.58.0 release of tests/data/hla, loaded once per test executable and
// shared by every test file that needs it (an inline function's static: one load, ~80 ms).
#ifndef HSCT_TESTS_SUPPORT_TEST_RELEASE_HPP
#define HSCT_TESTS_SUPPORT_TEST_RELEASE_HPP

#include <cstdio>
#include <cstdlib>
#include <utility>

#include <hsct/donor/hla_release.hpp>

namespace hsct_test {

inline const hsct::donor::hla_release& test_release() {
    static const hsct::donor::hla_release r = [] {
        auto loaded = hsct::donor::load_hla_release(HSCT_TEST_DATA_DIR "/hla/3.58.0");
        if (!loaded) {
            std::fprintf(stderr, "tests/data/hla/3.58.0 cannot be loaded: %s\n",
                         loaded.error().message().c_str());
            std::abort();
        }
        return *std::move(loaded);
    }();
    return r;
}

}  // namespace hsct_test

#endif  // HSCT_TESTS_SUPPORT_TEST_RELEASE_HPP
