// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Three-valued logic for the complications rules, written once: a reading that is yes, no or
// unknown (an input missing), with AND, OR and "at least k of", and the same over criterion
// outcomes (where not_applicable counts as not met). Used by chronic GVHD's BOS rule, the SOS/VOD
// rules, TA-TMA and engraftment syndrome. Not part of the public API.
#ifndef HSCT_COMPLICATIONS_DETAIL_THREE_VALUED_HPP
#define HSCT_COMPLICATIONS_DETAIL_THREE_VALUED_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "hsct/core/explain.hpp"

namespace hsct::complications::detail {

/// A three-valued reading: yes, no, or unknown (an input missing).
enum class tri : std::uint8_t { no = 0, yes = 1, unknown = 2 };

[[nodiscard]] constexpr tri tri_of(bool b) noexcept { return b ? tri::yes : tri::no; }

/// AND: no when one part is no; else unknown when one part is unknown; else yes.
[[nodiscard]] constexpr tri tri_and(tri a, tri b) noexcept {
    if (a == tri::no || b == tri::no) {
        return tri::no;
    }
    return a == tri::yes && b == tri::yes ? tri::yes : tri::unknown;
}

/// OR: yes when one part is yes; else unknown when one part is unknown; else no.
[[nodiscard]] constexpr tri tri_or(tri a, tri b) noexcept {
    if (a == tri::yes || b == tri::yes) {
        return tri::yes;
    }
    return a == tri::no && b == tri::no ? tri::no : tri::unknown;
}

/// At least `k` of the readings: yes when k are yes, no when even every unknown could not make k.
[[nodiscard]] constexpr tri tri_at_least(std::initializer_list<tri> xs, std::size_t k) noexcept {
    std::size_t yes = 0;
    std::size_t unknown = 0;
    for (const auto x : xs) {
        yes += x == tri::yes ? 1U : 0U;
        unknown += x == tri::unknown ? 1U : 0U;
    }
    if (yes >= k) {
        return tri::yes;
    }
    return yes + unknown >= k ? tri::unknown : tri::no;
}

/// An outcome as a reading: met is yes, unknown is unknown, not met and not applicable are no.
[[nodiscard]] constexpr tri tri_of(hsct::outcome o) noexcept {
    return o == hsct::outcome::met ? tri::yes : o == hsct::outcome::unknown ? tri::unknown : tri::no;
}

/// A reading as an outcome: yes is met, no is not met, unknown is unknown.
[[nodiscard]] constexpr hsct::outcome outcome_of(tri t) noexcept {
    return t == tri::yes ? hsct::outcome::met : t == tri::no ? hsct::outcome::not_met : hsct::outcome::unknown;
}

/// AND over outcomes (not applicable counts as not met).
[[nodiscard]] constexpr hsct::outcome all_of(hsct::outcome a, hsct::outcome b) noexcept {
    return outcome_of(tri_and(tri_of(a), tri_of(b)));
}

/// OR over outcomes (not applicable counts as not met).
[[nodiscard]] constexpr hsct::outcome any_of(hsct::outcome a, hsct::outcome b) noexcept {
    return outcome_of(tri_or(tri_of(a), tri_of(b)));
}

}  // namespace hsct::complications::detail

#endif  // HSCT_COMPLICATIONS_DETAIL_THREE_VALUED_HPP
