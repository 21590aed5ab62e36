// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Matchers for users' tests of their own clinical rules against hsct's types: a quantity within a
// tolerance stated in a unit, a result holding a value or an error of a given code and field, an
// explained result whose evidence holds a criterion met (or not met), a transplant day. One
// matcher object works in Catch2 v2 and v3 (`CHECK_THAT(x, m)`: they call `m.match(x)` and
// `m.toString()`) and in GoogleTest/GoogleMock 1.11 and later (`EXPECT_THAT(x, m)`: the
// `is_gtest_matcher` members), so this header includes no test framework.
//
//   #include <hsct/testing/matchers.hpp>        // with <hsct/core/io.hpp>: the frameworks print
//                                                // quantities, days, errors and results in units
//   namespace ht = hsct::testing;
//   CHECK_THAT(dose, ht::within(57_mg, 0.5_mg));          // Catch2
//   EXPECT_THAT(dose, ht::within(57_mg, 0.5_mg));         // GoogleTest
//   CHECK_THAT(hsct::from_lab<hsct::anc>(1.0, "mg/dL"), ht::is_error(hsct::errc::wrong_dimension));
//   CHECK_THAT(hct_ci, ht::has_criterion(hct_ci_criterion::diabetes_treated, hsct::outcome::met));
//   CHECK_THAT(neutrophil.day, ht::is_day(14));           // a transplant_day or an optional one
//
// A failure names both sides in clinical units: "57.8 mg is within 0.5 mg of 57 mg (it is 0.8 mg
// away)".
//
// TEST-MATCH-001 within: |actual - expected| <= tolerance, compared in the quantity's canonical
// unit; a value that is not finite never matches; the tolerance must be finite and not negative
// (a negative or non-finite tolerance matches nothing, and says so).
// TEST-MATCH-002 holds_value / holds_value_that(m) / is_error(code[, field]): a result<T>.
// TEST-MATCH-003 has_criterion(id, outcome): an explained result (any type with a `criteria`
// member holding hsct::criterion records, directly or in dated records), or a result<> of one.
// TEST-MATCH-004 is_day(n): a transplant_day (or an optional one, which must hold a value).
#ifndef HSCT_TESTING_MATCHERS_HPP
#define HSCT_TESTING_MATCHERS_HPP

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/io.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct::testing {

/// TEST-MATCH-001..004: what every hsct matcher shares: Catch2's `toString()` and GoogleTest's
/// duck-typed matcher members, from the matcher's `match`, `describe` and `explain`.
template <class Derived>
class matcher_base {
public:
    /// Catch2 v2 and v3 (`CHECK_THAT`).
    [[nodiscard]] std::string toString() const { return self().describe(); }

    /// GoogleTest / GoogleMock 1.11+ (`EXPECT_THAT`).
    using is_gtest_matcher = void;
    template <class T>
    bool MatchAndExplain(const T& actual, std::ostream* os) const {
        const bool ok = self().match(actual);
        if (os != nullptr) {
            *os << self().explain(actual);
        }
        return ok;
    }
    void DescribeTo(std::ostream* os) const { *os << self().describe(); }
    void DescribeNegationTo(std::ostream* os) const { *os << "not: " << self().describe(); }

private:
    [[nodiscard]] const Derived& self() const noexcept { return static_cast<const Derived&>(*this); }
};

/// TEST-MATCH-001: a quantity within a tolerance of an expected value (both of one quantity).
template <quantity Q>
class within_matcher : public matcher_base<within_matcher<Q>> {
public:
    within_matcher(Q expected, Q tolerance) noexcept : expected_(expected), tolerance_(tolerance) {}

    [[nodiscard]] bool match(const Q& actual) const noexcept {
        using U = canonical_unit_t<Q>;
        const double a = actual.in(U{});
        const double e = expected_.in(U{});
        const double t = tolerance_.in(U{});
        if (!std::isfinite(a) || !std::isfinite(e) || !std::isfinite(t) || t < 0.0) {
            return false;
        }
        return std::fabs(a - e) <= t;
    }
    [[nodiscard]] std::string describe() const {
        return "is within " + hsct::to_string(tolerance_) + " of " + hsct::to_string(expected_);
    }
    [[nodiscard]] std::string explain(const Q& actual) const {
        using U = canonical_unit_t<Q>;
        const double t = tolerance_.in(U{});
        if (!std::isfinite(t) || t < 0.0) {
            return "(the tolerance " + hsct::to_string(tolerance_) + " is not a finite, non-negative amount)";
        }
        if (!std::isfinite(actual.in(U{}))) {
            return "(it is not a finite number)";
        }
        // The distance to 6 significant digits: the subtraction's rounding (0.7999999999999972
        // for 57.8 - 57) is not what a reader of the failure needs.
        char buf[32];
        static_cast<void>(std::snprintf(buf, sizeof buf, "%.6g", std::fabs(actual.in(U{}) - expected_.in(U{}))));
        return "(it is " + std::string(buf) + " " + std::string(U::info.symbol) + " away)";
    }

private:
    Q expected_;
    Q tolerance_;
};

/// TEST-MATCH-001: `within(57_mg, 0.5_mg)`; the tolerance in any unit of the same quantity.
template <quantity Q>
[[nodiscard]] within_matcher<Q> within(Q expected, Q tolerance) noexcept {
    return within_matcher<Q>(expected, tolerance);
}

namespace detail {
template <class T>
concept streamable = requires(std::ostream& os, const T& v) { os << v; };

template <class T>
[[nodiscard]] std::string printed(const T& v) {
    if constexpr (streamable<T>) {
        std::ostringstream os;
        os << v;
        return os.str();
    } else {
        return "(a value)";
    }
}

template <class T>
struct is_result : std::false_type {};
template <class T>
struct is_result<hsct::result<T>> : std::true_type {};
}  // namespace detail

/// TEST-MATCH-002: a result that holds a value.
class holds_value_matcher : public matcher_base<holds_value_matcher> {
public:
    template <class T>
    [[nodiscard]] bool match(const hsct::result<T>& r) const noexcept {
        return r.has_value();
    }
    [[nodiscard]] std::string describe() const { return "holds a value"; }
    template <class T>
    [[nodiscard]] std::string explain(const hsct::result<T>& r) const {
        return r ? std::string() : "(it holds the error: " + r.error().message() + ")";
    }
};

/// TEST-MATCH-002: a result that holds a value that matches another matcher.
template <class Inner>
class holds_value_that_matcher : public matcher_base<holds_value_that_matcher<Inner>> {
public:
    explicit holds_value_that_matcher(Inner inner) : inner_(std::move(inner)) {}

    template <class T>
    [[nodiscard]] bool match(const hsct::result<T>& r) const {
        return r && inner_.match(*r);
    }
    [[nodiscard]] std::string describe() const { return "holds a value that " + inner_.describe(); }
    template <class T>
    [[nodiscard]] std::string explain(const hsct::result<T>& r) const {
        if (!r) {
            return "(it holds the error: " + r.error().message() + ")";
        }
        return "(the value is " + detail::printed(*r) + " " + inner_.explain(*r) + ")";
    }

private:
    Inner inner_;
};

/// TEST-MATCH-002: `holds_value()`.
[[nodiscard]] inline holds_value_matcher holds_value() { return {}; }
/// TEST-MATCH-002: `holds_value_that(within(72.5_kg, 0.1_kg))`.
template <class Inner>
[[nodiscard]] holds_value_that_matcher<Inner> holds_value_that(Inner inner) {
    return holds_value_that_matcher<Inner>(std::move(inner));
}

/// TEST-MATCH-002: a result that holds an error of a given code (and, if given, field path).
class is_error_matcher : public matcher_base<is_error_matcher> {
public:
    is_error_matcher(errc code, std::optional<std::string> field) : code_(code), field_(std::move(field)) {}

    template <class T>
    [[nodiscard]] bool match(const hsct::result<T>& r) const {
        return !r && r.error().code() == code_ && (!field_ || r.error().field() == *field_);
    }
    [[nodiscard]] std::string describe() const {
        std::string s = "is an error ";
        s += hsct::id(code_);
        if (field_) {
            s += " in field '" + *field_ + "'";
        }
        return s;
    }
    template <class T>
    [[nodiscard]] std::string explain(const hsct::result<T>& r) const {
        if (r) {
            return "(it holds a value: " + detail::printed(*r) + ")";
        }
        return "(it is the error " + std::string(hsct::id(r.error().code())) + " in field '" + r.error().field() +
               "': " + r.error().message() + ")";
    }

private:
    errc code_;
    std::optional<std::string> field_;
};

/// TEST-MATCH-002: `is_error(errc::out_of_range)`, `is_error(errc::out_of_range, "weight")`.
[[nodiscard]] inline is_error_matcher is_error(errc code) { return is_error_matcher(code, std::nullopt); }
[[nodiscard]] inline is_error_matcher is_error(errc code, std::string_view field) {
    return is_error_matcher(code, std::string(field));
}

namespace detail {
/// The criterion record of an element of a result's `criteria` (a criterion, or a dated record
/// holding one).
template <class E>
[[nodiscard]] constexpr const auto& criterion_of(const E& e) noexcept {
    if constexpr (requires { e.criterion.id; }) {
        return e.criterion;
    } else {
        return e;
    }
}
}  // namespace detail

/// TEST-MATCH-003: an explained result whose evidence holds criterion `id` with `outcome`.
template <class Id>
class has_criterion_matcher : public matcher_base<has_criterion_matcher<Id>> {
public:
    has_criterion_matcher(Id id, outcome o) noexcept : id_(id), outcome_(o) {}

    template <class R>
    [[nodiscard]] bool match(const R& r) const {
        if constexpr (detail::is_result<R>::value) {
            return r && match(*r);
        } else {
            for (const auto& e : r.criteria) {
                const auto& c = detail::criterion_of(e);
                if (c.id == id_ && c.result == outcome_) {
                    return true;
                }
            }
            return false;
        }
    }
    [[nodiscard]] std::string describe() const {
        return "has criterion " + std::string(hsct::id(id_)) + " " + std::string(hsct::id(outcome_));
    }
    template <class R>
    [[nodiscard]] std::string explain(const R& r) const {
        if constexpr (detail::is_result<R>::value) {
            return r ? explain(*r) : "(it holds the error: " + r.error().message() + ")";
        } else {
            std::string seen;
            for (const auto& e : r.criteria) {
                const auto& c = detail::criterion_of(e);
                if (c.id == id_) {
                    seen += (seen.empty() ? "" : ", ") + std::string(hsct::id(c.result));
                }
            }
            return seen.empty() ? "(the criterion was not evaluated)" : "(it was evaluated: " + seen + ")";
        }
    }

private:
    Id id_;
    outcome outcome_;
};

/// TEST-MATCH-003: `has_criterion(hct_ci_criterion::diabetes_treated, outcome::met)`.
template <class Id>
[[nodiscard]] has_criterion_matcher<Id> has_criterion(Id id, outcome o) noexcept {
    return has_criterion_matcher<Id>(id, o);
}

/// TEST-MATCH-004: a transplant day (`is_day(14)` is D+14, `is_day(-7)` D-7).
class is_day_matcher : public matcher_base<is_day_matcher> {
public:
    explicit is_day_matcher(std::int32_t n) noexcept : n_(n) {}

    [[nodiscard]] bool match(const transplant_day& d) const noexcept { return d.number() == n_; }
    [[nodiscard]] bool match(const std::optional<transplant_day>& d) const noexcept { return d && match(*d); }
    [[nodiscard]] std::string describe() const { return "is " + label(); }
    [[nodiscard]] std::string explain(const transplant_day& d) const {
        const std::int32_t diff = d.number() - n_;
        return "(it is " + hsct::to_string(d) + ", " + std::to_string(diff < 0 ? -diff : diff) + " day" +
               (diff == 1 || diff == -1 ? "" : "s") + (diff < 0 ? " early)" : " late)");
    }
    [[nodiscard]] std::string explain(const std::optional<transplant_day>& d) const {
        return d ? explain(*d) : std::string("(no day)");
    }

private:
    [[nodiscard]] std::string label() const {
        return n_ == 0 ? std::string("D0") : (n_ > 0 ? "D+" : "D") + std::to_string(n_);
    }
    std::int32_t n_;
};

/// TEST-MATCH-004: `is_day(14)`.
[[nodiscard]] inline is_day_matcher is_day(std::int32_t n) noexcept { return is_day_matcher(n); }

}  // namespace hsct::testing

#endif  // HSCT_TESTING_MATCHERS_HPP
