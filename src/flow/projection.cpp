// The backlog projection: a time-stepped fluid model of the (step, class) chain, week by week.
//
// Clients are a continuous fluid. Each working day (a fifth of a week) a role
// serves as much of the work waiting at its steps as its capacity allows, shared
// in proportion to the hours waiting at each step; served clients move on along
// the routing (a sparse matrix–vector product), within the same day as far as the
// roles they reach have time left; steps without staff pass clients on at once. A role with enough capacity keeps its fluid queue near zero (the
// random queueing of a stable role is in `roles[].queue_clients`); a role short
// of capacity builds a backlog that grows by the missing capacity. Delays are
// not modelled here (they hold no staff); the queues are those at the roles.
#include <Eigen/SparseCore>
#include <map>

#include "flow/analysis_internal.h"
#include "flow/state_space.h"
#include "model/timeline.h"

namespace sujuva::detail {

namespace {

constexpr int kStepsPerWeek = 5;

struct FluidModel {
  StateSpace space;
  Eigen::SparseMatrix<double> routing;  // Qᵀ: column u holds where clients leaving u go
  std::vector<int> role_of;             // queueing role per state, -1 for none
  Eigen::VectorXd effort;               // hours per visit
  std::vector<double> flow_capacity;    // hours per week per role
};

FluidModel build_model(const Process& process) {
  FluidModel m;
  m.space = build_state_space(process);
  const auto& s = m.space;
  const auto& g = process.graph;
  std::vector<Eigen::Triplet<double>> entries;
  for (int u = 0; u < s.size(); ++u)
    for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k) entries.emplace_back(s.target[k], u, s.probability[k]);
  m.routing.resize(s.size(), s.size());
  m.routing.setFromTriplets(entries.begin(), entries.end());
  m.role_of.assign(s.size(), -1);
  m.effort = Eigen::VectorXd::Zero(s.size());
  for (int u = 0; u < s.size(); ++u) {
    const Step& step = g[s.step[u]];
    if (step.role && step.does_work() && step.mean_effort_hours() > 0) {
      m.role_of[u] = *step.role;
      m.effort[u] = step.mean_effort_hours();
    }
  }
  m.flow_capacity = flow_capacity_hours(process);
  return m;
}

// Moves the fluid of `old_model` into the states of `model` (same step and class).
Eigen::VectorXd carry_over(const FluidModel& old_model, const Eigen::VectorXd& q, const FluidModel& model) {
  Eigen::VectorXd moved = Eigen::VectorXd::Zero(model.space.size());
  for (int u = 0; u < old_model.space.size(); ++u) {
    int v = model.space.state(old_model.space.step[u], old_model.space.cls[u]);
    if (v >= 0) moved[v] += q[u];
  }
  return moved;
}

Eigen::VectorXd initial_queue(const Process& process, const FluidModel& m, const Analysis& a,
                              const AnalysisOptions& options) {
  Eigen::VectorXd q = Eigen::VectorXd::Zero(m.space.size());
  for (const auto& [role_id, clients] : options.initial_backlog) {
    auto r = process.find_role(role_id);
    if (!r) continue;  // the command line checks names before analysing
    double weight = 0;
    std::vector<std::pair<int, double>> shares;
    for (int u = 0; u < m.space.size(); ++u) {
      if (m.role_of[u] != *r) continue;
      const auto& step = a.steps[m.space.step[u]];
      double w = step.arrivals_per_week_by_class[m.space.cls[u]];
      shares.emplace_back(u, w);
      weight += w;
    }
    for (auto& [u, w] : shares) q[u] += clients * (weight > 0 ? w / weight : 1.0 / shares.size());
  }
  return q;
}

// Steps without a queue (start, decision, end, no-effort steps) pass clients on
// at once; returns the clients who left the process on the way.
double pass_unstaffed(const FluidModel& m, Eigen::VectorXd& q) {
  double left = 0;
  for (int round = 0; round < 10000; ++round) {
    Eigen::VectorXd moving = Eigen::VectorXd::Zero(m.space.size());
    double total = 0;
    for (int u = 0; u < m.space.size(); ++u)
      if (m.role_of[u] < 0 && q[u] != 0) moving[u] = q[u], total += q[u], q[u] = 0;
    if (total <= 1e-15) break;
    left += moving.dot(m.space.exit);
    q += m.routing * moving;
  }
  return left;
}

// One working day of service: each role spends up to a day of its capacity on the work waiting at
// its steps, shared in proportion to the hours waiting at each, and the clients it serves move on
// at once, so that a client whom the next step's role has time for today is served today as well.
// Without the rounds, the clients passed on within the day would count as a queue at the next
// role at every week's end, a queue of one day's flow that no role is short of capacity for.
// Returns the clients who left the process.
double serve_day(const FluidModel& m, Eigen::VectorXd& q, double dt) {
  const size_t roles = m.flow_capacity.size();
  std::vector<double> budget(roles);
  for (size_t r = 0; r < roles; ++r) budget[r] = m.flow_capacity[r] * dt;
  double left = 0;
  // A round serves everything a role has time for; what comes back (rework, a handoff to a role
  // already served) shrinks from round to round by the routing's probabilities below one.
  for (int round = 0; round < 10000; ++round) {
    std::vector<double> hours_waiting(roles, 0.0);
    for (int u = 0; u < m.space.size(); ++u)
      if (m.role_of[u] >= 0) hours_waiting[m.role_of[u]] += q[u] * m.effort[u];
    std::vector<double> served_share(roles, 0.0);
    for (size_t r = 0; r < roles; ++r)
      if (hours_waiting[r] > 0) served_share[r] = std::min(1.0, budget[r] / hours_waiting[r]);
    Eigen::VectorXd out = Eigen::VectorXd::Zero(m.space.size());
    for (int u = 0; u < m.space.size(); ++u)
      if (m.role_of[u] >= 0) out[u] = q[u] * served_share[m.role_of[u]];
    if (out.sum() <= 1e-12) break;
    for (size_t r = 0; r < roles; ++r) budget[r] = std::max(0.0, budget[r] - hours_waiting[r] * served_share[r]);
    q -= out;
    q += m.routing * out;
    left += out.dot(m.space.exit);
    left += pass_unstaffed(m, q);
  }
  return left;
}

}  // namespace

Projection project_queues(const Process& original, const Analysis& a, const AnalysisOptions& options) {
  Process process = original;
  size_t next_change = 0;
  apply_timeline_until(options.timeline, 0, next_change, process);
  FluidModel m = build_model(process);
  Projection p;
  for (const auto& role : process.roles) p.roles.push_back(role.id);
  const size_t roles = p.roles.size();
  Eigen::VectorXd q = initial_queue(process, m, a, options);
  const double dt = 1.0 / kStepsPerWeek;

  auto record = [&](int week, double arrivals, double completions) {
    std::vector<double> queues(roles, 0.0);
    for (int u = 0; u < m.space.size(); ++u)
      if (m.role_of[u] >= 0) queues[m.role_of[u]] += q[u];
    p.weeks.push_back(week);
    p.queue_clients.push_back(std::move(queues));
    p.arrivals_per_week.push_back(arrivals);
    p.completions_per_week.push_back(completions);
  };
  record(0, 0, 0);
  for (int week = 1; week <= options.projection_weeks; ++week) {
    size_t before = next_change;
    apply_timeline_until(options.timeline, week - 1, next_change, process);
    if (next_change != before) {
      FluidModel changed = build_model(process);
      q = carry_over(m, q, changed);
      m = std::move(changed);
    }
    double arrivals = 0, completions = 0;
    for (int sub = 0; sub < kStepsPerWeek; ++sub) {
      q += m.space.arrivals * dt;
      arrivals += m.space.arrivals.sum() * dt;
      completions += pass_unstaffed(m, q);
      completions += serve_day(m, q, dt);
    }
    record(week, arrivals, completions);
  }
  return p;
}

}  // namespace sujuva::detail
