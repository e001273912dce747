#include "compare/comparison.h"

#include <fmt/format.h>

#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <set>

#include "check/check.h"
#include "compare/narrative.h"

namespace sujuva {

const RoleKpi* Kpis::find_role(const std::string& id) const {
  for (const auto& r : roles)
    if (r.id == id) return &r;
  return nullptr;
}

namespace detail {
namespace {

std::optional<double> weighted_reach(const Analysis& analysis) {
  double assessed = 0, reached = 0;
  bool any = false;
  for (const auto& c : analysis.checkpoints) {
    if (c.required_role.empty() || !c.share_reaching_required_role) continue;
    any = true;
    assessed += c.assessed_per_week;
    reached += c.assessed_per_week * *c.share_reaching_required_role;
  }
  if (!any) return std::nullopt;
  // Checkpoints that nobody is assessed at: the rule holds vacuously.
  if (assessed <= 0) return 1.0;
  return reached / assessed;
}

// `check_process` reports a mandatory checkpoint that a route skips on the
// checkpoint's line, with the route and the rule "mandatory-checkpoint".
void fill_mandatory(const Process& process, const Diagnostics& findings, Kpis& k) {
  std::set<int> lines;
  for (auto v : boost::make_iterator_range(boost::vertices(process.graph))) {
    const Step& s = process.graph[v];
    if (s.kind != StepKind::checkpoint || !s.mandatory) continue;
    ++k.mandatory_checkpoints;
    lines.insert(s.line);
  }
  if (k.mandatory_checkpoints == 0) return;
  k.mandatory_on_every_route = true;
  for (const auto& d : findings)
    if (d.rule == "mandatory-checkpoint" && lines.count(d.line)) {
      k.mandatory_on_every_route = false;
      if (k.route_skipping_mandatory.empty()) k.route_skipping_mandatory = d.route;
    }
}

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

}  // namespace detail

Kpis kpis_from(const Process& process, const Analysis& analysis, const Diagnostics& findings) {
  Kpis k;
  k.name = process.name;
  k.file = process.file;
  k.hours_per_fte = process.calendar.hours_per_fte;
  k.arrivals_per_week = analysis.arrivals_per_week;
  k.saturation = analysis.saturation;
  k.lead_time_weeks = analysis.lead_time_weeks;
  for (const auto& r : analysis.roles) {
    auto index = process.find_role(r.id);
    k.roles.push_back({r.id, index ? process.roles[*index].label : Labels{r.id, "", ""}, r.fte,
                       r.capacity_hours_per_week, r.demand_hours_per_week, r.utilisation, r.wait_weeks, r.stable,
                       r.backlog_growth_clients_per_week});
  }
  k.handoffs_per_client = analysis.handoffs_per_client;
  k.rework_visits_per_client = analysis.rework_visits_per_client;
  k.special_support_reach = detail::weighted_reach(analysis);
  detail::fill_mandatory(process, findings, k);
  for (const auto& d : findings) k.check_errors += d.severity == Severity::error;
  for (const auto& b : analysis.bottlenecks)
    if (b.kind == "role") {
      k.top_bottleneck = b.id;
      break;
    }
  return k;
}

CompareError::CompareError(Diagnostics diagnostics)
    : std::runtime_error(diagnostics.empty() ? "cannot compare" : diagnostics.front().format()),
      diagnostics(std::move(diagnostics)) {}

Diagnostics comparability(const Process& before, const Process& after, Lang lang) {
  Diagnostics out;
  auto unit = [&](const char* name, double b, double a) {
    if (std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b))) return;
    out.push_back(
        {Severity::error,
         after.file,
         0,
         fmt::format(fmt::runtime(say(lang,
                                      "{} on {:g}, mutta mallissa {} se on {:g}: mallit laskevat työaikaa eri "
                                      "yksiköissä; aseta molempiin sama {}, jotta niitä voi verrata",
                                      "{} är {:g} men {} har {:g}: modellerna räknar arbetstid i olika "
                                      "enheter; ange samma {} i båda för att jämföra dem",
                                      "{} is {:g} but {} has {:g}: the models count working time in different "
                                      "units; set the same {} in both to compare them")),
                     name, a, before.file, b, name),
         {}});
  };
  unit("hours_per_fte", before.calendar.hours_per_fte, after.calendar.hours_per_fte);
  unit("hours_per_day", before.calendar.hours_per_day, after.calendar.hours_per_day);
  StepMatching m = match_steps(before, after);
  bool common = false;
  for (const auto& b : m.before_of_after) common = common || b.has_value();
  if (!common)
    out.push_back({Severity::error,
                   after.file,
                   0,
                   say(lang, "ei yhteisiä vaiheita mallin ", "inga gemensamma steg med ", "no step in common with ") +
                       before.file +
                       say(lang,
                           " kanssa (ei samoja vaiheiden tunnuksia eikä nimiä): kyse on eri prosesseista, "
                           "vertailtavaa ei ole",
                           " (inga lika steg-id eller etiketter): det är olika processer, inget att jämföra",
                           " (no equal step ids or labels): these are different processes, nothing to compare"),
                   {}});
  return out;
}

Comparison compare_processes(const std::vector<const Process*>& processes, const std::vector<std::string>& names,
                             Lang lang) {
  Comparison c;
  Diagnostics problems;
  for (size_t i = 1; i < processes.size(); ++i) {
    auto found = comparability(*processes[0], *processes[i], lang);
    problems.insert(problems.end(), found.begin(), found.end());
  }
  if (!problems.empty()) throw CompareError(std::move(problems));
  AnalysisOptions options;
  options.lang = lang;
  options.sensitivity = false;
  for (size_t i = 0; i < processes.size(); ++i) {
    const Process& p = *processes[i];
    Analysis analysis;
    try {
      analysis = analyze(p, options);
    } catch (const AnalysisError& e) {
      Diagnostics d = e.diagnostics;
      if (d.empty()) d.push_back({Severity::error, p.file, 0, e.what(), {}});
      throw CompareError(std::move(d));
    }
    c.models.push_back(kpis_from(p, analysis, check_process(p)));
    if (i < names.size() && !names[i].empty()) c.models.back().name = names[i];
    if (i > 0) c.diffs.push_back(diff_structure(*processes[0], p));
  }
  return c;
}

nlohmann::json to_json(const Kpis& k) {
  using detail::maybe;
  using detail::number;
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& r : k.roles)
    roles.push_back({{"id", r.id},
                     {"fte", r.fte},
                     {"capacity_hours_per_week", r.capacity_hours_per_week},
                     {"demand_hours_per_week", r.demand_hours_per_week},
                     {"utilisation", number(r.utilisation)},
                     {"wait_weeks", number(r.wait_weeks)},
                     {"stable", r.stable},
                     {"backlog_growth_clients_per_week", r.backlog_growth_clients_per_week}});
  nlohmann::json by_class = nlohmann::json::object();
  for (const auto& [name, value] : k.lead_time_weeks.by_class) by_class[name] = number(value);
  return {{"model", k.name},
          {"file", k.file},
          {"hours_per_fte", k.hours_per_fte},
          {"arrivals_per_week", k.arrivals_per_week},
          {"saturation",
           {{"arrivals_per_week", number(k.saturation.arrivals_per_week)},
            {"scale", number(k.saturation.scale)},
            {"role", maybe(k.saturation.role)}}},
          {"lead_time_weeks", {{"mean", number(k.lead_time_weeks.mean)}, {"by_class", by_class}}},
          {"roles", roles},
          {"handoffs_per_client", k.handoffs_per_client},
          {"rework_visits_per_client", k.rework_visits_per_client},
          {"special_support_reach", number(k.special_support_reach)},
          {"mandatory_checkpoints",
           {{"count", k.mandatory_checkpoints},
            {"on_every_route", maybe(k.mandatory_on_every_route)},
            {"skipping_route", k.route_skipping_mandatory}}},
          {"check_errors", k.check_errors},
          {"top_bottleneck", maybe(k.top_bottleneck)}};
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
                           {"delta", detail::json_delta(before, after)},
                           {"relative", detail::json_relative(before, after)},
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

}  // namespace sujuva
