// Deadlines that no client can meet: the quickest route to the step takes longer than its deadline.
#include <functional>
#include <queue>

#include "check/check_context.h"
#include "model/label_text.h"
#include "text/duration.h"

namespace sujuva::checks::detail {

namespace {

// The shortest a draw of the distribution can be: its lower end where it has one (constant,
// triangular, uniform); 0 for the exponential, gamma and lognormal, which start at 0.
double shortest(const Distribution& d) {
  switch (d.kind) {
    case DistributionKind::constant:
    case DistributionKind::triangular:
    case DistributionKind::uniform:
      return std::max(0.0, d.a);
    default:
      return 0;
  }
}

// The least calendar time a client spends at a step, without waiting: its effort (a full-time
// person does E hours in E / hours_per_fte weeks) and its delay.
double shortest_stay(const Step& step, const Calendar& calendar) {
  double weeks = 0;
  if (step.does_work() && step.effort && calendar.hours_per_fte > 0)
    weeks += shortest(*step.effort) / calendar.hours_per_fte;
  if (step.delay) weeks += shortest(*step.delay);
  return weeks;
}

}  // namespace

void check_deadlines(CheckContext& ctx) {
  bool any = false;
  for (StepVertex v = 0; v < ctx.steps; ++v) any = any || ctx.graph[v].deadline_weeks.has_value();
  if (!any) return;
  // Dijkstra from the virtual source: the earliest a client can begin each step.
  const size_t n = boost::num_vertices(ctx.flow);
  std::vector<double> earliest(n, std::numeric_limits<double>::infinity());
  std::vector<FlowVertex> parent(n, kNone);
  using Item = std::pair<double, FlowVertex>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  earliest[ctx.source] = 0;
  queue.push({0, ctx.source});
  while (!queue.empty()) {
    auto [time, u] = queue.top();
    queue.pop();
    if (time > earliest[u]) continue;
    const double leave = time + (u < ctx.steps ? shortest_stay(ctx.graph[u], ctx.process.calendar) : 0);
    for (auto e : boost::make_iterator_range(boost::out_edges(u, ctx.flow))) {
      FlowVertex v = boost::target(e, ctx.flow);
      if (leave < earliest[v]) earliest[v] = leave, parent[v] = u, queue.push({leave, v});
    }
  }
  for (StepVertex v = 0; v < ctx.steps; ++v) {
    const Step& step = ctx.graph[v];
    if (!step.deadline_weeks || !std::isfinite(earliest[v]) || earliest[v] <= *step.deadline_weeks + 1e-9) continue;
    std::vector<std::string> route;
    for (FlowVertex u = v; u != kNone && u < ctx.steps; u = parent[u]) route.insert(route.begin(), ctx.graph[u].id);
    const std::string name = step_name(step, ctx.lang);
    const std::string basis = one_line(step.deadline_basis.labels().in(ctx.lang));
    // Both in the unit of the longer, by the one duration rule ("7 työpäivää", "1,6 viikkoa").
    const double days = ctx.process.calendar.working_days_per_week(), longer = earliest[v];
    const std::string deadline =
        format_duration_like(*step.deadline_weeks, longer, days, ctx.lang, DurationStyle::words);
    const std::string quickest = format_duration_like(earliest[v], longer, days, ctx.lang, DurationStyle::words);
    ctx.service(Severity::error, "deadline-unreachable", step.line,
                ctx.say("vaiheella " + name + " on määräaika " + deadline +
                            ", mutta nopeinkin reitti sinne kestää vähintään " + quickest +
                            ": kukaan asiakas ei ehdi ajoissa",
                        "steget " + name + " har tidsfristen " + deadline +
                            ", men även den snabbaste vägen dit tar minst " + quickest +
                            ": ingen klient hinner i tid",
                        "step " + name + " has a deadline of " + deadline +
                            ", but even the quickest route there takes at least " + quickest +
                            ": no client can make it") +
                    (basis.empty() ? "" : " (" + basis + ")"),
                route, basis);
  }
}

}  // namespace sujuva::checks::detail
