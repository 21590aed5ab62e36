// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer target for the engraftment stage's input handling: the input is read as a list of
// laboratory results (each: a day, a value, a method, an identifier and what it corrects, a
// third of the values made bad on purpose), as haemoglobin values derived from the ANC results,
// and as platelet and red-cell transfusion days, then consolidated and assessed
// (ENG-SERIES-001..004, ENG-NEUT-*, ENG-PLT-*, ENG-RBC-*, ENG-GF-*).
// Invariants, checked with __builtin_trap:
//  - a series that reads is strictly increasing by day and holds only values in range;
//  - the same results in reverse order give the same series (or the same refusal field);
//  - every rule accepts a series that consolidate made (no error), and an engraftment day, when
//    there is one, is a day of the series;
//  - the graft-function rules accept any results the recovery rules made, and secondary graft
//    failure does not apply without neutrophil engraftment.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <vector>

#include <hsct/engraftment/engraftment.hpp>

namespace {
[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_engraftment_series: %s\n", what);
    __builtin_trap();
}
template <class A>
bool same(const hsct::result<hsct::engraftment::day_series<A>>& a, const hsct::result<hsct::engraftment::day_series<A>>& b) {
    if (a.has_value() != b.has_value()) {
        return false;
    }
    if (!a) {
        return true;  // both refused (which record is named may differ with the order)
    }
    if (a->size() != b->size()) {
        return false;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
        if (!(a->days()[i] == b->days()[i])) {
            return false;
        }
    }
    return true;
}
template <class Series>
bool has_day(const Series& s, hsct::transplant_day d) {
    for (const auto& v : s.days()) {
        if (v.day == d) {
            return true;
        }
    }
    return false;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace e = hsct::engraftment;
    namespace u = hsct::units;
    std::vector<e::count_record<hsct::anc>> anc;
    std::vector<e::count_record<hsct::platelets>> plt;
    std::vector<e::count_record<hsct::haemoglobin>> hb;
    std::vector<e::transfusion_record> tx;
    for (std::size_t i = 0; i + 4 <= size; i += 4) {
        const int day = static_cast<int>(data[i]) - 40;
        const std::uint8_t raw = data[i + 1];
        const std::uint8_t flags = data[i + 2];
        const std::uint8_t ids = data[i + 3];
        double v = static_cast<double>(raw) / 100.0;  // 0-2.55
        if ((flags & 7U) == 7U) {
            v = (flags & 8U) != 0U ? std::numeric_limits<double>::quiet_NaN() : -v - 0.01;
        }
        const auto method = (flags & 16U) != 0U ? e::count_method::manual : e::count_method::automated;
        const std::uint32_t id = ids & 15U;
        const std::uint32_t replaces = (flags & 32U) != 0U ? (ids >> 4U) : 0U;
        if ((flags & 64U) != 0U) {
            plt.push_back({hsct::transplant_day::at(day), hsct::platelets(v * 40.0, u::giga_per_l), method, id, replaces});
        } else {
            anc.push_back({hsct::transplant_day::at(day), hsct::anc(v, u::giga_per_l), method, id, replaces});
            hb.push_back({hsct::transplant_day::at(day), hsct::haemoglobin(v * 6.0, u::g_per_dl), method, id, replaces});
        }
        if ((flags & 128U) != 0U) {
            tx.push_back({(ids & 1U) != 0U ? std::optional(hsct::transplant_day::at(day)) : std::nullopt,
                          (ids & 2U) != 0U ? e::blood_product::red_cells : e::blood_product::platelets});
        }
    }
    const auto a = e::consolidate<hsct::anc>(anc);
    const auto p = e::consolidate<hsct::platelets>(plt);
    std::vector<e::count_record<hsct::anc>> anc_rev(anc.rbegin(), anc.rend());
    std::vector<e::count_record<hsct::platelets>> plt_rev(plt.rbegin(), plt.rend());
    if (!same(a, e::consolidate<hsct::anc>(anc_rev)) || !same(p, e::consolidate<hsct::platelets>(plt_rev))) {
        fail("the order of arrival changed the series");
    }
    if (a) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const double x = a->days()[i].value.in(u::giga_per_l);
            if (!std::isfinite(x) || x < 0.0 || (i > 0 && !(a->days()[i - 1].day < a->days()[i].day))) {
                fail("a series out of order or out of range");
            }
        }
        const auto n = e::assess_neutrophil_engraftment(*a);
        if (!n) {
            fail("the neutrophil rule refused a consolidated series");
        }
        if (n->day && !has_day(*a, *n->day)) {
            fail("a neutrophil engraftment day not in the series");
        }
        e::primary_graft_failure_input in;
        in.neutrophils = *n;
        in.observed_through = hsct::transplant_day::at(60);
        in.pancytopenia = true;
        if (!e::assess_primary_graft_failure(in)) {
            fail("the graft-failure rule refused a neutrophil result");
        }
    }
    const auto log = e::make_transfusion_log(tx);
    const auto h = e::consolidate<hsct::haemoglobin>(hb);
    if (h && log) {
        const auto r = e::assess_red_cell_recovery(*h, *log);
        if (!r) {
            fail("the red-cell rule refused a consolidated series");
        }
        if (r->day && !has_day(*h, *r->day)) {
            fail("a red-cell recovery day not in the series");
        }
    }
    if (p && log) {
        const auto r = e::assess_platelet_engraftment(*p, *log);
        if (!r) {
            fail("the platelet rule refused a consolidated series");
        }
        if (r->day && !has_day(*p, *r->day)) {
            fail("a platelet engraftment day not in the series");
        }
        if (a && h) {
            e::graft_function_input in;
            in.neutrophils = *e::assess_neutrophil_engraftment(*a);
            in.platelets = *r;
            in.anc = a->days();
            in.platelet_counts = p->days();
            in.haemoglobin = h->days();
            in.transfusions = &*log;
            in.observed_through = hsct::transplant_day::at(size % 200U == 0U ? 1 : static_cast<int>(size % 200U));
            in.other_cause = (size & 1U) != 0U;
            in.frequent_support = (size & 2U) != 0U;
            for (const auto d : {e::graft_function_definition::astct_2021, e::graft_function_definition::ebmt_2019}) {
                e::graft_function_options o;
                o.definition = d;
                const auto s = e::assess_secondary_graft_failure(in, o);
                if (!s || !e::assess_poor_graft_function(in, o)) {
                    fail("a graft-function rule refused the recovery rules' results");
                }
                if (in.neutrophils.status != e::engraftment_status::engrafted &&
                    s->status != e::graft_function_status::not_applicable) {
                    fail("secondary graft failure without neutrophil engraftment");
                }
            }
            if (!e::assess_autologous_reconstitution(in) ||
                !e::assess_delayed_engraftment(in.neutrophils, hsct::graft::product_source::peripheral_blood,
                                               in.observed_through,
                                               {hsct::transplant_day::at(21), hsct::transplant_day::at(28),
                                                hsct::transplant_day::at(35)})) {
                fail("autologous reconstitution or delayed engraftment refused valid results");
            }
        }
    }
    return 0;
}
