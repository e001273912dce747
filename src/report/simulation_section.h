// The report's simulation section (`sujuva report MODEL --simulate`): lead-time percentiles, deadlines, weekly queues.
//
//   SimulationSection s = simulation_section(process, 10, 52, 1, Lang::fi);   // throws SimulationError
#pragma once

#include <cstdint>
#include <string>

#include "model/process.h"

namespace sujuva {

struct SimulationSection {
  std::string html;  // escaped HTML, the body of the section
  std::string markdown;
};

// Runs the simulation (capacity absence model, continuous time, as the analysis)
// and writes its section. Deterministic for a seed.
SimulationSection simulation_section(const Process& process, int replications, double weeks, std::uint64_t seed,
                                     Lang lang);

}  // namespace sujuva
