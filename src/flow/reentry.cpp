// The waits of a role whose clients go straight from one of its steps to the next (see reentry.h).
#include "flow/reentry.h"

#include <Eigen/LU>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <map>

namespace sujuva::detail {
namespace {

bool queues(const Step& step) { return step.role && step.does_work() && step.mean_effort_hours() > 0; }

// Steps a client passes without spending time: no queue, no delay, not an end.
bool passes_at_once(const Step& step) {
  return !queues(step) && step.kind != StepKind::end && step.kind != StepKind::activity &&
         !(step.mean_delay_weeks() > 0);
}

// Where a client goes straight after a visit to state `from` of role `role`: the role's work
// states reached through steps that take no time, with their probabilities.
std::map<int, double> straight_after(const Process& process, const StateSpace& space, int from, int role) {
  std::map<int, double> reached;
  struct Item {
    int state;
    double probability;
    int depth;
  };
  std::vector<Item> stack{{from, 1.0, 0}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    for (int t = space.row_start[item.state]; t < space.row_start[item.state + 1]; ++t) {
      const int to = space.target[t];
      const double p = item.probability * space.probability[t];
      const Step& step = process.graph[space.step[to]];
      if (queues(step)) {
        if (*step.role == role) reached[to] += p;
      } else if (passes_at_once(step) && item.depth < 32 && p > 1e-15) {
        stack.push_back({to, p, item.depth + 1});
      }
    }
  }
  return reached;
}

}  // namespace

std::vector<ReentryQueue> reentry_queues(const Process& process, const StateSpace& space,
                                         const Eigen::VectorXd& visits) {
  const auto& g = process.graph;
  const double hpf = process.calendar.hours_per_fte;
  std::vector<ReentryQueue> result(process.roles.size());
  std::vector<int> local(space.size(), -1);
  for (int u = 0; u < space.size(); ++u) {
    const Step& step = g[space.step[u]];
    if (!queues(step) || !(visits[u] > 0)) continue;
    ReentryQueue& q = result[*step.role];
    local[u] = static_cast<int>(q.states.size());
    q.states.push_back(u);
    q.visits.push_back(visits[u]);
    const double mean = step.effort->mean() / hpf;
    q.mean.push_back(mean);
    q.second.push_back(mean * mean * (1 + step.effort->scv()));
    q.priority.push_back(step.priority);
  }
  for (ReentryQueue& q : result) {
    if (static_cast<int>(q.states.size()) > kLargestReentryQueue) continue;  // not used: keep it cheap
    for (int j = 0; j < static_cast<int>(q.states.size()); ++j) {
      const Step& step = g[space.step[q.states[j]]];
      if (step.mean_delay_weeks() > 0) continue;  // the client comes back later, like anyone else
      for (auto [to, p] : straight_after(process, space, q.states[j], *step.role))
        if (local[to] >= 0) q.next.push_back({j, local[to], p});
    }
  }
  return result;
}

std::vector<double> reentry_wait_factors(const ReentryQueue& q, double servers) {
  const int n = static_cast<int>(q.states.size());
  if (q.next.empty() || n > kLargestReentryQueue || !(servers > 0)) return {};
  // One server of speed c at the role's utilisation.
  Eigen::VectorXd lam(n), es(n), es2(n);
  for (int k = 0; k < n; ++k) {
    lam[k] = q.visits[k];
    es[k] = q.mean[k] / servers;
    es2[k] = q.second[k] / (servers * servers);
  }
  const Eigen::VectorXd rho = lam.cwiseProduct(es);
  const double utilisation = rho.sum();
  const double residual = lam.dot(es2) / 2;  // R: the time-average remaining work in service
  if (!(utilisation < 1 - 1e-9) || !(residual > 0)) return {};

  Eigen::MatrixXd p = Eigen::MatrixXd::Zero(n, n);  // p(j, k): straight from j to k
  for (const auto& next : q.next) p(next.from, next.to) += next.probability;
  // Arrivals from outside the role (other roles, starts, after a delay): λ_e = λ − Pᵀλ.
  const Eigen::VectorXd outside = (lam - p.transpose() * lam).cwiseMax(0.0);
  const Eigen::VectorXd from_outside = outside.cwiseQuotient(lam);  // e_k: share of k's visits
  // D(k, j) = λ_j P(j, k) / λ_k: of the visits to k, the share that came straight from j.
  std::vector<Eigen::Triplet<double>> entries;
  for (const auto& next : q.next)
    entries.emplace_back(next.to, next.from, lam[next.from] * next.probability / lam[next.to]);
  Eigen::SparseMatrix<double, Eigen::RowMajor> d(n, n);
  d.setFromTriplets(entries.begin(), entries.end());

  // y_t = Pᵗ E[S] until it vanishes (P is substochastic: every client leaves the role).
  std::vector<Eigen::VectorXd> y{es};
  const double scale = es.cwiseAbs().maxCoeff();
  while (y.back().cwiseAbs().maxCoeff() > 1e-15 * scale) {
    if (y.size() > 20000) return {};  // a loop clients almost never leave: keep the plain figure
    y.push_back(p * y.back());
  }
  y.push_back(Eigen::VectorXd::Zero(n));

  // a_t = Q · y_t (what a visit to each state finds ahead, weighted by y_t) is affine in the
  // waits W: a_t = α_t + B_t W, with
  //   a_t = e (λ∘y_t)ᵀW + D[(W + E[S]) (λ_e·y_t) + a_{t+1} + e (ρ·y_{t+1})],
  // from Q_k = e_k (λ∘W)ᵀ + Σ_j D_kj L_j and L_j = (W_j + E[S_j]) λ_eᵀ + (Q_j + e_j ρᵀ) P.
  Eigen::MatrixXd b = Eigen::MatrixXd::Zero(n, n);
  Eigen::VectorXd alpha = Eigen::VectorXd::Zero(n);
  for (int t = static_cast<int>(y.size()) - 2; t >= 0; --t) {
    const double outside_work = outside.dot(y[t]);
    const double next_work = rho.dot(y[t + 1]);
    Eigen::MatrixXd db = d * b;
    b = from_outside * lam.cwiseProduct(y[t]).transpose() + db;
    b += outside_work * Eigen::MatrixXd(d);
    alpha = outside_work * (d * es) + next_work * (d * from_outside) + d * alpha;
  }
  // W = a_0 + e R.
  const Eigen::MatrixXd system = Eigen::MatrixXd::Identity(n, n) - b;
  const Eigen::VectorXd waits = system.partialPivLu().solve(alpha + from_outside * residual);
  const double poisson_wait = residual / (1 - utilisation);  // Pollaczek–Khinchine
  std::vector<double> factors(n);
  for (int k = 0; k < n; ++k) {
    factors[k] = waits[k] / poisson_wait;
    if (!std::isfinite(factors[k]) || factors[k] < 0) return {};
  }
  return factors;
}

}  // namespace sujuva::detail
