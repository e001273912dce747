// Line numbers for a DOT file's nodes, edges and clusters, which cgraph does not keep.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace sujuva::detail {

struct SourceLines {
  std::map<std::string, int> node;      // the line that gives the node attributes, else first mention
  std::map<std::string, int> subgraph;  // `subgraph NAME`
  std::map<std::pair<std::string, std::string>, int> edge;  // first `tail -> head`
  std::map<std::string, int> attribute;                     // first `name =` anywhere (for graph attributes)

  int node_line(const std::string& id) const { return find(node, id); }
  int subgraph_line(const std::string& id) const { return find(subgraph, id); }
  int attribute_line(const std::string& id) const { return find(attribute, id); }
  int edge_line(const std::string& tail, const std::string& head) const;

 private:
  static int find(const std::map<std::string, int>& lines, const std::string& key) {
    auto it = lines.find(key);
    return it == lines.end() ? 0 : it->second;
  }
};

// Scans DOT text with a small tokenizer (strings, HTML strings, comments). It
// never rejects input: cgraph is the parser, this only recovers positions.
SourceLines index_source_lines(std::string_view text);

}  // namespace sujuva::detail
