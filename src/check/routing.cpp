// Class-aware routing checks in the (step, client class) state space: probabilities per step
// and class, dead ends for a class, `when` classes that never arrive, and `requires`.
#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <deque>
#include <iomanip>
#include <map>
#include <memory>
#include <sstream>

#include "check/check_context.h"
#include "text/glossary.h"

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

// A sum of probabilities with the digits that show how far it is from 1 (1.000001, not 1).
std::string sum_text(double sum, Lang lang) {
  const double off = std::abs(sum - 1);
  const int digits = off > 0 ? std::clamp(static_cast<int>(std::ceil(-std::log10(off))) + 3, 4, 15) : 4;
  std::ostringstream out;
  out << std::setprecision(digits) << sum;
  std::string text = out.str();
  if (lang != Lang::en) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

// "\"a\" 0.326667, \"b\" 0.02": the routes with p, by target, in the file's order.
std::string routes_with_p(const ProcessGraph& g, const std::vector<Branch>& routes, Lang lang) {
  std::string list;
  for (const auto& b : routes) {
    if (!g[b.route].p) continue;
    if (!list.empty()) list += ", ";
    list += "\"" + g[b.to].id + "\" " + number_text(*g[b.route].p, lang);
  }
  return list;
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
  const std::string name = step_name(g[v], ctx.lang), sum = sum_text(explicit_sum, ctx.lang);
  const std::string list = routes_with_p(g, routes, ctx.lang);
  const std::string cls = per_class ? "\"" + ctx.process.classes[c] + "\"" : std::string();
  const std::string fi = "vaihe " + name + ": " + (per_class ? "luokan " + cls + " " : std::string());
  const std::string sv = "steget " + name + ": rutterna" + (per_class ? " för klassen " + cls : std::string());
  const std::string en = "step " + name + ": the routes" + (per_class ? " for class " + cls : std::string());
  const bool rounded = std::abs(explicit_sum - 1) <= kProbabilityRounding;
  if (explicit_sum > 1 + kProbabilityRounding) {
    ctx.error("probabilities-over-one", g[v].line,
              ctx.say(fi + "reittien todennäköisyydet p ovat yhteensä " + sum + ", enemmän kuin 1 (" + list + ")",
                      sv + " har sannolikheter p som summerar till " + sum + ", mer än 1 (" + list + ")",
                      en + " have probabilities p that add up to " + sum + ", more than 1 (" + list + ")"));
  } else if (without_p == 0 && !rounded) {
    ctx.error("probabilities-not-one", g[v].line,
              ctx.say(fi + "reittien todennäköisyydet p ovat yhteensä " + sum + ", eivät 1 (" + list +
                          "; jätä p pois yhdeltä reitiltä, niin se saa loput)",
                      sv + " har sannolikheter p som summerar till " + sum + ", inte 1 (" + list +
                          "; utelämna p på en rutt så får den resten)",
                      en + " have probabilities p that add up to " + sum + ", not 1 (" + list +
                          "; leave out p on one route to give it the rest)"));
  } else if (rounded && explicit_sum != 1 && without_p == 0) {
    ctx.warning("probabilities-rounded", g[v].line,
                ctx.say(fi + "reittien todennäköisyydet p ovat yhteensä " + sum + " (" + list +
                            "); ne skaalataan niin, että summa on tasan 1",
                        sv + " har sannolikheter p som summerar till " + sum + " (" + list +
                            "); de skalas så att summan blir exakt 1",
                        en + " have probabilities p that add up to " + sum + " (" + list +
                            "); they are scaled to add up to exactly 1"));
  } else if (without_p > 0 && explicit_sum > 1 - kTolerance) {
    std::vector<std::string> left_out;
    for (const auto& b : routes)
      if (!g[b.route].p) left_out.push_back(g[b.to].id);
    const std::string list = quoted_list(left_out, ctx.lang);
    ctx.warning("route-without-share", g[v].line,
                ctx.say(fi + "reitit, joilla on p, ovat jo yhteensä 1, joten reitit ilman p:tä (vaiheisiin " + list +
                            ") eivät saa asiakkaita",
                        sv + " med p summerar redan till 1, så rutterna utan p (till " + list + ") får inga klienter",
                        en + " with p already add up to 1, so the routes without p (to " + list + ") get no clients"));
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
      if (ctx.class_reaches(v, c)) {
        const std::string cls = "\"" + ctx.process.classes[c] + "\"", name = step_name(g[v], ctx.lang);
        ctx.error("class-without-route", g[v].line,
                  ctx.say("luokan " + cls + " asiakkaat saapuvat vaiheeseen " + name +
                              ", mutta mikään siitä lähtevä reitti ei ole heille (jokaisella reitillä on when= "
                              "toiselle luokalle)",
                          "klienter i klassen " + cls + " når steget " + name +
                              ", men ingen rutt ut från det är för dem (varje rutt har when= för en annan klass)",
                          "clients of class " + cls + " reach step " + name +
                              ", but no route out of it is for them (every route has when= for another class)"),
                  ctx.class_route_from_start(v, c));
      }
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
    const std::string when = "\"" + route.when + "\"", step = "\"" + g[from].id + "\"";
    if (c && !ctx.class_reaches(from, *c))
      ctx.error("class-never-arrives", route.line,
                route_name(g, e, ctx.lang) + ": when=" + when +
                    ctx.say(", mutta yksikään luokan " + when + " asiakas ei koskaan saavu vaiheeseen " + step +
                                " (mikään sitä edeltävä tarkistuspiste ei aseta outcome=" + when + ")",
                            ", men ingen klient i klassen " + when + " når någonsin " + step +
                                " (ingen kontrollpunkt före det sätter outcome=" + when + ")",
                            ", but no client of class " + when + " ever reaches " + step +
                                " (no checkpoint before it sets outcome=" + when + ")"));
  }
  if (!route.outcome.empty() && g[from].kind != StepKind::checkpoint) {
    const std::string outcome = "outcome=\"" + route.outcome + "\"", kind = to_string(g[from].kind);
    ctx.warning("outcome-outside-checkpoint", route.line,
                route_name(g, e, ctx.lang) + ": " + outcome +
                    ctx.say(" on reitillä, joka lähtee vaiheesta, jonka tyyppi on " + kind +
                                "; vain arvioinnin (kind=checkpoint) pitäisi asettaa asiakkaan luokka",
                            " står på en rutt ut från ett steg av typen " + kind +
                                "; bara en bedömning (kind=checkpoint) bör sätta klientens klass",
                            " is on a route out of a " + kind +
                                " step; only an assessment (kind=checkpoint) should set a client's class"));
  }
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

std::string requirement_text(const CheckContext& ctx, const std::string& required, const std::vector<RoleIndex>& roles) {
  const Process& process = ctx.process;
  if (auto r = process.find_role(required))
    return ctx.say("rooli ", "rollen ", "role ") + role_name(process.roles[*r], ctx.lang);
  std::vector<std::string> ids;
  for (auto r : roles) ids.push_back(process.roles[r].id);
  return ctx.say("rooli, jolla on pätevyys ", "en roll med behörigheten ", "a role with qualification ") + "\"" +
         qualification_term(required, ctx.lang, ctx.process.terms) + "\" (" + quoted_list(ids, ctx.lang) + ")";
}

// The rule's default basis: for clients in need of special support who must meet a social worker,
// the Social Welfare Act's named-worker section; none for other classes and roles, whose rule only
// the model can name.
std::string default_requires_basis(const CheckContext& ctx, const std::string& required,
                                   const std::vector<RoleIndex>& roles, const std::string& class_name) {
  bool social_worker = required == "social-worker";
  for (auto r : roles) social_worker |= ctx.process.roles[r].qualification == "social-worker";
  if (!social_worker || class_name != "special") return "";
  return ctx.say(
      "sosiaalihuoltolaki 42 §: asiakkaan, jolla on erityisen tuen tarve, omatyöntekijä on sosiaalityöntekijä",
      "socialvårdslagen 42 §: en klient med behov av särskilt stöd har en socialarbetare som egen kontaktperson",
      "Social Welfare Act s. 42: a client in need of special support has a social worker as named worker");
}

void report_unknown_requirement(CheckContext& ctx, const Step& step) {
  std::vector<std::string> names;
  for (const auto& role : ctx.process.roles) {
    names.push_back(role.id);
    if (!role.qualification.empty()) names.push_back(role.qualification);
  }
  std::string suggestion = did_you_mean(step.required_role, names);
  const std::string name = step_name(step, ctx.lang), required_text = "requires=\"" + step.required_role + "\"";
  const std::string hint = did_you_mean_hint(suggestion, ctx.lang);
  ctx.error("requires-unknown", step.line,
            ctx.say("tarkistuspiste " + name + ": " + required_text +
                        " ei ole minkään roolin eikä pätevyyden nimi tässä mallissa",
                    "kontrollpunkten " + name + ": " + required_text +
                        " är varken en roll eller en behörighet i den här modellen",
                    "checkpoint " + name + ": " + required_text + " names no role and no qualification in this model") +
                hint);
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
      const std::string name = step_name(step, ctx.lang), required_text = "requires=\"" + step.required_role + "\"";
      ctx.warning("requires-unchecked", step.line,
                  ctx.say("tarkistuspiste " + name + ": " + required_text +
                              " jää tarkistamatta, koska tarkistuspisteellä ei ole assesses=-määritettä, joka "
                              "nimeäisi asiakkaat, joita se koskee",
                          "kontrollpunkten " + name + ": " + required_text +
                              " kontrolleras inte, eftersom kontrollpunkten saknar assesses= som anger vilka klienter "
                              "den gäller",
                          "checkpoint " + name + ": " + required_text +
                              " is not checked, because the checkpoint has no assesses= naming the clients it "
                              "applies to"));
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
    const std::string who = requirement_text(ctx, required, roles);
    const std::string fallback = default_requires_basis(ctx, required, roles, ctx.process.classes[c]);
    const std::string cls = "\"" + class_term(ctx.process.classes[c], ctx.lang, ctx.process.terms) + "\"";
    for (StepVertex k : checkpoints) {
      auto route = avoiding_route(ctx, k, c, avoidance);
      if (route.empty()) continue;
      const std::string name = step_name(ctx.graph[k], ctx.lang);
      std::string basis = basis_of(ctx.graph[k], ctx.lang, fallback);
      ctx.service(
          Severity::error, "requires-skipped", ctx.graph[k].line,
          ctx.say("tarkistuspisteessä " + name + " luokkaan " + cls +
                      " arvioidut asiakkaat voivat päästä loppuun ilman vaihetta, jonka tekee " + who,
                  "klienter som bedömts som " + cls + " vid kontrollpunkten " + name +
                      " kan nå ett slut utan ett steg som utförs av " + who,
                  "clients assessed " + cls + " at checkpoint " + name + " can reach an end without a step by " + who) +
              (basis.empty() ? "" : " (" + basis + ")"),
          std::move(route), basis);
    }
  }
}

}  // namespace sujuva::checks::detail
