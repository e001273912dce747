#include "present/simulation_text.h"

#include <fmt/format.h>

#include <filesystem>
#include <sstream>

#include "model/label_text.h"
#include "present/atomic_file.h"
#include "present/csv.h"
#include "present/table.h"
#include "text/duration.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva {

namespace {

// Indented under their heading, two spaces between columns.
TextLayout layout(const TextFit& fit) { return {.indent = "  ", .gap = "  ", .width = fit.width}; }

std::string percent_estimate(const Estimate& e, Lang lang) {
  if (!e.has_value()) return "-";
  std::string text = format_percent(e.mean, lang);
  if (e.samples > 1) text += " (" + format_decimal(e.low * 100, 0, lang) + "–" + format_percent(e.high, lang) + ")";
  return text;
}

std::string duration_only(const Estimate& e, double days, double largest, Lang lang) {
  return e.has_value() ? format_duration_like(e.mean, largest, days, lang) : "-";
}

// A summary's mean (with interval) and percentiles, all in the unit of the largest; p50 and p95
// only when every column shows.
std::vector<std::string> duration_cells(const DurationSummary& s, double days, Lang lang, const TextFit& fit) {
  const double largest = largest_mean({&s.mean, &s.p50, &s.p90, &s.p95});
  if (!fit.wide)
    return {format_duration_estimate(s.mean, days, lang, largest), duration_only(s.p90, days, largest, lang)};
  return {format_duration_estimate(s.mean, days, lang, largest), duration_only(s.p50, days, largest, lang),
          duration_only(s.p90, days, largest, lang), duration_only(s.p95, days, largest, lang)};
}

std::vector<std::string> percentile_headers(const TextFit& fit) {
  if (!fit.wide) return {"p90"};
  return {"p50", "p90", "p95"};
}

std::string header(const Simulation& sim, Lang lang) {
  const auto& o = sim.options;
  std::string text =
      fmt::format("{}: {} — {} {} × {} {} ({} {} {}), {} {}\n", say(lang, "Simulointi", "Simulering", "Simulation"),
                  sim.model, o.replications,
                  o.replications == 1 ? say(lang, "toisto", "replikering", "replication")
                                      : say(lang, "toistoa", "replikeringar", "replications"),
                  format_decimal(o.weeks, 0, lang),
                  o.weeks == 1 ? say(lang, "viikko", "vecka", "week") : say(lang, "viikkoa", "veckor", "weeks"),
                  say(lang, "lämmittely", "uppvärmning", "warm-up"), format_decimal(o.warmup_weeks, 0, lang),
                  say(lang, "vk", "v", "wk"), say(lang, "siemen", "frö", "seed"), o.seed);
  if (o.calendar == CalendarModel::office)
    text += say(lang, "Toimistokalenteri: työ ja saapumiset vain ma–pe työaikana (alkaen klo 8).\n",
                "Kontorskalender: arbete och ankomster endast mån–fre under arbetstid (från kl. 8).\n",
                "Office calendar: work and arrivals only Monday to Friday in working hours (from 08:00).\n");
  if (o.absence_model == AbsenceModel::random)
    text += say(lang, "Poissaolot satunnaisina jaksoina henkilöittäin.\n",
                "Frånvaro som slumpmässiga perioder per person.\n", "Absence as random spells per person.\n");
  text += say(lang, "Luvut: keskiarvo toistoista (95 %:n luottamusväli).\n",
              "Tal: medelvärde över replikeringarna (95 % konfidensintervall).\n",
              "Figures: mean over replications (95% confidence interval).\n");
  return text;
}

std::string roles_table(const Simulation& sim, Lang lang, const TextFit& fit) {
  Table t;
  t.header = {say(lang, "Rooli", "Roll", "Role"), term(Term::utilisation, lang, true),
              say(lang, "Jono", "Kö", "Queue"), term(Term::wait, lang, true) + say(lang, " ka", " medel", " mean")};
  for (auto& h : percentile_headers(fit)) t.header.push_back(h);
  const double days = sim.calendar.working_days_per_week();
  for (const auto& r : sim.roles) {
    std::string name = one_line(r.label.in(lang, r.id));
    if (r.unstable) name += say(lang, " (epävakaa)", " (instabil)", " (unstable)");
    std::vector<std::string> row{name, percent_estimate(r.utilisation, lang), format_estimate(r.queue, 1, lang)};
    for (auto& cell : duration_cells(r.wait_weeks, days, lang, fit)) row.push_back(std::move(cell));
    t.add_row(row);
  }
  return table_text(t, layout(fit));
}

std::string classes_table(const Simulation& sim, Lang lang, const TextFit& fit) {
  Table t;
  t.header = {say(lang, "Arvion tulos", "Bedömningens utfall", "Assessment outcome"),
              say(lang, "Läpimenoaika ka", "Genomloppstid medel", "Lead time mean")};
  for (auto& h : percentile_headers(fit)) t.header.push_back(h);
  t.header.push_back(say(lang, "Valmiit / vk", "Klara / v", "Done / wk"));
  t.header.push_back(say(lang, "Keskeneräiset", "Pågående", "In progress"));
  const double days = sim.calendar.working_days_per_week();
  auto row = [&](const std::string& name, const ClassResult& c) {
    std::vector<std::string> row{name};
    for (auto& cell : duration_cells(c.lead_time_weeks, days, lang, fit)) row.push_back(std::move(cell));
    row.push_back(format_estimate(c.throughput_per_week, 1, lang));
    row.push_back(format_estimate(c.wip, 1, lang));
    t.add_row(row);
  };
  row(say(lang, "kaikki", "alla", "all"), sim.overall);
  if (sim.by_assessment.size() > 1)
    for (const auto& c : sim.by_assessment) row(class_term(c.name, lang, sim.terms), c);
  return table_text(t, layout(fit));
}

std::string deadlines_table(const Simulation& sim, Lang lang, const TextFit& fit) {
  Table t;
  t.header = {say(lang, "Vaihe", "Steg", "Step"), say(lang, "Määräaika", "Tidsfrist", "Deadline"),
              say(lang, "Ajoissa", "I tid", "On time"), say(lang, "Myöhässä ka", "Försenade medel", "Late mean"),
              "p90"};
  const double days = sim.calendar.working_days_per_week();
  for (const auto& d : sim.deadlines) {
    t.add_row({one_line(d.label.in(lang, d.step)), format_duration(d.deadline_weeks, days, lang, DurationStyle::unit),
               percent_estimate(d.share_within, lang),
               format_duration_estimate(d.late_weeks.mean, days, lang, largest_mean({&d.late_weeks.p90})),
               duration_only(d.late_weeks.p90, days, largest_mean({&d.late_weeks.mean, &d.late_weeks.p90}), lang)});
  }
  return table_text(t, layout(fit));
}

// CSV with the cells of estimates (mean, low, high) and duration summaries.
struct Csv {
  Lang lang;
  CsvText text;
  explicit Csv(Lang l) : lang(l), text(l) {}
  std::string num(double x) const { return csv_number(x, lang); }
  void row(const std::vector<std::string>& cells) { text.row(cells); }
  void estimate_header(std::vector<std::string>& cells, const std::string& name) const {
    cells.insert(cells.end(), {name, name + "_low", name + "_high"});
  }
  void estimate_cells(std::vector<std::string>& cells, const Estimate& e) const {
    cells.insert(cells.end(), {num(e.mean), num(e.low), num(e.high)});
  }
  void summary_header(std::vector<std::string>& cells, const std::string& name) const {
    for (const char* part : {"mean", "p50", "p90", "p95"}) estimate_header(cells, name + "_" + part);
  }
  void summary_cells(std::vector<std::string>& cells, const DurationSummary& d) const {
    for (const Estimate* e : {&d.mean, &d.p50, &d.p90, &d.p95}) estimate_cells(cells, *e);
  }
};

std::string roles_csv(const Simulation& sim, Lang lang) {
  Csv csv(lang);
  std::vector<std::string> head{"role", "label", "servers", "unstable"};
  for (const char* name : {"utilisation", "offered_load", "queue", "busy_servers", "visits_per_week",
                           "backlog_growth_per_week", "backlog_growth_hours_per_week"})
    csv.estimate_header(head, name);
  csv.summary_header(head, "wait_weeks");
  csv.row(head);
  for (const auto& r : sim.roles) {
    std::vector<std::string> cells{r.id, one_line(r.label.in(lang, r.id)), csv.num(r.servers), r.unstable ? "1" : "0"};
    for (const Estimate* e : {&r.utilisation, &r.offered_load, &r.queue, &r.busy_servers, &r.visits_per_week,
                              &r.backlog_growth_per_week, &r.backlog_growth_hours_per_week})
      csv.estimate_cells(cells, *e);
    csv.summary_cells(cells, r.wait_weeks);
    csv.row(cells);
  }
  return csv.text.take();
}

// `by_assessment`: the rows by assessment outcome (by_assessment.csv), otherwise by class (classes.csv).
std::string classes_csv(const Simulation& sim, Lang lang, bool by_assessment) {
  Csv csv(lang);
  std::vector<std::string> head{by_assessment ? "assessment_outcome" : "class"};
  csv.summary_header(head, "lead_time_weeks");
  csv.estimate_header(head, "throughput_per_week");
  csv.estimate_header(head, "wip");
  csv.row(head);
  auto row = [&](const std::string& name, const ClassResult& c) {
    std::vector<std::string> cells{name};
    csv.summary_cells(cells, c.lead_time_weeks);
    csv.estimate_cells(cells, c.throughput_per_week);
    csv.estimate_cells(cells, c.wip);
    csv.row(cells);
  };
  row("*", sim.overall);
  for (const auto& c : by_assessment ? sim.by_assessment : sim.classes) row(c.name, c);
  return csv.text.take();
}

std::string deadlines_csv(const Simulation& sim, Lang lang) {
  Csv csv(lang);
  std::vector<std::string> head{"step", "label", "deadline_weeks"};
  csv.estimate_header(head, "reached_per_week");
  csv.estimate_header(head, "share_within");
  csv.summary_header(head, "late_weeks");
  csv.row(head);
  for (const auto& d : sim.deadlines) {
    std::vector<std::string> cells{d.step, one_line(d.label.in(lang, d.step)), csv.num(d.deadline_weeks)};
    csv.estimate_cells(cells, d.reached_per_week);
    csv.estimate_cells(cells, d.share_within);
    csv.summary_cells(cells, d.late_weeks);
    csv.row(cells);
  }
  return csv.text.take();
}

std::string weekly_csv(const Simulation& sim, Lang lang) {
  Csv csv(lang);
  const auto& w = sim.weekly;
  std::vector<std::string> head{"week"};
  for (const auto& role : w.roles) csv.estimate_header(head, "queue_" + role);
  for (const char* name : {"wip", "arrivals", "completions"}) csv.estimate_header(head, name);
  csv.row(head);
  for (size_t week = 0; week < w.wip.size(); ++week) {
    std::vector<std::string> cells{std::to_string(week + 1)};
    for (const auto& queue : w.queue) csv.estimate_cells(cells, queue[week]);
    for (const auto* series : {&w.wip, &w.arrivals, &w.completions}) csv.estimate_cells(cells, (*series)[week]);
    csv.row(cells);
  }
  return csv.text.take();
}

}  // namespace

std::string format_estimate(const Estimate& e, int decimals, Lang lang) {
  if (!e.has_value()) return "-";
  std::string text = format_decimal(e.mean, decimals, lang);
  if (e.samples > 1)
    text += " (" + format_decimal(e.low, decimals, lang) + "–" + format_decimal(e.high, decimals, lang) + ")";
  return text;
}

std::string format_duration_estimate(const Estimate& e, double working_days_per_week, Lang lang, double largest) {
  if (!e.has_value() || !std::isfinite(e.mean)) return "-";
  if (e.samples < 2) return format_duration_like(e.mean, largest, working_days_per_week, lang);
  return format_duration_range(e.mean, e.low, e.high, working_days_per_week, lang, largest);
}

double largest_mean(std::initializer_list<const Estimate*> estimates) {
  double largest = 0;
  for (const Estimate* e : estimates)
    if (e->has_value() && std::isfinite(e->mean)) largest = std::max(largest, e->mean);
  return largest;
}

std::string simulation_text(const Simulation& sim, Lang lang, const TextFit& fit) {
  std::string text;
  std::istringstream header_lines(header(sim, lang));
  for (std::string line; std::getline(header_lines, line);) text += wrap_text(line, fit.width, "", "  ");
  for (const auto& g : sim.guards) {
    std::string note = say(lang, "HUOM: ", "OBS: ", "NOTE: ");
    text += "\n" + wrap_text(note + g.message, fit.width, "", std::string(display_width(note), ' '));
  }
  text += "\n" + std::string(say(lang, "Roolit", "Roller", "Roles")) + "\n" + roles_table(sim, lang, fit);
  text += "\n" +
          std::string(sim.by_assessment.size() > 1
                          ? say(lang, "Läpimenoaika arvion tuloksen mukaan", "Genomloppstid enligt bedömningens utfall",
                                "Lead time by assessment outcome")
                          : term(Term::lead_time, lang, true)) +
          "\n" + classes_table(sim, lang, fit);
  if (!sim.deadlines.empty())
    text += "\n" +
            std::string(say(lang, "Määräajat (alusta vaiheen alkuun)", "Tidsfrister (från start till stegets början)",
                            "Deadlines (from arrival until the step begins)")) +
            "\n" + deadlines_table(sim, lang, fit);
  text += fmt::format("\n{}: {}\n", say(lang, "Tapahtumia", "Händelser", "Events"),
                      format_decimal(double(sim.events), 0, lang));
  return text;
}

void write_simulation_csv(const Simulation& sim, const std::string& directory, Lang lang) {
  create_folder(directory, lang);
  auto path = [&](const char* name) { return (std::filesystem::path(directory) / name).string(); };
  write_file_atomically(path("roles.csv"), roles_csv(sim, lang), lang);
  write_file_atomically(path("classes.csv"), classes_csv(sim, lang, false), lang);
  write_file_atomically(path("by_assessment.csv"), classes_csv(sim, lang, true), lang);
  write_file_atomically(path("deadlines.csv"), deadlines_csv(sim, lang), lang);
  write_file_atomically(path("weekly.csv"), weekly_csv(sim, lang), lang);
}

}  // namespace sujuva
