#include "render/diff_diagram.h"

#include <catch2/catch.hpp>
#include <string>

#include "render/diagram.h"
#include "render/render_test_support.h"

using namespace sujuva;

namespace {

// Every kind of step in two lanes; each test edits one thing in a copy.
const std::string kModel = R"dot(digraph t { label="Ennen"; hours_per_fte=40;
  subgraph cluster_so { role=so; label="Ohjaajat"; fte=4; absence=0.1;
    arvio [kind=checkpoint, assesses=special, mandatory=true, effort="1h", label="Arvio"];
    ohjaus [effort="1h", label="Ohjaus"];
    verkosto [kind=activity, load="6h/week", label="Verkostotyö"];
  }
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijät"; fte=1;
    tyo [effort="3h", label="Sosiaalityö"];
  }
  tulo [kind=start, arrivals="10/week", label="Yhteydenotto"];
  jako [kind=decision, label="Jako"];
  valmis [kind=end, label="Valmis"];
  tulo -> arvio;
  arvio -> jako [p=0.7];
  arvio -> tyo [p=0.3, outcome=special, label="erityisen tuen tarve"];
  jako -> ohjaus;
  tyo -> valmis [when=special];
  ohjaus -> valmis;
})dot";

std::string edited(const std::string& from, const std::string& to) {
  std::string text = kModel;
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

size_t count_occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Labels that must be escaped in every output.
const std::string kHostile = R"dot(digraph h { hours_per_fte=40;
  subgraph cluster_x { role=x; label="<script>alert(1)</script>"; fte=2; tyo [label="Työ \"A\" & <b>", effort="exp(10h)"]; }
  in [kind=start, arrivals="4/week"]; out [kind=end];
  in -> tyo -> out;
})dot";

std::string diff_of(const std::string& before, const std::string& after, Lang lang = Lang::fi) {
  Process b = test::load_model(before), a = test::load_model(after);
  return diff_dot(b, a, diff_structure(b, a), lang);
}

}  // namespace

TEST_CASE("The diff diagram draws every kind of step with render's shapes, colours and fonts", "[render]") {
  // The same model on both sides: nothing changed, so every node must be drawn exactly as
  // `render` draws it without figures (no heat map), down to the label.
  Process p = test::load_model(kModel);
  test::ParsedDot diff(diff_dot(p, p, diff_structure(p, p), Lang::fi));
  test::ParsedDot render(diagram_dot(p, DiagramOptions{.lang = Lang::fi, .color = ColorBy::none}));
  for (const char* id : {"tulo", "arvio", "jako", "ohjaus", "verkosto", "tyo", "valmis"})
    for (const char* attribute :
         {"shape", "style", "fillcolor", "color", "penwidth", "peripheries", "fontname", "fontsize", "margin", "label"}) {
      INFO(id << " " << attribute);
      CHECK(diff.node(id, attribute) == render.node(id, attribute));
    }
  for (const char* attribute : {"fontname", "fontsize", "rankdir", "nodesep", "ranksep"}) {
    INFO(attribute);
    CHECK(diff.graph(attribute) == render.graph(attribute));
  }
  // The lanes are render's role clusters, with render's title.
  CHECK(diff.cluster_of("tyo") == "cluster_sw");
  CHECK(diff.cluster("cluster_sw", "label") == render.cluster("cluster_sw", "label"));
  CHECK(diff.cluster("cluster_sw", "style") == render.cluster("cluster_sw", "style"));
}

TEST_CASE("One more person is marked on the role's lane in each language", "[render]") {
  std::string after = edited("fte=4;", "fte=5;");
  std::string fi = diff_of(kModel, after, Lang::fi);
  test::ParsedDot dot(fi);
  CHECK(dot.cluster("cluster_so", "color") == kChangedColor);
  CHECK(dot.cluster("cluster_sw", "color") == "#969696");  // unchanged: render's lane grey
  CHECK(fi.find("htv 4 → 5") != std::string::npos);
  CHECK(diff_of(kModel, after, Lang::sv).find("årsverken 4 → 5") != std::string::npos);
  CHECK(diff_of(kModel, after, Lang::en).find("FTE 4 → 5") != std::string::npos);
  // The steps did not change: none of them is marked.
  CHECK(dot.node("ohjaus", "color") == "#525252");  // render's default outline
  CHECK(count_occurrences(fi, kChangedColor) == 2);  // the lane's outline and the key's cell
}

TEST_CASE("Changed effort, probabilities, arrivals and staffing are written in the drawing's units", "[render]") {
  std::string after = edited("ohjaus [effort=\"1h\"", "ohjaus [effort=\"45min\"");
  after.replace(after.find("p=0.7"), 5, "p=0.8");
  after.replace(after.find("p=0.3"), 5, "p=0.2");
  after.replace(after.find("10/week"), 7, "12/week");
  after.replace(after.find("absence=0.1"), 11, "absence=0.15");
  after.replace(after.find("6h/week"), 7, "8h/week");
  std::string fi = diff_of(kModel, after, Lang::fi);
  test::ParsedDot dot(fi);
  // 1 h and 45 min as the step's own label writes effort (minutes below an hour).
  CHECK(dot.node("ohjaus", "color") == kChangedColor);
  CHECK(dot.node("ohjaus", "label").find("työmäärä 1 h → 45 min") != std::string::npos);
  // p of both branches of the assessment: 70 → 80 % and 30 → 20 % (a no-break space before %, as
  // every Finnish percentage).
  CHECK(dot.edge("arvio", "tyo", "label").find("p 30\u00A0% → 20\u00A0%") != std::string::npos);
  CHECK(dot.edge("arvio", "jako", "label").find("p 70\u00A0% → 80\u00A0%") != std::string::npos);
  CHECK(dot.edge("arvio", "tyo", "color") == kChangedColor);
  CHECK(dot.node("tulo", "label").find("uusia asiakkaita 10 → 12/vk") != std::string::npos);
  // absence 0.1 → 0.15 on the lane; the activity's 6 → 8 h on the step and in the role's other work.
  std::string lane = dot.cluster("cluster_so", "label");
  CHECK(lane.find("poissaolot 10\u00A0% → 15\u00A0%") != std::string::npos);
  CHECK(lane.find("muu työ 6 h → 8 h/vk") != std::string::npos);
  CHECK(dot.node("verkosto", "label").find("kuormitus 6 h → 8 h/vk") != std::string::npos);
  // Unchanged routes keep render's look.
  CHECK(dot.edge("jako", "ohjaus", "color") == "#636363");  // render's default line
}

TEST_CASE("The diff diagram names classes in words, never by their id", "[render]") {
  // The route for the class `special` and the outcome that sets it: render draws the route's own
  // words, and a changed outcome is said with the class's name in the language.
  std::string after = edited("outcome=special, ", "");
  for (Lang lang : {Lang::fi, Lang::sv, Lang::en}) {
    std::string dot = diff_of(kModel, after, lang);
    INFO(dot);
    CHECK(dot.find("[special]") == std::string::npos);
    // English says "special support", the class's name in words; the other languages have no
    // "special" at all.
    if (lang != Lang::en) CHECK(dot.find("special") == std::string::npos);
    CHECK(dot.find(say(lang, "arvion tulos erityinen tuki → –", "bedömningens utfall särskilt stöd → –",
                       "outcome special support → –")) != std::string::npos);
  }
}

TEST_CASE("Added steps and routes are green, removed ones red and dashed, in their lanes", "[render]") {
  std::string after = edited("jako -> ohjaus;", "jako -> neuvonta -> ohjaus; neuvonta [role=so, effort=\"30min\"];");
  after.replace(after.find("tyo -> valmis [when=special];"), 29, "tyo -> ohjaus [when=special];");
  std::string fi = diff_of(kModel, after, Lang::fi);
  test::ParsedDot dot(fi);
  CHECK(dot.node("neuvonta", "color") == kAddedColor);
  CHECK(dot.node("neuvonta", "label").find("lisätty") != std::string::npos);
  CHECK(dot.cluster_of("neuvonta") == "cluster_so");
  CHECK(dot.edge("jako", "neuvonta", "color") == kAddedColor);
  CHECK(dot.edge("tyo", "ohjaus", "color") == kAddedColor);
  // The removed routes jako → ohjaus and tyo → valmis, drawn between today's steps.
  CHECK(dot.edge("jako", "ohjaus", "color") == kRemovedColor);
  CHECK(dot.edge("jako", "ohjaus", "style") == "dashed");
  CHECK(dot.edge("tyo", "valmis", "style") == "dashed");

  // The other way round the step is removed: red, dashed, still in its role's lane.
  test::ParsedDot back(diff_of(after, kModel, Lang::fi));
  CHECK(back.node("removed:neuvonta", "color") == kRemovedColor);
  CHECK(back.node("removed:neuvonta", "style") == "rounded,filled,dashed");
  CHECK(back.cluster_of("removed:neuvonta") == "cluster_so");
  CHECK(back.node("removed:neuvonta", "label").find("poistettu") != std::string::npos);
}

TEST_CASE("The diff diagram escapes the models' text and explains its marks in the key", "[render]") {
  Process before = test::load_model(kHostile);
  std::string text = kHostile;
  text.replace(text.find("exp(10h)"), 8, "exp(12h)");
  Process after = test::load_model(text);
  std::string dot = diff_dot(before, after, diff_structure(before, after), Lang::sv);
  test::ParsedDot parsed(dot);
  CHECK(dot.find("<script>") == std::string::npos);
  CHECK(parsed.node("tyo", "label").find("Työ &quot;A&quot; &amp; &lt;b&gt;") != std::string::npos);
  CHECK(parsed.node("tyo", "label").find("arbetstid 10 h → 12 h") != std::string::npos);
  std::string key = parsed.graph("label");
  CHECK(key.find("Ändringar:") != std::string::npos);
  for (const char* word : {"tillagt", "borttaget", "ändrat: före → efter"}) CHECK(key.find(word) != std::string::npos);
  // No check findings are drawn, so the key does not explain their red dashes.
  CHECK(key.find("kontrollfynd") == std::string::npos);
}
