// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The threshold probe's sink (coverage preset only, HSCT_THRESHOLD_PROBE): every comparison a
// rule makes through hsct::satisfies or the detail comparisons (CORE-THRESH-001) arrives here
// with its call site, comparator, threshold and value. Each is kept once per (site, comparator,
// threshold, test case) with the relations seen (value below, at, above the threshold), and
// written at exit to <HSCT_THRESHOLD_PROBE_FILE>.<pid>, one tab-separated line each, which
// tests/assurance/check_thresholds.py reads. Without that variable the probe records nothing.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <tuple>

#include <unistd.h>

#include "support/catch.hpp"
#include "support/count_allocations.hpp"

#include <hsct/core/detail/threshold.hpp>

namespace {

struct probe_key {
    const char* file;
    unsigned line;
    int cmp;
    double threshold;
    std::string test;
    bool operator<(const probe_key& o) const noexcept {
        return std::tie(file, line, cmp, threshold, test) < std::tie(o.file, o.line, o.cmp, o.threshold, o.test);
    }
};

struct probe_store {
    std::map<probe_key, unsigned> seen;  // bit 0 below, bit 1 at, bit 2 above
    const char* path = std::getenv("HSCT_THRESHOLD_PROBE_FILE");
    ~probe_store() {
        if (path == nullptr || seen.empty()) return;
        // One file per process (ctest runs executables in parallel): <path>.<pid>.
        const std::string name = std::string(path) + "." + std::to_string(::getpid());
        std::FILE* f = std::fopen(name.c_str(), "w");
        if (f == nullptr) return;
        for (const auto& [k, bits] : seen) {
            std::fprintf(f, "%s\t%u\t%d\t%.17g\t%u\t%s\n", k.file, k.line, k.cmp, k.threshold, bits,
                         k.test.c_str());
        }
        std::fclose(f);
    }
};

probe_store& store() {
    static probe_store s;
    return s;
}

}  // namespace

namespace hsct::detail {

void hsct_threshold_probe(const char* file, unsigned line, int cmp, double v, double t) noexcept {
    const hsct_test::allocation_pause pause;  // the probe's records are not the library's allocations
    probe_store& s = store();
    if (s.path == nullptr || std::isnan(v) || std::isnan(t)) return;
    const double m = threshold_margin(t);
    const unsigned bit = v < t - m ? 1U : (v > t + m ? 4U : 2U);
    s.seen[probe_key{file, line, cmp, t, Catch::getResultCapture().getCurrentTestName()}] |= bit;
}

}  // namespace hsct::detail
