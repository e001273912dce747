// The annotated diagram's writer: graph defaults, lanes, routes and the routes of findings.
#include "render/diagram.h"

#include <algorithm>
#include <sstream>

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
        o_(options),
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
    write_defaults();
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
  void write_defaults() {
    // Top to bottom with the lanes side by side: a 30–80 step flow then stays
    // near the proportions of a screen or an A3 sheet instead of a 3:1 strip.
    DotAttributes graph{{"rankdir", "TB"},
                        {"fontname", dot_quoted(kFont)},
                        {"fontsize", std::to_string(c_.font_size())},
                        {"labelloc", "t"},
                        {"labeljust", "l"},
                        {"nodesep", o_.poster ? "0.35" : "0.25"},
                        {"ranksep", o_.poster ? "0.6" : "0.45"},
                        {"pad", o_.poster ? "0.25" : "0.3"},
                        {"charset", "\"UTF-8\""}};
    // A3 landscape is 420 x 297 mm = 16.54 x 11.69 in. The drawing gets A3's
    // proportions (height / width = 11.19 / 16.04, spacing stretched, text
    // undistorted) and is scaled to fill the page inside the 0.25 in pad.
    // The margin replaces the PDF device's default half inch.
    if (o_.poster) graph.insert(graph.end(), {{"size", "\"16.04,11.19!\""}, {"ratio", "0.6976"}, {"margin", "0"}});
    w_.defaults("graph", graph);
    w_.defaults("node", {{"fontname", dot_quoted(kFont)},
                         {"fontsize", std::to_string(c_.font_size())},
                         {"shape", "box"},
                         {"style", "\"rounded,filled\""},
                         {"fillcolor", "\"#ffffff\""},
                         {"color", "\"#525252\""},
                         {"margin", "\"0.12,0.06\""}});
    w_.defaults("edge", {{"fontname", dot_quoted(kFont)},
                         {"fontsize", std::to_string(c_.small_size())},
                         {"color", "\"#636363\""},
                         {"fontcolor", "\"#252525\""},
                         {"arrowsize", "0.7"}});
  }

  void write_lane(RoleIndex r, const std::vector<StepVertex>& steps) {
    const Role& role = p_.roles[r];
    auto bin = c_.role_bin(r);
    bool bottleneck = f_ && f_->bottleneck == r;
    w_.open_cluster(dot_quoted("cluster_" + role.id));
    std::string fill = bin ? lighten(c_.scale.fill(*bin), 0.55) : kLaneGrey;
    w_.cluster_attributes({{"style", "\"filled,rounded\""},
                           {"fillcolor", dot_quoted(fill)},
                           {"color", dot_quoted(bottleneck ? kBottleneckRed : "#969696")},
                           {"penwidth", bottleneck ? "4" : "1"}});
    w_.cluster_attributes({{"label", "<" + lane_title(c_, r, bottleneck) + ">"},
                           {"labeljust", "l"},
                           {"fontsize", o_.poster ? "24" : "13"}});
    for (auto v : steps) write_step(v, "    ");
    w_.close_cluster();
  }

  void write_step(StepVertex v, const char* indent) { w_.node(indent, dot_quoted(g_[v].id), step_attributes(c_, v)); }

  const RouteFigures* route_figures(StepVertex from, StepVertex to) const {
    if (!f_) return nullptr;
    auto it = f_->route_flow.find({from, to});
    return it == f_->route_flow.end() ? nullptr : &it->second;
  }

  // Share of the clients leaving `from` who take this route: the analysis' when
  // it has flows, else the model's explicit probability.
  std::optional<double> route_share(RouteEdge e) const {
    if (f_ && !f_->route_flow.empty()) {
      const RouteFigures* r = route_figures(boost::source(e, g_), boost::target(e, g_));
      return r ? r->share : std::nullopt;
    }
    return g_[e].p;
  }

  // The route's own words, then its share and clients per week.
  std::vector<std::string> route_lines(RouteEdge e) const {
    std::vector<std::string> lines;
    std::string own = g_[e].label.in(o_.lang);
    if (!own.empty())
      for (auto& l : wrap_label(own, 24)) lines.push_back(l);
    if (o_.poster) return lines;
    std::vector<std::string> numbers;
    auto share = route_share(e);
    if (share && *share < 1 - 1e-9) numbers.push_back(format_percent(*share, o_.lang));
    if (const RouteFigures* r = route_figures(boost::source(e, g_), boost::target(e, g_)))
      numbers.push_back(format_rate(r->clients_per_week, o_.lang) + c_.words.per_week());
    if (!numbers.empty()) lines.push_back(join(numbers));
    return lines;
  }

  void write_route(RouteEdge e) {
    auto from = boost::source(e, g_), to = boost::target(e, g_);
    const Route& r = g_[e];
    DotAttributes attributes;
    double width = 1.2;
    if (f_ && max_flow_ > 0) {
      const RouteFigures* figures = route_figures(from, to);
      width = 1 + 7 * (figures ? figures->clients_per_week : 0) / max_flow_;
    }
    if (finding_routes_.count({from, to})) {
      attributes.push_back({"color", dot_quoted(kFindingRed)});
      attributes.push_back({"style", "dashed"});
      width = std::max(width, 2.5);
    } else if (model_routes_.count({from, to})) {
      attributes.push_back({"color", dot_quoted(kModelProblem)});
      attributes.push_back({"style", "dotted"});
      width = std::max(width, 2.5);
    } else if (!r.outcome.empty()) {
      attributes.push_back({"color", dot_quoted(kCheckpointBlue)});
    }
    if (!r.outcome.empty()) attributes.push_back({"fontcolor", dot_quoted(kCheckpointBlue)});
    std::ostringstream pw;
    pw.precision(3);
    pw << width;
    attributes.push_back({"penwidth", pw.str()});
    auto lines = route_lines(e);
    if (!lines.empty()) attributes.push_back({"label", dot_string(dot_lines(lines))});
    w_.edge("  ", {dot_quoted(g_[from].id), dot_quoted(g_[to].id)}, attributes);
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
  const DiagramOptions& o_;
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
