// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Growth-factor support as the graft-function rules read it: which agent, on which transplant day.
// Secondary graft failure and poor graft function are defined by the support a decline needs
// ("blood products or growth factor support", ASTCT 2021 and the EBMT Handbook 2024 ch. 41
// section 41.2 [V-HB24]); transfusions are in transfusion.hpp, growth factors here.
//
//   using namespace hsct::engraftment;
//   const growth_factor_record given[] = {{hsct::transplant_day::at(90), growth_factor::g_csf}};
//   auto log = make_growth_factor_log(given);     // result<growth_factor_log>
//   log->first_on_or_after(hsct::transplant_day::at(60));   // D+90
//
// ENG-SUPPORT-001: a record names its agent and its transplant day; a record without a day, or
// with an undeclared agent, is an error naming it ("growth_factors[2].day"). Records may come in
// any order and repeat on a day. At most 512 records [P], held inline, no allocation.
#ifndef HSCT_ENGRAFTMENT_GROWTH_FACTOR_HPP
#define HSCT_ENGRAFTMENT_GROWTH_FACTOR_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/transplant_day.hpp"
#include "hsct/engraftment/vocabulary.hpp"

namespace hsct::engraftment {

/// ENG-SUPPORT-001: the agent given.
enum class growth_factor : std::uint8_t {
    g_csf = 1,    ///< granulocyte colony-stimulating factor (filgrastim, lenograstim, pegfilgrastim)
    gm_csf = 2,   ///< granulocyte-macrophage colony-stimulating factor (sargramostim)
    esa = 3,      ///< an erythropoiesis-stimulating agent (epoetin, darbepoetin)
    tpo_ra = 4,   ///< a thrombopoietin receptor agonist (eltrombopag, romiplostim)
};

constexpr auto hsct_enum_table(growth_factor) noexcept {
    return make_enum_table<growth_factor>("growth_factor", {
        {growth_factor::g_csf, "g_csf", "G-CSF"},
        {growth_factor::gm_csf, "gm_csf", "GM-CSF"},
        {growth_factor::esa, "esa", "erythropoiesis-stimulating agent"},
        {growth_factor::tpo_ra, "tpo_ra", "thrombopoietin receptor agonist"},
    });
}

/// ENG-SUPPORT-001: one administration as received (its day may be missing in a feed: an error).
struct growth_factor_record {
    std::optional<hsct::transplant_day> day;
    growth_factor agent = growth_factor::g_csf;
};

inline constexpr std::size_t growth_factors_max = 512;

class growth_factor_log;
/// ENG-SUPPORT-001: the log of a set of records (any order). Errors: a record without a day
/// (missing, "growth_factors[i].day"), an undeclared agent ("growth_factors[i].agent"), more than
/// 512 records (out_of_range, "growth_factors").
template <class = void>
[[nodiscard]] result<growth_factor_log> make_growth_factor_log(std::span<const growth_factor_record> records);

/// ENG-SUPPORT-001: the days growth factors were given, sorted, with their agents.
class growth_factor_log {
public:
    growth_factor_log() noexcept {}  // NOLINT(modernize-use-equals-default): the list stays unwritten
    /// Every administration, by day (a day may repeat).
    [[nodiscard]] std::span<const growth_factor_record> records() const noexcept {
        return {records_.begin(), records_.size()};
    }
    /// The first administration of any agent on or after `d`, if any.
    [[nodiscard]] std::optional<growth_factor_record> first_on_or_after(hsct::transplant_day d) const noexcept {
        const auto all = records();
        const auto it = std::lower_bound(all.begin(), all.end(), d,
                                         [](const growth_factor_record& r, hsct::transplant_day x) { return *r.day < x; });
        if (it == all.end()) {
            return std::nullopt;
        }
        return *it;
    }

private:
    template <class>
    friend result<growth_factor_log> make_growth_factor_log(std::span<const growth_factor_record>);
    hsct::fixed_list<growth_factor_record, growth_factors_max> records_;
};

template <class>
result<growth_factor_log> make_growth_factor_log(std::span<const growth_factor_record> records) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<growth_factor_log> out(std::in_place);
    if (records.size() > growth_factors_max) {
        out = error(errc::out_of_range, "growth_factors", std::to_string(records.size()), "at most 512 records",
                    "ENG-SUPPORT-001");
        return out;
    }
    growth_factor_log& log = *out;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        if (!r.day) {
            out = error(errc::missing, hsct::detail::concat({"growth_factors[", std::to_string(i), "].day"}), "",
                        "the transplant day of the administration", "ENG-SUPPORT-001");
            return out;
        }
        if (auto e = hsct::detail::check_enum(r.agent, "agent")) {
            out = hsct::with_field(*e,
                                   hsct::detail::concat({"growth_factors[", std::to_string(i), "].agent"}));
            return out;
        }
        log.records_.push_back(r);
    }
    // by day, then agent (std::sort: stable_sort may allocate a buffer)
    std::sort(log.records_.begin(), log.records_.end(), [](const growth_factor_record& a, const growth_factor_record& b) {
        return *a.day != *b.day ? *a.day < *b.day : a.agent < b.agent;
    });
    return out;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_GROWTH_FACTOR_HPP
