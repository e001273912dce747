// Shared pieces of the flow analysis: role queues and the sentences that explain them (internal).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "model/label_text.h"
#include "flow/analysis.h"
#include "flow/queueing.h"
#include "flow/reentry.h"

namespace sujuva::detail {

// What the client flow asks of one role.
struct RoleLoad {
  ServiceMixture service_hours;  // visit-weighted efforts of the steps with effort
  double activity_hours = 0;
  std::map<int, ServiceMixture, std::greater<>> by_priority;  // the same visits by `priority`, highest first
  ReentryQueue reentry;  // its work states and who goes straight from one to the next
};

// Fills capacity, utilisation, servers, stability, wait and backlog growth of `result`. The wait
// is the visit-weighted mean; `state_factors`, when given, receives each of `load.reentry`'s
// states' wait relative to it (empty: the same for all).
void fill_role_queue(RoleResult& result, const Role& role, const Calendar& calendar, const RoleLoad& load,
                     double arrival_scv, std::vector<double>* state_factors = nullptr);

std::string role_sentence(const RoleResult& role, const std::string& label, Lang lang);
// `qualifier` follows the quoted label, e.g. " (Social workers)" where two steps share a label.
std::string step_sentence(const StepResult& step, const std::string& label, const std::string& qualifier, Lang lang);
std::string handoff_sentence(const std::string& from, const std::string& to, double per_client, double per_week,
                             Lang lang);
std::string loop_sentence(const std::string& entry_label, const std::string& qualifier, double added_weeks,
                          double extra_visits, Lang lang);
std::string sensitivity_sentence(const std::string& label, const Sensitivity& s, const RoleResult& base,
                                 std::optional<double> base_lead, Lang lang);
std::string weeks_text(std::optional<double> weeks, Lang lang);

// The route flows of `analysis.routes` and each checkpoint's assessed share (route_flows.cpp),
// from the visit rates in `analysis.steps` (one per vertex of `process`).
void fill_route_flows(const Process& process, Analysis& analysis);

// The outcome share and its ±10-percentage-point cases of every checkpoint in `analysis`
// (outcome_share.cpp): two more analyses of the whole model per checkpoint.
void fill_outcome_shares(const Process& process, const AnalysisOptions& options, Analysis& analysis);

// Fluid projection of queues per role (projection.cpp).
Projection project_queues(const Process& process, const Analysis& analysis, const AnalysisOptions& options);

}  // namespace sujuva::detail
