#include "render/figures.h"

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
  }
  const auto& g = process.graph;
  f.step_arrivals.resize(boost::num_vertices(g));
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const StepResult* step = analysis.find_step(g[v].id);
    if (!step) continue;
    f.step_arrivals[v] = step->arrivals_per_week;
    for (ClassIndex c = 0; c < static_cast<ClassIndex>(step->arrivals_per_week_by_class.size()); ++c) {
      double rate = step->arrivals_per_week_by_class[c];
      if (rate <= 0) continue;
      for (const Branch& b : branches(process, v, c)) f.route_flow[{v, b.to}] += rate * b.probability;
    }
  }
  for (const Bottleneck& b : analysis.bottlenecks) {
    if (b.kind != "role") continue;
    f.bottleneck = process.find_role(b.id);
    break;
  }
  return f;
}

}  // namespace sujuva
