// Structural and rule checks of a loaded process (reachability, traps, checkpoints, roles).
//
//   Diagnostics findings = check_process(process);            // in English
//   Diagnostics löydökset = check_process(process, Lang::fi);  // in Finnish (labels too)
//   // each finding: file:line, message, and where a route proves it, the route
#pragma once

#include "model/diagnostic.h"
#include "model/process.h"

namespace sujuva {

// Errors are findings that make the model wrong (exit 1); warnings are hints. The messages and
// the step and role labels quoted in them are in `lang`; the routes are step ids in every language.
Diagnostics check_process(const Process& process, Lang lang = Lang::en);

}  // namespace sujuva
