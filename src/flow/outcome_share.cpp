// How the analysis changes when a checkpoint assesses more or fewer clients into its class.
#include <algorithm>
#include <cmath>

#include "flow/analysis_internal.h"

namespace sujuva::detail {

namespace {

constexpr double kStep = 0.10;          // percentage points either way
constexpr size_t kMaxCheckpoints = 12;  // each costs two analyses of the whole model

struct ResolvedRoute {
  RouteEdge edge;
  double probability;
  bool sets_class;
};

// The routes out of `v` with the probabilities branches() gives them (explicit p as written, the
// rest shared equally by the routes without p); nothing when a route has `when=`, because the
// share would then differ by class.
std::vector<ResolvedRoute> resolved_routes(const Process& process, StepVertex v, const std::string& cls) {
  std::vector<ResolvedRoute> routes;
  double given = 0;
  int without_p = 0;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, process.graph))) {
    const Route& route = process.graph[e];
    if (!route.when.empty()) return {};
    if (route.p)
      given += *route.p;
    else
      ++without_p;
  }
  const double rest = without_p > 0 ? std::max(0.0, 1 - given) / without_p : 0;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, process.graph))) {
    const Route& route = process.graph[e];
    routes.push_back({e, route.p ? *route.p : rest, route.outcome == cls});
  }
  return routes;
}

double outcome_share(const std::vector<ResolvedRoute>& routes) {
  double share = 0;
  for (const auto& r : routes)
    if (r.sets_class) share += r.probability;
  return share;
}

// The routes that set the class scaled to `share` together, the others to 1 − share together,
// each keeping its part of its group.
OutcomeShareCase with_share(const Process& process, StepVertex v, const std::string& cls, double now, double share,
                            const AnalysisOptions& options) {
  Process changed = process;  // edge descriptors are per graph: resolve the copy's own routes
  for (const auto& r : resolved_routes(changed, v, cls))
    changed.graph[r.edge].p = r.sets_class ? r.probability * share / now : r.probability * (1 - share) / (1 - now);
  AnalysisOptions quick = options;
  quick.sensitivity = false;
  quick.projection_weeks = 0;
  OutcomeShareCase c{share, std::nullopt, "", std::nullopt};
  Analysis a;
  try {
    a = analyze(changed, quick);
  } catch (const AnalysisError&) {
    return c;  // e.g. at 100 % the only way out of a loop gets p = 0: no steady state to show
  }
  c.lead_time_weeks = a.lead_time_weeks.mean;
  if (const RoleResult* busiest = a.busiest_role())
    c.busiest_role = busiest->id, c.busiest_utilisation = busiest->utilisation;
  return c;
}

}  // namespace

void fill_outcome_shares(const Process& process, const AnalysisOptions& options, Analysis& analysis) {
  if (analysis.checkpoints.size() > kMaxCheckpoints) return;
  for (auto& checkpoint : analysis.checkpoints) {
    auto v = process.find_step(checkpoint.step);
    if (!v) continue;
    const auto routes = resolved_routes(process, *v, checkpoint.assesses);
    if (routes.empty()) continue;
    const double now = outcome_share(routes);
    checkpoint.outcome_share = now;
    if (!(now > 1e-12 && now < 1 - 1e-12)) continue;
    for (double share : {std::max(0.0, now - kStep), std::min(1.0, now + kStep)})
      checkpoint.share_cases.push_back(with_share(process, *v, checkpoint.assesses, now, share, options));
  }
}

}  // namespace sujuva::detail
