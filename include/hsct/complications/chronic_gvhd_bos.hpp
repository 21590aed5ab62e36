// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Bronchiolitis obliterans syndrome diagnosed clinically (NIH 2014), from lung function, imaging
// and the infection work-up: the lung sign that chronic_gvhd_diagnosis.hpp counts as
// `cgvhd_sign::bronchiolitis_obliterans_syndrome` (COMP-CGVHD-004 says when).
//
//   using namespace hsct::complications;
//   bos_input in;
//   in.fev1_vc_ratio = 0.62;
//   in.fev1 = fev1_reading{hsct::transplant_day::at(400), hsct::percent(58.0, hsct::units::pct)};
//   in.earlier_fev1 = fev1_reading{hsct::transplant_day::at(-20), hsct::percent(92.0, hsct::units::pct)};
//   in.respiratory_infection = false;
//   in.air_trapping_on_ct = true;
//   auto r = assess_bos(in);      // result<bos_result>: r->status == hsct::outcome::met
//
// COMP-CGVHD-003 (NIH 2014 as recalled by the reference notes section 2.2 [M], consistent with the
// ERS summary [V2]; every criterion is recorded with verified = false): all four of
//   1. obstruction: FEV1/VC < 0.7, or below the 5th percentile of predicted;
//   2. FEV1 < 75 % of predicted with a decline of >= 10 % within less than 2 years (730 days in,
//      731 out: hsct's reading of "less than 2 years" on whole days [P]); when a bronchodilator
//      was given, pass the values after it (NIH: FEV1 must not correct to >= 75 %, and the
//      decline must hold on the corrected values);
//   3. no respiratory infection;
//   4. at least one supportive feature: air trapping on expiratory CT, small-airway thickening or
//      bronchiectasis on high-resolution CT, residual volume > 120 % of predicted, or an elevated
//      RV/TLC.
// The decline is in percentage points of predicted by default (the notes' "absolute decline"
// reading [M]); `fev1_decline_basis::relative` reads it as a percent of the earlier value [U].
// COMP-CGVHD-019 input checks (hsct's bounds [P]): FEV1 and residual volume 0-200 % and 0-400 %
// of predicted, FEV1/VC 0-1, the earlier FEV1 on or before the current one.
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_BOS_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_BOS_HPP

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "hsct/complications/detail/three_valued.hpp"
#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"

namespace hsct::complications {

/// COMP-CGVHD-003: how a FEV1 decline is measured [M]/[U].
enum class fev1_decline_basis : std::uint8_t {
    percentage_points = 1,  ///< earlier minus current, in % of predicted (default)
    relative = 2,           ///< (earlier - current) / earlier, in %
};

constexpr auto hsct_enum_table(fev1_decline_basis) noexcept {
    return make_enum_table<fev1_decline_basis>("fev1_decline_basis", {
        {fev1_decline_basis::percentage_points, "percentage_points", "decline in percentage points of predicted"},
        {fev1_decline_basis::relative, "relative", "decline relative to the earlier value"},
    });
}

/// COMP-CGVHD-003: the criteria recorded.
enum class bos_criterion : std::uint8_t {
    fev1_vc_ratio = 1,              ///< FEV1/VC < 0.7
    fev1_vc_below_5th_percentile = 2,  ///< FEV1/VC below the 5th percentile of predicted
    fev1_below_75 = 3,              ///< FEV1 < 75 % of predicted
    fev1_decline = 4,               ///< decline >= 10 %
    decline_interval = 5,           ///< over at most 730 days
    no_respiratory_infection = 6,
    air_trapping_on_ct = 7,
    small_airway_disease_on_hrct = 8,
    residual_volume = 9,            ///< RV > 120 % of predicted
    rv_tlc_elevated = 10,
};

constexpr auto hsct_enum_table(bos_criterion) noexcept {
    using c = bos_criterion;
    return make_enum_table<bos_criterion>("bos_criterion", {
        {c::fev1_vc_ratio, "fev1_vc_ratio", "FEV1/VC below 0.7"},
        {c::fev1_vc_below_5th_percentile, "fev1_vc_below_5th_percentile", "FEV1/VC below the 5th percentile of predicted"},
        {c::fev1_below_75, "fev1_below_75", "FEV1 below 75 % of predicted"},
        {c::fev1_decline, "fev1_decline", "FEV1 decline of at least 10 %"},
        {c::decline_interval, "decline_interval", "the decline within less than 2 years"},
        {c::no_respiratory_infection, "no_respiratory_infection", "no respiratory infection"},
        {c::air_trapping_on_ct, "air_trapping_on_ct", "air trapping on expiratory CT"},
        {c::small_airway_disease_on_hrct, "small_airway_disease_on_hrct",
         "small-airway thickening or bronchiectasis on high-resolution CT"},
        {c::residual_volume, "residual_volume", "residual volume above 120 % of predicted"},
        {c::rv_tlc_elevated, "rv_tlc_elevated", "elevated RV/TLC"},
    });
}

/// COMP-CGVHD-003: the inputs BOS can lack.
enum class bos_field : std::uint8_t {
    fev1_vc_ratio = 1,
    fev1_vc_below_5th_percentile = 2,
    fev1 = 3,
    earlier_fev1 = 4,
    respiratory_infection = 5,
    air_trapping_on_ct = 6,
    small_airway_disease_on_hrct = 7,
    residual_volume = 8,
    rv_tlc_elevated = 9,
};

constexpr auto hsct_enum_table(bos_field) noexcept {
    using f = bos_field;
    return make_enum_table<bos_field>("bos_field", {
        {f::fev1_vc_ratio, "fev1_vc_ratio", "FEV1/VC"},
        {f::fev1_vc_below_5th_percentile, "fev1_vc_below_5th_percentile", "FEV1/VC below the 5th percentile"},
        {f::fev1, "fev1", "FEV1 (% of predicted) and its day"},
        {f::earlier_fev1, "earlier_fev1", "an earlier FEV1 (% of predicted) and its day"},
        {f::respiratory_infection, "respiratory_infection", "respiratory infection"},
        {f::air_trapping_on_ct, "air_trapping_on_ct", "expiratory CT"},
        {f::small_airway_disease_on_hrct, "small_airway_disease_on_hrct", "high-resolution CT"},
        {f::residual_volume, "residual_volume", "residual volume (% of predicted)"},
        {f::rv_tlc_elevated, "rv_tlc_elevated", "RV/TLC"},
    });
}

/// A FEV1 in % of predicted on a transplant day.
struct fev1_reading {
    hsct::transplant_day day;
    hsct::percent fev1;
};

/// COMP-CGVHD-003: what was measured. Missing inputs are values: the criterion is unknown.
struct bos_input {
    std::optional<double> fev1_vc_ratio;                ///< FEV1 / (F)VC, 0-1
    std::optional<bool> fev1_vc_below_5th_percentile;   ///< the lab's lower limit of normal
    std::optional<fev1_reading> fev1;                   ///< the current FEV1 (after bronchodilator, if given)
    std::optional<fev1_reading> earlier_fev1;           ///< the reference FEV1 (e.g. before transplant)
    std::optional<bool> respiratory_infection;          ///< true: an infection is present or not excluded
    std::optional<bool> air_trapping_on_ct;
    std::optional<bool> small_airway_disease_on_hrct;   ///< small-airway thickening or bronchiectasis
    std::optional<hsct::percent> residual_volume;       ///< RV, % of predicted
    std::optional<bool> rv_tlc_elevated;
};

struct bos_options {
    fev1_decline_basis decline = fev1_decline_basis::percentage_points;
};

/// COMP-CGVHD-003: met, not met, or unknown (an input that decides it is missing).
struct bos_result {
    bos_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    hsct::outcome status = hsct::outcome::unknown;
    std::optional<hsct::percent> decline;  ///< the FEV1 decline, in the basis of the options
    hsct::enum_set<bos_field> missing;
    hsct::fixed_list<hsct::criterion<bos_criterion>, 10> criteria;
    bos_options options;
};

namespace detail::cgvhd {

/// COMP-CGVHD-003 constants [M].
inline constexpr double bos_fev1_vc_max = 0.7;       ///< FEV1/VC < 0.7
inline constexpr double bos_bos_fev1_plausible_max = 75.0;     ///< FEV1 < 75 % of predicted
inline constexpr double bos_decline_min_pct = 10.0;  ///< decline >= 10 %
inline constexpr double bos_interval_max_days = 730.0;  ///< less than 2 years, on whole days [P]
inline constexpr double bos_rv_min_pct = 120.0;      ///< RV > 120 % of predicted
/// COMP-CGVHD-019 hsct's plausibility bounds [P].
inline constexpr double bos_fev1_plausible_max = 200.0;
inline constexpr double bos_rv_plausible_max = 400.0;


template <class Id>
[[nodiscard]] inline hsct::criterion<Id> make_record(Id id, hsct::measure m, hsct::comparator cmp, double threshold,
                                                      hsct::outcome o, const char* requirement,
                                                      bool verified) noexcept {
    hsct::criterion<Id> c;
    c.id = id;
    c.result = o;
    c.cmp = cmp;
    c.verified = verified;
    c.requirement = requirement;
    c.measured = m;
    c.threshold = threshold;
    return c;
}

/// A percent input checked against [0, hi]: not_finite or out_of_range naming the field.
[[gnu::cold]] [[nodiscard]] inline hsct::error bos_percent_error(double v, field_ref field, double hi, const char* what,
                                                            const char* requirement) {
    return hsct::error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field,
                       hsct::detail::concat({hsct::detail::format_number(v), " %", what}),
                       hsct::detail::concat({"0-", hsct::detail::format_number(hi), " %", what}), requirement);
}
[[nodiscard]] inline bool bos_percent_ok(double v, double hi) noexcept { return std::isfinite(v) && v >= 0.0 && v <= hi; }

[[nodiscard]] inline std::optional<hsct::error> check_bos(const bos_input& in, const bos_options& o) {
    if (auto e = hsct::detail::check_enum(o.decline, "bos.options.decline")) {
        return e;
    }
    if (in.fev1_vc_ratio) {
        const double r = *in.fev1_vc_ratio;
        if (!std::isfinite(r) || r < 0.0 || r > 1.0) {
            return hsct::error(std::isfinite(r) ? errc::out_of_range : errc::not_finite, "bos.fev1_vc_ratio",
                               hsct::detail::format_number(r), "0-1", "COMP-CGVHD-019");
        }
    }
    for (const auto* reading : {&in.fev1, &in.earlier_fev1}) {
        if (*reading && !bos_percent_ok((*reading)->fev1.in(hsct::units::pct), bos_fev1_plausible_max)) {
            return bos_percent_error((*reading)->fev1.in(hsct::units::pct),
                                 reading == &in.fev1 ? "bos.fev1.fev1" : "bos.earlier_fev1.fev1", bos_fev1_plausible_max,
                                 " of predicted", "COMP-CGVHD-019");
        }
    }
    if (in.fev1 && in.earlier_fev1 && in.earlier_fev1->day > in.fev1->day) {
        return hsct::error(errc::inconsistent, "bos.earlier_fev1.day",
                           hsct::detail::concat({"day ", hsct::detail::format_number(std::int64_t{in.earlier_fev1->day.number()})}),
                           hsct::detail::concat({"on or before the current FEV1's day ",
                                                 hsct::detail::format_number(std::int64_t{in.fev1->day.number()})}),
                           "COMP-CGVHD-019");
    }
    if (in.residual_volume && !bos_percent_ok(in.residual_volume->in(hsct::units::pct), bos_rv_plausible_max)) {
        return bos_percent_error(in.residual_volume->in(hsct::units::pct), "bos.residual_volume", bos_rv_plausible_max,
                             " of predicted", "COMP-CGVHD-019");
    }
    return std::nullopt;
}

}  // namespace detail::cgvhd

/// COMP-CGVHD-003: clinical bronchiolitis obliterans syndrome. Errors (COMP-CGVHD-019): FEV1/VC
/// outside 0-1, a FEV1 outside 0-200 % or residual volume outside 0-400 % of predicted, the
/// earlier FEV1 after the current one, an undeclared option.
template <class = void>
[[nodiscard]] result<bos_result> assess_bos(const bos_input& in, const bos_options& options = {}) {
    result<bos_result> out(std::in_place);
    if (auto e = detail::cgvhd::check_bos(in, options)) {
        out = std::move(*e);
        return out;
    }
    using detail::tri;
    bos_result& r = *out;
    r.options = options;
    constexpr const char* req = "COMP-CGVHD-003";
    const auto outcome_of = [](tri t) {
        return t == tri::yes ? hsct::outcome::met : t == tri::no ? hsct::outcome::not_met : hsct::outcome::unknown;
    };
    const auto record = [&](bos_criterion id, hsct::measure m, hsct::comparator cmp, double t, tri v) {
        r.criteria.push_back(detail::cgvhd::make_record(id, m, cmp, t, outcome_of(v), req, false));
    };
    const auto missing = [&](bos_criterion id, bos_field f) {
        r.criteria.push_back(detail::cgvhd::make_record(id, hsct::measure::missing(f), hsct::comparator::present, 0.0,
                                                 hsct::outcome::unknown, req, false));
        r.missing.insert(f);
    };
    const auto flag = [&](bos_criterion id, const std::optional<bool>& v, bos_field f, bool wanted) {
        if (!v) {
            missing(id, f);
            return tri::unknown;
        }
        const tri t = detail::tri_of(*v == wanted);
        record(id, hsct::measure::flag(*v), hsct::comparator::present, 0.0, t);
        return t;
    };

    // 1. obstruction: FEV1/VC < 0.7, or below the 5th percentile
    tri obstruction = tri::unknown;
    if (in.fev1_vc_ratio) {
        obstruction = detail::tri_of(hsct::satisfies(*in.fev1_vc_ratio, hsct::comparator::less, detail::cgvhd::bos_fev1_vc_max));
        record(bos_criterion::fev1_vc_ratio, hsct::measure::count(*in.fev1_vc_ratio, hsct::count_unit::none),
               hsct::comparator::less, detail::cgvhd::bos_fev1_vc_max, obstruction);
    }
    if (obstruction != tri::yes) {
        const tri lln = flag(bos_criterion::fev1_vc_below_5th_percentile, in.fev1_vc_below_5th_percentile,
                             bos_field::fev1_vc_below_5th_percentile, true);
        if (!in.fev1_vc_ratio && lln != tri::yes) {
            missing(bos_criterion::fev1_vc_ratio, bos_field::fev1_vc_ratio);
        }
        obstruction = detail::tri_or(obstruction, lln);
    }

    // 2. FEV1 < 75 % with a decline of >= 10 % within 730 days
    tri fev1_part = tri::unknown;
    if (in.fev1) {
        const double v = in.fev1->fev1.in(hsct::units::pct);
        fev1_part = detail::tri_of(hsct::satisfies(v, hsct::comparator::less, detail::cgvhd::bos_bos_fev1_plausible_max));
        record(bos_criterion::fev1_below_75, hsct::measure::of(in.fev1->fev1, hsct::units::pct), hsct::comparator::less,
               detail::cgvhd::bos_bos_fev1_plausible_max, fev1_part);
    } else {
        missing(bos_criterion::fev1_below_75, bos_field::fev1);
    }
    if (in.fev1 && in.earlier_fev1) {
        const double now = in.fev1->fev1.in(hsct::units::pct);
        const double before = in.earlier_fev1->fev1.in(hsct::units::pct);
        double decline = before - now;
        if (options.decline == fev1_decline_basis::relative) {
            decline = before > 0.0 ? 100.0 * decline / before : 0.0;
        }
        r.decline = hsct::percent(decline, hsct::units::pct);
        const tri declined =
            detail::tri_of(hsct::satisfies(decline, hsct::comparator::greater_equal, detail::cgvhd::bos_decline_min_pct));
        record(bos_criterion::fev1_decline, hsct::measure::of(*r.decline, hsct::units::pct),
               hsct::comparator::greater_equal, detail::cgvhd::bos_decline_min_pct, declined);
        const auto days = static_cast<double>((in.fev1->day - in.earlier_fev1->day).count());
        const tri within =
            detail::tri_of(hsct::satisfies(days, hsct::comparator::less_equal, detail::cgvhd::bos_interval_max_days));
        record(bos_criterion::decline_interval, hsct::measure::count(days, hsct::count_unit::days),
               hsct::comparator::less_equal, detail::cgvhd::bos_interval_max_days, within);
        fev1_part = detail::tri_and(fev1_part, detail::tri_and(declined, within));
    } else {
        if (!in.earlier_fev1) {
            missing(bos_criterion::fev1_decline, bos_field::earlier_fev1);
        }
        fev1_part = detail::tri_and(fev1_part, tri::unknown);
    }

    // 3. no respiratory infection
    const tri no_infection = flag(bos_criterion::no_respiratory_infection, in.respiratory_infection,
                                  bos_field::respiratory_infection, false);

    // 4. at least one supportive feature
    tri supportive = flag(bos_criterion::air_trapping_on_ct, in.air_trapping_on_ct, bos_field::air_trapping_on_ct, true);
    if (supportive != tri::yes) {
        supportive = detail::tri_or(supportive, flag(bos_criterion::small_airway_disease_on_hrct,
                                                     in.small_airway_disease_on_hrct,
                                                     bos_field::small_airway_disease_on_hrct, true));
    }
    if (supportive != tri::yes) {
        tri rv = tri::unknown;
        // COMP-CGVHD-003: residual volume above 120 % of predicted
        if (in.residual_volume) {
            rv = detail::tri_of(hsct::satisfies(in.residual_volume->in(hsct::units::pct), hsct::comparator::greater,
                                                detail::cgvhd::bos_rv_min_pct));
            record(bos_criterion::residual_volume, hsct::measure::of(*in.residual_volume, hsct::units::pct),
                   hsct::comparator::greater, detail::cgvhd::bos_rv_min_pct, rv);
        } else {
            missing(bos_criterion::residual_volume, bos_field::residual_volume);
        }
        supportive = detail::tri_or(supportive, rv);
    }
    if (supportive != tri::yes) {
        supportive = detail::tri_or(
            supportive, flag(bos_criterion::rv_tlc_elevated, in.rv_tlc_elevated, bos_field::rv_tlc_elevated, true));
    }
    r.status = outcome_of(
        detail::tri_and(detail::tri_and(obstruction, fev1_part), detail::tri_and(no_infection, supportive)));
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_BOS_HPP
