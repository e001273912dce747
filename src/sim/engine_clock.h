// The engine's clock: simulation time, the measurement window and the office calendar.
//
// In continuous time the clock runs on calendar weeks. With the office calendar it runs in
// working time (one working week per calendar week, model::OfficeWeek's opening hours);
// waits, lead times and time averages are measured on the calendar, deadlines in working time.
#pragma once

#include <algorithm>
#include <cmath>

#include "model/units.h"
#include "sim/simulation.h"

namespace sujuva::sim::detail {

class EngineClock {
 public:
  double now = 0;
  double window_start = 0, horizon = 0;
  double window_start_cal = 0;  // window_start on the calendar

  EngineClock(const SimulationOptions& options, const Calendar& calendar)
      : window_start(options.warmup_weeks),
        horizon(options.warmup_weeks + options.weeks),
        office_(options.calendar == CalendarModel::office),
        week_(calendar) {
    window_start_cal = calendar_weeks(window_start);
  }

  bool in_window() const { return now >= window_start; }

  // Calendar weeks of a working-time instant (identity in continuous time).
  double calendar_weeks(double work_weeks) const { return office_ ? week_.calendar_weeks(work_weeks) : work_weeks; }

  // The calendar time now.
  double calendar_now() const { return calendar_weeks(now); }

  // When a delay of `weeks` calendar weeks that starts now ends, on the simulation clock.
  double after_delay(double weeks) const {
    return office_ ? std::max(now, week_.working_weeks(calendar_now() + weeks)) : now + weeks;
  }

 private:
  bool office_;
  OfficeWeek week_;
};

}  // namespace sujuva::sim::detail
