// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Lab analytes: each is its own type with its own units, its own conversion factor between
// mass and molar units, a plausible range that rejects unit mix-ups and garbage, and its
// LOINC codes. A value converts exactly once, at the edge, with the analyte's own factor.
//
//   auto bili = hsct::from_lab<hsct::bilirubin>(41.0, "umol/L");   // result<bilirubin>
//   if (bili) { double mg_dl = bili->in(hsct::units::mg_per_dl); }   // 2.397...
//   hsct::anc n(500.0, hsct::units::per_ul);                         // 0.5 x10^9/L
//
// `anc + platelets` does not compile: each analyte is a distinct type. Choosing an analyte at
// run time (by analyte_id or LOINC code, into a std::variant) is in
// <hsct/core/analyte_dispatch.hpp>, so that a TU that reads typed values does not compile it.
#ifndef HSCT_CORE_ANALYTE_HPP
#define HSCT_CORE_ANALYTE_HPP

#include <array>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

#include "hsct/core/enum.hpp"
#include "hsct/core/number_format.hpp"
#include "hsct/core/quantity.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"

namespace hsct {

/// The analytes hsct knows. The numbers are stable.
enum class analyte_id : std::uint8_t {
    bilirubin = 1,
    creatinine = 2,
    albumin = 3,
    haemoglobin = 4,
    ldh = 5,
    anc = 6,
    wbc = 7,
    platelets = 8,
    lymphocytes = 9,
    ast = 10,
    alt = 11,
};

constexpr auto hsct_enum_table(analyte_id) noexcept {
    return make_enum_table<analyte_id>("analyte_id", {
        {analyte_id::bilirubin, "bilirubin", "bilirubin"},
        {analyte_id::creatinine, "creatinine", "creatinine"},
        {analyte_id::albumin, "albumin", "albumin"},
        {analyte_id::haemoglobin, "haemoglobin", "haemoglobin"},
        {analyte_id::ldh, "ldh", "LDH"},
        {analyte_id::anc, "anc", "ANC"},
        {analyte_id::wbc, "wbc", "WBC"},
        {analyte_id::platelets, "platelets", "platelets"},
        {analyte_id::lymphocytes, "lymphocytes", "lymphocytes"},
        {analyte_id::ast, "ast", "AST"},
        {analyte_id::alt, "alt", "ALT"},
    });
}

/// Everything hsct states about one analyte. Every number here is traceable: see the
/// requirement IDs and docs/traceability.md.
struct analyte_info {
    analyte_id id;
    std::string_view name;         ///< the field name used in errors, e.g. "bilirubin"
    std::string_view description;  ///< e.g. "total bilirubin in serum or plasma"
    std::string_view requirement;  ///< requirement ID of the conversion and range rules
    /// umol/L per one canonical unit; 0 when hsct offers no molar form for the analyte.
    double umol_per_l_per_canonical;
    /// CORE-ANALYTE-PLAUS: plausible range in the canonical unit (closed). A library policy to catch unit
    /// mix-ups and garbage, not a clinical reference range; see docs/core.md.
    double plausible_lo;
    double plausible_hi;
    /// CORE-LOINC: LOINC codes hsct maps to this analyte; the first is the primary (mass or count) code.
    std::array<std::string_view, 3> loinc;
    /// CORE-DISPLAY-001 (policy): decimals shown to clinicians in the canonical unit.
    int display_decimals;
};

namespace detail {

// --- Conversion factors -------------------------------------------------------------------
// CORE-ANALYTE-001 bilirubin: 1 mg/dL = 17.1 umol/L (molar mass 584.66 g/mol gives 17.104;
//   17.1 is the factor of the SI conversion tables: Young DS, Ann Intern Med 1987;106:114-129;
//   AMA Manual of Style SI table).
inline constexpr double bilirubin_umol_per_mg_dl = 17.1;
// CORE-ANALYTE-002 creatinine: 1 mg/dL = 88.4 umol/L (molar mass 113.12 g/mol gives 88.40;
//   Young 1987; UCSF Laboratory Medicine manual).
inline constexpr double creatinine_umol_per_mg_dl = 88.4;
// CORE-ANALYTE-004 haemoglobin: 1 g/dL = 0.6206 mmol/L on the monomer basis Hb(Fe)
//   (16 114.5 g/mol, ICSH 1995, Zwart et al. J Clin Pathol 1996;49:271-274), as reported by
//   laboratories in the Netherlands and Germany (IQTIG specification). Not the tetramer
//   basis (0.155), which hsct does not offer.
inline constexpr double haemoglobin_umol_per_g_dl = 620.6;

template <class A>
struct analyte_traits_of;

/// The traits shared by all analytes. A is the analyte type, Base the quantity whose units it
/// takes, Canonical the unit it is stored and printed in, Info its analyte_info.
template <class A, class Base, class Canonical, const analyte_info& Info>
struct analyte_traits {
    using canonical_unit = Canonical;
    using base_quantity = Base;
    static constexpr const analyte_info& info = Info;
    static constexpr std::string_view name = Info.name;
    static constexpr int display_decimals = Info.display_decimals;
    static constexpr bool has_molar = Info.umol_per_l_per_canonical > 0.0;

    template <class U>
    static constexpr bool accepts =
        std::same_as<typename U::quantity, Base> ||
        (has_molar && std::same_as<typename U::quantity, molar_concentration>);

    static constexpr bool accepts_dimension(dimension d) noexcept {
        return d == Canonical::info.dim || (has_molar && d == dimension::molar_concentration);
    }

    static constexpr double to_stored(double v, const unit_info& u) noexcept {
        if (same_scale(u, Canonical::info)) {
            return v;
        }
        if (u.dim == dimension::molar_concentration) {
            return to_canonical(v, u) / Info.umol_per_l_per_canonical;
        }
        return from_canonical(to_canonical(v, u), Canonical::info);
    }

    HSCT_ALWAYS_INLINE static constexpr double from_stored(double v, const unit_info& u) noexcept {
        if (same_scale(u, Canonical::info)) {
            return v;
        }
        if (u.dim == dimension::molar_concentration) {
            return from_canonical(v * Info.umol_per_l_per_canonical, u);
        }
        return from_canonical(to_canonical(v, Canonical::info), u);
    }

    static constexpr valid_range<A> default_range() noexcept {
        return {A(Info.plausible_lo, Canonical{}), A(Info.plausible_hi, Canonical{})};
    }
};

// --- The analytes -----------------------------------------------------------------------
// Plausible ranges (CORE-ANALYTE-PLAUS-*) are hsct policy: wide enough for every real
// patient value reported in the literature we checked. They refuse garbage and the gross unit
// mix-ups (300 umol/L of bilirubin sent as mg/dL; 20 000 platelets/uL sent as x10^9/L), but
// not every mix-up: a count sent as cells/uL but labelled x10^9/L can still be plausible (an
// ANC of 300 x10^9/L is refused only above 1000). A range is no substitute for the right unit
// on the message. docs/core.md gives the reasoning per analyte.

inline constexpr analyte_info bilirubin_info{
    analyte_id::bilirubin, "bilirubin", "total bilirubin in serum or plasma",
    "CORE-ANALYTE-001", bilirubin_umol_per_mg_dl, 0.0, 100.0,
    {"1975-2", "14631-6", ""}, 1};
inline constexpr analyte_info creatinine_info{
    analyte_id::creatinine, "creatinine", "creatinine in serum or plasma",
    "CORE-ANALYTE-002", creatinine_umol_per_mg_dl, 0.0, 40.0,
    {"2160-0", "14682-9", ""}, 2};
inline constexpr analyte_info albumin_info{
    analyte_id::albumin, "albumin", "albumin in serum or plasma",
    "CORE-ANALYTE-003", 0.0, 0.0, 10.0,
    {"1751-7", "61151-7", "61152-5"}, 1};
inline constexpr analyte_info haemoglobin_info{
    analyte_id::haemoglobin, "haemoglobin", "haemoglobin in blood",
    "CORE-ANALYTE-004", haemoglobin_umol_per_g_dl, 0.0, 30.0,
    {"718-7", "59260-0", ""}, 1};
inline constexpr analyte_info ldh_info{
    analyte_id::ldh, "ldh", "lactate dehydrogenase activity in serum or plasma",
    "CORE-ANALYTE-005", 0.0, 0.0, 100000.0,
    {"2532-0", "14804-9", ""}, 0};
inline constexpr analyte_info anc_info{
    analyte_id::anc, "anc", "absolute neutrophil count in blood",
    "CORE-ANALYTE-006", 0.0, 0.0, 1000.0,
    {"751-8", "753-4", "26499-4"}, 2};
inline constexpr analyte_info wbc_info{
    analyte_id::wbc, "wbc", "leukocyte count in blood",
    "CORE-ANALYTE-007", 0.0, 0.0, 2000.0,
    {"6690-2", "", ""}, 2};
inline constexpr analyte_info platelets_info{
    analyte_id::platelets, "platelets", "platelet count in blood",
    "CORE-ANALYTE-008", 0.0, 0.0, 5000.0,
    {"777-3", "", ""}, 0};
inline constexpr analyte_info lymphocytes_info{
    analyte_id::lymphocytes, "lymphocytes", "absolute lymphocyte count in blood",
    "CORE-ANALYTE-009", 0.0, 0.0, 2000.0,
    {"731-0", "", ""}, 2};

inline constexpr analyte_info ast_info{
    analyte_id::ast, "ast", "aspartate aminotransferase activity in serum or plasma",
    "CORE-ANALYTE-010", 0.0, 0.0, 50000.0,
    {"1920-8", "", ""}, 0};
inline constexpr analyte_info alt_info{
    analyte_id::alt, "alt", "alanine aminotransferase activity in serum or plasma",
    "CORE-ANALYTE-011", 0.0, 0.0, 50000.0,
    {"1742-6", "", ""}, 0};

}  // namespace detail

// NOLINTBEGIN(bugprone-macro-parentheses): `type` names the class declared, not an expression
#define HSCT_DEFINE_ANALYTE(type)                                                      \
    class type : public detail::quantity_base<type> {                                  \
    public:                                                                            \
        using quantity_base::quantity_base;                                            \
        /** What hsct states about this analyte (factor, range, LOINC). */             \
        [[nodiscard]] static constexpr const analyte_info& info() noexcept {          \
            return detail::type##_info;                                                \
        }                                                                              \
    }
// NOLINTEND(bugprone-macro-parentheses)

/// Total bilirubin (mg/dL; umol/L with 17.1 umol/L per mg/dL). CORE-ANALYTE-001.
HSCT_DEFINE_ANALYTE(bilirubin);
/// Serum creatinine (mg/dL; umol/L with 88.4 umol/L per mg/dL). CORE-ANALYTE-002.
HSCT_DEFINE_ANALYTE(creatinine);
/// Serum albumin (g/dL, g/L). CORE-ANALYTE-003.
HSCT_DEFINE_ANALYTE(albumin);
/// Haemoglobin (g/dL, g/L; mmol/L on the monomer basis). CORE-ANALYTE-004.
HSCT_DEFINE_ANALYTE(haemoglobin);
/// Lactate dehydrogenase activity (U/L, ukat/L). CORE-ANALYTE-005.
HSCT_DEFINE_ANALYTE(ldh);
/// Absolute neutrophil count (x10^9/L, x10^3/uL, /uL). CORE-ANALYTE-006.
HSCT_DEFINE_ANALYTE(anc);
/// White blood cell (leukocyte) count (x10^9/L, x10^3/uL, /uL). CORE-ANALYTE-007.
HSCT_DEFINE_ANALYTE(wbc);
/// Platelet count (x10^9/L, x10^3/uL, /uL). CORE-ANALYTE-008.
HSCT_DEFINE_ANALYTE(platelets);
/// Absolute lymphocyte count (x10^9/L, x10^3/uL, /uL). CORE-ANALYTE-009.
HSCT_DEFINE_ANALYTE(lymphocytes);
/// Aspartate aminotransferase (AST) activity (U/L, ukat/L). CORE-ANALYTE-010.
HSCT_DEFINE_ANALYTE(ast);
/// Alanine aminotransferase (ALT) activity (U/L, ukat/L). CORE-ANALYTE-011.
HSCT_DEFINE_ANALYTE(alt);

#undef HSCT_DEFINE_ANALYTE

/// The American spelling, for those who prefer it.
using hemoglobin = haemoglobin;

namespace detail {
template <>
struct quantity_traits<bilirubin>
    : analyte_traits<bilirubin, mass_concentration, units::mg_per_dl_t, bilirubin_info> {};
template <>
struct quantity_traits<creatinine>
    : analyte_traits<creatinine, mass_concentration, units::mg_per_dl_t, creatinine_info> {};
template <>
struct quantity_traits<albumin>
    : analyte_traits<albumin, mass_concentration, units::g_per_dl_t, albumin_info> {};
template <>
struct quantity_traits<haemoglobin>
    : analyte_traits<haemoglobin, mass_concentration, units::g_per_dl_t, haemoglobin_info> {};
template <>
struct quantity_traits<ldh>
    : analyte_traits<ldh, catalytic_concentration, units::u_per_l_t, ldh_info> {};
template <>
struct quantity_traits<anc>
    : analyte_traits<anc, cell_concentration, units::giga_per_l_t, anc_info> {};
template <>
struct quantity_traits<wbc>
    : analyte_traits<wbc, cell_concentration, units::giga_per_l_t, wbc_info> {};
template <>
struct quantity_traits<platelets>
    : analyte_traits<platelets, cell_concentration, units::giga_per_l_t, platelets_info> {};
template <>
struct quantity_traits<lymphocytes>
    : analyte_traits<lymphocytes, cell_concentration, units::giga_per_l_t, lymphocytes_info> {};
template <>
struct quantity_traits<ast> : analyte_traits<ast, catalytic_concentration, units::u_per_l_t, ast_info> {};
template <>
struct quantity_traits<alt> : analyte_traits<alt, catalytic_concentration, units::u_per_l_t, alt_info> {};
}  // namespace detail

/// A is one of hsct's lab analyte types.
template <class A>
concept analyte = quantity<A> && requires {
    { A::info() } -> std::same_as<const analyte_info&>;
};

/// Reads a lab value as labs send it: a number and a unit string (UCUM such as "umol/L",
/// "10*9/L", "/uL", or a printed form such as "µmol/L", "x10^9/L", "K/uL").
/// Errors (field = the analyte's name): unknown_unit, wrong_dimension (a unit of another
/// kind, e.g. mg/dL for a count), not_finite (NaN, infinity), out_of_range (outside the
/// plausible range, which also refuses negative values). Nothing is clamped.
template <analyte A>
[[nodiscard]] result<A> from_lab(double value, std::string_view unit_text) {
    const auto unit = find_unit_for<A>(unit_text, A::info().name);
    if (!unit) {
        return unit.error();
    }
    return make_checked<A>(value, *unit, default_range<A>(), A::info().name);
}

/// Reads a lab value whose number is also text, e.g. from_lab<anc>("0.5", "10*9/L"). The
/// number is read under `convention` (CORE-TEXT-001, see read_number): by default a decimal
/// point and no thousands separator, so "1,250" is a syntax error on the number that says ','
/// is ambiguous; from_lab<anc>("1.250", "/uL", {.decimal = decimal_mark::comma,
/// .grouping = group_separator::period}) reads 1250 /uL. Errors: those of read_number (a value
/// too large for a double is out_of_range, with the plausible range), then those above.
template <analyte A>
[[nodiscard]] result<A> from_lab(std::string_view value_text, std::string_view unit_text,
                                 const number_convention& convention = {}) {
    if (auto e = detail::check_convention(convention)) {
        return *e;
    }
    const auto v = read_number(value_text, convention, A::info().name);
    if (!v && v.error().code() == errc::out_of_range) {
        return error(errc::out_of_range, std::string(A::info().name),
                     detail::quote_input(detail::trim(value_text)),
                     to_string(default_range<A>()));
    }
    if (!v) {
        return v.error();
    }
    return from_lab<A>(*v, unit_text);
}

}  // namespace hsct

#endif  // HSCT_CORE_ANALYTE_HPP
