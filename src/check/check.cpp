#include "check/check.h"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <sstream>

#include "check/check_context.h"
#include "model/label_text.h"

namespace sujuva {

namespace checks::detail {

bool in_client_flow(const ProcessGraph& graph, RouteEdge e) {
  const Step& from = graph[boost::source(e, graph)];
  const Step& to = graph[boost::target(e, graph)];
  // A route with p=0 carries no client: `t -> t [p=1]; t -> e [p=0]` is a loop with no exit.
  const bool carries_clients = !(graph[e].p && *graph[e].p <= 0);
  return carries_clients && from.kind != StepKind::end && from.kind != StepKind::activity &&
         to.kind != StepKind::activity;
}

namespace {
// Built in place (returned as a prvalue): Boost 1.74's adjacency_list would copy on assignment.
FlowGraph client_flow(const ProcessGraph& graph) {
  const size_t steps = boost::num_vertices(graph), source = steps, sink = steps + 1;
  std::vector<std::pair<size_t, size_t>> routes;
  routes.reserve(boost::num_edges(graph) + steps);
  for (auto v : boost::make_iterator_range(boost::vertices(graph))) {
    if (graph[v].kind == StepKind::start) routes.emplace_back(source, v);
    if (graph[v].kind == StepKind::end) routes.emplace_back(v, sink);
  }
  for (auto e : boost::make_iterator_range(boost::edges(graph)))
    if (in_client_flow(graph, e)) routes.emplace_back(boost::source(e, graph), boost::target(e, graph));
  return FlowGraph(boost::edges_are_unsorted_multi_pass, routes.begin(), routes.end(), steps + 2);
}
}  // namespace

CheckContext::CheckContext(const Process& p, Lang l)
    : process(p),
      lang(l),
      graph(p.graph),
      steps(boost::num_vertices(p.graph)),
      source(steps),
      sink(steps + 1),
      flow(client_flow(p.graph)),
      classes(p.classes.size()) {
  for (auto v : boost::make_iterator_range(boost::vertices(graph))) {
    if (graph[v].kind == StepKind::start) starts.push_back(v);
    if (graph[v].kind == StepKind::end) ends.push_back(v);
  }
}

std::string CheckContext::say(std::string fi, std::string sv, std::string en) const {
  return sujuva::say(lang, std::move(fi), std::move(sv), std::move(en));
}

void CheckContext::error(const char* rule, int line, std::string message, std::vector<std::string> route) {
  findings.push_back({Severity::error, process.file, line, std::move(message), std::move(route), rule});
}

void CheckContext::warning(const char* rule, int line, std::string message, std::vector<std::string> route) {
  findings.push_back({Severity::warning, process.file, line, std::move(message), std::move(route), rule});
}

void CheckContext::service(Severity severity, const char* rule, int line, std::string message,
                           std::vector<std::string> route, std::string basis) {
  findings.push_back({severity, process.file, line, std::move(message), std::move(route), rule,
                      DiagnosticKind::service, std::move(basis)});
}

std::vector<std::string> CheckContext::route_from_start(StepVertex v) const {
  std::vector<std::string> route;
  if (v >= steps || !reachable(v)) return route;
  for (FlowVertex at = v; at != source; at = from_start[at]) route.push_back(graph[at].id);
  std::reverse(route.begin(), route.end());
  return route;
}

std::vector<std::string> CheckContext::class_route_from_start(StepVertex v, ClassIndex c) const {
  std::vector<std::string> route;
  size_t state = v * classes + c;
  if (class_parent[state] == kNone) return route;
  while (true) {
    route.push_back(graph[state / classes].id);
    if (class_parent[state] == state) break;
    state = class_parent[state];
  }
  std::reverse(route.begin(), route.end());
  return route;
}

namespace {
// DOT labels may hold line-break escapes (\n, \l, \r) and real newlines: one line in messages.
std::string with_label(const std::string& id, const Labels& label, Lang lang) {
  std::string text = one_line(label.in(lang));
  return "\"" + id + "\"" + (text.empty() || text == id ? "" : " (" + text + ")");
}
}  // namespace

std::string step_name(const Step& step, Lang lang) { return with_label(step.id, step.label, lang); }
std::string role_name(const Role& role, Lang lang) { return with_label(role.id, role.label, lang); }

std::string quoted_list(const std::vector<std::string>& ids, Lang lang, size_t limit) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < limit; ++i) out += (i ? ", \"" : "\"") + ids[i] + "\"";
  if (ids.size() > limit)
    out += say(lang, " ja ", " och ", " and ") + std::to_string(ids.size() - limit) +
           say(lang, " muuta", " till", " more");
  return out;
}

std::string route_name(const ProcessGraph& graph, RouteEdge e, Lang lang) {
  return say(lang, "reitti ", "rutt ", "route ") + graph[boost::source(e, graph)].id + " -> " +
         graph[boost::target(e, graph)].id;
}

std::string basis_of(const Step& checkpoint, Lang lang, std::string fallback) {
  const std::string stated = one_line(checkpoint.basis.labels().in(lang));
  return stated.empty() ? fallback : stated;
}

std::string number_text(double x, Lang lang) {
  std::ostringstream out;
  out << x;
  std::string text = out.str();
  if (lang != Lang::en) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace checks::detail

Diagnostics check_process(const Process& process, Lang lang) {
  using namespace checks::detail;
  CheckContext ctx(process, lang);
  find_reachability(ctx);
  check_structure(ctx);
  propagate_classes(ctx);
  check_routing(ctx);
  check_requires(ctx);
  check_mandatory(ctx);
  check_assessment_coverage(ctx);
  check_staffing(ctx);
  check_hints(ctx);
  check_deadlines(ctx);
  Diagnostics findings = std::move(ctx.findings);
  auto key = [](const Diagnostic& d) { return std::tie(d.line, d.message, d.severity, d.route); };
  std::sort(findings.begin(), findings.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  findings.erase(
      std::unique(findings.begin(), findings.end(), [&](const auto& a, const auto& b) { return key(a) == key(b); }),
      findings.end());
  return findings;
}

}  // namespace sujuva
