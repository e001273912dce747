// Line numbers for a DOT file's nodes, edges and clusters, which cgraph does not keep.
#pragma once

#include <cstdint>
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
  // Nodes are numbered in the order the text first mentions them; -1: unknown.
  int node_ordinal(std::string_view id) const {
    auto it = node_lines.find(id);
    return it == node_lines.end() ? -1 : it->second.ordinal;
  }
  std::pair<int, int> node_line_and_ordinal(std::string_view id) const {
    auto it = node_lines.find(id);
    return it == node_lines.end() ? std::pair(0, -1) : std::pair(it->second.line, it->second.ordinal);
  }
  int node_line(std::string_view id) const {
    auto it = node_lines.find(id);
    return it == node_lines.end() ? 0 : it->second.line;
  }
  int subgraph_line(std::string_view id) const { return find(subgraph, id); }
  int attribute_line(std::string_view name) const { return find(attribute, name); }
  // The line of the `occurrence`-th (0-based) `tail -> head` in the text, by node
  // ordinals; 0 when the edge is not written as such (e.g. `a -> {b c}`).
  int edge_line(int tail, int head, size_t occurrence = 0) const;

  // Returns the node's ordinal.
  int add_node(std::string_view id, int line, bool gives_attributes);
  void add_subgraph(std::string_view id, int line) { subgraph.emplace(id, line); }
  void add_attribute(std::string_view name, int line) { attribute.emplace(name, line); }
  void add_edge(int tail, int head, int line);
  // Expected number of nodes and edges, to size the tables once.
  void reserve(size_t nodes, size_t edges);
  std::string_view own(std::string text) { return owned.emplace_back(std::move(text)); }

 private:
  struct NodeLine {
    int line;
    int ordinal;
    bool gives_attributes;
  };
  // Open addressing on the pair of ordinals: a model has millions of routes and
  // a node-based hash map would spend most of its memory on allocation overhead.
  struct EdgeSlot {
    uint64_t key = kEmpty;
    int line = 0;
    static constexpr uint64_t kEmpty = ~uint64_t{0};
  };
  static uint64_t edge_key(int tail, int head) { return uint64_t(uint32_t(tail)) << 32 | uint32_t(head); }
  size_t slot_of(uint64_t key) const;
  void grow_edges();
  static int find(const std::unordered_map<std::string_view, int>& lines, std::string_view key) {
    auto it = lines.find(key);
    return it == lines.end() ? 0 : it->second;
  }

  std::unordered_map<std::string_view, NodeLine> node_lines;  // the line that gives attributes, else first mention
  std::unordered_map<std::string_view, int> subgraph;
  std::unordered_map<std::string_view, int> attribute;  // first `name =` anywhere
  // The first line of each `tail -> head`; the later ones only for pairs written more than once.
  std::vector<EdgeSlot> edges;  // size a power of two, at most half full
  size_t edge_count = 0;
  std::unordered_map<uint64_t, std::vector<int>> repeated_edge;
  std::deque<std::string> owned;
};

// Scans DOT text with a small streaming tokenizer (strings, HTML strings,
// comments). It never rejects input: cgraph is the parser, this only recovers
// positions.
SourceLines index_source_lines(std::string_view text);

}  // namespace sujuva::detail
