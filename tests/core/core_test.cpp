// Random and adversarial input to every public entry point of the core module (the umbrella
// <hsct/core/core.hpp>, plus <hsct/core/lab_with_uln.hpp>): no input aborts (issue 7 item 4).
// Every call must return: a value, or an hsct::error that names a field and says why. A contract
// handler records any contract the calls reach; in builds with exceptions it throws a test-local
// exception that each call catches, so the test names the entry point and the input.
//
// Entry points covered (random and adversarial cases, fixed seed):
//   enum.hpp / detail/enum_table.hpp, for every core enum (errc, dimension, decimal_mark,
//     group_separator, analyte_id, disease, cytogenetic_risk, mds_cytogenetic_risk,
//     disease_status, conditioning_intensity, donor_type, sex, age_resolution, outcome,
//     comparator, count_unit): make_enum (every number 0-255 and extreme int64), parse_enum
//     (random text, every id), label, to_string, id, is_valid (every code 0-255)
//   result.hpp: error (every errc code 0-255, random text), error::message, with_field,
//     error::with_requirement
//   number_format.hpp: read_number (random text x conventions incl. undeclared enum codes),
//     format_fixed (random doubles x decimals incl. INT_MIN/INT_MAX)
//   units.hpp, for all 16 quantities and 11 analytes: make_checked (unit tag and run-time
//     unit_info of every spelling, random ranges), check_range, parse (default range; range,
//     field and convention), find_unit (dimension and predicate), find_unit_for, to_string
//     (canonical and in a unit), display (canonical and in a unit with any decimals),
//     quantity::in(unit_info) (units of the quantity's dimensions only: a contract)
//   analyte.hpp / analyte_dispatch.hpp: from_lab<A>(double, unit), from_lab<A>(text, unit,
//     convention), from_lab(analyte_id, ...), from_lab(loinc, ...), analyte_for_loinc,
//     make_analyte_id, info_of (declared ids only: a contract)
//   lab_with_uln.hpp: lab_with_uln<A>::make, lab_with_uln<A>::from_multiple (all 11 analytes)
//   score.hpp: bounded_score::make, accepts, checked_add, to_string (three tags)
//   clinical.hpp: diagnosis::of (every code 0-255), diagnosis::aml / ::mds (every code),
//     to_string(diagnosis), is_cml_phase
//   transplant_day.hpp: transplant_day::make, checked_add, parse_transplant_day, to_string,
//     parse_days, to_string(days)
//   date.hpp: check_date, parse_date, to_string(sys_days)
//   timeline.hpp: timeline::single,
//     from_infusions, with_infusion, with_subsequent_hct, day_of, locate, date_of,
//     infusion_days, parse_timeline, to_string(timeline)
//   demographics.hpp: parse_sex, age::make (dates; years and months), parse_age,
//     to_string(age), age::years (declared resolutions only: a contract)
//   explain.hpp: satisfies (every comparator code), measure::count / flag / of / code /
//     missing, enum_ref::of / text / as, enum_set, evidence::record / value / flag / code /
//     missing / not_applicable / find / iteration (declared criteria only: a contract)
//   config.hpp: set_contract_handler
// Not covered: format.hpp's std::formatter (GCC 12 and Clang 14 with libstdc++ 12 have no
// <format>; its spec reader is detail).
//
// Properties checked beyond "returns": every error names a field, its message starts with the
// field, its code is a declared errc; a value that is accepted and printed with to_string parses
// back to the same value (quantities, transplant days, durations, dates, timelines, ages, enum
// ids).
#include <hsct/core/core.hpp>
#include <hsct/core/analyte_dispatch.hpp>  // opt-in: not in the umbrella
#include <hsct/core/lab_with_uln.hpp>

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
#include <vector>

#include "support/catch.hpp"
#include "support/random_input.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_core_core_test {

namespace {

using std::chrono::sys_days;
// The harness (handler, log, generators) is shared with the patient test.
using namespace hsct_test::random_input;

constexpr std::uint64_t seed = 0x4853'4354'2026'0704ULL;  // fixed: failures reproduce
/// Random cases per entry point (adversarial cases come on top).
constexpr int cases = 2000;
/// Per entry point and quantity type (27 types): keeps a Debug ASan run under 2 s per test.
constexpr int quantity_cases = 300;
using core_enums = std::tuple<hsct::errc, hsct::dimension, hsct::decimal_mark,
                              hsct::group_separator, hsct::analyte_id, hsct::disease,
                              hsct::cytogenetic_risk, hsct::mds_cytogenetic_risk,
                              hsct::disease_status, hsct::conditioning_intensity,
                              hsct::donor_type, hsct::sex, hsct::age_resolution, hsct::outcome,
                              hsct::comparator, hsct::count_unit>;

using plain_quantities =
    std::tuple<hsct::mass, hsct::length, hsct::area, hsct::volume, hsct::mass_concentration,
               hsct::molar_concentration, hsct::catalytic_concentration,
               hsct::cell_concentration, hsct::cell_count, hsct::cell_dose, hsct::dose_per_area,
               hsct::dose_per_mass, hsct::total_dose, hsct::radiation_dose, hsct::percent,
               hsct::body_mass_index, hsct::radiation_dose_rate>;

using analytes = std::tuple<hsct::bilirubin, hsct::creatinine, hsct::albumin, hsct::haemoglobin,
                            hsct::ldh, hsct::anc, hsct::wbc, hsct::platelets, hsct::lymphocytes,
                            hsct::ast, hsct::alt>;

hsct::number_convention random_convention(rng_t& g) {
    hsct::number_convention c;
    c.decimal = random_enum<hsct::decimal_mark>(g);
    c.grouping = random_enum<hsct::group_separator>(g);
    if ((g() & 1U) != 0) {
        c = hsct::number_convention{};
    }
    return c;
}

// ---------------------------------------------------------------------------------------------
// Quantities: one function per quantity type, instantiated for all 27.

template <class Q>
void fuzz_quantity(rng_t& g, fuzz_log& log) {
    using C = hsct::canonical_unit_t<Q>;
    const auto def = hsct::default_range<Q>();
    const std::array<double, 4> bounds{def.lo.in(C{}), def.hi.in(C{}), 1.0, 100.0};
    const auto& spellings = hsct::detail::unit_spellings;
    const std::size_t n_spellings = std::size(spellings);
    const std::string_view field = hsct::detail::quantity_traits<Q>::name;
    for (int i = 0; i < quantity_cases; ++i) {
        const double v = random_double(g, bounds);
        const auto& sp = spellings[below(g, n_spellings)];
        const auto d = [&] { return show(v) + ", " + show(sp.text); };
        // make_checked with a run-time unit of any dimension, against the default range.
        run(log, "make_checked<Q>(v, unit_info)", d, [&] {
            const auto r = hsct::make_checked<Q>(v, sp.unit, def, field);
            if (well_formed(log, "make_checked<Q>", r, d)) {
                // accepted: prints and parses back exactly (CORE-UNIT round trip)
                const std::string text = hsct::to_string(*r);
                const auto back = hsct::parse<Q>(text, def, field);
                if (!back || !(*back == *r)) {
                    log.problem("parse<Q>(to_string(q))", show(text),
                                back ? "read back a different value: " + hsct::to_string(*back)
                                     : back.error().message());
                }
                static_cast<void>(hsct::display(*r));
                static_cast<void>(hsct::display(*r, C{}, static_cast<int>(random_int(g))));
                static_cast<void>(hsct::to_string(*r, C{}));
                if (hsct::detail::quantity_traits<Q>::accepts_dimension(sp.unit.dim)) {
                    static_cast<void>(r->in(sp.unit));  // the unit is one of Q's: no contract
                }
            }
        });
        // The unit tag overload and a random range (lo above hi, NaN bounds, negative...).
        const double lo = random_double(g, bounds);
        const double hi = random_double(g, bounds);
        const auto d2 = [&] { return show(v) + " in [" + show(lo) + ", " + show(hi) + "]"; };
        run(log, "make_checked<Q>(v, U, range)", d2, [&] {
            const hsct::valid_range<Q> range{Q(lo, C{}), Q(hi, C{})};
            const auto r = hsct::make_checked<Q>(v, C{}, range, field);
            well_formed(log, "make_checked<Q>(range)", r, d2);
            const auto c = hsct::check_range(Q(v, C{}), range, field);
            well_formed(log, "check_range<Q>", c, d2);
            static_cast<void>(hsct::to_string(range));
            static_cast<void>(hsct::to_string(Q(v, C{})));
            static_cast<void>(hsct::display(Q(v, C{})));
        });
        // parse: random text, default and with a range, field and convention.
        const std::string text = random_text(
            g, hsct::detail::concat({hsct::detail::format_number(v), " ", sp.text}));
        const auto conv = random_convention(g);
        const auto d3 = [&] {
            return show(text) + " decimal " + std::to_string(static_cast<unsigned>(conv.decimal)) +
                   " grouping " + std::to_string(static_cast<unsigned>(conv.grouping));
        };
        run(log, "parse<Q>", d3, [&] {
            well_formed(log, "parse<Q>(text)", hsct::parse<Q>(text), d3);
            well_formed(log, "parse<Q>(text, range, field, convention)",
                        hsct::parse<Q>(text, def, field, conv), d3);
            well_formed(log, "find_unit_for<Q>", hsct::find_unit_for<Q>(text, field), d3);
        });
    }
}

}  // namespace

// =============================================================================================

TEST_CASE("core: every enum function takes every number 0-255 and any text",
          "[core][random-input][CORE-CONTRACTS][CORE-ENUM-002]") {
    const handler_guard guard;
    rng_t g(seed);
    fuzz_log log;
    for_each_type(static_cast<core_enums*>(nullptr), [&]<class E>(E*) {
        for (unsigned code = 0; code < 256; ++code) {
            const E e = enum_code<E>(code);
            const auto d = [&] { return std::to_string(code); };
            run(log, "label/id/to_string/is_valid", d, [&] {
                const std::string_view l = hsct::label(e);
                const std::string_view i = hsct::id(e);
                if (l.empty() || i.empty() || hsct::to_string(e) != l) {
                    log.problem("label/id", d(), "empty or inconsistent text");
                }
                if (hsct::is_valid(e)) {
                    const auto back = hsct::parse_enum<E>(i, "enum");
                    if (!back || *back != e) {
                        log.problem("parse_enum(id(e))", show(i), "does not read back");
                    }
                }
            });
            run(log, "make_enum", d, [&] {
                const auto r = hsct::make_enum<E>(static_cast<std::int64_t>(code), "enum");
                if (well_formed(log, "make_enum", r, d) != hsct::is_valid(e)) {
                    log.problem("make_enum", d(), "accepts exactly the declared values: no");
                }
            });
        }
        for (int i = 0; i < cases / 4; ++i) {
            const std::int64_t n = random_int(g, std::array<std::int64_t, 2>{0, 255});
            const std::string text = random_text(g, hsct::id(random_enum<E>(g)));
            const auto d = [&] { return show(n) + ", " + show(text); };
            run(log, "make_enum/parse_enum", d, [&] {
                well_formed(log, "make_enum", hsct::make_enum<E>(n, "enum"), d);
                well_formed(log, "parse_enum", hsct::parse_enum<E>(text, "enum"), d);
            });
        }
    });
    // hsct::error itself: every errc code, any text.
    for (unsigned code = 0; code < 256; ++code) {
        const std::string text = random_text(g);
        const auto d = [&] { return std::to_string(code) + ", " + show(text); };
        run(log, "error::message/with_field", d, [&] {
            const hsct::error e(enum_code<hsct::errc>(code), "field", text, text);
            const std::string m = e.message();
            const hsct::error f = hsct::with_field(e, hsct::field_ref(text, "leaf").at(code));
            static_cast<void>(f.message());
            static_cast<void>(hsct::error(e).with_requirement("REQ-1").message());
            if (m.rfind("field: ", 0) != 0) {
                log.problem("error::message", d(), "does not start with the field");
            }
        });
    }
    report(log);
}

TEST_CASE("core: numbers, quantities and units take any double and any text",
          "[core][random-input][CORE-CONTRACTS][CORE-TEXT-001]") {
    const handler_guard guard;
    rng_t g(seed + 1);
    fuzz_log log;
    for (int i = 0; i < cases; ++i) {
        const double v = random_double(g);
        const std::string text = random_text(g, hsct::detail::format_number(v));
        const auto conv = random_convention(g);
        const auto decimals = static_cast<int>(random_int(g, std::array<std::int64_t, 2>{0, 17}));
        const auto d = [&] {
            return show(text) + " / " + show(v) + " decimals " + std::to_string(decimals) +
                   " convention " + std::to_string(static_cast<unsigned>(conv.decimal)) + "," +
                   std::to_string(static_cast<unsigned>(conv.grouping));
        };
        run(log, "read_number/format_fixed", d, [&] {
            const auto r = hsct::read_number(text, conv, "number");
            if (well_formed(log, "read_number", r, d) && !std::isfinite(*r)) {
                log.problem("read_number", d(), "accepted a value that is not finite");
            }
            well_formed(log, "read_number(default)", hsct::read_number(text), d);
            const std::string f = hsct::format_fixed(v, decimals);
            if (f.empty() || (f.rfind("-0", 0) == 0 && f.find_first_of("123456789") == std::string::npos)) {
                log.problem("format_fixed", d(), "empty or negative zero: " + f);
            }
            // A finite value printed by to_string reads back exactly under the default convention.
            if (std::isfinite(v)) {
                const std::string s = hsct::detail::format_number(v);
                const auto back = hsct::read_number(s);
                if (!back || !(*back == v)) {
                    log.problem("read_number(format_number(v))", show(s),
                                back ? "a different value" : back.error().message());
                }
            }
        });
        const auto dim = random_enum<hsct::dimension>(g);
        run(log, "find_unit", d, [&] {
            well_formed(log, "find_unit(text, dimension)", hsct::find_unit(text, dim, "unit"), d);
            well_formed(log, "find_unit(text, predicate)",
                        hsct::find_unit(text, [dim](hsct::dimension x) { return x != dim; }, "unit"),
                        d);
        });
    }
    for_each_type(static_cast<plain_quantities*>(nullptr),
                  [&]<class Q>(Q*) { fuzz_quantity<Q>(g, log); });
    report(log);
}

TEST_CASE("core: lab analytes and lab_with_uln take any value, unit text and code",
          "[core][random-input][CORE-CONTRACTS][CORE-ULN-001]") {
    const handler_guard guard;
    rng_t g(seed + 2);
    fuzz_log log;
    for_each_type(static_cast<analytes*>(nullptr), [&]<class A>(A*) {
        fuzz_quantity<A>(g, log);
        using C = hsct::canonical_unit_t<A>;
        const auto def = hsct::default_range<A>();
        const std::array<double, 5> bounds{def.lo.in(C{}), def.hi.in(C{}), 1.0, 1000.0, 0.0};
        for (int i = 0; i < quantity_cases; ++i) {
            const double v = random_double(g, bounds);
            const double u = random_double(g, bounds);
            const auto& sp = hsct::detail::unit_spellings[below(g, std::size(hsct::detail::unit_spellings))];
            const std::string unit_text = random_text(g, sp.text);
            const std::string value_text = random_text(g, hsct::detail::format_number(v));
            const auto conv = random_convention(g);
            const auto d = [&] {
                return show(v) + " / " + show(u) + " / " + show(value_text) + " " + show(unit_text);
            };
            run(log, "from_lab<A>", d, [&] {
                well_formed(log, "from_lab<A>(double, unit)", hsct::from_lab<A>(v, unit_text), d);
                well_formed(log, "from_lab<A>(double, spelling)", hsct::from_lab<A>(v, sp.text), d);
                well_formed(log, "from_lab<A>(text, unit, convention)",
                            hsct::from_lab<A>(value_text, sp.text, conv), d);
                well_formed(log, "from_lab<A>(text, text)",
                            hsct::from_lab<A>(std::string_view(value_text), unit_text), d);
            });
            run(log, "lab_with_uln<A>", d, [&] {
                const auto l = hsct::lab_with_uln<A>::make(A(v, C{}), A(u, C{}));
                // CORE-ULN-002: an accepted multiple is finite and within 0-1000 x ULN.
                if (well_formed(log, "lab_with_uln<A>::make", l, d) &&
                    !(l->times_uln() >= 0.0 && l->times_uln() <= hsct::max_times_uln)) {
                    log.problem("lab_with_uln<A>::make", d(), "a multiple outside 0-1000 x ULN");
                }
                well_formed(log, "lab_with_uln<A>::make(field)",
                            hsct::lab_with_uln<A>::make(A(v, C{}), A(u, C{}), "lab"), d);
                well_formed(log, "lab_with_uln<A>::from_multiple",
                            hsct::lab_with_uln<A>::from_multiple(v), d);
            });
        }
    });
    const std::array<std::string_view, 6> loincs{"1975-2", "777-3", "751-8", "", " 718-7 ", "0-0"};
    for (int i = 0; i < cases; ++i) {
        const auto code = static_cast<unsigned>(below(g, 256));
        const double v = random_double(g, std::array<double, 4>{0.0, 100.0, 1000.0, 5000.0});
        const auto& sp = hsct::detail::unit_spellings[below(g, std::size(hsct::detail::unit_spellings))];
        const std::string loinc = random_text(g, loincs[below(g, loincs.size())]);
        const std::int64_t n = random_int(g, std::array<std::int64_t, 2>{1, 11});
        const auto d = [&] {
            return std::to_string(code) + " / " + show(v) + " " + show(sp.text) + " / loinc " +
                   show(loinc) + " / " + show(n);
        };
        run(log, "from_lab(analyte_id|loinc)", d, [&] {
            const auto id = enum_code<hsct::analyte_id>(code);
            well_formed(log, "from_lab(analyte_id)", hsct::from_lab(id, v, sp.text), d);
            well_formed(log, "from_lab(loinc)", hsct::from_lab(std::string_view(loinc), v, sp.text), d);
            static_cast<void>(hsct::analyte_for_loinc(loinc));
            const auto made = hsct::make_analyte_id(static_cast<long long>(n));
            if (well_formed(log, "make_analyte_id", made, d)) {
                static_cast<void>(hsct::info_of(*made));  // declared ids only: a contract
            }
        });
    }
    report(log);
}

// Regression (found by this test): lab_with_uln<A>::make accepted a ULN that is a denormal (above
// 0 and inside the plausible range), and the multiple was then +inf. CORE-ULN-002 now bounds a
// computed multiple as it bounds one given alone (finite, 0-1000 x ULN).
TEST_CASE("core: lab_with_uln::make never gives a multiple that is not finite",
          "[core][random-input][CORE-CONTRACTS][CORE-ULN-002][regression]") {
    const auto l = hsct::lab_with_uln<hsct::bilirubin>::make(
        hsct::bilirubin(10.0, hsct::units::mg_per_dl),
        hsct::bilirubin(std::numeric_limits<double>::denorm_min(), hsct::units::mg_per_dl));
    REQUIRE_FALSE(l.has_value());
    CHECK(l.error().code() == hsct::errc::out_of_range);
    CHECK(l.error().field() == "bilirubin.upper_limit_of_normal");
    CHECK(l.error().requirement() == "CORE-ULN-002");
    // finite but absurd: 100 mg/dL over a ULN of 1e-300
    CHECK_FALSE(hsct::lab_with_uln<hsct::bilirubin>::make(
                    hsct::bilirubin(100.0, hsct::units::mg_per_dl),
                    hsct::bilirubin(1e-300, hsct::units::mg_per_dl))
                    .has_value());
    // at the bound: 1000 x ULN is accepted, just above it is not
    CHECK(hsct::lab_with_uln<hsct::alt>::make(hsct::alt(1000.0, hsct::units::u_per_l),
                                              hsct::alt(1.0, hsct::units::u_per_l))
              ->times_uln() == 1000.0);
    CHECK_FALSE(hsct::lab_with_uln<hsct::alt>::make(hsct::alt(1000.5, hsct::units::u_per_l),
                                                    hsct::alt(1.0, hsct::units::u_per_l))
                    .has_value());
}

namespace {
struct any_tag {
    static constexpr int min = 0;
    static constexpr int max = 100;
    static constexpr int step = 10;
    static constexpr std::string_view name = "kps_like";
    static constexpr std::string_view requirement = "TEST-1";
};
struct negative_tag {
    static constexpr int min = -3;
    static constexpr int max = 3;
    static constexpr int step = 1;
    static constexpr std::string_view name = "signed_score";
    static constexpr std::string_view requirement = "TEST-2";
};
struct wide_tag {
    static constexpr int min = INT_MIN / 2;
    static constexpr int max = INT_MAX / 2;
    static constexpr int step = 1;
    static constexpr std::string_view name = "wide_score";
    static constexpr std::string_view requirement = "TEST-3";
};

template <class S>
void fuzz_score(rng_t& g, fuzz_log& log) {
    const std::array<std::int64_t, 2> bounds{S::min, S::max};
    for (int i = 0; i < cases; ++i) {
        const std::int64_t a = random_int(g, bounds);
        const std::int64_t b = random_int(g, bounds);
        const auto d = [&] { return show(a) + ", " + show(b); };
        run(log, "bounded_score::make", d, [&] {
            const auto x = S::make(a);
            const auto y = S::make(b, "other");
            if (well_formed(log, "bounded_score::make", x, d) != S::accepts(a)) {
                log.problem("bounded_score::make", d(), "make and accepts disagree");
            }
            well_formed(log, "bounded_score::make(field)", y, d);
            if (x && y) {
                well_formed(log, "checked_add", checked_add(*x, *y), d);
                const std::string text = hsct::to_string(*x);
                const auto back = hsct::detail::read_integer(text);
                if (!back || *back != x->value()) {
                    log.problem("to_string(score)", d(), "does not print the value: " + text);
                }
            }
        });
    }
}
}  // namespace

TEST_CASE("core: bounded scores, clinical vocabulary and explained results take any number",
          "[core][random-input][CORE-CONTRACTS][CORE-SCORE-001][CORE-EXPLAIN-001]") {
    const handler_guard guard;
    rng_t g(seed + 3);
    fuzz_log log;
    fuzz_score<hsct::bounded_score<any_tag>>(g, log);
    fuzz_score<hsct::bounded_score<negative_tag>>(g, log);
    fuzz_score<hsct::bounded_score<wide_tag>>(g, log);

    for (unsigned code = 0; code < 256; ++code) {
        const auto d = [&] { return std::to_string(code); };
        run(log, "diagnosis", d, [&] {
            const auto r = hsct::diagnosis::of(enum_code<hsct::disease>(code));
            if (well_formed(log, "diagnosis::of", r, d)) {
                static_cast<void>(hsct::to_string(*r));
            }
            const auto aml = hsct::diagnosis::aml(enum_code<hsct::cytogenetic_risk>(code));
            const auto mds = hsct::diagnosis::mds(enum_code<hsct::mds_cytogenetic_risk>(code));
            static_cast<void>(hsct::to_string(aml));
            static_cast<void>(hsct::to_string(mds));
            static_cast<void>(aml.cytogenetics_pending() || mds.cytogenetics_pending());
            static_cast<void>(hsct::is_cml_phase(enum_code<hsct::disease_status>(code)));
        });
    }

    // Explained results: comparisons, measures, enum references, sets.
    for (int i = 0; i < cases; ++i) {
        const double v = random_double(g, std::array<double, 3>{0.0, 1.0, 65.0});
        const double t = random_double(g, std::array<double, 3>{0.0, 1.0, 65.0});
        const auto code = static_cast<unsigned>(below(g, 256));
        const auto d = [&] { return show(v) + ", " + show(t) + ", code " + std::to_string(code); };
        run(log, "satisfies/measure/enum_ref/enum_set", d, [&] {
            static_cast<void>(hsct::satisfies(v, enum_code<hsct::comparator>(code), t));
            const auto m = hsct::measure::count(v, enum_code<hsct::count_unit>(code));
            static_cast<void>(m.counted_in());
            static_cast<void>(hsct::measure::flag((code & 1U) != 0).number());
            const auto q = hsct::measure::of(hsct::mass(v, hsct::units::lb), hsct::units::kg);
            static_cast<void>(q.as<hsct::mass>());
            static_cast<void>(q.as<hsct::length>());
            const auto c = hsct::measure::code(enum_code<hsct::disease>(code));
            const auto ref = c.enumerator();
            for (unsigned w = 0; w < 5; ++w) {
                static_cast<void>(ref.text(static_cast<hsct::enum_text>(w)));
            }
            static_cast<void>(ref.as<hsct::disease>());
            static_cast<void>(ref.as<hsct::sex>());
            static_cast<void>(hsct::measure::missing(enum_code<hsct::sex>(code)).enumerator().text(hsct::enum_text::label));
            hsct::enum_set<hsct::disease> set;
            set.insert(enum_code<hsct::disease>(code));
            static_cast<void>(set.contains(enum_code<hsct::disease>(code)));
            set.for_each([](hsct::disease) {});
            static_cast<void>(set.size());
        });
    }
    report(log);
}

// A rule's criterion enum for evidence<>: two criteria with their info. In a named namespace:
// Clang prints an enumerator of an anonymous namespace as "(anonymous namespace)::...", which
// the enum table's reflection reads as an unnamed value.
namespace core_test_toys {
enum class toy_criterion : std::uint8_t { level = 1, finding = 2 };
constexpr auto hsct_enum_table(toy_criterion) noexcept {
    return hsct::make_enum_table<toy_criterion>("toy_criterion", {
        {toy_criterion::level, "level", "level at most 65"},
        {toy_criterion::finding, "finding", "finding present"},
    });
}
constexpr hsct::criterion_info hsct_criterion_info(toy_criterion c) noexcept {
    if (c == toy_criterion::level) {
        return {"TEST-4", hsct::measure::kind::quantity, hsct::comparator::less_equal, 65.0,
                &hsct::units::percent_t::info, hsct::count_unit::none, nullptr};
    }
    return {"TEST-5", hsct::measure::kind::flag, hsct::comparator::present, 0.0, nullptr,
            hsct::count_unit::none, nullptr};
}
enum class toy_field : std::uint8_t { level = 1, finding = 2 };
constexpr auto hsct_enum_table(toy_field) noexcept {
    return hsct::make_enum_table<toy_field>("toy_field", {
        {toy_field::level, "level", "level"},
        {toy_field::finding, "finding", "finding"},
    });
}
}  // namespace core_test_toys

using core_test_toys::toy_criterion;
using core_test_toys::toy_field;

TEST_CASE("core: evidence records any outcome and number for a declared criterion",
          "[core][random-input][CORE-CONTRACTS][CORE-EXPLAIN-001]") {
    const handler_guard guard;
    rng_t g(seed + 4);
    fuzz_log log;
    for (int i = 0; i < cases; ++i) {
        hsct::evidence<toy_criterion, toy_field> ev;
        const auto id = (g() & 1U) != 0 ? toy_criterion::level : toy_criterion::finding;
        const auto o = static_cast<unsigned>(below(g, 256));
        const double v = random_double(g, std::array<double, 1>{65.0});
        const auto f = static_cast<unsigned>(below(g, 256));
        const auto d = [&] {
            return "criterion " + std::to_string(static_cast<unsigned>(id)) + " outcome " +
                   std::to_string(o) + " number " + show(v) + " field " + std::to_string(f);
        };
        run(log, "evidence", d, [&] {
            ev.record(id, enum_code<hsct::outcome>(o), v, (o & 1U) != 0);
            static_cast<void>(ev.value(id, v));
            static_cast<void>(ev.flag(id, v != 0.0));
            static_cast<void>(ev.code(id, enum_code<hsct::sex>(f), true));
            ev.missing(id, enum_code<toy_field>(f));
            ev.not_applicable(id, v);
            static_cast<void>(ev.outcome_of(enum_code<toy_criterion>(f)));
            static_cast<void>(ev.contains(enum_code<toy_criterion>(f)));
            static_cast<void>(ev.find(enum_code<toy_criterion>(f)));
            for (const auto& c : ev) {
                static_cast<void>(c.measured.enumerator().text(hsct::enum_text::id));
            }
            static_cast<void>(ev.size() + ev.missing_inputs().size());
        });
    }
    report(log);
}

TEST_CASE("core: transplant days, dates, the timeline and age take any number, date and text",
          "[core][random-input][CORE-CONTRACTS][CORE-DAY-002][CORE-DAY-008][PAT-AGE-004]") {
    const handler_guard guard;
    rng_t g(seed + 5);
    fuzz_log log;
    using std::chrono::days;
    const std::array<std::int64_t, 4> day_bounds{-36525, 36525, 0, 1};
    for (int i = 0; i < cases; ++i) {
        const std::int64_t n = random_int(g, day_bounds);
        const std::int64_t k = random_int(g, day_bounds);
        const std::string text = random_text(
            g, (g() & 1U) != 0 ? "D+" + std::to_string(n) : std::to_string(k) + " d");
        const auto d = [&] { return show(n) + ", " + show(k) + ", " + show(text); };
        run(log, "transplant_day", d, [&] {
            const auto t = hsct::transplant_day::make(n);
            if (well_formed(log, "transplant_day::make", t, d)) {
                const std::string s = hsct::to_string(*t);
                const auto back = hsct::parse_transplant_day(s);
                if (!back || *back != *t) {
                    log.problem("parse_transplant_day(to_string(d))", show(s), "does not read back");
                }
                well_formed(log, "transplant_day::checked_add", t->checked_add(days{k}), d);
                well_formed(log, "transplant_day::checked_add(field)",
                            t->checked_add(days{n}, "field"), d);
            }
            well_formed(log, "parse_transplant_day", hsct::parse_transplant_day(text), d);
            const auto p = hsct::parse_days(text);
            if (well_formed(log, "parse_days", p, d)) {
                const std::string s = hsct::to_string(*p);
                const auto back = hsct::parse_days(s);
                if (!back || *back != *p) {
                    log.problem("parse_days(to_string(n))", show(s), "does not read back");
                }
            }
            const auto back = hsct::parse_days(hsct::to_string(days{k}));
            if (!back || back->count() != k) {
                if (k >= INT_MIN && k <= INT_MAX) {
                    log.problem("parse_days(to_string(days))", show(k), "does not read back");
                }
            }
        });
    }
    for (int i = 0; i < cases; ++i) {
        const sys_days a = random_date(g);
        const sys_days b = random_date(g);
        const sys_days c = random_date(g);
        const int hct = static_cast<int>(random_int(g, std::array<std::int64_t, 3>{0, 1, 2}) % 100000);
        const std::int64_t off = random_int(g, day_bounds);
        const std::string text = random_text(g, "HCT1 " + hsct::to_string(a) + "; HCT2 " + hsct::to_string(b));
        const auto d = [&] {
            return "dates " + show(a.time_since_epoch().count()) + ", " +
                   show(b.time_since_epoch().count()) + ", " + show(c.time_since_epoch().count()) +
                   " hct " + std::to_string(hct) + " offset " + show(off) + " text " + show(text);
        };
        run(log, "dates and timeline", d, [&] {
            const auto ca = hsct::check_date(a);
            if (well_formed(log, "check_date", ca, d)) {
                const std::string s = hsct::to_string(a);
                const auto back = hsct::parse_date(s);
                if (!back || *back != a) {
                    log.problem("parse_date(to_string(date))", show(s), "does not read back");
                }
            }
            well_formed(log, "parse_date", hsct::parse_date(text), d);
            const std::array<sys_days, 3> dates{a, b, c};
            const auto t = hsct::timeline::from_infusions(
                std::span<const sys_days>(dates.data(), 1 + below(g, 3)));
            well_formed(log, "timeline::from_infusions", t, d);
            well_formed(log, "timeline::from_infusions(empty)",
                        hsct::timeline::from_infusions(std::span<const sys_days>{}), d);
            const auto s = hsct::timeline::single(a);
            if (!well_formed(log, "timeline::single", s, d)) {
                return;
            }
            auto more = s->with_infusion(b);
            well_formed(log, "timeline::with_infusion", more, d);
            const auto next = (more ? *more : *s).with_subsequent_hct(c);
            well_formed(log, "timeline::with_subsequent_hct", next, d);
            const hsct::timeline& tl = next ? *next : (more ? *more : *s);
            well_formed(log, "timeline::day_of", tl.day_of(b, hct), d);
            well_formed(log, "timeline::day_of(1)", tl.day_of(c), d);
            well_formed(log, "timeline::locate", tl.locate(c), d);
            if (const auto td = hsct::transplant_day::make(off)) {
                well_formed(log, "timeline::date_of", tl.date_of(*td, hct), d);
            }
            well_formed(log, "timeline::infusion_days", tl.infusion_days(hct), d);
            const std::string printed = hsct::to_string(tl);
            const auto back = hsct::parse_timeline(printed);
            if (!back || !(*back == tl)) {
                log.problem("parse_timeline(to_string(t))", show(printed),
                            back ? "a different timeline" : back.error().message());
            }
            well_formed(log, "parse_timeline", hsct::parse_timeline(text), d);
        });
        const std::int64_t y = random_int(g, std::array<std::int64_t, 2>{0, 130});
        const std::int64_t m = random_int(g, std::array<std::int64_t, 2>{0, 11});
        const std::string age_text = random_text(g, std::to_string(y) + " y " + std::to_string(m) + " mo");
        const std::string sex_text = random_text(g, (g() & 1U) != 0 ? "female" : "M");
        const auto d2 = [&] {
            return d() + " years " + show(y) + " months " + show(m) + " " + show(age_text) +
                   " " + show(sex_text);
        };
        run(log, "age and sex", d2, [&] {
            const auto between = hsct::age::make(a, b);
            if (well_formed(log, "age::make(dates)", between, d2)) {
                static_cast<void>(between->years(hsct::age_resolution::exact));
                static_cast<void>(between->years(hsct::age_resolution::completed_years));
                const std::string s = hsct::to_string(*between);
                const auto back = hsct::parse_age(s);
                if (!back || back->completed_months() != between->completed_months()) {
                    log.problem("parse_age(to_string(age))", show(s), "does not read back");
                }
            }
            well_formed(log, "age::make(dates, field)", hsct::age::make(c, a, "field"), d2);
            well_formed(log, "age::make(years, months)",
                        hsct::age::make(static_cast<int>(y), static_cast<int>(m)), d2);
            well_formed(log, "parse_age", hsct::parse_age(age_text), d2);
            const auto sx = hsct::parse_sex(sex_text);
            if (well_formed(log, "parse_sex", sx, d2) && !hsct::is_valid(*sx)) {
                log.problem("parse_sex", d2(), "an undeclared sex");
            }
        });
    }
    report(log);
}

#ifndef HSCT_TEST_NO_EXCEPTIONS
// The documented contracts (HSCT_EXPECTS) that a value can violate go to the handler, never to
// undefined behaviour; random input is kept away from them above. With -fno-exceptions the
// handler cannot return to the test, so these run only where it can throw.
TEST_CASE("core: documented contracts reach the contract handler",
          "[core][random-input][CORE-CONTRACTS]") {
    const handler_guard guard;
    int reached = 0;
    const auto expect_contract = [&reached](auto&& f) {
        try {
            f();
        } catch (const contract_hit&) {
            ++reached;
        }
    };
    expect_contract([] { static_cast<void>(hsct::transplant_day::at(36526)); });
    expect_contract([] { static_cast<void>(hsct::transplant_day::at(std::chrono::days{-36526})); });
    expect_contract([] {
        auto t = hsct::transplant_day::at(36525);
        t += std::chrono::days{1};
    });
    expect_contract([] {
        auto t = hsct::transplant_day::at(-36525);
        t -= std::chrono::days{1};
    });
    expect_contract([] {
        const hsct::result<int> r = hsct::error(hsct::errc::missing, "x", "", "a value");
        static_cast<void>(r.value());
    });
    expect_contract([] {
        const hsct::result<int> r = 1;
        static_cast<void>(r.error());
    });
    expect_contract([] { static_cast<void>(hsct::info_of(enum_code<hsct::analyte_id>(0))); });
    expect_contract([] { static_cast<void>(hsct::mass(1.0, hsct::units::kg).in(hsct::units::cm.info)); });
    expect_contract([] {
        const auto t = hsct::timeline::single(hsct::min_date).value();
        static_cast<void>(t.hct(2));
    });
    expect_contract([] {
        hsct::fixed_list<int, 1> l;
        l.push_back(1);
        l.push_back(2);
    });
    // age::years and evidence::record check their contracts inside noexcept functions: a
    // throwing handler would reach std::terminate there, so they are not called here.
    CHECK(reached == 10);
}
#endif

}  // namespace hsct_test_core_core_test
