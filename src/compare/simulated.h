// Simulated key figures of compared models: lead-time percentiles and deadline compliance with 95% intervals.
//
// Every model is simulated with the same seed, so replication r of every model
// draws from the same random stream (common random numbers: identical while the
// models make the same draws, e.g. arrivals and the efforts of matching steps
// up to the first difference in routing). A difference is called significant
// when the 95% interval of the paired differences (replication r of one model
// minus replication r of the other) excludes zero; the common streams make the
// pairs alike, so this sees smaller differences than comparing two intervals.
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

// A simulated figure: mean over replications and its 95% interval (null when undefined), and
// the value of each replication (NaN where it had none) for paired differences.
struct Interval {
  std::optional<double> mean, low, high;
  std::vector<double> replications;
};

// The mean and 95% interval (Student t) of b − a, replication by replication, over the
// replications where both have a value; nothing with fewer than two such pairs.
struct PairedDifference {
  double mean = 0, low = 0, high = 0;
  int pairs = 0;
  bool excludes_zero() const { return low > 0 || high < 0; }
};
std::optional<PairedDifference> paired_difference(const Interval& a, const Interval& b);

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

// Is b − a significant? With the replications of both, when the interval of the paired
// differences excludes 0; otherwise when the two intervals exclude each other (false when
// either is undefined).
bool significant(const Interval& a, const Interval& b);

}  // namespace sujuva
