// The annotated diagram's writer: graph defaults, lanes, routes and the routes of findings.
#include "render/diagram.h"

#include <algorithm>

#include "model/label_text.h"
#include "render/diagram_internal.h"

namespace sujuva {

namespace {

using namespace diagram;

class DiagramWriter {
 public:
  DiagramWriter(const Process& process, const DiagramOptions& options, const DiagramFigures* figures,
                const Diagnostics& findings)
      : p_(process),
        g_(process.graph),
        f_(figures),
        c_{process,
           options,
           figures,
           Words{options.lang},
           options.color == ColorBy::wait ? wait_scale(options.lang) : utilisation_scale(options.lang),
           {}} {
    mark_findings(findings);
    if (f_)
      for (const auto& [key, flow] : f_->route_flow) max_flow_ = std::max(max_flow_, flow.clients_per_week);
  }

  std::string write() {
    w_.open(dot_quoted(p_.name.empty() ? "process" : p_.name));
    write_defaults(w_, c_);
    w_.graph_attribute("label", "<" + legend(c_) + ">");
    std::vector<std::vector<StepVertex>> lane_steps(p_.roles.size());
    std::vector<StepVertex> free_steps;
    for (auto v : boost::make_iterator_range(boost::vertices(g_))) {
      auto role = g_[v].role;
      if (role && *role >= 0 && *role < static_cast<RoleIndex>(p_.roles.size()))
        lane_steps[*role].push_back(v);
      else
        free_steps.push_back(v);
    }
    for (auto v : free_steps) write_step(v, "  ");
    for (RoleIndex r : lanes_in_flow_order(p_))
      if (!lane_steps[r].empty()) write_lane(r, lane_steps[r]);
    for (auto e : boost::make_iterator_range(boost::edges(g_))) write_route(e);
    write_detours();
    return w_.close();
  }

 private:
  void write_lane(RoleIndex r, const std::vector<StepVertex>& steps) {
    open_lane(w_, c_, r, f_ && static_cast<std::size_t>(r) < f_->roles.size() && f_->roles[r].bottleneck);
    for (auto v : steps) write_step(v, "    ");
    w_.close_cluster();
  }

  void write_step(StepVertex v, const char* indent) { w_.node(indent, dot_quoted(g_[v].id), step_attributes(c_, v)); }

  void write_route(RouteEdge e) {
    auto from = boost::source(e, g_), to = boost::target(e, g_);
    double width = 1.2;
    if (f_ && max_flow_ > 0) {
      auto it = f_->route_flow.find({from, to});
      width = 1 + 7 * (it == f_->route_flow.end() ? 0 : it->second.clients_per_week) / max_flow_;
    }
    FindingLine finding = finding_routes_.count({from, to})  ? FindingLine::service
                          : model_routes_.count({from, to}) ? FindingLine::model
                                                            : FindingLine::none;
    w_.edge("  ", {dot_quoted(g_[from].id), dot_quoted(g_[to].id)}, route_attributes(c_, e, width, finding));
  }

  // Findings' routes that do not follow a route of the model (should not
  // happen, but a finding must never be silently lost from the drawing).
  void write_detours() {
    for (const auto& [from, to] : detours_)
      w_.edge("  ", {dot_quoted(g_[from].id), dot_quoted(g_[to].id)},
              {{"color", dot_quoted(kFindingRed)}, {"style", "dashed"}, {"penwidth", "2.5"}, {"constraint", "false"}});
    for (const auto& [from, to] : model_detours_)
      w_.edge("  ", {dot_quoted(g_[from].id), dot_quoted(g_[to].id)},
              {{"color", dot_quoted(kModelProblem)}, {"style", "dotted"}, {"penwidth", "2.5"}, {"constraint", "false"}});
  }

  void mark_findings(const Diagnostics& findings) {
    for (const auto& d : findings) {
      // Warnings (e.g. "no mandatory checkpoint") are hints for the model's
      // authors; the diagram shows only what is wrong.
      if (d.severity != Severity::error) continue;
      std::vector<StepVertex> route;
      for (const auto& id : d.route)
        if (auto v = p_.find_step(id)) route.push_back(*v);
      // The service's broken rules in red dashes, the model's errors in orange dots: a skipped
      // social worker is the point of a current-state model, a trap is a mistake in it.
      const bool service = d.kind == DiagnosticKind::service;
      for (std::size_t i = 0; i + 1 < route.size(); ++i) {
        auto [e, exists] = boost::edge(route[i], route[i + 1], g_);
        (void)e;
        auto& drawn = service ? (exists ? finding_routes_ : detours_) : (exists ? model_routes_ : model_detours_);
        drawn.insert({route[i], route[i + 1]});
        (service ? c_.service_routes : c_.model_routes) = true;
      }
      // A mandatory checkpoint on the finding's line that its route avoids: the
      // route is the proof that the checkpoint can be skipped.
      for (auto v : boost::make_iterator_range(boost::vertices(g_))) {
        const Step& s = g_[v];
        if (s.kind != StepKind::checkpoint || !s.mandatory || d.line == 0 || d.line != s.line || route.empty())
          continue;
        if (std::find(route.begin(), route.end(), v) == route.end()) c_.skippable.insert(v);
      }
    }
  }

  const Process& p_;
  const ProcessGraph& g_;
  const DiagramFigures* f_;
  Context c_;
  double max_flow_ = 0;
  std::set<std::pair<StepVertex, StepVertex>> finding_routes_, detours_;  // service findings
  std::set<std::pair<StepVertex, StepVertex>> model_routes_, model_detours_;  // errors in the model
  DotWriter w_;
};

}  // namespace

std::string diagram_dot(const Process& process, const DiagramOptions& options, const DiagramFigures* figures,
                        const Diagnostics& findings) {
  return DiagramWriter(process, options, figures, findings).write();
}

}  // namespace sujuva
