#include <catch2/catch.hpp>

#include "flow/analysis.h"
#include "support.h"

using namespace sujuva;
using Catch::Detail::Approx;

namespace {

// 10 clients a week start; the assessment sends 30 % to the checkpoint (which assesses 40 %
// of its clients as in need of special support) and 70 % to the work, which is redone with
// p = 0.25. Every step has spare capacity: the flows are the routing alone.
const char* kModel = R"dot(digraph t { hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="10/week"];
  subgraph cluster_w { role=w; fte=10;
    arvio [effort="1h"];
    chk [kind=checkpoint, assesses="special", effort="1h"];
    tyo [effort="1h"];
    tarkistus [effort="1h"];
  }
  out [kind=end];
  in -> arvio;
  arvio -> chk [p=0.3];
  arvio -> tyo [p=0.7];
  chk -> out [outcome="special", p=0.4];
  chk -> out2 [p=0.6];
  out2 [kind=end];
  tyo -> tarkistus;
  tarkistus -> tyo [p=0.25];
  tarkistus -> out [p=0.75];
})dot";

std::size_t index_of(const Analysis& a, const char* id) {
  const StepResult* step = a.find_step(id);
  REQUIRE(step != nullptr);
  return static_cast<std::size_t>(step - a.steps.data());
}

const RouteFlow& route(const Analysis& a, const char* from, const char* to) {
  const RouteFlow* r = a.find_route(index_of(a, from), index_of(a, to));
  INFO(from << " -> " << to);
  REQUIRE(r != nullptr);
  return *r;
}

}  // namespace

TEST_CASE("Each route carries its share of the clients who leave its step", "[flow]") {
  Analysis a = analyze(test::load_model(kModel));
  // 10 a week into the assessment, split 0.3 / 0.7: 3 and 7 a week.
  CHECK(route(a, "in", "arvio").clients_per_week == Approx(10));
  CHECK(*route(a, "in", "arvio").share == Approx(1));
  CHECK(route(a, "arvio", "chk").clients_per_week == Approx(3));
  CHECK(*route(a, "arvio", "chk").share == Approx(0.3));
  CHECK(route(a, "arvio", "tyo").clients_per_week == Approx(7));
  CHECK(*route(a, "arvio", "tyo").share == Approx(0.7));
}

TEST_CASE("A rework loop carries the clients again on every round", "[flow]") {
  Analysis a = analyze(test::load_model(kModel));
  // 7 a week enter the loop, a quarter go round again: the work sees 7 / (1 - 0.25) = 9.33 a
  // week, a quarter of them (2.33) come back and three quarters (7) leave.
  const double in_loop = 7 / (1 - 0.25);
  CHECK(route(a, "tyo", "tarkistus").clients_per_week == Approx(in_loop));
  CHECK(route(a, "tarkistus", "tyo").clients_per_week == Approx(in_loop * 0.25));
  CHECK(route(a, "tarkistus", "out").clients_per_week == Approx(7));
  CHECK(*route(a, "tarkistus", "tyo").share == Approx(0.25));
}

TEST_CASE("Routes no client takes have no flow", "[flow]") {
  Analysis a = analyze(test::load_model(kModel));
  CHECK(a.find_route(index_of(a, "in"), index_of(a, "tyo")) == nullptr);
  CHECK(a.find_route(index_of(a, "out"), index_of(a, "in")) == nullptr);
  // One entry per pair of steps, ordered by where they leave from and then where they go.
  for (std::size_t i = 1; i < a.routes.size(); ++i)
    CHECK(std::pair(a.routes[i - 1].from, a.routes[i - 1].to) < std::pair(a.routes[i].from, a.routes[i].to));
}

TEST_CASE("A checkpoint's assessed share is the flow on its routes that set the class", "[flow]") {
  Analysis a = analyze(test::load_model(kModel));
  // 3 a week reach the checkpoint and 40 % leave it as "special": 1.2 a week.
  const StepResult* chk = a.find_step("chk");
  REQUIRE(chk->assessed_per_week);
  CHECK(*chk->assessed_per_week == Approx(1.2));
  CHECK(*chk->assessed_share == Approx(0.4));
  CHECK_FALSE(a.find_step("arvio")->assessed_share);  // not a checkpoint
}
