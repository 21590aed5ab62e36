// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Neutrophil engraftment from a day series of ANC values: the first of three consecutive
// measurement days at or above 0.5 x10^9/L after the nadir, with the days and values that made
// it, under named policies where the sources differ.
//
//   using namespace hsct::engraftment;
//   auto s = consolidate<hsct::anc>(results);              // the day series (count_series.hpp)
//   auto r = assess_neutrophil_engraftment(*s);            // result<neutrophil_result>
//   r->status;      // engraftment_status::engrafted
//   r->day;         // D+12, the first day of the run
//   r->criteria;    // the nadir and each day of the run, compared with 0.5 x10^9/L
//
// ENG-NEUT-001: neutrophil engraftment is the first of three consecutive days with an ANC of at
// least 0.5 x10^9/L after the post-transplant nadir. CIBMTR (forms instructions [V]): three
// consecutive laboratory values obtained on different days, the first reported; values drawn
// more than a day apart count as consecutive. ASTCT 2021 / the 2024 harmonisation and the EBMT
// Handbook 2024 ch. 41 section 41.1: "first of three consecutive days" with ANC >= 0.5 [V,
// V-HB24]. The older EBMT wording (7th-edition handbook, 2019) has ANC > 0.5 (strict), kept as
// a named historical policy (reference notes 3.1 [V]; resolutions K2: historical only).
// ENG-NEUT-002: the policies: the comparator (at or above by default; above for EBMT 2019); what
// "consecutive" means (measurement days by default, as CIBMTR; calendar days, a gap breaking the
// run, as ASTCT's wording read literally); the run's length (3 by default, every source; 1-7);
// where counting starts: after the first value below the threshold on or after Day 0 (hsct's
// reading of "after the nadir" [P]: no source defines the nadir; residual counts before it do
// not count). Values before Day 0 are not read.
// ENG-NEUT-003: the result is a status and, when engrafted, the first day and the run's days and
// values: engrafted; not_yet (no complete run in the days given: a value, not an error);
// never_below_threshold (no value below the threshold on or after Day 0: there is no nadir to
// engraft from; CIBMTR has a "never below" answer for ANC [M]); no_values (nothing on or after
// Day 0). Growth-factor use does not change the answer: no source discounts counts under G-CSF
// (sources silent).
#ifndef HSCT_ENGRAFTMENT_NEUTROPHIL_HPP
#define HSCT_ENGRAFTMENT_NEUTROPHIL_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "hsct/core/analyte.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/detail/run_scan.hpp"
#include "hsct/engraftment/vocabulary.hpp"

namespace hsct::engraftment {

/// ENG-NEUT-001: the threshold, 0.5 x10^9/L (500/uL).
inline constexpr hsct::anc neutrophil_threshold{0.5, hsct::units::giga_per_l};

/// ENG-NEUT-002: which definition's comparator.
enum class neutrophil_definition : std::uint8_t {
    astct_2021 = 1,  ///< ANC >= 0.5 (ASTCT 2021, harmonised 2024, HB24 ch. 41, CIBMTR) — default
    ebmt_2019 = 2,   ///< ANC > 0.5 (EBMT Handbook 2019, historical)
};

constexpr auto hsct_enum_table(neutrophil_definition) noexcept {
    return make_enum_table<neutrophil_definition>("neutrophil_definition", {
        {neutrophil_definition::astct_2021, "astct_2021", "ANC >= 0.5 x10^9/L (ASTCT 2021, EBMT 2024, CIBMTR)"},
        {neutrophil_definition::ebmt_2019, "ebmt_2019", "ANC > 0.5 x10^9/L (EBMT 2019, historical)"},
    });
}

/// ENG-NEUT-002: what "consecutive" means.
enum class consecutive_rule : std::uint8_t {
    measurement_days = 1,  ///< consecutive values on different days, gaps allowed (CIBMTR) — default
    calendar_days = 2,     ///< consecutive calendar days: a day without a value breaks the run
};

constexpr auto hsct_enum_table(consecutive_rule) noexcept {
    return make_enum_table<consecutive_rule>("consecutive_rule", {
        {consecutive_rule::measurement_days, "measurement_days", "consecutive measurement days (CIBMTR)"},
        {consecutive_rule::calendar_days, "calendar_days", "consecutive calendar days"},
    });
}

/// ENG-NEUT-002: the options.
struct neutrophil_options {
    neutrophil_definition definition = neutrophil_definition::astct_2021;
    consecutive_rule consecutive = consecutive_rule::measurement_days;
    std::uint8_t run_length = 3;  ///< 1-7
};

/// ENG-NEUT-003: the criteria recorded.
enum class neutrophil_criterion : std::uint8_t {
    nadir = 1,         ///< the first value below the threshold on or after Day 0
    run_day = 2,       ///< a day of the run, at or above the threshold
    run_broken = 3,    ///< the value below the threshold that broke the latest run, if not engrafted
};

constexpr auto hsct_enum_table(neutrophil_criterion) noexcept {
    return make_enum_table<neutrophil_criterion>("neutrophil_criterion", {
        {neutrophil_criterion::nadir, "nadir", "ANC below the threshold (the nadir reached)"},
        {neutrophil_criterion::run_day, "run_day", "ANC at the threshold or above"},
        {neutrophil_criterion::run_broken, "run_broken", "ANC at the threshold or above (the run broke here)"},
    });
}


/// ENG-NEUT-003: the answer, the first day of the run, and the evidence: the nadir, the run's
/// days (or the last partial run and what broke it).
struct neutrophil_result {
    neutrophil_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    engraftment_status status = engraftment_status::no_values;
    std::optional<hsct::transplant_day> day;
    std::optional<hsct::transplant_day> nadir_day;
    hsct::fixed_list<dated_criterion<neutrophil_criterion>, 9> criteria;  ///< nadir, up to 7 run days, what broke a run
    neutrophil_options options;
};

namespace detail {
[[nodiscard]] HSCT_ALWAYS_INLINE bool neutrophil_options_ok(const neutrophil_options& o) noexcept {
    return is_valid(o.definition) && is_valid(o.consecutive) && o.run_length >= 1 && o.run_length <= 7;
}
template <class = void>
[[nodiscard]] std::optional<error> check_neutrophil_options(const neutrophil_options& o) {
    if (auto e = hsct::detail::check_enum(o.definition, "options.definition")) {
        return e;
    }
    if (auto e = hsct::detail::check_enum(o.consecutive, "options.consecutive")) {
        return e;
    }
    if (o.run_length < 1 || o.run_length > 7) {
        return error(errc::out_of_range, "options.run_length", std::to_string(o.run_length), "1-7 days", "ENG-NEUT-002");
    }
    return std::nullopt;
}
}  // namespace detail

namespace detail {
/// ENG-NEUT-001/002: the rule under its options, decoded once: what starts the count (a value
/// below the threshold), what qualifies (the definition's comparator), the reading of
/// "consecutive" and the run length. The full rule scans with it and a neutrophil_stream
/// (stream.hpp) steps with it, so both read a series the same way.
struct neutrophil_rule {
    static constexpr double t = neutrophil_threshold.in(hsct::units::giga_per_l);
    hsct::comparator cmp;
    bool calendar;
    std::uint8_t run_length;

    explicit neutrophil_rule(const neutrophil_options& o) noexcept
        : cmp(o.definition == neutrophil_definition::astct_2021 ? hsct::comparator::greater_equal
                                                                 : hsct::comparator::greater),
          calendar(o.consecutive == consecutive_rule::calendar_days),
          run_length(o.run_length) {}

    /// Reads day i of `days` into `f` (detail::scan_step); true when the run is complete.
    [[nodiscard]] bool step(run_found& f, std::span<const day_value<hsct::anc>> days, std::size_t i) const {
        auto starts = [&](std::size_t k) { return hsct::detail::below(days[k].value.in(hsct::units::giga_per_l), t); };
        auto qualifies = [&](std::size_t k) {
            return hsct::satisfies(days[k].value.in(hsct::units::giga_per_l), cmp, t);
        };
        return scan_step(f, days, i, std::nullopt, calendar, run_length, starts, qualifies);
    }
    /// The whole scan (detail::scan_run).
    [[nodiscard]] run_found scan(std::span<const day_value<hsct::anc>> days) const {
        return scan_run(
            days, std::nullopt, calendar, run_length,
            [&](std::size_t k) { return hsct::detail::below(days[k].value.in(hsct::units::giga_per_l), t); },
            [&](std::size_t k) { return hsct::satisfies(days[k].value.in(hsct::units::giga_per_l), cmp, t); });
    }
    /// Records day i as a criterion of `r`.
    HSCT_ALWAYS_INLINE void record(neutrophil_result& r, std::span<const day_value<hsct::anc>> days, std::size_t i,
                                   neutrophil_criterion id, hsct::comparator c, bool met) const {
        hsct::criterion<neutrophil_criterion> k;
        k.id = id;
        k.cmp = c;
        k.requirement = "ENG-NEUT-001";
        k.measured = hsct::measure::of(days[i].value, hsct::units::giga_per_l);
        k.threshold = t;
        k.result = met ? hsct::outcome::met : hsct::outcome::not_met;
        r.criteria.push_back(dated_criterion<neutrophil_criterion>{days[i].day, k});
    }
    /// ENG-NEUT-003: the answer and the evidence of what a scan found, into `r` (its criteria
    /// empty): the nadir, then what broke the latest run when not engrafted, then the run's days.
    void evidence(neutrophil_result& r, std::span<const day_value<hsct::anc>> days, const run_found& f) const {
        r.day.reset();
        r.nadir_day.reset();
        if (f.start) {
            r.nadir_day = days[*f.start].day;
            record(r, days, *f.start, neutrophil_criterion::nadir, hsct::comparator::less, true);
        }
        if (!f.any) {
            r.status = engraftment_status::no_values;
            return;
        }
        if (!f.started) {
            r.status = engraftment_status::never_below_threshold;
            return;
        }
        if (f.complete) {
            r.status = engraftment_status::engrafted;
            r.day = days[f.run_start].day;
        } else {
            r.status = engraftment_status::not_yet;
            if (f.broke) {  // what broke the latest run, then the run in progress
                record(r, days, *f.broke, neutrophil_criterion::run_broken, cmp, false);
            }
        }
        for (std::size_t k = f.run_start; k < f.run_start + f.run; ++k) {
            record(r, days, k, neutrophil_criterion::run_day, cmp, true);
        }
    }
};
}  // namespace detail

/// ENG-NEUT-001..003: neutrophil engraftment from a day series (one value a day, by day).
/// Errors: an undeclared policy number or a run length outside 1-7 ("options.*"); days not
/// strictly increasing ("days[i].day"), a value not finite or outside 0-1000 x10^9/L
/// ("days[i].value") — a series from consolidate has neither.
template <class = void>
[[nodiscard]] result<neutrophil_result> assess_neutrophil_engraftment(std::span<const day_value<hsct::anc>> days,
                                                                      const neutrophil_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<neutrophil_result> out(std::in_place);
    if (!detail::neutrophil_options_ok(options) || !detail::days_ok(days)) {  // the text only on error
        if (auto e = detail::check_neutrophil_options(options)) {
            out = std::move(*e);
        } else if (auto d = detail::check_days(days)) {
            out = std::move(*d);
        }
        return out;
    }
    neutrophil_result& r = *out;
    r.options = options;
    const detail::neutrophil_rule rule(options);
    rule.evidence(r, days, rule.scan(days));
    return out;
}

namespace detail {
/// The error of a refused call of the lean rule (its options, then its days): built only then,
/// out of line. The options come by value, so that the caller need not keep them in memory for
/// this call. noexcept: building the error's text could only throw std::bad_alloc, which then
/// ends the program (as it does in a -fno-exceptions build); in exchange the caller's loop has no
/// exception edge out of the call, and GCC keeps the scan's constants in registers instead of
/// reloading them for every value (measured: 5-10 % of the batch loop, tests/bench).
template <class = void>
[[nodiscard]] [[gnu::cold]] [[gnu::noinline]] error neutrophil_day_error(std::span<const day_value<hsct::anc>> days,
                                                                        neutrophil_options options) noexcept {
    if (auto e = check_neutrophil_options(options)) {
        return std::move(*e);
    }
    if (auto d = check_days(days)) {
        return std::move(*d);
    }
    return error(errc::inconsistent, "days", "", "a day series", "ENG-SERIES-002");  // not reached
}
}  // namespace detail

/// ENG-NEUT-001..003 without the evidence: the status and the day only, for registry-scale
/// batches (the same checks, the same rule and the same errors; a test compares it with
/// assess_neutrophil_engraftment on random series under every policy). The days are checked
/// (detail::days_ok), then scanned by detail::scan_days with the options decoded once before the
/// loop; the error text is built only for a refused call (out of line). Inlined where it is
/// called: a batch calls it from one loop, and the answer is written into the result in place.
template <class = void>
[[nodiscard]] HSCT_ALWAYS_INLINE result<engraftment_day> neutrophil_engraftment_day(
    std::span<const day_value<hsct::anc>> days, const neutrophil_options& options = {}) {
    result<engraftment_day> out(std::in_place);  // the fields written in place, not through a copy
    if (!detail::neutrophil_options_ok(options) || !detail::days_ok(days)) [[unlikely]] {  // the text only then
        out = detail::neutrophil_day_error(days, options);
        return out;
    }
    constexpr double t = neutrophil_threshold.in(hsct::units::giga_per_l);
    const std::size_t n = options.run_length;
    // one scan per comparator and reading of "consecutive", chosen once
    const auto at_least = [](std::int32_t, double v) { return hsct::detail::at_least(v, t); };
    const auto above = [](std::int32_t, double v) { return hsct::detail::above(v, t); };
    const bool calendar = options.consecutive == consecutive_rule::calendar_days;
    const auto f = options.definition == neutrophil_definition::astct_2021
                       ? (calendar ? detail::scan_days<true>(days, t, n, detail::no_event, at_least)
                                   : detail::scan_days<false>(days, t, n, detail::no_event, at_least))
                       : (calendar ? detail::scan_days<true>(days, t, n, detail::no_event, above)
                                   : detail::scan_days<false>(days, t, n, detail::no_event, above));
    detail::set_day_found(*out, f, days);
    return out;
}

/// The same from a day series.
template <class = void>
[[nodiscard]] result<neutrophil_result> assess_neutrophil_engraftment(const day_series<hsct::anc>& s,
                                                                      const neutrophil_options& options = {}) {
    return assess_neutrophil_engraftment(s.days(), options);
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_NEUTROPHIL_HPP
