#include "render/figures.h"

#include <algorithm>

namespace sujuva {

DiagramFigures figures_from(const Process& process, const Analysis& analysis) {
  DiagramFigures f;
  f.roles.resize(process.roles.size());
  for (RoleIndex r = 0; r < static_cast<RoleIndex>(process.roles.size()); ++r) {
    const RoleResult* result = analysis.find_role(process.roles[r].id);
    if (!result) continue;
    f.roles[r].utilisation = result->utilisation;
    f.roles[r].wait_weeks = result->wait_weeks;
    f.roles[r].unstable = !result->stable;
    f.roles[r].bottleneck = result->bottleneck;
  }
  const auto& g = process.graph;
  f.step_arrivals.resize(boost::num_vertices(g));
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    if (const StepResult* step = analysis.find_step(g[v].id)) f.step_arrivals[v] = step->arrivals_per_week;
  // The analysis' step indices as vertices of `process`.
  std::vector<std::optional<StepVertex>> vertex(analysis.steps.size());
  for (std::size_t i = 0; i < analysis.steps.size(); ++i) vertex[i] = process.find_step(analysis.steps[i].id);
  for (const RouteFlow& r : analysis.routes)
    if (vertex[r.from] && vertex[r.to]) f.route_flow[{*vertex[r.from], *vertex[r.to]}] = {r.clients_per_week, r.share};
  bool any = std::any_of(analysis.roles.begin(), analysis.roles.end(), [](auto& r) { return r.bottleneck; });
  const RoleResult* busiest = analysis.busiest_role();
  if (!any && busiest && busiest->utilisation && *busiest->utilisation > 0) f.busiest = process.find_role(busiest->id);
  return f;
}

}  // namespace sujuva
