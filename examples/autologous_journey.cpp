// A shorter journey: an autologous transplant for multiple myeloma with high-dose melphalan
// (200 mg/m2), from evaluation to Day +100. The stem cells are collected and cryopreserved weeks
// before admission (the episode refuses admission for an autograft until a product is collected),
// and the product infused on Day 0 is the collected one, by its DIN, after thawing at the bedside.
// Each step is an event of the transplant episode (hsct::workflow) appended to its log; the
// engraftment days come from the engraftment stage's rules; the log is written without a key
// (a hash chain only), read back, replayed and verified.
//
// Output is checked against autologous_journey.expected in CI. Fixed dates, no clock reads.
#include <hsct/hsct.hpp>
#include <hsct/follow_up/endpoints_text.hpp>
#include <hsct/follow_up/reporting_text.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "journey_report.hpp"

namespace {
namespace c = hsct::conditioning;
namespace e = hsct::engraftment;
namespace f = hsct::follow_up;
namespace g = hsct::graft;
namespace p = hsct::patient;
namespace u = hsct::units;
namespace w = hsct::workflow;
using namespace std::chrono;
using namespace hsct_examples::journey_report;

}  // namespace

int main() {
    const sys_days birth{1963y / November / 2};
    const sys_days referred{2025y / March / 17};
    const sys_days planned_day0{2025y / June / 5};
    const auto physician = w::actor_id::make("dr.varga").value();
    const auto apheresis = w::actor_id::make("apheresis.kim").value();
    const auto nurse = w::actor_id::make("rn.osei").value();
    const auto second_nurse = w::actor_id::make("rn.lund").value();
    const auto lab = w::actor_id::make("lab.santos").value();
    journey j{w::episode_log(w::log_header{w::actor_id::make("EP 2025/031").value(), w::transplant_kind::autologous,
                                           at(referred, 9)}),
              planned_day0};
    std::cout << "AUTOLOGOUS JOURNEY: episode EP 2025/031\n"
              << "A woman born " << hsct::to_string(birth) << " with multiple myeloma in very good partial response\n"
              << "after induction, referred on " << hsct::to_string(referred) << ". Days before Day 0 count back from the\n"
              << "planned Day 0, " << hsct::to_string(planned_day0) << ".\n";

    // ---- evaluation ----------------------------------------------------------------------------
    std::cout << "\n1. Evaluation\n";
    j.step(w::episode_record::begin_evaluation(at(sys_days{2025y / March / 24}, 9), physician));
    const auto age = hsct::age::make(birth, planned_day0).value();
    const auto height = p::parse_height("164 cm").value();
    const auto weight = p::body_weight::make(68.0, u::kg).value();
    const auto measures = p::body_measures::make(height, weight, hsct::sex::female, age).value();
    std::cout << "  age " << hsct::to_string(age) << "; 164 cm, 68 kg; BSA (Mosteller) "
              << fixed(p::bsa_mosteller(height, weight).in(u::m2), 2) << " m2\n";
    p::hct_ci_input hin;
    hin.age_at_hct = age;
    hin.renal.creatinine = hsct::from_lab<hsct::creatinine>(195.0, "umol/L").value();  // myeloma kidney
    hin.renal.on_dialysis = false;
    hin.renal.prior_renal_transplant = false;
    const auto hctci = p::assess_hct_ci(hin);
    if (!hctci) {
        return fail(hctci.error());
    }
    std::cout << "  HCT-CI at least " << hctci->score.value() << " (" << p::label(hctci->risk_group)
              << "; the items not assessed here could only raise it)\n";
    for (const auto& item : hctci->items()) {
        if (item.status == p::hct_ci_item_status::scored) {
            std::cout << "    scored: " << p::label(item.item) << " +" << item.points.value() << "\n";
        }
    }
    j.step(w::episode_record::complete_evaluation(at(sys_days{2025y / April / 7}, 15), physician, *hctci,
                                                  p::karnofsky_score::make(80).value()),
           "Karnofsky 80");

    // ---- collection ----------------------------------------------------------------------------
    std::cout << "\n2. Mobilisation and collection (G-CSF), cryopreservation\n";
    const auto din = g::parse_din("A9999 25 000388").value();
    g::product_input pin;
    pin.source = g::product_source::peripheral_blood;
    pin.use = g::product_use::autologous;
    pin.state = g::preservation::cryopreserved;
    pin.volume = hsct::volume(220.0, u::mL);
    pin.at_collection.tnc = hsct::cell_count(41.0, u::e9_cells);
    pin.at_collection.cd34 = hsct::cell_count(312.0, u::e6_cells);
    pin.at_collection.viability = hsct::percent(99.0, u::pct);
    const auto product = g::make_product(pin);
    if (!product) {
        return fail(product.error());
    }
    const auto doses = g::cell_doses_of(*product, weight).value();
    const auto verdict = g::assess_cell_dose(doses, g::graft_indication::autologous_pbsc, g::dose_policy::hb24_ch20).value();
    const sys_days collected_on{2025y / May / 12};
    std::cout << "  DIN " << din.printed() << " " << din.check_character() << ": " << fixed(doses.cd34->in(u::e6_per_kg), 2)
              << " x10^6 CD34+/kg (" << g::label(verdict.verdict) << ", " << g::label(verdict.policy) << ")\n";
    j.step(w::episode_record::collect_product(at(collected_on, 14), apheresis, din, *doses.cd34));
    const auto recipient = g::custody_id::make("MRN-311562").value();
    custody_walk walk{g::custody_log(g::start_custody(din, recipient, at(collected_on, 14), at(collected_on, 14) + days(3650))), din, recipient, second_nurse};
    const auto handover = [&](g::custody_event ev, sys_seconds when, const g::custody_id& by) {
        return walk.handover(ev, when, by);
    };
    bool custody_ok = handover(g::custody_event::process, at(collected_on, 16), lab);
    custody_ok = handover(g::custody_event::cryopreserve, at(collected_on, 18), lab) && custody_ok;
    custody_ok = handover(g::custody_event::store, at(collected_on, 19), lab) && custody_ok;

    // ---- admission, conditioning, Day 0 --------------------------------------------------------
    std::cout << "\n3. Admission, conditioning, infusion\n";
    j.step(w::episode_record::admit(at(planned_day0 - days(3), 10), physician),
           "admitted: a product is collected (the episode's guard for an autograft)");
    const auto regimen = c::regimens::mel200();
    // High-dose melphalan is graded by the CIBMTR workshop's limits (melphalan >= 140 mg/m2: MAC);
    // the default Bacigalupo rule set reads only TBI and busulfan and would call it RIC.
    c::intensity_options io;
    io.rules = c::intensity_rule_set::cibmtr_workshop_2009;
    const auto intensity = c::assess_intensity(regimen, io);
    const auto cdoses = c::calculate_doses(regimen, measures);
    const auto schedule = c::schedule_regimen(regimen, planned_day0);
    if (!intensity || !cdoses || !schedule) {
        return fail(!intensity ? intensity.error() : !cdoses ? cdoses.error() : schedule.error());
    }
    const sys_days conditioning_start = schedule->administrations[0].date;
    j.step(w::episode_record::start_conditioning(at(conditioning_start, 8), physician, intensity->intensity, planned_day0));
    for (const auto& a : schedule->administrations) {
        const auto& dose = cdoses->components[a.component];
        std::cout << "    " << hsct::to_string(a.date) << " " << hsct::to_string(a.day) << "  " << c::label(a.which) << " "
                  << fixed(dose.prescribed.value(), 0) << " mg/m2";
        if (dose.weighting && dose.weighting->bsa) {
            std::cout << " x " << fixed(dose.weighting->bsa->value.in(u::m2), 2) << " m2 (BSA from the "
                      << p::label(dose.weighting->source) << " " << fixed(dose.weighting->weight_used.in(u::kg), 1)
                      << " kg)";
        }
        std::cout << " = " << fixed(dose.per_day->in(u::mg), 1) << " mg\n";
    }
    std::cout << "    " << regimen.name() << ": " << c::label(intensity->intensity) << " ("
              << c::label(intensity->options.rules) << ")\n";
    custody_ok = handover(g::custody_event::thaw, at(planned_day0, 11, 0), nurse) && custody_ok;
    custody_ok = handover(g::custody_event::release, at(planned_day0, 11, 4), nurse) && custody_ok;
    custody_ok = handover(g::custody_event::verify_at_bedside, at(planned_day0, 11, 6), nurse) && custody_ok;
    custody_ok = handover(g::custody_event::infuse, at(planned_day0, 11, 10), nurse) && custody_ok;
    if (!custody_ok) {
        return 1;
    }
    g::infusion_record details;
    details.date = planned_day0;
    details.volume = pin.volume;
    details.by = nurse;
    details.dmso = hsct::percent(10.0, u::pct);
    g::infusion_history history;
    const auto placed = history.append(g::infusion_from_custody(walk.log.state(), details).value());
    if (!placed) {
        return fail(placed.error());
    }
    const hsct::timeline timeline = *history.timeline();
    j.day0 = timeline.day0();
    j.step(w::episode_record::infuse(at(planned_day0, 11, 10), nurse, walk.log.state(), *doses.cd34),
           "the collected product, DIN " + std::string(din.printed()) + "; Day 0 " + hsct::to_string(timeline.day0()));

    // ---- engraftment ---------------------------------------------------------------------------
    std::cout << "\n4. Engraftment (daily counts D0 to D+17, x10^9/L)\n";
    const std::array<double, 18> anc_values{2.6, 2.2, 1.5, 0.9, 0.4, 0.1, 0.02, 0.0, 0.0,
                                            0.05, 0.3, 0.7, 1.2, 2.0, 3.1, 4.0, 4.2, 4.5};
    const std::array<double, 18> plt_values{150, 131, 104, 80, 55, 31, 18, 9, 24, 16, 12, 21, 28, 40, 55, 71, 84, 96};
    std::vector<e::count_record<hsct::anc>> anc_in;
    std::vector<e::count_record<hsct::platelets>> plt_in;
    std::string anc_line = "    ANC";
    std::string plt_line = "    Plt";
    for (std::size_t k = 0; k < anc_values.size(); ++k) {
        const auto day = hsct::transplant_day::at(static_cast<int>(k));
        anc_in.push_back({day, hsct::anc(anc_values[k], u::giga_per_l)});
        plt_in.push_back({day, hsct::platelets(plt_values[k], u::giga_per_l)});
        anc_line += " " + fixed(anc_values[k], 2);
        plt_line += " " + fixed(plt_values[k], 0);
    }
    std::cout << anc_line << "\n" << plt_line << "\n  platelet transfusion on D+7\n";
    const std::vector<e::transfusion_record> tx_in{{hsct::transplant_day::at(7), e::blood_product::platelets}};
    const auto anc = e::consolidate<hsct::anc>(anc_in);
    const auto plt = e::consolidate<hsct::platelets>(plt_in);
    const auto tx = e::make_transfusion_log(tx_in);
    if (!anc || !plt || !tx) {
        return fail(!anc ? anc.error() : !plt ? plt.error() : tx.error());
    }
    const auto n = e::assess_neutrophil_engraftment(anc->days());
    const auto pl = e::assess_platelet_engraftment(*plt, *tx);
    if (!n || !pl) {
        return fail(!n ? n.error() : pl.error());
    }
    if (!n->day || !pl->day) {
        std::cout << "engraftment not found\n";
        return 1;
    }
    const sys_days anc_day = timeline.date_of(*n->day).value();
    const sys_days plt_day = timeline.date_of(*pl->day).value();
    std::cout << "  neutrophils: " << e::label(n->status) << " on " << hsct::to_string(*n->day) << " ("
              << hsct::to_string(anc_day) << "); platelets >= 20: " << e::label(pl->status) << " on "
              << hsct::to_string(*pl->day) << " (" << hsct::to_string(plt_day) << ")\n";
    // The rules' results become the episode's records (workflow/stage_events.hpp), entered two
    // days after the day they date.
    const auto anc_record = w::engraftment_record(j.log.state(), *n, physician, at(anc_day + days(2), 12));
    const auto plt_record = w::engraftment_record(j.log.state(), *pl, physician, at(plt_day + days(2), 12));
    if (!anc_record || !plt_record) {
        std::cout << "no engraftment to record\n";
        return 1;
    }
    j.step(*anc_record);
    j.step(*plt_record);
    j.step(w::episode_record::of(w::episode_event::discharge, at(plt_day + days(2), 15), physician));

    // ---- follow-up -----------------------------------------------------------------------------
    std::cout << "\n5. Follow-up to Day +100\n";
    j.step(w::episode_record::of(w::episode_event::begin_follow_up, at(j.day0 + days(28), 9), physician));
    const sys_days d100 = timeline.date_of(hsct::transplant_day::at(100)).value();
    f::reporting_input ri{timeline, f::registry_form::cibmtr_post_ted_2450, d100};
    ri.preparative_start = conditioning_start;
    const auto reports = f::reporting_schedule(ri);
    if (!reports) {
        return fail(reports.error());
    }
    for (const auto& r : *reports) {
        std::cout << "    " << f::render(r) << "\n";
    }
    j.step(w::episode_record::of(w::episode_event::follow_up_visit, at(d100, 10), physician),
           "restaging: very good partial response maintained; lenalidomide maintenance planned");
    const auto outcomes = w::outcome_events(j.log);
    if (!outcomes) {
        std::cout << "no outcome events\n";
        return 1;
    }
    const auto endpoints = f::assess_endpoints(outcomes->view());
    if (!endpoints) {
        return fail(endpoints.error());
    }
    std::cout << "  endpoints at " << hsct::to_string(d100) << ":\n";
    for (const auto& r : endpoints->records) {
        if (r.which != f::endpoint::gvhd_free_relapse_free_survival) {  // GVHD does not arise after an autograft
            std::cout << "    " << f::render(r) << "\n";
        }
    }

    // ---- the log -------------------------------------------------------------------------------
    std::cout << "\n6. The episode log (no key: a SHA-256 hash chain)\n";
    const std::string text = w::write_episode_log(j.log);
    std::size_t lines = 0;
    for (const char ch : text) {
        lines += ch == '\n' ? 1U : 0U;
    }
    const auto back = w::read_episode_log(text);
    if (!back) {
        return fail(back.error());
    }
    const auto check = w::verify_episode_log(text);
    const auto& ep = back->state();
    std::cout << "  " << lines << " lines, " << j.log.records().size() << " entries; read back and replayed: state "
              << w::label(ep.state) << ", " << (ep == j.log.state() ? "equal to" : "DIFFERENT FROM") << " the live state\n"
              << "  verified: " << (check.ok() ? "yes" : "NO") << " (version " << check.version << ", " << check.entries
              << " entries, MACs " << (check.macs_checked ? "checked" : "not checked: no key") << ")\n"
              << "  the infused product is the collected one: "
              << (ep.infused && ep.collected && ep.infused->product == ep.collected->product ? "yes" : "NO") << "\n";
    const auto last_nl = text.rfind('\n', text.size() - 2);
    std::cout << "  last line: " << text.substr(last_nl + 1, text.size() - last_nl - 2) << "\n";
    return j.ok ? 0 : 1;
}
