// Lead time by assessment outcome: each client counted in the first class other than `standard` a route gives them.
//
// By the class a client ends with, a change that routes fewer clients into a class (or lets a later
// checkpoint reassess them out of it) moves the slow ones out of the figure and seems to make the
// class fast. By the assessment's outcome every client assessed into a class stays in it, wherever
// they go next, so the figure only moves when their way through the service does.
#include <Eigen/Dense>
#include <algorithm>

#include "flow/analysis_internal.h"

namespace sujuva::detail {

namespace {

// The chain cut at the first assessment: states of the default class keep their routes, every
// other state routes nowhere, so its expected totals are what its right-hand side gives it.
// Only the fields block_backward reads are filled.
StateSpace cut_at_assessment(const StateSpace& s) {
  StateSpace cut;
  cut.classes = s.classes;
  cut.step = s.step;
  cut.cls = s.cls;
  cut.row_start.reserve(s.row_start.size());
  cut.row_start.push_back(0);
  for (int u = 0; u < s.size(); ++u) {
    if (s.cls[u] == kStandardClass)
      for (int k = s.row_start[u]; k < s.row_start[u + 1]; ++k) {
        cut.target.push_back(s.target[k]);
        cut.probability.push_back(s.probability[k]);
      }
    cut.row_start.push_back(static_cast<int>(cut.target.size()));
  }
  return cut;
}

}  // namespace

void fill_lead_by_assessment(const Process& process, const Flow& f, const Eigen::VectorXd& sojourn, Analysis& a) {
  const StateSpace& s = f.space;
  const int n = s.size();
  // Per visit its time, and 1 where that time is undefined (an unstable role): the totals of the
  // second column say whether a class's clients ever meet an undefined wait, without letting a NaN
  // spread through the solves into classes that never do.
  Eigen::MatrixXd per_visit = Eigen::MatrixXd::Zero(n, 2);
  for (int u = 0; u < n; ++u) {
    if (finite(sojourn[u]))
      per_visit(u, 0) = sojourn[u];
    else
      per_visit(u, 1) = 1;
  }
  // R(t): the ordinary expected remaining time from each state, in the whole chain.
  const Eigen::MatrixXd remaining = block_backward(s, f.blocks, per_visit);
  const StateSpace cut = cut_at_assessment(s);

  // A few classes at a time bound the memory, as in fill_lead_time.
  const int chunk = static_cast<int>(std::clamp<double>(4e6 / std::max(1, n), 1, 16));
  for (int first = 0; first < s.classes; first += chunk) {
    const int count = std::min(chunk, s.classes - first);
    // a_k(u) = P(first outcome other than standard is k | at u); for k = standard, P(never
    // assessed into another class): leaving while still standard. A non-default state is where
    // the assessment put the client: it counts 1 for its own class.
    Eigen::MatrixXd outcome = Eigen::MatrixXd::Zero(n, count);
    for (int u = 0; u < n; ++u) {
      const int c = s.cls[u];
      if (c < first || c >= first + count) continue;
      outcome(u, c - first) = s.cls[u] == kStandardClass ? s.exit[u] : 1.0;
    }
    const Eigen::MatrixXd reach = block_backward(cut, f.blocks, outcome);
    // b_k(u) = E[remaining time · 1{outcome = k} | at u]: a standard state adds its own sojourn for
    // the share a_k that ends in k; a state the assessment put in class k adds all of R.
    Eigen::MatrixXd rhs = Eigen::MatrixXd::Zero(n, 2 * count);
    for (int u = 0; u < n; ++u) {
      if (s.cls[u] == kStandardClass) {
        for (int j = 0; j < count; ++j) {
          rhs(u, j) = per_visit(u, 0) * reach(u, j);
          rhs(u, count + j) = per_visit(u, 1) * reach(u, j);
        }
      } else if (s.cls[u] >= first && s.cls[u] < first + count) {
        const int j = s.cls[u] - first;
        rhs(u, j) = remaining(u, 0);
        rhs(u, count + j) = remaining(u, 1);
      }
    }
    const Eigen::MatrixXd total = block_backward(cut, f.blocks, rhs);
    for (int j = 0; j < count; ++j) {
      const std::string& name = process.classes[first + j];
      // Clients arrive in the default class only, at the start states: the arrival-weighted mean
      // of a_k and b_k over them.
      const double share = s.arrivals.dot(reach.col(j)) / f.total_arrivals;
      const double time = s.arrivals.dot(total.col(j)) / f.total_arrivals;
      const double undefined = s.arrivals.dot(total.col(count + j)) / f.total_arrivals;
      a.lead_time_weeks.share_by_assessment[name] = std::clamp(share, 0.0, 1.0);
      if (share < 1e-12 || undefined > 1e-12 * share)
        a.lead_time_weeks.by_assessment[name] = std::nullopt;
      else
        a.lead_time_weeks.by_assessment[name] = clean(time / share);
    }
  }
}

}  // namespace sujuva::detail
