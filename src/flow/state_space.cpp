#include "flow/state_space.h"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <Eigen/SparseLU>
#include <algorithm>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <deque>
#include <set>

#include "flow/analysis.h"

namespace sujuva::detail {

namespace {

Diagnostic at_step(const Process& process, StepVertex v, std::string message) {
  return {Severity::error, process.file, process.graph[v].line, std::move(message), {}};
}

[[noreturn]] void fail(const Process& process, Diagnostics diagnostics) {
  std::string message;
  for (const auto& d : diagnostics) message += (message.empty() ? "" : "\n") + d.format();
  throw AnalysisError(message, std::move(diagnostics));
}

// States from which no route leads out of the process.
std::vector<int> trapped_states(const StateSpace& s) {
  int n = s.size();
  std::vector<std::vector<int>> incoming(n);
  for (int u = 0; u < n; ++u)
    for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
      if (s.probability[k] > 0) incoming[s.target[k]].push_back(u);
  std::vector<char> leaves(n, 0);
  std::deque<int> queue;
  for (int u = 0; u < n; ++u)
    if (s.exit[u] > 1e-12) leaves[u] = 1, queue.push_back(u);
  while (!queue.empty()) {
    int v = queue.front();
    queue.pop_front();
    for (int u : incoming[v])
      if (!leaves[u]) leaves[u] = 1, queue.push_back(u);
  }
  std::vector<int> trapped;
  for (int u = 0; u < n; ++u)
    if (!leaves[u]) trapped.push_back(u);
  return trapped;
}

}  // namespace

StateSpace build_state_space(const Process& process) {
  const auto& g = process.graph;
  StateSpace s;
  s.classes = static_cast<int>(process.classes.size());
  size_t steps = boost::num_vertices(g);
  s.index.assign(steps * s.classes, -1);
  std::vector<double> gamma, exit;
  std::deque<int> queue;
  auto add_state = [&](StepVertex v, ClassIndex c) {
    int& slot = s.index[v * s.classes + c];
    if (slot < 0) {
      slot = s.size();
      s.step.push_back(v);
      s.cls.push_back(c);
      gamma.push_back(0);
      queue.push_back(slot);
    }
    return slot;
  };
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    if (g[v].kind == StepKind::start && g[v].arrivals_per_week > 0)
      gamma[add_state(v, kStandardClass)] += g[v].arrivals_per_week;
  if (s.step.empty()) {
    Diagnostic d{Severity::error,
                 process.file,
                 0,
                 "no clients arrive: give a start step arrivals greater than zero (e.g. arrivals=\"10/week\")",
                 {}};
    fail(process, {d});
  }

  Diagnostics problems;
  std::set<StepVertex> leaks;
  s.row_start.push_back(0);
  // States are numbered in discovery order, so processing them in order is a BFS.
  for (int u = 0; u < s.size(); ++u) {
    StepVertex v = s.step[u];
    double total = 0;
    if (g[v].kind != StepKind::end) {
      for (const Branch& b : branches(process, v, s.cls[u])) {
        if (!(b.probability >= 0) || !std::isfinite(b.probability)) continue;
        int to = add_state(b.to, b.next_class);
        s.target.push_back(to);
        s.probability.push_back(b.probability);
        total += b.probability;
      }
      if (total > 1 + 1e-9)
        problems.push_back(at_step(process, v,
                                   fmt::format("step \"{}\": routing probabilities for class \"{}\" sum to {:.4g}, "
                                               "more than 1",
                                               g[v].id, process.classes[s.cls[u]], total)));
      if (total < 1 - 1e-9) leaks.insert(v);
    }
    s.row_start.push_back(static_cast<int>(s.target.size()));
    exit.push_back(std::max(0.0, 1 - total));
  }
  if (!problems.empty()) fail(process, problems);
  s.arrivals = Eigen::Map<Eigen::VectorXd>(gamma.data(), gamma.size());
  s.exit = Eigen::Map<Eigen::VectorXd>(exit.data(), exit.size());
  s.leaks.assign(leaks.begin(), leaks.end());

  auto trapped = trapped_states(s);
  if (!trapped.empty()) {
    // Name the loops themselves, not the steps that merely lead into them.
    std::vector<int> component(steps);
    boost::strong_components(g,
                             boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
    std::vector<int> size(steps, 0);
    for (auto c : component) ++size[c];
    auto on_loop = [&](StepVertex v) { return size[component[v]] > 1 || boost::edge(v, v, g).second; };
    std::vector<StepVertex> steps_trapped;
    for (int u : trapped)
      if (on_loop(s.step[u])) steps_trapped.push_back(s.step[u]);
    if (steps_trapped.empty())
      for (int u : trapped) steps_trapped.push_back(s.step[u]);
    std::sort(steps_trapped.begin(), steps_trapped.end());
    steps_trapped.erase(std::unique(steps_trapped.begin(), steps_trapped.end()), steps_trapped.end());
    std::string names;
    for (size_t i = 0; i < steps_trapped.size() && i < 10; ++i)
      names += (i ? ", " : "") + ("\"" + g[steps_trapped[i]].id + "\"");
    if (steps_trapped.size() > 10) names += fmt::format(" and {} more", steps_trapped.size() - 10);
    fail(process, {at_step(process, steps_trapped.front(),
                           "clients who reach " + names +
                               " can never leave the process (a loop with no exit); the flow has no steady state")});
  }
  return s;
}

Eigen::SparseMatrix<double> traffic_matrix(const StateSpace& s) {
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(s.size() + s.target.size());
  for (int u = 0; u < s.size(); ++u) {
    entries.emplace_back(u, u, 1.0);
    for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k) entries.emplace_back(s.target[k], u, -s.probability[k]);
  }
  Eigen::SparseMatrix<double> a(s.size(), s.size());
  a.setFromTriplets(entries.begin(), entries.end());
  a.makeCompressed();
  return a;
}

Blocks make_blocks(const Process& process, const StateSpace& s) {
  const auto& g = process.graph;
  size_t n = boost::num_vertices(g);
  std::vector<int> component(n);
  int count = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  // Kahn's algorithm on the condensation for a topological order of components.
  std::vector<std::vector<int>> next(count);
  std::vector<int> indegree(count, 0);
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    int a = component[boost::source(e, g)], b = component[boost::target(e, g)];
    if (a != b) next[a].push_back(b), ++indegree[b];
  }
  std::vector<int> order_of(count, -1);
  std::deque<int> ready;
  for (int c = 0; c < count; ++c)
    if (indegree[c] == 0) ready.push_back(c);
  int position = 0;
  while (!ready.empty()) {
    int c = ready.front();
    ready.pop_front();
    order_of[c] = position++;
    for (int d : next[c])
      if (--indegree[d] == 0) ready.push_back(d);
  }
  Blocks blocks;
  blocks.states.resize(count);
  blocks.has_internal.assign(count, 0);
  blocks.of_state.resize(s.size());
  blocks.local_of_state.resize(s.size());
  for (int u = 0; u < s.size(); ++u) {
    int b = order_of[component[s.step[u]]];
    blocks.of_state[u] = b;
    blocks.local_of_state[u] = static_cast<int>(blocks.states[b].size());
    blocks.states[b].push_back(u);
  }
  for (int u = 0; u < s.size(); ++u)
    for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
      if (blocks.of_state[s.target[k]] == blocks.of_state[u]) blocks.has_internal[blocks.of_state[u]] = 1;
  return blocks;
}

Eigen::SparseMatrix<double> local_sparse(const StateSpace& s, const Blocks& blocks, int block,
                                         const std::vector<char>& absorbing) {
  const auto& members = blocks.states[block];
  int m = static_cast<int>(members.size());
  std::vector<Eigen::Triplet<double>> entries;
  for (int i = 0; i < m; ++i) {
    int u = members[i];
    entries.emplace_back(i, i, 1.0);
    if (!absorbing.empty() && absorbing[u]) continue;
    for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
      if (blocks.of_state[s.target[k]] == block)
        entries.emplace_back(blocks.local_of_state[s.target[k]], i, -s.probability[k]);
  }
  Eigen::SparseMatrix<double> a(m, m);
  a.setFromTriplets(entries.begin(), entries.end());
  return a;
}

Eigen::MatrixXd local_matrix(const StateSpace& s, const Blocks& blocks, int block, const std::vector<char>& absorbing) {
  const auto& members = blocks.states[block];
  int m = static_cast<int>(members.size());
  Eigen::MatrixXd a = Eigen::MatrixXd::Identity(m, m);
  for (int i = 0; i < m; ++i) {
    int u = members[i];
    if (!absorbing.empty() && absorbing[u]) continue;
    for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
      if (blocks.of_state[s.target[k]] == block) a(blocks.local_of_state[s.target[k]], i) -= s.probability[k];
  }
  return a;
}

Eigen::VectorXd local_visits(const StateSpace& s, const Blocks& blocks, int block, const Eigen::VectorXd& entry,
                             const std::vector<char>& absorbing) {
  const auto& members = blocks.states[block];
  int m = static_cast<int>(members.size());
  if (!blocks.has_internal[block]) return entry;
  if (!absorbing.empty()) {
    bool all = true;
    for (int u : members) all = all && absorbing[u];
    if (all) return entry;  // every state keeps its visit and routes nowhere
  }
  if (m <= 64) return local_matrix(s, blocks, block, absorbing).partialPivLu().solve(entry);
  Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
  lu.compute(local_sparse(s, blocks, block, absorbing));
  return lu.solve(entry);
}

Eigen::VectorXd block_visits(const StateSpace& s, const Blocks& blocks, const Eigen::VectorXd& entry,
                             const std::vector<char>& absorbing) {
  Eigen::VectorXd x = entry;  // inflow of unprocessed states, visits of processed ones
  int count = static_cast<int>(blocks.states.size());
  for (int b = 0; b < count; ++b) {
    const auto& members = blocks.states[b];
    if (members.empty()) continue;
    bool any = false;
    for (int u : members) any = any || x[u] != 0;
    if (!any) continue;
    if (blocks.has_internal[b]) {
      Eigen::VectorXd rhs(members.size());
      for (size_t i = 0; i < members.size(); ++i) rhs[i] = x[members[i]];
      Eigen::VectorXd visits = local_visits(s, blocks, b, rhs, absorbing);
      for (size_t i = 0; i < members.size(); ++i) x[members[i]] = visits[i];
    }
    for (int u : members) {
      if (!absorbing.empty() && absorbing[u]) continue;
      for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
        if (blocks.of_state[s.target[k]] != b) x[s.target[k]] += x[u] * s.probability[k];
    }
  }
  return x;
}

Eigen::VectorXd block_backward(const StateSpace& s, const Blocks& blocks, const Eigen::VectorXd& rhs) {
  Eigen::VectorXd h = rhs;
  for (int b = static_cast<int>(blocks.states.size()) - 1; b >= 0; --b) {
    const auto& members = blocks.states[b];
    for (int u : members)
      for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
        if (blocks.of_state[s.target[k]] != b) h[u] += s.probability[k] * h[s.target[k]];
    if (!blocks.has_internal[b]) continue;
    Eigen::VectorXd local(members.size());
    for (size_t i = 0; i < members.size(); ++i) local[i] = h[members[i]];
    if (members.size() <= 64) {
      local = local_matrix(s, blocks, b, {}).transpose().partialPivLu().solve(local);
    } else {
      Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
      lu.compute(local_sparse(s, blocks, b, {}));
      local = lu.transpose().solve(local);
    }
    for (size_t i = 0; i < members.size(); ++i) h[members[i]] = local[i];
  }
  return h;
}

}  // namespace sujuva::detail
