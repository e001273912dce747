// Per-role queue figures: the load the flow puts on a role, its capacity, utilisation and waits.
#include <algorithm>

#include "flow/analysis_internal.h"

namespace sujuva::detail {

namespace {

// Non-preemptive priorities (Cobham 1954): level k waits W₀ / ((1 − σₖ₋₁)(1 − σₖ)), σ the load
// of the levels served before it and of its own, and the FIFO wait is W₀ / (1 − ρ); so
// Wₖ = W_FIFO (1 − ρ) / ((1 − σₖ₋₁)(1 − σₖ)), exact for M/G/1 and the usual scaling for c
// servers. Fills the levels' waits (none with a single priority) and returns the mean wait per
// visit, the visit-weighted mean of the levels: it rises when the longer visits go first
// (Kleinrock's conservation law keeps only the load-weighted mean).
double wait_with_priorities(RoleResult& r, const RoleLoad& load, double hours_per_fte, const QueueFigures& fifo) {
  if (load.by_priority.size() < 2 || r.visits_per_week <= 0) return fifo.wait;  // nothing to split
  double before = 0, mean = 0;
  for (const auto& [priority, visits] : load.by_priority) {  // highest first
    double own = visits.first_moment / hours_per_fte / r.servers;
    double wait = fifo.wait * (1 - fifo.utilisation) / ((1 - before) * (1 - before - own));
    r.wait_weeks_by_priority[priority] = wait;
    mean += visits.weight * wait;
    before += own;
  }
  return mean / r.visits_per_week;
}

}  // namespace

// Scales the waits of `r` (its levels' too) by the re-entry factors of `load.reentry`
// (reentry.h); `state_factors` receives each state's factor relative to its level's mean.
double with_reentry(RoleResult& r, const RoleLoad& load, double wait, std::vector<double>* state_factors) {
  const std::vector<double> factors = reentry_wait_factors(load.reentry, r.servers);
  if (factors.empty()) return wait;
  std::map<int, std::pair<double, double>> levels;  // priority -> (Σ λ factor, Σ λ)
  for (size_t k = 0; k < factors.size(); ++k) {
    auto& [weighted, visits] = levels[load.reentry.priority[k]];
    weighted += load.reentry.visits[k] * factors[k];
    visits += load.reentry.visits[k];
  }
  auto level_factor = [&](int priority) { return levels[priority].first / levels[priority].second; };
  if (r.wait_weeks_by_priority.empty()) {
    wait *= level_factor(load.reentry.priority.front());
  } else {
    wait = 0;
    for (auto& [priority, level_wait] : r.wait_weeks_by_priority) {
      level_wait *= level_factor(priority);
      wait += levels[priority].second * level_wait;
    }
    wait /= r.visits_per_week;
  }
  if (state_factors)
    for (size_t k = 0; k < factors.size(); ++k) {
      const double mean = level_factor(load.reentry.priority[k]);
      state_factors->push_back(mean > 0 ? factors[k] / mean : 1.0);
    }
  return wait;
}

void fill_role_queue(RoleResult& r, const Role& role, const Calendar& calendar, const RoleLoad& load,
                     double arrival_scv, std::vector<double>* state_factors) {
  if (state_factors) state_factors->clear();
  const double hpf = calendar.hours_per_fte;
  r.fte = role.fte;
  r.absence = role.absence;
  r.reserved = role.reserved;
  r.capacity_hours_per_week = role.capacity_hours(calendar);
  r.visits_per_week = load.service_hours.weight;
  r.flow_hours_per_week = load.service_hours.first_moment;
  r.activity_hours_per_week = load.activity_hours;
  r.demand_hours_per_week = r.flow_hours_per_week + r.activity_hours_per_week;
  r.mean_service_hours = load.service_hours.mean();
  r.service_scv = load.service_hours.scv();
  // Activity load takes whole servers away from the client flow.
  const double flow_capacity = role.flow_capacity_hours(calendar, load.activity_hours);
  r.servers = flow_capacity / hpf;
  if (r.capacity_hours_per_week > 0)
    r.utilisation = r.demand_hours_per_week / r.capacity_hours_per_week;
  else
    r.utilisation = r.demand_hours_per_week > 0 ? std::nullopt : std::optional<double>(0.0);
  r.stable = r.demand_hours_per_week <= 0 || r.demand_hours_per_week < r.capacity_hours_per_week * (1 - 1e-12);
  r.wait_probability = r.wait_weeks = r.queue_clients = r.in_system_clients = std::nullopt;
  r.wait_weeks_by_priority.clear();
  r.backlog_growth_clients_per_week = r.backlog_growth_hours_per_week = 0;
  if (!r.stable) {
    r.backlog_growth_hours_per_week = r.demand_hours_per_week - r.capacity_hours_per_week;
    if (r.mean_service_hours > 0)
      r.backlog_growth_clients_per_week = std::max(0.0, r.visits_per_week - flow_capacity / r.mean_service_hours);
    return;
  }
  auto q = gg_c_wait(r.visits_per_week, r.mean_service_hours / hpf, arrival_scv, r.service_scv, r.servers);
  if (!q) return;  // cannot happen for a stable role; leave the wait undefined rather than guess
  r.wait_probability = q->wait_probability;
  // Clients who go straight from one of the role's steps to the next (reentry.h).
  const double wait = with_reentry(r, load, wait_with_priorities(r, load, hpf, *q), state_factors);
  r.wait_weeks = wait;
  r.service_time_factor = q->service_time_factor;
  r.queue_clients = r.visits_per_week * wait;  // Lq = λ Wq
  r.in_system_clients = r.visits_per_week * (wait + r.mean_service_hours / hpf * r.service_time_factor);  // L = λW
}

void fill_roles(const Process& process, Flow& f, const AnalysisOptions& options, Analysis& a,
                std::vector<RoleLoad>& loads) {
  const auto& g = process.graph;
  loads.assign(process.roles.size(), {});
  for (int u = 0; u < f.space.size(); ++u) {
    const Step& step = g[f.space.step[u]];
    if (!has_queue(step)) continue;
    loads[*step.role].service_hours.add(f.visits[u], step.effort->mean(), step.effort->scv());
    loads[*step.role].by_priority[step.priority].add(f.visits[u], step.effort->mean(), step.effort->scv());
  }
  const std::vector<double> activity = activity_hours(process);
  std::vector<ReentryQueue> reentry = reentry_queues(process, f.space, f.visits);
  f.wait_factor.assign(f.space.size(), 1.0);
  std::vector<double> factors;
  for (size_t r = 0; r < process.roles.size(); ++r) {
    loads[r].activity_hours = activity[r];
    loads[r].reentry = std::move(reentry[r]);
    RoleResult result;
    result.id = process.roles[r].id;
    fill_role_queue(result, process.roles[r], process.calendar, loads[r], options.arrival_variability, &factors);
    for (size_t k = 0; k < factors.size(); ++k) f.wait_factor[loads[r].reentry.states[k]] = factors[k];
    a.roles.push_back(std::move(result));
  }
}

}  // namespace sujuva::detail
