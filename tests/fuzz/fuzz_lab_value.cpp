// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the lab-value and quantity readers.
//
// Input: "<value text>\n<unit text>" (split at the first newline; without one, the whole
// input is the value text and the unit is empty). Every analyte reads the pair with
// from_lab<A>(value_text, unit_text); the whole input is also read with parse<mass> and
// parse<total_dose>. Invariants, checked with __builtin_trap:
//  - an accepted value is finite and inside the type's default_range;
//  - to_string of an accepted value reads back (parse<Q>) to exactly the same value;
//  - a refused value carries an error with a non-empty message.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/hsct.hpp>

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
    return 0;
}
