// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104, FIPS 198-1), in the library and without any
// dependency, for the episode log's hash chain and its optional keyed MACs (issue 15). Streaming
// or one-shot, no allocation, constexpr-capable; digests print as lower-case hex and read back.
//
//   using namespace hsct::workflow;
//   sha256_digest d = sha256("abc");           // ba7816bf...f20015ad
//   to_hex(d);                                 // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//   sha256_hasher h;
//   h.update("ab");
//   h.update("c");
//   h.finish() == d;                           // true
//   hmac_sha256(key_bytes, message_bytes);     // RFC 4231 test cases
//
// WF-HASH-001 SHA-256 as FIPS 180-4 section 6.2 defines it (padding 5.1.1, initial hash 5.3.3,
// constants 4.2.2) [V: checked against NIST's example digests ("abc", the empty message, the
// 448- and 896-bit messages, one million "a") and Python's hashlib in the tests].
// WF-HASH-002 HMAC-SHA-256 as RFC 2104 / FIPS 198-1 define it (a key longer than the 64-byte block
// is hashed first; ipad 0x36, opad 0x5c) [V: RFC 4231 test cases 1-4, 6 and 7].
// WF-HASH-003 text: to_hex prints 64 lower-case hex digits; parse_sha256 reads exactly 64 hex
// digits of either case, refusing anything else with an error naming the field.
// WF-HASH-004 equality of digests compares every byte whatever the first difference
// (digest_equal), so a check of a MAC does not leak where it differs through its timing [P].
#ifndef HSCT_WORKFLOW_SHA256_HPP
#define HSCT_WORKFLOW_SHA256_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"

namespace hsct::workflow {

/// WF-HASH-001: a SHA-256 digest, 32 bytes.
using sha256_digest = std::array<std::uint8_t, 32>;

namespace detail::sha {
/// FIPS 180-4 section 4.2.2: the first 32 bits of the fractional parts of the cube roots of the
/// first 64 primes.
inline constexpr std::array<std::uint32_t, 64> k{
    0x428a2f98U, 0x71374491U, 0xb5c0fbcfU, 0xe9b5dba5U, 0x3956c25bU, 0x59f111f1U, 0x923f82a4U, 0xab1c5ed5U,
    0xd807aa98U, 0x12835b01U, 0x243185beU, 0x550c7dc3U, 0x72be5d74U, 0x80deb1feU, 0x9bdc06a7U, 0xc19bf174U,
    0xe49b69c1U, 0xefbe4786U, 0x0fc19dc6U, 0x240ca1ccU, 0x2de92c6fU, 0x4a7484aaU, 0x5cb0a9dcU, 0x76f988daU,
    0x983e5152U, 0xa831c66dU, 0xb00327c8U, 0xbf597fc7U, 0xc6e00bf3U, 0xd5a79147U, 0x06ca6351U, 0x14292967U,
    0x27b70a85U, 0x2e1b2138U, 0x4d2c6dfcU, 0x53380d13U, 0x650a7354U, 0x766a0abbU, 0x81c2c92eU, 0x92722c85U,
    0xa2bfe8a1U, 0xa81a664bU, 0xc24b8b70U, 0xc76c51a3U, 0xd192e819U, 0xd6990624U, 0xf40e3585U, 0x106aa070U,
    0x19a4c116U, 0x1e376c08U, 0x2748774cU, 0x34b0bcb5U, 0x391c0cb3U, 0x4ed8aa4aU, 0x5b9cca4fU, 0x682e6ff3U,
    0x748f82eeU, 0x78a5636fU, 0x84c87814U, 0x8cc70208U, 0x90befffaU, 0xa4506cebU, 0xbef9a3f7U, 0xc67178f2U,
};

/// FIPS 180-4 section 5.3.3: the initial hash value.
inline constexpr std::array<std::uint32_t, 8> h0{0x6a09e667U, 0xbb67ae85U, 0x3c6ef372U, 0xa54ff53aU,
                                                 0x510e527fU, 0x9b05688cU, 0x1f83d9abU, 0x5be0cd19U};

[[nodiscard]] constexpr std::uint32_t rotr(std::uint32_t x, unsigned n) noexcept {
    return (x >> n) | (x << (32U - n));
}

/// FIPS 180-4 section 6.2.2, step 3: one round, with the working variables renamed instead of
/// moved: the caller passes them rotated, and only d (which becomes e) and h (which becomes a)
/// change. Ch(e, f, g) and Maj(a, b, c) in their equivalent two-operation forms.
constexpr void round(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t& d, std::uint32_t e,
                     std::uint32_t f, std::uint32_t g, std::uint32_t& h, std::uint32_t kw) noexcept {
    const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + kw;
    const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)));
    d += t1;
    h = t1 + t2;
}

/// FIPS 180-4 section 6.2.2 step 1: the next message-schedule word, in a 16-word ring (w[t]
/// replaces w[t - 16]).
constexpr std::uint32_t schedule(std::array<std::uint32_t, 16>& w, std::size_t t) noexcept {
    const std::uint32_t w15 = w[(t - 15) & 15U];
    const std::uint32_t w2 = w[(t - 2) & 15U];
    const std::uint32_t s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3U);
    const std::uint32_t s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10U);
    w[t & 15U] += s0 + w[(t - 7) & 15U] + s1;
    return w[t & 15U];
}

/// FIPS 180-4 section 6.2.2: one 512-bit block into the state (eight rounds a loop step).
constexpr void compress(std::array<std::uint32_t, 8>& hv, const std::uint8_t* block) noexcept {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): every word written before read; no zeroing
    std::array<std::uint32_t, 16> w;  // every word written before it is read
    for (std::size_t t = 0; t < 16; ++t) {
        w[t] = (std::uint32_t{block[4 * t]} << 24U) | (std::uint32_t{block[4 * t + 1]} << 16U) |
               (std::uint32_t{block[4 * t + 2]} << 8U) | std::uint32_t{block[4 * t + 3]};
    }
    std::uint32_t a = hv[0], b = hv[1], c = hv[2], d = hv[3], e = hv[4], f = hv[5], g = hv[6], h = hv[7];
    for (std::size_t t = 0; t < 16; t += 8) {
        round(a, b, c, d, e, f, g, h, k[t] + w[t]);
        round(h, a, b, c, d, e, f, g, k[t + 1] + w[t + 1]);
        round(g, h, a, b, c, d, e, f, k[t + 2] + w[t + 2]);
        round(f, g, h, a, b, c, d, e, k[t + 3] + w[t + 3]);
        round(e, f, g, h, a, b, c, d, k[t + 4] + w[t + 4]);
        round(d, e, f, g, h, a, b, c, k[t + 5] + w[t + 5]);
        round(c, d, e, f, g, h, a, b, k[t + 6] + w[t + 6]);
        round(b, c, d, e, f, g, h, a, k[t + 7] + w[t + 7]);
    }
    for (std::size_t t = 16; t < 64; t += 8) {
        round(a, b, c, d, e, f, g, h, k[t] + schedule(w, t));
        round(h, a, b, c, d, e, f, g, k[t + 1] + schedule(w, t + 1));
        round(g, h, a, b, c, d, e, f, k[t + 2] + schedule(w, t + 2));
        round(f, g, h, a, b, c, d, e, k[t + 3] + schedule(w, t + 3));
        round(e, f, g, h, a, b, c, d, k[t + 4] + schedule(w, t + 4));
        round(d, e, f, g, h, a, b, c, k[t + 5] + schedule(w, t + 5));
        round(c, d, e, f, g, h, a, b, k[t + 6] + schedule(w, t + 6));
        round(b, c, d, e, f, g, h, a, k[t + 7] + schedule(w, t + 7));
    }
    hv[0] += a;
    hv[1] += b;
    hv[2] += c;
    hv[3] += d;
    hv[4] += e;
    hv[5] += f;
    hv[6] += g;
    hv[7] += h;
}
}  // namespace detail::sha

/// WF-HASH-001: SHA-256 over data given in pieces. `finish()` pads and returns the digest; the
/// hasher is then reset for a new message.
class sha256_hasher {
public:
    constexpr sha256_hasher() noexcept = default;

    constexpr void update(std::span<const std::uint8_t> data) noexcept { update_bytes(data.data(), data.size()); }
    constexpr void update(std::string_view text) noexcept {
        if (std::is_constant_evaluated()) {
            for (const char ch : text) {
                const auto byte = static_cast<std::uint8_t>(ch);
                update_bytes(&byte, 1);
            }
        } else {
            update_bytes(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());  // NOLINT: the text's bytes
        }
    }

    /// FIPS 180-4 section 5.1.1: a 1 bit, zeros to 448 mod 512 bits, the length in bits (64 bits,
    /// big-endian); then the digest, big-endian words.
    [[nodiscard]] constexpr sha256_digest finish() noexcept {
        const std::uint64_t bits = bytes_ * 8U;
        buffer_[fill_++] = 0x80U;
        if (fill_ > 56) {
            while (fill_ < 64) {
                buffer_[fill_++] = 0;
            }
            detail::sha::compress(h_, buffer_.data());
            fill_ = 0;
        }
        while (fill_ < 56) {
            buffer_[fill_++] = 0;
        }
        for (std::size_t i = 0; i < 8; ++i) {
            buffer_[56 + i] = static_cast<std::uint8_t>(bits >> (56U - 8U * i));
        }
        detail::sha::compress(h_, buffer_.data());
        sha256_digest out{};
        for (std::size_t i = 0; i < 8; ++i) {
            out[4 * i] = static_cast<std::uint8_t>(h_[i] >> 24U);
            out[4 * i + 1] = static_cast<std::uint8_t>(h_[i] >> 16U);
            out[4 * i + 2] = static_cast<std::uint8_t>(h_[i] >> 8U);
            out[4 * i + 3] = static_cast<std::uint8_t>(h_[i]);
        }
        *this = sha256_hasher{};
        return out;
    }

private:
    /// Fills the buffer; whole blocks of the input are compressed where they are.
    constexpr void update_bytes(const std::uint8_t* p, std::size_t n) noexcept {
        bytes_ += n;
        if (fill_ != 0) {
            while (n != 0 && fill_ < buffer_.size()) {
                buffer_[fill_++] = *p++;
                --n;
            }
            if (fill_ < buffer_.size()) {
                return;
            }
            detail::sha::compress(h_, buffer_.data());
            fill_ = 0;
        }
        while (n >= buffer_.size()) {
            detail::sha::compress(h_, p);
            p += buffer_.size();
            n -= buffer_.size();
        }
        while (n != 0) {
            buffer_[fill_++] = *p++;
            --n;
        }
    }

    std::array<std::uint32_t, 8> h_ = detail::sha::h0;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t fill_ = 0;
    std::uint64_t bytes_ = 0;
};

/// WF-HASH-001: the digest of `data` in one call.
[[nodiscard]] constexpr sha256_digest sha256(std::span<const std::uint8_t> data) noexcept {
    sha256_hasher h;
    h.update(data);
    return h.finish();
}
[[nodiscard]] constexpr sha256_digest sha256(std::string_view text) noexcept {
    sha256_hasher h;
    h.update(text);
    return h.finish();
}

/// WF-HASH-002: HMAC-SHA-256 (RFC 2104) under one key of any length, its two padded keys hashed
/// once, so that each message then costs the hashes of its own bytes and of one digest. A key
/// longer than the 64-byte block is hashed first. Keeps no copy of the key.
class hmac_sha256_key {
public:
    constexpr explicit hmac_sha256_key(std::span<const std::uint8_t> key) noexcept {
        std::array<std::uint8_t, 64> block{};
        if (key.size() > block.size()) {
            const sha256_digest kd = sha256(key);
            for (std::size_t i = 0; i < kd.size(); ++i) {
                block[i] = kd[i];
            }
        } else {
            for (std::size_t i = 0; i < key.size(); ++i) {
                block[i] = key[i];
            }
        }
        std::array<std::uint8_t, 64> pad{};
        for (std::size_t i = 0; i < pad.size(); ++i) {
            pad[i] = static_cast<std::uint8_t>(block[i] ^ 0x36U);
        }
        inner_.update(pad);
        for (std::size_t i = 0; i < pad.size(); ++i) {
            pad[i] = static_cast<std::uint8_t>(block[i] ^ 0x5cU);
        }
        outer_.update(pad);
    }
    [[nodiscard]] constexpr sha256_digest mac(std::span<const std::uint8_t> message) const noexcept {
        sha256_hasher in = inner_;
        in.update(message);
        return finish(in);
    }
    [[nodiscard]] constexpr sha256_digest mac(std::string_view message) const noexcept {
        sha256_hasher in = inner_;
        in.update(message);
        return finish(in);
    }

private:
    [[nodiscard]] constexpr sha256_digest finish(sha256_hasher& in) const noexcept {
        const sha256_digest ih = in.finish();
        sha256_hasher out = outer_;
        out.update(ih);
        return out.finish();
    }
    sha256_hasher inner_;
    sha256_hasher outer_;
};

/// WF-HASH-002: HMAC-SHA-256 of `message` under `key` (any length).
[[nodiscard]] constexpr sha256_digest hmac_sha256(std::span<const std::uint8_t> key,
                                                  std::span<const std::uint8_t> message) noexcept {
    return hmac_sha256_key(key).mac(message);
}

/// WF-HASH-004: true when the digests are equal, comparing every byte.
[[nodiscard]] constexpr bool digest_equal(const sha256_digest& a, const sha256_digest& b) noexcept {
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff = static_cast<std::uint8_t>(diff | (a[i] ^ b[i]));
    }
    return diff == 0;
}

/// WF-HASH-003: 64 lower-case hex digits.
[[nodiscard]] inline std::string to_hex(const sha256_digest& d) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string s(64, '0');
    for (std::size_t i = 0; i < d.size(); ++i) {
        s[2 * i] = digits[d[i] >> 4U];
        s[2 * i + 1] = digits[d[i] & 0x0FU];
    }
    return s;
}

/// WF-HASH-003: reads 64 hex digits (either case). Errors: syntax (another length, a character
/// that is not a hex digit), naming `field`.
[[nodiscard]] inline result<sha256_digest> parse_sha256(std::string_view text, std::string_view field = "sha256") {
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    };
    sha256_digest d{};
    bool ok = text.size() == 64;
    for (std::size_t i = 0; ok && i < d.size(); ++i) {
        const int hi = nibble(text[2 * i]);
        const int lo = nibble(text[2 * i + 1]);
        ok = hi >= 0 && lo >= 0;
        d[i] = static_cast<std::uint8_t>((hi << 4) | (lo & 0x0F));
    }
    if (!ok) {
        return error(errc::syntax, std::string(field), hsct::detail::quote_input(text),
                     "64 hexadecimal digits (a SHA-256 digest)", "WF-HASH-003");
    }
    return d;
}

}  // namespace hsct::workflow

#endif  // HSCT_WORKFLOW_SHA256_HPP
