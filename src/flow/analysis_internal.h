// Shared pieces of the flow analysis: the solved flow, role queues, and the lead-time model (internal).
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "flow/analysis.h"
#include "flow/queueing.h"
#include "flow/reentry.h"
#include "flow/state_space.h"
#include "model/label_text.h"

namespace sujuva::detail {

// The solved traffic equations that every later pass of `analyze` reads (traffic.cpp).
struct Flow {
  StateSpace space;
  Blocks blocks;
  Eigen::VectorXd visits;  // λ per state
  double total_arrivals = 0;
  // Per step on a loop: the probability of ever reaching it, found while solving
  // its block (NaN: the block was not solved: no inflow, or too large).
  std::vector<double> loop_reach;
  std::vector<double> wait_factor;  // per state: its wait relative to its role's mean (reentry.h)
};

inline bool finite(double x) { return std::isfinite(x); }

// No NaN or inf leaves the module: a non-finite value becomes an empty optional.
inline std::optional<double> clean(std::optional<double> x) {
  if (x && !finite(*x)) return std::nullopt;
  return x;
}

inline bool has_queue(const Step& step) { return step.role && step.does_work() && step.mean_effort_hours() > 0; }
inline bool is_staffed(const Step& step) { return step.role && step.kind != StepKind::activity; }

// Solves the traffic equations and fills the per-step visits and reach (traffic.cpp).
void solve_traffic(const Process& process, Flow& f, Lang lang);
void fill_steps(const Process& process, const Flow& f, Analysis& a);
void fill_reach(const Flow& f, Analysis& a);

// What the client flow asks of one role.
struct RoleLoad {
  ServiceMixture service_hours;  // visit-weighted efforts of the steps with effort
  double activity_hours = 0;
  std::map<int, ServiceMixture, std::greater<>> by_priority;  // the same visits by `priority`, highest first
  ReentryQueue reentry;  // its work states and who goes straight from one to the next
};

// Fills capacity, utilisation, servers, stability, wait and backlog growth of `result` (roles.cpp).
// The wait is the visit-weighted mean; `state_factors`, when given, receives each of
// `load.reentry`'s states' wait relative to its priority level's (empty: the same for all).
void fill_role_queue(RoleResult& result, const Role& role, const Calendar& calendar, const RoleLoad& load,
                     double arrival_scv, std::vector<double>* state_factors = nullptr);
// One RoleResult per role of `process` into `a.roles`, and the loads they were computed from.
void fill_roles(const Process& process, Flow& f, const AnalysisOptions& options, Analysis& a,
                std::vector<RoleLoad>& loads);

// Mean lead time (weeks) given each role's wait and service time factor (RoleResult); empty when
// a role with visits has no wait (lead_time.cpp).
struct LeadModel {
  double fixed = 0;                       // Σ λ (effort/hpf + delay) / Γ
  std::vector<double> visits_per_client;  // per role: queued visits per arriving client
  std::vector<double> effort_per_client;  // per role: Σ λ effort/hpf / Γ of those visits
  std::optional<double> with(const std::vector<std::optional<double>>& waits, const std::vector<double>& factors) const;
};
LeadModel lead_model(const Process& process, const Flow& f);
// Each role's wait as the lead-time model reads it (0 for a role without visits).
std::vector<std::optional<double>> role_waits(const Analysis& a);
// Each role's service time factor (RoleResult::service_time_factor).
std::vector<double> service_time_factors(const Analysis& a);
// Waits and sojourns of the steps, the mean lead time, by class, and the steps' and roles' shares of it.
void fill_lead_time(const Process& process, Flow& f, Analysis& a);
// The lead time and share of clients by assessment outcome (LeadTime::by_assessment), from each
// state's sojourn (NaN where undefined) (lead_by_assessment.cpp).
void fill_lead_by_assessment(const Process& process, const Flow& f, const Eigen::VectorXd& sojourn, Analysis& a);

// First-passage passes (first_passage.cpp): the share of clients who ever visit each role and
// the handoffs between roles (`handoffs[from][to]`, clients per week); each checkpoint's reach.
void fill_shares_and_handoffs(const Process& process, const Flow& f, Analysis& a,
                              std::vector<std::vector<double>>& handoffs);
void fill_checkpoints(const Process& process, const Flow& f, Analysis& a);

// One more person or more absence at each role with demand, ranked (sensitivity.cpp).
void fill_sensitivity(const Process& process, const LeadModel& lead, const std::vector<RoleLoad>& loads,
                      const AnalysisOptions& options, Analysis& a);

// The roles, steps, loops and handoffs that cost most, most important first (bottlenecks.cpp).
void fill_bottlenecks(const Process& process, const Flow& f, const std::vector<std::vector<double>>& handoffs,
                      const AnalysisOptions& options, Analysis& a);

// The route flows of `analysis.routes` and each checkpoint's assessed share (route_flows.cpp),
// from the visit rates in `analysis.steps` (one per vertex of `process`).
void fill_route_flows(const Process& process, Analysis& analysis);

// The outcome share and its ±10-percentage-point cases of every checkpoint in `analysis`
// (outcome_share.cpp): two more analyses of the whole model per checkpoint.
void fill_outcome_shares(const Process& process, const AnalysisOptions& options, Analysis& analysis);

// Fluid projection of queues per role (projection.cpp).
Projection project_queues(const Process& process, const Analysis& analysis, const AnalysisOptions& options);

}  // namespace sujuva::detail
