#include "compare/comparison.h"

#include <fmt/format.h>

#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <set>

#include "check/check.h"

namespace sujuva {

const RoleKpi* Kpis::find_role(const std::string& id) const {
  for (const auto& r : roles)
    if (r.id == id) return &r;
  return nullptr;
}

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

}  // namespace

Kpis kpis_from(const Process& process, const Analysis& analysis, const Diagnostics& findings) {
  Kpis k;
  k.name = process.name;
  k.title = process.title;
  k.terms = process.terms;
  k.file = process.file;
  k.hours_per_fte = process.calendar.hours_per_fte;
  k.working_days_per_week = process.calendar.working_days_per_week();
  k.arrivals_per_week = analysis.arrivals_per_week;
  k.saturation = analysis.saturation;
  k.lead_time_weeks = analysis.lead_time_weeks;
  for (const auto& r : analysis.roles) {
    auto index = process.find_role(r.id);
    k.roles.push_back({r.id, index ? process.roles[*index].label : Labels{r.id, "", ""}, r.fte,
                       r.capacity_hours_per_week, r.demand_hours_per_week, r.utilisation, r.wait_weeks, r.stable,
                       r.backlog_growth_clients_per_week, r.bottleneck});
  }
  k.handoffs_per_client = analysis.handoffs_per_client;
  k.rework_visits_per_client = analysis.rework_visits_per_client;
  k.special_support_reach = weighted_reach(analysis);
  fill_mandatory(process, findings, k);
  k.rules_broken = count_errors(findings, DiagnosticKind::service);
  k.model_errors = count_errors(findings, DiagnosticKind::model);
  k.check_errors = k.rules_broken + k.model_errors;
  for (const auto& b : analysis.bottlenecks)
    if (b.kind == "role") {
      k.top_bottleneck = b.id;
      break;
    }
  if (const RoleResult* busiest = analysis.busiest_role(); busiest && busiest->utilisation && *busiest->utilisation > 0)
    k.busiest_role = busiest->id;
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

}  // namespace sujuva
