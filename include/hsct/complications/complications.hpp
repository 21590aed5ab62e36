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
#include "hsct/complications/chronic_gvhd.hpp"
#include "hsct/complications/gvhd_category.hpp"
#include "hsct/complications/sos_vod.hpp"
#include "hsct/complications/sos_vod_input.hpp"
#include "hsct/complications/sos_vod_paediatric.hpp"
#include "hsct/complications/sos_vod_severity.hpp"
#include "hsct/complications/engraftment_syndrome.hpp"
#include "hsct/complications/ta_tma.hpp"
#include "hsct/complications/vocabulary.hpp"

#endif  // HSCT_COMPLICATIONS_COMPLICATIONS_HPP
