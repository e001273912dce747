#include "present/simulation_json.h"

#include <cmath>

namespace sujuva {

namespace {

nlohmann::json number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

nlohmann::json to_json(const Estimate& e) {
  return {{"mean", number(e.mean)}, {"low", number(e.low)}, {"high", number(e.high)}, {"samples", e.samples}};
}

nlohmann::json to_json(const DurationSummary& d) {
  return {{"mean", to_json(d.mean)}, {"p50", to_json(d.p50)}, {"p90", to_json(d.p90)}, {"p95", to_json(d.p95)}};
}

nlohmann::json to_json(const Labels& l) { return {{"fi", l.fi}, {"sv", l.sv}, {"en", l.en}}; }

nlohmann::json to_json(const ClassResult& c) {
  return {{"lead_time_weeks", to_json(c.lead_time_weeks)},
          {"throughput_per_week", to_json(c.throughput_per_week)},
          {"wip", to_json(c.wip)}};
}

nlohmann::json series_json(const std::vector<Estimate>& values) {
  nlohmann::json mean = nlohmann::json::array(), low = nlohmann::json::array(), high = nlohmann::json::array();
  for (const auto& e : values) {
    mean.push_back(number(e.mean));
    low.push_back(number(e.low));
    high.push_back(number(e.high));
  }
  return {{"mean", mean}, {"low", low}, {"high", high}};
}

const char* to_string(AbsenceModel m) { return m == AbsenceModel::random ? "random" : "capacity"; }
const char* to_string(CalendarModel m) { return m == CalendarModel::office ? "office" : "continuous"; }

}  // namespace

nlohmann::json to_json(const Simulation& sim) {
  const auto& o = sim.options;
  nlohmann::json j;
  j["model"] = sim.model;
  j["file"] = sim.file;
  // The thread count is left out on purpose: it never changes the result.
  j["options"] = {{"weeks", o.weeks},
                  {"warmup_weeks", o.warmup_weeks},
                  {"replications", o.replications},
                  {"seed", o.seed},
                  {"absence_model", to_string(o.absence_model)},
                  {"absence_spell_weeks", o.absence_spell_weeks},
                  {"calendar", to_string(o.calendar)},
                  {"max_queue", o.max_queue},
                  {"max_visits", o.max_visits},
                  {"timeline", o.timeline ? nlohmann::json(o.timeline->file) : nlohmann::json()}};
  j["events"] = sim.events;
  j["unstable"] = sim.unstable();
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& r : sim.roles)
    roles.push_back({{"id", r.id},
                     {"label", to_json(r.label)},
                     {"servers", r.servers},
                     {"utilisation", to_json(r.utilisation)},
                     {"offered_load", to_json(r.offered_load)},
                     {"queue", to_json(r.queue)},
                     {"busy_servers", to_json(r.busy_servers)},
                     {"visits_per_week", to_json(r.visits_per_week)},
                     {"wait_weeks", to_json(r.wait_weeks)},
                     {"unstable", r.unstable},
                     {"backlog_growth_per_week", to_json(r.backlog_growth_per_week)},
                     {"backlog_growth_hours_per_week", to_json(r.backlog_growth_hours_per_week)}});
  j["roles"] = roles;
  j["overall"] = to_json(sim.overall);
  nlohmann::json classes = nlohmann::json::object();
  for (const auto& c : sim.classes) classes[c.name] = to_json(c);
  j["classes"] = classes;
  // By assessment outcome, the figures the text shows; `classes` is by the class at completion.
  nlohmann::json by_assessment = nlohmann::json::object();
  for (const auto& c : sim.by_assessment) by_assessment[c.name] = to_json(c);
  j["by_assessment"] = by_assessment;
  nlohmann::json deadlines = nlohmann::json::array();
  for (const auto& d : sim.deadlines)
    deadlines.push_back({{"step", d.step},
                         {"label", to_json(d.label)},
                         {"deadline_weeks", d.deadline_weeks},
                         {"reached_per_week", to_json(d.reached_per_week)},
                         {"share_within", to_json(d.share_within)},
                         {"late_weeks", to_json(d.late_weeks)}});
  j["deadlines"] = deadlines;
  nlohmann::json queue = nlohmann::json::object();
  for (size_t r = 0; r < sim.weekly.roles.size(); ++r) queue[sim.weekly.roles[r]] = series_json(sim.weekly.queue[r]);
  j["weekly"] = {{"weeks", sim.weekly.wip.size()},
                 {"queue", queue},
                 {"wip", series_json(sim.weekly.wip)},
                 {"arrivals", series_json(sim.weekly.arrivals)},
                 {"completions", series_json(sim.weekly.completions)}};
  nlohmann::json guards = nlohmann::json::array();
  for (const auto& g : sim.guards)
    guards.push_back({{"kind", g.kind}, {"role", g.role}, {"step", g.step}, {"week", g.week}, {"message", g.message}});
  j["guards"] = guards;
  return j;
}

}  // namespace sujuva
