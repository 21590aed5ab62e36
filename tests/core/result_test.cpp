// Tests for include/hsct/core/result.hpp: hsct::error and hsct::result<T>.
#include <hsct/core/result.hpp>
#include <hsct/core/io.hpp>

#include <sstream>
#include <string>
#include <type_traits>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_result_test {

using hsct::errc;
using hsct::error;
using hsct::result;

namespace {
result<int> half(int x) {
    if (x % 2 != 0) {
        return error(errc::inconsistent, "x", std::to_string(x), "an even number");
    }
    return x / 2;
}
}  // namespace

TEST_CASE("error codes have stable numbers and names", "[core][result]") {
    STATIC_REQUIRE(static_cast<int>(errc::out_of_range) == 1);
    STATIC_REQUIRE(static_cast<int>(errc::not_finite) == 2);
    STATIC_REQUIRE(static_cast<int>(errc::unknown_unit) == 3);
    STATIC_REQUIRE(static_cast<int>(errc::wrong_dimension) == 4);
    STATIC_REQUIRE(static_cast<int>(errc::syntax) == 5);
    STATIC_REQUIRE(static_cast<int>(errc::inconsistent) == 6);
    STATIC_REQUIRE(static_cast<int>(errc::not_allowed) == 7);
    STATIC_REQUIRE(static_cast<int>(errc::missing) == 8);
    CHECK(hsct::id(errc::out_of_range) == "out_of_range");
    CHECK(hsct::id(errc::wrong_dimension) == "wrong_dimension");
    CHECK(hsct::id(errc::missing) == "missing");
    CHECK(hsct::to_string(errc::out_of_range) == "out of range");
    CHECK(hsct::to_string(static_cast<errc>(99)) == "invalid (99)");
    CHECK(hsct::id(static_cast<errc>(99)) == "invalid (99)");
}

TEST_CASE("an error names the field, the value and the valid range in one sentence",
          "[core][result]") {
    const error e(errc::out_of_range, "bilirubin", "1e+09 mg/dL", "0-100 mg/dL");
    CHECK(e.code() == errc::out_of_range);
    CHECK(e.field() == "bilirubin");
    CHECK(e.value() == "1e+09 mg/dL");
    CHECK(e.valid_range() == "0-100 mg/dL");
    CHECK(e.message() == "bilirubin: 1e+09 mg/dL is outside the valid range 0-100 mg/dL");
    std::ostringstream os;
    os << e;
    CHECK(os.str() == e.message());
}

TEST_CASE("each error code reads as its own sentence", "[core][result]") {
    CHECK(error(errc::not_finite, "w", "nan kg", "0-500 kg").message() ==
          "w: nan kg is not a finite number; the valid range is 0-500 kg");
    CHECK(error(errc::unknown_unit, "anc", "furlongs", "x10^9/L, /uL").message() ==
          "anc: unknown unit 'furlongs'; expected one of x10^9/L, /uL");
    CHECK(error(errc::wrong_dimension, "anc", "mg/dL", "x10^9/L").message() ==
          "anc: unit 'mg/dL' does not measure this field; expected one of x10^9/L");
    CHECK(error(errc::syntax, "day", "Dx", "D-7").message() == "day: cannot read 'Dx'; expected D-7");
    CHECK(error(errc::inconsistent, "t", "2024-01-01", "after Day 0").message() ==
          "t: 2024-01-01 is inconsistent: after Day 0");
    CHECK(error(errc::not_allowed, "loinc", "1-1", "a mapped code").message() ==
          "loinc: 1-1 is not allowed: a mapped code");
    CHECK(error(errc::missing, "dates", "", "one date").message() ==
          "dates: missing value; expected one date");
}

TEST_CASE("a syntax error can say where the text stopped making sense", "[core][result]") {
    const error plain(errc::syntax, "day", "Dx", "D-7");
    CHECK_FALSE(plain.position().has_value());
    const error at = error(errc::syntax, "hla_name", "A*1:01", "a field of 2-4 digits").at_position(2);
    REQUIRE(at.position().has_value());
    CHECK(*at.position() == 2);
    CHECK(at.message() == "hla_name: cannot read 'A*1:01' at offset 2; expected a field of 2-4 digits");
    CHECK_FALSE(at == plain);
    CHECK(at == error(errc::syntax, "hla_name", "A*1:01", "a field of 2-4 digits").at_position(2));
    CHECK_FALSE(at == error(errc::syntax, "hla_name", "A*1:01", "a field of 2-4 digits").at_position(3));
}

TEST_CASE("result holds a value or an error", "[core][result]") {
    STATIC_REQUIRE(std::is_same_v<result<int>::value_type, int>);
    STATIC_REQUIRE(std::is_same_v<result<int>::error_type, error>);
    const result<int> ok = half(8);
    REQUIRE(ok.has_value());
    REQUIRE(static_cast<bool>(ok));
    CHECK(ok.value() == 4);
    CHECK(*ok == 4);
    const result<int> bad = half(7);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == errc::inconsistent);
    CHECK(bad.error().value() == "7");
    CHECK(bad.value_or(-1) == -1);
    CHECK(ok.value_or(-1) == 4);
}

TEST_CASE("and_then chains fallible steps and stops at the first error", "[core][result]") {
    const auto r = half(16).and_then(half).and_then(half);
    REQUIRE(r.has_value());
    CHECK(*r == 2);
    const auto stopped = half(12).and_then(half).and_then(half);  // 12 -> 6 -> 3 -> error
    REQUIRE_FALSE(stopped.has_value());
    CHECK(stopped.error().value() == "3");
}

TEST_CASE("transform maps a value and passes an error through", "[core][result]") {
    const auto s = half(10).transform([](int v) { return std::to_string(v) + "!"; });
    STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(s)>, result<std::string>>);
    CHECK(*s == "5!");
    const auto e = half(3).transform([](int v) { return v * 100; });
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().field() == "x");
}

TEST_CASE("or_else and transform_error act only on errors", "[core][result]") {
    const auto recovered = half(3).or_else([](const error&) { return result<int>(0); });
    CHECK(*recovered == 0);
    const auto untouched = half(4).or_else([](const error&) { return result<int>(0); });
    CHECK(*untouched == 2);
    const auto renamed = half(3).transform_error(
        [](const error& e) { return hsct::with_field(e, "patient.count"); });
    CHECK(renamed.error().field() == "patient.count");
    CHECK(renamed.error().value() == "3");
    CHECK(half(4).transform_error([](const error& e) { return e; }).value() == 2);
}

TEST_CASE("results compare by content", "[core][result]") {
    CHECK(half(4) == half(4));
    CHECK_FALSE(half(4) == half(6));
    CHECK(half(3) == half(3));
    CHECK_FALSE(half(3) == half(4));
}

TEST_CASE("a result's value can be moved out", "[core][result]") {
    result<std::string> r = std::string("payload");
    std::string taken = std::move(r).value();
    CHECK(taken == "payload");
    result<std::string> e = error(errc::missing, "f", "", "x");
    const error moved = std::move(e).error();
    CHECK(moved.field() == "f");
}

TEST_CASE("a result prints its value, or its error's message", "[core][result][io]") {
    std::ostringstream v;
    v << hsct::result<hsct::mass>(hsct::mass(72.5, hsct::units::kg));
    CHECK(v.str() == "72.5 kg");
    struct opaque {};
    std::ostringstream o;
    o << hsct::result<opaque>(opaque{});
    CHECK(o.str() == "(a value)");
    const hsct::result<hsct::mass> bad =
        hsct::error(hsct::errc::out_of_range, "weight", "900 kg", "0.3-700 kg", "CORE-UNIT-001");
    std::ostringstream e;
    e << bad;
    CHECK(e.str() == "error: " + bad.error().message());
}

}  // namespace hsct_test_core_result_test
