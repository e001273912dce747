// The diagram's routes: colour and line width, and a label of the route's own words, its share and its clients.
#include <sstream>

#include "model/label_text.h"
#include "render/diagram_internal.h"

namespace sujuva::diagram {

namespace {

const RouteFigures* route_figures(const Context& c, StepVertex from, StepVertex to) {
  if (!c.figures) return nullptr;
  auto it = c.figures->route_flow.find({from, to});
  return it == c.figures->route_flow.end() ? nullptr : &it->second;
}

// Share of the clients leaving `from` who take this route: the analysis' when
// it has flows, else the model's explicit probability.
std::optional<double> route_share(const Context& c, RouteEdge e) {
  const auto& g = c.process.graph;
  if (c.figures && !c.figures->route_flow.empty()) {
    const RouteFigures* r = route_figures(c, boost::source(e, g), boost::target(e, g));
    return r ? r->share : std::nullopt;
  }
  return g[e].p;
}

// The route's own words, then its share and clients per week.
std::vector<std::string> route_lines(const Context& c, RouteEdge e) {
  const auto& g = c.process.graph;
  const Lang lang = c.options.lang;
  std::vector<std::string> lines;
  std::string own = g[e].label.in(lang);
  if (!own.empty())
    for (auto& l : wrap_label(own, 24)) lines.push_back(l);
  if (c.options.poster) return lines;
  std::vector<std::string> numbers;
  auto share = route_share(c, e);
  if (share && *share < 1 - 1e-9) numbers.push_back(format_percent(*share, lang));
  if (const RouteFigures* r = route_figures(c, boost::source(e, g), boost::target(e, g)))
    numbers.push_back(format_rate(r->clients_per_week, lang) + c.words.per_week());
  if (!numbers.empty()) lines.push_back(join(numbers));
  return lines;
}

}  // namespace

DotAttributes route_attributes(const Context& c, RouteEdge e, double width, FindingLine finding, const Mark* mark) {
  const Route& r = c.process.graph[e];
  DotAttributes attributes;
  if (finding == FindingLine::service) {
    attributes.push_back({"color", dot_quoted(kFindingRed)});
    attributes.push_back({"style", "dashed"});
    width = std::max(width, 2.5);
  } else if (finding == FindingLine::model) {
    attributes.push_back({"color", dot_quoted(kModelProblem)});
    attributes.push_back({"style", "dotted"});
    width = std::max(width, 2.5);
  } else if (!r.outcome.empty()) {
    attributes.push_back({"color", dot_quoted(kCheckpointBlue)});
  }
  if (!r.outcome.empty()) attributes.push_back({"fontcolor", dot_quoted(kCheckpointBlue)});
  if (mark) {
    set_attribute(attributes, "color", dot_quoted(mark->color));
    set_attribute(attributes, "fontcolor", dot_quoted(mark->ink));
    if (mark->dashed) set_attribute(attributes, "style", "dashed");
    width = std::max(width, 2.5);
  }
  std::ostringstream pw;
  pw.precision(3);
  pw << width;
  attributes.push_back({"penwidth", pw.str()});
  auto lines = route_lines(c, e);
  if (mark) lines.insert(lines.end(), mark->lines.begin(), mark->lines.end());
  if (!lines.empty()) attributes.push_back({"label", dot_string(dot_lines(lines))});
  return attributes;
}

}  // namespace sujuva::diagram
