// Tests for include/hsct/complications/io.hpp: stream output prints the enum labels, and every
// complications value and result prints its English rendering.
#include <hsct/complications/io.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/sos_episode.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_complications_io_test {

namespace c = hsct::complications;
namespace u = hsct::units;
using hsct::transplant_day;

TEST_CASE("complications enums print their label", "[complications][io][CORE-EXPLAIN-002]") {
    std::ostringstream os;
    os << c::agvhd_grade::grade_iii << " | " << c::ibmtr_index::c << " | " << c::cgvhd_severity::moderate << " | "
       << c::gvhd_category::overlap_syndrome << " | " << c::sos_status::indeterminate << " | " << c::ta_tma_risk::high
       << " | " << c::es_status::met;
    CHECK(os.str() ==
          "grade III | index C | moderate chronic GVHD | overlap syndrome (chronic GVHD with acute features) | "
          "indeterminate (input missing) | high-risk TA-TMA | engraftment syndrome");
}

TEST_CASE("acute GVHD values and results print their rendering",
          "[complications][io][COMP-AGVHD-003][COMP-AGVHD-007]") {
    c::gvhd_day d;
    d.day = transplant_day::at(21);
    d.rash_bsa = hsct::percent(30.0, u::pct);
    d.stool_volume = hsct::volume(600.0, u::mL);
    const c::gvhd_patient adult{hsct::mass(70.0, u::kg)};
    const auto m = c::stage_magic(d, adult);
    const auto k = c::stage_keystone(d, adult);
    REQUIRE(m.has_value());
    REQUIRE(k.has_value());
    std::vector<c::gvhd_course_day> days(1);
    days[0].findings = d;
    days[0].weight = hsct::mass(70.0, u::kg);
    std::vector<c::gvhd_day_grade> graded(1);
    const auto course = c::assess_gvhd_course(days, {transplant_day::at(21)}, graded);
    REQUIRE(course.has_value());
    std::ostringstream os;
    os << m->skin << " / " << *m << " / " << *k << " / " << c::grade_magic(*m) << " / " << c::grade_ibmtr(*k) << " / "
       << graded[0] << " / " << course->magic << " / " << *course;
    CHECK(os.str() ==
          hsct::detail::concat({c::render(m->skin), " / ", c::render(*m), " / ", c::render(*k), " / ",
                                c::render(c::grade_magic(*m)), " / ", c::render(c::grade_ibmtr(*k)), " / ",
                                c::render(graded[0]), " / ", c::render(course->magic), " / ", c::render(*course)}));
}

TEST_CASE("chronic GVHD and category results print their rendering",
          "[complications][io][COMP-CGVHD-001][COMP-CGVHD-003][COMP-CGVHD-020][COMP-CAT-001]") {
    c::cgvhd_diagnosis_input dx;
    dx.signs.insert(c::cgvhd_sign::poikiloderma);
    dx.other_causes_excluded = true;
    const auto diagnosis = c::assess_chronic_gvhd_diagnosis(dx);
    c::bos_input b;
    b.fev1_vc_ratio = 0.62;
    const auto bos = c::assess_bos(b);
    c::cgvhd_organ_input in;
    in.skin.bsa = hsct::percent(10.0, u::pct);
    in.mouth.finding = c::mouth_finding::mild;
    const auto severity = c::assess_chronic_gvhd_severity(in);
    c::gvhd_category_input cat;
    cat.day = transplant_day::at(150);
    cat.acute_features = true;
    cat.chronic_gvhd = false;
    const auto category = c::assess_gvhd_category(cat);
    REQUIRE(diagnosis.has_value());
    REQUIRE(bos.has_value());
    REQUIRE(severity.has_value());
    REQUIRE(category.has_value());
    std::ostringstream os;
    os << *diagnosis << " / " << *bos << " / " << severity->organs.scores.skin << " / " << severity->organs << " / "
       << severity->global << " / " << *severity << " / " << *category;
    CHECK(os.str() == hsct::detail::concat({c::render(*diagnosis), " / ", c::render(*bos), " / ",
                                            c::render(severity->organs.scores.skin), " / ", c::render(severity->organs),
                                            " / ", c::render(severity->global), " / ", c::render(*severity), " / ",
                                            c::render(*category)}));
}

TEST_CASE("SOS/VOD values and results print their rendering",
          "[complications][io][COMP-SOS-030][COMP-SOS-040][COMP-SOS-065]") {
    using f = c::sos_finding;
    hsct_test::sos_episode e(14);
    e.bilirubin(14, 2.4).sign(f::hepatomegaly, 11).sign(f::ruq_pain, 11).weight_gain(14, 6.0).first_symptom(11);
    const auto seattle = c::assess_sos_seattle(e.get());
    const auto baltimore = c::assess_sos_baltimore(e.get());
    const auto e16 = c::assess_sos_ebmt2016(e.get());
    const auto e23 = c::assess_sos_ebmt2023(e.get());
    const auto g16 = c::assess_sos_ebmt2016_severity(e.get());
    const auto paed = c::assess_sos_paediatric(e.get());
    const auto paed_g = c::assess_sos_paediatric_severity(e.get());
    REQUIRE(seattle.has_value());
    REQUIRE(baltimore.has_value());
    REQUIRE(e16.has_value());
    REQUIRE(e23.has_value());
    REQUIRE(g16.has_value());
    REQUIRE(paed.has_value());
    REQUIRE(paed_g.has_value());
    const auto finding = c::sos_finding_record::from(f::ascites, transplant_day::at(12));
    std::ostringstream os;
    os << finding << " / " << e16->criteria[0] << " / " << g16->criteria[0] << " / " << *seattle << " / " << *baltimore
       << " / " << *e16 << " / " << *e23 << " / " << *g16 << " / " << *paed << " / " << *paed_g;
    CHECK(os.str() ==
          hsct::detail::concat({c::render(finding), " / ", c::render(e16->criteria[0]), " / ",
                                c::render(g16->criteria[0]), " / ", c::render(*seattle), " / ", c::render(*baltimore),
                                " / ", c::render(*e16), " / ", c::render(*e23), " / ", c::render(*g16), " / ",
                                c::render(*paed), " / ", c::render(*paed_g)}));
}

TEST_CASE("TA-TMA and engraftment syndrome values and results print their rendering",
          "[complications][io][COMP-TMA-001][COMP-TMA-020][COMP-ES-001][COMP-ES-010]") {
    c::ta_tma_assessment a;
    a.day = transplant_day::at(60);
    a.bp = *c::blood_pressure::make(150, 95, c::pressure_unit::mmhg);
    a.rupcr = *c::protein_creatinine_ratio::make(0.5, c::upcr_unit::mg_per_mg);
    a.sc5b9 = *c::sc5b9_level::from_multiple(1.4);
    a.schistocytes = true;
    const std::vector v{a};
    c::ta_tma_input in;
    in.assessments = v;
    in.age = *hsct::age::make(45, 0);
    const auto tma = c::assess_ta_tma(in);
    const auto jodele = c::assess_jodele_tma(in);
    REQUIRE(tma.has_value());
    REQUIRE(jodele.has_value());
    c::es_observation o;
    o.day = transplant_day::at(12);
    o.temperature = *c::body_temperature::make(38.6, c::temperature_unit::celsius);
    o.infection_identified = false;
    const std::vector w{o};
    c::engraftment_syndrome_input es;
    es.observations = w;
    es.engraftment_day = transplant_day::at(11);
    const auto spitzer = c::assess_spitzer_es(es);
    const auto maiolino = c::assess_maiolino_es(es);
    REQUIRE(spitzer.has_value());
    REQUIRE(maiolino.has_value());
    std::ostringstream os;
    os << *a.bp << " / " << *a.rupcr << " / " << *a.sc5b9 << " / " << tma->time_points[0] << " / "
       << jodele->time_points[0] << " / " << *tma << " / " << *jodele << " / " << *o.temperature << " / "
       << spitzer->days[0] << " / " << *spitzer << " / " << *maiolino;
    CHECK(os.str() == hsct::detail::concat({"150/95 mmHg / 0.5 mg/mg / 1.4 x ULN / ", c::render(tma->time_points[0]),
                                            " / ", c::render(jodele->time_points[0]), " / ", c::render(*tma), " / ",
                                            c::render(*jodele), " / 38.6 °C / ", c::render(spitzer->days[0]), " / ",
                                            c::render(*spitzer), " / ", c::render(*maiolino)}));
}

}  // namespace hsct_test_complications_io_test
