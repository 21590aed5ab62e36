// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The NIH acute/chronic GVHD category (Filipovich et al. 2005; NIH 2014): classic acute;
// persistent, recurrent or late-onset acute; classic chronic; overlap syndrome, from the day, the
// features present and the acute-GVHD history. Features decide, not the day alone.
//
//   using namespace hsct::complications;
//   gvhd_category_input in;
//   in.day = hsct::transplant_day::at(150);
//   in.acute_features = true;
//   in.chronic_gvhd = false;
//   in.first_acute_onset = hsct::transplant_day::at(140);
//   auto r = assess_gvhd_category(in);     // result<gvhd_category_result>
//   r->category;                           // gvhd_category::late_onset_acute
//
// COMP-CAT-001 the table (the EBMT Handbook 2024 ch. 43 Table 43.1 from Filipovich 2005
// [V-HB24]; the reference notes section 1.8 [V2]; CIBMTR: acute vs chronic rests on clinical
// and histological features [V]): acute features without chronic GVHD are classic acute up to
// day 100, persistent, recurrent or late-onset acute after it; chronic GVHD (NIH 2014 diagnosis,
// chronic_gvhd_diagnosis.hpp) without acute features is classic chronic, with them overlap
// syndrome, on any day. Neither: no GVHD.
// COMP-CAT-002 day 100 itself [C]: the table prints "< 100 days" and "> 100 days"; the chapter's
// key points say acute GVHD "until day 100" is classical, as do the notes ("<= 100"):
// `category_day_100`, default day_100_is_classic.
// COMP-CAT-003 the late subtypes [U] (Filipovich 2005 not read; the spec digest's reading):
// late-onset, acute features first appearing after day 100; persistent, acute GVHD that began by
// day 100 and has not resolved; recurrent, acute GVHD that began by day 100, resolved, and
// returned. Without the first onset day or, for an onset by day 100, whether it resolved, the
// category is `late_acute` (persistent, recurrent or late-onset) and the missing input is named.
// COMP-CAT-004 intestinal involvement [V-HB24] (ch. 44 section 44.2.5): GI involvement other than
// the oesophagus counts as an acute feature, so with chronic GVHD it is overlap syndrome.
// COMP-CAT-005 input checks: the day and the first onset on or after Day 0, the first onset on or
// before the day.
#ifndef HSCT_COMPLICATIONS_GVHD_CATEGORY_HPP
#define HSCT_COMPLICATIONS_GVHD_CATEGORY_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "hsct/complications/chronic_gvhd_diagnosis.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"

namespace hsct::complications {

/// COMP-CAT-001/003: the category.
enum class gvhd_category : std::uint8_t {
    no_gvhd = 1,            ///< neither acute features nor chronic GVHD
    classic_acute = 2,      ///< acute features by day 100, no chronic GVHD
    persistent_acute = 3,   ///< after day 100: acute GVHD from by day 100, never resolved
    recurrent_acute = 4,    ///< after day 100: acute GVHD from by day 100 that resolved and returned
    late_onset_acute = 5,   ///< after day 100: acute features first after day 100
    late_acute = 6,         ///< persistent, recurrent or late-onset: the history is missing
    classic_chronic = 7,    ///< chronic GVHD without acute features (any day)
    overlap_syndrome = 8,   ///< chronic GVHD with acute features (any day)
    undetermined = 9,       ///< an input that decides the category is missing
};

constexpr auto hsct_enum_table(gvhd_category) noexcept {
    using c = gvhd_category;
    return make_enum_table<gvhd_category>("gvhd_category", {
        {c::no_gvhd, "no_gvhd", "no GVHD"},
        {c::classic_acute, "classic_acute", "classic acute GVHD"},
        {c::persistent_acute, "persistent_acute", "persistent acute GVHD"},
        {c::recurrent_acute, "recurrent_acute", "recurrent acute GVHD"},
        {c::late_onset_acute, "late_onset_acute", "late-onset acute GVHD"},
        {c::late_acute, "late_acute", "persistent, recurrent or late-onset acute GVHD"},
        {c::classic_chronic, "classic_chronic", "classic chronic GVHD"},
        {c::overlap_syndrome, "overlap_syndrome", "overlap syndrome (chronic GVHD with acute features)"},
        {c::undetermined, "undetermined", "undetermined (input missing)"},
    });
}

/// COMP-CAT-002: on which side of the line day 100 itself falls [C].
enum class category_day_100 : std::uint8_t {
    day_100_is_classic = 1,  ///< "until day 100" (HB24 ch. 43 key points; the notes): default
    day_100_is_late = 2,     ///< "< 100 days" read literally (HB24 Table 43.1)
};

constexpr auto hsct_enum_table(category_day_100) noexcept {
    return make_enum_table<category_day_100>("category_day_100", {
        {category_day_100::day_100_is_classic, "day_100_is_classic", "day 100 is classic acute (up to day 100)"},
        {category_day_100::day_100_is_late, "day_100_is_late", "day 100 is late acute (classic before day 100)"},
    });
}

/// COMP-CAT-001..004: the criteria recorded.
enum class gvhd_category_criterion : std::uint8_t {
    acute_features = 1,          ///< acute GVHD features present
    intestinal_involvement = 2,  ///< non-oesophageal GI involvement (an acute feature)
    chronic_gvhd = 3,            ///< chronic GVHD by NIH 2014
    after_day_100 = 4,           ///< the day after day 100 (measured: its number)
    onset_after_day_100 = 5,     ///< the first acute onset after day 100
    resolved_before = 6,         ///< the earlier acute GVHD resolved
};

constexpr auto hsct_enum_table(gvhd_category_criterion) noexcept {
    using c = gvhd_category_criterion;
    return make_enum_table<gvhd_category_criterion>("gvhd_category_criterion", {
        {c::acute_features, "acute_features", "features of acute GVHD"},
        {c::intestinal_involvement, "intestinal_involvement", "GI involvement other than the oesophagus"},
        {c::chronic_gvhd, "chronic_gvhd", "chronic GVHD (NIH 2014 diagnosis)"},
        {c::after_day_100, "after_day_100", "after day 100"},
        {c::onset_after_day_100, "onset_after_day_100", "first acute onset after day 100"},
        {c::resolved_before, "resolved_before", "earlier acute GVHD resolved"},
    });
}

/// COMP-CAT-001..003: the inputs the category can lack.
enum class gvhd_category_field : std::uint8_t {
    acute_features = 1,
    chronic_gvhd = 2,
    first_acute_onset = 3,
    resolved_before = 4,
};

constexpr auto hsct_enum_table(gvhd_category_field) noexcept {
    using f = gvhd_category_field;
    return make_enum_table<gvhd_category_field>("gvhd_category_field", {
        {f::acute_features, "acute_features", "acute GVHD features present"},
        {f::chronic_gvhd, "chronic_gvhd", "chronic GVHD diagnosis"},
        {f::first_acute_onset, "first_acute_onset", "the day acute GVHD first appeared"},
        {f::resolved_before, "resolved_before", "whether the earlier acute GVHD resolved"},
    });
}

/// COMP-CAT-001..005: what the clinician states on a day.
struct gvhd_category_input {
    hsct::transplant_day day;                       ///< the day the features are assessed (on or after Day 0)
    std::optional<bool> acute_features;             ///< skin, liver or GI features of acute GVHD present
    std::optional<bool> intestinal_involvement;     ///< GI involvement other than the oesophagus (COMP-CAT-004)
    std::optional<bool> chronic_gvhd;               ///< NIH 2014 chronic GVHD (see chronic_gvhd_from)
    std::optional<hsct::transplant_day> first_acute_onset;  ///< the day acute features first appeared
    std::optional<bool> resolved_before;            ///< acute GVHD resolved completely before the present features
};

struct gvhd_category_options {
    category_day_100 day_100 = category_day_100::day_100_is_classic;  ///< COMP-CAT-002 [C]
};

/// COMP-CAT-001..004: the category and the inputs that decided it.
struct gvhd_category_result {
    gvhd_category_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    gvhd_category category = gvhd_category::undetermined;
    hsct::transplant_day day;
    std::optional<bool> acute;    ///< acute features, intestinal involvement included
    std::optional<bool> chronic;
    bool late = false;            ///< the day is after day 100 under the policy
    hsct::enum_set<gvhd_category_field> missing;
    hsct::fixed_list<hsct::criterion<gvhd_category_criterion>, 6> criteria;
    gvhd_category_options options;
};

/// The chronic-GVHD input from an NIH 2014 diagnosis: true when diagnosed, false when no sign
/// supports it, unknown while a distinctive sign awaits confirmation or other causes their
/// exclusion.
[[nodiscard]] constexpr std::optional<bool> chronic_gvhd_from(const cgvhd_diagnosis_result& d) noexcept {
    switch (d.status) {
        case cgvhd_diagnosis_status::diagnosed: return true;
        case cgvhd_diagnosis_status::not_diagnosed: return false;
        case cgvhd_diagnosis_status::needs_confirmation:
        case cgvhd_diagnosis_status::exclusion_pending: return std::nullopt;
    }
    return std::nullopt;
}

namespace detail::nih_category {
inline constexpr double day_100 = 100.0;  ///< COMP-CAT-001 [V-HB24]

[[nodiscard]] inline hsct::criterion<gvhd_category_criterion> flag_record(gvhd_category_criterion id,
                                                                          const std::optional<bool>& v,
                                                                          gvhd_category_field f,
                                                                          const char* requirement) noexcept {
    hsct::criterion<gvhd_category_criterion> c;
    c.id = id;
    c.requirement = requirement;
    c.cmp = hsct::comparator::present;
    if (v) {
        c.measured = hsct::measure::flag(*v);
        c.result = *v ? hsct::outcome::met : hsct::outcome::not_met;
    } else {
        c.measured = hsct::measure::missing(f);
        c.result = hsct::outcome::unknown;
    }
    return c;
}

[[nodiscard]] inline hsct::criterion<gvhd_category_criterion> day_record(gvhd_category_criterion id,
                                                                         hsct::transplant_day d,
                                                                         hsct::comparator cmp) noexcept {
    hsct::criterion<gvhd_category_criterion> c;
    c.id = id;
    c.requirement = "COMP-CAT-002";
    c.cmp = cmp;
    c.threshold = day_100;
    c.measured = hsct::measure::count(static_cast<double>(d.number()), hsct::count_unit::days);
    c.result = hsct::satisfies(c.measured.number(), cmp, day_100) ? hsct::outcome::met : hsct::outcome::not_met;
    c.verified = false;  // [C]: the policy decides day 100 itself
    return c;
}

[[gnu::cold]] [[nodiscard]] inline hsct::error day_error(field_ref field, hsct::transplant_day d, const char* valid) {
    return hsct::error(errc::out_of_range, field,
                       hsct::detail::concat({"day ", hsct::detail::format_number(std::int64_t{d.number()})}), valid,
                       "COMP-CAT-005");
}
}  // namespace detail::nih_category

/// COMP-CAT-001..005: the NIH category. Errors: a day or first onset before Day 0, a first onset
/// after the day, an undeclared option ("gvhd_category.day", ".first_acute_onset", ".options.day_100").
template <class = void>
[[nodiscard]] result<gvhd_category_result> assess_gvhd_category(const gvhd_category_input& in,
                                                                const gvhd_category_options& options = {}) {
    result<gvhd_category_result> out(std::in_place);
    namespace cd = detail::nih_category;
    if (auto e = hsct::detail::check_enum(options.day_100, "gvhd_category.options.day_100")) {
        out = std::move(*e);
        return out;
    }
    if (in.day.before_day0()) {
        out = cd::day_error("gvhd_category.day", in.day, "day 0 or later");
        return out;
    }
    if (in.first_acute_onset && in.first_acute_onset->before_day0()) {
        out = cd::day_error("gvhd_category.first_acute_onset", *in.first_acute_onset, "day 0 or later");
        return out;
    }
    if (in.first_acute_onset && *in.first_acute_onset > in.day) {
        out = cd::day_error("gvhd_category.first_acute_onset", *in.first_acute_onset,
                            "on or before the assessed day");
        return out;
    }
    gvhd_category_result& r = *out;
    r.options = options;
    r.day = in.day;
    using c = gvhd_category_criterion;
    using f = gvhd_category_field;
    const auto later = options.day_100 == category_day_100::day_100_is_classic ? hsct::comparator::greater
                                                                              : hsct::comparator::greater_equal;
    // acute features: the clinician's statement, or intestinal involvement (COMP-CAT-004)
    r.criteria.push_back(cd::flag_record(c::acute_features, in.acute_features, f::acute_features, "COMP-CAT-001"));
    if (in.intestinal_involvement) {
        r.criteria.push_back(cd::flag_record(c::intestinal_involvement, in.intestinal_involvement, f::acute_features,
                                             "COMP-CAT-004"));
    }
    if (in.acute_features.value_or(false) || in.intestinal_involvement.value_or(false)) {
        r.acute = true;
    } else if (in.acute_features) {
        r.acute = false;
    } else {
        r.missing.insert(f::acute_features);
    }
    r.criteria.push_back(cd::flag_record(c::chronic_gvhd, in.chronic_gvhd, f::chronic_gvhd, "COMP-CAT-001"));
    r.chronic = in.chronic_gvhd;
    if (!r.chronic) {
        r.missing.insert(f::chronic_gvhd);
    }
    // chronic GVHD: classic or overlap on any day
    if (r.chronic == true) {
        r.category = !r.acute ? gvhd_category::undetermined
                     : *r.acute ? gvhd_category::overlap_syndrome
                                : gvhd_category::classic_chronic;
        return out;
    }
    if (r.acute == false) {
        r.category = r.chronic ? gvhd_category::no_gvhd : gvhd_category::undetermined;
        return out;
    }
    if (!r.acute || !r.chronic) {  // acute features unknown, or chronic GVHD unknown
        r.category = gvhd_category::undetermined;
        return out;
    }
    // acute features, no chronic GVHD: the day, then the history
    r.criteria.push_back(cd::day_record(c::after_day_100, in.day, later));
    r.late = r.criteria.end()[-1].result == hsct::outcome::met;
    if (!r.late) {
        r.category = gvhd_category::classic_acute;
        return out;
    }
    if (!in.first_acute_onset) {
        hsct::criterion<gvhd_category_criterion> k;
        k.id = c::onset_after_day_100;
        k.requirement = "COMP-CAT-003";
        k.cmp = later;
        k.threshold = cd::day_100;
        k.measured = hsct::measure::missing(f::first_acute_onset);
        k.result = hsct::outcome::unknown;
        k.verified = false;
        r.criteria.push_back(k);
        r.missing.insert(f::first_acute_onset);
        r.category = gvhd_category::late_acute;
        return out;
    }
    auto onset = cd::day_record(c::onset_after_day_100, *in.first_acute_onset, later);
    onset.requirement = "COMP-CAT-003";
    r.criteria.push_back(onset);
    if (onset.result == hsct::outcome::met) {
        r.category = gvhd_category::late_onset_acute;
        return out;
    }
    auto resolved = cd::flag_record(c::resolved_before, in.resolved_before, f::resolved_before, "COMP-CAT-003");
    resolved.verified = false;  // [U]
    r.criteria.push_back(resolved);
    if (!in.resolved_before) {
        r.missing.insert(f::resolved_before);
        r.category = gvhd_category::late_acute;
        return out;
    }
    r.category = *in.resolved_before ? gvhd_category::recurrent_acute : gvhd_category::persistent_acute;
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_GVHD_CATEGORY_HPP
