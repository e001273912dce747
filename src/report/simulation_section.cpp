// The report's simulation section: reads only the typed Simulation result.
#include "report/simulation_section.h"

#include <cmath>

#include "model/label_text.h"
#include "render/diagram.h"
#include "report/chart.h"
#include "report/document.h"
#include "present/simulation_text.h"
#include "report/markdown.h"
#include "sim/simulation.h"
#include "text/duration.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva {

namespace {

std::string estimate_text(const Estimate& e, Lang lang, int decimals, bool percent = false) {
  auto one = [&](double x) { return percent ? format_percent(x, lang, decimals) : format_decimal(x, decimals, lang); };
  if (!e.has_value() || !std::isfinite(e.mean)) return "-";
  std::string text = one(e.mean);
  if (e.samples > 1 && std::isfinite(e.low) && std::isfinite(e.high))
    text += " (" + one(e.low) + "–" + one(e.high) + ")";
  return text;
}

}  // namespace

SimulationSection simulation_section(const Process& process, const Simulation& sim, const SimulationOptions& used,
                                     Lang lang) {
  const int replications = used.replications;
  const double weeks = used.weeks;
  const std::uint64_t seed = used.seed;
  SimulationSection s;
  std::string intro =
      std::string(
          say(lang, "Tapahtumapohjainen simulointi: ", "Händelsestyrd simulering: ", "Discrete-event simulation: ")) +
      std::to_string(replications) + say(lang, " toistoa × ", " upprepningar × ", " replications × ") +
      format_decimal(weeks, 0, lang) +
      say(lang, " viikkoa (lämmittely ", " veckor (uppvärmning ", " weeks (warm-up ") +
      format_decimal(used.warmup_weeks, 0, lang) + say(lang, " vk), siemen ", " v), frö ", " wk), seed ") +
      std::to_string(seed) +
      say(lang, ". Luvut: keskiarvo (95 %:n luottamusväli).", ". Siffror: medelvärde (95 % konfidensintervall).",
           ". Figures: mean (95% confidence interval).");
  s.html += "<p>" + escape_html(intro) + "</p>\n";
  std::string caveat = say(lang,
                            "Läpimenoajat ovat niiden asiakkaiden, joiden asiakkuus päättyi mittausjakson aikana; "
                            "lämmittelyjakso täyttää jonot ensin, joten luvut kuvaavat samaa tasapainotilaa kuin "
                            "virtausmalli.",
                            "Genomloppstiderna gäller klienter vars klientskap avslutades under mätperioden; "
                            "uppvärmningen fyller köerna först, så siffrorna beskriver samma jämviktsläge som "
                            "flödesmodellen.",
                            "Lead times are those of clients whose case ended during the measured weeks; the warm-up "
                            "fills the queues first, so the figures describe the same steady state as the flow "
                            "model.");
  s.html += "<p>" + escape_html(caveat) + "</p>\n";
  s.markdown += report::escape_markdown(intro) + "\n\n" + report::escape_markdown(caveat) + "\n\n";
  for (const auto& g : sim.guards) {
    s.html += "<p><b>" + escape_html(g.message) + "</b></p>\n";
    s.markdown += "**" + report::escape_markdown(g.message) + "**\n\n";
  }

  Table lead;  // a label, then figures (the default alignment)
  lead.header = {say(lang, "Asiakkaat", "Klienter", "Clients"), say(lang, "Keskiarvo", "Medel", "Mean"),
                 say(lang, "Mediaani", "Median", "Median"), "90 %", "95 %"};
  const double days = sim.calendar.working_days_per_week();
  auto lead_row = [&](const std::string& name, const ClassResult& c) {
    const auto& l = c.lead_time_weeks;  // one unit for the row: that of its largest figure
    const double largest = largest_mean({&l.mean, &l.p50, &l.p90, &l.p95});
    auto duration = [&](const Estimate& e) { return format_duration_estimate(e, days, lang, largest); };
    lead.add_row({name, duration(l.mean), duration(l.p50), duration(l.p90), duration(l.p95)});
  };
  lead_row(say(lang, "kaikki", "alla", "all"), sim.overall);
  for (const auto& c : sim.by_assessment)
    lead_row(c.name == "special"    ? say(lang, "erityinen tuki", "särskilt stöd", "special support")
             : c.name == "standard" ? say(lang, "tavallinen", "vanlig", "standard")
                                    : c.name,
             c);
  std::string lead_title = sim.by_assessment.size() > 1
                               ? say(lang, "Läpimenoaika arvion tuloksen mukaan",
                                     "Genomloppstid enligt bedömningens utfall", "Lead time by assessment outcome")
                               : term(Term::lead_time, lang, true);
  s.html += "<h3>" + escape_html(lead_title) + "</h3>\n" + report::to_html(lead);
  s.markdown += "### " + lead_title + "\n\n" + report::to_markdown(lead);

  if (!sim.deadlines.empty()) {
    Table deadlines;
    deadlines.header = {say(lang, "Vaihe", "Steg", "Step"),
                        say(lang, "Määräaika", "Tidsfrist", "Deadline"),
                        say(lang, "Ajoissa", "I tid", "On time"),
                        say(lang, "Asiakkaita/vk", "Klienter/v", "Clients/wk"),
                        say(lang, "Myöhästyneillä myöhästys (90 %)", "Försening för sena (90 %)",
                             "Late by (90%)")};
    for (const auto& d : sim.deadlines)
      deadlines.add_row({one_line(d.label.in(lang, d.step)),
                         format_duration(d.deadline_weeks, days, lang, DurationStyle::unit),
                         estimate_text(d.share_within, lang, 0, true), estimate_text(d.reached_per_week, lang, 1),
                         format_duration_estimate(d.late_weeks.p90, days, lang)});
    std::string title = say(lang, "Määräajat", "Tidsfrister", "Deadlines");
    s.html += "<h3>" + escape_html(title) + "</h3>\n" + report::to_html(deadlines);
    s.markdown += "### " + title + "\n\n" + report::to_markdown(deadlines);
  }

  if (!sim.weekly.queue.empty() && !sim.weekly.queue.front().empty()) {
    LineChart chart{.title = say(lang, "Jono viikoittain (simuloitu, keskiarvo)",
                                  "Kö vecka för vecka (simulerad, medel)", "Queue week by week (simulated, mean)"),
                    .x_label = say(lang, "viikko", "vecka", "week"),
                    .y_label = say(lang, "asiakkaita jonossa", "klienter i kö", "clients waiting"),
                    .lang = lang};
    for (std::size_t w = 0; w < sim.weekly.queue.front().size(); ++w) chart.x.push_back(static_cast<double>(w + 1));
    for (std::size_t r = 0; r < sim.weekly.roles.size() && r < sim.weekly.queue.size(); ++r) {
      auto role = process.find_role(sim.weekly.roles[r]);
      LineSeries series{role ? one_line(process.roles[*role].label.in(lang, sim.weekly.roles[r])) : sim.weekly.roles[r],
                        {}};
      for (const auto& e : sim.weekly.queue[r]) series.values.push_back(e.mean);
      chart.series.push_back(series);
    }
    s.html += "<figure>" + line_chart_svg(chart) + "</figure>\n";
    s.markdown += "*" + report::escape_markdown(chart.title) + ": " +
                  say(lang, "ks. index.html", "se index.html", "see index.html") + "*\n";
  }
  return s;
}

}  // namespace sujuva
