// The one DOT writer of render: graph, node and edge lines, clusters, escaped labels and the shape of each kind of
// step.
//
//   DotWriter w;
//   w.open(dot_quoted("process"));
//   w.defaults("node", {{"shape", "box"}, {"fontname", dot_quoted("DejaVu Sans")}});
//   w.node("  ", dot_quoted(step.id), {{"shape", step_shape(step.kind, StepShapes::lanes)},
//                                      {"label", dot_quoted(dot_lines(wrap_label(label, 26)))}});
//   w.edge("  ", {dot_quoted("a"), dot_quoted("b")}, {{"penwidth", "2"}});
//   std::string dot = w.close();
//
// Attribute values are written as given: quote them with dot_quoted or give HTML-like
// labels as "<...>". Every user text goes through dot_quoted, dot_lines or escape_html.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/process.h"

namespace sujuva {

using DotAttributes = std::vector<std::pair<std::string, std::string>>;  // name, value as written

// The two drawings' shapes: the annotated diagram's (ovals, a hexagon, plain boxes), and the
// structural diff's (circles, a note for an activity).
enum class StepShapes { lanes, outline };

const char* step_shape(StepKind kind, StepShapes shapes);

std::string dot_quoted(std::string_view text);       // "text", escaped
std::string dot_string(const std::string& escaped);  // "escaped", as it is
// Lines joined with newlines and escaped for a double-quoted DOT string (DOT line breaks).
std::string dot_lines(const std::vector<std::string>& lines);
// HTML-like label text: escaped lines joined with <BR/>.
std::string html_lines(const std::vector<std::string>& lines);

class DotWriter {
 public:
  void open(const std::string& name);  // `digraph NAME {`
  std::string close();                 // `}`: the whole text
  // `  graph [a=1, b=2];` for kind "graph", "node" or "edge".
  void defaults(const char* kind, const DotAttributes& attributes);
  void graph_attribute(const std::string& name, const std::string& value);  // `  name=value;`
  void open_cluster(const std::string& name);                               // `  subgraph NAME {`
  void cluster_attributes(const DotAttributes& attributes);                 // `    a=1; b=2;`
  void close_cluster();                                                     // `  }`
  void node(const char* indent, const std::string& name, const DotAttributes& attributes = {});
  // `a -> b -> c [attributes];` (no brackets without attributes).
  void edge(const char* indent, const std::vector<std::string>& path, const DotAttributes& attributes);
  void raw(const std::string& text) { out_ += text; }

 private:
  void list(const DotAttributes& attributes, const char* separator);
  std::string out_;
};

}  // namespace sujuva
