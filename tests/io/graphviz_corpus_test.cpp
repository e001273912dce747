// Graphviz's own test graphs (../shared/data/dot, listed with their node and
// edge counts in MANIFEST.tsv): none is a process model, but the reader must
// read every one without crashing, see the same nodes and edges as Graphviz,
// and refuse the undirected ones with its message.
#include <boost/graph/adjacency_list.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/dot_reader.h"

using namespace sujuva;

namespace {

struct CorpusGraph {
  std::string file;
  bool directed;
  size_t nodes, edges;
};

std::vector<CorpusGraph> corpus(const std::filesystem::path& manifest) {
  std::ifstream in(manifest);
  std::string line;
  std::getline(in, line);  // header: file source_repo source_path license graph_names directed strict n_nodes n_edges ...
  std::vector<CorpusGraph> graphs;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
    if (cells.size() < 9) continue;
    graphs.push_back({cells[0], cells[5] == "1", std::stoul(cells[7]), std::stoul(cells[8])});
  }
  return graphs;
}

}  // namespace

TEST_CASE("Graphviz's own test graphs read with the same nodes and edges as Graphviz counts", "[io][shared]") {
  const std::filesystem::path dir = std::filesystem::path(SUJUVA_SHARED_DIR) / "data" / "dot";
  if (!std::filesystem::exists(dir / "MANIFEST.tsv")) {
    WARN("skipped: " << dir.string() << " is not here (the shared material is outside the repository)");
    return;
  }
  auto graphs = corpus(dir / "MANIFEST.tsv");
  REQUIRE(graphs.size() >= 30);
  for (const auto& graph : graphs) {
    INFO(graph.file);
    auto result = read_process_file((dir / graph.file).string());
    if (!graph.directed) {
      CHECK_FALSE(result.process);
      REQUIRE(!result.diagnostics.empty());
      CHECK(result.diagnostics.front().message.find("undirected graph") != std::string::npos);
      continue;
    }
    REQUIRE(result.process);
    CHECK(boost::num_vertices(result.process->graph) == graph.nodes);
    CHECK(boost::num_edges(result.process->graph) == graph.edges);
  }
}
