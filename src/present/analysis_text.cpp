#include "present/analysis_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <sstream>
#include <string_view>

#include "model/label_text.h"
#include "present/bottleneck_text.h"
#include "present/table.h"
#include "text/duration.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva {

namespace {

using Row = std::vector<std::string>;

// format_decimal (text/format.h) written into `out` without temporary strings:
// the step table of a million-step model has nine million numbers.
void append_decimal(std::string& out, double value, int decimals, Lang lang) {
  if (!std::isfinite(value)) {
    out += '-';
    return;
  }
  char buffer[512];  // the longest fixed-point double (1.8e308) with a few decimals fits
  auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  std::string_view text(buffer, static_cast<size_t>(written.ptr - buffer));
  if (text.size() > 1 && text[0] == '-' && text.find_first_not_of("0.", 1) == std::string_view::npos)
    text.remove_prefix(1);  // no "-0,0"
  if (text[0] == '-') {
    out += '-';
    text.remove_prefix(1);
  }
  size_t point = text.find('.');
  std::string_view integer = text.substr(0, point);
  if (integer.size() > 4) {
    const char* group = lang == Lang::en ? "," : "\u202F";  // narrow no-break space
    for (size_t i = 0; i < integer.size(); ++i) {
      if (i > 0 && (integer.size() - i) % 3 == 0) out += group;
      out += integer[i];
    }
  } else {
    out += integer;
  }
  if (point != std::string_view::npos && point + 1 < text.size()) {
    out += lang == Lang::en ? '.' : ',';
    out += text.substr(point + 1);
  }
}

void append_percent(std::string& out, double share, Lang lang) {
  if (!std::isfinite(share)) {
    out += '-';
    return;
  }
  append_decimal(out, share * 100, 0, lang);
  out += lang == Lang::en ? "%" : "\u00A0%";
}

void number_cell(Table& table, std::optional<double> x, int decimals, Lang lang) {
  if (x)
    append_decimal(table.text(), *x, decimals, lang);
  else
    table.text() += "–";
  table.end_cell();
}

void percent_cell(Table& table, std::optional<double> x, Lang lang) {
  if (x)
    append_percent(table.text(), *x, lang);
  else
    table.text() += "–";
  table.end_cell();
}

// Indented under their heading, one space between columns; a padded last cell keeps its spaces.
TextLayout layout(const TextFit& fit) { return {.indent = "  ", .gap = " ", .trim = false, .width = fit.width}; }

void print_table(const Row& header, const std::vector<Row>& rows, const TextFit& fit, std::ostream& out,
                 std::vector<Align> align = {}) {
  Table table;
  table.header = header;
  table.align = std::move(align);
  for (const auto& r : rows) table.add_row(r);
  write_table_text(table, layout(fit), out);
}

// A sentence under a heading, wrapped to the width: a numbered one's later lines under its first
// word, another's two further in.
void print_prose(std::string_view text, const TextFit& fit, std::ostream& out, std::string_view first = "  ") {
  const bool numbered = first.find_first_not_of(' ') != std::string_view::npos;
  out << wrap_text(text, fit.width, first, std::string(display_width(first) + (numbered ? 0 : 2), ' '));
}

std::string num(std::optional<double> x, int decimals, Lang lang) {
  return x ? format_decimal(*x, decimals, lang) : "–";
}
std::string pct(std::optional<double> x, Lang lang) { return x ? format_percent(*x, lang) : "–"; }

void print_summary(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  out << one_line(p.title.in(lang, p.name)) << " (" << p.name << ")\n";
  const auto& lead = a.lead_time_weeks.mean;
  out << fmt::format(fmt::runtime(say(lang, "Asiakkaita saapuu {} viikossa. Läpimenoaika keskimäärin {}",
                                      "{} klienter kommer per vecka. Genomloppstid i genomsnitt {}",
                                      "{} clients arrive a week. Mean lead time {}")),
                     format_decimal(a.arrivals_per_week, 1, lang),
                     format_duration(lead, p.calendar.working_days_per_week(), lang));
  out << ".\n";
  if (!a.stable())
    print_prose(
        say(lang,
            "Prosessi ei ole tasapainossa: ainakin yhden roolin kysyntä ylittää kapasiteetin, joten jono kasvaa "
            "jatkuvasti eikä odotusaikaa voi laskea.",
            "Processen är inte i balans: efterfrågan överstiger kapaciteten för minst en roll, så kön växer "
            "hela tiden och väntetiden kan inte beräknas.",
            "The process is not in balance: demand exceeds capacity for at least one role, so its queue "
            "grows without end and no waiting time can be computed."),
        fit, out, "");
  out << "\n" << say(lang, "Missä sujuvuus katkeaa", "Var smidigheten brister", "Where smoothness breaks") << "\n";
  if (std::string none = no_bottleneck_sentence(a, p, lang); !none.empty())
    print_prose(none, fit, out);
  else if (a.bottlenecks.empty())
    out << "  " << say(lang, "(ei pullonkauloja)", "(inga flaskhalsar)", "(no bottlenecks)") << "\n";
  for (size_t i = 0; i < a.bottlenecks.size(); ++i)
    print_prose(bottleneck_sentence(a.bottlenecks[i], a, p, lang), fit, out, fmt::format("  {}. ", i + 1));
}

void print_roles(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  out << "\n" << say(lang, "Roolit", "Roller", "Roles") << "\n";
  const double days_per_week = p.calendar.working_days_per_week();
  // Narrow: what a reader needs first, headers on two or three lines; the queue and the share of
  // clients are in --wide and roles.csv.
  const bool wide = fit.wide;
  Row header{say(lang, "rooli", "roll", "role"),
             fte_term(lang),
             wide ? say(lang, "kapasiteetti h/vk", "kapacitet h/v", "capacity h/wk")
                  : say(lang, "kapasiteetti\nh/vk", "kapacitet\nh/v", "capacity\nh/wk"),
             wide ? say(lang, "kysyntä h/vk", "efterfrågan h/v", "demand h/wk")
                  : say(lang, "kysyntä\nh/vk", "efterfrågan\nh/v", "demand\nh/wk"),
             term(Term::utilisation, lang),
             term(Term::wait, lang)};
  if (wide) {
    header.push_back(say(lang, "jonossa", "i kö", "queue"));
    header.push_back(say(lang, "asiakkaista", "av klienterna", "of clients"));
    header.push_back(say(lang, "läpimenoajasta", "av genomloppstid", "of lead time"));
  } else {
    header.push_back(say(lang, "osuus\nläpimeno-\najasta", "andel av\ngenomlopps-\ntiden", "share of\nlead time"));
  }
  std::vector<Row> rows;
  for (const auto& r : a.roles) {
    Row row{role_label(p, r.id, lang),
            num(r.fte, 1, lang),
            num(r.capacity_hours_per_week, 1, lang),
            num(r.demand_hours_per_week, 1, lang),
            pct(r.utilisation, lang),
            r.stable ? format_duration(r.wait_weeks, days_per_week, lang, DurationStyle::unit)
                     : say(lang, "kasvaa", "växer", "grows")};
    if (wide) {
      row.push_back(num(r.queue_clients, 1, lang));
      row.push_back(pct(r.share_of_clients, lang));
    }
    row.push_back(pct(r.share_of_lead_time, lang));
    rows.push_back(std::move(row));
  }
  print_table(header, rows, fit, out);
  for (const auto& r : a.roles)
    if (!r.stable)
      print_prose(role_label(p, r.id, lang) + ": " +
                      fmt::format(fmt::runtime(say(lang, "jono kasvaa {} asiakasta ja {} tuntia viikossa",
                                                   "kön växer med {} klienter och {} timmar per vecka",
                                                   "the backlog grows by {} clients and {} hours a week")),
                                  format_decimal(r.backlog_growth_clients_per_week, 1, lang),
                                  format_decimal(r.backlog_growth_hours_per_week, 1, lang)),
                  fit, out);
}

// Every column, one row per step in the model's order.
void print_all_step_columns(const Analysis& a, const Process& p, Lang lang, std::ostream& out) {
  Table table;
  table.header = {say(lang, "vaihe", "steg", "step"),
                  say(lang, "rooli", "roll", "role"),
                  say(lang, "käyntejä/vk", "besök/v", "visits/wk"),
                  say(lang, "käynnit/asiakas", "besök/klient", "visits/client"),
                  say(lang, "tavoittaa", "når", "reach"),
                  say(lang, "työ h/vk", "arbete h/v", "work h/wk"),
                  term(Term::wait, lang),
                  say(lang, "viipymä", "vistelse", "sojourn"),
                  say(lang, "läpimenoajasta", "av genomloppstid", "of lead time")};
  table.align = {Align::left, Align::left};
  const double days_per_week = p.calendar.working_days_per_week();
  std::vector<std::string> role_labels;  // by role index: one label per role, not per step
  for (const auto& r : p.roles) role_labels.push_back(role_label(p, r.id, lang));
  std::string scratch;
  for (size_t v = 0; v < a.steps.size(); ++v) {
    const auto& s = a.steps[v];
    const Step& step = p.graph[v];
    table.cell(label_line(step.label.in(lang, s.id), scratch));
    if (!s.role)
      table.cell("");
    else if (step.role && p.roles[*step.role].id == *s.role)
      table.cell(role_labels[*step.role]);
    else
      table.cell(role_label(p, *s.role, lang));
    number_cell(table, s.arrivals_per_week, 2, lang);
    number_cell(table, s.visits, 2, lang);
    percent_cell(table, s.reach, lang);
    number_cell(table, s.workload_hours_per_week, 1, lang);
    table.cell(format_duration(s.wait_weeks, days_per_week, lang, DurationStyle::unit));
    table.cell(format_duration(s.sojourn_weeks, days_per_week, lang, DurationStyle::unit));
    percent_cell(table, s.share_of_lead_time, lang);
    table.end_row();
  }
  write_table_text(table, layout(TextFit{}), out);
}

// The steps under their role's name, in the order the roles first do one; the steps without a
// role (start, decisions, ends, outside waits) last. Visits per client, reach and work are in
// --wide and steps.csv.
void print_steps_by_role(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  Table table;
  table.header = {say(lang, "vaihe", "steg", "step"),
                  say(lang, "käyntejä\nviikossa", "besök\nper vecka", "visits\na week"), term(Term::wait, lang),
                  say(lang, "viipymä", "vistelse", "sojourn"),
                  say(lang, "osuus\nläpimeno-\najasta", "andel av\ngenomlopps-\ntiden", "share of\nlead time")};
  std::vector<std::string> group_order;  // role ids, then "" for the steps without one
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t v = 0; v < a.steps.size(); ++v) {
    const std::string role = a.steps[v].role.value_or("");
    auto [it, added] = groups.try_emplace(role);
    if (added && !role.empty()) group_order.push_back(role);
    it->second.push_back(v);
  }
  if (groups.count("")) group_order.push_back("");
  const double days_per_week = p.calendar.working_days_per_week();
  std::string scratch;
  for (const auto& role : group_order) {
    table.add_span(role.empty() ? say(lang, "ilman roolia", "utan roll", "without a role") : role_label(p, role, lang));
    for (size_t v : groups[role]) {
      const auto& s = a.steps[v];
      table.text() += "  ";
      table.text() += label_line(p.graph[v].label.in(lang, s.id), scratch);
      table.end_cell();
      number_cell(table, s.arrivals_per_week, 2, lang);
      table.cell(format_duration(s.wait_weeks, days_per_week, lang, DurationStyle::unit));
      table.cell(format_duration(s.sojourn_weeks, days_per_week, lang, DurationStyle::unit));
      percent_cell(table, s.share_of_lead_time, lang);
      table.end_row();
    }
  }
  write_table_text(table, layout(fit), out);
}

void print_steps(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  out << "\n" << say(lang, "Vaiheet", "Steg", "Steps") << "\n";
  if (fit.wide)
    print_all_step_columns(a, p, lang, out);
  else
    print_steps_by_role(a, p, lang, fit, out);
}

void print_flow_figures(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  out << "\n"
      << say(lang, "Läpimenoaika arvion tuloksen mukaan", "Genomloppstid enligt bedömningens utfall",
             "Lead time by assessment outcome")
      << "\n";
  for (const auto& [name, value] : a.lead_time_weeks.by_assessment) {
    double share = a.lead_time_weeks.share_by_assessment.at(name);
    if (share <= 0) continue;
    out << "  " << class_term(name, lang, p.terms) << ": "
        << format_duration(value, p.calendar.working_days_per_week(), lang) << " (" << format_percent(share, lang)
        << " " << say(lang, "asiakkaista", "av klienterna", "of clients") << ")\n";
  }
  print_prose(
      fmt::format(fmt::runtime(say(lang, "Siirtoja roolilta toiselle {} ja uusintakäyntejä {} asiakasta kohden.",
                                   "Överlämningar mellan roller {} och upprepade besök {} per klient.",
                                   "Handoffs between roles {} and repeat visits {} per client.")),
                  format_decimal(a.handoffs_per_client, 2, lang), format_decimal(a.rework_visits_per_client, 2, lang)),
      fit, out);
  out << "\n" << say(lang, "Kapasiteetin raja", "Kapacitetsgräns", "Capacity limit") << "\n";
  if (a.saturation.role)
    print_prose(fmt::format(fmt::runtime(say(lang,
                                             "{}: käyttöaste nousee {}:iin, kun asiakkaita saapuu {} viikossa "
                                             "({} × nykyinen).",
                                             "{}: beläggningen når {} när {} klienter kommer per vecka ({} × i dag).",
                                             "{}: utilisation reaches {} at {} arrivals a week ({} × today).")),
                            role_label(p, *a.saturation.role, lang), format_percent(1.0, lang),
                            num(a.saturation.arrivals_per_week, 1, lang), num(a.saturation.scale, 2, lang)),
                fit, out);
  else
    print_prose(
        say(lang, "Millään roolilla ei ole asiakastyötä.", "Ingen roll har klientarbete.", "No role has client work."),
        fit, out);
}

void print_sensitivity(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  if (a.sensitivity.empty()) return;
  out << "\n"
      << say(lang, "Herkkyys: missä yksi henkilö lisää auttaa eniten", "Känslighet: var en person till hjälper mest",
             "Sensitivity: where one more person helps most")
      << "\n";
  for (size_t i = 0; i < a.sensitivity.size() && i < 3; ++i)
    print_prose(sensitivity_sentence(a.sensitivity[i], a, p, lang), fit, out,
                fmt::format("  {}. ", a.sensitivity[i].rank));
  const double days_per_week = p.calendar.working_days_per_week();
  auto duration = [&](std::optional<double> weeks) {
    return format_duration(weeks, days_per_week, lang, DurationStyle::unit);
  };
  Row header{say(lang, "rooli", "roll", "role"), say(lang, "läpimeno\nnyt", "genomlopp\nnu", "lead time\nnow"),
             "+" + fte_amount(0.5, lang), "+" + fte_amount(1, lang),
             say(lang, "poissaolot\n+5 %-yks.", "frånvaro\n+5 %-enh.", "absence\n+5 pp")};
  std::vector<Row> rows;
  for (const auto& s : a.sensitivity) {
    Row row{role_label(p, s.role, lang), duration(a.lead_time_weeks.mean)};
    for (const auto& c : s.cases) row.push_back(duration(c.lead_time_weeks) + " / " + pct(c.utilisation, lang));
    rows.push_back(row);
  }
  print_table(header, rows, fit, out);
}

// What the lead time and the busiest role would be if each checkpoint assessed 10 percentage
// points fewer or more clients into its class.
void print_share_cases(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  bool any = false;
  for (const auto& c : a.checkpoints) any = any || !c.share_cases.empty();
  if (!any) return;
  out << "\n"
      << say(lang, "Herkkyys: jos tarkistuspiste arvioisi luokkaan useampia tai harvempia",
             "Känslighet: om kontrollpunkten bedömde fler eller färre till klassen",
             "Sensitivity: if the checkpoint assessed more or fewer clients into the class")
      << "\n";
  // Each checkpoint's name over its rows: the names are long and tell apart only as a whole.
  Table table;
  table.header = {say(lang, "osuus", "andel", "share"), say(lang, "läpimeno", "genomlopp", "lead time"),
                  say(lang, "kuormittunein rooli", "mest belastade roll", "busiest role"),
                  term(Term::utilisation, lang)};
  table.align = {Align::right, Align::right, Align::left, Align::right};
  const RoleResult* busiest = a.busiest_role();  // in the model as it is
  auto duration = [&](std::optional<double> weeks) {
    return format_duration(weeks, p.calendar.working_days_per_week(), lang, DurationStyle::unit);
  };
  for (const auto& c : a.checkpoints) {
    if (c.share_cases.empty()) continue;
    table.add_span(step_label(p, c.step, lang));
    table.add_row({"  " + pct(c.outcome_share, lang) + say(lang, " (nyt)", " (nu)", " (now)"),
                   duration(a.lead_time_weeks.mean), busiest ? role_label(p, busiest->id, lang) : "",
                   busiest ? pct(busiest->utilisation, lang) : ""});
    for (const auto& s : c.share_cases)
      table.add_row({pct(s.share, lang), duration(s.lead_time_weeks),
                     s.busiest_role.empty() ? "" : role_label(p, s.busiest_role, lang),
                     pct(s.busiest_utilisation, lang)});
  }
  write_table_text(table, layout(fit), out);
}

void print_checkpoints(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  if (a.checkpoints.empty()) return;
  out << "\n" << say(lang, "Tarkistuspisteet", "Kontrollpunkter", "Checkpoints") << "\n";
  for (const auto& c : a.checkpoints)
    print_prose(fmt::format(fmt::runtime(say(
                                lang,
                                "{}: {} asiakasta viikossa arvioidaan luokkaan \"{}\"; heistä {} pääsee vaiheeseen, "
                                "jonka tekee {}.",
                                "{}: {} klienter per vecka bedöms höra till klassen \"{}\"; av dem når {} ett steg "
                                "som utförs av {}.",
                                "{}: {} clients a week are assessed \"{}\"; {} of them reach a step done by {}.")),
                            step_label(p, c.step, lang), format_decimal(c.assessed_per_week, 1, lang),
                            class_term(c.assesses, lang, p.terms), pct(c.share_reaching_required_role, lang),
                            requirement_term(p, c.required_role, lang)),
                fit, out);
  print_share_cases(a, p, lang, fit, out);
}

void print_projection(const Analysis& a, const Process& p, Lang lang, const TextFit& fit, std::ostream& out) {
  if (!a.projection) return;
  const auto& pr = *a.projection;
  out << "\n"
      << say(lang, "Ennuste: jonoon jäävät asiakkaat viikon lopussa, kun kapasiteetti ei riitä",
             "Prognos: klienter kvar i kö vid veckans slut när kapaciteten inte räcker",
             "Projection: clients left waiting at the end of the week when capacity falls short")
      << "\n";
  Row header{say(lang, "viikko", "vecka", "week")};
  for (const auto& r : pr.roles) header.push_back(role_label(p, r, lang));
  std::vector<Row> rows;
  for (size_t w = 0; w < pr.weeks.size(); ++w) {
    Row row{std::to_string(pr.weeks[w])};
    for (double q : pr.queue_clients[w]) row.push_back(format_decimal(q, 1, lang));
    rows.push_back(row);
  }
  print_table(header, rows, fit, out);
}

}  // namespace

void print_analysis(const Analysis& a, const Process& p, Lang lang, std::ostream& out, const TextFit& fit) {
  print_summary(a, p, lang, fit, out);
  print_roles(a, p, lang, fit, out);
  print_steps(a, p, lang, fit, out);
  print_flow_figures(a, p, lang, fit, out);
  print_sensitivity(a, p, lang, fit, out);
  print_checkpoints(a, p, lang, fit, out);
  print_projection(a, p, lang, fit, out);
  if (const auto notes = analysis_notes(a, p, lang); !notes.empty()) {
    out << "\n" << say(lang, "Huomiot", "Anmärkningar", "Notes") << "\n";
    for (const auto& n : notes) print_prose(n, fit, out);
  }
}

}  // namespace sujuva
