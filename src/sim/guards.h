// The guards that stop a replication which cannot end well, with the message that says why.
#pragma once

#include <string>

#include "sim/simulation.h"

namespace sujuva::sim::detail {

// A role's queue passed options.max_queue clients (`queue` clients at `week`).
SimulationGuard unstable_guard(const std::string& role, double queue, double week, const SimulationOptions& options);
// More than 4 × options.max_queue clients in the process at once, arriving at `step`.
SimulationGuard wip_guard(const std::string& step, double week, const SimulationOptions& options);
// A client at `step` made more than options.max_visits visits.
SimulationGuard visit_guard(const std::string& step, double week, const SimulationOptions& options);

}  // namespace sujuva::sim::detail
