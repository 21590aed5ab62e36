// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for the complications module's types (see <hsct/core/io.hpp>): every
// complications enum prints its label; each result and value type its English rendering
// (acute_gvhd_text.hpp, acute_gvhd_course_text.hpp, chronic_gvhd_diagnosis_text.hpp,
// chronic_gvhd_bos_text.hpp, chronic_gvhd_scores_text.hpp, chronic_gvhd_severity_text.hpp,
// gvhd_category_text.hpp, sos_vod_input_text.hpp, sos_vod_text.hpp, sos_vod_severity_text.hpp,
// sos_vod_paediatric_text.hpp, ta_tma_text.hpp, engraftment_syndrome_text.hpp).
//
//   #include <hsct/complications/io.hpp>
//   std::cout << *assess_gvhd_category(in) << "\n";   // "NIH GVHD category on D+150: ..."
//
// A grade_result and an episode_maximum carry neither their system nor their day: they print the
// grade and the organs that conferred it; render(grade, stages) names the system. A day's grades
// print under the default course options (render(day, options) names others).
#ifndef HSCT_COMPLICATIONS_IO_HPP
#define HSCT_COMPLICATIONS_IO_HPP

#include <ostream>

#include "hsct/complications/acute_gvhd_course_text.hpp"
#include "hsct/complications/acute_gvhd_text.hpp"
#include "hsct/complications/chronic_gvhd_bos_text.hpp"
#include "hsct/complications/chronic_gvhd_diagnosis_text.hpp"
#include "hsct/complications/chronic_gvhd_scores_text.hpp"
#include "hsct/complications/chronic_gvhd_severity_text.hpp"
#include "hsct/complications/complications.hpp"
#include "hsct/complications/engraftment_syndrome_text.hpp"
#include "hsct/complications/gvhd_category_text.hpp"
#include "hsct/complications/sos_vod_input_text.hpp"
#include "hsct/complications/sos_vod_paediatric_text.hpp"
#include "hsct/complications/sos_vod_severity_text.hpp"
#include "hsct/complications/sos_vod_text.hpp"
#include "hsct/complications/ta_tma_text.hpp"
#include "hsct/core/io.hpp"

namespace hsct::complications {

using hsct::operator<<;

// acute GVHD
inline std::ostream& operator<<(std::ostream& os, const organ_stage& s) {
    return os << render(s);
}
inline std::ostream& operator<<(std::ostream& os, const magic_stages& s) {
    return os << render(s);
}
inline std::ostream& operator<<(std::ostream& os, const keystone_stages& s) {
    return os << render(s);
}
template <class Grade>
std::ostream& operator<<(std::ostream& os, const grade_result<Grade>& g) {
    return os << render(g);
}
template <class Grade>
std::ostream& operator<<(std::ostream& os, const episode_maximum<Grade>& m) {
    return os << render(m);
}
inline std::ostream& operator<<(std::ostream& os, const gvhd_day_grade& g) {
    return os << render(g);
}
inline std::ostream& operator<<(std::ostream& os, const gvhd_episode_result& r) {
    return os << render(r);
}
// chronic GVHD and the NIH category
inline std::ostream& operator<<(std::ostream& os, const cgvhd_diagnosis_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const bos_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const nih_organ_score& s) {
    return os << render(s);
}
inline std::ostream& operator<<(std::ostream& os, const nih_organ_scores_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const cgvhd_global_severity_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const chronic_gvhd_severity_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const gvhd_category_result& r) {
    return os << render(r);
}
// SOS/VOD
inline std::ostream& operator<<(std::ostream& os, const sos_finding_record& f) {
    return os << render(f);
}
template <class Id>
std::ostream& operator<<(std::ostream& os, const sos_dated_criterion<Id>& c) {
    return os << render(c);
}
template <class Row>
std::ostream& operator<<(std::ostream& os, const sos_graded_criterion<Row>& g) {
    return os << render(g);
}
inline std::ostream& operator<<(std::ostream& os, const sos_seattle_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const sos_baltimore_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const sos_ebmt2016_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const sos_ebmt2023_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const sos_adult_severity_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const sos_paediatric_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const sos_paediatric_severity_result& r) {
    return os << render(r);
}
// TA-TMA and engraftment syndrome
inline std::ostream& operator<<(std::ostream& os, const blood_pressure& bp) {
    return os << render(bp);
}
inline std::ostream& operator<<(std::ostream& os, const protein_creatinine_ratio& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const sc5b9_level& l) {
    return os << render(l);
}
inline std::ostream& operator<<(std::ostream& os, const ta_tma_time_point& p) {
    return os << render(p);
}
inline std::ostream& operator<<(std::ostream& os, const jodele_time_point& p) {
    return os << render(p);
}
inline std::ostream& operator<<(std::ostream& os, const ta_tma_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const jodele_tma_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const body_temperature& t) {
    return os << render(t);
}
inline std::ostream& operator<<(std::ostream& os, const es_day& d) {
    return os << render(d);
}
inline std::ostream& operator<<(std::ostream& os, const spitzer_es_result& r) {
    return os << render(r);
}
inline std::ostream& operator<<(std::ostream& os, const maiolino_es_result& r) {
    return os << render(r);
}

}  // namespace hsct::complications

#endif  // HSCT_COMPLICATIONS_IO_HPP
