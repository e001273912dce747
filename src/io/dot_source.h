// Line numbers for a DOT file's nodes, edges and clusters, which cgraph does not keep.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sujuva::detail {

// Keys are views into the indexed text (or into `owned` for unescaped strings):
// the text must outlive the index.
class SourceLines {
 public:
  int node_line(std::string_view id) const {
    auto it = node_lines.find(id);
    return it == node_lines.end() ? 0 : it->second.line;
  }
  int subgraph_line(std::string_view id) const { return find(subgraph, id); }
  int attribute_line(std::string_view name) const { return find(attribute, name); }
  // The line of the `occurrence`-th (0-based) `tail -> head` in the text; the
  // tail's line when the edge is not written as such (e.g. `a -> {b c}`).
  int edge_line(std::string_view tail, std::string_view head, size_t occurrence = 0) const;

  void add_node(std::string_view id, int line, bool gives_attributes);
  void add_subgraph(std::string_view id, int line) { subgraph.emplace(id, line); }
  void add_attribute(std::string_view name, int line) { attribute.emplace(name, line); }
  void add_edge(std::string_view tail, std::string_view head, int line);
  // Expected number of nodes and edges, to size the tables once.
  void reserve(size_t nodes, size_t edges);
  std::string_view own(std::string text) { return owned.emplace_back(std::move(text)); }

 private:
  using Pair = std::pair<std::string_view, std::string_view>;
  struct PairHash {
    size_t operator()(const Pair& p) const {
      return std::hash<std::string_view>{}(p.first) * 1000003u ^ std::hash<std::string_view>{}(p.second);
    }
  };
  struct NodeLine {
    int line;
    bool gives_attributes;
  };
  static int find(const std::unordered_map<std::string_view, int>& lines, std::string_view key) {
    auto it = lines.find(key);
    return it == lines.end() ? 0 : it->second;
  }

  std::unordered_map<std::string_view, NodeLine> node_lines;  // the line that gives attributes, else first mention
  std::unordered_map<std::string_view, int> subgraph;
  std::unordered_map<std::string_view, int> attribute;  // first `name =` anywhere
  // The first line of each `tail -> head`; the later ones only for pairs written more than once.
  std::unordered_map<Pair, int, PairHash> edge;
  std::unordered_map<Pair, std::vector<int>, PairHash> repeated_edge;
  std::deque<std::string> owned;
};

// Scans DOT text with a small streaming tokenizer (strings, HTML strings,
// comments). It never rejects input: cgraph is the parser, this only recovers
// positions.
SourceLines index_source_lines(std::string_view text);

}  // namespace sujuva::detail
