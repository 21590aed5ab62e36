// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The patient module: sex and age, body size and dosing weight, performance status, HCT-CI,
// Disease Risk Index and the EBMT risk score. Depends on core only.
//
// PAT-CONTRACTS: no input aborts. Every entry point here that takes data returns a value or an
// hsct::error naming the field, for any number, enum code of inputs and options, or text
// (tests tagged [PAT-CONTRACTS]).
#ifndef HSCT_PATIENT_PATIENT_HPP
#define HSCT_PATIENT_PATIENT_HPP

#include "hsct/patient/body_size.hpp"
#include "hsct/core/demographics.hpp"
#include "hsct/patient/disease_risk.hpp"
#include "hsct/patient/dosing_weight.hpp"
#include "hsct/patient/ebmt_score.hpp"
#include "hsct/patient/hct_ci.hpp"
#include "hsct/patient/performance_status.hpp"
#include "hsct/patient/vocabulary.hpp"

#endif  // HSCT_PATIENT_PATIENT_HPP
