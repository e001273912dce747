// Internals of `check_process`: the client-flow graph and reachability shared by the rule modules.
//
// The checks run in a fixed order over one `CheckContext`: structure (reachability, traps),
// class routing (probabilities, `when`, `requires`), mandatory checkpoints, staffing and hints.
// Each adds findings; `check_process` sorts them.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/process.h"
#include "text/format.h"

namespace boost {
// Boost 1.74's bidirectional compressed_sparse_row_graph has in_edges but no degree(), which
// BidirectionalGraphConcept (and so lengauer_tarjan_dominator_tree) asks for.
inline std::size_t degree(std::size_t v, const compressed_sparse_row_graph<bidirectionalS>& g) {
  return out_degree(v, g) + in_degree(v, g);
}
}  // namespace boost

namespace sujuva::checks::detail {

// The steps clients pass, with a virtual source joined to every start and a virtual sink
// joined from every end. Vertex i < steps is process step i. Routes out of an end (clients
// have left), routes with p=0 (no client takes them) and routes touching an activity (work
// outside the client flow) are left out.
// Compressed rows: built in one pass, no allocation per step.
using FlowGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS>;
using FlowVertex = FlowGraph::vertex_descriptor;

constexpr size_t kNone = static_cast<size_t>(-1);

struct CheckContext {
  CheckContext(const Process& p, Lang l);

  const Process& process;
  Lang lang = Lang::en;  // of the messages and of the step and role labels in them
  const ProcessGraph& graph;
  size_t steps = 0;
  FlowVertex source = 0, sink = 0;
  FlowGraph flow;
  std::vector<StepVertex> starts, ends;
  // Filled by `find_reachability`.
  std::vector<FlowVertex> from_start;  // BFS parent towards a start (kNone: not reached)
  std::vector<size_t> start_distance;  // routes from the nearest start (kNone: not reached)
  std::vector<FlowVertex> to_end;      // next step on a shortest route to an end (kNone: none)
  // Filled by `propagate_classes`: state = step * classes + class.
  size_t classes = 1;
  std::vector<size_t> class_parent;  // parent state (kNone: not reached; itself for a start)
  Diagnostics findings;

  bool reachable(StepVertex v) const { return from_start[v] != kNone; }
  bool reaches_end(StepVertex v) const { return to_end[v] != kNone; }
  bool class_reaches(StepVertex v, ClassIndex c) const { return class_parent[v * classes + c] != kNone; }

  // The message in the findings' language (each finding is written in all three).
  std::string say(std::string fi, std::string sv, std::string en) const;
  // `rule`: the finding's stable name (processes/README.md, "What `sujuva check` checks"), the same in every language.
  void error(const char* rule, int line, std::string message, std::vector<std::string> route = {});
  void warning(const char* rule, int line, std::string message, std::vector<std::string> route = {});
  // A finding about the service rather than the model (DiagnosticKind::service), with its legal
  // basis in the findings' language ("" for none).
  void service(Severity severity, const char* rule, int line, std::string message, std::vector<std::string> route,
               std::string basis = {});

  // Step ids from a start to `v` along the BFS parents (empty if `v` is not reached).
  std::vector<std::string> route_from_start(StepVertex v) const;
  // Step ids from a start to `v` for clients of class `c`, following class states.
  std::vector<std::string> class_route_from_start(StepVertex v, ClassIndex c) const;
};

// A breadth-first search tree from one vertex (shortest routes in number of steps).
struct BfsTree {
  std::vector<FlowVertex> parent;  // itself for the root, kNone when not reached
  std::vector<size_t> distance;    // routes from the root, kNone when not reached
};

template <class Graph>
BfsTree bfs_tree(const Graph& g, FlowVertex from, size_t vertex_count) {
  BfsTree tree{std::vector<FlowVertex>(vertex_count, kNone), std::vector<size_t>(vertex_count, kNone)};
  std::vector<boost::default_color_type> color(vertex_count, boost::white_color);
  auto index = boost::get(boost::vertex_index, g);
  tree.parent[from] = from;
  tree.distance[from] = 0;
  boost::breadth_first_search(
      g, from,
      boost::visitor(boost::make_bfs_visitor(std::make_pair(
                         boost::record_predecessors(boost::make_iterator_property_map(tree.parent.begin(), index),
                                                    boost::on_tree_edge()),
                         boost::record_distances(boost::make_iterator_property_map(tree.distance.begin(), index),
                                                 boost::on_tree_edge()))))
          .color_map(boost::make_iterator_property_map(color.begin(), index)));
  return tree;
}

// Vertex filter for boost::filtered_graph: every vertex but the blocked ones.
struct NotBlocked {
  const std::vector<char>* blocked = nullptr;
  bool operator()(FlowVertex v) const { return !(*blocked)[v]; }
};

bool in_client_flow(const ProcessGraph& graph, RouteEdge e);

// `"arvio" (Palvelutarpeen arviointi)`: the id in quotes and the label in `lang` if it has one.
std::string step_name(const Step& step, Lang lang);
std::string role_name(const Role& role, Lang lang);
// `"a", "b", "c"` (at most `limit` names, then "and N more" in `lang`).
std::string quoted_list(const std::vector<std::string>& ids, Lang lang, size_t limit = 8);
// `route a -> b` (`reitti a -> b`, `rutt a -> b`).
std::string route_name(const ProcessGraph& graph, RouteEdge e, Lang lang);
// The legal basis of a checkpoint's rules in `lang`: the model's `basis` if it states one, else
// `fallback` (the rule's default, "" for none).
std::string basis_of(const Step& checkpoint, Lang lang, std::string fallback);
// As written in the model (shortest form), with a decimal comma in Finnish and Swedish.
std::string number_text(double x, Lang lang);

// The rule modules, in the order `check_process` runs them.
void find_reachability(CheckContext& ctx);
void check_structure(CheckContext& ctx);
void propagate_classes(CheckContext& ctx);
void check_routing(CheckContext& ctx);
void check_requires(CheckContext& ctx);
void check_mandatory(CheckContext& ctx);
void check_assessment_coverage(CheckContext& ctx);
void check_staffing(CheckContext& ctx);
void check_hints(CheckContext& ctx);
void check_deadlines(CheckContext& ctx);

}  // namespace sujuva::checks::detail
