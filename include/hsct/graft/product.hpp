// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// A cellular therapy product as the processing laboratory describes it: where the cells come
// from, for whom, fresh or cryopreserved, how it was manipulated, its volume, and its measured
// counts, with the counts at collection (before freezing) and after thawing kept apart.
//
//   using namespace hsct::graft;
//   product_input in;
//   in.source = product_source::peripheral_blood;
//   in.use = product_use::autologous;
//   in.state = preservation::cryopreserved;
//   in.volume = hsct::volume(250, hsct::units::mL);
//   in.at_collection.cd34 = hsct::cell_count(420, hsct::units::e6_cells);
//   in.at_collection.tnc = hsct::cell_count(45, hsct::units::e9_cells);
//   auto p = make_product(in);               // result<product>, every count checked
//
// GRAFT-PROD-001: the description (source: bone marrow, peripheral blood, cord blood; use:
// autologous or allogeneic; fresh or cryopreserved; manipulations: CD34 selection, T-cell
// depletion, red-cell and plasma reduction, any set of them) and the volume, above 0 and at most
// 5,000 mL (hsct's plausibility bound [P]; a marrow harvest is at most a few litres).
// GRAFT-PROD-002: counts at a point (TNC, CD34+, CD3+ as cells; nucleated-cell viability in %;
// red-cell volume): each optional, finite, at least 0 and at most 10^13 cells (hsct's
// plausibility bound [P]: a whole marrow harvest holds a few 10^10); CD34+ and CD3+ at most the
// TNC they are part of; viability 0-100 %; red-cell volume at most the product's volume.
// GRAFT-PROD-003: counts after thawing exist only for a cryopreserved product, and a product
// in hsct's model is never both: the collection counts stay what they were.
#ifndef HSCT_GRAFT_PRODUCT_HPP
#define HSCT_GRAFT_PRODUCT_HPP

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "hsct/core/detail/text.hpp"
#include "hsct/core/enum.hpp"
#include "hsct/core/explain.hpp"
#include "hsct/core/result.hpp"
#include "hsct/core/units.hpp"
#include "hsct/graft/isbt128.hpp"
#include "hsct/graft/vocabulary.hpp"

namespace hsct::graft {

/// GRAFT-PROD-001: where the cells were collected.
enum class product_source : std::uint8_t { bone_marrow = 1, peripheral_blood = 2, cord_blood = 3 };

constexpr auto hsct_enum_table(product_source) noexcept {
    return make_enum_table<product_source>("product_source", {
        {product_source::bone_marrow, "bone_marrow", "bone marrow (HPC, Marrow)"},
        {product_source::peripheral_blood, "peripheral_blood", "peripheral blood (HPC, Apheresis)"},
        {product_source::cord_blood, "cord_blood", "cord blood (HPC, Cord Blood)"},
    });
}

/// GRAFT-PROD-001: for whom.
enum class product_use : std::uint8_t { autologous = 1, allogeneic = 2 };

constexpr auto hsct_enum_table(product_use) noexcept {
    return make_enum_table<product_use>("product_use", {
        {product_use::autologous, "autologous", "autologous"},
        {product_use::allogeneic, "allogeneic", "allogeneic"},
    });
}

/// GRAFT-PROD-001: fresh or cryopreserved.
enum class preservation : std::uint8_t { fresh = 1, cryopreserved = 2 };

constexpr auto hsct_enum_table(preservation) noexcept {
    return make_enum_table<preservation>("preservation", {
        {preservation::fresh, "fresh", "fresh"},
        {preservation::cryopreserved, "cryopreserved", "cryopreserved"},
    });
}

/// GRAFT-PROD-001: a manipulation of the product (none is the empty set).
enum class manipulation : std::uint8_t {
    cd34_selection = 1,
    t_cell_depletion = 2,
    red_cell_reduction = 3,
    plasma_reduction = 4,
};

constexpr auto hsct_enum_table(manipulation) noexcept {
    return make_enum_table<manipulation>("manipulation", {
        {manipulation::cd34_selection, "cd34_selection", "CD34+ selection"},
        {manipulation::t_cell_depletion, "t_cell_depletion", "T-cell depletion"},
        {manipulation::red_cell_reduction, "red_cell_reduction", "red-cell reduction"},
        {manipulation::plasma_reduction, "plasma_reduction", "plasma reduction"},
    });
}

/// GRAFT-PROD-002: when counts were measured.
enum class count_point : std::uint8_t {
    collection = 1,  ///< the fresh product, before any freezing
    post_thaw = 2,   ///< after thawing a cryopreserved product
};

constexpr auto hsct_enum_table(count_point) noexcept {
    return make_enum_table<count_point>("count_point", {
        {count_point::collection, "collection", "at collection (before freezing)"},
        {count_point::post_thaw, "post_thaw", "after thawing"},
    });
}

/// GRAFT-PROD-002: counts measured at one point; each optional (missing is not 0).
struct cell_counts {
    std::optional<hsct::cell_count> tnc;       ///< total nucleated cells
    std::optional<hsct::cell_count> cd34;      ///< CD34+ cells
    std::optional<hsct::cell_count> cd3;       ///< CD3+ (T) cells
    std::optional<hsct::percent> viability;    ///< nucleated-cell viability
    std::optional<hsct::volume> red_cell_volume;
    friend constexpr bool operator==(const cell_counts&, const cell_counts&) noexcept = default;
};

/// GRAFT-PROD-001..003: what make_product checks.
struct product_input {
    product_source source = product_source::peripheral_blood;
    product_use use = product_use::autologous;
    preservation state = preservation::fresh;
    hsct::enum_set<manipulation> manipulations{};
    hsct::volume volume{};
    cell_counts at_collection{};
    std::optional<cell_counts> post_thaw{};
};

/// GRAFT-PROD-001/002: plausibility bounds [P].
inline constexpr hsct::volume product_volume_max{5000.0, hsct::units::mL};
inline constexpr hsct::cell_count product_cells_max{1e13, hsct::units::cells};

class product;
/// GRAFT-PROD-001..003: a product from its description and counts, checked. Errors name the
/// field ("product.volume", "product.at_collection.cd34", "product.post_thaw", ...), the value
/// and what is valid.
template <class = void>
[[nodiscard]] result<product> make_product(const product_input& in);

/// GRAFT-PROD-001..003: a product, checked (made only by make_product).
class product {
public:
    [[nodiscard]] product_source source() const noexcept { return in_.source; }
    [[nodiscard]] product_use use() const noexcept { return in_.use; }
    [[nodiscard]] preservation state() const noexcept { return in_.state; }
    [[nodiscard]] const hsct::enum_set<manipulation>& manipulations() const noexcept { return in_.manipulations; }
    [[nodiscard]] hsct::volume volume() const noexcept { return in_.volume; }
    /// The counts at a point; nullopt after thawing when the product was not thawed and counted.
    [[nodiscard]] const std::optional<cell_counts>& post_thaw() const noexcept { return in_.post_thaw; }
    [[nodiscard]] const cell_counts& at_collection() const noexcept { return in_.at_collection; }
    [[nodiscard]] const cell_counts* counts(count_point p) const noexcept {
        return p == count_point::collection ? &in_.at_collection : (in_.post_thaw ? &*in_.post_thaw : nullptr);
    }
    [[nodiscard]] const product_input& input() const noexcept { return in_; }

private:
    template <class>
    friend result<product> make_product(const product_input&);
    explicit product(const product_input& in) noexcept : in_(in) {}
    product_input in_;
};

namespace detail {
template <class = void>
[[nodiscard]] std::optional<error> check_counts(const cell_counts& c, hsct::volume product_volume, const char* at) {
    const auto field = [at](const char* leaf) { return hsct::detail::concat({"product.", at, ".", leaf}); };
    const auto check_cells = [&](const std::optional<hsct::cell_count>& n, const char* leaf) -> std::optional<error> {
        if (!n) {
            return std::nullopt;
        }
        const double v = n->in(hsct::units::cells);
        if (!std::isfinite(v) || v < 0.0 || v > product_cells_max.in(hsct::units::cells)) {
            return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field(leaf),
                         hsct::detail::concat({hsct::detail::format_number(v), " cells"}),
                         "0 to 1e+13 cells (hsct's plausibility bound [P])", "GRAFT-PROD-002");
        }
        return std::nullopt;
    };
    for (const auto& [n, leaf] : {std::pair{&c.tnc, "tnc"}, std::pair{&c.cd34, "cd34"}, std::pair{&c.cd3, "cd3"}}) {
        if (auto e = check_cells(*n, leaf)) {
            return e;
        }
    }
    for (const auto& [n, leaf] : {std::pair{&c.cd34, "cd34"}, std::pair{&c.cd3, "cd3"}}) {
        if (*n && c.tnc && (*n)->in(hsct::units::cells) > c.tnc->in(hsct::units::cells)) {
            return error(errc::inconsistent, field(leaf),
                         hsct::detail::concat({hsct::detail::format_number((*n)->in(hsct::units::cells)), " cells"}),
                         hsct::detail::concat({"at most the TNC it is part of (",
                                               hsct::detail::format_number(c.tnc->in(hsct::units::cells)), " cells)"}),
                         "GRAFT-PROD-002");
        }
    }
    if (c.viability) {
        const double v = c.viability->in(hsct::units::pct);
        if (!std::isfinite(v) || v < 0.0 || v > 100.0) {
            return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field("viability"),
                         hsct::detail::concat({hsct::detail::format_number(v), " %"}), "0-100 %", "GRAFT-PROD-002");
        }
    }
    if (c.red_cell_volume) {
        const double v = c.red_cell_volume->in(hsct::units::mL);
        if (!std::isfinite(v) || v < 0.0 || v > product_volume.in(hsct::units::mL)) {
            return error(std::isfinite(v) ? errc::out_of_range : errc::not_finite, field("red_cell_volume"),
                         hsct::detail::concat({hsct::detail::format_number(v), " mL"}),
                         hsct::detail::concat({"0 mL to the product's volume (",
                                               hsct::detail::format_number(product_volume.in(hsct::units::mL)), " mL)"}),
                         "GRAFT-PROD-002");
        }
    }
    return std::nullopt;
}
}  // namespace detail

template <class>
result<product> make_product(const product_input& in) {
    using hsct::detail::check_enum;
    if (auto e = check_enum(in.source, "product.source")) {
        return *e;
    }
    if (auto e = check_enum(in.use, "product.use")) {
        return *e;
    }
    if (auto e = check_enum(in.state, "product.state")) {
        return *e;
    }
    const double ml = in.volume.in(hsct::units::mL);
    if (!std::isfinite(ml) || !(ml > 0.0) || ml > product_volume_max.in(hsct::units::mL)) {
        return error(std::isfinite(ml) ? errc::out_of_range : errc::not_finite, "product.volume",
                     hsct::detail::concat({hsct::detail::format_number(ml), " mL"}),
                     "above 0 and at most 5000 mL (hsct's plausibility bound [P])", "GRAFT-PROD-001");
    }
    if (auto e = detail::check_counts(in.at_collection, in.volume, "at_collection")) {
        return *e;
    }
    if (in.post_thaw) {
        if (in.state != preservation::cryopreserved) {
            return error(errc::inconsistent, "product.post_thaw", "counts after thawing",
                         "a cryopreserved product (this one is fresh)", "GRAFT-PROD-003");
        }
        if (auto e = detail::check_counts(*in.post_thaw, in.volume, "post_thaw")) {
            return *e;
        }
    }
    return product(in);
}

}  // namespace hsct::graft

#endif  // HSCT_GRAFT_PRODUCT_HPP
