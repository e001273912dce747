#include "sim/engine.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "support.h"

using namespace sujuva;

namespace {

// 20 clients a week, each needing 1 hour of one worker's 40-hour week: utilisation 0.5.
const char* kOneStation =
    "digraph m { hours_per_fte=40; hours_per_day=8;\n"
    "  in [kind=start, arrivals=\"20/week\"];\n"
    "  subgraph cluster_team { role=team; fte=1; work [effort=\"1h\"]; }\n"
    "  out [kind=end];\n  in -> work -> out; }";

SimulationOptions for_weeks(double weeks, double warmup_weeks) {
  SimulationOptions options;
  options.weeks = weeks;
  options.warmup_weeks = warmup_weeks;
  return options;
}

// A model compiled for the engine, with the options and phases its replications refer to.
struct Engine {
  SimulationOptions options;
  std::vector<sim::Phase> phases;
  sim::Replication replication;
  Engine(const Process& process, SimulationOptions o)
      : options(std::move(o)), phases{{0, sim::compile(process, options)}}, replication(phases, options) {}
};

}  // namespace

TEST_CASE("A replication is determined by its seed and number, and keeps no state from the run before",
          "[sim][engine]") {
  Engine engine(test::load_model(kOneStation), for_weeks(50, 5));
  sim::ReplicationResult first = engine.replication.run(0);
  sim::ReplicationResult other = engine.replication.run(1);
  sim::ReplicationResult again = engine.replication.run(0);
  CHECK(first.events > 0);
  CHECK(again.events == first.events);
  CHECK(again.roles[0].utilisation == first.roles[0].utilisation);
  CHECK(again.classes.back().lead_time.p90 == first.classes.back().lead_time.p90);
  CHECK(other.events != first.events);
  CHECK_FALSE(first.guard);
}

TEST_CASE("A replication's figures follow the model: utilisation near demand over capacity", "[sim][engine]") {
  Engine engine(test::load_model(kOneStation), for_weeks(400, 10));
  sim::ReplicationResult r = engine.replication.run(0);
  // About 20 × 400 arrivals, each an arrival, an end of service and nothing else.
  CHECK(r.events == Approx(2 * 20 * 410).epsilon(0.05));
  CHECK(r.roles[0].utilisation == Approx(0.5).epsilon(0.05));
  CHECK(r.classes.back().throughput_per_week == Approx(20).epsilon(0.05));
  // M/D/1 (an effort of exactly 1 hour, mu = 40 a week) with rho = 0.5: Pollaczek-Khinchine's
  // wait rho / (2 mu (1 − rho)) = 0.5 / 40 weeks.
  CHECK(r.roles[0].wait.mean == Approx(0.0125).epsilon(0.15));
}

TEST_CASE("A replication stops at the first guard and says which", "[sim][engine]") {
  Process process = test::load_model(kOneStation);
  process.roles[0].fte = 0.4;  // 16 hours a week for 20 hours of work
  SimulationOptions options = for_weeks(100, 0);
  options.max_queue = 10;
  Engine engine(process, options);
  sim::ReplicationResult r = engine.replication.run(0);
  REQUIRE(r.guard);
  CHECK(r.guard->kind == "unstable");
  CHECK(r.guard->role == "team");
  CHECK(r.guard->week < 100);
}
