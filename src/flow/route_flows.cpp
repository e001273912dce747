// Clients per week along each route and the share a checkpoint assesses into its class.
#include <algorithm>

#include "flow/analysis_internal.h"

namespace sujuva {

const RouteFlow* Analysis::find_route(std::size_t from, std::size_t to) const {
  auto at = std::lower_bound(routes.begin(), routes.end(), std::pair(from, to),
                             [](const RouteFlow& r, const auto& key) { return std::pair(r.from, r.to) < key; });
  return at != routes.end() && at->from == from && at->to == to ? &*at : nullptr;
}

namespace detail {

namespace {

// The flows out of step `v`, one per step reached, in the order of `to`.
std::vector<RouteFlow> flows_from(const Process& process, StepVertex v, const StepResult& step) {
  std::vector<RouteFlow> out;
  for (ClassIndex c = 0; c < static_cast<ClassIndex>(step.arrivals_per_week_by_class.size()); ++c) {
    const double rate = step.arrivals_per_week_by_class[c];
    if (rate <= 0) continue;
    for (const Branch& b : branches(process, v, c)) {
      auto at = std::find_if(out.begin(), out.end(), [&](const RouteFlow& r) { return r.to == b.to; });
      if (at == out.end()) at = out.insert(out.end(), RouteFlow{v, b.to, 0, std::nullopt});
      at->clients_per_week += rate * b.probability;
    }
  }
  std::sort(out.begin(), out.end(), [](const RouteFlow& x, const RouteFlow& y) { return x.to < y.to; });
  return out;
}

// The share of each flow in what leaves `v`, adding the routes' flows in the order of the routes.
void fill_shares(const Process& process, StepVertex v, std::vector<RouteFlow>& flows) {
  auto flow_to = [&](std::size_t to) -> const RouteFlow* {
    for (const auto& r : flows)
      if (r.to == to) return &r;
    return nullptr;
  };
  for (auto& flow : flows) {
    double leaving = 0;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, process.graph))) {
      const auto to = boost::target(e, process.graph);
      if (const RouteFlow* other = flow_to(to); other && to != flow.to) leaving += other->clients_per_week;
    }
    leaving += flow.clients_per_week;
    if (leaving > 0) flow.share = flow.clients_per_week / leaving;
  }
}

void fill_assessed(const Process& process, StepVertex v, StepResult& step) {
  const auto cls = process.find_class(process.graph[v].assesses);
  if (!cls || step.arrivals_per_week <= 0) return;
  double assessed = 0;
  for (ClassIndex c = 0; c < static_cast<ClassIndex>(step.arrivals_per_week_by_class.size()); ++c)
    for (const Branch& b : branches(process, v, c))
      if (b.next_class == *cls) assessed += step.arrivals_per_week_by_class[c] * b.probability;
  step.assessed_per_week = assessed;
  step.assessed_share = assessed / step.arrivals_per_week;
}

}  // namespace

void fill_route_flows(const Process& process, Analysis& analysis) {
  for (auto v : boost::make_iterator_range(boost::vertices(process.graph))) {
    StepResult& step = analysis.steps[v];
    auto flows = flows_from(process, v, step);
    fill_shares(process, v, flows);
    analysis.routes.insert(analysis.routes.end(), flows.begin(), flows.end());
    if (process.graph[v].kind == StepKind::checkpoint) fill_assessed(process, v, step);
  }
}

}  // namespace detail

}  // namespace sujuva
