// One patient's allogeneic transplant from referral to Day +365, through every stage of hsct, each
// stage's own rules deciding what it decides: the pre-transplant assessment (body size, Karnofsky,
// HCT-CI), the donor's HLA grading against IPD-IMGT/HLA 3.58.0 and the ranking that picks the
// donor, the conditioning regimen's doses on the calendar, the product's chain of custody from
// collection to the bedside, daily blood counts and the engraftment days the rules find in them,
// acute GVHD graded day by day, and the follow-up calendar (registry reports, late-effects
// screening, vaccinations) with the endpoints at Day +365.
//
// Every step is an event of the transplant episode (hsct::workflow) appended to its log: one
// event is refused on purpose (conditioning before the donor is cleared) and the typed rejection
// is printed. The log is then written as text under an HMAC key, read back and replayed, and a
// tampered copy is shown failing its check with the entry it fails at.
//
//   example_patient_journey              the report (its output is checked against
//                                        patient_journey.expected in CI)
//   example_patient_journey chart.svg    the same report, and an SVG chart of ANC and platelets
//                                        with conditioning, Day 0, the engraftment days, GVHD
//                                        onset and discharge marked (examples/viz/engraftment_svg.hpp;
//                                        CI checks it with hsct_svg_check)
//
// Everything is dated by fixed calendar dates and times (no clock is read) and the log's key is
// fixed, so the output is the same on every run.
#include <hsct/hsct.hpp>
#include <hsct/follow_up/endpoints_text.hpp>
#include <hsct/follow_up/reporting_text.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "journey_report.hpp"
#include "viz/engraftment_svg.hpp"

#ifndef HSCT_EXAMPLE_HLA_DIR
#define HSCT_EXAMPLE_HLA_DIR "tests/data/hla/3.58.0"
#endif

namespace {
namespace c = hsct::conditioning;
namespace cx = hsct::complications;
namespace d = hsct::donor;
namespace e = hsct::engraftment;
namespace f = hsct::follow_up;
namespace g = hsct::graft;
namespace p = hsct::patient;
namespace u = hsct::units;
namespace w = hsct::workflow;
using namespace std::chrono;
using namespace hsct_examples::journey_report;

std::string allowed_text(hsct::enum_set<w::episode_event> allowed) {
    std::string s;
    for (const auto ev : hsct::values<w::episode_event>()) {
        if (allowed.contains(ev)) {
            s += (s.empty() ? "" : ", ") + std::string(w::id(ev));
        }
    }
    return s.empty() ? "(none)" : s;
}

/// The findings of one GVHD day: rash (% BSA), liquid stool (mL), bilirubin (mg/dL).
cx::gvhd_course_day gvhd_day(int day, double rash, double stool, double bilirubin) {
    cx::gvhd_course_day x;
    x.findings.day = hsct::transplant_day::at(day);
    x.findings.rash_bsa = hsct::percent(rash, u::pct);
    x.findings.stool_volume = hsct::volume(stool, u::mL);
    x.findings.bilirubin = hsct::bilirubin(bilirubin, u::mg_per_dl);
    return x;
}

std::string organs(const cx::magic_grade_result& m) {
    std::string s;
    for (const auto& st : m.decided_by) {
        s += (s.empty() ? "" : ", ") + std::string(cx::label(st.organ)) + " stage " + std::to_string(st.stage);
    }
    return s.empty() ? "no organ involved" : s;
}

}  // namespace

int main(int argc, char** argv) {
    // ---- who, and the dates that do not move -------------------------------------------------
    const sys_days birth{1972y / August / 14};
    const sys_days referred{2025y / January / 6};
    const sys_days planned_day0{2025y / March / 10};
    const auto episode_id = w::actor_id::make("EP 2025/017").value();
    const auto physician = w::actor_id::make("dr.okafor").value();
    const auto coordinator = w::actor_id::make("coord.lindqvist").value();
    const auto ward_nurse = w::actor_id::make("rn.moreau").value();
    const auto clinic = w::actor_id::make("dr.haddad").value();
    journey j{w::episode_log(w::log_header{episode_id, w::transplant_kind::allogeneic, at(referred, 9)}), planned_day0};

    std::cout << "PATIENT JOURNEY: allogeneic HCT, episode " << episode_id.text() << "\n"
              << "A man born " << hsct::to_string(birth) << " with acute myeloid leukaemia (intermediate-risk cytogenetics)\n"
              << "in first complete remission, referred on " << hsct::to_string(referred) << ".\n"
              << "Transplant days count from Day 0 (D0), the day of the infusion; before it, from the planned\n"
              << "Day 0, " << hsct::to_string(planned_day0) << ".\n";

    // ---- 1. evaluation: body size, performance status, comorbidity -----------------------------
    std::cout << "\n1. Pre-transplant evaluation\n";
    j.step(w::episode_record::begin_evaluation(at(sys_days{2025y / January / 13}, 9), physician));
    const sys_days evaluated{2025y / January / 27};
    const auto age = hsct::age::make(birth, planned_day0).value();
    const auto height = p::parse_height("178 cm").value();
    const auto weight = p::body_weight::make(82.0, u::kg).value();
    const auto bmi = p::bmi(weight, height);
    const auto measures = p::body_measures::make(height, weight, hsct::sex::male, age).value();
    std::cout << "  age at the planned Day 0 " << hsct::to_string(age) << "; 178 cm, 82 kg; BMI "
              << fixed(bmi.in(u::kg_per_m2), 1) << " kg/m2; BSA (Mosteller) "
              << fixed(p::bsa_mosteller(height, weight).in(u::m2), 2) << " m2\n";
    const auto kps = p::karnofsky_score::make(90).value();
    const auto scale = p::assess_performance_scale(age).value();
    const auto ecog = p::to_ecog(kps, p::kps_ecog_mapping::conventional).value();
    std::cout << "  Karnofsky " << kps.value() << " (the scale for this age: "
              << (scale.scale ? std::string(p::label(*scale.scale)) : std::string("none")) << "); ECOG "
              << (ecog.ecog ? std::to_string(ecog.ecog->value()) : std::string("not converted")) << " ("
              << p::label(ecog.mapping) << ")\n";

    p::hct_ci_input hin;
    const auto pct = [](double v) { return hsct::percent(v, u::pct); };
    hin.age_at_hct = age;
    hin.pulmonary.fev1 = pct(88.0);
    hin.pulmonary.dlco = pct(74.0);  // haemoglobin-corrected, % of predicted
    hin.pulmonary.dlco_basis = p::dlco_correction::haemoglobin_corrected;
    hin.pulmonary.dyspnoea_level = p::dyspnoea::none;
    hin.pulmonary.requires_oxygen = false;
    hin.hepatic.bilirubin = hsct::lab_with_uln<hsct::bilirubin>::make(hsct::bilirubin(0.7, u::mg_per_dl),
                                                                      hsct::bilirubin(1.2, u::mg_per_dl)).value();
    hin.hepatic.ast = hsct::lab_with_uln<hsct::ast>::make(hsct::ast(24.0, u::u_per_l), hsct::ast(40.0, u::u_per_l)).value();
    hin.hepatic.alt = hsct::lab_with_uln<hsct::alt>::make(hsct::alt(31.0, u::u_per_l), hsct::alt(40.0, u::u_per_l)).value();
    hin.hepatic.chronic_hepatitis = false;
    hin.hepatic.hepatitis_b_or_c_history = false;
    hin.hepatic.cirrhosis = false;
    hin.renal.creatinine = hsct::from_lab<hsct::creatinine>(84.0, "umol/L").value();
    hin.renal.on_dialysis = false;
    hin.renal.prior_renal_transplant = false;
    hin.cardiac.lvef = pct(62.0);
    hin.cardiac.coronary_artery_disease = false;
    hin.cardiac.congestive_heart_failure = false;
    hin.cardiac.myocardial_infarction = false;
    hin.obesity.bmi = bmi;
    hin.infection.antimicrobials_continued_after_day_0 = false;
    hin.infection.infection_treated_across_conditioning_start = false;
    hin.prior_tumours = std::vector<p::prior_tumour>{};
    hin.heart_valve = p::heart_valve_finding::none;
    hin.diabetes = p::diabetes_treatment::none;
    hin.psychiatric = p::psychiatric_history::none;
    hin.arrhythmia = false;
    hin.inflammatory_bowel_disease = false;
    hin.cerebrovascular = false;
    hin.rheumatologic = false;
    hin.peptic_ulcer = false;
    const auto hctci = p::assess_hct_ci(hin);
    if (!hctci) {
        return fail(hctci.error());
    }
    std::cout << "  HCT-CI " << hctci->score.value() << ", risk group " << p::label(hctci->risk_group) << "; "
              << (hctci->complete() ? "all 17 items assessed" : "items unassessed") << " ("
              << p::label(hctci->options.definition_set) << ")";
    if (hctci->with_age) {
        std::cout << "; HCT-CI/age " << hctci->with_age->total.value();
    }
    std::cout << "\n";
    for (const auto& item : hctci->items()) {
        if (item.status == p::hct_ci_item_status::scored) {
            std::cout << "    scored: " << p::label(item.item) << " +" << item.points.value() << "\n";
        }
    }
    j.step(w::episode_record::complete_evaluation(at(evaluated, 16), physician, *hctci, kps));

    // ---- 2. donor: HLA grading and the ranking -------------------------------------------------
    std::cout << "\n2. Donor search and choice (IPD-IMGT/HLA, EBMT Handbook 2024 ranking)\n";
    const auto rel = d::load_hla_release(HSCT_EXAMPLE_HLA_DIR);
    if (!rel) {
        return fail(rel.error());
    }
    const auto patient_hla = d::parse_hla_typing(
        *rel, "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01"
              "^DQB1*02:01+DQB1*03:01^DPB1*04:01+DPB1*04:01").value();
    struct donor_offer {
        const char* name;
        d::donor_relation relation;
        const char* typing;
        const char* blood_group;
        d::cmv_serostatus cmv;
        hsct::sex sex;
        int age;
    };
    const std::array<donor_offer, 3> offers{{
        {"brother (49 y)", d::donor_relation::sibling,
         "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01"
         "^DQB1*02:01+DQB1*03:01^DPB1*04:01+DPB1*04:01",
         "O+", d::cmv_serostatus::positive, hsct::sex::male, 49},
        {"unrelated (24 y)", d::donor_relation::unrelated,
         "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01"
         "^DQB1*02:01+DQB1*03:01^DPB1*03:01+DPB1*04:01",
         "A+", d::cmv_serostatus::positive, hsct::sex::male, 24},
        {"daughter (26 y)", d::donor_relation::child,
         "A*01:01+A*01:01^B*08:01+B*07:02^C*07:01+C*07:02^DRB1*03:01+DRB1*15:01"
         "^DQB1*02:01+DQB1*06:02^DPB1*04:01+DPB1*02:01",
         "A+", d::cmv_serostatus::negative, hsct::sex::female, 26},
    }};
    std::vector<d::hla_match_result> grades;
    std::vector<d::donor_candidate> candidates;
    grades.reserve(offers.size());
    for (const auto& o : offers) {
        const auto typing = d::parse_hla_typing(*rel, o.typing);
        if (!typing) {
            return fail(typing.error());
        }
        const auto m = d::assess_hla_match(patient_hla, *typing);
        if (!m) {
            return fail(m.error());
        }
        grades.push_back(*m);
        d::compatibility_input in;
        in.recipient_blood_group = d::parse_blood_group("A+").value();
        in.donor_blood_group = d::parse_blood_group(o.blood_group).value();
        in.recipient_cmv = d::cmv_serostatus::positive;
        in.donor_cmv = o.cmv;
        in.recipient_sex = hsct::sex::male;
        in.donor_sex = o.sex;
        if (o.sex == hsct::sex::female) {
            in.donor_pregnancies = 0;
        }
        in.donor_age = hsct::age::make(o.age, 0).value();
        const auto compat = d::assess_compatibility(in);
        if (!compat) {
            return fail(compat.error());
        }
        const auto& t10 = m->total(d::match_total_kind::ten);
        std::cout << "  " << o.name << ": " << static_cast<unsigned>(t10.matched) << "/10 at allele level; ABO: "
                  << d::label(*compat->abo) << "; CMV " << d::label(*compat->cmv) << "\n";
        candidates.push_back({o.name, o.relation, nullptr, *compat});
    }
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        candidates[k].hla = &grades[k];
    }
    const auto ranking = d::rank_donors(candidates);
    if (!ranking || ranking->ranked.empty()) {
        std::cout << "no donor ranked\n";
        return 1;
    }
    for (const auto& r : ranking->ranked) {
        std::cout << "  " << r.rank << ". " << candidates[r.candidate].id << ", " << d::label(r.kind);
        if (r.decided_by) {
            std::cout << " (below the donor above on " << d::label(*r.decided_by) << ")";
        }
        std::cout << "\n";
    }
    const auto& chosen = ranking->ranked.front();
    const auto& chosen_grade = grades[chosen.candidate].total(d::match_total_kind::eight);
    j.step(w::episode_record::select_donor(at(sys_days{2025y / February / 3}, 11), coordinator, chosen.kind, chosen_grade),
           std::string("donor: ") + std::string(candidates[chosen.candidate].id) + ", " + std::string(d::label(chosen.kind)) + ", " +
               std::to_string(chosen_grade.matched) + "/" + std::to_string(chosen_grade.out_of) + " (HLA-A, -B, -C, -DRB1)");

    // ---- 3. admission, one refused event, conditioning ----------------------------------------
    std::cout << "\n3. Admission and conditioning\n";
    const sys_days admitted{2025y / March / 3};
    j.step(w::episode_record::admit(at(admitted, 10), physician));
    // Conditioning ordered before the donor's final clearance is on file: the guard refuses it.
    const auto early = w::episode_record::start_conditioning(at(admitted, 16), physician,
                                                             c::conditioning_intensity::myeloablative, planned_day0);
    if (const auto refused = j.log.append(early)) {
        std::cout << "  " << hhmm(early.at) << "  " << tday(admitted, planned_day0) << "  "
                  << w::label(early.event) << " (by " << early.by.text() << "): REFUSED\n"
                  << "      reason: " << w::id(refused->reason) << ", " << w::label(refused->reason) << " ["
                  << refused->requirement << "]\n"
                  << "      state: " << w::label(refused->state) << "; guard: "
                  << (refused->guard ? std::string(w::id(*refused->guard)) + ", " + std::string(w::label(*refused->guard))
                                     : std::string("(none)"))
                  << "\n"
                  << "      allowed now: " << allowed_text(refused->allowed) << "\n"
                  << "      the log is unchanged: " << j.log.records().size() << " entries, state "
                  << w::label(j.log.state().state) << "\n";
    } else {
        std::cout << "conditioning before the donor's clearance was accepted\n";
        return 1;
    }
    j.step(w::episode_record::clear_donor(at(sys_days{2025y / March / 4}, 9), coordinator),
           "the donor's medical clearance and collection date confirmed");

    const auto regimen = c::regimens::flu_bu4();
    const auto intensity = c::assess_intensity(regimen);
    const auto doses = c::calculate_doses(regimen, measures);
    const auto schedule = c::schedule_regimen(regimen, planned_day0);
    if (!intensity || !doses || !schedule) {
        return fail(!intensity ? intensity.error() : !doses ? doses.error() : schedule.error());
    }
    const sys_days conditioning_start = schedule->administrations[0].date;
    j.step(w::episode_record::start_conditioning(at(conditioning_start, 8), physician, intensity->intensity,
                                                 planned_day0));
    std::cout << "  " << regimen.name() << ": " << c::label(intensity->intensity) << " ("
              << c::label(intensity->decided_by) << ")\n";
    for (const auto& a : schedule->administrations) {
        const auto& dose = doses->components[a.component];
        std::cout << "    " << hsct::to_string(a.date) << " " << hsct::to_string(a.day) << "  " << c::label(a.which)
                  << " " << fixed(dose.per_day->in(u::mg), 1) << " mg";
        if (dose.weighting) {
            const auto& wt = *dose.weighting;
            if (wt.bsa) {
                std::cout << " (" << fixed(dose.prescribed.value(), 0) << " mg/m2 x "
                          << fixed(wt.bsa->value.in(u::m2), 2) << " m2)";
            } else {
                std::cout << " (" << fixed(dose.prescribed.value(), 1) << " mg/kg x "
                          << fixed(wt.weight_used.in(u::kg), 1) << " kg, " << p::label(wt.reason) << ")";
            }
        }
        std::cout << "\n";
    }

    // ---- 4. the product: collection to the bedside, Day 0 -------------------------------------
    std::cout << "\n4. The graft: chain of custody and infusion (Day 0)\n";
    const auto din = g::parse_din("A9999 25 000417").value();
    g::product_input pin;
    pin.source = g::product_source::peripheral_blood;
    pin.use = g::product_use::allogeneic;
    pin.state = g::preservation::fresh;
    pin.volume = hsct::volume(310.0, u::mL);
    pin.at_collection.tnc = hsct::cell_count(68.0, u::e9_cells);
    pin.at_collection.cd34 = hsct::cell_count(492.0, u::e6_cells);
    pin.at_collection.viability = hsct::percent(98.0, u::pct);
    const auto product = g::make_product(pin);
    if (!product) {
        return fail(product.error());
    }
    const auto cell_doses = g::cell_doses_of(*product, weight).value();
    const auto dose_check = g::assess_cell_dose(cell_doses, g::graft_indication::allogeneic_pbsc_mac,
                                                g::dose_policy::hb24_ch20).value();
    std::cout << "  DIN " << din.printed() << " " << din.check_character() << ": fresh PBSC from the "
              << candidates[chosen.candidate].id << ", " << fixed(cell_doses.cd34->in(u::e6_per_kg), 2)
              << " x10^6 CD34+/kg (" << g::label(dose_check.verdict) << ", " << g::label(dose_check.policy) << ")\n";
    const auto recipient = g::custody_id::make("MRN-204117").value();
    const auto apheresis = g::custody_id::make("apheresis.kim").value();
    const auto lab = g::custody_id::make("lab.santos").value();
    const auto second_nurse = g::custody_id::make("rn.brandt").value();
    const sys_seconds collected = at(planned_day0, 7, 30);
    custody_walk walk{g::custody_log(g::start_custody(din, recipient, collected, collected + hours(72))), din, recipient, second_nurse};
    const auto handover = [&](g::custody_event ev, sys_seconds when, const g::custody_id& by) {
        return walk.handover(ev, when, by);
    };
    std::cout << "    " << hhmm(collected) << "  collected (" << apheresis.text() << ")\n";
    bool custody_ok = handover(g::custody_event::process, at(planned_day0, 10, 15), lab);
    custody_ok = handover(g::custody_event::release, at(planned_day0, 12, 40), lab) && custody_ok;
    custody_ok = handover(g::custody_event::verify_at_bedside, at(planned_day0, 13, 20), ward_nurse) && custody_ok;
    custody_ok = handover(g::custody_event::infuse, at(planned_day0, 13, 30), ward_nurse) && custody_ok;
    if (!custody_ok) {
        return 1;
    }
    g::infusion_record details;
    details.date = planned_day0;
    details.volume = pin.volume;
    details.by = ward_nurse;
    g::infusion_history history;
    const auto placed = history.append(g::infusion_from_custody(walk.log.state(), details).value());
    if (!placed) {
        return fail(placed.error());
    }
    const hsct::timeline timeline = *history.timeline();
    j.day0 = timeline.day0();
    j.step(w::episode_record::infuse(at(planned_day0, 13, 30), ward_nurse, walk.log.state(), *cell_doses.cd34),
           "Day 0 " + hsct::to_string(timeline.day0()) + " (graft infusion record); D+100 is " +
               hsct::to_string(timeline.date_of(hsct::transplant_day::at(100)).value()));

    // ---- 5. counts and engraftment -------------------------------------------------------------
    std::cout << "\n5. Blood counts and engraftment (x10^9/L; * platelet transfusion that day)\n";
    const std::array<double, 36> anc_values{3.4, 3.0, 2.1, 1.6, 1.3,                                   // D-5..D-1
                                           1.1, 0.8, 0.5, 0.3, 0.1, 0.05, 0.02, 0.0, 0.0, 0.0,         // D0..D+9
                                           0.01, 0.03, 0.08, 0.2, 0.4, 0.6, 0.9, 1.4, 1.9, 2.4,        // D+10..D+19
                                           2.8, 3.1, 3.5, 3.2, 3.6, 3.9, 4.1, 3.8, 4.2, 4.5, 4.4};     // D+20..D+30
    const std::array<double, 36> plt_values{180, 165, 140, 110, 85,
                                           62, 48, 35, 22, 14, 9, 28, 19, 12, 8,
                                           30, 20, 14, 11, 9, 26, 21, 19, 18, 17,
                                           19, 23, 26, 31, 36, 42, 47, 52, 58, 63, 70};
    const int first_day = -5;
    std::vector<e::count_record<hsct::anc>> anc_in;
    std::vector<e::count_record<hsct::platelets>> plt_in;
    for (std::size_t k = 0; k < anc_values.size(); ++k) {
        const auto day = hsct::transplant_day::at(first_day + static_cast<int>(k));
        anc_in.push_back({day, hsct::anc(anc_values[k], u::giga_per_l)});
        plt_in.push_back({day, hsct::platelets(plt_values[k], u::giga_per_l)});
    }
    const std::vector<e::transfusion_record> tx_in{
        {hsct::transplant_day::at(5), e::blood_product::platelets},  {hsct::transplant_day::at(9), e::blood_product::platelets},
        {hsct::transplant_day::at(14), e::blood_product::platelets}, {hsct::transplant_day::at(8), e::blood_product::red_cells},
        {hsct::transplant_day::at(13), e::blood_product::red_cells},
    };
    const auto anc = e::consolidate<hsct::anc>(anc_in);
    const auto plt = e::consolidate<hsct::platelets>(plt_in);
    const auto tx = e::make_transfusion_log(tx_in);
    if (!anc || !plt || !tx) {
        return fail(!anc ? anc.error() : !plt ? plt.error() : tx.error());
    }
    for (int week = 0; week * 7 < static_cast<int>(anc_values.size()); ++week) {
        std::string days_line = "  ";
        std::string anc_line = "    ANC";
        std::string plt_line = "    Plt";
        for (int k = week * 7; k < week * 7 + 7 && k < static_cast<int>(anc_values.size()); ++k) {
            const auto day = hsct::transplant_day::at(first_day + k);
            char cell[16];
            static_cast<void>(std::snprintf(cell, sizeof cell, "%7s", hsct::to_string(day).c_str()));
            days_line += cell;
            static_cast<void>(std::snprintf(cell, sizeof cell, "%7s", fixed(anc_values[static_cast<std::size_t>(k)], 2).c_str()));
            anc_line += cell;
            bool transfused = false;
            for (const auto t : tx->days(e::blood_product::platelets)) {
                transfused = transfused || t == day;
            }
            static_cast<void>(std::snprintf(cell, sizeof cell, "%6s%s", fixed(plt_values[static_cast<std::size_t>(k)], 0).c_str(),
                                            transfused ? "*" : " "));
            plt_line += cell;
        }
        plt_line.erase(plt_line.find_last_not_of(' ') + 1);  // no trailing blank
        std::cout << "     " << days_line << "\n" << anc_line << "\n" << plt_line << "\n";
    }
    std::cout << "  red-cell transfusions:";
    for (const auto t : tx->days(e::blood_product::red_cells)) {
        std::cout << " " << hsct::to_string(t);
    }
    std::cout << "\n";

    const auto neutrophil = e::assess_neutrophil_engraftment(anc->days());
    if (!neutrophil) {
        return fail(neutrophil.error());
    }
    std::vector<e::platelet_result> platelet_results;
    for (const auto milestone : {e::platelet_milestone::at_least_20, e::platelet_milestone::at_least_50}) {
        e::platelet_options o;
        o.milestone = milestone;
        const auto r = e::assess_platelet_engraftment(*plt, *tx, o);
        if (!r) {
            return fail(r.error());
        }
        platelet_results.push_back(*r);
    }
    const auto date_of = [&](hsct::transplant_day day) { return timeline.date_of(day).value(); };
    std::cout << "  neutrophil engraftment (" << e::label(neutrophil->options.definition) << "): "
              << e::label(neutrophil->status);
    if (neutrophil->day) {
        std::cout << " on " << hsct::to_string(*neutrophil->day) << " (" << hsct::to_string(date_of(*neutrophil->day))
                  << "); run:";
        for (const auto& k : neutrophil->criteria) {
            if (k.criterion.id == e::neutrophil_criterion::run_day) {
                std::cout << " " << hsct::to_string(k.day) << " " << fixed(k.criterion.measured.number(), 2);
            }
        }
    }
    std::cout << "\n";
    for (const auto& r : platelet_results) {
        std::cout << "  platelet engraftment, " << e::label(r.options.milestone) << ": " << e::label(r.status);
        if (r.day) {
            std::cout << " on " << hsct::to_string(*r.day) << " (" << hsct::to_string(date_of(*r.day)) << ")";
            const auto last_tx = tx->last_on_or_before(e::blood_product::platelets, *r.day);
            if (last_tx) {
                std::cout << ", " << (r.day->number() - last_tx->number()) << " days after the last platelet transfusion ("
                          << hsct::to_string(*last_tx) << ")";
            }
        }
        std::cout << "\n";
    }
    if (!neutrophil->day || !platelet_results[0].day) {
        std::cout << "engraftment not found\n";
        return 1;
    }
    // The rules' results become the episode's records (workflow/stage_events.hpp): dated the day
    // each rule found; entered two days later, once the run's third day was known (late entries).
    const sys_days anc_day = date_of(*neutrophil->day);
    const sys_days plt_day = date_of(*platelet_results[0].day);
    const auto anc_record = w::engraftment_record(j.log.state(), *neutrophil, physician, at(anc_day + days(2), 12));
    if (!anc_record) {
        std::cout << "no neutrophil engraftment to record\n";
        return 1;
    }
    j.step(*anc_record);
    const auto plt_record = w::engraftment_record(j.log.state(), platelet_results[0], physician, at(plt_day + days(2), 12));
    if (!plt_record) {
        std::cout << "no platelet engraftment to record\n";
        return 1;
    }
    j.step(*plt_record);

    // ---- 6. acute GVHD ------------------------------------------------------------------------
    std::cout << "\n6. Acute GVHD (MAGIC 2016, graded each day)\n";
    std::vector<cx::gvhd_course_day> gvhd_days{
        gvhd_day(24, 20.0, 0.0, 0.8),  gvhd_day(25, 35.0, 150.0, 0.9), gvhd_day(26, 55.0, 300.0, 1.0),
        gvhd_day(27, 55.0, 350.0, 1.1), gvhd_day(28, 40.0, 200.0, 1.0), gvhd_day(29, 20.0, 0.0, 0.9),
    };
    gvhd_days.front().weight = hsct::mass(80.0, u::kg);
    const cx::gvhd_episode gvhd_ep{hsct::transplant_day::at(24)};
    std::vector<cx::gvhd_day_grade> graded(gvhd_days.size());
    const auto gvhd = cx::assess_gvhd_course(gvhd_days, gvhd_ep, graded);
    if (!gvhd) {
        return fail(gvhd.error());
    }
    for (const auto& day : graded) {
        std::cout << "  " << hsct::to_string(day.day) << " (" << hsct::to_string(date_of(day.day)) << "): "
                  << cx::label(day.magic_grade.grade) << " (" << organs(day.magic_grade) << ")\n";
    }
    std::cout << "  maximum: " << cx::label(gvhd->magic.grade) << ", first on " << hsct::to_string(*gvhd->magic.day)
              << "; treated with prednisolone 1 mg/kg, rash settling from D+28\n";
    // Recorded at onset with the onset grade, and again when the maximum was first reached; the
    // grading rule's grade (0-IV) becomes the episode's (I-IV) in workflow/stage_events.hpp.
    const auto onset = w::acute_gvhd_record(at(date_of(gvhd_ep.onset), 11), physician, graded.front().magic_grade.grade);
    const auto worst = w::acute_gvhd_record(at(date_of(*gvhd->magic.day), 11), physician, gvhd->magic.grade);
    if (!onset || !worst) {
        std::cout << "no GVHD grade to record\n";
        return 1;
    }
    j.step(*onset, "onset, " + std::string(hsct::label(onset->gvhd.acute)));
    if (worst->gvhd.acute != onset->gvhd.acute) {
        j.step(*worst, "the episode's maximum, " + std::string(hsct::label(worst->gvhd.acute)));
    }
    const sys_days discharged = planned_day0 + days(30);
    j.step(w::episode_record::of(w::episode_event::discharge, at(discharged, 14), physician));

    // ---- 7. follow-up --------------------------------------------------------------------------
    std::cout << "\n7. Follow-up to Day +365\n";
    const sys_days one_year = f::add_months(j.day0, 12).value();
    j.step(w::episode_record::of(w::episode_event::begin_follow_up, at(j.day0 + days(35), 9), clinic));
    f::reporting_input ri{timeline, f::registry_form::cibmtr_post_ted_2450, one_year};
    ri.preparative_start = conditioning_start;
    const auto reports = f::reporting_schedule(ri);
    if (!reports) {
        return fail(reports.error());
    }
    std::cout << "  registry reports:\n";
    for (const auto& r : *reports) {
        std::cout << "    " << f::render(r) << "\n";
    }
    // Immunosuppression (ciclosporin) tapered and stopped on D+180; acute GVHD controlled to D+70.
    const sys_days is_stop = j.day0 + days(180);
    const sys_days gvhd_resolved = j.day0 + days(70);
    std::cout << "  late-effects screening:\n";
    for (const int months : {6, 12}) {
        f::screening_input s;
        s.day0 = j.day0;
        s.on = f::add_months(j.day0, months).value();
        s.donor = hsct::donor_type::hla_identical_sibling;
        s.recipient_sex = hsct::sex::male;
        s.child = false;
        s.pubertal = f::pubertal_status::postpubertal;
        s.exposures.insert(f::screening_exposure::prolonged_steroids);
        s.exposures.insert_if(f::screening_exposure::immunosuppression, s.on < is_stop);
        s.exposures.insert_if(f::screening_exposure::chronic_gvhd_risk, s.on < is_stop);
        const auto due = f::assess_screening(s);
        if (!due) {
            return fail(due.error());
        }
        std::string specific;
        for (const auto& item : due->items) {
            if (item.basis != f::screening_basis::all_recipients) {
                specific += (specific.empty() ? "" : "; ") + std::string(hsct::label(item.test));
            }
        }
        std::cout << "    " << hsct::to_string(due->visit_date) << " " << tday(due->visit_date, j.day0) << "  "
                  << hsct::label(due->visit) << ": " << due->items.size() << " items, of them for this patient's history: "
                  << (specific.empty() ? "none" : specific) << "\n";
    }
    // Vaccinations: each dose on the first day the revaccination rule says it is due.
    f::revaccination_input v;
    v.timeline = &timeline;
    v.donor = hsct::donor_type::hla_identical_sibling;
    v.measles = f::serostatus::positive;
    v.varicella = f::serostatus::positive;
    std::vector<f::vaccine_dose> given;
    for (sys_days day = j.day0; day <= one_year; day += days{1}) {
        v.on = day;
        v.age = hsct::age::make(birth, day).value();
        v.gvhd = day >= date_of(gvhd_ep.onset) && day < gvhd_resolved ? f::gvhd_state::controlled : f::gvhd_state::none;
        v.immunosuppression = day < is_stop ? f::immunosuppression_state::ongoing : f::immunosuppression_state::stopped;
        v.immunosuppression_stopped = day < is_stop ? std::nullopt : std::optional(is_stop);
        v.doses = given;
        const auto r = f::assess_revaccination(v);
        if (!r) {
            return fail(r.error());
        }
        for (const auto& dec : r->vaccines) {
            if (dec.status == f::vaccine_status::due && dec.row != nullptr &&
                dec.row->advice == f::vaccine_advice::recommended) {
                given.push_back({dec.which, day});
            }
        }
    }
    std::cout << "  vaccinations in the first year (recommended vaccines, each dose when first due):\n";
    for (const auto vac : hsct::values<f::vaccine>()) {
        std::string line;
        for (const auto& dose : given) {
            if (dose.which == vac) {
                line += (line.empty() ? "" : ", ") + tday(dose.date, j.day0);
            }
        }
        if (!line.empty()) {
            std::cout << "    " << hsct::label(vac) << ": " << line << "\n";
        }
    }
    for (const int day : {100, 180, 365}) {
        j.step(w::episode_record::of(w::episode_event::follow_up_visit, at(j.day0 + days(day), 10), clinic),
               day == 365 ? "in complete remission, off immunosuppression, no chronic GVHD" : "");
    }
    const auto outcomes = w::outcome_events(j.log);
    if (!outcomes) {
        std::cout << "no outcome events: never infused\n";
        return 1;
    }
    const auto endpoints = f::assess_endpoints(outcomes->view());
    if (!endpoints) {
        return fail(endpoints.error());
    }
    std::cout << "  outcome events from the log:";
    for (const auto& ev : outcomes->events) {
        std::cout << " " << hsct::label(ev.kind) << " " << tday(ev.date, outcomes->day0) << ";";
    }
    std::cout << "\n  endpoints at " << hsct::to_string(one_year) << " (" << tday(one_year, j.day0) << "):\n";
    for (const auto& r : endpoints->records) {
        std::cout << "    " << f::render(r) << "\n";
    }

    // ---- 8. the episode and its log --------------------------------------------------------------
    const auto& ep = j.log.state();
    std::cout << "\n8. The episode as recorded\n"
              << "  state " << w::label(ep.state) << " after " << ep.events << " events; conditioning from "
              << tday(*ep.conditioning_start, *ep.day0) << ", Day 0 " << hsct::to_string(*ep.day0) << ", neutrophils "
              << tday(*ep.neutrophil_engraftment, *ep.day0) << ", platelets " << tday(*ep.platelet_engraftment, *ep.day0)
              << ",\n  acute GVHD from " << tday(*ep.acute_gvhd_onset, *ep.day0) << " (maximum "
              << hsct::label(*ep.acute_gvhd_max) << "), discharged " << tday(*ep.discharge, *ep.day0)
              << ", last contact " << tday(*ep.last_contact, *ep.day0) << "\n";
    const std::array<std::uint8_t, 32> key_bytes{
        0x68, 0x73, 0x63, 0x74, 0x2d, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2d, 0x6b, 0x65, 0x79,
        0x2d, 0x6e, 0x6f, 0x74, 0x2d, 0x66, 0x6f, 0x72, 0x2d, 0x75, 0x73, 0x65, 0x21, 0x21, 0x21, 0x21};
    const w::log_key key{key_bytes};
    const std::string text = w::write_episode_log(j.log, {key});
    std::size_t lines = 0;
    for (const char ch : text) {
        lines += ch == '\n' ? 1U : 0U;
    }
    std::cout << "  log written with an HMAC key: " << lines << " lines, " << j.log.records().size()
              << " entries; the first lines:\n";
    std::size_t pos = 0;
    for (int k = 0; k < 3; ++k) {
        const auto end = text.find('\n', pos);
        std::cout << "    " << text.substr(pos, end - pos) << "\n";
        pos = end + 1;
    }
    const auto back = w::read_episode_log(text, {key});
    if (!back) {
        return fail(back.error());
    }
    const auto check = w::verify_episode_log(text, {key});
    std::cout << "  read back: " << back->records().size() << " entries; replayed state "
              << (back->state() == j.log.state() ? "equals" : "DIFFERS FROM") << " the live state; replay of the live log "
              << (w::replay(j.log).state == j.log.state() ? "equals" : "DIFFERS FROM") << " it too\n"
              << "  verified: " << (check.ok() ? "yes" : "NO") << " (format version " << check.version << ", "
              << check.entries << " entries, MACs " << (check.macs_checked ? "checked" : "not checked") << ")\n";
    // Someone downgrades the recorded GVHD maximum in a copy of the text.
    std::string tampered = text;
    const auto at_grade = tampered.find("grade=grade_2");
    if (at_grade == std::string::npos) {
        std::cout << "no grade II entry to tamper with\n";
        return 1;
    }
    tampered.replace(at_grade, 13, "grade=grade_1");
    for (const bool with_key : {true, false}) {
        const auto bad = w::verify_episode_log(tampered, with_key ? w::log_read_options{key} : w::log_read_options{});
        std::cout << "  a copy with the grade II entry changed to grade I, checked " << (with_key ? "with" : "without")
                  << " the key: ";
        if (bad.ok()) {
            std::cout << "NOT DETECTED\n";
            return 1;
        }
        std::cout << w::label(bad.problem->fault) << " at entry " << bad.problem->entry << " (line "
                  << bad.problem->line << ") [" << bad.problem->requirement << "]\n";
    }

    // ---- the chart -----------------------------------------------------------------------------
    if (argc > 1) {
        namespace viz = hsct_examples::viz;
        const std::array<viz::event_marker, 4> events{{
            {viz::event_kind::conditioning_start, *timeline.day_of(conditioning_start), "Conditioning (FluBu4)"},
            {viz::event_kind::day0, hsct::transplant_day::at(0), "Infusion"},
            {viz::event_kind::gvhd_onset, gvhd_ep.onset, "Acute GVHD onset"},
            {viz::event_kind::discharge, *timeline.day_of(discharged), "Discharge"},
        }};
        viz::engraftment_chart chart;
        chart.anc = anc->days();
        chart.platelets = plt->days();
        chart.transfusions = &*tx;
        chart.neutrophil = &*neutrophil;
        chart.platelet_results = platelet_results;
        chart.events = events;
        chart.title = "Patient journey EP 2025/017: ANC and platelets by transplant day";
        std::ofstream svg(argv[1], std::ios::binary);
        svg << viz::render_svg(chart);
        svg.close();
        if (!svg) {
            std::cerr << "could not write the chart to " << argv[1] << "\n";
            return 1;
        }
    }
    return j.ok ? 0 : 1;
}
