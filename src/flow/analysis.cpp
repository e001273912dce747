#include "flow/analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <future>

#include "flow/analysis_internal.h"
#include "text/format.h"

namespace sujuva {

const RoleResult* Analysis::find_role(const std::string& id) const {
  for (const auto& r : roles)
    if (r.id == id) return &r;
  return nullptr;
}

const RoleResult* Analysis::busiest_role() const {
  const RoleResult* busiest = nullptr;
  for (const auto& r : roles)
    if (r.utilisation && (!busiest || *r.utilisation > *busiest->utilisation)) busiest = &r;
  return busiest;
}

bool is_bottleneck(const RoleResult& role) {
  if (role.demand_hours_per_week <= 0) return false;
  if (!role.stable) return true;
  // Rounded as printed, so that a role shown at "85 %" is flagged and one shown at "84 %" is not.
  if (role.utilisation && std::round(*role.utilisation * 100) >= kBottleneckUtilisation * 100) return true;
  return role.wait_share_of_lead_time && *role.wait_share_of_lead_time >= kBottleneckWaitShare;
}

const StepResult* Analysis::find_step(const std::string& id) const {
  for (const auto& s : steps)
    if (s.id == id) return &s;
  return nullptr;
}

namespace {

double rework(const Analysis& a) {
  double total = 0;
  for (const auto& s : a.steps)
    if (s.kind != "activity" && s.reach) total += std::max(0.0, s.visits - *s.reach);
  return total;
}

Saturation saturation(const Analysis& a) {
  Saturation result;
  for (const auto& r : a.roles) {
    if (r.flow_hours_per_week <= 0) continue;
    double scale = flow_capacity(r.capacity_hours_per_week, r.activity_hours_per_week) / r.flow_hours_per_week;
    if (!result.scale || scale < *result.scale) {
      result.scale = scale;
      result.role = r.id;
    }
  }
  if (result.scale) result.arrivals_per_week = *result.scale * a.arrivals_per_week;
  return result;
}

}  // namespace

Analysis analyze(const Process& process, const AnalysisOptions& options) {
  Analysis a;
  a.model = process.name;
  a.lang = lang_code(options.lang);
  a.hours_per_fte = process.calendar.hours_per_fte;
  a.classes = process.classes;
  if (!(process.calendar.hours_per_fte > 0))
    throw AnalysisError(process.file + ": hours_per_fte must be greater than zero");

  detail::Flow f;
  detail::solve_traffic(process, f, options.lang);
  a.arrivals_per_week = f.total_arrivals;
  detail::fill_steps(process, f, a);
  detail::fill_route_flows(process, a);
  detail::fill_reach(f, a);
  std::vector<detail::RoleLoad> loads;
  detail::fill_roles(process, f, options, a, loads);
  std::vector<std::vector<double>> handoffs;
  // Both read the solved flow and write fields of `a` that the lead time does
  // not touch: on a large model the second core takes them (a small one is
  // done before a thread would have started).
  auto policy = f.space.size() > 100000 ? std::launch::async : std::launch::deferred;
  auto shares = std::async(policy, [&] {
    detail::fill_shares_and_handoffs(process, f, a, handoffs);
    detail::fill_checkpoints(process, f, a);
  });
  detail::fill_lead_time(process, f, a);
  shares.get();
  a.rework_visits_per_client = rework(a);
  a.saturation = saturation(a);
  detail::LeadModel lead = detail::lead_model(process, f);
  if (options.sensitivity) {
    detail::fill_sensitivity(process, lead, loads, options, a);
    detail::fill_outcome_shares(process, options, a);
  }
  detail::fill_bottlenecks(process, f, handoffs, options, a);
  for (StepVertex v : f.space.leaks) a.leaking_steps.push_back(process.graph[v].id);
  if (options.projection_weeks > 0) a.projection = detail::project_queues(process, a, options);
  return a;
}

}  // namespace sujuva
