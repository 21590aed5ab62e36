// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// What an infusion day gives the recipient of a cryopreserved product's DMSO, against a named
// limit per kg per day.
//
//   using namespace hsct::graft;
//   const dmso_bag bags[] = {{hsct::volume(300, hsct::units::mL), hsct::percent(10, hsct::units::pct)}};
//   auto r = assess_dmso(bags, *recipient_weight);      // result<dmso_result>
//   r->grams;             // 33.0 g (300 mL x 10 % x 1.10 g/mL)
//   r->per_kg;            // 1.10 g/kg for 30 kg: over 1 g/kg
//   r->max_volume_today;  // the volume at this concentration that stays within the limit
//
// GRAFT-INF-001: grams of DMSO = volume (mL) x DMSO fraction (v/v) x DMSO's density, 1.10 g/mL
// (a physical constant at 20 degrees C, as the reference notes give it [M]; the EBMT Handbook
// states neither the density nor whether "5-10 %" is v/v [U, resolutions SC-9]); the bags of one
// day are summed. A bag's DMSO is above 0 % and at most 20 % (HB24 ch. 20: final products hold
// 5-10 % [V-HB24]; 20 % is hsct's plausibility bound [P]); its volume above 0 and at most 5,000 mL.
// GRAFT-INF-002: the day's DMSO per kg of recipient weight against a limit. Default 1 g/kg a day,
// "typically accepted for HSCT" (the reference notes' review source [V2]; no EBMT Handbook chapter
// states a ceiling [U]); at the limit is within it by default (dmso_limit_edge::inclusive), or
// over it (exclusive), a named policy; a centre states its own limit. Over the limit, the result
// gives the volume at that concentration the day can take, for a split over days or a wash
// (the decision is the centre's).
#ifndef HSCT_GRAFT_INFUSION_HPP
#define HSCT_GRAFT_INFUSION_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/graft/product.hpp"
#include "hsct/graft/vocabulary.hpp"
#include "hsct/patient/body_size.hpp"

namespace hsct::graft {

/// GRAFT-INF-001: DMSO's density in g/mL (20 degrees C) [M].
inline constexpr double dmso_density_g_per_ml = 1.10;
/// GRAFT-INF-001: the largest DMSO concentration hsct accepts [P].
inline constexpr hsct::percent dmso_fraction_max{20.0, hsct::units::pct};
/// GRAFT-INF-002: the default limit, 1 g per kg a day [V2].
inline constexpr hsct::dose_per_mass dmso_default_limit{1.0, hsct::units::g_per_kg};

/// GRAFT-INF-001: one bag infused that day.
struct dmso_bag {
    hsct::volume volume;
    hsct::percent dmso;  ///< v/v
};

/// GRAFT-INF-002: whether a dose exactly at the limit is within it.
enum class dmso_limit_edge : std::uint8_t { inclusive = 1, exclusive = 2 };

constexpr auto hsct_enum_table(dmso_limit_edge) noexcept {
    return make_enum_table<dmso_limit_edge>("dmso_limit_edge", {
        {dmso_limit_edge::inclusive, "inclusive", "at the limit is within it"},
        {dmso_limit_edge::exclusive, "exclusive", "at the limit is over it"},
    });
}

/// GRAFT-INF-002: the options.
struct dmso_options {
    hsct::dose_per_mass limit = dmso_default_limit;  ///< per kg a day, above 0
    dmso_limit_edge edge = dmso_limit_edge::inclusive;
};

/// GRAFT-INF-002: the criterion.
enum class dmso_criterion : std::uint8_t { within_daily_limit = 1 };

constexpr auto hsct_enum_table(dmso_criterion) noexcept {
    return make_enum_table<dmso_criterion>("dmso_criterion", {
        {dmso_criterion::within_daily_limit, "within_daily_limit", "DMSO per kg within the daily limit"},
    });
}

/// GRAFT-INF-001/002: the day's DMSO, per kg, the limit, and what the day can still take.
struct dmso_result {
    dmso_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions section 5
    hsct::total_dose grams;        ///< the day's DMSO (read in units::g_dose)
    hsct::dose_per_mass per_kg;    ///< per kg of recipient weight (read in units::g_per_kg)
    bool within_limit = true;
    dmso_options options;
    hsct::criterion<dmso_criterion> criterion;
    /// Over the limit: the volume, at the day's average concentration, that reaches the limit
    /// (within it under the inclusive edge; keep below it under the exclusive one).
    std::optional<hsct::volume> max_volume_today;
};

/// GRAFT-INF-001/002: the DMSO of one day's bags for a recipient. Errors: no bag, or over 20
/// (field "bags"); a bag's volume or DMSO out of range ("bags[i].volume", "bags[i].dmso"); a
/// limit not above 0 ("options.limit"); an undeclared edge ("options.edge").
template <class = void>
[[nodiscard]] result<dmso_result> assess_dmso(std::span<const dmso_bag> bags, const hsct::patient::body_weight& recipient,
                                              const dmso_options& options = {}) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<dmso_result> out(std::in_place);
    if (bags.empty() || bags.size() > 20) {
        out = error(errc::out_of_range, "bags", std::to_string(bags.size()), "1-20 bags a day", "GRAFT-INF-001");
        return out;
    }
    if (auto e = hsct::detail::check_enum(options.edge, "options.edge")) {
        out = std::move(*e);
        return out;
    }
    const double limit = options.limit.in(hsct::units::g_per_kg);
    if (!std::isfinite(limit) || !(limit > 0.0)) {
        out = error(std::isfinite(limit) ? errc::out_of_range : errc::not_finite, "options.limit",
                    hsct::detail::concat({hsct::detail::format_number(limit), " g/kg"}), "above 0 g/kg",
                    "GRAFT-INF-002");
        return out;
    }
    double grams = 0.0;
    double ml = 0.0;
    for (std::size_t i = 0; i < bags.size(); ++i) {
        const auto field = [i](const char* leaf) {
            return hsct::detail::concat({"bags[", std::to_string(i), "].", leaf});
        };
        const double v = bags[i].volume.in(hsct::units::mL);
        if (!std::isfinite(v) || !(v > 0.0) || v > product_volume_max.in(hsct::units::mL)) {
            out = error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field("volume"),
                        hsct::detail::concat({hsct::detail::format_number(v), " mL"}),
                        "above 0 and at most 5000 mL (GRAFT-PROD-001's bound)", "GRAFT-INF-001");
            return out;
        }
        const double f = bags[i].dmso.in(hsct::units::pct);
        if (!std::isfinite(f) || !(f > 0.0) || f > dmso_fraction_max.in(hsct::units::pct)) {
            out = error(std::isfinite(f) ? errc::out_of_range : errc::not_finite, field("dmso"),
                        hsct::detail::concat({hsct::detail::format_number(f), " %"}),
                        "above 0 % and at most 20 % (hsct's plausibility bound [P]; products hold 5-10 %)",
                        "GRAFT-INF-001");
            return out;
        }
        grams += v * (f / 100.0) * dmso_density_g_per_ml;
        ml += v;
    }
    dmso_result& r = *out;
    r.options = options;
    r.grams = hsct::total_dose(grams, hsct::units::g_dose);
    const double kg = recipient.in(hsct::units::kg);
    r.per_kg = hsct::dose_per_mass(grams / kg, hsct::units::g_per_kg);
    r.criterion.id = dmso_criterion::within_daily_limit;
    // GRAFT-INF-002: the edge policy: at the limit within it (inclusive) or over it (exclusive)
    r.criterion.cmp = options.edge == dmso_limit_edge::inclusive ? hsct::comparator::less_equal : hsct::comparator::less;
    r.criterion.requirement = "GRAFT-INF-002";
    r.criterion.measured = hsct::measure::of(r.per_kg, hsct::units::g_per_kg);
    r.criterion.threshold = limit;
    // the default 1 g/kg comes from a review, not a handbook chapter [V2]: marked unverified; a
    // centre's own limit is the centre's statement
    r.criterion.verified = !(options.limit == dmso_default_limit);
    r.within_limit = hsct::satisfies(r.criterion.measured.number(), r.criterion.cmp, limit);
    r.criterion.result = r.within_limit ? hsct::outcome::met : hsct::outcome::not_met;
    if (!r.within_limit) {
        r.max_volume_today = hsct::volume(limit * kg / (grams / ml), hsct::units::mL);
    }
    return out;
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_INFUSION_HPP
