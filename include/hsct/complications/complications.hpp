// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The complications module: acute GVHD graded from raw measurements over time (MAGIC 2016,
// modified Glucksberg / Keystone 1995, IBMTR), the NIH acute/chronic category, chronic GVHD (NIH
// 2014), SOS/VOD (modified Seattle, Baltimore, EBMT 2016, 2018 paediatric, 2023 refined), TA-TMA
// and engraftment syndrome, under named policies (issue 13, docs/complications.md). Types and
// rules only.
#ifndef HSCT_COMPLICATIONS_COMPLICATIONS_HPP
#define HSCT_COMPLICATIONS_COMPLICATIONS_HPP

#include "hsct/complications/acute_gvhd.hpp"
#include "hsct/complications/acute_gvhd_course.hpp"
// chronic GVHD and the NIH category (helper): chronic_gvhd.hpp, gvhd_category.hpp land here
// SOS/VOD (helper): sos_vod.hpp lands here
// TA-TMA and engraftment syndrome (helper): ta_tma.hpp, engraftment_syndrome.hpp land here
#include "hsct/complications/vocabulary.hpp"

#endif  // HSCT_COMPLICATIONS_COMPLICATIONS_HPP
