#include "flow/state_space.h"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <Eigen/SparseLU>
#include <algorithm>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <set>

#include "flow/analysis.h"

namespace sujuva::detail {

namespace {

Diagnostic at_step(const Process& process, StepVertex v, std::string message) {
  return {Severity::error, process.file, process.graph[v].line, std::move(message), {}};
}

[[noreturn]] void fail(const Process& process, Diagnostics diagnostics, Lang lang) {
  std::string message;
  for (const auto& d : diagnostics) message += (message.empty() ? "" : "\n") + d.format(lang);
  throw AnalysisError(message, std::move(diagnostics));
}

// States from which no route leads out of the process.
std::vector<int> trapped_states(const StateSpace& s) {
  int n = s.size();
  // Incoming transitions in CSR form: one array, not a vector per state.
  std::vector<int> first_in(n + 1, 0);
  for (size_t k = 0; k < s.target.size(); ++k)
    if (s.probability[k] > 0) ++first_in[s.target[k] + 1];
  for (int u = 0; u < n; ++u) first_in[u + 1] += first_in[u];
  std::vector<int> incoming(first_in[n]);
  {
    std::vector<int> next(first_in.begin(), first_in.end() - 1);
    for (int u = 0; u < n; ++u)
      for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
        if (s.probability[k] > 0) incoming[next[s.target[k]]++] = u;
  }
  std::vector<char> leaves(n, 0);
  std::vector<int> queue;
  for (int u = 0; u < n; ++u)
    if (s.exit[u] > 1e-12) leaves[u] = 1, queue.push_back(u);
  for (size_t i = 0; i < queue.size(); ++i) {
    int v = queue[i];
    for (int j = first_in[v]; j < first_in[v + 1]; ++j)
      if (!leaves[incoming[j]]) leaves[incoming[j]] = 1, queue.push_back(incoming[j]);
  }
  std::vector<int> trapped;
  for (int u = 0; u < n; ++u)
    if (!leaves[u]) trapped.push_back(u);
  return trapped;
}

// Strongly connected components of the step graph by Tarjan's algorithm on flat
// arrays (boost::strong_components on the adjacency_list took half a second at
// a million steps), numbered in the order their roots finish.
std::vector<int> step_components(const ProcessGraph& g, int& count) {
  int n = static_cast<int>(boost::num_vertices(g));
  std::vector<int> first(n + 1, 0), next;
  next.reserve(boost::num_edges(g));
  for (int v = 0; v < n; ++v) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
      next.push_back(static_cast<int>(boost::target(e, g)));
    first[v + 1] = static_cast<int>(next.size());
  }
  constexpr int kUnassigned = -1;
  std::vector<int> component(n, kUnassigned), index(n, -1), low(n, 0), stack, frames, position;
  count = 0;
  int time = 0;
  for (int root = 0; root < n; ++root) {
    if (index[root] >= 0) continue;
    auto discover = [&](int v) {
      index[v] = low[v] = time++;
      stack.push_back(v);
      frames.push_back(v);
      position.push_back(first[v]);
    };
    discover(root);
    while (!frames.empty()) {
      int v = frames.back();
      if (position.back() < first[v + 1]) {
        int w = next[position.back()++];
        if (index[w] < 0)
          discover(w);
        else if (component[w] == kUnassigned)
          low[v] = std::min(low[v], index[w]);
        continue;
      }
      frames.pop_back();
      position.pop_back();
      if (low[v] == index[v]) {
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          component[w] = count;
        } while (w != v);
        ++count;
      }
      if (!frames.empty()) low[frames.back()] = std::min(low[frames.back()], low[v]);
    }
  }
  return component;
}

}  // namespace

StateSpace build_state_space(const Process& process, Lang lang) {
  const auto& g = process.graph;
  StateSpace s;
  s.classes = static_cast<int>(process.classes.size());
  size_t steps = boost::num_vertices(g);
  s.index.assign(steps * s.classes, -1);
  std::vector<double> gamma, exit;
  auto add_state = [&](StepVertex v, ClassIndex c) {
    int& slot = s.index[v * s.classes + c];
    if (slot < 0) {
      slot = s.size();
      s.step.push_back(v);
      s.cls.push_back(c);
      gamma.push_back(0);
    }
    return slot;
  };
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    if (g[v].kind == StepKind::start && g[v].arrivals_per_week > 0)
      gamma[add_state(v, kStandardClass)] += g[v].arrivals_per_week;
  if (s.step.empty()) {
    Diagnostic d{
        Severity::error,
        process.file,
        0,
        say(lang, "asiakkaita ei saavu: anna jollekin alkuvaiheelle saapumisia (esimerkiksi arrivals=\"10/vk\")",
            "inga klienter kommer: ge ett startsteg ankomster (till exempel arrivals=\"10/vecka\")",
            "no clients arrive: give a start step arrivals greater than zero (e.g. arrivals=\"10/week\")"),
        {}};
    fail(process, {d}, lang);
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
        problems.push_back(at_step(
            process, v,
            fmt::format(
                fmt::runtime(say(lang,
                                 "vaihe \"{}\": luokan \"{}\" reittien todennäköisyydet ovat yhteensä {:.4g}, "
                                 "enemmän kuin 1",
                                 "steget \"{}\": ruttsannolikheterna för klassen \"{}\" summerar till {:.4g}, "
                                 "mer än 1",
                                 "step \"{}\": routing probabilities for class \"{}\" sum to {:.4g}, more than 1")),
                g[v].id, process.classes[s.cls[u]], total)));
      if (total < 1 - 1e-9) leaks.insert(v);
    }
    s.row_start.push_back(static_cast<int>(s.target.size()));
    exit.push_back(std::max(0.0, 1 - total));
  }
  if (!problems.empty()) fail(process, problems, lang);
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
    if (steps_trapped.size() > 10)
      names += fmt::format(fmt::runtime(say(lang, " ja {} muuta", " och {} till", " and {} more")),
                           steps_trapped.size() - 10);
    fail(process,
         {at_step(process, steps_trapped.front(),
                  say(lang, "asiakkaat, jotka tulevat vaiheisiin ", "klienter som når ", "clients who reach ") + names +
                      say(lang,
                          ", eivät koskaan pääse pois prosessista (silmukka ilman ulospääsyä); virralla ei ole "
                          "tasapainotilaa",
                          " kan aldrig lämna processen (en slinga utan utgång); flödet har inget jämviktsläge",
                          " can never leave the process (a loop with no exit); the flow has no steady state"))},
         lang);
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
  int count = 0;
  std::vector<int> component = step_components(g, count);
  // Tarjan finishes a component only after every component it leads to, so the
  // reverse of its numbering is a topological order.
  std::vector<int> order_of(count);
  for (int c = 0; c < count; ++c) order_of[c] = count - 1 - c;
  Blocks blocks;
  blocks.has_internal.assign(count, 0);
  blocks.start.assign(count + 1, 0);
  blocks.of_state.resize(s.size());
  blocks.local_of_state.resize(s.size());
  for (int u = 0; u < s.size(); ++u) {
    int b = order_of[component[s.step[u]]];
    blocks.of_state[u] = b;
    ++blocks.start[b + 1];
  }
  for (int b = 0; b < count; ++b) blocks.start[b + 1] += blocks.start[b];
  blocks.members.resize(s.size());
  std::vector<int> fill(blocks.start.begin(), blocks.start.end() - 1);
  for (int u = 0; u < s.size(); ++u) {
    int b = blocks.of_state[u];
    blocks.local_of_state[u] = fill[b] - blocks.start[b];
    blocks.members[fill[b]++] = u;
  }
  for (int u = 0; u < s.size(); ++u)
    for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
      if (blocks.of_state[s.target[k]] == blocks.of_state[u]) blocks.has_internal[blocks.of_state[u]] = 1;
  return blocks;
}

void DenseLu::compute(const Eigen::MatrixXd& a) {
  lu_ = a;
  factor();
}

void DenseLu::compute_transposed(const Eigen::MatrixXd& a) {
  lu_ = a.transpose();
  factor();
}

void DenseLu::factor() {
  const int m = size();
  pivot_.resize(m);
  for (int k = 0; k < m; ++k) {
    int p = k;
    for (int i = k + 1; i < m; ++i)
      if (std::abs(lu_(i, k)) > std::abs(lu_(p, k))) p = i;
    pivot_[k] = p;
    if (p != k) lu_.row(k).swap(lu_.row(p));
    const double diagonal = lu_(k, k);
    if (diagonal == 0) continue;
    for (int i = k + 1; i < m; ++i) lu_(i, k) /= diagonal;
    for (int j = k + 1; j < m; ++j) {
      const double factor = lu_(k, j);
      if (factor == 0) continue;
      double* column = &lu_(0, j);
      const double* l = &lu_(0, k);
      for (int i = k + 1; i < m; ++i) column[i] -= l[i] * factor;
    }
  }
}

void DenseLu::solve_in_place(double* x) const {
  const int m = size();
  for (int k = 0; k < m; ++k) std::swap(x[k], x[pivot_[k]]);
  for (int k = 0; k < m; ++k) {
    const double xk = x[k];
    if (xk == 0) continue;
    const double* l = &lu_(0, k);
    for (int i = k + 1; i < m; ++i) x[i] -= l[i] * xk;
  }
  for (int k = m - 1; k >= 0; --k) {
    x[k] /= lu_(k, k);
    const double xk = x[k];
    if (xk == 0) continue;
    const double* u = &lu_(0, k);
    for (int i = 0; i < k; ++i) x[i] -= u[i] * xk;
  }
}

void DenseLu::solve_in_place(Eigen::MatrixXd& x) const {
  for (Eigen::Index c = 0; c < x.cols(); ++c) solve_in_place(&x(0, c));
}

void DenseLu::inverse(Eigen::MatrixXd& result) const {
  result.setIdentity(size(), size());
  solve_in_place(result);
}

Eigen::SparseMatrix<double> local_sparse(const StateSpace& s, const Blocks& blocks, int block,
                                         const std::vector<char>& absorbing) {
  auto members = blocks.states(block);
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

namespace {

// local_matrix into `a`, reusing its storage from block to block.
void fill_local_matrix(const StateSpace& s, const Blocks& blocks, int block, const std::vector<char>& absorbing,
                       Eigen::MatrixXd& a) {
  auto members = blocks.states(block);
  int m = static_cast<int>(members.size());
  a.setIdentity(m, m);
  for (int i = 0; i < m; ++i) {
    int u = members[i];
    if (!absorbing.empty() && absorbing[u]) continue;
    for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k)
      if (blocks.of_state[s.target[k]] == block) a(blocks.local_of_state[s.target[k]], i) -= s.probability[k];
  }
}

bool all_absorbing(const Blocks& blocks, int block, const std::vector<char>& absorbing) {
  if (absorbing.empty()) return false;
  for (int u : blocks.states(block))
    if (!absorbing[u]) return false;
  return true;
}

// Dense and sparse LU of one block at a time; the dense workspaces keep their
// storage from block to block (most loops have the same few sizes).
struct BlockLu {
  Eigen::MatrixXd matrix;
  DenseLu dense;

  // (I − Q_BBᵀ) x = entry into `x`; `lu` set for a dense block.
  void solve(const StateSpace& s, const Blocks& blocks, int block, const std::vector<char>& absorbing,
             const Eigen::VectorXd& entry, Eigen::VectorXd& x, const DenseLu*& lu) {
    lu = nullptr;
    if (static_cast<int>(blocks.states(block).size()) <= kDenseBlock) {
      fill_local_matrix(s, blocks, block, absorbing, matrix);
      dense.compute(matrix);
      x = entry;
      dense.solve_in_place(x);
      lu = &dense;
      return;
    }
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> sparse;
    sparse.compute(local_sparse(s, blocks, block, absorbing));
    x = sparse.solve(entry);
  }
};

}  // namespace

Eigen::MatrixXd local_matrix(const StateSpace& s, const Blocks& blocks, int block, const std::vector<char>& absorbing) {
  Eigen::MatrixXd a;
  fill_local_matrix(s, blocks, block, absorbing, a);
  return a;
}

Eigen::VectorXd local_visits(const StateSpace& s, const Blocks& blocks, int block, const Eigen::VectorXd& entry,
                             const std::vector<char>& absorbing) {
  if (!blocks.has_internal[block]) return entry;
  if (all_absorbing(blocks, block, absorbing)) return entry;  // every state keeps its visit and routes nowhere
  BlockLu solver;
  Eigen::VectorXd x;
  const DenseLu* lu = nullptr;
  solver.solve(s, blocks, block, absorbing, entry, x, lu);
  return x;
}

Eigen::VectorXd block_visits(const StateSpace& s, const Blocks& blocks, const Eigen::VectorXd& entry,
                             const std::vector<char>& absorbing, const std::function<void(const BlockSolve&)>& inside) {
  Eigen::VectorXd x = entry;  // inflow of unprocessed states, visits of processed ones
  BlockLu solver;
  Eigen::VectorXd rhs, visits;
  for (int b = 0; b < blocks.count(); ++b) {
    auto members = blocks.states(b);
    if (members.empty()) continue;
    bool any = false;
    for (int u : members) any = any || x[u] != 0;
    if (!any) continue;
    if (blocks.has_internal[b]) {
      rhs.resize(static_cast<Eigen::Index>(members.size()));
      for (size_t i = 0; i < members.size(); ++i) rhs[i] = x[members[i]];
      const DenseLu* lu = nullptr;
      if (all_absorbing(blocks, b, absorbing))
        visits = rhs;
      else
        solver.solve(s, blocks, b, absorbing, rhs, visits, lu);
      if (inside) inside(BlockSolve{b, rhs, visits, lu});
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

Eigen::MatrixXd block_backward(const StateSpace& s, const Blocks& blocks, const Eigen::MatrixXd& rhs) {
  const Eigen::Index systems = rhs.cols();
  // Row-major while solving: the cross-block updates add whole rows.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> h = rhs;
  Eigen::MatrixXd matrix, local;
  DenseLu dense;
  for (int b = blocks.count() - 1; b >= 0; --b) {
    auto members = blocks.states(b);
    for (int u : members) {
      double* row = h.row(u).data();
      for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k) {
        if (blocks.of_state[s.target[k]] == b) continue;
        const double* next = h.row(s.target[k]).data();
        for (Eigen::Index c = 0; c < systems; ++c) row[c] += s.probability[k] * next[c];
      }
    }
    if (!blocks.has_internal[b]) continue;
    local.resize(static_cast<Eigen::Index>(members.size()), systems);
    for (size_t i = 0; i < members.size(); ++i) local.row(i) = h.row(members[i]);
    if (static_cast<int>(members.size()) <= kDenseBlock) {
      fill_local_matrix(s, blocks, b, {}, matrix);
      dense.compute_transposed(matrix);
      dense.solve_in_place(local);
    } else {
      Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
      lu.compute(local_sparse(s, blocks, b, {}));
      local = lu.transpose().solve(local).eval();
    }
    for (size_t i = 0; i < members.size(); ++i) h.row(members[i]) = local.row(i);
  }
  return h;
}

Eigen::VectorXd block_backward(const StateSpace& s, const Blocks& blocks, const Eigen::VectorXd& rhs) {
  return block_backward(s, blocks, Eigen::MatrixXd(rhs)).col(0);
}

}  // namespace sujuva::detail
