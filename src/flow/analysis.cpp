#include "flow/analysis.h"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <numeric>
#include <span>

#include "flow/analysis_internal.h"
#include "flow/state_space.h"
#include "text/format.h"

namespace sujuva {

const RoleResult* Analysis::find_role(const std::string& id) const {
  for (const auto& r : roles)
    if (r.id == id) return &r;
  return nullptr;
}

const RoleResult* Analysis::busiest_role() const {
  const RoleResult* busiest = nullptr;
  for (const auto& r : roles)
    if (r.utilisation && (!busiest || *r.utilisation > *busiest->utilisation)) busiest = &r;
  return busiest;
}

const StepResult* Analysis::find_step(const std::string& id) const {
  for (const auto& s : steps)
    if (s.id == id) return &s;
  return nullptr;
}

namespace detail {

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

void fill_role_queue(RoleResult& r, const Role& role, const Calendar& calendar, const RoleLoad& load,
                     double arrival_scv) {
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
  const double wait = wait_with_priorities(r, load, hpf, *q);
  r.wait_weeks = wait;
  r.queue_clients = r.visits_per_week * wait;                                     // Lq = λ Wq
  r.in_system_clients = r.visits_per_week * (wait + r.mean_service_hours / hpf);  // L = λ W
}

}  // namespace detail

namespace {

using detail::Blocks;
using detail::StateSpace;

bool finite(double x) { return std::isfinite(x); }

std::optional<double> clean(std::optional<double> x) {
  if (x && !finite(*x)) return std::nullopt;
  return x;
}

struct Flow {
  StateSpace space;
  Blocks blocks;
  Eigen::VectorXd visits;  // λ per state
  double total_arrivals = 0;
  // Per step on a loop: the probability of ever reaching it, found while solving
  // its block (NaN: the block was not solved: no inflow, or too large).
  std::vector<double> loop_reach;
};

// Probability of ever reaching each step of one solved loop block: with
// N = (I − Q_BB)⁻¹, the visits v_S to the states S of a step are f_S N_SS, f_S
// being where clients first hit S; reach = Σ f_S. A large block instead takes
// one first-passage solve per step (none at all past 4·10^6 states × steps).
class LoopReach {
 public:
  LoopReach(const StateSpace& space, const Blocks& blocks, double total_arrivals, std::vector<double>& reach)
      : s_(space), blocks_(blocks), total_(total_arrivals), reach_(reach) {}

  void operator()(const detail::BlockSolve& solved) {
    auto members = blocks_.states(solved.block);
    by_step_.clear();
    for (size_t i = 0; i < members.size(); ++i) by_step_.emplace_back(s_.step[members[i]], static_cast<int>(i));
    std::sort(by_step_.begin(), by_step_.end());
    if (solved.lu)
      dense(solved);
    else
      sparse(solved);
  }

 private:
  void dense(const detail::BlockSolve& solved) {
    solved.lu->inverse(inverse_);
    for (size_t first = 0, last; first < by_step_.size(); first = last) {
      StepVertex v = by_step_[first].first;
      for (last = first; last < by_step_.size() && by_step_[last].first == v; ++last) {
      }
      auto q = static_cast<Eigen::Index>(last - first);
      double hits;
      if (q == 1) {
        int i = by_step_[first].second;
        hits = solved.visits[i] / inverse_(i, i);
      } else {
        n_ss_.resize(q, q);  // N_SS transposed: the system f_S N_SS = v_S
        v_s_.resize(q);
        for (Eigen::Index i = 0; i < q; ++i) {
          v_s_[i] = solved.visits[by_step_[first + i].second];
          for (Eigen::Index j = 0; j < q; ++j)
            n_ss_(i, j) = inverse_(by_step_[first + i].second, by_step_[first + j].second);
        }
        small_lu_.compute(n_ss_);
        small_lu_.solve_in_place(v_s_);
        hits = v_s_.sum();
      }
      reach_[v] = std::clamp(hits / total_, 0.0, 1.0);
    }
  }

  void sparse(const detail::BlockSolve& solved) {
    auto members = blocks_.states(solved.block);
    size_t steps = 0;
    for (size_t i = 0; i < by_step_.size(); ++i) steps += i == 0 || by_step_[i].first != by_step_[i - 1].first;
    if (members.size() * steps > 4'000'000) return;  // a huge loop: reach left undefined
    absorbing_.assign(s_.size(), 0);
    for (size_t first = 0, last; first < by_step_.size(); first = last) {
      StepVertex v = by_step_[first].first;
      for (last = first; last < by_step_.size() && by_step_[last].first == v; ++last)
        absorbing_[members[by_step_[last].second]] = 1;
      Eigen::VectorXd x = detail::local_visits(s_, blocks_, solved.block, solved.entry, absorbing_);
      double hits = 0;
      for (size_t i = 0; i < members.size(); ++i)
        if (s_.step[members[i]] == v) hits += x[i];
      reach_[v] = std::clamp(hits / total_, 0.0, 1.0);
      for (size_t i = first; i < last; ++i) absorbing_[members[by_step_[i].second]] = 0;
    }
  }

  const StateSpace& s_;
  const Blocks& blocks_;
  double total_;
  std::vector<double>& reach_;
  std::vector<std::pair<StepVertex, int>> by_step_;  // (step, position in the block)
  Eigen::MatrixXd inverse_, n_ss_;
  Eigen::VectorXd v_s_;
  detail::DenseLu small_lu_;
  std::vector<char> absorbing_;
};

// The traffic equations (I − Qᵀ) λ = γ. The (step, class) chain is block
// triangular: its strongly connected blocks (loops) in topological order. We
// solve block by block with Eigen LU (dense for small blocks, SparseLU for large
// ones): the same answer as one SparseLU on the whole matrix (tools/bench/flow
// compares them and SciPy) at a fraction of the time and fill-in.
void solve_traffic(const Process& process, Flow& f, Lang lang) {
  f.space = detail::build_state_space(process, lang);
  f.blocks = detail::make_blocks(process, f.space);
  f.total_arrivals = f.space.arrivals.sum();
  f.loop_reach.assign(boost::num_vertices(process.graph), std::nan(""));
  LoopReach reach(f.space, f.blocks, f.total_arrivals, f.loop_reach);
  f.visits = detail::block_visits(f.space, f.blocks, f.space.arrivals, {}, std::ref(reach));
  for (int u = 0; u < f.visits.size(); ++u) {
    if (!finite(f.visits[u]) || f.visits[u] < -1e-9 * f.total_arrivals)
      throw AnalysisError(process.file + ":" + std::to_string(process.graph[f.space.step[u]].line) + ": step \"" +
                          process.graph[f.space.step[u]].id +
                          "\": the visit rate cannot be computed (numerically singular routing: a loop whose exit "
                          "probability is almost zero)");
    f.visits[u] = std::max(0.0, f.visits[u]);
  }
}

bool has_queue(const Step& step) { return step.role && step.does_work() && step.mean_effort_hours() > 0; }
bool is_staffed(const Step& step) { return step.role && step.kind != StepKind::activity; }

// Mean lead time (weeks) given each role's wait; empty when a role with visits has none.
struct LeadModel {
  double fixed = 0;                       // Σ λ (effort/hpf + delay) / Γ
  std::vector<double> visits_per_client;  // per role: queued visits per arriving client
  std::optional<double> with(const std::vector<std::optional<double>>& waits) const {
    double total = fixed;
    for (size_t r = 0; r < waits.size(); ++r) {
      if (visits_per_client[r] <= 0) continue;
      if (!waits[r]) return std::nullopt;
      total += visits_per_client[r] * *waits[r];
    }
    return total;
  }
};

void fill_steps(const Process& process, const Flow& f, Analysis& a) {
  const auto& g = process.graph;
  a.steps.reserve(boost::num_vertices(g));
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Step& step = g[v];
    StepResult s;
    s.id = step.id;
    s.kind = to_string(step.kind);
    if (step.role) s.role = process.roles[*step.role].id;
    s.arrivals_per_week_by_class.assign(f.space.classes, 0.0);
    for (int c = 0; c < f.space.classes; ++c) {
      int u = f.space.state(v, c);
      if (u >= 0) s.arrivals_per_week_by_class[c] = f.visits[u];
    }
    s.arrivals_per_week =
        std::accumulate(s.arrivals_per_week_by_class.begin(), s.arrivals_per_week_by_class.end(), 0.0);
    s.visits = s.arrivals_per_week / f.total_arrivals;
    s.effort_hours = step.kind == StepKind::activity ? 0 : step.mean_effort_hours();
    s.delay_weeks = step.mean_delay_weeks();
    s.workload_hours_per_week =
        step.kind == StepKind::activity ? step.load_hours_per_week : s.arrivals_per_week * s.effort_hours;
    a.steps.push_back(std::move(s));
  }
}

// Probability of ever reaching each step: equal to the visits for a step on no
// loop; for a step on a loop, found while solving the loop's block (LoopReach).
void fill_reach(const Flow& f, Analysis& a) {
  const auto& s = f.space;
  for (int b = 0; b < f.blocks.count(); ++b) {
    auto members = f.blocks.states(b);
    if (members.empty()) continue;
    if (!f.blocks.has_internal[b]) {
      for (int u : members) {
        auto& step = a.steps[s.step[u]];
        step.reach = std::min(1.0, step.visits);
      }
      continue;
    }
    // A loop no client enters has reach 0, unless it is too large to ask (as LoopReach).
    bool unvisited_known = static_cast<int>(members.size()) <= detail::kDenseBlock;
    if (!unvisited_known) {
      std::vector<StepVertex> steps;
      for (int u : members) steps.push_back(s.step[u]);
      std::sort(steps.begin(), steps.end());
      steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
      unvisited_known = members.size() * steps.size() <= 4'000'000;
    }
    for (int u : members) {
      StepVertex v = s.step[u];
      if (!std::isnan(f.loop_reach[v]))
        a.steps[v].reach = f.loop_reach[v];
      else if (unvisited_known)
        a.steps[v].reach = 0.0;
    }
  }
}

void fill_roles(const Process& process, const Flow& f, const AnalysisOptions& options, Analysis& a,
                std::vector<detail::RoleLoad>& loads) {
  const auto& g = process.graph;
  loads.assign(process.roles.size(), {});
  for (int u = 0; u < f.space.size(); ++u) {
    const Step& step = g[f.space.step[u]];
    if (!has_queue(step)) continue;
    loads[*step.role].service_hours.add(f.visits[u], step.effort->mean(), step.effort->scv());
    loads[*step.role].by_priority[step.priority].add(f.visits[u], step.effort->mean(), step.effort->scv());
  }
  const std::vector<double> activity = activity_hours(process);
  for (size_t r = 0; r < process.roles.size(); ++r) {
    loads[r].activity_hours = activity[r];
    RoleResult result;
    result.id = process.roles[r].id;
    detail::fill_role_queue(result, process.roles[r], process.calendar, loads[r], options.arrival_variability);
    a.roles.push_back(std::move(result));
  }
}

LeadModel lead_model(const Process& process, const Flow& f) {
  const auto& g = process.graph;
  LeadModel m;
  m.visits_per_client.assign(process.roles.size(), 0.0);
  for (int u = 0; u < f.space.size(); ++u) {
    const Step& step = g[f.space.step[u]];
    double per_client = f.visits[u] / f.total_arrivals;
    double effort = step.kind == StepKind::activity ? 0 : step.mean_effort_hours();
    m.fixed += per_client * (effort / process.calendar.hours_per_fte + step.mean_delay_weeks());
    if (has_queue(step)) m.visits_per_client[*step.role] += per_client;
  }
  return m;
}

std::vector<std::optional<double>> role_waits(const Analysis& a) {
  std::vector<std::optional<double>> waits;
  for (const auto& r : a.roles) waits.push_back(r.visits_per_week > 0 ? r.wait_weeks : std::optional<double>(0.0));
  return waits;
}

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

void fill_lead_time(const Process& process, Flow& f, Analysis& a) {
  const auto& g = process.graph;
  const double hpf = process.calendar.hours_per_fte;
  // Sojourn per state (weeks); NaN marks "undefined" until the end of this function only.
  Eigen::VectorXd sojourn(f.space.size());
  for (int u = 0; u < f.space.size(); ++u) {
    const Step& step = g[f.space.step[u]];
    double effort = step.kind == StepKind::activity ? 0 : step.mean_effort_hours();
    double wait = 0;
    if (has_queue(step)) wait = step_wait(a.roles[*step.role], step).value_or(std::nan(""));
    sojourn[u] = wait + effort / hpf + step.mean_delay_weeks();
  }
  for (size_t v = 0; v < a.steps.size(); ++v) {
    auto& s = a.steps[v];
    const Step& step = g[v];
    double effort = s.effort_hours;
    if (has_queue(step)) {
      s.wait_weeks = step_wait(a.roles[*step.role], step);
      if (s.wait_weeks) s.sojourn_weeks = *s.wait_weeks + effort / hpf + s.delay_weeks;
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
    Eigen::MatrixXd h = detail::block_backward(f.space, f.blocks, leave);
    for (int c = first; c < first + count; ++c) lead_time_of_class(process, f, sojourn, h.col(c - first), c, a);
  }
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

// Share of clients who ever visit each role, and handoffs between roles.
void fill_shares_and_handoffs(const Process& process, const Flow& f, Analysis& a,
                              std::vector<std::vector<double>>& handoffs) {
  const auto& g = process.graph;
  const auto& s = f.space;
  size_t roles = process.roles.size();
  std::vector<int> role_of(s.size(), -1);
  for (int u = 0; u < s.size(); ++u)
    if (is_staffed(g[s.step[u]])) role_of[u] = *g[s.step[u]].role;
  handoffs.assign(roles, std::vector<double>(roles, 0.0));
  std::vector<char> staffed(s.size(), 0);
  for (int u = 0; u < s.size(); ++u) staffed[u] = role_of[u] >= 0;
  // The states of each role, so that each role's pass touches only its own states.
  std::vector<int> first_of_role(roles + 1, 0), states_of_role(s.size());
  for (int u = 0; u < s.size(); ++u)
    if (role_of[u] >= 0) ++first_of_role[role_of[u] + 1];
  for (size_t r = 0; r < roles; ++r) first_of_role[r + 1] += first_of_role[r];
  {
    std::vector<int> next(first_of_role.begin(), first_of_role.end() - 1);
    for (int u = 0; u < s.size(); ++u)
      if (role_of[u] >= 0) states_of_role[next[role_of[u]]++] = u;
  }
  std::vector<char> absorbing(s.size(), 0);
  Eigen::VectorXd out = Eigen::VectorXd::Zero(s.size());
  std::vector<int> touched;
  // One first-passage pass per role: exact, but linear in states × roles.
  const bool shares = static_cast<double>(s.size()) * static_cast<double>(roles) <= 2e7;
  for (size_t r = 0; r < roles; ++r) {
    auto mine = std::span(states_of_role).subspan(first_of_role[r], first_of_role[r + 1] - first_of_role[r]);
    if (mine.empty()) {
      a.roles[r].share_of_clients = 0.0;
      continue;
    }
    if (shares) {
      for (int u : mine) absorbing[u] = 1;
      Eigen::VectorXd x = detail::block_visits(s, f.blocks, s.arrivals, absorbing);
      double hits = 0;
      for (int u : mine) hits += x[u];
      a.roles[r].share_of_clients = std::clamp(hits / f.total_arrivals, 0.0, 1.0);
      for (int u : mine) absorbing[u] = 0;
    }
    // Clients leaving role r: straight to another role, or through unstaffed steps
    // (start, decisions) followed to the next staffed one.
    bool through_unstaffed = false;
    for (int u : mine) {
      for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k) {
        int t = s.target[k];
        double flow = f.visits[u] * s.probability[k];
        if (staffed[t]) {
          if (role_of[t] != static_cast<int>(r)) handoffs[r][role_of[t]] += flow;
        } else if (flow > 0) {
          if (out[t] == 0) touched.push_back(t);
          out[t] += flow;
          // An end step routes nowhere: only unstaffed steps that route on need following.
          through_unstaffed = through_unstaffed || s.row_start[t + 1] > s.row_start[t];
        }
      }
    }
    if (through_unstaffed) {
      Eigen::VectorXd next = detail::block_visits(s, f.blocks, out, staffed);
      for (int u = 0; u < s.size(); ++u)
        if (staffed[u] && role_of[u] != static_cast<int>(r)) handoffs[r][role_of[u]] += next[u];
    }
    for (int t : touched) out[t] = 0;
    touched.clear();
  }
  double total = 0;
  for (auto& row : handoffs)
    for (double h : row) total += h;
  a.handoffs_per_client = total / f.total_arrivals;
}

void fill_checkpoints(const Process& process, const Flow& f, Analysis& a) {
  const auto& g = process.graph;
  const auto& s = f.space;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Step& step = g[v];
    if (step.kind != StepKind::checkpoint || step.assesses.empty() || step.required_role.empty()) continue;
    CheckpointReach c{step.id, step.assesses, step.required_role, 0, std::nullopt};
    auto cls = process.find_class(step.assesses);
    auto matching = process.roles_matching(step.required_role);
    if (cls && !matching.empty()) {
      Eigen::VectorXd entry = Eigen::VectorXd::Zero(s.size());
      for (int k = 0; k < s.classes; ++k) {
        int u = s.state(v, k);
        if (u < 0) continue;
        for (const Branch& b : branches(process, v, k))
          if (b.next_class == *cls) entry[s.state(b.to, b.next_class)] += f.visits[u] * b.probability;
      }
      c.assessed_per_week = entry.sum();
      std::vector<char> absorbing(s.size(), 0);
      for (int u = 0; u < s.size(); ++u) {
        const Step& target = g[s.step[u]];
        absorbing[u] =
            is_staffed(target) && std::find(matching.begin(), matching.end(), *target.role) != matching.end();
      }
      if (c.assessed_per_week > 0) {
        Eigen::VectorXd x = detail::block_visits(s, f.blocks, entry, absorbing);
        double hits = 0;
        for (int u = 0; u < s.size(); ++u)
          if (absorbing[u]) hits += x[u];
        c.share_reaching_required_role = std::clamp(hits / c.assessed_per_week, 0.0, 1.0);
      }
    }
    a.checkpoints.push_back(std::move(c));
  }
}

double rework(const Analysis& a) {
  double total = 0;
  for (const auto& s : a.steps)
    if (s.kind != "activity" && s.reach) total += std::max(0.0, s.visits - *s.reach);
  return total;
}

Saturation saturation(const Analysis& a) {
  Saturation result;
  for (const auto& r : a.roles) {
    if (r.flow_hours_per_week <= 0) continue;
    double scale = flow_capacity(r.capacity_hours_per_week, r.activity_hours_per_week) / r.flow_hours_per_week;
    if (!result.scale || scale < *result.scale) {
      result.scale = scale;
      result.role = r.id;
    }
  }
  if (result.scale) result.arrivals_per_week = *result.scale * a.arrivals_per_week;
  return result;
}

void fill_sensitivity(const Process& process, const LeadModel& lead, const std::vector<detail::RoleLoad>& loads,
                      const AnalysisOptions& options, Analysis& a) {
  auto base_waits = role_waits(a);
  auto base_lead = lead.with(base_waits);
  struct Change {
    const char* name;
    double fte, absence;
  };
  const Change changes[] = {{"fte+0.5", 0.5, 0}, {"fte+1", 1, 0}, {"absence+5pp", 0, 0.05}};
  for (size_t r = 0; r < a.roles.size(); ++r) {
    if (a.roles[r].demand_hours_per_week <= 0) continue;
    Sensitivity s;
    s.role = a.roles[r].id;
    for (const auto& change : changes) {
      Role role = process.roles[r];
      role.fte += change.fte;
      role.absence = std::min(0.99, role.absence + change.absence);
      RoleResult changed;
      detail::fill_role_queue(changed, role, process.calendar, loads[r], options.arrival_variability);
      auto waits = base_waits;
      waits[r] = changed.visits_per_week > 0 ? changed.wait_weeks : std::optional<double>(0.0);
      s.cases.push_back({change.name, changed.utilisation, changed.wait_weeks, clean(lead.with(waits))});
    }
    const auto& plus_one = s.cases[1].lead_time_weeks;
    if (base_lead && plus_one) s.lead_time_gain_weeks = *base_lead - *plus_one;
    a.sensitivity.push_back(std::move(s));
  }
  // Rank: the largest lead-time gain first; a change that makes the whole process
  // stable beats any gain; otherwise the largest drop in utilisation.
  auto key = [&](const Sensitivity& s) {
    const auto& role = *a.find_role(s.role);
    double util_drop = role.utilisation.value_or(10) - s.cases[1].utilisation.value_or(10);
    bool fixes = !base_lead && s.cases[1].lead_time_weeks.has_value();
    double gain = s.lead_time_gain_weeks.value_or(0);
    return std::make_tuple(fixes ? 1 : 0, fixes ? -*s.cases[1].lead_time_weeks : gain, util_drop);
  };
  std::stable_sort(a.sensitivity.begin(), a.sensitivity.end(),
                   [&](const Sensitivity& x, const Sensitivity& y) { return key(x) > key(y); });
  for (size_t i = 0; i < a.sensitivity.size(); ++i) {
    auto& s = a.sensitivity[i];
    s.rank = static_cast<int>(i) + 1;
    auto role = process.find_role(s.role);
    s.reason = detail::sensitivity_sentence(one_line(process.roles[*role].label.in(options.lang, s.role)), s,
                                            *a.find_role(s.role), base_lead, options.lang);
  }
}

std::string step_label(const Process& process, const std::string& id, Lang lang) {
  auto v = process.find_step(id);
  return one_line(v ? process.graph[*v].label.in(lang, id) : id);
}

// " (role)" when another step has the same label, so that a sentence names one step: the adult
// models have a "Follow-up and plan review (30–64)" for social counsellors and one for social
// workers. The step's id when the role does not tell them apart either.
std::string step_qualifier(const Process& process, const std::string& id, Lang lang) {
  const std::string label = step_label(process, id, lang);
  auto v = process.find_step(id);
  if (!v) return "";
  const Step& step = process.graph[*v];
  bool shared = false, same_role = false;
  for (auto u : boost::make_iterator_range(boost::vertices(process.graph))) {
    const Step& other = process.graph[u];
    if (u == *v || step_label(process, other.id, lang) != label) continue;
    shared = true;
    same_role = same_role || other.role == step.role;
  }
  if (!shared) return "";
  if (same_role || !step.role) return " (" + id + ")";
  const Role& role = process.roles[*step.role];
  return " (" + one_line(role.label.in(lang, role.id)) + ")";
}

void fill_bottlenecks(const Process& process, const Flow& f, const std::vector<std::vector<double>>& handoffs,
                      const AnalysisOptions& options, Analysis& a) {
  const Lang lang = options.lang;
  const auto& lead = a.lead_time_weeks.mean;
  // Roles: unstable first (by utilisation), then by the share of lead time spent waiting for them.
  std::vector<const RoleResult*> roles;
  for (const auto& r : a.roles)
    if (r.demand_hours_per_week > 0) roles.push_back(&r);
  auto wait_share = [&](const RoleResult& r) {
    if (!lead || *lead <= 0 || !r.wait_weeks) return 0.0;
    return r.visits_per_week / f.total_arrivals * *r.wait_weeks / *lead;
  };
  auto score = [&](const RoleResult* r) {
    return std::make_tuple(r->stable ? 0 : 1, r->stable ? wait_share(*r) : r->utilisation.value_or(1e300),
                           r->utilisation.value_or(1e300));
  };
  std::stable_sort(roles.begin(), roles.end(), [&](auto x, auto y) { return score(x) > score(y); });
  std::vector<Bottleneck> list;
  for (size_t i = 0; i < roles.size(); ++i) {
    const auto& r = *roles[i];
    bool notable = !r.stable || wait_share(r) >= 0.1 || r.utilisation.value_or(1) >= 0.7;
    if (i > 0 && (!notable || i >= 3)) break;
    auto role = process.find_role(r.id);
    list.push_back({"role", r.id, r.share_of_lead_time, r.utilisation,
                    detail::role_sentence(r, one_line(process.roles[*role].label.in(lang, r.id)), lang)});
  }
  // Steps that take the largest share of the lead time.
  std::vector<const StepResult*> steps;
  for (const auto& s : a.steps)
    if (s.share_of_lead_time && *s.share_of_lead_time >= 0.15) steps.push_back(&s);
  std::stable_sort(steps.begin(), steps.end(),
                   [](auto x, auto y) { return *x->share_of_lead_time > *y->share_of_lead_time; });
  for (size_t i = 0; i < steps.size() && i < 3; ++i) {
    const auto* role = steps[i]->role ? a.find_role(*steps[i]->role) : nullptr;
    list.push_back({"step", steps[i]->id, steps[i]->share_of_lead_time, role ? role->utilisation : std::nullopt,
                    detail::step_sentence(*steps[i], step_label(process, steps[i]->id, lang),
                                          step_qualifier(process, steps[i]->id, lang), lang)});
  }
  // Loops (blocks with internal transitions) by the time their repeat visits add.
  struct LoopTime {
    std::string entry;
    double added, extra;
  };
  std::vector<LoopTime> loops;
  std::vector<StepVertex> members;
  for (int b = 0; b < f.blocks.count(); ++b) {
    if (!f.blocks.has_internal[b] || f.blocks.states(b).empty()) continue;
    members.clear();
    for (int u : f.blocks.states(b)) members.push_back(f.space.step[u]);
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    LoopTime loop{"", 0, 0};
    double most_added = -1;  // the loop is named by the step whose repeats add the most time
    bool known = true;
    for (StepVertex v : members) {
      const auto& s = a.steps[v];
      if (!s.reach || !s.sojourn_weeks) {
        known = false;
        break;
      }
      double extra = std::max(0.0, s.visits - *s.reach);
      loop.extra += extra;
      loop.added += extra * *s.sojourn_weeks;
      if (extra * *s.sojourn_weeks > most_added) most_added = extra * *s.sojourn_weeks, loop.entry = s.id;
    }
    if (known && loop.extra > 1e-9) loops.push_back(loop);
  }
  std::stable_sort(loops.begin(), loops.end(), [](auto& x, auto& y) { return x.added > y.added; });
  for (size_t i = 0; i < loops.size() && i < 2; ++i) {
    std::optional<double> share;
    if (lead && *lead > 0) share = loops[i].added / *lead;
    if (share && *share < 0.05) continue;
    list.push_back(
        {"loop", loops[i].entry, share, std::nullopt,
         detail::loop_sentence(step_label(process, loops[i].entry, lang), step_qualifier(process, loops[i].entry, lang),
                               loops[i].added, loops[i].extra, lang)});
  }
  // Handoff hotspots: the role pairs with the most moves per client.
  struct Pair {
    size_t from, to;
    double flow;
  };
  std::vector<Pair> pairs;
  for (size_t r = 0; r < handoffs.size(); ++r)
    for (size_t t = 0; t < handoffs.size(); ++t)
      if (handoffs[r][t] > 1e-12) pairs.push_back({r, t, handoffs[r][t]});
  std::stable_sort(pairs.begin(), pairs.end(), [](auto& x, auto& y) { return x.flow > y.flow; });
  for (size_t i = 0; i < pairs.size() && i < 2; ++i) {
    const auto& from = process.roles[pairs[i].from];
    const auto& to = process.roles[pairs[i].to];
    double per_client = pairs[i].flow / f.total_arrivals;
    if (per_client < 0.2) break;
    list.push_back(
        {"handoff", from.id + "->" + to.id, std::nullopt, std::nullopt,
         detail::handoff_sentence(one_line(from.label.in(lang, from.id)),
                                  one_line(to.label.in(lang, to.id)), per_client, pairs[i].flow, lang)});
  }
  a.bottlenecks = std::move(list);
}

}  // namespace

Analysis analyze(const Process& process, const AnalysisOptions& options) {
  Analysis a;
  a.model = process.name;
  a.lang = lang_code(options.lang);
  a.hours_per_fte = process.calendar.hours_per_fte;
  a.classes = process.classes;
  if (!(process.calendar.hours_per_fte > 0))
    throw AnalysisError(process.file + ": hours_per_fte must be greater than zero");

  Flow f;
  solve_traffic(process, f, options.lang);
  a.arrivals_per_week = f.total_arrivals;
  fill_steps(process, f, a);
  detail::fill_route_flows(process, a);
  fill_reach(f, a);
  std::vector<detail::RoleLoad> loads;
  fill_roles(process, f, options, a, loads);
  std::vector<std::vector<double>> handoffs;
  // Both read the solved flow and write fields of `a` that the lead time does
  // not touch: on a large model the second core takes them (a small one is
  // done before a thread would have started).
  auto policy = f.space.size() > 100000 ? std::launch::async : std::launch::deferred;
  auto shares = std::async(policy, [&] {
    fill_shares_and_handoffs(process, f, a, handoffs);
    fill_checkpoints(process, f, a);
  });
  fill_lead_time(process, f, a);
  shares.get();
  a.rework_visits_per_client = rework(a);
  a.saturation = saturation(a);
  LeadModel lead = lead_model(process, f);
  if (options.sensitivity) {
    fill_sensitivity(process, lead, loads, options, a);
    detail::fill_outcome_shares(process, options, a);
  }
  fill_bottlenecks(process, f, handoffs, options, a);
  for (StepVertex v : f.space.leaks)
    a.notes.push_back(fmt::format(
        fmt::runtime(say(options.lang,
                          "vaihe \"{}\": osa asiakkaista ei jatka mihinkään (reittien todennäköisyydet alle 1); "
                          "heidän katsotaan poistuvan prosessista",
                          "steget \"{}\": en del av klienterna går ingenstans (sannolikheterna under 1); de räknas som "
                          "att de lämnar processen",
                          "step \"{}\": some clients have no route on (probabilities below 1); they are counted as "
                          "leaving the process")),
        process.graph[v].id));
  if (options.projection_weeks > 0) a.projection = detail::project_queues(process, a, options);
  return a;
}

}  // namespace sujuva
