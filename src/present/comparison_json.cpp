#include "present/comparison_json.h"

#include <cmath>
#include <set>

#include "present/narrative.h"

namespace sujuva {

namespace {

std::optional<double> finite(std::optional<double> x) {
  if (x && !std::isfinite(*x)) return std::nullopt;
  return x;
}

nlohmann::json number(std::optional<double> x) {
  x = finite(x);
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

template <class T>
nlohmann::json maybe(const std::optional<T>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

// Arrays of objects with an "id" are matched by id (in the order of `after`,
// then the ids only `before` has).
template <class Combine>
nlohmann::json combine_arrays(const nlohmann::json& before, const nlohmann::json& after, Combine combine) {
  auto by_id = [](const nlohmann::json& list, const std::string& id) -> const nlohmann::json* {
    for (const auto& item : list)
      if (item.is_object() && item.value("id", "") == id) return &item;
    return nullptr;
  };
  nlohmann::json out = nlohmann::json::array();
  const nlohmann::json empty = nlohmann::json::object();
  for (const auto& a : after) {
    std::string id = a.value("id", "");
    const auto* b = by_id(before, id);
    nlohmann::json item = combine(b ? *b : empty, a);
    item["id"] = id;
    out.push_back(std::move(item));
  }
  for (const auto& b : before) {
    std::string id = b.value("id", "");
    if (by_id(after, id)) continue;
    nlohmann::json item = combine(b, empty);
    item["id"] = id;
    out.push_back(std::move(item));
  }
  return out;
}

bool is_id_array(const nlohmann::json& j) {
  return j.is_array() && !j.empty() && j.front().is_object() && j.front().contains("id");
}

template <class Leaf>
nlohmann::json walk(const nlohmann::json& before, const nlohmann::json& after, Leaf leaf) {
  const bool objects = (before.is_object() || before.is_null()) && (after.is_object() || after.is_null()) &&
                       (before.is_object() || after.is_object());
  if (objects) {
    nlohmann::json out = nlohmann::json::object();
    const nlohmann::json empty = nlohmann::json::object();
    const auto& b = before.is_object() ? before : empty;
    const auto& a = after.is_object() ? after : empty;
    std::set<std::string> keys;
    for (auto it = b.begin(); it != b.end(); ++it) keys.insert(it.key());
    for (auto it = a.begin(); it != a.end(); ++it) keys.insert(it.key());
    for (const auto& key : keys) {
      auto value = walk(b.value(key, nlohmann::json()), a.value(key, nlohmann::json()), leaf);
      if (!value.is_discarded()) out[key] = std::move(value);
    }
    return out;
  }
  if (is_id_array(before) || is_id_array(after))
    return combine_arrays(before.is_array() ? before : nlohmann::json::array(),
                          after.is_array() ? after : nlohmann::json::array(),
                          [&](const auto& b, const auto& a) { return walk(b, a, leaf); });
  return leaf(before, after);
}

nlohmann::json to_json(const FieldChange& c) {
  nlohmann::json j = {{"field", c.field}, {"before", c.before}, {"after", c.after}};
  if (c.before_value) j["before_value"] = *c.before_value;
  if (c.after_value) j["after_value"] = *c.after_value;
  return j;
}

nlohmann::json to_json(const std::vector<FieldChange>& fields) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : fields) list.push_back(to_json(f));
  return list;
}

nlohmann::json json_of(const Interval& i) {
  auto n = [](std::optional<double> x) { return x ? nlohmann::json(*x) : nlohmann::json(nullptr); };
  return {{"mean", n(i.mean)}, {"low", n(i.low)}, {"high", n(i.high)}};
}

nlohmann::json delta_of(const Interval& a, const Interval& b) {
  nlohmann::json delta = a.mean && b.mean ? nlohmann::json(*b.mean - *a.mean) : nlohmann::json(nullptr);
  const auto paired = paired_difference(a, b);
  nlohmann::json item = {{"delta", delta}, {"significant", paired ? paired->excludes_zero() : significant(a, b)}};
  if (paired) {
    item["low"] = paired->low;
    item["high"] = paired->high;
  }
  return item;
}

const SimulatedDeadline* find_deadline(const SimulatedKpis& k, const std::string& step) {
  for (const auto& d : k.deadlines)
    if (d.step == step) return &d;
  return nullptr;
}

}  // namespace

nlohmann::json json_delta(const nlohmann::json& before, const nlohmann::json& after) {
  return walk(before, after, [](const nlohmann::json& b, const nlohmann::json& a) -> nlohmann::json {
    bool numbers = (b.is_number() || b.is_null()) && (a.is_number() || a.is_null()) && !(a.is_null() && b.is_null());
    if (numbers && !b.is_boolean() && !a.is_boolean()) {
      if (b.is_null() || a.is_null()) return nullptr;
      return number(a.get<double>() - b.get<double>());
    }
    if (a.is_null() && b.is_null()) return nullptr;
    return {{"before", b}, {"after", a}};
  });
}

nlohmann::json json_relative(const nlohmann::json& before, const nlohmann::json& after) {
  return walk(before, after, [](const nlohmann::json& b, const nlohmann::json& a) -> nlohmann::json {
    bool numbers = (b.is_number() || b.is_null()) && (a.is_number() || a.is_null());
    if (!numbers) return nlohmann::json(nlohmann::json::value_t::discarded);
    if (b.is_null() || a.is_null() || b.get<double>() == 0) return nullptr;
    return number((a.get<double>() - b.get<double>()) / std::fabs(b.get<double>()));
  });
}

nlohmann::json to_json(const Kpis& k) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& r : k.roles)
    roles.push_back({{"id", r.id},
                     {"fte", r.fte},
                     {"capacity_hours_per_week", r.capacity_hours_per_week},
                     {"demand_hours_per_week", r.demand_hours_per_week},
                     {"utilisation", number(r.utilisation)},
                     {"wait_weeks", number(r.wait_weeks)},
                     {"stable", r.stable},
                     {"bottleneck", r.bottleneck},
                     {"backlog_growth_clients_per_week", r.backlog_growth_clients_per_week}});
  nlohmann::json by_class = nlohmann::json::object();
  for (const auto& [name, value] : k.lead_time_weeks.by_class) by_class[name] = number(value);
  // By assessment outcome, what the table shows; `lead_time_weeks.by_class` is by the class at the end.
  nlohmann::json by_assessment = nlohmann::json::object(), share_by_assessment = nlohmann::json::object();
  for (const auto& [name, value] : k.lead_time_weeks.by_assessment) by_assessment[name] = number(value);
  for (const auto& [name, value] : k.lead_time_weeks.share_by_assessment) share_by_assessment[name] = value;
  return {{"model", k.name},
          {"file", k.file},
          {"hours_per_fte", k.hours_per_fte},
          {"arrivals_per_week", k.arrivals_per_week},
          {"saturation",
           {{"arrivals_per_week", number(k.saturation.arrivals_per_week)},
            {"scale", number(k.saturation.scale)},
            {"role", maybe(k.saturation.role)}}},
          {"lead_time_weeks", {{"mean", number(k.lead_time_weeks.mean)}, {"by_class", by_class}}},
          {"lead_time_by_assessment", by_assessment},
          {"share_by_assessment", share_by_assessment},
          {"roles", roles},
          {"handoffs_per_client", k.handoffs_per_client},
          {"rework_visits_per_client", k.rework_visits_per_client},
          {"special_support_reach", number(k.special_support_reach)},
          {"mandatory_checkpoints",
           {{"count", k.mandatory_checkpoints},
            {"on_every_route", maybe(k.mandatory_on_every_route)},
            {"skipping_route", k.route_skipping_mandatory}}},
          {"check_errors", k.check_errors},
          {"rules_broken", k.rules_broken},
          {"model_errors", k.model_errors},
          {"top_bottleneck", maybe(k.top_bottleneck)},
          {"busiest_role", maybe(k.busiest_role)}};
}

nlohmann::json to_json(const Comparison& c, Lang lang) {
  nlohmann::json names = nlohmann::json::array();
  for (const auto& m : c.models) names.push_back(m.name);
  nlohmann::json doc = {{"models", names}};
  if (c.models.empty()) return doc;
  nlohmann::json before = to_json(c.models[0]);
  doc["before"] = before;
  nlohmann::json variants = nlohmann::json::array();
  for (size_t i = 1; i < c.models.size(); ++i) {
    nlohmann::json after = to_json(c.models[i]);
    nlohmann::json part = {{"model", c.models[i].name},
                           {"after", after},
                           {"delta", json_delta(before, after)},
                           {"relative", json_relative(before, after)},
                           {"structure", to_json(c.diffs[i - 1])},
                           {"narrative", narrative(c, i, lang)}};
    if (i == 1) {
      for (auto it = part.begin(); it != part.end(); ++it)
        if (it.key() != "model") doc[it.key()] = it.value();
    } else {
      variants.push_back(std::move(part));
    }
  }
  if (!variants.empty()) doc["variants"] = variants;
  return doc;
}

nlohmann::json to_json(const StructuralDiff& diff) {
  nlohmann::json steps = nlohmann::json::array(), routes = nlohmann::json::array(), roles = nlohmann::json::array();
  for (const auto& s : diff.steps) {
    nlohmann::json j = {{"change", to_string(s.change)}, {"id", s.id}, {"label", s.label.fi}};
    if (s.change == ChangeKind::changed) {
      j["before_id"] = s.before_id;
      j["matched_by_label"] = s.matched_by_label;
      j["fields"] = to_json(s.fields);
    }
    steps.push_back(std::move(j));
  }
  for (const auto& r : diff.routes) {
    nlohmann::json j = {{"change", to_string(r.change)}, {"from", r.from}, {"to", r.to}, {"when", r.when}};
    if (r.change == ChangeKind::changed) j["fields"] = to_json(r.fields);
    routes.push_back(std::move(j));
  }
  for (const auto& r : diff.roles) {
    nlohmann::json j = {{"change", to_string(r.change)}, {"id", r.id}, {"label", r.label.fi}};
    if (r.change == ChangeKind::changed) j["fields"] = to_json(r.fields);
    roles.push_back(std::move(j));
  }
  return {{"common_steps", diff.common_steps},
          {"steps", steps},
          {"routes", routes},
          {"roles", roles},
          {"checkpoints_added", diff.checkpoints_added},
          {"checkpoints_made_mandatory", diff.checkpoints_made_mandatory},
          {"checkpoints_no_longer_mandatory", diff.checkpoints_no_longer_mandatory}};
}

nlohmann::json to_json(const SimulatedKpis& k) {
  nlohmann::json deadlines = nlohmann::json::array();
  for (const auto& d : k.deadlines)
    deadlines.push_back(
        {{"id", d.step}, {"deadline_weeks", d.deadline_weeks}, {"share_within", json_of(d.share_within)}});
  return {{"lead_time_weeks",
           {{"mean", json_of(k.lead_mean)},
            {"p50", json_of(k.lead_p50)},
            {"p90", json_of(k.lead_p90)},
            {"p95", json_of(k.lead_p95)}}},
          {"deadlines", deadlines},
          {"unstable", k.unstable}};
}

nlohmann::json simulated_delta_json(const std::vector<SimulatedKpis>& figures, size_t index) {
  const auto& a = figures.at(0);
  const auto& b = figures.at(index);
  nlohmann::json deadlines = nlohmann::json::array();
  for (const auto& d : b.deadlines)
    if (const auto* before = find_deadline(a, d.step)) {
      auto item = delta_of(before->share_within, d.share_within);
      item["id"] = d.step;
      deadlines.push_back(std::move(item));
    }
  return {{"lead_time_weeks",
           {{"mean", delta_of(a.lead_mean, b.lead_mean)},
            {"p50", delta_of(a.lead_p50, b.lead_p50)},
            {"p90", delta_of(a.lead_p90, b.lead_p90)},
            {"p95", delta_of(a.lead_p95, b.lead_p95)}}},
          {"deadlines", deadlines}};
}

// `before`, `after`, `delta` as in the analytic part; the third model on under `variants`.
nlohmann::json simulation_json(const std::vector<SimulatedKpis>& figures, const SimulatedOptions& used) {
  nlohmann::json doc = {{"options",
                         {{"replications", used.replications},
                          {"weeks", used.weeks},
                          {"warmup_weeks", used.warmup_weeks.value_or(0)},
                          {"seed", used.seed}}},
                        {"before", to_json(figures[0])}};
  nlohmann::json variants = nlohmann::json::array();
  for (size_t i = 1; i < figures.size(); ++i) {
    nlohmann::json part = {{"after", to_json(figures[i])}, {"delta", simulated_delta_json(figures, i)}};
    if (i == 1)
      doc.update(part);
    else
      variants.push_back(std::move(part));
  }
  if (!variants.empty()) doc["variants"] = variants;
  return doc;
}

}  // namespace sujuva
