// A SOS/VOD episode for tests: measurements and findings added by day, the input's spans wired to
// them by get(). Baseline weight 100 kg (so a weight of 100 + x kg is a gain of x %) and baseline
// creatinine 1.0 mg/dL (so a creatinine of x mg/dL is x times baseline), both unless changed.
#ifndef HSCT_TESTS_SUPPORT_SOS_EPISODE_HPP
#define HSCT_TESTS_SUPPORT_SOS_EPISODE_HPP

#include <hsct/complications/sos_vod_input.hpp>

#include <optional>
#include <vector>

namespace hsct_test {

class sos_episode {
public:
    using finding = hsct::complications::sos_finding;
    static hsct::transplant_day day(int d) { return hsct::transplant_day::at(d); }

    explicit sos_episode(int assessed_on, double baseline_kg = 100.0) {
        in_.assessed_on = day(assessed_on);
        in_.baseline_weight = hsct::complications::sos_measurement<hsct::mass>{day(-7), hsct::mass(baseline_kg, hsct::units::kg)};
        in_.baseline_creatinine = hsct::creatinine(1.0, hsct::units::mg_per_dl);
    }
    sos_episode& bilirubin(int d, double mg_dl) {
        bili_.push_back({day(d), hsct::bilirubin(mg_dl, hsct::units::mg_per_dl)});
        return *this;
    }
    sos_episode& bilirubin_umol(int d, double umol_l) {
        bili_.push_back({day(d), hsct::bilirubin(umol_l, hsct::units::umol_per_l)});
        return *this;
    }
    /// A weight `gain_pct` % above the 100 kg baseline.
    sos_episode& weight_gain(int d, double gain_pct) { return weight_kg(d, 100.0 + gain_pct); }
    sos_episode& weight_kg(int d, double kg) {
        weight_.push_back({day(d), hsct::mass(kg, hsct::units::kg)});
        return *this;
    }
    /// A creatinine `ratio` times the 1.0 mg/dL baseline.
    sos_episode& creatinine(int d, double ratio) {
        creat_.push_back({day(d), hsct::creatinine(ratio, hsct::units::mg_per_dl)});
        return *this;
    }
    sos_episode& alt(int d, double times_uln) {
        alt_.push_back({day(d), *hsct::lab_with_uln<hsct::alt>::from_multiple(times_uln)});
        return *this;
    }
    sos_episode& ast(int d, double times_uln) {
        ast_.push_back({day(d), *hsct::lab_with_uln<hsct::ast>::from_multiple(times_uln)});
        return *this;
    }
    sos_episode& hvpg(int d, double mmhg) {
        hvpg_.push_back({day(d), *hsct::complications::pressure_gradient::make(mmhg)});
        return *this;
    }
    sos_episode& gfr(int d, double ml_min) {
        gfr_.push_back({day(d), *hsct::complications::filtration_rate::make(ml_min)});
        return *this;
    }
    sos_episode& oxygen(int d, double l_min) {
        oxygen_.push_back({day(d), *hsct::complications::oxygen_flow::make(l_min)});
        return *this;
    }
    sos_episode& sign(finding f, int onset, std::optional<int> resolved = std::nullopt, bool by_imaging = false) {
        findings_.push_back(hsct::complications::sos_finding_record::from(
            f, day(onset), resolved ? std::optional<hsct::transplant_day>(day(*resolved)) : std::nullopt, by_imaging));
        return *this;
    }
    sos_episode& ascites(int onset, hsct::complications::sos_ascites_extent e) {
        findings_.push_back(hsct::complications::sos_finding_record::ascites_of(e, day(onset)));
        return *this;
    }
    sos_episode& sofa(int d, hsct::complications::sos_sofa_organ organ, int score) {
        sofa_.push_back({day(d), organ, *hsct::complications::sos_sofa_score::make(score)});
        return *this;
    }
    sos_episode& sofa_baseline(hsct::complications::sos_sofa_organ organ, int score) {
        sofa_base_.push_back({organ, *hsct::complications::sos_sofa_score::make(score)});
        return *this;
    }
    sos_episode& not_assessed(finding f) {
        in_.not_assessed.insert(f);
        return *this;
    }
    sos_episode& first_symptom(int d) {
        in_.first_symptom_day = day(d);
        return *this;
    }
    sos_episode& age(int years) {
        in_.age = *hsct::age::make(years, 0);
        return *this;
    }
    sos_episode& risk_factors(std::size_t n) {
        in_.risk_factors.assessed = true;
        in_.risk_factors.unlisted = static_cast<std::uint8_t>(n);
        return *this;
    }
    sos_episode& other_causes(hsct::complications::sos_other_cause c) {
        in_.other_causes = c;
        return *this;
    }
    /// The input, its spans pointing at this episode's vectors (valid while the episode lives).
    hsct::complications::sos_vod_input& get() {
        in_.bilirubin = bili_;
        in_.weight = weight_;
        in_.creatinine = creat_;
        in_.alt = alt_;
        in_.ast = ast_;
        in_.hvpg = hvpg_;
        in_.gfr = gfr_;
        in_.oxygen = oxygen_;
        in_.findings = findings_;
        in_.sofa = sofa_;
        in_.sofa_baseline = sofa_base_;
        return in_;
    }

private:
    template <class Q>
    using series = std::vector<hsct::complications::sos_measurement<Q>>;
    hsct::complications::sos_vod_input in_;
    series<hsct::bilirubin> bili_;
    series<hsct::mass> weight_;
    series<hsct::creatinine> creat_;
    series<hsct::lab_with_uln<hsct::alt>> alt_;
    series<hsct::lab_with_uln<hsct::ast>> ast_;
    series<hsct::complications::pressure_gradient> hvpg_;
    series<hsct::complications::filtration_rate> gfr_;
    series<hsct::complications::oxygen_flow> oxygen_;
    std::vector<hsct::complications::sos_finding_record> findings_;
    std::vector<hsct::complications::sos_sofa_record> sofa_;
    std::vector<hsct::complications::sos_sofa_baseline> sofa_base_;
};

}  // namespace hsct_test

#endif  // HSCT_TESTS_SUPPORT_SOS_EPISODE_HPP
