// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Results one at a time, as clinical software receives them: a count stream keeps the results
// and their day series, and a neutrophil or platelet stream keeps the engraftment answer up to
// date. Fed in any order, a stream ends where the batch call on the same results ends, and
// after every result it holds what the batch call on the results so far would give.
//
//   using namespace hsct::engraftment;
//   neutrophil_stream s;
//   s.add({hsct::transplant_day::at(10), hsct::anc(0.1, hsct::units::giga_per_l)});   // result<engraftment_status>
//   ...
//   s.result();   // == *assess_neutrophil_engraftment(*consolidate<hsct::anc>(every result added))
//
//   platelet_options fifty;
//   fifty.milestone = platelet_milestone::at_least_50;
//   platelet_stream p(fifty);
//   p.add({hsct::transplant_day::at(9), hsct::platelets(12, hsct::units::giga_per_l)});
//   p.add_transfusion({hsct::transplant_day::at(9), blood_product::platelets});
//   p.result();   // == *assess_platelet_engraftment(series, log, fifty) of everything added
//
// ENG-STREAM-001: adding a result gives the day series consolidate gives for every result added
// so far, except that a correction arriving before the result it corrects stands as that day's
// result until its result arrives (unmatched_correction::keep); once every result has arrived
// the series is the batch's. A result consolidate would refuse is refused with the same error,
// and the stream is left as it was. Capacity as a series: 1,024 results, 256 days, inline (no
// allocation per result).
// ENG-STREAM-002: a result later than every day so far that corrects nothing (and whose
// identifier, if it has one, no earlier result has or names) extends the series in place, and
// the rule's scan goes on from where it stood: the nadir, the run in progress and what broke the
// last one are kept, so the answer costs a few comparisons (the common case: results arriving in
// order). Any other result (an earlier day, a second result of a day, a correction) rebuilds the
// series from the results kept and scans it again. Either way the answer is the batch rule's on
// the series as it stands (a property test compares them after every result).
// ENG-STREAM-003: a platelet stream takes platelet counts and transfusions one at a time, in any
// order, and holds what assess_platelet_engraftment gives on the counts' series and the log of
// the transfusions so far, under its options (either milestone). A count in order extends the
// scan as ENG-STREAM-002; a transfusion changes the 7-day window of the days after it and may
// start the count, so it rescans the series. A count or transfusion the batch calls would refuse
// (a value out of range, a correction of another day's result, a transfusion without a day or
// with an undeclared product, more than 512 transfusions) is refused with their error, the
// stream left as it was. A red-cell transfusion is kept in the log and changes nothing here.
#ifndef HSCT_ENGRAFTMENT_STREAM_HPP
#define HSCT_ENGRAFTMENT_STREAM_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/detail/run_scan.hpp"
#include "hsct/engraftment/neutrophil.hpp"
#include "hsct/engraftment/platelet.hpp"
#include "hsct/engraftment/transfusion.hpp"

namespace hsct::engraftment {

/// ENG-STREAM-001/002: results of one analyte, one at a time.
template <class A>
class count_stream {
public:
    explicit count_stream(same_day_policy policy = same_day_policy::manual_then_lowest) noexcept : policy_(policy) {
        series_.policy_ = policy;
    }

    /// Adds one result; returns the number of days in the series. Refused (the stream
    /// unchanged): what consolidate refuses, the field naming the result by its place in the
    /// stream ("records[12].value"); more than 1,024 results ("records").
    [[nodiscard]] result<std::size_t> add(const count_record<A>& r) {
        // Built where it is returned: one object, returned from every path (conventions section 5).
        result<std::size_t> out(std::size_t{0});
        extended_ = false;
        if (records_.size() == series_records_max) {
            out = error(errc::out_of_range, "records", "1025", "at most 1024 records a series", "ENG-SERIES-001");
            return out;
        }
        const auto days = series_.days();
        const bool in_order = r.replaces == 0 && (days.empty() || days[days.size() - 1].day < r.day) &&
                              (r.id == 0 || id_unseen(r.id));
        if (in_order && valid_alone(r)) {  // ENG-STREAM-002: consolidate's checks of this result alone
            if (series_.days_.size() == series_days_max) {
                out = error(errc::out_of_range, "records", "more than 256 days", "at most 256 days a series",
                            "ENG-SERIES-001");
                return out;
            }
            records_.push_back(r);
            series_.days_.push_back(day_value<A>{r.day, r.value, r.method, 1});
            extended_ = true;
            *out = series_.size();
            return out;
        }
        records_.push_back(r);
        if (in_order) {  // refused alone: consolidate's error for it, named by its place in the stream
            auto one = consolidate<A>(std::span<const count_record<A>>(records_.end() - 1, 1), policy_);
            const std::string field = rename(one ? std::string() : one.error().field(), records_.size());
            records_.pop_back();
            out = one ? error(errc::inconsistent, "records", "", "a valid result", "ENG-SERIES-001")  // not reached
                      : hsct::with_field(std::move(one).error(), field);
            return out;
        }
        auto all = consolidate<A>(std::span<const count_record<A>>(records_.begin(), records_.size()), policy_,
                                  unmatched_correction::keep);
        if (!all) {
            records_.pop_back();
            out = std::move(all).error();
            return out;
        }
        series_ = *all;
        *out = series_.size();
        return out;
    }

    [[nodiscard]] const day_series<A>& series() const noexcept { return series_; }
    [[nodiscard]] std::span<const count_record<A>> records() const noexcept {
        return {records_.begin(), records_.size()};
    }
    /// ENG-STREAM-002: whether the last result added extended the series by one day at its end
    /// (false after a rebuild or a refusal).
    [[nodiscard]] bool extended() const noexcept { return extended_; }

private:
    // No earlier result has this identifier or names it as the result it corrects.
    [[nodiscard]] bool id_unseen(std::uint32_t id) const noexcept {
        for (const auto& k : records_) {
            if (k.id == id || k.replaces == id) {
                return false;
            }
        }
        return true;
    }
    // What consolidate checks of a single result without a correction: the policy, the value
    // (finite, in the analyte's range) and the method.
    [[nodiscard]] bool valid_alone(const count_record<A>& r) const noexcept {
        const double v = r.value.in(typename hsct::detail::quantity_traits<A>::canonical_unit{});
        return v >= A::info().plausible_lo && v <= A::info().plausible_hi && is_valid(r.method) && is_valid(policy_);
    }
    // "records[0].value" of a one-result check -> "records[<its place>].value"
    static std::string rename(const std::string& field, std::size_t place) {
        const auto dot = field.find(']');
        return hsct::detail::concat({"records[", std::to_string(place - 1), "]",
                                     dot == std::string::npos ? std::string_view{} : std::string_view(field).substr(dot + 1)});
    }
    hsct::fixed_list<count_record<A>, series_records_max> records_;
    day_series<A> series_;
    same_day_policy policy_;
    bool extended_ = false;
};

namespace detail {
/// ENG-STREAM-002: whether two scan states give the same evidence (the status aside).
[[nodiscard]] inline bool stream_same_evidence(const run_found& a, const run_found& b) noexcept {
    return a.start == b.start && a.started == b.started && a.broke == b.broke && a.run == b.run &&
           a.complete == b.complete && (a.run == 0 || a.run_start == b.run_start);
}
/// ENG-STREAM-002: whether `b` is `a` with one more day of the run, recorded at the end of the
/// evidence (a complete run with a broken one before it drops that one: not this case).
[[nodiscard]] inline bool stream_one_more_run_day(const run_found& a, const run_found& b) noexcept {
    return a.start == b.start && a.started == b.started && a.broke == b.broke && b.run == a.run + 1 &&
           (a.run == 0 || a.run_start == b.run_start) && !(b.complete && b.broke);
}
/// The status a rule's evidence gives a (finished) scan state.
[[nodiscard]] inline engraftment_status stream_status(const run_found& f) noexcept {
    return !f.any       ? engraftment_status::no_values
           : !f.started ? engraftment_status::never_below_threshold
           : f.complete ? engraftment_status::engrafted
                        : engraftment_status::not_yet;
}
/// Empties a fixed_list of criteria (a few pops: assigning an empty list would copy every slot).
template <class List>
void stream_clear(List& l) noexcept {
    while (!l.empty()) {
        l.pop_back();
    }
}
/// The scan state after reading every day (stopping at a complete run), before scan_finished:
/// the state a stream extends.
template <class Rule, class A>
[[nodiscard]] run_found stream_scan_state(const Rule& rule, std::span<const day_value<A>> days) {
    run_found f;
    std::size_t i = 0;
    while (i < days.size() && !rule.step(f, days, i)) {
        ++i;
    }
    return f;
}
/// ENG-STREAM-002/003: brings a stream's answer `r` up to date after a day was appended at the
/// end of `days` (`state`, the scan state before it, is extended by that day) or, when `rescan`,
/// after any other change (the whole series is scanned again). `finish` maps a scan state to the
/// state the batch rule builds its evidence from (scan_finished for a rule with a start event).
/// When the new day leaves the evidence as it was, or adds one run day at its end, only the
/// status (and the day) is updated and that run day recorded; otherwise the evidence is built
/// again by the batch rule's own code (rule.evidence), so the two cannot drift apart.
template <class Rule, class A, class Result, class Finish, class RecordRunDay>
void stream_follow(const Rule& rule, std::span<const day_value<A>> days, bool rescan, run_found& state, Result& r,
                   Finish finish, RecordRunDay record_run_day) {
    if (!rescan) {
        if (state.complete) {
            return;  // the batch scan stops at the run: a later day changes nothing
        }
        const run_found before = finish(state);
        static_cast<void>(rule.step(state, days, days.size() - 1));
        const run_found after = finish(state);
        if (stream_same_evidence(before, after)) {
            r.status = stream_status(after);
            return;
        }
        if (stream_one_more_run_day(before, after)) {
            record_run_day(r, days.size() - 1);
            r.status = stream_status(after);
            if (after.complete) {
                r.day = days[after.run_start].day;
            }
            return;
        }
    } else {
        state = stream_scan_state(rule, days);
    }
    stream_clear(r.criteria);
    rule.evidence(r, days, finish(state));
}
}  // namespace detail

/// ENG-STREAM-001/002: neutrophil engraftment kept up to date as ANC results arrive.
class neutrophil_stream {
public:
    explicit neutrophil_stream(const neutrophil_options& options = {},
                               same_day_policy policy = same_day_policy::manual_then_lowest) noexcept
        : counts_(policy), options_(options) {
        result_.options = options;
    }

    /// Adds one ANC result and brings the answer up to date (in place for a result in order,
    /// ENG-STREAM-002); returns the status. Refused (the stream unchanged): options the rule
    /// refuses, or a result the count stream refuses.
    template <class = void>
    [[nodiscard]] hsct::result<engraftment_status> add(const count_record<hsct::anc>& r) {
        hsct::result<engraftment_status> out(engraftment_status::no_values);
        extended_ = false;
        if (!detail::neutrophil_options_ok(options_)) [[unlikely]] {
            if (auto e = detail::check_neutrophil_options(options_)) {
                out = std::move(*e);
            }
            return out;
        }
        auto added = counts_.add(r);
        if (!added) {
            out = std::move(added).error();
            return out;
        }
        extended_ = counts_.extended();
        const detail::neutrophil_rule rule(options_);
        const auto days = counts_.series().days();
        detail::stream_follow(
            rule, days, !extended_, state_, result_, [](const detail::run_found& f) { return f; },
            [&](neutrophil_result& res, std::size_t i) {
                rule.record(res, days, i, neutrophil_criterion::run_day, rule.cmp, true);
            });
        *out = result_.status;
        return out;
    }

    /// The answer for every result added so far (no_values before the first).
    [[nodiscard]] const neutrophil_result& result() const noexcept { return result_; }
    /// ENG-STREAM-002: whether the last result added extended the series and the scan in place.
    [[nodiscard]] bool extended() const noexcept { return extended_; }
    [[nodiscard]] const day_series<hsct::anc>& series() const noexcept { return counts_.series(); }
    [[nodiscard]] std::span<const count_record<hsct::anc>> records() const noexcept { return counts_.records(); }

private:
    count_stream<hsct::anc> counts_;
    neutrophil_options options_;
    detail::run_found state_;
    neutrophil_result result_;
    bool extended_ = false;
};

/// ENG-STREAM-003: platelet engraftment kept up to date as platelet counts and transfusions
/// arrive, under either milestone (platelet_options).
class platelet_stream {
public:
    explicit platelet_stream(const platelet_options& options = {},
                             same_day_policy policy = same_day_policy::manual_then_lowest) noexcept
        : counts_(policy), options_(options) {
        result_.options = options;
    }

    /// Adds one platelet count and brings the answer up to date (in place for a count in order);
    /// returns the status. Refused (the stream unchanged): options the rule refuses, or a result
    /// the count stream refuses (ENG-STREAM-001).
    template <class = void>
    [[nodiscard]] hsct::result<engraftment_status> add(const count_record<hsct::platelets>& r) {
        hsct::result<engraftment_status> out(engraftment_status::no_values);
        extended_ = false;
        if (!options_ok(out)) [[unlikely]] {
            return out;
        }
        auto added = counts_.add(r);
        if (!added) {
            out = std::move(added).error();
            return out;
        }
        extended_ = counts_.extended();
        assess(!extended_);
        *out = result_.status;
        return out;
    }

    /// Adds one transfusion (any product; the rule reads the platelet ones) and assesses the
    /// series again.
    /// Refused (the stream unchanged): options the rule refuses; what make_transfusion_log
    /// refuses, the field naming the transfusion by its place in the stream
    /// ("transfusions[3].day"); more than 512 transfusions ("transfusions").
    template <class = void>
    [[nodiscard]] hsct::result<engraftment_status> add_transfusion(const transfusion_record& t) {
        hsct::result<engraftment_status> out(engraftment_status::no_values);
        extended_ = false;
        if (!options_ok(out)) [[unlikely]] {
            return out;
        }
        if (given_.size() == transfusions_max) {
            out = error(errc::out_of_range, "transfusions", "513", "at most 512 records", "ENG-TX-001");
            return out;
        }
        given_.push_back(t);
        auto log = make_transfusion_log(std::span<const transfusion_record>(given_.begin(), given_.size()));
        if (!log) {
            given_.pop_back();
            out = std::move(log).error();
            return out;
        }
        log_ = *log;
        assess(true);
        *out = result_.status;
        return out;
    }

    /// The answer for every count and transfusion added so far (no_values before the first count).
    [[nodiscard]] const platelet_result& result() const noexcept { return result_; }
    /// ENG-STREAM-002/003: whether the last count added extended the series and the scan in place
    /// (false after a transfusion: it rescans).
    [[nodiscard]] bool extended() const noexcept { return extended_; }
    [[nodiscard]] const day_series<hsct::platelets>& series() const noexcept { return counts_.series(); }
    [[nodiscard]] std::span<const count_record<hsct::platelets>> records() const noexcept { return counts_.records(); }
    [[nodiscard]] const transfusion_log& transfusions() const noexcept { return log_; }
    [[nodiscard]] std::span<const transfusion_record> transfusion_records() const noexcept {
        return {given_.begin(), given_.size()};
    }

private:
    template <class Out>
    [[nodiscard]] bool options_ok(Out& out) const {
        if (detail::platelet_options_ok(options_)) {
            return true;
        }
        if (auto e = detail::check_platelet_options(options_)) {
            out = std::move(*e);
        }
        return false;
    }
    void assess(bool rescan) {
        const detail::platelet_rule rule(options_, log_);  // made here: it points at log_
        const auto days = counts_.series().days();
        detail::stream_follow(
            rule, days, rescan, state_, result_,
            [&](const detail::run_found& f) { return detail::scan_finished(f, rule.first_tx); },
            [&](platelet_result& res, std::size_t i) { rule.record_run_day(res, days, i); });
    }
    count_stream<hsct::platelets> counts_;
    hsct::fixed_list<transfusion_record, transfusions_max> given_;
    transfusion_log log_;
    platelet_options options_;
    detail::run_found state_;
    platelet_result result_;
    bool extended_ = false;
};

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_STREAM_HPP
