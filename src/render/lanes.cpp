// The order of the diagram's swimlanes, and the colouring it is asked for.
#include <queue>

#include "render/diagram.h"

namespace sujuva {

std::optional<ColorBy> parse_color_by(const std::string& text) {
  if (text == "utilisation" || text == "utilization") return ColorBy::utilisation;
  if (text == "wait") return ColorBy::wait;
  if (text == "none") return ColorBy::none;
  return std::nullopt;
}

std::vector<RoleIndex> lanes_in_flow_order(const Process& process) {
  const auto& g = process.graph;
  std::vector<RoleIndex> order;
  std::vector<bool> seen_role(process.roles.size(), false), seen_step(boost::num_vertices(g), false);
  std::queue<StepVertex> frontier;
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    if (g[v].kind == StepKind::start) frontier.push(v), seen_step[v] = true;
  auto meet = [&](StepVertex v) {
    auto role = g[v].role;
    if (role && *role >= 0 && *role < static_cast<RoleIndex>(seen_role.size()) && !seen_role[*role])
      seen_role[*role] = true, order.push_back(*role);
  };
  while (!frontier.empty()) {
    StepVertex v = frontier.front();
    frontier.pop();
    meet(v);
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      StepVertex w = boost::target(e, g);
      if (!seen_step[w]) seen_step[w] = true, frontier.push(w);
    }
  }
  for (RoleIndex r = 0; r < static_cast<RoleIndex>(process.roles.size()); ++r)
    if (!seen_role[r]) order.push_back(r);
  return order;
}

}  // namespace sujuva
