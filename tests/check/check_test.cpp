// Tests of `check_process` (each rule passing and failing on tiny models), the bundled models and
// the `sujuva check` command line.
#include "check/check.h"

#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "io/dot_reader.h"

using namespace sujuva;

namespace {

Process load(const std::string& text) {
  auto result = read_process_text(text, "t.dot");
  INFO((result.diagnostics.empty() ? std::string() : result.diagnostics.front().format()));
  REQUIRE(result.usable());
  return *result.process;
}

Diagnostics check(const std::string& text) { return check_process(load(text)); }

// "line: [warning: ]message" of every finding, to compare whole lists at once.
std::vector<std::string> lines_of(const Diagnostics& findings) {
  std::vector<std::string> out;
  for (const auto& d : findings)
    out.push_back(std::to_string(d.line) + ": " + (d.severity == Severity::warning ? "warning: " : "") + d.message);
  return out;
}

std::vector<std::string> route(std::initializer_list<const char*> ids) { return {ids.begin(), ids.end()}; }

// The one finding whose message contains `part`.
const Diagnostic& finding(const Diagnostics& findings, const std::string& part) {
  auto matches = std::count_if(findings.begin(), findings.end(),
                               [&](const Diagnostic& d) { return d.message.find(part) != std::string::npos; });
  INFO("looking for \"" << part << "\" in:\n"
                        << [&] {
                             std::string all;
                             for (const auto& d : findings) all += d.format() + "\n";
                             return all;
                           }());
  REQUIRE(matches == 1);
  return *std::find_if(findings.begin(), findings.end(),
                       [&](const Diagnostic& d) { return d.message.find(part) != std::string::npos; });
}

// A clean model: special clients found at "arvio" all go to the social worker.
const char* kClean = R"(digraph {
  subgraph cluster_so { role=so; label="Sosiaaliohjaaja"; fte=2; qualification="social-counsellor";
    arvio [label="Palvelutarpeen\narviointi", kind=checkpoint, assesses=special, requires=sw, effort="1h"];
    ohjaus [effort="1h"];
  }
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; fte=1; qualification="social-worker";
    tyo [effort="2h"];
  }
  in [kind=start, arrivals="10/week"];
  out [kind=end];
  in -> arvio;
  arvio -> tyo [p=0.2, outcome=special];
  arvio -> ohjaus;
  tyo -> out;
  ohjaus -> out;
})";

}  // namespace

TEST_CASE("A model in which every rule holds has no findings", "[check]") {
  CHECK(lines_of(check_process(load(kClean))).empty());
}

TEST_CASE("Steps that no client can get to are reported where the unreachable part begins", "[check]") {
  SECTION("a step with no route into it, and not the step after it") {
    auto findings = check(R"(digraph {
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
    CHECK(lines_of(findings) ==
          std::vector<std::string>{
              "4: no route leads to step \"x\" and it is not a start (kind=start), so no client ever gets there"});
  }
  SECTION("a loop that no route leads into, with the loop as the route") {
    auto findings = check(R"(digraph {
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
    CHECK(findings[0].route == route({"x", "y", "x"}));
  }
}

TEST_CASE("Where clients get stuck is reported with the route that gets them there", "[check]") {
  SECTION("a dead end: a step with no route on that is not an end") {
    auto findings = check(R"(digraph {
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
  SECTION("a loop with no exit names its steps; the route enters it and goes round once") {
    auto findings = check(R"(digraph {
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
    CHECK(findings[0].route == route({"in", "a", "b", "c", "b"}));
  }
  SECTION("a rework loop with an exit is fine") {
    auto findings = check(R"(digraph {
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
    CHECK(lines_of(findings).empty());
  }
  SECTION("a model with no start and no end says so once, not once per step") {
    auto findings = check(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
  }
})");
    CHECK(lines_of(findings) ==
          std::vector<std::string>{"0: the process has no end step (kind=end), so no client ever leaves it",
                                   "0: the process has no start step (kind=start), so no client enters it"});
  }
}

TEST_CASE("Odd shapes: an empty process, a step that loops on itself", "[check]") {
  SECTION("an empty process") {
    CHECK(lines_of(check("digraph {}")) ==
          std::vector<std::string>{"0: the process has no end step (kind=end), so no client ever leaves it",
                                   "0: the process has no start step (kind=start), so no client enters it"});
  }
  SECTION("a step whose only route leads back to itself") {
    auto findings = check(R"(digraph {
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
    auto findings = check(R"(digraph {
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

TEST_CASE("The probabilities of the routes out of a step add up to 1", "[check]") {
  auto model = [](const std::string& p1, const std::string& p2, const std::string& p3) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    b [effort="1h"];
    c [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> b [)" +
           p1 + R"(];
  a -> c [)" +
           p2 + R"(];
  a -> out [)" +
           p3 + R"(];
  b -> out;
  c -> out;
})";
  };
  SECTION("more than 1 is an error") {
    CHECK(lines_of(check(model("p=0.7", "p=0.5", ""))) ==
          std::vector<std::string>{"3: step \"a\": the routes have probabilities p that add up to 1.2, more than 1"});
  }
  SECTION("less than 1 when every route has p is an error") {
    CHECK(lines_of(check(model("p=0.6", "p=0.2", "p=0.1"))) ==
          std::vector<std::string>{"3: step \"a\": the routes have probabilities p that add up to 0.9, not 1 (leave "
                                   "out p on one route to give it the rest)"});
  }
  SECTION("routes without p that are left nothing are a warning") {
    CHECK(lines_of(check(model("p=0.6", "p=0.4", ""))) ==
          std::vector<std::string>{"3: warning: step \"a\": the routes with p already add up to 1, so the routes "
                                   "without p (to \"out\") get no clients"});
  }
  SECTION("rounding in decimal fractions is tolerated: 0.1 + 0.2 + 0.7 is 1.0000000000000002 in doubles") {
    CHECK(lines_of(check(model("p=0.1", "p=0.2", "p=0.7"))).empty());
  }
  SECTION("routes without p share the remainder") { CHECK(lines_of(check(model("p=0.5", "", ""))).empty()); }
}

TEST_CASE("Routing is checked per client class", "[check]") {
  // Special clients reach "jako" from the checkpoint, standard clients through "ohjaus".
  auto model = [](const std::string& special_route, const std::string& standard_route) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    arvio [kind=checkpoint, assesses=special, effort="1h"];
    ohjaus [effort="1h"];
    tyo [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  jako [kind=decision];
  out [kind=end];
  in -> arvio;
  arvio -> jako [p=0.2, outcome=special];
  arvio -> ohjaus;
  ohjaus -> jako;
  tyo -> out;
  )" + special_route +
           "\n  " + standard_route + "\n}";
  };
  SECTION("each class with routes adding up to 1 is fine") {
    CHECK(lines_of(check(model("jako -> tyo [when=special];", "jako -> out [when=standard];"))).empty());
  }
  SECTION("the sum is checked for each class separately") {
    CHECK(lines_of(check(model("jako -> tyo [when=special, p=0.5];", "jako -> out [when=standard];"))) ==
          std::vector<std::string>{"8: step \"jako\": the routes for class \"special\" have probabilities p that add "
                                   "up to 0.5, not 1 (leave out p on one route to give it the rest)"});
  }
  SECTION("a class that arrives but has no route on is an error with the route of that class") {
    auto findings = check(model("jako -> tyo [when=special];", ""));
    const auto& f = finding(findings, "no route out of it is for them");
    CHECK(f.line == 8);
    CHECK(f.message ==
          "clients of class \"standard\" reach step \"jako\", but no route out of it is for them (every route has "
          "when= for another class)");
    CHECK(f.route == route({"in", "arvio", "ohjaus", "jako"}));
  }
}

TEST_CASE("A when= class must be able to arrive from an upstream checkpoint", "[check]") {
  auto findings = check(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    arvio [kind=checkpoint, assesses=special, effort="1h"];
    b [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> arvio;
  a -> out [when=special];
  arvio -> b [p=0.3, outcome=special];
  arvio -> out;
  b -> out;
})");
  CHECK(lines_of(findings) ==
        std::vector<std::string>{
            "0: warning: no mandatory checkpoint assesses \"special\": clients can reach an end "
            "without any assessment of \"special\" (checkpoints with assesses=\"special\": \"arvio\")",
            "11: route a -> out: when=\"special\", but no client of class \"special\" ever "
            "reaches \"a\" (no checkpoint before it sets outcome=\"special\")"});
}

TEST_CASE("An outcome on a route that does not leave a checkpoint is a warning", "[check]") {
  auto findings = check(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    b [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> b [outcome=special];
  b -> out;
})");
  CHECK(lines_of(findings) ==
        std::vector<std::string>{"9: warning: route a -> b: outcome=\"special\" is on a route out of a task step; "
                                 "only an assessment (kind=checkpoint) should set a client's class"});
}

TEST_CASE("Every step that takes staff time has a role with staff", "[check]") {
  SECTION("a role with fte 0 and a step with no role are errors; a pure wait needs nobody") {
    auto findings = check(R"(digraph {
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; fte=0;
    a [effort="1h"];
  }
  subgraph cluster_so { role=so; fte=1;
    odotus [delay="2w"];
  }
  b [effort="1h"];
  c [delay="1w"];
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a -> b -> c -> odotus -> out;
})");
    CHECK(lines_of(findings) ==
          std::vector<std::string>{
              "2: role \"sw\" (Sosiaalityöntekijä) has fte 0 but performs step \"a\", so that work is never done",
              "8: step \"b\": no role performs this step (put it in a role's cluster or set role=...)"});
  }
  SECTION("an activity with load needs a role too") {
    auto findings = check(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
  }
  rakenteellinen [kind=activity, load="4h/week"];
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a -> out;
})");
    CHECK(lines_of(findings) ==
          std::vector<std::string>{
              "5: step \"rakenteellinen\": no role performs this step (put it in a role's cluster or set role=...)"});
  }
}

TEST_CASE("Clients arrive at some start", "[check]") {
  SECTION("no arrivals at all is an error") {
    auto findings = check(R"(digraph {
  subgraph cluster_so { role=so; fte=1; a [effort="1h"]; }
  in [kind=start];
  out [kind=end];
  in -> a -> out;
})");
    CHECK(lines_of(findings) == std::vector<std::string>{"3: no clients arrive: every start step has no arrivals "
                                                         "(set e.g. arrivals=\"40/week\" on \"in\")"});
  }
  SECTION("one start without arrivals beside one with them is a warning") {
    auto findings = check(R"(digraph {
  subgraph cluster_so { role=so; fte=1; a [effort="1h"]; }
  in [kind=start, arrivals="2/wd"];
  in2 [kind=start];
  out [kind=end];
  in -> a -> out;
  in2 -> a;
})");
    CHECK(lines_of(findings) == std::vector<std::string>{"4: warning: start step \"in2\" has no arrivals, so no "
                                                         "client enters the process there"});
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
    auto findings = check(model("mandatory=true", "neuvonta -> out;"));
    CHECK(lines_of(findings) ==
          std::vector<std::string>{
              "3: checkpoint \"arvio\" is mandatory, but clients can reach an end without passing it"});
    CHECK(findings[0].route == route({"in", "neuvonta", "out"}));
  }
  SECTION("it holds when every route, from every start, passes it") {
    auto findings =
        check(model("mandatory=true", "neuvonta -> arvio;\n  in2 [kind=start, arrivals=\"1/week\"];\n  in2 -> arvio;"));
    CHECK(lines_of(findings).empty());
  }
  SECTION("a route from a step that no client reaches does not count as a way round it") {
    // Boost's short lengauer_tarjan_dominator_tree overload got this wrong (see check_mandatory).
    auto findings = check(R"(digraph {
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
    CHECK(lines_of(findings) ==
          std::vector<std::string>{
              "5: no route leads to step \"x\" and it is not a start (kind=start), so no client ever gets there"});
  }
  SECTION("without a mandatory checkpoint, a route that escapes every assessment of the class is a warning") {
    auto findings = check(model("mandatory=false", "neuvonta -> out;"));
    CHECK(lines_of(findings) ==
          std::vector<std::string>{
              "0: warning: no mandatory checkpoint assesses \"special\": clients can reach an end without any "
              "assessment of \"special\" (checkpoints with assesses=\"special\": \"arvio\")"});
    CHECK(findings[0].route == route({"in", "neuvonta", "out"}));
  }
}

TEST_CASE("Clients assessed into a class reach a step of the required role before they leave", "[check]") {
  auto model = [](const std::string& requires_value, const std::string& no_room_route) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=2; qualification="social-counsellor";
    arvio [label="Palvelutarpeen\narviointi", kind=checkpoint, assesses=special, requires=")" +
           requires_value + R"(", effort="1h"];
    ohjaus [effort="1h"];
  }
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; fte=1; qualification="social-worker";
    tyo [effort="2h"];
  }
  subgraph cluster_vk { role=vk; fte=1; qualification="social-worker";
    vastaava [effort="2h"];
  }
  in [kind=start, arrivals="10/week"];
  siirto [kind=decision];
  out [kind=end];
  in -> arvio;
  arvio -> siirto [p=0.2, outcome=special];
  arvio -> ohjaus;
  siirto -> tyo;
  siirto -> vastaava;
  )" + no_room_route +
           R"(
  tyo -> out;
  vastaava -> out;
  ohjaus -> out;
})";
  };
  const std::string law =
      " (Social Welfare Act s. 42: a client in need of special support has a social worker as named worker)";
  SECTION("a route that avoids the role is an error with that route; another social worker's role is not it") {
    auto findings = check(model("sw", ""));
    const auto& f = finding(findings, "can reach an end");
    CHECK(f.line == 3);
    CHECK(f.message ==
          "clients assessed \"special\" at checkpoint \"arvio\" (Palvelutarpeen arviointi) can reach an end without "
          "a step by role \"sw\" (Sosiaalityöntekijä)" +
              law);
    CHECK(f.route == route({"arvio", "siirto", "vastaava", "out"}));
  }
  SECTION("a qualification is met by any role that has it") {
    CHECK(lines_of(check(model("social-worker", ""))).empty());
    auto findings = check(model("social-worker", "siirto -> ohjaus;"));
    const auto& f = finding(findings, "can reach an end");
    CHECK(f.message ==
          "clients assessed \"special\" at checkpoint \"arvio\" (Palvelutarpeen arviointi) can reach an end without "
          "a step by a role with qualification \"social-worker\" (\"sw\", \"vk\")" +
              law);
    CHECK(f.route == route({"arvio", "siirto", "ohjaus", "out"}));
  }
  SECTION("a requirement that names nothing in the model is an error with a suggestion") {
    auto findings = check(model("social-wroker", ""));
    CHECK(lines_of(findings) ==
          std::vector<std::string>{"3: checkpoint \"arvio\" (Palvelutarpeen arviointi): requires=\"social-wroker\" "
                                   "names no role and no qualification in this model (did you mean "
                                   "\"social-worker\"?)"});
  }
}

TEST_CASE("A later re-assessment out of the class lifts the requirement", "[check]") {
  auto model = [](const std::string& uusi_kind) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=2;
    arvio [kind=checkpoint, assesses=special, requires=sw, effort="1h"];
    uusi [kind=)" +
           uusi_kind +
           R"(, effort="1h"];
    ohjaus [effort="1h"];
  }
  subgraph cluster_sw { role=sw; fte=1;
    tyo [effort="2h"];
  }
  in [kind=start, arrivals="10/week"];
  out [kind=end];
  in -> arvio;
  arvio -> uusi [p=0.2, outcome=special];
  arvio -> ohjaus;
  uusi -> tyo [p=0.5, outcome=special];
  uusi -> ohjaus;
  tyo -> out;
  ohjaus -> out;
})";
  };
  // At a checkpoint, a route without outcome sets the class back to standard (see `branches`).
  SECTION("re-assessed at a checkpoint") { CHECK(lines_of(check(model("checkpoint, assesses=special"))).empty()); }
  SECTION("passed on by a task, the client stays special and may miss the social worker") {
    auto findings = check(model("task"));
    CHECK(finding(findings, "can reach an end").route == route({"arvio", "uusi", "ohjaus", "out"}));
  }
}

TEST_CASE("requires without assesses cannot be checked and says so", "[check]") {
  auto findings = check(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    arvio [kind=checkpoint, requires=so, effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> arvio -> out;
})");
  CHECK(lines_of(findings) ==
        std::vector<std::string>{"3: warning: checkpoint \"arvio\": requires=\"so\" is not checked, because the "
                                 "checkpoint has no assesses= naming the clients it applies to"});
}

TEST_CASE("Hints: steps that take no time, idle roles, decisions with one exit, assessments that find nothing",
          "[check]") {
  auto findings = check(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a;
    arvio [kind=checkpoint, assesses=special, effort="1h"];
  }
  subgraph cluster_tyhja { role=tyhja; label="Tyhjä"; fte=1; }
  in [kind=start, arrivals="1/week"];
  jako [kind=decision];
  out [kind=end];
  in -> a -> jako -> arvio -> out;
})");
  // Sorted by line, then message.
  CHECK(lines_of(findings) ==
        std::vector<std::string>{
            "3: warning: step \"a\" has no effort and no delay, so it takes no time (set effort=... or delay=...)",
            "4: warning: checkpoint \"arvio\" assesses \"special\", but none of its routes sets outcome=\"special\", "
            "so no client is ever found to be \"special\"",
            "6: warning: role \"tyhja\" (Tyhjä) performs no step",
            "8: warning: decision \"jako\" has only one route out, so it decides nothing (add the other routes, or "
            "make it a task)"});
  CHECK_FALSE(has_errors(findings));
}

TEST_CASE("Routes that clients never take: out of an end, to or from an activity", "[check]") {
  auto findings = check(R"(digraph {
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
  CHECK(lines_of(findings) ==
        std::vector<std::string>{"9: warning: route out -> a: clients leave the process at the end \"out\", so no "
                                 "client takes this route",
                                 "10: warning: route a -> verkosto: \"verkosto\" is an activity (work outside the "
                                 "client flow), so no client takes this route"});
}

// --- bundled models -------------------------------------------------------------------------

namespace {

Process bundled(const std::string& name) {
  std::string path = std::string(SUJUVA_SOURCE_DIR) + "/processes/" + name;
  INFO("bundled model " << path << " must exist");
  REQUIRE(std::filesystem::exists(path));
  auto result = read_process_file(path);
  INFO((result.diagnostics.empty() ? std::string() : result.diagnostics.front().format()));
  REQUIRE(result.usable());
  return *result.process;
}

// Checks a `requires` finding's route independently of the checker: every hop is a route of the
// model, the route ends at an end step, and no step after the checkpoint is by a role with
// the qualification.
void require_bypass_route(const Process& p, const Diagnostic& d, const std::string& qualification) {
  INFO(d.format());
  REQUIRE(d.route.size() >= 2);
  for (size_t i = 0; i + 1 < d.route.size(); ++i) {
    auto from = p.find_step(d.route[i]), to = p.find_step(d.route[i + 1]);
    REQUIRE(from);
    REQUIRE(to);
    CHECK(boost::edge(*from, *to, p.graph).second);
  }
  CHECK(p.graph[*p.find_step(d.route.back())].kind == StepKind::end);
  for (size_t i = 1; i < d.route.size(); ++i) {
    const Step& step = p.graph[*p.find_step(d.route[i])];
    CHECK((!step.role || p.roles[*step.role].qualification != qualification));
  }
}

int requires_errors(const Process& p, const Diagnostics& findings, const std::string& qualification) {
  int count = 0;
  for (const auto& d : findings)
    if (d.severity == Severity::error && d.message.find("can reach an end without a step by") != std::string::npos) {
      require_bypass_route(p, d, qualification);
      ++count;
    }
  return count;
}

}  // namespace

// A deadline no client can meet: at least 2 weeks of waiting for documents (a constant delay)
// and 1 h of effort (1/40 week at 40 h a week) before the assessment, whose deadline is 7
// working days = 7 / 5 weeks = 1.4 weeks. The quickest route takes 2.025 weeks.
const char* kLateDeadline = R"dot(digraph dl { hours_per_fte=40; hours_per_day=8;
  subgraph cluster_r { role=r; fte=2;
    liitteet [effort="1h", delay="2w"];
    arvio [kind=checkpoint, deadline="7wd", effort="tri(1h, 2h, 4h)"];
    nopea [effort="exp(1h)", delay="uniform(1d, 3d)"];
  }
  in [kind=start, arrivals="5/week"]; out [kind=end];
  in -> liitteet; liitteet -> arvio; arvio -> nopea; nopea -> out; })dot";

TEST_CASE("A deadline that even the quickest route cannot meet is an error", "[check]") {
  SECTION("constant waits before the step add up to more than its deadline") {
    auto findings = check(kLateDeadline);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "deadline-unreachable");
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].line == 4);
    CHECK(findings[0].message ==
          "step \"arvio\" has a deadline of 1.4 weeks, but even the quickest route there takes at least 2.0 weeks: no "
          "client can make it");
    CHECK(findings[0].route == route({"in", "liitteet", "arvio"}));
  }
  SECTION("a wait that can be short (from 0 days) leaves the deadline possible") {
    std::string text = kLateDeadline;
    const std::string wait = "delay=\"2w\"";
    text.replace(text.find(wait), wait.size(), "delay=\"tri(0d, 3w, 5w)\"");
    CHECK(check(text).empty());
  }
  SECTION("exactly as long as the deadline is still possible: 1 w of delay, no effort, deadline 1 w") {
    std::string text = kLateDeadline;
    const std::string stay = "effort=\"1h\", delay=\"2w\"", deadline = "deadline=\"7wd\"";
    text.replace(text.find(stay), stay.size(), "delay=\"7d\"");
    text.replace(text.find(deadline), deadline.size(), "deadline=\"1w\"");
    CHECK(check(text).empty());
  }
}

TEST_CASE("The bundled current-state models show the bypass of the social worker", "[check]") {
  SECTION("adult social work: a counsellor's assessment lets special clients end without a social worker") {
    auto p = bundled("aikuissosiaalityo-nykytila.dot");
    auto findings = check_process(p);
    CHECK(requires_errors(p, findings, "social-worker") >= 1);
  }
  SECTION("curator services: special students can end without the responsible curator") {
    auto p = bundled("kuraattoripalvelut-nykytila.dot");
    auto findings = check_process(p);
    CHECK(requires_errors(p, findings, "social-worker") >= 1);
  }
}

TEST_CASE("The bundled target models have no errors", "[check]") {
  for (const char* name : {"aikuissosiaalityo-tavoite.dot", "kuraattoripalvelut-tavoite.dot"}) {
    SECTION(name) {
      auto findings = check_process(bundled(name));
      std::string all;
      for (const auto& d : findings) all += d.format() + "\n";
      INFO(all);
      CHECK_FALSE(has_errors(findings));
    }
  }
}

// --- command line ---------------------------------------------------------------------------

namespace {

struct Run {
  int exit_code;
  std::string output;
};

// One directory per test run, removed when the tests end.
std::filesystem::path temp_dir() {
  struct Directory {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("sujuva-check-test-" + std::to_string(::getpid()));
    Directory() { std::filesystem::create_directories(path); }
    ~Directory() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static Directory directory;
  return directory.path;
}

std::string write_model(const std::string& name, const std::string& text) {
  auto path = temp_dir() / name;
  std::ofstream(path) << text;
  return path.string();
}

Run run_cli(const std::string& arguments) {
  auto out = temp_dir() / "out.txt";
  int status = std::system((std::string(SUJUVA_BINARY) + " " + arguments + " >" + out.string() + " 2>&1").c_str());
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

const char* kBroken = R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  in -> out [p=0.5];
})";

}  // namespace

TEST_CASE("sujuva check exits 0 without errors, 1 with errors, 2 on unusable input or usage", "[check]") {
  std::string clean = write_model("clean.dot", kClean);
  std::string broken = write_model("broken.dot", kBroken);
  SECTION("clean") {
    auto run = run_cli("check " + clean);
    CHECK(run.exit_code == 0);
    CHECK(run.output == clean + ": ok, 0 warnings\n");
  }
  SECTION("errors") {
    auto run = run_cli("check " + clean + " " + broken);
    CHECK(run.exit_code == 1);
    CHECK(run.output == clean + ": ok, 0 warnings\n" + broken +
                            ":3: step \"a\" is a dead end: no route leads on from it and it is not an end "
                            "(kind=end)\n    route: in -> a\n" +
                            broken + ": 1 error, 0 warnings\n");
  }
  SECTION("a missing file") {
    auto run = run_cli("check " + (temp_dir() / "missing.dot").string());
    CHECK(run.exit_code == 2);
  }
  SECTION("no model named") { CHECK(run_cli("check").exit_code == 2); }
}

TEST_CASE("sujuva check --json prints the findings as JSON", "[check]") {
  std::string broken = write_model("broken.dot", kBroken);
  auto run = run_cli("check --json " + broken);
  CHECK(run.exit_code == 1);
  auto report = nlohmann::json::parse(run.output);
  REQUIRE(report.size() == 1);
  CHECK(report[0]["errors"] == 1);
  CHECK(report[0]["usable"] == true);
  const auto& f = report[0]["findings"].at(0);
  CHECK(f["severity"] == "error");
  CHECK(f["line"] == 3);
  CHECK(f["route"] == nlohmann::json::array({"in", "a"}));
}

// --- findings in Finnish and Swedish --------------------------------------------------------

namespace {

// Two rules broken at the mandatory assessment "arvio" (line 3): "neuvonta" leads past it to
// the end, and clients assessed "special" can go on through "siirto -> ohjaus" to the end
// without the social worker's step "tyo" (Social Welfare Act s. 42).
const char* kBilingual = R"(digraph {
  subgraph cluster_so { role=so; label="Sosiaaliohjaaja"; label_sv="Socialhandledare"; fte=2; qualification="social-counsellor";
    arvio [label="Palvelutarpeen arviointi", label_sv="Bedömning av servicebehov", kind=checkpoint, assesses=special, requires=sw, mandatory=true, effort="1h"];
    ohjaus [label="Ohjaus", label_sv="Handledning", effort="1h"];
    neuvonta [effort="30min"];
  }
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; label_sv="Socialarbetare"; fte=1; qualification="social-worker";
    tyo [effort="2h"];
  }
  in [kind=start, arrivals="10/week"];
  siirto [kind=decision];
  out [kind=end];
  in -> arvio [p=0.7];
  in -> neuvonta;
  neuvonta -> out;
  arvio -> siirto [p=0.2, outcome=special];
  arvio -> ohjaus;
  siirto -> tyo;
  siirto -> ohjaus;
  tyo -> out;
  ohjaus -> out;
})";

}  // namespace

TEST_CASE("The findings are written in Finnish or Swedish, with the labels in that language", "[check]") {
  Process process = load(kBilingual);
  SECTION("Finnish: the mandatory checkpoint and the s. 42 social worker") {
    auto findings = check_process(process, Lang::fi);
    const auto& mandatory = finding(findings, "on pakollinen");
    CHECK(mandatory.line == 3);
    CHECK(mandatory.message ==
          "tarkistuspiste \"arvio\" (Palvelutarpeen arviointi) on pakollinen, mutta asiakkaat voivat päästä loppuun "
          "kulkematta sen kautta");
    CHECK(mandatory.route == route({"in", "neuvonta", "out"}));
    const auto& law = finding(findings, "42 §");
    CHECK(law.line == 3);
    CHECK(law.message ==
          "tarkistuspisteessä \"arvio\" (Palvelutarpeen arviointi) luokkaan \"special\" arvioidut asiakkaat voivat "
          "päästä loppuun ilman vaihetta, jonka tekee rooli \"sw\" (Sosiaalityöntekijä) (sosiaalihuoltolaki 42 §: "
          "asiakkaan, jolla on erityisen tuen tarve, omatyöntekijä on sosiaalityöntekijä)");
    CHECK(law.route == route({"arvio", "siirto", "ohjaus", "out"}));
  }
  SECTION("Swedish: the same findings, with the Swedish labels") {
    auto findings = check_process(process, Lang::sv);
    CHECK(finding(findings, "obligatorisk").message ==
          "kontrollpunkten \"arvio\" (Bedömning av servicebehov) är obligatorisk, men klienter kan nå ett slut utan "
          "att passera den");
    CHECK(finding(findings, "42 §").message ==
          "klienter som bedömts som \"special\" vid kontrollpunkten \"arvio\" (Bedömning av servicebehov) kan nå ett "
          "slut utan ett steg som utförs av rollen \"sw\" (Socialarbetare) (socialvårdslagen 42 §: en klient med "
          "behov av särskilt stöd har en socialarbetare som egen kontaktperson)");
  }
  SECTION("the same findings, at the same lines and with the same routes, in every language") {
    auto en = check_process(process), fi = check_process(process, Lang::fi), sv = check_process(process, Lang::sv);
    REQUIRE(fi.size() == en.size());
    REQUIRE(sv.size() == en.size());
    auto where = [](const Diagnostics& findings) {
      std::vector<std::tuple<int, Severity, std::vector<std::string>>> out;
      for (const auto& d : findings) out.emplace_back(d.line, d.severity, d.route);
      std::sort(out.begin(), out.end());
      return out;
    };
    CHECK(where(fi) == where(en));
    CHECK(where(sv) == where(en));
    CHECK(finding(en, "is mandatory").message ==
          "checkpoint \"arvio\" (Palvelutarpeen arviointi) is mandatory, but clients can reach an end without passing "
          "it");
  }
  SECTION("numbers in Finnish and Swedish have a decimal comma") {
    // 0.7 + 0.5 = 1.2 on the routes out of "in".
    auto text = std::string(kBilingual);
    text.replace(text.find("in -> neuvonta;"), 15, "in -> neuvonta [p=0.5];");
    auto fi = check_process(load(text), Lang::fi);
    CHECK(finding(fi, "todennäköisyydet").message ==
          "vaihe \"in\": reittien todennäköisyydet p ovat yhteensä 1,2, enemmän kuin 1");
    auto sv = check_process(load(text), Lang::sv);
    CHECK(finding(sv, "sannolikheter").message ==
          "steget \"in\": rutterna har sannolikheter p som summerar till 1,2, mer än 1");
  }
}

TEST_CASE("sujuva check --lang prints the findings and the summary in that language", "[check]") {
  std::string broken = write_model("broken.dot", kBroken);
  SECTION("fi") {
    auto run = run_cli("check --lang fi " + broken);
    CHECK(run.exit_code == 1);
    CHECK(run.output == broken +
                            ":3: vaihe \"a\" on umpikuja: siitä ei johda reittiä eteenpäin eikä se ole loppu "
                            "(kind=end)\n    reitti: in -> a\n" +
                            broken + ": 1 virhe, 0 varoitusta\n");
  }
  SECTION("sv") {
    auto run = run_cli("check --lang sv " + broken);
    CHECK(run.exit_code == 1);
    CHECK(run.output == broken +
                            ":3: steget \"a\" är en återvändsgränd: ingen rutt leder vidare från det och det är inget "
                            "slut (kind=end)\n    rutt: in -> a\n" +
                            broken + ": 1 fel, 0 varningar\n");
  }
  SECTION("an unknown language is a usage error") { CHECK(run_cli("check --lang de " + broken).exit_code == 2); }
}

TEST_CASE("The Finnish report shows the findings in Finnish, the Swedish report in Swedish", "[check][report]") {
  std::string model = write_model("bilingual.dot", kBilingual);
  auto report = [&](const std::string& lang) {
    auto dir = temp_dir() / ("report-" + lang);
    auto run = run_cli("report --lang " + lang + " -o " + dir.string() + " " + model);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    std::ifstream in(dir / "index.html");
    std::stringstream html;
    html << in.rdbuf();
    return html.str();
  };
  // The report escapes the quotes of the message as &quot;.
  std::string fi = report("fi");
  CHECK(fi.find("tarkistuspiste &quot;arvio&quot; (Palvelutarpeen arviointi) on pakollinen, mutta asiakkaat voivat "
                "päästä loppuun kulkematta sen kautta") != std::string::npos);
  CHECK(fi.find("sosiaalihuoltolaki 42 §") != std::string::npos);
  CHECK(fi.find("is mandatory") == std::string::npos);
  std::string sv = report("sv");
  CHECK(sv.find("kontrollpunkten &quot;arvio&quot; (Bedömning av servicebehov) är obligatorisk") != std::string::npos);
  CHECK(sv.find("socialvårdslagen 42 §") != std::string::npos);
}

TEST_CASE("Every rule's finding has Finnish and Swedish wording", "[check]") {
  // Between them these models break every rule of the checks (21 + 7 + 2 findings, the dead end
  // of kBroken, and a skipped mandatory checkpoint and a step nobody does); no Finnish or Swedish
  // message may fall back to English words.
  const std::vector<std::string> models = {R"(digraph {
  subgraph cluster_so { role=so; label="Ohjaaja"; label_sv="Handledare"; fte=0;
    arvio [kind=checkpoint, assesses=special, requires=sw, effort="1h"];
    arvio2 [kind=checkpoint, assesses=special, requires=swx, effort="1h"];
    arvio3 [kind=checkpoint, requires=so, effort="1h"];
    tyhja [label="Tyhjä", label_sv="Tom"];
    umpi [effort="1h"];
    kierto [effort="1h"];
    kierto2 [effort="1h"];
  }
  subgraph cluster_sw { role=sw; fte=1; qualification="social-worker"; }
  subgraph cluster_x { role=x; fte=1; palaveri [kind=activity, load="2h/week"]; }
  orpo [effort="1h", role=so];
  in [kind=start, arrivals="10/week"];
  in2 [kind=start];
  valinta [kind=decision];
  out [kind=end];
  in -> arvio [p=0.6];
  in -> arvio2 [p=0.6];
  in2 -> arvio3;
  arvio -> valinta [outcome=special];
  arvio2 -> out;
  arvio3 -> out [p=0.3];
  arvio3 -> tyhja [p=0.3];
  valinta -> out [outcome=special];
  tyhja -> umpi [p=1];
  tyhja -> out;
  out -> in;
  palaveri -> out;
  orpo -> out;
  umpi -> kierto;
  kierto -> kierto2;
  kierto2 -> kierto;
  valinta2 [kind=decision];
  in -> valinta2 [when=special];
  valinta2 -> out [when=special];
})",
                                           R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    arvio [kind=checkpoint, assesses=special, effort="1h"];
    ohjaus [effort="1h"];
    ympyra [effort="1h"];
    yksin [effort="1h"];
    a [effort="1h"];
    b [effort="1h"];
  }
  in [kind=start];
  valinta [kind=decision];
  out [kind=end];
  in -> arvio;
  arvio -> valinta [p=0.5, outcome=special];
  arvio -> ohjaus;
  valinta -> out [when=standard];
  valinta -> ympyra [when=standard];
  ohjaus -> out [p=0.5];
  ohjaus -> ympyra;
  ympyra -> ympyra;
  yksin -> yksin;
  yksin -> out;
  a -> b; b -> a; a -> out;
})", R"(digraph { subgraph cluster_r { role=r; fte=1; a [effort="1h"]; } })",
                                           kBroken,
                                           R"(digraph {
  subgraph cluster_so { role=so; fte=1; arvio [kind=checkpoint, mandatory=true, effort="1h"]; }
  orpo [effort="1h"];
  in [kind=start, arrivals="10/week"];
  out [kind=end];
  in -> arvio [p=0.5];
  in -> orpo;
  arvio -> out;
  orpo -> out;
})", kLateDeadline};
  const std::vector<size_t> counts = {21, 7, 2, 1, 2, 1};
  auto where = [](const Diagnostics& findings) {
    std::vector<std::tuple<int, Severity, std::vector<std::string>, std::string>> out;
    for (const auto& d : findings) out.emplace_back(d.line, d.severity, d.route, d.rule);
    std::sort(out.begin(), out.end());
    return out;
  };
  std::set<std::string> rules;
  for (size_t i = 0; i < models.size(); ++i) {
    Process process = load(models[i]);
    auto en = check_process(process);
    CHECK(en.size() == counts[i]);
    for (const auto& d : en) rules.insert(d.rule);
    for (Lang lang : {Lang::fi, Lang::sv}) {
      auto findings = check_process(process, lang);
      CHECK(where(findings) == where(en));
      for (const auto& d : findings) {
        INFO(d.format());
        for (const char* english : {"clients", " the ", "step ", "route ", "checkpoint ", "role ", " no ", " and "})
          CHECK(d.message.find(english) == std::string::npos);
      }
    }
  }
  // Every finding names its rule, the same in every language (compared in `where` above), and
  // these models reach every rule in the README's table "Rules" (written out here from it).
  const std::set<std::string> documented = {"unreachable-step",
                                            "unreachable-loop",
                                            "dead-end",
                                            "trap",
                                            "no-start",
                                            "no-end",
                                            "activity-route",
                                            "route-after-end",
                                            "mandatory-checkpoint",
                                            "class-never-assessed",
                                            "probabilities-over-one",
                                            "probabilities-not-one",
                                            "route-without-share",
                                            "class-without-route",
                                            "class-never-arrives",
                                            "outcome-outside-checkpoint",
                                            "requires-unknown",
                                            "requires-unchecked",
                                            "requires-skipped",
                                            "unstaffed-step",
                                            "idle-role",
                                            "unstaffed-role",
                                            "no-arrivals",
                                            "start-without-arrivals",
                                            "no-effort",
                                            "single-route-decision",
                                            "outcome-never-set",
                                            "deadline-unreachable"};
  CHECK(rules == documented);
}
