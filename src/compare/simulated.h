// Simulated key figures of compared models: lead-time percentiles and deadline compliance with 95% intervals.
//
// Every model is simulated with the same seed, so replication r of every model
// draws from the same random stream (common random numbers: identical while the
// models make the same draws, e.g. arrivals and the efforts of matching steps
// up to the first difference in routing). A difference is called significant
// when the two 95% confidence intervals do not overlap — a conservative test,
// since the simulation result keeps no per-replication values to pair.
//
//   SimulatedOptions options;  options.replications = 20;
//   auto figures = simulate_for_comparison({&before, &after}, options);  // throws std::runtime_error
//   double w = comparison_warmup_weeks({&before, &after}, options);      // the warm-up used
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/process.h"

namespace sujuva {

struct SimulatedOptions {
  // Long enough for lead times of months: clients still open at the end are
  // not counted, so a short horizon would under-state the slow ones.
  double weeks = 260;
  // Empty: the longest of the models' own warm-ups (suggested_warmup_weeks, as `simulate`), the
  // same for every model so that they are measured over the same weeks. A fixed two years
  // understated the adult models' lead times by a tenth: their follow-ups take years to fill.
  std::optional<double> warmup_weeks;
  int replications = 20;
  std::uint64_t seed = 1;
  Lang lang = Lang::en;  // of a refusal
};

// A simulated figure: mean over replications and its 95% interval (null when undefined).
struct Interval {
  std::optional<double> mean, low, high;
};

struct SimulatedDeadline {
  std::string step;
  Labels label;
  double deadline_weeks = 0;
  Interval share_within;
};

struct SimulatedKpis {
  Interval lead_mean, lead_p50, lead_p90, lead_p95;  // weeks, all clients
  std::vector<SimulatedDeadline> deadlines;
  bool unstable = false;  // a queue grew without bound in some replication
};

std::vector<SimulatedKpis> simulate_for_comparison(const std::vector<const Process*>& processes,
                                                   const SimulatedOptions& options);

// The warm-up simulate_for_comparison uses: options.warmup_weeks, or the longest suggested one.
double comparison_warmup_weeks(const std::vector<const Process*>& processes, const SimulatedOptions& options);

// Do the intervals exclude each other? (false when either is undefined)
bool significant(const Interval& a, const Interval& b);

// {"lead_time_weeks": {"mean": {mean, low, high}, "p50"..., "p95"...}, "deadlines": [...], "unstable"}.
nlohmann::json to_json(const SimulatedKpis& kpis);
// Differences of model `index` against model 0: per figure {"delta", "significant"}.
nlohmann::json simulated_delta_json(const std::vector<SimulatedKpis>& figures, size_t index);

// A heading with the settings `used` (warm-up resolved), then rows "figure: value [low, high]" per
// model and a "*" where the change is significant.
std::string format_simulated(const std::vector<SimulatedKpis>& figures, const std::vector<std::string>& names,
                             const SimulatedOptions& used, Lang lang);

}  // namespace sujuva
