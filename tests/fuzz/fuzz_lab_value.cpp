// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the lab-value and quantity readers.
//
// Input: "<value text>\n<unit text>" (split at the first newline; without one, the whole
// input is the value text and the unit is empty). Every analyte reads the pair with
// from_lab<A>(value_text, unit_text); the whole input is also read with parse<mass>,
// parse<length> (feet and inches) and parse<total_dose>. The value text is also read with
// read_number under every number convention (CORE-TEXT-001), and the pair with from_lab and
// parse under each. Invariants, checked with __builtin_trap:
//  - an accepted value is finite and inside the type's default_range;
//  - to_string of an accepted value reads back (parse<Q>) to exactly the same value;
//  - a refused value carries an error with a non-empty message;
//  - read_number: a convention whose decimal mark is its thousands separator is refused as
//    inconsistent; what a convention accepts, the same text with its separators removed and
//    its decimal mark written '.' reads to the same value under the default convention; the
//    default convention never accepts ',' or a blank/apostrophe separator; from_lab refuses
//    every number read_number refuses;
//  - format_fixed and a fixed-precision stream never print a negative zero.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iomanip>
#include <sstream>
#include <string>
#include <string_view>

#include <hsct/hsct.hpp>
#include <hsct/io.hpp>

namespace {

[[noreturn]] void fail(const char* what, std::string_view type, const std::string& detail) {
    std::fprintf(stderr, "fuzz_lab_value: %s for %.*s: %s\n", what,
                 static_cast<int>(type.size()), type.data(), detail.c_str());
    __builtin_trap();
}

/// The invariants every accepted value of Q must satisfy.
template <hsct::quantity Q>
void check_accepted(const Q& q) {
    const std::string_view name = hsct::detail::quantity_traits<Q>::name;
    const double v = q.in(hsct::canonical_unit_t<Q>{});
    if (!std::isfinite(v)) {
        fail("accepted a non-finite value", name, hsct::to_string(q));
    }
    if (!hsct::default_range<Q>().contains(q)) {
        fail("accepted a value outside default_range", name,
             hsct::to_string(q) + " not in " + hsct::to_string(hsct::default_range<Q>()));
    }
    const std::string text = hsct::to_string(q);
    const auto back = hsct::parse<Q>(text);
    if (!back) {
        fail("to_string does not parse back", name, "'" + text + "': " + back.error().message());
    }
    if (!(*back == q)) {
        fail("to_string parses back to a different value", name,
             "'" + text + "' -> '" + hsct::to_string(*back) + "'");
    }
}

template <hsct::quantity Q>
void check(const hsct::result<Q>& r) {
    if (r) {
        check_accepted(*r);
    } else if (r.error().message().empty()) {
        fail("refused with an empty message", hsct::detail::quantity_traits<Q>::name, "");
    }
}

template <hsct::analyte A>
void check_lab(std::string_view value_text, std::string_view unit_text) {
    check(hsct::from_lab<A>(value_text, unit_text));
}

/// True for text like "-0", "-0.00", "-0.0 kg": a printed negative zero.
bool negative_zero(std::string_view s) {
    if (s.empty() || s[0] != '-') {
        return false;
    }
    for (std::size_t i = 1; i < s.size() && s[i] != ' ' && s[i] != 'e'; ++i) {
        if (s[i] != '0' && s[i] != '.') {
            return false;
        }
    }
    return s.size() > 1;
}

/// The text with `c`'s thousands separators removed and its decimal mark written '.'.
std::string normalised(std::string_view text, const hsct::number_convention& c) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t sep = hsct::detail::group_separator_at(text.substr(i), c.grouping);
        if (sep > 0) {
            i += sep;
            continue;
        }
        const char ch = text[i++];
        out += (ch == ',' && c.decimal == hsct::decimal_mark::comma) ? '.' : ch;
    }
    return out;
}

void check_conventions(std::string_view value_text, std::string_view unit_text,
                       const std::string& joined) {
    for (const auto decimal : hsct::values<hsct::decimal_mark>()) {
        for (const auto grouping : hsct::values<hsct::group_separator>()) {
            const hsct::number_convention c{decimal, grouping};
            const auto r = hsct::read_number(value_text, c);
            const bool clash = (decimal == hsct::decimal_mark::comma &&
                                grouping == hsct::group_separator::comma) ||
                               (decimal == hsct::decimal_mark::point &&
                                grouping == hsct::group_separator::period);
            if (clash) {
                if (r || r.error().code() != hsct::errc::inconsistent) {
                    fail("a clashing convention was not refused as inconsistent", "read_number",
                         std::string(value_text));
                }
                continue;
            }
            if (r) {
                if (!std::isfinite(*r)) {
                    fail("accepted a non-finite number", "read_number", std::string(value_text));
                }
                const auto plain = hsct::read_number(normalised(value_text, c));
                if (!plain || !(*plain == *r)) {
                    fail("the normalised text reads differently", "read_number",
                         std::string(value_text));
                }
                if (negative_zero(hsct::format_fixed(*r, 1)) ||
                    negative_zero(hsct::format_fixed(*r, 0))) {
                    fail("format_fixed printed a negative zero", "read_number",
                         hsct::format_fixed(*r, 1));
                }
            } else if (r.error().message().empty()) {
                fail("refused with an empty message", "read_number", std::string(value_text));
            }
            const auto lab = hsct::from_lab<hsct::anc>(value_text, unit_text, c);
            if (!r && lab) {
                fail("from_lab accepted a number read_number refuses", "anc",
                     std::string(value_text));
            }
            check(lab);
            check(hsct::from_lab<hsct::bilirubin>(value_text, unit_text, c));
            check(hsct::parse<hsct::mass>(joined, c));
            check(hsct::parse<hsct::length>(joined, c));
            check(hsct::parse<hsct::cell_concentration>(joined, c));
        }
    }
    const auto plain = hsct::read_number(value_text);
    if (plain) {
        const std::string_view t = hsct::detail::trim(value_text);
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == ',' || hsct::detail::any_blank_separator_at(t.substr(i)) > 0) {
                fail("the default convention accepted a separator", "read_number",
                     std::string(value_text));
            }
        }
        std::ostringstream os;
        os << std::fixed << std::setprecision(1) << hsct::mass(*plain, hsct::units::kg);
        if (negative_zero(os.str())) {
            fail("a fixed-precision stream printed a negative zero", "mass", os.str());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t nl = input.find('\n');
    const std::string_view value_text = input.substr(0, nl);
    const std::string_view unit_text =
        nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);

    check_lab<hsct::bilirubin>(value_text, unit_text);
    check_lab<hsct::creatinine>(value_text, unit_text);
    check_lab<hsct::albumin>(value_text, unit_text);
    check_lab<hsct::haemoglobin>(value_text, unit_text);
    check_lab<hsct::ldh>(value_text, unit_text);
    check_lab<hsct::anc>(value_text, unit_text);
    check_lab<hsct::wbc>(value_text, unit_text);
    check_lab<hsct::platelets>(value_text, unit_text);
    check_lab<hsct::lymphocytes>(value_text, unit_text);

    // "72.5 kg" style: the whole input, and "<value> <unit>" rebuilt from the two parts.
    check(hsct::parse<hsct::mass>(input));
    check(hsct::parse<hsct::total_dose>(input));
    std::string joined(value_text);
    joined += ' ';
    joined += unit_text;
    check(hsct::parse<hsct::mass>(joined));
    check(hsct::parse<hsct::dose_per_area>(joined));
    check(hsct::parse<hsct::cell_dose>(joined));
    check(hsct::parse<hsct::length>(input));
    check_conventions(value_text, unit_text, joined);
    return 0;
}
