// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Transfusions as the engraftment rules read them: which blood product, on which transplant day.
//
//   using namespace hsct::engraftment;
//   const transfusion_record given[] = {{hsct::transplant_day::at(0), blood_product::platelets}};
//   auto log = make_transfusion_log(given);          // result<transfusion_log>
//   log->last_on_or_before(blood_product::platelets, hsct::transplant_day::at(6));   // D0
//
// ENG-TX-001: a transfusion record names its product (platelets or red cells) and its transplant
// day; a record without a day, or with an undeclared product, is an error naming it
// ("transfusions[2].day"). Records may come in any order and twice on a day (both kept: a day
// with a transfusion is what the rules read). At most 512 records [P], held inline.
#ifndef HSCT_ENGRAFTMENT_TRANSFUSION_HPP
#define HSCT_ENGRAFTMENT_TRANSFUSION_HPP

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

/// ENG-TX-001: the product transfused.
enum class blood_product : std::uint8_t {
    platelets = 1,
    red_cells = 2,
};

constexpr auto hsct_enum_table(blood_product) noexcept {
    return make_enum_table<blood_product>("blood_product", {
        {blood_product::platelets, "platelets", "platelet transfusion"},
        {blood_product::red_cells, "red_cells", "red-cell transfusion"},
    });
}

/// ENG-TX-001: one transfusion as received (its day may be missing in a feed: an error).
struct transfusion_record {
    std::optional<hsct::transplant_day> day;
    blood_product product = blood_product::platelets;
};

inline constexpr std::size_t transfusions_max = 512;

class transfusion_log;
/// ENG-TX-001: the log of a set of records (any order). Errors: a record without a day
/// (missing, "transfusions[i].day"), an undeclared product ("transfusions[i].product"), more than
/// 512 records (out_of_range, "transfusions").
template <class = void>
[[nodiscard]] result<transfusion_log> make_transfusion_log(std::span<const transfusion_record> records);

/// ENG-TX-001: the transfusion days of each product, sorted.
class transfusion_log {
public:
    transfusion_log() noexcept {}  // NOLINT(modernize-use-equals-default): the lists stay unwritten
    /// The days of a product's transfusions, ascending (a day may repeat).
    [[nodiscard]] std::span<const hsct::transplant_day> days(blood_product p) const noexcept {
        const auto& l = p == blood_product::platelets ? platelets_ : red_cells_;
        return {l.begin(), l.size()};
    }
    /// The latest transfusion of a product on or before `d`, if any.
    [[nodiscard]] std::optional<hsct::transplant_day> last_on_or_before(blood_product p,
                                                                       hsct::transplant_day d) const noexcept {
        const auto all = days(p);
        const auto it = std::upper_bound(all.begin(), all.end(), d);
        if (it == all.begin()) {
            return std::nullopt;
        }
        return *(it - 1);
    }
    /// The first transfusion of a product on or after `d`, if any.
    [[nodiscard]] std::optional<hsct::transplant_day> first_on_or_after(blood_product p,
                                                                       hsct::transplant_day d) const noexcept {
        const auto all = days(p);
        const auto it = std::lower_bound(all.begin(), all.end(), d);
        if (it == all.end()) {
            return std::nullopt;
        }
        return *it;
    }

private:
    template <class>
    friend result<transfusion_log> make_transfusion_log(std::span<const transfusion_record>);
    hsct::fixed_list<hsct::transplant_day, transfusions_max> platelets_;
    hsct::fixed_list<hsct::transplant_day, transfusions_max> red_cells_;
};

template <class>
result<transfusion_log> make_transfusion_log(std::span<const transfusion_record> records) {
    // Built where it is returned: one object, returned from every path (conventions section 5).
    result<transfusion_log> out(std::in_place);
    if (records.size() > transfusions_max) {
        out = error(errc::out_of_range, "transfusions", std::to_string(records.size()), "at most 512 records",
                    "ENG-TX-001");
        return out;
    }
    transfusion_log& log = *out;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        if (!r.day) {
            out = error(errc::missing, hsct::detail::concat({"transfusions[", std::to_string(i), "].day"}), "",
                        "the transplant day of the transfusion", "ENG-TX-001");
            return out;
        }
        if (auto e = hsct::detail::check_enum(r.product, "product")) {
            out = hsct::with_field(*e, hsct::detail::concat({"transfusions[", std::to_string(i), "].product"}));
            return out;
        }
        (r.product == blood_product::platelets ? log.platelets_ : log.red_cells_).push_back(*r.day);
    }
    std::sort(log.platelets_.begin(), log.platelets_.end());
    std::sort(log.red_cells_.begin(), log.red_cells_.end());
    return out;
}

}  // namespace hsct::engraftment

#endif  // HSCT_ENGRAFTMENT_TRANSFUSION_HPP
