// Structural and rule checks of a loaded process (reachability, traps, checkpoints, roles).
//
//   Diagnostics findings = check_process(process);
//   // each finding: file:line, message, and where a route proves it, the route
#pragma once

#include "model/diagnostic.h"
#include "model/process.h"

namespace sujuva {

// Errors are findings that make the model wrong (exit 1); warnings are hints.
Diagnostics check_process(const Process& process);

}  // namespace sujuva
