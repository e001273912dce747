// Line numbers for a DOT file's nodes, edges and clusters, which cgraph does not keep.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sujuva::io::detail {

// Keys are views into the indexed text (or into `owned` for unescaped strings):
// the text must outlive the index.
class SourceLines {
 public:
  // Nodes are numbered in the order the text first mentions them; -1: unknown.
  int node_ordinal(std::string_view id) const {
    if (slots.empty()) return -1;
    return slots[slot_of(id, std::hash<std::string_view>{}(id))];
  }
  // The node's line and ordinal (0 and -1 when unknown). `likely_ordinal` is
  // checked first: cgraph numbers nodes in the same first-mention order, and a
  // reader that walks its nodes in order then reads the index in order too.
  std::pair<int, int> node_line_and_ordinal(std::string_view id, int likely_ordinal = -1) const {
    int ordinal = likely_ordinal >= 0 && size_t(likely_ordinal) < nodes.size() && nodes[likely_ordinal].id == id
                      ? likely_ordinal
                      : node_ordinal(id);
    return ordinal < 0 ? std::pair(0, -1) : std::pair(nodes[ordinal].line, ordinal);
  }
  int node_line(std::string_view id) const { return node_line_and_ordinal(id).first; }
  int subgraph_line(std::string_view id) const { return find(subgraph, id); }
  int attribute_line(std::string_view name) const { return find(attribute, name); }
  // Whether the body of subgraph `id` itself writes `name = value` (or `graph [name = ...]`):
  // cgraph copies a parent's graph attributes into its subgraphs, so the values alone cannot
  // tell a value set again from one inherited.
  bool sets_attribute(std::string_view id, std::string_view name) const {
    return own_attributes.count(std::string(id) + '\0' + std::string(name)) > 0;
  }
  // The line of the `occurrence`-th (0-based) `tail -> head` in the text, by node
  // ordinals (the last one when there are fewer); 0 when the edge is not
  // written as such (e.g. `a -> {b c}`).
  int edge_line(int tail, int head, size_t occurrence = 0) const;
  size_t route_mentions() const { return targets.size(); }
  size_t node_count() const { return nodes.size(); }

  // Returns the node's ordinal.
  int add_node(std::string_view id, int line, bool gives_attributes);
  void add_subgraph(std::string_view id, int line) { subgraph.emplace(id, line); }
  void add_attribute(std::string_view name, int line) { attribute.emplace(name, line); }
  void add_own_attribute(std::string_view subgraph, std::string_view name) {
    own_attributes.insert(std::string(subgraph) + '\0' + std::string(name));
  }
  void add_edge(int tail, int head, int line) { edge_mentions.push_back({tail, head, line}); }
  // Expected number of nodes and edges, to size the tables once.
  void reserve(size_t nodes, size_t edges);
  // Turns the edge mentions into the per-tail table edge_line reads.
  void finish();
  std::string_view own(std::string text) { return owned.emplace_back(std::move(text)); }

 private:
  struct Node {
    std::string_view id;
    int line;  // the line that gives attributes, else the first mention
    bool gives_attributes;
  };
  struct EdgeMention {
    int tail, head, line;
  };
  struct Target {
    int head, line;
  };
  static int find(const std::unordered_map<std::string_view, int>& lines, std::string_view key) {
    auto it = lines.find(key);
    return it == lines.end() ? 0 : it->second;
  }

  // Node ids to ordinals by open addressing over `nodes` (a slot holds an
  // ordinal or -1): a million nodes in one array instead of a million
  // allocations of a node-based map.
  size_t slot_of(std::string_view id, size_t hash) const {
    size_t mask = slots.size() - 1;
    size_t slot = hash & mask;
    while (slots[slot] >= 0 && nodes[slots[slot]].id != id) slot = (slot + 1) & mask;
    return slot;
  }
  void grow_slots(size_t size);
  std::vector<int> slots;   // a power of two, at most half full
  std::vector<Node> nodes;  // by ordinal
  std::unordered_map<std::string_view, int> subgraph;
  std::unordered_map<std::string_view, int> attribute;  // first `name =` anywhere
  std::unordered_set<std::string> own_attributes;       // subgraph id + '\0' + attribute name
  std::vector<EdgeMention> edge_mentions;               // in text order, until finish()
  // The routes written from each tail, in text order: targets[first_target[t] ..
  // first_target[t + 1]). A reader that walks the tails in order reads this in
  // order, where a hash table of millions of routes would miss the cache on
  // every lookup.
  std::vector<size_t> first_target;
  std::vector<Target> targets;
  std::deque<std::string> owned;
};

// Scans DOT text with a small streaming tokenizer (strings, HTML strings,
// comments). It never rejects input: cgraph is the parser, this only recovers
// positions.
SourceLines index_source_lines(std::string_view text);

}  // namespace sujuva::io::detail
