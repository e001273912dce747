// `analyze --json`: the Analysis as one JSON document (names are a public contract).
#include <cmath>

#include "flow/analysis.h"

namespace sujuva {

namespace {

using nlohmann::json;

// Undefined values and anything non-finite become null.
json number(std::optional<double> x) { return x && std::isfinite(*x) ? json(*x) : json(nullptr); }
json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }
json text(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json step_json(const StepResult& s, const std::vector<std::string>& classes) {
  json by_class = json::object();
  for (size_t c = 0; c < classes.size() && c < s.arrivals_per_week_by_class.size(); ++c)
    by_class[classes[c]] = number(s.arrivals_per_week_by_class[c]);
  return {{"id", s.id},
          {"kind", s.kind},
          {"role", text(s.role)},
          {"arrivals_per_week", number(s.arrivals_per_week)},
          {"arrivals_per_week_by_class", by_class},
          {"visits", number(s.visits)},
          {"reach", number(s.reach)},
          {"workload_hours_per_week", number(s.workload_hours_per_week)},
          {"effort_hours", number(s.effort_hours)},
          {"delay_weeks", number(s.delay_weeks)},
          {"wait_weeks", number(s.wait_weeks)},
          {"sojourn_weeks", number(s.sojourn_weeks)},
          {"share_of_lead_time", number(s.share_of_lead_time)}};
}

json role_json(const RoleResult& r) {
  return {{"id", r.id},
          {"fte", number(r.fte)},
          {"absence", number(r.absence)},
          {"reserved", number(r.reserved)},
          {"servers", number(r.servers)},
          {"capacity_hours_per_week", number(r.capacity_hours_per_week)},
          {"flow_hours_per_week", number(r.flow_hours_per_week)},
          {"activity_hours_per_week", number(r.activity_hours_per_week)},
          {"demand_hours_per_week", number(r.demand_hours_per_week)},
          {"utilisation", number(r.utilisation)},
          {"visits_per_week", number(r.visits_per_week)},
          {"mean_service_hours", number(r.mean_service_hours)},
          {"service_scv", number(r.service_scv)},
          {"stable", r.stable},
          {"wait_probability", number(r.wait_probability)},
          {"wait_weeks", number(r.wait_weeks)},
          {"queue_clients", number(r.queue_clients)},
          {"in_system_clients", number(r.in_system_clients)},
          {"backlog_growth_clients_per_week", number(r.backlog_growth_clients_per_week)},
          {"backlog_growth_hours_per_week", number(r.backlog_growth_hours_per_week)},
          {"share_of_clients", number(r.share_of_clients)},
          {"share_of_lead_time", number(r.share_of_lead_time)}};
}

json projection_json(const Projection& p) {
  json rows = json::array();
  for (size_t w = 0; w < p.weeks.size(); ++w) {
    json queues = json::object();
    for (size_t r = 0; r < p.roles.size(); ++r) queues[p.roles[r]] = number(p.queue_clients[w][r]);
    rows.push_back({{"week", p.weeks[w]},
                    {"queue_clients", queues},
                    {"arrivals_per_week", number(p.arrivals_per_week[w])},
                    {"completions_per_week", number(p.completions_per_week[w])}});
  }
  return {{"roles", p.roles}, {"weeks", rows}};
}

}  // namespace

json to_json(const Analysis& a) {
  json steps = json::array(), roles = json::array(), bottlenecks = json::array(), sensitivity = json::array(),
       checkpoints = json::array();
  for (const auto& s : a.steps) steps.push_back(step_json(s, a.classes));
  for (const auto& r : a.roles) roles.push_back(role_json(r));
  for (const auto& b : a.bottlenecks)
    bottlenecks.push_back({{"kind", b.kind},
                           {"id", b.id},
                           {"share_of_lead_time", number(b.share_of_lead_time)},
                           {"utilisation", number(b.utilisation)},
                           {"reason", b.reason}});
  for (const auto& s : a.sensitivity) {
    json cases = json::array();
    for (const auto& c : s.cases)
      cases.push_back({{"change", c.change},
                       {"utilisation", number(c.utilisation)},
                       {"wait_weeks", number(c.wait_weeks)},
                       {"lead_time_weeks", number(c.lead_time_weeks)}});
    sensitivity.push_back({{"role", s.role},
                           {"rank", s.rank},
                           {"lead_time_gain_weeks", number(s.lead_time_gain_weeks)},
                           {"cases", cases},
                           {"reason", s.reason}});
  }
  for (const auto& c : a.checkpoints)
    checkpoints.push_back({{"step", c.step},
                           {"assesses", c.assesses},
                           {"requires", c.required_role},
                           {"assessed_per_week", number(c.assessed_per_week)},
                           {"share_reaching_required_role", number(c.share_reaching_required_role)}});
  json by_class = json::object(), share_by_class = json::object();
  for (const auto& [name, value] : a.lead_time_weeks.by_class) by_class[name] = number(value);
  for (const auto& [name, value] : a.lead_time_weeks.share_by_class) share_by_class[name] = number(value);
  return {{"model", a.model},
          {"lang", a.lang},
          {"stable", a.stable()},
          {"hours_per_fte", number(a.hours_per_fte)},
          {"arrivals_per_week", number(a.arrivals_per_week)},
          {"classes", a.classes},
          {"lead_time_weeks",
           {{"mean", number(a.lead_time_weeks.mean)}, {"by_class", by_class}, {"share_by_class", share_by_class}}},
          {"handoffs_per_client", number(a.handoffs_per_client)},
          {"rework_visits_per_client", number(a.rework_visits_per_client)},
          {"saturation",
           {{"arrivals_per_week", number(a.saturation.arrivals_per_week)},
            {"scale", number(a.saturation.scale)},
            {"role", text(a.saturation.role)}}},
          {"bottlenecks", bottlenecks},
          {"steps", steps},
          {"roles", roles},
          {"sensitivity", sensitivity},
          {"checkpoints", checkpoints},
          {"projection", a.projection ? projection_json(*a.projection) : json(nullptr)},
          {"notes", a.notes}};
}

}  // namespace sujuva
