// The frame of a drawing: graph, node and edge defaults, and the clusters of the lanes.
#include "render/diagram_internal.h"

namespace sujuva::diagram {

void write_defaults(DotWriter& w, const Context& c) {
  const bool poster = c.options.poster;
  // Top to bottom with the lanes side by side: a 30–80 step flow then stays
  // near the proportions of a screen or an A3 sheet instead of a 3:1 strip.
  DotAttributes graph{{"rankdir", "TB"},
                      {"fontname", dot_quoted(kFont)},
                      {"fontsize", std::to_string(c.font_size())},
                      {"labelloc", "t"},
                      {"labeljust", "l"},
                      {"nodesep", poster ? "0.35" : "0.25"},
                      {"ranksep", poster ? "0.6" : "0.45"},
                      {"pad", poster ? "0.25" : "0.3"},
                      {"charset", "\"UTF-8\""}};
  // A3 landscape is 420 x 297 mm = 16.54 x 11.69 in. The drawing gets A3's
  // proportions (height / width = 11.19 / 16.04, spacing stretched, text
  // undistorted) and is scaled to fill the page inside the 0.25 in pad.
  // The margin replaces the PDF device's default half inch.
  if (poster) graph.insert(graph.end(), {{"size", "\"16.04,11.19!\""}, {"ratio", "0.6976"}, {"margin", "0"}});
  w.defaults("graph", graph);
  w.defaults("node", {{"fontname", dot_quoted(kFont)},
                      {"fontsize", std::to_string(c.font_size())},
                      {"shape", "box"},
                      {"style", "\"rounded,filled\""},
                      {"fillcolor", "\"#ffffff\""},
                      {"color", "\"#525252\""},
                      {"margin", "\"0.12,0.06\""}});
  w.defaults("edge", {{"fontname", dot_quoted(kFont)},
                      {"fontsize", std::to_string(c.small_size())},
                      {"color", "\"#636363\""},
                      {"fontcolor", "\"#252525\""},
                      {"arrowsize", "0.7"}});
}

void open_lane(DotWriter& w, const Context& c, RoleIndex r, bool bottleneck, const Mark* mark) {
  const Role& role = c.process.roles[r];
  auto bin = c.role_bin(r);
  w.open_cluster(dot_quoted("cluster_" + role.id));
  std::string fill = bin ? lighten(c.scale.fill(*bin), 0.55) : kLaneGrey;
  std::string color = mark ? mark->color : bottleneck ? kBottleneckRed : "#969696";
  w.cluster_attributes({{"style", mark && mark->dashed ? "\"filled,rounded,dashed\"" : "\"filled,rounded\""},
                        {"fillcolor", dot_quoted(fill)},
                        {"color", dot_quoted(color)},
                        {"penwidth", mark ? "3" : bottleneck ? "4" : "1"}});
  w.cluster_attributes({{"label", "<" + lane_title(c, r, bottleneck, mark) + ">"},
                        {"labeljust", "l"},
                        {"fontsize", c.options.poster ? "24" : "13"}});
}

void set_attribute(DotAttributes& attributes, const std::string& name, const std::string& value) {
  for (auto& [n, v] : attributes)
    if (n == name) {
      v = value;
      return;
    }
  attributes.emplace_back(name, value);
}

}  // namespace sujuva::diagram
