// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Explained results as data (CORE-EXPLAIN-001). A rule's result records, for every criterion it
// evaluated, a `criterion<Id>`: which criterion (the rule's own criterion enum), its requirement
// ID, the measured value (typed: a quantity in a unit, a count, a finding, an enumerator, or the
// input that was missing), the threshold, the comparator, the outcome (met / not met / unknown /
// not applicable) and whether the source of the rule was verified. Policies and options the rule
// ran under are fields of the result itself. Nothing here allocates: criteria live in a
// fixed-capacity list sized by the rule, missing inputs in a bit set of the rule's input-field
// enum. Text is rendered on demand from this data (<hsct/core/explain_text.hpp>), so the words
// can never disagree with the decision.
//
//   for (const auto& c : result.criteria) {
//       if (c.result == hsct::outcome::met) { ... c.id, c.measured.number(), c.threshold ... }
//   }
#ifndef HSCT_CORE_EXPLAIN_HPP
#define HSCT_CORE_EXPLAIN_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "hsct/core/config.hpp"
#include "hsct/core/detail/enum_table.hpp"
#include "hsct/core/detail/threshold.hpp"
#include "hsct/core/quantity.hpp"

namespace hsct {

/// CORE-EXPLAIN-001: the outcome of one criterion. "Does not apply" is a value, never an error.
enum class outcome : std::uint8_t {
    met = 1,             ///< the criterion holds for the measured value
    not_met = 2,         ///< it does not
    unknown = 3,         ///< an input it needs is missing
    not_applicable = 4,  ///< the criterion does not apply to this patient (e.g. a paediatric rule)
};

constexpr auto hsct_enum_table(outcome) noexcept {
    return make_enum_table<outcome>("outcome", {
        {outcome::met, "met", "met"},
        {outcome::not_met, "not_met", "not met"},
        {outcome::unknown, "unknown", "unknown (input missing)"},
        {outcome::not_applicable, "not_applicable", "does not apply"},
    });
}

/// How a measured value is compared with its threshold.
enum class comparator : std::uint8_t {
    less = 1,
    less_equal = 2,
    greater = 3,
    greater_equal = 4,
    equal = 5,
    /// A finding: met when it is present (a yes/no input that is yes, or an enumerator that is
    /// one of those the criterion counts). No threshold.
    present = 6,
};

constexpr auto hsct_enum_table(comparator) noexcept {
    return make_enum_table<comparator>("comparator", {
        {comparator::less, "less", "<"},
        {comparator::less_equal, "less_equal", "<="},
        {comparator::greater, "greater", ">"},
        {comparator::greater_equal, "greater_equal", ">="},
        {comparator::equal, "equal", "="},
        {comparator::present, "present", "present"},
    });
}

/// CORE-THRESH-001: `v cmp t`, where values within 1e-9 of the threshold (relative, or absolute
/// below 1) count as equal to it, so a decimal input that lands a binary rounding error off a
/// published cut-off is read as exactly at it. `present` compares v != 0.
[[nodiscard]] inline bool satisfies(double v, comparator cmp, double t) noexcept {
    switch (cmp) {
        case comparator::less: return detail::below(v, t);
        case comparator::less_equal: return detail::at_most(v, t);
        case comparator::greater: return detail::above(v, t);
        case comparator::greater_equal: return detail::at_least(v, t);
        case comparator::equal: return detail::at_threshold(v, t);
        case comparator::present: return v != 0.0;
    }
    return false;
}

/// The unit of a count that is not a physical quantity.
enum class count_unit : std::uint8_t {
    none = 1,       ///< a plain number
    years = 2,
    months = 3,
    days = 4,
    points = 5,     ///< score points
    times_uln = 6,  ///< a multiple of the laboratory's upper limit of normal
    percentile = 7,
};

constexpr auto hsct_enum_table(count_unit) noexcept {
    return make_enum_table<count_unit>("count_unit", {
        {count_unit::none, "none", "(no unit)"},
        {count_unit::years, "years", "years"},
        {count_unit::months, "months", "months"},
        {count_unit::days, "days", "days"},
        {count_unit::points, "points", "points"},
        {count_unit::times_uln, "times_uln", "x ULN"},
        {count_unit::percentile, "percentile", "th percentile"},
    });
}

/// Which text of an enumerator enum_ref::text gives.
enum class enum_text : std::uint8_t { enum_name = 1, id = 2, label = 3 };

/// An enumerator of any hsct enum, type-erased into 16 bytes: its code and a function that
/// names it. Lets a criterion record "heart valve finding = other valve disease" as data.
class enum_ref {
public:
    constexpr enum_ref() noexcept = default;
    template <tabled_enum E>
    [[nodiscard]] static constexpr enum_ref of(E e) noexcept {
        enum_ref r;
        r.text_ = &text_of<E>;
        r.code_ = static_cast<std::uint8_t>(e);
        return r;
    }
    [[nodiscard]] constexpr std::uint8_t code() const noexcept { return code_; }
    /// The enum's table name, the enumerator's id or its English label.
    [[nodiscard]] std::string_view text(enum_text which) const noexcept {
        return text_ != nullptr ? text_(code_, which) : std::string_view{};
    }
    /// The enumerator, if this refers to an enumerator of E.
    template <tabled_enum E>
    [[nodiscard]] constexpr std::optional<E> as() const noexcept {
        if (text_ != &text_of<E>) {
            return std::nullopt;
        }
        return static_cast<E>(code_);
    }
    friend constexpr bool operator==(const enum_ref& a, const enum_ref& b) noexcept {
        return a.text_ == b.text_ && a.code_ == b.code_;
    }

    using text_fn = std::string_view (*)(std::uint8_t, enum_text) noexcept;

private:
    friend class measure;
    constexpr enum_ref(text_fn f, std::uint8_t code) noexcept : text_(f), code_(code) {}
    template <tabled_enum E>
    static std::string_view text_of(std::uint8_t code, enum_text which) noexcept {
        const auto e = static_cast<E>(code);
        switch (which) {
            case enum_text::enum_name: return enum_name<E>();
            case enum_text::id: return id(e);
            case enum_text::label: return label(e);
        }
        return {};
    }
    std::string_view (*text_)(std::uint8_t, enum_text) noexcept = nullptr;
    std::uint8_t code_ = 0;
};

/// What a criterion measured: nothing, a quantity in a unit, a count, a yes/no finding, an
/// enumerator, or the input that was missing. 24 bytes, trivially copyable.
class measure {
public:
    enum class kind : std::uint8_t { none = 1, quantity = 2, count = 3, flag = 4, code = 5, missing = 6 };

    constexpr measure() noexcept = default;

    /// A quantity, recorded in the unit `unit` (its number is q.in(unit)).
    template <quantity Q, unit_of<Q> U>
    [[nodiscard]] static constexpr measure of(const Q& q, U unit) noexcept {
        measure m;
        m.kind_ = kind::quantity;
        m.number_ = q.in(unit);
        m.unit_ = &U::info;
        return m;
    }
    /// A count: 45 years, 2 points, 1.6 x ULN.
    [[nodiscard]] static constexpr measure count(double n, count_unit u) noexcept {
        measure m;
        m.kind_ = kind::count;
        m.number_ = n;
        m.small_ = static_cast<std::uint8_t>(u);
        return m;
    }
    /// A yes/no finding.
    [[nodiscard]] static constexpr measure flag(bool present) noexcept {
        measure m;
        m.kind_ = kind::flag;
        m.number_ = present ? 1.0 : 0.0;
        return m;
    }
    /// An enumerator.
    template <tabled_enum E>
    [[nodiscard]] static constexpr measure code(E e) noexcept {
        measure m;
        m.kind_ = kind::code;
        m.set_ref(enum_ref::of(e));
        return m;
    }
    /// The input (an enumerator of the rule's input-field enum) that was missing.
    template <tabled_enum Field>
    [[nodiscard]] static constexpr measure missing(Field f) noexcept {
        measure m;
        m.kind_ = kind::missing;
        m.set_ref(enum_ref::of(f));
        return m;
    }

    [[nodiscard]] constexpr kind what() const noexcept { return kind_; }
    /// The number: the quantity in its recorded unit, the count, 1/0 for a finding.
    [[nodiscard]] constexpr double number() const noexcept { return number_; }
    /// The unit of a quantity (nullptr otherwise).
    [[nodiscard]] constexpr const unit_info* unit() const noexcept {
        return kind_ == kind::quantity ? unit_ : nullptr;
    }
    /// The unit of a count (count_unit::none otherwise).
    [[nodiscard]] constexpr count_unit counted_in() const noexcept {
        return kind_ == kind::count ? static_cast<count_unit>(small_) : count_unit::none;
    }
    /// The enumerator of a code or of a missing input.
    [[nodiscard]] constexpr enum_ref enumerator() const noexcept {
        return kind_ == kind::code || kind_ == kind::missing ? enum_ref(fn_, small_) : enum_ref{};
    }
    /// The quantity as Q, if this is a quantity of a unit Q accepts.
    template <quantity Q>
    [[nodiscard]] constexpr std::optional<Q> as() const noexcept {
        if (kind_ != kind::quantity || unit_ == nullptr ||
            !detail::quantity_traits<Q>::accepts_dimension(unit_->dim)) {
            return std::nullopt;
        }
        return Q(detail::quantity_traits<Q>::to_stored(number_, *unit_),
                 canonical_unit_t<Q>{});
    }

    friend constexpr bool operator==(const measure& a, const measure& b) noexcept {
        return a.kind_ == b.kind_ && a.number_ == b.number_ && a.small_ == b.small_ &&
               (a.kind_ == kind::quantity ? a.unit_ == b.unit_
                                          : a.enumerator() == b.enumerator());
    }

private:
    constexpr void set_ref(const enum_ref& r) noexcept {
        fn_ = r.text_;
        small_ = r.code_;
    }
    double number_ = 0.0;
    union {
        const unit_info* unit_ = nullptr;  // kind::quantity
        enum_ref::text_fn fn_;             // kind::code, kind::missing (small_ is the code)
    };
    kind kind_ = kind::none;
    std::uint8_t small_ = 0;
};

/// One evaluated criterion of a rule whose criteria are the enumerators of `Id`.
template <tabled_enum Id>
struct criterion {
    Id id{};                        ///< which criterion (label and stable id from Id's table)
    outcome result = outcome::unknown;
    comparator cmp = comparator::present;
    bool verified = true;           ///< false: hsct's reading of a source it could not verify
    const char* requirement = "";   ///< requirement ID, e.g. "PAT-HCTCI-002" (a literal)
    measure measured;               ///< what was measured (or which input was missing)
    double threshold = 0.0;         ///< in the measured value's unit; unused for `present`

    friend constexpr bool operator==(const criterion& a, const criterion& b) noexcept {
        return a.id == b.id && a.result == b.result && a.cmp == b.cmp &&
               a.verified == b.verified && std::string_view(a.requirement) == b.requirement &&
               a.measured == b.measured && a.threshold == b.threshold;
    }
};

/// A list of at most N elements stored inline: no heap, trivially copyable when T is.
/// push_back beyond N is a contract violation: a rule sizes N to its number of criteria.
template <class T, std::size_t N>
class fixed_list {
public:
    using value_type = T;
    constexpr fixed_list() noexcept = default;

    constexpr void push_back(const T& v) {
        HSCT_EXPECTS(size_ < N, "fixed_list: capacity exceeded (a rule's criterion count)");
        items_[size_++] = v;
    }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] static constexpr std::size_t capacity() noexcept { return N; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr const T* begin() const noexcept { return items_.data(); }
    [[nodiscard]] constexpr const T* end() const noexcept { return items_.data() + size_; }
    [[nodiscard]] constexpr T* begin() noexcept { return items_.data(); }
    [[nodiscard]] constexpr T* end() noexcept { return items_.data() + size_; }
    /// Precondition (contract): i < size().
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const {
        HSCT_EXPECTS(i < size_, "fixed_list: index out of range");
        return items_[i];
    }
    friend constexpr bool operator==(const fixed_list& a, const fixed_list& b) noexcept {
        if (a.size_ != b.size_) {
            return false;
        }
        for (std::size_t i = 0; i < a.size_; ++i) {
            if (!(a.items_[i] == b.items_[i])) {
                return false;
            }
        }
        return true;
    }

private:
    std::array<T, N> items_{};
    std::size_t size_ = 0;
};

/// A set of enumerators of E (codes 0-63), e.g. the input fields a result lacks. 8 bytes.
template <tabled_enum E>
class enum_set {
public:
    constexpr enum_set() noexcept = default;
    constexpr void insert(E e) noexcept { bits_ |= bit(e); }
    [[nodiscard]] constexpr bool contains(E e) const noexcept { return (bits_ & bit(e)) != 0; }
    [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
    [[nodiscard]] constexpr std::size_t size() const noexcept {
        std::size_t n = 0;
        for (auto b = bits_; b != 0; b &= b - 1) {
            ++n;
        }
        return n;
    }
    constexpr enum_set& operator|=(const enum_set& o) noexcept {
        bits_ |= o.bits_;
        return *this;
    }
    /// The members, in table order.
    template <class F>
    constexpr void for_each(F&& f) const {
        for (const E e : values<E>()) {
            if (contains(e)) {
                f(e);
            }
        }
    }
    friend constexpr bool operator==(enum_set, enum_set) noexcept = default;

private:
    static constexpr std::uint64_t bit(E e) noexcept {
        const auto c = static_cast<unsigned>(static_cast<std::uint8_t>(e));
        return c < 64 ? (std::uint64_t{1} << c) : 0;
    }
    std::uint64_t bits_ = 0;
};

}  // namespace hsct

#endif  // HSCT_CORE_EXPLAIN_HPP
