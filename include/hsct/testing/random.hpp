// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A seeded random generator whose numbers are the same on every platform, compiler and standard
// library, for the builders of synthetic data (hsct/testing/builders.hpp) and for integrators'
// own randomised tests.
//
//   hsct::testing::generator g(42);
//   int day = g.uniform_int(10, 28);          // 10..28, both included, unbiased
//   double x = g.uniform_real(0.0, 1.0);      // [0, 1), from 53 random bits
//   if (g.chance(0.25)) { /* one time in four */ }
//
// TEST-BUILD-001: the generator is xoshiro256** (Blackman and Vigna, 2018) seeded by four
// outputs of splitmix64 from the 64-bit seed. Integers in a range are drawn by rejection (no
// modulo bias); reals from the top 53 bits of one output, mapped to [lo, hi) with one fused
// multiply-add (std::fma, correctly rounded everywhere, so no compiler's contraction choice
// changes the result). std::uniform_*_distribution is not used: its output differs between
// standard libraries.
// Stability: the sequence a seed gives (next(), uniform_int, uniform_real, chance) is stable
// across platforms and across hsct versions within a major version; the tests pin values for
// seed 1 (tests/testing/builders_test.cpp).
#ifndef HSCT_TESTING_RANDOM_HPP
#define HSCT_TESTING_RANDOM_HPP

#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>

#include "hsct/core/config.hpp"

namespace hsct::testing {

/// TEST-BUILD-001: xoshiro256** seeded by splitmix64; the same numbers everywhere.
class generator {
public:
    /// Any seed is valid (0 too).
    constexpr explicit generator(std::uint64_t seed) noexcept : seed_(seed) {
        std::uint64_t x = seed;
        for (auto& s : s_) {
            s = splitmix64(x);
        }
    }

    /// The seed the generator was made from.
    [[nodiscard]] constexpr std::uint64_t seed() const noexcept { return seed_; }

    /// The next 64 random bits (xoshiro256**).
    [[nodiscard]] constexpr std::uint64_t next() noexcept {
        const std::uint64_t out = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return out;
    }

    /// An integer in [lo, hi], both included, every value equally likely (rejection sampling:
    /// outputs in the incomplete last block of the range are drawn again). Precondition
    /// (contract): lo <= hi.
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    [[nodiscard]] constexpr T uniform_int(T lo, T hi) noexcept {
        HSCT_EXPECTS(lo <= hi, "generator::uniform_int: lo > hi");
        const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
        if (span == ~std::uint64_t{0}) {
            return static_cast<T>(next());
        }
        const std::uint64_t n = span + 1;
        // 2^64 mod n: the outputs below it would make the low values more likely
        const std::uint64_t reject_below = (0 - n) % n;
        std::uint64_t x = next();
        while (x < reject_below) {
            x = next();
        }
        return static_cast<T>(static_cast<std::uint64_t>(lo) + x % n);
    }

    /// A double in [lo, hi): u = (next() >> 11) * 2^-53, then std::fma(hi - lo, u, lo); a result
    /// rounded up to hi is taken as the double below it. Precondition (contract): lo < hi, both
    /// finite.
    [[nodiscard]] double uniform_real(double lo, double hi) noexcept {
        HSCT_EXPECTS(std::isfinite(lo) && std::isfinite(hi) && lo < hi, "generator::uniform_real: need lo < hi, finite");
        const double u = static_cast<double>(next() >> 11) * 0x1.0p-53;
        const double v = std::fma(hi - lo, u, lo);
        return v < hi ? v : std::nextafter(hi, lo);
    }

    /// True with probability p (p <= 0: never; p >= 1: always): uniform_real(0, 1) < p. Draws one
    /// number whatever p is, so the sequence after it does not depend on p.
    [[nodiscard]] bool chance(double p) noexcept {
        const double u = static_cast<double>(next() >> 11) * 0x1.0p-53;
        return u < p;
    }

    /// One element of a non-empty span, each equally likely. Precondition (contract): not empty.
    template <class T>
    [[nodiscard]] constexpr const T& pick(std::span<const T> from) noexcept {
        HSCT_EXPECTS(!from.empty(), "generator::pick: empty span");
        return from[uniform_int<std::size_t>(0, from.size() - 1)];
    }

    /// Shuffles a span in place (Fisher-Yates with uniform_int): the same order everywhere,
    /// unlike std::shuffle.
    template <class T>
    constexpr void shuffle(std::span<T> items) noexcept {
        for (std::size_t i = items.size(); i > 1; --i) {
            const std::size_t j = uniform_int<std::size_t>(0, i - 1);
            if (j != i - 1) {
                T tmp = items[i - 1];
                items[i - 1] = items[j];
                items[j] = tmp;
            }
        }
    }

private:
    [[nodiscard]] static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }
    [[nodiscard]] static constexpr std::uint64_t splitmix64(std::uint64_t& x) noexcept {
        x += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t s_[4]{};
    std::uint64_t seed_;
};

}  // namespace hsct::testing

#endif  // HSCT_TESTING_RANDOM_HPP
