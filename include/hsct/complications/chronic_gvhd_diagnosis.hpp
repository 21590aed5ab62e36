// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Chronic GVHD diagnosis, NIH 2014 (Jagasia et al., Biol Blood Marrow Transplant 2015;21:389): the
// signs the clinician found, each classed as diagnostic (enough on its own) or distinctive (seen in
// chronic GVHD, not enough on its own), and whether they make the diagnosis.
//
//   using namespace hsct::complications;
//   cgvhd_diagnosis_input in;
//   in.signs.insert(cgvhd_sign::xerostomia);                 // distinctive
//   in.confirmed_by.insert(cgvhd_confirmation::biopsy);      // e.g. a lip biopsy
//   in.other_causes_excluded = true;
//   auto r = assess_chronic_gvhd_diagnosis(in);              // result<cgvhd_diagnosis_result>
//   r->status;   // cgvhd_diagnosis_status::diagnosed, basis confirmed_distinctive_sign
//
// COMP-CGVHD-001 the rule [V] (NIH 2014 abstract, the reference notes section 2.1; the EBMT
// Handbook 2024 ch. 44 section 44.2.1 says the same for the skin [V-HB24]): chronic GVHD needs at
// least one diagnostic manifestation, or at least one distinctive manifestation confirmed by a
// pertinent biopsy, laboratory test or radiology in the same or another organ; other causes must
// be excluded. A distinctive sign without confirmation is `needs_confirmation`; signs that
// suffice while other causes are not (yet) excluded are `exclusion_pending`; neither is a
// diagnosis.
// COMP-CGVHD-002 the sign table (NIH 2014 Table 1 as reproduced in the notes section 2.2 [V2]; the
// skin, mouth and fascia rows also [V-HB24], ch. 44 sections 44.2.1, 44.2.3, 44.2.8): every sign of
// `cgvhd_sign` with its site and class (site_of, class_of). Liver, blood and other organs have
// no diagnostic or distinctive sign.
// COMP-CGVHD-004 the lung [M, verified = false]: bronchiolitis obliterans on lung biopsy is
// diagnostic; bronchiolitis obliterans syndrome diagnosed clinically (see chronic_gvhd_bos.hpp)
// is diagnostic only when a distinctive sign is present in another site; alone it needs a lung
// biopsy (`needs_confirmation`).
#ifndef HSCT_COMPLICATIONS_CHRONIC_GVHD_DIAGNOSIS_HPP
#define HSCT_COMPLICATIONS_CHRONIC_GVHD_DIAGNOSIS_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "hsct/complications/vocabulary.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"

namespace hsct::complications {

/// COMP-CGVHD-002: where a sign is found (NIH 2014 Table 1's rows).
enum class cgvhd_site : std::uint8_t {
    skin = 1,
    nails = 2,
    scalp_and_body_hair = 3,
    mouth = 4,
    eyes = 5,
    genitalia = 6,
    gi_tract = 7,
    lungs = 8,
    muscles_fascia_joints = 9,
};

constexpr auto hsct_enum_table(cgvhd_site) noexcept {
    using s = cgvhd_site;
    return make_enum_table<cgvhd_site>("cgvhd_site", {
        {s::skin, "skin", "skin"},
        {s::nails, "nails", "nails"},
        {s::scalp_and_body_hair, "scalp_and_body_hair", "scalp and body hair"},
        {s::mouth, "mouth", "mouth"},
        {s::eyes, "eyes", "eyes"},
        {s::genitalia, "genitalia", "genitalia"},
        {s::gi_tract, "gi_tract", "GI tract"},
        {s::lungs, "lungs", "lungs"},
        {s::muscles_fascia_joints, "muscles_fascia_joints", "muscles, fascia and joints"},
    });
}

/// COMP-CGVHD-002: diagnostic (enough on its own) or distinctive (needs confirmation).
enum class cgvhd_sign_class : std::uint8_t {
    diagnostic = 1,
    distinctive = 2,
};

constexpr auto hsct_enum_table(cgvhd_sign_class) noexcept {
    return make_enum_table<cgvhd_sign_class>("cgvhd_sign_class", {
        {cgvhd_sign_class::diagnostic, "diagnostic", "diagnostic (sufficient on its own)"},
        {cgvhd_sign_class::distinctive, "distinctive", "distinctive (needs confirmation)"},
    });
}

/// COMP-CGVHD-002: the signs of NIH 2014 Table 1. Codes are stable (stored); below 64.
enum class cgvhd_sign : std::uint8_t {
    // skin
    poikiloderma = 1,
    skin_lichen_planus_like = 2,
    skin_sclerotic = 3,
    skin_morphea_like = 4,
    skin_lichen_sclerosus_like = 5,
    skin_depigmentation = 6,
    skin_papulosquamous = 7,
    // nails
    nail_dystrophy = 8,
    nail_ridging_splitting_brittle = 9,
    onycholysis = 10,
    pterygium_unguis = 11,
    nail_loss = 12,
    // scalp and body hair
    new_alopecia = 13,
    body_hair_loss = 14,
    scalp_scaling = 15,
    // mouth
    mouth_lichen_planus_like = 16,
    xerostomia = 17,
    mucoceles = 18,
    mucosal_atrophy = 19,
    oral_pseudomembranes = 20,
    oral_ulcers = 21,
    // eyes
    new_dry_gritty_painful_eyes = 22,
    cicatricial_conjunctivitis = 23,
    keratoconjunctivitis_sicca = 24,
    confluent_punctate_keratopathy = 25,
    // genitalia
    genital_lichen_planus_like = 26,
    genital_lichen_sclerosus_like = 27,
    vaginal_scarring_or_agglutination = 28,
    phimosis_or_urethral_scarring = 29,
    genital_erosions = 30,
    genital_fissures = 31,
    genital_ulcers = 32,
    // GI tract
    oesophageal_web = 33,
    oesophageal_stricture = 34,
    // lungs
    bronchiolitis_obliterans_biopsy = 35,
    bronchiolitis_obliterans_syndrome = 36,
    // muscles, fascia, joints
    fasciitis = 37,
    joint_stiffness_or_contractures = 38,
    myositis = 39,
};

constexpr auto hsct_enum_table(cgvhd_sign) noexcept {
    using s = cgvhd_sign;
    return make_enum_table<cgvhd_sign>("cgvhd_sign", {
        {s::poikiloderma, "poikiloderma", "poikiloderma"},
        {s::skin_lichen_planus_like, "skin_lichen_planus_like", "lichen planus-like skin features"},
        {s::skin_sclerotic, "skin_sclerotic", "sclerotic skin features"},
        {s::skin_morphea_like, "skin_morphea_like", "morphea-like skin features"},
        {s::skin_lichen_sclerosus_like, "skin_lichen_sclerosus_like", "lichen sclerosus-like skin features"},
        {s::skin_depigmentation, "skin_depigmentation", "depigmentation"},
        {s::skin_papulosquamous, "skin_papulosquamous", "papulosquamous lesions"},
        {s::nail_dystrophy, "nail_dystrophy", "nail dystrophy"},
        {s::nail_ridging_splitting_brittle, "nail_ridging_splitting_brittle",
         "longitudinal ridging, splitting or brittle nails"},
        {s::onycholysis, "onycholysis", "onycholysis"},
        {s::pterygium_unguis, "pterygium_unguis", "pterygium unguis"},
        {s::nail_loss, "nail_loss", "nail loss"},
        {s::new_alopecia, "new_alopecia", "new scarring or non-scarring scalp alopecia (not after chemo- or radiotherapy)"},
        {s::body_hair_loss, "body_hair_loss", "loss of body hair"},
        {s::scalp_scaling, "scalp_scaling", "scaling of the scalp"},
        {s::mouth_lichen_planus_like, "mouth_lichen_planus_like", "lichen planus-like oral changes"},
        {s::xerostomia, "xerostomia", "xerostomia"},
        {s::mucoceles, "mucoceles", "mucoceles"},
        {s::mucosal_atrophy, "mucosal_atrophy", "oral mucosal atrophy"},
        {s::oral_pseudomembranes, "oral_pseudomembranes", "oral pseudomembranes"},
        {s::oral_ulcers, "oral_ulcers", "oral ulcers"},
        {s::new_dry_gritty_painful_eyes, "new_dry_gritty_painful_eyes", "new dry, gritty or painful eyes"},
        {s::cicatricial_conjunctivitis, "cicatricial_conjunctivitis", "cicatricial conjunctivitis"},
        {s::keratoconjunctivitis_sicca, "keratoconjunctivitis_sicca", "keratoconjunctivitis sicca"},
        {s::confluent_punctate_keratopathy, "confluent_punctate_keratopathy", "confluent areas of punctate keratopathy"},
        {s::genital_lichen_planus_like, "genital_lichen_planus_like", "lichen planus-like genital features"},
        {s::genital_lichen_sclerosus_like, "genital_lichen_sclerosus_like", "lichen sclerosus-like genital features"},
        {s::vaginal_scarring_or_agglutination, "vaginal_scarring_or_agglutination",
         "vaginal scarring or clitoral/labial agglutination"},
        {s::phimosis_or_urethral_scarring, "phimosis_or_urethral_scarring",
         "phimosis or urethral/meatal scarring or stenosis"},
        {s::genital_erosions, "genital_erosions", "genital erosions"},
        {s::genital_fissures, "genital_fissures", "genital fissures"},
        {s::genital_ulcers, "genital_ulcers", "genital ulcers"},
        {s::oesophageal_web, "oesophageal_web", "oesophageal web"},
        {s::oesophageal_stricture, "oesophageal_stricture", "stricture or stenosis in the upper to mid third of the oesophagus"},
        {s::bronchiolitis_obliterans_biopsy, "bronchiolitis_obliterans_biopsy", "bronchiolitis obliterans on lung biopsy"},
        {s::bronchiolitis_obliterans_syndrome, "bronchiolitis_obliterans_syndrome",
         "bronchiolitis obliterans syndrome (clinical: lung function and imaging)"},
        {s::fasciitis, "fasciitis", "fasciitis"},
        {s::joint_stiffness_or_contractures, "joint_stiffness_or_contractures",
         "joint stiffness or contractures from fasciitis or sclerosis"},
        {s::myositis, "myositis", "myositis or polymyositis"},
    });
}

namespace detail::cgvhd {
struct cgvhd_sign_row {
    cgvhd_site site;
    cgvhd_sign_class kind;
};
/// COMP-CGVHD-002: site and class by sign code (index 0 unused).
inline constexpr cgvhd_sign_row cgvhd_sign_rows[40] = {  // NOLINT(modernize-avoid-c-arrays)
    {cgvhd_site::skin, cgvhd_sign_class::diagnostic},  // (no sign 0)
    {cgvhd_site::skin, cgvhd_sign_class::diagnostic},
    {cgvhd_site::skin, cgvhd_sign_class::diagnostic},
    {cgvhd_site::skin, cgvhd_sign_class::diagnostic},
    {cgvhd_site::skin, cgvhd_sign_class::diagnostic},
    {cgvhd_site::skin, cgvhd_sign_class::diagnostic},
    {cgvhd_site::skin, cgvhd_sign_class::distinctive},
    {cgvhd_site::skin, cgvhd_sign_class::distinctive},
    {cgvhd_site::nails, cgvhd_sign_class::distinctive},
    {cgvhd_site::nails, cgvhd_sign_class::distinctive},
    {cgvhd_site::nails, cgvhd_sign_class::distinctive},
    {cgvhd_site::nails, cgvhd_sign_class::distinctive},
    {cgvhd_site::nails, cgvhd_sign_class::distinctive},
    {cgvhd_site::scalp_and_body_hair, cgvhd_sign_class::distinctive},
    {cgvhd_site::scalp_and_body_hair, cgvhd_sign_class::distinctive},
    {cgvhd_site::scalp_and_body_hair, cgvhd_sign_class::distinctive},
    {cgvhd_site::mouth, cgvhd_sign_class::diagnostic},
    {cgvhd_site::mouth, cgvhd_sign_class::distinctive},
    {cgvhd_site::mouth, cgvhd_sign_class::distinctive},
    {cgvhd_site::mouth, cgvhd_sign_class::distinctive},
    {cgvhd_site::mouth, cgvhd_sign_class::distinctive},
    {cgvhd_site::mouth, cgvhd_sign_class::distinctive},
    {cgvhd_site::eyes, cgvhd_sign_class::distinctive},
    {cgvhd_site::eyes, cgvhd_sign_class::distinctive},
    {cgvhd_site::eyes, cgvhd_sign_class::distinctive},
    {cgvhd_site::eyes, cgvhd_sign_class::distinctive},
    {cgvhd_site::genitalia, cgvhd_sign_class::diagnostic},
    {cgvhd_site::genitalia, cgvhd_sign_class::diagnostic},
    {cgvhd_site::genitalia, cgvhd_sign_class::diagnostic},
    {cgvhd_site::genitalia, cgvhd_sign_class::diagnostic},
    {cgvhd_site::genitalia, cgvhd_sign_class::distinctive},
    {cgvhd_site::genitalia, cgvhd_sign_class::distinctive},
    {cgvhd_site::genitalia, cgvhd_sign_class::distinctive},
    {cgvhd_site::gi_tract, cgvhd_sign_class::diagnostic},
    {cgvhd_site::gi_tract, cgvhd_sign_class::diagnostic},
    {cgvhd_site::lungs, cgvhd_sign_class::diagnostic},
    {cgvhd_site::lungs, cgvhd_sign_class::diagnostic},
    {cgvhd_site::muscles_fascia_joints, cgvhd_sign_class::diagnostic},
    {cgvhd_site::muscles_fascia_joints, cgvhd_sign_class::diagnostic},
    {cgvhd_site::muscles_fascia_joints, cgvhd_sign_class::distinctive},
};
[[nodiscard]] constexpr std::size_t sign_index(cgvhd_sign s) noexcept {
    const auto i = static_cast<std::size_t>(static_cast<std::uint8_t>(s));
    return i < 40 ? i : 0;
}
}  // namespace detail::cgvhd

/// COMP-CGVHD-002: the site of a sign. Precondition: `s` is a declared sign (is_valid).
[[nodiscard]] constexpr cgvhd_site site_of(cgvhd_sign s) noexcept {
    return detail::cgvhd::cgvhd_sign_rows[detail::cgvhd::sign_index(s)].site;
}
/// COMP-CGVHD-002: whether a sign is diagnostic or distinctive. Bronchiolitis obliterans syndrome
/// is listed as diagnostic; the diagnosis counts it only under COMP-CGVHD-004.
[[nodiscard]] constexpr cgvhd_sign_class class_of(cgvhd_sign s) noexcept {
    return detail::cgvhd::cgvhd_sign_rows[detail::cgvhd::sign_index(s)].kind;
}

/// COMP-CGVHD-001: what confirmed a distinctive sign (in the same or another organ).
enum class cgvhd_confirmation : std::uint8_t {
    biopsy = 1,      ///< a pertinent biopsy
    laboratory = 2,  ///< a pertinent laboratory test (e.g. Schirmer's test for the eyes)
    radiology = 3,   ///< pertinent imaging
};

constexpr auto hsct_enum_table(cgvhd_confirmation) noexcept {
    return make_enum_table<cgvhd_confirmation>("cgvhd_confirmation", {
        {cgvhd_confirmation::biopsy, "biopsy", "pertinent biopsy"},
        {cgvhd_confirmation::laboratory, "laboratory", "pertinent laboratory test"},
        {cgvhd_confirmation::radiology, "radiology", "pertinent radiology"},
    });
}

/// COMP-CGVHD-001: the answer.
enum class cgvhd_diagnosis_status : std::uint8_t {
    diagnosed = 1,           ///< the signs suffice and other causes are excluded
    needs_confirmation = 2,  ///< distinctive signs only (or BOS alone), not confirmed
    exclusion_pending = 3,   ///< the signs suffice but other causes are not (yet) excluded
    not_diagnosed = 4,       ///< no diagnostic or distinctive sign
};

constexpr auto hsct_enum_table(cgvhd_diagnosis_status) noexcept {
    using s = cgvhd_diagnosis_status;
    return make_enum_table<cgvhd_diagnosis_status>("cgvhd_diagnosis_status", {
        {s::diagnosed, "diagnosed", "chronic GVHD (NIH 2014)"},
        {s::needs_confirmation, "needs_confirmation", "distinctive signs only: biopsy, laboratory or radiology confirmation needed"},
        {s::exclusion_pending, "exclusion_pending", "signs suffice, other causes not yet excluded"},
        {s::not_diagnosed, "not_diagnosed", "no diagnostic or distinctive sign"},
    });
}

/// COMP-CGVHD-001: which arm of the rule the signs meet.
enum class cgvhd_diagnosis_basis : std::uint8_t {
    none = 1,
    diagnostic_sign = 2,             ///< at least one diagnostic sign
    confirmed_distinctive_sign = 3,  ///< a distinctive sign with confirmation (no diagnostic sign)
};

constexpr auto hsct_enum_table(cgvhd_diagnosis_basis) noexcept {
    using b = cgvhd_diagnosis_basis;
    return make_enum_table<cgvhd_diagnosis_basis>("cgvhd_diagnosis_basis", {
        {b::none, "none", "neither arm of the rule"},
        {b::diagnostic_sign, "diagnostic_sign", "at least one diagnostic sign"},
        {b::confirmed_distinctive_sign, "confirmed_distinctive_sign", "a distinctive sign, confirmed"},
    });
}

/// COMP-CGVHD-001/004: the criteria recorded.
enum class cgvhd_diagnosis_criterion : std::uint8_t {
    diagnostic_sign = 1,         ///< a diagnostic sign present (measured: the sign)
    distinctive_sign = 2,        ///< a distinctive sign present (measured: the sign)
    bos_distinctive_elsewhere = 3,  ///< clinical BOS with a distinctive sign in another site (count of such signs)
    confirmation = 4,            ///< confirmation of a distinctive sign (measured: the kind)
    other_causes_excluded = 5,   ///< the clinician excluded other causes
};

constexpr auto hsct_enum_table(cgvhd_diagnosis_criterion) noexcept {
    using c = cgvhd_diagnosis_criterion;
    return make_enum_table<cgvhd_diagnosis_criterion>("cgvhd_diagnosis_criterion", {
        {c::diagnostic_sign, "diagnostic_sign", "diagnostic sign present"},
        {c::distinctive_sign, "distinctive_sign", "distinctive sign present"},
        {c::bos_distinctive_elsewhere, "bos_distinctive_elsewhere",
         "bronchiolitis obliterans syndrome with a distinctive sign in another site"},
        {c::confirmation, "confirmation", "biopsy, laboratory or radiology confirmation"},
        {c::other_causes_excluded, "other_causes_excluded", "other causes excluded"},
    });
}

/// The inputs the diagnosis can lack.
enum class cgvhd_diagnosis_field : std::uint8_t {
    other_causes_excluded = 1,
};

constexpr auto hsct_enum_table(cgvhd_diagnosis_field) noexcept {
    return make_enum_table<cgvhd_diagnosis_field>("cgvhd_diagnosis_field", {
        {cgvhd_diagnosis_field::other_causes_excluded, "other_causes_excluded", "other causes excluded"},
    });
}

/// The clinician's findings. An empty confirmation set is "no confirmation", not missing.
struct cgvhd_diagnosis_input {
    hsct::enum_set<cgvhd_sign> signs;                  ///< every sign found
    hsct::enum_set<cgvhd_confirmation> confirmed_by;   ///< what confirmed a distinctive sign
    std::optional<bool> other_causes_excluded;         ///< infection, drugs, malignancy... excluded
};

/// COMP-CGVHD-001: the answer and what decided it.
struct cgvhd_diagnosis_result {
    cgvhd_diagnosis_result() noexcept {}  // NOLINT(modernize-use-equals-default): conventions section 5
    cgvhd_diagnosis_status status = cgvhd_diagnosis_status::not_diagnosed;
    cgvhd_diagnosis_basis basis = cgvhd_diagnosis_basis::none;
    hsct::enum_set<cgvhd_sign> diagnostic_signs;    ///< the diagnostic signs that count
    hsct::enum_set<cgvhd_sign> distinctive_signs;   ///< the distinctive signs present
    hsct::enum_set<cgvhd_site> sites;               ///< every site with a sign
    hsct::enum_set<cgvhd_confirmation> confirmed_by;
    /// True when clinical BOS was present but did not count (no distinctive sign elsewhere).
    bool bos_needs_biopsy = false;
    hsct::enum_set<cgvhd_diagnosis_field> missing;
    /// one record per sign (39 at most), BOS, confirmation, exclusion
    hsct::fixed_list<hsct::criterion<cgvhd_diagnosis_criterion>, 42> criteria;
};

/// True when the diagnosis is made (status diagnosed).
[[nodiscard]] constexpr bool diagnosed(const cgvhd_diagnosis_result& r) noexcept {
    return r.status == cgvhd_diagnosis_status::diagnosed;
}

namespace detail::cgvhd {
/// Whether every member of an enum_set is a declared enumerator (a stored set may hold others).
template <class E>
[[nodiscard]] constexpr bool set_valid(const hsct::enum_set<E>& s) noexcept {
    std::size_t n = 0;
    s.for_each([&n](E) { ++n; });
    return n == s.size();
}

/// The error for a set holding an undeclared code: names the first such code.
template <class E>
[[gnu::cold]] [[nodiscard]] hsct::error set_error(const hsct::enum_set<E>& s, field_ref field, const char* requirement) {
    std::int64_t bad = -1;
    for (int c = 0; c < 64 && bad < 0; ++c) {
        const auto e = static_cast<E>(static_cast<std::uint8_t>(c));
        if (s.contains(e) && !hsct::is_valid(e)) {
            bad = c;
        }
    }
    return hsct::error(errc::out_of_range, field, hsct::detail::format_number(bad),
                       hsct::detail::enum_valid_list<E>(), requirement);
}

[[nodiscard]] inline hsct::criterion<cgvhd_diagnosis_criterion> diagnosis_record(
    cgvhd_diagnosis_criterion id, hsct::measure m, bool met, const char* requirement, bool verified = true) noexcept {
    hsct::criterion<cgvhd_diagnosis_criterion> c;
    c.id = id;
    c.result = met ? hsct::outcome::met : hsct::outcome::not_met;
    c.cmp = hsct::comparator::present;
    c.verified = verified;
    c.requirement = requirement;
    c.measured = m;
    return c;
}
}  // namespace detail::cgvhd

/// COMP-CGVHD-001/002/004: chronic GVHD by NIH 2014. Errors: a sign or confirmation set holding a
/// number that is no declared enumerator ("cgvhd_diagnosis.signs", ".confirmed_by").
template <class = void>
[[nodiscard]] result<cgvhd_diagnosis_result> assess_chronic_gvhd_diagnosis(const cgvhd_diagnosis_input& in) {
    result<cgvhd_diagnosis_result> out(std::in_place);
    if (!detail::cgvhd::set_valid(in.signs)) {
        out = detail::cgvhd::set_error(in.signs, "cgvhd_diagnosis.signs", "COMP-CGVHD-002");
        return out;
    }
    if (!detail::cgvhd::set_valid(in.confirmed_by)) {
        out = detail::cgvhd::set_error(in.confirmed_by, "cgvhd_diagnosis.confirmed_by", "COMP-CGVHD-001");
        return out;
    }
    cgvhd_diagnosis_result& r = *out;
    r.confirmed_by = in.confirmed_by;
    // distinctive signs outside the lungs: what lets clinical BOS count (COMP-CGVHD-004)
    std::int64_t distinctive_elsewhere = 0;
    in.signs.for_each([&](cgvhd_sign s) {
        r.sites.insert(site_of(s));
        if (class_of(s) == cgvhd_sign_class::distinctive) {
            r.distinctive_signs.insert(s);
            if (site_of(s) != cgvhd_site::lungs) {
                ++distinctive_elsewhere;
            }
        }
    });
    in.signs.for_each([&](cgvhd_sign s) {
        const bool diagnostic = class_of(s) == cgvhd_sign_class::diagnostic;
        r.criteria.push_back(detail::cgvhd::diagnosis_record(
            diagnostic ? cgvhd_diagnosis_criterion::diagnostic_sign : cgvhd_diagnosis_criterion::distinctive_sign,
            hsct::measure::code(s), true, "COMP-CGVHD-002"));
        if (diagnostic && s != cgvhd_sign::bronchiolitis_obliterans_syndrome) {
            r.diagnostic_signs.insert(s);
        }
    });
    // COMP-CGVHD-004: clinical BOS counts with at least 1 distinctive sign outside the lungs
    if (in.signs.contains(cgvhd_sign::bronchiolitis_obliterans_syndrome)) {
        hsct::criterion<cgvhd_diagnosis_criterion> c;
        c.id = cgvhd_diagnosis_criterion::bos_distinctive_elsewhere;
        c.cmp = hsct::comparator::greater_equal;
        c.threshold = 1.0;
        c.measured = hsct::measure::count(static_cast<double>(distinctive_elsewhere), hsct::count_unit::none);
        c.result = distinctive_elsewhere >= 1 ? hsct::outcome::met : hsct::outcome::not_met;
        c.verified = false;  // [M]
        c.requirement = "COMP-CGVHD-004";
        r.criteria.push_back(c);
        if (distinctive_elsewhere >= 1) {
            r.diagnostic_signs.insert(cgvhd_sign::bronchiolitis_obliterans_syndrome);
        } else {
            r.bos_needs_biopsy = true;
        }
    }
    const bool any_diagnostic = !r.diagnostic_signs.empty();
    const bool any_distinctive = !r.distinctive_signs.empty();
    bool confirmed = false;
    if (!any_diagnostic && any_distinctive) {
        confirmed = !in.confirmed_by.empty();
        if (confirmed) {
            in.confirmed_by.for_each([&](cgvhd_confirmation k) {
                r.criteria.push_back(detail::cgvhd::diagnosis_record(cgvhd_diagnosis_criterion::confirmation,
                                                              hsct::measure::code(k), true, "COMP-CGVHD-001"));
            });
        } else {
            r.criteria.push_back(detail::cgvhd::diagnosis_record(cgvhd_diagnosis_criterion::confirmation,
                                                          hsct::measure::flag(false), false, "COMP-CGVHD-001"));
        }
    }
    if (any_diagnostic) {
        r.basis = cgvhd_diagnosis_basis::diagnostic_sign;
    } else if (confirmed) {
        r.basis = cgvhd_diagnosis_basis::confirmed_distinctive_sign;
    }
    if (r.basis == cgvhd_diagnosis_basis::none) {
        r.status = any_distinctive || r.bos_needs_biopsy ? cgvhd_diagnosis_status::needs_confirmation
                                                         : cgvhd_diagnosis_status::not_diagnosed;
        return out;
    }
    if (!in.other_causes_excluded) {
        hsct::criterion<cgvhd_diagnosis_criterion> c;
        c.id = cgvhd_diagnosis_criterion::other_causes_excluded;
        c.result = hsct::outcome::unknown;
        c.requirement = "COMP-CGVHD-001";
        c.measured = hsct::measure::missing(cgvhd_diagnosis_field::other_causes_excluded);
        r.criteria.push_back(c);
        r.missing.insert(cgvhd_diagnosis_field::other_causes_excluded);
        r.status = cgvhd_diagnosis_status::exclusion_pending;
        return out;
    }
    r.criteria.push_back(detail::cgvhd::diagnosis_record(cgvhd_diagnosis_criterion::other_causes_excluded,
                                                  hsct::measure::flag(*in.other_causes_excluded),
                                                  *in.other_causes_excluded, "COMP-CGVHD-001"));
    r.status = *in.other_causes_excluded ? cgvhd_diagnosis_status::diagnosed : cgvhd_diagnosis_status::exclusion_pending;
    return out;
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_CHRONIC_GVHD_DIAGNOSIS_HPP
