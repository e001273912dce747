// Lead time: each step's wait and sojourn, the mean lead time, by class, and the shares of it.
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "flow/analysis_internal.h"

namespace sujuva::detail {

std::optional<double> LeadModel::with(const std::vector<std::optional<double>>& waits,
                                      const std::vector<double>& factors) const {
  double total = fixed;
  for (size_t r = 0; r < waits.size(); ++r) {
    if (visits_per_client[r] <= 0) continue;
    if (!waits[r]) return std::nullopt;
    total += visits_per_client[r] * *waits[r] + effort_per_client[r] * (factors[r] - 1);
  }
  return total;
}

LeadModel lead_model(const Process& process, const Flow& f) {
  const auto& g = process.graph;
  LeadModel m;
  m.visits_per_client.assign(process.roles.size(), 0.0);
  m.effort_per_client.assign(process.roles.size(), 0.0);
  for (int u = 0; u < f.space.size(); ++u) {
    const Step& step = g[f.space.step[u]];
    double per_client = f.visits[u] / f.total_arrivals;
    double effort = step.kind == StepKind::activity ? 0 : step.mean_effort_hours();
    m.fixed += per_client * (effort / process.calendar.hours_per_fte + step.mean_delay_weeks());
    if (has_queue(step)) {
      m.visits_per_client[*step.role] += per_client;
      m.effort_per_client[*step.role] += per_client * effort / process.calendar.hours_per_fte;
    }
  }
  return m;
}

std::vector<double> service_time_factors(const Analysis& a) {
  std::vector<double> factors;
  for (const auto& r : a.roles) factors.push_back(r.service_time_factor);
  return factors;
}

std::vector<std::optional<double>> role_waits(const Analysis& a) {
  std::vector<std::optional<double>> waits;
  for (const auto& r : a.roles) waits.push_back(r.visits_per_week > 0 ? r.wait_weeks : std::optional<double>(0.0));
  return waits;
}

namespace {

// Share of the clients who leave in class c and their mean lead time, from
// h = P(leave in class c | at state).
void lead_time_of_class(const Process& process, const Flow& f, const Eigen::VectorXd& sojourn,
                        const Eigen::Ref<const Eigen::VectorXd>& h, int c, Analysis& a) {
  double share = f.space.arrivals.dot(h) / f.total_arrivals;
  const std::string& name = process.classes[c];
  a.lead_time_weeks.share_by_class[name] = std::clamp(share, 0.0, 1.0);
  if (share < 1e-12) {
    a.lead_time_weeks.by_class[name] = std::nullopt;
    return;
  }
  double weighted = 0;
  bool ok = true;
  for (int u = 0; u < f.space.size(); ++u) {
    double w = f.visits[u] * h[u];
    if (w <= 1e-15 * f.total_arrivals) continue;
    if (!finite(sojourn[u]))
      ok = false;
    else
      weighted += w * sojourn[u];
  }
  a.lead_time_weeks.by_class[name] = ok ? clean(weighted / f.total_arrivals / share) : std::nullopt;
}

// The wait of a visit to `step` at its role: its priority's, or the role's.
std::optional<double> step_wait(const RoleResult& role, const Step& step) {
  auto level = role.wait_weeks_by_priority.find(step.priority);
  if (level != role.wait_weeks_by_priority.end()) return level->second;
  return role.wait_weeks;
}

}  // namespace

void fill_lead_time(const Process& process, Flow& f, Analysis& a) {
  const auto& g = process.graph;
  const double hpf = process.calendar.hours_per_fte;
  // Sojourn per state (weeks); NaN marks "undefined" until the end of this function only.
  Eigen::VectorXd sojourn(f.space.size());
  for (int u = 0; u < f.space.size(); ++u) {
    const Step& step = g[f.space.step[u]];
    double effort = step.kind == StepKind::activity ? 0 : step.mean_effort_hours();
    double wait = 0, in_service = effort / hpf;
    if (has_queue(step)) {
      wait = step_wait(a.roles[*step.role], step).value_or(std::nan("")) * f.wait_factor[u];
      in_service *= a.roles[*step.role].service_time_factor;  // longer at a part-speed server
    }
    sojourn[u] = wait + in_service + step.mean_delay_weeks();
  }
  // A step's wait over its classes, weighted by their visits.
  std::vector<double> factor_sum(a.steps.size(), 0.0), visit_sum(a.steps.size(), 0.0);
  for (int u = 0; u < f.space.size(); ++u) {
    factor_sum[f.space.step[u]] += f.visits[u] * f.wait_factor[u];
    visit_sum[f.space.step[u]] += f.visits[u];
  }
  for (size_t v = 0; v < a.steps.size(); ++v) {
    auto& s = a.steps[v];
    const Step& step = g[v];
    double effort = s.effort_hours;
    if (has_queue(step)) {
      s.wait_weeks = step_wait(a.roles[*step.role], step);
      if (s.wait_weeks && visit_sum[v] > 0) *s.wait_weeks *= factor_sum[v] / visit_sum[v];
      const double in_service = effort / hpf * a.roles[*step.role].service_time_factor;
      if (s.wait_weeks) s.sojourn_weeks = *s.wait_weeks + in_service + s.delay_weeks;
    } else {
      s.wait_weeks = 0.0;
      s.sojourn_weeks = effort / hpf + s.delay_weeks;
    }
  }
  double total = 0;
  bool defined = true;
  for (int u = 0; u < f.space.size(); ++u) {
    if (f.visits[u] <= 0) continue;
    if (!finite(sojourn[u]))
      defined = false;
    else
      total += f.visits[u] * sojourn[u];
  }
  if (defined) a.lead_time_weeks.mean = clean(total / f.total_arrivals);

  // By the class a client leaves with: h_k = P(leave in class k | at state),
  // (I − Q) h_k = exit·[class = k], solved with the same block structure; the
  // classes share one LU per block, a few at a time to bound the memory.
  const int chunk = static_cast<int>(std::clamp<double>(4e6 / std::max(1, f.space.size()), 1, 16));
  for (int first = 0; first < f.space.classes; first += chunk) {
    int count = std::min(chunk, f.space.classes - first);
    Eigen::MatrixXd leave = Eigen::MatrixXd::Zero(f.space.size(), count);
    for (int u = 0; u < f.space.size(); ++u)
      if (f.space.cls[u] >= first && f.space.cls[u] < first + count) leave(u, f.space.cls[u] - first) = f.space.exit[u];
    Eigen::MatrixXd h = block_backward(f.space, f.blocks, leave);
    for (int c = first; c < first + count; ++c) lead_time_of_class(process, f, sojourn, h.col(c - first), c, a);
  }
  fill_lead_by_assessment(process, f, sojourn, a);
  if (a.lead_time_weeks.mean && *a.lead_time_weeks.mean > 0) {
    double lead = *a.lead_time_weeks.mean;
    for (auto& s : a.steps)
      if (s.sojourn_weeks) s.share_of_lead_time = clean(s.visits * *s.sojourn_weeks / lead);
    for (size_t r = 0; r < a.roles.size(); ++r) {
      auto& role = a.roles[r];
      if (role.visits_per_week <= 0) {
        role.share_of_lead_time = 0.0;
        continue;
      }
      role.share_of_lead_time = clean(role.visits_per_week / f.total_arrivals *
                                      (role.wait_weeks.value_or(0) + role.mean_service_hours / hpf) / lead);
    }
  }
}

}  // namespace sujuva::detail
