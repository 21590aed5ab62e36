// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Opt-in stream output for workflow's types (see <hsct/core/io.hpp>): every workflow enum prints
// its label; a rejection, a log problem and an episode their English rendering
// (episode_text.hpp).
#ifndef HSCT_WORKFLOW_IO_HPP
#define HSCT_WORKFLOW_IO_HPP

#include <ostream>

#include "hsct/core/io.hpp"
#include "hsct/workflow/episode_text.hpp"
#include "hsct/workflow/workflow.hpp"

namespace hsct::workflow {

using hsct::operator<<;

inline std::ostream& operator<<(std::ostream& os, const episode_rejection& r) { return os << render(r); }
inline std::ostream& operator<<(std::ostream& os, const log_problem& p) { return os << render(p); }
inline std::ostream& operator<<(std::ostream& os, const episode& e) { return os << render(e); }

}  // namespace hsct::workflow

#endif  // HSCT_WORKFLOW_IO_HPP
