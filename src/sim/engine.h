// The discrete-event core: one replication of a compiled model, and the figures it measures.
//
//   std::vector<sim::Phase> phases{{0, sim::compile(process, options)}};  // throws SimulationError
//   sim::Replication replication(phases, options);
//   sim::ReplicationResult r = replication.run(0);                 // replication number 0
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "sim/compiled_model.h"
#include "sim/simulation.h"
#include "sim/statistics.h"

namespace sujuva::sim {

// A mean and percentiles of one replication (NaN when there were no observations).
struct Summary {
  double mean, p50, p90, p95;
  static Summary of(const DurationHistogram& h) {
    return {h.mean(), h.quantile(0.5), h.quantile(0.9), h.quantile(0.95)};
  }
};

struct RoleFigures {
  double utilisation, offered_load, queue, busy_servers, visits_per_week;
  Summary wait;
  double growth_per_week, growth_hours_per_week;
};

struct ClassFigures {
  Summary lead_time;
  double throughput_per_week, wip;
};

struct DeadlineFigures {
  double reached_per_week, share_within;
  Summary late;
};

struct ReplicationResult {
  std::uint64_t events = 0;
  std::vector<RoleFigures> roles;
  std::vector<ClassFigures> classes;  // per class, then overall last
  std::vector<ClassFigures> assessed;  // per assessment outcome (Simulation::by_assessment)
  std::vector<DeadlineFigures> deadlines;
  // Weekly series, week-major: [week][series], series = roles..., wip, arrivals, completions.
  std::vector<double> weekly;
  std::optional<SimulationGuard> guard;
};

// One replication at a time; the state (client pool, queues, event heap) is kept
// between runs so that a worker thread allocates only once.
class Replication {
 public:
  Replication(const std::vector<Phase>& phases, const SimulationOptions& options);
  ~Replication();
  ReplicationResult run(std::uint64_t replication);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sujuva::sim
