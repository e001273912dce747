// Runs the replications on worker threads and turns them into estimates with confidence intervals.
#include "sim/simulation.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>

#include "sim/engine.h"
#include "sim/statistics.h"

namespace sujuva {

bool Simulation::unstable() const {
  return std::any_of(roles.begin(), roles.end(), [](const SimulatedRole& r) { return r.unstable; });
}

namespace sim {
namespace {

constexpr double kMaxWeeks = 100'000;  // about 1 900 years
constexpr int kMaxReplications = 100'000;
constexpr double kMaxArrivals = 1e9;  // minutes of computing at 10^7 events per second

// Options are usage: their messages are in the options' language, as the command line's own.
SimulationError usage_error(const std::string& message) { return SimulationError(message, true); }

// "--weeks on oltava yli 0 ja enintään 100000 (annettu -1)": `range` is already in `lang`.
SimulationError out_of_range(Lang lang, const char* option, const std::string& range, const std::string& got) {
  return usage_error(fmt::format(
      fmt::runtime(say(lang, "{} on oltava {} (annettu {})", "{} ska vara {} (angivet {})", "{} must be {} (got {})")),
      option, range, got));
}

void validate(const SimulationOptions& o) {
  const Lang l = o.lang;
  auto between = [&](auto low, auto high) { return fmt::format("{}–{}", low, high); };
  if (!(o.weeks > 0) || !(o.weeks <= kMaxWeeks))
    throw out_of_range(l, "--weeks",
                       fmt::format(fmt::runtime(say(l, "yli 0 ja enintään {:.0f}", "över 0 och högst {:.0f}",
                                                    "above 0 and at most {:.0f}")),
                                   kMaxWeeks),
                       fmt::format("{:g}", o.weeks));
  if (!(o.warmup_weeks >= 0) || !(o.warmup_weeks <= kMaxWeeks))
    throw out_of_range(
        l, "--warmup",
        fmt::format(fmt::runtime(say(l, "0–{:.0f} viikkoa", "0–{:.0f} veckor", "0–{:.0f} weeks")), kMaxWeeks),
        fmt::format("{:g}", o.warmup_weeks));
  if (o.replications < 1 || o.replications > kMaxReplications)
    throw out_of_range(l, "--replications", between(1, kMaxReplications), std::to_string(o.replications));
  if (o.threads < 0 || o.threads > 1024)
    throw out_of_range(l, "--threads",
                       between(0, 1024) + say(l, " (0: kaikki ytimet)", " (0: alla kärnor)", " (0: all cores)"),
                       std::to_string(o.threads));
  if (!(o.absence_spell_weeks > 0) || !(o.absence_spell_weeks <= kMaxWeeks))
    throw out_of_range(l, "--absence-spell", say(l, "yli 0 viikkoa", "över 0 veckor", "above 0 weeks"),
                       fmt::format("{:g}", o.absence_spell_weeks));
  if (o.max_queue < 1 || o.max_queue > 100'000'000)
    throw out_of_range(l, "--max-queue", between(1, 100'000'000), std::to_string(o.max_queue));
  if (o.max_visits < 1 || o.max_visits > 2'000'000'000)
    throw out_of_range(l, "--max-visits", between(1, 2'000'000'000), std::to_string(o.max_visits));
}

// Sums of a weekly series over replications: whole numbers, so the sums are exact in
// double and do not depend on which thread ran which replication.
struct SeriesSums {
  std::vector<double> sum, sum_squares;
  std::vector<int> count;
  void resize(size_t n) {
    sum.assign(n, 0);
    sum_squares.assign(n, 0);
    count.assign(n, 0);
  }
  void add(const std::vector<double>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      if (!std::isfinite(values[i])) continue;
      sum[i] += values[i];
      sum_squares[i] += values[i] * values[i];
      ++count[i];
    }
  }
  void merge(const SeriesSums& other) {
    for (size_t i = 0; i < sum.size(); ++i) {
      sum[i] += other.sum[i];
      sum_squares[i] += other.sum_squares[i];
      count[i] += other.count[i];
    }
  }
  Estimate at(size_t i) const {  // the weekly series are counts: the interval stops at 0
    Estimate e;
    e.samples = count[i];
    if (e.samples == 0) return e;
    double n = e.samples;
    e.mean = sum[i] / n;
    if (e.samples < 2) return e;
    double variance = std::max(0.0, (sum_squares[i] - sum[i] * sum[i] / n) / (n - 1));
    double half = student_t_975(e.samples - 1) * std::sqrt(variance / n);
    e.low = std::max(0.0, e.mean - half);
    e.high = e.mean + half;
    return e;
  }
};

// Runs every replication; results land in replication order whatever the thread count.
struct Runs {
  std::vector<ReplicationResult> results;
  SeriesSums weekly;
};

Runs run_all(const std::vector<Phase>& phases, const SimulationOptions& options) {
  const int total = options.replications;
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, total);
  Runs runs;
  runs.results.resize(total);
  std::vector<SeriesSums> sums(threads);
  std::atomic<int> next{0};
  std::mutex progress_mutex;
  int done = 0;
  auto work = [&](int worker) {
    // Every worker reads a copy of the compiled model and the options made in its own thread.
    // Shared, they sat in the main thread's heap beside that thread's hot records, so every
    // write there took the cache lines away from the other core: with 2 threads each ran 6 to
    // 40 % (median 13 %) fewer events per CPU second than one thread alone (tools/bench/sim, "2 threads").
    const std::vector<Phase> own_phases = phases;
    SimulationOptions own_options = options;
    own_options.progress = nullptr;  // called below, from the shared options
    Replication replication(own_phases, own_options);
    while (true) {
      int i = next.fetch_add(1);
      if (i >= total) break;
      ReplicationResult r = replication.run(static_cast<std::uint64_t>(i));
      if (sums[worker].sum.empty()) sums[worker].resize(r.weekly.size());
      sums[worker].add(r.weekly);
      r.weekly.clear();
      r.weekly.shrink_to_fit();
      runs.results[i] = std::move(r);
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        options.progress(++done, total);
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
  for (auto& s : sums) {
    if (s.sum.empty()) continue;
    if (runs.weekly.sum.empty())
      runs.weekly = s;
    else
      runs.weekly.merge(s);
  }
  return runs;
}

// Clamps the interval to the values the quantity can take (a queue is never negative, a
// share never above 1). The true value always lies inside those bounds, so clamping
// never changes whether the interval covers it.
Estimate bounded(Estimate e, double low = 0, double high = std::numeric_limits<double>::infinity()) {
  if (e.samples > 1) {
    e.low = std::clamp(e.low, low, high);
    e.high = std::clamp(e.high, low, high);
  }
  return e;
}

// Mean and interval of a non-negative figure over the replications.
template <class Get>
Estimate across(const std::vector<ReplicationResult>& results, Get get, double high = INFINITY) {
  std::vector<double> values;
  values.reserve(results.size());
  for (const auto& r : results) values.push_back(get(r));
  return bounded(estimate(values), 0, high);
}

template <class Get>
Estimate signed_across(const std::vector<ReplicationResult>& results, Get get) {
  std::vector<double> values;
  values.reserve(results.size());
  for (const auto& r : results) values.push_back(get(r));
  return estimate(values);
}

template <class Get>
DurationSummary summary_across(const std::vector<ReplicationResult>& results, Get get) {
  return {across(results, [&](const auto& r) { return get(r).mean; }),
          across(results, [&](const auto& r) { return get(r).p50; }),
          across(results, [&](const auto& r) { return get(r).p90; }),
          across(results, [&](const auto& r) { return get(r).p95; })};
}

// `figures` picks the replication's figures: by class or by assessment outcome.
template <class Figures>
ClassResult class_result(const std::vector<ReplicationResult>& results, int k, std::string name, Figures figures) {
  ClassResult c;
  c.name = std::move(name);
  c.lead_time_weeks = summary_across(results, [&](const auto& r) { return figures(r)[k].lead_time; });
  c.throughput_per_week = across(results, [&](const auto& r) { return figures(r)[k].throughput_per_week; });
  c.wip = across(results, [&](const auto& r) { return figures(r)[k].wip; });
  return c;
}

ClassResult class_result(const std::vector<ReplicationResult>& results, int k, std::string name) {
  return class_result(
      results, k, std::move(name), [](const ReplicationResult& r) -> const auto& { return r.classes; });
}

void add_roles(const Process& process, const CompiledModel& model, const Runs& runs, Simulation& sim) {
  const auto& results = runs.results;
  for (size_t i = 0; i < model.roles.size(); ++i) {
    SimulatedRole role;
    role.id = model.roles[i].id;
    role.label = process.roles[i].label;
    role.servers = model.roles[i].servers;
    auto field = [&](double RoleFigures::*member) {
      return across(results, [&](const auto& r) { return r.roles[i].*member; });
    };
    role.utilisation = field(&RoleFigures::utilisation);
    role.offered_load = field(&RoleFigures::offered_load);
    role.queue = field(&RoleFigures::queue);
    role.busy_servers = field(&RoleFigures::busy_servers);
    role.visits_per_week = field(&RoleFigures::visits_per_week);
    role.wait_weeks = summary_across(results, [&](const auto& r) { return r.roles[i].wait; });
    role.backlog_growth_per_week = signed_across(results, [&](const auto& r) { return r.roles[i].growth_per_week; });
    role.backlog_growth_hours_per_week =
        signed_across(results, [&](const auto& r) { return r.roles[i].growth_hours_per_week; });
    bool guarded = std::any_of(results.begin(), results.end(), [&](const auto& r) {
      return r.guard && r.guard->kind == "unstable" && r.guard->role == role.id;
    });
    // Work arriving faster than the staff can do it, and a queue that grew over the window.
    bool overloaded = model.roles[i].has_work && role.offered_load.mean >= 1 && role.backlog_growth_per_week.mean > 0;
    role.unstable = guarded || overloaded;
    sim.roles.push_back(role);
  }
}

void add_guards(const Runs& runs, Simulation& sim, Lang lang) {
  for (const auto& r : runs.results) {
    if (!r.guard) continue;
    bool seen = std::any_of(sim.guards.begin(), sim.guards.end(), [&](const SimulationGuard& g) {
      return g.kind == r.guard->kind && g.role == r.guard->role && g.step == r.guard->step;
    });
    if (!seen) sim.guards.push_back(*r.guard);
  }
  for (const auto& role : sim.roles) {
    if (!role.unstable) continue;
    bool seen = std::any_of(sim.guards.begin(), sim.guards.end(),
                            [&](const SimulationGuard& g) { return g.kind == "unstable" && g.role == role.id; });
    if (seen) continue;
    SimulationGuard g;
    g.kind = "unstable";
    g.role = role.id;
    g.week = sim.options.warmup_weeks + sim.options.weeks;
    g.message = fmt::format(
        "role \"{}\": work arrives at {:.0f} % of its capacity; the queue grows about {:.1f} clients ({:.1f} hours) "
        "a week: the model is unstable",
        role.id, 100 * role.offered_load.mean, role.backlog_growth_per_week.mean,
        role.backlog_growth_hours_per_week.mean);
    sim.guards.push_back(g);
  }
}

void add_weekly(const CompiledModel& model, const Runs& runs, Simulation& sim) {
  const auto& sums = runs.weekly;
  if (sums.sum.empty()) return;
  const size_t series = model.roles.size() + 3;
  const size_t weeks = sums.sum.size() / series;
  WeeklySeries& w = sim.weekly;
  for (const auto& r : model.roles) w.roles.push_back(r.id);
  w.queue.assign(model.roles.size(), {});
  for (size_t week = 0; week < weeks; ++week) {
    size_t row = week * series;
    for (size_t r = 0; r < model.roles.size(); ++r) w.queue[r].push_back(sums.at(row + r));
    w.wip.push_back(sums.at(row + model.roles.size()));
    w.arrivals.push_back(sums.at(row + model.roles.size() + 1));
    w.completions.push_back(sums.at(row + model.roles.size() + 2));
  }
}

// The base model and one phase per distinct week of the timeline, each with the changes up
// to that week applied.
std::vector<Phase> phases_of(const Process& process, const SimulationOptions& options) {
  std::vector<Phase> phases;
  const double horizon = options.warmup_weeks + options.weeks;
  Process current = process;
  size_t next = 0;
  if (options.timeline) {
    const Timeline& timeline = *options.timeline;
    Diagnostics problems = validate_timeline(timeline, process, options.lang);
    if (!problems.empty()) throw SimulationError(problems.front().format(options.lang));
    for (const auto& change : timeline.changes)
      if (change.week >= horizon)
        throw SimulationError(Diagnostic{
            Severity::error,
            timeline.file,
            change.line,
            fmt::format(fmt::runtime(say(options.lang,
                                         "viikko {:g} on simuloidun jakson jälkeen: simulointi kattaa viikot 0–{:g} "
                                         "({:g} lämmittelyä + {:g} mitattua)",
                                         "vecka {:g} ligger efter den simulerade perioden: simuleringen omfattar "
                                         "veckorna 0–{:g} ({:g} uppvärmning + {:g} mätta)",
                                         "week {:g} is beyond the simulated horizon: the simulation runs weeks 0 to "
                                         "{:g} ({:g} warm-up + {:g} measured)")),
                        change.week, horizon, options.warmup_weeks, options.weeks),
            {}}.format(options.lang));
    apply_timeline_until(timeline, 0, next, current);
  }
  phases.push_back({0, compile(current, options)});
  while (options.timeline && next < options.timeline->changes.size()) {
    double week = options.timeline->changes[next].week;
    apply_timeline_until(*options.timeline, week, next, current);
    phases.push_back({week, compile(current, options, false)});
  }
  return phases;
}

void check_volume(const Process& process, const std::vector<Phase>& phases, const SimulationOptions& options) {
  const double horizon = options.warmup_weeks + options.weeks;
  double per_replication = 0;
  for (size_t k = 0; k < phases.size(); ++k) {
    double end = k + 1 < phases.size() ? phases[k + 1].week : horizon;
    per_replication += phases[k].model.arrivals_per_week() * (end - phases[k].week);
  }
  double arrivals = per_replication * options.replications;
  if (arrivals > kMaxArrivals)
    throw SimulationError(fmt::format(
        fmt::runtime(say(options.lang,
                         "{}: noin {:.2g} asiakkaan saapumista ({:.3g} viikossa keskimäärin × {:g} viikkoa × {} "
                         "toistoa) on enemmän kuin simuloinnin enimmäismäärä {:.0g}; lyhennä --weeks tai vähennä "
                         "--replications",
                         "{}: omkring {:.2g} klientankomster ({:.3g} i veckan i genomsnitt × {:g} veckor × {} "
                         "replikeringar) är fler än de {:.0g} som simuleringen tar sig an; förkorta --weeks eller "
                         "använd färre --replications",
                         "{}: about {:.2g} client arrivals ({:.3g} a week on average × {:g} weeks × {} replications) "
                         "is more than the {:.0g} the simulation takes on; shorten --weeks or use fewer "
                         "--replications")),
        process.file, arrivals, per_replication / horizon, horizon, options.replications, kMaxArrivals));
}

}  // namespace
}  // namespace sim

Simulation simulate(const Process& process, const SimulationOptions& options) {
  using namespace sim;
  validate(options);
  std::vector<Phase> phases = phases_of(process, options);
  check_volume(process, phases, options);
  const CompiledModel& model = phases.front().model;

  Runs runs = run_all(phases, options);
  Simulation sim;
  sim.model = process.name;
  sim.file = process.file;
  sim.calendar = process.calendar;
  sim.terms = process.terms;
  sim.options = options;
  for (const auto& r : runs.results) sim.events += r.events;
  add_roles(process, model, runs, sim);
  sim.overall = class_result(runs.results, model.classes, "");
  for (int k = 0; k < model.classes; ++k) sim.classes.push_back(class_result(runs.results, k, process.classes[k]));
  for (int k = 0; k < model.classes; ++k)
    sim.by_assessment.push_back(class_result(
        runs.results, k, process.classes[k], [](const ReplicationResult& r) -> const auto& { return r.assessed; }));
  for (size_t d = 0; d < model.deadlines.size(); ++d) {
    DeadlineResult result;
    const Step& step = process.graph[model.deadlines[d].step];
    result.step = step.id;
    result.label = step.label;
    result.deadline_weeks = model.deadlines[d].weeks;
    result.reached_per_week = across(runs.results, [&](const auto& r) { return r.deadlines[d].reached_per_week; });
    result.share_within = across(
        runs.results, [&](const auto& r) { return r.deadlines[d].share_within; }, 1.0);
    result.late_weeks = summary_across(runs.results, [&](const auto& r) { return r.deadlines[d].late; });
    sim.deadlines.push_back(result);
  }
  for (const auto& r : runs.results) {
    const Summary& lead = r.classes[model.classes].lead_time;
    sim.by_replication.lead_mean.push_back(lead.mean);
    sim.by_replication.lead_p50.push_back(lead.p50);
    sim.by_replication.lead_p90.push_back(lead.p90);
    sim.by_replication.lead_p95.push_back(lead.p95);
  }
  sim.by_replication.deadline_share.resize(model.deadlines.size());
  for (size_t d = 0; d < model.deadlines.size(); ++d)
    for (const auto& r : runs.results) sim.by_replication.deadline_share[d].push_back(r.deadlines[d].share_within);
  add_weekly(model, runs, sim);
  add_guards(runs, sim, Lang::en);
  return sim;
}

double suggested_warmup_weeks(const Process& process, Lang lang) {
  using namespace sim;
  SimulationOptions options;
  options.lang = lang;  // of a refusal: this is where an unusable model is met first
  CompiledModel model = compile(process, options);
  // Expected time to an end without waiting, T = own + P T, by fixed-point iteration (it
  // converges because every reachable state leads to an end; compile() checked that).
  const size_t states = model.steps.size() * model.classes;
  std::vector<double> own(states, 0), time(states, 0), next(states);
  for (size_t s = 0; s < states; ++s) {
    const CompiledStep& step = model.steps[s / model.classes];
    if (step.works) own[s] += step.effort.mean();
    if (step.has_delay) own[s] += step.delay.mean();
  }
  const size_t edges = model.route_to.size() + states + 1;
  const size_t iterations = std::min<size_t>(20'000, 200'000'000 / edges);
  for (size_t i = 0; i < iterations; ++i) {
    double change = 0;
    for (size_t s = 0; s < states; ++s) {
      double t = own[s], previous = 0;
      for (auto b = model.route_begin[s]; b < model.route_begin[s + 1]; ++b) {
        double p = model.route_cumulative[b] - previous;
        previous = model.route_cumulative[b];
        t += p * time[size_t(model.route_to[b]) * model.classes + model.route_class[b]];
      }
      next[s] = t;
      change = std::max(change, std::abs(t - time[s]));
    }
    time.swap(next);
    if (change < 1e-9) break;
  }
  // The slowest state sets the pace: a special-support client's remaining route can be far
  // longer than the average client's.
  double lead = *std::max_element(time.begin(), time.end());
  return std::clamp(std::ceil(8 * lead), 4.0, 1040.0);
}

}  // namespace sujuva
