// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Text for explained results (CORE-EXPLAIN-002): a message catalogue keyed by stable ids, and
// the rendering of measures and criteria. English is built in; an integrator supplies another
// language as a catalogue of (group, key, text) rows, where group is an enum's table name
// (enum_name<E>()) or "text", and key an enumerator's id or one of the words below:
//
//   static constexpr hsct::catalogue_entry german[] = {
//       {"outcome", "met", "erfuellt"}, {"outcome", "not_met", "nicht erfuellt"},
//       {"hct_ci_item", "renal", "Niere"}, {"text", "missing", "fehlt"}, ...
//   };
//   hsct::table_catalogue de(german);
//   std::string s = hsct::patient::render(result, de);   // every key not listed stays English
//
// Words of group "text": "missing", "present", "absent", "unverified", "score", "none".
//
// CORE-EXPLAIN-003: a rendered number never contradicts the comparison it shows. Numbers are
// shown with the fewest decimals (at least the quantity's usual ones) at which the shown value
// and the shown threshold compare as the unrounded ones did: creatinine 2.0011 mg/dL against
// "> 2 mg/dL" prints "2.001 > 2", never "2 > 2".
#ifndef HSCT_CORE_EXPLAIN_TEXT_HPP
#define HSCT_CORE_EXPLAIN_TEXT_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/number_format.hpp"

namespace hsct {

/// One translated text: `group` is an enum's table name or "text"; `key` an id.
struct catalogue_entry {
    std::string_view group;
    std::string_view key;
    std::string_view text;
};

/// Where rendered words come from. find() returns an empty view for a key it does not have,
/// and the built-in English is used instead.
class message_catalogue {
public:
    virtual ~message_catalogue() = default;
    [[nodiscard]] virtual std::string_view find(std::string_view group,
                                                std::string_view key) const noexcept = 0;

    /// The text for (group, key), or `english` if the catalogue has none.
    [[nodiscard]] std::string_view text(std::string_view group, std::string_view key,
                                        std::string_view english) const noexcept {
        const auto t = find(group, key);
        return t.empty() ? english : t;
    }
    /// An enumerator's label in this catalogue's language (English label as fallback).
    template <tabled_enum E>
    [[nodiscard]] std::string_view label(E e) const noexcept {
        return text(enum_name<E>(), id(e), hsct::label(e));
    }
    /// The same for a type-erased enumerator.
    [[nodiscard]] std::string_view label(const enum_ref& r) const noexcept {
        return text(r.text(enum_text::enum_name), r.text(enum_text::id), r.text(enum_text::label));
    }
};

/// The built-in English: finds nothing, so every text is the English default.
class english_catalogue final : public message_catalogue {
public:
    [[nodiscard]] std::string_view find(std::string_view, std::string_view) const noexcept override {
        return {};
    }
};

/// The English catalogue every render function uses by default.
[[nodiscard]] inline const message_catalogue& english() noexcept {
    static const english_catalogue e;
    return e;
}

/// A catalogue over rows the caller keeps alive (a static array, say). Linear search: a
/// catalogue serves rendering, which is never on a scoring path.
class table_catalogue final : public message_catalogue {
public:
    explicit table_catalogue(std::span<const catalogue_entry> rows) noexcept : rows_(rows) {}
    [[nodiscard]] std::string_view find(std::string_view group,
                                        std::string_view key) const noexcept override {
        for (const auto& r : rows_) {
            if (r.group == group && r.key == key) {
                return r.text;
            }
        }
        return {};
    }

private:
    std::span<const catalogue_entry> rows_;
};

namespace detail {

/// `v` rounded to `decimals` digits, as the shown text reads back.
[[nodiscard]] inline double rounded(double v, int decimals) {
    const std::string s = format_fixed(v, decimals);
    double out = 0.0;
    std::from_chars(s.data(), s.data() + s.size(), out);
    return out;
}

}  // namespace detail

/// CORE-EXPLAIN-003: the fewest decimals, from `min_decimals` up to 12, at which `v` and `t`
/// shown rounded compare (under `cmp`) as the unrounded values do, and at which a value that
/// differs from the threshold in the comparison's sense is not shown equal to it.
[[nodiscard]] inline int decimals_for_comparison(double v, comparator cmp, double t,
                                                 int min_decimals) {
    if (cmp == comparator::present || !std::isfinite(v) || !std::isfinite(t)) {
        return min_decimals;
    }
    const bool truth = satisfies(v, cmp, t);
    const bool equal = detail::at_threshold(v, t);
    for (int d = min_decimals; d <= 12; ++d) {
        const double rv = detail::rounded(v, d);
        const double rt = detail::rounded(t, d);
        if (satisfies(rv, cmp, rt) == truth && (equal || rv != rt)) {
            return d;
        }
    }
    return 12;
}

/// "72 %", "2.001 mg/dL", "1.6 x ULN", "45 years", "present", "other valve disease",
/// "DLCO missing": a measure in the catalogue's words, with `decimals` digits for numbers.
[[nodiscard]] inline std::string render_measure(const measure& m, int decimals,
                                                const message_catalogue& cat = english()) {
    switch (m.what()) {
        case measure::kind::none: return std::string(cat.text("text", "none", "none"));
        case measure::kind::quantity: {
            const unit_info* u = m.unit();
            return detail::concat({format_fixed(m.number(), decimals), " ",
                                   u != nullptr ? u->symbol : std::string_view{}});
        }
        case measure::kind::count: {
            const auto u = m.counted_in();
            std::string s = format_fixed(m.number(), decimals);
            if (u != count_unit::none) {
                s += u == count_unit::percentile ? "" : " ";
                s += cat.label(u);
            }
            return s;
        }
        case measure::kind::flag:
            return std::string(m.number() != 0.0 ? cat.text("text", "present", "present")
                                                 : cat.text("text", "absent", "absent"));
        case measure::kind::code: return std::string(cat.label(m.enumerator()));
        case measure::kind::missing:
            return detail::concat({cat.label(m.enumerator()), " ",
                                   cat.text("text", "missing", "missing")});
    }
    return {};
}

/// One criterion as a line: "<criterion>: <measured> <cmp> <threshold>: <outcome> [<ID>]", e.g.
/// "creatinine above 2 mg/dL: 2.001 mg/dL > 2 mg/dL: met [PAT-HCTCI-006]". `min_decimals` is the
/// usual precision of the measured quantity; more are shown where CORE-EXPLAIN-003 needs them.
template <tabled_enum Id>
[[nodiscard]] std::string render(const criterion<Id>& c, const message_catalogue& cat = english(),
                                 int min_decimals = 0) {
    std::string s(cat.label(c.id));
    s += ": ";
    const measure& m = c.measured;
    const bool compared = c.cmp != comparator::present &&
                          (m.what() == measure::kind::quantity || m.what() == measure::kind::count);
    if (compared) {
        const int d = decimals_for_comparison(m.number(), c.cmp, c.threshold, min_decimals);
        // a threshold that is a short decimal (a centre's 82.5) is shown as it is, with up to two
        // decimals more than the comparison needs, never rounded to "82"; one that is not (a
        // converted or computed one, 18026.77 umol*min/L, 56.9094 kg) with the comparison's
        int dt = d;
        if (std::isfinite(c.threshold)) {
            const double tol = 1e-9 * (std::fabs(c.threshold) > 1.0 ? std::fabs(c.threshold) : 1.0);
            for (int k = d; k <= d + 2 && k <= 12; ++k) {
                if (std::fabs(detail::rounded(c.threshold, k) - c.threshold) <= tol) {
                    dt = k;
                    break;
                }
            }
        }
        std::string shown_t = format_fixed(c.threshold, dt);
        if (shown_t.find('.') != std::string::npos) {
            while (shown_t.back() == '0') {
                shown_t.pop_back();
            }
            if (shown_t.back() == '.') {
                shown_t.pop_back();
            }
        }
        std::string unit;
        if (const unit_info* u = m.unit(); u != nullptr) {
            unit = detail::concat({" ", u->symbol});
        } else if (m.counted_in() != count_unit::none) {  // a plain number has no unit text
            unit = detail::concat({m.counted_in() == count_unit::percentile ? "" : " ",
                                   cat.label(m.counted_in())});
        }
        s += render_measure(m, d, cat);
        s += detail::concat({" ", cat.label(c.cmp), " ", shown_t, unit});
    } else {
        s += render_measure(m, min_decimals, cat);
    }
    s += detail::concat({": ", cat.label(c.result)});
    if (!c.verified) {
        s += detail::concat({" (", cat.text("text", "unverified", "hsct reading, unverified"), ")"});
    }
    if (c.requirement != nullptr && c.requirement[0] != '\0') {
        s += detail::concat({" [", c.requirement, "]"});
    }
    return s;
}

}  // namespace hsct

#endif  // HSCT_CORE_EXPLAIN_TEXT_HPP
