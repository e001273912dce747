// The traffic equations: visit rates per (step, class) state, per step, and the probability of ever reaching a step.
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "flow/analysis_internal.h"

namespace sujuva::detail {

namespace {

// Probability of ever reaching each step of one solved loop block: with
// N = (I − Q_BB)⁻¹, the visits v_S to the states S of a step are f_S N_SS, f_S
// being where clients first hit S; reach = Σ f_S. A large block instead takes
// one first-passage solve per step (none at all past 4·10^6 states × steps).
class LoopReach {
 public:
  LoopReach(const StateSpace& space, const Blocks& blocks, double total_arrivals, std::vector<double>& reach)
      : s_(space), blocks_(blocks), total_(total_arrivals), reach_(reach) {}

  void operator()(const BlockSolve& solved) {
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
  void dense(const BlockSolve& solved) {
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

  void sparse(const BlockSolve& solved) {
    auto members = blocks_.states(solved.block);
    size_t steps = 0;
    for (size_t i = 0; i < by_step_.size(); ++i) steps += i == 0 || by_step_[i].first != by_step_[i - 1].first;
    if (members.size() * steps > 4'000'000) return;  // a huge loop: reach left undefined
    absorbing_.assign(s_.size(), 0);
    for (size_t first = 0, last; first < by_step_.size(); first = last) {
      StepVertex v = by_step_[first].first;
      for (last = first; last < by_step_.size() && by_step_[last].first == v; ++last)
        absorbing_[members[by_step_[last].second]] = 1;
      Eigen::VectorXd x = local_visits(s_, blocks_, solved.block, solved.entry, absorbing_);
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
  DenseLu small_lu_;
  std::vector<char> absorbing_;
};

}  // namespace

// The traffic equations (I − Qᵀ) λ = γ. The (step, class) chain is block
// triangular: its strongly connected blocks (loops) in topological order. We
// solve block by block with Eigen LU (dense for small blocks, SparseLU for large
// ones): the same answer as one SparseLU on the whole matrix (tools/bench/flow
// compares them and SciPy) at a fraction of the time and fill-in.
void solve_traffic(const Process& process, Flow& f, Lang lang) {
  f.space = build_state_space(process, lang);
  f.blocks = make_blocks(process, f.space);
  f.total_arrivals = f.space.arrivals.sum();
  f.loop_reach.assign(boost::num_vertices(process.graph), std::nan(""));
  LoopReach reach(f.space, f.blocks, f.total_arrivals, f.loop_reach);
  f.visits = block_visits(f.space, f.blocks, f.space.arrivals, {}, std::ref(reach));
  for (int u = 0; u < f.visits.size(); ++u) {
    if (!finite(f.visits[u]) || f.visits[u] < -1e-9 * f.total_arrivals)
      throw AnalysisError(process.file + ":" + std::to_string(process.graph[f.space.step[u]].line) +
                          say(lang, ": vaihe \"", ": steget \"", ": step \"") + process.graph[f.space.step[u]].id +
                          say(lang,
                              "\": käyntimäärää ei voi laskea (kierros, josta pääsee pois lähes nollan "
                              "todennäköisyydellä)",
                              "\": antalet besök kan inte beräknas (en slinga som man kommer ut ur med nästan noll "
                              "sannolikhet)",
                              "\": the visit rate cannot be computed (numerically singular routing: a loop whose exit "
                              "probability is almost zero)"));
    f.visits[u] = std::max(0.0, f.visits[u]);
  }
}

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
    bool unvisited_known = static_cast<int>(members.size()) <= kDenseBlock;
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

}  // namespace sujuva::detail
