// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Performance status: Karnofsky (KPS), Lansky play-performance and ECOG/Zubrod, as three
// distinct types; published KPS<->ECOG conversion tables, each under its own name; and the
// age rule that says which scale a registry expects for a patient.
//
//   auto kps = hsct::patient::karnofsky_score::from_int(80);          // result<karnofsky_score>
//   auto e = hsct::patient::to_ecog(*kps, kps_ecog_mapping::ma_2010);  // ECOG 1, says "Ma 2010"
//   auto c = hsct::patient::choose_performance_scale(age);              // Lansky / KPS / none
//   auto r = hsct::patient::validate_for_age(performance_status{*kps}, age);
//
// Requirement IDs: PAT-PERF-001..004 (scales and text), PAT-PERF-010..013 (KPS<->ECOG),
// PAT-PERF-020..024 (age rule and recording). See docs/traceability.md.
#ifndef HSCT_PATIENT_PERFORMANCE_STATUS_HPP
#define HSCT_PATIENT_PERFORMANCE_STATUS_HPP

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/core/enum.hpp"
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

constexpr bool is_decile(int v) noexcept { return v >= 0 && v <= 100 && v % 10 == 0; }

inline error decile_error(std::string_view field, std::string_view value) {
    return error(errc::out_of_range, std::string(field), std::string(value),
                 "0-100 in steps of 10 (0, 10, 20, ..., 100)");
}

/// Reads the number of a 0-100 scale: "80", "80%", or "<own scale name> 80" (any case).
/// A different scale's name is refused (a "Lansky 60" is not a KPS).
inline result<int> read_decile_text(std::string_view text, performance_scale own,
                                    std::string_view field) {
    std::string_view t = hsct::detail::trim(text);
    if (const auto p = read_scale_prefix(t)) {
        if (p->scale != own) {
            return error(errc::inconsistent, std::string(field), hsct::detail::quote_input(t),
                         hsct::detail::concat({"a ", hsct::to_string(own), " score, not ",
                                 hsct::to_string(p->scale)}));
        }
        t = p->rest;
    }
    if (!t.empty() && t.back() == '%') {
        t = hsct::detail::trim(t.substr(0, t.size() - 1));
    }
    const auto n = hsct::detail::read_integer(t);
    const std::string_view form = own == performance_scale::karnofsky
                                      ? "KPS <0-100 in steps of 10>, e.g. 'KPS 80' or '80'"
                                      : "Lansky <0-100 in steps of 10>, e.g. 'Lansky 60' or '60'";
    if (!n) {
        return error(errc::syntax, std::string(field), hsct::detail::quote_input(text), std::string(form));
    }
    if (*n < 0 || *n > 100 || *n % 10 != 0) {
        return decile_error(field, hsct::detail::quote_input(t));
    }
    return static_cast<int>(*n);
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Karnofsky and Lansky: two 0-100 decile scales, one class template, two distinct types

namespace detail {

/// Karnofsky Performance Status (PAT-PERF-001): 0-100 in steps of 10, higher is better.
/// Source: Karnofsky DA, Burchenal JH. The clinical evaluation of chemotherapeutic agents in
/// cancer. In: MacLeod CM (ed.), Evaluation of Chemotherapeutic Agents. Columbia University
/// Press, 1949:191-205 [V2: wording from CIBMTR Appendix L and matching reproductions].
///
/// KPS 0 ("dead") is representable: it is part of the published scale and the conventional
/// table maps ECOG 5 to it. Registries do not record it: CIBMTR records 10-100, which
/// validate_for_age enforces (PAT-PERF-023).
struct karnofsky_tag {
    static constexpr std::string_view default_field = "karnofsky";

    /// What the level means (hsct's own wording; PAT-PERF-001).
    [[nodiscard]] static constexpr std::string_view description(int v) noexcept {
        switch (v) {
            case 100: return "normal; no complaints and no sign of disease";
            case 90: return "carries on normal activity; slight signs or symptoms of disease";
            case 80: return "normal activity takes effort; some signs or symptoms of disease";
            case 70: return "looks after self but cannot do normal activity or active work";
            case 60: return "needs help now and then but manages most personal needs";
            case 50: return "needs a lot of help and frequent medical care";
            case 40: return "disabled; needs special care and help";
            case 30: return "severely disabled; hospital admission indicated, death not imminent";
            case 20: return "very sick; needs hospital admission and active supportive treatment";
            case 10: return "moribund; fatal processes progressing fast";
            default: return "dead";
        }
    }
};

/// Lansky play-performance scale (PAT-PERF-002): 0-100 in steps of 10, higher is better; a
/// parent-rated scale of a child's usual play. Source: Lansky SB, List MA, Lansky LL,
/// Ritter-Sterr C, Miller DR. The measurement of performance in childhood cancer patients.
/// Cancer 1987;60(7):1651-1656 (PMID 3621134) [V]. Wording: original text [V2]; CIBMTR's
/// abbreviated wording differs only in words, not in the numbers.
/// Lansky 0 ("unresponsive") is representable; CIBMTR records 10-100 (PAT-PERF-023).
struct lansky_tag {
    static constexpr std::string_view default_field = "lansky";

    /// What the level means (hsct's own wording; PAT-PERF-002).
    [[nodiscard]] static constexpr std::string_view description(int v) noexcept {
        switch (v) {
            case 100: return "fully active, as a healthy child";
            case 90: return "small limits in physically strenuous play only";
            case 80: return "active but tires sooner; limited in strenuous play";
            case 70: return "plays less, and less time spent playing actively";
            case 60: return "up and about but little active play; busy with quieter play";
            case 50: return "dresses but lies about much of the day; no active play, joins quiet play";
            case 40: return "mostly in bed; takes part in quiet activities";
            case 30: return "in bed; needs help even with quiet play";
            case 20: return "often asleep; play limited to very passive activities";
            case 10: return "does not play; does not get out of bed";
            default: return "unresponsive";
        }
    }
};

}  // namespace detail

/// A score on a 0-100 scale in steps of 10 (Karnofsky, Lansky). Each Tag is its own type:
/// scores of different scales do not convert, compare or mix.
template <class Tag>
class decile_score {
public:
    /// Checked construction. Errors: out_of_range naming the field, the value and
    /// "0-100 in steps of 10" (65 is refused, never rounded).
    [[nodiscard]] static result<decile_score> from_int(int v,
                                                       std::string_view field = Tag::default_field) {
        if (!detail::is_decile(v)) {
            return detail::decile_error(field, std::to_string(v));
        }
        return decile_score(v);
    }

    /// A score fixed at compile time; a value off the scale does not compile.
    template <int V>
        requires(V >= 0 && V <= 100 && V % 10 == 0)
    [[nodiscard]] static constexpr decile_score of() noexcept {
        return decile_score(V);
    }

    /// The score, 0-100.
    [[nodiscard]] constexpr int value() const noexcept { return v_; }

    /// What the level means (hsct's own wording).
    [[nodiscard]] constexpr std::string_view description() const noexcept {
        return Tag::description(v_);
    }

    /// Karnofsky only: the three functional bands of the published scale.
    [[nodiscard]] constexpr std::string_view band() const noexcept
        requires std::is_same_v<Tag, detail::karnofsky_tag>
    {
        if (v_ >= 80) {
            return "able to carry on normal activity and to work; no special care needed";
        }
        if (v_ >= 50) {
            return "unable to work; lives at home and cares for most needs with some help";
        }
        if (v_ >= 10) {
            return "unable to care for self; needs institutional or hospital-level care";
        }
        return "dead";
    }

    friend constexpr bool operator==(decile_score, decile_score) noexcept = default;
    friend constexpr auto operator<=>(decile_score, decile_score) noexcept = default;

private:
    constexpr explicit decile_score(int v) noexcept : v_(v) {}
    int v_;
};

/// Karnofsky Performance Status (PAT-PERF-001; source on detail::karnofsky_tag).
using karnofsky_score = decile_score<detail::karnofsky_tag>;
/// Lansky play-performance scale (PAT-PERF-002; source on detail::lansky_tag).
using lansky_score = decile_score<detail::lansky_tag>;

// ---------------------------------------------------------------------------------------------
// ECOG

/// ECOG (Zubrod, WHO) performance status (PAT-PERF-003): grades 0-5, LOWER is better.
/// Source: Oken MM, Creech RH, Tormey DC, et al. Toxicity and response criteria of the Eastern
/// Cooperative Oncology Group. Am J Clin Oncol 1982;5(6):649-655 [V2]. Grade 3 is "in bed or
/// chair MORE THAN 50% of waking hours" (Oken's wording; some tables print "50% or more").
class ecog_score {
public:
    /// Checked construction. Errors: out_of_range naming the field, the value and "0-5".
    [[nodiscard]] static result<ecog_score> from_int(int v, std::string_view field = "ecog") {
        if (v < 0 || v > 5) {
            return error(errc::out_of_range, std::string(field), std::to_string(v),
                         "0-5 (whole grades 0, 1, 2, 3, 4, 5)");
        }
        return ecog_score(v);
    }

    template <int V>
        requires(V >= 0 && V <= 5)
    [[nodiscard]] static constexpr ecog_score of() noexcept {
        return ecog_score(V);
    }

    /// The grade, 0-5.
    [[nodiscard]] constexpr int value() const noexcept { return v_; }

    /// What the grade means (hsct's own wording; PAT-PERF-003).
    [[nodiscard]] constexpr std::string_view description() const noexcept {
        switch (v_) {
            case 0: return "fully active; does everything as before the illness";
            case 1: return "limited in strenuous activity; walks about and can do light or desk work";
            case 2: return "walks about and looks after self but cannot work; up more than 50% of waking hours";
            case 3: return "limited self-care; in bed or chair more than 50% of waking hours";
            case 4: return "completely disabled; no self-care; confined to bed or chair";
            default: return "dead";
        }
    }

    friend constexpr bool operator==(ecog_score, ecog_score) noexcept = default;
    friend constexpr auto operator<=>(ecog_score, ecog_score) noexcept = default;

private:
    constexpr explicit ecog_score(int v) noexcept : v_(v) {}
    int v_;
};

// ---------------------------------------------------------------------------------------------
// Text (PAT-PERF-004, hsct notation [P]): "KPS 80", "Lansky 60", "ECOG 1".

[[nodiscard]] inline std::string to_string(karnofsky_score s) {
    return hsct::detail::concat({"KPS ", std::to_string(s.value())});
}
[[nodiscard]] inline std::string to_string(lansky_score s) {
    return hsct::detail::concat({"Lansky ", std::to_string(s.value())});
}
[[nodiscard]] inline std::string to_string(ecog_score s) {
    return hsct::detail::concat({"ECOG ", std::to_string(s.value())});
}
/// Reads "KPS 80", "Karnofsky 80", "80" or "80%" (case-insensitive names). Another scale's
/// name is refused (inconsistent); off-scale numbers are refused (out_of_range).
[[nodiscard]] inline result<karnofsky_score> parse_karnofsky(std::string_view text,
                                                             std::string_view field = "karnofsky") {
    return detail::read_decile_text(text, performance_scale::karnofsky, field)
        .and_then([field](int v) { return karnofsky_score::from_int(v, field); });
}

/// Reads "Lansky 60", "60" or "60%".
[[nodiscard]] inline result<lansky_score> parse_lansky(std::string_view text,
                                                       std::string_view field = "lansky") {
    return detail::read_decile_text(text, performance_scale::lansky, field)
        .and_then([field](int v) { return lansky_score::from_int(v, field); });
}

/// Reads "ECOG 1", "Zubrod 1" or "1".
[[nodiscard]] inline result<ecog_score> parse_ecog(std::string_view text,
                                                   std::string_view field = "ecog") {
    std::string_view t = hsct::detail::trim(text);
    if (const auto p = detail::read_scale_prefix(t)) {
        if (p->scale != performance_scale::ecog) {
            return error(errc::inconsistent, std::string(field), hsct::detail::quote_input(t),
                         hsct::detail::concat({"an ECOG grade, not ", to_string(p->scale)}));
        }
        t = p->rest;
    }
    const auto n = hsct::detail::read_integer(t);
    if (!n) {
        return error(errc::syntax, std::string(field), hsct::detail::quote_input(text),
                     "ECOG <0-5>, e.g. 'ECOG 1' or '1'");
    }
    if (*n < 0 || *n > 5) {
        return error(errc::out_of_range, std::string(field), hsct::detail::quote_input(t),
                     "0-5 (whole grades 0, 1, 2, 3, 4, 5)");
    }
    return ecog_score::from_int(static_cast<int>(*n), field);
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
                                                       std::string_view field = "kps_range") {
    std::string_view t = hsct::detail::trim(text);
    if (const auto p = detail::read_scale_prefix(t)) {
        if (p->scale != performance_scale::karnofsky) {
            return error(errc::inconsistent, std::string(field), hsct::detail::quote_input(t),
                         hsct::detail::concat({"a KPS range, not ", to_string(p->scale)}));
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
        return error(errc::inconsistent, std::string(field), hsct::detail::quote_input(text),
                     "lowest KPS not above highest, e.g. 'KPS 80-90'");
    }
    return kps_range{*lo, *hi};
}

namespace detail {

struct kps_ecog_row {
    int ecog;
    int kps_low;
    int kps_high;
};

/// The published tables, one row per ECOG grade the mapping defines (PAT-PERF-010..012).
constexpr std::array<kps_ecog_row, 6> conventional_rows{
    {{0, 90, 100}, {1, 70, 80}, {2, 50, 60}, {3, 30, 40}, {4, 10, 20}, {5, 0, 0}}};
constexpr std::array<kps_ecog_row, 5> ma_2010_rows{
    {{0, 100, 100}, {1, 80, 90}, {2, 60, 70}, {3, 40, 50}, {4, 10, 30}}};
constexpr std::array<kps_ecog_row, 5> prasad_2018_rows{
    {{0, 100, 100}, {1, 80, 90}, {2, 70, 70}, {3, 50, 60}, {4, 10, 40}}};

template <std::size_t N>
constexpr std::optional<kps_ecog_row> row_for_kps(const std::array<kps_ecog_row, N>& rows,
                                                  int kps) noexcept {
    for (const auto& r : rows) {
        if (kps >= r.kps_low && kps <= r.kps_high) {
            return r;
        }
    }
    return std::nullopt;
}

template <std::size_t N>
constexpr std::optional<kps_ecog_row> row_for_ecog(const std::array<kps_ecog_row, N>& rows,
                                                   int ecog) noexcept {
    for (const auto& r : rows) {
        if (r.ecog == ecog) {
            return r;
        }
    }
    return std::nullopt;
}

constexpr std::optional<kps_ecog_row> row_for_kps(kps_ecog_mapping m, int kps) noexcept {
    switch (m) {
        case kps_ecog_mapping::conventional: return row_for_kps(conventional_rows, kps);
        case kps_ecog_mapping::ma_2010: return row_for_kps(ma_2010_rows, kps);
        case kps_ecog_mapping::prasad_2018: return row_for_kps(prasad_2018_rows, kps);
    }
    return std::nullopt;
}

constexpr std::optional<kps_ecog_row> row_for_ecog(kps_ecog_mapping m, int ecog) noexcept {
    switch (m) {
        case kps_ecog_mapping::conventional: return row_for_ecog(conventional_rows, ecog);
        case kps_ecog_mapping::ma_2010: return row_for_ecog(ma_2010_rows, ecog);
        case kps_ecog_mapping::prasad_2018: return row_for_ecog(prasad_2018_rows, ecog);
    }
    return std::nullopt;
}

constexpr std::string_view mapping_kps_domain(kps_ecog_mapping m) noexcept {
    return m == kps_ecog_mapping::conventional ? "KPS 0-100" : "KPS 10-100";
}

constexpr std::string_view mapping_ecog_domain(kps_ecog_mapping m) noexcept {
    return m == kps_ecog_mapping::conventional ? "ECOG 0-5" : "ECOG 0-4";
}

}  // namespace detail

/// An ECOG grade converted from a KPS: the grade, the KPS it came from, the mapping used and
/// the KPS band of that mapping that decided it.
struct ecog_from_kps {
    ecog_score ecog;
    karnofsky_score kps;
    kps_ecog_mapping mapping;
    kps_range band;  ///< the mapping's KPS band for this grade, e.g. KPS 80-90 under Ma 2010

    /// e.g. "KPS 70 -> ECOG 2 (Ma et al. 2010 (Eur J Cancer 46:3175): KPS 60-70 = ECOG 2)"
    [[nodiscard]] std::string explanation() const {
        return hsct::detail::concat({to_string(kps), " -> ", to_string(ecog), " (", to_string(mapping),
                               ": ", to_string(band), " = ", to_string(ecog), ")"});
    }
};

/// KPS -> ECOG under a named mapping (PAT-PERF-010..012). Every mapping converts KPS 10-100;
/// only the conventional table defines KPS 0 (-> ECOG 5). KPS 0 under Ma 2010 or Prasad 2018
/// is refused (out_of_range, field "karnofsky"), never guessed. A mapping number that is not
/// a declared mapping is refused (out_of_range, field "mapping"; PAT-ENUM-001).
[[nodiscard]] inline result<ecog_from_kps> to_ecog(
    karnofsky_score kps, kps_ecog_mapping mapping = kps_ecog_mapping::conventional) {
    if (auto e = hsct::detail::check_enum(mapping, "mapping")) {
        return *e;
    }
    const auto row = detail::row_for_kps(mapping, kps.value());
    if (!row) {
        return error(errc::out_of_range, "karnofsky", to_string(kps),
                     hsct::detail::concat({detail::mapping_kps_domain(mapping), " (the ",
                                     to_string(mapping), " table does not define ",
                                     to_string(kps), ")"}));
    }
    // Rows hold published constants, all valid scores.
    return ecog_from_kps{*ecog_score::from_int(row->ecog), kps, mapping,
                         kps_range{*karnofsky_score::from_int(row->kps_low),
                                   *karnofsky_score::from_int(row->kps_high)}};
}

/// The KPS values a mapping assigns to one ECOG grade. A range, not a single value: an ECOG
/// grade does not identify a KPS, and KPS -> ECOG -> KPS is never a round trip (PAT-PERF-013).
struct kps_from_ecog {
    kps_range range;
    ecog_score ecog;
    kps_ecog_mapping mapping;

    /// e.g. "ECOG 1 -> KPS 70-80 (conventional KPS-ECOG table)"
    [[nodiscard]] std::string explanation() const {
        return hsct::detail::concat({to_string(ecog), " -> ", to_string(range), " (",
                               to_string(mapping), ")"});
    }
};

/// ECOG -> range of KPS under a named mapping (PAT-PERF-013). ECOG 5 is defined only by the
/// conventional table (-> KPS 0); under Ma 2010 and Prasad 2018 it is refused (out_of_range,
/// field "ecog"). An undeclared mapping number is refused (out_of_range, field "mapping").
[[nodiscard]] inline result<kps_from_ecog> to_kps_range(
    ecog_score ecog, kps_ecog_mapping mapping = kps_ecog_mapping::conventional) {
    if (auto e = hsct::detail::check_enum(mapping, "mapping")) {
        return *e;
    }
    const auto row = detail::row_for_ecog(mapping, ecog.value());
    if (!row) {
        return error(errc::out_of_range, "ecog", to_string(ecog),
                     hsct::detail::concat({detail::mapping_ecog_domain(mapping), " (the ",
                                     to_string(mapping), " table does not define ",
                                     to_string(ecog), ")"}));
    }
    return kps_from_ecog{kps_range{*karnofsky_score::from_int(row->kps_low),
                                   *karnofsky_score::from_int(row->kps_high)},
                         ecog, mapping};
}

// ---------------------------------------------------------------------------------------------
// Which scale applies at an age

/// The versioned age rule for choosing KPS or Lansky (PAT-PERF-020, -021). Default: current.
enum class scale_rule_version : std::uint8_t {
    /// PAT-PERF-020: CIBMTR Forms Instruction Manual, Appendix L (current): Karnofsky for
    /// recipients >= 16 years; Lansky for >= 1 and < 16 years; no score (leave blank) under
    /// 1 year [V].
    cibmtr_appendix_l_current = 1,
    /// PAT-PERF-021: CIBMTR Appendix L, 2009 (document A00428 rev. 1): Lansky for < 16 years,
    /// no lower age bound; Karnofsky for >= 16 years [V per resolutions K11].
    cibmtr_appendix_l_2009 = 2,
};

constexpr auto hsct_enum_table(scale_rule_version) noexcept {
    return make_enum_table<scale_rule_version>("scale_rule_version", {
        {scale_rule_version::cibmtr_appendix_l_current, "cibmtr_appendix_l_current", "CIBMTR Appendix L (current)"},
        {scale_rule_version::cibmtr_appendix_l_2009, "cibmtr_appendix_l_2009", "CIBMTR Appendix L (2009)"},
    });
}


/// Which scale a rule asks for at an age, and why.
struct performance_scale_choice {
    /// Karnofsky or Lansky; empty when the rule records no score at this age.
    std::optional<performance_scale> scale;
    scale_rule_version rule;
    age at;
    age_resolution resolution;
    /// e.g. "15 y 11 mo: Lansky (>= 1 and < 16 y) under CIBMTR Appendix L (current)"
    std::string reason;

    [[nodiscard]] bool no_score() const noexcept { return !scale.has_value(); }
};

namespace detail {

/// PAT-PERF-022: the age rule reads age in completed years (CIBMTR's meaning) or, by policy,
/// in exact years; the 1-year floor is read as 12 completed months (or 1 exact year).
constexpr bool perf_under_years(const age& a, int years, age_resolution r) noexcept {
    return r == age_resolution::completed_years ? a.completed_months() < years * 12
                                                : a.years(r) < static_cast<double>(years);
}

}  // namespace detail

namespace detail {
/// The choice for a rule and resolution already checked to be declared values.
inline performance_scale_choice choose_scale_checked(const age& a, scale_rule_version rule,
                                                     age_resolution resolution) {
    const std::string who = to_string(a);
    const std::string_view under = to_string(rule);
    const std::string_view how = resolution == age_resolution::completed_years
                                     ? "completed years/months"
                                     : "exact years";
    performance_scale_choice c{std::nullopt, rule, a, resolution, std::string{}};
    if (!detail::perf_under_years(a, 16, resolution)) {
        c.scale = performance_scale::karnofsky;
        c.reason = hsct::detail::concat({who, " (", how, "): Karnofsky (>= 16 y) under ", under});
    } else if (rule == scale_rule_version::cibmtr_appendix_l_current &&
               detail::perf_under_years(a, 1, resolution)) {
        c.reason = hsct::detail::concat({who, " (", how, "): no score (< 1 y, leave blank) under ", under});
    } else {
        c.scale = performance_scale::lansky;
        c.reason = hsct::detail::concat(
            {who, " (", how, "): Lansky (",
             rule == scale_rule_version::cibmtr_appendix_l_current ? ">= 1 and < 16 y" : "< 16 y",
             ") under ", under});
    }
    return c;
}
}  // namespace detail

/// The scale the current CIBMTR rule asks for at age `a`, reading age in completed years
/// (PAT-PERF-020, -022). Cannot fail: both policies are the defaults.
[[nodiscard]] inline performance_scale_choice choose_performance_scale(const age& a) {
    return detail::choose_scale_checked(a, scale_rule_version::cibmtr_appendix_l_current,
                                        age_resolution::completed_years);
}

/// The scale `rule` asks for at age `a`, age read under `resolution` (PAT-PERF-020..022).
/// Errors: a rule or resolution number that is not a declared value (out_of_range, field
/// "rule" or "resolution"; PAT-ENUM-001).
[[nodiscard]] inline result<performance_scale_choice> choose_performance_scale(
    const age& a, scale_rule_version rule,
    age_resolution resolution = age_resolution::completed_years) {
    if (auto e = hsct::detail::check_enum(rule, "rule")) {
        return *e;
    }
    if (auto e = hsct::detail::check_enum(resolution, "resolution")) {
        return *e;
    }
    return detail::choose_scale_checked(a, rule, resolution);
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
    std::string_view text, std::string_view field = "performance_status") {
    const std::string_view t = hsct::detail::trim(text);
    const auto p = detail::read_scale_prefix(t);
    if (!p) {
        return error(errc::syntax, std::string(field), hsct::detail::quote_input(text),
                     "'KPS <0-100>', 'Lansky <0-100>' or 'ECOG <0-5>'");
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

/// A score accepted for an age under a rule version, with the choice that accepted it.
struct validated_performance_status {
    performance_status score;
    performance_scale_choice choice;
};

/// Accepts `s` only when it is on the scale the rule asks for at age `a` (PAT-PERF-024), and
/// only within the recorded range 10-100 (PAT-PERF-023).
/// Errors (field `field`):
///  * not_allowed: the rule records no score at this age (current rule, < 1 y);
///  * inconsistent: a score on another scale (e.g. KPS at 15 y 11 mo, or any ECOG grade: the
///    CIBMTR rules ask for Karnofsky or Lansky; convert ECOG with a named mapping first);
///  * out_of_range: KPS 0 or Lansky 0 (CIBMTR records 10-100); a rule or resolution number
///    that is not a declared value (field "rule" / "resolution", PAT-ENUM-001).
[[nodiscard]] inline result<validated_performance_status> validate_for_age(
    const performance_status& s, const age& a,
    scale_rule_version rule = scale_rule_version::cibmtr_appendix_l_current,
    age_resolution resolution = age_resolution::completed_years,
    std::string_view field = "performance_status") {
    auto checked = choose_performance_scale(a, rule, resolution);
    if (!checked) {
        return checked.error();
    }
    auto choice = std::move(*checked);
    const std::string given = hsct::detail::concat({to_string(s), " at age ", to_string(a)});
    if (choice.no_score()) {
        return error(errc::not_allowed, std::string(field), given,
                     hsct::detail::concat({"no performance score is recorded under 1 year (",
                                     to_string(rule), "); leave it blank"}));
    }
    if (scale_of(s) != *choice.scale) {
        return error(errc::inconsistent, std::string(field), given,
                     hsct::detail::concat({"expected a ", to_string(*choice.scale), " score: ",
                                     choice.reason}));
    }
    const int v = std::visit([](auto x) { return x.value(); }, s);
    if (v == 0) {
        return error(errc::out_of_range, std::string(field), to_string(s),
                     hsct::detail::concat({"10-100 in steps of 10 (", to_string(rule),
                                     " records scores 10-100)"}));
    }
    return validated_performance_status{s, std::move(choice)};
}

}  // namespace hsct::patient

#endif  // HSCT_PATIENT_PERFORMANCE_STATUS_HPP
