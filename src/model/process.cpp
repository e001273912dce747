#include "model/process.h"

#include <cmath>

#include <boost/range/iterator_range.hpp>

namespace sujuva {

const std::string& Labels::in(Lang lang, const std::string& fallback) const {
  const std::string& wanted = lang == Lang::sv ? sv : lang == Lang::en ? en : fi;
  if (!wanted.empty()) return wanted;
  if (!fi.empty()) return fi;
  return fallback;
}

StoredLabels::StoredLabels(const Labels& labels) {
  if (!labels.fi.empty() || !labels.sv.empty() || !labels.en.empty()) labels_ = std::make_unique<Labels>(labels);
}

const Labels& StoredLabels::labels() const {
  static const Labels none;
  return labels_ ? *labels_ : none;
}

const char* to_string(StepKind kind) {
  switch (kind) {
    case StepKind::start:
      return "start";
    case StepKind::task:
      return "task";
    case StepKind::checkpoint:
      return "checkpoint";
    case StepKind::decision:
      return "decision";
    case StepKind::activity:
      return "activity";
    case StepKind::end:
      return "end";
  }
  return "task";
}

std::optional<StepVertex> Process::find_step(const std::string& id) const {
  for (auto v : boost::make_iterator_range(boost::vertices(graph)))
    if (graph[v].id == id) return v;
  return std::nullopt;
}

std::optional<RoleIndex> Process::find_role(const std::string& id) const {
  for (size_t i = 0; i < roles.size(); ++i)
    if (roles[i].id == id) return static_cast<RoleIndex>(i);
  return std::nullopt;
}

std::optional<ClassIndex> Process::find_class(const std::string& name) const {
  for (size_t i = 0; i < classes.size(); ++i)
    if (classes[i] == name) return static_cast<ClassIndex>(i);
  return std::nullopt;
}

std::vector<RoleIndex> Process::roles_matching(const std::string& role_or_qualification) const {
  std::vector<RoleIndex> matches;
  for (size_t i = 0; i < roles.size(); ++i)
    if (roles[i].id == role_or_qualification || roles[i].qualification == role_or_qualification)
      matches.push_back(static_cast<RoleIndex>(i));
  return matches;
}

std::vector<Branch> branches(const Process& process, StepVertex step, ClassIndex client_class) {
  const auto& g = process.graph;
  const std::string& class_name = process.classes[client_class];
  std::vector<Branch> result;
  double explicit_sum = 0;
  int without_p = 0;
  for (auto e : boost::make_iterator_range(boost::out_edges(step, g))) {
    const Route& route = g[e];
    if (!route.when.empty() && route.when != class_name) continue;
    ClassIndex next = client_class;
    if (!route.outcome.empty())
      next = process.find_class(route.outcome).value_or(kStandardClass);
    else if (g[step].kind == StepKind::checkpoint)
      next = kStandardClass;
    result.push_back({e, boost::target(e, g), route.p.value_or(-1.0), next});
    if (route.p)
      explicit_sum += *route.p;
    else
      ++without_p;
  }
  const double off = explicit_sum - 1;
  if (std::abs(off) <= kProbabilityRounding && off != 0 && (without_p == 0 || off > 0)) {
    for (auto& b : result)
      if (b.probability >= 0) b.probability /= explicit_sum;
    explicit_sum = 1;
  }
  if (without_p > 0) {
    double share = std::max(0.0, 1.0 - explicit_sum) / without_p;
    for (auto& b : result)
      if (b.probability < 0) b.probability = share;
  }
  return result;
}

std::vector<double> activity_hours(const Process& process) {
  std::vector<double> hours(process.roles.size(), 0.0);
  for (auto v : boost::make_iterator_range(boost::vertices(process.graph))) {
    const Step& step = process.graph[v];
    if (step.kind == StepKind::activity && step.role) hours[*step.role] += step.load_hours_per_week;
  }
  return hours;
}

std::vector<double> flow_capacity_hours(const Process& process) {
  std::vector<double> hours = activity_hours(process);
  for (size_t r = 0; r < hours.size(); ++r) hours[r] = process.roles[r].flow_capacity_hours(process.calendar, hours[r]);
  return hours;
}

}  // namespace sujuva
