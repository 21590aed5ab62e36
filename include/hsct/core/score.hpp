// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// One template for every bounded clinical score (CORE-SCORE-001): Karnofsky, ECOG, HCT-CI points,
// EBMT points, a GVHD stage... A score is an integer in [min, max] in steps of `step`, its own
// type (two scores never mix), the size of its representation, and can only be made valid:
//
//   struct ecog_tag {
//       static constexpr int min = 0, max = 5, step = 1;
//       static constexpr std::string_view name = "ecog";       // the field in errors
//       static constexpr std::string_view requirement = "PAT-PERF-002";
//   };
//   using ecog_score = hsct::bounded_score<ecog_tag>;
//
//   auto s = ecog_score::make(2);                 // result<ecog_score>: a stored or typed number
//   constexpr auto t = ecog_score::of<2>();       // a literal, checked at compile time
//   s->value();                                   // 2
//
// There is no unchecked constructor: code that computes a score (a sum of item weights) makes
// it with make() and handles the error, which a correct rule can prove never happens, or sums
// with checked_add(). Nothing aborts on a value, and nothing is clamped.
#ifndef HSCT_CORE_SCORE_HPP
#define HSCT_CORE_SCORE_HPP

#include <compare>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

/// Tag is the description of a bounded score: integer bounds, step, field name, requirement.
template <class Tag>
concept score_tag = requires {
    { Tag::min } -> std::convertible_to<int>;
    { Tag::max } -> std::convertible_to<int>;
    { Tag::step } -> std::convertible_to<int>;
    { Tag::name } -> std::convertible_to<std::string_view>;
    { Tag::requirement } -> std::convertible_to<std::string_view>;
} && (Tag::min < Tag::max) && (Tag::step > 0) && ((Tag::max - Tag::min) % Tag::step == 0);

/// An integer score in [Tag::min, Tag::max] on a grid of Tag::step from Tag::min.
template <score_tag Tag>
class bounded_score {
public:
    using tag = Tag;
    static constexpr int min = Tag::min;
    static constexpr int max = Tag::max;
    static constexpr int step = Tag::step;

    /// True when `v` is a value of the score (in range and on the step grid).
    [[nodiscard]] static constexpr bool accepts(std::int64_t v) noexcept {
        return v >= min && v <= max && (v - min) % step == 0;
    }

    /// Checked construction from a number (a stored code, a computed sum, user input). Error:
    /// out_of_range naming `field` (default the score's name), the number and the valid values,
    /// with the score's requirement ID.
    [[nodiscard]] HSCT_ALWAYS_INLINE static result<bounded_score> make(
        std::int64_t v, field_ref field = Tag::name) {
        if (accepts(v)) {
            return bounded_score(static_cast<int>(v));
        }
        return out_of_range(v, field);
    }

    /// A literal value, checked at compile time: `karnofsky_score::of<80>()`; a V that is not a
    /// value of the score does not satisfy the constraint (so code can test for it).
    template <int V>
        requires(V >= min && V <= max && (V - min) % step == 0)
    [[nodiscard]] static constexpr bounded_score of() noexcept {
        return bounded_score(V);
    }

    /// The lowest value.
    constexpr bounded_score() noexcept = default;

    [[nodiscard]] constexpr int value() const noexcept { return v_; }

    /// The sum of two scores of this type, or out_of_range if it leaves [min, max].
    [[nodiscard]] friend result<bounded_score> checked_add(bounded_score a, bounded_score b) {
        return make(std::int64_t{a.v_} + std::int64_t{b.v_});
    }

    friend constexpr bool operator==(bounded_score, bounded_score) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(bounded_score,
                                                      bounded_score) noexcept = default;

    /// "0-100 in steps of 10" or "0-5".
    [[nodiscard]] static std::string valid_text() {
        std::string s = detail::concat({detail::format_number(std::int64_t{min}), "-",
                                        detail::format_number(std::int64_t{max})});
        if (step != 1) {
            s += detail::concat({" in steps of ", detail::format_number(std::int64_t{step})});
        }
        return s;
    }

private:
    constexpr explicit bounded_score(int v) noexcept : v_(v) {}
    // The error path, out of line: the inlined make() of a valid sum is a compare and a store.
    [[gnu::cold]] [[gnu::noinline]] static error out_of_range(std::int64_t v, field_ref field) {
        return error(errc::out_of_range, field, detail::format_number(v), valid_text(),
                     Tag::requirement);
    }
    int v_ = min;
};

/// The value as text ("80").
template <score_tag Tag>
[[nodiscard]] std::string to_string(bounded_score<Tag> s) {
    return detail::format_number(std::int64_t{s.value()});
}

}  // namespace hsct

#endif  // HSCT_CORE_SCORE_HPP
