// hsct example: an adult's acute GVHD graded from raw daily measurements over ten days by MAGIC
// 2016, modified Glucksberg (Keystone 1995) and the IBMTR index, each day with its stages and the
// organs and measurements that decided the grade, then the episode's maximum. Output is checked
// against gvhd_course.expected in CI.
//
// The course: a rash from D+18, diarrhoea from D+21 (the lower-GI diagnosis on D+23, staged on the
// highest day of the 3 before it, then on the 3-day mean), nausea D+22 to D+24 (persistent on the
// third day), bilirubin rising to 3.4 mg/dL (entered in umol/L on D+25), and on D+26 a rise the
// clinician attributes partly to drug toxicity (Keystone then stages the liver one lower).
#include <hsct/complications/acute_gvhd_course.hpp>
#include <hsct/core/explain.hpp>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {
namespace c = hsct::complications;
namespace u = hsct::units;

std::string number(double v, int decimals) {
    char buf[64];
    static_cast<void>(std::snprintf(buf, sizeof buf, "%.*f", decimals, v));
    return buf;
}

// "skin 2 (active erythema (% BSA) 30 % >= 25)"
std::string stage_text(const c::organ_stage& s) {
    std::string t = std::string(c::label(s.organ)) + " " + std::to_string(s.stage);
    const auto& k = s.decided_by;
    if (!s.assessed) {
        return t + " (not assessed)";
    }
    t += " (" + std::string(c::label(k.id));
    if (k.measured.what() == hsct::measure::kind::quantity || k.measured.what() == hsct::measure::kind::count) {
        t += ": " + number(k.measured.number(), k.id == c::agvhd_criterion::bilirubin ? 1 : 0) + " " +
             std::string(hsct::label(k.cmp)) + " " + number(k.threshold, k.id == c::agvhd_criterion::bilirubin ? 1 : 0);
    }
    if (k.measured.what() == hsct::measure::kind::flag) {
        t += k.result == hsct::outcome::met ? ": yes" : ": no";
    }
    if (!k.verified) {
        t += "; hsct's reading of a printed gap";
    }
    return t + ")";
}

template <class R>
std::string decided(const R& g) {
    std::string t;
    for (const auto& s : g.decided_by) {
        t += (t.empty() ? "" : ", ") + std::string(c::label(s.organ)) + " " + std::to_string(s.stage);
    }
    return t.empty() ? "no organ involved" : t;
}

c::gvhd_course_day day(int d) {
    c::gvhd_course_day x;
    x.findings.day = hsct::transplant_day::at(d);
    return x;
}
}  // namespace

int main() {
    std::vector<c::gvhd_course_day> days;
    auto d18 = day(18);
    d18.weight = hsct::mass(72.0, u::kg);
    d18.findings.rash_bsa = hsct::percent(10.0, u::pct);
    d18.findings.bilirubin = hsct::bilirubin(0.9, u::mg_per_dl);
    days.push_back(d18);
    auto d19 = day(19);
    d19.findings.rash_bsa = hsct::percent(20.0, u::pct);
    days.push_back(d19);
    auto d20 = day(20);
    d20.findings.rash_bsa = hsct::percent(30.0, u::pct);
    d20.findings.stool_volume = hsct::volume(300.0, u::mL);
    d20.findings.bilirubin = hsct::bilirubin(1.6, u::mg_per_dl);
    days.push_back(d20);
    auto d21 = day(21);
    d21.findings.rash_bsa = hsct::percent(30.0, u::pct);
    d21.findings.stool_volume = hsct::volume(700.0, u::mL);
    days.push_back(d21);
    auto d22 = day(22);
    d22.findings.rash_bsa = hsct::percent(35.0, u::pct);
    d22.findings.stool_volume = hsct::volume(1100.0, u::mL);
    d22.findings.upper_gi_symptoms = true;  // nausea that day
    days.push_back(d22);
    auto d23 = day(23);
    d23.findings.rash_bsa = hsct::percent(35.0, u::pct);
    d23.findings.stool_volume = hsct::volume(800.0, u::mL);
    d23.findings.stool_episodes = 1;  // one more liquid stool, not measured: counted at 200 mL
    d23.findings.upper_gi_symptoms = true;
    d23.findings.bilirubin = hsct::bilirubin(2.4, u::mg_per_dl);
    days.push_back(d23);
    auto d24 = day(24);
    d24.findings.rash_bsa = hsct::percent(55.0, u::pct);
    d24.findings.stool_volume = hsct::volume(1600.0, u::mL);
    d24.findings.upper_gi_symptoms = true;
    days.push_back(d24);
    auto d25 = day(25);
    d25.findings.rash_bsa = hsct::percent(55.0, u::pct);
    d25.findings.stool_volume = hsct::volume(1400.0, u::mL);
    d25.findings.bilirubin = hsct::bilirubin(58.0, u::umol_per_l);  // 3.4 mg/dL
    days.push_back(d25);
    auto d26 = day(26);
    d26.findings.rash_bsa = hsct::percent(40.0, u::pct);
    d26.findings.stool_volume = hsct::volume(900.0, u::mL);
    d26.findings.bilirubin = hsct::bilirubin(4.1, u::mg_per_dl);
    d26.findings.liver_cause = c::gvhd_attribution::gvhd_and_other_cause;  // drug toxicity contributes
    days.push_back(d26);
    auto d27 = day(27);
    d27.findings.rash_bsa = hsct::percent(20.0, u::pct);
    d27.findings.stool_volume = hsct::volume(400.0, u::mL);
    d27.findings.bilirubin = hsct::bilirubin(2.2, u::mg_per_dl);
    days.push_back(d27);

    const c::gvhd_episode episode{hsct::transplant_day::at(18), hsct::transplant_day::at(23)};
    std::vector<c::gvhd_day_grade> graded(days.size());
    const auto r = c::assess_gvhd_course(days, episode, graded);
    if (!r) {
        std::cout << "refused: " << r.error().message() << "\n";
        return 1;
    }
    std::cout << "Acute GVHD, onset " << hsct::to_string(episode.onset) << ", lower-GI diagnosis "
              << hsct::to_string(*episode.lower_gi_onset) << " (adult, 72 kg)\n";
    for (const auto& g : graded) {
        std::cout << hsct::to_string(g.day) << ": MAGIC " << c::label(g.magic_grade.grade) << " ("
                  << decided(g.magic_grade) << "); modified Glucksberg " << c::label(g.keystone_grade.grade) << " ("
                  << decided(g.keystone_grade) << "); IBMTR " << c::label(g.ibmtr.grade) << "\n";
        std::cout << "  MAGIC stages: " << stage_text(g.magic.skin) << "; " << stage_text(g.magic.liver) << "; "
                  << stage_text(g.magic.upper_gi) << "; " << stage_text(g.magic.lower_gi) << "\n";
        if (g.lower_gi_onset_day) {
            std::cout << "  lower GI on the diagnosis day: the highest day of the 3 before it\n";
        } else if (g.stool_days_averaged > 1) {
            std::cout << "  lower GI on the mean of " << static_cast<int>(g.stool_days_averaged) << " days\n";
        }
        if (g.keystone.liver.decided_by.id == c::agvhd_criterion::other_cause_downgrade) {
            std::cout << "  Keystone liver " << static_cast<int>(g.keystone.liver.stage)
                      << ": one stage lower, another cause contributes\n";
        }
    }
    std::cout << "Episode maximum: MAGIC " << c::label(r->magic.grade) << " first on " << hsct::to_string(*r->magic.day)
              << " (" << decided(r->magic) << "); modified Glucksberg " << c::label(r->keystone.grade) << " first on "
              << hsct::to_string(*r->keystone.day) << "; IBMTR " << c::label(r->ibmtr.grade) << " first on "
              << hsct::to_string(*r->ibmtr.day) << "\n";
    return 0;
}
