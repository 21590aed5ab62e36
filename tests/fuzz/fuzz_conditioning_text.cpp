// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the conditioning module's text readers: parse_busulfan_auc
// (COND-BU-001) and parse_regimen_text (COND-REG-003). Invariants, checked with __builtin_trap:
//  - a regimen text that reads gives a regimen, and to_text of it reads back to the same agents,
//    days and doses (to 1e-9 relative), TBI dose rates included;
//  - an AUC that reads is finite, above 0 and at most the bound, and to_string reads back to
//    the same value (to the printed precision);
//  - a refusal is errc::syntax, errc::unknown_unit, errc::out_of_range or errc::not_finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include <hsct/conditioning/busulfan.hpp>
#include <hsct/conditioning/regimen_text.hpp>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_conditioning_text: %s: '%.*s'\n", what,
                 static_cast<int>(text.size()), text.data());
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    namespace c = hsct::conditioning;
    if (const auto t = c::parse_regimen_text(text)) {
        const auto r = t->get();
        if (!r) {
            fail("a regimen text that reads gives no regimen", text);
        }
        const auto back = c::parse_regimen_text(c::to_text(*r));
        if (!back || back->components().size() != r->components().size()) {
            fail("to_text of a regimen does not read back", text);
        }
        for (std::size_t i = 0; i < r->components().size(); ++i) {
            const auto& x = r->components()[i];
            const auto& y = back->components()[i];
            if (x.per_day.which() != y.per_day.which() || x.days.size() != y.days.size() ||
                std::abs(x.per_day.value() - y.per_day.value()) > 1e-9 * x.per_day.value() + 1e-300 ||
                x.per_day.dose_rate().has_value() != y.per_day.dose_rate().has_value()) {
                fail("to_text of a regimen reads back different", text);
            }
        }
    }
    const auto a = c::parse_busulfan_auc(text);
    if (!a) {
        const auto code = a.error().code();
        if (code != hsct::errc::syntax && code != hsct::errc::unknown_unit &&
            code != hsct::errc::out_of_range && code != hsct::errc::not_finite) {
            fail("an unexpected error code", text);
        }
        return 0;
    }
    const double v = a->in(c::auc_unit::umol_min_per_l);
    if (!std::isfinite(v) || !(v > 0.0) || v > c::busulfan_auc::max_umol_min_per_l) {
        fail("an AUC out of its range", text);
    }
    const auto back = c::parse_busulfan_auc(c::to_string(*a));
    if (!back || std::abs(back->in(c::auc_unit::umol_min_per_l) - v) > 1e-6 * v) {
        fail("to_string does not read back", text);
    }
    return 0;
}
