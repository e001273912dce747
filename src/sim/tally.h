// What one replication measures over the window: time averages, counts, duration histograms, weekly series.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/compiled_model.h"
#include "sim/engine.h"
#include "sim/engine_clock.h"
#include "sim/staff.h"
#include "sim/statistics.h"

namespace sujuva::sim::detail {

// Area under a step function of time, counted only inside the measurement window.
struct TimeAverage {
  double area = 0, last = 0;
  void advance(double now, double level, double window_start) {
    double from = std::max(last, window_start);
    if (now > from) area += level * (now - from);
    last = now;
  }
};

struct RoleTally {
  std::int64_t queue_at_window_start = 0;
  TimeAverage queue_area, capacity_area, load_area;  // capacity and load in hours/week
  double busy_area = 0, offered_work = 0, joined = 0, started = 0;
  DurationHistogram waits;
};

struct DeadlineTally {
  double reached = 0, within = 0;
  DurationHistogram late;
};

struct Tally {
  std::vector<RoleTally> roles;
  std::vector<std::int64_t> in_class;  // clients in the process, per class
  std::vector<TimeAverage> class_area;
  std::int64_t in_system = 0;
  std::vector<DurationHistogram> lead;  // per class, then overall
  std::vector<double> completed;        // in the window, per class, then overall
  // The same by assessment outcome (the first class other than standard a client was given).
  std::vector<std::int64_t> in_assessed;
  std::vector<TimeAverage> assessed_area;
  std::vector<DurationHistogram> lead_assessed;
  std::vector<double> completed_assessed;
  std::vector<DeadlineTally> deadlines;
  std::vector<double> weekly;  // week-major, `series` values a week (ReplicationResult::weekly)
  int weeks = 0, series = 0, recorded_weeks = 0;
  double week_arrivals = 0, week_completions = 0;

  // Empties every figure for a run of `model` that records `weeks` weeks of series.
  void reset(const CompiledModel& model, int weeks);

  void change_class_count(int cls, int delta, const EngineClock& clock) {
    class_area[cls].advance(clock.calendar_now(), double(in_class[cls]), clock.window_start_cal);
    in_class[cls] += delta;
    in_system += delta;
  }

  // Before a role's queue changes from `queue` clients.
  void queue_changes(int r, std::int64_t queue, const EngineClock& clock) {
    roles[r].queue_area.advance(clock.calendar_now(), double(queue), clock.window_start_cal);
  }

  void change_assessed_count(int cls, int delta, const EngineClock& clock) {
    assessed_area[cls].advance(clock.calendar_now(), double(in_assessed[cls]), clock.window_start_cal);
    in_assessed[cls] += delta;
  }

  void complete(int cls, int assessed, const EngineClock& clock, double arrival_cal) {
    if (clock.in_window()) {
      double lead_time = clock.calendar_now() - arrival_cal;
      lead[cls].add(lead_time);
      lead.back().add(lead_time);
      completed[cls] += 1;
      completed.back() += 1;
      lead_assessed[assessed].add(lead_time);
      completed_assessed[assessed] += 1;
    }
    week_completions += 1;
    change_class_count(cls, -1, clock);
    change_assessed_count(assessed, -1, clock);
  }

  // A client first reaching deadline d `elapsed` working weeks after arriving.
  void reach_deadline(int d, double elapsed, double limit) {
    DeadlineTally& tally = deadlines[d];
    tally.reached += 1;
    if (elapsed <= limit)
      tally.within += 1;
    else
      tally.late.add(elapsed - limit);
  }

  void start_window(const std::vector<Staff>& staff) {
    for (size_t r = 0; r < roles.size(); ++r) roles[r].queue_at_window_start = staff[r].queue;
  }

  // Capacity and load integrated up to now under `before`, the model that a timeline change replaces.
  void staffing_changes(const CompiledModel& before, const EngineClock& clock);

  // The row of week `week` (from 1) of the weekly series.
  void record_week(int week, const std::vector<Staff>& staff);

  // The figures of the run that ended at clock.now (`stopped` by a guard, or at the horizon).
  ReplicationResult finish(const CompiledModel& model, const EngineClock& clock, const std::vector<Staff>& staff,
                           bool stopped);

 private:
  RoleFigures role_figures(int r, const CompiledModel& model, const EngineClock& clock, const Staff& staff);
};

}  // namespace sujuva::sim::detail
