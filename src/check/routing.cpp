// Class-aware routing checks in the (step, client class) state space: probabilities per step
// and class, dead ends for a class, `when` classes that never arrive, and `requires`.
#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <deque>
#include <map>
#include <memory>

#include "check/check_context.h"

namespace sujuva::checks::detail {

namespace {

constexpr double kTolerance = 1e-9;

bool passes_on(const Step& step) { return step.kind != StepKind::end && step.kind != StepKind::activity; }

// The classes whose clients reach `v`; for a step no client reaches, the standard class, so that
// its routing is still checked once.
std::vector<ClassIndex> classes_at(const CheckContext& ctx, StepVertex v) {
  std::vector<ClassIndex> found;
  for (size_t c = 0; c < ctx.classes; ++c)
    if (ctx.class_reaches(v, static_cast<ClassIndex>(c))) found.push_back(static_cast<ClassIndex>(c));
  if (found.empty()) found.push_back(kStandardClass);
  return found;
}

bool has_when_routes(const ProcessGraph& g, StepVertex v) {
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
    if (!g[e].when.empty()) return true;
  return false;
}

void check_probabilities(CheckContext& ctx, StepVertex v, ClassIndex c, const std::vector<Branch>& routes,
                         bool per_class) {
  const auto& g = ctx.graph;
  double explicit_sum = 0;
  size_t without_p = 0;
  for (const auto& b : routes) {
    if (g[b.route].p)
      explicit_sum += *g[b.route].p;
    else
      ++without_p;
  }
  auto where = [&] {
    return "step " + step_name(g[v]) + ": the routes" +
           (per_class ? " for class \"" + ctx.process.classes[c] + "\"" : std::string());
  };
  if (explicit_sum > 1 + kTolerance) {
    ctx.error(g[v].line,
              where() + " have probabilities p that add up to " + number_text(explicit_sum) + ", more than 1");
  } else if (without_p == 0 && std::abs(explicit_sum - 1) > kTolerance) {
    ctx.error(g[v].line, where() + " have probabilities p that add up to " + number_text(explicit_sum) +
                             ", not 1 (leave out p on one route to give it the rest)");
  } else if (without_p > 0 && explicit_sum > 1 - kTolerance) {
    std::vector<std::string> left_out;
    for (const auto& b : routes)
      if (!g[b.route].p) left_out.push_back(g[b.to].id);
    ctx.warning(g[v].line, where() + " with p already add up to 1, so the routes without p (to " +
                               quoted_list(left_out) + ") get no clients");
  }
}

void check_step_routing(CheckContext& ctx, StepVertex v) {
  const auto& g = ctx.graph;
  if (!passes_on(g[v]) || boost::out_degree(v, g) == 0) return;  // a dead end is a structural finding
  bool per_class = has_when_routes(g, v);
  std::vector<ClassIndex> checked = per_class ? classes_at(ctx, v) : std::vector<ClassIndex>{kStandardClass};
  for (ClassIndex c : checked) {
    auto routes = branches(ctx.process, v, c);
    if (routes.empty()) {
      if (ctx.class_reaches(v, c))
        ctx.error(g[v].line,
                  "clients of class \"" + ctx.process.classes[c] + "\" reach step " + step_name(g[v]) +
                      ", but no route out of it is for them (every route has when= for another class)",
                  ctx.class_route_from_start(v, c));
      continue;
    }
    check_probabilities(ctx, v, c, routes, per_class);
  }
}

void check_route_classes(CheckContext& ctx, RouteEdge e) {
  const auto& g = ctx.graph;
  const Route& route = g[e];
  StepVertex from = boost::source(e, g);
  if (!route.when.empty() && passes_on(g[from]) && ctx.reachable(from)) {
    auto c = ctx.process.find_class(route.when);
    if (c && !ctx.class_reaches(from, *c))
      ctx.error(route.line, route_name(g, e) + ": when=\"" + route.when + "\", but no client of class \"" + route.when +
                                "\" ever reaches \"" + g[from].id + "\" (no checkpoint before it sets outcome=\"" +
                                route.when + "\")");
  }
  if (!route.outcome.empty() && g[from].kind != StepKind::checkpoint)
    ctx.warning(route.line, route_name(g, e) + ": outcome=\"" + route.outcome + "\" is on a route out of a " +
                                to_string(g[from].kind) +
                                " step; only an assessment (kind=checkpoint) should set a client's class");
}

// --- requires ---------------------------------------------------------------------------

// For one class: the routes a client of that class may take that keep the class (a
// checkpoint's route without that outcome re-assesses the client out of it), plus a virtual
// sink (vertex `steps`) joined from every end.
FlowGraph class_flow(const CheckContext& ctx, ClassIndex c) {
  std::vector<std::pair<size_t, size_t>> routes;
  for (StepVertex u = 0; u < ctx.steps; ++u) {
    if (ctx.graph[u].kind == StepKind::end) routes.emplace_back(u, ctx.steps);
    if (!passes_on(ctx.graph[u])) continue;
    for (const auto& b : branches(ctx.process, u, c))
      if (b.next_class == c && ctx.graph[b.to].kind != StepKind::activity) routes.emplace_back(u, b.to);
  }
  return FlowGraph(boost::edges_are_unsorted_multi_pass, routes.begin(), routes.end(), ctx.steps + 1);
}

// The steps from which a client of the class can reach an end without a step by a matching
// role: one BFS from the ends backwards. The BFS parent is the next step on a shortest such route.
BfsTree ends_avoiding(const CheckContext& ctx, const FlowGraph& routes, std::vector<char> matching) {
  matching.push_back(0);  // the sink
  auto backwards = boost::make_reverse_graph(routes);
  boost::filtered_graph<decltype(backwards), boost::keep_all, NotBlocked> open(backwards, boost::keep_all(),
                                                                               NotBlocked{&matching});
  return bfs_tree(open, ctx.steps, ctx.steps + 1);
}

std::string requirement_text(const Process& process, const std::string& required, const std::vector<RoleIndex>& roles,
                             const std::string& class_name) {
  std::string who;
  if (auto r = process.find_role(required)) {
    who = "role " + role_name(process.roles[*r]);
  } else {
    std::vector<std::string> ids;
    for (auto r : roles) ids.push_back(process.roles[r].id);
    who = "a role with qualification \"" + required + "\" (" + quoted_list(ids) + ")";
  }
  bool social_worker = required == "social-worker";
  for (auto r : roles) social_worker |= process.roles[r].qualification == "social-worker";
  if (social_worker && class_name == "special")
    who += " (Social Welfare Act s. 42: a client in need of special support has a social worker as named worker)";
  return who;
}

void report_unknown_requirement(CheckContext& ctx, const Step& step) {
  std::vector<std::string> names;
  for (const auto& role : ctx.process.roles) {
    names.push_back(role.id);
    if (!role.qualification.empty()) names.push_back(role.qualification);
  }
  std::string suggestion = did_you_mean(step.required_role, names);
  ctx.error(step.line, "checkpoint " + step_name(step) + ": requires=\"" + step.required_role +
                           "\" names no role and no qualification in this model" +
                           (suggestion.empty() ? "" : " (did you mean \"" + suggestion + "\"?)"));
}

// The shortest route by which a client assessed into class `c` at `checkpoint` avoids the role.
std::vector<std::string> avoiding_route(const CheckContext& ctx, StepVertex checkpoint, ClassIndex c,
                                        const BfsTree& avoidance) {
  StepVertex best = kNone;
  for (ClassIndex arriving : classes_at(ctx, checkpoint))
    for (const auto& b : branches(ctx.process, checkpoint, arriving)) {
      if (b.next_class != c || avoidance.parent[b.to] == kNone) continue;
      if (best == kNone || avoidance.distance[b.to] < avoidance.distance[best]) best = b.to;
    }
  std::vector<std::string> route;
  if (best == kNone) return route;
  route.push_back(ctx.graph[checkpoint].id);
  for (StepVertex at = best; at != ctx.steps; at = avoidance.parent[at]) route.push_back(ctx.graph[at].id);
  return route;
}

}  // namespace

void propagate_classes(CheckContext& ctx) {
  const size_t n = ctx.classes;
  ctx.class_parent.assign(ctx.steps * n, kNone);
  std::deque<size_t> queue;
  for (auto s : ctx.starts) {
    size_t state = s * n + kStandardClass;
    if (ctx.class_parent[state] == kNone) ctx.class_parent[state] = state, queue.push_back(state);
  }
  while (!queue.empty()) {
    size_t state = queue.front();
    queue.pop_front();
    StepVertex v = state / n;
    if (!passes_on(ctx.graph[v])) continue;
    for (const auto& b : branches(ctx.process, v, static_cast<ClassIndex>(state % n))) {
      if (ctx.graph[b.to].kind == StepKind::activity) continue;
      size_t next = b.to * n + b.next_class;
      if (ctx.class_parent[next] == kNone) ctx.class_parent[next] = state, queue.push_back(next);
    }
  }
}

void check_routing(CheckContext& ctx) {
  for (StepVertex v = 0; v < ctx.steps; ++v) check_step_routing(ctx, v);
  for (auto e : boost::make_iterator_range(boost::edges(ctx.graph))) check_route_classes(ctx, e);
}

void check_requires(CheckContext& ctx) {
  // Checkpoints grouped by (class, requirement): one reverse search serves the whole group.
  std::map<std::pair<ClassIndex, std::string>, std::vector<StepVertex>> groups;
  for (StepVertex v = 0; v < ctx.steps; ++v) {
    const Step& step = ctx.graph[v];
    if (step.kind != StepKind::checkpoint || step.required_role.empty()) continue;
    if (ctx.process.roles_matching(step.required_role).empty()) {
      report_unknown_requirement(ctx, step);
    } else if (step.assesses.empty()) {
      ctx.warning(step.line, "checkpoint " + step_name(step) + ": requires=\"" + step.required_role +
                                 "\" is not checked, because the checkpoint has no assesses= naming the clients it "
                                 "applies to");
    } else if (auto c = ctx.process.find_class(step.assesses)) {
      groups[{*c, step.required_role}].push_back(v);
    }
  }
  std::unique_ptr<FlowGraph> routes;  // of the class of the current group (groups are sorted by class)
  ClassIndex routes_class = -1;
  for (const auto& [key, checkpoints] : groups) {
    const auto& [c, required] = key;
    if (routes_class != c) routes.reset(new FlowGraph(class_flow(ctx, c))), routes_class = c;
    auto roles = ctx.process.roles_matching(required);
    std::vector<char> matching(ctx.steps, 0);
    for (StepVertex v = 0; v < ctx.steps; ++v)
      matching[v] = ctx.graph[v].role && std::count(roles.begin(), roles.end(), *ctx.graph[v].role) > 0;
    BfsTree avoidance = ends_avoiding(ctx, *routes, matching);
    const std::string who = requirement_text(ctx.process, required, roles, ctx.process.classes[c]);
    for (StepVertex k : checkpoints) {
      auto route = avoiding_route(ctx, k, c, avoidance);
      if (route.empty()) continue;
      ctx.error(ctx.graph[k].line,
                "clients assessed \"" + ctx.process.classes[c] + "\" at checkpoint " + step_name(ctx.graph[k]) +
                    " can reach an end without a step by " + who,
                std::move(route));
    }
  }
}

}  // namespace sujuva::checks::detail
