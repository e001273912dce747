// Rules of check/structure.cpp: reachability, traps, loops, starts and ends, mandatory checkpoints,
// routes that clients never take.
#include <catch2/catch.hpp>

#include "check/check.h"
#include "support.h"

using namespace sujuva;

TEST_CASE("Steps that no client can get to are reported where the unreachable part begins", "[check]") {
  SECTION("a step with no route into it, and not the step after it") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    x [effort="1h"];
    y [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a -> out;
  x -> y -> out;
})");
    CHECK(test::lines_of(findings) ==
          std::vector<std::string>{
              "4: no route leads to step \"x\" and it is not a start (kind=start), so no client ever gets there"});
  }
  SECTION("a loop that no route leads into, with the loop as the route") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    x [effort="1h"];
    y [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a -> out;
  x -> y;
  y -> x [p=0.5];
  y -> out;
})");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].line == 4);
    CHECK(findings[0].message ==
          "steps \"x\", \"y\" form a loop that no route from a start leads into, so no client ever gets there");
    CHECK(findings[0].route == test::route({"x", "y", "x"}));
  }
}

TEST_CASE("Where clients get stuck is reported with the route that gets them there", "[check]") {
  SECTION("a dead end: a step with no route on that is not an end") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    b [label="Odotus", effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> out [p=0.9];
  a -> b;
})");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].format() ==
          "t.dot:4: step \"b\" (Odotus) is a dead end: no route leads on from it and it is not an end (kind=end)\n"
          "    route: in -> a -> b");
  }
  SECTION("a route with p=0 is no exit: analyze and simulate would refuse the model, so check does") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    t [effort="1h"];
  }
  s [kind=start, arrivals="5/week"];
  e [kind=end];
  s -> t;
  t -> t [p=1];
  t -> e [p=0];
})");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].format() ==
          "t.dot:3: step \"t\" leads only back to itself: clients who get there never reach an end\n"
          "    route: s -> t -> t");
    CHECK(findings[1].severity == Severity::warning);
    CHECK(findings[1].format() == "t.dot:6: warning: only routes with p=0 lead to step \"e\", so no client gets there");
  }
  SECTION("a loop with no exit names its steps; the route enters it and goes round once") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    b [effort="1h"];
    c [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> out [p=0.5];
  a -> b;
  b -> c;
  c -> b;
})");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].line == 4);
    CHECK(findings[0].message ==
          "steps \"b\", \"c\" form a loop with no exit: clients who get there never reach an end");
    CHECK(findings[0].route == test::route({"in", "a", "b", "c", "b"}));
  }
  SECTION("a rework loop with an exit is fine") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    b [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a -> b;
  b -> a [p=0.3];
  b -> out;
})");
    CHECK(test::lines_of(findings).empty());
  }
  SECTION("a model with no start and no end says so once, not once per step") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
  }
})");
    CHECK(test::lines_of(findings) ==
          std::vector<std::string>{"0: the process has no end step (kind=end), so no client ever leaves it",
                                   "0: the process has no start step (kind=start), so no client enters it"});
  }
}

TEST_CASE("Odd shapes: an empty process, a step that loops on itself", "[check]") {
  SECTION("an empty process") {
    CHECK(test::lines_of(test::check_model("digraph {}")) ==
          std::vector<std::string>{"0: the process has no end step (kind=end), so no client ever leaves it",
                                   "0: the process has no start step (kind=start), so no client enters it"});
  }
  SECTION("a step whose only route leads back to itself") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  in -> out;
  a -> a;
})");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].format() ==
          "t.dot:3: step \"a\" leads only back to itself: clients who get there never reach an end\n"
          "    route: in -> a -> a");
  }
  SECTION("a step that no start leads to and that leads back to itself") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> out;
  a -> a [p=0.5];
  a -> out;
})");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].format() ==
          "t.dot:3: step \"a\" has a route back to itself, but no route from a start leads to it, so no client ever "
          "gets there\n"
          "    route: a -> a");
  }
}

TEST_CASE("A mandatory checkpoint lies on every route from a start to an end", "[check]") {
  auto model = [](const std::string& mandatory, const std::string& second_start) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=2;
    arvio [kind=checkpoint, assesses=special, )" +
           mandatory + R"(, effort="1h"];
    neuvonta [effort="30min"];
    ohjaus [effort="1h"];
  }
  in [kind=start, arrivals="10/week"];
  out [kind=end];
  in -> arvio [p=0.7];
  in -> neuvonta;
  arvio -> ohjaus [p=0.2, outcome=special];
  arvio -> out;
  ohjaus -> out;
  )" + second_start +
           "\n}";
  };
  SECTION("a route that skips it is an error with the shortest such route") {
    auto findings = test::check_model(model("mandatory=true", "neuvonta -> out;"));
    CHECK(test::lines_of(findings) ==
          std::vector<std::string>{
              "3: checkpoint \"arvio\" is mandatory, but clients can reach an end without passing it"});
    CHECK(findings[0].route == test::route({"in", "neuvonta", "out"}));
  }
  SECTION("it holds when every route, from every start, passes it") {
    auto findings = test::check_model(
        model("mandatory=true", "neuvonta -> arvio;\n  in2 [kind=start, arrivals=\"1/week\"];\n  in2 -> arvio;"));
    CHECK(test::lines_of(findings).empty());
  }
  SECTION("a route from a step that no client reaches does not count as a way round it") {
    // Boost's short lengauer_tarjan_dominator_tree overload got this wrong (see check_mandatory).
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=2;
    arvio [kind=checkpoint, assesses=special, mandatory=true, effort="1h"];
    b [effort="1h"];
    x [effort="1h"];
  }
  in [kind=start, arrivals="10/week"];
  out [kind=end];
  in -> arvio;
  arvio -> b [p=0.2, outcome=special];
  arvio -> out;
  x -> b;
  b -> out;
})");
    CHECK(test::lines_of(findings) ==
          std::vector<std::string>{
              "5: no route leads to step \"x\" and it is not a start (kind=start), so no client ever gets there"});
  }
  SECTION("without a mandatory checkpoint, a route that escapes every assessment of the class is a warning") {
    auto findings = test::check_model(model("mandatory=false", "neuvonta -> out;"));
    CHECK(test::lines_of(findings) ==
          std::vector<std::string>{
              "0: warning: no mandatory checkpoint assesses \"special support\": clients can reach an end without any "
              "assessment of \"special support\" (checkpoints with assesses=\"special\": \"arvio\")"});
    CHECK(findings[0].route == test::route({"in", "neuvonta", "out"}));
  }
}

TEST_CASE("Routes that clients never take: out of an end, to or from an activity", "[check]") {
  auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    verkosto [kind=activity, load="2h/week"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a -> out;
  out -> a;
  a -> verkosto;
})");
  CHECK(test::lines_of(findings) ==
        std::vector<std::string>{"9: warning: route out -> a: clients leave the process at the end \"out\", so no "
                                 "client takes this route",
                                 "10: warning: route a -> verkosto: \"verkosto\" is an activity (work outside the "
                                 "client flow), so no client takes this route"});
}
