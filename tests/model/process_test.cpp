#include "model/process.h"

#include <catch2/catch.hpp>

using namespace sujuva;

namespace {

// Two roles; "team" has two activity steps (6 h and 4.62 h a week) and a task, "night" one
// activity step heavier than its capacity.
Process two_roles() {
  Process p;
  p.roles.push_back(Role{"team", {}, 3, 0.1, 0.2, "", 1});
  p.roles.push_back(Role{"night", {}, 0.5, 0, 0, "", 2});
  auto add = [&](StepKind kind, RoleIndex role, double load) {
    Step s;
    s.id = "s" + std::to_string(boost::num_vertices(p.graph));
    s.kind = kind;
    s.role = role;
    s.load_hours_per_week = load;
    boost::add_vertex(s, p.graph);
  };
  add(StepKind::activity, 0, 6);
  add(StepKind::task, 0, 99);  // a task's load field does not count
  add(StepKind::activity, 0, 4.62);
  add(StepKind::activity, 1, 30);
  return p;
}

}  // namespace

TEST_CASE("A role's capacity is fte x hours per fte x (1 - absence) x (1 - reserved)", "[model][process]") {
  const Process p = two_roles();
  // 3 × 38.25 = 114.75 hours; × 0.9 present = 103.275; × 0.8 not reserved = 82.62.
  CHECK(p.roles[0].capacity_hours(p.calendar) == Approx(82.62));
  CHECK(p.roles[1].capacity_hours(p.calendar) == Approx(19.125));  // 0.5 × 38.25
}

TEST_CASE("The client flow gets a role's capacity less the load of its activity steps", "[model][process]") {
  const Process p = two_roles();
  SECTION("activity load per role sums its activity steps only") {
    auto activity = activity_hours(p);
    REQUIRE(activity.size() == 2);
    CHECK(activity[0] == Approx(10.62));  // 6 + 4.62
    CHECK(activity[1] == Approx(30));
  }
  SECTION("82.62 - 10.62 = 72 hours for the team; the night role's 30 h of activity leave it none") {
    auto flow = flow_capacity_hours(p);
    REQUIRE(flow.size() == 2);
    CHECK(flow[0] == Approx(72.0));
    CHECK(flow[1] == 0);  // 19.125 - 30 is below zero
  }
  SECTION("one role with a given activity load, as the sensitivity cases use it") {
    CHECK(p.roles[0].flow_capacity_hours(p.calendar, 20) == Approx(62.62));
    CHECK(flow_capacity(10, 12.5) == 0);
    CHECK(flow_capacity(10, 2.5) == 7.5);
  }
}
