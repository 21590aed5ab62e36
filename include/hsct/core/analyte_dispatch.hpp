// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Lab analytes chosen at run time: by analyte_id (e.g. a number from storage) or by LOINC code
// (e.g. an HL7 OBX segment), read into an analyte_value (a std::variant of the analyte types).
//
//   auto v = hsct::from_lab("777-3", 150.0, "10*3/uL");    // result<analyte_value>: platelets
//   auto id = hsct::analyte_for_loinc("1975-2");           // optional: analyte_id::bilirubin
//
// This dispatch instantiates from_lab for every analyte, so it lives apart from the typed
// analytes of <hsct/core/analyte.hpp>: a translation unit that only reads typed values does not
// pay for it.
#ifndef HSCT_CORE_ANALYTE_DISPATCH_HPP
#define HSCT_CORE_ANALYTE_DISPATCH_HPP

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "hsct/core/analyte.hpp"
#include "hsct/core/config.hpp"
#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/result.hpp"

namespace hsct {

/// Any one analyte value, for pipelines where the analyte is known only at run time.
using analyte_value = std::variant<bilirubin, creatinine, albumin, haemoglobin, ldh, anc, wbc,
                                   platelets, lymphocytes, ast, alt>;

namespace detail {
template <class F>
constexpr decltype(auto) with_analyte_type(analyte_id id, F&& f) {
    switch (id) {
        case analyte_id::bilirubin: return f(bilirubin{});
        case analyte_id::creatinine: return f(creatinine{});
        case analyte_id::albumin: return f(albumin{});
        case analyte_id::haemoglobin: return f(haemoglobin{});
        case analyte_id::ldh: return f(ldh{});
        case analyte_id::anc: return f(anc{});
        case analyte_id::wbc: return f(wbc{});
        case analyte_id::platelets: return f(platelets{});
        case analyte_id::lymphocytes: return f(lymphocytes{});
        case analyte_id::ast: return f(ast{});
        case analyte_id::alt: return f(alt{});
    }
    HSCT_EXPECTS(false, "with_analyte_type: analyte_id out of range");
    return f(bilirubin{});
}
}  // namespace detail

/// The analyte with a stored number, e.g. from a database. Error: not one of 1-11
/// (the same as make_enum<analyte_id>).
[[nodiscard]] inline result<analyte_id> make_analyte_id(long long number,
                                                        field_ref field = "analyte_id") {
    return make_enum<analyte_id>(number, field);
}

/// The analyte_info of an analyte chosen at run time. Precondition (contract): is_valid(id);
/// a number read from storage goes through make_analyte_id first.
[[nodiscard]] inline const analyte_info& info_of(analyte_id id) {
    switch (id) {
        case analyte_id::bilirubin: return detail::bilirubin_info;
        case analyte_id::creatinine: return detail::creatinine_info;
        case analyte_id::albumin: return detail::albumin_info;
        case analyte_id::haemoglobin: return detail::haemoglobin_info;
        case analyte_id::ldh: return detail::ldh_info;
        case analyte_id::anc: return detail::anc_info;
        case analyte_id::wbc: return detail::wbc_info;
        case analyte_id::platelets: return detail::platelets_info;
        case analyte_id::lymphocytes: return detail::lymphocytes_info;
        case analyte_id::ast: return detail::ast_info;
        case analyte_id::alt: return detail::alt_info;
    }
    HSCT_EXPECTS(false, "info_of: analyte_id is not a declared analyte");
    return detail::bilirubin_info;
}

/// The analyte a LOINC code denotes, if hsct maps it (e.g. "1975-2" -> bilirubin).
[[nodiscard]] inline std::optional<analyte_id> analyte_for_loinc(std::string_view code) {
    const std::string_view c = detail::trim(code);
    if (c.empty()) {
        return std::nullopt;
    }
    for (const analyte_info* info :
         {&detail::bilirubin_info, &detail::creatinine_info, &detail::albumin_info,
          &detail::haemoglobin_info, &detail::ldh_info, &detail::anc_info, &detail::wbc_info,
          &detail::platelets_info, &detail::lymphocytes_info, &detail::ast_info,
          &detail::alt_info}) {
        const analyte_id id = info->id;
        for (const std::string_view l : info->loinc) {
            if (!l.empty() && l == c) {
                return id;
            }
        }
    }
    return std::nullopt;
}

/// from_lab for an analyte chosen at run time.
[[nodiscard]] inline result<analyte_value> from_lab(analyte_id id, double value,
                                                    std::string_view unit_text) {
    if (auto e = detail::check_enum(id, "analyte_id")) {
        return *e;
    }
    // The steps of from_lab<A>(value, unit_text), through the canonical number, so that no
    // result<A> is instantiated for each of the eleven analytes (each costs compile time).
    return detail::with_analyte_type(id, [&](auto a) -> result<analyte_value> {
        using A = decltype(a);
        const auto unit = find_unit_for<A>(unit_text, A::info().name);
        if (!unit) {
            return unit.error();
        }
        auto stored =
            detail::checked_canonical<A>(value, *unit, default_range<A>(), A::info().name);
        if (!stored) {
            return std::move(stored).error();
        }
        return analyte_value(std::in_place_type<A>, A(*stored, canonical_unit_t<A>{}));
    });
}

/// from_lab keyed by LOINC code, as an HL7 OBX segment carries it. A code hsct does not map
/// is errc::not_allowed with field "loinc".
[[nodiscard]] inline result<analyte_value> from_lab(std::string_view loinc, double value,
                                                    std::string_view unit_text) {
    const auto id = analyte_for_loinc(loinc);
    if (!id) {
        return error(errc::not_allowed, "loinc", detail::quote_input(loinc),
                     "a LOINC code hsct maps to an analyte (see docs/core.md)");
    }
    return from_lab(*id, value, unit_text);
}

}  // namespace hsct

#endif  // HSCT_CORE_ANALYTE_DISPATCH_HPP
