#include "sim/staff.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace sujuva;
using sim::detail::Staff;

namespace {
sim::CompiledRole role_with(std::vector<double> speeds, double absence = 0) {
  sim::CompiledRole r;
  r.id = "worker";
  r.speeds = std::move(speeds);
  r.absence = absence;
  return r;
}
}  // namespace

TEST_CASE("Idle servers are taken fastest first: full-speed ones, then the part-speed one", "[sim][staff]") {
  Staff staff;
  SimulationOptions options;
  Rng rng = Rng::stream(1, 0);
  EventSet events;
  staff.add_servers(role_with({1, 1, 0.5}), 0, options, 0, rng, events);
  CHECK(staff.fractional == 2);
  CHECK(std::isnan(events.top_time()));  // no random absence: no absence events
  CHECK(staff.take_idle_server() == 0);
  staff.servers[0].client = 10;
  CHECK(staff.take_idle_server() == 1);
  staff.servers[1].client = 11;
  CHECK(staff.take_idle_server() == 2);
  staff.servers[2].client = 12;
  CHECK(staff.take_idle_server() == -1);

  SECTION("a server listed idle again is taken again; an absent one is skipped") {
    staff.servers[1].client = -1;
    staff.list_idle(1);
    staff.list_idle(1);  // listed once
    CHECK(staff.idle.size() == 1);
    staff.servers[0].client = -1;
    staff.servers[0].absent = true;
    staff.list_idle(0);
    CHECK(staff.take_idle_server() == 1);
    CHECK(staff.take_idle_server() == -1);
  }
  SECTION("retired servers are never taken, and new ones join after them") {
    staff.retire_servers();
    for (const auto& server : staff.servers) CHECK(server.retired);
    CHECK(staff.take_idle_server() == -1);
    staff.add_servers(role_with({1}), 0, options, 0, rng, events);
    CHECK(staff.take_idle_server() == 3);
  }
}

TEST_CASE("With random absence every server starts a present or absent spell", "[sim][staff]") {
  Staff staff;
  SimulationOptions options;
  options.absence_model = AbsenceModel::random;
  options.absence_spell_weeks = 2;
  Rng rng = Rng::stream(1, 0);
  EventSet events;
  staff.add_servers(role_with({1, 1, 1, 1}, 0.2), 3, options, 5, rng, events);
  // Absent a share 0.2 of the time: present spells of 2 × 0.8 / 0.2 = 8 weeks on average.
  CHECK(staff.mean_present == Approx(8));
  int absence_events = 0;
  while (!std::isnan(events.top_time())) {
    Event e = events.pop();
    CHECK(e.kind == EventKind::absence);
    CHECK(e.a == 3);
    CHECK(e.time > 5);
    ++absence_events;
  }
  CHECK(absence_events == 4);
}
