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
#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

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
[[nodiscard]] HSCT_ALWAYS_INLINE bool satisfies(double v, comparator cmp, double t HSCT_DETAIL_PROBE_PARAM) noexcept {
    switch (cmp) {
        case comparator::less: return detail::below(v, t HSCT_DETAIL_PROBE_FORWARD);
        case comparator::less_equal: return detail::at_most(v, t HSCT_DETAIL_PROBE_FORWARD);
        case comparator::greater: return detail::above(v, t HSCT_DETAIL_PROBE_FORWARD);
        case comparator::greater_equal: return detail::at_least(v, t HSCT_DETAIL_PROBE_FORWARD);
        case comparator::equal: return detail::at_threshold(v, t HSCT_DETAIL_PROBE_FORWARD);
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

    /// The naming function of E: identifies E's enumerators in type-erased records.
    template <tabled_enum E>
    [[nodiscard]] static constexpr text_fn type_of() noexcept {
        return &text_of<E>;
    }

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
// NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): the union's member unit_ is initialised
class measure {
public:
    enum class kind : std::uint8_t { none = 1, quantity = 2, count = 3, flag = 4, code = 5, missing = 6 };

    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): as above (unit_ is the active member)
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

    /// A measure from its parts (the compact form evidence<> stores).
    [[nodiscard]] static constexpr measure from_parts(kind k, double number, const unit_info* unit,
                                                      count_unit counted,
                                                      enum_ref::text_fn type,
                                                      std::uint8_t code) noexcept {
        measure m;
        m.kind_ = k;
        m.number_ = number;
        if (k == kind::quantity) {
            m.unit_ = unit;
        } else if (k == kind::code || k == kind::missing) {
            m.fn_ = type;
            m.small_ = code;
        } else if (k == kind::count) {
            m.small_ = static_cast<std::uint8_t>(counted);
        }
        return m;
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

/// A list of at most N elements stored inline: no heap, trivially copyable. push_back beyond N
/// is a contract violation: a rule sizes N to its number of criteria.
///
/// Only the elements pushed are constructed: the slots beyond size() are raw storage in a
/// union (copying a union copies its bytes, which is defined for slots never written), so an
/// empty list costs one store and a result made per patient does not first fill N records.
/// T must be trivially copyable and trivially destructible (criterion records, numbers).
template <class T, std::size_t N>
class fixed_list {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "fixed_list<T, N>: T must be trivially copyable and destructible");

public:
    using value_type = T;
    fixed_list() noexcept {}  // NOLINT(modernize-use-equals-default): leaves the slots raw

    HSCT_ALWAYS_INLINE void push_back(const T& v) {
        HSCT_EXPECTS(size_ < N, "fixed_list: capacity exceeded (a rule's criterion count)");
        ::new (static_cast<void*>(slots_.items + size_)) T(v);
        ++size_;
    }
    /// Appends T{args...} made in its slot (no temporary copied in); returns it.
    template <class... Args>
    HSCT_ALWAYS_INLINE T& emplace_back(Args&&... args) {
        HSCT_EXPECTS(size_ < N, "fixed_list: capacity exceeded (a rule's criterion count)");
        T* p = ::new (static_cast<void*>(slots_.items + size_)) T{std::forward<Args>(args)...};
        ++size_;
        return *p;
    }
    /// Removes the last element. Precondition (contract): not empty.
    HSCT_ALWAYS_INLINE void pop_back() noexcept {
        HSCT_EXPECTS(size_ > 0, "fixed_list: pop_back of an empty list");
        --size_;
    }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] static constexpr std::size_t capacity() noexcept { return N; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr const T* begin() const noexcept { return slots_.items; }
    [[nodiscard]] constexpr const T* end() const noexcept { return slots_.items + size_; }
    [[nodiscard]] constexpr T* begin() noexcept { return slots_.items; }
    [[nodiscard]] constexpr T* end() noexcept { return slots_.items + size_; }
    /// Precondition (contract): i < size().
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const {
        HSCT_EXPECTS(i < size_, "fixed_list: index out of range");
        return slots_.items[i];
    }
    friend constexpr bool operator==(const fixed_list& a, const fixed_list& b) noexcept {
        if (a.size_ != b.size_) {
            return false;
        }
        for (std::size_t i = 0; i < a.size_; ++i) {
            if (!(a.slots_.items[i] == b.slots_.items[i])) {
                return false;
            }
        }
        return true;
    }

private:
    union slots {
        slots() noexcept {}  // NOLINT(modernize-use-equals-default): no element made
        T items[N];          // NOLINT(modernize-avoid-c-arrays): storage, constructed per push
    };
    slots slots_;
    std::size_t size_ = 0;
};

/// A set of enumerators of E (codes 0-63), e.g. the input fields a result lacks. 8 bytes.
template <tabled_enum E>
class enum_set {
public:
    constexpr enum_set() noexcept = default;
    /// The enumerators whose codes are the set bits of `mask` (bit c for code c, as contains()
    /// reads them); a bit that is no enumerator of E is left out.
    [[nodiscard]] static constexpr enum_set from_bits(std::uint64_t mask) noexcept {
        constexpr std::uint64_t enumerators = enumerator_bits();
        enum_set s;
        s.bits_ = mask & enumerators;
        return s;
    }
    constexpr void insert(E e) noexcept { bits_ |= bit(e); }
    /// insert(e) when `yes`, without a branch (for a rule's hot loop).
    constexpr void insert_if(E e, bool yes) noexcept { bits_ |= bit(e) & (std::uint64_t{0} - std::uint64_t{yes}); }
    [[nodiscard]] constexpr bool contains(E e) const noexcept { return (bits_ & bit(e)) != 0; }
    [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(std::popcount(bits_)); }
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
    static constexpr std::uint64_t enumerator_bits() noexcept {
        std::uint64_t m = 0;
        for (const E e : values<E>()) {
            m |= bit(e);
        }
        return m;
    }
    std::uint64_t bits_ = 0;
};

/// Static facts about one criterion of a rule, declared once per rule and found by
/// argument-dependent lookup as `constexpr criterion_info hsct_criterion_info(Id)`: the
/// requirement ID, the comparison (comparator and threshold, in the unit of what is measured;
/// `present` for a finding) and what the criterion measures: its unit (a quantity), its count
/// unit (a count) or its enum (an enumerator).
struct criterion_info {
    const char* requirement = "";
    measure::kind kind = measure::kind::flag;  ///< what a decided criterion measures
    comparator cmp = comparator::present;
    double threshold = 0.0;
    const unit_info* unit = nullptr;           ///< kind::quantity
    count_unit counted = count_unit::none;     ///< kind::count
    enum_ref::text_fn code_type = nullptr;     ///< kind::code
};

/// Id is a rule's criterion enum with its criterion_info table.
template <class Id>
concept criterion_enum = tabled_enum<Id> && requires(Id c) {
    { hsct_criterion_info(c) } -> std::convertible_to<criterion_info>;
};

/// The evidence of a rule whose criteria are the enumerators of `Id` (codes below 64) and whose
/// inputs are the enumerators of `Field`: at most one record per criterion, indexed by the
/// criterion. A record keeps only what varies from patient to patient (the outcome, the measured
/// number or enumerator, whether the reading is verified); the requirement ID, comparator,
/// threshold and unit come from the criterion's criterion_info. Recording costs a few stores;
/// reading gives full criterion<Id> records, in criterion order. No heap, trivially copyable.
///
/// Making one costs no more than its bit sets: the per-criterion numbers are left unwritten
/// until recorded (in a union, which may be copied with slots unwritten), so a result built
/// per patient does not clear some 300 bytes first. A result type that holds evidence
/// declares its own default constructor for the same reason (value-initialising an aggregate
/// would zero it all; docs/conventions.md section 6).
template <criterion_enum Id, tabled_enum Field>
class evidence {
public:
    /// No criterion recorded.
    constexpr evidence() noexcept {}  // NOLINT(modernize-use-equals-default): see above

    /// Records criterion `id`: its outcome, the number it measured (for an enumerator, or the
    /// missing input, its code) and whether its reading is verified. What kind of value the
    /// number is comes from the criterion's info (kind::missing when the outcome is unknown).
    /// Precondition (contract, checked): `id` is a criterion of the rule (code below 64).
    HSCT_ALWAYS_INLINE void record(Id id, outcome result, double number, bool verified) noexcept {
        put(index(id), result == outcome::met, result == outcome::unknown,
            result == outcome::not_applicable, verified, number);
    }
    /// A quantity (kind::quantity) or a count (kind::count) in the unit of the criterion's
    /// info, compared as the info says. Returns whether it met.
    HSCT_ALWAYS_INLINE bool value(Id id, double number, bool verified = true) noexcept {
        const auto i = index(id);
        const criterion_info& info = info_[i];
        const bool met = satisfies(number, info.cmp, info.threshold);
        put(i, met, false, false, verified, number);
        return met;
    }
    /// A yes/no finding (kind::flag): met when present.
    HSCT_ALWAYS_INLINE bool flag(Id id, bool present, bool verified = true) noexcept {
        put(index(id), present, false, false, verified, static_cast<double>(present));
        return present;
    }
    /// An enumerator (kind::code, of the info's enum) that meets the criterion or not.
    template <tabled_enum E>
    HSCT_ALWAYS_INLINE bool code(Id id, E e, bool met, bool verified = true) noexcept {
        put(index(id), met, false, false, verified,
            static_cast<double>(static_cast<std::uint8_t>(e)));
        return met;
    }
    /// The input the criterion needs is missing: outcome unknown, the input recorded.
    HSCT_ALWAYS_INLINE void missing(Id id, Field f, bool verified = true) noexcept {
        put(index(id), false, true, false, verified,
            static_cast<double>(static_cast<std::uint8_t>(f)));
        missing_.insert(f);
    }
    /// The criterion does not apply to this patient; what was measured (a number as value()
    /// takes it, 1/0 for a finding, an enumerator's code) is kept for the record.
    HSCT_ALWAYS_INLINE void not_applicable(Id id, double number, bool verified = true) noexcept {
        put(index(id), false, false, true, verified, number);
    }

    /// True when criterion `id` was evaluated.
    [[nodiscard]] constexpr bool contains(Id id) const noexcept {
        const auto i = static_cast<std::size_t>(static_cast<std::uint8_t>(id));
        return i < 64 && (evaluated_ >> i & 1U) != 0;
    }
    /// The outcome of an evaluated criterion (outcome::unknown if it was not evaluated).
    [[nodiscard]] constexpr outcome outcome_of(Id id) const noexcept {
        if (!contains(id)) {
            return outcome::unknown;
        }
        return outcome_at(static_cast<std::size_t>(static_cast<std::uint8_t>(id)));
    }
    /// The full record of criterion `id`, if it was evaluated.
    [[nodiscard]] std::optional<criterion<Id>> find(Id id) const noexcept {
        if (!contains(id)) {
            return std::nullopt;
        }
        return at(static_cast<std::size_t>(static_cast<std::uint8_t>(id)));
    }
    /// The number of criteria evaluated.
    [[nodiscard]] constexpr std::size_t size() const noexcept {
        std::size_t n = 0;
        for (auto b = evaluated_; b != 0; b &= b - 1) {
            ++n;
        }
        return n;
    }
    [[nodiscard]] constexpr bool empty() const noexcept { return evaluated_ == 0; }
    /// The inputs that were missing.
    [[nodiscard]] constexpr const enum_set<Field>& missing_inputs() const noexcept {
        return missing_;
    }
    /// Bit sets over criterion codes (bit c for criterion code c): evaluated, met, unknown, and
    /// decided by an unverified reading. A rule folds its criteria into items with these.
    [[nodiscard]] constexpr std::uint64_t evaluated_mask() const noexcept { return evaluated_; }
    [[nodiscard]] constexpr std::uint64_t met_mask() const noexcept { return met_; }
    [[nodiscard]] constexpr std::uint64_t unknown_mask() const noexcept { return unknown_; }
    [[nodiscard]] constexpr std::uint64_t unverified_mask() const noexcept { return unverified_; }

    /// Iterates the evaluated criteria in criterion order, giving criterion<Id> by value.
    class iterator {
    public:
        using value_type = criterion<Id>;
        using difference_type = std::ptrdiff_t;
        constexpr iterator() noexcept = default;
        [[nodiscard]] criterion<Id> operator*() const noexcept { return e_->at(i_); }
        iterator& operator++() noexcept {
            i_ = e_->next(i_ + 1);
            return *this;
        }
        iterator operator++(int) noexcept {
            iterator t = *this;
            ++*this;
            return t;
        }
        friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
            return a.i_ == b.i_;
        }

    private:
        friend class evidence;
        constexpr iterator(const evidence* e, std::size_t i) noexcept : e_(e), i_(i) {}
        const evidence* e_ = nullptr;
        std::size_t i_ = 64;
    };
    [[nodiscard]] iterator begin() const noexcept { return iterator(this, next(0)); }
    [[nodiscard]] iterator end() const noexcept { return iterator(this, 64); }

    friend constexpr bool operator==(const evidence& a, const evidence& b) noexcept {
        if (a.evaluated_ != b.evaluated_ || a.met_ != b.met_ || a.unknown_ != b.unknown_ ||
            a.not_applicable_ != b.not_applicable_ || a.unverified_ != b.unverified_ ||
            !(a.missing_ == b.missing_)) {
            return false;
        }
        for (std::size_t i = 0; i < slots; ++i) {
            if ((a.evaluated_ >> i & 1U) != 0 && a.number(i) != b.number(i)) {
                return false;
            }
        }
        return true;
    }

private:
    static constexpr std::size_t slots = [] {
        std::size_t m = 0;
        for (const Id c : values<Id>()) {
            const auto k = static_cast<std::size_t>(static_cast<std::uint8_t>(c));
            m = k > m ? k : m;
        }
        return m + 1;
    }();
    static_assert(slots <= 64, "evidence<Id>: criterion codes must be below 64");

    /// The criteria's static facts, by code, computed once at compile time.
    static constexpr std::array<criterion_info, slots> info_ = [] {
        std::array<criterion_info, slots> t{};
        for (const Id c : values<Id>()) {
            t[static_cast<std::size_t>(static_cast<std::uint8_t>(c))] = hsct_criterion_info(c);
        }
        return t;
    }();

    HSCT_ALWAYS_INLINE static std::size_t index(Id id) noexcept {
        const auto i = static_cast<std::size_t>(static_cast<std::uint8_t>(id));
        HSCT_EXPECTS(i < slots, "evidence: not a criterion of this rule");
        return i;
    }
    /// Records criterion code i. The outcome arrives as three flags (at most one set), merged
    /// into the bit sets by shifts, not branches: a rule over random patients pays no
    /// mispredicted jump per criterion, and a flag known at compile time (a missing input is
    /// never met) costs nothing. A criterion recorded again replaces its record (a branch that
    /// a rule recording each criterion once always predicts).
    HSCT_ALWAYS_INLINE void put(std::size_t i, bool met, bool unknown, bool not_applicable,
                                bool verified, double number) noexcept {
        number_.values[i] = number;
        const std::uint64_t bit = std::uint64_t{1} << i;
        if ((evaluated_ & bit) != 0) {
            met_ &= ~bit;
            unknown_ &= ~bit;
            not_applicable_ &= ~bit;
            unverified_ &= ~bit;
        }
        evaluated_ |= bit;
        met_ |= static_cast<std::uint64_t>(met) << i;
        unknown_ |= static_cast<std::uint64_t>(unknown) << i;
        not_applicable_ |= static_cast<std::uint64_t>(not_applicable) << i;
        unverified_ |= static_cast<std::uint64_t>(!verified) << i;
    }
    [[nodiscard]] constexpr outcome outcome_at(std::size_t i) const noexcept {
        const std::uint64_t bit = std::uint64_t{1} << i;
        return (met_ & bit) != 0              ? outcome::met
               : (unknown_ & bit) != 0        ? outcome::unknown
               : (not_applicable_ & bit) != 0 ? outcome::not_applicable
                                              : outcome::not_met;
    }
    [[nodiscard]] std::size_t next(std::size_t from) const noexcept {
        for (std::size_t i = from; i < 64; ++i) {
            if ((evaluated_ >> i & 1U) != 0) {
                return i;
            }
        }
        return 64;
    }
    [[nodiscard]] criterion<Id> at(std::size_t i) const noexcept {
        const Id id = static_cast<Id>(i);
        const criterion_info& info = info_[i];
        const bool missing = ((unknown_ >> i) & 1U) != 0;
        const auto k = missing ? measure::kind::missing : info.kind;
        const bool coded = k == measure::kind::code || k == measure::kind::missing;
        const measure m = measure::from_parts(
            k, coded ? 0.0 : number(i), info.unit, info.counted,
            missing ? enum_ref::type_of<Field>() : info.code_type,
            coded ? static_cast<std::uint8_t>(number(i)) : std::uint8_t{0});
        return criterion<Id>{id,  outcome_at(i), info.cmp, ((unverified_ >> i) & 1U) == 0,
                             info.requirement, m, info.threshold};
    }

    /// The number recorded for criterion code i (only for an evaluated criterion).
    [[nodiscard]] constexpr double number(std::size_t i) const noexcept {
        return number_.values[i];
    }

    // The number of each criterion: written when the criterion is recorded and read only if it
    // was. A union, so that the slots need no initialising and copying unwritten ones is
    // defined (a union copies its bytes); doubles, not bytes, so that writing one does not, to
    // the compiler, possibly change every other object (the rule's input among them).
    union numbers {
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): slots raw, written before read
        constexpr numbers() noexcept {}  // NOLINT(modernize-use-equals-default): slots raw
        double values[slots];            // NOLINT(modernize-avoid-c-arrays)
    };
    numbers number_;
    std::uint64_t evaluated_ = 0;
    std::uint64_t met_ = 0;
    std::uint64_t unknown_ = 0;
    std::uint64_t not_applicable_ = 0;
    std::uint64_t unverified_ = 0;
    enum_set<Field> missing_;
};

}  // namespace hsct

#endif  // HSCT_CORE_EXPLAIN_HPP
