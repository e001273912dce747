#include "render/dot_writer.h"

#include "text/format.h"

namespace sujuva {

const char* step_shape(StepKind kind, StepShapes shapes) {
  const bool lanes = shapes == StepShapes::lanes;
  switch (kind) {
    case StepKind::start:
      return lanes ? "oval" : "circle";
    case StepKind::end:
      return lanes ? "oval" : "doublecircle";
    case StepKind::decision:
      return "diamond";
    case StepKind::checkpoint:
      return "hexagon";
    case StepKind::activity:
      return lanes ? "box" : "note";
    case StepKind::task:
      return "box";
  }
  return "box";
}

std::string dot_quoted(std::string_view text) { return "\"" + escape_dot(text) + "\""; }

std::string dot_string(const std::string& escaped) { return "\"" + escaped + "\""; }

std::string dot_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) text += (i ? "\n" : "") + lines[i];
  return escape_dot(text);
}

std::string html_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "<BR/>" : "") + escape_html(lines[i]);
  return out;
}

void DotWriter::open(const std::string& name) { out_ += "digraph " + name + " {\n"; }

std::string DotWriter::close() {
  out_ += "}\n";
  return std::move(out_);
}

void DotWriter::list(const DotAttributes& attributes, const char* separator) {
  for (std::size_t i = 0; i < attributes.size(); ++i)
    out_ += (i ? separator : "") + attributes[i].first + "=" + attributes[i].second;
}

void DotWriter::defaults(const char* kind, const DotAttributes& attributes) {
  out_ += std::string("  ") + kind + " [";
  list(attributes, ", ");
  out_ += "];\n";
}

void DotWriter::graph_attribute(const std::string& name, const std::string& value) {
  out_ += "  " + name + "=" + value + ";\n";
}

void DotWriter::open_cluster(const std::string& name) { out_ += "  subgraph " + name + " {\n"; }

void DotWriter::cluster_attributes(const DotAttributes& attributes) {
  out_ += "    ";
  list(attributes, "; ");
  out_ += ";\n";
}

void DotWriter::close_cluster() { out_ += "  }\n"; }

void DotWriter::node(const char* indent, const std::string& name, const DotAttributes& attributes) {
  out_ += indent + name;
  if (!attributes.empty()) {
    out_ += " [";
    list(attributes, ", ");
    out_ += "]";
  }
  out_ += ";\n";
}

void DotWriter::edge(const char* indent, const std::vector<std::string>& path, const DotAttributes& attributes) {
  out_ += indent;
  for (std::size_t i = 0; i < path.size(); ++i) out_ += (i ? " -> " : "") + path[i];
  if (!attributes.empty()) {
    out_ += " [";
    list(attributes, ", ");
    out_ += "]";
  }
  out_ += ";\n";
}

}  // namespace sujuva
