// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// hsct::error and hsct::result<T>: how every fallible operation reports bad input without
// throwing. result<T> uses the vocabulary of C++23 std::expected so that it can become an
// alias of std::expected<T, hsct::error> later without changing callers.
#ifndef HSCT_CORE_RESULT_HPP
#define HSCT_CORE_RESULT_HPP

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <new>
#include <optional>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/enum_table.hpp"

namespace hsct {

/// Stable error codes. The numbers are part of the API: they may be stored by programs and
/// are never reused or renumbered (docs/core.md lists them).
enum class errc : std::uint8_t {
    out_of_range = 1,     ///< a number outside the field's valid range
    not_finite = 2,       ///< NaN or infinity
    unknown_unit = 3,     ///< a unit string hsct does not know
    wrong_dimension = 4,  ///< a known unit that does not measure this field (mg/dL for a count)
    syntax = 5,           ///< text that cannot be read as the expected form
    inconsistent = 6,     ///< values that are each valid but contradict each other
    not_allowed = 7,      ///< an operation the current state does not permit
    missing = 8,          ///< a required value is absent
};

constexpr auto hsct_enum_table(errc) noexcept {
    return make_enum_table<errc>("errc", {
        {errc::out_of_range, "out_of_range", "out of range"},
        {errc::not_finite, "not_finite", "not a finite number"},
        {errc::unknown_unit, "unknown_unit", "unknown unit"},
        {errc::wrong_dimension, "wrong_dimension", "unit of another dimension"},
        {errc::syntax, "syntax", "cannot be read"},
        {errc::inconsistent, "inconsistent", "inconsistent"},
        {errc::not_allowed, "not_allowed", "not allowed"},
        {errc::missing, "missing", "missing"},
    });
}

/// Where an input sat, e.g. "hct_ci.prior_tumours[1]", kept as up to three pieces of text and an
/// index and joined only when an error is made, so that checking a valid input allocates
/// nothing. Every piece must outlive the call it is passed to (literals and the caller's own
/// strings do).
class field_ref {
public:
    constexpr field_ref() noexcept = default;
    constexpr field_ref(const char* leaf) noexcept : parts_{leaf, {}, {}} {}  // NOLINT
    constexpr field_ref(std::string_view leaf) noexcept : parts_{leaf, {}, {}} {}  // NOLINT
    field_ref(const std::string& leaf) noexcept : parts_{leaf, {}, {}} {}  // NOLINT
    /// "parent.leaf"
    constexpr field_ref(std::string_view parent, std::string_view leaf) noexcept
        : parts_{parent, leaf, {}} {}
    /// "parent.leaf.sub"
    constexpr field_ref(std::string_view parent, std::string_view leaf,
                        std::string_view sub) noexcept
        : parts_{parent, leaf, sub} {}

    /// The same path with "[index]" after it.
    [[nodiscard]] constexpr field_ref at(std::size_t index) const noexcept {
        field_ref f = *this;
        f.index_ = index;
        f.has_index_ = true;
        return f;
    }

    /// The path joined with '.', e.g. "hct_ci.prior_tumours[1]".
    [[nodiscard]] std::string str() const {
        std::string s;
        for (const auto p : parts_) {
            if (p.empty()) {
                continue;
            }
            if (!s.empty()) {
                s += '.';
            }
            s.append(p.data(), p.size());
        }
        if (has_index_) {
            s += '[';
            s += std::to_string(index_);
            s += ']';
        }
        return s;
    }

private:
    std::string_view parts_[3]{};
    std::size_t index_ = 0;
    bool has_index_ = false;
};

/// Why an input was refused: a code for programs, the field, the offending value (as text, with
/// its unit) and what would have been valid, for people, and the requirement ID of the rule
/// that refused it where one did.
class error {
public:
    error(errc code, field_ref field, std::string value, std::string valid,
          std::string_view requirement = {})
        : code_(code), field_(field.str()), value_(std::move(value)), valid_(std::move(valid)),
          requirement_(requirement) {}

    [[nodiscard]] errc code() const noexcept { return code_; }
    /// The field that was refused, e.g. "bilirubin" or "timeline.infusion_dates".
    [[nodiscard]] const std::string& field() const noexcept { return field_; }
    /// The offending value as text, with its unit where it had one, e.g. "1e+09 mg/dL".
    [[nodiscard]] const std::string& value() const noexcept { return value_; }
    /// The valid range or form, e.g. "0-100 mg/dL" or "one of: mg/dL, umol/L".
    [[nodiscard]] const std::string& valid_range() const noexcept { return valid_; }
    /// The requirement ID of the rule that refused the input (e.g. "PAT-BODY-001"), or empty.
    [[nodiscard]] std::string_view requirement() const noexcept { return requirement_; }

    /// The same error with the requirement ID set (a static string, e.g. a literal).
    [[nodiscard]] error with_requirement(std::string_view requirement) && {
        requirement_ = requirement;
        return std::move(*this);
    }
    /// The same error with the offset (0-based, in characters of value()) of the first
    /// character of a text that could not be read: a parser's answer to "where".
    [[nodiscard]] error at_position(std::size_t offset) && {
        position_ = offset;
        has_position_ = true;
        return std::move(*this);
    }
    /// The offset set by at_position(), if any.
    [[nodiscard]] std::optional<std::size_t> position() const noexcept {
        return has_position_ ? std::optional<std::size_t>(position_) : std::nullopt;
    }

    /// One readable English sentence, e.g.
    /// "bilirubin: 1e+09 mg/dL is outside the valid range 0-100 mg/dL".
    [[nodiscard]] std::string message() const {
        std::string m = field_;
        m += ": ";
        switch (code_) {
            case errc::out_of_range:
                m += value_ + " is outside the valid range " + valid_;
                break;
            case errc::not_finite:
                m += value_ + " is not a finite number; the valid range is " + valid_;
                break;
            case errc::unknown_unit:
                m += "unknown unit '" + value_ + "'; expected one of " + valid_;
                break;
            case errc::wrong_dimension:
                m += "unit '" + value_ + "' does not measure this field; expected one of " + valid_;
                break;
            case errc::syntax:
                m += "cannot read '" + value_ + "'";
                if (has_position_) {
                    m += " at offset " + std::to_string(position_);
                }
                m += "; expected " + valid_;
                break;
            case errc::inconsistent:
                m += value_ + " is inconsistent: " + valid_;
                break;
            case errc::not_allowed:
                m += value_ + " is not allowed: " + valid_;
                break;
            case errc::missing:
                m += "missing value; expected " + valid_;
                break;
        }
        if (!requirement_.empty()) {
            m += " (";
            m.append(requirement_.data(), requirement_.size());
            m += ')';
        }
        return m;
    }

    friend bool operator==(const error&, const error&) = default;

private:
    errc code_;
    std::string field_;
    std::string value_;
    std::string valid_;
    std::string_view requirement_;
    std::size_t position_ = 0;
    bool has_position_ = false;
};

template <class T>
class result;

namespace detail {
template <class T>
struct is_result : std::false_type {};
template <class T>
struct is_result<result<T>> : std::true_type {};
}  // namespace detail

/// A value of type T, or the hsct::error that explains why there is none.
///
/// Access to the wrong alternative (value() on an error, error() on a value) is a contract
/// violation: it goes to the contract handler and aborts. It never throws.
template <class T>
class [[nodiscard]] result {
    static_assert(!std::is_reference_v<T> && !std::is_void_v<T>,
                  "hsct::result<T> holds an object value");
    static_assert(!std::is_same_v<std::remove_cv_t<T>, hsct::error>,
                  "hsct::result<hsct::error> would be ambiguous");

public:
    using value_type = T;
    using error_type = hsct::error;
    template <class U>
    using rebind = result<U>;

    // Implicit from a value and from an error, so a function returning result<T> can
    // `return value;` or `return error{...};`.
    result(const T& v) : value_(v), has_(true) {}                 // NOLINT(google-explicit-constructor)
    result(T&& v) : value_(std::move(v)), has_(true) {}           // NOLINT
    result(const hsct::error& e) : error_(e), has_(false) {}      // NOLINT
    result(hsct::error&& e) : error_(std::move(e)), has_(false) {}  // NOLINT
    /// A value made in place from `args` (as std::expected): lets a function build a large
    /// result where it will be returned, without a copy.
    template <class... Args>
    explicit result(std::in_place_t, Args&&... args)
        : value_(std::forward<Args>(args)...), has_(true) {}

    result(const result& o) : has_(o.has_) {
        if (has_) {
            ::new (static_cast<void*>(&value_)) T(o.value_);
        } else {
            ::new (static_cast<void*>(&error_)) hsct::error(o.error_);
        }
    }
    result(result&& o) noexcept(std::is_nothrow_move_constructible_v<T>) : has_(o.has_) {
        if (has_) {
            ::new (static_cast<void*>(&value_)) T(std::move(o.value_));
        } else {
            ::new (static_cast<void*>(&error_)) hsct::error(std::move(o.error_));
        }
    }
    result& operator=(const result& o) {
        if (this != &o) {
            result copy(o);
            *this = std::move(copy);
        }
        return *this;
    }
    result& operator=(result&& o) noexcept(std::is_nothrow_move_constructible_v<T> &&
                                           std::is_nothrow_move_assignable_v<T>) {
        if (this == &o) {
            return *this;
        }
        if (has_ && o.has_) {
            value_ = std::move(o.value_);
        } else if (!has_ && !o.has_) {
            error_ = std::move(o.error_);
        } else {
            destroy();
            has_ = o.has_;
            if (has_) {
                ::new (static_cast<void*>(&value_)) T(std::move(o.value_));
            } else {
                ::new (static_cast<void*>(&error_)) hsct::error(std::move(o.error_));
            }
        }
        return *this;
    }
    ~result() { destroy(); }

    [[nodiscard]] bool has_value() const noexcept { return has_; }
    explicit operator bool() const noexcept { return has_; }

    [[nodiscard]] T& value() & {
        HSCT_EXPECTS(has_, "result::value() called on a result that holds an error");
        return value_;
    }
    [[nodiscard]] const T& value() const& {
        HSCT_EXPECTS(has_, "result::value() called on a result that holds an error");
        return value_;
    }
    [[nodiscard]] T&& value() && {
        HSCT_EXPECTS(has_, "result::value() called on a result that holds an error");
        return std::move(value_);
    }

    [[nodiscard]] const hsct::error& error() const& {
        HSCT_EXPECTS(!has_, "result::error() called on a result that holds a value");
        return error_;
    }
    [[nodiscard]] hsct::error&& error() && {
        HSCT_EXPECTS(!has_, "result::error() called on a result that holds a value");
        return std::move(error_);
    }

    [[nodiscard]] T& operator*() & { return value(); }
    [[nodiscard]] const T& operator*() const& { return value(); }
    [[nodiscard]] T&& operator*() && { return std::move(*this).value(); }
    [[nodiscard]] T* operator->() { return &value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }

    template <class U>
    [[nodiscard]] T value_or(U&& fallback) const& {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

    /// f(T) -> result<U>; an hsct::error passes through untouched.
    template <class F>
    auto and_then(F&& f) const& {
        using R = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
        static_assert(detail::is_result<R>::value, "and_then: f must return an hsct::result");
        if (has_value()) {
            return std::invoke(std::forward<F>(f), value());
        }
        return R(error());
    }
    /// The same on an rvalue: the value (or the error) is moved, not copied.
    template <class F>
    auto and_then(F&& f) && {
        using R = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
        static_assert(detail::is_result<R>::value, "and_then: f must return an hsct::result");
        if (has_value()) {
            return std::invoke(std::forward<F>(f), std::move(*this).value());
        }
        return R(std::move(*this).error());
    }

    /// f(T) -> U; gives result<U>. An hsct::error passes through untouched.
    template <class F>
    auto transform(F&& f) const& {
        using U = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
        using R = result<U>;
        if (has_value()) {
            return R(std::invoke(std::forward<F>(f), value()));
        }
        return R(error());
    }
    /// The same on an rvalue: the value (or the error) is moved, not copied.
    template <class F>
    auto transform(F&& f) && {
        using U = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
        using R = result<U>;
        if (has_value()) {
            return R(std::invoke(std::forward<F>(f), std::move(*this).value()));
        }
        return R(std::move(*this).error());
    }

    /// f(hsct::error) -> result<T>; a value passes through untouched.
    template <class F>
    result or_else(F&& f) const& {
        using R = std::remove_cvref_t<std::invoke_result_t<F, const hsct::error&>>;
        static_assert(std::is_same_v<R, result>, "or_else: f must return the same result type");
        if (has_value()) {
            return *this;
        }
        return std::invoke(std::forward<F>(f), error());
    }

    /// f(hsct::error) -> error; a value passes through untouched.
    template <class F>
    result transform_error(F&& f) const& {
        if (has_value()) {
            return *this;
        }
        return result(hsct::error(std::invoke(std::forward<F>(f), error())));
    }

    friend bool operator==(const result& a, const result& b) {
        if (a.has_ != b.has_) {
            return false;
        }
        return a.has_ ? static_cast<bool>(a.value_ == b.value_) : a.error_ == b.error_;
    }

private:
    void destroy() noexcept {
        if (has_) {
            value_.~T();
        } else {
            error_.~error();
        }
    }

    // A union rather than std::variant: the same layout, and each result<T> costs a translation
    // unit a fraction of what a variant instantiation does (docs/conventions.md, section 7).
    union {
        T value_;
        hsct::error error_;
    };
    bool has_;
};

/// The same error with its field renamed (e.g. "value" -> "patient.weight"), so a caller that
/// validates a nested value can say where it sat.
inline error with_field(const error& e, field_ref field) {
    return error(e.code(), field, e.value(), e.valid_range(), e.requirement());
}

}  // namespace hsct

#endif  // HSCT_CORE_RESULT_HPP
