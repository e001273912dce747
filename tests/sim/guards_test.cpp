#include "sim/guards.h"

#include <catch2/catch.hpp>

using namespace sujuva;

TEST_CASE("A guard names what stopped the replication, when and why", "[sim][guards]") {
  SimulationOptions options;
  options.max_queue = 20;
  options.max_visits = 500;
  SECTION("an unstable role: the queue's growth per week") {
    SimulationGuard g = sim::detail::unstable_guard("worker", 21, 4.2, options);
    CHECK(g.kind == "unstable");
    CHECK(g.role == "worker");
    CHECK(g.week == 4.2);
    CHECK(g.message ==
          "role \"worker\": the queue passed 20 clients by week 4.2 (about 5 more clients a week than it serves): "
          "the model is unstable");
  }
  SECTION("too many clients at once, in Finnish") {
    options.lang = Lang::fi;
    SimulationGuard g = sim::detail::wip_guard("intake", 3, options);
    CHECK(g.kind == "wip_limit");
    CHECK(g.step == "intake");
    CHECK(g.message.rfind("yli 80 asiakasta prosessissa yhtä aikaa viikkoon 3.0", 0) == 0);
  }
  SECTION("a client in a loop") {
    SimulationGuard g = sim::detail::visit_guard("review", 0.5, options);
    CHECK(g.kind == "visit_limit");
    CHECK(g.message ==
          "step \"review\": a client made more than 500 visits by week 0.5: a loop almost never lets clients out");
  }
}
