// Tests for include/hsct/workflow/sha256.hpp: SHA-256 on NIST's example messages (FIPS 180-4),
// message lengths at the padding boundaries, the same digest from any split of the input,
// HMAC-SHA-256 on RFC 4231's test cases, the hex text both ways, and digest comparison
// (WF-HASH-001..004). Expected digests are the published ones (checked also with Python's hashlib).
#include <hsct/workflow/sha256.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_workflow_sha256_test {

namespace w = hsct::workflow;

std::string hex(std::string_view text) { return w::to_hex(w::sha256(text)); }

std::vector<std::uint8_t> bytes(std::string_view text) { return {text.begin(), text.end()}; }

std::vector<std::uint8_t> repeated(std::uint8_t b, std::size_t n) { return std::vector<std::uint8_t>(n, b); }

constexpr std::string_view m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
constexpr std::string_view m896 =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

TEST_CASE("SHA-256 of NIST's example messages", "[workflow][WF-HASH-001][FIPS-180-4]") {
    CHECK(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex(m448) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(hex(m896) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    const std::string million(1000000, 'a');
    CHECK(hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // the same through the byte overload
    CHECK(w::sha256(bytes("abc")) == w::sha256("abc"));
}

TEST_CASE("SHA-256 at the padding boundaries (55, 56 and 64 bytes)", "[workflow][WF-HASH-001][FIPS-180-4]") {
    // 55 bytes: padding fits in the block; 56: the length spills into a second block; 64: a full block
    CHECK(hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("the digest does not depend on how the input is split", "[workflow][WF-HASH-001]") {
    const auto whole = w::sha256(m896);
    for (std::size_t cut = 0; cut <= m896.size(); ++cut) {
        CAPTURE(cut);
        w::sha256_hasher h;
        h.update(m896.substr(0, cut));
        h.update(m896.substr(cut));
        CHECK(h.finish() == whole);
    }
    // byte by byte, and a hasher reused after finish()
    w::sha256_hasher h;
    for (const char c : m448) {
        h.update(std::string_view(&c, 1));
    }
    CHECK(w::to_hex(h.finish()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    h.update("abc");
    CHECK(w::to_hex(h.finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("SHA-256 is usable at compile time", "[workflow][WF-HASH-001]") {
    constexpr auto d = w::sha256("abc");
    STATIC_REQUIRE(d[0] == 0xba);
    STATIC_REQUIRE(d[31] == 0xad);
}

TEST_CASE("HMAC-SHA-256 on RFC 4231's test cases", "[workflow][WF-HASH-002][RFC-4231]") {
    const auto mac = [](const std::vector<std::uint8_t>& key, const std::vector<std::uint8_t>& msg) {
        return w::to_hex(w::hmac_sha256(key, msg));
    };
    // test case 1
    CHECK(mac(repeated(0x0b, 20), bytes("Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // 2: a key shorter than the output
    CHECK(mac(bytes("Jefe"), bytes("what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // 3
    CHECK(mac(repeated(0xaa, 20), repeated(0xdd, 50)) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    // 4
    std::vector<std::uint8_t> key4;
    for (std::uint8_t b = 1; b <= 25; ++b) {
        key4.push_back(b);
    }
    CHECK(mac(key4, repeated(0xcd, 50)) == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    // 6: a key longer than the block, hashed first
    CHECK(mac(repeated(0xaa, 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    // 7: key and data longer than the block
    CHECK(mac(repeated(0xaa, 131),
              bytes("This is a test using a larger than block-size key and a larger than block-size data. The key "
                    "needs to be hashed before being used by the HMAC algorithm.")) ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    // a different key gives a different MAC
    CHECK(mac(bytes("Jeff"), bytes("what do ya want for nothing?")) !=
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("one key, many messages: the prepared key gives RFC 4231's MACs each time", "[workflow][WF-HASH-002][RFC-4231]") {
    const auto key = bytes("Jefe");
    const w::hmac_sha256_key k(key);
    for (int i = 0; i < 3; ++i) {  // reused: nothing of one message stays for the next
        CHECK(w::to_hex(k.mac(std::string_view("what do ya want for nothing?"))) ==
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        CHECK(w::to_hex(k.mac(bytes("Hi There"))) == w::to_hex(w::hmac_sha256(key, bytes("Hi There"))));
    }
    const auto long_key = repeated(0xaa, 131);
    CHECK(w::to_hex(w::hmac_sha256_key(long_key).mac(
              std::string_view("Test Using Larger Than Block-Size Key - Hash Key First"))) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("digests print as hex and read back; anything else is refused", "[workflow][WF-HASH-003]") {
    const auto d = w::sha256("abc");
    CHECK(w::parse_sha256(w::to_hex(d)).value() == d);
    CHECK(w::parse_sha256("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD").value() == d);
    const auto short_one = w::parse_sha256("ba7816bf", "log.entries[3].previous");
    REQUIRE_FALSE(short_one);
    CHECK(short_one.error().code() == hsct::errc::syntax);
    CHECK(short_one.error().field() == "log.entries[3].previous");
    CHECK(short_one.error().valid_range() == "64 hexadecimal digits (a SHA-256 digest)");
    std::string bad = w::to_hex(d);
    bad[10] = 'g';
    CHECK_FALSE(w::parse_sha256(bad));
    CHECK_FALSE(w::parse_sha256(w::to_hex(d) + "0"));
}

TEST_CASE("digest_equal compares every byte", "[workflow][WF-HASH-004]") {
    const auto a = w::sha256("abc");
    auto b = a;
    CHECK(w::digest_equal(a, b));
    b[31] ^= 1U;
    CHECK_FALSE(w::digest_equal(a, b));
    b = a;
    b[0] ^= 0x80U;
    CHECK_FALSE(w::digest_equal(a, b));
}

}  // namespace hsct_test_workflow_sha256_test
