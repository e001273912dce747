#include "render/diagram.h"

#include <catch2/catch.hpp>

#include "render/palette.h"
#include "render_test_support.h"

using namespace sujuva;
using sujuva::test::load_model;
using sujuva::test::ParsedDot;

namespace {
// Two roles (the social workers declared first, but clients meet the
// counsellors first), a checkpoint, a decision, an activity, start and end.
const char* kModel = R"(digraph t {
  label="Testiprosessi"; label_sv="Testprocess";
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijät"; label_sv="Socialarbetare"; fte=1; qualification="social-worker";
    tyo [label="Sosiaalityö", effort="3h"];
  }
  subgraph cluster_so { role=so; label="Ohjaajat"; fte=2.5; qualification="social-counsellor";
    arvio [kind=checkpoint, label="Arvio", label_sv="Bedömning", label_en="Assessment", assesses="special",
           requires="sw", mandatory=true, deadline="7wd", effort="2h"];
    rakenne [kind=activity, label="Rakenteellinen työ", load="4h/week"];
  }
  tulo [kind=start, label="Tulo", arrivals="10/week"];
  valinta [kind=decision, label="Kenelle?"];
  loppu [kind=end, label="Loppu"];
  tulo -> arvio;
  arvio -> valinta [p=0.3, outcome="special", label="tuen tarve"];
  arvio -> loppu [p=0.7];
  valinta -> tyo;
  tyo -> loppu;
})";
}  // namespace

TEST_CASE("The model is drawn as swimlanes with a shape for each kind of step", "[render]") {
  Process p = load_model(kModel);
  std::string dot = diagram_dot(p, {});
  ParsedDot d(dot);

  SECTION("every step is a node and every route an edge") {
    CHECK(d.nodes() == 6);
    CHECK(d.edges() == 5);
  }
  SECTION("roles are clusters holding their steps; steps without a role stay outside") {
    CHECK(d.cluster_of("tyo") == "cluster_sw");
    CHECK(d.cluster_of("arvio") == "cluster_so");
    CHECK(d.cluster_of("rakenne") == "cluster_so");
    CHECK(d.cluster_of("tulo").empty());
    CHECK(d.cluster_of("loppu").empty());
  }
  SECTION("lanes follow the flow: the counsellors, met first, come before the social workers") {
    CHECK(dot.find("subgraph \"cluster_so\"") < dot.find("subgraph \"cluster_sw\""));
    CHECK(lanes_in_flow_order(p) == std::vector<RoleIndex>{*p.find_role("so"), *p.find_role("sw")});
  }
  SECTION("start and end are ovals, the end doubled; decisions are diamonds; tasks rounded boxes") {
    CHECK(d.node("tulo", "shape") == "oval");
    CHECK(d.node("loppu", "shape") == "oval");
    CHECK(d.node("loppu", "peripheries") == "2");
    CHECK(d.node("valinta", "shape") == "diamond");
    CHECK(d.node("tyo", "shape") == "box");
    CHECK(d.node("tyo", "style") == "rounded,filled");
  }
  SECTION("a checkpoint is a blue hexagon with the special support badge, its deadline and 'mandatory'") {
    CHECK(d.node("arvio", "shape") == "hexagon");
    CHECK(d.node("arvio", "color") == "#08519c");
    CHECK(d.node("arvio", "penwidth") == "3");
    std::string label = d.node("arvio", "label");
    CHECK_THAT(label, Catch::Contains("erityisen tuen tarpeen arviointi"));
    CHECK_THAT(label, Catch::Contains("määräaika 7 työpäivää"));
    CHECK_THAT(label, Catch::Contains("pakollinen"));
  }
  SECTION("an activity is dashed and says it is outside the client flow") {
    CHECK(d.node("rakenne", "style") == "rounded,dashed,filled");
    CHECK_THAT(d.node("rakenne", "label"), Catch::Contains("asiakasvirran ulkopuolella"));
    CHECK_THAT(d.node("rakenne", "label"), Catch::Contains("4 h/vk"));
  }
  SECTION("the lane title has the role's FTE with a decimal comma") {
    CHECK_THAT(d.cluster("cluster_so", "label"), Catch::Contains("2,50 htv"));
    CHECK_THAT(d.cluster("cluster_sw", "label"), Catch::Contains("1 htv"));
  }
  SECTION("without analysis, routes show the model's probabilities and the arrivals show on the start") {
    // cgraph keeps DOT's "\n" line break escape as two characters
    CHECK(d.edge("arvio", "valinta", "label") == "tuen tarve\\n30\u00A0%");
    CHECK(d.edge("arvio", "valinta", "color") == "#08519c");  // it sets the client's class
    CHECK(d.edge("tyo", "loppu", "label").empty());           // p = 1 is not worth a label
    CHECK_THAT(d.node("tulo", "label"), Catch::Contains("10/vk"));
  }
}

TEST_CASE("Labels and fixed words follow --lang, falling back to the Finnish label", "[render]") {
  Process p = load_model(kModel);
  SECTION("Swedish") {
    ParsedDot d(diagram_dot(p, {.lang = Lang::sv}));
    CHECK_THAT(d.node("arvio", "label"), Catch::Contains("Bedömning"));
    CHECK_THAT(d.node("arvio", "label"), Catch::Contains("bedömning av behov av särskilt stöd"));
    CHECK_THAT(d.node("arvio", "label"), Catch::Contains("tidsfrist 7 arbetsdagar"));
    CHECK_THAT(d.node("tyo", "label"), Catch::Contains("Sosiaalityö"));  // no label_sv: Finnish
    CHECK_THAT(d.cluster("cluster_sw", "label"), Catch::Contains("Socialarbetare"));
    CHECK_THAT(d.cluster("cluster_so", "label"), Catch::Contains("2,50 årsverken"));
    CHECK_THAT(d.graph("label"), Catch::Contains("Testprocess"));
  }
  SECTION("English") {
    ParsedDot d(diagram_dot(p, {.lang = Lang::en}));
    CHECK_THAT(d.node("arvio", "label"), Catch::Contains("Assessment"));
    CHECK_THAT(d.node("arvio", "label"), Catch::Contains("special support assessment"));
    CHECK_THAT(d.node("arvio", "label"), Catch::Contains("deadline 7 working days"));
    CHECK_THAT(d.cluster("cluster_so", "label"), Catch::Contains("2.50 FTE"));
    CHECK(d.edge("arvio", "valinta", "label") == "tuen tarve\\n30%");
  }
}

TEST_CASE("Analysis figures colour the lanes and steps and size the routes", "[render]") {
  Process p = load_model(kModel);
  RoleIndex so = *p.find_role("so"), sw = *p.find_role("sw");
  DiagramFigures f;
  f.roles.resize(p.roles.size());
  f.roles[so].utilisation = 0.93;  // bin 90–95 %: YlOrRd colour 5 of 7, #fc4e2a
  f.roles[so].wait_weeks = 0.5;    // bin 1–3 working days (0.2–0.6 weeks): #fed976
  f.roles[sw].utilisation = 1.2;
  f.roles[sw].unstable = true;  // overloaded: darkest bin, #b10026
  f.roles[sw].bottleneck = true;
  auto v = [&](const char* id) { return *p.find_step(id); };
  f.route_flow[{v("tulo"), v("arvio")}] = {10, 1.0};
  f.route_flow[{v("arvio"), v("valinta")}] = {3, 0.3};
  f.route_flow[{v("arvio"), v("loppu")}] = {7, 0.7};
  f.route_flow[{v("valinta"), v("tyo")}] = {3, 1.0};
  f.route_flow[{v("tyo"), v("loppu")}] = {3, 1.0};
  f.step_arrivals.assign(boost::num_vertices(p.graph), std::nullopt);
  f.step_arrivals[v("arvio")] = 10;

  SECTION("by utilisation") {
    ParsedDot d(diagram_dot(p, {.color = ColorBy::utilisation}, &f));
    CHECK(d.node("arvio", "fillcolor") == "#fc4e2a");
    CHECK(d.node("tyo", "fillcolor") == "#b10026");
    CHECK(d.cluster("cluster_so", "fillcolor") == lighten("#fc4e2a", 0.55));
    CHECK_THAT(d.cluster("cluster_so", "label"), Catch::Contains("käyttöaste 93\u00A0%"));
    // 0.5 weeks x 5 working days a week = 2.5 working days ("tp")
    CHECK_THAT(d.cluster("cluster_so", "label"), Catch::Contains("odotus 2,5 tp"));
    CHECK_THAT(d.cluster("cluster_sw", "label"), Catch::Contains("jono kasvaa"));
    CHECK_THAT(d.node("tyo", "label"), Catch::Contains("#ffffff"));  // white text on dark red
    CHECK_THAT(d.graph("label"), Catch::Contains("Käyttöaste"));     // the legend
  }
  SECTION("by waiting time") {
    ParsedDot d(diagram_dot(p, {.color = ColorBy::wait}, &f));
    CHECK(d.node("arvio", "fillcolor") == "#fed976");
    CHECK(d.node("tyo", "fillcolor") == "#b10026");
    CHECK_THAT(d.graph("label"), Catch::Contains("Odotus käyntiä kohden"));
  }
  SECTION("no colour") {
    ParsedDot d(diagram_dot(p, {.color = ColorBy::none}, &f));
    CHECK(d.node("tyo", "fillcolor") == "#ffffff");
    CHECK(d.node("arvio", "fillcolor") == "#deebf7");
  }
  SECTION("the top bottleneck's lane has a thick red border and says so") {
    ParsedDot d(diagram_dot(p, {}, &f));
    CHECK(d.cluster("cluster_sw", "penwidth") == "4");
    CHECK(d.cluster("cluster_sw", "color") == "#b10026");
    CHECK_THAT(d.cluster("cluster_sw", "label"), Catch::Contains("PULLONKAULA"));
    CHECK(d.cluster("cluster_so", "penwidth") == "1");
  }
  SECTION("edge width grows with clients per week; labels give the share and the flow") {
    ParsedDot d(diagram_dot(p, {}, &f));
    // width = 1 + 7 * flow / max flow (10): 8 for 10/week, 3.1 for 3/week
    CHECK(d.edge("tulo", "arvio", "penwidth") == "8");
    CHECK(d.edge("arvio", "valinta", "penwidth") == "3.1");
    CHECK(d.edge("arvio", "valinta", "label") == "tuen tarve\\n30\u00A0% · 3,0/vk");
    CHECK(d.edge("arvio", "loppu", "label") == "70\u00A0% · 7,0/vk");
    CHECK_THAT(d.node("arvio", "label"), Catch::Contains("10/vk"));
  }
  SECTION("the poster drops the numbers on routes but keeps the route's own words") {
    ParsedDot d(diagram_dot(p, {.poster = true}, &f));
    CHECK(d.edge("arvio", "valinta", "label") == "tuen tarve");
    CHECK(d.edge("arvio", "loppu", "label").empty());
    CHECK(d.graph("size") == "16.04,11.19!");  // A3 landscape less a quarter inch on each side
    CHECK(d.graph("ratio") == "0.6976");       // 11.19 / 16.04
    CHECK(d.node("arvio", "fontsize") == "20");
  }
}

TEST_CASE("Findings of check are drawn on the diagram", "[render]") {
  Process p = load_model(kModel);
  int checkpoint_line = p.graph[*p.find_step("arvio")].line;
  Diagnostic bypass{
      Severity::error, "t.dot", checkpoint_line, "a route skips the mandatory checkpoint", {"tulo", "arvio", "loppu"},
      "mandatory-checkpoint", DiagnosticKind::service};
  SECTION("a broken rule's route is a red dashed path") {
    bypass.line = 0;
    ParsedDot d(diagram_dot(p, {}, nullptr, {bypass}));
    CHECK(d.edge("tulo", "arvio", "color") == "#d62728");
    CHECK(d.edge("tulo", "arvio", "style") == "dashed");
    CHECK(d.edge("arvio", "loppu", "style") == "dashed");
    CHECK(d.edge("tyo", "loppu", "style").empty());
  }
  SECTION("a mandatory checkpoint that a finding's route avoids is marked as skippable") {
    Diagnostic skip{
        Severity::error, "t.dot", checkpoint_line, "mandatory checkpoint can be skipped", {"tulo", "loppu"},
        "mandatory-checkpoint", DiagnosticKind::service};
    std::string dot = diagram_dot(p, {}, nullptr, {skip});
    ParsedDot d(dot);
    CHECK_THAT(d.node("arvio", "label"), Catch::Contains("voidaan ohittaa"));
    // the route has no edge in the model: drawn as an extra red dashed line that does not move the layout
    CHECK(d.edge("tulo", "loppu", "constraint") == "false");
    CHECK(d.edge("tulo", "loppu", "color") == "#d62728");
  }
  SECTION("an error in the model is drawn in orange dots, apart from the service's red dashes") {
    Diagnostic trap{Severity::error, "t.dot", 0, "a loop without exit", {"tulo", "arvio"}, "trap"};
    ParsedDot d(diagram_dot(p, {}, nullptr, {trap}));
    CHECK(d.edge("tulo", "arvio", "color") == "#e6550d");
    CHECK(d.edge("tulo", "arvio", "style") == "dotted");
    CHECK_THAT(d.graph("label"), Catch::Contains("virhe mallissa"));
    CHECK(d.graph("label").find("palvelu rikkoo sääntöä") == std::string::npos);
  }
  SECTION("the key explains each kind of finding only when the drawing shows one") {
    bypass.line = 0;
    CHECK_THAT(ParsedDot(diagram_dot(p, {}, nullptr, {bypass})).graph("label"),
               Catch::Contains("palvelu rikkoo sääntöä"));
    const std::string none = ParsedDot(diagram_dot(p, {})).graph("label");
    CHECK(none.find("palvelu rikkoo sääntöä") == std::string::npos);
    CHECK(none.find("virhe mallissa") == std::string::npos);
    CHECK(none.find("tarkistuksen löydös") == std::string::npos);
  }
  SECTION("warnings are not drawn") {
    bypass.severity = Severity::warning;
    ParsedDot d(diagram_dot(p, {}, nullptr, {bypass}));
    CHECK(d.edge("tulo", "arvio", "style").empty());
  }
}

TEST_CASE("User text cannot break out of the diagram", "[render]") {
  Process p = load_model(R"(digraph "x" {
    label="<script>alert(1)</script> & \"quoted\"";
    subgraph cluster_a { role=a; label="A </TD></TR></TABLE>>"; fte=1;
      "odd \"id\"" [label="<b>bold?</b>", effort="1h"]; }
    s [kind=start, arrivals="1/week"]; e [kind=end];
    s -> "odd \"id\"" [label="x\" -> y"]; "odd \"id\"" -> e;
  })");
  std::string dot = diagram_dot(p, {});
  CHECK(dot.find("<script>") == std::string::npos);
  CHECK(dot.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;") != std::string::npos);
  ParsedDot d(dot);  // still valid DOT, with the same nodes
  CHECK(d.nodes() == 3);
  CHECK_THAT(d.node("odd \"id\"", "label"), Catch::Contains("&lt;b&gt;bold?&lt;/b&gt;"));
  CHECK(d.edge("s", "odd \"id\"", "label") == "x\" -> y");
}
