// Discrete-event simulation of a process: options, the typed result with 95% confidence intervals, JSON.
//
//   SimulationOptions options;  options.weeks = 52;  options.replications = 20;
//   Simulation sim = simulate(process, options);   // throws SimulationError on unusable input
//   for (const auto& role : sim.roles) std::cout << role.id << " " << role.utilisation.mean << "\n";
//
// Every figure is an `Estimate`: the mean over replications and a Student-t 95%
// confidence interval (`low`, `high`; NaN when fewer than two replications gave
// a value, printed as null in JSON). Times are calendar weeks.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/process.h"
#include "model/timeline.h"

namespace sujuva {

enum class AbsenceModel {
  capacity,  // absence reduces every server's capacity (matches the analytic engine)
  random     // absence spells drawn per server; capacity is full when present
};

enum class CalendarModel {
  continuous,  // work and arrivals round the clock on calendar weeks (matches the analytic engine)
  office       // work and arrivals only in working hours, Monday to Friday
};

struct SimulationOptions {
  double weeks = 52;        // measured horizon after the warm-up
  double warmup_weeks = 4;  // discarded from statistics (still in the weekly series)
  int replications = 10;
  std::uint64_t seed = 1;
  int threads = 0;  // 0: all cores; never changes the result
  AbsenceModel absence_model = AbsenceModel::capacity;
  double absence_spell_weeks = 1.0;  // mean length of one absence spell (random model)
  CalendarModel calendar = CalendarModel::continuous;
  bool weekly_series = true;  // keep the week-by-week series
  // Staffing, arrival, effort and routing changes at given weeks, counted from the start of
  // the simulation (week 0 = start of the warm-up), as in the weekly series.
  std::optional<Timeline> timeline;
  // Guards: a replication ends early when a queue passes `max_queue` clients
  // (the model is unstable) or a client makes more than `max_visits` visits.
  std::int64_t max_queue = 1'000'000;
  std::int64_t max_visits = 100'000;
  // Language of the refusals (SimulationError) and of the guards' messages.
  Lang lang = Lang::en;
  // Called (from worker threads, serialised) after each replication: progress bars.
  std::function<void(int done, int total)> progress;
};

// Mean over replications and its 95% confidence interval (Student t).
struct Estimate {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double low = std::numeric_limits<double>::quiet_NaN();
  double high = std::numeric_limits<double>::quiet_NaN();
  int samples = 0;  // replications that produced a value
  bool has_value() const { return samples > 0; }
  bool contains(double x) const { return samples > 1 && low <= x && x <= high; }
};

// The same estimate in another unit, e.g. weeks to working days: scaled(e, 5).
inline Estimate scaled(Estimate e, double factor) {
  e.mean *= factor, e.low *= factor, e.high *= factor;
  return e;
}

// Mean and percentiles of a duration in weeks.
struct DurationSummary {
  Estimate mean, p50, p90, p95;
};

struct SimulatedRole {
  std::string id;
  Labels label;
  double servers = 0;                      // effective full-time servers c for the client flow
  Estimate utilisation;                    // (flow work done + activity load) / capacity
  Estimate offered_load;                   // (work that arrived + activity load) / capacity: above 1 the queue grows
  Estimate queue;                          // time-average clients waiting
  Estimate busy_servers;                   // time-average servers at work on clients
  Estimate visits_per_week;                // visits that started service
  DurationSummary wait_weeks;              // wait per visit, from joining the queue to service start
  bool unstable = false;                   // the queue grew without bound
  Estimate backlog_growth_per_week;        // clients/week (only meaningful when unstable)
  Estimate backlog_growth_hours_per_week;  // hours/week
};

// The clients of one class: in `Simulation::classes` by the class they have (at completion for
// lead time and throughput, at the moment for wip), in `Simulation::by_assessment` by their
// assessment outcome (the first class other than standard a route gave them, kept whatever a later
// checkpoint decides; never assessed into another class: standard) for all three.
struct ClassResult {
  std::string name;  // "standard", "special", ... ; "" for all clients
  DurationSummary lead_time_weeks;
  Estimate throughput_per_week;  // completions
  Estimate wip;                  // time-average clients in the system
};

struct DeadlineResult {
  std::string step;
  Labels label;
  double deadline_weeks = 0;
  Estimate reached_per_week;   // clients whose first visit began in the window
  Estimate share_within;       // of them, the share that began within the deadline
  DurationSummary late_weeks;  // for late clients: how much past the deadline
};

// Week-by-week series over warm-up and horizon (week k covers [k-1, k)).
struct WeeklySeries {
  std::vector<std::string> roles;            // role ids, order of `queue`
  std::vector<std::vector<Estimate>> queue;  // [role][week]: clients waiting at week end
  std::vector<Estimate> wip;                 // clients in the system at week end
  std::vector<Estimate> arrivals;            // arrivals during the week
  std::vector<Estimate> completions;         // completions during the week
};

// Why a run ended early or cannot be trusted.
struct SimulationGuard {
  std::string kind;  // "unstable", "visit_limit" or "wip_limit" (more than 4 × max_queue clients at once)
  std::string role;  // the role whose queue grew (unstable)
  std::string step;  // the step where a client passed the visit limit
  double week = 0;   // simulated week when the guard fired (first replication that hit it)
  std::string message;
};

struct Simulation {
  std::string model;
  std::string file;
  SimulationOptions options;
  std::uint64_t events = 0;  // events processed over all replications
  // The model's working week: the tables show deadlines and lateness in working days, the unit
  // of the statutory rules (7 working days).
  Calendar calendar;
  Terms terms;  // the model's own words for its classes, for the tables
  std::vector<SimulatedRole> roles;
  ClassResult overall;
  std::vector<ClassResult> classes;  // index = ClassIndex: by current class (JSON `classes`)
  // index = ClassIndex: by assessment outcome, the per-class figures every output shows, so that a
  // change that routes fewer clients into a class does not move the slow ones out of its figure.
  std::vector<ClassResult> by_assessment;
  std::vector<DeadlineResult> deadlines;
  WeeklySeries weekly;
  std::vector<SimulationGuard> guards;
  // The overall lead time and the deadline shares of each replication (NaN: no value), in
  // replication order, so that two models run with the same seed can be compared pair by pair.
  struct ByReplication {
    std::vector<double> lead_mean, lead_p50, lead_p90, lead_p95;
    std::vector<std::vector<double>> deadline_share;  // [deadline][replication]
  } by_replication;
  bool unstable() const;
};

// Unusable input (zero-capacity role with work, absurd horizon, ...): what() is the message.
// `usage`: an option out of range (--weeks 1e12), which the CLI prefixes with its command's name;
// otherwise the message names the model or timeline file itself.
struct SimulationError : std::runtime_error {
  explicit SimulationError(const std::string& message, bool usage = false)
      : std::runtime_error(message), usage(usage) {}
  bool usage;
};

Simulation simulate(const Process& process, const SimulationOptions& options);

// A warm-up long enough for the model to fill up from empty: eight times the longest expected
// remaining time without any queueing (efforts and delays along the expected route, from the
// slowest (step, class)), at least 4 and at most 1040 weeks, in whole weeks. Models with months-long follow-ups need
// years to reach steady state; a short warm-up then understates queues and lead times. Throws SimulationError.
double suggested_warmup_weeks(const Process& process, Lang lang = Lang::en);

}  // namespace sujuva
