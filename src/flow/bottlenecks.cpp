// Bottlenecks: the roles, steps, loops and handoffs that cost the clients most time.
#include <algorithm>
#include <tuple>

#include "flow/analysis_internal.h"

namespace sujuva::detail {

void fill_bottlenecks(const Process& process, const Flow& f, const std::vector<std::vector<double>>& handoffs,
                      const AnalysisOptions& options, Analysis& a) {
  const auto& lead = a.lead_time_weeks.mean;
  // Roles by the one rule (is_bottleneck): unstable first (by utilisation), then by the share of
  // lead time spent waiting for them, at most three.
  for (auto& r : a.roles) {
    if (lead && *lead > 0 && r.wait_weeks && f.total_arrivals > 0)
      r.wait_share_of_lead_time = r.visits_per_week / f.total_arrivals * *r.wait_weeks / *lead;
    r.bottleneck = is_bottleneck(r);
  }
  std::vector<const RoleResult*> roles;
  for (const auto& r : a.roles)
    if (r.bottleneck) roles.push_back(&r);
  auto score = [&](const RoleResult* r) {
    return std::make_tuple(r->stable ? 0 : 1,
                           r->stable ? r->wait_share_of_lead_time.value_or(0) : r->utilisation.value_or(1e300),
                           r->utilisation.value_or(1e300));
  };
  std::stable_sort(roles.begin(), roles.end(), [&](auto x, auto y) { return score(x) > score(y); });
  std::vector<Bottleneck> list;
  for (size_t i = 0; i < roles.size() && i < 3; ++i) {
    const auto& r = *roles[i];
    list.push_back(
        {.kind = "role", .id = r.id, .share_of_lead_time = r.share_of_lead_time, .utilisation = r.utilisation});
  }
  // Steps that take the largest share of the lead time.
  std::vector<const StepResult*> steps;
  for (const auto& s : a.steps)
    if (s.share_of_lead_time && *s.share_of_lead_time >= 0.15) steps.push_back(&s);
  std::stable_sort(steps.begin(), steps.end(),
                   [](auto x, auto y) { return *x->share_of_lead_time > *y->share_of_lead_time; });
  for (size_t i = 0; i < steps.size() && i < 3; ++i) {
    const auto* role = steps[i]->role ? a.find_role(*steps[i]->role) : nullptr;
    list.push_back({.kind = "step",
                    .id = steps[i]->id,
                    .share_of_lead_time = steps[i]->share_of_lead_time,
                    .utilisation = role ? role->utilisation : std::nullopt});
  }
  // Loops (blocks with internal transitions) by the time their repeat visits add.
  struct LoopTime {
    std::string entry;
    double added, extra;
  };
  std::vector<LoopTime> loops;
  std::vector<StepVertex> members;
  for (int b = 0; b < f.blocks.count(); ++b) {
    if (!f.blocks.has_internal[b] || f.blocks.states(b).empty()) continue;
    members.clear();
    for (int u : f.blocks.states(b)) members.push_back(f.space.step[u]);
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    LoopTime loop{"", 0, 0};
    double most_added = -1;  // the loop is named by the step whose repeats add the most time
    bool known = true;
    for (StepVertex v : members) {
      const auto& s = a.steps[v];
      if (!s.reach || !s.sojourn_weeks) {
        known = false;
        break;
      }
      double extra = std::max(0.0, s.visits - *s.reach);
      loop.extra += extra;
      loop.added += extra * *s.sojourn_weeks;
      if (extra * *s.sojourn_weeks > most_added) most_added = extra * *s.sojourn_weeks, loop.entry = s.id;
    }
    if (known && loop.extra > 1e-9) loops.push_back(loop);
  }
  std::stable_sort(loops.begin(), loops.end(), [](auto& x, auto& y) { return x.added > y.added; });
  for (size_t i = 0; i < loops.size() && i < 2; ++i) {
    std::optional<double> share;
    if (lead && *lead > 0) share = loops[i].added / *lead;
    if (share && *share < 0.05) continue;
    list.push_back({.kind = "loop",
                    .id = loops[i].entry,
                    .share_of_lead_time = share,
                    .added_weeks = loops[i].added,
                    .extra_visits = loops[i].extra});
  }
  // Handoff hotspots: the role pairs with the most moves per client.
  struct Pair {
    size_t from, to;
    double flow;
  };
  std::vector<Pair> pairs;
  for (size_t r = 0; r < handoffs.size(); ++r)
    for (size_t t = 0; t < handoffs.size(); ++t)
      if (handoffs[r][t] > 1e-12) pairs.push_back({r, t, handoffs[r][t]});
  std::stable_sort(pairs.begin(), pairs.end(), [](auto& x, auto& y) { return x.flow > y.flow; });
  for (size_t i = 0; i < pairs.size() && i < 2; ++i) {
    const auto& from = process.roles[pairs[i].from];
    const auto& to = process.roles[pairs[i].to];
    double per_client = pairs[i].flow / f.total_arrivals;
    if (per_client < 0.2) break;
    list.push_back({.kind = "handoff",
                    .id = from.id + "->" + to.id,
                    .from_role = from.id,
                    .to_role = to.id,
                    .handoffs_per_client = per_client,
                    .handoffs_per_week = pairs[i].flow});
  }
  a.bottlenecks = std::move(list);
}

}  // namespace sujuva::detail
