// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Performance status: Karnofsky (KPS), Lansky play-performance and ECOG/Zubrod, as three
// distinct bounded scores; published KPS<->ECOG conversion tables, each under its own name; and
// the age rule that says which scale a registry expects for a patient.
//
//   auto kps = hsct::patient::karnofsky_score::make(80);              // result<karnofsky_score>
//   auto e = hsct::patient::to_ecog(*kps, kps_ecog_mapping::ma_2010);  // ECOG 1, mapping, band row
//   auto c = hsct::patient::assess_performance_scale(age);             // result: Lansky / KPS / none
//   auto r = hsct::patient::validated_performance_status::make(performance_status{*kps}, age);
//
// Results are data (which table, which row, which criterion at which threshold); their words
// come from <hsct/patient/performance_status_text.hpp>.
//
// Requirement IDs: PAT-PERF-001..004 (scales and text), PAT-PERF-010..013 (KPS<->ECOG),
// PAT-PERF-020..024 (age rule and recording). See docs/traceability.md.
#ifndef HSCT_PATIENT_PERFORMANCE_STATUS_HPP
#define HSCT_PATIENT_PERFORMANCE_STATUS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "hsct/core/demographics.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/score.hpp"
#include "hsct/patient/vocabulary.hpp"

namespace hsct::patient {

/// Which performance scale a score is on.
enum class performance_scale : std::uint8_t {
    karnofsky = 1,  ///< Karnofsky Performance Status, 0-100 (adults)
    lansky = 2,     ///< Lansky play-performance scale, 0-100 (children)
    ecog = 3,       ///< ECOG / Zubrod / WHO performance status, 0-5
};

constexpr auto hsct_enum_table(performance_scale) noexcept {
    return make_enum_table<performance_scale>("performance_scale", {
        {performance_scale::karnofsky, "karnofsky", "Karnofsky"},
        {performance_scale::lansky, "lansky", "Lansky"},
        {performance_scale::ecog, "ecog", "ECOG"},
    });
}

// ---------------------------------------------------------------------------------------------
// The three scores: one bounded_score template (CORE-SCORE-001), three distinct types

/// Karnofsky Performance Status (PAT-PERF-001): 0-100 in steps of 10, higher is better.
/// Source: Karnofsky DA, Burchenal JH. The clinical evaluation of chemotherapeutic agents in
/// cancer. In: MacLeod CM (ed.), Evaluation of Chemotherapeutic Agents. Columbia University
/// Press, 1949:191-205 [V2: wording from CIBMTR Appendix L and matching reproductions].
///
/// KPS 0 ("dead") is representable: it is part of the published scale and the conventional
/// table maps ECOG 5 to it. Registries do not record it: CIBMTR records 10-100, which
/// validated_performance_status::make enforces (PAT-PERF-023).
struct karnofsky_tag {  // PAT-PERF-001
    static constexpr int min = 0;
    static constexpr int max = 100;
    static constexpr int step = 10;
    static constexpr std::string_view name = "karnofsky";
    static constexpr std::string_view requirement = "PAT-PERF-001";
};

/// Lansky play-performance scale (PAT-PERF-002): 0-100 in steps of 10, higher is better; a
/// parent-rated scale of a child's usual play. Source: Lansky SB, List MA, Lansky LL,
/// Ritter-Sterr C, Miller DR. The measurement of performance in childhood cancer patients.
/// Cancer 1987;60(7):1651-1656 (PMID 3621134) [V]. Wording: original text [V2]; CIBMTR's
/// abbreviated wording differs only in words, not in the numbers.
/// Lansky 0 ("unresponsive") is representable; CIBMTR records 10-100 (PAT-PERF-023).
struct lansky_tag {  // PAT-PERF-002
    static constexpr int min = 0;
    static constexpr int max = 100;
    static constexpr int step = 10;
    static constexpr std::string_view name = "lansky";
    static constexpr std::string_view requirement = "PAT-PERF-002";
};

/// ECOG (Zubrod, WHO) performance status (PAT-PERF-003): grades 0-5, LOWER is better.
/// Source: Oken MM, Creech RH, Tormey DC, et al. Toxicity and response criteria of the Eastern
/// Cooperative Oncology Group. Am J Clin Oncol 1982;5(6):649-655 [V2]. Grade 3 is "in bed or
/// chair MORE THAN 50% of waking hours" (Oken's wording; some tables print "50% or more").
struct ecog_tag {
    static constexpr int min = 0;
    static constexpr int max = 5;
    static constexpr int step = 1;
    static constexpr std::string_view name = "ecog";
    static constexpr std::string_view requirement = "PAT-PERF-003";
};

/// Karnofsky Performance Status: `make(n)` -> result, `of<V>()` checked at compile time.
using karnofsky_score = hsct::bounded_score<karnofsky_tag>;
/// Lansky play-performance scale.
using lansky_score = hsct::bounded_score<lansky_tag>;
/// ECOG / Zubrod performance status.
using ecog_score = hsct::bounded_score<ecog_tag>;

/// The three functional bands of the published Karnofsky scale (PAT-PERF-001).
enum class kps_band : std::uint8_t {
    normal_activity = 1,          ///< KPS 80-100
    unable_to_work = 2,           ///< KPS 50-70
    unable_to_care_for_self = 3,  ///< KPS 10-40
    dead = 4,                     ///< KPS 0
};

constexpr auto hsct_enum_table(kps_band) noexcept {
    return make_enum_table<kps_band>("kps_band", {
        {kps_band::normal_activity, "normal_activity",
         "able to carry on normal activity and to work; no special care needed"},
        {kps_band::unable_to_work, "unable_to_work",
         "unable to work; lives at home and cares for most needs with some help"},
        {kps_band::unable_to_care_for_self, "unable_to_care_for_self",
         "unable to care for self; needs institutional or hospital-level care"},
        {kps_band::dead, "dead", "dead"},
    });
}

/// The functional band of a KPS value (PAT-PERF-001).
[[nodiscard]] constexpr kps_band band_of(karnofsky_score s) noexcept {
    if (s.value() >= 80) {
        return kps_band::normal_activity;
    }
    if (s.value() >= 50) {
        return kps_band::unable_to_work;
    }
    if (s.value() >= 10) {
        return kps_band::unable_to_care_for_self;
    }
    return kps_band::dead;
}

// ---------------------------------------------------------------------------------------------
// Text notation (PAT-PERF-004, hsct notation [P]): "KPS 80", "Lansky 60", "ECOG 1". This is the
// exchange form that the parse_ functions read back; level descriptions and explanations are in
// performance_status_text.hpp.

[[nodiscard]] inline std::string to_string(karnofsky_score s) {
    return hsct::detail::concat({"KPS ", std::to_string(s.value())});
}
[[nodiscard]] inline std::string to_string(lansky_score s) {
    return hsct::detail::concat({"Lansky ", std::to_string(s.value())});
}
[[nodiscard]] inline std::string to_string(ecog_score s) {
    return hsct::detail::concat({"ECOG ", std::to_string(s.value())});
}

namespace detail {

constexpr char perf_ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// True when `text` begins with `prefix`, ignoring ASCII case.
constexpr bool perf_starts_with_nocase(std::string_view text, std::string_view prefix) noexcept {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (perf_ascii_lower(text[i]) != perf_ascii_lower(prefix[i])) {
            return false;
        }
    }
    return true;
}

/// The scale named at the start of `text` ("KPS", "Karnofsky", "Lansky", "ECOG", "Zubrod"),
/// and the text after it; nullopt when no scale name leads.
struct perf_scale_prefix {
    performance_scale scale;
    std::string_view rest;
};

constexpr std::optional<perf_scale_prefix> read_scale_prefix(std::string_view t) noexcept {
    struct name {
        std::string_view text;
        performance_scale scale;
    };
    // Longer names first so "Karnofsky" is not read as "K..." of something shorter.
    constexpr std::array<name, 5> names{{{"karnofsky", performance_scale::karnofsky},
                                         {"kps", performance_scale::karnofsky},
                                         {"lansky", performance_scale::lansky},
                                         {"zubrod", performance_scale::ecog},
                                         {"ecog", performance_scale::ecog}}};
    for (const auto& n : names) {
        if (perf_starts_with_nocase(t, n.text)) {
            return perf_scale_prefix{n.scale, hsct::detail::trim(t.substr(n.text.size()))};
        }
    }
    return std::nullopt;
}

/// Reads "<own scale name> <n>", "<n>" (and for the 0-100 scales "<n>%") as a score S. A
/// different scale's name is refused (inconsistent: a "Lansky 60" is not a KPS); not a whole
/// number is syntax; off the scale is S::make's out_of_range.
template <class S>
result<S> read_score_text(std::string_view text, performance_scale own, bool percent_allowed,
                          std::string_view form, field_ref field) {
    std::string_view t = hsct::detail::trim(text);
    if (const auto p = read_scale_prefix(t)) {
        if (p->scale != own) {
            return error(errc::inconsistent, field, hsct::detail::quote_input(t),
                         hsct::detail::concat({"a ", hsct::to_string(own), " score, not ",
                                               hsct::to_string(p->scale)}),
                         "PAT-PERF-004");
        }
        t = p->rest;
    }
    if (percent_allowed && !t.empty() && t.back() == '%') {
        t = hsct::detail::trim(t.substr(0, t.size() - 1));
    }
    const auto n = hsct::detail::read_integer(t);
    if (!n) {
        return error(errc::syntax, field, hsct::detail::quote_input(text), std::string(form),
                     "PAT-PERF-004");
    }
    return S::make(*n, field);
}

}  // namespace detail

/// Reads "KPS 80", "Karnofsky 80", "80" or "80%" (case-insensitive names). Another scale's
/// name is refused (inconsistent); off-scale numbers are refused (out_of_range, PAT-PERF-001).
[[nodiscard]] inline result<karnofsky_score> parse_karnofsky(std::string_view text,
                                                             field_ref field = "karnofsky") {
    return detail::read_score_text<karnofsky_score>(
        text, performance_scale::karnofsky, true,
        "KPS <0-100 in steps of 10>, e.g. 'KPS 80' or '80'", field);
}

/// Reads "Lansky 60", "60" or "60%".
[[nodiscard]] inline result<lansky_score> parse_lansky(std::string_view text,
                                                       field_ref field = "lansky") {
    return detail::read_score_text<lansky_score>(
        text, performance_scale::lansky, true,
        "Lansky <0-100 in steps of 10>, e.g. 'Lansky 60' or '60'", field);
}

/// Reads "ECOG 1", "Zubrod 1" or "1".
[[nodiscard]] inline result<ecog_score> parse_ecog(std::string_view text,
                                                   field_ref field = "ecog") {
    return detail::read_score_text<ecog_score>(text, performance_scale::ecog, false,
                                               "ECOG <0-5>, e.g. 'ECOG 1' or '1'", field);
}

// ---------------------------------------------------------------------------------------------
// KPS <-> ECOG

/// Which published KPS<->ECOG table to use (PAT-PERF-010..012). The tables disagree at KPS 90,
/// 70, 50 and 30 (and Prasad also at 60 and 40), so the choice is always named and carried on
/// the result. Default: conventional.
enum class kps_ecog_mapping : std::uint8_t {
    /// PAT-PERF-010: the conventional table printed in most references: KPS 100-90 = ECOG 0,
    /// 80-70 = 1, 60-50 = 2, 40-30 = 3, 20-10 = 4, 0 = 5. A convention, not a validated
    /// equivalence [V2].
    conventional = 1,
    /// PAT-PERF-011: Ma C, Bandukwala S, Burman D, et al. Interconversion of three measures of
    /// performance status: an empirical analysis. Eur J Cancer 2010;46(18):3175-3183 (1,385
    /// palliative-care patients): 100 = 0, 90-80 = 1, 70-60 = 2, 50-40 = 3, 30-10 = 4 [V].
    /// KPS 0 / ECOG 5 are not part of the table.
    ma_2010 = 2,
    /// PAT-PERF-012: Prasad KT, Kaur H, Muthu V, Aggarwal AN, Behera D, Singh N.
    /// Interconversion of two commonly used performance tools: an analysis of 5844 paired
    /// assessments in 1501 lung cancer patients. World J Clin Oncol 2018;9(7):140-147:
    /// 100 = 0, 90-80 = 1, 70 = 2, 60-50 = 3, 40-10 = 4 [V]. KPS 0 / ECOG 5 not in the table.
    prasad_2018 = 3,
};

constexpr auto hsct_enum_table(kps_ecog_mapping) noexcept {
    return make_enum_table<kps_ecog_mapping>("kps_ecog_mapping", {
        {kps_ecog_mapping::conventional, "conventional", "conventional KPS-ECOG table"},
        {kps_ecog_mapping::ma_2010, "ma_2010", "Ma et al. 2010 (Eur J Cancer 46:3175)"},
        {kps_ecog_mapping::prasad_2018, "prasad_2018", "Prasad et al. 2018 (World J Clin Oncol 9:140)"},
    });
}

/// A closed range of KPS values, e.g. KPS 80-90.
struct kps_range {
    karnofsky_score lowest;
    karnofsky_score highest;

    [[nodiscard]] constexpr bool contains(karnofsky_score k) const noexcept {
        return lowest <= k && k <= highest;
    }
    friend constexpr bool operator==(const kps_range&, const kps_range&) noexcept = default;
};

/// "KPS 80-90", or "KPS 100" for a single value.
[[nodiscard]] inline std::string to_string(const kps_range& r) {
    if (r.lowest == r.highest) {
        return to_string(r.lowest);
    }
    return hsct::detail::concat({"KPS ", std::to_string(r.lowest.value()), "-",
                                 std::to_string(r.highest.value())});
}

/// Reads a KPS range as to_string(kps_range) writes it (PAT-PERF-004): "KPS 80-90", or
/// "KPS 100" for a single value; "Karnofsky" for "KPS", any case, and bare "80-90" are also
/// read, with blanks allowed around the '-'. Round trip: parse_kps_range(to_string(r)) == r
/// for every range with lowest <= highest.
/// Errors: another scale's name (inconsistent); not a number or range (syntax); a value off the
/// scale (out_of_range, as parse_karnofsky); lowest above highest (inconsistent).
[[nodiscard]] inline result<kps_range> parse_kps_range(std::string_view text,
                                                       field_ref field = "kps_range") {
    std::string_view t = hsct::detail::trim(text);
    if (const auto p = detail::read_scale_prefix(t)) {
        if (p->scale != performance_scale::karnofsky) {
            return error(errc::inconsistent, field, hsct::detail::quote_input(t),
                         hsct::detail::concat({"a KPS range, not ", to_string(p->scale)}),
                         "PAT-PERF-004");
        }
        t = p->rest;
    }
    const std::size_t dash = t.find('-');
    if (dash == std::string_view::npos || dash == 0) {
        return parse_karnofsky(t, field).transform(
            [](karnofsky_score k) { return kps_range{k, k}; });
    }
    const auto lo = parse_karnofsky(hsct::detail::trim(t.substr(0, dash)), field);
    if (!lo) {
        return lo.error();
    }
    const auto hi = parse_karnofsky(hsct::detail::trim(t.substr(dash + 1)), field);
    if (!hi) {
        return hi.error();
    }
    if (*hi < *lo) {
        return error(errc::inconsistent, field, hsct::detail::quote_input(text),
                     "lowest KPS not above highest, e.g. 'KPS 80-90'", "PAT-PERF-004");
    }
    return kps_range{*lo, *hi};
}

/// One row of a published KPS<->ECOG table: an ECOG grade and its KPS band. The rows hold
/// published constants, all values of their scales (checked at compile time by of<>()).
struct kps_ecog_row {
    ecog_score ecog;
    kps_range band;
};

namespace detail {

template <int E, int Lo, int Hi>
constexpr kps_ecog_row perf_row() noexcept {
    return kps_ecog_row{ecog_score::of<E>(),
                        kps_range{karnofsky_score::of<Lo>(), karnofsky_score::of<Hi>()}};
}

/// The published tables, one row per ECOG grade the mapping defines (PAT-PERF-010..012).
inline constexpr std::array<kps_ecog_row, 6> conventional_rows{
    {perf_row<0, 90, 100>(), perf_row<1, 70, 80>(), perf_row<2, 50, 60>(),
     perf_row<3, 30, 40>(), perf_row<4, 10, 20>(), perf_row<5, 0, 0>()}};
inline constexpr std::array<kps_ecog_row, 5> ma_2010_rows{
    {perf_row<0, 100, 100>(), perf_row<1, 80, 90>(), perf_row<2, 60, 70>(),
     perf_row<3, 40, 50>(), perf_row<4, 10, 30>()}};
inline constexpr std::array<kps_ecog_row, 5> prasad_2018_rows{
    {perf_row<0, 100, 100>(), perf_row<1, 80, 90>(), perf_row<2, 70, 70>(),
     perf_row<3, 50, 60>(), perf_row<4, 10, 40>()}};

/// A mapping's table, its requirement ID and whether its source was verified.
struct kps_ecog_table {
    const kps_ecog_row* rows;
    std::size_t size;
    const char* requirement;
    bool verified;
};

/// Precondition: is_valid(m) (every caller checks the mapping first).
constexpr kps_ecog_table table_of(kps_ecog_mapping m) noexcept {
    switch (m) {
        case kps_ecog_mapping::ma_2010:
            return {ma_2010_rows.data(), ma_2010_rows.size(), "PAT-PERF-011", true};
        case kps_ecog_mapping::prasad_2018:
            return {prasad_2018_rows.data(), prasad_2018_rows.size(), "PAT-PERF-012", true};
        case kps_ecog_mapping::conventional: break;
    }
    return {conventional_rows.data(), conventional_rows.size(), "PAT-PERF-010", true};
}

}  // namespace detail

/// Whether a mapping's table has a row for the score converted. "Not in the table" is a value,
/// never an error (docs/conventions.md section 4): Ma 2010 and Prasad 2018 define no row for
/// KPS 0 or ECOG 5 (death), so a registry batch can tell those from bad data.
enum class kps_ecog_status : std::uint8_t {
    converted = 1,    ///< a row of the table decided it
    not_defined = 2,  ///< the mapping's table has no row for this score: no conversion
};

constexpr auto hsct_enum_table(kps_ecog_status) noexcept {
    return make_enum_table<kps_ecog_status>("kps_ecog_status", {
        {kps_ecog_status::converted, "converted", "converted"},
        {kps_ecog_status::not_defined, "not_defined", "not defined by this mapping"},
    });
}

/// An ECOG grade converted from a KPS, as data: the status, the grade (when converted), the
/// KPS it came from, the mapping, the row of the mapping's table that decided it (its index
/// and its KPS band), the requirement ID of that table and whether its source was verified.
struct ecog_from_kps {
    kps_ecog_status status = kps_ecog_status::converted;
    std::optional<ecog_score> ecog;  ///< set only when status == converted
    karnofsky_score kps;
    kps_ecog_mapping mapping = kps_ecog_mapping::conventional;
    std::optional<kps_range> band;  ///< the row's KPS band, e.g. KPS 80-90 under Ma 2010
    std::uint8_t row = 0;           ///< index of the row in the mapping's table (0 = ECOG 0)
    bool verified = true;           ///< the table's source was verified (PAT-PERF-010..012)
    const char* requirement = "";

    [[nodiscard]] constexpr bool converted() const noexcept {
        return status == kps_ecog_status::converted;
    }

    friend constexpr bool operator==(const ecog_from_kps& a, const ecog_from_kps& b) noexcept {
        return a.status == b.status && a.ecog == b.ecog && a.kps == b.kps &&
               a.mapping == b.mapping && a.band == b.band && a.row == b.row &&
               a.verified == b.verified && std::string_view(a.requirement) == b.requirement;
    }
};

/// KPS -> ECOG under a named mapping (PAT-PERF-010..012). Every mapping converts KPS 10-100;
/// only the conventional table defines KPS 0 (-> ECOG 5). KPS 0 under Ma 2010 or Prasad 2018
/// is not defined by the table: a value (status not_defined, no ecog, no band), never a guess
/// and never an error. A mapping number that is not a declared mapping is refused
/// (out_of_range, field "mapping"; CORE-ENUM-002). Allocates nothing.
[[nodiscard]] inline result<ecog_from_kps> to_ecog(
    karnofsky_score kps, kps_ecog_mapping mapping = kps_ecog_mapping::conventional) {
    if (!is_valid(mapping)) {  // the error is built only on this path
        return *hsct::detail::check_enum(mapping, "mapping");
    }
    const auto t = detail::table_of(mapping);
    ecog_from_kps r;
    r.kps = kps;
    r.mapping = mapping;
    r.verified = t.verified;
    r.requirement = t.requirement;
    r.status = kps_ecog_status::not_defined;
    for (std::size_t i = 0; i < t.size; ++i) {
        if (t.rows[i].band.contains(kps)) {
            r.status = kps_ecog_status::converted;
            r.ecog = t.rows[i].ecog;
            r.band = t.rows[i].band;
            r.row = static_cast<std::uint8_t>(i);
            break;
        }
    }
    return r;
}

/// The KPS values a mapping assigns to one ECOG grade. A range, not a single value: an ECOG
/// grade does not identify a KPS, and KPS -> ECOG -> KPS is never a round trip (PAT-PERF-013).
struct kps_from_ecog {
    kps_ecog_status status = kps_ecog_status::converted;
    std::optional<kps_range> range;  ///< set only when status == converted
    ecog_score ecog;
    kps_ecog_mapping mapping = kps_ecog_mapping::conventional;
    std::uint8_t row = 0;       ///< index of the row in the mapping's table
    bool verified = true;
    const char* requirement = "";

    [[nodiscard]] constexpr bool converted() const noexcept {
        return status == kps_ecog_status::converted;
    }

    friend constexpr bool operator==(const kps_from_ecog& a, const kps_from_ecog& b) noexcept {
        return a.status == b.status && a.range == b.range && a.ecog == b.ecog &&
               a.mapping == b.mapping && a.row == b.row && a.verified == b.verified &&
               std::string_view(a.requirement) == b.requirement;
    }
};

/// ECOG -> range of KPS under a named mapping (PAT-PERF-013). ECOG 5 is defined only by the
/// conventional table (-> KPS 0); under Ma 2010 and Prasad 2018 it is not defined: a value
/// (status not_defined, no range), never an error. An undeclared mapping number is refused
/// (out_of_range, field "mapping"). Allocates nothing.
[[nodiscard]] inline result<kps_from_ecog> to_kps_range(
    ecog_score ecog, kps_ecog_mapping mapping = kps_ecog_mapping::conventional) {
    if (!is_valid(mapping)) {  // the error is built only on this path
        return *hsct::detail::check_enum(mapping, "mapping");
    }
    const auto t = detail::table_of(mapping);
    kps_from_ecog r;
    r.ecog = ecog;
    r.mapping = mapping;
    r.verified = t.verified;
    r.requirement = t.requirement;
    r.status = kps_ecog_status::not_defined;
    for (std::size_t i = 0; i < t.size; ++i) {
        if (t.rows[i].ecog == ecog) {
            r.status = kps_ecog_status::converted;
            r.range = t.rows[i].band;
            r.row = static_cast<std::uint8_t>(i);
            break;
        }
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Which scale applies at an age

/// The versioned age rule for choosing KPS or Lansky (PAT-PERF-020, -021). Default: current.
enum class performance_scale_policy : std::uint8_t {
    /// PAT-PERF-020: CIBMTR Forms Instruction Manual, Appendix L (current): Karnofsky for
    /// recipients >= 16 years; Lansky for >= 1 and < 16 years; no score (leave blank) under
    /// 1 year [V].
    cibmtr_appendix_l_current = 1,
    /// PAT-PERF-021: CIBMTR Appendix L, 2009 (document A00428 rev. 1): Lansky for < 16 years,
    /// no lower age bound; Karnofsky for >= 16 years [V per resolutions K11].
    cibmtr_appendix_l_2009 = 2,
};

constexpr auto hsct_enum_table(performance_scale_policy) noexcept {
    return make_enum_table<performance_scale_policy>("performance_scale_policy", {
        {performance_scale_policy::cibmtr_appendix_l_current, "cibmtr_appendix_l_current", "CIBMTR Appendix L (current)"},
        {performance_scale_policy::cibmtr_appendix_l_2009, "cibmtr_appendix_l_2009", "CIBMTR Appendix L (2009)"},
    });
}

/// The criteria the age rule evaluates (PAT-PERF-020..022).
enum class performance_scale_criterion : std::uint8_t {
    /// Age at least 16 years: Karnofsky (both rule versions).
    age_at_least_16_years = 1,
    /// Age under 1 year (12 completed months): no score (current rule only).
    age_under_1_year = 2,
};

constexpr auto hsct_enum_table(performance_scale_criterion) noexcept {
    return make_enum_table<performance_scale_criterion>("performance_scale_criterion", {
        {performance_scale_criterion::age_at_least_16_years, "age_at_least_16_years",
         "age at least 16 years (Karnofsky)"},
        {performance_scale_criterion::age_under_1_year, "age_under_1_year",
         "age under 1 year (no score)"},
    });
}

/// The options of the age rule: which rule version, and how age is read (PAT-PERF-022).
struct performance_scale_options {
    performance_scale_policy rule = performance_scale_policy::cibmtr_appendix_l_current;
    age_resolution resolution = age_resolution::completed_years;

    friend constexpr bool operator==(const performance_scale_options&,
                                     const performance_scale_options&) noexcept = default;
};

/// Which scale the age rule asks for, as data: the scale (none under 1 year, current rule), the
/// age and the options it ran under, and the criteria that decided it. Allocates nothing.
struct performance_scale_result {
    /// Karnofsky or Lansky; empty when the rule records no score at this age.
    std::optional<performance_scale> scale;
    age at;
    performance_scale_options options;
    hsct::fixed_list<hsct::criterion<performance_scale_criterion>, 2> criteria;

    [[nodiscard]] bool no_score() const noexcept { return !scale.has_value(); }
};

namespace detail {

/// PAT-PERF-022: age read in completed years (completed months for the 1-year floor, so
/// 0 y 11 mo is under 1) or, by option, in exact years. Both options checked by the caller.
inline hsct::measure perf_age_measure(const age& a, age_resolution r, bool months) noexcept {
    if (r == age_resolution::exact) {
        return hsct::measure::count(a.years(r), hsct::count_unit::years);
    }
    return months ? hsct::measure::count(a.completed_months(), hsct::count_unit::months)
                  : hsct::measure::count(a.completed_years(), hsct::count_unit::years);
}

inline performance_scale_result assess_scale_checked(const age& a,
                                                     const performance_scale_options& o) {
    performance_scale_result r{std::nullopt, a, o, {}};
    const char* req = o.rule == performance_scale_policy::cibmtr_appendix_l_current ? "PAT-PERF-020"
                                                                              : "PAT-PERF-021";
    hsct::criterion<performance_scale_criterion> adult;
    adult.id = performance_scale_criterion::age_at_least_16_years;
    adult.cmp = hsct::comparator::greater_equal;
    adult.requirement = req;
    adult.measured = perf_age_measure(a, o.resolution, false);
    adult.threshold = 16.0;
    const bool is_adult = hsct::satisfies(adult.measured.number(), adult.cmp, adult.threshold);
    adult.result = is_adult ? hsct::outcome::met : hsct::outcome::not_met;
    r.criteria.push_back(adult);
    if (is_adult) {
        r.scale = performance_scale::karnofsky;
        return r;
    }
    if (o.rule == performance_scale_policy::cibmtr_appendix_l_current) {
        hsct::criterion<performance_scale_criterion> infant;
        infant.id = performance_scale_criterion::age_under_1_year;
        // PAT-PERF-020: under 1 year; the first birthday itself is scored.
        infant.cmp = hsct::comparator::less;
        infant.requirement = req;
        const bool exact = o.resolution == age_resolution::exact;
        infant.measured = perf_age_measure(a, o.resolution, true);
        infant.threshold = exact ? 1.0 : 12.0;
        const bool under_one = hsct::satisfies(infant.measured.number(), infant.cmp, infant.threshold);
        infant.result = under_one ? hsct::outcome::met : hsct::outcome::not_met;
        r.criteria.push_back(infant);
        if (under_one) {
            return r;  // no score
        }
    }
    r.scale = performance_scale::lansky;
    return r;
}

}  // namespace detail

/// The scale the age rule asks for at age `a` (PAT-PERF-020..022): Karnofsky, Lansky, or no
/// score. Default options: current CIBMTR rule, age in completed years.
/// Errors: a rule or resolution number that is not a declared value (out_of_range, field
/// "options.rule" / "options.resolution"; CORE-ENUM-002). Allocates nothing on success.
[[nodiscard]] inline result<performance_scale_result> assess_performance_scale(
    const age& a, const performance_scale_options& options = {}) {
    if (!is_valid(options.rule)) {  // the error is built only on this path
        return *hsct::detail::check_enum(options.rule, "options.rule");
    }
    if (!is_valid(options.resolution)) {  // the error is built only on this path
        return *hsct::detail::check_enum(options.resolution, "options.resolution");
    }
    return detail::assess_scale_checked(a, options);
}

// ---------------------------------------------------------------------------------------------
// A score on whichever scale applies

/// A performance score on one of the three scales.
using performance_status = std::variant<karnofsky_score, lansky_score, ecog_score>;

[[nodiscard]] inline performance_scale scale_of(const performance_status& s) noexcept {
    switch (s.index()) {
        case 0: return performance_scale::karnofsky;
        case 1: return performance_scale::lansky;
        default: return performance_scale::ecog;
    }
}

/// "KPS 80", "Lansky 60" or "ECOG 1".
[[nodiscard]] inline std::string to_string(const performance_status& s) {
    return std::visit([](auto v) { return to_string(v); }, s);
}

/// Reads "KPS 80" / "Karnofsky 80", "Lansky 60", "ECOG 1" / "Zubrod 1". The scale name is
/// required here (a bare number does not say its scale).
[[nodiscard]] inline result<performance_status> parse_performance_status(
    std::string_view text, field_ref field = "performance_status") {
    const std::string_view t = hsct::detail::trim(text);
    const auto p = detail::read_scale_prefix(t);
    if (!p) {
        return error(errc::syntax, field, hsct::detail::quote_input(text),
                     "'KPS <0-100>', 'Lansky <0-100>' or 'ECOG <0-5>'", "PAT-PERF-004");
    }
    switch (p->scale) {
        case performance_scale::karnofsky:
            return parse_karnofsky(t, field).transform(
                [](karnofsky_score k) { return performance_status{k}; });
        case performance_scale::lansky:
            return parse_lansky(t, field).transform(
                [](lansky_score l) { return performance_status{l}; });
        case performance_scale::ecog:
            break;
    }
    return parse_ecog(t, field).transform([](ecog_score e) { return performance_status{e}; });
}

namespace detail {
/// For error text only: "15 y 11 mo (completed years/months): Lansky (>= 1 and < 16 y) under
/// CIBMTR Appendix L (current)".
inline std::string perf_choice_sentence(const performance_scale_result& c) {
    const std::string who = to_string(c.at);
    const std::string_view under = to_string(c.options.rule);
    const std::string_view how = c.options.resolution == age_resolution::completed_years
                                     ? "completed years/months"
                                     : "exact years";
    if (c.scale == performance_scale::karnofsky) {
        return hsct::detail::concat({who, " (", how, "): Karnofsky (>= 16 y) under ", under});
    }
    if (!c.scale) {
        return hsct::detail::concat({who, " (", how, "): no score (< 1 y, leave blank) under ", under});
    }
    return hsct::detail::concat(
        {who, " (", how, "): Lansky (",
         c.options.rule == performance_scale_policy::cibmtr_appendix_l_current ? ">= 1 and < 16 y"
                                                                         : "< 16 y",
         ") under ", under});
}
}  // namespace detail

/// A performance score accepted for recording at an age: on the scale the age rule asks for
/// (PAT-PERF-024) and within the recorded range 10-100 (PAT-PERF-023). Only make() builds one.
class validated_performance_status {
public:
    /// Errors (field `field`):
    ///  * not_allowed: the rule records no score at this age (current rule, < 1 y);
    ///  * inconsistent: a score on another scale (e.g. KPS at 15 y 11 mo, or any ECOG grade:
    ///    the CIBMTR rules ask for Karnofsky or Lansky; convert ECOG with a named mapping first);
    ///  * out_of_range: KPS 0 or Lansky 0 (CIBMTR records 10-100); a rule or resolution number
    ///    that is not a declared value (field "options.rule" / "options.resolution",
    ///    CORE-ENUM-002).
    [[nodiscard]] static result<validated_performance_status> make(
        const performance_status& s, const age& a, const performance_scale_options& options = {},
        field_ref field = "performance_status") {
        auto checked = assess_performance_scale(a, options);
        if (!checked) {
            return std::move(checked).error();
        }
        const performance_scale_result& choice = *checked;
        if (choice.no_score()) {
            return error(errc::not_allowed, field,
                         hsct::detail::concat({to_string(s), " at age ", to_string(a)}),
                         hsct::detail::concat({"no performance score is recorded under 1 year (",
                                               to_string(options.rule), "); leave it blank"}),
                         "PAT-PERF-020");
        }
        if (scale_of(s) != *choice.scale) {
            return error(errc::inconsistent, field,
                         hsct::detail::concat({to_string(s), " at age ", to_string(a)}),
                         hsct::detail::concat({"expected a ", to_string(*choice.scale),
                                               " score: ", detail::perf_choice_sentence(choice)}),
                         "PAT-PERF-024");
        }
        const int v = std::visit([](auto x) { return x.value(); }, s);
        if (v == 0) {
            return error(errc::out_of_range, field, to_string(s),
                         hsct::detail::concat({"10-100 in steps of 10 (", to_string(options.rule),
                                               " records scores 10-100)"}),
                         "PAT-PERF-023");
        }
        return validated_performance_status(s, choice);
    }

    /// The score, on the scale the rule asks for.
    [[nodiscard]] const performance_status& score() const noexcept { return score_; }
    /// The age rule's decision that accepted it.
    [[nodiscard]] const performance_scale_result& choice() const noexcept { return choice_; }

private:
    validated_performance_status(const performance_status& s, const performance_scale_result& c)
        : score_(s), choice_(c) {}
    performance_status score_;
    performance_scale_result choice_;
};

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_PERFORMANCE_STATUS_HPP
