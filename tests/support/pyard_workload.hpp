// hsct's tests and benchmarks: py-ard 2.3.1's 100,000-genotype GL workload, made from a loaded
// release exactly as the peer harness makes it (../shared/tools/peer-pyard/bench.py,
// two_field_pool and make_gl_workload with random.Random(3580)), so that no 10 MB file is
// stored. tests/donor/gl_reduction_test.cpp checks the result against the harness's file.
#ifndef HSCT_TESTS_SUPPORT_PYARD_WORKLOAD_HPP
#define HSCT_TESTS_SUPPORT_PYARD_WORKLOAD_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <hsct/donor/hla_release.hpp>

namespace hsct_test {

// CPython's random.Random(seed) for a small int seed (init_by_array, MT19937) and its
// choice(): py-ard's harness draws the workload with it (../shared/tools/peer-pyard/bench.py).
class python_random {
public:
    explicit python_random(std::uint32_t seed) {
        init(19650218U);
        std::size_t i = 1;
        for (std::size_t k = n; k != 0; --k) {
            mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525U)) + seed;
            if (++i >= n) {
                mt_[0] = mt_[n - 1];
                i = 1;
            }
        }
        for (std::size_t k = n - 1; k != 0; --k) {
            mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941U)) -
                     static_cast<std::uint32_t>(i);
            if (++i >= n) {
                mt_[0] = mt_[n - 1];
                i = 1;
            }
        }
        mt_[0] = 0x80000000U;
        next_ = n;
    }
    /// random.choice's index: getrandbits(k) until below `size` (k = size's bit length).
    std::size_t below(std::size_t size) {
        unsigned k = 0;
        while ((std::size_t{1} << k) <= size) {
            ++k;
        }
        for (;;) {
            const std::uint32_t r = word() >> (32U - k);
            if (r < size) {
                return r;
            }
        }
    }

private:
    static constexpr std::size_t n = 624;
    static constexpr std::size_t m = 397;
    void init(std::uint32_t s) {
        mt_[0] = s;
        for (std::size_t i = 1; i < n; ++i) {
            mt_[i] = 1812433253U * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
        }
    }
    std::uint32_t word() {
        if (next_ >= n) {
            for (std::size_t k = 0; k < n; ++k) {
                const std::uint32_t y = (mt_[k] & 0x80000000U) | (mt_[(k + 1) % n] & 0x7fffffffU);
                mt_[k] = mt_[(k + m) % n] ^ (y >> 1) ^ ((y & 1U) != 0 ? 0x9908b0dfU : 0U);
            }
            next_ = 0;
        }
        std::uint32_t y = mt_[next_++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }
    std::uint32_t mt_[n]{};
    std::size_t next_ = n;
};

// py-ard's harness workload (bench.py two_field_pool / make_gl_workload): per locus, the WHO
// 2-field names of Allelelist.txt (a suffix kept when every allele under the 2 fields has it),
// in byte order; each line two draws per locus, A B C DRB1 DQB1.
inline std::vector<std::string> pyard_workload(const hsct::donor::hla_release& rel,
                                               std::size_t count) {
    constexpr std::string_view loci[] = {"A", "B", "C", "DRB1", "DQB1"};
    constexpr std::string_view suffixes = "NQLS";
    std::map<std::string, std::vector<std::string>> by_two;
    for (std::size_t i = 0; i < rel.allele_count(); ++i) {
        const std::string name = hsct::donor::to_string(rel.allele(i));
        if (std::find(std::begin(loci), std::end(loci), rel.allele(i).locus()) == std::end(loci)) {
            continue;
        }
        const std::size_t c1 = name.find(':');
        std::string two = name.substr(0, name.find(':', c1 + 1));
        if (suffixes.find(two.back()) != std::string_view::npos) {
            two.pop_back();
        }
        by_two[two].push_back(name);
    }
    std::map<std::string, std::vector<std::string>, std::less<>> pool;
    for (const auto& [base, members] : by_two) {
        std::set<char> sfx;
        for (const auto& mname : members) {
            sfx.insert(suffixes.find(mname.back()) != std::string_view::npos ? mname.back() : '\0');
        }
        const bool shared = sfx.size() == 1 && *sfx.begin() != '\0';
        pool[base.substr(0, base.find('*'))].push_back(shared ? base + *sfx.begin() : base);
    }
    for (auto& [locus, names] : pool) {
        std::sort(names.begin(), names.end());
    }
    python_random rng(3580);
    std::vector<std::string> lines;
    lines.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::string line;
        for (const auto locus : loci) {
            const auto& p = pool.find(locus)->second;
            if (!line.empty()) {
                line += '^';
            }
            line += p[rng.below(p.size())];
            line += '+';
            line += p[rng.below(p.size())];
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace hsct_test

#endif  // HSCT_TESTS_SUPPORT_PYARD_WORKLOAD_HPP
