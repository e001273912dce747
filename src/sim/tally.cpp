// A replication's figures from its tallies: utilisation, queues, waits, lead times, deadlines, weekly series.
#include "sim/tally.h"

#include <limits>

namespace sujuva::sim::detail {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

void Tally::reset(const CompiledModel& model, int weeks_recorded) {
  roles.assign(model.roles.size(), RoleTally{});
  in_class.assign(model.classes, 0);
  class_area.assign(model.classes, TimeAverage{});
  in_system = 0;
  lead.assign(model.classes + 1, DurationHistogram{});
  completed.assign(model.classes + 1, 0);
  in_assessed.assign(model.classes, 0);
  assessed_area.assign(model.classes, TimeAverage{});
  lead_assessed.assign(model.classes, DurationHistogram{});
  completed_assessed.assign(model.classes, 0);
  deadlines.assign(model.deadlines.size(), DeadlineTally{});
  weeks = weeks_recorded;
  series = static_cast<int>(model.roles.size()) + 3;
  weekly.assign(size_t(weeks) * series, 0);
  week_arrivals = week_completions = 0;
  recorded_weeks = 0;
}

void Tally::staffing_changes(const CompiledModel& before, const EngineClock& clock) {
  for (size_t r = 0; r < roles.size(); ++r) {
    roles[r].capacity_area.advance(clock.now, before.roles[r].capacity_hours, clock.window_start);
    roles[r].load_area.advance(clock.now, before.roles[r].load_hours, clock.window_start);
  }
}

void Tally::record_week(int week, const std::vector<Staff>& staff) {
  double* row = &weekly[size_t(week - 1) * series];
  for (size_t r = 0; r < staff.size(); ++r) row[r] = double(staff[r].queue);
  row[staff.size()] = double(in_system);
  row[staff.size() + 1] = week_arrivals;
  row[staff.size() + 2] = week_completions;
  week_arrivals = week_completions = 0;
  recorded_weeks = week;
}

RoleFigures Tally::role_figures(int r, const CompiledModel& model, const EngineClock& clock, const Staff& staff) {
  const double span = clock.now - clock.window_start, span_cal = clock.calendar_now() - clock.window_start_cal;
  auto per_week = [&](double x) { return span_cal > 0 ? x / span_cal : kNaN; };  // counts and calendar areas
  RoleTally& role = roles[r];
  const CompiledRole& spec = model.roles[r];
  const double hours_per_fte = model.calendar.hours_per_fte;
  role.queue_area.advance(clock.calendar_now(), double(staff.queue), clock.window_start_cal);
  role.capacity_area.advance(clock.now, spec.capacity_hours, clock.window_start);
  role.load_area.advance(clock.now, spec.load_hours, clock.window_start);
  RoleFigures f{};
  // Capacity and load are integrated over the window: a timeline may change them.
  double flow_hours = role.busy_area * hours_per_fte;
  double offered_hours = role.offered_work * hours_per_fte;
  double capacity = role.capacity_area.area, load = role.load_area.area;
  f.utilisation = capacity > 0 ? (flow_hours + load) / capacity : kNaN;
  f.offered_load = capacity > 0 ? (offered_hours + load) / capacity : kNaN;
  f.queue = per_week(role.queue_area.area);
  f.busy_servers = span > 0 ? role.busy_area / span : kNaN;  // working time
  f.visits_per_week = per_week(role.started);
  f.wait = Summary::of(role.waits);
  f.growth_per_week = per_week(double(staff.queue - role.queue_at_window_start));
  double hours_per_visit = role.joined > 0 ? role.offered_work * hours_per_fte / role.joined : 0;
  f.growth_hours_per_week = f.growth_per_week * hours_per_visit;
  return f;
}

ReplicationResult Tally::finish(const CompiledModel& model, const EngineClock& clock, const std::vector<Staff>& staff,
                                bool stopped) {
  ReplicationResult result;
  const double span_cal = clock.calendar_now() - clock.window_start_cal;
  auto per_week = [&](double x) { return span_cal > 0 ? x / span_cal : kNaN; };  // counts and calendar areas
  for (size_t r = 0; r < roles.size(); ++r)
    result.roles.push_back(role_figures(static_cast<int>(r), model, clock, staff[r]));
  double wip_area = 0;
  for (int k = 0; k <= model.classes; ++k) {
    ClassFigures f{};
    f.lead_time = Summary::of(lead[k]);
    f.throughput_per_week = per_week(completed[k]);
    if (k < model.classes) {
      class_area[k].advance(clock.calendar_now(), double(in_class[k]), clock.window_start_cal);
      wip_area += class_area[k].area;
      f.wip = per_week(class_area[k].area);
    } else {
      f.wip = per_week(wip_area);
    }
    result.classes.push_back(f);
  }
  for (int k = 0; k < model.classes; ++k) {
    assessed_area[k].advance(clock.calendar_now(), double(in_assessed[k]), clock.window_start_cal);
    result.assessed.push_back(
        {Summary::of(lead_assessed[k]), per_week(completed_assessed[k]), per_week(assessed_area[k].area)});
  }
  for (const DeadlineTally& tally : deadlines) {
    DeadlineFigures f{};
    f.reached_per_week = per_week(tally.reached);
    f.share_within = tally.reached > 0 ? tally.within / tally.reached : kNaN;
    f.late = Summary::of(tally.late);
    result.deadlines.push_back(f);
  }
  if (stopped)  // weeks the run did not reach have no value
    for (int week = recorded_weeks; week < weeks; ++week)
      for (int i = 0; i < series; ++i) weekly[size_t(week) * series + i] = kNaN;
  result.weekly = weekly;
  return result;
}

}  // namespace sujuva::sim::detail
