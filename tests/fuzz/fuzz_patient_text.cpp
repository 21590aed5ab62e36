// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the patient module's text readers: height, weight, sex, age, the
// performance-status scores and KPS ranges, and the enum exchange ids. The whole input goes
// to each reader. Invariants, checked with __builtin_trap:
//  - whatever parses prints (to_string / id) as text that parses back to an equal value;
//  - a parsed height or weight lies inside its PAT-BODY range, and feeds the BSA and Devine
//    formulas without a contract violation;
//  - no reader aborts (a contract violation would be a crash the fuzzer reports), nor the
//    rules fed what they read (BSA, Devine, KPS<->ECOG, the performance-scale age rule).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <hsct/hsct.hpp>

namespace {

namespace p = hsct::patient;

[[noreturn]] void fail(const char* what, const std::string& text) {
    std::fprintf(stderr, "fuzz_patient_text: %s: '%s'\n", what, text.c_str());
    __builtin_trap();
}

template <class T, class Print, class Parse>
void round_trip(const char* what, const T& v, Print print, Parse parse) {
    const std::string text(print(v));
    const auto back = parse(text);
    if (!back) {
        fail(what, text + " does not parse back: " + back.error().message());
    }
    if (!(*back == v)) {
        fail(what, text + " parses back to another value");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    if (const auto h = p::parse_height(input)) {
        if (!p::height_range.contains(h->as_length())) {
            fail("height outside its range", std::string(input));
        }
        round_trip("height", *h, [](const p::height& x) { return p::to_string(x); },
                   [](std::string_view t) { return p::parse_height(t); });
        // every checked height can reach the formulas without a contract (no abort)
        (void)p::bsa_boyd(*h, p::body_weight::make(0.3, hsct::units::kg).value());
        (void)p::devine_ibw(*h, hsct::sex::female);
    }
    if (const auto w = p::parse_weight(input)) {
        if (!p::weight_range.contains(w->as_mass())) {
            fail("weight outside its range", std::string(input));
        }
        round_trip("weight", *w, [](const p::body_weight& x) { return p::to_string(x); },
                   [](std::string_view t) { return p::parse_weight(t); });
        (void)p::bsa_mosteller(p::height::make(20.0, hsct::units::cm).value(), *w);
    }
    if (const auto s = hsct::parse_sex(input)) {
        round_trip("sex", *s, [](hsct::sex x) { return std::string(p::to_string(x)); },
                   [](std::string_view t) { return hsct::parse_sex(t); });
    }
    if (const auto a = hsct::parse_age(input)) {
        const auto text = p::to_string(*a);
        const auto back = hsct::parse_age(text);
        if (!back || back->completed_months() != a->completed_months()) {
            fail("age", text);
        }
        // the age rule answers every age under every rule and resolution, and never aborts
        for (const auto rule : hsct::values<p::performance_scale_policy>()) {
            for (const auto res : hsct::values<hsct::age_resolution>()) {
                const auto c = p::assess_performance_scale(*a, {rule, res});
                if (!c) {
                    fail("assess_performance_scale refused a valid age", text);
                }
                (void)p::validated_performance_status::make(
                    p::performance_status{p::lansky_score::of<60>()}, *a, {rule, res});
            }
        }
    }
    if (const auto k = p::parse_karnofsky(input)) {
        round_trip("kps", *k, [](const p::karnofsky_score& x) { return p::to_string(x); },
                   [](std::string_view t) { return p::parse_karnofsky(t); });
        // every mapping converts it (or, for KPS 0 where its table has no row, says so as a
        // value), no abort; the band it names contains it
        for (const auto m : hsct::values<p::kps_ecog_mapping>()) {
            const auto e = p::to_ecog(*k, m);
            if (!e) {
                fail("to_ecog refused a KPS under a declared mapping", std::string(input));
            } else if (e->converted() != (e->ecog.has_value() && e->band.has_value())) {
                fail("to_ecog status contradicts its grade", std::string(input));
            } else if (e->band && !e->band->contains(*k)) {
                fail("to_ecog band does not contain the KPS", std::string(input));
            } else if (!e->converted() && k->value() != 0) {
                fail("to_ecog left a KPS above 0 unconverted", std::string(input));
            }
        }
    }
    if (const auto l = p::parse_lansky(input)) {
        round_trip("lansky", *l, [](const p::lansky_score& x) { return p::to_string(x); },
                   [](std::string_view t) { return p::parse_lansky(t); });
    }
    if (const auto e = p::parse_ecog(input)) {
        round_trip("ecog", *e, [](const p::ecog_score& x) { return p::to_string(x); },
                   [](std::string_view t) { return p::parse_ecog(t); });
        for (const auto m : hsct::values<p::kps_ecog_mapping>()) {
            (void)p::to_kps_range(*e, m);
        }
    }
    if (const auto r = p::parse_kps_range(input)) {
        round_trip("kps_range", *r, [](const p::kps_range& x) { return p::to_string(x); },
                   [](std::string_view t) { return p::parse_kps_range(t); });
    }
    if (const auto d = p::parse_enum<hsct::disease_status>(input, "status")) {
        round_trip("disease_status", *d, [](hsct::disease_status x) { return std::string(p::id(x)); },
                   [](std::string_view t) { return p::parse_enum<hsct::disease_status>(t, "status"); });
    }
    if (const auto d = p::parse_enum<hsct::donor_type>(input, "donor")) {
        round_trip("donor_type", *d, [](hsct::donor_type x) { return std::string(p::id(x)); },
                   [](std::string_view t) { return p::parse_enum<hsct::donor_type>(t, "donor"); });
    }
    if (const auto f = p::parse_enum<p::bsa_formula>(input, "formula")) {
        round_trip("bsa_formula", *f, [](p::bsa_formula x) { return std::string(p::id(x)); },
                   [](std::string_view t) { return p::parse_enum<p::bsa_formula>(t, "formula"); });
    }
    return 0;
}
