// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Builders of valid synthetic clinical data for integrators' tests, beside builders.hpp: a graft
// product with its chain of custody from collection to the bedside, an acute GVHD course whose
// MAGIC maximum is a chosen grade, and HLA typings drawn from a loaded release with a donor a
// chosen number of mismatches away. Same conventions as builders.hpp: every value is made
// through hsct's own checked factories (parse_din, custody_id::make, custody_log::append,
// make_checked, from_lab, parse_hla_typing), the options are checked (a result's error names
// the option), and a seed gives one output on every platform (hsct/testing/random.hpp) and, for
// the HLA builders, release; the tests pin seed 1.
//
//   namespace t = hsct::testing;
//   t::generator g(42);
//   t::graft_product_options o;  o.path = t::product_path::cryopreserved;
//   auto p = t::make_graft_product(g, o);            // result<graft_product>
//   p->log.state().state;                            // custody_state::infused
//   hsct::graft::replay(p->log).state == p->log.state();   // true
//   t::acute_gvhd_course_options c;  c.max_grade = hsct::complications::agvhd_grade::grade_iii;
//   auto course = t::make_acute_gvhd_course(g, c);   // assess_gvhd_course(course->days, ...): grade III
//   auto pool = t::make_hla_allele_pool(release);    // two-field names of a loaded IPD-IMGT/HLA release
//   auto patient = t::make_hla_typing(g, *pool);     // A, B, C, DRB1, DQB1, read by parse_hla_typing
//   t::donor_typing_options d;  d.mismatches = 1;
//   auto donor = t::make_donor_typing(g, *pool, *patient, d);   // assess_hla_match: 7/8, decided
//
// Nothing here is a clinical reference: the ranges exercise rules; they do not model patients.
//
// Requirement IDs:
// TEST-BUILD-006 make_din / make_graft_product: a valid ISBT 128 DIN (a drawn facility, the
//   year of assignment, a drawn sequence number), and a product's custody log from collection
//   through processing (and, on the cryopreserved path, freezing, storage and thaw; optionally a
//   shipment and receipt) to release, two-person verification at the bedside and infusion (or
//   stopping at verification), every record accepted by custody_log::append, with drawn times
//   and the thaw-to-infusion limit kept; a CD34+ dose.
// TEST-BUILD-007 make_acute_gvhd_course: daily findings (rash % BSA, bullae, bilirubin, stool
//   volume, upper-GI symptoms) from up to 3 days before an onset day, whose maximum MAGIC grade
//   under assess_gvhd_course with default options is the grade asked (I-IV), first reached on
//   the day the builder reports, by the organ it reports.
// TEST-BUILD-008 make_hla_allele_pool / make_hla_typing / make_donor_typing: typings at A, B,
//   C, DRB1, DQB1 (and optionally DPB1) drawn from a loaded release's expressed alleles at a
//   chosen resolution (2-4 fields), read by parse_hla_typing; and a donor typing with a chosen
//   number of allele-level (P group) mismatches at A, B, C and DRB1 relative to a patient's,
//   which assess_hla_match grades as that total (8/8 minus the mismatches, decided).
#ifndef HSCT_TESTING_CLINICAL_BUILDERS_HPP
#define HSCT_TESTING_CLINICAL_BUILDERS_HPP

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hsct/complications/acute_gvhd.hpp"
#include "hsct/complications/acute_gvhd_course.hpp"
#include "hsct/core/analyte.hpp"
#include "hsct/core/date.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/core/units.hpp"
#include "hsct/donor/hla_name.hpp"
#include "hsct/donor/hla_release.hpp"
#include "hsct/donor/hla_typing.hpp"
#include "hsct/graft/custody.hpp"
#include "hsct/graft/isbt128.hpp"
#include "hsct/testing/builders.hpp"
#include "hsct/testing/random.hpp"

namespace hsct::testing {

// ---------------------------------------------------------------------------------------
// TEST-BUILD-006: a graft product and its chain of custody
// ---------------------------------------------------------------------------------------

/// TEST-BUILD-006: the product's path through custody.
enum class product_path : std::uint8_t {
    fresh = 1,          ///< processed, (shipped and received,) released: never frozen
    cryopreserved = 2,  ///< processed, frozen, stored, (shipped and received,) thawed, released
};

constexpr auto hsct_enum_table(product_path) noexcept {
    return make_enum_table<product_path>("product_path", {
        {product_path::fresh, "fresh", "fresh (never cryopreserved)"},
        {product_path::cryopreserved, "cryopreserved", "cryopreserved, stored and thawed"},
    });
}

/// TEST-BUILD-006: the options of make_graft_product. Chances are probabilities, 0-1.
struct graft_product_options {
    std::optional<product_path> path;  ///< none: drawn (equally likely)
    /// The day of collection (the time of day is drawn, 07:00-12:59); none: drawn in 2015-2024.
    /// 1900-01-01 to 2189-12-31.
    std::optional<sys_days> collected_on;
    /// The recipient's identifier (1-32 printable characters, custody_id::make); none: "MRN-" and
    /// six drawn digits.
    std::optional<std::string_view> recipient;
    double ship_chance = 0.5;  ///< shipped to the transplant centre and received there
    /// Cryopreserved path, after a shipment: stored again on receipt before the thaw (otherwise
    /// thawed from receipt).
    double store_after_receipt_chance = 0.5;
    bool infuse = true;  ///< false: the log stops at verification at the bedside
    /// The product's policy; its thaw-to-infusion limit (0-1440 minutes) is kept by the drawn times.
    graft::custody_policy policy{};
};

/// TEST-BUILD-006: a product and its custody log (every record accepted; replay(log) equals
/// log.state(), infused or, when options.infuse is false, verified_at_bedside), with the times
/// a test reads most (every record's is in the log).
struct graft_product {
    graft::din din;
    product_path path;
    graft::custody_id recipient;
    graft::custody_log log;
    std::chrono::sys_seconds collected_at;
    std::chrono::sys_seconds expires_at;
    std::optional<std::chrono::sys_seconds> thawed_at;  ///< cryopreserved path
    std::chrono::sys_seconds verified_at;               ///< verification at the bedside
    std::optional<std::chrono::sys_seconds> infused_at; ///< none when options.infuse is false
    hsct::cell_dose cd34;                               ///< CD34+ x10^6/kg, 2.0-10.0, one decimal
    bool shipped = false;
};

namespace detail {

/// The characters a DIN's first character and its next two may take (GRAFT-ISBT-001).
inline constexpr std::string_view din_first_chars = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789";
inline constexpr std::string_view din_fin_chars = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789";

/// `width` decimal digits of a drawn number below 10^width.
template <class = void>
void append_digits(generator& g, std::string& to, int width) {
    std::uint32_t top = 1;
    for (int i = 0; i < width; ++i) {
        top *= 10U;
    }
    const auto n = g.uniform_int<std::uint32_t>(0, top - 1);
    for (std::uint32_t div = top / 10U; div > 0; div /= 10U) {
        to += static_cast<char>('0' + (n / div) % 10U);
    }
}

[[nodiscard]] inline char draw_char(generator& g, std::string_view from) {
    return from[g.uniform_int<std::size_t>(0, from.size() - 1)];
}

/// A drawn time on day `d`, 08:00-15:59 (a draw in the argument that makes `d` comes first:
/// arguments are evaluated before the body).
[[nodiscard]] inline std::chrono::sys_seconds working_hours(generator& g, sys_days d) noexcept {
    return std::chrono::sys_seconds{d} + std::chrono::hours{8} + std::chrono::minutes{g.uniform_int(0, 479)};
}

}  // namespace detail

/// TEST-BUILD-006: a valid DIN: a drawn Facility Identification Number (a first character A-N,
/// P-Z or 1-9; two of A-N, P-Z or 0-9; two digits), the last two digits of the year of
/// `assigned_on`, and a drawn six-digit sequence number; read through graft::parse_din. Draws,
/// in order: the five FIN characters, the sequence number.
template <class = void>
[[nodiscard]] graft::din make_din(generator& g, sys_days assigned_on) {
    std::string text;
    text.reserve(13);
    text += detail::draw_char(g, detail::din_first_chars);
    text += detail::draw_char(g, detail::din_fin_chars);
    text += detail::draw_char(g, detail::din_fin_chars);
    detail::append_digits(g, text, 2);
    const int year = static_cast<int>(std::chrono::year_month_day{assigned_on}.year());
    const int yy = ((year % 100) + 100) % 100;
    text += static_cast<char>('0' + yy / 10);
    text += static_cast<char>('0' + yy % 10);
    detail::append_digits(g, text, 6);
    auto d = graft::parse_din(text);
    HSCT_EXPECTS(d.has_value(), "make_din: a drawn DIN was refused (a bug in the builder)");
    return *d;
}

namespace detail {

template <class = void>
[[nodiscard]] std::optional<error> check_graft_options(const graft_product_options& o) {
    if (auto e = hsct::detail::check_enum(o.path, "options.path")) {
        return e;
    }
    if (o.collected_on) {
        if (auto c = hsct::check_date(*o.collected_on, "options.collected_on"); !c) {
            return c.error();
        }
        if (*o.collected_on > sys_days{std::chrono::year{2190} / 1 / 1}) {
            return option_error("options.collected_on", hsct::to_string(*o.collected_on), "1900-01-01 to 2189-12-31",
                                "TEST-BUILD-006");
        }
    }
    if (o.recipient) {
        if (auto r = graft::custody_id::make(*o.recipient, "options.recipient"); !r) {
            return r.error();
        }
    }
    const std::pair<double, std::string_view> chances[] = {
        {o.ship_chance, "options.ship_chance"},
        {o.store_after_receipt_chance, "options.store_after_receipt_chance"},
    };
    for (const auto& [p, name] : chances) {
        if (!(p >= 0.0 && p <= 1.0)) {
            return option_error(name, hsct::detail::format_number(p), "0-1", "TEST-BUILD-006");
        }
    }
    const auto limit = o.policy.thaw_to_infusion_limit.count();
    if (limit < 0 || limit > 1440) {
        return option_error("options.policy.thaw_to_infusion_limit", std::to_string(limit) + " min", "0-1440 min",
                            "TEST-BUILD-006");
    }
    return std::nullopt;
}

}  // namespace detail

/// TEST-BUILD-006: a product and its chain of custody. Draws, in order: the path (unless given),
/// the collection day (unless given) and time, the DIN (make_din, the year of collection), the
/// recipient (unless given), the CD34+ dose, whether it is shipped, then each event's time and
/// who recorded it. Times: processing 1-4 h after collection; fresh: shipped 30-180 min after
/// processing and received 2-30 h later, released 30-240 min after receipt (or 1-12 h after
/// processing); cryopreserved: frozen 1-6 h after processing, stored 30-120 min later, shipped
/// 1-30 days after the day of storage (08:00-15:59) and received 2-48 h later (then stored again
/// 30-120 min later, or thawed 30-360 min after receipt), thawed 1-60 days after the day of the
/// last storage (08:00-15:59); from the thaw, release, verification and infusion within the
/// policy's limit (offsets drawn in 0-limit minutes, in order); fresh: verification 5-20 min
/// after release, infusion 1-15 min after.
/// Expiry: 72 h after collection (fresh), 5 years (cryopreserved). Every record carries the
/// DIN and the recipient; verification names a second verifier (a physician; the nurse signs).
/// Errors (TEST-BUILD-006, or those of check_date and custody_id::make): an option outside its
/// range ("options.<name>").
template <class = void>
[[nodiscard]] result<graft_product> make_graft_product(generator& g, const graft_product_options& options = {}) {
    using std::chrono::days;
    using std::chrono::hours;
    using std::chrono::minutes;
    using E = graft::custody_event;
    const auto& o = options;
    if (auto e = detail::check_graft_options(o)) {
        return std::move(*e);
    }
    const product_path path = o.path ? *o.path : (g.uniform_int(0, 1) == 0 ? product_path::fresh : product_path::cryopreserved);
    const bool cryo = path == product_path::cryopreserved;
    const sys_days day = o.collected_on ? *o.collected_on
                                        : sys_days{std::chrono::year{2015} / 1 / 1} + days{g.uniform_int(0, 3651)};
    const std::chrono::sys_seconds collected_at = std::chrono::sys_seconds{day} + hours{7} + minutes{g.uniform_int(0, 359)};
    const graft::din din = make_din(g, day);
    graft::custody_id recipient;
    if (o.recipient) {
        recipient = *graft::custody_id::make(*o.recipient, "options.recipient");
    } else {
        std::string mrn = "MRN-";
        detail::append_digits(g, mrn, 6);
        recipient = *graft::custody_id::make(mrn);
    }
    const auto cd34 = *hsct::make_checked<hsct::cell_dose>(
        static_cast<double>(g.uniform_int(20, 100)) / 10.0, hsct::units::e6_per_kg,
        {hsct::cell_dose(0.1, hsct::units::e6_per_kg), hsct::cell_dose(100.0, hsct::units::e6_per_kg)}, "cd34");
    const bool shipped = g.chance(o.ship_chance);
    const std::chrono::sys_seconds expires_at = collected_at + (cryo ? days{5 * 365 + 1} : days{3});

    const std::string_view lab[] = {"lab.novak", "lab.haddad", "lab.ferreira"};
    const std::string_view couriers[] = {"courier.kim", "courier.mbeki"};
    const std::string_view nurses[] = {"rn.lindqvist", "rn.osei", "rn.tanaka"};
    const std::string_view physicians[] = {"dr.ayla", "dr.okafor", "dr.marchetti"};
    const auto pick = [&g](std::span<const std::string_view> from) { return *graft::custody_id::make(g.pick(from)); };

    graft_product out{din,
                      path,
                      recipient,
                      graft::custody_log(graft::start_custody(din, recipient, collected_at, expires_at, o.policy)),
                      collected_at,
                      expires_at,
                      std::nullopt,
                      {},
                      std::nullopt,
                      cd34,
                      shipped};
    std::chrono::sys_seconds t = collected_at;
    // The event at time `at`, signed by one drawn from `by` (the time is computed before the
    // call, in its own statement: argument order is unspecified, and two compilers would draw
    // in two orders).
    const auto record = [&recipient, &din, &pick](E e, std::chrono::sys_seconds at,
                                                  std::span<const std::string_view> by) {
        graft::custody_record r;
        r.event = e;
        r.at = at;
        r.by = pick(by);
        r.product = din;
        r.recipient = recipient;
        return r;
    };
    const auto keep = [&out](const graft::custody_record& r) {
        const auto refused = out.log.append(r);
        HSCT_EXPECTS(!refused, "make_graft_product: a drawn record was refused (a bug in the builder)");
    };
    t += minutes{g.uniform_int(60, 240)};
    keep(record(E::process, t, lab));
    if (cryo) {
        t += minutes{g.uniform_int(60, 360)};
        keep(record(E::cryopreserve, t, lab));
        t += minutes{g.uniform_int(30, 120)};
        keep(record(E::store, t, lab));
        bool stored = true;
        if (shipped) {
            t = detail::working_hours(g, std::chrono::floor<days>(t) + days{g.uniform_int(1, 30)});
            keep(record(E::ship, t, couriers));
            t += minutes{g.uniform_int(120, 2880)};
            keep(record(E::receive, t, nurses));
            stored = g.chance(o.store_after_receipt_chance);
            if (stored) {
                t += minutes{g.uniform_int(30, 120)};
                keep(record(E::store, t, lab));
            }
        }
        if (stored) {
            t = detail::working_hours(g, std::chrono::floor<days>(t) + days{g.uniform_int(1, 60)});
        } else {
            t += minutes{g.uniform_int(30, 360)};
        }
        keep(record(E::thaw, t, nurses));
        out.thawed_at = t;
        // release <= verify <= infuse, all within the limit from the thaw
        const int limit = static_cast<int>(o.policy.thaw_to_infusion_limit.count());
        const int infuse_after = g.uniform_int(0, limit);
        const int release_after = g.uniform_int(0, infuse_after);
        const int verify_after = g.uniform_int(release_after, infuse_after);
        const std::chrono::sys_seconds thawed = t;
        keep(record(E::release, thawed + minutes{release_after}, nurses));
        t = thawed + minutes{verify_after};
        auto v = record(E::verify_at_bedside, t, nurses);
        v.second_verifier = pick(physicians);
        keep(v);
        out.verified_at = t;
        t = thawed + minutes{infuse_after};
    } else {
        if (shipped) {
            t += minutes{g.uniform_int(30, 180)};
            keep(record(E::ship, t, couriers));
            t += minutes{g.uniform_int(120, 1800)};
            keep(record(E::receive, t, nurses));
            t += minutes{g.uniform_int(30, 240)};
        } else {
            t += minutes{g.uniform_int(60, 720)};
        }
        keep(record(E::release, t, nurses));
        t += minutes{g.uniform_int(5, 20)};
        auto v = record(E::verify_at_bedside, t, nurses);
        v.second_verifier = pick(physicians);
        keep(v);
        out.verified_at = t;
        t += minutes{g.uniform_int(1, 15)};
    }
    if (o.infuse) {
        keep(record(E::infuse, t, nurses));
        out.infused_at = t;
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// TEST-BUILD-007: an acute GVHD course with a chosen maximum MAGIC grade
// ---------------------------------------------------------------------------------------

/// TEST-BUILD-007: the options of make_acute_gvhd_course.
struct acute_gvhd_course_options {
    /// The episode's maximum MAGIC grade, grade_i to grade_iv; none: drawn (equally likely).
    std::optional<complications::agvhd_grade> max_grade;
    int onset_day = 0;    ///< the diagnosis day, 1-365; 0: drawn, D+14 to D+100
    int days = 0;         ///< days graded from the onset (the onset included), 1-100; 0: drawn, 5-21
    int days_before = -1; ///< days of findings before the onset (the lower-GI window), 0-3; -1: drawn
    double missing_chance = 0.1;     ///< a finding not measured on a day (never the peak's)
    double upper_gi_chance = 0.3;    ///< upper-GI symptoms on a day, where the grade allows them
};

/// TEST-BUILD-007: a course: one gvhd_course_day a day, by day (the weight on the first), the
/// episode (onset, end = the last day, an adult), and what assess_gvhd_course gives under its
/// default options: the maximum MAGIC grade, the first day it is reached (`peak_day`) and the
/// organ built to reach it there (`peak_organ`; another organ may confer the grade that day too).
struct acute_gvhd_course {
    std::vector<complications::gvhd_course_day> days;
    complications::gvhd_episode episode;
    complications::agvhd_grade max_grade = complications::agvhd_grade::grade_i;
    hsct::transplant_day peak_day;
    complications::agvhd_organ peak_organ = complications::agvhd_organ::skin;
};

namespace detail {

/// The highest MAGIC stage of each organ that keeps a day at or below a grade (COMP-AGVHD-003):
/// skin, liver, upper GI (0-1), lower GI (4: bloody stool or pain).
struct gvhd_caps {
    int skin = 0;
    int liver = 0;
    int upper_gi = 0;
    int lower_gi = 0;
};

[[nodiscard]] constexpr gvhd_caps gvhd_caps_of(int grade) noexcept {
    switch (grade) {
        case 1: return {2, 0, 0, 0};
        case 2: return {3, 1, 1, 1};
        case 3: return {3, 3, 1, 3};
        case 4: return {4, 4, 1, 4};
        default: return {};
    }
}

/// A rash (% BSA, whole) of a MAGIC skin stage 0-3 (stage 0: 0 %).
[[nodiscard]] inline int rash_of_stage(generator& g, int stage) noexcept {
    switch (stage) {
        case 1: return g.uniform_int(1, 24);
        case 2: return g.uniform_int(25, 50);
        case 3: return g.uniform_int(51, 100);
        default: return 0;
    }
}

/// Bilirubin in tenths of mg/dL of a MAGIC liver stage 0-4 (bands [2, 3], (3, 6], (6, 15], > 15).
[[nodiscard]] inline int bilirubin_tenths_of_stage(generator& g, int stage) noexcept {
    switch (stage) {
        case 1: return g.uniform_int(20, 30);
        case 2: return g.uniform_int(31, 60);
        case 3: return g.uniform_int(61, 150);
        case 4: return g.uniform_int(151, 300);
        default: return g.uniform_int(2, 19);
    }
}

/// An adult's stool volume (mL, tens) of a MAGIC lower-GI stage 0-3 (< 500, 500-999,
/// 1000-1500, > 1500).
[[nodiscard]] inline int stool_of_stage(generator& g, int stage) noexcept {
    switch (stage) {
        case 1: return 10 * g.uniform_int(50, 99);
        case 2: return 10 * g.uniform_int(100, 150);
        case 3: return 10 * g.uniform_int(151, 300);
        default: return 10 * g.uniform_int(0, 49);
    }
}

template <class = void>
[[nodiscard]] hsct::percent percent_of(int pct, std::string_view field) {
    return *hsct::make_checked<hsct::percent>(static_cast<double>(pct), hsct::units::pct,
                                              {hsct::percent(0.0, hsct::units::pct), hsct::percent(100.0, hsct::units::pct)},
                                              field);
}

template <class = void>
[[nodiscard]] std::optional<error> check_gvhd_course_options(const acute_gvhd_course_options& o) {
    if (auto e = hsct::detail::check_enum(o.max_grade, "options.max_grade")) {
        return e;
    }
    if (o.max_grade && *o.max_grade == complications::agvhd_grade::grade_0) {
        return option_error("options.max_grade", "grade_0", "grade_i to grade_iv", "TEST-BUILD-007");
    }
    if (o.onset_day < 0 || o.onset_day > 365) {
        return option_error("options.onset_day", std::to_string(o.onset_day), "0 (drawn) or 1-365", "TEST-BUILD-007");
    }
    if (o.days < 0 || o.days > 100) {
        return option_error("options.days", std::to_string(o.days), "0 (drawn) or 1-100", "TEST-BUILD-007");
    }
    if (o.days_before < -1 || o.days_before > 3) {
        return option_error("options.days_before", std::to_string(o.days_before), "-1 (drawn) or 0-3",
                            "TEST-BUILD-007");
    }
    const std::pair<double, std::string_view> chances[] = {
        {o.missing_chance, "options.missing_chance"},
        {o.upper_gi_chance, "options.upper_gi_chance"},
    };
    for (const auto& [p, name] : chances) {
        if (!(p >= 0.0 && p <= 1.0)) {
            return option_error(name, hsct::detail::format_number(p), "0-1", "TEST-BUILD-007");
        }
    }
    return std::nullopt;
}

}  // namespace detail

/// TEST-BUILD-007: an adult's acute GVHD course (weight 50-110 kg, the episode not paediatric)
/// whose maximum MAGIC grade under assess_gvhd_course (default options) is options.max_grade,
/// first reached on `peak_day` by `peak_organ`. How: a peak day is drawn (the onset for grade I,
/// else one of the onset and the 2 days after, within the course) with an organ that confers
/// the grade (I: skin 1-2; II: skin 3, liver 1, persistent upper GI or lower GI 1; III: liver
/// or lower GI 2-3; IV: skin 4, liver 4 or bloody stool); every other day's findings are drawn
/// under the stages a grade allows (one grade lower before the peak, the grade from it on), so
/// no day exceeds the grade and none before the peak reaches it. Upper-GI symptoms appear only
/// where persistence (3 days) is allowed; a lower-GI peak by volume has every earlier stool below
/// 500 mL, so its day is the lower-GI onset and stages on its own output; later days' 3-day
/// means cannot exceed the highest output. Draws, in order: the grade, the onset day, the
/// course's length, the days before, the weight, the peak day and organ, then each day's
/// findings (rash, bullae, bilirubin, stool, upper GI) in day order. Errors (out_of_range,
/// TEST-BUILD-007): an option outside its range ("options.<name>").
template <class = void>
[[nodiscard]] result<acute_gvhd_course> make_acute_gvhd_course(generator& g, const acute_gvhd_course_options& options = {}) {
    namespace c = complications;
    using O = c::agvhd_organ;
    const auto& o = options;
    if (auto e = detail::check_gvhd_course_options(o)) {
        return std::move(*e);
    }
    const c::agvhd_grade max_grade =
        o.max_grade ? *o.max_grade : static_cast<c::agvhd_grade>(g.uniform_int(2, 5));  // grade_i..grade_iv
    const int grade = static_cast<int>(max_grade) - 1;  // 1-4
    const int onset = o.onset_day > 0 ? o.onset_day : g.uniform_int(14, 100);
    const int length = o.days > 0 ? o.days : g.uniform_int(5, 21);
    const int before = o.days_before >= 0 ? o.days_before : g.uniform_int(0, 3);
    const auto weight = *hsct::make_checked<hsct::mass>(static_cast<double>(g.uniform_int(500, 1100)) / 10.0,
                                                         hsct::units::kg,
                                                         {hsct::mass(50.0, hsct::units::kg), hsct::mass(500.0, hsct::units::kg)},
                                                         "weight");
    const int peak = grade == 1 ? onset : onset + g.uniform_int(0, std::min(2, length - 1));
    O organ = O::skin;
    int organ_stage = 1;
    switch (grade) {
        case 1:
            organ_stage = g.uniform_int(1, 2);
            break;
        case 2: {
            constexpr O organs[] = {O::skin, O::liver, O::upper_gi, O::lower_gi};
            organ = organs[g.uniform_int(0, 3)];
            organ_stage = organ == O::skin ? 3 : 1;
            break;
        }
        case 3:
            organ = g.uniform_int(0, 1) == 0 ? O::liver : O::lower_gi;
            organ_stage = g.uniform_int(2, 3);
            break;
        default: {
            constexpr O organs[] = {O::skin, O::liver, O::lower_gi};
            organ = organs[g.uniform_int(0, 2)];
            organ_stage = 4;
            break;
        }
    }
    acute_gvhd_course out;
    out.max_grade = max_grade;
    out.peak_day = hsct::transplant_day::at(peak);
    out.peak_organ = organ;
    out.episode = c::gvhd_episode{hsct::transplant_day::at(onset), std::nullopt,
                                  hsct::transplant_day::at(onset + length - 1), false};
    out.days.reserve(static_cast<std::size_t>(before) + static_cast<std::size_t>(length));
    const detail::gvhd_caps below = detail::gvhd_caps_of(grade - 1);
    const detail::gvhd_caps at_most = detail::gvhd_caps_of(grade);
    const bool lower_gi_peak_by_volume = organ == O::lower_gi && organ_stage < 4;
    for (int d = onset - before; d < onset + length; ++d) {
        const bool is_peak = d == peak;
        detail::gvhd_caps cap = d < peak ? below : at_most;
        if (lower_gi_peak_by_volume && d < peak) {
            cap.lower_gi = 0;  // the peak is the first day at 500 mL or more: the lower-GI onset
        }
        c::gvhd_course_day day;
        day.findings.day = hsct::transplant_day::at(d);
        if (d == onset - before) {
            day.weight = weight;
        }
        auto& f = day.findings;
        // skin (rash, and bullae for stage 4)
        const bool skin_peak = is_peak && organ == O::skin;
        if (skin_peak || !g.chance(o.missing_chance)) {
            const int stage = skin_peak ? organ_stage : g.uniform_int(0, std::min(cap.skin, 3));
            const int rash = detail::rash_of_stage(g, stage == 4 ? 3 : stage);
            f.rash_bsa = detail::percent_of(rash, "rash_bsa");
            if (stage == 4) {
                f.bullae_bsa = detail::percent_of(g.uniform_int(6, std::min(rash, 30)), "bullae_bsa");
            }
        }
        // liver
        const bool liver_peak = is_peak && organ == O::liver;
        if (liver_peak || !g.chance(o.missing_chance)) {
            const int stage = liver_peak ? organ_stage : g.uniform_int(0, cap.liver);
            f.bilirubin = *hsct::from_lab<hsct::bilirubin>(
                static_cast<double>(detail::bilirubin_tenths_of_stage(g, stage)) / 10.0, "mg/dL");
        }
        // lower GI: a volume (stages 0-3), and on a stage-4 peak grossly bloody stool as well
        const bool gut_peak = is_peak && organ == O::lower_gi;
        if (gut_peak || !g.chance(o.missing_chance)) {
            const int stage = gut_peak ? std::min(organ_stage, 3) : g.uniform_int(0, std::min(cap.lower_gi, 3));
            f.stool_volume = *hsct::make_checked<hsct::volume>(
                static_cast<double>(detail::stool_of_stage(g, stage)), hsct::units::mL,
                {hsct::volume(0.0, hsct::units::mL), hsct::volume(20000.0, hsct::units::mL)}, "stool_volume");
            f.grossly_bloody_stool = gut_peak && organ_stage == 4;
        }
        // upper GI: the clinician's finding on a peak of its own; symptoms where persistence
        // (3 consecutive days, read by assess_gvhd_course) cannot raise the grade
        if (is_peak && organ == O::upper_gi) {
            f.upper_gi_persistent = true;
            f.upper_gi_symptoms = true;
        } else if (cap.upper_gi > 0) {
            f.upper_gi_symptoms = g.chance(o.upper_gi_chance);
        }
        out.days.push_back(day);
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// TEST-BUILD-008: HLA typings drawn from a release
// ---------------------------------------------------------------------------------------

/// TEST-BUILD-008: the loci the typing builders type, in the order a typing writes them.
inline constexpr std::array<donor::match_locus, 6> typed_hla_loci = {
    donor::match_locus::a,    donor::match_locus::b,    donor::match_locus::c,
    donor::match_locus::drb1, donor::match_locus::dqb1, donor::match_locus::dpb1};

class hla_allele_pool;
/// TEST-BUILD-008: a release's pool (defined below, after the type).
template <class = void>
[[nodiscard]] result<hla_allele_pool> make_hla_allele_pool(const donor::hla_release& release, std::size_t fields = 2);

/// TEST-BUILD-008: the names a release offers at a resolution, per locus of typed_hla_loci:
/// the expressed alleles (no suffix), each cut to `fields()` fields (a shorter name kept
/// whole), distinct and in name order, with the P group each reduces to (its allele-level key;
/// the name itself when the release puts it in no P group). Names whose alleles fall in several
/// P groups are left out, so every name has one key. Refers to the release it was made from,
/// which must outlive it.
class hla_allele_pool {
public:
    [[nodiscard]] const donor::hla_release& release() const noexcept { return *release_; }
    [[nodiscard]] std::size_t fields() const noexcept { return fields_; }
    /// The names of locus i of typed_hla_loci (0-5), and their keys (the same length).
    [[nodiscard]] std::span<const donor::hla_name> names(std::size_t i) const noexcept { return names_[i]; }
    [[nodiscard]] std::span<const donor::hla_name> keys(std::size_t i) const noexcept { return keys_[i]; }

private:
    template <class>
    friend result<hla_allele_pool> make_hla_allele_pool(const donor::hla_release&, std::size_t);
    hla_allele_pool(const donor::hla_release& r, std::size_t f) noexcept : release_(&r), fields_(f) {}
    const donor::hla_release* release_;
    std::size_t fields_;
    std::array<std::vector<donor::hla_name>, 6> names_;
    std::array<std::vector<donor::hla_name>, 6> keys_;
};

/// TEST-BUILD-008: the pool of a release at `fields` fields (2: two-field, the default; 3; 4:
/// the full names). Errors (TEST-BUILD-008): `fields` outside 2-4 (out_of_range, "fields"); a
/// locus with fewer than 3 P groups (missing, "release"): a donor mismatched at both copies
/// needs a group the patient has neither copy of.
template <class>
[[nodiscard]] result<hla_allele_pool> make_hla_allele_pool(const donor::hla_release& release, std::size_t fields) {
    if (fields < 2 || fields > 4) {
        return detail::option_error("fields", std::to_string(fields), "2-4", "TEST-BUILD-008");
    }
    hla_allele_pool pool(release, fields);
    for (std::size_t i = 0; i < release.allele_count(); ++i) {
        const donor::hla_name& n = release.allele(i);
        if (n.expression() != donor::hla_expression::expressed) {
            continue;
        }
        for (std::size_t l = 0; l < typed_hla_loci.size(); ++l) {
            if (n.locus() == donor::gene_of(typed_hla_loci[l])) {
                pool.names_[l].push_back(n.field_count() > fields
                                             ? n.with_fields(fields, donor::hla_name_kind::allele,
                                                             donor::hla_expression::expressed)
                                             : n.without_prefix());
                break;
            }
        }
    }
    for (std::size_t l = 0; l < typed_hla_loci.size(); ++l) {
        auto& names = pool.names_[l];
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        std::vector<donor::hla_name> kept;
        kept.reserve(names.size());
        auto& keys = pool.keys_[l];
        keys.reserve(names.size());
        for (const auto& n : names) {
            const auto r = release.reduce(n, donor::hla_reduction::p_group);
            if ((r.status() == donor::hla_reduction_status::reduced ||
                 r.status() == donor::hla_reduction_status::no_group) &&
                r.names().size() == 1) {
                kept.push_back(n);
                keys.push_back(r.names()[0]);
            }
        }
        names = std::move(kept);
        auto distinct = keys;
        std::sort(distinct.begin(), distinct.end());
        if (std::unique(distinct.begin(), distinct.end()) - distinct.begin() < 3) {
            return error(errc::missing, "release", std::string(donor::gene_of(typed_hla_loci[l])),
                         "at least 3 P groups of expressed alleles at each of A, B, C, DRB1, DQB1, DPB1",
                         "TEST-BUILD-008");
        }
    }
    return pool;
}

/// TEST-BUILD-008: the options of make_hla_typing.
struct hla_typing_options {
    bool dpb1 = false;                ///< type DPB1 too (10 loci copies otherwise: A, B, C, DRB1, DQB1)
    double homozygous_chance = 0.05;  ///< both copies of a locus the same name (each locus)
};

/// TEST-BUILD-008: one typed locus: the two names (as the pool holds them) and their P groups.
struct hla_locus_pair {
    donor::match_locus locus = donor::match_locus::a;
    std::array<donor::hla_name, 2> names;
    std::array<donor::hla_name, 2> keys;
};

/// TEST-BUILD-008: a typing: its loci (in typed_hla_loci order), its GL String
/// ("HLA-A*01:01+HLA-A*02:01^HLA-B*..."), and that string read by parse_hla_typing.
struct synthetic_hla_typing {
    std::vector<hla_locus_pair> loci;
    std::string gl;
    donor::hla_typing typing;
};

namespace detail {

/// The GL String of typed loci, read back by the release (a refusal is a bug here: a contract).
template <class = void>
void finish_typing(const hla_allele_pool& pool, synthetic_hla_typing& t) {
    for (const auto& l : t.loci) {
        if (!t.gl.empty()) {
            t.gl += '^';
        }
        t.gl += donor::to_string(l.names[0].with_prefix());
        t.gl += '+';
        t.gl += donor::to_string(l.names[1].with_prefix());
    }
    auto read = donor::parse_hla_typing(pool.release(), t.gl);
    HSCT_EXPECTS(read.has_value(), "make_hla_typing: the release refused a drawn typing (a bug in the builder)");
    t.typing = *std::move(read);
}

/// A name of locus l (index in typed_hla_loci) whose key is neither of `avoid`, by rejection.
template <class = void>
[[nodiscard]] std::size_t draw_other_group(generator& g, const hla_allele_pool& pool, std::size_t l,
                                           const std::array<donor::hla_name, 2>& avoid) {
    const auto keys = pool.keys(l);
    for (;;) {
        const auto i = g.uniform_int<std::size_t>(0, keys.size() - 1);
        if (!(keys[i] == avoid[0]) && !(keys[i] == avoid[1])) {
            return i;
        }
    }
}

}  // namespace detail

/// TEST-BUILD-008: a typing drawn from the pool: at each locus (A, B, C, DRB1, DQB1, and DPB1
/// when asked), two names drawn uniformly among the pool's (the second the same as the first
/// with options.homozygous_chance). Draws, per locus in order: the first name, whether
/// homozygous, the second name (unless homozygous). Errors (out_of_range, TEST-BUILD-008):
/// options.homozygous_chance outside 0-1.
template <class = void>
[[nodiscard]] result<synthetic_hla_typing> make_hla_typing(generator& g, const hla_allele_pool& pool,
                                                          const hla_typing_options& options = {}) {
    if (!(options.homozygous_chance >= 0.0 && options.homozygous_chance <= 1.0)) {
        return detail::option_error("options.homozygous_chance", hsct::detail::format_number(options.homozygous_chance),
                                    "0-1", "TEST-BUILD-008");
    }
    synthetic_hla_typing out;
    const std::size_t loci = options.dpb1 ? 6 : 5;
    for (std::size_t l = 0; l < loci; ++l) {
        const auto names = pool.names(l);
        const auto keys = pool.keys(l);
        const auto first = g.uniform_int<std::size_t>(0, names.size() - 1);
        const bool homozygous = g.chance(options.homozygous_chance);
        const auto second = homozygous ? first : g.uniform_int<std::size_t>(0, names.size() - 1);
        out.loci.push_back(hla_locus_pair{typed_hla_loci[l], {names[first], names[second]}, {keys[first], keys[second]}});
    }
    detail::finish_typing(pool, out);
    return out;
}

/// TEST-BUILD-008: the options of make_donor_typing.
struct donor_typing_options {
    int mismatches = 0;  ///< allele-level (P group) mismatches at A, B, C and DRB1: 0-8
};

/// TEST-BUILD-008: a donor typing with options.mismatches allele-level mismatches at A, B, C
/// and DRB1 relative to `patient` (a typing of this pool): the mismatches spread over those
/// loci (each drawn among the loci with fewer than 2), then at each locus the patient's two
/// names (0 mismatches), one of them kept (drawn) and a name of another P group than both of
/// the patient's (1), or two such names (2). DQB1 and DPB1 are the patient's. assess_hla_match
/// gives the 8/8 total at allele level as 8 - mismatches, decided. Draws, in order: the locus of
/// each mismatch, then per locus the copy kept (1 mismatch) and the names (by rejection).
/// Errors (TEST-BUILD-008): options.mismatches outside 0-8 (out_of_range); a patient typing that
/// lacks A, B, C or DRB1 or was read by another release (inconsistent, "patient").
template <class = void>
[[nodiscard]] result<synthetic_hla_typing> make_donor_typing(generator& g, const hla_allele_pool& pool,
                                                            const synthetic_hla_typing& patient,
                                                            const donor_typing_options& options = {}) {
    if (options.mismatches < 0 || options.mismatches > 8) {
        return detail::option_error("options.mismatches", std::to_string(options.mismatches), "0-8", "TEST-BUILD-008");
    }
    if (patient.loci.size() < 4 || patient.typing.release_version() != pool.release().version()) {
        return error(errc::inconsistent, "patient", std::string(patient.typing.release_version()),
                     "a typing of A, B, C and DRB1 drawn from this pool's release (make_hla_typing)", "TEST-BUILD-008");
    }
    for (std::size_t l = 0; l < 4; ++l) {
        if (patient.loci[l].locus != typed_hla_loci[l]) {
            return error(errc::inconsistent, "patient", std::string(donor::gene_of(patient.loci[l].locus)),
                         "a typing of A, B, C and DRB1 drawn from this pool's release (make_hla_typing)",
                         "TEST-BUILD-008");
        }
    }
    std::array<int, 4> at{};
    for (int m = 0; m < options.mismatches; ++m) {
        int open = 0;
        for (const int n : at) {
            open += n < 2 ? 1 : 0;
        }
        int pick = g.uniform_int(0, open - 1);
        for (auto& n : at) {
            if (n < 2 && pick-- == 0) {
                ++n;
                break;
            }
        }
    }
    synthetic_hla_typing out;
    out.loci = patient.loci;
    for (std::size_t l = 0; l < 4; ++l) {
        auto& locus = out.loci[l];
        const auto avoid = patient.loci[l].keys;
        const auto names = pool.names(l);
        const auto keys = pool.keys(l);
        const int k = at[l];
        if (k == 1) {
            const std::size_t replaced = g.uniform_int<std::size_t>(0, 1);
            const std::size_t i = detail::draw_other_group(g, pool, l, avoid);
            locus.names[replaced] = names[i];
            locus.keys[replaced] = keys[i];
        } else if (k == 2) {
            for (std::size_t c = 0; c < 2; ++c) {
                const std::size_t i = detail::draw_other_group(g, pool, l, avoid);
                locus.names[c] = names[i];
                locus.keys[c] = keys[i];
            }
        }
    }
    detail::finish_typing(pool, out);
    return out;
}

}  // namespace hsct::testing

#endif  // HSCT_TESTING_CLINICAL_BUILDERS_HPP
