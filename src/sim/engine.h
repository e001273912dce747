// The discrete-event core: a process compiled into flat tables, and one replication run on them.
//
//   std::vector<detail::Phase> phases{{0, detail::compile(process, options)}};  // throws SimulationError
//   detail::Replication replication(phases, options);
//   detail::ReplicationResult r = replication.run(0);                 // replication number 0
//
// Servers: a role offers c = (fte × hours_per_fte × (1 − absence) × (1 − reserved) − activity
// load) / hours_per_fte effective full-time servers to the client flow (as the analytic
// engine). A full-time server does E hours of effort in E / hours_per_fte calendar weeks.
// A fractional c is floor(c) full-speed servers plus one server working at speed c − floor(c)
// (c < 1: one server at speed c); a waiting client goes to the fastest idle server. A fraction
// below kSmallestPartSpeed is spread over the full-speed servers instead: fte 7 × (1 − 0.12) ×
// (1 − 0.35) = 4.004 would otherwise be a server at 0.4 % speed that keeps one client 250 times
// as long as the others (a 4-hour assessment for 26 weeks).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/process.h"
#include "sim/random.h"
#include "sim/simulation.h"
#include "sim/statistics.h"

namespace sujuva::detail {

constexpr double kSmallestPartSpeed = 0.1;

// The speeds of a role's servers for c effective servers, fastest first (see above).
std::vector<double> server_speeds(double servers);

struct CompiledStep {  // the fields every visit reads first, in one cache line
  StepKind kind = StepKind::task;
  bool works = false;  // queues at its role for a server
  bool has_delay = false;
  int role = -1;
  int level = 0;      // priority level in its role's queue, 0 = served first
  int deadline = -1;  // index into CompiledModel::deadlines
  Sampler effort;     // full-speed server weeks
  Sampler delay;      // calendar weeks
};

struct CompiledRole {
  std::string id;
  double servers = 0;          // long-run effective servers c for the flow
  std::vector<double> speeds;  // per server, fastest first
  double capacity_hours = 0;   // fte × hours_per_fte × (1 − absence) × (1 − reserved)
  double load_hours = 0;       // activity load
  double absence = 0;
  int levels = 1;  // distinct step priorities at this role
  bool has_work = false;
};

struct CompiledStart {
  int step = 0;
  double rate = 0;      // clients per week (maybe 0: a timeline may start the arrivals)
  double mean_gap = 0;  // 1 / rate: the engine multiplies by it per arrival instead of dividing
};

struct CompiledDeadline {
  int step = 0;
  double weeks = 0;
};

struct CompiledModel {
  int classes = 1;
  double hours_per_fte = 38.25;
  double hours_per_day = 7.65;
  std::vector<std::string> step_ids;
  std::vector<CompiledStep> steps;
  // Routing of state (step, class) = step * classes + class: branches
  // [route_begin[s], route_begin[s + 1]) with cumulative probabilities.
  std::vector<std::uint32_t> route_begin;
  std::vector<double> route_cumulative;
  std::vector<std::int32_t> route_to;
  std::vector<std::int32_t> route_class;
  std::vector<CompiledRole> roles;
  std::vector<CompiledStart> starts;  // every start step
  std::vector<CompiledDeadline> deadlines;
  double arrivals_per_week() const;
};

// Throws SimulationError naming the role or step when the process cannot be simulated.
// `staffed_now` = false allows roles without capacity (a timeline phase in which everybody is
// away: their queues grow until staff come back).
CompiledModel compile(const Process& process, const SimulationOptions& options, bool staffed_now = true);

// The model in force from `week` on (the timeline's changes applied up to it).
struct Phase {
  double week = 0;
  CompiledModel model;
};

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

}  // namespace sujuva::detail
