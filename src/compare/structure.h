// Structural diff of two process models: steps, routes and roles added, removed or changed.
//
// Steps are matched by id, then (for the ones left) by equal Finnish label; roles
// by id; routes by their matched end points and `when` class.
//
//   StructuralDiff d = diff_structure(before, after);
//   for (const auto& s : d.steps) std::cout << to_string(s.change) << " " << s.id << "\n";
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/process.h"

namespace sujuva {

enum class ChangeKind { added, removed, changed };

const char* to_string(ChangeKind change);

// One attribute that differs: display text on each side ("" when absent) and,
// for numeric attributes, the numbers.
// The numbers are in the model's units: effort in hours and delay in weeks (the means),
// deadline_weeks in weeks, p and the shares of time (absence, reserved) as fractions,
// arrivals_per_week and the loads in clients or hours a week.
struct FieldChange {
  std::string field;  // "kind", "role", "effort", "delay", "p", "fte", "absence", ...
  std::string before, after;
  std::optional<double> before_value, after_value;
};

struct StepChange {
  ChangeKind change = ChangeKind::changed;
  std::string id;         // in the after model (the before model's id for a removed step)
  std::string before_id;  // the before model's id (differs from `id` when matched by label)
  Labels label;
  bool matched_by_label = false;
  std::vector<FieldChange> fields;  // what differs (changed steps only)
};

struct RouteChange {
  ChangeKind change = ChangeKind::changed;
  std::string from, to;  // step ids, named as in the after model where the step exists there
  std::string when;      // the class the route is for ("" = every class)
  std::vector<FieldChange> fields;
};

struct RoleChange {
  ChangeKind change = ChangeKind::changed;
  std::string id;
  Labels label;
  // fte, absence, reserved, activity_hours_per_week (the load of the role's activities, hours a
  // week), qualification, label
  std::vector<FieldChange> fields;
};

// Which step of one model is which step of the other.
struct StepMatching {
  std::vector<std::optional<StepVertex>> after_of_before;  // by before vertex
  std::vector<std::optional<StepVertex>> before_of_after;  // by after vertex
  std::vector<bool> by_label;                              // by after vertex: matched by label, not id
};

struct StructuralDiff {
  std::vector<StepChange> steps;
  std::vector<RouteChange> routes;
  std::vector<RoleChange> roles;
  std::vector<std::string> checkpoints_added;           // after-model step ids
  std::vector<std::string> checkpoints_made_mandatory;  // after-model step ids
  std::vector<std::string> checkpoints_no_longer_mandatory;
  int common_steps = 0;   // steps matched between the models
  StepMatching matching;  // the steps of the two models that are one step

  bool empty() const { return steps.empty() && routes.empty() && roles.empty(); }
  int count_steps(ChangeKind change) const;
  int count_routes(ChangeKind change) const;
};

StepMatching match_steps(const Process& before, const Process& after);

StructuralDiff diff_structure(const Process& before, const Process& after);

namespace detail {
// The probability that a client takes `route` at its source: for its `when`
// class, or for the standard class when the route has no `when`.
double route_probability(const Process& process, RouteEdge route);
}  // namespace detail

}  // namespace sujuva
