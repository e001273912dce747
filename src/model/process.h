// The service process model: roles (staff pools), steps and routes in one Boost.Graph.
//
// Every later stage (checks, flow analysis, simulation, diagrams, comparison)
// reads a `Process`; none of them re-reads the DOT file.
//
//   const Process& p = ...;
//   for (auto v : boost::make_iterator_range(boost::vertices(p.graph)))
//     if (p.graph[v].role) std::cout << p.roles[*p.graph[v].role].id;
#pragma once

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/distribution.h"
#include "model/lang.h"
#include "model/units.h"

namespace sujuva {

// A text in Finnish (`label`), Swedish (`label_sv`) and English (`label_en`).
struct Labels {
  std::string fi, sv, en;
  // The text in `lang`, falling back to Finnish and then to `fallback`.
  const std::string& in(Lang lang, const std::string& fallback = {}) const;
};

// The labels of a step or a route. A model may have millions of them and most
// routes have none, so they live behind one pointer (null: no text at all);
// reads convert to `Labels`.
class StoredLabels {
 public:
  StoredLabels() = default;
  StoredLabels(const Labels& labels);  // NOLINT(google-explicit-constructor): a stored copy of Labels
  StoredLabels(const StoredLabels& other) : StoredLabels(other.labels()) {}
  StoredLabels(StoredLabels&&) noexcept = default;
  StoredLabels& operator=(const StoredLabels& other) { return *this = StoredLabels(other); }
  StoredLabels& operator=(StoredLabels&&) noexcept = default;
  operator Labels() const { return labels(); }  // NOLINT(google-explicit-constructor)

  const Labels& labels() const;
  const std::string& fi() const { return labels().fi; }
  const std::string& in(Lang lang, const std::string& fallback = {}) const { return labels().in(lang, fallback); }

 private:
  std::unique_ptr<Labels> labels_;
};

// Graphviz attributes passed through from the model (e.g. `shape`), in the
// order the file gives them.
using Drawing = std::vector<std::pair<std::string, std::string>>;

// A staff pool: a swimlane cluster in the DOT file.
struct Role {
  std::string id;
  Labels label;
  double fte = 0;
  double absence = 0;   // share of working time absent (sick leave, holidays)
  double reserved = 0;  // share kept for work outside the client flow
  std::string qualification;
  int line = 0;

  // Hours per week available to the client flow (before `activity` load).
  double capacity_hours(const Calendar& calendar) const {
    return fte * calendar.hours_per_fte * (1 - absence) * (1 - reserved);
  }
  // Hours per week left to the client flow once `activity_hours` of activity load are taken out.
  double flow_capacity_hours(const Calendar& calendar, double activity_hours) const;
};

// Capacity less activity load, never below 0: the hours per week a role gives the client flow.
inline double flow_capacity(double capacity_hours, double activity_hours) {
  return std::max(0.0, capacity_hours - activity_hours);
}

inline double Role::flow_capacity_hours(const Calendar& calendar, double activity_hours) const {
  return flow_capacity(capacity_hours(calendar), activity_hours);
}

enum class StepKind { start, task, checkpoint, decision, activity, end };

const char* to_string(StepKind kind);

using RoleIndex = int;   // index into Process::roles
using ClassIndex = int;  // index into Process::classes; 0 is the default class "standard"
constexpr ClassIndex kStandardClass = 0;

struct Step {
  std::string id;
  StoredLabels label;
  StepKind kind = StepKind::task;
  std::optional<RoleIndex> role;
  std::optional<Distribution> effort;  // staff hours of one visit
  std::optional<Distribution> delay;   // elapsed weeks without staff work
  double arrivals_per_week = 0;        // start steps
  double load_hours_per_week = 0;      // activity steps
  // Checkpoints
  std::string assesses;  // class the assessment looks for
  bool mandatory = false;
  std::string required_role;             // `requires=`: a role id or a qualification
  // `basis`, `basis_sv`, `basis_en`: the legal basis of the checkpoint's `requires` and `mandatory`
  // rules as the model states it (e.g. the Student Welfare Act for curator services); empty: the
  // rule's default (`check`).
  StoredLabels basis;
  std::optional<double> deadline_weeks;  // from arrival until this step begins
  // `deadline_basis` (`_sv`, `_en`): the law that sets the deadline (e.g. the Student Welfare Act
  // s. 15, seven working days), which a rule of its own needs apart from `basis`.
  StoredLabels deadline_basis;
  int priority = 0;                      // higher is served first (simulation)
  int line = 0;
  Drawing drawing;

  bool does_work() const { return kind == StepKind::task || kind == StepKind::checkpoint; }
  double mean_effort_hours() const { return effort ? effort->mean() : 0.0; }
  double mean_delay_weeks() const { return delay ? delay->mean() : 0.0; }
};

struct Route {
  std::optional<double> p;  // omitted: shares the remainder equally
  std::string outcome;      // class set by this route (checkpoint out-edges)
  std::string when;         // only clients of this class take it
  StoredLabels label;
  int line = 0;
  Drawing drawing;
};

using ProcessGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Step, Route>;
using StepVertex = ProcessGraph::vertex_descriptor;
using RouteEdge = ProcessGraph::edge_descriptor;

// A model's own words for its client classes and qualifications, by the name the model uses
// (graph attributes `class_kriisi="kriisiasiakas"`, `qualification_psykologi_sv="psykolog"`).
struct Terms {
  std::map<std::string, Labels> classes, qualifications;
};

struct Process {
  std::string name;  // file stem, e.g. "aikuissosiaalityo-nykytila"
  std::string file;  // as given by the user, for messages
  Labels title;
  Terms terms;
  Calendar calendar;
  std::vector<Role> roles;
  ProcessGraph graph;
  std::vector<std::string> classes{"standard"};  // class names; index 0 = default
  std::map<std::string, std::string> notes;      // other graph attributes (e.g. "assumptions")

  std::optional<StepVertex> find_step(const std::string& id) const;
  std::optional<RoleIndex> find_role(const std::string& id) const;
  std::optional<ClassIndex> find_class(const std::string& name) const;
  // Role ids that match a `requires` value: the role with that id, or every role
  // with that qualification.
  std::vector<RoleIndex> roles_matching(const std::string& role_or_qualification) const;
};

// How far from 1 the explicit probabilities of a step may add up and still count as 1.
constexpr double kProbabilityRounding = 1e-4;

// One way a client of a given class leaves a step.
struct Branch {
  RouteEdge route;
  StepVertex to;
  double probability;
  ClassIndex next_class;
};

// The routing of clients of class `client_class` at `step`: the routes the class
// may take (no `when`, or `when` naming the class), explicit `p` as given and
// the remainder shared equally by the routes without `p`. A checkpoint's route
// sets the class to its `outcome`, or back to "standard" without one; other
// steps keep the class unless the route names an `outcome`.
// Explicit probabilities that add up to 1 within kProbabilityRounding (a spreadsheet's
// 0.326667 × 3 + 0.02 = 1.000001) are scaled to add up to exactly 1; `check` warns with the
// exact sum, and a sum further from 1 stays an error.
std::vector<Branch> branches(const Process& process, StepVertex step, ClassIndex client_class);

// Per role, the `load` hours per week of its activity steps.
std::vector<double> activity_hours(const Process& process);
// Per role, the hours per week it gives the client flow: Role::flow_capacity_hours with its activity load.
std::vector<double> flow_capacity_hours(const Process& process);

}  // namespace sujuva
