// The report's simulation section (`sujuva report MODEL --simulate`): lead-time percentiles, deadlines, weekly queues.
//
//   Simulation sim = simulate(process, options);
//   SimulationSection s = simulation_section(process, sim, options, Lang::fi);
#pragma once

#include <cstdint>
#include <string>

#include "sim/simulation.h"

namespace sujuva {

struct SimulationSection {
  std::string html;  // escaped HTML, the body of the section
  std::string markdown;
};

// The section of `process`'s simulation, run with `used` (its warm-up resolved).
SimulationSection simulation_section(const Process& process, const Simulation& sim, const SimulationOptions& used,
                                     Lang lang);

}  // namespace sujuva
