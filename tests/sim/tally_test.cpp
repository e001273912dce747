#include "sim/tally.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace sujuva;
using sim::detail::EngineClock;
using sim::detail::Staff;
using sim::detail::Tally;

namespace {

// One role of one full-time worker (38.25 h a week) and one deadline of 2 weeks.
sim::CompiledModel one_role() {
  sim::CompiledModel model;
  sim::CompiledRole role;
  role.id = "worker";
  role.capacity_hours = 38.25;
  model.roles.push_back(role);
  model.deadlines.push_back({0, 2});
  return model;
}

SimulationOptions ten_weeks() {
  SimulationOptions o;
  o.warmup_weeks = 0;
  o.weeks = 10;
  return o;
}

}  // namespace

TEST_CASE("A time average counts only the part of a level inside the window", "[sim][tally]") {
  sim::detail::TimeAverage average;
  average.advance(1, 5, 2);  // before the window
  CHECK(average.area == 0);
  average.advance(4, 5, 2);  // 5 from week 2 to 4
  CHECK(average.area == 10);
  average.advance(5, 3, 2);
  CHECK(average.area == 13);
}

TEST_CASE("A replication's figures are its tallies over the window's length", "[sim][tally]") {
  const sim::CompiledModel model = one_role();
  EngineClock clock(ten_weeks(), model.calendar);
  std::vector<Staff> staff(1);
  Tally tally;
  tally.reset(model, 0);
  // By hand: one client from week 0 to 4; the worker busy 5 of 10 weeks serving 2 visits of
  // 0.1 weeks offered; one client queued from week 2 to 6; deadlines reached after 3 and 1 weeks.
  tally.change_class_count(0, +1, clock);
  tally.change_assessed_count(0, +1, clock);
  tally.roles[0].busy_area = 5;
  tally.roles[0].started = tally.roles[0].joined = 2;
  tally.roles[0].offered_work = 0.2;
  clock.now = 2;
  tally.queue_changes(0, 0, clock);
  staff[0].queue = 1;
  clock.now = 4;
  tally.complete(0, 0, clock, 0);
  tally.reach_deadline(0, 3, 2);
  tally.reach_deadline(0, 1, 2);
  clock.now = 6;
  tally.queue_changes(0, 1, clock);
  staff[0].queue = 0;
  clock.now = 10;
  sim::ReplicationResult r = tally.finish(model, clock, staff, false);

  REQUIRE(r.roles.size() == 1);
  CHECK(r.roles[0].utilisation == Approx(0.5));      // 5 × 38.25 h of work / 10 × 38.25 h
  CHECK(r.roles[0].offered_load == Approx(0.02));    // 0.2 × 38.25 / 382.5
  CHECK(r.roles[0].queue == Approx(0.4));            // 4 client-weeks / 10 weeks
  CHECK(r.roles[0].busy_servers == Approx(0.5));     // 5 server-weeks / 10 weeks
  CHECK(r.roles[0].visits_per_week == Approx(0.2));  // 2 / 10
  CHECK(r.roles[0].growth_per_week == 0);
  REQUIRE(r.classes.size() == 2);  // the class, then overall
  CHECK(r.classes[0].lead_time.mean == Approx(4));
  CHECK(r.classes[1].throughput_per_week == Approx(0.1));
  CHECK(r.classes[1].wip == Approx(0.4));  // 4 client-weeks / 10 weeks
  REQUIRE(r.deadlines.size() == 1);
  CHECK(r.deadlines[0].reached_per_week == Approx(0.2));
  CHECK(r.deadlines[0].share_within == 0.5);
  CHECK(r.deadlines[0].late.mean == Approx(1));  // 3 weeks against a deadline of 2
}

TEST_CASE("The weekly series has one row a week, and no values after a guard stopped the run", "[sim][tally]") {
  const sim::CompiledModel model = one_role();
  EngineClock clock(ten_weeks(), model.calendar);
  std::vector<Staff> staff(1);
  staff[0].queue = 3;
  Tally tally;
  tally.reset(model, 2);
  REQUIRE(tally.series == 4);  // the role's queue, work in progress, arrivals, completions
  tally.change_class_count(0, +1, clock);
  tally.week_arrivals = 5;
  tally.week_completions = 4;
  tally.record_week(1, staff);
  CHECK(tally.weekly == std::vector<double>{3, 1, 5, 4, 0, 0, 0, 0});
  CHECK(tally.week_arrivals == 0);
  clock.now = 1.5;
  sim::ReplicationResult r = tally.finish(model, clock, staff, true);
  REQUIRE(r.weekly.size() == 8);
  CHECK(r.weekly[2] == 5);
  for (int i = 4; i < 8; ++i) CHECK(std::isnan(r.weekly[i]));
}
