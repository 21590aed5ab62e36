// The harness of the random-input tests (tests/core/core_test.cpp, tests/patient/patient_test.cpp):
// a contract handler that records, a log of problems, checks that an error is well formed, and
// generators of adversarial doubles, integers, texts, enum codes and dates.
#ifndef HSCT_TESTS_SUPPORT_RANDOM_INPUT_HPP
#define HSCT_TESTS_SUPPORT_RANDOM_INPUT_HPP

#include <hsct/core/config.hpp>
#include <hsct/core/date.hpp>
#include <hsct/core/detail/text.hpp>
#include <hsct/core/enum.hpp>
#include <hsct/core/result.hpp>

#include <array>
#include <bit>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "support/catch.hpp"

namespace hsct_test::random_input {

using std::chrono::sys_days;


// ---------------------------------------------------------------------------------------------
// The harness: a recording contract handler, a log of problems, random inputs.

inline std::string g_contract;  // the last contract reached, in words
#ifndef HSCT_TEST_NO_EXCEPTIONS
struct contract_hit {};
#endif

inline void recording_handler(const hsct::contract_violation& v) {
    g_contract = hsct::detail::concat(
        {v.message, " [", v.condition, "] at ", v.file, ":", std::to_string(v.line)});
#ifndef HSCT_TEST_NO_EXCEPTIONS
    throw contract_hit{};
#endif
}

/// Installs the recording handler for one test case.
struct handler_guard {
    hsct::contract_handler previous = hsct::set_contract_handler(&recording_handler);
    handler_guard() = default;
    handler_guard(const handler_guard&) = delete;
    handler_guard& operator=(const handler_guard&) = delete;
    ~handler_guard() { hsct::set_contract_handler(previous); }
};

inline std::string show(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g (%a)", v, v);
    return buf;
}
inline std::string show(std::int64_t v) { return std::to_string(v); }
inline std::string show(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size() && i < 80; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
            out += static_cast<char>(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    out += "\"";
    if (s.size() > 80) {
        out += " (" + std::to_string(s.size()) + " bytes)";
    }
    return out;
}

/// What went wrong, kept short: the first problems in words, and the number of calls made.
struct fuzz_log {
    std::vector<std::string> problems;
    std::size_t problem_count = 0;
    std::size_t calls = 0;

    void problem(std::string_view entry, const std::string& input, std::string_view what) {
        ++problem_count;
        if (problems.size() < 12) {
            problems.push_back(hsct::detail::concat({entry, "(", input, "): ", what}));
        }
    }
};

/// Runs one call. A contract reached is a problem (exceptions builds: caught here and named;
/// -fno-exceptions builds: the handler returns and the program aborts, which fails the run).
template <class F, class D>
inline void run(fuzz_log& log, std::string_view entry, D&& describe, F&& f) {
    ++log.calls;
#ifndef HSCT_TEST_NO_EXCEPTIONS
    try {
        f();
    } catch (const contract_hit&) {
        log.problem(entry, describe(), hsct::detail::concat({"contract reached: ", g_contract}));
    }
#else
    static_cast<void>(entry);
    static_cast<void>(describe);
    f();
#endif
}

/// A result is a value, or an error that names a field, whose message starts with the field and
/// whose code is declared. Returns whether it holds a value.
template <class T, class D>
inline bool well_formed(fuzz_log& log, std::string_view entry, const hsct::result<T>& r, D&& describe) {
    if (r.has_value()) {
        return true;
    }
    const hsct::error& e = r.error();
    if (e.field().empty()) {
        log.problem(entry, describe(), "error with an empty field: " + e.message());
    } else if (e.message().rfind(e.field(), 0) != 0) {
        log.problem(entry, describe(), "message does not start with the field: " + e.message());
    }
    if (!hsct::is_valid(e.code())) {
        log.problem(entry, describe(), "undeclared errc in: " + e.message());
    }
    return false;
}

inline void report(const fuzz_log& log) {
    std::string all;
    for (const auto& p : log.problems) {
        all += p;
        all += "\n";
    }
    INFO("calls made: " << log.calls << "; problems: " << log.problem_count << "\n" << all);
    CHECK(log.problem_count == 0);
}

using rng_t = std::mt19937_64;

inline std::uint64_t below(rng_t& g, std::uint64_t n) { return g() % n; }

/// Doubles that break code: NaN, infinities, signed zeros, denormals, extremes.
constexpr std::array<double, 22> special_doubles{
    std::numeric_limits<double>::quiet_NaN(), -std::numeric_limits<double>::quiet_NaN(),
    std::numeric_limits<double>::signaling_NaN(), std::numeric_limits<double>::infinity(),
    -std::numeric_limits<double>::infinity(), 0.0, -0.0,
    std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::denorm_min(),
    std::numeric_limits<double>::min(), -std::numeric_limits<double>::min(),
    std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
    std::numeric_limits<double>::epsilon(), 1.0, -1.0, 1e308, -1e308, 1e-308, 4.9e-324,
    9007199254740993.0, -2147483648.0};

/// A random double: a special value, a value at or next to one of `bounds`, a random bit
/// pattern, a random magnitude with a random sign, or a small number.
inline double random_double(rng_t& g, std::span<const double> bounds = {}) {
    switch (below(g, 6)) {
        case 0: return special_doubles[below(g, special_doubles.size())];
        case 1:
            if (!bounds.empty()) {
                const double b = bounds[below(g, bounds.size())];
                switch (below(g, 6)) {
                    case 0: return b;
                    case 1: return std::nextafter(b, std::numeric_limits<double>::infinity());
                    case 2: return std::nextafter(b, -std::numeric_limits<double>::infinity());
                    case 3: return b * (1.0 + 1e-9);
                    case 4: return b * (1.0 - 1e-9);
                    default: return -b;
                }
            }
            return std::bit_cast<double>(g());
        case 2: return std::bit_cast<double>(g());
        case 3: {
            const double mag = std::pow(10.0, static_cast<double>(static_cast<int>(below(g, 640)) - 320));
            return (g() & 1U) != 0 ? -mag : mag;
        }
        case 4: return static_cast<double>(static_cast<int>(below(g, 2001)) - 1000) / 8.0;
        default: return std::uniform_real_distribution<double>(-1000.0, 1000.0)(g);
    }
}

constexpr std::array<std::int64_t, 22> special_ints{
    0, 1, -1, 2, 7, 10, 12, 100, 127, 128, 255, 256, -255, -256, 65535, 65536,
    INT_MIN, INT_MAX, static_cast<std::int64_t>(INT_MIN) - 1,
    static_cast<std::int64_t>(INT_MAX) + 1, std::numeric_limits<std::int64_t>::min(),
    std::numeric_limits<std::int64_t>::max()};

inline std::int64_t random_int(rng_t& g, std::span<const std::int64_t> bounds = {}) {
    switch (below(g, 5)) {
        case 0: return special_ints[below(g, special_ints.size())];
        case 1:
            if (!bounds.empty()) {
                const std::int64_t b = bounds[below(g, bounds.size())];
                const std::int64_t d = static_cast<std::int64_t>(below(g, 3)) - 1;
                if ((d > 0 && b == std::numeric_limits<std::int64_t>::max()) ||
                    (d < 0 && b == std::numeric_limits<std::int64_t>::min())) {
                    return b;
                }
                return b + d;
            }
            return static_cast<std::int64_t>(g());
        case 2: return static_cast<std::int64_t>(g());
        case 3: return static_cast<std::int64_t>(below(g, 601)) - 300;
        default: return static_cast<std::int64_t>(static_cast<std::int32_t>(g()));
    }
}

/// Text hsct's readers meet: numbers with every separator, units, fragments of valid forms.
constexpr std::string_view text_pieces[] = {
    "0", "1", "12", "250", "1,250", "1.250,5", "1 250", "1'250", "1\xE2\x80\x89" "250",
    "1\xC2\xA0" "250", "1e400", "1e-400", "-0", "+", "-", ".", ",", "e", "E+", "nan", "inf",
    "0x1p3", "  ", "\t", "\n", "kg", "lb", "oz", "ft", "in", "'", "\"", "\xE2\x80\xB2",
    "\xE2\x80\xB3", "mg/dL", "umol/L", "10*9/L", "/uL", "x10^9/L", "\xC2\xB5mol/L", "%", "m2",
    "cm", "D", "D+", "D-", "d", "days", "HCT1", ";", "2024-03-10", "1900-01-01", "2199-12-31",
    "y", "mo", "female", "M", "KPS", "Karnofsky", "Lansky", "ECOG", "Zubrod", "80", "100",
    "5 ft 7 in", "150 lb 8 oz", "1.65 m", "99999999999999999999", "\xFF\xFE", "\xC3"};

/// A random text: random bytes, pieces joined, a mutation of `seed_text`, empty, or very long.
inline std::string random_text(rng_t& g, std::string_view seed_text = {}) {
    std::string s;
    switch (below(g, 7)) {
        case 0: {  // random bytes
            const auto n = below(g, 24);
            for (std::uint64_t i = 0; i < n; ++i) {
                s += static_cast<char>(static_cast<unsigned char>(g()));
            }
            return s;
        }
        case 1:
        case 2: {  // pieces
            const auto n = 1 + below(g, 5);
            for (std::uint64_t i = 0; i < n; ++i) {
                s += text_pieces[below(g, std::size(text_pieces))];
                if ((g() & 3U) == 0) {
                    s += ' ';
                }
            }
            return s;
        }
        case 3:
        case 4: {  // a mutation of a valid text
            s = std::string(seed_text);
            const auto edits = 1 + below(g, 3);
            for (std::uint64_t i = 0; i < edits; ++i) {
                const std::size_t at = s.empty() ? 0 : static_cast<std::size_t>(below(g, s.size() + 1));
                switch (below(g, 4)) {
                    case 0:
                        s.insert(at, 1, static_cast<char>(static_cast<unsigned char>(g())));
                        break;
                    case 1:
                        if (at < s.size()) {
                            s.erase(at, 1);
                        }
                        break;
                    case 2:
                        if (at < s.size()) {
                            s[at] = "0123456789+-.,e '"[below(g, 17)];
                        }
                        break;
                    default: s.insert(at, text_pieces[below(g, std::size(text_pieces))]); break;
                }
            }
            return s;
        }
        case 5: return s;  // empty
        default: {         // very long
            const auto n = 100 + below(g, 4000);
            const char fill = "9 0.,a\xC2"[below(g, 7)];
            s.assign(static_cast<std::size_t>(n), fill);
            if ((g() & 1U) != 0) {
                s += " kg";
            }
            return s;
        }
    }
}

/// Every enumerator code 0-255 cast to E.
template <class E>
E enum_code(unsigned code) {
    return static_cast<E>(static_cast<std::underlying_type_t<E>>(code));
}

template <class E>
E random_enum(rng_t& g) {
    // Mostly declared values, so deeper paths run; sometimes any byte.
    if ((g() & 3U) == 0) {
        return enum_code<E>(static_cast<unsigned>(below(g, 256)));
    }
    const auto v = hsct::values<E>();
    return v[below(g, v.size())];
}

inline sys_days random_date(rng_t& g) {
    using std::chrono::days;
    switch (below(g, 5)) {
        case 0: return sys_days{days{random_int(g, std::array<std::int64_t, 4>{-25567, 84005, 0, -719468})}};
        case 1: return hsct::min_date + days{static_cast<std::int64_t>(below(g, 40))};
        case 2: return hsct::max_date - days{static_cast<std::int64_t>(below(g, 40))};
        default:
            return sys_days{days{static_cast<std::int64_t>(below(g, 109573)) - 25567}};
    }
}

template <class... T, class F>
inline void for_each_type(std::tuple<T...>* /*types*/, F&& f) {
    (f(static_cast<T*>(nullptr)), ...);
}

}  // namespace hsct_test::random_input

#endif  // HSCT_TESTS_SUPPORT_RANDOM_INPUT_HPP
