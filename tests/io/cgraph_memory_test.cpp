#include "io/cgraph_memory.h"

#include <catch2/catch.hpp>
#include <string>

#include "io/dot_source.h"

// Exported by cgraph, not in cgraph.h: resets the scanner after a read (see dot_reader.cpp).
extern "C" void aglexbad(void);

using namespace sujuva;

namespace {

Agraph_t* read_graph(std::string_view text) {
  io::detail::TextChannel channel{text};
  Agdisc_t discipline = io::detail::reading_discipline(io::detail::Memory::arena);
  Agraph_t* g = agread(&channel, &discipline);
  aglexbad();
  return g;
}

}  // namespace

TEST_CASE("A graph read into the arena has every node, edge and attribute, and closing returns the memory", "[io]") {
  size_t before = io::detail::arena_bytes_in_use();
  // No trailing newline and no '\0': the channel reads the view's bytes only.
  std::string text = "digraph g {\n a [effort=\"2h\"];\n a -> b [p=0.25];\n a -> b [p=0.75];\n b -> c }";
  Agraph_t* g = read_graph(std::string_view(text));
  REQUIRE(g != nullptr);
  CHECK(agnnodes(g) == 3);
  CHECK(agnedges(g) == 3);  // a -> b twice: a digraph keeps both
  Agnode_t* a = agnode(g, const_cast<char*>("a"), 0);
  REQUIRE(a != nullptr);
  CHECK(std::string(agget(a, const_cast<char*>("effort"))) == "2h");
  Agedge_t* first = agfstout(g, a);
  CHECK(std::string(agget(first, const_cast<char*>("p"))) == "0.25");
  CHECK(std::string(agget(agnxtout(g, first), const_cast<char*>("p"))) == "0.75");
  CHECK(io::detail::arena_bytes_in_use() > before);
  agclose(g);
  CHECK(io::detail::arena_bytes_in_use() == before);
}

TEST_CASE("Many objects and long attribute values survive the arena's recycling and resizing", "[io]") {
  // 2000 nodes, each with a 600-byte label (a "large" block) and a route to the next:
  // the counts and the last label read back exactly.
  std::string text = "digraph g {\n";
  const std::string long_label(600, 'x');
  for (int i = 0; i < 2000; ++i)
    text += "  n" + std::to_string(i) + " [label=\"" + long_label + std::to_string(i) + "\"];\n  n" +
            std::to_string(i) + " -> n" + std::to_string(i + 1) + ";\n";
  text += "}\n";
  Agraph_t* g = read_graph(text);
  REQUIRE(g != nullptr);
  CHECK(agnnodes(g) == 2001);
  CHECK(agnedges(g) == 2000);
  Agnode_t* last = agnode(g, const_cast<char*>("n1999"), 0);
  REQUIRE(last != nullptr);
  CHECK(std::string(agget(last, const_cast<char*>("label"))) == long_label + "1999");
  agclose(g);
}

TEST_CASE("The source index finds the line of each route by its end points, repeats included", "[io]") {
  std::string text = "digraph g {\n a -> b\n b -> c\n a -> b\n \"q r\" -> a\n}\n";
  auto lines = io::detail::index_source_lines(text);
  int a = lines.node_ordinal("a"), b = lines.node_ordinal("b"), c = lines.node_ordinal("c");
  CHECK(a == 0);
  CHECK(b == 1);
  CHECK(c == 2);
  CHECK(lines.edge_line(a, b) == 2);
  CHECK(lines.edge_line(a, b, 1) == 4);
  CHECK(lines.edge_line(b, c) == 3);
  CHECK(lines.edge_line(lines.node_ordinal("q r"), a) == 5);
  SECTION("a route not written as `tail -> head` has no line of its own") {
    CHECK(lines.edge_line(c, a) == 0);
    CHECK(lines.edge_line(-1, a) == 0);
  }
}
