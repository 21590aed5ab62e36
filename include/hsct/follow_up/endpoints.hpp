// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Outcome endpoints of one patient from typed outcome events (outcome_event.hpp): for overall
// survival, relapse, non-relapse mortality, relapse-free survival and GVHD-free relapse-free
// survival, the day the observation ends (from Day 0) and how: the endpoint's event, the competing
// event that precludes it, or censoring, each naming the event that decided it. The cohort
// estimators (survival.hpp) read these observations.
//
//   using namespace hsct::follow_up;
//   auto r = assess_endpoints(patient_outcomes{day0, events});   // result<endpoint_result>
//   r->at(endpoint::non_relapse_mortality).obs;                 // {D+246, competing_event}
//   r->at(endpoint::non_relapse_mortality).decided_by;          // outcome_event_kind::relapse
//
// Definitions (the time origin is Day 0 of the transplant for all; docs/follow-up.md):
// FU-END-001 overall survival [V2]: event death from any cause; censored alive at the last
// contact. FU-END-001..004 follow the definitions HCT studies use and that Kim HT & Armand P,
// "Clinical endpoints in allogeneic HSCT studies: the cost of freedom", Biol Blood Marrow
// Transplant 2013;19:860-866, surveys (abstract read; the EBMT statistical guidelines, Iacobelli,
// Bone Marrow Transplant 2013;48:S1-S37, were not read here), and the Handbook of Survival
// Analysis's HCT chapter states (treatment-related mortality is death without relapse or
// progression, and the two compete).
// FU-END-002 relapse incidence [V2]: event relapse or progression; competing event death without
// a relapse before it; censored at the last contact.
// FU-END-003 non-relapse mortality [V2]: event death without a relapse before it (whatever the
// cause); competing event relapse; censored at the last contact. A relapse and a death on one
// date are taken in list order (the relapse reported first is the relapse).
// FU-END-004 relapse-free survival [V2]: event relapse or death, whichever is first; censored at
// the last contact ("leukaemia-free" or "disease-free survival" in some papers).
// FU-END-005 GVHD-free relapse-free survival [V] (Holtan SG et al., Blood 2015;125:1333-1338,
// abstract read): event the first of grade III-IV acute GVHD, chronic GVHD requiring systemic
// therapy, relapse, or death; censored at the last contact. The chronic-GVHD event is a named
// policy (`grfs_chronic_gvhd`): systemic therapy (Holtan, default) or moderate/severe by NIH 2014
// ([P], a reading later registry studies use); so is the acute grade (`grfs_acute_gvhd`: III-IV,
// Holtan, default; or II-IV [P]).
// FU-END-006 a death from the disease with no relapse reported before it [P]:
// `disease_death_policy`, default `relapse_at_death` (the relapse is dated at the death, so the
// death counts as relapse, not NRM); `timing_only` applies FU-END-003's timing alone (NRM).
// FU-END-007 a subsequent HCT [P]: `subsequent_hct_policy`, default `follow_through` (the
// patient is followed past it, as overall survival always is); `censor` ends relapse, NRM, RFS and
// GRFS at the subsequent HCT's Day 0 (censored there; events on that date listed before it count).
// Overall survival follows through under both.
// FU-EVT-002 the order and validity of the events (outcome_event.hpp), checked here.
#ifndef HSCT_FOLLOW_UP_ENDPOINTS_HPP
#define HSCT_FOLLOW_UP_ENDPOINTS_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "hsct/core/config.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/follow_up/observation.hpp"
#include "hsct/follow_up/outcome_event.hpp"
#include "hsct/follow_up/vocabulary.hpp"

namespace hsct::follow_up {

/// FU-END-001..005: the endpoints computed for every patient.
enum class endpoint : std::uint8_t {
    overall_survival = 1,
    relapse = 2,
    non_relapse_mortality = 3,
    relapse_free_survival = 4,
    gvhd_free_relapse_free_survival = 5,
};

constexpr auto hsct_enum_table(endpoint) noexcept {
    using e = endpoint;
    return make_enum_table<endpoint>("endpoint", {
        {e::overall_survival, "overall_survival", "overall survival"},
        {e::relapse, "relapse", "relapse incidence"},
        {e::non_relapse_mortality, "non_relapse_mortality", "non-relapse mortality"},
        {e::relapse_free_survival, "relapse_free_survival", "relapse-free survival"},
        {e::gvhd_free_relapse_free_survival, "gvhd_free_relapse_free_survival",
         "GVHD-free relapse-free survival"},
    });
}

/// FU-END-005: which chronic GVHD is a GRFS event.
enum class grfs_chronic_gvhd : std::uint8_t {
    systemic_therapy = 1,     ///< chronic GVHD requiring systemic therapy (Holtan 2015): default
    moderate_or_severe = 2,   ///< NIH 2014 moderate or severe [P]
};

constexpr auto hsct_enum_table(grfs_chronic_gvhd) noexcept {
    return make_enum_table<grfs_chronic_gvhd>("grfs_chronic_gvhd", {
        {grfs_chronic_gvhd::systemic_therapy, "systemic_therapy", "chronic GVHD requiring systemic therapy"},
        {grfs_chronic_gvhd::moderate_or_severe, "moderate_or_severe", "moderate or severe chronic GVHD (NIH 2014)"},
    });
}

/// FU-END-005: the lowest acute GVHD grade that is a GRFS event.
enum class grfs_acute_gvhd : std::uint8_t {
    grade_3_to_4 = 1,   ///< grade III-IV (Holtan 2015): default
    grade_2_to_4 = 2,   ///< grade II-IV [P]
};

constexpr auto hsct_enum_table(grfs_acute_gvhd) noexcept {
    return make_enum_table<grfs_acute_gvhd>("grfs_acute_gvhd", {
        {grfs_acute_gvhd::grade_3_to_4, "grade_3_to_4", "acute GVHD grade III-IV"},
        {grfs_acute_gvhd::grade_2_to_4, "grade_2_to_4", "acute GVHD grade II-IV"},
    });
}

/// FU-END-006: a death from the disease with no relapse reported before it.
enum class disease_death_policy : std::uint8_t {
    relapse_at_death = 1,  ///< the relapse is dated at the death: relapse, not NRM (default)
    timing_only = 2,       ///< death without a prior relapse is NRM, whatever its cause
};

constexpr auto hsct_enum_table(disease_death_policy) noexcept {
    return make_enum_table<disease_death_policy>("disease_death_policy", {
        {disease_death_policy::relapse_at_death, "relapse_at_death", "a relapse dated at the death"},
        {disease_death_policy::timing_only, "timing_only", "non-relapse mortality by timing alone"},
    });
}

/// FU-END-007: what a subsequent HCT does to relapse, NRM, RFS and GRFS.
enum class subsequent_hct_policy : std::uint8_t {
    follow_through = 1,  ///< followed past it (default)
    censor = 2,          ///< censored at its Day 0
};

constexpr auto hsct_enum_table(subsequent_hct_policy) noexcept {
    return make_enum_table<subsequent_hct_policy>("subsequent_hct_policy", {
        {subsequent_hct_policy::follow_through, "follow_through", "followed past a subsequent HCT"},
        {subsequent_hct_policy::censor, "censor", "censored at a subsequent HCT"},
    });
}

struct endpoint_options {
    grfs_chronic_gvhd grfs_chronic = grfs_chronic_gvhd::systemic_therapy;      ///< FU-END-005
    grfs_acute_gvhd grfs_acute = grfs_acute_gvhd::grade_3_to_4;                 ///< FU-END-005
    disease_death_policy disease_death = disease_death_policy::relapse_at_death;  ///< FU-END-006
    subsequent_hct_policy subsequent_hct = subsequent_hct_policy::follow_through; ///< FU-END-007
};

/// One endpoint of one patient: the observation, the event that decided it (the endpoint's event,
/// the competing event, or what censored it: the last contact or a subsequent HCT) and its index
/// in the patient's events.
struct endpoint_record {
    endpoint which = endpoint::overall_survival;
    observation obs;
    outcome_event_kind decided_by = outcome_event_kind::last_contact;
    std::uint32_t event_index = 0;
    const char* requirement = "";
};

/// FU-END-001..007: every endpoint of one patient, and the options they were computed under.
struct endpoint_result {
    endpoint_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    std::array<endpoint_record, 5> records;
    endpoint_options options;

    /// The record of `e`. Precondition (contract): `e` is a declared endpoint.
    [[nodiscard]] constexpr const endpoint_record& at(endpoint e) const {
        HSCT_EXPECTS(is_valid(e), "endpoint_result::at: an undeclared endpoint");
        return records[static_cast<std::size_t>(static_cast<std::uint8_t>(e) - 1U)];
    }
};

namespace detail::endpoints {
inline constexpr std::uint32_t none = 0xFFFFFFFFU;

[[gnu::cold]] [[nodiscard]] inline std::string event_field(std::size_t i, const char* leaf) {
    return hsct::detail::concat({"outcomes.events[", std::to_string(i), "].", leaf});
}

template <class E>
[[gnu::cold]] [[nodiscard]] error enum_error(E e, std::size_t i, const char* leaf) {
    const std::string f = event_field(i, leaf);
    return std::move(*hsct::detail::check_enum(e, field_ref(f))).with_requirement("FU-EVT-002");
}

[[gnu::cold]] [[nodiscard]] inline error event_error(errc code, std::size_t i, const char* what,
                                                     const outcome_event& e, std::string valid) {
    const std::string f = event_field(i, what);
    return error(code, field_ref(f),
                 hsct::detail::concat({hsct::to_string(e.date), " (", hsct::label(e.kind), ")"}), std::move(valid),
                 "FU-EVT-002");
}

[[gnu::cold]] [[nodiscard]] inline error day_error(std::size_t i, const outcome_event& e, sys_days day0) {
    return event_error(errc::out_of_range, i, "date", e,
                       hsct::detail::concat({"on or after Day 0 ", hsct::to_string(day0), " and within 36525 days of it"}));
}

/// FU-EVT-002: the events' validity; the index of the death (or none) through `death`.
template <class = void>
[[nodiscard]] std::optional<error> check_events(const patient_outcomes& p, std::uint32_t& death) {
    if (auto c = check_date(p.day0, "outcomes.day0"); !c) {
        return std::move(c).error();
    }
    if (p.events.empty()) {
        return error(errc::missing, "outcomes.events", "no events", "a death or a last contact", "FU-EVT-002");
    }
    std::uint32_t contact = none;
    bool ends = false;
    for (std::size_t i = 0; i < p.events.size(); ++i) {
        const outcome_event& e = p.events[i];
        if (!is_valid(e.kind)) {
            return enum_error(e.kind, i, "kind");
        }
        if (e.kind == outcome_event_kind::death && !is_valid(e.cause)) {
            return enum_error(e.cause, i, "cause");
        }
        if (e.kind == outcome_event_kind::acute_gvhd && !is_valid(e.grade)) {
            return enum_error(e.grade, i, "grade");
        }
        if (e.kind == outcome_event_kind::chronic_gvhd && !is_valid(e.severity)) {
            return enum_error(e.severity, i, "severity");
        }
        if (e.date < p.day0 || e.date - p.day0 > std::chrono::days{transplant_day::max_offset}) {
            return day_error(i, e, p.day0);
        }
        if (i > 0 && e.date < p.events[i - 1].date) {
            return event_error(errc::inconsistent, i, "date", e,
                               hsct::detail::concat({"on or after the event before it (",
                                                     hsct::label(p.events[i - 1].kind), " on ",
                                                     hsct::to_string(p.events[i - 1].date),
                                                     "): events in the order they happened"}));
        }
        if (death != none) {
            const outcome_event& d = p.events[death];
            return event_error(errc::inconsistent, i, "kind", e,
                               hsct::detail::concat({"no event after the death on ", hsct::to_string(d.date)}));
        }
        if (contact != none && e.kind != outcome_event_kind::death) {
            const outcome_event& c = p.events[contact];
            return event_error(errc::inconsistent, i, "kind", e,
                               hsct::detail::concat({"only a death after the last contact on ", hsct::to_string(c.date),
                                                     " (the last contact is the last date known alive)"}));
        }
        if (e.kind == outcome_event_kind::death) {
            death = static_cast<std::uint32_t>(i);
            ends = true;
        } else if (e.kind == outcome_event_kind::last_contact) {
            contact = static_cast<std::uint32_t>(i);
            ends = true;
        }
    }
    if (!ends) {
        const outcome_event& last = p.events.back();
        return error(errc::missing, "outcomes.events",
                     hsct::detail::concat({"last event ", hsct::label(last.kind), " on ", hsct::to_string(last.date)}),
                     "a death or a last contact ending the follow-up", "FU-EVT-002");
    }
    return std::nullopt;
}

[[gnu::cold]] [[nodiscard]] inline error options_error(const endpoint_options& o) {
    std::optional<error> e = hsct::detail::check_enum(o.grfs_chronic, "endpoint_options.grfs_chronic");
    if (!e) {
        e = hsct::detail::check_enum(o.grfs_acute, "endpoint_options.grfs_acute");
    }
    if (!e) {
        e = hsct::detail::check_enum(o.disease_death, "endpoint_options.disease_death");
    }
    if (!e) {
        e = hsct::detail::check_enum(o.subsequent_hct, "endpoint_options.subsequent_hct");
    }
    return e ? std::move(*e) : error(errc::out_of_range, "endpoint_options", "", "declared options");
}

[[nodiscard]] constexpr transplant_day day_of(const patient_outcomes& p, std::uint32_t i) noexcept {
    // checked by check_events: within [0, 36525] days of Day 0
    return transplant_day::at(static_cast<std::int32_t>((p.events[i].date - p.day0).count()));
}
}  // namespace detail::endpoints

/// FU-END-001..007: every endpoint of one patient. Errors (FU-EVT-002): no events; neither a
/// death nor a last contact; an event before Day 0 or more than 36525 days after it; events out
/// of date order; an event after a death; an event other than a death after the last contact;
/// an undeclared enum ("outcomes.events[3].date", value "2024-02-20 (relapse)", what is valid).
template <class = void>
[[nodiscard]] result<endpoint_result> assess_endpoints(const patient_outcomes& p, const endpoint_options& options = {}) {
    namespace de = detail::endpoints;
    result<endpoint_result> out(std::in_place);
    if (!is_valid(options.grfs_chronic) || !is_valid(options.grfs_acute) || !is_valid(options.disease_death) ||
        !is_valid(options.subsequent_hct)) [[unlikely]] {
        out = de::options_error(options);
        return out;
    }
    // One pass checks the events (FU-EVT-002) and finds the first relapse, the first GRFS event,
    // the first subsequent HCT and the end of follow-up (the death, or the last contact). Any
    // failure goes to check_events, which names it; error text is built only then.
    const std::uint32_t n = static_cast<std::uint32_t>(p.events.size());
    std::uint32_t death = de::none;
    std::uint32_t contact = de::none;
    std::uint32_t relapse = de::none;
    std::uint32_t grfs = de::none;
    std::uint32_t shct = de::none;
    const acute_gvhd_grade grfs_grade =
        options.grfs_acute == grfs_acute_gvhd::grade_3_to_4 ? acute_gvhd_grade::grade_3 : acute_gvhd_grade::grade_2;
    bool ok = p.day0 >= min_date && p.day0 <= max_date && n > 0;
    for (std::uint32_t i = 0; ok && i < n; ++i) {
        const outcome_event& e = p.events[i];
        const auto day = (e.date - p.day0).count();
        ok = is_valid(e.kind) && day >= 0 && day <= transplant_day::max_offset &&
             (i == 0 || p.events[i - 1].date <= e.date) && death == de::none &&
             (contact == de::none || e.kind == outcome_event_kind::death);
        bool grfs_event = false;
        switch (e.kind) {
            case outcome_event_kind::relapse:
                if (relapse == de::none) {
                    relapse = i;
                }
                grfs_event = true;
                break;
            case outcome_event_kind::death:
                ok = ok && is_valid(e.cause);
                death = i;
                if (relapse == de::none && e.cause == death_cause::disease &&
                    options.disease_death == disease_death_policy::relapse_at_death) {
                    relapse = i;  // FU-END-006: the relapse dated at the death
                }
                grfs_event = true;
                break;
            case outcome_event_kind::acute_gvhd:
                ok = ok && is_valid(e.grade);
                grfs_event = e.grade >= grfs_grade;
                break;
            case outcome_event_kind::chronic_gvhd:
                ok = ok && is_valid(e.severity);
                grfs_event = options.grfs_chronic == grfs_chronic_gvhd::systemic_therapy
                                 ? e.systemic_therapy
                                 : e.severity >= chronic_gvhd_severity::moderate;
                break;
            case outcome_event_kind::subsequent_hct:
                if (shct == de::none) {
                    shct = i;
                }
                break;
            case outcome_event_kind::last_contact: contact = i; break;
            case outcome_event_kind::graft_failure: break;
        }
        if (grfs_event && grfs == de::none) {
            grfs = i;
        }
    }
    if (!ok || (death == de::none && contact == de::none)) [[unlikely]] {
        std::uint32_t unused = de::none;
        auto e = de::check_events(p, unused);
        out = e ? std::move(*e) : error(errc::inconsistent, "outcomes.events", "", "valid events", "FU-EVT-002");
        return out;
    }
    const std::uint32_t end = death != de::none ? death : n - 1;  // the death, or the last contact
    endpoint_result& r = *out;
    r.options = options;
    const auto set = [&](endpoint which, std::uint32_t i, observation_status status, const char* req) {
        endpoint_record& rec = r.records[static_cast<std::size_t>(static_cast<std::uint8_t>(which) - 1U)];
        rec.which = which;
        rec.obs = observation{de::day_of(p, i), status};
        rec.decided_by = p.events[i].kind;
        rec.event_index = i;
        rec.requirement = req;
    };
    using s = observation_status;
    // FU-END-001: overall survival follows through a subsequent HCT under every policy
    set(endpoint::overall_survival, end, death != de::none ? s::event : s::censored, "FU-END-001");
    // FU-END-007: the censoring cut for the others
    const std::uint32_t cut = options.subsequent_hct == subsequent_hct_policy::censor ? shct : de::none;
    const auto before_cut = [&](std::uint32_t i) { return i != de::none && (cut == de::none || i < cut); };
    const std::uint32_t stop = cut != de::none && cut < end ? cut : end;
    const bool died = before_cut(death);
    const bool relapsed = before_cut(relapse);
    const std::uint32_t censor_at = stop;
    // FU-END-002 / 003: relapse and NRM compete
    if (relapsed) {
        set(endpoint::relapse, relapse, s::event, "FU-END-002");
        set(endpoint::non_relapse_mortality, relapse, s::competing_event, "FU-END-003");
    } else if (died) {
        set(endpoint::relapse, death, s::competing_event, "FU-END-002");
        set(endpoint::non_relapse_mortality, death, s::event, "FU-END-003");
    } else {
        set(endpoint::relapse, censor_at, s::censored, "FU-END-002");
        set(endpoint::non_relapse_mortality, censor_at, s::censored, "FU-END-003");
    }
    // FU-END-004: the first of relapse and death
    if (relapsed || died) {
        const std::uint32_t first = relapsed && (!died || relapse <= death) ? relapse : death;
        set(endpoint::relapse_free_survival, first, s::event, "FU-END-004");
    } else {
        set(endpoint::relapse_free_survival, censor_at, s::censored, "FU-END-004");
    }
    // FU-END-005: the first GRFS event
    if (before_cut(grfs)) {
        set(endpoint::gvhd_free_relapse_free_survival, grfs, s::event, "FU-END-005");
    } else {
        set(endpoint::gvhd_free_relapse_free_survival, censor_at, s::censored, "FU-END-005");
    }
    return out;
}

}  // namespace hsct::follow_up

#endif  // HSCT_FOLLOW_UP_ENDPOINTS_HPP
