// Before and after: the key figures of two or more process models side by side, with their structural diff.
//
// The one typed result that `compare`'s text, JSON, narrative, diff diagram and
// the report's before/after section all read.
//
//   Comparison c = compare_processes({&before, &after});   // throws CompareError
//   for (auto& sentence : narrative(c, 1, Lang::fi)) std::cout << sentence << "\n";
//
// Units as in the analysis: clients per week, staff hours per week, calendar weeks.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "compare/structure.h"
#include "flow/analysis.h"
#include "model/process.h"

namespace sujuva {

struct RoleKpi {
  std::string id;
  Labels label;
  double fte = 0;
  double capacity_hours_per_week = 0;
  double demand_hours_per_week = 0;
  std::optional<double> utilisation;  // null: work but no capacity
  std::optional<double> wait_weeks;   // null: unstable
  bool stable = true;
  double backlog_growth_clients_per_week = 0;
  bool bottleneck = false;  // RoleResult::bottleneck: the one rule (flow/analysis.h)
};

// The key figures of one model (one column of the comparison table).
struct Kpis {
  std::string name;  // the model name, or "model: scenario"
  Labels title;      // the model's own title (`label`, `label_sv`, `label_en`); may be empty
  Terms terms;       // the model's own words for its classes and qualifications
  std::string file;
  double hours_per_fte = 0;
  double working_days_per_week = 5;  // the model's calendar, for durations in working days
  double arrivals_per_week = 0;
  Saturation saturation;
  LeadTime lead_time_weeks;
  std::vector<RoleKpi> roles;  // in the model's role order
  double handoffs_per_client = 0;
  double rework_visits_per_client = 0;
  // Share of the clients that checkpoints assess into their `assesses` class who
  // then reach a step of the `requires` role (weighted by clients per week over
  // the checkpoints with `requires`); null when no checkpoint has `requires`.
  std::optional<double> special_support_reach;
  int mandatory_checkpoints = 0;
  // Does every start-to-end route pass every mandatory checkpoint (from
  // `check_process`)? Null when the model has no mandatory checkpoint.
  std::optional<bool> mandatory_on_every_route;
  std::vector<std::string> route_skipping_mandatory;  // a route that proves it does not
  int check_errors = 0;                               // errors found by `check_process`
  int rules_broken = 0;   // of those, rules the service breaks (DiagnosticKind::service)
  int model_errors = 0;   // of those, errors in the model itself
  std::optional<std::string> top_bottleneck;          // role id: the analysis' first role bottleneck
  std::optional<std::string> busiest_role;            // role id: the highest utilisation, bottleneck or not

  const RoleKpi* find_role(const std::string& id) const;
};

// Key figures from the model and its analysis.
Kpis kpis_from(const Process& process, const Analysis& analysis, const Diagnostics& findings);

struct Comparison {
  std::vector<Kpis> models;           // models[0] is the baseline ("before")
  std::vector<StructuralDiff> diffs;  // diffs[i]: models[0] against models[i + 1]
};

// Models that cannot be compared (different units, nothing in common) or
// analysed; `diagnostics` give file:line where one applies.
struct CompareError : std::runtime_error {
  Diagnostics diagnostics;
  explicit CompareError(Diagnostics diagnostics);
};

// Problems that make two models incomparable, as file:line messages (empty: fine).
Diagnostics comparability(const Process& before, const Process& after, Lang lang = Lang::en);

// Analyses every model (sensitivity and projection off) and diffs each against
// the first. `names` title the columns (default: the model names). Throws
// CompareError.
Comparison compare_processes(const std::vector<const Process*>& processes, const std::vector<std::string>& names = {},
                             Lang lang = Lang::fi);

}  // namespace sujuva
