// A deterministic synthetic registry: typings at A, B, C, DRB1 and DQB1 drawn from the current
// expressed alleles of an IPD-IMGT/HLA release (two fields each), by a fixed linear
// congruential generator, so every run and every machine draws the same donors. Used by
// tests/donor/registry_test.cpp (against assess_hla_match) and tests/bench/donor_bench.cpp.
#ifndef HSCT_TESTS_SUPPORT_SYNTHETIC_REGISTRY_HPP
#define HSCT_TESTS_SUPPORT_SYNTHETIC_REGISTRY_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <hsct/donor/hla_release.hpp>
#include <hsct/donor/hla_typing.hpp>

namespace hsct_test {

class synthetic_typings {
public:
    /// Draws from `release`; `common` limits each locus to its first `common` two-field names
    /// (in release order), so that donors share alleles and some match.
    synthetic_typings(const hsct::donor::hla_release& release, std::size_t common,
                      std::uint64_t seed = 20261203U)
        : state_(seed) {
        namespace d = hsct::donor;
        constexpr std::array<const char*, 5> genes{"A", "B", "C", "DRB1", "DQB1"};
        for (std::size_t i = 0; i < release.allele_count(); ++i) {
            const d::hla_name& n = release.allele(i);
            if (n.expression() != d::hla_expression::expressed || n.field_count() < 2) {
                continue;
            }
            for (std::size_t g = 0; g < genes.size(); ++g) {
                if (n.locus() != genes[g] || pools_[g].size() >= common) {
                    continue;
                }
                const std::string two =
                    hsct::donor::to_string(n.with_fields(2, d::hla_name_kind::allele, d::hla_expression::expressed));
                bool seen = false;
                for (const auto& s : pools_[g]) {
                    seen = seen || s == two;
                }
                if (!seen) {
                    pools_[g].push_back(two);
                }
            }
        }
    }

    /// The next typing as GL String text ("A*..+A*..^B*..+B*..^...").
    std::string next() {
        std::string s;
        for (std::size_t g = 0; g < pools_.size(); ++g) {
            if (g != 0) {
                s += '^';
            }
            s += pick(g);
            s += '+';
            s += pick(g);
        }
        return s;
    }

private:
    const std::string& pick(std::size_t g) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return pools_[g][(state_ >> 33) % pools_[g].size()];
    }

    std::array<std::vector<std::string>, 5> pools_;
    std::uint64_t state_;
};

}  // namespace hsct_test

#endif  // HSCT_TESTS_SUPPORT_SYNTHETIC_REGISTRY_HPP
