#include "sim/event_set.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "sim/random.h"

using namespace sujuva;

namespace {

struct Scheduled {
  double time;
  int order;  // scheduling order: breaks ties
  bool cancelled = false;
};

// The reference: every event not cancelled, sorted by (time, scheduling order).
std::vector<int> expected_order(std::vector<Scheduled> events) {
  std::vector<int> order;
  std::stable_sort(events.begin(), events.end(), [](auto& x, auto& y) { return x.time < y.time; });
  for (const auto& e : events)
    if (!e.cancelled) order.push_back(e.order);
  return order;
}

}  // namespace

TEST_CASE("Events come out by time, and in scheduling order at equal times", "[sim][event_set]") {
  Rng rng(11);
  EventSet events;
  std::vector<Scheduled> scheduled;
  std::vector<int> slot_of;
  SECTION("5000 pending events: the tree grows from 64 slots four times over") {
    for (int i = 0; i < 5000; ++i) {
      // Times on a grid of 100 values, so that many are exactly equal.
      double time = std::floor(rng.uniform() * 100) / 4;
      scheduled.push_back({time, i});
      slot_of.push_back(events.schedule(time, EventKind::arrival, i));
    }
    for (int i = 0; i < 5000; i += 7) {  // cancel every seventh
      events.cancel(slot_of[i]);
      scheduled[i].cancelled = true;
    }
    std::vector<int> popped;
    while (!std::isnan(events.top_time())) {
      Event e = events.pop();
      CHECK(e.time == scheduled[e.a].time);
      popped.push_back(e.a);
    }
    CHECK(popped == expected_order(scheduled));
  }
  SECTION("a hold loop: each popped event schedules its successor into the popped slot") {
    // The simulator's usual step. Every event at time t schedules one at t + 1 or t + 2 (ties
    // again), 20 000 times from 64 pending; the order must be the reference order throughout.
    std::vector<std::pair<double, int>> pending;  // (time, order) of the events still pending
    int next = 0;
    for (; next < 64; ++next) {
      double time = double(next % 8);
      pending.push_back({time, next});
      events.schedule(time, EventKind::arrival, next);
    }
    for (int step = 0; step < 20000; ++step) {
      auto earliest = std::min_element(pending.begin(), pending.end());
      Event e = events.pop();
      REQUIRE(e.a == earliest->second);
      REQUIRE(e.time == earliest->first);
      pending.erase(earliest);
      double time = e.time + 1 + std::floor(rng.uniform() * 2);
      pending.push_back({time, next});
      events.schedule(time, EventKind::service_end, next++);
    }
  }
}
