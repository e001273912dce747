#include "present/bottleneck_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/label_text.h"
#include "text/duration.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva {

namespace {

std::string percent(std::optional<double> share, Lang lang) { return share ? format_percent(*share, lang) : "–"; }
std::string number(double x, int decimals, Lang lang) { return format_decimal(x, decimals, lang); }
std::string fill(const std::string& pattern, fmt::format_args args) { return fmt::vformat(pattern, args); }

// " (role)" when another step has the same label, so that a sentence names one step: the adult
// models have a "Follow-up and plan review (30–64)" for social counsellors and one for social
// workers. The step's id when the role does not tell them apart either.
std::string step_qualifier(const Process& process, const std::string& id, Lang lang) {
  const std::string label = step_label(process, id, lang);
  auto v = process.find_step(id);
  if (!v) return "";
  const Step& step = process.graph[*v];
  bool shared = false, same_role = false;
  for (auto u : boost::make_iterator_range(boost::vertices(process.graph))) {
    const Step& other = process.graph[u];
    if (u == *v || step_label(process, other.id, lang) != label) continue;
    shared = true;
    same_role = same_role || other.role == step.role;
  }
  if (!shared) return "";
  if (same_role || !step.role) return " (" + id + ")";
  const Role& role = process.roles[*step.role];
  return " (" + one_line(role.label.in(lang, role.id)) + ")";
}

std::string role_sentence(const RoleResult& r, const std::string& label, double days, Lang lang) {
  if (!r.utilisation)
    return fill(say(lang, "{}: ei henkilöstöä, mutta työtä {} tuntia viikossa; jono kasvaa {} asiakasta viikossa.",
                    "{}: ingen personal men arbete {} timmar per vecka; kön växer med {} klienter per vecka.",
                    "{}: no staff but {} hours of work a week; the queue grows by {} clients a week."),
                fmt::make_format_args(label, number(r.demand_hours_per_week, 1, lang),
                                      number(r.backlog_growth_clients_per_week, 1, lang)));
  const std::string utilisation = term(Term::utilisation, lang), wait = term(Term::wait, lang);
  const std::string share = percent(r.utilisation, lang);
  if (!r.stable) {
    const std::string clients = number(r.backlog_growth_clients_per_week, 1, lang),
                      hours = number(r.backlog_growth_hours_per_week, 1, lang);
    return fill(say(lang, "{}: {} {} – kysyntä ylittää kapasiteetin, jono kasvaa {} asiakasta ({} tuntia) viikossa.",
                    "{}: {} {} – efterfrågan överstiger kapaciteten, kön växer med {} klienter ({} timmar) "
                    "per vecka.",
                    "{}: {} {} – demand exceeds capacity, the queue grows by {} clients ({} hours) a week."),
                fmt::make_format_args(label, utilisation, share, clients, hours));
  }
  const std::string waited = format_duration(r.wait_weeks, days, lang), of_lead = percent(r.share_of_lead_time, lang);
  return fill(
      say(lang, "{}: {} {}, {} keskimäärin {}, {} läpimenoajasta.",
          "{}: {} {}, {} i genomsnitt {}, {} av genomloppstiden.", "{}: {} {}, average {} {}, {} of the lead time."),
      fmt::make_format_args(label, utilisation, share, wait, waited, of_lead));
}

}  // namespace

std::string bottleneck_sentence(const Bottleneck& b, const Analysis& a, const Process& p, Lang lang) {
  const double days = p.calendar.working_days_per_week();
  if (b.kind == "role") {
    const RoleResult* r = a.find_role(b.id);
    return r ? role_sentence(*r, role_label(p, b.id, lang), days, lang) : "";
  }
  if (b.kind == "step") {
    auto v = p.find_step(b.id);
    if (!v) return "";
    const StepResult& s = a.steps[*v];
    const std::string label = step_label(p, b.id, lang), qualifier = step_qualifier(p, b.id, lang);
    const std::string share = percent(s.share_of_lead_time, lang),
                      sojourn = format_duration(s.sojourn_weeks, days, lang);
    return fill(say(lang, "Vaihe \"{}\"{}: {} läpimenoajasta, keskimäärin {} käyntiä kohden.",
                    "Steget \"{}\"{}: {} av genomloppstiden, i genomsnitt {} per besök.",
                    "Step \"{}\"{}: {} of the lead time, {} per visit on average."),
                fmt::make_format_args(label, qualifier, share, sojourn));
  }
  if (b.kind == "loop") {
    const std::string label = step_label(p, b.id, lang), qualifier = step_qualifier(p, b.id, lang);
    const std::string added = format_duration(b.added_weeks, days, lang), extra = number(b.extra_visits, 2, lang);
    return fill(say(lang,
                    "Kierros vaiheessa \"{}\"{}: toistokäynnit lisäävät läpimenoaikaan keskimäärin {} ({} "
                    "uusintakäyntiä asiakasta kohden).",
                    "Slingan vid \"{}\"{}: upprepade besök lägger i genomsnitt till {} till genomloppstiden ({} "
                    "extra besök per klient).",
                    "Loop at \"{}\"{}: repeat visits add {} to the lead time on average ({} extra visits per "
                    "client)."),
                fmt::make_format_args(label, qualifier, added, extra));
  }
  if (b.kind == "handoff") {
    const std::string from = role_label(p, b.from_role, lang), to = role_label(p, b.to_role, lang);
    const std::string per_client = number(b.handoffs_per_client, 2, lang),
                      per_week = number(b.handoffs_per_week, 1, lang);
    return fill(say(lang, "Siirrot {} → {}: {} kertaa asiakasta kohden ({} siirtoa viikossa).",
                    "Överlämningar {} → {}: {} gånger per klient ({} per vecka).",
                    "Handoffs {} → {}: {} per client ({} a week)."),
                fmt::make_format_args(from, to, per_client, per_week));
  }
  return "";
}

std::string sensitivity_sentence(const Sensitivity& s, const Analysis& a, const Process& p, Lang lang) {
  const RoleResult* base = a.find_role(s.role);
  if (!base || s.cases.size() < 2) return "";
  const double days = p.calendar.working_days_per_week();
  const auto& plus_one = s.cases[1];
  const std::string label = role_label(p, s.role, lang), lead_now = format_duration(a.lead_time_weeks.mean, days, lang),
                    lead_then = format_duration(plus_one.lead_time_weeks, days, lang),
                    utilisation = term(Term::utilisation, lang), now = percent(base->utilisation, lang),
                    then = percent(plus_one.utilisation, lang), lead = term(Term::lead_time, lang);
  return fill(say(lang, "Yksi henkilö lisää ({}): {} {} → {}, {} {} → {}.",
                  "En person till ({}): {} {} → {}, {} {} → {}.", "One more person ({}): {} {} → {}, {} {} → {}."),
              fmt::make_format_args(label, lead, lead_now, lead_then, utilisation, now, then));
}

std::vector<std::string> analysis_notes(const Analysis& a, const Process& p, Lang lang) {
  std::vector<std::string> notes;
  for (const auto& step : a.leaking_steps)
    notes.push_back(fmt::format(
        fmt::runtime(say(lang,
                         "vaihe \"{}\": osa asiakkaista ei jatka mihinkään (reittien todennäköisyydet alle 1); "
                         "heidän katsotaan poistuvan prosessista",
                         "steget \"{}\": en del av klienterna går ingenstans (sannolikheterna under 1); de räknas som "
                         "att de lämnar processen",
                         "step \"{}\": some clients have no route on (probabilities below 1); they are counted as "
                         "leaving the process")),
        step));
  return notes;
}

std::string no_bottleneck_sentence(const Analysis& analysis, const Process& process, Lang lang) {
  if (std::any_of(analysis.roles.begin(), analysis.roles.end(), [](const RoleResult& r) { return r.bottleneck; }))
    return "";
  const RoleResult* busiest = analysis.busiest_role();
  if (!busiest || !busiest->utilisation || *busiest->utilisation <= 0) return "";
  auto index = process.find_role(busiest->id);
  std::string label = one_line(index ? process.roles[*index].label.in(lang, busiest->id) : busiest->id);
  std::string sentence =
      fmt::format(fmt::runtime(say(lang, "Mikään rooli ei ole pullonkaula. Kuormittunein rooli: {}, käyttöaste {}",
                                   "Ingen roll är en flaskhals. Mest belastad roll: {}, beläggningsgrad {}",
                                   "No role is a bottleneck. Busiest role: {}, utilisation {}")),
                  label, format_percent(*busiest->utilisation, lang));
  if (busiest->wait_weeks)
    sentence += fmt::format(
        fmt::runtime(say(lang, ", odotus keskimäärin {}", ", väntetid i genomsnitt {}", ", average wait {}")),
        format_duration(*busiest->wait_weeks, process.calendar.working_days_per_week(), lang));
  return sentence + ".";
}

}  // namespace sujuva
