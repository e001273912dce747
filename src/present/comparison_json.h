// `compare --json`: a Comparison, its structural diff and its simulated figures as JSON
// (names are a public contract).
//
//   std::cout << to_json(comparison, Lang::fi).dump(2);   // before, after, delta, relative, ...
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "compare/comparison.h"
#include "compare/simulated.h"
#include "compare/structure.h"

namespace sujuva {

// The key figures with the names `analyze --json` uses.
nlohmann::json to_json(const Kpis& kpis);
// `{models, before, after, delta, relative, structure, narrative}` for the first
// two models, and `variants: [{model, after, delta, relative, structure,
// narrative}]` for the third model on.
nlohmann::json to_json(const Comparison& comparison, Lang lang);
nlohmann::json to_json(const StructuralDiff& diff);

// After minus before for every number in two documents of one shape (arrays of
// objects matched by "id"); other values differing become {before, after}.
nlohmann::json json_delta(const nlohmann::json& before, const nlohmann::json& after);
// (after − before) / |before| for every number; null where before is 0 or null.
nlohmann::json json_relative(const nlohmann::json& before, const nlohmann::json& after);

// {"lead_time_weeks": {"mean": {mean, low, high}, "p50"..., "p95"...}, "deadlines": [...], "unstable"}.
nlohmann::json to_json(const SimulatedKpis& kpis);
// Differences of model `index` against model 0: per figure {"delta", "significant"}.
nlohmann::json simulated_delta_json(const std::vector<SimulatedKpis>& figures, size_t index);
// `compare --simulate --json`'s "simulation": `options`, `before`, `after`, `delta` as in the
// analytic part; the third model on under `variants`.
nlohmann::json simulation_json(const std::vector<SimulatedKpis>& figures, const SimulatedOptions& used);

}  // namespace sujuva
