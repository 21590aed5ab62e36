// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// An ABO-incompatible graft at infusion: whether red-cell reduction (major incompatibility) or
// plasma reduction (minor) is to be considered for this product, from the donor stage's ABO
// relation, the product's measured red-cell volume, the isohaemagglutinin titres and a named
// policy.
//
//   using namespace hsct::graft;
//   abo_graft_input in;
//   in.relation = hsct::donor::abo_relation_of(recipient.abo, donor.abo);   // major
//   in.recipient_anti_donor_titre = *parse_titre("1:64");
//   auto r = assess_abo_graft(*marrow, in);     // result<abo_graft_result>, default policy
//   r->red_cells;        // abo_graft_action::consider (80 mL > 30 mL and 1:64 > 1:32)
//   r->plasma;           // abo_graft_action::not_applicable (no minor component)
//   r->criteria;         // each threshold compared, with what was measured
//
// GRAFT-ABO-001: an isohaemagglutinin titre is the reciprocal of the highest doubling dilution
// that agglutinates (1:1 to 1:16384, powers of two) or negative; read from "1:32", "1/32", "32"
// or "negative". hsct's plausibility bound [P]; the test method and antibody class (IgM, IgG)
// are the laboratory's and are not modelled.
// GRAFT-ABO-002: major (or the major side of bidirectional) incompatibility: red-cell reduction is
// to be considered when the product's red-cell volume is above a limit and, if the policy names
// one, the recipient's anti-donor titre is above a limit. Default policy
// (abo_graft_policy_default): above 30 mL and above 1:32, both strict, as a clinical-algorithm
// summary states it (reference notes section 8.1 [V2]; hsct found no primary or guideline text
// with numbers: the EBMT Handbook 2024 ch. 14 section 14.2 says only that marrow grafts may need
// red-cell depletion when ABO-incompatible [V-HB24]; the EBMT paediatric survey, Balduzzi et al.,
// BMT 2021;56:84-90, reports practice, not thresholds). The red-cell volume read is the latest
// counted (after thawing if the product was counted then, else at collection).
// GRAFT-ABO-003: minor (or the minor side of bidirectional) incompatibility: plasma reduction is to
// be considered unless the product was plasma-reduced already; the default policy names no
// number (the same summary: "plasma-deplete" for a minor mismatch [V2]); a centre's policy may
// add a donor anti-recipient titre (at or above) and a plasma volume (above), both to hold.
// Whether to act is the centre's decision; the result says what the policy asks to consider and
// why, and "unknown" when an input the policy needs is missing. An autologous product is
// ABO-identical by definition: any other relation is an error.
#ifndef HSCT_GRAFT_ABO_HPP
#define HSCT_GRAFT_ABO_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/donor/compatibility.hpp"
#include "hsct/graft/product.hpp"
#include "hsct/graft/vocabulary.hpp"

namespace hsct::graft {

/// GRAFT-ABO-001: an isohaemagglutinin (anti-A or anti-B) titre: negative, or 1:n for n a power
/// of two from 1 to 16384. Two bytes; ordered by strength (negative weakest).
class agglutinin_titre {
public:
    /// The largest reciprocal accepted [P].
    static constexpr std::uint32_t max_reciprocal = 16384;
    /// No agglutination.
    [[nodiscard]] static constexpr agglutinin_titre negative() noexcept { return agglutinin_titre(0); }
    /// 1:reciprocal. Error: not a power of two from 1 to 16384 (field as given).
    [[nodiscard]] static result<agglutinin_titre> make(std::uint32_t reciprocal, std::string_view field = "titre") {
        if (reciprocal == 0 || reciprocal > max_reciprocal || (reciprocal & (reciprocal - 1)) != 0) {
            return error(errc::out_of_range, std::string(field), hsct::detail::concat({"1:", std::to_string(reciprocal)}),
                         "a doubling dilution from 1:1 to 1:16384 (1, 2, 4, ... 16384), or negative", "GRAFT-ABO-001");
        }
        return agglutinin_titre(static_cast<std::uint16_t>(reciprocal));
    }
    /// 1:reciprocal, checked at compile time (a constant in code: a policy's limit).
    [[nodiscard]] static consteval agglutinin_titre dilution(std::uint32_t reciprocal) {
        if (reciprocal == 0 || reciprocal > max_reciprocal || (reciprocal & (reciprocal - 1)) != 0) {
            not_a_doubling_dilution();  // not constexpr: a compile error here
        }
        return agglutinin_titre(static_cast<std::uint16_t>(reciprocal));
    }
    /// 0 when negative.
    [[nodiscard]] constexpr std::uint32_t reciprocal() const noexcept { return reciprocal_; }
    [[nodiscard]] constexpr bool is_negative() const noexcept { return reciprocal_ == 0; }
    friend constexpr auto operator<=>(agglutinin_titre, agglutinin_titre) noexcept = default;

private:
    static void not_a_doubling_dilution() noexcept {}
    constexpr explicit agglutinin_titre(std::uint16_t r) noexcept : reciprocal_(r) {}
    std::uint16_t reciprocal_ = 0;
};

/// GRAFT-ABO-001: reads "1:32", "1/32", "32", "negative" or "neg" (any case; spaces around the
/// text and the separator allowed). Error: anything else, or a number that is not a doubling
/// dilution from 1 to 16384.
template <class = void>
[[nodiscard]] result<agglutinin_titre> parse_titre(std::string_view text, std::string_view field = "titre") {
    const auto trimmed = hsct::detail::trim(text);
    const auto lower_is = [&](std::string_view word) {
        if (trimmed.size() != word.size()) {
            return false;
        }
        for (std::size_t i = 0; i < word.size(); ++i) {
            const char c = trimmed[i];
            if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != word[i]) {
                return false;
            }
        }
        return true;
    };
    if (lower_is("negative") || lower_is("neg")) {
        return agglutinin_titre::negative();
    }
    std::string_view digits = trimmed;
    if (const auto sep = trimmed.find_first_of(":/"); sep != std::string_view::npos) {
        if (hsct::detail::trim(trimmed.substr(0, sep)) != "1") {
            digits = {};  // "2:64" and the like: not a titre
        } else {
            digits = hsct::detail::trim(trimmed.substr(sep + 1));
        }
    }
    std::uint32_t n = 0;
    bool ok = !digits.empty() && digits.size() <= 5;
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            ok = false;
            break;
        }
        n = n * 10U + static_cast<std::uint32_t>(c - '0');
    }
    if (!ok) {
        return error(errc::syntax, std::string(field), std::string(trimmed.substr(0, 40)),
                     "a titre: 1:n, 1/n or n (n = 1, 2, 4, ... 16384), or negative", "GRAFT-ABO-001");
    }
    return agglutinin_titre::make(n, field);
}

/// GRAFT-ABO-002/003: a policy's thresholds. A titre limit that is nullopt is not part of the
/// policy (the volume alone decides); a plasma limit that is nullopt likewise.
struct abo_graft_policy {
    /// GRAFT-ABO-002: red-cell reduction considered above this red-cell volume (strict).
    hsct::volume red_cell_volume_above{30.0, hsct::units::mL};
    /// GRAFT-ABO-002: ... and when the recipient's anti-donor titre is above this (strict).
    std::optional<agglutinin_titre> recipient_titre_above = agglutinin_titre::dilution(32);
    /// GRAFT-ABO-003: plasma reduction considered when the donor's anti-recipient titre is at or
    /// above this (none in the default policy).
    std::optional<agglutinin_titre> donor_titre_at_or_above{};
    /// GRAFT-ABO-003: ... and when the product's plasma volume is above this (none by default).
    std::optional<hsct::volume> plasma_volume_above{};
    /// Whether the policy's numbers were checked against a primary source (the default's were
    /// not: a secondary summary [V2]). A centre stating its own policy sets this as it knows.
    bool verified = false;
    friend constexpr bool operator==(const abo_graft_policy&, const abo_graft_policy&) noexcept = default;
};

/// GRAFT-ABO-002/003: the default: above 30 mL and above 1:32 for red cells; plasma reduction for
/// every minor incompatibility (reference notes section 8.1, a clinical-algorithm summary [V2]).
inline constexpr abo_graft_policy abo_graft_policy_default{};

/// GRAFT-ABO-002/003: what the policy asks of one side of the incompatibility.
enum class abo_graft_action : std::uint8_t {
    not_applicable = 1,  ///< the relation has no such side (e.g. plasma for a major incompatibility)
    not_indicated = 2,   ///< the side applies and the policy's thresholds are not reached
    consider = 3,        ///< the policy's thresholds are reached: reduction to be considered
    already_reduced = 4, ///< plasma: the product was plasma-reduced already
    unknown = 5,         ///< an input the policy needs is missing
};

constexpr auto hsct_enum_table(abo_graft_action) noexcept {
    using a = abo_graft_action;
    return make_enum_table<abo_graft_action>("abo_graft_action", {
        {a::not_applicable, "not_applicable", "does not apply to this ABO relation"},
        {a::not_indicated, "not_indicated", "not indicated by the policy"},
        {a::consider, "consider", "reduction to be considered"},
        {a::already_reduced, "already_reduced", "the product was reduced already"},
        {a::unknown, "unknown", "unknown (an input is missing)"},
    });
}

/// GRAFT-ABO-002/003: the criteria.
enum class abo_graft_criterion : std::uint8_t {
    red_cell_volume = 1,   ///< the product's red-cell volume above the limit (mL)
    recipient_titre = 2,   ///< the recipient's anti-donor titre above the limit (reciprocal)
    plasma_reduced = 3,    ///< the product was plasma-reduced (a finding)
    donor_titre = 4,       ///< the donor's anti-recipient titre at or above the limit (reciprocal)
    plasma_volume = 5,     ///< the product's plasma volume above the limit (mL)
};

constexpr auto hsct_enum_table(abo_graft_criterion) noexcept {
    using c = abo_graft_criterion;
    return make_enum_table<abo_graft_criterion>("abo_graft_criterion", {
        {c::red_cell_volume, "red_cell_volume", "red-cell volume above the limit"},
        {c::recipient_titre, "recipient_titre", "recipient's anti-donor titre above the limit"},
        {c::plasma_reduced, "plasma_reduced", "the product was plasma-reduced"},
        {c::donor_titre, "donor_titre", "donor's anti-recipient titre at or above the limit"},
        {c::plasma_volume, "plasma_volume", "plasma volume above the limit"},
    });
}

/// GRAFT-ABO-002/003: the inputs a criterion may miss.
enum class abo_graft_field : std::uint8_t {
    red_cell_volume = 1,
    recipient_titre = 2,
    donor_titre = 3,
    plasma_volume = 4,
};

constexpr auto hsct_enum_table(abo_graft_field) noexcept {
    using f = abo_graft_field;
    return make_enum_table<abo_graft_field>("abo_graft_field", {
        {f::red_cell_volume, "red_cell_volume", "the product's red-cell volume"},
        {f::recipient_titre, "recipient_titre", "the recipient's anti-donor titre"},
        {f::donor_titre, "donor_titre", "the donor's anti-recipient titre"},
        {f::plasma_volume, "plasma_volume", "the product's plasma volume"},
    });
}

/// GRAFT-ABO-002/003: what the rule reads besides the product.
struct abo_graft_input {
    /// The donor stage's ABO relation (hsct::donor::abo_relation_of(recipient, donor)).
    hsct::donor::abo_relation relation = hsct::donor::abo_relation::identical;
    /// The recipient's titre against the donor's red cells (anti-A for an A donor, ...).
    std::optional<agglutinin_titre> recipient_anti_donor_titre{};
    /// The donor's titre against the recipient's red cells.
    std::optional<agglutinin_titre> donor_anti_recipient_titre{};
    /// The product's plasma volume, if measured (above 0, at most the product's volume).
    std::optional<hsct::volume> plasma_volume{};
};

/// GRAFT-ABO-002/003: the action for each side, the count point the red-cell volume came from,
/// every criterion compared, and the inputs that were missing.
struct abo_graft_result {
    abo_graft_result() noexcept {}  // NOLINT(modernize-use-equals-default): see conventions §5
    hsct::donor::abo_relation relation = hsct::donor::abo_relation::identical;
    abo_graft_action red_cells = abo_graft_action::not_applicable;
    abo_graft_action plasma = abo_graft_action::not_applicable;
    count_point counted_at = count_point::collection;
    bool red_cell_reduced = false;  ///< the product's manipulations include red-cell reduction
    hsct::fixed_list<hsct::criterion<abo_graft_criterion>, 5> criteria;
    hsct::enum_set<abo_graft_field> missing{};
    abo_graft_policy policy{};
    /// The record of criterion c, if compared.
    [[nodiscard]] const hsct::criterion<abo_graft_criterion>* find(abo_graft_criterion c) const noexcept {
        for (const auto& k : criteria) {
            if (k.id == c) {
                return &k;
            }
        }
        return nullptr;
    }
};

namespace detail {
template <class = void>
[[nodiscard]] std::optional<error> check_volume_limit(const hsct::volume& v, const char* field, bool zero_ok) {
    const double ml = v.in(hsct::units::mL);
    if (!std::isfinite(ml) || ml < 0.0 || (!zero_ok && ml == 0.0) || ml > product_volume_max.in(hsct::units::mL)) {
        return error(std::isfinite(ml) ? errc::out_of_range : errc::not_finite, field,
                     hsct::detail::concat({hsct::detail::format_number(ml), " mL"}),
                     zero_ok ? "0-5000 mL" : "above 0 and at most 5000 mL", "GRAFT-ABO-002");
    }
    return std::nullopt;
}
}  // namespace detail

/// GRAFT-ABO-002/003: what a policy asks of an ABO-incompatible product. Errors: an undeclared
/// relation ("input.relation"); an autologous product with a relation other than identical
/// (inconsistent, "input.relation"); a plasma volume not above 0 or over the product's volume
/// ("input.plasma_volume"); a policy volume out of 0-5000 mL ("policy.red_cell_volume_above",
/// "policy.plasma_volume_above").
template <class = void>
[[nodiscard]] result<abo_graft_result> assess_abo_graft(const product& p, const abo_graft_input& in,
                                                        const abo_graft_policy& policy = abo_graft_policy_default) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<abo_graft_result> out(std::in_place);
    using hsct::donor::abo_relation;
    if (auto e = hsct::detail::check_enum(in.relation, "input.relation")) {
        out = std::move(*e);
        return out;
    }
    if (p.use() == product_use::autologous && in.relation != abo_relation::identical) {
        out = error(errc::inconsistent, "input.relation", std::string(id(in.relation)),
                    "identical for an autologous product (the donor is the recipient)", "GRAFT-ABO-002");
        return out;
    }
    if (auto e = detail::check_volume_limit(policy.red_cell_volume_above, "policy.red_cell_volume_above", true)) {
        out = std::move(*e);
        return out;
    }
    if (policy.plasma_volume_above) {
        if (auto e = detail::check_volume_limit(*policy.plasma_volume_above, "policy.plasma_volume_above", true)) {
            out = std::move(*e);
            return out;
        }
    }
    if (in.plasma_volume) {
        const double ml = in.plasma_volume->in(hsct::units::mL);
        const double max = p.volume().in(hsct::units::mL);
        if (!std::isfinite(ml) || !(ml > 0.0) || ml > max) {
            out = error(std::isfinite(ml) ? errc::out_of_range : errc::not_finite, "input.plasma_volume",
                        hsct::detail::concat({hsct::detail::format_number(ml), " mL"}),
                        hsct::detail::concat({"above 0 and at most the product's volume, ",
                                              hsct::detail::format_number(max), " mL"}),
                        "GRAFT-ABO-003");
            return out;
        }
    }
    out->relation = in.relation;
    out->policy = policy;
    out->red_cell_reduced = p.manipulations().contains(manipulation::red_cell_reduction);
    const bool major = in.relation == abo_relation::major || in.relation == abo_relation::bidirectional;
    const bool minor = in.relation == abo_relation::minor || in.relation == abo_relation::bidirectional;
    const auto titre_criterion = [&](abo_graft_criterion id, abo_graft_field field,
                                     const std::optional<agglutinin_titre>& measured, agglutinin_titre limit,
                                     hsct::comparator cmp, const char* requirement) {
        hsct::criterion<abo_graft_criterion> c;
        c.id = id;
        c.cmp = cmp;
        c.requirement = requirement;
        c.verified = policy.verified;
        c.threshold = static_cast<double>(limit.reciprocal());
        if (!measured) {
            c.measured = hsct::measure::missing(field);
            c.result = hsct::outcome::unknown;
            out->missing.insert(field);
        } else {
            c.measured = hsct::measure::count(static_cast<double>(measured->reciprocal()), hsct::count_unit::none);
            c.result = hsct::satisfies(c.measured.number(), cmp, c.threshold) ? hsct::outcome::met : hsct::outcome::not_met;
        }
        out->criteria.push_back(c);
        return c.result;
    };
    const auto volume_criterion = [&](abo_graft_criterion id, abo_graft_field field,
                                      const std::optional<hsct::volume>& measured, hsct::volume limit,
                                      const char* requirement) {
        hsct::criterion<abo_graft_criterion> c;
        c.id = id;
        c.cmp = hsct::comparator::greater;
        c.requirement = requirement;
        c.verified = policy.verified;
        c.threshold = limit.in(hsct::units::mL);
        if (!measured) {
            c.measured = hsct::measure::missing(field);
            c.result = hsct::outcome::unknown;
            out->missing.insert(field);
        } else {
            c.measured = hsct::measure::of(*measured, hsct::units::mL);
            c.result = hsct::satisfies(c.measured.number(), c.cmp, c.threshold) ? hsct::outcome::met : hsct::outcome::not_met;
        }
        out->criteria.push_back(c);
        return c.result;
    };
    // The action of one side from its criteria: any not met -> not indicated; else any unknown ->
    // unknown; else consider.
    const auto fold = [](std::initializer_list<hsct::outcome> outcomes) {
        bool unknown = false;
        for (const auto o : outcomes) {
            if (o == hsct::outcome::not_met) {
                return abo_graft_action::not_indicated;
            }
            unknown = unknown || o == hsct::outcome::unknown;
        }
        return unknown ? abo_graft_action::unknown : abo_graft_action::consider;
    };
    if (major) {
        const bool thawed = p.post_thaw().has_value() && p.post_thaw()->red_cell_volume.has_value();
        out->counted_at = thawed ? count_point::post_thaw : count_point::collection;
        const auto& rbc = thawed ? p.post_thaw()->red_cell_volume : p.at_collection().red_cell_volume;
        const auto v = volume_criterion(abo_graft_criterion::red_cell_volume, abo_graft_field::red_cell_volume, rbc,
                                        policy.red_cell_volume_above, "GRAFT-ABO-002");
        auto t = hsct::outcome::met;
        if (policy.recipient_titre_above) {
            t = titre_criterion(abo_graft_criterion::recipient_titre, abo_graft_field::recipient_titre,
                                in.recipient_anti_donor_titre, *policy.recipient_titre_above,
                                hsct::comparator::greater, "GRAFT-ABO-002");
        }
        out->red_cells = fold({v, t});
    }
    if (minor) {
        hsct::criterion<abo_graft_criterion> c;
        c.id = abo_graft_criterion::plasma_reduced;
        c.cmp = hsct::comparator::present;
        c.requirement = "GRAFT-ABO-003";
        const bool reduced = p.manipulations().contains(manipulation::plasma_reduction);
        c.measured = hsct::measure::flag(reduced);
        c.result = reduced ? hsct::outcome::met : hsct::outcome::not_met;
        out->criteria.push_back(c);
        if (reduced) {
            out->plasma = abo_graft_action::already_reduced;
        } else {
            auto t = hsct::outcome::met;
            auto v = hsct::outcome::met;
            if (policy.donor_titre_at_or_above) {
                t = titre_criterion(abo_graft_criterion::donor_titre, abo_graft_field::donor_titre,
                                    in.donor_anti_recipient_titre, *policy.donor_titre_at_or_above,
                                    hsct::comparator::greater_equal, "GRAFT-ABO-003");
            }
            if (policy.plasma_volume_above) {
                v = volume_criterion(abo_graft_criterion::plasma_volume, abo_graft_field::plasma_volume,
                                     in.plasma_volume, *policy.plasma_volume_above, "GRAFT-ABO-003");
            }
            out->plasma = fold({t, v});
        }
    }
    return out;
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_ABO_HPP
