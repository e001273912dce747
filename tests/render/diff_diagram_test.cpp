#include "render/diff_diagram.h"

#include <graphviz/cgraph.h>

#include <catch2/catch.hpp>
#include <string>

#include "io/dot_reader.h"
#include "support.h"

using namespace sujuva;

// The model with labels that must be escaped, shared with the other escaping tests.
namespace {
const std::string& kBefore = test::kHostileLabels;
}  // namespace

TEST_CASE("The diff diagram parses back with cgraph and colours each kind of change", "[render]") {
  Process before = test::load_model(kBefore, "a.dot");
  std::string text = kBefore;
  text.replace(text.find("in -> tyo -> out;"), 17,
               "in -> tyo -> uusi -> out; uusi [role=x, effort=\"1h\"]; vanha [role=x, effort=\"2h\"]; in -> vanha; "
               "vanha -> out;");
  text.replace(text.find("exp(10h)"), 8, "exp(12h)");
  Process after = test::load_model(text, "b.dot");
  std::string dot =
      diff_dot(after, before, diff_structure(after, before), Lang::en);  // after → before: uusi and vanha are removed

  Agraph_t* graph = agmemread(dot.c_str());
  REQUIRE(graph != nullptr);
  int removed = 0, changed = 0;
  for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
    std::string color = agget(n, const_cast<char*>("color")) ? agget(n, const_cast<char*>("color")) : "";
    std::string label = agget(n, const_cast<char*>("label")) ? agget(n, const_cast<char*>("label")) : "";
    if (label.rfind("legend", 0) == 0 || std::string(agnameof(n)).rfind("legend", 0) == 0) continue;
    removed += color == kRemovedColor;
    changed += color == kChangedColor;
    if (color == kChangedColor) CHECK(label.find("effort: exp(12h) → exp(10h)") != std::string::npos);
    if (label.find("Työ") != std::string::npos) CHECK(label.find("Työ \"A\" & <b>") == 0);
  }
  agclose(graph);
  CHECK(removed == 2);  // uusi, vanha
  CHECK(changed == 1);  // tyo: its effort
  CHECK(test::count_occurrences(dot, "style=dashed") ==
        4);  // the removed routes tyo->uusi, uusi->out, in->vanha, vanha->out
  CHECK(test::count_occurrences(dot, "color=\"#1b7837\", fontcolor=\"#1b7837\", penwidth=2") ==
        1);  // the added route tyo->out
}
