// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Results one at a time, as clinical software receives them: a count stream keeps the results
// and their day series, and a neutrophil stream keeps the engraftment answer up to date. Fed in
// any order, a stream ends where the batch call on the same results ends.
//
//   using namespace hsct::engraftment;
//   neutrophil_stream s;
//   s.add({hsct::transplant_day::at(10), hsct::anc(0.1, hsct::units::giga_per_l)});   // result<engraftment_status>
//   ...
//   s.result();   // == *assess_neutrophil_engraftment(*consolidate<hsct::anc>(every result added))
//
// ENG-STREAM-001: adding a result gives the day series consolidate gives for every result added
// so far, except that a correction arriving before the result it corrects stands as that day's
// result until its result arrives (unmatched_correction::keep); once every result has arrived
// the series is the batch's. A result consolidate would refuse is refused with the same error,
// and the stream is left as it was. Capacity as a series: 1,024 results, 256 days, inline (no
// allocation per result).
// ENG-STREAM-002: a result later than every day so far, without an identifier or a correction,
// extends the series in place (the common case: results arriving in order); any other result
// rebuilds the series from the results kept. Either way the rule is assessed on the series as
// it stands.
#ifndef HSCT_ENGRAFTMENT_STREAM_HPP
#define HSCT_ENGRAFTMENT_STREAM_HPP

#include <cstddef>
#include <span>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/engraftment/count_series.hpp"
#include "hsct/engraftment/neutrophil.hpp"

namespace hsct::engraftment {

/// ENG-STREAM-001/002: results of one analyte, one at a time.
template <class A>
class count_stream {
public:
    explicit count_stream(same_day_policy policy = same_day_policy::manual_then_lowest) noexcept : policy_(policy) {}

    /// Adds one result; returns the number of days in the series. Refused (the stream
    /// unchanged): what consolidate refuses, the field naming the result by its place in the
    /// stream ("records[12].value"); more than 1,024 results ("records").
    [[nodiscard]] result<std::size_t> add(const count_record<A>& r) {
        // Built where it is returned: one object, returned from every path (conventions section 5).
        result<std::size_t> out(std::size_t{0});
        if (records_.size() == series_records_max) {
            out = error(errc::out_of_range, "records", "1025", "at most 1024 records a series", "ENG-SERIES-001");
            return out;
        }
        const auto days = series_.days();
        const bool in_order = r.id == 0 && r.replaces == 0 && (days.empty() || days[days.size() - 1].day < r.day);
        records_.push_back(r);
        if (in_order) {
            // the same checks consolidate makes, on this result alone
            auto one = consolidate<A>(std::span<const count_record<A>>(records_.end() - 1, 1), policy_);
            if (!one) {
                const std::string field = rename(one.error().field(), records_.size());
                records_.pop_back();
                out = hsct::with_field(std::move(one).error(), field);
                return out;
            }
            if (series_.days_.size() == series_days_max) {
                records_.pop_back();
                out = error(errc::out_of_range, "records", "more than 256 days", "at most 256 days a series",
                            "ENG-SERIES-001");
                return out;
            }
            series_.days_.push_back(day_value<A>{r.day, r.value, r.method, 1});
        } else {
            auto all = consolidate<A>(std::span<const count_record<A>>(records_.begin(), records_.size()), policy_,
                                      unmatched_correction::keep);
            if (!all) {
                records_.pop_back();
                out = std::move(all).error();
                return out;
            }
            series_ = *all;
        }
        *out = series_.size();
        return out;
    }

    [[nodiscard]] const day_series<A>& series() const noexcept { return series_; }
    [[nodiscard]] std::span<const count_record<A>> records() const noexcept {
        return {records_.begin(), records_.size()};
    }

private:
    // "records[0].value" of a one-result check -> "records[<its place>].value"
    static std::string rename(const std::string& field, std::size_t place) {
        const auto dot = field.find(']');
        return hsct::detail::concat({"records[", std::to_string(place - 1), "]",
                                     dot == std::string::npos ? std::string_view{} : std::string_view(field).substr(dot + 1)});
    }
    hsct::fixed_list<count_record<A>, series_records_max> records_;
    day_series<A> series_;
    same_day_policy policy_;
};

/// ENG-STREAM-001/002: neutrophil engraftment kept up to date as ANC results arrive.
class neutrophil_stream {
public:
    explicit neutrophil_stream(const neutrophil_options& options = {},
                               same_day_policy policy = same_day_policy::manual_then_lowest) noexcept
        : counts_(policy), options_(options) {}

    /// Adds one ANC result and re-assesses. Refused (the stream unchanged): a result the count
    /// stream refuses, or options the rule refuses.
    template <class = void>
    [[nodiscard]] hsct::result<engraftment_status> add(const count_record<hsct::anc>& r) {
        hsct::result<engraftment_status> out(engraftment_status::no_values);
        auto added = counts_.add(r);
        if (!added) {
            out = std::move(added).error();
            return out;
        }
        auto assessed = assess_neutrophil_engraftment(counts_.series(), options_);
        if (!assessed) {
            out = std::move(assessed).error();
            return out;
        }
        result_ = *assessed;
        *out = result_.status;
        return out;
    }

    /// The answer for every result added so far (no_values before the first).
    [[nodiscard]] const neutrophil_result& result() const noexcept { return result_; }
    [[nodiscard]] const day_series<hsct::anc>& series() const noexcept { return counts_.series(); }
    [[nodiscard]] std::span<const count_record<hsct::anc>> records() const noexcept { return counts_.records(); }

private:
    count_stream<hsct::anc> counts_;
    neutrophil_options options_;
    neutrophil_result result_;
};

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_STREAM_HPP
