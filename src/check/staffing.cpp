// Staffing and modelling hints: who performs the work, whether clients arrive, and warnings
// about steps and roles that are probably not what the team meant.
#include <boost/range/iterator_range.hpp>

#include "check/check_context.h"

namespace sujuva::checks::detail {

namespace {

// Work that takes staff time: hands-on effort on a task or checkpoint, or an activity's load.
// A task with only a delay (waiting for documents) needs nobody.
bool takes_staff_time(const Step& step) {
  if (step.kind == StepKind::activity) return step.load_hours_per_week > 0;
  return step.does_work() && step.mean_effort_hours() > 0;
}

void check_roles(CheckContext& ctx) {
  const auto& roles = ctx.process.roles;
  std::vector<std::vector<std::string>> work_of(roles.size());
  std::vector<int> steps_of(roles.size(), 0);
  for (StepVertex v = 0; v < ctx.steps; ++v) {
    const Step& step = ctx.graph[v];
    if (step.role) ++steps_of[*step.role];
    if (!takes_staff_time(step)) continue;
    if (!step.role)
      ctx.error(step.line, "step " + step_name(step) +
                               ": no role performs this step (put it in a role's cluster or set role=...)");
    else
      work_of[*step.role].push_back(step.id);
  }
  for (size_t r = 0; r < roles.size(); ++r) {
    if (steps_of[r] == 0)
      ctx.warning(roles[r].line, "role " + role_name(roles[r]) + " performs no step");
    else if (roles[r].fte <= 0 && !work_of[r].empty())
      ctx.error(roles[r].line, "role " + role_name(roles[r]) + " has fte 0 but performs " +
                                   (work_of[r].size() == 1 ? "step " : "steps ") + quoted_list(work_of[r]) +
                                   ", so that work is never done");
  }
}

void check_arrivals(CheckContext& ctx) {
  if (ctx.starts.empty()) return;
  double total = 0;
  for (auto s : ctx.starts) total += ctx.graph[s].arrivals_per_week;
  if (total <= 0) {
    const Step& first = ctx.graph[ctx.starts.front()];
    ctx.error(first.line, "no clients arrive: every start step has no arrivals (set e.g. arrivals=\"40/week\" on " +
                              step_name(first) + ")");
    return;
  }
  for (auto s : ctx.starts)
    if (ctx.graph[s].arrivals_per_week <= 0)
      ctx.warning(ctx.graph[s].line,
                  "start step " + step_name(ctx.graph[s]) + " has no arrivals, so no client enters the process there");
}

bool sets_class(const ProcessGraph& g, StepVertex v, const std::string& class_name) {
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
    if (g[e].outcome == class_name) return true;
  return false;
}

}  // namespace

void check_staffing(CheckContext& ctx) {
  check_roles(ctx);
  check_arrivals(ctx);
}

void check_hints(CheckContext& ctx) {
  const auto& g = ctx.graph;
  for (StepVertex v = 0; v < ctx.steps; ++v) {
    const Step& step = g[v];
    if (step.does_work() && !step.effort && !step.delay)
      ctx.warning(step.line, "step " + step_name(step) +
                                 " has no effort and no delay, so it takes no time (set effort=... or delay=...)");
    if (step.kind == StepKind::decision && boost::out_degree(v, g) == 1)
      ctx.warning(step.line, "decision " + step_name(step) +
                                 " has only one route out, so it decides nothing (add the other routes, or make it "
                                 "a task)");
    if (step.kind == StepKind::checkpoint && !step.assesses.empty() && boost::out_degree(v, g) > 0 &&
        !sets_class(g, v, step.assesses))
      ctx.warning(step.line, "checkpoint " + step_name(step) + " assesses \"" + step.assesses +
                                 "\", but none of its routes sets outcome=\"" + step.assesses +
                                 "\", so no client is ever found to be \"" + step.assesses + "\"");
  }
}

}  // namespace sujuva::checks::detail
