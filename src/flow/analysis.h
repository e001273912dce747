// Steady-state flow analysis of a Process: visit rates, workload, utilisation, waiting, lead time, bottlenecks.
//
// The one typed result that `analyze`'s text, JSON and CSV outputs, the diagrams,
// the reports and the comparison all read.
//
//   AnalysisOptions options;  options.lang = Lang::sv;  options.projection_weeks = 26;
//   Analysis a = analyze(process, options);        // throws AnalysisError on unusable input
//   for (const auto& r : a.roles) if (!r.stable) std::cout << r.id << " is unstable\n";
//
// Units: arrivals and flows in clients per calendar week, workload and capacity in
// staff hours per week, waits and lead times in calendar weeks. A value that is
// undefined (the wait of an unstable role, a lead time through it) is an empty
// optional and `null` in JSON; no NaN or inf ever leaves this module.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/process.h"
#include "model/timeline.h"

namespace sujuva {

struct AnalysisOptions {
  Lang lang = Lang::fi;                           // language of the sentences in `bottlenecks` and `sensitivity`
  bool sensitivity = true;                        // compute `sensitivity[]` (cheap: no new flow solve)
  int projection_weeks = 0;                       // 0: no projection
  std::map<std::string, double> initial_backlog;  // role id -> clients waiting at week 0
  Timeline timeline;                              // changes applied week by week in the projection
  double arrival_variability = 1.0;               // c_a^2 in Allen–Cunneen (1 = Poisson arrivals)
};

// Input the analysis cannot use (trapping loops, probabilities over 1, no arrivals...).
// `what()` is the whole message; `diagnostics` has file:line for each cause.
struct AnalysisError : std::runtime_error {
  Diagnostics diagnostics;
  explicit AnalysisError(const std::string& message, Diagnostics diagnostics = {})
      : std::runtime_error(message), diagnostics(std::move(diagnostics)) {}
};

struct StepResult {
  std::string id;
  std::string kind;                                // "start", "task", "checkpoint", ...
  std::optional<std::string> role;                 // role id of the staff who do it
  double arrivals_per_week = 0;                    // visits per week (all classes)
  std::vector<double> arrivals_per_week_by_class;  // index = Process::classes
  double visits = 0;                               // expected visits per arriving client
  std::optional<double> reach;                     // probability that a client ever gets here (null: not computed)
  double workload_hours_per_week = 0;              // arrivals × mean effort (activity: its load)
  double effort_hours = 0;                         // mean staff hours of one visit
  double delay_weeks = 0;                          // mean delay of one visit
  std::optional<double> wait_weeks;                // queue wait per visit at the role (null: unstable role)
  std::optional<double> sojourn_weeks;             // wait + effort in calendar time + delay
  std::optional<double> share_of_lead_time;        // of the overall mean lead time
  // A checkpoint's clients per week that it assesses into its `assesses` class (its visits'
  // flow on the routes that set that class) and their share of its visits; empty for other
  // steps, an unknown class or a checkpoint without visits.
  std::optional<double> assessed_per_week;
  std::optional<double> assessed_share;
};

// The clients per week along the routes from one step to another, all classes together: each
// class's visit rate at `from` times its branch probability, summed over the routes between
// the two steps. There is one for each pair of steps that a class with visits at `from` may
// take (a route with p = 0 gives 0), none for the routes no such class takes.
struct RouteFlow {
  std::size_t from = 0;  // index into Analysis::steps (the model's step order)
  std::size_t to = 0;
  double clients_per_week = 0;
  // Of the clients leaving `from`, the share who go to `to`: the flows to the other steps are
  // counted once per route to them (two routes to one step count its flow twice). Empty when
  // nothing leaves `from`.
  std::optional<double> share;
};

struct RoleResult {
  std::string id;
  double fte = 0;
  double absence = 0;
  double reserved = 0;
  double servers = 0;                  // effective full-time servers for the client flow (activity load removed)
  double capacity_hours_per_week = 0;  // fte × hours_per_fte × (1 − absence) × (1 − reserved)
  double flow_hours_per_week = 0;      // client work (visits × effort)
  double activity_hours_per_week = 0;  // `activity` load
  double demand_hours_per_week = 0;    // flow + activity
  // demand / capacity; 0 without demand; empty (JSON null) when there is demand but no capacity.
  std::optional<double> utilisation;
  double visits_per_week = 0;              // client visits per week to the role's steps
  double mean_service_hours = 0;           // visit-weighted mixture of its steps' efforts
  double service_time_factor = 1;          // time in service / effort: above 1 where a part-speed server serves
  double service_scv = 0;                  // squared coefficient of variation of that mixture
  bool stable = true;                      // utilisation < 1 (or no work at all)
  std::optional<double> wait_probability;  // Erlang C
  std::optional<double> wait_weeks;        // mean wait per visit (Allen–Cunneen), over all priorities
  // With steps of different `priority` at the role: the wait at each priority (higher served
  // first, non-preemptive), highest first; empty when all its steps share one priority.
  std::map<int, double, std::greater<>> wait_weeks_by_priority;
  std::optional<double> queue_clients;         // mean number waiting (Lq)
  std::optional<double> in_system_clients;     // waiting + in service (L = λW)
  double backlog_growth_clients_per_week = 0;  // unstable: visits/week that pile up
  double backlog_growth_hours_per_week = 0;    // unstable: demand − capacity
  // Share of arriving clients who ever visit a step of the role; null when the model
  // is too large for the exact first-passage passes (states × roles over 2·10^7).
  std::optional<double> share_of_clients;
  std::optional<double> share_of_lead_time;
  // Mean time a client spends waiting for the role over their whole passage, as a share of the
  // mean lead time (visits per client × wait per visit / lead time); empty without a lead time.
  std::optional<double> wait_share_of_lead_time;
  // The one bottleneck rule (is_bottleneck below), used by analyze, render, report and compare.
  bool bottleneck = false;
};

// A role is a bottleneck when it cannot keep up (unstable), when its utilisation, rounded to a
// whole per cent as every output prints it, is at least 85 % (above that, waits grow steeply
// with any variation), or when waiting for it takes at least a fifth of the mean lead time.
// A busy role whose clients hardly wait and a quiet one are not. processes/README.md, "Bottlenecks".
inline constexpr double kBottleneckUtilisation = 0.85;
inline constexpr double kBottleneckWaitShare = 0.2;
bool is_bottleneck(const RoleResult& role);

struct Bottleneck {
  std::string kind;  // "role", "step", "handoff" or "loop"
  std::string id;    // role id, step id, "from_role->to_role", or the loop's step whose repeats add most time
  std::optional<double> share_of_lead_time;
  std::optional<double> utilisation;
  // loop: the weeks its repeat visits add to the mean lead time and the repeat visits per client
  double added_weeks = 0, extra_visits = 0;
  // handoff: the roles, and the moves between them per client and per week
  std::string from_role, to_role;
  double handoffs_per_client = 0, handoffs_per_week = 0;
  // The sentence that explains it is written by present/bottleneck_text.h.
};

struct SensitivityCase {
  std::string change;  // "fte+0.5", "fte+1", "absence+5pp"
  std::optional<double> utilisation;
  std::optional<double> wait_weeks;
  std::optional<double> lead_time_weeks;  // overall mean with the change
};

struct Sensitivity {
  std::string role;
  std::vector<SensitivityCase> cases;          // in the order of `change` above
  std::optional<double> lead_time_gain_weeks;  // base lead time − lead time with +1 FTE
  int rank = 0;                                // 1 = one more person helps most here
};

// The whole model again with another share of a checkpoint's clients assessed into its class.
struct OutcomeShareCase {
  double share = 0;
  std::optional<double> lead_time_weeks;  // overall mean; null without a steady state
  std::string busiest_role;               // the role with the highest utilisation in this case
  std::optional<double> busiest_utilisation;
};

// Share of the clients a checkpoint assesses into its `assesses` class who then
// reach a step of its `requires` role (or qualification) — the section 42 rule.
struct CheckpointReach {
  std::string step;              // checkpoint id
  std::string assesses;          // class name
  std::string required_role;     // as written in `requires=`
  double assessed_per_week = 0;  // clients per week leaving it in that class
  std::optional<double> share_reaching_required_role;
  // The share of the clients leaving the checkpoint that it assesses into the class (the sum of
  // its routes' p with that outcome), and the model with that share 10 percentage points lower
  // and higher (within 0–100 %): the share of clients in need of special support has no
  // published figure, so a model's value is an assumption whose effect should be visible.
  // Empty when the checkpoint's routes depend on the class (`when=`) or the share is 0 or 1.
  std::optional<double> outcome_share;
  std::vector<OutcomeShareCase> share_cases;
};

struct Saturation {
  std::optional<double> arrivals_per_week;  // total arrivals at which the first role hits utilisation 1
  std::optional<double> scale;              // the same as a factor of today's arrivals
  std::optional<std::string> role;
};

// Fluid projection of the queues, one row per week 0..weeks.
struct Projection {
  std::vector<std::string> roles;  // column order
  std::vector<int> weeks;
  // [week][role]: clients still waiting at the end of the week because the role had no capacity
  // left for them (the backlog of a role short of capacity, or an initial backlog draining). The
  // fluid model has no randomness: a role with time to spare keeps 0 here, and the mean random
  // queue of a stable role is RoleResult::queue_clients.
  std::vector<std::vector<double>> queue_clients;
  std::vector<double> arrivals_per_week;           // per week
  std::vector<double> completions_per_week;        // clients reaching an end, per week
};

// Per class in two ways. By assessment outcome, the figure every output shows: a client counts in
// the first class other than `standard` that a route gives them (a checkpoint's `outcome=`), and
// stays in it whatever a later checkpoint decides; a client never assessed into another class
// counts as `standard`. By the class a client ends with, kept for the JSON field names
// `by_class` / `share_by_class`: a change that merely routes fewer clients into a class, or
// reassesses them out of it before the end, changes who is counted there. The shares of each
// add up to 1 and Σ share × lead time = `mean` for both.
struct LeadTime {
  std::optional<double> mean;                                  // weeks, all clients
  std::map<std::string, std::optional<double>> by_assessment;  // by the assessment's outcome
  std::map<std::string, double> share_by_assessment;           // share of clients assessed into each class
  std::map<std::string, std::optional<double>> by_class;       // by the class a client ends with
  std::map<std::string, double> share_by_class;                // share of clients ending with each class
};

struct Analysis {
  std::string model;  // Process::name
  std::string lang;   // "fi", "sv", "en"
  double hours_per_fte = 0;
  double arrivals_per_week = 0;  // total external arrivals
  std::vector<std::string> classes;
  std::vector<StepResult> steps;  // in the model's step order
  std::vector<RoleResult> roles;  // in the model's role order
  std::vector<RouteFlow> routes;  // by `from`, then `to`
  LeadTime lead_time_weeks;
  double handoffs_per_client = 0;
  double rework_visits_per_client = 0;  // visits beyond the first to the same step, summed
  Saturation saturation;
  std::vector<Bottleneck> bottlenecks;   // most important first
  std::vector<Sensitivity> sensitivity;  // ordered by rank
  std::vector<CheckpointReach> checkpoints;
  std::optional<Projection> projection;
  // Steps whose route probabilities add up to less than 1: the rest of their clients are counted
  // as leaving (present/bottleneck_text.h analysis_notes says so).
  std::vector<std::string> leaking_steps;

  bool stable() const {
    for (const auto& r : roles)
      if (!r.stable) return false;
    return true;
  }
  const RoleResult* find_role(const std::string& id) const;
  const StepResult* find_step(const std::string& id) const;
  const RouteFlow* find_route(std::size_t from, std::size_t to) const;  // nullptr: no flow computed there
  const RoleResult* busiest_role() const;  // the highest utilisation (nullptr when none is defined)
};

// Throws AnalysisError for input it cannot analyse (nothing arrives, a loop
// that clients can never leave, probabilities summing over 1, ...).
Analysis analyze(const Process& process, const AnalysisOptions& options = {});

}  // namespace sujuva
