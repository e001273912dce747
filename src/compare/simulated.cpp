// Kept apart from the flow analysis: this file includes only the simulation's header.
#include "compare/simulated.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "sim/simulation.h"
#include "sim/statistics.h"
#include "text/format.h"

namespace sujuva {

namespace detail {
namespace {

std::optional<double> finite(double x) { return std::isfinite(x) ? std::optional<double>(x) : std::nullopt; }

Interval interval(const Estimate& e, const std::vector<double>& replications) {
  if (!e.has_value()) return {};
  return {finite(e.mean), finite(e.low), finite(e.high), replications};
}

}  // namespace
}  // namespace detail

double comparison_warmup_weeks(const std::vector<const Process*>& processes, const SimulatedOptions& options) {
  if (options.warmup_weeks) return *options.warmup_weeks;
  double warmup = 0;
  for (const Process* p : processes) warmup = std::max(warmup, suggested_warmup_weeks(*p, options.lang));
  return warmup;
}

std::optional<PairedDifference> paired_difference(const Interval& a, const Interval& b) {
  if (a.replications.size() != b.replications.size()) return std::nullopt;
  std::vector<double> differences;
  for (size_t r = 0; r < a.replications.size(); ++r)
    if (std::isfinite(a.replications[r]) && std::isfinite(b.replications[r]))
      differences.push_back(b.replications[r] - a.replications[r]);
  const Estimate e = estimate(differences);
  if (e.samples < 2) return std::nullopt;
  return PairedDifference{e.mean, e.low, e.high, e.samples};
}

bool significant(const Interval& a, const Interval& b) {
  if (auto paired = paired_difference(a, b)) return paired->excludes_zero();
  if (!a.low || !a.high || !b.low || !b.high) return false;
  return *a.high < *b.low || *b.high < *a.low;
}

std::vector<SimulatedKpis> simulate_for_comparison(const std::vector<const Process*>& processes,
                                                   const SimulatedOptions& options) {
  using detail::interval;
  std::vector<SimulatedKpis> out;
  const double warmup = comparison_warmup_weeks(processes, options);
  for (const Process* p : processes) {
    SimulationOptions o;
    o.weeks = options.weeks;
    o.warmup_weeks = warmup;
    o.replications = options.replications;
    o.seed = options.seed;  // the same seed for every model: common random numbers
    o.lang = options.lang;
    o.weekly_series = false;
    Simulation sim = simulate(*p, o);
    SimulatedKpis k;
    const auto& by = sim.by_replication;
    k.lead_mean = interval(sim.overall.lead_time_weeks.mean, by.lead_mean);
    k.lead_p50 = interval(sim.overall.lead_time_weeks.p50, by.lead_p50);
    k.lead_p90 = interval(sim.overall.lead_time_weeks.p90, by.lead_p90);
    k.lead_p95 = interval(sim.overall.lead_time_weeks.p95, by.lead_p95);
    for (size_t i = 0; i < sim.deadlines.size(); ++i) {
      const auto& d = sim.deadlines[i];
      k.deadlines.push_back({d.step, d.label, d.deadline_weeks, interval(d.share_within, by.deadline_share[i])});
    }
    k.unstable = sim.unstable();
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace sujuva
