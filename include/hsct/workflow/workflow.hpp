// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The workflow module (issue 15, docs/workflow.md): the transplant episode machine, its
// tamper-evident event log and the patient journey. The only module that may include every other.
// The episode machine (episode.hpp); its append-only log and tamper-evident text form
// (episode_log.hpp); records from the engraftment and GVHD rules' results (stage_events.hpp); its
// outcome events for follow-up's endpoints (outcomes.hpp); SHA-256 and HMAC-SHA-256 for the log's
// hash chain (sha256.hpp). Types and rules only.
#ifndef HSCT_WORKFLOW_WORKFLOW_HPP
#define HSCT_WORKFLOW_WORKFLOW_HPP

#include "hsct/workflow/episode.hpp"
#include "hsct/workflow/episode_log.hpp"
#include "hsct/workflow/outcomes.hpp"
#include "hsct/workflow/sha256.hpp"
#include "hsct/workflow/stage_events.hpp"
#include "hsct/workflow/vocabulary.hpp"

#endif  // HSCT_WORKFLOW_WORKFLOW_HPP
