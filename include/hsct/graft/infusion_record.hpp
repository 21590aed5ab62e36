// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A patient's infusions as an append-only history: each record checked, placed on the
// transplant timeline (the first graft infusion sets Day 0; further bags of the planned graft are
// the same HCT), and the day's DMSO read from the records.
//
//   using namespace hsct::graft;
//   infusion_history h;
//   auto placed = h.append(record);   // result<placed_infusion>: HCT 1, D+0, sets Day 0
//   h.append(second_bag);             // the next day: HCT 1, D+1 (one HCT, CORE-DAY-004)
//   h.timeline()->day0();             // the core timeline the later stages count from
//   h.dmso_on(date, weight);          // result<dmso_result> of that date's bags (GRAFT-INF-002)
//   infusion_history::replay(h.records()) reproduces h exactly.
//
// GRAFT-INF-003: an infusion record: the product's DIN, the calendar date of the infusion as the
// clinic keeps it (local), when it started and (optionally) ended, the volume infused (above 0,
// at most 5,000 mL), who gave it, the DMSO fraction of a cryopreserved bag (optional, as
// GRAFT-INF-001 bounds it) and its kind. The date lies within a day of the start (a local date
// of a UTC instant); the end is not before the start; records are appended in time order (a
// record starting before the previous one is refused). A record made from the custody machine
// (infusion_from_custody) takes the DIN and the time of the custody's infusion and needs the
// product to be infused there.
// GRAFT-INF-004: the infusions on the timeline. The first graft infusion sets Day 0 (CIBMTR:
// "if multiple days of infusion are planned, report the first"); a further infusion of the
// planned graft (another bag, a second cord unit, the next day of a planned multi-day infusion)
// belongs to the same HCT and is not a new one (CORE-DAY-004); a subsequent HCT is named by its
// record and has its own Day 0 after every infusion of the HCT before it (CORE-DAY-006); a
// stem-cell boost or a donor lymphocyte infusion neither sets nor moves Day 0 (CIBMTR, reference
// notes [V2]) and needs an HCT before it. A further bag of the planned graft more than 7 days
// after its Day 0 is refused as implausible: hsct's policy [P] (infusion_policy), since a later
// infusion is a boost, a DLI or a subsequent HCT.
#ifndef HSCT_GRAFT_INFUSION_RECORD_HPP
#define HSCT_GRAFT_INFUSION_RECORD_HPP

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "hsct/core/date.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/timeline.hpp"
#include "hsct/core/units.hpp"
#include "hsct/graft/custody.hpp"
#include "hsct/graft/infusion.hpp"
#include "hsct/graft/isbt128.hpp"
#include "hsct/graft/product.hpp"

namespace hsct::graft {

/// GRAFT-INF-004: what an infusion is to the timeline.
enum class infusion_kind : std::uint8_t {
    graft = 1,           ///< the HCT's planned graft: the first sets Day 0, further bags join that HCT
    subsequent_hct = 2,  ///< the first infusion of a new HCT (its own Day 0)
    boost = 3,           ///< a stem-cell boost: not an HCT, Day 0 unchanged
    dli = 4,             ///< a donor lymphocyte infusion: not an HCT, Day 0 unchanged
};

constexpr auto hsct_enum_table(infusion_kind) noexcept {
    using k = infusion_kind;
    return make_enum_table<infusion_kind>("infusion_kind", {
        {k::graft, "graft", "the HCT's planned graft"},
        {k::subsequent_hct, "subsequent_hct", "the first infusion of a subsequent HCT"},
        {k::boost, "boost", "a stem-cell boost (not an HCT)"},
        {k::dli, "dli", "a donor lymphocyte infusion (not an HCT)"},
    });
}

/// GRAFT-INF-003: one infusion as recorded.
struct infusion_record {
    std::optional<din> product;                       ///< required
    sys_days date{};                                  ///< the local calendar date of the infusion
    std::chrono::sys_seconds started_at{};
    std::optional<std::chrono::sys_seconds> ended_at{};
    hsct::volume volume{};                            ///< infused
    custody_id by;                                    ///< who gave it (required)
    std::optional<hsct::percent> dmso{};              ///< v/v, a cryopreserved bag's
    infusion_kind kind = infusion_kind::graft;
    friend constexpr bool operator==(const infusion_record&, const infusion_record&) noexcept = default;
};

/// GRAFT-INF-004: hsct's plausibility policy [P].
struct infusion_policy {
    /// A further bag of the planned graft at most this long after its HCT's Day 0.
    std::chrono::days graft_span_max{7};
    friend constexpr bool operator==(const infusion_policy&, const infusion_policy&) noexcept = default;
};

/// GRAFT-INF-004: where a record landed: which HCT it counts from, its day, and whether it set
/// that HCT's Day 0.
struct placed_infusion {
    int hct_number = 1;
    hsct::transplant_day day;
    infusion_kind kind = infusion_kind::graft;
    bool sets_day0 = false;
    friend constexpr bool operator==(const placed_infusion&, const placed_infusion&) noexcept = default;
};

/// GRAFT-INF-003: a record from the custody machine's infusion: the DIN and the time of the
/// custody's last event (its infusion) replace the details' product and start. Error: the
/// custody is not in state infused ("custody.state").
template <class = void>
[[nodiscard]] result<infusion_record> infusion_from_custody(const custody& c, const infusion_record& details) {
    if (c.state != custody_state::infused) {
        return error(errc::not_allowed, "custody.state", std::string(id(c.state)), "infused", "GRAFT-INF-003");
    }
    infusion_record r = details;
    r.product = c.product;
    r.started_at = c.last_at;
    return r;
}

/// GRAFT-INF-003/004: the infusions of one patient, appended in time order, and the timeline
/// they make. A refused record leaves the history as it was.
class infusion_history {
public:
    infusion_history() = default;
    explicit infusion_history(const infusion_policy& policy) : policy_(policy) {}

    /// Checks the record, places it and keeps it. Errors name the field ("record.volume",
    /// "record.date", "record.kind", ...), the value and what is valid.
    template <class = void>
    [[nodiscard]] result<placed_infusion> append(const infusion_record& r);

    /// The history a list of records folds to (each appended in turn). Error: the first record
    /// refused, its index in the field ("records[3].date").
    template <class = void>
    [[nodiscard]] static result<infusion_history> replay(std::span<const infusion_record> records,
                                                         const infusion_policy& policy = {});

    [[nodiscard]] const std::vector<infusion_record>& records() const noexcept { return records_; }
    [[nodiscard]] const std::vector<placed_infusion>& placements() const noexcept { return placed_; }
    /// The timeline: none until the first graft infusion.
    [[nodiscard]] const std::optional<hsct::timeline>& timeline() const noexcept { return timeline_; }
    [[nodiscard]] const infusion_policy& policy() const noexcept { return policy_; }

    /// GRAFT-INF-002: the DMSO of the bags infused on `date` (those with a DMSO fraction).
    /// Error: no such bag that date (missing, "date").
    template <class = void>
    [[nodiscard]] result<dmso_result> dmso_on(sys_days date, const hsct::patient::body_weight& recipient,
                                              const dmso_options& options = {}) const;

    friend bool operator==(const infusion_history&, const infusion_history&) = default;

private:
    infusion_policy policy_{};
    std::vector<infusion_record> records_;
    std::vector<placed_infusion> placed_;
    std::optional<hsct::timeline> timeline_;
};


template <class>
result<placed_infusion> infusion_history::append(const infusion_record& r) {
    if (!r.product) {
        return error(errc::missing, "record.product", "", "the DIN of the product infused", "GRAFT-INF-003");
    }
    if (r.by.empty()) {
        return error(errc::missing, "record.by", "", "who gave the infusion", "GRAFT-INF-003");
    }
    if (auto e = hsct::detail::check_enum(r.kind, "record.kind")) {
        return *e;
    }
    if (auto d = check_date(r.date, "record.date"); !d) {
        return d.error();
    }
    const double ml = r.volume.in(hsct::units::mL);
    if (!std::isfinite(ml) || !(ml > 0.0) || ml > product_volume_max.in(hsct::units::mL)) {
        return error(std::isfinite(ml) ? errc::out_of_range : errc::not_finite, "record.volume",
                     hsct::detail::concat({hsct::detail::format_number(ml), " mL"}),
                     "above 0 and at most 5000 mL (GRAFT-PROD-001's bound)", "GRAFT-INF-003");
    }
    if (r.dmso) {
        const double f = r.dmso->in(hsct::units::pct);
        if (!std::isfinite(f) || !(f > 0.0) || f > dmso_fraction_max.in(hsct::units::pct)) {
            return error(std::isfinite(f) ? errc::out_of_range : errc::not_finite, "record.dmso",
                         hsct::detail::concat({hsct::detail::format_number(f), " %"}),
                         "above 0 % and at most 20 % (GRAFT-INF-001)", "GRAFT-INF-003");
        }
    }
    const auto utc_day = std::chrono::floor<std::chrono::days>(r.started_at);
    if (r.date < utc_day - std::chrono::days{1} || r.date > utc_day + std::chrono::days{1}) {
        return error(errc::inconsistent, "record.date", hsct::to_string(r.date),
                     hsct::detail::concat({"within a day of the start, ", hsct::to_string(r.started_at),
                                           " (the local date of that instant)"}),
                     "GRAFT-INF-003");
    }
    if (r.ended_at && *r.ended_at < r.started_at) {
        return error(errc::inconsistent, "record.ended_at", hsct::to_string(*r.ended_at),
                     hsct::detail::concat({"not before the start, ", hsct::to_string(r.started_at)}),
                     "GRAFT-INF-003");
    }
    if (!records_.empty()) {
        const auto& prev = records_.back();
        if (r.started_at < prev.started_at) {
            return error(errc::inconsistent, "record.started_at", hsct::to_string(r.started_at),
                         hsct::detail::concat({"not before the previous record's start, ",
                                               hsct::to_string(prev.started_at)}),
                         "GRAFT-INF-003");
        }
        if (r.date < prev.date) {
            return error(errc::inconsistent, "record.date", hsct::to_string(r.date),
                         hsct::detail::concat({"not before the previous record's date, ", hsct::to_string(prev.date)}),
                         "GRAFT-INF-003");
        }
    }
    placed_infusion p;
    p.kind = r.kind;
    std::optional<hsct::timeline> next;
    if (!timeline_) {
        if (r.kind != infusion_kind::graft) {
            return error(errc::not_allowed, "record.kind", std::string(id(r.kind)),
                         "graft: the first infusion recorded is an HCT's graft (it sets Day 0)", "GRAFT-INF-004");
        }
        auto t = hsct::timeline::single(r.date);
        if (!t) {
            return t.error();
        }
        next = std::move(*t);
        p.hct_number = 1;
        p.sets_day0 = true;
    } else {
        const hsct::hct_event& cur = timeline_->hcts().back();
        p.hct_number = cur.number;
        switch (r.kind) {
            case infusion_kind::graft: {
                if (r.date - cur.day0 > policy_.graft_span_max) {
                    return error(errc::inconsistent, "record.date", hsct::to_string(r.date),
                                 hsct::detail::concat({"a further bag of HCT ", std::to_string(cur.number),
                                                       "'s graft within ", std::to_string(policy_.graft_span_max.count()),
                                                       " days of its Day 0, ", hsct::to_string(cur.day0),
                                                       " (hsct's policy [P]); a later infusion is a boost, a DLI or a subsequent HCT"}),
                                 "GRAFT-INF-004");
                }
                if (r.date != cur.infusion_dates.back()) {  // a new infusion date of the same HCT
                    auto t = timeline_->with_infusion(r.date);
                    if (!t) {
                        return t.error();
                    }
                    next = std::move(*t);
                }
                break;
            }
            case infusion_kind::subsequent_hct: {
                if (r.date <= cur.infusion_dates.back()) {
                    return error(errc::inconsistent, "record.date", hsct::to_string(r.date),
                                 hsct::detail::concat({"after the last infusion of HCT ", std::to_string(cur.number),
                                                       ", ", hsct::to_string(cur.infusion_dates.back()),
                                                       " (a subsequent HCT has its own Day 0)"}),
                                 "GRAFT-INF-004");
                }
                auto t = timeline_->with_subsequent_hct(r.date);
                if (!t) {
                    return t.error();
                }
                next = std::move(*t);
                p.hct_number = cur.number + 1;
                p.sets_day0 = true;
                break;
            }
            case infusion_kind::boost:
            case infusion_kind::dli: break;
        }
    }
    const hsct::timeline& t = next ? *next : *timeline_;
    auto day = t.day_of(r.date, p.hct_number);
    if (!day) {
        return day.error();
    }
    p.day = *day;
    records_.push_back(r);
    placed_.push_back(p);
    if (next) {
        timeline_ = std::move(next);
    }
    return p;
}

template <class>
result<infusion_history> infusion_history::replay(std::span<const infusion_record> records,
                                                  const infusion_policy& policy) {
    infusion_history h(policy);
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (auto p = h.append(records[i]); !p) {
            const auto& e = p.error();
            std::string field = e.field();
            if (field.rfind("record.", 0) == 0) {
                field = hsct::detail::concat({"records[", std::to_string(i), "].", field.substr(7)});
            } else {
                field = hsct::detail::concat({"records[", std::to_string(i), "]: ", field});
            }
            return error(e.code(), field, e.value(), e.valid_range(), e.requirement());
        }
    }
    return h;
}

template <class>
result<dmso_result> infusion_history::dmso_on(sys_days date, const hsct::patient::body_weight& recipient,
                                              const dmso_options& options) const {
    std::vector<dmso_bag> bags;
    for (const auto& r : records_) {
        if (r.date == date && r.dmso) {
            bags.push_back(dmso_bag{r.volume, *r.dmso});
        }
    }
    if (bags.empty()) {
        return error(errc::missing, "date", hsct::to_string(date), "a date with an infusion whose DMSO is recorded",
                     "GRAFT-INF-002");
    }
    return assess_dmso(bags, recipient, options);
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_INFUSION_RECORD_HPP
