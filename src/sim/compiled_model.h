// The simulator's input: a process compiled into flat tables of steps, routes, roles and starts.
//
//   std::vector<sim::Phase> phases{{0, sim::compile(process, options)}};  // throws SimulationError
//
// Servers: a role's effective full-time staff become servers as model/servers.h says (the
// analytic engine's queue has the same servers). A full-time server does E hours of effort in
// E / hours_per_fte calendar weeks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/process.h"
#include "model/servers.h"
#include "sim/random.h"
#include "sim/simulation.h"

namespace sujuva::sim {

using sujuva::kSmallestPartSpeed;
using sujuva::server_speeds;

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
  Calendar calendar;
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

  // The branch a client of class `cls` takes at `step` (an index into route_to and
  // route_class); draws a uniform only where there is a choice.
  [[gnu::always_inline]] std::uint32_t branch(int step, int cls, Rng& rng) const {
    std::uint32_t state = std::uint32_t(step) * classes + cls;
    std::uint32_t i = route_begin[state], end = route_begin[state + 1];
    if (end - i > 1) {
      double u = rng.uniform();
      while (i + 1 < end && u >= route_cumulative[i]) ++i;
    }
    return i;
  }
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

}  // namespace sujuva::sim
