// `simulate --json`: a Simulation as one JSON document (names are a public contract).
//
//   std::cout << to_json(simulation).dump(2);
#pragma once

#include <nlohmann/json.hpp>

#include "sim/simulation.h"

namespace sujuva {

nlohmann::json to_json(const Simulation& simulation);

}  // namespace sujuva
