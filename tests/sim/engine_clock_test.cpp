#include "sim/engine_clock.h"

#include <catch2/catch.hpp>

using namespace sujuva;
using sim::detail::EngineClock;

namespace {
SimulationOptions options_with(CalendarModel calendar) {
  SimulationOptions o;
  o.warmup_weeks = 2;
  o.weeks = 10;
  o.calendar = calendar;
  return o;
}
}  // namespace

TEST_CASE("In continuous time the engine clock is the calendar", "[sim][clock]") {
  EngineClock clock(options_with(CalendarModel::continuous), Calendar{});
  CHECK(clock.window_start == 2);
  CHECK(clock.horizon == 12);
  CHECK(clock.window_start_cal == 2);
  clock.now = 1.5;
  CHECK_FALSE(clock.in_window());
  CHECK(clock.calendar_now() == 1.5);
  CHECK(clock.after_delay(0.25) == 1.75);
}

TEST_CASE("With the office calendar the clock runs in working time and delays run on the calendar", "[sim][clock]") {
  EngineClock clock(options_with(CalendarModel::office), Calendar{});
  CHECK(clock.window_start_cal == Approx(2 + 8.0 / 168));  // week 2 begins Monday 08:00
  clock.now = 2.9;  // Friday, half a working day in: 96 + 8 + 3.825 = 107.825 hours into week 2
  CHECK(clock.in_window());
  CHECK(clock.calendar_now() == Approx(2 + 107.825 / 168));
  // One calendar day later it is Saturday 11:49: the delay ends when the office opens on Monday.
  CHECK(clock.after_delay(1.0 / 7) == 3);
  // Two hours later it is still Friday: 5.825 of 7.65 hours into the fifth working day.
  CHECK(clock.after_delay(2.0 / 168) == Approx(2 + (4 + 5.825 / 7.65) / 5));
}
