// Structural checks: starts and ends, reachability, dead ends and loops with no exit,
// mandatory checkpoints (dominators) and whether every client's need is assessed somewhere.
#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/range/iterator_range.hpp>
#include <deque>
#include <limits>
#include <unordered_map>

#include "check/check_context.h"
#include "text/glossary.h"

namespace sujuva::checks::detail {

namespace {

// A shortest start-to-end route that passes none of the `blocked` steps (empty if none exists).
std::vector<std::string> route_avoiding(const CheckContext& ctx, const std::vector<char>& blocked) {
  boost::filtered_graph<FlowGraph, boost::keep_all, NotBlocked> open(ctx.flow, boost::keep_all(), NotBlocked{&blocked});
  auto parent = bfs_tree(open, ctx.source, boost::num_vertices(ctx.flow)).parent;
  std::vector<std::string> route;
  if (parent[ctx.sink] == kNone) return route;
  for (FlowVertex at = parent[ctx.sink]; at != ctx.source; at = parent[at]) route.push_back(ctx.graph[at].id);
  std::reverse(route.begin(), route.end());
  return route;
}

bool has_self_loop(const FlowGraph& flow, FlowVertex v) {
  for (auto e : boost::make_iterator_range(boost::out_edges(v, flow)))
    if (boost::target(e, flow) == v) return true;
  return false;
}

// Step ids of a cycle inside one strong component: from `entry` round to `entry`.
std::vector<std::string> cycle_through(const CheckContext& ctx, const std::vector<int>& component, FlowVertex entry) {
  std::unordered_map<FlowVertex, FlowVertex> parent;
  std::deque<FlowVertex> queue{entry};
  FlowVertex closing = kNone;  // the vertex whose route leads back to `entry`
  while (!queue.empty() && closing == kNone) {
    FlowVertex u = queue.front();
    queue.pop_front();
    for (auto e : boost::make_iterator_range(boost::out_edges(u, ctx.flow))) {
      FlowVertex w = boost::target(e, ctx.flow);
      if (w >= ctx.steps || component[w] != component[entry]) continue;
      if (w == entry) {
        closing = u;
        break;
      }
      if (parent.emplace(w, u).second) queue.push_back(w);
    }
  }
  if (closing == kNone) return {ctx.graph[entry].id};
  std::vector<std::string> route{ctx.graph[entry].id};
  for (FlowVertex at = closing; at != entry; at = parent[at]) route.push_back(ctx.graph[at].id);
  route.push_back(ctx.graph[entry].id);
  std::reverse(route.begin(), route.end());
  return route;
}

std::vector<FlowVertex> by_line(const CheckContext& ctx, std::vector<FlowVertex> members) {
  std::sort(members.begin(), members.end(), [&](FlowVertex a, FlowVertex b) {
    return std::tie(ctx.graph[a].line, ctx.graph[a].id) < std::tie(ctx.graph[b].line, ctx.graph[b].id);
  });
  return members;
}

std::vector<std::string> ids_of(const CheckContext& ctx, const std::vector<FlowVertex>& members) {
  std::vector<std::string> ids;
  for (auto v : members) ids.push_back(ctx.graph[v].id);
  return ids;
}

struct Components {
  std::vector<int> of;                           // component of each flow vertex
  std::vector<std::vector<FlowVertex>> members;  // steps of each component
};

Components strong_components_of(const CheckContext& ctx) {
  Components c;
  c.of.assign(boost::num_vertices(ctx.flow), -1);
  int count = boost::strong_components(
      ctx.flow, boost::make_iterator_property_map(c.of.begin(), boost::get(boost::vertex_index, ctx.flow)));
  c.members.resize(count);
  for (FlowVertex v = 0; v < ctx.steps; ++v) c.members[c.of[v]].push_back(v);
  return c;
}

bool is_loop(const CheckContext& ctx, const std::vector<FlowVertex>& members) {
  return members.size() > 1 || has_self_loop(ctx.flow, members.front());
}

// Only the first steps of an unreachable part are reported: fixing them fixes the rest.
void report_unreachable(CheckContext& ctx, const Components& c) {
  for (const auto& members : c.members) {
    if (members.empty() || ctx.reachable(members.front())) continue;
    if (ctx.graph[members.front()].kind == StepKind::activity) continue;
    bool entered_from_outside = false;
    for (auto v : members)
      for (auto e : boost::make_iterator_range(boost::in_edges(v, ctx.flow)))
        entered_from_outside |= c.of[boost::source(e, ctx.flow)] != c.of[v];
    if (entered_from_outside) continue;
    if (!is_loop(ctx, members)) {
      const Step& step = ctx.graph[members.front()];
      std::string name = step_name(step, ctx.lang);
      if (boost::in_degree(members.front(), ctx.graph) > 0) {  // only routes with p=0 lead there
        ctx.warning("unreachable-step", step.line,
                    ctx.say("vaiheeseen " + name + " johtaa vain reittejä, joilla p=0, joten yksikään asiakas ei "
                                "pääse sinne",
                            "till steget " + name + " leder bara rutter med p=0, så ingen klient kommer dit",
                            "only routes with p=0 lead to step " + name + ", so no client gets there"));
        continue;
      }
      ctx.error("unreachable-step", step.line,
                ctx.say("mikään reitti ei johda vaiheeseen " + name +
                            " eikä se ole alku (kind=start), joten yksikään asiakas ei koskaan pääse sinne",
                        "ingen rutt leder till steget " + name +
                            " och det är ingen start (kind=start), så ingen klient kommer någonsin dit",
                        "no route leads to step " + name +
                            " and it is not a start (kind=start), so no client ever gets there"));
      continue;
    }
    auto sorted = by_line(ctx, members);
    FlowVertex first = sorted.front();
    std::string name = step_name(ctx.graph[first], ctx.lang), names = quoted_list(ids_of(ctx, sorted), ctx.lang);
    std::string loop =
        sorted.size() == 1
            ? ctx.say(
                  "vaiheesta " + name + " on reitti takaisin itseensä, mutta mikään reitti alusta ei johda siihen",
                  "steget " + name + " har en rutt tillbaka till sig självt, men ingen rutt från en start leder dit",
                  "step " + name + " has a route back to itself, but no route from a start leads to it")
            : ctx.say("vaiheet " + names + " muodostavat silmukan, johon mikään reitti alusta ei johda",
                      "stegen " + names + " bildar en slinga som ingen rutt från en start leder in i",
                      "steps " + names + " form a loop that no route from a start leads into");
    ctx.error("unreachable-loop", ctx.graph[first].line,
              loop + ctx.say(", joten yksikään asiakas ei koskaan pääse sinne", ", så ingen klient kommer någonsin dit",
                             ", so no client ever gets there"),
              cycle_through(ctx, c.of, first));
  }
}

// Only where clients get stuck is reported (a dead end, or a loop with no exit), with the route there.
void report_traps(CheckContext& ctx, const Components& c) {
  for (const auto& members : c.members) {
    if (members.empty() || ctx.reaches_end(members.front())) continue;
    if (ctx.graph[members.front()].kind == StepKind::activity) continue;
    bool has_exit = false;
    for (auto v : members)
      for (auto e : boost::make_iterator_range(boost::out_edges(v, ctx.flow)))
        has_exit |= c.of[boost::target(e, ctx.flow)] != c.of[v];
    if (has_exit) continue;
    if (!is_loop(ctx, members)) {
      const Step& step = ctx.graph[members.front()];
      std::string name = step_name(step, ctx.lang);
      ctx.error("dead-end", step.line,
                ctx.say("vaihe " + name + " on umpikuja: siitä ei johda reittiä eteenpäin eikä se ole loppu (kind=end)",
                        "steget " + name +
                            " är en återvändsgränd: ingen rutt leder vidare från det och det är inget slut (kind=end)",
                        "step " + name + " is a dead end: no route leads on from it and it is not an end (kind=end)"),
                ctx.route_from_start(members.front()));
      continue;
    }
    // The loop is entered where the shortest route from a start first meets it.
    FlowVertex entry = kNone;
    for (auto v : members)
      if (ctx.reachable(v) && (entry == kNone || ctx.start_distance[v] < ctx.start_distance[entry])) entry = v;
    auto sorted = by_line(ctx, members);
    if (entry == kNone) entry = sorted.front();
    auto route = ctx.route_from_start(entry);
    if (!route.empty()) route.pop_back();
    auto cycle = cycle_through(ctx, c.of, entry);
    route.insert(route.end(), cycle.begin(), cycle.end());
    std::string name = step_name(ctx.graph[entry], ctx.lang), names = quoted_list(ids_of(ctx, sorted), ctx.lang);
    std::string loop = sorted.size() == 1 ? ctx.say("vaihe " + name + " johtaa vain takaisin itseensä",
                                                    "steget " + name + " leder bara tillbaka till sig självt",
                                                    "step " + name + " leads only back to itself")
                                          : ctx.say("vaiheet " + names + " muodostavat silmukan, josta ei pääse ulos",
                                                    "stegen " + names + " bildar en slinga utan utgång",
                                                    "steps " + names + " form a loop with no exit");
    ctx.error(
        "trap", ctx.graph[entry].line,
        loop + ctx.say(": sinne joutuvat asiakkaat eivät koskaan pääse loppuun",
                       ": klienter som kommer dit når aldrig ett slut", ": clients who get there never reach an end"),
        route);
  }
}

}  // namespace

void find_reachability(CheckContext& ctx) {
  size_t n = boost::num_vertices(ctx.flow);
  auto forward = bfs_tree(ctx.flow, ctx.source, n);
  ctx.from_start = std::move(forward.parent);
  ctx.start_distance = std::move(forward.distance);
  // In the reversed graph a BFS parent is the next step towards an end.
  ctx.to_end = bfs_tree(boost::make_reverse_graph(ctx.flow), ctx.sink, n).parent;
}

void check_structure(CheckContext& ctx) {
  if (ctx.starts.empty())
    ctx.error("no-start", 0,
              ctx.say("prosessissa ei ole alkuvaihetta (kind=start), joten yksikään asiakas ei tule siihen",
                      "processen har inget startsteg (kind=start), så ingen klient kommer in i den",
                      "the process has no start step (kind=start), so no client enters it"));
  if (ctx.ends.empty())
    ctx.error("no-end", 0,
              ctx.say("prosessissa ei ole loppuvaihetta (kind=end), joten yksikään asiakas ei koskaan poistu siitä",
                      "processen har inget slutsteg (kind=end), så ingen klient lämnar den någonsin",
                      "the process has no end step (kind=end), so no client ever leaves it"));
  const auto& g = ctx.graph;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Step& from = g[boost::source(e, g)];
    const Step& to = g[boost::target(e, g)];
    if (from.kind == StepKind::activity || to.kind == StepKind::activity) {
      const Step& activity = from.kind == StepKind::activity ? from : to;
      std::string name = step_name(activity, ctx.lang);
      ctx.warning("activity-route", g[e].line,
                  route_name(g, e, ctx.lang) +
                      ctx.say(": " + name +
                                  " on toiminto (työtä asiakasvirran ulkopuolella), joten yksikään asiakas ei kulje "
                                  "tätä reittiä",
                              ": " + name +
                                  " är en aktivitet (arbete utanför klientflödet), så ingen klient tar den "
                                  "här rutten",
                              ": " + name +
                                  " is an activity (work outside the client flow), so no client takes this "
                                  "route"));
    } else if (from.kind == StepKind::end) {
      std::string name = step_name(from, ctx.lang);
      ctx.warning(
          "route-after-end", g[e].line,
          route_name(g, e, ctx.lang) +
              ctx.say(": asiakkaat poistuvat prosessista loppuvaiheessa " + name +
                          ", joten yksikään asiakas ei kulje tätä reittiä",
                      ": klienterna lämnar processen vid slutet " + name + ", så ingen klient tar den här rutten",
                      ": clients leave the process at the end " + name + ", so no client takes this route"));
    }
  }
  if (ctx.starts.empty() || ctx.ends.empty()) return;  // everything would be unreachable or stuck
  Components components = strong_components_of(ctx);
  report_unreachable(ctx, components);
  report_traps(ctx, components);
}

void check_mandatory(CheckContext& ctx) {
  if (ctx.from_start[ctx.sink] == kNone) return;  // no start-to-end route at all: reported elsewhere
  const auto null = boost::graph_traits<FlowGraph>::null_vertex();
  const size_t n = boost::num_vertices(ctx.flow);
  auto index = boost::get(boost::vertex_index, ctx.flow);
  std::vector<FlowVertex> idom(n, null), dfs_parent(n, null), by_dfs_number(n, null);
  // Boost's short overload numbers unreached vertices 0, like the entry, and then mistakes routes
  // from unreachable steps for routes from the source; "not numbered" must be the maximum.
  std::vector<size_t> dfs_number(n, std::numeric_limits<size_t>::max());
  boost::lengauer_tarjan_dominator_tree(ctx.flow, ctx.source, index,
                                        boost::make_iterator_property_map(dfs_number.begin(), index),
                                        boost::make_iterator_property_map(dfs_parent.begin(), index), by_dfs_number,
                                        boost::make_iterator_property_map(idom.begin(), index));
  // The steps on every start-to-end route are exactly the dominators of the virtual sink.
  std::vector<char> on_every_route(ctx.steps + 2, 0);
  for (FlowVertex v = idom[ctx.sink]; v != null && v != ctx.source; v = idom[v]) on_every_route[v] = 1;
  for (StepVertex v = 0; v < ctx.steps; ++v) {
    const Step& step = ctx.graph[v];
    if (step.kind != StepKind::checkpoint || !step.mandatory || on_every_route[v]) continue;
    std::vector<char> blocked(ctx.steps + 2, 0);
    blocked[v] = 1;
    std::string name = step_name(step, ctx.lang);
    // No default basis: which assessment is mandatory, and by which law, only the model can say.
    std::string basis = basis_of(step, ctx.lang, "");
    ctx.service(Severity::error, "mandatory-checkpoint", step.line,
                ctx.say("tarkistuspiste " + name +
                            " on pakollinen, mutta asiakkaat voivat päästä loppuun kulkematta "
                            "sen kautta",
                        "kontrollpunkten " + name + " är obligatorisk, men klienter kan nå ett slut utan att passera den",
                        "checkpoint " + name + " is mandatory, but clients can reach an end without passing it") +
                    (basis.empty() ? "" : " (" + basis + ")"),
                route_avoiding(ctx, blocked), basis);
  }
}

void check_assessment_coverage(CheckContext& ctx) {
  if (ctx.from_start[ctx.sink] == kNone) return;
  for (size_t c = 1; c < ctx.classes; ++c) {
    const std::string& name = ctx.process.classes[c];
    std::vector<char> assessing(ctx.steps + 2, 0);
    std::vector<std::string> checkpoints;
    bool any_mandatory = false;
    for (StepVertex v = 0; v < ctx.steps; ++v) {
      const Step& step = ctx.graph[v];
      if (step.kind != StepKind::checkpoint || step.assesses != name) continue;
      assessing[v] = 1;
      checkpoints.push_back(step.id);
      any_mandatory |= step.mandatory;
    }
    // A mandatory checkpoint is checked by `check_mandatory`; a class only set by `outcome` has no assessment.
    if (checkpoints.empty() || any_mandatory) continue;
    auto route = route_avoiding(ctx, assessing);
    if (route.empty()) continue;
    // The class in words; the attribute as the model writes it, so that it can be found in the file.
    const std::string q = "\"" + class_term(name, ctx.lang, ctx.process.terms) + "\"", list = quoted_list(checkpoints, ctx.lang);
    const std::string attribute = "assesses=\"" + name + "\"";
    ctx.service(
        Severity::warning, "class-never-assessed", 0,
        ctx.say("mikään pakollinen tarkistuspiste ei arvioi luokkaa " + q +
                    ": asiakkaat voivat päästä loppuun ilman luokan " + q +
                    " arviointia (tarkistuspisteet, joilla " + attribute + ": " + list + ")",
                "ingen obligatorisk kontrollpunkt bedömer " + q +
                    ": klienter kan nå ett slut utan någon bedömning av " + q + " (kontrollpunkter med " + attribute +
                    ": " + list + ")",
                "no mandatory checkpoint assesses " + q + ": clients can reach an end without any assessment of " + q +
                    " (checkpoints with " + attribute + ": " + list + ")"),
        route);
  }
}

}  // namespace sujuva::checks::detail
