#include "present/comparison_text.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "model/label_text.h"
#include "present/table.h"
#include "text/duration.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva {

namespace detail {
namespace {

// The largest of a row's figures: a duration row is written in its unit throughout.
double largest_value(const KpiRow& row) {
  double largest = 0;
  for (const auto& v : row.values)
    if (v && std::isfinite(*v)) largest = std::max(largest, *v);
  return largest;
}

std::string format_value(std::optional<double> value, const KpiRow& row, Lang lang) {
  if (!value || !std::isfinite(*value)) return "-";
  if (row.working_days_per_week)
    return format_duration_like(*value, largest_value(row), *row.working_days_per_week, lang);
  return row.percent ? format_percent(*value, lang, row.decimals) : format_decimal(*value, row.decimals, lang);
}

KpiRow numeric_row(std::string key, std::string label, std::vector<std::optional<double>> values, int decimals,
                   bool percent, Lang lang) {
  KpiRow row{std::move(key), std::move(label), std::move(values), {}, decimals, percent, true};
  for (const auto& v : row.values) row.text.push_back(format_value(v, row, lang));
  return row;
}

// A row of durations in weeks, each shown by the one duration rule.
KpiRow duration_row(std::string key, std::string label, std::vector<std::optional<double>> values, const Comparison& c,
                    Lang lang) {
  KpiRow row{std::move(key), std::move(label), std::move(values), {}, 2, false, true};
  row.working_days_per_week = c.models.empty() ? 5.0 : c.models.front().working_days_per_week;
  for (const auto& v : row.values) row.text.push_back(format_value(v, row, lang));
  return row;
}

KpiRow text_row(std::string key, std::string label, std::vector<std::string> text) {
  KpiRow row{std::move(key), std::move(label), {}, std::move(text), 0, false, false};
  row.values.assign(row.text.size(), std::nullopt);
  return row;
}

// Role ids of every model: the first model's order, then ids that appear later.
std::vector<std::string> all_roles(const Comparison& c) {
  std::vector<std::string> ids;
  for (const auto& m : c.models)
    for (const auto& r : m.roles)
      if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) ids.push_back(r.id);
  return ids;
}

std::vector<std::string> all_classes(const Comparison& c) {
  std::vector<std::string> names;
  for (const auto& m : c.models)
    for (const auto& [name, value] : m.lead_time_weeks.by_assessment)
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

template <class Get>
std::vector<std::optional<double>> column(const Comparison& c, Get get) {
  std::vector<std::optional<double>> values;
  for (const auto& m : c.models) values.push_back(get(m));
  return values;
}

void add_role_rows(const Comparison& c, Lang lang, std::vector<KpiRow>& rows) {
  for (const auto& id : all_roles(c)) {
    std::string name = role_name(c, id, lang);
    rows.push_back(numeric_row("roles." + id + ".fte", name + ": " + fte_term(lang),
                               column(c,
                                      [&](const Kpis& m) -> std::optional<double> {
                                        const auto* r = m.find_role(id);
                                        return r ? std::optional<double>(r->fte) : std::nullopt;
                                      }),
                               2, false, lang));
    rows.push_back(numeric_row("roles." + id + ".utilisation", name + ": " + term(Term::utilisation, lang),
                               column(c,
                                      [&](const Kpis& m) -> std::optional<double> {
                                        const auto* r = m.find_role(id);
                                        return r ? r->utilisation : std::nullopt;
                                      }),
                               0, true, lang));
    rows.push_back(
        duration_row("roles." + id + ".wait_weeks",
                     name + ": " + say(lang, "odotus käyntiä kohden", "väntetid per besök", "wait per visit"),
                     column(c,
                            [&](const Kpis& m) -> std::optional<double> {
                              const auto* r = m.find_role(id);
                              return r ? r->wait_weeks : std::nullopt;
                            }),
                     c, lang));
  }
}

std::string yes_no(std::optional<bool> value, Lang lang) {
  if (!value) return say(lang, "ei pakollisia", "inga obligatoriska", "none mandatory");
  return *value ? say(lang, "kyllä", "ja", "yes") : say(lang, "ei", "nej", "no");
}

}  // namespace
}  // namespace detail

std::string class_name(const Comparison& c, const std::string& name, Lang lang) {
  // The first model that has a word of its own for the class gives it.
  for (const auto& m : c.models)
    if (m.terms.classes.count(name)) return class_term(name, lang, m.terms);
  return class_term(name, lang);
}

std::string role_name(const Comparison& c, const std::string& role_id, Lang lang) {
  std::string name;
  for (const auto& m : c.models)
    if (const auto* r = m.find_role(role_id)) {
      std::string label = r->label.in(lang, role_id);
      if (name.empty())
        name = label;
      else if (name.find(label) == std::string::npos)
        name += " / " + label;  // renamed between the models: both names
    }
  return name.empty() ? role_id : name;
}

std::vector<KpiRow> kpi_rows(const Comparison& c, Lang lang) {
  using namespace detail;
  std::vector<KpiRow> rows;
  rows.push_back(numeric_row(
      "saturation.arrivals_per_week",
      say(lang, "Kapasiteetti riittää (asiakasta/vk)", "Kapaciteten räcker (klienter/v)", "Saturation (clients/week)"),
      column(c, [](const Kpis& m) { return m.saturation.arrivals_per_week; }), 1, false, lang));
  rows.push_back(duration_row("lead_time_weeks.mean",
                              say(lang, "Läpimenoaika, keskiarvo", "Genomloppstid, medel", "Lead time, mean"),
                              column(c, [](const Kpis& m) { return m.lead_time_weeks.mean; }), c, lang));
  for (const auto& name : all_classes(c))
    rows.push_back(duration_row(
        "lead_time_by_assessment." + name,
        std::string(say(lang, "Läpimenoaika arvion tuloksen mukaan, ", "Genomloppstid enligt bedömningens utfall, ",
                        "Lead time by assessment outcome, ")) +
            class_name(c, name, lang),
        column(c,
               [&](const Kpis& m) -> std::optional<double> {
                 auto found = m.lead_time_weeks.by_assessment.find(name);
                 return found == m.lead_time_weeks.by_assessment.end() ? std::nullopt : found->second;
               }),
        c, lang));
  add_role_rows(c, lang, rows);
  rows.push_back(numeric_row(
      "handoffs_per_client", say(lang, "Siirtoja asiakasta kohden", "Överlämningar per klient", "Handoffs per client"),
      column(c, [](const Kpis& m) -> std::optional<double> { return m.handoffs_per_client; }), 2, false, lang));
  rows.push_back(numeric_row(
      "rework_visits_per_client",
      say(lang, "Uusintakäyntejä asiakasta kohden", "Upprepade besök per klient", "Rework visits per client"),
      column(c, [](const Kpis& m) -> std::optional<double> { return m.rework_visits_per_client; }), 2, false, lang));
  rows.push_back(numeric_row("special_support_reach",
                             say(lang, "Erityistä tukea tarvitsevista vaaditulle työntekijälle",
                                 "Klienter i behov av särskilt stöd som når krävd yrkesgrupp",
                                 "Special-support clients reaching the required role"),
                             column(c, [](const Kpis& m) { return m.special_support_reach; }), 0, true, lang));
  std::vector<std::string> mandatory, bottleneck, saturation_role;
  for (const auto& m : c.models) {
    mandatory.push_back(yes_no(m.mandatory_on_every_route, lang));
    const RoleKpi* top = m.top_bottleneck ? m.find_role(*m.top_bottleneck) : nullptr;
    const RoleKpi* busiest = m.busiest_role ? m.find_role(*m.busiest_role) : nullptr;
    if (top)
      bottleneck.push_back(one_line(top->label.in(lang, top->id)));
    else if (busiest && busiest->utilisation)
      bottleneck.push_back(std::string(say(lang, "ei (kuormittunein: ", "ingen (mest belastad: ", "none (busiest: ")) +
                           one_line(busiest->label.in(lang, busiest->id)) + " " +
                           format_percent(*busiest->utilisation, lang) + ")");
    else
      bottleneck.push_back("-");
  }
  rows.push_back(text_row("mandatory_checkpoints.on_every_route",
                          say(lang, "Pakolliset tarkistuspisteet joka reitillä",
                              "Obligatoriska kontrollpunkter på varje väg", "Mandatory checkpoints on every route"),
                          mandatory));
  rows.push_back(numeric_row(
      "rules_broken", say(lang, "Palvelun sääntörikkomukset", "Regelbrott i tjänsten", "Rules the service breaks"),
      column(c, [](const Kpis& m) -> std::optional<double> { return m.rules_broken; }), 0, false, lang));
  rows.push_back(numeric_row("model_errors", say(lang, "Virheet mallissa", "Fel i modellen", "Errors in the model"),
                             column(c, [](const Kpis& m) -> std::optional<double> { return m.model_errors; }), 0, false,
                             lang));
  rows.push_back(text_row("top_bottleneck", say(lang, "Pullonkaula", "Flaskhals", "Bottleneck"), bottleneck));
  return rows;
}

std::string format_delta(const KpiRow& row, size_t index, Lang lang) {
  if (!row.numeric || index >= row.values.size() || !row.values[0] || !row.values[index]) return "";
  double d = *row.values[index] - *row.values[0];
  if (row.working_days_per_week) {
    if (row.text[index] == row.text[0]) return "0";  // the same as printed
    return std::string(d > 0 ? "+" : "-") +
           format_duration_like(std::fabs(d), detail::largest_value(row), *row.working_days_per_week, lang);
  }
  std::string text = row.percent ? format_decimal(d * 100, row.decimals, lang) : format_decimal(d, row.decimals, lang);
  if (text.find_first_not_of("0,.-") == std::string::npos) return "0";  // rounds to zero
  if (d > 0) text = "+" + text;
  if (row.percent) text += say(lang, " %-yks.", " %-enh.", " pp");
  return text;
}

std::string format_relative(const KpiRow& row, size_t index, Lang lang) {
  if (!row.numeric || row.percent || index >= row.values.size() || !row.values[0] || !row.values[index] ||
      *row.values[0] == 0)
    return "";
  // A duration that reads the same in both columns ("alle 0,1 tp") has no change to show.
  if (row.working_days_per_week && index < row.text.size() && row.text[index] == row.text[0]) return "";
  double r = (*row.values[index] - *row.values[0]) / std::fabs(*row.values[0]);
  std::string text = format_percent(r, lang);
  if (r > 0 && text != format_percent(0, lang)) text = "+" + text;
  return text;
}

std::vector<std::string> column_titles(const Comparison& c, Lang lang) {
  std::vector<std::string> titles;
  for (const auto& m : c.models) titles.push_back(one_line(m.title.in(lang)));
  std::vector<std::string> sorted = titles;
  std::sort(sorted.begin(), sorted.end());
  const bool distinct = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
  for (size_t i = 0; i < titles.size(); ++i)
    if (!distinct || titles[i].empty()) titles[i] = c.models[i].name;
  return titles;
}

namespace {

// kpi_table of rows already made.
Table table_of(const Comparison& c, const std::vector<KpiRow>& rows, Lang lang) {
  using namespace detail;
  std::vector<std::string> header{say(lang, "Tunnusluku", "Nyckeltal", "Figure")};
  for (const auto& title : column_titles(c, lang)) header.push_back(title);
  const bool pair = c.models.size() == 2;
  if (pair) {
    header.push_back(say(lang, "muutos", "förändring", "change"));
    header.push_back("%");
  }
  Table table;
  table.header = header;
  for (const auto& row : rows) {
    std::vector<std::string> line{row.label};
    line.insert(line.end(), row.text.begin(), row.text.end());
    if (pair) {
      line.push_back(format_delta(row, 1, lang));
      line.push_back(format_relative(row, 1, lang));
    }
    table.add_row(line);
  }
  return table;
}

}  // namespace

Table kpi_table(const Comparison& c, Lang lang) { return table_of(c, kpi_rows(c, lang), lang); }

namespace {

// "Socialarbetare, vuxna 30–64: htv" → {"Socialarbetare, vuxna 30–64", "htv"}; "Lead time by
// assessment outcome, special" → {"Lead time by assessment outcome", "special"}; {} without either.
std::pair<std::string_view, std::string_view> label_group(std::string_view label) {
  size_t cut = label.rfind(": ");
  if (cut == std::string_view::npos) cut = label.find(", ");
  if (cut == std::string_view::npos) return {};
  return {label.substr(0, cut), label.substr(cut + 2)};
}

}  // namespace

// The key figures for a screen: the models' titles wrapped over their columns, figures of one role
// (or one kind) under its name, and the figures that are names (the bottleneck) as lines
// "figure: before → after" below the table, where a long name need not be cut.
std::string narrow_table(const Comparison& c, Lang lang, const TextFit& fit) {
  const std::vector<KpiRow> rows = kpi_rows(c, lang);
  const Table table = table_of(c, rows, lang);  // row for row, so `numeric` tells the names
  Table narrow;
  narrow.header = table.header;
  narrow.align = table.align;
  for (size_t column = 1; column < narrow.header.size(); ++column) {
    size_t widest = 12;
    for (size_t row = 0; row < table.rows(); ++row)
      if (rows[row].numeric && column < table.cells_in(row))
        widest = std::max(widest, display_width(table.at(row, column)));
    std::string title = wrap_text(narrow.header[column], widest, "", "");
    title.pop_back();  // wrap_text ends every line, the last too
    narrow.header[column] = title;
  }
  std::string names;
  auto group_of = [&](size_t row) {
    while (row < table.rows() && !rows[row].numeric) ++row;
    return row < table.rows() ? label_group(table.at(row, 0)).first : std::string_view();
  };
  std::string_view open_group;
  for (size_t row = 0; row < table.rows(); ++row) {
    if (!rows[row].numeric) {
      std::string line = rows[row].label + ": ";
      for (size_t i = 0; i < rows[row].text.size(); ++i) line += (i ? " → " : "") + rows[row].text[i];
      names += wrap_text(line, fit.width, "", "  ");
      continue;
    }
    auto [group, figure] = label_group(table.at(row, 0));
    const bool grouped = !group.empty() && (group == open_group || group == group_of(row + 1));
    if (grouped && group != open_group) narrow.add_span(std::string(group));
    open_group = grouped ? group : std::string_view();
    narrow.cell(grouped ? "  " + std::string(figure) : std::string(table.at(row, 0)));
    for (size_t column = 1; column < table.cells_in(row); ++column) narrow.cell(table.at(row, column));
    narrow.end_row();
  }
  return table_text(narrow, {.indent = "", .gap = "  ", .width = fit.width}) + names;
}

std::string format_table(const Comparison& c, Lang lang, const TextFit& fit) {
  if (!fit.wide) return narrow_table(c, lang, fit);
  return table_text(kpi_table(c, lang), {.indent = "", .gap = "  ", .width = fit.width});
}

namespace {

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

std::string format_simulated(const std::vector<SimulatedKpis>& figures, const std::vector<std::string>& names,
                             const SimulatedOptions& used, Lang lang) {
  std::string out =
      std::string(say(lang, "Simuloitu (", "Simulerat (", "Simulated (")) + std::to_string(used.replications) +
      say(lang, " toistoa × ", " upprepningar × ", " replications × ") + format_decimal(used.weeks, 0, lang) +
      say(lang, " viikkoa, lämmittely ", " veckor, uppvärmning ", " weeks, warm-up ") +
      format_decimal(used.warmup_weeks.value_or(0), 0, lang) + say(lang, " vk, siemen ", " v, frö ", " wk, seed ") +
      std::to_string(used.seed) +
      say(lang, "; 95 %:n luottamusväli; * = ero ensimmäiseen merkitsevä, toistot pareittain)\n",
          "; 95 % konfidensintervall; * = skillnaden mot den första är signifikant, upprepningarna parvis)\n",
          "; 95% confidence interval; * = difference from the first is significant, replications paired)\n");
  struct Row {
    std::string label;
    std::function<const Interval*(const SimulatedKpis&)> get;
    bool percent;
  };
  std::vector<Row> rows{
      {say(lang, "Läpimenoaika, keskiarvo (vk)", "Genomloppstid, medel (v)", "Lead time, mean (weeks)"),
       [](const SimulatedKpis& k) { return &k.lead_mean; }, false},
      {say(lang, "Läpimenoaika, mediaani (vk)", "Genomloppstid, median (v)", "Lead time, p50 (weeks)"),
       [](const SimulatedKpis& k) { return &k.lead_p50; }, false},
      {say(lang, "Läpimenoaika, 90 % (vk)", "Genomloppstid, 90 % (v)", "Lead time, p90 (weeks)"),
       [](const SimulatedKpis& k) { return &k.lead_p90; }, false},
      {say(lang, "Läpimenoaika, 95 % (vk)", "Genomloppstid, 95 % (v)", "Lead time, p95 (weeks)"),
       [](const SimulatedKpis& k) { return &k.lead_p95; }, false}};
  std::vector<std::string> steps;
  for (const auto& k : figures)
    for (const auto& d : k.deadlines)
      if (std::find(steps.begin(), steps.end(), d.step) == steps.end()) steps.push_back(d.step);
  for (const auto& step : steps)
    rows.push_back({std::string(say(lang, "Määräajassa: ", "Inom tidsfristen: ", "Within deadline: ")) + step,
                    [step](const SimulatedKpis& k) -> const Interval* {
                      const auto* d = find_deadline(k, step);
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
      const char* unit = row.percent ? say(lang, " %-yks.", " %-enh.", " pp") : "";
      found += (found.empty() ? "" : "; ") + row.label + " " + signed_text(paired->mean, row.percent) + unit + " [" +
               signed_text(paired->low, row.percent) + "; " + signed_text(paired->high, row.percent) + "]";
    }
    out += "  " + (i < names.size() ? names[i] : "") +
           (found.empty()
                ? say(lang, ": ei merkitseviä eroja ensimmäiseen\n", ": inga signifikanta skillnader mot den första\n",
                      ": no significant difference from the first\n")
                : say(lang, ": merkitsevät erot ensimmäiseen: ", ": signifikanta skillnader mot den första: ",
                      ": significant differences from the first: ") +
                      found + "\n");
  }
  for (size_t i = 0; i < figures.size(); ++i)
    if (figures[i].unstable)
      out += "  " + (i < names.size() ? names[i] : "") +
             say(lang, ": jono kasvoi rajatta simuloinnissa\n", ": kön växte utan gräns i simuleringen\n",
                 ": a queue grew without bound in the simulation\n");
  return out;
}

}  // namespace sujuva
