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

std::string show(const Interval& i, int decimals, bool percent, Lang lang) {
  auto f = [&](double x) { return percent ? format_percent(x, lang) : format_decimal(x, decimals, lang); };
  if (!i.mean) return "-";
  if (!i.low || !i.high) return f(*i.mean);
  return f(*i.mean) + " [" + f(*i.low) + "; " + f(*i.high) + "]";
}

const SimulatedDeadline* find_deadline(const SimulatedKpis& k, const std::string& step) {
  for (const auto& d : k.deadlines)
    if (d.step == step) return &d;
  return nullptr;
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

nlohmann::json to_json(const SimulatedKpis& k) {
  using detail::json_of;
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
  using detail::delta_of;
  const auto& a = figures.at(0);
  const auto& b = figures.at(index);
  nlohmann::json deadlines = nlohmann::json::array();
  for (const auto& d : b.deadlines)
    if (const auto* before = detail::find_deadline(a, d.step)) {
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

std::string format_simulated(const std::vector<SimulatedKpis>& figures, const std::vector<std::string>& names,
                             const SimulatedOptions& used, Lang lang) {
  using detail::show;
  std::string out =
      std::string(pick(lang, "Simuloitu (", "Simulerat (", "Simulated (")) + std::to_string(used.replications) +
      pick(lang, " toistoa × ", " upprepningar × ", " replications × ") + format_decimal(used.weeks, 0, lang) +
      pick(lang, " viikkoa, lämmittely ", " veckor, uppvärmning ", " weeks, warm-up ") +
      format_decimal(used.warmup_weeks.value_or(0), 0, lang) + pick(lang, " vk, siemen ", " v, frö ", " wk, seed ") +
      std::to_string(used.seed) +
      pick(lang, "; 95 %:n luottamusväli; * = ero ensimmäiseen merkitsevä, toistot pareittain)\n",
           "; 95 % konfidensintervall; * = skillnaden mot den första är signifikant, upprepningarna parvis)\n",
           "; 95% confidence interval; * = difference from the first is significant, replications paired)\n");
  struct Row {
    std::string label;
    std::function<const Interval*(const SimulatedKpis&)> get;
    bool percent;
  };
  std::vector<Row> rows{
      {pick(lang, "Läpimenoaika, keskiarvo (vk)", "Genomloppstid, medel (v)", "Lead time, mean (weeks)"),
       [](const SimulatedKpis& k) { return &k.lead_mean; }, false},
      {pick(lang, "Läpimenoaika, mediaani (vk)", "Genomloppstid, median (v)", "Lead time, p50 (weeks)"),
       [](const SimulatedKpis& k) { return &k.lead_p50; }, false},
      {pick(lang, "Läpimenoaika, 90 % (vk)", "Genomloppstid, 90 % (v)", "Lead time, p90 (weeks)"),
       [](const SimulatedKpis& k) { return &k.lead_p90; }, false},
      {pick(lang, "Läpimenoaika, 95 % (vk)", "Genomloppstid, 95 % (v)", "Lead time, p95 (weeks)"),
       [](const SimulatedKpis& k) { return &k.lead_p95; }, false}};
  std::vector<std::string> steps;
  for (const auto& k : figures)
    for (const auto& d : k.deadlines)
      if (std::find(steps.begin(), steps.end(), d.step) == steps.end()) steps.push_back(d.step);
  for (const auto& step : steps)
    rows.push_back({std::string(pick(lang, "Määräajassa: ", "Inom tidsfristen: ", "Within deadline: ")) + step,
                    [step](const SimulatedKpis& k) -> const Interval* {
                      const auto* d = detail::find_deadline(k, step);
                      return d ? &d->share_within : nullptr;
                    },
                    true});
  for (const auto& row : rows) {
    out += "  " + row.label + ":";
    const Interval* first = row.get(figures[0]);
    for (size_t i = 0; i < figures.size(); ++i) {
      const Interval* value = row.get(figures[i]);
      out += (i ? "  |  " : " ") + (i < names.size() ? names[i] + " " : "") +
             (value ? show(*value, 1, row.percent, lang) : "-");
      if (i > 0 && value && first && significant(*first, *value)) out += " *";
    }
    out += "\n";
  }
  // In words: each model's significant differences from the first, with the paired interval.
  auto signed_text = [&](double x, bool percent) {
    std::string text = percent ? format_decimal(100 * x, 0, lang) : format_decimal(x, 1, lang);
    if (x > 0) text = "+" + text;
    return text;
  };
  for (size_t i = 1; i < figures.size(); ++i) {
    std::string found;
    for (const auto& row : rows) {
      const Interval* a = row.get(figures[0]);
      const Interval* b = row.get(figures[i]);
      auto paired = a && b ? paired_difference(*a, *b) : std::nullopt;
      if (!paired || !paired->excludes_zero()) continue;
      const char* unit = row.percent ? pick(lang, " %-yks.", " %-enh.", " pp") : "";
      found += (found.empty() ? "" : "; ") + row.label + " " + signed_text(paired->mean, row.percent) + unit + " [" +
               signed_text(paired->low, row.percent) + "; " + signed_text(paired->high, row.percent) + "]";
    }
    out += "  " + (i < names.size() ? names[i] : "") +
           (found.empty()
                ? pick(lang, ": ei merkitseviä eroja ensimmäiseen\n", ": inga signifikanta skillnader mot den första\n",
                       ": no significant difference from the first\n")
                : pick(lang, ": merkitsevät erot ensimmäiseen: ", ": signifikanta skillnader mot den första: ",
                       ": significant differences from the first: ") +
                      found + "\n");
  }
  for (size_t i = 0; i < figures.size(); ++i)
    if (figures[i].unstable)
      out += "  " + (i < names.size() ? names[i] : "") +
             pick(lang, ": jono kasvoi rajatta simuloinnissa\n", ": kön växte utan gräns i simuleringen\n",
                  ": a queue grew without bound in the simulation\n");
  return out;
}

}  // namespace sujuva
