// Rules of check/staffing.cpp: roles with staff, arrivals and the hints.
#include <catch2/catch.hpp>

#include "check/check.h"
#include "support.h"

using namespace sujuva;

TEST_CASE("Every step that takes staff time has a role with staff", "[check]") {
  SECTION("a role with fte 0 and a step with no role are errors; a pure wait needs nobody") {
    auto findings = test::check_model(R"(digraph {
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
    CHECK(test::lines_of(findings) ==
          std::vector<std::string>{
              "2: role \"sw\" (Sosiaalityöntekijä) has fte 0 but performs step \"a\", so that work is never done",
              "8: step \"b\": no role performs this step (put it in a role's cluster or set role=...)"});
  }
  SECTION("an activity with load needs a role too") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
  }
  rakenteellinen [kind=activity, load="4h/week"];
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a -> out;
})");
    CHECK(test::lines_of(findings) ==
          std::vector<std::string>{
              "5: step \"rakenteellinen\": no role performs this step (put it in a role's cluster or set role=...)"});
  }
}

TEST_CASE("Clients arrive at some start", "[check]") {
  SECTION("no arrivals at all is an error") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1; a [effort="1h"]; }
  in [kind=start];
  out [kind=end];
  in -> a -> out;
})");
    CHECK(test::lines_of(findings) == std::vector<std::string>{"3: no clients arrive: every start step has no arrivals "
                                                               "(set e.g. arrivals=\"40/week\" on \"in\")"});
  }
  SECTION("one start without arrivals beside one with them is a warning") {
    auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1; a [effort="1h"]; }
  in [kind=start, arrivals="2/wd"];
  in2 [kind=start];
  out [kind=end];
  in -> a -> out;
  in2 -> a;
})");
    CHECK(test::lines_of(findings) == std::vector<std::string>{"4: warning: start step \"in2\" has no arrivals, so no "
                                                               "client enters the process there"});
  }
}

TEST_CASE("Hints: steps that take no time, idle roles, decisions with one exit, assessments that find nothing",
          "[check]") {
  auto findings = test::check_model(R"(digraph {
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
  CHECK(test::lines_of(findings) ==
        std::vector<std::string>{
            "3: warning: step \"a\" has no effort and no delay, so it takes no time (set effort=... or delay=...)",
            "4: warning: checkpoint \"arvio\" assesses \"special\", but none of its routes sets outcome=\"special\", "
            "so no client is ever found to be \"special\"",
            "6: warning: role \"tyhja\" (Tyhjä) performs no step",
            "8: warning: decision \"jako\" has only one route out, so it decides nothing (add the other routes, or "
            "make it a task)"});
  CHECK_FALSE(has_errors(findings));
}
