// The DOT reader, private to io: cgraph's parse (dot_reader.cpp), then the graph's settings and
// roles (roles.cpp), the steps (steps.cpp) and the routes (routes.cpp) into a `Process`.
#pragma once

#include <graphviz/cgraph.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/attributes.h"
#include "io/dot_reader.h"
#include "io/dot_source.h"
#include "io/messages.h"

namespace sujuva::io::detail {

class Reader {
 public:
  // Writes into `result` in place: a Boost adjacency_list copies when moved.
  Reader(std::string_view text, std::string file, Lang lang, ReadResult& result)
      : text_(text), messages_(std::move(file), lang, result.diagnostics), process_(result.process.emplace()) {}

  // False when the model cannot be used at all (the caller drops the process).
  bool read();

 private:
  // A route as read from cgraph, before it is added to the graph.
  struct RouteRecord {
    uint32_t tail = 0, head = 0;
    int line = 0;
    std::optional<double> p;
    int outcome = -1, when = -1;  // into route_names_
    int extra = -1;               // into route_extras_: labels, drawing attributes
  };

  // dot_reader.cpp
  Agraph_t* parse(std::string& cgraph_messages);
  void syntax_error(const std::string& cgraph_messages);
  void number_nodes(Agraph_t* g);
  // Built in place: assigning or swapping an adjacency_list copies it.
  void add_steps(size_t count) {
    process_.graph.m_vertices.reserve(count);
    for (size_t i = 0; i < count; ++i) boost::add_vertex(process_.graph);
  }
  // roles.cpp
  void read_graph_settings(Agraph_t* g);
  bool read_term(const std::string& attribute, const std::string& value);
  void read_calendar_setting(const Attributes& values, const char* name, double& target);
  void collect_roles(Agraph_t* root, Agraph_t* g, std::optional<RoleIndex> enclosing);
  std::optional<RoleIndex> read_role(const std::string& subgraph, const Attributes& values);
  // steps.cpp
  void read_steps(Agraph_t* g);
  // routes.cpp
  void read_routes(Agraph_t* g);
  void read_route_attributes(RouteRecord& route, const Attributes& values);
  int route_name(std::string_view name);
  void build_routes();
  void check_classes();

  std::string_view text_;
  std::string converted_;  // the text in UTF-8 when the file declares charset=latin1
  Messages messages_;
  Process& process_;
  SourceLines lines_;
  std::vector<RoleIndex> role_of_node_;  // by cgraph's node sequence number; -1: none
  std::vector<StepVertex> vertex_of_;    // by cgraph's node sequence number
  std::vector<int> ordinal_of_;          // by cgraph's node sequence number: the source index's ordinal
  std::vector<RouteRecord> routes_;
  std::vector<std::string> route_names_;  // outcome and when values
  std::unordered_map<std::string, int> route_name_index_;
  std::vector<std::pair<Labels, Drawing>> route_extras_;
};

}  // namespace sujuva::io::detail
