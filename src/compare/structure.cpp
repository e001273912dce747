#include "compare/structure.h"

#include <fmt/format.h>

#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <map>
#include <tuple>

namespace sujuva {

const char* to_string(ChangeKind change) {
  switch (change) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::removed:
      return "removed";
    case ChangeKind::changed:
      return "changed";
  }
  return "changed";
}

int StructuralDiff::count_steps(ChangeKind change) const {
  int n = 0;
  for (const auto& s : steps) n += s.change == change;
  return n;
}

int StructuralDiff::count_routes(ChangeKind change) const {
  int n = 0;
  for (const auto& r : routes) n += r.change == change;
  return n;
}

namespace detail {

double route_probability(const Process& process, RouteEdge route) {
  const Route& r = process.graph[route];
  ClassIndex c = kStandardClass;
  if (!r.when.empty()) c = process.find_class(r.when).value_or(kStandardClass);
  for (const auto& b : branches(process, boost::source(route, process.graph), c))
    if (b.route == route) return b.probability;
  return 0;
}

namespace {

// Numbers read from the same text are bit-identical; the tolerance only keeps
// values that went through arithmetic (e.g. shared remainders) from flickering.
bool same(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

bool same(const std::optional<Distribution>& a, const std::optional<Distribution>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  return a->kind == b->kind && same(a->a, b->a) && same(a->b, b->b) && same(a->c, b->c);
}

std::string number_text(double v) { return fmt::format("{:g}", v); }

void compare_number(std::vector<FieldChange>& out, const char* field, double before, double after) {
  if (!same(before, after)) out.push_back({field, number_text(before), number_text(after), before, after});
}

void compare_text(std::vector<FieldChange>& out, const char* field, const std::string& before,
                  const std::string& after) {
  if (before != after) out.push_back({field, before, after, std::nullopt, std::nullopt});
}

// Distributions: the text form, and the mean as the number (what the flow sees).
void compare_distribution(std::vector<FieldChange>& out, const char* field, const std::optional<Distribution>& before,
                          const std::optional<Distribution>& after, const char* unit) {
  if (same(before, after)) return;
  FieldChange c{field, before ? before->describe(unit) : "", after ? after->describe(unit) : "", std::nullopt,
                std::nullopt};
  if (before) c.before_value = before->mean();
  if (after) c.after_value = after->mean();
  out.push_back(std::move(c));
}

std::string role_id(const Process& p, const Step& s) { return s.role ? p.roles[*s.role].id : ""; }

std::vector<FieldChange> step_fields(const Process& before, const Step& b, const Process& after, const Step& a) {
  std::vector<FieldChange> out;
  compare_text(out, "id", b.id, a.id);
  compare_text(out, "kind", to_string(b.kind), to_string(a.kind));
  compare_text(out, "role", role_id(before, b), role_id(after, a));
  compare_distribution(out, "effort", b.effort, a.effort, "h");
  compare_distribution(out, "delay", b.delay, a.delay, "w");
  compare_number(out, "arrivals_per_week", b.arrivals_per_week, a.arrivals_per_week);
  compare_number(out, "load_hours_per_week", b.load_hours_per_week, a.load_hours_per_week);
  compare_text(out, "assesses", b.assesses, a.assesses);
  compare_text(out, "mandatory", b.mandatory ? "true" : "false", a.mandatory ? "true" : "false");
  compare_text(out, "requires", b.required_role, a.required_role);
  if (b.deadline_weeks.has_value() != a.deadline_weeks.has_value() ||
      (b.deadline_weeks && !same(*b.deadline_weeks, *a.deadline_weeks))) {
    FieldChange c{"deadline_weeks", b.deadline_weeks ? number_text(*b.deadline_weeks) : "",
                  a.deadline_weeks ? number_text(*a.deadline_weeks) : "", b.deadline_weeks, a.deadline_weeks};
    out.push_back(std::move(c));
  }
  compare_number(out, "priority", b.priority, a.priority);
  compare_text(out, "label", b.label.fi(), a.label.fi());
  return out;
}

// Staffing is what the role gives the client flow: its people, their absence, the share
// reserved for other work and the hours its activities take out of the rest.
std::vector<FieldChange> role_fields(const Role& b, double b_activity, const Role& a, double a_activity) {
  std::vector<FieldChange> out;
  compare_number(out, "fte", b.fte, a.fte);
  compare_number(out, "absence", b.absence, a.absence);
  compare_number(out, "reserved", b.reserved, a.reserved);
  compare_number(out, "activity_hours_per_week", b_activity, a_activity);
  compare_text(out, "qualification", b.qualification, a.qualification);
  compare_text(out, "label", b.label.fi, a.label.fi);
  return out;
}

std::vector<StepVertex> all_steps(const Process& p) {
  auto range = boost::vertices(p.graph);
  return {range.first, range.second};
}

void diff_steps(const Process& before, const Process& after, const StepMatching& m, StructuralDiff& diff) {
  for (StepVertex a : all_steps(after)) {
    const Step& s = after.graph[a];
    if (!m.before_of_after[a]) {
      diff.steps.push_back({ChangeKind::added, s.id, "", s.label, false, {}});
      continue;
    }
    const Step& b = before.graph[*m.before_of_after[a]];
    auto fields = step_fields(before, b, after, s);
    if (!fields.empty()) diff.steps.push_back({ChangeKind::changed, s.id, b.id, s.label, m.by_label[a], fields});
  }
  for (StepVertex b : all_steps(before)) {
    const Step& s = before.graph[b];
    if (!m.after_of_before[b]) diff.steps.push_back({ChangeKind::removed, s.id, s.id, s.label, false, {}});
  }
}

// A route's identity across models: end points (in after-model vertices where
// matched) and its `when` class.
using RouteKey = std::tuple<std::string, std::string, std::string>;

std::string after_name(const Process& before, const Process& after, const StepMatching& m, StepVertex b) {
  return m.after_of_before[b] ? after.graph[*m.after_of_before[b]].id : before.graph[b].id;
}

void diff_routes(const Process& before, const Process& after, const StepMatching& m, StructuralDiff& diff) {
  // Routes of the before model by key; parallel routes with one key pair in order.
  std::map<RouteKey, std::vector<RouteEdge>> before_routes;
  for (auto e : boost::make_iterator_range(boost::edges(before.graph))) {
    auto s = boost::source(e, before.graph), t = boost::target(e, before.graph);
    // A route can only exist in both models when both of its steps do.
    std::string prefix = m.after_of_before[s] && m.after_of_before[t] ? "" : "\x01";
    before_routes[{prefix + after_name(before, after, m, s), after_name(before, after, m, t), before.graph[e].when}]
        .push_back(e);
  }
  for (auto e : boost::make_iterator_range(boost::edges(after.graph))) {
    const Route& r = after.graph[e];
    const std::string& from = after.graph[boost::source(e, after.graph)].id;
    const std::string& to = after.graph[boost::target(e, after.graph)].id;
    auto found = before_routes.find({from, to, r.when});
    if (found == before_routes.end() || found->second.empty()) {
      diff.routes.push_back({ChangeKind::added, from, to, r.when, {}});
      continue;
    }
    RouteEdge b = found->second.front();
    found->second.erase(found->second.begin());
    std::vector<FieldChange> fields;
    compare_number(fields, "p", route_probability(before, b), route_probability(after, e));
    compare_text(fields, "outcome", before.graph[b].outcome, r.outcome);
    if (!fields.empty()) diff.routes.push_back({ChangeKind::changed, from, to, r.when, fields});
  }
  for (const auto& [key, left] : before_routes)
    for (RouteEdge b : left) {
      auto s = boost::source(b, before.graph), t = boost::target(b, before.graph);
      diff.routes.push_back({ChangeKind::removed,
                             after_name(before, after, m, s),
                             after_name(before, after, m, t),
                             before.graph[b].when,
                             {}});
    }
}

void diff_roles(const Process& before, const Process& after, StructuralDiff& diff) {
  const std::vector<double> before_activity = activity_hours(before), after_activity = activity_hours(after);
  for (RoleIndex r = 0; r < static_cast<RoleIndex>(after.roles.size()); ++r) {
    const Role& a = after.roles[r];
    auto b = before.find_role(a.id);
    if (!b) {
      diff.roles.push_back({ChangeKind::added, a.id, a.label, {}});
      continue;
    }
    auto fields = role_fields(before.roles[*b], before_activity[*b], a, after_activity[r]);
    if (!fields.empty()) diff.roles.push_back({ChangeKind::changed, a.id, a.label, fields});
  }
  for (const Role& b : before.roles)
    if (!after.find_role(b.id)) diff.roles.push_back({ChangeKind::removed, b.id, b.label, {}});
}

void diff_checkpoints(const Process& before, const Process& after, const StepMatching& m, StructuralDiff& diff) {
  for (StepVertex a : all_steps(after)) {
    const Step& s = after.graph[a];
    if (s.kind != StepKind::checkpoint) continue;
    const Step* b = m.before_of_after[a] ? &before.graph[*m.before_of_after[a]] : nullptr;
    bool was_checkpoint = b && b->kind == StepKind::checkpoint;
    if (!was_checkpoint) diff.checkpoints_added.push_back(s.id);
    if (s.mandatory && !(was_checkpoint && b->mandatory)) diff.checkpoints_made_mandatory.push_back(s.id);
  }
  for (StepVertex b : all_steps(before)) {
    const Step& s = before.graph[b];
    if (s.kind != StepKind::checkpoint || !s.mandatory) continue;
    auto a = m.after_of_before[b];
    if (!a || after.graph[*a].kind != StepKind::checkpoint || !after.graph[*a].mandatory)
      diff.checkpoints_no_longer_mandatory.push_back(a ? after.graph[*a].id : s.id);
  }
}

}  // namespace
}  // namespace detail

StepMatching match_steps(const Process& before, const Process& after) {
  StepMatching m;
  m.after_of_before.assign(boost::num_vertices(before.graph), std::nullopt);
  m.before_of_after.assign(boost::num_vertices(after.graph), std::nullopt);
  m.by_label.assign(boost::num_vertices(after.graph), false);
  for (StepVertex a : detail::all_steps(after))
    if (auto b = before.find_step(after.graph[a].id)) {
      m.before_of_after[a] = *b;
      m.after_of_before[*b] = a;
    }
  // Label fallback: only a label that is unique among the unmatched steps on
  // both sides, so that a renamed id is recognised but twins are never guessed.
  std::map<std::string, std::vector<StepVertex>> before_by_label, after_by_label;
  for (StepVertex b : detail::all_steps(before))
    if (!m.after_of_before[b] && !before.graph[b].label.fi().empty())
      before_by_label[before.graph[b].label.fi()].push_back(b);
  for (StepVertex a : detail::all_steps(after))
    if (!m.before_of_after[a] && !after.graph[a].label.fi().empty())
      after_by_label[after.graph[a].label.fi()].push_back(a);
  for (const auto& [label, afters] : after_by_label) {
    auto found = before_by_label.find(label);
    if (afters.size() != 1 || found == before_by_label.end() || found->second.size() != 1) continue;
    m.before_of_after[afters[0]] = found->second[0];
    m.after_of_before[found->second[0]] = afters[0];
    m.by_label[afters[0]] = true;
  }
  return m;
}

StructuralDiff diff_structure(const Process& before, const Process& after) {
  StructuralDiff diff;
  StepMatching m = match_steps(before, after);
  for (const auto& b : m.before_of_after) diff.common_steps += b.has_value();
  detail::diff_steps(before, after, m, diff);
  detail::diff_routes(before, after, m, diff);
  detail::diff_roles(before, after, diff);
  detail::diff_checkpoints(before, after, m, diff);
  diff.matching = std::move(m);
  return diff;
}

}  // namespace sujuva
