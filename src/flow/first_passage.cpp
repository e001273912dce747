// First-passage passes: the share of clients who ever visit each role, handoffs between roles, checkpoint reach.
#include <Eigen/Dense>
#include <algorithm>
#include <span>

#include "flow/analysis_internal.h"

namespace sujuva::detail {

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
      Eigen::VectorXd x = block_visits(s, f.blocks, s.arrivals, absorbing);
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
      Eigen::VectorXd next = block_visits(s, f.blocks, out, staffed);
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
        Eigen::VectorXd x = block_visits(s, f.blocks, entry, absorbing);
        double hits = 0;
        for (int u = 0; u < s.size(); ++u)
          if (absorbing[u]) hits += x[u];
        c.share_reaching_required_role = std::clamp(hits / c.assessed_per_week, 0.0, 1.0);
      }
    }
    a.checkpoints.push_back(std::move(c));
  }
}

}  // namespace sujuva::detail
