// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Donor-recipient compatibility beyond HLA: ABO (major, minor, bidirectional) and RhD, with what
// each means for the graft; the CMV serostatus pair and the risk it carries; donor-recipient sex
// (female donor to male recipient flagged), donor parity, and donor age.
//
//   using namespace hsct::donor;
//   auto r = parse_blood_group("O+");                    // result<blood_group>
//   abo_relation_of(abo_group::o, abo_group::a);         // recipient O, donor A: abo_relation::major
//   compatibility_input in;
//   in.recipient_blood_group = *parse_blood_group("A+");
//   in.donor_blood_group = *parse_blood_group("O-");
//   in.recipient_cmv = cmv_serostatus::positive;
//   in.donor_cmv = cmv_serostatus::negative;
//   in.recipient_sex = hsct::sex::male;
//   in.donor_sex = hsct::sex::female;
//   in.donor_pregnancies = 2;
//   auto c = assess_compatibility(in);                   // result<compatibility_result>
//   c->abo;                    // abo_relation::minor
//   c->graft_processing;       // graft_processing::plasma_depletion (for the graft stage)
//   c->cmv;                    // cmv_pair::d_neg_r_pos, c->cmv_risk: highest reactivation risk
//   c->female_to_male;         // true
//   for (const auto& k : c->criteria) {}  // every criterion evaluated, as data
//
// A factor whose inputs are missing is a value (`missing` names them; the factor's answer is
// empty), never an error. Errors are for bad input only: a blood group that cannot be read, an
// enum number that is not declared, a parity outside 0-30 or given for a male donor.
//
// Sources: ABO definitions and matrix: clinical-scores-conditioning note section 8.1 [V2],
// red-cell depletion of ABO-incompatible marrow: EBMT Handbook 2024 ch. 14 (Pagliuca et al.)
// section 14.2 [V-HB24]; plasma depletion for minor incompatibility [V2, secondary]. RhD: no
// primary source read [U]: hsct states it as its policy. CMV pair risks: Ljungman 2014 and HB24
// ch. 12 section 12.3.2 (best outcome D-/R-) [V-HB24]; D-/R+ highest reactivation risk (Jaskula
// 2012) [V2]; donor serostatus preference (R+ -> D+, R- -> D-): HB24 ch. 12 section 12.4.6
// [V-HB24]. Female donor to male recipient: EBMT risk score (HB24 Table 11.2) [V-HB24]; parity:
// HB24 ch. 12 section 12.4.6 ("a multiparous woman") [V-HB24], multiparous meaning two or more
// pregnancies is hsct's reading [P].
#ifndef HSCT_DONOR_COMPATIBILITY_HPP
#define HSCT_DONOR_COMPATIBILITY_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hsct/core/demographics.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/donor/vocabulary.hpp"

namespace hsct::donor {

/// The rule set this header implements.
inline constexpr std::string_view compatibility_rule_version =
    "ABO/RhD, CMV pair, donor-recipient sex and parity (EBMT Handbook 2024 ch. 12 and 14; "
    "RhD as hsct policy)";

// ---------------------------------------------------------------------------------------------
// Blood group
// ---------------------------------------------------------------------------------------------

/// An ABO blood group (DON-ABO-001).
enum class abo_group : std::uint8_t { o = 1, a = 2, b = 3, ab = 4 };

constexpr auto hsct_enum_table(abo_group) noexcept {
    return make_enum_table<abo_group>("abo_group", {
        {abo_group::o, "o", "O"},
        {abo_group::a, "a", "A"},
        {abo_group::b, "b", "B"},
        {abo_group::ab, "ab", "AB"},
    });
}

/// RhD status (DON-RHD-001).
enum class rhd_status : std::uint8_t { positive = 1, negative = 2 };

constexpr auto hsct_enum_table(rhd_status) noexcept {
    return make_enum_table<rhd_status>("rhd_status", {
        {rhd_status::positive, "positive", "RhD positive"},
        {rhd_status::negative, "negative", "RhD negative"},
    });
}

/// An ABO group and RhD status, e.g. "A+" (A, RhD positive). Two bytes.
struct blood_group {
    abo_group abo = abo_group::o;
    rhd_status rhd = rhd_status::positive;
    friend constexpr bool operator==(const blood_group&, const blood_group&) noexcept = default;
};

namespace detail {
[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr bool equal_nocase(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) {
            return false;
        }
    }
    return true;
}
[[nodiscard]] constexpr std::optional<rhd_status> read_rhd(std::string_view t) noexcept {
    constexpr std::string_view pos[] = {"+", "pos", "positive", "rhd+", "rh+", "d+", "rhd pos",
                                        "rhd positive", "rh positive", "rh(d)+", "rh(d) positive"};
    constexpr std::string_view neg[] = {"-", "neg", "negative", "rhd-", "rh-", "d-", "rhd neg",
                                        "rhd negative", "rh negative", "rh(d)-", "rh(d) negative"};
    for (const auto p : pos) {
        if (equal_nocase(t, p)) {
            return rhd_status::positive;
        }
    }
    for (const auto n : neg) {
        if (equal_nocase(t, n)) {
            return rhd_status::negative;
        }
    }
    return std::nullopt;
}
}  // namespace detail

/// DON-ABO-001, DON-RHD-001: reads a blood group: an ABO group (O, A, B, AB; any case), then,
/// with or without a space, the RhD status as "+" / "-", "pos" / "neg", "positive" /
/// "negative", or "RhD+", "Rh+", "D+", "Rh(D) positive" and their negatives ("A+", "AB neg",
/// "O RhD-"). Anything else (an unknown group, a missing or unknown RhD, "ABO") is
/// errc::syntax naming the field and the forms it takes. Reads back what to_string prints.
template <class = void>  // compiled only where called
[[nodiscard]] result<blood_group> parse_blood_group(std::string_view text,
                                                           field_ref field = "blood_group") {
    const std::string_view t = hsct::detail::trim(text);
    auto fail = [&] {
        return error(errc::syntax, field, hsct::detail::quote_input(text),
                     "an ABO group (O, A, B, AB) then the RhD status (+, -, pos, neg, RhD+, "
                     "RhD-), e.g. \"A+\" or \"O neg\"",
                     "DON-ABO-001");
    };
    std::size_t n = 0;
    abo_group abo = abo_group::o;
    if (t.size() >= 2 && detail::equal_nocase(t.substr(0, 2), "ab")) {
        abo = abo_group::ab;
        n = 2;
    } else if (!t.empty()) {
        switch (detail::ascii_lower(t[0])) {
            case 'o': abo = abo_group::o; break;
            case 'a': abo = abo_group::a; break;
            case 'b': abo = abo_group::b; break;
            default: return result<blood_group>(fail());
        }
        n = 1;
    } else {
        return result<blood_group>(fail());
    }
    const auto rh = detail::read_rhd(hsct::detail::trim(t.substr(n)));
    if (!rh) {
        return result<blood_group>(fail());
    }
    return blood_group{abo, *rh};
}

/// "A+", "O-", "AB+": the group and the RhD sign.
[[nodiscard]] inline std::string to_string(const blood_group& g) {
    std::string s(label(g.abo));
    s += g.rhd == rhd_status::positive ? '+' : '-';
    return s;
}

// ---------------------------------------------------------------------------------------------
// ABO and RhD
// ---------------------------------------------------------------------------------------------

/// DON-ABO-001: how a donor's ABO group relates to the recipient's. Major: the recipient's
/// plasma carries antibodies (isohaemagglutinins) against the donor's red cells (donor A ->
/// recipient O). Minor: the donor's plasma carries antibodies against the recipient's red cells
/// (donor O -> recipient A). Bidirectional: both (donor A <-> recipient B).
enum class abo_relation : std::uint8_t { identical = 1, major = 2, minor = 3, bidirectional = 4 };

constexpr auto hsct_enum_table(abo_relation) noexcept {
    return make_enum_table<abo_relation>("abo_relation", {
        {abo_relation::identical, "identical", "ABO identical"},
        {abo_relation::major, "major", "major ABO incompatibility"},
        {abo_relation::minor, "minor", "minor ABO incompatibility"},
        {abo_relation::bidirectional, "bidirectional", "bidirectional ABO incompatibility"},
    });
}

namespace detail {
/// The A and B antigens a group's red cells carry, as bits (A = 1, B = 2).
[[nodiscard]] constexpr unsigned abo_antigens(abo_group g) noexcept {
    switch (g) {
        case abo_group::o: return 0U;
        case abo_group::a: return 1U;
        case abo_group::b: return 2U;
        case abo_group::ab: return 3U;
    }
    return 0U;
}
}  // namespace detail

/// DON-ABO-001: the relation of a donor's ABO group to the recipient's, from the antigens each
/// side's red cells carry: a donor antigen the recipient lacks is a major incompatibility (the
/// recipient makes antibodies against it), a recipient antigen the donor lacks a minor one.
/// Precondition (contract): both are declared values (assess_compatibility checks them).
[[nodiscard]] constexpr abo_relation abo_relation_of(abo_group recipient, abo_group donor) noexcept {
    const unsigned r = detail::abo_antigens(recipient);
    const unsigned d = detail::abo_antigens(donor);
    const bool major = (d & ~r) != 0U;
    const bool minor = (r & ~d) != 0U;
    if (major && minor) {
        return abo_relation::bidirectional;
    }
    if (major) {
        return abo_relation::major;
    }
    return minor ? abo_relation::minor : abo_relation::identical;
}

/// DON-ABO-002: what an ABO relation asks of the graft, for the graft stage: red-cell depletion
/// for a major incompatibility (the recipient's antibodies would lyse the infused red cells;
/// most relevant to marrow, whose red-cell content is high: HB24 ch. 14 section 14.2), plasma
/// depletion for a minor one (the donor's antibodies would lyse the recipient's red cells), both
/// for a bidirectional one. Whether a product needs it (its red-cell volume, the recipient's
/// titre) is the graft stage's decision: hsct quotes no volume or titre threshold here.
enum class graft_processing : std::uint8_t {
    none = 1,
    red_cell_depletion = 2,
    plasma_depletion = 3,
    red_cell_and_plasma_depletion = 4,
};

constexpr auto hsct_enum_table(graft_processing) noexcept {
    return make_enum_table<graft_processing>("graft_processing", {
        {graft_processing::none, "none", "no ABO-related processing"},
        {graft_processing::red_cell_depletion, "red_cell_depletion", "red-cell depletion to consider (major ABO incompatibility)"},
        {graft_processing::plasma_depletion, "plasma_depletion", "plasma depletion to consider (minor ABO incompatibility)"},
        {graft_processing::red_cell_and_plasma_depletion, "red_cell_and_plasma_depletion", "red-cell and plasma depletion to consider (bidirectional ABO incompatibility)"},
    });
}

/// DON-ABO-002: the processing an ABO relation asks the graft stage to consider.
[[nodiscard]] constexpr graft_processing graft_processing_for(abo_relation r) noexcept {
    switch (r) {
        case abo_relation::identical: return graft_processing::none;
        case abo_relation::major: return graft_processing::red_cell_depletion;
        case abo_relation::minor: return graft_processing::plasma_depletion;
        case abo_relation::bidirectional: return graft_processing::red_cell_and_plasma_depletion;
    }
    return graft_processing::none;
}

/// DON-RHD-001 (hsct policy, no primary source read [U]): how the RhD statuses relate. Anti-D
/// is not naturally occurring: a D-positive donor to a D-negative recipient matters when the
/// recipient already has anti-D (major type); a D-negative donor to a D-positive recipient when
/// the donor has anti-D, e.g. after pregnancy (minor type). Either way, red cells for
/// transfusion are D-negative until the recipient's red cells are the donor's.
enum class rhd_relation : std::uint8_t {
    identical = 1,
    donor_positive_recipient_negative = 2,
    donor_negative_recipient_positive = 3,
};

constexpr auto hsct_enum_table(rhd_relation) noexcept {
    return make_enum_table<rhd_relation>("rhd_relation", {
        {rhd_relation::identical, "identical", "RhD identical"},
        {rhd_relation::donor_positive_recipient_negative, "donor_positive_recipient_negative", "RhD-positive donor, RhD-negative recipient"},
        {rhd_relation::donor_negative_recipient_positive, "donor_negative_recipient_positive", "RhD-negative donor, RhD-positive recipient"},
    });
}

/// DON-RHD-001: the RhD relation of a donor to a recipient.
[[nodiscard]] constexpr rhd_relation rhd_relation_of(rhd_status recipient, rhd_status donor) noexcept {
    if (recipient == donor) {
        return rhd_relation::identical;
    }
    return donor == rhd_status::positive ? rhd_relation::donor_positive_recipient_negative
                                         : rhd_relation::donor_negative_recipient_positive;
}

// ---------------------------------------------------------------------------------------------
// CMV
// ---------------------------------------------------------------------------------------------

/// CMV IgG serostatus (DON-CMV-001).
enum class cmv_serostatus : std::uint8_t { negative = 1, positive = 2 };

constexpr auto hsct_enum_table(cmv_serostatus) noexcept {
    return make_enum_table<cmv_serostatus>("cmv_serostatus", {
        {cmv_serostatus::negative, "negative", "CMV seronegative"},
        {cmv_serostatus::positive, "positive", "CMV seropositive"},
    });
}

/// DON-CMV-001: the donor/recipient CMV serostatus pair, written D/R.
enum class cmv_pair : std::uint8_t { d_neg_r_neg = 1, d_pos_r_neg = 2, d_neg_r_pos = 3, d_pos_r_pos = 4 };

constexpr auto hsct_enum_table(cmv_pair) noexcept {
    return make_enum_table<cmv_pair>("cmv_pair", {
        {cmv_pair::d_neg_r_neg, "d_neg_r_neg", "D-/R-"},
        {cmv_pair::d_pos_r_neg, "d_pos_r_neg", "D+/R-"},
        {cmv_pair::d_neg_r_pos, "d_neg_r_pos", "D-/R+"},
        {cmv_pair::d_pos_r_pos, "d_pos_r_pos", "D+/R+"},
    });
}

/// DON-CMV-001: the risk a CMV pair carries. D-/R-: the lowest (HB24 ch. 12: best outcome);
/// D+/R-: a primary infection carried by the graft (9-21 % in the literature the note cites);
/// D-/R+: reactivation without donor CMV immunity, the highest reactivation risk in Jaskula
/// 2012 [V2]; D+/R+: a seropositive recipient, at risk of reactivation.
enum class cmv_risk : std::uint8_t {
    lowest = 1,
    primary_infection_from_graft = 2,
    reactivation_without_donor_immunity = 3,
    reactivation = 4,
};

constexpr auto hsct_enum_table(cmv_risk) noexcept {
    return make_enum_table<cmv_risk>("cmv_risk", {
        {cmv_risk::lowest, "lowest", "lowest CMV risk (D-/R-)"},
        {cmv_risk::primary_infection_from_graft, "primary_infection_from_graft", "primary CMV infection carried by the graft (D+/R-)"},
        {cmv_risk::reactivation_without_donor_immunity, "reactivation_without_donor_immunity", "CMV reactivation without donor CMV immunity: highest reactivation risk (D-/R+)"},
        {cmv_risk::reactivation, "reactivation", "CMV reactivation in a seropositive recipient (D+/R+)"},
    });
}

/// DON-CMV-001: the pair of a recipient's and a donor's serostatus.
[[nodiscard]] constexpr cmv_pair cmv_pair_of(cmv_serostatus recipient, cmv_serostatus donor) noexcept {
    const bool r = recipient == cmv_serostatus::positive;
    const bool d = donor == cmv_serostatus::positive;
    if (r) {
        return d ? cmv_pair::d_pos_r_pos : cmv_pair::d_neg_r_pos;
    }
    return d ? cmv_pair::d_pos_r_neg : cmv_pair::d_neg_r_neg;
}

/// DON-CMV-001: the risk a pair carries.
[[nodiscard]] constexpr cmv_risk cmv_risk_of(cmv_pair p) noexcept {
    switch (p) {
        case cmv_pair::d_neg_r_neg: return cmv_risk::lowest;
        case cmv_pair::d_pos_r_neg: return cmv_risk::primary_infection_from_graft;
        case cmv_pair::d_neg_r_pos: return cmv_risk::reactivation_without_donor_immunity;
        case cmv_pair::d_pos_r_pos: return cmv_risk::reactivation;
    }
    return cmv_risk::lowest;
}

/// DON-CMV-002: the donor serostatus preferred for a recipient (HB24 ch. 12 section 12.4.6: a
/// seropositive recipient from a seropositive donor; section 12.3.2: best outcome D-/R-): the
/// recipient's own.
[[nodiscard]] constexpr cmv_serostatus preferred_donor_cmv(cmv_serostatus recipient) noexcept {
    return recipient;
}

// ---------------------------------------------------------------------------------------------
// The combined assessment
// ---------------------------------------------------------------------------------------------

/// Every criterion assess_compatibility evaluates (CORE-EXPLAIN-001).
enum class compatibility_criterion : std::uint8_t {
    abo_major = 1,                  ///< DON-ABO-001: a donor A/B antigen the recipient lacks
    abo_minor = 2,                  ///< DON-ABO-001: a recipient A/B antigen the donor lacks
    rhd_differs = 3,                ///< DON-RHD-001 (policy)
    recipient_anti_d = 4,           ///< DON-RHD-001: D+ donor, D- recipient with anti-D
    donor_anti_d = 5,               ///< DON-RHD-001: D- donor with anti-D, D+ recipient
    cmv_recipient_positive = 6,     ///< DON-CMV-001
    cmv_donor_positive = 7,         ///< DON-CMV-001
    cmv_donor_as_preferred = 8,     ///< DON-CMV-002: the donor's serostatus is the recipient's
    female_donor_male_recipient = 9,  ///< DON-SEX-001
    donor_parous = 10,              ///< DON-SEX-002: one or more pregnancies
    donor_multiparous = 11,         ///< DON-SEX-002: two or more pregnancies (hsct reading)
};

constexpr auto hsct_enum_table(compatibility_criterion) noexcept {
    using c = compatibility_criterion;
    return make_enum_table<compatibility_criterion>("compatibility_criterion", {
        {c::abo_major, "abo_major", "donor red cells carry an A or B antigen the recipient lacks (major)"},
        {c::abo_minor, "abo_minor", "recipient red cells carry an A or B antigen the donor lacks (minor)"},
        {c::rhd_differs, "rhd_differs", "donor and recipient differ in RhD"},
        {c::recipient_anti_d, "recipient_anti_d", "RhD-negative recipient with anti-D, RhD-positive donor"},
        {c::donor_anti_d, "donor_anti_d", "RhD-negative donor with anti-D, RhD-positive recipient"},
        {c::cmv_recipient_positive, "cmv_recipient_positive", "recipient CMV seropositive"},
        {c::cmv_donor_positive, "cmv_donor_positive", "donor CMV seropositive"},
        {c::cmv_donor_as_preferred, "cmv_donor_as_preferred", "donor CMV serostatus as preferred for the recipient (same as the recipient's)"},
        {c::female_donor_male_recipient, "female_donor_male_recipient", "female donor to male recipient"},
        {c::donor_parous, "donor_parous", "donor has been pregnant (1 or more pregnancies)"},
        {c::donor_multiparous, "donor_multiparous", "donor multiparous (2 or more pregnancies)"},
    });
}

/// The inputs of assess_compatibility, for `missing`.
enum class compatibility_field : std::uint8_t {
    recipient_blood_group = 1,
    donor_blood_group = 2,
    recipient_anti_d = 3,
    donor_anti_d = 4,
    recipient_cmv = 5,
    donor_cmv = 6,
    recipient_sex = 7,
    donor_sex = 8,
    donor_pregnancies = 9,
    donor_age = 10,
};

constexpr auto hsct_enum_table(compatibility_field) noexcept {
    using f = compatibility_field;
    return make_enum_table<compatibility_field>("compatibility_field", {
        {f::recipient_blood_group, "recipient_blood_group", "recipient blood group"},
        {f::donor_blood_group, "donor_blood_group", "donor blood group"},
        {f::recipient_anti_d, "recipient_anti_d", "recipient anti-D"},
        {f::donor_anti_d, "donor_anti_d", "donor anti-D"},
        {f::recipient_cmv, "recipient_cmv", "recipient CMV serostatus"},
        {f::donor_cmv, "donor_cmv", "donor CMV serostatus"},
        {f::recipient_sex, "recipient_sex", "recipient sex"},
        {f::donor_sex, "donor_sex", "donor sex"},
        {f::donor_pregnancies, "donor_pregnancies", "donor pregnancies (parity)"},
        {f::donor_age, "donor_age", "donor age"},
    });
}

/// What assess_compatibility reads. Every input is optional: a factor without its inputs is
/// reported as missing, not refused.
struct compatibility_input {
    std::optional<blood_group> recipient_blood_group;
    std::optional<blood_group> donor_blood_group;
    /// Anti-D found in the recipient's / the donor's plasma (only read when RhD differs).
    std::optional<bool> recipient_anti_d;
    std::optional<bool> donor_anti_d;
    std::optional<cmv_serostatus> recipient_cmv;
    std::optional<cmv_serostatus> donor_cmv;
    std::optional<hsct::sex> recipient_sex;
    std::optional<hsct::sex> donor_sex;
    /// The number of the donor's pregnancies (0-30); only for a female donor.
    std::optional<int> donor_pregnancies;
    std::optional<hsct::age> donor_age;
};

/// DON-SEX-002: the range of donor_pregnancies.
inline constexpr int max_donor_pregnancies = 30;
/// DON-SEX-002: a parous donor has had at least one pregnancy; a multiparous donor at least two
/// (hsct's reading of "multiparous" in HB24 ch. 12 section 12.4.6 [P]).
inline constexpr double parous_pregnancies = 1.0;
inline constexpr double multiparous_pregnancies = 2.0;

/// The answer. Each factor's answer is empty when its inputs are missing.
struct compatibility_result {
    std::optional<abo_relation> abo;
    /// DON-ABO-002: what the ABO relation asks the graft stage to consider (empty with abo).
    std::optional<graft_processing> graft_processing_hint;
    std::optional<rhd_relation> rhd;
    /// DON-RHD-001: the RhD difference meets an anti-D (empty when anti-D was not given for the
    /// side that matters, or RhD is identical: then false).
    std::optional<bool> anti_d_relevant;
    std::optional<cmv_pair> cmv;
    std::optional<cmv_risk> cmv_risk_label;
    /// DON-CMV-002: the donor's serostatus is the one preferred for this recipient.
    std::optional<bool> cmv_donor_as_preferred;
    /// DON-SEX-001: female donor to male recipient (EBMT score +1; HB24 ch. 12).
    std::optional<bool> female_to_male;
    /// The donor's sex as given (the ranking reads it).
    std::optional<hsct::sex> donor_sex;
    /// DON-SEX-002: the donor's parity (female donors only).
    std::optional<int> donor_pregnancies;
    std::optional<bool> donor_multiparous;
    /// DON-AGE-001: the donor's age as given (the ranking prefers a younger donor).
    std::optional<hsct::age> donor_age;
    hsct::fixed_list<hsct::criterion<compatibility_criterion>, 11> criteria;
    hsct::enum_set<compatibility_field> missing;
    /// Verified: false where a criterion rests on hsct's own policy (RhD, multiparity).
    [[nodiscard]] const hsct::criterion<compatibility_criterion>* find(
        compatibility_criterion id) const noexcept {
        for (const auto& c : criteria) {
            if (c.id == id) {
                return &c;
            }
        }
        return nullptr;
    }
};

namespace detail {
template <class = void>
void compat_add(compatibility_result& r, compatibility_criterion id, bool met,
                       const char* requirement, hsct::measure m, bool verified = true,
                       comparator cmp = comparator::present, double threshold = 0.0) {
    r.criteria.emplace_back(id, met ? outcome::met : outcome::not_met, cmp, verified,
                            requirement, m, threshold);
}
}  // namespace detail

/// DON-ABO-001/002, DON-RHD-001, DON-CMV-001/002, DON-SEX-001/002, DON-AGE-001: the
/// compatibility factors of one donor for one recipient. An error only for bad input.
template <class = void>  // compiled only where called (docs/conventions.md §7)
[[nodiscard]] result<compatibility_result> assess_compatibility(const compatibility_input& in) {
    using hsct::detail::check_enum;
    using c = compatibility_criterion;
    using f = compatibility_field;
    const auto check_bg = [](const std::optional<blood_group>& g, const char* name) -> std::optional<error> {
        if (!g) {
            return std::nullopt;
        }
        if (auto e = check_enum(g->abo, field_ref(name, "abo"))) {
            return e;
        }
        return check_enum(g->rhd, field_ref(name, "rhd"));
    };
    if (auto e = check_bg(in.recipient_blood_group, "recipient_blood_group")) {
        return *e;
    }
    if (auto e = check_bg(in.donor_blood_group, "donor_blood_group")) {
        return *e;
    }
    if (auto e = check_enum(in.recipient_cmv, "recipient_cmv")) {
        return *e;
    }
    if (auto e = check_enum(in.donor_cmv, "donor_cmv")) {
        return *e;
    }
    if (auto e = check_enum(in.recipient_sex, "recipient_sex")) {
        return *e;
    }
    if (auto e = check_enum(in.donor_sex, "donor_sex")) {
        return *e;
    }
    if (in.donor_pregnancies) {
        const int p = *in.donor_pregnancies;
        if (p < 0 || p > max_donor_pregnancies) {
            return error(errc::out_of_range, "donor_pregnancies", std::to_string(p), "0-30",
                         "DON-SEX-002");
        }
        if (in.donor_sex == hsct::sex::male) {
            return error(errc::inconsistent, "donor_pregnancies", std::to_string(p),
                         "no pregnancies for a male donor (donor_sex is male)", "DON-SEX-002");
        }
    }

    result<compatibility_result> out(std::in_place);
    compatibility_result& r = *out;
    // ABO (DON-ABO-001/002) and RhD (DON-RHD-001)
    if (in.recipient_blood_group && in.donor_blood_group) {
        const blood_group rg = *in.recipient_blood_group;
        const blood_group dg = *in.donor_blood_group;
        r.abo = abo_relation_of(rg.abo, dg.abo);
        r.graft_processing_hint = graft_processing_for(*r.abo);
        const bool major = *r.abo == abo_relation::major || *r.abo == abo_relation::bidirectional;
        const bool minor = *r.abo == abo_relation::minor || *r.abo == abo_relation::bidirectional;
        detail::compat_add(r, c::abo_major, major, "DON-ABO-001", hsct::measure::code(dg.abo));
        detail::compat_add(r, c::abo_minor, minor, "DON-ABO-001", hsct::measure::code(rg.abo));
        r.rhd = rhd_relation_of(rg.rhd, dg.rhd);
        detail::compat_add(r, c::rhd_differs, *r.rhd != rhd_relation::identical, "DON-RHD-001",
                           hsct::measure::code(*r.rhd), false);
        if (*r.rhd == rhd_relation::identical) {
            r.anti_d_relevant = false;
        } else if (*r.rhd == rhd_relation::donor_positive_recipient_negative) {
            if (in.recipient_anti_d) {
                r.anti_d_relevant = *in.recipient_anti_d;
                detail::compat_add(r, c::recipient_anti_d, *in.recipient_anti_d, "DON-RHD-001",
                                   hsct::measure::flag(*in.recipient_anti_d), false);
            } else {
                r.missing.insert(f::recipient_anti_d);
            }
        } else if (in.donor_anti_d) {
            r.anti_d_relevant = *in.donor_anti_d;
            detail::compat_add(r, c::donor_anti_d, *in.donor_anti_d, "DON-RHD-001",
                               hsct::measure::flag(*in.donor_anti_d), false);
        } else {
            r.missing.insert(f::donor_anti_d);
        }
    } else {
        if (!in.recipient_blood_group) {
            r.missing.insert(f::recipient_blood_group);
        }
        if (!in.donor_blood_group) {
            r.missing.insert(f::donor_blood_group);
        }
    }
    // CMV (DON-CMV-001/002)
    if (in.recipient_cmv && in.donor_cmv) {
        r.cmv = cmv_pair_of(*in.recipient_cmv, *in.donor_cmv);
        r.cmv_risk_label = cmv_risk_of(*r.cmv);
        r.cmv_donor_as_preferred = *in.donor_cmv == preferred_donor_cmv(*in.recipient_cmv);
        detail::compat_add(r, c::cmv_recipient_positive, *in.recipient_cmv == cmv_serostatus::positive,
                           "DON-CMV-001", hsct::measure::code(*in.recipient_cmv));
        detail::compat_add(r, c::cmv_donor_positive, *in.donor_cmv == cmv_serostatus::positive,
                           "DON-CMV-001", hsct::measure::code(*in.donor_cmv));
        detail::compat_add(r, c::cmv_donor_as_preferred, *r.cmv_donor_as_preferred, "DON-CMV-002",
                           hsct::measure::code(*r.cmv));
    } else {
        if (!in.recipient_cmv) {
            r.missing.insert(f::recipient_cmv);
        }
        if (!in.donor_cmv) {
            r.missing.insert(f::donor_cmv);
        }
    }
    // Sex (DON-SEX-001) and parity (DON-SEX-002)
    r.donor_sex = in.donor_sex;
    if (in.recipient_sex && in.donor_sex) {
        r.female_to_male = *in.donor_sex == hsct::sex::female && *in.recipient_sex == hsct::sex::male;
        detail::compat_add(r, c::female_donor_male_recipient, *r.female_to_male, "DON-SEX-001",
                           hsct::measure::code(*in.donor_sex));
    } else {
        if (!in.recipient_sex) {
            r.missing.insert(f::recipient_sex);
        }
        if (!in.donor_sex) {
            r.missing.insert(f::donor_sex);
        }
    }
    if (in.donor_pregnancies) {
        const int p = *in.donor_pregnancies;
        const auto n = static_cast<double>(p);
        // DON-SEX-002: parous >= 1, multiparous >= 2 pregnancies
        const bool parous = hsct::satisfies(n, comparator::greater_equal, parous_pregnancies);
        const bool multiparous =
            hsct::satisfies(n, comparator::greater_equal, multiparous_pregnancies);
        r.donor_pregnancies = p;
        r.donor_multiparous = multiparous;
        detail::compat_add(r, c::donor_parous, parous, "DON-SEX-002",
                           hsct::measure::count(n, hsct::count_unit::none), true,
                           comparator::greater_equal, parous_pregnancies);
        detail::compat_add(r, c::donor_multiparous, multiparous, "DON-SEX-002",
                           hsct::measure::count(n, hsct::count_unit::none), false,
                           comparator::greater_equal, multiparous_pregnancies);
    } else if (in.donor_sex == hsct::sex::female) {
        r.missing.insert(f::donor_pregnancies);
    }
    // Age (DON-AGE-001): carried for the ranking
    r.donor_age = in.donor_age;
    if (!in.donor_age) {
        r.missing.insert(f::donor_age);
    }
    return out;
}

}  // namespace hsct::donor

#endif  // HSCT_DONOR_COMPATIBILITY_HPP
